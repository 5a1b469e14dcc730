/* sc-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

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
