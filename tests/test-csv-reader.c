/* test-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-checksum.h"
#include "sc-csv-reader.h"
#include "sc-error.h"

/* Reads all of @data and returns the records as "a|b|c@LINE" strings. */
static GPtrArray *
read_all (const char   *data,
          gsize         len,
          ScCsvReader **out_reader)
{
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (data, len);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  const ScCsvRecord *rec;

  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  g_assert_no_error (error);
  while ((rec = sc_csv_reader_next (reader, &error)) != NULL)
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < rec->n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (s, '|');
          g_string_append_len (s, rec->fields[i].data, rec->fields[i].len);
        }
      g_string_append_printf (s, "@%" G_GINT64_FORMAT, rec->line);
      g_ptr_array_add (rows, g_string_free (s, FALSE));
    }
  g_assert_no_error (error);
  if (out_reader)
    *out_reader = g_steal_pointer (&reader);
  return rows;
}

static void
assert_rows (GPtrArray          *rows,
             const char * const *expected)
{
  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (g_ptr_array_index (rows, i), ==, expected[i]);
}

static void
test_basic (void)
{
  static const char data[] = "a,b,c\n1,2,3\n4,,6\n";
  const char *expected[] = { "1|2|3@2", "4||6@3", NULL };
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = read_all (data, strlen (data), &reader);
  const char * const *header = sc_csv_reader_get_header (reader);

  assert_rows (rows, expected);
  g_assert_cmpuint (sc_csv_reader_get_n_columns (reader), ==, 3);
  g_assert_cmpstr (header[0], ==, "a");
  g_assert_cmpstr (header[2], ==, "c");
  g_assert_cmpint (sc_csv_reader_get_delimiter (reader), ==, ',');
}

static void
test_quotes (void)
{
  static const char data[] =
    "id,text,n\r\n"
    "1,\"hello, world\",2\r\n"
    "2,\"say \"\"hi\"\"\",3\r\n"
    "3,\"two\r\nlines\nthree\",4\r\n"
    "4,\"\",5\r\n"
    "5,\"\"\"\",6\r\n";
  const char *expected[] = {
    "1|hello, world|2@2", "2|say \"hi\"|3@3", "3|two\r\nlines\nthree|4@4",
    "4||5@7", "5|\"|6@8", NULL,
  };
  g_autoptr(GPtrArray) rows = read_all (data, strlen (data), NULL);

  assert_rows (rows, expected);
}

static void
test_line_ends (void)
{
  static const char cr[] = "a,b\r1,2\r3,4";
  static const char lf_no_end[] = "a,b\n1,2\n3,4";
  static const char trailing_blank[] = "a,b\n1,2\n\n3,4\n\n";
  const char *expected[] = { "1|2@2", "3|4@3", NULL };
  const char *expected_blank[] = { "1|2@2", "3|4@4", NULL };
  g_autoptr(GPtrArray) rows_cr = read_all (cr, strlen (cr), NULL);
  g_autoptr(GPtrArray) rows_lf = read_all (lf_no_end, strlen (lf_no_end), NULL);
  g_autoptr(GPtrArray) rows_blank = read_all (trailing_blank, strlen (trailing_blank), NULL);

  assert_rows (rows_cr, expected);
  assert_rows (rows_lf, expected);
  assert_rows (rows_blank, expected_blank);
}

static void
test_bom_and_delimiters (void)
{
  static const char bom[] = "\xEF\xBB\xBFid;name;score\n1;Ann;3,5\n2;Bob;4\n";
  static const char tab[] = "id\tname\n1\tA, B\n";
  static const char pipe[] = "id|name|x\n1|A;B|C,D\n2|E|F\n";
  const char *expected_bom[] = { "1|Ann|3,5@2", "2|Bob|4@3", NULL };
  g_autoptr(ScCsvReader) r1 = NULL;
  g_autoptr(ScCsvReader) r2 = NULL;
  g_autoptr(ScCsvReader) r3 = NULL;
  g_autoptr(GPtrArray) rows_bom = read_all (bom, strlen (bom), &r1);
  g_autoptr(GPtrArray) rows_tab = read_all (tab, strlen (tab), &r2);
  g_autoptr(GPtrArray) rows_pipe = read_all (pipe, strlen (pipe), &r3);

  assert_rows (rows_bom, expected_bom);
  g_assert_cmpint (sc_csv_reader_get_delimiter (r1), ==, ';');
  g_assert_cmpstr (sc_csv_reader_get_header (r1)[0], ==, "id");
  g_assert_cmpint (sc_csv_reader_get_delimiter (r2), ==, '\t');
  g_assert_cmpint (sc_csv_reader_get_delimiter (r3), ==, '|');
  g_assert_cmpstr (g_ptr_array_index (rows_pipe, 0), ==, "1|A;B|C,D@2");
}

static void
test_metadata_lines (void)
{
  static const char data[] =
    "Conversation report\n"
    "Reporting period: 2024-01-01 - 2024-01-31\n"
    "\n"
    "Id,Created,Agent,Status\n"
    "1,2024-01-02,Ann,open\n"
    "2,2024-01-03,Bob,solved\n";
  const char *expected[] = { "1|2024-01-02|Ann|open@5", "2|2024-01-03|Bob|solved@6", NULL };
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = read_all (data, strlen (data), &reader);

  assert_rows (rows, expected);
  g_assert_cmpint (sc_csv_reader_get_header_line (reader), ==, 4);
  g_assert_cmpstr (sc_csv_reader_get_header (reader)[0], ==, "Id");
  g_assert_nonnull (sc_csv_reader_get_notices (reader)[0]);
}

static void
test_ragged_and_duplicates (void)
{
  static const char data[] = "Key,Labels,Labels\nA-1,x,y\nA-2,x\nA-3,x,y,z\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (data, strlen (data));
  g_autoptr(GError) error = NULL;
  const ScCsvRecord *rec;
  const char * const *header;

  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  header = sc_csv_reader_get_header (reader);
  g_assert_cmpstr (header[1], ==, "Labels");
  g_assert_cmpstr (header[2], ==, "Labels");
  rec = sc_csv_reader_next (reader, &error);
  g_assert_cmpuint (rec->n_fields, ==, 3);
  rec = sc_csv_reader_next (reader, &error);
  g_assert_cmpuint (rec->n_fields, ==, 2);
  g_assert_cmpint (rec->number, ==, 2);
  g_assert_cmpint (rec->raw_len, ==, 5);
  g_assert_true (strncmp (rec->raw, "A-2,x", 5) == 0);
  rec = sc_csv_reader_next (reader, &error);
  g_assert_cmpuint (rec->n_fields, ==, 4);
  g_assert_null (sc_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_invalid_utf8 (void)
{
  static const char data[] =
    "id,name,subject\n1,Zoë,fine\n2,Caf\xE9,x\n3,ok,\xED\xA0\x80\n4,\xC3\xA9t\xC3\xA9,ok\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (data, strlen (data));
  g_autoptr(GError) error = NULL;
  int expected[] = { -1, 1, 2, -1 };

  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  g_assert_cmpint (sc_csv_reader_get_encoding (reader), ==, SC_CSV_ENCODING_UTF8);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ScCsvRecord *rec = sc_csv_reader_next (reader, &error);

      g_assert_nonnull (rec);
      g_assert_cmpint (rec->bad_utf8_field, ==, expected[i]);
    }
}

static void
test_windows_1252 (void)
{
  static const char data[] = "id,name\n1,Caf\xE9\n2,\x93quoted\x94\n";
  const char *expected[] = { "1|Café@2", "2|“quoted”@3", NULL };
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = read_all (data, strlen (data), &reader);

  assert_rows (rows, expected);
  g_assert_cmpint (sc_csv_reader_get_encoding (reader), ==, SC_CSV_ENCODING_WINDOWS_1252);
  g_assert_nonnull (sc_csv_reader_get_notices (reader)[0]);
}

static void
test_utf16 (void)
{
  const char *text = "id,name\r\n1,Zoë\r\n2,\"a,b\"\r\n";
  const char *expected[] = { "1|Zoë@2", "2|a,b@3", NULL };
  g_autofree gunichar2 *utf16 = NULL;
  glong n_items = 0;
  g_autoptr(GByteArray) le = g_byte_array_new ();
  g_autoptr(GByteArray) be = g_byte_array_new ();
  g_autoptr(ScCsvReader) r_le = NULL;
  g_autoptr(ScCsvReader) r_be = NULL;
  g_autoptr(GPtrArray) rows_le = NULL;
  g_autoptr(GPtrArray) rows_be = NULL;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n_items, NULL);
  g_byte_array_append (le, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (be, (const guint8 *) "\xFE\xFF", 2);
  for (glong i = 0; i < n_items; i++)
    {
      guint8 lo = utf16[i] & 0xFF, hi = utf16[i] >> 8;
      guint8 pair_le[2] = { lo, hi }, pair_be[2] = { hi, lo };

      g_byte_array_append (le, pair_le, 2);
      g_byte_array_append (be, pair_be, 2);
    }
  rows_le = read_all ((const char *) le->data, le->len, &r_le);
  rows_be = read_all ((const char *) be->data, be->len, &r_be);
  assert_rows (rows_le, expected);
  assert_rows (rows_be, expected);
  g_assert_cmpint (sc_csv_reader_get_encoding (r_le), ==, SC_CSV_ENCODING_UTF16LE);
  g_assert_cmpint (sc_csv_reader_get_encoding (r_be), ==, SC_CSV_ENCODING_UTF16BE);
}

static void
assert_open_fails (const char *data,
                   gsize       len,
                   const char *message_part)
{
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (data, len);
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_csv_reader_open (reader, NULL, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_bad_files (void)
{
  assert_open_fails ("", 0, "empty");
  assert_open_fails ("\n\n\n", 3, "empty");
  assert_open_fails ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12, ".xls");
  assert_open_fails ("PK\x03\x04\x14\0\0\0", 8, "ZIP");
  assert_open_fails ("\x7F" "ELF\x02\x01\x01\0\0\0\0\0", 12, "binary");
}

static void
test_unterminated_quote (void)
{
  static const char data[] = "a,b\n1,\"open\n2,3\n";
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (data, strlen (data));
  g_autoptr(GError) error = NULL;
  const ScCsvRecord *rec;

  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  rec = sc_csv_reader_next (reader, &error);
  g_assert_nonnull (rec);
  g_assert_true (rec->unterminated);
  g_assert_null (sc_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* Records longer than the reader's chunks, and many of them, come out
 * whole and in order. */
static void
test_large_records (void)
{
  GString *data = g_string_new ("id,text,n\n");
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const ScCsvRecord *rec;
  guint n_rows = 20000, i = 0;
  gsize big = 3 * 1024 * 1024;

  for (guint r = 0; r < n_rows; r++)
    {
      if (r == 777)
        {
          g_string_append_printf (data, "%u,\"", r);
          for (gsize k = 0; k < big; k++)
            g_string_append_c (data, k % 1000 == 999 ? '\n' : 'x');
          g_string_append (data, "\",7\n");
        }
      else
        g_string_append_printf (data, "%u,\"text %u, \"\"quoted\"\"\",%u\r\n", r, r, r % 10);
    }
  reader = sc_csv_reader_new_for_data (data->str, data->len);
  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  while ((rec = sc_csv_reader_next (reader, &error)) != NULL)
    {
      g_autofree char *id = g_strndup (rec->fields[0].data, rec->fields[0].len);

      g_assert_cmpuint (rec->n_fields, ==, 3);
      g_assert_cmpuint (g_ascii_strtoull (id, NULL, 10), ==, i);
      if (i == 777)
        g_assert_cmpuint (rec->fields[1].len, ==, big);
      else
        g_assert_cmpint (rec->fields[1].data[rec->fields[1].len - 1], ==, '"');
      g_assert_cmpint (rec->line, ==, i + 2 + (i > 777 ? (big / 1000) : 0));
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, n_rows);
  g_assert_cmpuint (sc_csv_reader_get_bytes_read (reader), ==, data->len);
  g_string_free (data, TRUE);
}

static char *
dump_all (const char *data,
          gsize       len,
          gsize       chunk)
{
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (data, len);
  GString *s = g_string_new (NULL);
  const ScCsvRecord *rec;

  if (chunk > 0)
    sc_csv_reader_set_chunk_size (reader, chunk);
  if (!sc_csv_reader_open (reader, NULL, NULL))
    return g_string_free (s, FALSE);
  g_string_append_printf (s, "%c|%u|%s\n", sc_csv_reader_get_delimiter (reader),
                          sc_csv_reader_get_n_columns (reader), sc_csv_reader_get_header (reader)[0]);
  while ((rec = sc_csv_reader_next (reader, NULL)) != NULL)
    {
      g_string_append_printf (s, "@%" G_GINT64_FORMAT ":%d:", rec->line, rec->bad_utf8_field);
      for (guint i = 0; i < rec->n_fields; i++)
        {
          g_string_append_len (s, rec->fields[i].data, rec->fields[i].len);
          g_string_append_c (s, '|');
        }
      g_string_append_len (s, rec->raw, rec->raw_len);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

/* Fields of every length from 0 to 40, so that delimiters, quotes and
 * line ends fall at every place of the reader's sixteen-byte steps, with
 * each delimiter and line end: an unquoted field, and a quoted one with
 * doubled quotes, delimiters and (every third row) a line end inside.
 * The fields and line numbers come back exactly. */
static void
test_field_lengths (void)
{
  static const char delimiters[] = { ',', ';', '\t', '|' };
  static const char * const line_ends[] = { "\n", "\r\n", "\r" };
  static const char filler[] = "xy\xC3\xA9z\"0 ";

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    for (guint e = 0; e < G_N_ELEMENTS (line_ends); e++)
      {
        g_autoptr(GString) data = g_string_new (NULL);
        g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) rows = NULL;
        const char delim = delimiters[d];
        guint line = 2;

        g_string_append_printf (data, "a%cb%cc%cd%s", delim, delim, delim, line_ends[e]);
        for (guint len = 0; len <= 40; len++)
          for (guint shift = 0; shift < 3; shift++)
            {
              g_autoptr(GString) plain = g_string_new ("k");
              g_autoptr(GString) quoted = g_string_new ("q");
              g_autoptr(GString) escaped = g_string_new ("q");

              for (guint i = 0; i < len; i++)
                {
                  char c = filler[(i + shift) % (sizeof filler - 1)];

                  g_string_append_c (plain, c);
                  if (shift == 2 && i == len / 2)
                    {
                      g_string_append (quoted, line_ends[e]);
                      g_string_append (escaped, line_ends[e]);
                    }
                  /* Spaces become delimiters inside the quotes. */
                  c = c == ' ' ? delim : c;
                  g_string_append_c (quoted, c);
                  if (c == '"')
                    g_string_append_c (escaped, '"');
                  g_string_append_c (escaped, c);
                }
              g_string_append_printf (data, "%u%c%s%c\"%s\"%c%u%s", len, delim, plain->str,
                                      delim, escaped->str, delim, shift, line_ends[e]);
              g_ptr_array_add (expected, g_strdup_printf ("%u|%s|%s|%u@%u", len, plain->str,
                                                          quoted->str, shift, line));
              line += (shift == 2 && len > 0) ? 2 : 1;
            }
        rows = read_all (data->str, data->len, NULL);
        g_ptr_array_add (expected, NULL);
        assert_rows (rows, (const char * const *) expected->pdata);
      }
}

/* Whatever the chunk size, and so wherever a record is cut by a read,
 * the records come out the same. */
static void
test_chunk_boundaries (void)
{
  static const char utf16[] = "\xFF\xFE" "a\0,\0b\0\n\0\xE9\0,\0\"\0x\0\n\0\"\0,\0c\0";
  const char *inputs[] = {
    "id,text,n\r\n1,\"a,\"\"b\"\"\r\nc\",2\r\n\r\n3,plain,4\r",
    "\xEF\xBB\xBFx;y\n\"\";\"\"\"\"\"\n\xC3\xA9;\xFF\n",
    "Title\nPeriod: May\n\na|b\n1|2\n3|4",
    "id,name\n1,Caf\xE9\n2,\x93q\x94\n",
    utf16,
  };
  gsize lens[] = { 0, 0, 0, 0, sizeof utf16 - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      gsize len = lens[i] ? lens[i] : strlen (inputs[i]);
      g_autofree char *expected = dump_all (inputs[i], len, 0);

      for (gsize chunk = 1; chunk <= 40; chunk++)
        {
          g_autofree char *got = dump_all (inputs[i], len, chunk);

          g_assert_cmpstr (got, ==, expected);
        }
    }
}

/* Random bytes never crash the reader and every record has a field. */
static void
test_random_input (void)
{
  static const char alphabet[] = "ab,;\"\r\n\t|\xC3\xA9\xFF";

  for (guint round = 0; round < 300; round++)
    {
      guint len = g_test_rand_int_range (0, 400);
      g_autofree char *data = g_malloc (len + 1);
      g_autoptr(ScCsvReader) reader = NULL;
      const ScCsvRecord *rec;

      for (guint i = 0; i < len; i++)
        data[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      reader = sc_csv_reader_new_for_data (data, len);
      sc_csv_reader_set_chunk_size (reader, g_test_rand_int_range (1, 64));
      if (!sc_csv_reader_open (reader, NULL, NULL))
        continue;
      while ((rec = sc_csv_reader_next (reader, NULL)) != NULL)
        {
          g_assert_cmpuint (rec->n_fields, >=, 1);
          g_assert_cmpint (rec->line, >=, 1);
          for (guint i = 0; i < rec->n_fields; i++)
            g_assert_true (rec->fields[i].data != NULL || rec->fields[i].len == 0);
        }
    }
}

static char *
checksum_of (const guint8 *data,
             gsize         len,
             gsize         split)
{
  ScChecksum checksum;

  sc_checksum_init (&checksum);
  sc_checksum_update (&checksum, data, split);
  sc_checksum_update (&checksum, data + split, len - split);
  return sc_checksum_finish (&checksum);
}

/* The file checksum of the import history: the same whatever pieces the
 * bytes come in (the values are those of the earlier whole-file pass,
 * which the history holds), and the reader's is that of all it read. */
static void
test_checksum (void)
{
  guint8 bytes[100];
  g_autofree char *empty = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) i;
  empty = checksum_of (bytes, 0, 0);
  g_assert_cmpstr (empty, ==, "fh64:9ac36afd8c4070e5:0");
  for (gsize split = 0; split <= sizeof bytes; split++)
    {
      g_autofree char *sum = checksum_of (bytes, sizeof bytes, split);

      g_assert_cmpstr (sum, ==, "fh64:f27fbde03e32338f:100");
    }

  text = g_strnfill (5000, 'x');
  for (guint i = 0; i < 5000; i += 50)
    text[i] = '\n';
  for (gsize chunk = 7; chunk <= 4096; chunk *= 8)
    {
      g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_data (text, 5000);
      g_autofree char *expected = checksum_of ((const guint8 *) text, 5000, 0);
      g_autofree char *sum = NULL;
      guint n = 0;

      sc_csv_reader_set_chunk_size (reader, chunk);
      g_assert_true (sc_csv_reader_open (reader, NULL, NULL));
      while (sc_csv_reader_next (reader, NULL) != NULL)
        n++;
      g_assert_cmpuint (n, ==, 99);
      sum = sc_csv_reader_dup_checksum (reader);
      g_assert_cmpstr (sum, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/import/csv/basic", test_basic);
  g_test_add_func ("/scorecard/import/csv/quotes", test_quotes);
  g_test_add_func ("/scorecard/import/csv/line-ends", test_line_ends);
  g_test_add_func ("/scorecard/import/csv/bom-and-delimiters", test_bom_and_delimiters);
  g_test_add_func ("/scorecard/import/csv/metadata-lines", test_metadata_lines);
  g_test_add_func ("/scorecard/import/csv/ragged-and-duplicates", test_ragged_and_duplicates);
  g_test_add_func ("/scorecard/import/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/scorecard/import/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/scorecard/import/csv/utf16", test_utf16);
  g_test_add_func ("/scorecard/import/csv/bad-files", test_bad_files);
  g_test_add_func ("/scorecard/import/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/scorecard/import/csv/large-records", test_large_records);
  g_test_add_func ("/scorecard/import/csv/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/scorecard/import/csv/field-lengths", test_field_lengths);
  g_test_add_func ("/scorecard/import/csv/random-input", test_random_input);
  g_test_add_func ("/scorecard/import/csv/checksum", test_checksum);

  return g_test_run ();
}
