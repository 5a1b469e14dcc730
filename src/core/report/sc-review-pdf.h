/* sc-review-pdf.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review as a PDF document: vector charts by the chart painters,
 * selectable text with embedded fonts, page numbers, a linked table of
 * contents and an outline, and document metadata.
 */

#pragma once

#include "sc-review.h"

G_BEGIN_DECLS

/* Store settings the report reads. */
#define SC_SETTING_ORGANISATION "organisation"
#define SC_SETTING_PAPER        "report.paper"

/**
 * ScPaper:
 * @SC_PAPER_A4: ISO A4, 210 × 297 mm
 * @SC_PAPER_LETTER: US Letter, 8.5 × 11 in
 *
 * The page size of the review.
 */
typedef enum
{
  SC_PAPER_A4,
  SC_PAPER_LETTER,
} ScPaper;

ScPaper  sc_paper_default_for_locale (void);
gboolean sc_paper_from_string        (const char            *text,
                                      ScPaper               *paper);
ScPaper  sc_paper_from_setting       (const char            *setting);
gboolean sc_review_write_pdf         (const ScReview        *review,
                                      const char            *path,
                                      ScPaper                paper,
                                      int                   *n_pages,
                                      ScReviewProgressFunc   progress,
                                      gpointer               user_data,
                                      GCancellable          *cancellable,
                                      GError               **error);

G_END_DECLS
