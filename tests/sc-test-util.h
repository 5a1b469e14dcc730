/* sc-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the tests.
 */

#pragma once

#include <stdarg.h>

#include <glib.h>

#include "sc-store.h"

G_BEGIN_DECLS

/* A new temporary folder; sc_test_remove_tree() removes it again. */
char    *sc_test_make_tmpdir  (void) G_GNUC_WARN_UNUSED_RESULT;
void     sc_test_remove_tree  (const char *path);

/* The folder of real exports beside the project, or NULL (and the test
 * skipped with a message) when it is absent. */
char    *sc_test_shared_path  (const char *first_element,
                               ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

/* What a run of a program gave: its exit status and its output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} ScTestRun;

void     sc_test_run_clear    (ScTestRun  *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScTestRun, sc_test_run_clear)

/* The scorecard-cli of this build. */
char    *sc_test_cli_path     (void) G_GNUC_WARN_UNUSED_RESULT;
/* Runs CLI --db DB [COMMAND] ARGS… (ARGS NULL-terminated) in @cwd. */
void     sc_test_run_cli_va   (ScTestRun  *run,
                               const char *cwd,
                               const char *cli,
                               const char *db,
                               const char *command,
                               va_list     args);
/* Imports @n copies of @like into @store as one batch, each with its own
 * id and created a minute after the one before (its other instants
 * shifted alike). */
void     sc_test_import_copies (ScStore             *store,
                                const ScInteraction *like,
                                guint                n);
/* Fails the test, showing @text, when @text lacks @part. */
void     sc_test_assert_contains (const char *text,
                                  const char *part);

G_END_DECLS
