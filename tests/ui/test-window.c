/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real window on the demo store, visits every page, checks the
 * numbers it shows against the store, and renders it to PNG in light and
 * dark (the README's screenshot comes from here).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sc-chart-axis.h"
#include "sc-demo.h"
#include "sc-test-util.h"
#include "sc-window.h"

typedef struct
{
  char     *dir;
  char     *path;
  ScWindow *window;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, failing after 30 s. */
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

/* Lets a few frames pass so that layout and drawing settle. */
static void
settle (void)
{
  gboolean timed_out = FALSE;

  g_timeout_add (300, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
loaded (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) && !sc_window_is_busy (fixture->window);
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
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sc_window_open_store (fixture->window, fixture->path, FALSE);
  wait_for (loaded, fixture);
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

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("Wrote %s", file);
}

/* Whether a visible label under @widget shows exactly @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const names[] = { "dashboard", "trends", "segments", "targets", "imports" };
  ScWindow *window = fixture->window;

  ScStoreOverview overview;
  g_autofree char *count = NULL;

  /* The dashboard shows the store's own numbers. */
  g_assert_nonnull (sc_window_get_store (window));
  g_assert_true (sc_store_get_overview (sc_window_get_store (window), &overview, NULL));
  count = sc_chart_format_number ((double) overview.interactions, 0);
  g_assert_true (shows_text (GTK_WIDGET (window), count));
  g_assert_true (shows_text (GTK_WIDGET (window), "1 Nov 2024 – 31 Oct 2026"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Northwind Support"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s.png", names[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      g_assert_cmpstr (sc_window_get_page (window), ==, names[i]);
      settle ();
      save_png (GTK_WIDGET (window), png);
    }

  /* Ctrl+1 is the dashboard again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  g_assert_cmpstr (sc_window_get_page (window), ==, "dashboard");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  save_png (GTK_WIDGET (window), "dashboard-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/scorecard/ui/window/pages", Fixture, NULL, fixture_setup, test_pages,
              fixture_teardown);

  return g_test_run ();
}
