/* sc-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a manager sees before an import runs: the detected export type
 * (changeable), the sheet of a workbook, the time zone and date order,
 * each column's field with samples and the share that parses, and the
 * first rows as they would be read with the rejected ones marked. The
 * preview is computed off the main thread, again after every change.
 */

#pragma once

#include <adwaita.h>

#include "sc-parse.h"
#include "sc-preset.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORT_DIALOG (sc_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScImportDialog, sc_import_dialog, SC, IMPORT_DIALOG, AdwWindow)

ScImportDialog *sc_import_dialog_new            (GtkWindow      *parent,
                                                 const char     *store_path,
                                                 const char     *file_path) G_GNUC_WARN_UNUSED_RESULT;
const char     *sc_import_dialog_get_file_path  (ScImportDialog *self);
const char     *sc_import_dialog_get_preset_id  (ScImportDialog *self);
ScPreset       *sc_import_dialog_get_preset     (ScImportDialog *self);
const char     *sc_import_dialog_get_sheet      (ScImportDialog *self);
GTimeZone      *sc_import_dialog_get_time_zone  (ScImportDialog *self);
ScDateOrder     sc_import_dialog_get_date_order (ScImportDialog *self);
gboolean        sc_import_dialog_is_loading     (ScImportDialog *self);
void            sc_import_dialog_set_preset_id  (ScImportDialog *self,
                                                 const char     *preset_id);
void            sc_import_dialog_set_date_order (ScImportDialog *self,
                                                 ScDateOrder     order);

G_END_DECLS
