/* sc-bullet-painter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-painter.h"
#include "sc-chart-series.h"

G_BEGIN_DECLS

/**
 * ScBulletRow:
 * @label: the metric's name
 * @actual: the value reached, NAN if none
 * @target: the target
 * @at_risk: the boundary between "missed" and "at risk", or NAN for 10%
 *   short of the target (on the bad side)
 * @unit: how values are written
 * @direction: which way the metric improves; lower-is-better rows read
 *   "met" left of the target
 *
 * One target-versus-actual row.
 */
typedef struct
{
  const char       *label;
  double            actual;
  double            target;
  double            at_risk;
  ScChartUnit       unit;
  ScChartDirection  direction;
} ScBulletRow;

/**
 * ScBulletStatus:
 * @SC_BULLET_STATUS_NONE: no actual or no target
 * @SC_BULLET_STATUS_MET: the target is met
 * @SC_BULLET_STATUS_AT_RISK: between the at-risk boundary and the target
 * @SC_BULLET_STATUS_MISSED: beyond the at-risk boundary
 *
 * How an actual value stands against its target.
 */
typedef enum
{
  SC_BULLET_STATUS_NONE,
  SC_BULLET_STATUS_MET,
  SC_BULLET_STATUS_AT_RISK,
  SC_BULLET_STATUS_MISSED,
} ScBulletStatus;

#define SC_TYPE_BULLET_PAINTER (sc_bullet_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScBulletPainter, sc_bullet_painter, SC, BULLET_PAINTER, GObject)

ScBulletPainter *sc_bullet_painter_new        (void) G_GNUC_WARN_UNUSED_RESULT;
guint            sc_bullet_painter_get_n_rows (ScBulletPainter    *self);
void             sc_bullet_painter_add_row    (ScBulletPainter    *self,
                                               const ScBulletRow  *row);
void             sc_bullet_painter_clear      (ScBulletPainter    *self);
ScChartGeometry *sc_bullet_painter_draw       (ScBulletPainter    *self,
                                               cairo_t            *cr,
                                               double              width,
                                               double              height,
                                               const ScChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;
ScBulletStatus   sc_bullet_row_get_status     (const ScBulletRow  *row);
double           sc_bullet_row_get_attainment (const ScBulletRow  *row);

G_END_DECLS
