/* sc-metric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-metric.h"

/* Minimum samples: below these the value is shown as "not enough data".
 * Thirty is the usual floor for a normal approximation of a mean or a
 * proportion; medians need fewer rows for a usable order-statistic interval,
 * the 90th percentile more. */
#define MIN_RATE     30
#define MIN_MEAN     30
#define MIN_MEDIAN   10
#define MIN_P90      50
#define MIN_SURVEY   30

static const ScMetric catalogue[SC_METRIC_N] = {
  { SC_METRIC_VOLUME, "volume", N_("Volume"),
    N_("Interactions (tickets, calls, chats) created in the period."),
    SC_UNIT_COUNT, "%.0f", SC_DIRECTION_NEUTRAL, SC_AGGREGATE_COUNT, SC_SOURCE_INTERACTIONS,
    N_("Interactions created in the period"), "",
    N_("None"), 1 },
  { SC_METRIC_FRT_MEDIAN, "frt_median", N_("First response time (median)"),
    N_("The middle time from creation to the first agent reply."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEDIAN, SC_SOURCE_INTERACTIONS,
    N_("First reply time of each answered interaction"), N_("Answered interactions"),
    N_("Interactions without a first reply"), MIN_MEDIAN },
  { SC_METRIC_FRT_MEAN, "frt_mean", N_("First response time (mean)"),
    N_("The average time from creation to the first agent reply."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Sum of first reply times"), N_("Answered interactions"),
    N_("Interactions without a first reply"), MIN_MEAN },
  { SC_METRIC_FRT_P90, "frt_p90", N_("First response time (90th percentile)"),
    N_("Nine in ten first replies came faster than this."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_P90, SC_SOURCE_INTERACTIONS,
    N_("First reply time of each answered interaction"), N_("Answered interactions"),
    N_("Interactions without a first reply"), MIN_P90 },
  { SC_METRIC_RESPONSE_TIME_MEAN, "response_time_mean", N_("Average response time"),
    N_("Total response time divided by the number of queries answered."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Total response time (creation to reply) of answered queries"), N_("Answered queries"),
    N_("Queries without a reply"), MIN_MEAN },
  { SC_METRIC_RESOLUTION_TIME_MEDIAN, "resolution_time_median", N_("Resolution time (median)"),
    N_("The middle time from creation to resolution of resolved interactions."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEDIAN, SC_SOURCE_INTERACTIONS,
    N_("Resolution time of each resolved interaction"), N_("Resolved interactions"),
    N_("Unresolved interactions and resolved ones without a resolution time"), MIN_MEDIAN },
  { SC_METRIC_RESOLUTION_TIME_MEAN, "resolution_time_mean", N_("Resolution time (mean)"),
    N_("Total resolution time divided by the number of resolved interactions."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Sum of resolution times"), N_("Resolved interactions"),
    N_("Unresolved interactions and resolved ones without a resolution time"), MIN_MEAN },
  { SC_METRIC_RESOLUTION_RATE, "resolution_rate", N_("Resolution rate"),
    N_("Share of the interactions created in the period that are resolved."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Resolved interactions"), N_("Interactions created in the period"),
    N_("None"), MIN_RATE },
  { SC_METRIC_FCR, "fcr", N_("First contact resolution"),
    N_("Share of resolved interactions resolved at the first contact."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Resolved with at most one agent touch (or, by setting, with no repeat contact "
       "from the same customer within N days)"),
    N_("Resolved interactions"),
    N_("Unresolved interactions; one-touch rule: those without a touch count"), MIN_RATE },
  { SC_METRIC_CSAT, "csat", N_("CSAT"),
    N_("Share of satisfaction ratings in the top two boxes (4–5 on 1–5)."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Ratings in the top two boxes (or, by setting, the sum of ratings)"),
    N_("Ratings (or, by setting, ratings × scale maximum)"),
    N_("Interactions without a rating"), MIN_SURVEY },
  { SC_METRIC_CSAT_MEAN_PCT, "csat_mean_pct", N_("CSAT (mean score %)"),
    N_("Sum of ratings divided by the most they could sum to, as a percentage."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Sum of ratings"), N_("Ratings × scale maximum"),
    N_("Interactions without a rating"), MIN_SURVEY },
  { SC_METRIC_NPS, "nps", N_("Net Promoter Score"),
    N_("Percentage of promoters (9–10) minus percentage of detractors (0–6)."),
    SC_UNIT_NPS, "%+.0f", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_NPS, SC_SOURCE_INTERACTIONS,
    N_("Promoters minus detractors"), N_("Answers"),
    N_("Interactions without an answer"), MIN_SURVEY },
  { SC_METRIC_CES, "ces", N_("Customer effort score"),
    N_("Mean effort rating on its scale; whether lower or higher is better is a setting."),
    SC_UNIT_SCORE, "%.2f", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Sum of effort ratings"), N_("Effort ratings"),
    N_("Interactions without an effort rating"), MIN_SURVEY },
  { SC_METRIC_SLA, "sla", N_("SLA compliance"),
    N_("Share of interactions whose first reply (or resolution, by setting) met its target."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Interactions that met their target"),
    N_("Interactions with a target and a first reply (or resolution)"),
    N_("Interactions without a target, or not yet replied to (resolved)"), MIN_RATE },
  { SC_METRIC_ABANDONMENT, "abandonment", N_("Abandonment rate"),
    N_("Share of offered interactions abandoned before an agent answered."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Abandoned interactions"), N_("Offered interactions"),
    N_("Short abandons (waited less than the short-abandon threshold)"), MIN_RATE },
  { SC_METRIC_ASA, "asa", N_("Average speed of answer"),
    N_("Average queue wait of the interactions an agent answered."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Sum of queue waits"), N_("Answered interactions with a wait time"),
    N_("Abandoned interactions and those without a wait time"), MIN_MEAN },
  { SC_METRIC_AHT, "aht", N_("Average handle time"),
    N_("Talk, hold and wrap-up time per handled interaction."),
    SC_UNIT_DURATION, NULL, SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_MEAN, SC_SOURCE_INTERACTIONS,
    N_("Total handling time (talk + hold + wrap-up)"), N_("Handled interactions"),
    N_("Abandoned interactions and those without a handling time"), MIN_MEAN },
  { SC_METRIC_UTILIZATION, "utilization", N_("Agent utilization"),
    N_("Active time as a share of available time."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_NEUTRAL, SC_AGGREGATE_RATIO, SC_SOURCE_AGENT_TIME,
    N_("Active agent time"), N_("Available agent time"),
    N_("Agent days without available time"), 1 },
  { SC_METRIC_REOPEN_RATE, "reopen_rate", N_("Reopen rate"),
    N_("Share of resolved interactions that were reopened."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Resolved interactions reopened at least once"), N_("Resolved interactions"),
    N_("Unresolved interactions and those without a reopen count"), MIN_RATE },
  { SC_METRIC_ESCALATION_RATE, "escalation_rate", N_("Escalation rate"),
    N_("Share of interactions escalated."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Escalated interactions"), N_("Interactions"),
    N_("Interactions without an escalation flag"), MIN_RATE },
  { SC_METRIC_CONTAINMENT, "containment", N_("Self-service containment"),
    N_("Share of interactions resolved by self-service without an agent."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Interactions resolved by self-service"), N_("Interactions"),
    N_("Interactions without a self-service flag"), MIN_RATE },
  { SC_METRIC_BACKLOG, "backlog", N_("Backlog"),
    N_("Interactions still open at the end of the period."),
    SC_UNIT_COUNT, "%.0f", SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_COUNT, SC_SOURCE_INTERACTIONS,
    N_("Interactions created before the period's end and not resolved by then"), "",
    N_("Interactions counted as resolved without a resolution time"), 1 },
  { SC_METRIC_CHURN, "churn", N_("Churn rate"),
    N_("Customers lost in the period as a share of the customers at its start."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_LOWER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_CUSTOMERS,
    N_("Customers at the period's start who churned during it"),
    N_("Customers at the period's start"),
    N_("Customers who joined during the period"), MIN_RATE },
  { SC_METRIC_CLV, "clv", N_("Customer lifetime value"),
    N_("Average purchase value × purchases per year × average lifespan in years."),
    SC_UNIT_MONEY, "%.2f", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PRODUCT, SC_SOURCE_CUSTOMERS,
    N_("Revenue ÷ purchases × purchases per customer-year × mean lifespan of churned customers"),
    N_("Customers who started before the period's end"),
    N_("Customers without purchases; lifespan needs churned customers"), MIN_RATE },
  { SC_METRIC_RESPONSE_RATE, "response_rate", N_("Survey response rate"),
    N_("Share of offered surveys that were answered."),
    SC_UNIT_PERCENT, "%.1f %%", SC_DIRECTION_HIGHER_IS_BETTER, SC_AGGREGATE_PROPORTION, SC_SOURCE_INTERACTIONS,
    N_("Interactions with a CSAT, NPS or CES answer"), N_("Interactions offered a survey"),
    N_("Interactions not offered a survey"), MIN_RATE },
};

/**
 * sc_metric_get:
 * @id: a metric
 *
 * Returns: (transfer none): the catalogue entry of @id
 */
const ScMetric *
sc_metric_get (ScMetricId id)
{
  g_return_val_if_fail (id < SC_METRIC_N, NULL);

  return &catalogue[id];
}

/**
 * sc_metric_is_additive:
 * @metric: a catalogue entry
 *
 * Whether the segments' values add up to the whole (a count such as the
 * volume): then the overall value is their sum, not a level a segment can
 * be compared with, and charts draw no overall reference line.
 *
 * Returns: %TRUE for counts
 */
gboolean
sc_metric_is_additive (const ScMetric *metric)
{
  g_return_val_if_fail (metric != NULL, FALSE);

  return metric->aggregate == SC_AGGREGATE_COUNT;
}

/**
 * sc_metric_lookup:
 * @id_string: a stable metric id such as `frt_median`
 *
 * Returns: (transfer none) (nullable): the catalogue entry, or %NULL when
 *   no metric has that id
 */
const ScMetric *
sc_metric_lookup (const char *id_string)
{
  g_return_val_if_fail (id_string != NULL, NULL);

  for (guint i = 0; i < SC_METRIC_N; i++)
    if (g_str_equal (catalogue[i].id_string, id_string))
      return &catalogue[i];
  return NULL;
}

/**
 * sc_metric_get_n_metrics:
 *
 * Returns: the number of metrics in the catalogue (%SC_METRIC_N)
 */
guint
sc_metric_get_n_metrics (void)
{
  return SC_METRIC_N;
}

/**
 * sc_metric_unit_to_string:
 * @unit: a unit
 *
 * Returns: the stable name of @unit as written in JSON output: `count`,
 *   `duration`, `percent`, `score`, `nps` or `money`
 */
const char *
sc_metric_unit_to_string (ScMetricUnit unit)
{
  static const char *names[] = { "count", "duration", "percent", "score", "nps", "money" };

  g_return_val_if_fail (unit < G_N_ELEMENTS (names), NULL);

  return names[unit];
}

/**
 * sc_metric_direction_to_string:
 * @direction: a direction
 *
 * Returns: `neutral`, `higher` or `lower` (which is better)
 */
const char *
sc_metric_direction_to_string (ScMetricDirection direction)
{
  static const char *names[] = { "neutral", "higher", "lower" };

  g_return_val_if_fail (direction < G_N_ELEMENTS (names), NULL);

  return names[direction];
}

static char *
format_duration (double seconds)
{
  double a = fabs (seconds);
  const char *sign = seconds < 0 ? "−" : "";

  if (a < 60)
    return g_strdup_printf (_("%s%.0f s"), sign, a);
  if (a < 3600)
    return g_strdup_printf (_("%s%.1f min"), sign, a / 60);
  if (a < 86400 * 2)
    return g_strdup_printf (_("%s%.1f h"), sign, a / 3600);
  return g_strdup_printf (_("%s%.1f d"), sign, a / 86400);
}

/**
 * sc_metric_format_value:
 * @metric: a catalogue entry
 * @value: a value in the metric's base unit
 *
 * Formats @value for display: durations in the largest unit that keeps
 * them readable, percentages with one decimal, NPS signed. A NaN value
 * (no data) is formatted as an em dash.
 *
 * Returns: (transfer full): the text
 */
char *
sc_metric_format_value (const ScMetric *metric,
                        double          value)
{
  g_return_val_if_fail (metric != NULL, NULL);

  if (isnan (value))
    return g_strdup ("—");
  if (metric->unit == SC_UNIT_DURATION)
    return format_duration (value);
  /* The formats are the catalogue's own literals above, each taking one
   * double. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (metric->format, value);
#pragma GCC diagnostic pop
}
