/* test-targets-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Targets page in the real window on the demo store: a target typed
 * in the table is saved and its status shown, a bad value is refused with
 * a message and nothing saved, undo and redo put the store back and
 * forth, and the page renders to PNG in light and dark. A target edited
 * in the table or by dragging its line on the trend changes the status of
 * the dashboard card; undo and redo reach every view. On the demo with
 * its targets, the "By segment" table by team matches the engine's
 * numbers, missed first, follows the filters and says when there is
 * nothing to show.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sc-chart-view-private.h"
#include "sc-dashboard-page.h"
#include "sc-metric-card.h"
#include "sc-targets-page.h"
#include "sc-trend-painter.h"
#include "sc-trends-page.h"
#include "sc-test-util.h"
#include "sc-ui-test-util.h"

typedef struct
{
  char          *dir;
  ScWindow      *window;
  ScTargetsPage *page;
} Fixture;

static char *store_path;
static char *full_store_path;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!done (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
page_loaded (Fixture *fixture)
{
  return !sc_targets_page_is_loading (fixture->page);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return sc_ui_test_find (widget, has_name, name);
}

/* Each test edits its own copy of the demo store. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) source = g_file_new_for_path (data != NULL ? data : store_path);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = sc_test_make_tmpdir ();
  copy = g_file_new_build_filename (fixture->dir, "demo.sqlite", NULL);
  g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->window = sc_ui_test_open_window (g_file_peek_path (copy));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "targets");
  sc_ui_test_settle ();
  fixture->page = SC_TARGETS_PAGE (sc_ui_test_find_widget (GTK_WIDGET (fixture->window),
                                                           SC_TYPE_TARGETS_PAGE));
  g_assert_nonnull (fixture->page);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sc_ui_test_close_window (fixture->window);
  sc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The CSAT target for 2026 in force now, NaN when there is none. */
static double
stored_csat (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = sc_store_list_targets (sc_window_get_store (fixture->window),
                                                        SC_MISSING, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];

      if (t->metric == SC_METRIC_CSAT && t->segment[0] == '\0' && t->period.kind == SC_TARGET_PERIOD_YEAR)
        return t->value;
    }
  return NAN;
}

static GtkEditable *
csat_entry (Fixture *fixture)
{
  GtkWidget *entry = find_named (GTK_WIDGET (fixture->page), "target-csat");

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Types @text into the CSAT target and presses Enter. */
static void
type_csat (Fixture    *fixture,
           const char *text)
{
  GtkEditable *entry = csat_entry (fixture);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  wait_for (page_loaded, fixture);
  sc_ui_test_settle ();
}

static void
undo_redo (Fixture    *fixture,
           const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  wait_for (page_loaded, fixture);
  sc_ui_test_settle ();
}

static void
test_edit_undo_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ScTargetHistory *history;

  gtk_widget_activate_action (window, "win.show-page", "s", "targets");
  g_assert_cmpstr (sc_window_get_page (fixture->window), ==, "targets");
  /* October 2026, the demo's last month (what the shared picker will set). */
  sc_targets_page_set_period (fixture->page, sc_calendar_day_from_ymd (2026, 10, 1),
                              sc_calendar_day_from_ymd (2026, 10, 31));
  wait_for (page_loaded, fixture);
  sc_ui_test_settle ();
  g_assert_true (sc_ui_test_shows_part (page, "October 2026"));
  g_assert_true (sc_ui_test_shows_part (page, "No targets apply to this month yet."));
  g_assert_true (isnan (stored_csat (fixture)));
  history = sc_targets_page_get_history (fixture->page);
  g_assert_false (sc_target_history_get_can_undo (history));

  /* A value out of range is refused where it was typed; nothing is saved. */
  gtk_editable_set_text (csat_entry (fixture), "150%");
  g_signal_emit_by_name (csat_entry (fixture), "activate");
  g_assert_false (sc_targets_page_is_loading (fixture->page));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (csat_entry (fixture)), "error"));
  g_assert_true (sc_ui_test_shows_part (page, "CSAT is a percentage from 0 to 100; 150% is outside"));
  g_assert_true (isnan (stored_csat (fixture)));
  g_assert_false (sc_target_history_get_can_undo (history));
  sc_ui_test_save_png (window, "targets-error.png");

  /* A target typed with its unit is saved at once, for the year. */
  type_csat (fixture, "90 %");
  g_assert_cmpfloat (stored_csat (fixture), ==, 90);
  g_assert_cmpstr (gtk_editable_get_text (csat_entry (fixture)), ==, "90%");
  g_assert_true (sc_ui_test_shows_part (page, "All · target for 2026"));
  g_assert_true (sc_ui_test_shows_part (page, "of 1 target met"));
  g_assert_true (sc_target_history_get_can_undo (history));
  /* The demo's CSAT is well below 90 %: missed or at risk, never met. */
  g_assert_false (sc_ui_test_shows_part (page, "1 of 1 target met"));

  /* A realistic target, then undo twice and redo once. */
  type_csat (fixture, "60");
  g_assert_cmpfloat (stored_csat (fixture), ==, 60);
  g_assert_true (sc_ui_test_shows_part (page, "1 of 1 target met"));
  /* Periods on target over the year: the months from January whose CSAT
   * reached 60 %, as the engine computes them. */
  {
    g_autoptr(ScEngine) engine = sc_engine_new (sc_window_get_store (fixture->window));
    g_autoptr(ScQuery) query = sc_query_new ();
    g_autoptr(ScQueryResult) months = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = NULL;
    guint met = 0;

    sc_query_add_metric (query, SC_METRIC_CSAT);
    sc_query_set_range (query, sc_calendar_day_from_ymd (2026, 1, 1), sc_calendar_day_from_ymd (2026, 10, 31));
    sc_query_set_grain (query, SC_GRAIN_MONTH);
    months = sc_engine_run (engine, query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (months->buckets->len, ==, 10);
    for (guint b = 0; b < months->buckets->len; b++)
      met += sc_query_result_get_value (months, SC_METRIC_CSAT, b, -1)->value >= 60;
    /* The demo's bad June misses it. */
    g_assert_cmpuint (met, <, 10);
    expected = g_strdup_printf ("%u of 10 months on target", met);
    g_assert_true (sc_ui_test_shows_part (page, expected));
  }
  sc_ui_test_save_png (window, "targets.png");

  undo_redo (fixture, "targets.undo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 90);
  g_assert_cmpstr (gtk_editable_get_text (csat_entry (fixture)), ==, "90%");
  undo_redo (fixture, "targets.undo");
  g_assert_true (isnan (stored_csat (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (csat_entry (fixture)), ==, "");
  g_assert_false (sc_target_history_get_can_undo (history));
  g_assert_true (sc_target_history_get_can_redo (history));
  undo_redo (fixture, "targets.redo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 90);
  undo_redo (fixture, "targets.redo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 60);
  g_assert_false (sc_target_history_get_can_redo (history));

  /* Emptying the entry removes the target; undo brings it back. */
  type_csat (fixture, "");
  g_assert_true (isnan (stored_csat (fixture)));
  undo_redo (fixture, "targets.undo");
  g_assert_cmpfloat (stored_csat (fixture), ==, 60);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_settle ();
  sc_ui_test_save_png (window, "targets-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The open message dialog (there is at most one). */
static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkEditable *
dialog_entry (AdwMessageDialog *dialog,
              int               line)
{
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *entry = gtk_grid_get_child_at (GTK_GRID (grid), 1, line);

  g_assert_true (GTK_IS_EDITABLE (entry));
  return GTK_EDITABLE (entry);
}

static guint
count_csat_months (Fixture *fixture)
{
  g_autoptr(GPtrArray) targets = sc_store_list_targets (sc_window_get_store (fixture->window), SC_MISSING, NULL);
  guint n = 0;

  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];

      n += t->metric == SC_METRIC_CSAT && t->period.kind == SC_TARGET_PERIOD_MONTH;
    }
  return n;
}

/* A glide path over the rest of the year and a channel's override, each
 * through its dialog, each one undo step. */
static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  AdwMessageDialog *dialog;
  int row;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "targets");
  sc_targets_page_set_period (fixture->page, sc_calendar_day_from_ymd (2026, 10, 1),
                              sc_calendar_day_from_ymd (2026, 10, 31));
  wait_for (page_loaded, fixture);
  row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (csat_entry (fixture)), "sc-row"));

  g_assert_true (gtk_widget_activate_action (page, "targets.set-months", "i", row));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* November to December is offered; a value is needed first. */
  g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog, 0)), ==, "2026-11");
  g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog, 1)), ==, "2026-12");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (dialog_entry (dialog, 2), "80%");
  gtk_editable_set_text (dialog_entry (dialog, 1), "2026-13");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "Last month: “2026-13” is not a month"));
  gtk_editable_set_text (dialog_entry (dialog, 1), "2027-02");
  gtk_editable_set_text (dialog_entry (dialog, 3), "86");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  adw_message_dialog_response (dialog, "set");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (page_loaded, fixture);
  g_assert_cmpuint (count_csat_months (fixture), ==, 4);
  targets = sc_store_list_targets (sc_window_get_store (fixture->window), SC_MISSING, &error);
  g_assert_cmpfloat (((ScTarget *) targets->pdata[targets->len - 1])->value, ==, 86);
  undo_redo (fixture, "targets.undo");
  g_assert_cmpuint (count_csat_months (fixture), ==, 0);

  g_assert_true (gtk_widget_activate_action (page, "targets.add-override", "i", row));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (dialog_entry (dialog, 2), "85%");
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (dialog), "Enter the Channel the target is for"));
  gtk_editable_set_text (dialog_entry (dialog, 1), "chat");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  adw_message_dialog_response (dialog, "set");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (page_loaded, fixture);
  sc_ui_test_settle ();
  /* The store's own spelling of the channel; a row of its own. */
  g_assert_nonnull (find_named (page, "target-csat:channel=Chat"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (page, "target-csat:channel=Chat"))), ==,
                   "85%");
  g_assert_true (sc_ui_test_shows_part (page, "Channel: Chat · target for 2026"));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "targets-override.png");
}

static gboolean
dashboard_loaded (Fixture *fixture)
{
  GtkWidget *page = sc_ui_test_find_widget (GTK_WIDGET (fixture->window), SC_TYPE_DASHBOARD_PAGE);

  return page != NULL && !sc_dashboard_page_is_loading (SC_DASHBOARD_PAGE (page));
}

/* The dashboard's card of @metric, once the dashboard shows what the
 * store holds now. */
static ScMetricCard *
dashboard_card (Fixture    *fixture,
                ScMetricId  metric)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "dashboard");
  wait_for (dashboard_loaded, fixture);
  sc_ui_test_settle ();
  page = sc_ui_test_find_widget (GTK_WIDGET (fixture->window), SC_TYPE_DASHBOARD_PAGE);
  for (GtkWidget *w = page; w != NULL;)
    {
      if (SC_IS_METRIC_CARD (w) && sc_metric_card_get_metric (SC_METRIC_CARD (w)) == metric)
        return SC_METRIC_CARD (w);
      /* Depth first through the page. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != page && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == page ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_not_reached ();
}

static void
show_targets (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "targets");
  wait_for (page_loaded, fixture);
  sc_ui_test_settle ();
}

/* A target typed in the table changes the status of the dashboard card
 * for the month; undo puts it back. */
static void
test_dashboard_status (Fixture       *fixture,
                       gconstpointer  data)
{
  ScMetricCard *card;

  card = dashboard_card (fixture, SC_METRIC_CSAT);
  g_assert_cmpint (sc_metric_card_get_status (card), ==, SC_TARGET_STATUS_NONE);
  g_assert_false (sc_ui_test_shows_part (GTK_WIDGET (card), "target"));

  show_targets (fixture);
  type_csat (fixture, "60%");
  card = dashboard_card (fixture, SC_METRIC_CSAT);
  g_assert_cmpint (sc_metric_card_get_status (card), ==, SC_TARGET_STATUS_MET);
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (card), "Met · target 60"));
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "dashboard-target-met.png");

  /* The demo's CSAT of about 76 % misses 90 % by more than the band. */
  show_targets (fixture);
  type_csat (fixture, "90%");
  card = dashboard_card (fixture, SC_METRIC_CSAT);
  g_assert_cmpint (sc_metric_card_get_status (card), ==, SC_TARGET_STATUS_MISSED);
  g_assert_true (sc_ui_test_shows_part (GTK_WIDGET (card), "Missed · target 90"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_save_png (GTK_WIDGET (fixture->window), "dashboard-target-missed-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  show_targets (fixture);
  undo_redo (fixture, "targets.undo");
  card = dashboard_card (fixture, SC_METRIC_CSAT);
  g_assert_cmpint (sc_metric_card_get_status (card), ==, SC_TARGET_STATUS_MET);
  show_targets (fixture);
  undo_redo (fixture, "targets.undo");
  card = dashboard_card (fixture, SC_METRIC_CSAT);
  g_assert_cmpint (sc_metric_card_get_status (card), ==, SC_TARGET_STATUS_NONE);
}

static ScTrendsPage *
trends_page (Fixture *fixture)
{
  return SC_TRENDS_PAGE (sc_ui_test_find_widget (GTK_WIDGET (fixture->window), SC_TYPE_TRENDS_PAGE));
}

static gboolean
trends_loaded (Fixture *fixture)
{
  ScTrendsPage *page = trends_page (fixture);

  return page != NULL && !sc_trends_page_is_loading (page) && sc_trends_page_get_result (page) != NULL;
}

/* The last point of the trend shown (October 2026). */
static const ScChartPoint *
last_point (Fixture *fixture)
{
  ScChartView *chart = SC_CHART_VIEW (sc_trends_page_get_chart (trends_page (fixture)));
  ScChartSeries *series = sc_trend_painter_get_series (SC_TREND_PAINTER (sc_chart_view_get_painter (chart)), 0);

  return sc_chart_series_get_point (series, sc_chart_series_get_n_points (series) - 1);
}

static void
wait_trends (Fixture *fixture)
{
  sc_ui_test_settle ();
  wait_for (trends_loaded, fixture);
  sc_ui_test_settle ();
}

/* The CSAT target of October 2026 alone, NaN when there is none. */
static double
stored_october (Fixture *fixture)
{
  g_autoptr(GPtrArray) targets = sc_store_list_targets (sc_window_get_store (fixture->window), SC_MISSING, NULL);

  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];

      if (t->metric == SC_METRIC_CSAT && t->period.kind == SC_TARGET_PERIOD_MONTH
          && t->period.start_day == sc_calendar_day_from_ymd (2026, 10, 1))
        return t->value;
    }
  return NAN;
}

/* The target line on the trend follows the table; dragging it sets the
 * month's target, which the dashboard card shows; Ctrl+Z and
 * Shift+Ctrl+Z undo and redo the drag everywhere. */
static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  ScTrendsPage *trends;
  ScChartView *chart;
  const ScChartItem *line;
  g_autoptr(ScBaseline) baseline = sc_baseline_new (SC_METRIC_CSAT, "", SC_BASELINE_FIXED);
  g_autoptr(GError) error = NULL;
  double dragged;
  guint n;

  show_targets (fixture);
  type_csat (fixture, "60%");
  baseline->value = 70;
  g_assert_true (sc_target_history_set_baseline (sc_targets_page_get_history (fixture->page), baseline, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (window, "win.show-trend", "s", "csat");
  wait_trends (fixture);
  trends = trends_page (fixture);
  chart = SC_CHART_VIEW (sc_trends_page_get_chart (trends));
  g_assert_true (sc_chart_view_get_target_editable (chart));
  g_assert_cmpfloat (last_point (fixture)->target, ==, 60);
  g_assert_cmpfloat (last_point (fixture)->baseline, ==, 70);

  /* Drag October's target to the top of the chart. */
  n = sc_chart_series_get_n_points (sc_trend_painter_get_series (SC_TREND_PAINTER (sc_chart_view_get_painter (chart)), 0));
  line = sc_chart_geometry_find_item (chart->geometry, SC_CHART_ITEM_TARGET, 0, n - 1);
  g_assert_nonnull (line);
  g_assert_true (_sc_chart_view_drag_begin (chart, line->x, line->y));
  _sc_chart_view_drag_update (chart, -10000);
  _sc_chart_view_drag_end (chart);
  wait_trends (fixture);
  dragged = stored_october (fixture);
  /* Far above October's 76 %: missed. */
  g_assert_cmpfloat (dragged, >, 85);
  g_assert_cmpfloat (dragged, <=, 100);
  g_assert_cmpfloat (last_point (fixture)->target, ==, dragged);
  g_assert_true (sc_ui_test_shows_part (window, sc_target_history_get_undo_label (sc_targets_page_get_history (fixture->page))));
  sc_ui_test_save_png (window, "trends-target-dragged.png");
  g_assert_cmpint (sc_metric_card_get_status (dashboard_card (fixture, SC_METRIC_CSAT)), ==,
                   SC_TARGET_STATUS_MISSED);

  /* Ctrl+Z on the trend undoes the drag; Shift+Ctrl+Z redoes it. */
  gtk_widget_activate_action (window, "win.show-trend", "s", "csat");
  wait_trends (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trends_page (fixture)), "trends.undo-target", NULL));
  wait_trends (fixture);
  g_assert_true (isnan (stored_october (fixture)));
  g_assert_cmpfloat (last_point (fixture)->target, ==, 60);
  g_assert_true (sc_ui_test_shows_part (window, "Undone: "));
  g_assert_cmpint (sc_metric_card_get_status (dashboard_card (fixture, SC_METRIC_CSAT)), ==, SC_TARGET_STATUS_MET);

  gtk_widget_activate_action (window, "win.show-trend", "s", "csat");
  wait_trends (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trends_page (fixture)), "trends.redo-target", NULL));
  wait_trends (fixture);
  g_assert_cmpfloat (stored_october (fixture), ==, dragged);
  g_assert_cmpint (sc_metric_card_get_status (dashboard_card (fixture, SC_METRIC_CSAT)), ==,
                   SC_TARGET_STATUS_MISSED);
}

/* ---- By segment ---------------------------------------------------------- */

static int
status_rank (ScTargetStatus status)
{
  static const ScTargetStatus order[] = {
    SC_TARGET_STATUS_MISSED, SC_TARGET_STATUS_AT_RISK, SC_TARGET_STATUS_MET, SC_TARGET_STATUS_NO_DATA,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == status)
      return i;
  g_assert_not_reached ();
}

static guint
count_named (GtkWidget  *widget,
             const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (widget), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_named (child, name);
  return n;
}

static const ScSegmentTarget *
find_segment_row (GPtrArray  *rows,
                  ScMetricId  metric,
                  const char *segment)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ScSegmentTarget *row = rows->pdata[i];

      if (row->metric == metric && g_str_equal (row->segment, segment))
        return row;
    }
  return NULL;
}

/* Checks the page's rows against the engine: October 2026 by @dim
 * (within @filter_channel when set), every metric with a target in force
 * now, the status computed here from the target the index returns. */
static void
check_against_engine (Fixture     *fixture,
                      ScDimension  dim,
                      const char  *filter_channel)
{
  ScStore *store = sc_window_get_store (fixture->window);
  g_autoptr(ScEngine) engine = sc_engine_new (store);
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *context = filter_channel ? sc_segment_key_add ("", SC_DIM_CHANNEL, filter_channel) : g_strdup ("");
  GPtrArray *rows = sc_targets_page_get_segment_targets (fixture->page);
  gint32 from = sc_calendar_day_from_ymd (2026, 10, 1), to = sc_calendar_day_from_ymd (2026, 10, 31);
  guint expected = 0;

  sc_query_add_all_metrics (query);
  sc_query_set_range (query, from, to);
  sc_query_set_group_by (query, dim);
  if (filter_channel != NULL)
    sc_query_add_filter (query, SC_DIM_CHANNEL, filter_channel);
  result = sc_engine_run (engine, query, &error);
  g_assert_no_error (error);
  index = sc_target_index_load (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  for (guint s = 0; s < result->segments->len; s++)
    {
      const ScSegment *segment = g_ptr_array_index (result->segments, s);
      g_autofree char *key = NULL;

      if (segment->code == 0)
        continue;
      key = sc_segment_key_add (context, dim, segment->label);
      for (ScMetricId m = 0; m < SC_METRIC_N; m++)
        {
          const ScTarget *target = sc_target_index_lookup (index, m, key, from, to, SC_MISSING);
          const ScMetricValue *value = sc_query_result_get_value (result, m, 0, (int) s);
          const ScSegmentTarget *row = find_segment_row (rows, m, segment->label);
          ScAttainment attainment;

          if (target == NULL)
            {
              g_assert_null (row);
              continue;
            }
          expected++;
          g_assert_nonnull (row);
          sc_target_evaluate (target, sc_engine_ensure_facts (engine, NULL)->settings, value->value, &attainment);
          g_assert_cmpfloat (row->target, ==, target->value);
          if (isnan (value->value))
            g_assert_true (isnan (row->value));
          else
            g_assert_cmpfloat_with_epsilon (row->value, value->value, 1e-9);
          g_assert_cmpint (row->n, ==, value->n);
          g_assert_cmpint (row->attainment.status, ==, attainment.status);
        }
    }
  g_assert_cmpuint (rows->len, ==, expected);
  g_assert_cmpuint (count_named (GTK_WIDGET (fixture->page), "segment-target"), ==, rows->len);
  /* Missed first, then at risk, then met. */
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpint (status_rank (((ScSegmentTarget *) rows->pdata[i - 1])->attainment.status), <=,
                     status_rank (((ScSegmentTarget *) rows->pdata[i])->attainment.status));
}

/* Scrolls the page so that @widget is at the top of the view. */
static void
scroll_to (Fixture   *fixture,
           GtkWidget *widget)
{
  GtkWidget *scrolled = sc_ui_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  /* The viewport's coordinates move with the scrolling. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  sc_ui_test_settle ();
}

static void
test_by_segment (Fixture       *fixture,
                 gconstpointer  data)
{
  ScViewState *state = sc_window_get_view_state (fixture->window);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *dropdown = find_named (page, "segment-dimension");
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GPtrArray *rows;
  const ScSegmentTarget *worst;
  g_autoptr(ScTarget) override = NULL;
  g_autoptr(GError) error = NULL;
  ScTargetPeriod year = { SC_TARGET_PERIOD_YEAR, sc_calendar_day_from_ymd (2026, 1, 1) };
  guint missed = 0, met = 0;

  sc_view_state_set_period (state, SC_PERIOD_MONTH, sc_calendar_day_from_ymd (2026, 10, 1),
                            sc_calendar_day_from_ymd (2026, 10, 31));
  show_targets (fixture);
  /* Chosen as a user would: the dropdown is reachable from the keyboard. */
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_focusable (dropdown) || gtk_widget_get_first_child (dropdown) != NULL);
  sc_targets_page_set_segment_dimension (fixture->page, SC_DIM_CHANNEL);
  show_targets (fixture);
  g_assert_cmpint (sc_targets_page_get_segment_dimension (fixture->page), ==, SC_DIM_CHANNEL);
  sc_targets_page_set_segment_dimension (fixture->page, SC_DIM_TEAM);
  show_targets (fixture);
  g_assert_cmpint (sc_targets_page_get_segment_dimension (fixture->page), ==, SC_DIM_TEAM);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 2);

  check_against_engine (fixture, SC_DIM_TEAM, NULL);
  rows = sc_targets_page_get_segment_targets (fixture->page);
  /* The demo's year targets for 2026: some teams miss them, some meet. */
  for (guint i = 0; i < rows->len; i++)
    {
      const ScSegmentTarget *row = rows->pdata[i];

      missed += row->attainment.status == SC_TARGET_STATUS_MISSED;
      met += row->attainment.status == SC_TARGET_STATUS_MET;
      /* The demo has no team overrides: all against the overall target. */
      g_assert_false (row->own);
    }
  g_assert_cmpuint (missed, >, 0);
  g_assert_cmpuint (met, >, 0);
  worst = rows->pdata[0];
  g_assert_cmpint (worst->attainment.status, ==, SC_TARGET_STATUS_MISSED);
  g_assert_true (sc_ui_test_shows_part (page, "Overall target"));
  g_assert_true (sc_ui_test_shows_part (page, "Missed"));
  g_assert_true (sc_ui_test_shows_part (page, "missed,"));
  scroll_to (fixture, dropdown);
  sc_ui_test_save_png (window, "targets-by-team.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sc_ui_test_settle ();
  sc_ui_test_save_png (window, "targets-by-team-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The worst team gets an override of its own, below its actual: the
   * table recomputes and says it is measured against its own target. */
  {
    g_autofree char *key = sc_segment_key_add ("", SC_DIM_TEAM, worst->segment);
    g_autofree char *name = g_strdup (worst->segment);
    ScMetricId metric = worst->metric;
    const ScSegmentTarget *row;

    /* Exactly the team's actual: met, at 100 %. */
    override = sc_target_new (metric, key, &year, worst->value);
    g_assert_true (sc_target_history_set_target (sc_targets_page_get_history (fixture->page), override, &error));
    g_assert_no_error (error);
    show_targets (fixture);
    check_against_engine (fixture, SC_DIM_TEAM, NULL);
    row = find_segment_row (sc_targets_page_get_segment_targets (fixture->page), metric, name);
    g_assert_nonnull (row);
    g_assert_true (row->own);
    g_assert_cmpfloat (row->target, ==, override->value);
    g_assert_cmpint (row->attainment.status, ==, SC_TARGET_STATUS_MET);
    g_assert_cmpfloat_with_epsilon (row->attainment.attainment, 100, 1e-6);
    g_assert_true (sc_ui_test_shows_part (page, "Own target"));
  }

  /* A filter on the channel: the teams within Email. */
  sc_view_state_add_filter (state, SC_DIM_CHANNEL, "Email");
  show_targets (fixture);
  check_against_engine (fixture, SC_DIM_TEAM, "Email");
  g_assert_true (sc_ui_test_shows_part (page, "Within Channel: Email"));
  scroll_to (fixture, dropdown);
  sc_ui_test_save_png (window, "targets-by-team-email.png");

  /* A filter nothing matches: not enough data. */
  sc_view_state_add_filter (state, SC_DIM_REGION, "Atlantis");
  show_targets (fixture);
  g_assert_cmpuint (sc_targets_page_get_segment_targets (fixture->page)->len, ==, 0);
  g_assert_true (sc_ui_test_shows_part (page, "Not Enough Data"));
  sc_view_state_clear_filters (state);
  show_targets (fixture);
  check_against_engine (fixture, SC_DIM_TEAM, NULL);

  /* The longest table: every agent against every target. */
  {
    gint64 start = g_get_monotonic_time ();

    sc_targets_page_set_segment_dimension (fixture->page, SC_DIM_AGENT);
    wait_for (page_loaded, fixture);
    g_test_message ("By agent: %u rows in %.0f ms", sc_targets_page_get_segment_targets (fixture->page)->len,
                    (g_get_monotonic_time () - start) / 1000.0);
    sc_ui_test_settle ();
    check_against_engine (fixture, SC_DIM_AGENT, NULL);
    g_assert_cmpuint (sc_targets_page_get_segment_targets (fixture->page)->len, >, 100);
    sc_targets_page_set_segment_dimension (fixture->page, SC_DIM_TEAM);
    show_targets (fixture);
  }

  /* December 2024 comes before the first year targets: none set. */
  sc_view_state_set_period (state, SC_PERIOD_MONTH, sc_calendar_day_from_ymd (2024, 12, 1),
                            sc_calendar_day_from_ymd (2024, 12, 31));
  show_targets (fixture);
  g_assert_cmpuint (sc_targets_page_get_segment_targets (fixture->page)->len, ==, 0);
  g_assert_true (sc_ui_test_shows_part (page, "No Targets Set"));
  scroll_to (fixture, dropdown);
  sc_ui_test_save_png (window, "targets-by-team-empty.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *full_dir = NULL;
  int status;

  sc_ui_test_init (&argc, &argv);
  dir = sc_test_make_tmpdir ();
  store_path = sc_ui_test_make_demo (dir);
  full_dir = sc_test_make_tmpdir ();
  full_store_path = sc_ui_test_make_full_demo (full_dir);

  g_test_add ("/scorecard/ui/targets-page/edit-undo-redo", Fixture, NULL, fixture_setup,
              test_edit_undo_redo, fixture_teardown);
  g_test_add ("/scorecard/ui/targets-page/dialogs", Fixture, NULL, fixture_setup,
              test_dialogs, fixture_teardown);
  g_test_add ("/scorecard/ui/targets-page/dashboard-status", Fixture, NULL, fixture_setup,
              test_dashboard_status, fixture_teardown);
  g_test_add ("/scorecard/ui/targets-page/drag", Fixture, NULL, fixture_setup,
              test_drag, fixture_teardown);
  g_test_add ("/scorecard/ui/targets-page/by-segment", Fixture, full_store_path, fixture_setup,
              test_by_segment, fixture_teardown);

  status = g_test_run ();
  sc_test_remove_tree (dir);
  sc_test_remove_tree (full_dir);
  g_free (store_path);
  g_free (full_store_path);
  return status;
}
