/* sc-bullet-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bullet charts: per metric, bands for missed / at risk / met, the actual
 * value as a bar, the target as a marker, and the attainment beside it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-bullet-painter.h"
#include "sc-chart-canvas-private.h"

#define PAD 4.0

struct _ScBulletPainter
{
  GObject  parent_instance;
  GArray  *rows;
};

typedef struct
{
  ScChartCanvas  canvas;
  double         row_height;
  double         label_width;
  double         status_width;
  double         bar_x;
  double         bar_width;
} BulletLayout;

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScBulletPainter, sc_bullet_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

static void
clear_row (gpointer data)
{
  ScBulletRow *row = data;

  g_free ((char *) row->label);
}

static gboolean
lower_is_better (const ScBulletRow *row)
{
  return row->direction == SC_CHART_DIRECTION_LOWER_IS_BETTER;
}

static double
at_risk_bound (const ScBulletRow *row)
{
  if (isfinite (row->at_risk))
    return row->at_risk;

  return lower_is_better (row) ? row->target + fabs (row->target) * 0.1
                               : row->target - fabs (row->target) * 0.1;
}

/**
 * sc_bullet_row_get_status:
 * @row: a row
 *
 * Returns: whether @row meets its target, is at risk, or missed it,
 *   reading the direction of the metric
 */
ScBulletStatus
sc_bullet_row_get_status (const ScBulletRow *row)
{
  double risk;

  g_return_val_if_fail (row != NULL, SC_BULLET_STATUS_NONE);

  if (!isfinite (row->actual) || !isfinite (row->target))
    return SC_BULLET_STATUS_NONE;

  risk = at_risk_bound (row);
  if (lower_is_better (row))
    return row->actual <= row->target ? SC_BULLET_STATUS_MET
           : row->actual <= risk ? SC_BULLET_STATUS_AT_RISK : SC_BULLET_STATUS_MISSED;

  return row->actual >= row->target ? SC_BULLET_STATUS_MET
         : row->actual >= risk ? SC_BULLET_STATUS_AT_RISK : SC_BULLET_STATUS_MISSED;
}

/**
 * sc_bullet_row_get_attainment:
 * @row: a row
 *
 * The share of the target reached, in percent: actual ÷ target, or
 * target ÷ actual when lower is better, so 100 or more always means met.
 *
 * Returns: the attainment in percent, or NAN when it cannot be computed
 *   (no value, or a target or value at or below zero)
 */
double
sc_bullet_row_get_attainment (const ScBulletRow *row)
{
  double ratio;

  g_return_val_if_fail (row != NULL, NAN);

  /* A ratio to a zero or negative target (NPS can be) means nothing. */
  if (!isfinite (row->actual) || !isfinite (row->target) || row->target <= 0 || row->actual < 0)
    return NAN;

  ratio = lower_is_better (row) ? row->target / row->actual : row->actual / row->target;

  return isfinite (ratio) ? ratio * 100 : NAN;
}

static const char *
status_text (ScBulletStatus status)
{
  switch (status)
    {
    case SC_BULLET_STATUS_MET:
      return _("met");
    case SC_BULLET_STATUS_AT_RISK:
      return _("at risk");
    case SC_BULLET_STATUS_MISSED:
      return _("missed");
    case SC_BULLET_STATUS_NONE:
    default:
      return _("no data");
    }
}

static const ScChartRgba *
status_color (const ScChartStyle *style,
              ScBulletStatus      status)
{
  switch (status)
    {
    case SC_BULLET_STATUS_MET:
      return &style->success;
    case SC_BULLET_STATUS_AT_RISK:
      return &style->warning;
    case SC_BULLET_STATUS_MISSED:
      return &style->error;
    case SC_BULLET_STATUS_NONE:
    default:
      return &style->dim_fg;
    }
}

static void
row_scale (const ScBulletRow *row,
           double            *lo,
           double            *hi)
{
  double values[] = { row->actual, row->target, at_risk_bound (row) };

  *lo = 0, *hi = 0;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (isfinite (values[i]))
      *lo = MIN (*lo, values[i]), *hi = MAX (*hi, values[i]);

  *hi += (*hi - *lo) * 0.15;
  if (*hi <= *lo)
    *hi = *lo + 1;
}

static char *
describe_values (const ScBulletRow *row)
{
  g_autofree char *actual = sc_chart_format_value (row->unit, row->actual, NULL);
  g_autofree char *target = sc_chart_format_value (row->unit, row->target, NULL);

  /* Translators: actual value and target, e.g. "87.3% of 90% target" */
  return g_strdup_printf (_("%s of %s target"), actual, target);
}

static char *
describe_attainment (const ScBulletRow *row)
{
  double attainment = sc_bullet_row_get_attainment (row);
  g_autofree char *percent = NULL;

  if (!isfinite (attainment))
    return g_strdup ("—");

  percent = sc_chart_format_number (attainment, 0);
  return g_strdup_printf (_("%s%%"), percent);
}

/* Layout {{{ */

static gboolean
layout_rows (ScBulletPainter *self,
             BulletLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double fh = canvas->line_height;

  layout->row_height = MIN ((canvas->height - 2 * PAD) / self->rows->len, fh * 4);
  if (layout->row_height < fh * 1.2)
    return FALSE;

  layout->label_width = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ScBulletRow *row = &g_array_index (self->rows, ScBulletRow, i);
      g_autofree char *values = describe_values (row);

      layout->label_width = MAX (layout->label_width, _sc_chart_canvas_measure_cb (row->label, canvas));
      _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
      layout->label_width = MAX (layout->label_width, _sc_chart_canvas_measure_cb (values, canvas));
      _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
    }

  layout->label_width = MIN (layout->label_width, canvas->width * 0.35);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_BOLD);
  layout->status_width = _sc_chart_canvas_measure_cb ("000%", canvas) + 8;
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  layout->status_width = MAX (layout->status_width, _sc_chart_canvas_measure_cb (_("at risk"), canvas) + 8);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);

  layout->bar_x = PAD + layout->label_width + 12;
  layout->bar_width = canvas->width - layout->bar_x - layout->status_width - PAD - 8;

  return layout->bar_width >= 24;
}

/* }}} */

/* Drawing {{{ */

static void
draw_bands (BulletLayout      *layout,
            const ScBulletRow *row,
            double             lo,
            double             hi,
            double             top,
            double             h)
{
  ScChartCanvas *canvas = &layout->canvas;
  const ScChartStyle *style = canvas->style;
  double risk = at_risk_bound (row);
  double a = MIN (risk, row->target), b = MAX (risk, row->target);
  const ScChartRgba *left = lower_is_better (row) ? &style->success : &style->error;
  const ScChartRgba *right = lower_is_better (row) ? &style->error : &style->success;
  struct { double from, to; const ScChartRgba *color; } bands[] = {
    { lo, a, left }, { a, b, &style->warning }, { b, hi, right },
  };

  if (!isfinite (row->target))
    {
      _sc_chart_canvas_rect (canvas, layout->bar_x, top, layout->bar_width, h);
      _sc_chart_canvas_set_color (canvas, &style->grid, 1);
      cairo_fill (canvas->cr);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      double x0 = layout->bar_x + layout->bar_width * (CLAMP (bands[i].from, lo, hi) - lo) / (hi - lo);
      double x1 = layout->bar_x + layout->bar_width * (CLAMP (bands[i].to, lo, hi) - lo) / (hi - lo);

      if (x1 <= x0)
        continue;
      _sc_chart_canvas_rect (canvas, x0, top, x1 - x0, h);
      _sc_chart_canvas_set_color (canvas, bands[i].color, style->dark ? 0.3 : 0.22);
      cairo_fill (canvas->cr);
    }
}

static void
draw_marks (BulletLayout      *layout,
            const ScBulletRow *row,
            double             lo,
            double             hi,
            double             cy,
            double             h,
            guint              index)
{
  ScChartCanvas *canvas = &layout->canvas;
  double zero = layout->bar_x + layout->bar_width * (0 - lo) / (hi - lo);
  ScChartItem *item;
  double end = zero;

  if (isfinite (row->actual))
    {
      end = layout->bar_x + layout->bar_width * (row->actual - lo) / (hi - lo);
      _sc_chart_canvas_rect (canvas, MIN (zero, end), cy - h / 6, fabs (end - zero), h / 3);
      _sc_chart_canvas_set_color (canvas, &canvas->style->fg, 1);
      cairo_fill (canvas->cr);
    }

  if (isfinite (row->target))
    {
      double x = _sc_chart_canvas_snap_edge (canvas, layout->bar_x + layout->bar_width * (row->target - lo) / (hi - lo));

      _sc_chart_canvas_rect (canvas, x - 1.5, cy - h * 0.4, 3, h * 0.8);
      _sc_chart_canvas_set_color (canvas, &canvas->style->fg, 1);
      cairo_fill (canvas->cr);
    }

  item = sc_chart_geometry_add_item (canvas->geometry, SC_CHART_ITEM_BAR, 0, index);
  item->value = row->actual;
  item->x = end;
  item->y = cy;
  item->area = (ScChartRect) { 0, cy - layout->row_height / 2, canvas->width, layout->row_height };
}

static void
draw_texts (BulletLayout      *layout,
            const ScBulletRow *row,
            double             cy)
{
  ScChartCanvas *canvas = &layout->canvas;
  const ScChartStyle *style = canvas->style;
  ScBulletStatus status = sc_bullet_row_get_status (row);
  g_autofree char *values = describe_values (row);
  g_autofree char *attainment = describe_attainment (row);
  gboolean two_lines = layout->row_height >= canvas->line_height * 2.2;
  double right = canvas->width - PAD;

  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_CATEGORY, row->label, PAD, cy, 0,
                         two_lines ? 1 : 0.5, layout->label_width, &style->fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_BOLD);
  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, attainment, right, cy, 1, two_lines ? 1 : 0.5, 0,
                         &style->fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  if (two_lines)
    {
      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_CATEGORY, values, PAD, cy + 3, 0, 0,
                             layout->label_width, &style->dim_fg, TRUE);
      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, status_text (status), right, cy + 3, 1, 0, 0,
                             status == SC_BULLET_STATUS_NONE ? &style->dim_fg : status_color (style, status),
                             TRUE);
    }
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

static void
draw_row (ScBulletPainter *self,
          BulletLayout    *layout,
          guint            index)
{
  const ScBulletRow *row = &g_array_index (self->rows, ScBulletRow, index);
  double cy = PAD + layout->row_height * (index + 0.5);
  double h = MIN (layout->row_height * 0.55, 28);
  double lo, hi;

  row_scale (row, &lo, &hi);
  draw_bands (layout, row, lo, hi, cy - h / 2, h);
  draw_marks (layout, row, lo, hi, cy, h, index);
  draw_texts (layout, row, cy);
}

static ScChartGeometry *
sc_bullet_painter_draw_impl (ScChartPainter     *painter,
                             cairo_t            *cr,
                             double              width,
                             double              height,
                             const ScChartStyle *style)
{
  ScBulletPainter *self = SC_BULLET_PAINTER (painter);
  BulletLayout layout = { 0 };

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);

  if (self->rows->len == 0 || !layout_rows (self, &layout))
    _sc_chart_canvas_no_data (&layout.canvas, self->rows->len == 0 ? NULL : _("Too small"));
  else
    for (guint i = 0; i < self->rows->len; i++)
      draw_row (self, &layout, i);

  return _sc_chart_canvas_end (&layout.canvas);
}

/* }}} */

static char *
sc_bullet_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScBulletPainter *self = SC_BULLET_PAINTER (painter);
  GString *out = g_string_new (NULL);

  if (self->rows->len == 0)
    g_string_append (out, _("No data."));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const ScBulletRow *row = &g_array_index (self->rows, ScBulletRow, i);
      g_autofree char *values = describe_values (row);
      g_autofree char *attainment = describe_attainment (row);

      /* Translators: metric, "87% of 90% target", attainment, status */
      g_string_append_printf (out, _("%s%s: %s, %s attained, %s."), i > 0 ? " " : "", row->label,
                              values, attainment, status_text (sc_bullet_row_get_status (row)));
    }

  return g_string_free (out, FALSE);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_bullet_painter_draw_impl;
  iface->dup_summary = sc_bullet_painter_dup_summary_impl;
}

static void
sc_bullet_painter_finalize (GObject *object)
{
  ScBulletPainter *self = (ScBulletPainter *) object;

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (sc_bullet_painter_parent_class)->finalize (object);
}

static void
sc_bullet_painter_class_init (ScBulletPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_bullet_painter_finalize;
}

static void
sc_bullet_painter_init (ScBulletPainter *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (ScBulletRow));
  g_array_set_clear_func (self->rows, clear_row);
}

/**
 * sc_bullet_painter_new:
 *
 * Creates a painter of target-versus-actual bullet charts, one row per
 * metric, each on its own scale.
 *
 * Returns: (transfer full): a new #ScBulletPainter
 */
ScBulletPainter *
sc_bullet_painter_new (void)
{
  return g_object_new (SC_TYPE_BULLET_PAINTER, NULL);
}

/**
 * sc_bullet_painter_get_n_rows:
 * @self: a #ScBulletPainter
 *
 * Returns: the number of rows
 */
guint
sc_bullet_painter_get_n_rows (ScBulletPainter *self)
{
  g_return_val_if_fail (SC_IS_BULLET_PAINTER (self), 0);

  return self->rows->len;
}

/**
 * sc_bullet_painter_add_row:
 * @self: a #ScBulletPainter
 * @row: the row to copy (its label is duplicated)
 *
 * Appends a metric. Bar items in the geometry carry the row's index.
 */
void
sc_bullet_painter_add_row (ScBulletPainter   *self,
                           const ScBulletRow *row)
{
  ScBulletRow copy;

  g_return_if_fail (SC_IS_BULLET_PAINTER (self));
  g_return_if_fail (row != NULL);
  g_return_if_fail (row->label != NULL);

  copy = *row;
  copy.label = g_strdup (row->label);
  g_array_append_val (self->rows, copy);
}

/**
 * sc_bullet_painter_clear:
 * @self: a #ScBulletPainter
 *
 * Removes every row.
 */
void
sc_bullet_painter_clear (ScBulletPainter *self)
{
  g_return_if_fail (SC_IS_BULLET_PAINTER (self));

  g_array_set_size (self->rows, 0);
}

/**
 * sc_bullet_painter_draw:
 * @self: a #ScBulletPainter
 * @cr: the cairo context
 * @width: allocation width
 * @height: allocation height
 * @style: colours and fonts
 *
 * Draws the bullet charts; see sc_chart_painter_draw().
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_bullet_painter_draw (ScBulletPainter    *self,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_BULLET_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
