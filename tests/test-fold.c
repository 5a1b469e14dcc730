/* test-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folding of rows into interactions, rule by rule: what spans, adds
 * up or is kept of a call's segments whatever their order, and a ticket's
 * life from its events.
 */

#include "config.h"

#include "sc-fold.h"

#include <gio/gio.h>
#include <string.h>

static ScInteraction
row (const char *id,
     gint64      created_at)
{
  ScInteraction it;

  sc_interaction_init (&it);
  it.external_id = id;
  it.created_at = created_at;
  return it;
}

static gboolean
collect_cb (const ScInteraction  *record,
            gpointer              user_data,
            GError              **error)
{
  g_array_append_val (user_data, *record);
  return TRUE;
}

/* For folders that counted no ids, which finish nothing before the end. */
static gboolean
never_cb (const ScInteraction  *record,
          gpointer              user_data,
          GError              **error)
{
  g_assert_not_reached ();
  return FALSE;
}

static void
add (ScFolder            *folder,
     const ScInteraction *it)
{
  g_assert_true (sc_folder_add (folder, it, never_cb, NULL, NULL));
}

static GArray *
fold_all (ScFolder *folder)
{
  GArray *records = g_array_new (FALSE, FALSE, sizeof (ScInteraction));

  g_assert_true (sc_folder_foreach (folder, collect_cb, records, NULL));
  return records;
}

static void
test_modes (void)
{
  ScFoldMode mode = SC_FOLD_NONE;

  g_assert_true (sc_fold_mode_from_string ("events", &mode));
  g_assert_cmpint (mode, ==, SC_FOLD_EVENTS);
  g_assert_true (sc_fold_mode_from_string ("segments", &mode));
  g_assert_cmpint (mode, ==, SC_FOLD_SEGMENTS);
  g_assert_false (sc_fold_mode_from_string ("Segments", &mode));
  g_assert_false (sc_fold_mode_from_string (NULL, &mode));
  g_assert_cmpstr (sc_fold_mode_to_string (SC_FOLD_EVENTS), ==, "events");
}

/* Segments in any order: the span, the sums (a missing value adds
 * nothing), abandoned only when every segment is, the latest segment's
 * agent and team, agents counted when no row counts them. */
static void
test_segments (void)
{
  g_autoptr(ScFolder) folder = sc_folder_new (SC_FOLD_SEGMENTS);
  g_autoptr(GArray) records = NULL;
  ScInteraction late = row ("A", 200), early = row ("A", 100), lone = row ("B", 50);
  ScInteraction gone1 = row ("C", 10), gone2 = row ("C", 20);
  char agent[] = "Lia";
  const ScInteraction *a, *b, *c;

  late.closed_at = 260;
  late.talk_s = 50;
  late.abandoned = 0;
  late.dims[SC_DIM_AGENT] = agent;
  late.dims[SC_DIM_TEAM] = "Escalations";
  early.closed_at = 190;
  early.talk_s = 80;
  early.hold_s = 5;
  early.abandoned = 1;
  early.dims[SC_DIM_AGENT] = "Kai";
  early.dims[SC_DIM_TEAM] = "Billing";
  early.csat = 4;
  early.csat_scale = 5;
  lone.abandoned = 1;
  gone1.abandoned = 1;
  gone2.abandoned = 1;
  gone2.escalated = 1;

  add (folder, &late);
  /* The folder keeps its own copy of the strings. */
  agent[0] = 'X';
  add (folder, &lone);
  add (folder, &early);
  add (folder, &gone1);
  add (folder, &gone2);
  g_assert_cmpuint (sc_folder_get_n_rows (folder), ==, 5);
  g_assert_cmpuint (sc_folder_get_n_records (folder), ==, 3);

  records = fold_all (folder);
  g_assert_cmpuint (records->len, ==, 3);
  a = &g_array_index (records, ScInteraction, 0);
  b = &g_array_index (records, ScInteraction, 1);
  c = &g_array_index (records, ScInteraction, 2);
  g_assert_cmpstr (a->external_id, ==, "A");
  g_assert_cmpint (a->created_at, ==, 100);
  g_assert_cmpint (a->closed_at, ==, 260);
  g_assert_cmpint (a->talk_s, ==, 130);
  g_assert_cmpint (a->hold_s, ==, 5);
  g_assert_cmpint (a->wait_s, ==, SC_MISSING);
  g_assert_cmpint (a->abandoned, ==, 0);
  g_assert_cmpstr (a->dims[SC_DIM_AGENT], ==, "Lia");
  g_assert_cmpstr (a->dims[SC_DIM_TEAM], ==, "Escalations");
  g_assert_cmpint (a->agent_touches, ==, 2);
  /* An earlier segment's value fills what the latest lacks. */
  g_assert_cmpint (a->csat, ==, 4);
  g_assert_cmpint (a->csat_scale, ==, 5);
  g_assert_cmpstr (b->external_id, ==, "B");
  g_assert_cmpint (b->abandoned, ==, 1);
  g_assert_cmpint (b->agent_touches, ==, SC_MISSING);
  g_assert_cmpint (c->abandoned, ==, 1);
  g_assert_cmpint (c->escalated, ==, 1);
}

/* A ticket's events out of file order: resolved at the first resolved
 * state, reopened twice, open at the end; a tie in time goes by the
 * file's order; a case whose events say nothing of its state keeps what
 * its rows said. */
static void
test_events (void)
{
  g_autoptr(ScFolder) folder = sc_folder_new (SC_FOLD_EVENTS);
  g_autoptr(GArray) records = NULL;
  struct { gint64 at; gint64 resolved; const char *status; } events[] = {
    { 300, 1, "Resolved" }, { 100, 0, "New" }, { 400, 0, "Reopened" },
    { 500, 1, "Closed" }, { 500, 0, "Reopened" }, { 200, 0, "In progress" },
  };
  const ScInteraction *t, *u;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      ScInteraction it = row ("T", events[i].at);

      it.resolved = events[i].resolved;
      it.dims[SC_DIM_STATUS] = events[i].status;
      add (folder, &it);
    }
  for (gint64 at = 10; at <= 30; at += 10)
    {
      ScInteraction it = row ("U", at);

      it.replies = at / 10;
      add (folder, &it);
    }

  records = fold_all (folder);
  g_assert_cmpuint (records->len, ==, 2);
  t = &g_array_index (records, ScInteraction, 0);
  g_assert_cmpint (t->created_at, ==, 100);
  g_assert_cmpint (t->resolved_at, ==, 300);
  g_assert_cmpint (t->closed_at, ==, 500);
  g_assert_cmpint (t->reopens, ==, 2);
  g_assert_cmpint (t->resolved, ==, 0);
  /* The last row in time (and in the file, of the two at 500). */
  g_assert_cmpstr (t->dims[SC_DIM_STATUS], ==, "Reopened");
  u = &g_array_index (records, ScInteraction, 1);
  g_assert_cmpint (u->created_at, ==, 10);
  g_assert_cmpint (u->resolved, ==, SC_MISSING);
  g_assert_cmpint (u->reopens, ==, SC_MISSING);
  g_assert_cmpint (u->replies, ==, 3);
}

/* A first read counts the ids: only those that come again are kept; a
 * row whose id comes once folds alone, as it would have kept. */
static void
test_single_rows (void)
{
  g_autoptr(ScFolder) folder = sc_folder_new (SC_FOLD_EVENTS);
  g_autoptr(ScFolder) calls = sc_folder_new (SC_FOLD_SEGMENTS);
  ScInteraction done = row ("S-1", 100), call = row ("C-1", 5), one;
  char id[16];

  /* Before any id is counted, every row is kept. */
  g_assert_true (sc_folder_id_repeats (folder, "S-1"));
  for (guint i = 0; i < 5000; i++)
    {
      g_snprintf (id, sizeof id, "T-%u", i);
      sc_folder_count_id (folder, id, strlen (id));
    }
  sc_folder_count_id (folder, "T-7", 3);
  sc_folder_count_id (folder, "S-1x", 3);   /* the first three bytes */
  g_assert_true (sc_folder_id_repeats (folder, "T-7"));
  g_assert_false (sc_folder_id_repeats (folder, "T-8"));
  g_assert_false (sc_folder_id_repeats (folder, "S-1"));
  g_assert_false (sc_folder_id_repeats (folder, "T-4999"));

  done.resolved = 1;
  done.dims[SC_DIM_STATUS] = "Closed";
  sc_folder_fold_one (folder, &done, &one);
  g_assert_cmpint (one.resolved_at, ==, 100);
  g_assert_cmpint (one.closed_at, ==, 100);
  g_assert_cmpint (one.reopens, ==, 0);
  g_assert_cmpint (one.resolved, ==, 1);
  g_assert_cmpuint (sc_folder_get_n_rows (folder), ==, 1);
  g_assert_cmpuint (sc_folder_get_n_records (folder), ==, 1);

  call.dims[SC_DIM_AGENT] = "Kai";
  sc_folder_fold_one (calls, &call, &one);
  g_assert_cmpint (one.agent_touches, ==, 1);
  g_assert_cmpstr (one.external_id, ==, "C-1");
}

/* Appends what a finished record says, as "id created resolved reopens
 * status;" (its strings are the folder's only during the call). */
static gboolean
describe_cb (const ScInteraction  *record,
             gpointer              user_data,
             GError              **error)
{
  g_string_append_printf (user_data, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %s;", record->external_id,
                          record->created_at, record->resolved_at, record->reopens,
                          record->dims[SC_DIM_STATUS]);
  return TRUE;
}

static gboolean
fail_cb (const ScInteraction  *record,
         gpointer              user_data,
         GError              **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no room");
  return FALSE;
}

/* With the ids counted, a record is finished and handed over at the last
 * row of its id, not kept until the end; an id the count missed is. */
static void
test_finished_early (void)
{
  g_autoptr(ScFolder) folder = sc_folder_new (SC_FOLD_EVENTS);
  g_autoptr(GString) done = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  struct { const char *id; gint64 at; gint64 resolved; const char *status; } rows[] = {
    { "A", 100, 0, "New" }, { "B", 110, 0, "New" }, { "A", 200, 1, "Solved" },
    { "B", 120, 1, "Solved" }, { "D", 130, 0, "New" }, { "A", 300, 0, "Reopened" },
    { "D", 140, 1, "Solved" },
  };
  const char *after[] = {
    "", "", "", "B 110 120 0 Solved;", "B 110 120 0 Solved;",
    "B 110 120 0 Solved;A 100 200 1 Reopened;", "B 110 120 0 Solved;A 100 200 1 Reopened;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!g_str_equal (rows[i].id, "D"))
      sc_folder_count_id (folder, rows[i].id, 1);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ScInteraction it = row (rows[i].id, rows[i].at);
      char status[16];

      /* The folder copies the strings it keeps. */
      g_strlcpy (status, rows[i].status, sizeof status);
      it.resolved = rows[i].resolved;
      it.dims[SC_DIM_STATUS] = status;
      g_assert_true (sc_folder_id_repeats (folder, rows[i].id));
      g_assert_true (sc_folder_add (folder, &it, describe_cb, done, &error));
      g_assert_no_error (error);
      memset (status, 'x', sizeof status - 1);
      g_assert_cmpstr (done->str, ==, after[i]);
    }
  g_assert_cmpuint (sc_folder_get_n_records (folder), ==, 3);
  g_assert_cmpuint (sc_folder_get_n_rows (folder), ==, 7);
  /* Only the uncounted id is left. */
  g_string_truncate (done, 0);
  g_assert_true (sc_folder_foreach (folder, describe_cb, done, &error));
  g_assert_cmpstr (done->str, ==, "D 130 140 0 Solved;");

  /* The callback's failure is the add's. */
  {
    g_autoptr(ScFolder) other = sc_folder_new (SC_FOLD_SEGMENTS);
    ScInteraction it = row ("E", 1);

    sc_folder_count_id (other, "E", 1);
    sc_folder_count_id (other, "E", 1);
    g_assert_true (sc_folder_add (other, &it, fail_cb, NULL, &error));
    g_assert_false (sc_folder_add (other, &it, fail_cb, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorecard/fold/modes", test_modes);
  g_test_add_func ("/scorecard/fold/segments", test_segments);
  g_test_add_func ("/scorecard/fold/events", test_events);
  g_test_add_func ("/scorecard/fold/single-rows", test_single_rows);
  g_test_add_func ("/scorecard/fold/finished-early", test_finished_early);
  return g_test_run ();
}
