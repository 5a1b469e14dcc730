/* sc-review-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small page layout engine for the review PDF: a cursor flowing down
 * pages of fixed size, with paragraphs, headings that feed the table of
 * contents, tables that repeat their header on a new page, and charts
 * drawn by the chart painters.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sc-chart-painter.h"

G_BEGIN_DECLS

/* Type sizes in points. */
#define SC_LAYOUT_BODY_SIZE  9.5
#define SC_LAYOUT_SMALL_SIZE 8.0

typedef struct
{
  char  *title;
  char  *dest;
  int    level;
  int    page;
} ScTocEntry;

typedef struct
{
  const char     *title;
  double          width;      /* share of the content width */
  PangoAlignment  align;
} ScTableColumn;

typedef struct
{
  cairo_t              *cr;
  cairo_surface_t      *surface;
  PangoContext         *context;
  const ScChartStyle   *style;
  const char           *family;
  double                page_width;
  double                page_height;
  double                margin;
  double                x;        /* the flow's left edge */
  double                width;    /* the flow's width */
  double                y;
  int                   page;
  int                   n_pages;
  gboolean              page_used;
  char                 *footer;
  GArray               *toc;      /* ScTocEntry; pages filled as headings are placed */
} ScLayout;

void          _sc_layout_init        (ScLayout            *layout,
                                      cairo_surface_t     *surface,
                                      double               page_width,
                                      double               page_height,
                                      const ScChartStyle  *style);
void          _sc_layout_clear       (ScLayout            *layout);
double        _sc_layout_width       (ScLayout            *layout);
double        _sc_layout_bottom      (ScLayout            *layout);
PangoLayout  *_sc_layout_text        (ScLayout            *layout,
                                      const char          *markup,
                                      double               size,
                                      PangoWeight          weight,
                                      double               width,
                                      PangoAlignment       align) G_GNUC_WARN_UNUSED_RESULT;
double        _sc_layout_text_height (PangoLayout         *text);
void          _sc_layout_draw_text   (ScLayout            *layout,
                                      PangoLayout         *text,
                                      double               x,
                                      double               y,
                                      const ScChartRgba   *color);
void          _sc_layout_new_page    (ScLayout            *layout);
void          _sc_layout_finish_page (ScLayout            *layout);
void          _sc_layout_column      (ScLayout            *layout,
                                      double               left,
                                      double               width);
void          _sc_layout_full_width  (ScLayout            *layout);
gboolean      _sc_layout_ensure      (ScLayout            *layout,
                                      double               height);
void          _sc_layout_space       (ScLayout            *layout,
                                      double               height);
void          _sc_layout_paragraph   (ScLayout            *layout,
                                      const char          *markup,
                                      double               size,
                                      const ScChartRgba   *color);
void          _sc_layout_bullet      (ScLayout            *layout,
                                      const char          *markup);
void          _sc_layout_heading     (ScLayout            *layout,
                                      const char          *title,
                                      const char          *dest,
                                      int                  level,
                                      double               keep_with_next);
void          _sc_layout_table       (ScLayout            *layout,
                                      const ScTableColumn *columns,
                                      guint                n_columns,
                                      GPtrArray           *rows);
double        _sc_layout_table_height (ScLayout           *layout,
                                      const ScTableColumn *columns,
                                      guint                n_columns,
                                      GPtrArray           *rows);
void          _sc_layout_chart       (ScLayout            *layout,
                                      ScChartPainter      *painter,
                                      double               height);
void          _sc_layout_toc         (ScLayout            *layout);
double        _sc_layout_toc_height  (ScLayout            *layout);
char         *_sc_layout_color_hex   (const ScChartRgba   *color) G_GNUC_WARN_UNUSED_RESULT;
void          _sc_toc_add            (GArray              *toc,
                                      const char          *title,
                                      const char          *dest,
                                      int                  level);

G_END_DECLS
