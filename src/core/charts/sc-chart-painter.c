/* sc-chart-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-chart-painter.h"

G_DEFINE_INTERFACE (ScChartPainter, sc_chart_painter, G_TYPE_OBJECT)

static void
sc_chart_painter_default_init (ScChartPainterInterface *iface)
{
}

/**
 * sc_chart_painter_draw:
 * @self: a #ScChartPainter
 * @cr: the cairo context to draw on; the chart occupies (0, 0) to
 *   (@width, @height) in its user space
 * @width: the width of the allocation, in logical pixels
 * @height: the height of the allocation, in logical pixels
 * @style: resolved colours and fonts
 *
 * Draws the chart. Nothing is drawn outside the allocation and the state of
 * @cr is restored afterwards. The background is not filled, so the chart
 * sits on whatever is behind it. A zero or negative size draws nothing.
 *
 * Returns: (transfer full): the geometry laid out, for hit-testing
 */
ScChartGeometry *
sc_chart_painter_draw (ScChartPainter     *self,
                       cairo_t            *cr,
                       double              width,
                       double              height,
                       const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_CHART_PAINTER (self), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (!(width > 0) || !(height > 0))
    {
      ScChartGeometry *geometry = sc_chart_geometry_new (MAX (width, 0), MAX (height, 0));

      sc_chart_geometry_set_is_empty (geometry, TRUE);
      return geometry;
    }

  return SC_CHART_PAINTER_GET_IFACE (self)->draw (self, cr, width, height, style);
}

/**
 * sc_chart_painter_dup_summary:
 * @self: a #ScChartPainter
 *
 * Describes the chart for assistive technologies and "copy as text": the
 * metric, the period, the latest value and which way it moved. Widgets use
 * it as their accessible description.
 *
 * Returns: (transfer full): the summary
 */
char *
sc_chart_painter_dup_summary (ScChartPainter *self)
{
  g_return_val_if_fail (SC_IS_CHART_PAINTER (self), NULL);

  return SC_CHART_PAINTER_GET_IFACE (self)->dup_summary (self);
}
