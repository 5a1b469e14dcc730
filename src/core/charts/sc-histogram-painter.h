/* sc-histogram-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"
#include "sc-chart-series.h"

G_BEGIN_DECLS

#define SC_TYPE_HISTOGRAM_PAINTER (sc_histogram_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScHistogramPainter, sc_histogram_painter, SC, HISTOGRAM_PAINTER, GObject)

ScHistogramPainter *sc_histogram_painter_new          (void) G_GNUC_WARN_UNUSED_RESULT;
ScChartSeries      *sc_histogram_painter_get_bins     (ScHistogramPainter *self);
void                sc_histogram_painter_set_bins     (ScHistogramPainter *self,
                                                       ScChartSeries      *bins);
void                sc_histogram_painter_set_selected (ScHistogramPainter *self,
                                                       int                 index);
ScChartGeometry    *sc_histogram_painter_draw         (ScHistogramPainter *self,
                                                       cairo_t            *cr,
                                                       double              width,
                                                       double              height,
                                                       const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
