/* sc-chart-series.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ScChartUnit:
 * @SC_CHART_UNIT_COUNT: whole counts, with thousands separators
 * @SC_CHART_UNIT_NUMBER: plain decimal numbers (scores, ratios)
 * @SC_CHART_UNIT_PERCENT: percentages, stored as 0…100
 * @SC_CHART_UNIT_NPS: Net Promoter Score, −100…100, shown with a sign
 * @SC_CHART_UNIT_DURATION: durations in seconds, shown in s, min, h or d
 * @SC_CHART_UNIT_MONEY: amounts of money, shown with the series' currency
 *
 * How the numbers of a series are scaled on an axis and written.
 */
typedef enum
{
  SC_CHART_UNIT_COUNT,
  SC_CHART_UNIT_NUMBER,
  SC_CHART_UNIT_PERCENT,
  SC_CHART_UNIT_NPS,
  SC_CHART_UNIT_DURATION,
  SC_CHART_UNIT_MONEY,
} ScChartUnit;

/**
 * ScChartDirection:
 * @SC_CHART_DIRECTION_HIGHER_IS_BETTER: bigger values are good (CSAT)
 * @SC_CHART_DIRECTION_LOWER_IS_BETTER: smaller values are good (response time)
 * @SC_CHART_DIRECTION_NEUTRAL: neither (ticket volume)
 *
 * Which way a metric improves; bullet charts and summaries read it.
 */
typedef enum
{
  SC_CHART_DIRECTION_HIGHER_IS_BETTER,
  SC_CHART_DIRECTION_LOWER_IS_BETTER,
  SC_CHART_DIRECTION_NEUTRAL,
} ScChartDirection;

/**
 * ScChartPoint:
 * @start: start of the time bucket, Unix seconds (0 for categories)
 * @end: end of the time bucket (exclusive), Unix seconds
 * @value: the value, or NAN when the period has no value
 * @n: the sample size behind @value
 * @ci_low: lower bound of the 95% interval, or NAN
 * @ci_high: upper bound of the 95% interval, or NAN
 * @target: the target for this period, or NAN
 * @baseline: the baseline for this period, or NAN
 * @insufficient: the sample is below the metric's minimum
 * @label: (nullable): a category name (segments, histogram bins)
 *
 * One value of a series: a period of a trend, a segment of a bar chart or a
 * bin of a histogram.
 */
typedef struct
{
  gint64    start;
  gint64    end;
  double    value;
  guint64   n;
  double    ci_low;
  double    ci_high;
  double    target;
  double    baseline;
  gboolean  insufficient;
  char     *label;
} ScChartPoint;

/**
 * ScChartSeries:
 *
 * A reference-counted list of #ScChartPoint with a name, a unit and a
 * direction. It is plain data: the metrics engine fills it, painters read
 * it and never change it.
 */
typedef struct _ScChartSeries ScChartSeries;

#define SC_TYPE_CHART_SERIES (sc_chart_series_get_type ())

GType               sc_chart_series_get_type      (void) G_GNUC_CONST;
void                sc_chart_point_init           (ScChartPoint     *point);
ScChartSeries      *sc_chart_series_new           (const char       *name,
                                                   ScChartUnit       unit) G_GNUC_WARN_UNUSED_RESULT;
ScChartSeries      *sc_chart_series_ref           (ScChartSeries    *self);
void                sc_chart_series_unref         (ScChartSeries    *self);
const char         *sc_chart_series_get_name      (const ScChartSeries *self);
ScChartUnit         sc_chart_series_get_unit      (const ScChartSeries *self);
ScChartDirection    sc_chart_series_get_direction (const ScChartSeries *self);
const char         *sc_chart_series_get_currency  (const ScChartSeries *self);
guint               sc_chart_series_get_n_points  (const ScChartSeries *self);
const ScChartPoint *sc_chart_series_get_point     (const ScChartSeries *self,
                                                   guint             index);
int                 sc_chart_series_get_last_valid (const ScChartSeries *self);
void                sc_chart_series_set_direction (ScChartSeries    *self,
                                                   ScChartDirection  direction);
void                sc_chart_series_set_currency  (ScChartSeries    *self,
                                                   const char       *currency);
void                sc_chart_series_append        (ScChartSeries    *self,
                                                   const ScChartPoint *point);
ScChartPoint       *sc_chart_series_add           (ScChartSeries    *self,
                                                   gint64            start,
                                                   gint64            end,
                                                   double            value,
                                                   guint64           n);
ScChartPoint       *sc_chart_series_add_category  (ScChartSeries    *self,
                                                   const char       *label,
                                                   double            value,
                                                   guint64           n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartSeries, sc_chart_series_unref)

G_END_DECLS
