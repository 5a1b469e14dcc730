/* sc-cli-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-cli.h"
#include "sc-demo.h"

static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  return text != NULL
         && sscanf (text, "%4d-%2d", year, month) == 2
         && *year >= 1970 && *year <= 9999 && *month >= 1 && *month <= 12;
}

int
sc_cli_demo (const ScCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *end = NULL;
  ScImportCounts counts = { 0 };
  ScDemoOptions options;
  int seed = SC_DEMO_DEFAULT_SEED;
  int months = 24;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The random seed (default 20261)"), "N" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("The last month of data (default: last month)"), "YYYY-MM" },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Months of history (default 24)"), "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write the demo organisation into the store given "
                                           "with --db (created when missing)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sc_cli_usage_error (context, error);

  sc_demo_options_init (&options);
  options.seed = (guint32) seed;
  options.months = months;
  if (months < 1 || months > 120)
    return sc_cli_fail (_("--months must be between 1 and 120, not %d"), months);
  if (end != NULL && !parse_month (end, &options.end_year, &options.end_month))
    return sc_cli_fail (_("--end takes a month as YYYY-MM, not “%s”"), end);

  store = sc_cli_open_store (globals, SC_STORE_OPEN_CREATE | SC_STORE_OPEN_LOCK);
  if (store == NULL)
    return 1;
  if (!sc_demo_generate (store, &options, NULL, &counts, &error))
    return sc_cli_fail ("%s", error->message);

  printf (_("Demo data written to %s: %" G_GINT64_FORMAT " interactions "
            "(%" G_GINT64_FORMAT " new, %" G_GINT64_FORMAT " unchanged)\n"),
          sc_store_get_path (store), counts.rows_read, counts.inserted, counts.unchanged);
  return 0;
}
