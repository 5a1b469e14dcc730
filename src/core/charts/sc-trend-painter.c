/* sc-trend-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-trend-painter-private.h"

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScTrendPainter, sc_trend_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

#define PAD 4.0

static void
clear_annotation (gpointer data)
{
  ScTrendAnnotation *annotation = data;

  g_clear_pointer (&annotation->text, g_free);
}

static void
widen (double *lo,
       double *hi,
       double  v)
{
  if (!isfinite (v))
    return;

  *lo = MIN (*lo, v);
  *hi = MAX (*hi, v);
}

static void
widen_by_point (const ScChartPoint *point,
                double             *lo,
                double             *hi)
{
  widen (lo, hi, point->value);
  widen (lo, hi, point->target);
  widen (lo, hi, point->baseline);
  if (isfinite (point->value))
    {
      widen (lo, hi, point->ci_low);
      widen (lo, hi, point->ci_high);
    }
}

/* The value range of everything drawn and the time range of the periods.
 * Returns FALSE when no series has a single finite value. */
static gboolean
collect_ranges (ScTrendPainter *self,
                double         *lo,
                double         *hi,
                gint64         *t0,
                gint64         *t1)
{
  gboolean any_value = FALSE;

  *lo = INFINITY, *hi = -INFINITY;
  *t0 = G_MAXINT64, *t1 = G_MININT64;

  for (guint s = 0; s < self->series->len; s++)
    {
      ScChartSeries *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < sc_chart_series_get_n_points (series); i++)
        {
          const ScChartPoint *point = sc_chart_series_get_point (series, i);

          any_value |= isfinite (point->value);
          widen_by_point (point, lo, hi);
          *t0 = MIN (*t0, point->start);
          *t1 = MAX (*t1, point->end);
        }
    }

  if (self->comparison != NULL)
    for (guint i = 0; i < sc_chart_series_get_n_points (self->comparison); i++)
      widen (lo, hi, sc_chart_series_get_point (self->comparison, i)->value);

  widen (lo, hi, self->band_low);
  widen (lo, hi, self->band_high);
  widen (lo, hi, self->target_preview);

  return any_value;
}

static gboolean
has_legend (ScTrendPainter *self)
{
  return self->series->len > 1 || self->comparison != NULL;
}

static double
widest_value_label (ScTrendLayout *layout)
{
  double widest = 0;

  for (guint i = 0; i < layout->value_axis.n_ticks; i++)
    {
      g_autofree char *label = sc_value_axis_format_tick (&layout->value_axis,
                                                          layout->value_axis.ticks[i]);
      widest = MAX (widest, _sc_chart_canvas_measure_cb (label, &layout->canvas));
    }

  return widest;
}

static void
layout_compact (ScTrendLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;

  layout->compact = TRUE;
  layout->plot = (ScChartRect) { PAD, PAD, canvas->width - 2 * PAD, canvas->height - 2 * PAD };
  layout->plot.width = MAX (layout->plot.width, 1);
  layout->plot.height = MAX (layout->plot.height, 1);
}

static void
layout_chart (ScTrendPainter *self,
              ScTrendLayout  *layout,
              double          lo,
              double          hi,
              gint64          t0,
              gint64          t1)
{
  ScChartCanvas *canvas = &layout->canvas;
  ScChartSeries *first = g_ptr_array_index (self->series, 0);
  guint n_points = sc_chart_series_get_n_points (first);
  double fh = canvas->line_height;
  double top = PAD + (has_legend (self) ? fh + 10 : fh / 2);
  double bottom = PAD + fh + 6;
  double right = PAD + fh;
  double plot_h = canvas->height - top - bottom;
  double left;
  guint max_ticks = plot_h > 0 ? (guint) (plot_h / (fh * 2.2)) + 1 : 2;

  sc_value_axis_init (&layout->value_axis, sc_chart_series_get_unit (first),
                      sc_chart_series_get_currency (first), lo, hi, MAX (max_ticks, 2));
  left = PAD + widest_value_label (layout) + 8;
  layout->plot = (ScChartRect) { left, top, canvas->width - left - right, plot_h };

  /* Denser than one period per 10 px: markers only where they tell
   * something, and intervals filled column by column. */
  layout->dense = n_points > 0 && layout->plot.width / n_points < 10;

  if (layout->plot.width < 60 || layout->plot.height < 40)
    {
      layout_compact (layout);
      layout->dense = n_points > 0 && layout->plot.width / n_points < 10;
      sc_value_axis_init (&layout->value_axis, sc_chart_series_get_unit (first),
                          sc_chart_series_get_currency (first), lo, hi, 3);
      sc_time_axis_init (&layout->time_axis, self->tz, t0, t1, SC_TIME_STEP_YEAR, 100);
      return;
    }

  if (!sc_time_axis_layout (&layout->time_axis, self->tz, t0, t1, layout->plot.width, 16,
                            _sc_chart_canvas_measure_cb, canvas))
    g_debug ("Time axis labels of %s are too dense; thinning them", sc_chart_series_get_name (first));
}

static ScChartGeometry *
sc_trend_painter_draw_impl (ScChartPainter     *painter,
                            cairo_t            *cr,
                            double              width,
                            double              height,
                            const ScChartStyle *style)
{
  ScTrendPainter *self = SC_TREND_PAINTER (painter);
  ScTrendLayout layout = { 0 };
  double lo, hi;
  gint64 t0, t1;

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);

  if (self->series->len == 0 || !collect_ranges (self, &lo, &hi, &t0, &t1))
    {
      _sc_chart_canvas_no_data (&layout.canvas, NULL);
      return _sc_chart_canvas_end (&layout.canvas);
    }

  layout_chart (self, &layout, lo, hi, t0, t1);
  sc_chart_geometry_set_plot (layout.canvas.geometry, &layout.plot, TRUE);
  sc_chart_geometry_set_value_axis (layout.canvas.geometry, &layout.value_axis);
  sc_chart_geometry_set_time_axis (layout.canvas.geometry, &layout.time_axis);

  _sc_trend_draw_grid (self, &layout);
  _sc_trend_draw_time_labels (self, &layout);
  if (has_legend (self) && !layout.compact)
    _sc_trend_draw_legend (self, &layout, PAD);
  _sc_trend_draw_bands (self, &layout);
  _sc_trend_draw_references (self, &layout);
  _sc_trend_draw_series (self, &layout);
  _sc_trend_draw_reference_labels (self, &layout);
  _sc_trend_draw_annotations (self, &layout);
  _sc_trend_draw_highlight (self, &layout);
  _sc_trend_draw_preview (self, &layout);

  return _sc_chart_canvas_end (&layout.canvas);
}

static const char *
describe_move (ScChartDirection direction,
               double           latest,
               double           previous)
{
  gboolean up = latest > previous;

  if (latest == previous)
    return _("unchanged");
  if (direction == SC_CHART_DIRECTION_NEUTRAL)
    return up ? _("up") : _("down");
  if (up == (direction == SC_CHART_DIRECTION_HIGHER_IS_BETTER))
    return up ? _("up, better") : _("down, better");

  return up ? _("up, worse") : _("down, worse");
}

static int
previous_valid (ScChartSeries *series,
                int            before)
{
  for (int i = before - 1; i >= 0; i--)
    if (isfinite (sc_chart_series_get_point (series, i)->value))
      return i;

  return -1;
}

static void
append_target_status (GString            *out,
                      ScChartSeries      *series,
                      const ScChartPoint *point)
{
  g_autofree char *target = NULL;
  ScChartDirection direction = sc_chart_series_get_direction (series);
  gboolean met;

  if (!isfinite (point->target) || direction == SC_CHART_DIRECTION_NEUTRAL)
    return;

  target = sc_chart_format_value (sc_chart_series_get_unit (series), point->target,
                                  sc_chart_series_get_currency (series));
  met = direction == SC_CHART_DIRECTION_HIGHER_IS_BETTER ? point->value >= point->target
                                                         : point->value <= point->target;
  g_string_append_printf (out, " %s", met ? _("Target met:") : _("Target missed:"));
  g_string_append_printf (out, " %s.", target);
}

static void
summarize_series (ScTrendPainter *self,
                  ScChartSeries  *series,
                  GString        *out)
{
  ScChartUnit unit = sc_chart_series_get_unit (series);
  const char *currency = sc_chart_series_get_currency (series);
  int last = sc_chart_series_get_last_valid (series);
  int prev = previous_valid (series, last);
  const ScChartPoint *first_point, *point;
  g_autofree char *from = NULL, *to = NULL, *value = NULL, *n = NULL;

  if (last < 0)
    {
      g_string_append_printf (out, _("%s: no data."), sc_chart_series_get_name (series));
      return;
    }

  first_point = sc_chart_series_get_point (series, 0);
  point = sc_chart_series_get_point (series, last);
  from = sc_chart_format_period (first_point->start, first_point->end, self->tz);
  to = sc_chart_format_period (point->start, point->end, self->tz);
  value = sc_chart_format_value (unit, point->value, currency);
  n = sc_chart_format_number (point->n, 0);

  /* Translators: metric, first period, last period, value, sample size */
  g_string_append_printf (out, _("%s from %s to %s: latest %s in %s (n = %s)"),
                          sc_chart_series_get_name (series), from, to, value, to, n);
  if (prev >= 0)
    {
      const ScChartPoint *before = sc_chart_series_get_point (series, prev);
      g_autofree char *old = sc_chart_format_value (unit, before->value, currency);

      g_string_append_printf (out, _(", %s from %s"),
                              describe_move (sc_chart_series_get_direction (series),
                                             point->value, before->value), old);
    }
  g_string_append (out, ".");
  if (point->insufficient)
    g_string_append_printf (out, " %s", _("Too few responses to be reliable."));
  append_target_status (out, series, point);
}

static char *
sc_trend_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScTrendPainter *self = SC_TREND_PAINTER (painter);
  GString *out = g_string_new (NULL);

  if (self->series->len == 0)
    g_string_append (out, _("No data."));

  for (guint i = 0; i < self->series->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      summarize_series (self, g_ptr_array_index (self->series, i), out);
    }

  return g_string_free (out, FALSE);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_trend_painter_draw_impl;
  iface->dup_summary = sc_trend_painter_dup_summary_impl;
}

static void
sc_trend_painter_finalize (GObject *object)
{
  ScTrendPainter *self = (ScTrendPainter *) object;

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, sc_chart_series_unref);
  g_clear_pointer (&self->annotations, g_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (sc_trend_painter_parent_class)->finalize (object);
}

static void
sc_trend_painter_class_init (ScTrendPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_trend_painter_finalize;
}

static void
sc_trend_painter_init (ScTrendPainter *self)
{
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_series_unref);
  self->annotations = g_array_new (FALSE, FALSE, sizeof (ScTrendAnnotation));
  g_array_set_clear_func (self->annotations, clear_annotation);
  self->tz = g_time_zone_new_local ();
  self->band_low = NAN;
  self->band_high = NAN;
  self->target_preview = NAN;
  self->highlight = -1;
}

/**
 * sc_trend_painter_new:
 *
 * Creates a painter for values over time: one or more series with their
 * targets, baselines and 95% intervals, an optional comparison series and
 * annotations.
 *
 * Returns: (transfer full): a new #ScTrendPainter
 */
ScTrendPainter *
sc_trend_painter_new (void)
{
  return g_object_new (SC_TYPE_TREND_PAINTER, NULL);
}

/**
 * sc_trend_painter_get_n_series:
 * @self: a #ScTrendPainter
 *
 * Returns: the number of series
 */
guint
sc_trend_painter_get_n_series (ScTrendPainter *self)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), 0);

  return self->series->len;
}

/**
 * sc_trend_painter_get_series:
 * @self: a #ScTrendPainter
 * @index: a series index
 *
 * Returns: (transfer none): the series at @index
 */
ScChartSeries *
sc_trend_painter_get_series (ScTrendPainter *self,
                             guint           index)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

/**
 * sc_trend_painter_get_comparison:
 * @self: a #ScTrendPainter
 *
 * Returns: (transfer none) (nullable): the comparison series
 */
ScChartSeries *
sc_trend_painter_get_comparison (ScTrendPainter *self)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), NULL);

  return self->comparison;
}

/**
 * sc_trend_painter_get_highlight:
 * @self: a #ScTrendPainter
 *
 * Returns: the highlighted point index, or -1
 */
int
sc_trend_painter_get_highlight (ScTrendPainter *self)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), -1);

  return self->highlight;
}

/**
 * sc_trend_painter_get_target_preview:
 * @self: a #ScTrendPainter
 *
 * Returns: the target value being dragged, or NAN
 */
double
sc_trend_painter_get_target_preview (ScTrendPainter *self)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), NAN);

  return self->target_preview;
}

/**
 * sc_trend_painter_get_time_zone:
 * @self: a #ScTrendPainter
 *
 * Returns: (transfer none): the time zone of the calendar (local by default)
 */
GTimeZone *
sc_trend_painter_get_time_zone (ScTrendPainter *self)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), NULL);

  return self->tz;
}

/**
 * sc_trend_painter_add_series:
 * @self: a #ScTrendPainter
 * @series: a series of periods
 *
 * Adds a series. The first series sets the unit of the value axis and is
 * drawn in the accent colour with its target, baseline and interval; the
 * others take palette colours and a legend entry. Series share the time
 * axis by their periods' dates.
 */
void
sc_trend_painter_add_series (ScTrendPainter *self,
                             ScChartSeries  *series)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));
  g_return_if_fail (series != NULL);

  g_ptr_array_add (self->series, sc_chart_series_ref (series));
}

/**
 * sc_trend_painter_clear_series:
 * @self: a #ScTrendPainter
 *
 * Removes every series.
 */
void
sc_trend_painter_clear_series (ScTrendPainter *self)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));

  g_ptr_array_set_size (self->series, 0);
}

/**
 * sc_trend_painter_set_comparison:
 * @self: a #ScTrendPainter
 * @comparison: (nullable): e.g. the same metric a year earlier
 *
 * Sets a series drawn lighter behind the first one. Its points are matched
 * to the first series by index (point i is drawn at the position of the
 * first series' point i), so "same month last year" lines up whatever the
 * calendar did in between.
 */
void
sc_trend_painter_set_comparison (ScTrendPainter *self,
                                 ScChartSeries  *comparison)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));

  if (comparison != NULL)
    sc_chart_series_ref (comparison);
  g_clear_pointer (&self->comparison, sc_chart_series_unref);
  self->comparison = comparison;
}

/**
 * sc_trend_painter_set_baseline_band:
 * @self: a #ScTrendPainter
 * @low: lower edge, or NAN for no band
 * @high: upper edge, or NAN for no band
 *
 * Shades the normal range around the baseline (e.g. baseline ± its usual
 * variation). The per-period baselines of the first series are drawn as a
 * line in any case.
 */
void
sc_trend_painter_set_baseline_band (ScTrendPainter *self,
                                    double          low,
                                    double          high)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));

  self->band_low = MIN (low, high);
  self->band_high = MAX (low, high);
  if (!isfinite (low) || !isfinite (high))
    self->band_low = self->band_high = NAN;
}

/**
 * sc_trend_painter_add_annotation:
 * @self: a #ScTrendPainter
 * @time: the instant it is pinned to, Unix seconds
 * @text: a short note, e.g. "New IVR menu"
 *
 * Pins a note to a date; it is drawn as a marker line with its text when
 * there is room for the text.
 */
void
sc_trend_painter_add_annotation (ScTrendPainter *self,
                                 gint64          time,
                                 const char     *text)
{
  ScTrendAnnotation annotation;

  g_return_if_fail (SC_IS_TREND_PAINTER (self));
  g_return_if_fail (text != NULL);

  annotation.time = time;
  annotation.text = g_strdup (text);
  g_array_append_val (self->annotations, annotation);
}

/**
 * sc_trend_painter_clear_annotations:
 * @self: a #ScTrendPainter
 *
 * Removes every annotation.
 */
void
sc_trend_painter_clear_annotations (ScTrendPainter *self)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));

  g_array_set_size (self->annotations, 0);
}

/**
 * sc_trend_painter_set_highlight:
 * @self: a #ScTrendPainter
 * @index: a point index of the series, or -1 for none
 *
 * Highlights a period (pointer hover or keyboard focus) with a crosshair
 * and bigger markers.
 */
void
sc_trend_painter_set_highlight (ScTrendPainter *self,
                                int             index)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));

  self->highlight = MAX (index, -1);
}

/**
 * sc_trend_painter_set_target_preview:
 * @self: a #ScTrendPainter
 * @value: the target value under the pointer while dragging, or NAN
 *
 * Draws a target line at @value with its value written beside it, for
 * the live feedback of dragging the target line. The widget snaps the value
 * (see sc_value_axis_snap()) before setting it.
 */
void
sc_trend_painter_set_target_preview (ScTrendPainter *self,
                                     double          value)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));

  self->target_preview = value;
}

/**
 * sc_trend_painter_set_time_zone:
 * @self: a #ScTrendPainter
 * @tz: the organisation's time zone
 *
 * Sets the time zone in which calendar ticks and period names are computed.
 */
void
sc_trend_painter_set_time_zone (ScTrendPainter *self,
                                GTimeZone      *tz)
{
  g_return_if_fail (SC_IS_TREND_PAINTER (self));
  g_return_if_fail (tz != NULL);

  g_time_zone_ref (tz);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz;
}

/**
 * sc_trend_painter_draw:
 * @self: a #ScTrendPainter
 * @cr: the cairo context
 * @width: allocation width, logical pixels
 * @height: allocation height, logical pixels
 * @style: resolved colours and fonts
 *
 * Draws the trend; see sc_chart_painter_draw(). Point items have the
 * series index as @series (-1 for the comparison series) and the period
 * index as @index; their hit areas are the period's column.
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_trend_painter_draw (ScTrendPainter     *self,
                       cairo_t            *cr,
                       double              width,
                       double              height,
                       const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_TREND_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
