/* sc-store-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes queued statements on a thread of its own (see sc-store-writer.c).
 * Private to the store.
 */

#pragma once

#include "sc-store-private.h"

G_BEGIN_DECLS

typedef struct _ScStoreWriter ScStoreWriter;

/* Called on the writer's thread for each queued call, with the bytes
 * given; it queues its statements on @inner. */
typedef gboolean (*ScStoreWriterCallFunc) (gpointer        data,
                                           ScStoreWriter  *inner,
                                           const guint8   *bytes,
                                           gsize           len,
                                           GError        **error);

ScStoreWriter *_sc_store_writer_new     (sqlite3        *db);
void           _sc_store_writer_free    (ScStoreWriter  *self);

/* Runs of @single that come @rows in a row are run as one statement,
 * @multi, which takes their parameters one after the other (an INSERT
 * with @rows rows of VALUES): SQLite then starts and ends one statement
 * instead of @rows. Call before queuing anything. */
void           _sc_store_writer_set_multi (ScStoreWriter *self,
                                         sqlite3_stmt   *single,
                                         sqlite3_stmt   *multi,
                                         guint           rows);

/* Lets the caller queue calls of @call (see _sc_store_writer_call_begin()),
 * which run on the writer's thread, in order with the statements, and
 * queue statements of their own on @inner: those run, at once, before
 * the next statement queued here. @inner never starts a thread of its
 * own. Work that the caller's thread would do before queuing a statement
 * can so be done beside it. Call before queuing anything. */
void           _sc_store_writer_set_call (ScStoreWriter        *self,
                                         ScStoreWriterCallFunc call,
                                         gpointer              call_data,
                                         ScStoreWriter        *inner);

/* The queued parameters of @stmt (and of its multi-row form, row after
 * row) go to ?@first_param on; the caller binds those before once, and
 * they stay bound. Call before queuing anything. */
void           _sc_store_writer_set_first_param (ScStoreWriter *self,
                                         sqlite3_stmt   *stmt,
                                         int             first_param);

/* Counts the rows that runs of @stmt (an INSERT, or an upsert, into a
 * table of integer row ids, the largest now @max_id; with its multi-row
 * form, if any) insert and update. Call before queuing anything. */
void           _sc_store_writer_set_counted (ScStoreWriter *self,
                                         sqlite3_stmt   *stmt,
                                         gint64          max_id);
/* What the counted statement did so far; call after a flush. */
void           _sc_store_writer_get_counts (ScStoreWriter *self,
                                         gint64         *inserted,
                                         gint64         *updated);

/* Queues one run of @stmt; its parameters follow, in order from ?1.
 * @what (untranslated, static) names the write in an error message. */
void           _sc_store_writer_begin   (ScStoreWriter  *self,
                                         sqlite3_stmt   *stmt,
                                         const char     *what);
/* An integer, or NULL when it is SC_MISSING. */
void           _sc_store_writer_int     (ScStoreWriter  *self,
                                         gint64          value);
/* Text (copied), or NULL. */
void           _sc_store_writer_text    (ScStoreWriter  *self,
                                         const char     *value);
void           _sc_store_writer_blob    (ScStoreWriter  *self,
                                         const char     *data,
                                         gsize           len);
/* Queues a call of the call function with @len bytes, which the caller
 * writes to the returned place before anything else is queued; end it
 * with _sc_store_writer_end(). */
char          *_sc_store_writer_call_begin (ScStoreWriter *self,
                                         gsize           len);
/* Ends the statement begun last. Returns FALSE with the error of an
 * earlier statement that failed: the batch cannot go on. */
gboolean       _sc_store_writer_end     (ScStoreWriter  *self,
                                         GError        **error);
/* Waits until everything queued is written. */
gboolean       _sc_store_writer_flush   (ScStoreWriter  *self,
                                         GError        **error);
/* Drops what is queued and waits for the statement being written. */
void           _sc_store_writer_discard (ScStoreWriter  *self);

G_END_DECLS
