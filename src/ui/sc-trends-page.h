/* sc-trends-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-engine.h"
#include "sc-target-history.h"
#include "sc-view-state.h"

G_BEGIN_DECLS

#define SC_TYPE_TRENDS_PAGE (sc_trends_page_get_type ())
G_DECLARE_FINAL_TYPE (ScTrendsPage, sc_trends_page, SC, TRENDS_PAGE, GtkWidget)

ScTrendsPage  *sc_trends_page_new            (void) G_GNUC_WARN_UNUSED_RESULT;
void           sc_trends_page_set_view_state (ScTrendsPage *self,
                                              ScViewState  *state);
void           sc_trends_page_set_engine     (ScTrendsPage *self,
                                              ScEngine     *engine);
void           sc_trends_page_reload         (ScTrendsPage *self);
ScMetricId     sc_trends_page_get_metric     (ScTrendsPage *self);
void           sc_trends_page_set_metric     (ScTrendsPage *self,
                                              ScMetricId    metric);
void           sc_trends_page_set_grain      (ScTrendsPage *self,
                                              ScGrain       grain);
gboolean       sc_trends_page_is_loading     (ScTrendsPage *self);
const ScQueryResult *sc_trends_page_get_result (ScTrendsPage *self);
GtkWidget     *sc_trends_page_get_chart      (ScTrendsPage *self);
void           sc_trends_page_set_target_history (ScTrendsPage    *self,
                                                  ScTargetHistory *history);

G_END_DECLS
