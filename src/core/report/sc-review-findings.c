/* sc-review-findings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The automatic findings: plain sentences built only from numbers that
 * the summary table and the drivers tables of the same review show, so a
 * reader (and a test) can check each one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-metric-series.h"
#include "sc-review-private.h"

const char *
_sc_review_comparison_name (ScComparison comparison)
{
  static const char *names[] = { "none", "previous", "year", "baseline" };

  g_return_val_if_fail (comparison <= SC_COMPARE_BASELINE, "none");
  return names[comparison];
}

/* "Email (channel)": a segment with its dimension, for sentences. */
char *
_sc_review_segment_name (const ScReview *review,
                         ScDimension     dim,
                         const char     *label)
{
  /* Translators: a segment and its dimension, as in "Email (channel)" */
  return g_strdup_printf (_("%s (%s)"), label, sc_review_get_dimension_label (review, dim));
}

/* How big a change is, to rank changes of different units: relative to
 * the value compared with (NPS against its half range, as its zero is not
 * a natural origin). */
static double
change_size (const ScMetricValue *v)
{
  const ScMetric *metric = sc_metric_get (v->metric);
  double origin = metric->unit == SC_UNIT_NPS ? 100 : fabs (v->compare_value);

  return origin > 0 ? fabs (v->change) / origin : fabs (v->change);
}

/* 1 when the change is an improvement, -1 a decline, 0 neither or noise. */
static int
judge (const ScReviewHeadline *row)
{
  const ScMetricValue *v = &row->value;

  if (!v->has_comparison || !v->significant || !isfinite (v->change) || v->change == 0)
    return 0;
  if (row->direction == SC_DIRECTION_HIGHER_IS_BETTER)
    return v->change > 0 ? 1 : -1;
  if (row->direction == SC_DIRECTION_LOWER_IS_BETTER)
    return v->change < 0 ? 1 : -1;
  return 0;
}

static const ScReviewHeadline *
largest_change (const ScReview *review,
                int             verdict)
{
  const ScReviewHeadline *best = NULL;

  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);

      if (judge (row) == verdict && (best == NULL || change_size (&row->value) > change_size (&best->value)))
        best = row;
    }
  return best;
}

static ScReviewFinding *
finding_new (ScReviewFindingKind     kind,
             const ScReviewHeadline *row)
{
  ScReviewFinding *finding = g_new0 (ScReviewFinding, 1);

  finding->kind = kind;
  finding->metric = row ? row->metric : SC_METRIC_N;
  finding->value = row ? row->value.value : NAN;
  finding->compare_value = row ? row->value.compare_value : NAN;
  finding->driver_contribution = NAN;
  return finding;
}

static void
add_improvement (ScReview *review)
{
  const ScReviewHeadline *row = largest_change (review, 1);
  ScReviewFinding *finding = finding_new (SC_REVIEW_FINDING_IMPROVEMENT, row);
  const ScMetric *metric;
  g_autofree char *now = NULL;
  g_autofree char *then = NULL;
  g_autofree char *change = NULL;

  if (row == NULL)
    {
      finding->text = g_strdup_printf (_("No headline metric improved by more than the noise "
                                         "against %s."), review->compare_label);
      g_ptr_array_add (review->findings, finding);
      return;
    }
  metric = sc_metric_get (row->metric);
  now = sc_metric_format_display (metric, row->value.value);
  then = sc_metric_format_display (metric, row->value.compare_value);
  change = sc_metric_format_change (metric, row->value.change);
  /* Translators: "The largest improvement: CSAT rose from 76.4% to 81.2%
   * (+4.8 pts) against September 2026." */
  finding->text = g_strdup_printf (row->value.change > 0
                                   ? _("The largest improvement: %s rose from %s to %s (%s) against %s.")
                                   : _("The largest improvement: %s fell from %s to %s (%s) against %s."),
                                   _(metric->name), then, now, change, review->compare_label);
  g_ptr_array_add (review->findings, finding);
}

/* The segment that contributed most to the change, in its direction. */
static const ScDriverSegment *
top_driver (const ScReview  *review,
            ScMetricId       metric,
            ScDimension     *dim)
{
  for (guint i = 0; i < review->sections->len; i++)
    {
      const ScReviewSection *section = g_ptr_array_index (review->sections, i);

      if (section->metric != metric || section->breakdowns->len == 0)
        continue;
      for (guint b = 0; b < section->breakdowns->len; b++)
        {
          const ScReviewBreakdown *breakdown = g_ptr_array_index (section->breakdowns, b);
          const ScDrivers *drivers = breakdown->drivers;

          if (drivers == NULL)
            continue;
          for (guint s = 0; s < drivers->segments->len; s++)
            {
              const ScDriverSegment *segment = g_ptr_array_index (drivers->segments, s);

              if (isfinite (segment->contribution) && segment->contribution * drivers->change > 0)
                {
                  *dim = breakdown->dim;
                  return segment;
                }
            }
          /* Only the first dimension names the driver: it is the one the
           * manager chose first. */
          return NULL;
        }
    }
  return NULL;
}

static void
add_decline (ScReview *review)
{
  const ScReviewHeadline *row = largest_change (review, -1);
  ScReviewFinding *finding = finding_new (SC_REVIEW_FINDING_DECLINE, row);
  const ScDriverSegment *driver;
  const ScMetric *metric;
  g_autofree char *now = NULL;
  g_autofree char *then = NULL;
  g_autofree char *change = NULL;
  g_autofree char *sentence = NULL;
  ScDimension dim = SC_DIM_CHANNEL;

  g_ptr_array_add (review->findings, finding);
  if (row == NULL)
    {
      finding->text = g_strdup_printf (_("No headline metric declined by more than the noise "
                                         "against %s."), review->compare_label);
      return;
    }
  metric = sc_metric_get (row->metric);
  now = sc_metric_format_display (metric, row->value.value);
  then = sc_metric_format_display (metric, row->value.compare_value);
  change = sc_metric_format_change (metric, row->value.change);
  sentence = g_strdup_printf (row->value.change > 0
                              ? _("The largest decline: %s rose from %s to %s (%s) against %s.")
                              : _("The largest decline: %s fell from %s to %s (%s) against %s."),
                              _(metric->name), then, now, change, review->compare_label);
  if ((driver = top_driver (review, row->metric, &dim)) != NULL)
    {
      g_autofree char *segment = _sc_review_segment_name (review, dim, driver->label);
      g_autofree char *part = sc_metric_format_change (metric, driver->contribution);

      finding->driver = g_strdup (driver->label);
      finding->driver_dim = dim;
      finding->driver_contribution = driver->contribution;
      /* Translators: "…; Email (channel) contributed most to it: −3.1 pts." */
      finding->text = g_strdup_printf (_("%s %s contributed most to it: %s."),
                                       sentence, segment, part);
    }
  else
    finding->text = g_steal_pointer (&sentence);
}

static void
add_volume (ScReview *review)
{
  const ScReviewHeadline *row = NULL;
  ScReviewFinding *finding;
  const ScMetric *metric = sc_metric_get (SC_METRIC_VOLUME);
  g_autofree char *now = NULL;
  g_autofree char *change = NULL;
  double relative;

  for (guint i = 0; i < review->headlines->len; i++)
    if (g_array_index (review->headlines, ScReviewHeadline, i).metric == SC_METRIC_VOLUME)
      row = &g_array_index (review->headlines, ScReviewHeadline, i);
  if (row == NULL || !row->value.has_comparison || !isfinite (row->value.change))
    return;
  finding = finding_new (SC_REVIEW_FINDING_VOLUME, row);
  now = sc_metric_format_display (metric, row->value.value);
  change = sc_metric_format_change (metric, row->value.change);
  relative = row->value.compare_value > 0 ? 100 * row->value.change / row->value.compare_value : NAN;
  /* Translators: "Volume was 2,427 interactions (−25, −1.0% against
   * September 2026), within the noise." */
  finding->text = g_strdup_printf (row->value.significant
                                   ? _("Volume was %s interactions (%s, %+.1f%% against %s), "
                                       "more than the noise.")
                                   : _("Volume was %s interactions (%s, %+.1f%% against %s), "
                                       "within the noise."),
                                   now, change, relative, review->compare_label);
  g_ptr_array_add (review->findings, finding);
}

static void
add_steady (ScReview *review)
{
  g_autoptr(GString) names = g_string_new (NULL);
  ScReviewFinding *finding = finding_new (SC_REVIEW_FINDING_STEADY, NULL);

  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);

      if (!row->value.has_comparison || row->value.significant || row->metric == SC_METRIC_VOLUME
          || !isfinite (row->value.change))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, _(sc_metric_get (row->metric)->name));
      finding->count++;
    }
  if (finding->count == 0)
    finding->text = g_strdup (_("Every headline metric moved by more than the noise."));
  else
    finding->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u metric moved within the noise: %s.",
                                                  "%u metrics moved within the noise: %s.",
                                                  finding->count),
                                     finding->count, names->str);
  g_ptr_array_add (review->findings, finding);
}

static void
add_targets (ScReview *review)
{
  g_autoptr(GString) missed = g_string_new (NULL);
  ScReviewFinding *finding = finding_new (SC_REVIEW_FINDING_TARGETS, NULL);
  guint with_target = 0;
  guint at_risk = 0;

  g_ptr_array_add (review->findings, finding);
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetric *metric = sc_metric_get (row->metric);
      g_autofree char *actual = NULL;
      g_autofree char *target = NULL;

      if (row->status == SC_REVIEW_STATUS_NO_TARGET)
        continue;
      with_target++;
      at_risk += row->status == SC_REVIEW_STATUS_AT_RISK;
      if (row->status != SC_REVIEW_STATUS_MISSED)
        continue;
      actual = sc_metric_format_display (metric, row->value.value);
      target = sc_metric_format_display (metric, row->target);
      if (missed->len > 0)
        g_string_append (missed, "; ");
      /* Translators: "CSAT (76.4% against a target of 80%)" */
      g_string_append_printf (missed, _("%s (%s against a target of %s)"), _(metric->name), actual, target);
      finding->count++;
    }
  if (with_target == 0)
    finding->text = g_strdup_printf (_("No targets are set for %s, so attainment is not reported."),
                                     review->period_label);
  else if (finding->count == 0)
    finding->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "No target was missed: of %u target, %u is at risk.",
                                                  "No target was missed: of %u targets, %u are at risk.",
                                                  with_target),
                                     with_target, at_risk);
  else
    /* Translators: the verb agrees with the first number: "1 of 8 targets
     * was missed", "2 of 8 targets were missed" */
    finding->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u of %u targets was missed: %s.",
                                                  "%u of %u targets were missed: %s.",
                                                  finding->count),
                                     finding->count, with_target, missed->str);
}

void
_sc_review_build_findings (ScReview *review)
{
  g_ptr_array_set_size (review->findings, 0);
  if (review->compare_label != NULL)
    {
      add_improvement (review);
      add_decline (review);
      add_volume (review);
      add_steady (review);
    }
  add_targets (review);
}
