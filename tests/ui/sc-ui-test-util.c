/* sc-ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sc-demo.h"
#include "sc-ui-test-util.h"

/**
 * sc_ui_test_init:
 *
 * gtk_test_init() and what GtkApplication does for the app: libadwaita,
 * the icons in the resources and the application's style sheet.
 */
void
sc_ui_test_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static char *
make_demo (const char *dir,
           gboolean    targets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  char *path = g_build_filename (dir, "demo.sqlite", NULL);
  ScDemoOptions options;

  store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sc_demo_options_init (&options);
  options.end_year = 2026;
  options.end_month = 10;
  options.targets = targets;
  g_assert_true (sc_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/**
 * sc_ui_test_make_demo:
 * @dir: a directory
 *
 * Writes the demo organisation ending in October 2026 into @dir, without
 * its targets: the tests set the targets they check.
 *
 * Returns: (transfer full): the store's path
 */
char *
sc_ui_test_make_demo (const char *dir)
{
  return make_demo (dir, FALSE);
}

/**
 * sc_ui_test_make_full_demo:
 * @dir: a directory
 *
 * Writes the demo organisation as the app opens it, year targets included.
 *
 * Returns: (transfer full): the store's path
 */
char *
sc_ui_test_make_full_demo (const char *dir)
{
  return make_demo (dir, TRUE);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * sc_ui_test_wait_idle:
 * @window: a window
 *
 * Runs the main loop until the window is shown and computes nothing,
 * failing after 60 s.
 */
void
sc_ui_test_wait_idle (ScWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!(gtk_widget_get_mapped (GTK_WIDGET (window)) && !sc_window_is_busy (window))
         && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

ScWindow *
sc_ui_test_open_window (const char *store_path)
{
  ScWindow *window = sc_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sc_window_open_store (window, store_path, FALSE);
  sc_ui_test_wait_idle (window);
  return window;
}

void
sc_ui_test_close_window (ScWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  sc_ui_test_settle ();
}

/* Lets a few frames pass so that layout and drawing settle. */
void
sc_ui_test_settle (void)
{
  gboolean timed_out = FALSE;

  g_timeout_add (300, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * sc_ui_test_save_png:
 * @widget: a realized widget
 * @name: the file's name in the build's screenshots directory
 *
 * Renders @widget as it is on screen, for a person to look at.
 */
void
sc_ui_test_save_png (GtkWidget  *widget,
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

  sc_ui_test_settle ();
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
gboolean
sc_ui_test_shows_text (GtkWidget  *widget,
                       const char *text)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (sc_ui_test_shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* Runs the main loop until @widget shows @text, for at most 20 s: what
 * loads off the main thread or slides in takes its time. */
gboolean
sc_ui_test_wait_for_text (GtkWidget  *widget,
                          const char *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  gboolean shown;

  while (!(shown = sc_ui_test_shows_text (widget, text)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return shown;
}

/* The first mapped widget of @type under @widget, depth first. */
GtkWidget *
sc_ui_test_find_widget (GtkWidget *widget,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sc_ui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until @dialog shows a preview, for at most 60 s. */
void
sc_ui_test_wait_for_preview (ScImportDialog *dialog)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!(gtk_widget_get_mapped (GTK_WIDGET (dialog)) && !sc_import_dialog_is_loading (dialog))
         && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  /* Past laying out what it shows. */
  sc_ui_test_settle ();
}

/* The import dialog the window shows for a dropped or chosen file, once
 * it shows the file's preview; %NULL when none comes up within 20 s. */
ScImportDialog *
sc_ui_test_wait_for_import_dialog (void)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  ScImportDialog *dialog = NULL;

  while (dialog == NULL && !timed_out)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (SC_IS_IMPORT_DIALOG (window))
            dialog = SC_IMPORT_DIALOG (window);
        }
      if (dialog == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (id);
  if (dialog != NULL)
    sc_ui_test_wait_for_preview (dialog);
  return dialog;
}
