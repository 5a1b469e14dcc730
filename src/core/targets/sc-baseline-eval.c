/* sc-baseline-eval.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-baseline-eval.h"
#include "sc-target.h"
#include "sc-target-value.h"

static int
days_in_month (int year,
               int month)
{
  gint32 first = sc_calendar_day_from_ymd (year, month, 1);

  return sc_grain_next_bucket (SC_GRAIN_MONTH, first) - first;
}

/* The same date @years earlier; 29 February becomes the 28th. */
static gint32
shift_years (gint32 day,
             int    years)
{
  int y, m, d;

  sc_calendar_ymd_from_day (day, &y, &m, &d);
  y -= years;
  return sc_calendar_day_from_ymd (y, m, MIN (d, days_in_month (y, m)));
}

/* The first day of the month @months before the month of @day. */
static gint32
months_before (gint32 day,
               guint  months)
{
  int y, m, d, index;

  sc_calendar_ymd_from_day (day, &y, &m, &d);
  index = y * 12 + (m - 1) - (int) months;
  return sc_calendar_day_from_ymd (index / 12, index % 12 + 1, 1);
}

/**
 * sc_baseline_get_range:
 * @baseline: a baseline
 * @period_from: the first day of the period looked at
 * @period_to: its last day
 * @from_day: (out): the reference period's first day
 * @to_day: (out): its last day
 *
 * The reference period of a computed baseline: its own range; for the
 * trailing N months, the N whole months before the month @period_from is
 * in (March compares with December to February); for last year, the
 * period one year earlier.
 *
 * Returns: %FALSE for a fixed baseline, which has none
 */
gboolean
sc_baseline_get_range (const ScBaseline *baseline,
                       gint32            period_from,
                       gint32            period_to,
                       gint32           *from_day,
                       gint32           *to_day)
{
  g_return_val_if_fail (baseline != NULL, FALSE);
  g_return_val_if_fail (period_from <= period_to, FALSE);

  switch (baseline->kind)
    {
    case SC_BASELINE_RANGE:
      *from_day = baseline->range_from;
      *to_day = baseline->range_to;
      return TRUE;
    case SC_BASELINE_TRAILING:
      *from_day = months_before (period_from, MAX (baseline->months, 1));
      *to_day = months_before (period_from, 0) - 1;
      return TRUE;
    case SC_BASELINE_LAST_YEAR:
      *from_day = shift_years (period_from, 1);
      *to_day = shift_years (period_to, 1);
      return TRUE;
    case SC_BASELINE_FIXED:
    default:
      return FALSE;
    }
}

/**
 * sc_baseline_compute:
 * @baseline: a baseline
 * @facts: the fact cache of the store the baseline is for (from
 *   sc_engine_dup_facts() on a worker thread)
 * @period_from: the first day of the period looked at
 * @period_to: its last day
 * @out: (out caller-allocates): the value
 * @error: return location for an error
 *
 * The baseline's value for a period: a fixed or frozen baseline gives its
 * value; a computed one runs the metric over its reference period (see
 * sc_baseline_get_range()) for the baseline's segment.
 *
 * Returns: %TRUE on success (a reference period without data is a
 *   success with a NaN value)
 */
gboolean
sc_baseline_compute (const ScBaseline  *baseline,
                     const ScFacts     *facts,
                     gint32             period_from,
                     gint32             period_to,
                     ScBaselineValue   *out,
                     GError           **error)
{
  g_autoptr(ScQuery) query = NULL;
  g_autoptr(ScQueryResult) result = NULL;
  const ScMetricValue *value;
  gint32 from, to;

  g_return_val_if_fail (baseline != NULL, FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (ScBaselineValue) { .value = baseline->value };
  if (!sc_baseline_get_range (baseline, period_from, period_to, &from, &to))
    return TRUE;
  out->from_day = from;
  out->to_day = to;
  if (baseline->frozen)
    {
      if (baseline->range_from != 0 || baseline->range_to != 0)
        {
          out->from_day = baseline->range_from;
          out->to_day = baseline->range_to;
        }
      return TRUE;
    }

  query = sc_query_new ();
  sc_query_add_metric (query, baseline->metric);
  sc_query_set_range (query, from, to);
  sc_segment_key_add_to_query (baseline->segment, query);
  if ((result = sc_engine_compute (facts, query, error)) == NULL)
    return FALSE;
  value = sc_query_result_get_value (result, baseline->metric, 0, -1);
  out->value = value ? value->value : NAN;
  out->n = value ? value->n : 0;
  out->insufficient = value ? value->insufficient : TRUE;
  out->computed = TRUE;
  return TRUE;
}

/**
 * sc_baseline_freeze:
 * @baseline: a computed baseline
 * @facts: the fact cache of its store
 * @period_from: the period its reference period is relative to (for the
 *   trailing months and last year; usually the current month)
 * @period_to: its last day
 * @error: return location for an error
 *
 * Computes the baseline now and returns a copy that keeps that value
 * instead of following the data.
 *
 * Returns: (transfer full) (nullable): the frozen baseline, or %NULL when
 *   the reference period has no data or on error
 */
ScBaseline *
sc_baseline_freeze (const ScBaseline  *baseline,
                    const ScFacts     *facts,
                    gint32             period_from,
                    gint32             period_to,
                    GError           **error)
{
  g_autoptr(ScBaseline) frozen = NULL;
  ScBaselineValue value;

  g_return_val_if_fail (baseline != NULL, NULL);
  g_return_val_if_fail (baseline->kind != SC_BASELINE_FIXED, NULL);

  frozen = sc_baseline_copy (baseline);
  frozen->frozen = FALSE;
  if (!sc_baseline_compute (frozen, facts, period_from, period_to, &value, error))
    return NULL;
  if (isnan (value.value))
    {
      g_autofree char *from = sc_calendar_format_date (value.from_day);
      g_autofree char *to = sc_calendar_format_date (value.to_day);

      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("%s has no data from %s to %s, so there is no baseline to freeze"),
                   _(sc_metric_get (baseline->metric)->name), from, to);
      return NULL;
    }
  frozen->value = value.value;
  frozen->frozen = TRUE;
  if (frozen->kind == SC_BASELINE_TRAILING || frozen->kind == SC_BASELINE_LAST_YEAR)
    {
      /* A frozen relative baseline keeps the range it was computed over. */
      frozen->range_from = value.from_day;
      frozen->range_to = value.to_day;
    }
  return g_steal_pointer (&frozen);
}

/**
 * sc_baselines_lookup:
 * @baselines: (element-type ScBaseline): baselines in force
 * @metric: the metric
 * @context: (nullable): the segment looked at, as a canonical key
 *
 * Returns: (transfer none) (nullable): the baseline that applies: of those
 *   whose segment matches @context, the one with the most conditions, and
 *   of those the most recently set
 */
const ScBaseline *
sc_baselines_lookup (GPtrArray  *baselines,
                     ScMetricId  metric,
                     const char *context)
{
  const ScBaseline *best = NULL;
  guint best_n = 0;

  g_return_val_if_fail (baselines != NULL, NULL);

  for (guint i = 0; i < baselines->len; i++)
    {
      const ScBaseline *b = baselines->pdata[i];
      guint n = sc_segment_key_count (b->segment);

      if (b->metric != metric || !sc_segment_key_matches (b->segment, context))
        continue;
      if (best == NULL || n > best_n || (n == best_n && b->valid_from > best->valid_from))
        {
          best = b;
          best_n = n;
        }
    }
  return best;
}

/**
 * sc_baseline_describe:
 * @baseline: a baseline
 *
 * Returns: (transfer full): where its value comes from, for display:
 *   “4h”, “2025-01-01 to 2025-06-30”, “Trailing 3 months”, “Same period
 *   last year”, with “(frozen: …)” when frozen
 */
char *
sc_baseline_describe (const ScBaseline *baseline)
{
  g_autofree char *value = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (baseline != NULL, NULL);

  value = sc_target_value_format (baseline->metric, baseline->value);
  if (baseline->kind == SC_BASELINE_FIXED)
    return g_steal_pointer (&value);
  from = sc_calendar_format_date (baseline->range_from);
  to = sc_calendar_format_date (baseline->range_to);
  if (baseline->kind == SC_BASELINE_RANGE)
    source = g_strdup_printf (_("%s to %s"), from, to);
  else if (baseline->kind == SC_BASELINE_TRAILING)
    source = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Trailing %u month", "Trailing %u months",
                                           baseline->months),
                              baseline->months);
  else
    source = g_strdup (_("Same period last year"));
  if (!baseline->frozen)
    return g_steal_pointer (&source);
  return g_strdup_printf (_("%s (frozen: %s)"), source, value);
}
