/* sc-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecard-cli report`: the monthly review as a PDF, a CSV pack, or
 * both, optionally frozen in the store.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-cli.h"
#include "sc-review-csv.h"
#include "sc-review-pdf.h"

typedef struct
{
  char     *period;
  char     *compare;
  char     *baseline;
  char     *by;
  char     *out;
  char     *csv;
  char     *paper;
  char     *organisation;
  gboolean  freeze;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->period);
  g_free (o->compare);
  g_free (o->baseline);
  g_free (o->by);
  g_free (o->out);
  g_free (o->csv);
  g_free (o->paper);
  g_free (o->organisation);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static ScReviewOptions *
review_options (const Options  *o,
                ScStore        *store,
                GError        **error)
{
  g_autoptr(ScReviewOptions) options = sc_review_options_new (o->period);

  if (o->compare != NULL
      && (!sc_comparison_from_string (o->compare, &options->comparison)
          || options->comparison == SC_COMPARE_NONE))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("--compare: “%s” is not a comparison; use previous, year or baseline"), o->compare);
      return NULL;
    }
  if (o->baseline != NULL && options->comparison != SC_COMPARE_BASELINE)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("--baseline needs --compare baseline"));
      return NULL;
    }
  options->baseline = g_strdup (o->baseline);
  if (o->by != NULL)
    {
      g_autoptr(GPtrArray) known = sc_store_list_dimensions (store, error);

      if (known == NULL)
        return NULL;
      if (!sc_review_options_set_dimensions (options, known, o->by, error))
        {
          g_prefix_error (error, "--by: ");
          return NULL;
        }
    }
  options->organisation = o->organisation ? g_strdup (o->organisation)
                                          : sc_store_dup_setting (store, SC_SETTING_ORGANISATION);
  return g_steal_pointer (&options);
}

static gboolean
choose_paper (const Options  *o,
              ScStore        *store,
              ScPaper        *paper,
              GError        **error)
{
  g_autofree char *setting = NULL;

  if (o->paper == NULL)
    {
      setting = sc_store_dup_setting (store, SC_SETTING_PAPER);
      *paper = sc_paper_from_setting (setting);
      return TRUE;
    }
  if (sc_paper_from_string (o->paper, paper))
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("--paper: “%s” is not a paper size; use a4 or letter"),
               o->paper);
  return FALSE;
}

static void
print_outcome (const Options  *o,
               const ScReview *review,
               int             n_pages,
               GPtrArray      *files)
{
  if (o->out != NULL)
    printf (g_dngettext (GETTEXT_PACKAGE, "Review of %s written to %s (%d page)\n",
                         "Review of %s written to %s (%d pages)\n", n_pages),
            review->period_label, o->out, n_pages);
  for (guint i = 0; files != NULL && i < files->len; i++)
    printf (_("Table written to %s\n"), (const char *) g_ptr_array_index (files, i));
  if (review->snapshot_at > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u number restated since the review was frozen\n",
                         "%u numbers restated since the review was frozen\n", review->restatements->len),
            review->restatements->len);
  if (o->freeze)
    printf (_("Review frozen in the store\n"));
}

int
sc_cli_report (const ScCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(ScReviewOptions) options = NULL;
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GPtrArray) files = NULL;
  ScPaper paper;
  int n_pages = 0;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &o.period, N_("The period to review (2026-10, 2026-Q4…)"), N_("P") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &o.compare, N_("previous (default), year or baseline"), N_("WITH") },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &o.baseline,
      N_("The baseline period (default: the three periods before)"), N_("P") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("Break down by these dimensions (default channel)"),
      N_("DIM,…") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &o.out, N_("Write the review as a PDF"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &o.csv, N_("Write its tables as CSV files into a folder"), N_("DIR") },
    { "freeze", 0, 0, G_OPTION_ARG_NONE, &o.freeze, N_("Keep a snapshot of the numbers in the store"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper, N_("a4 or letter (default: the report.paper setting, "
                                                       "else the locale’s)"), N_("SIZE") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &o.organisation,
      N_("The name on the cover (default: the store’s organisation setting)"), N_("NAME") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write the monthly review: a PDF document and a CSV pack."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sc_cli_usage_error (context, error);
  if (o.period == NULL || (o.out == NULL && o.csv == NULL))
    {
      g_set_error (&error, SC_ERROR, SC_ERROR_INVALID, _("report needs --period and --out FILE or --csv DIR"));
      return sc_cli_usage_error (context, error);
    }
  store = sc_cli_open_store (globals, o.freeze ? SC_STORE_OPEN_DEFAULT : SC_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return 1;
  if ((options = review_options (&o, store, &error)) == NULL || !choose_paper (&o, store, &paper, &error))
    return sc_cli_usage_error (context, error);
  engine = sc_engine_new (store);
  if ((review = sc_review_compute (engine, options, NULL, NULL, NULL, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (o.out != NULL && !sc_review_write_pdf (review, o.out, paper, &n_pages, NULL, NULL, NULL, &error))
    return sc_cli_fail ("%s", error->message);
  if (o.csv != NULL && !sc_review_write_csv (review, o.csv, &files, &error))
    return sc_cli_fail ("%s", error->message);
  if (o.freeze && !sc_review_freeze (review, store, &error))
    return sc_cli_fail ("%s", error->message);
  print_outcome (&o, review, n_pages, files);
  return 0;
}
