/* sc-chart-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"

G_BEGIN_DECLS

/**
 * ScChartFileFormat:
 * @SC_CHART_FILE_PNG: a PNG image at twice the logical size
 * @SC_CHART_FILE_SVG: an SVG drawing
 * @SC_CHART_FILE_PDF: a one-page PDF
 *
 * File formats a chart can be exported to.
 */
typedef enum
{
  SC_CHART_FILE_PNG,
  SC_CHART_FILE_SVG,
  SC_CHART_FILE_PDF,
} ScChartFileFormat;

cairo_surface_t *sc_chart_render_image        (ScChartPainter     *painter,
                                               double              width,
                                               double              height,
                                               double              scale,
                                               const ScChartStyle *style,
                                               ScChartGeometry   **geometry) G_GNUC_WARN_UNUSED_RESULT;
GBytes          *sc_chart_export_to_bytes     (ScChartPainter     *painter,
                                               ScChartFileFormat   format,
                                               double              width,
                                               double              height,
                                               const ScChartStyle *style,
                                               GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         sc_chart_export_to_file      (ScChartPainter     *painter,
                                               ScChartFileFormat   format,
                                               const char         *path,
                                               double              width,
                                               double              height,
                                               const ScChartStyle *style,
                                               GError            **error);
gboolean         sc_chart_file_format_from_path (const char       *path,
                                               ScChartFileFormat  *format);

G_END_DECLS
