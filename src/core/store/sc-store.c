/* sc-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a store refuses every bad state before anything is written: the
 * file is checked with a read-only connection first (header, integrity,
 * schema version, permissions, lock), and only then opened for writing.
 * A store that needs migrating is copied aside before the migration runs.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "sc-store-private.h"

struct _ScStore
{
  GObject  parent_instance;

  char    *path;
  char    *backup_path;
  sqlite3 *db;
  int      lock_fd;
  guint    read_only : 1;
};

G_DEFINE_FINAL_TYPE (ScStore, sc_store, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *label;
} dimension_names[SC_DIM_N_BUILTIN] = {
  [SC_DIM_CHANNEL] = { "channel", N_("Channel") },
  [SC_DIM_TEAM] = { "team", N_("Team") },
  [SC_DIM_AGENT] = { "agent", N_("Agent") },
  [SC_DIM_PRIORITY] = { "priority", N_("Priority") },
  [SC_DIM_CATEGORY] = { "category", N_("Category") },
  [SC_DIM_CUSTOMER_SEGMENT] = { "customer_segment", N_("Customer segment") },
  [SC_DIM_REGION] = { "region", N_("Region") },
  [SC_DIM_PRODUCT] = { "product", N_("Product") },
  [SC_DIM_LANGUAGE] = { "language", N_("Language") },
  [SC_DIM_STATUS] = { "status", N_("Status") },
  [SC_DIM_TAGS] = { "tags", N_("Tags") },
};

static const char sqlite_magic[16] = "SQLite format 3";

/* ---- Helpers ----------------------------------------------------------- */

static gboolean
check_header (const char  *path,
              GError     **error)
{
  char header[16] = { 0 };
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SC_ERROR,
                   saved_errno == EACCES ? SC_ERROR_READ_ONLY : SC_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_A_STORE,
                   _("“%s” is empty, not a Scorecard store"), path);
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_A_STORE,
                   _("“%s” is not a Scorecard store (not a SQLite database)"), path);
      return FALSE;
    }
  return TRUE;
}

/* Runs SQLite's quick integrity check on an open connection. */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(5)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  if (rc != SQLITE_DONE && problems->len == 0)
    g_string_append (problems, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  if (problems->len > 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("“%s” is damaged and was not changed (%s)"), path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/* An import killed while it wrote through a rollback journal (see
 * begin_bulk() in sc-store-batch.c) leaves the journal beside the store,
 * and a read-only connection cannot read the store past it. SQLite rolls
 * such a journal back on the first read of a connection that may write,
 * which puts the store back exactly as it was before that import: this
 * is what opening does first, whatever the mode. A journal that belongs
 * to a write in progress in another process is left alone by SQLite. */
static gboolean
roll_back_interrupted_import (const char  *path,
                              GError     **error)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;
  GStatBuf st;
  int rc;

  if (g_stat (journal, &st) != 0 || st.st_size == 0)
    return TRUE;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, SC_STORE_BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, SC_ERROR, SC_ERROR_LOCKED,
                 _("“%s” is being written by another program; try again when it is done"), path);
  else if (rc != SQLITE_OK)
    g_set_error (error, SC_ERROR, SC_ERROR_FAILED,
                 _("An import into “%s” was interrupted, and the store could not be put back "
                   "as it was before it: %s"), path, sqlite3_errmsg (db));
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

/* Checks an existing file with a read-only connection, so that a refusal
 * never writes to it. Returns the schema version in @out_version. A
 * trusted open skips the integrity check (see sc_store_open()). */
static gboolean
inspect_existing (const char  *path,
                  gboolean     trusted,
                  int         *out_version,
                  GError     **error)
{
  sqlite3 *db = NULL;
  gint64 version = 0;
  gboolean ok = FALSE;

  if (!check_header (path, error) || !roll_back_interrupted_import (path, error))
    return FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), path, sqlite3_errmsg (db));
      goto out;
    }
  if (!_sc_store_query_int (db, "PRAGMA user_version", &version, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("“%s” is damaged and was not changed (%s)"), path, sqlite3_errmsg (db));
      goto out;
    }
  if (version > SC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Scorecard (schema %d; "
                     "this version reads up to %d). Update Scorecard to open it."),
                   path, (int) version, SC_STORE_SCHEMA_VERSION);
      goto out;
    }
  if (!trusted && !check_integrity (db, path, error))
    goto out;

  *out_version = (int) version;
  ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
check_writable (const char  *path,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY,
                   _("The folder “%s” cannot be written, so the store “%s” cannot be "
                     "opened for changes"), dir, path);
      return FALSE;
    }
  if (exists && g_access (path, W_OK) != 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY,
                   _("“%s” is read-only"), path);
      return FALSE;
    }
  return TRUE;
}

/* The single-instance lock: an flock() on the database file itself. The
 * descriptor stays open until after the connection closes, so closing it
 * can never drop SQLite's own POSIX locks. */
static gboolean
take_lock (ScStore  *self,
           GError  **error)
{
  self->lock_fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (self->lock_fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SC_ERROR, SC_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }
  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_LOCKED,
                   _("“%s” is open in another running Scorecard; close it there first, "
                     "or open another store"), self->path);
      g_close (self->lock_fd, NULL);
      self->lock_fd = -1;
      return FALSE;
    }
  return TRUE;
}

static char *
make_backup_path (const char *path,
                  int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.schema-%d-backup-%s", path, version, stamp);
}

/* Copies the file aside with SQLite's backup API, which takes a consistent
 * snapshot including anything still in the write-ahead log. */
static gboolean
backup_store (sqlite3     *db,
              const char  *backup_path,
              GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok;

  if (sqlite3_open_v2 (backup_path, &dest,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY,
                   _("Cannot write a backup to “%s”: %s"), backup_path, sqlite3_errmsg (dest));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", db, "main");
  ok = backup != NULL
       && sqlite3_backup_step (backup, -1) == SQLITE_DONE;
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  if (!ok)
    g_set_error (error, SC_ERROR, SC_ERROR_FAILED,
                 _("Cannot write a backup to “%s”: %s"), backup_path, sqlite3_errmsg (dest));
  sqlite3_close_v2 (dest);
  return ok;
}

static gboolean
migrate (ScStore  *self,
         int       from_version,
         GError  **error)
{
  g_autofree char *pragma = NULL;
  gint64 secure_delete = -1;
  gint64 schema_cookie = 0;
  int defensive = -1;
  gboolean ok = FALSE;

  if (from_version > 0)
    {
      self->backup_path = make_backup_path (self->path, from_version);
      if (!backup_store (self->db, self->backup_path, error))
        return FALSE;
    }

  /* Migrations rebuild tables (see migration_6), whose DROP TABLE would
   * run the ON DELETE actions of the tables referring to them; the
   * pragma has no effect inside a transaction, hence before BEGIN. */
  if (!_sc_store_exec (self->db, "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", error))
    goto restore;
  /* The pages of a table a migration rebuilds hold what the new table
   * holds: zeroing them as they are freed (Debian builds SQLite with
   * secure_delete on) would only write the store once more and take as
   * much memory (migrating a store of a million interactions: 382 MiB
   * and 7 s with it, 125 MiB and 4–5 s without). The freed pages are
   * reused by the next imports. */
  if (!_sc_store_query_int (self->db, "PRAGMA secure_delete", &secure_delete, error))
    goto fail;
  sqlite3_exec (self->db, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
  /* Migration 7 writes sqlite_schema, which a build of SQLite that
   * defaults to defensive mode would refuse. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  _sc_store_register_pack_function (self->db, TRUE);
  for (int v = from_version + 1; v <= SC_STORE_SCHEMA_VERSION; v++)
    if (!_sc_store_exec (self->db, _sc_store_schema_migration (v), error))
      goto fail;
  /* Migration 7 edits a stored CREATE TABLE, which changes no schema
   * cookie: bump it so that other connections to the store reload the
   * schema. */
  if (!_sc_store_query_int (self->db, "PRAGMA schema_version", &schema_cookie, error))
    goto fail;
  pragma = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT, schema_cookie + 1);
  if (!_sc_store_exec (self->db, pragma, error))
    goto fail;
  g_clear_pointer (&pragma, g_free);
  if (!_sc_store_exec (self->db, _sc_store_schema_dimensions (), error))
    goto fail;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", SC_STORE_SCHEMA_VERSION);
  if (!_sc_store_exec (self->db, pragma, error)
      || !_sc_store_exec (self->db, "COMMIT", error))
    goto fail;
  ok = TRUE;
  goto restore;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
restore:
  _sc_store_register_pack_function (self->db, FALSE);
  if (defensive >= 0)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (secure_delete >= 0)
    {
      g_autofree char *secure = g_strdup_printf ("PRAGMA secure_delete = %d", (int) secure_delete);

      sqlite3_exec (self->db, secure, NULL, NULL, NULL);
    }
  return ok;
}

static gboolean
configure_connection (ScStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, SC_STORE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  if (self->read_only)
    return _sc_store_exec (self->db, "PRAGMA foreign_keys = ON", error);
  return _sc_store_exec (self->db,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA cache_size = -" G_STRINGIFY (SC_STORE_CACHE_KIB) ";",
                         error);
}

/* ---- GObject ----------------------------------------------------------- */

static void
sc_store_finalize (GObject *object)
{
  ScStore *self = (ScStore *) object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  if (self->lock_fd >= 0)
    g_close (self->lock_fd, NULL);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (sc_store_parent_class)->finalize (object);
}

static void
sc_store_class_init (ScStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_store_finalize;

  /* SQLite's memory statistics take a global lock on every allocation
   * (tens of millions in a large import); nothing here reads them. This
   * only works before SQLite's first use in the process, as here. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
sc_store_init (ScStore *self)
{
  self->lock_fd = -1;
}

/* ---- Public API -------------------------------------------------------- */

const char *
sc_dimension_get_name (ScDimension dim)
{
  g_return_val_if_fail (dim < SC_DIM_N_BUILTIN, NULL);

  return dimension_names[dim].name;
}

const char *
sc_dimension_get_label (ScDimension dim)
{
  g_return_val_if_fail (dim < SC_DIM_N_BUILTIN, NULL);

  return _(dimension_names[dim].label);
}

gboolean
sc_dimension_from_name (const char  *name,
                        ScDimension *out_dim)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < SC_DIM_N_BUILTIN; i++)
    if (g_ascii_strcasecmp (name, dimension_names[i].name) == 0)
      {
        if (out_dim)
          *out_dim = i;
        return TRUE;
      }
  /* "segment" and "group" are common names for two of them. */
  if (g_ascii_strcasecmp (name, "segment") == 0)
    return (out_dim ? (*out_dim = SC_DIM_CUSTOMER_SEGMENT) : 0), TRUE;
  if (g_ascii_strcasecmp (name, "group") == 0)
    return (out_dim ? (*out_dim = SC_DIM_TEAM) : 0), TRUE;
  return FALSE;
}

/**
 * sc_store_default_path:
 *
 * Returns: (transfer full): the store in the user's data folder,
 *   `~/.local/share/<app-id>/scorecard.sqlite`
 */
char *
sc_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "scorecard.sqlite", NULL);
}

/**
 * sc_store_open:
 * @path: the store's file
 * @flags: how to open it
 * @error: return location for an error in the %SC_ERROR domain
 *
 * Opens (or with %SC_STORE_OPEN_CREATE creates) a store. Every bad state is
 * refused with a clear message before anything is written to the file: not
 * a SQLite database, damaged, written by a newer Scorecard, read-only, or
 * locked by another running Scorecard. A store with an older schema is
 * copied aside (see sc_store_dup_backup_path()) and then migrated.
 *
 * The integrity check reads every page of the file (about half a second
 * for a million interactions). %SC_STORE_OPEN_TRUSTED skips it for the
 * further connections of a process whose first open of the same file ran
 * it (the window's open checks; the import worker's and the engine's
 * connections need not check again). The trade-off: damage that appears
 * after the first check, while the process runs, is then found only by
 * the SQLite reads that touch the damaged pages (they fail with
 * SQLITE_CORRUPT, never silently), not up front. The first open of a
 * file in a process must never pass the flag.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
ScStore *
sc_store_open (const char        *path,
               ScStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(ScStore) self = NULL;
  gboolean read_only = (flags & SC_STORE_OPEN_READ_ONLY) != 0;
  gboolean exists;
  int version = 0;
  int open_flags;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_A_STORE, _("“%s” is not a file"), path);
      return NULL;
    }
  if (!exists && (read_only || !(flags & SC_STORE_OPEN_CREATE)))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("“%s” does not exist"), path);
      return NULL;
    }
  if (exists && !inspect_existing (path, (flags & SC_STORE_OPEN_TRUSTED) != 0, &version, error))
    return NULL;
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }
  if (!read_only && !check_writable (path, exists, error))
    return NULL;
  if (exists && (flags & SC_STORE_OPEN_LOCK) && !read_only && !take_lock (self, error))
    return NULL;

  open_flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!exists)
    open_flags |= SQLITE_OPEN_CREATE;
  open_flags |= (flags & SC_STORE_OPEN_SINGLE_THREAD) ? SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2 (path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      _sc_store_set_error (self->db, path, error);
      return NULL;
    }
  if (!exists && (flags & SC_STORE_OPEN_LOCK) && !take_lock (self, error))
    return NULL;
  /* A new store gets 16 KiB pages (SQLite's default is 4 KiB): a
   * million-row import writes a tenth faster, and splits fewer pages. Only possible before the first table exists. */
  if (!exists && !_sc_store_exec (self->db, "PRAGMA page_size = 16384", error))
    return NULL;
  if (!configure_connection (self, error))
    return NULL;

  if (version < SC_STORE_SCHEMA_VERSION)
    {
      if (read_only)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY,
                       _("“%s” needs to be upgraded, which a read-only store cannot be"), path);
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
sc_store_get_path (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return self->path;
}

gboolean
sc_store_is_read_only (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * sc_store_dup_backup_path:
 * @self: a store
 *
 * Returns: (transfer full) (nullable): the copy taken before a migration
 *   when opening this store migrated it, or %NULL
 */
char *
sc_store_dup_backup_path (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return g_strdup (self->backup_path);
}

int
sc_store_get_schema_version (ScStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!_sc_store_query_int (self->db, "PRAGMA user_version", &version, NULL))
    return 0;
  return (int) version;
}

sqlite3 *
sc_store_get_db (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return self->db;
}

gboolean
sc_store_check_integrity (ScStore  *self,
                          GError  **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  return check_integrity (self->db, self->path, error);
}

/**
 * sc_store_dup_content_checksum:
 * @self: a store
 * @error: return location for an error
 *
 * A SHA-256 over every record's key and value hash, in key order: two
 * stores with the same data have the same checksum, whatever order and
 * however many times it was imported.
 *
 * Returns: (transfer full) (nullable): the checksum as hex
 */
char *
sc_store_dup_content_checksum (ScStore  *self,
                               GError  **error)
{
  static const char * const queries[] = {
    "SELECT source, external_id, row_hash FROM interactions ORDER BY source, external_id",
    "SELECT source, external_id, row_hash FROM survey_responses ORDER BY source, external_id",
    "SELECT source, external_id, row_hash FROM customers ORDER BY source, external_id",
    "SELECT a.source, v.value || '@' || a.day, a.row_hash FROM agent_time a"
    " JOIN dimension_values v ON v.id = a.agent_id ORDER BY 1, 2",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = _sc_store_prepare (self->db, queries[i], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 row_hash = sqlite3_column_int64 (stmt, 2);

          for (int c = 0; c < 2; c++)
            g_checksum_update (checksum, sqlite3_column_text (stmt, c),
                               sqlite3_column_bytes (stmt, c) + 1);
          g_checksum_update (checksum, (const guchar *) &row_hash, sizeof row_hash);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _sc_store_set_error (self->db, _("Reading the store"), error);
          return NULL;
        }
      g_checksum_update (checksum, (const guchar *) "|", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * sc_store_dup_time_zone:
 * @self: a store
 *
 * The organisation's time zone: the `timezone` setting, read as an IANA
 * identifier; UTC when it is unset or names no zone.
 *
 * Returns: (transfer full): the zone
 */
GTimeZone *
sc_store_dup_time_zone (ScStore *self)
{
  g_autofree char *name = NULL;
  GTimeZone *zone = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), g_time_zone_new_utc ());

  name = sc_store_dup_setting (self, "timezone");
  if (name != NULL)
    zone = g_time_zone_new_identifier (name);
  return zone != NULL ? zone : g_time_zone_new_utc ();
}

/**
 * sc_store_dup_setting:
 * @self: a store
 * @key: the setting's name
 *
 * Returns: (transfer full) (nullable): the setting's value, or %NULL
 */
char *
sc_store_dup_setting (ScStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM settings WHERE key = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  _sc_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _sc_store_column_dup_text (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
sc_store_set_setting (ScStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = _sc_store_prepare (self->db, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = _sc_store_prepare (self->db,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  _sc_store_bind_text (stmt, 1, key);
  if (value != NULL)
    _sc_store_bind_text (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sc_store_set_error (self->db, _("Saving a setting"), error);
  return TRUE;
}

gboolean
sc_store_get_overview (ScStore         *self,
                       ScStoreOverview *overview,
                       GError         **error)
{
  static const struct
  {
    const char *sql;
    gsize offset;
  } queries[] = {
    { "SELECT count(*) FROM interactions", G_STRUCT_OFFSET (ScStoreOverview, interactions) },
    { "SELECT min(created_at) FROM interactions", G_STRUCT_OFFSET (ScStoreOverview, first_created) },
    { "SELECT max(created_at) FROM interactions", G_STRUCT_OFFSET (ScStoreOverview, last_created) },
    { "SELECT count(*) FROM survey_responses", G_STRUCT_OFFSET (ScStoreOverview, survey_responses) },
    { "SELECT count(*) FROM customers", G_STRUCT_OFFSET (ScStoreOverview, customers) },
    { "SELECT count(*) FROM agent_time", G_STRUCT_OFFSET (ScStoreOverview, agent_days) },
    { "SELECT count(*) FROM imports", G_STRUCT_OFFSET (ScStoreOverview, imports) },
    { "SELECT count(*) FROM rejects", G_STRUCT_OFFSET (ScStoreOverview, rejects) },
  };

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (overview != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    if (!_sc_store_query_int (self->db, queries[i].sql,
                    G_STRUCT_MEMBER_P (overview, queries[i].offset), error))
      return FALSE;
  return TRUE;
}

void
sc_import_record_free (ScImportRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->file_name);
  g_free (record->checksum);
  g_free (record->preset);
  g_free (record->source);
  g_free (record->mapping);
  g_free (record->status);
  g_free (record->message);
  g_free (record);
}

void
sc_reject_free (ScReject *reject)
{
  if (reject == NULL)
    return;
  g_free (reject->column);
  g_free (reject->value);
  g_free (reject->reason);
  g_free (reject->raw);
  g_free (reject);
}

static ScImportRecord *
import_record_from_row (sqlite3_stmt *stmt)
{
  ScImportRecord *record = g_new0 (ScImportRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->file_name = _sc_store_column_dup_text (stmt, 1);
  record->checksum = _sc_store_column_dup_text (stmt, 2);
  record->preset = _sc_store_column_dup_text (stmt, 3);
  record->source = _sc_store_column_dup_text (stmt, 4);
  record->mapping = _sc_store_column_dup_text (stmt, 5);
  record->started_at = _sc_store_column_int (stmt, 6);
  record->finished_at = _sc_store_column_int (stmt, 7);
  record->counts.rows_read = sqlite3_column_int64 (stmt, 8);
  record->counts.inserted = sqlite3_column_int64 (stmt, 9);
  record->counts.updated = sqlite3_column_int64 (stmt, 10);
  record->counts.unchanged = sqlite3_column_int64 (stmt, 11);
  record->counts.rejected = sqlite3_column_int64 (stmt, 12);
  record->status = _sc_store_column_dup_text (stmt, 13);
  record->message = _sc_store_column_dup_text (stmt, 14);
  return record;
}

/**
 * sc_store_list_imports:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScImportRecord): the import
 *   history, newest first
 */
GPtrArray *
sc_store_list_imports (ScStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_import_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self->db,
                            "SELECT id, file_name, checksum, preset, source, mapping, started_at,"
                            "       finished_at, rows_read, inserted, updated, unchanged, rejected,"
                            "       status, message "
                            "FROM imports ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, import_record_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self->db, _("Reading the import history"), error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * sc_store_list_rejects:
 * @self: a store
 * @import_id: an import's id, or 0 for the rejects of every import
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScReject): rejected rows in the
 *   order of their lines
 */
GPtrArray *
sc_store_list_rejects (ScStore  *self,
                       gint64    import_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) rejects = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_reject_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self->db,
                            "SELECT import_id, line, column_name, value, reason, raw FROM rejects "
                            "WHERE ?1 = 0 OR import_id = ?1 ORDER BY import_id, line",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, import_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScReject *reject = g_new0 (ScReject, 1);

      reject->import_id = sqlite3_column_int64 (stmt, 0);
      reject->line = sqlite3_column_int64 (stmt, 1);
      reject->column = _sc_store_column_dup_text (stmt, 2);
      reject->value = _sc_store_column_dup_text (stmt, 3);
      reject->reason = _sc_store_column_dup_text (stmt, 4);
      reject->raw = _sc_store_column_dup_text (stmt, 5);
      g_ptr_array_add (rejects, reject);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self->db, _("Reading rejected rows"), error);
      return NULL;
    }
  return g_steal_pointer (&rejects);
}

void
sc_dimension_info_free (ScDimensionInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->label);
  g_free (info);
}

/**
 * sc_dimension_list_lookup:
 * @dims: (element-type ScDimensionInfo): dimensions, as
 *   sc_store_list_dimensions() lists them
 * @name: a dimension's name or label, in any case ("plan", "Plan"), or a
 *   builtin dimension's alias ("segment", "group")
 *
 * Returns: (transfer none) (nullable): the dimension @name names
 */
const ScDimensionInfo *
sc_dimension_list_lookup (GPtrArray  *dims,
                          const char *name)
{
  ScDimension builtin;

  g_return_val_if_fail (dims != NULL && name != NULL, NULL);

  if (sc_dimension_from_name (name, &builtin))
    {
      for (guint i = 0; i < dims->len; i++)
        if (((ScDimensionInfo *) dims->pdata[i])->dim == builtin)
          return dims->pdata[i];
      return NULL;
    }
  for (guint i = 0; i < dims->len; i++)
    {
      const ScDimensionInfo *info = dims->pdata[i];

      if (g_ascii_strcasecmp (info->name, name) == 0)
        return info;
    }
  for (guint i = 0; i < dims->len; i++)
    {
      const ScDimensionInfo *info = dims->pdata[i];
      g_autofree char *a = g_utf8_casefold (info->label, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b))
        return info;
    }
  return NULL;
}

/**
 * sc_dimension_list_get_label:
 * @dims: (element-type ScDimensionInfo): dimensions, as
 *   sc_store_list_dimensions() lists them
 * @dim: a dimension
 *
 * Returns: the label of @dim: the builtin dimensions' without needing
 *   @dims, a custom one's from @dims, or a generic label when @dims does
 *   not know it
 */
const char *
sc_dimension_list_get_label (GPtrArray   *dims,
                             ScDimension  dim)
{
  if (dim < SC_DIM_N_BUILTIN)
    return sc_dimension_get_label (dim);
  for (guint i = 0; dims != NULL && i < dims->len; i++)
    if (((ScDimensionInfo *) dims->pdata[i])->dim == dim)
      return ((ScDimensionInfo *) dims->pdata[i])->label;
  return _("Field");
}

/**
 * sc_dimension_list_get_name:
 * @dims: (element-type ScDimensionInfo) (nullable): dimensions, as
 *   sc_store_list_dimensions() lists them
 * @dim: a dimension
 *
 * Returns: the name of @dim ("channel", "plan"), or "field" when @dims
 *   does not know a custom one
 */
const char *
sc_dimension_list_get_name (GPtrArray   *dims,
                            ScDimension  dim)
{
  if (dim < SC_DIM_N_BUILTIN)
    return sc_dimension_get_name (dim);
  for (guint i = 0; dims != NULL && i < dims->len; i++)
    if (((ScDimensionInfo *) dims->pdata[i])->dim == dim)
      return ((ScDimensionInfo *) dims->pdata[i])->name;
  return "field";
}

/**
 * sc_store_list_dimensions:
 * @self: a store
 * @error: return location for an error
 *
 * Lists the dimensions of the store: the builtin ones in #ScDimension
 * order, then those kept from imports in the order they were added.
 *
 * Returns: (transfer full) (element-type ScDimensionInfo): the dimensions
 */
GPtrArray *
sc_store_list_dimensions (ScStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) dims = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_dimension_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  for (ScDimension dim = 0; dim < SC_DIM_N_BUILTIN; dim++)
    {
      ScDimensionInfo *info = g_new0 (ScDimensionInfo, 1);

      info->dim = dim;
      info->name = g_strdup (sc_dimension_get_name (dim));
      info->label = g_strdup (sc_dimension_get_label (dim));
      g_ptr_array_add (dims, info);
    }
  stmt = _sc_store_prepare (self->db,
                            "SELECT id, name, label FROM dimensions"
                            " WHERE id > ?1 AND id <= ?2 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, SC_DIM_N_BUILTIN);
  sqlite3_bind_int (stmt, 2, SC_DIM_MAX);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScDimensionInfo *info = g_new0 (ScDimensionInfo, 1);

      info->dim = (ScDimension) (sqlite3_column_int64 (stmt, 0) - 1);
      info->name = _sc_store_column_dup_text (stmt, 1);
      info->label = _sc_store_column_dup_text (stmt, 2);
      info->custom = TRUE;
      g_ptr_array_add (dims, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self->db, _("Reading the dimensions"), error);
      return NULL;
    }
  return g_steal_pointer (&dims);
}

/**
 * sc_store_list_dimension_values:
 * @self: a store
 * @dim: a dimension
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8): the values the store knows
 *   for @dim, sorted
 */
GPtrArray *
sc_store_list_dimension_values (ScStore      *self,
                                ScDimension   dim,
                                GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self->db,
                            "SELECT value FROM dimension_values WHERE dimension_id = ?1 "
                            "ORDER BY value COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, (gint64) dim + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, _sc_store_column_dup_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self->db, _("Reading dimension values"), error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

void
sc_interaction_init (ScInteraction *interaction)
{
  static const ScInteraction empty = {
    .kind = SC_KIND_TICKET,
    .created_at = SC_MISSING, .first_reply_at = SC_MISSING,
    .resolved_at = SC_MISSING, .closed_at = SC_MISSING,
    .resolved = SC_MISSING, .replies = SC_MISSING, .reopens = SC_MISSING,
    .agent_touches = SC_MISSING, .contacts = SC_MISSING,
    .first_reply_s = SC_MISSING, .first_reply_bh_s = SC_MISSING,
    .resolution_s = SC_MISSING, .resolution_bh_s = SC_MISSING,
    .handle_s = SC_MISSING, .talk_s = SC_MISSING, .hold_s = SC_MISSING,
    .wrap_s = SC_MISSING, .wait_s = SC_MISSING,
    .sla_target_s = SC_MISSING, .sla_breached = SC_MISSING,
    .abandoned = SC_MISSING, .escalated = SC_MISSING, .self_service = SC_MISSING,
    .survey_offered = SC_MISSING, .csat = SC_MISSING, .csat_scale = SC_MISSING,
    .nps = SC_MISSING, .ces = SC_MISSING, .ces_scale = SC_MISSING,
  };

  g_return_if_fail (interaction != NULL);

  *interaction = empty;
}

void
sc_survey_response_init (ScSurveyResponse *response)
{
  g_return_if_fail (response != NULL);

  memset (response, 0, sizeof *response);
  response->responded_at = SC_MISSING;
  response->score = SC_MISSING;
  response->scale = SC_MISSING;
}

void
sc_customer_init (ScCustomer *customer)
{
  g_return_if_fail (customer != NULL);

  memset (customer, 0, sizeof *customer);
  customer->started_at = SC_MISSING;
  customer->churned_at = SC_MISSING;
  customer->purchases = 0;
}

void
sc_agent_time_init (ScAgentTime *agent_time)
{
  g_return_if_fail (agent_time != NULL);

  memset (agent_time, 0, sizeof *agent_time);
  agent_time->day = SC_MISSING;
  agent_time->available_s = SC_MISSING;
  agent_time->active_s = SC_MISSING;
}
