/* sc-bench-anchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "sc-bench-anchor.h"
#include "sc-test-util.h"

/**
 * sc_bench_time_command:
 * @argv: a command line, looked up in `PATH`
 *
 * Returns: the wall time of the command in seconds, or -1 when it could
 *   not run or failed
 */
double
sc_bench_time_command (const char * const *argv)
{
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Loads @csv into DuckDB (not timed), then runs every statement of
 * ../shared/bench/dashboard_duckdb.sql @runs times and prints the median
 * wall time of one pass in seconds. */
static const char duckdb_script[] =
  "const d = require(process.argv[1] + '/@duckdb/node-api');\n"
  "const fs = require('fs');\n"
  "(async () => {\n"
  "  const i = await d.DuckDBInstance.create(':memory:', { threads: '2' });\n"
  "  const c = await i.connect();\n"
  "  await c.run(\"CREATE TABLE tickets AS SELECT * FROM read_csv_auto('\" +\n"
  "              process.argv[2].replace(/'/g, \"''\") + \"')\");\n"
  "  const sql = fs.readFileSync(process.argv[3], 'utf8').split('\\n')\n"
  "    .filter(l => !l.trimStart().startsWith('--')).join('\\n');\n"
  "  const statements = sql.split(/;\\s*(?:\\n|$)/).map(s => s.trim()).filter(s => s.length);\n"
  "  const times = [];\n"
  "  for (let r = 0; r < Number(process.argv[4]); r++) {\n"
  "    const t = process.hrtime.bigint();\n"
  "    for (const s of statements) await c.runAndReadAll(s);\n"
  "    times.push(Number(process.hrtime.bigint() - t) / 1e9);\n"
  "  }\n"
  "  times.sort((a, b) => a - b);\n"
  "  console.log(times[Math.floor(times.length / 2)]);\n"
  "})().catch(e => { console.error(e); process.exit(1); });\n";

/**
 * sc_bench_duckdb_dashboard:
 * @csv: a gen_tickets.py export
 * @runs: how many passes to take the median of
 *
 * The anchor for the dashboard query set: DuckDB (through
 * @duckdb/node-api in the `node_modules` folder `$SC_BENCH_DUCKDB_MODULES`
 * names) running ../shared/bench/dashboard_duckdb.sql on a table loaded
 * from @csv, warm.
 *
 * Returns: the median seconds of one pass, or -1 when DuckDB, Node.js or
 *   the SQL file is not there
 */
double
sc_bench_duckdb_dashboard (const char *csv,
                           guint       runs)
{
  const char *modules = g_getenv ("SC_BENCH_DUCKDB_MODULES");
  g_autofree char *sql = sc_test_shared_path ("bench", "dashboard_duckdb.sql", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *count = g_strdup_printf ("%u", runs);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { node, "-e", duckdb_script, modules, csv, sql, count, NULL };
  int status;

  if (modules == NULL || node == NULL || sql == NULL)
    return -1;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("DuckDB anchor failed: %s\n", err != NULL ? err : "");
      return -1;
    }
  return g_ascii_strtod (out, NULL);
}
