/* sc-metric-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-axis.h"
#include "sc-metric-series.h"

ScChartUnit
sc_metric_get_chart_unit (const ScMetric *metric)
{
  g_return_val_if_fail (metric != NULL, SC_CHART_UNIT_NUMBER);

  switch (metric->unit)
    {
    case SC_UNIT_COUNT:
      return SC_CHART_UNIT_COUNT;
    case SC_UNIT_DURATION:
      return SC_CHART_UNIT_DURATION;
    case SC_UNIT_PERCENT:
      return SC_CHART_UNIT_PERCENT;
    case SC_UNIT_NPS:
      return SC_CHART_UNIT_NPS;
    case SC_UNIT_MONEY:
      return SC_CHART_UNIT_MONEY;
    case SC_UNIT_SCORE:
    default:
      return SC_CHART_UNIT_NUMBER;
    }
}

ScChartDirection
sc_metric_get_chart_direction (const ScMetric *metric)
{
  g_return_val_if_fail (metric != NULL, SC_CHART_DIRECTION_NEUTRAL);

  switch (metric->direction)
    {
    case SC_DIRECTION_HIGHER_IS_BETTER:
      return SC_CHART_DIRECTION_HIGHER_IS_BETTER;
    case SC_DIRECTION_LOWER_IS_BETTER:
      return SC_CHART_DIRECTION_LOWER_IS_BETTER;
    case SC_DIRECTION_NEUTRAL:
    default:
      return SC_CHART_DIRECTION_NEUTRAL;
    }
}

/**
 * sc_metric_format_display:
 * @metric: a metric
 * @value: a value in its base unit
 *
 * Formats a value for people: counts with thousands separators, durations
 * in the largest fitting unit, percentages and NPS as the charts write
 * them, scores with the catalogue's precision.
 *
 * Returns: (transfer full): the text
 */
char *
sc_metric_format_display (const ScMetric *metric,
                          double          value)
{
  g_return_val_if_fail (metric != NULL, NULL);

  if (metric->unit == SC_UNIT_SCORE)
    return sc_metric_format_value (metric, value);
  return sc_chart_format_value (sc_metric_get_chart_unit (metric), value, NULL);
}

/**
 * sc_day_to_unix:
 * @day_number: days since 1970-01-01 (see sc-calendar.h)
 * @zone: the organisation's time zone
 *
 * Returns: the instant the day starts in @zone, as Unix seconds
 */
gint64
sc_day_to_unix (gint32     day_number,
                GTimeZone *zone)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_return_val_if_fail (zone != NULL, 0);

  sc_calendar_ymd_from_day (day_number, &year, &month, &day);
  local = g_date_time_new (zone, year, month, day, 0, 0, 0);
  return local ? g_date_time_to_unix (local) : (gint64) day_number * 86400;
}

static ScChartSeries *
new_metric_series (const ScMetric *info)
{
  ScChartSeries *series = sc_chart_series_new (info->name, sc_metric_get_chart_unit (info));

  sc_chart_series_set_direction (series, sc_metric_get_chart_direction (info));
  return series;
}

static void
set_point_stats (ScChartPoint        *point,
                 const ScMetricValue *v)
{
  point->ci_low = v->ci_low;
  point->ci_high = v->ci_high;
  point->insufficient = v->insufficient;
}

/**
 * sc_metric_series_from_result:
 * @result: a result with time buckets
 * @metric: one of the result's metrics
 * @segment: a segment index, or -1 when the result is not grouped
 * @zone: the organisation's time zone
 *
 * One point per bucket with the value, n, the 95 % interval and whether
 * the sample is too small. Targets and baselines are the caller's to add.
 *
 * Returns: (transfer full): the series
 */
ScChartSeries *
sc_metric_series_from_result (const ScQueryResult *result,
                              ScMetricId           metric,
                              int                  segment,
                              GTimeZone           *zone)
{
  const ScMetric *info = sc_metric_get (metric);
  ScChartSeries *series;

  g_return_val_if_fail (result != NULL && info != NULL && zone != NULL, NULL);

  series = new_metric_series (info);
  for (guint b = 0; b < result->buckets->len; b++)
    {
      const ScBucket *bucket = g_ptr_array_index (result->buckets, b);
      const ScMetricValue *v = sc_query_result_get_value (result, metric, b, segment);
      ScChartPoint *point;

      point = sc_chart_series_add (series, sc_day_to_unix (bucket->first_day, zone),
                                   sc_day_to_unix (bucket->last_day + 1, zone),
                                   v ? v->value : NAN, v && v->n > 0 ? (guint64) v->n : 0);
      if (v != NULL)
        set_point_stats (point, v);
    }
  return series;
}

/**
 * sc_metric_segments_from_result:
 * @result: a grouped result
 * @metric: one of the result's metrics
 * @bucket: the bucket whose segments to take
 *
 * One category point per segment with data in @bucket, labelled with the
 * segment's value, in the result's order (the bar painter sorts).
 *
 * Returns: (transfer full): the series
 */
ScChartSeries *
sc_metric_segments_from_result (const ScQueryResult *result,
                                ScMetricId           metric,
                                guint                bucket)
{
  const ScMetric *info = sc_metric_get (metric);
  ScChartSeries *series;

  g_return_val_if_fail (result != NULL && info != NULL && result->grouped, NULL);

  series = new_metric_series (info);
  for (guint s = 0; s < result->segments->len; s++)
    {
      const ScSegment *segment = g_ptr_array_index (result->segments, s);
      const ScMetricValue *v = sc_query_result_get_value (result, metric, bucket, (int) s);

      if (v == NULL || v->n == 0)
        continue;
      set_point_stats (sc_chart_series_add_category (series, segment->label, v->value,
                                                     (guint64) v->n),
                       v);
    }
  return series;
}

/**
 * sc_metric_format_change:
 * @metric: a metric
 * @change: a difference between two of its values
 *
 * Returns: (transfer full): the change in the metric's unit with its sign:
 *   "+1.2 pts" for percentages, "−35 s", "+4" for NPS
 */
char *
sc_metric_format_change (const ScMetric *metric,
                         double          change)
{
  g_autofree char *magnitude = NULL;
  const char *sign;

  /* The sign of what is shown: a change that rounds to zero has none. */
  if (metric->unit == SC_UNIT_PERCENT)
    change = round (change * 10) / 10;
  else if (metric->unit == SC_UNIT_NPS)
    change = round (change);
  sign = change > 0 ? "+" : change < 0 ? "−" : "±";

  switch (metric->unit)
    {
    case SC_UNIT_PERCENT:
      /* Translators: a change of a percentage in percentage points */
      return g_strdup_printf (_("%s%.1f pts"), sign, fabs (change));
    case SC_UNIT_NPS:
      return g_strdup_printf ("%s%.0f", sign, fabs (change));
    default:
      magnitude = sc_metric_format_display (metric, fabs (change));
      return g_strdup_printf ("%s%s", sign, magnitude);
    }
}
