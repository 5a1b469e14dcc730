/* sc-review-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the files of the review.
 */

#pragma once

#include "sc-review.h"

G_BEGIN_DECLS

void        _sc_review_build_findings   (ScReview       *review);
const char *_sc_review_comparison_name  (ScComparison    comparison);
char       *_sc_review_segment_name     (const ScReview *review,
                                         ScDimension     dim,
                                         const char     *label) G_GNUC_WARN_UNUSED_RESULT;

gboolean    _sc_review_apply_targets    (ScReview       *review,
                                         ScStore        *store,
                                         const ScFacts  *facts,
                                         GError        **error);
void        _sc_review_segment_target_free (ScReviewSegmentTarget *row);
void        _sc_review_appendix_row_free (ScReviewAppendixRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReviewAppendixRow, _sc_review_appendix_row_free)

G_END_DECLS
