/* sc-review-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review document. It is laid out twice: a first pass onto a discarded
 * surface finds the page of every heading and the page count, the second
 * writes the file with the table of contents and "Page N of M" filled in.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sc-bar-painter.h"
#include "sc-bullet-painter.h"
#include "sc-chart-axis.h"
#include "sc-metric-series.h"
#include "sc-review-layout-private.h"
#include "sc-review-pdf.h"
#include "sc-review-private.h"
#include "sc-trend-painter.h"
#include "sc-view-state.h"

#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0
#define MAX_DRIVER_ROWS 6
#define MAX_RESTATED_ROWS 40
#define MAX_SEGMENT_ROWS 12

typedef struct
{
  const ScReview       *review;
  ScLayout              layout;
  GTimeZone            *zone;
  ScReviewProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
} Doc;

/* ---- Paper --------------------------------------------------------------- */

/* Territories that use US Letter rather than A4. */
static const char * const letter_territories[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "NI", "DO", "SV", "BZ",
};

/**
 * sc_paper_default_for_locale:
 *
 * Returns: Letter in the territories that use it (by `LC_PAPER`), else A4
 */
ScPaper
sc_paper_default_for_locale (void)
{
#ifdef LC_PAPER
  const char *locale = setlocale (LC_PAPER, NULL);
#else
  const char *locale = setlocale (LC_CTYPE, NULL);
#endif
  const char *underscore = locale ? strchr (locale, '_') : NULL;

  if (underscore == NULL)
    return SC_PAPER_A4;
  for (gsize i = 0; i < G_N_ELEMENTS (letter_territories); i++)
    if (strncmp (underscore + 1, letter_territories[i], 2) == 0)
      return SC_PAPER_LETTER;
  return SC_PAPER_A4;
}

gboolean
sc_paper_from_string (const char *text,
                      ScPaper    *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = SC_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = SC_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/**
 * sc_paper_from_setting:
 * @setting: (nullable): the `report.paper` setting: `a4`, `letter` or
 *   `auto` (or unset) for the locale's
 *
 * Returns: the paper to use
 */
ScPaper
sc_paper_from_setting (const char *setting)
{
  ScPaper paper;

  if (setting != NULL && sc_paper_from_string (setting, &paper))
    return paper;
  return sc_paper_default_for_locale ();
}

/* ---- Helpers ------------------------------------------------------------- */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
dim_markup (Doc        *doc,
            const char *text)
{
  g_autofree char *color = _sc_layout_color_hex (&doc->layout.style->dim_fg);
  g_autofree char *escaped = escape (text);

  return g_strdup_printf ("<span foreground='%s'>%s</span>", color, escaped);
}

static char *
format_value (ScMetricId metric,
              double     value)
{
  return sc_metric_format_display (sc_metric_get (metric), value);
}

static char *
format_count (gint64 n)
{
  return sc_chart_format_value (SC_CHART_UNIT_COUNT, (double) n, NULL);
}

static gboolean
check_cancelled (Doc      *doc,
                 double    fraction,
                 GError  **error)
{
  if (doc->progress != NULL)
    doc->progress (fraction, _("Writing the document"), doc->user_data);
  return !g_cancellable_set_error_if_cancelled (doc->cancellable, error);
}

static void
add_row (GPtrArray *rows,
         guint      n,
         ...)
{
  char **cells = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    cells[i] = va_arg (args, char *);
  va_end (args);
  g_ptr_array_add (rows, cells);
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* ---- Cover --------------------------------------------------------------- */

static void
cover_line (Doc         *doc,
            const char  *text,
            double       size,
            PangoWeight  weight,
            const ScChartRgba *color,
            double       after)
{
  ScLayout *layout = &doc->layout;
  g_autofree char *escaped = escape (text);
  g_autoptr(PangoLayout) line = _sc_layout_text (layout, escaped, size, weight,
                                                 _sc_layout_width (layout), PANGO_ALIGN_LEFT);

  _sc_layout_draw_text (layout, line, layout->x, layout->y, color);
  layout->y += _sc_layout_text_height (line) + after;
}

static char *
describe_imports (const ScReview *review)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (review->imports->len, 4);

  if (review->imports->len == 0)
    return g_strdup (_("None"));
  for (guint i = 0; i < shown; i++)
    {
      const ScImportRecord *record = g_ptr_array_index (review->imports, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (record->finished_at > 0
                                                                  ? record->finished_at
                                                                  : record->started_at);
      g_autofree char *date = when ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("");

      if (i > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s (%s)", record->file_name, date);
    }
  if (review->imports->len > shown)
    {
      guint rest = review->imports->len - shown;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more import",
                                                 "and %u more imports", rest), rest);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
cover_facts (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autoptr(GDateTime) generated = g_date_time_new_from_unix_local (review->generated_at);
  g_autofree char *count = format_count (review->interactions);
  g_autofree char *range = sc_format_day_range (review->data_first, review->data_last);
  g_autofree char *imports = describe_imports (review);
  /* Translators: the generation time on the cover; see g_date_time_format() */
  g_autofree char *when = g_date_time_format (generated, _("%-d %B %Y, %H:%M"));
  static const ScTableColumn columns[] = {
    { NULL, 0.28, PANGO_ALIGN_LEFT },
    { NULL, 0.72, PANGO_ALIGN_LEFT },
  };

  add_row (rows, 2, dim_markup (doc, _("Generated")), escape (when));
  add_row (rows, 2, dim_markup (doc, _("Interactions in the period")), escape (count));
  add_row (rows, 2, dim_markup (doc, _("Data available")), escape (range));
  add_row (rows, 2, dim_markup (doc, _("Imports")), escape (imports));
  add_row (rows, 2, dim_markup (doc, _("Time zone")), escape (review->time_zone));
  if (review->snapshot_at > 0)
    {
      g_autoptr(GDateTime) frozen = g_date_time_new_from_unix_local (review->snapshot_at);
      g_autofree char *frozen_when = g_date_time_format (frozen, _("%-d %B %Y, %H:%M"));
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Frozen on %s; %u number restated since",
                                                            "Frozen on %s; %u numbers restated since",
                                                            review->restatements->len),
                                               frozen_when, review->restatements->len);

      add_row (rows, 2, dim_markup (doc, _("Frozen review")), escape (text));
    }
  _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
}

static void
draw_cover (Doc *doc)
{
  const ScReview *review = doc->review;
  ScLayout *layout = &doc->layout;
  const ScChartStyle *style = layout->style;
  g_autofree char *compared = NULL;

  cairo_set_source_rgba (layout->cr, style->accent.red, style->accent.green, style->accent.blue, 1);
  cairo_rectangle (layout->cr, 0, 0, layout->page_width, 10);
  cairo_fill (layout->cr);
  layout->y = layout->margin + 40;
  if (review->options->organisation != NULL && review->options->organisation[0] != '\0')
    cover_line (doc, review->options->organisation, 13, PANGO_WEIGHT_BOLD, &style->accent, 10);
  cover_line (doc, review->grain == SC_GRAIN_MONTH ? _("Monthly service review") : _("Service review"),
              28, PANGO_WEIGHT_BOLD, &style->fg, 6);
  cover_line (doc, review->period_label, 20, PANGO_WEIGHT_NORMAL, &style->fg, 6);
  compared = review->compare_label
             ? g_strdup_printf (_("Compared with %s"), review->compare_label)
             : g_strdup (_("Without a comparison"));
  cover_line (doc, compared, 11, PANGO_WEIGHT_NORMAL, &style->dim_fg, 36);
  cover_facts (doc);
  layout->y += 18;
  /* A table of contents that does not fit under the cover starts a page
   * of its own rather than leaving its last lines on the next. */
  _sc_layout_ensure (layout, 30 + _sc_layout_toc_height (layout));
  cover_line (doc, _("Contents"), 14, PANGO_WEIGHT_BOLD, &style->fg, 8);
  _sc_layout_toc (layout);
}

/* ---- Summary ------------------------------------------------------------- */

static char *
change_cell (Doc                    *doc,
             const ScReviewHeadline *row)
{
  const ScMetricValue *v = &row->value;
  g_autofree char *change = NULL;
  g_autofree char *note = NULL;

  if (!v->has_comparison || !isfinite (v->change))
    return g_strdup ("—");
  change = sc_metric_format_change (sc_metric_get (row->metric), v->change);
  if (v->significant)
    return escape (change);
  note = dim_markup (doc, _("within noise"));
  return g_strdup_printf ("%s\n<small>%s</small>", change, note);
}

static char *
value_cell (Doc                 *doc,
            ScMetricId           metric,
            const ScMetricValue *v)
{
  g_autofree char *value = format_value (metric, v->value);
  g_autofree char *note = NULL;

  if (!v->insufficient)
    return escape (value);
  note = dim_markup (doc, _("too few to judge"));
  return g_strdup_printf ("%s\n<small>%s</small>", value, note);
}

static char *
status_cell (Doc            *doc,
             ScReviewStatus  status)
{
  const ScChartStyle *style = doc->layout.style;
  const ScChartRgba *color = status == SC_REVIEW_STATUS_MET ? &style->success
                             : status == SC_REVIEW_STATUS_AT_RISK ? &style->warning
                             : status == SC_REVIEW_STATUS_MISSED ? &style->error : NULL;
  g_autofree char *hex = NULL;

  if (color == NULL)
    return dim_markup (doc, sc_review_status_get_label (status));
  hex = _sc_layout_color_hex (color);
  return g_strdup_printf ("<span foreground='%s'>●</span> %s", hex,
                          sc_review_status_get_label (status));
}

static char *
attainment_cell (double attainment)
{
  if (!isfinite (attainment))
    return g_strdup ("—");
  return sc_chart_format_value (SC_CHART_UNIT_PERCENT, attainment, NULL);
}

static void
headline_table (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autofree char *against = review->compare_label ? g_strdup (review->compare_label) : g_strdup ("—");
  ScTableColumn columns[] = {
    { _("Metric"), 0.165, PANGO_ALIGN_LEFT },
    { review->period_label, 0.13, PANGO_ALIGN_RIGHT },
    { against, 0.13, PANGO_ALIGN_RIGHT },
    { _("Change"), 0.115, PANGO_ALIGN_RIGHT },
    { _("Target"), 0.09, PANGO_ALIGN_RIGHT },
    { _("Attained"), 0.115, PANGO_ALIGN_RIGHT },
    { _("Status"), 0.16, PANGO_ALIGN_LEFT },
    { _("n"), 0.095, PANGO_ALIGN_RIGHT },
  };

  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetric *metric = sc_metric_get (row->metric);
      g_autofree char *before = row->value.has_comparison
                                ? format_value (row->metric, row->value.compare_value) : g_strdup ("—");
      g_autofree char *target = format_value (row->metric, row->target);
      g_autofree char *attained = attainment_cell (row->attainment);
      g_autofree char *n = format_count (row->value.n);

      add_row (rows, 8, escape (_(metric->name)), value_cell (doc, row->metric, &row->value),
               escape (before), change_cell (doc, row), escape (target), escape (attained),
               status_cell (doc, row->status), escape (n));
    }
  _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
}

static void
draw_summary (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autofree char *intro = NULL;
  g_autofree char *escaped = NULL;

  _sc_layout_new_page (&doc->layout);
  _sc_layout_heading (&doc->layout, _("Summary"), "summary", 1, 120);
  if (review->compare_label != NULL)
    intro = g_strdup_printf (_("The headline metrics of %s against %s. A change marked “within "
                               "noise” is smaller than the sampling noise (95%% level); n is the "
                               "sample behind each value."),
                             review->period_label, review->compare_label);
  else
    intro = g_strdup_printf (_("The headline metrics of %s; n is the sample behind each value."),
                             review->period_label);
  escaped = escape (intro);
  _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, &doc->layout.style->dim_fg);
  headline_table (doc);
  _sc_layout_heading (&doc->layout, _("Findings"), NULL, 2, 40);
  for (guint i = 0; i < review->findings->len; i++)
    {
      const ScReviewFinding *finding = g_ptr_array_index (review->findings, i);
      g_autofree char *text = escape (finding->text);

      _sc_layout_bullet (&doc->layout, text);
    }
}

/* ---- Restatements -------------------------------------------------------- */

static void
draw_restatements (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autoptr(GDateTime) frozen = g_date_time_new_from_unix_local (review->snapshot_at);
  g_autofree char *when = g_date_time_format (frozen, _("%-d %B %Y, %H:%M"));
  g_autofree char *intro = NULL;
  g_autofree char *escaped = NULL;
  guint shown = MIN (review->restatements->len, MAX_RESTATED_ROWS);
  static const ScTableColumn columns[] = {
    { N_("Number"), 0.52, PANGO_ALIGN_LEFT },
    { N_("Frozen"), 0.16, PANGO_ALIGN_RIGHT },
    { N_("Now"), 0.16, PANGO_ALIGN_RIGHT },
    { N_("Restated by"), 0.16, PANGO_ALIGN_RIGHT },
  };
  ScTableColumn translated[G_N_ELEMENTS (columns)];

  _sc_layout_heading (&doc->layout, _("Restated since the frozen review"), "restated", 1, 80);
  if (review->restatements->len == 0)
    intro = g_strdup_printf (_("This review was frozen on %s. No number has changed since."), when);
  else
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "This review was frozen on %s. Since then, imports changed "
                                          "the data behind %u number:",
                                          "This review was frozen on %s. Since then, imports changed "
                                          "the data behind %u numbers:",
                                          review->restatements->len),
                             when, review->restatements->len);
  escaped = escape (intro);
  _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
  if (review->restatements->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    translated[i] = (ScTableColumn) { _(columns[i].title), columns[i].width, columns[i].align };
  for (guint i = 0; i < shown; i++)
    {
      const ScReviewRestatement *r = g_ptr_array_index (review->restatements, i);
      gboolean is_n = g_str_has_suffix (r->key, "/n");
      g_autofree char *a = is_n ? format_count ((gint64) r->frozen) : format_value (r->metric, r->frozen);
      g_autofree char *b = is_n ? format_count ((gint64) r->current) : format_value (r->metric, r->current);
      g_autofree char *d = is_n ? g_strdup_printf ("%+.0f", r->current - r->frozen)
                                : sc_metric_format_change (sc_metric_get (r->metric), r->current - r->frozen);

      add_row (rows, 4, escape (r->label), escape (a), escape (b), escape (d));
    }
  _sc_layout_table (&doc->layout, translated, G_N_ELEMENTS (translated), rows);
  if (review->restatements->len > shown)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more; the CSV pack lists them all "
                                                 "(restatements.csv)."),
                                               review->restatements->len - shown);
      g_autofree char *markup = escape (more);

      _sc_layout_paragraph (&doc->layout, markup, SC_LAYOUT_SMALL_SIZE, &doc->layout.style->dim_fg);
    }
}

/* ---- Metric sections ----------------------------------------------------- */

static void
metric_lead (Doc                    *doc,
             const ScReviewHeadline *row)
{
  const ScReview *review = doc->review;
  const ScMetric *metric = sc_metric_get (row->metric);
  g_autofree char *value = format_value (row->metric, row->value.value);
  g_autofree char *n = format_count (row->value.n);
  g_autofree char *first = NULL;
  g_autofree char *description = escape (_(metric->description));
  g_autofree char *markup = NULL;
  g_autofree char *color = _sc_layout_color_hex (&doc->layout.style->dim_fg);

  /* Translators: "<b>76.4%</b> in October 2026 (n = 580)" */
  first = g_strdup_printf (_("<b>%s</b> in %s (n = %s)"), value, review->period_label, n);
  if (row->value.has_comparison && isfinite (row->value.change))
    {
      g_autofree char *change = sc_metric_format_change (metric, row->value.change);
      g_autofree char *before = format_value (row->metric, row->value.compare_value);
      g_autofree char *with = g_strdup_printf (row->value.significant
                                               ? _("%s, %s against %s (%s), more than the noise.")
                                               : _("%s, %s against %s (%s), within the noise."),
                                               first, change, review->compare_label, before);

      g_free (first);
      first = g_steal_pointer (&with);
    }
  markup = g_strdup_printf ("%s\n<span foreground='%s'>%s</span>", first, color, description);
  _sc_layout_paragraph (&doc->layout, markup, SC_LAYOUT_BODY_SIZE + 1, NULL);
}

static void
trend_chart (Doc                   *doc,
             const ScReviewSection *section)
{
  g_autoptr(ScTrendPainter) painter = sc_trend_painter_new ();

  sc_trend_painter_set_time_zone (painter, doc->zone);
  sc_trend_painter_add_series (painter, section->trend);
  for (guint i = 0; i < doc->review->annotations->len; i++)
    {
      const ScAnnotation *note = g_ptr_array_index (doc->review->annotations, i);
      gint32 day;

      if ((note->metric != NULL && !g_str_equal (note->metric, sc_metric_get (section->metric)->id_string))
          || !sc_calendar_parse_date (note->day, &day))
        continue;
      sc_trend_painter_add_annotation (painter, sc_day_to_unix (day, doc->zone) + 43200, note->text);
    }
  _sc_layout_chart (&doc->layout, SC_CHART_PAINTER (painter), 180);
}

static ScChartSeries *
breakdown_series (const ScReviewBreakdown *breakdown,
                  ScMetricId               metric)
{
  const ScMetric *info = sc_metric_get (metric);
  ScChartSeries *series = sc_chart_series_new (_(info->name), sc_metric_get_chart_unit (info));

  sc_chart_series_set_direction (series, sc_metric_get_chart_direction (info));
  for (guint s = 0; s < breakdown->result->segments->len; s++)
    {
      const ScSegment *segment = g_ptr_array_index (breakdown->result->segments, s);
      const ScMetricValue *v = sc_query_result_get_value (breakdown->result, metric, 0, (int) s);
      ScChartPoint *point;

      if (v == NULL || v->n == 0)
        continue;
      point = sc_chart_series_add_category (series, segment->label, v->value, (guint64) v->n);
      point->ci_low = v->ci_low;
      point->ci_high = v->ci_high;
      point->insufficient = v->insufficient;
    }
  return series;
}

/* What moved the metric, beside its bars: each segment's value then and
 * now and its contribution to the change (the CSV pack has the split into
 * mix and rate). */
static const ScTableColumn driver_columns[] = {
  { NULL, 0.28, PANGO_ALIGN_LEFT },
  { N_("Then → now"), 0.5, PANGO_ALIGN_RIGHT },
  /* Translators: a segment's contribution to a change, as a short column title */
  { N_("Effect"), 0.22, PANGO_ALIGN_RIGHT },
};

static GPtrArray *
driver_rows (const ScReviewBreakdown *breakdown,
             ScMetricId               metric_id)
{
  const ScDrivers *drivers = breakdown->drivers;
  GPtrArray *rows = rows_new ();

  for (guint i = 0; i < MIN (drivers->segments->len, MAX_DRIVER_ROWS); i++)
    {
      const ScDriverSegment *s = g_ptr_array_index (drivers->segments, i);
      g_autofree char *then = format_value (metric_id, s->against_value);
      g_autofree char *now = format_value (metric_id, s->value);
      g_autofree char *part = sc_metric_format_change (sc_metric_get (metric_id), s->contribution);

      add_row (rows, 3, escape (s->label), g_strdup_printf ("%s → %s", then, now), escape (part));
    }
  return rows;
}

static double
drivers_table (Doc                     *doc,
               const ScReviewBreakdown *breakdown,
               ScMetricId               metric_id,
               gboolean                 draw)
{
  g_autoptr(GPtrArray) rows = driver_rows (breakdown, metric_id);
  g_autofree char *total = sc_metric_format_change (sc_metric_get (metric_id), breakdown->drivers->change);
  g_autofree char *caption = NULL;
  g_autofree char *escaped = NULL;
  ScTableColumn columns[G_N_ELEMENTS (driver_columns)];

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    columns[i] = (ScTableColumn) { i == 0 ? sc_review_get_dimension_label (doc->review, breakdown->dim)
                                          : _(driver_columns[i].title),
                                   driver_columns[i].width, driver_columns[i].align };
  if (!draw)
    return 16 + _sc_layout_table_height (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
  /* Translators: above the drivers table, "What moved the change of −5.0 pts" */
  caption = g_strdup_printf (_("What moved the change of %s"), total);
  escaped = escape (caption);
  _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_SMALL_SIZE + 0.5, &doc->layout.style->dim_fg);
  _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
  return 0;
}

/* The bars of one dimension, with the drivers table beside them. */
static void
draw_breakdown (Doc                     *doc,
                const ScReviewSection   *section,
                const ScReviewBreakdown *breakdown)
{
  ScLayout *layout = &doc->layout;
  g_autoptr(ScBarPainter) bars = sc_bar_painter_new ();
  g_autoptr(ScChartSeries) series = breakdown_series (breakdown, section->metric);
  const ScReviewHeadline *row = sc_review_get_headline (doc->review, section->metric);
  g_autofree char *title = g_strdup_printf (_("By %s"),
                                            sc_review_get_dimension_label (doc->review, breakdown->dim));
  guint n_rows = MIN (sc_chart_series_get_n_points (series), 9);
  gboolean drivers = breakdown->drivers != NULL && breakdown->drivers->segments->len > 0;
  double height = 56 + 19 * MAX (n_rows, 1);
  double block = height;
  double top, left_bottom;

  sc_bar_painter_set_series (bars, series);
  sc_bar_painter_set_max_bars (bars, 8);
  if (row != NULL && !sc_metric_is_additive (sc_metric_get (section->metric)))
    sc_bar_painter_set_reference (bars, row->value.value);
  if (drivers)
    {
      _sc_layout_column (layout, 0.54, 0.46);
      block = MAX (block, drivers_table (doc, breakdown, section->metric, FALSE));
      _sc_layout_full_width (layout);
    }
  _sc_layout_heading (layout, title, NULL, 2, block);
  top = layout->y;
  if (drivers)
    _sc_layout_column (layout, 0, 0.5);
  _sc_layout_chart (layout, SC_CHART_PAINTER (bars), height);
  left_bottom = layout->y;
  if (drivers)
    {
      layout->y = top;
      _sc_layout_column (layout, 0.54, 0.46);
      drivers_table (doc, breakdown, section->metric, TRUE);
      _sc_layout_full_width (layout);
    }
  layout->y = MAX (layout->y, left_bottom);
}

static void
draw_metric (Doc                   *doc,
             const ScReviewSection *section)
{
  const ScMetric *metric = sc_metric_get (section->metric);
  const ScReviewHeadline *row = sc_review_get_headline (doc->review, section->metric);
  g_autofree char *dest = g_strdup_printf ("metric-%s", metric->id_string);

  _sc_layout_new_page (&doc->layout);
  _sc_layout_heading (&doc->layout, _(metric->name), dest, 1, 240);
  if (row != NULL)
    metric_lead (doc, row);
  trend_chart (doc, section);
  for (guint b = 0; b < section->breakdowns->len; b++)
    draw_breakdown (doc, section, g_ptr_array_index (section->breakdowns, b));
}

/* ---- Targets, notes, method ---------------------------------------------- */

/* The headline metrics with a target, as bullet charts. */
static void
target_bullets (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autoptr(ScBulletPainter) bullets = sc_bullet_painter_new ();

  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScReviewHeadline *row = &g_array_index (review->headlines, ScReviewHeadline, i);
      const ScMetric *metric = sc_metric_get (row->metric);
      ScBulletRow bullet = {
        .label = _(metric->name),
        .actual = row->value.value,
        .target = row->target,
        .at_risk = row->at_risk_limit,
        .unit = sc_metric_get_chart_unit (metric),
        .direction = row->direction == SC_DIRECTION_LOWER_IS_BETTER ? SC_CHART_DIRECTION_LOWER_IS_BETTER
                                                                     : SC_CHART_DIRECTION_HIGHER_IS_BETTER,
      };

      if (isnan (row->target))
        continue;
      sc_bullet_painter_add_row (bullets, &bullet);
    }
  _sc_layout_chart (&doc->layout, SC_CHART_PAINTER (bullets),
                    16 + 44 * sc_bullet_painter_get_n_rows (bullets));
}

/* One metric's attainment by the segments of one dimension, worst first. */
static void
segment_table (Doc        *doc,
               ScMetricId  metric_id,
               guint       first,
               guint       end)
{
  const ScReview *review = doc->review;
  const ScReviewSegmentTarget *head = g_ptr_array_index (review->segment_targets, first);
  const ScMetric *metric = sc_metric_get (metric_id);
  g_autoptr(GPtrArray) rows = rows_new ();
  /* Translators: a heading, "CSAT by Team" */
  g_autofree char *title = g_strdup_printf (_("%s by %s"), _(metric->name),
                                            sc_review_get_dimension_label (doc->review, head->dim));
  ScTableColumn columns[] = {
    { sc_review_get_dimension_label (doc->review, head->dim), 0.26, PANGO_ALIGN_LEFT },
    { _("Value"), 0.15, PANGO_ALIGN_RIGHT },
    { _("Target"), 0.15, PANGO_ALIGN_RIGHT },
    { _("Attained"), 0.13, PANGO_ALIGN_RIGHT },
    { _("Status"), 0.19, PANGO_ALIGN_LEFT },
    { _("n"), 0.12, PANGO_ALIGN_RIGHT },
  };

  for (guint i = first; i < end; i++)
    {
      const ScReviewSegmentTarget *row = g_ptr_array_index (review->segment_targets, i);
      ScMetricValue v = { .value = row->value, .insufficient = row->insufficient };
      g_autofree char *target = format_value (metric_id, row->target);
      g_autofree char *attained = attainment_cell (row->attainment);
      g_autofree char *n = format_count (row->n);

      add_row (rows, 6, escape (row->segment), value_cell (doc, metric_id, &v), escape (target),
               escape (attained), status_cell (doc, row->status), escape (n));
    }
  _sc_layout_heading (&doc->layout, title, NULL, 2,
                      24 + _sc_layout_table_height (&doc->layout, columns, G_N_ELEMENTS (columns), rows));
  _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
}

static void
draw_targets (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  _sc_layout_new_page (&doc->layout);
  _sc_layout_heading (&doc->layout, _("Target attainment"), "targets", 1, 60);
  if (!review->has_targets && review->segment_targets->len == 0)
    {
      text = g_strdup_printf (_("No targets are set for the headline metrics in %s, so there is no "
                                "attainment to report. Targets set per metric (and per segment) "
                                "appear here with their bullet charts."),
                              review->period_label);
      escaped = escape (text);
      _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
      return;
    }
  text = g_strdup_printf (_("The targets in force at the end of %s. The bar is the value reached, "
                            "the tick the target; behind them, green is where a value meets the "
                            "target, amber where it is at risk and red where it misses. Attainment "
                            "is the share of the target reached (for a metric where lower is "
                            "better, the target divided by the value)."),
                          review->period_label);
  escaped = escape (text);
  _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
  if (review->has_targets)
    target_bullets (doc);
  for (guint i = 0; i < review->segment_targets->len;)
    {
      const ScReviewSegmentTarget *head = g_ptr_array_index (review->segment_targets, i);
      guint end = i + 1;

      while (end < review->segment_targets->len)
        {
          const ScReviewSegmentTarget *next = g_ptr_array_index (review->segment_targets, end);

          if (next->metric != head->metric || next->order != head->order)
            break;
          end++;
        }
      segment_table (doc, head->metric, i, MIN (end, i + MAX_SEGMENT_ROWS));
      i = end;
    }
}

static char *
format_instant (Doc    *doc,
                gint64  t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, doc->zone);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
appendix_section (Doc                    *doc,
                  const ScReviewAppendix *appendix)
{
  const ScMetric *metric = sc_metric_get (appendix->metric);
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autofree char *value = format_value (appendix->metric, appendix->value);
  g_autofree char *target = format_value (appendix->metric, appendix->target);
  g_autofree char *segment = _sc_review_segment_name (doc->review, appendix->dim, appendix->segment);
  g_autofree char *title = g_strdup_printf ("%s — %s", _(metric->name), segment);
  g_autofree char *total = format_count (appendix->total);
  g_autofree char *lead = NULL;
  g_autofree char *escaped = NULL;
  ScTableColumn columns[] = {
    { _("Interaction"), 0.18, PANGO_ALIGN_LEFT },
    { _("Created"), 0.22, PANGO_ALIGN_LEFT },
    { _("Channel"), 0.16, PANGO_ALIGN_LEFT },
    { _("Team"), 0.18, PANGO_ALIGN_LEFT },
    { _(metric->name), 0.26, PANGO_ALIGN_RIGHT },
  };

  if (appendix->rows->len == 0 && appendix->total == 0)
    /* Translators: "CSAT was 71.2% in Chat (Channel) against a target of 80%. It is not computed…" */
    lead = g_strdup_printf (_("%s was %s in %s against a target of %s. It is not computed from "
                              "single interactions, so none are listed."),
                            _(metric->name), value, segment, target);
  else if ((gint64) appendix->rows->len < appendix->total)
    lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s was %s in %s against a target of %s. The %u interaction "
                                         "that weighs most against it of the %s that count:",
                                         "%s was %s in %s against a target of %s. The %u interactions "
                                         "that weigh most against it of the %s that count:",
                                         appendix->rows->len),
                            _(metric->name), value, segment, target, appendix->rows->len, total);
  else
    lead = g_strdup_printf (_("%s was %s in %s against a target of %s. The interactions that "
                              "count, worst first:"),
                            _(metric->name), value, segment, target);
  for (guint i = 0; i < appendix->rows->len; i++)
    {
      const ScReviewAppendixRow *row = g_ptr_array_index (appendix->rows, i);
      g_autofree char *created = format_instant (doc, row->created_at);

      add_row (rows, 5, escape (row->external_id), escape (created),
               escape (row->channel ? row->channel : "—"), escape (row->team ? row->team : "—"),
               escape (row->value_text));
    }
  _sc_layout_heading (&doc->layout, title, NULL, 2, 120);
  escaped = escape (lead);
  _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
  if (rows->len > 0)
    _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
}

static void
draw_appendix (Doc *doc)
{
  const ScReview *review = doc->review;

  _sc_layout_new_page (&doc->layout);
  _sc_layout_heading (&doc->layout, _("Appendix: behind the missed targets"), "appendix", 1, 60);
  if (review->appendix->len == 0)
    {
      g_autofree char *text = g_strdup_printf (review->has_targets
                                               ? _("No target was missed in %s.")
                                               : _("No targets are set for %s."),
                                               review->period_label);
      g_autofree char *escaped = escape (text);

      _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
      return;
    }
  _sc_layout_paragraph (&doc->layout,
                        _("For each missed target, the segment furthest from it, and the "
                          "interactions that weigh most against the target there."),
                        SC_LAYOUT_BODY_SIZE, NULL);
  for (guint i = 0; i < review->appendix->len; i++)
    appendix_section (doc, g_ptr_array_index (review->appendix, i));
}

static void
draw_notes (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autoptr(GPtrArray) rows = rows_new ();
  ScTableColumn columns[] = {
    { _("Date"), 0.16, PANGO_ALIGN_LEFT },
    { _("Metric"), 0.22, PANGO_ALIGN_LEFT },
    { _("Note"), 0.62, PANGO_ALIGN_LEFT },
  };

  if (!(review->options->sections & SC_REVIEW_SECTION_TARGETS))
    _sc_layout_new_page (&doc->layout);
  _sc_layout_heading (&doc->layout, _("Notes"), "notes", 1, 60);
  if (review->annotations->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No notes were written for %s."), review->period_label);
      g_autofree char *escaped = escape (text);

      _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
      return;
    }
  for (guint i = 0; i < review->annotations->len; i++)
    {
      const ScAnnotation *note = g_ptr_array_index (review->annotations, i);
      const ScMetric *metric = note->metric ? sc_metric_lookup (note->metric) : NULL;

      add_row (rows, 3, escape (note->day),
               escape (metric ? _(metric->name) : note->metric ? note->metric : _("All metrics")),
               escape (note->text));
    }
  _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
}

static char *
describe_hours (const ScMetricSettings *settings)
{
  if (settings->hours == SC_HOURS_CALENDAR)
    return g_strdup (_("Durations are counted in calendar hours (around the clock)."));
  return g_strdup (_("Durations are counted in business hours: only the opening hours of the "
                     "business calendar count, holidays excluded."));
}

static void
draw_method (Doc *doc)
{
  const ScReview *review = doc->review;
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autofree char *hours = describe_hours (review->settings);
  g_autofree char *general = NULL;
  g_autofree char *escaped = NULL;
  ScTableColumn columns[] = {
    { _("Metric"), 0.2, PANGO_ALIGN_LEFT },
    { _("Definition"), 0.44, PANGO_ALIGN_LEFT },
    { _("Leaves out"), 0.26, PANGO_ALIGN_LEFT },
    { _("Min. n"), 0.1, PANGO_ALIGN_RIGHT },
  };

  _sc_layout_heading (&doc->layout, _("How the numbers are computed"), "method", 1, 80);
  general = g_strdup_printf (_("Periods are calendar periods in the %s time zone. %s Rates carry a "
                               "95%% Wilson interval, means a t interval, medians an order-statistic "
                               "interval and NPS its standard margin of error; a change is "
                               "“within noise” when it is not larger than the noise at the 95%% "
                               "level. Below its minimum sample a value is marked “too few to "
                               "judge”. A segment's contribution to a change is its own change "
                               "weighted by its share, plus the effect of its share moving. "
                               "Variants in force: %s."),
                             review->time_zone, hours, review->variant);
  escaped = escape (general);
  _sc_layout_paragraph (&doc->layout, escaped, SC_LAYOUT_BODY_SIZE, NULL);
  for (guint i = 0; i < review->headlines->len; i++)
    {
      const ScMetric *metric = sc_metric_get (g_array_index (review->headlines, ScReviewHeadline, i).metric);
      g_autofree char *definition = NULL;

      if (metric->denominator[0] != '\0')
        definition = g_strdup_printf ("%s\n%s ÷ %s", _(metric->description), _(metric->numerator),
                                      _(metric->denominator));
      else
        definition = g_strdup_printf ("%s\n%s", _(metric->description), _(metric->numerator));
      add_row (rows, 4, escape (_(metric->name)), escape (definition), escape (_(metric->exclusions)),
               g_strdup_printf ("%u", metric->min_sample));
    }
  _sc_layout_table (&doc->layout, columns, G_N_ELEMENTS (columns), rows);
}

/* ---- The document -------------------------------------------------------- */

static GArray *
build_toc (const ScReview *review)
{
  GArray *toc = g_array_new (FALSE, TRUE, sizeof (ScTocEntry));
  ScReviewSections sections = review->options->sections;

  if (sections & SC_REVIEW_SECTION_SUMMARY)
    _sc_toc_add (toc, _("Summary"), "summary", 1);
  if (review->snapshot_at > 0)
    _sc_toc_add (toc, _("Restated since the frozen review"), "restated", 1);
  if (sections & SC_REVIEW_SECTION_METRICS)
    for (guint i = 0; i < review->sections->len; i++)
      {
        const ScReviewSection *section = g_ptr_array_index (review->sections, i);
        const ScMetric *metric = sc_metric_get (section->metric);
        g_autofree char *dest = g_strdup_printf ("metric-%s", metric->id_string);

        _sc_toc_add (toc, _(metric->name), dest, 1);
      }
  if (sections & SC_REVIEW_SECTION_TARGETS)
    _sc_toc_add (toc, _("Target attainment"), "targets", 1);
  if (sections & SC_REVIEW_SECTION_NOTES)
    {
      _sc_toc_add (toc, _("Notes"), "notes", 1);
      _sc_toc_add (toc, _("How the numbers are computed"), "method", 1);
    }
  if (sections & SC_REVIEW_SECTION_APPENDIX)
    _sc_toc_add (toc, _("Appendix: behind the missed targets"), "appendix", 1);
  return toc;
}

static void
toc_entry_clear (ScTocEntry *entry)
{
  g_free (entry->title);
  g_free (entry->dest);
}

static gboolean
draw_document (Doc     *doc,
               GError **error)
{
  const ScReview *review = doc->review;
  ScReviewSections sections = review->options->sections;

  draw_cover (doc);
  if (sections & SC_REVIEW_SECTION_SUMMARY)
    draw_summary (doc);
  if (review->snapshot_at > 0)
    draw_restatements (doc);
  if (!check_cancelled (doc, 0.3, error))
    return FALSE;
  if (sections & SC_REVIEW_SECTION_METRICS)
    for (guint i = 0; i < review->sections->len; i++)
      {
        draw_metric (doc, g_ptr_array_index (review->sections, i));
        if (!check_cancelled (doc, 0.3 + 0.6 * (i + 1) / review->sections->len, error))
          return FALSE;
      }
  if (sections & SC_REVIEW_SECTION_TARGETS)
    draw_targets (doc);
  if (sections & SC_REVIEW_SECTION_NOTES)
    {
      draw_notes (doc);
      draw_method (doc);
    }
  if (sections & SC_REVIEW_SECTION_APPENDIX)
    draw_appendix (doc);
  _sc_layout_finish_page (&doc->layout);
  return TRUE;
}

static char *
dup_footer (const ScReview *review)
{
  const char *organisation = review->options->organisation;

  if (organisation != NULL && organisation[0] != '\0')
    /* Translators: the page footer, "Example Ltd · Service review · October 2026" */
    return g_strdup_printf (_("%s · Service review · %s"), organisation, review->period_label);
  return g_strdup_printf (_("Service review · %s"), review->period_label);
}

static gboolean
render (Doc              *doc,
        cairo_surface_t  *surface,
        double            width,
        double            height,
        GArray           *toc,
        int              *n_pages,
        GError          **error)
{
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  gboolean ok;

  _sc_layout_init (&doc->layout, surface, width, height, style);
  doc->layout.toc = toc;
  doc->layout.n_pages = *n_pages;
  doc->layout.footer = dup_footer (doc->review);
  ok = draw_document (doc, error);
  *n_pages = doc->layout.page;
  _sc_layout_clear (&doc->layout);
  return ok;
}

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t *surface,
              const ScReview  *review)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (review->generated_at);
  g_autofree char *date = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *title = g_strdup_printf (_("Service review — %s"), review->period_label);
  g_autofree char *creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  const char *author = review->options->author ? review->options->author
                       : review->options->organisation ? review->options->organisation
                       : g_get_real_name ();

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  if (review->compare_label != NULL)
    {
      g_autofree char *subject = g_strdup_printf (_("%s compared with %s"), review->period_label,
                                                  review->compare_label);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    }
}

static gboolean
write_pass (Doc            *doc,
            GOutputStream  *stream,
            double          width,
            double          height,
            GArray         *toc,
            int            *n_pages,
            const char     *path,
            GError        **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, stream, width, height);
  cairo_status_t status;
  gboolean ok;

  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, doc->review);
  ok = render (doc, surface, width, height, toc, n_pages, error);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("Writing %s failed: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return ok;
}

/**
 * sc_review_write_pdf:
 * @review: a computed review
 * @path: the file to write; replaced only when the document is complete
 * @paper: the page size
 * @n_pages_out: (out) (optional): the number of pages written
 * @progress: (nullable) (scope call): called as pages are written
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Returns: %TRUE when @path holds the review
 */
gboolean
sc_review_write_pdf (const ScReview        *review,
                     const char            *path,
                     ScPaper                paper,
                     int                   *n_pages_out,
                     ScReviewProgressFunc   progress,
                     gpointer               user_data,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(GArray) toc = build_toc (review);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort_close = g_cancellable_new ();
  double width = paper == SC_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  double height = paper == SC_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
  Doc doc = { review, { 0 }, NULL, progress, user_data, cancellable };
  cairo_surface_t *measure;
  int n_pages = 0;
  gboolean ok;

  g_return_val_if_fail (review != NULL && path != NULL, FALSE);

  g_array_set_clear_func (toc, (GDestroyNotify) toc_entry_clear);
  doc.zone = g_time_zone_new_identifier (review->time_zone);
  if (doc.zone == NULL)
    doc.zone = g_time_zone_new_utc ();

  /* First pass: where every heading lands and how many pages there are. */
  measure = cairo_pdf_surface_create_for_stream (discard_cb, NULL, width, height);
  doc.progress = NULL;
  ok = render (&doc, measure, width, height, toc, &n_pages, error);
  cairo_surface_destroy (measure);
  doc.progress = progress;

  if (ok)
    {
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
      ok = stream != NULL;
    }
  if (ok)
    ok = write_pass (&doc, G_OUTPUT_STREAM (stream), width, height, toc, &n_pages, path, error);
  if (stream != NULL)
    {
      /* A cancelled close leaves any earlier file at @path untouched. */
      if (!ok)
        g_cancellable_cancel (abort_close);
      if (!g_output_stream_close (G_OUTPUT_STREAM (stream), ok ? cancellable : abort_close,
                                  ok ? error : NULL))
        ok = FALSE;
    }
  g_time_zone_unref (doc.zone);
  if (ok && n_pages_out != NULL)
    *n_pages_out = n_pages;
  return ok;
}
