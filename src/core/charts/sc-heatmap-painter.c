/* sc-heatmap-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Volume by weekday × hour: seven rows (Monday first) of 24 cells whose
 * opacity grows with the value, and a "fewer → more" scale.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-chart-canvas-private.h"
#include "sc-heatmap-painter.h"

#define PAD 4.0
#define N_CELLS (SC_HEATMAP_DAYS * SC_HEATMAP_HOURS)

struct _ScHeatmapPainter
{
  GObject      parent_instance;
  double       values[N_CELLS];
  ScChartUnit  unit;
  char        *title;
  gboolean     has_values;
};

typedef struct
{
  ScChartCanvas canvas;
  ScChartRect   grid;
  double        cell_w;
  double        cell_h;
  double        max;
} HeatmapLayout;

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScHeatmapPainter, sc_heatmap_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

static char *
weekday_name (guint day,
              gboolean full)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 1, 1 + day, 12, 0, 0);

  return g_date_time_format (dt, full ? "%A" : "%a");
}

static double
max_value (ScHeatmapPainter *self)
{
  double max = 0;

  for (guint i = 0; i < N_CELLS; i++)
    if (isfinite (self->values[i]))
      max = MAX (max, self->values[i]);

  return max;
}

static gboolean
layout_heatmap (ScHeatmapPainter *self,
                HeatmapLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double fh = canvas->line_height;
  double label_w = 0;

  for (guint d = 0; d < SC_HEATMAP_DAYS; d++)
    {
      g_autofree char *name = weekday_name (d, FALSE);
      label_w = MAX (label_w, _sc_chart_canvas_measure_cb (name, canvas));
    }

  layout->grid.x = PAD + label_w + 8;
  layout->grid.y = PAD;
  layout->grid.width = canvas->width - layout->grid.x - PAD;
  layout->grid.height = canvas->height - 2 * PAD - 2 * (fh + 6);
  layout->cell_w = layout->grid.width / SC_HEATMAP_HOURS;
  layout->cell_h = MIN (layout->grid.height / SC_HEATMAP_DAYS, layout->cell_w * 1.2 + 8);
  layout->grid.height = layout->cell_h * SC_HEATMAP_DAYS;
  layout->max = max_value (self);

  return layout->cell_w >= 3 && layout->cell_h >= 3;
}

static void
draw_cells (ScHeatmapPainter *self,
            HeatmapLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double gap = layout->cell_w >= 10 ? 2 : 1;

  for (guint d = 0; d < SC_HEATMAP_DAYS; d++)
    for (guint h = 0; h < SC_HEATMAP_HOURS; h++)
      {
        double v = self->values[d * SC_HEATMAP_HOURS + h];
        double x = layout->grid.x + h * layout->cell_w;
        double y = layout->grid.y + d * layout->cell_h;
        ScChartItem *item;

        _sc_chart_canvas_rect (canvas, x + gap / 2, y + gap / 2, layout->cell_w - gap, layout->cell_h - gap);
        if (isfinite (v) && v > 0 && layout->max > 0)
          _sc_chart_canvas_set_color (canvas, &canvas->style->accent, 0.12 + 0.88 * v / layout->max);
        else
          _sc_chart_canvas_set_color (canvas, &canvas->style->grid, 1);
        cairo_fill (canvas->cr);

        item = sc_chart_geometry_add_item (canvas->geometry, SC_CHART_ITEM_CELL, d, h);
        item->value = v;
        item->x = x + layout->cell_w / 2;
        item->y = y + layout->cell_h / 2;
        item->area = (ScChartRect) { x, y, layout->cell_w, layout->cell_h };
      }
}

static void
draw_labels (HeatmapLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double bottom = layout->grid.y + layout->grid.height + 4;
  double widest;
  guint stride;

  for (guint d = 0; d < SC_HEATMAP_DAYS; d++)
    {
      g_autofree char *name = weekday_name (d, FALSE);

      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_Y, name, layout->grid.x - 8,
                             layout->grid.y + (d + 0.5) * layout->cell_h, 1, 0.5, 0,
                             &canvas->style->dim_fg, TRUE);
    }

  widest = _sc_chart_canvas_measure_cb ("00", canvas);
  stride = 1;
  while (stride < SC_HEATMAP_HOURS && stride * layout->cell_w < widest + 8)
    stride = stride < 3 ? stride + 1 : stride * 2;
  for (guint h = 0; h < SC_HEATMAP_HOURS; h += stride)
    {
      g_autofree char *hour = g_strdup_printf ("%02u", h);

      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_X, hour,
                             layout->grid.x + (h + 0.5) * layout->cell_w, bottom, 0.5, 0, 0,
                             &canvas->style->dim_fg, TRUE);
    }
}

static void
draw_scale (HeatmapLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double y = layout->grid.y + layout->grid.height + canvas->line_height + 10;
  double right = canvas->width - PAD;
  double more_w, fewer_w, x;

  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  _sc_chart_canvas_measure (canvas, _("More"), &more_w, NULL);
  _sc_chart_canvas_measure (canvas, _("Fewer"), &fewer_w, NULL);
  x = right - more_w - 6 - 5 * 14;
  if (x - fewer_w - 6 < PAD || y + canvas->line_height > canvas->height)
    {
      _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
      return;
    }

  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_LEGEND, _("Fewer"), x - 6, y, 1, 0, 0,
                         &canvas->style->dim_fg, TRUE);
  for (guint i = 0; i < 5; i++)
    {
      _sc_chart_canvas_rect (canvas, x + i * 14, y + canvas->line_height / 2 - 5, 12, 10);
      _sc_chart_canvas_set_color (canvas, &canvas->style->accent, 0.12 + 0.88 * i / 4.0);
      cairo_fill (canvas->cr);
    }
  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_LEGEND, _("More"), x + 5 * 14 + 4, y, 0, 0, 0,
                         &canvas->style->dim_fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

static ScChartGeometry *
sc_heatmap_painter_draw_impl (ScChartPainter     *painter,
                              cairo_t            *cr,
                              double              width,
                              double              height,
                              const ScChartStyle *style)
{
  ScHeatmapPainter *self = SC_HEATMAP_PAINTER (painter);
  HeatmapLayout layout = { 0 };

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);

  if (!self->has_values || !layout_heatmap (self, &layout) || !(layout.max > 0))
    _sc_chart_canvas_no_data (&layout.canvas, NULL);
  else
    {
      sc_chart_geometry_set_plot (layout.canvas.geometry, &layout.grid, FALSE);
      draw_cells (self, &layout);
      draw_labels (&layout);
      draw_scale (&layout);
    }

  return _sc_chart_canvas_end (&layout.canvas);
}

static char *
sc_heatmap_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScHeatmapPainter *self = SC_HEATMAP_PAINTER (painter);
  double max = max_value (self);
  g_autofree char *day = NULL;
  g_autofree char *value = NULL;
  guint at = 0;

  if (!self->has_values || !(max > 0))
    return g_strdup (_("No data."));

  for (guint i = 0; i < N_CELLS; i++)
    if (self->values[i] == max)
      {
        at = i;
        break;
      }

  day = weekday_name (at / SC_HEATMAP_HOURS, TRUE);
  value = sc_chart_format_value (self->unit, max, NULL);
  /* Translators: title, weekday, hour from, hour to, value */
  return g_strdup_printf (_("%s by weekday and hour: busiest on %s %02u:00–%02u:00 with %s."),
                          self->title ? self->title : _("Volume"), day, at % SC_HEATMAP_HOURS,
                          at % SC_HEATMAP_HOURS + 1, value);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_heatmap_painter_draw_impl;
  iface->dup_summary = sc_heatmap_painter_dup_summary_impl;
}

static void
sc_heatmap_painter_finalize (GObject *object)
{
  ScHeatmapPainter *self = (ScHeatmapPainter *) object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (sc_heatmap_painter_parent_class)->finalize (object);
}

static void
sc_heatmap_painter_class_init (ScHeatmapPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_heatmap_painter_finalize;
}

static void
sc_heatmap_painter_init (ScHeatmapPainter *self)
{
  self->unit = SC_CHART_UNIT_COUNT;
}

/**
 * sc_heatmap_painter_new:
 *
 * Creates a weekday × hour heatmap painter.
 *
 * Returns: (transfer full): a new #ScHeatmapPainter
 */
ScHeatmapPainter *
sc_heatmap_painter_new (void)
{
  return g_object_new (SC_TYPE_HEATMAP_PAINTER, NULL);
}

/**
 * sc_heatmap_painter_get_value:
 * @self: a #ScHeatmapPainter
 * @day: 0 for Monday … 6 for Sunday
 * @hour: 0…23
 *
 * Returns: the value of a cell, NAN if none
 */
double
sc_heatmap_painter_get_value (ScHeatmapPainter *self,
                              guint             day,
                              guint             hour)
{
  g_return_val_if_fail (SC_IS_HEATMAP_PAINTER (self), NAN);
  g_return_val_if_fail (day < SC_HEATMAP_DAYS && hour < SC_HEATMAP_HOURS, NAN);

  return self->has_values ? self->values[day * SC_HEATMAP_HOURS + hour] : NAN;
}

/**
 * sc_heatmap_painter_set_values:
 * @self: a #ScHeatmapPainter
 * @values: (array fixed-size=168) (nullable): 7 × 24 values, Monday 00:00
 *   first, row by row; NAN or 0 for empty cells; %NULL to clear
 * @unit: how values are written in summaries
 *
 * Sets the cells. Cell items have the weekday as series and the hour as
 * index.
 */
void
sc_heatmap_painter_set_values (ScHeatmapPainter *self,
                               const double     *values,
                               ScChartUnit       unit)
{
  g_return_if_fail (SC_IS_HEATMAP_PAINTER (self));

  self->has_values = values != NULL;
  self->unit = unit;
  if (values != NULL)
    memcpy (self->values, values, sizeof self->values);
}

/**
 * sc_heatmap_painter_set_title:
 * @self: a #ScHeatmapPainter
 * @title: (nullable): what the values are, for the summary ("Tickets")
 *
 * Names the values.
 */
void
sc_heatmap_painter_set_title (ScHeatmapPainter *self,
                              const char       *title)
{
  g_return_if_fail (SC_IS_HEATMAP_PAINTER (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * sc_heatmap_painter_draw:
 * @self: a #ScHeatmapPainter
 * @cr: the cairo context
 * @width: allocation width
 * @height: allocation height
 * @style: colours and fonts
 *
 * Draws the heatmap; see sc_chart_painter_draw().
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_heatmap_painter_draw (ScHeatmapPainter   *self,
                         cairo_t            *cr,
                         double              width,
                         double              height,
                         const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_HEATMAP_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
