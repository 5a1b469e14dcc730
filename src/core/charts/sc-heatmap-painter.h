/* sc-heatmap-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"
#include "sc-chart-series.h"

G_BEGIN_DECLS

#define SC_HEATMAP_DAYS  7
#define SC_HEATMAP_HOURS 24

#define SC_TYPE_HEATMAP_PAINTER (sc_heatmap_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScHeatmapPainter, sc_heatmap_painter, SC, HEATMAP_PAINTER, GObject)

ScHeatmapPainter *sc_heatmap_painter_new        (void) G_GNUC_WARN_UNUSED_RESULT;
double            sc_heatmap_painter_get_value  (ScHeatmapPainter   *self,
                                                 guint               day,
                                                 guint               hour);
void              sc_heatmap_painter_set_values (ScHeatmapPainter   *self,
                                                 const double       *values,
                                                 ScChartUnit         unit);
void              sc_heatmap_painter_set_title  (ScHeatmapPainter   *self,
                                                 const char         *title);
ScChartGeometry  *sc_heatmap_painter_draw       (ScHeatmapPainter   *self,
                                                 cairo_t            *cr,
                                                 double              width,
                                                 double              height,
                                                 const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
