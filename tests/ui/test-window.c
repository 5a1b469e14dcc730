/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real window on the demo store, visits every page, checks the
 * numbers it shows against the store, and renders it to PNG in light and
 * dark (the README's screenshot comes from here).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sc-chart-axis.h"
#include "sc-imports-page.h"
#include "sc-preferences-window.h"
#include "sc-test-util.h"
#include "sc-ui-test-util.h"
#include "sc-window.h"

typedef struct
{
  char     *dir;
  char     *path;
  ScWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = sc_test_make_tmpdir ();
  /* As the app opens it: the README's screenshot comes from here. */
  fixture->path = sc_ui_test_make_full_demo (fixture->dir);
  fixture->window = sc_ui_test_open_window (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_ui_test_close_window (fixture->window);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const names[] = { "dashboard", "trends", "segments", "targets", "imports" };
  ScWindow *window = fixture->window;

  ScStoreOverview overview;
  g_autofree char *count = NULL;

  /* The dashboard shows the store's own numbers. */
  g_assert_nonnull (sc_window_get_store (window));
  g_assert_true (sc_store_get_overview (sc_window_get_store (window), &overview, NULL));
  count = sc_chart_format_number ((double) overview.interactions, 0);
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (window), count));
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (window), "1 Nov 2024 – 31 Oct 2026"));
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (window), "Northwind Support"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s.png", names[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      g_assert_cmpstr (sc_window_get_page (window), ==, names[i]);
      sc_ui_test_settle ();
      sc_ui_test_save_png (GTK_WIDGET (window), png);
    }

  /* Ctrl+1 is the dashboard again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  g_assert_cmpstr (sc_window_get_page (window), ==, "dashboard");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (window), "dashboard-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static const char tickets_csv[] =
  "Id,Created at,First reply at,Solved at,Status,Priority,Channel,Group,Assignee,Requester,"
  "Customer segment,Region,Category,Tags,Replies,Reopens,Agent touches,Handle time (s),"
  "First reply time (min),Full resolution time (min),SLA first reply target (min),"
  "Satisfaction rating,Satisfaction score (1-5),NPS (0-10),Customer effort (1-7),Abandoned,"
  "Escalated,Resolved by self-service,Subject\n"
  "900001,2026-10-05T09:00:00+02:00,2026-10-05T09:30:00+02:00,2026-10-05T12:00:00+02:00,solved,"
  "normal,email,Frontline,Ada Lovelace,Jo <jo@example.com>,Pro,EMEA,How-to,howto,1,0,1,300,30,"
  "180,480,good,5,,,false,false,false,How do I export?\n"
  "900002,2026-10-06T10:00:00+02:00,,,open,high,chat,Billing,,\"Doe, Jane <jane@example.com>\","
  "Free,NA,Billing & Invoices,,0,0,0,0,,,3,unoffered,,,,false,false,false,\"Refund, please\"\n"
  "900003,not a date,,,open,high,chat,Billing,,Max <max@example.com>,"
  "Free,NA,Billing & Invoices,,0,0,0,0,,,3,unoffered,,,,false,false,false,Broken row\n";

/* A file dropped on the window (or chosen with Import…) is imported off
 * the main thread; the good rows land, the bad one is kept as a reject. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "tickets.csv", NULL);
  ScStoreOverview before, after;
  ScStore *store = sc_window_get_store (fixture->window);
  ScImportDialog *dialog;
  GtkWidget *expander;

  g_assert_true (g_file_set_contents (csv, tickets_csv, -1, NULL));
  g_assert_true (sc_store_get_overview (store, &before, NULL));

  /* It shows in the import dialog first; Import runs it. */
  sc_window_open_path (fixture->window, csv);
  dialog = sc_ui_test_wait_for_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (sc_import_dialog_get_preset_id (dialog), ==, "gen-tickets");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  g_assert_true (sc_window_is_busy (fixture->window));
  sc_ui_test_wait_idle (fixture->window);

  g_assert_true (sc_store_get_overview (store, &after, NULL));
  g_assert_cmpint (after.interactions, ==, before.interactions + 2);
  g_assert_cmpint (after.imports, ==, before.imports + 1);
  g_assert_cmpint (after.rejects, ==, before.rejects + 1);

  /* The same file again changes nothing. */
  sc_window_import_file (fixture->window, csv);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_store_get_overview (store, &before, NULL));
  g_assert_cmpint (before.interactions, ==, after.interactions);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "imports");
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (fixture->window), "tickets.csv"));
  /* Named by the preset's name, not its id. */
  {
    g_autoptr(GPtrArray) imports = sc_store_list_imports (store, NULL);
    const ScImportRecord *last = g_ptr_array_index (imports, 0);   /* newest first */
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (last->started_at);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *when = g_date_time_format (local, "%-d %b %Y, %H:%M");
    g_autofree char *subtitle = g_strdup_printf ("%s · Helpdesk ticket export (benchmark generator) · "
                                                 "0 new, 0 updated, 2 unchanged, 1 rejected", when);

    g_assert_true (sc_ui_test_wait_for_text (GTK_WIDGET (fixture->window), subtitle));
  }
  /* Large counts are grouped in thousands, as everywhere else. */
  {
    ScImportCounts counts = { .inserted = 1234567, .updated = 1000, .unchanged = 999 };
    g_autofree char *text = sc_import_counts_describe (&counts);

    g_assert_cmpstr (text, ==, "1,234,567 new, 1,000 updated, 999 unchanged, 0 rejected");
  }

  /* Expanding an import lists its rejected rows with line, column and why. */
  expander = sc_ui_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_wait_for_text (GTK_WIDGET (fixture->window), "Line 4 · Created at"));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "imports-after.png");
}

/* An empty store shows how to get data in; a file that is not a store is
 * refused, shown with the reason, and left as it was. */
static void
test_states (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.sqlite", NULL);
  g_autofree char *bogus = g_build_filename (fixture->dir, "notes.sqlite", NULL);
  g_autofree char *contents = NULL;

  sc_window_open_store (fixture->window, empty, FALSE);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (fixture->window), "No Service Data Yet"));
  g_assert_nonnull (sc_ui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "empty.png");

  g_assert_true (g_file_set_contents (bogus, "not a database\n", -1, NULL));
  sc_window_open_store (fixture->window, bogus, FALSE);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_null (sc_window_get_store (fixture->window));
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (fixture->window), "Cannot Open the Store"));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "refused.png");
  g_assert_true (g_file_get_contents (bogus, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a database\n");
}

/* Every other window builds from its template without a warning (the
 * test environment makes warnings fatal). */
static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) builder = NULL;
  ScPreferencesWindow *preferences;
  GObject *overlay;

  preferences = sc_preferences_window_new (GTK_WINDOW (fixture->window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (preferences), "preferences.png");

  /* The Dashboard page's first switch is the first metric of the
   * catalogue, volume: turning it off takes it off the dashboard, and a
   * change made elsewhere shows on the switch. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "dashboard");
  sc_ui_test_settle ();
  sc_ui_test_save_png (GTK_WIDGET (preferences), "preferences-dashboard.png");
  {
    GtkSwitch *volume = GTK_SWITCH (sc_ui_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH));
    g_auto(GStrv) before = g_settings_get_strv (settings, "headline-metrics");
    g_auto(GStrv) after = NULL;

    g_assert_nonnull (volume);
    g_assert_true (g_strv_contains ((const char * const *) before, "volume"));
    g_assert_true (gtk_switch_get_active (volume));
    gtk_switch_set_active (volume, FALSE);
    after = g_settings_get_strv (settings, "headline-metrics");
    g_assert_false (g_strv_contains ((const char * const *) after, "volume"));
    g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) - 1);
    sc_ui_test_wait_idle (fixture->window);
    sc_ui_test_settle ();
    g_assert_false (sc_ui_test_shows_text (GTK_WIDGET (fixture->window), "Volume"));

    g_settings_reset (settings, "headline-metrics");
    g_assert_true (gtk_switch_get_active (volume));
    sc_ui_test_wait_idle (fixture->window);
    g_assert_true (sc_ui_test_wait_for_text (GTK_WIDGET (fixture->window), "Volume"));
  }
  gtk_window_destroy (GTK_WINDOW (preferences));

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  sc_ui_test_init (&argc, &argv);

  g_test_add ("/scorecard/ui/window/pages", Fixture, NULL, fixture_setup, test_pages,
              fixture_teardown);

  g_test_add ("/scorecard/ui/window/import", Fixture, NULL, fixture_setup, test_import,
              fixture_teardown);
  g_test_add ("/scorecard/ui/window/states", Fixture, NULL, fixture_setup, test_states,
              fixture_teardown);
  g_test_add ("/scorecard/ui/window/dialogs", Fixture, NULL, fixture_setup, test_dialogs,
              fixture_teardown);

  return g_test_run ();
}
