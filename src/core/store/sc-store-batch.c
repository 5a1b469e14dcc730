/* sc-store-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A batch writes one import in one transaction. Re-importing is
 * idempotent: every record carries a hash of its values, and a record whose
 * (source, external id) is known with the same hash is left alone.
 *
 * Interactions, millions per import, are written by an upsert that
 * SQLite runs on the store's unique (source, external id) index: a new
 * one is inserted, a known one with other values updated, an unchanged
 * one left alone. Nothing per record stays in memory, so an import of any
 * size runs in the same memory; the writer thread counts what happened.
 */

#define _GNU_SOURCE   /* sync_file_range() */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>

#include "sc-store-private.h"
#include "sc-store-writer.h"

#define N_INTERACTION_COLUMNS 9
/* The first columns are the same for every row of a batch: the upserts
 * take them as ?1 and ?2, bound once; each row's own follow. */
#define N_SHARED_COLUMNS 2
#define N_ROW_COLUMNS (N_INTERACTION_COLUMNS - N_SHARED_COLUMNS)
/* In stores with FNV-1a hashes, the legacy hash follows a row's columns. */
#define LEGACY_HASH_PARAM (N_INTERACTION_COLUMNS + 1)
/* Interactions are upserted this many in one statement: what a statement
 * costs besides its rows (preparing its run, and before schema 7 copying
 * the last pages of the table and its indexes into a statement journal)
 * is spread over 64 rows. */
#define UPSERT_ROWS 64

/* How many interactions the writer's thread writes between two starts of
 * the file's write-back (see start_write_back()): a few megabytes. */
#define WRITE_BACK_ROWS 16384

/* In the order they are bound. The facts column packs the rest of the
 * record (see sc-store-packed.c). */
static const char * const interaction_columns[N_INTERACTION_COLUMNS] = {
  "source", "import_id",
  "external_id", "row_hash", "created_at", "tags", "customer_id", "subject", "facts",
};

/* Dimension values by dimension and text: looked up about ten times per
 * interaction, so an open-addressing table of hashes taken a word at a
 * time, which costs half of a GHashTable of strings. */
typedef struct
{
  guint64  hash;       /* 0: an empty slot */
  gint64   id;
  char    *text;
  gsize    len;
  guint    dim;
} ValueSlot;

typedef struct
{
  ValueSlot *slots;
  gsize      mask;     /* slots - 1, a power of two minus one */
  gsize      n;
} ValueTable;

struct _ScStoreBatch
{
  ScStore      *store;
  sqlite3      *db;
  char         *source;
  gint64        import_id;
  char         *checksum;    /* when known only after the rows */
  gboolean      in_transaction;

  ValueTable    values;      /* the ids of dimension values */
  guint         n_dims;      /* builtin and custom dimensions known */

  sqlite3_stmt *insert_value;
  sqlite3_stmt *insert_field;
  sqlite3_stmt *delete_fields;
  sqlite3_stmt *upsert_interaction;
  sqlite3_stmt *upsert_interactions;  /* UPSERT_ROWS at once */
  sqlite3_stmt *insert_reject;
  GString      *tag_codes;
  GString      *tag_word;

  /* Interactions, dimension values and rejects are written by the
   * writer's thread, so their row ids are chosen here (and dimension
   * values' ids there, for the values of interactions). */
  ScStoreWriter *writer;
  /* Interactions go to the writer's thread as they came; there they are
   * hashed, their dimension values interned and their facts packed, and
   * their statements queued on @rows (see process_interaction()). The
   * other records flush the writer before they use the batch, so that
   * the two threads never use it at once. */
  ScStoreWriter *rows;
  gint64        n_queued;      /* interactions given to the writer */
  /* The store holds interactions hashed with FNV-1a, which an unchanged
   * record must still match (see hash_interaction_fnv()). */
  gboolean      legacy_hashes;
  gint64        next_value_id;

  /* The file the import's pages go to, opened again to start their
   * write-back as the import goes (-1 where that cannot be done). */
  int           write_back_fd;
  guint         since_write_back;

  /* The import writes through a rollback journal (see begin_bulk()). */
  gboolean      bulk;
};

/* ---- Hashing ----------------------------------------------------------- */

/* Records carry a hash of their values, so that a re-import can tell an
 * unchanged record without reading it back. Surveys, customers and agent
 * time use FNV-1a, a byte at a time. Interactions, millions per import,
 * use a hash that takes eight bytes at a time (below); the interactions
 * of stores written before it carry FNV-1a hashes, which a re-import
 * still recognises (sc_store_batch_add_interaction()). */

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static inline guint64
hash_bytes (guint64     hash,
            const void *data,
            gsize       len)
{
  const guint8 *p = data;

  for (gsize i = 0; i < len; i++)
    hash = (hash ^ p[i]) * FNV_PRIME;
  return hash;
}

static inline guint64
hash_string (guint64     hash,
             const char *s)
{
  /* NULL and "" hash differently; a 0xff byte never occurs in UTF-8. */
  static const guint8 null_marker = 0xfe;
  static const guint8 end_marker = 0xff;

  if (s == NULL)
    return hash_bytes (hash, &null_marker, 1);
  hash = hash_bytes (hash, s, strlen (s));
  return hash_bytes (hash, &end_marker, 1);
}

static inline guint64
hash_int (guint64 hash,
          gint64  value)
{
  return hash_bytes (hash, &value, sizeof value);
}

/* The word-at-a-time hash: each little-endian 64-bit word is multiplied
 * in, rotated and multiplied again (constants from MurmurHash3 and the
 * golden ratio), which is ample for telling changed records apart. */
static inline guint64
word_mix (guint64 hash,
          guint64 word)
{
  hash ^= word * 0xff51afd7ed558ccdULL;
  hash = (hash << 31) | (hash >> 33);
  return hash * 0x9e3779b97f4a7c15ULL;
}

/* The last 1 to 7 bytes of a text as a little-endian word, zero above
 * them: what memcpy() into a zeroed word gives, without the call (which
 * was a third of the cost of hashing). */
static inline guint64
tail_word (const guint8 *p,
           gsize         len)
{
  if (len >= 4)
    {
      guint32 lo, hi;

      memcpy (&lo, p, 4);
      memcpy (&hi, p + len - 4, 4);
      return (guint64) GUINT32_FROM_LE (lo)
             | (((guint64) GUINT32_FROM_LE (hi) >> (8 * (8 - len))) << 32);
    }
  return (guint64) p[0] | ((guint64) p[len / 2] << (8 * (len / 2)))
         | ((guint64) p[len - 1] << (8 * (len - 1)));
}

static inline guint64
word_bytes (guint64     hash,
            const void *data,
            gsize       len)
{
  const guint8 *p = data;
  guint64 word;

  for (; len >= 8; p += 8, len -= 8)
    {
      memcpy (&word, p, 8);
      hash = word_mix (hash, GUINT64_FROM_LE (word));
    }
  if (len > 0)
    hash = word_mix (hash, tail_word (p, len));
  return hash;
}

static inline guint64
word_string (guint64     hash,
             const char *s)
{
  gsize len;

  /* The length follows the text, so that "ab" + "c" and "a" + "bc"
   * differ; NULL has a length no text has. */
  if (s == NULL)
    return word_mix (hash, G_MAXUINT64);
  len = strlen (s);
  return word_mix (word_bytes (hash, s, len), len);
}

static inline guint64
word_int (guint64 hash,
          gint64  value)
{
  return word_mix (hash, (guint64) value);
}

typedef struct
{
  guint64 (*bytes)  (guint64 hash, const void *data, gsize len);
  guint64 (*string) (guint64 hash, const char *s);
  guint64 (*integer) (guint64 hash, gint64 value);
} RowHash;

static const RowHash word_hash = { word_bytes, word_string, word_int };
static const RowHash fnv_hash = { hash_bytes, hash_string, hash_int };

/* The integers go in as their bytes (in the machine's order: FNV-1a
 * hashes were always so). Inlined with a constant @h, the calls are
 * direct. */
static inline guint64
hash_interaction_with (const RowHash        *h,
                       const ScInteraction  *it)
{
  guint64 hash = FNV_OFFSET;

  hash = h->integer (hash, it->kind);
  hash = h->bytes (hash, &it->created_at, 4 * sizeof (gint64));
  for (guint i = 0; i < SC_DIM_N_BUILTIN; i++)
    hash = h->string (hash, it->dims[i]);
  /* Custom dimensions count only when set, so that rows stored before a
   * store had any keep their hash. */
  for (guint i = SC_DIM_N_BUILTIN; i < SC_DIM_MAX; i++)
    if (it->dims[i] != NULL && it->dims[i][0] != '\0')
      {
        hash = h->integer (hash, i);
        hash = h->string (hash, it->dims[i]);
      }
  hash = h->string (hash, it->customer_id);
  hash = h->string (hash, it->subject);
  /* From resolved to ces_scale the struct holds only gint64 fields. */
  hash = h->bytes (hash, &it->resolved,
                   G_STRUCT_OFFSET (ScInteraction, ces_scale)
                   - G_STRUCT_OFFSET (ScInteraction, resolved) + sizeof (gint64));
  return hash;
}

static guint64
hash_interaction (const ScInteraction *it)
{
  return hash_interaction_with (&word_hash, it);
}

/* The hash of stores written before word_hash. */
static guint64
hash_interaction_fnv (const ScInteraction *it)
{
  return hash_interaction_with (&fnv_hash, it);
}

/* ---- Dimension value table ---------------------------------------------- */

static guint64
value_hash (guint       dim,
            const char *text,
            gsize       len)
{
  guint64 hash = word_mix (word_bytes (FNV_OFFSET + dim, text, len), len);

  return hash != 0 ? hash : 1;
}

static ValueSlot *
value_table_find (ValueTable *table,
                  guint64     hash,
                  guint       dim,
                  const char *text,
                  gsize       len)
{
  for (gsize i = hash & table->mask;; i = (i + 1) & table->mask)
    {
      ValueSlot *slot = &table->slots[i];

      if (slot->hash == 0
          || (slot->hash == hash && slot->dim == dim && slot->len == len
              && memcmp (slot->text, text, len) == 0))
        return slot;
    }
}

static void
value_table_init (ValueTable *table)
{
  table->mask = 255;
  table->n = 0;
  table->slots = g_new0 (ValueSlot, table->mask + 1);
}

static void
value_table_clear (ValueTable *table)
{
  for (gsize i = 0; table->slots != NULL && i <= table->mask; i++)
    g_free (table->slots[i].text);
  g_clear_pointer (&table->slots, g_free);
}

/* Adds a value the table does not hold. */
static void
value_table_add (ValueTable *table,
                 guint       dim,
                 const char *text,
                 gsize       len,
                 gint64      id)
{
  guint64 hash = value_hash (dim, text, len);
  ValueSlot *slot;

  /* At most half full. */
  if (2 * (table->n + 1) > table->mask + 1)
    {
      ValueSlot *old = table->slots;
      gsize old_size = table->mask + 1;

      table->mask = 2 * old_size - 1;
      table->slots = g_new0 (ValueSlot, table->mask + 1);
      for (gsize i = 0; i < old_size; i++)
        if (old[i].hash != 0)
          *value_table_find (table, old[i].hash, old[i].dim, old[i].text, old[i].len) = old[i];
      g_free (old);
    }
  slot = value_table_find (table, hash, dim, text, len);
  slot->hash = hash;
  slot->id = id;
  slot->text = g_strndup (text, len);
  slot->len = len;
  slot->dim = dim;
  table->n++;
}

/* The id of @text in @dim, or 0. */
static gint64
value_table_lookup (ValueTable *table,
                    guint       dim,
                    const char *text,
                    gsize       len)
{
  return value_table_find (table, value_hash (dim, text, len), dim, text, len)->id;
}

/* ---- Setting up -------------------------------------------------------- */

static gboolean process_interaction (gpointer        data,
                                     ScStoreWriter  *w,
                                     const guint8   *bytes,
                                     gsize           len,
                                     GError        **error);

/* The upsert of @rows interactions; with @legacy, a row whose stored hash
 * is the FNV-1a hash given after its columns is unchanged too (only for
 * one row at a time). */
static char *
build_upsert_sql (guint    rows,
                  gboolean legacy)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO interactions (");

  for (guint i = 0; i < N_INTERACTION_COLUMNS; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", interaction_columns[i]);
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint i = 0; i < N_INTERACTION_COLUMNS; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "",
                                i < N_SHARED_COLUMNS
                                ? i + 1 : r * N_ROW_COLUMNS + i + 1);
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ON CONFLICT (source, external_id) DO UPDATE SET ");
  for (guint i = 1, n = 0; i < N_INTERACTION_COLUMNS; i++)
    if (!g_str_equal (interaction_columns[i], "external_id"))
      g_string_append_printf (sql, "%s%s = excluded.%s", n++ ? ", " : "",
                              interaction_columns[i], interaction_columns[i]);
  g_string_append (sql, " WHERE interactions.row_hash <> excluded.row_hash");
  if (legacy)
    g_string_append_printf (sql, " AND interactions.row_hash <> ?%u", LEGACY_HASH_PARAM);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Prepares the upsert of @rows interactions with the batch's shared
 * columns bound. */
static sqlite3_stmt *
prepare_upsert (ScStoreBatch  *batch,
                guint          rows,
                gboolean       legacy,
                GError       **error)
{
  g_autofree char *sql = build_upsert_sql (rows, legacy);
  sqlite3_stmt *stmt = _sc_store_prepare (batch->db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, batch->source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, batch->import_id);
  return stmt;
}

static gboolean
load_dimension_values (ScStoreBatch  *batch,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  value_table_init (&batch->values);

  stmt = _sc_store_prepare (batch->db, "SELECT max(id) FROM dimensions", error);
  if (stmt == NULL)
    return FALSE;
  batch->n_dims = SC_DIM_N_BUILTIN;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    batch->n_dims = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), SC_DIM_N_BUILTIN, SC_DIM_MAX);
  sqlite3_finalize (stmt);

  stmt = _sc_store_prepare (batch->db,
                            "SELECT dimension_id, value, id FROM dimension_values", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 dim = sqlite3_column_int64 (stmt, 0) - 1;

      const char *text = (const char *) sqlite3_column_text (stmt, 1);

      if (dim >= 0 && dim < SC_DIM_MAX && text != NULL)
        value_table_add (&batch->values, (guint) dim, text, strlen (text),
                         sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sc_store_set_error (batch->db, _("Reading dimension values"), error);
  return TRUE;
}

/* Whether the store may hold interactions hashed with FNV-1a: it had
 * interactions before the setting "interaction_hash" came to say "word".
 * A store without interactions gets the setting now. */
static gboolean
check_hashes (ScStoreBatch  *batch,
              GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean any = FALSE, word = FALSE;

  stmt = _sc_store_prepare (batch->db,
                            "SELECT EXISTS (SELECT 1 FROM interactions),"
                            " EXISTS (SELECT 1 FROM settings"
                            "         WHERE key = 'interaction_hash' AND value = 'word')", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      any = sqlite3_column_int (stmt, 0) != 0;
      word = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_finalize (stmt);
  batch->legacy_hashes = any && !word;
  if (!any && !word)
    return _sc_store_exec (batch->db,
                           "INSERT OR REPLACE INTO settings (key, value)"
                           " VALUES ('interaction_hash', 'word')", error);
  return TRUE;
}

static gboolean
record_import (ScStoreBatch        *batch,
               const ScImportInfo  *info,
               GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sc_store_prepare (batch->db,
                            "INSERT INTO imports (file_name, checksum, preset, source, mapping,"
                            " started_at, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running')",
                            error);
  if (stmt == NULL)
    return FALSE;
  _sc_store_bind_text (stmt, 1, info->file_name);
  _sc_store_bind_text (stmt, 2, info->checksum ? info->checksum : "");
  _sc_store_bind_text (stmt, 3, info->preset);
  _sc_store_bind_text (stmt, 4, info->source);
  _sc_store_bind_text (stmt, 5, info->mapping);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sc_store_set_error (batch->db, _("Recording the import"), error);
  batch->import_id = sqlite3_last_insert_rowid (batch->db);
  return TRUE;
}

/* Sets the connection's journal mode; FALSE when it cannot, because
 * another connection has the file open. Never waits for one. */
static gboolean
set_journal_mode (sqlite3    *db,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  sqlite3_busy_timeout (db, 0);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (db, SC_STORE_BUSY_TIMEOUT_MS);
  return ok;
}

/* A store in WAL mode takes every page of an import twice: into the WAL
 * as the transaction goes, and into the file at the checkpoint after it.
 * When no other connection has the store open (the command line's import,
 * not the window's), the import goes through a rollback journal instead,
 * which is as atomic and writes the new pages once: a fifth less time for
 * a large import into a new store. Leaving WAL mode needs exclusive
 * access, so this is never done under a reader's feet; a process that
 * opens the store meanwhile waits for the import (up to the busy
 * timeout). The store is back in WAL mode when the batch ends; after a
 * crash, the next open rolls the journal back and sets WAL mode again. */
static void
begin_bulk (ScStoreBatch *batch)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%d", SC_STORE_IMPORT_CACHE_KIB);

  batch->bulk = set_journal_mode (batch->db, "DELETE");
  /* An import writes its pages as the cache fills, on the writer's
   * thread, rather than most of them at the commit; a small cache keeps
   * that going and the memory small. */
  sqlite3_exec (batch->db, pragma, NULL, NULL, NULL);
}

static void
end_bulk (ScStoreBatch *batch)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%d", SC_STORE_CACHE_KIB);

  /* Should another connection have opened the store meanwhile, that
   * open set WAL mode again already, or the next one will. */
  if (batch->bulk)
    set_journal_mode (batch->db, "WAL");
  batch->bulk = FALSE;
  sqlite3_exec (batch->db, pragma, NULL, NULL, NULL);
}

/* The kernel writes the pages of a file to disk only when much of the
 * memory holds them, or when asked: a large import would leave all of
 * them (a million rows make 220 MB) for the commit's fsync, a quarter
 * of a second spent waiting. Asking now and then, without waiting,
 * writes them out while the import goes on. */
static void
start_write_back (ScStoreBatch *batch)
{
  batch->since_write_back = 0;
#ifdef HAVE_SYNC_FILE_RANGE
  if (batch->write_back_fd >= 0)
    sync_file_range (batch->write_back_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

static void
open_write_back (ScStoreBatch *batch)
{
#ifdef HAVE_SYNC_FILE_RANGE
  {
    /* Outside the bulk mode, the pages go to the write-ahead log. */
    g_autofree char *path = g_strconcat (sc_store_get_path (batch->store),
                                         batch->bulk ? "" : "-wal", NULL);

    batch->write_back_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  }
#endif
}

/**
 * sc_store_begin_import:
 * @self: a store
 * @info: what is being imported
 * @error: return location for an error
 *
 * Begins one import as one transaction. Until sc_store_batch_commit()
 * nothing of it is visible, and a rollback, a crash or a power loss leaves
 * the store as it was before.
 *
 * Returns: (transfer full) (nullable): the batch
 */
ScStoreBatch *
sc_store_begin_import (ScStore             *self,
                       const ScImportInfo  *info,
                       GError             **error)
{
  g_autoptr(ScStoreBatch) batch = NULL;
  gint64 max_interaction_id = 0, max_value_id = 0;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL && info->source != NULL && info->file_name != NULL, NULL);

  if (sc_store_is_read_only (self))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY,
                   _("The store “%s” is open read-only"), sc_store_get_path (self));
      return NULL;
    }

  batch = g_new0 (ScStoreBatch, 1);
  batch->write_back_fd = -1;
  batch->store = g_object_ref (self);
  batch->db = sc_store_get_db (self);
  batch->source = g_strdup (info->source);
  batch->tag_codes = g_string_new (NULL);
  batch->tag_word = g_string_new (NULL);

  begin_bulk (batch);
  open_write_back (batch);
  /* Every reference a batch writes is to a row it found or wrote itself in
   * the same transaction (an import, a dimension value), so SQLite's
   * checks of them would cost ten B-tree lookups per interaction and never
   * fail; they are back on when the batch ends. The pragma has no effect
   * inside a transaction, hence before BEGIN. */
  if (!_sc_store_exec (batch->db, "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", error))
    {
      sqlite3_exec (batch->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      end_bulk (batch);
      return NULL;
    }
  batch->in_transaction = TRUE;

  if (!record_import (batch, info, error)
      || !check_hashes (batch, error)
      || !load_dimension_values (batch, error)
      || !_sc_store_query_int (batch->db, "SELECT coalesce(max(id), 0) FROM interactions",
                               &max_interaction_id, error)
      || !_sc_store_query_int (batch->db, "SELECT coalesce(max(id), 0) FROM dimension_values",
                               &max_value_id, error)
      || !(batch->insert_value = _sc_store_prepare (batch->db,
             "INSERT INTO dimension_values (id, dimension_id, value) VALUES (?1, ?2, ?3)", error))
      || !(batch->insert_reject = _sc_store_prepare (batch->db,
             "INSERT INTO rejects (import_id, line, column_name, value, reason, raw)"
             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error))
      || !(batch->insert_field = _sc_store_prepare (batch->db,
             "INSERT INTO interaction_fields (interaction_id, dimension_id, value_id)"
             " SELECT id, ?3, ?4 FROM interactions WHERE source = ?1 AND external_id = ?2",
             error))
      || !(batch->delete_fields = _sc_store_prepare (batch->db,
             "DELETE FROM interaction_fields WHERE interaction_id ="
             " (SELECT id FROM interactions WHERE source = ?1 AND external_id = ?2)", error))
      || !(batch->upsert_interaction = prepare_upsert (batch, 1, batch->legacy_hashes, error)))
    return NULL;
  batch->writer = _sc_store_writer_new (batch->db);
  batch->rows = _sc_store_writer_new (batch->db);
  _sc_store_writer_set_call (batch->writer, process_interaction, batch, batch->rows);
  batch->next_value_id = max_value_id + 1;
  _sc_store_writer_set_counted (batch->rows, batch->upsert_interaction, max_interaction_id);
  if (!batch->legacy_hashes)
    {
      if (!(batch->upsert_interactions = prepare_upsert (batch, UPSERT_ROWS, FALSE, error)))
        return NULL;
      _sc_store_writer_set_multi (batch->rows, batch->upsert_interaction,
                                  batch->upsert_interactions, UPSERT_ROWS);
    }
  _sc_store_writer_set_first_param (batch->rows, batch->upsert_interaction,
                                    N_SHARED_COLUMNS + 1);
  return g_steal_pointer (&batch);
}

gint64
sc_store_batch_get_import_id (ScStoreBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);

  return batch->import_id;
}

/**
 * sc_store_batch_set_checksum:
 * @batch: a batch
 * @checksum: the imported file's checksum
 *
 * Records the checksum of the file, for an import that learns it only by
 * reading the file (in place of the one sc_store_begin_import() was
 * given).
 */
void
sc_store_batch_set_checksum (ScStoreBatch *batch,
                             const char   *checksum)
{
  g_return_if_fail (batch != NULL && checksum != NULL);

  g_free (batch->checksum);
  batch->checksum = g_strdup (checksum);
}

/* ---- Custom dimensions ------------------------------------------------- */

/* A dimension's name from its label: lower-case ASCII letters, digits and
 * underscores ("Plan tier" → "plan_tier"), never a builtin name. */
static char *
dimension_name_for (const char *label)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (label, "C");

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '_')
        g_string_append_c (name, '_');
    }
  while (name->len > 0 && name->str[name->len - 1] == '_')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "field");
  if (sc_dimension_from_name (name->str, NULL))
    g_string_append (name, "_field");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * sc_store_batch_add_dimension:
 * @batch: a batch
 * @label: the dimension's label, as the file's column names it ("Plan")
 * @out_dim: (out): the dimension, to set in #ScInteraction.dims
 * @error: return location for an error
 *
 * Finds the custom dimension named like @label, or adds it (as part of
 * the batch: a rollback removes it again). Names are compared after
 * folding case and punctuation, so "Plan" and "plan" are one dimension.
 *
 * Returns: %TRUE on success; %FALSE when the store has no room for
 *   another dimension (%SC_DIM_MAX) or on a write error
 */
gboolean
sc_store_batch_add_dimension (ScStoreBatch  *batch,
                              const char    *label,
                              ScDimension   *out_dim,
                              GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (label != NULL && out_dim != NULL, FALSE);

  if (!_sc_store_writer_flush (batch->writer, error))
    return FALSE;
  name = dimension_name_for (label);
  stmt = _sc_store_prepare (batch->db, "SELECT id FROM dimensions WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _sc_store_bind_text (stmt, 1, name);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sc_store_set_error (batch->db, _("Reading the dimensions"), error);
  if (id > SC_DIM_N_BUILTIN && id <= SC_DIM_MAX)
    {
      *out_dim = (ScDimension) (id - 1);
      return TRUE;
    }
  if (id != 0 || batch->n_dims >= SC_DIM_MAX)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("The column “%s” cannot be kept as a dimension: the store already "
                     "keeps %d columns of imports as dimensions, the most it can"),
                   label, SC_DIM_MAX - SC_DIM_N_BUILTIN);
      return FALSE;
    }

  stmt = _sc_store_prepare (batch->db,
                            "INSERT INTO dimensions (id, name, label, multi) VALUES (?1, ?2, ?3, 0)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (gint64) batch->n_dims + 1);
  _sc_store_bind_text (stmt, 2, name);
  _sc_store_bind_text (stmt, 3, label);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sc_store_set_error (batch->db, _("Saving a dimension"), error);
  *out_dim = (ScDimension) batch->n_dims++;
  return TRUE;
}

/* ---- Dimension values -------------------------------------------------- */

/* The id of @value in @dim, new ones queued on @w. */
static gint64
intern_value (ScStoreBatch  *batch,
              ScStoreWriter *w,
              ScDimension    dim,
              const char    *value,
              GError       **error)
{
  gsize len = strlen (value);
  gint64 new_id = value_table_lookup (&batch->values, dim, value, len);

  if (new_id != 0)
    return new_id;

  new_id = batch->next_value_id++;
  _sc_store_writer_begin (w, batch->insert_value, N_("Saving a dimension value"));
  _sc_store_writer_int (w, new_id);
  _sc_store_writer_int (w, (gint64) dim + 1);
  _sc_store_writer_text (w, value);
  if (!_sc_store_writer_end (w, error))
    return 0;
  value_table_add (&batch->values, dim, value, len, new_id);
  return new_id;
}

/* Appends a positive code in decimal (a printf per tag shows in a
 * profile of a large import). */
static void
append_code (GString *out,
             gint64   code)
{
  char digits[24];
  int n = 0;

  do
    digits[n++] = (char) ('0' + code % 10);
  while ((code /= 10) > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* Turns space-separated tags into space-separated value codes in
 * batch->tag_codes (empty when there are none). */
static gboolean
intern_tags (ScStoreBatch  *batch,
             ScStoreWriter *w,
             const char    *tags,
             GError       **error)
{
  static const char separators[] = " \t,;";

  g_string_truncate (batch->tag_codes, 0);
  if (tags == NULL)
    return TRUE;
  for (const char *p = tags; *p != '\0';)
    {
      gsize len = strcspn (p, separators);
      gint64 code;

      if (len == 0)
        {
          p++;
          continue;
        }
      g_string_truncate (batch->tag_word, 0);
      g_string_append_len (batch->tag_word, p, (gssize) len);
      p += len;
      if ((code = intern_value (batch, w, SC_DIM_TAGS, batch->tag_word->str, error)) == 0)
        return FALSE;
      if (batch->tag_codes->len > 0)
        g_string_append_c (batch->tag_codes, ' ');
      append_code (batch->tag_codes, code);
    }
  return TRUE;
}

/* ---- Interactions ------------------------------------------------------ */

/* Queues the upsert of @it; @legacy_hash is its FNV-1a hash in a store
 * that may hold such hashes. */
static gboolean
queue_interaction (ScStoreBatch         *batch,
                   ScStoreWriter        *w,
                   const ScInteraction  *it,
                   guint64               row_hash,
                   guint64               legacy_hash,
                   GError              **error)
{
  gint64 codes[SC_DIM_TAGS];
  guint8 facts[SC_PACKED_MAX_SIZE];
  gsize facts_len;

  /* Values first: a new one is a statement of its own. */
  for (guint d = 0; d < SC_DIM_TAGS; d++)
    {
      codes[d] = SC_MISSING;
      if (it->dims[d] != NULL && it->dims[d][0] != '\0'
          && (codes[d] = intern_value (batch, w, d, it->dims[d], error)) == 0)
        return FALSE;
    }
  if (!intern_tags (batch, w, it->dims[SC_DIM_TAGS], error))
    return FALSE;

  facts_len = _sc_store_pack_interaction (it, codes, facts);

  _sc_store_writer_begin (w, batch->upsert_interaction, N_("Saving an interaction"));
  _sc_store_writer_text (w, it->external_id);
  _sc_store_writer_int (w, (gint64) row_hash);
  _sc_store_writer_int (w, it->created_at);
  _sc_store_writer_text (w, batch->tag_codes->len > 0 ? batch->tag_codes->str : NULL);
  _sc_store_writer_text (w, it->customer_id);
  _sc_store_writer_text (w, it->subject);
  _sc_store_writer_blob (w, (const char *) facts, facts_len);
  if (batch->legacy_hashes)
    _sc_store_writer_int (w, (gint64) legacy_hash);
  return _sc_store_writer_end (w, error);
}

/* Queues the custom dimensions' values of @it, in place of those stored
 * (found by its key: the upsert before it chose the row). */
static gboolean
queue_fields (ScStoreBatch         *batch,
              ScStoreWriter        *w,
              const ScInteraction  *it,
              GError              **error)
{

  if (batch->n_dims == SC_DIM_N_BUILTIN)
    return TRUE;
  _sc_store_writer_begin (w, batch->delete_fields, N_("Updating an interaction"));
  _sc_store_writer_text (w, batch->source);
  _sc_store_writer_text (w, it->external_id);
  if (!_sc_store_writer_end (w, error))
    return FALSE;
  for (guint d = SC_DIM_N_BUILTIN; d < batch->n_dims; d++)
    {
      gint64 code;

      if (it->dims[d] == NULL || it->dims[d][0] == '\0')
        continue;
      if ((code = intern_value (batch, w, d, it->dims[d], error)) == 0)
        return FALSE;
      _sc_store_writer_begin (w, batch->insert_field, N_("Saving an interaction"));
      _sc_store_writer_text (w, batch->source);
      _sc_store_writer_text (w, it->external_id);
      _sc_store_writer_int (w, (gint64) d + 1);
      _sc_store_writer_int (w, code);
      if (!_sc_store_writer_end (w, error))
        return FALSE;
    }
  return TRUE;
}

/* An interaction goes to the writer's thread as a copy of the struct
 * whose strings follow it, their pointers replaced by their offsets plus
 * one (0 for NULL). */
#define N_RECORD_STRINGS (SC_DIM_MAX + 3)

/* Points @slots at the string members of @it; returns how many. */
static guint
record_strings (ScInteraction  *it,
                const char    **slots[N_RECORD_STRINGS])
{
  guint n = 0;

  /* Most of the custom dimensions are NULL: skip them here, once. */
  for (guint i = 0; i < SC_DIM_MAX; i++)
    if (it->dims[i] != NULL)
      slots[n++] = &it->dims[i];
  slots[n++] = &it->external_id;
  if (it->customer_id != NULL)
    slots[n++] = &it->customer_id;
  if (it->subject != NULL)
    slots[n++] = &it->subject;
  return n;
}

static void
pack_record (ScStoreBatch        *batch,
             const ScInteraction *interaction)
{
  ScInteraction copy = *interaction;
  const char **slots[N_RECORD_STRINGS];
  gsize lens[N_RECORD_STRINGS];
  guint n = record_strings (&copy, slots);
  gsize len = sizeof copy;
  char *dest;

  for (guint i = 0; i < n; i++)
    {
      lens[i] = strlen (*slots[i]) + 1;
      len += lens[i];
    }
  dest = _sc_store_writer_call_begin (batch->writer, len);
  len = sizeof copy;
  for (guint i = 0; i < n; i++)
    {
      memcpy (dest + len, *slots[i], lens[i]);
      *slots[i] = GSIZE_TO_POINTER (len + 1);
      len += lens[i];
    }
  memcpy (dest, &copy, sizeof copy);
}

/* On the writer's thread: hashes the interaction packed in @bytes,
 * interns its values and queues its statements on @w. */
static gboolean
process_interaction (gpointer        data,
                     ScStoreWriter  *w,
                     const guint8   *bytes,
                     gsize           len,
                     GError        **error)
{
  ScStoreBatch *batch = data;
  ScInteraction it;
  const char **slots[N_RECORD_STRINGS];
  guint n;

  g_assert (len >= sizeof it);
  memcpy (&it, bytes, sizeof it);
  n = record_strings (&it, slots);
  for (guint i = 0; i < n; i++)
    *slots[i] = (const char *) bytes + GPOINTER_TO_SIZE (*slots[i]) - 1;
  if (++batch->since_write_back == WRITE_BACK_ROWS)
    start_write_back (batch);
  return queue_interaction (batch, w, &it, hash_interaction (&it),
                            batch->legacy_hashes ? hash_interaction_fnv (&it) : 0, error)
         && queue_fields (batch, w, &it, error);
}

/**
 * sc_store_batch_add_interaction:
 * @batch: a batch
 * @interaction: the record; it needs an external id and a creation time
 * @outcome: (out) (optional): %SC_WRITE_QUEUED
 * @error: return location for an error
 *
 * Queues the record: it is inserted, updated or found unchanged later, on
 * the writer's thread, and sc_store_batch_commit() counts which. An error
 * of SQLite's shows in a later call or in sc_store_batch_commit().
 *
 * Returns: %TRUE when the record was queued
 */
gboolean
sc_store_batch_add_interaction (ScStoreBatch         *batch,
                                const ScInteraction  *interaction,
                                ScWriteOutcome       *outcome,
                                GError              **error)
{
  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (interaction != NULL, FALSE);

  if (interaction->external_id == NULL || interaction->external_id[0] == '\0')
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The record has no id"));
      return FALSE;
    }
  if (interaction->created_at == SC_MISSING)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("Record “%s” has no creation time"), interaction->external_id);
      return FALSE;
    }

  pack_record (batch, interaction);
  if (!_sc_store_writer_end (batch->writer, error))
    return FALSE;
  batch->n_queued++;
  if (outcome)
    *outcome = SC_WRITE_QUEUED;
  return TRUE;
}

/* ---- Other records: looked up one by one (they are few) --------------- */

/* Finds the row of @table keyed by the bound parameters of @lookup and
 * decides the outcome. Returns the row id to update, 0 to insert, or -1
 * when the stored row already has @row_hash. */
static gint64
find_existing (ScStoreBatch  *batch,
               sqlite3_stmt  *lookup,
               guint64        row_hash,
               GError       **error)
{
  gint64 rowid = 0;
  int rc = sqlite3_step (lookup);

  if (rc == SQLITE_ROW)
    rowid = (guint64) sqlite3_column_int64 (lookup, 1) == row_hash
            ? -1 : sqlite3_column_int64 (lookup, 0);
  sqlite3_finalize (lookup);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sc_store_set_error (batch->db, _("Looking up a record"), error);
      return G_MININT64;
    }
  return rowid;
}

static gboolean
finish_write (ScStoreBatch    *batch,
              sqlite3_stmt    *stmt,
              gint64           rowid,
              ScWriteOutcome  *outcome,
              GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sc_store_set_error (batch->db, _("Saving a record"), error);
  if (outcome)
    *outcome = rowid > 0 ? SC_WRITE_UPDATED : SC_WRITE_INSERTED;
  return TRUE;
}

#define VALUE_FAILED (G_MININT64 + 1)

static gint64
optional_value (ScStoreBatch  *batch,
                ScDimension    dim,
                const char    *value,
                GError       **error)
{
  gint64 code;

  if (value == NULL || value[0] == '\0')
    return SC_MISSING;
  code = intern_value (batch, batch->writer, dim, value, error);
  return code != 0 ? code : VALUE_FAILED;
}

gboolean
sc_store_batch_add_survey_response (ScStoreBatch            *batch,
                                    const ScSurveyResponse  *r,
                                    ScWriteOutcome          *outcome,
                                    GError                 **error)
{
  sqlite3_stmt *stmt;
  guint64 row_hash = FNV_OFFSET;
  gint64 rowid, channel, team, agent;

  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (r != NULL, FALSE);

  /* Looked up one by one, after everything queued. */
  if (!_sc_store_writer_flush (batch->writer, error))
    return FALSE;

  if (r->external_id == NULL || r->question == NULL
      || r->responded_at == SC_MISSING || r->score == SC_MISSING || r->scale == SC_MISSING)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A survey response needs an id, a question, a time and a score"));
      return FALSE;
    }
  row_hash = hash_string (row_hash, r->interaction_external_id);
  row_hash = hash_string (row_hash, r->customer_id);
  row_hash = hash_string (row_hash, r->question);
  row_hash = hash_int (hash_int (hash_int (row_hash, r->responded_at), r->score), r->scale);
  row_hash = hash_string (hash_string (hash_string (row_hash, r->channel), r->team), r->agent);
  row_hash = hash_string (row_hash, r->comment);

  if (!(stmt = _sc_store_prepare (batch->db, "SELECT id, row_hash FROM survey_responses "
                                  "WHERE source = ?1 AND external_id = ?2", error)))
    return FALSE;
  _sc_store_bind_text (stmt, 1, batch->source);
  _sc_store_bind_text (stmt, 2, r->external_id);
  if ((rowid = find_existing (batch, stmt, row_hash, error)) == G_MININT64)
    return FALSE;
  if (rowid == -1)
    return (outcome ? (*outcome = SC_WRITE_UNCHANGED) : 0), TRUE;

  channel = optional_value (batch, SC_DIM_CHANNEL, r->channel, error);
  team = optional_value (batch, SC_DIM_TEAM, r->team, error);
  agent = optional_value (batch, SC_DIM_AGENT, r->agent, error);
  if (channel == VALUE_FAILED || team == VALUE_FAILED || agent == VALUE_FAILED)
    return FALSE;

  stmt = _sc_store_prepare (batch->db,
                            "INSERT INTO survey_responses (source, external_id, import_id, row_hash,"
                            " interaction_external_id, customer_id, question, responded_at, score,"
                            " scale, channel_id, team_id, agent_id, comment)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                            " ON CONFLICT (source, external_id) DO UPDATE SET"
                            " import_id = ?3, row_hash = ?4, interaction_external_id = ?5,"
                            " customer_id = ?6, question = ?7, responded_at = ?8, score = ?9,"
                            " scale = ?10, channel_id = ?11, team_id = ?12, agent_id = ?13,"
                            " comment = ?14", error);
  if (stmt == NULL)
    return FALSE;
  _sc_store_bind_text (stmt, 1, batch->source);
  _sc_store_bind_text (stmt, 2, r->external_id);
  sqlite3_bind_int64 (stmt, 3, batch->import_id);
  sqlite3_bind_int64 (stmt, 4, (gint64) row_hash);
  _sc_store_bind_text (stmt, 5, r->interaction_external_id);
  _sc_store_bind_text (stmt, 6, r->customer_id);
  _sc_store_bind_text (stmt, 7, r->question);
  sqlite3_bind_int64 (stmt, 8, r->responded_at);
  sqlite3_bind_int64 (stmt, 9, r->score);
  sqlite3_bind_int64 (stmt, 10, r->scale);
  _sc_store_bind_int (stmt, 11, channel);
  _sc_store_bind_int (stmt, 12, team);
  _sc_store_bind_int (stmt, 13, agent);
  _sc_store_bind_text (stmt, 14, r->comment);
  return finish_write (batch, stmt, rowid, outcome, error);
}

gboolean
sc_store_batch_add_customer (ScStoreBatch      *batch,
                             const ScCustomer  *c,
                             ScWriteOutcome    *outcome,
                             GError           **error)
{
  sqlite3_stmt *stmt;
  guint64 row_hash = FNV_OFFSET;
  gint64 rowid, segment, region;

  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (c != NULL, FALSE);

  /* Looked up one by one, after everything queued. */
  if (!_sc_store_writer_flush (batch->writer, error))
    return FALSE;

  if (c->external_id == NULL || c->started_at == SC_MISSING)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A customer needs an id and a start date"));
      return FALSE;
    }
  row_hash = hash_string (hash_string (hash_string (row_hash, c->name), c->segment), c->region);
  row_hash = hash_int (hash_int (row_hash, c->started_at), c->churned_at);
  row_hash = hash_bytes (row_hash, &c->revenue, sizeof c->revenue);
  row_hash = hash_int (row_hash, c->purchases);

  if (!(stmt = _sc_store_prepare (batch->db, "SELECT id, row_hash FROM customers "
                                  "WHERE source = ?1 AND external_id = ?2", error)))
    return FALSE;
  _sc_store_bind_text (stmt, 1, batch->source);
  _sc_store_bind_text (stmt, 2, c->external_id);
  if ((rowid = find_existing (batch, stmt, row_hash, error)) == G_MININT64)
    return FALSE;
  if (rowid == -1)
    return (outcome ? (*outcome = SC_WRITE_UNCHANGED) : 0), TRUE;

  segment = optional_value (batch, SC_DIM_CUSTOMER_SEGMENT, c->segment, error);
  region = optional_value (batch, SC_DIM_REGION, c->region, error);
  if (segment == VALUE_FAILED || region == VALUE_FAILED)
    return FALSE;

  stmt = _sc_store_prepare (batch->db,
                            "INSERT INTO customers (source, external_id, import_id, row_hash, name,"
                            " segment_id, region_id, started_at, churned_at, revenue, purchases)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                            " ON CONFLICT (source, external_id) DO UPDATE SET"
                            " import_id = ?3, row_hash = ?4, name = ?5, segment_id = ?6,"
                            " region_id = ?7, started_at = ?8, churned_at = ?9, revenue = ?10,"
                            " purchases = ?11", error);
  if (stmt == NULL)
    return FALSE;
  _sc_store_bind_text (stmt, 1, batch->source);
  _sc_store_bind_text (stmt, 2, c->external_id);
  sqlite3_bind_int64 (stmt, 3, batch->import_id);
  sqlite3_bind_int64 (stmt, 4, (gint64) row_hash);
  _sc_store_bind_text (stmt, 5, c->name);
  _sc_store_bind_int (stmt, 6, segment);
  _sc_store_bind_int (stmt, 7, region);
  sqlite3_bind_int64 (stmt, 8, c->started_at);
  _sc_store_bind_int (stmt, 9, c->churned_at);
  sqlite3_bind_double (stmt, 10, c->revenue);
  sqlite3_bind_int64 (stmt, 11, c->purchases);
  return finish_write (batch, stmt, rowid, outcome, error);
}

gboolean
sc_store_batch_add_agent_time (ScStoreBatch       *batch,
                               const ScAgentTime  *a,
                               ScWriteOutcome     *outcome,
                               GError            **error)
{
  sqlite3_stmt *stmt;
  guint64 row_hash = FNV_OFFSET;
  gint64 rowid, agent, team;

  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (a != NULL, FALSE);

  /* Looked up one by one, after everything queued. */
  if (!_sc_store_writer_flush (batch->writer, error))
    return FALSE;

  if (a->agent == NULL || a->agent[0] == '\0' || a->day == SC_MISSING
      || a->available_s == SC_MISSING || a->active_s == SC_MISSING)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("Agent time needs an agent, a day, available and active time"));
      return FALSE;
    }
  row_hash = hash_string (row_hash, a->team);
  row_hash = hash_int (hash_int (row_hash, a->available_s), a->active_s);

  if ((agent = optional_value (batch, SC_DIM_AGENT, a->agent, error)) == VALUE_FAILED
      || (team = optional_value (batch, SC_DIM_TEAM, a->team, error)) == VALUE_FAILED)
    return FALSE;

  if (!(stmt = _sc_store_prepare (batch->db, "SELECT id, row_hash FROM agent_time "
                                  "WHERE source = ?1 AND agent_id = ?2 AND day = ?3", error)))
    return FALSE;
  _sc_store_bind_text (stmt, 1, batch->source);
  sqlite3_bind_int64 (stmt, 2, agent);
  sqlite3_bind_int64 (stmt, 3, a->day);
  if ((rowid = find_existing (batch, stmt, row_hash, error)) == G_MININT64)
    return FALSE;
  if (rowid == -1)
    return (outcome ? (*outcome = SC_WRITE_UNCHANGED) : 0), TRUE;

  stmt = _sc_store_prepare (batch->db,
                            "INSERT INTO agent_time (source, import_id, row_hash, agent_id, team_id,"
                            " day, available_s, active_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            " ON CONFLICT (source, agent_id, day) DO UPDATE SET"
                            " import_id = ?2, row_hash = ?3, team_id = ?5, available_s = ?7,"
                            " active_s = ?8", error);
  if (stmt == NULL)
    return FALSE;
  _sc_store_bind_text (stmt, 1, batch->source);
  sqlite3_bind_int64 (stmt, 2, batch->import_id);
  sqlite3_bind_int64 (stmt, 3, (gint64) row_hash);
  sqlite3_bind_int64 (stmt, 4, agent);
  _sc_store_bind_int (stmt, 5, team);
  sqlite3_bind_int64 (stmt, 6, a->day);
  sqlite3_bind_int64 (stmt, 7, a->available_s);
  sqlite3_bind_int64 (stmt, 8, a->active_s);
  return finish_write (batch, stmt, rowid, outcome, error);
}

/* ---- Rejects, commit, rollback ---------------------------------------- */

gboolean
sc_store_batch_add_reject (ScStoreBatch  *batch,
                           gint64         line,
                           const char    *column,
                           const char    *value,
                           const char    *reason,
                           const char    *raw,
                           GError       **error)
{
  ScStoreWriter *w = batch->writer;

  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  _sc_store_writer_begin (w, batch->insert_reject, N_("Saving a rejected row"));
  _sc_store_writer_int (w, batch->import_id);
  _sc_store_writer_int (w, line);
  _sc_store_writer_text (w, column);
  _sc_store_writer_text (w, value);
  _sc_store_writer_text (w, reason);
  /* Raw text may hold invalid UTF-8: keep its bytes exactly. */
  _sc_store_writer_blob (w, raw != NULL ? raw : "", raw != NULL ? strlen (raw) : 0);
  return _sc_store_writer_end (w, error);
}

/**
 * sc_store_batch_commit:
 * @batch: a batch
 * @counts: (inout): what the import did; the interactions' counts
 *   (inserted, updated, unchanged) are added to it, and the whole is
 *   recorded in the import history
 * @error: return location for an error
 *
 * Makes the import durable and visible. On failure the batch is rolled
 * back and the store is as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_batch_commit (ScStoreBatch    *batch,
                       ScImportCounts  *counts,
                       GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 inserted, updated;
  int rc;

  g_return_val_if_fail (batch != NULL && batch->in_transaction, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!_sc_store_writer_flush (batch->writer, error))
    {
      sc_store_batch_rollback (batch);
      return FALSE;
    }
  _sc_store_writer_get_counts (batch->rows, &inserted, &updated);
  counts->inserted += inserted;
  counts->updated += updated;
  counts->unchanged += batch->n_queued - inserted - updated;
  batch->n_queued = 0;
  stmt = _sc_store_prepare (batch->db,
                            "UPDATE imports SET finished_at = ?2, rows_read = ?3, inserted = ?4,"
                            " updated = ?5, unchanged = ?6, rejected = ?7, status = 'done',"
                            " checksum = coalesce (?8, checksum)"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    {
      sc_store_batch_rollback (batch);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, batch->import_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 3, counts->rows_read);
  sqlite3_bind_int64 (stmt, 4, counts->inserted);
  sqlite3_bind_int64 (stmt, 5, counts->updated);
  sqlite3_bind_int64 (stmt, 6, counts->unchanged);
  sqlite3_bind_int64 (stmt, 7, counts->rejected);
  _sc_store_bind_text (stmt, 8, batch->checksum);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || !_sc_store_exec (batch->db, "COMMIT", error))
    {
      if (rc != SQLITE_DONE)
        _sc_store_set_error (batch->db, _("Finishing the import"), error);
      sc_store_batch_rollback (batch);
      return FALSE;
    }
  batch->in_transaction = FALSE;
  sqlite3_exec (batch->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  end_bulk (batch);
  return TRUE;
}

void
sc_store_batch_rollback (ScStoreBatch *batch)
{
  g_return_if_fail (batch != NULL);

  if (!batch->in_transaction)
    return;
  if (batch->writer != NULL)
    _sc_store_writer_discard (batch->writer);
  if (batch->rows != NULL)
    _sc_store_writer_discard (batch->rows);
  /* Statements must not hold the transaction open. */
  if (batch->upsert_interaction)
    sqlite3_reset (batch->upsert_interaction);
  if (batch->upsert_interactions)
    sqlite3_reset (batch->upsert_interactions);
  if (batch->insert_value)
    sqlite3_reset (batch->insert_value);
  if (batch->insert_field)
    sqlite3_reset (batch->insert_field);
  if (batch->delete_fields)
    sqlite3_reset (batch->delete_fields);
  if (batch->insert_reject)
    sqlite3_reset (batch->insert_reject);
  sqlite3_exec (batch->db, "ROLLBACK", NULL, NULL, NULL);
  batch->in_transaction = FALSE;
  sqlite3_exec (batch->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  end_bulk (batch);
}

void
sc_store_batch_free (ScStoreBatch *batch)
{
  if (batch == NULL)
    return;

  sc_store_batch_rollback (batch);
  g_clear_pointer (&batch->writer, _sc_store_writer_free);
  g_clear_pointer (&batch->rows, _sc_store_writer_free);
  sqlite3_finalize (batch->insert_value);
  sqlite3_finalize (batch->insert_reject);
  sqlite3_finalize (batch->upsert_interaction);
  sqlite3_finalize (batch->upsert_interactions);
  sqlite3_finalize (batch->insert_field);
  sqlite3_finalize (batch->delete_fields);
  value_table_clear (&batch->values);
  if (batch->write_back_fd >= 0)
    g_close (batch->write_back_fd, NULL);
  g_string_free (batch->tag_codes, TRUE);
  g_string_free (batch->tag_word, TRUE);
  g_free (batch->source);
  g_free (batch->checksum);
  g_clear_object (&batch->store);
  g_free (batch);
}
