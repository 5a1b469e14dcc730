/* sc-compute.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computing off the main thread for the views: a function runs on a
 * worker with its own reference to the engine's fact cache, and a slot per
 * view cancels the computation before when a new one starts, and shows a
 * spinner only when one takes longer than 150 ms.
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-engine.h"

G_BEGIN_DECLS

/* Runs on a worker thread; returns what the view shows, or NULL with
 * @error set. */
typedef gpointer (*ScComputeFunc) (const ScFacts  *facts,
                                   gpointer        data,
                                   GCancellable   *cancellable,
                                   GError        **error);

void      sc_compute_async  (gpointer             source_object,
                             ScEngine            *engine,
                             ScComputeFunc        func,
                             gpointer             data,
                             GDestroyNotify       data_free,
                             GDestroyNotify       result_free,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
gpointer  sc_compute_finish (GAsyncResult        *result,
                             GError             **error);

/**
 * ScComputeSlot:
 *
 * The one computation a view has under way. Embed it in the view's
 * struct, zero-initialised.
 */
typedef struct
{
  /*< private >*/
  GCancellable *cancellable;
  GtkWidget    *spinner;
  guint         delay_id;
} ScComputeSlot;

void          sc_compute_slot_set_spinner (ScComputeSlot *slot,
                                           GtkWidget     *spinner);
GCancellable *sc_compute_slot_begin       (ScComputeSlot *slot);
gboolean      sc_compute_slot_is_busy     (ScComputeSlot *slot);
void          sc_compute_slot_end         (ScComputeSlot *slot);
void          sc_compute_slot_cancel      (ScComputeSlot *slot);
void          sc_compute_slot_clear       (ScComputeSlot *slot);

G_END_DECLS
