/* sc-review.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly review: every number, chart series and sentence of the
 * review document, computed once from the metrics engine. The PDF writer
 * (sc-review-pdf.h) and the CSV pack (sc-review-csv.h) only lay out what
 * this model holds, so the document, the CSV files and the tests read the
 * same numbers.
 */

#pragma once

#include <gio/gio.h>

#include "sc-chart-series.h"
#include "sc-engine.h"
#include "sc-store-review.h"

G_BEGIN_DECLS

/**
 * ScReviewSections:
 * @SC_REVIEW_SECTION_SUMMARY: the headline table and the findings
 * @SC_REVIEW_SECTION_METRICS: one section per headline metric
 * @SC_REVIEW_SECTION_TARGETS: target attainment
 * @SC_REVIEW_SECTION_NOTES: annotations and "how computed"
 * @SC_REVIEW_SECTION_APPENDIX: the interactions behind missed targets
 *
 * The parts of the document a user can leave out. The cover and the
 * table of contents are always there.
 */
typedef enum
{
  SC_REVIEW_SECTION_SUMMARY  = 1 << 0,
  SC_REVIEW_SECTION_METRICS  = 1 << 1,
  SC_REVIEW_SECTION_TARGETS  = 1 << 2,
  SC_REVIEW_SECTION_NOTES    = 1 << 3,
  SC_REVIEW_SECTION_APPENDIX = 1 << 4,
  SC_REVIEW_SECTION_ALL      = 0x1f,
} ScReviewSections;

/**
 * ScReviewStatus:
 * @SC_REVIEW_STATUS_NO_TARGET: no target is set
 * @SC_REVIEW_STATUS_NO_DATA: a target but no value
 * @SC_REVIEW_STATUS_MET: met
 * @SC_REVIEW_STATUS_AT_RISK: short of the target within its band
 * @SC_REVIEW_STATUS_MISSED: missed
 *
 * Where a value stands against its target.
 */
typedef enum
{
  SC_REVIEW_STATUS_NO_TARGET,
  SC_REVIEW_STATUS_NO_DATA,
  SC_REVIEW_STATUS_MET,
  SC_REVIEW_STATUS_AT_RISK,
  SC_REVIEW_STATUS_MISSED,
} ScReviewStatus;

/**
 * ScReviewOptions:
 * @period: the period as text (`2026-10`, `2026-Q4`, any sc_period_parse() form)
 * @comparison: what the period is compared with
 * @baseline: (nullable): the baseline period for %SC_COMPARE_BASELINE;
 *   %NULL for the three periods before the review's
 * @dimensions: (element-type ScDimension): the breakdowns, in order
 * @metrics: (element-type ScMetricId): the headline metrics, in order
 * @sections: the sections to include
 * @organisation: (nullable): the organisation's name for the cover
 * @author: (nullable): the document's author (metadata)
 * @now: the generation instant (Unix seconds); 0 for the current time
 *
 * What to put in a review. sc_review_options_new() fills the defaults:
 * the previous period, the channel breakdown, the dashboard's headline
 * metrics and every section.
 */
typedef struct
{
  char             *period;
  ScComparison      comparison;
  char             *baseline;
  GArray           *dimensions;
  GArray           *metrics;
  ScReviewSections  sections;
  char             *organisation;
  char             *author;
  gint64            now;
} ScReviewOptions;

ScReviewOptions *sc_review_options_new        (const char       *period) G_GNUC_WARN_UNUSED_RESULT;
void             sc_review_options_free       (ScReviewOptions  *options);
gboolean         sc_review_options_set_dimensions (ScReviewOptions *options,
                                                   GPtrArray       *known,
                                                   const char      *list,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReviewOptions, sc_review_options_free)

/**
 * ScReviewHeadline:
 * @metric: the metric
 * @value: the period's value with its comparison
 * @direction: which way it improves (CES by setting)
 * @target: the target in force, NaN when none
 * @at_risk_limit: where "at risk" turns into "missed", NaN when none
 * @attainment: percent of the target attained, NaN when none
 * @status: the status against the target
 * @baseline: the baseline's value for the period, NaN when none is set
 *
 * One row of the summary table.
 */
typedef struct
{
  ScMetricId         metric;
  ScMetricValue      value;
  ScMetricDirection  direction;
  double             target;
  double             at_risk_limit;
  double             attainment;
  ScReviewStatus     status;
  double             baseline;
} ScReviewHeadline;

/**
 * ScReviewSegmentTarget:
 * @metric: the metric
 * @dim: the dimension of the segment
 * @segment: the segment's label
 * @value: the segment's value in the period
 * @n: its sample
 * @insufficient: whether the sample is below the metric's minimum
 * @target: the target that applies to the segment (its own, or the
 *   metric's overall target)
 * @at_risk_limit: where "at risk" turns into "missed"
 * @attainment: percent of the target attained, NaN without data
 * @status: the status against the target
 * @order: the place of @dim among the review's dimensions
 * @code: the segment's dense code in the fact cache
 *
 * One segment's attainment, for every metric with a target and every
 * segment of the review's dimensions.
 */
typedef struct
{
  ScMetricId      metric;
  ScDimension     dim;
  int             order;
  gint32          code;
  char           *segment;
  double          value;
  gint64          n;
  gboolean        insufficient;
  double          target;
  double          at_risk_limit;
  double          attainment;
  ScReviewStatus  status;
} ScReviewSegmentTarget;

/**
 * ScReviewFindingKind:
 * @SC_REVIEW_FINDING_IMPROVEMENT: the largest improvement
 * @SC_REVIEW_FINDING_DECLINE: the largest decline, with its top driver
 * @SC_REVIEW_FINDING_VOLUME: how the workload moved
 * @SC_REVIEW_FINDING_STEADY: the metrics that moved within the noise
 * @SC_REVIEW_FINDING_TARGETS: the targets missed (or all met)
 */
typedef enum
{
  SC_REVIEW_FINDING_IMPROVEMENT,
  SC_REVIEW_FINDING_DECLINE,
  SC_REVIEW_FINDING_VOLUME,
  SC_REVIEW_FINDING_STEADY,
  SC_REVIEW_FINDING_TARGETS,
} ScReviewFindingKind;

/**
 * ScReviewFinding:
 * @kind: what the finding is about
 * @text: the sentence
 * @metric: the metric it cites (for improvement, decline and volume)
 * @value: the value it cites
 * @compare_value: the comparison value it cites
 * @driver: (nullable): the top driver segment of a decline
 * @driver_dim: the dimension of @driver
 * @driver_contribution: its contribution to the change
 * @count: the number of metrics (steady, targets)
 *
 * One automatic finding: a sentence and the numbers it was built from, so
 * it can be checked against the tables.
 */
typedef struct
{
  ScReviewFindingKind  kind;
  char                *text;
  ScMetricId           metric;
  double               value;
  double               compare_value;
  char                *driver;
  ScDimension          driver_dim;
  double               driver_contribution;
  guint                count;
} ScReviewFinding;

/**
 * ScReviewBreakdown:
 * @dim: the dimension
 * @result: the period grouped by @dim, with the comparison (owned by the
 *   review's @grouped)
 * @drivers: (nullable): why the metric moved, split by @dim; %NULL
 *   without a comparison
 *
 * One metric broken down by one dimension.
 */
typedef struct
{
  ScDimension          dim;
  const ScQueryResult *result;
  ScDrivers           *drivers;
} ScReviewBreakdown;

/**
 * ScReviewSection:
 * @metric: the metric
 * @trend: the metric's series over the last 13 periods (with targets)
 * @breakdowns: (element-type ScReviewBreakdown): one per dimension
 *
 * A metric's section.
 */
typedef struct
{
  ScMetricId      metric;
  ScChartSeries  *trend;
  GPtrArray      *breakdowns;
} ScReviewSection;

/**
 * ScReviewRestatement:
 * @key: what number it is (`headline/csat/value`, …)
 * @label: the number in words ("CSAT, value")
 * @metric: the metric it belongs to
 * @frozen: the number when the review was frozen
 * @current: the number now
 *
 * A number that changed since the review was frozen.
 */
typedef struct
{
  char       *key;
  char       *label;
  ScMetricId  metric;
  double      frozen;
  double      current;
} ScReviewRestatement;

/**
 * ScReviewAppendixRow:
 * @external_id: the interaction's id in its source
 * @created_at: its creation instant (Unix seconds)
 * @channel: (nullable): its channel
 * @team: (nullable): its team
 * @value: the metric's value for the interaction: seconds, a rating, or 1
 *   and 0 for a yes-or-no outcome (FCR, SLA met, abandoned…)
 * @value_text: @value for people ("4 of 5", "Breached", "3 h 5 min")
 *
 * One interaction behind a missed target.
 */
typedef struct
{
  char   *external_id;
  gint64  created_at;
  char   *channel;
  char   *team;
  double  value;
  char   *value_text;
} ScReviewAppendixRow;

/**
 * ScReviewAppendix:
 * @metric: the missed metric
 * @dim: the dimension of its worst segment
 * @segment: the worst segment
 * @value: the segment's value
 * @target: the target that applies to it
 * @rows: (element-type ScReviewAppendixRow): the interactions that weigh
 *   most against the target, worst first, at most 20; none for a metric
 *   that is not computed from single interactions (see
 *   sc_review_metric_is_traceable())
 * @total: how many interactions count in the segment's value
 *
 * The interactions behind a missed target's worst segment.
 */
typedef struct
{
  ScMetricId   metric;
  ScDimension  dim;
  char        *segment;
  double       value;
  double       target;
  GPtrArray   *rows;
  gint64       total;
} ScReviewAppendix;

/**
 * ScReview:
 * @options: what was asked for
 * @from_day: the period's first day
 * @to_day: its last day
 * @grain: the trend's grain (the period's kind)
 * @period_label: "October 2026"
 * @compare_label: "September 2026", or %NULL without comparison
 * @compare_from: the comparison's first day
 * @compare_to: its last day
 * @generated_at: when the review was computed (Unix seconds)
 * @time_zone: the organisation's time zone identifier
 * @variant: the metric variants in force
 * @settings: the variants in force
 * @interactions: interactions created in the period
 * @data_first: the first day with data, @data_last the last
 * @data_last: the last day with data
 * @imports: (element-type ScImportRecord): the imports behind the data
 * @headlines: (element-type ScReviewHeadline): the summary table
 * @findings: (element-type ScReviewFinding): the automatic findings
 * @sections: (element-type ScReviewSection): per-metric sections
 * @grouped: (element-type ScQueryResult): the period grouped by each
 *   dimension, in the order of the options' dimensions
 * @annotations: (element-type ScAnnotation): the notes of the period
 * @has_targets: whether any headline metric has a target
 * @segment_targets: (element-type ScReviewSegmentTarget): per-segment
 *   attainment of the metrics with a target, by dimension then worst first
 * @appendix: (element-type ScReviewAppendix): one per missed target
 * @snapshot_at: when the review compared against was frozen, 0 when none
 * @restatements: (element-type ScReviewRestatement): the numbers changed
 *   since it was frozen
 * @dims: (element-type ScDimensionInfo): the store's dimensions, for the
 *   names and labels of those kept from imports
 *
 * A computed review.
 */
typedef struct
{
  ScReviewOptions  *options;
  gint32            from_day;
  gint32            to_day;
  ScGrain           grain;
  char             *period_label;
  char             *compare_label;
  gint32            compare_from;
  gint32            compare_to;
  gint64            generated_at;
  char             *time_zone;
  char             *variant;
  ScMetricSettings *settings;
  gint64            interactions;
  gint32            data_first;
  gint32            data_last;
  GPtrArray        *imports;
  GArray           *headlines;
  GPtrArray        *findings;
  GPtrArray        *sections;
  GPtrArray        *grouped;
  GPtrArray        *annotations;
  gboolean          has_targets;
  GPtrArray        *segment_targets;
  GPtrArray        *appendix;
  gint64            snapshot_at;
  GPtrArray        *restatements;
  GPtrArray        *dims;
} ScReview;

/**
 * ScReviewProgressFunc:
 * @fraction: the part done, 0…1
 * @stage: what is being done, for people
 * @user_data: closure data
 *
 * Called from the thread that computes or writes the review.
 */
typedef void (*ScReviewProgressFunc) (double      fraction,
                                      const char *stage,
                                      gpointer    user_data);

ScReview   *sc_review_compute          (ScEngine              *engine,
                                        const ScReviewOptions *options,
                                        ScReviewProgressFunc   progress,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void        sc_review_free             (ScReview              *review);
const ScReviewHeadline *sc_review_get_headline (const ScReview *review,
                                        ScMetricId             metric);
const char *sc_review_get_dimension_label (const ScReview     *review,
                                        ScDimension            dim);
const char *sc_review_get_dimension_name (const ScReview      *review,
                                        ScDimension            dim);
const char *sc_review_status_to_string (ScReviewStatus         status);
gboolean    sc_review_metric_is_traceable (ScMetricId          metric);
const char *sc_review_status_get_label (ScReviewStatus         status);

char       *sc_review_dup_snapshot     (const ScReview        *review) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sc_review_compare_snapshot (ScReview              *review,
                                        const char            *content,
                                        gint64                 frozen_at,
                                        GError               **error);
gint64      sc_review_get_frozen_at    (ScStore               *store,
                                        const char            *period,
                                        ScComparison           comparison);
gboolean    sc_review_freeze           (ScReview              *review,
                                        ScStore               *store,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReview, sc_review_free)

G_END_DECLS
