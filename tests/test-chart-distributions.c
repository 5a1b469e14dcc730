/* test-chart-distributions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bullet charts, NPS bars, histograms, heatmaps and sparklines.
 */

#include "config.h"

#include <locale.h>

#include "sc-bullet-painter.h"
#include "sc-heatmap-painter.h"
#include "sc-histogram-painter.h"
#include "sc-nps-painter.h"
#include "sc-sparkline-painter.h"
#include "test-chart-common.h"

static void
render_pictures (ScChartPainter *painter,
                 const char     *name,
                 int             width,
                 int             height)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
      g_autofree char *png = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");
      g_autoptr(ScChartGeometry) geometry = chart_test_render (painter, width, height, 1, style, png, NULL);

      g_assert_false (sc_chart_geometry_get_is_empty (geometry));
    }
  chart_test_render_matrix (painter);
}

static ScBulletPainter *
make_bullets (void)
{
  ScBulletPainter *painter = sc_bullet_painter_new ();
  const ScBulletRow rows[] = {
    { "CSAT", 91.2, 90, NAN, SC_CHART_UNIT_PERCENT, SC_CHART_DIRECTION_HIGHER_IS_BETTER },
    { "First response time", 5400, 3600, 4500, SC_CHART_UNIT_DURATION, SC_CHART_DIRECTION_LOWER_IS_BETTER },
    { "First contact resolution", 68, 72, NAN, SC_CHART_UNIT_PERCENT, SC_CHART_DIRECTION_HIGHER_IS_BETTER },
    { "Resolution time", 20 * 3600, 24 * 3600, NAN, SC_CHART_UNIT_DURATION, SC_CHART_DIRECTION_LOWER_IS_BETTER },
    { "Net Promoter Score", -12, 20, 0, SC_CHART_UNIT_NPS, SC_CHART_DIRECTION_HIGHER_IS_BETTER },
    { "Abandonment rate", NAN, 5, NAN, SC_CHART_UNIT_PERCENT, SC_CHART_DIRECTION_LOWER_IS_BETTER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    sc_bullet_painter_add_row (painter, &rows[i]);

  return painter;
}

static void
test_bullet_status (void)
{
  ScBulletRow higher = { "CSAT", 85, 90, NAN, SC_CHART_UNIT_PERCENT, SC_CHART_DIRECTION_HIGHER_IS_BETTER };
  ScBulletRow lower = { "FRT", 3000, 3600, NAN, SC_CHART_UNIT_DURATION, SC_CHART_DIRECTION_LOWER_IS_BETTER };

  g_assert_cmpint (sc_bullet_row_get_status (&higher), ==, SC_BULLET_STATUS_AT_RISK);
  g_assert_cmpfloat_with_epsilon (sc_bullet_row_get_attainment (&higher), 94.444, 0.001);
  higher.actual = 80;
  g_assert_cmpint (sc_bullet_row_get_status (&higher), ==, SC_BULLET_STATUS_MISSED);
  higher.actual = 90;
  g_assert_cmpint (sc_bullet_row_get_status (&higher), ==, SC_BULLET_STATUS_MET);

  /* Lower is better: under the target is met, attainment above 100%. */
  g_assert_cmpint (sc_bullet_row_get_status (&lower), ==, SC_BULLET_STATUS_MET);
  g_assert_cmpfloat_with_epsilon (sc_bullet_row_get_attainment (&lower), 120, 1e-9);
  lower.actual = 3900;
  g_assert_cmpint (sc_bullet_row_get_status (&lower), ==, SC_BULLET_STATUS_AT_RISK);
  lower.actual = 4000;
  g_assert_cmpint (sc_bullet_row_get_status (&lower), ==, SC_BULLET_STATUS_MISSED);
  lower.actual = NAN;
  g_assert_cmpint (sc_bullet_row_get_status (&lower), ==, SC_BULLET_STATUS_NONE);
  g_assert_true (isnan (sc_bullet_row_get_attainment (&lower)));
}

static void
test_bullet_chart (void)
{
  g_autoptr(ScBulletPainter) painter = make_bullets ();
  g_autoptr(ScBulletPainter) empty = sc_bullet_painter_new ();
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) geometry = NULL;
  g_autoptr(ScChartGeometry) nothing = NULL;
  g_autofree char *summary = NULL;
  cairo_surface_t *surface = NULL;
  const ScChartItem *csat;
  double band_y;

  render_pictures (SC_CHART_PAINTER (painter), "bullets", 720, 420);
  geometry = chart_test_render (SC_CHART_PAINTER (painter), 720, 420, 1, style, NULL, &surface);
  g_assert_cmpuint (sc_chart_geometry_get_n_items (geometry), ==, 6);

  /* Left of the CSAT bar's zero there is nothing; at the far right of the
   * scale (beyond the target) is the "met" band, tinted with success. */
  csat = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, 0, 0);
  band_y = csat->y - 6;
  {
    ScChartRgba tint = style->success;
    tint.alpha = 0.22;
    chart_test_assert_pixel (chart_test_pixel (surface, CHART_TEST_MARGIN + (int) csat->x + 30,
                                               CHART_TEST_MARGIN + (int) band_y),
                             chart_test_over (&tint, &style->bg), 3);
  }
  cairo_surface_destroy (surface);

  summary = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_assert_true (g_str_has_prefix (summary, "CSAT: 91.2% of 90.0% target, 101% attained, met. "
                                            "First response time: 1 h 30 min of 1 h target, 67% attained, missed."));
  g_assert_nonnull (strstr (summary, "Abandonment rate: — of 5.0% target, — attained, no data."));

  nothing = chart_test_render (SC_CHART_PAINTER (empty), 300, 100, 1, style, NULL, NULL);
  g_assert_true (sc_chart_geometry_get_is_empty (nothing));
  chart_test_render_matrix (SC_CHART_PAINTER (empty));
}

static void
test_nps_chart (void)
{
  g_autoptr(ScNpsPainter) painter = sc_nps_painter_new ();
  g_autoptr(ScNpsPainter) empty = sc_nps_painter_new ();
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) geometry = NULL;
  g_autofree char *summary = NULL;
  const ScChartItem *promoters;
  gboolean negative = FALSE;

  g_assert_cmpfloat (sc_nps_score (10, 20, 70), ==, 60);
  g_assert_cmpfloat (sc_nps_score (60, 30, 10), ==, -50);
  g_assert_true (isnan (sc_nps_score (0, 0, 0)));

  sc_nps_painter_add_row (painter, "All channels", 180, 260, 560);
  sc_nps_painter_add_row (painter, "Phone", 300, 120, 80);
  sc_nps_painter_add_row (painter, "Chat", 20, 50, 430);
  sc_nps_painter_add_row (painter, "Social", 0, 0, 0);
  sc_nps_painter_add_row (painter, "Email", 1, 0, 0);
  render_pictures (SC_CHART_PAINTER (painter), "nps", 640, 280);

  geometry = chart_test_render (SC_CHART_PAINTER (painter), 640, 280, 1, style, NULL, NULL);
  promoters = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, SC_NPS_PROMOTERS, 0);
  g_assert_nonnull (promoters);
  g_assert_cmpfloat_with_epsilon (promoters->value, 56, 1e-9);
  g_assert_null (sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, SC_NPS_PROMOTERS, 3));
  for (guint i = 0; i < sc_chart_geometry_get_n_labels (geometry); i++)
    negative |= g_strcmp0 (sc_chart_geometry_get_label (geometry, i)->text, "\u221244") == 0;
  g_assert_true (negative);

  summary = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_assert_true (g_str_has_prefix (summary, "All channels: NPS +38, 56% promoters, 26% passives, "
                                            "18% detractors (n = 1,000). Phone: NPS \u221244"));
  g_assert_nonnull (strstr (summary, "Social: no answers."));

  sc_nps_painter_add_row (empty, "Nobody", 0, 0, 0);
  g_clear_pointer (&geometry, sc_chart_geometry_unref);
  geometry = chart_test_render (SC_CHART_PAINTER (empty), 300, 100, 1, style, NULL, NULL);
  g_assert_true (sc_chart_geometry_get_is_empty (geometry));
}

static void
test_histogram_chart (void)
{
  g_autoptr(ScChartSeries) bins = sc_chart_series_new ("First response time", SC_CHART_UNIT_COUNT);
  g_autoptr(ScChartSeries) many = sc_chart_series_new ("Many bins", SC_CHART_UNIT_COUNT);
  g_autoptr(ScHistogramPainter) painter = sc_histogram_painter_new ();
  g_autoptr(ScHistogramPainter) dense = sc_histogram_painter_new ();
  g_autoptr(ScHistogramPainter) empty = sc_histogram_painter_new ();
  g_autoptr(ScChartStyle) style = sc_chart_style_new (TRUE);
  g_autoptr(ScChartGeometry) geometry = NULL;
  g_autofree char *summary = NULL;
  const char *labels[] = { "< 15 min", "15–30 min", "30–60 min", "1–2 h", "2–4 h", "4–8 h", "8–24 h", "> 24 h" };
  const double counts[] = { 1250, 2310, 1980, 1204, 640, 310, 120, 14 };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    sc_chart_series_add_category (bins, labels[i], counts[i], (guint64) counts[i])->insufficient = i == 7;
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u s", i * 10);
      sc_chart_series_add_category (many, label, 1000 * exp (-i / 60.0), 1);
    }

  sc_histogram_painter_set_bins (painter, bins);
  sc_histogram_painter_set_bins (dense, many);
  sc_histogram_painter_set_selected (painter, 1);
  render_pictures (SC_CHART_PAINTER (painter), "histogram", 640, 300);
  render_pictures (SC_CHART_PAINTER (dense), "histogram-dense", 640, 300);
  chart_test_render_matrix (SC_CHART_PAINTER (empty));

  geometry = chart_test_render (SC_CHART_PAINTER (painter), 640, 300, 1, style, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      const ScChartItem *item = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, 0, i);

      g_assert_cmpfloat (item->value, ==, counts[i]);
      g_assert_cmpfloat_with_epsilon (item->y, sc_chart_geometry_position_of (geometry, counts[i]), 1e-6);
      g_assert_true (sc_chart_geometry_hit_test (geometry, item->x, item->area.y + item->area.height - 1) == item);
    }

  summary = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_assert_cmpstr (summary, ==, "First response time in 8 bins, 7,828 in all; the largest bin is 15–30 min with 2,310.");
}

static void
test_heatmap_chart (void)
{
  g_autoptr(ScHeatmapPainter) painter = sc_heatmap_painter_new ();
  g_autoptr(ScHeatmapPainter) empty = sc_heatmap_painter_new ();
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) geometry = NULL;
  g_autofree char *summary = NULL;
  cairo_surface_t *surface = NULL;
  double values[SC_HEATMAP_DAYS * SC_HEATMAP_HOURS];
  double zeros[SC_HEATMAP_DAYS * SC_HEATMAP_HOURS] = { 0 };
  const ScChartItem *peak, *quiet;

  for (guint d = 0; d < SC_HEATMAP_DAYS; d++)
    for (guint h = 0; h < SC_HEATMAP_HOURS; h++)
      values[d * SC_HEATMAP_HOURS + h] = (d < 5 ? 100 : 30) * exp (-pow ((h - 11.0) / 4.0, 2)) + (h == 3 ? NAN : 0);
  values[1 * SC_HEATMAP_HOURS + 10] = 140;

  sc_heatmap_painter_set_values (painter, values, SC_CHART_UNIT_COUNT);
  sc_heatmap_painter_set_title (painter, "Tickets");
  render_pictures (SC_CHART_PAINTER (painter), "heatmap", 720, 260);
  g_assert_cmpfloat (sc_heatmap_painter_get_value (painter, 1, 10), ==, 140);

  geometry = chart_test_render (SC_CHART_PAINTER (painter), 720, 260, 1, style, NULL, &surface);
  g_assert_cmpuint (sc_chart_geometry_get_n_items (geometry), ==, 168);
  peak = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_CELL, 1, 10);
  quiet = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_CELL, 6, 3);
  g_assert_true (sc_chart_geometry_hit_test (geometry, peak->x, peak->y) == peak);
  chart_test_assert_pixel (chart_test_pixel (surface, CHART_TEST_MARGIN + (int) peak->x,
                                             CHART_TEST_MARGIN + (int) peak->y),
                           chart_test_over (&style->accent, &style->bg), 3);
  chart_test_assert_pixel (chart_test_pixel (surface, CHART_TEST_MARGIN + (int) quiet->x,
                                             CHART_TEST_MARGIN + (int) quiet->y),
                           chart_test_over (&style->grid, &style->bg), 3);
  cairo_surface_destroy (surface);

  summary = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_assert_cmpstr (summary, ==, "Tickets by weekday and hour: busiest on Tuesday 10:00–11:00 with 140.");

  chart_test_render_matrix (SC_CHART_PAINTER (empty));
  sc_heatmap_painter_set_values (empty, zeros, SC_CHART_UNIT_COUNT);
  g_clear_pointer (&geometry, sc_chart_geometry_unref);
  geometry = chart_test_render (SC_CHART_PAINTER (empty), 300, 120, 1, style, NULL, NULL);
  g_assert_true (sc_chart_geometry_get_is_empty (geometry));
}

static void
test_sparkline_chart (void)
{
  g_autoptr(ScChartSeries) series = sc_chart_series_new ("CSAT", SC_CHART_UNIT_PERCENT);
  g_autoptr(ScChartSeries) single = sc_chart_series_new ("Single", SC_CHART_UNIT_PERCENT);
  g_autoptr(ScChartSeries) missing = sc_chart_series_new ("Missing", SC_CHART_UNIT_PERCENT);
  g_autoptr(ScSparklinePainter) painter = sc_sparkline_painter_new ();
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autofree char *summary = NULL;
  ScChartSeries *cases[] = { single, missing, NULL };

  for (guint i = 0; i < 30; i++)
    sc_chart_series_add (series, i * 86400, (i + 1) * 86400, i == 12 ? NAN : 80 + 8 * sin (i / 4.0), 50)->target = 85;
  sc_chart_series_add (single, 0, 86400, 71, 10);
  sc_chart_series_add (missing, 0, 86400, NAN, 0);

  sc_sparkline_painter_set_series (painter, series);
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(ScChartStyle) s = sc_chart_style_new (dark);
      g_autoptr(ScChartGeometry) g1 = chart_test_render (SC_CHART_PAINTER (painter), 160, 40, 2, s,
                                                         dark ? "sparkline-dark" : "sparkline-light", NULL);
      g_assert_cmpuint (sc_chart_geometry_get_n_items (g1), ==, 29);
    }
  chart_test_render_matrix (SC_CHART_PAINTER (painter));

  summary = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_assert_true (g_str_has_prefix (summary, "CSAT trend: latest "));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScChartGeometry) geometry = NULL;

      sc_sparkline_painter_set_series (painter, cases[i]);
      chart_test_render_matrix (SC_CHART_PAINTER (painter));
      geometry = chart_test_render (SC_CHART_PAINTER (painter), 120, 40, 1, style, NULL, NULL);
      g_assert_cmpint (sc_chart_geometry_get_is_empty (geometry), ==, i > 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/charts/bullet/status", test_bullet_status);
  g_test_add_func ("/scorecard/charts/bullet/chart", test_bullet_chart);
  g_test_add_func ("/scorecard/charts/nps/chart", test_nps_chart);
  g_test_add_func ("/scorecard/charts/histogram/chart", test_histogram_chart);
  g_test_add_func ("/scorecard/charts/heatmap/chart", test_heatmap_chart);
  g_test_add_func ("/scorecard/charts/sparkline/chart", test_sparkline_chart);

  return g_test_run ();
}
