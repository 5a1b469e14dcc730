/* sc-bar-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Horizontal bars for a metric broken down by segment: sorted, with value
 * labels, interval whiskers, a target tick per bar and the overall value
 * as a reference line.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-bar-painter.h"
#include "sc-chart-canvas-private.h"

#define PAD 4.0

struct _ScBarPainter
{
  GObject        parent_instance;

  ScChartSeries *series;
  double         reference;
  guint          max_bars;
  int            selected;
};

typedef struct
{
  int          index;
  const char  *label;
  double       value;
  double       ci_low;
  double       ci_high;
  double       target;
  guint64      n;
  gboolean     insufficient;
  guint        folded;
} Row;

typedef struct
{
  ScChartCanvas  canvas;
  ScValueAxis    axis;
  ScChartRect    plot;
  GArray        *rows;
  GPtrArray     *label_layouts;
  GPtrArray     *value_layouts;
  guint          n_shown;
  double         row_height;
  double         label_width;
  double         value_width;
} BarLayout;

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScBarPainter, sc_bar_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

/* Rows: sorted, folded {{{ */

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;

  /* Missing values sink to the bottom; ties keep the input order. */
  if (isfinite (ra->value) != isfinite (rb->value))
    return isfinite (ra->value) ? -1 : 1;
  if (isfinite (ra->value) && ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;

  return ra->index - rb->index;
}

static void
fold_rows (GArray *rows,
           guint   keep)
{
  Row other = { .index = -1, .label = NULL, .ci_low = NAN, .ci_high = NAN, .target = NAN,
                .insufficient = TRUE };
  double weighted = 0, weight = 0;

  for (guint i = keep; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      other.n += row->n;
      other.insufficient &= row->insufficient;
      if (isfinite (row->value) && row->n > 0)
        weighted += row->value * row->n, weight += row->n;
    }

  other.value = weight > 0 ? weighted / weight : NAN;
  other.folded = rows->len - keep;
  g_array_set_size (rows, keep);
  g_array_append_val (rows, other);
}

static GArray *
build_rows (ScBarPainter *self)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < sc_chart_series_get_n_points (self->series); i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (self->series, i);
      Row row = { (int) i, p->label ? p->label : "", p->value, p->ci_low, p->ci_high,
                  p->target, p->n, p->insufficient };

      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_rows);
  if (self->max_bars > 0 && rows->len > self->max_bars + 1)
    fold_rows (rows, self->max_bars);

  return rows;
}

static gboolean
rows_have_values (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    if (isfinite (g_array_index (rows, Row, i).value))
      return TRUE;

  return FALSE;
}

/* }}} */

/* Layout {{{ */

static const char *
row_label (const Row *row,
           char     **owned)
{
  if (row->index >= 0)
    return row->label;

  /* Translators: the bar that folds the smallest segments; %u is how many */
  *owned = g_strdup_printf (_("Other (%u)"), row->folded);
  return *owned;
}

static char *
format_row_value (ScBarPainter *self,
                  const Row    *row)
{
  return sc_chart_format_value (sc_chart_series_get_unit (self->series), row->value,
                                sc_chart_series_get_currency (self->series));
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* Lays out every shown label and value once; drawing reuses the layouts. */
static void
measure_columns (ScBarPainter *self,
                 BarLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;

  layout->label_width = 0;
  layout->value_width = 0;
  for (guint i = 0; i < layout->n_shown; i++)
    {
      const Row *row = &g_array_index (layout->rows, Row, i);
      g_autofree char *owned = NULL;
      g_autofree char *value = format_row_value (self, row);
      gboolean bold = self->selected >= 0 && row->index == self->selected;
      PangoLayout *label;

      g_ptr_array_add (layout->value_layouts, _sc_chart_canvas_new_layout (canvas, value));
      _sc_chart_canvas_set_font (canvas, bold ? SC_CHART_FONT_BOLD : SC_CHART_FONT_NORMAL);
      label = _sc_chart_canvas_new_layout (canvas, row_label (row, &owned));
      _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
      g_ptr_array_add (layout->label_layouts, label);

      layout->label_width = MAX (layout->label_width, layout_width (label));
      layout->value_width = MAX (layout->value_width,
                                 layout_width (g_ptr_array_index (layout->value_layouts, i)));
    }

  layout->label_width = MIN (layout->label_width, MIN (canvas->width * 0.35, 260));
  layout->value_width += 8;
}

static void
value_range (ScBarPainter *self,
             BarLayout    *layout,
             double       *lo,
             double       *hi)
{
  *lo = 0, *hi = 0;
  for (guint i = 0; i < layout->n_shown; i++)
    {
      const Row *row = &g_array_index (layout->rows, Row, i);
      double values[] = { row->value, row->ci_low, row->ci_high, row->target };

      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        if (isfinite (values[k]) && (k == 0 || isfinite (row->value)))
          *lo = MIN (*lo, values[k]), *hi = MAX (*hi, values[k]);
    }

  if (isfinite (self->reference))
    *lo = MIN (*lo, self->reference), *hi = MAX (*hi, self->reference);
}

static gboolean
layout_bars (ScBarPainter *self,
             BarLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double fh = canvas->line_height;
  double top = PAD + (isfinite (self->reference) ? fh + 6 : 0);
  double bottom = PAD + fh + 6;
  double avail = canvas->height - top - bottom;
  double min_row = fh + 4;
  guint fit = avail > 0 ? (guint) (avail / min_row) : 0;
  double lo, hi, widest_tick = 0;
  guint max_ticks;

  /* When some rows do not fit, the "N more" note takes a line under the
   * axis labels. */
  if (fit < layout->rows->len)
    {
      avail -= fh + 4;
      fit = avail > 0 ? (guint) (avail / min_row) : 0;
    }
  layout->n_shown = MIN (layout->rows->len, fit);
  if (layout->n_shown == 0)
    return FALSE;

  layout->row_height = MIN (avail / layout->n_shown, fh * 2.4);
  measure_columns (self, layout);
  value_range (self, layout, &lo, &hi);

  layout->plot.x = PAD + layout->label_width + 8;
  layout->plot.y = top;
  layout->plot.width = canvas->width - layout->plot.x - layout->value_width - PAD;
  layout->plot.height = layout->row_height * layout->n_shown;
  if (layout->plot.width < 30)
    return FALSE;

  sc_value_axis_init (&layout->axis, sc_chart_series_get_unit (self->series),
                      sc_chart_series_get_currency (self->series), lo, hi, 6);
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      g_autofree char *label = sc_value_axis_format_tick (&layout->axis, layout->axis.ticks[i]);
      widest_tick = MAX (widest_tick, _sc_chart_canvas_measure_cb (label, canvas));
    }
  max_ticks = (guint) (layout->plot.width / (widest_tick + 16)) + 1;
  sc_value_axis_init (&layout->axis, sc_chart_series_get_unit (self->series),
                      sc_chart_series_get_currency (self->series), lo, hi, MAX (max_ticks, 2));

  return TRUE;
}

static double
x_of (const BarLayout *layout,
      double           value)
{
  return layout->plot.x + layout->plot.width * sc_value_axis_normalize (&layout->axis, value);
}

/* }}} */

/* Drawing {{{ */

static void
draw_axis (BarLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double bottom = layout->plot.y + layout->plot.height;

  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 0, 0);
  _sc_chart_canvas_set_color (canvas, &canvas->style->grid, 1);
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    _sc_chart_canvas_vline (canvas, x_of (layout, layout->axis.ticks[i]), layout->plot.y, bottom);
  cairo_fill (canvas->cr);

  _sc_chart_canvas_set_color (canvas, &canvas->style->dim_fg, 0.6);
  _sc_chart_canvas_vline (canvas, x_of (layout, 0), layout->plot.y, bottom);
  cairo_fill (canvas->cr);

  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      g_autofree char *label = sc_value_axis_format_tick (&layout->axis, layout->axis.ticks[i]);

      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_X, label,
                             x_of (layout, layout->axis.ticks[i]), bottom + 4, 0.5, 0, 0,
                             &canvas->style->dim_fg, TRUE);
    }
}

/* Rows are drawn in passes, one fill per kind of shape and colour: with
 * many rows, one fill per shape costs more than everything else. */
typedef enum
{
  PASS_BARS,
  PASS_FADED_BARS,
  PASS_GREY_BARS,
  PASS_WHISKERS,
  PASS_TARGETS,
  N_PASSES
} BarPass;

static double
row_centre (const BarLayout *layout,
            guint            i)
{
  return layout->plot.y + (i + 0.5) * layout->row_height;
}

static double
bar_thickness (const BarLayout *layout)
{
  return MAX (layout->row_height * 0.62, 3);
}

static BarPass
bar_pass (ScBarPainter *self,
          const Row    *row)
{
  if (row->insufficient)
    return PASS_GREY_BARS;
  if (self->selected >= 0 && row->index != self->selected)
    return PASS_FADED_BARS;

  return PASS_BARS;
}

static void
add_whisker (BarLayout *layout,
             const Row *row,
             double     cy)
{
  ScChartCanvas *canvas = &layout->canvas;
  double x0 = x_of (layout, row->ci_low);
  double x1 = x_of (layout, row->ci_high);
  double cap = MIN (bar_thickness (layout) * 0.5, 8);

  _sc_chart_canvas_hline (canvas, x0, x1, cy);
  _sc_chart_canvas_vline (canvas, x0, cy - cap / 2, cy + cap / 2);
  _sc_chart_canvas_vline (canvas, x1, cy - cap / 2, cy + cap / 2);
}

static void
add_row_shape (ScBarPainter *self,
               BarLayout    *layout,
               guint         i,
               BarPass       pass)
{
  ScChartCanvas *canvas = &layout->canvas;
  const Row *row = &g_array_index (layout->rows, Row, i);
  double cy = row_centre (layout, i);
  double bar_h = bar_thickness (layout);
  double zero = x_of (layout, 0);
  double x;

  if (!isfinite (row->value))
    return;

  switch (pass)
    {
    case PASS_WHISKERS:
      if (isfinite (row->ci_low) && isfinite (row->ci_high))
        add_whisker (layout, row, cy);
      break;

    case PASS_TARGETS:
      if (!isfinite (row->target))
        break;
      x = _sc_chart_canvas_snap_edge (canvas, x_of (layout, row->target));
      _sc_chart_canvas_rect (canvas, x - 1, cy - bar_h / 2 - 3, 2, bar_h + 6);
      break;

    case PASS_BARS:
    case PASS_FADED_BARS:
    case PASS_GREY_BARS:
    case N_PASSES:
    default:
      if (bar_pass (self, row) != pass)
        break;
      x = x_of (layout, row->value);
      _sc_chart_canvas_rect (canvas, MIN (zero, x), cy - bar_h / 2, fabs (x - zero), bar_h);
      break;
    }
}

static void
draw_shapes (ScBarPainter *self,
             BarLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  const ScChartStyle *style = canvas->style;
  const struct { const ScChartRgba *color; double alpha; } paint[N_PASSES] = {
    [PASS_BARS] = { &style->accent, 1 },
    [PASS_FADED_BARS] = { &style->accent, 0.45 },
    [PASS_GREY_BARS] = { &style->dim_fg, 0.35 },
    [PASS_WHISKERS] = { &style->fg, 0.75 },
    [PASS_TARGETS] = { &style->fg, 1 },
  };

  _sc_chart_canvas_set_rule (canvas, 1, 0, 0);
  for (guint pass = 0; pass < N_PASSES; pass++)
    {
      for (guint i = 0; i < layout->n_shown; i++)
        add_row_shape (self, layout, i, pass);
      _sc_chart_canvas_set_color (canvas, paint[pass].color, paint[pass].alpha);
      cairo_fill (canvas->cr);
    }
}

static void
draw_row_labels (ScBarPainter *self,
                 BarLayout    *layout,
                 guint         i)
{
  ScChartCanvas *canvas = &layout->canvas;
  const Row *row = &g_array_index (layout->rows, Row, i);
  const ScChartRgba *color = row->insufficient ? &canvas->style->dim_fg : &canvas->style->fg;
  g_autofree char *owned = NULL;
  g_autofree char *value = format_row_value (self, row);
  double cy = row_centre (layout, i);
  double end = MAX (x_of (layout, isfinite (row->value) ? MAX (row->value, 0) : 0),
                    isfinite (row->ci_high) ? x_of (layout, row->ci_high) : 0);

  if (isfinite (row->target))
    end = MAX (end, x_of (layout, row->target) + 1);

  _sc_chart_canvas_show (canvas, g_ptr_array_index (layout->label_layouts, i),
                         SC_CHART_LABEL_CATEGORY, row_label (row, &owned),
                         PAD, cy, 0, 0.5, layout->label_width, color, TRUE);
  _sc_chart_canvas_show (canvas, g_ptr_array_index (layout->value_layouts, i),
                         SC_CHART_LABEL_VALUE, value, end + 6, cy, 0, 0.5, 0, color, TRUE);
}

static void
add_row_item (BarLayout *layout,
              guint      i)
{
  ScChartCanvas *canvas = &layout->canvas;
  const Row *row = &g_array_index (layout->rows, Row, i);
  ScChartItem *item = sc_chart_geometry_add_item (canvas->geometry, SC_CHART_ITEM_BAR, 0, row->index);

  item->value = row->value;
  item->x = x_of (layout, isfinite (row->value) ? row->value : 0);
  item->y = row_centre (layout, i);
  item->area = (ScChartRect) { 0, layout->plot.y + i * layout->row_height, canvas->width,
                               layout->row_height };
}

static void
draw_reference (ScBarPainter *self,
                BarLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  double x;

  if (!isfinite (self->reference))
    return;

  x = x_of (layout, self->reference);
  _sc_chart_canvas_set_rule (canvas, 1, 4, 3);
  _sc_chart_canvas_vline (canvas, x, layout->plot.y - 4, layout->plot.y + layout->plot.height);
  _sc_chart_canvas_set_color (canvas, &canvas->style->fg, 0.8);
  cairo_fill (canvas->cr);

  value = sc_chart_format_value (sc_chart_series_get_unit (self->series), self->reference,
                                 sc_chart_series_get_currency (self->series));
  /* Translators: the overall value drawn as a line across segment bars */
  text = g_strdup_printf (_("Overall %s"), value);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, x, layout->plot.y - 5, 0.5, 1, 0,
                         &canvas->style->fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

static void
draw_more_note (BarLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  guint hidden = layout->rows->len - layout->n_shown;
  g_autofree char *text = NULL;

  if (hidden == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more segment not shown",
                                       "%u more segments not shown", hidden), hidden);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_MESSAGE, text, PAD, canvas->height - PAD, 0, 1,
                         canvas->width - 2 * PAD, &canvas->style->dim_fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

static ScChartGeometry *
sc_bar_painter_draw_impl (ScChartPainter     *painter,
                          cairo_t            *cr,
                          double              width,
                          double              height,
                          const ScChartStyle *style)
{
  ScBarPainter *self = SC_BAR_PAINTER (painter);
  BarLayout layout = { 0 };

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);
  layout.rows = self->series ? build_rows (self) : g_array_new (FALSE, FALSE, sizeof (Row));
  layout.label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  layout.value_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  if (!rows_have_values (layout.rows) || !layout_bars (self, &layout))
    _sc_chart_canvas_no_data (&layout.canvas, NULL);
  else
    {
      sc_chart_geometry_set_plot (layout.canvas.geometry, &layout.plot, FALSE);
      sc_chart_geometry_set_value_axis (layout.canvas.geometry, &layout.axis);
      draw_axis (&layout);
      draw_shapes (self, &layout);
      for (guint i = 0; i < layout.n_shown; i++)
        {
          draw_row_labels (self, &layout, i);
          add_row_item (&layout, i);
        }
      draw_reference (self, &layout);
      draw_more_note (&layout);
    }

  g_array_unref (layout.rows);
  g_ptr_array_unref (layout.label_layouts);
  g_ptr_array_unref (layout.value_layouts);

  return _sc_chart_canvas_end (&layout.canvas);
}

/* }}} */

static char *
sc_bar_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScBarPainter *self = SC_BAR_PAINTER (painter);
  g_autoptr(GArray) rows = NULL;
  g_autofree char *high = NULL, *low = NULL, *overall = NULL;
  g_autofree char *first_owned = NULL, *last_owned = NULL;
  const Row *first, *last = NULL;
  guint valid = 0, few = 0;
  GString *out;

  if (self->series == NULL || !rows_have_values (rows = build_rows (self)))
    return g_strdup (_("No data."));

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      if (!isfinite (row->value))
        continue;
      valid++;
      few += row->insufficient;
      last = row;
    }

  first = &g_array_index (rows, Row, 0);
  high = format_row_value (self, first);
  low = format_row_value (self, last);
  out = g_string_new (NULL);
  /* Translators: metric, number of segments, best segment and value, lowest segment and value */
  g_string_append_printf (out, _("%s across %u segments: highest %s (%s), lowest %s (%s)."),
                          sc_chart_series_get_name (self->series), valid,
                          row_label (first, &first_owned), high,
                          row_label (last, &last_owned), low);
  if (few > 0)
    g_string_append_printf (out, " %s", g_dngettext (GETTEXT_PACKAGE,
                                                     "One segment has too few responses.",
                                                     "Some segments have too few responses.", few));
  if (isfinite (self->reference))
    {
      overall = sc_chart_format_value (sc_chart_series_get_unit (self->series), self->reference,
                                       sc_chart_series_get_currency (self->series));
      g_string_append_printf (out, _(" Overall %s."), overall);
    }

  return g_string_free (out, FALSE);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_bar_painter_draw_impl;
  iface->dup_summary = sc_bar_painter_dup_summary_impl;
}

static void
sc_bar_painter_finalize (GObject *object)
{
  ScBarPainter *self = (ScBarPainter *) object;

  g_clear_pointer (&self->series, sc_chart_series_unref);

  G_OBJECT_CLASS (sc_bar_painter_parent_class)->finalize (object);
}

static void
sc_bar_painter_class_init (ScBarPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_bar_painter_finalize;
}

static void
sc_bar_painter_init (ScBarPainter *self)
{
  self->reference = NAN;
  self->selected = -1;
}

/**
 * sc_bar_painter_new:
 *
 * Creates a painter for a metric broken down by segment: one horizontal
 * bar per segment, sorted from the highest value down.
 *
 * Returns: (transfer full): a new #ScBarPainter
 */
ScBarPainter *
sc_bar_painter_new (void)
{
  return g_object_new (SC_TYPE_BAR_PAINTER, NULL);
}

/**
 * sc_bar_painter_get_series:
 * @self: a #ScBarPainter
 *
 * Returns: (transfer none) (nullable): the segments
 */
ScChartSeries *
sc_bar_painter_get_series (ScBarPainter *self)
{
  g_return_val_if_fail (SC_IS_BAR_PAINTER (self), NULL);

  return self->series;
}

/**
 * sc_bar_painter_get_selected:
 * @self: a #ScBarPainter
 *
 * Returns: the index of the selected segment, or -1
 */
int
sc_bar_painter_get_selected (ScBarPainter *self)
{
  g_return_val_if_fail (SC_IS_BAR_PAINTER (self), -1);

  return self->selected;
}

/**
 * sc_bar_painter_set_series:
 * @self: a #ScBarPainter
 * @segments: (nullable): one point per segment, with its label, value, n,
 *   interval, target and insufficient flag
 *
 * Sets the segments. Bar items in the geometry carry the segment's index
 * in @segments (-1 for the folded "Other" bar).
 */
void
sc_bar_painter_set_series (ScBarPainter  *self,
                           ScChartSeries *segments)
{
  g_return_if_fail (SC_IS_BAR_PAINTER (self));

  if (segments != NULL)
    sc_chart_series_ref (segments);
  g_clear_pointer (&self->series, sc_chart_series_unref);
  self->series = segments;
}

/**
 * sc_bar_painter_set_reference:
 * @self: a #ScBarPainter
 * @overall: the metric over all segments, or NAN
 *
 * Draws the overall value as a dashed line across the bars.
 */
void
sc_bar_painter_set_reference (ScBarPainter *self,
                              double        overall)
{
  g_return_if_fail (SC_IS_BAR_PAINTER (self));

  self->reference = overall;
}

/**
 * sc_bar_painter_set_max_bars:
 * @self: a #ScBarPainter
 * @max_bars: the most bars to draw before folding the rest, or 0
 *
 * With @max_bars > 0, segments beyond the first @max_bars (after sorting)
 * are folded into one "Other" bar whose value is their sample-weighted
 * mean. With 0, every segment gets a bar while there is room, and a note
 * says how many did not fit.
 */
void
sc_bar_painter_set_max_bars (ScBarPainter *self,
                             guint         max_bars)
{
  g_return_if_fail (SC_IS_BAR_PAINTER (self));

  self->max_bars = max_bars;
}

/**
 * sc_bar_painter_set_selected:
 * @self: a #ScBarPainter
 * @index: a segment index, or -1
 *
 * Highlights a segment: the other bars fade and its label turns bold.
 */
void
sc_bar_painter_set_selected (ScBarPainter *self,
                             int           index)
{
  g_return_if_fail (SC_IS_BAR_PAINTER (self));

  self->selected = MAX (index, -1);
}

/**
 * sc_bar_painter_draw:
 * @self: a #ScBarPainter
 * @cr: the cairo context
 * @width: allocation width
 * @height: allocation height
 * @style: colours and fonts
 *
 * Draws the bars; see sc_chart_painter_draw(). A bar's hit area is its
 * whole row.
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_bar_painter_draw (ScBarPainter       *self,
                     cairo_t            *cr,
                     double              width,
                     double              height,
                     const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_BAR_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
