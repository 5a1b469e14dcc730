/* sc-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-view-state.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type ())
G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

ScWindow   *sc_window_new            (ScApplication *application) G_GNUC_WARN_UNUSED_RESULT;
ScStore    *sc_window_get_store      (ScWindow      *self);
const char *sc_window_get_page       (ScWindow      *self);
gboolean    sc_window_is_busy        (ScWindow      *self);
ScViewState *sc_window_get_view_state (ScWindow     *self);
void        sc_window_open_store     (ScWindow      *self,
                                      const char    *path,
                                      gboolean       demo);
void        sc_window_open_path      (ScWindow      *self,
                                      const char    *path);
void        sc_window_import_file    (ScWindow      *self,
                                      const char    *path);
void        sc_window_show_page      (ScWindow      *self,
                                      const char    *name);
AdwToastOverlay *sc_window_get_toast_overlay (ScWindow *self);
void        sc_window_add_toast      (ScWindow      *self,
                                      AdwToast      *toast);

G_END_DECLS
