/* sc-query.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What to compute (#ScQuery) and what came out (#ScQueryResult,
 * #ScMetricValue, #ScDrivers). Plain structs and GPtrArray/GArray, free of
 * GTK, so the user interface, the command line and the report consume the
 * same results.
 *
 * Days are day numbers (days since 1970-01-01, see sc-calendar.h) in the
 * organisation's time zone; ranges are inclusive of both ends.
 */

#pragma once

#include <glib.h>

#include "sc-calendar.h"
#include "sc-metric.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScComparison:
 * @SC_COMPARE_NONE: no comparison
 * @SC_COMPARE_PREVIOUS: the period just before, as long (whole months
 *   shift by months, so February compares with January)
 * @SC_COMPARE_YEAR: the same dates a year earlier
 * @SC_COMPARE_BASELINE: the baseline range set with
 *   sc_query_set_baseline(); every bucket compares with its whole value
 */
typedef enum
{
  SC_COMPARE_NONE,
  SC_COMPARE_PREVIOUS,
  SC_COMPARE_YEAR,
  SC_COMPARE_BASELINE,
} ScComparison;

gboolean    sc_comparison_from_string (const char   *text,
                                       ScComparison *comparison);

/**
 * ScQuery:
 * @metrics: (element-type ScMetricId): the metrics, in output order
 * @has_range: whether @from_day…@to_day bound the query (else all data)
 * @from_day: the first day
 * @to_day: the last day
 * @grain: the trend's grain, or %SC_GRAIN_NONE for one value per range
 * @grouped: whether to break down by @group_by
 * @group_by: the dimension (tags: an interaction counts in each of its tags)
 * @filters: (element-type ScQueryFilter): every filter must match
 * @comparison: what to compare with
 * @baseline_from: the baseline's first day (for %SC_COMPARE_BASELINE)
 * @baseline_to: the baseline's last day
 *
 * A metrics query. Build it with the setters or fill the fields.
 */
typedef struct
{
  GArray       *metrics;
  gboolean      has_range;
  gint32        from_day;
  gint32        to_day;
  ScGrain       grain;
  gboolean      grouped;
  ScDimension   group_by;
  GPtrArray    *filters;
  ScComparison  comparison;
  gint32        baseline_from;
  gint32        baseline_to;
} ScQuery;

/**
 * ScQueryFilter:
 * @dim: the dimension
 * @values: (element-type utf8): accepted value texts (any one matches)
 *
 * One filter: @dim in @values.
 */
typedef struct
{
  ScDimension  dim;
  GPtrArray   *values;
} ScQueryFilter;

ScQuery  *sc_query_new            (void) G_GNUC_WARN_UNUSED_RESULT;
void      sc_query_free           (ScQuery      *query);
void      sc_query_add_metric     (ScQuery      *query,
                                   ScMetricId    metric);
void      sc_query_add_all_metrics (ScQuery     *query);
void      sc_query_set_range      (ScQuery      *query,
                                   gint32        from_day,
                                   gint32        to_day);
void      sc_query_set_grain      (ScQuery      *query,
                                   ScGrain       grain);
void      sc_query_set_group_by   (ScQuery      *query,
                                   ScDimension   dim);
void      sc_query_add_filter     (ScQuery      *query,
                                   ScDimension   dim,
                                   const char   *value);
void      sc_query_set_comparison (ScQuery      *query,
                                   ScComparison  comparison);
void      sc_query_set_baseline   (ScQuery      *query,
                                   gint32        from_day,
                                   gint32        to_day);
void      sc_query_get_comparison_range (const ScQuery *query,
                                   gint32        from_day,
                                   gint32        to_day,
                                   gint32       *cmp_from,
                                   gint32       *cmp_to);
gboolean  sc_period_parse         (const char   *text,
                                   gint32       *from_day,
                                   gint32       *to_day,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQuery, sc_query_free)

/**
 * ScBucket:
 * @label: `2026-02`, `2026-W07`, `2026-Q1`, `2026`, `2026-02-10`, or
 *   `FROM..TO` for a whole range
 * @first_day: its first day (clipped to the query's range)
 * @last_day: its last day (clipped likewise)
 *
 * One time bucket of a result.
 */
typedef struct
{
  char   *label;
  gint32  first_day;
  gint32  last_day;
} ScBucket;

/**
 * ScSegment:
 * @code: the dense value code in the fact cache (0 = no value)
 * @label: the value's text, or `(none)` for interactions without one
 *
 * One segment of a grouped result.
 */
typedef struct
{
  gint32  code;
  char   *label;
} ScSegment;

/**
 * ScMetricValue:
 * @metric: the metric
 * @bucket: index into #ScQueryResult.buckets
 * @segment: index into #ScQueryResult.segments, -1 when not grouped
 * @value: the value in the metric's base unit; NaN when there is no data
 * @n: the sample size (the denominator's rows: answered interactions,
 *   ratings, resolved interactions, …; interactions for volume)
 * @numerator: what was counted or summed (sum of seconds for mean
 *   durations, promoters − detractors for NPS, …); NaN for medians
 * @denominator: what it was divided by
 * @ci_low: lower bound of the 95 % interval (NaN when none: counts, n < 2)
 * @ci_high: upper bound
 * @se: standard error in the value's unit (NaN when unknown)
 * @insufficient: @n is below the metric's minimum sample
 * @has_comparison: whether the comparison fields are set
 * @compare_value: the value in the comparison period
 * @compare_n: its sample size
 * @change: @value − @compare_value
 * @significant: the change is larger than the noise (two-proportion z test
 *   for rates, else z on the two standard errors; counts use Poisson noise)
 *
 * One computed value.
 */
typedef struct
{
  ScMetricId metric;
  guint      bucket;
  int        segment;
  double     value;
  gint64     n;
  double     numerator;
  double     denominator;
  double     ci_low;
  double     ci_high;
  double     se;
  gboolean   insufficient;
  gboolean   has_comparison;
  double     compare_value;
  gint64     compare_n;
  double     change;
  gboolean   significant;
} ScMetricValue;

/**
 * ScQueryResult:
 * @buckets: (element-type ScBucket): the time buckets, in order
 * @segments: (element-type ScSegment): the segments when grouped (those
 *   with data in the period or its comparison), else empty
 * @values: (element-type ScMetricValue): for each metric of the query (in
 *   its order), each bucket, each segment (or once when not grouped)
 * @compare_buckets: (element-type ScBucket): the comparison periods, one
 *   per bucket (empty without a comparison)
 * @variant: the variants that produced the values, see
 *   sc_metric_settings_describe()
 * @grain: the grain
 * @grouped: whether segments apply
 * @group_by: the dimension when grouped
 *
 * A query's answer.
 */
typedef struct
{
  GPtrArray   *buckets;
  GPtrArray   *segments;
  GArray      *values;
  GPtrArray   *compare_buckets;
  char        *variant;
  ScGrain      grain;
  gboolean     grouped;
  ScDimension  group_by;
} ScQueryResult;

void                 sc_query_result_free      (ScQueryResult *result);
const ScMetricValue *sc_query_result_get_value (const ScQueryResult *result,
                                                ScMetricId           metric,
                                                guint                bucket,
                                                int                  segment);
int                  sc_query_result_find_segment (const ScQueryResult *result,
                                                const char          *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQueryResult, sc_query_result_free)

/**
 * ScDriverSegment:
 * @label: the segment's value (`(none)` for no value)
 * @share: the segment's share of the metric's sample in the period (0…1)
 * @against_share: its share in the period compared against
 * @value: the segment's own value in the period (NaN when absent)
 * @against_value: its value in the period compared against
 * @n: its sample size in the period
 * @against_n: its sample size in the period compared against
 * @mix: the part of the total change due to its share moving:
 *   (share − against_share) × (against_value − total against value)
 * @rate: the part due to its own value moving: share × (value − against_value)
 * @contribution: @mix + @rate
 *
 * One segment's part in a change.
 */
typedef struct
{
  char   *label;
  double  share;
  double  against_share;
  double  value;
  double  against_value;
  gint64  n;
  gint64  against_n;
  double  mix;
  double  rate;
  double  contribution;
} ScDriverSegment;

/**
 * ScDrivers:
 * @metric: the metric
 * @dim: the dimension the change is split by
 * @value: the total value in the period
 * @against_value: the total value in the period compared against
 * @change: @value − @against_value
 * @mix_effect: the sum of the segments' mix parts
 * @rate_effect: the sum of the segments' rate parts
 * @residual: @change − mix − rate: zero for rates, means and NPS over
 *   single-valued dimensions; non-zero for medians and percentiles (not
 *   additive) and for tags (an interaction counts in several)
 * @significant: whether the total change is larger than the noise
 * @segments: (element-type ScDriverSegment): ranked by |contribution|,
 *   largest first
 * @variant: the variants in force
 *
 * Why a metric moved between two periods. For counts (volume, backlog)
 * each segment's contribution is its own change and the mix is zero.
 */
typedef struct
{
  ScMetricId   metric;
  ScDimension  dim;
  double       value;
  double       against_value;
  double       change;
  double       mix_effect;
  double       rate_effect;
  double       residual;
  gboolean     significant;
  GPtrArray   *segments;
  char        *variant;
} ScDrivers;

void sc_drivers_free (ScDrivers *drivers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDrivers, sc_drivers_free)

G_END_DECLS
