/* sc-chart-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-canvas-private.h"

static void
setup_layout (ScChartCanvas *canvas)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  /* Unhinted metrics keep layouts identical at every scale, so a HiDPI
   * draw is exactly the 1× layout, doubled. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  canvas->layout = pango_cairo_create_layout (canvas->cr);
  context = pango_layout_get_context (canvas->layout);
  pango_cairo_context_set_font_options (context, options);
  pango_context_changed (context);
  pango_layout_context_changed (canvas->layout);
  cairo_font_options_destroy (options);

  /* Tabular figures keep columns of numbers aligned. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (canvas->layout, attrs);
}

void
_sc_chart_canvas_begin (ScChartCanvas      *canvas,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        const ScChartStyle *style)
{
  canvas->cr = cr;
  canvas->style = style;
  canvas->width = width;
  canvas->height = height;
  canvas->scale = style->scale > 0 ? style->scale : 1;
  canvas->geometry = sc_chart_geometry_new (width, height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  _sc_chart_canvas_set_rule (canvas, 1.0 / canvas->scale, 0, 0);
  setup_layout (canvas);
  canvas->font = SC_CHART_FONT_LARGE;
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

ScChartGeometry *
_sc_chart_canvas_end (ScChartCanvas *canvas)
{
  cairo_restore (canvas->cr);
  g_clear_object (&canvas->layout);

  return g_steal_pointer (&canvas->geometry);
}

void
_sc_chart_canvas_set_font (ScChartCanvas *canvas,
                           ScChartFont    font)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  int size;
  int height;

  if (canvas->font == font)
    return;

  desc = canvas->style->font ? pango_font_description_copy (canvas->style->font)
                             : pango_font_description_from_string ("Sans 9");
  size = pango_font_description_get_size (desc);
  if (size <= 0)
    size = 9 * PANGO_SCALE;

  if (font == SC_CHART_FONT_SMALL)
    size = size * 5 / 6;
  else if (font == SC_CHART_FONT_LARGE)
    size = size * 2;
  if (font == SC_CHART_FONT_BOLD || font == SC_CHART_FONT_LARGE)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size);
  else
    pango_font_description_set_size (desc, size);

  pango_layout_set_font_description (canvas->layout, desc);
  canvas->font = font;

  pango_layout_set_width (canvas->layout, -1);
  pango_layout_set_text (canvas->layout, "0", -1);
  pango_layout_get_pixel_size (canvas->layout, NULL, &height);
  canvas->line_height = height;
}

void
_sc_chart_canvas_measure (ScChartCanvas *canvas,
                          const char    *text,
                          double        *width,
                          double        *height)
{
  PangoRectangle logical;

  pango_layout_set_width (canvas->layout, -1);
  pango_layout_set_text (canvas->layout, text, -1);
  pango_layout_get_extents (canvas->layout, NULL, &logical);

  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
_sc_chart_canvas_measure_cb (const char *text,
                             gpointer    canvas)
{
  double width;

  _sc_chart_canvas_measure (canvas, text, &width, NULL);

  return width;
}

/* A new layout of @text in the current font, for painters that measure
 * many texts before drawing them: drawing the same layout again does not
 * shape the text a second time. */
PangoLayout *
_sc_chart_canvas_new_layout (ScChartCanvas *canvas,
                             const char    *text)
{
  PangoLayout *layout = pango_layout_new (pango_layout_get_context (canvas->layout));

  pango_layout_set_attributes (layout, pango_layout_get_attributes (canvas->layout));
  pango_layout_set_font_description (layout, pango_layout_get_font_description (canvas->layout));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Draws @layout with its anchor at (@x, @y): @xalign 0 puts the anchor at
 * the left edge, 0.5 in the middle, 1 at the right edge; likewise @yalign.
 * A layout wider than @max_width (if > 0) is ellipsised to fit. The box is
 * clamped into the chart, recorded in the geometry with @text and, unless
 * @only_if_free refuses it, drawn. */
gboolean
_sc_chart_canvas_show (ScChartCanvas     *canvas,
                       PangoLayout       *layout,
                       ScChartLabelKind   kind,
                       const char        *text,
                       double             x,
                       double             y,
                       double             xalign,
                       double             yalign,
                       double             max_width,
                       const ScChartRgba *color,
                       gboolean           only_if_free)
{
  PangoRectangle logical;
  ScChartRect box;

  pango_layout_get_extents (layout, NULL, &logical);
  if (max_width > 0 && logical.width > max_width * PANGO_SCALE)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (layout, NULL, &logical);
    }

  box.width = (double) logical.width / PANGO_SCALE;
  box.height = (double) logical.height / PANGO_SCALE;
  box.x = round (x - xalign * box.width);
  box.y = round (y - yalign * box.height);
  box.x = CLAMP (box.x, 0, MAX (0, canvas->width - box.width));
  box.y = CLAMP (box.y, 0, MAX (0, canvas->height - box.height));

  if (box.width > canvas->width || box.height > canvas->height)
    return FALSE;
  if (!sc_chart_geometry_add_label (canvas->geometry, kind, &box, text, only_if_free))
    return FALSE;

  _sc_chart_canvas_set_color (canvas, color, 1);
  cairo_move_to (canvas->cr, box.x - (double) logical.x / PANGO_SCALE, box.y);
  pango_cairo_show_layout (canvas->cr, layout);

  return TRUE;
}

/* _sc_chart_canvas_show() of @text in the current font. */
gboolean
_sc_chart_canvas_text (ScChartCanvas     *canvas,
                       ScChartLabelKind   kind,
                       const char        *text,
                       double             x,
                       double             y,
                       double             xalign,
                       double             yalign,
                       double             max_width,
                       const ScChartRgba *color,
                       gboolean           only_if_free)
{
  pango_layout_set_width (canvas->layout, -1);
  pango_layout_set_ellipsize (canvas->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (canvas->layout, text, -1);

  return _sc_chart_canvas_show (canvas, canvas->layout, kind, text, x, y, xalign, yalign,
                                max_width, color, only_if_free);
}

void
_sc_chart_canvas_set_color (ScChartCanvas     *canvas,
                            const ScChartRgba *color,
                            double             alpha)
{
  cairo_set_source_rgba (canvas->cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The centre of the device pixel holding @v: a one-device-pixel stroke
 * there covers exactly one row or column of pixels. */
double
_sc_chart_canvas_snap (ScChartCanvas *canvas,
                       double         v)
{
  return (floor (v * canvas->scale) + 0.5) / canvas->scale;
}

/* The device pixel boundary nearest @v, for crisp filled edges. */
double
_sc_chart_canvas_snap_edge (ScChartCanvas *canvas,
                            double         v)
{
  return round (v * canvas->scale) / canvas->scale;
}

double
_sc_chart_canvas_hairline (ScChartCanvas *canvas)
{
  return 1.0 / canvas->scale;
}

/* Horizontal and vertical rules are added to the path as rectangles, not
 * stroked: cairo fills pixel-aligned rectangles far faster than it strokes,
 * and dashes become short rectangles. The caller fills the path. */
void
_sc_chart_canvas_set_rule (ScChartCanvas *canvas,
                           double         width,
                           double         dash_on,
                           double         dash_off)
{
  canvas->rule_width = width;
  canvas->dash_on = dash_on;
  canvas->dash_off = dash_off;
}

static void
add_rule (ScChartCanvas *canvas,
          double         along0,
          double         along1,
          double         across,
          gboolean       horizontal)
{
  double w = MAX (round (canvas->rule_width * canvas->scale), 1) / canvas->scale;
  double start = _sc_chart_canvas_snap_edge (canvas, across - w / 2);
  double a0 = MIN (along0, along1), a1 = MAX (along0, along1);
  double period = canvas->dash_on + canvas->dash_off;

  for (double a = a0; a < a1; a += period > 0 ? period : a1 - a0)
    {
      double len = MIN (period > 0 ? canvas->dash_on : a1 - a0, a1 - a);

      if (horizontal)
        cairo_rectangle (canvas->cr, a, start, len, w);
      else
        cairo_rectangle (canvas->cr, start, a, w, len);
    }
}

void
_sc_chart_canvas_hline (ScChartCanvas *canvas,
                        double         x0,
                        double         x1,
                        double         y)
{
  add_rule (canvas, _sc_chart_canvas_snap_edge (canvas, x0), _sc_chart_canvas_snap_edge (canvas, x1),
            y, TRUE);
}

void
_sc_chart_canvas_vline (ScChartCanvas *canvas,
                        double         x,
                        double         y0,
                        double         y1)
{
  add_rule (canvas, _sc_chart_canvas_snap_edge (canvas, y0), _sc_chart_canvas_snap_edge (canvas, y1),
            x, FALSE);
}

void
_sc_chart_canvas_rect (ScChartCanvas *canvas,
                       double         x,
                       double         y,
                       double         width,
                       double         height)
{
  double x0 = _sc_chart_canvas_snap_edge (canvas, x);
  double y0 = _sc_chart_canvas_snap_edge (canvas, y);
  double x1 = _sc_chart_canvas_snap_edge (canvas, x + width);
  double y1 = _sc_chart_canvas_snap_edge (canvas, y + height);

  /* Never let a small, non-zero bar vanish. */
  if (x1 - x0 < 1 / canvas->scale && width > 0)
    x1 = x0 + 1 / canvas->scale;
  if (y1 - y0 < 1 / canvas->scale && height > 0)
    y1 = y0 + 1 / canvas->scale;

  cairo_rectangle (canvas->cr, x0, y0, x1 - x0, y1 - y0);
}

void
_sc_chart_canvas_no_data (ScChartCanvas *canvas,
                          const char    *message)
{
  ScChartFont font = canvas->height >= 60 && canvas->width >= 160 ? SC_CHART_FONT_BOLD
                                                                  : SC_CHART_FONT_SMALL;

  _sc_chart_canvas_set_font (canvas, font);
  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_MESSAGE, message ? message : _("No data"),
                         canvas->width / 2, canvas->height / 2, 0.5, 0.5,
                         canvas->width - 4, &canvas->style->dim_fg, FALSE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
  sc_chart_geometry_set_is_empty (canvas->geometry, TRUE);
}
