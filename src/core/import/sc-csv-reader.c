/* sc-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A streaming CSV reader. It keeps one buffer of converted (UTF-8) text,
 * parses records straight out of it and hands out fields as views into
 * it, so reading costs no allocation per field or record. Only fields
 * with doubled quotes are copied, into a per-record scratch string.
 * A record that runs past the end of the buffer is moved to its front and
 * parsed again once more input is in, so memory stays constant in the
 * size of the file (bounded by the longest record).
 */

#include "config.h"

#include "sc-csv-reader.h"

#include "sc-checksum.h"

#include <errno.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n.h>

#include "sc-error.h"

#define CHUNK_SIZE        (1 << 20)
#define SNIFF_SIZE        (64 * 1024)
#define SNIFF_RECORDS     60
#define MAX_RECORD_SIZE   (64 * 1024 * 1024)

typedef enum
{
  PARSE_RECORD,
  PARSE_NEED_MORE,
  PARSE_END,
} ParseResult;

typedef struct
{
  gsize    offset;
  gsize    len;
  gboolean in_scratch;
} FieldSpan;

struct _ScCsvReader
{
  GInputStream  *stream;
  GCancellable  *cancellable;

  /* Conversion to UTF-8, when the file is in another encoding. */
  ScCsvEncoding  encoding;
  GIConv         iconv;
  char          *raw;
  gsize          raw_len;
  gboolean       raw_eof;

  /* Converted text: [start, end) is not parsed yet. */
  gsize          chunk;
  char          *buf;
  gsize          cap;
  gsize          start;
  gsize          end;
  gboolean       eof;
  guint64        bytes_read;
  ScChecksum     checksum;     /* of the bytes read */

  char           delimiter;
  gboolean       record_lines;

  FieldSpan     *spans;
  guint          n_spans;
  guint          spans_cap;
  GArray        *fields;
  GString       *scratch;
  gboolean       unterminated;
  ScCsvRecord    record;
  gint64         line;
  gint64         number;

  char         **header;
  guint          n_columns;
  gint64         header_line;
  GPtrArray     *notices;
  gboolean       opened;
};

static const char delimiters[] = { ',', ';', '\t', '|' };

static ScCsvReader *
reader_new (void)
{
  ScCsvReader *self = g_new0 (ScCsvReader, 1);

  self->iconv = (GIConv) -1;
  self->chunk = CHUNK_SIZE;
  sc_checksum_init (&self->checksum);
  self->spans_cap = 64;
  self->spans = g_new (FieldSpan, self->spans_cap);
  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (ScCsvField), 64);
  self->scratch = g_string_sized_new (256);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notices, NULL);
  self->line = 1;
  self->delimiter = 0;   /* detected when opened */
  return self;
}

/**
 * sc_csv_reader_new:
 * @stream: the stream to read
 *
 * Creates a reader for @stream. Call sc_csv_reader_open() next.
 *
 * Returns: (transfer full): a new reader
 */
ScCsvReader *
sc_csv_reader_new (GInputStream *stream)
{
  ScCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = reader_new ();
  self->stream = g_object_ref (stream);
  return self;
}

/**
 * sc_csv_reader_new_for_path:
 * @path: a file name
 * @error: return location for an error
 *
 * Creates a reader for the file at @path.
 *
 * Returns: (transfer full) (nullable): a new reader, or %NULL when the file
 *   cannot be opened
 */
ScCsvReader *
sc_csv_reader_new_for_path (const char  *path,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  return sc_csv_reader_new (G_INPUT_STREAM (stream));
}

/**
 * sc_csv_reader_new_for_data:
 * @data: (array length=len): the file's bytes; copied
 * @len: the length of @data
 *
 * Creates a reader for bytes in memory (tests, previews, fuzzing).
 *
 * Returns: (transfer full): a new reader
 */
ScCsvReader *
sc_csv_reader_new_for_data (const char *data,
                            gsize       len)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
  return sc_csv_reader_new (stream);
}

/**
 * sc_csv_reader_free:
 * @self: a reader
 *
 * Frees the reader and closes its stream.
 */
void
sc_csv_reader_free (ScCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_free (self->raw);
  g_free (self->buf);
  g_free (self->spans);
  g_array_unref (self->fields);
  g_string_free (self->scratch, TRUE);
  g_strfreev (self->header);
  g_ptr_array_unref (self->notices);
  g_free (self);
}

/**
 * sc_csv_reader_set_chunk_size:
 * @self: a reader
 * @size: the bytes to read at a time (at least 1)
 *
 * Sets how much the reader reads at a time, before sc_csv_reader_open().
 * The default (1 MiB) suits files; tests and fuzzing use small chunks to
 * put record boundaries everywhere.
 */
void
sc_csv_reader_set_chunk_size (ScCsvReader *self,
                              gsize        size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->opened);
  g_return_if_fail (size > 0);

  self->chunk = size;
}

/**
 * sc_csv_reader_set_record_lines:
 * @self: a reader
 * @record_lines: %TRUE to count records rather than physical lines
 *
 * Makes ScCsvRecord.line count records (blank ones included) instead of
 * physical lines, for text converted from a spreadsheet whose rows are
 * the records: a cell with a line break still takes one row.
 */
void
sc_csv_reader_set_record_lines (ScCsvReader *self,
                                gboolean     record_lines)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->opened);

  self->record_lines = !!record_lines;
}

/**
 * sc_csv_reader_set_delimiter:
 * @self: a reader
 * @delimiter: the field delimiter, or 0 to detect it
 *
 * Sets the delimiter before sc_csv_reader_open() instead of detecting it.
 */
void
sc_csv_reader_set_delimiter (ScCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->opened);
  g_return_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n');

  self->delimiter = delimiter;
}

static void
add_notice (ScCsvReader *self,
            char        *notice)
{
  g_ptr_array_insert (self->notices, self->notices->len - 1, notice);
}

/* ---- Input ------------------------------------------------------------- */

static gssize
read_stream (ScCsvReader  *self,
             char         *dest,
             gsize         size,
             GError      **error)
{
  gssize n = g_input_stream_read (self->stream, dest, size, self->cancellable, error);

  if (n > 0)
    {
      self->bytes_read += n;
      sc_checksum_update (&self->checksum, dest, n);
    }
  return n;
}

/* Makes room for at least one more chunk after the unparsed text,
 * moving it to the front of the buffer and growing the buffer when one
 * record does not fit. */
static gboolean
make_room (ScCsvReader  *self,
           GError      **error)
{
  gsize pending = self->end - self->start;

  if (self->start > 0)
    {
      memmove (self->buf, self->buf + self->start, pending);
      self->start = 0;
      self->end = pending;
    }
  if (self->cap - self->end >= self->chunk)
    return TRUE;
  if (pending >= MAX_RECORD_SIZE)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("line %" G_GINT64_FORMAT ": a record is longer than %d MiB; "
                     "is a quoted field missing its closing quote?"),
                   self->line, MAX_RECORD_SIZE >> 20);
      return FALSE;
    }
  self->cap = MAX (self->cap * 2, self->chunk * 2);
  self->buf = g_realloc (self->buf, self->cap);
  return TRUE;
}

static gboolean
convert_raw (ScCsvReader  *self,
             GError      **error)
{
  char *in = self->raw;
  gsize in_left = self->raw_len;
  char *out = self->buf + self->end;
  gsize out_left = self->cap - self->end;

  while (in_left > 0 && out_left > 0)
    {
      gsize r = g_iconv (self->iconv, &in, &in_left, &out, &out_left);

      if (r != (gsize) -1 || errno == EINVAL || errno == E2BIG)
        break;
      /* An invalid sequence: replace it rather than give up on the file. */
      if (self->encoding == SC_CSV_ENCODING_UTF16LE || self->encoding == SC_CSV_ENCODING_UTF16BE)
        {
          in += MIN (in_left, 2);
          in_left -= MIN (in_left, 2);
        }
      else
        {
          in++;
          in_left--;
        }
      if (out_left >= 3)
        {
          memcpy (out, "\xEF\xBF\xBD", 3);
          out += 3;
          out_left -= 3;
        }
    }
  self->end = out - self->buf;
  memmove (self->raw, in, in_left);
  self->raw_len = in_left;
  return TRUE;
}

static gboolean
fill_converted (ScCsvReader  *self,
                GError      **error)
{
  gsize before = self->end;

  while (self->end == before)
    {
      if (!self->raw_eof && self->raw_len < self->chunk)
        {
          gssize n = read_stream (self, self->raw + self->raw_len, self->chunk, error);

          if (n < 0)
            return FALSE;
          if (n == 0)
            self->raw_eof = TRUE;
          self->raw_len += n;
        }
      if (!convert_raw (self, error))
        return FALSE;
      /* At the end, bytes left unconverted are a truncated character. */
      if (self->raw_eof && self->end == before)
        self->raw_len = 0;
      if (self->raw_eof && self->raw_len == 0)
        break;
    }
  if (self->end == before && self->raw_eof)
    self->eof = TRUE;
  return TRUE;
}

/* Reads more text after the unparsed part. Sets eof at the end. */
static gboolean
fill (ScCsvReader  *self,
      GError      **error)
{
  gssize n;

  if (self->eof)
    return TRUE;
  if (!make_room (self, error))
    return FALSE;
  if (self->iconv != (GIConv) -1)
    return fill_converted (self, error);

  n = read_stream (self, self->buf + self->end, MIN (self->cap - self->end, self->chunk), error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->end += n;
  return TRUE;
}

/* ---- Parsing ----------------------------------------------------------- */

/* The first @stop (the delimiter in an unquoted field, the quote in a
 * quoted one) or line end in [p, end), or end: the scan through a
 * field, which a byte at a time was a third of the time spent reading a
 * large file. SSE2 (always there on x86-64) looks at sixteen bytes per
 * step; elsewhere, and for the last few bytes, a byte at a time. */
static inline const guchar *
skip_to (const guchar *p,
         const guchar *end,
         guchar        stop)
{
#ifdef __SSE2__
  const __m128i stops = _mm_set1_epi8 ((char) stop);
  const __m128i cr = _mm_set1_epi8 ('\r');
  const __m128i lf = _mm_set1_epi8 ('\n');

  while (end - p >= 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) (const void *) p);
      __m128i hits = _mm_or_si128 (_mm_cmpeq_epi8 (bytes, stops),
                                   _mm_or_si128 (_mm_cmpeq_epi8 (bytes, cr),
                                                 _mm_cmpeq_epi8 (bytes, lf)));
      unsigned int mask = (unsigned int) _mm_movemask_epi8 (hits);

      if (mask != 0)
        return p + __builtin_ctz (mask);
      p += 16;
    }
#endif
  while (p < end && *p != stop && *p != '\r' && *p != '\n')
    p++;
  return p;
}

/* Parses a quoted field whose opening quote is at *pp. */
static ParseResult
parse_quoted (ScCsvReader   *self,
              const guchar  *start,
              const guchar **pp,
              const guchar  *end,
              gboolean       eof,
              gint64        *newlines,
              FieldSpan     *span)
{
  const guchar *p = *pp + 1;
  const guchar *q0 = p;
  gsize scratch_off = self->scratch->len;
  gboolean copied = FALSE;

  for (;;)
    {
      /* To the closing quote, counting the lines on the way. */
      while ((p = skip_to (p, end, '"')) < end && *p != '"')
        {
          if (*p == '\n' || p + 1 >= end || p[1] != '\n')
            (*newlines)++;
          p++;
        }
      if (p == end || (p + 1 == end && !eof))
        {
          if (!eof)
            return PARSE_NEED_MORE;
          self->unterminated = TRUE;
          break;
        }
      if (p + 1 < end && p[1] == '"')
        {
          g_string_append_len (self->scratch, (const char *) q0, p + 1 - q0);
          copied = TRUE;
          p += 2;
          q0 = p;
          continue;
        }
      break;
    }

  if (copied || (p + 1 < end && p[1] != (guchar) self->delimiter && p[1] != '\r' && p[1] != '\n'))
    {
      /* Text after the closing quote is kept, as most readers do. */
      const guchar *t;

      g_string_append_len (self->scratch, (const char *) q0, p - q0);
      copied = TRUE;
      t = p < end ? p + 1 : p;
      p = skip_to (t, end, self->delimiter);
      if (p == end && !eof)
        return PARSE_NEED_MORE;
      g_string_append_len (self->scratch, (const char *) t, p - t);
    }
  else
    {
      span->offset = q0 - start;
      span->len = p - q0;
      span->in_scratch = FALSE;
      *pp = p < end ? p + 1 : p;
      return PARSE_RECORD;
    }

  span->offset = scratch_off;
  span->len = self->scratch->len - scratch_off;
  span->in_scratch = TRUE;
  *pp = p;
  return PARSE_RECORD;
}

/* Parses one record at the start of [start, end). On PARSE_RECORD,
 * *consumed holds its length including the line end and *newlines the
 * physical lines it spans. */
static ParseResult
parse_record (ScCsvReader  *self,
              const guchar *start,
              const guchar *end,
              gboolean      eof,
              gsize        *consumed,
              gint64       *newlines)
{
  const guchar *p = start;
  const guchar delim = self->delimiter;

  self->n_spans = 0;
  if (self->scratch->len > 0)
    g_string_truncate (self->scratch, 0);
  self->unterminated = FALSE;
  *newlines = 0;

  if (p == end)
    return eof ? PARSE_END : PARSE_NEED_MORE;

  for (;;)
    {
      FieldSpan span;

      if (p < end && *p == '"')
        {
          ParseResult r = parse_quoted (self, start, &p, end, eof, newlines, &span);

          if (r != PARSE_RECORD)
            return r;
        }
      else
        {
          const guchar *f = p;

          p = skip_to (p, end, delim);
          span.offset = f - start;
          span.len = p - f;
          span.in_scratch = FALSE;
        }
      if G_UNLIKELY (self->n_spans == self->spans_cap)
        {
          self->spans_cap *= 2;
          self->spans = g_renew (FieldSpan, self->spans, self->spans_cap);
        }
      self->spans[self->n_spans++] = span;

      if (p == end)
        {
          if (!eof)
            return PARSE_NEED_MORE;
          break;
        }
      if (*p == delim)
        {
          p++;
          continue;
        }
      if (*p == '\r')
        {
          if (p + 1 == end && !eof)
            return PARSE_NEED_MORE;
          p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
        }
      else
        p++;
      (*newlines)++;
      break;
    }

  *consumed = p - start;
  return PARSE_RECORD;
}

/* Strict UTF-8 validation (no overlong forms, surrogates or code points
 * above U+10FFFF), with a fast path over ASCII eight bytes at a time. */
static gboolean
validate_utf8 (const guchar *p,
               gsize         len)
{
  const guchar *end = p + len;

  while (p < end)
    {
      guint c;

      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if (w & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      if (p == end)
        break;
      c = *p;
      if (c < 0x80)
        p++;
      else if (c >= 0xC2 && c <= 0xDF)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c >= 0xE0 && c <= 0xEF)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
            return FALSE;
          p += 3;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (p[3] & 0xC0) != 0x80 || (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
            return FALSE;
          p += 4;
        }
      else
        return FALSE;
    }
  return TRUE;
}

static void
finish_record (ScCsvReader  *self,
               const guchar *start,
               gsize         consumed)
{
  ScCsvRecord *rec = &self->record;
  gsize raw_len = consumed;
  ScCsvField *fields;

  if (self->fields->len < self->n_spans)
    g_array_set_size (self->fields, self->n_spans);
  fields = (ScCsvField *) (void *) self->fields->data;
  for (guint i = 0; i < self->n_spans; i++)
    {
      const FieldSpan *span = &self->spans[i];

      fields[i].data = (span->in_scratch ? self->scratch->str : (const char *) start) + span->offset;
      fields[i].len = span->len;
    }

  while (raw_len > 0 && (start[raw_len - 1] == '\n' || start[raw_len - 1] == '\r'))
    raw_len--;

  rec->n_fields = self->n_spans;
  rec->fields = fields;
  rec->raw = (const char *) start;
  rec->raw_len = raw_len;
  rec->unterminated = self->unterminated;
  rec->bad_utf8_field = -1;
  if (!validate_utf8 (start, raw_len))
    {
      for (guint i = 0; i < rec->n_fields; i++)
        if (!validate_utf8 ((const guchar *) fields[i].data, fields[i].len))
          {
            rec->bad_utf8_field = i;
            break;
          }
      /* The damage sits in a delimiter or quote: blame the first field. */
      if (rec->bad_utf8_field < 0)
        rec->bad_utf8_field = 0;
    }
}

/* Whether the record just parsed at @start is an empty line. */
static gboolean
is_blank_record (ScCsvReader  *self,
                 const guchar *start,
                 gsize         consumed)
{
  const FieldSpan *span = &self->spans[0];

  return self->n_spans == 1 && span->len == 0 && !span->in_scratch &&
         (consumed == 0 || start[0] == '\r' || start[0] == '\n');
}

/* Reads the next non-blank record; %NULL at the end or on error. */
static const ScCsvRecord *
read_record (ScCsvReader  *self,
             GError      **error)
{
  for (;;)
    {
      const guchar *start = (const guchar *) self->buf + self->start;
      gsize consumed = 0;
      gint64 newlines = 0;
      ParseResult r;

      r = parse_record (self, start, (const guchar *) self->buf + self->end,
                        self->eof, &consumed, &newlines);
      if (r == PARSE_END)
        return NULL;
      if (r == PARSE_NEED_MORE)
        {
          if (!fill (self, error))
            return NULL;
          continue;
        }

      if (self->record_lines)
        newlines = 1;
      if (is_blank_record (self, start, consumed))
        {
          self->start += consumed;
          self->line += newlines;
          continue;
        }
      finish_record (self, start, consumed);
      self->record.line = self->line;
      self->start += consumed;
      self->line += newlines;
      return &self->record;
    }
}

/* ---- Sniffing ---------------------------------------------------------- */

static gboolean
looks_like_utf16 (const guchar *p,
                  gsize         len,
                  int           zero_at)
{
  gsize zeros = 0, pairs = len / 2;

  if (pairs < 2)
    return FALSE;
  for (gsize i = 0; i < pairs; i++)
    if (p[2 * i + zero_at] == 0 && p[2 * i + 1 - zero_at] != 0)
      zeros++;
  return zeros * 10 >= pairs * 9;
}

/* Counts valid multi-byte sequences and invalid bytes in a sample. */
static void
count_utf8 (const guchar *p,
            gsize         len,
            gsize        *valid_multi,
            gsize        *invalid,
            gboolean     *has_c1)
{
  const char *s = (const char *) p;
  const char *end = s + len;

  *valid_multi = *invalid = 0;
  *has_c1 = FALSE;
  while (s < end)
    {
      const char *bad = NULL;

      if (g_utf8_validate_len (s, end - s, &bad))
        break;
      for (const char *t = s; t < bad; t++)
        if ((guchar) *t >= 0xC0)
          (*valid_multi)++;
      /* Ignore a sequence cut off by the end of the sample. */
      if (end - bad < 4 && g_utf8_get_char_validated (bad, end - bad) == (gunichar) -2)
        break;
      if ((guchar) *bad == 0x81 || (guchar) *bad == 0x8D || (guchar) *bad == 0x8F ||
          (guchar) *bad == 0x90 || (guchar) *bad == 0x9D)
        *has_c1 = TRUE;
      (*invalid)++;
      s = bad + 1;
    }
  for (const char *t = s; t < end; t++)
    if ((guchar) *t >= 0xC0)
      (*valid_multi)++;
}

/* Whether the text at @p (after a byte-order mark and blanks) starts
 * with @prefix, ignoring case. */
static gboolean
starts_with_markup (const guchar *p,
                    gsize         len,
                    const char   *prefix)
{
  gsize i = 0, n = strlen (prefix);

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (p[i]))
    i++;
  return len - i >= n && g_ascii_strncasecmp ((const char *) p + i, prefix, n) == 0;
}

/* Web pages and Excel 2003 XML that tools save under an Excel name (as
 * Jira's "Excel" export does), which would otherwise be read as text. */
static gboolean
check_markup (const guchar  *p,
              gsize          len,
              GError       **error)
{
  g_autofree char *head = g_ascii_strdown ((const char *) p, MIN (len, 4096));

  if (starts_with_markup (p, len, "<?xml") &&
      strstr (head, "urn:schemas-microsoft-com:office:spreadsheet") != NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is an Excel 2003 XML spreadsheet, which Scorecard cannot read. "
                             "Open it in a spreadsheet program and save it as Excel Workbook "
                             "(.xlsx) or CSV, then import that file."));
      return FALSE;
    }
  if (starts_with_markup (p, len, "<!doctype html") || starts_with_markup (p, len, "<html") ||
      starts_with_markup (p, len, "<table") ||
      (starts_with_markup (p, len, "<?xml") && strstr (head, "<html") != NULL))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is a web page (HTML), not a CSV export (some tools save one "
                             "under an Excel name). Export the data as CSV instead, or open the "
                             "file in a spreadsheet program and save it as Excel Workbook (.xlsx) "
                             "or CSV."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_magic (const guchar  *p,
             gsize          len,
             GError       **error)
{
  if (len == 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE, _("The file is empty."));
      return FALSE;
    }
  if (len >= 8 && memcmp (p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is an old binary Excel workbook (.xls), which Scorecard "
                             "cannot read. Open it in a spreadsheet program and save it as "
                             "Excel Workbook (.xlsx) or CSV, then import that file."));
      return FALSE;
    }
  if (len >= 4 && memcmp (p, "PK\x03\x04", 4) == 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is a ZIP archive (such as an .xlsx workbook), not a CSV "
                             "file."));
      return FALSE;
    }
  return check_markup (p, len, error);
}

static gboolean
is_binary (const guchar *p,
           gsize         len)
{
  gsize controls = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (p[i] == 0)
        return TRUE;
      if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\n' && p[i] != '\f')
        controls++;
    }
  return controls * 100 > len;
}

static gboolean
start_conversion (ScCsvReader  *self,
                  ScCsvEncoding encoding,
                  gsize         skip,
                  GError      **error)
{
  self->encoding = encoding;
  self->iconv = g_iconv_open ("UTF-8", sc_csv_encoding_get_name (encoding));
  if (self->iconv == (GIConv) -1)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("Cannot convert the file from %s."), sc_csv_encoding_get_name (encoding));
      return FALSE;
    }
  /* The sniffed bytes become the converter's input. */
  self->raw_len = self->end - skip;
  self->raw = g_malloc (MAX (self->chunk * 2, self->raw_len));
  memcpy (self->raw, self->buf + skip, self->raw_len);
  self->raw_eof = self->eof;
  self->eof = FALSE;
  self->start = self->end = 0;
  return convert_raw (self, error);
}

static gboolean
detect_encoding (ScCsvReader  *self,
                 GError      **error)
{
  const guchar *p = (const guchar *) self->buf;
  gsize len = self->end;
  gsize valid_multi, invalid;
  gboolean has_c1;

  if (!check_magic (p, len, error))
    return FALSE;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    {
      self->start = 3;
      return TRUE;
    }
  if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
    return start_conversion (self, SC_CSV_ENCODING_UTF16LE, 2, error);
  if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
    return start_conversion (self, SC_CSV_ENCODING_UTF16BE, 2, error);
  if (looks_like_utf16 (p, MIN (len, 4096), 1))
    return start_conversion (self, SC_CSV_ENCODING_UTF16LE, 0, error);
  if (looks_like_utf16 (p, MIN (len, 4096), 0))
    return start_conversion (self, SC_CSV_ENCODING_UTF16BE, 0, error);
  if (is_binary (p, MIN (len, 65536)))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is a binary file, not a text (CSV) export."));
      return FALSE;
    }

  count_utf8 (p, len, &valid_multi, &invalid, &has_c1);
  if (invalid > 0 && valid_multi == 0)
    {
      ScCsvEncoding encoding = has_c1 ? SC_CSV_ENCODING_LATIN1 : SC_CSV_ENCODING_WINDOWS_1252;

      add_notice (self, g_strdup_printf (_("The file is not UTF-8; it was read as %s."),
                                         sc_csv_encoding_get_name (encoding)));
      return start_conversion (self, encoding, 0, error);
    }
  return TRUE;
}

/* Fills the buffer with at least SNIFF_SIZE bytes (or the whole file). */
static gboolean
fill_sniff (ScCsvReader  *self,
            GError      **error)
{
  while (!self->eof && self->end - self->start < SNIFF_SIZE)
    if (!fill (self, error))
      return FALSE;
  return TRUE;
}

/* Parses the sniffed text with one delimiter and returns the most common
 * field count, how many records have it and which record has it first. */
static guint
score_delimiter (ScCsvReader *self,
                 guint       *mode_out,
                 guint       *first_out)
{
  guint counts[SNIFF_RECORDS], n = 0, best = 0, best_n = 0;
  gsize pos = self->start;

  while (n < SNIFF_RECORDS)
    {
      gsize consumed = 0;
      gint64 newlines = 0;
      ParseResult r;

      r = parse_record (self, (const guchar *) self->buf + pos,
                        (const guchar *) self->buf + self->end, self->eof, &consumed, &newlines);
      if (r != PARSE_RECORD)
        break;
      if (!is_blank_record (self, (const guchar *) self->buf + pos, consumed))
        counts[n++] = self->n_spans;
      pos += consumed;
    }
  for (guint i = 0; i < n; i++)
    {
      guint same = 0;

      for (guint j = 0; j < n; j++)
        same += counts[j] == counts[i];
      if (same > best_n || (same == best_n && counts[i] > best))
        {
          best = counts[i];
          best_n = same;
        }
    }
  *mode_out = best;
  *first_out = 0;
  for (guint i = 0; i < n; i++)
    if (counts[i] == best)
      {
        *first_out = i;
        break;
      }
  return best >= 2 ? best_n : 0;
}

static void
detect_delimiter (ScCsvReader *self)
{
  guint best_score = 0, best_mode = 0;
  char best = ',';

  for (gsize i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      guint mode, first, score;

      self->delimiter = delimiters[i];
      score = score_delimiter (self, &mode, &first);
      if (score > best_score || (score == best_score && score > 0 && mode > best_mode))
        {
          best_score = score;
          best_mode = mode;
          best = delimiters[i];
        }
    }
  self->delimiter = best;
}

static char *
dup_header_name (const ScCsvField *field)
{
  g_autofree char *valid = g_utf8_make_valid (field->data, field->len);

  return g_strdup (g_strstrip (valid));
}

static gboolean
read_header (ScCsvReader  *self,
             GError      **error)
{
  const ScCsvRecord *rec;
  guint mode, first;
  GPtrArray *names;

  score_delimiter (self, &mode, &first);
  /* Lines above the header (report titles, periods) are skipped. */
  for (guint i = 0; i < first; i++)
    if (read_record (self, error) == NULL)
      return FALSE;
  if (first > 0)
    add_notice (self, g_strdup_printf (ngettext ("Skipped %u line above the header.",
                                                 "Skipped %u lines above the header.", first),
                                       first));

  rec = read_record (self, error);
  if (rec == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE, _("The file is empty."));
      return FALSE;
    }
  names = g_ptr_array_new ();
  for (guint i = 0; i < rec->n_fields; i++)
    g_ptr_array_add (names, dup_header_name (&rec->fields[i]));
  g_ptr_array_add (names, NULL);
  self->header = (char **) g_ptr_array_free (names, FALSE);
  self->n_columns = rec->n_fields;
  self->header_line = rec->line;
  return TRUE;
}

/**
 * sc_csv_reader_open:
 * @self: a reader
 * @cancellable: (nullable): a cancellable for the reads
 * @error: return location for an error
 *
 * Detects the encoding and the delimiter, skips lines above the header
 * and reads the header. Fails with %SC_ERROR_PARSE and a message for the
 * user on an empty, binary or Excel 97 file.
 *
 * Returns: %TRUE when the header was read
 */
gboolean
sc_csv_reader_open (ScCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->opened, FALSE);

  self->opened = TRUE;
  g_set_object (&self->cancellable, cancellable);
  if (!fill_sniff (self, error) || !detect_encoding (self, error))
    return FALSE;
  if (!fill_sniff (self, error))
    return FALSE;
  if (self->end == self->start)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE, _("The file is empty."));
      return FALSE;
    }
  if (self->delimiter == 0)
    detect_delimiter (self);
  return read_header (self, error);
}

/**
 * sc_csv_reader_next:
 * @self: an open reader
 * @error: return location for an error
 *
 * Reads the next record. Blank lines are skipped.
 *
 * Returns: (transfer none) (nullable): the record, valid until the next
 *   call; %NULL at the end of the file or on error
 */
const ScCsvRecord *
sc_csv_reader_next (ScCsvReader  *self,
                    GError      **error)
{
  const ScCsvRecord *rec;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->header != NULL, NULL);

  rec = read_record (self, error);
  if (rec != NULL)
    self->record.number = ++self->number;
  return rec;
}

char
sc_csv_reader_get_delimiter (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->delimiter;
}

ScCsvEncoding
sc_csv_reader_get_encoding (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, SC_CSV_ENCODING_UTF8);
  return self->encoding;
}

guint
sc_csv_reader_get_n_columns (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/**
 * sc_csv_reader_get_header:
 * @self: an open reader
 *
 * Returns: (transfer none) (array zero-terminated=1): the column names,
 *   trimmed, duplicates kept as they are
 */
const char * const *
sc_csv_reader_get_header (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->header;
}

gint64
sc_csv_reader_get_header_line (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header_line;
}

/**
 * sc_csv_reader_get_bytes_read:
 * @self: a reader
 *
 * Returns: the bytes read from the stream so far (for progress)
 */
guint64
sc_csv_reader_get_bytes_read (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_read;
}

/**
 * sc_csv_reader_dup_checksum:
 * @self: a reader
 *
 * The checksum of the bytes read from the stream so far: once
 * sc_csv_reader_next() has returned %NULL without an error, that of the
 * whole stream.
 *
 * Returns: (transfer full): the checksum, as the import history keeps it
 */
char *
sc_csv_reader_dup_checksum (ScCsvReader *self)
{
  ScChecksum copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = self->checksum;
  return sc_checksum_finish (&copy);
}

/**
 * sc_csv_reader_get_notices:
 * @self: a reader
 *
 * Returns: (transfer none) (array zero-terminated=1): what the reader
 *   changed while reading (encoding converted, lines skipped), for the user
 */
const char * const *
sc_csv_reader_get_notices (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->notices->pdata;
}

const char *
sc_csv_encoding_get_name (ScCsvEncoding encoding)
{
  switch (encoding)
    {
    case SC_CSV_ENCODING_UTF8:
      return "UTF-8";
    case SC_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case SC_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case SC_CSV_ENCODING_WINDOWS_1252:
      return "WINDOWS-1252";
    case SC_CSV_ENCODING_LATIN1:
      return "ISO-8859-1";
    default:
      g_return_val_if_reached ("UTF-8");
    }
}
