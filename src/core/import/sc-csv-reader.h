/* sc-csv-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * ScCsvEncoding:
 * @SC_CSV_ENCODING_UTF8: UTF-8 (with or without a byte-order mark)
 * @SC_CSV_ENCODING_UTF16LE: UTF-16, little endian, converted to UTF-8
 * @SC_CSV_ENCODING_UTF16BE: UTF-16, big endian, converted to UTF-8
 * @SC_CSV_ENCODING_WINDOWS_1252: Windows-1252, converted to UTF-8
 * @SC_CSV_ENCODING_LATIN1: ISO-8859-1, converted to UTF-8
 *
 * The character encoding the reader found in a file.
 */
typedef enum
{
  SC_CSV_ENCODING_UTF8,
  SC_CSV_ENCODING_UTF16LE,
  SC_CSV_ENCODING_UTF16BE,
  SC_CSV_ENCODING_WINDOWS_1252,
  SC_CSV_ENCODING_LATIN1,
} ScCsvEncoding;

/**
 * ScCsvField:
 * @data: the field's text; not NUL-terminated
 * @len: its length in bytes
 *
 * A view of one field of a record, valid until the next call to
 * sc_csv_reader_next().
 */
typedef struct
{
  const char *data;
  gsize       len;
} ScCsvField;

/**
 * ScCsvRecord:
 * @line: the physical line (1-based) the record starts on
 * @number: the data record number (1-based, the header not counted)
 * @n_fields: the number of fields
 * @fields: the fields
 * @raw: the record as it stands in the (converted) file, without its line end
 * @raw_len: the length of @raw in bytes
 * @bad_utf8_field: the index of the first field that is not valid UTF-8,
 *   or -1 when the whole record is valid
 * @unterminated: %TRUE when the file ended inside a quoted field
 *
 * One record. Every pointer is valid until the next call to
 * sc_csv_reader_next().
 */
typedef struct
{
  gint64            line;
  gint64            number;
  guint             n_fields;
  const ScCsvField *fields;
  const char       *raw;
  gsize             raw_len;
  int               bad_utf8_field;
  gboolean          unterminated;
} ScCsvRecord;

typedef struct _ScCsvReader ScCsvReader;

ScCsvReader        *sc_csv_reader_new             (GInputStream  *stream) G_GNUC_WARN_UNUSED_RESULT;
ScCsvReader        *sc_csv_reader_new_for_path    (const char    *path,
                                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;
ScCsvReader        *sc_csv_reader_new_for_data    (const char    *data,
                                                   gsize          len) G_GNUC_WARN_UNUSED_RESULT;
void                sc_csv_reader_free            (ScCsvReader   *self);

void                sc_csv_reader_set_chunk_size  (ScCsvReader   *self,
                                                   gsize          size);
void                sc_csv_reader_set_record_lines (ScCsvReader  *self,
                                                   gboolean       record_lines);
void                sc_csv_reader_set_delimiter   (ScCsvReader   *self,
                                                   char           delimiter);
gboolean            sc_csv_reader_open            (ScCsvReader   *self,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
const ScCsvRecord  *sc_csv_reader_next            (ScCsvReader   *self,
                                                   GError       **error);

char                sc_csv_reader_get_delimiter   (ScCsvReader   *self);
ScCsvEncoding       sc_csv_reader_get_encoding    (ScCsvReader   *self);
guint               sc_csv_reader_get_n_columns   (ScCsvReader   *self);
const char * const *sc_csv_reader_get_header      (ScCsvReader   *self);
gint64              sc_csv_reader_get_header_line (ScCsvReader   *self);
guint64             sc_csv_reader_get_bytes_read  (ScCsvReader   *self);
char               *sc_csv_reader_dup_checksum    (ScCsvReader   *self);
const char * const *sc_csv_reader_get_notices     (ScCsvReader   *self);

const char         *sc_csv_encoding_get_name      (ScCsvEncoding  encoding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCsvReader, sc_csv_reader_free)

G_END_DECLS
