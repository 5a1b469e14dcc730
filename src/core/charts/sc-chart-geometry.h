/* sc-chart-geometry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sc-chart-axis.h"

G_BEGIN_DECLS

/**
 * ScChartRect:
 * @x: left edge
 * @y: top edge
 * @width: width
 * @height: height
 *
 * A rectangle in the painter's (logical) coordinates.
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ScChartRect;

/**
 * ScChartItemKind:
 * @SC_CHART_ITEM_POINT: a point of a trend or a sparkline
 * @SC_CHART_ITEM_BAR: a bar (segment, bullet row, histogram bin, NPS row)
 * @SC_CHART_ITEM_CELL: a heatmap cell
 * @SC_CHART_ITEM_TARGET: the target line of a trend
 * @SC_CHART_ITEM_ANNOTATION: an annotation marker
 *
 * What an #ScChartItem stands for.
 */
typedef enum
{
  SC_CHART_ITEM_POINT,
  SC_CHART_ITEM_BAR,
  SC_CHART_ITEM_CELL,
  SC_CHART_ITEM_TARGET,
  SC_CHART_ITEM_ANNOTATION,
} ScChartItemKind;

/**
 * ScChartItem:
 * @kind: what the item stands for
 * @series: the series index (0 for the main series, -1 for the
 *   comparison series of a trend); the row of a heatmap cell
 * @index: the point, bar, bin or annotation index in the painter's input
 *   (the column of a heatmap cell; -1 for a folded "Other" bar)
 * @x: the anchor: a point's centre, a bar's value end
 * @y: the anchor's y
 * @area: the region that hovering or clicking selects the item in
 * @value: the value drawn
 *
 * Something a painter drew that a pointer can hit.
 */
typedef struct
{
  ScChartItemKind kind;
  int             series;
  int             index;
  double          x;
  double          y;
  ScChartRect     area;
  double          value;
} ScChartItem;

/**
 * ScChartLabelKind:
 * @SC_CHART_LABEL_AXIS_X: a tick label of the horizontal axis
 * @SC_CHART_LABEL_AXIS_Y: a tick label of the vertical axis
 * @SC_CHART_LABEL_CATEGORY: a bar or row name
 * @SC_CHART_LABEL_VALUE: a value written next to a mark
 * @SC_CHART_LABEL_ANNOTATION: an annotation text
 * @SC_CHART_LABEL_LEGEND: a legend entry
 * @SC_CHART_LABEL_MESSAGE: a "No data" message
 *
 * Kinds of text a painter lays out.
 */
typedef enum
{
  SC_CHART_LABEL_AXIS_X,
  SC_CHART_LABEL_AXIS_Y,
  SC_CHART_LABEL_CATEGORY,
  SC_CHART_LABEL_VALUE,
  SC_CHART_LABEL_ANNOTATION,
  SC_CHART_LABEL_LEGEND,
  SC_CHART_LABEL_MESSAGE,
} ScChartLabelKind;

/**
 * ScChartLabel:
 * @kind: what the text is
 * @box: the ink box of the text as drawn
 * @text: the text as given (before any ellipsis)
 *
 * A text a painter drew.
 */
typedef struct
{
  ScChartLabelKind  kind;
  ScChartRect       box;
  char             *text;
} ScChartLabel;

/**
 * ScChartGeometry:
 *
 * What a painter laid out: its size, the plot area, the axes, every item a
 * pointer can hit and every text box. Reference counted, immutable once
 * the painter returns it.
 */
typedef struct _ScChartGeometry ScChartGeometry;

#define SC_TYPE_CHART_GEOMETRY (sc_chart_geometry_get_type ())

GType               sc_chart_geometry_get_type      (void) G_GNUC_CONST;
ScChartGeometry    *sc_chart_geometry_new           (double                 width,
                                                     double                 height) G_GNUC_WARN_UNUSED_RESULT;
ScChartGeometry    *sc_chart_geometry_ref           (ScChartGeometry       *self);
void                sc_chart_geometry_unref         (ScChartGeometry       *self);
double              sc_chart_geometry_get_width     (const ScChartGeometry *self);
double              sc_chart_geometry_get_height    (const ScChartGeometry *self);
const ScChartRect  *sc_chart_geometry_get_plot      (const ScChartGeometry *self);
const ScValueAxis  *sc_chart_geometry_get_value_axis (const ScChartGeometry *self);
const ScTimeAxis   *sc_chart_geometry_get_time_axis (const ScChartGeometry *self);
gboolean            sc_chart_geometry_get_is_empty  (const ScChartGeometry *self);
guint               sc_chart_geometry_get_n_items   (const ScChartGeometry *self);
const ScChartItem  *sc_chart_geometry_get_item      (const ScChartGeometry *self,
                                                     guint                  index);
guint               sc_chart_geometry_get_n_labels  (const ScChartGeometry *self);
const ScChartLabel *sc_chart_geometry_get_label     (const ScChartGeometry *self,
                                                     guint                  index);
const ScChartItem  *sc_chart_geometry_hit_test      (const ScChartGeometry *self,
                                                     double                 x,
                                                     double                 y);
const ScChartItem  *sc_chart_geometry_find_item     (const ScChartGeometry *self,
                                                     ScChartItemKind        kind,
                                                     int                    series,
                                                     int                    index);
int                 sc_chart_geometry_step_item     (const ScChartGeometry *self,
                                                     int                    item,
                                                     int                    delta);
double              sc_chart_geometry_value_at      (const ScChartGeometry *self,
                                                     double                 x,
                                                     double                 y);
double              sc_chart_geometry_position_of   (const ScChartGeometry *self,
                                                     double                 value);

/* Used by painters while they lay out. */
void                sc_chart_geometry_set_plot      (ScChartGeometry       *self,
                                                     const ScChartRect     *plot,
                                                     gboolean               vertical_values);
void                sc_chart_geometry_set_value_axis (ScChartGeometry      *self,
                                                     const ScValueAxis     *axis);
void                sc_chart_geometry_set_time_axis (ScChartGeometry       *self,
                                                     const ScTimeAxis      *axis);
void                sc_chart_geometry_set_is_empty  (ScChartGeometry       *self,
                                                     gboolean               is_empty);
ScChartItem        *sc_chart_geometry_add_item      (ScChartGeometry       *self,
                                                     ScChartItemKind        kind,
                                                     int                    series,
                                                     int                    index);
gboolean            sc_chart_geometry_add_label     (ScChartGeometry       *self,
                                                     ScChartLabelKind       kind,
                                                     const ScChartRect     *box,
                                                     const char            *text,
                                                     gboolean               only_if_free);
gboolean            sc_chart_geometry_box_is_free   (const ScChartGeometry *self,
                                                     const ScChartRect     *box);

gboolean            sc_chart_rect_contains          (const ScChartRect     *rect,
                                                     double                 x,
                                                     double                 y);
gboolean            sc_chart_rect_intersects        (const ScChartRect     *a,
                                                     const ScChartRect     *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartGeometry, sc_chart_geometry_unref)

G_END_DECLS
