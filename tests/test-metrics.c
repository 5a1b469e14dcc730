/* test-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The metrics engine against the worked examples of ../shared/seeds/ and
 * edge cases, on small stores written through the store's batch API.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-engine.h"
#include "sc-facts-file.h"

typedef struct
{
  char    *dir;
  ScStore *store;
} Fixture;

/* 2026-01-05 09:00 UTC, a Monday. */
#define T0 G_GINT64_CONSTANT (1767603600)
#define DAY 86400

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("sc-metrics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "store.db", NULL);
  f->store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

typedef void (*FillFunc) (ScInteraction *it,
                          guint          i,
                          gpointer       data);

static ScStoreBatch *
begin (Fixture *f)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("test-%u.csv", ++serial);
  ScImportInfo info = { name, name, "test", "test", NULL };
  ScStoreBatch *batch = sc_store_begin_import (f->store, &info, &error);

  g_assert_no_error (error);
  return batch;
}

static void
commit (ScStoreBatch *batch)
{
  g_autoptr(GError) error = NULL;
  ScImportCounts counts = { 0 };

  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  g_assert_no_error (error);
  sc_store_batch_free (batch);
}

/* Writes n interactions, each starting as a ticket created at T0 + i
 * minutes with every field missing, then filled by @fill. */
static void
add_interactions (Fixture  *f,
                  guint     n,
                  FillFunc  fill,
                  gpointer  data)
{
  static guint next_id;
  ScStoreBatch *batch = begin (f);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("t%u", ++next_id);
      ScInteraction it;

      sc_interaction_init (&it);
      it.external_id = id;
      it.created_at = T0 + i * 60;
      fill (&it, i, data);
      g_assert_true (sc_store_batch_add_interaction (batch, &it, NULL, &error));
      g_assert_no_error (error);
    }
  commit (batch);
}

static ScQueryResult *
run (Fixture          *f,
     ScMetricSettings *settings,
     ScQuery          *query)
{
  g_autoptr(ScEngine) engine = sc_engine_new (f->store);
  g_autoptr(GError) error = NULL;
  ScQueryResult *result;

  sc_engine_set_settings (engine, settings);
  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The single value of one metric over all data. */
static ScMetricValue
value_of (Fixture          *f,
          ScMetricSettings *settings,
          ScMetricId        metric)
{
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;

  sc_query_add_metric (query, metric);
  result = run (f, settings, query);
  g_assert_cmpuint (result->values->len, ==, 1);
  return g_array_index (result->values, ScMetricValue, 0);
}

#define assert_value(v, expected) g_assert_cmpfloat_with_epsilon ((v).value, (expected), 1e-9)

/* ---- Seed examples ----------------------------------------------------- */

static void
fill_response (ScInteraction *it, guint i, gpointer data)
{
  /* 100 queries whose response times total 300 minutes. */
  it->first_reply_s = i % 2 ? 60 : 300;
}

static void
test_seed_average_response (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 100, fill_response, NULL);
  v = value_of (f, s, SC_METRIC_RESPONSE_TIME_MEAN);
  assert_value (v, 180);                   /* 3 minutes */
  g_assert_cmpint (v.n, ==, 100);
  g_assert_cmpfloat (v.numerator, ==, 300 * 60);
  g_assert_false (v.insufficient);
  g_assert_true (v.ci_low < 180 && v.ci_high > 180);
  v = value_of (f, s, SC_METRIC_FRT_MEDIAN);
  assert_value (v, 180);                   /* (60 + 300) / 2 */
}

static void
fill_first_reply (ScInteraction *it, guint i, gpointer data)
{
  /* Received 9:00, first response 9:15. */
  it->first_reply_at = it->created_at + 15 * 60;
}

static void
test_seed_first_response (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();

  add_interactions (f, 1, fill_first_reply, NULL);
  assert_value (value_of (f, s, SC_METRIC_FRT_MEDIAN), 15 * 60);
  assert_value (value_of (f, s, SC_METRIC_FRT_MEAN), 15 * 60);
  g_assert_true (value_of (f, s, SC_METRIC_FRT_MEDIAN).insufficient);
}

static void
fill_resolution (ScInteraction *it, guint i, gpointer data)
{
  /* 50 resolved issues, 600 minutes in all; 50 more unresolved. */
  it->resolved = i < 50;
  if (i < 50)
    it->resolution_s = (i % 2 ? 4 : 20) * 60;
}

static void
test_seed_resolution (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 100, fill_resolution, NULL);
  v = value_of (f, s, SC_METRIC_RESOLUTION_TIME_MEAN);
  assert_value (v, 12 * 60);
  g_assert_cmpint (v.n, ==, 50);
  v = value_of (f, s, SC_METRIC_RESOLUTION_RATE);
  assert_value (v, 50);
  g_assert_cmpint (v.n, ==, 100);
}

static void
fill_fcr (ScInteraction *it, guint i, gpointer data)
{
  /* 100 resolved issues, 70 at the first contact. */
  it->resolved = 1;
  it->agent_touches = i < 70 ? 1 : 3;
}

static void
test_seed_fcr (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 100, fill_fcr, NULL);
  v = value_of (f, s, SC_METRIC_FCR);
  assert_value (v, 70);
  g_assert_cmpfloat (v.numerator, ==, 70);
  g_assert_cmpint (v.n, ==, 100);
}

static void
fill_nps (ScInteraction *it, guint i, gpointer data)
{
  /* 40 % promoters, 20 % detractors, 40 % passives. */
  it->nps = i < 40 ? 9 + i % 2 : i < 60 ? i % 7 : 7 + i % 2;
}

static void
test_seed_nps (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 100, fill_nps, NULL);
  v = value_of (f, s, SC_METRIC_NPS);
  assert_value (v, 20);
  g_assert_cmpint (v.n, ==, 100);
  /* The closed-form margin: 1.96 × 100 × √((0.6 − 0.04) / 100). */
  g_assert_cmpfloat_with_epsilon (v.ci_high - 20, 14.667027, 1e-5);
  g_assert_cmpfloat_with_epsilon (20 - v.ci_low, 14.667027, 1e-5);
}

static void
fill_csat (ScInteraction *it, guint i, gpointer data)
{
  /* 50 surveys on 1–5 whose ratings sum to 200: 25 fives, 25 threes. */
  it->csat = i % 2 ? 5 : 3;
  it->csat_scale = 5;
}

static void
test_seed_csat (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  ScMetricValue v;

  add_interactions (f, 50, fill_csat, NULL);
  v = value_of (f, s, SC_METRIC_CSAT_MEAN_PCT);
  assert_value (v, 80);
  g_assert_cmpfloat (v.numerator, ==, 200);
  g_assert_cmpfloat (v.denominator, ==, 250);
  g_assert_cmpint (v.n, ==, 50);
  /* Top-two-box: only the fives are satisfied. */
  assert_value (value_of (f, s, SC_METRIC_CSAT), 50);
  /* The variant switches csat to the mean %, and says so. */
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_CSAT, "mean", &error));
  assert_value (value_of (f, s, SC_METRIC_CSAT), 80);
}

static void
fill_sla (ScInteraction *it, guint i, gpointer data)
{
  /* 100 inquiries with a one-hour target, 80 answered within it. */
  it->sla_target_s = 3600;
  it->first_reply_s = i < 80 ? 1800 : 7200;
}

static void
test_seed_sla (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 100, fill_sla, NULL);
  v = value_of (f, s, SC_METRIC_SLA);
  assert_value (v, 80);
  g_assert_cmpint (v.n, ==, 100);
  g_assert_cmpfloat_with_epsilon (v.ci_low, 71.11708, 1e-4);
  g_assert_cmpfloat_with_epsilon (v.ci_high, 86.66331, 1e-4);
}

static void
fill_abandon (ScInteraction *it, guint i, gpointer data)
{
  /* 200 calls, 40 abandoned, 10 of those after less than 10 s. */
  it->kind = SC_KIND_CALL;
  it->abandoned = i < 40;
  it->wait_s = i < 10 ? 5 : 60;
}

static void
test_seed_abandonment (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  ScMetricValue v;

  add_interactions (f, 200, fill_abandon, NULL);
  v = value_of (f, s, SC_METRIC_ABANDONMENT);
  assert_value (v, 20);
  g_assert_cmpint (v.n, ==, 200);
  /* Speed of answer counts only answered calls. */
  v = value_of (f, s, SC_METRIC_ASA);
  assert_value (v, 60);
  g_assert_cmpint (v.n, ==, 160);
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_SHORT_ABANDON, "10", &error));
  v = value_of (f, s, SC_METRIC_ABANDONMENT);
  assert_value (v, 100.0 * 30 / 190);
}

static void
fill_aht (ScInteraction *it, guint i, gpointer data)
{
  /* 100 interactions handled in 600 minutes: talk + hold + wrap-up. */
  it->talk_s = 300;
  it->hold_s = i % 2 ? 60 : 0;
  it->wrap_s = i % 2 ? 0 : 60;
}

static void
test_seed_aht (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 100, fill_aht, NULL);
  v = value_of (f, s, SC_METRIC_AHT);
  assert_value (v, 6 * 60);
  g_assert_cmpint (v.n, ==, 100);
}

static void
test_seed_utilization (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScStoreBatch *batch = begin (f);
  ScMetricValue v;

  /* 50 days of 8 available hours, 6.4 active: 320 of 400 hours. */
  for (guint d = 0; d < 50; d++)
    {
      g_autoptr(GError) error = NULL;
      ScAgentTime at;

      sc_agent_time_init (&at);
      at.agent = d % 2 ? "Ana" : "Bo";
      at.team = "Frontline";
      at.day = T0 - T0 % DAY + d * DAY;
      at.available_s = 8 * 3600;
      at.active_s = d % 2 ? 6 * 3600 : 6 * 3600 + 1440 * 2;
      g_assert_true (sc_store_batch_add_agent_time (batch, &at, NULL, &error));
      g_assert_no_error (error);
    }
  commit (batch);
  v = value_of (f, s, SC_METRIC_UTILIZATION);
  assert_value (v, 80);
  g_assert_cmpint (v.n, ==, 50);
  g_assert_true (v.ci_low < 80 && v.ci_high > 80);
}

static void
add_customer (ScStoreBatch *batch,
              guint         i,
              gint64        started,
              gint64        churned,
              double        revenue,
              gint64        purchases)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("c%u", i);
  ScCustomer c;

  sc_customer_init (&c);
  c.external_id = id;
  c.started_at = started;
  c.churned_at = churned;
  c.revenue = revenue;
  c.purchases = purchases;
  g_assert_true (sc_store_batch_add_customer (batch, &c, NULL, &error));
  g_assert_no_error (error);
}

static void
test_seed_churn (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  ScStoreBatch *batch = begin (f);
  gint32 jan1 = sc_calendar_day_from_ymd (2026, 1, 1);
  const ScMetricValue *v;

  /* 500 customers at the start of January, 50 lost during it; 20 more
   * join in January and do not count. */
  for (guint i = 0; i < 520; i++)
    add_customer (batch, i, i < 500 ? (gint64) (jan1 - 30) * DAY : (gint64) (jan1 + 3) * DAY,
                  i < 50 ? (gint64) (jan1 + 10) * DAY + 3600 : SC_MISSING, 10, 1);
  commit (batch);
  sc_query_add_metric (query, SC_METRIC_CHURN);
  sc_query_set_range (query, jan1, jan1 + 30);
  sc_query_set_grain (query, SC_GRAIN_MONTH);
  result = run (f, s, query);
  v = sc_query_result_get_value (result, SC_METRIC_CHURN, 0, -1);
  g_assert_cmpstr (((ScBucket *) result->buckets->pdata[0])->label, ==, "2026-01");
  assert_value (*v, 10);
  g_assert_cmpint (v->n, ==, 500);
}

static void
test_seed_clv (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  ScStoreBatch *batch = begin (f);
  gint64 start = (gint64) sc_calendar_day_from_ymd (2020, 1, 1) * DAY;
  gint64 end = (gint64) sc_calendar_day_from_ymd (2025, 1, 1) * DAY;

  /* $100 a purchase, 2 purchases a year, 5 years: $1,000. */
  for (guint i = 0; i < 40; i++)
    add_customer (batch, i, start, end, 1000, 10);
  commit (batch);
  sc_query_add_metric (query, SC_METRIC_CLV);
  sc_query_set_range (query, sc_calendar_day_from_ymd (2025, 1, 1), sc_calendar_day_from_ymd (2025, 12, 31));
  result = run (f, s, query);
  g_assert_cmpfloat_with_epsilon (g_array_index (result->values, ScMetricValue, 0).value, 1000, 1e-6);
}

/* ---- Edge cases ---------------------------------------------------------- */

static void
fill_plain (ScInteraction *it, guint i, gpointer data)
{
  it->dims[SC_DIM_CHANNEL] = i % 3 ? "email" : "chat";
  it->dims[SC_DIM_TAGS] = i % 2 ? "vip api" : (i % 3 ? "api" : NULL);
  it->csat = i % 4 == 0 ? 5 : SC_MISSING;
  it->csat_scale = 5;
}

static void
test_empty_period (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  gint32 day = sc_calendar_day_from_ymd (2025, 6, 1);

  add_interactions (f, 10, fill_plain, NULL);
  sc_query_add_all_metrics (query);
  sc_query_set_range (query, day, day + 29);
  sc_query_set_grain (query, SC_GRAIN_WEEK);
  result = run (f, s, query);
  g_assert_cmpuint (result->buckets->len, ==, 6);   /* 1 June is a Sunday */
  g_assert_cmpstr (((ScBucket *) result->buckets->pdata[0])->label, ==, "2025-W22");
  for (guint i = 0; i < result->values->len; i++)
    {
      const ScMetricValue *v = &g_array_index (result->values, ScMetricValue, i);

      g_assert_cmpint (v->n, ==, 0);
      g_assert_true (v->insufficient);
      if (v->metric != SC_METRIC_VOLUME && v->metric != SC_METRIC_BACKLOG)
        g_assert_true (isnan (v->value));
    }
}

static void
fill_single (ScInteraction *it, guint i, gpointer data)
{
  it->csat = 5;
  it->csat_scale = 5;
}

static void
test_single_and_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  ScMetricValue v;

  add_interactions (f, 1, fill_single, NULL);
  v = value_of (f, s, SC_METRIC_CSAT);
  assert_value (v, 100);
  g_assert_cmpint (v.n, ==, 1);
  g_assert_true (v.insufficient);
  g_assert_cmpfloat (v.ci_high, ==, 100);
  g_assert_cmpfloat_with_epsilon (v.ci_low, 20.6543, 1e-3);
  /* Everything else is missing: no value, no interval, n = 0. */
  v = value_of (f, s, SC_METRIC_FRT_MEDIAN);
  g_assert_true (isnan (v.value) && isnan (v.ci_low));
  g_assert_cmpint (v.n, ==, 0);
  v = value_of (f, s, SC_METRIC_NPS);
  g_assert_true (isnan (v.value));
}

typedef struct
{
  gint64 created[4];
} Instants;

static void
fill_instants (ScInteraction *it, guint i, gpointer data)
{
  it->created_at = ((Instants *) data)->created[i];
}

static void
test_dst_buckets (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  gint64 mar29 = (gint64) sc_calendar_day_from_ymd (2026, 3, 29) * DAY;
  Instants instants = { {
    mar29 - 1800,               /* 28 Mar 23:30 UTC = 29 Mar 00:30 CET */
    mar29 + 21 * 3600 + 1800,   /* 29 Mar 21:30 UTC = 23:30 CEST */
    mar29 + 22 * 3600 + 1800,   /* 29 Mar 22:30 UTC = 30 Mar 00:30 CEST */
    mar29 + 2 * DAY + 22 * 3600 + 1800, /* 31 Mar 22:30 UTC = 1 Apr 00:30 CEST */
  } };
  const ScMetricValue *v;

  add_interactions (f, 4, fill_instants, &instants);
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_TIMEZONE, "Europe/Berlin", &error));
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_range (query, sc_calendar_day_from_ymd (2026, 3, 29), sc_calendar_day_from_ymd (2026, 4, 1));
  sc_query_set_grain (query, SC_GRAIN_DAY);
  result = run (f, s, query);
  g_assert_cmpuint (result->buckets->len, ==, 4);
  /* 29 March, the 23-hour day, holds the first two. */
  v = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, -1);
  g_assert_cmpstr (((ScBucket *) result->buckets->pdata[0])->label, ==, "2026-03-29");
  assert_value (*v, 2);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 1, -1), 1);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 2, -1), 0);
  /* 31 March 22:30 UTC is April in Berlin. */
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 3, -1), 1);
}

static void
test_leap_day (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  gint32 feb29 = sc_calendar_day_from_ymd (2024, 2, 29);
  Instants instants = { {
    (gint64) feb29 * DAY + 3600,
    (gint64) (feb29 + 1) * DAY + 3600,
    (gint64) sc_calendar_day_from_ymd (2023, 2, 28) * DAY + 3600,
    (gint64) sc_calendar_day_from_ymd (2023, 3, 1) * DAY + 3600,
  } };
  const ScMetricValue *v;

  add_interactions (f, 4, fill_instants, &instants);
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_range (query, feb29, feb29);
  sc_query_set_grain (query, SC_GRAIN_DAY);
  sc_query_set_comparison (query, SC_COMPARE_YEAR);
  result = run (f, s, query);
  g_assert_cmpstr (((ScBucket *) result->buckets->pdata[0])->label, ==, "2024-02-29");
  g_assert_cmpstr (((ScBucket *) result->compare_buckets->pdata[0])->label, ==, "2023-02-28");
  v = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, -1);
  assert_value (*v, 1);
  g_assert_true (v->has_comparison);
  g_assert_cmpfloat (v->compare_value, ==, 1);
}

static void
fill_spanning (ScInteraction *it, guint i, gpointer data)
{
  gint64 jan31 = (gint64) sc_calendar_day_from_ymd (2026, 1, 31) * DAY + 12 * 3600;

  /* Created 31 January; the first resolved 2 February, the second never. */
  it->created_at = jan31 + i;
  it->resolved = i == 0;
  it->resolved_at = i == 0 ? jan31 + 2 * DAY : SC_MISSING;
}

static void
test_spanning_months (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;

  add_interactions (f, 2, fill_spanning, NULL);
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_DURATIONS, "timestamps", &error));
  sc_query_add_metric (query, SC_METRIC_BACKLOG);
  sc_query_add_metric (query, SC_METRIC_RESOLUTION_TIME_MEAN);
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_range (query, sc_calendar_day_from_ymd (2026, 1, 1), sc_calendar_day_from_ymd (2026, 3, 31));
  sc_query_set_grain (query, SC_GRAIN_MONTH);
  result = run (f, s, query);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_BACKLOG, 0, -1), 2);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_BACKLOG, 1, -1), 1);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_BACKLOG, 2, -1), 1);
  /* The resolution belongs to the month of creation (a cohort). */
  assert_value (*sc_query_result_get_value (result, SC_METRIC_RESOLUTION_TIME_MEAN, 0, -1), 2 * DAY);
  g_assert_cmpint (sc_query_result_get_value (result, SC_METRIC_RESOLUTION_TIME_MEAN, 1, -1)->n, ==, 0);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 1, -1), 0);
}

static void
test_group_filter_tags (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  int vip, api, none;

  /* 12 rows: odd ones tagged "vip api", even ones "api" unless i % 3 == 0. */
  add_interactions (f, 12, fill_plain, NULL);
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_group_by (query, SC_DIM_TAGS);
  result = run (f, s, query);
  vip = sc_query_result_find_segment (result, "vip");
  api = sc_query_result_find_segment (result, "api");
  none = sc_query_result_find_segment (result, "(none)");
  g_assert_true (vip >= 0 && api >= 0 && none >= 0);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, vip), 6);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, api), 10);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, none), 2);
  g_clear_pointer (&result, sc_query_result_free);

  /* Filters: channel chat (i % 3 == 0: 0, 3, 6, 9) and tag vip (odd). */
  sc_query_add_filter (query, SC_DIM_CHANNEL, "chat");
  sc_query_add_filter (query, SC_DIM_TAGS, "vip");
  query->grouped = FALSE;
  result = run (f, s, query);
  assert_value (g_array_index (result->values, ScMetricValue, 0), 2);
  g_clear_pointer (&result, sc_query_result_free);

  /* An unknown value matches nothing. */
  sc_query_add_filter (query, SC_DIM_REGION, "Atlantis");
  result = run (f, s, query);
  assert_value (g_array_index (result->values, ScMetricValue, 0), 0);
}

static void
fill_business (ScInteraction *it, guint i, gpointer data)
{
  /* Friday 2026-01-09 16:00 UTC, first reply Monday 10:00. */
  it->created_at = T0 + 4 * DAY + 7 * 3600;
  it->first_reply_at = T0 + 7 * DAY + 3600;
  it->first_reply_s = it->first_reply_at - it->created_at;
}

static void
test_business_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;

  add_interactions (f, 1, fill_business, NULL);
  assert_value (value_of (f, s, SC_METRIC_FRT_MEAN), 66 * 3600);
  /* 16:00–17:00 Friday and 09:00–10:00 Monday. */
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_HOURS, "business", &error));
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_SCHEDULE, "mon-fri 09:00-17:00", &error));
  assert_value (value_of (f, s, SC_METRIC_FRT_MEAN), 2 * 3600);
  /* With Monday a holiday only Friday's hour counts. */
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_HOLIDAYS, "2026-01-12", &error));
  assert_value (value_of (f, s, SC_METRIC_FRT_MEAN), 3600);
  sc_query_add_metric (query, SC_METRIC_FRT_MEAN);
  result = run (f, s, query);
  g_assert_nonnull (strstr (result->variant, "hours=business"));
  g_assert_nonnull (strstr (result->variant, "holidays=2026-01-12"));

  g_assert_false (sc_metric_settings_set (s, SC_SETTING_SCHEDULE, "mon-fri 9-5", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "mon-fri 9-5"));
}

static void
fill_repeat (ScInteraction *it, guint i, gpointer data)
{
  /* Customer A writes twice within 2 days, B once, C twice 20 days apart. */
  static const char *customers[] = { "A", "A", "B", "C", "C" };
  static const int days[] = { 0, 2, 0, 0, 20 };

  it->customer_id = customers[i];
  it->created_at = T0 + days[i] * DAY + i;
  it->resolved = 1;
  it->agent_touches = 1;
}

static void
test_fcr_no_repeat (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  ScMetricValue v;

  add_interactions (f, 5, fill_repeat, NULL);
  assert_value (value_of (f, s, SC_METRIC_FCR), 100);
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_FCR, "no-repeat", &error));
  v = value_of (f, s, SC_METRIC_FCR);
  /* A's first contact came back within 7 days: 4 of 5. */
  assert_value (v, 80);
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_FCR_REPEAT_DAYS, "30", &error));
  assert_value (value_of (f, s, SC_METRIC_FCR), 60);
}

static void
fill_comparison (ScInteraction *it, guint i, gpointer data)
{
  /* January: 100 ratings, 80 satisfied; February: 100 ratings, 50. */
  gboolean february = i >= 100;

  it->created_at = (gint64) sc_calendar_day_from_ymd (2026, february ? 2 : 1, 10) * DAY + i * 60;
  it->csat = (i % 100) < (february ? 50u : 80u) ? 5 : 2;
  it->csat_scale = 5;
  it->dims[SC_DIM_CHANNEL] = i % 2 ? "chat" : "email";
}

static void
test_comparison_and_drivers (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScEngine) engine = sc_engine_new (f->store);
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(ScDrivers) drivers = NULL;
  g_autoptr(GError) error = NULL;
  gint32 feb1 = sc_calendar_day_from_ymd (2026, 2, 1);
  const ScMetricValue *v;
  double sum = 0;

  add_interactions (f, 200, fill_comparison, NULL);
  sc_engine_set_settings (engine, s);
  sc_query_add_metric (query, SC_METRIC_CSAT);
  sc_query_set_range (query, feb1, feb1 + 27);
  sc_query_set_comparison (query, SC_COMPARE_PREVIOUS);
  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  /* A whole month compares with the whole previous month. */
  g_assert_cmpstr (((ScBucket *) result->compare_buckets->pdata[0])->label, ==, "2026-01-01..2026-01-31");
  v = sc_query_result_get_value (result, SC_METRIC_CSAT, 0, -1);
  assert_value (*v, 50);
  g_assert_cmpfloat (v->compare_value, ==, 80);
  g_assert_cmpfloat_with_epsilon (v->change, -30, 1e-9);
  g_assert_true (v->significant);

  drivers = sc_engine_drivers (engine, NULL, SC_METRIC_CSAT, SC_DIM_CHANNEL,
                               feb1, feb1 + 27, feb1 - 31, feb1 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (drivers->change, -30, 1e-9);
  g_assert_cmpuint (drivers->segments->len, ==, 2);
  for (guint i = 0; i < drivers->segments->len; i++)
    sum += ((ScDriverSegment *) drivers->segments->pdata[i])->contribution;
  g_assert_cmpfloat_with_epsilon (sum, drivers->change, 1e-9);
  g_assert_cmpfloat_with_epsilon (drivers->residual, 0, 1e-9);
  g_assert_true (drivers->significant);
}

static void
test_reload_after_import (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScEngine) engine = sc_engine_new (f->store);
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScFacts) held = NULL;
  ScQueryResult *result;

  sc_engine_set_settings (engine, s);
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  add_interactions (f, 3, fill_plain, NULL);
  result = sc_engine_run (engine, query, &error);
  assert_value (g_array_index (result->values, ScMetricValue, 0), 3);
  sc_query_result_free (result);

  /* A worker's reference keeps the cache it computes on alive while an
   * import makes the engine load a new one. */
  held = sc_engine_dup_facts (engine, &error);
  g_assert_no_error (error);
  add_interactions (f, 4, fill_plain, NULL);
  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  assert_value (g_array_index (result->values, ScMetricValue, 0), 7);
  sc_query_result_free (result);
  g_assert_true (sc_engine_ensure_facts (engine, NULL) != held);
  result = sc_engine_compute (held, query, &error);
  g_assert_no_error (error);
  assert_value (g_array_index (result->values, ScMetricValue, 0), 3);
  sc_query_result_free (result);
}

/* ---- The fact cache file -------------------------------------------------- */

static ScQueryResult *
run_cached (Fixture          *f,
            ScMetricSettings *settings,
            const char       *cache,
            ScDimension       group_by,
            gboolean         *from_file)
{
  g_autoptr(ScEngine) engine = sc_engine_new (f->store);
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(GError) error = NULL;
  const ScFacts *facts;
  ScQueryResult *result;

  sc_engine_set_settings (engine, settings);
  sc_engine_set_cache_file (engine, cache);
  facts = sc_engine_ensure_facts (engine, &error);
  g_assert_no_error (error);
  *from_file = facts->mapping != NULL;
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_add_metric (query, SC_METRIC_CSAT);
  sc_query_set_group_by (query, group_by);
  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  return result;
}

static void
assert_same_results (const ScQueryResult *a,
                     const ScQueryResult *b)
{
  g_assert_cmpuint (a->values->len, ==, b->values->len);
  g_assert_cmpuint (a->segments->len, ==, b->segments->len);
  for (guint i = 0; i < a->values->len; i++)
    {
      const ScMetricValue *x = &g_array_index (a->values, ScMetricValue, i);
      const ScMetricValue *y = &g_array_index (b->values, ScMetricValue, i);

      g_assert_cmpint (x->n, ==, y->n);
      g_assert_true ((isnan (x->value) && isnan (y->value)) || x->value == y->value);
    }
}

static void
damage_file (const char *path,
             gsize       keep,
             gsize       flip)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (flip < length)
    contents[flip] ^= 0x40;
  g_assert_true (g_file_set_contents (path, contents, MIN (keep, length), NULL));
}

static void
assert_cache_refused (Fixture          *f,
                      ScMetricSettings *s,
                      const char       *cache,
                      int               code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScFacts) facts = sc_facts_file_read (cache, f->store, s, &error);

  g_assert_null (facts);
  g_assert_error (error, SC_ERROR, code);
}

static void
test_cache_file (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autofree char *cache = sc_facts_file_path_for_store (f->store);
  g_autoptr(ScQueryResult) from_store = NULL;
  g_autoptr(ScQueryResult) from_file = NULL;
  g_autoptr(ScQueryResult) again = NULL;
  gboolean used_file;
  gsize length;
  g_autofree char *contents = NULL;

  /* The cache lives in the user's cache folder, not beside the store. */
  g_assert_true (g_str_has_prefix (cache, g_get_user_cache_dir ()));
  g_assert_true (g_str_has_suffix (cache, ".facts"));
  g_unlink (cache);

  add_interactions (f, 40, fill_plain, NULL);
  from_store = run_cached (f, s, cache, SC_DIM_TAGS, &used_file);
  g_assert_false (used_file);
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_REGULAR));
  from_file = run_cached (f, s, cache, SC_DIM_TAGS, &used_file);
  g_assert_true (used_file);
  assert_same_results (from_store, from_file);

  /* Other variants, or a later import: the file is stale. */
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_TIMEZONE, "Europe/Berlin", NULL));
  assert_cache_refused (f, s, cache, SC_ERROR_INVALID);
  g_assert_true (sc_metric_settings_set (s, SC_SETTING_TIMEZONE, "UTC", NULL));
  add_interactions (f, 2, fill_plain, NULL);
  assert_cache_refused (f, s, cache, SC_ERROR_INVALID);
  g_clear_pointer (&again, sc_query_result_free);
  again = run_cached (f, s, cache, SC_DIM_TAGS, &used_file);
  g_assert_false (used_file);
  g_clear_pointer (&from_file, sc_query_result_free);
  from_file = run_cached (f, s, cache, SC_DIM_TAGS, &used_file);
  g_assert_true (used_file);
  assert_same_results (again, from_file);

  /* Damage anywhere (a flipped byte, a truncation) is refused. */
  g_assert_true (g_file_get_contents (cache, &contents, &length, NULL));
  damage_file (cache, length, length / 2);
  assert_cache_refused (f, s, cache, SC_ERROR_DAMAGED);
  g_assert_true (g_file_set_contents (cache, contents, length, NULL));
  g_clear_pointer (&again, sc_query_result_free);
  again = run_cached (f, s, cache, SC_DIM_TAGS, &used_file);
  g_assert_true (used_file);
  damage_file (cache, length - 3, length);
  assert_cache_refused (f, s, cache, SC_ERROR_DAMAGED);
  damage_file (cache, 4, length);
  assert_cache_refused (f, s, cache, SC_ERROR_NOT_A_STORE);
}

/* Counts add up across segments; rates, times and scores do not. */
static void
test_additive (void)
{
  g_assert_true (sc_metric_is_additive (sc_metric_get (SC_METRIC_VOLUME)));
  g_assert_true (sc_metric_is_additive (sc_metric_get (SC_METRIC_BACKLOG)));
  g_assert_false (sc_metric_is_additive (sc_metric_get (SC_METRIC_CSAT)));
  g_assert_false (sc_metric_is_additive (sc_metric_get (SC_METRIC_FRT_MEDIAN)));
  g_assert_false (sc_metric_is_additive (sc_metric_get (SC_METRIC_NPS)));
}

static void
test_period_parse (void)
{
  gint32 a, b;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_period_parse ("2024-02", &a, &b, NULL));
  g_assert_cmpint (b - a, ==, 28);
  g_assert_true (sc_period_parse ("2026-Q1", &a, &b, NULL));
  g_assert_cmpint (a, ==, sc_calendar_day_from_ymd (2026, 1, 1));
  g_assert_cmpint (b, ==, sc_calendar_day_from_ymd (2026, 3, 31));
  g_assert_true (sc_period_parse ("2026-W01", &a, &b, NULL));
  g_assert_cmpint (a, ==, sc_calendar_day_from_ymd (2025, 12, 29));
  g_assert_true (sc_period_parse ("2025-01..2025-06", &a, &b, NULL));
  g_assert_cmpint (b, ==, sc_calendar_day_from_ymd (2025, 6, 30));
  g_assert_false (sc_period_parse ("2025-13", &a, &b, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_false (sc_period_parse ("2026-02-30", &a, &b, NULL));
}

/* ---- Custom dimensions ------------------------------------------------- */

typedef struct
{
  ScDimension plan;
  ScDimension region2;
  const char *plans[3];
} CustomFill;

static void
fill_custom (ScInteraction *it, guint i, gpointer data)
{
  const CustomFill *c = data;

  it->resolved = 1;
  it->resolved_at = it->created_at + (i + 1) * 60;
  /* Plans Gold, Silver, none in turn; a second field on even rows. */
  it->dims[c->plan] = c->plans[i % 3];
  it->dims[c->region2] = i % 2 == 0 ? "North" : NULL;
}

static void
add_custom_interactions (Fixture          *f,
                         const char       *source,
                         CustomFill       *fill,
                         guint             n,
                         ScImportCounts   *counts)
{
  g_autoptr(GError) error = NULL;
  ScImportInfo info = { "custom.csv", "sum", "test", source, NULL };
  g_autoptr(ScStoreBatch) batch = sc_store_begin_import (f->store, &info, &error);

  g_assert_no_error (error);
  g_assert_true (sc_store_batch_add_dimension (batch, "Plan", &fill->plan, &error));
  g_assert_no_error (error);
  g_assert_true (sc_store_batch_add_dimension (batch, "Sales region", &fill->region2, &error));
  g_assert_cmpint (fill->plan, >=, SC_DIM_N_BUILTIN);
  g_assert_cmpint (fill->region2, ==, fill->plan + 1);
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      ScInteraction it;

      sc_interaction_init (&it);
      it.external_id = id;
      it.created_at = T0 + i * 60;
      fill_custom (&it, i, fill);
      g_assert_true (sc_store_batch_add_interaction (batch, &it, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sc_store_batch_commit (batch, counts, &error));
  g_assert_no_error (error);
}

static void
assert_plan_volumes (Fixture    *f,
                     ScDimension plan,
                     double      gold,
                     double      silver,
                     double      none)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;

  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_group_by (query, plan);
  result = run (f, s, query);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0,
                                            sc_query_result_find_segment (result, "Gold")), gold);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0,
                                            sc_query_result_find_segment (result, "Silver")), silver);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0,
                                            sc_query_result_find_segment (result, "(none)")), none);
}

static void
test_custom_dimensions (Fixture *f, gconstpointer data)
{
  g_autoptr(ScMetricSettings) s = sc_metric_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dims = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autofree char *cache = sc_facts_file_path_for_store (f->store);
  g_autoptr(ScQueryResult) from_store = NULL;
  g_autoptr(ScQueryResult) from_file = NULL;
  CustomFill fill = { .plans = { "Gold", "Silver", NULL } };
  const ScDimensionInfo *info;
  ScImportCounts counts;
  gboolean used_file;

  /* 10 rows: Gold at 0, 3, 6, 9; Silver at 1, 4, 7; none at 2, 5, 8. */
  add_custom_interactions (f, "custom", &fill, 10, &counts);
  g_assert_cmpint (counts.inserted, ==, 10);

  dims = sc_store_list_dimensions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dims->len, ==, SC_DIM_N_BUILTIN + 2);
  info = sc_dimension_list_lookup (dims, "plan");
  g_assert_nonnull (info);
  g_assert_true (info->custom);
  g_assert_cmpint (info->dim, ==, fill.plan);
  g_assert_cmpstr (info->label, ==, "Plan");
  info = sc_dimension_list_lookup (dims, "SALES REGION");
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, "sales_region");
  g_assert_true (sc_dimension_list_lookup (dims, "segment")->dim == SC_DIM_CUSTOMER_SEGMENT);
  g_assert_null (sc_dimension_list_lookup (dims, "colour"));
  g_assert_cmpstr (sc_dimension_list_get_label (dims, fill.region2), ==, "Sales region");

  assert_plan_volumes (f, fill.plan, 4, 3, 3);

  /* Filtering on one custom dimension, grouping by another. */
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_add_metric (query, SC_METRIC_RESOLUTION_TIME_MEAN);
  sc_query_add_filter (query, fill.plan, "gold");
  sc_query_set_group_by (query, fill.region2);
  result = run (f, s, query);
  /* Gold and North: rows 0 and 6, resolved after 1 and 7 minutes. */
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0,
                                            sc_query_result_find_segment (result, "North")), 2);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_RESOLUTION_TIME_MEAN, 0,
                                            sc_query_result_find_segment (result, "North")), 240);
  assert_value (*sc_query_result_get_value (result, SC_METRIC_VOLUME, 0,
                                            sc_query_result_find_segment (result, "(none)")), 2);

  /* The same import again changes nothing; a newer export with other
   * plans replaces the values, and the dimensions are found again. */
  add_custom_interactions (f, "custom", &fill, 10, &counts);
  g_assert_cmpint (counts.unchanged, ==, 10);
  fill.plans[0] = "Silver";
  fill.plans[1] = NULL;
  fill.plans[2] = "Gold";
  add_custom_interactions (f, "custom", &fill, 10, &counts);
  g_assert_cmpint (counts.updated, ==, 10);
  assert_plan_volumes (f, fill.plan, 3, 4, 3);

  /* The fact cache file keeps the custom dimensions. */
  g_unlink (cache);
  from_store = run_cached (f, s, cache, fill.plan, &used_file);
  g_assert_false (used_file);
  from_file = run_cached (f, s, cache, fill.plan, &used_file);
  g_assert_true (used_file);
  assert_same_results (from_store, from_file);
  g_assert_cmpint (sc_query_result_find_segment (from_file, "Silver"), >=, 0);
  g_unlink (cache);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/scorecard/metrics/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("seed/average-response", test_seed_average_response);
  ADD ("seed/first-response", test_seed_first_response);
  ADD ("seed/resolution", test_seed_resolution);
  ADD ("seed/fcr", test_seed_fcr);
  ADD ("seed/nps", test_seed_nps);
  ADD ("seed/csat", test_seed_csat);
  ADD ("seed/sla", test_seed_sla);
  ADD ("seed/abandonment", test_seed_abandonment);
  ADD ("seed/aht", test_seed_aht);
  ADD ("seed/utilization", test_seed_utilization);
  ADD ("seed/churn", test_seed_churn);
  ADD ("seed/clv", test_seed_clv);
  ADD ("edge/empty-period", test_empty_period);
  ADD ("edge/single-and-missing", test_single_and_missing);
  ADD ("edge/dst", test_dst_buckets);
  ADD ("edge/leap-day", test_leap_day);
  ADD ("edge/spanning-months", test_spanning_months);
  ADD ("group-filter-tags", test_group_filter_tags);
  ADD ("variant/business-hours", test_business_hours);
  ADD ("variant/fcr-no-repeat", test_fcr_no_repeat);
  ADD ("comparison-and-drivers", test_comparison_and_drivers);
  ADD ("reload-after-import", test_reload_after_import);
  ADD ("cache-file", test_cache_file);
  ADD ("custom-dimensions", test_custom_dimensions);
#undef ADD
  g_test_add_func ("/scorecard/metrics/period-parse", test_period_parse);
  g_test_add_func ("/scorecard/metrics/additive", test_additive);

  return g_test_run ();
}
