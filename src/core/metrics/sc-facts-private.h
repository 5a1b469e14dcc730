/* sc-facts-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between sc-facts.c and sc-facts-file.c: the list of the cache's
 * columns (so that the file code writes and reads every column without
 * naming each), and the checks a cache read from a file must pass.
 */

#pragma once

#include "sc-facts.h"

G_BEGIN_DECLS

#define SC_FACTS_MAX_COLUMNS 64

/**
 * ScFactsColumn:
 * @data: the address of the column's pointer
 * @elem_size: the size of one element
 * @count: the number of elements
 *
 * One column of an #ScFacts, for bulk reading and writing.
 */
typedef struct
{
  gpointer *data;
  gsize     elem_size;
  gsize     count;
} ScFactsColumn;

guint     _sc_facts_list_columns (ScFacts                *facts,
                                  ScFactsColumn          *columns);
ScTzMap  *_sc_facts_make_tz_map  (ScStore                *store,
                                  const ScMetricSettings *settings,
                                  GError                **error);
gboolean  _sc_facts_validate     (const ScFacts          *facts,
                                  GError                **error);

G_END_DECLS
