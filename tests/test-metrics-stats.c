/* test-metrics-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure statistics of the metrics engine against values computed
 * independently (textbook tables and hand calculation).
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sc-metric.h"
#include "sc-stats.h"

static void
test_wilson (void)
{
  ScInterval ci;

  /* 80 of 100: the Wilson interval is 71.12 %…86.66 %. */
  ci = sc_stats_wilson (80, 100);
  g_assert_cmpfloat_with_epsilon (ci.low, 0.711171, 1e-6);
  g_assert_cmpfloat_with_epsilon (ci.high, 0.866633, 1e-6);

  /* 0 of 10 still has a non-empty interval, unlike Wald's. */
  ci = sc_stats_wilson (0, 10);
  g_assert_cmpfloat (ci.low, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (ci.high, 0.277533, 1e-6);

  ci = sc_stats_wilson (1, 1);
  g_assert_cmpfloat (ci.high, ==, 1.0);
  g_assert_cmpfloat (ci.low, >, 0.0);

  ci = sc_stats_wilson (0, 0);
  g_assert_true (isnan (ci.low) && isnan (ci.high));
}

static void
test_nps_margin (void)
{
  /* 40 % promoters, 20 % detractors of 100: variance 0.6 − 0.04 = 0.56,
   * margin 1.96 × 100 × √0.0056 = 14.67 points. */
  g_assert_cmpfloat_with_epsilon (sc_stats_nps_margin (40, 20, 100), 14.667027, 1e-5);
  /* All promoters: no spread, no margin. */
  g_assert_cmpfloat_with_epsilon (sc_stats_nps_margin (50, 0, 50), 0.0, 1e-12);
  g_assert_true (isnan (sc_stats_nps_margin (0, 0, 0)));
}

static void
test_t_quantile (void)
{
  g_assert_cmpfloat_with_epsilon (sc_stats_t_quantile_975 (1), 12.706205, 1e-5);
  g_assert_cmpfloat_with_epsilon (sc_stats_t_quantile_975 (10), 2.228139, 1e-5);
  g_assert_cmpfloat_with_epsilon (sc_stats_t_quantile_975 (31), 2.039513, 1e-4);
  g_assert_cmpfloat_with_epsilon (sc_stats_t_quantile_975 (40), 2.021075, 1e-4);
  g_assert_cmpfloat_with_epsilon (sc_stats_t_quantile_975 (100), 1.983972, 1e-5);
  g_assert_cmpfloat_with_epsilon (sc_stats_t_quantile_975 (1000), 1.962339, 1e-5);
  g_assert_true (isnan (sc_stats_t_quantile_975 (0)));
}

static void
test_mean_interval (void)
{
  double sum = 0, sumsq = 0, se;
  ScInterval ci;

  for (int i = 1; i <= 10; i++)
    {
      sum += i;
      sumsq += i * i;
    }
  /* 1…10: mean 5.5, s = 3.02765, t(9) = 2.262157. */
  ci = sc_stats_mean_interval (10, sum, sumsq, &se);
  g_assert_cmpfloat_with_epsilon (se, 0.957427, 1e-6);
  g_assert_cmpfloat_with_epsilon (ci.low, 3.334149, 1e-5);
  g_assert_cmpfloat_with_epsilon (ci.high, 7.665851, 1e-5);

  /* A single value has no interval. */
  ci = sc_stats_mean_interval (1, 7, 49, &se);
  g_assert_true (isnan (ci.low) && isnan (se));
}

static void
test_median (void)
{
  gint32 odd[] = { 5, 1, 4, 2, 3 };
  gint32 even[] = { 4, 1, 3, 2 };
  gint32 same[] = { 7, 7, 7, 7, 7, 7 };
  gint32 one[] = { 42 };
  gint32 tens[10];

  g_assert_cmpfloat (sc_stats_median_int32 (odd, 5), ==, 3);
  g_assert_cmpfloat (sc_stats_median_int32 (even, 4), ==, 2.5);
  g_assert_cmpfloat (sc_stats_median_int32 (same, 6), ==, 7);
  g_assert_cmpfloat (sc_stats_median_int32 (one, 1), ==, 42);
  g_assert_true (isnan (sc_stats_median_int32 (NULL, 0)));

  /* Type 7: the 90th percentile of 1…10 is 9.1. */
  for (int i = 0; i < 10; i++)
    tens[i] = 10 - i;
  g_assert_cmpfloat_with_epsilon (sc_stats_quantile_int32 (tens, 10, 0.9), 9.1, 1e-12);
  g_assert_cmpfloat (sc_stats_quantile_int32 (tens, 10, 1.0), ==, 10);
  g_assert_cmpfloat (sc_stats_quantile_int32 (tens, 10, 0.0), ==, 1);
}

static int
compare_int32 (const void *a,
               const void *b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

static void
test_select_random (void)
{
  for (int round = 0; round < 200; round++)
    {
      gsize n = g_test_rand_int_range (1, 500);
      int range = g_test_rand_int_range (1, 50);
      g_autofree gint32 *values = g_new (gint32, n);
      g_autofree gint32 *sorted = g_new (gint32, n);
      gsize k = g_test_rand_int_range (0, n);

      for (gsize i = 0; i < n; i++)
        values[i] = sorted[i] = g_test_rand_int_range (-range, range);
      qsort (sorted, n, sizeof (gint32), compare_int32);
      g_assert_cmpfloat (sc_stats_select_int32 (values, n, k), ==, sorted[k]);
      for (gsize i = 0; i < k; i++)
        g_assert_cmpint (values[i], <=, sorted[k]);
      for (gsize i = k + 1; i < n; i++)
        g_assert_cmpint (values[i], >=, sorted[k]);

      for (gsize i = 0; i < n; i++)
        values[i] = sorted[n - 1 - i];
      g_assert_cmpfloat (sc_stats_median_int32 (values, n), ==,
                         n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }
}

static void
test_median_interval (void)
{
  gint32 values[100];
  ScInterval ci;
  gsize j, k;

  /* n = 100: ranks 50 ∓ 1.96 × 5 → 40 and 61 (1-based). */
  sc_stats_order_ranks (100, 0.5, &j, &k);
  g_assert_cmpuint (j, ==, 39);
  g_assert_cmpuint (k, ==, 60);

  for (int i = 0; i < 100; i++)
    values[i] = 100 - i;
  ci = sc_stats_quantile_interval_int32 (values, 100, 0.5);
  g_assert_cmpfloat (ci.low, ==, 40);
  g_assert_cmpfloat (ci.high, ==, 61);

  /* One value: the interval is that value. */
  values[0] = 9;
  ci = sc_stats_quantile_interval_int32 (values, 1, 0.5);
  g_assert_cmpfloat (ci.low, ==, 9);
  g_assert_cmpfloat (ci.high, ==, 9);
}

static void
test_change_noise (void)
{
  /* 80 % vs 60 % of 100 each: z = 3.09, a real change. */
  g_assert_true (sc_stats_proportions_differ (80, 100, 60, 100));
  /* 80 % vs 75 %: z = 0.85, noise. */
  g_assert_false (sc_stats_proportions_differ (80, 100, 75, 100));
  g_assert_false (sc_stats_proportions_differ (1, 0, 1, 10));

  g_assert_true (sc_stats_change_exceeds_noise (10, 1, 14, 1));   /* 4 > 1.96·√2 */
  g_assert_false (sc_stats_change_exceeds_noise (10, 1, 12, 1));  /* 2 < 2.77 */
  g_assert_false (sc_stats_change_exceeds_noise (10, NAN, 50, 1));
}

static void
test_catalogue (void)
{
  static const char *ids[] = {
    "volume", "frt_median", "frt_mean", "frt_p90", "response_time_mean",
    "resolution_time_median", "resolution_time_mean", "resolution_rate", "fcr", "csat",
    "csat_mean_pct", "nps", "ces", "sla", "abandonment", "asa", "aht", "utilization",
    "reopen_rate", "escalation_rate", "containment", "backlog", "churn", "clv",
    "response_rate",
  };
  g_autofree char *text = NULL;

  g_assert_cmpuint (sc_metric_get_n_metrics (), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const ScMetric *metric = sc_metric_lookup (ids[i]);

      g_assert_nonnull (metric);
      g_assert_cmpint (metric->id, ==, i);
      g_assert_true (sc_metric_get (i) == metric);
      g_assert_cmpstr (metric->id_string, ==, ids[i]);
      g_assert_true (metric->name[0] && metric->description[0] && metric->numerator[0]);
      g_assert_cmpuint (metric->min_sample, >=, 1);
      g_assert_nonnull (sc_metric_unit_to_string (metric->unit));
      g_assert_true (metric->unit == SC_UNIT_DURATION || metric->format != NULL);
    }
  g_assert_null (sc_metric_lookup ("no_such_metric"));

  text = sc_metric_format_value (sc_metric_lookup ("frt_mean"), 180);
  g_assert_cmpstr (text, ==, "3.0 min");
  g_clear_pointer (&text, g_free);
  text = sc_metric_format_value (sc_metric_lookup ("csat"), 80);
  g_assert_cmpstr (text, ==, "80.0 %");
  g_clear_pointer (&text, g_free);
  text = sc_metric_format_value (sc_metric_lookup ("nps"), 20);
  g_assert_cmpstr (text, ==, "+20");
  g_clear_pointer (&text, g_free);
  text = sc_metric_format_value (sc_metric_lookup ("nps"), NAN);
  g_assert_cmpstr (text, ==, "—");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/metrics/stats/wilson", test_wilson);
  g_test_add_func ("/scorecard/metrics/stats/nps-margin", test_nps_margin);
  g_test_add_func ("/scorecard/metrics/stats/t-quantile", test_t_quantile);
  g_test_add_func ("/scorecard/metrics/stats/mean-interval", test_mean_interval);
  g_test_add_func ("/scorecard/metrics/stats/median", test_median);
  g_test_add_func ("/scorecard/metrics/stats/select-random", test_select_random);
  g_test_add_func ("/scorecard/metrics/stats/median-interval", test_median_interval);
  g_test_add_func ("/scorecard/metrics/stats/change-noise", test_change_noise);
  g_test_add_func ("/scorecard/metrics/catalogue", test_catalogue);

  return g_test_run ();
}
