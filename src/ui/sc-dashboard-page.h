/* sc-dashboard-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-engine.h"
#include "sc-target-history.h"
#include "sc-view-state.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_DASHBOARD_PAGE (sc_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (ScDashboardPage, sc_dashboard_page, SC, DASHBOARD_PAGE, GtkWidget)

ScDashboardPage *sc_dashboard_page_new        (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean         sc_dashboard_page_is_loading (ScDashboardPage *self);
void             sc_dashboard_page_set_store  (ScDashboardPage *self,
                                               ScStore         *store,
                                               ScEngine        *engine);
void             sc_dashboard_page_reload     (ScDashboardPage *self);
void             sc_dashboard_page_set_view_state (ScDashboardPage *self,
                                                   ScViewState     *state);
void             sc_dashboard_page_set_target_history (ScDashboardPage *self,
                                                       ScTargetHistory *history);

G_END_DECLS
