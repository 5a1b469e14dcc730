/* sc-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog asks the importer for a preview (sc_importer_preview(), the
 * importer's own reading and parsing, without writing) in a worker thread
 * on a connection of its own, and shows it. Changing the export type,
 * sheet, zone or date order cancels the preview under way and starts
 * another. "Import" emits ::import; the window runs the import with the
 * choices read from the getters.
 *
 * Each column's field is a drop-down. Choosing one there (or "Mapped by
 * Hand" as the export type, or a file no preset fits) maps the columns
 * by hand: the mapping becomes a preset built in memory
 * (ScPresetBuilder) that the preview and the import read the file with,
 * and "Save as Preset…" writes it to the user's presets in a worker.
 */

#include "config.h"

#include "sc-import-dialog.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sc-importer.h"
#include "sc-preset-builder.h"
#include "sc-toast-slot.h"

#define PREVIEW_ROWS 20
/* In a column's drop-down: kept as a dimension of its own (no field has
 * a '+' in its name). */
#define KEEP_DIMENSION "+dimension"
/* …the time of day of a date field in another column: "+time:created_at". */
#define TIME_OF_DAY    "+time:"
#define CELL_CHARS     32
#define CELL_MIN_CHARS 20
#define ROW_MIN_CHARS  26

struct _ScImportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkSpinner      *spinner;
  GtkStack        *stack;
  AdwComboRow     *preset_row;
  AdwComboRow     *record_row;
  AdwComboRow     *sheet_row;
  AdwEntryRow     *zone_row;
  AdwComboRow     *order_row;
  GtkLabel        *problem_label;
  GtkLabel        *mapping_label;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *rows_group;
  GtkGrid         *columns_grid;
  GtkGrid         *rows_grid;

  char            *store_path;
  char            *file_path;
  char            *preset_id;     /* NULL: detect */
  char            *sheet;         /* NULL: the first */
  GTimeZone       *zone;          /* NULL: the store's */
  gboolean         zone_valid;
  ScDateOrder      order;
  GCancellable    *cancellable;
  ScImportPreview *preview;
  gboolean         failed;        /* the last choices do not fit the file */
  gboolean         updating;      /* filling the rows from a preview */

  /* Columns mapped by hand */
  gboolean         hand;
  gboolean         no_match;      /* no preset fits the header */
  gboolean         guessing;      /* the next preview guesses a mapping */
  gboolean         saving;
  ScRecordType     hand_record;
  ScKind           hand_kind;
  ScFoldMode       hand_fold;     /* how rows sharing an id make one interaction */
  GPtrArray       *hand_fields;   /* per column: a field name or NULL */
  GPtrArray       *hand_units;    /* per column: its unit or scale, NULL for the usual */
  GPtrArray       *hand_values;   /* per column: word → meaning given by hand, or NULL */
  ScPreset        *hand_preset;   /* read the file with */
  ScPreset        *base_preset;   /* the preset mapping by hand started from */
  GPtrArray       *base_fields;   /* per column: its field in that preset */
  char           **hand_missing;  /* what the record needs and no column holds */
  GPtrArray       *field_names;   /* the drop-downs' fields after "Not used" */
  GPtrArray       *dropdowns;     /* per column: its drop-down or NULL */
  GPtrArray       *unit_dropdowns; /* per column: its unit or scale drop-down or NULL */
  int              focus_column;  /* the drop-down used last, or -1 */
  gboolean         focus_unit;    /* …its unit drop-down */
  ScToastSlot      toast_slot;
  GCancellable    *save_cancellable;
};

G_DEFINE_FINAL_TYPE (ScImportDialog, sc_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORT,
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The date orders in the order of the "Date Order" row. */
static const ScDateOrder orders[] = {
  SC_DATE_ORDER_UNKNOWN, SC_DATE_ORDER_DMY, SC_DATE_ORDER_MDY, SC_DATE_ORDER_YMD,
};

/* What a duration column's plain numbers count, and the range of a
 * score column, as the preset file writes them. */
static const struct { const char *value; ScDurationUnit unit; const char *label; } unit_choices[] = {
  { "s", SC_UNIT_SECONDS, N_("Seconds") },
  { "min", SC_UNIT_MINUTES, N_("Minutes") },
  { "h", SC_UNIT_HOURS, N_("Hours") },
  { "d", SC_UNIT_DAYS, N_("Days") },
  { "ms", SC_UNIT_MILLISECONDS, N_("Milliseconds") },
};
static const struct { const char *value; const char *field; const char *label; } scale_choices[] = {
  { "1-5", "csat", N_("1 to 5") },
  { "1-7", "ces", N_("1 to 7") },
  { "1-10", NULL, N_("1 to 10") },
  { "0-10", "nps", N_("0 to 10") },
};

/* The record types of the "Each Row Is" row, in its order; rows that are
 * parts of a call or events of a ticket fold by their id. */
static const struct { ScRecordType record; ScKind kind; ScFoldMode fold; } record_choices[] = {
  { SC_RECORD_INTERACTION, SC_KIND_TICKET, SC_FOLD_NONE },
  { SC_RECORD_INTERACTION, SC_KIND_CALL, SC_FOLD_NONE },
  { SC_RECORD_INTERACTION, SC_KIND_CHAT, SC_FOLD_NONE },
  { SC_RECORD_INTERACTION, SC_KIND_CALL, SC_FOLD_SEGMENTS },
  { SC_RECORD_INTERACTION, SC_KIND_TICKET, SC_FOLD_EVENTS },
  { SC_RECORD_SURVEY, SC_KIND_TICKET, SC_FOLD_NONE },
  { SC_RECORD_CUSTOMER, SC_KIND_TICKET, SC_FOLD_NONE },
  { SC_RECORD_AGENT_TIME, SC_KIND_TICKET, SC_FOLD_NONE },
};

typedef struct
{
  char        *store_path;
  char        *file_path;
  char        *preset_id;
  ScPreset    *preset;
  gboolean     guess;     /* start from the mapping of the preset that fits best */
  char        *sheet;
  GTimeZone   *zone;
  ScDateOrder  order;
} PreviewJob;

static void refresh (ScImportDialog *self);

static void
preview_job_free (PreviewJob *job)
{
  g_free (job->store_path);
  g_free (job->file_path);
  g_free (job->preset_id);
  g_clear_pointer (&job->preset, sc_preset_unref);
  g_free (job->sheet);
  g_clear_pointer (&job->zone, g_time_zone_unref);
  g_free (job);
}

/* ---- The worker -------------------------------------------------------- */

/* A preview of the file read with the columns the presets would map,
 * when any of them finds one; @preview (without any column mapped) is
 * kept otherwise. */
static ScImportPreview *
guess_mapping (ScImporter      *importer,
               PreviewJob      *job,
               ScImportPreview *preview,
               GCancellable    *cancellable)
{
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) header = NULL;
  g_autoptr(ScPresetBuilder) builder = NULL;
  g_autoptr(ScPreset) preset = NULL;
  ScImportPreview *guessed;

  for (guint c = 0; c < preview->columns->len; c++)
    g_strv_builder_add (names, ((ScImportPreviewColumn *) preview->columns->pdata[c])->header);
  header = g_strv_builder_end (names);
  builder = sc_preset_builder_new_guess (presets, (const char * const *) header);
  preset = sc_preset_builder_build (builder, NULL);
  if (preset == NULL)
    return preview;
  sc_importer_set_preset_object (importer, preset);
  guessed = sc_importer_preview (importer, job->file_path, PREVIEW_ROWS, cancellable, NULL);
  if (guessed == NULL)
    return preview;
  sc_import_preview_free (preview);
  return guessed;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScImporter) importer = NULL;
  ScImportPreview *preview;

  /* Its own connection: the window's belongs to the main thread. */
  store = sc_store_open (job->store_path, SC_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  importer = sc_importer_new (store);
  sc_importer_set_preset (importer, job->preset_id);
  sc_importer_set_preset_object (importer, job->preset);
  sc_importer_set_sheet (importer, job->sheet);
  sc_importer_set_time_zone (importer, job->zone);
  sc_importer_set_date_order (importer, job->order);
  preview = sc_importer_preview (importer, job->file_path, PREVIEW_ROWS, cancellable, &error);
  if (preview != NULL && job->guess)
    preview = guess_mapping (importer, job, preview, cancellable);
  if (preview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) sc_import_preview_free);
}

/* ---- Showing the preview ----------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
add_cell_full (GtkGrid    *grid,
               int         min_chars,
               int         column,
               int         row,
               const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);
  int chars = text != NULL ? g_utf8_strlen (text, -1) : 0;

  /* Short values in full, long ones cut with the whole in a tooltip. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* A heading's bold letters are wider: a letter more keeps a short one whole. */
  if (g_strcmp0 (style, "heading") == 0)
    chars++;
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (chars, min_chars));
  gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_CHARS);
  if (chars > min_chars)
    gtk_widget_set_tooltip_text (label, text);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

/* A cell of the columns table, which fits the dialog's width. */
static GtkWidget *
add_cell (GtkGrid    *grid,
          int         column,
          int         row,
          const char *text,
          const char *style)
{
  return add_cell_full (grid, CELL_MIN_CHARS, column, row, text, style);
}

/* A cell of the rows, which scroll sideways: a timestamp with its
 * offset in full. */
static GtkWidget *
add_row_cell (GtkGrid    *grid,
              int         column,
              int         row,
              const char *text,
              const char *style)
{
  return add_cell_full (grid, ROW_MIN_CHARS, column, row, text, style);
}

/* The fields of the presets (src/core/import/sc-preset.c) as a manager
 * names them. */
static const struct { const char *field; const char *label; } field_labels[] = {
  { "external_id", N_("Ticket or record id") },
  { "created_at", N_("Created") },
  { "first_reply_at", N_("First reply") },
  { "resolved_at", N_("Resolved at") },
  { "closed_at", N_("Closed at") },
  { "channel", N_("Channel") },
  { "team", N_("Team") },
  { "agent", N_("Agent") },
  { "priority", N_("Priority") },
  { "category", N_("Category") },
  { "customer_segment", N_("Customer segment") },
  { "region", N_("Region") },
  { "product", N_("Product") },
  { "language", N_("Language") },
  { "status", N_("Status") },
  { "tags", N_("Tags") },
  { "customer_id", N_("Customer id") },
  { "subject", N_("Subject") },
  { "resolved", N_("Resolved") },
  { "replies", N_("Replies") },
  { "reopens", N_("Reopens") },
  { "agent_touches", N_("Agent touches") },
  { "contacts", N_("Contacts") },
  { "first_reply_s", N_("First reply time") },
  { "first_reply_bh_s", N_("First reply time, business hours") },
  { "resolution_s", N_("Resolution time") },
  { "resolution_bh_s", N_("Resolution time, business hours") },
  { "handle_s", N_("Handle time") },
  { "talk_s", N_("Talk time") },
  { "hold_s", N_("Hold time") },
  { "wrap_s", N_("After-call work") },
  { "wait_s", N_("Queue wait") },
  { "sla_target_s", N_("SLA target") },
  { "sla_breached", N_("SLA breached") },
  { "abandoned", N_("Abandoned") },
  { "escalated", N_("Escalated") },
  { "self_service", N_("Self-service") },
  { "survey_offered", N_("Survey offered") },
  { "csat", N_("CSAT") },
  { "nps", N_("NPS") },
  { "ces", N_("Customer effort (CES)") },
  { "aux_time", N_("Fallback time") },
  { "interaction_external_id", N_("Ticket id") },
  { "responded_at", N_("Responded") },
  { "comment", N_("Comment") },
  { "name", N_("Name") },
  { "segment", N_("Segment") },
  { "started_at", N_("Customer since") },
  { "churned_at", N_("Churned") },
  { "revenue", N_("Revenue") },
  { "purchases", N_("Purchases") },
  { "day", N_("Day") },
  { "available_s", N_("Available time") },
  { "active_s", N_("Active time") },
};

static char *
label_for_field (const char *field)
{
  char *name;

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return g_strdup (_(field_labels[i].label));
  /* A field this table does not know yet: "new_field" → "new field". */
  name = g_strdup (field);
  return g_strdelimit (name, "_", ' ');
}

static char *
time_of_day_label (const char *field)
{
  g_autofree char *name = label_for_field (field);

  /* Translators: a column holding the time of day of a date field */
  return g_strdup_printf (_("%s (time of day)"), name);
}

/* The date field whose time of day a hand-mapped column holds, or NULL. */
static const char *
time_of_day_field (const char *hand_field)
{
  return hand_field != NULL && g_str_has_prefix (hand_field, TIME_OF_DAY)
    ? hand_field + strlen (TIME_OF_DAY) : NULL;
}

static char *
field_label (const ScImportPreviewColumn *column)
{
  g_autofree char *name = label_for_field (column->field);

  if (column->time_of_day)
    return time_of_day_label (column->field);
  if (column->repeat)
    /* Translators: a column read together with the first column of the
     * same name, as Jira writes one Labels column per label */
    return g_strdup_printf (_("%s (with the first “%s”)"), name, column->header);
  return g_steal_pointer (&name);
}

static char *
format_share (const ScImportPreviewColumn *column)
{
  if ((column->field == NULL && column->dimension == NULL) || column->n_values == 0)
    return g_strdup ("—");
  /* Translators: "3 of 4 (75%)" values of a column that parse */
  return g_strdup_printf (_("%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " (%.0f%%)"),
                          column->n_parsed, column->n_values,
                          100.0 * column->n_parsed / column->n_values);
}

/* ---- Columns mapped by hand ------------------------------------------ */

static const char *
hand_field (ScImportDialog *self,
            guint           column)
{
  return self->hand_fields != NULL && column < self->hand_fields->len
    ? g_ptr_array_index (self->hand_fields, column) : NULL;
}

static const char *
hand_unit (ScImportDialog *self,
           guint           column)
{
  return self->hand_units != NULL && column < self->hand_units->len
    ? g_ptr_array_index (self->hand_units, column) : NULL;
}

static void
hand_values_free (gpointer values)
{
  if (values != NULL)
    g_hash_table_unref (values);
}

static GHashTable *
hand_values (ScImportDialog *self,
             guint           column)
{
  return self->hand_values != NULL && column < self->hand_values->len
    ? g_ptr_array_index (self->hand_values, column) : NULL;
}

/* Gives the words of @column the meanings of @values (taken), or none. */
static void
set_hand_values (ScImportDialog *self,
                 guint           column,
                 GHashTable     *values)
{
  while (self->hand_values->len <= column)
    g_ptr_array_add (self->hand_values, NULL);
  hand_values_free (g_ptr_array_index (self->hand_values, column));
  g_ptr_array_index (self->hand_values, column) = values;
}

static void
set_hand_unit (ScImportDialog *self,
               guint           column,
               const char     *unit)
{
  while (self->hand_units->len <= column)
    g_ptr_array_add (self->hand_units, NULL);
  g_free (g_ptr_array_index (self->hand_units, column));
  g_ptr_array_index (self->hand_units, column) = g_strdup (unit);
}

/* Maps @column to @field (or to nothing), with the field's usual unit;
 * a field is read from one column, so another column that had it gives
 * it up. */
static void
set_hand_field (ScImportDialog *self,
                guint           column,
                const char     *field)
{
  for (guint c = 0; field != NULL && !g_str_equal (field, KEEP_DIMENSION) &&
                   c < self->hand_fields->len; c++)
    if (g_strcmp0 (g_ptr_array_index (self->hand_fields, c), field) == 0)
      {
        g_clear_pointer (&g_ptr_array_index (self->hand_fields, c), g_free);
        set_hand_unit (self, c, NULL);
        set_hand_values (self, c, NULL);
      }
  while (self->hand_fields->len <= column)
    g_ptr_array_add (self->hand_fields, NULL);
  g_free (g_ptr_array_index (self->hand_fields, column));
  g_ptr_array_index (self->hand_fields, column) = g_strdup (field);
  set_hand_unit (self, column, NULL);
  set_hand_values (self, column, NULL);
}

/* The unit or scale a column of the preset is read in, as the unit and
 * scale drop-downs name them. */
static char *
dup_base_unit (const ScPresetField *field)
{
  g_autofree char *scale = NULL;

  if (field->info->type == SC_FIELD_DURATION && field->unit_set)
    for (guint i = 0; i < G_N_ELEMENTS (unit_choices); i++)
      if (unit_choices[i].unit == field->unit)
        return g_strdup (unit_choices[i].value);
  if (field->info->type != SC_FIELD_SCORE)
    return NULL;
  scale = g_strdup_printf ("%d-%d", field->scale_min, field->scale_max);
  for (guint i = 0; i < G_N_ELEMENTS (scale_choices); i++)
    if (g_str_equal (scale_choices[i].value, scale))
      return g_steal_pointer (&scale);
  return NULL;
}

/* Remembers the preset of the preview mapping by hand starts from: a
 * column that keeps its field is read as that preset reads it (its
 * vocabulary, time of day, fallbacks, inversion), in its unit. */
static void
start_from_preset (ScImportDialog *self)
{
  g_clear_pointer (&self->base_preset, sc_preset_unref);
  g_clear_pointer (&self->base_fields, g_ptr_array_unref);
  if (self->preview == NULL || self->failed || self->preview->record != self->hand_record)
    return;
  self->base_preset = sc_preset_ref (self->preview->preset);
  self->base_fields = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->hand_fields->len; c++)
    {
      const char *field = g_ptr_array_index (self->hand_fields, c);
      int i = field != NULL ? sc_preset_find_field (self->base_preset, field) : -1;

      g_ptr_array_add (self->base_fields, g_strdup (field));
      g_ptr_array_add (self->hand_units,
                       i >= 0 ? dup_base_unit (sc_preset_get_field (self->base_preset, i)) : NULL);
    }
}

/* Starts mapping by hand from what the preview shows: each column keeps
 * the field the preset gave it, when the record type has it. */
static void
start_hand_mapping (ScImportDialog *self,
                    ScRecordType    record,
                    ScKind          kind)
{
  self->hand = TRUE;
  self->hand_record = record;
  self->hand_kind = kind;
  self->hand_fold = self->preview != NULL && !self->failed && self->preview->preset != NULL &&
                    sc_preset_get_record_type (self->preview->preset) == record
                    ? sc_preset_get_fold (self->preview->preset) : SC_FOLD_NONE;
  g_clear_pointer (&self->hand_fields, g_ptr_array_unref);
  g_clear_pointer (&self->hand_units, g_ptr_array_unref);
  g_clear_pointer (&self->hand_values, g_ptr_array_unref);
  self->hand_fields = g_ptr_array_new_with_free_func (g_free);
  self->hand_units = g_ptr_array_new_with_free_func (g_free);
  self->hand_values = g_ptr_array_new_with_free_func (hand_values_free);
  for (guint c = 0; self->preview != NULL && !self->failed && c < self->preview->columns->len; c++)
    {
      const ScImportPreviewColumn *column = g_ptr_array_index (self->preview->columns, c);
      gboolean keep = column->field != NULL && !column->repeat &&
                      sc_field_info_lookup_for (record, column->field) != NULL;

      if (column->dimension != NULL && record == SC_RECORD_INTERACTION)
        g_ptr_array_add (self->hand_fields, g_strdup (KEEP_DIMENSION));
      else if (keep && column->time_of_day)
        g_ptr_array_add (self->hand_fields, g_strconcat (TIME_OF_DAY, column->field, NULL));
      else
        g_ptr_array_add (self->hand_fields, keep ? g_strdup (column->field) : NULL);
    }
  start_from_preset (self);
}

/* A field on the column the preset read it from is read as it did. */
static gboolean
add_hand_field (ScImportDialog   *self,
                ScPresetBuilder  *builder,
                guint             c,
                const char       *header,
                const char       *unit,
                const char       *scale,
                GError          **error)
{
  const char *field = hand_field (self, c);
  int i = -1;

  if (self->base_preset != NULL && self->hand_record == sc_preset_get_record_type (self->base_preset) &&
      c < self->base_fields->len && g_strcmp0 (g_ptr_array_index (self->base_fields, c), field) == 0)
    i = sc_preset_find_field (self->base_preset, field);
  if (i >= 0)
    return sc_preset_builder_add_field_like (builder, self->base_preset,
                                             sc_preset_get_field (self->base_preset, i),
                                             header, unit, scale, error);
  return sc_preset_builder_add_field (builder, field, header, unit, scale, error);
}

static const char *why_not_mappable (ScImportDialog *self,
                                     guint           column);

/* The words of column @c given a meaning in the Values dialog. */
static gboolean
add_hand_values (ScImportDialog   *self,
                 ScPresetBuilder  *builder,
                 guint             c,
                 const char       *field,
                 GError          **error)
{
  GHashTable *values = hand_values (self, c);
  GHashTableIter iter;
  gpointer word, meaning;

  if (values == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &word, &meaning))
    if (!sc_preset_builder_set_value (builder, field, word, meaning, error))
      return FALSE;
  return TRUE;
}

/* Each mapped date field is read with the column chosen as its time of
 * day, or alone, whatever the preset the mapping started from says. */
static void
add_hand_times_of_day (ScImportDialog  *self,
                       ScPresetBuilder *builder)
{
  const ScFieldInfo *infos;
  guint n_infos;

  infos = sc_field_infos_get (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      const char *header = NULL;
      g_autoptr(GError) error = NULL;

      if (infos[i].record != self->hand_record || infos[i].type != SC_FIELD_TIMESTAMP ||
          sc_preset_builder_get_header (builder, infos[i].name) == NULL)
        continue;
      for (guint c = 0; header == NULL && c < self->preview->columns->len; c++)
        if (g_strcmp0 (time_of_day_field (hand_field (self, c)), infos[i].name) == 0 &&
            why_not_mappable (self, c) == NULL)
          header = ((ScImportPreviewColumn *) g_ptr_array_index (self->preview->columns, c))->header;
      if (!sc_preset_builder_set_time_of_day (builder, infos[i].name, header, &error))
        g_warning ("%s", error->message);
    }
}

static ScPresetBuilder *
new_hand_builder (ScImportDialog *self)
{
  ScPresetBuilder *builder = sc_preset_builder_new (self->hand_record, self->hand_kind);

  /* Rows are picked as in the preset the mapping started from, and fold
   * as "Each Row Is" says. */
  if (self->base_preset != NULL)
    sc_preset_builder_like_preset (builder, self->base_preset);
  if (self->hand_record == SC_RECORD_INTERACTION)
    sc_preset_builder_set_fold (builder, self->hand_fold);

  for (guint c = 0; self->preview != NULL && c < self->preview->columns->len; c++)
    {
      const ScImportPreviewColumn *column = g_ptr_array_index (self->preview->columns, c);
      const char *field = hand_field (self, c);
      const ScFieldInfo *info = field != NULL ? sc_field_info_lookup_for (self->hand_record, field) : NULL;
      const char *unit = info != NULL && info->type == SC_FIELD_DURATION ? hand_unit (self, c) : NULL;
      const char *scale = info != NULL && info->type == SC_FIELD_SCORE ? hand_unit (self, c) : NULL;
      g_autoptr(GError) error = NULL;

      /* A column a preset cannot find by its name stays out (one named
       * as an earlier one, kept as a dimension by a pattern); times of
       * day go with their dates, once these are all mapped. */
      if (field == NULL || why_not_mappable (self, c) != NULL || time_of_day_field (field) != NULL)
        continue;
      /* The drop-downs offer only what the builder takes. */
      if (g_strcmp0 (field, KEEP_DIMENSION) == 0
          ? !sc_preset_builder_add_dimension (builder, column->header, &error)
          : !add_hand_field (self, builder, c, column->header, unit, scale, &error) ||
            !add_hand_values (self, builder, c, field, &error))
        g_warning ("%s", error->message);
    }
  add_hand_times_of_day (self, builder);
  return builder;
}

static void
update_hand_preset (ScImportDialog *self)
{
  g_autoptr(ScPresetBuilder) builder = new_hand_builder (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->hand_preset, sc_preset_unref);
  g_strfreev (self->hand_missing);
  self->hand_missing = sc_preset_builder_dup_missing (builder);
  self->hand_preset = sc_preset_builder_build (builder, &error);
  if (self->hand_preset == NULL)
    g_warning ("%s", error->message);
}

static gboolean
hand_mapping_complete (ScImportDialog *self)
{
  return self->hand_preset != NULL && self->hand_missing != NULL && self->hand_missing[0] == NULL;
}

/* "Every row needs Created, CSAT or NPS or Customer effort (CES): …" */
static void
show_mapping_problem (ScImportDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_label),
                          self->hand && !hand_mapping_complete (self));
  for (guint i = 0; self->hand && self->hand_missing != NULL && self->hand_missing[i] != NULL; i++)
    {
      g_auto(GStrv) alternatives = g_strsplit (self->hand_missing[i], "|", -1);

      for (guint a = 0; alternatives[a] != NULL; a++)
        {
          g_autofree char *label = label_for_field (alternatives[a]);

          /* Translators: separates fields of which any one will do */
          g_string_append_printf (names, "%s“%s”", a > 0 ? _(" or ") : (i > 0 ? ", " : ""), label);
        }
    }
  /* Translators: %s lists fields such as “Ticket or record id”, “Created” */
  text = g_strdup_printf (_("Every row needs %s: choose the column that holds each before "
                            "importing."), names->str);
  gtk_label_set_text (self->mapping_label, text);
}

/* The fields a column can be mapped to, after "Not used". */
static GtkStringList *
new_field_model (ScImportDialog *self)
{
  ScRecordType record = self->hand ? self->hand_record : self->preview->record;
  GtkStringList *model = gtk_string_list_new (NULL);
  const ScFieldInfo *infos;
  guint n_infos;

  g_clear_pointer (&self->field_names, g_ptr_array_unref);
  self->field_names = g_ptr_array_new ();
  gtk_string_list_append (model, _("Not used"));
  if (record == SC_RECORD_INTERACTION)
    {
      g_ptr_array_add (self->field_names, (gpointer) KEEP_DIMENSION);
      gtk_string_list_append (model, _("Kept as a dimension"));
    }
  infos = sc_field_infos_get (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    if (infos[i].record == record && infos[i].offset != SC_FIELD_NOT_STORED)
      {
        g_autofree char *label = label_for_field (infos[i].name);

        g_ptr_array_add (self->field_names, (gpointer) infos[i].name);
        gtk_string_list_append (model, label);
      }
  /* A date's time of day in a column of its own (call logs). */
  for (guint i = 0; i < n_infos; i++)
    if (infos[i].record == record && infos[i].type == SC_FIELD_TIMESTAMP &&
        infos[i].offset != SC_FIELD_NOT_STORED)
      {
        g_autofree char *name = g_strconcat (TIME_OF_DAY, infos[i].name, NULL);
        g_autofree char *label = time_of_day_label (infos[i].name);

        g_ptr_array_add (self->field_names, (gpointer) g_intern_string (name));
        gtk_string_list_append (model, label);
      }
  return model;
}

static guint
field_position (ScImportDialog *self,
                const char     *field)
{
  for (guint i = 0; field != NULL && i < self->field_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->field_names, i), field))
      return i + 1;
  return 0;
}

/* A preset finds a column by its name: one without a name, or named as
 * an earlier column, cannot be mapped. */
static const char *
why_not_mappable (ScImportDialog *self,
                  guint           column)
{
  GPtrArray *columns = self->preview->columns;
  const char *header = ((ScImportPreviewColumn *) g_ptr_array_index (columns, column))->header;

  if (header[0] == '\0')
    return _("This column has no name in the file, so a preset cannot find it");
  for (guint c = 0; c < column; c++)
    if (g_utf8_collate (((ScImportPreviewColumn *) g_ptr_array_index (columns, c))->header,
                        header) == 0)
      return _("An earlier column has the same name; only that one can be mapped");
  return NULL;
}

static void
field_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   ScImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "sc-column"));
  guint i = gtk_drop_down_get_selected (dropdown);
  const char *field = i > 0 && i <= self->field_names->len
    ? g_ptr_array_index (self->field_names, i - 1) : NULL;

  if (!self->hand)
    start_hand_mapping (self, self->preview->record, self->preview->kind);
  set_hand_field (self, column, field);
  self->focus_column = column;
  self->focus_unit = FALSE;
  update_hand_preset (self);
  refresh (self);
}

static void
unit_selected_cb (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  ScImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "sc-column"));
  const char * const *values = g_object_get_data (G_OBJECT (dropdown), "sc-values");

  set_hand_unit (self, column, values[gtk_drop_down_get_selected (dropdown)]);
  self->focus_column = column;
  self->focus_unit = TRUE;
  update_hand_preset (self);
  refresh (self);
}

/* The choice shown for a column's unit: the one chosen, or the one the
 * importer takes without a choice (from the column's name, or the
 * score's usual range). */
static guint
unit_position (ScImportDialog    *self,
               guint              c,
               const ScFieldInfo *info,
               const char        *header)
{
  const char *chosen = hand_unit (self, c);
  ScDurationUnit unit = sc_duration_unit_from_header (header, SC_UNIT_SECONDS);

  if (info->type == SC_FIELD_DURATION)
    {
      for (guint i = 0; i < G_N_ELEMENTS (unit_choices); i++)
        if (chosen != NULL ? g_str_equal (unit_choices[i].value, chosen) : unit_choices[i].unit == unit)
          return i;
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (scale_choices); i++)
    if (chosen != NULL ? g_str_equal (scale_choices[i].value, chosen)
                       : g_strcmp0 (scale_choices[i].field, info->name) == 0)
      return i;
  return 0;
}

/* Beside a duration's or a score's field: its unit or its scale. */
static GtkWidget *
new_unit_dropdown (ScImportDialog              *self,
                   guint                        c,
                   const ScImportPreviewColumn *column)
{
  const char *field = hand_field (self, c);
  const ScFieldInfo *info = field != NULL ? sc_field_info_lookup_for (self->hand_record, field) : NULL;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *name = NULL;
  GtkWidget *dropdown;

  if (info == NULL || (info->type != SC_FIELD_DURATION && info->type != SC_FIELD_SCORE))
    return NULL;
  for (guint i = 0; info->type == SC_FIELD_DURATION && i < G_N_ELEMENTS (unit_choices); i++)
    {
      gtk_string_list_append (model, _(unit_choices[i].label));
      g_ptr_array_add (values, (gpointer) unit_choices[i].value);
    }
  for (guint i = 0; info->type == SC_FIELD_SCORE && i < G_N_ELEMENTS (scale_choices); i++)
    {
      gtk_string_list_append (model, _(scale_choices[i].label));
      g_ptr_array_add (values, (gpointer) scale_choices[i].value);
    }
  g_ptr_array_add (values, NULL);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), unit_position (self, c, info, column->header));
  g_object_set_data (G_OBJECT (dropdown), "sc-column", GUINT_TO_POINTER (c));
  g_object_set_data_full (G_OBJECT (dropdown), "sc-values", g_ptr_array_free (g_steal_pointer (&values), FALSE),
                          g_free);
  name = info->type == SC_FIELD_DURATION
    /* Translators: the accessible name of a duration column's unit drop-down */
    ? g_strdup_printf (_("Unit of the column “%s”"), column->header)
    /* Translators: the accessible name of a score column's scale drop-down */
    : g_strdup_printf (_("Scale of the column “%s”"), column->header);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (dropdown, info->type == SC_FIELD_DURATION
                                         ? _("What a plain number in this column counts")
                                         : _("The range of the scores in this column"));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (unit_selected_cb), self, 0);
  return dropdown;
}

/* ---- Meanings of a column's words ------------------------------------- */

/* The field a column is read as now, and its description. */
static const ScFieldInfo *
column_field_info (ScImportDialog *self,
                   guint           c,
                   const char    **out_field)
{
  const ScImportPreviewColumn *column = g_ptr_array_index (self->preview->columns, c);
  const char *field = self->hand ? hand_field (self, c) : column->field;
  ScRecordType record = self->hand ? self->hand_record : self->preview->record;

  *out_field = field;
  return field != NULL ? sc_field_info_lookup_for (record, field) : NULL;
}

/* The scores column @c is read in: its preset field's scale. */
static void
get_score_range (ScImportDialog *self,
                 const char     *field,
                 int            *min,
                 int            *max)
{
  ScPreset *preset = self->hand ? self->hand_preset : self->preview->preset;
  int i = preset != NULL ? sc_preset_find_field (preset, field) : -1;

  *min = i >= 0 ? sc_preset_get_field (preset, i)->scale_min : 0;
  *max = i >= 0 ? sc_preset_get_field (preset, i)->scale_max : 10;
}

/* What a word of a yes/no or score column can mean, as labels and as the
 * preset's values; NULL leaves the word unread. */
static GtkStringList *
new_meanings (ScImportDialog    *self,
              const ScFieldInfo *info,
              const char        *field,
              GPtrArray         *meanings)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* Translators: a word of a column left without a meaning */
  gtk_string_list_append (labels, _("Not read (row rejected)"));
  g_ptr_array_add (meanings, NULL);
  /* Translators: a word of a column meaning that the field is empty */
  gtk_string_list_append (labels, _("No value"));
  g_ptr_array_add (meanings, g_strdup (""));
  if (info->type == SC_FIELD_FLAG)
    {
      gtk_string_list_append (labels, _("Yes"));
      g_ptr_array_add (meanings, g_strdup ("1"));
      gtk_string_list_append (labels, _("No"));
      g_ptr_array_add (meanings, g_strdup ("0"));
    }
  else
    {
      int min, max;

      get_score_range (self, field, &min, &max);
      for (int v = min; v <= max; v++)
        {
          g_autofree char *value = g_strdup_printf ("%d", v);

          gtk_string_list_append (labels, value);
          g_ptr_array_add (meanings, g_steal_pointer (&value));
        }
    }
  return labels;
}

static void
add_word (GPtrArray  *words,
          GHashTable *folded,
          const char *word)
{
  char *key = g_utf8_casefold (word, -1);

  /* A preset reads words whatever their case: "Done" is "done". */
  if (!g_hash_table_add (folded, key))
    return;
  g_ptr_array_add (words, g_strdup (word));
}

/* Whether @word is a number: a score out of its range is a matter of
 * the scale, not a word to give a meaning. */
static gboolean
is_number (const char *word)
{
  char *end = NULL;

  g_ascii_strtod (word, &end);
  return end != word && *end == '\0';
}

/* The words the Values dialog lists: those given a meaning already,
 * then those the field does not read (numbers aside). */
static GPtrArray *
dup_column_words (ScImportDialog *self,
                  guint           c)
{
  const ScImportPreviewColumn *column = g_ptr_array_index (self->preview->columns, c);
  GHashTable *given = hand_values (self, c);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (given != NULL)
    {
      GList *keys = g_list_sort (g_hash_table_get_keys (given), (GCompareFunc) g_utf8_collate);

      for (GList *l = keys; l != NULL; l = l->next)
        add_word (words, folded, l->data);
      g_list_free (keys);
    }
  for (guint k = 0; column->unparsed[k] != NULL; k++)
    if (!is_number (column->unparsed[k]))
      add_word (words, folded, column->unparsed[k]);
  return words;
}

static void
values_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ScImportDialog   *self)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "sc-column"));
  GPtrArray *words = g_object_get_data (G_OBJECT (dialog), "sc-words");
  GPtrArray *meanings = g_object_get_data (G_OBJECT (dialog), "sc-meanings");
  GPtrArray *rows = g_object_get_data (G_OBJECT (dialog), "sc-rows");
  GHashTable *values;

  if (!g_str_equal (response, "apply") || self->preview == NULL || c >= self->preview->columns->len)
    return;
  /* Words given a meaning make a mapping by hand of the preset's. */
  if (!self->hand)
    start_hand_mapping (self, self->preview->record, self->preview->kind);
  if (hand_field (self, c) == NULL)
    return;
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint k = 0; k < words->len; k++)
    {
      const char *meaning = g_ptr_array_index (meanings, adw_combo_row_get_selected (rows->pdata[k]));

      if (meaning != NULL)
        g_hash_table_replace (values, g_strdup (words->pdata[k]), g_strdup (meaning));
    }
  if (g_hash_table_size (values) == 0)
    g_clear_pointer (&values, g_hash_table_unref);
  set_hand_values (self, c, values);
  self->focus_column = c;
  self->focus_unit = FALSE;
  update_hand_preset (self);
  refresh (self);
}

/* Asks what each word of column @c means that its field does not read
 * ("Done" for resolved, "Satisfied" for a CSAT). */
static void
values_clicked_cb (GtkButton      *button,
                   ScImportDialog *self)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sc-column"));
  const ScImportPreviewColumn *column = g_ptr_array_index (self->preview->columns, c);
  GHashTable *given = hand_values (self, c);
  const char *field;
  const ScFieldInfo *info = column_field_info (self, c, &field);
  g_autoptr(GPtrArray) meanings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = dup_column_words (self, c);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) labels = new_meanings (self, info, field, meanings);
  g_autofree char *heading = g_strdup_printf (_("Values of “%s”"), column->header);
  g_autofree char *name = label_for_field (field);
  g_autofree char *body = g_strdup_printf (_("Choose what each value of this column means for “%s”. "
                                             "A row with a value left unread is rejected."), name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint k = 0; k < words->len; k++)
    {
      const char *word = words->pdata[k];
      const char *meaning = given != NULL ? g_hash_table_lookup (given, word) : NULL;
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), word);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      for (guint m = 1; meaning != NULL && m < meanings->len; m++)
        if (g_str_equal (meanings->pdata[m], meaning))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), m);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (rows, g_object_ref (row));
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "sc-column", GUINT_TO_POINTER (c));
  g_object_set_data_full (G_OBJECT (dialog), "sc-words", g_steal_pointer (&words),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sc-meanings", g_steal_pointer (&meanings),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sc-rows", g_steal_pointer (&rows),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (values_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Beside a yes/no or score field whose column has words it does not
 * read, or words given a meaning: the button that gives them one. */
static GtkWidget *
new_values_button (ScImportDialog              *self,
                   guint                        c,
                   const ScImportPreviewColumn *column)
{
  const char *field;
  const ScFieldInfo *info = column_field_info (self, c, &field);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *name = NULL;
  GtkWidget *button;

  if (info == NULL || (info->type != SC_FIELD_FLAG && info->type != SC_FIELD_SCORE))
    return NULL;
  words = dup_column_words (self, c);
  if (words->len == 0)
    return NULL;
  button = gtk_button_new_with_mnemonic (_("_Values…"));
  g_object_set_data (G_OBJECT (button), "sc-column", GUINT_TO_POINTER (c));
  /* Translators: the accessible name of the button giving a column's words a meaning */
  name = g_strdup_printf (_("Values of the column “%s”"), column->header);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, _("Say what the values this field does not read mean"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (values_clicked_cb), self, 0);
  return button;
}

/* The field cell of a column: a drop-down, or the preset's field as
 * text where a drop-down cannot say it (a time of day, a column read
 * with an earlier one of its name, a field only a preset reads). */
static GtkWidget *
add_field_cell (ScImportDialog              *self,
                GListModel                  *model,
                GtkSizeGroup                *widths,
                GtkSizeGroup                *heights,
                guint                        c,
                const ScImportPreviewColumn *column)
{
  const char *field = self->hand ? hand_field (self, c)
                    : column->dimension != NULL ? KEEP_DIMENSION : column->field;
  guint position = field_position (self, field);
  const char *problem = why_not_mappable (self, c);
  g_autofree char *name = NULL;
  GtkWidget *dropdown, *box, *unit, *values;

  if (column->picks_rows && column->field == NULL)
    {
      /* Translators: an audit log's column whose value picks the rows read */
      gtk_size_group_add_widget (heights, add_cell (self->columns_grid, 1, c + 1,
                                                    _("Picks the rows read"), NULL));
      g_ptr_array_add (self->unit_dropdowns, NULL);
      return NULL;
    }
  if (column->field != NULL &&
      ((column->time_of_day && !self->hand) || column->repeat || (!self->hand && position == 0)))
    {
      g_autofree char *label = field_label (column);

      gtk_size_group_add_widget (heights, add_cell (self->columns_grid, 1, c + 1, label, NULL));
      g_ptr_array_add (self->unit_dropdowns, NULL);
      return NULL;
    }
  /* Some forty fields: typing finds one. */
  dropdown = gtk_drop_down_new (g_object_ref (model),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  g_object_set_data (G_OBJECT (dropdown), "sc-column", GUINT_TO_POINTER (c));
  /* Translators: the accessible name of a column's field drop-down */
  name = g_strdup_printf (_("Field of the column “%s”"), column->header);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_sensitive (dropdown, problem == NULL);
  gtk_widget_set_tooltip_text (dropdown, problem);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (field_selected_cb), self, 0);
  /* The field drop-downs line up, each column's unit after them. */
  gtk_size_group_add_widget (widths, dropdown);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), dropdown);
  unit = self->hand ? new_unit_dropdown (self, c, column) : NULL;
  if (unit != NULL)
    gtk_box_append (GTK_BOX (box), unit);
  g_ptr_array_add (self->unit_dropdowns, unit);
  values = new_values_button (self, c, column);
  if (values != NULL)
    gtk_box_append (GTK_BOX (box), values);
  gtk_size_group_add_widget (heights, box);
  gtk_grid_attach (self->columns_grid, box, 1, c + 1, 1, 1);
  return dropdown;
}

static void
show_columns (ScImportDialog *self)
{
  GPtrArray *columns = self->preview->columns;
  g_autofree char *description = NULL;
  g_autoptr(GtkStringList) fields = new_field_model (self);
  g_autoptr(GtkSizeGroup) widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  /* Every row as tall as one with a drop-down, whatever its field cell. */
  g_autoptr(GtkSizeGroup) heights = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  clear_grid (self->columns_grid);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->unit_dropdowns, g_ptr_array_unref);
  self->dropdowns = g_ptr_array_new ();
  self->unit_dropdowns = g_ptr_array_new ();
  add_cell (self->columns_grid, 0, 0, _("Column in the File"), "heading");
  add_cell (self->columns_grid, 1, 0, _("Field"), "heading");
  add_cell (self->columns_grid, 2, 0, _("Sample Values"), "heading");
  add_cell (self->columns_grid, 3, 0, _("Values That Parse"), "heading");
  for (guint c = 0; c < columns->len; c++)
    {
      const ScImportPreviewColumn *column = g_ptr_array_index (columns, c);
      g_autofree char *samples = g_strjoinv (" · ", column->samples);
      g_autofree char *share = format_share (column);
      gboolean bad = column->field != NULL && column->n_parsed < column->n_values;

      add_cell (self->columns_grid, 0, c + 1, column->header, NULL);
      g_ptr_array_add (self->dropdowns, add_field_cell (self, G_LIST_MODEL (fields), widths, heights, c, column));
      add_cell (self->columns_grid, 2, c + 1, samples, "dim-label");
      add_cell (self->columns_grid, 3, c + 1, share, bad ? "error" : "numeric");
    }
  description = g_strdup_printf (ngettext ("What each column becomes, over the first %" G_GUINT64_FORMAT " row",
                                           "What each column becomes, over the first %" G_GUINT64_FORMAT " rows",
                                           self->preview->rows_checked),
                                 self->preview->rows_checked);
  adw_preferences_group_set_description (self->columns_group, description);
  show_mapping_problem (self);
}

static void
show_row (ScImportDialog           *self,
          const ScImportPreviewRow *row,
          int                       y)
{
  g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT, row->line);
  GtkWidget *status;

  add_row_cell (self->rows_grid, 0, y, line, "dim-label");
  if (row->skipped)
    /* Translators: the outcome of a row the export type does not read */
    status = add_row_cell (self->rows_grid, 1, y, _("Not read"), "dim-label");
  else
    status = add_row_cell (self->rows_grid, 1, y, row->reason != NULL ? row->reason : _("OK"),
                           row->reason != NULL ? "error" : "success");
  gtk_widget_set_tooltip_text (status, row->reason);
  for (guint c = 0; row->values[c] != NULL; c++)
    add_row_cell (self->rows_grid, c + 2, y, row->values[c],
              (int) c == row->reject_column ? "error" : NULL);
}

static void
show_rows (ScImportDialog *self)
{
  GPtrArray *rows = self->preview->rows;
  g_autofree char *description = NULL;

  clear_grid (self->rows_grid);
  add_row_cell (self->rows_grid, 0, 0, _("Line"), "heading");
  add_row_cell (self->rows_grid, 1, 0, _("Outcome"), "heading");
  for (guint c = 0; c < self->preview->columns->len; c++)
    {
      const ScImportPreviewColumn *column = g_ptr_array_index (self->preview->columns, c);

      add_row_cell (self->rows_grid, c + 2, 0, column->header, "heading");
    }
  for (guint r = 0; r < rows->len; r++)
    show_row (self, g_ptr_array_index (rows, r), r + 1);
  if (self->preview->rows_checked == rows->len)
    /* Translators: "The file’s 6 rows as they would be read; 4 would be rejected" */
    description = g_strdup_printf (ngettext ("The file’s %u row as it would be read; %"
                                             G_GUINT64_FORMAT " would be rejected",
                                             "The file’s %u rows as they would be read; %"
                                             G_GUINT64_FORMAT " would be rejected", rows->len),
                                   rows->len, self->preview->rows_rejected);
  else
    /* Translators: "The first 20 rows as they would be read; of the first 1000, 4 would be rejected" */
    description = g_strdup_printf (_("The first %u rows as they would be read; of the first %"
                                     G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT " would be rejected"),
                                   rows->len, self->preview->rows_checked,
                                   self->preview->rows_rejected);
  /* Rows that fold are shown as the file has them; say what they make. */
  if (self->preview->preset != NULL)
    {
      const char *fold = NULL;

      switch (sc_preset_get_fold (self->preview->preset))
        {
        case SC_FOLD_SEGMENTS:
          fold = _("Rows with the same id are segments of one call, imported as one");
          break;
        case SC_FOLD_EVENTS:
          fold = _("Rows with the same id are events of one ticket, imported as one");
          break;
        case SC_FOLD_NONE:
        default:
          break;
        }
      if (fold != NULL)
        {
          char *joined = g_strdup_printf ("%s. %s", description, fold);

          g_free (description);
          description = joined;
        }
    }
  adw_preferences_group_set_description (self->rows_group, description);
}

static void
show_preset (ScImportDialog *self)
{
  ScImportPreview *preview = self->preview;
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) preview->preset_names);
  g_autofree char *subtitle = NULL;
  guint selected = 0;

  gtk_string_list_append (names, _("Mapped by Hand"));
  for (guint i = 0; preview->preset_ids[i] != NULL; i++)
    if (g_str_equal (preview->preset_ids[i], preview->preset_id))
      selected = i;
  if (self->hand)
    selected = g_strv_length (preview->preset_ids);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->preset_row, selected);
  if (self->hand && self->no_match)
    subtitle = g_strdup (_("No known export fits this header: choose a field for each column"));
  else if (self->hand)
    subtitle = g_strdup (_("Choose a field for each column below"));
  else if (g_strcmp0 (preview->detected_id, preview->preset_id) == 0)
    /* Translators: how well the detected export type fits the file's header */
    subtitle = g_strdup_printf (_("Detected: fits %.0f%% of the header"), 100 * preview->confidence);
  else
    /* Translators: how well an export type chosen by hand fits the file's header */
    subtitle = g_strdup_printf (_("Chosen: fits %.0f%% of the header"), 100 * preview->confidence);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preset_row), subtitle);
}

static void
show_sheets (ScImportDialog *self)
{
  ScImportPreview *preview = self->preview;
  g_autoptr(GtkStringList) sheets = NULL;
  guint n = preview->sheets != NULL ? g_strv_length (preview->sheets) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), n > 1);
  if (n <= 1)
    return;
  sheets = gtk_string_list_new ((const char * const *) preview->sheets);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (preview->sheets[i], preview->sheet) == 0)
      adw_combo_row_set_selected (self->sheet_row, i);
}

static void
show_record (ScImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->record_row), self->hand);
  for (guint i = 0; i < G_N_ELEMENTS (record_choices); i++)
    if (record_choices[i].record == self->hand_record &&
        (self->hand_record != SC_RECORD_INTERACTION ||
         (record_choices[i].kind == self->hand_kind && record_choices[i].fold == self->hand_fold)))
      {
        adw_combo_row_set_selected (self->record_row, i);
        break;
      }
}

static void
update_import_enabled (ScImportDialog *self)
{
  gboolean loading = self->cancellable != NULL || self->saving;
  gboolean ready = self->preview != NULL && !self->failed && !loading &&
                   (!self->hand || hand_mapping_complete (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.import",
                                 ready && self->zone_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import-dialog.save-preset",
                                 ready && self->hand);
  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
show_preview (ScImportDialog *self)
{
  GPtrArray *focus;

  self->updating = TRUE;
  show_preset (self);
  show_record (self);
  show_sheets (self);
  if (self->zone == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->zone_row), self->preview->time_zone);
  self->updating = FALSE;
  show_columns (self);
  show_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rows_group), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  /* The drop-down just used was rebuilt: the keyboard stays on it. */
  focus = self->focus_unit ? self->unit_dropdowns : self->dropdowns;
  if (self->focus_column >= 0 && (guint) self->focus_column < focus->len &&
      g_ptr_array_index (focus, self->focus_column) != NULL)
    gtk_widget_grab_focus (g_ptr_array_index (focus, self->focus_column));
  self->focus_column = -1;
}

static void
preview_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ScImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ScImportPreview *preview = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (preview == NULL && self->preview == NULL && !self->hand)
    {
      /* No preset fits: map the columns by hand. A file that cannot be
       * read at all fails that way too, and then the window says why. */
      self->no_match = TRUE;
      self->guessing = TRUE;
      start_hand_mapping (self, SC_RECORD_INTERACTION, SC_KIND_TICKET);
      update_hand_preset (self);
      refresh (self);
      return;
    }
  if (preview == NULL && self->preview == NULL)
    {
      /* The file cannot be read at all: the window says why. */
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
      return;
    }
  if (preview == NULL)
    {
      /* A choice that does not fit the file: say so, keep the choices
       * and the last preview's lists to choose again from. */
      self->failed = TRUE;
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->rows_group), FALSE);
    }
  else
    {
      g_clear_pointer (&self->preview, sc_import_preview_free);
      self->preview = preview;
      self->failed = FALSE;
      /* The guessed mapping is the one to change from here. */
      if (self->guessing)
        {
          start_hand_mapping (self, preview->record, preview->kind);
          update_hand_preset (self);
        }
      self->guessing = FALSE;
      show_preview (self);
    }
  update_import_enabled (self);
}

static void
refresh (ScImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job = g_new0 (PreviewJob, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->store_path = g_strdup (self->store_path);
  job->file_path = g_strdup (self->file_path);
  job->preset_id = g_strdup (self->preset_id);
  if (self->hand && self->hand_preset != NULL)
    job->preset = sc_preset_ref (self->hand_preset);
  job->guess = self->guessing;
  job->sheet = g_strdup (self->sheet);
  job->zone = self->zone != NULL ? g_time_zone_ref (self->zone) : NULL;
  job->order = self->order;

  task = g_task_new (NULL, self->cancellable, preview_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rows_group), FALSE);
  update_import_enabled (self);
}

/* ---- Choices ----------------------------------------------------------- */

static void
preset_selected_cb (ScImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->preset_row);
  guint n;

  if (self->updating || self->preview == NULL)
    return;
  n = g_strv_length (self->preview->preset_ids);
  if (i == n && !self->hand)
    {
      start_hand_mapping (self, self->preview->record, self->preview->kind);
      update_hand_preset (self);
      refresh (self);
    }
  if (i >= n)
    return;
  if (!self->hand && g_strcmp0 (self->preview->preset_ids[i],
                                self->preset_id != NULL ? self->preset_id : self->preview->preset_id) == 0)
    return;
  self->hand = FALSE;
  g_free (self->preset_id);
  self->preset_id = g_strdup (self->preview->preset_ids[i]);
  refresh (self);
}

/* Another record type: the columns keep the fields it has too. */
static void
record_selected_cb (ScImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->record_row);

  if (self->updating || !self->hand || i >= G_N_ELEMENTS (record_choices) ||
      (record_choices[i].record == self->hand_record && record_choices[i].kind == self->hand_kind &&
       record_choices[i].fold == self->hand_fold))
    return;
  self->hand_record = record_choices[i].record;
  self->hand_kind = record_choices[i].kind;
  self->hand_fold = record_choices[i].fold;
  for (guint c = 0; c < self->hand_fields->len; c++)
    {
      const char *field = g_ptr_array_index (self->hand_fields, c);

      if (field != NULL && sc_field_info_lookup_for (self->hand_record, field) == NULL &&
          !(g_str_equal (field, KEEP_DIMENSION) && self->hand_record == SC_RECORD_INTERACTION))
        g_clear_pointer (&g_ptr_array_index (self->hand_fields, c), g_free);
    }
  update_hand_preset (self);
  refresh (self);
}

static void
sheet_selected_cb (ScImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->sheet_row);

  if (self->updating || self->preview == NULL || self->preview->sheets == NULL ||
      i >= g_strv_length (self->preview->sheets))
    return;
  if (g_strcmp0 (self->preview->sheets[i],
                 self->sheet != NULL ? self->sheet : self->preview->sheet) == 0)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (self->preview->sheets[i]);
  refresh (self);
}

static void
order_selected_cb (ScImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->order_row);

  if (i >= G_N_ELEMENTS (orders) || orders[i] == self->order)
    return;
  self->order = orders[i];
  refresh (self);
}

/* Takes the zone as soon as the text names one; until then the row is
 * marked and Import waits. */
static void
zone_changed_cb (ScImportDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_row))));
  g_autoptr(GTimeZone) zone = NULL;

  if (self->updating)
    return;
  zone = text[0] != '\0' ? g_time_zone_new_identifier (text) : NULL;
  self->zone_valid = zone != NULL;
  if (zone == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->zone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->zone_row), "error");
  if (zone != NULL && (self->zone == NULL ||
                       g_strcmp0 (g_time_zone_get_identifier (zone),
                                  g_time_zone_get_identifier (self->zone)) != 0))
    {
      g_clear_pointer (&self->zone, g_time_zone_unref);
      self->zone = g_steal_pointer (&zone);
      refresh (self);
    }
  update_import_enabled (self);
}

/* ---- Saving the mapping as a preset ---------------------------------- */

typedef struct
{
  ScPresetBuilder *builder;
  char            *name;
} SaveJob;

static void ask_preset_name (ScImportDialog *self,
                             const char     *name,
                             const char     *problem);

static void
save_job_free (SaveJob *job)
{
  sc_preset_builder_free (job->builder);
  g_free (job->name);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;
  char *id = sc_preset_builder_save (job->builder, job->name, &error);

  if (id == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, id, g_free);
}

/* Saved: the dialog reads the file with the new preset, as detection
 * will from now on. */
static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ScImportDialog) self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *title = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self->saving = FALSE;
  if (id == NULL)
    {
      update_import_enabled (self);
      ask_preset_name (self, job->name, error->message);
      return;
    }
  /* Translators: a toast once columns mapped by hand are saved as a preset */
  title = g_strdup_printf (_("Saved the preset “%s”"), g_strstrip (job->name));
  sc_toast_slot_show (&self->toast_slot, self->toast_overlay, adw_toast_new (title));
  self->hand = FALSE;
  self->no_match = FALSE;
  g_free (self->preset_id);
  self->preset_id = g_steal_pointer (&id);
  refresh (self);
}

static void
save_preset (ScImportDialog *self,
             const char     *name)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job = g_new0 (SaveJob, 1);

  job->builder = new_hand_builder (self);
  job->name = g_strdup (name);
  self->saving = TRUE;
  update_import_enabled (self);
  task = g_task_new (NULL, self->save_cancellable, saved_cb, g_object_ref (self));
  g_task_set_source_tag (task, save_preset);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ScImportDialog   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "sc-entry");

  if (g_str_equal (response, "save"))
    save_preset (self, gtk_editable_get_text (entry));
}

/* Asks for the new preset's name; again, with what was wrong, when
 * saving under it failed. */
static void
ask_preset_name (ScImportDialog *self,
                 const char     *name,
                 const char     *problem)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Save as Preset"),
                            _("Files with these columns will be recognised from now on, and the "
                              "preset can be chosen as an export type.")));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name, such as “Acme helpdesk export”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preset name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  if (problem != NULL)
    {
      GtkWidget *label = gtk_label_new (problem);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "sc-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  name_changed_cb (GTK_EDITABLE (entry), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
save_preset_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (widget);
  g_autofree char *base = g_path_get_basename (self->file_path);
  char *dot = strrchr (base, '.');

  /* The file's name is a first guess at the export's. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  ask_preset_name (self, base, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (widget);

  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

/* ---- Object ------------------------------------------------------------ */

static void
sc_import_dialog_dispose (GObject *object)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  sc_toast_slot_clear (&self->toast_slot);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (sc_import_dialog_parent_class)->dispose (object);
}

static void
sc_import_dialog_finalize (GObject *object)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (object);

  g_free (self->store_path);
  g_free (self->file_path);
  g_free (self->preset_id);
  g_free (self->sheet);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->preview, sc_import_preview_free);
  g_clear_pointer (&self->hand_fields, g_ptr_array_unref);
  g_clear_pointer (&self->hand_units, g_ptr_array_unref);
  g_clear_pointer (&self->hand_values, g_ptr_array_unref);
  g_clear_pointer (&self->hand_preset, sc_preset_unref);
  g_clear_pointer (&self->base_preset, sc_preset_unref);
  g_clear_pointer (&self->base_fields, g_ptr_array_unref);
  g_strfreev (self->hand_missing);
  g_clear_pointer (&self->field_names, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->unit_dropdowns, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_import_dialog_parent_class)->finalize (object);
}

static void
sc_import_dialog_class_init (ScImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_import_dialog_dispose;
  object_class->finalize = sc_import_dialog_finalize;

  /**
   * ScImportDialog::import:
   *
   * The user chose Import; read the choices with the getters.
   */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ScImportDialog::failed:
   * @error: why
   *
   * The file cannot be read at all (no preview can be shown).
   */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, record_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, mapping_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, columns_grid);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, rows_grid);

  gtk_widget_class_install_action (widget_class, "import-dialog.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import-dialog.save-preset", NULL,
                                   save_preset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_import_dialog_init (ScImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone_valid = TRUE;
  self->focus_column = -1;
  self->save_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->record_row, "notify::selected", G_CALLBACK (record_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (preset_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet_row, "notify::selected", G_CALLBACK (sheet_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->order_row, "notify::selected", G_CALLBACK (order_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zone_row, "changed", G_CALLBACK (zone_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * sc_import_dialog_new:
 * @parent: the window importing
 * @store_path: the store imported into (its zone setting is the default)
 * @file_path: the file to import
 *
 * Returns: (transfer full): a new dialog, computing its first preview
 */
ScImportDialog *
sc_import_dialog_new (GtkWindow  *parent,
                      const char *store_path,
                      const char *file_path)
{
  ScImportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store_path != NULL && file_path != NULL, NULL);

  self = g_object_new (SC_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store_path = g_strdup (store_path);
  self->file_path = g_strdup (file_path);
  name = g_path_get_basename (file_path);
  /* Translators: the import dialog's title, with the file's name */
  title = g_strdup_printf (_("Import “%s”"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, file_path);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  refresh (self);
  return self;
}

const char *
sc_import_dialog_get_file_path (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), NULL);

  return self->file_path;
}

/**
 * sc_import_dialog_get_preset_id:
 * @self: a dialog
 *
 * Returns: (nullable): the export type shown (detected or chosen), or
 *   %NULL before the first preview
 */
const char *
sc_import_dialog_get_preset_id (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), NULL);

  return self->preview != NULL ? self->preview->preset_id : self->preset_id;
}

/**
 * sc_import_dialog_get_sheet:
 * @self: a dialog
 *
 * Returns: (nullable): the sheet of a workbook, %NULL for the first
 */
const char *
sc_import_dialog_get_sheet (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), NULL);

  return self->sheet;
}

/**
 * sc_import_dialog_get_time_zone:
 * @self: a dialog
 *
 * Returns: (nullable) (transfer none): the zone chosen, %NULL for the
 *   store's setting
 */
GTimeZone *
sc_import_dialog_get_time_zone (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), NULL);

  return self->zone;
}

ScDateOrder
sc_import_dialog_get_date_order (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), SC_DATE_ORDER_UNKNOWN);

  return self->order;
}

/**
 * sc_import_dialog_get_preset:
 * @self: a dialog
 *
 * Returns: (nullable) (transfer none): the preset of the columns mapped
 *   by hand, to import with instead of the preset id; %NULL when a preset
 *   maps them
 */
ScPreset *
sc_import_dialog_get_preset (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), NULL);

  return self->hand ? self->hand_preset : NULL;
}

/* Whether a preview is being computed or a preset saved. */
gboolean
sc_import_dialog_is_loading (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL || self->saving;
}

/* Chooses the export type as the row does. */
void
sc_import_dialog_set_preset_id (ScImportDialog *self,
                                const char     *preset_id)
{
  g_return_if_fail (SC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->preview != NULL);

  for (guint i = 0; self->preview->preset_ids[i] != NULL; i++)
    if (g_strcmp0 (self->preview->preset_ids[i], preset_id) == 0)
      adw_combo_row_set_selected (self->preset_row, i);
}

/* Chooses the date order as the row does. */
void
sc_import_dialog_set_date_order (ScImportDialog *self,
                                 ScDateOrder     order)
{
  g_return_if_fail (SC_IS_IMPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (orders[i] == order)
      adw_combo_row_set_selected (self->order_row, i);
}
