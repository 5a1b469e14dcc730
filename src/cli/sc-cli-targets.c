/* sc-cli-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecard-cli targets list|set|unset|history|import|export`:
 *
 *   targets list [--metric ID] [--as-of DATE] [--json]
 *   targets set --metric ID --value V [--where DIM=VALUE…]
 *               (--period P | --from MONTH [--to MONTH [--end-value V]])
 *               [--band 5%] [--note TEXT]
 *   targets unset --metric ID [--where DIM=VALUE…] (--period P | --from MONTH --to MONTH)
 *   targets history --metric ID [--where DIM=VALUE…] --period P [--json]
 *   targets import [--json] FILE
 *   targets export [--as-of DATE] [FILE]
 *
 * Every change is one transaction and adds a version; nothing is ever
 * overwritten, so `--as-of` shows the targets in force at the end of a
 * past day.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-target.h"
#include "sc-target-csv.h"
#include "sc-target-history.h"
#include "sc-target-value.h"

typedef struct
{
  char      *metric;
  char      *value;
  char     **where;
  char      *period;
  char      *from;
  char      *to;
  char      *end_value;
  char      *band;
  char      *note;
  char      *as_of;
  gboolean   json;
  char     **rest;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->metric);
  g_free (o->value);
  g_strfreev (o->where);
  g_free (o->period);
  g_free (o->from);
  g_free (o->to);
  g_free (o->end_value);
  g_free (o->band);
  g_free (o->note);
  g_free (o->as_of);
  g_strfreev (o->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

typedef enum
{
  ACTION_LIST,
  ACTION_SET,
  ACTION_UNSET,
  ACTION_HISTORY,
  ACTION_IMPORT,
  ACTION_EXPORT,
} Action;

static const char * const action_names[] = { "list", "set", "unset", "history", "import", "export" };

/* ---- Actions shared with sc-cli-baselines.c ------------------------------------ */

/* Finds the action argv[1] names among @names. Returns the exit status
 * when there is nothing more to do (help, or no or an unknown action),
 * else -1 with @action set. */
int
sc_cli_find_action (const char          *command,
                    int                  argc,
                    char               **argv,
                    const char * const  *names,
                    guint                n_names,
                    void               (*print_usage) (FILE *out),
                    guint               *action)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  for (*action = 0; *action < n_names; (*action)++)
    if (g_str_equal (argv[1], names[*action]))
      return -1;
  sc_cli_fail (_("%s: unknown action “%s”"), command, argv[1]);
  print_usage (stderr);
  return 2;
}

/* Parses an action's options (argv[0] is the action). Returns the exit
 * status on bad options or a stray argument, else -1. */
int
sc_cli_parse_options (GOptionContext  *context,
                      const char      *command,
                      const char      *action,
                      int              argc,
                      char           **argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sc_cli_usage_error (context, error);
  if (argc > 1)
    return sc_cli_fail (_("%s %s: unexpected argument “%s”"), command, action, argv[1]);
  return -1;
}

/* ---- Options ----------------------------------------------------------------- */

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
  const GOptionEntry period = {
    "period", 0, 0, G_OPTION_ARG_STRING, &o->period,
    N_("2026-03, 2026-Q4, 2026 or “from 2026-03-15”"), N_("PERIOD")
  };
  const GOptionEntry from = {
    "from", 0, 0, G_OPTION_ARG_STRING, &o->from,
    N_("The first month; alone, the target applies from then on"), N_("MONTH")
  };
  const GOptionEntry to = {
    "to", 0, 0, G_OPTION_ARG_STRING, &o->to, N_("The last month: one target per month"), N_("MONTH")
  };
  const GOptionEntry value = {
    "value", 0, 0, G_OPTION_ARG_STRING, &o->value, N_("The target in the metric’s unit: 4h, 85%, +20"), N_("VALUE")
  };
  const GOptionEntry end_value = {
    "end-value", 0, 0, G_OPTION_ARG_STRING, &o->end_value,
    N_("With --to: the last month’s target, on a straight line from --value"), N_("VALUE")
  };
  const GOptionEntry band = {
    "band", 0, 0, G_OPTION_ARG_STRING, &o->band, N_("How far short still counts as at risk (default 5%)"), N_("PERCENT")
  };
  const GOptionEntry note = { "note", 0, 0, G_OPTION_ARG_STRING, &o->note, N_("A note"), N_("TEXT") };
  const GOptionEntry as_of = {
    "as-of", 0, 0, G_OPTION_ARG_STRING, &o->as_of, N_("The targets in force at the end of this day"), N_("DATE")
  };
  const GOptionEntry json = { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print JSON"), NULL };
  const GOptionEntry rest = { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->rest, NULL, N_("FILE") };
  const GOptionEntry end = { NULL };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionContext *context = g_option_context_new (action_names[action]);

  switch (action)
    {
    case ACTION_LIST:
      g_option_context_set_summary (context, _("List the targets in force."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, as_of, json }, 3);
      break;
    case ACTION_SET:
      g_option_context_set_summary (context, _("Set a target, or one per month of a range."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, value, where, period, from, to,
                                                       end_value, band, note }, 9);
      break;
    case ACTION_UNSET:
      g_option_context_set_summary (context, _("Remove a target (its history is kept)."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, where, period, from, to }, 5);
      break;
    case ACTION_HISTORY:
      g_option_context_set_summary (context, _("Show every version of one target."));
      g_array_append_vals (entries, (GOptionEntry[]) { metric, where, period, json }, 4);
      break;
    case ACTION_IMPORT:
      g_option_context_set_summary (context, _("Set the targets of a CSV file (metric, segment, period, value)."));
      g_array_append_vals (entries, (GOptionEntry[]) { json, rest }, 2);
      break;
    case ACTION_EXPORT:
    default:
      g_option_context_set_summary (context, _("Write the targets in force as CSV (to standard output without FILE)."));
      g_array_append_vals (entries, (GOptionEntry[]) { as_of, rest }, 2);
      break;
    }
  g_array_append_val (entries, end);
  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  return context;
}

/* Shared with sc-cli-baselines.c (see sc-cli.h). */
gboolean
sc_cli_parse_metric (const char  *text,
                     ScMetricId  *metric,
                     GError     **error)
{
  const ScMetric *entry;

  if (text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--metric is required"));
      return FALSE;
    }
  if ((entry = sc_metric_lookup (text)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--metric: no metric “%s”; run “scorecard-cli metrics --list”"), text);
      return FALSE;
    }
  *metric = entry->id;
  return TRUE;
}

/* The periods an edit covers: --period, --from alone (from a date on), or
 * --from and --to (each month). @first_month is set for a month range. */
static GArray *
parse_periods (const Options  *o,
               gboolean       *month_range,
               GError        **error)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (ScTargetPeriod));
  g_autoptr(GError) local_error = NULL;
  ScTargetPeriod period;
  gint32 first, last;

  *month_range = FALSE;
  if ((o->period != NULL) == (o->from != NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("give either --period or --from (with --to for a range of months)"));
      return NULL;
    }
  if (o->period != NULL)
    {
      if (!sc_target_period_parse (o->period, &period, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--period: %s", local_error->message);
          return NULL;
        }
      g_array_append_val (periods, period);
      return g_steal_pointer (&periods);
    }
  if (o->to == NULL)
    {
      g_autofree char *text = g_strdup_printf ("from %s", o->from);

      if (!sc_target_period_parse (text, &period, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--from: %s", local_error->message);
          return NULL;
        }
      g_array_append_val (periods, period);
      return g_steal_pointer (&periods);
    }
  if (!sc_target_month_parse ("--from", o->from, &first, error)
      || !sc_target_month_parse ("--to", o->to, &last, error))
    return NULL;
  if (last < first)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--to %s comes before --from %s"), o->to, o->from);
      return NULL;
    }
  for (gint32 day = first; day <= last; day = sc_grain_next_bucket (SC_GRAIN_MONTH, day))
    {
      period = (ScTargetPeriod) { SC_TARGET_PERIOD_MONTH, day };
      g_array_append_val (periods, period);
    }
  *month_range = TRUE;
  return g_steal_pointer (&periods);
}

static gboolean
parse_value (const char              *option,
             ScMetricId               metric,
             const ScMetricSettings  *settings,
             const char              *text,
             double                  *value,
             GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s is required"), option);
      return FALSE;
    }
  if (sc_target_value_parse (metric, settings, text, value, &local_error))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s", option, local_error->message);
  return FALSE;
}

/* The store's time zone, %NULL for UTC. */
GTimeZone *
sc_cli_store_zone (ScStore *store)
{
  g_autofree char *zone_name = sc_store_dup_setting (store, "timezone");

  return zone_name != NULL ? g_time_zone_new_identifier (zone_name) : NULL;
}

/* The instant whose targets (or baselines) --as-of DATE shows: the end of
 * that day in the store's time zone; now without --as-of. */
gboolean
sc_cli_parse_as_of (ScStore      *store,
                    const char   *text,
                    gint64       *as_of,
                    GError      **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint32 day;

  *as_of = SC_MISSING;
  if (text == NULL)
    return TRUE;
  if (!sc_calendar_parse_date (text, &day))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--as-of: “%s” is not a date; use YYYY-MM-DD"), text);
      return FALSE;
    }
  zone = sc_cli_store_zone (store);
  *as_of = sc_target_review_instant (day, zone, g_get_real_time () / G_USEC_PER_SEC);
  return TRUE;
}

/* ---- Output ---------------------------------------------------------------------- */

char *
sc_cli_format_instant (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t == SC_MISSING)
    return NULL;
  dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
append_json_target (GString        *out,
                    const ScTarget *t)
{
  g_autofree char *period = sc_target_period_format (&t->period);
  g_autofree char *start = sc_calendar_format_date (t->period.start_day);
  g_autofree char *value = sc_target_value_format (t->metric, t->value);
  g_autofree char *from = sc_cli_format_instant (t->valid_from);
  g_autofree char *to = sc_cli_format_instant (t->valid_to);

  g_string_append (out, "{\"metric\": ");
  sc_cli_json_string (out, sc_metric_get (t->metric)->id_string);
  g_string_append (out, ", \"segment\": ");
  sc_cli_json_string (out, t->segment);
  g_string_append (out, ", \"period\": ");
  sc_cli_json_string (out, period);
  g_string_append_printf (out, ", \"period_kind\": \"%s\", \"period_start\": \"%s\", \"value\": ",
                          sc_target_period_kind_to_string (t->period.kind), start);
  sc_cli_json_number (out, t->value);
  g_string_append (out, ", \"value_text\": ");
  sc_cli_json_string (out, value);
  g_string_append (out, ", \"at_risk_band\": ");
  sc_cli_json_number (out, t->at_risk_band);
  g_string_append (out, ", \"note\": ");
  sc_cli_json_string (out, t->note);
  g_string_append (out, ", \"valid_from\": ");
  sc_cli_json_string (out, from);
  g_string_append (out, ", \"valid_to\": ");
  sc_cli_json_string (out, to);
  g_string_append_c (out, '}');
}

static void
print_targets (GPtrArray *targets,
               gboolean   json,
               gboolean   versions)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < targets->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n " : "");
          append_json_target (out, targets->pdata[i]);
        }
      g_string_append (out, "]\n");
      fwrite (out->str, 1, out->len, stdout);
      return;
    }
  if (targets->len == 0)
    {
      printf ("%s", versions ? _("No such target has been set.\n") : _("No targets are set.\n"));
      return;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];
      g_autofree char *segment = sc_segment_key_describe (t->segment);
      g_autofree char *period = sc_target_period_format (&t->period);
      g_autofree char *value = sc_target_value_format (t->metric, t->value);
      g_autofree char *band = sc_target_band_format (t->at_risk_band);
      g_autofree char *from = sc_cli_format_instant (t->valid_from);
      g_autofree char *to = sc_cli_format_instant (t->valid_to);

      if (versions)
        g_string_append_printf (out, "%-20s  %-20s  %-12s  %-6s  %s", from, to ? to : _("in force"),
                                value, band, t->note ? t->note : "");
      else
        g_string_append_printf (out, "%-22s  %-28s  %-16s  %-12s  %-6s  %s",
                                sc_metric_get (t->metric)->id_string, segment, period, value, band,
                                t->note ? t->note : "");
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
}

/* ---- Actions -------------------------------------------------------------------- */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static int
run_list (ScStore       *store,
          const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  ScMetricId metric = SC_METRIC_N;
  gint64 as_of;

  if ((o->metric != NULL && !sc_cli_parse_metric (o->metric, &metric, &error))
      || !sc_cli_parse_as_of (store, o->as_of, &as_of, &error))
    return sc_cli_fail ("%s", error->message);
  if ((targets = sc_store_list_targets (store, as_of, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  for (guint i = targets->len; metric != SC_METRIC_N && i > 0; i--)
    if (((ScTarget *) targets->pdata[i - 1])->metric != metric)
      g_ptr_array_remove_index (targets, i - 1);
  print_targets (targets, o->json, FALSE);
  return 0;
}

static int
run_set (ScStore       *store,
         const Options *o,
         gboolean       unset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScMetricSettings) settings = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
  g_autofree ScTargetEdit *edits = NULL;
  g_autofree char *segment = NULL;
  ScMetricId metric;
  double value = NAN, end_value = NAN, band = 0.05;
  gboolean month_range;
  guint n_changed = 0;

  if (!sc_cli_parse_metric (o->metric, &metric, &error)
      || (periods = parse_periods (o, &month_range, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if ((segment = sc_segment_key_from_conditions ((const char * const *) o->where, store, &error)) == NULL)
    return sc_cli_fail ("--where: %s", error->message);
  if ((settings = sc_metric_settings_load (store, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (!unset)
    {
      if (!parse_value ("--value", metric, settings, o->value, &value, &error)
          || (o->end_value != NULL
              && !parse_value ("--end-value", metric, settings, o->end_value, &end_value, &error)))
        return sc_cli_fail ("%s", error->message);
      if (o->end_value != NULL && !month_range)
        return sc_cli_fail (_("--end-value needs --from and --to"));
      if (o->band != NULL && !sc_target_band_parse (o->band, &band, &error))
        return sc_cli_fail ("--band: %s", error->message);
    }

  if (month_range && !unset)
    {
      g_autoptr(ScTarget) first = sc_target_new (metric, segment, &g_array_index (periods, ScTargetPeriod, 0), value);

      first->at_risk_band = band;
      first->note = g_strdup (o->note);
      g_ptr_array_unref (targets);
      targets = sc_target_glide_path (first, g_array_index (periods, ScTargetPeriod, periods->len - 1).start_day,
                                      end_value);
    }
  else
    for (guint i = 0; i < periods->len; i++)
      {
        ScTarget *t = sc_target_new (metric, segment, &g_array_index (periods, ScTargetPeriod, i), value);

        t->at_risk_band = band;
        t->note = g_strdup (o->note);
        g_ptr_array_add (targets, t);
      }

  edits = g_new0 (ScTargetEdit, targets->len);
  for (guint i = 0; i < targets->len; i++)
    edits[i] = (ScTargetEdit) { targets->pdata[i], unset };
  if (!sc_store_apply_target_edits (store, edits, targets->len, now_seconds (), NULL, &n_changed, &error))
    return sc_cli_fail ("%s", error->message);

  if (unset)
    printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u target.\n", "Removed %u targets.\n", n_changed), n_changed);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Set %u target; %u changed.\n", "Set %u targets; %u changed.\n",
                         targets->len),
            targets->len, n_changed);
  return 0;
}

static int
run_history (ScStore       *store,
             const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *segment = NULL;
  ScMetricId metric;
  gboolean month_range;

  if (!sc_cli_parse_metric (o->metric, &metric, &error)
      || (periods = parse_periods (o, &month_range, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (month_range)
    return sc_cli_fail (_("history shows one target: give --period"));
  if ((segment = sc_segment_key_from_conditions ((const char * const *) o->where, store, &error)) == NULL)
    return sc_cli_fail ("--where: %s", error->message);
  versions = sc_store_list_target_history (store, metric, segment,
                                           &g_array_index (periods, ScTargetPeriod, 0), &error);
  if (versions == NULL)
    return sc_cli_fail ("%s", error->message);
  print_targets (versions, o->json, TRUE);
  return 0;
}

static int
run_import (ScStore       *store,
            const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScMetricSettings) settings = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree ScTargetEdit *edits = NULL;
  const char *path;
  guint n_changed = 0;

  if (o->rest == NULL || o->rest[0] == NULL || o->rest[1] != NULL)
    return sc_cli_fail (_("import takes one CSV file"));
  path = o->rest[0];
  if ((settings = sc_metric_settings_load (store, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if ((targets = sc_target_csv_read_file (path, store, settings, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  edits = g_new0 (ScTargetEdit, MAX (targets->len, 1));
  for (guint i = 0; i < targets->len; i++)
    edits[i] = (ScTargetEdit) { targets->pdata[i], FALSE };
  if (!sc_store_apply_target_edits (store, edits, targets->len, now_seconds (), NULL, &n_changed, &error))
    return sc_cli_fail ("%s: %s", path, error->message);
  if (o->json)
    {
      g_autoptr(GString) out = g_string_new ("{\"file\": ");

      sc_cli_json_string (out, path);
      g_string_append_printf (out, ", \"targets\": %u, \"changed\": %u}\n", targets->len, n_changed);
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u target, %u changed.\n", "%s: %u targets, %u changed.\n",
                         targets->len),
            path, targets->len, n_changed);
  return 0;
}

static int
run_export (ScStore       *store,
            const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *text = NULL;
  gint64 as_of;

  if (o->rest != NULL && o->rest[0] != NULL && o->rest[1] != NULL)
    return sc_cli_fail (_("export takes at most one file"));
  if (!sc_cli_parse_as_of (store, o->as_of, &as_of, &error)
      || (targets = sc_store_list_targets (store, as_of, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (o->rest == NULL || o->rest[0] == NULL || g_str_equal (o->rest[0], "-"))
    {
      text = sc_target_csv_write (targets);
      fputs (text, stdout);
      return 0;
    }
  if (!sc_target_csv_write_file (targets, o->rest[0], &error))
    return sc_cli_fail ("%s", error->message);
  return 0;
}

static void
print_targets_usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage: scorecard-cli targets ACTION [OPTIONS…]\n\n"
             "Actions:\n"
             "  list      List the targets in force (or --as-of a day)\n"
             "  set       Set a target, or one per month of a range\n"
             "  unset     Remove a target\n"
             "  history   Show every version of one target\n"
             "  import    Set the targets of a CSV file\n"
             "  export    Write the targets as CSV\n\n"
             "Run “scorecard-cli targets ACTION --help” for an action’s options.\n"));
}

int
sc_cli_targets (const ScCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScStore) store = NULL;
  guint action;
  int status;

  if ((status = sc_cli_find_action ("targets", argc, argv, action_names, G_N_ELEMENTS (action_names),
                                    print_targets_usage, &action)) >= 0)
    return status;
  argc--;
  argv++;
  context = make_context (action, &o);
  if ((status = sc_cli_parse_options (context, "targets", action_names[action], argc, argv)) >= 0)
    return status;

  store = sc_cli_open_store (globals, action == ACTION_SET || action == ACTION_UNSET || action == ACTION_IMPORT
                                      ? SC_STORE_OPEN_CREATE : SC_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return 1;
  switch (action)
    {
    case ACTION_LIST:
      return run_list (store, &o);
    case ACTION_SET:
      return run_set (store, &o, FALSE);
    case ACTION_UNSET:
      return run_set (store, &o, TRUE);
    case ACTION_HISTORY:
      return run_history (store, &o);
    case ACTION_IMPORT:
      return run_import (store, &o);
    case ACTION_EXPORT:
    default:
      return run_export (store, &o);
    }
}
