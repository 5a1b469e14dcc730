/* sc-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "sc-test-util.h"

char *
sc_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("scorecard-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sc_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        sc_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

char *
sc_test_shared_path (const char *first_element,
                     ...)
{
  const char *shared = g_getenv ("SC_SHARED_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  va_list args;

  g_ptr_array_add (parts, (gpointer) (shared ? shared : "../shared"));
  g_ptr_array_add (parts, (gpointer) first_element);
  va_start (args, first_element);
  for (const char *e = va_arg (args, const char *); e != NULL; e = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) e);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("%s is absent", path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

void
sc_test_run_clear (ScTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

char *
sc_test_cli_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "scorecard-cli", NULL);
}

void
sc_test_run_cli_va (ScTestRun  *run,
                    const char *cwd,
                    const char *cli,
                    const char *db,
                    const char *command,
                    va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  if (command != NULL)
    g_ptr_array_add (argv, (gpointer) command);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  sc_test_run_clear (run);
  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
sc_test_assert_contains (const char *text,
                         const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” lacks “%s”", text, part);
}

static void
shift (gint64 *instant,
       gint64  by)
{
  if (*instant != SC_MISSING)
    *instant += by;
}

void
sc_test_import_copies (ScStore             *store,
                       const ScInteraction *like,
                       guint                n)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("copies-%u.csv", ++serial);
  ScImportInfo info = { name, name, "test", "test", NULL };
  g_autoptr(ScStoreBatch) batch = sc_store_begin_import (store, &info, &error);
  ScImportCounts counts = { .rows_read = n };

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, i);
      ScInteraction it = *like;

      it.external_id = id;
      shift (&it.created_at, i * 60);
      shift (&it.first_reply_at, i * 60);
      shift (&it.resolved_at, i * 60);
      shift (&it.closed_at, i * 60);
      g_assert_true (sc_store_batch_add_interaction (batch, &it, NULL, &error));
    }
  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  g_assert_no_error (error);
}
