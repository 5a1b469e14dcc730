/* sc-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure statistics for the metrics engine: intervals for proportions, NPS,
 * means and medians, selection for order statistics and the test that says
 * whether a change is larger than the noise. No allocation, no I/O.
 *
 * Intervals are 95 % two-sided (z = 1.959964).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_STATS_Z95 1.959963984540054

/**
 * ScInterval:
 * @low: the lower bound
 * @high: the upper bound
 *
 * A closed interval; both bounds are NaN when there is none.
 */
typedef struct
{
  double low;
  double high;
} ScInterval;

ScInterval sc_stats_wilson            (double        successes,
                                       double        n);
double     sc_stats_proportion_se     (double        successes,
                                       double        n);
double     sc_stats_nps_margin        (double        promoters,
                                       double        detractors,
                                       double        n);
double     sc_stats_t_quantile_975    (double        df);
ScInterval sc_stats_mean_interval     (double        n,
                                       double        sum,
                                       double        sum_squares,
                                       double       *out_se);
double     sc_stats_select_int32      (gint32       *values,
                                       gsize         n,
                                       gsize         k);
double     sc_stats_median_int32      (gint32       *values,
                                       gsize         n);
double     sc_stats_quantile_int32    (gint32       *values,
                                       gsize         n,
                                       double        q);
ScInterval sc_stats_quantile_interval_int32 (gint32 *values,
                                       gsize         n,
                                       double        q);
void       sc_stats_order_ranks       (gsize         n,
                                       double        q,
                                       gsize        *out_low,
                                       gsize        *out_high);
gboolean   sc_stats_proportions_differ (double       successes_a,
                                       double        n_a,
                                       double        successes_b,
                                       double        n_b);
gboolean   sc_stats_change_exceeds_noise (double     value_a,
                                       double        se_a,
                                       double        value_b,
                                       double        se_b);

G_END_DECLS
