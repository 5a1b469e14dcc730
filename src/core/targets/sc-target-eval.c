/* sc-target-eval.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attainment and status of an actual value against its target.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-target.h"

/* Attainment is shown as a percentage; beyond this it says nothing more. */
#define ATTAINMENT_MAX 999.0

/* Values this close to the target count as on it, so that a rate computed
 * as 90.00000000001 % does not miss a 90 % target. */
#define TOLERANCE 1e-9

/* The natural zero of a unit's scale: what "0 % of the target" means. */
static double
scale_reference (const ScMetric *metric)
{
  switch (metric->unit)
    {
    case SC_UNIT_NPS:
      return -100;
    case SC_UNIT_SCORE:
      return 1;   /* effort scales start at 1 */
    case SC_UNIT_COUNT:
    case SC_UNIT_DURATION:
    case SC_UNIT_PERCENT:
    case SC_UNIT_MONEY:
    default:
      return 0;
    }
}

static double
compute_attainment (ScMetricDirection direction,
                    double            reference,
                    double            target,
                    double            actual,
                    gboolean          met)
{
  double value;

  if (direction == SC_DIRECTION_LOWER_IS_BETTER)
    {
      if (target - reference <= 0 || actual - reference <= 0)
        return actual <= target ? (target - reference <= 0 ? 100 : ATTAINMENT_MAX) : 0;
      value = (target - reference) / (actual - reference) * 100;
    }
  else
    {
      if (target - reference <= 0)
        return met ? 100 : 0;
      value = (actual - reference) / (target - reference) * 100;
    }
  return CLAMP (value, 0, ATTAINMENT_MAX);
}

static ScTargetStatus
compute_status (ScMetricDirection direction,
                double            gap,
                double            allowed,
                double            tolerance)
{
  if (direction == SC_DIRECTION_NEUTRAL)
    {
      if (fabs (gap) <= allowed + tolerance)
        return SC_TARGET_STATUS_MET;
      return fabs (gap) <= 2 * allowed + tolerance ? SC_TARGET_STATUS_AT_RISK : SC_TARGET_STATUS_MISSED;
    }
  if (gap >= -tolerance)
    return SC_TARGET_STATUS_MET;
  return gap >= -allowed - tolerance ? SC_TARGET_STATUS_AT_RISK : SC_TARGET_STATUS_MISSED;
}

/**
 * sc_attainment_compute:
 * @metric: the metric
 * @settings: (nullable): the variants in force (for the direction of CES),
 *   or %NULL for the catalogue's directions
 * @target: the target value, in the metric's base unit
 * @band: the at-risk band as a fraction of the scale distance (0.05)
 * @actual: the actual value, NaN when there is no data
 * @out: (out caller-allocates): the result
 *
 * Every figure is measured from the scale's natural zero r (the
 * #ScAttainment.reference): 0 for rates, durations, counts and money,
 * −100 for NPS (its worst possible value, so targets at or below zero work)
 * and 1 for effort scores (the bottom of every CES scale).
 *
 * Attainment, in percent, 100 meaning exactly on target:
 * - higher is better (and neutral): (actual − r) ÷ (target − r) × 100.
 *   A CSAT of 81 % against a 90 % target attains 90 %; an NPS of −5
 *   against a target of −10 attains 95 ÷ 90 = 105.6 %.
 * - lower is better: (target − r) ÷ (actual − r) × 100, so 3 min against a
 *   4 min first-response target attains 133 %, 8 min attains 50 %.
 * Clamped to 0…999 %; an actual at the scale's zero of a lower-is-better
 * metric (0 % abandonment) attains 999 %. A target at the scale's zero is
 * all or nothing: 100 % when met, 0 % when not.
 *
 * Status: the gap (actual − target, or target − actual when lower is
 * better) is met when ≥ 0; at risk when short by no more than
 * @band × |target − r| (5 % of a 4 min target is 12 s; of a 90 % CSAT
 * target 4.5 points; of an NPS target of 20, 6 points); missed beyond.
 * For neutral metrics (volume, utilization) a target is a level to hold:
 * met within the band on either side, at risk within twice the band.
 */
void
sc_attainment_compute (ScMetricId              metric,
                       const ScMetricSettings *settings,
                       double                  target,
                       double                  band,
                       double                  actual,
                       ScAttainment           *out)
{
  const ScMetric *entry;
  double allowed, tolerance;

  g_return_if_fail (metric < SC_METRIC_N);
  g_return_if_fail (out != NULL);

  entry = sc_metric_get (metric);
  out->direction = settings ? sc_metric_settings_get_direction (settings, entry) : entry->direction;
  out->reference = scale_reference (entry);
  allowed = MAX (band, 0) * fabs (target - out->reference);
  tolerance = TOLERANCE * MAX (1.0, fabs (target));
  if (out->direction == SC_DIRECTION_LOWER_IS_BETTER)
    out->at_risk_limit = target + allowed;
  else
    out->at_risk_limit = target - (out->direction == SC_DIRECTION_NEUTRAL ? 2 : 1) * allowed;

  if (isnan (actual) || isnan (target))
    {
      out->status = isnan (target) ? SC_TARGET_STATUS_NONE : SC_TARGET_STATUS_NO_DATA;
      out->attainment = NAN;
      out->gap = NAN;
      return;
    }
  out->gap = out->direction == SC_DIRECTION_LOWER_IS_BETTER ? target - actual : actual - target;
  out->status = compute_status (out->direction, out->gap, allowed, tolerance);
  out->attainment = compute_attainment (out->direction, out->reference, target, actual,
                                        out->status == SC_TARGET_STATUS_MET);
}

/**
 * sc_target_evaluate:
 * @target: (nullable): the target that applies, or %NULL when none does
 * @settings: (nullable): the variants in force
 * @actual: the actual value, NaN when there is no data
 * @out: (out caller-allocates): the result
 *
 * sc_attainment_compute() with the target's value and band; with no
 * target, the status is %SC_TARGET_STATUS_NONE.
 */
void
sc_target_evaluate (const ScTarget         *target,
                    const ScMetricSettings *settings,
                    double                  actual,
                    ScAttainment           *out)
{
  g_return_if_fail (out != NULL);

  if (target == NULL)
    {
      out->status = SC_TARGET_STATUS_NONE;
      out->attainment = NAN;
      out->gap = NAN;
      out->at_risk_limit = NAN;
      out->reference = 0;
      out->direction = SC_DIRECTION_NEUTRAL;
      return;
    }
  sc_attainment_compute (target->metric, settings, target->value, target->at_risk_band, actual, out);
}

/**
 * sc_target_status_to_string:
 * @status: a status
 *
 * Returns: `none`, `no_data`, `met`, `at_risk` or `missed`, as written in
 *   JSON
 */
const char *
sc_target_status_to_string (ScTargetStatus status)
{
  static const char * const names[] = { "none", "no_data", "met", "at_risk", "missed" };

  g_return_val_if_fail (status < G_N_ELEMENTS (names), NULL);

  return names[status];
}

/**
 * sc_target_status_get_label:
 * @status: a status
 *
 * Returns: the status for display: “No target”, “No data”, “Met”,
 *   “At risk” or “Missed”
 */
const char *
sc_target_status_get_label (ScTargetStatus status)
{
  static const char * const labels[] = {
    N_("No target"), N_("No data"), N_("Met"), N_("At risk"), N_("Missed"),
  };

  g_return_val_if_fail (status < G_N_ELEMENTS (labels), NULL);

  return _(labels[status]);
}
