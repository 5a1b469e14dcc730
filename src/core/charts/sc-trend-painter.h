/* sc-trend-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"
#include "sc-chart-series.h"

G_BEGIN_DECLS

#define SC_TYPE_TREND_PAINTER (sc_trend_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScTrendPainter, sc_trend_painter, SC, TREND_PAINTER, GObject)

ScTrendPainter  *sc_trend_painter_new                (void) G_GNUC_WARN_UNUSED_RESULT;
guint            sc_trend_painter_get_n_series       (ScTrendPainter     *self);
ScChartSeries   *sc_trend_painter_get_series         (ScTrendPainter     *self,
                                                      guint               index);
ScChartSeries   *sc_trend_painter_get_comparison     (ScTrendPainter     *self);
int              sc_trend_painter_get_highlight      (ScTrendPainter     *self);
double           sc_trend_painter_get_target_preview (ScTrendPainter     *self);
GTimeZone       *sc_trend_painter_get_time_zone      (ScTrendPainter     *self);
void             sc_trend_painter_add_series         (ScTrendPainter     *self,
                                                      ScChartSeries      *series);
void             sc_trend_painter_clear_series       (ScTrendPainter     *self);
void             sc_trend_painter_set_comparison     (ScTrendPainter     *self,
                                                      ScChartSeries      *comparison);
void             sc_trend_painter_set_baseline_band  (ScTrendPainter     *self,
                                                      double              low,
                                                      double              high);
void             sc_trend_painter_add_annotation     (ScTrendPainter     *self,
                                                      gint64              time,
                                                      const char         *text);
void             sc_trend_painter_clear_annotations  (ScTrendPainter     *self);
void             sc_trend_painter_set_highlight      (ScTrendPainter     *self,
                                                      int                 index);
void             sc_trend_painter_set_target_preview (ScTrendPainter     *self,
                                                      double              value);
void             sc_trend_painter_set_time_zone      (ScTrendPainter     *self,
                                                      GTimeZone          *tz);
ScChartGeometry *sc_trend_painter_draw               (ScTrendPainter     *self,
                                                      cairo_t            *cr,
                                                      double              width,
                                                      double              height,
                                                      const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
