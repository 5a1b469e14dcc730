/* sc-metric-series.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bridge from the metrics engine's results to the chart painters'
 * series: one place where a metric's unit and direction become a chart's,
 * and day numbers become instants in the organisation's time zone.
 */

#pragma once

#include "sc-chart-series.h"
#include "sc-query.h"

G_BEGIN_DECLS

ScChartUnit      sc_metric_get_chart_unit      (const ScMetric      *metric);
ScChartDirection sc_metric_get_chart_direction (const ScMetric      *metric);
char            *sc_metric_format_display      (const ScMetric      *metric,
                                                double               value) G_GNUC_WARN_UNUSED_RESULT;
char            *sc_metric_format_change       (const ScMetric      *metric,
                                                double               change) G_GNUC_WARN_UNUSED_RESULT;
gint64           sc_day_to_unix                (gint32               day_number,
                                                GTimeZone           *zone);
ScChartSeries   *sc_metric_series_from_result  (const ScQueryResult *result,
                                                ScMetricId           metric,
                                                int                  segment,
                                                GTimeZone           *zone) G_GNUC_WARN_UNUSED_RESULT;
ScChartSeries   *sc_metric_segments_from_result (const ScQueryResult *result,
                                                ScMetricId           metric,
                                                guint                bucket) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
