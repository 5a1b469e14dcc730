/* sc-store-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-store-private.h"

gboolean
_sc_store_set_error (sqlite3     *db,
                     const char  *what,
                     GError     **error)
{
  int code = sqlite3_errcode (db);
  ScError sc_code = SC_ERROR_FAILED;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    sc_code = SC_ERROR_DAMAGED;
  else if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
    sc_code = SC_ERROR_READ_ONLY;
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    sc_code = SC_ERROR_LOCKED;

  g_set_error (error, SC_ERROR, sc_code, "%s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

gboolean
_sc_store_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _sc_store_set_error (db, "SQL", error);
  return TRUE;
}

sqlite3_stmt *
_sc_store_prepare (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _sc_store_set_error (db, "Preparing a statement", error);
      return NULL;
    }
  return stmt;
}

/* Runs @sql, which returns one integer (SC_MISSING for NULL or no row). */
gboolean
_sc_store_query_int (sqlite3     *db,
                     const char  *sql,
                     gint64      *out,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return _sc_store_set_error (db, sql, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = _sc_store_column_int (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = SC_MISSING;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sc_store_set_error (db, sql, error);
  return TRUE;
}

gboolean
_sc_store_step_done (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sc_store_set_error (db, what, error);
  return TRUE;
}

void
_sc_store_bind_int (sqlite3_stmt *stmt,
                    int           index,
                    gint64        value)
{
  if (value == SC_MISSING)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

void
_sc_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

gint64
_sc_store_column_int (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return SC_MISSING;
  return sqlite3_column_int64 (stmt, column);
}

char *
_sc_store_column_dup_text (sqlite3_stmt *stmt,
                           int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}
