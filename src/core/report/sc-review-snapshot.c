/* sc-review-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frozen reviews: the numbers of a review written as text (one number a
 * line: key, value, label, separated by tabs) and kept in the store, and
 * the comparison that finds the numbers a later import restated.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "sc-chart-axis.h"
#include "sc-review-private.h"

#define SNAPSHOT_HEADER "scorecard-review-snapshot 1"

typedef struct
{
  char       *key;
  char       *label;
  ScMetricId  metric;
  double      value;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->key);
  g_free (entry->label);
}

static void
add_entry (GArray     *entries,
           ScMetricId  metric,
           double      value,
           char       *key,
           char       *label)
{
  Entry entry = { key, label, metric, value };

  g_strdelimit (entry.label, "\t\n\r", ' ');
  g_array_append_val (entries, entry);
}

static void
add_headline_entries (const ScReview *review,
                      GArray         *entries)
{
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetric *metric = sc_metric_get (row->metric);
      const char *name = _(metric->name);

      add_entry (entries, row->metric, row->value.value,
                 g_strdup_printf ("h/%s/value", metric->id_string),
                 g_strdup_printf ("%s, %s", name, review->period_label));
      add_entry (entries, row->metric, row->value.n,
                 g_strdup_printf ("h/%s/n", metric->id_string),
                 g_strdup_printf (_("%s, sample size"), name));
      if (!row->value.has_comparison)
        continue;
      add_entry (entries, row->metric, row->value.compare_value,
                 g_strdup_printf ("h/%s/compare", metric->id_string),
                 g_strdup_printf ("%s, %s", name, review->compare_label));
    }
}

static void
add_breakdown_entries (const ScReview *review,
                       GArray         *entries)
{
  for (guint d = 0; d < review->grouped->len; d++)
    {
      const ScQueryResult *result = g_ptr_array_index (review->grouped, d);
      const char *dim = sc_review_get_dimension_name (review, result->group_by);

      for (guint i = 0; i < result->values->len; i++)
        {
          const ScMetricValue *v = &g_array_index (result->values, ScMetricValue, i);
          const ScMetric *metric = sc_metric_get (v->metric);
          const ScSegment *segment = g_ptr_array_index (result->segments, v->segment);
          g_autofree char *name = _sc_review_segment_name (review, result->group_by, segment->label);

          add_entry (entries, v->metric, v->value,
                     g_strdup_printf ("b/%s/%s/%s/value", dim, metric->id_string, segment->label),
                     g_strdup_printf ("%s, %s", _(metric->name), name));
          add_entry (entries, v->metric, v->n,
                     g_strdup_printf ("b/%s/%s/%s/n", dim, metric->id_string, segment->label),
                     g_strdup_printf (_("%s, %s, sample size"), _(metric->name), name));
        }
    }
}

static void
add_trend_entries (const ScReview *review,
                   GArray         *entries)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (review->time_zone);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  for (guint i = 0; i < review->sections->len; i++)
    {
      const ScReviewSection *section = g_ptr_array_index (review->sections, i);
      const ScMetric *metric = sc_metric_get (section->metric);

      for (guint p = 0; p < sc_chart_series_get_n_points (section->trend); p++)
        {
          const ScChartPoint *point = sc_chart_series_get_point (section->trend, p);
          g_autofree char *period = sc_chart_format_period (point->start, point->end, zone);

          add_entry (entries, section->metric, point->value,
                     g_strdup_printf ("t/%s/%" G_GINT64_FORMAT, metric->id_string, point->start),
                     g_strdup_printf (_("%s, trend, %s"), _(metric->name), period));
        }
    }
}

static GArray *
collect_entries (const ScReview *review)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  add_headline_entries (review, entries);
  add_breakdown_entries (review, entries);
  add_trend_entries (review, entries);
  return entries;
}

/**
 * sc_review_dup_snapshot:
 * @review: a review
 *
 * Returns: (transfer full): the review's numbers as the text a frozen
 *   review keeps
 */
char *
sc_review_dup_snapshot (const ScReview *review)
{
  g_autoptr(GArray) entries = NULL;
  GString *out = g_string_new (SNAPSHOT_HEADER "\n");

  g_return_val_if_fail (review != NULL, NULL);

  entries = collect_entries (review);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s\t%s\t%s\n", entry->key,
                              isfinite (entry->value)
                              ? g_ascii_dtostr (buffer, sizeof buffer, entry->value) : "nan",
                              entry->label);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_snapshot (const char  *content,
                GHashTable  *values,
                GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (content, "\n", -1);

  if (lines[0] == NULL || !g_str_equal (lines[0], SNAPSHOT_HEADER))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("The frozen review is not in a format this version reads (line 1)"));
      return FALSE;
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      double *value;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) != 3)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                       _("The frozen review is damaged at line %u: “%s”"), i + 1, lines[i]);
          return FALSE;
        }
      value = g_new (double, 1);
      *value = g_str_equal (fields[1], "nan") ? NAN : g_ascii_strtod (fields[1], NULL);
      g_hash_table_insert (values, g_strdup (fields[0]), value);
    }
  return TRUE;
}

static gboolean
restated (double frozen,
          double current)
{
  if (isfinite (frozen) != isfinite (current))
    return TRUE;
  if (!isfinite (frozen))
    return FALSE;
  return fabs (frozen - current) > 1e-9 * MAX (1.0, MAX (fabs (frozen), fabs (current)));
}

/**
 * sc_review_compare_snapshot:
 * @review: a review
 * @content: the numbers of a frozen review of the same period
 * @frozen_at: when it was frozen (Unix seconds)
 * @error: return location for an error
 *
 * Fills @review's restatements: every number of the frozen review that
 * @review shows differently now.
 *
 * Returns: %TRUE unless @content could not be read
 */
gboolean
sc_review_compare_snapshot (ScReview    *review,
                            const char  *content,
                            gint64       frozen_at,
                            GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail (review != NULL && content != NULL, FALSE);

  if (!parse_snapshot (content, values, error))
    return FALSE;
  g_ptr_array_set_size (review->restatements, 0);
  review->snapshot_at = frozen_at;
  entries = collect_entries (review);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      const double *frozen = g_hash_table_lookup (values, entry->key);
      ScReviewRestatement *restatement;

      if (frozen == NULL || !restated (*frozen, entry->value))
        continue;
      restatement = g_new0 (ScReviewRestatement, 1);
      restatement->key = g_steal_pointer (&entry->key);
      restatement->label = g_steal_pointer (&entry->label);
      restatement->metric = entry->metric;
      restatement->frozen = *frozen;
      restatement->current = entry->value;
      g_ptr_array_add (review->restatements, restatement);
    }
  return TRUE;
}

/**
 * sc_review_freeze:
 * @review: a review
 * @store: a writable store
 * @error: return location for an error
 *
 * Keeps the review's numbers in @store, so that a later review of the
 * same period and comparison shows what was restated since.
 *
 * Returns: %TRUE when the snapshot was saved
 */
gboolean
sc_review_freeze (ScReview  *review,
                  ScStore   *store,
                  GError   **error)
{
  g_autofree char *content = NULL;

  g_return_val_if_fail (review != NULL && SC_IS_STORE (store), FALSE);

  content = sc_review_dup_snapshot (review);
  return sc_store_save_review_snapshot (store, review->options->period,
                                        _sc_review_comparison_name (review->options->comparison),
                                        review->generated_at, content, error) > 0;
}

/**
 * sc_review_get_frozen_at:
 * @store: a store
 * @period: a review's period as its options give it, e.g. `2026-10`
 * @comparison: what the review compares with
 *
 * Returns: when the latest review of @period with @comparison was frozen
 *   (Unix seconds), or 0 when none was (or the store cannot say)
 */
gint64
sc_review_get_frozen_at (ScStore      *store,
                         const char   *period,
                         ScComparison  comparison)
{
  g_autoptr(ScReviewSnapshot) snapshot = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), 0);
  g_return_val_if_fail (period != NULL, 0);

  snapshot = sc_store_dup_latest_review_snapshot (store, period, _sc_review_comparison_name (comparison),
                                                  NULL);
  return snapshot != NULL ? snapshot->created_at : 0;
}
