/* sc-store-review.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the monthly review keeps in the store (schema version 2): the
 * managers' annotations pinned to dates, and frozen review snapshots; and
 * what it reads about single interactions for its appendix. The SQL lives
 * in sc-store-review.c.
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScAnnotation:
 * @id: the row id
 * @day: the local date it is pinned to, `YYYY-MM-DD`
 * @metric: (nullable): the metric id it is about, or %NULL for all metrics
 * @text: what the manager wrote
 * @created_at: when it was written (Unix seconds)
 *
 * A manager's note on a date.
 */
typedef struct
{
  gint64  id;
  char   *day;
  char   *metric;
  char   *text;
  gint64  created_at;
} ScAnnotation;

void sc_annotation_free (ScAnnotation *annotation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAnnotation, sc_annotation_free)

/**
 * ScReviewSnapshot:
 * @id: the row id
 * @period: the review's period, e.g. `2026-10`
 * @comparison: what it was compared with (`previous`, `year`, `baseline`)
 * @created_at: when it was frozen (Unix seconds)
 * @content: the frozen numbers, as the report writes them
 *
 * A frozen review.
 */
typedef struct
{
  gint64  id;
  char   *period;
  char   *comparison;
  gint64  created_at;
  char   *content;
} ScReviewSnapshot;

void sc_review_snapshot_free (ScReviewSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReviewSnapshot, sc_review_snapshot_free)

gint64            sc_store_add_annotation      (ScStore     *self,
                                                const char  *day,
                                                const char  *metric,
                                                const char  *text,
                                                GError     **error);
gboolean          sc_store_delete_annotation   (ScStore     *self,
                                                gint64       id,
                                                GError     **error);
GPtrArray        *sc_store_list_annotations    (ScStore     *self,
                                                const char  *first_day,
                                                const char  *last_day,
                                                GError     **error) G_GNUC_WARN_UNUSED_RESULT;

gint64            sc_store_save_review_snapshot (ScStore    *self,
                                                const char  *period,
                                                const char  *comparison,
                                                gint64       created_at,
                                                const char  *content,
                                                GError     **error);
ScReviewSnapshot *sc_store_dup_latest_review_snapshot (ScStore *self,
                                                const char  *period,
                                                const char  *comparison,
                                                GError     **error) G_GNUC_WARN_UNUSED_RESULT;

char             *sc_store_dup_interaction_by_rank (ScStore *self,
                                                gint64       from,
                                                guint        rank,
                                                gint64      *created_at,
                                                GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
