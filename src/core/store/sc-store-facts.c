/* sc-store-facts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk reads for the metrics engine. The scans read in rowid order (the
 * table's natural order, sequential on disk); the engine sorts by creation
 * time itself when the rows are not already in that order.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-store-facts.h"
#include "sc-store-private.h"

#define INTERACTION_COLUMNS "id, created_at, tags, %s, facts"

/* Where ScFactRow keeps each packed fact; -1 for those it has no field
 * for. */
#define R(field) G_STRUCT_OFFSET (ScFactRow, field)
static const gssize row_fields[SC_PACKED_N] = {
  R (kind), R (first_reply_at), R (resolved_at), -1,
  R (dims[0]), R (dims[1]), R (dims[2]), R (dims[3]), R (dims[4]),
  R (dims[5]), R (dims[6]), R (dims[7]), R (dims[8]), R (dims[9]),
  R (resolved), -1 /* replies */, R (reopens), R (agent_touches), -1 /* contacts */,
  R (first_reply_s), R (first_reply_bh_s), R (resolution_s), R (resolution_bh_s),
  R (handle_s), R (talk_s), R (hold_s), R (wrap_s), R (wait_s),
  R (sla_target_s), R (sla_breached),
  R (abandoned), R (escalated), R (self_service),
  R (survey_offered), R (csat), R (csat_scale), R (nps), R (ces), R (ces_scale),
};
#undef R

G_STATIC_ASSERT (SC_DIM_TAGS == 10);

void
sc_fact_dimension_value_free (ScFactDimensionValue *value)
{
  if (value == NULL)
    return;
  g_free (value->value);
  g_free (value);
}

static inline gint64
column_int (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return SC_MISSING;
  return sqlite3_column_int64 (stmt, column);
}

static gboolean
finish_scan (sqlite3       *db,
             sqlite3_stmt  *stmt,
             int            rc,
             const char    *what,
             GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _sc_store_set_error (db, what, error);
  return TRUE;
}

/**
 * sc_store_get_data_version:
 * @self: a store
 *
 * A number that changes whenever an import (or any batch) changes the
 * facts: a fingerprint of the imports table, which every write of
 * interactions, surveys, customers and agent time goes through. Settings,
 * targets and baselines do not change it.
 *
 * Returns: the version; 0 for an empty store, -1 when it cannot be read
 */
gint64
sc_store_get_data_version (ScStore *self)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  g_return_val_if_fail (SC_IS_STORE (self), -1);

  db = sc_store_get_db (self);
  if (sqlite3_prepare_v2 (db,
                          "SELECT count(*), coalesce(max(id), 0),"
                          " coalesce(sum(inserted + updated), 0),"
                          " coalesce(max(finished_at), 0),"
                          " coalesce(sum(status = 'done'), 0)"
                          " FROM imports",
                          -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint64 h = 1469598103934665603ULL;

      for (int i = 0; i < 5; i++)
        h = (h ^ (guint64) sqlite3_column_int64 (stmt, i)) * 1099511628211ULL;
      version = sqlite3_column_int64 (stmt, 0) == 0 ? 0 : (gint64) (h >> 1);
    }
  sqlite3_finalize (stmt);
  return version;
}

/**
 * sc_store_count_interactions:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: the number of interactions, or -1 on error
 */
gint64
sc_store_count_interactions (ScStore  *self,
                             GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), -1);

  db = sc_store_get_db (self);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM interactions", -1, &stmt, NULL) != SQLITE_OK)
    {
      _sc_store_set_error (db, _("Counting interactions"), error);
      return -1;
    }
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (!finish_scan (db, stmt, rc, _("Counting interactions"), error))
    return -1;
  return n;
}

static gboolean
read_fact_row (sqlite3_stmt *stmt,
               ScFactRow    *row)
{
  gint64 facts[SC_PACKED_N];

  row->id = sqlite3_column_int64 (stmt, 0);
  row->created_at = sqlite3_column_int64 (stmt, 1);
  row->tags = (const char *) sqlite3_column_text (stmt, 2);
  row->customer_id = (const char *) sqlite3_column_text (stmt, 3);
  if (!_sc_store_unpack_facts (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4),
                               row->created_at, facts))
    return FALSE;
  for (guint i = 0; i < SC_PACKED_N; i++)
    if (row_fields[i] >= 0)
      G_STRUCT_MEMBER (gint64, row, row_fields[i]) = facts[i];
  return TRUE;
}

/**
 * sc_store_scan_interactions:
 * @self: a store
 * @with_customers: whether to read each row's customer id (costs time;
 *   only the no-repeat FCR rule needs it)
 * @func: (scope call): called once per interaction, in rowid order
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Reads every interaction with the columns the metrics need.
 *
 * Returns: %TRUE on success (also when @func stopped the scan)
 */
gboolean
sc_store_scan_interactions (ScStore        *self,
                            gboolean        with_customers,
                            ScFactRowFunc   func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  ScFactRow row;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  db = sc_store_get_db (self);
  sql = g_strdup_printf ("SELECT " INTERACTION_COLUMNS " FROM interactions ORDER BY id",
                         with_customers ? "customer_id" : "NULL");
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return _sc_store_set_error (db, _("Reading interactions"), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!read_fact_row (stmt, &row))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                       _("Reading interactions: the facts of interaction %" G_GINT64_FORMAT
                         " in “%s” are damaged"), row.id, sc_store_get_path (self));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!func (&row, user_data))
        break;
    }
  return finish_scan (db, stmt, rc, _("Reading interactions"), error);
}

/**
 * sc_store_scan_customers:
 * @self: a store
 * @func: (scope call): called once per customer
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_scan_customers (ScStore             *self,
                         ScFactCustomerFunc   func,
                         gpointer             user_data,
                         GError             **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  ScFactCustomer customer;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  db = sc_store_get_db (self);
  if (sqlite3_prepare_v2 (db,
                          "SELECT started_at, churned_at, segment_id, region_id, revenue, purchases"
                          " FROM customers ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _sc_store_set_error (db, _("Reading customers"), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      customer.started_at = column_int (stmt, 0);
      customer.churned_at = column_int (stmt, 1);
      customer.segment_id = column_int (stmt, 2);
      customer.region_id = column_int (stmt, 3);
      customer.revenue = sqlite3_column_double (stmt, 4);
      customer.purchases = column_int (stmt, 5);
      if (!func (&customer, user_data))
        break;
    }
  return finish_scan (db, stmt, rc, _("Reading customers"), error);
}

/**
 * sc_store_scan_agent_time:
 * @self: a store
 * @func: (scope call): called once per agent day
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_scan_agent_time (ScStore             *self,
                          ScFactAgentDayFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  ScFactAgentDay agent_day;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  db = sc_store_get_db (self);
  if (sqlite3_prepare_v2 (db,
                          "SELECT agent_id, team_id, day, available_s, active_s"
                          " FROM agent_time ORDER BY day, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _sc_store_set_error (db, _("Reading agent time"), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      agent_day.agent_id = column_int (stmt, 0);
      agent_day.team_id = column_int (stmt, 1);
      agent_day.day = column_int (stmt, 2);
      agent_day.available_s = column_int (stmt, 3);
      agent_day.active_s = column_int (stmt, 4);
      if (!func (&agent_day, user_data))
        break;
    }
  return finish_scan (db, stmt, rc, _("Reading agent time"), error);
}

/**
 * sc_store_scan_interaction_fields:
 * @self: a store
 * @func: (scope call): called once per value of a custom dimension
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Reads the values of the custom dimensions, in ascending interaction id
 * (the order sc_store_scan_interactions() reads the interactions in).
 *
 * Returns: %TRUE on success (also when @func stopped the scan)
 */
gboolean
sc_store_scan_interaction_fields (ScStore          *self,
                                  ScFactFieldFunc   func,
                                  gpointer          user_data,
                                  GError          **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  db = sc_store_get_db (self);
  if (sqlite3_prepare_v2 (db,
                          "SELECT interaction_id, dimension_id, value_id FROM interaction_fields"
                          " WHERE dimension_id > ?1 AND dimension_id <= ?2"
                          " ORDER BY interaction_id, dimension_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return _sc_store_set_error (db, _("Reading interactions"), error);
  sqlite3_bind_int (stmt, 1, SC_DIM_N_BUILTIN);
  sqlite3_bind_int (stmt, 2, SC_DIM_MAX);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (sqlite3_column_int64 (stmt, 0),
               (ScDimension) (sqlite3_column_int64 (stmt, 1) - 1),
               sqlite3_column_int64 (stmt, 2), user_data))
      break;
  return finish_scan (db, stmt, rc, _("Reading interactions"), error);
}

/**
 * sc_store_list_all_dimension_values:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScFactDimensionValue): every
 *   dimension value of the builtin and custom dimensions, by id; %NULL on
 *   error
 */
GPtrArray *
sc_store_list_all_dimension_values (ScStore  *self,
                                    GError  **error)
{
  g_autoptr(GPtrArray) values = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  db = sc_store_get_db (self);
  if (sqlite3_prepare_v2 (db,
                          "SELECT id, dimension_id, value FROM dimension_values"
                          " WHERE dimension_id BETWEEN 1 AND ?1 ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _sc_store_set_error (db, _("Reading dimension values"), error);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, SC_DIM_MAX);
  values = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_fact_dimension_value_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScFactDimensionValue *value = g_new0 (ScFactDimensionValue, 1);

      value->id = sqlite3_column_int64 (stmt, 0);
      value->dim = (ScDimension) (sqlite3_column_int64 (stmt, 1) - 1);
      value->value = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (values, value);
    }
  if (!finish_scan (db, stmt, rc, _("Reading dimension values"), error))
    return NULL;
  return g_steal_pointer (&values);
}
