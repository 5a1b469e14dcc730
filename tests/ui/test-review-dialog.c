/* test-review-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export Monthly Review…" on the demo store: the menu action opens the
 * dialog with the window's period and the organisation's name, an export runs off the main thread to a
 * PDF and its CSV pack and ends in a toast, a bad period is refused in the
 * dialog, a review frozen before is announced, and Cancel stops a running
 * export. Screenshots in light and dark.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sc-review-dialog.h"
#include "sc-review.h"
#include "sc-test-util.h"
#include "sc-ui-test-util.h"

typedef struct
{
  char     *dir;
  ScWindow *window;
} Fixture;

static char *store_path;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_while_running (ScReviewDialog *dialog)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (sc_review_dialog_is_running (dialog) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) source = g_file_new_for_path (store_path);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->dir = sc_test_make_tmpdir ();
  copy = g_file_new_build_filename (fixture->dir, "demo.sqlite", NULL);
  g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->window = sc_ui_test_open_window (g_file_peek_path (copy));
  sc_ui_test_wait_idle (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_ui_test_close_window (fixture->window);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The dialog the window's action opened. */
static ScReviewDialog *
open_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-review", NULL));
  sc_ui_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (SC_IS_REVIEW_DIALOG (item))
        return SC_REVIEW_DIALOG (item);
    }
  g_assert_not_reached ();
}

static gboolean
find_entry_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_EDITABLE (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_entry_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  ScReviewDialog *dialog = open_dialog (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *summary = g_build_filename (fixture->dir, "review CSV", "summary.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autofree char *content = NULL;
  gsize length = 0;

  /* It starts with the window's period: the demo's last month. */
  g_assert_true (find_entry_text (GTK_WIDGET (dialog), "2026-10"));
  /* And the organisation's name from the store's settings. */
  g_assert_true (find_entry_text (GTK_WIDGET (dialog), "Northwind Support"));
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (dialog), "Break Down By"));
  sc_ui_test_save_png (GTK_WIDGET (dialog), "review-dialog-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (dialog), "review-dialog-dark.png");

  g_object_ref (dialog);
  sc_review_dialog_export_to (dialog, file);
  g_assert_true (sc_review_dialog_is_running (dialog));
  wait_while_running (dialog);
  /* Done: the dialog is gone, the files are there and the window says so. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_assert_true (g_file_get_contents (pdf, &content, &length, NULL));
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (g_str_has_prefix (content, "%PDF-"));
  g_assert_true (g_file_test (summary, G_FILE_TEST_IS_REGULAR));
  g_assert_true (sc_ui_test_wait_for_part (GTK_WIDGET (fixture->window),
                                           "Review of October 2026 exported to review.pdf"));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "review-toast-dark.png");
}

/* The switch of the row titled @title under @widget. */
static GtkSwitch *
find_switch_row (GtkWidget  *widget,
                 const char *title)
{
  GtkWidget *row = sc_ui_test_find_row (widget, ADW_TYPE_ACTION_ROW, title);

  return row != NULL ? GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))) : NULL;
}

/* A field kept from an import is offered as a breakdown, and chosen, it
 * gets its table in the CSV pack. */
static void
test_custom_dimension (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                "zendesk-custom-fields.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *pack = g_build_filename (fixture->dir, "review CSV", "breakdown-plan.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  ScReviewDialog *dialog;
  GtkSwitch *plan;

  sc_window_import_file (fixture->window, csv);
  sc_ui_test_wait_idle (fixture->window);
  dialog = open_dialog (fixture);
  plan = find_switch_row (GTK_WIDGET (dialog), "Plan");
  g_assert_nonnull (plan);
  g_assert_false (gtk_switch_get_active (plan));
  g_assert_nonnull (find_switch_row (GTK_WIDGET (dialog), "Product line"));
  gtk_switch_set_active (plan, TRUE);

  g_object_ref (dialog);
  sc_review_dialog_export_to (dialog, file);
  wait_while_running (dialog);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_assert_true (g_file_test (pack, G_FILE_TEST_IS_REGULAR));
}

static void
test_bad_period (Fixture       *fixture,
                 gconstpointer  data)
{
  ScReviewDialog *dialog = open_dialog (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "bad.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);

  sc_review_dialog_set_period (dialog, "2026-13");
  sc_review_dialog_export_to (dialog, file);
  g_assert_false (sc_review_dialog_is_running (dialog));
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "“2026-13” is not a period"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  sc_ui_test_save_png (GTK_WIDGET (dialog), "review-dialog-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  ScReviewDialog *dialog = open_dialog (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);

  g_object_ref (dialog);
  sc_review_dialog_export_to (dialog, file);
  g_assert_true (sc_review_dialog_is_running (dialog));
  /* Closing while it runs cancels and keeps the dialog until it stops. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_while_running (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (sc_ui_test_shows_part (GTK_WIDGET (fixture->window), "exported to"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A review frozen before says so in the dialog. */
static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  ScReviewDialog *dialog = open_dialog (fixture);
  ScStore *store = sc_window_get_store (fixture->window);
  g_autoptr(ScEngine) engine = sc_engine_new (store);
  g_autoptr(ScReviewOptions) options = sc_review_options_new ("2026-10");
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "Keep its numbers"));
  review = sc_review_compute (engine, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_review_freeze (review, store, &error));
  g_assert_no_error (error);
  /* The dialog looks again when the period changes. */
  sc_review_dialog_set_period (dialog, "2026-09");
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "Keep its numbers"));
  sc_review_dialog_set_period (dialog, "2026-10");
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "the review will show the numbers restated since"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  sc_ui_test_init (&argc, &argv);
  dir = sc_test_make_tmpdir ();
  store_path = sc_ui_test_make_demo (dir);

  g_test_add ("/scorecard/ui/review-dialog/export", Fixture, NULL, fixture_setup, test_export,
              fixture_teardown);
  g_test_add ("/scorecard/ui/review-dialog/bad-period", Fixture, NULL, fixture_setup, test_bad_period,
              fixture_teardown);
  g_test_add ("/scorecard/ui/review-dialog/frozen", Fixture, NULL, fixture_setup, test_frozen,
              fixture_teardown);
  g_test_add ("/scorecard/ui/review-dialog/custom-dimension", Fixture, NULL, fixture_setup,
              test_custom_dimension, fixture_teardown);
  g_test_add ("/scorecard/ui/review-dialog/cancel", Fixture, NULL, fixture_setup, test_cancel,
              fixture_teardown);

  status = g_test_run ();
  sc_test_remove_tree (dir);
  g_free (store_path);
  return status;
}
