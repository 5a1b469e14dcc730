/* sc-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each scorecard-cli command lives in its own sc-cli-NAME.c and is listed
 * in the command table of scorecard-cli.c.
 */

#pragma once

#include <glib.h>

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

int sc_cli_demo (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_import (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_info (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_metrics (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_drivers (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_report (const ScCliGlobals *globals, int argc, char **argv);
int sc_cli_targets (const ScCliGlobals *globals, int argc, char **argv);

G_END_DECLS
