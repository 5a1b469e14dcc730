/* bench-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly review of October 2026 on a store of 1,000,000 interactions
 * written by the benchmark generator, broken down by channel and team,
 * with targets that are missed (so the per-segment attainment and the
 * appendix run too). Prints the time of each step — computing (the fact
 * cache read from SQLite, or from its file when current), the PDF, the CSV
 * pack — and the total from an opened store to the written files, cold
 * and with the fact cache file. Bar: 5 s.
 *
 *   SC_BENCH_ROWS=1000000 (default)  SC_BENCH_DB=/path/to/keep.db (optional)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc-bench-store.h"
#include "sc-engine.h"
#include "sc-review-csv.h"
#include "sc-review-pdf.h"
#include "sc-target.h"
#include "sc-test-util.h"

static void
set_target (ScStore    *store,
            ScMetricId  metric,
            const char *period,
            double      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) target = NULL;
  ScTargetPeriod p;
  ScTargetEdit edit;

  g_assert_true (sc_target_period_parse (period, &p, &error));
  target = sc_target_new (metric, "", &p, value);
  edit = (ScTargetEdit) { target, FALSE };
  g_assert_true (sc_store_apply_target_edits (store, &edit, 1, 1780000000, NULL, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  double compute;
  double pdf;
  double csv;
  int    pages;
} Timing;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
run_review (const char *path,
            const char *cache_path,
            const char *out_dir,
            Timing     *timing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_DEFAULT, &error);
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(ScReviewOptions) options = sc_review_options_new ("2026-10");
  g_autoptr(ScReview) review = NULL;
  g_autofree char *pdf = g_build_filename (out_dir, "review.pdf", NULL);
  g_autofree char *csv = g_build_filename (out_dir, "csv", NULL);
  gint64 t;

  g_assert_no_error (error);
  engine = sc_engine_new (store);
  sc_engine_set_cache_file (engine, cache_path);
  {
    g_autoptr(GPtrArray) known = sc_store_list_dimensions (store, &error);

    g_assert_no_error (error);
    g_assert_true (sc_review_options_set_dimensions (options, known, "channel,team", &error));
  }

  t = g_get_monotonic_time ();
  review = sc_review_compute (engine, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  timing->compute = seconds_since (t);
  g_assert_cmpuint (review->appendix->len, >, 0);

  t = g_get_monotonic_time ();
  g_assert_true (sc_review_write_pdf (review, pdf, SC_PAPER_A4, &timing->pages, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  timing->pdf = seconds_since (t);

  t = g_get_monotonic_time ();
  g_assert_true (sc_review_write_csv (review, csv, NULL, &error));
  g_assert_no_error (error);
  timing->csv = seconds_since (t);
}

static void
print_timing (const char   *what,
              const Timing *timing)
{
  printf ("review of 2026-10 by channel and team, %s: %.2f s (compute %.2f s, PDF %.2f s "
          "for %d pages, CSV pack %.2f s; bar 5 s)\n",
          what, timing->compute + timing->pdf + timing->csv, timing->compute, timing->pdf,
          timing->pages, timing->csv);
}

int
main (int   argc,
      char *argv[])
{
  const char *rows_env = g_getenv ("SC_BENCH_ROWS");
  const char *keep = g_getenv ("SC_BENCH_DB");
  guint n = rows_env ? (guint) atoi (rows_env) : 1000000;
  g_autofree char *dir = sc_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *cache_path = NULL;
  Timing cold = { 0 }, warm = { 0 };

  g_test_init (&argc, &argv, NULL);
  path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "bench.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      gint64 t = g_get_monotonic_time ();

      sc_bench_fill_store (path, n);
      printf ("write store: %u generated interactions in %.2f s\n", n, seconds_since (t));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    /* Out of reach, so they are missed and the appendix is written. */
    set_target (store, SC_METRIC_CSAT, "2026", 99);
    set_target (store, SC_METRIC_FRT_MEDIAN, "2026-10", 1);
  }
  cache_path = g_strconcat (path, ".facts", NULL);
  g_unlink (cache_path);

  run_review (path, cache_path, dir, &cold);
  print_timing ("no fact cache file (every row read from SQLite)", &cold);
  run_review (path, cache_path, dir, &warm);
  print_timing ("with the fact cache file", &warm);

  g_unlink (cache_path);
  sc_test_remove_tree (dir);
  return 0;
}
