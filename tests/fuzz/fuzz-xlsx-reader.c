/* fuzz-xlsx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for ScXlsxBook and its sheet streams. The first byte
 * picks what the rest is: a whole archive (mode 0), or the sheet XML,
 * the shared strings or the styles of an otherwise valid workbook built
 * here in memory, so that most inputs reach the XML handling rather
 * than stopping at the archive's checks. Every sheet is read through
 * ScCsvReader, as the importer reads it. Build and run with
 * tests/fuzz/run-fuzz.sh.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <zip.h>

#include "sc-csv-reader.h"
#include "sc-xlsx-reader.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *part_names[] = {
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/worksheets/sheet1.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/worksheets/sheet2.xml",
};

static const char *parts[] = {
  "<Types/>",
  "<Relationships><Relationship Id=\"rId1\" Type=\"" REL "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
  "<workbook " NS " xmlns:r=\"" REL "\"><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"
  "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId4\"/></sheets></workbook>",
  "<Relationships><Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" REL "/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"" REL "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>",
  "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
  "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45292.5</v></c><c r=\"C3\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
  "</sheetData></worksheet>",
  "<sst " NS "><si><t>Id</t></si><si><r><t>Cre</t></r><r><t>ated</t></r></si></sst>",
  "<styleSheet " NS "><numFmts><numFmt numFmtId=\"164\" formatCode=\"[h]:mm\"/></numFmts>"
  "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>",
  "<worksheet " NS "><sheetData><row><c t=\"b\"><v>1</v></c><c s=\"2\"><v>1.25</v></c></row></sheetData></worksheet>",
};

/* The workbook with part @replace (an index into parts) replaced by
 * @data, as an uncompressed archive in memory. */
static GBytes *
build_book (guint          replace,
            const uint8_t *data,
            size_t         size)
{
  zip_source_t *source = zip_source_buffer_create (NULL, 0, 0, NULL);
  zip_t *zip = zip_open_from_source (source, ZIP_TRUNCATE, NULL);
  zip_stat_t stat;
  guint8 *out;

  g_assert (zip != NULL);
  zip_source_keep (source);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const void *content = i == replace ? (const void *) data : parts[i];
      gsize len = i == replace ? size : strlen (parts[i]);
      zip_int64_t index = zip_file_add (zip, part_names[i],
                                        zip_source_buffer (zip, content, len, 0), 0);

      zip_set_file_compression (zip, index, ZIP_CM_STORE, 0);
    }
  g_assert (zip_close (zip) == 0);
  zip_source_open (source);
  zip_source_stat (source, &stat);
  out = g_malloc (stat.size);
  g_assert (zip_source_read (source, out, stat.size) == (zip_int64_t) stat.size);
  zip_source_close (source);
  zip_source_free (source);
  return g_bytes_new_take (out, stat.size);
}

static guint64
read_sheet (ScXlsxBook *book,
            const char *sheet,
            gsize       chunk)
{
  g_autoptr(ScXlsxStream) stream = sc_xlsx_book_open_sheet (book, sheet, NULL);
  g_autoptr(ScCsvReader) reader = NULL;
  const ScCsvRecord *rec;
  guint64 sum = 0;

  if (stream == NULL)
    return 0;
  reader = sc_xlsx_stream_new_csv_reader (stream);
  /* Small reads cut the sheet's CSV anywhere, and keep runs fast. */
  sc_csv_reader_set_chunk_size (reader, chunk);
  if (!sc_csv_reader_open (reader, NULL, NULL))
    return 0;
  while ((rec = sc_csv_reader_next (reader, NULL)) != NULL)
    for (guint i = 0; i < rec->n_fields; i++)
      sum += rec->fields[i].len + (guint64) rec->line;
  g_assert (sc_xlsx_stream_get_bytes_read (stream) <= sc_xlsx_stream_get_total_bytes (stream) ||
            sc_xlsx_stream_get_total_bytes (stream) == 0);
  return sum;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScXlsxBook) book = NULL;
  guint64 sum = 0;
  /* Whole archive, sheet 1, shared strings, styles, workbook, its rels. */
  static const int modes[] = { -1, 4, 5, 6, 2, 3 };
  int mode;

  if (size == 0)
    return 0;
  mode = modes[data[0] % G_N_ELEMENTS (modes)];
  if (mode < 0)
    bytes = g_bytes_new (data + 1, size - 1);
  else
    bytes = build_book (mode, data + 1, size - 1);
  book = sc_xlsx_book_new_for_bytes (bytes, NULL);
  if (book == NULL)
    return 0;
  for (const char * const *s = sc_xlsx_book_get_sheets (book); *s != NULL; s++)
    sum += read_sheet (book, *s, 1 + size % 509);
  return sum == G_MAXUINT64;
}
