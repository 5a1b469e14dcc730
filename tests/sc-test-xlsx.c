/* sc-test-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <zip.h>

#include "sc-csv-reader.h"
#include "sc-parse.h"
#include "sc-test-xlsx.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define PKG_RELS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct
{
  FILE       *sheet;
  GHashTable *index;     /* string → its number + 1 */
  GPtrArray  *strings;
} Writer;

static void
append_column (GString *s,
               guint    column)
{
  char letters[4];
  int n = 0;

  for (column++; column > 0; column = (column - 1) / 26)
    letters[n++] = 'A' + (column - 1) % 26;
  while (n > 0)
    g_string_append_c (s, letters[--n]);
}

static guint
intern (Writer     *w,
        const char *text)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (w->index, text));

  if (n == 0)
    {
      char *copy = g_strdup (text);

      g_ptr_array_add (w->strings, copy);
      n = w->strings->len;
      g_hash_table_insert (w->index, copy, GUINT_TO_POINTER (n));
    }
  return n - 1;
}

/* "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS…" as serial days (the
 * wall clock; an offset is dropped). */
static gboolean
serial_of (const char *text,
           double     *serial)
{
  int y, mo, d, h, mi, s;

  if (strlen (text) < 19 || (text[10] != ' ' && text[10] != 'T') ||
      sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) != 3 ||
      sscanf (text + 11, "%2d:%2d:%2d", &h, &mi, &s) != 3)
    return FALSE;
  *serial = sc_parse_days_from_civil (y, mo, d) - sc_parse_days_from_civil (1899, 12, 30) +
            (h * 3600 + mi * 60 + s) / 86400.0;
  return TRUE;
}

static gboolean
is_number (const char *text)
{
  gsize digits = strspn (text, "0123456789");

  if (digits == 0 || (text[0] == '0' && digits > 1))
    return FALSE;
  if (text[digits] == '.')
    return text[digits + 1] != '\0' && text[digits + 1 + strspn (text + digits + 1, "0123456789")] == '\0';
  return text[digits] == '\0';
}

static void
write_row (Writer             *w,
           guint               number,
           const char * const *fields,
           guint               n_fields,
           gboolean            typed)
{
  g_autoptr(GString) row = g_string_new (NULL);

  g_string_append_printf (row, "<row r=\"%u\">", number);
  for (guint i = 0; i < n_fields; i++)
    {
      double serial;

      if (fields[i][0] == '\0')
        continue;
      g_string_append (row, "<c r=\"");
      append_column (row, i);
      g_string_append_printf (row, "%u\"", number);
      if (typed && serial_of (fields[i], &serial))
        g_string_append_printf (row, " s=\"1\"><v>%.8f</v></c>", serial);
      else if (typed && is_number (fields[i]))
        g_string_append_printf (row, "><v>%s</v></c>", fields[i]);
      else
        g_string_append_printf (row, " t=\"s\"><v>%u</v></c>", intern (w, fields[i]));
    }
  g_string_append (row, "</row>");
  fwrite (row->str, 1, row->len, w->sheet);
}

static void
write_rows (Writer     *w,
            const char *csv_path,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_path (csv_path, &error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char * const *header;
  const ScCsvRecord *rec;
  guint number = 1;

  g_assert_no_error (error);
  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  g_assert_no_error (error);
  if (title != NULL)
    {
      write_row (w, number, &title, 1, FALSE);
      number += 2;
    }
  header = sc_csv_reader_get_header (reader);
  write_row (w, number++, header, g_strv_length ((char **) header), FALSE);
  while ((rec = sc_csv_reader_next (reader, &error)) != NULL)
    {
      g_ptr_array_set_size (fields, 0);
      for (guint i = 0; i < rec->n_fields; i++)
        {
          g_ptr_array_add (fields, g_strndup (rec->fields[i].data, rec->fields[i].len));
        }
      write_row (w, number++, (const char * const *) fields->pdata, fields->len, TRUE);
    }
  g_assert_no_error (error);
}

static void
add_text (zip_t      *zip,
          const char *name,
          const char *text)
{
  zip_source_t *source = zip_source_buffer (zip, g_strdup (text), strlen (text), 1);

  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
}

static void
add_file (zip_t      *zip,
          const char *name,
          const char *path)
{
  zip_source_t *source = zip_source_file (zip, path, 0, -1);

  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
}

static void
write_strings (Writer     *w,
               const char *path)
{
  FILE *f = g_fopen (path, "w");

  g_assert_nonnull (f);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " NS ">", f);
  for (guint i = 0; i < w->strings->len; i++)
    {
      /* XML would turn CR LF into LF; Excel writes CR as _x000D_. */
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (w->strings, i), "\r", -1);
      g_autofree char *joined = g_strjoinv ("_x000D_", parts);
      g_autofree char *escaped = g_markup_escape_text (joined, -1);

      fprintf (f, "<si><t xml:space=\"preserve\">%s</t></si>", escaped);
    }
  fputs ("</sst>", f);
  g_assert_cmpint (fclose (f), ==, 0);
}

/* The workbook part, its relationships and, with @notes, a first sheet
 * of that name holding one line of text. */
static void
add_workbook (zip_t      *zip,
              const char *notes)
{
  g_autofree char *escaped = notes != NULL ? g_markup_escape_text (notes, -1) : NULL;
  g_autofree char *workbook = g_strdup_printf (
    "<workbook " NS " xmlns:r=\"" REL "\"><sheets>%s%s%s"
    "<sheet name=\"Tickets\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    notes ? "<sheet name=\"" : "", notes ? escaped : "", notes ? "\" sheetId=\"2\" r:id=\"rId4\"/>" : "");

  g_autofree char *rels = g_strdup_printf (
    "<Relationships " PKG_RELS ">"
    "<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "/styles\" Target=\"styles.xml\"/>%s</Relationships>",
    notes ? "<Relationship Id=\"rId4\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet2.xml\"/>" : "");

  add_text (zip, "xl/workbook.xml", workbook);
  add_text (zip, "xl/_rels/workbook.xml.rels", rels);
  if (notes != NULL)
    add_text (zip, "xl/worksheets/sheet2.xml",
              "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
              "Exported by the helpdesk; the tickets are on the next sheet.</t></is></c></row>"
              "</sheetData></worksheet>");
}

/**
 * sc_test_xlsx_from_csv_with_notes:
 * @csv_path: a CSV export
 * @xlsx_path: where to write the workbook
 * @title: (nullable): a title in A1, with the header two rows below it
 * @notes: (nullable): the name of a sheet of notes before the export's
 *
 * Writes the export as a workbook whose sheet "Tickets" holds it the way
 * spreadsheet programs do: text in the shared strings, whole and decimal
 * numbers as numbers, timestamps as serial days with format 22, empty
 * cells left out. The sheet goes through a file, so a million rows fit.
 */
void
sc_test_xlsx_from_csv_with_notes (const char *csv_path,
                                  const char *xlsx_path,
                                  const char *title,
                                  const char *notes)
{
  g_autofree char *sheet_path = g_strconcat (xlsx_path, ".sheet.xml", NULL);
  g_autofree char *strings_path = g_strconcat (xlsx_path, ".strings.xml", NULL);
  Writer w = { 0 };
  zip_t *zip;
  int code = 0;

  w.index = g_hash_table_new (g_str_hash, g_str_equal);
  w.strings = g_ptr_array_new_with_free_func (g_free);
  w.sheet = g_fopen (sheet_path, "w");
  g_assert_nonnull (w.sheet);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " NS "><sheetData>", w.sheet);
  write_rows (&w, csv_path, title);
  fputs ("</sheetData></worksheet>", w.sheet);
  g_assert_cmpint (fclose (w.sheet), ==, 0);
  write_strings (&w, strings_path);

  zip = zip_open (xlsx_path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (zip);
  add_text (zip, "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  add_text (zip, "_rels/.rels",
            "<Relationships " PKG_RELS "><Relationship Id=\"rId1\" Type=\"" REL "/officeDocument\" "
            "Target=\"xl/workbook.xml\"/></Relationships>");
  add_workbook (zip, notes);
  add_text (zip, "xl/styles.xml",
            "<styleSheet " NS "><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>");
  add_file (zip, "xl/worksheets/sheet1.xml", sheet_path);
  add_file (zip, "xl/sharedStrings.xml", strings_path);
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_unlink (sheet_path);
  g_unlink (strings_path);
  g_hash_table_unref (w.index);
  g_ptr_array_unref (w.strings);
}

/**
 * sc_test_xlsx_from_csv:
 * @csv_path: a CSV export
 * @xlsx_path: where to write the workbook
 * @title: (nullable): a title in A1, with the header two rows below it
 *
 * sc_test_xlsx_from_csv_with_notes() without a sheet of notes.
 */
void
sc_test_xlsx_from_csv (const char *csv_path,
                       const char *xlsx_path,
                       const char *title)
{
  sc_test_xlsx_from_csv_with_notes (csv_path, xlsx_path, title, NULL);
}
