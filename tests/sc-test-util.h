/* sc-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the tests.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new temporary folder; sc_test_remove_tree() removes it again. */
char    *sc_test_make_tmpdir  (void) G_GNUC_WARN_UNUSED_RESULT;
void     sc_test_remove_tree  (const char *path);

/* The folder of real exports beside the project, or NULL (and the test
 * skipped with a message) when it is absent. */
char    *sc_test_shared_path  (const char *first_element,
                               ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
