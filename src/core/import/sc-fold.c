/* sc-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One record per external id, grown row by row. Strings live in a string
 * chunk (a status or a team repeats, so each is kept once); a ticket's
 * events are kept as 16 bytes each until the file ends, when they are put
 * in time order to find when it was resolved and how often reopened.
 */

#include "config.h"

#include "sc-fold.h"

#include <string.h>

typedef struct
{
  gint64 at;
  guint  seq;        /* the row's place in the file, for ties */
  gint8  resolved;   /* 1, 0, or -1 when the row does not say */
  gint8  closed;
} Event;

typedef struct
{
  ScInteraction record;
  gint64        latest;          /* created_at of the row the latest values are from */
  guint         agent_parts;     /* segments with an agent */
  gboolean      touches_given;   /* a row gave agent_touches */
  GArray       *events;          /* Event, when folding events */
} Group;

struct _ScFolder
{
  ScFoldMode    mode;
  GStringChunk *strings;
  GHashTable   *by_id;    /* external id (in strings) → Group */
  GPtrArray    *groups;   /* Group, in the order first seen */
  guint64       n_rows;
};

#define INT_AT(record, offset) (*(gint64 *) ((guint8 *) (record) + (offset)))
#define F(field) G_STRUCT_OFFSET (ScInteraction, field)

/* Durations that add up over a call's segments. */
static const gsize summed[] = {
  F (handle_s), F (talk_s), F (hold_s), F (wrap_s), F (wait_s), F (replies), F (reopens),
};

/* Flags true of the call when true of any segment. */
static const gsize any_of[] = { F (escalated), F (sla_breached) };

/* Fields whose latest value is kept (the time of the row decides). */
static const gsize latest[] = {
  F (resolved), F (replies), F (reopens), F (agent_touches), F (contacts),
  F (first_reply_s), F (first_reply_bh_s), F (resolution_s), F (resolution_bh_s),
  F (handle_s), F (talk_s), F (hold_s), F (wrap_s), F (wait_s),
  F (sla_target_s), F (sla_breached), F (abandoned), F (escalated), F (self_service),
  F (survey_offered), F (csat), F (csat_scale), F (nps), F (ces), F (ces_scale),
};

static const char * const mode_names[] = { "none", "segments", "events" };

gboolean
sc_fold_mode_from_string (const char *name,
                          ScFoldMode *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (name, mode_names[i]) == 0)
      {
        *mode = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_fold_mode_to_string (ScFoldMode mode)
{
  g_return_val_if_fail ((guint) mode < G_N_ELEMENTS (mode_names), NULL);
  return mode_names[mode];
}

static void
group_free (gpointer data)
{
  Group *group = data;

  if (group->events != NULL)
    g_array_unref (group->events);
  g_free (group);
}

/**
 * sc_folder_new:
 * @mode: how rows fold, not %SC_FOLD_NONE
 *
 * Returns: (transfer full): an empty folder
 */
ScFolder *
sc_folder_new (ScFoldMode mode)
{
  ScFolder *self = g_new0 (ScFolder, 1);

  g_return_val_if_fail (mode == SC_FOLD_SEGMENTS || mode == SC_FOLD_EVENTS, self);
  self->mode = mode;
  self->strings = g_string_chunk_new (64 * 1024);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  return self;
}

void
sc_folder_free (ScFolder *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->groups);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static const char *
keep (ScFolder   *self,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

/* Copies the values @row has onto @record: all of them when @row is the
 * latest, only those @record lacks otherwise. */
static void
overlay (ScFolder            *self,
         ScInteraction       *record,
         const ScInteraction *row,
         gboolean             is_latest)
{
  for (guint i = 0; i < G_N_ELEMENTS (latest); i++)
    if (INT_AT (row, latest[i]) != SC_MISSING &&
        (is_latest || INT_AT (record, latest[i]) == SC_MISSING))
      INT_AT (record, latest[i]) = INT_AT (row, latest[i]);
  for (guint d = 0; d < SC_DIM_MAX; d++)
    if (row->dims[d] != NULL && (is_latest || record->dims[d] == NULL))
      record->dims[d] = keep (self, row->dims[d]);
  if (row->customer_id != NULL && (is_latest || record->customer_id == NULL))
    record->customer_id = keep (self, row->customer_id);
  if (row->subject != NULL && (is_latest || record->subject == NULL))
    record->subject = keep (self, row->subject);
  if (is_latest)
    record->kind = row->kind;
}

typedef enum
{
  LEAST,
  GREATEST,
  SUM,
} Combine;

/* Two values of a field together, a missing one being no value. */
static gint64
combine (gint64  a,
         gint64  b,
         Combine how)
{
  if (a == SC_MISSING)
    return b;
  if (b == SC_MISSING)
    return a;
  switch (how)
    {
    case LEAST:
      return MIN (a, b);
    case GREATEST:
      return MAX (a, b);
    case SUM:
    default:
      return a + b;
    }
}

/* What spans or adds up over a call's segments, whatever their order. */
static void
fold_segment (Group               *group,
              const ScInteraction *row,
              const ScInteraction *before)
{
  ScInteraction *record = &group->record;

  record->created_at = combine (before->created_at, row->created_at, LEAST);
  record->first_reply_at = combine (before->first_reply_at, row->first_reply_at, LEAST);
  record->resolved_at = combine (before->resolved_at, row->resolved_at, GREATEST);
  record->closed_at = combine (before->closed_at, row->closed_at, GREATEST);
  for (guint i = 0; i < G_N_ELEMENTS (summed); i++)
    INT_AT (record, summed[i]) = combine (INT_AT (before, summed[i]), INT_AT (row, summed[i]),
                                          SUM);
  for (guint i = 0; i < G_N_ELEMENTS (any_of); i++)
    INT_AT (record, any_of[i]) = combine (INT_AT (before, any_of[i]), INT_AT (row, any_of[i]),
                                          GREATEST);
  /* Abandoned only when no segment reached an agent. */
  record->abandoned = combine (before->abandoned, row->abandoned, LEAST);
  if (row->agent_touches != SC_MISSING)
    {
      record->agent_touches = group->touches_given
        ? combine (before->agent_touches, row->agent_touches, SUM) : row->agent_touches;
      group->touches_given = TRUE;
    }
}

static gboolean
is_closed_status (const char *status)
{
  g_autofree char *folded = NULL;

  if (status == NULL)
    return FALSE;
  folded = g_utf8_casefold (status, -1);
  return g_str_has_prefix (folded, "closed");
}

/**
 * sc_folder_add:
 * @self: a folder
 * @row: a row of the export, with its external id; its strings are
 *   copied
 *
 * Folds @row into the record of its external id.
 */
void
sc_folder_add (ScFolder            *self,
               const ScInteraction *row)
{
  Group *group;

  g_return_if_fail (self != NULL && row != NULL && row->external_id != NULL);

  self->n_rows++;
  group = g_hash_table_lookup (self->by_id, row->external_id);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->record = *row;
      group->record.external_id = keep (self, row->external_id);
      memset (group->record.dims, 0, sizeof group->record.dims);
      group->record.customer_id = group->record.subject = NULL;
      overlay (self, &group->record, row, TRUE);
      group->latest = row->created_at;
      group->touches_given = row->agent_touches != SC_MISSING;
      if (self->mode == SC_FOLD_EVENTS)
        group->events = g_array_new (FALSE, FALSE, sizeof (Event));
      g_hash_table_insert (self->by_id, (gpointer) group->record.external_id, group);
      g_ptr_array_add (self->groups, group);
    }
  else
    {
      ScInteraction before = group->record;
      gboolean is_latest = row->created_at >= group->latest;

      overlay (self, &group->record, row, is_latest);
      if (is_latest)
        group->latest = row->created_at;
      if (self->mode == SC_FOLD_SEGMENTS)
        fold_segment (group, row, &before);
      else
        {
          group->record.created_at = combine (before.created_at, row->created_at, LEAST);
          group->record.first_reply_at = combine (before.first_reply_at, row->first_reply_at, LEAST);
          group->record.resolved_at = combine (before.resolved_at, row->resolved_at, LEAST);
          group->record.closed_at = combine (before.closed_at, row->closed_at, LEAST);
        }
    }
  if (row->dims[SC_DIM_AGENT] != NULL)
    group->agent_parts++;
  if (self->mode == SC_FOLD_EVENTS)
    {
      Event event = {
        .at = row->created_at,
        .seq = (guint) self->n_rows,
        .resolved = row->resolved == SC_MISSING ? -1 : row->resolved != 0,
        .closed = is_closed_status (row->dims[SC_DIM_STATUS]),
      };

      g_array_append_val (group->events, event);
    }
}

guint64
sc_folder_get_n_rows (ScFolder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
sc_folder_get_n_records (ScFolder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->groups->len;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A ticket's life from its events in time order: resolved at the first
 * resolved state (or as a row said), reopened each time one is left,
 * resolved when the last known state is, closed at the first closed
 * status. */
static void
finish_events (Group         *group,
               ScInteraction *record)
{
  GArray *events = group->events;
  gint8 state = -1;
  gint64 reopens = 0, resolved_at = SC_MISSING, closed_at = SC_MISSING;

  g_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      const Event *event = &g_array_index (events, Event, i);

      if (event->resolved == 1 && resolved_at == SC_MISSING)
        resolved_at = event->at;
      if (event->resolved == 0 && state == 1)
        reopens++;
      if (event->resolved != -1)
        state = event->resolved;
      if (event->closed && closed_at == SC_MISSING)
        closed_at = event->at;
    }
  record->created_at = g_array_index (events, Event, 0).at;
  if (resolved_at != SC_MISSING)
    record->resolved_at = combine (record->resolved_at, resolved_at, LEAST);
  if (closed_at != SC_MISSING)
    record->closed_at = combine (record->closed_at, closed_at, LEAST);
  if (state != -1)
    {
      record->resolved = state;
      record->reopens = reopens;
    }
}

/**
 * sc_folder_foreach:
 * @self: a folder
 * @func: called with each folded record, in the order their ids first
 *   came; %FALSE (with @error set) stops
 * @user_data: for @func
 * @error: return location for @func's error
 *
 * Returns: %FALSE when @func stopped
 */
gboolean
sc_folder_foreach (ScFolder      *self,
                   ScFolderFunc   func,
                   gpointer       user_data,
                   GError       **error)
{
  g_return_val_if_fail (self != NULL && func != NULL, FALSE);

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = self->groups->pdata[i];
      ScInteraction record = group->record;

      if (self->mode == SC_FOLD_EVENTS)
        finish_events (group, &record);
      else if (!group->touches_given && group->agent_parts > 0)
        record.agent_touches = group->agent_parts;
      if (!func (&record, user_data, error))
        return FALSE;
    }
  return TRUE;
}
