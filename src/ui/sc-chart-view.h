/* sc-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-chart-painter.h"

G_BEGIN_DECLS

#define SC_TYPE_CHART_VIEW (sc_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ScChartView, sc_chart_view, SC, CHART_VIEW, GtkWidget)

GtkWidget          *sc_chart_view_new                 (ScChartPainter      *painter);
ScChartPainter     *sc_chart_view_get_painter         (ScChartView         *self);
const char         *sc_chart_view_get_title           (ScChartView         *self);
gboolean            sc_chart_view_get_show_table      (ScChartView         *self);
gboolean            sc_chart_view_get_target_editable (ScChartView         *self);
const ScChartStyle *sc_chart_view_get_style           (ScChartView         *self);
int                 sc_chart_view_get_current         (ScChartView         *self);
void                sc_chart_view_set_painter         (ScChartView         *self,
                                                       ScChartPainter      *painter);
void                sc_chart_view_set_title           (ScChartView         *self,
                                                       const char          *title);
void                sc_chart_view_set_show_table      (ScChartView         *self,
                                                       gboolean             show_table);
void                sc_chart_view_set_target_editable (ScChartView         *self,
                                                       gboolean             target_editable);
void                sc_chart_view_queue_update        (ScChartView         *self);
GdkTexture         *sc_chart_view_render_texture      (ScChartView         *self,
                                                       double               scale)
                                                       G_GNUC_WARN_UNUSED_RESULT;
void                sc_chart_view_export_async        (ScChartView         *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            sc_chart_view_export_finish       (ScChartView         *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
