/* sc-checksum.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScChecksum:
 *
 * The content hash that identifies an imported file in the import
 * history, computed over the bytes as they are read. Opaque; on the
 * stack.
 */
typedef struct
{
  /*< private >*/
  guint64 lanes[4];
  guint64 total;
  guint8  pending[32];
  guint   n_pending;
} ScChecksum;

void     sc_checksum_init     (ScChecksum  *checksum);
void     sc_checksum_update   (ScChecksum  *checksum,
                               const void  *data,
                               gsize        len);
char    *sc_checksum_finish   (ScChecksum  *checksum);

G_END_DECLS
