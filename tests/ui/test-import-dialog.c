/* test-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import dialog a dropped file shows before it is imported: the
 * detected export type, the store's zone, the columns with the share of
 * values that parse, the first rows with the rejected ones marked; the
 * export type, date order and zone changed; then Import with those
 * choices. Rendered in light and dark.
 */

#include "config.h"

#include <adwaita.h>

#include "sc-test-util.h"
#include "sc-ui-test-util.h"
#include "sc-window.h"

typedef struct
{
  char     *dir;
  ScWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = sc_test_make_tmpdir ();
  path = sc_ui_test_make_empty_store (fixture->dir, "Europe/Berlin");
  fixture->window = sc_ui_test_open_window (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_ui_test_close_window (fixture->window);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
shows (ScImportDialog *dialog,
       const char     *text)
{
  return sc_ui_test_shows_text (GTK_WIDGET (dialog), text);
}

/* Scrolls the dialog down to the preview of the rows. */
static void
scroll_to_end (ScImportDialog *dialog)
{
  GtkWidget *scrolled = sc_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sc_ui_test_settle ();
}

/* Opens a test file and waits for its import dialog. */
static ScImportDialog *
open_fixture (Fixture    *fixture,
              const char *name)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  ScImportDialog *dialog;

  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_dialog (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2021, 4, 3, 7, 12, 58);
  ScImportDialog *dialog = open_fixture (fixture, "pwc-call-center-bad-rows.csv");
  GtkWidget *zone_row;
  ScStoreOverview overview;

  /* Detected, read in the store's zone, month first (02/30 decides). */
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "pwc-call-center");
  g_assert_true (shows (dialog, "Detected: fits 100% of the header"));
  zone_row = sc_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone_row)), ==, "Europe/Berlin");
  g_assert_true (shows (dialog, "2021-03-04 09:12:58 +01:00"));
  /* The columns: a field each, the scores that parse, a time of day. */
  g_assert_true (shows (dialog, "CSAT"));
  g_assert_true (shows (dialog, "3 of 4 (75%)"));
  g_assert_true (shows (dialog, "Created (time of day)"));
  /* The rows: four rejected with the import's reasons, two kept. */
  g_assert_true (shows (dialog, "wrong number of fields: the row has 3 fields, the header 10"));
  g_assert_true (shows (dialog, "The file’s 6 rows as they would be read; 4 would be rejected"));
  g_assert_true (shows (dialog, "OK"));
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog-dark.png");
  scroll_to_end (dialog);
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog-rows-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog-rows.png");

  /* Another export type maps the columns differently. */
  sc_import_dialog_set_preset_id (dialog, "call-log");
  g_assert_true (sc_import_dialog_is_loading (dialog));
  sc_ui_test_wait_for_preview (dialog);
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "call-log");
  g_assert_true (shows (dialog, "Not used"));
  g_assert_true (shows (dialog, "required value missing: no column holds created_at"));
  g_assert_false (shows (dialog, "Detected: fits 100% of the header"));
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog-preset.png");
  sc_import_dialog_set_preset_id (dialog, "pwc-call-center");
  sc_ui_test_wait_for_preview (dialog);

  /* Day first: 03/04 is 3 April; a zone that does not exist is refused. */
  sc_import_dialog_set_date_order (dialog, SC_DATE_ORDER_DMY);
  sc_ui_test_wait_for_preview (dialog);
  g_assert_true (shows (dialog, "2021-04-03 09:12:58 +02:00"));
  gtk_editable_set_text (GTK_EDITABLE (zone_row), "Europe/Nowhere");
  g_assert_true (gtk_widget_has_css_class (zone_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (zone_row), "UTC");
  g_assert_false (gtk_widget_has_css_class (zone_row, "error"));
  sc_ui_test_wait_for_preview (dialog);
  g_assert_true (shows (dialog, "2021-04-03 09:12:58 +00:00"));
  gtk_editable_set_text (GTK_EDITABLE (zone_row), "Europe/Berlin");
  sc_ui_test_wait_for_preview (dialog);
  g_assert_true (shows (dialog, "2021-04-03 09:12:58 +02:00"));

  /* Import runs with those choices: 3 April 09:12:58 in Berlin first. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_true (sc_window_is_busy (fixture->window));
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 2);
  g_assert_cmpint (overview.rejects, ==, 4);
  g_assert_cmpint (overview.imports, ==, 1);
  g_assert_cmpint (overview.first_created, ==, g_date_time_to_unix (first));

  /* The store had no data: the window now shows the latest month of the
   * import, not "All data" (which has no metrics to show). */
  {
    ScViewState *state = sc_window_get_view_state (fixture->window);
    g_autoptr(GTimeZone) zone = sc_store_dup_time_zone (sc_window_get_store (fixture->window));

    g_assert_cmpint (sc_view_state_get_kind (state), ==, SC_PERIOD_MONTH);
    g_assert_cmpint (sc_view_state_get_from (state), ==,
                     sc_latest_complete_month (overview.last_created,
                                               g_get_real_time () / G_USEC_PER_SEC, zone));
  }
}

static gboolean
has_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_IMPORT_DIALOG (window))
        return TRUE;
    }
  return FALSE;
}

/* Cancel imports nothing. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  ScImportDialog *dialog = open_fixture (fixture, "zendesk.csv");
  ScStoreOverview overview;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
  g_assert_false (has_dialog ());
  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.imports, ==, 0);
}

/* An event log: the dialog says its rows make one ticket per case, and
 * the import makes them so. */
static void
test_event_log (Fixture       *fixture,
                gconstpointer  data)
{
  ScImportDialog *dialog = open_fixture (fixture, "event-log.csv");
  ScStoreOverview overview;

  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "event-log");
  sc_ui_test_import_folded (fixture->window, dialog, &overview);
  g_assert_cmpint (overview.interactions, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  sc_ui_test_init (&argc, &argv);

  g_test_add ("/scorecard/ui/import-dialog/dialog", Fixture, NULL, fixture_setup, test_dialog,
              fixture_teardown);
  g_test_add ("/scorecard/ui/import-dialog/cancel", Fixture, NULL, fixture_setup, test_cancel,
              fixture_teardown);
  g_test_add ("/scorecard/ui/import-dialog/event-log", Fixture, NULL, fixture_setup, test_event_log,
              fixture_teardown);
  return g_test_run ();
}
