/* sc-xlsx-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-csv-reader.h"

G_BEGIN_DECLS

#define SC_TYPE_XLSX_BOOK (sc_xlsx_book_get_type ())
G_DECLARE_FINAL_TYPE (ScXlsxBook, sc_xlsx_book, SC, XLSX_BOOK, GObject)

#define SC_TYPE_XLSX_STREAM (sc_xlsx_stream_get_type ())
G_DECLARE_FINAL_TYPE (ScXlsxStream, sc_xlsx_stream, SC, XLSX_STREAM, GInputStream)

gboolean            sc_xlsx_is_zip_file               (const char    *path);
gboolean            sc_xlsx_is_encrypted_file         (const char    *path);

ScXlsxBook         *sc_xlsx_book_new_for_path         (const char    *path,
                                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
ScXlsxBook         *sc_xlsx_book_new_for_bytes        (GBytes        *bytes,
                                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
const char * const *sc_xlsx_book_get_sheets           (ScXlsxBook    *self);
const char         *sc_xlsx_book_get_default_sheet    (ScXlsxBook    *self);
const char         *sc_xlsx_book_find_sheet           (ScXlsxBook    *self,
                                                       const char    *sheet,
                                                       GError       **error);
ScXlsxStream       *sc_xlsx_book_open_sheet           (ScXlsxBook    *self,
                                                       const char    *sheet,
                                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;

ScCsvReader        *sc_xlsx_stream_new_csv_reader     (ScXlsxStream  *self) G_GNUC_WARN_UNUSED_RESULT;
guint64             sc_xlsx_stream_get_bytes_read     (ScXlsxStream  *self);
guint64             sc_xlsx_stream_get_total_bytes    (ScXlsxStream  *self);

G_END_DECLS
