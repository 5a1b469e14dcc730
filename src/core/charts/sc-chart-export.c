/* sc-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
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

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
draw_vector (ScChartPainter     *painter,
             ScChartFileFormat   format,
             GByteArray         *out,
             double              width,
             double              height,
             const ScChartStyle *style)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  ScChartGeometry *geometry;
  cairo_t *cr;

  if (format == SC_CHART_FILE_SVG)
    surface = cairo_svg_surface_create_for_stream (append_cb, out, width, height);
  else
    surface = cairo_pdf_surface_create_for_stream (append_cb, out, width, height);

  cr = cairo_create (surface);
  geometry = draw_scaled (painter, cr, width, height, 1, style);
  sc_chart_geometry_unref (geometry);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * sc_chart_export_to_bytes:
 * @painter: a painter
 * @format: the file format
 * @width: logical width, in pixels (points for PDF and SVG)
 * @height: logical height
 * @style: colours and fonts; its background fills the page
 * @error: return location for an error
 *
 * Draws a chart into the contents of a PNG, SVG or PDF file, in memory, so
 * that a caller can draw on the thread the painter belongs to and write
 * the file elsewhere. PNG images are rendered at twice the logical size.
 *
 * Returns: (transfer full) (nullable): the file contents, or %NULL with
 *   @error set
 */
GBytes *
sc_chart_export_to_bytes (ScChartPainter      *painter,
                          ScChartFileFormat    format,
                          double               width,
                          double               height,
                          const ScChartStyle  *style,
                          GError             **error)
{
  g_autoptr(GByteArray) out = NULL;
  cairo_status_t status;

  g_return_val_if_fail (SC_IS_CHART_PAINTER (painter), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(width >= 1 && height >= 1 && width <= 20000 && height <= 20000))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("a chart of %g × %g is not between 1 and 20000 pixels"), width, height);
      return NULL;
    }

  out = g_byte_array_new ();
  if (format == SC_CHART_FILE_PNG)
    {
      cairo_surface_t *surface = sc_chart_render_image (painter, width, height, PNG_SCALE,
                                                        style, NULL);

      status = cairo_surface_write_to_png_stream (surface, append_cb, out);
      cairo_surface_destroy (surface);
    }
  else
    {
      status = draw_vector (painter, format, out, width, height, style);
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SC_IS_CHART_PAINTER (painter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = sc_chart_export_to_bytes (painter, format, width, height, style, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, _("Cannot export “%s”: "), path);
      return FALSE;
    }

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("Could not write the chart to “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
