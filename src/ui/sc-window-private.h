/* sc-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's parts shared between sc-window.c and the files that split
 * it by concern (sc-window-import.c).
 */

#pragma once

#include "sc-dashboard-page.h"
#include "sc-filter-bar.h"
#include "sc-imports-page.h"
#include "sc-segments-page.h"
#include "sc-targets-page.h"
#include "sc-trends-page.h"
#include "sc-view-state.h"
#include "sc-window.h"

G_BEGIN_DECLS

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *sidebar_title;
  AdwHeaderBar         *content_header;
  GtkStack             *state_stack;
  AdwStatusPage        *loading_page;
  AdwStatusPage        *error_page;
  GtkStack             *page_stack;

  ScDashboardPage      *dashboard_page;
  ScTrendsPage         *trends_page;
  ScSegmentsPage       *segments_page;
  ScImportsPage        *imports_page;
  ScTargetsPage        *targets_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  ScStore              *store;
  ScEngine             *engine;
  GtkFileChooserNative *chooser;
  guint                 busy;

  /* Period, comparison and filters (sc-window-views.c) */
  ScViewState          *view_state;
  GtkWidget            *period_box;
  GtkMenuButton        *period_button;
  GtkLabel             *period_label;
  GtkDropDown          *comparison_dropdown;
  GtkRevealer          *filter_revealer;
  ScFilterBar          *filter_bar;
  GtkWidget            *period_kind_buttons[4];
  GtkWidget            *custom_box;
  GtkEntry             *custom_from;
  GtkEntry             *custom_to;
  GtkLabel             *custom_error;
  gint32                latest_month;

  /* Importing (sc-window-import.c) */
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkFileChooserNative *import_chooser;
  GCancellable         *import_cancellable;
  GQueue                import_queue;
  GQueue                import_reviews;
  GtkWidget            *import_dialog;
  guint                 import_progress_id;
};

void _sc_window_class_add_views  (GtkWidgetClass *widget_class);
void _sc_window_init_views       (ScWindow       *self);
void _sc_window_dispose_views    (ScWindow       *self);
void _sc_window_set_views_store  (ScWindow       *self);

void _sc_window_class_add_import (GtkWidgetClass *widget_class);
void _sc_window_init_import      (ScWindow       *self);
void _sc_window_dispose_import   (ScWindow       *self);
void _sc_window_start_imports    (ScWindow       *self);
void _sc_window_review_import    (ScWindow       *self,
                                  const char     *path);

void _sc_window_class_add_review (GtkWidgetClass *widget_class);

/* Re-reads what the pages show after the store changed. */
void _sc_window_reload           (ScWindow       *self);
void _sc_window_show_imported_loading (ScWindow  *self);
void _sc_window_set_last_created (ScWindow      *self,
                                  gint64         last_created);

G_END_DECLS
