/* sc-store-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Annotations and frozen review snapshots (tables of schema version 2).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-store-private.h"
#include "sc-store-review.h"

void
sc_annotation_free (ScAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->day);
  g_free (annotation->metric);
  g_free (annotation->text);
  g_free (annotation);
}

void
sc_review_snapshot_free (ScReviewSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->period);
  g_free (snapshot->comparison);
  g_free (snapshot->content);
  g_free (snapshot);
}

/**
 * sc_store_add_annotation:
 * @self: a writable store
 * @day: the local date, `YYYY-MM-DD`
 * @metric: (nullable): the metric id the note is about, %NULL for all
 * @text: the note
 * @error: return location for an error
 *
 * Returns: the new annotation's id, or 0 on error
 */
gint64
sc_store_add_annotation (ScStore     *self,
                         const char  *day,
                         const char  *metric,
                         const char  *text,
                         GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), 0);
  g_return_val_if_fail (day != NULL && text != NULL, 0);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "INSERT INTO annotations (day, metric, text, created_at) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return 0;
  _sc_store_bind_text (stmt, 1, day);
  _sc_store_bind_text (stmt, 2, metric);
  _sc_store_bind_text (stmt, 3, text);
  _sc_store_bind_int (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!_sc_store_step_done (db, stmt, _("Saving an annotation"), error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

gboolean
sc_store_delete_annotation (ScStore  *self,
                            gint64    id,
                            GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  db = sc_store_get_db (self);
  if ((stmt = _sc_store_prepare (db, "DELETE FROM annotations WHERE id = ?1", error)) == NULL)
    return FALSE;
  _sc_store_bind_int (stmt, 1, id);
  return _sc_store_step_done (db, stmt, _("Deleting an annotation"), error);
}

/**
 * sc_store_list_annotations:
 * @self: a store
 * @first_day: the first date, `YYYY-MM-DD`
 * @last_day: the last date (inclusive)
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScAnnotation): the annotations
 *   pinned to dates in the range, by date and then in the order written
 */
GPtrArray *
sc_store_list_annotations (ScStore     *self,
                           const char  *first_day,
                           const char  *last_day,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_annotation_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (first_day != NULL && last_day != NULL, NULL);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "SELECT id, day, metric, text, created_at FROM annotations "
                            "WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id",
                            error);
  if (stmt == NULL)
    return NULL;
  _sc_store_bind_text (stmt, 1, first_day);
  _sc_store_bind_text (stmt, 2, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScAnnotation *annotation = g_new0 (ScAnnotation, 1);

      annotation->id = _sc_store_column_int (stmt, 0);
      annotation->day = _sc_store_column_dup_text (stmt, 1);
      annotation->metric = _sc_store_column_dup_text (stmt, 2);
      annotation->text = _sc_store_column_dup_text (stmt, 3);
      annotation->created_at = _sc_store_column_int (stmt, 4);
      g_ptr_array_add (list, annotation);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (db, _("Reading annotations"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * sc_store_save_review_snapshot:
 * @self: a writable store
 * @period: the review's period
 * @comparison: its comparison
 * @created_at: the instant of freezing (Unix seconds)
 * @content: the frozen numbers
 * @error: return location for an error
 *
 * Returns: the snapshot's id, or 0 on error
 */
gint64
sc_store_save_review_snapshot (ScStore     *self,
                               const char  *period,
                               const char  *comparison,
                               gint64       created_at,
                               const char  *content,
                               GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), 0);
  g_return_val_if_fail (period != NULL && comparison != NULL && content != NULL, 0);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "INSERT INTO review_snapshots (period, comparison, created_at, content) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return 0;
  _sc_store_bind_text (stmt, 1, period);
  _sc_store_bind_text (stmt, 2, comparison);
  _sc_store_bind_int (stmt, 3, created_at);
  _sc_store_bind_text (stmt, 4, content);
  if (!_sc_store_step_done (db, stmt, _("Freezing the review"), error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

/**
 * sc_store_dup_latest_review_snapshot:
 * @self: a store
 * @period: the review's period
 * @comparison: its comparison
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the most recently frozen review of
 *   @period and @comparison; %NULL without @error set when there is none
 */
ScReviewSnapshot *
sc_store_dup_latest_review_snapshot (ScStore     *self,
                                     const char  *period,
                                     const char  *comparison,
                                     GError     **error)
{
  g_autoptr(ScReviewSnapshot) snapshot = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL && comparison != NULL, NULL);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "SELECT id, created_at, content FROM review_snapshots "
                            "WHERE period = ?1 AND comparison = ?2 "
                            "ORDER BY created_at DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  _sc_store_bind_text (stmt, 1, period);
  _sc_store_bind_text (stmt, 2, comparison);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      snapshot = g_new0 (ScReviewSnapshot, 1);
      snapshot->id = _sc_store_column_int (stmt, 0);
      snapshot->period = g_strdup (period);
      snapshot->comparison = g_strdup (comparison);
      snapshot->created_at = _sc_store_column_int (stmt, 1);
      snapshot->content = _sc_store_column_dup_text (stmt, 2);
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (db, _("Reading the frozen review"), error);
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

/**
 * sc_store_dup_interaction_by_rank:
 * @self: a store
 * @from: an instant (Unix seconds)
 * @rank: how many interactions created at or after @from come before the
 *   one wanted, in the order of creation and then of import
 * @created_at: (out): its creation instant
 * @error: return location for an error
 *
 * The interaction in a given place of the order the fact cache keeps
 * (creation time, then row), so that a row of the cache can be traced to
 * its source: row i of a cache whose first row created at or after @from
 * is row k is the interaction of rank i − k.
 *
 * Returns: (transfer full) (nullable): its id in its source, or %NULL with
 *   @error set
 */
char *
sc_store_dup_interaction_by_rank (ScStore  *self,
                                  gint64    from,
                                  guint     rank,
                                  gint64   *created_at,
                                  GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *external_id = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (created_at != NULL, NULL);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "SELECT external_id, created_at FROM interactions "
                            "WHERE created_at >= ?1 ORDER BY created_at, id LIMIT 1 OFFSET ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, rank);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      external_id = _sc_store_column_dup_text (stmt, 0);
      *created_at = _sc_store_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, SC_ERROR, SC_ERROR_FAILED,
                 _("The store has fewer interactions than its fact cache"));
  else if (rc != SQLITE_ROW)
    _sc_store_set_error (db, _("Reading an interaction"), error);
  return external_id;
}
