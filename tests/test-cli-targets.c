/* test-cli-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecard-cli targets`, run as a user runs it: setting targets (one,
 * a range of months, a glide path), listing them as text and JSON, the
 * history of one, CSV import and export, and the messages and exit
 * statuses of bad input.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "sc-test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *cli;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sc_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "store.sqlite", NULL);
  f->cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "scorecard-cli", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->cli);
}

/* Runs scorecard-cli --db DB targets ARGS… (NULL-terminated). */
static void
run_cli (Fixture *f,
         Run     *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, f->cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (gpointer) "targets");
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” lacks “%s”", text, part);
}

static void
test_set_list (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  /* A straight glide path over the year for one channel. */
  run_cli (f, &run, "set", "--metric", "frt_median", "--value", "5h", "--end-value", "3h",
           "--where", "channel=Email", "--from", "2026-01", "--to", "2026-12", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Set 12 targets; 12 changed.");
  run_cli (f, &run, "set", "--metric", "csat", "--value", "85%", "--period", "2026", "--band", "10%",
           "--note", "board plan", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (f, &run, "set", "--metric", "nps", "--value", "+20", "--from", "2026-04", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 14 + 1);
  assert_contains (run.out, "csat");
  assert_contains (run.out, "Channel: Email");
  assert_contains (run.out, "2026-12           3h");
  assert_contains (run.out, "from 2026-04-01");

  run_cli (f, &run, "list", "--metric", "csat", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "[{\"metric\": \"csat\", \"segment\": \"\", \"period\": \"2026\", "
                            "\"period_kind\": \"year\", \"period_start\": \"2026-01-01\", \"value\": 85, "
                            "\"value_text\": \"85%\", \"at_risk_band\": 0.1, \"note\": \"board plan\"");
  assert_contains (run.out, "\"valid_to\": null}]");
  g_assert_null (strstr (run.out, "frt_median"));

  run_cli (f, &run, "list", "--metric", "nps", "--json", NULL);
  assert_contains (run.out, "\"period\": \"from 2026-04-01\"");
  assert_contains (run.out, "\"value_text\": \"+20\"");

  /* Nothing was in force long before. */
  run_cli (f, &run, "list", "--as-of", "2001-01-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "[]\n");

  /* Setting again: a second version; the history shows both. */
  run_cli (f, &run, "set", "--metric", "csat", "--value", "88", "--period", "2026", NULL);
  assert_contains (run.out, "Set 1 target; 1 changed.");
  run_cli (f, &run, "set", "--metric", "csat", "--value", "88", "--period", "2026", NULL);
  assert_contains (run.out, "Set 1 target; 0 changed.");
  run_cli (f, &run, "history", "--metric", "csat", "--period", "2026", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "\"value\": 85");
  assert_contains (run.out, "\"value\": 88");

  /* Unsetting a range removes each month; the history stays. */
  run_cli (f, &run, "unset", "--metric", "frt_median", "--where", "channel=Email",
           "--from", "2026-07", "--to", "2026-12", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Removed 6 targets.");
  run_cli (f, &run, "list", "--metric", "frt_median", "--json", NULL);
  g_assert_null (strstr (run.out, "2026-07"));
  assert_contains (run.out, "2026-06");
  run_cli (f, &run, "history", "--metric", "frt_median", "--where", "channel=Email", "--period", "2026-07", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "in force"));
  assert_contains (run.out, "3h 55m");
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *args[10]; int status; const char *message; } cases[] = {
    { { "set", "--metric", "nps", "--value", "120", "--period", "2026" }, 1,
      "--value: An NPS goes from −100 to 100; +120 is outside" },
    { { "set", "--metric", "csat", "--value", "101%", "--period", "2026" }, 1,
      "--value: CSAT is a percentage from 0 to 100" },
    { { "set", "--metric", "frt_median", "--value", "4", "--period", "2026" }, 1,
      "--value: “4” needs a unit of time" },
    { { "set", "--metric", "frt_median", "--value", "-4h", "--period", "2026" }, 1,
      "must be more than zero" },
    { { "set", "--metric", "csat", "--value", "85", "--period", "2026-13" }, 1,
      "--period: “2026-13” is not a target period" },
    { { "set", "--metric", "csat", "--value", "85", "--period", "2026", "--from", "2026-01" }, 1,
      "give either --period or --from" },
    { { "set", "--metric", "csat", "--value", "85", "--from", "2026-05", "--to", "2026-01" }, 1,
      "--to 2026-01 comes before --from 2026-05" },
    { { "set", "--metric", "csat", "--value", "85", "--from", "2026-05", "--to", "June" }, 1,
      "--to: “June” is not a month" },
    { { "set", "--metric", "csat", "--value", "85", "--period", "2026", "--end-value", "90" }, 1,
      "--end-value needs --from and --to" },
    { { "set", "--metric", "csat", "--value", "85", "--period", "2026", "--band", "150%" }, 1,
      "--band: The at-risk band goes from 0% to under 100%" },
    { { "set", "--metric", "speed", "--value", "85", "--period", "2026" }, 1,
      "--metric: no metric “speed”" },
    { { "set", "--value", "85", "--period", "2026" }, 1, "--metric is required" },
    { { "set", "--metric", "csat", "--period", "2026" }, 1, "--value is required" },
    { { "set", "--metric", "csat", "--value", "85", "--period", "2026", "--where", "colour=red" }, 1,
      "--where: “colour” in “colour=red” is not a dimension" },
    { { "set", "--metric", "csat", "--value", "85", "--period", "2026", "extra" }, 1,
      "unexpected argument “extra”" },
    { { "launch" }, 2, "unknown action “launch”" },
    { { "list", "--as-of", "yesterday" }, 1, "--as-of: “yesterday” is not a date" },
    { { "list", "--colour" }, 2, "Unknown option --colour" },
  };
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status;

      g_ptr_array_add (argv, f->cli);
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, f->db);
      g_ptr_array_add (argv, (gpointer) "targets");
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &wait_status, &error));
      if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != cases[i].status
          || strstr (err, cases[i].message) == NULL)
        g_error ("case %u: status %d, “%s” lacks “%s”", i, WEXITSTATUS (wait_status), err, cases[i].message);
      g_assert_cmpstr (out, ==, "");
    }

  /* Nothing bad was kept. */
  run_cli (f, &run, "list", "--json", NULL);
  g_assert_cmpstr (run.out, ==, "[]\n");
}

static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *plan = g_build_filename (f->dir, "plan.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *written = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  g_assert_true (g_file_set_contents (plan,
                                      "metric,segment,period,value,note\n"
                                      "frt_median,channel=Email,2026,4h,\n"
                                      "frt_median,channel=Chat,2026,90 s,chat is fast\n"
                                      "csat,,2026-Q1,85%,\n"
                                      "nps,,from 2026-03,'+15,\n",
                                      -1, NULL));
  run_cli (f, &run, "import", "--json", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "\"targets\": 4, \"changed\": 4}");

  run_cli (f, &run, "export", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "metric,segment,period,value,at_risk_band,note\r\n");
  assert_contains (run.out, "frt_median,channel=Chat,2026,1m 30s,5%,chat is fast\r\n");
  assert_contains (run.out, "nps,,from 2026-03-01,'+15,5%,\r\n");

  /* The export reads back unchanged. */
  run_cli (f, &again, "export", exported, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, run.out);
  run_cli (f, &again, "import", exported, NULL);
  g_assert_cmpint (again.status, ==, 0);
  assert_contains (again.out, "4 targets, 0 changed.");

  /* A file with problems names each and imports nothing. */
  g_assert_true (g_file_set_contents (bad,
                                      "metric,period,value\n"
                                      "csat,2026-Q2,90\n"
                                      "csat,2026-Q3,ninety\n"
                                      "fcr,2026-Q5,70\n",
                                      -1, NULL));
  run_cli (f, &run, "import", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "2 problems; nothing was imported");
  assert_contains (run.err, "bad.csv:3:3 (value): “ninety” is not a percentage");
  assert_contains (run.err, "bad.csv:4:2 (period): “2026-Q5” is not a target period");
  run_cli (f, &run, "list", "--metric", "csat", "--json", NULL);
  g_assert_null (strstr (run.out, "2026-Q2"));

  run_cli (f, &run, "import", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "import takes one CSV file");
  run_cli (f, &run, "import", "/nonexistent/plan.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "/nonexistent/plan.csv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/cli/targets/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("set-list", test_set_list);
  ADD ("bad-input", test_bad_input);
  ADD ("import-export", test_import_export);
#undef ADD

  return g_test_run ();
}
