/* test-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * scorecard-cli report on the demo store, run as a user would: the PDF and
 * the CSV pack of --period 2026-10 --by channel,team, each comparison,
 * --freeze and the restatement check of the next run, and the errors for
 * what the command line contract does not allow.
 */

#include "config.h"

#include <string.h>

#include "sc-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *cli;
} Fixture;

/* Runs scorecard-cli --db DB ARGS… (NULL-terminated). */
static void
run_cli (Fixture   *f,
         ScTestRun *run,
         ...)
{
  va_list args;

  va_start (args, run);
  sc_test_run_cli_va (run, f->dir, f->cli, f->db, NULL, args);
  va_end (args);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(ScTestRun) run = { 0 };

  f->dir = sc_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "store.sqlite", NULL);
  f->cli = sc_test_cli_path ();
  run_cli (f, &run, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->cli);
}

static void
test_pdf_and_csv (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(ScTestRun) run = { 0 };
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *team = g_build_filename (f->dir, "pack", "breakdown-team.csv", NULL);
  g_autofree char *appendix = g_build_filename (f->dir, "pack", "appendix.csv", NULL);
  g_autofree char *content = NULL;

  run_cli (f, &run, "report", "--period", "2026-10", "--by", "channel,team", "--out", "review.pdf",
           "--csv", "pack", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Review of October 2026 written to review.pdf (");
  sc_test_assert_contains (run.out, "Table written to pack/summary.csv");
  sc_test_assert_contains (run.out, "Table written to pack/drivers-team.csv");
  sc_test_assert_contains (run.out, "Table written to pack/targets.csv");
  g_assert_true (g_file_get_contents (pdf, &content, NULL, NULL));
  g_assert_true (g_str_has_prefix (content, "%PDF-"));
  g_assert_true (g_file_test (team, G_FILE_TEST_IS_REGULAR));
  /* The demo misses a target in October, so the appendix has rows. */
  g_assert_true (g_file_test (appendix, G_FILE_TEST_IS_REGULAR));

  /* The other comparisons, and a quarter; CSV alone needs no --out. */
  run_cli (f, &run, "report", "--period", "2026-10", "--compare", "year", "--csv", "year", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Table written to year/summary.csv");
  g_assert_null (strstr (run.out, "written to review"));
  run_cli (f, &run, "report", "--period", "2026-Q3", "--compare", "baseline", "--out", "q3.pdf",
           "--paper", "letter", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Review of Q3 2026 written to q3.pdf");
}

static void
test_freeze (Fixture       *f,
             gconstpointer  data)
{
  g_auto(ScTestRun) run = { 0 };

  run_cli (f, &run, "report", "--period", "2026-10", "--out", "a.pdf", "--freeze", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Review frozen in the store");
  /* The next review of the month is checked against the frozen one. */
  run_cli (f, &run, "report", "--period", "2026-10", "--out", "b.pdf", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "0 numbers restated since the review was frozen");
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_auto(ScTestRun) run = { 0 };
  g_autofree char *x = g_build_filename (f->dir, "x.pdf", NULL);

  run_cli (f, &run, "report", "--out", "x.pdf", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sc_test_assert_contains (run.err, "report needs --period and --out FILE or --csv DIR");
  run_cli (f, &run, "report", "--period", "2026-10", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (f, &run, "report", "--period", "2026-10", "--compare", "last", "--out", "x.pdf", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sc_test_assert_contains (run.err, "--compare: “last” is not a comparison; use previous, year or baseline");
  run_cli (f, &run, "report", "--period", "2026-10", "--by", "channel,teams", "--out", "x.pdf", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sc_test_assert_contains (run.err, "--by: “teams” is not a dimension");
  run_cli (f, &run, "report", "--period", "2026-10", "--paper", "a5", "--out", "x.pdf", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sc_test_assert_contains (run.err, "--paper: “a5” is not a paper size");
  run_cli (f, &run, "report", "--period", "2026-13", "--out", "x.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sc_test_assert_contains (run.err, "“2026-13” is not a period");
  run_cli (f, &run, "report", "--period", "2020-01", "--out", "x.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sc_test_assert_contains (run.err, "No interactions were created in January 2020; the data covers");
  g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scorecard/cli-report/pdf-and-csv", Fixture, NULL, fixture_setup, test_pdf_and_csv,
              fixture_teardown);
  g_test_add ("/scorecard/cli-report/freeze", Fixture, NULL, fixture_setup, test_freeze, fixture_teardown);
  g_test_add ("/scorecard/cli-report/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);

  return g_test_run ();
}
