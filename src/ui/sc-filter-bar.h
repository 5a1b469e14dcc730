/* sc-filter-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-engine.h"
#include "sc-view-state.h"

G_BEGIN_DECLS

#define SC_TYPE_FILTER_BAR (sc_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (ScFilterBar, sc_filter_bar, SC, FILTER_BAR, GtkWidget)

ScFilterBar *sc_filter_bar_new          (ScViewState *state) G_GNUC_WARN_UNUSED_RESULT;
void         sc_filter_bar_set_engine   (ScFilterBar *self,
                                         ScEngine    *engine);
void         sc_filter_bar_open_popover (ScFilterBar *self);
GtkWidget   *sc_filter_bar_get_button   (ScFilterBar *self);

G_END_DECLS
