/* sc-review-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sc-review-csv.h"
#include "sc-review-dialog.h"
#include "sc-review-pdf.h"
#include "sc-view-state.h"

/* The breakdowns offered, in the order shown. */
static const ScDimension offered_dims[] = {
  SC_DIM_CHANNEL, SC_DIM_TEAM, SC_DIM_PRIORITY, SC_DIM_CATEGORY, SC_DIM_REGION, SC_DIM_PRODUCT,
};

static const struct
{
  ScReviewSections  section;
  const char       *title;
  const char       *subtitle;
} offered_sections[] = {
  { SC_REVIEW_SECTION_SUMMARY, N_("Summary and Findings"), NULL },
  { SC_REVIEW_SECTION_METRICS, N_("A Section per Metric"), N_("Trend, breakdowns and drivers") },
  { SC_REVIEW_SECTION_TARGETS, N_("Target Attainment"), NULL },
  { SC_REVIEW_SECTION_NOTES, N_("Notes and Method"), N_("Annotations and how each number is computed") },
  { SC_REVIEW_SECTION_APPENDIX, N_("Appendix"), N_("The interactions behind missed targets") },
};

static const ScComparison offered_comparisons[] = {
  SC_COMPARE_PREVIOUS, SC_COMPARE_YEAR, SC_COMPARE_BASELINE,
};

/* What the worker shares with the main thread while it runs. */
typedef struct
{
  GMutex   lock;
  double   fraction;
  char    *stage;
} Progress;

typedef struct
{
  ScEngine        *engine;
  ScReviewOptions *options;
  ScPaper          paper;
  char            *path;
  char            *csv_dir;
  Progress        *progress;
  int              n_pages;
} Job;

struct _ScReviewDialog
{
  AdwWindow        parent_instance;

  ScWindow        *window;     /* weak */
  ScEngine        *engine;
  GCancellable    *cancellable;
  Progress         progress;
  guint            progress_id;
  gboolean         freeze;

  GtkWidget       *export_button;
  GtkWidget       *cancel_button;
  AdwEntryRow     *period_row;
  AdwComboRow     *compare_row;
  AdwEntryRow     *organisation_row;
  AdwComboRow     *paper_row;
  GtkWidget       *dim_switches[G_N_ELEMENTS (offered_dims)];
  AdwPreferencesGroup *dims_group;
  GArray          *custom_dims;       /* ScDimension kept from imports */
  GPtrArray       *custom_switches;   /* their switches, in the same order */
  GtkWidget       *section_switches[G_N_ELEMENTS (offered_sections)];
  GtkWidget       *csv_switch;
  GtkWidget       *freeze_switch;
  AdwActionRow    *freeze_row;
  GtkWidget       *form;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  GtkLabel        *error_label;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ScReviewDialog, sc_review_dialog, ADW_TYPE_WINDOW)

static void
job_free (Job *job)
{
  g_clear_object (&job->engine);
  g_clear_pointer (&job->options, sc_review_options_free);
  g_free (job->path);
  g_free (job->csv_dir);
  g_free (job);
}

/* ---- The worker ----------------------------------------------------------- */

static void
set_progress (Progress   *progress,
              double      fraction,
              const char *stage)
{
  g_mutex_lock (&progress->lock);
  progress->fraction = fraction;
  if (g_strcmp0 (progress->stage, stage) != 0)
    {
      g_free (progress->stage);
      progress->stage = g_strdup (stage);
    }
  g_mutex_unlock (&progress->lock);
}

/* Computing is the first half of the work, writing the second. */
static void
compute_progress_cb (double      fraction,
                     const char *stage,
                     gpointer    user_data)
{
  set_progress (user_data, 0.5 * fraction, stage);
}

static void
write_progress_cb (double      fraction,
                   const char *stage,
                   gpointer    user_data)
{
  set_progress (user_data, 0.5 + 0.45 * fraction, stage);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ScReview) review = NULL;
  GError *error = NULL;

  review = sc_review_compute (job->engine, job->options, compute_progress_cb, job->progress,
                              cancellable, &error);
  if (review == NULL
      || !sc_review_write_pdf (review, job->path, job->paper, &job->n_pages, write_progress_cb,
                               job->progress, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->csv_dir != NULL)
    {
      set_progress (job->progress, 0.95, _("Writing the CSV pack"));
      if (!sc_review_write_csv (review, job->csv_dir, NULL, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&review), (GDestroyNotify) sc_review_free);
}

/* ---- Running -------------------------------------------------------------- */

static gboolean
update_progress_cb (gpointer user_data)
{
  ScReviewDialog *self = user_data;
  g_autofree char *stage = NULL;
  double fraction;

  g_mutex_lock (&self->progress.lock);
  fraction = self->progress.fraction;
  stage = g_strdup (self->progress.stage);
  g_mutex_unlock (&self->progress.lock);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, stage);
  return G_SOURCE_CONTINUE;
}

static void
set_running (ScReviewDialog *self,
             gboolean        running)
{
  gtk_widget_set_sensitive (self->form, !running);
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (running)
    {
      set_progress (&self->progress, 0, _("Reading the data"));
      update_progress_cb (self);
      self->progress_id = g_timeout_add (100, update_progress_cb, self);
    }
}

static void
show_error (ScReviewDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = NULL;
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    root = GTK_ROOT (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_show_uri (GTK_WINDOW (root), uri, GDK_CURRENT_TIME);
}

static void
toast_done (ScReviewDialog *self,
            const ScReview *review,
            const char     *path,
            int             n_pages)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->window == NULL)
    return;
  /* Translators: a toast, "Review of October 2026 exported to review.pdf (17 pages)" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Review of %s exported to %s (%d page)",
                                        "Review of %s exported to %s (%d pages)", n_pages),
                           review->period_label, name, n_pages);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                         g_steal_pointer (&file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  sc_window_add_toast (self->window, toast);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScReviewDialog) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;

  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);

  set_running (self, FALSE);
  g_clear_object (&self->cancellable);
  review = g_task_propagate_pointer (G_TASK (result), &error);
  if (review == NULL)
    {
      if (!cancelled)
        show_error (self, error->message);
      return;
    }
  if (self->freeze && !sc_review_freeze (review, sc_engine_get_store (job->engine), &error))
    {
      show_error (self, error->message);
      return;
    }
  toast_done (self, review, job->path, job->n_pages);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The review's headline metrics are the dashboard's (a preference). */
static void
set_headline_metrics (ScReviewOptions *options)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) ids = g_settings_get_strv (settings, "headline-metrics");
  g_autoptr(GArray) metrics = g_array_new (FALSE, FALSE, sizeof (ScMetricId));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ScMetric *metric = sc_metric_lookup (ids[i]);

      if (metric != NULL)
        g_array_append_val (metrics, metric->id);
    }
  if (metrics->len == 0)
    return;
  g_clear_pointer (&options->metrics, g_array_unref);
  options->metrics = g_steal_pointer (&metrics);
}

/* Keeps the organisation's name and the paper size in the store's
 * settings, where the command line reads them too. */
static gboolean
save_settings (ScReviewDialog  *self,
               const char      *organisation,
               ScPaper          paper,
               GError         **error)
{
  ScStore *store = sc_engine_get_store (self->engine);
  g_autofree char *old_name = sc_store_dup_setting (store, SC_SETTING_ORGANISATION);
  g_autofree char *old_paper = sc_store_dup_setting (store, SC_SETTING_PAPER);
  const char *paper_name = paper == SC_PAPER_LETTER ? "letter" : "a4";

  if (g_strcmp0 (old_name, organisation) != 0 && (old_name != NULL || organisation[0] != '\0')
      && !sc_store_set_setting (store, SC_SETTING_ORGANISATION, organisation, error))
    return FALSE;
  if (sc_paper_from_setting (old_paper) != paper
      && !sc_store_set_setting (store, SC_SETTING_PAPER, paper_name, error))
    return FALSE;
  return TRUE;
}

/* The options the form describes, or NULL with @error saying what is wrong. */
static ScReviewOptions *
read_form (ScReviewDialog  *self,
           GError         **error)
{
  g_autofree char *period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row))));
  g_autoptr(ScReviewOptions) options = NULL;
  gint32 from, to;
  guint compare = adw_combo_row_get_selected (self->compare_row);

  if (!sc_period_parse (period, &from, &to, error))
    return NULL;
  options = sc_review_options_new (period);
  options->comparison = offered_comparisons[MIN (compare, G_N_ELEMENTS (offered_comparisons) - 1)];
  g_array_set_size (options->dimensions, 0);
  for (guint i = 0; i < G_N_ELEMENTS (offered_dims); i++)
    if (gtk_switch_get_active (GTK_SWITCH (self->dim_switches[i])))
      g_array_append_val (options->dimensions, offered_dims[i]);
  for (guint i = 0; i < self->custom_dims->len; i++)
    if (gtk_switch_get_active (GTK_SWITCH (self->custom_switches->pdata[i])))
      g_array_append_val (options->dimensions, g_array_index (self->custom_dims, ScDimension, i));
  options->sections = 0;
  for (guint i = 0; i < G_N_ELEMENTS (offered_sections); i++)
    if (gtk_switch_get_active (GTK_SWITCH (self->section_switches[i])))
      options->sections |= offered_sections[i].section;
  set_headline_metrics (options);
  options->organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  options->author = g_strdup (g_get_real_name ());
  return g_steal_pointer (&options);
}

/**
 * sc_review_dialog_export_to:
 * @self: a review dialog
 * @file: the PDF to write
 *
 * Starts the export the form describes into @file (and its CSV pack into
 * a folder beside it, named after it), as the Export button does once a
 * file is chosen.
 */
void
sc_review_dialog_export_to (ScReviewDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ScReviewOptions *options;
  ScPaper paper;
  Job *job;

  g_return_if_fail (SC_IS_REVIEW_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  show_error (self, NULL);
  if ((options = read_form (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  paper = adw_combo_row_get_selected (self->paper_row) == 1 ? SC_PAPER_LETTER : SC_PAPER_A4;
  if (!save_settings (self, options->organisation, paper, &error))
    {
      show_error (self, error->message);
      sc_review_options_free (options);
      return;
    }
  job = g_new0 (Job, 1);
  job->engine = g_object_ref (self->engine);
  job->options = options;
  job->paper = paper;
  job->path = g_file_get_path (file);
  job->progress = &self->progress;
  if (gtk_switch_get_active (GTK_SWITCH (self->csv_switch)))
    {
      g_autofree char *stem = g_strdup (job->path);
      char *dot = strrchr (stem, '.');

      if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
        *dot = '\0';
      /* Translators: the CSV pack's folder, beside "review.pdf": "review CSV" */
      job->csv_dir = g_strdup_printf (_("%s CSV"), stem);
    }
  self->freeze = gtk_switch_get_active (GTK_SWITCH (self->freeze_switch));
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  task = g_task_new (NULL, self->cancellable, export_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

/**
 * sc_review_dialog_is_running:
 * @self: a review dialog
 *
 * Returns: whether an export is under way
 */
gboolean
sc_review_dialog_is_running (ScReviewDialog *self)
{
  g_return_val_if_fail (SC_IS_REVIEW_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
chooser_response_cb (ScReviewDialog *self,
                     int             response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    sc_review_dialog_export_to (self, file);
}

static void
export_clicked_cb (ScReviewDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReviewOptions) options = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  show_error (self, NULL);
  if ((options = read_form (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: the suggested file name of a review, "Service review 2026-10.pdf" */
  name = g_strdup_printf (_("Service review %s.pdf"), options->period);
  self->chooser = gtk_file_chooser_native_new (_("Export Monthly Review"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_clicked_cb (ScReviewDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
sc_review_dialog_close_request (GtkWindow *window)
{
  ScReviewDialog *self = SC_REVIEW_DIALOG (window);

  /* Closing while it runs cancels; the dialog goes when the worker stops. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

/* Says on the freeze row whether the review chosen was frozen before, in
 * which case the export shows what was restated since. */
static void
update_frozen (ScReviewDialog *self)
{
  g_autofree char *period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row))));
  guint compare = adw_combo_row_get_selected (self->compare_row);
  gint64 frozen_at = 0;
  g_autofree char *text = NULL;

  if (self->engine != NULL && period[0] != '\0')
    frozen_at = sc_review_get_frozen_at (sc_engine_get_store (self->engine), period,
                                         offered_comparisons[MIN (compare, G_N_ELEMENTS (offered_comparisons) - 1)]);
  if (frozen_at > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (frozen_at);
      g_autofree char *date = g_date_time_format (when, "%x");

      /* Translators: %s is a date */
      text = g_strdup_printf (_("Frozen on %s; the review will show the numbers restated since"), date);
    }
  adw_action_row_set_subtitle (self->freeze_row,
                               text ? text : _("Keep its numbers, to see later what a new import restated"));
}

/* ---- Building ------------------------------------------------------------- */

static GtkWidget *
switch_row (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return toggle;
}

static GtkWidget *
build_form (ScReviewDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *review = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *dims = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *sections = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *output = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *comparisons[] = { _("Previous Period"), _("Same Period Last Year"),
                                _("Baseline (the Three Periods Before)"), NULL };
  const char *papers[] = { _("A4"), _("US Letter"), NULL };

  adw_preferences_group_set_title (review, _("Review"));
  self->period_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->period_row),
                                 _("Period (2026-10, 2026-Q4…)"));
  adw_preferences_group_add (review, GTK_WIDGET (self->period_row));
  self->compare_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->compare_row), _("Compared With"));
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (gtk_string_list_new (comparisons)));
  adw_preferences_group_add (review, GTK_WIDGET (self->compare_row));
  self->organisation_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organisation_row),
                                 _("Organisation (on the Cover)"));
  adw_preferences_group_add (review, GTK_WIDGET (self->organisation_row));
  self->paper_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->paper_row), _("Paper"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (gtk_string_list_new (papers)));
  adw_preferences_group_add (review, GTK_WIDGET (self->paper_row));

  adw_preferences_group_set_title (dims, _("Break Down By"));
  self->dims_group = dims;
  self->custom_dims = g_array_new (FALSE, FALSE, sizeof (ScDimension));
  self->custom_switches = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (offered_dims); i++)
    self->dim_switches[i] = switch_row (dims, _(sc_dimension_get_label (offered_dims[i])), NULL,
                                        offered_dims[i] == SC_DIM_CHANNEL || offered_dims[i] == SC_DIM_TEAM);

  adw_preferences_group_set_title (sections, _("Sections"));
  for (guint i = 0; i < G_N_ELEMENTS (offered_sections); i++)
    self->section_switches[i] = switch_row (sections, _(offered_sections[i].title),
                                            offered_sections[i].subtitle ? _(offered_sections[i].subtitle) : NULL,
                                            TRUE);

  adw_preferences_group_set_title (output, _("Also"));
  self->csv_switch = switch_row (output, _("Write the CSV Pack"),
                                 _("One file per table, in a folder beside the PDF"), TRUE);
  self->freeze_switch = switch_row (output, _("Freeze the Review"), NULL, FALSE);
  self->freeze_row = ADW_ACTION_ROW (gtk_widget_get_ancestor (self->freeze_switch, ADW_TYPE_ACTION_ROW));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), review);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), dims);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), sections);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), output);
  return page;
}

static void
sc_review_dialog_dispose (GObject *object)
{
  ScReviewDialog *self = SC_REVIEW_DIALOG (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (sc_review_dialog_parent_class)->dispose (object);
}

static void
sc_review_dialog_finalize (GObject *object)
{
  ScReviewDialog *self = SC_REVIEW_DIALOG (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->custom_dims, g_array_unref);
  g_clear_pointer (&self->custom_switches, g_ptr_array_unref);
  g_free (self->progress.stage);
  g_mutex_clear (&self->progress.lock);
  G_OBJECT_CLASS (sc_review_dialog_parent_class)->finalize (object);
}

static void
sc_review_dialog_class_init (ScReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_review_dialog_dispose;
  object_class->finalize = sc_review_dialog_finalize;
  window_class->close_request = sc_review_dialog_close_request;
}

static void
sc_review_dialog_init (ScReviewDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_mutex_init (&self->progress.lock);
  gtk_window_set_title (GTK_WINDOW (self), _("Export Monthly Review"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  self->form = build_form (self);
  g_signal_connect_swapped (self->period_row, "changed", G_CALLBACK (update_frozen), self);
  g_signal_connect_swapped (self->compare_row, "notify::selected", G_CALLBACK (update_frozen), self);
  gtk_widget_set_vexpand (self->form, TRUE);
  gtk_box_append (GTK_BOX (box), self->form);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_widget_set_margin_start (bottom, 18);
  gtk_widget_set_margin_end (bottom, 18);
  gtk_widget_set_margin_bottom (bottom, 18);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->progress_bar));
  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->progress_revealer, bottom);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_revealer));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/* The period the window shows, as the review's period text: a month or a
 * quarter by name, anything else as its days. */
static char *
dup_period_text (ScViewState *state)
{
  gint32 from = sc_view_state_get_from (state);
  gint32 to = sc_view_state_get_to (state);
  g_autofree char *first = sc_calendar_format_date (from);
  g_autofree char *last = sc_calendar_format_date (to);

  switch (sc_view_state_get_kind (state))
    {
    case SC_PERIOD_MONTH:
      return g_strndup (first, 7);
    case SC_PERIOD_QUARTER:
      return g_strdup_printf ("%.4s-Q%d", first, (atoi (first + 5) - 1) / 3 + 1);
    case SC_PERIOD_YEAR:
      return g_strndup (first, 4);
    default:
      return g_strdup_printf ("%s..%s", first, last);
    }
}

/* The fields the store keeps from imports, offered after the builtin
 * breakdowns, off at first. */
static void
add_custom_dimensions (ScReviewDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dims = sc_store_list_dimensions (sc_engine_get_store (self->engine), &error);

  if (dims == NULL)
    {
      g_warning ("Cannot list the store's dimensions: %s", error->message);
      return;
    }
  for (guint i = 0; i < dims->len; i++)
    {
      const ScDimensionInfo *info = dims->pdata[i];

      if (!info->custom)
        continue;
      g_array_append_val (self->custom_dims, info->dim);
      g_ptr_array_add (self->custom_switches,
                       switch_row (self->dims_group, info->label, _("A column kept from an import"),
                                   FALSE));
    }
}

/**
 * sc_review_dialog_new:
 * @window: the window it exports for
 * @engine: the engine of the window's store
 *
 * The period and comparison start as the window's, the organisation and
 * the paper size as the store's settings, and the metrics are the
 * dashboard's headline metrics.
 *
 * Returns: (transfer full): a new dialog, transient for @window
 */
ScReviewDialog *
sc_review_dialog_new (ScWindow *window,
                      ScEngine *engine)
{
  ScReviewDialog *self;
  ScViewState *state;
  g_autofree char *organisation = NULL;
  g_autofree char *paper = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SC_IS_ENGINE (engine), NULL);

  self = g_object_new (SC_TYPE_REVIEW_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->engine = g_object_ref (engine);
  organisation = sc_store_dup_setting (sc_engine_get_store (engine), SC_SETTING_ORGANISATION);
  paper = sc_store_dup_setting (sc_engine_get_store (engine), SC_SETTING_PAPER);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation ? organisation : "");
  adw_combo_row_set_selected (self->paper_row, sc_paper_from_setting (paper) == SC_PAPER_LETTER ? 1 : 0);
  add_custom_dimensions (self);
  state = sc_window_get_view_state (window);
  if (state != NULL && sc_view_state_has_period (state))
    {
      g_autofree char *period = dup_period_text (state);
      ScComparison comparison = sc_view_state_get_comparison (state);

      gtk_editable_set_text (GTK_EDITABLE (self->period_row), period);
      for (guint i = 0; i < G_N_ELEMENTS (offered_comparisons); i++)
        if (offered_comparisons[i] == comparison)
          adw_combo_row_set_selected (self->compare_row, i);
    }
  update_frozen (self);
  return self;
}

/**
 * sc_review_dialog_set_period:
 * @self: a review dialog
 * @period: a period, e.g. `2026-10`
 */
void
sc_review_dialog_set_period (ScReviewDialog *self,
                             const char     *period)
{
  g_return_if_fail (SC_IS_REVIEW_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->period_row), period);
}
