/* sc-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deterministic demo organisation: about 50,000 interactions over 24
 * months across five channels, six teams and forty agents, with surveys,
 * call handling, customers and agent time. Replies get faster over the two
 * years while chat grows; one month (the fifth before the last) has an
 * incident with slow replies and unhappy customers, so every chart has
 * something to show. The same options always write the same store.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-calendar.h"
#include "sc-demo.h"
#include "sc-target.h"

#define N_AGENTS 40
#define N_CUSTOMERS 4000
#define DAILY_BASE 66.0
#define INCIDENT_OFFSET 4   /* months before the last */

typedef enum { CH_EMAIL, CH_CHAT, CH_PHONE, CH_SOCIAL, CH_WEB, N_CHANNELS } Channel;

static const char * const channels[N_CHANNELS] = { "Email", "Chat", "Phone", "Social", "Web" };
static const char * const teams[] = {
  "Frontline", "Billing", "Technical", "Escalations", "Enterprise", "Social Care",
};
static const int team_sizes[G_N_ELEMENTS (teams)] = { 10, 7, 8, 5, 5, 5 };
static const char * const priorities[] = { "Low", "Normal", "High", "Urgent" };
static const char * const categories[] = {
  "Billing & Invoices", "Login & Access", "Bug Report", "Feature Request", "How-to",
  "Integrations", "Performance", "Data Import/Export", "Account Changes", "Refund Request",
  "Security", "Onboarding",
};
static const char * const category_tags[G_N_ELEMENTS (categories)] = {
  "billing", "login", "bug", "feature", "howto", "integrations", "performance", "data",
  "account", "refund", "security", "onboarding",
};
static const char * const segments[] = { "Free", "Pro", "Enterprise" };
static const char * const regions[] = { "North America", "EMEA", "APAC", "LATAM" };
static const char * const languages[] = { "English", "German", "French", "Spanish" };
static const char * const products[] = { "Core", "Analytics", "Mobile" };
static const char * const first_names[] = {
  "Amara", "Bastian", "Chloé", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas",
  "Kaia", "Lucas", "Maren", "Nils", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
};
static const char * const last_names[] = { "Berg", "Costa", "Durand", "Eriksen", "Fischer",
                                           "García", "Haddad", "Ito", "Jansen", "Kowalski" };

typedef struct
{
  GRand        *rand;
  GTimeZone    *tz;
  ScStoreBatch *batch;
  GCancellable *cancellable;
  ScImportCounts *counts;

  GDateTime    *start;        /* first day of the first month, local */
  int           n_months;
  char         *agents[N_AGENTS];
  int           agent_team[N_AGENTS];
  int           customer_segment[N_CUSTOMERS];
  int           customer_region[N_CUSTOMERS];
  gint64        serial;
} Demo;

/* ---- Random helpers ---------------------------------------------------- */

static double
uniform (Demo *demo)
{
  return g_rand_double (demo->rand);
}

static int
pick (Demo         *demo,
      const double *weights,
      int           n)
{
  double total = 0, r;

  for (int i = 0; i < n; i++)
    total += weights[i];
  r = uniform (demo) * total;
  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

/* A log-normal draw with the given median and spread. */
static double
lognormal (Demo   *demo,
           double  median,
           double  sigma)
{
  double u1 = MAX (uniform (demo), 1e-12), u2 = uniform (demo);
  double z = sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);

  return median * exp (sigma * z);
}

/* ---- The organisation -------------------------------------------------- */

static void
make_people (Demo *demo)
{
  int agent = 0;

  for (guint t = 0; t < G_N_ELEMENTS (teams); t++)
    for (int k = 0; k < team_sizes[t]; k++, agent++)
      {
        demo->agents[agent] = g_strdup_printf ("%s %s",
                                               first_names[agent % G_N_ELEMENTS (first_names)],
                                               last_names[(agent * 7 + t) % G_N_ELEMENTS (last_names)]);
        demo->agent_team[agent] = t;
      }
  for (int c = 0; c < N_CUSTOMERS; c++)
    {
      static const double segment_weights[] = { 0.55, 0.35, 0.10 };
      static const double region_weights[] = { 0.42, 0.33, 0.15, 0.10 };

      demo->customer_segment[c] = pick (demo, segment_weights, 3);
      demo->customer_region[c] = pick (demo, region_weights, 4);
    }
}

static int
pick_agent (Demo *demo,
            int   team)
{
  int first = 0;

  for (int t = 0; t < team; t++)
    first += team_sizes[t];
  return first + g_rand_int_range (demo->rand, 0, team_sizes[team]);
}

static int
pick_team (Demo    *demo,
           Channel  channel,
           int      category,
           int      segment)
{
  if (channel == CH_SOCIAL)
    return 5;
  if (segment == 2 && uniform (demo) < 0.7)
    return 4;
  if (category == 0 || category == 9)
    return 1;
  if ((category == 2 || category == 5 || category == 6) && uniform (demo) < 0.7)
    return 2;
  return uniform (demo) < 0.06 ? 3 : 0;
}

/* ---- One interaction --------------------------------------------------- */

typedef struct
{
  double progress;   /* 0 at the start, 1 at the end of the history */
  gboolean incident;
  gboolean december;
} Month;

static Channel
pick_channel (Demo  *demo,
              Month *month)
{
  double chat = 0.18 + 0.14 * month->progress;
  double email = 0.40 - 0.12 * month->progress;
  double weights[N_CHANNELS] = { email, chat, 0.20, 0.07, 0.15 - 0.02 * month->progress };

  return (Channel) pick (demo, weights, N_CHANNELS);
}

/* Seconds to first reply: chat and phone in seconds or minutes, written
 * channels in hours; faster over time, slower in December and much slower
 * during the incident. */
static double
first_reply_seconds (Demo    *demo,
                     Channel  channel,
                     int      priority,
                     Month   *month)
{
  double median, factor = 1.6 - 1.0 * month->progress;

  if (channel == CH_CHAT || channel == CH_PHONE)
    median = 70.0;
  else
    median = 3.5 * 3600.0 / (1.0 + priority * 0.6);
  if (month->december)
    factor *= 1.35;
  if (month->incident)
    factor *= 2.6;
  return lognormal (demo, median * factor, 0.9);
}

static gint64
sla_target (Channel channel,
            int     priority,
            int     segment)
{
  static const gint64 live[] = { 300, 180, 120, 60 };
  static const gint64 written[] = { 86400, 28800, 14400, 3600 };
  static const gint64 enterprise[] = { 28800, 14400, 3600, 1800 };

  if (channel == CH_CHAT || channel == CH_PHONE)
    return live[priority];
  return segment == 2 ? enterprise[priority] : written[priority];
}

static int
csat_score (Demo   *demo,
            double  frt_ratio,
            Month  *month)
{
  double mood = 0.78 + 0.04 * month->progress - 0.12 * MIN (frt_ratio, 3.0);
  double r = uniform (demo);

  if (month->incident)
    mood -= 0.22;
  if (r < mood * 0.72)
    return 5;
  if (r < mood)
    return 4;
  if (r < mood + (1 - mood) * 0.3)
    return 3;
  if (r < mood + (1 - mood) * 0.55)
    return 2;
  return 1;
}

static void
add_surveys (Demo          *demo,
             ScInteraction *it,
             double         frt_ratio,
             Month         *month)
{
  if (it->abandoned == 1 || it->self_service == 1)
    return;
  it->survey_offered = uniform (demo) < 0.7;
  if (it->survey_offered && uniform (demo) < 0.36)
    {
      it->csat = csat_score (demo, frt_ratio, month);
      it->csat_scale = 5;
    }
  if (uniform (demo) < 0.10)
    {
      double r = uniform (demo) + (month->incident ? 0.18 : 0) - 0.05 * month->progress;

      it->nps = r < 0.42 ? 9 + (uniform (demo) < 0.5) : r < 0.72 ? 7 + (uniform (demo) < 0.5)
                : (int) (uniform (demo) * 7);
    }
  if (uniform (demo) < 0.08)
    {
      it->ces = CLAMP ((int) lognormal (demo, month->incident ? 3.2 : 2.2, 0.45), 1, 7);
      it->ces_scale = 7;
    }
}

static void
add_call_handling (Demo          *demo,
                   ScInteraction *it,
                   Channel        channel,
                   Month         *month)
{
  if (channel == CH_PHONE)
    {
      it->kind = SC_KIND_CALL;
      it->wait_s = (gint64) lognormal (demo, month->incident ? 95 : 38, 0.8);
      it->abandoned = uniform (demo) < (month->incident ? 0.16 : 0.055 + it->wait_s / 6000.0);
      if (it->abandoned == 1)
        return;
      it->talk_s = (gint64) lognormal (demo, 330, 0.5);
      it->hold_s = uniform (demo) < 0.3 ? (gint64) lognormal (demo, 60, 0.6) : 0;
      it->wrap_s = (gint64) lognormal (demo, 75, 0.4);
      it->handle_s = it->talk_s + it->hold_s + it->wrap_s;
      return;
    }
  if (channel == CH_CHAT)
    {
      it->kind = SC_KIND_CHAT;
      it->wait_s = (gint64) lognormal (demo, 25, 0.7);
      it->abandoned = uniform (demo) < 0.04;
      if (it->abandoned == 1)
        return;
      it->handle_s = (gint64) lognormal (demo, 540, 0.5);
      return;
    }
  it->abandoned = 0;
  it->handle_s = (gint64) lognormal (demo, 420, 0.6);
}

static void
add_resolution (Demo          *demo,
                ScInteraction *it,
                Channel        channel,
                gint64         now,
                Month         *month)
{
  double live = channel == CH_CHAT || channel == CH_PHONE;
  double seconds = lognormal (demo, live ? 2400 : 26 * 3600, live ? 1.3 : 1.0);

  if (month->incident)
    seconds *= 1.8;
  it->agent_touches = uniform (demo) < (live ? 0.78 : 0.58) - (month->incident ? 0.15 : 0) ? 1
                      : 2 + (int) (uniform (demo) * 4);
  it->replies = MAX (1, it->agent_touches - (uniform (demo) < 0.3));
  it->reopens = uniform (demo) < 0.07 ? 1 : 0;
  if (it->created_at + (gint64) seconds > now)
    {
      it->resolved = 0;
      it->dims[SC_DIM_STATUS] = uniform (demo) < 0.6 ? "Open" : "Pending";
      return;
    }
  it->resolved = 1;
  it->resolved_at = it->created_at + (gint64) seconds;
  it->resolution_s = (gint64) seconds;
  it->dims[SC_DIM_STATUS] = now - it->resolved_at > 4 * 86400 ? "Closed" : "Solved";
  if (it->dims[SC_DIM_STATUS][0] == 'C')
    it->closed_at = it->resolved_at + 4 * 86400;
}

static gboolean
write_interaction (Demo     *demo,
                   gint64    created,
                   gint64    now,
                   Month    *month,
                   GError  **error)
{
  static const double priority_weights[] = { 0.2, 0.55, 0.18, 0.07 };
  static const double category_weights[] = { 11, 12, 10, 5, 14, 7, 6, 6, 9, 5, 4, 11 };
  static const double language_weights[] = { 0.62, 0.16, 0.12, 0.10 };
  ScInteraction it;
  char id[32], customer_id[16], tags[96];
  Channel channel = pick_channel (demo, month);
  int customer = g_rand_int_range (demo->rand, 0, N_CUSTOMERS);
  int segment = demo->customer_segment[customer];
  int priority = pick (demo, priority_weights, 4);
  int category = pick (demo, category_weights, G_N_ELEMENTS (categories));
  int team = pick_team (demo, channel, category, segment);
  double frt = 0;

  if (month->incident && uniform (demo) < 0.3)
    category = uniform (demo) < 0.6 ? 6 : 2;

  sc_interaction_init (&it);
  g_snprintf (id, sizeof id, "D-%06" G_GINT64_FORMAT, ++demo->serial);
  g_snprintf (customer_id, sizeof customer_id, "C%05d", customer + 1);
  it.external_id = id;
  it.customer_id = customer_id;
  it.created_at = created;
  it.dims[SC_DIM_CHANNEL] = channels[channel];
  it.dims[SC_DIM_TEAM] = teams[team];
  it.dims[SC_DIM_PRIORITY] = priorities[priority];
  it.dims[SC_DIM_CATEGORY] = categories[category];
  it.dims[SC_DIM_CUSTOMER_SEGMENT] = segments[segment];
  it.dims[SC_DIM_REGION] = regions[demo->customer_region[customer]];
  it.dims[SC_DIM_LANGUAGE] = languages[pick (demo, language_weights, 4)];
  it.dims[SC_DIM_PRODUCT] = products[(customer + category) % G_N_ELEMENTS (products)];
  it.escalated = uniform (demo) < (team == 3 ? 0.5 : 0.035);
  it.self_service = channel == CH_WEB && uniform (demo) < 0.22;
  it.sla_target_s = sla_target (channel, priority, segment);
  g_snprintf (tags, sizeof tags, "%s%s%s", category_tags[category],
              segment == 2 ? " vip" : "", uniform (demo) < 0.2 ? " mobile_app" : "");
  it.dims[SC_DIM_TAGS] = tags;

  add_call_handling (demo, &it, channel, month);
  if (it.abandoned == 1 || it.self_service == 1)
    {
      it.resolved = it.self_service == 1;
      it.resolved_at = it.self_service == 1 ? created + 600 : SC_MISSING;
      it.dims[SC_DIM_STATUS] = it.self_service == 1 ? "Solved" : "Abandoned";
      it.replies = 0;
      it.agent_touches = 0;
    }
  else
    {
      it.dims[SC_DIM_AGENT] = demo->agents[pick_agent (demo, team)];
      frt = first_reply_seconds (demo, channel, priority, month);
      it.first_reply_s = (gint64) frt;
      it.first_reply_at = created + it.first_reply_s;
      it.sla_breached = it.first_reply_s > it.sla_target_s;
      add_resolution (demo, &it, channel, now, month);
    }
  it.contacts = 1 + (uniform (demo) < 0.12);
  add_surveys (demo, &it, it.sla_target_s > 0 ? frt / (double) it.sla_target_s : 0, month);

  /* Counted by sc_store_batch_commit(). */
  if (!sc_store_batch_add_interaction (demo->batch, &it, NULL, error))
    return FALSE;
  demo->counts->rows_read++;
  return TRUE;
}

/* ---- Days and months --------------------------------------------------- */

static double
day_volume (Demo      *demo,
            GDateTime *day,
            Month     *month)
{
  static const double weekday_factor[] = { 0, 1.25, 1.1, 1.05, 1.0, 0.92, 0.42, 0.36 };
  double volume = DAILY_BASE * (1.0 + 0.4 * month->progress)
                  * weekday_factor[g_date_time_get_day_of_week (day)];

  if (month->incident && g_date_time_get_day_of_month (day) >= 9
      && g_date_time_get_day_of_month (day) <= 13)
    volume *= 1.9;
  if (g_date_time_get_month (day) == 12 && g_date_time_get_day_of_month (day) >= 24)
    volume *= 0.45;
  return volume * (0.85 + 0.3 * uniform (demo));
}

/* Seconds into the local day: mostly business hours. */
static int
time_of_day (Demo *demo)
{
  static const double hour_weights[24] = { 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 1, 2.5, 5, 8, 9, 8.5,
                                           7, 8, 8.5, 8, 7, 5, 3.5, 2.5, 1.8, 1.2, 0.8, 0.4 };
  int hour = pick (demo, hour_weights, 24);

  return hour * 3600 + g_rand_int_range (demo->rand, 0, 3600);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
generate_day (Demo       *demo,
              GDateTime  *day,
              gint64      now,
              Month      *month,
              GError    **error)
{
  int n = (int) round (day_volume (demo, day, month));
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  /* Tickets are written in the order they were created. */
  for (int i = 0; i < n; i++)
    {
      int t = time_of_day (demo);
      g_autoptr(GDateTime) local = g_date_time_add_seconds (day, t);
      gint64 created = g_date_time_to_unix (local);

      g_array_append_val (times, created);
    }
  g_array_sort (times, compare_int64);
  for (int i = 0; i < n; i++)
    if (!write_interaction (demo, g_array_index (times, gint64, i), now, month, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_cancelled (Demo    *demo,
                 GError **error)
{
  if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
    return FALSE;
  return TRUE;
}

static gboolean
generate_interactions (Demo    *demo,
                       gint64   now,
                       GError **error)
{
  for (int m = 0; m < demo->n_months; m++)
    {
      g_autoptr(GDateTime) first = g_date_time_add_months (demo->start, m);
      g_autoptr(GDateTime) next = g_date_time_add_months (demo->start, m + 1);
      Month month = {
        .progress = demo->n_months > 1 ? m / (double) (demo->n_months - 1) : 1.0,
        .incident = m == demo->n_months - 1 - INCIDENT_OFFSET,
        .december = g_date_time_get_month (first) == 12,
      };

      if (!check_cancelled (demo, error))
        return FALSE;
      for (g_autoptr(GDateTime) day = g_date_time_ref (first);
           g_date_time_compare (day, next) < 0;)
        {
          GDateTime *following;

          if (!generate_day (demo, day, now, &month, error))
            return FALSE;
          following = g_date_time_add_days (day, 1);
          g_date_time_unref (day);
          day = following;
        }
    }
  return TRUE;
}

/* Customers: started over the three years before the end, some churned,
 * each paying a monthly fee by segment while a customer. */
static gboolean
generate_customers (Demo    *demo,
                    gint64   now,
                    GError **error)
{
  static const double monthly_fee[] = { 0, 49, 890 };
  gint64 history_start = g_date_time_to_unix (demo->start) - 365 * 86400;

  for (int c = 0; c < N_CUSTOMERS; c++)
    {
      ScCustomer customer;
      ScWriteOutcome outcome;
      char id[16], name[64];
      gint64 end;
      double months;

      sc_customer_init (&customer);
      g_snprintf (id, sizeof id, "C%05d", c + 1);
      g_snprintf (name, sizeof name, "%s %s",
                  first_names[(c * 3) % G_N_ELEMENTS (first_names)],
                  last_names[(c * 11) % G_N_ELEMENTS (last_names)]);
      customer.external_id = id;
      customer.name = name;
      customer.segment = segments[demo->customer_segment[c]];
      customer.region = regions[demo->customer_region[c]];
      customer.started_at = history_start + (gint64) (uniform (demo) * (now - history_start) * 0.9);
      if (uniform (demo) < 0.22)
        customer.churned_at = customer.started_at
                              + (gint64) (uniform (demo) * (now - customer.started_at));
      end = customer.churned_at != SC_MISSING ? customer.churned_at : now;
      months = (end - customer.started_at) / (30.44 * 86400);
      customer.purchases = (gint64) ceil (months);
      customer.revenue = round (customer.purchases * monthly_fee[demo->customer_segment[c]]
                                * (0.9 + 0.2 * uniform (demo)) * 100) / 100;
      if (!sc_store_batch_add_customer (demo->batch, &customer, &outcome, error))
        return FALSE;
    }
  return TRUE;
}

/* Agent time: every agent on every weekday, available for a shift and
 * active for most of it. */
static gboolean
generate_agent_time (Demo    *demo,
                     gint64   now,
                     GError **error)
{
  g_autoptr(GDateTime) day = g_date_time_ref (demo->start);

  while (g_date_time_to_unix (day) < now)
    {
      GDateTime *following;

      if (g_date_time_get_day_of_week (day) <= 5)
        for (int a = 0; a < N_AGENTS; a++)
          {
            ScAgentTime at;
            ScWriteOutcome outcome;

            if (uniform (demo) < 0.08)
              continue;   /* leave, training, sick days */
            sc_agent_time_init (&at);
            at.agent = demo->agents[a];
            at.team = teams[demo->agent_team[a]];
            at.day = g_date_time_to_unix (day);
            at.available_s = 7 * 3600 + g_rand_int_range (demo->rand, 0, 3600);
            at.active_s = (gint64) (at.available_s * (0.68 + 0.2 * uniform (demo)));
            if (!sc_store_batch_add_agent_time (demo->batch, &at, &outcome, error))
              return FALSE;
          }
      following = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = following;
    }
  return TRUE;
}

/* ---- Public API -------------------------------------------------------- */

void
sc_demo_options_init (ScDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->seed = SC_DEMO_DEFAULT_SEED;
  options->end_year = 0;
  options->end_month = 0;
  options->months = 24;
  options->targets = TRUE;
}

static GDateTime *
first_month (GTimeZone           *tz,
             const ScDemoOptions *options)
{
  g_autoptr(GDateTime) end = NULL;

  if (options->end_year > 0)
    end = g_date_time_new (tz, options->end_year, options->end_month, 1, 0, 0, 0);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autoptr(GDateTime) this_month = g_date_time_new (tz, g_date_time_get_year (now),
                                                         g_date_time_get_month (now), 1, 0, 0, 0);

      end = g_date_time_add_months (this_month, -1);
    }
  return g_date_time_add_months (end, 1 - options->months);
}

/* ---- Targets ------------------------------------------------------------ */

/* The year targets Northwind's manager sets each December for the coming
 * year: tighter in the second year, with a stricter CSAT goal for chat.
 * Against the demo's October 2026 they come out met, at risk and missed. */
static const struct
{
  ScMetricId  metric;
  const char *segment;
  double      first_year;
  double      later_years;
  double      at_risk_band;
} demo_targets[] = {
  { SC_METRIC_FRT_MEDIAN, "", 240, 180, 0.05 },
  { SC_METRIC_RESOLUTION_TIME_MEDIAN, "", 4 * 3600, 3 * 3600, 0.05 },
  { SC_METRIC_FCR, "", 70, 72, 0.05 },
  { SC_METRIC_CSAT, "", 78, 80, 0.03 },
  { SC_METRIC_CSAT, "channel=Chat", 80, 82, 0.03 },
  { SC_METRIC_NPS, "", 15, 20, 0.10 },
  { SC_METRIC_SLA, "", 88, 90, 0.02 },
  { SC_METRIC_ABANDONMENT, "", 4, 3, 0.10 },
  { SC_METRIC_AHT, "", 600, 540, 0.05 },
};

static gboolean
generate_targets (Demo     *demo,
                  ScStore  *store,
                  GError  **error)
{
  /* From the first year with half a year of data or more. */
  g_autoptr(GDateTime) settled = g_date_time_add_months (demo->start, 6);
  int first_year = g_date_time_get_year (settled);
  g_autoptr(GDateTime) end = g_date_time_add_months (demo->start, demo->n_months - 1);
  int last_year = g_date_time_get_year (end);

  for (int year = first_year; year <= last_year; year++)
    {
      g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_target_free);
      g_autofree ScTargetEdit *edits = g_new0 (ScTargetEdit, G_N_ELEMENTS (demo_targets));
      /* Set on 10 December of the year before, in the morning. */
      g_autoptr(GDateTime) set_at = g_date_time_new (demo->tz, year - 1, 12, 10, 9, 30, 0);
      ScTargetPeriod period = { SC_TARGET_PERIOD_YEAR, sc_calendar_day_from_ymd (year, 1, 1) };

      for (guint i = 0; i < G_N_ELEMENTS (demo_targets); i++)
        {
          double value = year == first_year ? demo_targets[i].first_year : demo_targets[i].later_years;
          g_autofree char *segment = sc_segment_key_parse (demo_targets[i].segment, store, error);
          ScTarget *target;

          if (segment == NULL)
            return FALSE;
          target = sc_target_new (demo_targets[i].metric, segment, &period, value);

          target->at_risk_band = demo_targets[i].at_risk_band;
          g_ptr_array_add (targets, target);
          edits[i] = (ScTargetEdit) { target, FALSE };
        }
      if (!sc_store_apply_target_edits (store, edits, targets->len, g_date_time_to_unix (set_at),
                                        NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run (Demo    *demo,
     ScStore *store,
     GError **error)
{
  g_autoptr(GDateTime) end = g_date_time_add_months (demo->start, demo->n_months);
  /* "Now" is the end of the last month: the export was taken then. */
  gint64 now = g_date_time_to_unix (end) - 1;

  make_people (demo);
  return sc_store_set_setting (store, "timezone", SC_DEMO_TIMEZONE, error)
         && sc_store_set_setting (store, "organisation", "Northwind Support", error)
         && generate_interactions (demo, now, error)
         && check_cancelled (demo, error)
         && generate_customers (demo, now, error)
         && generate_agent_time (demo, now, error);
}

/**
 * sc_demo_generate:
 * @store: a store
 * @options: the seed and the months to cover
 * @cancellable: (nullable): a cancellable
 * @counts: (out) (optional): what was written
 * @error: return location for an error
 *
 * Writes the demo organisation into @store as one import with the source
 * "demo", then (with @options' targets) its year targets, each year's set
 * the December before. The same options always write the same content;
 * writing it again into the same store changes nothing.
 *
 * Returns: %TRUE on success; on failure the interactions are unchanged
 *   (the targets are written after them, in a transaction of their own)
 */
gboolean
sc_demo_generate (ScStore              *store,
                  const ScDemoOptions  *options,
                  GCancellable         *cancellable,
                  ScImportCounts       *counts,
                  GError              **error)
{
  ScImportInfo info = {
    .file_name = "Demo data",
    .checksum = "",
    .preset = "demo",
    .source = SC_DEMO_SOURCE,
  };
  ScImportCounts local_counts = { 0 };
  g_autoptr(ScStoreBatch) batch = NULL;
  g_autofree char *checksum = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && options->months > 0, FALSE);

  checksum = g_strdup_printf ("seed=%u", options->seed);
  info.checksum = checksum;
  batch = sc_store_begin_import (store, &info, error);
  if (batch == NULL)
    return FALSE;

  demo.rand = g_rand_new_with_seed (options->seed);
  demo.tz = g_time_zone_new_identifier (SC_DEMO_TIMEZONE);
  if (demo.tz == NULL)
    demo.tz = g_time_zone_new_utc ();
  demo.start = first_month (demo.tz, options);
  demo.n_months = options->months;
  demo.batch = batch;
  demo.cancellable = cancellable;
  demo.counts = &local_counts;

  ok = run (&demo, store, error)
       && sc_store_batch_commit (batch, &local_counts, error)
       && (!options->targets || generate_targets (&demo, store, error));

  for (int a = 0; a < N_AGENTS; a++)
    g_free (demo.agents[a]);
  g_date_time_unref (demo.start);
  g_time_zone_unref (demo.tz);
  g_rand_free (demo.rand);
  if (ok && counts)
    *counts = local_counts;
  return ok;
}
