/* test-chart-bars.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "sc-bar-painter.h"
#include "test-chart-common.h"

static const char *channel_names[] = {
  "Email", "Phone", "Chat", "Web form", "WhatsApp", "Facebook", "Twitter / X",
  "Enterprise customers in the Nordic region served by the second-line escalation team",
  "Walk-in", "Partner portal", "SMS", "Voicemail",
};

static ScChartSeries *
make_segments (guint n)
{
  ScChartSeries *series = sc_chart_series_new ("CSAT", SC_CHART_UNIT_PERCENT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = i < G_N_ELEMENTS (channel_names) ? g_strdup (channel_names[i])
                                                               : g_strdup_printf ("Agent %03u", i);
      double value = 60 + fmod (i * 37.3, 38);
      guint64 count = i % 5 == 4 ? 12 : 100 + i * 7;
      double margin = count < 30 ? 14 : 4;
      ScChartPoint *p = sc_chart_series_add_category (series, name, value, count);

      p->ci_low = value - margin;
      p->ci_high = MIN (value + margin, 100);
      p->target = 85;
      p->insufficient = count < 30;
    }

  return series;
}

static ScBarPainter *
make_painter (ScChartSeries *series)
{
  ScBarPainter *painter = sc_bar_painter_new ();

  sc_bar_painter_set_series (painter, series);

  return painter;
}

static void
test_bars_pictures (void)
{
  g_autoptr(ScChartSeries) segments = make_segments (12);
  g_autoptr(ScBarPainter) painter = make_painter (segments);

  sc_bar_painter_set_reference (painter, 78.4);
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
      g_autofree char *name = g_strdup_printf ("bars-%s", dark ? "dark" : "light");
      g_autofree char *selected = g_strdup_printf ("bars-selected-%s", dark ? "dark" : "light");
      g_autoptr(ScChartGeometry) g1 = NULL;
      g_autoptr(ScChartGeometry) g2 = NULL;

      sc_bar_painter_set_selected (painter, -1);
      g1 = chart_test_render (SC_CHART_PAINTER (painter), 720, 420, 1, style, name, NULL);
      sc_bar_painter_set_selected (painter, 2);
      g2 = chart_test_render (SC_CHART_PAINTER (painter), 560, 300, 1, style, selected, NULL);
    }
}

static void
test_bars_sorted_and_hit (void)
{
  g_autoptr(ScChartSeries) segments = make_segments (12);
  g_autoptr(ScBarPainter) painter = make_painter (segments);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) geometry = chart_test_render (SC_CHART_PAINTER (painter), 720, 420, 1,
                                                           style, NULL, NULL);
  double previous = INFINITY;
  guint n_bars = 0;

  for (guint i = 0; i < sc_chart_geometry_get_n_items (geometry); i++)
    {
      const ScChartItem *item = sc_chart_geometry_get_item (geometry, i);
      const ScChartItem *hit;

      g_assert_cmpint (item->kind, ==, SC_CHART_ITEM_BAR);
      g_assert_cmpfloat (item->value, <=, previous);
      g_assert_cmpfloat (item->value, ==, sc_chart_series_get_point (segments, item->index)->value);
      previous = item->value;
      n_bars++;

      /* Anywhere on the row, even over the label, selects the bar. */
      for (guint k = 0; k < 20; k++)
        {
          hit = sc_chart_geometry_hit_test (geometry,
                                            g_test_rand_double_range (0, 720),
                                            item->area.y + g_test_rand_double_range (0.5, item->area.height - 0.5));
          g_assert_true (hit == item);
        }
    }
  g_assert_cmpuint (n_bars, ==, 12);
}

static void
test_bars_pixels (void)
{
  g_autoptr(ScChartSeries) segments = make_segments (6);
  g_autoptr(ScBarPainter) painter = make_painter (segments);

  sc_bar_painter_set_selected (painter, 1);
  for (guint dark = 0; dark < 2; dark++)
    for (double scale = 1; scale <= 2; scale++)
      {
        g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
        cairo_surface_t *surface = NULL;
        g_autoptr(ScChartGeometry) geometry =
          chart_test_render (SC_CHART_PAINTER (painter), 600, 300, scale, style, NULL, &surface);
        const ScChartItem *selected = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, 0, 1);
        const ScChartItem *other = sc_chart_geometry_find_item (geometry, SC_CHART_ITEM_BAR, 0, 0);
        double zero = sc_chart_geometry_position_of (geometry, 0);
        double target_x = sc_chart_geometry_position_of (geometry, 85);
        ScChartRgba faded = style->accent;
        int m = CHART_TEST_MARGIN;

        faded.alpha = 0.45;
        /* Bars start at zero: sample 4 px into the bar, off the whisker. */
        chart_test_assert_pixel (chart_test_pixel (surface, m + (int) ((zero + 4) * scale),
                                                   m + (int) ((selected->y + 5) * scale)),
                                 chart_test_over (&style->accent, &style->bg), 3);
        chart_test_assert_pixel (chart_test_pixel (surface, m + (int) ((zero + 4) * scale),
                                                   m + (int) ((other->y + 5) * scale)),
                                 chart_test_over (&faded, &style->bg), 3);
        /* The target tick is 2 px of foreground centred on the target. */
        chart_test_assert_pixel (chart_test_pixel (surface, m + (int) ((round (target_x) - 0.5) * scale),
                                                   m + (int) ((other->y - 6) * scale)),
                                 chart_test_over (&style->fg, &style->bg), 3);
        cairo_surface_destroy (surface);
      }
}

static void
test_bars_fold (void)
{
  g_autoptr(ScChartSeries) segments = make_segments (200);
  g_autoptr(ScBarPainter) painter = make_painter (segments);
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  g_autoptr(ScChartGeometry) all = NULL;
  g_autoptr(ScChartGeometry) folded = NULL;
  const ScChartItem *other;
  guint bars = 0;
  gboolean note = FALSE;

  chart_test_render_matrix (SC_CHART_PAINTER (painter));
  all = chart_test_render (SC_CHART_PAINTER (painter), 640, 900, 1, style, "bars-200", NULL);
  for (guint i = 0; i < sc_chart_geometry_get_n_labels (all); i++)
    {
      const ScChartLabel *label = sc_chart_geometry_get_label (all, i);

      if (g_str_has_suffix (label->text, "more segments not shown"))
        {
          guint shown = 0;

          for (guint k = 0; k < sc_chart_geometry_get_n_items (all); k++)
            shown += sc_chart_geometry_get_item (all, k)->kind == SC_CHART_ITEM_BAR;
          note = TRUE;
          /* The note counts exactly the rows left out. */
          g_assert_cmpuint (g_ascii_strtoull (label->text, NULL, 10), ==, 200 - shown);
        }
    }
  g_assert_true (note);

  /* Small charts say so too. */
  g_clear_pointer (&all, sc_chart_geometry_unref);
  all = chart_test_render (SC_CHART_PAINTER (painter), 200, 120, 1, style, NULL, NULL);
  note = FALSE;
  for (guint i = 0; i < sc_chart_geometry_get_n_labels (all); i++)
    note |= g_str_has_suffix (sc_chart_geometry_get_label (all, i)->text, "more segments not shown");
  g_assert_true (note);

  sc_bar_painter_set_max_bars (painter, 8);
  chart_test_render_matrix (SC_CHART_PAINTER (painter));
  folded = chart_test_render (SC_CHART_PAINTER (painter), 640, 400, 1, style, "bars-folded", NULL);
  for (guint i = 0; i < sc_chart_geometry_get_n_items (folded); i++)
    bars += sc_chart_geometry_get_item (folded, i)->kind == SC_CHART_ITEM_BAR;
  g_assert_cmpuint (bars, ==, 9);

  other = sc_chart_geometry_find_item (folded, SC_CHART_ITEM_BAR, 0, -1);
  g_assert_nonnull (other);
  g_assert_true (isfinite (other->value));
  /* "Other" is the last row. */
  g_assert_true (other == sc_chart_geometry_get_item (folded, 8));
}

static void
test_bars_edge_cases (void)
{
  g_autoptr(ScChartSeries) empty = sc_chart_series_new ("Empty", SC_CHART_UNIT_COUNT);
  g_autoptr(ScChartSeries) missing = sc_chart_series_new ("Missing", SC_CHART_UNIT_COUNT);
  g_autoptr(ScChartSeries) nps = sc_chart_series_new ("NPS", SC_CHART_UNIT_NPS);
  g_autoptr(ScChartSeries) huge = sc_chart_series_new ("Revenue", SC_CHART_UNIT_MONEY);
  ScChartSeries *cases[] = { empty, missing, nps, huge };

  sc_chart_series_add_category (missing, "A", NAN, 0);
  sc_chart_series_add_category (missing, "B", NAN, 0);
  sc_chart_series_add_category (nps, "Phone", -42, 120)->target = 10;
  sc_chart_series_add_category (nps, "Chat", 18, 300);
  sc_chart_series_add_category (nps, "Email", -100, 40);
  sc_chart_series_add_category (nps, "No answer", NAN, 0);
  sc_chart_series_add_category (huge, "Enterprise", 4.2e12, 10);
  sc_chart_series_add_category (huge, "SMB", 3e-3, 10);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScBarPainter) painter = make_painter (cases[i]);
      g_autoptr(ScChartStyle) style = sc_chart_style_new (TRUE);
      g_autofree char *png = g_strdup_printf ("bars-edge-%u", i);
      g_autoptr(ScChartGeometry) geometry = NULL;

      sc_bar_painter_set_reference (painter, i == 2 ? -20 : NAN);
      chart_test_render_matrix (SC_CHART_PAINTER (painter));
      geometry = chart_test_render (SC_CHART_PAINTER (painter), 420, 200, 1, style, png, NULL);
      g_assert_cmpint (sc_chart_geometry_get_is_empty (geometry), ==, i < 2);
    }
}

static void
test_bars_summary (void)
{
  g_autoptr(ScChartSeries) segments = sc_chart_series_new ("CSAT", SC_CHART_UNIT_PERCENT);
  g_autoptr(ScBarPainter) painter = make_painter (segments);
  g_autoptr(ScBarPainter) empty = sc_bar_painter_new ();
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  sc_chart_series_add_category (segments, "Email", 81, 200);
  sc_chart_series_add_category (segments, "Chat", 92.5, 150);
  sc_chart_series_add_category (segments, "Phone", 74, 20)->insufficient = TRUE;
  sc_bar_painter_set_reference (painter, 84);
  text = sc_chart_painter_dup_summary (SC_CHART_PAINTER (painter));
  none = sc_chart_painter_dup_summary (SC_CHART_PAINTER (empty));

  g_assert_cmpstr (text, ==, "CSAT across 3 segments: highest Chat (92.5%), lowest Phone (74.0%). "
                             "One segment has too few responses. Overall 84.0%.");
  g_assert_cmpstr (none, ==, "No data.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/charts/bars/pictures", test_bars_pictures);
  g_test_add_func ("/scorecard/charts/bars/sorted-and-hit", test_bars_sorted_and_hit);
  g_test_add_func ("/scorecard/charts/bars/pixels", test_bars_pixels);
  g_test_add_func ("/scorecard/charts/bars/fold", test_bars_fold);
  g_test_add_func ("/scorecard/charts/bars/edge-cases", test_bars_edge_cases);
  g_test_add_func ("/scorecard/charts/bars/summary", test_bars_summary);

  return g_test_run ();
}
