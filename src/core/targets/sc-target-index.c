/* sc-target-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which target applies to a metric, a segment and a bucket, as of a time.
 */

#include "config.h"

#include <string.h>

#include "sc-target.h"

struct _ScTargetIndex
{
  GPtrArray *versions;
  /* Per metric: the keys (metric, segment, period), each a GPtrArray of
   * its versions (borrowed from @versions), oldest first. */
  GPtrArray *keys[SC_METRIC_N];
};

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const ScTarget *ta = *(const ScTarget * const *) a;
  const ScTarget *tb = *(const ScTarget * const *) b;
  int c;

  if (ta->metric != tb->metric)
    return ta->metric < tb->metric ? -1 : 1;
  if ((c = strcmp (ta->segment, tb->segment)) != 0)
    return c;
  if (ta->period.kind != tb->period.kind)
    return ta->period.kind < tb->period.kind ? -1 : 1;
  if (ta->period.start_day != tb->period.start_day)
    return ta->period.start_day < tb->period.start_day ? -1 : 1;
  if (ta->valid_from != tb->valid_from)
    return ta->valid_from < tb->valid_from ? -1 : 1;
  return ta->id < tb->id ? -1 : ta->id > tb->id;
}

/**
 * sc_target_index_new:
 * @versions: (element-type ScTarget): versions of targets, e.g. from
 *   sc_store_list_target_versions() (every version) or
 *   sc_store_list_targets() (those in force)
 *
 * Returns: (transfer full): an index over @versions, which it keeps a
 *   reference to
 */
ScTargetIndex *
sc_target_index_new (GPtrArray *versions)
{
  ScTargetIndex *self;
  g_autoptr(GPtrArray) sorted = NULL;
  GPtrArray *key = NULL;

  g_return_val_if_fail (versions != NULL, NULL);

  self = g_new0 (ScTargetIndex, 1);
  self->versions = g_ptr_array_ref (versions);
  for (guint m = 0; m < SC_METRIC_N; m++)
    self->keys[m] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  /* A copy would inherit the free function; this one only borrows. */
  sorted = g_ptr_array_sized_new (versions->len);
  for (guint i = 0; i < versions->len; i++)
    g_ptr_array_add (sorted, versions->pdata[i]);
  g_ptr_array_sort (sorted, compare_versions);
  for (guint i = 0; i < sorted->len; i++)
    {
      ScTarget *t = sorted->pdata[i];

      if (key == NULL || !sc_target_same_key (key->pdata[0], t))
        {
          key = g_ptr_array_new ();
          g_ptr_array_add (self->keys[t->metric], key);
        }
      g_ptr_array_add (key, t);
    }
  return self;
}

/**
 * sc_target_index_load:
 * @store: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): an index over every version of
 *   every target in @store
 */
ScTargetIndex *
sc_target_index_load (ScStore  *store,
                      GError  **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  if ((versions = sc_store_list_target_versions (store, error)) == NULL)
    return NULL;
  return sc_target_index_new (versions);
}

void
sc_target_index_free (ScTargetIndex *self)
{
  if (self == NULL)
    return;
  for (guint m = 0; m < SC_METRIC_N; m++)
    g_ptr_array_unref (self->keys[m]);
  g_ptr_array_unref (self->versions);
  g_free (self);
}

static gboolean
in_force_at (const ScTarget *t,
             gint64          as_of)
{
  if (as_of == SC_MISSING)
    return t->valid_to == SC_MISSING;
  return t->valid_from <= as_of && (t->valid_to == SC_MISSING || t->valid_to > as_of);
}

/* The version of one key in force at @as_of, or with @retroactive, when
 * none was in force then (a plan entered late for a period already past),
 * the version in force now: an undo or an unset of a late plan removes it
 * from past reviews too. */
static const ScTarget *
effective_version (GPtrArray *versions,
                   gint64     as_of,
                   gboolean   retroactive)
{
  const ScTarget *latest;

  for (guint i = versions->len; i > 0; i--)
    if (in_force_at (versions->pdata[i - 1], as_of))
      return versions->pdata[i - 1];
  if (!retroactive || as_of == SC_MISSING)
    return NULL;
  latest = versions->pdata[versions->len - 1];
  return latest->valid_to == SC_MISSING && latest->valid_from > as_of ? latest : NULL;
}

/**
 * sc_target_compare_precedence:
 * @a: a target
 * @b: another target
 *
 * Orders targets that both apply, most specific first (see the rules at
 * the top of sc-target.h).
 *
 * Returns: a negative number when @a wins over @b, positive when @b wins
 */
int
sc_target_compare_precedence (const ScTarget *a,
                              const ScTarget *b)
{
  guint na, nb;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  na = sc_segment_key_count (a->segment);
  nb = sc_segment_key_count (b->segment);
  if (na != nb)
    return na > nb ? -1 : 1;
  if (a->period.kind != b->period.kind)
    return a->period.kind < b->period.kind ? -1 : 1;
  if (a->period.start_day != b->period.start_day && a->period.kind == SC_TARGET_PERIOD_FROM)
    return a->period.start_day > b->period.start_day ? -1 : 1;
  if (a->valid_from != b->valid_from)
    return a->valid_from > b->valid_from ? -1 : 1;
  if (a->id != b->id)
    return a->id > b->id ? -1 : 1;
  return strcmp (a->segment, b->segment);
}

/**
 * sc_target_index_lookup:
 * @self: an index
 * @metric: the metric
 * @context: (nullable): the segment looked at as a canonical key (see
 *   sc_segment_key_from_filters()); %NULL or empty for all interactions
 * @first_day: the bucket's first day
 * @last_day: its last day
 * @as_of: the instant whose targets count (see sc_target_review_instant()),
 *   or %SC_MISSING for the targets in force now
 *
 * Finds the target that applies: of the targets whose segment matches
 * @context and whose period contains the bucket, the most specific.
 *
 * For each target the version in force at @as_of counts. A target with
 * no version in force at @as_of but set since (a plan entered late for a
 * month already past) counts as it stands now, so a review shows it; one
 * unset since (or undone) does not count.
 *
 * Returns: (transfer none) (nullable): the target, or %NULL when none applies
 */
const ScTarget *
sc_target_index_lookup (const ScTargetIndex *self,
                        ScMetricId           metric,
                        const char          *context,
                        gint32               first_day,
                        gint32               last_day,
                        gint64               as_of)
{
  const ScTarget *best = NULL;
  GPtrArray *keys;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (metric < SC_METRIC_N, NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);

  keys = self->keys[metric];
  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *versions = keys->pdata[i];
      const ScTarget *first = versions->pdata[0];
      const ScTarget *t;

      if (!sc_target_period_contains (&first->period, first_day, last_day)
          || !sc_segment_key_matches (first->segment, context))
        continue;
      t = effective_version (versions, as_of, TRUE);
      if (t != NULL && (best == NULL || sc_target_compare_precedence (t, best) < 0))
        best = t;
    }
  return best;
}

/**
 * sc_target_index_list:
 * @self: an index
 * @as_of: an instant, or %SC_MISSING for now
 *
 * Returns: (transfer container) (element-type ScTarget): the versions in
 *   force at @as_of, in catalogue order of their metric, then by segment
 *   and period; borrowed from @self
 */
GPtrArray *
sc_target_index_list (const ScTargetIndex *self,
                      gint64               as_of)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);

  list = g_ptr_array_new ();
  for (guint m = 0; m < SC_METRIC_N; m++)
    for (guint i = 0; i < self->keys[m]->len; i++)
      {
        const ScTarget *t = effective_version (self->keys[m]->pdata[i], as_of, FALSE);

        if (t != NULL)
          g_ptr_array_add (list, (gpointer) t);
      }
  return list;
}

/**
 * sc_target_review_instant:
 * @last_day: the last day of the period reviewed
 * @zone: (nullable): the organisation's time zone, %NULL for UTC
 * @now: the current time (Unix seconds)
 *
 * The instant whose targets a review of a period shows: the end of its
 * last day, or now for a period not yet over. Last month's review keeps
 * showing last month's targets however they were changed since.
 *
 * Returns: Unix seconds
 */
gint64
sc_target_review_instant (gint32     last_day,
                          GTimeZone *zone,
                          gint64     now)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) next = NULL;
  int y, m, d;

  if (zone == NULL)
    zone = utc = g_time_zone_new_utc ();
  sc_calendar_ymd_from_day (last_day + 1, &y, &m, &d);
  next = g_date_time_new (zone, y, m, d, 0, 0, 0);
  if (next == NULL)
    return now;
  return MIN (now, g_date_time_to_unix (next) - 1);
}

/**
 * sc_target_index_status:
 * @self: an index, e.g. from sc_target_index_load()
 * @settings: (nullable): the variants in force (the direction of CES)
 * @metric: the metric
 * @context: (nullable): the segment looked at as a canonical key (see
 *   sc_segment_key_from_filters()); %NULL or empty for all interactions
 * @first_day: the first day of the period shown (a dashboard's month)
 * @last_day: its last day
 * @zone: (nullable): the organisation's time zone, %NULL for UTC
 * @now: the current time (Unix seconds)
 * @actual: the metric's value over the period, NaN when there is none
 * @out: (out caller-allocates): the attainment and status
 *
 * The status a dashboard card shows for one metric and period, in one
 * call: the target that applies (see sc_target_index_lookup()) as a review
 * of the period shows it — the version in force at the end of its last
 * day (see sc_target_review_instant()), so last month's card keeps last
 * month's target — evaluated against @actual (see sc_target_evaluate()).
 * Without a target @out->status is %SC_TARGET_STATUS_NONE.
 *
 * The index reads nothing from the store, so this is cheap enough to call
 * for every card on the main thread; reload the index when the targets
 * change (#ScTargetHistory::changed).
 *
 * Returns: (transfer none) (nullable): the target that applies, or %NULL
 */
const ScTarget *
sc_target_index_status (const ScTargetIndex    *self,
                        const ScMetricSettings *settings,
                        ScMetricId              metric,
                        const char             *context,
                        gint32                  first_day,
                        gint32                  last_day,
                        GTimeZone              *zone,
                        gint64                  now,
                        double                  actual,
                        ScAttainment           *out)
{
  const ScTarget *target;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (metric < SC_METRIC_N, NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);
  g_return_val_if_fail (out != NULL, NULL);

  target = sc_target_index_lookup (self, metric, context, first_day, last_day,
                                   sc_target_review_instant (last_day, zone, now));
  sc_target_evaluate (target, settings, actual, out);
  return target;
}
