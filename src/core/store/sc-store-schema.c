/* sc-store-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema, as forward-only migrations. Migration N takes a store from
 * user_version N-1 to N; a new store runs them all.
 */

#include "config.h"

#include "sc-store-private.h"

/* Version 1: the first released schema. */
static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"

  "CREATE TABLE imports ("
  "  id          INTEGER PRIMARY KEY,"
  "  file_name   TEXT NOT NULL,"
  "  checksum    TEXT NOT NULL,"
  "  preset      TEXT,"
  "  source      TEXT NOT NULL,"
  "  mapping     TEXT,"
  "  started_at  INTEGER NOT NULL,"
  "  finished_at INTEGER,"
  "  rows_read   INTEGER NOT NULL DEFAULT 0,"
  "  inserted    INTEGER NOT NULL DEFAULT 0,"
  "  updated     INTEGER NOT NULL DEFAULT 0,"
  "  unchanged   INTEGER NOT NULL DEFAULT 0,"
  "  rejected    INTEGER NOT NULL DEFAULT 0,"
  "  status      TEXT NOT NULL DEFAULT 'running'"
  "              CHECK (status IN ('running', 'done', 'failed', 'cancelled')),"
  "  message     TEXT"
  ");"

  "CREATE TABLE rejects ("
  "  id          INTEGER PRIMARY KEY,"
  "  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,"
  "  line        INTEGER NOT NULL,"
  "  column_name TEXT,"
  "  value       TEXT,"
  "  reason      TEXT NOT NULL,"
  "  raw         TEXT NOT NULL"
  ");"
  "CREATE INDEX rejects_by_import ON rejects (import_id, line);"

  "CREATE TABLE dimensions ("
  "  id    INTEGER PRIMARY KEY,"
  "  name  TEXT NOT NULL UNIQUE,"
  "  label TEXT NOT NULL,"
  "  multi INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE dimension_values ("
  "  id           INTEGER PRIMARY KEY,"
  "  dimension_id INTEGER NOT NULL REFERENCES dimensions (id),"
  "  value        TEXT NOT NULL,"
  "  UNIQUE (dimension_id, value)"
  ");"

  "CREATE TABLE interactions ("
  "  id               INTEGER PRIMARY KEY,"
  "  source           TEXT NOT NULL,"
  "  external_id      TEXT NOT NULL,"
  "  import_id        INTEGER REFERENCES imports (id),"
  "  row_hash         INTEGER NOT NULL,"
  "  kind             INTEGER NOT NULL DEFAULT 0,"
  "  created_at       INTEGER NOT NULL,"
  "  first_reply_at   INTEGER,"
  "  resolved_at      INTEGER,"
  "  closed_at        INTEGER,"
  "  channel_id       INTEGER REFERENCES dimension_values (id),"
  "  team_id          INTEGER REFERENCES dimension_values (id),"
  "  agent_id         INTEGER REFERENCES dimension_values (id),"
  "  priority_id      INTEGER REFERENCES dimension_values (id),"
  "  category_id      INTEGER REFERENCES dimension_values (id),"
  "  segment_id       INTEGER REFERENCES dimension_values (id),"
  "  region_id        INTEGER REFERENCES dimension_values (id),"
  "  product_id       INTEGER REFERENCES dimension_values (id),"
  "  language_id      INTEGER REFERENCES dimension_values (id),"
  "  status_id        INTEGER REFERENCES dimension_values (id),"
  "  tags             TEXT,"
  "  customer_id      TEXT,"
  "  subject          TEXT,"
  "  resolved         INTEGER,"
  "  replies          INTEGER,"
  "  reopens          INTEGER,"
  "  agent_touches    INTEGER,"
  "  contacts         INTEGER,"
  "  first_reply_s    INTEGER,"
  "  first_reply_bh_s INTEGER,"
  "  resolution_s     INTEGER,"
  "  resolution_bh_s  INTEGER,"
  "  handle_s         INTEGER,"
  "  talk_s           INTEGER,"
  "  hold_s           INTEGER,"
  "  wrap_s           INTEGER,"
  "  wait_s           INTEGER,"
  "  sla_target_s     INTEGER,"
  "  sla_breached     INTEGER,"
  "  abandoned        INTEGER,"
  "  escalated        INTEGER,"
  "  self_service     INTEGER,"
  "  survey_offered   INTEGER,"
  "  csat             INTEGER,"
  "  csat_scale       INTEGER,"
  "  nps              INTEGER,"
  "  ces              INTEGER,"
  "  ces_scale        INTEGER,"
  "  UNIQUE (source, external_id)"
  ");"
  "CREATE INDEX interactions_by_created ON interactions (created_at);"
  "CREATE INDEX interactions_by_customer ON interactions (customer_id)"
  "  WHERE customer_id IS NOT NULL;"

  "CREATE TABLE survey_responses ("
  "  id                      INTEGER PRIMARY KEY,"
  "  source                  TEXT NOT NULL,"
  "  external_id             TEXT NOT NULL,"
  "  import_id               INTEGER REFERENCES imports (id),"
  "  row_hash                INTEGER NOT NULL,"
  "  interaction_external_id TEXT,"
  "  customer_id             TEXT,"
  "  question                TEXT NOT NULL CHECK (question IN ('csat', 'nps', 'ces')),"
  "  responded_at            INTEGER NOT NULL,"
  "  score                   INTEGER NOT NULL,"
  "  scale                   INTEGER NOT NULL,"
  "  channel_id              INTEGER REFERENCES dimension_values (id),"
  "  team_id                 INTEGER REFERENCES dimension_values (id),"
  "  agent_id                INTEGER REFERENCES dimension_values (id),"
  "  comment                 TEXT,"
  "  UNIQUE (source, external_id)"
  ");"
  "CREATE INDEX survey_responses_by_time ON survey_responses (responded_at);"

  "CREATE TABLE customers ("
  "  id          INTEGER PRIMARY KEY,"
  "  source      TEXT NOT NULL,"
  "  external_id TEXT NOT NULL,"
  "  import_id   INTEGER REFERENCES imports (id),"
  "  row_hash    INTEGER NOT NULL,"
  "  name        TEXT,"
  "  segment_id  INTEGER REFERENCES dimension_values (id),"
  "  region_id   INTEGER REFERENCES dimension_values (id),"
  "  started_at  INTEGER NOT NULL,"
  "  churned_at  INTEGER,"
  "  revenue     REAL NOT NULL DEFAULT 0,"
  "  purchases   INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (source, external_id)"
  ");"

  "CREATE TABLE agent_time ("
  "  id          INTEGER PRIMARY KEY,"
  "  source      TEXT NOT NULL,"
  "  import_id   INTEGER REFERENCES imports (id),"
  "  row_hash    INTEGER NOT NULL,"
  "  agent_id    INTEGER NOT NULL REFERENCES dimension_values (id),"
  "  team_id     INTEGER REFERENCES dimension_values (id),"
  "  day         INTEGER NOT NULL,"
  "  available_s INTEGER NOT NULL,"
  "  active_s    INTEGER NOT NULL,"
  "  UNIQUE (source, agent_id, day)"
  ");"

  /* Targets and baselines keep every version: a row is in force from
   * valid_from until valid_to (NULL while current). */
  "CREATE TABLE targets ("
  "  id           INTEGER PRIMARY KEY,"
  "  metric       TEXT NOT NULL,"
  "  segment      TEXT NOT NULL DEFAULT '',"
  "  period_kind  TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year', 'from')),"
  "  period_start TEXT NOT NULL,"
  "  value        REAL,"
  "  at_risk_band REAL NOT NULL DEFAULT 0.05,"
  "  note         TEXT,"
  "  valid_from   INTEGER NOT NULL,"
  "  valid_to     INTEGER"
  ");"
  "CREATE INDEX targets_by_metric ON targets (metric, segment, period_start);"

  "CREATE TABLE baselines ("
  "  id           INTEGER PRIMARY KEY,"
  "  metric       TEXT NOT NULL,"
  "  segment      TEXT NOT NULL DEFAULT '',"
  "  kind         TEXT NOT NULL CHECK (kind IN ('fixed', 'range', 'trailing', 'last_year')),"
  "  value        REAL,"
  "  range_from   TEXT,"
  "  range_to     TEXT,"
  "  frozen       INTEGER NOT NULL DEFAULT 0,"
  "  note         TEXT,"
  "  valid_from   INTEGER NOT NULL,"
  "  valid_to     INTEGER"
  ");"
  "CREATE INDEX baselines_by_metric ON baselines (metric, segment);";

/* Version 2: manager annotations pinned to dates (shown on trends and in
 * the review), and frozen review snapshots. */
static const char migration_2[] =
  "CREATE TABLE annotations ("
  "  id         INTEGER PRIMARY KEY,"
  "  day        TEXT NOT NULL,"
  "  metric     TEXT,"
  "  text       TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX annotations_by_day ON annotations (day);"

  "CREATE TABLE review_snapshots ("
  "  id          INTEGER PRIMARY KEY,"
  "  period      TEXT NOT NULL,"
  "  comparison  TEXT NOT NULL,"
  "  created_at  INTEGER NOT NULL,"
  "  content     TEXT NOT NULL"
  ");";

/* Version 3: targets and baselines as the targets code uses them. A
 * trailing baseline keeps its number of months; at most one version of a
 * target (metric, segment, period) or a baseline (metric, segment) is in
 * force, which a store written before could only break by hand, so any
 * such duplicate is closed first, keeping the newest. */
static const char migration_3[] =
  "ALTER TABLE baselines ADD COLUMN months INTEGER;"

  "UPDATE targets SET valid_to = valid_from"
  "  WHERE valid_to IS NULL AND id NOT IN ("
  "    SELECT max(id) FROM targets WHERE valid_to IS NULL"
  "    GROUP BY metric, segment, period_kind, period_start);"
  "CREATE UNIQUE INDEX targets_in_force"
  "  ON targets (metric, segment, period_kind, period_start) WHERE valid_to IS NULL;"
  "CREATE INDEX targets_by_time ON targets (valid_from, valid_to);"

  "UPDATE baselines SET valid_to = valid_from"
  "  WHERE valid_to IS NULL AND id NOT IN ("
  "    SELECT max(id) FROM baselines WHERE valid_to IS NULL GROUP BY metric, segment);"
  "CREATE UNIQUE INDEX baselines_in_force"
  "  ON baselines (metric, segment) WHERE valid_to IS NULL;";

/* Version 4: dimensions a user keeps from an import's own columns (a
 * Zendesk "Plan [list]" field, a column mapped by hand). They are rows of
 * dimensions numbered after the builtin ones; an interaction's values of
 * them live here, one row per interaction and dimension. */
static const char migration_4[] =
  "CREATE TABLE interaction_fields ("
  "  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,"
  "  dimension_id   INTEGER NOT NULL REFERENCES dimensions (id),"
  "  value_id       INTEGER NOT NULL REFERENCES dimension_values (id),"
  "  PRIMARY KEY (interaction_id, dimension_id)"
  ") WITHOUT ROWID;";

/* Version 5: no index on the interactions' customer: nothing looks rows
 * up by customer in SQL (the no-repeat FCR rule works on the fact cache),
 * and keeping the index cost every import a random-order B-tree insert
 * per row. */
static const char migration_5[] =
  "DROP INDEX IF EXISTS interactions_by_customer;";

/* Version 6: an interaction's kind, instants after its creation, dimension
 * codes, counts, durations, flags and scores packed in one column, facts
 * (see sc-store-packed.c): writing 47 columns per row was most of a large
 * import's time, and nothing looks rows up by those columns in SQL. The
 * migration packs them with sc_pack_facts(), which migrate() registers,
 * keeping every row's id (interaction_fields refers to them). */
static const char migration_6[] =
  "CREATE TABLE interactions_packed ("
  "  id          INTEGER PRIMARY KEY,"
  "  source      TEXT NOT NULL,"
  "  external_id TEXT NOT NULL,"
  "  import_id   INTEGER REFERENCES imports (id),"
  "  row_hash    INTEGER NOT NULL,"
  "  created_at  INTEGER NOT NULL,"
  "  tags        TEXT,"
  "  customer_id TEXT,"
  "  subject     TEXT,"
  "  facts       BLOB NOT NULL,"
  "  UNIQUE (source, external_id)"
  ");"
  "INSERT INTO interactions_packed (id, source, external_id, import_id, row_hash,"
  "  created_at, tags, customer_id, subject, facts)"
  " SELECT id, source, external_id, import_id, row_hash, created_at, tags, customer_id,"
  "  subject, sc_pack_facts (created_at, kind, first_reply_at, resolved_at, closed_at,"
  "   channel_id, team_id, agent_id, priority_id, category_id, segment_id, region_id,"
  "   product_id, language_id, status_id,"
  "   resolved, replies, reopens, agent_touches, contacts,"
  "   first_reply_s, first_reply_bh_s, resolution_s, resolution_bh_s,"
  "   handle_s, talk_s, hold_s, wrap_s, wait_s, sla_target_s, sla_breached,"
  "   abandoned, escalated, self_service,"
  "   survey_offered, csat, csat_scale, nps, ces, ces_scale)"
  " FROM interactions ORDER BY id;"
  "DROP TABLE interactions;"
  "ALTER TABLE interactions_packed RENAME TO interactions;"
  "CREATE INDEX interactions_by_created ON interactions (created_at);";

/* Version 7: the interactions table without NOT NULL constraints. Every
 * multi-row upsert into a table with one opened a statement journal
 * (SQLite must be able to undo a statement that stops half-way through its
 * rows), copying each page the statement changed before changing it: a
 * tenth of the writer's work in a large import. The store's only writer of
 * these columns, the import batch, always gives them, and a row whose facts
 * are missing reads as damaged. SQLite documents this edit of the stored
 * CREATE TABLE as the way to drop such constraints (lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes"): rows and indexes stay as
 * they are; migrate() then bumps the schema cookie. */
static const char migration_7[] =
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_schema SET sql = replace (sql, ' NOT NULL', '')"
  " WHERE type = 'table' AND name = 'interactions';"
  "PRAGMA writable_schema = RESET;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SC_STORE_SCHEMA_VERSION);

/* The builtin dimensions every store knows, in ScDimension order. */
static const char dimensions_sql[] =
  "INSERT OR IGNORE INTO dimensions (id, name, label, multi) VALUES "
  "(1, 'channel', 'Channel', 0),"
  "(2, 'team', 'Team', 0),"
  "(3, 'agent', 'Agent', 0),"
  "(4, 'priority', 'Priority', 0),"
  "(5, 'category', 'Category', 0),"
  "(6, 'customer_segment', 'Customer segment', 0),"
  "(7, 'region', 'Region', 0),"
  "(8, 'product', 'Product', 0),"
  "(9, 'language', 'Language', 0),"
  "(10, 'status', 'Status', 0),"
  "(11, 'tags', 'Tags', 1);";

const char *
_sc_store_schema_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= SC_STORE_SCHEMA_VERSION, NULL);

  return migrations[version - 1];
}

const char *
_sc_store_schema_dimensions (void)
{
  return dimensions_sql;
}
