/* test-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart widget on a real display: what it draws (checked by pixel, in
 * light and dark), its accessible description, keyboard navigation and
 * activation, target dragging, the table view, copying and exports.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-bar-painter.h"
#include "sc-chart-view-private.h"
#include "sc-error.h"
#include "sc-histogram-painter.h"
#include "sc-nps-painter.h"
#include "sc-test-util.h"
#include "sc-trend-painter.h"
#include "sc-ui-test-util.h"

#define N_MONTHS 12
#define TARGET   85.0

typedef struct
{
  GtkWindow   *window;
  ScChartView *view;
  GPtrArray   *activated;
  GArray      *targets;
} Fixture;

/* Data {{{ */

static gint64
month_start (int year,
             int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* CSAT for 2025, January to December: 70, 71 … 81, with a target of 85,
 * a 95% interval of ±3 and a thin sample in June. */
static ScChartSeries *
make_csat (void)
{
  ScChartSeries *series = sc_chart_series_new ("CSAT", SC_CHART_UNIT_PERCENT);

  for (int m = 1; m <= N_MONTHS; m++)
    {
      gint64 end = m == 12 ? month_start (2026, 1) : month_start (2025, m + 1);
      ScChartPoint *p = sc_chart_series_add (series, month_start (2025, m), end,
                                             69 + m, 400 + 10 * m);

      p->ci_low = p->value - 3;
      p->ci_high = p->value + 3;
      p->target = TARGET;
      p->insufficient = m == 6;
    }

  return series;
}

static ScChartPainter *
make_trend (void)
{
  ScTrendPainter *painter = sc_trend_painter_new ();
  g_autoptr(ScChartSeries) series = make_csat ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  sc_trend_painter_set_time_zone (painter, utc);
  sc_trend_painter_add_series (painter, series);

  return SC_CHART_PAINTER (painter);
}

static ScChartPainter *
make_bars (void)
{
  static const struct { const char *name; double value; } segments[] = {
    { "Email", 78 }, { "Phone", 91 }, { "Chat", 84 }, { "Social", 66 }, { "Web form", 88 },
  };
  ScBarPainter *painter = sc_bar_painter_new ();
  g_autoptr(ScChartSeries) series = sc_chart_series_new ("CSAT by channel", SC_CHART_UNIT_PERCENT);

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    sc_chart_series_add_category (series, segments[i].name, segments[i].value, 120 + i);
  sc_bar_painter_set_series (painter, series);

  return SC_CHART_PAINTER (painter);
}

/* }}} */

/* Main loop and window {{{ */

static void
activated_cb (ScChartView *view,
              int          index,
              Fixture     *fixture)
{
  g_ptr_array_add (fixture->activated, GINT_TO_POINTER (index));
}

static void
target_changed_cb (ScChartView *view,
                   double       value,
                   Fixture     *fixture)
{
  g_array_append_val (fixture->targets, value);
}

static void
set_color_scheme (AdwColorScheme scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  ScChartPainter *(*make) (void) = data != NULL ? (gpointer) data : (gpointer) make_trend;
  g_autoptr(ScChartPainter) painter = make ();

  set_color_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->activated = g_ptr_array_new ();
  fixture->targets = g_array_new (FALSE, FALSE, sizeof (double));
  fixture->view = SC_CHART_VIEW (sc_chart_view_new (painter));
  g_object_ref (fixture->view);
  g_signal_connect (fixture->view, "activated", G_CALLBACK (activated_cb), fixture);
  g_signal_connect (fixture->view, "target-changed", G_CALLBACK (target_changed_cb), fixture);

  /* Small, so that Xvfb's pointer (in the middle of the screen) stays
   * outside and cannot hover anything. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 300);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  while (fixture->view->geometry == NULL)
    g_main_context_iteration (NULL, TRUE);
  sc_ui_test_settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  sc_ui_test_settle ();
  g_assert_finalize_object (fixture->view);
  g_ptr_array_unref (fixture->activated);
  g_array_unref (fixture->targets);
  set_color_scheme (ADW_COLOR_SCHEME_DEFAULT);
}

/* }}} */

/* Pixels {{{ */

/* Renders the widget as the window's renderer does. */
static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* The paintable shows the widget's last frame: let a pending one draw. */
  sc_ui_test_settle ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Painted on the window itself, so that the picture has the background
 * the chart was made for. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  sc_ui_test_save_png (GTK_WIDGET (gtk_widget_get_root (widget)), name);
}

typedef struct
{
  int     width;
  int     height;
  gsize   stride;
  guchar *data;
} Pixels;

static Pixels *
pixels_new (GdkTexture *texture)
{
  Pixels *pixels = g_new0 (Pixels, 1);

  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->stride = pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);

  return pixels;
}

static void
pixels_free (Pixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pixels, pixels_free)

/* The colour at (@x, @y), un-premultiplied, 0…1. */
static GdkRGBA
pixel_at (const Pixels *pixels,
          double        x,
          double        y)
{
  int px = CLAMP ((int) floor (x), 0, pixels->width - 1);
  int py = CLAMP ((int) floor (y), 0, pixels->height - 1);
  const guchar *p = pixels->data + py * pixels->stride + px * 4;
  float a = p[3] / 255.f;

  /* gdk_texture_download() gives premultiplied B, G, R, A in memory. */
  if (a == 0)
    return (GdkRGBA) { 0, 0, 0, 0 };

  return (GdkRGBA) { p[2] / 255.f / a, p[1] / 255.f / a, p[0] / 255.f / a, a };
}

/* The colour @rgba takes when painted on nothing (a transparent widget
 * background), as pixel_at() returns it. */
static gboolean
close_to (const GdkRGBA     *seen,
          const ScChartRgba *want,
          double             tolerance)
{
  return fabs (seen->red - want->red) <= tolerance &&
         fabs (seen->green - want->green) <= tolerance &&
         fabs (seen->blue - want->blue) <= tolerance &&
         fabs (seen->alpha - want->alpha) <= tolerance;
}

/* Whether any pixel of the row @y between @x0 and @x1 has @want: the target
 * line is dashed, so one pixel might fall into a gap. */
static gboolean
row_has_color (const Pixels      *pixels,
               double             x0,
               double             x1,
               double             y,
               const ScChartRgba *want)
{
  for (double x = x0; x <= x1; x++)
    {
      GdkRGBA seen = pixel_at (pixels, x, y);

      if (close_to (&seen, want, 0.08))
        return TRUE;
    }

  return FALSE;
}

static const ScChartItem *
find_kind (const ScChartGeometry *geometry,
           ScChartItemKind        kind,
           int                    index)
{
  return sc_chart_geometry_find_item (geometry, kind, 0, index);
}

/* }}} */

/* Keys {{{ */

/* Presses a key through the view's own key bindings: GTK 4 has no public
 * way to synthesise a key event, but the bindings are the shortcuts of
 * one of the widget's controllers. Returns whether a binding handled it. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_error ("No key binding for %s", gdk_keyval_name (keyval));
}

/* The widget's own controller of @type (for a gesture, the one for
 * @button): GTK 4 cannot synthesise pointer events, so the tests emit the
 * controllers' signals as GTK does when the events arrive. */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type,
                 guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_FROM_INSTANCE (controller) != type)
        continue;
      if (GTK_IS_GESTURE_SINGLE (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) != button)
        continue;

      /* The widget keeps it alive. */
      return controller;
    }

  g_error ("No %s on the view", g_type_name (type));
}

static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y)
{
  GtkEventController *motion = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_MOTION, 0);

  g_signal_emit_by_name (motion, "enter", x, y);
  g_signal_emit_by_name (motion, "motion", x, y);
}

static void
click (GtkWidget *widget,
       double     x,
       double     y)
{
  GtkEventController *gesture = find_controller (widget, GTK_TYPE_GESTURE_CLICK, 1);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
}

/* }}} */

/* Tests {{{ */

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(ScChartPainter) trend = make_trend ();
  g_autoptr(ScChartPainter) bars = make_bars ();
  ScChartView *view = SC_CHART_VIEW (g_object_ref_sink (sc_chart_view_new (trend)));
  guint painter_notified = 0, table_notified = 0, editable_notified = 0, title_notified = 0;

  g_signal_connect (view, "notify::painter", G_CALLBACK (notify_cb), &painter_notified);
  g_signal_connect (view, "notify::show-table", G_CALLBACK (notify_cb), &table_notified);
  g_signal_connect (view, "notify::target-editable", G_CALLBACK (notify_cb), &editable_notified);
  g_signal_connect (view, "notify::title", G_CALLBACK (notify_cb), &title_notified);

  g_assert_true (sc_chart_view_get_painter (view) == trend);
  sc_chart_view_set_painter (view, trend);
  g_assert_cmpuint (painter_notified, ==, 0);
  g_object_set (view, "painter", bars, NULL);
  g_assert_cmpuint (painter_notified, ==, 1);
  g_assert_true (sc_chart_view_get_painter (view) == bars);

  g_assert_false (sc_chart_view_get_show_table (view));
  sc_chart_view_set_show_table (view, TRUE);
  sc_chart_view_set_show_table (view, TRUE);
  g_assert_true (sc_chart_view_get_show_table (view));
  g_assert_cmpuint (table_notified, ==, 1);

  g_assert_false (sc_chart_view_get_target_editable (view));
  g_object_set (view, "target-editable", TRUE, NULL);
  g_assert_true (sc_chart_view_get_target_editable (view));
  g_assert_cmpuint (editable_notified, ==, 1);

  g_assert_null (sc_chart_view_get_title (view));
  sc_chart_view_set_title (view, "CSAT by channel, October");
  sc_chart_view_set_title (view, "CSAT by channel, October");
  g_assert_cmpstr (sc_chart_view_get_title (view), ==, "CSAT by channel, October");
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpint (sc_chart_view_get_current (view), ==, -1);

  sc_chart_view_set_painter (view, NULL);
  g_assert_null (sc_chart_view_get_painter (view));
  g_assert_cmpuint (painter_notified, ==, 2);

  g_assert_finalize_object (view);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  const ScChartStyle *style = sc_chart_view_get_style (fixture->view);
  g_autoptr(GdkTexture) texture = render (widget);
  g_autoptr(Pixels) pixels = pixels_new (texture);
  const ScChartGeometry *geometry = fixture->view->geometry;
  const ScChartItem *target = find_kind (geometry, SC_CHART_ITEM_TARGET, 1);
  const ScChartItem *point = find_kind (geometry, SC_CHART_ITEM_POINT, 3);
  const ScChartItem *thin = find_kind (geometry, SC_CHART_ITEM_POINT, 5);
  GdkRGBA seen;

  g_assert_false (style->dark);
  g_assert_cmpfloat (sc_chart_geometry_get_width (geometry), ==, gtk_widget_get_width (widget));
  g_assert_cmpfloat (sc_chart_geometry_get_height (geometry), ==, gtk_widget_get_height (widget));
  g_assert_cmpuint (sc_chart_geometry_get_n_items (geometry), >=, N_MONTHS);

  /* The dashed target line in the foreground colour, over February. */
  g_assert_nonnull (target);
  g_assert_true (row_has_color (pixels, target->area.x, target->area.x + target->area.width,
                                target->y, &style->fg));
  /* April's value sits on the series line, in the accent colour. */
  g_assert_nonnull (point);
  seen = pixel_at (pixels, point->x, point->y);
  g_assert_true (close_to (&seen, &style->accent, 0.08));
  /* June has too few responses: its marker is hollow. */
  g_assert_nonnull (thin);
  seen = pixel_at (pixels, thin->x, thin->y);
  g_assert_false (close_to (&seen, &style->accent, 0.08));
  /* Far above the data and the target, nothing is drawn. */
  seen = pixel_at (pixels, point->x + 3, sc_chart_geometry_get_plot (geometry)->y + 2);
  g_assert_false (close_to (&seen, &style->accent, 0.3));

  save_png (widget, "chart-view-light.png");
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(ScChartStyle) light = sc_chart_style_copy (sc_chart_view_get_style (fixture->view));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(Pixels) pixels = NULL;
  const ScChartStyle *dark;
  const ScChartItem *target;

  set_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_settle ();
  dark = sc_chart_view_get_style (fixture->view);

  g_assert_true (dark->dark);
  g_assert_false (light->dark);
  /* Dark text on light, light text on dark. */
  g_assert_cmpfloat (light->fg.red, <, 0.5);
  g_assert_cmpfloat (dark->fg.red, >, 0.5);
  g_assert_cmpfloat (light->bg.red, >, 0.5);
  g_assert_cmpfloat (dark->bg.red, <, 0.5);
  g_assert_cmpfloat (fabs (light->palette[0].red - dark->palette[0].red) +
                     fabs (light->palette[0].green - dark->palette[0].green), >, 0.05);

  texture = render (widget);
  pixels = pixels_new (texture);
  dark = sc_chart_view_get_style (fixture->view);
  target = find_kind (fixture->view->geometry, SC_CHART_ITEM_TARGET, 1);
  g_assert_nonnull (target);
  g_assert_true (row_has_color (pixels, target->area.x, target->area.x + target->area.width,
                                target->y, &dark->fg));

  save_png (widget, "chart-view-dark.png");
}

/* The painter runs when the data, the size or the style change, not for
 * every frame: hover states, focus and plain redraws reuse its picture. */
static void
test_repaint (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  guint paints = fixture->view->n_paints;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_cmpuint (paints, >=, 1);
  texture = render (widget);
  g_clear_object (&texture);
  gtk_widget_queue_draw (widget);
  gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_PRELIGHT, FALSE);
  gtk_widget_grab_focus (widget);
  sc_ui_test_settle ();
  texture = render (widget);
  g_clear_object (&texture);
  g_assert_cmpuint (fixture->view->n_paints, ==, paints);

  /* New data. */
  sc_chart_view_queue_update (fixture->view);
  sc_ui_test_settle ();
  g_assert_cmpuint (fixture->view->n_paints, ==, paints + 1);

  /* A new size. */
  gtk_window_set_default_size (fixture->window, 520, 320);
  sc_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (widget), ==, 520);
  g_assert_cmpuint (fixture->view->n_paints, ==, paints + 2);
  g_assert_cmpfloat (sc_chart_geometry_get_width (fixture->view->geometry), ==, 520);

  /* A new style. */
  set_color_scheme (ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_settle ();
  g_assert_cmpuint (fixture->view->n_paints, ==, paints + 3);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  ScTrendPainter *painter = SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view));
  g_autofree char *summary = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_autofree char *updated = NULL;
  g_autoptr(ScChartSeries) longer = make_csat ();
  ScChartPoint *january;

  gtk_test_accessible_assert_role (fixture->view, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "CSAT");
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  /* The metric and its latest value. */
  g_assert_nonnull (strstr (summary, "CSAT"));
  g_assert_nonnull (strstr (summary, "81.0%"));

  /* New data: January 2026 at 93%. */
  january = sc_chart_series_add (longer, month_start (2026, 1), month_start (2026, 2), 93, 512);
  january->target = TARGET;
  sc_trend_painter_clear_series (painter);
  sc_trend_painter_add_series (painter, longer);
  sc_chart_view_queue_update (fixture->view);
  updated = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_assert_cmpstr (updated, !=, summary);
  g_assert_nonnull (strstr (updated, "93.0%"));
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, updated);

  sc_chart_view_set_title (fixture->view, "Customer satisfaction");
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Customer satisfaction");
}

static void
test_keyboard_trend (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  ScTrendPainter *painter = SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view));
  g_autoptr(GdkTexture) before = render (widget);
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(Pixels) pixels_before = pixels_new (before);
  g_autoptr(Pixels) pixels_after = NULL;
  const ScChartItem *april;
  GdkRGBA a, b;

  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, -1);

  g_assert_true (press_key (widget, GDK_KEY_Right, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 0);
  g_assert_cmpint (sc_trend_painter_get_highlight (painter), ==, 0);
  for (int i = 0; i < 3; i++)
    g_assert_true (press_key (widget, GDK_KEY_Right, 0));
  g_assert_cmpint (sc_trend_painter_get_highlight (painter), ==, 3);
  g_assert_true (press_key (widget, GDK_KEY_Left, 0));
  g_assert_true (press_key (widget, GDK_KEY_Right, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 3);
  /* Up and Down mean nothing on a trend: they are left to the page. */
  g_assert_false (press_key (widget, GDK_KEY_Up, 0));

  /* The crosshair over April: a vertical line above its point. */
  after = render (widget);
  pixels_after = pixels_new (after);
  april = find_kind (fixture->view->geometry, SC_CHART_ITEM_POINT, 3);
  a = pixel_at (pixels_before, april->x, april->y - 40);
  b = pixel_at (pixels_after, april->x, april->y - 40);
  g_assert_false (gdk_rgba_equal (&a, &b));

  g_assert_true (press_key (widget, GDK_KEY_Return, 0));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (fixture->activated->pdata[0]), ==, 3);

  g_assert_true (press_key (widget, GDK_KEY_End, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, N_MONTHS - 1);
  g_assert_true (press_key (widget, GDK_KEY_Right, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, N_MONTHS - 1);
  g_assert_true (press_key (widget, GDK_KEY_Home, 0));
  g_assert_true (press_key (widget, GDK_KEY_space, 0));
  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (fixture->activated->pdata[1]), ==, 0);
}

static void
test_keyboard_bars (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);

  gtk_widget_grab_focus (widget);
  /* Bars are sorted by value: Phone (91), Web form (88), Chat (84)… */
  g_assert_true (press_key (widget, GDK_KEY_Down, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 1);
  g_assert_true (press_key (widget, GDK_KEY_Down, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 4);
  g_assert_true (press_key (widget, GDK_KEY_Down, 0));
  g_assert_true (press_key (widget, GDK_KEY_Up, 0));
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 4);
  g_assert_true (press_key (widget, GDK_KEY_KP_Enter, 0));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (fixture->activated->pdata[0]), ==, 4);

  save_png (widget, "chart-view-bars.png");
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  const ScChartGeometry *geometry = fixture->view->geometry;
  const ScChartItem *march = find_kind (geometry, SC_CHART_ITEM_POINT, 2);
  const ScChartItem *june = find_kind (geometry, SC_CHART_ITEM_POINT, 5);
  const ScChartItem *target = find_kind (geometry, SC_CHART_ITEM_TARGET, 2);
  const ScChartItem *hit = sc_chart_geometry_hit_test (geometry, march->x, march->y);
  g_autofree char *text = _sc_chart_view_dup_tooltip (fixture->view, hit);
  g_autofree char *thin = _sc_chart_view_dup_tooltip (fixture->view, june);
  g_autofree char *line = _sc_chart_view_dup_tooltip (fixture->view, target);

  g_assert_true (hit == march);
  g_assert_cmpstr (text, ==, "<b>March 2025</b>\nCSAT: 72.0%\nSample size: 430\n"
                             "95% interval: 69.0% – 75.0%\nTarget: 85.0%");
  g_assert_nonnull (strstr (thin, "<i>Below the minimum sample</i>"));
  g_assert_cmpstr (line, ==, "<b>Target</b> 85.0%");
  sc_chart_view_set_target_editable (fixture->view, TRUE);
  g_clear_pointer (&line, g_free);
  line = _sc_chart_view_dup_tooltip (fixture->view, target);
  g_assert_nonnull (strstr (line, "Drag to change"));
}

static gboolean
has_label (const ScChartGeometry *geometry,
           double                 value)
{
  g_autofree char *number = sc_chart_format_value (SC_CHART_UNIT_PERCENT, value, NULL);
  g_autofree char *text = g_strdup_printf ("Target %s", number);

  for (guint i = 0; i < sc_chart_geometry_get_n_labels (geometry); i++)
    if (g_strcmp0 (sc_chart_geometry_get_label (geometry, i)->text, text) == 0)
      return TRUE;

  return FALSE;
}

static void
test_drag_target (Fixture       *fixture,
                  gconstpointer  data)
{
  ScTrendPainter *painter = SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view));
  const ScChartItem *target = find_kind (fixture->view->geometry, SC_CHART_ITEM_TARGET, 4);
  const ScValueAxis *axis = sc_chart_geometry_get_value_axis (fixture->view->geometry);
  double x = target->x, y = target->y;
  double preview, step;

  /* Not editable: the line stays put. */
  g_assert_false (_sc_chart_view_drag_begin (fixture->view, x, y));

  sc_chart_view_set_target_editable (fixture->view, TRUE);
  g_assert_false (_sc_chart_view_drag_begin (fixture->view, x, y + 30));
  g_assert_true (_sc_chart_view_drag_begin (fixture->view, x, y + 2));
  _sc_chart_view_drag_update (fixture->view, 23);
  preview = sc_trend_painter_get_target_preview (painter);
  g_assert_true (isfinite (preview));
  g_assert_cmpfloat (preview, <, TARGET);
  /* Snapped to a tenth or a fifth of the tick step. */
  step = axis->step / (axis->step / axis->divisor >= 2 ? 10 : 5);
  g_assert_cmpfloat (fabs (preview / step - round (preview / step)), <, 1e-9);
  sc_ui_test_settle ();
  save_png (GTK_WIDGET (fixture->view), "chart-view-drag.png");

  /* Dragged far above the chart: up to 100%, and the axis grows to show it. */
  _sc_chart_view_drag_update (fixture->view, -10000);
  g_assert_cmpfloat (sc_trend_painter_get_target_preview (painter), ==, 100);
  sc_ui_test_settle ();
  g_assert_cmpfloat (sc_chart_geometry_get_value_axis (fixture->view->geometry)->max, >=, 100);
  g_assert_true (has_label (fixture->view->geometry, 100));
  _sc_chart_view_drag_update (fixture->view, 23);
  _sc_chart_view_drag_end (fixture->view);
  g_assert_cmpuint (fixture->targets->len, ==, 1);
  g_assert_cmpfloat (g_array_index (fixture->targets, double, 0), ==, preview);
  g_assert_false (isfinite (sc_trend_painter_get_target_preview (painter)));

  /* Escape cancels: no signal, no preview. The chart is back on its own
   * axis, and the line where it was. */
  sc_ui_test_settle ();
  g_assert_true (_sc_chart_view_drag_begin (fixture->view, x, y));
  _sc_chart_view_drag_update (fixture->view, 40);
  g_assert_true (isfinite (sc_trend_painter_get_target_preview (painter)));
  g_assert_true (press_key (GTK_WIDGET (fixture->view), GDK_KEY_Escape, 0));
  g_assert_false (isfinite (sc_trend_painter_get_target_preview (painter)));
  _sc_chart_view_drag_end (fixture->view);
  g_assert_cmpuint (fixture->targets->len, ==, 1);
  g_assert_false (press_key (GTK_WIDGET (fixture->view), GDK_KEY_Escape, 0));

  /* A drag that ends where it began changes nothing. */
  g_assert_true (_sc_chart_view_drag_begin (fixture->view, x, y));
  _sc_chart_view_drag_update (fixture->view, 0);
  _sc_chart_view_drag_end (fixture->view);
  g_assert_cmpuint (fixture->targets->len, ==, 1);
}

static const char *
cell_text (Fixture     *fixture,
           guint        row,
           ScChartCell  cell)
{
  return _sc_chart_view_get_table_cell (fixture->view, row, cell);
}

/* Every row of the table says what the series holds, in its order. */
static void
assert_table_matches (Fixture       *fixture,
                      ScChartSeries *series)
{
  ScChartUnit unit = sc_chart_series_get_unit (series);
  const char *currency = sc_chart_series_get_currency (series);

  for (guint i = 0; i < sc_chart_series_get_n_points (series); i++)
    {
      const ScChartPoint *p = sc_chart_series_get_point (series, i);
      g_autofree char *value = sc_chart_format_value (unit, p->value, currency);
      g_autofree char *n = sc_chart_format_number (p->n, 0);
      g_autofree char *target = isfinite (p->target) ? sc_chart_format_value (unit, p->target,
                                                                              currency)
                                                     : NULL;

      g_assert_cmpstr (cell_text (fixture, i, SC_CHART_CELL_VALUE), ==, value);
      g_assert_cmpstr (cell_text (fixture, i, SC_CHART_CELL_N), ==, n);
      g_assert_cmpstr (cell_text (fixture, i, SC_CHART_CELL_TARGET), ==, target);
    }
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  GtkWidget *table = GTK_WIDGET (fixture->view->table);
  GListModel *columns = gtk_column_view_get_columns (fixture->view->table);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (fixture->view->table));
  GtkWidget *focus;
  g_autoptr(GtkColumnViewColumn) series = g_list_model_get_item (columns, SC_CHART_CELL_SERIES);
  g_autoptr(GtkColumnViewColumn) target = g_list_model_get_item (columns, SC_CHART_CELL_TARGET);
  g_autoptr(GtkColumnViewColumn) baseline = g_list_model_get_item (columns, SC_CHART_CELL_BASELINE);

  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "chart.show-table", NULL));
  g_assert_true (sc_chart_view_get_show_table (fixture->view));
  g_assert_true (gtk_widget_get_visible (fixture->view->table_window));
  g_assert_false (gtk_widget_get_focusable (widget));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == table || gtk_widget_is_ancestor (focus, table));
  gtk_test_accessible_assert_property (fixture->view->table, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "CSAT as a table");

  g_assert_cmpuint (g_list_model_get_n_items (rows),
                    ==, N_MONTHS);
  assert_table_matches (fixture, sc_trend_painter_get_series (SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view)), 0));
  g_assert_cmpstr (cell_text (fixture, 0, SC_CHART_CELL_PERIOD), ==, "January 2025");
  g_assert_cmpstr (cell_text (fixture, 0, SC_CHART_CELL_VALUE), ==, "70.0%");
  g_assert_cmpstr (cell_text (fixture, 0, SC_CHART_CELL_N), ==, "410");
  g_assert_cmpstr (cell_text (fixture, 0, SC_CHART_CELL_INTERVAL), ==, "67.0% – 73.0%");
  g_assert_cmpstr (cell_text (fixture, 11, SC_CHART_CELL_TARGET), ==, "85.0%");
  g_assert_cmpstr (cell_text (fixture, 5, SC_CHART_CELL_NOTE), ==, "Below the minimum sample");
  g_assert_null (cell_text (fixture, 4, SC_CHART_CELL_NOTE));
  g_assert_false (gtk_column_view_column_get_visible (series));
  g_assert_true (gtk_column_view_column_get_visible (target));
  g_assert_false (gtk_column_view_column_get_visible (baseline));
  /* Arrow keys belong to the table now. */
  g_assert_false (press_key (widget, GDK_KEY_Right, 0));
  sc_ui_test_settle ();
  save_png (widget, "chart-view-table.png");

  g_assert_true (gtk_widget_activate_action (widget, "chart.show-table", NULL));
  g_assert_false (sc_chart_view_get_show_table (fixture->view));
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_true (gtk_widget_has_focus (widget));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!sc_chart_view_export_finish (SC_CHART_VIEW (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports synchronously; NULL error on success. */
static GError *
export_to (ScChartView *view,
           const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;

  sc_chart_view_export_async (view, file, NULL, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

static void
assert_file_starts_with (const char *path,
                         const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  ScTrendPainter *painter = SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view));
  GtkEventController *motion = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_MOTION, 0);
  g_autoptr(GdkTexture) before = render (widget);
  g_autoptr(Pixels) pixels_before = pixels_new (before);
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(Pixels) pixels_after = NULL;
  g_autofree char *tooltip = NULL;
  const ScChartItem *march = find_kind (fixture->view->geometry, SC_CHART_ITEM_POINT, 2);
  const ScChartItem *target;
  GdkRGBA a, b;

  /* Near March, not on it: the nearest point of the column is hovered. */
  move_pointer (widget, march->x + 2, march->y + 6);
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 2);
  g_assert_cmpint (sc_trend_painter_get_highlight (painter), ==, 2);
  tooltip = _sc_chart_view_dup_tooltip (fixture->view, march);
  g_assert_cmpstr (tooltip, ==, "<b>March 2025</b>\nCSAT: 72.0%\nSample size: 430\n"
                                "95% interval: 69.0% – 75.0%\nTarget: 85.0%");

  /* The crosshair: a vertical line through March, above its point. */
  after = render (widget);
  pixels_after = pixels_new (after);
  march = find_kind (fixture->view->geometry, SC_CHART_ITEM_POINT, 2);
  a = pixel_at (pixels_before, march->x, march->y - 40);
  b = pixel_at (pixels_after, march->x, march->y - 40);
  g_assert_false (gdk_rgba_equal (&a, &b));
  save_png (widget, "chart-view-hover.png");

  /* Over the target line: a resize cursor only where it can be dragged. */
  target = find_kind (fixture->view->geometry, SC_CHART_ITEM_TARGET, 6);
  g_signal_emit_by_name (motion, "motion", target->x, target->y);
  g_assert_null (gtk_widget_get_cursor (widget));
  sc_chart_view_set_target_editable (fixture->view, TRUE);
  g_signal_emit_by_name (motion, "motion", target->x, target->y + 1);
  g_assert_nonnull (gtk_widget_get_cursor (widget));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (widget)), ==, "ns-resize");

  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, -1);
  g_assert_cmpint (sc_trend_painter_get_highlight (painter), ==, -1);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  const ScChartItem *item;

  if (SC_IS_BAR_PAINTER (sc_chart_view_get_painter (fixture->view)))
    {
      /* "Social" (index 3) is the shortest bar: click its middle. */
      item = find_kind (fixture->view->geometry, SC_CHART_ITEM_BAR, 3);
      click (widget, item->area.x + item->area.width / 2, item->area.y + item->area.height / 2);
      g_assert_cmpuint (fixture->activated->len, ==, 1);
      g_assert_cmpint (GPOINTER_TO_INT (fixture->activated->pdata[0]), ==, 3);
      g_assert_cmpint (sc_chart_view_get_current (fixture->view), ==, 3);
      g_assert_true (gtk_widget_has_focus (widget));
      return;
    }

  item = find_kind (fixture->view->geometry, SC_CHART_ITEM_POINT, 7);
  click (widget, item->x, item->y);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (fixture->activated->pdata[0]), ==, 7);

  /* The target line is not a point: nothing to drill into. */
  item = find_kind (fixture->view->geometry, SC_CHART_ITEM_TARGET, 0);
  click (widget, item->x, item->y);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
}

/* The drag gesture as GTK drives it: press on the line, move, release. */
static void
test_drag_gesture (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  ScTrendPainter *painter = SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view));
  GtkEventController *drag = find_controller (widget, GTK_TYPE_GESTURE_DRAG, 1);
  const ScChartItem *target = find_kind (fixture->view->geometry, SC_CHART_ITEM_TARGET, 8);
  double x = target->x, y = target->y, preview;

  sc_chart_view_set_target_editable (fixture->view, TRUE);

  /* Pressed away from the line: no drag. */
  g_signal_emit_by_name (drag, "drag-begin", x, y + 40);
  g_signal_emit_by_name (drag, "drag-update", 0.0, 10.0);
  g_assert_false (isfinite (sc_trend_painter_get_target_preview (painter)));
  g_signal_emit_by_name (drag, "drag-end", 0.0, 10.0);
  g_assert_cmpuint (fixture->targets->len, ==, 0);

  g_signal_emit_by_name (drag, "drag-begin", x, y + 1);
  g_assert_true (gtk_widget_has_focus (widget));
  g_signal_emit_by_name (drag, "drag-update", 5.0, 30.0);
  preview = sc_trend_painter_get_target_preview (painter);
  g_assert_true (isfinite (preview));
  g_assert_cmpfloat (preview, <, TARGET);
  /* While dragging, the chart shows the new value beside the line. */
  sc_ui_test_settle ();
  g_assert_true (has_label (fixture->view->geometry, preview));
  g_signal_emit_by_name (drag, "drag-end", 5.0, 30.0);
  g_assert_cmpuint (fixture->targets->len, ==, 1);
  g_assert_cmpfloat (g_array_index (fixture->targets, double, 0), ==, preview);

  /* Escape while dragging: nothing changes. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 0.0, -30.0);
  g_assert_cmpfloat (sc_trend_painter_get_target_preview (painter), >, TARGET);
  g_assert_true (press_key (widget, GDK_KEY_Escape, 0));
  g_signal_emit_by_name (drag, "drag-end", 0.0, -30.0);
  g_assert_cmpuint (fixture->targets->len, ==, 1);
  g_assert_false (isfinite (sc_trend_painter_get_target_preview (painter)));
}

static void
test_table_bars (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  ScChartSeries *series = sc_bar_painter_get_series (SC_BAR_PAINTER (sc_chart_view_get_painter (fixture->view)));
  GListModel *columns = gtk_column_view_get_columns (fixture->view->table);
  g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, SC_CHART_CELL_PERIOD);
  GListModel *rows;

  sc_chart_view_set_show_table (fixture->view, TRUE);
  rows = G_LIST_MODEL (gtk_column_view_get_model (fixture->view->table));
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Segment");
  assert_table_matches (fixture, series);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, sc_chart_series_get_n_points (series));
  sc_ui_test_settle ();
  save_png (widget, "chart-view-bars-table.png");
}

/* Charts whose numbers the view cannot read keep showing the chart. */
static void
test_no_table (void)
{
  g_autoptr(ScNpsPainter) nps = sc_nps_painter_new ();
  g_autoptr(ScHistogramPainter) histogram = sc_histogram_painter_new ();
  g_autoptr(ScChartSeries) bins = sc_chart_series_new ("First response", SC_CHART_UNIT_COUNT);
  ScChartView *view;

  sc_nps_painter_add_row (nps, "Email", 20, 30, 50);
  view = SC_CHART_VIEW (g_object_ref_sink (sc_chart_view_new (SC_CHART_PAINTER (nps))));
  sc_chart_view_set_show_table (view, TRUE);
  g_assert_false (sc_chart_view_get_show_table (view));

  sc_chart_series_add_category (bins, "< 1 h", 120, 120);
  sc_chart_series_add_category (bins, "1–4 h", 80, 80);
  sc_histogram_painter_set_bins (histogram, bins);
  sc_chart_view_set_painter (view, SC_CHART_PAINTER (histogram));
  sc_chart_view_set_show_table (view, TRUE);
  g_assert_true (sc_chart_view_get_show_table (view));
  g_assert_cmpstr (_sc_chart_view_get_table_cell (view, 1, SC_CHART_CELL_PERIOD), ==, "1–4 h");
  g_assert_cmpstr (_sc_chart_view_get_table_cell (view, 1, SC_CHART_CELL_VALUE), ==, "80");

  /* Back to a chart without a table: the table goes. */
  sc_chart_view_set_painter (view, SC_CHART_PAINTER (nps));
  g_assert_false (sc_chart_view_get_show_table (view));

  g_assert_finalize_object (view);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  ScTrendPainter *painter = SC_TREND_PAINTER (sc_chart_view_get_painter (fixture->view));
  g_autofree char *dir = sc_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "csat.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "csat.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "csat.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "csat.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "csat.png", NULL);
  g_autoptr(GdkTexture) image = NULL;
  g_autoptr(GError) error = NULL;

  /* Hover marks stay on screen and out of files. */
  sc_trend_painter_set_highlight (painter, 4);
  g_assert_no_error (export_to (fixture->view, png));
  g_assert_no_error (export_to (fixture->view, svg));
  g_assert_no_error (export_to (fixture->view, pdf));
  g_assert_cmpint (sc_trend_painter_get_highlight (painter), ==, 4);

  assert_file_starts_with (png, "\x89PNG\r\n");
  assert_file_starts_with (svg, "<?xml");
  assert_file_starts_with (pdf, "%PDF-");
  image = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (image), ==, 2 * gtk_widget_get_width (widget));
  g_assert_cmpint (gdk_texture_get_height (image), ==, 2 * gtk_widget_get_height (widget));

  error = export_to (fixture->view, txt);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "csat.txt"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  error = export_to (fixture->view, missing);
  g_assert_error (error, SC_ERROR, SC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));

  sc_test_remove_tree (dir);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *content;
  g_autoptr(GdkTexture) texture = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_true (press_key (widget, GDK_KEY_c, GDK_CONTROL_MASK));
  sc_ui_test_settle ();
  g_assert_true (gdk_clipboard_is_local (clipboard));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  texture = g_value_dup_object (&value);
  g_value_unset (&value);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * gtk_widget_get_width (widget));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * gtk_widget_get_height (widget));
}

static void
test_empty (void)
{
  g_autoptr(ScTrendPainter) painter = sc_trend_painter_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ScChartView *view = SC_CHART_VIEW (sc_chart_view_new (SC_CHART_PAINTER (painter)));

  g_object_ref (view);
  gtk_window_set_default_size (window, 200, 120);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  while (view->geometry == NULL)
    g_main_context_iteration (NULL, TRUE);

  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No data.");
  g_assert_true (sc_chart_geometry_get_is_empty (view->geometry));
  g_assert_false (press_key (GTK_WIDGET (view), GDK_KEY_Right, 0));
  g_assert_false (press_key (GTK_WIDGET (view), GDK_KEY_Return, 0));

  gtk_window_destroy (window);
  sc_ui_test_settle ();
  g_assert_finalize_object (view);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  sc_ui_test_init (&argc, &argv);

  g_test_add_func ("/scorecard/chart-view/properties", test_properties);
  g_test_add_func ("/scorecard/chart-view/empty", test_empty);
  g_test_add ("/scorecard/chart-view/render", Fixture, NULL,
              fixture_setup, test_render, fixture_teardown);
  g_test_add ("/scorecard/chart-view/dark", Fixture, NULL,
              fixture_setup, test_dark, fixture_teardown);
  g_test_add ("/scorecard/chart-view/repaint", Fixture, NULL,
              fixture_setup, test_repaint, fixture_teardown);
  g_test_add ("/scorecard/chart-view/accessible", Fixture, NULL,
              fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/scorecard/chart-view/keyboard-trend", Fixture, NULL,
              fixture_setup, test_keyboard_trend, fixture_teardown);
  g_test_add ("/scorecard/chart-view/keyboard-bars", Fixture, make_bars,
              fixture_setup, test_keyboard_bars, fixture_teardown);
  g_test_add ("/scorecard/chart-view/tooltip", Fixture, NULL,
              fixture_setup, test_tooltip, fixture_teardown);
  g_test_add ("/scorecard/chart-view/drag-target", Fixture, NULL,
              fixture_setup, test_drag_target, fixture_teardown);
  g_test_add ("/scorecard/chart-view/table", Fixture, NULL,
              fixture_setup, test_table, fixture_teardown);
  g_test_add_func ("/scorecard/chart-view/no-table", test_no_table);
  g_test_add ("/scorecard/chart-view/hover", Fixture, NULL,
              fixture_setup, test_hover, fixture_teardown);
  g_test_add ("/scorecard/chart-view/click-trend", Fixture, NULL,
              fixture_setup, test_click, fixture_teardown);
  g_test_add ("/scorecard/chart-view/click-bars", Fixture, make_bars,
              fixture_setup, test_click, fixture_teardown);
  g_test_add ("/scorecard/chart-view/drag-gesture", Fixture, NULL,
              fixture_setup, test_drag_gesture, fixture_teardown);
  g_test_add ("/scorecard/chart-view/table-bars", Fixture, make_bars,
              fixture_setup, test_table_bars, fixture_teardown);
  g_test_add ("/scorecard/chart-view/export", Fixture, NULL,
              fixture_setup, test_export, fixture_teardown);
  g_test_add ("/scorecard/chart-view/copy", Fixture, NULL,
              fixture_setup, test_copy, fixture_teardown);

  return g_test_run ();
}
