/* sc-targets-page-segments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Targets page's "By segment" table: for a dimension chosen in a
 * dropdown (team, channel, agent, …) and the period the page shows, each
 * segment's attainment of every metric's target that applies to it (its
 * own override, else the overall target), missed first, so that a manager
 * sees at a glance which teams missed. It follows the window's filters,
 * recomputes off the main thread after the page's table (a new period, an
 * edited target) and when the dimension or the filters change.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-axis.h"
#include "sc-metric-card.h"
#include "sc-segments-page.h"
#include "sc-target-value.h"
#include "sc-targets-page-private.h"

/* The table's columns after the segment's name. */
enum {
  COLUMN_METRIC,
  COLUMN_TARGET,
  COLUMN_ACTUAL,
  COLUMN_ATTAINMENT,
  COLUMN_STATUS,
  COLUMN_N,
};

/* ---- Computing (off the main thread) -------------------------------------- */

typedef struct
{
  ScStore *store;
  ScQuery *query;
  char    *context;
} Job;

/* What the table shows. */
typedef struct
{
  GPtrArray   *rows;          /* of ScSegmentTarget, missed first */
  ScDimension  dim;
  char        *context;
  guint        n_segments;    /* with a value and data in the period */
  gboolean     has_targets;   /* any target for the period at all */
} Table;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->query, sc_query_free);
  g_free (job->context);
  g_free (job);
}

static void
table_free (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table->context);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static gboolean
any_target_for (const ScTargetIndex *index,
                gint32               from,
                gint32               to)
{
  g_autoptr(GPtrArray) targets = sc_target_index_list (index, SC_MISSING);

  for (guint i = 0; i < targets->len; i++)
    if (sc_target_period_contains (&((const ScTarget *) targets->pdata[i])->period, from, to))
      return TRUE;
  return FALSE;
}

static gpointer
table_compute (const ScFacts  *facts,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  Job *job = data;
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(Table) table = g_new0 (Table, 1);
  ScMetricId metrics[SC_METRIC_N];

  if ((index = sc_target_index_load (job->store, error)) == NULL
      || (result = sc_engine_compute (facts, job->query, error)) == NULL)
    return NULL;
  for (guint m = 0; m < SC_METRIC_N; m++)
    metrics[m] = m;
  /* Like the table above, the targets in force now, which this page
   * edits. */
  table->rows = sc_segment_targets_compute (result, metrics, SC_METRIC_N, index, facts->settings,
                                            job->context, job->query->from_day, job->query->to_day,
                                            SC_MISSING);
  sc_segment_targets_sort_by_status (table->rows);
  table->dim = job->query->group_by;
  table->context = g_strdup (job->context);
  table->has_targets = any_target_for (index, job->query->from_day, job->query->to_day);
  for (guint s = 0; s < result->segments->len; s++)
    {
      const ScSegment *segment = g_ptr_array_index (result->segments, s);
      const ScMetricValue *volume = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, (int) s);

      table->n_segments += segment->code != 0 && volume != NULL && volume->n > 0;
    }
  return g_steal_pointer (&table);
}

/* ---- Showing -------------------------------------------------------------- */

static void
add_cell (ScTargetsPage *self,
          GtkWidget     *box,
          int            column,
          GtkWidget     *cell)
{
  gtk_size_group_add_widget (self->segment_columns[column], cell);
  gtk_box_append (GTK_BOX (box), cell);
}

static GtkWidget *
row_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static GtkWidget *
make_header_row (ScTargetsPage *self,
                 ScDimension    dim)
{
  static const char * const titles[] = {
    N_("Metric"), N_("Target"), N_("Actual"), N_("Attainment"), N_("Status"), N_("n"),
  };
  GtkWidget *list_row = _sc_targets_header_row (sc_dimension_choice_get_label (&self->segment_dims, dim), titles, G_N_ELEMENTS (titles),
                                                COLUMN_METRIC + 1, self->segment_columns);

  gtk_widget_set_margin_end (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (list_row)), 12);
  return list_row;
}

/* Which target a row is measured against: the segment's own, the overall
 * one, or that of a wider segment the view is filtered to. */
static char *
describe_target (const ScSegmentTarget *row)
{
  g_autofree char *segment = NULL;

  if (row->own)
    return g_strdup (_("Own target"));
  if (row->target_segment[0] == '\0')
    return g_strdup (_("Overall target"));
  segment = sc_segment_key_describe (row->target_segment);
  /* Translators: the target of a wider segment, "Target for Channel: Email" */
  return g_strdup_printf (_("Target for %s"), segment);
}

static GtkWidget *
make_row (ScTargetsPage         *self,
          const ScSegmentTarget *row)
{
  const ScMetric *metric = sc_metric_get (row->metric);
  const char *status = sc_target_status_get_label (row->attainment.status);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = row_box ();
  GtkWidget *segment = gtk_label_new (row->segment);
  GtkWidget *name = gtk_label_new (_(metric->name));
  g_autofree char *target = sc_target_value_format (row->metric, row->target);
  g_autofree char *source = describe_target (row);
  g_autofree char *actual = _sc_targets_format_value (row->metric, row->value);
  g_autofree char *attainment = _sc_targets_format_attainment (row->attainment.attainment);
  g_autofree char *n = sc_chart_format_number ((double) row->n, 0);
  g_autofree char *label = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (segment), 0);
  gtk_label_set_ellipsize (GTK_LABEL (segment), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (segment, TRUE);
  gtk_box_append (GTK_BOX (box), segment);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  add_cell (self, box, COLUMN_METRIC, name);
  add_cell (self, box, COLUMN_TARGET, _sc_targets_two_line_cell (target, source, 1));
  add_cell (self, box, COLUMN_ACTUAL, _sc_targets_text_cell (actual, NULL));
  add_cell (self, box, COLUMN_ATTAINMENT, _sc_targets_text_cell (attainment, NULL));
  add_cell (self, box, COLUMN_STATUS,
            _sc_targets_text_cell (status, sc_target_status_css_class (row->attainment.status)));
  add_cell (self, box, COLUMN_N,
            _sc_targets_two_line_cell (n, row->insufficient ? _("Small sample") : NULL, 1));
  gtk_widget_add_css_class (gtk_widget_get_first_child (gtk_widget_get_last_child (box)), "numeric");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  /* Translators: a row of the per-segment targets for screen readers:
   * "Billing, First contact resolution: 64%, own target 70%, 91% attained, Missed, n 120" */
  label = g_strdup_printf (_("%s, %s: %s, %s %s, %s attained, %s, n %s"), row->segment, _(metric->name),
                           actual, source, target, attainment, status, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_name (list_row, "segment-target");
  return list_row;
}

static void
show_empty (ScTargetsPage *self,
            const char    *title,
            const char    *description)
{
  gtk_label_set_text (self->segment_empty_title, title);
  gtk_label_set_text (self->segment_empty_description, description);
  gtk_stack_set_visible_child_name (self->segment_stack, "empty");
  gtk_label_set_text (self->segment_summary, "");
  gtk_widget_set_visible (GTK_WIDGET (self->segment_summary), FALSE);
}

static void
show_summary (ScTargetsPage *self,
              const Table   *table)
{
  guint counts[SC_TARGET_STATUS_MISSED + 1] = { 0 };
  g_autofree char *counted = NULL;
  g_autofree char *within = NULL;

  for (guint i = 0; i < table->rows->len; i++)
    counts[((const ScSegmentTarget *) table->rows->pdata[i])->attainment.status]++;
  /* Translators: how the segments stand against their targets, "3 missed, 2 at risk, 7 met" */
  counted = g_strdup_printf (_("%u missed, %u at risk, %u met"), counts[SC_TARGET_STATUS_MISSED],
                             counts[SC_TARGET_STATUS_AT_RISK], counts[SC_TARGET_STATUS_MET]);
  if (table->context[0] != '\0')
    {
      g_autofree char *segment = sc_segment_key_describe (table->context);

      /* Translators: the view's filter, then the counts: "Within Channel: Email · 3 missed, …" */
      within = g_strdup_printf (_("Within %s · %s"), segment, counted);
    }
  gtk_label_set_text (self->segment_summary, within != NULL ? within : counted);
  gtk_widget_set_visible (GTK_WIDGET (self->segment_summary), TRUE);
}

static void
show_table (ScTargetsPage *self,
            Table         *table)
{
  g_autofree char *none = NULL;

  _sc_targets_clear_table (self->segment_list, self->segment_columns, G_N_ELEMENTS (self->segment_columns));
  g_clear_pointer (&self->segment_rows, g_ptr_array_unref);
  self->segment_rows = g_ptr_array_ref (table->rows);

  if (!table->has_targets)
    {
      show_empty (self, _("No Targets Set"),
                  _("Set a target in the table above to see which segments meet it."));
      return;
    }
  if (table->n_segments == 0)
    {
      /* Translators: "No interactions of this period have a Team." */
      none = g_strdup_printf (_("No interactions of this period have a %s."),
                              sc_dimension_choice_get_label (&self->segment_dims, table->dim));
      show_empty (self, _("Not Enough Data"), none);
      return;
    }
  if (table->rows->len == 0)
    {
      /* Translators: "No target applies to any Team of this period." */
      none = g_strdup_printf (_("No target applies to any %s of this period; add a target for all "
                                "interactions or a segment override."),
                              sc_dimension_choice_get_label (&self->segment_dims, table->dim));
      show_empty (self, _("No Targets Set"), none);
      return;
    }

  gtk_list_box_append (self->segment_list, make_header_row (self, table->dim));
  for (guint i = 0; i < table->rows->len; i++)
    gtk_list_box_append (self->segment_list, make_row (self, table->rows->pdata[i]));
  gtk_stack_set_visible_child_name (self->segment_stack, "table");
  show_summary (self, table);
}

static void
table_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(Table) table = sc_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sc_compute_slot_end (&self->segment_slot);
  if (table == NULL)
    {
      show_empty (self, _("Cannot Compute the Segments"), error->message);
      return;
    }
  show_table (self, table);
}

/* ---- Following the view -------------------------------------------------- */

/* The view's filters as text, to tell whether they changed. */
static char *
describe_filters (ScViewState *state)
{
  GPtrArray *filters = state != NULL ? sc_view_state_get_filters (state) : NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; filters != NULL && i < filters->len; i++)
    {
      const ScQueryFilter *filter = filters->pdata[i];

      g_string_append_printf (text, "%d", filter->dim);
      for (guint v = 0; v < filter->values->len; v++)
        g_string_append_printf (text, "%c%s", v == 0 ? '=' : '|', (char *) filter->values->pdata[v]);
      g_string_append_c (text, ';');
    }
  return g_string_free (text, FALSE);
}

static void
state_changed_cb (ScTargetsPage *self)
{
  g_autofree char *filters = describe_filters (self->state);

  /* A new period reaches the page through sc_targets_page_set_period(),
   * which recomputes everything; here only the filters matter. */
  if (g_strcmp0 (filters, self->segment_filters) == 0)
    return;
  g_free (self->segment_filters);
  self->segment_filters = g_steal_pointer (&filters);
  _sc_targets_page_reload_segments (self);
}

/* Recomputes the table for the period shown, the dimension chosen and the
 * view's filters; nothing before the page has shown a period. */
void
_sc_targets_page_reload_segments (ScTargetsPage *self)
{
  Job *job;

  if (self->engine == NULL || self->shown_start == 0)
    return;
  /* An import may have added dimensions of its own. */
  g_signal_handlers_block_by_func (self->segment_dropdown, _sc_targets_page_reload_segments, self);
  sc_dimension_choice_update (&self->segment_dims, self->store, self->segment_dropdown);
  g_signal_handlers_unblock_by_func (self->segment_dropdown, _sc_targets_page_reload_segments, self);
  job = g_new0 (Job, 1);
  job->store = g_object_ref (self->store);
  job->query = sc_query_new ();
  sc_query_add_all_metrics (job->query);
  if (self->state != NULL)
    sc_view_state_apply (self->state, job->query);
  sc_query_set_range (job->query, self->shown_start, self->shown_end);
  sc_query_set_comparison (job->query, SC_COMPARE_NONE);
  sc_query_set_group_by (job->query, sc_targets_page_get_segment_dimension (self));
  job->context = sc_segment_key_from_filters (job->query->filters);
  sc_compute_async (self, self->engine, table_compute, job, (GDestroyNotify) job_free,
                    (GDestroyNotify) table_free, sc_compute_slot_begin (&self->segment_slot),
                    table_ready_cb, NULL);
}

void
_sc_targets_page_init_segments (ScTargetsPage *self)
{
  const ScDimension *dims;
  guint n_dims;

  /* The Segments page's builtin dimensions, then those the store keeps
   * from imports (held to the view's targets: none can name them). */
  dims = sc_segments_page_list_builtin_dimensions (&n_dims);
  sc_dimension_choice_init (&self->segment_dims, dims, n_dims, self->segment_dropdown);
  sc_dimension_choice_select (&self->segment_dims, self->segment_dropdown, SC_DIM_TEAM);
  sc_compute_slot_set_spinner (&self->segment_slot, self->segment_spinner);
  g_signal_connect_object (self->segment_dropdown, "notify::selected",
                           G_CALLBACK (_sc_targets_page_reload_segments), self, G_CONNECT_SWAPPED);
}

void
_sc_targets_page_dispose_segments (ScTargetsPage *self)
{
  sc_compute_slot_clear (&self->segment_slot);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_pointer (&self->segment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->segment_filters, g_free);
  sc_dimension_choice_clear (&self->segment_dims);
  for (guint c = 0; c < G_N_ELEMENTS (self->segment_columns); c++)
    g_clear_object (&self->segment_columns[c]);
}

/* ---- Public API ----------------------------------------------------------- */

/**
 * sc_targets_page_set_view_state:
 * @self: the page
 * @state: the window's period, comparison and filters
 *
 * Makes the "By segment" table follow @state's filters: in a view
 * filtered to Email, it shows Email's teams, measured against the targets
 * that apply within Email. The period comes through
 * sc_targets_page_set_period().
 */
void
sc_targets_page_set_view_state (ScTargetsPage *self,
                                ScViewState   *state)
{
  g_return_if_fail (SC_IS_TARGETS_PAGE (self));
  g_return_if_fail (SC_IS_VIEW_STATE (state));

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  g_signal_connect_object (state, "changed", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  state_changed_cb (self);
}

/**
 * sc_targets_page_get_segment_dimension:
 * @self: the page
 *
 * Returns: the dimension the "By segment" table breaks down by
 */
ScDimension
sc_targets_page_get_segment_dimension (ScTargetsPage *self)
{
  g_return_val_if_fail (SC_IS_TARGETS_PAGE (self), SC_DIM_TEAM);

  return sc_dimension_choice_get_selected (&self->segment_dims, self->segment_dropdown);
}

/**
 * sc_targets_page_set_segment_dimension:
 * @self: the page
 * @dim: a dimension the dropdown offers
 *
 * Chooses the dimension of the "By segment" table, as the dropdown does.
 */
void
sc_targets_page_set_segment_dimension (ScTargetsPage *self,
                                       ScDimension    dim)
{
  g_return_if_fail (SC_IS_TARGETS_PAGE (self));

  if (!sc_dimension_choice_select (&self->segment_dims, self->segment_dropdown, dim))
    g_warning ("The Targets page offers no breakdown by dimension %d", dim);
}

/**
 * sc_targets_page_get_segment_targets:
 * @self: the page
 *
 * Returns: (transfer none) (nullable) (element-type ScSegmentTarget): the
 *   rows of the "By segment" table as shown, missed first; %NULL before
 *   the first computation
 */
GPtrArray *
sc_targets_page_get_segment_targets (ScTargetsPage *self)
{
  g_return_val_if_fail (SC_IS_TARGETS_PAGE (self), NULL);

  return self->segment_rows;
}
