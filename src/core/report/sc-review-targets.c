/* sc-review-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The targets of a review: the target and baseline of every headline
 * metric (as they stood at the end of the period), the targets on the
 * trend, per-segment attainment for the review's dimensions, and the
 * interactions behind the worst segment of every missed target.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-baseline-eval.h"
#include "sc-error.h"
#include "sc-metric-series.h"
#include "sc-review-private.h"
#include "sc-segment-targets.h"
#include "sc-store-targets.h"
#include "sc-target.h"

/* How many interactions the appendix lists per missed target. */
#define APPENDIX_ROWS 20

typedef struct
{
  ScTargetIndex *index;
  GPtrArray     *baselines;
  gint64         as_of;
} Targets;

static void
targets_clear (Targets *targets)
{
  g_clear_pointer (&targets->index, sc_target_index_free);
  g_clear_pointer (&targets->baselines, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Targets, targets_clear)

static ScReviewStatus
status_of (ScTargetStatus status)
{
  switch (status)
    {
    case SC_TARGET_STATUS_NO_DATA:
      return SC_REVIEW_STATUS_NO_DATA;
    case SC_TARGET_STATUS_MET:
      return SC_REVIEW_STATUS_MET;
    case SC_TARGET_STATUS_AT_RISK:
      return SC_REVIEW_STATUS_AT_RISK;
    case SC_TARGET_STATUS_MISSED:
      return SC_REVIEW_STATUS_MISSED;
    case SC_TARGET_STATUS_NONE:
    default:
      return SC_REVIEW_STATUS_NO_TARGET;
    }
}

void
_sc_review_segment_target_free (ScReviewSegmentTarget *row)
{
  g_free (row->segment);
  g_free (row);
}

void
_sc_review_appendix_row_free (ScReviewAppendixRow *row)
{
  g_free (row->external_id);
  g_free (row->channel);
  g_free (row->team);
  g_free (row->value_text);
  g_free (row);
}

/* ---- Headlines and trends ------------------------------------------------ */

static gboolean
apply_headlines (ScReview       *review,
                 const Targets  *targets,
                 const ScFacts  *facts,
                 GError        **error)
{
  for (guint i = 0; i < review->headlines->len; i++)
    {
      ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScTarget *target = sc_target_index_lookup (targets->index, row->metric, "",
                                                       review->from_day, review->to_day,
                                                       targets->as_of);
      const ScBaseline *baseline = sc_baselines_lookup (targets->baselines, row->metric, "");
      ScAttainment attainment;

      sc_target_evaluate (target, facts->settings, row->value.value, &attainment);
      row->status = status_of (attainment.status);
      if (target != NULL)
        {
          row->target = target->value;
          row->at_risk_limit = attainment.at_risk_limit;
          row->attainment = attainment.attainment;
          review->has_targets = TRUE;
        }
      if (baseline != NULL)
        {
          ScBaselineValue value;

          if (!sc_baseline_compute (baseline, facts, review->from_day, review->to_day, &value, error))
            return FALSE;
          row->baseline = value.value;
        }
    }
  return TRUE;
}

/* A copy of @trend with the target of each period and the baseline. */
static ScChartSeries *
trend_with_references (const ScChartSeries *trend,
                       const ScReview      *review,
                       const ScReviewHeadline *row,
                       const Targets       *targets,
                       const ScFacts       *facts)
{
  ScChartSeries *copy = sc_chart_series_new (sc_chart_series_get_name (trend),
                                             sc_chart_series_get_unit (trend));

  sc_chart_series_set_direction (copy, sc_chart_series_get_direction (trend));
  sc_chart_series_set_currency (copy, sc_chart_series_get_currency (trend));
  for (guint i = 0; i < sc_chart_series_get_n_points (trend); i++)
    {
      ScChartPoint point = *sc_chart_series_get_point (trend, i);
      gint32 first = sc_tz_map_local_day (facts->tz, point.start);
      gint32 last = sc_tz_map_local_day (facts->tz, point.end - 1);
      const ScTarget *target = sc_target_index_lookup (targets->index, row->metric, "",
                                                       first, last, targets->as_of);

      point.target = target != NULL ? target->value : NAN;
      point.baseline = row->baseline;
      sc_chart_series_append (copy, &point);
    }
  return copy;
}

static void
apply_trends (ScReview      *review,
              const Targets *targets,
              const ScFacts *facts)
{
  for (guint i = 0; i < review->sections->len; i++)
    {
      ScReviewSection *section = g_ptr_array_index (review->sections, i);
      const ScReviewHeadline *row = sc_review_get_headline (review, section->metric);
      ScChartSeries *trend;

      if (row == NULL)
        continue;
      trend = trend_with_references (section->trend, review, row, targets, facts);
      sc_chart_series_unref (section->trend);
      section->trend = trend;
    }
}

/* ---- Segments ------------------------------------------------------------ */

static int
compare_segment_targets (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const ScReviewSegmentTarget *x = *(ScReviewSegmentTarget * const *) a;
  const ScReviewSegmentTarget *y = *(ScReviewSegmentTarget * const *) b;
  const ScReview *review = user_data;
  int mx = -1, my = -1;

  for (guint i = 0; i < review->headlines->len; i++)
    {
      ScMetricId metric = g_array_index (review->headlines, ScReviewHeadline, i).metric;

      mx = metric == x->metric ? (int) i : mx;
      my = metric == y->metric ? (int) i : my;
    }
  if (mx != my)
    return mx - my;
  if (x->order != y->order)
    return x->order - y->order;
  if (sc_attainment_compare_worst_first (x->attainment, y->attainment) != 0)
    return sc_attainment_compare_worst_first (x->attainment, y->attainment);
  return g_strcmp0 (x->segment, y->segment);
}

static void
apply_segments (ScReview      *review,
                const Targets *targets,
                const ScFacts *facts)
{
  GArray *dims = review->options->dimensions;
  g_autofree ScMetricId *metrics = g_new (ScMetricId, MAX (review->headlines->len, 1));

  for (guint i = 0; i < review->headlines->len; i++)
    metrics[i] = g_array_index (review->headlines, ScReviewHeadline, i).metric;
  for (guint d = 0; d < review->grouped->len && d < dims->len; d++)
    {
      const ScQueryResult *result = g_ptr_array_index (review->grouped, d);
      g_autoptr(GPtrArray) rows = NULL;

      rows = sc_segment_targets_compute (result, metrics, review->headlines->len, targets->index,
                                         facts->settings, "", review->from_day, review->to_day,
                                         targets->as_of);

      for (guint i = 0; i < rows->len; i++)
        {
          const ScSegmentTarget *st = g_ptr_array_index (rows, i);
          ScReviewSegmentTarget *row = g_new0 (ScReviewSegmentTarget, 1);

          row->metric = st->metric;
          row->dim = st->dim;
          row->order = (int) d;
          row->segment = g_strdup (st->segment);
          row->code = st->code;
          row->value = st->value;
          row->n = st->n;
          row->insufficient = st->insufficient;
          row->target = st->target;
          row->at_risk_limit = st->attainment.at_risk_limit;
          row->attainment = st->attainment.attainment;
          row->status = status_of (st->attainment.status);
          g_ptr_array_add (review->segment_targets, row);
        }
    }
  g_ptr_array_sort_with_data (review->segment_targets, compare_segment_targets, review);
}

/* ---- The appendix -------------------------------------------------------- */

/* Where a metric's value for one interaction comes from: a duration or
 * score column, or a yes-or-no outcome known under a flag. */
typedef struct
{
  const gint32 *seconds;
  const guint8 *score;
  guint16       known;
  guint16       yes;
} Source;

static gboolean
source_of (const ScFacts *facts,
           ScMetricId     metric,
           Source        *source)
{
  *source = (Source) { 0 };
  switch (metric)
    {
    case SC_METRIC_FRT_MEDIAN:
    case SC_METRIC_FRT_MEAN:
    case SC_METRIC_FRT_P90:
      source->seconds = facts->frt;
      break;
    case SC_METRIC_RESOLUTION_TIME_MEDIAN:
    case SC_METRIC_RESOLUTION_TIME_MEAN:
      source->seconds = facts->res;
      break;
    case SC_METRIC_AHT:
      source->seconds = facts->aht;
      break;
    case SC_METRIC_ASA:
      source->seconds = facts->wait;
      break;
    case SC_METRIC_CSAT:
    case SC_METRIC_CSAT_MEAN_PCT:
      source->score = facts->csat;
      break;
    case SC_METRIC_NPS:
      source->score = facts->nps;
      break;
    case SC_METRIC_CES:
      source->score = facts->ces;
      break;
    case SC_METRIC_FCR:
      source->known = SC_FACT_FCR_COUNTED, source->yes = SC_FACT_FCR;
      break;
    case SC_METRIC_SLA:
      source->known = SC_FACT_SLA_COUNTED, source->yes = SC_FACT_SLA_MET;
      break;
    case SC_METRIC_ABANDONMENT:
      source->known = SC_FACT_OFFERED, source->yes = SC_FACT_ABANDONED;
      break;
    case SC_METRIC_REOPEN_RATE:
      source->known = SC_FACT_REOPEN_COUNTED, source->yes = SC_FACT_REOPENED;
      break;
    case SC_METRIC_ESCALATION_RATE:
      source->known = SC_FACT_ESCALATION_KNOWN, source->yes = SC_FACT_ESCALATED;
      break;
    case SC_METRIC_CONTAINMENT:
      source->known = SC_FACT_SELF_KNOWN, source->yes = SC_FACT_SELF_SERVICE;
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

/* The metric's value for interaction @i, when it counts in the metric:
 * seconds, a rating, or 1 and 0 for a yes-or-no outcome. */
static gboolean
fact_value (const ScFacts *facts,
            const Source  *source,
            guint          i,
            double        *value)
{
  if (source->seconds != NULL)
    {
      if (source->seconds[i] == SC_FACT_NONE)
        return FALSE;
      *value = source->seconds[i];
    }
  else if (source->score != NULL)
    {
      if (source->score[i] == SC_FACT_NO_SCORE)
        return FALSE;
      *value = source->score[i];
    }
  else
    {
      if ((facts->flags[i] & source->known) == 0)
        return FALSE;
      *value = (facts->flags[i] & source->yes) ? 1 : 0;
    }
  return TRUE;
}

/**
 * sc_review_metric_is_traceable:
 * @metric: a metric
 *
 * Returns: whether the metric is computed from values of single
 *   interactions, which the appendix can list
 */
gboolean
sc_review_metric_is_traceable (ScMetricId metric)
{
  ScFacts none = { 0 };
  Source source;

  return source_of (&none, metric, &source);
}

static char *
format_fact_value (ScMetricId     metric,
                   const ScFacts *facts,
                   guint          i,
                   double         value)
{
  switch (metric)
    {
    case SC_METRIC_CSAT:
    case SC_METRIC_CSAT_MEAN_PCT:
      /* Translators: a satisfaction rating, "4 of 5" */
      return g_strdup_printf (_("%d of %d"), (int) value, facts->csat_scale[i]);
    case SC_METRIC_NPS:
      /* Translators: a likelihood to recommend answer, "7 of 10" */
      return g_strdup_printf (_("%d of 10"), (int) value);
    case SC_METRIC_CES:
      return g_strdup_printf ("%d", (int) value);
    case SC_METRIC_FCR:
      return g_strdup (value > 0 ? _("Resolved at first contact") : _("Not at first contact"));
    case SC_METRIC_SLA:
      return g_strdup (value > 0 ? _("Met") : _("Breached"));
    case SC_METRIC_ABANDONMENT:
      return g_strdup (value > 0 ? _("Abandoned") : _("Answered"));
    case SC_METRIC_REOPEN_RATE:
      return g_strdup (value > 0 ? _("Reopened") : _("Not reopened"));
    case SC_METRIC_ESCALATION_RATE:
      return g_strdup (value > 0 ? _("Escalated") : _("Not escalated"));
    case SC_METRIC_CONTAINMENT:
      return g_strdup (value > 0 ? _("Self-served") : _("Needed an agent"));
    default:
      return sc_metric_format_display (sc_metric_get (metric), value);
    }
}

typedef struct
{
  guint  row;
  double badness;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->badness != y->badness)
    return x->badness > y->badness ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

static gboolean
row_in_segment (const ScFacts *facts,
                ScDimension    dim,
                gint32         code,
                guint          i)
{
  if (dim < SC_DIM_TAGS)
    return facts->codes[dim][i] == code;
  for (guint32 k = facts->tag_start[i]; k < facts->tag_start[i + 1]; k++)
    if (facts->tag_codes[k] == code)
      return TRUE;
  return FALSE;
}

static const char *
label_of (const ScFacts *facts,
          ScDimension    dim,
          guint          i)
{
  gint32 code = facts->codes[dim][i];

  return code > 0 ? sc_facts_get_label (facts, dim, code) : NULL;
}

static gboolean
fill_appendix (ScReviewAppendix             *appendix,
               const ScReview               *review,
               const ScReviewHeadline       *headline,
               const ScReviewSegmentTarget  *worst,
               ScStore                      *store,
               const ScFacts                *facts,
               GError                      **error)
{
  gint64 start = sc_tz_map_day_start (facts->tz, review->from_day);
  guint lo = sc_facts_lower_bound (facts, start);
  guint hi = sc_facts_lower_bound (facts, sc_tz_map_day_start (facts->tz, review->to_day + 1));
  double sign = headline->direction == SC_DIRECTION_HIGHER_IS_BETTER ? -1 : 1;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  Source source;

  if (!source_of (facts, headline->metric, &source))
    return TRUE;

  for (guint i = lo; i < hi; i++)
    {
      Ranked r = { i, 0 };
      double value;

      if (facts->day[i] < review->from_day || facts->day[i] > review->to_day
          || !row_in_segment (facts, worst->dim, worst->code, i)
          || !fact_value (facts, &source, i, &value))
        continue;
      r.badness = sign * value;
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  appendix->total = ranked->len;
  for (guint k = 0; k < ranked->len && k < APPENDIX_ROWS; k++)
    {
      guint i = g_array_index (ranked, Ranked, k).row;
      g_autoptr(ScReviewAppendixRow) row = g_new0 (ScReviewAppendixRow, 1);
      gint64 created = 0;

      row->external_id = sc_store_dup_interaction_by_rank (store, start, i - lo, &created, error);
      if (row->external_id == NULL)
        return FALSE;
      if (created != facts->created[i])
        {
          g_set_error (error, SC_ERROR, SC_ERROR_FAILED,
                       _("The fact cache does not match the store; open the store again"));
          return FALSE;
        }
      row->created_at = created;
      row->channel = g_strdup (label_of (facts, SC_DIM_CHANNEL, i));
      row->team = g_strdup (label_of (facts, SC_DIM_TEAM, i));
      fact_value (facts, &source, i, &row->value);
      row->value_text = format_fact_value (headline->metric, facts, i, row->value);
      g_ptr_array_add (appendix->rows, g_steal_pointer (&row));
    }
  return TRUE;
}

static const ScReviewSegmentTarget *
worst_segment (const ScReview *review,
               ScMetricId      metric)
{
  const ScReviewSegmentTarget *worst = NULL;

  for (guint i = 0; i < review->segment_targets->len; i++)
    {
      const ScReviewSegmentTarget *row = g_ptr_array_index (review->segment_targets, i);

      if (row->metric != metric || row->insufficient || isnan (row->attainment)
          || (row->status != SC_REVIEW_STATUS_MISSED && row->status != SC_REVIEW_STATUS_AT_RISK))
        continue;
      if (worst == NULL || row->attainment < worst->attainment)
        worst = row;
    }
  return worst;
}

static gboolean
build_appendix (ScReview       *review,
                ScStore        *store,
                const ScFacts  *facts,
                GError        **error)
{
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScReviewSegmentTarget *worst;
      ScReviewAppendix *appendix;

      if (row->status != SC_REVIEW_STATUS_MISSED
          || (worst = worst_segment (review, row->metric)) == NULL)
        continue;
      appendix = g_new0 (ScReviewAppendix, 1);
      appendix->metric = row->metric;
      appendix->dim = worst->dim;
      appendix->segment = g_strdup (worst->segment);
      appendix->value = worst->value;
      appendix->target = worst->target;
      appendix->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _sc_review_appendix_row_free);
      g_ptr_array_add (review->appendix, appendix);
      if (!fill_appendix (appendix, review, row, worst, store, facts, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _sc_review_apply_targets:
 * @review: a review with its headlines, trends and breakdowns
 * @store: its store
 * @facts: the fact cache it was computed from
 * @error: return location for an error
 *
 * Adds the targets and baselines in force at the end of the period (see
 * sc_target_review_instant()), per-segment attainment and the appendix.
 *
 * Returns: %TRUE on success
 */
gboolean
_sc_review_apply_targets (ScReview       *review,
                          ScStore        *store,
                          const ScFacts  *facts,
                          GError        **error)
{
  g_auto(Targets) targets = { 0 };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (review->time_zone);

  if ((targets.index = sc_target_index_load (store, error)) == NULL
      || (targets.baselines = sc_store_list_baselines (store, SC_MISSING, error)) == NULL)
    return FALSE;
  targets.as_of = sc_target_review_instant (review->to_day, zone, review->generated_at);
  if (!apply_headlines (review, &targets, facts, error))
    return FALSE;
  apply_trends (review, &targets, facts);
  apply_segments (review, &targets, facts);
  return build_appendix (review, store, facts, error);
}
