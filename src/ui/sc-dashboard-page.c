/* sc-dashboard-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard. It shows what the store holds, read off the main thread.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dashboard-page.h"
#include "sc-chart-axis.h"

struct _ScDashboardPage
{
  GtkWidget     parent_instance;

  /* Template widgets */
  AdwPreferencesPage *preferences_page;
  AdwActionRow *organisation_row;
  AdwActionRow *interactions_row;
  AdwActionRow *period_row;
  AdwActionRow *surveys_row;
  AdwActionRow *customers_row;
  AdwActionRow *agent_days_row;
  AdwActionRow *imports_row;
};

G_DEFINE_FINAL_TYPE (ScDashboardPage, sc_dashboard_page, GTK_TYPE_WIDGET)

typedef struct
{
  ScStoreOverview  overview;
  char            *organisation;
  char            *timezone;
} Coverage;

static void
coverage_free (Coverage *coverage)
{
  g_free (coverage->organisation);
  g_free (coverage->timezone);
  g_free (coverage);
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

static char *
format_count (gint64 n)
{
  return sc_chart_format_number ((double) n, 0);
}

static char *
format_day (gint64     t,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  /* Translators: a date as in "1 Nov 2024"; see g_date_time_format(). */
  return g_date_time_format (local, _("%-d %b %Y"));
}

/* "1 Nov 2024 – 31 Oct 2026" in the organisation's time zone. */
static char *
format_period (gint64      first,
               gint64      last,
               const char *timezone)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == SC_MISSING || last == SC_MISSING)
    return g_strdup (_("No interactions"));
  if (timezone != NULL)
    tz = g_time_zone_new_identifier (timezone);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  from = format_day (first, tz);
  to = format_day (last, tz);
  return g_strdup_printf ("%s – %s", from, to);
}

static void
show_coverage (ScDashboardPage *self,
               const Coverage  *coverage)
{
  const ScStoreOverview *o = &coverage->overview;
  g_autofree char *interactions = format_count (o->interactions);
  g_autofree char *period = format_period (o->first_created, o->last_created, coverage->timezone);
  g_autofree char *surveys = format_count (o->survey_responses);
  g_autofree char *customers = format_count (o->customers);
  g_autofree char *agent_days = format_count (o->agent_days);
  g_autofree char *imports = format_count (o->imports);
  g_autofree char *rejects = format_count (o->rejects);
  g_autofree char *imports_text = NULL;

  /* Translators: "3 imports, 12 rejected rows" */
  imports_text = g_strdup_printf (ngettext ("%s import, %s rejected rows",
                                            "%s imports, %s rejected rows",
                                            (gulong) o->imports),
                                  imports, rejects);
  set_row_value (self->organisation_row,
                 coverage->organisation ? coverage->organisation : _("Not set"));
  set_row_value (self->interactions_row, interactions);
  set_row_value (self->period_row, period);
  set_row_value (self->surveys_row, surveys);
  set_row_value (self->customers_row, customers);
  set_row_value (self->agent_days_row, agent_days);
  /* Survey, customer and agent-time exports are optional: hide what the
   * store does not have rather than show a row of zeros. */
  gtk_widget_set_visible (GTK_WIDGET (self->surveys_row), o->survey_responses > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->customers_row), o->customers > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->agent_days_row), o->agent_days > 0);
  set_row_value (self->imports_row, imports_text);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScStore *store = task_data;
  g_autoptr(GError) error = NULL;
  Coverage *coverage = g_new0 (Coverage, 1);

  if (!sc_store_get_overview (store, &coverage->overview, &error))
    {
      coverage_free (coverage);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  coverage->organisation = sc_store_dup_setting (store, "organisation");
  coverage->timezone = sc_store_dup_setting (store, "timezone");
  g_task_return_pointer (task, coverage, (GDestroyNotify) coverage_free);
}

void
sc_dashboard_page_load_async (ScDashboardPage     *self,
                              ScStore             *store,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (SC_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_dashboard_page_load_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * sc_dashboard_page_load_finish:
 *
 * Returns: whether the store holds any data; %FALSE with @error set on
 *   failure
 */
gboolean
sc_dashboard_page_load_finish (ScDashboardPage  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  Coverage *coverage;
  gboolean has_data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  coverage = g_task_propagate_pointer (G_TASK (result), error);
  if (coverage == NULL)
    return FALSE;
  show_coverage (self, coverage);
  has_data = coverage->overview.interactions > 0 || coverage->overview.survey_responses > 0
             || coverage->overview.customers > 0 || coverage->overview.agent_days > 0;
  coverage_free (coverage);
  return has_data;
}

void
sc_dashboard_page_clear (ScDashboardPage *self)
{
  g_return_if_fail (SC_IS_DASHBOARD_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->preferences_page), TRUE);
}

static void
sc_dashboard_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (sc_dashboard_page_parent_class)->dispose (object);
}

static void
sc_dashboard_page_class_init (ScDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_dashboard_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sc-dashboard-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, interactions_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, surveys_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, customers_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, agent_days_row);
  gtk_widget_class_bind_template_child (widget_class, ScDashboardPage, imports_row);
}

static void
sc_dashboard_page_init (ScDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ScDashboardPage *
sc_dashboard_page_new (void)
{
  return g_object_new (SC_TYPE_DASHBOARD_PAGE, NULL);
}
