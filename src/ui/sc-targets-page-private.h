/* sc-targets-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of the targets page shared between sc-targets-page.c (the
 * table, the bullets, editing in place, undo),
 * sc-targets-page-dialogs.c (a range of months, a segment override) and
 * sc-targets-page-segments.c (the "By segment" table).
 */

#pragma once

#include "sc-bullet-painter.h"
#include "sc-compute.h"
#include "sc-dimension-choice.h"
#include "sc-target.h"
#include "sc-targets-page.h"
#include "sc-toast-slot.h"

G_BEGIN_DECLS

/* One line of the table: a metric for all interactions, or one of its
 * segment overrides, in the month shown. */
typedef struct
{
  ScMetricId    metric;
  char         *segment;          /* canonical key, "" for all */
  ScTarget     *target;           /* the one that applies, or NULL */
  ScBaseline   *baseline;         /* the one that applies, or NULL */
  double        baseline_value;   /* NaN without one or without data */
  double        actual;           /* NaN without data */
  gint64        n;
  ScAttainment  attainment;
  guint         months_met;       /* months of the year so far on target */
  guint         months_targeted;  /* … and with a target at all */
} ScTargetsRow;

struct _ScTargetsPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *period_label;
  GtkLabel          *summary_label;
  GtkDrawingArea    *bullets;
  GtkListBox        *list;
  GtkDropDown       *segment_dropdown;
  GtkWidget         *segment_spinner;
  GtkLabel          *segment_summary;
  GtkStack          *segment_stack;
  GtkListBox        *segment_list;
  GtkLabel          *segment_empty_title;
  GtkLabel          *segment_empty_description;

  ScStore           *store;
  ScEngine          *engine;
  ScTargetHistory   *history;
  GCancellable      *cancellable;
  gint32             period_start;   /* as set; 0 for the last complete month */
  gint32             period_end;
  gint32             shown_start;    /* of what is shown */
  gint32             shown_end;
  GPtrArray         *rows;           /* of ScTargetsRow */
  ScMetricSettings  *settings;
  ScBulletPainter   *painter;
  GtkSizeGroup      *columns[6];
  ScToastSlot        toast;

  /* "By segment" (sc-targets-page-segments.c) */
  ScViewState       *state;
  ScComputeSlot      segment_slot;
  ScDimensionChoice  segment_dims;
  GPtrArray         *segment_rows;     /* of ScSegmentTarget, as shown */
  char              *segment_filters;  /* the view's filters computed with */
  GtkSizeGroup      *segment_columns[6];
  guint              loading : 1;
  guint              pending : 1;
};

const ScTargetsRow *_sc_targets_page_get_row     (ScTargetsPage      *self,
                                                  int                 index);
ScTargetPeriod      _sc_targets_page_new_period  (ScTargetsPage      *self);
void                _sc_targets_page_report      (ScTargetsPage      *self,
                                                  gboolean            ok,
                                                  const GError       *error);
void                _sc_targets_page_set_months  (ScTargetsPage      *self,
                                                  const ScTargetsRow *row);
void                _sc_targets_page_add_override (ScTargetsPage     *self,
                                                  const ScTargetsRow *row);

void                _sc_targets_page_init_segments    (ScTargetsPage *self);
void                _sc_targets_page_dispose_segments (ScTargetsPage *self);
void                _sc_targets_page_reload_segments  (ScTargetsPage *self);

char               *_sc_targets_format_value      (ScMetricId          metric,
                                                  double              value) G_GNUC_WARN_UNUSED_RESULT;
char               *_sc_targets_format_attainment (double              attainment) G_GNUC_WARN_UNUSED_RESULT;
void                _sc_targets_clear_table       (GtkListBox         *list,
                                                  GtkSizeGroup      **columns,
                                                  guint               n_columns);
GtkWidget          *_sc_targets_header_row        (const char         *first,
                                                  const char * const *titles,
                                                  guint               n_titles,
                                                  guint               n_left,
                                                  GtkSizeGroup      **columns);
GtkWidget          *_sc_targets_text_cell         (const char         *text,
                                                  const char         *css_class);
GtkWidget          *_sc_targets_two_line_cell     (const char         *text,
                                                  const char         *caption,
                                                  float               xalign);

G_END_DECLS
