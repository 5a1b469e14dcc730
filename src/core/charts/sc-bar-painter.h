/* sc-bar-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"
#include "sc-chart-series.h"

G_BEGIN_DECLS

#define SC_TYPE_BAR_PAINTER (sc_bar_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScBarPainter, sc_bar_painter, SC, BAR_PAINTER, GObject)

ScBarPainter    *sc_bar_painter_new            (void) G_GNUC_WARN_UNUSED_RESULT;
ScChartSeries   *sc_bar_painter_get_series     (ScBarPainter       *self);
int              sc_bar_painter_get_selected   (ScBarPainter       *self);
void             sc_bar_painter_set_series     (ScBarPainter       *self,
                                                ScChartSeries      *segments);
void             sc_bar_painter_set_reference  (ScBarPainter       *self,
                                                double              overall);
void             sc_bar_painter_set_max_bars   (ScBarPainter       *self,
                                                guint               max_bars);
void             sc_bar_painter_set_selected   (ScBarPainter       *self,
                                                int                 index);
ScChartGeometry *sc_bar_painter_draw           (ScBarPainter       *self,
                                                cairo_t            *cr,
                                                double              width,
                                                double              height,
                                                const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
