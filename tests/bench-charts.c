/* bench-charts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paints a 730-point daily trend (with its 95% band, baseline band and a
 * target) and a 50-bar segment chart at 1440×900 into an image surface,
 * many times, and prints the median time per frame. The bar to beat is
 * 8 ms for both charts together.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "sc-bar-painter.h"
#include "sc-trend-painter.h"

#define RUNS 60
#define WIDTH 1440
#define HEIGHT 900

static ScTrendPainter *
make_trend (void)
{
  g_autoptr(ScChartSeries) series = sc_chart_series_new ("First response time", SC_CHART_UNIT_DURATION);
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  ScTrendPainter *painter = sc_trend_painter_new ();
  gint64 start = 1672531200; /* 1 January 2023 */

  for (guint d = 0; d < 730; d++)
    {
      double value = 3600 + 1200 * sin (d / 20.0) + 300 * sin (d * 1.7);
      ScChartPoint *p = sc_chart_series_add (series, start + d * 86400, start + (d + 1) * 86400,
                                             value, 40 + d % 50);

      p->ci_low = value * 0.85;
      p->ci_high = value * 1.15;
      p->target = d < 365 ? 3600 : 3000;
      p->insufficient = d % 97 == 0;
    }

  sc_trend_painter_set_time_zone (painter, tz);
  sc_trend_painter_add_series (painter, series);
  sc_trend_painter_set_baseline_band (painter, 2400, 4800);

  return painter;
}

static ScBarPainter *
make_bars (void)
{
  g_autoptr(ScChartSeries) series = sc_chart_series_new ("CSAT", SC_CHART_UNIT_PERCENT);
  ScBarPainter *painter = sc_bar_painter_new ();

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agent %02u — Second line support", i);
      double value = 60 + fmod (i * 37.3, 38);
      ScChartPoint *p = sc_chart_series_add_category (series, name, value, 100 + i);

      p->ci_low = value - 4;
      p->ci_high = MIN (value + 4, 100);
      p->target = 85;
    }

  sc_bar_painter_set_series (painter, series);
  sc_bar_painter_set_reference (painter, 80);

  return painter;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Paints once; returns the wall-clock time and stores the thread's CPU
 * time, which other processes on a busy machine do not inflate. */
static double
time_painter (ScChartPainter     *painter,
              cairo_surface_t    *surface,
              const ScChartStyle *style,
              double             *cpu)
{
  cairo_t *cr = cairo_create (surface);
  gint64 begin;
  double cpu_begin;
  ScChartGeometry *geometry;

  cairo_set_source_rgb (cr, style->bg.red, style->bg.green, style->bg.blue);
  cairo_paint (cr);
  cpu_begin = cpu_ms ();
  begin = g_get_monotonic_time ();
  geometry = sc_chart_painter_draw (painter, cr, WIDTH, HEIGHT, style);
  cairo_surface_flush (surface);
  begin = g_get_monotonic_time () - begin;
  *cpu = cpu_ms () - cpu_begin;
  sc_chart_geometry_unref (geometry);
  cairo_destroy (cr);

  return begin / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScTrendPainter) trend = make_trend ();
  g_autoptr(ScBarPainter) bars = make_bars ();
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double trend_ms[RUNS], bars_ms[RUNS], both_ms[RUNS];
  double trend_cpu[RUNS], bars_cpu[RUNS], both_cpu[RUNS];
  double ignored;

  setlocale (LC_ALL, "");

  /* Warm up font caches and glyph rasterisation. */
  for (guint i = 0; i < 3; i++)
    {
      time_painter (SC_CHART_PAINTER (trend), surface, style, &ignored);
      time_painter (SC_CHART_PAINTER (bars), surface, style, &ignored);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      trend_ms[i] = time_painter (SC_CHART_PAINTER (trend), surface, style, &trend_cpu[i]);
      bars_ms[i] = time_painter (SC_CHART_PAINTER (bars), surface, style, &bars_cpu[i]);
      both_ms[i] = trend_ms[i] + bars_ms[i];
      both_cpu[i] = trend_cpu[i] + bars_cpu[i];
    }

  qsort (trend_ms, RUNS, sizeof (double), compare_doubles);
  qsort (bars_ms, RUNS, sizeof (double), compare_doubles);
  qsort (both_ms, RUNS, sizeof (double), compare_doubles);
  qsort (trend_cpu, RUNS, sizeof (double), compare_doubles);
  qsort (bars_cpu, RUNS, sizeof (double), compare_doubles);
  qsort (both_cpu, RUNS, sizeof (double), compare_doubles);

  printf ("charts at %d×%d, median of %d runs (wall clock / thread CPU time):\n", WIDTH, HEIGHT, RUNS);
  printf ("  trend, 730 points with band and target: %.2f ms / %.2f ms\n",
          trend_ms[RUNS / 2], trend_cpu[RUNS / 2]);
  printf ("  segment bars, 50 bars:                  %.2f ms / %.2f ms\n",
          bars_ms[RUNS / 2], bars_cpu[RUNS / 2]);
  printf ("  both:                                   %.2f ms / %.2f ms (target ≤ 8 ms)\n",
          both_ms[RUNS / 2], both_cpu[RUNS / 2]);

  cairo_surface_destroy (surface);

  return 0;
}
