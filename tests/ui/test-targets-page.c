/* test-targets-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Targets page in the real window on the demo store: a target typed
 * in the table is saved and its status shown, a bad value is refused with
 * a message and nothing saved, undo and redo put the store back and
 * forth, and the page renders to PNG in light and dark.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sc-demo.h"
#include "sc-targets-page.h"
#include "sc-test-util.h"
#include "sc-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  ScWindow      *window;
  ScTargetsPage *page;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!done (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
settle (void)
{
  gboolean timed_out = FALSE;

  g_timeout_add (300, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
window_loaded (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) && !sc_window_is_busy (fixture->window);
}

static gboolean
page_loaded (Fixture *fixture)
{
  return !sc_targets_page_is_loading (fixture->page);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a visible label under @widget contains @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  ScDemoOptions options;

  fixture->dir = sc_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "demo.sqlite", NULL);
  store = sc_store_open (fixture->path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sc_demo_options_init (&options);
  options.end_year = 2026;
  options.end_month = 10;
  g_assert_true (sc_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  fixture->window = sc_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sc_window_open_store (fixture->window, fixture->path, FALSE);
  wait_for (window_loaded, fixture);
  fixture->page = SC_TARGETS_PAGE (find_type (GTK_WIDGET (fixture->window), SC_TYPE_TARGETS_PAGE));
  g_assert_nonnull (fixture->page);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots", NULL);
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  settle ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Wrote %s", file);
}

/* The CSAT target for 2026 in force now, NaN when there is none. */
static double
stored_csat (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = sc_store_list_targets (sc_window_get_store (fixture->window),
                                                        SC_MISSING, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];

      if (t->metric == SC_METRIC_CSAT && t->segment[0] == '\0' && t->period.kind == SC_TARGET_PERIOD_YEAR)
        return t->value;
    }
  return NAN;
}

static GtkEditable *
csat_entry (Fixture *fixture)
{
  GtkWidget *entry = find_named (GTK_WIDGET (fixture->page), "target-csat");

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Types @text into the CSAT target and presses Enter. */
static void
type_csat (Fixture    *fixture,
           const char *text)
{
  GtkEditable *entry = csat_entry (fixture);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  wait_for (page_loaded, fixture);
  settle ();
}

static void
undo_redo (Fixture    *fixture,
           const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  wait_for (page_loaded, fixture);
  settle ();
}

static void
test_edit_undo_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ScTargetHistory *history;

  gtk_widget_activate_action (window, "win.show-page", "s", "targets");
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "targets");
  /* October 2026, the demo's last month (what the shared picker will set). */
  sc_targets_page_set_period (fixture->page, sc_calendar_day_from_ymd (2026, 10, 1),
                              sc_calendar_day_from_ymd (2026, 10, 31));
  wait_for (page_loaded, fixture);
  settle ();
  g_assert_true (shows_text (page, "October 2026"));
  g_assert_true (shows_text (page, "No targets apply to this month yet."));
  g_assert_true (isnan (stored_csat (fixture)));
  history = sc_targets_page_get_history (fixture->page);
  g_assert_false (sc_target_history_get_can_undo (history));

  /* A value out of range is refused where it was typed; nothing is saved. */
  gtk_editable_set_text (csat_entry (fixture), "150%");
  g_signal_emit_by_name (csat_entry (fixture), "activate");
  g_assert_false (sc_targets_page_is_loading (fixture->page));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (csat_entry (fixture)), "error"));
  g_assert_true (shows_text (page, "CSAT is a percentage from 0 to 100; 150% is outside"));
  g_assert_true (isnan (stored_csat (fixture)));
  g_assert_false (sc_target_history_get_can_undo (history));
  save_png (window, "targets-error.png");

  /* A target typed with its unit is saved at once, for the year. */
  type_csat (fixture, "90 %");
  g_assert_cmpfloat (stored_csat (fixture), ==, 90);
  g_assert_cmpstr (gtk_editable_get_text (csat_entry (fixture)), ==, "90%");
  g_assert_true (shows_text (page, "All · target for 2026"));
  g_assert_true (shows_text (page, "of 1 target met"));
  g_assert_true (sc_target_history_get_can_undo (history));
  /* The demo's CSAT is well below 90 %: missed or at risk, never met. */
  g_assert_false (shows_text (page, "1 of 1 target met"));

  /* A realistic target, then undo twice and redo once. */
  type_csat (fixture, "60");
  g_assert_cmpfloat (stored_csat (fixture), ==, 60);
  g_assert_true (shows_text (page, "1 of 1 target met"));
  save_png (window, "targets.png");

  undo_redo (fixture, "targets.undo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 90);
  g_assert_cmpstr (gtk_editable_get_text (csat_entry (fixture)), ==, "90%");
  undo_redo (fixture, "targets.undo");
  g_assert_true (isnan (stored_csat (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (csat_entry (fixture)), ==, "");
  g_assert_false (sc_target_history_get_can_undo (history));
  g_assert_true (sc_target_history_get_can_redo (history));
  undo_redo (fixture, "targets.redo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 90);
  undo_redo (fixture, "targets.redo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 60);
  g_assert_false (sc_target_history_get_can_redo (history));

  /* Emptying the entry removes the target; undo brings it back. */
  type_csat (fixture, "");
  g_assert_true (isnan (stored_csat (fixture)));
  undo_redo (fixture, "targets.undo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 60);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  save_png (window, "targets-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/scorecard/ui/targets-page/edit-undo-redo", Fixture, NULL, fixture_setup,
              test_edit_undo_redo, fixture_teardown);

  return g_test_run ();
}
