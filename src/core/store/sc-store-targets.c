/* sc-store-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-calendar.h"
#include "sc-store-private.h"
#include "sc-store-targets.h"

#define TARGET_COLUMNS \
  "id, metric, segment, period_kind, period_start, value, at_risk_band, note, valid_from, valid_to"
#define BASELINE_COLUMNS \
  "id, metric, segment, kind, value, range_from, range_to, months, frozen, note, valid_from, valid_to"

/* A version is in force at ?1 when it started at or before ?1 and had not
 * ended by then. */
#define IN_FORCE_AT "valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)"

static const char * const period_kind_names[] = { "month", "quarter", "year", "from" };
static const char * const baseline_kind_names[] = { "fixed", "range", "trailing", "last_year" };

/* ---- Structs --------------------------------------------------------------- */

/**
 * sc_target_new:
 * @metric: the metric
 * @segment: (nullable): the canonical segment key, %NULL or empty for all
 * @period: the period
 * @value: the value in the metric's base unit
 *
 * Returns: (transfer full): a new target with the default at-risk band of
 *   5 % and no note
 */
ScTarget *
sc_target_new (ScMetricId            metric,
               const char           *segment,
               const ScTargetPeriod *period,
               double                value)
{
  ScTarget *target;

  g_return_val_if_fail (metric < SC_METRIC_N, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  target = g_new0 (ScTarget, 1);
  target->metric = metric;
  target->segment = g_strdup (segment ? segment : "");
  target->period = *period;
  target->value = value;
  target->at_risk_band = 0.05;
  target->valid_to = SC_MISSING;
  return target;
}

ScTarget *
sc_target_copy (const ScTarget *target)
{
  ScTarget *copy;

  g_return_val_if_fail (target != NULL, NULL);

  copy = g_memdup2 (target, sizeof *target);
  copy->segment = g_strdup (target->segment);
  copy->note = g_strdup (target->note);
  return copy;
}

void
sc_target_free (ScTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->segment);
  g_free (target->note);
  g_free (target);
}

/**
 * sc_target_same_key:
 * @a: a target
 * @b: another
 *
 * Returns: whether @a and @b are versions of the same target: the same
 *   metric, segment and period
 */
gboolean
sc_target_same_key (const ScTarget *a,
                    const ScTarget *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->metric == b->metric
         && g_strcmp0 (a->segment, b->segment) == 0
         && a->period.kind == b->period.kind
         && a->period.start_day == b->period.start_day;
}

/**
 * sc_baseline_new:
 * @metric: the metric
 * @segment: (nullable): the canonical segment key, %NULL or empty for all
 * @kind: where its value comes from
 *
 * Returns: (transfer full): a new baseline with no value (NaN), no range,
 *   three trailing months, not frozen
 */
ScBaseline *
sc_baseline_new (ScMetricId      metric,
                 const char     *segment,
                 ScBaselineKind  kind)
{
  ScBaseline *baseline;

  g_return_val_if_fail (metric < SC_METRIC_N, NULL);

  baseline = g_new0 (ScBaseline, 1);
  baseline->metric = metric;
  baseline->segment = g_strdup (segment ? segment : "");
  baseline->kind = kind;
  baseline->value = NAN;
  baseline->months = 3;
  baseline->valid_to = SC_MISSING;
  return baseline;
}

ScBaseline *
sc_baseline_copy (const ScBaseline *baseline)
{
  ScBaseline *copy;

  g_return_val_if_fail (baseline != NULL, NULL);

  copy = g_memdup2 (baseline, sizeof *baseline);
  copy->segment = g_strdup (baseline->segment);
  copy->note = g_strdup (baseline->note);
  return copy;
}

void
sc_baseline_free (ScBaseline *baseline)
{
  if (baseline == NULL)
    return;
  g_free (baseline->segment);
  g_free (baseline->note);
  g_free (baseline);
}

/**
 * sc_target_period_kind_to_string:
 * @kind: a period kind
 *
 * Returns: `month`, `quarter`, `year` or `from`, as stored and as written
 *   in JSON
 */
const char *
sc_target_period_kind_to_string (ScTargetPeriodKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (period_kind_names), NULL);

  return period_kind_names[kind];
}

gboolean
sc_target_period_kind_from_string (const char         *text,
                                   ScTargetPeriodKind *kind)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (period_kind_names); i++)
    if (g_str_equal (text, period_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * sc_baseline_kind_to_string:
 * @kind: a baseline kind
 *
 * Returns: `fixed`, `range`, `trailing` or `last_year`
 */
const char *
sc_baseline_kind_to_string (ScBaselineKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (baseline_kind_names), NULL);

  return baseline_kind_names[kind];
}

gboolean
sc_baseline_kind_from_string (const char     *text,
                              ScBaselineKind *kind)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (baseline_kind_names); i++)
    if (g_str_equal (text, baseline_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* ---- Helpers ----------------------------------------------------------------- */

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* An empty note is no note. */
static const char *
note_or_null (const char *note)
{
  return note != NULL && note[0] != '\0' ? note : NULL;
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           gint32        day)
{
  g_autofree char *text = sc_calendar_format_date (day);

  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

static gboolean
column_metric (sqlite3_stmt  *stmt,
               int            column,
               ScMetricId    *metric,
               GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  const ScMetric *entry = text ? sc_metric_lookup (text) : NULL;

  if (entry == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("The store holds a target or baseline for “%s”, which is not a metric "
                     "this version of Scorecard knows"), text ? text : "");
      return FALSE;
    }
  *metric = entry->id;
  return TRUE;
}

static gboolean
column_day (sqlite3_stmt  *stmt,
            int            column,
            gint32        *day,
            GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    {
      *day = 0;
      return TRUE;
    }
  if (sc_calendar_parse_date (text, day))
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
               _("The store holds “%s” where a date belongs"), text);
  return FALSE;
}

static gboolean
begin (sqlite3  *db,
       GError  **error)
{
  return _sc_store_exec (db, "BEGIN IMMEDIATE", error);
}

static gboolean
finish (sqlite3   *db,
        gboolean   ok,
        GError   **error)
{
  if (ok && _sc_store_exec (db, "COMMIT", error))
    return TRUE;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
close_version (sqlite3     *db,
               const char  *table_sql,
               gint64       id,
               gint64       at,
               GError     **error)
{
  sqlite3_stmt *stmt = _sc_store_prepare (db, table_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, at);
  return _sc_store_step_done (db, stmt, _("Closing a version"), error);
}

/* ---- Versions: what targets and baselines share ------------------------------ */

/* How one kind of versioned record (a target, a baseline) and the edits
 * of it are laid out, checked, found, compared and written. */
typedef struct
{
  const char     *close_sql;
  gsize           id_offset;
  gsize           valid_from_offset;
  GDestroyNotify  free;
  gsize           edit_size;
  gsize           edit_record_offset;
  gsize           edit_unset_offset;
  gboolean      (*check)     (gconstpointer record, gboolean unset, GError **error);
  gpointer      (*current)   (sqlite3 *db, gconstpointer key, GError **error);
  gboolean      (*unchanged) (gconstpointer current, gconstpointer wanted);
  gboolean      (*insert)    (sqlite3 *db, gconstpointer record, gint64 at, GError **error);
} Versioned;

#define AT_OFFSET(base, offset, type) (*(type *) (gpointer) ((guint8 *) (base) + (offset)))

/* Applies one edit inside the open transaction; *out_previous gets the
 * version in force before (the caller owns it). A version never starts
 * before the one it replaces, even when the clock went back. */
static gboolean
apply_edit (sqlite3          *db,
            const Versioned  *kind,
            gconstpointer     wanted,
            gboolean          unset,
            gint64            now,
            gpointer         *out_previous,
            guint            *n_changed,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer current;
  gint64 at = now;

  if (!kind->check (wanted, unset, error))
    return FALSE;
  current = kind->current (db, wanted, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *out_previous = current;
  if ((current != NULL && !unset && kind->unchanged (current, wanted)) || (current == NULL && unset))
    return TRUE;
  if (current != NULL)
    {
      at = MAX (now, AT_OFFSET (current, kind->valid_from_offset, gint64));
      if (!close_version (db, kind->close_sql, AT_OFFSET (current, kind->id_offset, gint64), at, error))
        return FALSE;
    }
  if (!unset && !kind->insert (db, wanted, at, error))
    return FALSE;
  (*n_changed)++;
  return TRUE;
}

/* Applies @n_edits edits of @kind in one transaction: all or none. */
static gboolean
apply_edits (ScStore           *self,
             const Versioned   *kind,
             gconstpointer      edits,
             guint              n_edits,
             gint64             now,
             GPtrArray        **out_previous,
             guint             *out_n_changed,
             GError           **error)
{
  g_autoptr(GPtrArray) previous = g_ptr_array_new_with_free_func (kind->free);
  sqlite3 *db = sc_store_get_db (self);
  guint n_changed = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (edits != NULL || n_edits == 0, FALSE);
  for (guint i = 0; i < n_edits; i++)
    g_return_val_if_fail (AT_OFFSET ((guint8 *) edits + i * kind->edit_size,
                                     kind->edit_record_offset, gconstpointer) != NULL, FALSE);

  if (!begin (db, error))
    return FALSE;
  for (guint i = 0; ok && i < n_edits; i++)
    {
      gconstpointer edit = (const guint8 *) edits + i * kind->edit_size;
      gpointer before = NULL;

      ok = apply_edit (db, kind, AT_OFFSET (edit, kind->edit_record_offset, gconstpointer),
                       AT_OFFSET (edit, kind->edit_unset_offset, gboolean), now, &before,
                       &n_changed, error);
      g_ptr_array_add (previous, before);
    }
  if (!finish (db, ok, ok ? error : NULL))
    return FALSE;
  if (out_previous != NULL)
    *out_previous = g_steal_pointer (&previous);
  if (out_n_changed != NULL)
    *out_n_changed = n_changed;
  return TRUE;
}

/* ---- Targets ------------------------------------------------------------------ */

static ScTarget *
target_from_row (sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(ScTarget) target = g_new0 (ScTarget, 1);
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);

  target->id = sqlite3_column_int64 (stmt, 0);
  if (!column_metric (stmt, 1, &target->metric, error))
    return NULL;
  target->segment = _sc_store_column_dup_text (stmt, 2);
  if (kind == NULL || !sc_target_period_kind_from_string (kind, &target->period.kind))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("The store holds a target with the period kind “%s”"), kind ? kind : "");
      return NULL;
    }
  if (!column_day (stmt, 4, &target->period.start_day, error))
    return NULL;
  target->value = column_double (stmt, 5);
  target->at_risk_band = column_double (stmt, 6);
  target->note = _sc_store_column_dup_text (stmt, 7);
  target->valid_from = sqlite3_column_int64 (stmt, 8);
  target->valid_to = _sc_store_column_int (stmt, 9);
  if (target->segment == NULL)
    target->segment = g_strdup ("");
  return g_steal_pointer (&target);
}

/* Runs a prepared SELECT of TARGET_COLUMNS (or BASELINE_COLUMNS) and
 * collects its rows; finalizes the statement. */
static GPtrArray *
collect_rows (sqlite3        *db,
              sqlite3_stmt   *stmt,
              gpointer      (*from_row) (sqlite3_stmt *, GError **),
              GDestroyNotify  free_func,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = from_row (stmt, error);

      if (row == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (db, _("Reading targets and baselines"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The versions of @select (SELECT … FROM table) in force at @as_of, or now
 * for %SC_MISSING, ordered by @order. */
static GPtrArray *
list_in_force (sqlite3         *db,
               const char      *select,
               const char      *order,
               gint64           as_of,
               gpointer       (*from_row) (sqlite3_stmt *, GError **),
               GDestroyNotify   free_func,
               GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s ORDER BY %s", select,
                                          as_of == SC_MISSING ? "valid_to IS NULL" : IN_FORCE_AT,
                                          order);
  sqlite3_stmt *stmt = _sc_store_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (as_of != SC_MISSING)
    sqlite3_bind_int64 (stmt, 1, as_of);
  return collect_rows (db, stmt, from_row, free_func, error);
}

static void
bind_target_key (sqlite3_stmt   *stmt,
                 ScMetricId      metric,
                 const char     *segment,
                 const ScTargetPeriod *period)
{
  sqlite3_bind_text (stmt, 1, sc_metric_get (metric)->id_string, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, segment ? segment : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sc_target_period_kind_to_string (period->kind), -1, SQLITE_STATIC);
  bind_date (stmt, 4, period->start_day);
}

/* The version of @key in force now, or NULL (with @error unset) when none. */
static gpointer
current_target (sqlite3        *db,
                gconstpointer   record,
                GError        **error)
{
  const ScTarget *key = record;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = NULL;

  stmt = _sc_store_prepare (db,
                            "SELECT " TARGET_COLUMNS " FROM targets WHERE metric = ?1"
                            " AND segment = ?2 AND period_kind = ?3 AND period_start = ?4"
                            " AND valid_to IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_target_key (stmt, key->metric, key->segment, &key->period);
  rows = collect_rows (db, stmt, (gpointer) target_from_row, (GDestroyNotify) sc_target_free, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

static gboolean
insert_target (sqlite3        *db,
               gconstpointer   record,
               gint64          at,
               GError        **error)
{
  const ScTarget *target = record;
  sqlite3_stmt *stmt;

  stmt = _sc_store_prepare (db,
                            "INSERT INTO targets (metric, segment, period_kind, period_start,"
                            " value, at_risk_band, note, valid_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_target_key (stmt, target->metric, target->segment, &target->period);
  sqlite3_bind_double (stmt, 5, target->value);
  sqlite3_bind_double (stmt, 6, target->at_risk_band);
  _sc_store_bind_text (stmt, 7, note_or_null (target->note));
  sqlite3_bind_int64 (stmt, 8, at);
  return _sc_store_step_done (db, stmt, _("Saving a target"), error);
}

static gboolean
check_target (gconstpointer   record,
              gboolean        unset,
              GError        **error)
{
  const ScTarget *target = record;

  g_return_val_if_fail (target->metric < SC_METRIC_N, FALSE);
  g_return_val_if_fail (target->period.kind <= SC_TARGET_PERIOD_FROM, FALSE);

  if (unset)
    return TRUE;
  if (!isfinite (target->value))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A target of %s needs a value"), sc_metric_get (target->metric)->id_string);
      return FALSE;
    }
  if (!(target->at_risk_band >= 0 && target->at_risk_band < 1))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("The at-risk band of a target must be from 0 %% to under 100 %%, not %g %%"),
                   target->at_risk_band * 100);
      return FALSE;
    }
  return TRUE;
}

static gboolean
target_unchanged (gconstpointer a,
                  gconstpointer b)
{
  const ScTarget *current = a, *wanted = b;

  return same_double (current->value, wanted->value)
         && same_double (current->at_risk_band, wanted->at_risk_band)
         && g_strcmp0 (note_or_null (current->note), note_or_null (wanted->note)) == 0;
}

/**
 * sc_store_apply_target_edits:
 * @self: a store
 * @edits: (array length=n_edits): the changes
 * @n_edits: their number
 * @now: the time of the change (Unix seconds)
 * @out_previous: (out) (optional) (transfer full) (element-type ScTarget):
 *   for each edit, the version that was in force before, or %NULL
 * @out_n_changed: (out) (optional): how many edits changed anything (setting
 *   a target to what it already is, or unsetting one that is not set, does
 *   not add a version)
 * @error: return location for an error
 *
 * Sets or unsets targets, all in one transaction: either every edit is
 * kept or none.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_apply_target_edits (ScStore             *self,
                             const ScTargetEdit  *edits,
                             guint                n_edits,
                             gint64               now,
                             GPtrArray          **out_previous,
                             guint               *out_n_changed,
                             GError             **error)
{
  static const Versioned targets = {
    "UPDATE targets SET valid_to = ?2 WHERE id = ?1",
    G_STRUCT_OFFSET (ScTarget, id), G_STRUCT_OFFSET (ScTarget, valid_from),
    (GDestroyNotify) sc_target_free,
    sizeof (ScTargetEdit), G_STRUCT_OFFSET (ScTargetEdit, target), G_STRUCT_OFFSET (ScTargetEdit, unset),
    check_target, current_target, target_unchanged, insert_target,
  };

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  return apply_edits (self, &targets, edits, n_edits, now, out_previous, out_n_changed, error);
}

/**
 * sc_store_list_targets:
 * @self: a store
 * @as_of: an instant (Unix seconds), or %SC_MISSING for the targets in
 *   force now
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScTarget) (nullable): the
 *   versions in force at @as_of, ordered by metric id, segment, period
 *   kind and start
 */
GPtrArray *
sc_store_list_targets (ScStore  *self,
                       gint64    as_of,
                       GError  **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return list_in_force (sc_store_get_db (self),
                        "SELECT " TARGET_COLUMNS " FROM targets",
                        "metric, segment, period_kind, period_start", as_of,
                        (gpointer) target_from_row, (GDestroyNotify) sc_target_free, error);
}

/**
 * sc_store_list_target_versions:
 * @self: a store
 * @error: return location for an error
 *
 * Every version of every target, for answering "as of" questions about
 * many periods at once (see sc_target_index_new()).
 *
 * Returns: (transfer full) (element-type ScTarget) (nullable): the
 *   versions, ordered by metric id, segment, period, then oldest first
 */
GPtrArray *
sc_store_list_target_versions (ScStore  *self,
                               GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "SELECT " TARGET_COLUMNS " FROM targets"
                            " ORDER BY metric, segment, period_kind, period_start, valid_from, id",
                            error);
  if (stmt == NULL)
    return NULL;
  return collect_rows (db, stmt, (gpointer) target_from_row, (GDestroyNotify) sc_target_free, error);
}

/**
 * sc_store_list_target_history:
 * @self: a store
 * @metric: the metric
 * @segment: (nullable): the canonical segment key, %NULL or empty for all
 * @period: the period
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScTarget) (nullable): every
 *   version of one target, oldest first
 */
GPtrArray *
sc_store_list_target_history (ScStore              *self,
                              ScMetricId            metric,
                              const char           *segment,
                              const ScTargetPeriod *period,
                              GError              **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (metric < SC_METRIC_N, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "SELECT " TARGET_COLUMNS " FROM targets WHERE metric = ?1"
                            " AND segment = ?2 AND period_kind = ?3 AND period_start = ?4"
                            " ORDER BY valid_from, id",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_target_key (stmt, metric, segment, period);
  return collect_rows (db, stmt, (gpointer) target_from_row, (GDestroyNotify) sc_target_free, error);
}

/* ---- Baselines ---------------------------------------------------------------- */

static ScBaseline *
baseline_from_row (sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(ScBaseline) baseline = g_new0 (ScBaseline, 1);
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);
  gint64 months;

  baseline->id = sqlite3_column_int64 (stmt, 0);
  if (!column_metric (stmt, 1, &baseline->metric, error))
    return NULL;
  baseline->segment = _sc_store_column_dup_text (stmt, 2);
  if (kind == NULL || !sc_baseline_kind_from_string (kind, &baseline->kind))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("The store holds a baseline of the kind “%s”"), kind ? kind : "");
      return NULL;
    }
  baseline->value = column_double (stmt, 4);
  if (!column_day (stmt, 5, &baseline->range_from, error)
      || !column_day (stmt, 6, &baseline->range_to, error))
    return NULL;
  months = _sc_store_column_int (stmt, 7);
  baseline->months = months == SC_MISSING ? 0 : (guint) CLAMP (months, 0, G_MAXINT);
  baseline->frozen = sqlite3_column_int (stmt, 8) != 0;
  baseline->note = _sc_store_column_dup_text (stmt, 9);
  baseline->valid_from = sqlite3_column_int64 (stmt, 10);
  baseline->valid_to = _sc_store_column_int (stmt, 11);
  if (baseline->segment == NULL)
    baseline->segment = g_strdup ("");
  return g_steal_pointer (&baseline);
}

static void
bind_baseline_key (sqlite3_stmt *stmt,
                   ScMetricId    metric,
                   const char   *segment)
{
  sqlite3_bind_text (stmt, 1, sc_metric_get (metric)->id_string, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, segment ? segment : "", -1, SQLITE_TRANSIENT);
}

static gpointer
current_baseline (sqlite3        *db,
                  gconstpointer   record,
                  GError        **error)
{
  const ScBaseline *key = record;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = NULL;

  stmt = _sc_store_prepare (db,
                            "SELECT " BASELINE_COLUMNS " FROM baselines WHERE metric = ?1"
                            " AND segment = ?2 AND valid_to IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_baseline_key (stmt, key->metric, key->segment);
  rows = collect_rows (db, stmt, (gpointer) baseline_from_row,
                       (GDestroyNotify) sc_baseline_free, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

static gboolean
insert_baseline (sqlite3        *db,
                 gconstpointer   record,
                 gint64          at,
                 GError        **error)
{
  const ScBaseline *baseline = record;
  sqlite3_stmt *stmt;
  /* A frozen trailing or last-year baseline keeps the range it was
   * computed over. */
  gboolean ranged = baseline->kind == SC_BASELINE_RANGE
                    || (baseline->kind != SC_BASELINE_FIXED && baseline->frozen);

  stmt = _sc_store_prepare (db,
                            "INSERT INTO baselines (metric, segment, kind, value, range_from,"
                            " range_to, months, frozen, note, valid_from)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_baseline_key (stmt, baseline->metric, baseline->segment);
  sqlite3_bind_text (stmt, 3, sc_baseline_kind_to_string (baseline->kind), -1, SQLITE_STATIC);
  bind_double (stmt, 4, baseline->value);
  if (ranged)
    {
      bind_date (stmt, 5, baseline->range_from);
      bind_date (stmt, 6, baseline->range_to);
    }
  _sc_store_bind_int (stmt, 7, baseline->kind == SC_BASELINE_TRAILING ? baseline->months : SC_MISSING);
  sqlite3_bind_int (stmt, 8, baseline->kind != SC_BASELINE_FIXED && baseline->frozen);
  _sc_store_bind_text (stmt, 9, note_or_null (baseline->note));
  sqlite3_bind_int64 (stmt, 10, at);
  return _sc_store_step_done (db, stmt, _("Saving a baseline"), error);
}

static gboolean
check_baseline (gconstpointer   record,
                gboolean        unset,
                GError        **error)
{
  const ScBaseline *baseline = record;
  const char *id;

  g_return_val_if_fail (baseline->metric < SC_METRIC_N, FALSE);
  g_return_val_if_fail (baseline->kind <= SC_BASELINE_LAST_YEAR, FALSE);

  id = sc_metric_get (baseline->metric)->id_string;
  if (unset)
    return TRUE;
  if ((baseline->kind == SC_BASELINE_FIXED || baseline->frozen) && !isfinite (baseline->value))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("A fixed or frozen baseline of %s needs a value"), id);
  else if (baseline->kind == SC_BASELINE_RANGE && baseline->range_from > baseline->range_to)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("The baseline range of %s ends before it starts"), id);
  else if (baseline->kind == SC_BASELINE_TRAILING && (baseline->months < 1 || baseline->months > 120))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("A trailing baseline of %s covers 1 to 120 months, not %u"), id, baseline->months);
  else
    return TRUE;
  return FALSE;
}

static gboolean
baseline_unchanged (gconstpointer record_a,
                    gconstpointer record_b)
{
  const ScBaseline *a = record_a, *b = record_b;
  gboolean frozen_a = a->kind != SC_BASELINE_FIXED && a->frozen;
  gboolean frozen_b = b->kind != SC_BASELINE_FIXED && b->frozen;

  if (a->kind != b->kind || frozen_a != frozen_b
      || g_strcmp0 (note_or_null (a->note), note_or_null (b->note)) != 0)
    return FALSE;
  if ((a->kind == SC_BASELINE_FIXED || frozen_a) && !same_double (a->value, b->value))
    return FALSE;
  if (a->kind == SC_BASELINE_RANGE
      && (a->range_from != b->range_from || a->range_to != b->range_to))
    return FALSE;
  return a->kind != SC_BASELINE_TRAILING || a->months == b->months;
}

/**
 * sc_store_apply_baseline_edits:
 * @self: a store
 * @edits: (array length=n_edits): the changes
 * @n_edits: their number
 * @now: the time of the change (Unix seconds)
 * @out_previous: (out) (optional) (transfer full) (element-type ScBaseline):
 *   for each edit, the version that was in force before, or %NULL
 * @out_n_changed: (out) (optional): how many edits changed anything
 * @error: return location for an error
 *
 * Sets or unsets baselines, all in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_store_apply_baseline_edits (ScStore               *self,
                               const ScBaselineEdit  *edits,
                               guint                  n_edits,
                               gint64                 now,
                               GPtrArray            **out_previous,
                               guint                 *out_n_changed,
                               GError               **error)
{
  static const Versioned baselines = {
    "UPDATE baselines SET valid_to = ?2 WHERE id = ?1",
    G_STRUCT_OFFSET (ScBaseline, id), G_STRUCT_OFFSET (ScBaseline, valid_from),
    (GDestroyNotify) sc_baseline_free,
    sizeof (ScBaselineEdit), G_STRUCT_OFFSET (ScBaselineEdit, baseline),
    G_STRUCT_OFFSET (ScBaselineEdit, unset),
    check_baseline, current_baseline, baseline_unchanged, insert_baseline,
  };

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  return apply_edits (self, &baselines, edits, n_edits, now, out_previous, out_n_changed, error);
}

/**
 * sc_store_list_baselines:
 * @self: a store
 * @as_of: an instant (Unix seconds), or %SC_MISSING for now
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScBaseline) (nullable): the
 *   versions in force at @as_of, ordered by metric id and segment
 */
GPtrArray *
sc_store_list_baselines (ScStore  *self,
                         gint64    as_of,
                         GError  **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return list_in_force (sc_store_get_db (self),
                        "SELECT " BASELINE_COLUMNS " FROM baselines", "metric, segment", as_of,
                        (gpointer) baseline_from_row, (GDestroyNotify) sc_baseline_free, error);
}

/**
 * sc_store_list_baseline_history:
 * @self: a store
 * @metric: the metric
 * @segment: (nullable): the canonical segment key, %NULL or empty for all
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type ScBaseline) (nullable): every
 *   version of one baseline, oldest first
 */
GPtrArray *
sc_store_list_baseline_history (ScStore     *self,
                                ScMetricId   metric,
                                const char  *segment,
                                GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (metric < SC_METRIC_N, NULL);

  db = sc_store_get_db (self);
  stmt = _sc_store_prepare (db,
                            "SELECT " BASELINE_COLUMNS " FROM baselines WHERE metric = ?1"
                            " AND segment = ?2 ORDER BY valid_from, id",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_baseline_key (stmt, metric, segment);
  return collect_rows (db, stmt, (gpointer) baseline_from_row,
                       (GDestroyNotify) sc_baseline_free, error);
}
