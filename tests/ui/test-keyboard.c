/* test-keyboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The views with the keyboard alone, through real key presses: the X
 * server gets them from xdotool and GTK reads them as it reads a user's.
 * Tab walks through visible widgets only and reaches the cards; Enter on
 * a card opens its trend; Ctrl+3 opens the segment explorer, the arrow
 * keys pick a bar and Enter drills into it; BackSpace goes back; Alt+Left
 * and Alt+Right move the period; Ctrl+F opens the filter popover, typing
 * searches the values and Enter adds the first match as a chip. On the
 * Targets page, Tab reaches the "By segment" dropdown and walks on into
 * the rows of its table (opening the dropdown's list is left out: under
 * Xvfb GTK 4.8 finds no monitor for its popover).
 *
 * Skips when the display is not X11 or xdotool is not installed.
 */

#include "config.h"

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "sc-chart-view.h"
#include "sc-metric-card.h"
#include "sc-segments-page.h"
#include "sc-targets-page.h"
#include "sc-test-util.h"
#include "sc-trends-page.h"
#include "sc-ui-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  ScWindow *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

static char *xdotool;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = sc_test_make_tmpdir ();
  /* With data set, the demo's targets too. */
  fixture->path = data != NULL ? sc_ui_test_make_full_demo (fixture->dir) : sc_ui_test_make_demo (fixture->dir);
  fixture->window = sc_ui_test_open_window (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_ui_test_close_window (fixture->window);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, for at most 20 s. */
static gboolean
wait_for (Fixture   *fixture,
          Condition  condition)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!condition (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, xdotool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", args[0], err);
}

/* Presses @keys, separated by spaces (xdotool's names: "Tab", "ctrl+3",
 * "Down Return"). */
static void
press (Fixture    *fixture,
       const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "30");
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, names[i]);
  g_ptr_array_add (args, NULL);
  run_xdotool ((const char * const *) args->pdata);
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  const char *args[] = { "type", "--delay", "30", text, NULL };

  run_xdotool (args);
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
is_active (Fixture *fixture)
{
  return gtk_window_is_active (GTK_WINDOW (fixture->window));
}

static gboolean
is_settled (Fixture *fixture)
{
  return !sc_window_is_busy (fixture->window);
}

static void
settle (Fixture *fixture)
{
  g_assert_true (wait_for (fixture, is_settled));
  sc_ui_test_settle ();
}

/* Gives the window the X input focus, as clicking on it would. */
static void
focus_window (Fixture *fixture)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *args[] = { "windowfocus", "--sync", xid, NULL };

  run_xdotool (args);
  g_assert_true (wait_for (fixture, is_active));
#endif
}

static gboolean
on_trends (Fixture *fixture)
{
  return g_strcmp0 (sc_window_get_page (fixture->window), "trends") == 0;
}

static gboolean
on_segments (Fixture *fixture)
{
  return g_strcmp0 (sc_window_get_page (fixture->window), "segments") == 0;
}

static gboolean
has_filter (Fixture *fixture)
{
  return sc_view_state_get_filters (sc_window_get_view_state (fixture->window))->len == 1;
}

static gboolean
has_no_filter (Fixture *fixture)
{
  return sc_view_state_get_filters (sc_window_get_view_state (fixture->window))->len == 0;
}

static gboolean
in_september (Fixture *fixture)
{
  return sc_view_state_get_from (sc_window_get_view_state (fixture->window)) ==
         sc_calendar_day_from_ymd (2026, 9, 1);
}

static gboolean
in_october (Fixture *fixture)
{
  return sc_view_state_get_from (sc_window_get_view_state (fixture->window)) ==
         sc_calendar_day_from_ymd (2026, 10, 1);
}

static gboolean
focus_in_popover (Fixture *fixture)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

/* Tab moves the focus to a widget the user can see, and reaches a card
 * within the number of widgets the header, sidebar and filters hold. */
static ScMetricCard *
tab_to_card (Fixture *fixture)
{
  GtkWidget *previous = focus_widget (fixture);

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;
      GtkWidget *card;

      press (fixture, "Tab");
      while (g_main_context_iteration (NULL, FALSE))
        ;
      sc_ui_test_settle ();
      focus = focus_widget (fixture);
      g_assert_nonnull (focus);
      g_assert_true (focus != previous);
      g_assert_true (gtk_widget_is_drawable (focus));
      card = gtk_widget_get_ancestor (focus, SC_TYPE_METRIC_CARD);
      if (card == NULL && SC_IS_METRIC_CARD (focus))
        card = focus;
      if (card != NULL)
        return SC_METRIC_CARD (card);
      /* A flow box child holds the card: its first child. */
      if (GTK_IS_FLOW_BOX_CHILD (focus))
        return SC_METRIC_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (focus)));
      previous = focus;
    }

  g_error ("Forty presses of Tab did not reach a metric card");
  return NULL;
}

static GtkWidget *
find_page (Fixture *fixture,
           GType    type)
{
  GtkWidget *page = sc_ui_test_find_widget (GTK_WIDGET (fixture->window), type);

  g_assert_nonnull (page);
  return page;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  ScViewState *state = sc_window_get_view_state (fixture->window);
  ScMetricCard *card;
  ScMetricId metric;
  ScSegmentsPage *segments;
  GtkWidget *chart;
  const ScQueryFilter *filter;
  ScDimension drilled;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    {
      g_test_skip ("the display is not X11");
      return;
    }

  focus_window (fixture);
  settle (fixture);

  /* Tab to the first card; Enter opens its trend. */
  card = tab_to_card (fixture);
  metric = sc_metric_card_get_metric (card);
  press (fixture, "Return");
  g_assert_true (wait_for (fixture, on_trends));
  settle (fixture);
  g_assert_cmpint (sc_trends_page_get_metric (SC_TRENDS_PAGE (find_page (fixture, SC_TYPE_TRENDS_PAGE))),
                   ==, metric);

  /* Alt+Left and Alt+Right move the period from anywhere. */
  press (fixture, "alt+Left");
  g_assert_true (wait_for (fixture, in_september));
  press (fixture, "alt+Right");
  g_assert_true (wait_for (fixture, in_october));
  settle (fixture);

  /* Ctrl+3: the segment explorer. Focus the chart, pick the second bar
   * with the arrow keys, drill with Enter; BackSpace goes back. */
  press (fixture, "ctrl+3");
  g_assert_true (wait_for (fixture, on_segments));
  settle (fixture);
  segments = SC_SEGMENTS_PAGE (find_page (fixture, SC_TYPE_SEGMENTS_PAGE));
  chart = sc_segments_page_get_chart (segments);
  g_assert_true (gtk_widget_get_focusable (chart));
  for (guint i = 0; i < 60 && !gtk_widget_has_focus (chart); i++)
    {
      press (fixture, "Tab");
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_true (gtk_widget_has_focus (chart));
  drilled = sc_segments_page_get_dimension (segments);
  press (fixture, "Down Down Return");
  g_assert_true (wait_for (fixture, has_filter));
  settle (fixture);
  g_assert_cmpuint (sc_segments_page_get_drill_depth (segments), ==, 1);
  filter = g_ptr_array_index (sc_view_state_get_filters (state), 0);
  g_assert_cmpint (filter->dim, ==, drilled);
  g_assert_cmpuint (filter->values->len, ==, 1);
  press (fixture, "BackSpace");
  g_assert_true (wait_for (fixture, has_no_filter));
  g_assert_cmpuint (sc_segments_page_get_drill_depth (segments), ==, 0);
  settle (fixture);

  /* Ctrl+F: the filter popover with its search focused; typing narrows
   * the values and Enter adds the first one as a chip. */
  press (fixture, "ctrl+f");
  g_assert_true (wait_for (fixture, focus_in_popover));
  settle (fixture);
  type_text (fixture, "Chat");
  sc_ui_test_settle ();
  press (fixture, "Return");
  g_assert_true (wait_for (fixture, has_filter));
  filter = g_ptr_array_index (sc_view_state_get_filters (state), 0);
  g_assert_cmpint (filter->dim, ==, SC_DIM_CHANNEL);
  g_assert_cmpuint (filter->values->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (filter->values, 0), ==, "Chat");
  settle (fixture);
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (fixture->window), "Channel: Chat"));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "keyboard-filtered.png");
}

static gboolean
on_targets (Fixture *fixture)
{
  return g_strcmp0 (sc_window_get_page (fixture->window), "targets") == 0;
}

static ScTargetsPage *
targets_page (Fixture *fixture)
{
  return SC_TARGETS_PAGE (find_page (fixture, SC_TYPE_TARGETS_PAGE));
}

static gboolean
targets_loaded (Fixture *fixture)
{
  return !sc_targets_page_is_loading (targets_page (fixture));
}

static gboolean
focus_on_segment_row (Fixture *fixture)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && g_strcmp0 (gtk_widget_get_name (focus), "segment-target") == 0;
}

static gboolean
focus_in_segment_table (Fixture *fixture)
{
  GtkWidget *focus = focus_widget (fixture);
  GtkWidget *list = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) : NULL;

  return list != NULL && gtk_widget_get_ancestor (list, SC_TYPE_TARGETS_PAGE) != NULL
         && gtk_widget_get_first_child (list) == focus;
}

static gboolean
focus_on_dimension (Fixture *fixture)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) != NULL
         && gtk_widget_get_ancestor (focus, SC_TYPE_TARGETS_PAGE) != NULL;
}

/* Presses Tab until @condition holds, at most @max times. */
static void
tab_until (Fixture   *fixture,
           Condition  condition,
           guint      max)
{
  for (guint i = 0; i < max && !condition (fixture); i++)
    {
      press (fixture, "Tab");
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_true (condition (fixture));
}

static void
test_targets_by_segment (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *dropdown;
  GtkWidget *focus;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    {
      g_test_skip ("the display is not X11");
      return;
    }

  focus_window (fixture);
  settle (fixture);
  press (fixture, "ctrl+4");
  g_assert_true (wait_for (fixture, on_targets));
  g_assert_true (wait_for (fixture, targets_loaded));
  sc_ui_test_settle ();
  g_assert_cmpint (sc_targets_page_get_segment_dimension (targets_page (fixture)), ==, SC_DIM_TEAM);

  g_assert_cmpuint (sc_targets_page_get_segment_targets (targets_page (fixture))->len, >, 0);

  /* Tab through the table of targets reaches the dropdown, then the rows
   * of the table by segment. */
  tab_until (fixture, focus_on_dimension, 200);
  focus = focus_widget (fixture);
  dropdown = sc_ui_test_find_widget (GTK_WIDGET (targets_page (fixture)), GTK_TYPE_DROP_DOWN);
  g_assert_true (focus == dropdown || gtk_widget_is_ancestor (focus, dropdown));
  tab_until (fixture, focus_in_segment_table, 4);
  /* The arrow keys move between its rows: the first of them. */
  press (fixture, "Down");
  sc_ui_test_settle ();
  g_assert_true (focus_on_segment_row (fixture));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "keyboard-targets-by-segment.png");
}

int
main (int   argc,
      char *argv[])
{
  sc_ui_test_init (&argc, &argv);
  xdotool = g_find_program_in_path ("xdotool");

  g_test_add ("/scorecard/ui/keyboard/views", Fixture, NULL, fixture_setup, test_keyboard,
              fixture_teardown);
  g_test_add ("/scorecard/ui/keyboard/targets-by-segment", Fixture, "targets", fixture_setup,
              test_targets_by_segment, fixture_teardown);

  return g_test_run ();
}
