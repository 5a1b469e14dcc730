/* sc-metric-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One headline metric on the dashboard: its value, the change against the
 * comparison (coloured by whether it is better or worse for this metric,
 * marked when it is within the noise), a sparkline of the last periods,
 * the sample size, how the number was computed and, when a target
 * applies, whether it was met.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-axis.h"
#include "sc-chart-style.h"
#include "sc-metric-card.h"
#include "sc-metric-series.h"
#include "sc-sparkline-painter.h"

struct _ScMetricCard
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *info_label;
  GtkLabel           *value_label;
  GtkWidget          *change_box;
  GtkImage           *change_icon;
  GtkLabel           *change_label;
  GtkWidget          *noise_label;
  GtkLabel           *target_label;
  GtkDrawingArea     *sparkline;
  GtkLabel           *n_label;

  ScMetricId          metric;
  ScTargetStatus      status;
  ScSparklinePainter *painter;
};

G_DEFINE_FINAL_TYPE (ScMetricCard, sc_metric_card, GTK_TYPE_WIDGET)

/* ---- Formatting -------------------------------------------------------- */

static char *
format_count (gint64 n)
{
  g_autofree char *text = sc_chart_format_number ((double) n, 0);

  /* Translators: the sample size behind a number, "n = 2,303" */
  return g_strdup_printf (_("n = %s"), text);
}

/* Whether a change is better (1), worse (-1) or neither (0) for @metric. */
static int
judge_change (const ScMetric      *metric,
              const ScMetricValue *value)
{
  if (!value->significant || value->change == 0 || isnan (value->change))
    return 0;
  if (metric->direction == SC_DIRECTION_HIGHER_IS_BETTER)
    return value->change > 0 ? 1 : -1;
  if (metric->direction == SC_DIRECTION_LOWER_IS_BETTER)
    return value->change < 0 ? 1 : -1;
  return 0;
}

/* ---- Showing ----------------------------------------------------------- */

static void
show_change (ScMetricCard        *self,
             const ScMetric      *metric,
             const ScMetricValue *value,
             const char          *compare_label)
{
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;
  int verdict = judge_change (metric, value);

  gtk_widget_remove_css_class (GTK_WIDGET (self->change_box), "change-better");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_box), "change-worse");
  if (!value->has_comparison || isnan (value->compare_value) || isnan (value->value))
    {
      gtk_widget_set_visible (self->change_box, FALSE);
      return;
    }

  change = sc_metric_format_change (metric, value->change);
  /* Translators: "+1.2 pts vs September 2026" */
  text = g_strdup_printf (_("%s vs %s"), change, compare_label);
  gtk_label_set_text (self->change_label, text);
  /* The arrow follows the sign shown: none for a change that rounds to
   * zero ("±0"). */
  gtk_image_set_from_icon_name (self->change_icon,
                                value->change > 0 ? "go-up-symbolic" : "go-down-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->change_icon), !g_str_has_prefix (change, "±"));
  if (verdict > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->change_box), "change-better");
  else if (verdict < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->change_box), "change-worse");
  gtk_widget_set_visible (self->noise_label, !value->significant);
  gtk_widget_set_visible (self->change_box, TRUE);
}

static void
update_accessible (ScMetricCard        *self,
                   const ScMetric      *metric,
                   const ScMetricValue *value)
{
  g_autofree char *description = NULL;
  int verdict = judge_change (metric, value);

  description = g_strdup_printf ("%s %s. %s. %s%s%s",
                                 gtk_label_get_text (self->value_label),
                                 gtk_widget_get_visible (self->change_box)
                                 ? gtk_label_get_text (self->change_label) : "",
                                 verdict > 0 ? _("Better")
                                 : verdict < 0 ? _("Worse")
                                 : gtk_widget_get_visible (self->change_box) ? _("Within noise") : "",
                                 gtk_widget_get_visible (GTK_WIDGET (self->target_label))
                                 ? gtk_label_get_text (self->target_label) : "",
                                 gtk_widget_get_visible (GTK_WIDGET (self->target_label)) ? ". " : "",
                                 gtk_label_get_text (self->n_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, metric->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * sc_metric_card_set_value:
 * @self: a card
 * @metric: the metric it shows
 * @value: the metric's value for the period, with its comparison
 * @compare_label: what it is compared with ("September 2026")
 * @trend: (nullable): the last periods, for the sparkline
 * @how_computed: the definition, variant and sample, for the info popover
 */
void
sc_metric_card_set_value (ScMetricCard        *self,
                          const ScMetric      *metric,
                          const ScMetricValue *value,
                          const char          *compare_label,
                          ScChartSeries       *trend,
                          const char          *how_computed)
{
  g_autofree char *n_text = NULL;

  g_return_if_fail (SC_IS_METRIC_CARD (self));
  g_return_if_fail (metric != NULL && value != NULL);

  self->metric = metric->id;
  gtk_label_set_text (self->title_label, metric->name);
  gtk_label_set_text (self->info_label, how_computed);

  if (value->insufficient || isnan (value->value))
    {
      g_autofree char *count = sc_chart_format_number ((double) value->n, 0);

      gtk_label_set_text (self->value_label, value->n > 0 ? _("Not enough data") : _("No data"));
      /* Translators: "n = 12, needs 30" */
      n_text = g_strdup_printf (_("n = %s, needs %u"), count, metric->min_sample);
      gtk_widget_set_visible (self->change_box, FALSE);
    }
  else
    {
      g_autofree char *text = sc_metric_format_display (metric, value->value);

      gtk_label_set_text (self->value_label, text);
      n_text = format_count (value->n);
      show_change (self, metric, value, compare_label);
    }
  gtk_label_set_text (self->n_label, n_text);

  sc_sparkline_painter_set_series (self->painter, trend);
  gtk_widget_set_visible (GTK_WIDGET (self->sparkline), trend != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->sparkline));
  update_accessible (self, metric, value);
}

/**
 * sc_target_status_css_class:
 * @status: a status
 *
 * Returns: the style class that colours @status: success, warning, error,
 *   or dim-label without a target or data
 */
const char *
sc_target_status_css_class (ScTargetStatus status)
{
  switch (status)
    {
    case SC_TARGET_STATUS_MET:
      return "success";
    case SC_TARGET_STATUS_AT_RISK:
      return "warning";
    case SC_TARGET_STATUS_MISSED:
      return "error";
    case SC_TARGET_STATUS_NONE:
    case SC_TARGET_STATUS_NO_DATA:
    default:
      return "dim-label";
    }
}

/**
 * sc_metric_card_set_target:
 * @self: a card, after sc_metric_card_set_value()
 * @target: (nullable): the target that applies to the card's period and
 *   segment, %NULL for none
 * @attainment: (nullable): how the card's value stands against it
 *
 * Shows “Met · target 85 %” (or at risk, missed, no data) under the
 * value, coloured by the status; nothing without a target.
 */
void
sc_metric_card_set_target (ScMetricCard       *self,
                           const ScTarget     *target,
                           const ScAttainment *attainment)
{
  const ScMetric *metric;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  ScTargetStatus status;

  g_return_if_fail (SC_IS_METRIC_CARD (self));
  g_return_if_fail (target == NULL || attainment != NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->target_label), sc_target_status_css_class (self->status));
  status = target != NULL ? attainment->status : SC_TARGET_STATUS_NONE;
  self->status = status;
  gtk_widget_set_visible (GTK_WIDGET (self->target_label), target != NULL);
  if (target == NULL)
    return;
  metric = sc_metric_get (target->metric);
  value = sc_metric_format_display (metric, target->value);
  /* Translators: a card's status against its target, "Met · target 85.0 %" */
  text = g_strdup_printf (_("%s · target %s"), _(sc_target_status_get_label (status)), value);
  gtk_label_set_text (self->target_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->target_label), sc_target_status_css_class (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_label),
                               target->note != NULL && target->note[0] != '\0' ? target->note : NULL);
}

/**
 * sc_metric_card_get_status:
 * @self: a card
 *
 * Returns: the status shown, %SC_TARGET_STATUS_NONE without a target
 */
ScTargetStatus
sc_metric_card_get_status (ScMetricCard *self)
{
  g_return_val_if_fail (SC_IS_METRIC_CARD (self), SC_TARGET_STATUS_NONE);

  return self->status;
}

ScMetricId
sc_metric_card_get_metric (ScMetricCard *self)
{
  g_return_val_if_fail (SC_IS_METRIC_CARD (self), SC_METRIC_VOLUME);

  return self->metric;
}

/* ---- The sparkline ----------------------------------------------------- */

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  ScMetricCard *self = user_data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(ScChartStyle) style = sc_chart_style_new (dark);
  g_autoptr(ScChartGeometry) geometry = NULL;

  if (width <= 0 || height <= 0)
    return;
  geometry = sc_sparkline_painter_draw (self->painter, cr, width, height, style);
}

static void
dark_changed_cb (ScMetricCard *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->sparkline));
}

/* ---- GObject ----------------------------------------------------------- */

static void
sc_metric_card_dispose (GObject *object)
{
  ScMetricCard *self = SC_METRIC_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_METRIC_CARD);
  /* The template's root box is not bound, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->painter);

  G_OBJECT_CLASS (sc_metric_card_parent_class)->dispose (object);
}

static void
sc_metric_card_class_init (ScMetricCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_metric_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-metric-card.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, info_label);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, change_box);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, change_icon);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, change_label);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, noise_label);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, sparkline);
  gtk_widget_class_bind_template_child (widget_class, ScMetricCard, n_label);
}

static void
sc_metric_card_init (ScMetricCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->painter = sc_sparkline_painter_new ();
  gtk_drawing_area_set_draw_func (self->sparkline, draw_sparkline, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

ScMetricCard *
sc_metric_card_new (void)
{
  return g_object_new (SC_TYPE_METRIC_CARD, NULL);
}
