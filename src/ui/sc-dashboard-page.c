/* sc-dashboard-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard: the headline metrics of the window's period against its
 * comparison, under its filters, each with a 13-period sparkline, and what
 * the store holds. A card whose metric has a target for the period and
 * segment shows whether it was met, against the target in force then (so
 * last month keeps last month's target). Everything is computed off the
 * main thread; a change while a computation runs cancels it and starts
 * again, as does an edit of the targets. Activating a card opens the
 * metric's trend.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-axis.h"
#include "sc-dashboard-page.h"
#include "sc-metric-card.h"
#include "sc-metric-series.h"

#define TREND_PERIODS 13

struct _ScDashboardPage
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkWidget    *period_box;
  GtkLabel     *period_label;
  GtkLabel     *compare_label;
  GtkFlowBox   *cards;
  AdwActionRow *organisation_row;
  AdwActionRow *interactions_row;
  AdwActionRow *period_row;
  AdwActionRow *surveys_row;
  AdwActionRow *customers_row;
  AdwActionRow *agent_days_row;
  AdwActionRow *imports_row;

  ScStore      *store;
  ScEngine     *engine;
  ScViewState  *state;
  GSettings    *settings;
  ScTargetHistory *history;
  GCancellable *cancellable;
  guint         loading : 1;
};

G_DEFINE_FINAL_TYPE (ScDashboardPage, sc_dashboard_page, GTK_TYPE_WIDGET)

enum {
  LOADED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What one load reads and computes, handed from the worker. */
typedef struct
{
  ScStore         *store;
  ScEngine        *engine;
  GArray          *metrics;
  ScStoreOverview  overview;
  char            *organisation;
  GTimeZone       *zone;
  char            *zone_name;
  char            *period;
  char            *compared_with;
  char            *against;
  ScQuery         *current_query;
  ScQuery         *trend_query;
  ScQueryResult   *current;
  ScQueryResult   *trend;
  char            *segment;      /* the filters as a segment key */
  gint32           from;         /* the period's first and last day */
  gint32           to;
  gint64           now;
  ScTargetIndex   *targets;
  ScMetricSettings *metric_settings;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->store);
  g_clear_object (&load->engine);
  g_clear_pointer (&load->metrics, g_array_unref);
  g_clear_pointer (&load->organisation, g_free);
  g_clear_pointer (&load->zone, g_time_zone_unref);
  g_clear_pointer (&load->zone_name, g_free);
  g_clear_pointer (&load->period, g_free);
  g_clear_pointer (&load->compared_with, g_free);
  g_clear_pointer (&load->against, g_free);
  g_clear_pointer (&load->current_query, sc_query_free);
  g_clear_pointer (&load->trend_query, sc_query_free);
  g_clear_pointer (&load->current, sc_query_result_free);
  g_clear_pointer (&load->trend, sc_query_result_free);
  g_clear_pointer (&load->segment, g_free);
  g_clear_pointer (&load->targets, sc_target_index_free);
  g_clear_pointer (&load->metric_settings, sc_metric_settings_free);
  g_free (load);
}

/* ---- Formatting -------------------------------------------------------- */

static char *
format_count (gint64 n)
{
  return sc_chart_format_number ((double) n, 0);
}

static char *
format_day (gint64     t,
            GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  /* Translators: a date as in "1 Nov 2024"; see g_date_time_format(). */
  return g_date_time_format (local, _("%-d %b %Y"));
}

/* Shows @value at the end of @row, dimmed, as GNOME's property rows do. */
static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "sc-value-label");

  if (label == NULL)
    {
      label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_selectable (label, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
      adw_action_row_add_suffix (row, GTK_WIDGET (label));
      g_object_set_data (G_OBJECT (row), "sc-value-label", label);
    }
  gtk_label_set_text (label, value);
}

/* ---- The worker -------------------------------------------------------- */

static gboolean
compute_metrics (Load    *load,
                 GError **error)
{
  g_autoptr(ScFacts) facts = NULL;

  if ((facts = sc_engine_dup_facts (load->engine, error)) == NULL
      || (load->targets = sc_target_index_load (load->store, error)) == NULL)
    return FALSE;
  load->metric_settings = sc_metric_settings_copy (facts->settings);
  return (load->current = sc_engine_compute (facts, load->current_query, error)) != NULL
         && (load->trend = sc_engine_compute (facts, load->trend_query, error)) != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;

  if (!sc_store_get_overview (load->store, &load->overview, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  load->organisation = sc_store_dup_setting (load->store, "organisation");
  load->zone_name = sc_store_dup_setting (load->store, "timezone");
  if (load->zone_name != NULL)
    load->zone = g_time_zone_new_identifier (load->zone_name);
  if (load->zone == NULL)
    load->zone = g_time_zone_new_utc ();

  if (load->overview.interactions > 0 && load->current_query != NULL
      && !compute_metrics (load, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- Showing ----------------------------------------------------------- */

static void
show_coverage (ScDashboardPage *self,
               const Load      *load)
{
  const ScStoreOverview *o = &load->overview;
  g_autofree char *interactions = format_count (o->interactions);
  g_autofree char *surveys = format_count (o->survey_responses);
  g_autofree char *customers = format_count (o->customers);
  g_autofree char *agent_days = format_count (o->agent_days);
  g_autofree char *imports = format_count (o->imports);
  g_autofree char *rejects = format_count (o->rejects);
  g_autofree char *imports_text = NULL;
  g_autofree char *period = NULL;

  if (o->first_created != SC_MISSING)
    {
      g_autofree char *from = format_day (o->first_created, load->zone);
      g_autofree char *to = format_day (o->last_created, load->zone);

      period = g_strdup_printf ("%s – %s", from, to);
    }
  /* Translators: "3 imports, 12 rejected rows" */
  imports_text = g_strdup_printf (ngettext ("%s import, %s rejected rows",
                                            "%s imports, %s rejected rows",
                                            (gulong) o->imports),
                                  imports, rejects);
  set_row_value (self->organisation_row, load->organisation ? load->organisation : _("Not set"));
  set_row_value (self->interactions_row, interactions);
  set_row_value (self->period_row, period ? period : _("No interactions"));
  set_row_value (self->surveys_row, surveys);
  set_row_value (self->customers_row, customers);
  set_row_value (self->agent_days_row, agent_days);
  set_row_value (self->imports_row, imports_text);
  /* Survey, customer and agent-time exports are optional: hide what the
   * store does not have rather than show a row of zeros. */
  gtk_widget_set_visible (GTK_WIDGET (self->surveys_row), o->survey_responses > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->customers_row), o->customers > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->agent_days_row), o->agent_days > 0);
}

static char *
describe_computation (const ScMetric      *metric,
                      const ScMetricValue *value,
                      const Load          *load)
{
  g_autoptr(GString) text = g_string_new (metric->description);
  g_autofree char *n = format_count (value->n);

  g_string_append_printf (text, "\n\n%s %s", _("Numerator:"), metric->numerator);
  g_string_append_printf (text, "\n%s %s", _("Denominator:"), metric->denominator);
  if (metric->exclusions != NULL && metric->exclusions[0] != '\0')
    g_string_append_printf (text, "\n%s %s", _("Excludes:"), metric->exclusions);
  g_string_append_printf (text, _("\nSample: n = %s (at least %u needed)"), n, metric->min_sample);
  g_string_append_printf (text, _("\nPeriod: %s, time zone %s"), load->period,
                          load->zone_name ? load->zone_name : "UTC");
  g_string_append_printf (text, _("\nVariant: %s"), load->current->variant);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_cards (ScDashboardPage *self,
            const Load      *load)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  gtk_widget_set_visible (self->period_box, load->current != NULL);
  if (load->current == NULL)
    return;

  gtk_label_set_text (self->period_label, load->period);
  gtk_label_set_text (self->compare_label, load->compared_with ? load->compared_with : "");
  for (guint i = 0; i < load->metrics->len; i++)
    {
      ScMetricId id = g_array_index (load->metrics, ScMetricId, i);
      const ScMetric *metric = sc_metric_get (id);
      const ScMetricValue *value = sc_query_result_get_value (load->current, id, 0, -1);
      g_autoptr(ScChartSeries) trend = sc_metric_series_from_result (load->trend, id, -1, load->zone);
      g_autofree char *how = NULL;
      ScMetricCard *card;

      if (value == NULL)
        continue;
      how = describe_computation (metric, value, load);
      card = sc_metric_card_new ();
      sc_metric_card_set_value (card, metric, value, load->against, trend, how);
      if (load->targets != NULL)
        {
          ScAttainment attainment;
          const ScTarget *target;

          target = sc_target_index_status (load->targets, load->metric_settings, id, load->segment,
                                           load->from, load->to, load->zone, load->now,
                                           value->insufficient ? NAN : value->value, &attainment);
          sc_metric_card_set_target (card, target, &attainment);
        }
      gtk_flow_box_append (self->cards, GTK_WIDGET (card));
    }
}

static void start_load (ScDashboardPage *self);

static void
card_activated_cb (ScDashboardPage *self,
                   GtkFlowBoxChild *child)
{
  ScMetricCard *card = SC_METRIC_CARD (gtk_flow_box_child_get_child (child));
  const ScMetric *metric = sc_metric_get (sc_metric_card_get_metric (card));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-trend", "s", metric->id_string);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ScDashboardPage *self = SC_DASHBOARD_PAGE (object);
  g_autoptr(GError) error = NULL;
  Load *load = g_task_get_task_data (G_TASK (result));
  ScStoreOverview *o = &load->overview;
  gboolean has_data;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (error != NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  show_coverage (self, load);
  show_cards (self, load);
  has_data = o->interactions > 0 || o->survey_responses > 0 || o->customers > 0
             || o->agent_days > 0;
  g_signal_emit (self, signals[LOADED], 0, has_data);

}

static GArray *
headline_metrics (ScDashboardPage *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "headline-metrics");
  GArray *metrics = g_array_new (FALSE, FALSE, sizeof (ScMetricId));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ScMetric *metric = sc_metric_lookup (ids[i]);

      if (metric != NULL)
        g_array_append_val (metrics, metric->id);
      else
        g_warning ("Unknown metric “%s” in the headline-metrics setting", ids[i]);
    }
  return metrics;
}

static ScQuery *
make_query (GArray *metrics)
{
  ScQuery *query = sc_query_new ();

  for (guint i = 0; i < metrics->len; i++)
    sc_query_add_metric (query, g_array_index (metrics, ScMetricId, i));
  return query;
}

/* The queries, made on the main thread from the view state: the period
 * with its comparison, and the 13 periods up to its end for the
 * sparklines, under the same filters. */
static void
prepare_queries (ScDashboardPage *self,
                 Load            *load)
{
  ScViewState *state = self->state;
  ScGrain grain;
  gint32 to, trend_from;

  if (state == NULL || !sc_view_state_has_period (state))
    return;
  grain = sc_view_state_get_trend_grain (state);
  to = sc_view_state_get_to (state);
  trend_from = sc_grain_bucket_start (grain, to);
  for (int i = 1; i < TREND_PERIODS; i++)
    trend_from = sc_grain_bucket_start (grain, trend_from - 1);

  load->current_query = make_query (load->metrics);
  sc_view_state_apply (state, load->current_query);
  load->trend_query = make_query (load->metrics);
  sc_view_state_apply (state, load->trend_query);
  sc_query_set_comparison (load->trend_query, SC_COMPARE_NONE);
  sc_query_set_range (load->trend_query, trend_from, to);
  sc_query_set_grain (load->trend_query, grain);
  load->period = sc_view_state_dup_period_label (state);
  load->segment = sc_segment_key_from_filters (sc_view_state_get_filters (state));
  load->from = sc_view_state_get_from (state);
  load->to = to;
  load->now = g_get_real_time () / G_USEC_PER_SEC;
  load->compared_with = sc_view_state_dup_comparison_label (state);
  load->against = sc_view_state_dup_against_label (state);
}

static void
start_load (ScDashboardPage *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  /* A computation under way is for an older state: drop it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  load = g_new0 (Load, 1);
  load->store = g_object_ref (self->store);
  load->engine = g_object_ref (self->engine);
  load->metrics = headline_metrics (self);
  prepare_queries (self, load);

  task = g_task_new (self, self->cancellable, load_ready_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/* ---- Public API -------------------------------------------------------- */

/**
 * sc_dashboard_page_set_store:
 * @self: the page
 * @store: (nullable): the store to show
 * @engine: (nullable): the metrics engine over @store
 *
 * Shows @store, computing off the main thread; emits #ScDashboardPage::loaded
 * (or ::failed) when done.
 */
void
sc_dashboard_page_set_store (ScDashboardPage *self,
                             ScStore         *store,
                             ScEngine        *engine)
{
  g_return_if_fail (SC_IS_DASHBOARD_PAGE (self));
  g_return_if_fail ((store == NULL) == (engine == NULL));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->store, store);
  g_set_object (&self->engine, engine);
  self->loading = FALSE;
  if (store != NULL)
    sc_dashboard_page_reload (self);
}

/**
 * sc_dashboard_page_reload:
 * @self: the page
 *
 * Reads the store again, after an import changed it.
 */
void
sc_dashboard_page_reload (ScDashboardPage *self)
{
  g_return_if_fail (SC_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL)
    return;
  start_load (self);
}

/**
 * sc_dashboard_page_set_view_state:
 * @self: the page
 * @state: the window's period, comparison and filters
 */
void
sc_dashboard_page_set_view_state (ScDashboardPage *self,
                                  ScViewState     *state)
{
  g_return_if_fail (SC_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (SC_IS_VIEW_STATE (state));

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  g_signal_connect_object (state, "changed", G_CALLBACK (sc_dashboard_page_reload), self,
                           G_CONNECT_SWAPPED);
}

/**
 * sc_dashboard_page_set_target_history:
 * @self: the page
 * @history: (nullable): where targets are edited; the cards follow its
 *   changes
 */
void
sc_dashboard_page_set_target_history (ScDashboardPage *self,
                                      ScTargetHistory *history)
{
  g_return_if_fail (SC_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (history == NULL || SC_IS_TARGET_HISTORY (history));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (sc_dashboard_page_reload), self,
                             G_CONNECT_SWAPPED);
}

gboolean
sc_dashboard_page_is_loading (ScDashboardPage *self)
{
  g_return_val_if_fail (SC_IS_DASHBOARD_PAGE (self), FALSE);

  return self->loading;
}

/* ---- GObject ----------------------------------------------------------- */

static void
sc_dashboard_page_dispose (GObject *object)
{
  ScDashboardPage *self = SC_DASHBOARD_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_DASHBOARD_PAGE);
  /* The template's root box is not bound, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_dashboard_page_parent_class)->dispose (object);
}

static void
sc_dashboard_page_class_init (ScDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_dashboard_page_dispose;

  /**
   * ScDashboardPage::loaded:
   * @has_data: whether the store holds anything to show
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * ScDashboardPage::failed:
   * @message: why the store could not be read
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SC_TYPE_METRIC_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sc-dashboard-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, cards);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, interactions_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, surveys_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, customers_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, agent_days_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, imports_row);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);
}

static void
sc_dashboard_page_init (ScDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::headline-metrics",
                           G_CALLBACK (sc_dashboard_page_reload), self, G_CONNECT_SWAPPED);
}

ScDashboardPage *
sc_dashboard_page_new (void)
{
  return g_object_new (SC_TYPE_DASHBOARD_PAGE, NULL);
}
