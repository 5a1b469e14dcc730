/* sc-targets-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of the targets page shared between sc-targets-page.c (the
 * table, the bullets, editing in place, undo) and
 * sc-targets-page-dialogs.c (a range of months, a segment override).
 */

#pragma once

#include "sc-bullet-painter.h"
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

G_END_DECLS
