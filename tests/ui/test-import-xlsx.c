/* test-import-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Excel workbooks imported through the window, as a dropped file is: a
 * Zammad export saved as .xlsx lands in an empty store and is listed on
 * the Imports page; an old .xls is refused with a message saying how to
 * save it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-test-util.h"
#include "sc-test-xlsx.h"
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
  path = sc_ui_test_make_empty_store (fixture->dir, NULL);
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

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "zammad.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "zammad-tickets.xlsx", NULL);
  ScImportDialog *dialog;
  ScStoreOverview overview;

  sc_test_xlsx_from_csv (csv, xlsx, "Tickets – export");
  sc_window_open_path (fixture->window, xlsx);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "zammad");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_true (sc_window_is_busy (fixture->window));
  sc_ui_test_wait_idle (fixture->window);

  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 3);
  g_assert_cmpint (overview.imports, ==, 1);
  g_assert_cmpint (overview.rejects, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "imports");
  g_assert_true (sc_ui_test_wait_for_text (GTK_WIDGET (fixture->window), "zammad-tickets.xlsx"));
  /* Past the page's cross-fade. */
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "imports-xlsx.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "imports-xlsx-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* A workbook whose first sheet holds notes: the dialog opens on the
 * sheet that fits an export and offers the others. */
static void
test_choose_sheet (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "zammad.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "helpdesk-export.xlsx", NULL);
  AdwComboRow *sheet_row;
  ScImportDialog *dialog;
  ScStoreOverview overview;

  sc_test_xlsx_from_csv_with_notes (csv, xlsx, NULL, "Read me");
  sc_window_open_path (fixture->window, xlsx);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "zammad");
  sheet_row = ADW_COMBO_ROW (sc_ui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Sheet"));
  g_assert_nonnull (sheet_row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheet_row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (sheet_row)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (sheet_row), ==, 1);
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog-xlsx.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (dialog), "import-dialog-xlsx-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The notes fit no export: the dialog says so and the sheet can be
   * chosen again. */
  adw_combo_row_set_selected (sheet_row, 0);
  sc_ui_test_wait_for_preview (dialog);
  g_assert_cmpstr (sc_import_dialog_get_sheet (dialog), ==, "Read me");
  adw_combo_row_set_selected (sheet_row, 1);
  sc_ui_test_wait_for_preview (dialog);
  g_assert_cmpstr (sc_import_dialog_get_sheet (dialog), ==, "Tickets");
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "zammad");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 3);
  g_assert_cmpint (overview.rejects, ==, 0);
}

/* The message dialog the window shows, once it is up. */
static AdwMessageDialog *
wait_for_dialog (void)
{
  for (guint tries = 0; tries < 100; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
            return ADW_MESSAGE_DIALOG (window);
        }
      sc_ui_test_settle ();
    }
  return NULL;
}

static void
test_old_workbook (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
  g_autofree char *xls = g_build_filename (fixture->dir, "report.xls", NULL);
  AdwMessageDialog *dialog;
  ScStoreOverview overview;

  g_assert_true (g_file_set_contents (xls, ole, sizeof ole, NULL));
  sc_window_open_path (fixture->window, xls);
  sc_ui_test_wait_idle (fixture->window);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "save it as Excel Workbook (.xlsx) or CSV"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (sc_store_get_overview (sc_window_get_store (fixture->window), &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 0);
  g_assert_cmpint (overview.imports, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  sc_ui_test_init (&argc, &argv);

  g_test_add ("/scorecard/ui/import-xlsx/workbook", Fixture, NULL, fixture_setup, test_workbook,
              fixture_teardown);
  g_test_add ("/scorecard/ui/import-xlsx/choose-sheet", Fixture, NULL, fixture_setup,
              test_choose_sheet, fixture_teardown);
  g_test_add ("/scorecard/ui/import-xlsx/old-workbook", Fixture, NULL, fixture_setup,
              test_old_workbook, fixture_teardown);
  return g_test_run ();
}
