/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sc-store-facts.h"
#include "sc-store-private.h"
#include "sc-store.h"
#include "sc-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = sc_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "store.sqlite", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static ScStore *
create_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ScStore *store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* What the interactions written since begin() are to count as at
 * commit(): the batch only queues them. */
static ScImportCounts expected_counts;

static void
write_ticket (ScStoreBatch   *batch,
              const char     *id,
              gint64          created,
              const char     *channel,
              ScWriteOutcome  expect)
{
  g_autoptr(GError) error = NULL;
  ScInteraction it;
  ScWriteOutcome outcome;

  sc_interaction_init (&it);
  it.external_id = id;
  it.created_at = created;
  it.dims[SC_DIM_CHANNEL] = channel;
  it.dims[SC_DIM_TAGS] = "vip billing";
  it.csat = 5;
  it.csat_scale = 5;
  g_assert_true (sc_store_batch_add_interaction (batch, &it, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, SC_WRITE_QUEUED);
  expected_counts.inserted += expect == SC_WRITE_INSERTED;
  expected_counts.updated += expect == SC_WRITE_UPDATED;
  expected_counts.unchanged += expect == SC_WRITE_UNCHANGED;
}

static ScStoreBatch *
begin (ScStore    *store,
       const char *source)
{
  g_autoptr(GError) error = NULL;
  ScImportInfo info = { .file_name = "tickets.csv", .checksum = "abc", .source = source };
  ScStoreBatch *batch = sc_store_begin_import (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  memset (&expected_counts, 0, sizeof expected_counts);
  return batch;
}

/* Commits and frees the batch, which counts the interactions as
 * write_ticket() expected. */
static void
commit (ScStoreBatch *batch,
        gint64        rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStoreBatch) owned = batch;
  ScImportCounts counts = { .rows_read = rows };

  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.inserted, ==, expected_counts.inserted);
  g_assert_cmpint (counts.updated, ==, expected_counts.updated);
  g_assert_cmpint (counts.unchanged, ==, expected_counts.unchanged);
}

static gint64
count_interactions (ScStore *store)
{
  ScStoreOverview overview;

  g_assert_true (sc_store_get_overview (store, &overview, NULL));
  return overview.interactions;
}

/* The interactions table holds no NOT NULL constraint, which would make
 * every multi-row upsert keep a statement journal (schema 7), and the
 * store is sound. */
static void
assert_interactions_unconstrained (ScStore *store)
{
  sqlite3 *db = sc_store_get_db (store);
  sqlite3_stmt *stmt;
  guint columns = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA table_info (interactions)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 0);   /* notnull */
      columns++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (columns, ==, 10);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

static void
test_create_reopen (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = create_store (fixture->path);
  g_autoptr(ScStoreBatch) batch = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *zone = NULL;

  g_assert_cmpint (sc_store_get_schema_version (store), ==, SC_STORE_SCHEMA_VERSION);
  g_assert_null (sc_store_dup_backup_path (store));
  assert_interactions_unconstrained (store);

  /* The organisation's zone: UTC until set, and for a name of no zone. */
  {
    g_autoptr(GTimeZone) unset = sc_store_dup_time_zone (store);
    g_autoptr(GTimeZone) bogus = NULL;
    g_autoptr(GTimeZone) berlin = NULL;

    g_assert_cmpstr (g_time_zone_get_identifier (unset), ==, "UTC");
    g_assert_true (sc_store_set_setting (store, "timezone", "Mars/Olympus_Mons", &error));
    bogus = sc_store_dup_time_zone (store);
    g_assert_cmpstr (g_time_zone_get_identifier (bogus), ==, "UTC");
    g_assert_true (sc_store_set_setting (store, "timezone", "Europe/Berlin", &error));
    g_assert_no_error (error);
    berlin = sc_store_dup_time_zone (store);
    g_assert_cmpstr (g_time_zone_get_identifier (berlin), ==, "Europe/Berlin");
  }

  batch = begin (store, "zendesk");
  write_ticket (batch, "1", 1700000000, "Email", SC_WRITE_INSERTED);
  write_ticket (batch, "2", 1700000100, "Chat", SC_WRITE_INSERTED);
  commit (g_steal_pointer (&batch), 2);
  g_clear_object (&store);

  store = sc_store_open (fixture->path, SC_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_interactions (store), ==, 2);
  zone = sc_store_dup_setting (store, "timezone");
  g_assert_cmpstr (zone, ==, "Europe/Berlin");
  values = sc_store_list_dimension_values (store, SC_DIM_CHANNEL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (values, 0), ==, "Chat");
  g_assert_cmpstr (g_ptr_array_index (values, 1), ==, "Email");
  g_assert_true (sc_store_check_integrity (store, &error));
}

static void
test_idempotent (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ScStore) store = create_store (fixture->path);
  g_autoptr(ScStoreBatch) batch = NULL;
  g_autoptr(GPtrArray) imports = NULL;

  batch = begin (store, "zendesk");
  write_ticket (batch, "1", 1700000000, "Email", SC_WRITE_INSERTED);
  write_ticket (batch, "2", 1700000100, "Chat", SC_WRITE_INSERTED);
  commit (g_steal_pointer (&batch), 2);

  /* The same records again change nothing; a changed one is updated; the
   * same id from another source is a different record. */
  batch = begin (store, "zendesk");
  write_ticket (batch, "1", 1700000000, "Email", SC_WRITE_UNCHANGED);
  write_ticket (batch, "2", 1700000100, "Phone", SC_WRITE_UPDATED);
  write_ticket (batch, "2", 1700000100, "Phone", SC_WRITE_UNCHANGED);
  commit (g_steal_pointer (&batch), 3);

  batch = begin (store, "freshdesk");
  write_ticket (batch, "1", 1700000000, "Email", SC_WRITE_INSERTED);
  commit (g_steal_pointer (&batch), 1);

  g_assert_cmpint (count_interactions (store), ==, 3);
  imports = sc_store_list_imports (store, NULL);
  g_assert_cmpuint (imports->len, ==, 3);
  g_assert_cmpstr (((ScImportRecord *) g_ptr_array_index (imports, 0))->source, ==, "freshdesk");
  g_assert_cmpstr (((ScImportRecord *) g_ptr_array_index (imports, 0))->status, ==, "done");
}

/* A batch turns SQLite's foreign key checks off for its transaction;
 * every other write of the connection must have them again. */
static void
assert_foreign_keys_on (ScStore *store)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (sc_store_get_db (store), "PRAGMA foreign_keys", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = create_store (fixture->path);
  g_autoptr(ScStoreBatch) batch = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) values = NULL;
  ScInteraction bad;

  batch = begin (store, "zendesk");
  write_ticket (batch, "1", 1700000000, "Email", SC_WRITE_INSERTED);
  commit (g_steal_pointer (&batch), 1);
  assert_foreign_keys_on (store);

  batch = begin (store, "zendesk");
  write_ticket (batch, "5", 1700000500, "Social", SC_WRITE_INSERTED);
  g_assert_true (sc_store_batch_add_reject (batch, 7, "Created at", "N/A",
                                            "not a date", "5,N/A,\xff", &error));
  sc_interaction_init (&bad);
  bad.external_id = "6";
  g_assert_false (sc_store_batch_add_interaction (batch, &bad, NULL, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_clear_error (&error);
  /* Freeing an uncommitted batch rolls it back: nothing of it remains. */
  g_clear_pointer (&batch, sc_store_batch_free);
  assert_foreign_keys_on (store);

  g_assert_cmpint (count_interactions (store), ==, 1);
  imports = sc_store_list_imports (store, NULL);
  g_assert_cmpuint (imports->len, ==, 1);
  values = sc_store_list_dimension_values (store, SC_DIM_CHANNEL, NULL);
  g_assert_cmpuint (values->len, ==, 1);
}

static void
test_rejects_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = create_store (fixture->path);
  g_autoptr(ScStoreBatch) batch = begin (store, "zendesk");
  g_autoptr(GPtrArray) rejects = NULL;
  ScReject *reject;

  g_assert_true (sc_store_batch_add_reject (batch, 12, "Created at", "2025-13-04",
                                            "month 13 does not exist", "9,2025-13-04,\xff", &error));
  commit (g_steal_pointer (&batch), 0);

  rejects = sc_store_list_rejects (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejects->len, ==, 1);
  reject = g_ptr_array_index (rejects, 0);
  g_assert_cmpint (reject->line, ==, 12);
  g_assert_cmpstr (reject->column, ==, "Created at");
  g_assert_cmpstr (reject->value, ==, "2025-13-04");
  /* The raw bytes come back exactly, invalid UTF-8 included. */
  g_assert_cmpstr (reject->raw, ==, "9,2025-13-04,\xff");
}

static void
test_other_records (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = create_store (fixture->path);
  g_autoptr(ScStoreBatch) batch = begin (store, "crm");
  ScStoreOverview overview;
  ScCustomer customer;
  ScSurveyResponse response;
  ScAgentTime at;
  ScWriteOutcome outcome;

  sc_customer_init (&customer);
  customer.external_id = "C1";
  customer.started_at = 1600000000;
  customer.revenue = 1200.5;
  customer.purchases = 12;
  g_assert_true (sc_store_batch_add_customer (batch, &customer, &outcome, &error));
  g_assert_cmpint (outcome, ==, SC_WRITE_INSERTED);
  g_assert_true (sc_store_batch_add_customer (batch, &customer, &outcome, &error));
  g_assert_cmpint (outcome, ==, SC_WRITE_UNCHANGED);
  customer.churned_at = 1700000000;
  g_assert_true (sc_store_batch_add_customer (batch, &customer, &outcome, &error));
  g_assert_cmpint (outcome, ==, SC_WRITE_UPDATED);

  sc_survey_response_init (&response);
  response.external_id = "S1";
  response.question = "nps";
  response.responded_at = 1700000000;
  response.score = 9;
  response.scale = 10;
  response.channel = "Chat";
  g_assert_true (sc_store_batch_add_survey_response (batch, &response, &outcome, &error));
  g_assert_cmpint (outcome, ==, SC_WRITE_INSERTED);

  sc_agent_time_init (&at);
  at.agent = "Ada";
  at.day = 1699920000;
  at.available_s = 28800;
  at.active_s = 23040;
  g_assert_true (sc_store_batch_add_agent_time (batch, &at, &outcome, &error));
  g_assert_cmpint (outcome, ==, SC_WRITE_INSERTED);
  g_assert_true (sc_store_batch_add_agent_time (batch, &at, &outcome, &error));
  g_assert_cmpint (outcome, ==, SC_WRITE_UNCHANGED);
  g_assert_no_error (error);
  commit (g_steal_pointer (&batch), 0);

  g_assert_true (sc_store_get_overview (store, &overview, &error));
  g_assert_cmpint (overview.customers, ==, 1);
  g_assert_cmpint (overview.survey_responses, ==, 1);
  g_assert_cmpint (overview.agent_days, ==, 1);
}

/* ---- Bad states: refused, and the file is byte-identical afterwards ---- */

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_refused (const char       *path,
                ScStoreOpenFlags  flags,
                int               expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(ScStore) store = sc_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, SC_ERROR, expected);
  g_assert_nonnull (strstr (error->message, path));
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_not_a_store (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->path, "Id,Created at\n1,2024-01-01\n", -1, NULL));
  assert_refused (fixture->path, SC_STORE_OPEN_CREATE | SC_STORE_OPEN_LOCK, SC_ERROR_NOT_A_STORE);

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_refused (fixture->path, SC_STORE_OPEN_CREATE, SC_ERROR_NOT_A_STORE);
}

static void
close_cleanly (const char *path)
{
  g_autoptr(ScStore) store = create_store (path);
  g_autoptr(ScStoreBatch) batch = begin (store, "zendesk");

  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%d", i);

      write_ticket (batch, id, 1700000000 + i, i % 2 ? "Email" : "Chat", SC_WRITE_INSERTED);
    }
  commit (g_steal_pointer (&batch), 2000);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) good = NULL;
  g_autofree char *copy = NULL;
  gsize len;
  guint page;

  close_cleanly (fixture->path);
  good = read_file (fixture->path);
  len = g_bytes_get_size (good);
  copy = g_memdup2 (g_bytes_get_data (good, NULL), len);
  /* The page size is the big-endian integer at offset 16 of the header. */
  page = ((guint) (guint8) copy[16] << 8) | (guint8) copy[17];
  /* A new store has 16 KiB pages. */
  g_assert_cmpuint (page, ==, 16384);
  g_assert_cmpuint (len, >, 8 * page);
  /* Scribble over a whole page in the middle of the interactions table. */
  memset (copy + len / 2 / page * page, 0x5a, page);
  g_assert_true (g_file_set_contents (fixture->path, copy, len, NULL));
  assert_refused (fixture->path, SC_STORE_OPEN_LOCK, SC_ERROR_DAMAGED);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) good = NULL;
  g_autofree guint8 *copy = NULL;
  gsize len;

  close_cleanly (fixture->path);
  good = read_file (fixture->path);
  len = g_bytes_get_size (good);
  copy = g_memdup2 (g_bytes_get_data (good, NULL), len);
  /* user_version is the big-endian integer at offset 60 of the header. */
  copy[60] = 0;
  copy[61] = 0;
  copy[62] = 0;
  copy[63] = 99;
  g_assert_true (g_file_set_contents (fixture->path, (char *) copy, len, NULL));
  assert_refused (fixture->path, SC_STORE_OPEN_DEFAULT, SC_ERROR_TOO_NEW);
}

/* Runs the refusal check as an unprivileged user: permissions do not bind
 * root, and CI runs as root. */
static void
assert_refused_unprivileged (const char *path)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      assert_refused (path, SC_STORE_OPEN_DEFAULT, SC_ERROR_READ_ONLY);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  close_cleanly (fixture->path);

  /* A read-only file in a writable folder, then a read-only folder. */
  g_assert_cmpint (g_chmod (fixture->dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_refused_unprivileged (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  assert_refused_unprivileged (fixture->path);

  /* Read-only opening still works for looking. */
  store = sc_store_open (fixture->path, SC_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_interactions (store), ==, 2000);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) first = NULL;
  g_autoptr(ScStore) again = NULL;

  close_cleanly (fixture->path);
  first = sc_store_open (fixture->path, SC_STORE_OPEN_LOCK, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, SC_STORE_OPEN_LOCK, SC_ERROR_LOCKED);

  /* Once closed, the store opens again. */
  g_clear_object (&first);
  again = sc_store_open (fixture->path, SC_STORE_OPEN_LOCK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* A store in a folder that does not exist yet: the folder is made. */
static void
test_create_in_new_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "a", "b", "store.sqlite", NULL);
  g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_CREATE | SC_STORE_OPEN_LOCK, &error);
  g_autofree char *a = g_build_filename (fixture->dir, "a", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  sc_test_remove_tree (a);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (fixture->path, SC_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, SC_ERROR, SC_ERROR_FAILED);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* A store written by the first schema opens, is copied aside first, and
 * keeps its data. */
static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) backup_bytes = NULL;
  g_autofree char *fixture_path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *zone = NULL;
  g_autoptr(ScStore) backup_store = NULL;

  fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "store-v1.sqlite", NULL);
  original = read_file (fixture_path);
  g_assert_true (g_file_set_contents (fixture->path, g_bytes_get_data (original, NULL),
                                      g_bytes_get_size (original), NULL));

  store = sc_store_open (fixture->path, SC_STORE_OPEN_LOCK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_get_schema_version (store), ==, SC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_interactions (store), ==, 3);
  zone = sc_store_dup_setting (store, "timezone");
  g_assert_cmpstr (zone, ==, "America/Chicago");

  backup = sc_store_dup_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, fixture->path));
  backup_bytes = read_file (backup);
  g_assert_cmpuint (g_bytes_get_size (backup_bytes), >, 0);
  backup_store = sc_store_open (backup, SC_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, SC_ERROR, SC_ERROR_READ_ONLY);   /* still schema 1 */
}


/* ---- Packed facts ------------------------------------------------------ */

static void
assert_round_trip (const gint64 *facts,
                   gint64        created_at)
{
  guint8 packed[SC_PACKED_MAX_SIZE];
  gint64 back[SC_PACKED_N];
  gsize len = _sc_store_pack_facts (facts, created_at, packed);

  g_assert_cmpuint (len, <=, SC_PACKED_MAX_SIZE);
  g_assert_true (_sc_store_unpack_facts (packed, len, created_at, back));
  for (guint i = 0; i < SC_PACKED_N; i++)
    g_assert_cmpint (back[i], ==, facts[i]);
}

/* Every value comes back, missing ones too; trailing missing facts take
 * no room; damaged blobs are told apart. */
static void
test_packed_facts (void)
{
  static const gint64 edges[] = {
    0, 1, -1, 63, 64, -64, -65, 127, 128, 1700000000, -1700000000,
    G_MAXINT64, G_MININT64 + 1, SC_MISSING,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 facts[SC_PACKED_N];
  guint8 packed[SC_PACKED_MAX_SIZE];
  gint64 back[SC_PACKED_N];
  gsize len;

  for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
    {
      for (guint i = 0; i < SC_PACKED_N; i++)
        facts[i] = edges[(e + i) % G_N_ELEMENTS (edges)];
      /* Instants stay within a few centuries of the creation. */
      for (guint i = SC_PACKED_FIRST_REPLY_AT; i <= SC_PACKED_CLOSED_AT; i++)
        if (facts[i] != SC_MISSING)
          facts[i] = 1700000000 + facts[i] % 10000000000;
      assert_round_trip (facts, 1700000000);
    }
  for (guint n = 0; n < 2000; n++)
    {
      for (guint i = 0; i < SC_PACKED_N; i++)
        facts[i] = g_rand_boolean (rand) ? SC_MISSING
                   : (gint64) g_rand_int_range (rand, -100000, 100000) * g_rand_int (rand);
      assert_round_trip (facts, g_rand_int (rand));
    }

  /* All missing: the format byte alone. */
  for (guint i = 0; i < SC_PACKED_N; i++)
    facts[i] = SC_MISSING;
  g_assert_cmpuint (_sc_store_pack_facts (facts, 0, packed), ==, 1);
  facts[SC_PACKED_KIND] = 2;
  len = _sc_store_pack_facts (facts, 0, packed);
  g_assert_cmpuint (len, ==, 2);
  g_assert_true (_sc_store_unpack_facts (packed, len, 0, back));
  g_assert_cmpint (back[SC_PACKED_KIND], ==, 2);
  g_assert_cmpint (back[SC_PACKED_CES_SCALE], ==, SC_MISSING);

  /* Damage: an unknown format, a varint cut short, bytes after the last
   * fact, an empty blob. */
  facts[SC_PACKED_CES_SCALE] = 1000000;
  len = _sc_store_pack_facts (facts, 0, packed);
  g_assert_true (_sc_store_unpack_facts (packed, len, 0, back));
  g_assert_false (_sc_store_unpack_facts (packed, len - 1, 0, back));
  g_assert_false (_sc_store_unpack_facts (packed, 0, 0, back));
  packed[len] = 1;
  g_assert_false (_sc_store_unpack_facts (packed, len + 1, 0, back));
  packed[0] = 2;
  g_assert_false (_sc_store_unpack_facts (packed, len, 0, back));
}

static gboolean
keep_row_cb (const ScFactRow *row,
             gpointer         user_data)
{
  *(ScFactRow *) user_data = *row;
  return TRUE;
}

/* An interaction with every fact set reads back as written. */
static void
test_facts_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScStore) store = create_store (fixture->path);
  g_autoptr(GError) error = NULL;
  ScStoreBatch *batch = begin (store, "zendesk");
  ScInteraction it;
  ScFactRow row = { 0 };
  gint64 *field;
  gint64 value = -3;

  sc_interaction_init (&it);
  it.external_id = "T-1";
  it.kind = SC_KIND_CHAT;
  it.created_at = 1700000000;
  it.first_reply_at = 1700000600;
  it.resolved_at = 1699999000;   /* before creation, as exports have it */
  it.closed_at = 1700090000;
  it.dims[SC_DIM_CHANNEL] = "chat";
  it.dims[SC_DIM_STATUS] = "solved";
  it.customer_id = "c-7";
  for (field = &it.resolved; field <= &it.ces_scale; field++)
    *field = value++ * 1000;
  g_assert_true (sc_store_batch_add_interaction (batch, &it, NULL, &error));
  expected_counts.inserted = 1;
  commit (batch, 1);

  g_assert_true (sc_store_scan_interactions (store, TRUE, keep_row_cb, &row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row.kind, ==, SC_KIND_CHAT);
  g_assert_cmpint (row.created_at, ==, 1700000000);
  g_assert_cmpint (row.first_reply_at, ==, 1700000600);
  g_assert_cmpint (row.resolved_at, ==, 1699999000);
  g_assert_cmpint (row.dims[SC_DIM_CHANNEL], >, 0);
  g_assert_cmpint (row.dims[SC_DIM_STATUS], >, 0);
  g_assert_cmpint (row.dims[SC_DIM_TEAM], ==, SC_MISSING);
  g_assert_cmpint (row.resolved, ==, it.resolved);
  g_assert_cmpint (row.reopens, ==, it.reopens);
  g_assert_cmpint (row.agent_touches, ==, it.agent_touches);
  g_assert_cmpint (row.first_reply_s, ==, it.first_reply_s);
  g_assert_cmpint (row.first_reply_bh_s, ==, it.first_reply_bh_s);
  g_assert_cmpint (row.resolution_s, ==, it.resolution_s);
  g_assert_cmpint (row.resolution_bh_s, ==, it.resolution_bh_s);
  g_assert_cmpint (row.handle_s, ==, it.handle_s);
  g_assert_cmpint (row.talk_s, ==, it.talk_s);
  g_assert_cmpint (row.hold_s, ==, it.hold_s);
  g_assert_cmpint (row.wrap_s, ==, it.wrap_s);
  g_assert_cmpint (row.wait_s, ==, it.wait_s);
  g_assert_cmpint (row.sla_target_s, ==, it.sla_target_s);
  g_assert_cmpint (row.sla_breached, ==, it.sla_breached);
  g_assert_cmpint (row.abandoned, ==, it.abandoned);
  g_assert_cmpint (row.escalated, ==, it.escalated);
  g_assert_cmpint (row.self_service, ==, it.self_service);
  g_assert_cmpint (row.survey_offered, ==, it.survey_offered);
  g_assert_cmpint (row.csat, ==, it.csat);
  g_assert_cmpint (row.csat_scale, ==, it.csat_scale);
  g_assert_cmpint (row.nps, ==, it.nps);
  g_assert_cmpint (row.ces, ==, it.ces);
  g_assert_cmpint (row.ces_scale, ==, it.ces_scale);

  /* Facts damaged on disk are an error that says so, not made-up
   * numbers. */
  g_assert_cmpint (sqlite3_exec (sc_store_get_db (store),
                                 "UPDATE interactions SET facts = x'09'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (sc_store_scan_interactions (store, FALSE, keep_row_cb, &row, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_DAMAGED);
  sc_test_assert_contains (error->message, "the facts of interaction 1");

  /* So are missing ones: the column may hold NULL since schema 7. */
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (sc_store_get_db (store),
                                 "UPDATE interactions SET facts = NULL", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (sc_store_scan_interactions (store, FALSE, keep_row_cb, &row, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_DAMAGED);
}

/* The schema cookie, the big-endian integer at offset 40 of the header. */
static guint32
schema_cookie (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  const guint8 *p = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  return ((guint32) p[40] << 24) | ((guint32) p[41] << 16) | ((guint32) p[42] << 8) | p[43];
}

/* A store of schema 6 (made by the previous release from the gen-tickets
 * fixture) loses its NOT NULL constraints in place: same rows and facts,
 * a sound file, and a new schema cookie so other connections reload. */
static void
test_migrate_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                         "store-v6.sqlite", NULL);
  g_autoptr(GBytes) original = read_file (fixture_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autofree char *backup = NULL;
  guint32 cookie;
  ScFactRow row = { 0 };

  g_assert_true (g_file_set_contents (fixture->path, g_bytes_get_data (original, NULL),
                                      g_bytes_get_size (original), NULL));
  cookie = schema_cookie (fixture->path);

  store = sc_store_open (fixture->path, SC_STORE_OPEN_LOCK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_get_schema_version (store), ==, SC_STORE_SCHEMA_VERSION);
  assert_interactions_unconstrained (store);
  g_assert_cmpint (count_interactions (store), ==, 5);
  g_assert_true (sc_store_scan_interactions (store, FALSE, keep_row_cb, &row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row.created_at, >, 0);
  backup = sc_store_dup_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);
  g_assert_cmpuint (schema_cookie (fixture->path), >, cookie);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create-reopen", test_create_reopen);
  ADD ("idempotent", test_idempotent);
  ADD ("rollback", test_rollback);
  ADD ("rejects-kept", test_rejects_kept);
  ADD ("other-records", test_other_records);
  ADD ("refuse/not-a-store", test_not_a_store);
  ADD ("refuse/damaged", test_damaged);
  ADD ("refuse/too-new", test_too_new);
  ADD ("refuse/read-only", test_read_only);
  ADD ("refuse/locked", test_locked);
  ADD ("refuse/missing", test_missing);
  ADD ("create-in-new-folder", test_create_in_new_folder);
  ADD ("migrate-v1", test_migrate_v1);
  ADD ("migrate-v6", test_migrate_v6);
  ADD ("facts-round-trip", test_facts_round_trip);
#undef ADD
  g_test_add_func ("/scorecard/store/packed-facts", test_packed_facts);

  return g_test_run ();
}
