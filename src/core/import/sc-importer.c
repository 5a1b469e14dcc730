/* sc-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer reads a file with ScCsvReader, picks a preset from the
 * header (or takes the one it is given), maps every row into a record of
 * the store and writes all of them in one ScStoreBatch, so a failed or
 * cancelled import leaves the store as it was. Rows that cannot be read
 * go to the batch's rejects with their line, column, value, reason and
 * raw text.
 */

#include "config.h"

#include "sc-importer.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sc-checksum.h"
#include "sc-csv-reader.h"
#include "sc-error.h"
#include "sc-xlsx-reader.h"

#define PROGRESS_EVERY   8192
#define SNIFF_ROWS       200
#define CHECKSUM_CHUNK   (1 << 20)
#define PREVIEW_CHECK_ROWS 1000

struct _ScImporter
{
  GObject               parent_instance;

  ScStore              *store;
  char                 *preset_id;
  ScPreset             *preset_object;   /* given: used instead of preset_id */
  char                 *source;
  char                 *sheet;
  GTimeZone            *zone;
  ScDateOrder           order;
  gboolean              dry_run;
  ScImportProgressFunc  progress;
  gpointer              progress_data;
  GDestroyNotify        progress_destroy;
};

G_DEFINE_FINAL_TYPE (ScImporter, sc_importer, G_TYPE_OBJECT)

/* What one field of a row held. */
typedef enum
{
  VALUE_MISSING,
  VALUE_PRESENT,
  VALUE_REJECTED,
} ValueState;

typedef struct
{
  const char *code;
  int         column;
  char       *detail;
} RowError;

typedef struct
{
  ScImporter         *self;
  const char         *path;
  GCancellable       *cancellable;
  gboolean            previewing;
  ScXlsxBook         *book;       /* when the file is a workbook */
  const char         *sheet;
  ScXlsxStream       *sheet_stream;
  ScCsvReader        *reader;
  ScPresetMatch      *match;
  ScPreset           *preset;
  const char * const *header;
  guint               n_fields;
  const ScPresetField **fields;
  int                 idx_csat;
  int                 idx_nps;
  int                 idx_ces;
  gboolean            has_resolved;
  gsize               max_value_len;
  ScDateOrder        *orders;
  ScDurationUnit     *units;
  ScDimension        *dims;       /* per match->dim_columns, once the batch began */
  gsize              *dim_offsets;  /* per row: each one's text in dim_texts */
  GString            *dim_texts;
  GTimeZone          *zone;
  gboolean            zone_is_utc;
  ScStoreBatch       *batch;
  ScFolder           *folder;     /* when rows of one interaction fold */
  guint64             skipped;    /* rows the preset's [Rows] does not read */
  ScImportResult     *result;
  GPtrArray          *notices;

  /* Per row: parsed values, text as offsets into the arena. */
  ValueState         *states;
  gint64             *ints;
  double             *reals;
  gsize              *texts;
  GString            *arena;
  GString            *joined;
  guint64             fallbacks_used;
  RowError            error;
} Run;

static const struct { const char *code; const char *label; } reject_labels[] = {
  { "wrong_column_count", N_("wrong number of fields") },
  { "invalid_utf8", N_("text is not valid UTF-8") },
  { "unterminated_quote", N_("a quoted field is not closed") },
  { "bad_date", N_("invalid date or time") },
  { "negative_duration", N_("negative duration") },
  { "bad_duration", N_("invalid duration") },
  { "bad_number", N_("invalid number") },
  { "bad_flag", N_("invalid yes/no value") },
  { "out_of_range_score", N_("score out of range") },
  { "bad_score", N_("invalid score") },
  { "missing_value", N_("required value missing") },
  { "invalid_record", N_("the store refused the record") },
};

/* ---- Results ----------------------------------------------------------- */

/**
 * sc_import_result_copy:
 * @result: a result
 *
 * Returns: (transfer full): a deep copy of @result
 */
ScImportResult *
sc_import_result_copy (const ScImportResult *result)
{
  ScImportResult *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (ScImportResult, 1);
  *copy = *result;
  copy->preset_id = g_strdup (result->preset_id);
  copy->notices = g_strdupv (result->notices);
  copy->rejects_by_reason = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, result->rejects_by_reason);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->rejects_by_reason, g_strdup (key), value);
  return copy;
}

void
sc_import_result_free (ScImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->preset_id);
  g_strfreev (result->notices);
  g_clear_pointer (&result->rejects_by_reason, g_hash_table_unref);
  g_free (result);
}

/* ---- Field parsing ----------------------------------------------------- */

static gboolean
set_error (Run        *run,
           const char *code,
           int         column,
           char       *detail)
{
  run->error.code = code;
  run->error.column = column;
  g_free (run->error.detail);
  run->error.detail = detail;
  return FALSE;
}

static gboolean
set_gerror (Run        *run,
            const char *code,
            int         column,
            GError     *error)
{
  return set_error (run, code, column, g_strdup (error->message));
}

/* Looks @text up in the field's vocabulary; %NULL when it is not there. */
static const char *
lookup_word (const ScPresetField *field,
             const char          *text,
             gsize                len)
{
  char buf[128];

  if (len < sizeof buf)
    {
      gboolean ascii = TRUE;

      for (gsize i = 0; i < len; i++)
        {
          ascii &= (guchar) text[i] < 0x80;
          buf[i] = sc_ascii_lower (text[i]);
        }
      buf[len] = '\0';
      if (ascii)
        return g_hash_table_lookup (field->values, buf);
    }
  {
    g_autofree char *folded = g_utf8_casefold (text, len);

    return g_hash_table_lookup (field->values, folded);
  }
}

/* Looks @text up in the field's vocabulary, whose "*" stands for every
 * other word (the activities of an event log that do not resolve a
 * ticket); %NULL when it is not there. */
static const char *
lookup_value (const ScPresetField *field,
              const char          *text,
              gsize                len)
{
  const char *value;

  if (field->values == NULL)
    return NULL;
  value = lookup_word (field, text, len);
  return value != NULL ? value : g_hash_table_lookup (field->values, "*");
}

static gboolean
column_text (const ScCsvRecord *rec,
             int                column,
             const char       **text,
             gsize             *len)
{
  const char *s;
  gsize n;

  if (column < 0 || (guint) column >= rec->n_fields)
    return FALSE;
  s = rec->fields[column].data;
  n = rec->fields[column].len;
  while (n > 0 && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  *text = s;
  *len = n;
  return n > 0;
}

static ValueState
parse_timestamp_field (Run               *run,
                       guint              i,
                       const ScCsvRecord *rec,
                       const char        *text,
                       gsize              len)
{
  const ScPresetField *field = run->fields[i];
  g_autoptr(GError) error = NULL;
  const char *time_text;
  gsize time_len;
  GTimeZone *zone = field->info->record == SC_RECORD_AGENT_TIME ? NULL : run->zone;

  if (run->zone_is_utc)
    zone = NULL;

  if (column_text (rec, run->match->time_columns[i], &time_text, &time_len))
    {
      g_string_truncate (run->joined, 0);
      g_string_append_len (run->joined, text, len);
      g_string_append_c (run->joined, ' ');
      g_string_append_len (run->joined, time_text, time_len);
      text = run->joined->str;
      len = run->joined->len;
    }
  if (!sc_parse_timestamp (text, len, run->orders[i], zone, &run->ints[i], &error))
    {
      set_gerror (run, "bad_date", run->match->columns[i], error);
      return VALUE_REJECTED;
    }
  return VALUE_PRESENT;
}

static ValueState
parse_duration_field (Run        *run,
                      guint       i,
                      const char *text,
                      gsize       len)
{
  const ScPresetField *field = run->fields[i];
  g_autoptr(GError) error = NULL;
  int column = run->match->columns[i];

  if (!sc_parse_duration (text, len, run->units[i], &run->ints[i], &error))
    {
      set_gerror (run, "bad_duration", column, error);
      return VALUE_REJECTED;
    }
  if (run->ints[i] < 0 && !field->allow_negative)
    {
      set_error (run, "negative_duration", column,
                 g_strdup_printf (_("%" G_GINT64_FORMAT " s is negative"), run->ints[i]));
      return VALUE_REJECTED;
    }
  return VALUE_PRESENT;
}

static ValueState
parse_score_field (Run        *run,
                   guint       i,
                   const char *text,
                   gsize       len)
{
  const ScPresetField *field = run->fields[i];
  g_autoptr(GError) error = NULL;
  ScScoreResult result;
  gint64 whole;

  if (!sc_parse_score (text, len, field->scale_min, field->scale_max, &result, &run->ints[i], &error))
    {
      set_gerror (run, sc_parse_integer (text, len, &whole, NULL) ? "out_of_range_score" : "bad_score",
                  run->match->columns[i], error);
      return VALUE_REJECTED;
    }
  return result == SC_SCORE_VALUE ? VALUE_PRESENT : VALUE_MISSING;
}

static ValueState
parse_flag_field (Run        *run,
                  guint       i,
                  const char *text,
                  gsize       len)
{
  const ScPresetField *field = run->fields[i];
  g_autoptr(GError) error = NULL;
  gboolean flag;

  if (!sc_parse_boolean (text, len, &flag, &error))
    {
      set_gerror (run, "bad_flag", run->match->columns[i], error);
      return VALUE_REJECTED;
    }
  run->ints[i] = (flag != field->invert) ? 1 : 0;
  return VALUE_PRESENT;
}

static ValueState
parse_number_field (Run        *run,
                    guint       i,
                    const char *text,
                    gsize       len)
{
  const ScPresetField *field = run->fields[i];
  g_autoptr(GError) error = NULL;

  if (field->info->type == SC_FIELD_MONEY)
    {
      if (sc_parse_number (text, len, &run->reals[i], &error))
        return VALUE_PRESENT;
    }
  else if (sc_parse_integer (text, len, &run->ints[i], &error))
    {
      if (run->ints[i] >= 0)
        return VALUE_PRESENT;
      set_error (run, "bad_number", run->match->columns[i],
                 g_strdup_printf (_("the count %" G_GINT64_FORMAT " is negative"), run->ints[i]));
      return VALUE_REJECTED;
    }
  set_gerror (run, "bad_number", run->match->columns[i], error);
  return VALUE_REJECTED;
}

/* Whether field @i reads later columns named as its own (Jira's Labels). */
static inline gboolean
joins_columns (Run   *run,
               guint  i)
{
  return run->match->n_repeats > 0 && run->fields[i]->info->joins_repeats;
}

/* Reads text field @i from its column and the later columns of the same
 * name: their non-empty values, each through the field's vocabulary,
 * joined by spaces. */
static ValueState
parse_joined_text (Run               *run,
                   guint              i,
                   const ScCsvRecord *rec)
{
  const ScPresetField *field = run->fields[i];
  gsize start = run->arena->len;

  for (int k = -1; k < (int) run->match->n_repeats; k++)
    {
      int column = k < 0 ? run->match->columns[i] : run->match->repeat_columns[k];
      const char *text, *mapped;
      gsize len;

      if (k >= 0 && run->match->repeat_fields[k] != (int) i)
        continue;
      if (!column_text (rec, column, &text, &len))
        continue;
      mapped = lookup_value (field, text, len);
      if (mapped != NULL)
        {
          text = mapped;
          len = strlen (mapped);
        }
      if (len == 0)
        continue;
      /* parse_row reserved room for every column's text and a space. */
      if (run->arena->len > start)
        run->arena->str[run->arena->len++] = ' ';
      memcpy (run->arena->str + run->arena->len, text, len);
      run->arena->len += len;
    }
  if (run->arena->len == start)
    return VALUE_MISSING;
  run->texts[i] = start;
  run->arena->str[run->arena->len++] = '\0';
  return VALUE_PRESENT;
}

/* Reads field @i of @rec into run->states/ints/texts. */
static ValueState
parse_field (Run               *run,
             guint              i,
             const ScCsvRecord *rec)
{
  const ScPresetField *field = run->fields[i];
  const char *text, *mapped;
  gsize len;

  if (joins_columns (run, i))
    return parse_joined_text (run, i, rec);
  if (!column_text (rec, run->match->columns[i], &text, &len))
    return VALUE_MISSING;
  mapped = lookup_value (field, text, len);
  if (mapped != NULL)
    {
      if (*mapped == '\0')
        return VALUE_MISSING;
      text = mapped;
      len = strlen (mapped);
    }

  switch (field->info->type)
    {
    case SC_FIELD_TEXT:
      /* parse_row reserved room for every field's text. */
      run->texts[i] = run->arena->len;
      memcpy (run->arena->str + run->arena->len, text, len);
      run->arena->len += len;
      run->arena->str[run->arena->len++] = '\0';
      return VALUE_PRESENT;
    case SC_FIELD_TIMESTAMP:
      return parse_timestamp_field (run, i, rec, text, len);
    case SC_FIELD_DURATION:
      return parse_duration_field (run, i, text, len);
    case SC_FIELD_SCORE:
      return parse_score_field (run, i, text, len);
    case SC_FIELD_FLAG:
      return parse_flag_field (run, i, text, len);
    case SC_FIELD_COUNT:
    case SC_FIELD_MONEY:
    default:
      return parse_number_field (run, i, text, len);
    }
}

/* Fills an empty field from its fallbacks, which are parsed already when
 * they come first, or parsed here otherwise. */
static void
apply_fallback (Run               *run,
                guint              i,
                const ScCsvRecord *rec)
{
  const ScPresetField *field = run->fields[i];

  for (guint f = 0; field->fallback != NULL && field->fallback[f] != NULL; f++)
    {
      int j = sc_preset_find_field (run->preset, field->fallback[f]);

      if (j < 0 || run->fields[j]->info->type != field->info->type)
        continue;
      if ((guint) j > i)
        run->states[j] = parse_field (run, j, rec);
      if (run->states[j] == VALUE_PRESENT)
        {
          run->states[i] = VALUE_PRESENT;
          run->ints[i] = run->ints[j];
          run->texts[i] = run->texts[j];
          run->fallbacks_used++;
          return;
        }
    }
}

/* Makes room in the arena for every text value of @rec: each is a part
 * of the record or a vocabulary value. */
static void
reserve_arena (Run               *run,
               const ScCsvRecord *rec)
{
  gsize room = rec->raw_len +
               (run->n_fields + run->match->n_repeats) * (run->max_value_len + 1) + 1;

  if (run->arena->allocated_len <= room)
    g_string_set_size (run->arena, room);
  g_string_truncate (run->arena, 0);
}

/* Parses every field of the row; FALSE (with run->error) to reject it. */
static gboolean
parse_row (Run               *run,
           const ScCsvRecord *rec)
{
  reserve_arena (run, rec);
  for (guint i = 0; i < run->n_fields; i++)
    {
      if (run->match->columns[i] < 0)
        {
          run->states[i] = VALUE_MISSING;
          continue;
        }
      run->states[i] = parse_field (run, i, rec);
      if (run->states[i] == VALUE_REJECTED)
        return FALSE;
    }
  for (guint i = 0; i < run->n_fields; i++)
    {
      const ScPresetField *field = run->fields[i];

      if (run->states[i] == VALUE_MISSING && field->fallback != NULL)
        apply_fallback (run, i, rec);
      if (run->states[i] == VALUE_REJECTED)
        return FALSE;
      if (run->states[i] == VALUE_MISSING && field->required && run->match->columns[i] < 0)
        return set_error (run, "missing_value", -1,
                          g_strdup_printf (_("no column holds %s"), field->info->name));
      if (run->states[i] == VALUE_MISSING && field->required)
        return set_error (run, "missing_value", run->match->columns[i],
                          g_strdup_printf (_("%s is empty"), run->header[run->match->columns[i]]));
    }
  return TRUE;
}

/* ---- Building records -------------------------------------------------- */

static void
fill_struct (Run          *run,
             gpointer      record,
             ScRecordType  type)
{
  for (guint i = 0; i < run->n_fields; i++)
    {
      const ScFieldInfo *info = run->fields[i]->info;
      char *slot = (char *) record + info->offset;

      if (run->states[i] != VALUE_PRESENT || info->offset == SC_FIELD_NOT_STORED ||
          info->type == SC_FIELD_SCORE)
        continue;
      if (info->type == SC_FIELD_TEXT)
        *(const char **) (gpointer) slot = run->arena->str + run->texts[i];
      else if (info->type == SC_FIELD_MONEY)
        *(double *) (gpointer) slot = run->reals[i];
      else
        *(gint64 *) (gpointer) slot = run->ints[i];
    }
}

static gint64
score_of (Run    *run,
          int     i,
          gint64 *scale)
{
  if (i < 0 || run->states[i] != VALUE_PRESENT)
    return SC_MISSING;
  if (scale != NULL)
    *scale = run->fields[i]->scale_max;
  return run->ints[i];
}

static char *
row_hash_id (const ScCsvRecord *rec)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) rec->raw, rec->raw_len);
}

/* Writes an interaction whose rows were folded. */
static gboolean
add_folded_cb (const ScInteraction  *record,
               gpointer              user_data,
               GError              **error)
{
  Run *run = user_data;
  ScWriteOutcome outcome;

  return sc_store_batch_add_interaction (run->batch, record, &outcome, error);
}

static gboolean
write_interaction (Run                *run,
                   const ScCsvRecord  *rec,
                   ScWriteOutcome     *outcome,
                   GError            **error)
{
  ScInteraction it;
  gint64 ignore;

  sc_interaction_init (&it);
  it.kind = sc_preset_get_kind (run->preset);
  fill_struct (run, &it, SC_RECORD_INTERACTION);
  it.csat = score_of (run, run->idx_csat, &it.csat_scale);
  it.nps = score_of (run, run->idx_nps, &ignore);
  it.ces = score_of (run, run->idx_ces, &it.ces_scale);
  if (it.csat == SC_MISSING)
    it.csat_scale = SC_MISSING;
  if (it.ces == SC_MISSING)
    it.ces_scale = SC_MISSING;
  if (it.resolved == SC_MISSING && !run->has_resolved)
    it.resolved = it.resolved_at != SC_MISSING ? 1 : 0;
  /* The custom dimensions' values, NUL-terminated in a buffer of their
   * own; pointed to once all are in (the buffer may move as it grows). */
  g_string_truncate (run->dim_texts, 0);
  for (guint k = 0; k < run->match->n_dim_columns; k++)
    {
      const char *text;
      gsize len;

      run->dim_offsets[k] = G_MAXSIZE;
      if (run->dims[k] == SC_DIM_MAX || !column_text (rec, run->match->dim_columns[k], &text, &len))
        continue;
      run->dim_offsets[k] = run->dim_texts->len;
      g_string_append_len (run->dim_texts, text, len);
      g_string_append_c (run->dim_texts, '\0');
    }
  for (guint k = 0; k < run->match->n_dim_columns; k++)
    if (run->dim_offsets[k] != G_MAXSIZE)
      it.dims[run->dims[k]] = run->dim_texts->str + run->dim_offsets[k];
  if (run->folder != NULL && it.external_id != NULL)
    {
      ScInteraction one;

      if (sc_folder_id_repeats (run->folder, it.external_id))
        {
          /* Written with its last row. */
          *outcome = SC_WRITE_QUEUED;
          return sc_folder_add (run->folder, &it, add_folded_cb, run, error);
        }
      sc_folder_fold_one (run->folder, &it, &one);
      return sc_store_batch_add_interaction (run->batch, &one, outcome, error);
    }
  return sc_store_batch_add_interaction (run->batch, &it, outcome, error);
}

static gboolean
write_survey (Run                *run,
              const ScCsvRecord  *rec,
              ScWriteOutcome     *outcome,
              GError            **error)
{
  static const char * const questions[] = { "csat", "nps", "ces" };
  int indices[] = { run->idx_csat, run->idx_nps, run->idx_ces };
  g_autofree char *hash_id = NULL;
  ScSurveyResponse response;
  gboolean any = FALSE;

  sc_survey_response_init (&response);
  fill_struct (run, &response, SC_RECORD_SURVEY);
  if (response.external_id == NULL)
    response.external_id = hash_id = row_hash_id (rec);
  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    {
      g_autofree char *id = NULL;
      const char *base = response.external_id;
      ScSurveyResponse r = response;

      r.score = score_of (run, indices[q], &r.scale);
      if (r.score == SC_MISSING)
        continue;
      r.question = questions[q];
      r.external_id = id = g_strconcat (base, ":", questions[q], NULL);
      if (g_str_equal (questions[q], "nps"))
        r.scale = 10;
      if (!sc_store_batch_add_survey_response (run->batch, &r, outcome, error))
        return FALSE;
      any = TRUE;
    }
  if (!any && outcome != NULL)
    *outcome = SC_WRITE_UNCHANGED;
  return TRUE;
}

static gboolean
write_record (Run                *run,
              const ScCsvRecord  *rec,
              ScWriteOutcome     *outcome,
              GError            **error)
{
  switch (sc_preset_get_record_type (run->preset))
    {
    case SC_RECORD_SURVEY:
      return write_survey (run, rec, outcome, error);
    case SC_RECORD_CUSTOMER:
      {
        ScCustomer c;

        sc_customer_init (&c);
        fill_struct (run, &c, SC_RECORD_CUSTOMER);
        return sc_store_batch_add_customer (run->batch, &c, outcome, error);
      }
    case SC_RECORD_AGENT_TIME:
      {
        ScAgentTime a;

        sc_agent_time_init (&a);
        fill_struct (run, &a, SC_RECORD_AGENT_TIME);
        if (a.day != SC_MISSING)
          a.day -= ((a.day % 86400) + 86400) % 86400;
        return sc_store_batch_add_agent_time (run->batch, &a, outcome, error);
      }
    case SC_RECORD_INTERACTION:
    default:
      return write_interaction (run, rec, outcome, error);
    }
}

/* ---- Rejects ----------------------------------------------------------- */

static const char *
reject_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (reject_labels); i++)
    if (g_str_equal (reject_labels[i].code, code))
      return _(reject_labels[i].label);
  return code;
}

/* The reason the import history keeps for run->error. */
static char *
describe_error (Run *run)
{
  if (run->error.detail != NULL)
    return g_strdup_printf ("%s: %s", reject_label (run->error.code), run->error.detail);
  return g_strdup (reject_label (run->error.code));
}

static gboolean
reject_row (Run                *run,
            const ScCsvRecord  *rec,
            GError            **error)
{
  const char *column = NULL;
  g_autofree char *value = NULL;
  g_autofree char *raw = g_utf8_make_valid (rec->raw, rec->raw_len);
  g_autofree char *reason = NULL;
  gpointer count;

  if (run->error.column >= 0 && (guint) run->error.column < sc_csv_reader_get_n_columns (run->reader))
    column = run->header[run->error.column];
  if (run->error.column >= 0 && (guint) run->error.column < rec->n_fields)
    value = g_utf8_make_valid (rec->fields[run->error.column].data, rec->fields[run->error.column].len);
  reason = describe_error (run);

  count = g_hash_table_lookup (run->result->rejects_by_reason, run->error.code);
  g_hash_table_replace (run->result->rejects_by_reason, g_strdup (run->error.code),
                        GINT_TO_POINTER (GPOINTER_TO_INT (count) + 1));
  run->result->counts.rejected++;
  g_clear_pointer (&run->error.detail, g_free);
  if (run->self->dry_run)
    return TRUE;
  return sc_store_batch_add_reject (run->batch, rec->line, column, value, reason, raw, error);
}

/* Checks what the reader found wrong with the record as a whole. */
static gboolean
check_record (Run               *run,
              const ScCsvRecord *rec)
{
  guint n_columns = sc_csv_reader_get_n_columns (run->reader);

  if (rec->unterminated)
    return set_error (run, "unterminated_quote", -1, NULL);
  if (rec->n_fields != n_columns)
    return set_error (run, "wrong_column_count", -1,
                      g_strdup_printf (_("the row has %u fields, the header %u"),
                                       rec->n_fields, n_columns));
  if (rec->bad_utf8_field >= 0)
    return set_error (run, "invalid_utf8", rec->bad_utf8_field, NULL);
  return TRUE;
}

/* Whether the preset reads @rec: an audit log's change of the state, not
 * of another field. */
static gboolean
reads_row (Run               *run,
           const ScCsvRecord *rec)
{
  const char *text = "";
  gsize len = 0;

  if (run->match->row_column < 0)
    return TRUE;
  column_text (rec, run->match->row_column, &text, &len);
  return sc_preset_reads_row (run->preset, text, len);
}

static gboolean
import_row (Run                *run,
            const ScCsvRecord  *rec,
            GError            **error)
{
  g_autoptr(GError) store_error = NULL;
  ScWriteOutcome outcome = SC_WRITE_UNCHANGED;

  run->result->counts.rows_read++;
  if (!reads_row (run, rec))
    {
      run->skipped++;
      return TRUE;
    }
  if (!check_record (run, rec) || !parse_row (run, rec))
    return reject_row (run, rec, error);
  if (run->self->dry_run)
    outcome = SC_WRITE_INSERTED;
  else if (!write_record (run, rec, &outcome, &store_error))
    {
      if (!g_error_matches (store_error, SC_ERROR, SC_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&store_error));
          return FALSE;
        }
      set_gerror (run, "invalid_record", -1, store_error);
      return reject_row (run, rec, error);
    }
  /* Interactions are only queued here: sc_store_batch_commit() counts
   * them. */
  if (outcome == SC_WRITE_INSERTED)
    run->result->counts.inserted++;
  else if (outcome == SC_WRITE_UPDATED)
    run->result->counts.updated++;
  else if (outcome == SC_WRITE_UNCHANGED)
    run->result->counts.unchanged++;
  return TRUE;
}

/* ---- Setting up -------------------------------------------------------- */

/* Whether the header line holds values rather than column names: none
 * has a name, or most of them read as numbers or dates. */
static gboolean
header_is_data (const char * const *header)
{
  guint named = 0, values = 0;

  for (guint c = 0; header[c] != NULL; c++)
    {
      gsize len = strlen (header[c]);
      double number;
      gint64 instant;

      if (len == 0)
        continue;
      named++;
      if (sc_parse_number (header[c], len, &number, NULL) ||
          sc_parse_timestamp (header[c], len, SC_DATE_ORDER_MDY, NULL, &instant, NULL))
        values++;
    }
  return named == 0 || values * 2 > named;
}

static gboolean
fail_no_preset (Run     *run,
                GError **error)
{
  g_autofree char *columns = g_strjoinv (", ", (char **) run->header);

  if (header_is_data (run->header))
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("%s: the file has no header: its first line (line %" G_GINT64_FORMAT ": %s) "
                   "holds values, not column names. Add a line naming the columns and import "
                   "it again."),
                 run->path, sc_csv_reader_get_header_line (run->reader), columns);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("%s: the header (line %" G_GINT64_FORMAT ": %s) matches no known export; "
                   "map the columns by hand or choose a preset."),
                 run->path, sc_csv_reader_get_header_line (run->reader), columns);
  return FALSE;
}

/* The preset given as an object (columns mapped by hand): a preview
 * shows it even before any of its columns is found, so the mapping can
 * be completed. */
static gboolean
choose_given_preset (Run     *run,
                     GError **error)
{
  run->match = sc_preset_match (run->self->preset_object, run->header);
  if (run->match->n_matched == 0 && (!run->previewing || header_is_data (run->header)))
    return fail_no_preset (run, error);
  run->preset = run->match->preset;
  run->n_fields = sc_preset_get_n_fields (run->preset);
  return TRUE;
}

static gboolean
choose_preset (Run     *run,
               GError **error)
{
  g_autoptr(GPtrArray) presets = NULL;
  const char *id = run->self->preset_id;

  if (run->self->preset_object != NULL)
    return choose_given_preset (run, error);
  presets = sc_preset_load_all (NULL);
  if (id != NULL && !g_str_equal (id, "auto"))
    {
      ScPreset *preset = sc_preset_find (presets, id);

      if (preset == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("There is no preset “%s”."), id);
          return FALSE;
        }
      run->match = sc_preset_match (preset, run->header);
    }
  else
    run->match = sc_preset_detect (presets, run->header);

  if (run->match == NULL || run->match->n_matched == 0)
    return fail_no_preset (run, error);
  run->preset = run->match->preset;
  run->n_fields = sc_preset_get_n_fields (run->preset);
  return TRUE;
}

static gboolean
needs_date_order (Run               *run,
                  const ScCsvRecord *rec,
                  guint              i)
{
  const char *text;
  gsize len;

  if (sc_preset_get_field (run->preset, i)->info->type != SC_FIELD_TIMESTAMP ||
      !column_text (rec, run->match->columns[i], &text, &len))
    return FALSE;
  return !(len >= 10 && g_ascii_isdigit (text[0]) && (text[4] == '-' || text[4] == '/'));
}

/* A reader over the file, or over the sheet of the workbook as CSV
 * whose line numbers are the sheet's row numbers. */
static ScCsvReader *
open_reader (Run           *run,
             ScXlsxStream **out_stream,
             GError       **error)
{
  g_autoptr(ScXlsxStream) stream = NULL;
  g_autoptr(ScCsvReader) reader = NULL;

  if (run->book == NULL)
    reader = sc_csv_reader_new_for_path (run->path, error);
  else if ((stream = sc_xlsx_book_open_sheet (run->book, run->sheet, error)) != NULL)
    reader = sc_xlsx_stream_new_csv_reader (stream);
  if (reader == NULL || !sc_csv_reader_open (reader, run->cancellable, error))
    return NULL;
  if (out_stream != NULL)
    *out_stream = g_steal_pointer (&stream);
  return g_steal_pointer (&reader);
}

/* Reads the ids of the whole file once, so that only the rows of those
 * that come more than once are kept until the end to be folded. */
static gboolean
count_ids (Run     *run,
           GError **error)
{
  g_autoptr(ScCsvReader) reader = open_reader (run, NULL, error);
  int i = sc_preset_find_field (run->preset, "external_id");
  int column = i >= 0 ? run->match->columns[i] : -1;
  const ScCsvRecord *rec;
  guint64 rows = 0;

  if (reader == NULL)
    return FALSE;
  while ((rec = sc_csv_reader_next (reader, error)) != NULL)
    {
      const char *text;
      gsize len;

      if (reads_row (run, rec) && column_text (rec, column, &text, &len))
        sc_folder_count_id (run->folder, text, len);
      if (++rows % PROGRESS_EVERY == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
    }
  return error == NULL || *error == NULL;
}

/* Reads the whole file once more to find each date column's order,
 * when a column has numeric dates and no order was given. */
static gboolean
detect_date_orders (Run     *run,
                    GError **error)
{
  g_autoptr(ScCsvReader) reader = NULL;
  g_autofree ScDateOrderVotes *votes = g_new0 (ScDateOrderVotes, run->n_fields);
  g_autofree gboolean *wanted = g_new0 (gboolean, run->n_fields);
  const ScCsvRecord *rec;
  gboolean any = FALSE;
  guint64 rows = 0;

  reader = open_reader (run, NULL, error);
  if (reader == NULL)
    return FALSE;
  while ((rec = sc_csv_reader_next (reader, error)) != NULL)
    {
      if (rows++ < SNIFF_ROWS)
        for (guint i = 0; i < run->n_fields; i++)
          if (!wanted[i] && needs_date_order (run, rec, i))
            wanted[i] = any = TRUE;
      if (rows == SNIFF_ROWS && !any)
        return TRUE;
      /* A whole large file is read here: a cancelled import or preview
       * stops without waiting for its end. */
      if (rows % PROGRESS_EVERY == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      for (guint i = 0; i < run->n_fields; i++)
        {
          const char *text;
          gsize len;

          if (wanted[i] && column_text (rec, run->match->columns[i], &text, &len))
            sc_date_order_votes_add (&votes[i], text, len);
        }
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  for (guint i = 0; i < run->n_fields; i++)
    if (wanted[i])
      {
        gboolean ambiguous = FALSE;

        run->orders[i] = sc_date_order_votes_decide (&votes[i], &ambiguous);
        if (ambiguous)
          g_ptr_array_add (run->notices,
                           g_strdup_printf (_("The dates in “%s” could be day/month or month/day; "
                                              "they were read month first."),
                                            run->header[run->match->columns[i]]));
      }
  return TRUE;
}

static void
set_up_fields (Run *run)
{
  run->orders = g_new0 (ScDateOrder, run->n_fields);
  run->units = g_new0 (ScDurationUnit, run->n_fields);
  run->states = g_new0 (ValueState, run->n_fields);
  run->ints = g_new0 (gint64, run->n_fields);
  run->reals = g_new0 (double, run->n_fields);
  run->texts = g_new0 (gsize, run->n_fields);
  run->fields = g_new0 (const ScPresetField *, run->n_fields);
  run->idx_csat = sc_preset_find_field (run->preset, "csat");
  run->idx_nps = sc_preset_find_field (run->preset, "nps");
  run->idx_ces = sc_preset_find_field (run->preset, "ces");
  run->has_resolved = sc_preset_find_field (run->preset, "resolved") >= 0;
  for (guint i = 0; i < run->n_fields; i++)
    {
      const ScPresetField *field = sc_preset_get_field (run->preset, i);
      int column = run->match->columns[i];

      run->fields[i] = field;
      run->orders[i] = run->self->order;
      if (field->values != NULL)
        {
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, field->values);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            run->max_value_len = MAX (run->max_value_len, strlen (value));
        }
      run->units[i] = field->unit_set || column < 0
        ? field->unit
        : sc_duration_unit_from_header (run->header[column], SC_UNIT_SECONDS);
    }
}

static GTimeZone *
dup_zone (ScImporter *self)
{
  if (self->zone != NULL)
    return g_time_zone_ref (self->zone);
  return sc_store_dup_time_zone (self->store);
}

/* How numbers were read, so that the history says what a mapping made
 * by hand did: "unit:handle_s=min", "scale:csat=1-10". */
static void
describe_units (Run     *run,
                GString *s)
{
  for (guint i = 0; i < run->n_fields; i++)
    {
      const ScPresetField *field = run->fields[i];

      if (run->match->columns[i] < 0)
        continue;
      if (field->info->type == SC_FIELD_DURATION)
        g_string_append_printf (s, ";unit:%s=%s", field->info->name,
                                sc_duration_unit_to_string (run->units[i]));
      else if (field->info->type == SC_FIELD_SCORE)
        g_string_append_printf (s, ";scale:%s=%d-%d", field->info->name,
                                field->scale_min, field->scale_max);
    }
}

static char *
describe_mapping (Run *run)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < run->n_fields; i++)
    if (run->match->columns[i] >= 0)
      g_string_append_printf (s, "%s%s=%s", s->len ? ";" : "",
                              sc_preset_get_field (run->preset, i)->info->name,
                              run->header[run->match->columns[i]]);
  for (guint k = 0; k < run->match->n_dim_columns; k++)
    g_string_append_printf (s, "%sdimension=%s", s->len ? ";" : "",
                            run->header[run->match->dim_columns[k]]);
  describe_units (run, s);
  /* How rows were read: which ones, and folded how. */
  if (run->match->row_column >= 0)
    g_string_append_printf (s, ";rows=%s", run->header[run->match->row_column]);
  if (sc_preset_get_fold (run->preset) != SC_FOLD_NONE &&
      sc_preset_get_record_type (run->preset) == SC_RECORD_INTERACTION)
    g_string_append_printf (s, ";fold=%s", sc_fold_mode_to_string (sc_preset_get_fold (run->preset)));
  return g_string_free (s, FALSE);
}

static void
free_string (GString *string)
{
  g_string_free (string, TRUE);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->batch, sc_store_batch_free);
  g_clear_pointer (&run->folder, sc_folder_free);
  g_clear_pointer (&run->reader, sc_csv_reader_free);
  g_clear_object (&run->sheet_stream);
  g_clear_object (&run->book);
  g_clear_pointer (&run->match, sc_preset_match_free);
  g_clear_pointer (&run->zone, g_time_zone_unref);
  g_clear_pointer (&run->result, sc_import_result_free);
  g_clear_pointer (&run->notices, g_ptr_array_unref);
  g_clear_pointer (&run->arena, free_string);
  g_clear_pointer (&run->joined, free_string);
  g_free (run->orders);
  g_free (run->units);
  g_free (run->dims);
  g_free (run->dim_offsets);
  if (run->dim_texts != NULL)
    g_string_free (run->dim_texts, TRUE);
  g_free (run->states);
  g_free (run->ints);
  g_free (run->reals);
  g_free (run->texts);
  g_free (run->fields);
  g_free (run->error.detail);
}

/* ---- Running ----------------------------------------------------------- */

/* The checksum of a workbook, read once more for it: a CSV file's comes
 * from its reader, which sees every byte of it anyway. */
static char *
checksum_file (const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree guchar *buf = g_malloc (CHECKSUM_CHUNK);
  ScChecksum checksum;
  gsize n;

  if (stream == NULL)
    return NULL;
  sc_checksum_init (&checksum);
  do
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buf, CHECKSUM_CHUNK, &n,
                                    cancellable, error))
        return NULL;
      sc_checksum_update (&checksum, buf, n);
    }
  while (n == CHECKSUM_CHUNK);
  return sc_checksum_finish (&checksum);
}

static gboolean
begin_batch (Run     *run,
             GError **error)
{
  g_autofree char *mapping = describe_mapping (run);
  g_autofree char *basename = g_path_get_basename (run->path);
  g_autofree char *checksum = NULL;
  ScImportInfo info = { 0 };

  if (run->book != NULL
      && (checksum = checksum_file (run->path, run->cancellable, error)) == NULL)
    return FALSE;
  info.file_name = basename;
  info.checksum = checksum;
  info.preset = sc_preset_get_id (run->preset);
  info.source = run->self->source != NULL ? run->self->source : sc_preset_get_source (run->preset);
  info.mapping = mapping;
  /* The ids are counted before the store is locked for the import. */
  if (sc_preset_get_record_type (run->preset) == SC_RECORD_INTERACTION &&
      sc_preset_get_fold (run->preset) != SC_FOLD_NONE)
    {
      run->folder = sc_folder_new (sc_preset_get_fold (run->preset));
      if (!count_ids (run, error))
        return FALSE;
    }
  run->batch = sc_store_begin_import (run->self->store, &info, error);
  if (run->batch == NULL)
    return FALSE;
  run->dims = g_new (ScDimension, run->match->n_dim_columns + 1);
  run->dim_offsets = g_new (gsize, run->match->n_dim_columns + 1);
  run->dim_texts = g_string_new (NULL);
  for (guint k = 0; k < run->match->n_dim_columns; k++)
    {
      g_autofree char *label = sc_preset_dimension_label (run->header[run->match->dim_columns[k]]);
      g_autoptr(GError) local_error = NULL;

      if (sc_store_batch_add_dimension (run->batch, label, &run->dims[k], &local_error))
        continue;
      if (!g_error_matches (local_error, SC_ERROR, SC_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* A store full of dimensions still takes the rest of the file. */
      g_ptr_array_add (run->notices, g_strdup (local_error->message));
      run->dims[k] = SC_DIM_MAX;
    }
  if (run->match->n_dim_columns > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint k = 0; k < run->match->n_dim_columns; k++)
        g_string_append_printf (names, "%s“%s”", k > 0 ? ", " : "",
                                run->header[run->match->dim_columns[k]]);
      g_ptr_array_add (run->notices,
                       g_strdup_printf (ngettext ("The column %s is kept as a dimension of its own.",
                                                  "The columns %s are kept as dimensions of their own.",
                                                  run->match->n_dim_columns),
                                        names->str));
    }
  return TRUE;
}

/* Progress in bytes: of the file, or of the workbook sheet's XML. */
static void
report_progress (Run     *run,
                 guint64  total)
{
  guint64 bytes = sc_csv_reader_get_bytes_read (run->reader);

  if (run->sheet_stream != NULL)
    {
      bytes = sc_xlsx_stream_get_bytes_read (run->sheet_stream);
      total = sc_xlsx_stream_get_total_bytes (run->sheet_stream);
    }
  run->self->progress (run->result->counts.rows_read, bytes, total, run->self->progress_data);
}

static gboolean
import_rows (Run     *run,
             GError **error)
{
  ScImporter *self = run->self;
  const ScCsvRecord *rec;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  guint64 total = 0;

  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  if (file_info != NULL)
    total = g_file_info_get_size (file_info);

  while ((rec = sc_csv_reader_next (run->reader, &local_error)) != NULL)
    {
      if (!import_row (run, rec, error))
        return FALSE;
      if (run->result->counts.rows_read % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
            return FALSE;
          if (self->progress != NULL)
            report_progress (run, total);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", run->path);
      return FALSE;
    }
  if (self->progress != NULL)
    report_progress (run, total);
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  /* The reader has seen every byte of a CSV file now. */
  if (run->batch != NULL && run->book == NULL)
    {
      g_autofree char *checksum = sc_csv_reader_dup_checksum (run->reader);

      sc_store_batch_set_checksum (run->batch, checksum);
    }
  return TRUE;
}

/* Writes the interactions whose rows were folded, and says how many rows
 * made them. */
static gboolean
write_folded (Run     *run,
              GError **error)
{
  guint64 n_rows, n_records;

  if (run->folder == NULL)
    return TRUE;
  if (!sc_folder_foreach (run->folder, add_folded_cb, run, error))
    return FALSE;
  n_rows = sc_folder_get_n_rows (run->folder);
  n_records = sc_folder_get_n_records (run->folder);
  if (n_rows > n_records)
    g_ptr_array_add (run->notices,
                     g_strdup_printf (sc_preset_get_fold (run->preset) == SC_FOLD_EVENTS
                                      /* Translators: an event log's rows make fewer tickets */
                                      ? ngettext ("%" G_GUINT64_FORMAT " events made %" G_GUINT64_FORMAT " ticket.",
                                                  "%" G_GUINT64_FORMAT " events made %" G_GUINT64_FORMAT " tickets.",
                                                  n_records)
                                      /* Translators: a call log's segment rows make fewer calls */
                                      : ngettext ("%" G_GUINT64_FORMAT " rows made %" G_GUINT64_FORMAT
                                                  " interaction: the segments of one are read together.",
                                                  "%" G_GUINT64_FORMAT " rows made %" G_GUINT64_FORMAT
                                                  " interactions: the segments of one are read together.",
                                                  n_records),
                                      n_rows, n_records));
  return !g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

/* A file that starts like a ZIP archive is read as an .xlsx workbook
 * (the book says so when it is another kind of archive); a workbook
 * saved with a password is refused here, before the CSV reader takes it
 * for an old .xls. */
static gboolean
open_book (Run     *run,
           GError **error)
{
  guint n_sheets;

  if (!sc_xlsx_is_zip_file (run->path))
    {
      if (!sc_xlsx_is_encrypted_file (run->path))
        return TRUE;
      g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE,
                           _("This workbook is protected with a password, which Scorecard cannot "
                             "open. Open it in a spreadsheet program and save a copy without the "
                             "password (as .xlsx or CSV), then import that copy."));
      return FALSE;
    }
  run->book = sc_xlsx_book_new_for_path (run->path, error);
  if (run->book == NULL ||
      (run->sheet = sc_xlsx_book_find_sheet (run->book, run->self->sheet, error)) == NULL)
    return FALSE;
  n_sheets = g_strv_length ((char **) sc_xlsx_book_get_sheets (run->book));
  if (n_sheets > 1)
    g_ptr_array_add (run->notices,
                     g_strdup_printf (ngettext ("Read the sheet “%s” of the workbook’s %u sheet.",
                                                "Read the sheet “%s” of the workbook’s %u sheets.",
                                                n_sheets),
                                      run->sheet, n_sheets));
  return TRUE;
}

static gboolean
open_file (Run     *run,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (open_book (run, &local_error))
    run->reader = open_reader (run, &run->sheet_stream, &local_error);
  if (run->reader == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   run->path, local_error->message);
      return FALSE;
    }
  run->header = sc_csv_reader_get_header (run->reader);
  for (const char * const *n = sc_csv_reader_get_notices (run->reader); *n != NULL; n++)
    g_ptr_array_add (run->notices, g_strdup (*n));
  return TRUE;
}

/* Reads the header of another sheet of the workbook and finds the preset
 * it fits, dropping the notices of the sheets tried before. */
static gboolean
try_sheet (Run        *run,
           const char *sheet,
           guint       n_notices)
{
  const char *first = run->sheet;

  g_clear_pointer (&run->reader, sc_csv_reader_free);
  g_clear_object (&run->sheet_stream);
  g_clear_pointer (&run->match, sc_preset_match_free);
  run->sheet = sheet;
  run->reader = open_reader (run, &run->sheet_stream, NULL);
  if (run->reader == NULL)
    return FALSE;
  run->header = sc_csv_reader_get_header (run->reader);
  if (!choose_preset (run, NULL))
    return FALSE;
  g_ptr_array_set_size (run->notices, n_notices);
  g_ptr_array_add (run->notices,
                   g_strdup_printf (_("The sheet “%s” fits no known export; read the sheet “%s” "
                                      "instead."), first, sheet));
  for (const char * const *n = sc_csv_reader_get_notices (run->reader); *n != NULL; n++)
    g_ptr_array_add (run->notices, g_strdup (*n));
  return TRUE;
}

/* Opens the file and finds the preset its header fits. When no sheet
 * was chosen and a workbook's first sheet fits no export (notes or a
 * summary before the data), its other sheets are tried in order. */
static gboolean
open_and_choose (Run     *run,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *first;
  guint n_notices = run->notices->len;

  if (!open_file (run, error))
    return FALSE;
  if (choose_preset (run, &local_error))
    return TRUE;
  first = run->sheet;
  if (run->book != NULL && run->self->sheet == NULL &&
      g_error_matches (local_error, SC_ERROR, SC_ERROR_PARSE))
    for (const char * const *s = sc_xlsx_book_get_sheets (run->book); *s != NULL; s++)
      if (!g_str_equal (*s, first) && try_sheet (run, *s, n_notices))
        return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
finish_notices (Run *run)
{
  if (run->fallbacks_used > 0)
    g_ptr_array_add (run->notices,
                     g_strdup_printf (_("%" G_GUINT64_FORMAT " values were empty and taken from "
                                        "a fallback column (see the preset)."),
                                      run->fallbacks_used));
  if (run->skipped > 0)
    g_ptr_array_add (run->notices,
                     /* Translators: an audit log's rows about other fields than the state */
                     g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " row was not read: its “%s” "
                                                "is not one the export type reads.",
                                                "%" G_GUINT64_FORMAT " rows were not read: their “%s” "
                                                "is not one the export type reads.", run->skipped),
                                      run->skipped, run->header[run->match->row_column]));
  g_ptr_array_add (run->notices, NULL);
  run->result->notices = (char **) g_ptr_array_free (g_steal_pointer (&run->notices), FALSE);
}

static void
run_init (Run          *run,
          ScImporter   *self,
          const char   *path,
          GCancellable *cancellable)
{
  run->self = self;
  run->path = path;
  run->cancellable = cancellable;
  run->notices = g_ptr_array_new_with_free_func (g_free);
  run->arena = g_string_sized_new (4096);
  run->joined = g_string_sized_new (64);
  run->zone = dup_zone (self);
  run->zone_is_utc = g_str_equal (g_time_zone_get_identifier (run->zone), "UTC");
  run->error.column = -1;
  run->result = g_new0 (ScImportResult, 1);
  run->result->rejects_by_reason = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- Previewing -------------------------------------------------------- */

static void
preview_column_free (ScImportPreviewColumn *column)
{
  g_free (column->header);
  g_free (column->field);
  g_free (column->dimension);
  g_strfreev (column->samples);
  g_strfreev (column->unparsed);
  g_free (column);
}

static void
preview_row_free (ScImportPreviewRow *row)
{
  g_strfreev (row->values);
  g_free (row->reason);
  g_free (row);
}

/**
 * sc_import_preview_free:
 * @preview: (nullable): a preview
 */
void
sc_import_preview_free (ScImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->preset_id);
  g_free (preview->detected_id);
  g_clear_pointer (&preview->preset, sc_preset_unref);
  g_strfreev (preview->preset_ids);
  g_strfreev (preview->preset_names);
  g_strfreev (preview->sheets);
  g_free (preview->sheet);
  g_free (preview->time_zone);
  g_clear_pointer (&preview->columns, g_ptr_array_unref);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_strfreev (preview->notices);
  g_free (preview);
}

/* Field @i's parsed value as a person reads it. */
static char *
format_parsed (Run  *run,
               guint i)
{
  const ScFieldInfo *info = run->fields[i]->info;
  gint64 v = run->ints[i];

  switch (info->type)
    {
    case SC_FIELD_TEXT:
      return g_strdup (run->arena->str + run->texts[i]);
    case SC_FIELD_TIMESTAMP:
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (v);
        g_autoptr(GDateTime) local = NULL;

        if (utc == NULL)
          return g_strdup_printf ("%" G_GINT64_FORMAT, v);
        local = info->record == SC_RECORD_AGENT_TIME || run->zone_is_utc
          ? g_date_time_ref (utc) : g_date_time_to_timezone (utc, run->zone);
        return g_date_time_format (local, v % 60 != 0 ? "%Y-%m-%d %H:%M:%S %:z"
                                                      : "%Y-%m-%d %H:%M %:z");
      }
    case SC_FIELD_DURATION:
      return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d:%02d", v < 0 ? "−" : "",
                              ABS (v) / 3600, (int) (ABS (v) / 60 % 60), (int) (ABS (v) % 60));
    case SC_FIELD_FLAG:
      return g_strdup (v ? _("yes") : _("no"));
    case SC_FIELD_MONEY:
      return g_strdup_printf ("%.2f", run->reals[i]);
    case SC_FIELD_COUNT:
    case SC_FIELD_SCORE:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, v);
    }
}

/* Per column of the file, the first preset field read from it (as its
 * value or as its time of day), or -1. */
static int *
map_columns (Run   *run,
             guint  n_columns)
{
  int *field_of = g_new (int, n_columns);

  for (guint c = 0; c < n_columns; c++)
    field_of[c] = -1;
  for (guint i = 0; i < run->n_fields; i++)
    {
      int c = run->match->columns[i];
      int t = run->match->time_columns[i];

      if (c >= 0 && (guint) c < n_columns && field_of[c] < 0)
        field_of[c] = i;
      if (c >= 0 && t >= 0 && (guint) t < n_columns && field_of[t] < 0)
        field_of[t] = i;
    }
  for (guint k = 0; k < run->match->n_repeats; k++)
    if ((guint) run->match->repeat_columns[k] < n_columns)
      field_of[run->match->repeat_columns[k]] = run->match->repeat_fields[k];
  return field_of;
}

static gboolean
is_time_column (Run  *run,
                int   field,
                guint column)
{
  return run->match->time_columns[field] == (int) column;
}

/* What the preview keeps of a column's values, as the file has them. */
typedef struct
{
  GPtrArray *samples;    /* the first different ones */
  GPtrArray *unparsed;   /* the first different ones the field does not read */
} SeenValues;

#define MAX_SAMPLES  3
#define MAX_UNPARSED 24

static void
add_distinct (GPtrArray  *samples,
              guint       max,
              const char *text,
              gsize       len)
{
  g_autofree char *value = NULL;

  if (samples->len >= max)
    return;
  value = g_utf8_make_valid (text, len);
  for (guint k = 0; k < samples->len; k++)
    if (g_str_equal (samples->pdata[k], value))
      return;
  g_ptr_array_add (samples, g_steal_pointer (&value));
}

/* Parses each mapped column of @rec on its own (so that a value after a
 * rejected one is still counted) and, when @values is given, fills it
 * with what the row shows per column. */
static void
preview_columns (Run               *run,
                 const ScCsvRecord *rec,
                 const int         *field_of,
                 SeenValues        *seen,
                 GPtrArray         *columns,
                 char             **values)
{
  reserve_arena (run, rec);
  for (guint c = 0; c < columns->len; c++)
    {
      ScImportPreviewColumn *column = columns->pdata[c];
      const char *text;
      gsize len;
      ValueState state = VALUE_MISSING;

      if (!column_text (rec, c, &text, &len))
        {
          if (values != NULL)
            values[c] = g_strdup ("");
          continue;
        }
      column->n_values++;
      add_distinct (seen[c].samples, MAX_SAMPLES, text, len);
      if (field_of[c] >= 0)
        {
          state = parse_field (run, field_of[c], rec);
          if (state != VALUE_REJECTED)
            column->n_parsed++;
          else
            add_distinct (seen[c].unparsed, MAX_UNPARSED, text, len);
          g_clear_pointer (&run->error.detail, g_free);
        }
      else if (column->dimension != NULL)
        column->n_parsed++;
      /* A time-of-day column shows as the file has it; its date column
       * shows the two read together. Columns read together (Labels)
       * each show their own part. */
      if (values != NULL)
        values[c] = state == VALUE_PRESENT && !is_time_column (run, field_of[c], c) &&
                    !joins_columns (run, field_of[c])
          ? format_parsed (run, field_of[c]) : g_utf8_make_valid (text, len);
    }
}

static ScImportPreviewRow *
preview_row (Run               *run,
             const ScCsvRecord *rec,
             const int         *field_of,
             SeenValues        *seen,
             GPtrArray         *columns)
{
  ScImportPreviewRow *row = g_new0 (ScImportPreviewRow, 1);

  row->line = rec->line;
  row->values = g_new0 (char *, columns->len + 1);
  row->reject_column = -1;
  if (!reads_row (run, rec))
    {
      row->skipped = TRUE;
      for (guint c = 0; c < columns->len; c++)
        {
          const char *text = "";
          gsize len = 0;

          column_text (rec, c, &text, &len);
          row->values[c] = g_utf8_make_valid (text, len);
        }
      return row;
    }
  preview_columns (run, rec, field_of, seen, columns, row->values);
  run->error.column = -1;
  if (!check_record (run, rec) || !parse_row (run, rec))
    {
      row->reason = describe_error (run);
      row->reject_column = run->error.column;
      g_clear_pointer (&run->error.detail, g_free);
    }
  return row;
}

static GPtrArray *
new_preview_columns (Run        *run,
                     const int  *field_of,
                     guint       n_columns)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_column_free);

  for (guint c = 0; c < n_columns; c++)
    {
      ScImportPreviewColumn *column = g_new0 (ScImportPreviewColumn, 1);

      column->header = g_strdup (run->header[c]);
      if (field_of[c] >= 0)
        column->field = g_strdup (run->fields[field_of[c]]->info->name);
      column->time_of_day = field_of[c] >= 0 && is_time_column (run, field_of[c], c);
      g_ptr_array_add (columns, column);
    }
  for (guint k = 0; k < run->match->n_repeats; k++)
    if ((guint) run->match->repeat_columns[k] < n_columns)
      ((ScImportPreviewColumn *) columns->pdata[run->match->repeat_columns[k]])->repeat = TRUE;
  if (run->match->row_column >= 0 && (guint) run->match->row_column < n_columns)
    ((ScImportPreviewColumn *) columns->pdata[run->match->row_column])->picks_rows = TRUE;
  for (guint k = 0; k < run->match->n_dim_columns; k++)
    {
      int c = run->match->dim_columns[k];

      if (c >= 0 && (guint) c < n_columns)
        {
          ScImportPreviewColumn *column = columns->pdata[c];

          column->dimension = sc_preset_dimension_label (column->header);
        }
    }
  return columns;
}

static gboolean
preview_rows (Run              *run,
              ScImportPreview  *preview,
              guint             max_rows,
              GError          **error)
{
  guint n_columns = sc_csv_reader_get_n_columns (run->reader);
  g_autofree int *field_of = map_columns (run, n_columns);
  g_autofree SeenValues *seen = g_new0 (SeenValues, n_columns);
  guint64 limit = MAX (max_rows, PREVIEW_CHECK_ROWS);
  const ScCsvRecord *rec;
  g_autoptr(GError) local_error = NULL;

  preview->columns = new_preview_columns (run, field_of, n_columns);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_row_free);
  for (guint c = 0; c < n_columns; c++)
    {
      seen[c].samples = g_ptr_array_new_null_terminated (MAX_SAMPLES + 1, g_free, TRUE);
      seen[c].unparsed = g_ptr_array_new_null_terminated (4, g_free, TRUE);
    }
  while (preview->rows_checked < limit &&
         (rec = sc_csv_reader_next (run->reader, &local_error)) != NULL)
    {
      ScImportPreviewRow *row = preview_row (run, rec, field_of, seen, preview->columns);

      preview->rows_checked++;
      preview->rows_rejected += row->reason != NULL;
      if (preview->rows->len < max_rows)
        g_ptr_array_add (preview->rows, row);
      else
        preview_row_free (row);
      if (preview->rows_checked % 256 == 0 &&
          g_cancellable_set_error_if_cancelled (run->cancellable, &local_error))
        break;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      ScImportPreviewColumn *column = preview->columns->pdata[c];

      column->samples = (char **) g_ptr_array_free (seen[c].samples, FALSE);
      column->unparsed = (char **) g_ptr_array_free (seen[c].unparsed, FALSE);
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", run->path);
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

/* What the preview knows besides the rows: the presets to choose from,
 * the detected one, the workbook's sheets and the zone. */
static void
describe_preview (Run             *run,
                  ScImportPreview *preview)
{
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  g_autoptr(ScPresetMatch) detected = sc_preset_detect (presets, run->header);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < presets->len; i++)
    {
      g_strv_builder_add (ids, sc_preset_get_id (presets->pdata[i]));
      g_strv_builder_add (names, sc_preset_get_name (presets->pdata[i]));
    }
  preview->preset_ids = g_strv_builder_end (ids);
  preview->preset_names = g_strv_builder_end (names);
  preview->preset_id = g_strdup (sc_preset_get_id (run->preset));
  preview->record = sc_preset_get_record_type (run->preset);
  preview->kind = sc_preset_get_kind (run->preset);
  preview->preset = sc_preset_ref (run->preset);
  preview->confidence = run->match->confidence;
  if (detected != NULL && detected->n_matched > 0)
    preview->detected_id = g_strdup (sc_preset_get_id (detected->preset));
  if (run->book != NULL)
    {
      preview->sheets = g_strdupv ((char **) sc_xlsx_book_get_sheets (run->book));
      preview->sheet = g_strdup (run->sheet);
    }
  preview->time_zone = g_strdup (g_time_zone_get_identifier (run->zone));
  g_ptr_array_add (run->notices, NULL);
  preview->notices = (char **) g_ptr_array_free (g_steal_pointer (&run->notices), FALSE);
}

/**
 * sc_importer_preview:
 * @self: an importer
 * @path: the file to look at
 * @max_rows: how many rows to return
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Works out what sc_importer_run() would do with @path, with the same
 * preset, sheet, zone and date order, without writing anything: the
 * preset and its fit, each column's field, sample values and the share
 * of its values that parse (over the first 1,000 rows, or @max_rows
 * when more), and the first @max_rows rows as read, each with the reason
 * the import would reject it. It fails as sc_importer_run() would when
 * the file cannot be read or no preset fits.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL
 */
ScImportPreview *
sc_importer_preview (ScImporter    *self,
                     const char    *path,
                     guint          max_rows,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Run run = { 0 };
  g_autoptr(ScImportPreview) preview = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  run_init (&run, self, path, cancellable);
  run.previewing = TRUE;
  preview = g_new0 (ScImportPreview, 1);
  if (open_and_choose (&run, error))
    {
      set_up_fields (&run);
      ok = (self->order != SC_DATE_ORDER_UNKNOWN || detect_date_orders (&run, error)) &&
           preview_rows (&run, preview, max_rows, error);
      if (ok)
        describe_preview (&run, preview);
    }
  run_clear (&run);
  return ok ? g_steal_pointer (&preview) : NULL;
}

/**
 * sc_importer_run:
 * @self: an importer
 * @path: the file to import
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Imports @path in one transaction. Rows that cannot be read are
 * rejected and kept in the store with their reason; the import fails
 * only when the file cannot be read at all, is cancelled, or the store
 * fails — and then the store is left as it was.
 *
 * The store must not be used by another thread while this runs.
 *
 * Returns: (transfer full) (nullable): what the import did, or %NULL
 */
ScImportResult *
sc_importer_run (ScImporter    *self,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Run run = { 0 };
  ScImportResult *result = NULL;

  g_return_val_if_fail (SC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  run_init (&run, self, path, cancellable);
  if (open_and_choose (&run, error))
    {
      set_up_fields (&run);
      if ((self->order != SC_DATE_ORDER_UNKNOWN || detect_date_orders (&run, error)) &&
          (self->dry_run || begin_batch (&run, error)) && import_rows (&run, error) &&
          write_folded (&run, error) &&
          (self->dry_run || sc_store_batch_commit (run.batch, &run.result->counts, error)))
        {
          run.result->import_id = self->dry_run ? 0 : sc_store_batch_get_import_id (run.batch);
          run.result->preset_id = g_strdup (sc_preset_get_id (run.preset));
          run.result->confidence = run.match->confidence;
          finish_notices (&run);
          result = g_steal_pointer (&run.result);
        }
    }
  run_clear (&run);
  return result;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  ScImportResult *result = sc_importer_run (source_object, task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) sc_import_result_free);
}

/**
 * sc_importer_run_async:
 * @self: an importer
 * @path: the file to import
 * @cancellable: (nullable): a cancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs sc_importer_run() in a worker thread. The progress function is
 * called from that thread.
 */
void
sc_importer_run_async (ScImporter          *self,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_IMPORTER (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_importer_run_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * sc_importer_run_finish:
 * @self: an importer
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): what the import did, or %NULL
 */
ScImportResult *
sc_importer_run_finish (ScImporter    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (SC_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Object ------------------------------------------------------------ */

static void
sc_importer_finalize (GObject *object)
{
  ScImporter *self = SC_IMPORTER (object);

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_object (&self->store);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->preset_id);
  g_clear_pointer (&self->preset_object, sc_preset_unref);
  g_free (self->source);
  g_free (self->sheet);

  G_OBJECT_CLASS (sc_importer_parent_class)->finalize (object);
}

static void
sc_importer_class_init (ScImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_importer_finalize;
}

static void
sc_importer_init (ScImporter *self)
{
}

/**
 * sc_importer_new:
 * @store: the store to import into
 *
 * Returns: (transfer full): a new importer
 */
ScImporter *
sc_importer_new (ScStore *store)
{
  ScImporter *self;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  self = g_object_new (SC_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * sc_importer_set_preset:
 * @self: an importer
 * @preset_id: (nullable): a preset id, or %NULL or "auto" to detect it
 */
void
sc_importer_set_preset (ScImporter *self,
                        const char *preset_id)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  g_free (self->preset_id);
  self->preset_id = g_strdup (preset_id);
}

/**
 * sc_importer_set_preset_object:
 * @self: an importer
 * @preset: (nullable): the preset to read files with, such as one built
 *   from columns mapped by hand (ScPresetBuilder) or read from a file;
 *   %NULL to go back to the preset id
 *
 * A preset given here is used for previews and imports instead of the
 * one named by sc_importer_set_preset(); the import history records its
 * id and the columns it mapped.
 */
void
sc_importer_set_preset_object (ScImporter *self,
                               ScPreset   *preset)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  if (preset != NULL)
    sc_preset_ref (preset);
  g_clear_pointer (&self->preset_object, sc_preset_unref);
  self->preset_object = preset;
}

/**
 * sc_importer_set_source:
 * @self: an importer
 * @source: (nullable): the source name that keys (source, external id);
 *   %NULL for the preset's id
 */
void
sc_importer_set_source (ScImporter *self,
                        const char *source)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  g_free (self->source);
  self->source = g_strdup (source);
}

/**
 * sc_importer_set_sheet:
 * @self: an importer
 * @sheet: (nullable): the sheet of an .xlsx workbook to import, by name
 *   or by number from 1; %NULL for the first visible sheet
 *
 * Ignored for CSV files.
 */
void
sc_importer_set_sheet (ScImporter *self,
                       const char *sheet)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
}

/**
 * sc_importer_set_time_zone:
 * @self: an importer
 * @zone: (nullable): the zone of timestamps without an offset; %NULL for
 *   the store's "timezone" setting (UTC when unset)
 */
void
sc_importer_set_time_zone (ScImporter *self,
                           GTimeZone  *zone)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (zone != NULL)
    self->zone = g_time_zone_ref (zone);
}

/**
 * sc_importer_set_date_order:
 * @self: an importer
 * @order: the order of numeric dates, or %SC_DATE_ORDER_UNKNOWN to detect
 *   it per column
 */
void
sc_importer_set_date_order (ScImporter  *self,
                            ScDateOrder  order)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  self->order = order;
}

/**
 * sc_importer_set_dry_run:
 * @self: an importer
 * @dry_run: %TRUE to read, map and check every row without writing
 *
 * In a dry run nothing is written to the store; every row that would be
 * stored counts as inserted and the rejects are only counted. Use it to
 * check a file (or its mapping) before importing it.
 */
void
sc_importer_set_dry_run (ScImporter *self,
                         gboolean    dry_run)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  self->dry_run = !!dry_run;
}

/**
 * sc_importer_set_progress_func:
 * @self: an importer
 * @func: (nullable): called every few thousand rows from the importing thread
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
sc_importer_set_progress_func (ScImporter           *self,
                               ScImportProgressFunc  func,
                               gpointer              user_data,
                               GDestroyNotify        destroy)
{
  g_return_if_fail (SC_IS_IMPORTER (self));
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}
