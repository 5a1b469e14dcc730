/* sc-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-query-private.h"

/**
 * sc_comparison_from_string:
 * @text: `none`, `previous`, `year` or `baseline`
 * @comparison: (out): the comparison
 *
 * Returns: %TRUE when @text names a comparison
 */
gboolean
sc_comparison_from_string (const char   *text,
                           ScComparison *comparison)
{
  static const char *names[] = { "none", "previous", "year", "baseline" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *comparison = (ScComparison) i;
        return TRUE;
      }
  return FALSE;
}

static void
filter_free (ScQueryFilter *filter)
{
  g_ptr_array_unref (filter->values);
  g_free (filter);
}

/**
 * sc_query_new:
 *
 * Returns: (transfer full): an empty query: no metrics, all data, no
 *   grain, no grouping, no filters, no comparison
 */
ScQuery *
sc_query_new (void)
{
  ScQuery *query = g_new0 (ScQuery, 1);

  query->metrics = g_array_new (FALSE, FALSE, sizeof (ScMetricId));
  query->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);
  return query;
}

void
sc_query_free (ScQuery *query)
{
  if (query == NULL)
    return;
  g_array_unref (query->metrics);
  g_ptr_array_unref (query->filters);
  g_free (query);
}

void
sc_query_add_metric (ScQuery    *query,
                     ScMetricId  metric)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (metric < SC_METRIC_N);

  g_array_append_val (query->metrics, metric);
}

/**
 * sc_query_add_all_metrics:
 * @query: a query
 *
 * Adds every metric of the catalogue, in catalogue order.
 */
void
sc_query_add_all_metrics (ScQuery *query)
{
  g_return_if_fail (query != NULL);

  for (ScMetricId m = 0; m < SC_METRIC_N; m++)
    sc_query_add_metric (query, m);
}

void
sc_query_set_range (ScQuery *query,
                    gint32   from_day,
                    gint32   to_day)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (from_day <= to_day);

  query->has_range = TRUE;
  query->from_day = from_day;
  query->to_day = to_day;
}

void
sc_query_set_grain (ScQuery *query,
                    ScGrain  grain)
{
  g_return_if_fail (query != NULL);

  query->grain = grain;
}

void
sc_query_set_group_by (ScQuery     *query,
                       ScDimension  dim)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (dim < SC_DIM_MAX);

  query->grouped = TRUE;
  query->group_by = dim;
}

/**
 * sc_query_add_filter:
 * @query: a query
 * @dim: a dimension
 * @value: a value's text
 *
 * Keeps only interactions whose @dim is @value. Several values of the same
 * dimension are alternatives (any may match); filters on different
 * dimensions must all match.
 */
void
sc_query_add_filter (ScQuery     *query,
                     ScDimension  dim,
                     const char  *value)
{
  ScQueryFilter *filter = NULL;

  g_return_if_fail (query != NULL);
  g_return_if_fail (dim < SC_DIM_MAX);
  g_return_if_fail (value != NULL);

  for (guint i = 0; i < query->filters->len && filter == NULL; i++)
    if (((ScQueryFilter *) query->filters->pdata[i])->dim == dim)
      filter = query->filters->pdata[i];
  if (filter == NULL)
    {
      filter = g_new0 (ScQueryFilter, 1);
      filter->dim = dim;
      filter->values = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (query->filters, filter);
    }
  g_ptr_array_add (filter->values, g_strdup (value));
}

void
sc_query_set_comparison (ScQuery      *query,
                         ScComparison  comparison)
{
  g_return_if_fail (query != NULL);

  query->comparison = comparison;
}

void
sc_query_set_baseline (ScQuery *query,
                       gint32   from_day,
                       gint32   to_day)
{
  g_return_if_fail (query != NULL);
  g_return_if_fail (from_day <= to_day);

  query->baseline_from = from_day;
  query->baseline_to = to_day;
}

static gboolean
parse_single_period (const char *text,
                     gint32     *from_day,
                     gint32     *to_day)
{
  int y, n, used = 0;
  gsize len = strlen (text);

  if (sc_calendar_parse_date (text, from_day))
    {
      *to_day = *from_day;
      return TRUE;
    }
  if (len == 7 && sscanf (text, "%4d-%2d%n", &y, &n, &used) == 2 && used == 7
      && n >= 1 && n <= 12 && y >= 1)
    {
      *from_day = sc_calendar_day_from_ymd (y, n, 1);
      *to_day = sc_grain_next_bucket (SC_GRAIN_MONTH, *from_day) - 1;
      return TRUE;
    }
  if (len == 7 && sscanf (text, "%4d-Q%1d%n", &y, &n, &used) == 2 && used == 7
      && n >= 1 && n <= 4 && y >= 1)
    {
      *from_day = sc_calendar_day_from_ymd (y, (n - 1) * 3 + 1, 1);
      *to_day = sc_grain_next_bucket (SC_GRAIN_QUARTER, *from_day) - 1;
      return TRUE;
    }
  if (len == 8 && sscanf (text, "%4d-W%2d%n", &y, &n, &used) == 2 && used == 8
      && n >= 1 && n <= 53 && y >= 1)
    {
      /* ISO week 1 holds the year's first Thursday, i.e. 4 January. */
      gint32 jan4 = sc_calendar_day_from_ymd (y, 1, 4);

      *from_day = jan4 - sc_calendar_weekday (jan4) + (n - 1) * 7;
      *to_day = *from_day + 6;
      return TRUE;
    }
  if (len == 4 && sscanf (text, "%4d%n", &y, &used) == 1 && used == 4 && y >= 1)
    {
      *from_day = sc_calendar_day_from_ymd (y, 1, 1);
      *to_day = sc_calendar_day_from_ymd (y, 12, 31);
      return TRUE;
    }
  return FALSE;
}

/**
 * sc_period_parse:
 * @text: a period: `2026-02-10`, `2026-02`, `2026-Q1`, `2026-W07`, `2026`
 *   or `FROM..TO` with two of these
 * @from_day: (out): its first day
 * @to_day: (out): its last day
 * @error: return location for an error
 *
 * Returns: %TRUE when @text is a valid period
 */
gboolean
sc_period_parse (const char  *text,
                 gint32      *from_day,
                 gint32      *to_day,
                 GError     **error)
{
  const char *dots;
  gint32 a, b, c, d;

  g_return_val_if_fail (text != NULL, FALSE);

  dots = strstr (text, "..");
  if (dots != NULL)
    {
      g_autofree char *first = g_strndup (text, dots - text);

      if (parse_single_period (first, &a, &b) && parse_single_period (dots + 2, &c, &d) && a <= d)
        {
          *from_day = a;
          *to_day = d;
          return TRUE;
        }
    }
  else if (parse_single_period (text, from_day, to_day))
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               _("“%s” is not a period; use 2026-02-10, 2026-02, 2026-Q1, 2026-W07, 2026 "
                 "or FROM..TO"), text);
  return FALSE;
}

static void
bucket_free (ScBucket *bucket)
{
  g_free (bucket->label);
  g_free (bucket);
}

static void
segment_free (ScSegment *segment)
{
  g_free (segment->label);
  g_free (segment);
}

ScBucket *
_sc_bucket_new (ScGrain grain,
                gint32  first_day,
                gint32  last_day)
{
  ScBucket *bucket = g_new0 (ScBucket, 1);

  bucket->first_day = first_day;
  bucket->last_day = last_day;
  if (grain == SC_GRAIN_NONE)
    {
      g_autofree char *a = sc_calendar_format_date (first_day);
      g_autofree char *b = sc_calendar_format_date (last_day);

      bucket->label = g_strdup_printf ("%s..%s", a, b);
    }
  else
    bucket->label = sc_grain_format_bucket (grain, sc_grain_bucket_start (grain, first_day));
  return bucket;
}

ScSegment *
_sc_segment_new (gint32      code,
                 const char *label)
{
  ScSegment *segment = g_new0 (ScSegment, 1);

  segment->code = code;
  segment->label = g_strdup (label != NULL ? label : "(none)");
  return segment;
}

void
_sc_driver_segment_free (ScDriverSegment *segment)
{
  g_free (segment->label);
  g_free (segment);
}

ScQueryResult *
_sc_query_result_new (void)
{
  ScQueryResult *result = g_new0 (ScQueryResult, 1);

  result->buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) bucket_free);
  result->compare_buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) bucket_free);
  result->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
  result->values = g_array_new (FALSE, TRUE, sizeof (ScMetricValue));
  return result;
}

void
sc_query_result_free (ScQueryResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->buckets);
  g_ptr_array_unref (result->compare_buckets);
  g_ptr_array_unref (result->segments);
  g_array_unref (result->values);
  g_free (result->variant);
  g_free (result);
}

/**
 * sc_query_result_get_value:
 * @result: a result
 * @metric: a metric of the query
 * @bucket: a bucket index
 * @segment: a segment index, or -1 when not grouped
 *
 * Returns: (nullable) (transfer none): the value, or %NULL when the result
 *   has none for these indexes
 */
const ScMetricValue *
sc_query_result_get_value (const ScQueryResult *result,
                           ScMetricId           metric,
                           guint                bucket,
                           int                  segment)
{
  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < result->values->len; i++)
    {
      const ScMetricValue *v = &g_array_index (result->values, ScMetricValue, i);

      if (v->metric == metric && v->bucket == bucket && v->segment == segment)
        return v;
    }
  return NULL;
}

/**
 * sc_query_result_find_segment:
 * @result: a grouped result
 * @label: a segment's label
 *
 * Returns: the segment's index, or -1
 */
int
sc_query_result_find_segment (const ScQueryResult *result,
                              const char          *label)
{
  g_return_val_if_fail (result != NULL && label != NULL, -1);

  for (guint i = 0; i < result->segments->len; i++)
    if (g_str_equal (((ScSegment *) result->segments->pdata[i])->label, label))
      return (int) i;
  return -1;
}

void
sc_drivers_free (ScDrivers *drivers)
{
  if (drivers == NULL)
    return;
  g_ptr_array_unref (drivers->segments);
  g_free (drivers->variant);
  g_free (drivers);
}
