/* sc-ui-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: starting GTK as the app does, waiting for the
 * window, rendering it to PNG, and finding what it shows.
 */

#pragma once

#include <adwaita.h>

#include "sc-import-dialog.h"
#include "sc-window.h"

G_BEGIN_DECLS

void       sc_ui_test_init          (int          *argc,
                                     char       ***argv);
char      *sc_ui_test_make_demo     (const char   *dir) G_GNUC_WARN_UNUSED_RESULT;
char      *sc_ui_test_make_full_demo (const char  *dir) G_GNUC_WARN_UNUSED_RESULT;
ScWindow  *sc_ui_test_open_window   (const char   *store_path);
void       sc_ui_test_close_window  (ScWindow     *window);
void       sc_ui_test_wait_idle     (ScWindow     *window);
void       sc_ui_test_settle        (void);
void       sc_ui_test_save_png      (GtkWidget    *widget,
                                     const char   *name);
/* Whether @widget is the one a search looks for. */
typedef gboolean (*ScUiTestMatch) (GtkWidget     *widget,
                                   gconstpointer  data);

GtkWidget *sc_ui_test_find         (GtkWidget    *widget,
                                     ScUiTestMatch match,
                                     gconstpointer data);
GtkWidget *sc_ui_test_find_row     (GtkWidget    *widget,
                                     GType         type,
                                     const char   *title);
gboolean   sc_ui_test_shows_part    (GtkWidget    *widget,
                                     const char   *text);
gboolean   sc_ui_test_wait_for_part (GtkWidget    *widget,
                                     const char   *text);
char      *sc_ui_test_make_empty_store (const char *dir,
                                     const char   *time_zone) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sc_ui_test_shows_text    (GtkWidget    *widget,
                                     const char   *text);
gboolean   sc_ui_test_wait_for_text (GtkWidget    *widget,
                                     const char   *text);
GtkWidget *sc_ui_test_find_widget   (GtkWidget    *widget,
                                     GType         type);
ScImportDialog *sc_ui_test_wait_for_import_dialog (void);
void       sc_ui_test_wait_for_preview (ScImportDialog *dialog);
void       sc_ui_test_import_folded (ScWindow       *window,
                                     ScImportDialog *dialog,
                                     ScStoreOverview *overview);

G_END_DECLS
