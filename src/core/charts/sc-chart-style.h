/* sc-chart-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define SC_CHART_PALETTE_SIZE 8

/**
 * ScChartRgba:
 * @red: red component, 0…1
 * @green: green component, 0…1
 * @blue: blue component, 0…1
 * @alpha: opacity, 0…1
 *
 * A resolved colour. It has the layout of `GdkRGBA` (four doubles would be
 * floats there), so a widget copies the fields one by one.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ScChartRgba;

/**
 * ScChartStyle:
 * @fg: text and strong strokes (the target line)
 * @dim_fg: secondary text, axis labels, baselines
 * @bg: the background the chart sits on (painters do not fill it; exports do)
 * @grid: grid lines
 * @accent: the main series and selected bars
 * @success: "met" states
 * @warning: "at risk" states
 * @error: "missed" states
 * @palette: colour-blind-safe categorical colours for series 2…N
 * @font: the font of labels; painters derive bigger and smaller sizes
 * @scale: device pixels per logical pixel (1, or 2 on HiDPI); used to snap
 *   strokes to the device pixel grid
 * @dark: whether the colours are for a dark background
 *
 * Resolved colours and fonts for the painters. Drawing code never holds a
 * colour literal: everything comes from here. sc_chart_style_new() fills it
 * with the libadwaita palette; a GTK widget overwrites the fields from the
 * theme.
 */
typedef struct
{
  ScChartRgba           fg;
  ScChartRgba           dim_fg;
  ScChartRgba           bg;
  ScChartRgba           grid;
  ScChartRgba           accent;
  ScChartRgba           success;
  ScChartRgba           warning;
  ScChartRgba           error;
  ScChartRgba           palette[SC_CHART_PALETTE_SIZE];
  PangoFontDescription *font;
  double                scale;
  gboolean              dark;
} ScChartStyle;

#define SC_TYPE_CHART_STYLE (sc_chart_style_get_type ())

GType               sc_chart_style_get_type       (void) G_GNUC_CONST;
ScChartStyle       *sc_chart_style_new            (gboolean            dark) G_GNUC_WARN_UNUSED_RESULT;
ScChartStyle       *sc_chart_style_copy           (const ScChartStyle *self) G_GNUC_WARN_UNUSED_RESULT;
void                sc_chart_style_free           (ScChartStyle       *self);
const ScChartRgba  *sc_chart_style_get_series_color (const ScChartStyle *self,
                                                   guint               index);
void                sc_chart_style_set_font       (ScChartStyle       *self,
                                                   const PangoFontDescription *font);
void                sc_chart_rgba_parse           (ScChartRgba        *rgba,
                                                   const char         *hex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartStyle, sc_chart_style_free)

G_END_DECLS
