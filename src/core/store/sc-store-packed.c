/* sc-store-packed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An interaction's facts in one BLOB column (schema 6 on). Stored as 39
 * columns, the per-column work of SQLite (binding, affinity, building and
 * splitting the record) was most of a large import's time, and the only
 * reader of these columns is the engine's scan of every row; the columns
 * that SQL looks rows up by (source, external id, creation time) and the
 * texts stay columns of their own.
 *
 * The format: one byte, the format (1), then one unsigned LEB128 varint
 * per fact in the order of the table below. A fact is 0 when missing and
 * otherwise its zigzag encoding plus one; instants other than the
 * creation are stored as seconds after it. Trailing missing facts are
 * left out, and a reader takes facts past the end as missing, so a later
 * format may append facts. Every value round-trips, except an instant
 * exactly 2^63 seconds from the creation, which no parser produces.
 */

#include "config.h"

#include <string.h>

#include "sc-store-private.h"

#define FORMAT 1

/* ScInteraction holds the instants after created_at, and from resolved to
 * ces_scale only gint64 facts, in stored order. */
G_STATIC_ASSERT (SC_PACKED_CHANNEL + SC_DIM_TAGS == SC_PACKED_RESOLVED);
G_STATIC_ASSERT (G_STRUCT_OFFSET (ScInteraction, closed_at)
                 - G_STRUCT_OFFSET (ScInteraction, first_reply_at)
                 == (SC_PACKED_CLOSED_AT - SC_PACKED_FIRST_REPLY_AT) * sizeof (gint64));
G_STATIC_ASSERT (G_STRUCT_OFFSET (ScInteraction, ces_scale)
                 - G_STRUCT_OFFSET (ScInteraction, resolved)
                 == (SC_PACKED_CES_SCALE - SC_PACKED_RESOLVED) * sizeof (gint64));

static inline guint64
encode (gint64 value)
{
  /* SC_MISSING (G_MININT64) zigzags to G_MAXUINT64, and one more is 0. */
  return (((guint64) value << 1) ^ (guint64) (value >> 63)) + 1;
}

static inline gint64
decode (guint64 code)
{
  guint64 z = code - 1;

  return code == 0 ? SC_MISSING : (gint64) ((z >> 1) ^ (~(z & 1) + 1));
}

static inline gboolean
is_instant (guint i)
{
  return i >= SC_PACKED_FIRST_REPLY_AT && i <= SC_PACKED_CLOSED_AT;
}

/**
 * _sc_store_pack_facts:
 * @facts: %SC_PACKED_N facts, %SC_MISSING where missing; instants in
 *   Unix seconds
 * @created_at: the creation time, which the instants are stored after
 * @out: (out caller-allocates): at least %SC_PACKED_MAX_SIZE bytes
 *
 * Returns: the number of bytes written to @out
 */
gsize
_sc_store_pack_facts (const gint64 *facts,
                      gint64        created_at,
                      guint8       *out)
{
  gsize len = 1, end = 1;

  out[0] = FORMAT;
  for (guint i = 0; i < SC_PACKED_N; i++)
    {
      gint64 value = facts[i];
      guint64 code;

      if (is_instant (i) && value != SC_MISSING)
        value = (gint64) ((guint64) value - (guint64) created_at);
      code = encode (value);
      while (code >= 0x80)
        {
          out[len++] = (guint8) (code | 0x80);
          code >>= 7;
        }
      out[len++] = (guint8) code;
      if (code != 0)
        end = len;
    }
  return end;
}

/**
 * _sc_store_pack_interaction:
 * @it: an interaction
 * @codes: the ids of its values of the builtin dimensions but tags
 * @out: (out caller-allocates): at least %SC_PACKED_MAX_SIZE bytes
 *
 * Returns: the number of bytes written to @out
 */
gsize
_sc_store_pack_interaction (const ScInteraction *it,
                            const gint64        *codes,
                            guint8              *out)
{
  gint64 facts[SC_PACKED_N];

  facts[SC_PACKED_KIND] = it->kind;
  memcpy (&facts[SC_PACKED_FIRST_REPLY_AT], &it->first_reply_at,
          (SC_PACKED_CLOSED_AT - SC_PACKED_FIRST_REPLY_AT + 1) * sizeof (gint64));
  memcpy (&facts[SC_PACKED_CHANNEL], codes, SC_DIM_TAGS * sizeof (gint64));
  memcpy (&facts[SC_PACKED_RESOLVED], &it->resolved,
          (SC_PACKED_N - SC_PACKED_RESOLVED) * sizeof (gint64));
  return _sc_store_pack_facts (facts, it->created_at, out);
}

/**
 * _sc_store_unpack_facts:
 * @data: a packed blob
 * @len: its length
 * @created_at: the creation time stored beside it
 * @facts: (out caller-allocates): %SC_PACKED_N facts
 *
 * Returns: %FALSE when @data is not packed facts of a known format
 */
gboolean
_sc_store_unpack_facts (const guint8 *data,
                        gsize         len,
                        gint64        created_at,
                        gint64       *facts)
{
  gsize pos = 1;

  if (len == 0 || data[0] != FORMAT)
    return FALSE;
  for (guint i = 0; i < SC_PACKED_N; i++)
    {
      guint64 code = 0;
      guint shift = 0;

      for (;;)
        {
          guint8 byte;

          if (pos >= len)
            {
              /* Past the end: missing; in the middle of a varint: damaged. */
              if (shift > 0)
                return FALSE;
              break;
            }
          byte = data[pos++];
          if (shift == 63 && byte > 1)
            return FALSE;
          code |= (guint64) (byte & 0x7f) << shift;
          if (byte < 0x80)
            break;
          shift += 7;
          if (shift > 63)
            return FALSE;
        }
      facts[i] = decode (code);
      if (is_instant (i) && facts[i] != SC_MISSING)
        facts[i] = (gint64) ((guint64) facts[i] + (guint64) created_at);
    }
  return pos == len;
}

/* sc_pack_facts(created_at, kind, first_reply_at, …, ces_scale): the SQL
 * function the migration to schema 6 packs the old columns with. */
static void
pack_facts_func (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  gint64 facts[SC_PACKED_N];
  guint8 out[SC_PACKED_MAX_SIZE];
  gsize len;

  g_assert (argc == SC_PACKED_N + 1);

  for (int i = 0; i < SC_PACKED_N; i++)
    facts[i] = sqlite3_value_type (argv[i + 1]) == SQLITE_NULL
               ? SC_MISSING : sqlite3_value_int64 (argv[i + 1]);
  len = _sc_store_pack_facts (facts, sqlite3_value_int64 (argv[0]), out);
  sqlite3_result_blob (context, out, (int) len, SQLITE_TRANSIENT);
}

/**
 * _sc_store_register_pack_function:
 * @db: a connection
 * @registered: whether to add or remove sc_pack_facts()
 *
 * Returns: an SQLite result code
 */
int
_sc_store_register_pack_function (sqlite3  *db,
                                  gboolean  registered)
{
  return sqlite3_create_function (db, "sc_pack_facts", SC_PACKED_N + 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                  registered ? pack_facts_func : NULL, NULL, NULL);
}
