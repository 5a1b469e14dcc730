/* sc-target-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing targets and baselines with undo and redo. Every edit is an
 * operation that keeps what it changed and what was there before; doing,
 * undoing and redoing it each write through the store at once, in one
 * transaction, and emit #ScTargetHistory::changed so every view can
 * refresh. Undo writes a new version (the old value again), so the
 * version history stays true to what was in force when.
 *
 * The user interface binds sc_target_history_undo() and
 * sc_target_history_redo() to Ctrl+Z and Shift+Ctrl+Z, their sensitivity
 * to #ScTargetHistory:can-undo and #ScTargetHistory:can-redo, and the
 * toast to #ScTargetHistory:undo-label.
 */

#pragma once

#include <glib-object.h>

#include "sc-store-targets.h"

G_BEGIN_DECLS

#define SC_TYPE_TARGET_HISTORY (sc_target_history_get_type ())
G_DECLARE_FINAL_TYPE (ScTargetHistory, sc_target_history, SC, TARGET_HISTORY, GObject)

/**
 * ScClockFunc:
 * @user_data: the data given with the function
 *
 * Returns: the current time in Unix seconds
 */
typedef gint64 (*ScClockFunc) (gpointer user_data);

ScTargetHistory *sc_target_history_new              (ScStore               *store) G_GNUC_WARN_UNUSED_RESULT;
ScStore         *sc_target_history_get_store        (ScTargetHistory       *self);
gboolean         sc_target_history_get_can_undo     (ScTargetHistory       *self);
gboolean         sc_target_history_get_can_redo     (ScTargetHistory       *self);
const char      *sc_target_history_get_undo_label   (ScTargetHistory       *self);
const char      *sc_target_history_get_redo_label   (ScTargetHistory       *self);
void             sc_target_history_set_clock        (ScTargetHistory       *self,
                                                     ScClockFunc            clock,
                                                     gpointer               user_data);

gboolean         sc_target_history_apply_targets    (ScTargetHistory       *self,
                                                     const char            *label,
                                                     const ScTargetEdit    *edits,
                                                     guint                  n_edits,
                                                     GError               **error);
gboolean         sc_target_history_apply_baselines  (ScTargetHistory       *self,
                                                     const char            *label,
                                                     const ScBaselineEdit  *edits,
                                                     guint                  n_edits,
                                                     GError               **error);
gboolean         sc_target_history_set_target       (ScTargetHistory       *self,
                                                     const ScTarget        *target,
                                                     GError               **error);
gboolean         sc_target_history_unset_target     (ScTargetHistory       *self,
                                                     ScMetricId             metric,
                                                     const char            *segment,
                                                     const ScTargetPeriod  *period,
                                                     GError               **error);
gboolean         sc_target_history_set_months       (ScTargetHistory       *self,
                                                     const ScTarget        *first,
                                                     gint32                 last_month,
                                                     double                 end_value,
                                                     GError               **error);
gboolean         sc_target_history_set_baseline     (ScTargetHistory       *self,
                                                     const ScBaseline      *baseline,
                                                     GError               **error);
gboolean         sc_target_history_unset_baseline  (ScTargetHistory       *self,
                                                     ScMetricId             metric,
                                                     const char            *segment,
                                                     GError               **error);
gboolean         sc_target_history_undo             (ScTargetHistory       *self,
                                                     GError               **error);
gboolean         sc_target_history_redo             (ScTargetHistory       *self,
                                                     GError               **error);
void             sc_target_history_clear            (ScTargetHistory       *self);

GPtrArray       *sc_target_glide_path               (const ScTarget        *first,
                                                     gint32                 last_month,
                                                     double                 end_value) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
