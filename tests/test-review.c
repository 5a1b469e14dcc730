/* test-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly review on the demo store: its numbers against the engine's,
 * its findings against the numbers they cite, the PDF (pdfinfo, pdftotext,
 * pages rendered with pdftoppm for a person to look at), the CSV pack and
 * frozen reviews.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-chart-axis.h"
#include "sc-csv-reader.h"
#include "sc-demo.h"
#include "sc-engine.h"
#include "sc-metric-series.h"
#include "sc-review-csv.h"
#include "sc-review-pdf.h"
#include "sc-target.h"
#include "sc-test-util.h"

typedef struct
{
  char     *dir;
  ScStore  *store;
  ScEngine *engine;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ScDemoOptions options;
  ScImportCounts counts = { 0 };

  f->dir = sc_test_make_tmpdir ();
  path = g_build_filename (f->dir, "store.db", NULL);
  f->store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sc_demo_options_init (&options);
  options.end_year = 2026;
  options.end_month = 10;
  options.months = 15;
  /* The tests set the targets they check. */
  options.targets = FALSE;
  g_assert_true (sc_demo_generate (f->store, &options, NULL, &counts, &error));
  g_assert_no_error (error);
  f->engine = sc_engine_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->store);
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
}

static ScReview *
compute (Fixture    *f,
         const char *by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReviewOptions) options = sc_review_options_new ("2026-10");
  g_autoptr(GPtrArray) known = sc_store_list_dimensions (f->store, &error);
  ScReview *review;

  g_assert_no_error (error);
  g_assert_true (sc_review_options_set_dimensions (options, known, by, &error));
  options->organisation = g_strdup ("Northwind Support");
  options->author = g_strdup ("Test Manager");
  options->now = 1795000000;
  review = sc_review_compute (f->engine, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
  return review;
}

static gboolean
run (const char * const  *argv,
     char               **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, out, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo != NULL && pdftotext != NULL)
    return TRUE;
  g_test_skip ("poppler-utils (pdfinfo, pdftotext) are not installed");
  return FALSE;
}

/* Text with every run of white space made one space, so sentences that
 * the PDF wraps compare equal. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);
  const char *argv[] = { "pdftotext", "-f", first, "-l", last, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;

  g_assert_true (run (argv, &out));
  return squeeze (out);
}

static char *
pdf_info_field (const char *info,
                const char *field)
{
  g_autofree char *pattern = g_strdup_printf ("^%s:\\s*(.*)$", field);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, info, 0, &match))
    return NULL;
  return g_strstrip (g_match_info_fetch (match, 1));
}

/* ---- The numbers ----------------------------------------------------------- */

static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ScReview) review = compute (f, "channel,team");
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint32 from, to;

  g_assert_cmpstr (review->period_label, ==, "October 2026");
  g_assert_cmpstr (review->compare_label, ==, "September 2026");
  g_assert_cmpuint (review->headlines->len, ==, 10);
  g_assert_cmpuint (review->sections->len, ==, 10);
  g_assert_cmpuint (review->grouped->len, ==, 2);

  g_assert_true (sc_period_parse ("2026-10", &from, &to, NULL));
  sc_query_add_all_metrics (query);
  sc_query_set_range (query, from, to);
  sc_query_set_comparison (query, SC_COMPARE_PREVIOUS);
  result = sc_engine_run (f->engine, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetricValue *v = sc_query_result_get_value (result, row->metric, 0, -1);

      g_assert_cmpfloat_with_epsilon (row->value.value, v->value, 1e-9);
      g_assert_cmpint (row->value.n, ==, v->n);
      g_assert_cmpfloat_with_epsilon (row->value.compare_value, v->compare_value, 1e-9);
      g_assert_cmpint (row->value.significant, ==, v->significant);
      /* No targets exist: the status says so, with no number. */
      g_assert_cmpint (row->status, ==, SC_REVIEW_STATUS_NO_TARGET);
      g_assert_true (isnan (row->target) && isnan (row->attainment));
    }
  /* The trend has 13 months ending with the review's. */
  for (guint i = 0; i < review->sections->len; i++)
    {
      const ScReviewSection *section = g_ptr_array_index (review->sections, i);
      const ScReviewHeadline *row = sc_review_get_headline (review, section->metric);
      const ScChartPoint *last;

      g_assert_cmpuint (sc_chart_series_get_n_points (section->trend), ==, 13);
      last = sc_chart_series_get_point (section->trend, 12);
      g_assert_cmpfloat_with_epsilon (last->value, row->value.value, 1e-9);
      g_assert_cmpuint (section->breakdowns->len, ==, 2);
    }
}

static const ScReviewFinding *
find_finding (const ScReview      *review,
              ScReviewFindingKind  kind)
{
  for (guint i = 0; i < review->findings->len; i++)
    {
      const ScReviewFinding *finding = g_ptr_array_index (review->findings, i);

      if (finding->kind == kind)
        return finding;
    }
  return NULL;
}

/* A finding cites the headline table's numbers, as the table writes them. */
static void
check_cited_change (const ScReview        *review,
                    const ScReviewFinding *finding,
                    int                    verdict)
{
  const ScReviewHeadline *row = sc_review_get_headline (review, finding->metric);
  const ScMetric *metric = sc_metric_get (finding->metric);
  g_autofree char *now = sc_metric_format_display (metric, row->value.value);
  g_autofree char *then = sc_metric_format_display (metric, row->value.compare_value);
  g_autofree char *change = sc_metric_format_change (metric, row->value.change);
  double sign = row->direction == SC_DIRECTION_LOWER_IS_BETTER ? -1 : 1;

  g_assert_nonnull (row);
  g_assert_cmpfloat (finding->value, ==, row->value.value);
  g_assert_cmpfloat (finding->compare_value, ==, row->value.compare_value);
  g_assert_true (row->value.significant);
  g_assert_cmpfloat (sign * row->value.change * verdict, >, 0);
  g_assert_nonnull (strstr (finding->text, _(metric->name)));
  g_assert_nonnull (strstr (finding->text, now));
  g_assert_nonnull (strstr (finding->text, then));
  g_assert_nonnull (strstr (finding->text, change));
  /* It is the largest such change among the headline metrics. */
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *other = &g_array_index (review->headlines, ScReviewHeadline, i);
      double other_sign = other->direction == SC_DIRECTION_LOWER_IS_BETTER ? -1 : 1;

      if (other == row || !other->value.significant || other->direction == SC_DIRECTION_NEUTRAL
          || other_sign * other->value.change * verdict <= 0)
        continue;
      g_assert_cmpfloat (fabs (other->value.change) / (sc_metric_get (other->metric)->unit == SC_UNIT_NPS
                                                       ? 100 : fabs (other->value.compare_value)),
                         <=,
                         fabs (row->value.change) / (metric->unit == SC_UNIT_NPS
                                                     ? 100 : fabs (row->value.compare_value)));
    }
}

static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ScReview) review = compute (f, "channel");
  const ScReviewFinding *improvement = find_finding (review, SC_REVIEW_FINDING_IMPROVEMENT);
  const ScReviewFinding *decline = find_finding (review, SC_REVIEW_FINDING_DECLINE);
  const ScReviewFinding *steady = find_finding (review, SC_REVIEW_FINDING_STEADY);
  const ScReviewFinding *targets = find_finding (review, SC_REVIEW_FINDING_TARGETS);
  guint within_noise = 0;

  g_assert_cmpuint (review->findings->len, >=, 3);
  g_assert_cmpuint (review->findings->len, <=, 5);
  g_assert_nonnull (improvement);
  g_assert_nonnull (decline);
  if (improvement->metric < SC_METRIC_N)
    check_cited_change (review, improvement, 1);
  if (decline->metric < SC_METRIC_N)
    {
      const ScReviewSection *section = NULL;
      const ScDrivers *drivers;
      g_autofree char *part = NULL;

      check_cited_change (review, decline, -1);
      /* Its driver is the channel with the largest contribution in the
       * direction of the change, as the drivers table lists it. */
      for (guint i = 0; i < review->sections->len; i++)
        if (((ScReviewSection *) g_ptr_array_index (review->sections, i))->metric == decline->metric)
          section = g_ptr_array_index (review->sections, i);
      drivers = ((ScReviewBreakdown *) g_ptr_array_index (section->breakdowns, 0))->drivers;
      g_assert_nonnull (decline->driver);
      for (guint s = 0; s < drivers->segments->len; s++)
        {
          const ScDriverSegment *segment = g_ptr_array_index (drivers->segments, s);

          if (segment->contribution * drivers->change > 0)
            {
              g_assert_cmpstr (segment->label, ==, decline->driver);
              g_assert_cmpfloat (segment->contribution, ==, decline->driver_contribution);
              break;
            }
        }
      part = sc_metric_format_change (sc_metric_get (decline->metric), decline->driver_contribution);
      g_assert_nonnull (strstr (decline->text, decline->driver));
      g_assert_nonnull (strstr (decline->text, part));
    }
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);

      if (row->metric != SC_METRIC_VOLUME && !row->value.significant)
        {
          within_noise++;
          g_assert_nonnull (strstr (steady->text, _(sc_metric_get (row->metric)->name)));
        }
    }
  g_assert_cmpuint (steady->count, ==, within_noise);
  g_assert_nonnull (strstr (targets->text, "No targets are set"));
}

/* ---- The PDF --------------------------------------------------------------- */

static void
render_pages (const char *pdf,
              const char *name)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "review-pages", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  const char *argv[] = { "pdftoppm", "-r", "70", "-png", pdf, prefix, NULL };

  if (pdftoppm == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (run (argv, NULL));
  g_test_message ("Pages rendered to %s-*.png", prefix);
}

static int
toc_page (const char *cover,
          const char *title)
{
  g_autofree char *pattern = g_strdup_printf ("%s (\\d+)", title);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  g_assert_true (g_regex_match (regex, cover, 0, &match));
  number = g_match_info_fetch (match, 1);
  return atoi (number);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "review.pdf", NULL);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *created = NULL;
  g_autofree char *summary = NULL;
  int n_pages = 0;

  if (!have_poppler ())
    return;
  g_assert_cmpint (sc_store_add_annotation (f->store, "2026-10-14", "csat",
                                            "New macro for refund requests went live", &error), >, 0);
  g_assert_no_error (error);
  review = compute (f, "channel,team");
  g_assert_cmpuint (review->annotations->len, ==, 1);
  g_assert_true (sc_review_write_pdf (review, path, SC_PAPER_A4, &n_pages, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  render_pages (path, "review-a4");

  g_assert_true (run (info_argv, &info));
  pages = pdf_info_field (info, "Pages");
  title = pdf_info_field (info, "Title");
  author = pdf_info_field (info, "Author");
  g_assert_cmpint (atoi (pages), ==, n_pages);
  /* Cover, summary, one page at least per metric, notes and method. */
  g_assert_cmpint (n_pages, >=, 2 + (int) review->sections->len + 1);
  g_assert_cmpstr (title, ==, "Service review — October 2026");
  g_assert_cmpstr (author, ==, "Test Manager");
  g_assert_nonnull (strstr (info, "A4"));
  created = pdf_info_field (info, "CreationDate");
  g_assert_nonnull (created);

  /* Every headline number, as the engine computed it, is in the text. */
  text = pdf_text (path, 0);
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetric *metric = sc_metric_get (row->metric);
      g_autofree char *value = sc_metric_format_display (metric, row->value.value);
      g_autofree char *before = sc_metric_format_display (metric, row->value.compare_value);
      g_autofree char *n = sc_chart_format_value (SC_CHART_UNIT_COUNT, row->value.n, NULL);

      g_assert_nonnull (strstr (text, value));
      g_assert_nonnull (strstr (text, before));
      g_assert_nonnull (strstr (text, n));
    }
  for (guint i = 0; i < review->findings->len; i++)
    {
      const ScReviewFinding *finding = g_ptr_array_index (review->findings, i);
      g_autofree char *sentence = squeeze (finding->text);

      g_assert_nonnull (strstr (text, sentence));
    }
  g_assert_nonnull (strstr (text, "New macro for refund requests went live"));
  g_assert_nonnull (strstr (text, "No target set"));

  /* The table of contents points at the right pages. */
  cover = pdf_text (path, 1);
  for (guint i = 0; i < review->sections->len; i++)
    {
      const ScReviewSection *section = g_ptr_array_index (review->sections, i);
      const char *name = _(sc_metric_get (section->metric)->name);
      g_autofree char *escaped = g_regex_escape_string (name, -1);
      g_autofree char *page = pdf_text (path, toc_page (cover, escaped));

      g_assert_true (g_str_has_prefix (page, name) || g_str_has_prefix (page + 1, name));
    }
  summary = pdf_text (path, toc_page (cover, "Summary"));
  g_assert_true (g_str_has_prefix (summary, "Summary"));
}

static void
test_pdf_letter (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ScReview) review = compute (f, "team");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "letter.pdf", NULL);
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;

  if (!have_poppler ())
    return;
  g_assert_true (sc_review_write_pdf (review, path, SC_PAPER_LETTER, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (run (argv, &info));
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  render_pages (path, "review-letter");

  /* The shorter page does not split the table of contents: whichever page
   * it starts on holds its last entry too. */
  for (int page = 1; page <= 2; page++)
    {
      g_autofree char *text = pdf_text (path, page);

      if (strstr (text, "Contents") == NULL)
        continue;
      g_assert_nonnull (strstr (text, "How the numbers are computed"));
      g_assert_nonnull (strstr (text, "Appendix: behind the missed targets"));
      return;
    }
  g_assert_not_reached ();
}

static void
test_paper_setting (void)
{
  ScPaper paper;

  g_assert_cmpint (sc_paper_from_setting ("letter"), ==, SC_PAPER_LETTER);
  g_assert_cmpint (sc_paper_from_setting ("A4"), ==, SC_PAPER_A4);
  /* The tests run in C.UTF-8, which has no territory: A4. */
  g_assert_cmpint (sc_paper_from_setting ("auto"), ==, SC_PAPER_A4);
  g_assert_cmpint (sc_paper_from_setting (NULL), ==, SC_PAPER_A4);
  g_assert_false (sc_paper_from_string ("legal", &paper));
}

/* ---- The CSV pack ---------------------------------------------------------- */

static void
test_csv_escaping (void)
{
  static const struct { const char *in; const char *out; } texts[] = {
    { "Email", "Email" },
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+1 555", "\"'+1 555\"" },
    { "-5", "\"'-5\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tTab", "\"'\tTab\"" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "", "" },
  };
  static const struct { double in; const char *out; } numbers[] = {
    { -5.25, "-5.25" }, { 2427, "2427" }, { -25, "-25" }, { 0.1, "0.1" }, { NAN, "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      sc_csv_append_text (out, texts[i].in);
      g_assert_cmpstr (out->str, ==, texts[i].out);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      sc_csv_append_number (out, numbers[i].in);
      g_assert_cmpstr (out->str, ==, numbers[i].out);
    }
}

static char *
field (const ScCsvRecord *record,
       guint              index)
{
  g_assert_cmpuint (index, <, record->n_fields);
  return g_strndup (record->fields[index].data, record->fields[index].len);
}

static void
test_csv_pack (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "pack", NULL);
  g_autofree char *summary = g_build_filename (dir, "summary.csv", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.csv", NULL);
  g_autoptr(ScCsvReader) reader = NULL;
  const ScCsvRecord *record;
  guint row = 0;

  sc_store_add_annotation (f->store, "2026-10-02", NULL, "=cmd|' /C calc'!A0", &error);
  g_assert_no_error (error);
  review = compute (f, "channel,team");
  g_assert_true (sc_review_write_csv (review, dir, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 8);

  /* Numbers and dates read back as written. */
  reader = sc_csv_reader_new_for_path (summary, &error);
  g_assert_no_error (error);
  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  g_assert_cmpstr (sc_csv_reader_get_header (reader)[4], ==, "value");
  while ((record = sc_csv_reader_next (reader, &error)) != NULL)
    {
      const ScReviewHeadline *headline = &g_array_index (review->headlines, ScReviewHeadline, row++);
      g_autofree char *id = field (record, 0);
      g_autofree char *start = field (record, 2);
      g_autofree char *value = field (record, 4);
      g_autofree char *n = field (record, 6);
      g_autofree char *change = field (record, 12);
      gint32 day;

      g_assert_cmpstr (id, ==, sc_metric_get (headline->metric)->id_string);
      g_assert_true (sc_calendar_parse_date (start, &day));
      g_assert_cmpint (day, ==, review->from_day);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (value, NULL), headline->value.value,
                                      1e-8 * MAX (1, fabs (headline->value.value)));
      g_assert_cmpint (g_ascii_strtoll (n, NULL, 10), ==, headline->value.n);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (change, NULL), headline->value.change,
                                      1e-8 * MAX (1, fabs (headline->value.change)));
      /* A negative change is a number, not escaped text. */
      g_assert_true (change[0] != '\'');
    }
  g_assert_no_error (error);
  g_assert_cmpuint (row, ==, review->headlines->len);

  /* A note that reads as a formula is escaped. */
  g_clear_pointer (&reader, sc_csv_reader_free);
  reader = sc_csv_reader_new_for_path (notes, &error);
  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  record = sc_csv_reader_next (reader, &error);
  g_assert_nonnull (record);
  {
    g_autofree char *text = field (record, 2);

    g_assert_cmpstr (text, ==, "'=cmd|' /C calc'!A0");
  }
}

/* ---- Frozen reviews -------------------------------------------------------- */

static void
import_more (Fixture *f,
             int      n)
{
  g_autoptr(GError) error = NULL;
  ScImportInfo info = { .file_name = "late-tickets.csv", .checksum = "late", .source = "late" };
  g_autoptr(ScStoreBatch) batch = sc_store_begin_import (f->store, &info, &error);
  ScImportCounts counts = { .rows_read = n };

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("late-%d", i);
      ScInteraction interaction;

      sc_interaction_init (&interaction);
      interaction.external_id = id;
      /* 2026-10-15 12:00 UTC */
      interaction.created_at = 1791979200 + i * 60;
      interaction.dims[SC_DIM_CHANNEL] = "Email";
      g_assert_true (sc_store_batch_add_interaction (batch, &interaction, NULL, &error));
    }
  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  g_assert_no_error (error);
}

/* A field kept from an import breaks the review down like any dimension:
 * bars, drivers and segment names in the PDF, a CSV file of its own. */
static void
test_custom_dimension (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const plans[] = { "Gold", "Silver", "Bronze" };
  g_autoptr(GError) error = NULL;
  ScImportInfo info = { .file_name = "plans.csv", .checksum = "plans", .source = "plans" };
  g_autoptr(ScStoreBatch) batch = sc_store_begin_import (f->store, &info, &error);
  ScImportCounts counts = { .rows_read = 90 };
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "plans", NULL);
  g_autofree char *csv = g_build_filename (dir, "breakdown-plan.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "plans.pdf", NULL);
  const ScQueryResult *by_plan = NULL;
  ScDimension plan;

  g_assert_no_error (error);
  g_assert_true (sc_store_batch_add_dimension (batch, "Plan", &plan, &error));
  for (int i = 0; i < 90; i++)
    {
      g_autofree char *id = g_strdup_printf ("plan-%d", i);
      ScInteraction interaction;

      sc_interaction_init (&interaction);
      interaction.external_id = id;
      /* 2026-10-15 12:00 UTC onwards */
      interaction.created_at = 1791979200 + i * 600;
      interaction.dims[SC_DIM_CHANNEL] = "Email";
      interaction.dims[plan] = plans[i % 3];
      interaction.survey_offered = 1;
      interaction.csat = i % 3 == 0 ? 5 : 2;
      g_assert_true (sc_store_batch_add_interaction (batch, &interaction, NULL, &error));
    }
  g_assert_true (sc_store_batch_commit (batch, &counts, &error));
  g_assert_no_error (error);

  review = compute (f, "plan,channel");
  g_assert_cmpint (g_array_index (review->options->dimensions, ScDimension, 0), ==, plan);
  for (guint i = 0; i < review->grouped->len; i++)
    if (((const ScQueryResult *) review->grouped->pdata[i])->group_by == plan)
      by_plan = review->grouped->pdata[i];
  g_assert_nonnull (by_plan);
  g_assert_cmpint (sc_query_result_find_segment (by_plan, "Gold"), >=, 0);
  g_assert_cmpstr (sc_review_get_dimension_label (review, plan), ==, "Plan");

  g_assert_true (sc_review_write_csv (review, dir, &files, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  if (!have_poppler ())
    return;
  g_assert_true (sc_review_write_pdf (review, pdf, SC_PAPER_A4, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = pdf_text (pdf, 0);

    sc_test_assert_contains (text, "By Plan");
  }
}

static const ScReviewRestatement *
find_restatement (const ScReview *review,
                  const char     *key)
{
  for (guint i = 0; i < review->restatements->len; i++)
    {
      const ScReviewRestatement *r = g_ptr_array_index (review->restatements, i);

      if (g_str_equal (r->key, key))
        return r;
    }
  return NULL;
}

static void
test_freeze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ScReview) first = compute (f, "channel");
  g_autoptr(ScReview) again = NULL;
  g_autoptr(ScReview) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "restated.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "restated", NULL);
  const ScReviewRestatement *volume;
  const ScReviewRestatement *email;
  double frozen_volume = sc_review_get_headline (first, SC_METRIC_VOLUME)->value.value;

  g_assert_cmpint (first->snapshot_at, ==, 0);
  g_assert_true (sc_review_freeze (first, f->store, &error));
  g_assert_no_error (error);

  /* Nothing changed: the frozen review is found, nothing is restated. */
  again = compute (f, "channel");
  g_assert_cmpint (again->snapshot_at, ==, first->generated_at);
  g_assert_cmpuint (again->restatements->len, ==, 0);

  /* A later import adds 40 October emails. */
  import_more (f, 40);
  later = compute (f, "channel");
  g_assert_cmpfloat (sc_review_get_headline (later, SC_METRIC_VOLUME)->value.value, ==, frozen_volume + 40);
  volume = find_restatement (later, "h/volume/value");
  g_assert_nonnull (volume);
  g_assert_cmpfloat (volume->frozen, ==, frozen_volume);
  g_assert_cmpfloat (volume->current, ==, frozen_volume + 40);
  email = find_restatement (later, "b/channel/volume/Email/value");
  g_assert_nonnull (email);
  g_assert_cmpfloat (email->current - email->frozen, ==, 40);
  /* September was not touched. */
  g_assert_null (find_restatement (later, "h/volume/compare"));

  if (have_poppler ())
    {
      g_autofree char *text = NULL;
      g_autofree char *frozen_text = sc_chart_format_value (SC_CHART_UNIT_COUNT, frozen_volume, NULL);
      g_autofree char *now_text = sc_chart_format_value (SC_CHART_UNIT_COUNT, frozen_volume + 40, NULL);

      g_assert_true (sc_review_write_pdf (later, path, SC_PAPER_A4, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      text = pdf_text (path, 0);
      g_assert_nonnull (strstr (text, "Restated since the frozen review"));
      g_assert_nonnull (strstr (text, frozen_text));
      g_assert_nonnull (strstr (text, now_text));
      g_assert_nonnull (strstr (text, "+40"));
    }
  g_assert_true (sc_review_write_csv (later, csv, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *restated = g_build_filename (csv, "restatements.csv", NULL);

    g_assert_true (g_file_test (restated, G_FILE_TEST_EXISTS));
  }
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ScReviewOptions) options = sc_review_options_new ("2026-10");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReview) review = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);

  g_cancellable_cancel (cancellable);
  review = sc_review_compute (f->engine, options, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (review);
  g_clear_error (&error);

  review = sc_review_compute (f->engine, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sc_review_write_pdf (review, path, SC_PAPER_A4, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ScReviewOptions) options = sc_review_options_new ("2026-13");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GPtrArray) known = sc_store_list_dimensions (f->store, NULL);

  review = sc_review_compute (f->engine, options, NULL, NULL, NULL, &error);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-13"));
  g_clear_error (&error);
  g_assert_false (sc_review_options_set_dimensions (options, known, "channel,teams", &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "teams"));
  g_clear_error (&error);

  /* A period without interactions says where the data is. */
  g_free (options->period);
  options->period = g_strdup ("2020-01");
  review = sc_review_compute (f->engine, options, NULL, NULL, NULL, &error);
  g_assert_null (review);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No interactions were created in January 2020; the data covers "));
}

/* ---- Targets and the appendix ---------------------------------------------- */

static void
set_target (ScStore    *store,
            ScMetricId  metric,
            const char *segment,
            const char *period,
            double      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) target = NULL;
  ScTargetPeriod p;
  ScTargetEdit edit;

  g_assert_true (sc_target_period_parse (period, &p, &error));
  g_assert_no_error (error);
  target = sc_target_new (metric, segment, &p, value);
  edit = (ScTargetEdit) { target, FALSE };
  /* Set before the review's period ended, so it is in force for it. */
  g_assert_true (sc_store_apply_target_edits (store, &edit, 1, 1780000000, NULL, NULL, &error));
  g_assert_no_error (error);
}

static const ScReviewAppendix *
find_appendix (const ScReview *review,
               ScMetricId      metric)
{
  for (guint i = 0; i < review->appendix->len; i++)
    {
      const ScReviewAppendix *appendix = g_ptr_array_index (review->appendix, i);

      if (appendix->metric == metric)
        return appendix;
    }
  return NULL;
}

/* The segment rows of one metric and dimension are worst first, take the
 * segment's own target over the metric's, and their values are the
 * breakdown's. */
static void
check_segment_targets (const ScReview *review,
                       ScMetricId      metric,
                       guint           dim_index,
                       double          overall,
                       const char     *own_segment,
                       double          own)
{
  const ScQueryResult *result = g_ptr_array_index (review->grouped, dim_index);
  double previous = -INFINITY;
  guint seen = 0;

  for (guint i = 0; i < review->segment_targets->len; i++)
    {
      const ScReviewSegmentTarget *row = g_ptr_array_index (review->segment_targets, i);
      int s;
      const ScMetricValue *v;

      if (row->metric != metric || row->order != (int) dim_index)
        continue;
      seen++;
      s = sc_query_result_find_segment (result, row->segment);
      g_assert_cmpint (s, >=, 0);
      v = sc_query_result_get_value (result, metric, 0, s);
      g_assert_cmpfloat (row->value, ==, v->value);
      g_assert_cmpint (row->n, ==, v->n);
      g_assert_cmpfloat (row->target, ==, own_segment && g_str_equal (row->segment, own_segment) ? own : overall);
      if (!isnan (row->attainment))
        {
          g_assert_cmpfloat (row->attainment, >=, previous);
          previous = row->attainment;
        }
    }
  g_assert_cmpuint (seen, >, 1);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "pack", NULL);
  g_autofree char *appendix_csv = g_build_filename (dir, "appendix.csv", NULL);
  g_autofree char *csv = NULL;
  const ScReviewHeadline *csat, *aht, *volume;
  const ScReviewAppendix *appendix;
  const ScReviewFinding *finding;
  const ScChartSeries *trend = NULL;
  guint missed = 0;

  set_target (f->store, SC_METRIC_CSAT, "", "2026", 84);
  set_target (f->store, SC_METRIC_CSAT, "channel=Chat", "2026-10", 88);
  set_target (f->store, SC_METRIC_AHT, "", "from 2026-01-01", 480);
  review = compute (f, "channel,team");

  /* The headline rows against sc_attainment_compute() on their own values. */
  csat = sc_review_get_headline (review, SC_METRIC_CSAT);
  aht = sc_review_get_headline (review, SC_METRIC_AHT);
  volume = sc_review_get_headline (review, SC_METRIC_VOLUME);
  g_assert_true (review->has_targets);
  g_assert_cmpfloat (csat->target, ==, 84);
  g_assert_cmpfloat (aht->target, ==, 480);
  g_assert_true (isnan (volume->target));
  g_assert_cmpint (volume->status, ==, SC_REVIEW_STATUS_NO_TARGET);
  g_assert_cmpfloat_with_epsilon (csat->attainment, 100 * csat->value.value / 84, 1e-9);
  g_assert_cmpfloat_with_epsilon (aht->attainment, 100 * 480 / aht->value.value, 1e-9);
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      ScAttainment expected;

      if (isnan (row->target))
        continue;
      sc_attainment_compute (row->metric, review->settings, row->target, 0.05, row->value.value, &expected);
      g_assert_cmpfloat (row->at_risk_limit, ==, expected.at_risk_limit);
      g_assert_cmpfloat (row->attainment, ==, expected.attainment);
      /* The two enumerations name the same states in the same order. */
      g_assert_cmpint (row->status, ==, (int) expected.status);
      missed += row->status == SC_REVIEW_STATUS_MISSED;
    }

  /* The trend carries each period's target: none before 2026. */
  for (guint i = 0; i < review->sections->len; i++)
    if (((ScReviewSection *) g_ptr_array_index (review->sections, i))->metric == SC_METRIC_CSAT)
      trend = ((ScReviewSection *) g_ptr_array_index (review->sections, i))->trend;
  g_assert_nonnull (trend);
  g_assert_cmpuint (sc_chart_series_get_n_points (trend), ==, 13);
  g_assert_cmpfloat (sc_chart_series_get_point (trend, 12)->target, ==, 84);
  g_assert_true (isnan (sc_chart_series_get_point (trend, 0)->target));

  check_segment_targets (review, SC_METRIC_CSAT, 0, 84, "Chat", 88);
  check_segment_targets (review, SC_METRIC_CSAT, 1, 84, NULL, 0);
  check_segment_targets (review, SC_METRIC_AHT, 0, 480, NULL, 0);

  /* The findings count the missed targets. */
  finding = g_ptr_array_index (review->findings, review->findings->len - 1);
  g_assert_cmpint (finding->kind, ==, SC_REVIEW_FINDING_TARGETS);
  g_assert_cmpuint (finding->count, ==, missed);
  g_assert_cmpuint (missed, >=, 1);

  /* Every missed target has its worst segment in the appendix, and its
   * interactions are the ones counted in the segment's value, worst first. */
  g_assert_cmpuint (review->appendix->len, ==, missed);
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScReviewSegmentTarget *worst = NULL;
      double previous;

      if (row->status != SC_REVIEW_STATUS_MISSED)
        continue;
      appendix = find_appendix (review, row->metric);
      g_assert_nonnull (appendix);
      for (guint s = 0; s < review->segment_targets->len; s++)
        {
          const ScReviewSegmentTarget *seg = g_ptr_array_index (review->segment_targets, s);

          if (seg->metric == row->metric && !seg->insufficient && !isnan (seg->attainment)
              && (worst == NULL || seg->attainment < worst->attainment))
            worst = seg;
        }
      g_assert_cmpstr (appendix->segment, ==, worst->segment);
      g_assert_cmpint (appendix->dim, ==, worst->dim);
      g_assert_cmpint (appendix->total, ==, worst->n);
      g_assert_cmpuint (appendix->rows->len, ==, MIN (20, worst->n));
      previous = row->direction == SC_DIRECTION_LOWER_IS_BETTER ? INFINITY : -INFINITY;
      for (guint r = 0; r < appendix->rows->len; r++)
        {
          const ScReviewAppendixRow *a = g_ptr_array_index (appendix->rows, r);

          g_assert_true (g_str_has_prefix (a->external_id, "D-"));
          g_assert_nonnull (a->value_text);
          if (worst->dim == SC_DIM_CHANNEL)
            g_assert_cmpstr (a->channel, ==, worst->segment);
          else if (worst->dim == SC_DIM_TEAM)
            g_assert_cmpstr (a->team, ==, worst->segment);
          if (row->direction == SC_DIRECTION_LOWER_IS_BETTER)
            g_assert_cmpfloat (a->value, <=, previous);
          else
            g_assert_cmpfloat (a->value, >=, previous);
          previous = a->value;
        }
    }

  /* The CSV pack has the targets and the appendix, ids as text. */
  g_assert_true (sc_review_write_csv (review, dir, &files, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (appendix_csv, &csv, NULL, &error));
  appendix = g_ptr_array_index (review->appendix, 0);
  g_assert_nonnull (strstr (csv, ((ScReviewAppendixRow *) g_ptr_array_index (appendix->rows, 0))->external_id));
  g_assert_true (g_str_has_prefix (csv, "metric,dimension,segment,interaction,created,"));

  /* And the PDF shows them. */
  if (have_poppler ())
    {
      g_autofree char *path = g_build_filename (f->dir, "targets.pdf", NULL);
      g_autofree char *text = NULL;
      const ScReviewAppendixRow *first = g_ptr_array_index (appendix->rows, 0);
      int n_pages = 0;

      g_assert_true (sc_review_write_pdf (review, path, SC_PAPER_A4, &n_pages, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      render_pages (path, "review-targets");
      text = pdf_text (path, 0);
      g_assert_nonnull (strstr (text, "Target attainment"));
      g_assert_nonnull (strstr (text, "CSAT by Channel"));
      g_assert_nonnull (strstr (text, "Appendix: behind the missed targets"));
      g_assert_nonnull (strstr (text, first->external_id));
      g_assert_nonnull (strstr (text, first->value_text));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/scorecard/review/numbers", test_numbers);
  ADD ("/scorecard/review/findings", test_findings);
  ADD ("/scorecard/review/pdf", test_pdf);
  ADD ("/scorecard/review/pdf-letter", test_pdf_letter);
  ADD ("/scorecard/review/csv-pack", test_csv_pack);
  ADD ("/scorecard/review/freeze", test_freeze);
  ADD ("/scorecard/review/cancel", test_cancel);
  ADD ("/scorecard/review/bad-options", test_bad_options);
  ADD ("/scorecard/review/targets", test_targets);
  ADD ("/scorecard/review/custom-dimension", test_custom_dimension);
#undef ADD
  g_test_add_func ("/scorecard/review/paper", test_paper_setting);
  g_test_add_func ("/scorecard/review/csv-escaping", test_csv_escaping);

  return g_test_run ();
}
