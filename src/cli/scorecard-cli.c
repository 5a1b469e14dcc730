/* scorecard-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"

typedef struct
{
  const char       *name;
  const char       *summary;
  ScCliCommandFunc  func;
} ScCliCommand;

/* Keep sorted by name. */
static const ScCliCommand commands[] = {
  { "baselines", N_("List, set and unset baselines"), sc_cli_baselines },
  { "demo", N_("Write the demo organisation into a store"), sc_cli_demo },
  { "drivers", N_("Explain a metric's change by segment"), sc_cli_drivers },
  { "import", N_("Import exports (CSV) into a store"), sc_cli_import },
  { "info", N_("Show what a store holds"), sc_cli_info },
  { "metrics", N_("Compute service metrics"), sc_cli_metrics },
  { "report", N_("Write the monthly review (PDF and CSV)"), sc_cli_report },
  { "targets", N_("List, set, import and export targets"), sc_cli_targets },
};

ScStore *
sc_cli_open_store (const ScCliGlobals *globals,
                   ScStoreOpenFlags    flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ScStore *store;

  path = globals->db_path ? g_strdup (globals->db_path) : sc_store_default_path ();
  store = sc_store_open (path, flags, &error);
  if (store == NULL)
    sc_cli_fail ("%s: %s", path, error->message);
  return store;
}

int
sc_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "scorecard-cli: %s\n", message);
  return 1;
}

int
sc_cli_usage_error (GOptionContext *context,
                    const GError   *error)
{
  fprintf (stderr, "scorecard-cli: %s\n", error->message);
  fprintf (stderr, "%s", _("Run with --help for usage.\n"));
  return 2;
}

void
sc_cli_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
sc_cli_json_number (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    g_string_append (out, "null");
  else if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%.0f", value);
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s", _("Usage: scorecard-cli [--db FILE] COMMAND [OPTIONS…]\n\nCommands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "%s", _("\nRun “scorecard-cli COMMAND --help” for a command’s options.\n"));
}

int
main (int   argc,
      char *argv[])
{
  ScCliGlobals globals = { NULL };
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          globals.db_path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        globals.db_path = argv[first++] + strlen ("--db=");
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          printf ("scorecard-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          sc_cli_fail (_("unknown option “%s”"), argv[first]);
          print_usage (stderr);
          return 2;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return 2;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, argv[first]))
      return commands[i].func (&globals, argc - first, argv + first);

  sc_cli_fail (_("unknown command “%s”"), argv[first]);
  print_usage (stderr);
  return 2;
}
