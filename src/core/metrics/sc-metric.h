/* sc-metric.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The metric catalogue: every service metric Scorecard computes is defined
 * here once (id, name, description, unit, direction, numerator,
 * denominator, exclusions and minimum sample). The engine, the command line,
 * the user interface and the report all read these definitions.
 *
 * The ids are a contract: the command line, saved targets and the tests use
 * them. Never rename one.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScMetricId:
 *
 * The metrics of the catalogue, in catalogue order. The string id of each
 * is returned by sc_metric_get_id_string().
 */
typedef enum
{
  SC_METRIC_VOLUME,
  SC_METRIC_FRT_MEDIAN,
  SC_METRIC_FRT_MEAN,
  SC_METRIC_FRT_P90,
  SC_METRIC_RESPONSE_TIME_MEAN,
  SC_METRIC_RESOLUTION_TIME_MEDIAN,
  SC_METRIC_RESOLUTION_TIME_MEAN,
  SC_METRIC_RESOLUTION_RATE,
  SC_METRIC_FCR,
  SC_METRIC_CSAT,
  SC_METRIC_CSAT_MEAN_PCT,
  SC_METRIC_NPS,
  SC_METRIC_CES,
  SC_METRIC_SLA,
  SC_METRIC_ABANDONMENT,
  SC_METRIC_ASA,
  SC_METRIC_AHT,
  SC_METRIC_UTILIZATION,
  SC_METRIC_REOPEN_RATE,
  SC_METRIC_ESCALATION_RATE,
  SC_METRIC_CONTAINMENT,
  SC_METRIC_BACKLOG,
  SC_METRIC_CHURN,
  SC_METRIC_CLV,
  SC_METRIC_RESPONSE_RATE,
  SC_METRIC_N,
} ScMetricId;

/**
 * ScMetricUnit:
 * @SC_UNIT_COUNT: a number of things (interactions, tickets)
 * @SC_UNIT_DURATION: seconds
 * @SC_UNIT_PERCENT: a percentage, 0–100
 * @SC_UNIT_SCORE: a score on the scale of its survey (CES)
 * @SC_UNIT_NPS: a Net Promoter Score, −100…100
 * @SC_UNIT_MONEY: an amount in the data's currency
 *
 * The base unit of a metric's values.
 */
typedef enum
{
  SC_UNIT_COUNT,
  SC_UNIT_DURATION,
  SC_UNIT_PERCENT,
  SC_UNIT_SCORE,
  SC_UNIT_NPS,
  SC_UNIT_MONEY,
} ScMetricUnit;

/**
 * ScMetricDirection:
 * @SC_DIRECTION_NEUTRAL: neither direction is better (volume, backlog)
 * @SC_DIRECTION_HIGHER_IS_BETTER: a rise is an improvement
 * @SC_DIRECTION_LOWER_IS_BETTER: a fall is an improvement
 *
 * Which way a metric improves. CES follows the `metrics.ces-direction`
 * setting; see sc_metric_settings_get_direction().
 */
typedef enum
{
  SC_DIRECTION_NEUTRAL,
  SC_DIRECTION_HIGHER_IS_BETTER,
  SC_DIRECTION_LOWER_IS_BETTER,
} ScMetricDirection;

/**
 * ScMetricAggregate:
 * @SC_AGGREGATE_COUNT: a count of rows (no interval)
 * @SC_AGGREGATE_PROPORTION: numerator ÷ denominator rows, as a percentage
 *   (Wilson interval)
 * @SC_AGGREGATE_MEAN: the mean of a per-row value (t interval)
 * @SC_AGGREGATE_MEDIAN: the median of a per-row value (order-statistic
 *   interval)
 * @SC_AGGREGATE_P90: the 90th percentile of a per-row value (order-statistic
 *   interval)
 * @SC_AGGREGATE_NPS: % promoters − % detractors (closed-form NPS margin)
 * @SC_AGGREGATE_RATIO: a sum over a sum, as a percentage (utilization)
 * @SC_AGGREGATE_PRODUCT: a product of averages (lifetime value)
 *
 * How a metric's value is aggregated from the rows, which also decides
 * its interval.
 */
typedef enum
{
  SC_AGGREGATE_COUNT,
  SC_AGGREGATE_PROPORTION,
  SC_AGGREGATE_MEAN,
  SC_AGGREGATE_MEDIAN,
  SC_AGGREGATE_P90,
  SC_AGGREGATE_NPS,
  SC_AGGREGATE_RATIO,
  SC_AGGREGATE_PRODUCT,
} ScMetricAggregate;

/**
 * ScMetricSource:
 * @SC_SOURCE_INTERACTIONS: tickets, calls and chats
 * @SC_SOURCE_CUSTOMERS: the customers table (churn, lifetime value)
 * @SC_SOURCE_AGENT_TIME: the agent-time table (utilization)
 *
 * Which table a metric reads.
 */
typedef enum
{
  SC_SOURCE_INTERACTIONS,
  SC_SOURCE_CUSTOMERS,
  SC_SOURCE_AGENT_TIME,
} ScMetricSource;

/**
 * ScMetric:
 * @id: the metric
 * @id_string: the stable string id (`frt_median`, `csat`, …)
 * @name: the translatable display name (pass through gettext)
 * @description: one translatable sentence saying what the metric means
 * @unit: the base unit of its values
 * @format: a printf format for one value in display units, taking a double
 *   (durations are formatted by sc_metric_format_value() instead)
 * @direction: which way is better (see sc_metric_settings_get_direction()
 *   for CES)
 * @aggregate: how rows aggregate, which decides the interval
 * @source: the table it reads
 * @numerator: translatable: what is counted or summed
 * @denominator: translatable: what it is divided by (empty for counts)
 * @exclusions: translatable: which rows are left out
 * @min_sample: below this sample size a value is flagged insufficient
 *
 * One entry of the catalogue. Entries are static; never free them.
 */
typedef struct
{
  ScMetricId         id;
  const char        *id_string;
  const char        *name;
  const char        *description;
  ScMetricUnit       unit;
  const char        *format;
  ScMetricDirection  direction;
  ScMetricAggregate  aggregate;
  ScMetricSource     source;
  const char        *numerator;
  const char        *denominator;
  const char        *exclusions;
  guint              min_sample;
} ScMetric;

const ScMetric *sc_metric_get              (ScMetricId    id);
gboolean        sc_metric_is_additive      (const ScMetric *metric);
const ScMetric *sc_metric_lookup           (const char   *id_string);
guint           sc_metric_get_n_metrics    (void);
const char     *sc_metric_unit_to_string   (ScMetricUnit  unit);
const char     *sc_metric_direction_to_string (ScMetricDirection direction);
char           *sc_metric_format_value     (const ScMetric *metric,
                                            double          value) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
