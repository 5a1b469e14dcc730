/* sc-segment-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sc-segment-targets.h"

void
sc_segment_target_free (ScSegmentTarget *row)
{
  if (row == NULL)
    return;
  g_free (row->segment);
  g_free (row->target_segment);
  g_free (row);
}

static ScSegmentTarget *
make_row (const ScQueryResult    *result,
          const ScSegment        *segment,
          const ScMetricValue    *value,
          const ScTarget         *target,
          const ScMetricSettings *settings)
{
  ScSegmentTarget *row = g_new0 (ScSegmentTarget, 1);
  gboolean keyed = result->group_by < SC_DIM_N_BUILTIN;
  g_autofree char *own_key = keyed ? sc_segment_key_add ("", result->group_by, segment->label) : NULL;

  row->metric = value->metric;
  row->dim = result->group_by;
  row->code = segment->code;
  row->segment = g_strdup (segment->label);
  row->target_segment = g_strdup (target->segment);
  row->own = keyed && sc_segment_key_matches (own_key, target->segment);
  row->target = target->value;
  row->value = value->value;
  row->n = value->n;
  row->insufficient = value->insufficient;
  sc_target_evaluate (target, settings, value->value, &row->attainment);
  return row;
}

/**
 * sc_segment_targets_compute:
 * @result: a result grouped by a dimension, for one period (its first
 *   bucket is used)
 * @metrics: (array length=n_metrics): the metrics to look at, in order
 * @n_metrics: their number
 * @index: the targets
 * @settings: (nullable): the variants in force
 * @context: the segment key of the view the breakdown is in (its
 *   single-valued filters, see sc_segment_key_from_filters()), `""` for
 *   all interactions
 * @first_day: the period's first day
 * @last_day: its last day
 * @as_of: which versions of the targets (%SC_MISSING: those in force now)
 *
 * For each segment of @result with a value (not `(none)`) and each metric
 * of @metrics in @result, the target that applies to the segment within
 * @context and how the segment's actual stands against it. Pairs without
 * a target are left out. The segments of a dimension kept from an import,
 * which targets cannot name, are held to the targets of @context (the
 * overall ones when unfiltered).
 *
 * Returns: (transfer full) (element-type ScSegmentTarget): the rows, by
 *   segment in @result's order, then by metric in @metrics' order
 */
GPtrArray *
sc_segment_targets_compute (const ScQueryResult    *result,
                            const ScMetricId       *metrics,
                            guint                   n_metrics,
                            const ScTargetIndex    *index,
                            const ScMetricSettings *settings,
                            const char             *context,
                            gint32                  first_day,
                            gint32                  last_day,
                            gint64                  as_of)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_segment_target_free);

  g_return_val_if_fail (result != NULL, rows);
  g_return_val_if_fail (metrics != NULL || n_metrics == 0, rows);
  g_return_val_if_fail (index != NULL, rows);

  if (!result->grouped)
    return rows;
  for (guint s = 0; s < result->segments->len; s++)
    {
      const ScSegment *segment = g_ptr_array_index (result->segments, s);
      g_autofree char *key = NULL;

      if (segment->code == 0)
        continue;
      key = result->group_by < SC_DIM_N_BUILTIN
            ? sc_segment_key_add (context != NULL ? context : "", result->group_by, segment->label)
            : g_strdup (context != NULL ? context : "");
      for (guint i = 0; i < n_metrics; i++)
        {
          const ScMetricValue *v = sc_query_result_get_value (result, metrics[i], 0, (int) s);
          const ScTarget *target;

          if (v == NULL)
            continue;
          target = sc_target_index_lookup (index, metrics[i], key, first_day, last_day, as_of);
          if (target != NULL)
            g_ptr_array_add (rows, make_row (result, segment, v, target, settings));
        }
    }
  return rows;
}

/**
 * sc_attainment_compare_worst_first:
 * @a: an attainment in percent, or NaN without data
 * @b: another
 *
 * Orders attainments from the worst (lowest) to the best, those without
 * data last.
 *
 * Returns: negative, zero or positive, as for qsort()
 */
int
sc_attainment_compare_worst_first (double a,
                                   double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

/* Missed first, then at risk, then met, then without data. */
static int
status_rank (ScTargetStatus status)
{
  switch (status)
    {
    case SC_TARGET_STATUS_MISSED:
      return 0;
    case SC_TARGET_STATUS_AT_RISK:
      return 1;
    case SC_TARGET_STATUS_MET:
      return 2;
    case SC_TARGET_STATUS_NO_DATA:
      return 3;
    case SC_TARGET_STATUS_NONE:
    default:
      return 4;
    }
}

static int
compare_by_status (gconstpointer a,
                   gconstpointer b)
{
  const ScSegmentTarget *x = *(ScSegmentTarget * const *) a;
  const ScSegmentTarget *y = *(ScSegmentTarget * const *) b;
  int order;

  order = status_rank (x->attainment.status) - status_rank (y->attainment.status);
  if (order == 0)
    order = sc_attainment_compare_worst_first (x->attainment.attainment, y->attainment.attainment);
  if (order != 0)
    return order;
  if (x->metric != y->metric)
    return x->metric < y->metric ? -1 : 1;
  return g_utf8_collate (x->segment, y->segment);
}

/**
 * sc_segment_targets_sort_by_status:
 * @rows: (element-type ScSegmentTarget): rows of sc_segment_targets_compute()
 *
 * Sorts @rows so that what needs attention comes first: missed targets,
 * then those at risk, then those met, then segments without data; within
 * each, the lowest attainment first.
 */
void
sc_segment_targets_sort_by_status (GPtrArray *rows)
{
  g_return_if_fail (rows != NULL);

  g_ptr_array_sort (rows, compare_by_status);
}
