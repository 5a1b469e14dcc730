/* sc-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query runs one pass over the slice of the fact cache its period
 * covers (rows are sorted by creation time, so the slice is found by
 * binary search). Each row lands in a cell (bucket × segment) whose
 * accumulator keeps the sums every metric of the catalogue is computed
 * from; only the families of sums the query's metrics need are touched.
 * Medians and percentiles keep the cell's values and select.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-engine.h"
#include "sc-facts-file.h"
#include "sc-query-private.h"
#include "sc-stats.h"

#define DAYS_PER_YEAR 365.2425

enum
{
  F_FLAGS     = 1 << 0,
  F_FRT       = 1 << 1,
  F_FRT_VALUES = 1 << 2,
  F_RES       = 1 << 3,
  F_RES_VALUES = 1 << 4,
  F_CSAT      = 1 << 5,
  F_NPS       = 1 << 6,
  F_CES       = 1 << 7,
  F_WAIT      = 1 << 8,
  F_AHT       = 1 << 9,
  F_BACKLOG   = 1 << 10,
  F_CUSTOMERS = 1 << 11,
  F_AGENTS    = 1 << 12,
};

typedef struct
{
  gint64 volume, resolved;
  gint64 frt_n, res_n;
  double frt_sum, frt_sq, res_sum, res_sq;
  gint64 fcr_n, fcr;
  gint64 csat_n, csat_top;
  double csat_sum, csat_max, csat_pct_sq;
  gint64 nps_n, nps_pro, nps_det;
  gint64 ces_n;
  double ces_sum, ces_sq;
  gint64 sla_n, sla_met;
  gint64 offered, abandoned;
  gint64 wait_n, aht_n;
  double wait_sum, wait_sq, aht_sum, aht_sq;
  gint64 reopen_n, reopened, esc_n, esc, self_n, self, survey_n, survey_answered;
  gint64 backlog;
  gint64 customers_at_start, customers_lost;
  gint64 clv_customers, clv_purchases, clv_churned;
  double clv_revenue, clv_years, clv_lifespan;
  gint64 agent_days;
  double available, active, available_sq, active_sq, cross;
} Acc;

typedef struct
{
  const ScFacts *facts;
  guint          families;
  gint32         from_day;
  gint32         to_day;
  ScGrain        grain;
  guint          nb;
  GArray        *first;       /* gint32 per bucket */
  GArray        *last;
  gint32        *bmap;        /* day − from_day → bucket */
  gboolean       grouped;
  ScDimension    dim;
  guint          n_seg;
  guint8        *masks[SC_DIM_MAX];
  guint          n_masked;    /* single-valued dimensions with a mask */
  guint8         masked[SC_DIM_MAX];
  const gint32  *group_codes; /* grouping by a single-valued dimension */
  gboolean       matches_nothing;
  gboolean       customers_apply;
  gboolean       agents_apply;
  Acc           *acc;
  GArray       **frt_values;
  GArray       **res_values;
} Pass;

/* ---- Families ------------------------------------------------------------ */

static guint
metric_families (ScMetricId metric)
{
  switch (metric)
    {
    case SC_METRIC_VOLUME: return 0;
    case SC_METRIC_FRT_MEAN:
    case SC_METRIC_RESPONSE_TIME_MEAN: return F_FRT;
    case SC_METRIC_FRT_MEDIAN:
    case SC_METRIC_FRT_P90: return F_FRT | F_FRT_VALUES;
    case SC_METRIC_RESOLUTION_TIME_MEAN: return F_RES;
    case SC_METRIC_RESOLUTION_TIME_MEDIAN: return F_RES | F_RES_VALUES;
    case SC_METRIC_CSAT:
    case SC_METRIC_CSAT_MEAN_PCT: return F_CSAT;
    case SC_METRIC_NPS: return F_NPS;
    case SC_METRIC_CES: return F_CES;
    case SC_METRIC_ASA: return F_WAIT;
    case SC_METRIC_AHT: return F_AHT;
    case SC_METRIC_BACKLOG: return F_BACKLOG;
    case SC_METRIC_CHURN:
    case SC_METRIC_CLV: return F_CUSTOMERS;
    case SC_METRIC_UTILIZATION: return F_AGENTS;
    case SC_METRIC_RESOLUTION_RATE:
    case SC_METRIC_FCR:
    case SC_METRIC_SLA:
    case SC_METRIC_ABANDONMENT:
    case SC_METRIC_REOPEN_RATE:
    case SC_METRIC_ESCALATION_RATE:
    case SC_METRIC_CONTAINMENT:
    case SC_METRIC_RESPONSE_RATE:
    case SC_METRIC_N:
    default:
      return F_FLAGS;
    }
}

/* ---- Setting up a pass ----------------------------------------------------- */

static void
pass_clear (Pass *pass)
{
  guint cells = pass->nb * pass->n_seg;

  g_clear_pointer (&pass->first, g_array_unref);
  g_clear_pointer (&pass->last, g_array_unref);
  g_clear_pointer (&pass->bmap, g_free);
  for (guint d = 0; d < SC_DIM_MAX; d++)
    g_clear_pointer (&pass->masks[d], g_free);
  g_clear_pointer (&pass->acc, g_free);
  for (guint c = 0; pass->frt_values != NULL && c < cells; c++)
    g_array_unref (pass->frt_values[c]);
  for (guint c = 0; pass->res_values != NULL && c < cells; c++)
    g_array_unref (pass->res_values[c]);
  g_clear_pointer (&pass->frt_values, g_free);
  g_clear_pointer (&pass->res_values, g_free);
}

static void
make_buckets (Pass *pass)
{
  pass->first = g_array_new (FALSE, FALSE, sizeof (gint32));
  pass->last = g_array_new (FALSE, FALSE, sizeof (gint32));
  if (pass->grain == SC_GRAIN_NONE)
    {
      g_array_append_val (pass->first, pass->from_day);
      g_array_append_val (pass->last, pass->to_day);
    }
  else
    for (gint32 start = sc_grain_bucket_start (pass->grain, pass->from_day);
         start <= pass->to_day;
         start = sc_grain_next_bucket (pass->grain, start))
      {
        gint32 first = MAX (start, pass->from_day);
        gint32 last = MIN (sc_grain_next_bucket (pass->grain, start) - 1, pass->to_day);

        g_array_append_val (pass->first, first);
        g_array_append_val (pass->last, last);
      }
  pass->nb = pass->first->len;
  pass->bmap = g_new (gint32, (gsize) (pass->to_day - pass->from_day) + 1);
  for (guint b = 0; b < pass->nb; b++)
    for (gint32 d = g_array_index (pass->first, gint32, b); d <= g_array_index (pass->last, gint32, b); d++)
      pass->bmap[d - pass->from_day] = (gint32) b;
}

static void
make_masks (Pass          *pass,
            const ScQuery *query)
{
  pass->customers_apply = !pass->grouped || pass->dim == SC_DIM_CUSTOMER_SEGMENT
                          || pass->dim == SC_DIM_REGION;
  pass->agents_apply = !pass->grouped || pass->dim == SC_DIM_AGENT || pass->dim == SC_DIM_TEAM;
  for (guint f = 0; f < query->filters->len; f++)
    {
      const ScQueryFilter *filter = query->filters->pdata[f];
      guint n_codes = sc_facts_get_n_codes (pass->facts, filter->dim);
      gboolean any = FALSE;

      if (pass->masks[filter->dim] == NULL)
        {
          pass->masks[filter->dim] = g_new0 (guint8, n_codes);
          if (!sc_dimension_is_multi (filter->dim))
            pass->masked[pass->n_masked++] = (guint8) filter->dim;
        }
      for (guint v = 0; v < filter->values->len; v++)
        {
          gint32 code = sc_facts_lookup_code (pass->facts, filter->dim, filter->values->pdata[v]);

          if (code > 0)
            {
              pass->masks[filter->dim][code] = 1;
              any = TRUE;
            }
        }
      if (!any)
        pass->matches_nothing = TRUE;
      if (filter->dim != SC_DIM_CUSTOMER_SEGMENT && filter->dim != SC_DIM_REGION)
        pass->customers_apply = FALSE;
      if (filter->dim != SC_DIM_AGENT && filter->dim != SC_DIM_TEAM)
        pass->agents_apply = FALSE;
    }
}

static void
pass_init (Pass          *pass,
           const ScFacts *facts,
           const ScQuery *query,
           guint          families,
           gint32         from_day,
           gint32         to_day,
           ScGrain        grain)
{
  guint cells;

  memset (pass, 0, sizeof *pass);
  pass->facts = facts;
  pass->families = families;
  pass->from_day = from_day;
  pass->to_day = to_day;
  pass->grain = grain;
  pass->grouped = query->grouped;
  pass->dim = query->group_by;
  pass->n_seg = query->grouped ? sc_facts_get_n_codes (facts, query->group_by) : 1;
  pass->group_codes = query->grouped ? facts->codes[query->group_by] : NULL;
  make_buckets (pass);
  make_masks (pass, query);
  cells = pass->nb * pass->n_seg;
  pass->acc = g_new0 (Acc, MAX (cells, 1));
  if (families & F_FRT_VALUES)
    {
      pass->frt_values = g_new (GArray *, MAX (cells, 1));
      for (guint c = 0; c < cells; c++)
        pass->frt_values[c] = g_array_new (FALSE, FALSE, sizeof (gint32));
    }
  if (families & F_RES_VALUES)
    {
      pass->res_values = g_new (GArray *, MAX (cells, 1));
      for (guint c = 0; c < cells; c++)
        pass->res_values[c] = g_array_new (FALSE, FALSE, sizeof (gint32));
    }
}

/* ---- The pass over interactions ------------------------------------------- */

static inline gboolean
row_matches (const Pass *pass,
             guint       i)
{
  const ScFacts *facts = pass->facts;

  for (guint m = 0; m < pass->n_masked; m++)
    {
      guint d = pass->masked[m];

      if (!pass->masks[d][facts->codes[d] != NULL ? facts->codes[d][i] : 0])
        return FALSE;
    }
  if (pass->masks[SC_DIM_TAGS] != NULL)
    {
      for (guint32 k = facts->tag_start[i]; k < facts->tag_start[i + 1]; k++)
        if (pass->masks[SC_DIM_TAGS][facts->tag_codes[k]])
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

static inline void
add_duration (gint64 *n,
              double *sum,
              double *sq,
              gint32  value)
{
  if (value == SC_FACT_NONE)
    return;
  (*n)++;
  *sum += value;
  *sq += (double) value * value;
}

static inline void
add_flags (Acc    *acc,
           guint16 f)
{
  acc->resolved += (f & SC_FACT_RESOLVED) != 0;
  acc->fcr_n += (f & SC_FACT_FCR_COUNTED) != 0;
  acc->fcr += (f & SC_FACT_FCR_COUNTED) && (f & SC_FACT_FCR);
  acc->reopen_n += (f & SC_FACT_REOPEN_COUNTED) != 0;
  acc->reopened += (f & SC_FACT_REOPENED) != 0;
  acc->offered += (f & SC_FACT_OFFERED) != 0;
  acc->abandoned += (f & SC_FACT_ABANDONED) != 0;
  acc->esc_n += (f & SC_FACT_ESCALATION_KNOWN) != 0;
  acc->esc += (f & SC_FACT_ESCALATED) != 0;
  acc->self_n += (f & SC_FACT_SELF_KNOWN) != 0;
  acc->self += (f & SC_FACT_SELF_SERVICE) != 0;
  acc->sla_n += (f & SC_FACT_SLA_COUNTED) != 0;
  acc->sla_met += (f & SC_FACT_SLA_MET) != 0;
  acc->survey_n += (f & SC_FACT_SURVEY_OFFERED) != 0;
  acc->survey_answered += (f & SC_FACT_SURVEY_ANSWERED) != 0;
}

static inline void
add_scores (Acc           *acc,
            const ScFacts *facts,
            guint          families,
            guint          i)
{
  if ((families & F_CSAT) && facts->csat[i] != SC_FACT_NO_SCORE)
    {
      double scale = facts->csat_scale[i];

      acc->csat_n++;
      acc->csat_top += facts->csat[i] + 1 >= scale;
      acc->csat_sum += facts->csat[i];
      acc->csat_max += scale;
      acc->csat_pct_sq += (100.0 * facts->csat[i] / scale) * (100.0 * facts->csat[i] / scale);
    }
  if ((families & F_NPS) && facts->nps[i] != SC_FACT_NO_SCORE)
    {
      acc->nps_n++;
      acc->nps_pro += facts->nps[i] >= 9;
      acc->nps_det += facts->nps[i] <= 6;
    }
  if ((families & F_CES) && facts->ces[i] != SC_FACT_NO_SCORE)
    {
      acc->ces_n++;
      acc->ces_sum += facts->ces[i];
      acc->ces_sq += (double) facts->ces[i] * facts->ces[i];
    }
}

static inline void
add_row (Pass  *pass,
         guint  cell,
         guint  i)
{
  const ScFacts *facts = pass->facts;
  guint families = pass->families;
  Acc *acc = &pass->acc[cell];

  acc->volume++;
  if (families & F_FLAGS)
    add_flags (acc, facts->flags[i]);
  if (families & F_FRT)
    add_duration (&acc->frt_n, &acc->frt_sum, &acc->frt_sq, facts->frt[i]);
  if ((families & F_FRT_VALUES) && facts->frt[i] != SC_FACT_NONE)
    g_array_append_val (pass->frt_values[cell], facts->frt[i]);
  if (families & F_RES)
    add_duration (&acc->res_n, &acc->res_sum, &acc->res_sq, facts->res[i]);
  if ((families & F_RES_VALUES) && facts->res[i] != SC_FACT_NONE)
    g_array_append_val (pass->res_values[cell], facts->res[i]);
  if (families & (F_CSAT | F_NPS | F_CES))
    add_scores (acc, facts, families, i);
  if (families & F_WAIT)
    add_duration (&acc->wait_n, &acc->wait_sum, &acc->wait_sq, facts->wait[i]);
  if (families & F_AHT)
    add_duration (&acc->aht_n, &acc->aht_sum, &acc->aht_sq, facts->aht[i]);
}

static void
scan_interactions (Pass *pass)
{
  const ScFacts *facts = pass->facts;
  guint lo = sc_facts_lower_bound (facts, sc_tz_map_day_start (facts->tz, pass->from_day));
  guint hi = sc_facts_lower_bound (facts, sc_tz_map_day_start (facts->tz, pass->to_day + 1));
  gboolean filtered = FALSE;
  const gint32 *group = pass->group_codes;

  for (guint d = 0; d < SC_DIM_MAX; d++)
    filtered |= pass->masks[d] != NULL;
  for (guint i = lo; i < hi; i++)
    {
      gint32 day = facts->day[i];
      guint cell;

      if (G_UNLIKELY (day < pass->from_day || day > pass->to_day))
        continue;
      if (filtered && !row_matches (pass, i))
        continue;
      cell = (guint) pass->bmap[day - pass->from_day] * pass->n_seg;
      if (!pass->grouped)
        add_row (pass, cell, i);
      else if (!sc_dimension_is_multi (pass->dim))
        add_row (pass, cell + (group != NULL ? (guint) group[i] : 0), i);
      else if (facts->tag_start[i] == facts->tag_start[i + 1])
        add_row (pass, cell, i);
      else
        for (guint32 k = facts->tag_start[i]; k < facts->tag_start[i + 1]; k++)
          add_row (pass, cell + facts->tag_codes[k], i);
    }
}

/* The bucket holding a day, clamped: days before the range map to 0 and
 * days after it to nb. */
static guint
bucket_of (const Pass *pass,
           gint32      day)
{
  if (day < pass->from_day)
    return 0;
  if (day > pass->to_day)
    return pass->nb;
  return (guint) pass->bmap[day - pass->from_day];
}

static void
add_backlog_span (gint64 *diff,
                  guint   nb,
                  guint   seg,
                  guint   b0,
                  guint   b1)
{
  if (b0 >= b1)
    return;
  diff[seg * (nb + 1) + b0]++;
  diff[seg * (nb + 1) + b1]--;
}

/* An interaction is in the backlog at the end of bucket b when it was
 * created on or before b's last day and resolved after it: that is the
 * buckets from the one holding its creation (or the first) up to, not
 * including, the one holding its resolution. */
static void
scan_backlog (Pass *pass)
{
  const ScFacts *facts = pass->facts;
  guint hi = sc_facts_lower_bound (facts, sc_tz_map_day_start (facts->tz, pass->to_day + 1));
  g_autofree gint64 *diff = g_new0 (gint64, (gsize) (pass->nb + 1) * pass->n_seg);
  gboolean filtered = FALSE;

  for (guint d = 0; d < SC_DIM_MAX; d++)
    filtered |= pass->masks[d] != NULL;
  for (guint i = 0; i < hi; i++)
    {
      gint32 rd = facts->resolved_day[i];
      guint b0, b1;

      if (rd < pass->from_day || (filtered && !row_matches (pass, i)))
        continue;
      b0 = bucket_of (pass, facts->day[i]);
      b1 = rd == SC_FACT_OPEN ? pass->nb : bucket_of (pass, rd);
      if (!pass->grouped)
        add_backlog_span (diff, pass->nb, 0, b0, b1);
      else if (!sc_dimension_is_multi (pass->dim))
        add_backlog_span (diff, pass->nb,
                          pass->group_codes != NULL ? (guint) pass->group_codes[i] : 0, b0, b1);
      else if (facts->tag_start[i] == facts->tag_start[i + 1])
        add_backlog_span (diff, pass->nb, 0, b0, b1);
      else
        for (guint32 k = facts->tag_start[i]; k < facts->tag_start[i + 1]; k++)
          add_backlog_span (diff, pass->nb, facts->tag_codes[k], b0, b1);
    }
  for (guint s = 0; s < pass->n_seg; s++)
    {
      gint64 open = 0;

      for (guint b = 0; b < pass->nb; b++)
        {
          open += diff[s * (pass->nb + 1) + b];
          pass->acc[b * pass->n_seg + s].backlog = open;
        }
    }
}

/* ---- Customers and agent time --------------------------------------------- */

static gboolean
customer_matches (const Pass *pass,
                  guint       c,
                  guint      *seg)
{
  const ScFacts *facts = pass->facts;
  const guint8 *segment_mask = pass->masks[SC_DIM_CUSTOMER_SEGMENT];
  const guint8 *region_mask = pass->masks[SC_DIM_REGION];

  if (segment_mask != NULL && !segment_mask[facts->customer_segment[c]])
    return FALSE;
  if (region_mask != NULL && !region_mask[facts->customer_region[c]])
    return FALSE;
  *seg = !pass->grouped ? 0
         : pass->dim == SC_DIM_REGION ? (guint) facts->customer_region[c]
         : (guint) facts->customer_segment[c];
  return TRUE;
}

static void
add_customer (Acc           *acc,
              const ScFacts *facts,
              guint          c,
              gint32         first,
              gint32         last)
{
  gint32 start = facts->customer_start[c], churn = facts->customer_churn[c];

  if (start < first && churn >= first)
    {
      acc->customers_at_start++;
      acc->customers_lost += churn <= last;
    }
  if (start > last)
    return;
  acc->clv_customers++;
  acc->clv_revenue += facts->customer_revenue[c];
  acc->clv_purchases += facts->customer_purchases[c];
  acc->clv_years += (MIN (churn, last + 1) - start) / DAYS_PER_YEAR;
  if (churn <= last)
    {
      acc->clv_churned++;
      acc->clv_lifespan += (churn - start) / DAYS_PER_YEAR;
    }
}

static void
scan_customers (Pass *pass)
{
  const ScFacts *facts = pass->facts;

  if (!pass->customers_apply)
    return;
  for (guint c = 0; c < facts->n_customers; c++)
    {
      guint seg;

      if (!customer_matches (pass, c, &seg))
        continue;
      for (guint b = 0; b < pass->nb; b++)
        add_customer (&pass->acc[b * pass->n_seg + seg], facts, c,
                      g_array_index (pass->first, gint32, b), g_array_index (pass->last, gint32, b));
    }
}

static void
scan_agent_time (Pass *pass)
{
  const ScFacts *facts = pass->facts;
  const guint8 *agent_mask = pass->masks[SC_DIM_AGENT];
  const guint8 *team_mask = pass->masks[SC_DIM_TEAM];

  if (!pass->agents_apply)
    return;
  for (guint k = 0; k < facts->n_agent_days; k++)
    {
      gint32 day = facts->agent_day[k];
      double available = facts->agent_available[k], active = facts->agent_active[k];
      guint seg;
      Acc *acc;

      if (day < pass->from_day || day > pass->to_day || available <= 0)
        continue;
      if ((agent_mask && !agent_mask[facts->agent_code[k]])
          || (team_mask && !team_mask[facts->agent_team[k]]))
        continue;
      seg = !pass->grouped ? 0
            : pass->dim == SC_DIM_AGENT ? (guint) facts->agent_code[k] : (guint) facts->agent_team[k];
      acc = &pass->acc[(guint) pass->bmap[day - pass->from_day] * pass->n_seg + seg];
      acc->agent_days++;
      acc->available += available;
      acc->active += active;
      acc->available_sq += available * available;
      acc->active_sq += active * active;
      acc->cross += available * active;
    }
}

static void
pass_run (Pass *pass)
{
  if (pass->matches_nothing || pass->nb == 0)
    return;
  scan_interactions (pass);
  if (pass->families & F_BACKLOG)
    scan_backlog (pass);
  if (pass->families & F_CUSTOMERS)
    scan_customers (pass);
  if (pass->families & F_AGENTS)
    scan_agent_time (pass);
}

/* ---- From sums to values ---------------------------------------------------- */

static void
set_empty (ScMetricValue *v)
{
  v->value = v->numerator = v->denominator = NAN;
  v->ci_low = v->ci_high = v->se = NAN;
  v->n = 0;
}

static void
set_proportion (ScMetricValue *v,
                gint64         x,
                gint64         n)
{
  ScInterval ci = sc_stats_wilson (x, n);

  v->n = n;
  v->numerator = x;
  v->denominator = n;
  v->value = n > 0 ? 100.0 * x / n : NAN;
  v->ci_low = 100 * ci.low;
  v->ci_high = 100 * ci.high;
  v->se = 100 * sc_stats_proportion_se (x, n);
}

static void
set_mean (ScMetricValue *v,
          gint64         n,
          double         sum,
          double         sq)
{
  ScInterval ci = sc_stats_mean_interval (n, sum, sq, &v->se);

  v->n = n;
  v->numerator = sum;
  v->denominator = n;
  v->value = n > 0 ? sum / n : NAN;
  v->ci_low = ci.low;
  v->ci_high = ci.high;
}

static void
set_quantile (ScMetricValue *v,
              GArray        *values,
              double         q)
{
  gint32 *data = (gint32 *) values->data;
  gsize n = values->len;
  ScInterval ci;

  v->n = n;
  v->denominator = n;
  v->value = q == 0.5 ? sc_stats_median_int32 (data, n) : sc_stats_quantile_int32 (data, n, q);
  ci = sc_stats_quantile_interval_int32 (data, n, q);
  v->ci_low = ci.low;
  v->ci_high = ci.high;
  /* The standard error the interval implies, for comparisons. */
  v->se = n >= 2 ? (ci.high - ci.low) / (2 * SC_STATS_Z95) : NAN;
}

static void
set_nps (ScMetricValue *v,
         const Acc     *acc)
{
  double margin = sc_stats_nps_margin (acc->nps_pro, acc->nps_det, acc->nps_n);

  v->n = acc->nps_n;
  v->numerator = acc->nps_pro - acc->nps_det;
  v->denominator = acc->nps_n;
  v->value = acc->nps_n > 0 ? 100.0 * (acc->nps_pro - acc->nps_det) / acc->nps_n : NAN;
  v->ci_low = MAX (-100, v->value - margin);
  v->ci_high = MIN (100, v->value + margin);
  v->se = margin / SC_STATS_Z95;
}

static void
set_count (ScMetricValue *v,
           gint64         count)
{
  v->n = count;
  v->numerator = count;
  v->value = count;
  /* Poisson noise, for comparisons only. */
  v->se = sqrt ((double) count);
}

static void
set_csat_mean_pct (ScMetricValue *v,
                   const Acc     *acc)
{
  /* Each rating as a percentage of its scale; the value is the ratio of
   * sums (200 over 50 five-point ratings = 80 %), the interval the t
   * interval of the per-rating percentages. */
  double mean_pct_sum = acc->csat_max > 0 ? 100.0 * acc->csat_sum / acc->csat_max * acc->csat_n : 0;

  set_mean (v, acc->csat_n, mean_pct_sum, acc->csat_pct_sq);
  v->numerator = acc->csat_sum;
  v->denominator = acc->csat_max;
}

static void
set_utilization (ScMetricValue *v,
                 const Acc     *acc)
{
  double n = acc->agent_days, ratio, residual_sq, se;

  v->n = acc->agent_days;
  v->numerator = acc->active;
  v->denominator = acc->available;
  v->value = acc->available > 0 ? 100.0 * acc->active / acc->available : NAN;
  if (n < 2 || acc->available <= 0)
    return;
  /* The ratio estimator's standard error: Σ(active − R·available)². */
  ratio = acc->active / acc->available;
  residual_sq = acc->active_sq - 2 * ratio * acc->cross + ratio * ratio * acc->available_sq;
  se = sqrt (MAX (residual_sq, 0) / (n * (n - 1))) / (acc->available / n);
  v->se = 100 * se;
  v->ci_low = v->value - sc_stats_t_quantile_975 (n - 1) * v->se;
  v->ci_high = v->value + sc_stats_t_quantile_975 (n - 1) * v->se;
}

static void
set_churn_or_clv (ScMetricValue *v,
                  ScMetricId     metric,
                  const Acc     *acc)
{
  double value_per_purchase, per_year, lifespan;

  if (metric == SC_METRIC_CHURN)
    {
      set_proportion (v, acc->customers_lost, acc->customers_at_start);
      return;
    }
  v->n = acc->clv_customers;
  v->denominator = acc->clv_customers;
  if (acc->clv_purchases == 0 || acc->clv_years <= 0 || acc->clv_churned == 0)
    return;
  value_per_purchase = acc->clv_revenue / acc->clv_purchases;
  per_year = acc->clv_purchases / acc->clv_years;
  lifespan = acc->clv_lifespan / acc->clv_churned;
  v->value = value_per_purchase * per_year * lifespan;
  v->numerator = acc->clv_revenue;
}

static void
compute_value (ScMetricValue  *v,
               const Pass     *pass,
               const ScMetricSettings *settings,
               guint           cell)
{
  const Acc *a = &pass->acc[cell];

  set_empty (v);
  switch (v->metric)
    {
    case SC_METRIC_VOLUME: set_count (v, a->volume); break;
    case SC_METRIC_BACKLOG: set_count (v, a->backlog); break;
    case SC_METRIC_FRT_MEAN:
    case SC_METRIC_RESPONSE_TIME_MEAN: set_mean (v, a->frt_n, a->frt_sum, a->frt_sq); break;
    case SC_METRIC_FRT_MEDIAN: set_quantile (v, pass->frt_values[cell], 0.5); break;
    case SC_METRIC_FRT_P90: set_quantile (v, pass->frt_values[cell], 0.9); break;
    case SC_METRIC_RESOLUTION_TIME_MEDIAN: set_quantile (v, pass->res_values[cell], 0.5); break;
    case SC_METRIC_RESOLUTION_TIME_MEAN: set_mean (v, a->res_n, a->res_sum, a->res_sq); break;
    case SC_METRIC_RESOLUTION_RATE: set_proportion (v, a->resolved, a->volume); break;
    case SC_METRIC_FCR: set_proportion (v, a->fcr, a->fcr_n); break;
    case SC_METRIC_CSAT:
      if (settings->csat == SC_CSAT_MEAN)
        set_csat_mean_pct (v, a);
      else
        set_proportion (v, a->csat_top, a->csat_n);
      break;
    case SC_METRIC_CSAT_MEAN_PCT: set_csat_mean_pct (v, a); break;
    case SC_METRIC_NPS: set_nps (v, a); break;
    case SC_METRIC_CES: set_mean (v, a->ces_n, a->ces_sum, a->ces_sq); break;
    case SC_METRIC_SLA: set_proportion (v, a->sla_met, a->sla_n); break;
    case SC_METRIC_ABANDONMENT: set_proportion (v, a->abandoned, a->offered); break;
    case SC_METRIC_ASA: set_mean (v, a->wait_n, a->wait_sum, a->wait_sq); break;
    case SC_METRIC_AHT: set_mean (v, a->aht_n, a->aht_sum, a->aht_sq); break;
    case SC_METRIC_UTILIZATION: set_utilization (v, a); break;
    case SC_METRIC_REOPEN_RATE: set_proportion (v, a->reopened, a->reopen_n); break;
    case SC_METRIC_ESCALATION_RATE: set_proportion (v, a->esc, a->esc_n); break;
    case SC_METRIC_CONTAINMENT: set_proportion (v, a->self, a->self_n); break;
    case SC_METRIC_CHURN:
    case SC_METRIC_CLV: set_churn_or_clv (v, v->metric, a); break;
    case SC_METRIC_RESPONSE_RATE: set_proportion (v, a->survey_answered, a->survey_n); break;
    case SC_METRIC_N:
    default:
      g_assert_not_reached ();
    }
  v->insufficient = v->n < (gint64) sc_metric_get (v->metric)->min_sample;
}

static gboolean
is_proportion (const ScMetricValue *v,
               const ScMetricSettings *settings)
{
  const ScMetric *metric = sc_metric_get (v->metric);

  if (v->metric == SC_METRIC_CSAT && settings->csat == SC_CSAT_MEAN)
    return FALSE;
  return metric->aggregate == SC_AGGREGATE_PROPORTION;
}

static void
compare_values (ScMetricValue          *v,
                const ScMetricValue    *c,
                const ScMetricSettings *settings)
{
  v->has_comparison = TRUE;
  v->compare_value = c->value;
  v->compare_n = c->n;
  v->change = v->value - c->value;
  if (isnan (v->value) || isnan (c->value))
    v->significant = FALSE;
  else if (is_proportion (v, settings))
    v->significant = sc_stats_proportions_differ (v->numerator, v->denominator,
                                                  c->numerator, c->denominator);
  else
    v->significant = sc_stats_change_exceeds_noise (v->value, v->se, c->value, c->se);
}

/* ---- Ranges ----------------------------------------------------------------- */

static gint32
add_months (gint32 day,
            int    months)
{
  int y, m, d, total, last;

  sc_calendar_ymd_from_day (day, &y, &m, &d);
  total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  last = g_date_get_days_in_month (m, y);
  return sc_calendar_day_from_ymd (y, m, MIN (d, last));
}

static gboolean
is_whole_months (gint32 from_day,
                 gint32 to_day)
{
  return sc_grain_bucket_start (SC_GRAIN_MONTH, from_day) == from_day
         && sc_grain_bucket_start (SC_GRAIN_MONTH, to_day + 1) == to_day + 1;
}

/**
 * sc_query_get_comparison_range:
 * @query: a query, for its comparison and baseline
 * @from_day: the first day of a period
 * @to_day: its last day
 * @cmp_from: (out): the first day the period is compared with
 * @cmp_to: (out): the last day
 *
 * The period @from_day…@to_day is compared with, as the engine computes
 * it; without a comparison, the period itself.
 */
void
sc_query_get_comparison_range (const ScQuery *query,
                               gint32         from_day,
                               gint32         to_day,
                               gint32        *cmp_from,
                               gint32        *cmp_to)
{
  switch (query->comparison)
    {
    case SC_COMPARE_PREVIOUS:
      if (is_whole_months (from_day, to_day))
        {
          int y0, m0, y1, m1, d;

          sc_calendar_ymd_from_day (from_day, &y0, &m0, &d);
          sc_calendar_ymd_from_day (to_day, &y1, &m1, &d);
          *cmp_from = add_months (from_day, -((y1 - y0) * 12 + m1 - m0 + 1));
          *cmp_to = from_day - 1;
        }
      else
        {
          *cmp_from = from_day - (to_day - from_day + 1);
          *cmp_to = from_day - 1;
        }
      break;
    case SC_COMPARE_YEAR:
      *cmp_from = add_months (from_day, -12);
      *cmp_to = add_months (to_day + 1, -12) - 1;
      break;
    case SC_COMPARE_BASELINE:
      *cmp_from = query->baseline_from;
      *cmp_to = query->baseline_to;
      break;
    case SC_COMPARE_NONE:
    default:
      *cmp_from = from_day;
      *cmp_to = to_day;
      break;
    }
}

static void
data_range (const ScFacts *facts,
            guint          families,
            gint32        *from_day,
            gint32        *to_day)
{
  gint32 lo = G_MAXINT32, hi = G_MININT32;

  if (facts->n > 0)
    {
      lo = facts->day[0];
      hi = facts->day[facts->n - 1];
    }
  /* The interactions set the range; the other tables only when there are
   * no interactions. */
  for (guint k = 0; facts->n == 0 && (families & F_AGENTS) && k < facts->n_agent_days; k++)
    {
      lo = MIN (lo, facts->agent_day[k]);
      hi = MAX (hi, facts->agent_day[k]);
    }
  for (guint c = 0; facts->n == 0 && (families & F_CUSTOMERS) && c < facts->n_customers; c++)
    {
      lo = MIN (lo, facts->customer_start[c]);
      hi = MAX (hi, facts->customer_churn[c] != SC_FACT_OPEN ? facts->customer_churn[c]
                                                              : facts->customer_start[c]);
    }
  if (lo > hi)
    {
      /* No data at all: one empty day, today. */
      lo = hi = (gint32) (g_get_real_time () / G_USEC_PER_SEC / 86400);
    }
  *from_day = lo;
  *to_day = hi;
}

/* ---- Assembling a result ------------------------------------------------------- */

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const ScSegment *x = *(ScSegment * const *) a, *y = *(ScSegment * const *) b;

  return strcmp (x->label, y->label);
}

static gboolean
segment_has_data (const Pass *pass,
                  guint       seg)
{
  for (guint b = 0; pass != NULL && b < pass->nb; b++)
    {
      const Acc *a = &pass->acc[b * pass->n_seg + seg];

      if (a->volume > 0 || a->backlog > 0 || a->agent_days > 0 || a->clv_customers > 0
          || a->customers_at_start > 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_segments (ScQueryResult *result,
              const Pass    *pass,
              const Pass    *cmp)
{
  if (!pass->grouped)
    return;
  for (guint s = 0; s < pass->n_seg; s++)
    if (segment_has_data (pass, s) || segment_has_data (cmp, s))
      g_ptr_array_add (result->segments,
                       _sc_segment_new ((gint32) s, sc_facts_get_label (pass->facts, pass->dim, (gint32) s)));
  g_ptr_array_sort (result->segments, compare_segments);
}

static void
add_buckets (GPtrArray  *buckets,
             const Pass *pass,
             gboolean    whole_range_label)
{
  for (guint b = 0; b < pass->nb; b++)
    g_ptr_array_add (buckets,
                     _sc_bucket_new (whole_range_label ? SC_GRAIN_NONE : pass->grain,
                                     g_array_index (pass->first, gint32, b),
                                     g_array_index (pass->last, gint32, b)));
}

static void
add_values (ScQueryResult *result,
            const ScQuery *query,
            Pass          *pass,
            Pass          *cmp)
{
  const ScMetricSettings *settings = pass->facts->settings;
  guint n_seg = pass->grouped ? result->segments->len : 1;

  for (guint m = 0; m < query->metrics->len; m++)
    for (guint b = 0; b < pass->nb; b++)
      for (guint s = 0; s < n_seg; s++)
        {
          ScMetricValue v = { 0 };
          guint seg = pass->grouped ? (guint) ((ScSegment *) result->segments->pdata[s])->code : 0;
          guint cb = query->comparison == SC_COMPARE_BASELINE ? 0 : b;

          v.metric = g_array_index (query->metrics, ScMetricId, m);
          v.bucket = b;
          v.segment = pass->grouped ? (int) s : -1;
          compute_value (&v, pass, settings, b * pass->n_seg + seg);
          if (cmp != NULL && cb < cmp->nb)
            {
              ScMetricValue c = { 0 };

              c.metric = v.metric;
              compute_value (&c, cmp, settings, cb * cmp->n_seg + seg);
              compare_values (&v, &c, settings);
            }
          g_array_append_val (result->values, v);
        }
}

static guint
query_families (const ScQuery *query)
{
  guint families = 0;

  for (guint m = 0; m < query->metrics->len; m++)
    families |= metric_families (g_array_index (query->metrics, ScMetricId, m));
  return families;
}

static gboolean
check_query (const ScQuery  *query,
             GError        **error)
{
  if (query->metrics->len == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The query names no metric"));
      return FALSE;
    }
  if (query->comparison == SC_COMPARE_BASELINE && query->baseline_from > query->baseline_to)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("The baseline period ends before it starts"));
      return FALSE;
    }
  if (query->comparison == SC_COMPARE_BASELINE && query->baseline_from == 0 && query->baseline_to == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A baseline comparison needs a baseline period"));
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_engine_compute:
 * @facts: a fact cache
 * @query: the query
 * @error: return location for an error
 *
 * Answers @query from @facts. Without a range the query covers all the
 * data; without a grain each metric (and segment) gets one value for the
 * whole range.
 *
 * Returns: (transfer full) (nullable): the result, %NULL on an invalid
 *   query
 */
ScQueryResult *
sc_engine_compute (const ScFacts  *facts,
                   const ScQuery  *query,
                   GError        **error)
{
  g_autoptr(ScQueryResult) result = NULL;
  guint families;
  gint32 from_day, to_day, cmp_from, cmp_to;
  Pass pass, cmp;
  gboolean has_cmp;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_query (query, error))
    return NULL;
  families = query_families (query);
  if (query->has_range)
    {
      from_day = query->from_day;
      to_day = query->to_day;
    }
  else
    data_range (facts, families, &from_day, &to_day);

  result = _sc_query_result_new ();
  result->variant = sc_metric_settings_describe (facts->settings);
  result->grain = query->grain;
  result->grouped = query->grouped;
  result->group_by = query->group_by;

  pass_init (&pass, facts, query, families, from_day, to_day, query->grain);
  pass_run (&pass);
  has_cmp = query->comparison != SC_COMPARE_NONE;
  if (has_cmp)
    {
      sc_query_get_comparison_range (query, from_day, to_day, &cmp_from, &cmp_to);
      pass_init (&cmp, facts, query, families, cmp_from, cmp_to,
                 query->comparison == SC_COMPARE_BASELINE ? SC_GRAIN_NONE : query->grain);
      pass_run (&cmp);
      add_buckets (result->compare_buckets, &cmp, FALSE);
    }
  add_buckets (result->buckets, &pass, FALSE);
  add_segments (result, &pass, has_cmp ? &cmp : NULL);
  add_values (result, query, &pass, has_cmp ? &cmp : NULL);
  pass_clear (&pass);
  if (has_cmp)
    pass_clear (&cmp);
  return g_steal_pointer (&result);
}

/* ---- Drivers ------------------------------------------------------------------ */

static gboolean
is_count (ScMetricId metric)
{
  return sc_metric_get (metric)->aggregate == SC_AGGREGATE_COUNT;
}

static ScQueryResult *
segment_values (const ScFacts  *facts,
                const ScQuery  *base,
                ScMetricId      metric,
                gboolean        grouped,
                ScDimension     dim,
                gint32          from_day,
                gint32          to_day,
                GError        **error)
{
  g_autoptr(ScQuery) query = sc_query_new ();

  sc_query_add_metric (query, metric);
  sc_query_set_range (query, from_day, to_day);
  if (grouped)
    sc_query_set_group_by (query, dim);
  for (guint f = 0; base != NULL && f < base->filters->len; f++)
    {
      const ScQueryFilter *filter = base->filters->pdata[f];

      for (guint v = 0; v < filter->values->len; v++)
        sc_query_add_filter (query, filter->dim, filter->values->pdata[v]);
    }
  return sc_engine_compute (facts, query, error);
}

static const ScMetricValue *
find_segment_value (const ScQueryResult *result,
                    const char          *label)
{
  int s = sc_query_result_find_segment (result, label);

  return s < 0 ? NULL : sc_query_result_get_value (result, ((ScMetricValue *) result->values->data)->metric, 0, s);
}

static double
weight_of (const ScMetricValue *v)
{
  return v == NULL || isnan (v->denominator) ? 0 : v->denominator;
}

static ScDriverSegment *
make_driver_segment (const char          *label,
                     const ScMetricValue *now,
                     const ScMetricValue *then,
                     double               total_now,
                     double               total_then,
                     double               value_then,
                     ScMetricId           metric)
{
  ScDriverSegment *seg = g_new0 (ScDriverSegment, 1);
  double r1, r0;

  seg->label = g_strdup (label);
  seg->share = total_now > 0 ? weight_of (now) / total_now : 0;
  seg->against_share = total_then > 0 ? weight_of (then) / total_then : 0;
  seg->value = now != NULL ? now->value : NAN;
  seg->against_value = then != NULL ? then->value : NAN;
  seg->n = now != NULL ? now->n : 0;
  seg->against_n = then != NULL ? then->n : 0;
  if (is_count (metric))
    {
      seg->rate = (now != NULL ? now->value : 0) - (then != NULL ? then->value : 0);
      seg->contribution = seg->rate;
      return seg;
    }
  /* A segment absent from one period takes the total's value there, so
   * its whole weight shows as mix and nothing as rate. */
  r0 = isnan (seg->against_value) ? value_then : seg->against_value;
  r1 = isnan (seg->value) ? r0 : seg->value;
  seg->mix = (seg->share - seg->against_share) * (r0 - value_then);
  seg->rate = seg->share * (r1 - r0);
  seg->contribution = seg->mix + seg->rate;
  return seg;
}

static int
compare_contribution (gconstpointer a,
                      gconstpointer b)
{
  const ScDriverSegment *x = *(ScDriverSegment * const *) a;
  const ScDriverSegment *y = *(ScDriverSegment * const *) b;
  double dx = fabs (x->contribution), dy = fabs (y->contribution);

  if (dx != dy)
    return dx > dy ? -1 : 1;
  return strcmp (x->label, y->label);
}

static double
total_weight (const ScQueryResult *result)
{
  double total = 0;

  for (guint i = 0; i < result->values->len; i++)
    total += weight_of (&g_array_index (result->values, ScMetricValue, i));
  return total;
}

static void
add_driver_segments (ScDrivers           *drivers,
                     const ScQueryResult *now,
                     const ScQueryResult *then)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double w_now = total_weight (now), w_then = total_weight (then);
  const ScQueryResult *sides[] = { now, then };

  for (guint side = 0; side < 2; side++)
    for (guint s = 0; s < sides[side]->segments->len; s++)
      {
        const char *label = ((ScSegment *) sides[side]->segments->pdata[s])->label;
        ScDriverSegment *seg;

        if (!g_hash_table_add (seen, (gpointer) label))
          continue;
        seg = make_driver_segment (label, find_segment_value (now, label),
                                   find_segment_value (then, label), w_now, w_then,
                                   drivers->against_value, drivers->metric);
        drivers->mix_effect += seg->mix;
        drivers->rate_effect += seg->rate;
        g_ptr_array_add (drivers->segments, seg);
      }
  g_ptr_array_sort (drivers->segments, compare_contribution);
}

/**
 * sc_engine_compute_drivers:
 * @facts: a fact cache
 * @query: (nullable): a query whose filters apply to both periods
 * @metric: the metric
 * @dim: the dimension to split the change by
 * @from_day: the period's first day
 * @to_day: the period's last day
 * @against_from: the first day of the period compared against
 * @against_to: its last day
 * @error: return location for an error
 *
 * Splits the change of @metric between the two periods into each segment's
 * mix effect (its share of the sample moved) and rate effect (its own value
 * moved), and ranks the segments by their contribution. This answers
 * "CSAT fell — which channel?" in one call.
 *
 * Returns: (transfer full) (nullable): the drivers
 */
ScDrivers *
sc_engine_compute_drivers (const ScFacts  *facts,
                           const ScQuery  *query,
                           ScMetricId      metric,
                           ScDimension     dim,
                           gint32          from_day,
                           gint32          to_day,
                           gint32          against_from,
                           gint32          against_to,
                           GError        **error)
{
  g_autoptr(ScQueryResult) total_now = NULL;
  g_autoptr(ScQueryResult) total_then = NULL;
  g_autoptr(ScQueryResult) now = NULL;
  g_autoptr(ScQueryResult) then = NULL;
  const ScMetricValue *v1, *v0;
  ScDrivers *drivers;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (metric < SC_METRIC_N && dim < SC_DIM_MAX, NULL);
  g_return_val_if_fail (from_day <= to_day && against_from <= against_to, NULL);

  if (!(total_now = segment_values (facts, query, metric, FALSE, dim, from_day, to_day, error))
      || !(total_then = segment_values (facts, query, metric, FALSE, dim, against_from, against_to, error))
      || !(now = segment_values (facts, query, metric, TRUE, dim, from_day, to_day, error))
      || !(then = segment_values (facts, query, metric, TRUE, dim, against_from, against_to, error)))
    return NULL;
  v1 = &g_array_index (total_now->values, ScMetricValue, 0);
  v0 = &g_array_index (total_then->values, ScMetricValue, 0);

  drivers = g_new0 (ScDrivers, 1);
  drivers->metric = metric;
  drivers->dim = dim;
  drivers->value = v1->value;
  drivers->against_value = v0->value;
  drivers->change = v1->value - v0->value;
  drivers->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) _sc_driver_segment_free);
  drivers->variant = g_strdup (total_now->variant);
  {
    ScMetricValue tmp = *v1;

    compare_values (&tmp, v0, facts->settings);
    drivers->significant = tmp.significant;
  }
  add_driver_segments (drivers, now, then);
  drivers->residual = drivers->change - drivers->mix_effect - drivers->rate_effect;
  return drivers;
}

/* ---- ScEngine ------------------------------------------------------------------ */

struct _ScEngine
{
  GObject           parent_instance;

  ScStore          *store;
  ScMetricSettings *settings;   /* an override, or NULL for the store's */
  ScFacts          *facts;
  char             *cache_path; /* the saved cache, or NULL for none */
  GMutex            lock;       /* guards @facts across threads */
};

G_DEFINE_FINAL_TYPE (ScEngine, sc_engine, G_TYPE_OBJECT)

static void
sc_engine_finalize (GObject *object)
{
  ScEngine *self = SC_ENGINE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->settings, sc_metric_settings_free);
  g_clear_pointer (&self->facts, sc_facts_unref);
  g_clear_pointer (&self->cache_path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sc_engine_parent_class)->finalize (object);
}

static void
sc_engine_class_init (ScEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_engine_finalize;
}

static void
sc_engine_init (ScEngine *self)
{
  g_mutex_init (&self->lock);
}

/**
 * sc_engine_new:
 * @store: the store to answer queries from
 *
 * Returns: (transfer full): a new engine; the cache loads on first use
 */
ScEngine *
sc_engine_new (ScStore *store)
{
  ScEngine *self;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  self = g_object_new (SC_TYPE_ENGINE, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * sc_engine_get_store:
 * @self: an engine
 *
 * Returns: (transfer none): its store
 */
ScStore *
sc_engine_get_store (ScEngine *self)
{
  g_return_val_if_fail (SC_IS_ENGINE (self), NULL);

  return self->store;
}

/**
 * sc_engine_set_settings:
 * @self: an engine
 * @settings: (nullable): variants to use instead of the store's, or %NULL
 *   to read them from the store before every query
 */
void
sc_engine_set_settings (ScEngine               *self,
                        const ScMetricSettings *settings)
{
  g_return_if_fail (SC_IS_ENGINE (self));

  g_clear_pointer (&self->settings, sc_metric_settings_free);
  if (settings != NULL)
    self->settings = sc_metric_settings_copy (settings);
}

/**
 * sc_engine_set_cache_file:
 * @self: an engine
 * @path: (nullable): where to save the fact cache between runs (usually
 *   sc_facts_file_path_for_store()), or %NULL to keep it in memory only
 *
 * With a cache file, loading the facts reads that file when it is current
 * (same data version, same variants, intact) instead of every row of the
 * store, and a load from the store saves the file for the next run.
 */
void
sc_engine_set_cache_file (ScEngine   *self,
                          const char *path)
{
  g_return_if_fail (SC_IS_ENGINE (self));

  g_free (self->cache_path);
  self->cache_path = g_strdup (path);
}

static ScFacts *
load_facts (ScEngine                *self,
            const ScMetricSettings  *settings,
            GError                 **error)
{
  g_autoptr(GError) cache_error = NULL;
  ScFacts *facts;

  if (self->cache_path != NULL
      && (facts = sc_facts_file_read (self->cache_path, self->store, settings, &cache_error)) != NULL)
    return facts;
  if (cache_error != NULL)
    g_debug ("Loading the facts from the store: %s", cache_error->message);
  g_clear_error (&cache_error);
  if ((facts = sc_facts_load (self->store, settings, error)) == NULL)
    return NULL;
  /* A cache that cannot be saved (a read-only folder) only costs time. */
  if (self->cache_path != NULL && facts->data_version > 0
      && !sc_facts_file_write (facts, self->cache_path, &cache_error))
    g_debug ("Not saving the fact cache: %s", cache_error->message);
  return facts;
}

static const ScFacts *
ensure_facts_locked (ScEngine  *self,
                     GError   **error)
{
  g_autoptr(ScMetricSettings) stored = NULL;
  const ScMetricSettings *settings = self->settings;
  ScFacts *facts;

  if (settings == NULL)
    {
      if ((stored = sc_metric_settings_load (self->store, error)) == NULL)
        return NULL;
      settings = stored;
    }
  if (self->facts != NULL && sc_facts_is_current (self->facts, self->store, settings))
    return self->facts;
  if ((facts = load_facts (self, settings, error)) == NULL)
    return NULL;
  g_clear_pointer (&self->facts, sc_facts_unref);
  self->facts = facts;
  return facts;
}

/**
 * sc_engine_ensure_facts:
 * @self: an engine
 * @error: return location for an error
 *
 * Loads the fact cache, or reloads it when an import changed the store or
 * the variants changed since it was loaded.
 *
 * Returns: (transfer none) (nullable): the current cache, valid until the
 *   next call that reloads it (see sc_engine_dup_facts() for threads); %NULL on error
 */
const ScFacts *
sc_engine_ensure_facts (ScEngine  *self,
                        GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SC_IS_ENGINE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return ensure_facts_locked (self, error);
}

/**
 * sc_engine_dup_facts:
 * @self: an engine
 * @error: return location for an error
 *
 * Like sc_engine_ensure_facts(), but safe when several threads compute at
 * once: the cache returned stays valid, whatever other threads reload,
 * until the caller drops its reference.
 *
 * Returns: (transfer full) (nullable): the current cache; %NULL on error
 */
ScFacts *
sc_engine_dup_facts (ScEngine  *self,
                     GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const ScFacts *facts;

  g_return_val_if_fail (SC_IS_ENGINE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  if ((facts = ensure_facts_locked (self, error)) == NULL)
    return NULL;
  return sc_facts_ref ((ScFacts *) facts);
}

/**
 * sc_engine_run:
 * @self: an engine
 * @query: the query
 * @error: return location for an error
 *
 * Answers @query from the store's current data (see sc_engine_compute()).
 *
 * Returns: (transfer full) (nullable): the result
 */
ScQueryResult *
sc_engine_run (ScEngine       *self,
               const ScQuery  *query,
               GError        **error)
{
  const ScFacts *facts;

  g_return_val_if_fail (SC_IS_ENGINE (self), NULL);

  if ((facts = sc_engine_ensure_facts (self, error)) == NULL)
    return NULL;
  return sc_engine_compute (facts, query, error);
}

/**
 * sc_engine_drivers:
 * @self: an engine
 * @query: (nullable): a query whose filters apply
 * @metric: the metric
 * @dim: the dimension
 * @from_day: the period's first day
 * @to_day: its last day
 * @against_from: the first day of the period compared against
 * @against_to: its last day
 * @error: return location for an error
 *
 * See sc_engine_compute_drivers().
 *
 * Returns: (transfer full) (nullable): the drivers
 */
ScDrivers *
sc_engine_drivers (ScEngine       *self,
                   const ScQuery  *query,
                   ScMetricId      metric,
                   ScDimension     dim,
                   gint32          from_day,
                   gint32          to_day,
                   gint32          against_from,
                   gint32          against_to,
                   GError        **error)
{
  const ScFacts *facts;

  g_return_val_if_fail (SC_IS_ENGINE (self), NULL);

  if ((facts = sc_engine_ensure_facts (self, error)) == NULL)
    return NULL;
  return sc_engine_compute_drivers (facts, query, metric, dim, from_day, to_day,
                                    against_from, against_to, error);
}
