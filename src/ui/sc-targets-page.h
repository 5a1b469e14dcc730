/* sc-targets-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-engine.h"
#include "sc-segment-targets.h"
#include "sc-target-history.h"
#include "sc-view-state.h"

G_BEGIN_DECLS

#define SC_TYPE_TARGETS_PAGE (sc_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (ScTargetsPage, sc_targets_page, SC, TARGETS_PAGE, GtkWidget)

ScTargetsPage   *sc_targets_page_new         (void);
void             sc_targets_page_set_store   (ScTargetsPage *self,
                                              ScStore       *store,
                                              ScEngine      *engine);
void             sc_targets_page_reload      (ScTargetsPage *self);
void             sc_targets_page_set_period  (ScTargetsPage *self,
                                              gint32         first_day,
                                              gint32         last_day);
gboolean         sc_targets_page_is_loading  (ScTargetsPage *self);
ScTargetHistory *sc_targets_page_get_history (ScTargetsPage *self);
void             sc_targets_page_set_view_state (ScTargetsPage *self,
                                              ScViewState   *state);
ScDimension      sc_targets_page_get_segment_dimension (ScTargetsPage *self);
void             sc_targets_page_set_segment_dimension (ScTargetsPage *self,
                                              ScDimension    dim);
GPtrArray       *sc_targets_page_get_segment_targets (ScTargetsPage *self);

G_END_DECLS
