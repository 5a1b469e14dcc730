/* test-chart-trend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "sc-trend-painter.h"
#include "test-chart-common.h"

static gint64
month_start (int year,
             int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year + (month - 1) / 12, (month - 1) % 12 + 1, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* 24 months of CSAT from January 2023, with intervals, a target that
 * changes in 2024, a baseline, and two months with too few responses. */
static ScChartSeries *
make_monthly_csat (void)
{
  ScChartSeries *series = sc_chart_series_new ("CSAT", SC_CHART_UNIT_PERCENT);

  for (int m = 1; m <= 24; m++)
    {
      double value = 82 + 6 * sin (m / 3.0) + m * 0.2;
      guint64 n = m == 7 || m == 19 ? 18 : 400 + m * 10;
      ScChartPoint *p = sc_chart_series_add (series, month_start (2023, m), month_start (2023, m + 1),
                                             value, n);
      double margin = m == 7 || m == 19 ? 9 : 2.5;

      p->ci_low = value - margin;
      p->ci_high = MIN (value + margin, 100);
      p->target = m <= 12 ? 85 : 88;
      p->baseline = 83;
      p->insufficient = n < 30;
    }

  return series;
}

static ScChartSeries *
make_daily (guint  days,
            double target)
{
  ScChartSeries *series = sc_chart_series_new ("First response time", SC_CHART_UNIT_DURATION);
  gint64 start = month_start (2023, 1);

  sc_chart_series_set_direction (series, SC_CHART_DIRECTION_LOWER_IS_BETTER);
  for (guint d = 0; d < days; d++)
    {
      double value = 3600 + 1200 * sin (d / 20.0) + 300 * sin (d * 1.7);
      ScChartPoint *p = sc_chart_series_add (series, start + d * 86400, start + (d + 1) * 86400,
                                             value, 50 + d % 30);

      p->ci_low = value * 0.85;
      p->ci_high = value * 1.15;
      p->target = target;
    }

  return series;
}

static ScTrendPainter *
make_painter (ScChartSeries *series)
{
  ScTrendPainter *painter = sc_trend_painter_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  sc_trend_painter_set_time_zone (painter, tz);
  if (series != NULL)
    sc_trend_painter_add_series (painter, series);

  return painter;
}

static void
test_trend_pictures (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScChartSeries) last_year = sc_chart_series_new ("CSAT, previous year", SC_CHART_UNIT_PERCENT);
  g_autoptr(ScTrendPainter) painter = make_painter (csat);
  g_autoptr(ScChartSeries) daily = make_daily (730, 3000);
  g_autoptr(ScTrendPainter) dense = make_painter (daily);

  for (int m = 1; m <= 24; m++)
    sc_chart_series_add (last_year, month_start (2021, m), month_start (2021, m + 1),
                         78 + 4 * cos (m / 4.0), 300);
  sc_trend_painter_set_comparison (painter, last_year);
  sc_trend_painter_add_annotation (painter, month_start (2023, 10) + 86400 * 14, "New help centre");
  sc_trend_painter_set_baseline_band (dense, 2400, 4800);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
      g_autoptr(ScChartGeometry) g1 = NULL;
      g_autoptr(ScChartGeometry) g2 = NULL;
      g_autoptr(ScChartGeometry) g3 = NULL;
      g_autofree char *n1 = g_strdup_printf ("trend-monthly-%s", dark ? "dark" : "light");
      g_autofree char *n2 = g_strdup_printf ("trend-daily-%s", dark ? "dark" : "light");
      g_autofree char *n3 = g_strdup_printf ("trend-hover-%s", dark ? "dark" : "light");

      sc_trend_painter_set_highlight (painter, -1);
      sc_trend_painter_set_target_preview (painter, NAN);
      g1 = chart_test_render (SC_CHART_PAINTER (painter), 800, 360, 1, style, n1, NULL);
      g2 = chart_test_render (SC_CHART_PAINTER (dense), 1000, 360, 1, style, n2, NULL);
      sc_trend_painter_set_highlight (painter, 16);
      sc_trend_painter_set_target_preview (painter, 91);
      g3 = chart_test_render (SC_CHART_PAINTER (painter), 640, 300, 1, style, n3, NULL);
    }
}

static void
test_trend_geometry (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScTrendPainter) painter = make_painter (csat);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) geometry = NULL;
  const ScChartRect *plot;
  guint n_points = 0;
  guint n_x_labels = 0;

  geometry = chart_test_render (SC_CHART_PAINTER (painter), 800, 360, 1, style, NULL, NULL);
  plot = sc_chart_geometry_get_plot (geometry);
  g_assert_false (sc_chart_geometry_get_is_empty (geometry));

  for (guint i = 0; i < sc_chart_geometry_get_n_items (geometry); i++)
    {
      const ScChartItem *item = sc_chart_geometry_get_item (geometry, i);

      if (item->kind != SC_CHART_ITEM_POINT)
        continue;
      n_points++;
      g_assert_cmpfloat (item->value, ==, sc_chart_series_get_point (csat, item->index)->value);
      g_assert_cmpfloat (item->y, >=, plot->y);
      g_assert_cmpfloat (item->y, <=, plot->y + plot->height);
    }
  g_assert_cmpuint (n_points, ==, 24);

  /* Anywhere in a month's column, at any height, the hover finds that month. */
  for (guint k = 0; k < 200; k++)
    {
      int month = g_test_rand_int_range (0, 24);
      const ScChartItem *item = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_POINT, 0, month);
      double x = item->area.x + g_test_rand_double_range (0.5, item->area.width - 0.5);
      double y = plot->y + g_test_rand_double_range (0, plot->height);
      const ScChartItem *hit = sc_chart_geometry_hit_test (geometry, x, y);

      g_assert_nonnull (hit);
      if (hit->kind == SC_CHART_ITEM_POINT)
        g_assert_cmpint (hit->index, ==, month);
      else
        g_assert_cmpint (hit->kind, ==, SC_CHART_ITEM_TARGET);
    }

  for (guint i = 0; i < sc_chart_geometry_get_n_labels (geometry); i++)
    n_x_labels += sc_chart_geometry_get_label (geometry, i)->kind == SC_CHART_LABEL_AXIS_X;
  g_assert_cmpuint (n_x_labels, >=, 6);
}

static void
test_trend_target_pixels (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScTrendPainter) painter = make_painter (csat);

  /* A constant target, so the line is one straight dash pattern from the
   * left edge of the plot: its first 6 px are ink. */
  for (guint i = 0; i < sc_chart_series_get_n_points (csat); i++)
    ((ScChartPoint *) sc_chart_series_get_point (csat, i))->target = 95;

  for (guint dark = 0; dark < 2; dark++)
    for (double scale = 1; scale <= 2; scale++)
      {
        g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
        cairo_surface_t *surface = NULL;
        g_autoptr(ScChartGeometry) geometry =
          chart_test_render (SC_CHART_PAINTER (painter), 640, 300, scale, style, NULL, &surface);
        const ScChartItem *target = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_TARGET, 0, 3);
        const ScChartRect *plot = sc_chart_geometry_get_plot (geometry);
        int px = CHART_TEST_MARGIN + (int) ((plot->x + 3) * scale);
        int py = CHART_TEST_MARGIN + (int) ((target->y - 0.5) * scale);

        g_assert_nonnull (target);
        g_assert_cmpfloat_with_epsilon (target->y, sc_chart_geometry_position_of (geometry, 95), 1);
        chart_test_assert_pixel (chart_test_pixel (surface, px, py),
                                 chart_test_over (&style->fg, &style->bg), 3);
        /* Half a dash later the line has a gap: background shows. */
        chart_test_assert_pixel (chart_test_pixel (surface, px + (int) (5 * scale), py),
                                 chart_test_over (&style->bg, &style->bg), 3);
        cairo_surface_destroy (surface);
      }
}

static void
test_trend_hollow_and_preview (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScTrendPainter) painter = make_painter (csat);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  cairo_surface_t *surface = NULL;
  g_autoptr(ScChartGeometry) geometry = NULL;
  const ScChartItem *hollow, *solid;
  double preview_y;
  ChartPixel accent = chart_test_over (&style->accent, &style->bg);
  gboolean chip = FALSE;

  sc_trend_painter_set_target_preview (painter, 72);
  geometry = chart_test_render (SC_CHART_PAINTER (painter), 800, 400, 1, style, NULL, &surface);

  /* Month 7 (index 6) has n = 18: its marker is a ring, hollow inside. */
  hollow = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_POINT, 0, 6);
  solid = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_POINT, 0, 5);
  chart_test_assert_pixel (chart_test_pixel (surface, CHART_TEST_MARGIN + (int) hollow->x,
                                             CHART_TEST_MARGIN + (int) hollow->y),
                           chart_test_over (&style->bg, &style->bg), 40);
  chart_test_assert_pixel (chart_test_pixel (surface, CHART_TEST_MARGIN + (int) solid->x,
                                             CHART_TEST_MARGIN + (int) solid->y),
                           accent, 40);

  /* The preview line is drawn in the accent colour, with its value. */
  preview_y = sc_chart_geometry_position_of (geometry, 72);
  chart_test_assert_pixel (chart_test_pixel (surface,
                                             CHART_TEST_MARGIN + (int) sc_chart_geometry_get_plot (geometry)->x + 20,
                                             CHART_TEST_MARGIN + (int) round (preview_y) - 1),
                           accent, 3);
  for (guint i = 0; i < sc_chart_geometry_get_n_labels (geometry); i++)
    chip |= g_strcmp0 (sc_chart_geometry_get_label (geometry, i)->text, "Target 72.0%") == 0;
  g_assert_true (chip);
  cairo_surface_destroy (surface);
}

static void
test_trend_hidpi (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScTrendPainter) painter = make_painter (csat);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (TRUE);
  g_autoptr(ScChartGeometry) g1 = chart_test_render (SC_CHART_PAINTER (painter), 700, 320, 1, style,
                                                     NULL, NULL);
  g_autoptr(ScChartGeometry) g2 = chart_test_render (SC_CHART_PAINTER (painter), 700, 320, 2, style,
                                                     "trend-monthly-dark-2x", NULL);

  /* The layout is in logical pixels: the same at any scale. */
  g_assert_cmpuint (sc_chart_geometry_get_n_items (g1), ==, sc_chart_geometry_get_n_items (g2));
  g_assert_cmpuint (sc_chart_geometry_get_n_labels (g1), ==, sc_chart_geometry_get_n_labels (g2));
  for (guint i = 0; i < sc_chart_geometry_get_n_labels (g1); i++)
    {
      const ScChartLabel *a = sc_chart_geometry_get_label (g1, i);
      const ScChartLabel *b = sc_chart_geometry_get_label (g2, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat_with_epsilon (a->box.x, b->box.x, 1.01);
      g_assert_cmpfloat_with_epsilon (a->box.y, b->box.y, 1.01);
    }
}

static void
add_edge_case (GPtrArray   *cases,
               const char  *name,
               ScChartUnit  unit,
               const double *values,
               guint        n)
{
  ScChartSeries *series = sc_chart_series_new (name, unit);

  for (guint i = 0; i < n; i++)
    sc_chart_series_add (series, month_start (2024, i + 1), month_start (2024, i + 2), values[i], 100);
  g_ptr_array_add (cases, series);
}

static void
test_trend_edge_cases (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_series_unref);
  const double one[] = { 42 };
  const double missing[] = { NAN, NAN, NAN };
  const double gaps[] = { 10, NAN, 12, NAN, NAN, 15, 14, NAN, 9 };
  const double huge[] = { 1e14, 3e14, 2.5e14, 8e13 };
  const double tiny[] = { 1e-9, 3e-9, 2e-9 };
  const double nps[] = { -35, -60, -12, -100, -48 };
  const double flat[] = { 5, 5, 5, 5 };
  const double inf[] = { 3, INFINITY, -INFINITY, 4 };

  add_edge_case (cases, "Empty", SC_CHART_UNIT_COUNT, NULL, 0);
  add_edge_case (cases, "One point", SC_CHART_UNIT_PERCENT, one, G_N_ELEMENTS (one));
  add_edge_case (cases, "All missing", SC_CHART_UNIT_NUMBER, missing, G_N_ELEMENTS (missing));
  add_edge_case (cases, "Gaps", SC_CHART_UNIT_COUNT, gaps, G_N_ELEMENTS (gaps));
  add_edge_case (cases, "Huge", SC_CHART_UNIT_MONEY, huge, G_N_ELEMENTS (huge));
  add_edge_case (cases, "Tiny", SC_CHART_UNIT_NUMBER, tiny, G_N_ELEMENTS (tiny));
  add_edge_case (cases, "NPS", SC_CHART_UNIT_NPS, nps, G_N_ELEMENTS (nps));
  add_edge_case (cases, "Flat", SC_CHART_UNIT_DURATION, flat, G_N_ELEMENTS (flat));
  add_edge_case (cases, "Infinite", SC_CHART_UNIT_NUMBER, inf, G_N_ELEMENTS (inf));

  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr(ScTrendPainter) painter = make_painter (g_ptr_array_index (cases, i));
      g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
      g_autoptr(ScChartGeometry) geometry = NULL;
      g_autofree char *png = g_strdup_printf ("trend-edge-%u", i);

      g_test_message ("case %s", sc_chart_series_get_name (g_ptr_array_index (cases, i)));
      chart_test_render_matrix (SC_CHART_PAINTER (painter));
      geometry = chart_test_render (SC_CHART_PAINTER (painter), 400, 220, 1, style, png, NULL);
      g_assert_cmpint (sc_chart_geometry_get_is_empty (geometry), ==, i == 0 || i == 2);
    }
}

static void
test_trend_monthly_targets (void)
{
  g_autoptr(ScChartSeries) series = make_daily (365, NAN);
  g_autoptr(ScTrendPainter) painter = make_painter (series);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) geometry = NULL;
  guint n_targets = 0;

  /* A target that changes every month: a step line. */
  for (guint d = 0; d < 365; d++)
    ((ScChartPoint *) sc_chart_series_get_point (series, d))->target = 2400 + 300 * ((d / 30) % 4);
  sc_trend_painter_add_annotation (painter, month_start (2023, 3), "Team grew");
  sc_trend_painter_add_annotation (painter, month_start (2023, 3) + 86400 * 3, "Outage");
  chart_test_render_matrix (SC_CHART_PAINTER (painter));
  geometry = chart_test_render (SC_CHART_PAINTER (painter), 900, 320, 1, style, "trend-target-steps", NULL);

  for (guint i = 0; i < sc_chart_geometry_get_n_items (geometry); i++)
    {
      const ScChartItem *item = sc_chart_geometry_get_item (geometry, i);

      if (item->kind != SC_CHART_ITEM_TARGET)
        continue;
      n_targets++;
      g_assert_cmpfloat_with_epsilon (item->y, sc_chart_geometry_position_of (geometry, item->value), 1);
    }
  g_assert_cmpuint (n_targets, ==, 365);
}

static void
test_trend_summary (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScChartSeries) frt = make_daily (3, 4000);
  g_autoptr(ScTrendPainter) painter = make_painter (csat);
  g_autoptr(ScTrendPainter) empty = make_painter (NULL);
  g_autoptr(ScTrendPainter) lower = make_painter (frt);
  g_autofree char *text = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  g_autofree char *none = sc_chart_painter_dup_summary (SC_CHART_PAINTER (empty));
  g_autofree char *times = sc_chart_painter_dup_summary (SC_CHART_PAINTER (lower));
  g_autofree char *latest = sc_chart_format_value (SC_CHART_UNIT_PERCENT,
                                                   sc_chart_series_get_point (csat, 23)->value, NULL);

  g_assert_true (g_str_has_prefix (text, "CSAT from January 2023 to December 2024: latest "));
  g_assert_nonnull (strstr (text, latest));
  g_assert_nonnull (strstr (text, "(n = 640)"));
  g_assert_nonnull (strstr (text, "Target"));
  g_assert_cmpstr (none, ==, "No data.");
  /* 3 Jan is lower than 2 Jan: for a response time that is better. */
  g_assert_nonnull (strstr (times, "down, better"));
}

static void
test_trend_export (void)
{
  g_autoptr(ScChartSeries) csat = make_monthly_csat ();
  g_autoptr(ScTrendPainter) painter = make_painter (csat);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("sc-charts-XXXXXX", NULL);
  const char *names[] = { "trend.png", "trend.svg", "trend.pdf" };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (dir, "missing-folder", "trend.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;
      ScChartFileFormat format;

      g_assert_true (sc_chart_file_format_from_path (path, &format));
      g_assert_true (sc_chart_export_to_file (SC_CHART_PAINTER (painter), format, path, 600, 300,
                                              style, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      if (format == SC_CHART_FILE_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 600);
          cairo_surface_destroy (png);
        }
      else
        g_assert_true (g_str_has_prefix (contents, format == SC_CHART_FILE_PDF ? "%PDF" : "<?xml"));
      g_unlink (path);
    }

  g_assert_false (sc_chart_export_to_file (SC_CHART_PAINTER (painter), SC_CHART_FILE_PNG, bad,
                                           600, 300, style, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, bad));
  g_clear_error (&error);
  g_assert_false (sc_chart_export_to_file (SC_CHART_PAINTER (painter), SC_CHART_FILE_PDF, bad,
                                           0, 300, style, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/charts/trend/pictures", test_trend_pictures);
  g_test_add_func ("/scorecard/charts/trend/geometry", test_trend_geometry);
  g_test_add_func ("/scorecard/charts/trend/target-pixels", test_trend_target_pixels);
  g_test_add_func ("/scorecard/charts/trend/hollow-and-preview", test_trend_hollow_and_preview);
  g_test_add_func ("/scorecard/charts/trend/hidpi", test_trend_hidpi);
  g_test_add_func ("/scorecard/charts/trend/edge-cases", test_trend_edge_cases);
  g_test_add_func ("/scorecard/charts/trend/monthly-targets", test_trend_monthly_targets);
  g_test_add_func ("/scorecard/charts/trend/summary", test_trend_summary);
  g_test_add_func ("/scorecard/charts/trend/export", test_trend_export);

  return g_test_run ();
}
