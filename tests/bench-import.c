/* bench-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports the gen_tickets.py export into a fresh store several times and
 * prints the median wall time and the peak RSS of each run (every run is
 * a child process, so the RSS is its own). Also times the CSV reader
 * alone, a dry run (read + parse + map, no store), the import while
 * another connection has the store open (as in the app, whose window
 * keeps one: the import then goes through the WAL) and, when available,
 * the anchors: sqlite3's .import and DuckDB's read_csv_auto. Every round
 * runs each of them once, so that the machine's noisy spells touch all
 * alike, and the ratios to the anchors are the medians of the rounds'.
 *
 *   bench-import [FILE]
 *
 * Without FILE it generates `gen_tickets.py --rows $SC_BENCH_ROWS
 * (default 1000000) --seed 1` into a temporary folder; with
 * $SC_BENCH_XLSX set it writes that export as an .xlsx workbook and
 * imports the workbook (FILE may be a workbook too). $SC_BENCH_RUNS sets
 * the number of runs (default 5). $SC_BENCH_DUCKDB_MODULES names a
 * node_modules folder holding @duckdb/node-api for the DuckDB anchor.
 * Targets: ≤ 2.0 s median and ≤ 300 MiB peak RSS for 1,000,000 rows.
 *
 * Then it writes two process-mining event logs, of 20,000 and of 400,000
 * tickets (about 5 events each, in time order), and imports each as many
 * times: folding a ticket's events must not make the memory grow with
 * the file, only with the tickets open at a time ($SC_BENCH_EVENTS=0
 * skips this).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "sc-bench-anchor.h"
#include "sc-csv-reader.h"
#include "sc-importer.h"
#include "sc-test-util.h"
#include "sc-test-xlsx.h"
#include "sc-xlsx-reader.h"

typedef enum
{
  MODE_IMPORT,
  MODE_IMPORT_SHARED,
  MODE_DRY_RUN,
  MODE_READER,
} Mode;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static gint64
read_only (const char *path)
{
  g_autoptr(ScXlsxBook) book = NULL;
  g_autoptr(ScXlsxStream) stream = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  gint64 rows = 0;

  /* A workbook's first sheet, as the importer reads it. */
  if (sc_xlsx_is_zip_file (path))
    {
      book = sc_xlsx_book_new_for_path (path, NULL);
      g_assert_nonnull (book);
      stream = sc_xlsx_book_open_sheet (book, NULL, NULL);
      g_assert_nonnull (stream);
      reader = sc_xlsx_stream_new_csv_reader (stream);
    }
  else
    reader = sc_csv_reader_new_for_path (path, NULL);
  g_assert_nonnull (reader);
  g_assert_true (sc_csv_reader_open (reader, NULL, NULL));
  while (sc_csv_reader_next (reader, NULL) != NULL)
    rows++;
  return rows;
}

/* One measured run, in this (child) process. */
static int
run_child (Mode        mode,
           const char *path,
           const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStore) other = NULL;
  g_autoptr(ScImporter) importer = NULL;
  g_autoptr(ScImportResult) result = NULL;
  double start = now ();
  gint64 rows;

  if (mode == MODE_READER)
    rows = read_only (path);
  else
    {
      if (mode == MODE_IMPORT_SHARED)
        {
          other = sc_store_open (db_path, SC_STORE_OPEN_CREATE, &error);
          g_assert_no_error (error);
        }
      store = sc_store_open (db_path, SC_STORE_OPEN_CREATE | SC_STORE_OPEN_SINGLE_THREAD, &error);
      g_assert_no_error (error);
      importer = sc_importer_new (store);
      sc_importer_set_dry_run (importer, mode == MODE_DRY_RUN);
      result = sc_importer_run (importer, path, NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&importer);
      g_clear_object (&store);
      g_clear_object (&other);
      rows = result->counts.rows_read;
    }
  printf ("%.4f %.1f %" G_GINT64_FORMAT "\n", now () - start, peak_rss_mib (), rows);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* One run of the child in @mode; appends its seconds and peak RSS. */
static void
run_once (const char *self_path,
          const char *mode,
          const char *path,
          const char *dir,
          guint       run,
          GArray     *times,
          GArray     *rss,
          gint64     *rows_out)
{
  g_autofree char *db = g_strdup_printf ("%s/run-%s-%u.db", dir, mode, run);
  g_autofree char *out = NULL;
  const char *argv[] = { self_path, "--child", mode, path, db, NULL };
  g_autoptr(GError) error = NULL;
  double t, m;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf %" G_GINT64_FORMAT, &t, &m, rows_out), ==, 3);
  g_array_append_val (times, t);
  g_array_append_val (rss, m);
  g_unlink (db);
}

/* Runs the child @runs times; returns the median seconds. */
static double
measure (const char *self_path,
         const char *mode,
         const char *path,
         const char *dir,
         guint       runs,
         double     *rss_out,
         gint64     *rows_out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    run_once (self_path, mode, path, dir, i, times, rss, rows_out);
  *rss_out = median (rss);
  return median (times);
}

static double
anchor_sqlite (const char *path,
               const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "anchor-sqlite.db", NULL);
  g_autofree char *cmd = g_strdup_printf (".import %s t", path);
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  const char *argv[] = { "sqlite3", "-cmd", ".mode csv", db, cmd, NULL };

  if (sqlite == NULL)
    return -1;
  g_unlink (db);
  return sc_bench_time_command (argv);
}

static double
anchor_duckdb (const char *path,
               const char *dir)
{
  const char *modules = g_getenv ("SC_BENCH_DUCKDB_MODULES");
  g_autofree char *script = NULL;
  g_autofree char *node_path = NULL;
  g_autofree char *node = g_find_program_in_path ("node");
  const char *argv[] = { "node", "-e", NULL, NULL };

  if (modules == NULL || node == NULL)
    return -1;
  script = g_strdup_printf (
    "const d = require('%s/@duckdb/node-api');"
    "(async () => { const i = await d.DuckDBInstance.create(':memory:', { threads: '2' });"
    "const c = await i.connect();"
    "await c.run(\"CREATE TABLE t AS SELECT * FROM read_csv_auto('%s')\"); })();",
    modules, path);
  argv[2] = script;
  return sc_bench_time_command (argv);
}

static char *
generate (const char *dir,
          const char *rows)
{
  g_autofree char *script = sc_test_shared_path ("bench", "gen_tickets.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  char *out = g_build_filename (dir, "tickets.csv", NULL);
  const char *argv[] = { NULL, NULL, "--rows", rows, "--seed", "1", "--out", out, "-q", NULL };
  int status;

  if (script == NULL || python == NULL)
    {
      g_free (out);
      return NULL;
    }
  argv[0] = python;
  argv[1] = script;
  printf ("generating %s rows with gen_tickets.py…\n", rows);
  fflush (stdout);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* What was measured of one way of loading the file, run by run. */
typedef struct
{
  const char *mode;      /* the child's, or NULL for an anchor */
  const char *label;
  GArray     *times;
  GArray     *rss;
  GArray     *ratios;    /* of an anchor: the import's time over its, run by run */
} Series;

static void
series_init (Series     *series,
             const char *mode,
             const char *label)
{
  series->mode = mode;
  series->label = label;
  series->times = g_array_new (FALSE, FALSE, sizeof (double));
  series->rss = g_array_new (FALSE, FALSE, sizeof (double));
  series->ratios = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
series_clear (Series *series)
{
  g_array_unref (series->times);
  g_array_unref (series->rss);
  g_array_unref (series->ratios);
}

typedef struct
{
  gint64 at;
  guint  ticket;
  guint  activity;
} LogEvent;

static int
compare_log_events (gconstpointer a,
                    gconstpointer b)
{
  const LogEvent *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->ticket != y->ticket ? (x->ticket < y->ticket ? -1 : 1)
                                : (x->activity < y->activity ? -1 : x->activity > y->activity);
}

/* An event log of @tickets tickets, one opened a minute, each living up
 * to a few days through 4 to 7 status changes, written in time order
 * (as process-mining tools export them). Deterministic. */
static char *
write_event_log (const char *dir,
                 guint       tickets)
{
  static const char * const activities[] = { "New", "In Progress", "On Hold", "Resolved", "Closed" };
  static const char * const people[] = { "Ann", "Bob", "Cleo", "Dev", "Eli", "Fay" };
  static const char * const priorities[] = { "Low", "Medium", "High" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (LogEvent));
  g_autofree char *name = g_strdup_printf ("events-%u.csv", tickets);
  char *path = g_build_filename (dir, name, NULL);
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  for (guint t = 0; t < tickets; t++)
    {
      /* New, In Progress, maybe On Hold and back, Resolved, maybe
       * reopened and resolved again, Closed. */
      guint steps[8], n = 0;
      gint64 at = 1714550400 + (gint64) t * 60;

      steps[n++] = 0;
      steps[n++] = 1;
      if (g_rand_double (rand) < 0.3)
        {
          steps[n++] = 2;
          steps[n++] = 1;
        }
      steps[n++] = 3;
      if (g_rand_double (rand) < 0.1)
        {
          steps[n++] = 1;
          steps[n++] = 3;
        }
      steps[n++] = 4;
      for (guint i = 0; i < n; i++)
        {
          LogEvent event = { at, t, steps[i] };

          g_array_append_val (events, event);
          at += 60 + g_rand_int_range (rand, 0, 20000);
        }
    }
  g_array_sort (events, compare_log_events);
  fprintf (out, "Case ID,Activity,Timestamp,Resource,Priority\n");
  for (guint i = 0; i < events->len; i++)
    {
      const LogEvent *e = &g_array_index (events, LogEvent, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (e->at);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");

      fprintf (out, "INC-%u,%s,%s,%s,%s\n", e->ticket, activities[e->activity], stamp,
               e->activity == 0 ? "System" : people[e->ticket % G_N_ELEMENTS (people)],
               priorities[e->ticket % G_N_ELEMENTS (priorities)]);
    }
  g_assert_cmpint (fclose (out), ==, 0);
  return path;
}

/* Folding: the peak RSS of importing a small and a twenty times larger
 * event log. */
static void
bench_event_logs (const char *self_path,
                  const char *dir,
                  guint       runs)
{
  static const guint sizes[] = { 20000, 400000 };
  double seconds[G_N_ELEMENTS (sizes)], rss[G_N_ELEMENTS (sizes)];

  printf ("event logs (folded into tickets), median of %u runs:\n", runs);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("events-%u", sizes[i]);
      /* A folder of their own: measure() names the stores by run. */
      g_autofree char *subdir = g_build_filename (dir, name, NULL);
      g_autofree char *path = NULL;
      gint64 rows = 0;

      g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
      path = write_event_log (subdir, sizes[i]);
      seconds[i] = measure (self_path, "import", path, subdir, runs, &rss[i], &rows);
      printf ("  %7u tickets, %8" G_GINT64_FORMAT " rows  %6.3f s   %6.1f MiB peak RSS\n",
              sizes[i], rows, seconds[i], rss[i]);
      g_unlink (path);
    }
  printf ("  %u× the rows took %.2f× the memory\n", sizes[1] / sizes[0], rss[1] / rss[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *self_path = NULL;
  const char *rows_env = g_getenv ("SC_BENCH_ROWS");
  guint runs = g_getenv ("SC_BENCH_RUNS") ? atoi (g_getenv ("SC_BENCH_RUNS")) : 5;
  enum { READER, DRY_RUN, IMPORT, SHARED, SQLITE, DUCKDB, N_SERIES };
  Series series[N_SERIES];
  gboolean csv_anchors;
  gint64 rows = 0;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    {
      Mode mode = g_str_equal (argv[2], "import") ? MODE_IMPORT
                  : g_str_equal (argv[2], "import-shared") ? MODE_IMPORT_SHARED
                  : g_str_equal (argv[2], "dry-run") ? MODE_DRY_RUN : MODE_READER;

      return run_child (mode, argv[3], argv[4]);
    }

  g_setenv ("G_DEBUG", "", TRUE);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  dir = sc_test_make_tmpdir ();
  path = argc > 1 ? g_strdup (argv[1]) : generate (dir, rows_env ? rows_env : "1000000");
  if (path == NULL)
    {
      printf ("skipped: no file given and gen_tickets.py or python3 is missing\n");
      sc_test_remove_tree (dir);
      return 77;
    }

  csv_path = g_strdup (path);
  if (argc == 1 && g_getenv ("SC_BENCH_XLSX") != NULL)
    {
      g_free (path);
      path = g_build_filename (dir, "tickets.xlsx", NULL);
      printf ("writing it as %s…\n", path);
      fflush (stdout);
      sc_test_xlsx_from_csv (csv_path, path, NULL);
    }

  /* The anchors read the CSV, also when Scorecard imports it as a
   * workbook; a workbook given as FILE has none to give them. */
  csv_anchors = !sc_xlsx_is_zip_file (csv_path);
  /* Round by round, every measure once, the anchors with them: the
   * machine's noise comes in spells, which then touch them all alike,
   * and each round gives a ratio of the import to each anchor. */
  series_init (&series[READER], "reader",
               sc_xlsx_is_zip_file (path) ? "sheet to CSV reader" : "CSV reader only");
  series_init (&series[DRY_RUN], "dry-run", "read + parse + map");
  series_init (&series[IMPORT], "import", "full import (store)");
  series_init (&series[SHARED], "import-shared", "same, store open (app)");
  series_init (&series[SQLITE], NULL, "sqlite3 .import");
  series_init (&series[DUCKDB], NULL, "DuckDB read_csv_auto");
  for (guint i = 0; i < runs; i++)
    {
      double t_import;

      for (guint k = READER; k <= SHARED; k++)
        run_once (self_path, series[k].mode, path, dir, i, series[k].times, series[k].rss,
                  &rows);
      t_import = g_array_index (series[IMPORT].times, double, i);
      for (guint k = SQLITE; k <= DUCKDB && csv_anchors; k++)
        {
          double t = k == SQLITE ? anchor_sqlite (csv_path, dir) : anchor_duckdb (csv_path, dir);
          double ratio;

          if (t < 0)
            continue;
          ratio = t_import / t;
          g_array_append_val (series[k].times, t);
          g_array_append_val (series[k].ratios, ratio);
        }
    }

  printf ("import of %s: %" G_GINT64_FORMAT " rows, median of %u runs\n", path, rows, runs);
  for (guint k = READER; k <= SHARED; k++)
    {
      double t = median (series[k].times);

      printf ("  %-22s %6.3f s   %6.1f MiB peak RSS", series[k].label, t, median (series[k].rss));
      if (k >= IMPORT)
        printf ("   %.0f rows/s", rows / t);
      printf ("\n");
    }
  printf ("  target                  2.000 s    300.0 MiB (for 1,000,000 rows)\n");
  printf ("anchors, run in the same rounds (medians; the ratio is the median of the rounds'):\n");
  for (guint k = SQLITE; k <= DUCKDB; k++)
    {
      if (!csv_anchors)
        printf ("  %-22s not measured: no CSV file\n", series[k].label);
      else if (series[k].times->len == 0)
        printf ("  %-22s not available\n", series[k].label);
      else
        printf ("  %-22s %6.3f s   (Scorecard import takes %.2f× its time)\n", series[k].label,
                median (series[k].times), median (series[k].ratios));
    }
  for (guint k = 0; k < N_SERIES; k++)
    series_clear (&series[k]);

  if (g_strcmp0 (g_getenv ("SC_BENCH_EVENTS"), "0") != 0)
    bench_event_logs (self_path, dir, runs);

  sc_test_remove_tree (dir);
  return 0;
}
