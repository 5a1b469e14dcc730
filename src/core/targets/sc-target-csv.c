/* sc-target-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-csv-reader.h"
#include "sc-target.h"
#include "sc-target-csv.h"
#include "sc-target-value.h"

/* Past this many, further problems of a file are only counted. */
#define MAX_PROBLEMS 20

typedef enum
{
  COL_METRIC,
  COL_SEGMENT,
  COL_PERIOD,
  COL_VALUE,
  COL_BAND,
  COL_NOTE,
  N_COLS,
} Column;

static const char * const column_names[N_COLS] = {
  "metric", "segment", "period", "value", "at_risk_band", "note",
};

typedef struct
{
  const char             *file_name;
  ScStore                *store;
  const ScMetricSettings *settings;
  int                     index[N_COLS];   /* file column of each, -1 if absent */
  GPtrArray              *targets;
  GHashTable             *seen;            /* key text → line */
  GString                *problems;
  guint                   n_problems;
} Reader;

/* ---- Writing ------------------------------------------------------------------ */

/**
 * sc_csv_escape_cell:
 * @text: a cell's text
 *
 * Returns: (transfer full): @text as one CSV cell: with a leading
 *   apostrophe when a spreadsheet would run it as a formula, and quoted
 *   when it holds a comma, a quote or a line break
 */
char *
sc_csv_escape_cell (const char *text)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quote;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);
  quote = strpbrk (cell->str, ",;\"\n\r") != NULL;
  if (quote)
    {
      for (gsize i = 0; i < cell->len; i++)
        if (cell->str[i] == '"')
          g_string_insert_c (cell, i++, '"');
      g_string_prepend_c (cell, '"');
      g_string_append_c (cell, '"');
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

/**
 * sc_csv_unescape_cell:
 * @text: a cell's text as read
 *
 * Returns: (transfer full): @text without the apostrophe
 *   sc_csv_escape_cell() puts before a would-be formula
 */
char *
sc_csv_unescape_cell (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    return g_strdup (text + 1);
  return g_strdup (text);
}

static void
append_cell (GString    *out,
             const char *text,
             gboolean    last)
{
  g_autofree char *cell = sc_csv_escape_cell (text ? text : "");

  g_string_append (out, cell);
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * sc_target_csv_write:
 * @targets: (element-type ScTarget): the targets
 *
 * Returns: (transfer full): the targets as CSV with a header row, values
 *   written as sc_target_value_format() does
 */
char *
sc_target_csv_write (GPtrArray *targets)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (targets != NULL, NULL);

  for (guint c = 0; c < N_COLS; c++)
    append_cell (out, column_names[c], c + 1 == N_COLS);
  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];
      g_autofree char *period = sc_target_period_format (&t->period);
      g_autofree char *value = sc_target_value_format (t->metric, t->value);
      g_autofree char *band = sc_target_band_format (t->at_risk_band);

      append_cell (out, sc_metric_get (t->metric)->id_string, FALSE);
      append_cell (out, t->segment, FALSE);
      append_cell (out, period, FALSE);
      append_cell (out, value, FALSE);
      append_cell (out, band, FALSE);
      append_cell (out, t->note, TRUE);
    }
  return g_string_free (out, FALSE);
}

/**
 * sc_target_csv_write_file:
 * @targets: (element-type ScTarget): the targets
 * @path: the file to write (replaced atomically)
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
sc_target_csv_write_file (GPtrArray   *targets,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (targets != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = sc_target_csv_write (targets);
  return g_file_set_contents (path, text, -1, error);
}

/* ---- Reading ------------------------------------------------------------------ */

static void
add_problem (Reader     *r,
             gint64      line,
             int         column,
             const char *message)
{
  if (++r->n_problems > MAX_PROBLEMS)
    return;
  if (r->problems->len > 0)
    g_string_append_c (r->problems, '\n');
  if (column < 0)
    g_string_append_printf (r->problems, "%s:%" G_GINT64_FORMAT ": %s", r->file_name, line, message);
  else
    g_string_append_printf (r->problems, "%s:%" G_GINT64_FORMAT ":%d (%s): %s",
                            r->file_name, line, r->index[column] + 1, column_names[column], message);
}

static gboolean
map_header (Reader             *r,
            const char * const *header,
            gint64              line)
{
  for (guint c = 0; c < N_COLS; c++)
    r->index[c] = -1;
  for (int i = 0; header[i] != NULL; i++)
    {
      guint c;

      for (c = 0; c < N_COLS; c++)
        if (g_ascii_strcasecmp (header[i], column_names[c]) == 0)
          break;
      if (c < N_COLS && r->index[c] < 0)
        r->index[c] = i;
      else
        {
          g_autofree char *message =
            g_strdup_printf (c < N_COLS ? _("column %d, “%s”, appears twice")
                                        : _("column %d, “%s”, is not a target column; use metric, "
                                            "segment, period, value, at_risk_band and note"),
                             i + 1, header[i]);
          add_problem (r, line, -1, message);
        }
    }
  for (guint c = 0; c < N_COLS; c++)
    if (r->index[c] < 0 && (c == COL_METRIC || c == COL_PERIOD || c == COL_VALUE))
      {
        g_autofree char *message = g_strdup_printf (_("the header has no “%s” column"), column_names[c]);

        add_problem (r, line, -1, message);
      }
  return r->n_problems == 0;
}

/* The trimmed, unescaped text of a column of @rec; empty when absent. */
static char *
cell_text (const Reader      *r,
           const ScCsvRecord *rec,
           Column             column)
{
  int i = r->index[column];
  g_autofree char *raw = NULL;

  if (i < 0 || (guint) i >= rec->n_fields)
    return g_strdup ("");
  raw = g_strstrip (g_strndup (rec->fields[i].data, rec->fields[i].len));
  return sc_csv_unescape_cell (raw);
}

/* Records the problem of a cell that did not read, and clears @error. */
static gboolean
check_cell (Reader             *r,
            const ScCsvRecord  *rec,
            Column              column,
            gboolean            ok,
            GError            **error)
{
  if (!ok)
    add_problem (r, rec->line, column, (*error)->message);
  g_clear_error (error);
  return ok;
}

static ScTarget *
read_target (Reader            *r,
             const ScCsvRecord *rec)
{
  g_autofree char *metric_text = cell_text (r, rec, COL_METRIC);
  g_autofree char *segment_text = cell_text (r, rec, COL_SEGMENT);
  g_autofree char *period_text = cell_text (r, rec, COL_PERIOD);
  g_autofree char *value_text = cell_text (r, rec, COL_VALUE);
  g_autofree char *band_text = cell_text (r, rec, COL_BAND);
  g_autofree char *segment = NULL;
  const ScMetric *metric = sc_metric_lookup (metric_text);
  ScTargetPeriod period;
  GError *error = NULL;
  double value = 0, band = 0.05;
  gboolean ok = TRUE;
  ScTarget *target;

  if (metric == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a metric id; run “scorecard-cli "
                                                    "metrics --list” for the ids"), metric_text);

      add_problem (r, rec->line, COL_METRIC, message);
      ok = FALSE;
    }
  segment = sc_segment_key_parse (segment_text, r->store, &error);
  ok &= check_cell (r, rec, COL_SEGMENT, segment != NULL, &error);
  ok &= check_cell (r, rec, COL_PERIOD, sc_target_period_parse (period_text, &period, &error), &error);
  if (metric != NULL)
    ok &= check_cell (r, rec, COL_VALUE,
                      sc_target_value_parse (metric->id, r->settings, value_text, &value, &error),
                      &error);
  if (band_text[0] != '\0')
    ok &= check_cell (r, rec, COL_BAND, sc_target_band_parse (band_text, &band, &error), &error);
  if (!ok)
    return NULL;
  target = sc_target_new (metric->id, segment, &period, value);
  target->at_risk_band = band;
  target->note = cell_text (r, rec, COL_NOTE);
  if (target->note[0] == '\0')
    g_clear_pointer (&target->note, g_free);
  return target;
}

static void
add_record (Reader            *r,
            const ScCsvRecord *rec)
{
  g_autoptr(ScTarget) target = NULL;
  g_autofree char *period = NULL;
  char *key;
  gpointer first_line;

  if (rec->bad_utf8_field >= 0)
    {
      add_problem (r, rec->line, -1, _("the line is not valid UTF-8 text"));
      return;
    }
  if ((target = read_target (r, rec)) == NULL)
    return;
  period = sc_target_period_format (&target->period);
  key = g_strdup_printf ("%s|%s|%s", sc_metric_get (target->metric)->id_string, target->segment, period);
  if ((first_line = g_hash_table_lookup (r->seen, key)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("repeats the target of line %" G_GINT64_FORMAT " (%s, %s, %s)"),
                         (gint64) GPOINTER_TO_SIZE (first_line), sc_metric_get (target->metric)->id_string,
                         target->segment[0] ? target->segment : _("all"), period);

      add_problem (r, rec->line, -1, message);
      g_free (key);
      return;
    }
  g_hash_table_insert (r->seen, key, GSIZE_TO_POINTER ((gsize) rec->line));
  g_ptr_array_add (r->targets, g_steal_pointer (&target));
}

static gboolean
record_is_blank (const ScCsvRecord *rec)
{
  for (guint i = 0; i < rec->n_fields; i++)
    for (gsize j = 0; j < rec->fields[i].len; j++)
      if (!g_ascii_isspace (rec->fields[i].data[j]))
        return FALSE;
  return TRUE;
}

static gboolean
read_records (Reader       *r,
              ScCsvReader  *csv,
              GError      **error)
{
  const ScCsvRecord *rec;
  g_autoptr(GError) local_error = NULL;
  guint n_columns = sc_csv_reader_get_n_columns (csv);

  while ((rec = sc_csv_reader_next (csv, &local_error)) != NULL)
    {
      if (record_is_blank (rec))
        continue;
      if (rec->n_fields > n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (_("the line has %u cells but the header names %u columns"), rec->n_fields, n_columns);

          add_problem (r, rec->line, -1, message);
          continue;
        }
      add_record (r, rec);
    }
  if (local_error != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, "%s: %s", r->file_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_target_csv_read:
 * @data: the file's bytes
 * @len: their length
 * @file_name: the name to give in messages
 * @store: (nullable): the store whose spelling of segment values to use
 * @settings: (nullable): the variants in force (for the CES scale)
 * @error: return location for an error
 *
 * Reads targets from CSV. Every row is checked before any is returned; a
 * file with problems returns none, and @error lists the problems (up to 20),
 * one per line as `FILE:LINE:COLUMN (name): message`.
 *
 * Returns: (transfer full) (element-type ScTarget) (nullable): the
 *   targets, or %NULL with @error set
 */
GPtrArray *
sc_target_csv_read (const char              *data,
                    gsize                    len,
                    const char              *file_name,
                    ScStore                 *store,
                    const ScMetricSettings  *settings,
                    GError                 **error)
{
  g_autoptr(ScCsvReader) csv = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  Reader r = { file_name, store, settings, { 0 }, targets, seen, problems, 0 };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  csv = sc_csv_reader_new_for_data (data, len);
  if (!sc_csv_reader_open (csv, NULL, &local_error))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, "%s: %s", file_name, local_error->message);
      return NULL;
    }
  if (map_header (&r, sc_csv_reader_get_header (csv), sc_csv_reader_get_header_line (csv))
      && !read_records (&r, csv, error))
    return NULL;
  if (r.n_problems > 0)
    {
      if (r.n_problems > MAX_PROBLEMS)
        g_string_append_printf (problems, _("\n…and %u more problems"), r.n_problems - MAX_PROBLEMS);
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem; nothing was imported:\n%s",
                                "%u problems; nothing was imported:\n%s", r.n_problems),
                   r.n_problems, problems->str);
      return NULL;
    }
  return g_steal_pointer (&targets);
}

/**
 * sc_target_csv_read_file:
 * @path: a CSV file
 * @store: (nullable): the store whose spelling of segment values to use
 * @settings: (nullable): the variants in force
 * @error: return location for an error
 *
 * sc_target_csv_read() on a file.
 *
 * Returns: (transfer full) (element-type ScTarget) (nullable): the targets
 */
GPtrArray *
sc_target_csv_read_file (const char              *path,
                         ScStore                 *store,
                         const ScMetricSettings  *settings,
                         GError                 **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  name = g_path_get_basename (path);
  return sc_target_csv_read (data, len, name, store, settings, error);
}
