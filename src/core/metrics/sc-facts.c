/* sc-facts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sc-facts-private.h"
#include "sc-store-facts.h"

#define SECONDS_PER_DAY 86400

typedef struct
{
  ScFacts                *facts;
  const ScMetricSettings *settings;
  gint32                 *dense;          /* store value id → dense code */
  gsize                   n_dense;
  guint8                 *status_resolved;
  gint64                 *sla_by_priority;
  GHashTable             *customer_codes;
  gint32                 *customer;       /* per row, for the no-repeat rule */
  GArray                 *tags;
  gint64                 *row_id;         /* per row, when there are custom dimensions */
  guint                   i;
  gboolean                sorted;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_free (loader->dense);
  g_free (loader->status_resolved);
  g_free (loader->sla_by_priority);
  g_clear_pointer (&loader->customer_codes, g_hash_table_unref);
  g_free (loader->customer);
  g_free (loader->row_id);
  if (loader->tags != NULL)
    g_array_unref (loader->tags);
}

static void
allocate_columns (ScFacts *facts,
                  guint    n)
{
  facts->created = g_new (gint64, MAX (n, 1));
  facts->day = g_new (gint32, MAX (n, 1));
  facts->resolved_day = g_new (gint32, MAX (n, 1));
  for (guint d = 0; d < facts->n_dims; d++)
    if (!sc_dimension_is_multi (d))
      facts->codes[d] = g_new0 (gint32, MAX (n, 1));
  facts->tag_start = g_new0 (guint32, n + 1);
  facts->frt = g_new (gint32, MAX (n, 1));
  facts->res = g_new (gint32, MAX (n, 1));
  facts->aht = g_new (gint32, MAX (n, 1));
  facts->wait = g_new (gint32, MAX (n, 1));
  facts->flags = g_new (guint16, MAX (n, 1));
  facts->csat = g_new (guint8, MAX (n, 1));
  facts->csat_scale = g_new (guint8, MAX (n, 1));
  facts->nps = g_new (guint8, MAX (n, 1));
  facts->ces = g_new (guint8, MAX (n, 1));
}

static void
free_columns (ScFacts *facts)
{
  ScFactsColumn columns[SC_FACTS_MAX_COLUMNS];
  guint n_columns = _sc_facts_list_columns (facts, columns);

  for (guint c = 0; c < n_columns; c++)
    g_clear_pointer (columns[c].data, g_free);
}

/**
 * sc_facts_new:
 *
 * Returns: (transfer full): an empty cache with one reference, for the
 *   loaders to fill
 */
ScFacts *
sc_facts_new (void)
{
  ScFacts *facts = g_new0 (ScFacts, 1);

  facts->n_dims = SC_DIM_N_BUILTIN;
  g_atomic_ref_count_init (&facts->ref_count);
  return facts;
}

ScFacts *
sc_facts_ref (ScFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);

  g_atomic_ref_count_inc (&facts->ref_count);
  return facts;
}

void
sc_facts_unref (ScFacts *facts)
{
  if (facts == NULL || !g_atomic_ref_count_dec (&facts->ref_count))
    return;
  if (facts->mapping == NULL)
    free_columns (facts);
  g_clear_pointer (&facts->mapping, g_mapped_file_unref);
  for (guint d = 0; d < SC_DIM_MAX; d++)
    g_clear_pointer (&facts->labels[d], g_ptr_array_unref);
  g_clear_pointer (&facts->settings, sc_metric_settings_free);
  g_clear_pointer (&facts->tz, sc_tz_map_free);
  g_free (facts);
}

/* ---- Dimension values -------------------------------------------------- */

static gboolean
status_is_resolved (const ScMetricSettings *settings,
                    const char             *status)
{
  for (guint i = 0; settings->resolved_statuses[i] != NULL; i++)
    if (g_ascii_strcasecmp (settings->resolved_statuses[i], status) == 0)
      return TRUE;
  return FALSE;
}

static void
derive_value_tables (Loader *loader)
{
  GPtrArray *statuses = loader->facts->labels[SC_DIM_STATUS];
  GPtrArray *priorities = loader->facts->labels[SC_DIM_PRIORITY];

  loader->status_resolved = g_new0 (guint8, statuses->len + 1);
  if (loader->settings->resolved_statuses != NULL)
    for (guint k = 0; k < statuses->len; k++)
      loader->status_resolved[k + 1] = status_is_resolved (loader->settings, statuses->pdata[k]);

  loader->sla_by_priority = g_new (gint64, priorities->len + 1);
  loader->sla_by_priority[0] = -1;
  for (guint k = 0; k < priorities->len; k++)
    {
      g_autofree char *name = g_ascii_strdown (priorities->pdata[k], -1);
      gpointer target;

      loader->sla_by_priority[k + 1] = -1;
      if (g_hash_table_lookup_extended (loader->settings->sla_table, name, NULL, &target))
        loader->sla_by_priority[k + 1] = (gint64) GPOINTER_TO_SIZE (target);
    }
}

static gboolean
load_dimension_values (Loader   *loader,
                       ScStore  *store,
                       GError  **error)
{
  g_autoptr(GPtrArray) dims = sc_store_list_dimensions (store, error);
  g_autoptr(GPtrArray) values = NULL;
  gint64 max_id = 0;

  if (dims == NULL || (values = sc_store_list_all_dimension_values (store, error)) == NULL)
    return FALSE;
  loader->facts->n_dims = SC_DIM_N_BUILTIN;
  for (guint k = 0; k < dims->len; k++)
    loader->facts->n_dims = MAX (loader->facts->n_dims,
                                 ((ScDimensionInfo *) dims->pdata[k])->dim + 1);
  for (guint d = 0; d < loader->facts->n_dims; d++)
    loader->facts->labels[d] = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < values->len; k++)
    max_id = MAX (max_id, ((ScFactDimensionValue *) values->pdata[k])->id);
  loader->n_dense = (gsize) max_id + 1;
  loader->dense = g_new0 (gint32, loader->n_dense);
  for (guint k = 0; k < values->len; k++)
    {
      ScFactDimensionValue *value = values->pdata[k];
      GPtrArray *labels;

      if (value->dim >= loader->facts->n_dims)
        continue;
      labels = loader->facts->labels[value->dim];
      g_ptr_array_add (labels, g_strdup (value->value));
      loader->dense[value->id] = (gint32) labels->len;
    }
  derive_value_tables (loader);
  return TRUE;
}

static inline gint32
dense_code (const Loader *loader,
            gint64        id)
{
  if (id == SC_MISSING || id <= 0 || (guint64) id >= loader->n_dense)
    return 0;
  return loader->dense[id];
}

/* ---- Rows -------------------------------------------------------------- */

static inline gint32
clamp_duration (gint64 seconds)
{
  if (seconds == SC_MISSING || seconds < 0)
    return SC_FACT_NONE;
  return (gint32) MIN (seconds, (gint64) G_MAXINT32 - 1);
}

static inline guint8
small_score (gint64 value)
{
  if (value == SC_MISSING || value < 0 || value >= SC_FACT_NO_SCORE)
    return SC_FACT_NO_SCORE;
  return (guint8) value;
}

/* A duration between two instants under the variants: the exported
 * figure when allowed and present, else recomputed from the timestamps. */
static gint32
derive_duration (const Loader *loader,
                 gint64        from,
                 gint64        to,
                 gint64        exported,
                 gint64        exported_bh)
{
  const ScMetricSettings *s = loader->settings;
  const ScTzMap *tz = loader->facts->tz;

  if (s->hours == SC_HOURS_BUSINESS)
    {
      if (s->durations == SC_DURATIONS_EXPORTED && exported_bh != SC_MISSING)
        return clamp_duration (exported_bh);
      if (from == SC_MISSING || to == SC_MISSING || to < from)
        return SC_FACT_NONE;
      return clamp_duration (sc_metric_settings_business_seconds (s,
                                                                  from + sc_tz_map_offset (tz, from),
                                                                  to + sc_tz_map_offset (tz, to)));
    }
  if (s->durations == SC_DURATIONS_EXPORTED && exported != SC_MISSING)
    return clamp_duration (exported);
  if (from == SC_MISSING || to == SC_MISSING)
    return SC_FACT_NONE;
  return clamp_duration (to - from);
}

static gboolean
row_is_resolved (const Loader    *loader,
                 const ScFactRow *row,
                 gint32           status_code)
{
  if (loader->settings->resolved_statuses != NULL)
    return loader->status_resolved[status_code] != 0;
  if (row->resolved != SC_MISSING)
    return row->resolved != 0;
  return row->resolved_at != SC_MISSING;
}

static gint32
derive_aht (const ScFactRow *row)
{
  gint64 total = 0;
  gboolean any = FALSE;

  if (row->abandoned == 1)
    return SC_FACT_NONE;
  if (row->handle_s != SC_MISSING)
    return clamp_duration (row->handle_s);
  for (const gint64 *part = &row->talk_s; part <= &row->wrap_s; part++)
    if (*part != SC_MISSING && *part >= 0)
      {
        total += *part;
        any = TRUE;
      }
  return any ? clamp_duration (total) : SC_FACT_NONE;
}

static guint16
derive_sla (const Loader    *loader,
            const ScFactRow *row,
            gint32           priority,
            gint32           frt,
            gint32           res,
            gboolean         resolved)
{
  const ScMetricSettings *s = loader->settings;
  gint64 target = loader->sla_by_priority[priority];
  gint32 actual;

  if (s->sla_basis == SC_SLA_FIRST_REPLY && s->sla_targets == SC_SLA_TARGETS_DATA)
    target = row->sla_target_s != SC_MISSING && row->sla_target_s > 0 ? row->sla_target_s : -1;
  actual = s->sla_basis == SC_SLA_FIRST_REPLY ? frt : (resolved ? res : SC_FACT_NONE);
  if (target > 0 && actual != SC_FACT_NONE)
    return SC_FACT_SLA_COUNTED | (actual <= target ? SC_FACT_SLA_MET : 0);
  /* Without a computable target, an exported breach flag still counts for
   * the first-reply basis with targets from the data. */
  if (target <= 0 && s->sla_basis == SC_SLA_FIRST_REPLY && s->sla_targets == SC_SLA_TARGETS_DATA
      && row->sla_breached != SC_MISSING)
    return SC_FACT_SLA_COUNTED | (row->sla_breached == 0 ? SC_FACT_SLA_MET : 0);
  return 0;
}

static guint16
derive_flags (const Loader    *loader,
              const ScFactRow *row,
              gboolean         resolved)
{
  guint16 flags = resolved ? SC_FACT_RESOLVED : 0;
  gboolean short_abandon;

  if (resolved && loader->settings->fcr == SC_FCR_ONE_TOUCH && row->agent_touches != SC_MISSING)
    flags |= SC_FACT_FCR_COUNTED | (row->agent_touches <= 1 ? SC_FACT_FCR : 0);
  else if (resolved && loader->settings->fcr == SC_FCR_NO_REPEAT && row->customer_id != NULL)
    flags |= SC_FACT_FCR_COUNTED | SC_FACT_FCR;   /* repeats are cleared later */
  if (resolved && row->reopens != SC_MISSING)
    flags |= SC_FACT_REOPEN_COUNTED | (row->reopens > 0 ? SC_FACT_REOPENED : 0);
  short_abandon = row->abandoned == 1 && row->wait_s != SC_MISSING
                  && row->wait_s < (gint64) loader->settings->short_abandon_s;
  if (!short_abandon)
    flags |= SC_FACT_OFFERED | (row->abandoned == 1 ? SC_FACT_ABANDONED : 0);
  if (row->escalated != SC_MISSING)
    flags |= SC_FACT_ESCALATION_KNOWN | (row->escalated != 0 ? SC_FACT_ESCALATED : 0);
  if (row->self_service != SC_MISSING)
    flags |= SC_FACT_SELF_KNOWN | (row->self_service != 0 ? SC_FACT_SELF_SERVICE : 0);
  if (row->survey_offered == 1)
    {
      flags |= SC_FACT_SURVEY_OFFERED;
      if (row->csat != SC_MISSING || row->nps != SC_MISSING || row->ces != SC_MISSING)
        flags |= SC_FACT_SURVEY_ANSWERED;
    }
  return flags;
}

static void
load_tags (Loader     *loader,
           const char *tags)
{
  const char *p = tags;

  while (p != NULL && *p != '\0')
    {
      char *end;
      gint64 id = g_ascii_strtoll (p, &end, 10);
      gint32 code;

      if (end == p)
        {
          p++;
          continue;
        }
      if ((code = dense_code (loader, id)) > 0)
        g_array_append_val (loader->tags, code);
      p = end;
    }
  loader->facts->tag_start[loader->i + 1] = loader->tags->len;
}

static gint32
customer_code (Loader     *loader,
               const char *customer_id)
{
  gpointer code;

  if (customer_id == NULL || customer_id[0] == '\0')
    return -1;
  if (!g_hash_table_lookup_extended (loader->customer_codes, customer_id, NULL, &code))
    {
      code = GINT_TO_POINTER (g_hash_table_size (loader->customer_codes));
      g_hash_table_insert (loader->customer_codes, g_strdup (customer_id), code);
    }
  return GPOINTER_TO_INT (code);
}

static gboolean
add_row_cb (const ScFactRow *row,
            gpointer         user_data)
{
  Loader *loader = user_data;
  ScFacts *facts = loader->facts;
  guint i = loader->i;
  gboolean resolved;
  gint32 status;

  if (i >= facts->n || row->created_at == SC_MISSING)
    return i < facts->n;
  if (i > 0 && row->created_at < facts->created[i - 1])
    loader->sorted = FALSE;
  facts->created[i] = row->created_at;
  facts->day[i] = sc_tz_map_local_day (facts->tz, row->created_at);
  for (guint d = 0; d < SC_DIM_TAGS; d++)
    facts->codes[d][i] = dense_code (loader, row->dims[d]);
  load_tags (loader, row->tags);
  status = facts->codes[SC_DIM_STATUS][i];
  resolved = row_is_resolved (loader, row, status);
  facts->resolved_day[i] = !resolved ? SC_FACT_OPEN
                           : row->resolved_at != SC_MISSING && row->resolved_at >= row->created_at
                           ? sc_tz_map_local_day (facts->tz, row->resolved_at) : facts->day[i];
  facts->frt[i] = derive_duration (loader, row->created_at, row->first_reply_at,
                                   row->first_reply_s, row->first_reply_bh_s);
  facts->res[i] = resolved ? derive_duration (loader, row->created_at, row->resolved_at,
                                              row->resolution_s, row->resolution_bh_s)
                           : SC_FACT_NONE;
  facts->aht[i] = derive_aht (row);
  facts->wait[i] = row->abandoned == 1 ? SC_FACT_NONE : clamp_duration (row->wait_s);
  facts->flags[i] = derive_flags (loader, row, resolved)
                    | derive_sla (loader, row, facts->codes[SC_DIM_PRIORITY][i],
                                  facts->frt[i], facts->res[i], resolved);
  facts->csat[i] = small_score (row->csat);
  facts->csat_scale[i] = row->csat_scale != SC_MISSING && row->csat_scale > 0
                         ? small_score (row->csat_scale) : 5;
  facts->nps[i] = row->nps >= 0 && row->nps <= 10 ? (guint8) row->nps : SC_FACT_NO_SCORE;
  facts->ces[i] = small_score (row->ces);
  if (loader->customer != NULL)
    loader->customer[i] = customer_code (loader, row->customer_id);
  if (loader->row_id != NULL)
    loader->row_id[i] = row->id;
  loader->i++;
  return TRUE;
}

/* Both scans go by ascending interaction id: walk the rows along. */
static gboolean
add_field_cb (gint64       interaction_id,
              ScDimension  dim,
              gint64       value_id,
              gpointer     user_data)
{
  Loader *loader = user_data;
  ScFacts *facts = loader->facts;

  while (loader->i < facts->n && loader->row_id[loader->i] < interaction_id)
    loader->i++;
  if (loader->i == facts->n)
    return FALSE;
  if (loader->row_id[loader->i] == interaction_id && dim < facts->n_dims
      && facts->codes[dim] != NULL)
    facts->codes[dim][loader->i] = dense_code (loader, value_id);
  return TRUE;
}

/* ---- Sorting by creation time ------------------------------------------ */

typedef struct
{
  gint64 created;
  guint  row;
} SortKey;

static int
compare_sort_key (const void *a,
                  const void *b)
{
  const SortKey *x = a, *y = b;

  if (x->created != y->created)
    return x->created < y->created ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

static void
permute (gpointer      *column,
         gsize          size,
         const guint   *order,
         guint          n)
{
  guint8 *from = *column;
  guint8 *to = g_malloc (size * MAX (n, 1));

  for (guint i = 0; i < n; i++)
    memcpy (to + (gsize) i * size, from + (gsize) order[i] * size, size);
  g_free (from);
  *column = to;
}

static void
permute_tags (ScFacts     *facts,
              const guint *order)
{
  guint32 *start = g_new (guint32, facts->n + 1);
  gint32 *codes = g_new (gint32, MAX (facts->tag_start[facts->n], 1));
  guint32 k = 0;

  for (guint i = 0; i < facts->n; i++)
    {
      guint32 a = facts->tag_start[order[i]], b = facts->tag_start[order[i] + 1];

      start[i] = k;
      memcpy (codes + k, facts->tag_codes + a, (b - a) * sizeof (gint32));
      k += b - a;
    }
  start[facts->n] = k;
  g_free (facts->tag_start);
  g_free (facts->tag_codes);
  facts->tag_start = start;
  facts->tag_codes = codes;
}

static void
sort_by_created (ScFacts *facts,
                 gint32 **customer)
{
  g_autofree SortKey *keys = g_new (SortKey, MAX (facts->n, 1));
  g_autofree guint *order = g_new (guint, MAX (facts->n, 1));

  for (guint i = 0; i < facts->n; i++)
    keys[i] = (SortKey) { facts->created[i], i };
  qsort (keys, facts->n, sizeof (SortKey), compare_sort_key);
  for (guint i = 0; i < facts->n; i++)
    order[i] = keys[i].row;
#define PERMUTE(col) permute ((gpointer *) &(col), sizeof *(col), order, facts->n)
  PERMUTE (facts->created);
  PERMUTE (facts->day);
  PERMUTE (facts->resolved_day);
  for (guint d = 0; d < facts->n_dims; d++)
    if (facts->codes[d] != NULL)
      PERMUTE (facts->codes[d]);
  PERMUTE (facts->frt);
  PERMUTE (facts->res);
  PERMUTE (facts->aht);
  PERMUTE (facts->wait);
  PERMUTE (facts->flags);
  PERMUTE (facts->csat);
  PERMUTE (facts->csat_scale);
  PERMUTE (facts->nps);
  PERMUTE (facts->ces);
  if (*customer != NULL)
    PERMUTE (*customer);
#undef PERMUTE
  permute_tags (facts, order);
}

/* ---- The no-repeat FCR rule -------------------------------------------- */

static const gint32 *sort_customers;
static const gint64 *sort_created;

static int
compare_by_customer (const void *a,
                     const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (sort_customers[x] != sort_customers[y])
    return sort_customers[x] < sort_customers[y] ? -1 : 1;
  if (sort_created[x] != sort_created[y])
    return sort_created[x] < sort_created[y] ? -1 : 1;
  return (x > y) - (x < y);
}

/* A resolved contact is not first-contact resolved when the same customer
 * comes back within N days. */
static void
clear_repeat_contacts (ScFacts      *facts,
                       const gint32 *customer,
                       guint         window_days)
{
  g_autofree guint *order = g_new (guint, MAX (facts->n, 1));
  gint64 window = (gint64) window_days * SECONDS_PER_DAY;

  for (guint i = 0; i < facts->n; i++)
    order[i] = i;
  /* qsort has no user data argument; loading runs on one thread at a time
   * per cache, and this pair is only read inside the comparison. */
  G_LOCK_DEFINE_STATIC (sort_lock);
  G_LOCK (sort_lock);
  sort_customers = customer;
  sort_created = facts->created;
  qsort (order, facts->n, sizeof (guint), compare_by_customer);
  G_UNLOCK (sort_lock);
  for (guint k = 0; k + 1 < facts->n; k++)
    {
      guint a = order[k], b = order[k + 1];

      if (customer[a] >= 0 && customer[a] == customer[b]
          && facts->created[b] - facts->created[a] <= window)
        facts->flags[a] &= ~SC_FACT_FCR;
    }
}

/* ---- Customers and agent time ------------------------------------------ */

typedef struct
{
  Loader *loader;
  GArray *start, *churn, *revenue, *purchases, *segment, *region;
} CustomerLoader;

static gboolean
add_customer_cb (const ScFactCustomer *customer,
                 gpointer              user_data)
{
  CustomerLoader *cl = user_data;
  const ScTzMap *tz = cl->loader->facts->tz;
  gint32 start, churn, purchases, segment, region;

  if (customer->started_at == SC_MISSING)
    return TRUE;
  start = sc_tz_map_local_day (tz, customer->started_at);
  churn = customer->churned_at != SC_MISSING ? sc_tz_map_local_day (tz, customer->churned_at)
                                             : SC_FACT_OPEN;
  purchases = customer->purchases != SC_MISSING ? (gint32) customer->purchases : 0;
  segment = dense_code (cl->loader, customer->segment_id);
  region = dense_code (cl->loader, customer->region_id);
  g_array_append_val (cl->start, start);
  g_array_append_val (cl->churn, churn);
  g_array_append_val (cl->revenue, customer->revenue);
  g_array_append_val (cl->purchases, purchases);
  g_array_append_val (cl->segment, segment);
  g_array_append_val (cl->region, region);
  return TRUE;
}

static gboolean
load_customers (Loader   *loader,
                ScStore  *store,
                GError  **error)
{
  ScFacts *facts = loader->facts;
  CustomerLoader cl = {
    loader,
    g_array_new (FALSE, FALSE, sizeof (gint32)), g_array_new (FALSE, FALSE, sizeof (gint32)),
    g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (gint32)),
    g_array_new (FALSE, FALSE, sizeof (gint32)), g_array_new (FALSE, FALSE, sizeof (gint32)),
  };
  gboolean ok = sc_store_scan_customers (store, add_customer_cb, &cl, error);

  facts->n_customers = cl.start->len;
  facts->customer_start = (gint32 *) g_array_free (cl.start, FALSE);
  facts->customer_churn = (gint32 *) g_array_free (cl.churn, FALSE);
  facts->customer_revenue = (double *) g_array_free (cl.revenue, FALSE);
  facts->customer_purchases = (gint32 *) g_array_free (cl.purchases, FALSE);
  facts->customer_segment = (gint32 *) g_array_free (cl.segment, FALSE);
  facts->customer_region = (gint32 *) g_array_free (cl.region, FALSE);
  return ok;
}

typedef struct
{
  Loader *loader;
  GArray *day, *agent, *team, *available, *active;
} AgentLoader;

static gboolean
add_agent_day_cb (const ScFactAgentDay *agent_day,
                  gpointer              user_data)
{
  AgentLoader *al = user_data;
  gint32 day, agent, team;

  if (agent_day->day == SC_MISSING || agent_day->available_s == SC_MISSING)
    return TRUE;
  /* The row is for a calendar date, stored as that date's UTC midnight. */
  day = (gint32) (agent_day->day / SECONDS_PER_DAY - (agent_day->day % SECONDS_PER_DAY < 0));
  agent = dense_code (al->loader, agent_day->agent_id);
  team = dense_code (al->loader, agent_day->team_id);
  g_array_append_val (al->day, day);
  g_array_append_val (al->agent, agent);
  g_array_append_val (al->team, team);
  g_array_append_val (al->available, agent_day->available_s);
  g_array_append_val (al->active, agent_day->active_s);
  return TRUE;
}

static gboolean
load_agent_time (Loader   *loader,
                 ScStore  *store,
                 GError  **error)
{
  ScFacts *facts = loader->facts;
  AgentLoader al = {
    loader,
    g_array_new (FALSE, FALSE, sizeof (gint32)), g_array_new (FALSE, FALSE, sizeof (gint32)),
    g_array_new (FALSE, FALSE, sizeof (gint32)), g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_array_new (FALSE, FALSE, sizeof (gint64)),
  };
  gboolean ok = sc_store_scan_agent_time (store, add_agent_day_cb, &al, error);

  facts->n_agent_days = al.day->len;
  facts->agent_day = (gint32 *) g_array_free (al.day, FALSE);
  facts->agent_code = (gint32 *) g_array_free (al.agent, FALSE);
  facts->agent_team = (gint32 *) g_array_free (al.team, FALSE);
  facts->agent_available = (gint64 *) g_array_free (al.available, FALSE);
  facts->agent_active = (gint64 *) g_array_free (al.active, FALSE);
  return ok;
}

/* ---- Columns and checks ------------------------------------------------ */

guint
_sc_facts_list_columns (ScFacts       *facts,
                        ScFactsColumn *columns)
{
  guint k = 0;

#define COLUMN(field, count) \
  (columns[k++] = (ScFactsColumn) { (gpointer *) &(field), sizeof *(field), (count) })
  COLUMN (facts->created, facts->n);
  COLUMN (facts->day, facts->n);
  COLUMN (facts->resolved_day, facts->n);
  for (guint d = 0; d < facts->n_dims; d++)
    if (!sc_dimension_is_multi (d))
      COLUMN (facts->codes[d], facts->n);
  COLUMN (facts->tag_start, facts->n + 1);
  COLUMN (facts->tag_codes, facts->n_tag_codes);
  COLUMN (facts->frt, facts->n);
  COLUMN (facts->res, facts->n);
  COLUMN (facts->aht, facts->n);
  COLUMN (facts->wait, facts->n);
  COLUMN (facts->flags, facts->n);
  COLUMN (facts->csat, facts->n);
  COLUMN (facts->csat_scale, facts->n);
  COLUMN (facts->nps, facts->n);
  COLUMN (facts->ces, facts->n);
  COLUMN (facts->customer_start, facts->n_customers);
  COLUMN (facts->customer_churn, facts->n_customers);
  COLUMN (facts->customer_revenue, facts->n_customers);
  COLUMN (facts->customer_purchases, facts->n_customers);
  COLUMN (facts->customer_segment, facts->n_customers);
  COLUMN (facts->customer_region, facts->n_customers);
  COLUMN (facts->agent_day, facts->n_agent_days);
  COLUMN (facts->agent_code, facts->n_agent_days);
  COLUMN (facts->agent_team, facts->n_agent_days);
  COLUMN (facts->agent_available, facts->n_agent_days);
  COLUMN (facts->agent_active, facts->n_agent_days);
#undef COLUMN
  g_assert (k <= SC_FACTS_MAX_COLUMNS);
  return k;
}

static gboolean
codes_in_range (const gint32 *codes,
                gsize         n,
                gint32        min,
                guint         n_labels)
{
  for (gsize i = 0; i < n; i++)
    if (codes[i] < min || codes[i] > (gint32) n_labels)
      return FALSE;
  return TRUE;
}

static gboolean
rows_in_order (const ScFacts *facts)
{
  if (facts->tag_start[0] != 0 || facts->tag_start[facts->n] != facts->n_tag_codes)
    return FALSE;
  for (guint i = 0; i < facts->n; i++)
    if (facts->tag_start[i] > facts->tag_start[i + 1]
        || (i > 0 && facts->created[i] < facts->created[i - 1])
        || facts->csat_scale[i] == 0)
      return FALSE;
  return TRUE;
}

/* Whatever a cache file holds, the engine must never index outside an
 * array: every code must name a label, tags must nest, rows must be in
 * creation order (periods are found by binary search). */
gboolean
_sc_facts_validate (const ScFacts  *facts,
                    GError        **error)
{
  gboolean ok = rows_in_order (facts)
                && codes_in_range (facts->tag_codes, facts->n_tag_codes, 1,
                                   facts->labels[SC_DIM_TAGS]->len)
                && codes_in_range (facts->customer_segment, facts->n_customers, 0,
                                   facts->labels[SC_DIM_CUSTOMER_SEGMENT]->len)
                && codes_in_range (facts->customer_region, facts->n_customers, 0,
                                   facts->labels[SC_DIM_REGION]->len)
                && codes_in_range (facts->agent_code, facts->n_agent_days, 0,
                                   facts->labels[SC_DIM_AGENT]->len)
                && codes_in_range (facts->agent_team, facts->n_agent_days, 0,
                                   facts->labels[SC_DIM_TEAM]->len);

  for (guint d = 0; ok && d < facts->n_dims; d++)
    ok = sc_dimension_is_multi (d) || codes_in_range (facts->codes[d], facts->n, 0, facts->labels[d]->len);
  if (!ok)
    g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                 _("The metrics cache holds values out of range"));
  return ok;
}

/* ---- Loading ----------------------------------------------------------- */

static gboolean
load_interactions (Loader   *loader,
                   ScStore  *store,
                   GError  **error)
{
  ScFacts *facts = loader->facts;
  gboolean no_repeat = loader->settings->fcr == SC_FCR_NO_REPEAT;
  gint64 count = sc_store_count_interactions (store, error);

  if (count < 0)
    return FALSE;
  facts->n = (guint) count;
  allocate_columns (facts, facts->n);
  loader->tags = g_array_sized_new (FALSE, FALSE, sizeof (gint32), facts->n * 2 + 1);
  if (no_repeat)
    {
      loader->customer = g_new (gint32, MAX (facts->n, 1));
      loader->customer_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (facts->n_dims > SC_DIM_N_BUILTIN)
    loader->row_id = g_new (gint64, MAX (facts->n, 1));
  loader->sorted = TRUE;
  if (!sc_store_scan_interactions (store, no_repeat, add_row_cb, loader, error))
    return FALSE;
  /* Rows may have been added between the count and the scan's start;
   * those beyond the count wait for the next reload. */
  facts->n = loader->i;
  facts->n_tag_codes = loader->tags->len;
  facts->tag_codes = (gint32 *) g_array_free (g_steal_pointer (&loader->tags), FALSE);
  if (loader->row_id != NULL)
    {
      loader->i = 0;
      if (!sc_store_scan_interaction_fields (store, add_field_cb, loader, error))
        return FALSE;
    }
  if (!loader->sorted)
    sort_by_created (facts, &loader->customer);
  if (no_repeat)
    clear_repeat_contacts (facts, loader->customer, loader->settings->fcr_repeat_days);
  return TRUE;
}

ScTzMap *
_sc_facts_make_tz_map (ScStore                 *store,
                       const ScMetricSettings  *settings,
                       GError                 **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (settings->timezone);
  ScStoreOverview overview;

  if (zone == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("Unknown time zone “%s”"), settings->timezone);
      return NULL;
    }
  if (!sc_store_get_overview (store, &overview, error))
    return NULL;
  if (overview.first_created == SC_MISSING)
    overview.first_created = overview.last_created = g_get_real_time () / G_USEC_PER_SEC;
  /* A year of margin covers resolutions and customer dates just outside
   * the interactions' range; farther instants use the edge offsets. */
  return sc_tz_map_new (zone, overview.first_created - 366 * SECONDS_PER_DAY,
                        overview.last_created + 366 * SECONDS_PER_DAY);
}

/**
 * sc_facts_load:
 * @store: a store
 * @settings: the variants to derive the columns under
 * @error: return location for an error
 *
 * Reads every interaction, customer and agent day of @store into a new
 * cache.
 *
 * Returns: (transfer full) (nullable): the cache, or %NULL on error
 */
ScFacts *
sc_facts_load (ScStore                 *store,
               const ScMetricSettings  *settings,
               GError                 **error)
{
  g_autoptr(ScFacts) facts = sc_facts_new ();
  Loader loader = { 0 };
  gboolean ok;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  facts->data_version = sc_store_get_data_version (store);
  facts->settings = sc_metric_settings_copy (settings);
  if ((facts->tz = _sc_facts_make_tz_map (store, settings, error)) == NULL)
    return NULL;
  loader.facts = facts;
  loader.settings = facts->settings;
  ok = load_dimension_values (&loader, store, error)
       && load_interactions (&loader, store, error)
       && load_customers (&loader, store, error)
       && load_agent_time (&loader, store, error);
  loader_clear (&loader);
  if (!ok)
    return NULL;
  return g_steal_pointer (&facts);
}

/**
 * sc_facts_is_current:
 * @facts: a cache
 * @store: the store it was loaded from
 * @settings: the variants wanted now
 *
 * Returns: %TRUE when no import changed the store since @facts was loaded
 *   and @settings derive the same columns
 */
gboolean
sc_facts_is_current (const ScFacts          *facts,
                     ScStore                *store,
                     const ScMetricSettings *settings)
{
  g_return_val_if_fail (facts != NULL, FALSE);

  return facts->data_version == sc_store_get_data_version (store)
         && sc_metric_settings_equal (facts->settings, settings);
}

/**
 * sc_facts_lower_bound:
 * @facts: a cache
 * @utc: an instant
 *
 * Returns: the index of the first interaction created at or after @utc
 *   (@facts->n when none)
 */
guint
sc_facts_lower_bound (const ScFacts *facts,
                      gint64         utc)
{
  guint lo = 0, hi = facts->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (facts->created[mid] < utc)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * sc_facts_get_n_codes:
 * @facts: a cache
 * @dim: a dimension
 *
 * Returns: the number of dense codes of @dim, including 0 (no value)
 */
guint
sc_facts_get_n_codes (const ScFacts *facts,
                      ScDimension    dim)
{
  g_return_val_if_fail (dim < SC_DIM_MAX, 0);

  if (facts->labels[dim] == NULL)
    return 1;
  return facts->labels[dim]->len + 1;
}

/**
 * sc_facts_get_label:
 * @facts: a cache
 * @dim: a dimension
 * @code: a dense code
 *
 * Returns: (nullable): the value's text, %NULL for code 0 (no value)
 */
const char *
sc_facts_get_label (const ScFacts *facts,
                    ScDimension    dim,
                    gint32         code)
{
  g_return_val_if_fail (dim < SC_DIM_MAX, NULL);

  if (facts->labels[dim] == NULL || code <= 0 || (guint) code > facts->labels[dim]->len)
    return NULL;
  return facts->labels[dim]->pdata[code - 1];
}

/**
 * sc_facts_lookup_code:
 * @facts: a cache
 * @dim: a dimension
 * @label: a value's text (compared without regard to ASCII case)
 *
 * Returns: its dense code, or -1 when @dim has no such value
 */
gint32
sc_facts_lookup_code (const ScFacts *facts,
                      ScDimension    dim,
                      const char    *label)
{
  g_return_val_if_fail (dim < SC_DIM_MAX, -1);
  g_return_val_if_fail (label != NULL, -1);

  for (guint k = 0; facts->labels[dim] != NULL && k < facts->labels[dim]->len; k++)
    if (g_ascii_strcasecmp (facts->labels[dim]->pdata[k], label) == 0)
      return (gint32) k + 1;
  return -1;
}

/**
 * sc_facts_get_size:
 * @facts: a cache
 *
 * Returns: the bytes the cache's columns take
 */
gsize
sc_facts_get_size (const ScFacts *facts)
{
  gsize per_row = sizeof (gint64) + 2 * sizeof (gint32) + (facts->n_dims - 1) * sizeof (gint32)
                  + sizeof (guint32) + 4 * sizeof (gint32) + sizeof (guint16) + 4;

  return (gsize) facts->n * per_row + facts->tag_start[facts->n] * sizeof (gint32)
         + facts->n_customers * (5 * sizeof (gint32) + sizeof (double))
         + facts->n_agent_days * (3 * sizeof (gint32) + 2 * sizeof (gint64));
}
