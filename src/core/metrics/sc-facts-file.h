/* sc-facts-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fact cache saved beside the store, so that opening a store does not
 * read a million rows from SQLite again. The file is keyed by the store's
 * data version and the metric variants; it is written whole to a temporary
 * file and renamed into place, and read back only when its key matches,
 * its checksum is right and every value is in range. A stale or damaged
 * file is never used: the caller loads from the store instead.
 */

#pragma once

#include "sc-facts.h"

G_BEGIN_DECLS

char     *sc_facts_file_path_for_store (ScStore                *store) G_GNUC_WARN_UNUSED_RESULT;
gboolean  sc_facts_file_write          (const ScFacts          *facts,
                                        const char             *path,
                                        GError                **error);
ScFacts  *sc_facts_file_read           (const char             *path,
                                        ScStore                *store,
                                        const ScMetricSettings *settings,
                                        GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
