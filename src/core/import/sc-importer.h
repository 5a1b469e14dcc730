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

/**
 * ScImportPreviewColumn:
 * @header: the column's name in the file
 * @field: (nullable): the field of the preset it fills, or %NULL when
 *   the column is not used
 * @samples: (array zero-terminated=1): up to three different non-empty
 *   values, as the file has them
 * @unparsed: (array zero-terminated=1): up to 24 different values the
 *   field's parser does not read, as the file has them: the words a
 *   mapping by hand may give a meaning
 * @time_of_day: whether the column holds the time of day of @field, whose
 *   date is in another column
 * @repeat: whether @field reads the column together with an earlier one
 *   of the same name (a second Labels column in a Jira export)
 * @picks_rows: whether the column's value picks the rows the export type
 *   reads (an audit log's field name)
 * @dimension: (nullable): when no field reads the column and the preset
 *   keeps it as a dimension of its own, that dimension's label
 * @n_values: non-empty values in the rows looked at
 * @n_parsed: of those, how many the field's parser accepts
 *
 * One column of the file and what the preset makes of it.
 */
typedef struct
{
  char    *header;
  char    *field;
  char   **samples;
  char   **unparsed;
  gboolean time_of_day;
  gboolean repeat;
  gboolean picks_rows;
  char    *dimension;
  guint64  n_values;
  guint64  n_parsed;
} ScImportPreviewColumn;

/**
 * ScImportPreviewRow:
 * @line: the row's line in the file (row number in a sheet)
 * @values: (array zero-terminated=1): per column of the header, the value
 *   as the importer reads it (a timestamp with its offset, a duration in
 *   h:mm:ss, a score as a number) or the file's text for columns not used
 *   and values that do not parse
 * @reason: (nullable): why the import would reject the row, the text the
 *   import history keeps; %NULL for a row that would be stored
 * @reject_column: the column the reason is about, or -1
 * @skipped: whether the export type does not read the row at all (an
 *   audit log's change of another field than the state); @values are
 *   then the file's text
 *
 * One row of the file as the import would read it.
 */
typedef struct
{
  gint64   line;
  char   **values;
  char    *reason;
  int      reject_column;
  gboolean skipped;
} ScImportPreviewRow;

/**
 * ScImportPreview:
 * @preset_id: the preset used (detected or chosen)
 * @confidence: how well it fits the header (0–1)
 * @detected_id: the preset auto-detection picks for this header
 * @preset_ids: (array zero-terminated=1): the ids of every preset
 * @preset_names: (array zero-terminated=1): their names, in the same order
 * @record: what a row becomes with the preset used
 * @kind: the kind of interaction of the preset used
 * @preset: the preset used
 * @sheets: (array zero-terminated=1) (nullable): the sheets of a workbook,
 *   %NULL for a CSV file
 * @sheet: (nullable): the sheet read
 * @time_zone: the identifier of the zone timestamps without an offset are
 *   read in
 * @columns: (element-type ScImportPreviewColumn): the file's columns
 * @rows: (element-type ScImportPreviewRow): the first rows
 * @rows_checked: rows the column statistics are over
 * @rows_rejected: of those, how many the import would reject
 * @notices: (array zero-terminated=1): what the import would assume
 *
 * What importing a file would do, worked out from its first rows without
 * writing anything.
 */
typedef struct
{
  char       *preset_id;
  double      confidence;
  char       *detected_id;
  char      **preset_ids;
  char      **preset_names;
  ScRecordType record;
  ScKind      kind;
  ScPreset   *preset;
  char      **sheets;
  char       *sheet;
  char       *time_zone;
  GPtrArray  *columns;
  GPtrArray  *rows;
  guint64     rows_checked;
  guint64     rows_rejected;
  char      **notices;
} ScImportPreview;

void            sc_import_preview_free (ScImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScImportPreview, sc_import_preview_free)

#define SC_TYPE_IMPORTER (sc_importer_get_type ())
G_DECLARE_FINAL_TYPE (ScImporter, sc_importer, SC, IMPORTER, GObject)

ScImporter     *sc_importer_new               (ScStore              *store) G_GNUC_WARN_UNUSED_RESULT;
void            sc_importer_set_preset        (ScImporter           *self,
                                               const char           *preset_id);
void            sc_importer_set_preset_object (ScImporter           *self,
                                               ScPreset             *preset);
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

ScImportPreview *sc_importer_preview         (ScImporter           *self,
                                               const char           *path,
                                               guint                 max_rows,
                                               GCancellable         *cancellable,
                                               GError              **error) G_GNUC_WARN_UNUSED_RESULT;

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
