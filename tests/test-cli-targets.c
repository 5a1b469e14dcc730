/* test-cli-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `scorecard-cli targets` and `scorecard-cli baselines`, run as a user
 * runs them: setting targets (one, a range of months, a glide path),
 * listing them as text and JSON, the history of one, CSV import and
 * export; baselines fixed, over a range, trailing, last year and frozen,
 * their values checked against `scorecard-cli metrics`; and the messages
 * and exit statuses of bad input.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "sc-test-util.h"

typedef struct
{
  char       *dir;
  char       *db;
  char       *cli;
  const char *command;   /* "targets", "baselines", … */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sc_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "store.sqlite", NULL);
  f->cli = sc_test_cli_path ();
  f->command = "targets";
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

/* Runs scorecard-cli --db DB COMMAND ARGS… (NULL-terminated), COMMAND
 * being f->command. */
static void
run_cli (Fixture   *f,
         ScTestRun *run,
         ...)
{
  va_list args;

  va_start (args, run);
  sc_test_run_cli_va (run, NULL, f->cli, f->db, f->command, args);
  va_end (args);
}

static void
test_set_list (Fixture       *f,
               gconstpointer  data)
{
  g_auto(ScTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  /* A straight glide path over the year for one channel. */
  run_cli (f, &run, "set", "--metric", "frt_median", "--value", "5h", "--end-value", "3h",
           "--where", "channel=Email", "--from", "2026-01", "--to", "2026-12", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Set 12 targets; 12 changed.");
  run_cli (f, &run, "set", "--metric", "csat", "--value", "85%", "--period", "2026", "--band", "10%",
           "--note", "board plan", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (f, &run, "set", "--metric", "nps", "--value", "+20", "--from", "2026-04", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 14 + 1);
  sc_test_assert_contains (run.out, "csat");
  sc_test_assert_contains (run.out, "Channel: Email");
  sc_test_assert_contains (run.out, "2026-12           3h");
  sc_test_assert_contains (run.out, "from 2026-04-01");

  run_cli (f, &run, "list", "--metric", "csat", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "[{\"metric\": \"csat\", \"segment\": \"\", \"period\": \"2026\", "
                           "\"period_kind\": \"year\", \"period_start\": \"2026-01-01\", \"value\": 85, "
                           "\"value_text\": \"85%\", \"at_risk_band\": 0.1, \"note\": \"board plan\"");
  sc_test_assert_contains (run.out, "\"valid_to\": null}]");
  g_assert_null (strstr (run.out, "frt_median"));

  run_cli (f, &run, "list", "--metric", "nps", "--json", NULL);
  sc_test_assert_contains (run.out, "\"period\": \"from 2026-04-01\"");
  sc_test_assert_contains (run.out, "\"value_text\": \"+20\"");

  /* Nothing was in force long before. */
  run_cli (f, &run, "list", "--as-of", "2001-01-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "[]\n");

  /* Setting again: a second version; the history shows both. */
  run_cli (f, &run, "set", "--metric", "csat", "--value", "88", "--period", "2026", NULL);
  sc_test_assert_contains (run.out, "Set 1 target; 1 changed.");
  run_cli (f, &run, "set", "--metric", "csat", "--value", "88", "--period", "2026", NULL);
  sc_test_assert_contains (run.out, "Set 1 target; 0 changed.");
  run_cli (f, &run, "history", "--metric", "csat", "--period", "2026", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "\"value\": 85");
  sc_test_assert_contains (run.out, "\"value\": 88");

  /* Unsetting a range removes each month; the history stays. */
  run_cli (f, &run, "unset", "--metric", "frt_median", "--where", "channel=Email",
           "--from", "2026-07", "--to", "2026-12", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Removed 6 targets.");
  run_cli (f, &run, "list", "--metric", "frt_median", "--json", NULL);
  g_assert_null (strstr (run.out, "2026-07"));
  sc_test_assert_contains (run.out, "2026-06");
  run_cli (f, &run, "history", "--metric", "frt_median", "--where", "channel=Email", "--period", "2026-07", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "in force"));
  sc_test_assert_contains (run.out, "3h 55m");
}

typedef struct
{
  const char *args[12];
  int         status;
  const char *message;
} Failure;

/* Each case fails with its status and message on stderr, printing
 * nothing on stdout. */
static void
check_failures (Fixture       *f,
                const Failure *cases,
                guint          n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status;

      g_ptr_array_add (argv, f->cli);
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, f->db);
      g_ptr_array_add (argv, (gpointer) f->command);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &wait_status, &error));
      if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != cases[i].status
          || strstr (err, cases[i].message) == NULL)
        g_error ("%s case %u: status %d, “%s” lacks “%s”", f->command, i, WEXITSTATUS (wait_status), err,
                 cases[i].message);
      g_assert_cmpstr (out, ==, "");
    }
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  static const Failure cases[] = {
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
  g_auto(ScTestRun) run = { 0 };

  check_failures (f, cases, G_N_ELEMENTS (cases));

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
  g_auto(ScTestRun) run = { 0 };
  g_auto(ScTestRun) again = { 0 };

  g_assert_true (g_file_set_contents (plan,
                                      "metric,segment,period,value,note\n"
                                      "frt_median,channel=Email,2026,4h,\n"
                                      "frt_median,channel=Chat,2026,90 s,chat is fast\n"
                                      "csat,,2026-Q1,85%,\n"
                                      "nps,,from 2026-03,'+15,\n",
                                      -1, NULL));
  run_cli (f, &run, "import", "--json", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "\"targets\": 4, \"changed\": 4}");

  run_cli (f, &run, "export", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "metric,segment,period,value,at_risk_band,note\r\n");
  sc_test_assert_contains (run.out, "frt_median,channel=Chat,2026,1m 30s,5%,chat is fast\r\n");
  sc_test_assert_contains (run.out, "nps,,from 2026-03-01,'+15,5%,\r\n");

  /* The export reads back unchanged. */
  run_cli (f, &again, "export", exported, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, run.out);
  run_cli (f, &again, "import", exported, NULL);
  g_assert_cmpint (again.status, ==, 0);
  sc_test_assert_contains (again.out, "4 targets, 0 changed.");

  /* A file with problems names each and imports nothing. */
  g_assert_true (g_file_set_contents (bad,
                                      "metric,period,value\n"
                                      "csat,2026-Q2,90\n"
                                      "csat,2026-Q3,ninety\n"
                                      "fcr,2026-Q5,70\n",
                                      -1, NULL));
  run_cli (f, &run, "import", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  sc_test_assert_contains (run.err, "2 problems; nothing was imported");
  sc_test_assert_contains (run.err, "bad.csv:3:3 (value): “ninety” is not a percentage");
  sc_test_assert_contains (run.err, "bad.csv:4:2 (period): “2026-Q5” is not a target period");
  run_cli (f, &run, "list", "--metric", "csat", "--json", NULL);
  g_assert_null (strstr (run.out, "2026-Q2"));

  run_cli (f, &run, "import", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sc_test_assert_contains (run.err, "import takes one CSV file");
  run_cli (f, &run, "import", "/nonexistent/plan.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sc_test_assert_contains (run.err, "/nonexistent/plan.csv");
}

/* The "value" scorecard-cli metrics --format json gives for @metric from @from to
 * @to, as it is written. */
static char *
metric_value (Fixture    *f,
              const char *metric,
              const char *from,
              const char *to)
{
  g_auto(ScTestRun) run = { 0 };
  const char *start, *end;

  f->command = "metrics";
  run_cli (f, &run, "--metric", metric, "--from", from, "--to", to, "--format", "json", NULL);
  f->command = "baselines";
  g_assert_cmpint (run.status, ==, 0);
  start = strstr (run.out, "\"value\": ");
  g_assert_nonnull (start);
  start += strlen ("\"value\": ");
  end = strchr (start, ',');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_baselines (Fixture       *f,
                gconstpointer  data)
{
  g_auto(ScTestRun) run = { 0 };
  g_autofree char *csat = NULL;
  g_autofree char *csat_sep = NULL;
  g_autofree char *fcr = NULL;
  g_autofree char *nps = NULL;
  g_autofree char *expected = NULL;

  f->command = "demo";
  run_cli (f, &run, "--end", "2026-10", "--months", "24", NULL);
  g_assert_cmpint (run.status, ==, 0);
  f->command = "baselines";
  run_cli (f, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No baselines are set.\n");

  run_cli (f, &run, "set", "--metric", "csat", "--trailing", "3", "--note", "Q3 level", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Set the baseline of csat (All): Trailing 3 months.\n");
  run_cli (f, &run, "set", "--metric", "frt_median", "--value", "4h", "--where", "channel=email", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Set the baseline of frt_median (Channel: Email): 4h.\n");
  run_cli (f, &run, "set", "--metric", "fcr", "--last-year", "--freeze", "--for", "2026-10", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Set the baseline of fcr (All): Same period last year (frozen: ");
  run_cli (f, &run, "set", "--metric", "nps", "--range", "2025-01..2025-03", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Set the baseline of nps (All): 2025-01-01 to 2025-03-31.\n");

  /* Computed values are the metric over the reference period, for the
   * month asked about; a frozen one keeps what it was. */
  csat = metric_value (f, "csat", "2026-07-01", "2026-09-30");
  csat_sep = metric_value (f, "csat", "2026-06-01", "2026-08-31");
  fcr = metric_value (f, "fcr", "2025-10-01", "2025-10-31");
  nps = metric_value (f, "nps", "2025-01-01", "2025-03-31");
  run_cli (f, &run, "list", "--for", "2026-10", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("{\"metric\": \"csat\", \"segment\": \"\", \"kind\": \"trailing\", "
                              "\"source\": \"Trailing 3 months\", \"range_from\": null, \"range_to\": null, "
                              "\"months\": 3, \"frozen\": false, \"stored_value\": null, \"for\": \"2026-10\", "
                              "\"value\": %s, ", csat);
  sc_test_assert_contains (run.out, expected);
  sc_test_assert_contains (run.out, "\"reference_from\": \"2026-07-01\", \"reference_to\": \"2026-09-30\"");
  sc_test_assert_contains (run.out, "\"note\": \"Q3 level\"");
  g_free (expected);
  expected = g_strdup_printf ("\"kind\": \"last_year\", \"source\": \"Same period last year (frozen: ");
  sc_test_assert_contains (run.out, expected);
  g_free (expected);
  expected = g_strdup_printf ("\"range_from\": \"2025-10-01\", \"range_to\": \"2025-10-31\", \"months\": null, "
                              "\"frozen\": true, \"stored_value\": %s, \"for\": \"2026-10\", \"value\": %s, ",
                              fcr, fcr);
  sc_test_assert_contains (run.out, expected);
  g_free (expected);
  expected = g_strdup_printf ("\"kind\": \"range\", \"source\": \"2025-01-01 to 2025-03-31\", "
                              "\"range_from\": \"2025-01-01\", \"range_to\": \"2025-03-31\", \"months\": null, "
                              "\"frozen\": false, \"stored_value\": null, \"for\": \"2026-10\", \"value\": %s, ",
                              nps);
  sc_test_assert_contains (run.out, expected);
  sc_test_assert_contains (run.out, "\"kind\": \"fixed\", \"source\": \"4h\"");
  sc_test_assert_contains (run.out, "\"value\": 14400, \"value_text\": \"4h\"");

  /* Another month, another trailing window. */
  run_cli (f, &run, "list", "--metric", "csat", "--for", "2026-09", "--json", NULL);
  g_free (expected);
  expected = g_strdup_printf ("\"for\": \"2026-09\", \"value\": %s, ", csat_sep);
  sc_test_assert_contains (run.out, expected);
  g_assert_null (strstr (run.out, "nps"));

  /* As text, by default for the last complete month of the data. */
  run_cli (f, &run, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "Values for 2026-10:\n");
  sc_test_assert_contains (run.out, "Channel: Email");
  sc_test_assert_contains (run.out, "Trailing 3 months");
  sc_test_assert_contains (run.out, "Q3 level\n");

  /* Setting the same again adds no version; nothing was in force long ago. */
  run_cli (f, &run, "set", "--metric", "csat", "--trailing", "3", "--note", "Q3 level", NULL);
  g_assert_cmpstr (run.out, ==, "The baseline of csat (All) was already Trailing 3 months.\n");
  run_cli (f, &run, "list", "--as-of", "2001-01-01", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "[]\n");

  run_cli (f, &run, "unset", "--metric", "nps", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Removed the baseline of nps (All).\n");
  run_cli (f, &run, "unset", "--metric", "nps", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "nps (All) has no baseline.\n");
  run_cli (f, &run, "list", "--metric", "nps", "--json", NULL);
  g_assert_cmpstr (run.out, ==, "[]\n");
}

static void
test_baselines_bad_input (Fixture       *f,
                          gconstpointer  data)
{
  static const Failure cases[] = {
    { { "set", "--metric", "csat" }, 1, "give one of --value, --range, --trailing or --last-year" },
    { { "set", "--metric", "csat", "--value", "85", "--trailing", "3" }, 1,
      "give one of --value, --range, --trailing or --last-year" },
    { { "set", "--metric", "csat", "--value", "150%" }, 1, "--value: CSAT is a percentage from 0 to 100" },
    { { "set", "--metric", "frt_median", "--value", "4" }, 1, "--value: “4” needs a unit of time" },
    { { "set", "--metric", "csat", "--value", "85", "--freeze" }, 1,
      "--freeze keeps a computed baseline; a --value is fixed already" },
    { { "set", "--metric", "csat", "--range", "2025-03..2025-01" }, 1,
      "--range: “2025-03..2025-01” ends before it starts" },
    { { "set", "--metric", "csat", "--range", "2025-01" }, 1, "--range: “2025-01” is not FROM..TO" },
    { { "set", "--metric", "csat", "--range", "2025-01-01..soon" }, 1, "--range: “2025-01-01..soon” is not" },
    { { "set", "--metric", "csat", "--trailing", "0" }, 1,
      "--trailing: 0 is not a number of months from 1 to 36" },
    { { "set", "--metric", "csat", "--trailing", "x" }, 2, "--trailing" },
    { { "set", "--metric", "csat", "--trailing", "3", "--for", "2026-01" }, 1, "--for goes with --freeze" },
    { { "set", "--metric", "csat", "--trailing", "3", "--freeze" }, 1,
      "--freeze: the store holds no interactions to compute the baseline from" },
    { { "set", "--metric", "csat", "--last-year", "--freeze", "--for", "2026-13" }, 1,
      "--for: “2026-13” is not a month" },
    { { "set", "--metric", "csat", "--last-year", "--where", "colour=red" }, 1,
      "--where: “colour” in “colour=red” is not a dimension" },
    { { "set", "--trailing", "3" }, 1, "--metric is required" },
    { { "set", "--metric", "speed", "--trailing", "3" }, 1, "--metric: no metric “speed”" },
    { { "unset" }, 1, "--metric is required" },
    { { "list", "--for", "June" }, 1, "--for: “June” is not a month" },
    { { "list", "--as-of", "yesterday" }, 1, "--as-of: “yesterday” is not a date" },
    { { "list", "extra" }, 1, "unexpected argument “extra”" },
    { { "frobnicate" }, 2, "unknown action “frobnicate”" },
  };
  g_auto(ScTestRun) run = { 0 };

  f->command = "baselines";
  check_failures (f, cases, G_N_ELEMENTS (cases));

  /* Nothing bad was kept. */
  run_cli (f, &run, "list", "--json", NULL);
  g_assert_cmpstr (run.out, ==, "[]\n");
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
  g_test_add ("/scorecard/cli/baselines/set-list", Fixture, NULL, fixture_setup, test_baselines,
              fixture_teardown);
  g_test_add ("/scorecard/cli/baselines/bad-input", Fixture, NULL, fixture_setup, test_baselines_bad_input,
              fixture_teardown);

  return g_test_run ();
}
