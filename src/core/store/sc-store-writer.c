/* sc-store-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs an import's statements on a thread of its own, so that reading and
 * parsing the next rows of a file overlaps with SQLite writing the last
 * ones (on a million-row import each takes about as long as the other).
 *
 * The caller queues statements with their parameters; the values are
 * copied, so the caller's buffers may change as soon as a statement is
 * queued. Statements run in the order they were queued. Queued work is
 * collected in chunks: the first full chunk starts the thread, and while
 * the thread writes one chunk the caller fills the next. A batch smaller
 * than a chunk never starts a thread: _sc_store_writer_flush() writes it
 * on the caller's thread.
 *
 * Besides statements, the caller may queue calls (_sc_store_writer_set_call()):
 * work that would otherwise be done on the caller's thread before queuing
 * statements (an import's interning and packing), which runs on the
 * thread instead and queues its statements on an inner writer.
 *
 * The caller must not use the connection while work is queued: every
 * other use of it comes after _sc_store_writer_flush(). The connection is
 * thus used by one thread at a time, as SQLITE_OPEN_NOMUTEX requires.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-store-writer.h"

/* A chunk holds this many statements or this much text, whichever comes
 * first; three chunks at most exist (one filling, two queued or being
 * written), which bounds the memory of an import of any size. */
#define CHUNK_STATEMENTS 1024
#define CHUNK_TEXT (4 * 1024 * 1024)
#define N_CHUNKS 3

typedef enum
{
  PARAM_NULL,
  PARAM_INT,
  PARAM_TEXT,
  PARAM_BLOB,
} ParamType;

typedef struct
{
  gint64    value;   /* the integer, or the offset of the text */
  guint32   len;     /* of the text */
  ParamType type;
} Param;

/* A statement to run, or (@stmt NULL) a call of the writer's call
 * function with the one blob parameter. */
typedef struct
{
  sqlite3_stmt *stmt;
  const char   *what;     /* untranslated; for the error message */
  guint         first_param;
  guint         n_params;
} Statement;

typedef struct
{
  GArray  *statements;
  Param   *params;        /* a plain array: appending is the hot path */
  guint    n_params;
  guint    params_size;
  GString *text;
} Chunk;

struct _ScStoreWriter
{
  sqlite3  *db;
  Chunk    *filling;

  /* A statement that runs @multi_rows runs of @single at once. */
  sqlite3_stmt *single;
  sqlite3_stmt *multi;
  guint         multi_rows;

  /* The queued parameters of @offset_stmt (and of @multi, row by row)
   * are bound from ?@first_param on: those before are bound once. */
  sqlite3_stmt *offset_stmt;
  int           first_param;

  /* Calls queued with _sc_store_writer_call_begin() run @call on the
   * thread; what it queues on @inner runs before the next statement. */
  ScStoreWriterCallFunc call;
  gpointer              call_data;
  ScStoreWriter        *inner;
  /* An inner writer writes full chunks at once, on the caller's thread. */
  gboolean              synchronous;

  /* Rows that @counted (and @multi) inserted and updated in its table,
   * whose largest row id was @max_id; written by the thread, read after
   * a flush. */
  sqlite3_stmt *counted;
  gint64        max_id;
  gint64        inserted;
  gint64        updated;

  /* Shared with the thread, under lock. */
  GMutex    lock;
  GCond     cond;
  GThread  *thread;
  GQueue    queued;       /* chunks to write, oldest first */
  GPtrArray *spare;       /* written chunks, for reuse */
  guint     outstanding;  /* chunks queued or being written */
  gboolean  quit;
  gboolean  discard;      /* skip what is queued */
  GError   *error;        /* the first failed write */
  gint      failed;       /* whether @error is set; read without the lock */
  guint     n_chunks;
};

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->statements = g_array_sized_new (FALSE, FALSE, sizeof (Statement), CHUNK_STATEMENTS);
  chunk->params_size = 64 * CHUNK_STATEMENTS;
  chunk->params = g_new (Param, chunk->params_size);
  chunk->text = g_string_sized_new (64 * 1024);
  return chunk;
}

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  g_array_unref (chunk->statements);
  g_free (chunk->params);
  g_string_free (chunk->text, TRUE);
  g_free (chunk);
}

static void
chunk_clear (Chunk *chunk)
{
  g_array_set_size (chunk->statements, 0);
  chunk->n_params = 0;
  g_string_truncate (chunk->text, 0);
}

static gboolean
chunk_is_full (const Chunk *chunk)
{
  return chunk->statements->len >= CHUNK_STATEMENTS || chunk->text->len >= CHUNK_TEXT;
}

/* Binds the parameters of @s to @stmt from ?@first on. */
static void
bind_params (const Chunk     *chunk,
             const Statement *s,
             sqlite3_stmt    *stmt,
             int              first)
{
  const char *text = chunk->text->str;

  for (guint k = 0; k < s->n_params; k++)
    {
      const Param *p = &chunk->params[s->first_param + k];
      int index = first + (int) k;

      switch (p->type)
        {
        case PARAM_INT:
          sqlite3_bind_int64 (stmt, index, p->value);
          break;
        case PARAM_TEXT:
          sqlite3_bind_text (stmt, index, text + p->value, (int) p->len, SQLITE_STATIC);
          break;
        case PARAM_BLOB:
          sqlite3_bind_blob (stmt, index, text + p->value, (int) p->len, SQLITE_STATIC);
          break;
        case PARAM_NULL:
        default:
          sqlite3_bind_null (stmt, index);
          break;
        }
    }
}

/* Counts what a run of the counted statement did. New rows take the row
 * ids after the largest one, in order, so the last row id it inserted
 * tells how many it inserted; the other rows it changed, it updated. */
static void
count_changes (ScStoreWriter *self)
{
  gint64 changes = sqlite3_changes (self->db);
  gint64 last = sqlite3_last_insert_rowid (self->db);
  gint64 inserted = 0;

  if (last > self->max_id)
    {
      inserted = last - self->max_id;
      self->max_id = last;
    }
  self->inserted += inserted;
  self->updated += changes - inserted;
}

/* How many statements from @i on can run as one multi-row statement. */
static guint
n_multi (const ScStoreWriter *self,
         const Chunk         *chunk,
         guint                i)
{
  const Statement *s = &g_array_index (chunk->statements, Statement, 0);

  if (self->multi == NULL || i + self->multi_rows > chunk->statements->len)
    return 1;
  for (guint k = 0; k < self->multi_rows; k++)
    if (s[i + k].stmt != self->single)
      return 1;
  return self->multi_rows;
}

/* Binds and steps the chunk's statements in order, and makes its calls;
 * stops at the first that fails. */
static gboolean
chunk_write (ScStoreWriter  *self,
             Chunk          *chunk,
             GError        **error)
{
  gboolean called = FALSE;
  guint n;

  for (guint i = 0; i < chunk->statements->len; i += n)
    {
      const Statement *s = &g_array_index (chunk->statements, Statement, i);
      sqlite3_stmt *stmt = s->stmt;
      int first = s->stmt == self->offset_stmt ? self->first_param : 1;
      int rc;

      if (stmt == NULL)
        {
          const Param *p = &chunk->params[s->first_param];

          n = 1;
          if (!self->call (self->call_data, self->inner,
                           (const guint8 *) chunk->text->str + p->value, p->len, error))
            return FALSE;
          called = TRUE;
          continue;
        }
      /* What the calls before queued runs first. */
      if (called && !_sc_store_writer_flush (self->inner, error))
        return FALSE;
      called = FALSE;

      n = n_multi (self, chunk, i);
      if (n > 1)
        {
          stmt = self->multi;
          for (guint k = 0; k < n; k++)
            bind_params (chunk, s + k, stmt, (int) (k * s->n_params) + first);
        }
      else
        bind_params (chunk, s, stmt, first);
      if (s->stmt == self->counted)
        sqlite3_set_last_insert_rowid (self->db, 0);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _sc_store_set_error (self->db, _(s->what), error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (s->stmt == self->counted)
        count_changes (self);
    }
  return !called || _sc_store_writer_flush (self->inner, error);
}

static gpointer
writer_thread (gpointer data)
{
  ScStoreWriter *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      Chunk *chunk;
      gboolean skip;
      GError *error = NULL;

      while (g_queue_is_empty (&self->queued) && !self->quit)
        g_cond_wait (&self->cond, &self->lock);
      if (g_queue_is_empty (&self->queued))
        break;
      chunk = g_queue_pop_head (&self->queued);
      skip = self->discard || self->error != NULL;
      g_mutex_unlock (&self->lock);

      if (!skip)
        chunk_write (self, chunk, &error);
      chunk_clear (chunk);

      g_mutex_lock (&self->lock);
      if (error != NULL && self->error == NULL)
        {
          self->error = error;
          g_atomic_int_set (&self->failed, TRUE);
        }
      else
        g_clear_error (&error);
      g_ptr_array_add (self->spare, chunk);
      self->outstanding--;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

ScStoreWriter *
_sc_store_writer_new (sqlite3 *db)
{
  ScStoreWriter *self = g_new0 (ScStoreWriter, 1);

  self->db = db;
  self->filling = chunk_new ();
  self->n_chunks = 1;
  self->spare = g_ptr_array_new_with_free_func (chunk_free);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->queued);
  return self;
}

/* Copies the first write error into @error. Called under lock. */
static gboolean
check_error (ScStoreWriter  *self,
             GError        **error)
{
  if (self->error == NULL)
    return TRUE;
  if (error != NULL && *error == NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

/* Hands the filling chunk to the thread (starting it the first time) and
 * takes an empty one, waiting for one when all are in use. */
static gboolean
submit (ScStoreWriter  *self,
        GError        **error)
{
  gboolean ok;

  if (self->synchronous)
    return _sc_store_writer_flush (self, error);

  g_mutex_lock (&self->lock);
  if (self->thread == NULL)
    self->thread = g_thread_new ("sc-store-writer", writer_thread, self);
  g_queue_push_tail (&self->queued, self->filling);
  self->outstanding++;
  g_cond_broadcast (&self->cond);
  if (self->spare->len == 0 && self->n_chunks < N_CHUNKS)
    {
      self->filling = chunk_new ();
      self->n_chunks++;
    }
  else
    {
      while (self->spare->len == 0)
        g_cond_wait (&self->cond, &self->lock);
      self->filling = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
    }
  ok = check_error (self, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

void
_sc_store_writer_set_multi (ScStoreWriter *self,
                            sqlite3_stmt  *single,
                            sqlite3_stmt  *multi,
                            guint          rows)
{
  g_return_if_fail (self->thread == NULL);
  g_return_if_fail (rows >= 2);

  self->single = single;
  self->multi = multi;
  self->multi_rows = rows;
}

void
_sc_store_writer_set_call (ScStoreWriter         *self,
                           ScStoreWriterCallFunc  call,
                           gpointer               call_data,
                           ScStoreWriter         *inner)
{
  g_return_if_fail (self->thread == NULL);
  g_return_if_fail (inner != NULL && inner != self && inner->thread == NULL);

  self->call = call;
  self->call_data = call_data;
  self->inner = inner;
  inner->synchronous = TRUE;
}

void
_sc_store_writer_set_first_param (ScStoreWriter *self,
                                  sqlite3_stmt  *stmt,
                                  int            first_param)
{
  g_return_if_fail (self->thread == NULL);
  g_return_if_fail (first_param >= 1);

  self->offset_stmt = stmt;
  self->first_param = first_param;
}

void
_sc_store_writer_set_counted (ScStoreWriter *self,
                              sqlite3_stmt  *stmt,
                              gint64         max_id)
{
  g_return_if_fail (self->thread == NULL);

  self->counted = stmt;
  self->max_id = max_id;
}

void
_sc_store_writer_get_counts (ScStoreWriter *self,
                             gint64        *inserted,
                             gint64        *updated)
{
  g_mutex_lock (&self->lock);
  *inserted = self->inserted;
  *updated = self->updated;
  g_mutex_unlock (&self->lock);
}

void
_sc_store_writer_begin (ScStoreWriter *self,
                        sqlite3_stmt  *stmt,
                        const char    *what)
{
  Statement s = { stmt, what, self->filling->n_params, 0 };

  g_array_append_val (self->filling->statements, s);
}

static inline void
add_param (ScStoreWriter *self,
           ParamType      type,
           gint64         value,
           gsize          len)
{
  Chunk *chunk = self->filling;
  Param *p;

  if (G_UNLIKELY (chunk->n_params == chunk->params_size))
    {
      chunk->params_size *= 2;
      chunk->params = g_renew (Param, chunk->params, chunk->params_size);
    }
  p = &chunk->params[chunk->n_params++];
  p->value = value;
  p->len = (guint32) len;
  p->type = type;
}

static inline void
add_int (ScStoreWriter *self,
         gint64         value)
{
  if (value == SC_MISSING)
    add_param (self, PARAM_NULL, 0, 0);
  else
    add_param (self, PARAM_INT, value, 0);
}

void
_sc_store_writer_int (ScStoreWriter *self,
                      gint64         value)
{
  add_int (self, value);
}

/* Makes room for @len more bytes of text (and a NUL) and returns where
 * they go; g_string_append_len() and its checks were a tenth of the
 * cost of queuing an interaction. */
static inline char *
grow_text (GString *text,
           gsize    len)
{
  gsize offset = text->len;

  if (G_UNLIKELY (offset + len >= text->allocated_len))
    g_string_set_size (text, offset + len);
  else
    {
      text->len = offset + len;
      text->str[text->len] = '\0';
    }
  return text->str + offset;
}

static void
add_bytes (ScStoreWriter *self,
           ParamType      type,
           const char    *data,
           gsize          len)
{
  GString *text = self->filling->text;
  gsize offset = text->len;
  char *dest = grow_text (text, len + 1);

  /* NUL-terminated, though SQLite is told the length. */
  memcpy (dest, data, len);
  dest[len] = '\0';
  add_param (self, type, (gint64) offset, len);
}

void
_sc_store_writer_text (ScStoreWriter *self,
                       const char    *value)
{
  if (value == NULL)
    add_param (self, PARAM_NULL, 0, 0);
  else
    add_bytes (self, PARAM_TEXT, value, strlen (value));
}

void
_sc_store_writer_blob (ScStoreWriter *self,
                       const char    *data,
                       gsize          len)
{
  add_bytes (self, PARAM_BLOB, data, len);
}

char *
_sc_store_writer_call_begin (ScStoreWriter *self,
                             gsize          len)
{
  Statement s = { NULL, NULL, self->filling->n_params, 0 };
  GString *text = self->filling->text;
  gsize offset = text->len;

  g_return_val_if_fail (self->call != NULL, NULL);

  g_array_append_val (self->filling->statements, s);
  add_param (self, PARAM_BLOB, (gint64) offset, len);
  return grow_text (text, len);
}

gboolean
_sc_store_writer_end (ScStoreWriter  *self,
                      GError        **error)
{
  Chunk *chunk = self->filling;
  Statement *s = &g_array_index (chunk->statements, Statement, chunk->statements->len - 1);
  gboolean ok;

  s->n_params = chunk->n_params - s->first_param;
  if (chunk_is_full (chunk))
    return submit (self, error);
  /* Report a failure as soon as the thread has had one (without taking
   * the lock for every statement). */
  if (self->thread == NULL || !g_atomic_int_get (&self->failed))
    return TRUE;
  g_mutex_lock (&self->lock);
  ok = check_error (self, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
_sc_store_writer_flush (ScStoreWriter  *self,
                        GError        **error)
{
  gboolean ok;

  if (self->thread == NULL)
    {
      /* Never started: write on this thread. */
      g_autoptr(GError) local_error = NULL;

      if (self->error == NULL && !self->discard
          && !chunk_write (self, self->filling, &local_error))
        self->error = g_steal_pointer (&local_error);
      chunk_clear (self->filling);
      return check_error (self, error);
    }

  if (self->filling->statements->len > 0 && !submit (self, error))
    return FALSE;
  g_mutex_lock (&self->lock);
  while (self->outstanding > 0)
    g_cond_wait (&self->cond, &self->lock);
  ok = check_error (self, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

void
_sc_store_writer_discard (ScStoreWriter *self)
{
  g_mutex_lock (&self->lock);
  self->discard = TRUE;
  g_mutex_unlock (&self->lock);
  chunk_clear (self->filling);
  _sc_store_writer_flush (self, NULL);
  g_mutex_lock (&self->lock);
  self->discard = FALSE;
  g_clear_error (&self->error);
  g_atomic_int_set (&self->failed, FALSE);
  g_mutex_unlock (&self->lock);
}

void
_sc_store_writer_free (ScStoreWriter *self)
{
  if (self == NULL)
    return;

  _sc_store_writer_discard (self);
  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->quit = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
      g_thread_join (self->thread);
    }
  chunk_free (self->filling);
  g_ptr_array_unref (self->spare);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
