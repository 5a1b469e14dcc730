/* sc-cli-baselines.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecard-cli baselines list|set|unset`:
 *
 *   baselines list [--metric ID] [--as-of DATE] [--for MONTH] [--json]
 *   baselines set --metric ID [--where DIM=VALUE…]
 *                 (--value V | --range FROM..TO | --trailing N | --last-year)
 *                 [--freeze [--for MONTH]] [--note TEXT]
 *   baselines unset --metric ID [--where DIM=VALUE…]
 *
 * A baseline is a fixed value or the metric's value over a reference
 * period, recomputed from the data unless frozen. The listing shows each
 * baseline's value for a month (--for, by default the last complete month
 * of the data). Every change is one transaction and adds a version, so
 * `--as-of` shows the baselines in force at the end of a past day.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-baseline-eval.h"
#include "sc-cli.h"
#include "sc-engine.h"
#include "sc-target.h"
#include "sc-target-value.h"
#include "sc-view-state.h"

#define MAX_TRAILING_MONTHS 36

typedef struct
{
  char      *metric;
  char     **where;
  char      *value;
  char      *range;
  int        trailing;
  gboolean   last_year;
  gboolean   freeze;
  char      *month;
  char      *note;
  char      *as_of;
  gboolean   json;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->metric);
  g_strfreev (o->where);
  g_free (o->value);
  g_free (o->range);
  g_free (o->month);
  g_free (o->note);
  g_free (o->as_of);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

typedef enum
{
  ACTION_LIST,
  ACTION_SET,
  ACTION_UNSET,
} Action;

static const char * const action_names[] = { "list", "set", "unset" };

static GOptionContext *
make_context (Action   action,
              Options *o)
{
  const GOptionEntry metric = {
    "metric", 0, 0, G_OPTION_ARG_STRING, &o->metric, N_("The metric id"), N_("ID")
  };
  const GOptionEntry where = {
    "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->where,
    N_("A segment condition (repeatable; default all interactions)"), N_("DIM=VALUE")
  };
  const GOptionEntry value = {
    "value", 0, 0, G_OPTION_ARG_STRING, &o->value, N_("A fixed baseline in the metric’s unit: 4h, 85%, +20"),
    N_("VALUE")
  };
  const GOptionEntry range = {
    "range", 0, 0, G_OPTION_ARG_STRING, &o->range,
    N_("The metric’s value over these days or months: 2025-01..2025-03"), N_("FROM..TO")
  };
  const GOptionEntry trailing = {
    "trailing", 0, 0, G_OPTION_ARG_INT, &o->trailing,
    N_("The metric’s value over the N whole months before the period looked at"), N_("N")
  };
  const GOptionEntry last_year = {
    "last-year", 0, 0, G_OPTION_ARG_NONE, &o->last_year, N_("The metric’s value over the same period last year"),
    NULL
  };
  const GOptionEntry freeze = {
    "freeze", 0, 0, G_OPTION_ARG_NONE, &o->freeze,
    N_("Keep the value computed now instead of following the data"), NULL
  };
  const GOptionEntry month = {
    "for", 0, 0, G_OPTION_ARG_STRING, &o->month,
    N_("The month whose baseline to compute (default the last complete month)"), N_("MONTH")
  };
  const GOptionEntry note = { "note", 0, 0, G_OPTION_ARG_STRING, &o->note, N_("A note"), N_("TEXT") };
  const GOptionEntry as_of = {
    "as-of", 0, 0, G_OPTION_ARG_STRING, &o->as_of, N_("The baselines in force at the end of this day"),
    N_("DATE")
  };
  const GOptionEntry json = { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print JSON"), NULL };
  const GOptionEntry end = { NULL };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionContext *context = g_option_context_new (action_names[action]);

  switch (action)
    {
    case ACTION_LIST:
      g_option_context_set_summary (context, _("List the baselines in force and their value for a month."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, as_of, month, json }, 4);
      break;
    case ACTION_SET:
      g_option_context_set_summary (context, _("Set a metric’s baseline, for all interactions or a segment."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, where, value, range, trailing, last_year,
                                                       freeze, month, note }, 9);
      break;
    case ACTION_UNSET:
    default:
      g_option_context_set_summary (context, _("Remove a baseline (its history is kept)."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, where }, 2);
      break;
    }
  g_array_append_val (entries, end);
  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  return context;
}

/* ---- Parsing ------------------------------------------------------------------ */

/* One end of --range: a date, or a month (its first or its last day). */
static gboolean
parse_range_end (const char *text,
                 gboolean    last,
                 gint32     *day)
{
  if (sc_calendar_parse_date (text, day))
    return TRUE;
  if (!sc_target_month_parse ("--range", text, day, NULL))
    return FALSE;
  if (last)
    *day = sc_grain_next_bucket (SC_GRAIN_MONTH, *day) - 1;
  return TRUE;
}

static gboolean
parse_range (const char  *text,
             gint32      *from,
             gint32      *to,
             GError     **error)
{
  g_auto(GStrv) ends = g_strsplit (text, "..", 2);

  if (g_strv_length (ends) != 2
      || !parse_range_end (g_strstrip (ends[0]), FALSE, from)
      || !parse_range_end (g_strstrip (ends[1]), TRUE, to))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--range: “%s” is not FROM..TO; write months (2025-01..2025-03) "
                     "or days (2025-01-01..2025-03-31)"), text);
      return FALSE;
    }
  if (*to < *from)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--range: “%s” ends before it starts"), text);
      return FALSE;
    }
  return TRUE;
}

/* The month --for names, or the last complete month of the data; 0 when
 * the store holds no interactions. */
static gboolean
parse_month (ScStore     *store,
             const char  *text,
             gint32      *first_day,
             GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  ScStoreOverview overview;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (text != NULL)
    return sc_target_month_parse ("--for", text, first_day, error);
  *first_day = 0;
  if (!sc_store_get_overview (store, &overview, error))
    return FALSE;
  if (overview.last_created == SC_MISSING)
    return TRUE;
  zone = sc_cli_store_zone (store);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  *first_day = sc_latest_complete_month (MIN (overview.last_created, now), now, zone);
  return TRUE;
}

static ScFacts *
load_facts (ScStore  *store,
            GError  **error)
{
  g_autoptr(ScEngine) engine = sc_engine_new (store);

  return sc_engine_dup_facts (engine, error);
}

/* ---- Listing ---------------------------------------------------------------------- */

static void
append_json_day (GString *out,
                 gint32   day)
{
  g_autofree char *text = day != 0 ? sc_calendar_format_date (day) : NULL;

  sc_cli_json_string (out, text);
}

static void
append_json_baseline (GString               *out,
                      const ScBaseline      *b,
                      const char            *month,
                      const ScBaselineValue *v)
{
  g_autofree char *source = sc_baseline_describe (b);
  g_autofree char *value = !isnan (v->value) ? sc_target_value_format (b->metric, v->value) : NULL;
  g_autofree char *from = sc_cli_format_instant (b->valid_from);
  g_autofree char *to = sc_cli_format_instant (b->valid_to);

  g_string_append (out, "{\"metric\": ");
  sc_cli_json_string (out, sc_metric_get (b->metric)->id_string);
  g_string_append (out, ", \"segment\": ");
  sc_cli_json_string (out, b->segment);
  g_string_append (out, ", \"kind\": ");
  sc_cli_json_string (out, sc_baseline_kind_to_string (b->kind));
  g_string_append (out, ", \"source\": ");
  sc_cli_json_string (out, source);
  g_string_append (out, ", \"range_from\": ");
  append_json_day (out, b->range_from);
  g_string_append (out, ", \"range_to\": ");
  append_json_day (out, b->range_to);
  g_string_append (out, ", \"months\": ");
  sc_cli_json_number (out, b->kind == SC_BASELINE_TRAILING ? b->months : NAN);
  g_string_append_printf (out, ", \"frozen\": %s, \"stored_value\": ", b->frozen ? "true" : "false");
  sc_cli_json_number (out, b->value);
  g_string_append (out, ", \"for\": ");
  sc_cli_json_string (out, month);
  g_string_append (out, ", \"value\": ");
  sc_cli_json_number (out, v->value);
  g_string_append (out, ", \"value_text\": ");
  sc_cli_json_string (out, value);
  g_string_append (out, ", \"reference_from\": ");
  append_json_day (out, v->from_day);
  g_string_append (out, ", \"reference_to\": ");
  append_json_day (out, v->to_day);
  g_string_append (out, ", \"n\": ");
  sc_cli_json_number (out, v->computed ? (double) v->n : NAN);
  g_string_append_printf (out, ", \"insufficient\": %s, \"note\": ", v->insufficient ? "true" : "false");
  sc_cli_json_string (out, b->note);
  g_string_append (out, ", \"valid_from\": ");
  sc_cli_json_string (out, from);
  g_string_append (out, ", \"valid_to\": ");
  sc_cli_json_string (out, to);
  g_string_append_c (out, '}');
}

static void
append_text_baseline (GString               *out,
                      const ScBaseline      *b,
                      const ScBaselineValue *v)
{
  g_autofree char *segment = sc_segment_key_describe (b->segment);
  g_autofree char *source = sc_baseline_describe (b);
  g_autofree char *value = !isnan (v->value) ? sc_target_value_format (b->metric, v->value)
                                             : g_strdup (_("no data"));

  g_string_append_printf (out, "%-22s  %-28s  %-32s  %-12s%s  %s", sc_metric_get (b->metric)->id_string,
                          segment, source, value, v->insufficient && v->computed ? _(" (few)") : "",
                          b->note ? b->note : "");
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static int
run_list (ScStore       *store,
          const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autoptr(ScFacts) facts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *month_text = NULL;
  ScMetricId metric = SC_METRIC_N;
  gint64 as_of;
  gint32 month, month_end = 0;

  if ((o->metric != NULL && !sc_cli_parse_metric (o->metric, &metric, &error))
      || !sc_cli_parse_as_of (store, o->as_of, &as_of, &error)
      || !parse_month (store, o->month, &month, &error))
    return sc_cli_fail ("%s", error->message);
  if ((baselines = sc_store_list_baselines (store, as_of, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  for (guint i = baselines->len; metric != SC_METRIC_N && i > 0; i--)
    if (((ScBaseline *) baselines->pdata[i - 1])->metric != metric)
      g_ptr_array_remove_index (baselines, i - 1);
  if (month != 0)
    {
      ScTargetPeriod period = { SC_TARGET_PERIOD_MONTH, month };

      month_text = sc_target_period_format (&period);
      month_end = sc_grain_next_bucket (SC_GRAIN_MONTH, month) - 1;
    }

  if (o->json)
    g_string_append_c (out, '[');
  else if (baselines->len == 0)
    g_string_append (out, _("No baselines are set.\n"));
  else if (month != 0)
    g_string_append_printf (out, _("Values for %s:\n"), month_text);
  for (guint i = 0; i < baselines->len; i++)
    {
      const ScBaseline *b = baselines->pdata[i];
      ScBaselineValue v = { .value = b->value };

      if (month != 0 && b->kind != SC_BASELINE_FIXED && !b->frozen && facts == NULL
          && (facts = load_facts (store, &error)) == NULL)
        return sc_cli_fail ("%s", error->message);
      if (month != 0 && !sc_baseline_compute (b, facts, month, month_end, &v, &error))
        return sc_cli_fail ("%s", error->message);
      if (o->json)
        {
          g_string_append (out, i > 0 ? ",\n " : "");
          append_json_baseline (out, b, month_text, &v);
        }
      else
        append_text_baseline (out, b, &v);
    }
  if (o->json)
    g_string_append (out, "]\n");
  fwrite (out->str, 1, out->len, stdout);
  return 0;
}

/* ---- Setting ---------------------------------------------------------------------- */

/* The baseline's key: --metric and --where. */
static gboolean
parse_key (ScStore        *store,
           const Options  *o,
           ScMetricId     *metric,
           char          **segment,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sc_cli_parse_metric (o->metric, metric, error))
    return FALSE;
  *segment = sc_segment_key_from_conditions ((const char * const *) o->where, store, &local_error);
  if (*segment == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--where: %s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The baseline --value, --range, --trailing or --last-year describe. */
static ScBaseline *
parse_baseline (ScStore        *store,
                const Options  *o,
                ScMetricId      metric,
                const char     *segment,
                GError        **error)
{
  g_autoptr(ScBaseline) baseline = NULL;
  g_autoptr(ScMetricSettings) settings = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_sources = (o->value != NULL) + (o->range != NULL) + (o->trailing != -1) + (o->last_year != FALSE);

  if (n_sources != 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("give one of --value, --range, --trailing or --last-year"));
      return NULL;
    }
  if (o->value != NULL)
    {
      if (o->freeze)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--freeze keeps a computed baseline; a --value is fixed already"));
          return NULL;
        }
      if ((settings = sc_metric_settings_load (store, error)) == NULL)
        return NULL;
      baseline = sc_baseline_new (metric, segment, SC_BASELINE_FIXED);
      if (!sc_target_value_parse (metric, settings, o->value, &baseline->value, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--value: %s", local_error->message);
          return NULL;
        }
    }
  else if (o->range != NULL)
    {
      baseline = sc_baseline_new (metric, segment, SC_BASELINE_RANGE);
      if (!parse_range (o->range, &baseline->range_from, &baseline->range_to, error))
        return NULL;
    }
  else if (o->trailing != -1)
    {
      if (o->trailing < 1 || o->trailing > MAX_TRAILING_MONTHS)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--trailing: %d is not a number of months from 1 to %d"), o->trailing,
                       MAX_TRAILING_MONTHS);
          return NULL;
        }
      baseline = sc_baseline_new (metric, segment, SC_BASELINE_TRAILING);
      baseline->months = o->trailing;
    }
  else
    baseline = sc_baseline_new (metric, segment, SC_BASELINE_LAST_YEAR);
  baseline->note = g_strdup (o->note);
  return g_steal_pointer (&baseline);
}

static int
run_set (ScStore       *store,
         const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScBaseline) baseline = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *where = NULL;
  g_autofree char *source = NULL;
  ScBaselineEdit edit;
  ScMetricId metric;
  guint n_changed = 0;

  if (!parse_key (store, o, &metric, &segment, &error))
    return sc_cli_fail ("%s", error->message);
  if ((baseline = parse_baseline (store, o, metric, segment, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (o->month != NULL && !o->freeze)
    return sc_cli_fail (_("--for goes with --freeze: it names the month whose value to keep"));
  if (o->freeze)
    {
      g_autoptr(ScFacts) facts = NULL;
      ScBaseline *frozen;
      gint32 month;

      if (!parse_month (store, o->month, &month, &error))
        return sc_cli_fail ("%s", error->message);
      if (month == 0)
        return sc_cli_fail (_("--freeze: the store holds no interactions to compute the baseline from"));
      if ((facts = load_facts (store, &error)) == NULL
          || (frozen = sc_baseline_freeze (baseline, facts, month, sc_grain_next_bucket (SC_GRAIN_MONTH, month) - 1,
                                           &error)) == NULL)
        return sc_cli_fail ("%s", error->message);
      sc_baseline_free (baseline);
      baseline = frozen;
    }

  edit = (ScBaselineEdit) { baseline, FALSE };
  if (!sc_store_apply_baseline_edits (store, &edit, 1, g_get_real_time () / G_USEC_PER_SEC, NULL, &n_changed,
                                      &error))
    return sc_cli_fail ("%s", error->message);
  where = sc_segment_key_describe (segment);
  source = sc_baseline_describe (baseline);
  if (n_changed == 0)
    printf (_("The baseline of %s (%s) was already %s.\n"), sc_metric_get (metric)->id_string, where, source);
  else
    printf (_("Set the baseline of %s (%s): %s.\n"), sc_metric_get (metric)->id_string, where, source);
  return 0;
}

static int
run_unset (ScStore       *store,
           const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScBaseline) key = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *where = NULL;
  ScBaselineEdit edit;
  ScMetricId metric;
  guint n_changed = 0;

  if (!parse_key (store, o, &metric, &segment, &error))
    return sc_cli_fail ("%s", error->message);
  key = sc_baseline_new (metric, segment, SC_BASELINE_FIXED);
  edit = (ScBaselineEdit) { key, TRUE };
  if (!sc_store_apply_baseline_edits (store, &edit, 1, g_get_real_time () / G_USEC_PER_SEC, NULL, &n_changed,
                                      &error))
    return sc_cli_fail ("%s", error->message);
  where = sc_segment_key_describe (segment);
  if (n_changed == 0)
    printf (_("%s (%s) has no baseline.\n"), sc_metric_get (metric)->id_string, where);
  else
    printf (_("Removed the baseline of %s (%s).\n"), sc_metric_get (metric)->id_string, where);
  return 0;
}

static void
print_baselines_usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage: scorecard-cli baselines ACTION [OPTIONS…]\n\n"
             "Actions:\n"
             "  list      List the baselines in force and their value for a month\n"
             "  set       Set a baseline: a value, or the metric over a reference period\n"
             "  unset     Remove a baseline\n\n"
             "Run “scorecard-cli baselines ACTION --help” for an action’s options.\n"));
}

int
sc_cli_baselines (const ScCliGlobals  *globals,
                  int                  argc,
                  char               **argv)
{
  g_auto(Options) o = { .trailing = -1 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScStore) store = NULL;
  guint action;
  int status;

  if ((status = sc_cli_find_action ("baselines", argc, argv, action_names, G_N_ELEMENTS (action_names),
                                    print_baselines_usage, &action)) >= 0)
    return status;
  argc--;
  argv++;
  context = make_context (action, &o);
  if ((status = sc_cli_parse_options (context, "baselines", action_names[action], argc, argv)) >= 0)
    return status;

  store = sc_cli_open_store (globals, action == ACTION_LIST ? SC_STORE_OPEN_READ_ONLY : SC_STORE_OPEN_CREATE);
  if (store == NULL)
    return 1;
  switch (action)
    {
    case ACTION_LIST:
      return run_list (store, &o);
    case ACTION_SET:
      return run_set (store, &o);
    case ACTION_UNSET:
    default:
      return run_unset (store, &o);
    }
}
