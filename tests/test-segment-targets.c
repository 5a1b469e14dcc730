/* test-segment-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attainment per segment (sc-segment-targets.h) on a small store of two
 * teams: one over and one under the FCR target, a team's own override
 * beating the overall target, a lower-is-better metric, a view's filter
 * as the context, and the order that puts missed targets first.
 */

#include "config.h"

#include <math.h>

#include "sc-engine.h"
#include "sc-segment-targets.h"
#include "sc-test-util.h"

#define DAY_S 86400

typedef struct
{
  char     *dir;
  ScStore  *store;
  ScEngine *engine;
  gint64    clock;
} Fixture;

static gint32
day (const char *text)
{
  gint32 d;

  g_assert_true (sc_calendar_parse_date (text, &d));
  return d;
}

/* @n resolved tickets of @team in March 2026, @fcr of them resolved at the
 * first touch, each answered after @frt_s seconds. */
static void
add_team (Fixture    *f,
          const char *team,
          const char *channel,
          guint       n,
          guint       fcr,
          gint64      frt_s)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("batch-%u.csv", ++serial);
  ScImportInfo info = { name, name, "test", "test", NULL };
  g_autoptr(ScStoreBatch) batch = sc_store_begin_import (f->store, &info, &error);
  gint64 start = (gint64) day ("2026-03-10") * DAY_S + 9 * 3600;
  ScImportCounts counts = { n, n, 0, 0, 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, i);
      ScInteraction it;

      sc_interaction_init (&it);
      it.external_id = id;
      it.created_at = start + i * 60;
      it.first_reply_at = it.created_at + frt_s;
      it.first_reply_s = frt_s;
      it.resolved_at = it.created_at + 3600;
      it.resolved = 1;
      it.agent_touches = i < fcr ? 1 : 2;
      it.dims[SC_DIM_TEAM] = team;
      it.dims[SC_DIM_CHANNEL] = channel;
      g_assert_true (sc_store_batch_add_interaction (batch, &it, NULL, &error));
    }
  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sc_test_make_tmpdir ();
  path = g_build_filename (f->dir, "store.sqlite", NULL);
  f->store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->clock = 1767225600;   /* 2026-01-01 00:00 UTC */

  /* Alpha: 9 of 10 at first contact (90 %), first replies after 2 min.
   * Beta: 4 of 10 (40 %), after 10 min. Three tickets without a team. */
  add_team (f, "Alpha", "Email", 10, 9, 120);
  add_team (f, "Beta", "Phone", 10, 4, 600);
  add_team (f, NULL, "Email", 3, 3, 60);
  f->engine = sc_engine_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->store);
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Sets a target for 2026, a day later than the one before. */
static void
set_target (Fixture    *f,
            ScMetricId  metric,
            const char *segment,
            double      value)
{
  g_autoptr(GError) error = NULL;
  ScTargetPeriod period = { SC_TARGET_PERIOD_YEAR, day ("2026-01-01") };
  g_autoptr(ScTarget) target = sc_target_new (metric, segment, &period, value);
  ScTargetEdit edit = { target, FALSE };

  f->clock += DAY_S;
  g_assert_true (sc_store_apply_target_edits (f->store, &edit, 1, f->clock, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The March 2026 rows by team for FCR, CSAT (never a target here) and the
 * median first reply time, sorted by status, in the view of @context. */
static GPtrArray *
compute (Fixture    *f,
         const char *context)
{
  static const ScMetricId metrics[] = { SC_METRIC_FCR, SC_METRIC_CSAT, SC_METRIC_FRT_MEDIAN };
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    sc_query_add_metric (query, metrics[i]);
  sc_query_set_range (query, day ("2026-03-01"), day ("2026-03-31"));
  sc_query_set_group_by (query, SC_DIM_TEAM);
  sc_segment_key_add_to_query (context, query);
  result = sc_engine_run (f->engine, query, &error);
  g_assert_no_error (error);
  index = sc_target_index_load (f->store, &error);
  g_assert_no_error (error);
  rows = sc_segment_targets_compute (result, metrics, G_N_ELEMENTS (metrics), index,
                                     sc_engine_ensure_facts (f->engine, NULL)->settings, context,
                                     day ("2026-03-01"), day ("2026-03-31"), SC_MISSING);
  sc_segment_targets_sort_by_status (rows);
  return rows;
}

static const ScSegmentTarget *
find_row (GPtrArray  *rows,
          ScMetricId  metric,
          const char *team)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ScSegmentTarget *row = rows->pdata[i];

      if (row->metric == metric && g_str_equal (row->segment, team))
        return row;
    }
  return NULL;
}

/* Checks a row against sc_attainment_compute() of the same numbers. */
static void
assert_row (const ScSegmentTarget *row,
            double                 value,
            gint64                 n,
            double                 target,
            ScTargetStatus         status)
{
  ScAttainment expected;

  g_assert_nonnull (row);
  g_assert_cmpint (row->dim, ==, SC_DIM_TEAM);
  g_assert_cmpfloat_with_epsilon (row->value, value, 1e-9);
  g_assert_cmpint (row->n, ==, n);
  g_assert_cmpfloat (row->target, ==, target);
  g_assert_cmpint (row->attainment.status, ==, status);
  sc_attainment_compute (row->metric, NULL, target, 0.05, value, &expected);
  g_assert_cmpint (expected.status, ==, status);
  g_assert_cmpfloat_with_epsilon (row->attainment.attainment, expected.attainment, 1e-9);
}

static void
test_overall_target (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ScSegmentTarget *alpha, *beta;

  /* Without any target there is nothing to list. */
  rows = compute (f, "");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  set_target (f, SC_METRIC_FCR, "", 70);
  rows = compute (f, "");
  /* One row per team with a value (not the tickets without a team), FCR
   * only: CSAT and the first reply time have no target. */
  g_assert_cmpuint (rows->len, ==, 2);
  alpha = find_row (rows, SC_METRIC_FCR, "Alpha");
  beta = find_row (rows, SC_METRIC_FCR, "Beta");
  assert_row (alpha, 90, 10, 70, SC_TARGET_STATUS_MET);
  assert_row (beta, 40, 10, 70, SC_TARGET_STATUS_MISSED);
  g_assert_cmpfloat (beta->attainment.attainment, <, 100);
  g_assert_cmpfloat (alpha->attainment.attainment, >, 100);
  /* Both measured against the overall target. */
  g_assert_false (alpha->own);
  g_assert_cmpstr (alpha->target_segment, ==, "");
  g_assert_false (beta->own);
  /* The team that missed comes first. */
  g_assert_true (rows->pdata[0] == beta);
}

static void
test_override_wins (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ScSegmentTarget *alpha, *beta;

  set_target (f, SC_METRIC_FCR, "", 70);
  /* Beta's own, lower target: 40 % meets it. */
  set_target (f, SC_METRIC_FCR, "team=Beta", 38);
  rows = compute (f, "");
  g_assert_cmpuint (rows->len, ==, 2);
  alpha = find_row (rows, SC_METRIC_FCR, "Alpha");
  beta = find_row (rows, SC_METRIC_FCR, "Beta");
  assert_row (alpha, 90, 10, 70, SC_TARGET_STATUS_MET);
  assert_row (beta, 40, 10, 38, SC_TARGET_STATUS_MET);
  g_assert_true (beta->own);
  g_assert_cmpstr (beta->target_segment, ==, "team=Beta");
  g_assert_false (alpha->own);
  /* Both met: the lower attainment first. */
  g_assert_true (rows->pdata[0] == beta);
}

static void
test_lower_is_better (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ScSegmentTarget *alpha, *beta;

  /* A median first reply of 5 minutes at most. */
  set_target (f, SC_METRIC_FRT_MEDIAN, "", 300);
  rows = compute (f, "");
  g_assert_cmpuint (rows->len, ==, 2);
  alpha = find_row (rows, SC_METRIC_FRT_MEDIAN, "Alpha");
  beta = find_row (rows, SC_METRIC_FRT_MEDIAN, "Beta");
  /* 2 min is under 5: met; 10 min is over: missed. */
  assert_row (alpha, 120, 10, 300, SC_TARGET_STATUS_MET);
  assert_row (beta, 600, 10, 300, SC_TARGET_STATUS_MISSED);
  g_assert_cmpint (alpha->attainment.direction, ==, SC_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpfloat (alpha->attainment.attainment, >, 100);
  g_assert_cmpfloat (beta->attainment.attainment, <, 100);
  g_assert_true (rows->pdata[0] == beta);
}

/* Missed before at risk before met, across metrics. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  set_target (f, SC_METRIC_FCR, "", 70);
  set_target (f, SC_METRIC_FRT_MEDIAN, "", 300);
  /* Alpha's 90 % is just short of 93 %: at risk within the 5 % band. */
  set_target (f, SC_METRIC_FCR, "team=Alpha", 93);
  rows = compute (f, "");
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (find_row (rows, SC_METRIC_FCR, "Alpha")->attainment.status, ==, SC_TARGET_STATUS_AT_RISK);
  for (guint i = 0; i < rows->len; i++)
    {
      const ScSegmentTarget *row = rows->pdata[i];
      static const ScTargetStatus order[] = {
        SC_TARGET_STATUS_MISSED, SC_TARGET_STATUS_MISSED, SC_TARGET_STATUS_AT_RISK, SC_TARGET_STATUS_MET,
      };

      g_assert_cmpint (row->attainment.status, ==, order[i]);
    }
  /* Of the two missed, the worse first. */
  g_assert_cmpfloat (((ScSegmentTarget *) rows->pdata[0])->attainment.attainment, <=,
                     ((ScSegmentTarget *) rows->pdata[1])->attainment.attainment);
  g_assert_cmpint (sc_attainment_compare_worst_first (50, NAN), <, 0);
  g_assert_cmpint (sc_attainment_compare_worst_first (NAN, 50), >, 0);
  g_assert_cmpint (sc_attainment_compare_worst_first (NAN, NAN), ==, 0);
}

/* In a view filtered to Email, a target for Email applies to its teams. */
static void
test_context (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ScSegmentTarget *alpha;

  set_target (f, SC_METRIC_FCR, "", 70);
  set_target (f, SC_METRIC_FCR, "channel=Email", 94);
  rows = compute (f, "channel=Email");
  /* Only Alpha answers Email. */
  g_assert_cmpuint (rows->len, ==, 1);
  alpha = find_row (rows, SC_METRIC_FCR, "Alpha");
  assert_row (alpha, 90, 10, 94, SC_TARGET_STATUS_AT_RISK);
  g_assert_false (alpha->own);
  g_assert_cmpstr (alpha->target_segment, ==, "channel=Email");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Without the filter the Email target does not apply. */
  rows = compute (f, "");
  assert_row (find_row (rows, SC_METRIC_FCR, "Alpha"), 90, 10, 70, SC_TARGET_STATUS_MET);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/segment-targets/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("overall-target", test_overall_target);
  ADD ("override-wins", test_override_wins);
  ADD ("lower-is-better", test_lower_is_better);
  ADD ("order", test_order);
  ADD ("context", test_context);
#undef ADD

  return g_test_run ();
}
