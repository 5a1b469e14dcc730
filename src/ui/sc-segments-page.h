/* sc-segments-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-engine.h"
#include "sc-view-state.h"

G_BEGIN_DECLS

#define SC_TYPE_SEGMENTS_PAGE (sc_segments_page_get_type ())
G_DECLARE_FINAL_TYPE (ScSegmentsPage, sc_segments_page, SC, SEGMENTS_PAGE, GtkWidget)

ScSegmentsPage      *sc_segments_page_new            (void) G_GNUC_WARN_UNUSED_RESULT;
const ScDimension   *sc_segments_page_list_builtin_dimensions (guint *n_dims);
void                 sc_segments_page_set_view_state (ScSegmentsPage *self,
                                                      ScViewState    *state);
void                 sc_segments_page_set_engine     (ScSegmentsPage *self,
                                                      ScEngine       *engine);
void                 sc_segments_page_reload         (ScSegmentsPage *self);
ScMetricId           sc_segments_page_get_metric     (ScSegmentsPage *self);
void                 sc_segments_page_set_metric     (ScSegmentsPage *self,
                                                      ScMetricId      metric);
ScDimension          sc_segments_page_get_dimension  (ScSegmentsPage *self);
void                 sc_segments_page_set_dimension  (ScSegmentsPage *self,
                                                      ScDimension     dim);
gboolean             sc_segments_page_drill          (ScSegmentsPage *self,
                                                      const char     *segment);
gboolean             sc_segments_page_back           (ScSegmentsPage *self);
guint                sc_segments_page_get_drill_depth (ScSegmentsPage *self);
gboolean             sc_segments_page_is_loading     (ScSegmentsPage *self);
const ScQueryResult *sc_segments_page_get_result     (ScSegmentsPage *self);
const ScDrivers     *sc_segments_page_get_drivers    (ScSegmentsPage *self);
GtkWidget           *sc_segments_page_get_chart      (ScSegmentsPage *self);

G_END_DECLS
