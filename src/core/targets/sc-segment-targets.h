/* sc-segment-targets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attainment per segment: for every segment of a breakdown (every team,
 * every channel, …) and every metric with a target in force for it, the
 * target that applies (the segment's own override, else the one of the
 * view it sits in, else the overall one), the segment's actual and how it
 * stands against the target. The Targets page's "By segment" table and
 * the review's per-segment attainment both come from here.
 */

#pragma once

#include <glib.h>

#include "sc-target.h"

G_BEGIN_DECLS

/**
 * ScSegmentTarget:
 * @metric: the metric
 * @dim: the dimension of the breakdown
 * @code: the segment's dense code in the fact cache
 * @segment: the segment's value, e.g. `Billing`
 * @target_segment: the segment key of the target that applies: `""` for
 *   the overall target, `team=Billing` for the segment's own override, or
 *   the key of a wider segment (`channel=Email` in a view filtered to it)
 * @own: whether that target names this segment (an override of its own)
 * @target: the target's value
 * @value: the segment's actual, NaN without data
 * @n: its sample size
 * @insufficient: @n is below the metric's minimum sample
 * @attainment: how @value stands against @target
 *
 * One segment's attainment of one metric's target.
 */
typedef struct
{
  ScMetricId    metric;
  ScDimension   dim;
  gint32        code;
  char         *segment;
  char         *target_segment;
  gboolean      own;
  double        target;
  double        value;
  gint64        n;
  gboolean      insufficient;
  ScAttainment  attainment;
} ScSegmentTarget;

void        sc_segment_target_free        (ScSegmentTarget        *row);
GPtrArray  *sc_segment_targets_compute    (const ScQueryResult    *result,
                                           const ScMetricId       *metrics,
                                           guint                   n_metrics,
                                           const ScTargetIndex    *index,
                                           const ScMetricSettings *settings,
                                           const char             *context,
                                           gint32                  first_day,
                                           gint32                  last_day,
                                           gint64                  as_of) G_GNUC_WARN_UNUSED_RESULT;
void        sc_segment_targets_sort_by_status (GPtrArray          *rows);
int         sc_attainment_compare_worst_first (double              a,
                                           double                  b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSegmentTarget, sc_segment_target_free)

G_END_DECLS
