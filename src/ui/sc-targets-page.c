/* sc-targets-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Targets page: for one month (the last complete one unless a period
 * is set), every metric with data or a target, and its segment overrides,
 * with the target that applies, the baseline, the actual, attainment and
 * status, and bullet charts of the targets for all interactions. Targets
 * are typed in place ("4h", "90 s", "85%", "+20"); every edit, undo and
 * redo goes through an #ScTargetHistory, which writes it to the store at
 * once, and the page recomputes off the main thread.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-baseline-eval.h"
#include "sc-chart-axis.h"
#include "sc-chart-style.h"
#include "sc-metric-card.h"
#include "sc-metric-series.h"
#include "sc-target-value.h"
#include "sc-targets-page-private.h"

#define BULLET_ROW_HEIGHT 44

G_DEFINE_FINAL_TYPE (ScTargetsPage, sc_targets_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The table's columns after the metric's name, aligned by size groups. */
enum {
  COLUMN_TARGET,
  COLUMN_BASELINE,
  COLUMN_ACTUAL,
  COLUMN_ATTAINMENT,
  COLUMN_STATUS,
  COLUMN_MENU,
};

static void
row_free (ScTargetsRow *row)
{
  g_free (row->segment);
  g_clear_pointer (&row->target, sc_target_free);
  g_clear_pointer (&row->baseline, sc_baseline_free);
  g_free (row);
}

/* ---- Loading (off the main thread) ---------------------------------------- */

typedef struct
{
  ScStore          *store;
  ScEngine         *engine;
  gint32            from;            /* 0: the last complete month */
  gint32            to;
  gint64            now;
  GPtrArray        *rows;
  ScMetricSettings *settings;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->store);
  g_clear_object (&load->engine);
  g_clear_pointer (&load->rows, g_ptr_array_unref);
  g_clear_pointer (&load->settings, sc_metric_settings_free);
  g_free (load);
}

/* The first day of the last complete month with data: the month of the
 * newest interaction, or the one before while that month still runs. */
static gint32
last_complete_month (gint64     last_created,
                     gint64     now,
                     GTimeZone *zone)
{
  g_autoptr(GDateTime) last_utc = g_date_time_new_from_unix_utc (MIN (last_created, now));
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) last = g_date_time_to_timezone (last_utc, zone);
  g_autoptr(GDateTime) today = g_date_time_to_timezone (now_utc, zone);
  gint32 month = sc_calendar_day_from_ymd (g_date_time_get_year (last), g_date_time_get_month (last), 1);

  if (g_date_time_get_year (last) == g_date_time_get_year (today)
      && g_date_time_get_month (last) == g_date_time_get_month (today))
    month = sc_grain_bucket_start (SC_GRAIN_MONTH, month - 1);
  return month;
}

static ScQueryResult *
compute_segment (const ScFacts  *facts,
                 const char     *segment,
                 gint32          from,
                 gint32          to,
                 GError        **error)
{
  g_autoptr(ScQuery) query = sc_query_new ();

  sc_query_add_all_metrics (query);
  sc_query_set_range (query, from, to);
  sc_segment_key_add_to_query (segment, query);
  return sc_engine_compute (facts, query, error);
}

static ScTargetsRow *
make_row (Load                *load,
          const ScFacts       *facts,
          const ScTargetIndex *index,
          GPtrArray           *baselines,
          const ScQueryResult *result,
          ScMetricId           metric,
          const char          *segment,
          gint64               as_of,
          GError             **error)
{
  const ScMetricValue *value = sc_query_result_get_value (result, metric, 0, -1);
  const ScTarget *target = sc_target_index_lookup (index, metric, segment, load->from, load->to, as_of);
  const ScBaseline *baseline = sc_baselines_lookup (baselines, metric, segment);
  g_autoptr(GError) local_error = NULL;
  ScTargetsRow *row = g_new0 (ScTargetsRow, 1);

  row->metric = metric;
  row->segment = g_strdup (segment);
  row->actual = value != NULL && value->n > 0 ? value->value : NAN;
  row->n = value != NULL ? value->n : 0;
  row->target = target ? sc_target_copy (target) : NULL;
  row->baseline = baseline ? sc_baseline_copy (baseline) : NULL;
  row->baseline_value = NAN;
  if (baseline != NULL)
    {
      ScBaselineValue b;

      if (!sc_baseline_compute (baseline, facts, load->from, load->to, &b, error))
        {
          row_free (row);
          return NULL;
        }
      row->baseline_value = b.value;
    }
  sc_target_evaluate (row->target, load->settings, row->actual, &row->attainment);
  return row;
}

/* "Periods on target" over the year: of the months from January to the
 * month shown that had a target (as in force then, as a review shows it),
 * how many met it, for each row. */
static gboolean
count_months_on_target (Load                *load,
                        const ScFacts       *facts,
                        const ScTargetIndex *index,
                        GTimeZone           *zone,
                        GError             **error)
{
  g_autoptr(GHashTable) by_segment = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) sc_query_result_free);
  int y, m, d;
  gint32 january;

  sc_calendar_ymd_from_day (load->from, &y, &m, &d);
  january = sc_calendar_day_from_ymd (y, 1, 1);
  for (guint r = 0; r < load->rows->len; r++)
    {
      ScTargetsRow *row = load->rows->pdata[r];
      ScQueryResult *months = g_hash_table_lookup (by_segment, row->segment);

      if (months == NULL)
        {
          g_autoptr(ScQuery) query = sc_query_new ();

          sc_query_add_all_metrics (query);
          sc_query_set_range (query, january, load->to);
          sc_query_set_grain (query, SC_GRAIN_MONTH);
          sc_segment_key_add_to_query (row->segment, query);
          if ((months = sc_engine_compute (facts, query, error)) == NULL)
            return FALSE;
          g_hash_table_insert (by_segment, g_strdup (row->segment), months);
        }
      for (guint b = 0; b < months->buckets->len; b++)
        {
          const ScBucket *bucket = g_ptr_array_index (months->buckets, b);
          const ScMetricValue *value = sc_query_result_get_value (months, row->metric, b, -1);
          const ScTarget *target;
          ScAttainment attainment;

          target = sc_target_index_lookup (index, row->metric, row->segment, bucket->first_day, bucket->last_day,
                                           sc_target_review_instant (bucket->last_day, zone, load->now));
          if (target == NULL)
            continue;
          sc_target_evaluate (target, load->settings, value != NULL && value->n > 0 ? value->value : NAN,
                              &attainment);
          row->months_targeted++;
          row->months_met += attainment.status == SC_TARGET_STATUS_MET;
        }
    }
  return TRUE;
}

/* The segments that have a target of their own for the month. */
static GPtrArray *
override_segments (const ScTargetIndex *index,
                   ScMetricId           metric,
                   gint32               from,
                   gint32               to,
                   gint64               as_of)
{
  g_autoptr(GPtrArray) targets = sc_target_index_list (index, as_of);
  GPtrArray *segments = g_ptr_array_new ();

  for (guint i = 0; i < targets->len; i++)
    {
      const ScTarget *t = targets->pdata[i];

      if (t->metric == metric && t->segment[0] != '\0'
          && sc_target_period_contains (&t->period, from, to)
          && !g_ptr_array_find_with_equal_func (segments, t->segment, g_str_equal, NULL))
        g_ptr_array_add (segments, t->segment);
    }
  return segments;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScFacts) facts = NULL;
  g_autoptr(GTimeZone) zone = sc_store_dup_time_zone (load->store);
  g_autoptr(ScTargetIndex) index = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autoptr(ScQueryResult) all = NULL;
  g_autoptr(GHashTable) by_segment = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) sc_query_result_free);
  ScStoreOverview overview;
  gint64 as_of;

  if ((facts = sc_engine_dup_facts (load->engine, &error)) == NULL
      || !sc_store_get_overview (load->store, &overview, &error)
      || (index = sc_target_index_load (load->store, &error)) == NULL
      || (baselines = sc_store_list_baselines (load->store, SC_MISSING, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  load->settings = sc_metric_settings_copy (facts->settings);
  if (load->from == 0)
    {
      load->from = last_complete_month (overview.last_created != SC_MISSING ? overview.last_created : load->now,
                                        load->now, zone);
      load->to = sc_grain_next_bucket (SC_GRAIN_MONTH, load->from) - 1;
    }
  /* This page edits targets: it shows those in force now, whatever the
   * month; reviews and cards use sc_target_review_instant(). */
  as_of = SC_MISSING;
  if ((all = compute_segment (facts, "", load->from, load->to, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  load->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (ScMetricId m = 0; m < SC_METRIC_N; m++)
    {
      g_autoptr(GPtrArray) segments = override_segments (index, m, load->from, load->to, as_of);
      ScTargetsRow *row = make_row (load, facts, index, baselines, all, m, "", as_of, &error);

      if (row == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (isnan (row->actual) && row->target == NULL && row->baseline == NULL && segments->len == 0)
        {
          row_free (row);
          continue;
        }
      g_ptr_array_add (load->rows, row);
      for (guint i = 0; i < segments->len; i++)
        {
          const char *segment = segments->pdata[i];
          ScQueryResult *result = g_hash_table_lookup (by_segment, segment);

          if (result == NULL)
            {
              if ((result = compute_segment (facts, segment, load->from, load->to, &error)) == NULL)
                {
                  g_task_return_error (task, g_steal_pointer (&error));
                  return;
                }
              g_hash_table_insert (by_segment, g_strdup (segment), result);
            }
          if ((row = make_row (load, facts, index, baselines, result, m, segment, as_of, &error)) == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_ptr_array_add (load->rows, row);
        }
    }
  if (!count_months_on_target (load, facts, index, zone, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- Showing ----------------------------------------------------------------- */

static char *
format_month (gint32 day)
{
  g_autoptr(GDateTime) month = NULL;
  int y, m, d;

  sc_calendar_ymd_from_day (day, &y, &m, &d);
  month = g_date_time_new_utc (y, m, 1, 12, 0, 0);
  /* Translators: a month as in "October 2026"; see g_date_time_format(). */
  return g_date_time_format (month, _("%B %Y"));
}

char *
_sc_targets_format_value (ScMetricId metric,
                          double     value)
{
  if (isnan (value))
    return g_strdup ("—");
  return sc_metric_format_display (sc_metric_get (metric), value);
}

static GtkWidget *
add_cell (ScTargetsPage *self,
          GtkBox        *box,
          int            column,
          GtkWidget     *cell)
{
  gtk_size_group_add_widget (self->columns[column], cell);
  gtk_box_append (box, cell);
  return cell;
}

GtkWidget *
_sc_targets_text_cell (const char *text,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* An attainment in percent, "—" without one. */
char *
_sc_targets_format_attainment (double attainment)
{
  g_autofree char *number = NULL;

  if (!isfinite (attainment))
    return g_strdup ("—");
  number = sc_chart_format_number (attainment, 0);
  return g_strdup_printf (_("%s%%"), number);
}

/* A value above a dim caption, e.g. a baseline and where it comes from. */
GtkWidget *
_sc_targets_two_line_cell (const char *text,
                           const char *caption,
                           float       xalign)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (top), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (top), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), top);
  if (caption != NULL && caption[0] != '\0')
    {
      GtkWidget *bottom = gtk_label_new (caption);

      gtk_label_set_xalign (GTK_LABEL (bottom), xalign);
      gtk_label_set_ellipsize (GTK_LABEL (bottom), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (bottom, "dim-label");
      gtk_widget_add_css_class (bottom, "caption");
      gtk_box_append (GTK_BOX (box), bottom);
    }
  return box;
}



static GMenuModel *
row_menu (int             index,
          const ScTargetsRow *row)
{
  GMenu *menu = g_menu_new ();
  GMenu *targets = g_menu_new ();
  GMenu *baselines = g_menu_new ();
  struct { GMenu *section; const char *label; const char *action; gboolean enabled; } items[] = {
    { targets, N_("Set Months…"), "targets.set-months", TRUE },
    { targets, N_("Add Segment Override…"), "targets.add-override", row->segment[0] == '\0' },
    { targets, N_("Remove Target"), "targets.remove-target", row->target != NULL },
    { baselines, N_("Baseline: Trailing 3 Months"), "targets.baseline-trailing", TRUE },
    { baselines, N_("Baseline: Same Month Last Year"), "targets.baseline-last-year", TRUE },
    { baselines, N_("Baseline: Freeze This Month’s Value"), "targets.baseline-freeze", !isnan (row->actual) },
    { baselines, N_("Remove Baseline"), "targets.baseline-remove", row->baseline != NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!items[i].enabled)
        continue;
      item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int32 (index));
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (targets));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (baselines));
  g_object_unref (targets);
  g_object_unref (baselines);
  return G_MENU_MODEL (menu);
}

static void entry_activate_cb (GtkEntry      *entry,
                               ScTargetsPage *self);
static void entry_changed_cb  (GtkEntry      *entry,
                               GtkLabel      *error_label);

static char *
entry_name (const ScTargetsRow *row)
{
  return g_strdup_printf ("target-%s%s%s", sc_metric_get (row->metric)->id_string,
                          row->segment[0] ? ":" : "", row->segment);
}

static GtkWidget *
make_table_row (ScTargetsPage      *self,
                int                 index,
                const ScTargetsRow *row)
{
  const ScMetric *metric = sc_metric_get (row->metric);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *error_label = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = row_menu (index, row);
  g_autofree char *name = entry_name (row);
  g_autofree char *segment = sc_segment_key_describe (row->segment);
  g_autofree char *caption = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *baseline_text = _sc_targets_format_value (row->metric, row->baseline_value);
  g_autofree char *baseline_source = row->baseline ? sc_baseline_describe (row->baseline) : NULL;
  g_autofree char *actual = _sc_targets_format_value (row->metric, row->actual);
  g_autofree char *attainment = NULL;
  g_autofree char *entry_label = NULL;
  /* Translators: periods on target over the year, "7 of 10 months on target" */
  g_autofree char *months_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u month on target",
                                                               "%u of %u months on target",
                                                               row->months_targeted),
                                                  row->months_met, row->months_targeted);

  if (row->target != NULL)
    {
      g_autofree char *period = sc_target_period_format (&row->target->period);

      target_text = sc_target_value_format (row->metric, row->target->value);
      /* Translators: a metric's segment and the period its target is for. */
      caption = g_strdup_printf (_("%s · target for %s"), segment, period);
    }
  else
    {
      ScTargetPeriod period = _sc_targets_page_new_period (self);
      g_autofree char *period_text = sc_target_period_format (&period);

      caption = g_strdup_printf (_("%s · no target for %s"), segment, period_text);
    }
  attainment = _sc_targets_format_attainment (row->attainment.attainment);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 6);
  gtk_widget_set_margin_top (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);

  {
    GtkWidget *title = _sc_targets_two_line_cell (_(metric->name), caption, 0);

    gtk_widget_set_hexpand (title, TRUE);
    if (row->segment[0] != '\0')
      gtk_widget_set_margin_start (title, 18);
    gtk_box_append (GTK_BOX (box), title);
  }

  gtk_widget_set_name (entry, name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_editable_set_text (GTK_EDITABLE (entry), target_text ? target_text : "");
  /* Translators: the accessible name of a target entry, e.g. "Target of CSAT". */
  entry_label = g_strdup_printf (_("Target of %s, %s"), _(metric->name), segment);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  g_object_set_data (G_OBJECT (entry), "sc-row", GINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "sc-error-label", error_label);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), error_label);
  add_cell (self, GTK_BOX (box), COLUMN_TARGET, entry);

  add_cell (self, GTK_BOX (box), COLUMN_BASELINE, _sc_targets_two_line_cell (baseline_text, baseline_source, 1));
  add_cell (self, GTK_BOX (box), COLUMN_ACTUAL, _sc_targets_text_cell (actual, NULL));
  add_cell (self, GTK_BOX (box), COLUMN_ATTAINMENT, _sc_targets_text_cell (attainment, NULL));
  if (row->months_targeted > 0)
    {
      GtkWidget *status = _sc_targets_two_line_cell (sc_target_status_get_label (row->attainment.status),
                                         months_text, 1);

      gtk_widget_add_css_class (gtk_widget_get_first_child (status),
                                sc_target_status_css_class (row->attainment.status));
      add_cell (self, GTK_BOX (box), COLUMN_STATUS, status);
    }
  else
    add_cell (self, GTK_BOX (box), COLUMN_STATUS,
              _sc_targets_text_cell (sc_target_status_get_label (row->attainment.status),
                         sc_target_status_css_class (row->attainment.status)));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("More Target and Baseline Options"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  add_cell (self, GTK_BOX (box), COLUMN_MENU, menu_button);

  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");
  gtk_widget_set_visible (error_label, FALSE);

  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), error_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), outer);
  return list_row;
}

/* The header of a table: @first over its expanding first column, then
 * @titles (untranslated) over the columns sized by @columns, the first
 * @n_left of them aligned left and the others right. */
GtkWidget *
_sc_targets_header_row (const char         *first,
                        const char * const *titles,
                        guint               n_titles,
                        guint               n_left,
                        GtkSizeGroup      **columns)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (first);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < n_titles; i++)
    {
      label = gtk_label_new (_(titles[i]));
      gtk_label_set_xalign (GTK_LABEL (label), i < n_left ? 0 : 1);
      gtk_widget_add_css_class (label, "heading");
      gtk_size_group_add_widget (columns[i], label);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  return list_row;
}

static GtkWidget *
make_header_row (ScTargetsPage *self)
{
  static const char * const titles[] = {
    N_("Target"), N_("Baseline"), N_("Actual"), N_("Attainment"), N_("Status"),
  };
  GtkWidget *list_row = _sc_targets_header_row (_("Metric"), titles, G_N_ELEMENTS (titles), 0, self->columns);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (list_row));

  add_cell (self, GTK_BOX (box), COLUMN_MENU, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  return list_row;
}

static void
show_bullets (ScTargetsPage *self)
{
  guint n;

  sc_bullet_painter_clear (self->painter);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ScTargetsRow *row = self->rows->pdata[i];
      const ScMetric *metric = sc_metric_get (row->metric);
      ScBulletRow bullet;

      if (row->target == NULL || row->segment[0] != '\0')
        continue;
      bullet = (ScBulletRow) {
        .label = _(metric->name),
        .actual = row->actual,
        .target = row->target->value,
        .at_risk = row->attainment.at_risk_limit,
        .unit = sc_metric_get_chart_unit (metric),
        .direction = sc_metric_get_chart_direction (metric),
      };
      sc_bullet_painter_add_row (self->painter, &bullet);
    }
  n = sc_bullet_painter_get_n_rows (self->painter);
  gtk_widget_set_visible (GTK_WIDGET (self->bullets), n > 0);
  gtk_drawing_area_set_content_height (self->bullets, n * BULLET_ROW_HEIGHT + 8);
  gtk_widget_queue_draw (GTK_WIDGET (self->bullets));
}

/* Empties a table and gives it new size groups for its columns. */
void
_sc_targets_clear_table (GtkListBox    *list,
                         GtkSizeGroup **columns,
                         guint          n_columns)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint c = 0; c < n_columns; c++)
    {
      g_clear_object (&columns[c]);
      columns[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
    }
}

static void
show_rows (ScTargetsPage *self)
{
  guint counts[SC_TARGET_STATUS_MISSED + 1] = { 0 };
  guint with_target = 0;
  g_autofree char *month = format_month (self->shown_start);
  g_autofree char *summary = NULL;

  _sc_targets_clear_table (self->list, self->columns, G_N_ELEMENTS (self->columns));
  gtk_list_box_append (self->list, make_header_row (self));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ScTargetsRow *row = self->rows->pdata[i];

      gtk_list_box_append (self->list, make_table_row (self, i, row));
      counts[row->attainment.status]++;
      with_target += row->target != NULL;
    }

  gtk_label_set_text (self->period_label, month);
  if (with_target == 0)
    summary = g_strdup (_("No targets apply to this month yet."));
  else
    /* Translators: "5 of 8 targets met, 2 at risk, 1 missed" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u target met, %u at risk, %u missed",
                                            "%u of %u targets met, %u at risk, %u missed", with_target),
                               counts[SC_TARGET_STATUS_MET], with_target,
                               counts[SC_TARGET_STATUS_AT_RISK], counts[SC_TARGET_STATUS_MISSED]);
  gtk_label_set_text (self->summary_label, summary);
  show_bullets (self);
}

static void
draw_bullets (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (user_data);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
  g_autoptr(ScChartGeometry) geometry = NULL;

  if (sc_bullet_painter_get_n_rows (self->painter) == 0)
    return;
  geometry = sc_bullet_painter_draw (self->painter, cr, width, height, style);
}

/* ---- Loading ------------------------------------------------------------------- */

static void start_load (ScTargetsPage *self);

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (object);
  g_autoptr(GError) error = NULL;
  Load *load = g_task_get_task_data (G_TASK (result));

  self->loading = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sc_targets_page_report (self, FALSE, error);
      return;
    }
  self->shown_start = load->from;
  self->shown_end = load->to;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&load->rows);
  g_clear_pointer (&self->settings, sc_metric_settings_free);
  self->settings = g_steal_pointer (&load->settings);
  show_rows (self);

  if (self->pending)
    start_load (self);
  else
    _sc_targets_page_reload_segments (self);
}

static void
start_load (ScTargetsPage *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  self->pending = FALSE;
  self->loading = TRUE;
  load = g_new0 (Load, 1);
  load->store = g_object_ref (self->store);
  load->engine = g_object_ref (self->engine);
  load->from = self->period_start;
  load->to = self->period_end;
  load->now = g_get_real_time () / G_USEC_PER_SEC;

  task = g_task_new (self, self->cancellable, load_ready_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/* ---- Editing ------------------------------------------------------------------- */

const ScTargetsRow *
_sc_targets_page_get_row (ScTargetsPage *self,
                          int            index)
{
  if (self->rows == NULL || index < 0 || (guint) index >= self->rows->len)
    return NULL;
  return self->rows->pdata[index];
}

/* The period a new target typed in the table is for: the year of the
 * month shown, as plans are usually made per year. */
ScTargetPeriod
_sc_targets_page_new_period (ScTargetsPage *self)
{
  int y, m, d;

  sc_calendar_ymd_from_day (self->shown_start, &y, &m, &d);
  return (ScTargetPeriod) { SC_TARGET_PERIOD_YEAR, sc_calendar_day_from_ymd (y, 1, 1) };
}

static void show_toast (ScTargetsPage *self,
                        AdwToast      *toast);

/* Shows the outcome of an edit: a toast offering Undo, or the error. */
void
_sc_targets_page_report (ScTargetsPage *self,
                         gboolean       ok,
                         const GError  *error)
{
  AdwToast *toast;

  if (ok && !sc_target_history_get_can_undo (self->history))
    return;
  toast = adw_toast_new (ok ? sc_target_history_get_undo_label (self->history) : error->message);
  if (ok)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "targets.undo");
    }
  adw_toast_set_timeout (toast, ok ? 5 : 0);
  show_toast (self, toast);
}

/* Shows @toast in place of the page's previous one. */
static void
show_toast (ScTargetsPage *self,
            AdwToast      *toast)
{
  sc_toast_slot_show (&self->toast, self->toast_overlay, toast);
}

static void
show_entry_error (GtkEntry   *entry,
                  const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (entry), "sc-error-label");

  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, TRUE);
}

static void
entry_changed_cb (GtkEntry *entry,
                  GtkLabel *error_label)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
}

static void
entry_activate_cb (GtkEntry      *entry,
                   ScTargetsPage *self)
{
  const ScTargetsRow *row = _sc_targets_page_get_row (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "sc-row")));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTarget) target = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  double value;
  gboolean ok;

  if (row == NULL)
    return;
  if (trimmed[0] == '\0')
    {
      /* Emptying the entry removes the target that applies. */
      if (row->target == NULL)
        return;
      ok = sc_target_history_unset_target (self->history, row->metric, row->target->segment,
                                           &row->target->period, &error);
      _sc_targets_page_report (self, ok, error);
      return;
    }
  if (!sc_target_value_parse (row->metric, self->settings, trimmed, &value, &error))
    {
      show_entry_error (entry, error->message);
      return;
    }
  if (row->target != NULL)
    target = sc_target_copy (row->target);
  else
    {
      ScTargetPeriod period = _sc_targets_page_new_period (self);

      target = sc_target_new (row->metric, row->segment, &period, value);
    }
  target->value = value;
  ok = sc_target_history_set_target (self->history, target, &error);
  _sc_targets_page_report (self, ok, error);
}

/* ---- Actions ----------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (sc_target_history_get_undo_label (self->history));
  gboolean redo = g_str_equal (action_name, "targets.redo");
  AdwToast *toast;

  if (redo)
    {
      g_free (label);
      label = g_strdup (sc_target_history_get_redo_label (self->history));
    }
  if (!(redo ? sc_target_history_redo (self->history, &error) : sc_target_history_undo (self->history, &error)))
    {
      _sc_targets_page_report (self, FALSE, error);
      return;
    }
  /* Translators: a toast after undoing, e.g. "Undone: Set the target of CSAT (All, 2026)". */
  toast = adw_toast_new_format (redo ? _("Redone: %s") : _("Undone: %s"), label ? label : "");
  adw_toast_set_timeout (toast, 3);
  show_toast (self, toast);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (widget);
  const ScTargetsRow *row = _sc_targets_page_get_row (self, g_variant_get_int32 (parameter));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScBaseline) baseline = NULL;
  gboolean ok = TRUE;

  if (row == NULL)
    return;
  if (g_str_equal (action_name, "targets.set-months"))
    {
      _sc_targets_page_set_months (self, row);
      return;
    }
  if (g_str_equal (action_name, "targets.add-override"))
    {
      _sc_targets_page_add_override (self, row);
      return;
    }
  if (g_str_equal (action_name, "targets.remove-target"))
    {
      if (row->target != NULL)
        ok = sc_target_history_unset_target (self->history, row->metric, row->target->segment,
                                             &row->target->period, &error);
    }
  else if (g_str_equal (action_name, "targets.baseline-remove"))
    ok = sc_target_history_unset_baseline (self->history, row->metric, row->segment, &error);
  else
    {
      if (g_str_equal (action_name, "targets.baseline-trailing"))
        baseline = sc_baseline_new (row->metric, row->segment, SC_BASELINE_TRAILING);
      else if (g_str_equal (action_name, "targets.baseline-last-year"))
        baseline = sc_baseline_new (row->metric, row->segment, SC_BASELINE_LAST_YEAR);
      else
        {
          /* The month's own value, kept as it is now. */
          baseline = sc_baseline_new (row->metric, row->segment, SC_BASELINE_RANGE);
          baseline->range_from = self->shown_start;
          baseline->range_to = self->shown_end;
          baseline->value = row->actual;
          baseline->frozen = TRUE;
        }
      ok = sc_target_history_set_baseline (self->history, baseline, &error);
    }
  _sc_targets_page_report (self, ok, error);
}

static void
history_notify_cb (ScTargetsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.undo",
                                 sc_target_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.redo",
                                 sc_target_history_get_can_redo (self->history));
}

/* ---- Public API --------------------------------------------------------------------- */

/**
 * sc_targets_page_set_store:
 * @self: the page
 * @store: (nullable): the store whose targets to show and edit
 * @engine: (nullable): the metrics engine over @store
 *
 * Shows @store's targets, computing off the main thread. The undo history
 * starts empty.
 */
void
sc_targets_page_set_store (ScTargetsPage *self,
                           ScStore       *store,
                           ScEngine      *engine)
{
  g_return_if_fail (SC_IS_TARGETS_PAGE (self));
  g_return_if_fail ((store == NULL) == (engine == NULL));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  sc_compute_slot_cancel (&self->segment_slot);
  g_set_object (&self->store, store);
  g_set_object (&self->engine, engine);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  self->loading = FALSE;
  self->pending = FALSE;
  if (store != NULL)
    {
      self->history = sc_target_history_new (store);
      g_signal_connect_object (self->history, "changed", G_CALLBACK (sc_targets_page_reload),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (history_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (history_notify_cb),
                               self, G_CONNECT_SWAPPED);
      sc_targets_page_reload (self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.redo", FALSE);
}

/**
 * sc_targets_page_reload:
 * @self: the page
 *
 * Computes what the page shows again, after the store changed.
 */
void
sc_targets_page_reload (ScTargetsPage *self)
{
  g_return_if_fail (SC_IS_TARGETS_PAGE (self));

  if (self->store == NULL)
    return;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  if (self->loading)
    self->pending = TRUE;
  else
    start_load (self);
}

/**
 * sc_targets_page_set_period:
 * @self: the page
 * @first_day: the first day of the period shown (a day number, see
 *   sc-calendar.h), or 0 for the last complete month with data
 * @last_day: its last day (ignored with 0)
 *
 * Sets the period whose targets, actuals and status the page shows; the
 * shared period picker sets this.
 */
void
sc_targets_page_set_period (ScTargetsPage *self,
                            gint32         first_day,
                            gint32         last_day)
{
  g_return_if_fail (SC_IS_TARGETS_PAGE (self));
  g_return_if_fail (first_day == 0 || first_day <= last_day);

  if (first_day == 0)
    last_day = 0;
  if (self->period_start == first_day && self->period_end == last_day)
    return;
  self->period_start = first_day;
  self->period_end = last_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);
  sc_targets_page_reload (self);
}

gboolean
sc_targets_page_is_loading (ScTargetsPage *self)
{
  g_return_val_if_fail (SC_IS_TARGETS_PAGE (self), FALSE);

  return self->loading || sc_compute_slot_is_busy (&self->segment_slot);
}

/**
 * sc_targets_page_get_history:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the undo history of the page's
 *   edits, %NULL without a store
 */
ScTargetHistory *
sc_targets_page_get_history (ScTargetsPage *self)
{
  g_return_val_if_fail (SC_IS_TARGETS_PAGE (self), NULL);

  return self->history;
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
sc_targets_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERIOD_START:
      g_value_set_int (value, self->period_start);
      break;
    case PROP_PERIOD_END:
      g_value_set_int (value, self->period_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_targets_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERIOD_START:
      sc_targets_page_set_period (self, g_value_get_int (value),
                                  MAX (self->period_end, g_value_get_int (value)));
      break;
    case PROP_PERIOD_END:
      sc_targets_page_set_period (self, self->period_start, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_targets_page_dispose (GObject *object)
{
  ScTargetsPage *self = SC_TARGETS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  sc_toast_slot_clear (&self->toast);
  _sc_targets_page_dispose_segments (self);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  g_clear_object (&self->painter);
  for (guint c = 0; c < G_N_ELEMENTS (self->columns); c++)
    g_clear_object (&self->columns[c]);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->settings, sc_metric_settings_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_TARGETS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_targets_page_parent_class)->dispose (object);
}

static void
sc_targets_page_class_init (ScTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const row_actions[] = {
    "targets.set-months", "targets.add-override", "targets.remove-target",
    "targets.baseline-trailing", "targets.baseline-last-year", "targets.baseline-freeze",
    "targets.baseline-remove",
  };

  object_class->dispose = sc_targets_page_dispose;
  object_class->get_property = sc_targets_page_get_property;
  object_class->set_property = sc_targets_page_set_property;

  /**
   * ScTargetsPage:period-start:
   *
   * The first day of the period shown, as a day number (see
   * sc-calendar.h); 0 for the last complete month with data.
   */
  properties[PROP_PERIOD_START] =
    g_param_spec_int ("period-start", NULL, NULL, 0, G_MAXINT32, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ScTargetsPage:period-end:
   *
   * The last day of the period shown; 0 with #ScTargetsPage:period-start 0.
   */
  properties[PROP_PERIOD_END] =
    g_param_spec_int ("period-end", NULL, NULL, 0, G_MAXINT32, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-targets-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, bullets);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, list);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_summary);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_stack);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_list);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_empty_title);
  gtk_widget_class_bind_template_child (widget_class, ScTargetsPage, segment_empty_description);

  gtk_widget_class_install_action (widget_class, "targets.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "targets.redo", NULL, undo_action);
  for (guint i = 0; i < G_N_ELEMENTS (row_actions); i++)
    gtk_widget_class_install_action (widget_class, row_actions[i], "i", row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "targets.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "targets.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "targets.redo", NULL);
}

static void
sc_targets_page_init (ScTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->painter = sc_bullet_painter_new ();
  gtk_drawing_area_set_draw_func (self->bullets, draw_bullets, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->bullets), FALSE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->bullets, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.redo", FALSE);
  _sc_targets_page_init_segments (self);
}

ScTargetsPage *
sc_targets_page_new (void)
{
  return g_object_new (SC_TYPE_TARGETS_PAGE, NULL);
}
