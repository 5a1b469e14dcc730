/* sc-chart-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What sc-chart-view.c, sc-chart-view-table.c and sc-chart-view-export.c
 * share, and the entry points the tests drive directly.
 */

#pragma once

#include "sc-chart-geometry.h"
#include "sc-chart-series.h"
#include "sc-chart-view.h"

G_BEGIN_DECLS

/* What the chart asks for, and is exported at, when nothing else sets
 * its size. */
#define SC_CHART_VIEW_NATURAL_WIDTH  480
#define SC_CHART_VIEW_NATURAL_HEIGHT 280

/* The columns of the table view and of a tooltip. */
typedef enum
{
  SC_CHART_CELL_SERIES,
  SC_CHART_CELL_PERIOD,
  SC_CHART_CELL_VALUE,
  SC_CHART_CELL_N,
  SC_CHART_CELL_INTERVAL,
  SC_CHART_CELL_TARGET,
  SC_CHART_CELL_BASELINE,
  SC_CHART_CELL_NOTE,
  SC_CHART_N_CELLS,
} ScChartCell;

struct _ScChartView
{
  GtkWidget          parent_instance;

  ScChartPainter    *painter;
  ScChartStyle      *style;
  char              *title;

  /* What the painter drew last, at chart_width × chart_height, and what
   * it laid out; NULL until the first snapshot and after anything the
   * picture depends on changed. Snapshots reuse the node, so hover, focus
   * and CSS state changes do not run the painter again. */
  GskRenderNode     *chart_node;
  int                chart_width;
  int                chart_height;
  guint              n_paints;
  ScChartGeometry   *geometry;

  /* The item under the pointer or the keyboard focus: its kind, series
   * and index, looked up again in each new geometry. An item reached by
   * the keyboard stays when the pointer leaves; one hovered does not. */
  ScChartItem        current;
  gboolean           has_current;
  gboolean           current_from_keyboard;
  gboolean           pointer_inside;

  /* A target drag maps positions through the geometry it started on, so
   * the axis cannot shift under the pointer while the preview moves. */
  ScChartGeometry   *drag_geometry;
  double             drag_start_y;
  double             drag_origin;
  double             drag_value;

  guint              show_table : 1;
  guint              target_editable : 1;
  guint              table_stale : 1;

  /* Template widgets */
  GtkWidget         *table_window;
  GtkColumnView     *table;
  GtkPopoverMenu    *context_menu;
  GtkGesture        *drag_gesture;
};

/* Every series the painter draws, main series first. */
GPtrArray *_sc_chart_view_collect_series (ScChartView         *self);
void       _sc_chart_view_format_cells   (ScChartView         *self,
                                          const ScChartSeries *series,
                                          const ScChartPoint  *point,
                                          char               **cells);
void       _sc_chart_view_setup_table    (ScChartView         *self);
void       _sc_chart_view_fill_table     (ScChartView         *self);
const char *_sc_chart_view_get_table_cell (ScChartView        *self,
                                          guint                row,
                                          ScChartCell          cell);
char      *_sc_chart_view_dup_name       (ScChartView         *self) G_GNUC_WARN_UNUSED_RESULT;
char      *_sc_chart_view_dup_tooltip    (ScChartView         *self,
                                          const ScChartItem   *item) G_GNUC_WARN_UNUSED_RESULT;

void       _sc_chart_view_copy           (ScChartView         *self);
void       _sc_chart_view_save_as        (ScChartView         *self);

/* Target dragging, in widget coordinates; the gesture calls these. */
gboolean   _sc_chart_view_drag_begin     (ScChartView         *self,
                                          double               x,
                                          double               y);
void       _sc_chart_view_drag_update    (ScChartView         *self,
                                          double               offset_y);
void       _sc_chart_view_drag_end       (ScChartView         *self);
gboolean   _sc_chart_view_drag_cancel    (ScChartView         *self);

G_END_DECLS
