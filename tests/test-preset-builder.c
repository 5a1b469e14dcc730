/* test-preset-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns mapped by hand: an export no preset knows is imported with a
 * mapping built in memory, previewed before its needed fields are all
 * mapped, saved as a preset that is then detected for the same header,
 * and imported from the command line with the saved file. Bad names and
 * shipped ids are refused. XDG_DATA_HOME points at a folder of the test.
 */

#include "config.h"

#include <string.h>

#include "sc-csv-reader.h"
#include "sc-error.h"
#include "sc-importer.h"
#include "sc-preset-builder.h"
#include "sc-store-facts.h"
#include "sc-test-util.h"

/* A helpdesk export with German headers no shipped preset knows; the
 * third row's duration does not parse. */
static const char acme_csv[] =
  "Ticket Nummer;Eröffnet;Bearbeiter;Dauer;Zufriedenheit;Notiz\n"
  "T-1;2024-03-01 09:00;Anna;15;4;erledigt\n"
  "T-2;2024-03-02 10:30;Ben;90;10;\n"
  "T-3;2024-03-03 11:00;Anna;lang;2;offen\n";

static char *data_home;

typedef struct
{
  char    *dir;
  char    *csv;
  ScStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sc_test_make_tmpdir ();
  f->csv = g_build_filename (f->dir, "acme.csv", NULL);
  g_assert_true (g_file_set_contents (f->csv, acme_csv, -1, NULL));
  db = g_build_filename (f->dir, "store.sqlite", NULL);
  f->store = sc_store_open (db, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *presets = sc_preset_dup_user_dir ();

  g_clear_object (&f->store);
  sc_test_remove_tree (presets);
  sc_test_remove_tree (f->dir);
  g_free (f->csv);
  g_free (f->dir);
}

static ScPresetBuilder *
acme_builder (void)
{
  g_autoptr(ScPresetBuilder) builder = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_TICKET);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_preset_builder_add_field (builder, "external_id", "Ticket Nummer", NULL, NULL,
                                              &error));
  g_assert_true (sc_preset_builder_add_field (builder, "created_at", "Eröffnet", NULL, NULL, &error));
  g_assert_true (sc_preset_builder_add_field (builder, "agent", "Bearbeiter", NULL, NULL, &error));
  g_assert_true (sc_preset_builder_add_field (builder, "handle_s", "Dauer", "min", NULL, &error));
  g_assert_true (sc_preset_builder_add_field (builder, "csat", " Zufriedenheit ", NULL, "1-10",
                                              &error));
  g_assert_true (sc_preset_builder_add_dimension (builder, "Notiz", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&builder);
}

static gboolean
collect_row_cb (const ScFactRow *row,
                gpointer         user_data)
{
  g_ptr_array_add (user_data, g_memdup2 (row, sizeof *row));
  return TRUE;
}

static void
assert_error_contains (const GError *error,
                       const char   *part)
{
  g_assert_nonnull (error);
  sc_test_assert_contains (error->message, part);
}

/* An export no preset knows imports with the mapping built for it; the
 * history keeps that mapping. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = acme_builder ();
  g_autoptr(ScPreset) preset = NULL;
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(ScImportResult) again = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) dims = NULL;
  g_autoptr(GError) error = NULL;
  const ScFactRow *first;
  ScImportRecord *record;

  result = sc_importer_run (importer, f->csv, NULL, &error);
  assert_error_contains (error, "matches no known export");
  g_clear_error (&error);

  preset = sc_preset_builder_build (builder, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sc_preset_get_id (preset), "custom-"));
  sc_importer_set_preset_object (importer, preset);
  result = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, 2);
  g_assert_cmpint (result->counts.rejected, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (result->rejects_by_reason, "bad_duration")),
                   ==, 1);
  g_assert_cmpstr (result->preset_id, ==, sc_preset_get_id (preset));

  g_assert_true (sc_store_scan_interactions (f->store, FALSE, collect_row_cb, rows, &error));
  g_assert_cmpuint (rows->len, ==, 2);
  first = rows->pdata[0];
  if (((ScFactRow *) rows->pdata[1])->created_at < first->created_at)
    first = rows->pdata[1];
  g_assert_cmpint (first->created_at, ==, 1709283600);   /* 2024-03-01 09:00 UTC */
  g_assert_cmpint (first->handle_s, ==, 15 * 60);
  g_assert_cmpint (first->csat, ==, 4);
  g_assert_cmpint (first->csat_scale, ==, 10);

  imports = sc_store_list_imports (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  record = imports->pdata[0];
  g_assert_cmpstr (record->preset, ==, sc_preset_get_id (preset));
  sc_test_assert_contains (record->mapping, "created_at=Eröffnet");
  sc_test_assert_contains (record->mapping, "csat=Zufriedenheit");
  sc_test_assert_contains (record->mapping, "dimension=Notiz");
  sc_test_assert_contains (record->mapping, "unit:handle_s=min");
  sc_test_assert_contains (record->mapping, "scale:csat=1-10");
  /* The note is a dimension of its own. */
  dims = sc_store_list_dimensions (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sc_dimension_list_lookup (dims, "notiz"));
  g_assert_cmpstr (sc_dimension_list_lookup (dims, "notiz")->label, ==, "Notiz");

  /* The same mapping again: the same id, so the same records. */
  g_clear_pointer (&preset, sc_preset_unref);
  g_clear_pointer (&builder, sc_preset_builder_free);
  builder = acme_builder ();
  preset = sc_preset_builder_build (builder, &error);
  sc_importer_set_preset_object (importer, preset);
  again = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->counts.unchanged, ==, 2);
  g_assert_cmpint (again->counts.inserted, ==, 0);
}

/* A preview shows a mapping still being made, rows rejected for the
 * field no column holds yet. */
static void
test_preview_partial (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_CALL);
  g_autoptr(ScPreset) preset = NULL;
  g_autoptr(ScPreset) empty = NULL;
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ScImportPreviewColumn *column;
  const ScImportPreviewRow *row;

  /* Nothing mapped yet: every column shown, not used. */
  empty = sc_preset_builder_build (builder, &error);
  g_assert_no_error (error);
  sc_importer_set_preset_object (importer, empty);
  preview = sc_importer_preview (importer, f->csv, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->columns->len, ==, 6);
  g_assert_null (((ScImportPreviewColumn *) preview->columns->pdata[0])->field);
  g_assert_cmpuint (preview->rows_rejected, ==, 3);
  /* …but nothing to import with it. */
  result = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_null (result);
  assert_error_contains (error, "matches no known export");
  g_clear_error (&error);
  g_clear_pointer (&preview, sc_import_preview_free);

  g_assert_true (sc_preset_builder_add_field (builder, "external_id", "Ticket Nummer", NULL, NULL,
                                              &error));
  g_assert_true (sc_preset_builder_add_field (builder, "handle_s", "Dauer", "min", NULL, &error));
  preset = sc_preset_builder_build (builder, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_preset_get_kind (preset), ==, SC_KIND_CALL);
  sc_importer_set_preset_object (importer, preset);
  preview = sc_importer_preview (importer, f->csv, 10, NULL, &error);
  g_assert_no_error (error);
  column = preview->columns->pdata[3];
  g_assert_cmpstr (column->field, ==, "handle_s");
  g_assert_cmpuint (column->n_values, ==, 3);
  g_assert_cmpuint (column->n_parsed, ==, 2);
  row = preview->rows->pdata[0];
  g_assert_cmpstr (row->values[3], ==, "0:15:00");
  sc_test_assert_contains (row->reason, "no column holds created_at");
}

/* Saved under a name, the mapping is a preset file that loads again and
 * is detected for files with the same header. */
static void
test_save_detect (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = acme_builder ();
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(ScPreset) loaded = NULL;
  g_autoptr(GPtrArray) presets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = sc_preset_dup_user_dir ();
  g_autofree char *path = g_build_filename (dir, "acme-helpdesk-eu.preset", NULL);
  g_autoptr(ScImportResult) unsaved = NULL;
  g_autoptr(ScPreset) draft = NULL;
  const ScPresetField *field;

  /* A first import with the mapping before it is saved. */
  draft = sc_preset_builder_build (builder, &error);
  g_assert_no_error (error);
  sc_importer_set_preset_object (importer, draft);
  unsaved = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unsaved->counts.inserted, ==, 2);
  sc_importer_set_preset_object (importer, NULL);

  id = sc_preset_builder_save (builder, "  Acme Helpdesk (EU) ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "acme-helpdesk-eu");
  g_assert_true (g_str_has_prefix (dir, data_home));
  loaded = sc_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_preset_get_name (loaded), ==, "Acme Helpdesk (EU)");
  /* It keeps records where the unsaved mapping put them. */
  g_assert_cmpstr (sc_preset_get_source (loaded), ==, sc_preset_get_id (draft));
  g_assert_cmpuint (sc_preset_get_n_fields (loaded), ==, 5);
  field = sc_preset_get_field (loaded, sc_preset_find_field (loaded, "handle_s"));
  g_assert_cmpstr (field->headers[0], ==, "dauer");
  g_assert_true (field->unit_set);
  g_assert_cmpint (field->unit, ==, SC_UNIT_MINUTES);
  field = sc_preset_get_field (loaded, sc_preset_find_field (loaded, "csat"));
  g_assert_cmpint (field->scale_max, ==, 10);
  g_assert_true (sc_preset_get_field (loaded, sc_preset_find_field (loaded, "created_at"))->required);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  sc_test_assert_contains (text, "[Dimensions]\nHeaders=Notiz;\n");

  presets = sc_preset_load_all (&error);
  g_assert_no_error (error);
  g_assert_nonnull (sc_preset_find (presets, "acme-helpdesk-eu"));
  preview = sc_importer_preview (importer, f->csv, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->detected_id, ==, "acme-helpdesk-eu");
  result = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->preset_id, ==, "acme-helpdesk-eu");
  /* The same rows again, through the saved preset: nothing new. */
  g_assert_cmpint (result->counts.inserted, ==, 0);
  g_assert_cmpint (result->counts.unchanged, ==, 2);
  g_assert_cmpint (result->counts.rejected, ==, 1);

  /* The name is taken now, in any case. */
  g_clear_pointer (&id, g_free);
  id = sc_preset_builder_save (builder, "acme helpdesk (eu)", &error);
  g_assert_null (id);
  assert_error_contains (error, "exists already");
}

/* Names that cannot be saved, and the ids names give. */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = acme_builder ();
  g_autofree char *long_name = g_strnfill (81, 'a');
  g_autofree char *dir = sc_preset_dup_user_dir ();
  static const struct { const char *name; const char *message; } refused[] = {
    { "", "Give the preset a name." },
    { "   ", "Give the preset a name." },
    { "Zendesk", "comes with Scorecard" },
    { "zendesk ticket export", "comes with Scorecard" },
    { "Call-center call log", "comes with Scorecard" },
  };
  static const struct { const char *name; const char *id; } ids[] = {
    { "Acme Helpdesk (EU)", "acme-helpdesk-eu" },
    { "Über -- Support!", "uber-support" },
    { "2024 export", "2024-export" },
  };
  g_autofree char *cyrillic = sc_preset_id_for_name ("Поддержка");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = sc_preset_builder_save (builder, refused[i].name, &error);

      g_assert_null (id);
      assert_error_contains (error, refused[i].message);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sc_preset_check_new_name (long_name, &error));
    assert_error_contains (error, "longer than 80");
  }
  /* Nothing was written. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *id = sc_preset_id_for_name (ids[i].name);

      g_assert_cmpstr (id, ==, ids[i].id);
    }
  g_assert_true (g_str_has_prefix (cyrillic, "preset-"));
  g_assert_cmpuint (strlen (cyrillic), ==, strlen ("preset-") + 8);
}

/* A mapping without a field the record needs is refused with what is
 * missing; fields are checked as they are added. */
static void
test_missing_and_bad_fields (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_TICKET);
  g_autoptr(ScPresetBuilder) survey = sc_preset_builder_new (SC_RECORD_SURVEY, SC_KIND_TICKET);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) survey_missing = NULL;

  g_assert_true (sc_preset_builder_add_field (builder, "external_id", "Ticket Nummer", NULL, NULL,
                                              &error));
  missing = sc_preset_builder_dup_missing (builder);
  g_assert_cmpstrv (missing, ((const char * const[]) { "created_at", NULL }));
  id = sc_preset_builder_save (builder, "Acme", &error);
  g_assert_null (id);
  assert_error_contains (error, "No column is mapped to created_at, which every interaction needs.");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_check (builder, &error));
  g_clear_error (&error);

  survey_missing = sc_preset_builder_dup_missing (survey);
  g_assert_cmpstrv (survey_missing, ((const char * const[]) { "responded_at", "csat|nps|ces", NULL }));
  g_assert_false (sc_preset_builder_check (survey, &error));
  assert_error_contains (error, "responded_at, csat or nps or ces");
  g_clear_error (&error);

  g_assert_false (sc_preset_builder_add_field (builder, "external_id", "Notiz", NULL, NULL, &error));
  assert_error_contains (error, "external_id is read from the column “Ticket Nummer” already.");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_add_field (builder, "sentiment", "Notiz", NULL, NULL, &error));
  assert_error_contains (error, "“sentiment” is not a field of interaction records.");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_add_field (builder, "agent", "Bearbeiter", "min", NULL, &error));
  assert_error_contains (error, "agent is not a duration");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_add_field (builder, "handle_s", "Dauer", NULL, "1-5", &error));
  assert_error_contains (error, "handle_s is not a score");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_add_field (builder, "agent", " ", NULL, NULL, &error));
  assert_error_contains (error, "without a name");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_add_dimension (survey, "Notiz", &error));
  assert_error_contains (error, "Only tickets, calls and chats keep further columns as dimensions.");
  g_clear_error (&error);
  g_assert_true (sc_preset_builder_add_dimension (builder, "Notiz", &error));
  g_assert_false (sc_preset_builder_add_dimension (builder, " Notiz", &error));
  assert_error_contains (error, "The column “Notiz” is kept as a dimension already.");
  g_clear_error (&error);
  /* A unit the parser does not know is caught where presets are read. */
  g_assert_true (sc_preset_builder_add_field (builder, "handle_s", "Dauer", "fortnights", NULL,
                                              &error));
  g_assert_null (sc_preset_builder_build (builder, &error));
  assert_error_contains (error, "“fortnights” is not a unit");
}

/* A file no preset fits starts from the mapping of the preset that finds
 * most of its columns. */
static void
test_guess (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  static const char * const calls[] = { "Call ID", "Agent", "Talk time", "Hold time", "Mood", NULL };
  static const char * const unknown[] = { "Ticket Nummer", "Eröffnet", NULL };
  g_autoptr(ScPresetBuilder) guess = sc_preset_builder_new_guess (presets, calls);
  g_autoptr(ScPresetBuilder) none = sc_preset_builder_new_guess (presets, unknown);
  g_auto(GStrv) missing = sc_preset_builder_dup_missing (guess);
  g_auto(GStrv) all_missing = sc_preset_builder_dup_missing (none);

  g_assert_cmpint (sc_preset_builder_get_record (guess), ==, SC_RECORD_INTERACTION);
  g_assert_cmpint (sc_preset_builder_get_kind (guess), ==, SC_KIND_CALL);
  g_assert_cmpstr (sc_preset_builder_get_header (guess, "external_id"), ==, "Call ID");
  g_assert_cmpstr (sc_preset_builder_get_header (guess, "agent"), ==, "Agent");
  g_assert_cmpstr (sc_preset_builder_get_header (guess, "talk_s"), ==, "Talk time");
  g_assert_cmpstr (sc_preset_builder_get_header (guess, "hold_s"), ==, "Hold time");
  g_assert_cmpstrv (missing, ((const char * const[]) { "created_at", NULL }));
  g_assert_cmpint (sc_preset_builder_get_record (none), ==, SC_RECORD_INTERACTION);
  g_assert_cmpstrv (all_missing, ((const char * const[]) { "external_id", "created_at", NULL }));
}


/* The mapping guessed for a test file from the presets that fit it most. */
static ScPresetBuilder *
guess_for_fixture (const char *name)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_path (csv, NULL);
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  g_assert_no_error (error);
  return sc_preset_builder_new_guess (presets, sc_csv_reader_get_header (reader));
}
/* A mapping started from a preset reads each column as the preset does:
 * the time of day in its own column, an inverted flag, the scale. */
static void
test_like_preset (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                "pwc-call-center.csv", NULL);
  g_autoptr(ScPresetBuilder) builder = guess_for_fixture ("pwc-call-center.csv");
  g_autoptr(ScPreset) preset = NULL;
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const ScFactRow *answered = NULL;

  preset = sc_preset_builder_build (builder, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sc_preset_get_id (preset), "custom-"));
  sc_importer_set_preset_object (importer, preset);
  result = sc_importer_run (importer, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, 3);
  g_assert_cmpint (result->counts.rejected, ==, 0);
  g_assert_true (sc_store_scan_interactions (f->store, FALSE, collect_row_cb, rows, &error));
  for (guint i = 0; i < rows->len; i++)
    if (((ScFactRow *) rows->pdata[i])->created_at == 1609492378)   /* 2021-01-01 09:12:58 */
      answered = rows->pdata[i];
  g_assert_nonnull (answered);
  g_assert_cmpint (answered->abandoned, ==, 0);   /* Answered (Y/N): Y */
  g_assert_cmpint (answered->talk_s, ==, 143);
  g_assert_cmpint (answered->csat_scale, ==, 5);
}

/* Builds the mapping and has @importer read with it. */
static ScPreset *
use_mapping (ScImporter      *importer,
             ScPresetBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  ScPreset *preset = sc_preset_builder_build (builder, &error);

  g_assert_no_error (error);
  sc_importer_set_preset_object (importer, preset);
  return preset;
}

/* Words of a column given a meaning by hand: the preview lists the words
 * the field does not read until they have one, and the import reads them. */
static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_TICKET);
  g_autoptr(ScPreset) preset = NULL;
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportPreview) preview = NULL;
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const ScImportPreviewColumn *column;
  const char * const unparsed[] = { "erledigt", "offen", NULL };

  /* Notiz read as yes/no, in words the flag parser does not know. */
  g_assert_true (sc_preset_builder_add_field (builder, "external_id", "Ticket Nummer", NULL, NULL, NULL));
  g_assert_true (sc_preset_builder_add_field (builder, "created_at", "Eröffnet", NULL, NULL, NULL));
  g_assert_true (sc_preset_builder_add_field (builder, "resolved", "Notiz", NULL, NULL, NULL));
  preset = use_mapping (importer, builder);
  preview = sc_importer_preview (importer, f->csv, 10, NULL, &error);
  g_assert_no_error (error);
  column = preview->columns->pdata[5];
  g_assert_cmpstr (column->field, ==, "resolved");
  g_assert_cmpuint (column->n_parsed, ==, 0);
  g_assert_cmpstrv (column->unparsed, unparsed);
  g_clear_pointer (&preview, sc_import_preview_free);
  g_clear_pointer (&preset, sc_preset_unref);

  /* Meanings only a yes/no field, a score or a text can have. */
  g_assert_false (sc_preset_builder_set_value (builder, "resolved", "erledigt", "yes", &error));
  assert_error_contains (error, "not “yes”");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_set_value (builder, "resolved", "  ", "1", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_set_value (builder, "csat", "gut", "5", &error));
  assert_error_contains (error, "No column is mapped to csat");
  g_clear_error (&error);
  g_assert_true (sc_preset_builder_add_field (builder, "handle_s", "Dauer", "min", NULL, NULL));
  g_assert_false (sc_preset_builder_set_value (builder, "handle_s", "lang", "60", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sc_preset_builder_set_value (builder, "resolved", " Erledigt ", "1", &error));
  g_assert_true (sc_preset_builder_set_value (builder, "resolved", "OFFEN", "", &error));
  g_assert_true (sc_preset_builder_set_value (builder, "resolved", "offen", "0", &error));
  g_assert_no_error (error);
  text = sc_preset_builder_to_data (builder, "acme", "Acme");
  sc_test_assert_contains (text, "Values=erledigt=1;offen=0;\n");
  preset = use_mapping (importer, builder);
  preview = sc_importer_preview (importer, f->csv, 10, NULL, &error);
  g_assert_no_error (error);
  column = preview->columns->pdata[5];
  g_assert_cmpuint (column->n_parsed, ==, 2);
  g_assert_null (column->unparsed[0]);

  result = sc_importer_run (importer, f->csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, 2);
  g_assert_cmpint (result->counts.rejected, ==, 1);   /* "lang" is no duration */
  g_assert_true (sc_store_scan_interactions (f->store, FALSE, collect_row_cb, rows, &error));
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const ScFactRow *row = rows->pdata[i];

      /* T-1 (2024-03-01) is done; T-2 says nothing. */
      g_assert_cmpint (row->resolved, ==, row->created_at == 1709283600 ? 1 : SC_MISSING);
    }
}

/* Words given by hand join those of the preset the field is read like. */
static void
test_values_like (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  ScPreset *jira = sc_preset_find (presets, "jira-service-management");
  g_autoptr(ScPresetBuilder) builder = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_TICKET);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int resolved;

  g_assert_nonnull (jira);
  resolved = sc_preset_find_field (jira, "resolved");
  g_assert_cmpint (resolved, >=, 0);
  g_assert_true (sc_preset_builder_add_field_like (builder, jira, sc_preset_get_field (jira, resolved),
                                                   "Resolution", NULL, NULL, &error));
  g_assert_true (sc_preset_builder_set_value (builder, "resolved", "Erledigt", "1", &error));
  g_assert_true (sc_preset_builder_set_value (builder, "resolved", "Duplicate", "0", &error));
  g_assert_no_error (error);
  text = sc_preset_builder_to_data (builder, "x", "X");
  sc_test_assert_contains (text, "cannot reproduce=1;done=1;duplicate=0;erledigt=1;fixed=1;");
  sc_test_assert_contains (text, "unresolved=0;");
}

/* A timestamp read from a date column and a time-of-day column, or from
 * its date alone over what the preset it is read like says. */
static void
test_time_of_day (Fixture       *f,
                  gconstpointer  data)
{
  static const char csv[] =
    "Nummer,Datum,Uhrzeit\n"
    "A-1,2024-03-01,09:15:30\n"
    "A-2,2024-03-02,17:05\n";
  g_autofree char *path = g_build_filename (f->dir, "split.csv", NULL);
  g_autoptr(GPtrArray) presets = sc_preset_load_all (NULL);
  ScPreset *pwc = sc_preset_find (presets, "pwc-call-center");
  g_autoptr(ScPresetBuilder) builder = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_CALL);
  g_autoptr(ScPresetBuilder) like = sc_preset_builder_new (SC_RECORD_INTERACTION, SC_KIND_CALL);
  g_autoptr(ScPreset) preset = NULL;
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *like_text = NULL;
  gint64 first = G_MAXINT64, last = 0;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  g_assert_false (sc_preset_builder_set_time_of_day (builder, "created_at", "Uhrzeit", &error));
  assert_error_contains (error, "No column is mapped to created_at");
  g_clear_error (&error);
  g_assert_true (sc_preset_builder_add_field (builder, "external_id", "Nummer", NULL, NULL, NULL));
  g_assert_true (sc_preset_builder_add_field (builder, "created_at", "Datum", NULL, NULL, NULL));
  g_assert_false (sc_preset_builder_set_time_of_day (builder, "external_id", "Uhrzeit", &error));
  assert_error_contains (error, "not a date");
  g_clear_error (&error);
  g_assert_false (sc_preset_builder_set_time_of_day (builder, "created_at", "Datum", &error));
  assert_error_contains (error, "holds the date of created_at already");
  g_clear_error (&error);
  g_assert_true (sc_preset_builder_set_time_of_day (builder, "created_at", " Uhrzeit ", &error));
  g_assert_no_error (error);
  text = sc_preset_builder_to_data (builder, "split", "Split");
  sc_test_assert_contains (text, "[Field created_at]\nHeaders=Datum;\nTimeHeaders=Uhrzeit;\n");

  preset = use_mapping (importer, builder);
  result = sc_importer_run (importer, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, 2);
  g_assert_true (sc_store_scan_interactions (f->store, FALSE, collect_row_cb, rows, &error));
  for (guint i = 0; i < rows->len; i++)
    {
      first = MIN (first, ((ScFactRow *) rows->pdata[i])->created_at);
      last = MAX (last, ((ScFactRow *) rows->pdata[i])->created_at);
    }
  g_assert_cmpint (first, ==, 1709284530);   /* 2024-03-01 09:15:30 UTC */
  g_assert_cmpint (last, ==, 1709399100);    /* 2024-03-02 17:05 UTC */

  /* Read like the PwC call log (Date and Time), then by its date alone. */
  g_assert_nonnull (pwc);
  g_assert_true (sc_preset_builder_add_field_like (like, pwc,
                                                   sc_preset_get_field (pwc, sc_preset_find_field (pwc, "created_at")),
                                                   "Date", NULL, NULL, &error));
  g_assert_no_error (error);
  like_text = sc_preset_builder_to_data (like, "x", "X");
  sc_test_assert_contains (like_text, "TimeHeaders=time;");
  g_clear_pointer (&like_text, g_free);
  g_assert_true (sc_preset_builder_set_time_of_day (like, "created_at", NULL, &error));
  like_text = sc_preset_builder_to_data (like, "x", "X");
  g_assert_null (strstr (like_text, "TimeHeaders"));
}

/* Imports a test file with the mapping guessed for it; @text gets the
 * mapping as a preset file, @fold how it folds rows. */
static ScImportResult *
import_guessed (Fixture     *f,
                const char  *name,
                char       **text,
                ScFoldMode  *fold)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(ScPresetBuilder) builder = guess_for_fixture (name);
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScPreset) preset = NULL;
  g_autoptr(GError) error = NULL;
  ScImportResult *result;

  *text = sc_preset_builder_to_data (builder, "x", "X");
  preset = use_mapping (importer, builder);
  *fold = sc_preset_get_fold (preset);
  result = sc_importer_run (importer, csv, NULL, &error);
  g_assert_no_error (error);
  return result;
}

/* A mapping started from a preset that folds rows folds them too. */
static void
test_fold_carried (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  ScFoldMode fold;
  g_autoptr(ScImportResult) result = import_guessed (f, "event-log.csv", &text, &fold);

  sc_test_assert_contains (text, "Fold=events\n");
  g_assert_cmpint (fold, ==, SC_FOLD_EVENTS);
  g_assert_cmpint (result->counts.rows_read, ==, 8);
  g_assert_cmpint (result->counts.inserted, ==, 2);
}

/* …and one started from an audit log reads only the rows it picks. */
static void
test_rows_carried (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  ScFoldMode fold;
  g_autoptr(ScImportResult) result = import_guessed (f, "servicenow-audit.csv", &text, &fold);

  sc_test_assert_contains (text, "[Rows]\nHeaders=fieldname;field name;\nValues=state;incident_state;\n");
  g_assert_cmpint (result->counts.inserted, ==, 2);
  g_assert_cmpint (result->counts.rejected, ==, 0);
}

/* A file whose first line is data, not names, says so. */
static void
test_no_header (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "no-header.csv", NULL);
  g_autoptr(ScImporter) importer = sc_importer_new (f->store);
  g_autoptr(ScImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (csv, "1001,2024-03-01 09:00,12.5\n1002,2024-03-02 10:00,3\n",
                                      -1, NULL));
  result = sc_importer_run (importer, csv, NULL, &error);
  g_assert_null (result);
  assert_error_contains (error, "the file has no header");
  assert_error_contains (error, "1001, 2024-03-01 09:00, 12.5");
}

/* Runs scorecard-cli --db DB import ARGS… (NULL-terminated). */
static void
import_cli (ScTestRun  *run,
            const char *cli,
            const char *db,
            ...)
{
  va_list args;

  va_start (args, db);
  sc_test_run_cli_va (run, NULL, cli, db, "import", args);
  va_end (args);
}

/* scorecard-cli import --preset FILE.preset takes a saved preset file. */
static void
test_cli_preset_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ScPresetBuilder) builder = acme_builder ();
  g_autofree char *cli = sc_test_cli_path ();
  g_autofree char *db = g_build_filename (f->dir, "cli.sqlite", NULL);
  g_autofree char *text = sc_preset_builder_to_data (builder, "acme-file", "Acme from a file");
  g_autofree char *preset = g_build_filename (f->dir, "acme.preset", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.preset", NULL);
  g_auto(ScTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (preset, text, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "[Preset]\nId=x\n", -1, NULL));
  import_cli (&run, cli, db, "--json", "--preset", preset, f->csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sc_test_assert_contains (run.out, "\"preset\": \"acme-file\"");
  sc_test_assert_contains (run.out, "\"inserted\": 2");
  sc_test_assert_contains (run.out, "\"rejected\": 1");
  import_cli (&run, cli, db, "--preset", broken, f->csv, NULL);
  g_assert_cmpint (run.status, !=, 0);
  sc_test_assert_contains (run.err, "broken.preset: The preset “x” has no fields");
  /* An id still names a preset. */
  import_cli (&run, cli, db, "--preset", "zendesk", f->csv, NULL);
  g_assert_cmpint (run.status, !=, 0);
  sc_test_assert_contains (run.err, "matches no known export");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Saved presets go to a folder of the test, never the user's. */
  data_home = sc_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scorecard/preset-builder/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("import", test_import);
  ADD ("preview-partial", test_preview_partial);
  ADD ("save-detect", test_save_detect);
  ADD ("names", test_names);
  ADD ("missing-and-bad-fields", test_missing_and_bad_fields);
  ADD ("guess", test_guess);
  ADD ("like-preset", test_like_preset);
  ADD ("values", test_values);
  ADD ("values-like", test_values_like);
  ADD ("time-of-day", test_time_of_day);
  ADD ("fold-carried", test_fold_carried);
  ADD ("rows-carried", test_rows_carried);
  ADD ("no-header", test_no_header);
  ADD ("cli-preset-file", test_cli_preset_file);

#undef ADD

  status = g_test_run ();
  sc_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
