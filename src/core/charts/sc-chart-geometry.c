/* sc-chart-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sc-chart-geometry.h"

struct _ScChartGeometry
{
  gatomicrefcount  ref_count;
  double           width;
  double           height;
  ScChartRect      plot;
  ScValueAxis      value_axis;
  ScTimeAxis       time_axis;
  GArray          *items;
  GArray          *labels;
  guint            has_value_axis : 1;
  guint            has_time_axis : 1;
  guint            vertical_values : 1;
  guint            is_empty : 1;
};

G_DEFINE_BOXED_TYPE (ScChartGeometry, sc_chart_geometry, sc_chart_geometry_ref, sc_chart_geometry_unref)

static void
clear_label (gpointer data)
{
  ScChartLabel *label = data;

  g_clear_pointer (&label->text, g_free);
}

/**
 * sc_chart_rect_contains:
 * @rect: a rectangle
 * @x: a position
 * @y: a position
 *
 * Returns: whether (@x, @y) is inside @rect (edges included)
 */
gboolean
sc_chart_rect_contains (const ScChartRect *rect,
                        double             x,
                        double             y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

/**
 * sc_chart_rect_intersects:
 * @a: a rectangle
 * @b: a rectangle
 *
 * Returns: whether @a and @b share some area (touching edges do not count)
 */
gboolean
sc_chart_rect_intersects (const ScChartRect *a,
                          const ScChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/**
 * sc_chart_geometry_new:
 * @width: the width the painter was given
 * @height: the height the painter was given
 *
 * Creates an empty geometry; painters fill it.
 *
 * Returns: (transfer full): a new #ScChartGeometry
 */
ScChartGeometry *
sc_chart_geometry_new (double width,
                       double height)
{
  ScChartGeometry *self = g_new0 (ScChartGeometry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->width = width;
  self->height = height;
  self->plot = (ScChartRect) { 0, 0, width, height };
  self->items = g_array_new (FALSE, FALSE, sizeof (ScChartItem));
  self->labels = g_array_new (FALSE, FALSE, sizeof (ScChartLabel));
  g_array_set_clear_func (self->labels, clear_label);

  return self;
}

/**
 * sc_chart_geometry_ref:
 * @self: a #ScChartGeometry
 *
 * Returns: (transfer full): @self
 */
ScChartGeometry *
sc_chart_geometry_ref (ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * sc_chart_geometry_unref:
 * @self: (transfer full): a #ScChartGeometry
 *
 * Drops a reference.
 */
void
sc_chart_geometry_unref (ScChartGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->items);
  g_array_unref (self->labels);
  g_free (self);
}

/**
 * sc_chart_geometry_get_width:
 * @self: a #ScChartGeometry
 *
 * Returns: the width the painter was given
 */
double
sc_chart_geometry_get_width (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

/**
 * sc_chart_geometry_get_height:
 * @self: a #ScChartGeometry
 *
 * Returns: the height the painter was given
 */
double
sc_chart_geometry_get_height (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

/**
 * sc_chart_geometry_get_plot:
 * @self: a #ScChartGeometry
 *
 * Returns: (transfer none): the area inside the axes
 */
const ScChartRect *
sc_chart_geometry_get_plot (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->plot;
}

/**
 * sc_chart_geometry_get_value_axis:
 * @self: a #ScChartGeometry
 *
 * Returns: (transfer none) (nullable): the value axis, if the chart has one
 */
const ScValueAxis *
sc_chart_geometry_get_value_axis (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->has_value_axis ? &self->value_axis : NULL;
}

/**
 * sc_chart_geometry_get_time_axis:
 * @self: a #ScChartGeometry
 *
 * Returns: (transfer none) (nullable): the time axis, if the chart has one.
 *   Its time zone pointer is only valid while the painter lives.
 */
const ScTimeAxis *
sc_chart_geometry_get_time_axis (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->has_time_axis ? &self->time_axis : NULL;
}

/**
 * sc_chart_geometry_get_is_empty:
 * @self: a #ScChartGeometry
 *
 * Returns: %TRUE if the painter drew its "No data" state
 */
gboolean
sc_chart_geometry_get_is_empty (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->is_empty;
}

/**
 * sc_chart_geometry_get_n_items:
 * @self: a #ScChartGeometry
 *
 * Returns: the number of hit-testable items
 */
guint
sc_chart_geometry_get_n_items (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

/**
 * sc_chart_geometry_get_item:
 * @self: a #ScChartGeometry
 * @index: an item index
 *
 * Returns: (transfer none): the item at @index
 */
const ScChartItem *
sc_chart_geometry_get_item (const ScChartGeometry *self,
                            guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, ScChartItem, index);
}

/**
 * sc_chart_geometry_get_n_labels:
 * @self: a #ScChartGeometry
 *
 * Returns: the number of texts drawn
 */
guint
sc_chart_geometry_get_n_labels (const ScChartGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

/**
 * sc_chart_geometry_get_label:
 * @self: a #ScChartGeometry
 * @index: a label index
 *
 * Returns: (transfer none): the label at @index
 */
const ScChartLabel *
sc_chart_geometry_get_label (const ScChartGeometry *self,
                             guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return &g_array_index (self->labels, ScChartLabel, index);
}

static double
distance_to (const ScChartItem *item,
             double             x,
             double             y)
{
  switch (item->kind)
    {
    case SC_CHART_ITEM_TARGET:
      return fabs (y - item->y);

    case SC_CHART_ITEM_POINT:
    case SC_CHART_ITEM_ANNOTATION:
      return hypot (x - item->x, y - item->y);

    case SC_CHART_ITEM_BAR:
    case SC_CHART_ITEM_CELL:
    default:
      return 0;
    }
}

/**
 * sc_chart_geometry_hit_test:
 * @self: a #ScChartGeometry
 * @x: pointer position
 * @y: pointer position
 *
 * Finds what is under the pointer. Every item has an area (a bar's row, a
 * trend point's column, a band around the target line); among the items
 * whose area holds the position, the one whose anchor is nearest wins.
 *
 * Returns: (transfer none) (nullable): the item, or %NULL
 */
const ScChartItem *
sc_chart_geometry_hit_test (const ScChartGeometry *self,
                            double                 x,
                            double                 y)
{
  const ScChartItem *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const ScChartItem *item = &g_array_index (self->items, ScChartItem, i);
      double d;

      if (!sc_chart_rect_contains (&item->area, x, y))
        continue;

      d = distance_to (item, x, y);
      if (d < best_distance)
        {
          best = item;
          best_distance = d;
        }
    }

  return best;
}

/**
 * sc_chart_geometry_find_item:
 * @self: a #ScChartGeometry
 * @kind: the kind of item
 * @series: the series (or heatmap row)
 * @index: the index in the painter's input
 *
 * Returns: (transfer none) (nullable): the item drawn for that datum, or
 *   %NULL if it was not drawn (missing value, folded, off the chart)
 */
const ScChartItem *
sc_chart_geometry_find_item (const ScChartGeometry *self,
                             ScChartItemKind        kind,
                             int                    series,
                             int                    index)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const ScChartItem *item = &g_array_index (self->items, ScChartItem, i);

      if (item->kind == kind && item->series == series && item->index == index)
        return item;
    }

  return NULL;
}

/**
 * sc_chart_geometry_step_item:
 * @self: a #ScChartGeometry
 * @item: the index of the current item in the geometry, or -1
 * @delta: how many items to move (negative moves back)
 *
 * Moves keyboard focus between items of the same kind and series, in the
 * order they were laid out (left to right, top to bottom). From -1 a
 * positive @delta goes to the first item and a negative one to the last.
 *
 * Returns: the geometry index of the new item (clamped at the ends), or -1
 *   if there are no items
 */
int
sc_chart_geometry_step_item (const ScChartGeometry *self,
                             int                    item,
                             int                    delta)
{
  const ScChartItem *current;
  int step = delta < 0 ? -1 : 1;
  int at;

  g_return_val_if_fail (self != NULL, -1);

  if (self->items->len == 0)
    return -1;
  if (item < 0 || item >= (int) self->items->len)
    return delta < 0 ? (int) self->items->len - 1 : 0;

  current = &g_array_index (self->items, ScChartItem, item);
  at = item;
  for (int i = item + step; i >= 0 && i < (int) self->items->len && delta != 0; i += step)
    {
      const ScChartItem *other = &g_array_index (self->items, ScChartItem, i);

      if (other->kind != current->kind || other->series != current->series)
        continue;

      at = i;
      delta -= step;
    }

  return at;
}

/**
 * sc_chart_geometry_value_at:
 * @self: a #ScChartGeometry
 * @x: a position
 * @y: a position
 *
 * Maps a position back to a value on the value axis (vertical for trends,
 * horizontal for bars), e.g. while the target line is dragged.
 *
 * Returns: the value, or NAN if the chart has no value axis
 */
double
sc_chart_geometry_value_at (const ScChartGeometry *self,
                            double                 x,
                            double                 y)
{
  const ScValueAxis *axis;
  double t;

  g_return_val_if_fail (self != NULL, NAN);

  if (!self->has_value_axis || self->plot.width <= 0 || self->plot.height <= 0)
    return NAN;

  axis = &self->value_axis;
  if (self->vertical_values)
    t = (self->plot.y + self->plot.height - y) / self->plot.height;
  else
    t = (x - self->plot.x) / self->plot.width;

  return axis->min + t * (axis->max - axis->min);
}

/**
 * sc_chart_geometry_position_of:
 * @self: a #ScChartGeometry
 * @value: a value
 *
 * The inverse of sc_chart_geometry_value_at().
 *
 * Returns: the y (trends) or x (bars) of @value, or NAN without a value axis
 */
double
sc_chart_geometry_position_of (const ScChartGeometry *self,
                               double                 value)
{
  double t;

  g_return_val_if_fail (self != NULL, NAN);

  if (!self->has_value_axis)
    return NAN;

  t = sc_value_axis_normalize (&self->value_axis, value);
  if (self->vertical_values)
    return self->plot.y + self->plot.height * (1 - t);

  return self->plot.x + self->plot.width * t;
}

/**
 * sc_chart_geometry_set_plot:
 * @self: a #ScChartGeometry
 * @plot: the area inside the axes
 * @vertical_values: whether the value axis runs bottom to top
 *
 * Records the plot area (painters only).
 */
void
sc_chart_geometry_set_plot (ScChartGeometry   *self,
                            const ScChartRect *plot,
                            gboolean           vertical_values)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (plot != NULL);

  self->plot = *plot;
  self->vertical_values = !!vertical_values;
}

/**
 * sc_chart_geometry_set_value_axis:
 * @self: a #ScChartGeometry
 * @axis: the value axis
 *
 * Records a copy of the value axis (painters only).
 */
void
sc_chart_geometry_set_value_axis (ScChartGeometry   *self,
                                  const ScValueAxis *axis)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (axis != NULL);

  self->value_axis = *axis;
  self->has_value_axis = TRUE;
}

/**
 * sc_chart_geometry_set_time_axis:
 * @self: a #ScChartGeometry
 * @axis: the time axis
 *
 * Records a copy of the time axis (painters only).
 */
void
sc_chart_geometry_set_time_axis (ScChartGeometry  *self,
                                 const ScTimeAxis *axis)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (axis != NULL);

  self->time_axis = *axis;
  self->has_time_axis = TRUE;
}

/**
 * sc_chart_geometry_set_is_empty:
 * @self: a #ScChartGeometry
 * @is_empty: whether the "No data" state was drawn
 *
 * Records the empty state (painters only).
 */
void
sc_chart_geometry_set_is_empty (ScChartGeometry *self,
                                gboolean         is_empty)
{
  g_return_if_fail (self != NULL);

  self->is_empty = !!is_empty;
}

/**
 * sc_chart_geometry_add_item:
 * @self: a #ScChartGeometry
 * @kind: what the item is
 * @series: its series
 * @index: its index in the input
 *
 * Appends an item (painters only); the caller fills its position, area and
 * value. The pointer is valid until the next item is added.
 *
 * Returns: (transfer none): the new item
 */
ScChartItem *
sc_chart_geometry_add_item (ScChartGeometry *self,
                            ScChartItemKind  kind,
                            int              series,
                            int              index)
{
  ScChartItem item = { .kind = kind, .series = series, .index = index, .value = NAN };

  g_return_val_if_fail (self != NULL, NULL);

  g_array_append_val (self->items, item);

  return &g_array_index (self->items, ScChartItem, self->items->len - 1);
}

/**
 * sc_chart_geometry_box_is_free:
 * @self: a #ScChartGeometry
 * @box: a text box
 *
 * Returns: whether @box lies inside the chart and overlaps no recorded label
 */
gboolean
sc_chart_geometry_box_is_free (const ScChartGeometry *self,
                               const ScChartRect     *box)
{
  ScChartRect bounds = { 0, 0, self->width, self->height };
  ScChartRect padded;

  g_return_val_if_fail (self != NULL, FALSE);

  if (box->x < bounds.x - 0.01 || box->y < bounds.y - 0.01 ||
      box->x + box->width > bounds.width + 0.01 ||
      box->y + box->height > bounds.height + 0.01)
    return FALSE;

  /* Keep a little air between texts, not just no overlap. */
  padded = (ScChartRect) { box->x - 2, box->y - 1, box->width + 4, box->height + 2 };
  for (guint i = 0; i < self->labels->len; i++)
    if (sc_chart_rect_intersects (&padded, &g_array_index (self->labels, ScChartLabel, i).box))
      return FALSE;

  return TRUE;
}

/**
 * sc_chart_geometry_add_label:
 * @self: a #ScChartGeometry
 * @kind: what the text is
 * @box: its ink box
 * @text: the text
 * @only_if_free: refuse the label if it would overlap another or leave
 *   the chart
 *
 * Records a text box (painters only). Painters pass @only_if_free for
 * every optional label and draw the text only when this returns %TRUE, so
 * no two texts ever overlap.
 *
 * Returns: whether the label was recorded
 */
gboolean
sc_chart_geometry_add_label (ScChartGeometry   *self,
                             ScChartLabelKind   kind,
                             const ScChartRect *box,
                             const char        *text,
                             gboolean           only_if_free)
{
  ScChartLabel label;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (only_if_free && !sc_chart_geometry_box_is_free (self, box))
    return FALSE;

  label.kind = kind;
  label.box = *box;
  label.text = g_strdup (text);
  g_array_append_val (self->labels, label);

  return TRUE;
}
