/* sc-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each scorecard-cli command lives in its own sc-cli-NAME.c and is listed
 * in the command table of scorecard-cli.c.
 */

#pragma once

#include <glib.h>
#include <stdio.h>

#include "sc-metric.h"
#include "sc-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;   /* --db FILE, or NULL for the default store */
} ScCliGlobals;

/* A command gets its own argv (argv[0] is the command's name) and returns
 * the process exit status. */
typedef int (*ScCliCommandFunc) (const ScCliGlobals *globals,
                                 int                 argc,
                                 char              **argv);

/* Opens the store named by --db (or the default one), printing a one-line
 * reason to stderr on failure. */
ScStore *sc_cli_open_store (const ScCliGlobals *globals,
                            ScStoreOpenFlags    flags);

/* Prints "scorecard-cli: MESSAGE" to stderr and returns 1 (or 2 for usage
 * errors, via sc_cli_usage_error). */
int      sc_cli_fail        (const char *format,
                             ...) G_GNUC_PRINTF (1, 2);
int      sc_cli_usage_error (GOptionContext *context,
                             const GError   *error);

/* Append a JSON string (null for NULL) or number (null for NaN). */
void     sc_cli_json_string (GString    *out,
                             const char *text);
void     sc_cli_json_number (GString    *out,
                             double      value);

/* Shared by the targets and baselines commands (sc-cli-targets.c): the
 * metric of --metric, the instant of --as-of DATE, the store's time zone
 * (NULL for UTC), and an instant as ISO 8601 UTC (NULL for SC_MISSING). */
gboolean   sc_cli_parse_metric   (const char  *text,
                                  ScMetricId  *metric,
                                  GError     **error);
gboolean   sc_cli_parse_as_of    (ScStore     *store,
                                  const char  *text,
                                  gint64      *as_of,
                                  GError     **error);
GTimeZone *sc_cli_store_zone     (ScStore     *store);
char      *sc_cli_format_instant (gint64       t);

/* A command with actions (`targets list`…): see sc-cli-targets.c. */
int        sc_cli_find_action    (const char          *command,
                                  int                  argc,
                                  char               **argv,
                                  const char * const  *names,
                                  guint                n_names,
                                  void               (*print_usage) (FILE *out),
                                  guint               *action);
int        sc_cli_parse_options  (GOptionContext      *context,
                                  const char          *command,
                                  const char          *action,
                                  int                  argc,
                                  char               **argv);

int sc_cli_baselines (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_demo (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_import (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_info (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_metrics (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_drivers (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_report (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_targets (const ScCliGlobals *globals, int argc, char **argv);

G_END_DECLS
