/* sc-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One record per external id, grown row by row, with its strings in a
 * chunk of its own; a ticket's events are kept as 16 bytes each until its
 * last row, when they are put in time order to find when it was resolved
 * and how often reopened.
 *
 * A first read of the file counts the rows of each id (a 64-bit hash and
 * a count, 24 bytes per id in all). A row whose id comes once is folded
 * alone and written at once; the record of an id with several rows is
 * finished and written as its last row comes, and forgotten. The memory
 * thus holds the interactions still open at a point of the file (the
 * transferred calls of the moment, a log's tickets in progress), not
 * every one of the file. A hash shared by two ids only keeps their rows
 * until the file ends; so does an id the first read did not count.
 */

#include "config.h"

#include "sc-fold.h"

#include <stdlib.h>
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
  GStringChunk *strings;         /* of @record */
  GList         link;            /* in ScFolder.groups */
  gint64        latest;          /* created_at of the row the latest values are from */
  guint         agent_parts;     /* segments with an agent */
  gboolean      touches_given;   /* a row gave agent_touches */
  GArray       *events;          /* Event, when folding events */
} Group;

struct _ScFolder
{
  ScFoldMode    mode;
  GHashTable   *by_id;     /* external id (the group's) → Group */
  GQueue        groups;    /* Group, in the order first seen */
  guint64       n_rows;
  guint64       n_single;  /* rows folded alone */
  guint64       n_done;    /* records finished before the end of the file */
  guint64      *ids;       /* open addressing: an id's hash, REPEATED when it came again */
  guint32      *counts;    /* rows of ids[i] the first read found, less those folded */
  gsize         ids_size;  /* a power of two, or 0 before any id is counted */
  gsize         n_ids;
};

#define REPEATED (G_GUINT64_CONSTANT (1) << 63)

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
  g_string_chunk_free (group->strings);
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
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->groups);
  return self;
}

void
sc_folder_free (ScFolder *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  while (self->groups.head != NULL)
    {
      GList *link = self->groups.head;

      g_queue_unlink (&self->groups, link);
      group_free (link->data);
    }
  g_free (self->ids);
  g_free (self->counts);
  g_free (self);
}

/* @text, kept with @group's strings unless @current is the same. */
static const char *
keep (Group      *group,
      const char *current,
      const char *text)
{
  if (text == NULL || g_strcmp0 (current, text) == 0)
    return text != NULL ? current : NULL;
  return g_string_chunk_insert (group->strings, text);
}

/* Copies the values @row has onto @group's record: all of them when @row
 * is the latest, only those the record lacks otherwise. */
static void
overlay (Group               *group,
         const ScInteraction *row,
         gboolean             is_latest)
{
  ScInteraction *record = &group->record;

  for (guint i = 0; i < G_N_ELEMENTS (latest); i++)
    if (INT_AT (row, latest[i]) != SC_MISSING &&
        (is_latest || INT_AT (record, latest[i]) == SC_MISSING))
      INT_AT (record, latest[i]) = INT_AT (row, latest[i]);
  for (guint d = 0; d < SC_DIM_MAX; d++)
    if (row->dims[d] != NULL && (is_latest || record->dims[d] == NULL))
      record->dims[d] = keep (group, record->dims[d], row->dims[d]);
  if (row->customer_id != NULL && (is_latest || record->customer_id == NULL))
    record->customer_id = keep (group, record->customer_id, row->customer_id);
  if (row->subject != NULL && (is_latest || record->subject == NULL))
    record->subject = keep (group, record->subject, row->subject);
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

/* The instants of two parts of one interaction: it starts and first
 * replies at the earliest, and is resolved and closed at the @ends of
 * theirs (a call's last segment, a ticket's first such event). */
static void
fold_times (ScInteraction       *record,
            const ScInteraction *before,
            const ScInteraction *row,
            Combine              ends)
{
  record->created_at = combine (before->created_at, row->created_at, LEAST);
  record->first_reply_at = combine (before->first_reply_at, row->first_reply_at, LEAST);
  record->resolved_at = combine (before->resolved_at, row->resolved_at, ends);
  record->closed_at = combine (before->closed_at, row->closed_at, ends);
}

/* What spans or adds up over a call's segments, whatever their order. */
static void
fold_segment (Group               *group,
              const ScInteraction *row,
              const ScInteraction *before)
{
  ScInteraction *record = &group->record;

  fold_times (record, before, row, GREATEST);
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

/* An id's slot key: 63 bits of FNV-1a, never 0 (an empty slot). */
static guint64
id_key (const char *id,
        gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) id[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return (h >> 1) | 1;
}

static gsize
find_slot (const guint64 *ids,
           gsize          size,
           guint64        key)
{
  gsize i = key & (size - 1);

  while (ids[i] != 0 && (ids[i] & ~REPEATED) != key)
    i = (i + 1) & (size - 1);
  return i;
}

static void
grow_ids (ScFolder *self)
{
  gsize size = self->ids_size ? self->ids_size * 2 : 1024;
  guint64 *ids = g_new0 (guint64, size);
  guint32 *counts = g_new0 (guint32, size);

  for (gsize i = 0; i < self->ids_size; i++)
    if (self->ids[i] != 0)
      {
        gsize slot = find_slot (ids, size, self->ids[i] & ~REPEATED);

        ids[slot] = self->ids[i];
        counts[slot] = self->counts[i];
      }
  g_free (self->ids);
  g_free (self->counts);
  self->ids = ids;
  self->counts = counts;
  self->ids_size = size;
}

/**
 * sc_folder_count_id:
 * @self: a folder
 * @id: an external id as a row of the file has it
 * @len: its length
 *
 * Counts a row's id in a first read of the file, so that only the rows
 * of ids that come more than once are kept to be folded
 * (sc_folder_id_repeats()), and only until the last of them
 * (sc_folder_add()).
 */
void
sc_folder_count_id (ScFolder   *self,
                    const char *id,
                    gsize       len)
{
  guint64 key = id_key (id, len);
  gsize slot;

  g_return_if_fail (self != NULL);

  if (2 * (self->n_ids + 1) > self->ids_size)
    grow_ids (self);
  slot = find_slot (self->ids, self->ids_size, key);
  if (self->ids[slot] == 0)
    {
      self->ids[slot] = key;
      self->n_ids++;
    }
  else
    self->ids[slot] |= REPEATED;
  if (self->counts[slot] < G_MAXUINT32)
    self->counts[slot]++;
}

/* The slot of @id's count, or -1 when the first read did not count it. */
static gssize
counted_slot (ScFolder   *self,
              const char *id)
{
  gsize slot;

  if (self->ids_size == 0)
    return -1;
  slot = find_slot (self->ids, self->ids_size, id_key (id, strlen (id)));
  return self->ids[slot] != 0 ? (gssize) slot : -1;
}

/**
 * sc_folder_id_repeats:
 * @self: a folder
 * @id: an external id
 *
 * Returns: whether @id came more than once in the first read, or %TRUE
 *   when that did not count it (the row is then kept to be folded)
 */
gboolean
sc_folder_id_repeats (ScFolder   *self,
                      const char *id)
{
  gssize slot;

  g_return_val_if_fail (self != NULL && id != NULL, TRUE);

  slot = counted_slot (self, id);
  return slot < 0 || (self->ids[slot] & REPEATED) != 0;
}

/* "Closed", "Closed Complete", "closed (duplicate)"… */
static gboolean
is_closed_status (const char *status)
{
  return status != NULL && g_ascii_strncasecmp (status, "closed", 6) == 0;
}

static Event
make_event (ScFolder            *self,
            const ScInteraction *row)
{
  Event event = {
    .at = row->created_at,
    .seq = (guint) self->n_rows,
    .resolved = row->resolved == SC_MISSING ? -1 : row->resolved != 0,
    .closed = is_closed_status (row->dims[SC_DIM_STATUS]),
  };

  return event;
}

static void finish_group (ScFolder      *self,
                          Group         *group,
                          ScInteraction *record);

/**
 * sc_folder_add:
 * @self: a folder
 * @row: a row of the export, with its external id; its strings are
 *   copied
 * @func: called with the record of @row's id when this was the last of
 *   the rows the first read counted; %FALSE (with @error set) stops
 * @user_data: for @func
 * @error: return location for @func's error
 *
 * Folds @row into the record of its external id, and hands the record to
 * @func and forgets it once all its rows are in.
 *
 * Returns: %FALSE when @func failed
 */
gboolean
sc_folder_add (ScFolder             *self,
               const ScInteraction  *row,
               ScFolderFunc          func,
               gpointer              user_data,
               GError              **error)
{
  Group *group;
  gssize slot;

  g_return_val_if_fail (self != NULL && row != NULL && row->external_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  self->n_rows++;
  group = g_hash_table_lookup (self->by_id, row->external_id);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->strings = g_string_chunk_new (256);
      group->link.data = group;
      group->record = *row;
      group->record.external_id = g_string_chunk_insert (group->strings, row->external_id);
      memset (group->record.dims, 0, sizeof group->record.dims);
      group->record.customer_id = group->record.subject = NULL;
      overlay (group, row, TRUE);
      group->latest = row->created_at;
      group->touches_given = row->agent_touches != SC_MISSING;
      if (self->mode == SC_FOLD_EVENTS)
        group->events = g_array_new (FALSE, FALSE, sizeof (Event));
      g_hash_table_insert (self->by_id, (gpointer) group->record.external_id, group);
      g_queue_push_tail_link (&self->groups, &group->link);
    }
  else
    {
      ScInteraction before = group->record;
      gboolean is_latest = row->created_at >= group->latest;

      overlay (group, row, is_latest);
      if (is_latest)
        group->latest = row->created_at;
      if (self->mode == SC_FOLD_SEGMENTS)
        fold_segment (group, row, &before);
      else
        fold_times (&group->record, &before, row, LEAST);
    }
  if (row->dims[SC_DIM_AGENT] != NULL)
    group->agent_parts++;
  if (self->mode == SC_FOLD_EVENTS)
    {
      Event event = make_event (self, row);

      g_array_append_val (group->events, event);
    }

  /* The last row of the id: the record is done. (With two ids of one
   * hash, the count runs out at the last row of both, and the other
   * waits for the end of the file; so does an id of more rows than a
   * count holds.) */
  slot = counted_slot (self, row->external_id);
  if (slot >= 0 && self->counts[slot] > 0 && self->counts[slot] < G_MAXUINT32
      && --self->counts[slot] == 0)
    {
      ScInteraction record;
      gboolean ok;

      finish_group (self, group, &record);
      ok = func (&record, user_data, error);
      g_hash_table_remove (self->by_id, group->record.external_id);
      g_queue_unlink (&self->groups, &group->link);
      group_free (group);
      self->n_done++;
      return ok;
    }
  return TRUE;
}

guint64
sc_folder_get_n_rows (ScFolder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

/* The interactions the rows made: those kept and those folded alone. */
guint64
sc_folder_get_n_records (ScFolder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_done + self->groups.length + self->n_single;
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
finish_events (Event         *events,
               guint          n_events,
               ScInteraction *record)
{
  gint8 state = -1;
  gint64 reopens = 0, resolved_at = SC_MISSING, closed_at = SC_MISSING;

  qsort (events, n_events, sizeof (Event), compare_events);
  for (guint i = 0; i < n_events; i++)
    {
      const Event *event = &events[i];

      if (event->resolved == 1 && resolved_at == SC_MISSING)
        resolved_at = event->at;
      if (event->resolved == 0 && state == 1)
        reopens++;
      if (event->resolved != -1)
        state = event->resolved;
      if (event->closed && closed_at == SC_MISSING)
        closed_at = event->at;
    }
  record->created_at = events[0].at;
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

/* The record of an id once all its rows are in: its life from its
 * events, or the agents of its segments when no row counted them. */
static void
finish (ScFolder      *self,
        Event         *events,
        guint          n_events,
        gboolean       touches_given,
        guint          agent_parts,
        ScInteraction *record)
{
  if (self->mode == SC_FOLD_EVENTS)
    finish_events (events, n_events, record);
  else if (!touches_given && agent_parts > 0)
    record->agent_touches = agent_parts;
}

/**
 * sc_folder_fold_one:
 * @self: a folder
 * @row: the only row of its id
 * @record: (out): what the row makes, its strings borrowed from @row
 *
 * Folds a row alone, as sc_folder_foreach() would were it the only row of
 * its id, without keeping anything of it.
 */
void
sc_folder_fold_one (ScFolder            *self,
                    const ScInteraction *row,
                    ScInteraction       *record)
{
  Event event;

  g_return_if_fail (self != NULL && row != NULL && record != NULL);

  self->n_rows++;
  self->n_single++;
  *record = *row;
  event = make_event (self, row);
  finish (self, &event, 1, row->agent_touches != SC_MISSING, row->dims[SC_DIM_AGENT] != NULL,
          record);
}

/* The finished record of @group, its strings borrowed from it. */
static void
finish_group (ScFolder      *self,
              Group         *group,
              ScInteraction *record)
{
  *record = group->record;
  finish (self, group->events != NULL ? (Event *) (void *) group->events->data : NULL,
          group->events != NULL ? group->events->len : 0, group->touches_given,
          group->agent_parts, record);
}

/**
 * sc_folder_foreach:
 * @self: a folder
 * @func: called with each record still kept (whose rows did not all come
 *   as the first read counted them), in the order their ids first came;
 *   %FALSE (with @error set) stops
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

  for (GList *l = self->groups.head; l != NULL; l = l->next)
    {
      ScInteraction record;

      finish_group (self, l->data, &record);
      if (!func (&record, user_data, error))
        return FALSE;
    }
  return TRUE;
}
