/* sc-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-metric.h"
#include "sc-preferences-window.h"
#include "sc-store.h"

struct _ScPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *style_row;
  AdwActionRow         *store_row;
  GtkSwitch            *metric_switches[SC_METRIC_N];

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of its model. */
static const char * const style_nicks[] = { "default", "light", "dark" };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_str_equal (nick, style_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_string (style_nicks[MIN (position, G_N_ELEMENTS (style_nicks) - 1)]);
}

/* ---- Headline metrics ---------------------------------------------------- */

/* The dashboard's metrics in the catalogue's order, from the switches. */
static void
metric_switched_cb (ScPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < SC_METRIC_N; i++)
    if (gtk_switch_get_active (self->metric_switches[i]))
      g_strv_builder_add (builder, sc_metric_get (i)->id_string);
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "headline-metrics", (const char * const *) ids);
}

static void
show_headline_metrics (ScPreferencesWindow *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "headline-metrics");

  for (guint i = 0; i < SC_METRIC_N; i++)
    {
      g_signal_handlers_block_by_func (self->metric_switches[i], metric_switched_cb, self);
      gtk_switch_set_active (self->metric_switches[i],
                             g_strv_contains ((const char * const *) ids, sc_metric_get (i)->id_string));
      g_signal_handlers_unblock_by_func (self->metric_switches[i], metric_switched_cb, self);
    }
}

static GtkWidget *
build_dashboard_page (ScPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "dashboard");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Dashboard"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "view-grid-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Headline Metrics"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The metrics the dashboard shows as cards, in this order."));
  for (guint i = 0; i < SC_METRIC_N; i++)
    {
      const ScMetric *metric = sc_metric_get (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), metric->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), metric->description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (metric_switched_cb), self,
                               G_CONNECT_SWAPPED);
      self->metric_switches[i] = GTK_SWITCH (toggle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

static void
sc_preferences_window_dispose (GObject *object)
{
  ScPreferencesWindow *self = SC_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_preferences_window_parent_class)->dispose (object);
}

static void
sc_preferences_window_class_init (ScPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, store_row);
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
  g_autofree char *path = sc_store_default_path ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_action_row_set_subtitle (self->store_row, path);
}

ScPreferencesWindow *
sc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  ScPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                NULL, NULL);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (build_dashboard_page (self)));
  show_headline_metrics (self);
  g_signal_connect_object (settings, "changed::headline-metrics",
                           G_CALLBACK (show_headline_metrics), self, G_CONNECT_SWAPPED);
  return self;
}
