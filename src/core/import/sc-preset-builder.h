/* sc-preset-builder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preset made from columns mapped by hand: the record type, the kind
 * and which column holds which field (with a unit or a scale where the
 * field reads one). It is written as the text of a .preset file and read
 * back by the preset parser, so a mapping made in the app behaves exactly
 * as a preset file does, and it can be saved as one.
 */

#pragma once

#include <glib.h>

#include "sc-preset.h"

G_BEGIN_DECLS

typedef struct _ScPresetBuilder ScPresetBuilder;

ScPresetBuilder *sc_preset_builder_new           (ScRecordType      record,
                                                  ScKind            kind) G_GNUC_WARN_UNUSED_RESULT;
ScPresetBuilder *sc_preset_builder_new_guess     (GPtrArray        *presets,
                                                  const char * const *header) G_GNUC_WARN_UNUSED_RESULT;
void             sc_preset_builder_free          (ScPresetBuilder  *self);

void             sc_preset_builder_set_fold      (ScPresetBuilder  *self,
                                                  ScFoldMode        mode);
void             sc_preset_builder_like_preset   (ScPresetBuilder  *self,
                                                  ScPreset         *preset);
ScRecordType     sc_preset_builder_get_record    (ScPresetBuilder  *self);
ScKind           sc_preset_builder_get_kind      (ScPresetBuilder  *self);
const char      *sc_preset_builder_get_header    (ScPresetBuilder  *self,
                                                  const char       *field);
gboolean         sc_preset_builder_add_field     (ScPresetBuilder  *self,
                                                  const char       *field,
                                                  const char       *header,
                                                  const char       *unit,
                                                  const char       *scale,
                                                  GError          **error);
gboolean         sc_preset_builder_add_field_like (ScPresetBuilder  *self,
                                                  ScPreset         *preset,
                                                  const ScPresetField *like,
                                                  const char       *header,
                                                  const char       *unit,
                                                  const char       *scale,
                                                  GError          **error);
gboolean         sc_preset_builder_set_value     (ScPresetBuilder  *self,
                                                  const char       *field,
                                                  const char       *word,
                                                  const char       *value,
                                                  GError          **error);
gboolean         sc_preset_builder_set_time_of_day (ScPresetBuilder  *self,
                                                  const char       *field,
                                                  const char       *header,
                                                  GError          **error);
gboolean         sc_preset_builder_add_dimension (ScPresetBuilder  *self,
                                                  const char       *header,
                                                  GError          **error);
char           **sc_preset_builder_dup_missing   (ScPresetBuilder  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean         sc_preset_builder_check         (ScPresetBuilder  *self,
                                                  GError          **error);
char            *sc_preset_builder_to_data       (ScPresetBuilder  *self,
                                                  const char       *id,
                                                  const char       *name) G_GNUC_WARN_UNUSED_RESULT;
ScPreset        *sc_preset_builder_build         (ScPresetBuilder  *self,
                                                  GError          **error) G_GNUC_WARN_UNUSED_RESULT;
char            *sc_preset_builder_save          (ScPresetBuilder  *self,
                                                  const char       *name,
                                                  GError          **error) G_GNUC_WARN_UNUSED_RESULT;

char            *sc_preset_id_for_name           (const char       *name) G_GNUC_WARN_UNUSED_RESULT;
gboolean         sc_preset_check_new_name        (const char       *name,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPresetBuilder, sc_preset_builder_free)

G_END_DECLS
