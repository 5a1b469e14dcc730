/* sc-notes-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-metric.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_NOTES_POPOVER (sc_notes_popover_get_type ())

G_DECLARE_FINAL_TYPE (ScNotesPopover, sc_notes_popover, SC, NOTES_POPOVER, GtkPopover)

ScNotesPopover *sc_notes_popover_new       (void) G_GNUC_WARN_UNUSED_RESULT;
void            sc_notes_popover_set_store (ScNotesPopover *self,
                                            ScStore        *store);
void            sc_notes_popover_set_scope (ScNotesPopover *self,
                                            ScMetricId      metric,
                                            gint32          first_day,
                                            gint32          last_day);
GPtrArray      *sc_notes_popover_get_notes (ScNotesPopover *self);
gboolean        sc_notes_popover_add       (ScNotesPopover *self,
                                            const char     *day,
                                            const char     *text,
                                            gboolean        this_metric_only,
                                            GError        **error);

G_END_DECLS
