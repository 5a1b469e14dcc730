/* sc-bench-anchor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yardsticks the benchmarks measure against, run in the same process
 * as the measurement: other programs (sqlite3, DuckDB through Node.js)
 * timed on the same files.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double sc_bench_time_command     (const char * const *argv);
double sc_bench_duckdb_dashboard (const char         *csv,
                                  guint               runs);

G_END_DECLS
