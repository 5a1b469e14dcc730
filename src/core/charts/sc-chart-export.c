/* sc-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "sc-chart-export.h"
#include "sc-error.h"

#define PNG_SCALE 2.0

static void
paint_background (cairo_t            *cr,
                  const ScChartStyle *style,
                  double              width,
                  double              height)
{
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgba (cr, style->bg.red, style->bg.green, style->bg.blue, style->bg.alpha);
  cairo_fill (cr);
}

/* Draws with a copy of @style whose scale matches the target, so strokes
 * snap to the target's pixels. */
static ScChartGeometry *
draw_scaled (ScChartPainter     *painter,
             cairo_t            *cr,
             double              width,
             double              height,
             double              scale,
             const ScChartStyle *style)
{
  g_autoptr(ScChartStyle) scaled = sc_chart_style_copy (style);

  scaled->scale = scale;
  paint_background (cr, style, width, height);

  return sc_chart_painter_draw (painter, cr, width, height, scaled);
}

/**
 * sc_chart_render_image:
 * @painter: a painter
 * @width: logical width
 * @height: logical height
 * @scale: device pixels per logical pixel (2 for HiDPI and PNG export)
 * @style: colours and fonts; its background fills the image
 * @geometry: (out) (optional) (transfer full): the geometry laid out
 *
 * Renders a chart into a new image surface of @width × @scale by
 * @height × @scale pixels, with its device scale set to @scale. Widgets use
 * it to copy a chart to the clipboard.
 *
 * Returns: (transfer full): the image surface
 */
cairo_surface_t *
sc_chart_render_image (ScChartPainter      *painter,
                       double               width,
                       double               height,
                       double               scale,
                       const ScChartStyle  *style,
                       ScChartGeometry    **geometry)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  ScChartGeometry *laid_out;

  g_return_val_if_fail (SC_IS_CHART_PAINTER (painter), NULL);
  g_return_val_if_fail (width >= 1 && height >= 1, NULL);
  g_return_val_if_fail (scale > 0, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  laid_out = draw_scaled (painter, cr, width, height, scale, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (geometry != NULL)
    *geometry = laid_out;
  else
    sc_chart_geometry_unref (laid_out);

  return surface;
}

/**
 * sc_chart_file_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE if @path ends in .png, .svg or .pdf (any case)
 */
gboolean
sc_chart_file_format_from_path (const char        *path,
                                ScChartFileFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = SC_CHART_FILE_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = SC_CHART_FILE_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = SC_CHART_FILE_PDF;
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("Could not write the chart to “%s”: %s"),
               path, status == CAIRO_STATUS_WRITE_ERROR ? g_strerror (errno)
                                                         : cairo_status_to_string (status));
  return FALSE;
}

static gboolean
export_vector (ScChartPainter      *painter,
               ScChartFileFormat    format,
               const char          *path,
               double               width,
               double               height,
               const ScChartStyle  *style,
               GError             **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  ScChartGeometry *geometry;
  cairo_t *cr;

  if (format == SC_CHART_FILE_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    surface = cairo_pdf_surface_create (path, width, height);

  cr = cairo_create (surface);
  geometry = draw_scaled (painter, cr, width, height, 1, style);
  sc_chart_geometry_unref (geometry);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}

/**
 * sc_chart_export_to_file:
 * @painter: a painter
 * @format: the file format
 * @path: the file to write (replaced if it exists)
 * @width: logical width, in pixels (points for PDF and SVG)
 * @height: logical height
 * @style: colours and fonts; its background fills the page
 * @error: return location for an error
 *
 * Draws a chart into a file with the same painter as the screen. PNG files
 * are rendered at twice the logical size, so they stay sharp on HiDPI
 * screens and in documents.
 *
 * Returns: %TRUE on success; on failure @error names the file and cause
 */
gboolean
sc_chart_export_to_file (ScChartPainter      *painter,
                         ScChartFileFormat    format,
                         const char          *path,
                         double               width,
                         double               height,
                         const ScChartStyle  *style,
                         GError             **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (SC_IS_CHART_PAINTER (painter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(width >= 1 && height >= 1 && width <= 20000 && height <= 20000))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("Cannot export “%s”: a chart of %g × %g is not between 1 and 20000 pixels"),
                   path, width, height);
      return FALSE;
    }

  if (format != SC_CHART_FILE_PNG)
    return export_vector (painter, format, path, width, height, style, error);

  surface = sc_chart_render_image (painter, width, height, PNG_SCALE, style, NULL);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
