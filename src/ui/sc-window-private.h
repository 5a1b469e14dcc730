/* sc-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's parts shared between sc-window.c and the files that split
 * it by concern (sc-window-import.c).
 */

#pragma once

#include "sc-dashboard-page.h"
#include "sc-imports-page.h"
#include "sc-window.h"

G_BEGIN_DECLS

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *content_title;
  GtkStack             *state_stack;
  AdwStatusPage        *loading_page;
  AdwStatusPage        *error_page;
  GtkStack             *page_stack;

  ScDashboardPage      *dashboard_page;
  ScImportsPage        *imports_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  ScStore              *store;
  ScEngine             *engine;
  GtkFileChooserNative *chooser;
  guint                 busy;

  /* Importing (sc-window-import.c) */
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkFileChooserNative *import_chooser;
  GCancellable         *import_cancellable;
  GQueue                import_queue;
  guint                 import_progress_id;
};

void _sc_window_class_add_import (GtkWidgetClass *widget_class);
void _sc_window_init_import      (ScWindow       *self);
void _sc_window_dispose_import   (ScWindow       *self);
void _sc_window_start_imports    (ScWindow       *self);

/* Re-reads what the pages show after the store changed. */
void _sc_window_reload           (ScWindow       *self);

G_END_DECLS
