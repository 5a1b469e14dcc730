/* sc-chart-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sc-chart-geometry.h"
#include "sc-chart-style.h"

G_BEGIN_DECLS

#define SC_TYPE_CHART_PAINTER (sc_chart_painter_get_type ())

G_DECLARE_INTERFACE (ScChartPainter, sc_chart_painter, SC, CHART_PAINTER, GObject)

/**
 * ScChartPainterInterface:
 * @parent_iface: the parent interface
 * @draw: draws onto a cairo context at (0, 0) in a width × height box and
 *   returns what it laid out
 * @dup_summary: describes the chart in a sentence or two
 *
 * What every painter does. A painter holds the data and options of one
 * chart; it may be drawn any number of times, at any size, onto any
 * surface (screen, PNG, SVG, PDF).
 */
struct _ScChartPainterInterface
{
  GTypeInterface parent_iface;

  ScChartGeometry *(*draw)        (ScChartPainter     *self,
                                   cairo_t            *cr,
                                   double              width,
                                   double              height,
                                   const ScChartStyle *style);
  char            *(*dup_summary) (ScChartPainter     *self);
};

ScChartGeometry *sc_chart_painter_draw        (ScChartPainter     *self,
                                               cairo_t            *cr,
                                               double              width,
                                               double              height,
                                               const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;
char            *sc_chart_painter_dup_summary (ScChartPainter     *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
