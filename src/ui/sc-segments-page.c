/* sc-segments-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The segment explorer: one metric broken down by a dimension for the
 * window's period, as sorted bars with intervals and the overall value as
 * a reference line; "What Moved", the change against the comparison split
 * into mix and rate by segment; and drilling: activating a bar or a driver
 * adds its filter, suggests the next dimension and extends the breadcrumb,
 * which Back walks up again. Small multiples show the trend of each of the
 * top segments instead of the bars.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-bar-painter.h"
#include "sc-chart-axis.h"
#include "sc-chart-view.h"
#include "sc-compute.h"
#include "sc-dimension-choice.h"
#include "sc-metric-series.h"
#include "sc-segments-page.h"
#include "sc-trend-painter.h"

/* How many segments small multiples show, and over how many periods. */
#define N_MULTIPLES 6
#define MULTIPLE_PERIODS 13

typedef struct
{
  ScDimension  dim;
  char        *value;
} DrillStep;

struct _ScSegmentsPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkDropDown     *metric_dropdown;
  GtkDropDown     *dimension_dropdown;
  GtkToggleButton *multiples_button;
  GtkWidget       *spinner;
  GtkWidget       *breadcrumb_box;
  GtkLabel        *breadcrumb_label;
  GtkStack        *content_stack;
  AdwBin          *chart_bin;
  AdwPreferencesGroup *drivers_group;
  GtkListBox      *drivers_list;
  GtkFlowBox      *multiples_box;
  AdwStatusPage   *empty_page;

  ScChartView     *chart;
  ScBarPainter    *painter;
  ScViewState     *state;
  ScEngine        *engine;
  GTimeZone       *zone;
  ScComputeSlot    slot;
  GArray          *drill;        /* DrillStep */
  struct Breakdown *shown;
  ScDimensionChoice dims;
};

G_DEFINE_FINAL_TYPE (ScSegmentsPage, sc_segments_page, GTK_TYPE_WIDGET)

/* The builtin dimensions offered, in the dropdown's order (those the
 * store keeps from imports follow); drilling suggests the next one in
 * this order that is not filtered yet. */
static const ScDimension dimensions[] = {
  SC_DIM_CHANNEL, SC_DIM_CATEGORY, SC_DIM_TEAM, SC_DIM_AGENT, SC_DIM_PRIORITY,
  SC_DIM_CUSTOMER_SEGMENT, SC_DIM_REGION, SC_DIM_PRODUCT, SC_DIM_LANGUAGE, SC_DIM_TAGS,
};

static void
drill_step_clear (DrillStep *step)
{
  g_clear_pointer (&step->value, g_free);
}

/* ---- Computing ----------------------------------------------------------- */

typedef struct Breakdown
{
  ScMetricId     metric;
  ScDimension    dim;
  ScQuery       *grouped_query;
  ScQuery       *overall_query;
  ScQuery       *multiples_query;
  gboolean       has_against;
  gint32         from, to, against_from, against_to;

  ScQueryResult *grouped;
  ScQueryResult *overall;
  ScQueryResult *multiples;
  ScDrivers     *drivers;
} Breakdown;

static void
breakdown_free (Breakdown *b)
{
  g_clear_pointer (&b->grouped_query, sc_query_free);
  g_clear_pointer (&b->overall_query, sc_query_free);
  g_clear_pointer (&b->multiples_query, sc_query_free);
  g_clear_pointer (&b->grouped, sc_query_result_free);
  g_clear_pointer (&b->overall, sc_query_result_free);
  g_clear_pointer (&b->multiples, sc_query_result_free);
  g_clear_pointer (&b->drivers, sc_drivers_free);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Breakdown, breakdown_free)

static gpointer
breakdown_compute (const ScFacts  *facts,
                   gpointer        data,
                   GCancellable   *cancellable,
                   GError        **error)
{
  Breakdown *b = data;
  g_autoptr(Breakdown) out = g_new0 (Breakdown, 1);

  out->metric = b->metric;
  out->dim = b->dim;
  if ((out->grouped = sc_engine_compute (facts, b->grouped_query, error)) == NULL
      || (out->overall = sc_engine_compute (facts, b->overall_query, error)) == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (b->multiples_query != NULL
      && (out->multiples = sc_engine_compute (facts, b->multiples_query, error)) == NULL)
    return NULL;
  if (b->has_against)
    {
      out->drivers = sc_engine_compute_drivers (facts, b->overall_query, b->metric, b->dim,
                                                b->from, b->to, b->against_from,
                                                b->against_to, error);
      if (out->drivers == NULL)
        return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- Showing ------------------------------------------------------------- */

static void
update_breadcrumb (ScSegmentsPage *self)
{
  g_autoptr(GString) path = g_string_new (_("All interactions"));

  for (guint i = 0; i < self->drill->len; i++)
    {
      DrillStep *step = &g_array_index (self->drill, DrillStep, i);

      /* Translators: one step of the drill path, "› Channel: Chat" */
      g_string_append_printf (path, _(" › %s: %s"),
                              sc_dimension_choice_get_label (&self->dims, step->dim), step->value);
    }
  gtk_label_set_text (self->breadcrumb_label, path->str);
  gtk_widget_set_visible (self->breadcrumb_box, self->drill->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "segments.back", self->drill->len > 0);
}

static void
driver_activated_cb (GtkListBox     *list,
                     GtkListBoxRow  *row,
                     ScSegmentsPage *self)
{
  const char *label = g_object_get_data (G_OBJECT (row), "sc-segment");

  if (label != NULL)
    sc_segments_page_drill (self, label);
}

static void
show_drivers (ScSegmentsPage  *self,
              const Breakdown *b)
{
  const ScMetric *metric = sc_metric_get (b->metric);
  g_autofree char *description = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->drivers_list))) != NULL)
    gtk_list_box_remove (self->drivers_list, child);
  if (b->drivers == NULL)
    {
      adw_preferences_group_set_description (self->drivers_group,
                                             _("Choose a comparison to see what moved."));
      return;
    }
  {
    g_autofree char *change = sc_metric_format_change (metric, b->drivers->change);
    g_autofree char *mix = sc_metric_format_change (metric, b->drivers->mix_effect);
    g_autofree char *rate = sc_metric_format_change (metric, b->drivers->rate_effect);
    g_autofree char *against = sc_view_state_dup_against_label (self->state);

    if (isnan (b->drivers->change))
      description = g_strdup (_("No value to compare with."));
    else
      /* Translators: "+1.2 pts overall vs September 2026: mix −0.3 pts,
       * rate +1.5 pts", the second %s being empty or ", within the noise" */
      description = g_strdup_printf (_("%s overall vs %s%s: mix %s, rate %s"), change,
                                     against ? against : "",
                                     b->drivers->significant ? "" : _(", within the noise"),
                                     mix, rate);
    adw_preferences_group_set_description (self->drivers_group, description);
  }
  for (guint i = 0; i < b->drivers->segments->len && shown < 8; i++)
    {
      const ScDriverSegment *s = g_ptr_array_index (b->drivers->segments, i);
      g_autofree char *contribution = NULL;
      g_autofree char *mix = NULL;
      g_autofree char *rate = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (isnan (s->contribution) || s->contribution == 0)
        continue;
      contribution = sc_metric_format_change (metric, s->contribution);
      mix = sc_metric_format_change (metric, s->mix);
      rate = sc_metric_format_change (metric, s->rate);
      /* Translators: how a segment's contribution splits, "mix +0.2 pts · rate −1.1 pts" */
      subtitle = g_strdup_printf (_("mix %s · rate %s"), mix, rate);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (contribution);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sc-segment", g_strdup (s->label), g_free);
      gtk_list_box_append (self->drivers_list, row);
      shown++;
    }
}

static int
compare_by_sample (gconstpointer a,
                   gconstpointer b)
{
  const ScMetricValue *va = *(const ScMetricValue * const *) a;
  const ScMetricValue *vb = *(const ScMetricValue * const *) b;

  return va->n < vb->n ? 1 : va->n > vb->n ? -1 : va->segment - vb->segment;
}

static void
show_multiples (ScSegmentsPage  *self,
                const Breakdown *b)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->multiples_box))) != NULL)
    gtk_flow_box_remove (self->multiples_box, child);
  if (b->multiples == NULL)
    return;

  /* The top segments by their sample in the period. */
  for (guint s = 0; s < b->grouped->segments->len; s++)
    {
      const ScMetricValue *v = sc_query_result_get_value (b->grouped, b->metric, 0, (int) s);

      if (v != NULL && v->n > 0)
        g_ptr_array_add (order, (gpointer) v);
    }
  g_ptr_array_sort (order, compare_by_sample);

  for (guint i = 0; i < order->len && i < N_MULTIPLES; i++)
    {
      const ScMetricValue *v = order->pdata[i];
      const ScSegment *segment = g_ptr_array_index (b->grouped->segments, v->segment);
      int index = sc_query_result_find_segment (b->multiples, segment->label);
      g_autoptr(ScTrendPainter) painter = NULL;
      g_autoptr(ScChartSeries) series = NULL;
      GtkWidget *view;

      if (index < 0)
        continue;
      painter = sc_trend_painter_new ();
      series = sc_metric_series_from_result (b->multiples, b->metric, index, self->zone);
      sc_trend_painter_add_series (painter, series);
      sc_trend_painter_set_time_zone (painter, self->zone);
      view = sc_chart_view_new (SC_CHART_PAINTER (painter));
      sc_chart_view_set_title (SC_CHART_VIEW (view), segment->label);
      gtk_widget_set_size_request (view, 280, 200);
      gtk_flow_box_append (self->multiples_box, view);
    }
}

static void
show_breakdown (ScSegmentsPage *self,
                Breakdown      *b)
{
  const ScMetricValue *overall = sc_query_result_get_value (b->overall, b->metric, 0, -1);
  g_autoptr(ScChartSeries) bars = sc_metric_segments_from_result (b->grouped, b->metric, 0);
  gboolean empty = sc_chart_series_get_n_points (bars) == 0;
  g_autofree char *title = NULL;

  g_clear_pointer (&self->shown, breakdown_free);
  self->shown = b;

  sc_bar_painter_set_series (self->painter, bars);
  sc_bar_painter_set_reference (self->painter,
                                overall != NULL && !sc_metric_is_additive (sc_metric_get (b->metric))
                                ? overall->value : NAN);
  sc_bar_painter_set_selected (self->painter, -1);
  /* Translators: a chart's title, "CSAT by Channel" */
  title = g_strdup_printf (_("%s by %s"), sc_metric_get (b->metric)->name,
                           sc_dimension_choice_get_label (&self->dims, b->dim));
  sc_chart_view_set_title (self->chart, title);
  sc_chart_view_queue_update (self->chart);
  show_drivers (self, b);
  show_multiples (self, b);

  if (empty)
    {
      adw_status_page_set_title (self->empty_page, _("No Interactions in This Selection"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose another period, or remove a filter."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else if (gtk_toggle_button_get_active (self->multiples_button))
    gtk_stack_set_visible_child_name (self->content_stack, "multiples");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "bars");
}

static void
breakdown_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ScSegmentsPage *self = SC_SEGMENTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  Breakdown *b;

  b = sc_compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sc_compute_slot_end (&self->slot);
  if (b == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Cannot Break the Metric Down"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  show_breakdown (self, b);
}

/* Drops drill steps whose filter was removed elsewhere (a chip's ×). */
static void
prune_drill (ScSegmentsPage *self)
{
  GPtrArray *filters = sc_view_state_get_filters (self->state);

  for (guint i = 0; i < self->drill->len; i++)
    {
      DrillStep *step = &g_array_index (self->drill, DrillStep, i);
      gboolean found = FALSE;

      for (guint f = 0; f < filters->len && !found; f++)
        {
          ScQueryFilter *filter = g_ptr_array_index (filters, f);

          found = filter->dim == step->dim
                  && g_ptr_array_find_with_equal_func (filter->values, step->value,
                                                       g_str_equal, NULL);
        }
      if (!found)
        {
          g_array_set_size (self->drill, i);
          break;
        }
    }
  update_breadcrumb (self);
}

void
sc_segments_page_reload (ScSegmentsPage *self)
{
  Breakdown *b;
  ScGrain grain;

  g_return_if_fail (SC_IS_SEGMENTS_PAGE (self));

  /* An import may have added dimensions. */
  g_signal_handlers_block_by_func (self->dimension_dropdown, sc_segments_page_reload, self);
  sc_dimension_choice_update (&self->dims,
                              self->engine != NULL ? sc_engine_get_store (self->engine) : NULL,
                              self->dimension_dropdown);
  g_signal_handlers_unblock_by_func (self->dimension_dropdown, sc_segments_page_reload, self);
  if (self->state != NULL)
    prune_drill (self);
  if (self->engine == NULL || self->state == NULL || !sc_view_state_has_period (self->state))
    return;

  b = g_new0 (Breakdown, 1);
  b->metric = sc_segments_page_get_metric (self);
  b->dim = sc_segments_page_get_dimension (self);
  b->from = sc_view_state_get_from (self->state);
  b->to = sc_view_state_get_to (self->state);
  b->has_against = sc_view_state_get_comparison_range (self->state, &b->against_from,
                                                       &b->against_to);

  b->overall_query = sc_query_new ();
  sc_query_add_metric (b->overall_query, b->metric);
  sc_view_state_apply (self->state, b->overall_query);
  b->grouped_query = sc_query_new ();
  sc_query_add_metric (b->grouped_query, b->metric);
  sc_view_state_apply (self->state, b->grouped_query);
  sc_query_set_group_by (b->grouped_query, b->dim);

  if (gtk_toggle_button_get_active (self->multiples_button))
    {
      gint32 from;

      grain = sc_view_state_get_trend_grain (self->state);
      from = sc_grain_bucket_start (grain, b->to);
      for (int i = 1; i < MULTIPLE_PERIODS; i++)
        from = sc_grain_bucket_start (grain, from - 1);
      b->multiples_query = sc_query_new ();
      sc_query_add_metric (b->multiples_query, b->metric);
      sc_view_state_apply (self->state, b->multiples_query);
      sc_query_set_comparison (b->multiples_query, SC_COMPARE_NONE);
      sc_query_set_range (b->multiples_query, from, b->to);
      sc_query_set_grain (b->multiples_query, grain);
      sc_query_set_group_by (b->multiples_query, b->dim);
    }

  sc_compute_async (self, self->engine, breakdown_compute, b, (GDestroyNotify) breakdown_free,
                    (GDestroyNotify) breakdown_free, sc_compute_slot_begin (&self->slot),
                    breakdown_ready_cb, NULL);
}

/* ---- Drilling ------------------------------------------------------------ */

static gboolean
is_filtered (ScSegmentsPage *self,
             ScDimension     dim)
{
  GPtrArray *filters = sc_view_state_get_filters (self->state);

  for (guint f = 0; f < filters->len; f++)
    if (((ScQueryFilter *) g_ptr_array_index (filters, f))->dim == dim)
      return TRUE;
  return FALSE;
}

/**
 * sc_segments_page_drill:
 * @self: the page
 * @segment: a segment of the dimension shown
 *
 * Narrows every view to @segment (a filter chip), and breaks the metric
 * down by the next dimension not filtered yet.
 *
 * Returns: whether it drilled (not past the last dimension)
 */
gboolean
sc_segments_page_drill (ScSegmentsPage *self,
                        const char     *segment)
{
  ScDimension dim;
  DrillStep step;

  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (segment != NULL, FALSE);

  if (self->state == NULL || g_str_equal (segment, "(none)"))
    return FALSE;
  dim = sc_segments_page_get_dimension (self);
  step.dim = dim;
  step.value = g_strdup (segment);
  g_array_append_val (self->drill, step);
  /* The next dimension first, so that the one recomputation the filter
   * causes is already for it. */
  for (guint i = 0; i < sc_dimension_choice_get_n (&self->dims); i++)
    if (sc_dimension_choice_get_nth (&self->dims, i) != dim
        && !is_filtered (self, sc_dimension_choice_get_nth (&self->dims, i)))
      {
        g_signal_handlers_block_by_func (self->dimension_dropdown, sc_segments_page_reload, self);
        gtk_drop_down_set_selected (self->dimension_dropdown, i);
        g_signal_handlers_unblock_by_func (self->dimension_dropdown, sc_segments_page_reload, self);
        break;
      }
  sc_view_state_add_filter (self->state, dim, segment);
  return TRUE;
}

/**
 * sc_segments_page_back:
 * @self: the page
 *
 * Undoes the last drill: removes its filter and shows its dimension again.
 *
 * Returns: whether there was a step to go back
 */
gboolean
sc_segments_page_back (ScSegmentsPage *self)
{
  DrillStep *last;
  ScDimension dim;
  g_autofree char *value = NULL;

  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), FALSE);

  if (self->drill->len == 0)
    return FALSE;
  last = &g_array_index (self->drill, DrillStep, self->drill->len - 1);
  dim = last->dim;
  value = g_steal_pointer (&last->value);
  g_array_set_size (self->drill, self->drill->len - 1);
  g_signal_handlers_block_by_func (self->dimension_dropdown, sc_segments_page_reload, self);
  sc_segments_page_set_dimension (self, dim);
  g_signal_handlers_unblock_by_func (self->dimension_dropdown, sc_segments_page_reload, self);
  sc_view_state_remove_filter (self->state, dim, value);
  return TRUE;
}

guint
sc_segments_page_get_drill_depth (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), 0);

  return self->drill->len;
}

static void
bar_activated_cb (ScSegmentsPage *self,
                  int             index)
{
  ScChartSeries *series = sc_bar_painter_get_series (self->painter);
  const ScChartPoint *point;

  if (series == NULL || index < 0 || (guint) index >= sc_chart_series_get_n_points (series))
    return;
  point = sc_chart_series_get_point (series, index);
  if (point->label != NULL)
    sc_segments_page_drill (self, point->label);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sc_segments_page_back (SC_SEGMENTS_PAGE (widget));
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * sc_segments_page_list_builtin_dimensions:
 * @n_dims: (out): their number
 *
 * The builtin dimensions the page offers to break down by, in its order;
 * other views offering a breakdown (the Targets page) offer the same.
 *
 * Returns: (array length=n_dims) (transfer none): the dimensions
 */
const ScDimension *
sc_segments_page_list_builtin_dimensions (guint *n_dims)
{
  g_return_val_if_fail (n_dims != NULL, NULL);

  *n_dims = G_N_ELEMENTS (dimensions);
  return dimensions;
}

void
sc_segments_page_set_view_state (ScSegmentsPage *self,
                                 ScViewState    *state)
{
  g_return_if_fail (SC_IS_SEGMENTS_PAGE (self));
  g_return_if_fail (SC_IS_VIEW_STATE (state));

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  g_signal_connect_object (state, "changed", G_CALLBACK (sc_segments_page_reload), self,
                           G_CONNECT_SWAPPED);
}

void
sc_segments_page_set_engine (ScSegmentsPage *self,
                             ScEngine       *engine)
{
  g_return_if_fail (SC_IS_SEGMENTS_PAGE (self));

  sc_compute_slot_cancel (&self->slot);
  g_set_object (&self->engine, engine);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->shown, breakdown_free);
  g_array_set_size (self->drill, 0);
  self->zone = engine != NULL ? sc_store_dup_time_zone (sc_engine_get_store (engine))
                              : g_time_zone_new_utc ();
  sc_segments_page_reload (self);
}

ScMetricId
sc_segments_page_get_metric (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), SC_METRIC_VOLUME);

  return (ScMetricId) MIN (gtk_drop_down_get_selected (self->metric_dropdown), SC_METRIC_N - 1);
}

void
sc_segments_page_set_metric (ScSegmentsPage *self,
                             ScMetricId      metric)
{
  g_return_if_fail (SC_IS_SEGMENTS_PAGE (self));
  g_return_if_fail (metric < SC_METRIC_N);

  gtk_drop_down_set_selected (self->metric_dropdown, metric);
}

ScDimension
sc_segments_page_get_dimension (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), SC_DIM_CHANNEL);

  return sc_dimension_choice_get_selected (&self->dims, self->dimension_dropdown);
}

void
sc_segments_page_set_dimension (ScSegmentsPage *self,
                                ScDimension     dim)
{
  g_return_if_fail (SC_IS_SEGMENTS_PAGE (self));

  sc_dimension_choice_select (&self->dims, self->dimension_dropdown, dim);
}

gboolean
sc_segments_page_is_loading (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), FALSE);

  return sc_compute_slot_is_busy (&self->slot);
}

/**
 * sc_segments_page_get_result:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the breakdown the bars show
 */
const ScQueryResult *
sc_segments_page_get_result (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), NULL);

  return self->shown ? self->shown->grouped : NULL;
}

/**
 * sc_segments_page_get_drivers:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): what "What Moved" shows
 */
const ScDrivers *
sc_segments_page_get_drivers (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), NULL);

  return self->shown ? self->shown->drivers : NULL;
}

GtkWidget *
sc_segments_page_get_chart (ScSegmentsPage *self)
{
  g_return_val_if_fail (SC_IS_SEGMENTS_PAGE (self), NULL);

  return GTK_WIDGET (self->chart);
}

/* ---- GObject ------------------------------------------------------------- */

static void
sc_segments_page_dispose (GObject *object)
{
  ScSegmentsPage *self = SC_SEGMENTS_PAGE (object);
  GtkWidget *child;

  sc_compute_slot_clear (&self->slot);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->engine);
  g_clear_object (&self->painter);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->shown, breakdown_free);
  g_clear_pointer (&self->drill, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_SEGMENTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  sc_dimension_choice_clear (&self->dims);

  G_OBJECT_CLASS (sc_segments_page_parent_class)->dispose (object);
}

static void
sc_segments_page_class_init (ScSegmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_segments_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sc-segments-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, dimension_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, multiples_button);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, breadcrumb_box);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, breadcrumb_label);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, drivers_group);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, drivers_list);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, multiples_box);
  gtk_widget_class_bind_template_child (widget_class, ScSegmentsPage, empty_page);

  gtk_widget_class_install_action (widget_class, "segments.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "segments.back", NULL);
}

static void
sc_segments_page_init (ScSegmentsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->drill = g_array_new (FALSE, TRUE, sizeof (DrillStep));
  g_array_set_clear_func (self->drill, (GDestroyNotify) drill_step_clear);

  for (guint i = 0; i < SC_METRIC_N; i++)
    gtk_string_list_append (names, sc_metric_get (i)->name);
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->metric_dropdown, SC_METRIC_CSAT);
  sc_dimension_choice_init (&self->dims, dimensions, G_N_ELEMENTS (dimensions),
                            self->dimension_dropdown);

  self->painter = sc_bar_painter_new ();
  self->chart = SC_CHART_VIEW (sc_chart_view_new (SC_CHART_PAINTER (self->painter)));
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), 320, 260);
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (self->chart));
  g_signal_connect_object (self->chart, "activated", G_CALLBACK (bar_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->drivers_list, "row-activated", G_CALLBACK (driver_activated_cb), self);
  sc_compute_slot_set_spinner (&self->slot, self->spinner);

  g_signal_connect_object (self->metric_dropdown, "notify::selected",
                           G_CALLBACK (sc_segments_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dimension_dropdown, "notify::selected",
                           G_CALLBACK (sc_segments_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->multiples_button, "toggled",
                           G_CALLBACK (sc_segments_page_reload), self, G_CONNECT_SWAPPED);
  update_breadcrumb (self);
}

ScSegmentsPage *
sc_segments_page_new (void)
{
  return g_object_new (SC_TYPE_SEGMENTS_PAGE, NULL);
}
