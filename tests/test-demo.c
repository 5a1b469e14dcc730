/* test-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sc-demo.h"
#include "sc-store-targets.h"
#include "sc-test-util.h"

static char *
generate (const char *dir,
          const char *name,
          guint32     seed,
          ScStoreOverview *overview)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  ScImportCounts counts;
  ScDemoOptions options;
  g_autoptr(GPtrArray) versions = NULL;
  char *checksum;

  g_assert_no_error (error);
  sc_demo_options_init (&options);
  options.seed = seed;
  options.end_year = 2026;
  options.end_month = 10;
  g_assert_true (sc_demo_generate (store, &options, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.inserted, ==, counts.rows_read);
  g_assert_true (sc_store_get_overview (store, overview, &error));
  checksum = sc_store_dup_content_checksum (store, &error);
  g_assert_no_error (error);

  /* Two years of targets, each year's set the December before. */
  versions = sc_store_list_target_versions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 18);

  /* Writing it again into the same store changes nothing. */
  g_assert_true (sc_demo_generate (store, &options, NULL, &counts, &error));
  g_assert_cmpint (counts.unchanged, ==, counts.rows_read);
  g_assert_cmpint (counts.inserted + counts.updated, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = sc_store_list_target_versions (store, &error);
  g_assert_cmpuint (versions->len, ==, 18);
  return checksum;
}

static void
test_deterministic (void)
{
  g_autofree char *dir = sc_test_make_tmpdir ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  ScStoreOverview first, second, third;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  a = generate (dir, "a.sqlite", SC_DEMO_DEFAULT_SEED, &first);
  b = generate (dir, "b.sqlite", SC_DEMO_DEFAULT_SEED, &second);
  c = generate (dir, "c.sqlite", 7, &third);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpint (first.interactions, ==, second.interactions);

  /* About 50,000 interactions over exactly the 24 months asked for. */
  g_assert_cmpint (first.interactions, >, 42000);
  g_assert_cmpint (first.interactions, <, 58000);
  g_assert_cmpint (first.customers, ==, 4000);
  g_assert_cmpint (first.agent_days, >, 15000);
  /* 1 November 2024 to 31 October 2026 in Berlin. */
  zone = g_time_zone_new_identifier (SC_DEMO_TIMEZONE);
  start = g_date_time_new (zone, 2024, 11, 1, 0, 0, 0);
  end = g_date_time_new (zone, 2026, 11, 1, 0, 0, 0);
  g_assert_cmpint (first.first_created, >=, g_date_time_to_unix (start));
  g_assert_cmpint (first.first_created, <, g_date_time_to_unix (start) + 86400);
  g_assert_cmpint (first.last_created, <, g_date_time_to_unix (end));
  g_assert_cmpint (first.last_created, >, g_date_time_to_unix (end) - 86400);
  sc_test_remove_tree (dir);
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sc_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cancel.sqlite", NULL);
  ScStore *store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ScStoreOverview overview;
  ScDemoOptions options;

  sc_demo_options_init (&options);
  options.end_year = 2026;
  options.end_month = 10;
  g_cancellable_cancel (cancellable);
  g_assert_false (sc_demo_generate (store, &options, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (sc_store_get_overview (store, &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 0);
  g_assert_cmpint (overview.imports, ==, 0);
  g_object_unref (store);
  sc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/demo/deterministic", test_deterministic);
  g_test_add_func ("/scorecard/demo/cancel", test_cancel);

  return g_test_run ();
}
