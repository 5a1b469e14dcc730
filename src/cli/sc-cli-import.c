/* sc-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * scorecard-cli [--db FILE] import [--preset ID|auto|FILE.preset] [--source NAME]
 *   [--sheet NAME|NUMBER] [--timezone ZONE] [--date-order dmy|mdy|ymd] [--json] FILE...
 * scorecard-cli import --list-presets
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-importer.h"
#include "sc-preset.h"

static int
list_presets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sc_preset_load_all (&error);

  if (error != NULL)
    fprintf (stderr, "scorecard-cli: %s\n", error->message);
  for (guint i = 0; i < presets->len; i++)
    {
      ScPreset *preset = g_ptr_array_index (presets, i);

      printf ("%-26s %s\n", sc_preset_get_id (preset), sc_preset_get_name (preset));
    }
  return presets->len > 0 ? 0 : 1;
}

static void
print_json (const char           *path,
            const ScImportResult *result)
{
  g_autoptr(GString) s = g_string_new ("{\"file\": ");
  g_autoptr(GList) keys = g_hash_table_get_keys (result->rejects_by_reason);

  sc_cli_json_string (s, path);
  g_string_append (s, ", \"preset\": ");
  sc_cli_json_string (s, result->preset_id);
  g_string_append_printf (s, ", \"confidence\": %.2f, ", result->confidence);
  g_string_append_printf (s, "\"import_id\": %" G_GINT64_FORMAT ", \"rows\": %" G_GINT64_FORMAT ", ",
                          result->import_id, result->counts.rows_read);
  g_string_append_printf (s, "\"inserted\": %" G_GINT64_FORMAT ", \"updated\": %" G_GINT64_FORMAT
                          ", \"unchanged\": %" G_GINT64_FORMAT ", \"rejected\": %" G_GINT64_FORMAT
                          ", \"rejects_by_reason\": {",
                          result->counts.inserted, result->counts.updated,
                          result->counts.unchanged, result->counts.rejected);
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_string_append (s, l == keys ? "" : ", ");
      sc_cli_json_string (s, l->data);
      g_string_append_printf (s, ": %d",
                              GPOINTER_TO_INT (g_hash_table_lookup (result->rejects_by_reason,
                                                                    l->data)));
    }
  g_string_append (s, "}, \"notices\": [");
  for (guint i = 0; result->notices[i] != NULL; i++)
    {
      g_string_append (s, i ? ", " : "");
      sc_cli_json_string (s, result->notices[i]);
    }
  g_string_append (s, "]}");
  printf ("%s\n", s->str);
}

static void
print_text (const char           *path,
            const ScImportResult *result)
{
  GHashTableIter iter;
  gpointer key, value;

  printf (_("%s: preset %s (confidence %.0f%%)\n"), path, result->preset_id, result->confidence * 100);
  printf (_("  %" G_GINT64_FORMAT " rows: %" G_GINT64_FORMAT " inserted, %" G_GINT64_FORMAT
            " updated, %" G_GINT64_FORMAT " unchanged, %" G_GINT64_FORMAT " rejected\n"),
          result->counts.rows_read, result->counts.inserted, result->counts.updated,
          result->counts.unchanged, result->counts.rejected);
  g_hash_table_iter_init (&iter, result->rejects_by_reason);
  while (g_hash_table_iter_next (&iter, &key, &value))
    printf ("  %-20s %d\n", (char *) key, GPOINTER_TO_INT (value));
  for (guint i = 0; result->notices[i] != NULL; i++)
    printf ("  %s\n", result->notices[i]);
}

/* --preset takes an id, "auto", or the path of a preset file (one the
 * app saved, or one being written), told apart by its ".preset" ending
 * or a directory separator. */
static gboolean
set_preset (ScImporter  *importer,
            const char  *preset,
            GError     **error)
{
  g_autoptr(ScPreset) object = NULL;

  if (preset == NULL ||
      (!g_str_has_suffix (preset, ".preset") && strchr (preset, G_DIR_SEPARATOR) == NULL))
    {
      sc_importer_set_preset (importer, preset);
      return TRUE;
    }
  object = sc_preset_new_from_file (preset, error);
  if (object == NULL)
    return FALSE;
  sc_importer_set_preset_object (importer, object);
  return TRUE;
}

static gboolean
configure (ScImporter   *importer,
           const char   *timezone,
           const char   *date_order,
           GError      **error)
{
  ScDateOrder order = SC_DATE_ORDER_UNKNOWN;

  if (timezone != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (timezone);

      if (zone == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("unknown time zone “%s”"), timezone);
          return FALSE;
        }
      sc_importer_set_time_zone (importer, zone);
    }
  if (date_order != NULL && !sc_date_order_from_string (date_order, &order))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--date-order must be dmy, mdy or ymd, not “%s”"), date_order);
      return FALSE;
    }
  sc_importer_set_date_order (importer, order);
  return TRUE;
}

int
sc_cli_import (const ScCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autofree char *preset = NULL;
  g_autofree char *source = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *timezone = NULL;
  g_autofree char *date_order = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE, list = FALSE;
  const GOptionEntry entries[] = {
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("The export's preset, auto (default), or a preset file"), N_("ID|FILE") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("The source name records are keyed by"), N_("NAME") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet of an .xlsx workbook (default: the first)"), N_("NAME|NUMBER") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone, N_("Zone of times without an offset"), N_("ZONE") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order, N_("Order of numeric dates"), "dmy|mdy|ymd" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts as JSON"), NULL },
    { "list-presets", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the presets and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — import exports into the store"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScImporter) importer = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sc_cli_usage_error (context, error);
  if (list)
    return list_presets ();
  if (files == NULL || files[0] == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("no file to import"));
      return sc_cli_usage_error (context, error);
    }

  store = sc_cli_open_store (globals, SC_STORE_OPEN_CREATE | SC_STORE_OPEN_LOCK
                                      | SC_STORE_OPEN_SINGLE_THREAD);
  if (store == NULL)
    return 1;
  importer = sc_importer_new (store);
  if (!configure (importer, timezone, date_order, &error))
    return sc_cli_usage_error (context, error);
  if (!set_preset (importer, preset, &error))
    {
      sc_cli_fail ("%s", error->message);
      return 1;
    }
  sc_importer_set_source (importer, source);
  sc_importer_set_sheet (importer, sheet);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(ScImportResult) result = sc_importer_run (importer, files[i], NULL, &error);

      if (result == NULL)
        {
          sc_cli_fail ("%s", error->message);
          g_clear_error (&error);
          status = 1;
          continue;
        }
      if (json)
        print_json (files[i], result);
      else
        print_text (files[i], result);
    }
  return status;
}
