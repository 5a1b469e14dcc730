/* sc-trends-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trends: one metric over time up to the end of the window's period, under
 * its filters, with the 95 % interval as a band, small samples hollow and,
 * on request, the same periods a year earlier. The chart can be read as a
 * table, copied and saved.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-view.h"
#include "sc-compute.h"
#include "sc-metric-series.h"
#include "sc-notes-popover.h"
#include "sc-store-review.h"
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

static gpointer
trend_compute (const ScFacts  *facts,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  return sc_engine_compute (facts, data, error);
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
  ScQueryResult *trend;
  ScMetricId metric;
  g_autoptr(ScChartSeries) series = NULL;

  trend = sc_compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sc_compute_slot_end (&self->slot);
  if (trend == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }
  g_clear_pointer (&self->result, sc_query_result_free);
  self->result = trend;

  metric = sc_trends_page_get_metric (self);
  series = sc_metric_series_from_result (trend, metric, -1, self->zone);
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
  sc_compute_async (self, self->engine, trend_compute, query, (GDestroyNotify) sc_query_free,
                    (GDestroyNotify) sc_query_result_free, sc_compute_slot_begin (&self->slot),
                    trend_ready_cb, NULL);
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
  if (engine != NULL)
    {
      g_autofree char *name = sc_store_dup_setting (sc_engine_get_store (engine), "timezone");

      if (name != NULL)
        self->zone = g_time_zone_new_identifier (name);
    }
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();
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
}

ScTrendsPage *
sc_trends_page_new (void)
{
  return g_object_new (SC_TYPE_TRENDS_PAGE, NULL);
}
