/* sc-chart-canvas-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sc-chart-geometry.h"
#include "sc-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CHART_FONT_NORMAL,
  SC_CHART_FONT_SMALL,
  SC_CHART_FONT_BOLD,
  SC_CHART_FONT_LARGE,
} ScChartFont;

/* The state of one draw: the target, the style, one reusable Pango layout
 * and the geometry being recorded. */
typedef struct
{
  cairo_t            *cr;
  const ScChartStyle *style;
  ScChartGeometry    *geometry;
  PangoLayout        *layout;
  ScChartFont         font;
  double              width;
  double              height;
  double              line_height;
  double              scale;
  double              rule_width;
  double              dash_on;
  double              dash_off;
} ScChartCanvas;

void             _sc_chart_canvas_begin      (ScChartCanvas      *canvas,
                                              cairo_t            *cr,
                                              double              width,
                                              double              height,
                                              const ScChartStyle *style);
ScChartGeometry *_sc_chart_canvas_end        (ScChartCanvas      *canvas);
void             _sc_chart_canvas_set_font   (ScChartCanvas      *canvas,
                                              ScChartFont         font);
void             _sc_chart_canvas_measure    (ScChartCanvas      *canvas,
                                              const char         *text,
                                              double             *width,
                                              double             *height);
double           _sc_chart_canvas_measure_cb (const char         *text,
                                              gpointer            canvas);
PangoLayout     *_sc_chart_canvas_new_layout (ScChartCanvas      *canvas,
                                              const char         *text);
gboolean         _sc_chart_canvas_show       (ScChartCanvas      *canvas,
                                              PangoLayout        *layout,
                                              ScChartLabelKind    kind,
                                              const char         *text,
                                              double              x,
                                              double              y,
                                              double              xalign,
                                              double              yalign,
                                              double              max_width,
                                              const ScChartRgba  *color,
                                              gboolean            only_if_free);
PangoLayout     *_sc_chart_canvas_new_layout (ScChartCanvas      *canvas,
                                              const char         *text);
gboolean         _sc_chart_canvas_show       (ScChartCanvas      *canvas,
                                              PangoLayout        *layout,
                                              ScChartLabelKind    kind,
                                              const char         *text,
                                              double              x,
                                              double              y,
                                              double              xalign,
                                              double              yalign,
                                              double              max_width,
                                              const ScChartRgba  *color,
                                              gboolean            only_if_free);
gboolean         _sc_chart_canvas_text       (ScChartCanvas      *canvas,
                                              ScChartLabelKind    kind,
                                              const char         *text,
                                              double              x,
                                              double              y,
                                              double              xalign,
                                              double              yalign,
                                              double              max_width,
                                              const ScChartRgba  *color,
                                              gboolean            only_if_free);
void             _sc_chart_canvas_set_color  (ScChartCanvas      *canvas,
                                              const ScChartRgba  *color,
                                              double              alpha);
double           _sc_chart_canvas_snap       (ScChartCanvas      *canvas,
                                              double              v);
double           _sc_chart_canvas_snap_edge  (ScChartCanvas      *canvas,
                                              double              v);
double           _sc_chart_canvas_hairline   (ScChartCanvas      *canvas);
void             _sc_chart_canvas_set_rule   (ScChartCanvas      *canvas,
                                              double              width,
                                              double              dash_on,
                                              double              dash_off);
void             _sc_chart_canvas_hline      (ScChartCanvas      *canvas,
                                              double              x0,
                                              double              x1,
                                              double              y);
void             _sc_chart_canvas_vline      (ScChartCanvas      *canvas,
                                              double              x,
                                              double              y0,
                                              double              y1);
void             _sc_chart_canvas_rect       (ScChartCanvas      *canvas,
                                              double              x,
                                              double              y,
                                              double              width,
                                              double              height);
void             _sc_chart_canvas_no_data    (ScChartCanvas      *canvas,
                                              const char         *message);

G_END_DECLS
