/* sc-store-targets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets and baselines in the store. Every version is kept: a row is in
 * force from its valid_from until its valid_to (Unix seconds), so the
 * targets as of any past instant can be listed and the history of one
 * target shown. Changing a target closes the version in force and adds a
 * new one; unsetting it only closes it. Every call that writes is one
 * transaction.
 *
 * The rules (which target applies where, attainment, parsing) live in
 * src/core/targets; this file only keeps the rows.
 */

#pragma once

#include "sc-metric.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScTargetPeriodKind:
 * @SC_TARGET_PERIOD_MONTH: one calendar month
 * @SC_TARGET_PERIOD_QUARTER: one calendar quarter
 * @SC_TARGET_PERIOD_YEAR: one calendar year
 * @SC_TARGET_PERIOD_FROM: every period from a date onward
 *
 * What a target's period covers. The order is the order of precedence,
 * most specific first.
 */
typedef enum
{
  SC_TARGET_PERIOD_MONTH,
  SC_TARGET_PERIOD_QUARTER,
  SC_TARGET_PERIOD_YEAR,
  SC_TARGET_PERIOD_FROM,
} ScTargetPeriodKind;

/**
 * ScTargetPeriod:
 * @kind: what it covers
 * @start_day: its first day (a day number, see sc-calendar.h): the first
 *   of the month, quarter or year, or any date for %SC_TARGET_PERIOD_FROM
 *
 * The period a target applies to.
 */
typedef struct
{
  ScTargetPeriodKind kind;
  gint32             start_day;
} ScTargetPeriod;

/**
 * ScTarget:
 * @id: the row of this version (0 before it is stored)
 * @metric: the metric
 * @segment: the canonical segment key (`channel=Email;team=Billing`), or
 *   the empty string for all interactions; see sc_segment_key_parse()
 * @period: the period it applies to
 * @value: the target in the metric's base unit (seconds, percent 0–100,
 *   NPS points, score, count, money)
 * @at_risk_band: how far short of the target still counts as "at risk",
 *   as a fraction (0.05: within 5 %); see sc_target_evaluate()
 * @note: (nullable): the manager's note
 * @valid_from: when this version came into force (Unix seconds)
 * @valid_to: when it was replaced or unset, %SC_MISSING while in force
 *
 * One version of a target.
 */
typedef struct
{
  gint64          id;
  ScMetricId      metric;
  char           *segment;
  ScTargetPeriod  period;
  double          value;
  double          at_risk_band;
  char           *note;
  gint64          valid_from;
  gint64          valid_to;
} ScTarget;

/**
 * ScBaselineKind:
 * @SC_BASELINE_FIXED: a value typed in
 * @SC_BASELINE_RANGE: the metric's value over a chosen range of days
 * @SC_BASELINE_TRAILING: its value over the whole months just before the
 *   period being looked at
 * @SC_BASELINE_LAST_YEAR: its value over the same period a year earlier
 *
 * Where a baseline's value comes from.
 */
typedef enum
{
  SC_BASELINE_FIXED,
  SC_BASELINE_RANGE,
  SC_BASELINE_TRAILING,
  SC_BASELINE_LAST_YEAR,
} ScBaselineKind;

/**
 * ScBaseline:
 * @id: the row of this version (0 before it is stored)
 * @metric: the metric
 * @segment: the canonical segment key, or the empty string
 * @kind: where the value comes from
 * @value: the fixed value, or the frozen value of a computed baseline;
 *   NaN for a computed baseline that is not frozen
 * @range_from: the first day of a %SC_BASELINE_RANGE baseline
 * @range_to: its last day
 * @months: the number of months of a %SC_BASELINE_TRAILING baseline
 * @frozen: a computed baseline keeps @value instead of following the data
 * @note: (nullable): the manager's note
 * @valid_from: when this version came into force (Unix seconds)
 * @valid_to: when it was replaced or unset, %SC_MISSING while in force
 *
 * One version of a baseline.
 */
typedef struct
{
  gint64          id;
  ScMetricId      metric;
  char           *segment;
  ScBaselineKind  kind;
  double          value;
  gint32          range_from;
  gint32          range_to;
  guint           months;
  gboolean        frozen;
  char           *note;
  gint64          valid_from;
  gint64          valid_to;
} ScBaseline;

/**
 * ScTargetEdit:
 * @target: the target to set; with @unset only its key (metric, segment,
 *   period) is read
 * @unset: end the target of that key instead of setting it
 *
 * One change in sc_store_apply_target_edits().
 */
typedef struct
{
  const ScTarget *target;
  gboolean        unset;
} ScTargetEdit;

/**
 * ScBaselineEdit:
 * @baseline: the baseline to set; with @unset only its key (metric,
 *   segment) is read
 * @unset: end the baseline of that key instead of setting it
 *
 * One change in sc_store_apply_baseline_edits().
 */
typedef struct
{
  const ScBaseline *baseline;
  gboolean          unset;
} ScBaselineEdit;

ScTarget   *sc_target_new                   (ScMetricId             metric,
                                             const char            *segment,
                                             const ScTargetPeriod  *period,
                                             double                 value) G_GNUC_WARN_UNUSED_RESULT;
ScTarget   *sc_target_copy                  (const ScTarget        *target) G_GNUC_WARN_UNUSED_RESULT;
void        sc_target_free                  (ScTarget              *target);
gboolean    sc_target_same_key              (const ScTarget        *a,
                                             const ScTarget        *b);

ScBaseline *sc_baseline_new                 (ScMetricId             metric,
                                             const char            *segment,
                                             ScBaselineKind         kind) G_GNUC_WARN_UNUSED_RESULT;
ScBaseline *sc_baseline_copy                (const ScBaseline      *baseline) G_GNUC_WARN_UNUSED_RESULT;
void        sc_baseline_free                (ScBaseline            *baseline);

const char *sc_target_period_kind_to_string (ScTargetPeriodKind    kind);
gboolean    sc_target_period_kind_from_string (const char          *text,
                                             ScTargetPeriodKind    *kind);
const char *sc_baseline_kind_to_string      (ScBaselineKind         kind);
gboolean    sc_baseline_kind_from_string    (const char            *text,
                                             ScBaselineKind        *kind);

gboolean    sc_store_apply_target_edits     (ScStore               *self,
                                             const ScTargetEdit    *edits,
                                             guint                  n_edits,
                                             gint64                 now,
                                             GPtrArray            **out_previous,
                                             guint                 *out_n_changed,
                                             GError               **error);
GPtrArray  *sc_store_list_targets           (ScStore               *self,
                                             gint64                 as_of,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sc_store_list_target_versions   (ScStore               *self,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sc_store_list_target_history    (ScStore               *self,
                                             ScMetricId             metric,
                                             const char            *segment,
                                             const ScTargetPeriod  *period,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean    sc_store_apply_baseline_edits   (ScStore               *self,
                                             const ScBaselineEdit  *edits,
                                             guint                  n_edits,
                                             gint64                 now,
                                             GPtrArray            **out_previous,
                                             guint                 *out_n_changed,
                                             GError               **error);
GPtrArray  *sc_store_list_baselines         (ScStore               *self,
                                             gint64                 as_of,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sc_store_list_baseline_history  (ScStore               *self,
                                             ScMetricId             metric,
                                             const char            *segment,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTarget, sc_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScBaseline, sc_baseline_free)

G_END_DECLS
