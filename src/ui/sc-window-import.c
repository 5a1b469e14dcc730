/* sc-window-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing files into the open store: from Import… (Ctrl+O), from files
 * dropped on the window and from the command line. Each file is shown in
 * the import dialog first (export type, zone, date order, columns and a
 * preview), one after the other; what the user imports runs on its own
 * connection in a worker thread, one file after the other, with a
 * progress bar and Cancel; a cancelled or failed import leaves the store
 * as it was.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-chart-axis.h"
#include "sc-import-dialog.h"
#include "sc-importer.h"
#include "sc-imports-page.h"
#include "sc-window-private.h"

typedef struct
{
  char          *store_path;
  char          *file_path;
  char          *display_name;
  char          *preset_id;
  ScPreset      *preset;      /* columns mapped by hand, or NULL */
  char          *sheet;
  GTimeZone     *zone;
  ScDateOrder    order;
  gint64         started_us;
  /* The newest interaction after the import; set by the worker before it
   * returns. */
  gint64         last_created;
  /* Written by the worker, read by the main thread, under the lock. */
  GMutex         lock;
  guint64        rows;
  guint64        bytes;
  guint64        total_bytes;
} ImportJob;

static void start_next_import (ScWindow *self);
static void show_next_review  (ScWindow *self);

static ImportJob *
import_job_new (const char *path)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  g_mutex_init (&job->lock);
  job->display_name = g_path_get_basename (path);
  job->file_path = g_strdup (path);
  return job;
}

static void
import_job_free (ImportJob *job)
{
  g_free (job->store_path);
  g_free (job->file_path);
  g_free (job->display_name);
  g_free (job->preset_id);
  g_clear_pointer (&job->preset, sc_preset_unref);
  g_free (job->sheet);
  g_clear_pointer (&job->zone, g_time_zone_unref);
  g_mutex_clear (&job->lock);
  g_free (job);
}

/* ---- The worker -------------------------------------------------------- */

static void
progress_cb (guint64  rows,
             guint64  bytes,
             guint64  total_bytes,
             gpointer user_data)
{
  ImportJob *job = user_data;

  g_mutex_lock (&job->lock);
  job->rows = rows;
  job->bytes = bytes;
  job->total_bytes = total_bytes;
  g_mutex_unlock (&job->lock);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScImporter) importer = NULL;
  ScImportResult *result;

  /* A connection of its own: the import is one transaction, which the
   * window's connection must not see half-way. */
  store = sc_store_open (job->store_path, SC_STORE_OPEN_TRUSTED | SC_STORE_OPEN_SINGLE_THREAD,
                         &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  importer = sc_importer_new (store);
  sc_importer_set_progress_func (importer, progress_cb, job, NULL);
  sc_importer_set_preset (importer, job->preset_id);
  sc_importer_set_preset_object (importer, job->preset);
  sc_importer_set_sheet (importer, job->sheet);
  sc_importer_set_time_zone (importer, job->zone);
  sc_importer_set_date_order (importer, job->order);
  result = sc_importer_run (importer, job->file_path, cancellable, &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Here rather than on the main thread: counting a large store takes a
   * moment. */
  {
    ScStoreOverview overview;

    job->last_created = sc_store_get_overview (store, &overview, NULL)
                        ? overview.last_created : SC_MISSING;
  }
  g_task_return_pointer (task, result, (GDestroyNotify) sc_import_result_free);
}

/* ---- Progress ---------------------------------------------------------- */

static gboolean
update_progress_cb (gpointer user_data)
{
  ScWindow *self = user_data;
  ImportJob *job = g_object_get_data (G_OBJECT (self->import_revealer), "sc-job");
  guint64 rows, bytes, total;
  double elapsed, fraction;
  g_autofree char *rows_text = NULL;
  g_autofree char *text = NULL;

  if (job == NULL)
    return G_SOURCE_CONTINUE;
  g_mutex_lock (&job->lock);
  rows = job->rows;
  bytes = job->bytes;
  total = job->total_bytes;
  g_mutex_unlock (&job->lock);
  elapsed = (g_get_monotonic_time () - job->started_us) / (double) G_USEC_PER_SEC;
  fraction = total > 0 ? CLAMP (bytes / (double) total, 0, 1) : 0;
  rows_text = sc_chart_format_number ((double) rows, 0);

  if (fraction > 0.02 && elapsed > 1)
    {
      int left = (int) (elapsed / fraction - elapsed + 0.5);

      /* Translators: "Importing tickets.csv — 120,000 rows, 12,000 rows/s, about 9 s left" */
      text = g_strdup_printf (_("Importing %s — %s rows, %.0f rows/s, about %d s left"),
                              job->display_name, rows_text, rows / elapsed, left);
    }
  else
    text = g_strdup_printf (_("Importing %s — %s rows"), job->display_name, rows_text);

  gtk_label_set_text (self->import_label, text);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->import_progress, fraction);
  else
    gtk_progress_bar_pulse (self->import_progress);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (ScWindow *self)
{
  g_clear_handle_id (&self->import_progress_id, g_source_remove);
  g_object_set_data (G_OBJECT (self->import_revealer), "sc-job", NULL);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

/* ---- Results ----------------------------------------------------------- */

static void
show_import_error (ScWindow     *self,
                   const char   *display_name,
                   const GError *error)
{
  g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), display_name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_import_result (ScWindow             *self,
                    const char           *display_name,
                    const ScImportResult *result)
{
  const ScImportCounts *c = &result->counts;
  g_autofree char *counts = sc_import_counts_describe (c);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: "tickets.csv: 1,200 new, 30 updated, 900 unchanged, 5 rejected" */
  title = g_strdup_printf (_("%s: %s"), display_name, counts);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, c->rejected > 0 ? _("Show Rejected Rows") : _("Show"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("imports"));
  sc_window_add_toast (self, toast);
}

static void
import_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) import_result = g_task_propagate_pointer (G_TASK (result), &error);
  ImportJob *job = g_task_get_task_data (G_TASK (result));

  stop_progress (self);
  g_clear_object (&self->import_cancellable);

  if (import_result != NULL)
    {
      _sc_window_set_last_created (self, job->last_created);
      show_import_result (self, job->display_name, import_result);
      if (import_result->counts.inserted + import_result->counts.updated > 0)
        _sc_window_show_imported_loading (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sc_window_add_toast (self, adw_toast_new (_("Import cancelled; nothing was changed")));
  else
    show_import_error (self, job->display_name, error);

  if (self->store != NULL)
    _sc_window_reload (self);
  start_next_import (self);
}

/* ---- Starting ---------------------------------------------------------- */

static void
start_next_import (ScWindow *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->import_cancellable != NULL || self->store == NULL)
    return;
  job = g_queue_pop_head (&self->import_queue);
  if (job == NULL)
    return;

  job->store_path = g_strdup (sc_store_get_path (self->store));
  job->started_us = g_get_monotonic_time ();

  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->import_cancellable, import_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_next_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  g_object_set_data (G_OBJECT (self->import_revealer), "sc-job", job);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  update_progress_cb (self);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);
  self->import_progress_id = g_timeout_add (100, update_progress_cb, self);

  g_task_run_in_thread (task, import_thread);
}

/**
 * sc_window_import_file:
 * @self: a window
 * @path: an export to import
 *
 * Queues @path for import into the open store (or the one being opened)
 * with the detected preset and the store's zone, without the dialog.
 */
void
sc_window_import_file (ScWindow   *self,
                       const char *path)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_queue_push_tail (&self->import_queue, import_job_new (path));
  start_next_import (self);
}

void
_sc_window_start_imports (ScWindow *self)
{
  start_next_import (self);
  show_next_review (self);
}

/* ---- The import dialog ------------------------------------------------- */

static void
dialog_import_cb (ScWindow       *self,
                  ScImportDialog *dialog)
{
  ImportJob *job = import_job_new (sc_import_dialog_get_file_path (dialog));
  GTimeZone *zone = sc_import_dialog_get_time_zone (dialog);

  job->preset_id = g_strdup (sc_import_dialog_get_preset_id (dialog));
  if (sc_import_dialog_get_preset (dialog) != NULL)
    job->preset = sc_preset_ref (sc_import_dialog_get_preset (dialog));
  job->sheet = g_strdup (sc_import_dialog_get_sheet (dialog));
  job->zone = zone != NULL ? g_time_zone_ref (zone) : NULL;
  job->order = sc_import_dialog_get_date_order (dialog);
  g_queue_push_tail (&self->import_queue, job);
  start_next_import (self);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
dialog_failed_cb (ScWindow       *self,
                  const GError   *error,
                  ScImportDialog *dialog)
{
  g_autofree char *name = g_path_get_basename (sc_import_dialog_get_file_path (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  show_import_error (self, name, error);
}

static void
dialog_destroyed_cb (ScWindow *self)
{
  self->import_dialog = NULL;
  show_next_review (self);
}

/* Shows the next file waiting for the dialog, once a store is open. */
static void
show_next_review (ScWindow *self)
{
  g_autofree char *path = NULL;
  ScImportDialog *dialog;

  if (self->import_dialog != NULL || self->store == NULL)
    return;
  path = g_queue_pop_head (&self->import_reviews);
  if (path == NULL)
    return;
  dialog = sc_import_dialog_new (GTK_WINDOW (self), sc_store_get_path (self->store), path);
  self->import_dialog = GTK_WIDGET (dialog);
  g_signal_connect_object (dialog, "import", G_CALLBACK (dialog_import_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (dialog_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _sc_window_review_import:
 * @self: a window
 * @path: an export to import
 *
 * Shows @path in the import dialog (after the files already waiting for
 * it, and once a store is open); the user imports it from there.
 */
void
_sc_window_review_import (ScWindow   *self,
                          const char *path)
{
  g_queue_push_tail (&self->import_reviews, g_strdup (path));
  show_next_review (self);
}

/* ---- Actions and drops ------------------------------------------------- */

static void
import_chosen_cb (ScWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            _sc_window_review_import (self, path);
        }
    }
  g_clear_object (&self->import_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  static const char * const exports[] = { "*.csv", "*.CSV", "*.tsv", "*.txt", "*.xlsx", "*.xls", NULL };
  static const char * const everything[] = { "*", NULL };

  g_clear_object (&self->import_chooser);
  self->import_chooser = gtk_file_chooser_native_new (_("Import Exports"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->import_chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (self->import_chooser), _("Exports (CSV, Excel)"), exports);
  add_filter (GTK_FILE_CHOOSER (self->import_chooser), _("All files"), everything);
  g_signal_connect_object (self->import_chooser, "response", G_CALLBACK (import_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  g_cancellable_cancel (self->import_cancellable);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ScWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        sc_window_open_path (self, path);
    }
  return files != NULL;
}

void
_sc_window_class_add_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}

void
_sc_window_init_import (ScWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_queue_init (&self->import_queue);
  g_queue_init (&self->import_reviews);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

void
_sc_window_dispose_import (ScWindow *self)
{
  g_clear_handle_id (&self->import_progress_id, g_source_remove);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import_chooser);
  g_queue_clear_full (&self->import_queue, (GDestroyNotify) import_job_free);
  g_queue_clear_full (&self->import_reviews, g_free);
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
}
