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
add_team (ScStore    *store,
          const char *team,
          const char *channel,
          guint       n,
          guint       fcr,
          gint64      frt_s)
{
  ScInteraction it;

  sc_interaction_init (&it);
  it.created_at = (gint64) day ("2026-03-10") * DAY_S + 9 * 3600;
  it.first_reply_at = it.created_at + frt_s;
  it.first_reply_s = frt_s;
  it.resolved_at = it.created_at + 3600;
  it.resolved = 1;
  it.dims[SC_DIM_TEAM] = team;
  it.dims[SC_DIM_CHANNEL] = channel;
  /* Resolved at the first touch, then with a second one. */
  it.agent_touches = 1;
  sc_test_import_copies (store, &it, fcr);
  it.agent_touches = 2;
  sc_test_import_copies (store, &it, n - fcr);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  f->dir = sc_test_make_tmpdir ();
  {
    g_autofree char *path = g_build_filename (f->dir, "teams.sqlite", NULL);

    store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  }
  g_assert_no_error (error);
  /* Alpha: 9 of 10 at first contact (90 %), first replies after 2 min.
   * Beta: 4 of 10 (40 %), after 10 min. Three tickets without a team. */
  add_team (store, "Alpha", "Email", 10, 9, 120);
  add_team (store, "Beta", "Phone", 10, 4, 600);
  add_team (store, NULL, "Email", 3, 3, 60);
  f->engine = sc_engine_new (store);
  f->clock = 1767225600;   /* 2026-01-01 00:00 UTC */
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->engine);
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
  g_assert_true (sc_store_apply_target_edits (sc_engine_get_store (f->engine), &edit, 1, f->clock,
                                              NULL, NULL, &error));
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
  index = sc_target_index_load (sc_engine_get_store (f->engine), &error);
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

/* The rows of the two teams for @metric, when that is all there is. */
static GPtrArray *
compute_teams (Fixture                *f,
               ScMetricId              metric,
               const ScSegmentTarget **alpha,
               const ScSegmentTarget **beta)
{
  GPtrArray *rows = compute (f, "");

  g_assert_cmpuint (rows->len, ==, 2);
  *alpha = find_row (rows, metric, "Alpha");
  *beta = find_row (rows, metric, "Beta");
  return rows;
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

/* Two teams against one metric's target, Beta perhaps with its own. */
typedef struct
{
  ScMetricId      metric;
  double          target;
  double          beta_override;   /* NaN: none */
  double          alpha_value;
  double          beta_value;
  ScTargetStatus  alpha_status;
  ScTargetStatus  beta_status;
} TeamsCase;

static const TeamsCase teams_cases[] = {
  /* 90 % meets an FCR target of 70 %, 40 % misses it. */
  { SC_METRIC_FCR, 70, NAN, 90, 40, SC_TARGET_STATUS_MET, SC_TARGET_STATUS_MISSED },
  /* Beta's own, lower target beats the overall one: 40 % meets 38 %. */
  { SC_METRIC_FCR, 70, 38, 90, 40, SC_TARGET_STATUS_MET, SC_TARGET_STATUS_MET },
  /* Lower is better: a 2 min median first reply meets 5 min, 10 min misses. */
  { SC_METRIC_FRT_MEDIAN, 300, NAN, 120, 600, SC_TARGET_STATUS_MET, SC_TARGET_STATUS_MISSED },
};

static void
test_two_teams (Fixture       *f,
                gconstpointer  data)
{
  const TeamsCase *c = data;
  gboolean beta_own = !isnan (c->beta_override);
  g_autoptr(GPtrArray) rows = NULL;
  const ScSegmentTarget *alpha, *beta;

  set_target (f, c->metric, "", c->target);
  if (beta_own)
    set_target (f, c->metric, "team=Beta", c->beta_override);
  /* One row per team with a value (not the tickets without a team), of
   * this metric only: the others have no target. */
  rows = compute_teams (f, c->metric, &alpha, &beta);
  assert_row (alpha, c->alpha_value, 10, c->target, c->alpha_status);
  assert_row (beta, c->beta_value, 10, beta_own ? c->beta_override : c->target, c->beta_status);
  g_assert_cmpint (alpha->attainment.direction, ==, sc_metric_get (c->metric)->direction);
  g_assert_false (alpha->own);
  g_assert_cmpstr (alpha->target_segment, ==, "");
  g_assert_true (beta->own == beta_own);
  g_assert_cmpstr (beta->target_segment, ==, beta_own ? "team=Beta" : "");
  /* Alpha does better; Beta, missed or with the lower attainment, first. */
  g_assert_cmpfloat (alpha->attainment.attainment, >, beta->attainment.attainment);
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

  /* Without any target there is nothing to list. */
  rows = compute (f, "channel=Email");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

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

/* A dimension kept from an import cannot carry targets of its own: its
 * segments are held to the overall target. */
static void
test_custom_dimension (Fixture       *f,
                       gconstpointer  data)
{
  static const ScMetricId metrics[] = { SC_METRIC_FCR };
  ScStore *store = sc_engine_get_store (f->engine);
  g_autoptr(GError) error = NULL;
  ScImportInfo info = { .file_name = "plans.csv", .checksum = "plans", .source = "plans" };
  ScStoreBatch *batch = sc_store_begin_import (store, &info, &error);
  ScImportCounts counts = { 0 };
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const ScSegmentTarget *gold, *silver;
  ScDimension plan;
  ScInteraction it;

  g_assert_no_error (error);
  g_assert_true (sc_store_batch_add_dimension (batch, "Plan", &plan, &error));
  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  sc_store_batch_free (batch);
  /* Gold: 9 of 10 at first contact; Silver: 3 of 10. */
  sc_interaction_init (&it);
  it.created_at = (gint64) day ("2026-03-12") * DAY_S + 9 * 3600;
  it.resolved_at = it.created_at + 3600;
  it.resolved = 1;
  it.dims[plan] = "Gold";
  it.agent_touches = 1;
  sc_test_import_copies (store, &it, 9);
  it.agent_touches = 2;
  sc_test_import_copies (store, &it, 1);
  it.dims[plan] = "Silver";
  sc_test_import_copies (store, &it, 7);
  it.agent_touches = 1;
  sc_test_import_copies (store, &it, 3);
  set_target (f, SC_METRIC_FCR, "", 70.0);

  sc_query_add_metric (query, SC_METRIC_FCR);
  sc_query_set_range (query, day ("2026-03-01"), day ("2026-03-31"));
  sc_query_set_group_by (query, plan);
  result = sc_engine_run (f->engine, query, &error);
  g_assert_no_error (error);
  index = sc_target_index_load (store, &error);
  g_assert_no_error (error);
  rows = sc_segment_targets_compute (result, metrics, 1, index,
                                     sc_engine_ensure_facts (f->engine, NULL)->settings, "",
                                     day ("2026-03-01"), day ("2026-03-31"), SC_MISSING);
  g_assert_cmpuint (rows->len, ==, 2);
  gold = find_row (rows, SC_METRIC_FCR, "Gold");
  silver = find_row (rows, SC_METRIC_FCR, "Silver");
  g_assert_nonnull (gold);
  g_assert_nonnull (silver);
  g_assert_false (gold->own);
  g_assert_cmpstr (gold->target_segment, ==, "");
  g_assert_cmpfloat_with_epsilon (gold->value, 90.0, 1e-9);
  g_assert_cmpint (gold->attainment.status, ==, SC_TARGET_STATUS_MET);
  g_assert_cmpfloat_with_epsilon (silver->value, 30.0, 1e-9);
  g_assert_cmpint (silver->attainment.status, ==, SC_TARGET_STATUS_MISSED);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/segment-targets/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add ("/scorecard/segment-targets/overall-target", Fixture, &teams_cases[0], fixture_setup,
              test_two_teams, fixture_teardown);
  g_test_add ("/scorecard/segment-targets/override-wins", Fixture, &teams_cases[1], fixture_setup,
              test_two_teams, fixture_teardown);
  g_test_add ("/scorecard/segment-targets/lower-is-better", Fixture, &teams_cases[2], fixture_setup,
              test_two_teams, fixture_teardown);
  ADD ("order", test_order);
  ADD ("context", test_context);
  ADD ("custom-dimension", test_custom_dimension);
#undef ADD

  return g_test_run ();
}
