/* sc-target-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-target.h"
#include "sc-target-history.h"
#include "sc-target-value.h"

/* The most operations kept for undo; older ones are dropped. */
#define MAX_UNDO 200

/* One side (before or after) of one changed target or baseline: the
 * record, or only its key when it was (or becomes) not set. */
typedef struct
{
  gpointer record;
  gboolean present;
} State;

typedef struct
{
  char     *label;
  gboolean  baselines;   /* the states hold ScBaseline, else ScTarget */
  GArray   *before;      /* of State */
  GArray   *after;       /* of State */
} Operation;

struct _ScTargetHistory
{
  GObject      parent_instance;

  ScStore     *store;
  GQueue       undo;     /* of Operation, newest first */
  GQueue       redo;     /* of Operation, newest first */
  ScClockFunc  clock;
  gpointer     clock_data;
};

G_DEFINE_FINAL_TYPE (ScTargetHistory, sc_target_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Operations ------------------------------------------------------------ */

static void
operation_free (Operation *op)
{
  GDestroyNotify free_record = op->baselines ? (GDestroyNotify) sc_baseline_free
                                             : (GDestroyNotify) sc_target_free;

  /* An operation that failed or changed nothing has no before-states. */
  for (guint i = 0; i < op->before->len; i++)
    free_record (g_array_index (op->before, State, i).record);
  for (guint i = 0; i < op->after->len; i++)
    free_record (g_array_index (op->after, State, i).record);
  g_array_unref (op->before);
  g_array_unref (op->after);
  g_free (op->label);
  g_free (op);
}

static Operation *
operation_new (const char *label,
               gboolean    baselines)
{
  Operation *op = g_new0 (Operation, 1);

  op->label = g_strdup (label);
  op->baselines = baselines;
  op->before = g_array_new (FALSE, FALSE, sizeof (State));
  op->after = g_array_new (FALSE, FALSE, sizeof (State));
  return op;
}

static gint64
now (ScTargetHistory *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Writes one side of an operation through the store, in one transaction. */
static gboolean
write_states (ScTargetHistory  *self,
              gboolean          baselines,
              GArray           *states,
              GPtrArray       **out_previous,
              guint            *n_changed,
              GError          **error)
{
  if (baselines)
    {
      g_autofree ScBaselineEdit *edits = g_new0 (ScBaselineEdit, MAX (states->len, 1));

      for (guint i = 0; i < states->len; i++)
        edits[i] = (ScBaselineEdit) { g_array_index (states, State, i).record,
                                      !g_array_index (states, State, i).present };
      return sc_store_apply_baseline_edits (self->store, edits, states->len, now (self),
                                            out_previous, n_changed, error);
    }
  else
    {
      g_autofree ScTargetEdit *edits = g_new0 (ScTargetEdit, MAX (states->len, 1));

      for (guint i = 0; i < states->len; i++)
        edits[i] = (ScTargetEdit) { g_array_index (states, State, i).record,
                                    !g_array_index (states, State, i).present };
      return sc_store_apply_target_edits (self->store, edits, states->len, now (self),
                                          out_previous, n_changed, error);
    }
}

static void
notify_all (ScTargetHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) operation_free);
}

/* Does a new operation whose after-states are set, fills in its
 * before-states from what the store replaced, and pushes it for undo. */
static gboolean
do_operation (ScTargetHistory  *self,
              Operation        *op,
              GError          **error)
{
  g_autoptr(GPtrArray) previous = NULL;
  guint n_changed = 0;

  if (!write_states (self, op->baselines, op->after, &previous, &n_changed, error))
    {
      operation_free (op);
      return FALSE;
    }
  if (n_changed == 0)
    {
      operation_free (op);
      return TRUE;
    }
  for (guint i = 0; i < op->after->len; i++)
    {
      gpointer key = g_array_index (op->after, State, i).record;
      State before = { previous->pdata[i], previous->pdata[i] != NULL };

      previous->pdata[i] = NULL;
      if (!before.present)
        before.record = op->baselines ? (gpointer) sc_baseline_copy (key) : (gpointer) sc_target_copy (key);
      g_array_append_val (op->before, before);
    }
  g_queue_push_head (&self->undo, op);
  while (self->undo.length > MAX_UNDO)
    operation_free (g_queue_pop_tail (&self->undo));
  clear_queue (&self->redo);
  notify_all (self);
  return TRUE;
}

/* Moves the newest operation of @from to @to after writing its @before
 * (undo) or after (redo) states. */
static gboolean
replay (ScTargetHistory  *self,
        GQueue           *from,
        GQueue           *to,
        gboolean          backwards,
        GError          **error)
{
  Operation *op = g_queue_peek_head (from);

  if (op == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   backwards ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }
  if (!write_states (self, op->baselines, backwards ? op->before : op->after, NULL, NULL, error))
    return FALSE;
  g_queue_push_head (to, g_queue_pop_head (from));
  notify_all (self);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
sc_target_history_finalize (GObject *object)
{
  ScTargetHistory *self = SC_TARGET_HISTORY (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_target_history_parent_class)->finalize (object);
}

static void
sc_target_history_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScTargetHistory *self = SC_TARGET_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sc_target_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sc_target_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sc_target_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sc_target_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_target_history_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScTargetHistory *self = SC_TARGET_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_target_history_class_init (ScTargetHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_target_history_finalize;
  object_class->get_property = sc_target_history_get_property;
  object_class->set_property = sc_target_history_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScTargetHistory::changed:
   *
   * Targets or baselines in the store changed through this history (an
   * edit, an undo or a redo); views showing them should refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_target_history_init (ScTargetHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/* ---- Public API ---------------------------------------------------------------- */

/**
 * sc_target_history_new:
 * @store: the store the edits go to
 *
 * Returns: (transfer full): a new history with nothing to undo
 */
ScTargetHistory *
sc_target_history_new (ScStore *store)
{
  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  return g_object_new (SC_TYPE_TARGET_HISTORY, "store", store, NULL);
}

/**
 * sc_target_history_get_store:
 * @self: a history
 *
 * Returns: (transfer none): its store
 */
ScStore *
sc_target_history_get_store (ScTargetHistory *self)
{
  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), NULL);

  return self->store;
}

gboolean
sc_target_history_get_can_undo (ScTargetHistory *self)
{
  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);

  return self->undo.length > 0;
}

gboolean
sc_target_history_get_can_redo (ScTargetHistory *self)
{
  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);

  return self->redo.length > 0;
}

/**
 * sc_target_history_get_undo_label:
 * @self: a history
 *
 * Returns: (nullable): what undo would undo (“Set the target of CSAT”), for
 *   a menu item or a toast, or %NULL when there is nothing
 */
const char *
sc_target_history_get_undo_label (ScTargetHistory *self)
{
  Operation *op;

  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), NULL);

  op = g_queue_peek_head (&self->undo);
  return op ? op->label : NULL;
}

/**
 * sc_target_history_get_redo_label:
 * @self: a history
 *
 * Returns: (nullable): what redo would redo, or %NULL
 */
const char *
sc_target_history_get_redo_label (ScTargetHistory *self)
{
  Operation *op;

  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), NULL);

  op = g_queue_peek_head (&self->redo);
  return op ? op->label : NULL;
}

/**
 * sc_target_history_set_clock:
 * @self: a history
 * @clock: (nullable) (scope notified): the clock, or %NULL for the real time
 * @user_data: data for @clock
 *
 * Sets what time the versions written are stamped with (tests use a fixed
 * clock).
 */
void
sc_target_history_set_clock (ScTargetHistory *self,
                             ScClockFunc      clock,
                             gpointer         user_data)
{
  g_return_if_fail (SC_IS_TARGET_HISTORY (self));

  self->clock = clock;
  self->clock_data = user_data;
}

/**
 * sc_target_history_apply_targets:
 * @self: a history
 * @label: what the operation is called in “Undo …”
 * @edits: (array length=n_edits): the changes
 * @n_edits: their number
 * @error: return location for an error
 *
 * Sets and unsets targets as one operation (one transaction, one undo
 * step). An operation that changes nothing is not kept for undo.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sc_target_history_apply_targets (ScTargetHistory     *self,
                                 const char          *label,
                                 const ScTargetEdit  *edits,
                                 guint                n_edits,
                                 GError             **error)
{
  Operation *op;

  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (edits != NULL || n_edits == 0, FALSE);

  op = operation_new (label, FALSE);
  for (guint i = 0; i < n_edits; i++)
    {
      State after = { sc_target_copy (edits[i].target), !edits[i].unset };

      g_array_append_val (op->after, after);
    }
  return do_operation (self, op, error);
}

/**
 * sc_target_history_apply_baselines:
 * @self: a history
 * @label: what the operation is called in “Undo …”
 * @edits: (array length=n_edits): the changes
 * @n_edits: their number
 * @error: return location for an error
 *
 * Sets and unsets baselines as one operation.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
sc_target_history_apply_baselines (ScTargetHistory       *self,
                                   const char            *label,
                                   const ScBaselineEdit  *edits,
                                   guint                  n_edits,
                                   GError               **error)
{
  Operation *op;

  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (edits != NULL || n_edits == 0, FALSE);

  op = operation_new (label, TRUE);
  for (guint i = 0; i < n_edits; i++)
    {
      State after = { sc_baseline_copy (edits[i].baseline), !edits[i].unset };

      g_array_append_val (op->after, after);
    }
  return do_operation (self, op, error);
}

static char *
target_label (gboolean        removed,
              const ScTarget *target)
{
  g_autofree char *segment = sc_segment_key_describe (target->segment);
  g_autofree char *period = sc_target_period_format (&target->period);
  const char *name = _(sc_metric_get (target->metric)->name);

  /* Translators: the target of METRIC for SEGMENT in PERIOD. */
  if (removed)
    return g_strdup_printf (_("Remove the target of %s (%s, %s)"), name, segment, period);
  return g_strdup_printf (_("Set the target of %s (%s, %s)"), name, segment, period);
}

/**
 * sc_target_history_set_target:
 * @self: a history
 * @target: the target (its metric, segment and period say which)
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
sc_target_history_set_target (ScTargetHistory  *self,
                              const ScTarget   *target,
                              GError          **error)
{
  ScTargetEdit edit = { target, FALSE };
  g_autofree char *label = NULL;

  g_return_val_if_fail (target != NULL, FALSE);

  label = target_label (FALSE, target);
  return sc_target_history_apply_targets (self, label, &edit, 1, error);
}

/**
 * sc_target_history_unset_target:
 * @self: a history
 * @metric: the metric
 * @segment: (nullable): the canonical segment key
 * @period: the period
 * @error: return location for an error
 *
 * Returns: %TRUE on success (also when no such target was set)
 */
gboolean
sc_target_history_unset_target (ScTargetHistory       *self,
                                ScMetricId             metric,
                                const char            *segment,
                                const ScTargetPeriod  *period,
                                GError               **error)
{
  g_autoptr(ScTarget) key = NULL;
  ScTargetEdit edit;
  g_autofree char *label = NULL;

  g_return_val_if_fail (metric < SC_METRIC_N, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  key = sc_target_new (metric, segment, period, NAN);
  edit = (ScTargetEdit) { key, TRUE };
  label = target_label (TRUE, key);
  return sc_target_history_apply_targets (self, label, &edit, 1, error);
}

/**
 * sc_target_glide_path:
 * @first: the target of the first month: its metric, segment, band and
 *   note are copied to every month, its value is the first month's; its
 *   period must be a month
 * @last_month: any day of the last month
 * @end_value: the last month's value, or NaN for @first's value every month
 *
 * A target for every month from @first's to @last_month's, on a straight
 * line from @first's value to @end_value (rounded as the unit is written;
 * see sc_target_value_round()).
 *
 * Returns: (transfer full) (element-type ScTarget): the month targets
 */
GPtrArray *
sc_target_glide_path (const ScTarget *first,
                      gint32          last_month,
                      double          end_value)
{
  GPtrArray *targets;
  gint32 day;
  guint n = 0, i = 0;

  g_return_val_if_fail (first != NULL, NULL);
  g_return_val_if_fail (first->period.kind == SC_TARGET_PERIOD_MONTH, NULL);

  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
  for (day = first->period.start_day; day <= last_month; day = sc_grain_next_bucket (SC_GRAIN_MONTH, day))
    n++;
  for (day = first->period.start_day; i < n; day = sc_grain_next_bucket (SC_GRAIN_MONTH, day), i++)
    {
      ScTarget *t = sc_target_copy (first);

      t->id = 0;
      t->period.start_day = day;
      if (!isnan (end_value) && n > 1)
        t->value = sc_target_value_round (first->metric,
                                          first->value + (end_value - first->value) * i / (n - 1));
      g_ptr_array_add (targets, t);
    }
  return targets;
}

/**
 * sc_target_history_set_months:
 * @self: a history
 * @first: the first month's target (see sc_target_glide_path())
 * @last_month: any day of the last month
 * @end_value: the last month's value, or NaN for a constant target
 * @error: return location for an error
 *
 * Sets a target for each month of a range at once, constant or on a
 * straight glide path, as one undo step.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_target_history_set_months (ScTargetHistory  *self,
                              const ScTarget   *first,
                              gint32            last_month,
                              double            end_value,
                              GError          **error)
{
  g_autoptr(GPtrArray) months = NULL;
  g_autofree ScTargetEdit *edits = NULL;
  g_autofree char *label = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);
  g_return_val_if_fail (first != NULL && first->period.kind == SC_TARGET_PERIOD_MONTH, FALSE);

  if (last_month < first->period.start_day)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The last month comes before the first"));
      return FALSE;
    }
  months = sc_target_glide_path (first, last_month, end_value);
  edits = g_new0 (ScTargetEdit, months->len);
  for (guint i = 0; i < months->len; i++)
    edits[i].target = months->pdata[i];
  from = sc_target_period_format (&first->period);
  to = sc_target_period_format (&((ScTarget *) months->pdata[months->len - 1])->period);
  /* Translators: the targets of METRIC from MONTH to MONTH. */
  label = g_strdup_printf (_("Set the targets of %s from %s to %s"),
                           _(sc_metric_get (first->metric)->name), from, to);
  return sc_target_history_apply_targets (self, label, edits, months->len, error);
}

/**
 * sc_target_history_set_baseline:
 * @self: a history
 * @baseline: the baseline (its metric and segment say which)
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
sc_target_history_set_baseline (ScTargetHistory   *self,
                                const ScBaseline  *baseline,
                                GError           **error)
{
  ScBaselineEdit edit = { baseline, FALSE };
  g_autofree char *label = NULL;

  g_return_val_if_fail (baseline != NULL, FALSE);

  label = g_strdup_printf (_("Set the baseline of %s"), _(sc_metric_get (baseline->metric)->name));
  return sc_target_history_apply_baselines (self, label, &edit, 1, error);
}

/**
 * sc_target_history_unset_baseline:
 * @self: a history
 * @metric: the metric
 * @segment: (nullable): the canonical segment key
 * @error: return location for an error
 *
 * Returns: %TRUE on success (also when no such baseline was set)
 */
gboolean
sc_target_history_unset_baseline (ScTargetHistory  *self,
                                  ScMetricId        metric,
                                  const char       *segment,
                                  GError          **error)
{
  g_autoptr(ScBaseline) key = NULL;
  ScBaselineEdit edit;
  g_autofree char *label = NULL;

  g_return_val_if_fail (metric < SC_METRIC_N, FALSE);

  key = sc_baseline_new (metric, segment, SC_BASELINE_FIXED);
  edit = (ScBaselineEdit) { key, TRUE };
  label = g_strdup_printf (_("Remove the baseline of %s"), _(sc_metric_get (metric)->name));
  return sc_target_history_apply_baselines (self, label, &edit, 1, error);
}

/**
 * sc_target_history_undo:
 * @self: a history
 * @error: return location for an error
 *
 * Puts back what the newest operation changed, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_target_history_undo (ScTargetHistory  *self,
                        GError          **error)
{
  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);

  return replay (self, &self->undo, &self->redo, TRUE, error);
}

/**
 * sc_target_history_redo:
 * @self: a history
 * @error: return location for an error
 *
 * Does again the newest undone operation, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_target_history_redo (ScTargetHistory  *self,
                        GError          **error)
{
  g_return_val_if_fail (SC_IS_TARGET_HISTORY (self), FALSE);

  return replay (self, &self->redo, &self->undo, FALSE, error);
}

/**
 * sc_target_history_clear:
 * @self: a history
 *
 * Forgets every operation (e.g. when another store is opened).
 */
void
sc_target_history_clear (ScTargetHistory *self)
{
  g_return_if_fail (SC_IS_TARGET_HISTORY (self));

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  notify_all (self);
}
