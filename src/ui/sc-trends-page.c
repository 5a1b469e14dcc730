/* sc-trends-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trends: one metric over time up to the end of the window's period, under
 * its filters, with the 95 % interval as a band, small samples hollow and,
 * on request, the same periods a year earlier; the target of each period
 * (as in force then, for the segment the filters pick) as a step line and
 * the baseline. Dragging the target line sets the target of the window's
 * period through the undo history the Targets page edits with: a toast
 * offers Undo, Ctrl+Z and Shift+Ctrl+Z undo and redo, and every view
 * follows. The chart can be read as a table, copied and saved.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-baseline-eval.h"
#include "sc-chart-view.h"
#include "sc-compute.h"
#include "sc-metric-series.h"
#include "sc-notes-popover.h"
#include "sc-store-review.h"
#include "sc-target.h"
#include "sc-toast-slot.h"
#include "sc-trend-painter.h"
#include "sc-trends-page.h"
#include "sc-window.h"

struct _ScTrendsPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkDropDown    *metric_dropdown;
  GtkDropDown    *grain_dropdown;
  GtkToggleButton *previous_year_button;
  GtkToggleButton *table_button;
  GtkMenuButton  *notes_button;
  GtkWidget      *spinner;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkStack       *content_stack;
  AdwBin         *chart_bin;
  AdwStatusPage  *error_page;

  ScChartView    *chart;
  ScTrendPainter *painter;
  ScNotesPopover *notes;
  ScViewState    *state;
  ScEngine       *engine;
  GTimeZone      *zone;
  ScQueryResult  *result;
  ScComputeSlot   slot;
  GtkFileChooserNative *chooser;
  ScTargetHistory *history;
  ScToastSlot     toast;
};

G_DEFINE_FINAL_TYPE (ScTrendsPage, sc_trends_page, GTK_TYPE_WIDGET)

/* The grains offered, in the dropdown's order, and how many of each the
 * chart shows up to the period's end. */
static const struct
{
  ScGrain grain;
  int     periods;
} grains[] = {
  { SC_GRAIN_DAY, 60 },
  { SC_GRAIN_WEEK, 26 },
  { SC_GRAIN_MONTH, 13 },
  { SC_GRAIN_QUARTER, 8 },
};

#define DEFAULT_GRAIN_INDEX 2

static ScGrain
selected_grain (ScTrendsPage *self)
{
  return grains[MIN (gtk_drop_down_get_selected (self->grain_dropdown),
                     G_N_ELEMENTS (grains) - 1)].grain;
}

/* ---- Computing ----------------------------------------------------------- */

/* What the worker computes: the trend, and the baseline of each bucket. */
typedef struct
{
  ScQuery  *query;
  ScStore  *store;
  ScMetricId metric;
  char     *segment;
} TrendJob;

typedef struct
{
  ScQueryResult *result;
  GArray        *baselines;   /* double per bucket, NaN without one */
} TrendOut;

static void
trend_job_free (TrendJob *job)
{
  sc_query_free (job->query);
  g_object_unref (job->store);
  g_free (job->segment);
  g_free (job);
}

static void
trend_out_free (TrendOut *out)
{
  g_clear_pointer (&out->result, sc_query_result_free);
  g_clear_pointer (&out->baselines, g_array_unref);
  g_free (out);
}

static gpointer
trend_compute (const ScFacts  *facts,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  TrendJob *job = data;
  g_autoptr(GPtrArray) baselines = NULL;
  const ScBaseline *baseline;
  TrendOut *out = g_new0 (TrendOut, 1);

  if ((out->result = sc_engine_compute (facts, job->query, error)) == NULL
      || (baselines = sc_store_list_baselines (job->store, SC_MISSING, error)) == NULL)
    {
      trend_out_free (out);
      return NULL;
    }
  out->baselines = g_array_new (FALSE, FALSE, sizeof (double));
  baseline = sc_baselines_lookup (baselines, job->metric, job->segment);
  for (guint b = 0; b < out->result->buckets->len; b++)
    {
      const ScBucket *bucket = g_ptr_array_index (out->result->buckets, b);
      ScBaselineValue value = { .value = NAN };

      if (baseline != NULL
          && !sc_baseline_compute (baseline, facts, bucket->first_day, bucket->last_day, &value, error))
        {
          trend_out_free (out);
          return NULL;
        }
      g_array_append_val (out->baselines, value.value);
    }
  return out;
}

/* @series with the target in force for each bucket (as a review of that
 * bucket would show it) and its baseline. */
static ScChartSeries *
with_references (ScTrendsPage        *self,
                 const ScChartSeries *series,
                 const ScQueryResult *trend,
                 GArray              *baselines,
                 ScMetricId           metric,
                 const char          *segment)
{
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  ScChartSeries *copy = sc_chart_series_new (sc_chart_series_get_name (series),
                                             sc_chart_series_get_unit (series));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  sc_chart_series_set_direction (copy, sc_chart_series_get_direction (series));
  sc_chart_series_set_currency (copy, sc_chart_series_get_currency (series));
  if ((index = sc_target_index_load (sc_engine_get_store (self->engine), &error)) == NULL)
    g_warning ("Cannot read the targets: %s", error->message);
  for (guint i = 0; i < sc_chart_series_get_n_points (series); i++)
    {
      const ScBucket *bucket = g_ptr_array_index (trend->buckets, i);
      ScChartPoint point = *sc_chart_series_get_point (series, i);
      const ScTarget *target = NULL;

      if (index != NULL)
        target = sc_target_index_lookup (index, metric, segment, bucket->first_day, bucket->last_day,
                                         sc_target_review_instant (bucket->last_day, self->zone, now));
      point.target = target != NULL ? target->value : NAN;
      point.baseline = g_array_index (baselines, double, i);
      sc_chart_series_append (copy, &point);
    }
  return copy;
}

/* The same buckets, valued a year earlier: the painter draws it lighter
 * under the main series. */
static ScChartSeries *
previous_year_series (const ScQueryResult *result,
                      ScMetricId           metric,
                      GTimeZone           *zone)
{
  const ScMetric *info = sc_metric_get (metric);
  g_autofree char *name = g_strdup_printf (_("%s a year earlier"), info->name);
  ScChartSeries *series = sc_chart_series_new (name, sc_metric_get_chart_unit (info));

  sc_chart_series_set_direction (series, sc_metric_get_chart_direction (info));
  for (guint b = 0; b < result->buckets->len; b++)
    {
      const ScBucket *bucket = g_ptr_array_index (result->buckets, b);
      const ScMetricValue *v = sc_query_result_get_value (result, metric, b, -1);
      gboolean has = v != NULL && v->has_comparison && v->compare_n > 0;

      sc_chart_series_add (series, sc_day_to_unix (bucket->first_day, zone),
                           sc_day_to_unix (bucket->last_day + 1, zone),
                           has ? v->compare_value : NAN, has ? (guint64) v->compare_n : 0);
    }
  return series;
}

static void
show_summary (ScTrendsPage *self)
{
  ScMetricId metric = sc_trends_page_get_metric (self);
  const ScMetric *info = sc_metric_get (metric);
  const ScMetricValue *v;
  g_autofree char *period = sc_view_state_dup_period_label (self->state);
  g_autofree char *value = NULL;
  g_autofree char *n = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint last;

  gtk_label_set_text (self->title_label, info->name);
  if (self->result == NULL || self->result->buckets->len == 0)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  last = self->result->buckets->len - 1;
  v = sc_query_result_get_value (self->result, metric, last, -1);
  if (v == NULL || v->n == 0 || isnan (v->value))
    {
      g_string_printf (text, _("No data in the last period shown"));
    }
  else
    {
      const ScBucket *bucket = g_ptr_array_index (self->result->buckets, last);
      g_autofree char *range = sc_format_day_range (bucket->first_day, bucket->last_day);

      value = sc_metric_format_display (info, v->value);
      n = sc_chart_format_number ((double) v->n, 0);
      /* Translators: "1 – 31 Oct 2026: 84.2 %, n = 1,203" */
      g_string_printf (text, _("%s: %s, n = %s"), range, value, n);
      if (isfinite (v->ci_low) && isfinite (v->ci_high))
        {
          g_autofree char *lo = sc_metric_format_display (info, v->ci_low);
          g_autofree char *hi = sc_metric_format_display (info, v->ci_high);

          g_string_append_printf (text, _(" (95 %% interval %s – %s)"), lo, hi);
        }
      if (v->insufficient)
        g_string_append_printf (text, _(" — below the minimum sample of %u"), info->min_sample);
    }
  gtk_label_set_text (self->summary_label, text->str);
}

/* The notes pinned to dates the trend shows, as markers on the chart. */
static void
show_notes (ScTrendsPage *self)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const ScBucket *first, *last;
  GPtrArray *notes;

  sc_trend_painter_clear_annotations (self->painter);
  if (self->result == NULL || self->result->buckets->len == 0)
    return;
  first = g_ptr_array_index (self->result->buckets, 0);
  last = g_ptr_array_index (self->result->buckets, self->result->buckets->len - 1);
  sc_notes_popover_set_scope (self->notes, sc_trends_page_get_metric (self), first->first_day,
                              last->last_day);
  notes = sc_notes_popover_get_notes (self->notes);
  for (guint i = 0; i < notes->len; i++)
    {
      const ScAnnotation *note = g_ptr_array_index (notes, i);
      g_autoptr(GDateTime) noon = NULL;
      gint32 day;
      int y, m, d;

      if (!sc_calendar_parse_date (note->day, &day))
        continue;
      sc_calendar_ymd_from_day (day, &y, &m, &d);
      noon = g_date_time_new (self->zone != NULL ? self->zone : utc, y, m, d, 12, 0, 0);
      sc_trend_painter_add_annotation (self->painter, g_date_time_to_unix (noon), note->text);
    }
}

static void
notes_changed_cb (ScTrendsPage *self)
{
  show_notes (self);
  sc_chart_view_queue_update (self->chart);
}

static void
trend_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScTrendsPage *self = SC_TRENDS_PAGE (object);
  g_autoptr(GError) error = NULL;
  TrendOut *out;
  ScQueryResult *trend;
  ScMetricId metric;
  g_autofree char *segment = NULL;
  g_autoptr(ScChartSeries) plain = NULL;
  g_autoptr(ScChartSeries) series = NULL;

  out = sc_compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sc_compute_slot_end (&self->slot);
  if (out == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  g_clear_pointer (&self->result, sc_query_result_free);
  self->result = trend = g_steal_pointer (&out->result);

  metric = sc_trends_page_get_metric (self);
  segment = sc_segment_key_from_filters (sc_view_state_get_filters (self->state));
  plain = sc_metric_series_from_result (trend, metric, -1, self->zone);
  series = with_references (self, plain, trend, out->baselines, metric, segment);
  trend_out_free (out);
  sc_trend_painter_clear_series (self->painter);
  sc_trend_painter_add_series (self->painter, series);
  if (gtk_toggle_button_get_active (self->previous_year_button))
    {
      g_autoptr(ScChartSeries) before = previous_year_series (trend, metric, self->zone);

      sc_trend_painter_set_comparison (self->painter, before);
    }
  else
    sc_trend_painter_set_comparison (self->painter, NULL);
  sc_trend_painter_set_time_zone (self->painter, self->zone);
  show_notes (self);
  sc_chart_view_set_title (self->chart, sc_metric_get (metric)->name);
  sc_chart_view_queue_update (self->chart);
  gtk_stack_set_visible_child_name (self->content_stack, "chart");
  show_summary (self);
}

/**
 * sc_trends_page_reload:
 * @self: the page
 *
 * Computes the trend again for the current state, cancelling a
 * computation under way.
 */
void
sc_trends_page_reload (ScTrendsPage *self)
{
  ScGrain grain;
  ScQuery *query;
  TrendJob *job;
  gint32 to, from;
  int periods;

  g_return_if_fail (SC_IS_TRENDS_PAGE (self));

  if (self->engine == NULL || self->state == NULL || !sc_view_state_has_period (self->state))
    return;
  grain = selected_grain (self);
  periods = grains[MIN (gtk_drop_down_get_selected (self->grain_dropdown),
                        G_N_ELEMENTS (grains) - 1)].periods;
  to = sc_view_state_get_to (self->state);
  from = sc_grain_bucket_start (grain, to);
  for (int i = 1; i < periods; i++)
    from = sc_grain_bucket_start (grain, from - 1);

  query = sc_query_new ();
  sc_query_add_metric (query, sc_trends_page_get_metric (self));
  sc_view_state_apply (self->state, query);
  sc_query_set_range (query, from, to);
  sc_query_set_grain (query, grain);
  sc_query_set_comparison (query, gtk_toggle_button_get_active (self->previous_year_button)
                                  ? SC_COMPARE_YEAR : SC_COMPARE_NONE);
  job = g_new0 (TrendJob, 1);
  job->query = query;
  job->store = g_object_ref (sc_engine_get_store (self->engine));
  job->metric = sc_trends_page_get_metric (self);
  job->segment = sc_segment_key_from_filters (sc_view_state_get_filters (self->state));
  sc_compute_async (self, self->engine, trend_compute, job, (GDestroyNotify) trend_job_free,
                    (GDestroyNotify) trend_out_free, sc_compute_slot_begin (&self->slot),
                    trend_ready_cb, NULL);
}

/* ---- Editing the target ------------------------------------------------- */

static void undo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter);

static void
toast_undo_cb (ScTrendsPage *self)
{
  undo_action (GTK_WIDGET (self), "trends.undo-target", NULL);
}

static void
show_toast (ScTrendsPage *self,
            const char   *title,
            gboolean      undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!SC_IS_WINDOW (root))
    return;
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, undo ? 5 : 3);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self,
                               G_CONNECT_SWAPPED);
    }
  sc_toast_slot_show (&self->toast, sc_window_get_toast_overlay (SC_WINDOW (root)), toast);
}

static void
report_error (ScTrendsPage *self,
              const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SC_IS_WINDOW (root))
    sc_window_add_toast (SC_WINDOW (root), adw_toast_new (error->message));
}

/* The target line was dragged to @value: the target of the window's
 * period (its month, quarter or year; each month of a custom range) for
 * the segment the filters pick, keeping the at-risk band of the target
 * that applied. */
static void
target_changed_cb (ScTrendsPage *self,
                   double        value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) target = NULL;
  g_autoptr(ScTargetIndex) index = NULL;
  g_autofree char *segment = NULL;
  ScMetricId metric = sc_trends_page_get_metric (self);
  ScTargetPeriod period = { SC_TARGET_PERIOD_MONTH, 0 };
  const ScTarget *current = NULL;
  gint32 from, to;
  gboolean ok;

  if (self->history == NULL || self->state == NULL || !sc_view_state_has_period (self->state))
    return;
  from = sc_view_state_get_from (self->state);
  to = sc_view_state_get_to (self->state);
  switch (sc_view_state_get_kind (self->state))
    {
    case SC_PERIOD_QUARTER:
      period = (ScTargetPeriod) { SC_TARGET_PERIOD_QUARTER, from };
      break;
    case SC_PERIOD_YEAR:
      period = (ScTargetPeriod) { SC_TARGET_PERIOD_YEAR, from };
      break;
    case SC_PERIOD_MONTH:
    case SC_PERIOD_CUSTOM:
    default:
      period = (ScTargetPeriod) { SC_TARGET_PERIOD_MONTH, sc_grain_bucket_start (SC_GRAIN_MONTH, from) };
      break;
    }
  segment = sc_segment_key_from_filters (sc_view_state_get_filters (self->state));
  target = sc_target_new (metric, segment, &period, value);
  if ((index = sc_target_index_load (sc_target_history_get_store (self->history), &error)) != NULL
      && (current = sc_target_index_lookup (index, metric, segment, from, to, SC_MISSING)) != NULL)
    target->at_risk_band = current->at_risk_band;
  if (sc_view_state_get_kind (self->state) == SC_PERIOD_CUSTOM)
    ok = sc_target_history_set_months (self->history, target, sc_grain_bucket_start (SC_GRAIN_MONTH, to),
                                       value, &error);
  else
    ok = sc_target_history_set_target (self->history, target, &error);
  if (!ok)
    {
      report_error (self, error);
      sc_trends_page_reload (self);
      return;
    }
  show_toast (self, sc_target_history_get_undo_label (self->history), TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScTrendsPage *self = SC_TRENDS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "trends.redo-target");
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->history == NULL
      || !(redo ? sc_target_history_get_can_redo (self->history) : sc_target_history_get_can_undo (self->history)))
    return;
  label = g_strdup (redo ? sc_target_history_get_redo_label (self->history)
                         : sc_target_history_get_undo_label (self->history));
  if (!(redo ? sc_target_history_redo (self->history, &error) : sc_target_history_undo (self->history, &error)))
    {
      report_error (self, error);
      return;
    }
  /* Translators: a toast after undoing, e.g. "Undone: Set the target of CSAT (All, 2026)". */
  title = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label ? label : "");
  show_toast (self, title, FALSE);
}

/**
 * sc_trends_page_set_target_history:
 * @self: the page
 * @history: (nullable): where targets are edited; with it the target
 *   line can be dragged, and the trend follows every edit
 */
void
sc_trends_page_set_target_history (ScTrendsPage    *self,
                                   ScTargetHistory *history)
{
  g_return_if_fail (SC_IS_TRENDS_PAGE (self));
  g_return_if_fail (history == NULL || SC_IS_TARGET_HISTORY (history));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (sc_trends_page_reload), self,
                             G_CONNECT_SWAPPED);
  sc_chart_view_set_target_editable (self->chart, history != NULL);
}

/* ---- Export -------------------------------------------------------------- */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScTrendsPage *self = SC_TRENDS_PAGE (widget);
  g_autoptr(GdkTexture) texture = sc_chart_view_render_texture (self->chart, 2.0);

  if (texture != NULL)
    gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (sc_chart_view_export_finish (SC_CHART_VIEW (object), result, &error))
    return;
  root = gtk_widget_get_root (GTK_WIDGET (object));
  if (SC_IS_WINDOW (root))
    sc_window_add_toast (SC_WINDOW (root), adw_toast_new (error->message));
}

static void
save_response_cb (ScTrendsPage         *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    sc_chart_view_export_async (self->chart, file, NULL, export_done_cb, NULL);
  g_clear_object (&self->chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScTrendsPage *self = SC_TRENDS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (root),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  name = g_strdup_printf ("%s.png", sc_metric_get (sc_trends_page_get_metric (self))->id_string);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- Public API ---------------------------------------------------------- */

void
sc_trends_page_set_view_state (ScTrendsPage *self,
                               ScViewState  *state)
{
  g_return_if_fail (SC_IS_TRENDS_PAGE (self));
  g_return_if_fail (SC_IS_VIEW_STATE (state));

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  g_signal_connect_object (state, "changed", G_CALLBACK (sc_trends_page_reload), self,
                           G_CONNECT_SWAPPED);
}

/**
 * sc_trends_page_set_engine:
 * @self: the page
 * @engine: (nullable): the engine of the open store
 */
void
sc_trends_page_set_engine (ScTrendsPage *self,
                           ScEngine     *engine)
{
  g_return_if_fail (SC_IS_TRENDS_PAGE (self));

  sc_compute_slot_cancel (&self->slot);
  g_set_object (&self->engine, engine);
  sc_notes_popover_set_store (self->notes, engine != NULL ? sc_engine_get_store (engine) : NULL);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->result, sc_query_result_free);
  self->zone = engine != NULL ? sc_store_dup_time_zone (sc_engine_get_store (engine))
                              : g_time_zone_new_utc ();
  sc_trends_page_reload (self);
}

ScMetricId
sc_trends_page_get_metric (ScTrendsPage *self)
{
  g_return_val_if_fail (SC_IS_TRENDS_PAGE (self), SC_METRIC_VOLUME);

  return (ScMetricId) MIN (gtk_drop_down_get_selected (self->metric_dropdown), SC_METRIC_N - 1);
}

void
sc_trends_page_set_metric (ScTrendsPage *self,
                           ScMetricId    metric)
{
  g_return_if_fail (SC_IS_TRENDS_PAGE (self));
  g_return_if_fail (metric < SC_METRIC_N);

  gtk_drop_down_set_selected (self->metric_dropdown, metric);
}

void
sc_trends_page_set_grain (ScTrendsPage *self,
                          ScGrain       grain)
{
  g_return_if_fail (SC_IS_TRENDS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (grains); i++)
    if (grains[i].grain == grain)
      gtk_drop_down_set_selected (self->grain_dropdown, i);
}

gboolean
sc_trends_page_is_loading (ScTrendsPage *self)
{
  g_return_val_if_fail (SC_IS_TRENDS_PAGE (self), FALSE);

  return sc_compute_slot_is_busy (&self->slot);
}

/**
 * sc_trends_page_get_result:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): what the chart shows
 */
const ScQueryResult *
sc_trends_page_get_result (ScTrendsPage *self)
{
  g_return_val_if_fail (SC_IS_TRENDS_PAGE (self), NULL);

  return self->result;
}

GtkWidget *
sc_trends_page_get_chart (ScTrendsPage *self)
{
  g_return_val_if_fail (SC_IS_TRENDS_PAGE (self), NULL);

  return GTK_WIDGET (self->chart);
}

/* ---- GObject ------------------------------------------------------------- */

static void
table_toggled_cb (ScTrendsPage *self)
{
  sc_chart_view_set_show_table (self->chart, gtk_toggle_button_get_active (self->table_button));
}

static void
sc_trends_page_dispose (GObject *object)
{
  ScTrendsPage *self = SC_TRENDS_PAGE (object);
  GtkWidget *child;

  sc_compute_slot_clear (&self->slot);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->engine);
  g_clear_object (&self->painter);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->result, sc_query_result_free);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  sc_toast_slot_clear (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_TRENDS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_trends_page_parent_class)->dispose (object);
}

static void
sc_trends_page_class_init (ScTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_trends_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sc-trends-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, grain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, previous_year_button);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, table_button);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, notes_button);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, ScTrendsPage, error_page);

  gtk_widget_class_install_action (widget_class, "trends.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "trends.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "trends.undo-target", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "trends.redo-target", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "trends.undo-target", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "trends.redo-target", NULL);
}

static void
sc_trends_page_init (ScTrendsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SC_METRIC_N; i++)
    gtk_string_list_append (names, sc_metric_get (i)->name);
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->metric_dropdown, SC_METRIC_CSAT);
  gtk_drop_down_set_selected (self->grain_dropdown, DEFAULT_GRAIN_INDEX);

  self->painter = sc_trend_painter_new ();
  self->chart = SC_CHART_VIEW (sc_chart_view_new (SC_CHART_PAINTER (self->painter)));
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), 320, 280);
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (self->chart));
  sc_compute_slot_set_spinner (&self->slot, self->spinner);
  self->notes = sc_notes_popover_new ();
  gtk_menu_button_set_popover (self->notes_button, GTK_WIDGET (self->notes));
  g_signal_connect_object (self->notes, "changed", G_CALLBACK (notes_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->metric_dropdown, "notify::selected",
                           G_CALLBACK (sc_trends_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grain_dropdown, "notify::selected",
                           G_CALLBACK (sc_trends_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->previous_year_button, "toggled",
                           G_CALLBACK (sc_trends_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table_button, "toggled", G_CALLBACK (table_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "target-changed", G_CALLBACK (target_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

ScTrendsPage *
sc_trends_page_new (void)
{
  return g_object_new (SC_TYPE_TRENDS_PAGE, NULL);
}
