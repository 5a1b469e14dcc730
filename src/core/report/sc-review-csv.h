/* sc-review-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review's CSV pack: one file per table, numbers as plain numbers with
 * a dot, dates as YYYY-MM-DD, and text cells that a spreadsheet would run
 * as a formula (starting with =, +, -, @, a tab or a carriage return)
 * escaped with a leading apostrophe.
 */

#pragma once

#include "sc-review.h"

G_BEGIN_DECLS

void      sc_csv_append_text    (GString        *out,
                                 const char     *text);
void      sc_csv_append_number  (GString        *out,
                                 double          value);
gboolean  sc_review_write_csv   (const ScReview *review,
                                 const char     *dir,
                                 GPtrArray     **files,
                                 GError        **error);

G_END_DECLS
