/* sc-imports-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import history: every import with what it did, newest first.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-chart-axis.h"
#include "sc-imports-page.h"
#include "sc-preset.h"

struct _ScImportsPage
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkListBox   *history_list;

  GCancellable *cancellable;
  ScStore      *store;
  guint         n_imports;
};

/* Rejected rows shown under an import before "and N more". */
#define MAX_SHOWN_REJECTS 500

G_DEFINE_FINAL_TYPE (ScImportsPage, sc_imports_page, GTK_TYPE_WIDGET)

/**
 * sc_import_counts_describe:
 * @counts: what an import did
 *
 * Returns: (transfer full): "1,200 new, 30 updated, 900 unchanged, 5
 *   rejected", the counts grouped in thousands
 */
char *
sc_import_counts_describe (const ScImportCounts *counts)
{
  g_autofree char *inserted = sc_chart_format_value (SC_CHART_UNIT_COUNT, counts->inserted, NULL);
  g_autofree char *updated = sc_chart_format_value (SC_CHART_UNIT_COUNT, counts->updated, NULL);
  g_autofree char *unchanged = sc_chart_format_value (SC_CHART_UNIT_COUNT, counts->unchanged, NULL);
  g_autofree char *rejected = sc_chart_format_value (SC_CHART_UNIT_COUNT, counts->rejected, NULL);

  /* Translators: "1,200 new, 30 updated, 900 unchanged, 5 rejected" */
  return g_strdup_printf (_("%s new, %s updated, %s unchanged, %s rejected"),
                          inserted, updated, unchanged, rejected);
}

static char *
describe_record (const ScImportRecord *record)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (record->started_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  /* Translators: when an import ran; see g_date_time_format(). */
  g_autofree char *when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
  g_autofree char *counts = sc_import_counts_describe (&record->counts);

  /* Translators: "3 Nov 2026, 09:12 · zendesk · 120 new, 4 updated, 900 unchanged, 2 rejected" */
  return g_strdup_printf (_("%s · %s · %s"), when,
                          record->preset ? record->preset : record->source, counts);
}

static GtkWidget *
make_reject_row (const ScReject *reject)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *value = reject->value ? g_utf8_make_valid (reject->value, -1) : NULL;

  /* Translators: "Line 12 · Created at" */
  title = reject->column
          ? g_strdup_printf (_("Line %" G_GINT64_FORMAT " · %s"), reject->line, reject->column)
          : g_strdup_printf (_("Line %" G_GINT64_FORMAT), reject->line);
  /* The reason often quotes the value already. */
  subtitle = value && value[0] && strstr (reject->reason, value) == NULL
             ? g_strdup_printf ("%s — “%s”", reject->reason, value)
             : g_strdup (reject->reason);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
rejects_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ScImportsPage *self = source_object;
  g_autoptr(GError) error = NULL;
  GPtrArray *rejects = sc_store_list_rejects (self->store, *(gint64 *) task_data, &error);

  if (rejects == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rejects, (GDestroyNotify) g_ptr_array_unref);
}

static void
rejects_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AdwExpanderRow) expander = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejects = g_task_propagate_pointer (G_TASK (result), &error);
  guint shown;

  if (rejects == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_expander_row_add_row (expander, make_reject_row (&(ScReject) {
                                    .reason = error->message }));
      return;
    }
  shown = MIN (rejects->len, MAX_SHOWN_REJECTS);
  for (guint i = 0; i < shown; i++)
    adw_expander_row_add_row (expander, make_reject_row (g_ptr_array_index (rejects, i)));
  if (rejects->len > shown)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (_("And %u more rejected rows"), rejects->len - shown);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      adw_expander_row_add_row (expander, more);
    }
}

/* The rejected rows are read the first time their import is expanded. */
static void
expanded_cb (AdwExpanderRow *expander,
             GParamSpec     *pspec,
             ScImportsPage  *self)
{
  g_autoptr(GTask) task = NULL;
  gint64 *import_id;

  if (!adw_expander_row_get_expanded (expander) || self->store == NULL
      || g_object_get_data (G_OBJECT (expander), "sc-loaded") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "sc-loaded", GINT_TO_POINTER (TRUE));

  import_id = g_new (gint64, 1);
  *import_id = *(gint64 *) g_object_get_data (G_OBJECT (expander), "sc-import-id");
  task = g_task_new (self, self->cancellable, rejects_ready_cb, g_object_ref (expander));
  g_task_set_source_tag (task, expanded_cb);
  g_task_set_task_data (task, import_id, g_free);
  g_task_run_in_thread (task, rejects_thread);
}

static GtkWidget *
make_row (ScImportsPage        *self,
          const ScImportRecord *record)
{
  g_autofree char *subtitle = describe_record (record);
  gboolean has_rejects = record->counts.rejected > 0;
  GtkWidget *row = has_rejects ? adw_expander_row_new () : adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (has_rejects ? "dialog-warning-symbolic"
                                                              : "emblem-ok-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->file_name);
  if (has_rejects)
    {
      gint64 *import_id = g_new (gint64, 1);

      *import_id = record->id;
      g_object_set_data_full (G_OBJECT (row), "sc-import-id", import_id, g_free);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      gtk_widget_set_tooltip_text (row, _("Show the rows that were not imported, and why"));
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  GPtrArray *records = sc_store_list_imports (task_data, &error);

  if (records == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The history names each import's preset by its name, as the import
   * dialog does; columns mapped by hand have an id of their own. */
  for (guint i = 0; i < records->len; i++)
    {
      ScImportRecord *record = records->pdata[i];
      ScPreset *preset = record->preset != NULL ? sc_preset_find (presets, record->preset) : NULL;
      const char *shown = NULL;

      if (preset != NULL)
        shown = sc_preset_get_name (preset);
      else if (record->preset != NULL && g_str_has_prefix (record->preset, "custom-"))
        shown = _("columns mapped by hand");
      if (shown != NULL)
        {
          g_free (record->preset);
          record->preset = g_strdup (shown);
        }
    }
  g_task_return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ScImportsPage *self = SC_IMPORTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;

  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the import history: %s", error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  for (guint i = 0; i < records->len; i++)
    gtk_list_box_append (self->history_list, make_row (self, g_ptr_array_index (records, i)));
  self->n_imports = records->len;
  gtk_stack_set_visible_child_name (self->stack, records->len > 0 ? "list" : "empty");
}

/**
 * sc_imports_page_set_store:
 * @self: the page
 * @store: (nullable): the store to show
 *
 * Reads the import history of @store off the main thread.
 */
void
sc_imports_page_set_store (ScImportsPage *self,
                           ScStore       *store)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_IMPORTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_ready_cb, NULL);
  g_task_set_source_tag (task, sc_imports_page_set_store);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

guint
sc_imports_page_get_n_imports (ScImportsPage *self)
{
  g_return_val_if_fail (SC_IS_IMPORTS_PAGE (self), 0);

  return self->n_imports;
}

static void
sc_imports_page_dispose (GObject *object)
{
  ScImportsPage *self = SC_IMPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_IMPORTS_PAGE);

  G_OBJECT_CLASS (sc_imports_page_parent_class)->dispose (object);
}

static void
sc_imports_page_class_init (ScImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_imports_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sc-imports-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ScImportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScImportsPage, history_list);
}

static void
sc_imports_page_init (ScImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ScImportsPage *
sc_imports_page_new (void)
{
  return g_object_new (SC_TYPE_IMPORTS_PAGE, NULL);
}
