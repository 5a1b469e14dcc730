/* sc-cli-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecard-cli metrics` and `scorecard-cli drivers`.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-engine.h"
#include "sc-facts-file.h"

typedef enum
{
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_TABLE,
} OutputFormat;

typedef struct
{
  char        *from;
  char        *to;
  char        *grain;
  char        *by;
  char       **where;
  char       **metrics;
  char        *compare;
  char        *baseline;
  char        *timezone;
  char        *format;
  gboolean     list;
  char        *period;
  char        *against;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->from);
  g_free (o->to);
  g_free (o->grain);
  g_free (o->by);
  g_strfreev (o->where);
  g_strfreev (o->metrics);
  g_free (o->compare);
  g_free (o->baseline);
  g_free (o->timezone);
  g_free (o->format);
  g_free (o->period);
  g_free (o->against);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* ---- Output helpers ---------------------------------------------------- */

static void
print_csv_field (GString    *out,
                 const char *text)
{
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
print_csv_number (GString *out,
                  double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/* ---- Parsing ------------------------------------------------------------- */

static gboolean
parse_format (const char    *text,
              OutputFormat  *format,
              GError       **error)
{
  if (text == NULL || g_str_equal (text, "json"))
    *format = FORMAT_JSON;
  else if (g_str_equal (text, "csv"))
    *format = FORMAT_CSV;
  else if (g_str_equal (text, "table"))
    *format = FORMAT_TABLE;
  else
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("--format: “%s” is not a format; use json, csv or table"), text);
      return FALSE;
    }
  return TRUE;
}

/* A dimension by name or label: the builtin ones and those the store
 * keeps from imports (@dims, from sc_store_list_dimensions()). */
static gboolean
parse_dimension (GPtrArray    *dims,
                 const char   *option,
                 const char   *text,
                 ScDimension  *dim,
                 GError      **error)
{
  const ScDimensionInfo *info = sc_dimension_list_lookup (dims, text);
  g_autoptr(GString) names = NULL;

  if (info != NULL)
    {
      *dim = info->dim;
      return TRUE;
    }
  names = g_string_new (NULL);
  for (guint i = 0; i < dims->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            ((ScDimensionInfo *) dims->pdata[i])->name);
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               _("%s: “%s” is not a dimension; use %s"), option, text, names->str);
  return FALSE;
}

static gboolean
parse_filters (ScQuery    *query,
               GPtrArray  *dims,
               char      **where,
               GError    **error)
{
  for (guint i = 0; where != NULL && where[i] != NULL; i++)
    {
      const char *eq = strchr (where[i], '=');
      g_autofree char *name = NULL;
      ScDimension dim;

      if (eq == NULL || eq == where[i] || eq[1] == '\0')
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                       _("--where: “%s” is not DIM=VALUE"), where[i]);
          return FALSE;
        }
      name = g_strndup (where[i], eq - where[i]);
      if (!parse_dimension (dims, "--where", name, &dim, error))
        return FALSE;
      sc_query_add_filter (query, dim, eq + 1);
    }
  return TRUE;
}

static gboolean
parse_metrics (ScQuery  *query,
               char    **ids,
               GError  **error)
{
  if (ids == NULL)
    {
      sc_query_add_all_metrics (query);
      return TRUE;
    }
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ScMetric *metric = sc_metric_lookup (ids[i]);

      if (metric == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                       _("--metric: no metric “%s”; run “scorecard-cli metrics --list”"), ids[i]);
          return FALSE;
        }
      sc_query_add_metric (query, metric->id);
    }
  return TRUE;
}

static gboolean
parse_day (const char  *option,
           const char  *text,
           gint32      *day,
           GError     **error)
{
  if (sc_calendar_parse_date (text, day))
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               _("%s: “%s” is not a date; use YYYY-MM-DD"), option, text);
  return FALSE;
}

static gboolean
parse_range (ScQuery        *query,
             const Options  *o,
             const ScFacts  *facts,
             GError        **error)
{
  gint32 from, to;

  if (o->from == NULL && o->to == NULL)
    return TRUE;
  from = facts->n > 0 ? facts->day[0] : 0;
  to = facts->n > 0 ? facts->day[facts->n - 1] : 0;
  if (o->from != NULL && !parse_day ("--from", o->from, &from, error))
    return FALSE;
  if (o->to != NULL && !parse_day ("--to", o->to, &to, error))
    return FALSE;
  if (from > to)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("--from %s is after --to %s"), o->from ? o->from : "", o->to ? o->to : "");
      return FALSE;
    }
  sc_query_set_range (query, from, to);
  return TRUE;
}

static gboolean
parse_query_options (ScQuery        *query,
                     const Options  *o,
                     GPtrArray      *dims,
                     const ScFacts  *facts,
                     GError        **error)
{
  ScGrain grain = SC_GRAIN_NONE;
  ScComparison comparison = SC_COMPARE_NONE;
  ScDimension dim;

  if (o->grain != NULL && (!sc_grain_from_string (o->grain, &grain) || grain == SC_GRAIN_NONE))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("--grain: “%s” is not a grain; use day, week, month, quarter or year"), o->grain);
      return FALSE;
    }
  sc_query_set_grain (query, grain);
  if (o->by != NULL)
    {
      if (!parse_dimension (dims, "--by", o->by, &dim, error))
        return FALSE;
      sc_query_set_group_by (query, dim);
    }
  if (o->compare != NULL && !sc_comparison_from_string (o->compare, &comparison))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("--compare: “%s” is not a comparison; use previous, year or baseline"), o->compare);
      return FALSE;
    }
  sc_query_set_comparison (query, comparison);
  if (comparison == SC_COMPARE_BASELINE)
    {
      gint32 from, to;

      if (o->baseline == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                       _("--compare baseline needs --baseline PERIOD (e.g. 2025 or 2025-01..2025-06)"));
          return FALSE;
        }
      if (!sc_period_parse (o->baseline, &from, &to, error))
        return FALSE;
      sc_query_set_baseline (query, from, to);
    }
  return parse_range (query, o, facts, error)
         && parse_filters (query, dims, o->where, error)
         && parse_metrics (query, o->metrics, error);
}

/* ---- Printing results ----------------------------------------------------- */

static const char *
segment_label (const ScQueryResult *result,
               const ScMetricValue *v)
{
  if (v->segment < 0)
    return "";
  return ((ScSegment *) result->segments->pdata[v->segment])->label;
}

static void
print_json_row (GString             *out,
                const ScQueryResult *result,
                const ScMetricValue *v)
{
  const ScMetric *metric = sc_metric_get (v->metric);

  g_string_append (out, "  {\"metric\": ");
  sc_cli_json_string (out, metric->id_string);
  g_string_append (out, ", \"period\": ");
  sc_cli_json_string (out, ((ScBucket *) result->buckets->pdata[v->bucket])->label);
  if (v->segment >= 0)
    {
      g_string_append (out, ", \"segment\": ");
      sc_cli_json_string (out, segment_label (result, v));
    }
  g_string_append (out, ", \"value\": ");
  sc_cli_json_number (out, v->value);
  g_string_append_printf (out, ", \"unit\": \"%s\", \"n\": %" G_GINT64_FORMAT ", \"numerator\": ",
                          sc_metric_unit_to_string (metric->unit), v->n);
  sc_cli_json_number (out, v->numerator);
  g_string_append (out, ", \"denominator\": ");
  sc_cli_json_number (out, v->denominator);
  g_string_append (out, ", \"ci_low\": ");
  sc_cli_json_number (out, v->ci_low);
  g_string_append (out, ", \"ci_high\": ");
  sc_cli_json_number (out, v->ci_high);
  g_string_append_printf (out, ", \"insufficient\": %s", v->insufficient ? "true" : "false");
  if (v->has_comparison)
    {
      guint cb = MIN (v->bucket, result->compare_buckets->len - 1);

      g_string_append (out, ", \"compare_period\": ");
      sc_cli_json_string (out, ((ScBucket *) result->compare_buckets->pdata[cb])->label);
      g_string_append (out, ", \"compare_value\": ");
      sc_cli_json_number (out, v->compare_value);
      g_string_append_printf (out, ", \"compare_n\": %" G_GINT64_FORMAT ", \"change\": ", v->compare_n);
      sc_cli_json_number (out, v->change);
      g_string_append_printf (out, ", \"significant\": %s", v->significant ? "true" : "false");
    }
  g_string_append (out, ", \"variant\": ");
  sc_cli_json_string (out, result->variant);
  g_string_append (out, "}");
}

static void
print_csv_row (GString             *out,
               const ScQueryResult *result,
               const ScMetricValue *v,
               gboolean             compared)
{
  const ScMetric *metric = sc_metric_get (v->metric);

  g_string_append_printf (out, "%s,", metric->id_string);
  print_csv_field (out, ((ScBucket *) result->buckets->pdata[v->bucket])->label);
  g_string_append_c (out, ',');
  print_csv_field (out, segment_label (result, v));
  g_string_append_c (out, ',');
  print_csv_number (out, v->value);
  g_string_append_printf (out, ",%s,%" G_GINT64_FORMAT ",", sc_metric_unit_to_string (metric->unit), v->n);
  print_csv_number (out, v->numerator);
  g_string_append_c (out, ',');
  print_csv_number (out, v->ci_low);
  g_string_append_c (out, ',');
  print_csv_number (out, v->ci_high);
  g_string_append_printf (out, ",%s", v->insufficient ? "true" : "false");
  if (compared)
    {
      g_string_append_c (out, ',');
      print_csv_number (out, v->compare_value);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", v->compare_n);
      print_csv_number (out, v->change);
      g_string_append_printf (out, ",%s", v->significant ? "true" : "false");
    }
  g_string_append_c (out, '\n');
}

static void
print_table_row (GString             *out,
                 const ScQueryResult *result,
                 const ScMetricValue *v)
{
  const ScMetric *metric = sc_metric_get (v->metric);
  g_autofree char *value = sc_metric_format_value (metric, v->value);
  g_autofree char *low = sc_metric_format_value (metric, v->ci_low);
  g_autofree char *high = sc_metric_format_value (metric, v->ci_high);

  g_string_append_printf (out, "%-24s %-23s %-20s %14s  n=%-8" G_GINT64_FORMAT " [%s, %s]%s",
                          metric->id_string,
                          ((ScBucket *) result->buckets->pdata[v->bucket])->label,
                          segment_label (result, v), value, v->n, low, high,
                          v->insufficient ? _("  (not enough data)") : "");
  if (v->has_comparison)
    {
      g_autofree char *before = sc_metric_format_value (metric, v->compare_value);

      g_string_append_printf (out, _("  was %s%s"), before, v->significant ? _(", real change") : "");
    }
  g_string_append_c (out, '\n');
}

static void
print_result (const ScQueryResult *result,
              OutputFormat         format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean compared = result->compare_buckets->len > 0;

  if (format == FORMAT_JSON)
    g_string_append (out, "[\n");
  else if (format == FORMAT_CSV)
    g_string_append_printf (out, "metric,period,segment,value,unit,n,numerator,ci_low,ci_high,insufficient%s\n",
                            compared ? ",compare_value,compare_n,change,significant" : "");
  else
    g_string_append_printf (out, _("Variant: %s\n"), result->variant);
  for (guint i = 0; i < result->values->len; i++)
    {
      const ScMetricValue *v = &g_array_index (result->values, ScMetricValue, i);

      if (format == FORMAT_JSON)
        {
          print_json_row (out, result, v);
          g_string_append (out, i + 1 < result->values->len ? ",\n" : "\n");
        }
      else if (format == FORMAT_CSV)
        print_csv_row (out, result, v, compared);
      else
        print_table_row (out, result, v);
    }
  if (format == FORMAT_JSON)
    g_string_append (out, "]\n");
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_catalogue (OutputFormat format)
{
  g_autoptr(GString) out = g_string_new (format == FORMAT_JSON ? "[\n" : NULL);

  if (format == FORMAT_CSV)
    g_string_append (out, "id,name,unit,direction,min_sample,description\n");
  for (ScMetricId m = 0; m < SC_METRIC_N; m++)
    {
      const ScMetric *metric = sc_metric_get (m);

      if (format == FORMAT_JSON)
        {
          g_string_append (out, "  {\"id\": ");
          sc_cli_json_string (out, metric->id_string);
          g_string_append (out, ", \"name\": ");
          sc_cli_json_string (out, _(metric->name));
          g_string_append (out, ", \"description\": ");
          sc_cli_json_string (out, _(metric->description));
          g_string_append_printf (out, ", \"unit\": \"%s\", \"direction\": \"%s\", \"numerator\": ",
                                  sc_metric_unit_to_string (metric->unit),
                                  sc_metric_direction_to_string (metric->direction));
          sc_cli_json_string (out, _(metric->numerator));
          g_string_append (out, ", \"denominator\": ");
          sc_cli_json_string (out, metric->denominator[0] ? _(metric->denominator) : "");
          g_string_append (out, ", \"exclusions\": ");
          sc_cli_json_string (out, _(metric->exclusions));
          g_string_append_printf (out, ", \"min_sample\": %u}%s\n", metric->min_sample,
                                  m + 1 < SC_METRIC_N ? "," : "");
        }
      else if (format == FORMAT_CSV)
        {
          g_string_append_printf (out, "%s,", metric->id_string);
          print_csv_field (out, _(metric->name));
          g_string_append_printf (out, ",%s,%s,%u,", sc_metric_unit_to_string (metric->unit),
                                  sc_metric_direction_to_string (metric->direction), metric->min_sample);
          print_csv_field (out, _(metric->description));
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_printf (out, "%-24s %-9s %-8s %s — %s\n", metric->id_string,
                                sc_metric_unit_to_string (metric->unit),
                                sc_metric_direction_to_string (metric->direction),
                                _(metric->name), _(metric->description));
    }
  if (format == FORMAT_JSON)
    g_string_append (out, "]\n");
  fwrite (out->str, 1, out->len, stdout);
}

/* ---- Commands ------------------------------------------------------------- */

static ScEngine *
open_engine (const ScCliGlobals  *globals,
             const char          *timezone,
             GError             **error)
{
  g_autoptr(ScStore) store = sc_cli_open_store (globals, SC_STORE_OPEN_READ_ONLY);
  g_autoptr(ScEngine) engine = NULL;
  g_autofree char *cache_path = NULL;
  g_autoptr(ScMetricSettings) settings = NULL;

  if (store == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("The store could not be opened"));
      return NULL;
    }
  engine = sc_engine_new (store);
  cache_path = sc_facts_file_path_for_store (store);
  sc_engine_set_cache_file (engine, cache_path);
  if (timezone != NULL)
    {
      if ((settings = sc_metric_settings_load (store, error)) == NULL
          || !sc_metric_settings_set (settings, SC_SETTING_TIMEZONE, timezone, error))
        return NULL;
      sc_engine_set_settings (engine, settings);
    }
  return g_steal_pointer (&engine);
}

static GOptionEntry *
metrics_entries (Options *o)
{
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &o->list, N_("List the metric catalogue"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from, N_("First day (default: the data’s first)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o->to, N_("Last day (default: the data’s last)"), N_("DATE") },
    { "grain", 0, 0, G_OPTION_ARG_STRING, &o->grain, N_("day, week, month, quarter or year"), N_("GRAIN") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o->by, N_("Break down by a dimension"), N_("DIM") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->where, N_("Keep only DIM=VALUE (repeatable)"), N_("DIM=VALUE") },
    { "metric", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->metrics, N_("A metric id (repeatable; default all)"), N_("ID") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &o->compare, N_("previous, year or baseline"), N_("WITH") },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &o->baseline, N_("The baseline period for --compare baseline"), N_("PERIOD") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &o->timezone, N_("Bucket in this time zone"), N_("ZONE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o->format, N_("json, csv or table"), N_("FORMAT") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

int
sc_cli_metrics (const ScCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree GOptionEntry *entries = metrics_entries (&o);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GPtrArray) dims = NULL;
  const ScFacts *facts;
  OutputFormat format;

  g_option_context_set_summary (context, _("Compute service metrics."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || !parse_format (o.format, &format, &error))
    return sc_cli_usage_error (context, error);
  if (o.list)
    {
      print_catalogue (format);
      return 0;
    }
  if ((engine = open_engine (globals, o.timezone, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if ((facts = sc_engine_ensure_facts (engine, &error)) == NULL
      || (dims = sc_store_list_dimensions (sc_engine_get_store (engine), &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (!parse_query_options (query, &o, dims, facts, &error))
    return sc_cli_usage_error (context, error);
  if ((result = sc_engine_compute (facts, query, &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  print_result (result, format);
  return 0;
}

static void
print_drivers (const ScDrivers *drivers,
               const char      *by,
               const char      *period,
               const char      *against,
               OutputFormat     format)
{
  const ScMetric *metric = sc_metric_get (drivers->metric);
  g_autoptr(GString) out = g_string_new (NULL);

  if (format == FORMAT_TABLE)
    {
      g_autofree char *now = sc_metric_format_value (metric, drivers->value);
      g_autofree char *then = sc_metric_format_value (metric, drivers->against_value);

      g_string_append_printf (out, _("%s: %s in %s against %s in %s (%s)\n"), metric->id_string,
                              now, period, then, against,
                              drivers->significant ? _("a real change") : _("within the noise"));
      g_string_append_printf (out, _("change %+.4g = mix %+.4g + rate %+.4g + residual %+.4g\n"),
                              drivers->change, drivers->mix_effect, drivers->rate_effect, drivers->residual);
      for (guint i = 0; i < drivers->segments->len; i++)
        {
          const ScDriverSegment *s = drivers->segments->pdata[i];

          g_string_append_printf (out, "  %-24s %+10.4g  (mix %+.4g, rate %+.4g; share %.1f%% → %.1f%%, "
                                  "value %.4g → %.4g, n %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ")\n",
                                  s->label, s->contribution, s->mix, s->rate,
                                  100 * s->against_share, 100 * s->share, s->against_value, s->value,
                                  s->against_n, s->n);
        }
      fwrite (out->str, 1, out->len, stdout);
      return;
    }
  g_string_append (out, "{\"metric\": ");
  sc_cli_json_string (out, metric->id_string);
  g_string_append (out, ", \"by\": ");
  sc_cli_json_string (out, by);
  g_string_append (out, ", \"period\": ");
  sc_cli_json_string (out, period);
  g_string_append (out, ", \"against\": ");
  sc_cli_json_string (out, against);
  g_string_append (out, ", \"value\": ");
  sc_cli_json_number (out, drivers->value);
  g_string_append (out, ", \"against_value\": ");
  sc_cli_json_number (out, drivers->against_value);
  g_string_append (out, ", \"change\": ");
  sc_cli_json_number (out, drivers->change);
  g_string_append (out, ", \"mix\": ");
  sc_cli_json_number (out, drivers->mix_effect);
  g_string_append (out, ", \"rate\": ");
  sc_cli_json_number (out, drivers->rate_effect);
  g_string_append (out, ", \"residual\": ");
  sc_cli_json_number (out, drivers->residual);
  g_string_append_printf (out, ", \"significant\": %s, \"unit\": \"%s\", \"variant\": ",
                          drivers->significant ? "true" : "false", sc_metric_unit_to_string (metric->unit));
  sc_cli_json_string (out, drivers->variant);
  g_string_append (out, ",\n \"segments\": [\n");
  for (guint i = 0; i < drivers->segments->len; i++)
    {
      const ScDriverSegment *s = drivers->segments->pdata[i];

      g_string_append (out, "  {\"segment\": ");
      sc_cli_json_string (out, s->label);
      g_string_append (out, ", \"contribution\": ");
      sc_cli_json_number (out, s->contribution);
      g_string_append (out, ", \"mix\": ");
      sc_cli_json_number (out, s->mix);
      g_string_append (out, ", \"rate\": ");
      sc_cli_json_number (out, s->rate);
      g_string_append (out, ", \"share\": ");
      sc_cli_json_number (out, s->share);
      g_string_append (out, ", \"against_share\": ");
      sc_cli_json_number (out, s->against_share);
      g_string_append (out, ", \"value\": ");
      sc_cli_json_number (out, s->value);
      g_string_append (out, ", \"against_value\": ");
      sc_cli_json_number (out, s->against_value);
      g_string_append_printf (out, ", \"n\": %" G_GINT64_FORMAT ", \"against_n\": %" G_GINT64_FORMAT "}%s\n",
                              s->n, s->against_n, i + 1 < drivers->segments->len ? "," : "");
    }
  g_string_append (out, "]}\n");
  fwrite (out->str, 1, out->len, stdout);
}

int
sc_cli_drivers (const ScCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScDrivers) drivers = NULL;
  g_autoptr(GPtrArray) dims = NULL;
  const ScMetric *metric;
  ScDimension dim;
  OutputFormat format;
  gint32 from, to, against_from, against_to;
  GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.metrics, N_("The metric id"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("The dimension to split the change by"), N_("DIM") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &o.period, N_("The period (2026-02, 2026-Q1, FROM..TO…)"), N_("P") },
    { "against", 0, 0, G_OPTION_ARG_STRING, &o.against, N_("The period to compare against"), N_("P") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.where, N_("Keep only DIM=VALUE (repeatable)"), N_("DIM=VALUE") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &o.timezone, N_("Periods in this time zone"), N_("ZONE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("json or table"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Explain a metric's change between two periods by segment."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || !parse_format (o.format, &format, &error))
    return sc_cli_usage_error (context, error);
  if (o.metrics == NULL || o.metrics[0] == NULL || o.metrics[1] != NULL || o.by == NULL
      || o.period == NULL || o.against == NULL)
    {
      g_set_error (&error, SC_ERROR, SC_ERROR_INVALID,
                   _("drivers needs one --metric, --by, --period and --against"));
      return sc_cli_usage_error (context, error);
    }
  if ((metric = sc_metric_lookup (o.metrics[0])) == NULL)
    {
      g_set_error (&error, SC_ERROR, SC_ERROR_INVALID,
                   _("--metric: no metric “%s”; run “scorecard-cli metrics --list”"), o.metrics[0]);
      return sc_cli_usage_error (context, error);
    }
  if (!sc_period_parse (o.period, &from, &to, &error)
      || !sc_period_parse (o.against, &against_from, &against_to, &error))
    return sc_cli_usage_error (context, error);
  if ((engine = open_engine (globals, o.timezone, &error)) == NULL
      || (dims = sc_store_list_dimensions (sc_engine_get_store (engine), &error)) == NULL)
    return sc_cli_fail ("%s", error->message);
  if (!parse_dimension (dims, "--by", o.by, &dim, &error)
      || !parse_filters (query, dims, o.where, &error))
    return sc_cli_usage_error (context, error);
  drivers = sc_engine_drivers (engine, query, metric->id, dim, from, to, against_from, against_to, &error);
  if (drivers == NULL)
    return sc_cli_fail ("%s", error->message);
  print_drivers (drivers, sc_dimension_list_lookup (dims, o.by)->name, o.period, o.against, format);
  return 0;
}
