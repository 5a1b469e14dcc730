/* sc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-preferences-window.h"
#include "sc-store.h"
#include "sc-window.h"

struct _ScApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo organisation"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

/* The style-variant setting mapped onto libadwaita's colour scheme. */
static gboolean
style_variant_to_color_scheme (GValue   *value,
                               GVariant *variant,
                               gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (nick, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (nick, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static ScWindow *
get_window (ScApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return SC_IS_WINDOW (window) ? SC_WINDOW (window) : NULL;
}

static ScWindow *
new_window (ScApplication *self)
{
  ScWindow *window = sc_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* ---- Actions ----------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ScApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ScApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ScPreferencesWindow *preferences = sc_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ScApplication *self = user_data;
  static const char *developers[] = { "The Scorecard developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Scorecard"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Scorecard developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Prepare monthly service reviews and explore your "
                                      "support metrics."),
                        "website", "https://github.com/servicescorecard/scorecard",
                        "issue-url", "https://github.com/servicescorecard/scorecard/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "copyright", "© 2026 The Scorecard developers",
                        /* Translators: Replace this with your name to be credited. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ScApplication *self = user_data;
  g_autofree char *path = sc_application_dup_demo_path ();
  ScWindow *window = get_window (self);

  if (window == NULL)
    window = new_window (self);
  sc_window_open_store (window, path, TRUE);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "open-demo", open_demo_activated },
};

/* ---- GApplication ------------------------------------------------------ */

static int
sc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
sc_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  ScApplication *self = SC_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) argv = g_application_command_line_get_arguments (command_line, NULL);
  ScWindow *window = get_window (self);

  if (window == NULL)
    window = new_window (self);
  else
    gtk_window_present (GTK_WINDOW (window));

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autofree char *path = sc_application_dup_demo_path ();

      sc_window_open_store (window, path, TRUE);
    }
  else if (argv[1] != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, argv[1]);
      g_autofree char *path = g_file_get_path (file);

      sc_window_open_path (window, path);
    }
  else
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-store");
      g_autofree char *path = last[0] ? g_steal_pointer (&last) : sc_store_default_path ();

      sc_window_open_store (window, path, FALSE);
    }
  return 0;
}

static void
sc_application_startup (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  g_settings_bind_with_mapping (self->settings, "style-variant",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, style_variant_to_color_scheme,
                                NULL, NULL, NULL);
}

static void
sc_application_activate (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);
  ScWindow *window = get_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
sc_application_dispose (GObject *object)
{
  ScApplication *self = SC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_application_parent_class)->dispose (object);
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sc_application_dispose;
  app_class->startup = sc_application_startup;
  app_class->activate = sc_application_activate;
  app_class->command_line = sc_application_command_line;
  app_class->handle_local_options = sc_application_handle_local_options;
}

static void
sc_application_init (ScApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[STORE.sqlite]"));
}

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
sc_application_get_settings (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * sc_application_dup_demo_path:
 *
 * Returns: (transfer full): where the demo store lives, beside the user's
 *   own store
 */
char *
sc_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "demo.sqlite", NULL);
}
