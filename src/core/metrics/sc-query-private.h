/* sc-query-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between sc-query.c and sc-engine.c.
 */

#pragma once

#include "sc-query.h"

G_BEGIN_DECLS

ScQueryResult *_sc_query_result_new (void);
ScBucket      *_sc_bucket_new       (ScGrain grain,
                                     gint32  first_day,
                                     gint32  last_day);
ScSegment     *_sc_segment_new      (gint32      code,
                                     const char *label);
void           _sc_driver_segment_free (ScDriverSegment *segment);

G_END_DECLS
