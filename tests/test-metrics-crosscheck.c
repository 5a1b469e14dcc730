/* test-metrics-crosscheck.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine against SQLite on the same data: the 100,000-row benchmark
 * export of ../shared/bench/gen_tickets.py, imported with the importer,
 * must give the numbers that ../shared/bench/import_typed.sql and
 * dashboard.sql compute with the sqlite3 shell, to their 2 decimals. That
 * SQL buckets by UTC month and reads durations from the export's minute
 * columns, so the engine runs with timezone=UTC and durations=exported.
 *
 * Skipped when python3, the sqlite3 shell or ../shared/bench is absent.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-engine.h"
#include "sc-importer.h"
#include "sc-test-util.h"

#define N_COLUMNS 9

/* The columns of dashboard.sql after the bucket, and the engine metric
 * and the factor from its base unit to the SQL's unit for each. */
static const struct
{
  const char *column;
  ScMetricId  metric;
  double      factor;
} columns[N_COLUMNS] = {
  { "tickets", SC_METRIC_VOLUME, 1 },
  { "frt_median", SC_METRIC_FRT_MEDIAN, 1 / 60.0 },
  { "frt_avg", SC_METRIC_FRT_MEAN, 1 / 60.0 },
  { "res_avg", SC_METRIC_RESOLUTION_TIME_MEAN, 1 / 60.0 },
  { "fcr_pct", SC_METRIC_FCR, 1 },
  { "csat_pct", SC_METRIC_CSAT, 1 },
  { "nps", SC_METRIC_NPS, 1 },
  { "sla_pct", SC_METRIC_SLA, 1 },
  { "abandon_pct", SC_METRIC_ABANDONMENT, 1 },
};

typedef struct
{
  char       *dir;
  char       *csv;
  char       *bench;
  ScStore    *store;
  GHashTable *expected;     /* "set/bucket" → double[N_COLUMNS] */
} Fixture;

static gboolean
run_program (const char * const *argv,
             char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out, &err, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s: %s: %s", argv[0], error->message, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
generate_export (Fixture *f)
{
  g_autofree char *generator = g_build_filename (f->bench, "gen_tickets.py", NULL);
  const char *argv[] = { "python3", generator, "--rows", "100000", "--seed", "1",
                         "--out", f->csv, "-q", NULL };

  return run_program (argv, NULL);
}

/* Parses the shell's `-header -separator |` output: three result sets,
 * each starting with its header line (month, channel, group). */
static void
parse_sql_output (Fixture    *f,
                  const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  const char *set = NULL;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], "|", -1);
      double *values;

      if (g_strv_length (fields) != N_COLUMNS + 1)
        continue;
      if (g_str_equal (fields[1], "tickets"))
        {
          set = g_intern_string (fields[0]);
          continue;
        }
      g_assert_nonnull (set);
      values = g_new (double, N_COLUMNS);
      for (guint c = 0; c < N_COLUMNS; c++)
        values[c] = fields[c + 1][0] == '\0' ? NAN : g_ascii_strtod (fields[c + 1], NULL);
      g_hash_table_insert (f->expected, g_strdup_printf ("%s/%s", set, fields[0]), values);
    }
}

static gboolean
compute_with_sqlite (Fixture *f)
{
  g_autofree char *typed = g_build_filename (f->dir, "typed.db", NULL);
  g_autofree char *import_sql = g_build_filename (f->bench, "import_typed.sql", NULL);
  g_autofree char *dashboard_sql = g_build_filename (f->bench, "dashboard.sql", NULL);
  g_autofree char *import_cmd = g_strdup_printf (".import --csv '%s' tickets_raw", f->csv);
  g_autofree char *read_import = g_strdup_printf (".read '%s'", import_sql);
  g_autofree char *read_dashboard = g_strdup_printf (".read '%s'", dashboard_sql);
  const char *import_argv[] = { "sqlite3", typed, import_cmd, read_import, NULL };
  const char *dashboard_argv[] = { "sqlite3", "-header", "-separator", "|", "-readonly", typed,
                                   read_dashboard, NULL };
  g_autofree char *output = NULL;

  if (!run_program (import_argv, NULL) || !run_program (dashboard_argv, &output))
    return FALSE;
  parse_sql_output (f, output);
  return TRUE;
}

static void
import_export (Fixture *f)
{
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sc_importer_set_preset (importer, "gen-tickets");
  result = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, 100000);
  g_assert_cmpint (result->counts.rejected, ==, 0);
}

static gboolean
fixture_prepare (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = NULL;
  g_autofree char *python3 = NULL;
  g_autofree char *sqlite3 = NULL;

  f->bench = sc_test_shared_path ("bench", NULL);
  if (f->bench == NULL)
    return FALSE;
  python3 = g_find_program_in_path ("python3");
  sqlite3 = g_find_program_in_path ("sqlite3");
  if (python3 == NULL || sqlite3 == NULL)
    {
      g_test_skip ("python3 or the sqlite3 shell is absent");
      return FALSE;
    }
  f->dir = sc_test_make_tmpdir ();
  f->csv = g_build_filename (f->dir, "tickets.csv", NULL);
  f->expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_assert_true (generate_export (f));
  g_assert_true (compute_with_sqlite (f));
  store_path = g_build_filename (f->dir, "store.db", NULL);
  f->store = sc_store_open (store_path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  import_export (f);
  return TRUE;
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->expected, g_hash_table_unref);
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->csv);
  g_free (f->bench);
}

/* ---- The engine's side ------------------------------------------------------ */

static ScQuery *
dashboard_query (const char *set)
{
  ScQuery *query = sc_query_new ();

  for (guint c = 0; c < N_COLUMNS; c++)
    sc_query_add_metric (query, columns[c].metric);
  if (g_str_equal (set, "month"))
    sc_query_set_grain (query, SC_GRAIN_MONTH);
  else
    {
      sc_query_set_range (query, sc_calendar_day_from_ymd (2026, 2, 1),
                          sc_calendar_day_from_ymd (2026, 2, 28));
      sc_query_set_group_by (query, g_str_equal (set, "channel") ? SC_DIM_CHANNEL : SC_DIM_TEAM);
    }
  return query;
}

static void
check_value (const char          *key,
             guint                c,
             const ScMetricValue *v,
             double               expected)
{
  double value = v->value * columns[c].factor;

  if (isnan (expected))
    {
      g_assert_true (isnan (value));
      return;
    }
  /* The SQL rounds to 2 decimals (the median is exact): agreeing to its
   * 2 decimals is being within half a unit of the last one. */
  if (fabs (value - expected) > 0.005 + 1e-9)
    g_error ("%s %s: the engine gives %.6f, SQLite %.2f", key, columns[c].column, value, expected);
}

static guint
count_expected (Fixture    *f,
                const char *set)
{
  g_autofree char *prefix = g_strconcat (set, "/", NULL);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, f->expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += g_str_has_prefix (key, prefix);
  return n;
}

/* Every row of one result set of dashboard.sql against the engine. */
static void
check_set (Fixture    *f,
           ScEngine   *engine,
           const char *set)
{
  g_autoptr(ScQuery) query = dashboard_query (set);
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean grouped = !g_str_equal (set, "month");
  guint n_rows;

  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  n_rows = grouped ? result->segments->len : result->buckets->len;
  g_assert_cmpuint (n_rows, ==, count_expected (f, set));
  for (guint r = 0; r < n_rows; r++)
    {
      const char *label = grouped ? ((ScSegment *) result->segments->pdata[r])->label
                                  : ((ScBucket *) result->buckets->pdata[r])->label;
      g_autofree char *key = g_strdup_printf ("%s/%s", set, label);
      const double *expected = g_hash_table_lookup (f->expected, key);

      if (expected == NULL)
        g_error ("%s: the engine has a row SQLite does not", key);
      for (guint c = 0; c < N_COLUMNS; c++)
        check_value (key, c, sc_query_result_get_value (result, columns[c].metric,
                                                        grouped ? 0 : r, grouped ? (int) r : -1),
                     expected[c]);
    }
  g_test_message ("%s: %u rows of %u metrics agree with SQLite", set, n_rows, N_COLUMNS);
}

static void
test_dashboard_matches_sqlite (void)
{
  Fixture f = { 0 };
  g_autoptr(ScMetricSettings) settings = sc_metric_settings_new ();
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(GError) error = NULL;

  if (!fixture_prepare (&f))
    {
      fixture_clear (&f);
      return;
    }
  g_assert_true (sc_metric_settings_set (settings, SC_SETTING_TIMEZONE, "UTC", &error));
  g_assert_true (sc_metric_settings_set (settings, SC_SETTING_DURATIONS, "exported", &error));
  engine = sc_engine_new (f.store);
  sc_engine_set_settings (engine, settings);
  g_assert_cmpuint (count_expected (&f, "month"), ==, 24);
  g_assert_cmpuint (count_expected (&f, "channel"), ==, 5);
  g_assert_cmpuint (count_expected (&f, "group"), ==, 7);
  check_set (&f, engine, "month");
  check_set (&f, engine, "channel");
  check_set (&f, engine, "group");
  g_clear_object (&engine);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorecard/metrics/crosscheck/dashboard-sql", test_dashboard_matches_sqlite);
  return g_test_run ();
}
