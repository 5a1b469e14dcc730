/* sc-review-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-review-csv.h"
#include "sc-review-private.h"

/**
 * sc_csv_append_text:
 * @out: the CSV being written
 * @text: (nullable): a text cell
 *
 * Appends a text cell: quoted when it holds a comma, a quote or a line
 * break, and prefixed with an apostrophe when a spreadsheet would read it
 * as a formula.
 */
void
sc_csv_append_text (GString    *out,
                    const char *text)
{
  gboolean formula;

  if (text == NULL)
    return;
  formula = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  if (!formula && strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * sc_csv_append_number:
 * @out: the CSV being written
 * @value: a number; NaN and infinities leave the cell empty
 *
 * Appends a number as spreadsheets read it in every locale: a dot, no
 * thousands separators, never escaped (a negative number stays a number).
 */
void
sc_csv_append_number (GString *out,
                      double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%.0f", value);
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static void
append_date (GString *out,
             gint32   day)
{
  g_autofree char *date = sc_calendar_format_date (day);

  g_string_append (out, date);
}

static void
append_bool (GString  *out,
             gboolean  value)
{
  g_string_append (out, value ? "true" : "false");
}

static void
sep (GString *out)
{
  g_string_append_c (out, ',');
}

/* Appends each number after a comma. */
static void
append_numbers (GString      *out,
                const double *values,
                gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      sep (out);
      sc_csv_append_number (out, values[i]);
    }
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

/* ---- Tables -------------------------------------------------------------- */

static void
write_summary (const ScReview *review,
               GString        *out)
{
  g_string_append (out, "metric,name,period_start,period_end,value,unit,n,insufficient,"
                        "compare_start,compare_end,compare_value,compare_n,change,significant,"
                        "target,attainment_pct,status\r\n");
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetric *metric = sc_metric_get (row->metric);
      const ScMetricValue *v = &row->value;

      g_string_append_printf (out, "%s,", metric->id_string);
      sc_csv_append_text (out, _(metric->name));
      sep (out);
      append_date (out, review->from_day);
      sep (out);
      append_date (out, review->to_day);
      sep (out);
      sc_csv_append_number (out, v->value);
      g_string_append_printf (out, ",%s,%" G_GINT64_FORMAT ",", sc_metric_unit_to_string (metric->unit), v->n);
      append_bool (out, v->insufficient);
      sep (out);
      if (v->has_comparison)
        {
          append_date (out, review->compare_from);
          sep (out);
          append_date (out, review->compare_to);
          sep (out);
          sc_csv_append_number (out, v->compare_value);
          g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", v->compare_n);
          sc_csv_append_number (out, v->change);
          sep (out);
          append_bool (out, v->significant);
        }
      else
        g_string_append (out, ",,,,,");
      sep (out);
      sc_csv_append_number (out, row->target);
      sep (out);
      sc_csv_append_number (out, row->attainment);
      g_string_append_printf (out, ",%s", sc_review_status_to_string (row->status));
      end_row (out);
    }
}

static void
write_findings (const ScReview *review,
                GString        *out)
{
  static const char *kinds[] = { "improvement", "decline", "volume", "steady", "targets" };

  g_string_append (out, "kind,finding,metric,value,compare_value,driver_dimension,driver,"
                        "driver_contribution\r\n");
  for (guint i = 0; i < review->findings->len; i++)
    {
      const ScReviewFinding *f = g_ptr_array_index (review->findings, i);

      g_string_append_printf (out, "%s,", kinds[f->kind]);
      sc_csv_append_text (out, f->text);
      g_string_append_printf (out, ",%s,", f->metric < SC_METRIC_N ? sc_metric_get (f->metric)->id_string : "");
      sc_csv_append_number (out, f->value);
      sep (out);
      sc_csv_append_number (out, f->compare_value);
      g_string_append_printf (out, ",%s,",
                              f->driver ? sc_review_get_dimension_name (review, f->driver_dim) : "");
      sc_csv_append_text (out, f->driver);
      sep (out);
      sc_csv_append_number (out, f->driver_contribution);
      end_row (out);
    }
}

/* The organisation's time zone, UTC when it is not known here. */
static GTimeZone *
review_zone (const ScReview *review)
{
  GTimeZone *zone = g_time_zone_new_identifier (review->time_zone);

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static void
write_trend (const ScReview *review,
             GString        *out)
{
  g_autoptr(GTimeZone) zone = review_zone (review);

  g_string_append (out, "metric,period_start,period_end,value,n,ci_low,ci_high,insufficient,"
                        "target,baseline\r\n");
  for (guint i = 0; i < review->sections->len; i++)
    {
      const ScReviewSection *section = g_ptr_array_index (review->sections, i);

      for (guint p = 0; p < sc_chart_series_get_n_points (section->trend); p++)
        {
          const ScChartPoint *point = sc_chart_series_get_point (section->trend, p);
          g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (point->start);
          g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (point->end - 1);
          g_autoptr(GDateTime) start_local = g_date_time_to_timezone (start, zone);
          g_autoptr(GDateTime) end_local = g_date_time_to_timezone (end, zone);
          g_autofree char *a = g_date_time_format (start_local, "%Y-%m-%d");
          g_autofree char *b = g_date_time_format (end_local, "%Y-%m-%d");
          const double numbers[] = { point->value, point->n, point->ci_low, point->ci_high };
          const double references[] = { point->target, point->baseline };

          g_string_append_printf (out, "%s,%s,%s", sc_metric_get (section->metric)->id_string, a, b);
          append_numbers (out, numbers, G_N_ELEMENTS (numbers));
          sep (out);
          append_bool (out, point->insufficient);
          append_numbers (out, references, G_N_ELEMENTS (references));
          end_row (out);
        }
    }
}

static void
write_breakdown (const ScQueryResult *result,
                 GString             *out)
{
  g_string_append (out, "metric,segment,value,n,ci_low,ci_high,insufficient,compare_value,"
                        "compare_n,change,significant\r\n");
  for (guint i = 0; i < result->values->len; i++)
    {
      const ScMetricValue *v = &g_array_index (result->values, ScMetricValue, i);
      const ScSegment *segment = g_ptr_array_index (result->segments, v->segment);

      g_string_append_printf (out, "%s,", sc_metric_get (v->metric)->id_string);
      sc_csv_append_text (out, segment->label);
      sep (out);
      sc_csv_append_number (out, v->value);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", v->n);
      sc_csv_append_number (out, v->ci_low);
      sep (out);
      sc_csv_append_number (out, v->ci_high);
      sep (out);
      append_bool (out, v->insufficient);
      sep (out);
      if (v->has_comparison)
        {
          sc_csv_append_number (out, v->compare_value);
          g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", v->compare_n);
          sc_csv_append_number (out, v->change);
          sep (out);
          append_bool (out, v->significant);
        }
      else
        g_string_append (out, ",,,");
      end_row (out);
    }
}

static void
write_drivers (const ScReview *review,
               guint           dim_index,
               GString        *out)
{
  g_string_append (out, "metric,segment,share,against_share,value,against_value,n,against_n,"
                        "mix,rate,contribution\r\n");
  for (guint i = 0; i < review->sections->len; i++)
    {
      const ScReviewSection *section = g_ptr_array_index (review->sections, i);
      const ScReviewBreakdown *breakdown = g_ptr_array_index (section->breakdowns, dim_index);
      const ScDrivers *drivers = breakdown->drivers;

      for (guint s = 0; drivers != NULL && s < drivers->segments->len; s++)
        {
          const ScDriverSegment *d = g_ptr_array_index (drivers->segments, s);
          const double numbers[] = { d->share, d->against_share, d->value, d->against_value,
                                     d->n, d->against_n, d->mix, d->rate, d->contribution };

          g_string_append_printf (out, "%s,", sc_metric_get (section->metric)->id_string);
          sc_csv_append_text (out, d->label);
          append_numbers (out, numbers, G_N_ELEMENTS (numbers));
          end_row (out);
        }
    }
}

static void
write_notes (const ScReview *review,
             GString        *out)
{
  g_string_append (out, "date,metric,note\r\n");
  for (guint i = 0; i < review->annotations->len; i++)
    {
      const ScAnnotation *note = g_ptr_array_index (review->annotations, i);

      g_string_append_printf (out, "%s,", note->day);
      sc_csv_append_text (out, note->metric);
      sep (out);
      sc_csv_append_text (out, note->text);
      end_row (out);
    }
}

static void
write_restatements (const ScReview *review,
                    GString        *out)
{
  g_string_append (out, "key,number,frozen,now,difference\r\n");
  for (guint i = 0; i < review->restatements->len; i++)
    {
      const ScReviewRestatement *r = g_ptr_array_index (review->restatements, i);
      const double numbers[] = { r->frozen, r->current, r->current - r->frozen };

      sc_csv_append_text (out, r->key);
      sep (out);
      sc_csv_append_text (out, r->label);
      append_numbers (out, numbers, G_N_ELEMENTS (numbers));
      end_row (out);
    }
}

/* Every target that applies: the metric's own (segment empty) and each
 * segment's of the review's dimensions. */
static void
write_targets (const ScReview *review,
               GString        *out)
{
  g_string_append (out, "metric,dimension,segment,value,n,target,at_risk_limit,attainment_pct,"
                        "status\r\n");
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const double numbers[] = { row->value.value, row->value.n, row->target, row->at_risk_limit,
                                 row->attainment };

      if (isnan (row->target))
        continue;
      g_string_append_printf (out, "%s,,", sc_metric_get (row->metric)->id_string);
      append_numbers (out, numbers, G_N_ELEMENTS (numbers));
      g_string_append_printf (out, ",%s", sc_review_status_to_string (row->status));
      end_row (out);
    }
  for (guint i = 0; i < review->segment_targets->len; i++)
    {
      const ScReviewSegmentTarget *row = g_ptr_array_index (review->segment_targets, i);
      const double numbers[] = { row->value, row->n, row->target, row->at_risk_limit, row->attainment };

      g_string_append_printf (out, "%s,%s,", sc_metric_get (row->metric)->id_string,
                              sc_review_get_dimension_name (review, row->dim));
      sc_csv_append_text (out, row->segment);
      append_numbers (out, numbers, G_N_ELEMENTS (numbers));
      g_string_append_printf (out, ",%s", sc_review_status_to_string (row->status));
      end_row (out);
    }
}

/* The interactions behind the missed targets, with their creation in the
 * organisation's time zone as spreadsheets read a date and time. */
static void
write_appendix (const ScReview *review,
                GString        *out)
{
  g_autoptr(GTimeZone) zone = review_zone (review);

  g_string_append (out, "metric,dimension,segment,interaction,created,channel,team,value,"
                        "value_text\r\n");
  for (guint a = 0; a < review->appendix->len; a++)
    {
      const ScReviewAppendix *appendix = g_ptr_array_index (review->appendix, a);

      for (guint i = 0; i < appendix->rows->len; i++)
        {
          const ScReviewAppendixRow *row = g_ptr_array_index (appendix->rows, i);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (row->created_at);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
          g_autofree char *created = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

          g_string_append_printf (out, "%s,%s,", sc_metric_get (appendix->metric)->id_string,
                                  sc_review_get_dimension_name (review, appendix->dim));
          sc_csv_append_text (out, appendix->segment);
          sep (out);
          sc_csv_append_text (out, row->external_id);
          g_string_append_printf (out, ",%s,", created);
          sc_csv_append_text (out, row->channel);
          sep (out);
          sc_csv_append_text (out, row->team);
          sep (out);
          sc_csv_append_number (out, row->value);
          sep (out);
          sc_csv_append_text (out, row->value_text);
          end_row (out);
        }
    }
}

static gboolean
save (const char  *dir,
      const char  *name,
      GString     *content,
      GPtrArray   *files,
      GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, content->str, content->len, error))
    return FALSE;
  if (files != NULL)
    g_ptr_array_add (files, g_steal_pointer (&path));
  g_string_truncate (content, 0);
  return TRUE;
}

/**
 * sc_review_write_csv:
 * @review: a computed review
 * @dir: the folder to write into (created when missing)
 * @files: (out) (optional) (transfer full) (element-type filename): the
 *   files written
 * @error: return location for an error
 *
 * Writes summary.csv, findings.csv, trend.csv, breakdown-DIM.csv and
 * drivers-DIM.csv per dimension, targets.csv when targets apply,
 * appendix.csv when targets were missed, notes.csv and, for a review
 * compared with a frozen one, restatements.csv.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
sc_review_write_csv (const ScReview  *review,
                     const char      *dir,
                     GPtrArray      **files,
                     GError         **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (review != NULL && dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Creating the folder %s failed: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  write_summary (review, out);
  if (!save (dir, "summary.csv", out, written, error))
    return FALSE;
  write_findings (review, out);
  if (!save (dir, "findings.csv", out, written, error))
    return FALSE;
  write_trend (review, out);
  if (!save (dir, "trend.csv", out, written, error))
    return FALSE;
  for (guint d = 0; d < review->grouped->len; d++)
    {
      const ScQueryResult *result = g_ptr_array_index (review->grouped, d);
      const char *dim = sc_review_get_dimension_name (review, result->group_by);
      g_autofree char *breakdown = g_strdup_printf ("breakdown-%s.csv", dim);
      g_autofree char *drivers = g_strdup_printf ("drivers-%s.csv", dim);

      write_breakdown (result, out);
      if (!save (dir, breakdown, out, written, error))
        return FALSE;
      if (review->compare_label == NULL)
        continue;
      write_drivers (review, d, out);
      if (!save (dir, drivers, out, written, error))
        return FALSE;
    }
  if (review->has_targets || review->segment_targets->len > 0)
    {
      write_targets (review, out);
      if (!save (dir, "targets.csv", out, written, error))
        return FALSE;
    }
  if (review->appendix->len > 0)
    {
      write_appendix (review, out);
      if (!save (dir, "appendix.csv", out, written, error))
        return FALSE;
    }
  write_notes (review, out);
  if (!save (dir, "notes.csv", out, written, error))
    return FALSE;
  if (review->snapshot_at > 0)
    {
      write_restatements (review, out);
      if (!save (dir, "restatements.csv", out, written, error))
        return FALSE;
    }
  if (files != NULL)
    *files = g_steal_pointer (&written);
  return TRUE;
}
