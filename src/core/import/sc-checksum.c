/* sc-checksum.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fast 64-bit content hash: four multiply-rotate lanes over the 32-byte
 * blocks of the content, the bytes after the last whole block folded in
 * one at a time, and the length. A cryptographic digest would cost a
 * third of the import time of a large file; this is for telling files
 * apart in the import history, not for security. Written as
 * "fh64:HASH:LENGTH".
 */

#include "config.h"

#include <string.h>

#include "sc-checksum.h"

void
sc_checksum_init (ScChecksum *checksum)
{
  static const guint64 seeds[4] = {
    0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL,
    0x165667B19E3779F9ULL, 0x27D4EB2F165667C5ULL,
  };

  memcpy (checksum->lanes, seeds, sizeof seeds);
  checksum->total = 0;
  checksum->n_pending = 0;
}

static inline guint64
mix (guint64      lane,
     const guint8 *p)
{
  guint64 w;

  memcpy (&w, p, 8);
  lane = (lane ^ w) * 0x9FB21C651E98DF25ULL;
  return (lane << 31) | (lane >> 33);
}

/* Adds the whole 32-byte blocks of @p; the lanes are kept in locals, as
 * the compiler cannot tell they do not alias the bytes. */
static void
add_blocks (ScChecksum   *checksum,
            const guint8 *p,
            gsize         n_blocks)
{
  guint64 a = checksum->lanes[0], b = checksum->lanes[1];
  guint64 c = checksum->lanes[2], d = checksum->lanes[3];

  for (gsize i = 0; i < n_blocks; i++, p += 32)
    {
      a = mix (a, p);
      b = mix (b, p + 8);
      c = mix (c, p + 16);
      d = mix (d, p + 24);
    }
  checksum->lanes[0] = a;
  checksum->lanes[1] = b;
  checksum->lanes[2] = c;
  checksum->lanes[3] = d;
}

void
sc_checksum_update (ScChecksum *checksum,
                    const void *data,
                    gsize       len)
{
  const guint8 *p = data;

  checksum->total += len;
  if (checksum->n_pending > 0)
    {
      gsize take = MIN (len, 32 - checksum->n_pending);

      memcpy (checksum->pending + checksum->n_pending, p, take);
      checksum->n_pending += take;
      p += take;
      len -= take;
      if (checksum->n_pending < 32)
        return;
      add_blocks (checksum, checksum->pending, 1);
      checksum->n_pending = 0;
    }
  add_blocks (checksum, p, len / 32);
  p += len / 32 * 32;
  len %= 32;
  memcpy (checksum->pending, p, len);
  checksum->n_pending = len;
}

/**
 * sc_checksum_finish:
 * @checksum: a checksum
 *
 * Returns: (transfer full): the checksum of everything added
 */
char *
sc_checksum_finish (ScChecksum *checksum)
{
  guint64 h = checksum->total;

  for (guint i = 0; i < checksum->n_pending; i++)
    h = (h ^ checksum->pending[i]) * 0x100000001B3ULL;
  for (guint k = 0; k < 4; k++)
    {
      h = (h ^ checksum->lanes[k]) * 0x9FB21C651E98DF25ULL;
      h ^= h >> 29;
    }
  return g_strdup_printf ("fh64:%016" G_GINT64_MODIFIER "x:%" G_GUINT64_FORMAT, h,
                          checksum->total);
}
