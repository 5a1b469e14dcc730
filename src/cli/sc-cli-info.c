/* sc-cli-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-cli.h"

static char *
format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = NULL;

  if (t == SC_MISSING)
    return g_strdup ("—");
  dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M UTC");
}

int
sc_cli_info (const ScCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *timezone = NULL;
  gboolean check = FALSE;
  ScStoreOverview overview;
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_("Run the full integrity check"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Show what the store holds."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sc_cli_usage_error (context, error);

  store = sc_cli_open_store (globals, SC_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return 1;
  if (check && !sc_store_check_integrity (store, &error))
    return sc_cli_fail ("%s", error->message);
  if (!sc_store_get_overview (store, &overview, &error))
    return sc_cli_fail ("%s", error->message);

  first = format_time (overview.first_created);
  last = format_time (overview.last_created);
  timezone = sc_store_dup_setting (store, "timezone");
  printf (_("Store:            %s (schema %d)\n"), sc_store_get_path (store),
          sc_store_get_schema_version (store));
  printf (_("Time zone:        %s\n"), timezone ? timezone : _("not set (UTC)"));
  printf (_("Interactions:     %" G_GINT64_FORMAT " (%s – %s)\n"), overview.interactions, first, last);
  printf (_("Survey responses: %" G_GINT64_FORMAT "\n"), overview.survey_responses);
  printf (_("Customers:        %" G_GINT64_FORMAT "\n"), overview.customers);
  printf (_("Agent days:       %" G_GINT64_FORMAT "\n"), overview.agent_days);
  printf (_("Imports:          %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " rejected rows)\n"),
          overview.imports, overview.rejects);
  if (check)
    printf ("%s", _("Integrity:        ok\n"));
  return 0;
}
