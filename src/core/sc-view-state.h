/* sc-view-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every view looks at: the period, what it is compared with, and the
 * filters. One object per window; views listen to ::changed and apply it
 * to their queries. Free of GTK so that it is tested without a display.
 */

#pragma once

#include <glib-object.h>

#include "sc-query.h"

G_BEGIN_DECLS

typedef enum
{
  SC_PERIOD_MONTH,
  SC_PERIOD_QUARTER,
  SC_PERIOD_YEAR,
  SC_PERIOD_CUSTOM,
} ScPeriodKind;

#define SC_TYPE_VIEW_STATE (sc_view_state_get_type ())
G_DECLARE_FINAL_TYPE (ScViewState, sc_view_state, SC, VIEW_STATE, GObject)

ScViewState  *sc_view_state_new               (void) G_GNUC_WARN_UNUSED_RESULT;
ScPeriodKind  sc_view_state_get_kind          (ScViewState  *self);
gint32        sc_view_state_get_from          (ScViewState  *self);
gint32        sc_view_state_get_to            (ScViewState  *self);
gboolean      sc_view_state_has_period        (ScViewState  *self);
ScComparison  sc_view_state_get_comparison    (ScViewState  *self);
GPtrArray    *sc_view_state_get_filters       (ScViewState  *self);
ScGrain       sc_view_state_get_trend_grain   (ScViewState  *self);

void          sc_view_state_set_period        (ScViewState  *self,
                                               ScPeriodKind  kind,
                                               gint32        from_day,
                                               gint32        to_day);
void          sc_view_state_set_kind          (ScViewState  *self,
                                               ScPeriodKind  kind);
void          sc_view_state_step              (ScViewState  *self,
                                               int           direction);
void          sc_view_state_set_comparison    (ScViewState  *self,
                                               ScComparison  comparison);
void          sc_view_state_add_filter        (ScViewState  *self,
                                               ScDimension   dim,
                                               const char   *value);
void          sc_view_state_remove_filter     (ScViewState  *self,
                                               ScDimension   dim,
                                               const char   *value);
void          sc_view_state_clear_filters     (ScViewState  *self);

void          sc_view_state_apply             (ScViewState  *self,
                                               ScQuery      *query);
gboolean      sc_view_state_get_comparison_range (ScViewState *self,
                                                  gint32      *from_day,
                                                  gint32      *to_day);
char         *sc_view_state_dup_period_label  (ScViewState  *self) G_GNUC_WARN_UNUSED_RESULT;
char         *sc_view_state_dup_comparison_label (ScViewState *self) G_GNUC_WARN_UNUSED_RESULT;
char         *sc_view_state_dup_against_label (ScViewState  *self) G_GNUC_WARN_UNUSED_RESULT;
gint32        sc_latest_complete_month        (gint64        last_created,
                                               gint64        now,
                                               GTimeZone    *zone);
char         *sc_format_day_range             (gint32        from_day,
                                               gint32        to_day) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
