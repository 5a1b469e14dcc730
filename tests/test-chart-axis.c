/* test-chart-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "sc-chart-axis.h"
#include "sc-chart-geometry.h"
#include "sc-chart-style.h"

static gint64
utc (int year,
     int month,
     int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
assert_format (ScChartUnit  unit,
               double       value,
               const char  *currency,
               const char  *expected)
{
  g_autofree char *text = sc_chart_format_value (unit, value, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_values (void)
{
  assert_format (SC_CHART_UNIT_COUNT, 1234567, NULL, "1,234,567");
  assert_format (SC_CHART_UNIT_COUNT, -1234, NULL, "\u22121,234");
  assert_format (SC_CHART_UNIT_COUNT, 999, NULL, "999");
  assert_format (SC_CHART_UNIT_COUNT, NAN, NULL, "—");
  assert_format (SC_CHART_UNIT_PERCENT, 85.34, NULL, "85.3%");
  assert_format (SC_CHART_UNIT_PERCENT, 100, NULL, "100.0%");
  assert_format (SC_CHART_UNIT_NPS, 42.4, NULL, "+42");
  assert_format (SC_CHART_UNIT_NPS, -12, NULL, "\u221212");
  assert_format (SC_CHART_UNIT_NPS, 0.2, NULL, "0");
  assert_format (SC_CHART_UNIT_DURATION, 45, NULL, "45 s");
  assert_format (SC_CHART_UNIT_DURATION, 150, NULL, "2 min 30 s");
  assert_format (SC_CHART_UNIT_DURATION, 1500, NULL, "25 min");
  assert_format (SC_CHART_UNIT_DURATION, 5400, NULL, "1 h 30 min");
  assert_format (SC_CHART_UNIT_DURATION, 7200, NULL, "2 h");
  assert_format (SC_CHART_UNIT_DURATION, 240, NULL, "4 min");
  assert_format (SC_CHART_UNIT_DURATION, 3 * 86400, NULL, "3 d");
  assert_format (SC_CHART_UNIT_DURATION, 2 * 86400 + 4 * 3600, NULL, "2 d 4 h");
  assert_format (SC_CHART_UNIT_MONEY, 1250.5, "€", "€1,250");
  assert_format (SC_CHART_UNIT_MONEY, 12.5, "€", "€12.50");
  assert_format (SC_CHART_UNIT_MONEY, -12.5, "$", "\u2212$12.50");
  assert_format (SC_CHART_UNIT_NUMBER, 4.256, NULL, "4.26");
  assert_format (SC_CHART_UNIT_NUMBER, 0.0000123, NULL, "0.000012");
  assert_format (SC_CHART_UNIT_COUNT, 2e16, NULL, "2e+16");
}

static void
assert_ticks (const ScValueAxis *axis,
              const char * const *expected)
{
  g_assert_cmpuint (axis->n_ticks, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *label = sc_value_axis_format_tick (axis, axis->ticks[i]);
      g_assert_cmpstr (label, ==, expected[i]);
    }
}

static void
test_value_axis_units (void)
{
  ScValueAxis axis;

  sc_value_axis_init (&axis, SC_CHART_UNIT_COUNT, NULL, 0, 97, 6);
  assert_ticks (&axis, (const char *[]) { "0", "20", "40", "60", "80", "100", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_PERCENT, NULL, 83, 99.5, 5);
  assert_ticks (&axis, (const char *[]) { "80%", "85%", "90%", "95%", "100%", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_NPS, NULL, -30, 45, 5);
  assert_ticks (&axis, (const char *[]) { "\u221240", "\u221220", "0", "+20", "+40", "+60", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_NPS, NULL, -100, 100, 5);
  g_assert_cmpfloat (axis.min, ==, -100);
  g_assert_cmpfloat (axis.max, ==, 100);

  sc_value_axis_init (&axis, SC_CHART_UNIT_COUNT, NULL, 0, 3, 10);
  assert_ticks (&axis, (const char *[]) { "0", "1", "2", "3", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_DURATION, NULL, 0, 7200, 5);
  assert_ticks (&axis, (const char *[]) { "0 h", "0.5 h", "1 h", "1.5 h", "2 h", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_DURATION, NULL, 0, 1500, 5);
  assert_ticks (&axis, (const char *[]) { "0 min", "10 min", "20 min", "30 min", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_DURATION, NULL, 0, 40, 5);
  assert_ticks (&axis, (const char *[]) { "0 s", "10 s", "20 s", "30 s", "40 s", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_MONEY, "€", 0, 2.5e6, 4);
  assert_ticks (&axis, (const char *[]) { "€0M", "€1M", "€2M", "€3M", NULL });

  sc_value_axis_init (&axis, SC_CHART_UNIT_COUNT, NULL, 0, 12345, 5);
  assert_ticks (&axis, (const char *[]) { "0", "5,000", "10,000", "15,000", NULL });
}

static void
test_value_axis_degenerate (void)
{
  ScValueAxis axis;

  sc_value_axis_init (&axis, SC_CHART_UNIT_NUMBER, NULL, 5, 5, 5);
  g_assert_cmpfloat (axis.min, <, 5);
  g_assert_cmpfloat (axis.max, >, 5);

  sc_value_axis_init (&axis, SC_CHART_UNIT_NUMBER, NULL, 0, 0, 5);
  g_assert_cmpfloat (axis.min, <=, 0);
  g_assert_cmpfloat (axis.max, >, 0);

  sc_value_axis_init (&axis, SC_CHART_UNIT_NUMBER, NULL, NAN, INFINITY, 5);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);

  sc_value_axis_init (&axis, SC_CHART_UNIT_NUMBER, NULL, 1e-9, 5e-9, 5);
  g_assert_cmpuint (axis.n_ticks, >=, 3);
  {
    g_autofree char *a = sc_value_axis_format_tick (&axis, axis.ticks[0]);
    g_autofree char *b = sc_value_axis_format_tick (&axis, axis.ticks[1]);
    g_assert_cmpstr (a, !=, b);
  }

  /* Arithmetic noise above a tick adds none; a value a billionth of a
   * step above zero (as a random test once drew) reads as zero. */
  sc_value_axis_init (&axis, SC_CHART_UNIT_PERCENT, NULL, 50, 100.00000000001, 6);
  g_assert_cmpfloat (axis.max, ==, 100);
  sc_value_axis_init (&axis, SC_CHART_UNIT_COUNT, NULL, -1e-5, 3.96e-10, 5);
  g_assert_cmpfloat (axis.max, ==, 0);
  g_assert_cmpfloat (axis.min, ==, -1);

  sc_value_axis_init (&axis, SC_CHART_UNIT_COUNT, NULL, 0, 4e13, 5);
  {
    g_autofree char *top = sc_value_axis_format_tick (&axis, axis.ticks[axis.n_ticks - 1]);
    g_assert_true (g_str_has_suffix (top, "T"));
  }
}

static void
test_value_axis_random (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      double magnitude = pow (10, g_test_rand_double_range (-6, 12));
      double lo = g_test_rand_double_range (-1, 1) * magnitude;
      double hi = lo + g_test_rand_double_range (0, 2) * magnitude;
      guint max_ticks = g_test_rand_int_range (2, 12);
      ScChartUnit unit = g_test_rand_int_range (SC_CHART_UNIT_COUNT, SC_CHART_UNIT_MONEY + 1);
      ScValueAxis axis;

      sc_value_axis_init (&axis, unit, NULL, lo, hi, max_ticks);

      /* Covered to within a billionth of a step (see the edges above). */
      g_assert_cmpfloat (axis.min, <=, lo + axis.step * 1e-9);
      g_assert_cmpfloat (axis.max, >=, hi - axis.step * 1e-9);
      g_assert_cmpfloat (axis.max, >, axis.min);
      g_assert_cmpuint (axis.n_ticks, >=, 1);
      g_assert_cmpuint (axis.n_ticks, <=, max_ticks + 2);
      for (guint t = 1; t < axis.n_ticks; t++)
        {
          g_autofree char *a = sc_value_axis_format_tick (&axis, axis.ticks[t - 1]);
          g_autofree char *b = sc_value_axis_format_tick (&axis, axis.ticks[t]);

          g_assert_cmpfloat (axis.ticks[t], >, axis.ticks[t - 1]);
          g_assert_cmpfloat_with_epsilon (axis.ticks[t] - axis.ticks[t - 1], axis.step, axis.step * 1e-6);
          g_assert_cmpstr (a, !=, b);
        }
    }
}

static void
test_value_axis_snap (void)
{
  ScValueAxis axis;

  sc_value_axis_init (&axis, SC_CHART_UNIT_PERCENT, NULL, 60, 100, 5);
  g_assert_cmpfloat (sc_value_axis_snap (&axis, 87.34), ==, 87);
  sc_value_axis_init (&axis, SC_CHART_UNIT_COUNT, NULL, 0, 4, 5);
  g_assert_cmpfloat (sc_value_axis_snap (&axis, 2.3), ==, 2);
}

static double
measure_chars (const char *text,
               gpointer    user_data)
{
  return g_utf8_strlen (text, -1) * 7.0;
}

static void
assert_time_labels (const ScTimeAxis   *axis,
                    const char * const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *label = NULL;

      g_assert_cmpuint (i, <, axis->n_ticks);
      label = sc_time_axis_format_tick (axis, i);
      g_assert_cmpstr (label, ==, expected[i]);
    }
}

static void
test_time_axis_steps (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  ScTimeAxis axis;

  g_assert_true (sc_time_axis_layout (&axis, tz, utc (2024, 1, 1), utc (2025, 1, 1), 900, 12,
                                      measure_chars, NULL));
  g_assert_cmpint (axis.step, ==, SC_TIME_STEP_MONTH);
  g_assert_cmpuint (axis.n_ticks, ==, 13);
  g_assert_true (sc_time_axis_tick_is_period (&axis));
  assert_time_labels (&axis, (const char *[]) { "Jan 2024", "Feb", "Mar", NULL });
  {
    g_autofree char *last = sc_time_axis_format_tick (&axis, 12);
    g_assert_cmpstr (last, ==, "Jan 2025");
  }

  g_assert_true (sc_time_axis_layout (&axis, tz, utc (2024, 3, 1), utc (2024, 3, 11), 900, 12,
                                      measure_chars, NULL));
  g_assert_cmpint (axis.step, ==, SC_TIME_STEP_DAY);
  assert_time_labels (&axis, (const char *[]) { "1 Mar", "2 Mar", "3 Mar", NULL });

  g_assert_true (sc_time_axis_layout (&axis, tz, utc (2024, 3, 1), utc (2024, 6, 1), 900, 12,
                                      measure_chars, NULL));
  g_assert_cmpint (axis.step, ==, SC_TIME_STEP_WEEK);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (axis.ticks[i]);
      g_assert_cmpint (g_date_time_get_day_of_week (dt), ==, 1);
    }

  g_assert_true (sc_time_axis_layout (&axis, tz, utc (2020, 1, 1), utc (2024, 1, 1), 1000, 12,
                                      measure_chars, NULL));
  g_assert_cmpint (axis.step, ==, SC_TIME_STEP_QUARTER);
  assert_time_labels (&axis, (const char *[]) { "Q1 2020", "Q2 2020", NULL });

  g_assert_true (sc_time_axis_layout (&axis, tz, utc (1990, 1, 1), utc (2024, 1, 1), 300, 12,
                                      measure_chars, NULL));
  g_assert_cmpint (axis.step, ==, SC_TIME_STEP_YEAR);
  g_assert_cmpuint (axis.multiple, >=, 5);
}

static void
test_time_axis_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  ScTimeAxis axis;
  gint64 start;

  if (tz == NULL)
    {
      g_test_skip ("No tzdata for Europe/Berlin");
      return;
    }

  /* 1 April 00:00 in Berlin is 31 March 22:00 UTC. */
  start = utc (2024, 3, 1);
  sc_time_axis_init (&axis, tz, start, utc (2024, 6, 1), SC_TIME_STEP_MONTH, 1);
  g_assert_cmpint (axis.ticks[0], ==, utc (2024, 3, 31) + 22 * 3600);
}

static void
test_format_period (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  struct {
    gint64 start, end;
    const char *expected;
  } cases[] = {
    { utc (2024, 3, 1), utc (2024, 4, 1), "March 2024" },
    { utc (2024, 3, 18), utc (2024, 3, 25), "Week 12, 2024" },
    { utc (2024, 3, 3), utc (2024, 3, 4), "3 March 2024" },
    { utc (2024, 4, 1), utc (2024, 7, 1), "Q2 2024" },
    { utc (2024, 1, 1), utc (2025, 1, 1), "2024" },
    { utc (2024, 3, 3), utc (2024, 3, 6), "3 Mar 2024 – 5 Mar 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sc_chart_format_period (cases[i].start, cases[i].end, tz);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_geometry_hit_test (void)
{
  g_autoptr(ScChartGeometry) geometry = sc_chart_geometry_new (200, 100);
  ScChartRect plot = { 20, 10, 160, 80 };
  ScChartRect box = { 10, 10, 30, 12 };
  ScChartRect overlapping = { 30, 15, 30, 12 };
  ScChartRect outside = { 190, 10, 30, 12 };
  ScValueAxis axis;
  const ScChartItem *hit;
  int at;

  for (int i = 0; i < 4; i++)
    {
      ScChartItem *item = sc_chart_geometry_add_item (geometry, SC_CHART_ITEM_POINT, 0, i);

      item->x = 40 + i * 40;
      item->y = 50;
      item->area = (ScChartRect) { 20 + i * 40, 10, 40, 80 };
    }

  hit = sc_chart_geometry_hit_test (geometry, 95, 20);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->index, ==, 1);
  g_assert_null (sc_chart_geometry_hit_test (geometry, 5, 50));

  at = sc_chart_geometry_step_item (geometry, -1, 1);
  g_assert_cmpint (at, ==, 0);
  at = sc_chart_geometry_step_item (geometry, at, 2);
  g_assert_cmpint (at, ==, 2);
  at = sc_chart_geometry_step_item (geometry, at, 5);
  g_assert_cmpint (at, ==, 3);
  g_assert_nonnull (sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_POINT, 0, 3));
  g_assert_null (sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, 0, 3));

  g_assert_true (sc_chart_geometry_add_label (geometry, SC_CHART_LABEL_VALUE, &box, "a", TRUE));
  g_assert_false (sc_chart_geometry_add_label (geometry, SC_CHART_LABEL_VALUE, &overlapping, "b", TRUE));
  g_assert_false (sc_chart_geometry_add_label (geometry, SC_CHART_LABEL_VALUE, &outside, "c", TRUE));
  g_assert_cmpuint (sc_chart_geometry_get_n_labels (geometry), ==, 1);

  g_assert_true (isnan (sc_chart_geometry_value_at (geometry, 50, 50)));
  sc_value_axis_init (&axis, SC_CHART_UNIT_NUMBER, NULL, 0, 100, 5);
  sc_chart_geometry_set_plot (geometry, &plot, TRUE);
  sc_chart_geometry_set_value_axis (geometry, &axis);
  g_assert_cmpfloat_with_epsilon (sc_chart_geometry_position_of (geometry, 100), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (sc_chart_geometry_value_at (geometry, 0, 50), 50, 1e-9);
}

static void
test_style_defaults (void)
{
  g_autoptr(ScChartStyle) light = sc_chart_style_new (FALSE);
  g_autoptr(ScChartStyle) dark = sc_chart_style_new (TRUE);
  g_autoptr(ScChartStyle) copy = sc_chart_style_copy (dark);
  ScChartRgba rgba;

  sc_chart_rgba_parse (&rgba, "#3584e4");
  g_assert_cmpfloat_with_epsilon (rgba.red, 0x35 / 255.0, 1e-9);
  g_assert_cmpfloat (rgba.alpha, ==, 1);
  sc_chart_rgba_parse (&rgba, "#00000080");
  g_assert_cmpfloat_with_epsilon (rgba.alpha, 128 / 255.0, 1e-9);

  g_assert_true (sc_chart_style_get_series_color (light, 0) == &light->accent);
  g_assert_true (sc_chart_style_get_series_color (light, 1) == &light->palette[0]);
  g_assert_true (sc_chart_style_get_series_color (light, 9) == &light->palette[0]);
  g_assert_cmpfloat (light->fg.red, !=, dark->fg.red);
  g_assert_true (copy->dark);
  g_assert_true (copy->font != dark->font);
  g_assert_true (pango_font_description_equal (copy->font, dark->font));

  if (g_test_undefined ())
    {
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*Invalid colour \"blue\"*");
      sc_chart_rgba_parse (&rgba, "blue");
      g_test_assert_expected_messages ();
      g_assert_cmpfloat (rgba.red, ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/charts/format/values", test_format_values);
  g_test_add_func ("/scorecard/charts/format/period", test_format_period);
  g_test_add_func ("/scorecard/charts/value-axis/units", test_value_axis_units);
  g_test_add_func ("/scorecard/charts/value-axis/degenerate", test_value_axis_degenerate);
  g_test_add_func ("/scorecard/charts/value-axis/random", test_value_axis_random);
  g_test_add_func ("/scorecard/charts/value-axis/snap", test_value_axis_snap);
  g_test_add_func ("/scorecard/charts/time-axis/steps", test_time_axis_steps);
  g_test_add_func ("/scorecard/charts/time-axis/zone", test_time_axis_zone);
  g_test_add_func ("/scorecard/charts/geometry/hit-test", test_geometry_hit_test);
  g_test_add_func ("/scorecard/charts/style/defaults", test_style_defaults);

  return g_test_run ();
}
