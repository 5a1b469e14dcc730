/* sc-dashboard-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_DASHBOARD_PAGE (sc_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (ScDashboardPage, sc_dashboard_page, SC, DASHBOARD_PAGE, GtkWidget)

ScDashboardPage *sc_dashboard_page_new         (void) G_GNUC_WARN_UNUSED_RESULT;
void             sc_dashboard_page_clear       (ScDashboardPage     *self);
void             sc_dashboard_page_load_async  (ScDashboardPage     *self,
                                                ScStore             *store,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean         sc_dashboard_page_load_finish (ScDashboardPage     *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
