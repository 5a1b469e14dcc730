/* sc-window-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window shares between its views: the period picker in the
 * header bar (previous and next with Alt+Left/Right, month, quarter, year
 * or a custom range), the comparison, and the filter chips under the
 * header bar (Ctrl+F adds one). A change here makes every view recompute.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-targets-page.h"
#include "sc-window-private.h"

static const struct
{
  ScPeriodKind  kind;
  const char   *name;
  const char   *label;
} period_kinds[] = {
  { SC_PERIOD_MONTH, "month", N_("_Month") },
  { SC_PERIOD_QUARTER, "quarter", N_("_Quarter") },
  { SC_PERIOD_YEAR, "year", N_("_Year") },
  { SC_PERIOD_CUSTOM, "custom", N_("_Custom") },
};

static const ScComparison comparisons[] = {
  SC_COMPARE_PREVIOUS, SC_COMPARE_YEAR, SC_COMPARE_BASELINE,
};

/* ---- Showing the state --------------------------------------------------- */

static void
update_custom_entries (ScWindow *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!sc_view_state_has_period (self->view_state))
    return;
  from = sc_calendar_format_date (sc_view_state_get_from (self->view_state));
  to = sc_calendar_format_date (sc_view_state_get_to (self->view_state));
  gtk_editable_set_text (GTK_EDITABLE (self->custom_from), from);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_to), to);
}

static void
state_changed_cb (ScWindow *self)
{
  ScViewState *state = self->view_state;
  ScPeriodKind kind = sc_view_state_get_kind (state);
  g_autofree char *label = sc_view_state_dup_period_label (state);
  GPtrArray *filters = sc_view_state_get_filters (state);
  gboolean has_period = sc_view_state_has_period (state);

  gtk_label_set_text (self->period_label, label);
  for (guint i = 0; i < G_N_ELEMENTS (period_kinds); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->period_kind_buttons[i]),
                                  period_kinds[i].kind == kind);
  gtk_widget_set_visible (self->custom_box, kind == SC_PERIOD_CUSTOM);
  gtk_label_set_text (self->custom_error, "");
  update_custom_entries (self);
  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    if (comparisons[i] == sc_view_state_get_comparison (state))
      gtk_drop_down_set_selected (self->comparison_dropdown, i);
  gtk_revealer_set_reveal_child (self->filter_revealer, filters->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-period", has_period);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-period", has_period);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.latest-period",
                                 has_period && self->latest_month != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", filters->len > 0);

  /* The Targets page shows the picked period too. */
  if (self->targets_page != NULL && has_period)
    sc_targets_page_set_period (self->targets_page, sc_view_state_get_from (state),
                                sc_view_state_get_to (state));
}

/* ---- The period popover -------------------------------------------------- */

static void
kind_toggled_cb (GtkToggleButton *button,
                 ScWindow        *self)
{
  ScPeriodKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sc-kind"));

  if (!gtk_toggle_button_get_active (button))
    return;
  sc_view_state_set_kind (self->view_state, kind);
  gtk_widget_set_visible (self->custom_box, kind == SC_PERIOD_CUSTOM);
}

static void
custom_apply_cb (ScWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint32 from, to;

  if (!sc_calendar_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->custom_from)), &from)
      || !sc_calendar_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->custom_to)), &to))
    {
      gtk_label_set_text (self->custom_error, _("Enter both dates as YYYY-MM-DD, such as 2026-10-01."));
      return;
    }
  if (to < from)
    {
      gtk_label_set_text (self->custom_error, _("The last day comes before the first."));
      return;
    }
  gtk_label_set_text (self->custom_error, "");
  sc_view_state_set_period (self->view_state, SC_PERIOD_CUSTOM, from, to);
  gtk_popover_popdown (gtk_menu_button_get_popover (self->period_button));
}

static GtkWidget *
make_date_entry (GtkEntry  **out,
                 const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (entry, "numeric");
  *out = GTK_ENTRY (entry);
  return entry;
}

static GtkWidget *
build_period_popover (ScWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *apply;
  GtkWidget *latest;

  gtk_widget_add_css_class (kinds, "linked");
  gtk_widget_set_halign (kinds, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (period_kinds); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_(period_kinds[i].label));

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->period_kind_buttons[0]));
      g_object_set_data (G_OBJECT (button), "sc-kind", GINT_TO_POINTER (period_kinds[i].kind));
      g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (GTK_BOX (kinds), button);
      self->period_kind_buttons[i] = button;
    }
  gtk_box_append (GTK_BOX (box), kinds);

  self->custom_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (dates), make_date_entry (&self->custom_from, _("First day")));
  gtk_box_append (GTK_BOX (dates), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (dates), make_date_entry (&self->custom_to, _("Last day")));
  apply = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_object (apply, "clicked", G_CALLBACK (custom_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_from, "activate", G_CALLBACK (custom_apply_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_to, "activate", G_CALLBACK (custom_apply_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (dates), apply);
  gtk_box_append (GTK_BOX (self->custom_box), dates);
  self->custom_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->custom_error, TRUE);
  gtk_label_set_xalign (self->custom_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->custom_error), "error");
  gtk_box_append (GTK_BOX (self->custom_box), GTK_WIDGET (self->custom_error));
  gtk_widget_set_visible (self->custom_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->custom_box);

  latest = gtk_button_new_with_mnemonic (_("_Latest Complete Month"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (latest), "win.latest-period");
  gtk_widget_add_css_class (latest, "flat");
  gtk_box_append (GTK_BOX (box), latest);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
comparison_selected_cb (ScWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->comparison_dropdown);

  if (i < G_N_ELEMENTS (comparisons))
    sc_view_state_set_comparison (self->view_state, comparisons[i]);
}

/* ---- Actions ------------------------------------------------------------- */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  sc_view_state_step (self->view_state, g_str_equal (action_name, "win.next-period") ? 1 : -1);
}

static void
latest_period_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (self->latest_month != 0)
    sc_view_state_set_period (self->view_state, SC_PERIOD_MONTH, self->latest_month, 0);
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->period_button))))
    gtk_popover_popdown (gtk_menu_button_get_popover (self->period_button));
}

static void
period_kind_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (period_kinds); i++)
    if (g_str_equal (period_kinds[i].name, name))
      sc_view_state_set_kind (self->view_state, period_kinds[i].kind);
}

static void
comparison_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScComparison comparison;

  if (sc_comparison_from_string (g_variant_get_string (parameter, NULL), &comparison))
    sc_view_state_set_comparison (self->view_state, comparison);
}

static void
add_filter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (self->engine != NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->sidebar)))
    sc_filter_bar_open_popover (self->filter_bar);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sc_view_state_clear_filters (SC_WINDOW (widget)->view_state);
}

static void
show_trend_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  const ScMetric *metric = sc_metric_lookup (g_variant_get_string (parameter, NULL));

  if (metric == NULL)
    return;
  sc_trends_page_set_metric (self->trends_page, metric->id);
  sc_window_show_page (self, "trends");
}

static void
explore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  const ScMetric *metric = sc_metric_lookup (g_variant_get_string (parameter, NULL));

  if (metric == NULL)
    return;
  sc_segments_page_set_metric (self->segments_page, metric->id);
  sc_window_show_page (self, "segments");
}

/* ---- Life cycle ---------------------------------------------------------- */

void
_sc_window_class_add_views (GtkWidgetClass *widget_class)
{
  g_type_ensure (SC_TYPE_TRENDS_PAGE);
  g_type_ensure (SC_TYPE_SEGMENTS_PAGE);

  gtk_widget_class_bind_template_child (widget_class, ScWindow, period_box);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, period_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, period_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, comparison_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, filter_revealer);

  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.latest-period", NULL, latest_period_action);
  gtk_widget_class_install_action (widget_class, "win.period-kind", "s", period_kind_action);
  gtk_widget_class_install_action (widget_class, "win.comparison", "s", comparison_action);
  gtk_widget_class_install_action (widget_class, "win.add-filter", NULL, add_filter_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.show-trend", "s", show_trend_action);
  gtk_widget_class_install_action (widget_class, "win.explore", "s", explore_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.add-filter", NULL);
}

/* Alt+Left and Alt+Right step the period. The leaflet takes Alt+Left for
 * its back navigation on the way up from the focused widget, so these
 * run first, on the way down. */
static void
add_period_shortcuts (ScWindow *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Left, "win.previous-period" },
    { GDK_KEY_Right, "win.next-period" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_ALT_MASK),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_sc_window_init_views (ScWindow *self)
{
  GtkWidget *bar;

  add_period_shortcuts (self);

  self->view_state = sc_view_state_new ();
  gtk_menu_button_set_popover (self->period_button, build_period_popover (self));

  self->filter_bar = sc_filter_bar_new (self->view_state);
  bar = GTK_WIDGET (self->filter_bar);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_revealer_set_child (self->filter_revealer, bar);
  adw_header_bar_pack_end (self->content_header, sc_filter_bar_get_button (self->filter_bar));

  g_signal_connect_object (self->comparison_dropdown, "notify::selected",
                           G_CALLBACK (comparison_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_state, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sc_dashboard_page_set_view_state (self->dashboard_page, self->view_state);
  sc_trends_page_set_view_state (self->trends_page, self->view_state);
  sc_segments_page_set_view_state (self->segments_page, self->view_state);
  sc_targets_page_set_view_state (self->targets_page, self->view_state);
  state_changed_cb (self);
}

/* After a store opened: the latest complete month, and the engine for the
 * views. */
void
_sc_window_set_views_store (ScWindow *self)
{
  gtk_widget_set_sensitive (self->period_box, self->engine != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->comparison_dropdown), self->engine != NULL);
  gtk_widget_set_sensitive (sc_filter_bar_get_button (self->filter_bar), self->engine != NULL);
  sc_filter_bar_set_engine (self->filter_bar, self->engine);
  if (self->engine == NULL)
    return;
  sc_view_state_clear_filters (self->view_state);
  if (self->latest_month != 0)
    sc_view_state_set_period (self->view_state, SC_PERIOD_MONTH, self->latest_month, 0);
  state_changed_cb (self);
}

void
_sc_window_dispose_views (ScWindow *self)
{
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_clear_object (&self->view_state);
}

/**
 * sc_window_get_view_state:
 * @self: a window
 *
 * Returns: (transfer none): the period, comparison and filters its views
 *   share
 */
ScViewState *
sc_window_get_view_state (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->view_state;
}
