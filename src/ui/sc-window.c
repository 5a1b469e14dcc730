/* sc-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a sidebar of pages beside the page itself, in a leaflet
 * that folds on narrow screens. The store is opened off the main thread;
 * until it is, the content shows a loading, error or empty state.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dashboard-page.h"
#include "sc-demo.h"
#include "sc-facts-file.h"
#include "sc-imports-page.h"
#include "sc-window-private.h"

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  const char *empty_title;
  const char *empty_description;
} PageInfo;

/* The order of the sidebar and of Ctrl+1…5. Pages whose views are not
 * built yet say so plainly instead of showing numbers. */
static const PageInfo pages[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", NULL, NULL },
  { "trends", N_("Trends"), "utilities-system-monitor-symbolic", NULL, NULL },
  { "segments", N_("Segments"), "view-list-bullet-symbolic", NULL, NULL },
  { "targets", N_("Targets"), "emblem-default-symbolic", NULL, NULL },
  { "imports", N_("Imports"), "document-open-recent-symbolic", NULL, NULL },
};

/* ---- Opening a store (off the main thread) ---------------------------- */

typedef struct
{
  char     *path;
  gboolean  demo;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

typedef struct
{
  ScStore  *store;
  ScEngine *engine;
  gint32    latest_month;
} Opened;

static void
opened_free (Opened *opened)
{
  g_clear_object (&opened->store);
  g_clear_object (&opened->engine);
  g_free (opened);
}

/* The last complete month of a store whose newest interaction was
 * created at @last_created, or 0 when it has none. Any thread. */
static gint32
latest_month_for (ScStore *store,
                  gint64   last_created)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (last_created == SC_MISSING)
    return 0;
  zone = sc_store_dup_time_zone (store);
  return sc_latest_complete_month (last_created, g_get_real_time () / G_USEC_PER_SEC, zone);
}

static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *cache_path = NULL;
  ScStoreOverview overview;
  Opened *opened;

  store = sc_store_open (data->path, SC_STORE_OPEN_CREATE | SC_STORE_OPEN_LOCK, &error);
  if (store != NULL && data->demo && sc_store_get_overview (store, &overview, &error)
      && overview.interactions == 0)
    {
      ScDemoOptions options;

      sc_demo_options_init (&options);
      sc_demo_generate (store, &options, cancellable, NULL, &error);
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  opened = g_new0 (Opened, 1);
  opened->engine = sc_engine_new (store);
  cache_path = sc_facts_file_path_for_store (store);
  sc_engine_set_cache_file (opened->engine, cache_path);
  opened->store = g_steal_pointer (&store);
  /* Load the fact cache here, while the window still shows "Opening…". */
  if (sc_engine_ensure_facts (opened->engine, &error) == NULL
      || !sc_store_get_overview (opened->store, &overview, &error))
    {
      opened_free (opened);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  opened->latest_month = latest_month_for (opened->store, overview.last_created);
  g_task_return_pointer (task, opened, (GDestroyNotify) opened_free);
}

/* After an import: the latest month follows the data, and a store that
 * had none shows the latest month of what came in, as opening it would
 * (rather than "All data", which shows no metrics). */
void
_sc_window_set_last_created (ScWindow *self,
                             gint64    last_created)
{
  gint32 before = self->latest_month;

  if (self->store == NULL || last_created == SC_MISSING)
    return;
  self->latest_month = latest_month_for (self->store, last_created);
  if (before == 0 && self->latest_month != 0)
    sc_view_state_set_period (self->view_state, SC_PERIOD_MONTH, self->latest_month, 0);
}

static void
show_error (ScWindow     *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->state_stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
}

static void
dashboard_loaded_cb (ScWindow *self,
                     gboolean  has_data)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), has_data);
  gtk_stack_set_visible_child_name (self->state_stack, has_data ? "pages" : "empty");
}

static void
dashboard_failed_cb (ScWindow   *self,
                     const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (SC_ERROR, SC_ERROR_FAILED, message);

  show_error (self, error);
}

/* After an import into a store that showed no data yet, until its rows
 * are loaded: they take a moment, which the window says rather than "No
 * Service Data Yet". */
void
_sc_window_show_imported_loading (ScWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "empty") != 0)
    return;
  adw_status_page_set_title (self->loading_page, _("Loading the Imported Data…"));
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
}

void
_sc_window_reload (ScWindow *self)
{
  sc_dashboard_page_reload (self->dashboard_page);
  sc_segments_page_reload (self->segments_page);
  sc_imports_page_set_store (self->imports_page, self->store);
  sc_targets_page_reload (self->targets_page);
}

static void
open_store_ready_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Opened *opened = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *basename = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (opened == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->store, opened->store);
  g_set_object (&self->engine, opened->engine);
  self->latest_month = opened->latest_month;
  opened_free (opened);
  _sc_window_set_views_store (self);
  sc_dashboard_page_set_store (self->dashboard_page, self->store, self->engine);
  sc_trends_page_set_engine (self->trends_page, self->engine);
  sc_segments_page_set_engine (self->segments_page, self->engine);
  sc_targets_page_set_store (self->targets_page, self->store, self->engine);
  /* One undo history for every edit of targets; the views follow it. */
  sc_dashboard_page_set_target_history (self->dashboard_page,
                                        sc_targets_page_get_history (self->targets_page));
  sc_trends_page_set_target_history (self->trends_page, sc_targets_page_get_history (self->targets_page));
  basename = g_path_get_basename (sc_store_get_path (self->store));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  sc_imports_page_set_store (self->imports_page, self->store);
  _sc_window_start_imports (self);
}

/**
 * sc_window_open_store:
 * @self: a window
 * @path: the store's file; created when missing
 * @demo: fill an empty store with the demo organisation
 *
 * Opens @path off the main thread, replacing the store shown. A store
 * that cannot be opened shows why, with the choice to open or create
 * another; nothing is written to it.
 */
void
sc_window_open_store (ScWindow   *self,
                      const char *path,
                      gboolean    demo)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  /* Release the current store (and its lock) before opening another, so
   * that re-opening the same file works. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = 0;
  sc_imports_page_set_store (self->imports_page, NULL);
  sc_dashboard_page_set_store (self->dashboard_page, NULL, NULL);
  sc_trends_page_set_engine (self->trends_page, NULL);
  sc_segments_page_set_engine (self->segments_page, NULL);
  sc_targets_page_set_store (self->targets_page, NULL, NULL);
  sc_dashboard_page_set_target_history (self->dashboard_page, NULL);
  sc_trends_page_set_target_history (self->trends_page, NULL);
  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  self->latest_month = 0;
  _sc_window_set_views_store (self);

  adw_status_page_set_title (self->loading_page,
                             demo ? _("Preparing the Demo Organisation…") : _("Opening…"));
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);

  if (!demo)
    g_settings_set_string (self->settings, "last-store", path);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->demo = demo;
  task = g_task_new (self, self->cancellable, open_store_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, sc_window_open_store);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  self->busy++;
  g_task_run_in_thread (task, open_store_thread);
}

static gboolean
is_store_file (const char *path)
{
  static const char * const suffixes[] = { ".sqlite", ".sqlite3", ".db", ".scorecard" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

/**
 * sc_window_open_path:
 * @self: a window
 * @path: a file given on the command line or dropped on the window
 *
 * Opens a store file, or shows an export in the import dialog for the
 * open store (opening the last store first when none is open).
 */
void
sc_window_open_path (ScWindow   *self,
                     const char *path)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (is_store_file (path))
    {
      sc_window_open_store (self, path, FALSE);
      return;
    }
  if (self->store == NULL && self->busy == 0)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-store");
      g_autofree char *store_path = last[0] ? g_steal_pointer (&last) : sc_store_default_path ();

      sc_window_open_store (self, store_path, FALSE);
    }
  _sc_window_review_import (self, path);
}

/* ---- Pages ------------------------------------------------------------- */

static GtkWidget *
make_sidebar_row (const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  return row;
}

static GtkWidget *
make_page (ScWindow       *self,
           const PageInfo *info)
{
  GtkWidget *status;

  if (g_str_equal (info->name, "dashboard"))
    {
      self->dashboard_page = sc_dashboard_page_new ();
      g_signal_connect_object (self->dashboard_page, "loaded",
                               G_CALLBACK (dashboard_loaded_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->dashboard_page, "failed",
                               G_CALLBACK (dashboard_failed_cb), self, G_CONNECT_SWAPPED);
      return GTK_WIDGET (self->dashboard_page);
    }
  if (g_str_equal (info->name, "trends"))
    return GTK_WIDGET (self->trends_page = sc_trends_page_new ());
  if (g_str_equal (info->name, "segments"))
    return GTK_WIDGET (self->segments_page = sc_segments_page_new ());
  if (g_str_equal (info->name, "imports"))
    return GTK_WIDGET (self->imports_page = sc_imports_page_new ());
  if (g_str_equal (info->name, "targets"))
    return GTK_WIDGET (self->targets_page = sc_targets_page_new ());

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), info->icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _(info->empty_title));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), _(info->empty_description));
  return status;
}

static void
build_pages (ScWindow *self)
{
  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkStackPage *page;

      gtk_list_box_append (self->sidebar, make_sidebar_row (&pages[i]));
      page = gtk_stack_add_titled (self->page_stack, make_page (self, &pages[i]),
                                   pages[i].name, _(pages[i].title));
      gtk_stack_page_set_icon_name (page, pages[i].icon);
    }
}

static const PageInfo *
find_page (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

void
sc_window_show_page (ScWindow   *self,
                     const char *name)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  if (find_page (name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->page_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

const char *
sc_window_get_page (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

static void
page_changed_cb (ScWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);
  const PageInfo *info = find_page (name);
  GtkWidget *row;

  if (info == NULL)
    return;
  g_settings_set_string (self->settings, "last-page", name);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
}

static void
sidebar_row_activated_cb (ScWindow      *self,
                          GtkListBoxRow *row)
{
  sc_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
back_clicked_cb (ScWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- Actions ----------------------------------------------------------- */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->sidebar)))
    sc_window_show_page (self, g_variant_get_string (parameter, NULL));
}

static void
store_chosen_cb (ScWindow             *self,
                 int                   response,
                 GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    sc_window_open_store (self, path, FALSE);
  g_clear_object (&self->chooser);
}

static void
choose_store (ScWindow             *self,
              GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (save ? _("New Store") : _("Open Store"),
                                               GTK_WINDOW (self), action,
                                               save ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Scorecard stores"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "scorecard.sqlite");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (store_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_store_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_store (SC_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

/* A new store is never made by overwriting: a chosen file that exists is
 * opened as a store (and refused when it is not one). */
static void
new_store_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_store (SC_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* ---- Window state ------------------------------------------------------ */

static gboolean
sc_window_close_request (GtkWindow *window)
{
  ScWindow *self = SC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  _sc_window_dispose_import (self);
  _sc_window_dispose_views (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
add_page_shortcuts (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", pages[i].name);
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  window_class->close_request = sc_window_close_request;

  g_type_ensure (SC_TYPE_DASHBOARD_PAGE);
  g_type_ensure (SC_TYPE_IMPORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, import_progress);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-store", NULL, open_store_action);
  gtk_widget_class_install_action (widget_class, "win.new-store", NULL, new_store_action);
  _sc_window_class_add_import (widget_class);
  _sc_window_class_add_review (widget_class);
  _sc_window_class_add_views (widget_class);

  add_page_shortcuts (widget_class);
}

static void
sc_window_init (ScWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  build_pages (self);
  _sc_window_init_import (self);
  _sc_window_init_views (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  gtk_stack_set_visible_child_name (self->page_stack, find_page (last_page) ? last_page : "dashboard");
  page_changed_cb (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ScWindow *
sc_window_new (ScApplication *application)
{
  return g_object_new (SC_TYPE_WINDOW, "application", application, NULL);
}

ScStore *
sc_window_get_store (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
sc_window_is_busy (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);

  return self->busy > 0 || sc_dashboard_page_is_loading (self->dashboard_page)
         || sc_trends_page_is_loading (self->trends_page)
         || sc_segments_page_is_loading (self->segments_page)
         || self->import_cancellable != NULL
         || !g_queue_is_empty (&self->import_queue);
}

/**
 * sc_window_get_toast_overlay:
 * @self: the window
 *
 * Returns: (transfer none): where the window's toasts show
 */
AdwToastOverlay *
sc_window_get_toast_overlay (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

void
sc_window_add_toast (ScWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
