/* bench-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard query set of ../shared/bench/dashboard.sql (nine metrics by
 * month over 24 months, then by channel and by team for 2026-02) over a
 * store of 1,000,000 interactions written by a deterministic generator.
 * Prints: time to write the store; time from opening it to the first
 * computed dashboard, without the fact cache file (every row read from
 * SQLite) and with it; the integrity check's share of opening; the warm
 * median of the query set; resident memory. Bars: warm median ≤ 50 ms,
 * open-to-dashboard ≤ 1.5 s, RSS ≤ 200 MiB.
 *
 *   SC_BENCH_ROWS=1000000 (default)  SC_BENCH_DB=/path/to/keep.db (optional)
 *   SC_BENCH_CSV=tickets.csv: make the store by importing this
 *     gen_tickets.py export instead, and time DuckDB on
 *     ../shared/bench/dashboard_duckdb.sql over the same file (with
 *     SC_BENCH_DUCKDB_MODULES naming a node_modules folder that holds
 *     @duckdb/node-api); prints the ratio
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-bench-anchor.h"
#include "sc-bench-store.h"
#include "sc-engine.h"
#include "sc-importer.h"

#define DAY 86400

static const ScMetricId dashboard[] = {
  SC_METRIC_VOLUME, SC_METRIC_FRT_MEDIAN, SC_METRIC_FRT_MEAN, SC_METRIC_RESOLUTION_TIME_MEAN,
  SC_METRIC_FCR, SC_METRIC_CSAT, SC_METRIC_NPS, SC_METRIC_SLA, SC_METRIC_ABANDONMENT,
};

static ScQuery *
dashboard_query (ScGrain     grain,
                 gboolean    grouped,
                 ScDimension dim)
{
  ScQuery *query = sc_query_new ();

  for (guint m = 0; m < G_N_ELEMENTS (dashboard); m++)
    sc_query_add_metric (query, dashboard[m]);
  sc_query_set_grain (query, grain);
  if (grouped)
    {
      sc_query_set_range (query, sc_calendar_day_from_ymd (2026, 2, 1), sc_calendar_day_from_ymd (2026, 2, 28));
      sc_query_set_group_by (query, dim);
    }
  return query;
}

static guint
run_dashboard (const ScFacts *facts)
{
  g_autoptr(ScQuery) monthly = dashboard_query (SC_GRAIN_MONTH, FALSE, 0);
  g_autoptr(ScQuery) by_channel = dashboard_query (SC_GRAIN_NONE, TRUE, SC_DIM_CHANNEL);
  g_autoptr(ScQuery) by_team = dashboard_query (SC_GRAIN_NONE, TRUE, SC_DIM_TEAM);
  g_autoptr(ScQueryResult) a = sc_engine_compute (facts, monthly, NULL);
  g_autoptr(ScQueryResult) b = sc_engine_compute (facts, by_channel, NULL);
  g_autoptr(ScQueryResult) c = sc_engine_compute (facts, by_team, NULL);

  g_assert_cmpuint (a->buckets->len, ==, 24);
  return a->values->len + b->values->len + c->values->len;
}

static long
status_kib (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL)
      || (line = strstr (text, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double open_s, load_s, dashboard_s;
} OpenTiming;

/* Opens the store as the application's first open does (with the
 * integrity check), loads the facts (from the cache file when current)
 * and computes the first dashboard. */
static ScEngine *
open_to_dashboard (const char       *path,
                   const char       *cache_path,
                   ScStoreOpenFlags  flags,
                   OpenTiming       *timing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScMetricSettings) settings = sc_metric_settings_new ();
  ScEngine *engine;
  const ScFacts *facts;
  double t = g_get_monotonic_time ();

  store = sc_store_open (path, SC_STORE_OPEN_READ_ONLY | flags, &error);
  g_assert_no_error (error);
  timing->open_s = (g_get_monotonic_time () - t) / 1e6;
  engine = sc_engine_new (store);
  sc_engine_set_settings (engine, settings);
  sc_engine_set_cache_file (engine, cache_path);
  facts = sc_engine_ensure_facts (engine, &error);
  g_assert_no_error (error);
  timing->load_s = (g_get_monotonic_time () - t) / 1e6 - timing->open_s;
  run_dashboard (facts);
  timing->dashboard_s = (g_get_monotonic_time () - t) / 1e6 - timing->open_s - timing->load_s;
  return engine;
}

static void
print_open (const char       *what,
            const OpenTiming *timing)
{
  printf ("open store to first dashboard, %s: %.3f s (open %.3f s, facts %.3f s, "
          "dashboard %.3f s; bar 1.5 s)\n", what,
          timing->open_s + timing->load_s + timing->dashboard_s,
          timing->open_s, timing->load_s, timing->dashboard_s);
}

static double
bench_warm (const ScFacts *facts)
{
  double runs[21], t;

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      t = g_get_monotonic_time ();
      run_dashboard (facts);
      runs[r] = (g_get_monotonic_time () - t) / 1e3;
    }
  qsort (runs, G_N_ELEMENTS (runs), sizeof (double), compare_double);
  printf ("dashboard query set, warm: median %.1f ms, min %.1f ms, max %.1f ms over %u runs (bar 50 ms)\n",
          runs[G_N_ELEMENTS (runs) / 2], runs[0], runs[G_N_ELEMENTS (runs) - 1],
          (guint) G_N_ELEMENTS (runs));
  return runs[G_N_ELEMENTS (runs) / 2];
}

/* The store from a gen_tickets.py export, imported as a user would. */
static void
import_csv (const char *path,
            const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_autoptr(ScImporter) importer = NULL;
  g_autoptr(ScImportResult) result = NULL;

  g_assert_no_error (error);
  importer = sc_importer_new (store);
  sc_importer_set_preset (importer, "gen-tickets");
  result = sc_importer_run (importer, csv, NULL, &error);
  g_assert_no_error (error);
}

static void
remove_store (const char *path,
              const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", ".facts" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *rows_env = g_getenv ("SC_BENCH_ROWS");
  const char *keep = g_getenv ("SC_BENCH_DB");
  const char *csv = g_getenv ("SC_BENCH_CSV");
  guint n = rows_env ? (guint) atoi (rows_env) : 1000000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cache_path = NULL;
  g_autoptr(ScEngine) engine = NULL;
  const ScFacts *facts;
  OpenTiming cold, warm, trusted;
  double t, ours, duckdb;

  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("sc-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "bench.db", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      t = g_get_monotonic_time ();
      if (csv != NULL)
        import_csv (path, csv);
      else
        sc_bench_fill_store (path, n);
      printf ("write store: %s in %.2f s\n", csv != NULL ? csv : "generated interactions",
              (g_get_monotonic_time () - t) / 1e6);
    }
  cache_path = g_strconcat (path, ".facts", NULL);
  g_unlink (cache_path);

  /* Cold: no cache file, every row read from SQLite, the file saved. */
  engine = open_to_dashboard (path, cache_path, SC_STORE_OPEN_DEFAULT, &cold);
  facts = sc_engine_ensure_facts (engine, NULL);
  printf ("facts: %u interactions, %.1f MiB of columns\n", facts->n, sc_facts_get_size (facts) / 1048576.0);
  print_open ("no cache file (reads every row, saves the file)", &cold);
  g_clear_object (&engine);

  /* Warm: the cache file is current. */
  engine = open_to_dashboard (path, cache_path, SC_STORE_OPEN_DEFAULT, &warm);
  print_open ("cache file current", &warm);
  g_clear_object (&engine);
  engine = open_to_dashboard (path, cache_path, SC_STORE_OPEN_TRUSTED, &trusted);
  printf ("the integrity check's share: checked open %.3f s, trusted open %.3f s\n",
          warm.open_s, trusted.open_s);

  ours = bench_warm (sc_engine_ensure_facts (engine, NULL));
  printf ("resident memory: %.1f MiB now, %.1f MiB peak (bar 200 MiB)\n",
          status_kib ("VmRSS:") / 1024.0, status_kib ("VmHWM:") / 1024.0);

  /* The anchor, on the same export: DuckDB on dashboard_duckdb.sql. */
  if (csv != NULL && (duckdb = sc_bench_duckdb_dashboard (csv, 7)) > 0)
    printf ("DuckDB, the same query set on the same export, warm: median %.1f ms;"
            " Scorecard takes %.3f of DuckDB's time (goal at most 0.1)\n",
            duckdb * 1e3, ours / (duckdb * 1e3));
  else if (csv != NULL)
    printf ("DuckDB anchor not run: set SC_BENCH_DUCKDB_MODULES to a node_modules folder"
            " with @duckdb/node-api\n");

  g_clear_object (&engine);
  if (dir != NULL)
    remove_store (path, dir);
  else
    g_unlink (cache_path);
  return 0;
}
