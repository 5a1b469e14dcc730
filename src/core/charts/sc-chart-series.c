/* sc-chart-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-chart-series.h"

#include <math.h>
#include <string.h>

struct _ScChartSeries
{
  gatomicrefcount   ref_count;
  char             *name;
  char             *currency;
  ScChartUnit       unit;
  ScChartDirection  direction;
  GArray           *points;
};

G_DEFINE_BOXED_TYPE (ScChartSeries, sc_chart_series, sc_chart_series_ref, sc_chart_series_unref)

static void
clear_point (gpointer data)
{
  ScChartPoint *point = data;

  g_clear_pointer (&point->label, g_free);
}

/**
 * sc_chart_point_init:
 * @point: (out caller-allocates): the point to reset
 *
 * Resets @point to an empty period: every number NAN, n 0, no label.
 */
void
sc_chart_point_init (ScChartPoint *point)
{
  g_return_if_fail (point != NULL);

  memset (point, 0, sizeof *point);
  point->value = NAN;
  point->ci_low = NAN;
  point->ci_high = NAN;
  point->target = NAN;
  point->baseline = NAN;
}

/**
 * sc_chart_series_new:
 * @name: the name shown in legends and summaries, e.g. "CSAT"
 * @unit: how values are written
 *
 * Returns: (transfer full): a new, empty series
 */
ScChartSeries *
sc_chart_series_new (const char  *name,
                     ScChartUnit  unit)
{
  ScChartSeries *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_new0 (ScChartSeries, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->unit = unit;
  self->direction = SC_CHART_DIRECTION_HIGHER_IS_BETTER;
  self->points = g_array_new (FALSE, FALSE, sizeof (ScChartPoint));
  g_array_set_clear_func (self->points, clear_point);

  return self;
}

/**
 * sc_chart_series_ref:
 * @self: a #ScChartSeries
 *
 * Returns: (transfer full): @self
 */
ScChartSeries *
sc_chart_series_ref (ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * sc_chart_series_unref:
 * @self: (transfer full): a #ScChartSeries
 *
 * Drops a reference; the last one frees the series.
 */
void
sc_chart_series_unref (ScChartSeries *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->points);
  g_free (self->name);
  g_free (self->currency);
  g_free (self);
}

/**
 * sc_chart_series_get_name:
 * @self: a #ScChartSeries
 *
 * Returns: the name of the series
 */
const char *
sc_chart_series_get_name (const ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * sc_chart_series_get_unit:
 * @self: a #ScChartSeries
 *
 * Returns: the unit of the values
 */
ScChartUnit
sc_chart_series_get_unit (const ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, SC_CHART_UNIT_NUMBER);

  return self->unit;
}

/**
 * sc_chart_series_get_direction:
 * @self: a #ScChartSeries
 *
 * Returns: which way the metric improves (higher is better by default)
 */
ScChartDirection
sc_chart_series_get_direction (const ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, SC_CHART_DIRECTION_NEUTRAL);

  return self->direction;
}

/**
 * sc_chart_series_get_currency:
 * @self: a #ScChartSeries
 *
 * Returns: (nullable): the currency symbol of a money series, or %NULL for
 *   the locale's
 */
const char *
sc_chart_series_get_currency (const ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

/**
 * sc_chart_series_get_n_points:
 * @self: a #ScChartSeries
 *
 * Returns: the number of points
 */
guint
sc_chart_series_get_n_points (const ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

/**
 * sc_chart_series_get_point:
 * @self: a #ScChartSeries
 * @index: a point index, below sc_chart_series_get_n_points()
 *
 * Returns: (transfer none): the point at @index
 */
const ScChartPoint *
sc_chart_series_get_point (const ScChartSeries *self,
                           guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  return &g_array_index (self->points, ScChartPoint, index);
}

/**
 * sc_chart_series_get_last_valid:
 * @self: a #ScChartSeries
 *
 * Returns: the index of the last point with a finite value, or -1
 */
int
sc_chart_series_get_last_valid (const ScChartSeries *self)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = self->points->len; i > 0; i--)
    if (isfinite (g_array_index (self->points, ScChartPoint, i - 1).value))
      return (int) i - 1;

  return -1;
}

/**
 * sc_chart_series_set_direction:
 * @self: a #ScChartSeries
 * @direction: which way the metric improves
 *
 * Sets the direction of the metric.
 */
void
sc_chart_series_set_direction (ScChartSeries    *self,
                               ScChartDirection  direction)
{
  g_return_if_fail (self != NULL);

  self->direction = direction;
}

/**
 * sc_chart_series_set_currency:
 * @self: a #ScChartSeries
 * @currency: (nullable): a currency symbol such as "€", or %NULL
 *
 * Sets the symbol written before money values.
 */
void
sc_chart_series_set_currency (ScChartSeries *self,
                              const char    *currency)
{
  g_return_if_fail (self != NULL);

  g_free (self->currency);
  self->currency = g_strdup (currency);
}

/**
 * sc_chart_series_append:
 * @self: a #ScChartSeries
 * @point: the point to copy in (its label is duplicated)
 *
 * Appends a copy of @point.
 */
void
sc_chart_series_append (ScChartSeries      *self,
                        const ScChartPoint *point)
{
  ScChartPoint copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (point != NULL);

  copy = *point;
  copy.label = g_strdup (point->label);
  g_array_append_val (self->points, copy);
}

/**
 * sc_chart_series_add:
 * @self: a #ScChartSeries
 * @start: bucket start, Unix seconds
 * @end: bucket end (exclusive), Unix seconds
 * @value: the value, or NAN for a missing period
 * @n: the sample size
 *
 * Appends a period. The returned point may be changed (interval, target,
 * baseline, insufficient flag) until the next point is added.
 *
 * Returns: (transfer none): the new point
 */
ScChartPoint *
sc_chart_series_add (ScChartSeries *self,
                     gint64         start,
                     gint64         end,
                     double         value,
                     guint64        n)
{
  ScChartPoint point;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (end >= start, NULL);

  sc_chart_point_init (&point);
  point.start = start;
  point.end = end;
  point.value = value;
  point.n = n;
  g_array_append_val (self->points, point);

  return &g_array_index (self->points, ScChartPoint, self->points->len - 1);
}

/**
 * sc_chart_series_add_category:
 * @self: a #ScChartSeries
 * @label: the category name
 * @value: the value, or NAN
 * @n: the sample size
 *
 * Appends a named category (a segment or a histogram bin). The returned
 * point may be changed until the next point is added.
 *
 * Returns: (transfer none): the new point
 */
ScChartPoint *
sc_chart_series_add_category (ScChartSeries *self,
                              const char    *label,
                              double         value,
                              guint64        n)
{
  ScChartPoint *point;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  point = sc_chart_series_add (self, 0, 0, value, n);
  point->label = g_strdup (label);

  return point;
}
