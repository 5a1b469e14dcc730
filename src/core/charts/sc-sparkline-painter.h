/* sc-sparkline-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"
#include "sc-chart-series.h"

G_BEGIN_DECLS

#define SC_TYPE_SPARKLINE_PAINTER (sc_sparkline_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScSparklinePainter, sc_sparkline_painter, SC, SPARKLINE_PAINTER, GObject)

ScSparklinePainter *sc_sparkline_painter_new        (void) G_GNUC_WARN_UNUSED_RESULT;
ScChartSeries      *sc_sparkline_painter_get_series (ScSparklinePainter *self);
void                sc_sparkline_painter_set_series (ScSparklinePainter *self,
                                                     ScChartSeries      *series);
ScChartGeometry    *sc_sparkline_painter_draw       (ScSparklinePainter *self,
                                                     cairo_t            *cr,
                                                     double              width,
                                                     double              height,
                                                     const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
