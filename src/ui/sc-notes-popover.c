/* sc-notes-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager's notes pinned to dates ("New IVR menu", "Holiday backlog"),
 * for the periods a trend shows: the list, with Delete on each, and a form
 * to add one, for the trend's metric or for every metric. The trend
 * draws them as markers; the monthly review prints them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-calendar.h"
#include "sc-notes-popover.h"
#include "sc-store-review.h"

struct _ScNotesPopover
{
  GtkPopover      parent_instance;

  GtkListBox     *list;
  GtkWidget      *empty_label;
  GtkEntry       *day_entry;
  GtkEntry       *text_entry;
  GtkCheckButton *metric_check;
  GtkLabel       *error_label;

  ScStore        *store;
  ScMetricId      metric;
  gint32          first_day;
  gint32          last_day;
  GPtrArray      *notes;
};

G_DEFINE_FINAL_TYPE (ScNotesPopover, sc_notes_popover, GTK_TYPE_POPOVER)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ScNotesPopover *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void delete_clicked_cb (GtkButton      *button,
                               ScNotesPopover *self);

static GtkWidget *
note_row (ScNotesPopover     *self,
          const ScAnnotation *note)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s · %s", note->day,
                              note->metric != NULL ? sc_metric_get (self->metric)->name
                                                   : _("All metrics"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Note"), -1);
  g_object_set_data (G_OBJECT (delete), "sc-note-id", GINT_TO_POINTER ((int) note->id));
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

/* Reads the notes of the scope from the store and shows them. */
static void
reload (ScNotesPopover *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->notes, 0);

  if (self->store != NULL && self->first_day <= self->last_day)
    {
      first = sc_calendar_format_date (self->first_day);
      last = sc_calendar_format_date (self->last_day);
      all = sc_store_list_annotations (self->store, first, last, &error);
      if (all == NULL)
        show_error (self, error->message);
    }
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      ScAnnotation *note = g_ptr_array_index (all, i);

      if (note->metric != NULL && g_strcmp0 (note->metric, sc_metric_get (self->metric)->id_string) != 0)
        continue;
      gtk_list_box_append (self->list, note_row (self, note));
      g_ptr_array_add (self->notes, g_steal_pointer (&all->pdata[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->notes->len > 0);
  gtk_widget_set_visible (self->empty_label, self->notes->len == 0);
}

static void
delete_clicked_cb (GtkButton      *button,
                   ScNotesPopover *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sc-note-id"));

  if (self->store == NULL)
    return;
  if (!sc_store_delete_annotation (self->store, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sc_notes_popover_add:
 * @self: the popover
 * @day: the date, `YYYY-MM-DD`
 * @text: the note
 * @this_metric_only: whether the note is about the scope's metric alone
 * @error: return location for an error
 *
 * Checks and saves a note, as the form's Add button does.
 *
 * Returns: %TRUE when saved
 */
gboolean
sc_notes_popover_add (ScNotesPopover  *self,
                      const char      *day,
                      const char      *text,
                      gboolean         this_metric_only,
                      GError         **error)
{
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  gint32 day_number;

  g_return_val_if_fail (SC_IS_NOTES_POPOVER (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No store is open"));
      return FALSE;
    }
  date = g_strstrip (g_strdup (day));
  if (!sc_calendar_parse_date (date, &day_number))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-10-14"), date);
      return FALSE;
    }
  note = g_strstrip (g_strdup (text));
  if (*note == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write what happened on that date first"));
      return FALSE;
    }
  if (sc_store_add_annotation (self->store, date, this_metric_only ? sc_metric_get (self->metric)->id_string : NULL,
                               note, error) == 0)
    return FALSE;
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
add_activated_cb (ScNotesPopover *self)
{
  g_autoptr(GError) error = NULL;

  if (!sc_notes_popover_add (self, gtk_editable_get_text (GTK_EDITABLE (self->day_entry)),
                             gtk_editable_get_text (GTK_EDITABLE (self->text_entry)),
                             gtk_check_button_get_active (self->metric_check), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
}

/* ---- Public API ---------------------------------------------------------- */

void
sc_notes_popover_set_store (ScNotesPopover *self,
                            ScStore        *store)
{
  g_return_if_fail (SC_IS_NOTES_POPOVER (self));

  g_set_object (&self->store, store);
  reload (self);
}

/**
 * sc_notes_popover_set_scope:
 * @self: the popover
 * @metric: the trend's metric
 * @first_day: the first day the trend shows
 * @last_day: its last day; the form's date starts there
 *
 * Shows the notes for @metric (and those for every metric) pinned to
 * dates in the range.
 */
void
sc_notes_popover_set_scope (ScNotesPopover *self,
                            ScMetricId      metric,
                            gint32          first_day,
                            gint32          last_day)
{
  g_autofree char *last = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (SC_IS_NOTES_POPOVER (self));

  self->metric = metric;
  self->first_day = first_day;
  self->last_day = last_day;
  last = sc_calendar_format_date (last_day);
  gtk_entry_set_placeholder_text (self->day_entry, last);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->day_entry)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->day_entry), last);
  /* Translators: a check box, e.g. "Only for CSAT" */
  label = g_strdup_printf (_("Only for %s"), sc_metric_get (metric)->name);
  gtk_check_button_set_label (self->metric_check, label);
  reload (self);
}

/**
 * sc_notes_popover_get_notes:
 * @self: the popover
 *
 * Returns: (transfer none) (element-type ScAnnotation): the notes shown
 */
GPtrArray *
sc_notes_popover_get_notes (ScNotesPopover *self)
{
  g_return_val_if_fail (SC_IS_NOTES_POPOVER (self), NULL);

  return self->notes;
}

/* ---- GObject ------------------------------------------------------------- */

static void
sc_notes_popover_dispose (GObject *object)
{
  ScNotesPopover *self = SC_NOTES_POPOVER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_notes_popover_parent_class)->dispose (object);
}

static void
sc_notes_popover_class_init (ScNotesPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sc_notes_popover_dispose;

  /**
   * ScNotesPopover::changed:
   *
   * A note was added or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_notes_popover_init (ScNotesPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Notes"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Note"));
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_annotation_free);
  self->metric = SC_METRIC_VOLUME;

  gtk_widget_set_size_request (box, 340, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  self->empty_label = gtk_label_new (_("No notes in the periods shown. A note marks a date on the "
                                       "trend and appears in the monthly review."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);

  self->day_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_entry), _("The date, as YYYY-MM-DD"));
  self->text_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->text_entry, _("What happened, e.g. New IVR menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  gtk_entry_set_max_length (self->text_entry, 200);
  self->metric_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (""));
  gtk_check_button_set_active (self->metric_check, TRUE);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_END);

  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->day_entry));
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->text_entry));
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->metric_check));
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (form), add);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), form);

  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_activated_cb), self);
  g_signal_connect_swapped (self->text_entry, "activate", G_CALLBACK (add_activated_cb), self);
  g_signal_connect_swapped (self->day_entry, "activate", G_CALLBACK (add_activated_cb), self);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  reload (self);
}

ScNotesPopover *
sc_notes_popover_new (void)
{
  return g_object_new (SC_TYPE_NOTES_POPOVER, NULL);
}
