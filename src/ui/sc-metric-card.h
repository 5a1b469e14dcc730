/* sc-metric-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-chart-series.h"
#include "sc-query.h"
#include "sc-target.h"

G_BEGIN_DECLS

#define SC_TYPE_METRIC_CARD (sc_metric_card_get_type ())
G_DECLARE_FINAL_TYPE (ScMetricCard, sc_metric_card, SC, METRIC_CARD, GtkWidget)

ScMetricCard *sc_metric_card_new        (void) G_GNUC_WARN_UNUSED_RESULT;
ScMetricId    sc_metric_card_get_metric (ScMetricCard        *self);
void          sc_metric_card_set_value  (ScMetricCard        *self,
                                         const ScMetric      *metric,
                                         const ScMetricValue *value,
                                         const char          *compare_label,
                                         ScChartSeries       *trend,
                                         const char          *how_computed);
void          sc_metric_card_set_target (ScMetricCard        *self,
                                         const ScTarget      *target,
                                         const ScAttainment  *attainment);
ScTargetStatus sc_metric_card_get_status (ScMetricCard       *self);

const char   *sc_target_status_css_class (ScTargetStatus     status);

G_END_DECLS
