/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "sc-checksum.h"
#include "sc-csv-reader.h"
#include "sc-engine.h"
#include "sc-importer.h"
#include "sc-preset.h"
#include "sc-store-facts.h"
#include "sc-store-private.h"
#include "sc-test-util.h"
#include "sc-test-xlsx.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  ScStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sc_test_make_tmpdir ();
  fixture->db_path = g_build_filename (fixture->dir, "store.db", NULL);
  fixture->store = sc_store_open (fixture->db_path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (to, bytes, (gssize) len, NULL));
}

static ScImportResult *
import_file (ScStore    *store,
             const char *path,
             const char *preset)
{
  g_autoptr(ScImporter) importer = sc_importer_new (store);
  g_autoptr(GError) error = NULL;
  ScImportResult *result;

  sc_importer_set_preset (importer, preset);
  result = sc_importer_run (importer, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static int
rejects_for (const ScImportResult *result,
             const char           *code)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (result->rejects_by_reason, code));
}

/* ---- Presets ----------------------------------------------------------- */

/* Each shipped preset's test file: its rows, and the records they make
 * (fewer when rows of one interaction fold). */
static const struct
{
  const char *file;
  const char *preset;
  gint64      rows;
  gint64      records;
} preset_fixtures[] = {
  { "gen-tickets.csv", "gen-tickets", 5, 5 },
  { "zendesk.csv", "zendesk", 3, 3 },
  { "freshdesk.csv", "freshdesk", 3, 3 },
  { "zammad.csv", "zammad", 3, 3 },
  { "jira-service-management.csv", "jira-service-management", 3, 3 },
  { "intercom.csv", "intercom", 3, 3 },
  { "call-log.csv", "call-log", 3, 3 },
  { "call-log-segments.csv", "call-log", 3, 2 },
  { "event-log.csv", "event-log", 8, 2 },
  { "servicenow-audit.csv", "servicenow-audit", 7, 2 },
  { "jira-issue-history.csv", "jira-issue-history", 7, 2 },
  { "pwc-call-center.csv", "pwc-call-center", 3, 3 },
  { "kaggle-support-tickets.csv", "kaggle-support-tickets", 3, 3 },
  { "survey.csv", "survey", 3, 3 },
  { "customers.csv", "customers", 3, 3 },
  { "agent-time.csv", "agent-time", 3, 3 },
};

static void
test_presets_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sc_preset_load_all (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (preset_fixtures); i++)
    {
      ScPreset *preset = sc_preset_find (presets, preset_fixtures[i].preset);

      g_assert_nonnull (preset);
      g_assert_cmpuint (sc_preset_get_n_fields (preset), >, 0);
      g_assert_nonnull (sc_preset_get_name (preset));
    }
}

static void
test_preset_invalid (void)
{
  static const char unknown_field[] = "[Preset]\nId=x\n[Field nonsense]\nHeaders=A\n";
  static const char bad_scale[] = "[Preset]\nId=x\n[Field csat]\nHeaders=A\nScale=5\n";
  static const char bad_unit[] = "[Preset]\nId=x\n[Field talk_s]\nHeaders=A\nUnit=parsecs\n";
  static const char no_fields[] = "[Preset]\nId=x\n";
  static const char bad_fold[] = "[Preset]\nId=x\nFold=calls\n[Field external_id]\nHeaders=A\n";
  static const char fold_survey[] = "[Preset]\nId=x\nRecord=survey\nFold=events\n[Field csat]\nHeaders=A\n";
  static const char rows_without_values[] = "[Preset]\nId=x\n[Rows]\nHeaders=f\n[Field external_id]\nHeaders=A\n";
  const char *cases[] = { unknown_field, bad_scale, bad_unit, no_fields, bad_fold, fold_survey,
                          rows_without_values };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPreset) preset = sc_preset_new_from_data (cases[i], strlen (cases[i]), &error);

      g_assert_null (preset);
      g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
    }
}

static void
test_preset_match (void)
{
  static const char data[] =
    "[Preset]\nId=t\n"
    "[Field external_id]\nHeaders=Ticket ID;Id\nRequired=true\n"
    "[Field created_at]\nHeaders=Created\n"
    "[Field nps]\nPatterns=*how likely*recommend*\n";
  const char *header[] = { "id", "CREATED", "How likely is it that you would recommend us?", "x", NULL };
  const char *no_id[] = { "Created", "x", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPreset) preset = sc_preset_new_from_data (data, strlen (data), &error);
  g_autoptr(ScPresetMatch) match = NULL;
  g_autoptr(ScPresetMatch) missing = NULL;

  g_assert_no_error (error);
  match = sc_preset_match (preset, header);
  g_assert_cmpint (match->columns[0], ==, 0);
  g_assert_cmpint (match->columns[1], ==, 1);
  g_assert_cmpint (match->columns[2], ==, 2);
  g_assert_cmpuint (match->n_matched, ==, 3);
  g_assert_cmpfloat_with_epsilon (match->confidence, 0.6 + 0.4 * 3 / 4, 1e-9);
  missing = sc_preset_match (preset, no_id);
  g_assert_cmpfloat (missing->confidence, ==, 0);
}

/* A field that joins repeats (the tags) reads every column named as its
 * own; other fields read the first of them. */
static void
test_preset_match_repeats (void)
{
  static const char data[] =
    "[Preset]\nId=t\n"
    "[Field external_id]\nHeaders=Key\nRequired=true\n"
    "[Field tags]\nHeaders=Labels\n"
    "[Field team]\nHeaders=Component/s\n";
  const char *header[] = { "Key", "Labels", "Component/s", "labels", "Component/s", "Labels", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPreset) preset = sc_preset_new_from_data (data, strlen (data), &error);
  g_autoptr(ScPresetMatch) match = NULL;

  g_assert_no_error (error);
  match = sc_preset_match (preset, header);
  g_assert_cmpint (match->columns[1], ==, 1);
  g_assert_cmpint (match->columns[2], ==, 2);
  g_assert_cmpuint (match->n_repeats, ==, 2);
  g_assert_cmpint (match->repeat_columns[0], ==, 3);
  g_assert_cmpint (match->repeat_fields[0], ==, 1);
  g_assert_cmpint (match->repeat_columns[1], ==, 5);
  g_assert_cmpint (match->repeat_fields[1], ==, 1);
  /* The second Component/s is not read: five columns of six are used. */
  g_assert_cmpfloat_with_epsilon (match->confidence, 0.6 + 0.4 * 5 / 6, 1e-9);
}

/* The import history keeps the checksum of the whole file. */
static void
assert_history_checksum (ScStore    *store,
                         gint64      import_id,
                         const char *path)
{
  g_autoptr(GPtrArray) imports = sc_store_list_imports (store, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  ScChecksum checksum;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sc_checksum_init (&checksum);
  sc_checksum_update (&checksum, contents, len);
  expected = sc_checksum_finish (&checksum);
  for (guint i = 0; i < imports->len; i++)
    {
      ScImportRecord *record = imports->pdata[i];

      if (record->id == import_id)
        {
          g_assert_cmpstr (record->checksum, ==, expected);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_presets_detect_fixtures (Fixture       *fixture,
                              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (preset_fixtures); i++)
    {
      g_autofree char *path = fixture_file (preset_fixtures[i].file);
      g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);

      g_test_message ("%s → %s (%.2f)", preset_fixtures[i].file, result->preset_id, result->confidence);
      g_assert_cmpstr (result->preset_id, ==, preset_fixtures[i].preset);
      g_assert_cmpint (result->counts.rows_read, ==, preset_fixtures[i].rows);
      g_assert_cmpint (result->counts.rejected, ==, 0);
      g_assert_cmpint (result->counts.inserted, ==, preset_fixtures[i].records);
      assert_history_checksum (fixture->store, result->import_id, path);
    }
}

/* ---- Values ------------------------------------------------------------ */

static gboolean
collect_row_cb (const ScFactRow *row,
                gpointer         user_data)
{
  GPtrArray *rows = user_data;

  g_ptr_array_add (rows, g_memdup2 (row, sizeof *row));
  return TRUE;
}

static GPtrArray *
scan_rows (ScStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (sc_store_scan_interactions (store, FALSE, collect_row_cb, rows, &error));
  g_assert_no_error (error);
  return rows;
}

static const ScFactRow *
row_created_at (GPtrArray *rows,
                gint64     created_at)
{
  for (guint i = 0; i < rows->len; i++)
    if (((ScFactRow *) g_ptr_array_index (rows, i))->created_at == created_at)
      return g_ptr_array_index (rows, i);
  g_error ("no row created at %" G_GINT64_FORMAT, created_at);
  return NULL;
}

static void
test_values_call_log (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_file ("pwc-call-center.csv");
  g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);
  g_autoptr(GPtrArray) rows = scan_rows (fixture->store);
  const ScFactRow *answered, *abandoned;

  g_assert_cmpuint (rows->len, ==, 3);
  /* 2021-01-01 09:12:58 UTC (the store has no zone setting). */
  answered = row_created_at (rows, 1609492378);
  g_assert_cmpint (answered->abandoned, ==, 0);
  g_assert_cmpint (answered->resolved, ==, 1);
  g_assert_cmpint (answered->wait_s, ==, 109);
  g_assert_cmpint (answered->talk_s, ==, 143);
  g_assert_cmpint (answered->csat, ==, 3);
  g_assert_cmpint (answered->csat_scale, ==, 5);
  abandoned = row_created_at (rows, 1609495229);
  g_assert_cmpint (abandoned->abandoned, ==, 1);
  g_assert_cmpint (abandoned->talk_s, ==, SC_MISSING);
  g_assert_cmpint (abandoned->csat, ==, SC_MISSING);
}

static void
test_values_time_zone (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_file ("pwc-call-center.csv");
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Zurich");
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (zone == NULL)
    {
      g_test_skip ("time zone data is not installed");
      return;
    }
  sc_importer_set_time_zone (importer, zone);
  result = sc_importer_run (importer, path, NULL, NULL);
  g_assert_nonnull (result);
  rows = scan_rows (fixture->store);
  /* 09:12:58 in Zurich in winter is 08:12:58 UTC. */
  row_created_at (rows, 1609492378 - 3600);
}

static void
test_values_kaggle_fallback (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_file ("kaggle-support-tickets.csv");
  g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);
  g_autoptr(GPtrArray) rows = scan_rows (fixture->store);
  const ScFactRow *closed, *open;

  g_assert_cmpint (result->counts.rejected, ==, 0);
  /* Created at the first response, 2023-06-01 09:00; resolved before it. */
  closed = row_created_at (rows, 1685610000);
  g_assert_cmpint (closed->resolved, ==, 1);
  g_assert_cmpint (closed->resolved_at, ==, 1685604600);
  g_assert_cmpint (closed->csat, ==, 3);
  /* An open ticket without any time falls back to the purchase date. */
  open = row_created_at (rows, 1609804800);
  g_assert_cmpint (open->resolved, ==, 0);
  g_assert_cmpint (open->first_reply_at, ==, SC_MISSING);
  g_assert_nonnull (result->notices[0]);
}

static gboolean
count_tags_cb (const ScFactRow *row,
               gpointer         user_data)
{
  GArray *counts = user_data;
  g_auto(GStrv) ids = g_strsplit (row->tags != NULL ? row->tags : "", " ", -1);
  guint n = 0;

  for (guint k = 0; ids[k] != NULL; k++)
    n += ids[k][0] != '\0';
  g_array_append_val (counts, n);
  return TRUE;
}

static void
assert_dimension_values (ScStore            *store,
                         ScDimension         dim,
                         const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = sc_store_list_dimension_values (store, dim, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, g_strv_length ((char **) expected));
  for (guint k = 0; expected[k] != NULL; k++)
    g_assert_cmpstr (g_ptr_array_index (values, k), ==, expected[k]);
}

/* An event log's rows are one ticket per case: created at its first
 * event, resolved at the first resolved one (the file is not in time
 * order), reopened once, resolved at its last, with the last priority
 * and agent; importing it again changes nothing. */
static void
test_values_event_log (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const priorities[] = { "Critical", "Low", NULL };
  static const char * const agents[] = { "Bob", "Cy", NULL };
  g_autofree char *path = fixture_file ("event-log.csv");
  g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(GPtrArray) rows = scan_rows (fixture->store);
  g_autofree char *notices = g_strjoinv ("|", result->notices);
  const ScFactRow *one, *two;

  g_assert_cmpint (result->counts.rows_read, ==, 8);
  g_assert_cmpint (result->counts.inserted, ==, 2);
  sc_test_assert_contains (notices, "8 events made 2 tickets.");
  g_assert_cmpuint (rows->len, ==, 2);
  one = row_created_at (rows, 1714550400);      /* 2024-05-01 08:00 */
  g_assert_cmpint (one->resolved_at, ==, 1714564800);   /* 12:00 the same day */
  g_assert_cmpint (one->reopens, ==, 1);
  g_assert_cmpint (one->resolved, ==, 1);
  two = row_created_at (rows, 1714640400);      /* 2024-05-02 09:00 */
  g_assert_cmpint (two->resolved, ==, 0);
  g_assert_cmpint (two->resolved_at, ==, SC_MISSING);
  g_assert_cmpint (two->reopens, ==, 0);
  assert_dimension_values (fixture->store, SC_DIM_PRIORITY, priorities);
  assert_dimension_values (fixture->store, SC_DIM_AGENT, agents);

  again = import_file (fixture->store, path, NULL);
  g_assert_cmpint (again->counts.inserted, ==, 0);
  g_assert_cmpint (again->counts.unchanged, ==, 2);
}

/* Imports a change log of two tickets in five status changes and two
 * changes of other fields, as @preset; returns the stored rows. */
static GPtrArray *
import_change_log (Fixture    *fixture,
                   const char *file,
                   const char *preset,
                   const char *column)
{
  g_autofree char *path = fixture_file (file);
  g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(GPtrArray) imports = sc_store_list_imports (fixture->store, NULL);
  g_autofree char *notices = g_strjoinv ("|", result->notices);
  g_autofree char *not_read = g_strdup_printf ("2 rows were not read: their “%s” is not one "
                                               "the export type reads.", column);
  g_autofree char *mapping = g_strdup_printf (";rows=%s;fold=events", column);

  g_assert_cmpstr (result->preset_id, ==, preset);
  g_assert_cmpint (result->counts.rejected, ==, 0);
  g_assert_cmpint (result->counts.inserted, ==, 2);
  sc_test_assert_contains (notices, not_read);
  sc_test_assert_contains (notices, "5 events made 2 tickets.");
  g_assert_cmpuint (imports->len, ==, 1);
  sc_test_assert_contains (((ScImportRecord *) imports->pdata[0])->mapping, mapping);

  again = import_file (fixture->store, path, NULL);
  g_assert_cmpint (again->counts.unchanged, ==, 2);
  return scan_rows (fixture->store);
}

/* Change logs of two tickets: only the changes of the status are read,
 * the rest are said so; a ticket's status history makes it, resolved at
 * its first resolved status, reopened each time it left one. */
typedef struct
{
  const char *file, *preset, *column;
  gint64      created, resolved_at, reopens;   /* of the resolved ticket */
  gint64      open_created;                    /* of the one still open */
  const char *statuses[3];
} ChangeLogCase;

static const ChangeLogCase servicenow_audit = {
  "servicenow-audit.csv", "servicenow-audit", "fieldname",
  1718006400, 1718013600, 0,   /* 2024-06-10 08:00, resolved 10:00 */
  1718096400,                  /* 2024-06-11 09:00 */
  { "Closed", "New", NULL },
};

/* Jira's issue history from its data pipeline, reopened once. */
static const ChangeLogCase jira_issue_history = {
  "jira-issue-history.csv", "jira-issue-history", "field",
  1718010000, 1718020800, 1,   /* 2024-06-10 09:00 UTC, the first Done 12:00 */
  1718184600,                  /* 2024-06-12 09:30 UTC */
  { "Done", "In Progress", NULL },
};

static void
run_cli (ScTestRun  *run,
         const char *db,
         const char *command,
         ...)
{
  g_autofree char *cli = sc_test_cli_path ();
  va_list args;

  va_start (args, command);
  sc_test_run_cli_va (run, NULL, cli, db, command, args);
  va_end (args);
}

/* scorecard-cli import --json writes JSON: text outside ASCII as it is,
 * quotes in a path escaped. */
static void
test_cli_json_text (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *source = fixture_file ("jira-issue-history.csv");
  g_autofree char *path = g_build_filename (fixture->dir, "Änderungen \"Q3\".csv", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "cli.sqlite", NULL);
  g_autofree char *file_json = NULL;
  g_auto(ScTestRun) run = { 0 };

  copy_file (source, path);
  run_cli (&run, db, "import", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  file_json = g_strdup_printf ("{\"file\": \"%s/Änderungen \\\"Q3\\\".csv\"", fixture->dir);
  g_assert_true (g_str_has_prefix (run.out, file_json));
  sc_test_assert_contains (run.out, "\"notices\": [\"5 events made 2 tickets.\", \"2 rows were not "
                           "read: their “field” is not one the export type reads.\"]}");
}

static void
test_values_change_log (Fixture       *fixture,
                        gconstpointer  data)
{
  const ChangeLogCase *c = data;
  g_autoptr(GPtrArray) rows = import_change_log (fixture, c->file, c->preset, c->column);
  const ScFactRow *resolved = row_created_at (rows, c->created);
  const ScFactRow *open = row_created_at (rows, c->open_created);

  g_assert_cmpint (resolved->resolved_at, ==, c->resolved_at);
  g_assert_cmpint (resolved->resolved, ==, 1);
  g_assert_cmpint (resolved->reopens, ==, c->reopens);
  g_assert_cmpint (open->resolved, ==, 0);
  g_assert_cmpint (open->resolved_at, ==, SC_MISSING);
  assert_dimension_values (fixture->store, SC_DIM_STATUS, c->statuses);
}

/* The segments of a transferred call (Amazon Connect's initial contact
 * id) are one call: from the first segment's start to the last one's
 * end, its durations added up, handled by the last agent, touched by
 * two. */
static void
test_values_call_segments (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const agents[] = { "Lia Park", NULL };
  static const char * const teams[] = { "Billing", "Escalations", NULL };
  g_autofree char *path = fixture_file ("call-log-segments.csv");
  g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);
  g_autoptr(GPtrArray) rows = scan_rows (fixture->store);
  const ScFactRow *call;

  g_assert_cmpint (result->counts.inserted, ==, 2);
  g_assert_cmpuint (rows->len, ==, 2);
  call = row_created_at (rows, 1719824400);     /* 2024-07-01 09:00 */
  g_assert_cmpint (call->wait_s, ==, 90);
  g_assert_cmpint (call->talk_s, ==, 660);
  g_assert_cmpint (call->hold_s, ==, 20);
  g_assert_cmpint (call->wrap_s, ==, 100);
  g_assert_cmpint (call->agent_touches, ==, 2);
  assert_dimension_values (fixture->store, SC_DIM_AGENT, agents);
  assert_dimension_values (fixture->store, SC_DIM_TEAM, teams);
}

/* Jira writes one Labels column per label: the tags are read from all of
 * them, even when the first is empty. */
static void
test_values_jira_labels (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const expected[] = { "access", "hardware", "laptop", "network", "urgent" };
  g_autofree char *path = fixture_file ("jira-service-management.csv");
  g_autoptr(ScImportResult) result = import_file (fixture->store, path, NULL);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_assert_cmpint (result->counts.rejected, ==, 0);
  tags = sc_store_list_dimension_values (fixture->store, SC_DIM_TAGS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, G_N_ELEMENTS (expected));
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    g_assert_cmpstr (g_ptr_array_index (tags, k), ==, expected[k]);
  g_assert_true (sc_store_scan_interactions (fixture->store, FALSE, count_tags_cb, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 3);
  for (guint k = 0; k < counts->len; k++)
    {
      g_assert_cmpuint (g_array_index (counts, guint, k), >=, 1);
      total += g_array_index (counts, guint, k);
    }
  g_assert_cmpuint (total, ==, 5);
}

/* The preview of a fixture file with the detected preset. */
static ScImportPreview *
preview_fixture (ScStore    *store,
                 const char *file,
                 guint       max_rows)
{
  g_autofree char *path = fixture_file (file);
  g_autoptr(ScImporter) importer = sc_importer_new (store);
  g_autoptr(GError) error = NULL;
  ScImportPreview *preview = sc_importer_preview (importer, path, max_rows, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

/* The preview shows an audit log's changes of other fields as not read,
 * not rejected. */
static void
test_preview_skipped_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScImportPreview) preview = preview_fixture (fixture->store, "servicenow-audit.csv", 10);
  const ScImportPreviewRow *state = preview->rows->pdata[0], *group = preview->rows->pdata[1];

  g_assert_cmpuint (preview->rows->len, ==, 7);
  g_assert_cmpint (preview->rows_rejected, ==, 0);
  g_assert_false (state->skipped);
  g_assert_null (state->reason);
  g_assert_true (group->skipped);
  g_assert_null (group->reason);
  g_assert_cmpstr (group->values[4], ==, "Network");
  g_assert_true (((ScImportPreviewColumn *) preview->columns->pdata[2])->picks_rows);
  g_assert_false (((ScImportPreviewColumn *) preview->columns->pdata[4])->picks_rows);
}

/* The preview shows each Labels column as read with the first. */
static void
test_preview_jira_labels (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ScImportPreview) preview = preview_fixture (fixture->store, "jira-service-management.csv", 3);

  for (guint c = 12; c <= 14; c++)
    {
      ScImportPreviewColumn *column = g_ptr_array_index (preview->columns, c);

      g_assert_cmpstr (column->header, ==, "Labels");
      g_assert_cmpstr (column->field, ==, "tags");
      g_assert_cmpint (column->repeat, ==, c > 12);
      g_assert_cmpuint (column->n_parsed, ==, column->n_values);
    }
  g_assert_cmpstr (((ScImportPreviewRow *) preview->rows->pdata[0])->values[12], ==, "hardware");
  g_assert_cmpstr (((ScImportPreviewRow *) preview->rows->pdata[0])->values[13], ==, "urgent");
  g_assert_null (((ScImportPreviewRow *) preview->rows->pdata[2])->reason);
}

static void
test_values_date_order (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char csv[] =
    "Call ID,Start time,Agent,Talk time\n"
    "1,03/04/2024 10:00,A,60\n"
    "2,25/04/2024 11:00,B,30\n";
  g_autofree char *path = g_build_filename (fixture->dir, "calls.csv", NULL);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  result = import_file (fixture->store, path, "call-log");
  g_assert_cmpint (result->counts.rejected, ==, 0);
  rows = scan_rows (fixture->store);
  /* Day first, because of 25/04: 3 April 2024 10:00 UTC. */
  row_created_at (rows, 1712138400);
}

/* ---- Errors ------------------------------------------------------------ */

static void
assert_import_fails (ScStore    *store,
                     const char *path,
                     const char *message_part)
{
  g_autoptr(ScImporter) importer = sc_importer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) result = sc_importer_run (importer, path, NULL, &error);

  g_assert_null (result);
  g_assert_nonnull (error);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” lacks “%s”", error->message, message_part);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.csv", NULL);
  g_autofree char *xls = g_build_filename (fixture->dir, "old.xls", NULL);
  g_autofree char *binary = g_build_filename (fixture->dir, "image.png", NULL);
  g_autofree char *unknown = g_build_filename (fixture->dir, "unknown.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  ScStoreOverview overview;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (xls, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12, NULL));
  g_assert_true (g_file_set_contents (binary, "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16, NULL));
  g_assert_true (g_file_set_contents (unknown, "foo,bar\n1,2\n", -1, NULL));

  assert_import_fails (fixture->store, empty, "empty");
  assert_import_fails (fixture->store, xls, ".xlsx");
  assert_import_fails (fixture->store, binary, "binary");
  assert_import_fails (fixture->store, unknown, "matches no known export");
  assert_import_fails (fixture->store, missing, "No such file");

  g_assert_true (sc_store_get_overview (fixture->store, &overview, NULL));
  g_assert_cmpint (overview.imports, ==, 0);
  g_assert_cmpint (overview.interactions, ==, 0);
}

static void
test_rejects_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char csv[] =
    "Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating\n"
    "A1,Zoë,2021-01-01,09:12:58,Contract,Y,Y,109,00:02:23,3\n"
    "A2,Diane,2021-02-30,09:12:58,Contract,Y,Y,109,00:02:23,3\n"
    "A3,Diane,2021-01-01,09:12:58,Contract,Y,Y,109,00:02:23,9\n"
    "A4,Diane,2021-01-01,09:12:58,Contract,maybe,Y,109,00:02:23,3\n"
    "A5,Diane,2021-01-01\n"
    "A6,Di\xff" "ane,2021-01-01,09:12:58,Contract,Y,Y,109,00:02:23,3\n";
  g_autofree char *path = g_build_filename (fixture->dir, "calls.csv", NULL);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rejects = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "Date", "Satisfaction rating", "Answered (Y/N)", NULL, "Agent" };
  const char *reasons[] = { "invalid date or time", "score out of range", "invalid yes/no value",
                            "wrong number of fields", "text is not valid UTF-8" };

  g_assert_true (g_file_set_contents (path, csv, sizeof csv - 1, NULL));
  result = import_file (fixture->store, path, NULL);
  g_assert_cmpint (result->counts.inserted, ==, 1);
  g_assert_cmpint (result->counts.rejected, ==, 5);
  g_assert_cmpint (rejects_for (result, "bad_date"), ==, 1);
  g_assert_cmpint (rejects_for (result, "out_of_range_score"), ==, 1);

  rejects = sc_store_list_rejects (fixture->store, result->import_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejects->len, ==, 5);
  for (guint i = 0; i < rejects->len; i++)
    {
      ScReject *reject = g_ptr_array_index (rejects, i);

      g_assert_cmpint (reject->line, ==, i + 3);
      g_assert_cmpstr (reject->column, ==, columns[i]);
      g_assert_true (g_str_has_prefix (reject->reason, reasons[i]));
      g_assert_true (g_str_has_prefix (reject->raw, "A"));
    }
  g_assert_cmpstr (((ScReject *) g_ptr_array_index (rejects, 0))->value, ==, "2021-02-30");
}

/* ---- Cancelling and async ---------------------------------------------- */

static void
cancel_cb (guint64  rows,
           guint64  bytes,
           guint64  total,
           gpointer user_data)
{
  g_assert_cmpuint (bytes, <=, total);
  g_cancellable_cancel (user_data);
}

/* Writes @n_rows tickets; with @subject_len > 0 each has a subject that
 * long, which makes the rows (and the store) large. */
static char *
write_tickets_sized (const char *dir,
                     guint       n_rows,
                     guint       subject_len)
{
  g_autofree char *path = g_build_filename (dir, "tickets.csv", NULL);
  g_autofree char *subject = NULL;
  GString *s = g_string_new (subject_len > 0 ? "Id,Created at,Status,Channel,Subject\n"
                                             : "Id,Created at,Status,Channel\n");

  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (s, "%u,2024-01-%02uT10:00:00Z,open,email", i + 1, i % 28 + 1);
      if (subject_len > 0)
        {
          g_string_append_printf (s, ",%u ", i + 1);
          for (guint k = 0; k < subject_len; k++)
            g_string_append_c (s, (char) ('a' + (i * 7 + k) % 26));
        }
      g_string_append_c (s, '\n');
    }
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  g_string_free (s, TRUE);
  return g_steal_pointer (&path);
}

static char *
write_tickets (const char *dir,
               guint       n_rows)
{
  return write_tickets_sized (dir, n_rows, 0);
}

static void
test_cancel_rolls_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_tickets (fixture->dir, 30000);
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) result = NULL;
  ScStoreOverview overview;

  sc_importer_set_preset (importer, "gen-tickets");
  sc_importer_set_progress_func (importer, cancel_cb, g_object_ref (cancellable), g_object_unref);
  result = sc_importer_run (importer, path, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (sc_store_get_overview (fixture->store, &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 0);
  g_assert_cmpint (overview.imports, ==, 0);
  g_assert_true (sc_store_check_integrity (fixture->store, NULL));
}

/* A write that fails on the store's writer thread (here the disk fills
 * up part way) fails the import and leaves the store as it was; the next
 * import, with room, goes through. */
static void
test_disk_full_rolls_back (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_tickets (fixture->dir, 30000);
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) result = NULL;
  sqlite3 *db = sc_store_get_db (fixture->store);
  ScStoreOverview overview;

  /* 64 pages of 16 KiB: room for a few thousand of the 30,000 rows. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 64", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sc_importer_set_preset (importer, "gen-tickets");
  result = sc_importer_run (importer, path, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, SC_ERROR, SC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_true (sc_store_get_overview (fixture->store, &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 0);
  g_assert_cmpint (overview.imports, ==, 0);
  g_assert_true (sc_store_check_integrity (fixture->store, NULL));

  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  result = sc_importer_run (importer, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, 30000);
  g_assert_true (sc_store_get_overview (fixture->store, &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 30000);
}

/* Runs `scorecard-cli --db DB import --preset gen-tickets FILE` and kills
 * it with SIGKILL after @delay_us (unless it finished first). Returns
 * whether it finished on its own, successfully. */
static gboolean
import_and_kill (const char *db,
                 const char *file,
                 gint64      delay_us)
{
  g_autofree char *cli = sc_test_cli_path ();
  const char *argv[] = { cli, "--db", db, "import", "--preset", "gen-tickets", file, NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  GPid pid, done;
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + delay_us;
  while ((done = waitpid (pid, &status, WNOHANG)) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (500);
  if (done == 0)
    {
      kill (pid, SIGKILL);
      done = waitpid (pid, &status, 0);
    }
  g_assert_cmpint (done, ==, pid);
  g_spawn_close_pid (pid);
  if (WIFSIGNALED (status))
    return FALSE;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return TRUE;
}

/* An import killed at any point (opening, writing rows, committing,
 * leaving the rollback journal) leaves the store exactly as before it:
 * the integrity check passes, nothing of the import is there, and the
 * next run imports cleanly. The kills are spread over the time a whole
 * import takes, measured first. The rows are large, so that the import
 * outgrows SQLite's page cache and writes to the file before it commits.
 * With @data set, another connection has the store open meanwhile (as the
 * window does), so the import goes through the WAL. */
static void
test_kill_at_random_points (Fixture       *fixture,
                            gconstpointer  data)
{
  const guint n_base = 2000, n_rows = 60000, n_kills = 12;
  g_autofree char *base_dir = g_build_filename (fixture->dir, "base", NULL);
  g_autofree char *base = NULL;
  g_autofree char *base_db = g_build_filename (fixture->dir, "base.db", NULL);
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) rest = NULL;
  g_autoptr(ScImportResult) again = NULL;
  gboolean shared = GPOINTER_TO_INT (data);
  gint64 start, full_us;
  guint killed = 0;

  /* The store holds an earlier import of the first rows of the file. */
  g_clear_object (&fixture->store);
  g_assert_cmpint (g_mkdir_with_parents (base_dir, 0700), ==, 0);
  base = write_tickets_sized (base_dir, n_base, 1500);
  g_assert_true (import_and_kill (base_db, base, G_USEC_PER_SEC * 600));
  file = write_tickets_sized (fixture->dir, n_rows, 1500);

  copy_file (base_db, fixture->db_path);
  {
    g_autoptr(ScStore) other = shared ? sc_store_open (fixture->db_path, SC_STORE_OPEN_DEFAULT,
                                                       &error) : NULL;

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    g_assert_true (import_and_kill (fixture->db_path, file, G_USEC_PER_SEC * 600));
    full_us = g_get_monotonic_time () - start;
  }

  for (guint k = 0; k < n_kills; k++)
    {
      g_autoptr(ScStore) store = NULL;
      g_autoptr(ScStore) other = NULL;
      gint64 delay = full_us * (k + g_test_rand_double ()) / n_kills;
      gboolean finished;
      ScStoreOverview overview;

      copy_file (base_db, fixture->db_path);
      if (shared)
        {
          other = sc_store_open (fixture->db_path, SC_STORE_OPEN_DEFAULT, &error);
          g_assert_no_error (error);
        }
      finished = import_and_kill (fixture->db_path, file, delay);
      killed += !finished;

      store = sc_store_open (fixture->db_path, SC_STORE_OPEN_LOCK, &error);
      g_assert_no_error (error);
      g_assert_true (sc_store_check_integrity (store, &error));
      g_assert_no_error (error);
      g_assert_true (sc_store_get_overview (store, &overview, &error));
      g_assert_no_error (error);
      if (overview.imports == 1)
        g_assert_cmpint (overview.interactions, ==, n_base);
      else
        {
          /* Killed after the commit: the whole import is there. */
          g_assert_cmpint (overview.imports, ==, 2);
          g_assert_cmpint (overview.interactions, ==, n_rows);
        }
    }
  g_assert_cmpuint (killed, >=, n_kills / 2);

  /* The last store killed (not necessarily mid-import) imports cleanly. */
  copy_file (base_db, fixture->db_path);
  import_and_kill (fixture->db_path, file, full_us / 2);
  fixture->store = sc_store_open (fixture->db_path, SC_STORE_OPEN_LOCK, &error);
  g_assert_no_error (error);
  rest = import_file (fixture->store, file, "gen-tickets");
  g_assert_cmpint (rest->counts.inserted + rest->counts.unchanged, ==, n_rows);
  g_assert_cmpint (rest->counts.updated + rest->counts.rejected, ==, 0);
  again = import_file (fixture->store, file, "gen-tickets");
  g_assert_cmpint (again->counts.unchanged, ==, n_rows);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  ScImportResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sc_importer_run_finish (SC_IMPORTER (source), res, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = write_tickets (fixture->dir, 1000);
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(ScImportResult) result = NULL;

  sc_importer_set_preset (importer, "gen-tickets");
  sc_importer_run_async (importer, path, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (result->counts.inserted, ==, 1000);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_file ("gen-tickets.csv");
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(ScImportResult) result = NULL;
  ScStoreOverview overview;

  sc_importer_set_dry_run (importer, TRUE);
  result = sc_importer_run (importer, path, NULL, NULL);
  g_assert_nonnull (result);
  g_assert_cmpint (result->counts.inserted, ==, 5);
  g_assert_cmpint (result->import_id, ==, 0);
  g_assert_true (sc_store_get_overview (fixture->store, &overview, NULL));
  g_assert_cmpint (overview.interactions, ==, 0);
  g_assert_cmpint (overview.imports, ==, 0);
}

/* ---- Preview ----------------------------------------------------------- */

static ScImportPreviewColumn *
preview_column (ScImportPreview *preview,
                const char      *header)
{
  for (guint c = 0; c < preview->columns->len; c++)
    {
      ScImportPreviewColumn *column = g_ptr_array_index (preview->columns, c);

      if (g_str_equal (column->header, header))
        return column;
    }
  g_error ("no column %s", header);
  return NULL;
}

static ScImportPreviewRow *
preview_row (ScImportPreview *preview,
             guint            index)
{
  g_assert_cmpuint (index, <, preview->rows->len);
  return g_ptr_array_index (preview->rows, index);
}

/* A preview reads what the import would, with the detected preset, and
 * writes nothing. */
static void
test_preview_detects (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ScImportPreview) preview = preview_fixture (fixture->store, "zendesk.csv", 2);
  g_autoptr(GError) error = NULL;
  ScImportPreviewColumn *column;
  ScStoreOverview overview;

  g_assert_cmpstr (preview->preset_id, ==, "zendesk");
  g_assert_cmpstr (preview->detected_id, ==, "zendesk");
  g_assert_cmpfloat (preview->confidence, >, 0.5);
  g_assert_true (g_strv_contains ((const char * const *) preview->preset_ids, "zendesk"));
  g_assert_cmpuint (g_strv_length (preview->preset_ids), ==, g_strv_length (preview->preset_names));
  g_assert_null (preview->sheets);
  g_assert_cmpstr (preview->time_zone, ==, "UTC");
  g_assert_cmpuint (preview->columns->len, ==, 42);
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpint (preview->rows_checked, ==, 3);
  g_assert_cmpint (preview->rows_rejected, ==, 0);

  column = preview_column (preview, "Created at");
  g_assert_cmpstr (column->field, ==, "created_at");
  g_assert_cmpint (column->n_values, ==, 3);
  g_assert_cmpint (column->n_parsed, ==, 3);
  g_assert_cmpuint (g_strv_length (column->samples), ==, 3);
  g_assert_cmpstr (column->samples[0], ==, "2024-03-04 09:15");
  g_assert_null (preview_column (preview, "Summation column")->field);
  g_assert_cmpint (preview_column (preview, "Summation column")->n_values, ==, 0);

  /* Values as read: the timestamp with its zone, a duration in h:mm:ss. */
  g_assert_cmpint (preview_row (preview, 0)->line, ==, 2);
  g_assert_cmpstr (preview_row (preview, 0)->values[16], ==, "2024-03-04 09:15 +00:00");
  g_assert_null (preview_row (preview, 0)->reason);

  g_assert_true (sc_store_get_overview (fixture->store, &overview, NULL));
  g_assert_cmpint (overview.imports, ==, 0);
  g_assert_cmpint (overview.interactions, ==, 0);
}

/* Rows the import would reject are marked with the reason the import
 * keeps; the zone, date order and preset chosen change what is read. */
static void
test_preview_bad_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_file ("pwc-call-center-bad-rows.csv");
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(ScImportPreview) dmy = NULL;
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rejects = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;
  ScImportPreviewColumn *column;
  guint k = 0;

  preview = sc_importer_preview (importer, path, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->preset_id, ==, "pwc-call-center");
  g_assert_cmpuint (preview->rows->len, ==, 6);
  g_assert_cmpint (preview->rows_rejected, ==, 4);
  g_assert_cmpstr (preview_row (preview, 0)->values[2], ==, "2021-03-04 09:12:58 +00:00");
  g_assert_cmpstr (preview_row (preview, 0)->values[3], ==, "09:12:58");
  g_assert_cmpstr (preview_row (preview, 0)->values[8], ==, "0:02:23");
  g_assert_cmpint (preview_row (preview, 1)->reject_column, ==, 2);
  g_assert_cmpstr (preview_row (preview, 1)->values[2], ==, "02/30/2021");
  g_assert_cmpint (preview_row (preview, 4)->reject_column, ==, -1);
  g_assert_null (preview_row (preview, 5)->reason);

  column = preview_column (preview, "Satisfaction rating");
  g_assert_cmpstr (column->field, ==, "csat");
  g_assert_cmpint (column->n_values, ==, 4);
  g_assert_cmpint (column->n_parsed, ==, 3);
  g_assert_cmpuint (g_strv_length (column->samples), ==, 2);
  column = preview_column (preview, "Time");
  g_assert_cmpstr (column->field, ==, "created_at");
  g_assert_true (column->time_of_day);

  /* The same reasons, for the same lines, as the import gives. */
  result = import_file (fixture->store, path, NULL);
  g_assert_cmpint (result->counts.rejected, ==, 4);
  rejects = sc_store_list_rejects (fixture->store, result->import_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < preview->rows->len; i++)
    {
      ScImportPreviewRow *row = preview_row (preview, i);
      ScReject *reject;

      if (row->reason == NULL)
        continue;
      reject = g_ptr_array_index (rejects, k++);
      g_assert_cmpint (reject->line, ==, row->line);
      g_assert_cmpstr (reject->reason, ==, row->reason);
    }
  g_assert_cmpuint (k, ==, rejects->len);

  /* Day first and in Berlin: 03/04 is 3 April, an hour ahead of UTC. */
  sc_importer_set_date_order (importer, SC_DATE_ORDER_DMY);
  sc_importer_set_time_zone (importer, berlin);
  dmy = sc_importer_preview (importer, path, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dmy->time_zone, ==, "Europe/Berlin");
  g_assert_cmpstr (preview_row (dmy, 0)->values[2], ==, "2021-04-03 09:12:58 +02:00");
  g_assert_nonnull (preview_row (dmy, 1)->reason);
}

/* A preset chosen by hand is used; detection is still reported, and a
 * cancelled preview fails. */
static void
test_preview_chosen (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_file ("pwc-call-center-bad-rows.csv");
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(ScImportPreview) none = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  sc_importer_set_preset (importer, "call-log");
  preview = sc_importer_preview (importer, path, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->preset_id, ==, "call-log");
  g_assert_cmpstr (preview->detected_id, ==, "pwc-call-center");
  g_assert_cmpfloat (preview->confidence, <, 1.0);

  g_cancellable_cancel (cancellable);
  none = sc_importer_preview (importer, path, 20, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
}

/* A workbook's preview names its sheets and the one read; its lines are
 * the sheet's row numbers. */
static void
test_preview_workbook (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *csv = fixture_file ("zammad.csv");
  g_autofree char *xlsx = g_build_filename (fixture->dir, "zammad.xlsx", NULL);
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  sc_test_xlsx_from_csv (csv, xlsx, "Tickets – export");
  preview = sc_importer_preview (importer, xlsx, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->preset_id, ==, "zammad");
  g_assert_cmpuint (g_strv_length (preview->sheets), ==, 1);
  g_assert_cmpstr (preview->sheets[0], ==, "Tickets");
  g_assert_cmpstr (preview->sheet, ==, "Tickets");
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpint (preview_row (preview, 0)->line, ==, 4);
  g_assert_cmpint (preview->rows_rejected, ==, 0);

  /* Imported, the history has the checksum of the workbook file. */
  {
    g_autoptr(ScImportResult) result = import_file (fixture->store, xlsx, NULL);

    assert_history_checksum (fixture->store, result->import_id, xlsx);
  }
}

/* ---- Real exports ------------------------------------------------------ */

static void
test_real_files (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { const char *dir, *file, *preset; gint64 rows; } files[] = {
    { "kaggle-support-tickets", "customer_support_tickets.csv", "kaggle-support-tickets", 8469 },
    { "pwc-call-center", "call-center.csv", "pwc-call-center", 5000 },
    { "nps-conference-survey", "survey.csv", "survey", 39 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = sc_test_shared_path ("data", files[i].dir, files[i].file, NULL);
      g_autoptr(ScImportResult) result = NULL;
      g_autoptr(ScImportResult) again = NULL;

      if (path == NULL)
        return;
      result = import_file (fixture->store, path, NULL);
      g_assert_cmpstr (result->preset_id, ==, files[i].preset);
      g_assert_cmpint (result->counts.rows_read, ==, files[i].rows);
      g_assert_cmpint (result->counts.rejected, ==, 0);
      g_assert_cmpint (result->counts.inserted, ==, files[i].rows);
      again = import_file (fixture->store, path, NULL);
      g_assert_cmpint (again->counts.unchanged, ==, files[i].rows);
      g_assert_cmpint (again->counts.inserted + again->counts.updated, ==, 0);
    }
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every interaction's facts as text, dimension values by name, sorted:
 * the same for two stores that hold the same records. */
static char *
describe_facts (ScStore *store)
{
  g_autoptr(GPtrArray) rows = scan_rows (store);
  g_autoptr(GPtrArray) values = sc_store_list_all_dimension_values (store, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      ScFactDimensionValue *value = values->pdata[i];

      g_hash_table_insert (names, &value->id, value->value);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const ScFactRow *row = rows->pdata[i];
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT, row->kind, row->created_at,
                              row->first_reply_at, row->resolved_at);
      for (guint d = 0; d < SC_DIM_TAGS; d++)
        g_string_append_printf (line, " %s", row->dims[d] == SC_MISSING ? "-"
                                : (const char *) g_hash_table_lookup (names, &row->dims[d]));
      for (const gint64 *f = &row->resolved; f <= &row->ces_scale; f++)
        g_string_append_printf (line, " %" G_GINT64_FORMAT, *f);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Makes the fixture's store a copy of the stored store @name (written by
 * an earlier release), opened, and so migrated. */
static void
open_old_store (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  copy_file (path, fixture->db_path);
  fixture->store = sc_store_open (fixture->db_path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_get_schema_version (fixture->store), ==, SC_STORE_SCHEMA_VERSION);
}

/* A store written before interactions were hashed a word at a time (the
 * previous release made it from the two fixtures below): the same exports
 * again change nothing, and a changed row is still updated. */
static void
test_legacy_hashes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *tickets = fixture_file ("gen-tickets.csv");
  g_autofree char *custom = fixture_file ("zendesk-custom-fields.csv");
  g_autofree char *changed = g_build_filename (fixture->dir, "gen-tickets.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) same = NULL;
  g_autoptr(ScImportResult) same_custom = NULL;
  g_autoptr(ScImportResult) edit = NULL;
  g_autoptr(ScImportResult) edit_again = NULL;
  g_autoptr(ScImportResult) back = NULL;
  char *first_line_end;

  open_old_store (fixture, "store-v5.sqlite");

  /* Opening packed its facts (schema 6): they are those a new store has
   * of the same exports. */
  {
    g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
    g_autoptr(ScStore) fresh = sc_store_open (fresh_path, SC_STORE_OPEN_CREATE, &error);
    g_autoptr(ScImportResult) fresh_tickets = import_file (fresh, tickets, NULL);
    g_autoptr(ScImportResult) fresh_custom = import_file (fresh, custom, NULL);
    g_autofree char *migrated_facts = describe_facts (fixture->store);
    g_autofree char *fresh_facts = describe_facts (fresh);

    g_assert_cmpint (sc_store_get_schema_version (fixture->store), ==, SC_STORE_SCHEMA_VERSION);
    g_assert_cmpint (fresh_tickets->counts.inserted + fresh_custom->counts.inserted, ==, 8);
    g_assert_cmpstr (migrated_facts, ==, fresh_facts);
  }

  same = import_file (fixture->store, tickets, NULL);
  g_assert_cmpint (same->counts.unchanged, ==, 5);
  g_assert_cmpint (same->counts.inserted + same->counts.updated, ==, 0);
  same_custom = import_file (fixture->store, custom, NULL);
  g_assert_cmpint (same_custom->counts.unchanged, ==, 3);
  g_assert_cmpint (same_custom->counts.inserted + same_custom->counts.updated, ==, 0);

  /* The first ticket's subject (its last field) edited: that row is
   * updated, then unchanged; the original file updates it back. */
  g_assert_true (g_file_get_contents (tickets, &text, NULL, &error));
  first_line_end = strchr (strchr (text, '\n') + 1, '\n');
  g_assert_nonnull (first_line_end);
  edited = g_strdup_printf ("%.*s (edited)%s", (int) (first_line_end - text), text, first_line_end);
  g_assert_true (g_file_set_contents (changed, edited, -1, &error));
  edit = import_file (fixture->store, changed, NULL);
  g_assert_cmpint (edit->counts.updated, ==, 1);
  g_assert_cmpint (edit->counts.unchanged, ==, 4);
  edit_again = import_file (fixture->store, changed, NULL);
  g_assert_cmpint (edit_again->counts.unchanged, ==, 5);
  back = import_file (fixture->store, tickets, NULL);
  g_assert_cmpint (back->counts.updated, ==, 1);
  g_assert_cmpint (back->counts.unchanged, ==, 4);
}

/* A store of schema 6, made by the previous release from the gen-tickets
 * fixture: its row hashes are today's (nothing changes when the same
 * export comes again), and after migrating it takes a changed row. */
static void
test_store_v6_unchanged (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *tickets = fixture_file ("gen-tickets.csv");
  g_autofree char *changed = g_build_filename (fixture->dir, "gen-tickets.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScImportResult) same = NULL;
  g_autoptr(ScImportResult) edit = NULL;

  open_old_store (fixture, "store-v6.sqlite");

  same = import_file (fixture->store, tickets, NULL);
  g_assert_cmpint (same->counts.unchanged, ==, 5);
  g_assert_cmpint (same->counts.inserted + same->counts.updated + same->counts.rejected, ==, 0);

  /* The last ticket's subject (the file's last field) edited: that row
   * is updated. */
  g_assert_true (g_file_get_contents (tickets, &text, NULL, &error));
  g_strchomp (text);
  {
    g_autofree char *edited = g_strdup_printf ("%s (edited)\n", text);

    g_assert_true (g_file_set_contents (changed, edited, -1, &error));
  }
  edit = import_file (fixture->store, changed, NULL);
  g_assert_cmpint (edit->counts.updated, ==, 1);
  g_assert_cmpint (edit->counts.unchanged, ==, 4);
}

/* Maps data record numbers to physical lines with the reader itself. */
static GHashTable *
lines_of_records (const char *path,
                  GHashTable *wanted)
{
  GHashTable *lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_path (path, NULL);
  const ScCsvRecord *rec;

  g_assert_true (sc_csv_reader_open (reader, NULL, NULL));
  while ((rec = sc_csv_reader_next (reader, NULL)) != NULL)
    if (g_hash_table_contains (wanted, GINT_TO_POINTER (rec->number)))
      g_hash_table_insert (lines, GINT_TO_POINTER (rec->line),
                           g_hash_table_lookup (wanted, GINT_TO_POINTER (rec->number)));
  return lines;
}

static const char *
label_of_kind (const char *kind)
{
  static const char * const kinds[][2] = {
    { "bad_date", "invalid date or time" },
    { "negative_duration", "negative duration" },
    { "wrong_column_count", "wrong number of fields" },
    { "invalid_utf8", "text is not valid UTF-8" },
    { "out_of_range_score", "score out of range" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i][0], kind))
      return kinds[i][1];
  g_error ("unknown kind %s", kind);
  return NULL;
}

static void
test_generated_bad_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *script = sc_test_shared_path ("bench", "gen_tickets.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *csv = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *report = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *report_text = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(GPtrArray) rejects = NULL;
  g_auto(GStrv) report_lines = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, NULL, "--rows", "100000", "--seed", "1", "--bad-rows", "0.01",
                         "--bad-report", NULL, "--out", NULL, "-q", NULL };
  int status = 0;

  if (script == NULL)
    return;
  if (python == NULL)
    {
      g_test_skip ("python3 is missing");
      return;
    }
  argv[0] = python, argv[1] = script, argv[9] = report, argv[11] = csv;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (report, &report_text, NULL, NULL));
  report_lines = g_strsplit (report_text, "\n", -1);
  for (guint i = 1; report_lines[i] != NULL && report_lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cols = g_strsplit (report_lines[i], ",", 4);

      g_hash_table_insert (wanted, GINT_TO_POINTER (atoi (cols[0])), g_strdup (cols[2]));
    }
  g_assert_cmpuint (g_hash_table_size (wanted), ==, 1000);
  lines = lines_of_records (csv, wanted);

  result = import_file (fixture->store, csv, NULL);
  g_assert_cmpstr (result->preset_id, ==, "gen-tickets");
  g_assert_cmpint (result->counts.rows_read, ==, 100000);
  g_assert_cmpint (result->counts.rejected, ==, 1000);
  g_assert_cmpint (result->counts.inserted, ==, 99000);

  rejects = sc_store_list_rejects (fixture->store, result->import_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejects->len, ==, 1000);
  for (guint i = 0; i < rejects->len; i++)
    {
      ScReject *reject = g_ptr_array_index (rejects, i);
      const char *kind = g_hash_table_lookup (lines, GINT_TO_POINTER (reject->line));

      g_assert_nonnull (kind);
      if (!g_str_has_prefix (reject->reason, label_of_kind (kind)))
        g_error ("line %" G_GINT64_FORMAT ": %s rejected as “%s”", reject->line, kind, reject->reason);
    }

  again = import_file (fixture->store, csv, NULL);
  g_assert_cmpint (again->counts.unchanged, ==, 99000);
  g_assert_cmpint (again->counts.inserted + again->counts.updated, ==, 0);
  g_assert_cmpint (again->counts.rejected, ==, 1000);
}

/* ---- Custom dimensions ------------------------------------------------- */

static void
test_dimension_labels (void)
{
  static const struct { const char *header, *label; } cases[] = {
    { "Plan [list]", "Plan" },
    { " Product line [list] ", "Product line" },
    { "Custom field (Tier)", "Tier" },
    { "cf_plan_tier", "Plan tier" },
    { "Customer Gender", "Customer Gender" },
    { "[list]", "[list]" },
    { "Category [list]", "Category [list]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = sc_preset_dimension_label (cases[i].header);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static double
volume_of (ScStore     *store,
           ScDimension  dim,
           const char  *value)
{
  g_autoptr(ScEngine) engine = sc_engine_new (store);
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int segment;

  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_group_by (query, dim);
  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  segment = sc_query_result_find_segment (result, value);
  g_assert_cmpint (segment, >=, 0);
  return sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, segment)->value;
}

/* Zendesk's drop-down custom fields no field reads ("Plan [list]") are
 * kept as dimensions of their own; the category is read from Ticket type,
 * so "Category [list]" is one of them too, under its full name. */
static void
test_custom_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_file ("zendesk-custom-fields.csv");
  g_autoptr(ScImportResult) first = import_file (fixture->store, path, NULL);
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(ScImporter) importer = sc_importer_new (fixture->store);
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(GPtrArray) dims = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  const ScDimensionInfo *plan, *line;
  ScImportPreviewColumn *column;
  gboolean noticed = FALSE;

  g_assert_cmpstr (first->preset_id, ==, "zendesk");
  g_assert_cmpint (first->counts.inserted, ==, 3);
  g_assert_cmpint (first->counts.rejected, ==, 0);
  for (guint i = 0; first->notices[i] != NULL; i++)
    noticed |= strstr (first->notices[i], "“Category [list]”, “Plan [list]”, “Product line [list]”") != NULL;
  g_assert_true (noticed);

  dims = sc_store_list_dimensions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dims->len, ==, SC_DIM_N_BUILTIN + 3);
  g_assert_cmpstr (sc_dimension_list_lookup (dims, "category_list")->label, ==, "Category [list]");
  plan = sc_dimension_list_lookup (dims, "plan");
  line = sc_dimension_list_lookup (dims, "product_line");
  g_assert_nonnull (plan);
  g_assert_nonnull (line);
  g_assert_cmpstr (plan->label, ==, "Plan");
  g_assert_cmpstr (line->label, ==, "Product line");

  /* Rows: Enterprise/Billing, Team/Mobile, none/Web. */
  g_assert_cmpfloat (volume_of (fixture->store, plan->dim, "Enterprise"), ==, 1);
  g_assert_cmpfloat (volume_of (fixture->store, plan->dim, "(none)"), ==, 1);
  g_assert_cmpfloat (volume_of (fixture->store, line->dim, "Web"), ==, 1);
  g_assert_cmpfloat (volume_of (fixture->store, SC_DIM_CATEGORY, "Incident"), ==, 1);

  /* The import history says which columns became dimensions. */
  imports = sc_store_list_imports (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (((ScImportRecord *) imports->pdata[0])->mapping,
                            "dimension=Plan [list]"));

  again = import_file (fixture->store, path, NULL);
  g_assert_cmpint (again->counts.unchanged, ==, 3);

  /* The preview shows the columns as dimensions. */
  preview = sc_importer_preview (importer, path, 3, NULL, &error);
  g_assert_no_error (error);
  column = preview_column (preview, "Plan [list]");
  g_assert_null (column->field);
  g_assert_cmpstr (column->dimension, ==, "Plan");
  g_assert_cmpint (column->n_parsed, ==, column->n_values);
  g_assert_null (preview_column (preview, "Ticket type")->dimension);
  g_assert_null (preview_column (preview, "Subject")->dimension);

  /* The command line takes them by name or label, and lists them when a
   * name is wrong. */
  {
    g_auto(ScTestRun) run = { 0 };
    g_auto(ScTestRun) bad = { 0 };

    run_cli (&run, fixture->db_path, "metrics", "--metric", "volume", "--by", "Product line",
             "--where", "plan=team", "--format", "csv", NULL);
    if (run.status != 0)
      g_test_message ("scorecard-cli failed: %s", run.err);
    g_assert_cmpint (run.status, ==, 0);
    sc_test_assert_contains (run.out, ",Mobile,1,");
    g_assert_null (strstr (run.out, ",Web,"));
    run_cli (&bad, fixture->db_path, "metrics", "--metric", "volume", "--by", "colour", NULL);
    g_assert_cmpint (bad.status, !=, 0);
    sc_test_assert_contains (bad.err, "“colour” is not a dimension; use channel, team");
    sc_test_assert_contains (bad.err, "plan, product_line");
  }
}

static gboolean
count_field_cb (gint64       interaction_id,
                ScDimension  dim,
                gint64       value_id,
                gpointer     user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* A file large enough for the writer's thread, whose rows bring new tag
 * values and custom fields as they go, with rejected rows among them:
 * everything lands as with a small file, and once only. */
static void
test_custom_fields_large (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *fixture_path = fixture_file ("zendesk-custom-fields.csv");
  g_autofree char *path = g_build_filename (fixture->dir, "zendesk-large.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(ScImportResult) first = NULL;
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 3000, n_bad = 0, n_fields = 0, n_expected_fields = 0, n_new_tags = 0;

  g_assert_true (g_file_get_contents (fixture_path, &text, NULL, &error));
  lines = g_strsplit (text, "\n", -1);
  g_string_append_printf (out, "%s\n", lines[0]);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *row = lines[1 + i % 3];
      const char *after_id = strchr (strchr (row, ',') + 1, ',');

      if (i % 97 == 5)
        {
          g_string_append (out, ",broken,row\n");
          n_bad++;
          continue;
        }
      /* A new id, and on every tenth first-kind row a tag of its own. */
      g_string_append_printf (out, ",%u", 50000 + i);
      if (i % 30 == 0)
        {
          g_autofree char *tag = g_strdup_printf (",login vip t%u,", i);
          g_auto(GStrv) parts = g_strsplit (after_id, ",login vip,", 2);

          g_assert_cmpuint (g_strv_length (parts), ==, 2);
          g_string_append_printf (out, "%s%s%s", parts[0], tag, parts[1]);
          n_new_tags++;
        }
      else
        g_string_append (out, after_id);
      g_string_append_c (out, '\n');
      /* Rows 1 and 2 have three custom values, row 3 two. */
      n_expected_fields += i % 3 == 2 ? 2 : 3;
    }
  g_assert_true (g_file_set_contents (path, out->str, out->len, &error));

  first = import_file (fixture->store, path, NULL);
  g_assert_cmpint (first->counts.rejected, ==, n_bad);
  g_assert_cmpint (first->counts.inserted, ==, n_rows - n_bad);
  g_assert_true (sc_store_scan_interaction_fields (fixture->store, count_field_cb, &n_fields,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_fields, ==, n_expected_fields);
  g_assert_cmpfloat (volume_of (fixture->store, SC_DIM_CATEGORY, "Incident"), ==,
                     (n_rows - n_bad) / 3 + 1);
  g_assert_cmpuint (n_new_tags, >, 90);
  g_assert_cmpfloat (volume_of (fixture->store, SC_DIM_TAGS, "t2970"), ==, 1);
  g_assert_cmpfloat (volume_of (fixture->store, SC_DIM_TAGS, "vip"), ==, (n_rows - n_bad) / 3 + 1);

  again = import_file (fixture->store, path, NULL);
  g_assert_cmpint (again->counts.unchanged, ==, n_rows - n_bad);
  g_assert_cmpint (again->counts.inserted + again->counts.updated, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/scorecard/import/presets/load", test_presets_load);
  g_test_add_func ("/scorecard/import/presets/invalid", test_preset_invalid);
  g_test_add_func ("/scorecard/import/presets/match", test_preset_match);
  g_test_add_func ("/scorecard/import/presets/match-repeats", test_preset_match_repeats);
  ADD ("presets/detect-fixtures", test_presets_detect_fixtures);
  ADD ("values/call-log", test_values_call_log);
  ADD ("values/time-zone", test_values_time_zone);
  ADD ("values/kaggle-fallback", test_values_kaggle_fallback);
  ADD ("values/jira-labels", test_values_jira_labels);
  ADD ("values/event-log", test_values_event_log);
  ADD ("values/call-segments", test_values_call_segments);
  ADD ("cli-json-text", test_cli_json_text);
  g_test_add ("/scorecard/import/values/servicenow-audit", Fixture, &servicenow_audit,
              fixture_set_up, test_values_change_log, fixture_tear_down);
  g_test_add ("/scorecard/import/values/jira-issue-history", Fixture, &jira_issue_history,
              fixture_set_up, test_values_change_log, fixture_tear_down);
  ADD ("preview/jira-labels", test_preview_jira_labels);
  ADD ("preview/skipped-rows", test_preview_skipped_rows);
  ADD ("values/date-order", test_values_date_order);
  ADD ("errors", test_errors);
  ADD ("rejects-kept", test_rejects_kept);
  ADD ("cancel-rolls-back", test_cancel_rolls_back);
  ADD ("disk-full-rolls-back", test_disk_full_rolls_back);
  g_test_add ("/scorecard/import/kill-at-random-points", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_kill_at_random_points, fixture_tear_down);
  g_test_add ("/scorecard/import/kill-at-random-points/store-open", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_kill_at_random_points, fixture_tear_down);
  ADD ("async", test_async);
  ADD ("dry-run", test_dry_run);
  ADD ("preview/detects", test_preview_detects);
  ADD ("preview/bad-rows", test_preview_bad_rows);
  ADD ("preview/chosen", test_preview_chosen);
  ADD ("preview/workbook", test_preview_workbook);
  ADD ("real-files", test_real_files);
  ADD ("legacy-hashes", test_legacy_hashes);
  ADD ("store-v6-unchanged", test_store_v6_unchanged);
  ADD ("custom-fields-large", test_custom_fields_large);
  ADD ("generated-bad-rows", test_generated_bad_rows);
  ADD ("custom-fields", test_custom_fields);
  g_test_add_func ("/scorecard/import/presets/dimension-labels", test_dimension_labels);

#undef ADD

  return g_test_run ();
}
