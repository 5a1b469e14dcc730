/* sc-preset-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-made mapping becomes the text of a preset file (one [Field]
 * group per mapped column, with the column's name as its only header)
 * and is read by sc_preset_new_from_data(): there is one parser for
 * presets, shipped or made here. Saving writes that text into the user's
 * preset folder, where sc_preset_load_all() finds it and detection picks
 * it for files with the same header.
 */

#include "config.h"

#include "sc-preset-builder.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sc-error.h"

#define MAX_NAME_CHARS 80
#define MAX_ID_CHARS   60

typedef struct
{
  char                *field;
  char                *header;
  char                *unit;
  char                *scale;
  const ScPresetField *like;   /* read as this field of another preset */
  ScPreset            *like_preset;
  GHashTable          *values;  /* folded word → value, over like's */
  char                *time_header;  /* its time-of-day column, when set */
  gboolean             time_set;     /* …over like's */
} Mapping;

struct _ScPresetBuilder
{
  ScRecordType  record;
  ScKind        kind;
  ScFoldMode    fold;
  GStrv         row_headers; /* [Rows], as the preset started from has it */
  GStrv         row_values;
  GArray       *mappings;   /* Mapping, in the order added */
  GPtrArray    *dimensions; /* columns kept as dimensions of their own */
};

/* What a record needs to be stored (see the checks of ScStoreBatch):
 * a field, or one of several fields separated by '|'. */
static const struct { ScRecordType record; const char *fields; } required[] = {
  { SC_RECORD_INTERACTION, "external_id" },
  { SC_RECORD_INTERACTION, "created_at" },
  { SC_RECORD_SURVEY, "responded_at" },
  { SC_RECORD_SURVEY, "csat|nps|ces" },
  { SC_RECORD_CUSTOMER, "external_id" },
  { SC_RECORD_CUSTOMER, "started_at" },
  { SC_RECORD_AGENT_TIME, "agent" },
  { SC_RECORD_AGENT_TIME, "day" },
  { SC_RECORD_AGENT_TIME, "available_s" },
  { SC_RECORD_AGENT_TIME, "active_s" },
};

static void
mapping_clear (gpointer data)
{
  Mapping *mapping = data;

  g_free (mapping->field);
  g_free (mapping->header);
  g_free (mapping->unit);
  g_free (mapping->scale);
  g_clear_pointer (&mapping->like_preset, sc_preset_unref);
  g_clear_pointer (&mapping->values, g_hash_table_unref);
  g_free (mapping->time_header);
}

static const Mapping *
find_mapping (ScPresetBuilder *self,
              const char      *field)
{
  for (guint i = 0; i < self->mappings->len; i++)
    if (g_str_equal (g_array_index (self->mappings, Mapping, i).field, field))
      return &g_array_index (self->mappings, Mapping, i);
  return NULL;
}

/* Whether @field alone is something every record of the type needs. */
static gboolean
is_required (ScPresetBuilder *self,
             const char      *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i].record == self->record && g_str_equal (required[i].fields, field))
      return TRUE;
  return FALSE;
}

static gboolean
any_mapped (ScPresetBuilder *self,
            const char      *alternatives)
{
  g_auto(GStrv) fields = g_strsplit (alternatives, "|", -1);

  for (guint i = 0; fields[i] != NULL; i++)
    if (find_mapping (self, fields[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * sc_preset_builder_new:
 * @record: what a row becomes
 * @kind: the kind of interaction (for interactions)
 *
 * Returns: (transfer full): a builder with no column mapped yet
 */
ScPresetBuilder *
sc_preset_builder_new (ScRecordType record,
                       ScKind       kind)
{
  ScPresetBuilder *self = g_new0 (ScPresetBuilder, 1);

  self->record = record;
  self->kind = kind;
  self->mappings = g_array_new (FALSE, TRUE, sizeof (Mapping));
  g_array_set_clear_func (self->mappings, mapping_clear);
  self->dimensions = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  return self;
}

void
sc_preset_builder_free (ScPresetBuilder *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->mappings);
  g_ptr_array_unref (self->dimensions);
  g_strfreev (self->row_headers);
  g_strfreev (self->row_values);
  g_free (self);
}

/* The preset that finds most of its fields in @header, even one that
 * misses a field it needs. */
static ScPresetMatch *
match_most (GPtrArray          *presets,
            const char * const *header)
{
  ScPresetMatch *best = NULL;

  for (guint i = 0; i < presets->len; i++)
    {
      ScPresetMatch *match = sc_preset_match (presets->pdata[i], header);

      if (match->n_matched > 0 && (best == NULL || match->n_matched > best->n_matched))
        {
          sc_preset_match_free (best);
          best = match;
        }
      else
        sc_preset_match_free (match);
    }
  return best;
}

/**
 * sc_preset_builder_new_guess:
 * @presets: (element-type ScPreset): the presets to learn from
 * @header: (array zero-terminated=1): the column names of a file
 *
 * A first mapping for a file no preset fits: the columns of the preset
 * that finds most of its fields in @header (even without a field it
 * needs), each column mapped to its first field, read as that preset
 * reads it; the columns it keeps as dimensions are kept too.
 *
 * Returns: (transfer full): the builder, with nothing mapped (tickets)
 *   when no preset finds any column
 */
ScPresetBuilder *
sc_preset_builder_new_guess (GPtrArray          *presets,
                             const char * const *header)
{
  g_autoptr(ScPresetMatch) match = NULL;
  ScPresetBuilder *self;
  guint n_cols;
  g_autofree gboolean *used = NULL;

  g_return_val_if_fail (presets != NULL && header != NULL, NULL);

  match = match_most (presets, header);
  if (match == NULL)
    return sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_TICKET);
  self = sc_preset_builder_new (sc_preset_get_record_type (match->preset),
                                sc_preset_get_kind (match->preset));
  sc_preset_builder_like_preset (self, match->preset);
  n_cols = g_strv_length ((char **) header);
  used = g_new0 (gboolean, n_cols);
  for (guint i = 0; i < sc_preset_get_n_fields (match->preset); i++)
    {
      const ScPresetField *field = sc_preset_get_field (match->preset, i);
      int c = match->columns[i];

      if (c < 0 || used[c] || field->info->offset == SC_FIELD_NOT_STORED)
        continue;
      used[c] = sc_preset_builder_add_field_like (self, match->preset, field, header[c], NULL, NULL,
                                                  NULL);
    }
  for (guint k = 0; k < match->n_dim_columns; k++)
    if (!used[match->dim_columns[k]])
      sc_preset_builder_add_dimension (self, header[match->dim_columns[k]], NULL);
  return self;
}

/**
 * sc_preset_builder_set_fold:
 * @self: a builder of interactions
 * @mode: how rows sharing an id make one interaction
 */
void
sc_preset_builder_set_fold (ScPresetBuilder *self,
                            ScFoldMode       mode)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mode == SC_FOLD_NONE || self->record == SC_RECORD_INTERACTION);
  self->fold = mode;
}

/**
 * sc_preset_builder_like_preset:
 * @self: a builder
 * @preset: the preset a mapping by hand starts from
 *
 * Reads the file's rows as @preset does: how those of one interaction
 * fold, and which are read at all (an audit log's changes of the state).
 */
void
sc_preset_builder_like_preset (ScPresetBuilder *self,
                               ScPreset        *preset)
{
  const char * const *headers, * const *values;

  g_return_if_fail (self != NULL && preset != NULL);

  if (sc_preset_get_record_type (preset) != self->record)
    return;
  self->fold = sc_preset_get_fold (preset);
  g_clear_pointer (&self->row_headers, g_strfreev);
  g_clear_pointer (&self->row_values, g_strfreev);
  if (sc_preset_get_rows (preset, &headers, &values))
    {
      self->row_headers = g_strdupv ((char **) headers);
      self->row_values = g_strdupv ((char **) values);
    }
}

ScRecordType
sc_preset_builder_get_record (ScPresetBuilder *self)
{
  g_return_val_if_fail (self != NULL, SC_RECORD_INTERACTION);
  return self->record;
}

ScKind
sc_preset_builder_get_kind (ScPresetBuilder *self)
{
  g_return_val_if_fail (self != NULL, SC_KIND_TICKET);
  return self->kind;
}

/**
 * sc_preset_builder_get_header:
 * @self: a builder
 * @field: a field name
 *
 * Returns: (nullable): the column mapped to @field
 */
const char *
sc_preset_builder_get_header (ScPresetBuilder *self,
                              const char      *field)
{
  const Mapping *mapping;

  g_return_val_if_fail (self != NULL && field != NULL, NULL);
  mapping = find_mapping (self, field);
  return mapping != NULL ? mapping->header : NULL;
}

static gboolean
check_field (ScPresetBuilder    *self,
             const ScFieldInfo  *info,
             const char         *field,
             const char         *header,
             const char         *unit,
             const char         *scale,
             GError            **error)
{
  const Mapping *mapping = find_mapping (self, field);

  if (info == NULL || info->offset == SC_FIELD_NOT_STORED)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("“%s” is not a field of %s records."),
                 field, sc_preset_record_to_string (self->record));
  else if (*header == '\0')
    g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID,
                         _("A column without a name cannot be mapped: a preset finds its "
                           "columns by name."));
  else if (mapping != NULL)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s is read from the column “%s” already."),
                 field, mapping->header);
  else if (unit != NULL && info->type != SC_FIELD_DURATION)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s is not a duration; it has no unit."),
                 field);
  else if (scale != NULL && info->type != SC_FIELD_SCORE)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s is not a score; it has no scale."),
                 field);
  else
    return TRUE;
  return FALSE;
}

/**
 * sc_preset_builder_add_field:
 * @self: a builder
 * @field: the field ("created_at"), one of the record type's
 * @header: the name of the column that holds it
 * @unit: (nullable): for a duration, the unit of plain numbers ("s",
 *   "min", "h"…); %NULL to take it from the column's name
 * @scale: (nullable): for a score, its range ("1-10"); %NULL for the
 *   field's usual one
 * @error: return location for an error
 *
 * Maps a column to a field. Each field is read from one column.
 *
 * Returns: %TRUE when the column is mapped
 */
gboolean
sc_preset_builder_add_field (ScPresetBuilder  *self,
                             const char       *field,
                             const char       *header,
                             const char       *unit,
                             const char       *scale,
                             GError          **error)
{
  g_autofree char *name = NULL;
  Mapping mapping = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field != NULL && header != NULL, FALSE);

  name = g_strstrip (g_strdup (header));
  if (!check_field (self, sc_field_info_lookup_for (self->record, field), field, name, unit, scale,
                    error))
    return FALSE;
  mapping.field = g_strdup (field);
  mapping.header = g_steal_pointer (&name);
  mapping.unit = g_strdup (unit);
  mapping.scale = g_strdup (scale);
  g_array_append_val (self->mappings, mapping);
  return TRUE;
}

/**
 * sc_preset_builder_add_field_like:
 * @self: a builder
 * @preset: the preset @like belongs to
 * @like: a field of @preset, of the builder's record type
 * @header: the name of the column that holds it
 * @unit: (nullable): as for sc_preset_builder_add_field(); %NULL for
 *   @like's unit
 * @scale: (nullable): as for sc_preset_builder_add_field(); %NULL for
 *   @like's scale
 * @error: return location for an error
 *
 * Maps a column to a field read as another preset reads it: with its
 * vocabulary, fallbacks, time-of-day columns, negative durations and
 * inversion, so that moving a preset's mapping by hand changes only what
 * the user changed.
 *
 * Returns: %TRUE when the column is mapped
 */
gboolean
sc_preset_builder_add_field_like (ScPresetBuilder      *self,
                                  ScPreset             *preset,
                                  const ScPresetField  *like,
                                  const char           *header,
                                  const char           *unit,
                                  const char           *scale,
                                  GError              **error)
{
  Mapping *mapping;

  g_return_val_if_fail (self != NULL && preset != NULL && like != NULL, FALSE);
  g_return_val_if_fail (like->info->record == self->record, FALSE);

  if (!sc_preset_builder_add_field (self, like->info->name, header, unit, scale, error))
    return FALSE;
  mapping = &g_array_index (self->mappings, Mapping, self->mappings->len - 1);
  mapping->like = like;
  mapping->like_preset = sc_preset_ref (preset);
  return TRUE;
}

/* The mapping of @field, which a rule about its column needs. */
static Mapping *
find_mapped (ScPresetBuilder  *self,
             const char       *field,
             GError          **error)
{
  Mapping *mapping = (Mapping *) find_mapping (self, field);

  if (mapping == NULL)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("No column is mapped to %s."), field);
  return mapping;
}

/* A value a word may stand for: what the field's parser reads. */
static gboolean
check_value (const ScFieldInfo  *info,
             const char         *word,
             const char         *value,
             GError            **error)
{
  gint64 number;

  if (*word == '\0')
    g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID, _("An empty value has no meaning to give."));
  else if (info->type == SC_FIELD_FLAG && *value != '\0' &&
           !g_str_equal (value, "1") && !g_str_equal (value, "0"))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("%s is yes (1) or no (0), not “%s”."), info->name, value);
  else if (info->type == SC_FIELD_SCORE && *value != '\0' &&
           !g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &number, NULL))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("%s is a whole number, not “%s”."), info->name, value);
  else if (info->type != SC_FIELD_FLAG && info->type != SC_FIELD_SCORE &&
           info->type != SC_FIELD_TEXT)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("Words are given a meaning for yes/no fields, scores and text, not %s."),
                 info->name);
  else
    return TRUE;
  return FALSE;
}

/**
 * sc_preset_builder_set_value:
 * @self: a builder
 * @field: a field mapped already
 * @word: a value of its column, as the file has it (case does not matter)
 * @value: what @word stands for: "1" or "0" for a yes/no field, a number
 *   for a score, any text for a text field, or "" for no value
 * @error: return location for an error
 *
 * Gives a word of the column a meaning (the preset's Values), over what
 * a preset the field is read like says of it: "Done" means resolved.
 *
 * Returns: %TRUE when the word is taken
 */
gboolean
sc_preset_builder_set_value (ScPresetBuilder  *self,
                             const char       *field,
                             const char       *word,
                             const char       *value,
                             GError          **error)
{
  g_autofree char *stripped = NULL;
  Mapping *mapping;

  g_return_val_if_fail (self != NULL && field != NULL && word != NULL && value != NULL, FALSE);

  mapping = find_mapped (self, field, error);
  if (mapping == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (word));
  if (!check_value (sc_field_info_lookup_for (self->record, field), stripped, value, error))
    return FALSE;
  if (mapping->values == NULL)
    mapping->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (mapping->values, g_utf8_casefold (stripped, -1), g_strstrip (g_strdup (value)));
  return TRUE;
}

/**
 * sc_preset_builder_set_time_of_day:
 * @self: a builder
 * @field: a timestamp field mapped already
 * @header: (nullable): the column holding its time of day when its
 *   column holds only the date; %NULL for none
 * @error: return location for an error
 *
 * Reads a timestamp from two columns, a date and a time of day (call
 * logs often have both), or from its own column alone, whatever the
 * preset the field is read like says.
 *
 * Returns: %TRUE when the column is taken
 */
gboolean
sc_preset_builder_set_time_of_day (ScPresetBuilder  *self,
                                   const char       *field,
                                   const char       *header,
                                   GError          **error)
{
  g_autofree char *name = NULL;
  const ScFieldInfo *info;
  Mapping *mapping;

  g_return_val_if_fail (self != NULL && field != NULL, FALSE);

  mapping = find_mapped (self, field, error);
  if (mapping == NULL)
    return FALSE;
  info = sc_field_info_lookup_for (self->record, field);
  name = header != NULL ? g_strstrip (g_strdup (header)) : NULL;
  if (info->type != SC_FIELD_TIMESTAMP)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s is not a date; it has no time of day."),
                 field);
  else if (name != NULL && *name == '\0')
    g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID,
                         _("A column without a name cannot be mapped: a preset finds its "
                           "columns by name."));
  else if (name != NULL && g_str_equal (name, mapping->header))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("The column “%s” holds the date of %s already."), name, field);
  else
    {
      g_free (mapping->time_header);
      mapping->time_header = g_steal_pointer (&name);
      mapping->time_set = TRUE;
      return TRUE;
    }
  return FALSE;
}

/**
 * sc_preset_builder_add_dimension:
 * @self: a builder of interactions
 * @header: the name of a column no field reads
 * @error: return location for an error
 *
 * Keeps a column as a dimension of its own (the preset's [Dimensions]
 * group), labelled after the column (sc_preset_dimension_label()).
 *
 * Returns: %TRUE when the column is kept
 */
gboolean
sc_preset_builder_add_dimension (ScPresetBuilder  *self,
                                 const char       *header,
                                 GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL && header != NULL, FALSE);

  name = g_strstrip (g_strdup (header));
  if (self->record != SC_RECORD_INTERACTION)
    g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID,
                         _("Only tickets, calls and chats keep further columns as dimensions."));
  else if (*name == '\0')
    g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID,
                         _("A column without a name cannot be mapped: a preset finds its "
                           "columns by name."));
  else if (g_ptr_array_find_with_equal_func (self->dimensions, name, g_str_equal, NULL))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("The column “%s” is kept as a dimension already."), name);
  else
    {
      g_ptr_array_add (self->dimensions, g_steal_pointer (&name));
      return TRUE;
    }
  return FALSE;
}

/**
 * sc_preset_builder_dup_missing:
 * @self: a builder
 *
 * Returns: (transfer full) (array zero-terminated=1): what the record
 *   type needs and no column holds: a field name, or alternatives
 *   separated by '|' ("csat|nps|ces") when any one of them will do
 */
char **
sc_preset_builder_dup_missing (ScPresetBuilder *self)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i].record == self->record && !any_mapped (self, required[i].fields))
      g_strv_builder_add (missing, required[i].fields);
  return g_strv_builder_end (missing);
}

/**
 * sc_preset_builder_check:
 * @self: a builder
 * @error: return location for an error naming what is missing
 *
 * Returns: %TRUE when every field the record type needs has a column
 */
gboolean
sc_preset_builder_check (ScPresetBuilder  *self,
                         GError          **error)
{
  g_auto(GStrv) missing = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, FALSE);
  missing = sc_preset_builder_dup_missing (self);
  if (missing[0] == NULL)
    return TRUE;
  for (guint i = 0; missing[i] != NULL; i++)
    {
      g_auto(GStrv) alternatives = g_strsplit (missing[i], "|", -1);
      g_autofree char *either = g_strjoinv (_(" or "), alternatives);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", either);
    }
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               /* Translators: "No column is mapped to created_at, which every interaction needs." */
               _("No column is mapped to %s, which every %s needs."),
               names->str, sc_preset_record_to_string (self->record));
  return FALSE;
}

static void
set_list (GKeyFile     *kf,
          const char   *group,
          const char   *key,
          char * const *list)
{
  if (list != NULL && list[0] != NULL)
    g_key_file_set_string_list (kf, group, key, (const char * const *) list,
                                g_strv_length ((char **) list));
}

/* What a field read like another preset's takes from it. */
static void
write_like (GKeyFile            *kf,
            const char          *group,
            const ScPresetField *like)
{
  if (like->unit_set)
    g_key_file_set_string (kf, group, "Unit", sc_duration_unit_to_string (like->unit));
  if (like->info->type == SC_FIELD_SCORE)
    {
      g_autofree char *scale = g_strdup_printf ("%d-%d", like->scale_min, like->scale_max);

      g_key_file_set_string (kf, group, "Scale", scale);
    }
  set_list (kf, group, "TimeHeaders", like->time_headers);
  set_list (kf, group, "Fallback", like->fallback);
  if (like->allow_negative)
    g_key_file_set_boolean (kf, group, "Negative", TRUE);
  if (like->invert)
    g_key_file_set_boolean (kf, group, "Invert", TRUE);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The words the field reads as values: those of the field it is read
 * like, and over them those given by hand. */
static void
write_values (GKeyFile      *kf,
              const char    *group,
              const Mapping *mapping)
{
  g_autoptr(GHashTable) merged = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  GHashTable *layers[] = { mapping->like != NULL ? mapping->like->values : NULL, mapping->values };
  GHashTableIter iter;
  gpointer word, value;

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    if (layers[l] != NULL)
      {
        g_hash_table_iter_init (&iter, layers[l]);
        while (g_hash_table_iter_next (&iter, &word, &value))
          g_hash_table_replace (merged, word, value);
      }
  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &word, &value))
    g_ptr_array_add (values, g_strconcat (word, "=", value, NULL));
  g_ptr_array_sort (values, compare_words);
  set_list (kf, group, "Values", (char * const *) values->pdata);
}

static void
write_field (ScPresetBuilder *self,
             GKeyFile        *kf,
             const Mapping   *mapping)
{
  g_autofree char *group = g_strconcat ("Field ", mapping->field, NULL);
  const char *headers[] = { mapping->header, NULL };

  g_key_file_set_string_list (kf, group, "Headers", headers, 1);
  if (mapping->like != NULL)
    write_like (kf, group, mapping->like);
  write_values (kf, group, mapping);
  if (mapping->time_set && mapping->time_header != NULL)
    {
      const char *time_headers[] = { mapping->time_header, NULL };

      g_key_file_set_string_list (kf, group, "TimeHeaders", time_headers, 1);
    }
  else if (mapping->time_set)
    g_key_file_remove_key (kf, group, "TimeHeaders", NULL);
  if (mapping->unit != NULL)
    g_key_file_set_string (kf, group, "Unit", mapping->unit);
  if (mapping->scale != NULL)
    g_key_file_set_string (kf, group, "Scale", mapping->scale);
  if (is_required (self, mapping->field))
    g_key_file_set_boolean (kf, group, "Required", TRUE);
}

/**
 * sc_preset_builder_to_data:
 * @self: a builder
 * @id: the preset's id
 * @name: the preset's name
 *
 * The mapping as the text of a preset file. A needed field no column
 * holds is written as required without a header, so that an import
 * rejects each row saying which field is missing.
 *
 * Returns: (transfer full): the text
 */
static char *
to_data (ScPresetBuilder *self,
         const char      *id,
         const char      *name,
         const char      *source)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_key_file_set_list_separator (kf, ';');
  g_key_file_set_string (kf, "Preset", "Id", id);
  g_key_file_set_string (kf, "Preset", "Name", name);
  if (source != NULL)
    g_key_file_set_string (kf, "Preset", "Source", source);
  g_key_file_set_string (kf, "Preset", "Record", sc_preset_record_to_string (self->record));
  if (self->record == SC_RECORD_INTERACTION)
    g_key_file_set_string (kf, "Preset", "Kind", sc_preset_kind_to_string (self->kind));
  if (self->record == SC_RECORD_INTERACTION && self->fold != SC_FOLD_NONE)
    g_key_file_set_string (kf, "Preset", "Fold", sc_fold_mode_to_string (self->fold));
  set_list (kf, "Rows", "Headers", self->row_headers);
  set_list (kf, "Rows", "Values", self->row_values);
  g_key_file_set_comment (kf, NULL, NULL, " Columns mapped by hand in Scorecard.", NULL);
  for (guint i = 0; i < self->mappings->len; i++)
    write_field (self, kf, &g_array_index (self->mappings, Mapping, i));
  if (self->dimensions->len > 0)
    g_key_file_set_string_list (kf, "Dimensions", "Headers",
                                (const char * const *) self->dimensions->pdata,
                                self->dimensions->len);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i].record == self->record && is_required (self, required[i].fields) &&
        find_mapping (self, required[i].fields) == NULL)
      {
        g_autofree char *group = g_strconcat ("Field ", required[i].fields, NULL);

        g_key_file_set_boolean (kf, group, "Required", TRUE);
      }
  return g_key_file_to_data (kf, NULL, NULL);
}

char *
sc_preset_builder_to_data (ScPresetBuilder *self,
                           const char      *id,
                           const char      *name)
{
  g_return_val_if_fail (self != NULL && id != NULL && name != NULL, NULL);

  return to_data (self, id, name, NULL);
}

/* "custom-" and a digest of the mapping: the same for the same mapping. */
static char *
draft_id (ScPresetBuilder *self)
{
  g_autofree char *draft = to_data (self, "custom", "", NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, draft, -1);

  return g_strdup_printf ("custom-%.8s", digest);
}

/**
 * sc_preset_builder_build:
 * @self: a builder
 * @error: return location for an error
 *
 * The preset of the mapping as it stands, for an import or a preview
 * before it is saved. Its id ("custom-" and a digest of the mapping) is
 * the same for the same mapping, so importing a file again with the same
 * mapping updates the records of the first import.
 *
 * Returns: (transfer full) (nullable): the preset
 */
ScPreset *
sc_preset_builder_build (ScPresetBuilder  *self,
                         GError          **error)
{
  g_autofree char *id = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  id = draft_id (self);
  data = to_data (self, id, _("Columns mapped by hand"), NULL);
  return sc_preset_new_from_data (data, strlen (data), error);
}

/**
 * sc_preset_id_for_name:
 * @name: a preset's name as the user gave it
 *
 * Returns: (transfer full): the id (and file name) of a preset called
 *   @name: its letters and digits in lower-case ASCII, separated by
 *   dashes ("Acme Helpdesk (EU)" → "acme-helpdesk-eu")
 */
char *
sc_preset_id_for_name (const char *name)
{
  g_autofree char *ascii = NULL;
  GString *id = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  ascii = g_str_to_ascii (name, "C");
  for (const char *p = ascii; *p != '\0' && id->len < MAX_ID_CHARS; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (id, g_ascii_tolower (*p));
    else if (id->len > 0 && id->str[id->len - 1] != '-')
      g_string_append_c (id, '-');
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    {
      /* A name in a script without an ASCII spelling still gets an id. */
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

      g_string_printf (id, "preset-%.8s", digest);
    }
  return g_string_free (id, FALSE);
}

/* Where a preset with @id is saved. */
static char *
user_preset_path (const char *id)
{
  g_autofree char *dir = sc_preset_dup_user_dir ();
  g_autofree char *file = g_strconcat (id, ".preset", NULL);

  return g_build_filename (dir, file, NULL);
}

static gboolean
names_clash (ScPreset   *preset,
             const char *id,
             const char *name)
{
  g_autofree char *a = g_utf8_casefold (sc_preset_get_name (preset), -1);
  g_autofree char *b = g_utf8_casefold (name, -1);

  return g_str_equal (sc_preset_get_id (preset), id) || g_str_equal (a, b);
}

static gboolean
name_taken (GPtrArray  *presets,
            const char *id,
            const char *name)
{
  for (guint i = 0; i < presets->len; i++)
    if (names_clash (presets->pdata[i], id, name))
      return TRUE;
  return FALSE;
}

/**
 * sc_preset_check_new_name:
 * @name: the name the user gave a new preset
 * @error: return location for an error saying what is wrong with it
 *
 * A new preset needs a name that is neither empty nor too long and that
 * no other preset has (by name or by the id made from it); the presets
 * that come with Scorecard are never replaced.
 *
 * Returns: %TRUE when a preset can be saved under @name
 */
gboolean
sc_preset_check_new_name (const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID, _("Give the preset a name."));
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("The name is longer than %d characters."), MAX_NAME_CHARS);
      return FALSE;
    }
  id = sc_preset_id_for_name (stripped);
  shipped = sc_preset_load_shipped ();
  if (name_taken (shipped, id, stripped))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("“%s” is the name of a preset that comes with Scorecard; choose another "
                     "name."), stripped);
      return FALSE;
    }
  all = sc_preset_load_all (NULL);
  path = user_preset_path (id);
  if (name_taken (all, id, stripped) || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A preset called “%s” exists already; choose another name."), stripped);
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_preset_builder_save:
 * @self: a builder
 * @name: the name the user gave the preset
 * @error: return location for an error
 *
 * Saves the mapping as a preset file in the user's preset folder, under
 * an id made from @name (see sc_preset_check_new_name()), in one atomic
 * write. From then on it is offered and detected like any preset.
 *
 * Returns: (transfer full) (nullable): the new preset's id, or %NULL when
 *   the name is taken, a needed field has no column, or the file cannot
 *   be written
 */
char *
sc_preset_builder_save (ScPresetBuilder  *self,
                        const char       *name,
                        GError          **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autofree char *dir = sc_preset_dup_user_dir ();
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *source = NULL;
  g_autoptr(ScPreset) check = NULL;

  g_return_val_if_fail (self != NULL && name != NULL, NULL);

  if (!sc_preset_check_new_name (name, error) || !sc_preset_builder_check (self, error))
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  id = sc_preset_id_for_name (stripped);
  /* Records imported with the mapping before it was saved keep matching
   * the ones imported with the saved preset. */
  source = draft_id (self);
  data = to_data (self, id, stripped, source);
  /* What is written must load again. */
  check = sc_preset_new_from_data (data, strlen (data), error);
  if (check == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  path = user_preset_path (id);
  if (!g_file_set_contents (path, data, -1, error))
    return NULL;
  return g_steal_pointer (&id);
}
