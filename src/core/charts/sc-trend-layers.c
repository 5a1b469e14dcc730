/* sc-trend-layers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layers of a trend chart, drawn back to front: grid and axes, bands,
 * reference lines, series, annotations, and the interactive overlays.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-trend-painter-private.h"

#define TICK_LENGTH 4.0
#define LABEL_GAP   6.0
#define MARKER_R    3.5

typedef enum
{
  REFERENCE_TARGET,
  REFERENCE_BASELINE,
} ReferenceKind;

double
_sc_trend_x_of (const ScTrendLayout *layout,
                gint64               time)
{
  return layout->plot.x + layout->plot.width * sc_time_axis_normalize (&layout->time_axis, time);
}

double
_sc_trend_point_x (const ScTrendLayout *layout,
                   const ScChartPoint  *point)
{
  return _sc_trend_x_of (layout, point->start + (point->end - point->start) / 2);
}

double
_sc_trend_y_of (const ScTrendLayout *layout,
                double               value)
{
  return layout->plot.y + layout->plot.height *
         (1 - sc_value_axis_normalize (&layout->value_axis, value));
}

static ScChartSeries *
main_series (ScTrendPainter *self)
{
  return g_ptr_array_index (self->series, 0);
}

static double
plot_bottom (const ScTrendLayout *layout)
{
  return layout->plot.y + layout->plot.height;
}

static double
plot_right (const ScTrendLayout *layout)
{
  return layout->plot.x + layout->plot.width;
}

/* Grid, zero line, value labels and the time axis line {{{ */

static void
draw_value_labels (ScTrendLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;

  for (guint i = 0; i < layout->value_axis.n_ticks; i++)
    {
      double v = layout->value_axis.ticks[i];
      g_autofree char *label = sc_value_axis_format_tick (&layout->value_axis, v);

      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_Y, label,
                             layout->plot.x - 8, _sc_trend_y_of (layout, v), 1.0, 0.5, 0,
                             &canvas->style->dim_fg, TRUE);
    }
}

void
_sc_trend_draw_grid (ScTrendPainter *self,
                     ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  cairo_t *cr = canvas->cr;
  const ScValueAxis *axis = &layout->value_axis;

  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 0, 0);
  _sc_chart_canvas_set_color (canvas, &canvas->style->grid, 1);
  for (guint i = 0; i < axis->n_ticks; i++)
    _sc_chart_canvas_hline (canvas, layout->plot.x, plot_right (layout),
                            _sc_trend_y_of (layout, axis->ticks[i]));
  cairo_fill (cr);

  /* The axis line, and the zero line when values go negative. */
  _sc_chart_canvas_set_color (canvas, &canvas->style->dim_fg, 0.5);
  _sc_chart_canvas_hline (canvas, layout->plot.x, plot_right (layout), plot_bottom (layout));
  if (axis->min < 0 && axis->max > 0)
    _sc_chart_canvas_hline (canvas, layout->plot.x, plot_right (layout), _sc_trend_y_of (layout, 0));
  cairo_fill (cr);

  if (layout->compact)
    return;

  draw_value_labels (layout);
}

/* }}} */

/* Time labels, thinned so they never overlap {{{ */

typedef struct
{
  double  x;
  double  width;
  char   *text;
} TimeLabel;

static void
clear_time_label (gpointer data)
{
  g_free (((TimeLabel *) data)->text);
}

static double
period_centre (const ScTrendLayout *layout,
               guint                i)
{
  const ScTimeAxis *axis = &layout->time_axis;
  gint64 start = axis->ticks[i];
  gint64 end;

  if (i + 1 < axis->n_ticks)
    end = axis->ticks[i + 1];
  else
    {
      gint64 typical = axis->n_ticks > 1 ? axis->ticks[1] - axis->ticks[0] : axis->end - start;

      /* A last period cut to less than half by the axis end gets no label. */
      if (axis->end - start < typical / 2)
        return NAN;
      end = MIN (axis->end, start + typical);
    }

  return _sc_trend_x_of (layout, start + (end - start) / 2);
}

static GArray *
collect_time_labels (ScTrendLayout *layout)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (TimeLabel));
  gboolean centred = sc_time_axis_tick_is_period (&layout->time_axis);

  g_array_set_clear_func (labels, clear_time_label);
  for (guint i = 0; i < layout->time_axis.n_ticks; i++)
    {
      TimeLabel label;

      label.x = centred ? period_centre (layout, i)
                        : _sc_trend_x_of (layout, layout->time_axis.ticks[i]);
      if (!isfinite (label.x))
        continue;
      label.text = sc_time_axis_format_tick (&layout->time_axis, i);
      label.width = _sc_chart_canvas_measure_cb (label.text, &layout->canvas);
      /* Keep labels at the ends from spilling under the value labels. */
      label.x = CLAMP (label.x, layout->plot.x + label.width / 2,
                       layout->canvas.width - label.width / 2);
      g_array_append_val (labels, label);
    }

  return labels;
}

/* The smallest stride k such that every k-th label clears its neighbour. */
static guint
thinning_stride (GArray *labels,
                 double  gap)
{
  for (guint k = 1; k < labels->len; k++)
    {
      gboolean fits = TRUE;

      for (guint i = k; i < labels->len && fits; i += k)
        {
          TimeLabel *a = &g_array_index (labels, TimeLabel, i - k);
          TimeLabel *b = &g_array_index (labels, TimeLabel, i);

          fits = b->x - a->x >= (a->width + b->width) / 2 + gap;
        }
      if (fits)
        return k;
    }

  return MAX (labels->len, 1);
}

void
_sc_trend_draw_time_labels (ScTrendPainter *self,
                            ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  g_autoptr(GArray) labels = NULL;
  double y = plot_bottom (layout);
  guint stride;

  if (layout->compact)
    return;

  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 0, 0);
  _sc_chart_canvas_set_color (canvas, &canvas->style->dim_fg, 0.5);
  for (guint i = 0; i < layout->time_axis.n_ticks; i++)
    _sc_chart_canvas_vline (canvas, _sc_trend_x_of (layout, layout->time_axis.ticks[i]),
                            y, y + TICK_LENGTH);
  cairo_fill (canvas->cr);

  labels = collect_time_labels (layout);
  stride = thinning_stride (labels, 8);
  for (guint i = 0; i < labels->len; i += stride)
    {
      TimeLabel *label = &g_array_index (labels, TimeLabel, i);

      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_AXIS_X, label->text, label->x,
                             y + TICK_LENGTH + 2, 0.5, 0, 0, &canvas->style->dim_fg, TRUE);
    }
}

/* }}} */

/* Bands: the baseline's normal range and the 95% intervals {{{ */

static gboolean
has_interval (const ScChartPoint *point)
{
  return isfinite (point->value) && isfinite (point->ci_low) && isfinite (point->ci_high);
}

static void
fill_interval_run (ScTrendLayout *layout,
                   ScChartSeries *series,
                   guint          first,
                   guint          last)
{
  cairo_t *cr = layout->canvas.cr;

  for (guint i = first; i <= last; i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      double x = _sc_trend_point_x (layout, p);

      if (i == first)
        cairo_move_to (cr, x, _sc_trend_y_of (layout, p->ci_high));
      else
        cairo_line_to (cr, x, _sc_trend_y_of (layout, p->ci_high));
    }
  for (guint i = last + 1; i > first; i--)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i - 1);

      cairo_line_to (cr, _sc_trend_point_x (layout, p), _sc_trend_y_of (layout, p->ci_low));
    }
  cairo_close_path (cr);
}

typedef struct
{
  double x;
  double top;
  double bottom;
} BandColumn;

/* For periods packed closer than 3 device pixels: the band's envelope per
 * 3-pixel bucket (highest upper bound, lowest lower bound), which looks the
 * same at that density and has a fraction of the edges to rasterise. */
static void
fill_interval_envelope (ScTrendLayout *layout,
                        ScChartSeries *series,
                        guint          first,
                        guint          last)
{
  cairo_t *cr = layout->canvas.cr;
  double bucket_width = 3 / layout->canvas.scale;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (BandColumn));
  double bucket = -G_MAXDOUBLE;

  for (guint i = first; i <= last; i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      BandColumn c = { _sc_trend_point_x (layout, p), _sc_trend_y_of (layout, p->ci_high),
                       _sc_trend_y_of (layout, p->ci_low) };
      BandColumn *prev = columns->len ? &g_array_index (columns, BandColumn, columns->len - 1) : NULL;

      /* The first and last periods keep their own column, so the band
       * starts and ends where the data does. */
      if (prev != NULL && floor (c.x / bucket_width) == bucket && i != last && i - 1 != first)
        {
          prev->top = MIN (prev->top, c.top);
          prev->bottom = MAX (prev->bottom, c.bottom);
          continue;
        }
      bucket = floor (c.x / bucket_width);
      g_array_append_val (columns, c);
    }

  for (guint i = 0; i < columns->len; i++)
    {
      const BandColumn *c = &g_array_index (columns, BandColumn, i);

      if (i == 0)
        cairo_move_to (cr, c->x, c->top);
      else
        cairo_line_to (cr, c->x, c->top);
    }
  for (guint i = columns->len; i > 0; i--)
    {
      const BandColumn *c = &g_array_index (columns, BandColumn, i - 1);

      cairo_line_to (cr, c->x, c->bottom);
    }
  cairo_close_path (cr);
}

static void
draw_single_interval (ScTrendLayout      *layout,
                      const ScChartPoint *p)
{
  double x = _sc_trend_point_x (layout, p);
  double top = _sc_trend_y_of (layout, p->ci_high);

  _sc_chart_canvas_rect (&layout->canvas, x - 2, top, 4, _sc_trend_y_of (layout, p->ci_low) - top);
}

static void
draw_intervals (ScTrendLayout     *layout,
                ScChartSeries     *series,
                const ScChartRgba *color)
{
  guint n = sc_chart_series_get_n_points (series);
  double spacing = n > 0 ? layout->plot.width / n : 0;
  guint run_start = 0;
  gboolean in_run = FALSE;

  for (guint i = 0; i <= n; i++)
    {
      gboolean ok = i < n && has_interval (sc_chart_series_get_point (series, i));

      if (ok && !in_run)
        run_start = i, in_run = TRUE;
      if (ok || !in_run)
        continue;

      in_run = FALSE;
      if (i - 1 == run_start)
        draw_single_interval (layout, sc_chart_series_get_point (series, run_start));
      else if (layout->dense && spacing * layout->canvas.scale < 3)
        fill_interval_envelope (layout, series, run_start, i - 1);
      else
        fill_interval_run (layout, series, run_start, i - 1);
    }

  /* A dense band is a zigzag of hundreds of edges; full antialiasing of
   * them costs more than the rest of the chart, and on a translucent fill
   * its absence does not show. */
  if (layout->dense)
    cairo_set_antialias (layout->canvas.cr, CAIRO_ANTIALIAS_NONE);
  _sc_chart_canvas_set_color (&layout->canvas, color, 0.18);
  cairo_fill (layout->canvas.cr);
  cairo_set_antialias (layout->canvas.cr, CAIRO_ANTIALIAS_DEFAULT);
}

void
_sc_trend_draw_bands (ScTrendPainter *self,
                      ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;

  if (isfinite (self->band_low))
    {
      double top = _sc_trend_y_of (layout, self->band_high);

      _sc_chart_canvas_rect (canvas, layout->plot.x, top, layout->plot.width,
                             _sc_trend_y_of (layout, self->band_low) - top);
      _sc_chart_canvas_set_color (canvas, &canvas->style->dim_fg, 0.15);
      cairo_fill (canvas->cr);
    }

  for (guint s = 0; s < self->series->len; s++)
    draw_intervals (layout, g_ptr_array_index (self->series, s),
                    sc_chart_style_get_series_color (canvas->style, s));
}

/* }}} */

/* Reference lines: baseline and target, as steps when they change {{{ */

static double
reference_value (const ScChartPoint *point,
                 ReferenceKind       kind)
{
  return kind == REFERENCE_TARGET ? point->target : point->baseline;
}

/* Returns the value if every period with a reference shares it, else NAN;
 * *any is set when some period has one. */
static double
constant_reference (ScChartSeries *series,
                    ReferenceKind  kind,
                    gboolean      *any)
{
  double value = NAN;

  *any = FALSE;
  for (guint i = 0; i < sc_chart_series_get_n_points (series); i++)
    {
      double v = reference_value (sc_chart_series_get_point (series, i), kind);

      if (!isfinite (v))
        continue;
      if (*any && v != value)
        return NAN;
      value = v;
      *any = TRUE;
    }

  return value;
}

/* Adds the reference as rules: one per run of periods sharing a value,
 * joined by vertical steps where the value changes between adjacent
 * periods. */
static void
trace_steps (ScTrendLayout *layout,
             ScChartSeries *series,
             ReferenceKind  kind)
{
  ScChartCanvas *canvas = &layout->canvas;
  guint n = sc_chart_series_get_n_points (series);
  double run_value = NAN, run_x0 = 0;
  gint64 run_end = 0;

  for (guint i = 0; i <= n; i++)
    {
      const ScChartPoint *p = i < n ? sc_chart_series_get_point (series, i) : NULL;
      double v = p ? reference_value (p, kind) : NAN;
      gboolean joined = p != NULL && isfinite (run_value) && p->start == run_end;

      if (joined && v == run_value)
        {
          run_end = p->end;
          continue;
        }

      if (isfinite (run_value))
        _sc_chart_canvas_hline (canvas, run_x0, _sc_trend_x_of (layout, run_end),
                                _sc_trend_y_of (layout, run_value));
      if (joined && isfinite (v))
        _sc_chart_canvas_vline (canvas, _sc_trend_x_of (layout, run_end),
                                _sc_trend_y_of (layout, run_value), _sc_trend_y_of (layout, v));

      run_value = v;
      if (p != NULL)
        run_x0 = _sc_trend_x_of (layout, p->start), run_end = p->end;
    }
}

/* The y of the latest period's reference, where its label goes. */
static double
last_reference_y (ScTrendLayout *layout,
                  ScChartSeries *series,
                  ReferenceKind  kind)
{
  for (guint i = sc_chart_series_get_n_points (series); i > 0; i--)
    {
      double v = reference_value (sc_chart_series_get_point (series, i - 1), kind);

      if (isfinite (v))
        return _sc_chart_canvas_snap_edge (&layout->canvas, _sc_trend_y_of (layout, v));
    }

  return NAN;
}

static double
trace_reference (ScTrendLayout *layout,
                 ScChartSeries *series,
                 ReferenceKind  kind)
{
  ScChartCanvas *canvas = &layout->canvas;
  gboolean any;
  double constant = constant_reference (series, kind, &any);
  double y;

  if (!any)
    return NAN;

  if (!isfinite (constant))
    {
      trace_steps (layout, series, kind);
      return last_reference_y (layout, series, kind);
    }

  y = _sc_chart_canvas_snap_edge (canvas, _sc_trend_y_of (layout, constant));
  _sc_chart_canvas_hline (canvas, layout->plot.x, plot_right (layout), y);

  return y;
}

static void
add_target_items (ScTrendLayout *layout,
                  ScChartSeries *series)
{
  for (guint i = 0; i < sc_chart_series_get_n_points (series); i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      ScChartItem *item;
      double x0, x1;

      if (!isfinite (p->target))
        continue;

      x0 = _sc_trend_x_of (layout, p->start);
      x1 = _sc_trend_x_of (layout, p->end);
      item = sc_chart_geometry_add_item (layout->canvas.geometry, SC_CHART_ITEM_TARGET, 0, i);
      item->value = p->target;
      item->x = (x0 + x1) / 2;
      item->y = _sc_chart_canvas_snap_edge (&layout->canvas, _sc_trend_y_of (layout, p->target));
      item->area = (ScChartRect) { x0, item->y - 5, x1 - x0, 10 };
    }
}

static void
label_reference (ScTrendLayout     *layout,
                 const char        *text,
                 double             y,
                 gboolean           at_right,
                 const ScChartRgba *color)
{
  ScChartCanvas *canvas = &layout->canvas;
  double x = at_right ? plot_right (layout) - 4 : layout->plot.x + 4;

  if (!isfinite (y) || layout->compact)
    return;

  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  if (!_sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, x, y - 3, at_right, 1, 0, color, TRUE))
    _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, x, y + 4, at_right, 0, 0, color, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

void
_sc_trend_draw_references (ScTrendPainter *self,
                           ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  const ScChartStyle *style = canvas->style;
  ScChartSeries *series = main_series (self);
  double preview_fade = isfinite (self->target_preview) ? 0.4 : 1;

  _sc_chart_canvas_set_rule (canvas, 1, 4, 3);
  layout->baseline_label_y = trace_reference (layout, series, REFERENCE_BASELINE);
  _sc_chart_canvas_set_color (canvas, &style->dim_fg, 1);
  cairo_fill (canvas->cr);

  _sc_chart_canvas_set_rule (canvas, 2, 6, 4);
  layout->target_label_y = trace_reference (layout, series, REFERENCE_TARGET);
  _sc_chart_canvas_set_color (canvas, &style->fg, preview_fade);
  cairo_fill (canvas->cr);
  add_target_items (layout, series);
}

/* Drawn after the series, so the lines never cross out the words. */
void
_sc_trend_draw_reference_labels (ScTrendPainter *self,
                                 ScTrendLayout  *layout)
{
  const ScChartStyle *style = layout->canvas.style;

  if (!isfinite (self->target_preview))
    label_reference (layout, _("Target"), layout->target_label_y, TRUE, &style->fg);
  label_reference (layout, _("Baseline"), layout->baseline_label_y, FALSE, &style->dim_fg);
}

/* }}} */

/* Series: lines with gaps, markers, hit items {{{ */

/* Strokes the line through the finite values, with gaps at missing ones.
 * Cairo's rasteriser slows down sharply with the number of crossing edges
 * in one path, so long lines are stroked a few segments at a time, each
 * piece overlapping the previous one by a segment; the colour must be
 * opaque for the overlap not to show. Dense lines use the cheaper 4×4
 * antialiasing and bevel joins, indistinguishable on a 2 px line through
 * hundreds of points. */
#define SEGMENTS_PER_STROKE 16

static void
stroke_line (ScTrendLayout     *layout,
             ScChartSeries     *series,
             ScChartSeries     *positions,
             double             width,
             const ScChartRgba *color)
{
  cairo_t *cr = layout->canvas.cr;
  guint n = MIN (sc_chart_series_get_n_points (series), sc_chart_series_get_n_points (positions));
  guint segments = 0;
  gboolean pen_down = FALSE;
  double last_x = 0, last_y = 0;

  if (layout->dense)
    {
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
    }
  cairo_set_line_width (cr, width);
  _sc_chart_canvas_set_color (&layout->canvas, color, 1);
  for (guint i = 0; i < n; i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      double x, y;

      if (!isfinite (p->value))
        {
          pen_down = FALSE;
          continue;
        }

      x = _sc_trend_point_x (layout, sc_chart_series_get_point (positions, i));
      y = _sc_trend_y_of (layout, p->value);
      if (!pen_down)
        {
          cairo_move_to (cr, x, y);
          pen_down = TRUE;
          last_x = x, last_y = y;
          continue;
        }

      cairo_line_to (cr, x, y);
      if (++segments % SEGMENTS_PER_STROKE == 0)
        {
          /* The next piece starts with this segment again, so the join
           * at the seam is drawn whole. */
          cairo_stroke (cr);
          cairo_move_to (cr, last_x, last_y);
          cairo_line_to (cr, x, y);
        }
      last_x = x, last_y = y;
    }

  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

static gboolean
is_isolated (ScChartSeries *series,
             guint          i)
{
  guint n = sc_chart_series_get_n_points (series);

  return (i == 0 || !isfinite (sc_chart_series_get_point (series, i - 1)->value)) &&
         (i + 1 >= n || !isfinite (sc_chart_series_get_point (series, i + 1)->value));
}

static void
draw_marker (ScChartCanvas     *canvas,
             double             x,
             double             y,
             double             r,
             gboolean           hollow,
             const ScChartRgba *color)
{
  cairo_t *cr = canvas->cr;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + 1.5, 0, 2 * G_PI);
  _sc_chart_canvas_set_color (canvas, &canvas->style->bg, 1);
  cairo_fill (cr);

  if (hollow)
    {
      cairo_arc (cr, x, y, r - 0.75, 0, 2 * G_PI);
      cairo_set_line_width (cr, 1.5);
      _sc_chart_canvas_set_color (canvas, color, 1);
      cairo_stroke (cr);
      return;
    }

  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  _sc_chart_canvas_set_color (canvas, color, 1);
  cairo_fill (cr);
}

static void
add_point_item (ScTrendLayout      *layout,
                const ScChartPoint *p,
                int                 series_index,
                guint               i,
                double              x,
                double              y)
{
  ScChartItem *item = sc_chart_geometry_add_item (layout->canvas.geometry, SC_CHART_ITEM_POINT,
                                                  series_index, i);
  double x0 = MAX (_sc_trend_x_of (layout, p->start), layout->plot.x);
  double x1 = MIN (_sc_trend_x_of (layout, p->end), plot_right (layout));

  item->x = x;
  item->y = y;
  item->value = p->value;
  /* The column of the period, a marker's radius taller than the plot so
   * points on its edges are inside. */
  item->area = (ScChartRect) { x0, layout->plot.y - MARKER_R, MAX (x1 - x0, 1),
                               layout->plot.height + 2 * MARKER_R };
}

static void
draw_points (ScTrendLayout     *layout,
             ScChartSeries     *series,
             ScChartSeries     *positions,
             int                series_index,
             const ScChartRgba *color)
{
  guint n = MIN (sc_chart_series_get_n_points (series), sc_chart_series_get_n_points (positions));
  int last = sc_chart_series_get_last_valid (series);

  for (guint i = 0; i < n; i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      const ScChartPoint *at = sc_chart_series_get_point (positions, i);
      double x, y;
      gboolean marker;

      if (!isfinite (p->value))
        continue;

      x = _sc_trend_point_x (layout, at);
      y = _sc_trend_y_of (layout, p->value);
      add_point_item (layout, at, series_index, i, x, y);

      marker = !layout->dense || p->insufficient || is_isolated (series, i) || (int) i == last;
      if (marker && series_index >= 0)
        draw_marker (&layout->canvas, x, y, layout->dense ? 2.5 : MARKER_R, p->insufficient, color);
    }
}

static void
draw_latest_value (ScTrendLayout *layout,
                   ScChartSeries *series)
{
  ScChartCanvas *canvas = &layout->canvas;
  int last = sc_chart_series_get_last_valid (series);
  const ScChartPoint *p = sc_chart_series_get_point (series, last);
  g_autofree char *text = sc_chart_format_value (sc_chart_series_get_unit (series), p->value,
                                                 sc_chart_series_get_currency (series));
  double x = _sc_trend_point_x (layout, p);
  double y = _sc_trend_y_of (layout, p->value);

  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_BOLD);
  if (!_sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, x, y - 8, 0.5, 1, 0,
                              &canvas->style->fg, TRUE))
    _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, x, y + 8, 0.5, 0, 0,
                           &canvas->style->fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

/* @color at @alpha over the background, as an opaque colour. */
static ScChartRgba
mix_with_background (const ScChartStyle *style,
                     const ScChartRgba  *color,
                     double              alpha)
{
  double a = color->alpha * alpha;

  return (ScChartRgba) {
    color->red * a + style->bg.red * (1 - a),
    color->green * a + style->bg.green * (1 - a),
    color->blue * a + style->bg.blue * (1 - a),
    1,
  };
}

void
_sc_trend_draw_series (ScTrendPainter *self,
                       ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  ScChartSeries *first = main_series (self);

  if (self->comparison != NULL)
    {
      ScChartRgba light = mix_with_background (canvas->style, &canvas->style->accent, 0.45);

      stroke_line (layout, self->comparison, first, 1.5, &light);
      draw_points (layout, self->comparison, first, -1, &canvas->style->accent);
    }

  for (guint s = self->series->len; s > 0; s--)
    {
      ScChartSeries *series = g_ptr_array_index (self->series, s - 1);
      const ScChartRgba *color = sc_chart_style_get_series_color (canvas->style, s - 1);

      stroke_line (layout, series, series, 2, color);
      draw_points (layout, series, series, s - 1, color);
    }

  if (self->series->len == 1 && !layout->compact)
    draw_latest_value (layout, first);
}

/* }}} */

/* Annotations, hover crosshair, target drag preview, legend {{{ */

static void
draw_annotation (ScTrendLayout           *layout,
                 const ScTrendAnnotation *annotation,
                 guint                    index)
{
  ScChartCanvas *canvas = &layout->canvas;
  double x = _sc_trend_x_of (layout, annotation->time);
  double room = plot_right (layout) - x - 8;
  ScChartItem *item;

  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 2, 2);
  _sc_chart_canvas_vline (canvas, x, layout->plot.y, plot_bottom (layout));
  _sc_chart_canvas_set_color (canvas, &canvas->style->fg, 0.6);
  cairo_fill (canvas->cr);

  cairo_move_to (canvas->cr, x, layout->plot.y);
  cairo_rel_line_to (canvas->cr, -4, -4);
  cairo_rel_line_to (canvas->cr, 8, 0);
  cairo_close_path (canvas->cr);
  cairo_fill (canvas->cr);

  item = sc_chart_geometry_add_item (canvas->geometry, SC_CHART_ITEM_ANNOTATION, 0, index);
  item->x = x;
  item->y = layout->plot.y;
  item->area = (ScChartRect) { x - 5, layout->plot.y - 5, 10, layout->plot.height + 5 };

  if (layout->compact)
    return;

  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
  if (room < 40 || !_sc_chart_canvas_text (canvas, SC_CHART_LABEL_ANNOTATION, annotation->text,
                                           x + 4, layout->plot.y + 2, 0, 0, room,
                                           &canvas->style->fg, TRUE))
    _sc_chart_canvas_text (canvas, SC_CHART_LABEL_ANNOTATION, annotation->text, x - 4,
                           layout->plot.y + 2, 1, 0, MIN (x - layout->plot.x - 8, 200),
                           &canvas->style->fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

void
_sc_trend_draw_annotations (ScTrendPainter *self,
                            ScTrendLayout  *layout)
{
  for (guint i = 0; i < self->annotations->len; i++)
    {
      const ScTrendAnnotation *annotation = &g_array_index (self->annotations, ScTrendAnnotation, i);

      if (annotation->time < layout->time_axis.start || annotation->time > layout->time_axis.end)
        continue;

      draw_annotation (layout, annotation, i);
    }
}

void
_sc_trend_draw_highlight (ScTrendPainter *self,
                          ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  ScChartSeries *first = main_series (self);
  const ScChartPoint *at;
  double x;

  if (self->highlight < 0 || (guint) self->highlight >= sc_chart_series_get_n_points (first))
    return;

  at = sc_chart_series_get_point (first, self->highlight);
  x = _sc_trend_point_x (layout, at);
  _sc_chart_canvas_set_rule (canvas, _sc_chart_canvas_hairline (canvas), 0, 0);
  _sc_chart_canvas_set_color (canvas, &canvas->style->fg, 0.5);
  _sc_chart_canvas_vline (canvas, x, layout->plot.y, plot_bottom (layout));
  if (isfinite (at->value))
    _sc_chart_canvas_hline (canvas, layout->plot.x, plot_right (layout), _sc_trend_y_of (layout, at->value));
  cairo_fill (canvas->cr);

  for (guint s = 0; s < self->series->len; s++)
    {
      ScChartSeries *series = g_ptr_array_index (self->series, s);
      const ScChartPoint *p;

      if ((guint) self->highlight >= sc_chart_series_get_n_points (series))
        continue;
      p = sc_chart_series_get_point (series, self->highlight);
      if (isfinite (p->value))
        draw_marker (canvas, x, _sc_trend_y_of (layout, p->value), 5, p->insufficient,
                     sc_chart_style_get_series_color (canvas->style, s));
    }
}

static gboolean
place_chip (ScChartCanvas *canvas,
            const char    *text,
            double         x,
            double         y,
            double         xalign,
            double         yalign)
{
  const ScChartStyle *style = canvas->style;
  ScChartRect box;

  _sc_chart_canvas_measure (canvas, text, &box.width, &box.height);
  box.x = round (x - xalign * box.width);
  box.y = round (y - yalign * box.height);
  if (!sc_chart_geometry_box_is_free (canvas->geometry, &box))
    return FALSE;

  _sc_chart_canvas_rect (canvas, box.x - 4, box.y - 1, box.width + 8, box.height + 2);
  _sc_chart_canvas_set_color (canvas, &style->accent, 1);
  cairo_fill (canvas->cr);

  return _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, box.x, box.y, 0, 0, 0,
                                style->dark ? &style->bg : &(ScChartRgba) { 1, 1, 1, 1 }, TRUE);
}

void
_sc_trend_draw_preview (ScTrendPainter *self,
                        ScTrendLayout  *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  ScChartSeries *first = main_series (self);
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  double y, right = plot_right (layout) - 6, left = layout->plot.x + 6;

  if (!isfinite (self->target_preview))
    return;

  y = _sc_chart_canvas_snap_edge (canvas, _sc_trend_y_of (layout, self->target_preview));
  _sc_chart_canvas_set_rule (canvas, 2, 0, 0);
  _sc_chart_canvas_hline (canvas, layout->plot.x, plot_right (layout), y);
  _sc_chart_canvas_set_color (canvas, &canvas->style->accent, 1);
  cairo_fill (canvas->cr);

  value = sc_chart_format_value (sc_chart_series_get_unit (first), self->target_preview,
                                 sc_chart_series_get_currency (first));
  /* Translators: shown beside the target line while it is dragged */
  text = g_strdup_printf (_("Target %s"), value);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_BOLD);
  if (!place_chip (canvas, text, right, y - 4, 1, 1) &&
      !place_chip (canvas, text, right, y + 4, 1, 0) &&
      !place_chip (canvas, text, left, y - 4, 0, 1))
    place_chip (canvas, text, left, y + 4, 0, 0);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

static double
draw_legend_entry (ScTrendLayout     *layout,
                   double             x,
                   double             y,
                   const char        *name,
                   const ScChartRgba *color,
                   double             alpha)
{
  ScChartCanvas *canvas = &layout->canvas;
  double w, h;

  _sc_chart_canvas_measure (canvas, name, &w, &h);
  if (x + 16 + w > canvas->width - 4)
    return -1;

  _sc_chart_canvas_rect (canvas, x, y + h / 2 - 1.5, 12, 3);
  _sc_chart_canvas_set_color (canvas, color, alpha);
  cairo_fill (canvas->cr);
  if (!_sc_chart_canvas_text (canvas, SC_CHART_LABEL_LEGEND, name, x + 16, y, 0, 0, 0,
                              &canvas->style->fg, TRUE))
    return -1;

  return x + 16 + w + 16;
}

void
_sc_trend_draw_legend (ScTrendPainter *self,
                       ScTrendLayout  *layout,
                       double          y)
{
  ScChartCanvas *canvas = &layout->canvas;
  double x = layout->plot.x;

  for (guint s = 0; s < self->series->len && x >= 0; s++)
    x = draw_legend_entry (layout, x, y,
                           sc_chart_series_get_name (g_ptr_array_index (self->series, s)),
                           sc_chart_style_get_series_color (canvas->style, s), 1);

  if (self->comparison != NULL && x >= 0)
    draw_legend_entry (layout, x, y, sc_chart_series_get_name (self->comparison),
                       &canvas->style->accent, 0.45);
}

/* }}} */
