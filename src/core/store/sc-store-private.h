/* sc-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the files of the store, which together are the only code
 * that writes SQL. Nothing outside src/core/store includes this header.
 */

#pragma once

#include <sqlite3.h>

#include "sc-store.h"

G_BEGIN_DECLS

/* How long a connection waits for another one's lock. */
#define SC_STORE_BUSY_TIMEOUT_MS 5000
/* The page cache of a connection, and of one while it imports. */
#define SC_STORE_CACHE_KIB 65536
#define SC_STORE_IMPORT_CACHE_KIB 8192

sqlite3    *sc_store_get_db                   (ScStore     *self);

const char *_sc_store_schema_migration        (int          version);
const char *_sc_store_schema_dimensions       (void);

/* Sets @error from the connection's last error, prefixed by @what. */
gboolean    _sc_store_set_error               (sqlite3     *db,
                                               const char  *what,
                                               GError     **error);
gboolean    _sc_store_exec                    (sqlite3     *db,
                                               const char  *sql,
                                               GError     **error);
sqlite3_stmt *_sc_store_prepare               (sqlite3     *db,
                                               const char  *sql,
                                               GError     **error);
/* Runs @sql, which returns one integer: SC_MISSING for NULL or no row. */
gboolean    _sc_store_query_int               (sqlite3     *db,
                                               const char  *sql,
                                               gint64      *out,
                                               GError     **error);
/* Steps a statement that returns no rows and finalizes it. */
gboolean    _sc_store_step_done               (sqlite3     *db,
                                               sqlite3_stmt *stmt,
                                               const char  *what,
                                               GError     **error);

/* Binds an integer, or NULL when it is SC_MISSING. */
void        _sc_store_bind_int                (sqlite3_stmt *stmt,
                                               int           index,
                                               gint64        value);
void        _sc_store_bind_text               (sqlite3_stmt *stmt,
                                               int           index,
                                               const char   *value);
gint64      _sc_store_column_int              (sqlite3_stmt *stmt,
                                               int           column);
char       *_sc_store_column_dup_text         (sqlite3_stmt *stmt,
                                               int           column);

/* The facts packed in an interaction's facts column, in stored order (see
 * sc-store-packed.c): its kind, the instants after its creation, the ids
 * of its builtin dimension values but tags, then the counts, durations,
 * flags and scores in the order of ScInteraction from resolved on. */
typedef enum
{
  SC_PACKED_KIND,
  SC_PACKED_FIRST_REPLY_AT,
  SC_PACKED_RESOLVED_AT,
  SC_PACKED_CLOSED_AT,
  SC_PACKED_CHANNEL,
  SC_PACKED_RESOLVED = SC_PACKED_CHANNEL + SC_DIM_TAGS,
  SC_PACKED_CES_SCALE = SC_PACKED_RESOLVED + 24,
  SC_PACKED_N,
} ScPackedFact;

/* The format byte and ten bytes per fact at most. */
#define SC_PACKED_MAX_SIZE (1 + 10 * SC_PACKED_N)

gsize       _sc_store_pack_facts              (const gint64 *facts,
                                               gint64        created_at,
                                               guint8       *out);
gsize       _sc_store_pack_interaction        (const ScInteraction *it,
                                               const gint64 *codes,
                                               guint8       *out);
gboolean    _sc_store_unpack_facts            (const guint8 *data,
                                               gsize         len,
                                               gint64        created_at,
                                               gint64       *facts);
int         _sc_store_register_pack_function  (sqlite3      *db,
                                               gboolean      registered);

G_END_DECLS
