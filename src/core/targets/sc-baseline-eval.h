/* sc-baseline-eval.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value of a baseline for a period: a fixed or frozen value, or the
 * metric's value over a reference period computed from the data with the
 * metrics engine (a chosen range, the trailing months, or the same period
 * a year earlier), recomputed on every call so it follows re-imports.
 */

#pragma once

#include "sc-engine.h"
#include "sc-store-targets.h"

G_BEGIN_DECLS

/**
 * ScBaselineValue:
 * @value: the baseline in the metric's base unit, NaN when the reference
 *   period has no data
 * @n: the sample size behind a computed value (0 for fixed or frozen ones)
 * @insufficient: the sample is below the metric's minimum
 * @computed: the value was computed from the data now (not fixed, not
 *   frozen)
 * @from_day: the first day of the reference period (0 for fixed values)
 * @to_day: its last day
 *
 * A baseline's value for one period.
 */
typedef struct
{
  double   value;
  gint64   n;
  gboolean insufficient;
  gboolean computed;
  gint32   from_day;
  gint32   to_day;
} ScBaselineValue;

gboolean          sc_baseline_get_range (const ScBaseline  *baseline,
                                         gint32             period_from,
                                         gint32             period_to,
                                         gint32            *from_day,
                                         gint32            *to_day);
gboolean          sc_baseline_compute   (const ScBaseline  *baseline,
                                         const ScFacts     *facts,
                                         gint32             period_from,
                                         gint32             period_to,
                                         ScBaselineValue   *out,
                                         GError           **error);
ScBaseline       *sc_baseline_freeze    (const ScBaseline  *baseline,
                                         const ScFacts     *facts,
                                         gint32             period_from,
                                         gint32             period_to,
                                         GError           **error) G_GNUC_WARN_UNUSED_RESULT;
const ScBaseline *sc_baselines_lookup   (GPtrArray         *baselines,
                                         ScMetricId         metric,
                                         const char        *context);
char             *sc_baseline_describe  (const ScBaseline  *baseline) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
