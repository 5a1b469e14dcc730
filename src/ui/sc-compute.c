/* sc-compute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-compute.h"

/* How long a computation may take before the view shows a spinner. */
#define SPINNER_DELAY_MS 150

typedef struct
{
  ScEngine       *engine;
  ScComputeFunc   func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->engine);
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_free (job);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScFacts) facts = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((facts = sc_engine_dup_facts (job->engine, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = job->func (facts, job->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

/**
 * sc_compute_async:
 * @source_object: the view
 * @engine: the engine whose cache @func reads
 * @func: what to compute, on a worker thread
 * @data: (transfer full): what @func needs, built on the main thread
 * @data_free: frees @data
 * @result_free: frees what @func returns when nobody takes it
 * @cancellable: (nullable): cancels the computation
 * @callback: called on the main thread when done
 * @user_data: for @callback
 *
 * Runs @func off the main thread. A cancelled computation reports
 * %G_IO_ERROR_CANCELLED, whatever it computed.
 */
void
sc_compute_async (gpointer             source_object,
                  ScEngine            *engine,
                  ScComputeFunc        func,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GDestroyNotify       result_free,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SC_IS_ENGINE (engine));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->engine = g_object_ref (engine);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_compute_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * sc_compute_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): what the function computed
 */
gpointer
sc_compute_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- The slot ------------------------------------------------------------ */

/**
 * sc_compute_slot_set_spinner:
 * @slot: a slot
 * @spinner: (nullable): a widget shown while a computation runs longer than
 *   150 ms (a #GtkSpinner, or a box holding one)
 */
void
sc_compute_slot_set_spinner (ScComputeSlot *slot,
                             GtkWidget     *spinner)
{
  slot->spinner = spinner;
  if (spinner != NULL)
    gtk_widget_set_visible (spinner, FALSE);
}

static void
show_spinner (ScComputeSlot *slot,
              gboolean       show)
{
  if (slot->spinner == NULL)
    return;
  gtk_widget_set_visible (slot->spinner, show);
  if (GTK_IS_SPINNER (slot->spinner))
    gtk_spinner_set_spinning (GTK_SPINNER (slot->spinner), show);
}

static gboolean
delay_cb (gpointer user_data)
{
  ScComputeSlot *slot = user_data;

  slot->delay_id = 0;
  show_spinner (slot, TRUE);
  return G_SOURCE_REMOVE;
}

/**
 * sc_compute_slot_begin:
 * @slot: a slot
 *
 * Cancels the computation under way, if any, and starts the spinner's
 * delay for a new one.
 *
 * Returns: (transfer none): the cancellable of the new computation
 */
GCancellable *
sc_compute_slot_begin (ScComputeSlot *slot)
{
  g_cancellable_cancel (slot->cancellable);
  g_clear_object (&slot->cancellable);
  slot->cancellable = g_cancellable_new ();
  if (slot->delay_id == 0)
    slot->delay_id = g_timeout_add (SPINNER_DELAY_MS, delay_cb, slot);
  return slot->cancellable;
}

gboolean
sc_compute_slot_is_busy (ScComputeSlot *slot)
{
  return slot->cancellable != NULL;
}

/**
 * sc_compute_slot_end:
 * @slot: a slot
 *
 * The computation finished (not cancelled): hides the spinner.
 */
void
sc_compute_slot_end (ScComputeSlot *slot)
{
  g_clear_object (&slot->cancellable);
  g_clear_handle_id (&slot->delay_id, g_source_remove);
  show_spinner (slot, FALSE);
}

/**
 * sc_compute_slot_cancel:
 * @slot: a slot
 *
 * Cancels what runs, if anything.
 */
void
sc_compute_slot_cancel (ScComputeSlot *slot)
{
  g_cancellable_cancel (slot->cancellable);
  sc_compute_slot_end (slot);
}

/**
 * sc_compute_slot_clear:
 * @slot: a slot
 *
 * Cancels what runs and forgets the spinner, when the view goes away.
 */
void
sc_compute_slot_clear (ScComputeSlot *slot)
{
  sc_compute_slot_cancel (slot);
  slot->spinner = NULL;
}
