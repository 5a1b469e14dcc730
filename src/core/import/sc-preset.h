/* sc-preset.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preset describes one kind of export as data (a GKeyFile under
 * data/presets/): which header names (aliases, patterns) hold which field
 * of a record, in which unit, with which value vocabulary.
 */

#pragma once

#include <glib.h>

#include "sc-fold.h"
#include "sc-parse.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScRecordType:
 *
 * What one row of an export becomes in the store.
 */
typedef enum
{
  SC_RECORD_INTERACTION,
  SC_RECORD_SURVEY,
  SC_RECORD_CUSTOMER,
  SC_RECORD_AGENT_TIME,
} ScRecordType;

/**
 * ScFieldType:
 *
 * How a field's text is read.
 */
typedef enum
{
  SC_FIELD_TEXT,
  SC_FIELD_TIMESTAMP,
  SC_FIELD_DURATION,
  SC_FIELD_COUNT,
  SC_FIELD_FLAG,
  SC_FIELD_SCORE,
  SC_FIELD_MONEY,
} ScFieldType;

/**
 * ScFieldInfo:
 * @name: the field's name in preset files ("created_at")
 * @record: the record it belongs to
 * @type: how it is read
 * @offset: its offset in the record struct
 * @joins_repeats: whether a value spread over several columns of the
 *   same name (Jira writes one Labels column per label) is read from all
 *   of them, joined by spaces; other fields read the first such column
 *
 * One field the importer can fill.
 */
typedef struct
{
  const char   *name;
  ScRecordType  record;
  ScFieldType   type;
  gsize         offset;
  gboolean      joins_repeats;
} ScFieldInfo;

/**
 * ScPresetField:
 *
 * One field of a preset: where it is found and how it is read.
 */
typedef struct
{
  const ScFieldInfo *info;
  char             **headers;        /* lower-case aliases */
  char             **patterns;       /* lower-case globs over the header */
  char             **time_headers;   /* a separate time-of-day column */
  char             **fallback;       /* fields to take the value from when empty */
  GHashTable        *values;         /* lower-case word → value text */
  ScDurationUnit     unit;
  gboolean           unit_set;
  int                scale_min;
  int                scale_max;
  gboolean           allow_negative;
  gboolean           invert;
  gboolean           required;
} ScPresetField;

typedef struct _ScPreset ScPreset;

/**
 * ScPresetMatch:
 * @preset: the preset
 * @confidence: 0–1, how well the header fits
 * @columns: per preset field, the matched column or -1
 * @time_columns: per preset field, the matched time-of-day column or -1
 * @n_matched: the number of fields found
 * @dim_columns: the columns no field reads that the preset keeps as
 *   dimensions of their own, in the file's order
 * @n_dim_columns: their number
 * @repeat_columns: the columns read with an earlier column of the same
 *   name by a field that joins repeats, in the file's order
 * @repeat_fields: per repeat column, the preset field reading it
 * @n_repeats: their number
 * @row_column: the column whose value picks the rows read ([Rows]), or -1
 *
 * How a preset maps one header.
 */
typedef struct
{
  ScPreset *preset;
  double    confidence;
  int      *columns;
  int      *time_columns;
  guint     n_matched;
  int      *dim_columns;
  guint     n_dim_columns;
  int      *repeat_columns;
  int      *repeat_fields;
  guint     n_repeats;
  int       row_column;
} ScPresetMatch;

/* The offset of a field that is read but not stored (a fallback source). */
#define SC_FIELD_NOT_STORED G_MAXSIZE

const ScFieldInfo   *sc_field_info_lookup         (const char          *name);
const ScFieldInfo   *sc_field_info_lookup_for     (ScRecordType         record,
                                                   const char          *name);
const ScFieldInfo   *sc_field_infos_get           (guint               *n_infos);
const char          *sc_preset_record_to_string   (ScRecordType         record);
const char          *sc_preset_kind_to_string     (ScKind               kind);

ScPreset            *sc_preset_new_from_data      (const char          *data,
                                                   gsize                len,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ScPreset            *sc_preset_new_from_file      (const char          *path,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ScPreset            *sc_preset_ref                (ScPreset            *self);
void                 sc_preset_unref              (ScPreset            *self);

const char          *sc_preset_get_id             (ScPreset            *self);
const char          *sc_preset_get_name           (ScPreset            *self);
const char          *sc_preset_get_description    (ScPreset            *self);
const char          *sc_preset_get_source         (ScPreset            *self);
ScRecordType         sc_preset_get_record_type    (ScPreset            *self);
ScKind               sc_preset_get_kind           (ScPreset            *self);
ScFoldMode           sc_preset_get_fold           (ScPreset            *self);
gboolean             sc_preset_get_rows           (ScPreset            *self,
                                                   const char * const **headers,
                                                   const char * const **values);
gboolean             sc_preset_reads_row          (ScPreset            *self,
                                                   const char          *value,
                                                   gsize                len);
guint                sc_preset_get_n_fields       (ScPreset            *self);
const ScPresetField *sc_preset_get_field          (ScPreset            *self,
                                                   guint                index);
int                  sc_preset_find_field         (ScPreset            *self,
                                                   const char          *name);

GPtrArray           *sc_preset_load_all           (GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ScPreset            *sc_preset_find               (GPtrArray           *presets,
                                                   const char          *id);
GPtrArray           *sc_preset_load_shipped       (void) G_GNUC_WARN_UNUSED_RESULT;
char                *sc_preset_dup_user_dir       (void) G_GNUC_WARN_UNUSED_RESULT;

ScPresetMatch       *sc_preset_match              (ScPreset            *self,
                                                   const char * const  *header) G_GNUC_WARN_UNUSED_RESULT;
ScPresetMatch       *sc_preset_detect             (GPtrArray           *presets,
                                                   const char * const  *header) G_GNUC_WARN_UNUSED_RESULT;
void                 sc_preset_match_free         (ScPresetMatch       *match);
char                *sc_preset_dimension_label    (const char          *header) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPreset, sc_preset_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPresetMatch, sc_preset_match_free)

G_END_DECLS
