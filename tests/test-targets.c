/* test-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets and baselines: the versioned store, periods and segments,
 * precedence, "as of", attainment, unit-aware values, undo and redo, CSV,
 * and baselines computed from a small store.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-baseline-eval.h"
#include "sc-target.h"
#include "sc-target-csv.h"
#include "sc-target-history.h"
#include "sc-target-value.h"
#include "sc-test-util.h"

typedef struct
{
  char    *dir;
  ScStore *store;
  gint64   clock;
} Fixture;

#define DAY_S 86400

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
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->clock;
}

static ScTargetPeriod
period (const char *text)
{
  g_autoptr(GError) error = NULL;
  ScTargetPeriod p;

  g_assert_true (sc_target_period_parse (text, &p, &error));
  g_assert_no_error (error);
  return p;
}

static gint32
day (const char *text)
{
  gint32 d;

  g_assert_true (sc_calendar_parse_date (text, &d));
  return d;
}

static ScTarget *
target (ScMetricId  metric,
        const char *segment,
        const char *period_text,
        double      value)
{
  ScTargetPeriod p = period (period_text);

  return sc_target_new (metric, segment, &p, value);
}

static void
set_target (ScStore        *store,
            const ScTarget *t,
            gint64          now)
{
  g_autoptr(GError) error = NULL;
  ScTargetEdit edit = { t, FALSE };

  g_assert_true (sc_store_apply_target_edits (store, &edit, 1, now, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
unset_target (ScStore        *store,
              const ScTarget *t,
              gint64          now)
{
  g_autoptr(GError) error = NULL;
  ScTargetEdit edit = { t, TRUE };

  g_assert_true (sc_store_apply_target_edits (store, &edit, 1, now, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_targets (ScStore *store,
              gint64   as_of)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sc_store_list_targets (store, as_of, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* ---- Store ------------------------------------------------------------------ */

static void
test_store_versions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ScTarget) frt = target (SC_METRIC_FRT_MEDIAN, "channel=Email", "2026", 4 * 3600);
  g_autoptr(ScTarget) csat = target (SC_METRIC_CSAT, "", "2026-Q1", 90);
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) between = NULL;
  g_autoptr(GPtrArray) after_unset = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  ScTarget *t;

  set_target (f->store, frt, 1000);
  set_target (f->store, csat, 1000);
  frt->value = 3 * 3600;
  frt->note = g_strdup ("tighter after hiring");
  set_target (f->store, frt, 2000);
  /* The same value again adds no version. */
  set_target (f->store, frt, 2500);
  unset_target (f->store, csat, 3000);

  now = list_targets (f->store, SC_MISSING);
  g_assert_cmpuint (now->len, ==, 1);
  t = now->pdata[0];
  g_assert_cmpint (t->metric, ==, SC_METRIC_FRT_MEDIAN);
  g_assert_cmpstr (t->segment, ==, "channel=Email");
  g_assert_cmpint (t->period.kind, ==, SC_TARGET_PERIOD_YEAR);
  g_assert_cmpint (t->period.start_day, ==, day ("2026-01-01"));
  g_assert_cmpfloat (t->value, ==, 3 * 3600);
  g_assert_cmpstr (t->note, ==, "tighter after hiring");
  g_assert_cmpint (t->valid_from, ==, 2000);
  g_assert_cmpint (t->valid_to, ==, SC_MISSING);

  before = list_targets (f->store, 999);
  g_assert_cmpuint (before->len, ==, 0);
  between = list_targets (f->store, 1500);
  g_assert_cmpuint (between->len, ==, 2);
  t = between->pdata[1];
  g_assert_cmpint (t->metric, ==, SC_METRIC_FRT_MEDIAN);
  g_assert_cmpfloat (t->value, ==, 4 * 3600);
  g_assert_cmpint (t->valid_to, ==, 2000);
  after_unset = list_targets (f->store, 3000);
  g_assert_cmpuint (after_unset->len, ==, 1);

  history = sc_store_list_target_history (f->store, SC_METRIC_FRT_MEDIAN, "channel=Email",
                                          &frt->period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpfloat (((ScTarget *) history->pdata[0])->value, ==, 4 * 3600);
  g_assert_cmpint (((ScTarget *) history->pdata[0])->valid_to, ==, 2000);
  g_assert_cmpfloat (((ScTarget *) history->pdata[1])->value, ==, 3 * 3600);
}

/* A batch with one bad edit keeps none of it. */
static void
test_store_transaction (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ScTarget) good = target (SC_METRIC_CSAT, "", "2026-03", 90);
  g_autoptr(ScTarget) bad = target (SC_METRIC_CSAT, "", "2026-04", NAN);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  ScTargetEdit edits[] = { { good, FALSE }, { bad, FALSE } };
  guint changed = 99;

  g_assert_false (sc_store_apply_target_edits (f->store, edits, 2, 100, NULL, &changed, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_cmpuint (changed, ==, 99);
  list = list_targets (f->store, SC_MISSING);
  g_assert_cmpuint (list->len, ==, 0);

  g_clear_error (&error);
  bad->value = 80;
  bad->at_risk_band = 1.5;
  g_assert_false (sc_store_apply_target_edits (f->store, edits, 2, 100, NULL, NULL, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
}

/* A change stamped before the version it replaces (the clock went back)
 * starts when that version did, so versions never overlap. */
static void
test_store_clock_back (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScTarget) t = target (SC_METRIC_FCR, "", "2026", 70);
  g_autoptr(GPtrArray) list = NULL;

  set_target (f->store, t, 5000);
  t->value = 75;
  set_target (f->store, t, 4000);
  list = list_targets (f->store, 5000);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpfloat (((ScTarget *) list->pdata[0])->value, ==, 75);
}

static void
test_store_baselines (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ScBaseline) fixed = sc_baseline_new (SC_METRIC_CSAT, "", SC_BASELINE_FIXED);
  g_autoptr(ScBaseline) trailing = sc_baseline_new (SC_METRIC_FRT_MEAN, "team=Billing", SC_BASELINE_TRAILING);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GError) error = NULL;
  ScBaselineEdit edits[2];
  const ScBaseline *b;
  guint changed;

  fixed->value = 84.5;
  trailing->months = 6;
  edits[0] = (ScBaselineEdit) { fixed, FALSE };
  edits[1] = (ScBaselineEdit) { trailing, FALSE };
  g_assert_true (sc_store_apply_baseline_edits (f->store, edits, 2, 100, &previous, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_null (previous->pdata[0]);
  g_clear_pointer (&previous, g_ptr_array_unref);

  fixed->value = 86;
  g_assert_true (sc_store_apply_baseline_edits (f->store, edits, 1, 200, &previous, &changed, &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpfloat (((ScBaseline *) previous->pdata[0])->value, ==, 84.5);

  list = sc_store_list_baselines (f->store, SC_MISSING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  b = sc_baselines_lookup (list, SC_METRIC_FRT_MEAN, "channel=Chat;team=Billing");
  g_assert_nonnull (b);
  g_assert_cmpint (b->kind, ==, SC_BASELINE_TRAILING);
  g_assert_cmpuint (b->months, ==, 6);
  g_assert_null (sc_baselines_lookup (list, SC_METRIC_FRT_MEAN, "team=Sales"));
  b = sc_baselines_lookup (list, SC_METRIC_CSAT, "team=Sales");
  g_assert_cmpfloat (b->value, ==, 86);

  old = sc_store_list_baselines (f->store, 150, &error);
  b = sc_baselines_lookup (old, SC_METRIC_CSAT, NULL);
  g_assert_cmpfloat (b->value, ==, 84.5);
  history = sc_store_list_baseline_history (f->store, SC_METRIC_CSAT, "", &error);
  g_assert_cmpuint (history->len, ==, 2);

  /* A trailing baseline needs 1 to 120 months. */
  trailing->months = 0;
  g_assert_false (sc_store_apply_baseline_edits (f->store, &edits[1], 1, 300, NULL, NULL, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
}

/* ---- Periods -------------------------------------------------------------------- */

static void
test_period_parse (void)
{
  static const struct { const char *text; ScTargetPeriodKind kind; const char *start; const char *canonical; } ok[] = {
    { "2026-03", SC_TARGET_PERIOD_MONTH, "2026-03-01", "2026-03" },
    { " 2026-Q4 ", SC_TARGET_PERIOD_QUARTER, "2026-10-01", "2026-Q4" },
    { "2026-q2", SC_TARGET_PERIOD_QUARTER, "2026-04-01", "2026-Q2" },
    { "2026", SC_TARGET_PERIOD_YEAR, "2026-01-01", "2026" },
    { "from 2026-03-15", SC_TARGET_PERIOD_FROM, "2026-03-15", "from 2026-03-15" },
    { "From 2026-03", SC_TARGET_PERIOD_FROM, "2026-03-01", "from 2026-03-01" },
    { "2026-03-15..", SC_TARGET_PERIOD_FROM, "2026-03-15", "from 2026-03-15" },
  };
  static const char * const bad[] = {
    "", "2026-13", "2026-Q5", "2026-03-15", "26", "from", "from tomorrow", "2026-03..2026-04", "Q4",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      ScTargetPeriod p = period (ok[i].text);
      g_autofree char *text = sc_target_period_format (&p);

      g_assert_cmpint (p.kind, ==, ok[i].kind);
      g_assert_cmpint (p.start_day, ==, day (ok[i].start));
      g_assert_cmpstr (text, ==, ok[i].canonical);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      ScTargetPeriod p;

      g_assert_false (sc_target_period_parse (bad[i], &p, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* Only a month is a month: a quarter, a year or a start date is refused,
 * naming the field and what was typed. */
static void
test_month_parse (void)
{
  const char *bad[] = { "2026-Q4", "2026", "from 2026-03", "2026-13", "June", "" };
  gint32 first_day = 0;

  g_assert_true (sc_target_month_parse ("--from", " 2026-11 ", &first_day, NULL));
  g_assert_cmpint (first_day, ==, day ("2026-11-01"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("Last month: “%s” is not a month", bad[i]);

      g_assert_false (sc_target_month_parse ("Last month", bad[i], &first_day, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
}

static gboolean
applies (const char *period_text,
         const char *first,
         const char *last)
{
  ScTargetPeriod p = period (period_text);

  return sc_target_period_contains (&p, day (first), day (last));
}

static void
test_period_matching (void)
{
  /* A Q4 target applies to October, November, December and their days. */
  g_assert_true (applies ("2026-Q4", "2026-10-01", "2026-10-31"));
  g_assert_true (applies ("2026-Q4", "2026-11-01", "2026-11-30"));
  g_assert_true (applies ("2026-Q4", "2026-12-01", "2026-12-31"));
  g_assert_true (applies ("2026-Q4", "2026-12-31", "2026-12-31"));
  g_assert_true (applies ("2026-Q4", "2026-10-01", "2026-12-31"));
  g_assert_false (applies ("2026-Q4", "2026-09-01", "2026-09-30"));
  g_assert_false (applies ("2026-Q4", "2027-01-01", "2027-01-31"));
  g_assert_false (applies ("2026-Q4", "2026-01-01", "2026-12-31"));
  /* A week across two months lies in neither month but in the quarter. */
  g_assert_false (applies ("2026-03", "2026-03-30", "2026-04-05"));
  g_assert_false (applies ("2026-Q1", "2026-03-30", "2026-04-05"));
  g_assert_true (applies ("2026", "2026-03-30", "2026-04-05"));
  /* A month target, not its neighbours. */
  g_assert_true (applies ("2026-02", "2026-02-01", "2026-02-28"));
  g_assert_false (applies ("2026-02", "2026-03-01", "2026-03-31"));
  /* A from-date target applies to the month it starts in and every later one. */
  g_assert_true (applies ("from 2026-03-15", "2026-03-01", "2026-03-31"));
  g_assert_true (applies ("from 2026-03-15", "2030-07-01", "2030-07-31"));
  g_assert_false (applies ("from 2026-03-15", "2026-02-01", "2026-02-28"));
  g_assert_false (applies ("from 2026-03-15", "2026-03-01", "2026-03-14"));
}

/* ---- Segments ------------------------------------------------------------------ */

static void
test_segment_keys (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *text; const char *message_part; } bad[] = {
    { "channel", "DIMENSION=VALUE" },
    { "=Email", "DIMENSION=VALUE" },
    { "colour=red", "is not a dimension" },
    { "channel=", "has no value" },
    { "channel=Email;channel=Chat", "twice" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStoreBatch) batch = NULL;
  ScImportInfo info = { "t.csv", "x", "test", "test", NULL };
  ScInteraction it;
  g_autofree char *key = NULL;
  g_autofree char *spelled = NULL;
  g_autofree char *described = NULL;
  g_autofree char *added = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autofree char *from_query = NULL;
  const char *where[] = { "team = Billing", "channel=email", NULL };

  key = sc_segment_key_parse (" team=Billing ; channel = Email", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "channel=Email;team=Billing");
  g_assert_cmpuint (sc_segment_key_count (key), ==, 2);
  g_assert_cmpuint (sc_segment_key_count (""), ==, 0);
  g_clear_pointer (&key, g_free);
  key = sc_segment_key_parse ("all", NULL, &error);
  g_assert_cmpstr (key, ==, "");
  g_clear_pointer (&key, g_free);
  key = sc_segment_key_parse ("group=Tier 1;segment=Enterprise", NULL, &error);
  g_assert_cmpstr (key, ==, "customer_segment=Enterprise;team=Tier 1");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *none = sc_segment_key_parse (bad[i].text, NULL, &error);

      g_assert_null (none);
      g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i].message_part));
      g_clear_error (&error);
    }

  /* Values typed in another case take the store's spelling. */
  batch = sc_store_begin_import (f->store, &info, &error);
  sc_interaction_init (&it);
  it.external_id = "1";
  it.created_at = f->clock;
  it.dims[SC_DIM_CHANNEL] = "Email";
  it.dims[SC_DIM_TEAM] = "Billing";
  g_assert_true (sc_store_batch_add_interaction (batch, &it, NULL, &error));
  g_assert_true (sc_store_batch_commit (batch, &(ScImportCounts) { .rows_read = 1 }, &error));
  g_assert_no_error (error);
  spelled = sc_segment_key_from_conditions (where, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spelled, ==, "channel=Email;team=Billing");

  g_assert_true (sc_segment_key_matches ("", "channel=Chat"));
  g_assert_true (sc_segment_key_matches ("channel=email", "channel=Email;team=Billing"));
  g_assert_false (sc_segment_key_matches ("channel=Email;team=Billing", "channel=Email"));
  g_assert_false (sc_segment_key_matches ("channel=Chat", "channel=Email"));

  described = sc_segment_key_describe (spelled);
  g_assert_cmpstr (described, ==, "Channel: Email, Team: Billing");
  added = sc_segment_key_add ("channel=Email;team=Billing", SC_DIM_TEAM, "Sales");
  g_assert_cmpstr (added, ==, "channel=Email;team=Sales");

  sc_query_add_filter (query, SC_DIM_TEAM, "Billing");
  sc_query_add_filter (query, SC_DIM_PRIORITY, "high");
  sc_query_add_filter (query, SC_DIM_PRIORITY, "urgent");
  from_query = sc_segment_key_from_filters (query->filters);
  g_assert_cmpstr (from_query, ==, "team=Billing");
}

/* ---- Precedence and "as of" --------------------------------------------------- */

static const ScTarget *
lookup (ScTargetIndex *index,
        ScMetricId     metric,
        const char    *context,
        const char    *first,
        const char    *last,
        gint64         as_of)
{
  return sc_target_index_lookup (index, metric, context, day (first), day (last), as_of);
}

static void
test_precedence (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTargetIndex) index = NULL;
  const struct { const char *segment; const char *period; double value; } plan[] = {
    { "", "from 2025-01-01", 1 },
    { "", "from 2026-06-01", 2 },
    { "", "2026", 3 },
    { "", "2026-Q4", 4 },
    { "", "2026-11", 5 },
    { "channel=Chat", "2026", 6 },
    { "channel=Chat;team=Billing", "from 2020-01-01", 7 },
    { "team=Billing", "2026", 8 },
  };
  gint64 t = 100;

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(ScTarget) tg = target (SC_METRIC_CSAT, plan[i].segment, plan[i].period, plan[i].value);

      set_target (f->store, tg, t++);
    }
  index = sc_target_index_load (f->store, &error);
  g_assert_no_error (error);

#define VALUE_AT(ctx, a, b) (lookup (index, SC_METRIC_CSAT, ctx, a, b, SC_MISSING)->value)
  /* Month beats quarter beats year beats from-date. */
  g_assert_cmpfloat (VALUE_AT ("", "2026-11-01", "2026-11-30"), ==, 5);
  g_assert_cmpfloat (VALUE_AT ("", "2026-10-01", "2026-10-31"), ==, 4);
  g_assert_cmpfloat (VALUE_AT ("", "2026-12-05", "2026-12-05"), ==, 4);
  g_assert_cmpfloat (VALUE_AT ("", "2026-03-01", "2026-03-31"), ==, 3);
  /* Of two from-date targets, the later start. */
  g_assert_cmpfloat (VALUE_AT ("", "2027-03-01", "2027-03-31"), ==, 2);
  g_assert_cmpfloat (VALUE_AT ("", "2025-03-01", "2025-03-31"), ==, 1);
  /* A segment target beats any all-channel one, however specific its period. */
  g_assert_cmpfloat (VALUE_AT ("channel=Chat", "2026-11-01", "2026-11-30"), ==, 6);
  g_assert_cmpfloat (VALUE_AT ("channel=Email", "2026-11-01", "2026-11-30"), ==, 5);
  /* Two conditions beat one, even with a from-date period. */
  g_assert_cmpfloat (VALUE_AT ("channel=Chat;team=Billing", "2026-11-01", "2026-11-30"), ==, 7);
  /* Two one-condition targets both match: the one set last wins. */
  g_assert_cmpfloat (VALUE_AT ("channel=Chat;region=EU;team=Billing", "2026-05-01", "2026-05-31"), ==, 7);
  g_assert_cmpfloat (VALUE_AT ("channel=Chat;region=EU;team=Sales", "2026-05-01", "2026-05-31"), ==, 6);
  {
    g_autoptr(ScTargetIndex) only_year = NULL;
    g_autoptr(ScTarget) chat = target (SC_METRIC_CSAT, "channel=Chat", "2026", 6);
    g_autoptr(ScTarget) billing = target (SC_METRIC_CSAT, "team=Billing", "2026", 8);
    g_autoptr(GPtrArray) pair = g_ptr_array_new ();

    chat->valid_from = 10;
    billing->valid_from = 20;
    g_ptr_array_add (pair, chat);
    g_ptr_array_add (pair, billing);
    only_year = sc_target_index_new (pair);
    g_assert_cmpfloat (lookup (only_year, SC_METRIC_CSAT, "channel=Chat;team=Billing",
                               "2026-05-01", "2026-05-31", SC_MISSING)->value, ==, 8);
  }
  /* No target for another metric, or before any period. */
  g_assert_null (lookup (index, SC_METRIC_NPS, "", "2026-11-01", "2026-11-30", SC_MISSING));
  g_assert_null (lookup (index, SC_METRIC_CSAT, "", "2024-11-01", "2024-11-30", SC_MISSING));
#undef VALUE_AT
}

static void
test_as_of (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ScTarget) year = target (SC_METRIC_FRT_MEDIAN, "", "2026", 4 * 3600);
  g_autoptr(ScTarget) march = target (SC_METRIC_FRT_MEDIAN, "", "2026-03", 5 * 3600);
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 end_of_feb;

  set_target (f->store, year, 1000);            /* set in January */
  year->value = 3 * 3600;
  set_target (f->store, year, 3000);            /* tightened in April */
  set_target (f->store, march, 4000);           /* March entered late */
  unset_target (f->store, march, 5000);         /* and removed again */

  index = sc_target_index_load (f->store, &error);
  g_assert_no_error (error);
#define FEB "2026-02-01", "2026-02-28"
#define MAR "2026-03-01", "2026-03-31"
  /* Before anything was set, the plan entered late counts as it stands. */
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", FEB, 500)->value, ==, 3 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", FEB, 1000)->value, ==, 4 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", FEB, 2999)->value, ==, 4 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", FEB, 3000)->value, ==, 3 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", FEB, SC_MISSING)->value, ==, 3 * 3600);
  /* March: the month target while it was in force; the year target in
   * force then before it was entered, or once it was removed (a late plan
   * removed again does not count for a review before it either). */
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", MAR, 2000)->value, ==, 4 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", MAR, 4500)->value, ==, 5 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", MAR, 5000)->value, ==, 3 * 3600);
  g_assert_cmpfloat (lookup (index, SC_METRIC_FRT_MEDIAN, "", MAR, SC_MISSING)->value, ==, 3 * 3600);
#undef FEB
#undef MAR

  listed = sc_target_index_list (index, 4500);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = sc_target_index_list (index, 500);
  g_assert_cmpuint (listed->len, ==, 0);

  /* A review of February shows the targets at the end of 28 February,
   * local time; a period not over yet shows today's. */
  end_of_feb = sc_target_review_instant (day ("2026-02-28"), berlin, G_MAXINT64);
  g_assert_cmpint (end_of_feb, ==, 1772319600 - 1);   /* 2026-03-01 00:00 CET */
  g_assert_cmpint (sc_target_review_instant (day ("2026-02-28"), NULL, 1000), ==, 1000);
}


/* What a dashboard card asks: the status of a metric for a month, with
 * the target in force at the end of that month. */
static void
test_card_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ScTarget) frt = target (SC_METRIC_FRT_MEDIAN, "", "2026", 4 * 3600);
  g_autoptr(ScTarget) email = target (SC_METRIC_FRT_MEDIAN, "channel=Email", "2026", 2 * 3600);
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  gint64 march_1 = 1772323200;   /* 2026-03-01 00:00 UTC */
  gint64 now = march_1 + 40 * DAY_S;
  const ScTarget *t;
  ScAttainment a;

  set_target (f->store, frt, march_1 - 60 * DAY_S);
  set_target (f->store, email, march_1 - 60 * DAY_S);
  frt->value = 3 * 3600;   /* tightened on 10 March */
  set_target (f->store, frt, march_1 + 9 * DAY_S);
  index = sc_target_index_load (f->store, &error);
  g_assert_no_error (error);

  /* February's card: 3.5 h against February's 4 h target is met. */
  t = sc_target_index_status (index, NULL, SC_METRIC_FRT_MEDIAN, NULL, day ("2026-02-01"),
                              day ("2026-02-28"), NULL, now, 3.5 * 3600, &a);
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->value, ==, 4 * 3600);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_MET);
  /* March's card: the 3 h target in force at its end; 3.1 h is at risk. */
  t = sc_target_index_status (index, NULL, SC_METRIC_FRT_MEDIAN, "", day ("2026-03-01"),
                              day ("2026-03-31"), NULL, now, 3.1 * 3600, &a);
  g_assert_cmpfloat (t->value, ==, 3 * 3600);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_AT_RISK);
  /* A card filtered to email uses the channel's own target. */
  t = sc_target_index_status (index, NULL, SC_METRIC_FRT_MEDIAN, "channel=Email", day ("2026-03-01"),
                              day ("2026-03-31"), NULL, now, 3.1 * 3600, &a);
  g_assert_cmpfloat (t->value, ==, 2 * 3600);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_MISSED);
  /* No data, no target. */
  sc_target_index_status (index, NULL, SC_METRIC_FRT_MEDIAN, NULL, day ("2026-03-01"),
                          day ("2026-03-31"), NULL, now, NAN, &a);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_NO_DATA);
  t = sc_target_index_status (index, NULL, SC_METRIC_CSAT, NULL, day ("2026-03-01"),
                              day ("2026-03-31"), NULL, now, 80, &a);
  g_assert_null (t);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_NONE);
  g_assert_cmpstr (sc_target_status_get_label (a.status), ==, "No target");
}

/* ---- Attainment ---------------------------------------------------------------- */

typedef struct
{
  ScMetricId      metric;
  double          target;
  double          actual;
  ScTargetStatus  status;
  double          attainment;
} AttainmentCase;

static void
test_attainment (void)
{
  static const AttainmentCase cases[] = {
    /* Lower is better, durations: 3 min against 4 min is met. */
    { SC_METRIC_FRT_MEDIAN, 240, 180, SC_TARGET_STATUS_MET, 133.333333 },
    { SC_METRIC_FRT_MEDIAN, 240, 240, SC_TARGET_STATUS_MET, 100 },
    { SC_METRIC_FRT_MEDIAN, 240, 250, SC_TARGET_STATUS_AT_RISK, 96 },
    { SC_METRIC_FRT_MEDIAN, 240, 252, SC_TARGET_STATUS_AT_RISK, 95.238095 },
    { SC_METRIC_FRT_MEDIAN, 240, 253, SC_TARGET_STATUS_MISSED, 94.861660 },
    { SC_METRIC_FRT_MEDIAN, 240, 480, SC_TARGET_STATUS_MISSED, 50 },
    { SC_METRIC_AHT, 600, 0, SC_TARGET_STATUS_MET, 999 },
    /* Higher is better, rates. */
    { SC_METRIC_CSAT, 90, 92, SC_TARGET_STATUS_MET, 102.222222 },
    { SC_METRIC_CSAT, 90, 86, SC_TARGET_STATUS_AT_RISK, 95.555556 },
    { SC_METRIC_CSAT, 90, 85.5, SC_TARGET_STATUS_AT_RISK, 95 },
    { SC_METRIC_CSAT, 90, 81, SC_TARGET_STATUS_MISSED, 90 },
    { SC_METRIC_FCR, 0, 0, SC_TARGET_STATUS_MET, 100 },
    /* Lower is better, rates; zero abandonment attains the most. */
    { SC_METRIC_ABANDONMENT, 5, 4, SC_TARGET_STATUS_MET, 125 },
    { SC_METRIC_ABANDONMENT, 5, 5.2, SC_TARGET_STATUS_AT_RISK, 96.153846 },
    { SC_METRIC_ABANDONMENT, 5, 10, SC_TARGET_STATUS_MISSED, 50 },
    { SC_METRIC_ABANDONMENT, 5, 0, SC_TARGET_STATUS_MET, 999 },
    { SC_METRIC_ESCALATION_RATE, 0, 0, SC_TARGET_STATUS_MET, 100 },
    { SC_METRIC_ESCALATION_RATE, 0, 1, SC_TARGET_STATUS_MISSED, 0 },
    /* NPS, measured from −100: zero and negative targets work. */
    { SC_METRIC_NPS, 20, 30, SC_TARGET_STATUS_MET, 108.333333 },
    { SC_METRIC_NPS, 20, 15, SC_TARGET_STATUS_AT_RISK, 95.833333 },
    { SC_METRIC_NPS, 20, 13, SC_TARGET_STATUS_MISSED, 94.166667 },
    { SC_METRIC_NPS, 0, 0, SC_TARGET_STATUS_MET, 100 },
    { SC_METRIC_NPS, 0, -4, SC_TARGET_STATUS_AT_RISK, 96 },
    { SC_METRIC_NPS, -10, -5, SC_TARGET_STATUS_MET, 105.555556 },
    { SC_METRIC_NPS, -10, -20, SC_TARGET_STATUS_MISSED, 88.888889 },
    { SC_METRIC_NPS, -100, -100, SC_TARGET_STATUS_MET, 100 },
    /* Effort score (higher is better by default), measured from 1. */
    { SC_METRIC_CES, 5, 5.5, SC_TARGET_STATUS_MET, 112.5 },
    { SC_METRIC_CES, 5, 4.9, SC_TARGET_STATUS_AT_RISK, 97.5 },
    { SC_METRIC_CES, 5, 4, SC_TARGET_STATUS_MISSED, 75 },
    /* Money. */
    { SC_METRIC_CLV, 1000, 1100, SC_TARGET_STATUS_MET, 110 },
    /* Neutral: a level to hold, either side. */
    { SC_METRIC_VOLUME, 1000, 1040, SC_TARGET_STATUS_MET, 104 },
    { SC_METRIC_VOLUME, 1000, 960, SC_TARGET_STATUS_MET, 96 },
    { SC_METRIC_VOLUME, 1000, 1080, SC_TARGET_STATUS_AT_RISK, 108 },
    { SC_METRIC_VOLUME, 1000, 850, SC_TARGET_STATUS_MISSED, 85 },
    /* Lower is better, counts. */
    { SC_METRIC_BACKLOG, 100, 80, SC_TARGET_STATUS_MET, 125 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScAttainment a;

      sc_attainment_compute (cases[i].metric, NULL, cases[i].target, 0.05, cases[i].actual, &a);
      if (a.status != cases[i].status || fabs (a.attainment - cases[i].attainment) > 1e-5)
        g_error ("case %u (%s, target %g, actual %g): %s %.6f, expected %s %.6f", i,
                 sc_metric_get (cases[i].metric)->id_string, cases[i].target, cases[i].actual,
                 sc_target_status_to_string (a.status), a.attainment,
                 sc_target_status_to_string (cases[i].status), cases[i].attainment);
    }
}

static void
test_attainment_details (void)
{
  g_autoptr(ScMetricSettings) settings = sc_metric_settings_new ();
  g_autoptr(ScTarget) frt = target (SC_METRIC_FRT_MEDIAN, "", "2026", 240);
  g_autoptr(GError) error = NULL;
  ScAttainment a;

  /* The at-risk limit lies on the bad side, a band's width away. */
  sc_target_evaluate (frt, NULL, 180, &a);
  g_assert_cmpfloat (a.at_risk_limit, ==, 252);
  g_assert_cmpfloat (a.gap, ==, 60);
  g_assert_cmpint (a.direction, ==, SC_DIRECTION_LOWER_IS_BETTER);
  sc_attainment_compute (SC_METRIC_CSAT, NULL, 90, 0.10, 85, &a);
  g_assert_cmpfloat (a.at_risk_limit, ==, 81);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_AT_RISK);
  sc_attainment_compute (SC_METRIC_NPS, NULL, 20, 0.05, 0, &a);
  g_assert_cmpfloat (a.at_risk_limit, ==, 14);
  g_assert_cmpfloat (a.reference, ==, -100);

  /* No data, no target. */
  sc_target_evaluate (frt, NULL, NAN, &a);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_NO_DATA);
  g_assert_true (isnan (a.attainment));
  sc_target_evaluate (NULL, NULL, 100, &a);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_NONE);
  g_assert_cmpstr (sc_target_status_get_label (SC_TARGET_STATUS_AT_RISK), ==, "At risk");

  /* CES with lower effort better, by setting. */
  g_assert_true (sc_metric_settings_set (settings, SC_SETTING_CES_DIRECTION, "lower", &error));
  sc_attainment_compute (SC_METRIC_CES, settings, 2.5, 0.05, 2, &a);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_MET);
  g_assert_cmpfloat_with_epsilon (a.attainment, 150, 1e-9);
  sc_attainment_compute (SC_METRIC_CES, settings, 2.5, 0.05, 3, &a);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_MISSED);
  g_assert_cmpfloat_with_epsilon (a.attainment, 75, 1e-9);

  /* A rate computed a hair off the target is on it. */
  sc_attainment_compute (SC_METRIC_CSAT, NULL, 90, 0, 90 - 1e-12, &a);
  g_assert_cmpint (a.status, ==, SC_TARGET_STATUS_MET);
}

/* ---- Values ---------------------------------------------------------------------- */

typedef struct
{
  ScMetricId  metric;
  const char *text;
  double      value;
} ValueCase;

static void
test_value_parse (void)
{
  static const ValueCase ok[] = {
    { SC_METRIC_FRT_MEDIAN, "4h", 14400 },
    { SC_METRIC_FRT_MEDIAN, "90 s", 90 },
    { SC_METRIC_FRT_MEDIAN, "1h 30m", 5400 },
    { SC_METRIC_FRT_MEDIAN, "1h30min", 5400 },
    { SC_METRIC_FRT_MEDIAN, "2 days 4 hours", 187200 },
    { SC_METRIC_FRT_MEDIAN, "4.5 min", 270 },
    { SC_METRIC_FRT_MEDIAN, "4,5 min", 270 },
    { SC_METRIC_FRT_MEDIAN, "1:30", 5400 },
    { SC_METRIC_FRT_MEDIAN, "0:04:30", 270 },
    { SC_METRIC_AHT, " 6 MIN ", 360 },
    { SC_METRIC_CSAT, "85%", 85 },
    { SC_METRIC_CSAT, "85 %", 85 },
    { SC_METRIC_CSAT, "85", 85 },
    { SC_METRIC_CSAT, "0", 0 },
    { SC_METRIC_CSAT, "100%", 100 },
    { SC_METRIC_FCR, "72.5%", 72.5 },
    { SC_METRIC_NPS, "+20", 20 },
    { SC_METRIC_NPS, "-5", -5 },
    { SC_METRIC_NPS, "\xe2\x88\x92" "12", -12 },
    { SC_METRIC_NPS, "100", 100 },
    { SC_METRIC_NPS, "-100", -100 },
    { SC_METRIC_CES, "4.2", 4.2 },
    { SC_METRIC_CES, "7", 7 },
    { SC_METRIC_VOLUME, "1200", 1200 },
    { SC_METRIC_CLV, "350.50", 350.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;

      if (!sc_target_value_parse (ok[i].metric, NULL, ok[i].text, &value, &error))
        g_error ("“%s” for %s: %s", ok[i].text, sc_metric_get (ok[i].metric)->id_string, error->message);
      g_assert_cmpfloat_with_epsilon (value, ok[i].value, 1e-9);
    }
}

typedef struct
{
  ScMetricId  metric;
  const char *text;
  int         code;
  const char *message_part;
} ValueError;

static void
test_value_errors (void)
{
  static const ValueError bad[] = {
    { SC_METRIC_FRT_MEDIAN, "", SC_ERROR_PARSE, "Enter a value for First response time" },
    { SC_METRIC_FRT_MEDIAN, "   ", SC_ERROR_PARSE, "Enter a value" },
    { SC_METRIC_FRT_MEDIAN, "4", SC_ERROR_PARSE, "needs a unit of time" },
    { SC_METRIC_FRT_MEDIAN, "4 fortnights", SC_ERROR_PARSE, "“fortnights” in “4 fortnights” is not a unit of time" },
    { SC_METRIC_FRT_MEDIAN, "1h 2h", SC_ERROR_PARSE, "gives the h twice" },
    { SC_METRIC_FRT_MEDIAN, "four hours", SC_ERROR_PARSE, "is not a duration" },
    { SC_METRIC_FRT_MEDIAN, "1:75", SC_ERROR_PARSE, "1:30:00" },
    { SC_METRIC_FRT_MEDIAN, "-5 min", SC_ERROR_INVALID, "more than zero" },
    { SC_METRIC_FRT_MEDIAN, "0s", SC_ERROR_INVALID, "more than zero" },
    { SC_METRIC_FRT_MEDIAN, "0:00", SC_ERROR_INVALID, "more than zero" },
    { SC_METRIC_CSAT, "101%", SC_ERROR_INVALID, "percentage from 0 to 100; 101% is outside" },
    { SC_METRIC_CSAT, "-1", SC_ERROR_INVALID, "from 0 to 100" },
    { SC_METRIC_CSAT, "85%%", SC_ERROR_PARSE, "is not a percentage" },
    { SC_METRIC_CSAT, "high", SC_ERROR_PARSE, "is not a percentage" },
    { SC_METRIC_CSAT, "4h", SC_ERROR_PARSE, "is not a percentage" },
    { SC_METRIC_NPS, "101", SC_ERROR_INVALID, "An NPS goes from −100 to 100; +101 is outside" },
    { SC_METRIC_NPS, "-150", SC_ERROR_INVALID, "from −100 to 100" },
    { SC_METRIC_NPS, "20%", SC_ERROR_PARSE, "not a percentage" },
    { SC_METRIC_NPS, "+-3", SC_ERROR_PARSE, "is not an NPS" },
    { SC_METRIC_CES, "8", SC_ERROR_INVALID, "goes from 1 to 7 (the CES scale)" },
    { SC_METRIC_CES, "0.5", SC_ERROR_INVALID, "from 1 to 7" },
    { SC_METRIC_CES, "4.2.1", SC_ERROR_PARSE, "is not a number" },
    { SC_METRIC_CES, "50%", SC_ERROR_PARSE, "is not a percentage" },
    { SC_METRIC_VOLUME, "-3", SC_ERROR_INVALID, "cannot be negative" },
    { SC_METRIC_VOLUME, "1e3", SC_ERROR_PARSE, "is not a number" },
    { SC_METRIC_CLV, "nan", SC_ERROR_PARSE, "is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 12345;

      g_assert_false (sc_target_value_parse (bad[i].metric, NULL, bad[i].text, &value, &error));
      g_assert_nonnull (error);
      if (error->code != bad[i].code || strstr (error->message, bad[i].message_part) == NULL)
        g_error ("“%s” for %s: got “%s” (code %d)", bad[i].text,
                 sc_metric_get (bad[i].metric)->id_string, error->message, error->code);
      g_assert_cmpfloat (value, ==, 12345);
    }
}

static void
test_value_scale_setting (void)
{
  g_autoptr(ScMetricSettings) settings = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  double value;

  g_assert_true (sc_metric_settings_set (settings, SC_SETTING_CES_SCALE, "5", &error));
  g_assert_true (sc_target_value_parse (SC_METRIC_CES, settings, "4.5", &value, &error));
  g_assert_false (sc_target_value_parse (SC_METRIC_CES, settings, "6", &value, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from 1 to 5"));
}

static void
test_value_format (void)
{
  static const ValueCase cases[] = {
    { SC_METRIC_FRT_MEDIAN, "4h", 14400 },
    { SC_METRIC_FRT_MEDIAN, "1h 30m", 5400 },
    { SC_METRIC_FRT_MEDIAN, "1m 30s", 90 },
    { SC_METRIC_FRT_MEDIAN, "45s", 45 },
    { SC_METRIC_FRT_MEDIAN, "2d 4h", 187200 },
    { SC_METRIC_FRT_MEDIAN, "1m 0.5s", 60.5 },
    { SC_METRIC_CSAT, "85%", 85 },
    { SC_METRIC_CSAT, "72.25%", 72.25 },
    { SC_METRIC_NPS, "+20", 20 },
    { SC_METRIC_NPS, "-5", -5 },
    { SC_METRIC_NPS, "0", 0 },
    { SC_METRIC_NPS, "+12.5", 12.5 },
    { SC_METRIC_CES, "4.2", 4.2 },
    { SC_METRIC_VOLUME, "1200", 1200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sc_target_value_format (cases[i].metric, cases[i].value);
      g_autoptr(GError) error = NULL;
      double back;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (sc_target_value_parse (cases[i].metric, NULL, text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (back, cases[i].value, 1e-9);
    }

  /* Any whole number of seconds survives formatting and reading back. */
  for (guint i = 0; i < 500; i++)
    {
      double seconds = g_test_rand_int_range (1, 30 * 86400);
      g_autofree char *text = sc_duration_format (seconds);
      double back = 0;

      g_assert_true (sc_duration_parse (text, &back, NULL));
      g_assert_cmpfloat (back, ==, seconds);
    }
}

static void
test_band (void)
{
  static const struct { const char *text; double band; } ok[] = {
    { "5%", 0.05 }, { " 7.5 % ", 0.075 }, { "0.05", 0.05 }, { "0", 0 }, { "0%", 0 },
  };
  static const struct { const char *text; int code; } bad[] = {
    { "5", SC_ERROR_INVALID }, { "100%", SC_ERROR_INVALID }, { "-5%", SC_ERROR_INVALID },
    { "wide", SC_ERROR_PARSE }, { "", SC_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      double band;

      g_assert_true (sc_target_band_parse (ok[i].text, &band, &error));
      g_assert_cmpfloat_with_epsilon (band, ok[i].band, 1e-12);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double band;

      g_assert_false (sc_target_band_parse (bad[i].text, &band, &error));
      g_assert_error (error, SC_ERROR, bad[i].code);
    }
  {
    g_autofree char *text = sc_target_band_format (0.075);

    g_assert_cmpstr (text, ==, "7.5%");
  }
}

/* ---- Undo and redo ---------------------------------------------------------------- */

static double
current_value (ScStore        *store,
               ScMetricId      metric,
               const char     *segment,
               const char     *period_text)
{
  g_autoptr(GPtrArray) list = list_targets (store, SC_MISSING);
  ScTargetPeriod p = period (period_text);

  for (guint i = 0; i < list->len; i++)
    {
      ScTarget *t = list->pdata[i];

      if (t->metric == metric && g_str_equal (t->segment, segment)
          && t->period.kind == p.kind && t->period.start_day == p.start_day)
        return t->value;
    }
  return NAN;
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (gpointer    object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScTargetHistory) history = sc_target_history_new (f->store);
  g_autoptr(ScTarget) t = target (SC_METRIC_FRT_MEDIAN, "channel=Email", "2026", 4 * 3600);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  guint changed = 0, notified = 0;

  sc_target_history_set_clock (history, fixture_clock, f);
  g_signal_connect (history, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify_cb), &notified);
  g_assert_false (sc_target_history_get_can_undo (history));
  g_assert_false (sc_target_history_undo (history, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_clear_error (&error);

#define VALUE() current_value (f->store, SC_METRIC_FRT_MEDIAN, "channel=Email", "2026")
  g_assert_true (sc_target_history_set_target (history, t, &error));   /* 4h */
  f->clock += 60;
  t->value = 3 * 3600;
  g_assert_true (sc_target_history_set_target (history, t, &error));   /* 3h */
  f->clock += 60;
  g_assert_no_error (error);
  g_assert_cmpfloat (VALUE (), ==, 3 * 3600);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (sc_target_history_get_can_undo (history));
  g_assert_cmpstr (sc_target_history_get_undo_label (history), ==,
                   "Set the target of First response time (median) (Channel: Email, 2026)");

  /* Setting the same value again is no edit. */
  g_assert_true (sc_target_history_set_target (history, t, &error));
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (sc_target_history_undo (history, &error));
  g_assert_cmpfloat (VALUE (), ==, 4 * 3600);
  g_assert_true (sc_target_history_undo (history, &error));
  g_assert_true (isnan (VALUE ()));
  g_assert_false (sc_target_history_get_can_undo (history));
  g_assert_true (sc_target_history_get_can_redo (history));
  g_assert_true (sc_target_history_redo (history, &error));
  g_assert_cmpfloat (VALUE (), ==, 4 * 3600);
  g_assert_true (sc_target_history_redo (history, &error));
  g_assert_cmpfloat (VALUE (), ==, 3 * 3600);
  g_assert_false (sc_target_history_get_can_redo (history));
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (notified, ==, 6);

  /* Undo, then a new edit: the redo is gone. */
  g_assert_true (sc_target_history_undo (history, &error));
  g_assert_true (sc_target_history_unset_target (history, SC_METRIC_FRT_MEDIAN, "channel=Email",
                                                 &t->period, &error));
  g_assert_no_error (error);
  g_assert_true (isnan (VALUE ()));
  g_assert_false (sc_target_history_get_can_redo (history));
  g_assert_cmpstr (sc_target_history_get_undo_label (history), ==,
                   "Remove the target of First response time (median) (Channel: Email, 2026)");
  g_assert_true (sc_target_history_undo (history, &error));
  g_assert_cmpfloat (VALUE (), ==, 4 * 3600);
#undef VALUE

  /* Every step that set a value wrote a version (4h, 3h, undo 4h, redo 4h,
   * redo 3h, undo 4h, undo of the removal 4h); removing only closes one. */
  versions = sc_store_list_target_history (f->store, SC_METRIC_FRT_MEDIAN, "channel=Email",
                                           &t->period, &error);
  g_assert_cmpuint (versions->len, ==, 7);
  g_assert_cmpint (((ScTarget *) versions->pdata[0])->valid_from, ==, 1767225600);
}

static void
test_undo_glide (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ScTargetHistory) history = sc_target_history_new (f->store);
  g_autoptr(ScTarget) jan = target (SC_METRIC_FRT_MEDIAN, "", "2026-01", 5 * 3600);
  g_autoptr(ScTarget) june = target (SC_METRIC_FRT_MEDIAN, "", "2026-06", 9 * 3600);
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GPtrArray) constant = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScBaseline) baseline = sc_baseline_new (SC_METRIC_CSAT, "", SC_BASELINE_FIXED);

  /* Five hours down to three hours over 2026: a straight line. */
  path = sc_target_glide_path (jan, day ("2026-12-15"), 3 * 3600);
  g_assert_cmpuint (path->len, ==, 12);
  g_assert_cmpfloat (((ScTarget *) path->pdata[0])->value, ==, 18000);
  /* 5h − 2h ÷ 11 = 4h 49m 05s, written in whole minutes. */
  g_assert_cmpfloat (((ScTarget *) path->pdata[1])->value, ==, round ((18000 - 7200.0 / 11) / 60) * 60);
  g_assert_cmpfloat (((ScTarget *) path->pdata[11])->value, ==, 10800);
  g_assert_cmpint (((ScTarget *) path->pdata[11])->period.start_day, ==, day ("2026-12-01"));
  constant = sc_target_glide_path (jan, day ("2026-03-01"), NAN);
  g_assert_cmpuint (constant->len, ==, 3);
  g_assert_cmpfloat (((ScTarget *) constant->pdata[2])->value, ==, 18000);

  set_target (f->store, june, 10);
  g_assert_true (sc_target_history_set_months (history, jan, day ("2026-12-01"), 3 * 3600, &error));
  g_assert_no_error (error);
  list = list_targets (f->store, SC_MISSING);
  g_assert_cmpuint (list->len, ==, 12);
  g_assert_cmpstr (sc_target_history_get_undo_label (history), ==,
                   "Set the targets of First response time (median) from 2026-01 to 2026-12");

  /* One undo takes the whole path back, and restores June's own target. */
  g_assert_true (sc_target_history_undo (history, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_targets (f->store, SC_MISSING);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpfloat (((ScTarget *) list->pdata[0])->value, ==, 9 * 3600);

  g_assert_false (sc_target_history_set_months (history, june, day ("2026-01-01"), NAN, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_clear_error (&error);

  /* Baselines undo too, as their own steps. */
  baseline->value = 82;
  g_assert_true (sc_target_history_set_baseline (history, baseline, &error));
  baseline->value = 85;
  g_assert_true (sc_target_history_set_baseline (history, baseline, &error));
  g_assert_true (sc_target_history_unset_baseline (history, SC_METRIC_CSAT, "", &error));
  g_assert_true (sc_target_history_undo (history, &error));
  g_assert_true (sc_target_history_undo (history, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sc_store_list_baselines (f->store, SC_MISSING, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpfloat (((ScBaseline *) list->pdata[0])->value, ==, 82);
  g_assert_true (sc_target_history_undo (history, &error));   /* the baseline */
  g_assert_true (sc_target_history_redo (history, &error));
  g_assert_true (sc_target_history_redo (history, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sc_store_list_baselines (f->store, SC_MISSING, &error);
  g_assert_cmpfloat (((ScBaseline *) list->pdata[0])->value, ==, 85);
  sc_target_history_clear (history);
  g_assert_false (sc_target_history_get_can_undo (history));
  g_assert_false (sc_target_history_get_can_redo (history));
}

/* ---- CSV ---------------------------------------------------------------------------- */

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (f->dir, "plan.csv", NULL);
  ScTarget *t;

  g_ptr_array_add (targets, target (SC_METRIC_FRT_MEDIAN, "channel=Email", "2026-03", 5400));
  g_ptr_array_add (targets, target (SC_METRIC_NPS, "", "2026-Q4", 20));
  g_ptr_array_add (targets, t = target (SC_METRIC_NPS, "channel=Chat;team=Billing", "2026", -5));
  t->note = g_strdup ("=HYPERLINK(\"http://x\",\"click\")");
  g_ptr_array_add (targets, t = target (SC_METRIC_CSAT, "team=Tier 1, EMEA", "from 2026-03-15", 87.5));
  t->at_risk_band = 0.1;
  t->note = g_strdup ("@SUM(A1) and a \"quote\"\nover two lines");
  g_ptr_array_add (targets, target (SC_METRIC_CES, "", "2027", 4.2));

  text = sc_target_csv_write (targets);
  g_assert_true (g_str_has_prefix (text, "metric,segment,period,value,at_risk_band,note\r\n"));
  /* Nothing a spreadsheet would run as a formula. */
  g_assert_nonnull (strstr (text, ",'+20,"));
  g_assert_nonnull (strstr (text, ",'-5,"));
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""));
  g_assert_nonnull (strstr (text, "\"'@SUM(A1)"));
  g_assert_null (strstr (text, ",+20"));
  g_assert_null (strstr (text, ",=HYPERLINK"));

  g_assert_true (sc_target_csv_write_file (targets, path, &error));
  back = sc_target_csv_read_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, targets->len);
  for (guint i = 0; i < targets->len; i++)
    {
      ScTarget *a = targets->pdata[i], *b = back->pdata[i];

      g_assert_true (sc_target_same_key (a, b));
      g_assert_cmpfloat_with_epsilon (a->value, b->value, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->at_risk_band, b->at_risk_band, 1e-12);
      g_assert_cmpstr (a->note, ==, b->note);
    }
}

static void
test_csv_errors (void)
{
  static const struct { const char *csv; const char *message_part; } cases[] = {
    { "metric,period,value\nfrt_speed,2026,4h\n", "plan.csv:2:1 (metric): “frt_speed” is not a metric id" },
    { "metric,period,value\nfrt_median,2026,four\n", "plan.csv:2:3 (value): “four” is not a duration" },
    { "metric,period,value\nnps,2026,120\n", "plan.csv:2:3 (value): An NPS goes from −100 to 100" },
    { "metric,period,value\ncsat,2026,101%\n", "plan.csv:2:3 (value)" },
    { "metric,period,value\ncsat,2026-13,90\n", "plan.csv:2:2 (period): “2026-13” is not a target period" },
    { "value,segment,metric,period\n90,colour=red,csat,2026\n", "plan.csv:2:2 (segment): “colour” in “colour=red” is not a dimension" },
    { "metric,period,value,at_risk_band\ncsat,2026,90,50\n", "plan.csv:2:4 (at_risk_band)" },
    { "metric,period,value\ncsat,2026,90\n\ncsat,2026,91\n", "plan.csv:4: repeats the target of line 2 (csat, all, 2026)" },
    { "metric,value\ncsat,90\n", "plan.csv:1: the header has no “period” column" },
    { "metric,period,value,owner\ncsat,2026,90,Ann\n", "plan.csv:1: column 4, “owner”, is not a target column" },
    { "metric,period,value,value\ncsat,2026,90,91\n", "plan.csv:1: column 4, “value”, appears twice" },
    { "metric,period,value\ncsat,2026,90,extra\nfcr,2026,70\n", "plan.csv:2: the line has 4 cells but the header names 3 columns" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) targets = sc_target_csv_read (cases[i].csv, strlen (cases[i].csv), "plan.csv",
                                                         NULL, NULL, &error);

      g_assert_null (targets);
      g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message_part);
    }

  /* Every problem is reported, not only the first; past twenty, counted. */
  {
    g_autoptr(GString) csv = g_string_new ("metric,period,value\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) targets = NULL;

    for (guint i = 0; i < 25; i++)
      g_string_append_printf (csv, "csat,2026-%02u,%s\n", i % 12 + 1, i < 24 ? "bad" : "90");
    targets = sc_target_csv_read (csv->str, csv->len, "plan.csv", NULL, NULL, &error);
    g_assert_null (targets);
    g_assert_true (g_str_has_prefix (error->message, "24 problems; nothing was imported:\n"));
    g_assert_nonnull (strstr (error->message, "plan.csv:2:3 (value)"));
    g_assert_nonnull (strstr (error->message, "plan.csv:21:3 (value)"));
    g_assert_null (strstr (error->message, "plan.csv:22:3"));
    g_assert_nonnull (strstr (error->message, "…and 4 more problems"));
  }
}

static void
test_csv_spreadsheet (void)
{
  /* As a European spreadsheet saves it: semicolons, a decimal comma, a
   * note with an escaped formula, columns in another order. */
  static const char csv[] =
    "Period;Metric;Value;Segment;Note\r\n"
    "2026-Q1;fcr;\"72,5%\";channel=email;'=1+1\r\n"
    "from 2026-04;nps;'+15;;\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = sc_target_csv_read (csv, strlen (csv), "plan.csv", NULL, NULL, &error);
  ScTarget *t;

  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 2);
  t = targets->pdata[0];
  g_assert_cmpint (t->metric, ==, SC_METRIC_FCR);
  g_assert_cmpfloat (t->value, ==, 72.5);
  g_assert_cmpstr (t->segment, ==, "channel=email");
  g_assert_cmpstr (t->note, ==, "=1+1");
  g_assert_cmpfloat (t->at_risk_band, ==, 0.05);
  t = targets->pdata[1];
  g_assert_cmpint (t->period.kind, ==, SC_TARGET_PERIOD_FROM);
  g_assert_cmpfloat (t->value, ==, 15);
  g_assert_null (t->note);
}

/* ---- Baselines computed from data -------------------------------------------------- */

/* Writes @n tickets created on @date (at 10:00 UTC, a minute apart) with a
 * first reply after @frt_s seconds, in @channel. */
static void
add_tickets (Fixture    *f,
             const char *date,
             guint       n,
             gint64      frt_s,
             const char *channel)
{
  ScInteraction it;

  sc_interaction_init (&it);
  it.created_at = (gint64) day (date) * DAY_S + 10 * 3600;
  it.first_reply_at = it.created_at + frt_s;
  it.first_reply_s = frt_s;
  it.dims[SC_DIM_CHANNEL] = channel;
  sc_test_import_copies (f->store, &it, n);
}

static double
baseline_value (ScEngine         *engine,
                const ScBaseline *b,
                const char       *period_text,
                ScBaselineValue  *out)
{
  g_autoptr(GError) error = NULL;
  gint32 from, to;

  g_assert_true (sc_period_parse (period_text, &from, &to, &error));
  g_assert_true (sc_baseline_compute (b, sc_engine_ensure_facts (engine, NULL), from, to, out, &error));
  g_assert_no_error (error);
  return out->value;
}

static void
test_baseline_compute (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(ScBaseline) range = sc_baseline_new (SC_METRIC_FRT_MEAN, "", SC_BASELINE_RANGE);
  g_autoptr(ScBaseline) trailing = sc_baseline_new (SC_METRIC_FRT_MEAN, "", SC_BASELINE_TRAILING);
  g_autoptr(ScBaseline) last_year = sc_baseline_new (SC_METRIC_VOLUME, "channel=email", SC_BASELINE_LAST_YEAR);
  g_autoptr(ScBaseline) fixed = sc_baseline_new (SC_METRIC_FRT_MEAN, "", SC_BASELINE_FIXED);
  g_autoptr(ScBaseline) frozen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  ScBaselineValue v;

  /* 2025: Jan 10 × 60 s, Feb 30 × 120 s (Email), Mar 20 × 300 s (Chat). */
  add_tickets (f, "2025-01-15", 10, 60, "Email");
  add_tickets (f, "2025-02-10", 30, 120, "Email");
  add_tickets (f, "2025-03-03", 20, 300, "Chat");
  /* 2026: Jan 40 × 600 s, Feb 4 Email × 30 s. */
  add_tickets (f, "2026-01-20", 40, 600, "Chat");
  add_tickets (f, "2026-02-02", 4, 30, "Email");
  engine = sc_engine_new (f->store);

  range->range_from = day ("2025-01-01");
  range->range_to = day ("2025-02-28");
  g_assert_cmpfloat_with_epsilon (baseline_value (engine, range, "2026-03", &v), (600.0 + 3600) / 40, 1e-9);
  g_assert_cmpint (v.n, ==, 40);
  g_assert_true (v.computed);
  g_assert_cmpint (v.from_day, ==, day ("2025-01-01"));

  /* The trailing three months of April 2025 are January to March. */
  trailing->months = 3;
  g_assert_cmpfloat_with_epsilon (baseline_value (engine, trailing, "2025-04", &v),
                                  (600.0 + 3600 + 6000) / 60, 1e-9);
  g_assert_cmpint (v.from_day, ==, day ("2025-01-01"));
  g_assert_cmpint (v.to_day, ==, day ("2025-03-31"));
  /* …and of February 2026, November 2025 to January 2026. */
  g_assert_cmpfloat_with_epsilon (baseline_value (engine, trailing, "2026-02", &v), 600, 1e-9);
  g_assert_cmpint (v.from_day, ==, day ("2025-11-01"));

  /* The same period last year, for Email typed in lower case and
   * respelled to the store's spelling. */
  email = sc_segment_key_parse ("channel=email", f->store, &error);
  g_free (last_year->segment);
  last_year->segment = g_strdup (email);
  g_assert_cmpfloat (baseline_value (engine, last_year, "2026-02", &v), ==, 30);
  g_assert_cmpint (v.from_day, ==, day ("2025-02-01"));
  g_assert_cmpint (v.to_day, ==, day ("2025-02-28"));
  g_assert_cmpfloat (baseline_value (engine, last_year, "2026-01..2026-03", &v), ==, 40);

  /* A period without data gives no value, not zero. */
  g_assert_true (isnan (baseline_value (engine, trailing, "2024-02", &v)));

  /* Fixed baselines are their value. */
  fixed->value = 99;
  g_assert_cmpfloat (baseline_value (engine, fixed, "2026-02", &v), ==, 99);
  g_assert_false (v.computed);

  /* Computed baselines follow new data; frozen ones keep their value. */
  frozen = sc_baseline_freeze (range, sc_engine_ensure_facts (engine, NULL), day ("2026-03-01"), day ("2026-03-31"), &error);
  g_assert_no_error (error);
  g_assert_true (frozen->frozen);
  g_assert_cmpfloat_with_epsilon (frozen->value, 105, 1e-9);
  add_tickets (f, "2025-02-20", 40, 30, "Chat");
  g_assert_cmpfloat_with_epsilon (baseline_value (engine, range, "2026-03", &v),
                                  (600.0 + 3600 + 1200) / 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (baseline_value (engine, frozen, "2026-03", &v), 105, 1e-9);
  g_assert_false (v.computed);

  /* Freezing a period without data says so. */
  {
    g_autoptr(ScBaseline) none = NULL;

    range->range_from = day ("2020-01-01");
    range->range_to = day ("2020-12-31");
    none = sc_baseline_freeze (range, sc_engine_ensure_facts (engine, NULL), day ("2026-03-01"), day ("2026-03-31"), &error);
    g_assert_null (none);
    g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "no data from 2020-01-01 to 2020-12-31"));
  }
}

/* A frozen trailing baseline keeps the range it was computed over. */
static void
test_baseline_frozen_store (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ScEngine) engine = NULL;
  g_autoptr(ScBaseline) trailing = sc_baseline_new (SC_METRIC_VOLUME, "", SC_BASELINE_TRAILING);
  g_autoptr(ScBaseline) frozen = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  ScBaselineEdit edit;
  ScBaselineValue v;
  const ScBaseline *stored;

  add_tickets (f, "2026-01-10", 12, 60, "Email");
  engine = sc_engine_new (f->store);
  frozen = sc_baseline_freeze (trailing, sc_engine_ensure_facts (engine, NULL), day ("2026-02-01"), day ("2026-02-28"), &error);
  g_assert_no_error (error);
  edit = (ScBaselineEdit) { frozen, FALSE };
  g_assert_true (sc_store_apply_baseline_edits (f->store, &edit, 1, 100, NULL, NULL, &error));
  list = sc_store_list_baselines (f->store, SC_MISSING, &error);
  stored = list->pdata[0];
  g_assert_true (stored->frozen);
  g_assert_cmpfloat (stored->value, ==, 12);
  g_assert_cmpuint (stored->months, ==, 3);
  g_assert_cmpfloat (baseline_value (engine, stored, "2026-08", &v), ==, 12);
  g_assert_cmpint (v.from_day, ==, day ("2025-11-01"));
  g_assert_cmpint (v.to_day, ==, day ("2026-01-31"));
  described = sc_baseline_describe (stored);
  g_assert_cmpstr (described, ==, "Trailing 3 months (frozen: 12)");
}

/* ---- Migration ------------------------------------------------------------------ */

/* A store of schema 2 that already held targets (two versions of one
 * typed in force by hand) opens: it is copied aside first, the duplicate
 * is closed keeping the newer, the history and the baselines survive, and
 * new edits work. */
static void
test_migrate_v2 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStore) backup_store = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) january = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(ScTarget) csat = NULL;
  g_autofree char *fixture_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  const ScBaseline *b;
  ScTarget *t;

  fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "store-v2-targets.sqlite", NULL);
  g_assert_true (g_file_get_contents (fixture_path, &contents, &len, &error));
  path = g_build_filename (f->dir, "old.sqlite", NULL);
  g_assert_true (g_file_set_contents (path, contents, len, &error));

  store = sc_store_open (path, SC_STORE_OPEN_LOCK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_get_schema_version (store), ==, SC_STORE_SCHEMA_VERSION);
  backup = sc_store_dup_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, path));
  backup_store = sc_store_open (backup, SC_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, SC_ERROR, SC_ERROR_READ_ONLY);   /* still schema 2 */
  g_clear_error (&error);

  now = list_targets (store, SC_MISSING);
  g_assert_cmpuint (now->len, ==, 2);
  t = now->pdata[0];
  g_assert_cmpint (t->metric, ==, SC_METRIC_CSAT);
  g_assert_cmpstr (t->segment, ==, "channel=Email");
  g_assert_cmpfloat (t->value, ==, 88);
  g_assert_cmpfloat (t->at_risk_band, ==, 0.1);
  g_assert_cmpstr (t->note, ==, "typed twice by hand");
  t = now->pdata[1];
  g_assert_cmpint (t->metric, ==, SC_METRIC_FRT_MEDIAN);
  g_assert_cmpfloat (t->value, ==, 3 * 3600);

  /* The first plan is still what was in force in January. */
  january = list_targets (store, 1767225600 + 10 * DAY_S);
  g_assert_cmpuint (january->len, ==, 2);
  g_assert_cmpfloat (((ScTarget *) january->pdata[1])->value, ==, 4 * 3600);
  g_assert_cmpstr (((ScTarget *) january->pdata[1])->note, ==, "first plan");

  baselines = sc_store_list_baselines (store, SC_MISSING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baselines->len, ==, 2);
  b = sc_baselines_lookup (baselines, SC_METRIC_CSAT, NULL);
  g_assert_cmpint (b->kind, ==, SC_BASELINE_FIXED);
  g_assert_cmpfloat (b->value, ==, 82.5);
  b = sc_baselines_lookup (baselines, SC_METRIC_FCR, NULL);
  g_assert_cmpint (b->kind, ==, SC_BASELINE_RANGE);
  g_assert_cmpint (b->range_from, ==, day ("2025-01-01"));
  g_assert_cmpint (b->range_to, ==, day ("2025-06-30"));

  /* Editing after the migration adds a version and keeps one in force. */
  csat = target (SC_METRIC_CSAT, "channel=Email", "2026-Q1", 90);
  set_target (store, csat, 1775000000);
  history = sc_store_list_target_history (store, SC_METRIC_CSAT, "channel=Email", &csat->period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_clear_pointer (&now, g_ptr_array_unref);
  now = list_targets (store, SC_MISSING);
  g_assert_cmpuint (now->len, ==, 2);
  g_assert_cmpfloat (((ScTarget *) now->pdata[0])->value, ==, 90);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/targets/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("store/versions", test_store_versions);
  ADD ("store/transaction", test_store_transaction);
  ADD ("store/clock-back", test_store_clock_back);
  ADD ("store/baselines", test_store_baselines);
  g_test_add_func ("/scorecard/targets/period/parse", test_period_parse);
  g_test_add_func ("/scorecard/targets/period/month", test_month_parse);
  g_test_add_func ("/scorecard/targets/period/matching", test_period_matching);
  ADD ("segment/keys", test_segment_keys);
  ADD ("precedence", test_precedence);
  ADD ("as-of", test_as_of);
  ADD ("card-status", test_card_status);
  g_test_add_func ("/scorecard/targets/attainment/cases", test_attainment);
  g_test_add_func ("/scorecard/targets/attainment/details", test_attainment_details);
  g_test_add_func ("/scorecard/targets/value/parse", test_value_parse);
  g_test_add_func ("/scorecard/targets/value/errors", test_value_errors);
  g_test_add_func ("/scorecard/targets/value/ces-scale", test_value_scale_setting);
  g_test_add_func ("/scorecard/targets/value/format", test_value_format);
  g_test_add_func ("/scorecard/targets/value/band", test_band);
  ADD ("history/undo-redo", test_undo_redo);
  ADD ("history/glide-and-baselines", test_undo_glide);
  ADD ("csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/scorecard/targets/csv/errors", test_csv_errors);
  g_test_add_func ("/scorecard/targets/csv/spreadsheet", test_csv_spreadsheet);
  ADD ("baseline/compute", test_baseline_compute);
  ADD ("baseline/frozen", test_baseline_frozen_store);
  ADD ("store/migrate-v2", test_migrate_v2);
#undef ADD

  return g_test_run ();
}
