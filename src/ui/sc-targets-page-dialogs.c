/* sc-targets-page-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The targets page's two dialogs: a target for each month of a range
 * (constant, or a straight glide path from a first to a last value), and
 * a segment override (a target for one channel, team, … of a metric).
 * Both check what is typed as it is typed and say what is wrong; Set is
 * only offered once everything reads.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-target-value.h"
#include "sc-targets-page-private.h"

typedef struct
{
  ScTargetsPage *page;
  ScMetricId     metric;
  char          *segment;
  double         band;
  GtkWidget     *entries[4];
  GtkDropDown   *dimension;
  GtkLabel      *error_label;
} Form;

static void
form_free (Form *form)
{
  g_object_unref (form->page);
  g_free (form->segment);
  g_free (form);
}

static GtkWidget *
add_field (GtkGrid    *grid,
           int         line,
           const char *label_text,
           const char *text,
           const char *placeholder)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, label, 0, line, 1, 1);
  gtk_grid_attach (grid, entry, 1, line, 1, 1);
  return entry;
}

static GtkGrid *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return GTK_GRID (grid);
}

static GtkLabel *
add_error_label (GtkGrid *grid,
                 int      line)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "error");
  gtk_grid_attach (grid, label, 0, line, 2, 1);
  return GTK_LABEL (label);
}

static const char *
entry_text (Form *form,
            int   i)
{
  return gtk_editable_get_text (GTK_EDITABLE (form->entries[i]));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Shows the first problem, or none, and offers Set only without one. */
static void
show_problem (AdwMessageDialog *dialog,
              Form             *form,
              const GError     *error)
{
  gtk_label_set_text (form->error_label, error ? error->message : "");
  adw_message_dialog_set_response_enabled (dialog, "set", error == NULL);
}

static AdwMessageDialog *
new_dialog (ScTargetsPage *page,
            const char    *heading,
            const char    *body,
            GtkGrid       *grid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                          heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "set", _("_Set"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (grid));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

/* ---- A range of months -------------------------------------------------------- */

enum { MONTH_FIRST, MONTH_LAST, MONTH_START_VALUE, MONTH_END_VALUE };

/* Reads the form; on success @first is the first month's target. */
static gboolean
read_months (Form      *form,
             ScTarget **first,
             gint32    *last_day,
             double    *end_value,
             GError   **error)
{
  gint32 first_day;
  double value;

  if (!sc_target_month_parse (_("First month"), entry_text (form, MONTH_FIRST), &first_day, error)
      || !sc_target_month_parse (_("Last month"), entry_text (form, MONTH_LAST), last_day, error))
    return FALSE;
  if (*last_day < first_day)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The last month comes before the first"));
      return FALSE;
    }
  if (!sc_target_value_parse (form->metric, form->page->settings, entry_text (form, MONTH_START_VALUE),
                              &value, error))
    return FALSE;
  *end_value = NAN;
  if (!is_blank (entry_text (form, MONTH_END_VALUE))
      && !sc_target_value_parse (form->metric, form->page->settings, entry_text (form, MONTH_END_VALUE),
                                 end_value, error))
    return FALSE;
  *first = sc_target_new (form->metric, form->segment,
                          &(ScTargetPeriod) { SC_TARGET_PERIOD_MONTH, first_day }, value);
  (*first)->at_risk_band = form->band;
  return TRUE;
}

static void
months_changed_cb (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "sc-form");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) first = NULL;
  gint32 last_day;
  double end_value;

  read_months (form, &first, &last_day, &end_value, &error);
  show_problem (dialog, form, error);
}

static void
months_response_cb (AdwMessageDialog *dialog,
                    const char       *response)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "sc-form");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) first = NULL;
  gint32 last_day;
  double end_value;
  ScTargetHistory *history = sc_targets_page_get_history (form->page);

  if (!g_str_equal (response, "set") || history == NULL)
    return;
  if (!read_months (form, &first, &last_day, &end_value, &error))
    return;
  _sc_targets_page_report (form->page,
                           sc_target_history_set_months (history, first, last_day, end_value, &error),
                           error);
}

/**
 * _sc_targets_page_set_months:
 * @self: the page
 * @row: the metric and segment
 *
 * Asks for a range of months and a value (or a first and a last value)
 * and sets a target for each month as one undo step. The range offered
 * is the rest of the year after the month shown.
 */
void
_sc_targets_page_set_months (ScTargetsPage      *self,
                             const ScTargetsRow *row)
{
  GtkGrid *grid = new_grid ();
  Form *form = g_new0 (Form, 1);
  g_autofree char *segment = sc_segment_key_describe (row->segment);
  g_autofree char *heading = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *value = NULL;
  AdwMessageDialog *dialog;
  ScTargetPeriod next;
  int y, m, d;

  next = (ScTargetPeriod) { SC_TARGET_PERIOD_MONTH, sc_grain_next_bucket (SC_GRAIN_MONTH, self->shown_start) };
  first = sc_target_period_format (&next);
  sc_calendar_ymd_from_day (next.start_day, &y, &m, &d);
  last = g_strdup_printf ("%04d-12", y);
  value = row->target ? sc_target_value_format (row->metric, row->target->value) : NULL;

  form->page = g_object_ref (self);
  form->metric = row->metric;
  form->segment = g_strdup (row->segment);
  form->band = row->target ? row->target->at_risk_band : 0.05;
  form->entries[MONTH_FIRST] = add_field (grid, 0, _("_First month"), first, "2026-01");
  form->entries[MONTH_LAST] = add_field (grid, 1, _("_Last month"), last, "2026-12");
  form->entries[MONTH_START_VALUE] = add_field (grid, 2, _("_Value"), value, NULL);
  form->entries[MONTH_END_VALUE] = add_field (grid, 3, _("Value in the last _month"), NULL,
                                              _("Same every month"));
  form->error_label = add_error_label (grid, 4);

  /* Translators: the heading of a dialog, e.g. "Monthly Targets for CSAT". */
  heading = g_strdup_printf (_("Monthly Targets for %s"), _(sc_metric_get (row->metric)->name));
  dialog = new_dialog (self, heading, segment, grid);
  g_object_set_data_full (G_OBJECT (dialog), "sc-form", form, (GDestroyNotify) form_free);
  for (guint i = 0; i < G_N_ELEMENTS (form->entries); i++)
    g_signal_connect_swapped (form->entries[i], "changed", G_CALLBACK (months_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (months_response_cb), NULL);
  months_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- A segment override -------------------------------------------------------- */

enum { OVERRIDE_VALUE_OF_DIMENSION, OVERRIDE_TARGET };

static ScTarget *
read_override (Form    *form,
               GError **error)
{
  ScDimension dim = gtk_drop_down_get_selected (form->dimension);
  g_autofree char *condition = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *value_text = g_strstrip (g_strdup (entry_text (form, OVERRIDE_VALUE_OF_DIMENSION)));
  const char *conditions[2] = { NULL, NULL };
  ScTargetPeriod period = _sc_targets_page_new_period (form->page);
  ScTarget *target;
  double value;

  if (value_text[0] == '\0')
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, _("Enter the %s the target is for"),
                   sc_dimension_get_label (dim));
      return NULL;
    }
  condition = g_strdup_printf ("%s=%s", sc_dimension_get_name (dim), value_text);
  conditions[0] = condition;
  if ((segment = sc_segment_key_from_conditions (conditions, form->page->store, error)) == NULL
      || !sc_target_value_parse (form->metric, form->page->settings, entry_text (form, OVERRIDE_TARGET),
                                 &value, error))
    return NULL;
  target = sc_target_new (form->metric, segment, &period, value);
  target->at_risk_band = form->band;
  return target;
}

static void
override_changed_cb (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "sc-form");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) target = read_override (form, &error);

  show_problem (dialog, form, error);
}

static void
override_response_cb (AdwMessageDialog *dialog,
                      const char       *response)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "sc-form");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) target = NULL;
  ScTargetHistory *history = sc_targets_page_get_history (form->page);

  if (!g_str_equal (response, "set") || history == NULL)
    return;
  if ((target = read_override (form, &error)) == NULL)
    return;
  _sc_targets_page_report (form->page, sc_target_history_set_target (history, target, &error), error);
}

/**
 * _sc_targets_page_add_override:
 * @self: the page
 * @row: the metric (for all interactions)
 *
 * Asks for a dimension, its value and a target, and sets that target for
 * the year of the month shown.
 */
void
_sc_targets_page_add_override (ScTargetsPage      *self,
                               const ScTargetsRow *row)
{
  GtkGrid *grid = new_grid ();
  Form *form = g_new0 (Form, 1);
  g_autoptr(GtkStringList) dimensions = gtk_string_list_new (NULL);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Dimension"));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *value = NULL;
  AdwMessageDialog *dialog;
  ScTargetPeriod period = _sc_targets_page_new_period (self);
  g_autofree char *period_text = sc_target_period_format (&period);

  for (ScDimension dim = 0; dim < SC_DIM_N_BUILTIN; dim++)
    gtk_string_list_append (dimensions, sc_dimension_get_label (dim));
  form->page = g_object_ref (self);
  form->metric = row->metric;
  form->segment = g_strdup (row->segment);
  form->band = row->target ? row->target->at_risk_band : 0.05;
  form->dimension = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (dimensions)), NULL));
  gtk_drop_down_set_selected (form->dimension, SC_DIM_CHANNEL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (form->dimension));
  gtk_grid_attach (grid, label, 0, 0, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (form->dimension), 1, 0, 1, 1);
  value = row->target ? sc_target_value_format (row->metric, row->target->value) : NULL;
  form->entries[OVERRIDE_VALUE_OF_DIMENSION] = add_field (grid, 1, _("_Is"), NULL, _("e.g. Email"));
  form->entries[OVERRIDE_TARGET] = add_field (grid, 2, _("_Target"), value, NULL);
  form->error_label = add_error_label (grid, 3);

  heading = g_strdup_printf (_("Segment Target for %s"), _(sc_metric_get (row->metric)->name));
  /* Translators: %s is a period such as 2026. */
  body = g_strdup_printf (_("A target for one segment, for %s, which takes precedence over the target for all "
                            "interactions."), period_text);
  dialog = new_dialog (self, heading, body, grid);
  g_object_set_data_full (G_OBJECT (dialog), "sc-form", form, (GDestroyNotify) form_free);
  for (guint i = 0; i <= OVERRIDE_TARGET; i++)
    g_signal_connect_swapped (form->entries[i], "changed", G_CALLBACK (override_changed_cb), dialog);
  g_signal_connect_swapped (form->dimension, "notify::selected", G_CALLBACK (override_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (override_response_cb), NULL);
  override_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
