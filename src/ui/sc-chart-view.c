/* sc-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget that shows any chart painter: it resolves the painter's style
 * from the theme, draws it in one Cairo node, and turns the geometry the
 * painter laid out into hover, clicks, keyboard navigation and target
 * dragging. The table view is in sc-chart-view-table.c, copying and saving
 * in sc-chart-view-export.c.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-chart-view-private.h"
#include "sc-trend-painter.h"

/* How much of the foreground colour secondary text and grid lines take,
 * as libadwaita's .dim-label and separators do. */
#define DIM_ALPHA  0.55
#define GRID_ALPHA 0.1

/* libadwaita's focus ring is the accent colour at half opacity. */
#define FOCUS_ALPHA 0.5

G_DEFINE_FINAL_TYPE (ScChartView, sc_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAINTER,
  PROP_TITLE,
  PROP_SHOW_TABLE,
  PROP_TARGET_EDITABLE,
  N_PROPS
};

enum {
  ACTIVATED,
  TARGET_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Drops the painted chart so that the next snapshot runs the painter
 * again: call it when anything the picture depends on changed. */
static void
invalidate_chart (ScChartView *self)
{
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Style {{{ */

static void
copy_rgba (ScChartRgba   *to,
           const GdkRGBA *from)
{
  to->red = from->red;
  to->green = from->green;
  to->blue = from->blue;
  to->alpha = from->alpha;
}

static gboolean
lookup_rgba (GtkStyleContext *context,
             const char      *name,
             ScChartRgba     *color)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;

  copy_rgba (color, &rgba);
  return TRUE;
}

/* Cards are translucent on dark themes; what the chart really sits on is
 * the card colour over the window's. */
static void
lookup_card_background (GtkStyleContext *context,
                        ScChartRgba     *bg)
{
  ScChartRgba card;

  if (!lookup_rgba (context, "card_bg_color", &card))
    return;

  bg->red = card.red * card.alpha + bg->red * (1 - card.alpha);
  bg->green = card.green * card.alpha + bg->green * (1 - card.alpha);
  bg->blue = card.blue * card.alpha + bg->blue * (1 - card.alpha);
}

/* The background behind the chart: a card's, a view's or the window's,
 * whichever container is nearest. Painters use it to cut halos around
 * markers, so it should match what is really there. */
static void
resolve_background (ScChartView     *self,
                    GtkStyleContext *context,
                    ScChartRgba     *bg)
{
  lookup_rgba (context, "window_bg_color", bg);

  for (GtkWidget *w = GTK_WIDGET (self); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (gtk_widget_has_css_class (w, "card") || gtk_widget_has_css_class (w, "boxed-list"))
        {
          lookup_card_background (context, bg);
          return;
        }
      if (gtk_widget_has_css_class (w, "view"))
        {
          lookup_rgba (context, "view_bg_color", bg);
          return;
        }
    }
}

/* The core's palette for the right brightness, then the theme's own
 * colours and the widget's font on top. Nothing here is a colour literal:
 * the fallbacks are the core's libadwaita palette. */
static ScChartStyle *
resolve_style (ScChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  AdwStyleManager *manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  ScChartStyle *style = sc_chart_style_new (adw_style_manager_get_dark (manager));
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  GdkRGBA fg;

  /* The text colour of wherever the chart is (window, view or card). */
  gtk_style_context_get_color (context, &fg);
  copy_rgba (&style->fg, &fg);
  style->dim_fg = style->fg;
  style->dim_fg.alpha *= DIM_ALPHA;
  style->grid = style->fg;
  style->grid.alpha *= GRID_ALPHA;

  resolve_background (self, context, &style->bg);
  lookup_rgba (context, "accent_bg_color", &style->accent);
  lookup_rgba (context, "success_color", &style->success);
  lookup_rgba (context, "warning_color", &style->warning);
  lookup_rgba (context, "error_color", &style->error);

  sc_chart_style_set_font (style, pango_context_get_font_description (pango));
  style->scale = gtk_widget_get_scale_factor (widget);

  return style;
}

static gboolean
styles_equal (const ScChartStyle *a,
              const ScChartStyle *b)
{
  /* The colours, from fg to the palette, are doubles without padding. */
  gsize colors = G_STRUCT_OFFSET (ScChartStyle, font) - G_STRUCT_OFFSET (ScChartStyle, fg);

  return memcmp (&a->fg, &b->fg, colors) == 0 &&
         a->scale == b->scale &&
         a->dark == b->dark &&
         pango_font_description_equal (a->font, b->font);
}

/* CSS changes with every hover and focus; the chart redraws only when
 * what it is drawn with changed. */
static void
update_style (ScChartView *self)
{
  ScChartStyle *style = resolve_style (self);

  if (self->style != NULL && styles_equal (self->style, style))
    {
      sc_chart_style_free (style);
      return;
    }

  g_clear_pointer (&self->style, sc_chart_style_free);
  self->style = style;
  invalidate_chart (self);
}

/* }}} */

/* Current item {{{ */

static gboolean
is_navigable (const ScChartItem *item)
{
  switch (item->kind)
    {
    case SC_CHART_ITEM_POINT:
      return item->series >= 0;

    case SC_CHART_ITEM_BAR:
    case SC_CHART_ITEM_CELL:
      return TRUE;

    case SC_CHART_ITEM_TARGET:
    case SC_CHART_ITEM_ANNOTATION:
    default:
      return FALSE;
    }
}

static const ScChartItem *
find_current (ScChartView *self)
{
  if (!self->has_current || self->geometry == NULL)
    return NULL;

  return sc_chart_geometry_find_item (self->geometry, self->current.kind,
                                      self->current.series, self->current.index);
}

/* The position of @item in the geometry's list, or -1. */
static int
position_of (const ScChartGeometry *geometry,
             const ScChartItem     *item)
{
  for (guint i = 0; item != NULL && i < sc_chart_geometry_get_n_items (geometry); i++)
    if (sc_chart_geometry_get_item (geometry, i) == item)
      return i;

  return -1;
}

/* Makes @item (or nothing) the current item: the trend painter draws its
 * crosshair there; other charts get an outline in snapshot. */
static void
set_current (ScChartView       *self,
             const ScChartItem *item)
{
  if (item == NULL && !self->has_current)
    return;
  if (item != NULL && self->has_current && item->kind == self->current.kind &&
      item->series == self->current.series && item->index == self->current.index)
    return;

  self->has_current = item != NULL;
  if (item != NULL)
    self->current = *item;

  /* The trend painter draws the crosshair; other charts keep their
   * picture and get an outline on top. */
  if (SC_IS_TREND_PAINTER (self->painter))
    {
      sc_trend_painter_set_highlight (SC_TREND_PAINTER (self->painter),
                                      item != NULL ? item->index : -1);
      invalidate_chart (self);
    }
  else
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
activate_item (ScChartView       *self,
               const ScChartItem *item)
{
  if (item == NULL || !is_navigable (item))
    return;

  set_current (self, item);
  g_signal_emit (self, signals[ACTIVATED], 0, item->index);
}

/* The first navigable item from the start (@delta > 0) or the end. */
static const ScChartItem *
first_navigable (const ScChartGeometry *geometry,
                 int                    delta)
{
  guint n = sc_chart_geometry_get_n_items (geometry);

  for (guint i = 0; i < n; i++)
    {
      const ScChartItem *item = sc_chart_geometry_get_item (geometry, delta > 0 ? i : n - 1 - i);

      if (is_navigable (item))
        return item;
    }

  return NULL;
}

static gboolean
move_current (ScChartView *self,
              int          delta)
{
  const ScChartItem *item;
  int at;

  if (self->show_table || self->geometry == NULL)
    return FALSE;

  /* Without a current item, Right and Home start at the first item, Left
   * and End at the last. */
  item = find_current (self);
  if (item == NULL)
    item = first_navigable (self->geometry, ABS (delta) == 1 ? delta : -delta);
  else if ((at = position_of (self->geometry, item)) >= 0)
    item = sc_chart_geometry_get_item (self->geometry,
                                       sc_chart_geometry_step_item (self->geometry, at, delta));

  if (item == NULL)
    return FALSE;

  set_current (self, item);
  return TRUE;
}

/* Up and Down: between bars, or between the rows of a heatmap. */
static gboolean
move_current_vertically (ScChartView *self,
                         int          delta)
{
  const ScChartItem *item = find_current (self);
  const ScChartItem *next;

  if (self->show_table || self->geometry == NULL)
    return FALSE;
  if (item == NULL)
    item = first_navigable (self->geometry, delta);
  if (item == NULL || item->kind == SC_CHART_ITEM_POINT)
    return FALSE;
  if (item->kind == SC_CHART_ITEM_BAR || !self->has_current)
    return move_current (self, delta);

  next = sc_chart_geometry_find_item (self->geometry, item->kind,
                                      item->series + delta, item->index);
  if (next != NULL)
    set_current (self, next);

  return TRUE;
}

/* }}} */

/* Target dragging {{{ */

/**
 * _sc_chart_view_drag_begin:
 * @self: a #ScChartView
 * @x: where the button went down
 * @y: where the button went down
 *
 * Starts dragging the target line if it is editable and under (@x, @y).
 *
 * Returns: whether a drag started
 */
gboolean
_sc_chart_view_drag_begin (ScChartView *self,
                           double       x,
                           double       y)
{
  const ScChartItem *item;

  if (!self->target_editable || self->show_table || self->geometry == NULL ||
      !SC_IS_TREND_PAINTER (self->painter) ||
      sc_chart_geometry_get_value_axis (self->geometry) == NULL)
    return FALSE;

  item = sc_chart_geometry_hit_test (self->geometry, x, y);
  if (item == NULL || item->kind != SC_CHART_ITEM_TARGET)
    return FALSE;

  g_clear_pointer (&self->drag_geometry, sc_chart_geometry_unref);
  self->drag_geometry = sc_chart_geometry_ref (self->geometry);
  /* From the line, not the pointer: the value must not jump on press. */
  self->drag_start_y = item->y;
  self->drag_origin = item->value;
  self->drag_value = item->value;

  return TRUE;
}

/* How far the target can go: past the ends of the axis by at most its
 * span again (the painter widens its axis to show the preview), and never
 * outside what the unit allows: 0…100%, −100…100 NPS, nothing below zero
 * for counts, durations and money unless the axis already is. */
static void
get_drag_range (const ScValueAxis *axis,
                double            *lo,
                double            *hi)
{
  double span = axis->max - axis->min;

  *lo = axis->min - span;
  *hi = axis->max + span;

  switch (axis->unit)
    {
    case SC_CHART_UNIT_NPS:
      *lo = MAX (*lo, MIN (axis->min, -100));
      *hi = MIN (*hi, MAX (axis->max, 100));
      break;

    case SC_CHART_UNIT_PERCENT:
      *hi = MIN (*hi, MAX (axis->max, 100));
      *lo = MAX (*lo, MIN (axis->min, 0));
      break;

    case SC_CHART_UNIT_COUNT:
    case SC_CHART_UNIT_DURATION:
    case SC_CHART_UNIT_MONEY:
      *lo = MAX (*lo, MIN (axis->min, 0));
      break;

    case SC_CHART_UNIT_NUMBER:
    default:
      break;
    }
}

/**
 * _sc_chart_view_drag_update:
 * @self: a #ScChartView
 * @offset_y: how far the pointer moved since the drag began
 *
 * Moves the target preview, snapped to a sensible step. Positions map
 * through the axis the drag started on, beyond its ends too, so the
 * target can be raised above the top of the chart.
 */
void
_sc_chart_view_drag_update (ScChartView *self,
                            double       offset_y)
{
  ScTrendPainter *trend = SC_TREND_PAINTER (self->painter);
  const ScValueAxis *axis;
  double value, lo, hi;

  if (self->drag_geometry == NULL)
    return;

  axis = sc_chart_geometry_get_value_axis (self->drag_geometry);
  get_drag_range (axis, &lo, &hi);
  value = sc_chart_geometry_value_at (self->drag_geometry, 0, self->drag_start_y + offset_y);
  value = CLAMP (sc_value_axis_snap (axis, CLAMP (value, lo, hi)), lo, hi);
  if (value == self->drag_value && isfinite (sc_trend_painter_get_target_preview (trend)))
    return;

  self->drag_value = value;
  sc_trend_painter_set_target_preview (trend, value);
  invalidate_chart (self);
}

static gboolean
stop_drag (ScChartView *self)
{
  if (self->drag_geometry == NULL)
    return FALSE;

  g_clear_pointer (&self->drag_geometry, sc_chart_geometry_unref);
  sc_trend_painter_set_target_preview (SC_TREND_PAINTER (self->painter), NAN);
  invalidate_chart (self);

  return TRUE;
}

/**
 * _sc_chart_view_drag_end:
 * @self: a #ScChartView
 *
 * Ends a drag and emits #ScChartView::target-changed if the value moved.
 */
void
_sc_chart_view_drag_end (ScChartView *self)
{
  double value = self->drag_value;

  if (!stop_drag (self) || value == self->drag_origin)
    return;

  g_signal_emit (self, signals[TARGET_CHANGED], 0, value);
}

/**
 * _sc_chart_view_drag_cancel:
 * @self: a #ScChartView
 *
 * Abandons a drag: the target stays where it was and nothing is emitted.
 *
 * Returns: whether a drag was in progress
 */
gboolean
_sc_chart_view_drag_cancel (ScChartView *self)
{
  if (!stop_drag (self))
    return FALSE;

  /* Resetting ends the gesture; drag-end then finds no drag to finish. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
  return TRUE;
}

/* }}} */

/* Updates {{{ */

static void
update_accessible (ScChartView *self)
{
  g_autofree char *name = _sc_chart_view_dup_name (self);
  g_autofree char *summary = NULL;

  summary = self->painter != NULL ? sc_chart_painter_dup_summary (self->painter)
                                  : g_strdup (_("No data."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

/* Painters whose numbers the view cannot read have no table. */
static gboolean
has_table (ScChartView *self)
{
  g_autoptr(GPtrArray) series = _sc_chart_view_collect_series (self);

  return series->len > 0;
}

static void
update_actions (ScChartView *self)
{
  gboolean has_painter = self->painter != NULL;
  gboolean table = has_table (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", has_painter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save-as", has_painter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.show-table", table);
  if (!table)
    sc_chart_view_set_show_table (self, FALSE);
}

static void
update_all (ScChartView *self)
{
  update_accessible (self);
  update_actions (self);

  self->table_stale = TRUE;
  if (self->show_table)
    _sc_chart_view_fill_table (self);

  invalidate_chart (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
show_context_menu (ScChartView *self,
                   double       x,
                   double       y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* }}} */

/* Callbacks {{{ */

static void
pointer_entered_cb (GtkEventControllerMotion *controller,
                    double                    x,
                    double                    y,
                    ScChartView              *self)
{
  self->pointer_inside = TRUE;
}

static void
pointer_moved_cb (GtkEventControllerMotion *controller,
                  double                    x,
                  double                    y,
                  ScChartView              *self)
{
  const ScChartItem *item;

  if (self->geometry == NULL || self->drag_geometry != NULL || self->show_table)
    return;

  item = sc_chart_geometry_hit_test (self->geometry, x, y);
  if (item != NULL && item->kind == SC_CHART_ITEM_TARGET && self->target_editable)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ns-resize");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  if (item == NULL || is_navigable (item))
    {
      set_current (self, item);
      self->current_from_keyboard = FALSE;
    }
}

static void
pointer_left_cb (GtkEventControllerMotion *controller,
                 ScChartView              *self)
{
  self->pointer_inside = FALSE;
  if (!self->current_from_keyboard && self->drag_geometry == NULL)
    set_current (self, NULL);
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               ScChartView             *self)
{
  _sc_chart_view_drag_cancel (self);
  if (self->current_from_keyboard || !self->pointer_inside)
    set_current (self, NULL);
}

static void
primary_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    ScChartView     *self)
{
  if (!self->show_table)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
primary_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     ScChartView     *self)
{
  if (self->geometry == NULL || self->show_table || n_press != 1)
    return;

  activate_item (self, sc_chart_geometry_hit_test (self->geometry, x, y));
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      ScChartView     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_context_menu (self, x, y);
}

static void
drag_began_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               ScChartView    *self)
{
  if (!_sc_chart_view_drag_begin (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_updated_cb (GtkGestureDrag *gesture,
                 double          offset_x,
                 double          offset_y,
                 ScChartView    *self)
{
  _sc_chart_view_drag_update (self, offset_y);
}

static void
drag_ended_cb (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               ScChartView    *self)
{
  _sc_chart_view_drag_end (self);
}

static gboolean
move_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  gboolean vertical;
  int delta;

  g_variant_get (args, "(bi)", &vertical, &delta);
  if (vertical ? !move_current_vertically (self, delta) : !move_current (self, delta))
    return FALSE;

  self->current_from_keyboard = TRUE;
  return TRUE;
}

static gboolean
activate_binding_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  const ScChartItem *item = find_current (self);

  if (self->show_table || item == NULL)
    return FALSE;

  activate_item (self, item);
  return TRUE;
}

static gboolean
cancel_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  return _sc_chart_view_drag_cancel (SC_CHART_VIEW (widget));
}

static gboolean
menu_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  const ScChartItem *item = self->show_table ? NULL : find_current (self);

  if (item != NULL)
    show_context_menu (self, item->x, item->y);
  else
    show_context_menu (self, gtk_widget_get_width (widget) / 2.0,
                       gtk_widget_get_height (widget) / 2.0);

  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _sc_chart_view_copy (SC_CHART_VIEW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _sc_chart_view_save_as (SC_CHART_VIEW (widget));
}

/* }}} */

/* GtkWidget {{{ */

/* Keyboard focus and hover on charts without a crosshair of their own: an
 * outline around the current bar or cell, like libadwaita's focus ring. */
static void
snapshot_current (ScChartView *self,
                  GtkSnapshot *snapshot)
{
  const ScChartItem *item = find_current (self);
  const ScChartRgba *accent = &self->style->accent;
  GdkRGBA color = { accent->red, accent->green, accent->blue, accent->alpha * FOCUS_ALPHA };
  GskRoundedRect outline;

  if (item == NULL || SC_IS_TREND_PAINTER (self->painter))
    return;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (item->area.x, item->area.y,
                                                        item->area.width, item->area.height),
                                   4);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { color, color, color, color });
}

/* Runs the painter into a node of its own, kept until the data, the
 * size or the style change. */
static void
paint_chart (ScChartView *self,
             int          width,
             int          height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->geometry, sc_chart_geometry_unref);
  self->geometry = sc_chart_painter_draw (self->painter, cr, width, height, self->style);
  cairo_destroy (cr);

  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  self->chart_node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  self->chart_width = width;
  self->chart_height = height;
  self->n_paints++;
}

static void
sc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->show_table)
    {
      gtk_widget_snapshot_child (widget, self->table_window, snapshot);
      return;
    }

  if (self->painter == NULL || self->style == NULL || width <= 0 || height <= 0)
    return;

  if (self->chart_node == NULL || width != self->chart_width || height != self->chart_height)
    paint_chart (self, width, height);
  if (self->chart_node != NULL)
    gtk_snapshot_append_node (snapshot, self->chart_node);

  snapshot_current (self, snapshot);
}

static void
sc_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  int table_min = 0, table_nat = 0;

  if (gtk_widget_get_visible (self->table_window))
    gtk_widget_measure (self->table_window, orientation, for_size,
                        &table_min, &table_nat, NULL, NULL);

  *minimum = table_min;
  *natural = MAX (table_nat, orientation == GTK_ORIENTATION_HORIZONTAL ? SC_CHART_VIEW_NATURAL_WIDTH
                                                                  : SC_CHART_VIEW_NATURAL_HEIGHT);
}

static void
sc_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ScChartView *self = SC_CHART_VIEW (widget);

  if (gtk_widget_should_layout (self->table_window))
    gtk_widget_allocate (self->table_window, width, height, baseline, NULL);

  gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
sc_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sc_chart_view_parent_class)->css_changed (widget, change);

  update_style (SC_CHART_VIEW (widget));
}

static void
sc_chart_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sc_chart_view_parent_class)->root (widget);

  /* The container decides the background, and it is known only now. */
  update_style (SC_CHART_VIEW (widget));
}

static gboolean
sc_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  ScChartView *self = SC_CHART_VIEW (widget);
  const ScChartItem *item;
  g_autofree char *markup = NULL;
  GdkRectangle area;

  if (self->show_table || self->geometry == NULL || self->drag_geometry != NULL)
    return FALSE;

  item = keyboard_tooltip ? find_current (self) : sc_chart_geometry_hit_test (self->geometry, x, y);
  if (item == NULL || (markup = _sc_chart_view_dup_tooltip (self, item)) == NULL)
    return FALSE;

  area = (GdkRectangle) { floor (item->area.x), floor (item->area.y),
                          ceil (item->area.width), ceil (item->area.height) };
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* }}} */

/* GObject {{{ */

static void
scale_factor_changed_cb (ScChartView *self)
{
  update_style (self);
}

static void
sc_chart_view_dispose (GObject *object)
{
  ScChartView *self = (ScChartView *) object;

  g_clear_pointer (&self->drag_geometry, sc_chart_geometry_unref);
  g_clear_pointer (&self->geometry, sc_chart_geometry_unref);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  g_clear_object (&self->painter);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CHART_VIEW);

  G_OBJECT_CLASS (sc_chart_view_parent_class)->dispose (object);
}

static void
sc_chart_view_finalize (GObject *object)
{
  ScChartView *self = (ScChartView *) object;

  g_clear_pointer (&self->style, sc_chart_style_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (sc_chart_view_parent_class)->finalize (object);
}

static void
sc_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScChartView *self = SC_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      g_value_set_object (value, self->painter);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;

    case PROP_TARGET_EDITABLE:
      g_value_set_boolean (value, self->target_editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScChartView *self = SC_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      sc_chart_view_set_painter (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      sc_chart_view_set_title (self, g_value_get_string (value));
      break;

    case PROP_SHOW_TABLE:
      sc_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;

    case PROP_TARGET_EDITABLE:
      sc_chart_view_set_target_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; gboolean vertical; int delta; } moves[] = {
    { GDK_KEY_Left, FALSE, -1 }, { GDK_KEY_KP_Left, FALSE, -1 },
    { GDK_KEY_Right, FALSE, 1 }, { GDK_KEY_KP_Right, FALSE, 1 },
    { GDK_KEY_Up, TRUE, -1 }, { GDK_KEY_KP_Up, TRUE, -1 },
    { GDK_KEY_Down, TRUE, 1 }, { GDK_KEY_KP_Down, TRUE, 1 },
    { GDK_KEY_Home, FALSE, -G_MAXINT }, { GDK_KEY_End, FALSE, G_MAXINT },
  };
  static const guint activate_keys[] = {
    GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space,
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding (widget_class, moves[i].key, 0, move_binding_cb, "(bi)",
                                  moves[i].vertical, moves[i].delta);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding (widget_class, activate_keys[i], 0, activate_binding_cb, NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, cancel_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_binding_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "chart.copy", NULL);
}

static void
sc_chart_view_class_init (ScChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_chart_view_dispose;
  object_class->finalize = sc_chart_view_finalize;
  object_class->get_property = sc_chart_view_get_property;
  object_class->set_property = sc_chart_view_set_property;

  widget_class->snapshot = sc_chart_view_snapshot;
  widget_class->measure = sc_chart_view_measure;
  widget_class->size_allocate = sc_chart_view_size_allocate;
  widget_class->css_changed = sc_chart_view_css_changed;
  widget_class->root = sc_chart_view_root;
  widget_class->query_tooltip = sc_chart_view_query_tooltip;

  /**
   * ScChartView:painter:
   *
   * The painter that draws the chart and holds its data.
   */
  properties[PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         SC_TYPE_CHART_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScChartView:title:
   *
   * What the chart shows, e.g. "CSAT by channel": its accessible name and
   * the suggested file name when it is saved. Without a title the name of
   * the painter's first series is used.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScChartView:show-table:
   *
   * Whether the chart's numbers are shown as a table instead of the
   * picture. The `chart.show-table` action toggles it.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScChartView:target-editable:
   *
   * Whether the target line of a trend can be dragged. Turn it on where
   * #ScChartView::target-changed is handled.
   */
  properties[PROP_TARGET_EDITABLE] =
    g_param_spec_boolean ("target-editable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScChartView::activated:
   * @self: a #ScChartView
   * @index: the point, bar or bin index in the painter's input (-1 for a
   *   folded "Other" bar; the column of a heatmap cell)
   *
   * Emitted when a point, bar or cell is clicked, or Enter or Space is
   * pressed on the current one; the segment explorer drills with it.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * ScChartView::target-changed:
   * @self: a #ScChartView
   * @value: the new target, snapped to a sensible step
   *
   * Emitted when a drag of the target line ends somewhere new. The view
   * does not change the data: the handler stores the target and updates
   * the series, then calls sc_chart_view_queue_update().
   */
  signals[TARGET_CHANGED] =
    g_signal_new ("target-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.save-as", NULL, save_as_action);
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  add_bindings (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScChartView, table_window);
  gtk_widget_class_bind_template_child (widget_class, ScChartView, table);
  gtk_widget_class_bind_template_child (widget_class, ScChartView, context_menu);
  gtk_widget_class_bind_template_child (widget_class, ScChartView, drag_gesture);
  gtk_widget_class_bind_template_callback (widget_class, pointer_entered_cb);
  gtk_widget_class_bind_template_callback (widget_class, pointer_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, pointer_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, primary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, primary_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_began_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_updated_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_ended_cb);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_chart_view_init (ScChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->drag_origin = NAN;
  self->drag_value = NAN;
  _sc_chart_view_setup_table (self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  update_all (self);
}

/* }}} */

/* Public API {{{ */

/**
 * sc_chart_view_new:
 * @painter: (nullable): the painter to show
 *
 * Creates a view of @painter.
 *
 * Returns: (transfer floating): a new #ScChartView
 */
GtkWidget *
sc_chart_view_new (ScChartPainter *painter)
{
  g_return_val_if_fail (painter == NULL || SC_IS_CHART_PAINTER (painter), NULL);

  return g_object_new (SC_TYPE_CHART_VIEW,
                       "painter", painter,
                       NULL);
}

/**
 * sc_chart_view_get_painter:
 * @self: a #ScChartView
 *
 * Returns: (transfer none) (nullable): the painter shown
 */
ScChartPainter *
sc_chart_view_get_painter (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  return self->painter;
}

/**
 * sc_chart_view_get_title:
 * @self: a #ScChartView
 *
 * Returns: (nullable): the title set with sc_chart_view_set_title()
 */
const char *
sc_chart_view_get_title (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  return self->title;
}

/**
 * sc_chart_view_get_show_table:
 * @self: a #ScChartView
 *
 * Returns: whether the numbers are shown as a table
 */
gboolean
sc_chart_view_get_show_table (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), FALSE);

  return self->show_table;
}

/**
 * sc_chart_view_get_target_editable:
 * @self: a #ScChartView
 *
 * Returns: whether the target line of a trend can be dragged
 */
gboolean
sc_chart_view_get_target_editable (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), FALSE);

  return self->target_editable;
}

/**
 * sc_chart_view_get_style:
 * @self: a #ScChartView
 *
 * The colours, font and scale resolved from the theme, as the painter
 * gets them. Exports of the chart use them too.
 *
 * Returns: (transfer none): the style, valid until the theme, the font or
 *   the scale changes
 */
const ScChartStyle *
sc_chart_view_get_style (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);

  if (self->style == NULL)
    self->style = resolve_style (self);

  return self->style;
}

/**
 * sc_chart_view_get_current:
 * @self: a #ScChartView
 *
 * The point, bar or cell under the pointer or the keyboard focus, as the
 * index #ScChartView::activated would carry.
 *
 * Returns: the index, or -1 if there is none
 */
int
sc_chart_view_get_current (ScChartView *self)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), -1);

  return self->has_current ? self->current.index : -1;
}

/**
 * sc_chart_view_set_painter:
 * @self: a #ScChartView
 * @painter: (nullable): the painter to show
 *
 * Shows @painter. The view keeps a reference; it sets the trend painter's
 * highlight and target preview while the user hovers and drags, and never
 * touches the data.
 */
void
sc_chart_view_set_painter (ScChartView    *self,
                           ScChartPainter *painter)
{
  g_return_if_fail (SC_IS_CHART_VIEW (self));
  g_return_if_fail (painter == NULL || SC_IS_CHART_PAINTER (painter));

  if (self->painter == painter)
    return;

  _sc_chart_view_drag_cancel (self);
  set_current (self, NULL);
  /* The geometry borrows the painter's time zone: drop it first. */
  g_clear_pointer (&self->geometry, sc_chart_geometry_unref);
  g_set_object (&self->painter, painter);

  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTER]);
}

/**
 * sc_chart_view_set_title:
 * @self: a #ScChartView
 * @title: (nullable): what the chart shows
 *
 * Sets the accessible name and the suggested file name of the chart.
 */
void
sc_chart_view_set_title (ScChartView *self,
                         const char  *title)
{
  g_return_if_fail (SC_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * sc_chart_view_set_show_table:
 * @self: a #ScChartView
 * @show_table: whether to show the numbers as a table
 *
 * Switches between the chart and a table of the same numbers (period or
 * segment, value, sample size, interval, target, baseline). Keyboard focus
 * follows into the table. Trends, segment bars, histograms and sparklines
 * have a table; for other charts the chart stays.
 */
void
sc_chart_view_set_show_table (ScChartView *self,
                              gboolean     show_table)
{
  gboolean had_focus;

  g_return_if_fail (SC_IS_CHART_VIEW (self));

  show_table = !!show_table && has_table (self);
  if (self->show_table == show_table)
    return;

  had_focus = gtk_widget_has_focus (GTK_WIDGET (self)) ||
              gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL ||
              gtk_widget_get_visible (GTK_WIDGET (self->context_menu));
  _sc_chart_view_drag_cancel (self);
  set_current (self, NULL);
  self->show_table = show_table;
  if (show_table && self->table_stale)
    _sc_chart_view_fill_table (self);

  gtk_widget_set_visible (self->table_window, show_table);
  /* With the table up, Tab goes straight into it. */
  gtk_widget_set_focusable (GTK_WIDGET (self), !show_table);
  if (had_focus)
    gtk_widget_grab_focus (show_table ? GTK_WIDGET (self->table) : GTK_WIDGET (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

/**
 * sc_chart_view_set_target_editable:
 * @self: a #ScChartView
 * @target_editable: whether the target line can be dragged
 *
 * Lets the user drag a trend's target line; see
 * #ScChartView::target-changed.
 */
void
sc_chart_view_set_target_editable (ScChartView *self,
                                   gboolean     target_editable)
{
  g_return_if_fail (SC_IS_CHART_VIEW (self));

  target_editable = !!target_editable;
  if (self->target_editable == target_editable)
    return;

  if (!target_editable)
    _sc_chart_view_drag_cancel (self);
  self->target_editable = target_editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_EDITABLE]);
}

/**
 * sc_chart_view_queue_update:
 * @self: a #ScChartView
 *
 * Tells the view that the painter's data changed: it redraws, and updates
 * its accessible description, its table and its tooltip. Call it after
 * changing the series or options of the painter shown.
 */
void
sc_chart_view_queue_update (ScChartView *self)
{
  g_return_if_fail (SC_IS_CHART_VIEW (self));

  update_all (self);
}

/* }}} */
