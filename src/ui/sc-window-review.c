/* sc-window-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's "Export Monthly Review…" action (win.export-review).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-review-dialog.h"
#include "sc-window-private.h"

static void
export_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScReviewDialog *dialog;

  if (self->engine == NULL)
    {
      sc_window_add_toast (self, adw_toast_new (_("Open a store to export its review")));
      return;
    }
  dialog = sc_review_dialog_new (self, self->engine);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sc_window_class_add_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-review", NULL, export_review_action);
}
