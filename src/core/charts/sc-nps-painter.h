/* sc-nps-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"

G_BEGIN_DECLS

/**
 * ScNpsPart:
 * @SC_NPS_DETRACTORS: scores 0–6
 * @SC_NPS_PASSIVES: scores 7–8
 * @SC_NPS_PROMOTERS: scores 9–10
 *
 * The three parts of an NPS bar; NPS bar items carry the part as their
 * series and the row as their index.
 */
typedef enum
{
  SC_NPS_DETRACTORS,
  SC_NPS_PASSIVES,
  SC_NPS_PROMOTERS,
} ScNpsPart;

#define SC_TYPE_NPS_PAINTER (sc_nps_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScNpsPainter, sc_nps_painter, SC, NPS_PAINTER, GObject)

ScNpsPainter    *sc_nps_painter_new     (void) G_GNUC_WARN_UNUSED_RESULT;
guint            sc_nps_painter_get_n_rows (ScNpsPainter     *self);
void             sc_nps_painter_add_row (ScNpsPainter       *self,
                                         const char         *label,
                                         guint64             detractors,
                                         guint64             passives,
                                         guint64             promoters);
void             sc_nps_painter_clear   (ScNpsPainter       *self);
ScChartGeometry *sc_nps_painter_draw    (ScNpsPainter       *self,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;
double           sc_nps_score           (guint64             detractors,
                                         guint64             passives,
                                         guint64             promoters);

G_END_DECLS
