/* sc-fold.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Folds the rows an export writes for one interaction into one record:
 * the segments of a call (Amazon Connect, Genesys and Talkdesk write a row
 * per queue or agent a transferred call passes through), or the events of
 * a ticket's life (an audit or process-mining log writes a row per status
 * change). Rows of one interaction share its external id and may come in
 * any order; the folder keeps one record per id that has several rows
 * until the last of them.
 */

#pragma once

#include <glib.h>

#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScFoldMode:
 * @SC_FOLD_NONE: a row is an interaction
 * @SC_FOLD_SEGMENTS: rows are parts of a call or chat: its times span
 *   them, its durations add up, it is abandoned when every part is, and
 *   the other fields come from the latest part
 * @SC_FOLD_EVENTS: rows are events of a ticket, each at its created_at:
 *   the ticket was created at the first, resolved at the first event in a
 *   resolved state, reopened each time a resolved state is left, is
 *   resolved when its last event is, and keeps the last value of every
 *   other field
 */
typedef enum
{
  SC_FOLD_NONE,
  SC_FOLD_SEGMENTS,
  SC_FOLD_EVENTS,
} ScFoldMode;

typedef struct _ScFolder ScFolder;

typedef gboolean (*ScFolderFunc) (const ScInteraction  *record,
                                  gpointer              user_data,
                                  GError              **error);

gboolean    sc_fold_mode_from_string (const char          *name,
                                      ScFoldMode          *mode);
const char *sc_fold_mode_to_string   (ScFoldMode           mode);

ScFolder   *sc_folder_new            (ScFoldMode           mode) G_GNUC_WARN_UNUSED_RESULT;
void        sc_folder_free           (ScFolder            *self);
gboolean    sc_folder_add            (ScFolder            *self,
                                      const ScInteraction *row,
                                      ScFolderFunc         func,
                                      gpointer             user_data,
                                      GError             **error);
guint64     sc_folder_get_n_rows     (ScFolder            *self);
guint64     sc_folder_get_n_records  (ScFolder            *self);
void        sc_folder_count_id       (ScFolder            *self,
                                      const char          *id,
                                      gsize                len);
gboolean    sc_folder_id_repeats     (ScFolder            *self,
                                      const char          *id);
void        sc_folder_fold_one       (ScFolder            *self,
                                      const ScInteraction *row,
                                      ScInteraction       *record);
gboolean    sc_folder_foreach        (ScFolder            *self,
                                      ScFolderFunc         func,
                                      gpointer             user_data,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScFolder, sc_folder_free)

G_END_DECLS
