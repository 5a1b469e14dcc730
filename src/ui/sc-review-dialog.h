/* sc-review-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export Monthly Review…": the period, comparison, breakdowns and
 * sections of the review, then the file; the review is computed and
 * written off the main thread with a progress bar and Cancel, and the
 * window shows a toast with "Open" when it is done.
 */

#pragma once

#include <adwaita.h>

#include "sc-engine.h"
#include "sc-window.h"

G_BEGIN_DECLS

#define SC_TYPE_REVIEW_DIALOG (sc_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScReviewDialog, sc_review_dialog, SC, REVIEW_DIALOG, AdwWindow)

ScReviewDialog *sc_review_dialog_new        (ScWindow       *window,
                                             ScEngine       *engine) G_GNUC_WARN_UNUSED_RESULT;
void            sc_review_dialog_set_period (ScReviewDialog *self,
                                             const char     *period);
void            sc_review_dialog_export_to  (ScReviewDialog *self,
                                             GFile          *file);
gboolean        sc_review_dialog_is_running (ScReviewDialog *self);

G_END_DECLS
