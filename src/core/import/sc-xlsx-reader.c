/* sc-xlsx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Excel workbooks (.xlsx, Office Open XML) read through libzip and
 * libxml2. ScXlsxBook opens the archive and holds what every sheet
 * needs: the sheet list, the shared strings and which cell styles show
 * dates (these parts are read with the streaming xmlTextReader).
 * ScXlsxStream turns one sheet into CSV text as it is read, so that
 * ScCsvReader and the importer (presets, parsers, rejects) treat a
 * workbook like any export; the sheet's XML is unpacked from the archive
 * a chunk at a time into libxml2's SAX2 push parser (more than twice as
 * fast as the reader on big sheets) and never held whole.
 *
 * The CSV has one line per sheet row (missing rows become empty lines,
 * so that line numbers are the sheet's row numbers), cells joined with
 * commas and quoted when needed. Empty cells, which the XML leaves out,
 * become empty fields: from the header on, every row is as wide as the
 * header (or the sheet's dimension), while title lines above it keep
 * their own width so that the reader can tell them from the header.
 * Numbers whose cell format shows a date or a time are written as
 * "YYYY-MM-DD[ HH:MM:SS]" wall-clock text (the importer reads it in the
 * import's time zone); elapsed-time formats ([h]:mm:ss) as H:MM:SS.
 */

#include "config.h"

#include "sc-xlsx-reader.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "sc-error.h"
#include "sc-parse.h"

#define MAX_COLUMNS     16384
#define MAX_ROWS        1048576
#define MAX_DIM_WIDTH   1024
#define LOOKAHEAD_ROWS  60
#define CHUNK_SIZE      (64 * 1024)
#define SERIAL_MAX      2958465.0   /* 9999-12-31 */

typedef enum
{
  FORMAT_NUMBER,
  FORMAT_DATE,
  FORMAT_TIME,
  FORMAT_DURATION,
} FormatKind;

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_STRING,
  CELL_BOOL,
  CELL_OTHER,
} CellType;

typedef struct
{
  char *name;
  char *part;
} Sheet;

struct _ScXlsxBook
{
  GObject       parent_instance;

  GBytes       *bytes;
  zip_t        *zip;
  GPtrArray    *sheets;      /* Sheet, the worksheets in workbook order */
  char        **names;
  guint         default_sheet;
  gboolean      date1904;
  GStringChunk *chunk;
  GPtrArray    *strings;     /* the shared strings, in @chunk */
  GByteArray   *formats;     /* FormatKind by cell style index */
};

G_DEFINE_FINAL_TYPE (ScXlsxBook, sc_xlsx_book, G_TYPE_OBJECT)

/* One part (file) of the archive being read as XML. */
typedef struct
{
  zip_file_t *file;
  char       *name;
  guint64     read;
  gboolean    io_failed;
  char       *message;
  int         line;
} Part;

typedef struct
{
  gint64   number;
  GString *text;       /* the fields up to the last one with a value */
  guint    n_cols;
  guint    n_values;
} Row;

struct _ScXlsxStream
{
  GInputStream      parent_instance;

  ScXlsxBook       *book;
  char             *sheet;
  Part              part;
  xmlParserCtxtPtr  parser;
  char             *chunk;
  GError           *error;        /* what a SAX callback found wrong */
  guint64           total;
  guint             dim_width;

  /* The cell being read: its XML text and its CSV field. */
  GString          *value;
  GString          *cell;
  CellType          cell_type;
  FormatKind        cell_format;
  int               cell_col;
  guint             next_col;
  gboolean          in_value;
  gboolean          in_phonetic;

  Row               row;
  gint64            last_number;   /* the last row read */
  gint64            last_written;  /* the last row written */
  GPtrArray        *lookahead;     /* the first rows, until the header is found */
  gboolean          parsed;        /* the end of the sheet's data was reached */
  gboolean          finished;      /* and all of it is in @out */
  guint             width;

  GString          *out;
  gsize             out_pos;
};

G_DEFINE_FINAL_TYPE (ScXlsxStream, sc_xlsx_stream, G_TYPE_INPUT_STREAM)

/* ---- Parts ------------------------------------------------------------- */

static int
part_read_cb (void *context,
              char *buffer,
              int   len)
{
  Part *part = context;
  zip_int64_t n = zip_fread (part->file, buffer, len);

  if (n < 0)
    {
      part->io_failed = TRUE;
      return -1;
    }
  part->read += n;
  return (int) n;
}

static void
part_error_cb (void                    *arg,
               const char              *msg,
               xmlParserSeverities      severity,
               xmlTextReaderLocatorPtr  locator)
{
  Part *part = arg;

  if (part->message != NULL ||
      (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
    return;
  part->message = g_strstrip (g_strdup (msg));
  part->line = xmlTextReaderLocatorLineNumber (locator);
}

static void
part_clear (Part *part)
{
  g_clear_pointer (&part->file, zip_fclose);
  g_clear_pointer (&part->name, g_free);
  g_clear_pointer (&part->message, g_free);
}

/* Opens the part @name of the archive for reading. A missing part is an
 * error only when @required; otherwise %NULL comes back without one. */
static xmlTextReaderPtr
part_open (ScXlsxBook  *book,
           Part        *part,
           const char  *name,
           gboolean     required,
           GError     **error)
{
  xmlTextReaderPtr reader;

  memset (part, 0, sizeof *part);
  part->file = zip_fopen (book->zip, name, 0);
  if (part->file == NULL)
    {
      if (required)
        g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                     _("The workbook has no part “%s” (%s); is the file damaged?"),
                     name, zip_strerror (book->zip));
      return NULL;
    }
  part->name = g_strdup (name);
  /* No network, no DTD loading, no entity substitution. */
  reader = xmlReaderForIO (part_read_cb, NULL, part, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, _("Cannot read the workbook part “%s”."), name);
      part_clear (part);
      return NULL;
    }
  xmlTextReaderSetErrorHandler (reader, part_error_cb, part);
  return reader;
}

/* Says why reading the part stopped with @status < 0. */
static void
part_set_error (Part    *part,
                GError **error)
{
  if (part->io_failed)
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("The workbook is damaged: its part “%s” cannot be unpacked (%s)."),
                 part->name, zip_file_strerror (part->file));
  else if (part->message != NULL)
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("The workbook part “%s” is not valid XML (line %d: %s); is the file damaged?"),
                 part->name, part->line, part->message);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("The workbook part “%s” is not valid XML; is the file damaged?"), part->name);
}

static gboolean
part_finish (Part              *part,
             xmlTextReaderPtr   reader,
             int                status,
             GError           **error)
{
  gboolean ok = status >= 0;

  if (!ok)
    part_set_error (part, error);
  xmlFreeTextReader (reader);
  part_clear (part);
  return ok;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_text (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static char *
dup_attribute (xmlTextReaderPtr  reader,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The relationship id of a <sheet>: the attribute "id" in whatever
 * namespace prefix the writer chose (r:id, or the Strict namespace). */
static char *
dup_relationship_id (xmlTextReaderPtr reader)
{
  char *id = NULL;

  while (id == NULL && xmlTextReaderMoveToNextAttribute (reader) == 1)
    if (xmlTextReaderConstNamespaceUri (reader) != NULL &&
        strcmp ((const char *) xmlTextReaderConstLocalName (reader), "id") == 0)
      id = g_strdup ((const char *) xmlTextReaderConstValue (reader));
  xmlTextReaderMoveToElement (reader);
  return id;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (and a literal
 * "_x" as _x005F_x). */
static void
decode_escapes (GString *s)
{
  gsize out = 0;

  if (strstr (s->str, "_x") == NULL)
    return;
  for (gsize i = 0; i < s->len; )
    {
      const char *p = s->str + i;

      if (i + 7 <= s->len && p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) &&
          g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) &&
          p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8) |
                       (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);
          char buf[6];
          int n;

          if (c == 0 || !g_unichar_validate (c))
            c = 0xFFFD;
          n = g_unichar_to_utf8 (c, buf);
          memcpy (s->str + out, buf, n);
          out += n;
          i += 7;
        }
      else
        s->str[out++] = s->str[i++];
    }
  g_string_truncate (s, out);
}

/* ---- Relationships ----------------------------------------------------- */

typedef struct
{
  char *id;
  char *type;
  char *target;
} Rel;

static void
rel_free (Rel *rel)
{
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

/* Resolves @target, relative to the folder of the part @source, to a
 * part name. */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *slash = strrchr (source, '/');

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (slash != NULL)
    joined = g_strdup_printf ("%.*s%s", (int) (slash - source + 1), source, target);
  else
    joined = g_strdup (target);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && parts->len > 0)
        g_ptr_array_remove_index (parts, parts->len - 1);
      else if (!g_str_equal (segments[i], ".") && !g_str_equal (segments[i], "..") &&
               segments[i][0] != '\0')
        g_ptr_array_add (parts, segments[i]);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **) parts->pdata);
}

/* Reads the relationships part @name; %NULL with an error when it is
 * missing and @required. */
static GPtrArray *
read_rels (ScXlsxBook  *book,
           const char  *name,
           gboolean     required,
           GError     **error)
{
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) rel_free);
  Part part;
  xmlTextReaderPtr reader = part_open (book, &part, name, required, error);
  int status;

  if (reader == NULL)
    return required ? NULL : g_steal_pointer (&rels);
  while ((status = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "Relationship"))
      {
        Rel *rel = g_new0 (Rel, 1);

        rel->id = dup_attribute (reader, "Id");
        rel->type = dup_attribute (reader, "Type");
        rel->target = dup_attribute (reader, "Target");
        if (rel->id != NULL && rel->type != NULL && rel->target != NULL)
          g_ptr_array_add (rels, rel);
        else
          rel_free (rel);
      }
  if (!part_finish (&part, reader, status, error))
    return NULL;
  return g_steal_pointer (&rels);
}

/* The part of the first relationship whose type ends in /@kind. */
static char *
find_rel_part (GPtrArray  *rels,
               const char *source,
               const char *kind)
{
  for (guint i = 0; i < rels->len; i++)
    {
      Rel *rel = g_ptr_array_index (rels, i);
      const char *slash = strrchr (rel->type, '/');

      if (slash != NULL && g_str_equal (slash + 1, kind))
        return resolve_target (source, rel->target);
    }
  return NULL;
}

static Rel *
find_rel (GPtrArray  *rels,
          const char *id)
{
  for (guint i = 0; id != NULL && i < rels->len; i++)
    {
      Rel *rel = g_ptr_array_index (rels, i);

      if (g_str_equal (rel->id, id))
        return rel;
    }
  return NULL;
}

static char *
rels_part_for (const char *part)
{
  const char *slash = strrchr (part, '/');

  if (slash == NULL)
    return g_strconcat ("_rels/", part, ".rels", NULL);
  return g_strdup_printf ("%.*s_rels/%s.rels", (int) (slash - part + 1), part, slash + 1);
}

/* ---- Shared strings and styles ----------------------------------------- */

/* Reads the text of the <si> or <is> element the reader is on (rich
 * text runs joined, phonetic runs left out) into @text. */
static int
read_string_item (xmlTextReaderPtr  reader,
                  const char       *item,
                  GString          *text)
{
  gboolean in_t = FALSE, in_phonetic = FALSE;
  int status;

  g_string_truncate (text, 0);
  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  while ((status = xmlTextReaderRead (reader)) == 1 && !is_end (reader, item))
    {
      if (is_element (reader, "rPh"))
        in_phonetic = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (reader, "t"))
        in_t = !in_phonetic && !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_t = FALSE;
      else if (in_t && is_text (reader))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  decode_escapes (text);
  return status;
}

static gboolean
load_strings (ScXlsxBook  *self,
              const char  *name,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Part part;
  xmlTextReaderPtr reader;
  int status;

  self->chunk = g_string_chunk_new (64 * 1024);
  self->strings = g_ptr_array_new ();
  if (name == NULL || (reader = part_open (self, &part, name, FALSE, error)) == NULL)
    return error == NULL || *error == NULL;
  while ((status = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "si"))
      {
        status = read_string_item (reader, "si", text);
        if (status < 0)
          break;
        g_ptr_array_add (self->strings, g_string_chunk_insert_len (self->chunk, text->str, text->len));
      }
  return part_finish (&part, reader, status, error);
}

/* What a number format code shows. Only the first section counts;
 * quoted text, escaped characters and [colour] or [$-locale] brackets are
 * not format letters, but [h], [m] and [s] make an elapsed time. */
static FormatKind
classify_format_code (const char *code)
{
  gboolean day_year = FALSE, month_minute = FALSE, hour_second = FALSE, quoted = FALSE;

  for (const char *c = code; *c != '\0' && (quoted || *c != ';'); c++)
    {
      char l = g_ascii_tolower (*c);

      if (*c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if ((*c == '\\' || *c == '_' || *c == '*') && c[1] != '\0')
        c++;
      else if (*c == '[')
        {
          const char *end = strchr (c, ']');
          char first;

          if (end == NULL)
            break;
          first = g_ascii_tolower (c[1]);
          if (end > c + 1 && strchr ("hms", first) != NULL &&
              strspn (c + 1, (char[]) { first, g_ascii_toupper (first), '\0' }) == (gsize) (end - c - 1))
            return FORMAT_DURATION;
          c = end;
        }
      else if (l == 'd' || l == 'y')
        day_year = TRUE;
      else if (l == 'm')
        month_minute = TRUE;
      else if (l == 'h' || l == 's')
        hour_second = TRUE;
    }
  /* "m" next to h or s is minutes, not months. */
  if (day_year || (month_minute && !hour_second))
    return FORMAT_DATE;
  return hour_second ? FORMAT_TIME : FORMAT_NUMBER;
}

static FormatKind
builtin_format (int id)
{
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return FORMAT_DATE;
  if ((id >= 18 && id <= 21) || id == 45 || id == 47)
    return FORMAT_TIME;
  if (id == 46)
    return FORMAT_DURATION;
  return FORMAT_NUMBER;
}

static int
int_attribute (xmlTextReaderPtr  reader,
               const char       *name,
               int               fallback)
{
  g_autofree char *value = dup_attribute (reader, name);
  gint64 n;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, G_MAXINT, &n, NULL))
    return fallback;
  return (int) n;
}

static gboolean
load_styles (ScXlsxBook  *self,
             const char  *name,
             GError     **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean in_xfs = FALSE;
  Part part;
  xmlTextReaderPtr reader;
  int status;

  self->formats = g_byte_array_new ();
  if (name == NULL || (reader = part_open (self, &part, name, FALSE, error)) == NULL)
    return error == NULL || *error == NULL;
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *code = dup_attribute (reader, "formatCode");
          int id = int_attribute (reader, "numFmtId", -1);

          if (id >= 0 && code != NULL)
            g_hash_table_insert (custom, GINT_TO_POINTER (id),
                                 GINT_TO_POINTER (classify_format_code (code)));
        }
      else if (is_element (reader, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (reader, "xf"))
        {
          int id = int_attribute (reader, "numFmtId", 0);
          gpointer kind;
          guint8 format = g_hash_table_lookup_extended (custom, GINT_TO_POINTER (id), NULL, &kind)
            ? (FormatKind) GPOINTER_TO_INT (kind) : builtin_format (id);

          g_byte_array_append (self->formats, &format, 1);
        }
    }
  return part_finish (&part, reader, status, error);
}

/* ---- The workbook ------------------------------------------------------ */

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->part);
  g_free (sheet);
}

/* Reads the sheet list and the date system of the workbook part. */
static gboolean
read_workbook (ScXlsxBook  *self,
               const char  *name,
               GPtrArray   *rels,
               GError     **error)
{
  Part part;
  xmlTextReaderPtr reader = part_open (self, &part, name, TRUE, error);
  gboolean have_visible = FALSE;
  int status;

  if (reader == NULL)
    return FALSE;
  while ((status = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "workbookPr"))
      {
        g_autofree char *d1904 = dup_attribute (reader, "date1904");

        self->date1904 = g_strcmp0 (d1904, "1") == 0 || g_strcmp0 (d1904, "true") == 0;
      }
    else if (is_element (reader, "sheet"))
      {
        g_autofree char *id = dup_relationship_id (reader);
        g_autofree char *state = dup_attribute (reader, "state");
        Rel *rel = find_rel (rels, id);
        const char *slash = rel != NULL ? strrchr (rel->type, '/') : NULL;
        Sheet *sheet;

        /* Chart sheets and macro sheets hold no table. */
        if (slash == NULL || !g_str_equal (slash + 1, "worksheet"))
          continue;
        sheet = g_new0 (Sheet, 1);
        sheet->name = dup_attribute (reader, "name");
        if (sheet->name == NULL)
          sheet->name = g_strdup_printf ("%u", self->sheets->len + 1);
        sheet->part = resolve_target (name, rel->target);
        if (!have_visible && state == NULL)
          {
            self->default_sheet = self->sheets->len;
            have_visible = TRUE;
          }
        g_ptr_array_add (self->sheets, sheet);
      }
  return part_finish (&part, reader, status, error);
}

/* Tells workbooks apart from the other ZIP files people mix up with them. */
static gboolean
check_kind (ScXlsxBook  *self,
            GError     **error)
{
  zip_file_t *file;
  char mimetype[64] = "";

  if (zip_name_locate (self->zip, "xl/workbook.bin", 0) >= 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is an Excel binary workbook (.xlsb), which Scorecard cannot "
                             "read. Open it in a spreadsheet program and save it as Excel "
                             "Workbook (.xlsx) or CSV, then import that file."));
      return FALSE;
    }
  file = zip_fopen (self->zip, "mimetype", 0);
  if (file != NULL)
    {
      zip_fread (file, mimetype, sizeof mimetype - 1);
      zip_fclose (file);
    }
  if (g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.spreadsheet"))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This is an OpenDocument spreadsheet (.ods), which Scorecard cannot "
                             "read. Open it in a spreadsheet program and save it as Excel "
                             "Workbook (.xlsx) or CSV, then import that file."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_book (ScXlsxBook  *self,
           GError     **error)
{
  g_autoptr(GPtrArray) root = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *workbook_rels = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *styles = NULL;

  if (!check_kind (self, error) || (root = read_rels (self, "_rels/.rels", FALSE, error)) == NULL)
    return FALSE;
  workbook = find_rel_part (root, "", "officeDocument");
  if (workbook == NULL)
    workbook = g_strdup ("xl/workbook.xml");
  if (zip_name_locate (self->zip, workbook, 0) < 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This ZIP archive is not an Excel workbook (.xlsx); Scorecard "
                             "imports CSV files and .xlsx workbooks."));
      return FALSE;
    }
  workbook_rels = rels_part_for (workbook);
  if ((rels = read_rels (self, workbook_rels, TRUE, error)) == NULL ||
      !read_workbook (self, workbook, rels, error))
    return FALSE;
  strings = find_rel_part (rels, workbook, "sharedStrings");
  styles = find_rel_part (rels, workbook, "styles");
  if (!load_strings (self, strings, error) || !load_styles (self, styles, error))
    return FALSE;

  self->names = g_new0 (char *, self->sheets->len + 1);
  for (guint i = 0; i < self->sheets->len; i++)
    self->names[i] = g_strdup (((Sheet *) g_ptr_array_index (self->sheets, i))->name);
  return TRUE;
}

static ScXlsxBook *
book_open (ScXlsxBook  *self,
           zip_error_t *zerror,
           GError     **error)
{
  if (self->zip == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("The workbook is damaged: it cannot be opened as a ZIP archive (%s)."),
                   zip_error_strerror (zerror));
      zip_error_fini (zerror);
      g_object_unref (self);
      return NULL;
    }
  zip_error_fini (zerror);
  if (!load_book (self, error))
    {
      g_object_unref (self);
      return NULL;
    }
  return self;
}

static void
sc_xlsx_book_finalize (GObject *object)
{
  ScXlsxBook *self = (ScXlsxBook *)object;

  g_clear_pointer (&self->zip, zip_discard);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_clear_pointer (&self->formats, g_byte_array_unref);

  G_OBJECT_CLASS (sc_xlsx_book_parent_class)->finalize (object);
}

static void
sc_xlsx_book_class_init (ScXlsxBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_xlsx_book_finalize;
  /* Once, before any thread parses. */
  xmlInitParser ();
}

static void
sc_xlsx_book_init (ScXlsxBook *self)
{
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
}

/**
 * sc_xlsx_is_zip_file:
 * @path: a file name
 *
 * Returns: %TRUE when the file at @path starts like a ZIP archive (as
 *   .xlsx workbooks do)
 */
gboolean
sc_xlsx_is_zip_file (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char magic[4];
  gsize n = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL) &&
         n == sizeof magic && memcmp (magic, "PK\x03\x04", 4) == 0;
}

/* Whether the 128-byte compound-file directory entry at @entry names the
 * stream "EncryptedPackage". */
static gboolean
is_encrypted_package_entry (const guchar *entry)
{
  static const char name[] = "EncryptedPackage";

  /* The name's size in bytes, with its UTF-16 NUL, and type 2: a stream. */
  if (entry[0x40] != 2 * sizeof name || entry[0x41] != 0 || entry[0x42] != 2)
    return FALSE;
  for (gsize i = 0; i < sizeof name; i++)
    if (entry[2 * i] != (guchar) name[i] || entry[2 * i + 1] != 0)
      return FALSE;
  return TRUE;
}

/**
 * sc_xlsx_is_encrypted_file:
 * @path: a file name
 *
 * A workbook saved with a password is not a ZIP archive but a compound
 * file (the container of old .xls files) holding the encrypted workbook
 * in a stream named "EncryptedPackage". The directory entries are looked
 * for at every 128-byte boundary, wherever the file keeps them.
 *
 * Returns: %TRUE when the file at @path is such a workbook
 */
gboolean
sc_xlsx_is_encrypted_file (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guchar *buf = g_malloc (64 * 1024);
  gsize n = 0;
  gboolean first = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  while (stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), buf, 64 * 1024, &n, NULL, NULL) &&
         n >= 128)
    {
      if (first && memcmp (buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
        return FALSE;
      first = FALSE;
      for (gsize at = 0; at + 128 <= n; at += 128)
        if (is_encrypted_package_entry (buf + at))
          return TRUE;
    }
  return FALSE;
}

/**
 * sc_xlsx_book_new_for_path:
 * @path: an .xlsx file
 * @error: return location for an error
 *
 * Opens a workbook: reads its sheet list, shared strings and styles.
 * Fails with %SC_ERROR_PARSE and a message for the user when the file is
 * a damaged archive, not a workbook, or an .xlsb or .ods file.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
ScXlsxBook *
sc_xlsx_book_new_for_path (const char  *path,
                           GError     **error)
{
  ScXlsxBook *self;
  zip_error_t zerror;
  int code = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SC_TYPE_XLSX_BOOK, NULL);
  self->zip = zip_open (path, ZIP_RDONLY, &code);
  zip_error_init_with_code (&zerror, code);
  return book_open (self, &zerror, error);
}

/**
 * sc_xlsx_book_new_for_bytes:
 * @bytes: an .xlsx file in memory
 * @error: return location for an error
 *
 * Like sc_xlsx_book_new_for_path(), for a workbook in memory.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
ScXlsxBook *
sc_xlsx_book_new_for_bytes (GBytes  *bytes,
                            GError **error)
{
  ScXlsxBook *self;
  zip_source_t *source;
  zip_error_t zerror;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (SC_TYPE_XLSX_BOOK, NULL);
  self->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (bytes, &size);
  zip_error_init (&zerror);
  source = zip_source_buffer_create (data, size, 0, &zerror);
  if (source != NULL)
    {
      self->zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
      if (self->zip == NULL)
        zip_source_free (source);
    }
  return book_open (self, &zerror, error);
}

/**
 * sc_xlsx_book_get_sheets:
 * @self: a workbook
 *
 * Returns: (transfer none): the names of the worksheets, in the
 *   workbook's order (chart sheets left out)
 */
const char * const *
sc_xlsx_book_get_sheets (ScXlsxBook *self)
{
  g_return_val_if_fail (SC_IS_XLSX_BOOK (self), NULL);

  return (const char * const *) self->names;
}

/**
 * sc_xlsx_book_get_default_sheet:
 * @self: a workbook
 *
 * Returns: (nullable): the first visible worksheet, or %NULL when the
 *   workbook has none
 */
const char *
sc_xlsx_book_get_default_sheet (ScXlsxBook *self)
{
  g_return_val_if_fail (SC_IS_XLSX_BOOK (self), NULL);

  return self->sheets->len > 0 ? self->names[self->default_sheet] : NULL;
}

static int
find_sheet_index (ScXlsxBook  *self,
                  const char  *sheet,
                  GError     **error)
{
  g_autofree char *names = NULL;
  guint64 number;

  if (self->sheets->len == 0)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE, _("The workbook has no worksheet."));
      return -1;
    }
  if (sheet == NULL)
    return self->default_sheet;
  for (guint i = 0; i < self->sheets->len; i++)
    if (g_str_equal (self->names[i], sheet))
      return i;
  if (g_ascii_string_to_unsigned (sheet, 10, 1, self->sheets->len, &number, NULL))
    return number - 1;
  names = g_strjoinv ("”, “", self->names);
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               _("The workbook has no sheet “%s”; its sheets are “%s”."), sheet, names);
  return -1;
}

/**
 * sc_xlsx_book_find_sheet:
 * @self: a workbook
 * @sheet: (nullable): a sheet's name, or its number (from 1) when no sheet
 *   has that name; %NULL for the first visible worksheet
 * @error: return location for an error
 *
 * Returns: (nullable): the sheet's name, or %NULL with an error naming
 *   the workbook's sheets
 */
const char *
sc_xlsx_book_find_sheet (ScXlsxBook  *self,
                         const char  *sheet,
                         GError     **error)
{
  int index;

  g_return_val_if_fail (SC_IS_XLSX_BOOK (self), NULL);

  index = find_sheet_index (self, sheet, error);
  return index >= 0 ? self->names[index] : NULL;
}

/* ---- Cells and rows ---------------------------------------------------- */

/* The 0-based column of a cell reference such as "C5"; -1 when there is
 * none. */
static int
column_of_ref (const char *ref)
{
  int column = 0;
  const char *c = ref;

  if (ref == NULL || !g_ascii_isalpha (*ref))
    return -1;
  for (; g_ascii_isalpha (*c) && column <= MAX_COLUMNS; c++)
    column = column * 26 + (g_ascii_toupper (*c) - 'A' + 1);
  return column - 1;
}

/* Writes the serial day number @serial as the cell format shows it. */
static void
append_serial (GString    *out,
               const char *raw,
               FormatKind  kind,
               gboolean    date1904)
{
  double serial = g_ascii_strtod (raw, NULL);
  gint64 seconds, days, secs, epoch;
  int year, month, day;

  if (!isfinite (serial) || fabs (serial) > SERIAL_MAX || (serial < 0 && kind != FORMAT_DURATION))
    {
      g_string_append (out, raw);
      return;
    }
  seconds = (gint64) llround (serial * 86400.0);
  if (kind == FORMAT_DURATION)
    {
      gint64 a = ABS (seconds);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT ":%02d:%02d", seconds < 0 ? "-" : "",
                              a / 3600, (int) (a / 60 % 60), (int) (a % 60));
      return;
    }
  days = seconds / 86400;
  secs = seconds % 86400;
  if (kind == FORMAT_TIME && days == 0)
    {
      g_string_append_printf (out, "%02d:%02d:%02d", (int) (secs / 3600), (int) (secs / 60 % 60),
                              (int) (secs % 60));
      return;
    }
  /* Day 1 is 1900-01-01, and Excel counts a 29 February 1900. */
  if (date1904)
    epoch = sc_parse_days_from_civil (1904, 1, 1);
  else
    epoch = sc_parse_days_from_civil (1899, 12, days < 60 ? 31 : 30);
  sc_parse_civil_from_days (epoch + days, &year, &month, &day);
  g_string_append_printf (out, "%04d-%02d-%02d", year, month, day);
  if (secs != 0)
    g_string_append_printf (out, " %02d:%02d:%02d", (int) (secs / 3600), (int) (secs / 60 % 60),
                            (int) (secs % 60));
}

/* Quotes a field only where needed, which keeps rejected rows readable. */
static void
append_field (GString    *out,
              const char *text,
              gsize       len)
{
  if (memchr (text, ',', len) == NULL && memchr (text, '"', len) == NULL &&
      memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL)
    {
      g_string_append_len (out, text, len);
      return;
    }
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

/* A number as Excel shows it: to 15 significant digits, so that a
 * computed 2.9999999999999996 is 3 and 1.5E-2 is 0.015. Whole numbers
 * written out in digits stay as they are (long ids keep every digit). */
static void
append_number (GString    *out,
               const char *text,
               gsize       len)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end = NULL;
  double v;
  gsize start = text[0] == '-' ? 1 : 0;

  if (len > start && strspn (text + start, "0123456789") == len - start)
    {
      g_string_append_len (out, text, len);
      return;
    }
  v = g_ascii_strtod (text, &end);
  if (end != text + len || !isfinite (v))
    {
      append_field (out, text, len);
      return;
    }
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

static void
row_reset (Row    *row,
           gint64  number)
{
  row->number = number;
  g_string_truncate (row->text, 0);
  row->n_cols = 0;
  row->n_values = 0;
}

static CellType
cell_type_of (const char *type,
              gsize       len)
{
  if (len == 1 && type[0] == 'n')
    return CELL_NUMBER;
  if (len == 1 && type[0] == 's')
    return CELL_SHARED;
  if (len == 9 && memcmp (type, "inlineStr", 9) == 0)
    return CELL_INLINE;
  if (len == 3 && memcmp (type, "str", 3) == 0)
    return CELL_STRING;
  if (len == 1 && type[0] == 'b')
    return CELL_BOOL;
  return CELL_OTHER;   /* "e" errors such as #N/A, "d" ISO dates */
}

/* SAX2 hands attributes over as (name, prefix, URI, value, end) tuples,
 * the values not NUL-terminated. Copies the value of the attribute
 * @name (without a namespace) into @buf; %FALSE when there is none or
 * it does not fit. */
static gboolean
find_attribute (const xmlChar **attributes,
                int             n_attributes,
                const char     *name,
                char           *buf,
                gsize           size)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      gsize len = a[4] - a[3];

      if (a[2] != NULL || strcmp ((const char *) a[0], name) != 0)
        continue;
      if (len >= size)
        return FALSE;
      memcpy (buf, a[3], len);
      buf[len] = '\0';
      return TRUE;
    }
  return FALSE;
}

/* Reads the cell's reference, type and style. */
static void
start_cell (ScXlsxStream   *self,
            const xmlChar **attributes,
            int             n_attributes)
{
  char buf[32];
  gint64 style = 0;
  int column = -1;

  self->cell_type = CELL_NUMBER;
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (a[2] == NULL && a[0][0] == 't' && a[0][1] == '\0')
        self->cell_type = cell_type_of ((const char *) a[3], a[4] - a[3]);
    }
  if (find_attribute (attributes, n_attributes, "r", buf, sizeof buf))
    column = column_of_ref (buf);
  if (find_attribute (attributes, n_attributes, "s", buf, sizeof buf) &&
      !g_ascii_string_to_signed (buf, 10, 0, G_MAXINT, &style, NULL))
    style = 0;

  /* Cells without a reference, or out of order, follow the last one. */
  if (column < (int) self->next_col)
    column = self->next_col;
  self->cell_col = column < MAX_COLUMNS ? column : -1;
  self->next_col = column + 1;
  self->cell_format = (guint64) style < self->book->formats->len
    ? self->book->formats->data[style] : FORMAT_NUMBER;
  self->in_value = self->in_phonetic = FALSE;
  g_string_truncate (self->value, 0);
}

/* The cell's text as the CSV shows it, appended to @out. */
static gboolean
append_cell_text (ScXlsxStream  *self,
                  GString       *out,
                  GError       **error)
{
  const char *v = self->value->str;
  guint64 index;

  switch (self->cell_type)
    {
    case CELL_SHARED:
      if (self->book->strings->len == 0 ||
          !g_ascii_string_to_unsigned (g_strstrip (self->value->str), 10, 0,
                                       self->book->strings->len - 1, &index, NULL))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                       _("Row %" G_GINT64_FORMAT " of sheet “%s” refers to shared string “%s”, "
                         "which the workbook does not have; is the file damaged?"),
                       self->last_number, self->sheet, v);
          return FALSE;
        }
      v = g_ptr_array_index (self->book->strings, index);
      append_field (out, v, strlen (v));
      return TRUE;
    case CELL_BOOL:
      g_string_append (out, g_str_equal (v, "1") ? "true" : "false");
      return TRUE;
    case CELL_NUMBER:
      if (self->cell_format != FORMAT_NUMBER)
        append_serial (out, v, self->cell_format, self->book->date1904);
      else
        append_number (out, v, self->value->len);
      return TRUE;
    case CELL_INLINE:
    case CELL_STRING:
      decode_escapes (self->value);
      G_GNUC_FALLTHROUGH;
    case CELL_OTHER:
    default:
      append_field (out, self->value->str, self->value->len);
      return TRUE;
    }
}

static gboolean
end_cell (ScXlsxStream  *self,
          Row           *row,
          GError       **error)
{
  g_string_truncate (self->cell, 0);
  if (self->cell_col < 0 || self->value->len == 0 || !append_cell_text (self, self->cell, error))
    return self->cell_col < 0 || self->value->len == 0;
  /* An empty string is no value. */
  if (self->cell->len == 0)
    return TRUE;
  if (row->n_cols > 0)
    g_string_append_c (row->text, ',');
  for (guint i = row->n_cols; i < (guint) self->cell_col; i++)
    g_string_append_c (row->text, ',');
  g_string_append_len (row->text, self->cell->str, self->cell->len);
  row->n_cols = self->cell_col + 1;
  row->n_values++;
  return TRUE;
}

static void
start_row (ScXlsxStream   *self,
           const xmlChar **attributes,
           int             n_attributes)
{
  char buf[32];
  gint64 number;

  if (!find_attribute (attributes, n_attributes, "r", buf, sizeof buf) ||
      !g_ascii_string_to_signed (buf, 10, self->last_number + 1, MAX_ROWS, &number, NULL))
    number = self->last_number + 1;
  self->last_number = number;
  self->next_col = 0;
  row_reset (&self->row, number);
}

static void
read_dimension (ScXlsxStream   *self,
                const xmlChar **attributes,
                int             n_attributes)
{
  char ref[64];
  const char *colon;
  int last;

  if (!find_attribute (attributes, n_attributes, "ref", ref, sizeof ref) ||
      (colon = strchr (ref, ':')) == NULL)
    return;
  last = column_of_ref (colon + 1);
  if (last >= 0 && last < MAX_DIM_WIDTH)
    self->dim_width = last + 1;
}

static void
write_row (ScXlsxStream *self,
           const Row    *row,
           gboolean      pad)
{
  /* Empty lines for rows without values keep lines on sheet rows. */
  for (gint64 n = self->last_written + 1; n < row->number; n++)
    g_string_append_c (self->out, '\n');
  g_string_append_len (self->out, row->text->str, row->text->len);
  for (guint i = row->n_cols; pad && i < self->width; i++)
    g_string_append_c (self->out, ',');
  g_string_append_c (self->out, '\n');
  self->last_written = row->number;
}

static void
row_free (Row *row)
{
  g_string_free (row->text, TRUE);
  g_free (row);
}

/* The header is the first row with at least half as many values as the
 * fullest of the first rows (so that a title or a "Period: …" line
 * above it is not taken for it). Rows from the header on are written as
 * wide as the header, or as the sheet's dimension. */
static gboolean
flush_lookahead (ScXlsxStream  *self,
                 GError       **error)
{
  g_autoptr(GPtrArray) rows = g_steal_pointer (&self->lookahead);
  guint most = 0, header = 0;

  if (rows->len == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, _("The sheet “%s” is empty."), self->sheet);
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    most = MAX (most, ((Row *) g_ptr_array_index (rows, i))->n_values);
  while (((Row *) g_ptr_array_index (rows, header))->n_values < MIN (most, MAX (2, (most + 1) / 2)))
    header++;
  self->width = MAX (((Row *) g_ptr_array_index (rows, header))->n_cols, self->dim_width);
  for (guint i = 0; i < rows->len; i++)
    write_row (self, g_ptr_array_index (rows, i), i >= header);
  return TRUE;
}

static void
end_row (ScXlsxStream *self)
{
  Row *copy;

  if (self->row.n_values == 0)
    return;
  if (self->lookahead == NULL)
    {
      write_row (self, &self->row, TRUE);
      return;
    }
  copy = g_new0 (Row, 1);
  *copy = self->row;
  copy->text = g_string_new_len (self->row.text->str, self->row.text->len);
  g_ptr_array_add (self->lookahead, copy);
  if (self->lookahead->len == LOOKAHEAD_ROWS && !flush_lookahead (self, &self->error))
    xmlStopParser (self->parser);
}

/* ---- Parsing the sheet ------------------------------------------------- */

static void
start_element_cb (void           *ctx,
                  const xmlChar  *name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  ScXlsxStream *self = ctx;
  const char *n = (const char *) name;

  if (strcmp (n, "c") == 0)
    start_cell (self, attributes, n_attributes);
  else if (strcmp (n, "v") == 0 || strcmp (n, "t") == 0)
    self->in_value = !self->in_phonetic;
  else if (strcmp (n, "rPh") == 0)
    self->in_phonetic = TRUE;
  else if (strcmp (n, "row") == 0)
    start_row (self, attributes, n_attributes);
  else if (strcmp (n, "dimension") == 0)
    read_dimension (self, attributes, n_attributes);
}

static void
end_element_cb (void          *ctx,
                const xmlChar *name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  ScXlsxStream *self = ctx;
  const char *n = (const char *) name;

  if (strcmp (n, "c") == 0)
    {
      if (!end_cell (self, &self->row, &self->error))
        xmlStopParser (self->parser);
    }
  else if (strcmp (n, "v") == 0 || strcmp (n, "t") == 0)
    self->in_value = FALSE;
  else if (strcmp (n, "rPh") == 0)
    self->in_phonetic = FALSE;
  else if (strcmp (n, "row") == 0)
    end_row (self);
  else if (strcmp (n, "sheetData") == 0)
    {
      /* What follows the data (merged cells, page setup) is not read. */
      self->parsed = TRUE;
      xmlStopParser (self->parser);
    }
}

static void
characters_cb (void          *ctx,
               const xmlChar *text,
               int            len)
{
  ScXlsxStream *self = ctx;

  if (self->in_value)
    g_string_append_len (self->value, (const char *) text, len);
}

static xmlParserCtxtPtr
create_parser (ScXlsxStream *self)
{
  xmlSAXHandler sax = { 0 };
  xmlParserCtxtPtr parser;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element_cb;
  sax.endElementNs = end_element_cb;
  sax.characters = characters_cb;
  sax.cdataBlock = characters_cb;
  sax.ignorableWhitespace = characters_cb;
  parser = xmlCreatePushParserCtxt (&sax, self, NULL, 0, self->part.name);
  /* No network, no DTD loading, no entity substitution, no printing. */
  if (parser != NULL)
    xmlCtxtUseOptions (parser, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  return parser;
}

/* Feeds the parser the next chunk of the sheet's XML. */
static gboolean
parse_chunk (ScXlsxStream  *self,
             GError       **error)
{
  zip_int64_t n = zip_fread (self->part.file, self->chunk, CHUNK_SIZE);
  const xmlError *xml_error;

  if (n < 0)
    {
      self->part.io_failed = TRUE;
      part_set_error (&self->part, error);
      return FALSE;
    }
  /* A sheet longer than its archive's directory says is damaged (and
   * would take the progress past its end). */
  if (self->total > 0 && self->part.read + (guint64) n > self->total)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("The workbook part “%s” is longer than the workbook says; is the file damaged?"),
                   self->part.name);
      return FALSE;
    }
  self->part.read += n;
  xmlParseChunk (self->parser, self->chunk, (int) n, n == 0);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  if (self->parsed)
    return TRUE;
  xml_error = xmlCtxtGetLastError (self->parser);
  if (xml_error != NULL && xml_error->level >= XML_ERR_ERROR)
    {
      g_clear_pointer (&self->part.message, g_free);
      self->part.message = g_strstrip (g_strdup (xml_error->message ? xml_error->message : ""));
      self->part.line = xml_error->line;
      part_set_error (&self->part, error);
      return FALSE;
    }
  if (n == 0)
    {
      /* A well-formed sheet that ends without <sheetData>. */
      self->parsed = TRUE;
    }
  return TRUE;
}

/* ---- The stream -------------------------------------------------------- */

static gssize
sc_xlsx_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ScXlsxStream *self = SC_XLSX_STREAM (stream);
  gsize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  while (self->out_pos == self->out->len && !self->finished)
    {
      g_string_truncate (self->out, 0);
      self->out_pos = 0;
      if (!self->parsed && !parse_chunk (self, error))
        return -1;
      if (self->parsed)
        {
          if (self->lookahead != NULL && !flush_lookahead (self, error))
            return -1;
          self->finished = TRUE;
        }
    }
  n = MIN (count, self->out->len - self->out_pos);
  memcpy (buffer, self->out->str + self->out_pos, n);
  self->out_pos += n;
  return n;
}

static void
stream_clear (ScXlsxStream *self)
{
  if (self->parser != NULL)
    {
      xmlFreeDoc (self->parser->myDoc);
      g_clear_pointer (&self->parser, xmlFreeParserCtxt);
    }
  part_clear (&self->part);
  g_clear_pointer (&self->chunk, g_free);
}

static gboolean
sc_xlsx_stream_close (GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  stream_clear (SC_XLSX_STREAM (stream));
  return TRUE;
}

static void
sc_xlsx_stream_finalize (GObject *object)
{
  ScXlsxStream *self = (ScXlsxStream *)object;

  stream_clear (self);
  g_clear_object (&self->book);
  g_clear_error (&self->error);
  g_clear_pointer (&self->lookahead, g_ptr_array_unref);
  g_free (self->sheet);
  g_string_free (self->value, TRUE);
  g_string_free (self->cell, TRUE);
  g_string_free (self->row.text, TRUE);
  g_string_free (self->out, TRUE);

  G_OBJECT_CLASS (sc_xlsx_stream_parent_class)->finalize (object);
}

static void
sc_xlsx_stream_class_init (ScXlsxStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sc_xlsx_stream_finalize;
  stream_class->read_fn = sc_xlsx_stream_read;
  stream_class->close_fn = sc_xlsx_stream_close;
}

static void
sc_xlsx_stream_init (ScXlsxStream *self)
{
  self->value = g_string_new (NULL);
  self->cell = g_string_new (NULL);
  self->row.text = g_string_new (NULL);
  self->out = g_string_new (NULL);
  self->lookahead = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

/**
 * sc_xlsx_book_open_sheet:
 * @self: a workbook
 * @sheet: (nullable): a sheet's name or number, as for
 *   sc_xlsx_book_find_sheet(); %NULL for the first visible worksheet
 * @error: return location for an error
 *
 * Opens a sheet as a stream of CSV text (UTF-8, comma, LF), one line
 * per sheet row. The sheet is read from the archive, and parsed with
 * libxml2's SAX2 push parser, as the stream is read; a damaged sheet
 * fails the read that reaches the damage.
 *
 * Returns: (transfer full) (nullable): the stream
 */
ScXlsxStream *
sc_xlsx_book_open_sheet (ScXlsxBook  *self,
                         const char  *sheet,
                         GError     **error)
{
  g_autoptr(ScXlsxStream) stream = NULL;
  const Sheet *found;
  zip_stat_t stat;
  int index;

  g_return_val_if_fail (SC_IS_XLSX_BOOK (self), NULL);

  index = find_sheet_index (self, sheet, error);
  if (index < 0)
    return NULL;
  found = g_ptr_array_index (self->sheets, index);
  stream = g_object_new (SC_TYPE_XLSX_STREAM, NULL);
  stream->book = g_object_ref (self);
  stream->sheet = g_strdup (found->name);
  stream->part.file = zip_fopen (self->zip, found->part, 0);
  if (stream->part.file == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("The workbook has no part “%s” (%s); is the file damaged?"),
                   found->part, zip_strerror (self->zip));
      return NULL;
    }
  stream->part.name = g_strdup (found->part);
  stream->chunk = g_malloc (CHUNK_SIZE);
  stream->parser = create_parser (stream);
  if (stream->parser == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, _("Cannot read the workbook part “%s”."),
                   found->part);
      return NULL;
    }
  zip_stat_init (&stat);
  if (zip_stat (self->zip, found->part, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE))
    stream->total = stat.size;
  return g_steal_pointer (&stream);
}

/**
 * sc_xlsx_stream_new_csv_reader:
 * @self: a sheet stream
 *
 * A CSV reader over the sheet: comma-separated, with line numbers that
 * are the sheet's row numbers. Call sc_csv_reader_open() next.
 *
 * Returns: (transfer full): the reader
 */
ScCsvReader *
sc_xlsx_stream_new_csv_reader (ScXlsxStream *self)
{
  ScCsvReader *reader;

  g_return_val_if_fail (SC_IS_XLSX_STREAM (self), NULL);

  reader = sc_csv_reader_new (G_INPUT_STREAM (self));
  sc_csv_reader_set_delimiter (reader, ',');
  sc_csv_reader_set_record_lines (reader, TRUE);
  return reader;
}

/**
 * sc_xlsx_stream_get_bytes_read:
 * @self: a sheet stream
 *
 * Returns: how much of the sheet's XML has been read
 */
guint64
sc_xlsx_stream_get_bytes_read (ScXlsxStream *self)
{
  g_return_val_if_fail (SC_IS_XLSX_STREAM (self), 0);

  return self->part.read;
}

/**
 * sc_xlsx_stream_get_total_bytes:
 * @self: a sheet stream
 *
 * Returns: the size of the sheet's XML, or 0 when the archive does not say
 */
guint64
sc_xlsx_stream_get_total_bytes (ScXlsxStream *self)
{
  g_return_val_if_fail (SC_IS_XLSX_STREAM (self), 0);

  return self->total;
}
