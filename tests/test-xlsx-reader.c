/* test-xlsx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Excel workbooks: ScXlsxBook and its sheet streams on small workbooks
 * written here with libzip from XML strings, then imports of them
 * (a Zammad export, rejected rows on sheet row numbers, damaged and
 * mistaken files) through ScImporter and scorecard-cli.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <zip.h>

#include "sc-error.h"
#include "sc-importer.h"
#include "sc-store.h"
#include "sc-test-util.h"
#include "sc-test-xlsx.h"
#include "sc-xlsx-reader.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static char *tmpdir;

/* ---- Writing workbooks ------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *xml;      /* the worksheet's <sheetData> and what is around it */
  const char *state;    /* NULL, "hidden" */
  gboolean    chart;    /* a chart sheet instead */
} TestSheet;

typedef struct
{
  const TestSheet *sheets;
  guint            n_sheets;
  const char      *strings;   /* <si> items, or NULL for no shared strings part */
  const char      *styles;    /* <numFmts> and <cellXfs>, or NULL for no styles part */
  const char      *workbook_pr;
} TestBook;

static void
add_part (zip_t      *zip,
          const char *name,
          char       *xml)
{
  zip_source_t *source = zip_source_buffer (zip, xml, strlen (xml), 1);

  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
}

static void
write_zip (const char         *path,
           const char * const *names,
           const char * const *contents)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert_nonnull (zip);
  for (guint i = 0; names[i] != NULL; i++)
    add_part (zip, names[i], g_strdup (contents[i]));
  g_assert_cmpint (zip_close (zip), ==, 0);
}

/* Writes the workbook @book as @name in the test folder. */
static char *
write_book (const char     *name,
            const TestBook *book)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GString) workbook = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  g_autoptr(GString) rels = g_string_new ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);

  g_string_append_printf (workbook, "<workbook " NS " " RNS ">%s<sheets>",
                          book->workbook_pr ? book->workbook_pr : "");
  for (guint i = 0; i < book->n_sheets; i++)
    {
      const TestSheet *sheet = &book->sheets[i];
      const char *kind = sheet->chart ? "chartsheet" : "worksheet";

      g_string_append_printf (workbook, "<sheet name=\"%s\" sheetId=\"%u\"%s%s%s r:id=\"rId%u\"/>",
                              sheet->name, i + 1, sheet->state ? " state=\"" : "",
                              sheet->state ? sheet->state : "", sheet->state ? "\"" : "", i + 1);
      g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\"" REL_TYPE "%s\" "
                              "Target=\"%ss/sheet%u.xml\"/>", i + 1, kind, kind, i + 1);
      g_ptr_array_add (names, g_strdup_printf ("xl/%ss/sheet%u.xml", kind, i + 1));
      g_ptr_array_add (contents, g_strdup_printf ("<?xml version=\"1.0\"?><%s " NS " " RNS ">%s</%s>",
                                                  kind, sheet->xml, kind));
    }
  g_string_append (workbook, "</sheets></workbook>");
  if (book->strings != NULL)
    {
      g_string_append (rels, "<Relationship Id=\"rId100\" Type=\"" REL_TYPE "sharedStrings\" "
                       "Target=\"sharedStrings.xml\"/>");
      g_ptr_array_add (names, g_strdup ("xl/sharedStrings.xml"));
      g_ptr_array_add (contents, g_strdup_printf ("<sst " NS ">%s</sst>", book->strings));
    }
  if (book->styles != NULL)
    {
      g_string_append (rels, "<Relationship Id=\"rId101\" Type=\"" REL_TYPE "styles\" "
                       "Target=\"/xl/styles.xml\"/>");
      g_ptr_array_add (names, g_strdup ("xl/styles.xml"));
      g_ptr_array_add (contents, g_strdup_printf ("<styleSheet " NS ">%s</styleSheet>",
                                                  book->styles));
    }
  g_string_append (rels, "</Relationships>");

  g_ptr_array_add (names, g_strdup ("[Content_Types].xml"));
  g_ptr_array_add (contents, g_strdup ("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
  g_ptr_array_add (names, g_strdup ("_rels/.rels"));
  g_ptr_array_add (contents, g_strdup ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                       "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
                                       "Target=\"xl/workbook.xml\"/></Relationships>"));
  g_ptr_array_add (names, g_strdup ("xl/workbook.xml"));
  g_ptr_array_add (contents, g_strdup (workbook->str));
  g_ptr_array_add (names, g_strdup ("xl/_rels/workbook.xml.rels"));
  g_ptr_array_add (contents, g_strdup (rels->str));
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (contents, NULL);
  write_zip (path, (const char * const *) names->pdata, (const char * const *) contents->pdata);
  return path;
}

static char *
write_sheet (const char *name,
             const char *strings,
             const char *styles,
             const char *xml)
{
  const TestSheet sheet = { "Sheet1", xml, NULL, FALSE };
  const TestBook book = { &sheet, 1, strings, styles, NULL };

  return write_book (name, &book);
}

static ScXlsxBook *
open_book (const char *path)
{
  g_autoptr(GError) error = NULL;
  ScXlsxBook *book = sc_xlsx_book_new_for_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

/* The whole sheet as the stream gives it, read in small pieces. */
static char *
read_sheet (ScXlsxBook *book,
            const char *sheet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScXlsxStream) stream = sc_xlsx_book_open_sheet (book, sheet, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  char buf[7];
  gssize n;

  g_assert_no_error (error);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buf, sizeof buf, NULL, &error)) > 0)
    g_string_append_len (text, buf, n);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpuint (sc_xlsx_stream_get_bytes_read (stream), ==,
                    sc_xlsx_stream_get_total_bytes (stream));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
sheet_text (const char *path,
            const char *sheet)
{
  g_autoptr(ScXlsxBook) book = open_book (path);

  return read_sheet (book, sheet);
}

/* ---- Cells ------------------------------------------------------------- */

static void
test_strings_and_numbers (void)
{
  const char *strings =
    "<si><t>Id</t></si>"
    "<si><t>Subject</t></si>"
    "<si><r><t>Printer </t></r><r><rPr><b/></rPr><t>on fire</t></r></si>"
    "<si><t>Says \"hi\", twice</t></si>"
    "<si><t xml:space=\"preserve\">Line one_x000D_\nline two</t></si>"
    "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>"
    "<si/>";
  const char *xml =
    "<sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>Open</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>Score</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>101</v></c><c r=\"B2\" t=\"s\"><v>2</v></c>"
    "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\"><v>4.5</v></c></row>"
    "<row r=\"3\"><c r=\"A3\"><v>102</v></c><c r=\"B3\" t=\"s\"><v>3</v></c>"
    "<c r=\"C3\" t=\"b\"><v>0</v></c><c r=\"D3\" t=\"e\"><v>#N/A</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>A3+1</f><v>103</v></c><c r=\"B4\" t=\"s\"><v>4</v></c>"
    "<c r=\"C4\" t=\"inlineStr\"><is><r><t>ye</t></r><r><t>s</t></r></is></c><c r=\"D4\"><v>1.5E-2</v></c></row>"
    "<row r=\"5\"><c r=\"A5\"><v>104</v></c><c r=\"B5\" t=\"s\"><v>5</v></c><c r=\"C5\" t=\"s\"><v>6</v></c></row>"
    "<row r=\"6\"><c r=\"A6\"><v>1234567890123456789</v></c><c r=\"B6\"><v>-7</v></c>"
    "<c r=\"C6\"><v>2.9999999999999996</v></c><c r=\"D6\"><v>1E+3</v></c></row>"
    "</sheetData>";
  g_autofree char *path = write_sheet ("strings.xlsx", strings, NULL, xml);
  g_autofree char *text = sheet_text (path, NULL);

  g_assert_cmpstr (text, ==,
                   "Id,Subject,Open,Score\n"
                   "101,Printer on fire,true,4.5\n"
                   "102,\"Says \"\"hi\"\", twice\",false,#N/A\n"
                   "103,\"Line one\r\nline two\",yes,0.015\n"
                   "104,東京,,\n"
                   "1234567890123456789,-7,3,1000\n");
}

static void
test_dates (void)
{
  const char *styles =
    "<numFmts count=\"4\">"
    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; days&quot;\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm:ss\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"[$-409]mmm\\ yy;@\"/>"
    "</numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"9\">"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"21\"/><xf numFmtId=\"46\"/>"
    "<xf numFmtId=\"167\"/>"
    "</cellXfs>";
  const char *xml =
    "<dimension ref=\"A1:B10\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>What</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Value</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>date</t></is></c><c r=\"B2\" s=\"1\"><v>45292</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>datetime</t></is></c><c r=\"B3\" s=\"2\"><v>45292.5</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>custom</t></is></c><c r=\"B4\" s=\"3\"><v>45292.75</v></c></row>"
    "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>number</t></is></c><c r=\"B5\" s=\"4\"><v>1.5</v></c></row>"
    "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>elapsed</t></is></c><c r=\"B6\" s=\"5\"><v>1.5</v></c></row>"
    "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>time</t></is></c><c r=\"B7\" s=\"6\"><v>0.2500115740740741</v></c></row>"
    "<row r=\"8\"><c r=\"A8\" t=\"inlineStr\"><is><t>builtin elapsed</t></is></c><c r=\"B8\" s=\"7\"><v>0.0625</v></c></row>"
    "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>general</t></is></c><c r=\"B9\"><v>45292</v></c></row>"
    "<row r=\"10\"><c r=\"A10\" t=\"inlineStr\"><is><t>month</t></is></c><c r=\"B10\" s=\"8\"><v>45323</v></c></row>"
    "<row r=\"11\"><c r=\"A11\" t=\"inlineStr\"><is><t>1900</t></is></c><c r=\"B11\" s=\"1\"><v>59</v></c></row>"
    "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>after leap bug</t></is></c><c r=\"B12\" s=\"1\"><v>61</v></c></row>"
    "<row r=\"13\"><c r=\"A13\" t=\"inlineStr\"><is><t>iso</t></is></c><c r=\"B13\" t=\"d\"><v>2024-01-02T03:04:05</v></c></row>"
    "</sheetData>";
  g_autofree char *path = write_sheet ("dates.xlsx", NULL, styles, xml);
  g_autofree char *text = sheet_text (path, NULL);
  const TestSheet sheet = { "Sheet1", "<sheetData><row><c t=\"inlineStr\"><is><t>When</t></is></c>"
                            "<c t=\"inlineStr\"><is><t>Id</t></is></c></row>"
                            "<row><c s=\"1\"><v>0</v></c><c><v>1</v></c></row>"
                            "<row><c s=\"2\"><v>43830.25</v></c><c><v>2</v></c></row></sheetData>",
                            NULL, FALSE };
  const TestBook book1904 = { &sheet, 1, NULL, styles, "<workbookPr date1904=\"1\"/>" };
  g_autofree char *path1904 = write_book ("dates1904.xlsx", &book1904);
  g_autofree char *text1904 = sheet_text (path1904, NULL);

  g_assert_cmpstr (text, ==,
                   "What,Value\n"
                   "date,2024-01-01\n"
                   "datetime,2024-01-01 12:00:00\n"
                   "custom,2024-01-01 18:00:00\n"
                   "number,1.5\n"
                   "elapsed,36:00:00\n"
                   "time,06:00:01\n"
                   "builtin elapsed,1:30:00\n"
                   "general,45292\n"
                   "month,2024-02-01\n"
                   "1900,1900-02-28\n"
                   "after leap bug,1900-03-01\n"
                   "iso,2024-01-02T03:04:05\n");
  g_assert_cmpstr (text1904, ==,
                   "When,Id\n"
                   "1904-01-01,1\n"
                   "2024-01-01 06:00:00,2\n");
}

/* Cells the XML leaves out are empty fields; rows it leaves out are
 * empty lines; lines above the header keep their own width. */
static void
test_gaps (void)
{
  const char *xml =
    "<sheetData>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Report</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Period:</t></is></c>"
    "<c r=\"B3\" t=\"inlineStr\"><is><t>March</t></is></c></row>"
    "<row r=\"4\" spans=\"1:5\"><c r=\"A4\" s=\"3\"/><c r=\"B4\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B5\" t=\"inlineStr\"><is><t>B</t></is></c>"
    "<c r=\"C5\" t=\"inlineStr\"><is><t>C</t></is></c><c r=\"D5\" t=\"inlineStr\"><is><t>D</t></is></c>"
    "<c r=\"E5\" t=\"inlineStr\"><is><t>E</t></is></c></row>"
    "<row r=\"6\"><c r=\"C6\"><v>3</v></c></row>"
    "<row r=\"7\"/>"
    "<row r=\"9\"><c r=\"A9\"><v>1</v></c><c r=\"E9\"><v>5</v></c></row>"
    "<row><c><v>1</v></c><c><v>2</v></c><c r=\"D10\"><v>4</v></c><c><v>5</v></c></row>"
    "<row r=\"11\"><c r=\"A11\"><v>1</v></c><c r=\"G11\"><v>7</v></c></row>"
    "</sheetData>";
  g_autofree char *path = write_sheet ("gaps.xlsx", "<si><t></t></si>", NULL, xml);
  g_autofree char *text = sheet_text (path, NULL);
  g_autofree char *with_dimension = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *text2 = NULL;

  g_assert_cmpstr (text, ==,
                   "\n"
                   "Report\n"
                   "Period:,March\n"
                   "\n"
                   "A,B,C,D,E\n"
                   ",,3,,\n"
                   "\n"
                   "\n"
                   "1,,,,5\n"
                   "1,2,,4,5\n"
                   "1,,,,,,7\n");

  /* The sheet's dimension widens the header and the rows. */
  with_dimension = g_strconcat ("<dimension ref=\"A1:G11\"/>", xml, NULL);
  path2 = write_sheet ("gaps-dimension.xlsx", "<si><t></t></si>", NULL, with_dimension);
  text2 = sheet_text (path2, NULL);
  g_assert_true (g_str_has_suffix (text2, "A,B,C,D,E,,\n,,3,,,,\n\n\n1,,,,5,,\n1,2,,4,5,,\n1,,,,,,7\n"));
}

static void
test_sheets (void)
{
  const TestSheet sheets[] = {
    { "Hidden", "<sheetData><row><c t=\"inlineStr\"><is><t>secret</t></is></c></row></sheetData>", "hidden", FALSE },
    { "Chart", "", NULL, TRUE },
    { "Tickets", "<sheetData><row><c t=\"inlineStr\"><is><t>first</t></is></c></row></sheetData>", NULL, FALSE },
    { "Agents & Teams", "<sheetData><row><c t=\"inlineStr\"><is><t>second</t></is></c></row></sheetData>", NULL, FALSE },
    { "3", "<sheetData><row><c t=\"inlineStr\"><is><t>third</t></is></c></row></sheetData>", NULL, FALSE },
  };
  const TestBook book = { sheets, G_N_ELEMENTS (sheets), NULL, NULL, NULL };
  g_autofree char *path = NULL;
  g_autoptr(ScXlsxBook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *by_number = NULL;
  g_autofree char *by_name = NULL;
  const char * const *names;

  /* The name in the XML is escaped. */
  ((TestSheet *) &sheets[3])->name = "Agents &amp; Teams";
  path = write_book ("sheets.xlsx", &book);
  workbook = open_book (path);
  names = sc_xlsx_book_get_sheets (workbook);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 4);
  g_assert_cmpstr (names[0], ==, "Hidden");
  g_assert_cmpstr (names[1], ==, "Tickets");
  g_assert_cmpstr (names[2], ==, "Agents & Teams");
  g_assert_cmpstr (names[3], ==, "3");
  /* The first sheet the user sees. */
  g_assert_cmpstr (sc_xlsx_book_get_default_sheet (workbook), ==, "Tickets");
  first = read_sheet (workbook, NULL);
  g_assert_cmpstr (first, ==, "first\n");
  second = read_sheet (workbook, "Agents & Teams");
  g_assert_cmpstr (second, ==, "second\n");
  /* A number is a sheet's position unless a sheet has that name. */
  by_number = read_sheet (workbook, "1");
  g_assert_cmpstr (by_number, ==, "secret\n");
  by_name = read_sheet (workbook, "3");
  g_assert_cmpstr (by_name, ==, "third\n");

  g_assert_null (sc_xlsx_book_find_sheet (workbook, "Chart", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Chart”"));
  g_assert_nonnull (strstr (error->message, "“Hidden”, “Tickets”, “Agents & Teams”, “3”"));
}

/* Excel's "Strict Open XML Spreadsheet" uses other namespaces and
 * relationship types, another prefix for r:id and ISO dates in t="d"
 * cells. */
static void
test_strict (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "strict.xlsx", NULL);
  g_autofree char *text = NULL;
#define STRICT_NS "xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\""
#define STRICT_REL "http://purl.oclc.org/ooxml/officeDocument/relationships/"
#define PKG "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
  const char *names[] = {
    "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml", NULL
  };
  const char *contents[] = {
    "<Relationships " PKG "><Relationship Id=\"rId1\" Type=\"" STRICT_REL "officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>",
    "<workbook " STRICT_NS " xmlns:rel=\"http://purl.oclc.org/ooxml/officeDocument/relationships\">"
    "<sheets><sheet name=\"Strict\" sheetId=\"1\" rel:id=\"rId7\"/></sheets></workbook>",
    "<Relationships " PKG "><Relationship Id=\"rId7\" Type=\"" STRICT_REL "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId8\" Type=\"" STRICT_REL
    "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
    "<worksheet " STRICT_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>7</v></c>"
    "<c r=\"B2\" t=\"d\"><v>2024-03-05T08:30:00</v></c></row></sheetData></worksheet>",
    "<sst " STRICT_NS "><si><t>Id</t></si><si><t>Created at</t></si></sst>",
    NULL
  };

  write_zip (path, names, contents);
  text = sheet_text (path, NULL);
  g_assert_cmpstr (text, ==, "Id,Created at\n7,2024-03-05T08:30:00\n");
}

/* ---- Importing --------------------------------------------------------- */

/* The Zammad fixture as a workbook: strings shared, numbers as numbers,
 * timestamps as serial days with a date format, a title above the
 * header, empty cells left out. */
static char *
write_zammad_book (const char *name)
{
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "zammad.csv", NULL);
  char *path = g_build_filename (tmpdir, name, NULL);

  sc_test_xlsx_from_csv (csv_path, path, "Tickets – export");
  return path;
}

static ScImportResult *
import (ScStore    *store,
        const char *path,
        const char *sheet,
        GError    **error)
{
  g_autoptr(ScImporter) importer = sc_importer_new (store);

  sc_importer_set_sheet (importer, sheet);
  return sc_importer_run (importer, path, NULL, error);
}

static ScStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  ScStore *store;

  g_unlink (path);
  store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return store;
}

/* The workbook imports like the CSV it was made from: the same preset,
 * and the CSV afterwards changes nothing, so every value is the same. */
static void
test_import_zammad (void)
{
  g_autofree char *path = write_zammad_book ("zammad.xlsx");
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "zammad.csv", NULL);
  g_autoptr(ScStore) store = new_store ("zammad.db");
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(ScImportResult) csv = NULL;
  g_autoptr(GError) error = NULL;

  result = import (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->preset_id, ==, "zammad");
  g_assert_cmpint (result->counts.rows_read, ==, 3);
  g_assert_cmpint (result->counts.inserted, ==, 3);
  g_assert_cmpint (result->counts.rejected, ==, 0);
  g_assert_true (g_strv_contains ((const char * const *) result->notices,
                                  "Skipped 1 line above the header."));

  again = import (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->counts.unchanged, ==, 3);

  csv = import (store, csv_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv->preset_id, ==, "zammad");
  g_assert_cmpint (csv->counts.unchanged, ==, 3);
  g_assert_cmpint (csv->counts.updated, ==, 0);
  g_assert_cmpint (csv->counts.inserted, ==, 0);
}

/* A second sheet is chosen by name; a rejected row keeps its sheet row
 * number even after a cell with a line break and a missing row. */
static void
test_import_sheet_rejects (void)
{
  const TestSheet sheets[] = {
    { "Notes", "<sheetData><row><c t=\"inlineStr\"><is><t>nothing here</t></is></c></row></sheetData>", NULL, FALSE },
    { "Tickets",
      "<sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>5</v></c><c r=\"C2\" t=\"s\"><v>6</v></c>"
      "<c r=\"D2\" t=\"s\"><v>7</v></c><c r=\"E2\" s=\"1\"><v>45292.5</v></c></row>"
      "<row r=\"4\"><c r=\"A4\"><v>2</v></c><c r=\"C4\" t=\"s\"><v>6</v></c>"
      "<c r=\"D4\" t=\"s\"><v>7</v></c><c r=\"E4\" s=\"1\"><v>45293.25</v></c></row>"
      "<row r=\"5\"><c r=\"A5\"><v>3</v></c><c r=\"B5\" t=\"s\"><v>5</v></c><c r=\"C5\" t=\"s\"><v>6</v></c>"
      "<c r=\"D5\" t=\"s\"><v>7</v></c><c r=\"E5\" t=\"s\"><v>8</v></c></row>"
      "</sheetData>", NULL, FALSE },
  };
  const TestBook book = {
    sheets, G_N_ELEMENTS (sheets),
    "<si><t>Id</t></si><si><t>Subject</t></si><si><t>Status</t></si><si><t>Priority</t></si>"
    "<si><t>Created at</t></si><si><t>Two\nlines</t></si><si><t>open</t></si><si><t>High</t></si>"
    "<si><t>next Tuesday</t></si>",
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/></cellXfs>", NULL
  };
  g_autofree char *path = write_book ("rejects.xlsx", &book);
  g_autoptr(ScStore) store = new_store ("rejects.db");
  g_autoptr(ScImportResult) first = NULL;
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejects = NULL;
  const ScReject *reject;

  /* The first sheet has no header anything knows: chosen, it fails;
   * not chosen, the next sheet that fits an export is read. */
  g_assert_null (import (store, path, "Notes", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "matches no known export"));
  g_clear_error (&error);
  first = import (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->counts.inserted, ==, 2);
  g_assert_cmpint (first->counts.rejected, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) first->notices,
                                  "The sheet “Notes” fits no known export; read the sheet "
                                  "“Tickets” instead."));
  g_assert_false (g_strv_contains ((const char * const *) first->notices,
                                   "Read the sheet “Notes” of the workbook’s 2 sheets."));

  result = import (store, path, "Tickets", &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.rows_read, ==, 3);
  g_assert_cmpint (result->counts.unchanged, ==, 2);
  g_assert_cmpint (result->counts.rejected, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) result->notices,
                                  "Read the sheet “Tickets” of the workbook’s 2 sheets."));

  rejects = sc_store_list_rejects (store, result->import_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejects->len, ==, 1);
  reject = g_ptr_array_index (rejects, 0);
  g_assert_cmpint (reject->line, ==, 5);
  g_assert_cmpstr (reject->column, ==, "Created at");
  g_assert_cmpstr (reject->value, ==, "next Tuesday");
  g_assert_cmpstr (reject->raw, ==, "3,\"Two\nlines\",open,High,next Tuesday");

  g_assert_null (import (store, path, "Summary", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no sheet “Summary”; its sheets are “Notes”, “Tickets”"));
}

static void
assert_import_fails (const char *path,
                     const char *message)
{
  g_autoptr(ScStore) store = new_store ("fails.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_null (import (store, path, NULL, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, message));
}

static void
test_damaged (void)
{
  g_autofree char *good = write_zammad_book ("good.xlsx");
  g_autofree char *truncated = g_build_filename (tmpdir, "truncated.xlsx", NULL);
  g_autofree char *flipped = g_build_filename (tmpdir, "flipped.xlsx", NULL);
  g_autofree char *bad_xml = NULL;
  g_autofree char *bad_string = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  zip_stat_t stat;
  zip_t *zip;
  int code = 0;

  /* Cut short: the archive's directory is gone. */
  g_assert_true (g_file_get_contents (good, &data, &len, &error));
  g_assert_true (g_file_set_contents (truncated, data, len / 2, &error));
  assert_import_fails (truncated, "The workbook is damaged: it cannot be opened as a ZIP archive");

  /* A flipped byte inside the compressed sheet fails its checksum. */
  zip = zip_open (good, ZIP_RDONLY, &code);
  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, "xl/worksheets/sheet1.xml", 0, &stat), ==, 0);
  zip_discard (zip);
  /* The first time the name appears is in the entry's local header, just
   * before its data. */
  for (gsize i = 0; i + 24 < len; i++)
    if (memcmp (data + i, "xl/worksheets/sheet1.xml", 24) == 0)
      {
        data[i + 24 + stat.comp_size / 2] ^= 0x55;
        break;
      }
  g_assert_true (g_file_set_contents (flipped, data, len, &error));
  assert_import_fails (flipped, "damaged");

  /* The archive says the sheet is half as long as it is (a fuzzer's
   * find): an error, not a sheet read past its end. */
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (good, &data, &len, &error));
  {
    g_autofree char *shrunk = g_build_filename (tmpdir, "shrunk.xlsx", NULL);
    guint32 half = GUINT32_TO_LE ((guint32) stat.size / 2);
    guint seen = 0;

    /* The size is 22 bytes into the entry's local header (30 bytes
     * before its name) and 24 into its directory record (46 before). */
    for (gsize i = 46; i + 24 < len; i++)
      if (memcmp (data + i, "xl/worksheets/sheet1.xml", 24) == 0)
        memcpy (data + i - (seen++ == 0 ? 30 - 22 : 46 - 24), &half, 4);
    g_assert_cmpuint (seen, ==, 2);
    g_assert_true (g_file_set_contents (shrunk, data, len, &error));
    assert_import_fails (shrunk, "“xl/worksheets/sheet1.xml” is longer than the workbook says");
  }

  bad_xml = write_sheet ("bad-xml.xlsx", NULL, NULL,
                         "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>\n"
                         "<row r=\"2\"><c><v>1</v></row></sheetData>");
  assert_import_fails (bad_xml, "“xl/worksheets/sheet1.xml” is not valid XML (line 2:");

  bad_string = write_sheet ("bad-string.xlsx", "<si><t>A</t></si>", NULL,
                            "<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row>"
                            "<row r=\"2\"><c t=\"s\"><v>7</v></c></row></sheetData>");
  assert_import_fails (bad_string, "Row 2 of sheet “Sheet1” refers to shared string “7”");

  empty = write_sheet ("empty.xlsx", NULL, NULL, "<sheetData><row r=\"1\"><c r=\"A1\" s=\"2\"/></row></sheetData>");
  assert_import_fails (empty, "The sheet “Sheet1” is empty.");
}

/* Files mixed up with workbooks get a message saying what they are and
 * what to do. */
static void
test_mistaken (void)
{
  g_autofree char *xls = g_build_filename (tmpdir, "old.xls", NULL);
  g_autofree char *zip = g_build_filename (tmpdir, "photos.zip", NULL);
  g_autofree char *ods = g_build_filename (tmpdir, "sheet.ods", NULL);
  g_autofree char *xlsb = g_build_filename (tmpdir, "binary.xlsb", NULL);
  g_autofree char *html = g_build_filename (tmpdir, "Jira.xls", NULL);
  g_autofree char *xml2003 = g_build_filename (tmpdir, "export.xml.xls", NULL);
  static const char xls_data[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
  g_autofree char *locked = g_build_filename (tmpdir, "locked.xlsx", NULL);
  guchar cfb[2048] = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (xls, xls_data, sizeof xls_data, &error));
  assert_import_fails (xls, "old binary Excel workbook (.xls)");
  assert_import_fails (xls, "save it as Excel Workbook (.xlsx) or CSV");

  /* A workbook saved with a password is a compound file too, holding the
   * stream "EncryptedPackage". */
  memcpy (cfb, xls_data, 8);
  for (guint i = 0; i < 17; i++)
    cfb[512 + 2 * 128 + 2 * i] = "EncryptedPackage"[i];
  cfb[512 + 2 * 128 + 0x40] = 34;
  cfb[512 + 2 * 128 + 0x42] = 2;
  g_assert_true (g_file_set_contents (locked, (const char *) cfb, sizeof cfb, &error));
  assert_import_fails (locked, "This workbook is protected with a password");
  assert_import_fails (locked, "save a copy without the password (as .xlsx or CSV)");

  /* Jira's "Excel" export is a web page named .xls. */
  g_assert_true (g_file_set_contents (html, "\xEF\xBB\xBF\n  <!DOCTYPE html><html><body><table>"
                                      "<tr><th>Key</th><th>Summary</th></tr></table></body></html>",
                                      -1, &error));
  assert_import_fails (html, "This is a web page (HTML), not a CSV export");
  g_assert_true (g_file_set_contents (xml2003, "<?xml version=\"1.0\"?>\n<?mso-application progid="
                                      "\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:"
                                      "office:spreadsheet\"><Worksheet/></Workbook>", -1, &error));
  assert_import_fails (xml2003, "Excel 2003 XML spreadsheet");

  write_zip (zip, (const char *[]) { "photo.jpg", NULL }, (const char *[]) { "not really", NULL });
  assert_import_fails (zip, "This ZIP archive is not an Excel workbook (.xlsx)");

  write_zip (ods, (const char *[]) { "mimetype", "content.xml", NULL },
             (const char *[]) { "application/vnd.oasis.opendocument.spreadsheet", "<x/>", NULL });
  assert_import_fails (ods, "OpenDocument spreadsheet (.ods)");

  write_zip (xlsb, (const char *[]) { "xl/workbook.bin", NULL }, (const char *[]) { "bin", NULL });
  assert_import_fails (xlsb, "Excel binary workbook (.xlsb)");
}

/* Runs scorecard-cli --db DB import ARGS… (NULL-terminated). */
static void
run_import (ScTestRun  *run,
            const char *db,
            ...)
{
  g_autofree char *cli = sc_test_cli_path ();
  va_list args;

  va_start (args, db);
  sc_test_run_cli_va (run, NULL, cli, db, "import", args);
  va_end (args);
}

/* The command line as a user runs it. */
static void
test_cli (void)
{
  g_autofree char *path = write_zammad_book ("cli.xlsx");
  g_autofree char *db = g_build_filename (tmpdir, "cli.db", NULL);
  g_auto(ScTestRun) run = { 0 };
  g_auto(ScTestRun) other = { 0 };

  run_import (&run, db, "--json", "--sheet", "Tickets", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "\"preset\": \"zammad\"");
  sc_test_assert_contains (run.out, "\"inserted\": 3, \"updated\": 0, \"unchanged\": 0, \"rejected\": 0");

  run_import (&other, db, "--sheet", "Other", path, NULL);
  g_assert_cmpint (other.status, !=, 0);
  sc_test_assert_contains (other.err, "The workbook has no sheet “Other”; its sheets are “Tickets”.");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = sc_test_make_tmpdir ();

  g_test_add_func ("/xlsx/strings-and-numbers", test_strings_and_numbers);
  g_test_add_func ("/xlsx/dates", test_dates);
  g_test_add_func ("/xlsx/gaps", test_gaps);
  g_test_add_func ("/xlsx/sheets", test_sheets);
  g_test_add_func ("/xlsx/strict", test_strict);
  g_test_add_func ("/xlsx/import-zammad", test_import_zammad);
  g_test_add_func ("/xlsx/import-sheet-rejects", test_import_sheet_rejects);
  g_test_add_func ("/xlsx/damaged", test_damaged);
  g_test_add_func ("/xlsx/mistaken", test_mistaken);
  g_test_add_func ("/xlsx/cli", test_cli);

  status = g_test_run ();
  sc_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
