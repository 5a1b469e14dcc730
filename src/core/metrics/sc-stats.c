/* sc-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sc-stats.h"

#define Z SC_STATS_Z95

static const ScInterval no_interval = { NAN, NAN };

/**
 * sc_stats_wilson:
 * @successes: the rows that count
 * @n: all rows
 *
 * The Wilson score interval of the proportion @successes / @n, which stays
 * inside 0…1 and behaves at 0 % and 100 % where the plain Wald interval
 * collapses.
 *
 * Returns: the interval as proportions (0…1); NaN bounds when @n is 0
 */
ScInterval
sc_stats_wilson (double successes,
                 double n)
{
  ScInterval ci;
  double p, denom, centre, half;

  if (n <= 0)
    return no_interval;
  p = successes / n;
  denom = 1 + Z * Z / n;
  centre = (p + Z * Z / (2 * n)) / denom;
  half = Z * sqrt (p * (1 - p) / n + Z * Z / (4 * n * n)) / denom;
  ci.low = MAX (0.0, centre - half);
  ci.high = MIN (1.0, centre + half);
  return ci;
}

/**
 * sc_stats_proportion_se:
 * @successes: the rows that count
 * @n: all rows
 *
 * Returns: the standard error of the proportion (0…1 scale), NaN when @n
 *   is 0
 */
double
sc_stats_proportion_se (double successes,
                        double n)
{
  double p;

  if (n <= 0)
    return NAN;
  p = successes / n;
  return sqrt (p * (1 - p) / n);
}

/**
 * sc_stats_nps_margin:
 * @promoters: answers of 9 or 10
 * @detractors: answers of 0 to 6
 * @n: all answers
 *
 * The closed-form 95 % margin of error of a Net Promoter Score: each answer
 * scores +1, 0 or −1, so the variance is p + d − (p − d)² with p and d the
 * promoter and detractor shares, and the margin is z·√(variance / n),
 * in NPS points (×100).
 *
 * Returns: the margin in NPS points, NaN when @n is 0
 */
double
sc_stats_nps_margin (double promoters,
                     double detractors,
                     double n)
{
  double p, d, variance;

  if (n <= 0)
    return NAN;
  p = promoters / n;
  d = detractors / n;
  variance = p + d - (p - d) * (p - d);
  return 100 * Z * sqrt (MAX (variance, 0.0) / n);
}

/**
 * sc_stats_t_quantile_975:
 * @df: degrees of freedom, at least 1
 *
 * The 97.5 % quantile of Student's t distribution: exact values for up to
 * 30 degrees of freedom, the Cornish–Fisher expansion (Abramowitz & Stegun
 * 26.7.5, error below 10⁻⁵) above.
 *
 * Returns: the quantile, NaN when @df < 1
 */
double
sc_stats_t_quantile_975 (double df)
{
  static const double table[] = {
    12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836,
    2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
    2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546,
    2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447,
    2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553,
    2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
  };
  double z = Z, z3, z5, z7, z9;

  if (df < 1)
    return NAN;
  if (df <= G_N_ELEMENTS (table))
    return table[(int) floor (df) - 1];
  z3 = z * z * z;
  z5 = z3 * z * z;
  z7 = z5 * z * z;
  z9 = z7 * z * z;
  return z + (z3 + z) / (4 * df)
           + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
           + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
           + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df * df * df * df);
}

/**
 * sc_stats_mean_interval:
 * @n: the number of values
 * @sum: their sum
 * @sum_squares: the sum of their squares
 * @out_se: (out) (optional): the standard error of the mean
 *
 * The t interval of a mean from its running sums.
 *
 * Returns: the interval, NaN bounds when @n < 2
 */
ScInterval
sc_stats_mean_interval (double  n,
                        double  sum,
                        double  sum_squares,
                        double *out_se)
{
  ScInterval ci;
  double mean, variance, se;

  if (out_se != NULL)
    *out_se = NAN;
  if (n < 2)
    return no_interval;
  mean = sum / n;
  variance = MAX ((sum_squares - sum * mean) / (n - 1), 0.0);
  se = sqrt (variance / n);
  if (out_se != NULL)
    *out_se = se;
  ci.low = mean - sc_stats_t_quantile_975 (n - 1) * se;
  ci.high = mean + sc_stats_t_quantile_975 (n - 1) * se;
  return ci;
}

static inline void
swap (gint32 *a,
      gsize   i,
      gsize   j)
{
  gint32 t = a[i];

  a[i] = a[j];
  a[j] = t;
}

static gint32
median_of_three (const gint32 *a,
                 gsize         lo,
                 gsize         hi)
{
  gint32 x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi - 1];

  if ((x <= y && y <= z) || (z <= y && y <= x))
    return y;
  if ((y <= x && x <= z) || (z <= x && x <= y))
    return x;
  return z;
}

/**
 * sc_stats_select_int32:
 * @values: (array length=n): the values, reordered in place
 * @n: how many
 * @k: the 0-based rank wanted, below @n
 *
 * Quickselect with a three-way partition (so runs of equal values, common
 * in durations rounded to minutes, stay linear). Afterwards values[k] holds
 * the k-th smallest value, everything before it is ≤ and everything after
 * it ≥.
 *
 * Returns: the k-th smallest value
 */
double
sc_stats_select_int32 (gint32 *values,
                       gsize   n,
                       gsize   k)
{
  gsize lo = 0, hi = n;

  g_return_val_if_fail (k < n, NAN);

  while (hi - lo > 1)
    {
      gint32 pivot = median_of_three (values, lo, hi);
      gsize lt = lo, i = lo, gt = hi;

      /* [lo, lt) < pivot, [lt, i) == pivot, [gt, hi) > pivot */
      while (i < gt)
        {
          if (values[i] < pivot)
            swap (values, lt++, i++);
          else if (values[i] > pivot)
            swap (values, i, --gt);
          else
            i++;
        }
      if (k < lt)
        hi = lt;
      else if (k >= gt)
        lo = gt;
      else
        return pivot;
    }
  return values[k];
}

static gint32
max_of (const gint32 *values,
        gsize         n)
{
  gint32 m = values[0];

  for (gsize i = 1; i < n; i++)
    m = MAX (m, values[i]);
  return m;
}

static gint32
min_of (const gint32 *values,
        gsize         n)
{
  gint32 m = values[0];

  for (gsize i = 1; i < n; i++)
    m = MIN (m, values[i]);
  return m;
}

/**
 * sc_stats_median_int32:
 * @values: (array length=n): the values, reordered in place
 * @n: how many
 *
 * The median by selection; the mean of the two middle values when @n is
 * even.
 *
 * Returns: the median, NaN when @n is 0
 */
double
sc_stats_median_int32 (gint32 *values,
                       gsize   n)
{
  double upper;

  if (n == 0)
    return NAN;
  upper = sc_stats_select_int32 (values, n, n / 2);
  if (n % 2 == 1)
    return upper;
  return (max_of (values, n / 2) + upper) / 2;
}

/**
 * sc_stats_quantile_int32:
 * @values: (array length=n): the values, reordered in place
 * @n: how many
 * @q: the quantile, 0…1
 *
 * The quantile with linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R, NumPy and spreadsheet
 * PERCENTILE), by selection.
 *
 * Returns: the quantile, NaN when @n is 0
 */
double
sc_stats_quantile_int32 (gint32 *values,
                         gsize   n,
                         double  q)
{
  double h, low;
  gsize k;

  if (n == 0)
    return NAN;
  h = (n - 1) * CLAMP (q, 0.0, 1.0);
  k = (gsize) floor (h);
  low = sc_stats_select_int32 (values, n, k);
  if (k + 1 >= n || h == k)
    return low;
  return low + (h - k) * (min_of (values + k + 1, n - k - 1) - low);
}

/**
 * sc_stats_order_ranks:
 * @n: the sample size, at least 1
 * @q: the quantile, 0…1 (0.5 for the median)
 * @out_low: (out): the 0-based rank of the lower bound
 * @out_high: (out): the 0-based rank of the upper bound
 *
 * The ranks of the order statistics bounding a distribution-free 95 %
 * interval for the q-quantile: nq ∓ z·√(nq(1−q)), from the normal
 * approximation of the binomial count of values below the quantile
 * (Conover), rounded outwards and clamped to the sample.
 */
void
sc_stats_order_ranks (gsize  n,
                      double q,
                      gsize *out_low,
                      gsize *out_high)
{
  double spread = Z * sqrt (n * q * (1 - q));
  double low = floor (n * q - spread);
  double high = ceil (n * q + spread) + 1;

  /* The formula gives 1-based ranks. */
  *out_low = (gsize) CLAMP (low, 1, (double) n) - 1;
  *out_high = (gsize) CLAMP (high, 1, (double) n) - 1;
}

/**
 * sc_stats_quantile_interval_int32:
 * @values: (array length=n): the values, reordered in place
 * @n: how many
 * @q: the quantile, 0…1
 *
 * The order-statistic 95 % interval of the q-quantile (see
 * sc_stats_order_ranks()), by selection.
 *
 * Returns: the interval, NaN bounds when @n is 0
 */
ScInterval
sc_stats_quantile_interval_int32 (gint32 *values,
                                  gsize   n,
                                  double  q)
{
  ScInterval ci;
  gsize j, k;

  if (n == 0)
    return no_interval;
  sc_stats_order_ranks (n, q, &j, &k);
  ci.low = sc_stats_select_int32 (values, n, j);
  /* After selecting j everything above it is ≥, so select k there. */
  ci.high = k > j ? sc_stats_select_int32 (values + j + 1, n - j - 1, k - j - 1) : ci.low;
  return ci;
}

/**
 * sc_stats_proportions_differ:
 * @successes_a: the rows that count in the first sample
 * @n_a: all rows of the first sample
 * @successes_b: the rows that count in the second sample
 * @n_b: all rows of the second sample
 *
 * The pooled two-proportion z test at 95 %: whether the difference between
 * the two proportions is larger than sampling noise would explain.
 *
 * Returns: %TRUE when the difference is significant
 */
gboolean
sc_stats_proportions_differ (double successes_a,
                             double n_a,
                             double successes_b,
                             double n_b)
{
  double pooled, se;

  if (n_a <= 0 || n_b <= 0)
    return FALSE;
  pooled = (successes_a + successes_b) / (n_a + n_b);
  se = sqrt (pooled * (1 - pooled) * (1 / n_a + 1 / n_b));
  if (se == 0)
    return successes_a / n_a != successes_b / n_b;
  return fabs (successes_a / n_a - successes_b / n_b) / se > Z;
}

/**
 * sc_stats_change_exceeds_noise:
 * @value_a: the first value
 * @se_a: its standard error
 * @value_b: the second value
 * @se_b: its standard error
 *
 * Whether the difference of two independent estimates exceeds
 * z·√(se_a² + se_b²), the 95 % noise band of their difference (a Welch-type
 * z test).
 *
 * Returns: %TRUE when the change is larger than the noise; %FALSE when
 *   either value or standard error is unknown
 */
gboolean
sc_stats_change_exceeds_noise (double value_a,
                               double se_a,
                               double value_b,
                               double se_b)
{
  double se;

  if (isnan (value_a) || isnan (value_b) || isnan (se_a) || isnan (se_b))
    return FALSE;
  se = sqrt (se_a * se_a + se_b * se_b);
  if (se == 0)
    return value_a != value_b;
  return fabs (value_a - value_b) > Z * se;
}
