/* sc-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-preferences-window.h"
#include "sc-store.h"

struct _ScPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *style_row;
  AdwActionRow         *store_row;

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
  return self;
}
