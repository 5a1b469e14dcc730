/* test-import-mapping.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file no preset knows opens the import dialog in hand mapping: each
 * column's field is chosen in its drop-down, the preview follows, Import
 * waits until the fields every row needs have a column, a column is kept
 * as a dimension of its own, and the mapping
 * is imported or saved as a preset (refused under a shipped preset's
 * name), which then recognises the file; a column's words are given a
 * meaning, a date's time of day read from a column of its own. Rendered
 * in light and dark.
 * XDG_DATA_HOME points at a folder of the test.
 */

#include "config.h"

#include <adwaita.h>

#include "sc-preset.h"
#include "sc-store-facts.h"
#include "sc-test-util.h"
#include "sc-ui-test-util.h"
#include "sc-window.h"

/* German headers no shipped preset knows; the third row's CSAT is out of
 * the 1–5 scale; durations are in minutes. */
static const char acme_csv[] =
  "Ticket Nummer;Eröffnet;Bearbeiter;Notiz;Zufriedenheit;Dauer\n"
  "T-1;2024-03-01 09:00;Anna;erledigt;4;15\n"
  "T-2;2024-03-02 10:30;Ben;;5;90\n"
  "T-3;2024-03-03 11:00;Anna;offen;9;5\n";

typedef struct
{
  char     *dir;
  char     *csv;
  ScWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = sc_test_make_tmpdir ();
  fixture->csv = g_build_filename (fixture->dir, "acme-export.csv", NULL);
  g_assert_true (g_file_set_contents (fixture->csv, acme_csv, -1, NULL));
  path = sc_ui_test_make_empty_store (fixture->dir, NULL);
  fixture->window = sc_ui_test_open_window (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *presets = sc_preset_dup_user_dir ();

  sc_ui_test_close_window (fixture->window);
  sc_test_remove_tree (presets);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->csv);
  g_free (fixture->dir);
}

static gboolean
shows (gpointer    widget,
       const char *text)
{
  return sc_ui_test_shows_text (GTK_WIDGET (widget), text);
}

/* The field drop-down of the column @column, or its unit (or scale)
 * drop-down. */
typedef struct
{
  guint    column;
  gboolean unit;
} DropDownKey;

static gboolean
is_dropdown (GtkWidget     *widget,
             gconstpointer  data)
{
  const DropDownKey *key = data;

  return GTK_IS_DROP_DOWN (widget)
         && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "sc-column")) == key->column
         && (g_object_get_data (G_OBJECT (widget), "sc-values") != NULL) == key->unit;
}

static GtkDropDown *
find_dropdown (GtkWidget *widget,
               guint      column,
               gboolean   unit)
{
  DropDownKey key = { column, unit };

  return GTK_DROP_DOWN (sc_ui_test_find (widget, is_dropdown, &key));
}

/* Chooses @label in a drop-down of the column @column, as a click in
 * its list does, and waits for the new preview. */
static void
choose (ScImportDialog *dialog,
        guint           column,
        gboolean        unit,
        const char     *label)
{
  GtkDropDown *dropdown = find_dropdown (GTK_WIDGET (dialog), column, unit);
  GListModel *model;

  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dropdown)));
  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        g_assert_true (sc_import_dialog_is_loading (dialog));
        sc_ui_test_wait_for_preview (dialog);
        return;
      }
  g_error ("no choice “%s”", label);
}

static void
choose_field (ScImportDialog *dialog,
              guint           column,
              const char     *label)
{
  choose (dialog, column, FALSE, label);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  return sc_ui_test_find (widget, has_action, action);
}

static gboolean
can (ScImportDialog *dialog,
     const char     *action)
{
  GtkWidget *button = find_action_button (GTK_WIDGET (dialog), action);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

/* Opens the file and maps its columns by hand, checking what the dialog
 * says on the way. */
static ScImportDialog *
open_and_map (Fixture *fixture)
{
  ScImportDialog *dialog;
  GtkWidget *focus;

  sc_window_open_path (fixture->window, fixture->csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (shows (dialog, "No known export fits this header: choose a field for each column"));
  g_assert_true (shows (dialog, "Mapped by Hand"));
  g_assert_true (shows (dialog, "Every row needs “Ticket or record id”, “Created”: choose the "
                                "column that holds each before importing."));
  g_assert_false (can (dialog, "import-dialog.import"));
  g_assert_false (can (dialog, "import-dialog.save-preset"));
  g_assert_true (shows (dialog, "Each Row Is"));

  choose_field (dialog, 0, "Ticket or record id");
  g_assert_true (shows (dialog, "Every row needs “Created”: choose the column that holds each "
                                "before importing."));
  g_assert_true (shows (dialog, "required value missing: no column holds created_at"));
  choose_field (dialog, 1, "Created");
  choose_field (dialog, 2, "Agent");
  choose_field (dialog, 4, "CSAT");
  /* Each field has one column: choosing it elsewhere moves it. */
  choose_field (dialog, 3, "Agent");
  g_assert_true (shows (dialog, "3 of 3 (100%)"));
  choose_field (dialog, 2, "Agent");
  g_assert_true (shows (dialog, "2 of 3 (67%)"));
  g_assert_true (shows (dialog, "score out of range: the score 9 is outside 1–5"));
  /* A duration's unit: from its name (seconds here) until one is chosen. */
  choose_field (dialog, 5, "Handle time");
  g_assert_cmpuint (gtk_drop_down_get_selected (find_dropdown (GTK_WIDGET (dialog), 5, TRUE)), ==, 0);
  g_assert_true (shows (dialog, "0:01:30"));
  choose (dialog, 5, TRUE, "Minutes");
  g_assert_true (shows (dialog, "1:30:00"));
  /* The keyboard stays on the drop-down, rebuilt with the preview. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus == GTK_WIDGET (find_dropdown (GTK_WIDGET (dialog), 5, TRUE)) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (find_dropdown (GTK_WIDGET (dialog), 5, TRUE))));
  /* A score's scale: 9 fits 1 to 10. */
  g_assert_cmpuint (gtk_drop_down_get_selected (find_dropdown (GTK_WIDGET (dialog), 4, TRUE)), ==, 0);
  choose (dialog, 4, TRUE, "1 to 10");
  g_assert_true (shows (dialog, "3 of 3 (100%)"));
  choose (dialog, 4, TRUE, "1 to 5");
  /* The note: a dimension of its own. */
  choose_field (dialog, 3, "Kept as a dimension");
  g_assert_true (shows (dialog, "2 of 2 (100%)"));
  g_assert_false (shows (dialog, "Every row needs “Created”: choose the column that holds each "
                                 "before importing."));
  g_assert_true (can (dialog, "import-dialog.import"));
  g_assert_true (can (dialog, "import-dialog.save-preset"));
  return dialog;
}

static gboolean
add_handle_cb (const ScFactRow *row,
               gpointer         user_data)
{
  *(gint64 *) user_data += row->handle_s;
  return TRUE;
}

static void
test_map_and_import (Fixture       *fixture,
                     gconstpointer  data)
{
  ScImportDialog *dialog = open_and_map (fixture);
  gint64 handle_total = 0;
  g_autoptr(GPtrArray) imports = NULL;
  ScStoreOverview overview;

  g_assert_nonnull (sc_import_dialog_get_preset (dialog));
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-mapping.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-mapping-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 2);
  g_assert_cmpint (overview.rejects, ==, 1);
  g_assert_cmpint (overview.imports, ==, 1);
  /* In minutes, as chosen: 15 and 90. */
  g_assert_true (sc_store_scan_interactions (sc_window_get_store (fixture->window), FALSE,
                                             add_handle_cb, &handle_total, NULL));
  g_assert_cmpint (handle_total, ==, (15 + 90) * 60);
  imports = sc_store_list_imports (sc_window_get_store (fixture->window), NULL);
  g_assert_cmpuint (imports->len, ==, 1);
  g_assert_true (g_str_has_prefix (((ScImportRecord *) imports->pdata[0])->preset, "custom-"));
  sc_test_assert_contains (((ScImportRecord *) imports->pdata[0])->mapping, "agent=Bearbeiter");
  sc_test_assert_contains (((ScImportRecord *) imports->pdata[0])->mapping, "dimension=Notiz");
}

/* The message dialog that shows (with @text when given): the name
 * "Save as Preset…" asks for, or an error. */
static AdwMessageDialog *
wait_for_message_dialog (const char *text)
{
  for (guint tries = 0; tries < 2000; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
              (text == NULL || shows (window, text)))
            return ADW_MESSAGE_DIALOG (window);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_error ("no name dialog");
  return NULL;
}

/* Types @name and presses Enter. */
static void
save_as (ScImportDialog   *dialog,
         AdwMessageDialog *name_dialog,
         const char       *name)
{
  GtkWidget *entry = sc_ui_test_find_widget (GTK_WIDGET (name_dialog), GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  /* Enter in the entry's text: the dialog's default response, Save,
   * once the button's press has shown; then the dialog closes. */
  g_object_add_weak_pointer (G_OBJECT (name_dialog), (gpointer *) &name_dialog);
  g_signal_emit_by_name (sc_ui_test_find_widget (entry, GTK_TYPE_TEXT), "activate");
  while (name_dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (name_dialog)))
    g_main_context_iteration (NULL, TRUE);
  if (name_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (name_dialog), (gpointer *) &name_dialog);
  sc_ui_test_wait_for_preview (dialog);
}

static void
test_save_preset (Fixture       *fixture,
                  gconstpointer  data)
{
  ScImportDialog *dialog = open_and_map (fixture);
  AdwMessageDialog *name_dialog;
  g_autofree char *dir = sc_preset_dup_user_dir ();
  g_autofree char *path = g_build_filename (dir, "acme-helpdesk.preset", NULL);
  g_autoptr(ScPreset) saved = NULL;
  g_autoptr(GError) error = NULL;

  /* The file's name is offered; a shipped preset's name is refused. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.save-preset", NULL);
  name_dialog = wait_for_message_dialog (NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_ui_test_find_widget (GTK_WIDGET (name_dialog),
                                                                                GTK_TYPE_ENTRY))),
                   ==, "acme-export");
  save_as (dialog, name_dialog, "Zendesk ticket export");
  name_dialog = wait_for_message_dialog ("“Zendesk ticket export” is the name of a preset that comes "
                                         "with Scorecard; choose another name.");
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (name_dialog), "import-mapping-name.png");
  save_as (dialog, name_dialog, "Acme Helpdesk");

  saved = sc_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_preset_get_name (saved), ==, "Acme Helpdesk");
  g_assert_cmpuint (sc_preset_get_n_fields (saved), ==, 5);
  g_assert_cmpint (sc_preset_get_field (saved, sc_preset_find_field (saved, "handle_s"))->unit, ==,
                   SC_UNIT_MINUTES);
  g_assert_true (shows (dialog, "Saved the preset “Acme Helpdesk”"));
  /* The dialog reads the file with the new preset, which fits it best. */
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "acme-helpdesk");
  g_assert_null (sc_import_dialog_get_preset (dialog));
  g_assert_true (shows (dialog, "Detected: fits 100% of the header"));
  g_assert_false (shows (dialog, "Each Row Is"));
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-mapping-saved.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();

  /* Opened again, the file is recognised at once. */
  sc_window_open_path (fixture->window, fixture->csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "acme-helpdesk");
  g_assert_true (shows (dialog, "Detected: fits 100% of the header"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
}

/* A file that misses a column a preset needs opens with that preset's
 * columns mapped, for the user to complete. */
static void
test_guess (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "calls.csv", NULL);
  ScImportDialog *dialog;

  g_assert_true (g_file_set_contents (csv, "Call ID,Agent,Talk time,Mood\nC1,Zoe,120,calm\n", -1,
                                      NULL));
  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (shows (dialog, "No known export fits this header: choose a field for each column"));
  /* Guessed from the call log, whose rows of one id are one call. */
  g_assert_true (shows (dialog, "A call or part of one"));
  g_assert_cmpuint (gtk_drop_down_get_selected (find_dropdown (GTK_WIDGET (dialog), 3, FALSE)), ==, 0);
  g_assert_true (shows (dialog, "Talk time"));
  g_assert_true (shows (dialog, "0:02:00"));
  g_assert_true (shows (dialog, "Every row needs “Created”: choose the column that holds each "
                                "before importing."));
  g_assert_false (can (dialog, "import-dialog.import"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
}

/* Changing one column of a detected export changes only that column: the
 * others are still read as the preset reads them (the time of day in its
 * own column, the answered flag inverted). */
static void
test_from_preset (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                "pwc-call-center.csv", NULL);
  ScImportDialog *dialog;

  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "pwc-call-center");
  g_assert_false (can (dialog, "import-dialog.save-preset"));
  choose_field (dialog, 4, "Not used");
  g_assert_true (shows (dialog, "Mapped by Hand"));
  g_assert_true (shows (dialog, "Choose a field for each column below"));
  g_assert_true (shows (dialog, "Created (time of day)"));
  g_assert_true (shows (dialog, "2021-01-01 09:12 +00:00") || shows (dialog, "2021-01-01 09:12:58 +00:00"));
  g_assert_true (shows (dialog, "The file’s 3 rows as they would be read; 0 would be rejected"));
  g_assert_true (can (dialog, "import-dialog.save-preset"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  sc_ui_test_wait_idle (fixture->window);
  {
    ScStoreOverview overview;

    g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
    g_assert_cmpint (overview.interactions, ==, 3);
    g_assert_cmpint (overview.first_created, ==, 1609492378);
  }
}

/* "Mapped by Hand" as the export type starts from the detected preset's
 * mapping: a repeated column name (Jira's Labels) is read with the first,
 * the columns the preset keeps as dimensions stay kept. */
static void
map_detected_by_hand (Fixture    *fixture,
                      const char *name,
                      gboolean    keeps_dimensions)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  ScImportDialog *dialog;
  AdwComboRow *preset_row;

  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  preset_row = ADW_COMBO_ROW (sc_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (preset_row,
                              g_list_model_get_n_items (adw_combo_row_get_model (preset_row)) - 1);
  sc_ui_test_wait_for_preview (dialog);
  g_assert_true (shows (dialog, "Choose a field for each column below"));
  g_assert_cmpint (shows (dialog, "Kept as a dimension"), ==, keeps_dimensions);
  g_assert_nonnull (sc_import_dialog_get_preset (dialog));
  g_assert_true (can (dialog, "import-dialog.import"));
  g_assert_true (can (dialog, "import-dialog.save-preset"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
}

static void
test_detected_by_hand (Fixture       *fixture,
                       gconstpointer  data)
{
  map_detected_by_hand (fixture, "jira-service-management.csv", FALSE);
  map_detected_by_hand (fixture, "zendesk-custom-fields.csv", TRUE);
}

static gboolean
is_values_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_DROP_DOWN (widget)
         && g_object_get_data (G_OBJECT (widget), "sc-column") == data
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Values…") == 0;
}

/* Chooses the meaning @label for @word in the Values dialog. */
static void
choose_meaning (AdwMessageDialog *values,
                const char       *word,
                const char       *label)
{
  GtkWidget *list = sc_ui_test_find_widget (GTK_WIDGET (values), GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_COMBO_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), word) == 0)
      {
        GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
            {
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
              return;
            }
      }
  g_error ("no value “%s” to mean “%s”", word, label);
}

static gboolean
add_resolved_cb (const ScFactRow *row,
                 gpointer         user_data)
{
  gint64 *sums = user_data;

  sums[row->resolved == SC_MISSING ? 2 : row->resolved]++;
  return TRUE;
}

/* Words a yes/no field does not read are given a meaning in the Values
 * dialog; the preview and the import read them so. */
static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  ScImportDialog *dialog;
  GtkWidget *button;
  AdwMessageDialog *values;
  gint64 sums[3] = { 0, 0, 0 };

  sc_window_open_path (fixture->window, fixture->csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  choose_field (dialog, 0, "Ticket or record id");
  choose_field (dialog, 1, "Created");
  g_assert_null (sc_ui_test_find (GTK_WIDGET (dialog), is_values_button, GUINT_TO_POINTER (3)));
  choose_field (dialog, 3, "Resolved");
  g_assert_true (shows (dialog, "0 of 2 (0%)"));
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "“erledigt” is not yes or no"));
  button = sc_ui_test_find (GTK_WIDGET (dialog), is_values_button, GUINT_TO_POINTER (3));
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  values = wait_for_message_dialog ("Values of “Notiz”");
  choose_meaning (values, "erledigt", "Yes");
  /* Drawn once before the picture. */
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (values), "import-values.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (values), "import-values-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  adw_message_dialog_response (values, "apply");
  sc_ui_test_wait_for_preview (dialog);
  g_assert_true (shows (dialog, "1 of 2 (50%)"));

  /* Again: the word given a meaning is listed with it, the other one
   * still unread. */
  button = sc_ui_test_find (GTK_WIDGET (dialog), is_values_button, GUINT_TO_POINTER (3));
  g_signal_emit_by_name (button, "clicked");
  values = wait_for_message_dialog ("Values of “Notiz”");
  choose_meaning (values, "offen", "No");
  adw_message_dialog_response (values, "apply");
  sc_ui_test_wait_for_preview (dialog);
  g_assert_true (shows (dialog, "2 of 2 (100%)"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_store_scan_interactions (sc_window_get_store (fixture->window), FALSE,
                                             add_resolved_cb, sums, NULL));
  /* T-1 erledigt, T-3 offen, T-2 says nothing. */
  g_assert_cmpint (sums[1], ==, 1);
  g_assert_cmpint (sums[0], ==, 1);
  g_assert_cmpint (sums[2], ==, 1);
}

/* A date and its time of day in two columns, mapped by hand: the
 * preview and the import read them together; without the time, the date
 * alone. */
static void
test_time_of_day (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "split.csv", NULL);
  ScImportDialog *dialog;
  ScStoreOverview overview;

  g_assert_true (g_file_set_contents (csv, "Nummer,Datum,Uhrzeit\nA-1,2024-03-01,09:15:30\n"
                                           "A-2,2024-03-02,17:05\n", -1, NULL));
  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  choose_field (dialog, 0, "Ticket or record id");
  choose_field (dialog, 1, "Created");
  g_assert_true (shows (dialog, "2024-03-01 00:00 +00:00"));
  choose_field (dialog, 2, "Created (time of day)");
  g_assert_true (shows (dialog, "2024-03-01 09:15:30 +00:00"));
  g_assert_true (shows (dialog, "2024-03-02 17:05 +00:00"));
  choose_field (dialog, 2, "Not used");
  g_assert_true (shows (dialog, "2024-03-01 00:00 +00:00"));
  choose_field (dialog, 2, "Created (time of day)");
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-time-of-day.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 2);
  g_assert_cmpint (overview.first_created, ==, 1709284530);   /* 2024-03-01 09:15:30 UTC */
  g_assert_cmpint (overview.last_created, ==, 1709399100);    /* 2024-03-02 17:05 UTC */
}

static gboolean
is_record_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Each _Row Is") == 0;
}

/* An unknown log of a ticket's events, mapped by hand, its rows read as
 * events: one ticket per case, created at its first event. */
static void
test_events_by_hand (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "vorgaenge.csv", NULL);
  ScImportDialog *dialog;
  AdwComboRow *record_row;
  GListModel *model;
  ScStoreOverview overview;

  g_assert_true (g_file_set_contents (csv, "Vorgang,Aktivität,Zeitpunkt\n"
                                           "V-1,Neu,2024-05-01 10:00\n"
                                           "V-2,Neu,2024-05-02 09:00\n"
                                           "V-1,Gelöst,2024-05-01 12:00\n"
                                           "V-1,Eröffnet,2024-05-01 08:00\n", -1, NULL));
  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  choose_field (dialog, 0, "Ticket or record id");
  choose_field (dialog, 1, "Status");
  choose_field (dialog, 2, "Created");
  record_row = ADW_COMBO_ROW (sc_ui_test_find (GTK_WIDGET (dialog), is_record_row, NULL));
  g_assert_nonnull (record_row);
  model = adw_combo_row_get_model (record_row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "An event of a ticket"))
      adw_combo_row_set_selected (record_row, i);
  sc_ui_test_wait_for_preview (dialog);
  sc_ui_test_import_folded (fixture->window, dialog, &overview);
  g_assert_cmpint (overview.interactions, ==, 2);
  g_assert_cmpint (overview.first_created, ==, 1714550400);   /* 2024-05-01 08:00, V-1's first event */
}

/* A file whose first line holds values has no header to map: the window
 * says so. */
static void
test_no_header (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "no-header.csv", NULL);
  AdwMessageDialog *error;
  ScStoreOverview overview;

  g_assert_true (g_file_set_contents (csv, "1001,2024-03-01 09:00,12.5\n1002,2024-03-02 10:00,3\n",
                                      -1, NULL));
  sc_window_open_path (fixture->window, csv);
  error = wait_for_message_dialog ("Cannot Import “no-header.csv”");
  sc_test_assert_contains (adw_message_dialog_get_body (error), "the file has no header");
  adw_message_dialog_response (error, "close");
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.imports, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = sc_test_make_tmpdir ();
  int status;

  /* Saved presets go to a folder of the test, never the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  sc_ui_test_init (&argc, &argv);

  g_test_add ("/scorecard/ui/import-mapping/import", Fixture, NULL, fixture_setup,
              test_map_and_import, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/save-preset", Fixture, NULL, fixture_setup,
              test_save_preset, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/guess", Fixture, NULL, fixture_setup, test_guess,
              fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/from-preset", Fixture, NULL, fixture_setup,
              test_from_preset, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/detected-by-hand", Fixture, NULL, fixture_setup,
              test_detected_by_hand, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/no-header", Fixture, NULL, fixture_setup,
              test_no_header, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/values", Fixture, NULL, fixture_setup,
              test_values, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/time-of-day", Fixture, NULL, fixture_setup,
              test_time_of_day, fixture_teardown);
  g_test_add ("/scorecard/ui/import-mapping/events-by-hand", Fixture, NULL, fixture_setup,
              test_events_by_hand, fixture_teardown);
  status = g_test_run ();
  sc_test_remove_tree (data_home);
  return status;
}
