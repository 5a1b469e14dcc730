/* sc-chart-axis.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-chart-series.h"

G_BEGIN_DECLS

#define SC_AXIS_MAX_TICKS 64

/**
 * ScValueAxis:
 * @unit: the unit of the values
 * @currency: (nullable): currency symbol for money, borrowed
 * @min: the lower end of the axis (a tick)
 * @max: the upper end of the axis (a tick)
 * @step: the distance between ticks, in the value's own unit
 * @n_ticks: number of entries in @ticks
 * @ticks: tick values from @min to @max
 * @divisor: what tick values are divided by for their labels (60 for
 *   minutes, 1e6 for millions…)
 * @suffix: the unit written after tick labels ("min", "%", "M"…), borrowed
 * @decimals: decimals of tick labels
 *
 * A value axis: maps values to 0…1 and holds "nice" ticks (1, 2 or 5 times
 * a power of ten of the shown unit) and how to write them.
 */
typedef struct
{
  ScChartUnit  unit;
  const char  *currency;
  double       min;
  double       max;
  double       step;
  guint        n_ticks;
  double       ticks[SC_AXIS_MAX_TICKS];
  double       divisor;
  const char  *suffix;
  int          decimals;
} ScValueAxis;

/**
 * ScTimeStep:
 * @SC_TIME_STEP_DAY: ticks on days
 * @SC_TIME_STEP_WEEK: ticks on ISO weeks (Mondays)
 * @SC_TIME_STEP_MONTH: ticks on the first of months
 * @SC_TIME_STEP_QUARTER: ticks on quarters
 * @SC_TIME_STEP_YEAR: ticks on the first of January
 *
 * Calendar units of a time axis.
 */
typedef enum
{
  SC_TIME_STEP_DAY,
  SC_TIME_STEP_WEEK,
  SC_TIME_STEP_MONTH,
  SC_TIME_STEP_QUARTER,
  SC_TIME_STEP_YEAR,
} ScTimeStep;

/**
 * ScTimeAxis:
 * @start: the left end, Unix seconds
 * @end: the right end, Unix seconds
 * @step: the calendar unit of the ticks
 * @multiple: ticks every @multiple units
 * @n_ticks: number of entries in @ticks
 * @ticks: tick instants, on calendar boundaries in the axis' time zone
 * @tz: the time zone of the calendar, borrowed
 *
 * A calendar-aware time axis.
 */
typedef struct
{
  gint64      start;
  gint64      end;
  ScTimeStep  step;
  guint       multiple;
  guint       n_ticks;
  gint64      ticks[SC_AXIS_MAX_TICKS];
  GTimeZone  *tz;
} ScTimeAxis;

/**
 * ScMeasureFunc:
 * @text: a label
 * @user_data: closure data
 *
 * Returns: the width @text takes, in the caller's units
 */
typedef double (*ScMeasureFunc) (const char *text,
                                 gpointer    user_data);

char   *sc_chart_format_value        (ScChartUnit        unit,
                                      double             value,
                                      const char        *currency) G_GNUC_WARN_UNUSED_RESULT;
char   *sc_chart_format_number       (double             value,
                                      int                decimals) G_GNUC_WARN_UNUSED_RESULT;

void    sc_value_axis_init           (ScValueAxis       *axis,
                                      ScChartUnit        unit,
                                      const char        *currency,
                                      double             lo,
                                      double             hi,
                                      guint              max_ticks);
double  sc_value_axis_normalize      (const ScValueAxis *axis,
                                      double             value);
char   *sc_value_axis_format_tick    (const ScValueAxis *axis,
                                      double             value) G_GNUC_WARN_UNUSED_RESULT;
double  sc_value_axis_snap           (const ScValueAxis *axis,
                                      double             value);

void    sc_time_axis_init            (ScTimeAxis        *axis,
                                      GTimeZone         *tz,
                                      gint64             start,
                                      gint64             end,
                                      ScTimeStep         step,
                                      guint              multiple);
gboolean sc_time_axis_layout         (ScTimeAxis        *axis,
                                      GTimeZone         *tz,
                                      gint64             start,
                                      gint64             end,
                                      double             width,
                                      double             gap,
                                      ScMeasureFunc      measure,
                                      gpointer           user_data);
double  sc_time_axis_normalize       (const ScTimeAxis  *axis,
                                      gint64             time);
char   *sc_time_axis_format_tick     (const ScTimeAxis  *axis,
                                      guint              index) G_GNUC_WARN_UNUSED_RESULT;
gboolean sc_time_axis_tick_is_period (const ScTimeAxis  *axis);
char   *sc_chart_format_period       (gint64             start,
                                      gint64             end,
                                      GTimeZone         *tz) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
