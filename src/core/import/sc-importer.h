/* sc-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-parse.h"
#include "sc-preset.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScImportResult:
 * @counts: rows read, inserted, updated, unchanged, rejected
 * @import_id: the id of the import in the store's history
 * @preset_id: the preset used
 * @confidence: how well the preset fitted the header (0–1)
 * @rejects_by_reason: reason code ("bad_date", "invalid_utf8", …) → count
 *   (GINT_TO_POINTER)
 * @notices: (array zero-terminated=1): what the import changed or assumed
 *
 * What an import did.
 */
typedef struct
{
  ScImportCounts  counts;
  gint64          import_id;
  char           *preset_id;
  double          confidence;
  GHashTable     *rejects_by_reason;
  char          **notices;
} ScImportResult;

ScImportResult *sc_import_result_copy (const ScImportResult *result) G_GNUC_WARN_UNUSED_RESULT;
void            sc_import_result_free (ScImportResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScImportResult, sc_import_result_free)

/**
 * ScImportProgressFunc:
 * @rows: records read so far
 * @bytes: bytes of the file read so far
 * @total_bytes: the file's size, or 0 when unknown
 * @user_data: the data given with the function
 *
 * Called from the importing thread every few thousand rows.
 */
typedef void (*ScImportProgressFunc) (guint64  rows,
                                      guint64  bytes,
                                      guint64  total_bytes,
                                      gpointer user_data);

#define SC_TYPE_IMPORTER (sc_importer_get_type ())
G_DECLARE_FINAL_TYPE (ScImporter, sc_importer, SC, IMPORTER, GObject)

ScImporter     *sc_importer_new               (ScStore              *store) G_GNUC_WARN_UNUSED_RESULT;
void            sc_importer_set_preset        (ScImporter           *self,
                                               const char           *preset_id);
void            sc_importer_set_source        (ScImporter           *self,
                                               const char           *source);
void            sc_importer_set_sheet         (ScImporter           *self,
                                               const char           *sheet);
void            sc_importer_set_time_zone     (ScImporter           *self,
                                               GTimeZone            *zone);
void            sc_importer_set_date_order    (ScImporter           *self,
                                               ScDateOrder           order);
void            sc_importer_set_dry_run       (ScImporter           *self,
                                               gboolean              dry_run);
void            sc_importer_set_progress_func (ScImporter           *self,
                                               ScImportProgressFunc  func,
                                               gpointer              user_data,
                                               GDestroyNotify        destroy);

ScImportResult *sc_importer_run               (ScImporter           *self,
                                               const char           *path,
                                               GCancellable         *cancellable,
                                               GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void            sc_importer_run_async         (ScImporter           *self,
                                               const char           *path,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
ScImportResult *sc_importer_run_finish        (ScImporter           *self,
                                               GAsyncResult         *result,
                                               GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
