/* sc-ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/**
 * sc_ui_test_find:
 * @widget: where to search
 * @match: what to look for
 * @data: passed to @match
 *
 * Returns: (nullable): the first widget under @widget (itself included),
 *   depth first, that @match accepts
 */
GtkWidget *
sc_ui_test_find (GtkWidget     *widget,
                 ScUiTestMatch  match,
                 gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sc_ui_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GType       type;
  const char *title;
} RowKey;

static gboolean
row_matches (GtkWidget     *widget,
             gconstpointer  data)
{
  const RowKey *key = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, key->type)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), key->title) == 0;
}

/* The preferences row of @type (an AdwPreferencesRow) titled @title. */
GtkWidget *
sc_ui_test_find_row (GtkWidget  *widget,
                     GType       type,
                     const char *title)
{
  RowKey key = { type, title };

  g_return_val_if_fail (g_type_is_a (type, ADW_TYPE_PREFERENCES_ROW), NULL);
  return sc_ui_test_find (widget, row_matches, &key);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  gboolean    whole;
} TextKey;

/* A visible label showing the text (all of it, or containing it). */
static gboolean
label_shows (GtkWidget     *widget,
             gconstpointer  data)
{
  const TextKey *key = data;
  const char *label;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  /* Visible, and so is everything between it and where the search began. */
  for (GtkWidget *w = widget; w != NULL; w = w == key->root ? NULL : gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
      return FALSE;
  label = gtk_label_get_text (GTK_LABEL (widget));
  return key->whole ? g_strcmp0 (label, key->text) == 0 : strstr (label, key->text) != NULL;
}

static gboolean
wait_for_label (GtkWidget     *widget,
                const TextKey *key)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  gboolean shown;

  while (!(shown = sc_ui_test_find (widget, label_shows, key) != NULL) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return shown;
}

/* Whether a visible label under @widget shows exactly @text. */
gboolean
sc_ui_test_shows_text (GtkWidget  *widget,
                       const char *text)
{
  TextKey key = { widget, text, TRUE };

  return sc_ui_test_find (widget, label_shows, &key) != NULL;
}

/* Whether a visible label under @widget contains @text (a toast's count
 * or an error's hint varies around what a test checks). */
gboolean
sc_ui_test_shows_part (GtkWidget  *widget,
                       const char *text)
{
  TextKey key = { widget, text, FALSE };

  return sc_ui_test_find (widget, label_shows, &key) != NULL;
}

/* Runs the main loop until @widget shows @text, for at most 20 s: what
 * loads off the main thread or slides in takes its time. */
gboolean
sc_ui_test_wait_for_text (GtkWidget  *widget,
                          const char *text)
{
  TextKey key = { widget, text, TRUE };

  return wait_for_label (widget, &key);
}

/* Likewise, until a label contains @text. */
gboolean
sc_ui_test_wait_for_part (GtkWidget  *widget,
                          const char *text)
{
  TextKey key = { widget, text, FALSE };

  return wait_for_label (widget, &key);
}

/**
 * sc_ui_test_make_empty_store:
 * @dir: a directory
 * @time_zone: (nullable): the organisation's zone to set
 *
 * Returns: (transfer full): the path of a new empty store in @dir
 */
char *
sc_ui_test_make_empty_store (const char *dir,
                             const char *time_zone)
{
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (time_zone != NULL)
    g_assert_true (sc_store_set_setting (store, "timezone", time_zone, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
mapped_of_type (GtkWidget     *widget,
                gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data) && gtk_widget_get_mapped (widget);
}

/* The first mapped widget of @type under @widget, depth first. */
GtkWidget *
sc_ui_test_find_widget (GtkWidget *widget,
                        GType      type)
{
  return sc_ui_test_find (widget, mapped_of_type, &type);
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

/* Checks that @dialog says its rows are events folded into tickets,
 * imports, and reads what the store then holds into @overview. */
void
sc_ui_test_import_folded (ScWindow        *window,
                          ScImportDialog  *dialog,
                          ScStoreOverview *overview)
{
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog),
                                        "Rows with the same id are events of one ticket, imported as one"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  sc_ui_test_wait_idle (window);
  g_assert_true (sc_store_get_overview (sc_window_get_store (window), overview, NULL));
}
