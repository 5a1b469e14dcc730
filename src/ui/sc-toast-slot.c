/* sc-toast-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 frees a toast dismissed while it still slides in and
 * then crashes when the slide ends (its replace animation runs 500 ms).
 * A slot dismisses its toast only once it has been up long enough; a
 * newer toast waits until then (and a still newer one replaces it).
 */

#include "config.h"

#include "sc-toast-slot.h"

#define SETTLE_US (700 * G_TIME_SPAN_MILLISECOND)

static void
replace (ScToastSlot     *slot,
         AdwToastOverlay *overlay,
         AdwToast        *toast)
{
  if (slot->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (slot->toast), (gpointer *) &slot->toast);
      adw_toast_dismiss (slot->toast);
    }
  slot->toast = toast;
  slot->shown_at = g_get_monotonic_time ();
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &slot->toast);
  adw_toast_overlay_add_toast (overlay, toast);
}

static gboolean
show_pending_cb (gpointer data)
{
  ScToastSlot *slot = data;
  g_autoptr(AdwToastOverlay) overlay = g_steal_pointer (&slot->overlay);

  slot->pending_id = 0;
  if (slot->pending != NULL)
    replace (slot, overlay, g_steal_pointer (&slot->pending));
  return G_SOURCE_REMOVE;
}

/**
 * sc_toast_slot_show:
 * @slot: a slot
 * @overlay: where to show it
 * @toast: (transfer full): the toast
 *
 * Shows @toast in place of the slot's previous one.
 */
void
sc_toast_slot_show (ScToastSlot     *slot,
                    AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  gint64 up = g_get_monotonic_time () - slot->shown_at;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_clear_object (&slot->pending);
  if (slot->toast == NULL || up >= SETTLE_US)
    {
      g_clear_handle_id (&slot->pending_id, g_source_remove);
      g_clear_object (&slot->overlay);
      replace (slot, overlay, toast);
      return;
    }
  slot->pending = toast;
  g_set_object (&slot->overlay, overlay);
  if (slot->pending_id == 0)
    slot->pending_id = g_timeout_add ((guint) ((SETTLE_US - up) / G_TIME_SPAN_MILLISECOND) + 1,
                                      show_pending_cb, slot);
}

void
sc_toast_slot_clear (ScToastSlot *slot)
{
  if (slot->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (slot->toast), (gpointer *) &slot->toast);
  slot->toast = NULL;
  g_clear_handle_id (&slot->pending_id, g_source_remove);
  g_clear_object (&slot->pending);
  g_clear_object (&slot->overlay);
}
