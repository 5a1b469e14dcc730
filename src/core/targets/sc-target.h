/* sc-target.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of targets: periods and segments as text, which target applies
 * to a period and a segment (precedence), which version was in force at a
 * time ("as of"), and how an actual value stands against its target
 * (attainment and status). The structs themselves (#ScTarget,
 * #ScTargetPeriod, #ScBaseline) are declared with the store that keeps
 * them, in sc-store-targets.h.
 *
 * Segments are written as a canonical key: `dimension=value` conditions
 * joined by `;`, sorted by dimension name, e.g. `channel=Email;team=Billing`;
 * the empty key means all interactions.
 *
 * Precedence (most specific wins), in this order:
 *  1. more segment conditions beat fewer (a Chat target beats the
 *     all-channel one; channel + team beats channel);
 *  2. a month target beats a quarter target, which beats a year target,
 *     which beats a from-date target;
 *  3. of two from-date targets, the later start wins;
 *  4. of targets still tied (two different one-condition segments that
 *     both match), the one set most recently wins.
 *
 * Period matching: a month, quarter or year target applies to every bucket
 * (day, week, month, quarter, year, or a free range) lying within it, so
 * a Q4 target applies to October, November and December and to their days
 * and weeks, but not to the whole year; a from-date target applies to every
 * bucket whose last day is on or after its date, i.e. the month it starts
 * in and every later one.
 */

#pragma once

#include <glib.h>

#include "sc-metric-settings.h"
#include "sc-query.h"
#include "sc-store-targets.h"

G_BEGIN_DECLS

/* ---- Periods --------------------------------------------------------------- */

gboolean    sc_target_period_parse       (const char            *text,
                                          ScTargetPeriod        *period,
                                          GError               **error);
gboolean    sc_target_month_parse        (const char            *what,
                                          const char            *text,
                                          gint32                *first_day,
                                          GError               **error);
char       *sc_target_period_format      (const ScTargetPeriod  *period) G_GNUC_WARN_UNUSED_RESULT;
void        sc_target_period_init_month  (ScTargetPeriod        *period,
                                          int                    year,
                                          int                    month);
gint32      sc_target_period_get_last_day (const ScTargetPeriod *period);
gboolean    sc_target_period_contains    (const ScTargetPeriod  *period,
                                          gint32                 first_day,
                                          gint32                 last_day);

/* ---- Segments -------------------------------------------------------------- */

char       *sc_segment_key_parse         (const char            *text,
                                          ScStore               *store,
                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;
char       *sc_segment_key_from_conditions (const char * const  *conditions,
                                          ScStore               *store,
                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;
char       *sc_segment_key_from_filters  (const GPtrArray       *filters) G_GNUC_WARN_UNUSED_RESULT;
char       *sc_segment_key_add           (const char            *key,
                                          ScDimension            dim,
                                          const char            *value) G_GNUC_WARN_UNUSED_RESULT;
guint       sc_segment_key_count         (const char            *key);
gboolean    sc_segment_key_matches       (const char            *key,
                                          const char            *context);
char       *sc_segment_key_describe      (const char            *key) G_GNUC_WARN_UNUSED_RESULT;
void        sc_segment_key_add_to_query  (const char            *key,
                                          ScQuery               *query);

/* ---- Which target applies -------------------------------------------------- */

/**
 * ScTargetIndex:
 *
 * Versions of targets, arranged to answer "which target applies to this
 * metric, segment and period, as of this time" quickly, e.g. for every
 * bucket of a trend.
 */
typedef struct _ScTargetIndex ScTargetIndex;

ScTargetIndex  *sc_target_index_new      (GPtrArray             *versions) G_GNUC_WARN_UNUSED_RESULT;
ScTargetIndex  *sc_target_index_load     (ScStore               *store,
                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void            sc_target_index_free     (ScTargetIndex         *self);
const ScTarget *sc_target_index_lookup   (const ScTargetIndex   *self,
                                          ScMetricId             metric,
                                          const char            *context,
                                          gint32                 first_day,
                                          gint32                 last_day,
                                          gint64                 as_of);
GPtrArray      *sc_target_index_list     (const ScTargetIndex   *self,
                                          gint64                 as_of) G_GNUC_WARN_UNUSED_RESULT;
gint64          sc_target_review_instant (gint32                 last_day,
                                          GTimeZone             *zone,
                                          gint64                 now);
int             sc_target_compare_precedence (const ScTarget    *a,
                                          const ScTarget        *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTargetIndex, sc_target_index_free)

/* ---- How an actual stands against its target ------------------------------ */

/**
 * ScTargetStatus:
 * @SC_TARGET_STATUS_NONE: no target applies
 * @SC_TARGET_STATUS_NO_DATA: there is a target but no actual value
 * @SC_TARGET_STATUS_MET: the actual is on the good side of the target
 * @SC_TARGET_STATUS_AT_RISK: short of the target, but within its at-risk band
 * @SC_TARGET_STATUS_MISSED: short of the target beyond the band
 *
 * The status a dashboard card shows.
 */
typedef enum
{
  SC_TARGET_STATUS_NONE,
  SC_TARGET_STATUS_NO_DATA,
  SC_TARGET_STATUS_MET,
  SC_TARGET_STATUS_AT_RISK,
  SC_TARGET_STATUS_MISSED,
} ScTargetStatus;

/**
 * ScAttainment:
 * @status: met, at risk or missed (or no data)
 * @attainment: how much of the target was attained, in percent (100 =
 *   exactly on target, more is better, clamped to 0…999); NaN without data
 * @gap: the distance to the target in the metric's unit, positive on the
 *   good side (for lower-is-better metrics, target − actual)
 * @at_risk_limit: the value where "at risk" turns into "missed" (on the
 *   bad side of the target; for neutral metrics its lower side)
 * @reference: the scale's natural zero the percentages are measured from
 *   (0 for rates, durations, counts and money; −100 for NPS; the scale's
 *   lowest score for CES)
 * @direction: the direction used
 *
 * The attainment of a target; see sc_attainment_compute() for the
 * definitions.
 */
typedef struct
{
  ScTargetStatus     status;
  double             attainment;
  double             gap;
  double             at_risk_limit;
  double             reference;
  ScMetricDirection  direction;
} ScAttainment;

void        sc_attainment_compute        (ScMetricId              metric,
                                          const ScMetricSettings *settings,
                                          double                  target,
                                          double                  band,
                                          double                  actual,
                                          ScAttainment           *out);
void        sc_target_evaluate           (const ScTarget         *target,
                                          const ScMetricSettings *settings,
                                          double                  actual,
                                          ScAttainment           *out);
const ScTarget *sc_target_index_status   (const ScTargetIndex    *self,
                                          const ScMetricSettings *settings,
                                          ScMetricId              metric,
                                          const char             *context,
                                          gint32                  first_day,
                                          gint32                  last_day,
                                          GTimeZone              *zone,
                                          gint64                  now,
                                          double                  actual,
                                          ScAttainment           *out);
const char *sc_target_status_to_string   (ScTargetStatus          status);
const char *sc_target_status_get_label   (ScTargetStatus          status);

G_END_DECLS
