/* test-chart-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks shared by the chart painter tests: render a painter inside a
 * margin and verify the margin stays untouched, that label boxes stay in
 * the allocation without overlapping, and that hit-testing finds every
 * item at its own anchor. Optionally writes a PNG for people to look at.
 */

#pragma once

#include <glib/gstdio.h>
#include <math.h>

#include "sc-chart-export.h"
#include "sc-error.h"

#include <string.h>

#define CHART_TEST_MARGIN 16

typedef struct
{
  guint8 r, g, b, a;
} ChartPixel;

static inline ChartPixel
chart_test_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v = *(const guint32 *) (data + y * stride + x * 4);
  ChartPixel p = { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, v >> 24 };

  return p;
}

/* The colour @fg composited over the opaque @bg, as 8-bit channels. */
static inline ChartPixel
chart_test_over (const ScChartRgba *fg,
                 const ScChartRgba *bg)
{
  ChartPixel p;

  p.r = (guint8) round (255 * (fg->red * fg->alpha + bg->red * (1 - fg->alpha)));
  p.g = (guint8) round (255 * (fg->green * fg->alpha + bg->green * (1 - fg->alpha)));
  p.b = (guint8) round (255 * (fg->blue * fg->alpha + bg->blue * (1 - fg->alpha)));
  p.a = 255;

  return p;
}

static inline void
chart_test_assert_pixel (ChartPixel actual,
                         ChartPixel expected,
                         int        tolerance)
{
  if (abs (actual.r - expected.r) > tolerance || abs (actual.g - expected.g) > tolerance ||
      abs (actual.b - expected.b) > tolerance)
    g_error ("pixel (%d,%d,%d,%d) is not (%d,%d,%d) ± %d", actual.r, actual.g, actual.b, actual.a,
             expected.r, expected.g, expected.b, tolerance);
}

static inline void
chart_test_check_margin (cairo_surface_t *surface,
                         int              margin,
                         int              inner_w,
                         int              inner_h)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        ChartPixel p;

        if (x >= margin && x < margin + inner_w && y >= margin && y < margin + inner_h)
          continue;

        p = chart_test_pixel (surface, x, y);
        if (p.r != 0xff || p.g != 0 || p.b != 0xff || p.a != 0xff)
          g_error ("drawn outside the allocation at device pixel (%d, %d) of %d×%d", x, y, w, h);
      }
}

static inline void
chart_test_check_labels (const ScChartGeometry *geometry)
{
  double w = sc_chart_geometry_get_width (geometry);
  double h = sc_chart_geometry_get_height (geometry);
  guint n = sc_chart_geometry_get_n_labels (geometry);

  for (guint i = 0; i < n; i++)
    {
      const ScChartLabel *a = sc_chart_geometry_get_label (geometry, i);

      g_assert_cmpfloat (a->box.x, >=, -0.01);
      g_assert_cmpfloat (a->box.y, >=, -0.01);
      g_assert_cmpfloat (a->box.x + a->box.width, <=, w + 0.01);
      g_assert_cmpfloat (a->box.y + a->box.height, <=, h + 0.01);

      for (guint j = i + 1; j < n; j++)
        {
          const ScChartLabel *b = sc_chart_geometry_get_label (geometry, j);

          if (sc_chart_rect_intersects (&a->box, &b->box))
            g_error ("labels \"%s\" (%g,%g %g×%g) and \"%s\" (%g,%g %g×%g) overlap",
                     a->text, a->box.x, a->box.y, a->box.width, a->box.height,
                     b->text, b->box.x, b->box.y, b->box.width, b->box.height);
        }
    }
}

static inline void
chart_test_check_hits (const ScChartGeometry *geometry)
{
  for (guint i = 0; i < sc_chart_geometry_get_n_items (geometry); i++)
    {
      const ScChartItem *item = sc_chart_geometry_get_item (geometry, i);
      const ScChartItem *hit;

      if (item->kind == SC_CHART_ITEM_TARGET || item->kind == SC_CHART_ITEM_ANNOTATION)
        continue;

      g_assert_true (sc_chart_rect_contains (&item->area, item->x, item->y));
      hit = sc_chart_geometry_hit_test (geometry, item->x, item->y);
      g_assert_nonnull (hit);
      /* Two items may share an anchor (equal values of two series). */
      if (hit != item)
        {
          g_assert_cmpfloat (hypot (hit->x - item->x, hit->y - item->y), <, 0.5);
        }
    }
}

static inline char *
chart_test_png_path (const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *folder = g_build_filename (dir ? dir : ".", "chart-pngs", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);

  g_mkdir_with_parents (folder, 0755);

  return g_build_filename (folder, file, NULL);
}

/* Renders @painter at @width × @height and @scale inside a magenta margin,
 * runs the generic checks, and writes a PNG when @png_name is given.
 * Returns the geometry; *surface_out (if given) receives the surface with
 * the chart drawn at (CHART_TEST_MARGIN, CHART_TEST_MARGIN) device pixels. */
static inline ScChartGeometry *
chart_test_render (ScChartPainter     *painter,
                   int                 width,
                   int                 height,
                   double              scale,
                   const ScChartStyle *base_style,
                   const char         *png_name,
                   cairo_surface_t   **surface_out)
{
  g_autoptr(ScChartStyle) style = sc_chart_style_copy (base_style);
  int m = CHART_TEST_MARGIN;
  int dw = (int) ceil (width * scale), dh = (int) ceil (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, dw + 2 * m, dh + 2 * m);
  cairo_t *cr = cairo_create (surface);
  ScChartGeometry *geometry;

  style->scale = scale;
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_translate (cr, m, m);
  cairo_rectangle (cr, 0, 0, dw, dh);
  cairo_set_source_rgba (cr, style->bg.red, style->bg.green, style->bg.blue, 1);
  cairo_fill (cr);
  cairo_scale (cr, scale, scale);
  geometry = sc_chart_painter_draw (painter, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  chart_test_check_margin (surface, m, dw, dh);
  chart_test_check_labels (geometry);
  chart_test_check_hits (geometry);

  if (png_name != NULL)
    {
      g_autofree char *path = chart_test_png_path (png_name);
      GError *error = NULL;

      g_assert_true (sc_chart_export_to_file (painter, SC_CHART_FILE_PNG, path, width, height,
                                              base_style, &error));
      g_assert_no_error (error);
    }

  if (surface_out != NULL)
    *surface_out = surface;
  else
    cairo_surface_destroy (surface);

  return geometry;
}

static const int chart_test_sizes[][2] = {
  { 120, 80 }, { 200, 120 }, { 320, 200 }, { 640, 360 }, { 1440, 900 }, { 2560, 1440 },
};

/* Renders @painter at every test size, scales 1 and 2, light and dark. */
static inline void
chart_test_render_matrix (ScChartPainter *painter)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);

      for (guint i = 0; i < G_N_ELEMENTS (chart_test_sizes); i++)
        for (double scale = 1; scale <= 2; scale++)
          {
            /* 2560×1440 at scale 2 only adds run time, not coverage. */
            if (scale == 2 && chart_test_sizes[i][0] > 1440)
              continue;
            g_autoptr(ScChartGeometry) geometry =
              chart_test_render (painter, chart_test_sizes[i][0], chart_test_sizes[i][1],
                                 scale, style, NULL, NULL);
          }
    }
}
