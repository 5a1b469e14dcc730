/* sc-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computing the review: a handful of queries over one fact cache (the
 * period with its comparison, the trend, one grouped query per dimension)
 * and the drivers of every metric by every dimension.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-metric-series.h"
#include "sc-review-private.h"
#include "sc-view-state.h"

/* The trend shows the review's period and the twelve before it. */
#define TREND_PERIODS 13

static const ScMetricId default_metrics[] = {
  SC_METRIC_VOLUME, SC_METRIC_FRT_MEDIAN, SC_METRIC_RESOLUTION_TIME_MEDIAN, SC_METRIC_FCR,
  SC_METRIC_CSAT, SC_METRIC_NPS, SC_METRIC_CES, SC_METRIC_SLA, SC_METRIC_ABANDONMENT,
  SC_METRIC_AHT,
};

/* ---- Options ------------------------------------------------------------- */

/**
 * sc_review_options_new:
 * @period: the period, e.g. `2026-10`
 *
 * Returns: (transfer full): options with the defaults
 */
ScReviewOptions *
sc_review_options_new (const char *period)
{
  ScReviewOptions *options = g_new0 (ScReviewOptions, 1);
  ScDimension channel = SC_DIM_CHANNEL;

  g_return_val_if_fail (period != NULL, NULL);

  options->period = g_strdup (period);
  options->comparison = SC_COMPARE_PREVIOUS;
  options->dimensions = g_array_new (FALSE, FALSE, sizeof (ScDimension));
  g_array_append_val (options->dimensions, channel);
  options->metrics = g_array_new (FALSE, FALSE, sizeof (ScMetricId));
  g_array_append_vals (options->metrics, default_metrics, G_N_ELEMENTS (default_metrics));
  options->sections = SC_REVIEW_SECTION_ALL;
  return options;
}

void
sc_review_options_free (ScReviewOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->period);
  g_free (options->baseline);
  g_clear_pointer (&options->dimensions, g_array_unref);
  g_clear_pointer (&options->metrics, g_array_unref);
  g_free (options->organisation);
  g_free (options->author);
  g_free (options);
}

static ScReviewOptions *
options_copy (const ScReviewOptions *options)
{
  ScReviewOptions *copy = g_memdup2 (options, sizeof *options);

  copy->period = g_strdup (options->period);
  copy->baseline = g_strdup (options->baseline);
  copy->dimensions = g_array_copy (options->dimensions);
  copy->metrics = g_array_copy (options->metrics);
  copy->organisation = g_strdup (options->organisation);
  copy->author = g_strdup (options->author);
  return copy;
}

/**
 * sc_review_options_set_dimensions:
 * @options: review options
 * @known: (element-type ScDimensionInfo): the store's dimensions (see
 *   sc_store_list_dimensions()): the builtin ones and those kept from
 *   imports
 * @list: dimension names or labels separated by commas, e.g. `channel,team`
 * @error: return location for an error
 *
 * Returns: %TRUE when every name is a dimension (the options are then
 *   changed), %FALSE with @error naming the first that is not
 */
gboolean
sc_review_options_set_dimensions (ScReviewOptions  *options,
                                  GPtrArray        *known,
                                  const char       *list,
                                  GError          **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GArray) dims = g_array_new (FALSE, FALSE, sizeof (ScDimension));

  g_return_val_if_fail (options != NULL && known != NULL && list != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      const ScDimensionInfo *info;

      if (name[0] == '\0')
        continue;
      if ((info = sc_dimension_list_lookup (known, name)) == NULL)
        {
          g_autoptr(GString) offered = g_string_new (NULL);

          for (guint k = 0; k < known->len; k++)
            g_string_append_printf (offered, "%s%s", k > 0 ? ", " : "",
                                    ((ScDimensionInfo *) known->pdata[k])->name);
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                       _("“%s” is not a dimension; use %s"), name, offered->str);
          return FALSE;
        }
      g_array_append_val (dims, info->dim);
    }
  g_clear_pointer (&options->dimensions, g_array_unref);
  options->dimensions = g_steal_pointer (&dims);
  return TRUE;
}

/* ---- Freeing ------------------------------------------------------------- */

static void
finding_free (ScReviewFinding *finding)
{
  g_free (finding->text);
  g_free (finding->driver);
  g_free (finding);
}

static void
breakdown_free (ScReviewBreakdown *breakdown)
{
  g_clear_pointer (&breakdown->drivers, sc_drivers_free);
  g_free (breakdown);
}

static void
section_free (ScReviewSection *section)
{
  g_clear_pointer (&section->trend, sc_chart_series_unref);
  g_clear_pointer (&section->breakdowns, g_ptr_array_unref);
  g_free (section);
}

static void
restatement_free (ScReviewRestatement *restatement)
{
  g_free (restatement->key);
  g_free (restatement->label);
  g_free (restatement);
}

static void
appendix_free (ScReviewAppendix *appendix)
{
  g_free (appendix->segment);
  g_clear_pointer (&appendix->rows, g_ptr_array_unref);
  g_free (appendix);
}

void
sc_review_free (ScReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->options, sc_review_options_free);
  g_free (review->period_label);
  g_free (review->compare_label);
  g_free (review->time_zone);
  g_free (review->variant);
  g_clear_pointer (&review->settings, sc_metric_settings_free);
  g_clear_pointer (&review->imports, g_ptr_array_unref);
  g_clear_pointer (&review->headlines, g_array_unref);
  g_clear_pointer (&review->findings, g_ptr_array_unref);
  g_clear_pointer (&review->sections, g_ptr_array_unref);
  g_clear_pointer (&review->grouped, g_ptr_array_unref);
  g_clear_pointer (&review->annotations, g_ptr_array_unref);
  g_clear_pointer (&review->segment_targets, g_ptr_array_unref);
  g_clear_pointer (&review->appendix, g_ptr_array_unref);
  g_clear_pointer (&review->restatements, g_ptr_array_unref);
  g_clear_pointer (&review->dims, g_ptr_array_unref);
  g_free (review);
}

static ScReview *
review_new (const ScReviewOptions *options)
{
  ScReview *review = g_new0 (ScReview, 1);

  review->options = options_copy (options);
  review->headlines = g_array_new (FALSE, TRUE, sizeof (ScReviewHeadline));
  review->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  review->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  review->grouped = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_query_result_free);
  review->segment_targets = g_ptr_array_new_with_free_func ((GDestroyNotify) _sc_review_segment_target_free);
  review->appendix = g_ptr_array_new_with_free_func ((GDestroyNotify) appendix_free);
  review->restatements = g_ptr_array_new_with_free_func ((GDestroyNotify) restatement_free);
  review->generated_at = options->now > 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;
  return review;
}

/* ---- Periods ------------------------------------------------------------- */

/* The kind of a period: a whole month, quarter or year, or a free range. */
static ScPeriodKind
period_kind (gint32   from_day,
             gint32   to_day,
             ScGrain *grain)
{
  static const struct { ScGrain grain; ScPeriodKind kind; } whole[] = {
    { SC_GRAIN_MONTH, SC_PERIOD_MONTH },
    { SC_GRAIN_QUARTER, SC_PERIOD_QUARTER },
    { SC_GRAIN_YEAR, SC_PERIOD_YEAR },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (whole); i++)
    if (sc_grain_bucket_start (whole[i].grain, from_day) == from_day
        && sc_grain_next_bucket (whole[i].grain, from_day) == to_day + 1)
      {
        *grain = whole[i].grain;
        return whole[i].kind;
      }
  *grain = to_day - from_day < 7 ? SC_GRAIN_DAY : to_day - from_day < 35 ? SC_GRAIN_WEEK
                                                                          : SC_GRAIN_MONTH;
  return SC_PERIOD_CUSTOM;
}

static char *
dup_period_label (ScPeriodKind kind,
                  gint32       from_day,
                  gint32       to_day)
{
  g_autoptr(ScViewState) state = sc_view_state_new ();

  sc_view_state_set_period (state, kind, from_day, to_day);
  return sc_view_state_dup_period_label (state);
}

/* The baseline when none is given: as long as the three periods before. */
static void
default_baseline (ScReview *review,
                  gint32   *from_day,
                  gint32   *to_day)
{
  gint32 start = review->from_day;

  if (review->grain == SC_GRAIN_MONTH || review->grain == SC_GRAIN_QUARTER
      || review->grain == SC_GRAIN_YEAR)
    {
      for (int i = 0; i < 3; i++)
        start = sc_grain_bucket_start (review->grain, start - 1);
    }
  else
    start = review->from_day - 3 * (review->to_day - review->from_day + 1);
  *from_day = start;
  *to_day = review->from_day - 1;
}

static gboolean
resolve_period (ScReview  *review,
                ScQuery   *query,
                GError   **error)
{
  const ScReviewOptions *options = review->options;
  ScPeriodKind kind;

  if (!sc_period_parse (options->period, &review->from_day, &review->to_day, error))
    return FALSE;
  kind = period_kind (review->from_day, review->to_day, &review->grain);
  review->period_label = dup_period_label (kind, review->from_day, review->to_day);
  sc_query_set_range (query, review->from_day, review->to_day);
  sc_query_set_comparison (query, options->comparison);
  if (options->comparison == SC_COMPARE_BASELINE)
    {
      gint32 from, to;

      if (options->baseline != NULL)
        {
          if (!sc_period_parse (options->baseline, &from, &to, error))
            return FALSE;
        }
      else
        default_baseline (review, &from, &to);
      sc_query_set_baseline (query, from, to);
    }
  return TRUE;
}

static void
resolve_comparison (ScReview            *review,
                    const ScQueryResult *result)
{
  const ScBucket *bucket;
  ScGrain grain;
  ScPeriodKind kind;
  g_autofree char *label = NULL;

  if (result->compare_buckets->len == 0)
    return;
  bucket = g_ptr_array_index (result->compare_buckets, 0);
  review->compare_from = bucket->first_day;
  review->compare_to = bucket->last_day;
  kind = period_kind (bucket->first_day, bucket->last_day, &grain);
  label = dup_period_label (kind, bucket->first_day, bucket->last_day);
  if (review->options->comparison == SC_COMPARE_BASELINE)
    /* Translators: the comparison, as in "the baseline (Q3 2026)" */
    review->compare_label = g_strdup_printf (_("the baseline (%s)"), label);
  else
    review->compare_label = g_steal_pointer (&label);
}

/* ---- Queries ------------------------------------------------------------- */

static ScQuery *
query_copy_base (const ScQuery *base)
{
  ScQuery *query = sc_query_new ();

  for (guint i = 0; i < base->metrics->len; i++)
    sc_query_add_metric (query, g_array_index (base->metrics, ScMetricId, i));
  sc_query_set_range (query, base->from_day, base->to_day);
  sc_query_set_comparison (query, base->comparison);
  sc_query_set_baseline (query, base->baseline_from, base->baseline_to);
  return query;
}

static gboolean
compute_headlines (ScReview       *review,
                   const ScFacts  *facts,
                   const ScQuery  *query,
                   GError        **error)
{
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(ScQuery) with_volume = query_copy_base (query);
  const ScMetricValue *volume;

  sc_query_add_metric (with_volume, SC_METRIC_VOLUME);
  if ((result = sc_engine_compute (facts, with_volume, error)) == NULL)
    return FALSE;
  resolve_comparison (review, result);
  review->variant = g_strdup (result->variant);
  volume = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, -1);
  review->interactions = volume ? volume->n : 0;
  for (guint i = 0; i < query->metrics->len; i++)
    {
      ScMetricId metric = g_array_index (query->metrics, ScMetricId, i);
      const ScMetricValue *v = sc_query_result_get_value (result, metric, 0, -1);
      ScReviewHeadline row = { 0 };

      row.metric = metric;
      row.value = *v;
      row.direction = sc_metric_settings_get_direction (facts->settings, sc_metric_get (metric));
      row.target = NAN;
      row.at_risk_limit = NAN;
      row.attainment = NAN;
      row.status = SC_REVIEW_STATUS_NO_TARGET;
      row.baseline = NAN;
      g_array_append_val (review->headlines, row);
    }
  return TRUE;
}

static gint32
trend_start (ScReview *review)
{
  gint32 start = review->from_day;

  if (review->grain == SC_GRAIN_DAY || review->grain == SC_GRAIN_WEEK)
    start = sc_grain_bucket_start (review->grain, start);
  for (int i = 1; i < TREND_PERIODS; i++)
    start = sc_grain_bucket_start (review->grain, start - 1);
  return start;
}

static gboolean
compute_trends (ScReview       *review,
                const ScFacts  *facts,
                const ScQuery  *base,
                GError        **error)
{
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (review->time_zone);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  for (guint i = 0; i < base->metrics->len; i++)
    sc_query_add_metric (query, g_array_index (base->metrics, ScMetricId, i));
  sc_query_set_range (query, trend_start (review), review->to_day);
  sc_query_set_grain (query, review->grain);
  if ((result = sc_engine_compute (facts, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < base->metrics->len; i++)
    {
      ScReviewSection *section = g_new0 (ScReviewSection, 1);

      section->metric = g_array_index (base->metrics, ScMetricId, i);
      section->trend = sc_metric_series_from_result (result, section->metric, -1, zone);
      section->breakdowns = g_ptr_array_new_with_free_func ((GDestroyNotify) breakdown_free);
      g_ptr_array_add (review->sections, section);
    }
  return TRUE;
}

static gboolean
compute_breakdown (ScReview       *review,
                   const ScFacts  *facts,
                   const ScQuery  *base,
                   ScDimension     dim,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(ScQuery) query = query_copy_base (base);
  g_autoptr(ScQueryResult) result = NULL;
  gboolean compared = review->compare_label != NULL;
  gboolean ok = TRUE;

  sc_query_set_group_by (query, dim);
  if ((result = sc_engine_compute (facts, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < review->sections->len; i++)
    {
      ScReviewSection *section = g_ptr_array_index (review->sections, i);
      ScReviewBreakdown *breakdown = g_new0 (ScReviewBreakdown, 1);

      breakdown->dim = dim;
      breakdown->result = result;
      g_ptr_array_add (section->breakdowns, breakdown);
      if (compared)
        {
          g_autoptr(ScQuery) plain = sc_query_new ();

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          breakdown->drivers = sc_engine_compute_drivers (facts, plain, section->metric, dim,
                                                          review->from_day, review->to_day,
                                                          review->compare_from, review->compare_to,
                                                          error);
          if (breakdown->drivers == NULL)
            {
              ok = FALSE;
              break;
            }
        }
    }
  /* The sections borrow the grouped result; the review owns it. */
  g_ptr_array_add (review->grouped, g_steal_pointer (&result));
  return ok;
}

static void
report_progress (ScReviewProgressFunc  progress,
                 gpointer              user_data,
                 double                fraction,
                 const char           *stage)
{
  if (progress != NULL)
    progress (fraction, stage, user_data);
}

static gboolean
load_context (ScReview       *review,
              ScStore        *store,
              const ScFacts  *facts,
              GError        **error)
{
  g_autofree char *first = sc_calendar_format_date (review->from_day);
  g_autofree char *last = sc_calendar_format_date (review->to_day);

  review->settings = sc_metric_settings_copy (facts->settings);
  review->time_zone = g_strdup (facts->settings->timezone);
  review->data_first = facts->n > 0 ? facts->day[0] : 0;
  review->data_last = facts->n > 0 ? facts->day[facts->n - 1] : 0;
  if ((review->imports = sc_store_list_imports (store, error)) == NULL)
    return FALSE;
  review->annotations = sc_store_list_annotations (store, first, last, error);
  return review->annotations != NULL;
}

static gboolean
compare_with_snapshot (ScReview  *review,
                       ScStore   *store,
                       GError   **error)
{
  g_autoptr(ScReviewSnapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;

  snapshot = sc_store_dup_latest_review_snapshot (store, review->options->period,
                                                  _sc_review_comparison_name (review->options->comparison),
                                                  &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (snapshot == NULL)
    return TRUE;
  return sc_review_compare_snapshot (review, snapshot->content, snapshot->created_at, error);
}

/* A review of a period without interactions would be pages of dashes;
 * say instead which periods have data. */
static gboolean
no_data_error (ScReview       *review,
               const ScFacts  *facts,
               GError        **error)
{
  g_autofree char *range = NULL;

  if (facts->n == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The store holds no interactions to review"));
      return FALSE;
    }
  range = sc_format_day_range (review->data_first, review->data_last);
  /* Translators: "No interactions were created in January 2020; the data covers 1 Nov 2024 – 31 Oct 2026" */
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               _("No interactions were created in %s; the data covers %s"), review->period_label, range);
  return FALSE;
}

static gboolean
compute_all (ScReview              *review,
             ScEngine              *engine,
             const ScFacts         *facts,
             ScReviewProgressFunc   progress,
             gpointer               user_data,
             GCancellable          *cancellable,
             GError               **error)
{
  ScStore *store = sc_engine_get_store (engine);
  g_autoptr(ScQuery) base = sc_query_new ();
  GArray *dims = review->options->dimensions;

  for (guint i = 0; i < review->options->metrics->len; i++)
    sc_query_add_metric (base, g_array_index (review->options->metrics, ScMetricId, i));
  if (!resolve_period (review, base, error)
      || !load_context (review, store, facts, error)
      || !compute_headlines (review, facts, base, error))
    return FALSE;
  if (review->interactions == 0)
    return no_data_error (review, facts, error);
  report_progress (progress, user_data, 0.2, _("Computing the trends"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !compute_trends (review, facts, base, error))
    return FALSE;
  for (guint d = 0; d < dims->len; d++)
    {
      report_progress (progress, user_data, 0.3 + 0.6 * d / dims->len, _("Computing the breakdowns"));
      if (!compute_breakdown (review, facts, base, g_array_index (dims, ScDimension, d),
                              cancellable, error))
        return FALSE;
    }
  report_progress (progress, user_data, 0.9, _("Comparing with the targets"));
  if (!_sc_review_apply_targets (review, store, facts, error))
    return FALSE;
  _sc_review_build_findings (review);
  report_progress (progress, user_data, 0.95, _("Comparing with the frozen review"));
  return compare_with_snapshot (review, store, error);
}

/**
 * sc_review_compute:
 * @engine: the engine of the store to review
 * @options: what to put in the review
 * @progress: (nullable) (scope call): called as the work advances
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Computes every number of a review. Safe to call on a worker thread.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
ScReview *
sc_review_compute (ScEngine              *engine,
                   const ScReviewOptions *options,
                   ScReviewProgressFunc   progress,
                   gpointer               user_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(ScReview) review = NULL;
  ScFacts *facts;
  gboolean ok;

  g_return_val_if_fail (SC_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (options != NULL && options->period != NULL, NULL);

  report_progress (progress, user_data, 0.0, _("Reading the data"));
  if ((facts = sc_engine_dup_facts (engine, error)) == NULL)
    return NULL;
  review = review_new (options);
  review->dims = sc_store_list_dimensions (sc_engine_get_store (engine), error);
  ok = review->dims != NULL
       && compute_all (review, engine, facts, progress, user_data, cancellable, error);
  sc_facts_unref (facts);
  if (!ok)
    return NULL;
  report_progress (progress, user_data, 1.0, _("Computed"));
  return g_steal_pointer (&review);
}

/**
 * sc_review_get_headline:
 * @review: a review
 * @metric: a metric
 *
 * Returns: (nullable): the metric's row of the summary table
 */
const ScReviewHeadline *
sc_review_get_headline (const ScReview *review,
                        ScMetricId      metric)
{
  g_return_val_if_fail (review != NULL, NULL);

  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);

      if (row->metric == metric)
        return row;
    }
  return NULL;
}

/**
 * sc_review_get_dimension_label:
 * @review: a review
 * @dim: one of its dimensions
 *
 * Returns: the label of @dim ("Channel", or "Plan" for a field kept from
 *   an import)
 */
const char *
sc_review_get_dimension_label (const ScReview *review,
                               ScDimension     dim)
{
  g_return_val_if_fail (review != NULL, NULL);

  return sc_dimension_list_get_label (review->dims, dim);
}

/**
 * sc_review_get_dimension_name:
 * @review: a review
 * @dim: one of its dimensions
 *
 * Returns: the name of @dim, as file names and CSV columns show it
 */
const char *
sc_review_get_dimension_name (const ScReview *review,
                              ScDimension     dim)
{
  g_return_val_if_fail (review != NULL, NULL);

  return sc_dimension_list_get_name (review->dims, dim);
}

const char *
sc_review_status_to_string (ScReviewStatus status)
{
  static const char *names[] = { "no-target", "no-data", "met", "at-risk", "missed" };

  g_return_val_if_fail (status <= SC_REVIEW_STATUS_MISSED, NULL);
  return names[status];
}

const char *
sc_review_status_get_label (ScReviewStatus status)
{
  switch (status)
    {
    case SC_REVIEW_STATUS_NO_DATA:
      return _("No data");
    case SC_REVIEW_STATUS_MET:
      return _("Met");
    case SC_REVIEW_STATUS_AT_RISK:
      return _("At risk");
    case SC_REVIEW_STATUS_MISSED:
      return _("Missed");
    case SC_REVIEW_STATUS_NO_TARGET:
    default:
      return _("No target set");
    }
}
