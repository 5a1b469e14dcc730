/* sc-preset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preset files look like this (see data/presets/ for the shipped ones):
 *
 *   [Preset]
 *   Id=zendesk
 *   Name=Zendesk ticket export
 *   Record=interaction        (interaction, survey, customer, agent-time)
 *   Kind=ticket               (ticket, call, chat)
 *   Fold=segments             (optional, for interactions: rows sharing an
 *                              id are segments of a call, or with
 *                              Fold=events the status changes of a ticket;
 *                              see ScFoldMode)
 *   Source=custom-1a2b3c4d    (optional: the source records are kept
 *                              under, by default the Id)
 *
 *   [Field first_reply_s]
 *   Headers=First reply time in minutes;First reply time (min)
 *   Unit=min
 *
 * A field group may also hold Patterns (globs over the lower-case
 * header), TimeHeaders (a separate time-of-day column), Fallback (fields
 * whose value is taken when this one is empty), Values (word=value
 * vocabulary; the word * stands for any other), Scale (1-5), Negative
 * (negative durations allowed), Invert (a flag read the other way round)
 * and Required.
 *
 *   [Dimensions]
 *   Headers=Plan
 *   Patterns=* [list]
 *
 * names further columns (exact names, or globs over the lower-case
 * header) that are kept as dimensions of their own, labelled after the
 * column (see sc_preset_dimension_label()), when no field reads them.
 *
 *   [Rows]
 *   Headers=fieldname
 *   Values=state;incident_state
 *
 * reads only the rows whose column of that name holds one of the values
 * (an audit log's changes of the state, not of other fields); the file
 * must have the column for the preset to fit it.
 */

#include "config.h"

#include "sc-preset.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sc-error.h"

struct _ScPreset
{
  gatomicrefcount  ref_count;
  char            *id;
  char            *name;
  char            *description;
  char            *source;
  ScRecordType     record;
  ScKind           kind;
  ScFoldMode       fold;
  GArray          *fields;   /* ScPresetField */
  char           **dim_headers;
  char           **dim_patterns;
  char           **row_headers;   /* [Rows]: the column that picks the rows read */
  char           **row_values;
};

#define I(field) G_STRUCT_OFFSET (ScInteraction, field)
#define DIM(d) (G_STRUCT_OFFSET (ScInteraction, dims) + (d) * sizeof (const char *))
#define S(field) G_STRUCT_OFFSET (ScSurveyResponse, field)
#define C(field) G_STRUCT_OFFSET (ScCustomer, field)
#define A(field) G_STRUCT_OFFSET (ScAgentTime, field)

static const ScFieldInfo field_infos[] = {
  { "external_id", SC_RECORD_INTERACTION, SC_FIELD_TEXT, I (external_id) },
  { "created_at", SC_RECORD_INTERACTION, SC_FIELD_TIMESTAMP, I (created_at) },
  { "first_reply_at", SC_RECORD_INTERACTION, SC_FIELD_TIMESTAMP, I (first_reply_at) },
  { "resolved_at", SC_RECORD_INTERACTION, SC_FIELD_TIMESTAMP, I (resolved_at) },
  { "closed_at", SC_RECORD_INTERACTION, SC_FIELD_TIMESTAMP, I (closed_at) },
  { "channel", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_CHANNEL) },
  { "team", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_TEAM) },
  { "agent", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_AGENT) },
  { "priority", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_PRIORITY) },
  { "category", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_CATEGORY) },
  { "customer_segment", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_CUSTOMER_SEGMENT) },
  { "region", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_REGION) },
  { "product", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_PRODUCT) },
  { "language", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_LANGUAGE) },
  { "status", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_STATUS) },
  { "tags", SC_RECORD_INTERACTION, SC_FIELD_TEXT, DIM (SC_DIM_TAGS), TRUE },
  { "customer_id", SC_RECORD_INTERACTION, SC_FIELD_TEXT, I (customer_id) },
  { "subject", SC_RECORD_INTERACTION, SC_FIELD_TEXT, I (subject) },
  { "resolved", SC_RECORD_INTERACTION, SC_FIELD_FLAG, I (resolved) },
  { "replies", SC_RECORD_INTERACTION, SC_FIELD_COUNT, I (replies) },
  { "reopens", SC_RECORD_INTERACTION, SC_FIELD_COUNT, I (reopens) },
  { "agent_touches", SC_RECORD_INTERACTION, SC_FIELD_COUNT, I (agent_touches) },
  { "contacts", SC_RECORD_INTERACTION, SC_FIELD_COUNT, I (contacts) },
  { "first_reply_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (first_reply_s) },
  { "first_reply_bh_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (first_reply_bh_s) },
  { "resolution_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (resolution_s) },
  { "resolution_bh_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (resolution_bh_s) },
  { "handle_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (handle_s) },
  { "talk_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (talk_s) },
  { "hold_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (hold_s) },
  { "wrap_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (wrap_s) },
  { "wait_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (wait_s) },
  { "sla_target_s", SC_RECORD_INTERACTION, SC_FIELD_DURATION, I (sla_target_s) },
  { "sla_breached", SC_RECORD_INTERACTION, SC_FIELD_FLAG, I (sla_breached) },
  { "abandoned", SC_RECORD_INTERACTION, SC_FIELD_FLAG, I (abandoned) },
  { "escalated", SC_RECORD_INTERACTION, SC_FIELD_FLAG, I (escalated) },
  { "self_service", SC_RECORD_INTERACTION, SC_FIELD_FLAG, I (self_service) },
  { "survey_offered", SC_RECORD_INTERACTION, SC_FIELD_FLAG, I (survey_offered) },
  { "csat", SC_RECORD_INTERACTION, SC_FIELD_SCORE, I (csat) },
  { "nps", SC_RECORD_INTERACTION, SC_FIELD_SCORE, I (nps) },
  { "ces", SC_RECORD_INTERACTION, SC_FIELD_SCORE, I (ces) },
  /* Read only to serve as another field's fallback; not stored. */
  { "aux_time", SC_RECORD_INTERACTION, SC_FIELD_TIMESTAMP, SC_FIELD_NOT_STORED },

  { "external_id", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (external_id) },
  { "interaction_external_id", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (interaction_external_id) },
  { "customer_id", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (customer_id) },
  { "responded_at", SC_RECORD_SURVEY, SC_FIELD_TIMESTAMP, S (responded_at) },
  { "channel", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (channel) },
  { "team", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (team) },
  { "agent", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (agent) },
  { "comment", SC_RECORD_SURVEY, SC_FIELD_TEXT, S (comment) },
  /* One row may answer several questions; each becomes a response. */
  { "csat", SC_RECORD_SURVEY, SC_FIELD_SCORE, S (score) },
  { "nps", SC_RECORD_SURVEY, SC_FIELD_SCORE, S (score) },
  { "ces", SC_RECORD_SURVEY, SC_FIELD_SCORE, S (score) },

  { "external_id", SC_RECORD_CUSTOMER, SC_FIELD_TEXT, C (external_id) },
  { "name", SC_RECORD_CUSTOMER, SC_FIELD_TEXT, C (name) },
  { "segment", SC_RECORD_CUSTOMER, SC_FIELD_TEXT, C (segment) },
  { "region", SC_RECORD_CUSTOMER, SC_FIELD_TEXT, C (region) },
  { "started_at", SC_RECORD_CUSTOMER, SC_FIELD_TIMESTAMP, C (started_at) },
  { "churned_at", SC_RECORD_CUSTOMER, SC_FIELD_TIMESTAMP, C (churned_at) },
  { "revenue", SC_RECORD_CUSTOMER, SC_FIELD_MONEY, C (revenue) },
  { "purchases", SC_RECORD_CUSTOMER, SC_FIELD_COUNT, C (purchases) },

  { "agent", SC_RECORD_AGENT_TIME, SC_FIELD_TEXT, A (agent) },
  { "team", SC_RECORD_AGENT_TIME, SC_FIELD_TEXT, A (team) },
  { "day", SC_RECORD_AGENT_TIME, SC_FIELD_TIMESTAMP, A (day) },
  { "available_s", SC_RECORD_AGENT_TIME, SC_FIELD_DURATION, A (available_s) },
  { "active_s", SC_RECORD_AGENT_TIME, SC_FIELD_DURATION, A (active_s) },
};

#undef I
#undef DIM
#undef S
#undef C
#undef A

static const char * const record_names[] = { "interaction", "survey", "customer", "agent-time" };
static const char * const kind_names[] = { "ticket", "call", "chat" };

static const ScFieldInfo *
lookup_field (ScRecordType  record,
              const char   *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (field_infos[i].record == record && g_str_equal (field_infos[i].name, name))
      return &field_infos[i];
  return NULL;
}

/**
 * sc_field_info_lookup:
 * @name: a field name of an interaction ("created_at")
 *
 * Returns: (nullable): the interaction field called @name
 */
const ScFieldInfo *
sc_field_info_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  return lookup_field (SC_RECORD_INTERACTION, name);
}

static void
preset_field_clear (gpointer data)
{
  ScPresetField *field = data;

  g_strfreev (field->headers);
  g_strfreev (field->patterns);
  g_strfreev (field->time_headers);
  g_strfreev (field->fallback);
  g_clear_pointer (&field->values, g_hash_table_unref);
}

static char **
get_lower_list (GKeyFile   *kf,
                const char *group,
                const char *key)
{
  g_auto(GStrv) list = g_key_file_get_string_list (kf, group, key, NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      char *s = g_utf8_casefold (g_strstrip (list[i]), -1);

      if (*s != '\0')
        g_ptr_array_add (out, s);
      else
        g_free (s);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
read_values (GKeyFile       *kf,
             const char     *group,
             ScPresetField  *field,
             GError        **error)
{
  g_auto(GStrv) list = g_key_file_get_string_list (kf, group, "Values", NULL, NULL);

  if (list == NULL)
    return TRUE;
  field->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *eq = strrchr (list[i], '=');

      if (eq == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                       _("[%s] Values: “%s” is not word=value"), group, list[i]);
          return FALSE;
        }
      g_autofree char *word = g_strstrip (g_strndup (list[i], eq - list[i]));

      g_hash_table_insert (field->values,
                           g_utf8_casefold (word, -1),
                           g_strstrip (g_strdup (eq + 1)));
    }
  return TRUE;
}

static gboolean
read_scale (GKeyFile       *kf,
            const char     *group,
            ScPresetField  *field,
            GError        **error)
{
  g_autofree char *scale = g_key_file_get_string (kf, group, "Scale", NULL);
  static const struct { const char *name; int min, max; } defaults[] = {
    { "csat", 1, 5 }, { "nps", 0, 10 }, { "ces", 1, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (field->info->name, defaults[i].name))
      {
        field->scale_min = defaults[i].min;
        field->scale_max = defaults[i].max;
      }
  if (scale == NULL)
    return TRUE;
  if (sscanf (scale, "%d-%d", &field->scale_min, &field->scale_max) != 2 ||
      field->scale_min >= field->scale_max)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("[%s] Scale: “%s” is not a range such as 1-5"), group, scale);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_field (ScPreset       *self,
            GKeyFile       *kf,
            const char     *group,
            GError        **error)
{
  ScPresetField field = { 0 };
  g_autofree char *unit = NULL;
  const char *name = group + strlen ("Field ");

  field.info = lookup_field (self->record, name);
  if (field.info == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("[%s]: a %s has no field “%s”"), group, record_names[self->record], name);
      return FALSE;
    }
  field.headers = get_lower_list (kf, group, "Headers");
  field.patterns = get_lower_list (kf, group, "Patterns");
  field.time_headers = get_lower_list (kf, group, "TimeHeaders");
  field.fallback = g_key_file_get_string_list (kf, group, "Fallback", NULL, NULL);
  field.allow_negative = g_key_file_get_boolean (kf, group, "Negative", NULL);
  field.invert = g_key_file_get_boolean (kf, group, "Invert", NULL);
  field.required = g_key_file_get_boolean (kf, group, "Required", NULL);
  unit = g_key_file_get_string (kf, group, "Unit", NULL);
  g_array_append_val (self->fields, field);

  if (unit != NULL)
    {
      ScPresetField *f = &g_array_index (self->fields, ScPresetField, self->fields->len - 1);

      f->unit_set = sc_duration_unit_from_string (unit, &f->unit);
      if (!f->unit_set)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                       _("[%s] Unit: “%s” is not a unit (s, ms, min, h, d)"), group, unit);
          return FALSE;
        }
    }
  return read_values (kf, group, &g_array_index (self->fields, ScPresetField, self->fields->len - 1), error) &&
         read_scale (kf, group, &g_array_index (self->fields, ScPresetField, self->fields->len - 1), error);
}

static gboolean
read_enum (GKeyFile            *kf,
           const char          *key,
           const char * const  *names,
           guint                n_names,
           guint               *out,
           GError             **error)
{
  g_autofree char *value = g_key_file_get_string (kf, "Preset", key, NULL);

  if (value == NULL)
    return TRUE;
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (value, names[i]))
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("[Preset] %s: unknown value “%s”"), key, value);
  return FALSE;
}

static gboolean
read_fold (ScPreset  *self,
           GKeyFile  *kf,
           GError   **error)
{
  g_autofree char *value = g_key_file_get_string (kf, "Preset", "Fold", NULL);

  if (value == NULL)
    return TRUE;
  if (!sc_fold_mode_from_string (g_strstrip (value), &self->fold))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("[Preset] Fold: unknown value “%s”"), value);
  else if (self->fold != SC_FOLD_NONE && self->record != SC_RECORD_INTERACTION)
    g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID,
                         _("[Preset] Fold: only tickets, calls and chats fold rows"));
  else
    return TRUE;
  return FALSE;
}

static gboolean
load_key_file (ScPreset  *self,
               GKeyFile  *kf,
               GError   **error)
{
  g_auto(GStrv) groups = NULL;
  guint record = 0, kind = 0;

  self->id = g_key_file_get_string (kf, "Preset", "Id", error);
  if (self->id == NULL)
    return FALSE;
  self->name = g_key_file_get_locale_string (kf, "Preset", "Name", NULL, NULL);
  if (self->name == NULL)
    self->name = g_strdup (self->id);
  self->description = g_key_file_get_locale_string (kf, "Preset", "Description", NULL, NULL);
  self->source = g_key_file_get_string (kf, "Preset", "Source", NULL);
  if (self->source != NULL && g_strstrip (self->source)[0] == '\0')
    g_clear_pointer (&self->source, g_free);
  if (!read_enum (kf, "Record", record_names, G_N_ELEMENTS (record_names), &record, error) ||
      !read_enum (kf, "Kind", kind_names, G_N_ELEMENTS (kind_names), &kind, error))
    return FALSE;
  self->record = record;
  self->kind = kind;
  if (!read_fold (self, kf, error))
    return FALSE;

  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Field ") && !read_field (self, kf, groups[i], error))
      return FALSE;
  if (self->fields->len == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The preset “%s” has no fields"), self->id);
      return FALSE;
    }
  if (g_key_file_has_group (kf, "Dimensions") && self->record != SC_RECORD_INTERACTION)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("[Dimensions]: only interactions keep further columns as dimensions"));
      return FALSE;
    }
  self->row_headers = get_lower_list (kf, "Rows", "Headers");
  self->row_values = get_lower_list (kf, "Rows", "Values");
  if (g_key_file_has_group (kf, "Rows") && (self->row_headers[0] == NULL || self->row_values[0] == NULL))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID,
                           _("[Rows] needs Headers (the column) and Values (those of the rows read)"));
      return FALSE;
    }
  self->dim_headers = get_lower_list (kf, "Dimensions", "Headers");
  self->dim_patterns = get_lower_list (kf, "Dimensions", "Patterns");
  return TRUE;
}

static ScPreset *
preset_new (void)
{
  ScPreset *self = g_new0 (ScPreset, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->fields = g_array_new (FALSE, TRUE, sizeof (ScPresetField));
  g_array_set_clear_func (self->fields, preset_field_clear);
  return self;
}

/**
 * sc_preset_new_from_data:
 * @data: (array length=len): the preset file's text
 * @len: its length
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the preset, or %NULL when the text
 *   is not a valid preset
 */
ScPreset *
sc_preset_new_from_data (const char  *data,
                         gsize        len,
                         GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(ScPreset) self = preset_new ();

  g_return_val_if_fail (data != NULL, NULL);

  g_key_file_set_list_separator (kf, ';');
  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_KEEP_TRANSLATIONS, error) ||
      !load_key_file (self, kf, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * sc_preset_new_from_file:
 * @path: a .preset file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the preset, or %NULL (with the file
 *   name in the message) when it cannot be read
 */
ScPreset *
sc_preset_new_from_file (const char  *path,
                         GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  ScPreset *self;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  self = sc_preset_new_from_data (data, len, &local_error);
  if (self == NULL)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, "%s: %s", path, local_error->message);
  return self;
}

ScPreset *
sc_preset_ref (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sc_preset_unref (ScPreset *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->source);
  g_array_unref (self->fields);
  g_strfreev (self->dim_headers);
  g_strfreev (self->row_headers);
  g_strfreev (self->row_values);
  g_strfreev (self->dim_patterns);
  g_free (self);
}

const char *
sc_preset_get_id (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
sc_preset_get_name (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * sc_preset_get_source:
 * @self: a preset
 *
 * The source an import with @self keeps its records under, matching a
 * newer export to the records of an older one by (source, external id):
 * the preset's Source key when it has one (a preset saved from columns
 * mapped by hand keeps the source of the imports made before it was
 * saved), else its id.
 *
 * Returns: the source
 */
const char *
sc_preset_get_source (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source != NULL ? self->source : self->id;
}

const char *
sc_preset_get_description (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

ScRecordType
sc_preset_get_record_type (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, SC_RECORD_INTERACTION);
  return self->record;
}

/**
 * sc_preset_get_rows:
 * @self: a preset
 * @headers: (out) (transfer none) (nullable): the lower-case names of the
 *   column that picks the rows read ([Rows] Headers), or %NULL
 * @values: (out) (transfer none) (nullable): the lower-case values of the
 *   rows read, or %NULL
 *
 * Returns: whether the preset reads only some rows
 */
gboolean
sc_preset_get_rows (ScPreset            *self,
                    const char * const **headers,
                    const char * const **values)
{
  gboolean some;

  g_return_val_if_fail (self != NULL && headers != NULL && values != NULL, FALSE);
  some = self->row_headers != NULL && self->row_headers[0] != NULL;

  *headers = some ? (const char * const *) self->row_headers : NULL;
  *values = some ? (const char * const *) self->row_values : NULL;
  return some;
}

/**
 * sc_preset_reads_row:
 * @self: a preset
 * @value: the value of the row's [Rows] column
 * @len: its length
 *
 * Returns: whether a row with @value in the preset's [Rows] column is read
 */
gboolean
sc_preset_reads_row (ScPreset   *self,
                     const char *value,
                     gsize       len)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, TRUE);
  if (self->row_values == NULL || self->row_values[0] == NULL)
    return TRUE;
  folded = g_utf8_casefold (value, len);
  return g_strv_contains ((const char * const *) self->row_values, folded);
}

/**
 * sc_preset_get_fold:
 * @self: a preset
 *
 * Returns: how rows of one interaction fold into one
 */
ScFoldMode
sc_preset_get_fold (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, SC_FOLD_NONE);
  return self->fold;
}

ScKind
sc_preset_get_kind (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, SC_KIND_TICKET);
  return self->kind;
}

guint
sc_preset_get_n_fields (ScPreset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->fields->len;
}

const ScPresetField *
sc_preset_get_field (ScPreset *self,
                     guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);
  return &g_array_index (self->fields, ScPresetField, index);
}

/**
 * sc_preset_find_field:
 * @self: a preset
 * @name: a field name
 *
 * Returns: the index of the field called @name, or -1
 */
int
sc_preset_find_field (ScPreset   *self,
                      const char *name)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (g_array_index (self->fields, ScPresetField, i).info->name, name))
      return i;
  return -1;
}

/* ---- Loading ----------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
load_dir (GPtrArray   *presets,
          const char  *dir_path,
          GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".preset"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) local_error = NULL;
      ScPreset *preset = sc_preset_new_from_file (path, &local_error);

      if (preset == NULL)
        {
          if (error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          continue;
        }
      if (sc_preset_find (presets, preset->id) != NULL)
        sc_preset_unref (preset);
      else
        g_ptr_array_add (presets, preset);
    }
}

/**
 * sc_preset_load_all:
 * @error: (nullable): return location for the first broken preset file
 *
 * Loads the presets of $SC_PRESETS_DIR, the user's data folder
 * (scorecard/presets), the source tree (for uninstalled runs) and the
 * installed ones; an id found earlier wins. A broken file is skipped and
 * reported in @error while the others load.
 *
 * Returns: (transfer container) (element-type ScPreset): the presets
 */
GPtrArray *
sc_preset_load_all (GError **error)
{
  GPtrArray *presets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_preset_unref);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "scorecard", "presets", NULL);
  g_autofree char *source_dir = g_build_filename (SOURCE_DATADIR, "presets", NULL);
  g_autofree char *installed_dir = g_build_filename (PKGDATADIR, "presets", NULL);
  const char *env_dir = g_getenv ("SC_PRESETS_DIR");

  if (env_dir != NULL)
    load_dir (presets, env_dir, error);
  load_dir (presets, user_dir, error);
  load_dir (presets, source_dir, error);
  load_dir (presets, installed_dir, error);
  return presets;
}

/**
 * sc_preset_find:
 * @presets: (element-type ScPreset): presets
 * @id: a preset id
 *
 * Returns: (transfer none) (nullable): the preset with @id
 */
ScPreset *
sc_preset_find (GPtrArray  *presets,
                const char *id)
{
  g_return_val_if_fail (presets != NULL && id != NULL, NULL);
  for (guint i = 0; i < presets->len; i++)
    if (g_str_equal (((ScPreset *) g_ptr_array_index (presets, i))->id, id))
      return g_ptr_array_index (presets, i);
  return NULL;
}

/* ---- Matching ---------------------------------------------------------- */

/* The first column named by an alias (in the aliases' order), else the
 * first column a pattern matches. */
static int
find_column (char * const *folded,
             char * const *aliases,
             char * const *patterns)
{
  for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
    for (guint c = 0; folded[c] != NULL; c++)
      if (g_str_equal (folded[c], aliases[a]))
        return c;
  for (guint a = 0; patterns != NULL && patterns[a] != NULL; a++)
    for (guint c = 0; folded[c] != NULL; c++)
      if (g_pattern_match_simple (patterns[a], folded[c]))
        return c;
  return -1;
}

static gboolean
column_is_dimension (ScPreset   *self,
                     const char *folded)
{
  for (guint i = 0; self->dim_headers != NULL && self->dim_headers[i] != NULL; i++)
    if (g_str_equal (self->dim_headers[i], folded))
      return TRUE;
  for (guint i = 0; self->dim_patterns != NULL && self->dim_patterns[i] != NULL; i++)
    if (g_pattern_match_simple (self->dim_patterns[i], folded))
      return TRUE;
  return FALSE;
}

/**
 * sc_preset_dimension_label:
 * @header: a column's name
 *
 * The label of the dimension a column is kept as: its name without the
 * decorations exports add to custom fields ("Plan [list]" in Zendesk,
 * "Custom field (Plan)" in Jira, "cf_plan" in Freshdesk → "Plan"),
 * unless that is the name of a builtin dimension ("Category [list]" stays
 * so beside the category).
 *
 * Returns: (transfer full): the label
 */
char *
sc_preset_dimension_label (const char *header)
{
  g_autofree char *label = g_strstrip (g_strdup (header));
  gsize len = strlen (label);
  char *open;

  g_return_val_if_fail (header != NULL, NULL);

  if (g_str_has_prefix (label, "Custom field (") && len > 15 && label[len - 1] == ')')
    {
      char *inner = g_strndup (label + 14, len - 15);

      g_free (label);
      label = g_strstrip (inner);
    }
  else if (len > 0 && label[len - 1] == ']' && (open = strrchr (label, '[')) != NULL
           && open > label)
    {
      *open = '\0';
      g_strstrip (label);
    }
  else if (g_str_has_prefix (label, "cf_") && label[3] != '\0')
    {
      char *inner = g_strdup (label + 3);

      g_strdelimit (inner, "_", ' ');
      inner[0] = g_ascii_toupper (inner[0]);
      g_free (label);
      label = inner;
    }
  /* "Category [list]" beside the builtin category keeps its decoration. */
  if (label[0] == '\0' || sc_dimension_from_name (label, NULL))
    {
      g_free (label);
      label = g_strstrip (g_strdup (header));
    }
  return g_steal_pointer (&label);
}

/**
 * sc_preset_match:
 * @self: a preset
 * @header: (array zero-terminated=1): the column names of a file
 *
 * Maps the preset's fields to columns. A column holds one field, except
 * that several fields may share a column through the same alias (status
 * and resolved, for example); a field that joins repeats also reads the
 * later columns named as its own (Jira's Labels). The confidence weighs
 * the share of the preset's fields found against the share of the file's
 * columns used (the column picking the rows read, [Rows], among them);
 * it is 0 when a required field is missing.
 *
 * Returns: (transfer full): the mapping
 */
ScPresetMatch *
sc_preset_match (ScPreset           *self,
                 const char * const *header)
{
  ScPresetMatch *match = g_new0 (ScPresetMatch, 1);
  guint n_cols = g_strv_length ((char **) header), used_cols = 0;
  g_autofree gboolean *counted = g_new0 (gboolean, n_cols + 1);
  g_auto(GStrv) folded = g_new0 (char *, n_cols + 1);
  gboolean missing_required = FALSE;

  match->row_column = -1;
  g_return_val_if_fail (self != NULL && header != NULL, match);

  for (guint c = 0; c < n_cols; c++)
    folded[c] = g_utf8_casefold (header[c], -1);
  match->preset = sc_preset_ref (self);
  match->columns = g_new (int, self->fields->len);
  match->time_columns = g_new (int, self->fields->len);
  for (guint i = 0; i < self->fields->len; i++)
    {
      const ScPresetField *field = &g_array_index (self->fields, ScPresetField, i);

      match->columns[i] = find_column (folded, field->headers, field->patterns);
      match->time_columns[i] = find_column (folded, field->time_headers, NULL);
      if (match->columns[i] >= 0)
        {
          match->n_matched++;
          if (!counted[match->columns[i]])
            used_cols++;
          counted[match->columns[i]] = TRUE;
          if (match->time_columns[i] >= 0 && !counted[match->time_columns[i]])
            {
              used_cols++;
              counted[match->time_columns[i]] = TRUE;
            }
        }
      else if (field->required)
        missing_required = TRUE;
    }
  if (self->row_headers != NULL && self->row_headers[0] != NULL)
    {
      match->row_column = find_column (folded, self->row_headers, NULL);
      if (match->row_column < 0)
        missing_required = TRUE;
      else if (!counted[match->row_column])
        {
          counted[match->row_column] = TRUE;
          used_cols++;
        }
    }
  match->repeat_columns = g_new (int, n_cols + 1);
  match->repeat_fields = g_new (int, n_cols + 1);
  for (guint i = 0; i < self->fields->len; i++)
    {
      const ScPresetField *field = &g_array_index (self->fields, ScPresetField, i);
      int first = match->columns[i];

      if (first < 0 || !field->info->joins_repeats)
        continue;
      for (guint c = first + 1; c < n_cols; c++)
        if (!counted[c] && g_str_equal (folded[c], folded[first]))
          {
            match->repeat_columns[match->n_repeats] = c;
            match->repeat_fields[match->n_repeats++] = i;
            counted[c] = TRUE;
            used_cols++;
          }
    }
  match->dim_columns = g_new (int, n_cols + 1);
  for (guint c = 0; c < n_cols; c++)
    if (!counted[c] && column_is_dimension (self, folded[c]))
      {
        match->dim_columns[match->n_dim_columns++] = c;
        counted[c] = TRUE;
        used_cols++;
      }
  if (!missing_required && n_cols > 0)
    match->confidence = 0.6 * match->n_matched / self->fields->len +
                        0.4 * used_cols / n_cols;
  return match;
}

/**
 * sc_preset_detect:
 * @presets: (element-type ScPreset): the presets to try
 * @header: (array zero-terminated=1): the column names of a file
 *
 * Returns: (transfer full) (nullable): the best match, or %NULL when no
 *   preset fits at all
 */
ScPresetMatch *
sc_preset_detect (GPtrArray          *presets,
                  const char * const *header)
{
  ScPresetMatch *best = NULL;

  g_return_val_if_fail (presets != NULL && header != NULL, NULL);

  for (guint i = 0; i < presets->len; i++)
    {
      ScPresetMatch *match = sc_preset_match (g_ptr_array_index (presets, i), header);

      if (match->confidence > 0 && (best == NULL || match->confidence > best->confidence))
        {
          sc_preset_match_free (best);
          best = match;
        }
      else
        sc_preset_match_free (match);
    }
  return best;
}

void
sc_preset_match_free (ScPresetMatch *match)
{
  if (match == NULL)
    return;
  sc_preset_unref (match->preset);
  g_free (match->columns);
  g_free (match->time_columns);
  g_free (match->dim_columns);
  g_free (match->repeat_columns);
  g_free (match->repeat_fields);
  g_free (match);
}

/* ---- Fields, records and folders for presets made in the app ----------- */

/**
 * sc_field_info_lookup_for:
 * @record: a record type
 * @name: a field name ("created_at")
 *
 * Returns: (nullable): the field of @record called @name
 */
const ScFieldInfo *
sc_field_info_lookup_for (ScRecordType  record,
                          const char   *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  return lookup_field (record, name);
}

/**
 * sc_field_infos_get:
 * @n_infos: (out): the number of fields
 *
 * Returns: (array length=n_infos): every field of every record type, in
 *   the order a person would look for them
 */
const ScFieldInfo *
sc_field_infos_get (guint *n_infos)
{
  g_return_val_if_fail (n_infos != NULL, NULL);
  *n_infos = G_N_ELEMENTS (field_infos);
  return field_infos;
}

/**
 * sc_preset_record_to_string:
 * @record: a record type
 *
 * Returns: its name in preset files ("interaction")
 */
const char *
sc_preset_record_to_string (ScRecordType record)
{
  g_return_val_if_fail ((guint) record < G_N_ELEMENTS (record_names), NULL);
  return record_names[record];
}

/**
 * sc_preset_kind_to_string:
 * @kind: an interaction kind
 *
 * Returns: its name in preset files ("ticket")
 */
const char *
sc_preset_kind_to_string (ScKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

/**
 * sc_preset_dup_user_dir:
 *
 * Returns: (transfer full): the folder of the user's own presets, which
 *   sc_preset_load_all() reads before the shipped ones
 */
char *
sc_preset_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "scorecard", "presets", NULL);
}

/**
 * sc_preset_load_shipped:
 *
 * Returns: (transfer container) (element-type ScPreset): the presets that
 *   come with Scorecard (installed, or in the source tree for uninstalled
 *   runs), without the user's
 */
GPtrArray *
sc_preset_load_shipped (void)
{
  GPtrArray *presets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_preset_unref);
  g_autofree char *source_dir = g_build_filename (SOURCE_DATADIR, "presets", NULL);
  g_autofree char *installed_dir = g_build_filename (PKGDATADIR, "presets", NULL);

  load_dir (presets, source_dir, NULL);
  load_dir (presets, installed_dir, NULL);
  return presets;
}
