/* sc-sparkline-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A word-sized trend for dashboard cards: the line, a soft area under it,
 * the latest target as a faint dashed line and a dot on the latest value.
 * No axes and no text, except "No data".
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-canvas-private.h"
#include "sc-sparkline-painter.h"

#define INSET 3.0

struct _ScSparklinePainter
{
  GObject        parent_instance;
  ScChartSeries *series;
};

typedef struct
{
  ScChartCanvas canvas;
  ScChartRect   plot;
  double        lo;
  double        hi;
  guint         n;
} SparkLayout;

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScSparklinePainter, sc_sparkline_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

static double
x_of (const SparkLayout *layout,
      guint              i)
{
  if (layout->n <= 1)
    return layout->plot.x + layout->plot.width / 2;

  return layout->plot.x + layout->plot.width * i / (layout->n - 1);
}

static double
y_of (const SparkLayout *layout,
      double             v)
{
  if (layout->hi <= layout->lo)
    return layout->plot.y + layout->plot.height / 2;

  return layout->plot.y + layout->plot.height * (1 - (v - layout->lo) / (layout->hi - layout->lo));
}

static gboolean
find_range (ScSparklinePainter *self,
            SparkLayout        *layout)
{
  const ScChartPoint *last;
  int last_valid;

  layout->lo = INFINITY, layout->hi = -INFINITY;
  layout->n = self->series ? sc_chart_series_get_n_points (self->series) : 0;
  last_valid = self->series ? sc_chart_series_get_last_valid (self->series) : -1;
  if (last_valid < 0)
    return FALSE;

  for (guint i = 0; i < layout->n; i++)
    {
      double v = sc_chart_series_get_point (self->series, i)->value;

      if (isfinite (v))
        layout->lo = MIN (layout->lo, v), layout->hi = MAX (layout->hi, v);
    }

  last = sc_chart_series_get_point (self->series, last_valid);
  if (isfinite (last->target))
    layout->lo = MIN (layout->lo, last->target), layout->hi = MAX (layout->hi, last->target);

  return TRUE;
}

static void
trace (SparkLayout   *layout,
       ScChartSeries *series,
       gboolean       close_area)
{
  cairo_t *cr = layout->canvas.cr;
  double bottom = layout->plot.y + layout->plot.height + INSET;
  double run_x = 0;
  gboolean pen_down = FALSE;

  for (guint i = 0; i <= layout->n; i++)
    {
      double v = i < layout->n ? sc_chart_series_get_point (series, i)->value : NAN;

      if (isfinite (v))
        {
          if (!pen_down)
            run_x = x_of (layout, i), cairo_move_to (cr, run_x, y_of (layout, v));
          else
            cairo_line_to (cr, x_of (layout, i), y_of (layout, v));
          pen_down = TRUE;
          continue;
        }

      if (pen_down && close_area)
        {
          cairo_line_to (cr, x_of (layout, i - 1), bottom);
          cairo_line_to (cr, run_x, bottom);
          cairo_close_path (cr);
        }
      pen_down = FALSE;
    }
}

static void
draw_target (SparkLayout        *layout,
             const ScChartPoint *last)
{
  ScChartCanvas *canvas = &layout->canvas;

  if (!isfinite (last->target))
    return;

  _sc_chart_canvas_set_rule (canvas, 1, 3, 2);
  _sc_chart_canvas_hline (canvas, 0, canvas->width, y_of (layout, last->target));
  _sc_chart_canvas_set_color (canvas, &canvas->style->fg, 0.6);
  cairo_fill (canvas->cr);
}

static void
add_items (SparkLayout   *layout,
           ScChartSeries *series)
{
  double half = layout->n > 1 ? layout->plot.width / (layout->n - 1) / 2 : layout->canvas.width;

  for (guint i = 0; i < layout->n; i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      ScChartItem *item;
      double x;

      if (!isfinite (p->value))
        continue;

      x = x_of (layout, i);
      item = sc_chart_geometry_add_item (layout->canvas.geometry, SC_CHART_ITEM_POINT, 0, i);
      item->x = x;
      item->y = y_of (layout, p->value);
      item->value = p->value;
      item->area = (ScChartRect) { MAX (x - half, 0), 0, MIN (2 * half, layout->canvas.width), layout->canvas.height };
    }
}

static void
draw_sparkline (ScSparklinePainter *self,
                SparkLayout        *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  const ScChartPoint *last = sc_chart_series_get_point (self->series,
                                                        sc_chart_series_get_last_valid (self->series));
  double lx, ly;

  draw_target (layout, last);

  trace (layout, self->series, TRUE);
  _sc_chart_canvas_set_color (canvas, &canvas->style->accent, 0.15);
  cairo_fill (canvas->cr);

  trace (layout, self->series, FALSE);
  cairo_set_line_width (canvas->cr, MIN (2, MAX (1, canvas->height / 20)));
  _sc_chart_canvas_set_color (canvas, &canvas->style->accent, 1);
  cairo_stroke (canvas->cr);

  lx = x_of (layout, sc_chart_series_get_last_valid (self->series));
  ly = y_of (layout, last->value);
  cairo_arc (canvas->cr, lx, ly, MIN (INSET, canvas->height / 6), 0, 2 * G_PI);
  cairo_fill (canvas->cr);

  add_items (layout, self->series);
}

static ScChartGeometry *
sc_sparkline_painter_draw_impl (ScChartPainter     *painter,
                                cairo_t            *cr,
                                double              width,
                                double              height,
                                const ScChartStyle *style)
{
  ScSparklinePainter *self = SC_SPARKLINE_PAINTER (painter);
  SparkLayout layout = { 0 };

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);
  layout.plot = (ScChartRect) { INSET, INSET, MAX (width - 2 * INSET, 1), MAX (height - 2 * INSET, 1) };

  if (!find_range (self, &layout))
    _sc_chart_canvas_no_data (&layout.canvas, NULL);
  else
    {
      sc_chart_geometry_set_plot (layout.canvas.geometry, &layout.plot, TRUE);
      draw_sparkline (self, &layout);
    }

  return _sc_chart_canvas_end (&layout.canvas);
}

static char *
sc_sparkline_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScSparklinePainter *self = SC_SPARKLINE_PAINTER (painter);
  ScChartUnit unit;
  int last;
  g_autofree char *latest = NULL, *low = NULL, *high = NULL;
  SparkLayout layout = { 0 };

  if (!find_range (self, &layout))
    return g_strdup (_("No data."));

  unit = sc_chart_series_get_unit (self->series);
  last = sc_chart_series_get_last_valid (self->series);
  latest = sc_chart_format_value (unit, sc_chart_series_get_point (self->series, last)->value,
                                  sc_chart_series_get_currency (self->series));
  low = sc_chart_format_value (unit, layout.lo, sc_chart_series_get_currency (self->series));
  high = sc_chart_format_value (unit, layout.hi, sc_chart_series_get_currency (self->series));

  /* Translators: metric, latest value, lowest value, highest value */
  return g_strdup_printf (_("%s trend: latest %s, ranging from %s to %s."),
                          sc_chart_series_get_name (self->series), latest, low, high);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_sparkline_painter_draw_impl;
  iface->dup_summary = sc_sparkline_painter_dup_summary_impl;
}

static void
sc_sparkline_painter_finalize (GObject *object)
{
  ScSparklinePainter *self = (ScSparklinePainter *) object;

  g_clear_pointer (&self->series, sc_chart_series_unref);

  G_OBJECT_CLASS (sc_sparkline_painter_parent_class)->finalize (object);
}

static void
sc_sparkline_painter_class_init (ScSparklinePainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_sparkline_painter_finalize;
}

static void
sc_sparkline_painter_init (ScSparklinePainter *self)
{
}

/**
 * sc_sparkline_painter_new:
 *
 * Creates a sparkline painter for dashboard cards.
 *
 * Returns: (transfer full): a new #ScSparklinePainter
 */
ScSparklinePainter *
sc_sparkline_painter_new (void)
{
  return g_object_new (SC_TYPE_SPARKLINE_PAINTER, NULL);
}

/**
 * sc_sparkline_painter_get_series:
 * @self: a #ScSparklinePainter
 *
 * Returns: (transfer none) (nullable): the series
 */
ScChartSeries *
sc_sparkline_painter_get_series (ScSparklinePainter *self)
{
  g_return_val_if_fail (SC_IS_SPARKLINE_PAINTER (self), NULL);

  return self->series;
}

/**
 * sc_sparkline_painter_set_series:
 * @self: a #ScSparklinePainter
 * @series: (nullable): the periods; points are spaced evenly by index
 *
 * Sets the series. The latest period's target, if any, is drawn as a
 * faint dashed line.
 */
void
sc_sparkline_painter_set_series (ScSparklinePainter *self,
                                 ScChartSeries      *series)
{
  g_return_if_fail (SC_IS_SPARKLINE_PAINTER (self));

  if (series != NULL)
    sc_chart_series_ref (series);
  g_clear_pointer (&self->series, sc_chart_series_unref);
  self->series = series;
}

/**
 * sc_sparkline_painter_draw:
 * @self: a #ScSparklinePainter
 * @cr: the cairo context
 * @width: allocation width
 * @height: allocation height
 * @style: colours and fonts
 *
 * Draws the sparkline; see sc_chart_painter_draw().
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_sparkline_painter_draw (ScSparklinePainter *self,
                           cairo_t            *cr,
                           double              width,
                           double              height,
                           const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_SPARKLINE_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
