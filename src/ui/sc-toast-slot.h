/* sc-toast-slot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * ScToastSlot:
 *
 * The one toast a page keeps up: each new one replaces the last. Embed it
 * zeroed in the page; sc_toast_slot_clear() it in dispose.
 */
typedef struct
{
  AdwToast        *toast;     /* the one shown, weak */
  gint64           shown_at;
  AdwToastOverlay *overlay;   /* while one waits */
  AdwToast        *pending;
  guint            pending_id;
} ScToastSlot;

void sc_toast_slot_show  (ScToastSlot     *slot,
                          AdwToastOverlay *overlay,
                          AdwToast        *toast);
void sc_toast_slot_clear (ScToastSlot     *slot);

G_END_DECLS
