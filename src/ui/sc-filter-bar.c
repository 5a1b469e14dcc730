/* sc-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filters every view applies, as removable chips ("Channel: Chat ×"),
 * and the "Add Filter" popover (Ctrl+F) on a button the window places in
 * its header bar: pick a dimension, search its
 * values, each listed with its interactions in the period under the other
 * filters, so that a filter which would leave nothing is visible as such.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-chart-axis.h"
#include "sc-compute.h"
#include "sc-dimension-choice.h"
#include "sc-filter-bar.h"

struct _ScFilterBar
{
  GtkWidget       parent_instance;

  GtkWidget      *chips;
  GtkWidget      *add_button;
  GtkWidget      *popover;
  GtkDropDown    *dimension;
  GtkSearchEntry *search;
  GtkListBox     *values;
  GtkWidget      *spinner;
  GtkWidget      *values_stack;
  AdwStatusPage  *values_empty;

  ScViewState    *state;
  ScEngine       *engine;
  ScComputeSlot   slot;
  ScDimensionChoice dims;
};

G_DEFINE_FINAL_TYPE (ScFilterBar, sc_filter_bar, GTK_TYPE_WIDGET)

/* The builtin dimensions offered, in the order of the dropdown; those the
 * store keeps from imports follow. */
static const ScDimension dimensions[] = {
  SC_DIM_CHANNEL, SC_DIM_TEAM, SC_DIM_AGENT, SC_DIM_PRIORITY, SC_DIM_CATEGORY,
  SC_DIM_CUSTOMER_SEGMENT, SC_DIM_REGION, SC_DIM_PRODUCT, SC_DIM_LANGUAGE, SC_DIM_TAGS,
};

/* ---- Chips --------------------------------------------------------------- */

static void
remove_clicked_cb (GtkButton   *button,
                   ScFilterBar *self)
{
  ScDimension dim = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sc-dim"));
  const char *value = g_object_get_data (G_OBJECT (button), "sc-value");

  sc_view_state_remove_filter (self->state, dim, value);
}

static GtkWidget *
make_chip (ScFilterBar *self,
           ScDimension  dim,
           const char  *value)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label;
  GtkWidget *remove;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: a filter chip, as in "Channel: Chat" */
  text = g_strdup_printf (_("%s: %s"), sc_dimension_choice_get_label (&self->dims, dim), value);
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_add_css_class (label, "filter-chip-label");
  gtk_box_append (GTK_BOX (chip), label);

  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  tooltip = g_strdup_printf (_("Remove the filter %s"), text);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data (G_OBJECT (remove), "sc-dim", GINT_TO_POINTER (dim));
  g_object_set_data_full (G_OBJECT (remove), "sc-value", g_strdup (value), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (chip), remove);

  gtk_widget_add_css_class (chip, "filter-chip");
  return chip;
}

static void update_dimensions (ScFilterBar *self);

static void
rebuild_chips (ScFilterBar *self)
{
  GPtrArray *filters = sc_view_state_get_filters (self->state);
  GtkWidget *child;

  /* A filter may be on a dimension an import added since. */
  update_dimensions (self);

  while ((child = gtk_widget_get_first_child (self->chips)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->chips), child);
  for (guint i = 0; i < filters->len; i++)
    {
      ScQueryFilter *filter = g_ptr_array_index (filters, i);

      for (guint v = 0; v < filter->values->len; v++)
        gtk_flow_box_append (GTK_FLOW_BOX (self->chips),
                             make_chip (self, filter->dim, g_ptr_array_index (filter->values, v)));
    }
}

/* ---- The popover's value list -------------------------------------------- */

static gpointer
values_compute (const ScFacts  *facts,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  return sc_engine_compute (facts, data, error);
}

static ScDimension
selected_dimension (ScFilterBar *self)
{
  return sc_dimension_choice_get_selected (&self->dims, self->dimension);
}

static void load_values (ScFilterBar *self);

/* Offers the dimensions an import added since. */
static void
update_dimensions (ScFilterBar *self)
{
  g_signal_handlers_block_by_func (self->dimension, load_values, self);
  sc_dimension_choice_update (&self->dims,
                              self->engine != NULL ? sc_engine_get_store (self->engine) : NULL,
                              self->dimension);
  g_signal_handlers_unblock_by_func (self->dimension, load_values, self);
}

static gboolean
is_filtered (ScFilterBar *self,
             ScDimension  dim,
             const char  *value)
{
  GPtrArray *filters = sc_view_state_get_filters (self->state);

  for (guint i = 0; i < filters->len; i++)
    {
      ScQueryFilter *filter = g_ptr_array_index (filters, i);

      if (filter->dim == dim
          && g_ptr_array_find_with_equal_func (filter->values, value, g_str_equal, NULL))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
make_value_row (const char *label,
                gint64      n,
                gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count = gtk_label_new (NULL);
  g_autofree char *n_text = sc_chart_format_number ((double) n, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_label_set_text (GTK_LABEL (count), n_text);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  if (active)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("object-select-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "sc-value", g_strdup (label), g_free);
  return row;
}

static int
compare_by_n (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const ScQueryResult *result = user_data;
  int sa = GPOINTER_TO_INT (*(gpointer *) a);
  int sb = GPOINTER_TO_INT (*(gpointer *) b);
  const ScMetricValue *va = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, sa);
  const ScMetricValue *vb = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, sb);
  gint64 na = va ? (gint64) va->value : 0;
  gint64 nb = vb ? (gint64) vb->value : 0;

  return na < nb ? 1 : na > nb ? -1 : sa - sb;
}

static void
show_values (ScFilterBar         *self,
             const ScQueryResult *result,
             ScDimension          dim)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->values))) != NULL)
    gtk_list_box_remove (self->values, child);
  for (guint s = 0; s < result->segments->len; s++)
    g_ptr_array_add (order, GINT_TO_POINTER (s));
  g_ptr_array_sort_with_data (order, compare_by_n, (gpointer) result);
  for (guint i = 0; i < order->len; i++)
    {
      int s = GPOINTER_TO_INT (g_ptr_array_index (order, i));
      const ScSegment *segment = g_ptr_array_index (result->segments, s);
      const ScMetricValue *v = sc_query_result_get_value (result, SC_METRIC_VOLUME, 0, s);

      if (segment->code == 0)
        continue;  /* "(none)" is not a value to filter on */
      gtk_list_box_append (self->values,
                           make_value_row (segment->label, v ? (gint64) v->value : 0,
                                           is_filtered (self, dim, segment->label)));
    }
  gtk_list_box_invalidate_filter (self->values);
}

static void
values_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ScFilterBar *self = SC_FILTER_BAR (object);
  g_autoptr(ScQueryResult) values = NULL;
  g_autoptr(GError) error = NULL;

  values = sc_compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  sc_compute_slot_end (&self->slot);
  if (values == NULL)
    {
      adw_status_page_set_description (self->values_empty, error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->values_stack), "empty");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->values_stack), "list");
  show_values (self, values, selected_dimension (self));
}

/* Lists the dimension's values with their interactions in the period,
 * under every filter except those on the dimension itself. */
static void
load_values (ScFilterBar *self)
{
  ScDimension dim = selected_dimension (self);
  GPtrArray *filters = sc_view_state_get_filters (self->state);
  ScQuery *query;

  if (self->engine == NULL)
    return;
  query = sc_query_new ();
  sc_query_add_metric (query, SC_METRIC_VOLUME);
  if (sc_view_state_has_period (self->state))
    sc_query_set_range (query, sc_view_state_get_from (self->state),
                        sc_view_state_get_to (self->state));
  sc_query_set_group_by (query, dim);
  for (guint i = 0; i < filters->len; i++)
    {
      ScQueryFilter *filter = g_ptr_array_index (filters, i);

      if (filter->dim == dim)
        continue;
      for (guint v = 0; v < filter->values->len; v++)
        sc_query_add_filter (query, filter->dim, g_ptr_array_index (filter->values, v));
    }
  sc_compute_async (self, self->engine, values_compute, query, (GDestroyNotify) sc_query_free,
                    (GDestroyNotify) sc_query_result_free, sc_compute_slot_begin (&self->slot),
                    values_ready_cb, NULL);
}

static gboolean
values_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  ScFilterBar *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  const char *value = g_object_get_data (G_OBJECT (row), "sc-value");
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (search == NULL || search[0] == '\0' || value == NULL)
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  haystack = g_utf8_casefold (value, -1);
  return strstr (haystack, needle) != NULL;
}

static void
value_activated_cb (GtkListBox    *list,
                    GtkListBoxRow *row,
                    ScFilterBar   *self)
{
  const char *value = g_object_get_data (G_OBJECT (row), "sc-value");
  ScDimension dim = selected_dimension (self);

  if (value == NULL)
    return;
  if (is_filtered (self, dim, value))
    sc_view_state_remove_filter (self->state, dim, value);
  else
    sc_view_state_add_filter (self->state, dim, value);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
search_activate_cb (ScFilterBar *self)
{
  GtkListBoxRow *row;

  /* Enter in the search takes the first value shown. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->values, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      {
        value_activated_cb (self->values, row, self);
        return;
      }
}

static void
search_changed_cb (ScFilterBar *self)
{
  gtk_list_box_invalidate_filter (self->values);
}

static void
popover_show_cb (ScFilterBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  update_dimensions (self);
  load_values (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

/* ---- Building ------------------------------------------------------------ */

static GtkWidget *
build_popover (ScFilterBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *empty;

  self->dimension = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  sc_dimension_choice_init (&self->dims, dimensions, G_N_ELEMENTS (dimensions), self->dimension);
  gtk_widget_set_hexpand (GTK_WIDGET (self->dimension), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dimension),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dimension"), -1);
  g_signal_connect_object (self->dimension, "notify::selected", G_CALLBACK (load_values),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->dimension));
  self->spinner = gtk_spinner_new ();
  gtk_box_append (GTK_BOX (header), self->spinner);
  sc_compute_slot_set_spinner (&self->slot, self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search values"), NULL);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activate", G_CALLBACK (search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));

  self->values = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->values, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->values, values_filter_func, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->values), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->values),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Values"), -1);
  g_signal_connect (self->values, "row-activated", G_CALLBACK (value_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->values));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_widget_set_size_request (scrolled, 300, -1);

  empty = adw_status_page_new ();
  self->values_empty = ADW_STATUS_PAGE (empty);
  adw_status_page_set_title (self->values_empty, _("Cannot List Values"));
  gtk_widget_add_css_class (empty, "compact");
  self->values_stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->values_stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->values_stack), empty, "empty");
  gtk_box_append (GTK_BOX (box), self->values_stack);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  return popover;
}

static void
sc_filter_bar_dispose (GObject *object)
{
  ScFilterBar *self = SC_FILTER_BAR (object);
  GtkWidget *child;

  sc_compute_slot_clear (&self->slot);
  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->engine);
  g_clear_object (&self->add_button);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  sc_dimension_choice_clear (&self->dims);

  G_OBJECT_CLASS (sc_filter_bar_parent_class)->dispose (object);
}

static void
sc_filter_bar_class_init (ScFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_filter_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

static void
sc_filter_bar_init (ScFilterBar *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  GtkWidget *clear;

  gtk_box_layout_set_spacing (layout, 6);

  self->add_button = gtk_menu_button_new ();
  g_object_ref_sink (self->add_button);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->add_button), "edit-find-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a Filter (Ctrl+F)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Filter"), -1);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  self->popover = build_popover (self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->add_button), self->popover);

  self->chips = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->chips), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->chips), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->chips), 6);
  gtk_widget_set_hexpand (self->chips, TRUE);
  gtk_widget_set_valign (self->chips, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chips),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);
  gtk_widget_set_parent (self->chips, GTK_WIDGET (self));

  clear = gtk_button_new_with_mnemonic (_("C_lear Filters"));
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "win.clear-filters");
  gtk_widget_set_parent (clear, GTK_WIDGET (self));
}

/**
 * sc_filter_bar_new:
 * @state: the window's view state, whose filters the bar shows and edits
 *
 * Returns: (transfer full): a new filter bar
 */
ScFilterBar *
sc_filter_bar_new (ScViewState *state)
{
  ScFilterBar *self = g_object_new (SC_TYPE_FILTER_BAR, NULL);

  self->state = g_object_ref (state);
  g_signal_connect_object (state, "changed", G_CALLBACK (rebuild_chips), self,
                           G_CONNECT_SWAPPED);
  rebuild_chips (self);
  return self;
}

/**
 * sc_filter_bar_set_engine:
 * @self: the bar
 * @engine: (nullable): the engine that counts the values
 */
void
sc_filter_bar_set_engine (ScFilterBar *self,
                          ScEngine    *engine)
{
  g_return_if_fail (SC_IS_FILTER_BAR (self));

  sc_compute_slot_cancel (&self->slot);
  g_set_object (&self->engine, engine);
  rebuild_chips (self);
}

/**
 * sc_filter_bar_open_popover:
 * @self: the bar
 *
 * Opens "Add Filter", with the search focused.
 */
void
sc_filter_bar_open_popover (ScFilterBar *self)
{
  g_return_if_fail (SC_IS_FILTER_BAR (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->add_button));
}

GtkWidget *
sc_filter_bar_get_button (ScFilterBar *self)
{
  g_return_val_if_fail (SC_IS_FILTER_BAR (self), NULL);

  return self->add_button;
}
