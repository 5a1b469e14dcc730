/* test-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the dashboard, trends and segment explorer on the demo store the
 * way a manager does — change the period and the comparison, add and
 * remove filters, drill and go back — and checks that what each view
 * shows equals the engine's answer to the same query. Each view is
 * rendered to PNG in light and dark.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-chart-view.h"
#include "sc-metric-series.h"
#include "sc-notes-popover.h"
#include "sc-segments-page.h"
#include "sc-store-review.h"
#include "sc-targets-page.h"
#include "sc-test-util.h"
#include "sc-trend-painter.h"
#include "sc-trends-page.h"
#include "sc-ui-test-util.h"

static char *store_path;

typedef struct
{
  char     *dir;
  ScWindow *window;
  ScEngine *engine;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->window = sc_ui_test_open_window (store_path);
  fixture->engine = sc_engine_new (sc_window_get_store (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  sc_ui_test_close_window (fixture->window);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *target)
{
  if (target != NULL)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "s", target);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
}

/* The engine's value of @metric for the window's state, as a card shows it. */
static char *
expected_display (Fixture    *fixture,
                  ScMetricId  metric)
{
  ScViewState *state = sc_window_get_view_state (fixture->window);
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const ScMetricValue *v;

  sc_query_add_metric (query, metric);
  sc_view_state_apply (state, query);
  result = sc_engine_run (fixture->engine, query, &error);
  g_assert_no_error (error);
  v = sc_query_result_get_value (result, metric, 0, -1);
  g_assert_nonnull (v);
  g_assert_false (isnan (v->value));
  return sc_metric_format_display (sc_metric_get (metric), v->value);
}

static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  if (!sc_ui_test_wait_for_text (GTK_WIDGET (fixture->window), text))
    g_error ("The window does not show “%s”", text);
}

static void
save_light_and_dark (Fixture    *fixture,
                     const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s.png", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", name);

  sc_ui_test_save_png (GTK_WIDGET (fixture->window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The dashboard follows the period, the comparison and the filters. */
static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  ScViewState *state = sc_window_get_view_state (fixture->window);
  g_autofree char *csat = NULL;
  g_autofree char *volume = NULL;

  activate (fixture, "win.show-page", "dashboard");
  /* The demo ends in October 2026: the latest complete month. */
  g_assert_true (sc_view_state_has_period (state));
  g_assert_cmpint (sc_view_state_get_from (state), ==, sc_calendar_day_from_ymd (2026, 10, 1));
  assert_shows (fixture, "October 2026");
  assert_shows (fixture, "Compared with September 2026");
  csat = expected_display (fixture, SC_METRIC_CSAT);
  assert_shows (fixture, csat);
  save_light_and_dark (fixture, "views-dashboard");

  /* Alt+Left: the month before, on the Targets page too. */
  activate (fixture, "win.previous-period", NULL);
  assert_shows (fixture, "September 2026");
  assert_shows (fixture, "Compared with August 2026");
  {
    GtkWidget *targets;
    int start = 0;

    activate (fixture, "win.show-page", "targets");
    targets = sc_ui_test_find_widget (GTK_WIDGET (fixture->window), SC_TYPE_TARGETS_PAGE);
    g_assert_nonnull (targets);
    g_object_get (targets, "period-start", &start, NULL);
    g_assert_cmpint (start, ==, sc_calendar_day_from_ymd (2026, 9, 1));
    activate (fixture, "win.show-page", "dashboard");
  }
  g_clear_pointer (&csat, g_free);
  csat = expected_display (fixture, SC_METRIC_CSAT);
  assert_shows (fixture, csat);

  /* The same month a year earlier. */
  activate (fixture, "win.comparison", "year");
  g_assert_cmpint (sc_view_state_get_comparison (state), ==, SC_COMPARE_YEAR);
  assert_shows (fixture, "Compared with September 2025");

  /* A quarter. */
  activate (fixture, "win.period-kind", "quarter");
  assert_shows (fixture, "Q3 2026");
  volume = expected_display (fixture, SC_METRIC_VOLUME);
  assert_shows (fixture, volume);

  /* A filter narrows every number; removing it restores them. */
  sc_view_state_add_filter (state, SC_DIM_CHANNEL, "Chat");
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
  assert_shows (fixture, "Channel: Chat");
  g_clear_pointer (&volume, g_free);
  volume = expected_display (fixture, SC_METRIC_VOLUME);
  assert_shows (fixture, volume);
  save_light_and_dark (fixture, "views-dashboard-filtered");
  activate (fixture, "win.clear-filters", NULL);
  g_assert_cmpuint (sc_view_state_get_filters (state)->len, ==, 0);

  activate (fixture, "win.latest-period", NULL);
  assert_shows (fixture, "October 2026");
}

/* Whether the trend chart, drawn now, shows a note with @text. */
static gboolean
chart_shows_note (ScTrendsPage *page,
                  const char   *text)
{
  ScChartView *chart = SC_CHART_VIEW (sc_trends_page_get_chart (page));
  g_autoptr(ScChartStyle) style = sc_chart_style_new (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 500);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(ScChartGeometry) geometry = sc_chart_painter_draw (sc_chart_view_get_painter (chart), cr,
                                                              1000, 500, style);
  gboolean found = FALSE;

  for (guint i = 0; i < sc_chart_geometry_get_n_labels (geometry); i++)
    {
      const ScChartLabel *label = sc_chart_geometry_get_label (geometry, i);

      found |= label->kind == SC_CHART_LABEL_ANNOTATION && g_strcmp0 (label->text, text) == 0;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

/* Notes: a bad date is refused with what to write; a good one is kept in
 * the store, listed, and drawn on the trend; deleting it removes it. */
static void
check_notes (Fixture      *fixture,
             ScTrendsPage *page)
{
  ScStore *store = sc_window_get_store (fixture->window);
  GtkMenuButton *button = NULL;
  ScNotesPopover *notes;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  const ScAnnotation *note;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (page)); w != NULL && button == NULL;
       w = gtk_widget_get_first_child (w))
    {
      for (GtkWidget *c = w; c != NULL && button == NULL; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_MENU_BUTTON (c) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (c)),
                                                 "document-edit-symbolic") == 0)
          button = GTK_MENU_BUTTON (c);
    }
  g_assert_nonnull (button);
  notes = SC_NOTES_POPOVER (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (notes),
                                          "No notes in the periods shown. A note marks a date on "
                                          "the trend and appears in the monthly review."));
  sc_ui_test_save_png (GTK_WIDGET (notes), "views-notes-empty.png");

  g_assert_false (sc_notes_popover_add (notes, "14/10/2026", "New IVR menu", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "14/10/2026"));
  g_clear_error (&error);
  g_assert_false (sc_notes_popover_add (notes, "2026-10-14", "  ", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_true (sc_notes_popover_add (notes, "2026-10-14", "New IVR menu", TRUE, &error));
  g_assert_no_error (error);
  kept = sc_store_list_annotations (store, "2026-10-14", "2026-10-14", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  note = g_ptr_array_index (kept, 0);
  g_assert_cmpstr (note->metric, ==, "csat");
  g_assert_cmpstr (note->text, ==, "New IVR menu");
  g_assert_cmpuint (sc_notes_popover_get_notes (notes)->len, ==, 1);
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_shows_text (GTK_WIDGET (notes), "New IVR menu"));
  g_assert_true (chart_shows_note (page, "New IVR menu"));
  sc_ui_test_save_png (GTK_WIDGET (notes), "views-notes.png");
  gtk_menu_button_popdown (button);
  sc_ui_test_settle ();
  save_light_and_dark (fixture, "views-trends-note");

  /* A note for CSAT is not shown on another metric's trend. */
  sc_trends_page_set_metric (page, SC_METRIC_FRT_MEDIAN);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_false (chart_shows_note (page, "New IVR menu"));
  sc_trends_page_set_metric (page, SC_METRIC_CSAT);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_true (chart_shows_note (page, "New IVR menu"));

  g_assert_true (sc_store_delete_annotation (store, note->id, &error));
  g_assert_no_error (error);
  sc_trends_page_reload (page);
  sc_ui_test_wait_idle (fixture->window);
  g_assert_false (chart_shows_note (page, "New IVR menu"));
}

/* A card opens its trend; the trend's last point is the period's value. */
static void
test_trends (Fixture       *fixture,
             gconstpointer  data)
{
  ScWindow *window = fixture->window;
  ScTrendsPage *page;
  const ScQueryResult *result;
  const ScMetricValue *last;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  activate (fixture, "win.show-trend", "frt_median");
  g_assert_cmpstr (sc_window_get_page (window), ==, "trends");
  page = SC_TRENDS_PAGE (sc_ui_test_find_widget (GTK_WIDGET (window), SC_TYPE_TRENDS_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpint (sc_trends_page_get_metric (page), ==, SC_METRIC_FRT_MEDIAN);
  result = sc_trends_page_get_result (page);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->buckets->len, ==, 13);
  last = sc_query_result_get_value (result, SC_METRIC_FRT_MEDIAN, 12, -1);
  shown = sc_metric_format_display (sc_metric_get (SC_METRIC_FRT_MEDIAN), last->value);
  expected = expected_display (fixture, SC_METRIC_FRT_MEDIAN);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_true (gtk_widget_get_mapped (sc_trends_page_get_chart (page)));
  save_light_and_dark (fixture, "views-trends");

  /* By week, with the previous year. */
  sc_trends_page_set_grain (page, SC_GRAIN_WEEK);
  sc_ui_test_wait_idle (window);
  result = sc_trends_page_get_result (page);
  g_assert_cmpint (result->grain, ==, SC_GRAIN_WEEK);
  g_assert_cmpuint (result->buckets->len, ==, 26);
  sc_trends_page_set_metric (page, SC_METRIC_CSAT);
  sc_ui_test_wait_idle (window);
  g_assert_nonnull (sc_ui_test_find_widget (GTK_WIDGET (window), SC_TYPE_CHART_VIEW));
  save_light_and_dark (fixture, "views-trends-weekly");

  check_notes (fixture, page);
}

/* Which channel, which category: drilling narrows every view. */
static void
test_segments (Fixture       *fixture,
               gconstpointer  data)
{
  ScWindow *window = fixture->window;
  ScViewState *state = sc_window_get_view_state (window);
  ScSegmentsPage *page;
  const ScQueryResult *result;
  const ScDrivers *drivers;
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *first = NULL;

  activate (fixture, "win.explore", "csat");
  g_assert_cmpstr (sc_window_get_page (window), ==, "segments");
  page = SC_SEGMENTS_PAGE (sc_ui_test_find_widget (GTK_WIDGET (window), SC_TYPE_SEGMENTS_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpint (sc_segments_page_get_metric (page), ==, SC_METRIC_CSAT);
  g_assert_cmpint (sc_segments_page_get_dimension (page), ==, SC_DIM_CHANNEL);

  /* The bars are the engine's breakdown. */
  sc_query_add_metric (query, SC_METRIC_CSAT);
  sc_view_state_apply (state, query);
  sc_query_set_group_by (query, SC_DIM_CHANNEL);
  expected = sc_engine_run (fixture->engine, query, &error);
  g_assert_no_error (error);
  result = sc_segments_page_get_result (page);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->segments->len, ==, expected->segments->len);
  for (guint s = 0; s < expected->segments->len; s++)
    {
      const ScSegment *segment = g_ptr_array_index (expected->segments, s);
      int shown = sc_query_result_find_segment (result, segment->label);
      const ScMetricValue *a = sc_query_result_get_value (expected, SC_METRIC_CSAT, 0, s);
      const ScMetricValue *b = sc_query_result_get_value (result, SC_METRIC_CSAT, 0, shown);

      g_assert_cmpint (shown, >=, 0);
      g_assert_cmpint (a->n, ==, b->n);
      if (!isnan (a->value))
        g_assert_cmpfloat_with_epsilon (a->value, b->value, 1e-9);
      if (first == NULL && segment->code != 0 && a->n > 0)
        first = segment->label;
    }

  /* What Moved adds up: mix and rate explain the change. */
  drivers = sc_segments_page_get_drivers (page);
  g_assert_nonnull (drivers);
  g_assert_cmpfloat_with_epsilon (drivers->mix_effect + drivers->rate_effect + drivers->residual,
                                  drivers->change, 1e-6);
  assert_shows (fixture, "What Moved");
  save_light_and_dark (fixture, "views-segments");

  /* Drill into the first channel: a chip, the next dimension, a path. */
  g_assert_nonnull (first);
  g_assert_true (sc_segments_page_drill (page, first));
  sc_ui_test_wait_idle (window);
  sc_ui_test_settle ();
  g_assert_cmpuint (sc_segments_page_get_drill_depth (page), ==, 1);
  g_assert_cmpint (sc_segments_page_get_dimension (page), ==, SC_DIM_CATEGORY);
  g_assert_cmpuint (sc_view_state_get_filters (state)->len, ==, 1);
  {
    g_autofree char *chip = g_strdup_printf ("Channel: %s", first);
    g_autofree char *path = g_strdup_printf ("All interactions › Channel: %s", first);

    assert_shows (fixture, chip);
    assert_shows (fixture, path);
  }
  result = sc_segments_page_get_result (page);
  g_assert_cmpint (result->group_by, ==, SC_DIM_CATEGORY);
  save_light_and_dark (fixture, "views-segments-drilled");

  /* The filter applies everywhere: the dashboard's volume is the channel's. */
  activate (fixture, "win.show-page", "dashboard");
  {
    g_autofree char *volume = expected_display (fixture, SC_METRIC_VOLUME);

    assert_shows (fixture, volume);
  }

  /* Back: the filter goes and the channel breakdown returns. */
  activate (fixture, "win.show-page", "segments");
  g_assert_true (sc_segments_page_back (page));
  sc_ui_test_wait_idle (window);
  g_assert_cmpuint (sc_segments_page_get_drill_depth (page), ==, 0);
  g_assert_cmpuint (sc_view_state_get_filters (state)->len, ==, 0);
  g_assert_cmpint (sc_segments_page_get_dimension (page), ==, SC_DIM_CHANNEL);
  g_assert_false (sc_segments_page_back (page));

  /* Removing a drilled filter's chip prunes the path too. */
  g_assert_true (sc_segments_page_drill (page, first));
  sc_ui_test_wait_idle (window);
  sc_view_state_remove_filter (state, SC_DIM_CHANNEL, first);
  sc_ui_test_wait_idle (window);
  g_assert_cmpuint (sc_segments_page_get_drill_depth (page), ==, 0);
}

/* Changes faster than the computations: only the last one is shown. */
static void
test_rapid_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  ScViewState *state = sc_window_get_view_state (fixture->window);
  g_autofree char *csat = NULL;

  activate (fixture, "win.show-page", "dashboard");
  for (int i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-period", NULL);
  sc_ui_test_wait_idle (fixture->window);
  sc_ui_test_settle ();
  g_assert_cmpint (sc_view_state_get_from (state), ==, sc_calendar_day_from_ymd (2026, 4, 1));
  assert_shows (fixture, "April 2026");
  csat = expected_display (fixture, SC_METRIC_CSAT);
  assert_shows (fixture, csat);
}

/* A field the manager's helpdesk adds ("Plan [list]" in Zendesk) becomes a
 * dimension like any other once imported: segments break down by it and
 * filters take it. */
static void
test_custom_dimension (Fixture       *fixture,
                       gconstpointer  data)
{
  ScWindow *window = fixture->window;
  ScViewState *state = sc_window_get_view_state (window);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                "zendesk-custom-fields.csv", NULL);
  g_autoptr(GPtrArray) dims = NULL;
  g_autoptr(GError) error = NULL;
  const ScDimensionInfo *plan;
  const ScQueryResult *result;
  ScSegmentsPage *page;

  sc_window_import_file (window, csv);
  sc_ui_test_wait_idle (window);
  dims = sc_store_list_dimensions (sc_window_get_store (window), &error);
  g_assert_no_error (error);
  plan = sc_dimension_list_lookup (dims, "plan");
  g_assert_nonnull (plan);

  /* The file's tickets are from March 2024. */
  sc_view_state_set_period (state, SC_PERIOD_MONTH, sc_calendar_day_from_ymd (2024, 3, 1), 0);
  activate (fixture, "win.explore", "volume");
  page = SC_SEGMENTS_PAGE (sc_ui_test_find_widget (GTK_WIDGET (window), SC_TYPE_SEGMENTS_PAGE));
  sc_segments_page_set_dimension (page, plan->dim);
  sc_ui_test_wait_idle (window);
  sc_ui_test_settle ();
  g_assert_cmpint (sc_segments_page_get_dimension (page), ==, plan->dim);
  result = sc_segments_page_get_result (page);
  g_assert_nonnull (result);
  g_assert_cmpint (result->group_by, ==, plan->dim);
  g_assert_cmpfloat (sc_query_result_get_value (result, SC_METRIC_VOLUME, 0,
                                                sc_query_result_find_segment (result, "Enterprise"))->value,
                     ==, 1);
  save_light_and_dark (fixture, "views-segments-custom");

  /* Drilling into a plan filters by it, with its chip and path. */
  g_assert_true (sc_segments_page_drill (page, "Team"));
  sc_ui_test_wait_idle (window);
  sc_ui_test_settle ();
  assert_shows (fixture, "Plan: Team");
  assert_shows (fixture, "All interactions › Plan: Team");
  result = sc_segments_page_get_result (page);
  g_assert_cmpint (result->group_by, !=, plan->dim);
  g_assert_true (sc_segments_page_back (page));
  sc_ui_test_wait_idle (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  sc_ui_test_init (&argc, &argv);
  dir = sc_test_make_tmpdir ();
  store_path = sc_ui_test_make_demo (dir);

#define ADD(path, func) g_test_add ("/scorecard/ui/views/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("dashboard", test_dashboard);
  ADD ("trends", test_trends);
  ADD ("segments", test_segments);
  ADD ("rapid-changes", test_rapid_changes);
  /* Last: it imports into the shared store. */
  ADD ("custom-dimension", test_custom_dimension);
#undef ADD

  status = g_test_run ();
  sc_test_remove_tree (dir);
  g_free (store_path);
  return status;
}
