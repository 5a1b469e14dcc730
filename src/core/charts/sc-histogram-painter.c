/* sc-histogram-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A histogram: one vertical bar per bin (e.g. first-response-time
 * buckets), bins in the given order, labels thinned to fit.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-canvas-private.h"
#include "sc-histogram-painter.h"

#define PAD 4.0

struct _ScHistogramPainter
{
  GObject        parent_instance;
  ScChartSeries *bins;
  int            selected;
};

typedef struct
{
  ScChartCanvas canvas;
  ScValueAxis   axis;
  ScChartRect   plot;
  double        slot;
} HistogramLayout;

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScHistogramPainter, sc_histogram_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

static gboolean
has_values (ScHistogramPainter *self,
            double             *hi)
{
  gboolean any = FALSE;

  *hi = 0;
  for (guint i = 0; self->bins && i < sc_chart_series_get_n_points (self->bins); i++)
    {
      double v = sc_chart_series_get_point (self->bins, i)->value;

      if (isfinite (v))
        any = TRUE, *hi = MAX (*hi, v);
    }

  return any;
}

static double
y_of (const HistogramLayout *layout,
      double                 value)
{
  return layout->plot.y + layout->plot.height * (1 - sc_value_axis_normalize (&layout->axis, value));
}

static gboolean
layout_histogram (ScHistogramPainter *self,
                  HistogramLayout    *layout,
                  double              hi)
{
  ScChartCanvas *canvas = &layout->canvas;
  double fh = canvas->line_height;
  double plot_h = canvas->height - 2 * PAD - fh - 6 - fh / 2;
  double widest = 0;

  if (plot_h < 30)
    return FALSE;

  sc_value_axis_init (&layout->axis, sc_chart_series_get_unit (self->bins),
                      sc_chart_series_get_currency (self->bins), 0, hi,
                      MAX ((guint) (plot_h / (fh * 2.2)) + 1, 2));
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      g_autofree char *label = sc_value_axis_format_tick (&layout->axis, layout->axis.ticks[i]);
      widest = MAX (widest, _sc_chart_canvas_measure_cb (label, canvas));
    }

  layout->plot = (ScChartRect) { PAD + widest + 8, PAD + fh / 2, 0, plot_h };
  layout->plot.width = canvas->width - layout->plot.x - PAD - 4;
  layout->slot = layout->plot.width / sc_chart_series_get_n_points (self->bins);

  return layout->slot >= 1;
}

static void
draw_value_axis (HistogramLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;

  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 0, 0);
  _sc_chart_canvas_set_color (canvas, &canvas->style->grid, 1);
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    _sc_chart_canvas_hline (canvas, layout->plot.x, layout->plot.x + layout->plot.width,
                            y_of (layout, layout->axis.ticks[i]));
  cairo_fill (canvas->cr);

  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      g_autofree char *label = sc_value_axis_format_tick (&layout->axis, layout->axis.ticks[i]);

      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_Y, label, layout->plot.x - 8,
                             y_of (layout, layout->axis.ticks[i]), 1, 0.5, 0,
                             &canvas->style->dim_fg, TRUE);
    }
}

/* Bin labels under the bars, every k-th so that they never overlap. */
static void
draw_bin_labels (ScHistogramPainter *self,
                 HistogramLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  guint n = sc_chart_series_get_n_points (self->bins);
  double widest = 0;
  guint stride;

  for (guint i = 0; i < n; i++)
    {
      const char *label = sc_chart_series_get_point (self->bins, i)->label;
      widest = MAX (widest, _sc_chart_canvas_measure_cb (label ? label : "", canvas));
    }

  stride = MAX ((guint) ceil ((widest + 8) / layout->slot), 1);
  for (guint i = 0; i < n; i += stride)
    {
      const char *label = sc_chart_series_get_point (self->bins, i)->label;

      if (label != NULL)
        _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_X, label,
                               layout->plot.x + layout->slot * (i + 0.5),
                               layout->plot.y + layout->plot.height + 4, 0.5, 0, 0,
                               &canvas->style->dim_fg, TRUE);
    }
}

static void
draw_bins (ScHistogramPainter *self,
           HistogramLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double gap = layout->slot >= 6 ? MAX (layout->slot * 0.12, 1) : 0;
  double bottom = layout->plot.y + layout->plot.height;

  for (guint i = 0; i < sc_chart_series_get_n_points (self->bins); i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (self->bins, i);
      double x = layout->plot.x + layout->slot * i;
      double top;
      ScChartItem *item;

      if (!isfinite (p->value))
        continue;

      top = y_of (layout, p->value);
      _sc_chart_canvas_rect (canvas, x + gap / 2, top, layout->slot - gap, bottom - top);
      if (p->insufficient)
        _sc_chart_canvas_set_color (canvas, &canvas->style->dim_fg, 0.35);
      else
        _sc_chart_canvas_set_color (canvas, &canvas->style->accent,
                                    self->selected >= 0 && (int) i != self->selected ? 0.45 : 1);
      cairo_fill (canvas->cr);

      item = sc_chart_geometry_add_item (canvas->geometry, SC_CHART_ITEM_BAR, 0, i);
      item->value = p->value;
      item->x = x + layout->slot / 2;
      item->y = top;
      item->area = (ScChartRect) { x, layout->plot.y - 4, layout->slot, layout->plot.height + 4 };
    }

  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 0, 0);
  _sc_chart_canvas_set_color (canvas, &canvas->style->dim_fg, 0.6);
  _sc_chart_canvas_hline (canvas, layout->plot.x, layout->plot.x + layout->plot.width, bottom);
  cairo_fill (canvas->cr);
}

static ScChartGeometry *
sc_histogram_painter_draw_impl (ScChartPainter     *painter,
                                cairo_t            *cr,
                                double              width,
                                double              height,
                                const ScChartStyle *style)
{
  ScHistogramPainter *self = SC_HISTOGRAM_PAINTER (painter);
  HistogramLayout layout = { 0 };
  double hi;

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);

  if (!has_values (self, &hi) || !layout_histogram (self, &layout, hi))
    _sc_chart_canvas_no_data (&layout.canvas, NULL);
  else
    {
      sc_chart_geometry_set_plot (layout.canvas.geometry, &layout.plot, TRUE);
      sc_chart_geometry_set_value_axis (layout.canvas.geometry, &layout.axis);
      draw_value_axis (&layout);
      draw_bins (self, &layout);
      draw_bin_labels (self, &layout);
    }

  return _sc_chart_canvas_end (&layout.canvas);
}

static char *
sc_histogram_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScHistogramPainter *self = SC_HISTOGRAM_PAINTER (painter);
  const ScChartPoint *peak = NULL;
  double total = 0, hi;
  g_autofree char *peak_value = NULL;
  g_autofree char *total_text = NULL;

  if (!has_values (self, &hi))
    return g_strdup (_("No data."));

  for (guint i = 0; i < sc_chart_series_get_n_points (self->bins); i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (self->bins, i);

      if (!isfinite (p->value))
        continue;
      total += p->value;
      if (peak == NULL || p->value > peak->value)
        peak = p;
    }

  peak_value = sc_chart_format_value (sc_chart_series_get_unit (self->bins), peak->value, NULL);
  total_text = sc_chart_format_value (sc_chart_series_get_unit (self->bins), total, NULL);
  /* Translators: metric, number of bins, total, fullest bin, its value */
  return g_strdup_printf (_("%s in %u bins, %s in all; the largest bin is %s with %s."),
                          sc_chart_series_get_name (self->bins),
                          sc_chart_series_get_n_points (self->bins), total_text,
                          peak->label ? peak->label : "", peak_value);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_histogram_painter_draw_impl;
  iface->dup_summary = sc_histogram_painter_dup_summary_impl;
}

static void
sc_histogram_painter_finalize (GObject *object)
{
  ScHistogramPainter *self = (ScHistogramPainter *) object;

  g_clear_pointer (&self->bins, sc_chart_series_unref);

  G_OBJECT_CLASS (sc_histogram_painter_parent_class)->finalize (object);
}

static void
sc_histogram_painter_class_init (ScHistogramPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_histogram_painter_finalize;
}

static void
sc_histogram_painter_init (ScHistogramPainter *self)
{
  self->selected = -1;
}

/**
 * sc_histogram_painter_new:
 *
 * Creates a histogram painter.
 *
 * Returns: (transfer full): a new #ScHistogramPainter
 */
ScHistogramPainter *
sc_histogram_painter_new (void)
{
  return g_object_new (SC_TYPE_HISTOGRAM_PAINTER, NULL);
}

/**
 * sc_histogram_painter_get_bins:
 * @self: a #ScHistogramPainter
 *
 * Returns: (transfer none) (nullable): the bins
 */
ScChartSeries *
sc_histogram_painter_get_bins (ScHistogramPainter *self)
{
  g_return_val_if_fail (SC_IS_HISTOGRAM_PAINTER (self), NULL);

  return self->bins;
}

/**
 * sc_histogram_painter_set_bins:
 * @self: a #ScHistogramPainter
 * @bins: (nullable): one category point per bin, in order: its label
 *   ("< 1 h"), its count as value; insufficient bins are greyed
 *
 * Sets the bins.
 */
void
sc_histogram_painter_set_bins (ScHistogramPainter *self,
                               ScChartSeries      *bins)
{
  g_return_if_fail (SC_IS_HISTOGRAM_PAINTER (self));

  if (bins != NULL)
    sc_chart_series_ref (bins);
  g_clear_pointer (&self->bins, sc_chart_series_unref);
  self->bins = bins;
}

/**
 * sc_histogram_painter_set_selected:
 * @self: a #ScHistogramPainter
 * @index: a bin index, or -1
 *
 * Highlights a bin; the others fade.
 */
void
sc_histogram_painter_set_selected (ScHistogramPainter *self,
                                   int                 index)
{
  g_return_if_fail (SC_IS_HISTOGRAM_PAINTER (self));

  self->selected = MAX (index, -1);
}

/**
 * sc_histogram_painter_draw:
 * @self: a #ScHistogramPainter
 * @cr: the cairo context
 * @width: allocation width
 * @height: allocation height
 * @style: colours and fonts
 *
 * Draws the histogram; see sc_chart_painter_draw().
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_histogram_painter_draw (ScHistogramPainter *self,
                           cairo_t            *cr,
                           double              width,
                           double              height,
                           const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_HISTOGRAM_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
