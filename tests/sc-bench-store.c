/* sc-bench-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deterministic store the benchmarks measure on.
 */

#include "config.h"

#include "sc-bench-store.h"
#include "sc-calendar.h"

#define DAY 86400

static const char *channels[] = { "email", "chat", "phone", "social", "web" };
static const char *teams[] = { "Frontline", "Billing", "Technical", "Escalations", "Enterprise", "Social Care" };
static const char *priorities[] = { "low", "normal", "high", "urgent" };

static void
generate_row (ScInteraction *it,
              GRand         *rand,
              gint64         start,
              gint64         span,
              guint          i,
              guint          n,
              char          *id,
              char          *agent)
{
  gint64 frt = g_rand_int_range (rand, 1, 600) * g_rand_int_range (rand, 1, 30);

  sc_interaction_init (it);
  g_snprintf (id, 16, "%u", 100001 + i);
  g_snprintf (agent, 16, "agent%02d", g_rand_int_range (rand, 0, 60));
  it->external_id = id;
  it->created_at = start + (gint64) ((double) i / n * span);
  it->dims[SC_DIM_CHANNEL] = channels[g_rand_int_range (rand, 0, 5)];
  it->dims[SC_DIM_TEAM] = g_rand_int_range (rand, 0, 50) ? teams[g_rand_int_range (rand, 0, 6)] : NULL;
  it->dims[SC_DIM_AGENT] = agent;
  it->dims[SC_DIM_PRIORITY] = priorities[g_rand_int_range (rand, 0, 4)];
  it->resolved = g_rand_int_range (rand, 0, 100) < 92;
  it->agent_touches = g_rand_int_range (rand, 0, 5);
  if (g_rand_int_range (rand, 0, 100) < 92)
    {
      it->first_reply_s = frt / 60 * 60;
      it->first_reply_at = it->created_at + frt;
    }
  if (it->resolved)
    it->resolution_s = frt * g_rand_int_range (rand, 2, 40) / 60 * 60;
  it->sla_target_s = 3600 * g_rand_int_range (rand, 1, 8);
  it->abandoned = g_rand_int_range (rand, 0, 100) < 3;
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      it->csat = g_rand_int_range (rand, 1, 6);
      it->csat_scale = 5;
    }
  if (g_rand_int_range (rand, 0, 10) == 0)
    it->nps = g_rand_int_range (rand, 0, 11);
}

/**
 * sc_bench_fill_store:
 * @path: where to write the store
 * @n: how many interactions
 *
 * Writes @n interactions from November 2024 to October 2026, the same for
 * every run: five channels, six teams, sixty agents, four priorities, with
 * replies, resolutions, SLA targets and survey answers at realistic rates.
 */
void
sc_bench_fill_store (const char *path,
                     guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_CREATE, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  ScImportInfo info = { "bench.csv", "bench", "bench", "bench", NULL };
  ScStoreBatch *batch;
  gint64 start = (gint64) sc_calendar_day_from_ymd (2024, 11, 1) * DAY;
  gint64 span = (gint64) (sc_calendar_day_from_ymd (2026, 11, 1) * (gint64) DAY) - start;
  ScImportCounts counts = { 0 };
  char id[16], agent[16];

  g_assert_no_error (error);
  batch = sc_store_begin_import (store, &info, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      ScInteraction it;

      generate_row (&it, rand, start, span, i, n, id, agent);
      if (!sc_store_batch_add_interaction (batch, &it, NULL, &error))
        g_error ("%s", error->message);
    }
  counts.rows_read = n;
  if (!sc_store_batch_commit (batch, &counts, &error))
    g_error ("%s", error->message);
  sc_store_batch_free (batch);
}
