/* sc-trend-painter-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chart-canvas-private.h"
#include "sc-trend-painter.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  time;
  char   *text;
} ScTrendAnnotation;

struct _ScTrendPainter
{
  GObject        parent_instance;

  GPtrArray     *series;
  ScChartSeries *comparison;
  GArray        *annotations;
  GTimeZone     *tz;
  double         band_low;
  double         band_high;
  double         target_preview;
  int            highlight;
};

/* Everything one draw lays out before it paints. */
typedef struct
{
  ScChartCanvas  canvas;
  ScValueAxis    value_axis;
  ScTimeAxis     time_axis;
  ScChartRect    plot;
  gboolean       compact;
  gboolean       dense;
  double         target_label_y;
  double         baseline_label_y;
} ScTrendLayout;

double _sc_trend_x_of        (const ScTrendLayout *layout,
                              gint64               time);
double _sc_trend_point_x     (const ScTrendLayout *layout,
                              const ScChartPoint  *point);
double _sc_trend_y_of        (const ScTrendLayout *layout,
                              double               value);

void   _sc_trend_draw_grid        (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_time_labels (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_bands       (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_references  (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_reference_labels (ScTrendPainter *self,
                                        ScTrendLayout  *layout);
void   _sc_trend_draw_series      (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_annotations (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_highlight   (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_preview     (ScTrendPainter *self,
                                   ScTrendLayout  *layout);
void   _sc_trend_draw_legend      (ScTrendPainter *self,
                                   ScTrendLayout  *layout,
                                   double          y);

G_END_DECLS
