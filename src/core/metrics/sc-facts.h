/* sc-facts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columnar fact cache: every interaction of a store in compact arrays,
 * sorted by creation time, with the variant-dependent values (durations in
 * calendar or business hours, FCR, SLA, short abandons, resolution by
 * status) already derived. The query engine makes one pass over these
 * arrays per query; a period is a contiguous slice found by binary search.
 *
 * A cache is immutable once loaded. sc_facts_is_current() says whether it
 * still matches the store's data and the variants; if not, load a new one.
 */

#pragma once

#include <glib.h>

#include "sc-calendar.h"
#include "sc-metric-settings.h"
#include "sc-store.h"

G_BEGIN_DECLS

/* Missing marker of the int32 duration columns. */
#define SC_FACT_NONE       (-1)
/* Missing marker of the uint8 score columns. */
#define SC_FACT_NO_SCORE   255
/* resolved_day of an interaction that is not resolved. */
#define SC_FACT_OPEN       G_MAXINT32

/**
 * ScFactFlags:
 *
 * Per-interaction flags, derived under the variants in force.
 */
typedef enum
{
  SC_FACT_RESOLVED         = 1 << 0,
  SC_FACT_FCR_COUNTED      = 1 << 1,   /* resolved and the FCR rule applies */
  SC_FACT_FCR              = 1 << 2,   /* resolved at first contact */
  SC_FACT_REOPEN_COUNTED   = 1 << 3,   /* resolved with a known reopen count */
  SC_FACT_REOPENED         = 1 << 4,
  SC_FACT_OFFERED          = 1 << 5,   /* in the abandonment denominator */
  SC_FACT_ABANDONED        = 1 << 6,   /* counted abandon (not a short one) */
  SC_FACT_ESCALATION_KNOWN = 1 << 7,
  SC_FACT_ESCALATED        = 1 << 8,
  SC_FACT_SELF_KNOWN       = 1 << 9,
  SC_FACT_SELF_SERVICE     = 1 << 10,
  SC_FACT_SLA_COUNTED      = 1 << 11,  /* has a target and a reply/resolution */
  SC_FACT_SLA_MET          = 1 << 12,
  SC_FACT_SURVEY_OFFERED   = 1 << 13,
  SC_FACT_SURVEY_ANSWERED  = 1 << 14,
} ScFactFlags;

/**
 * ScFacts:
 * @n: the number of interactions
 * @created: (array length=n): creation instants (Unix seconds), ascending
 * @day: local day of creation in the organisation's zone
 * @resolved_day: local day of resolution; %SC_FACT_OPEN while unresolved;
 *   the creation day for resolved rows without a resolution time
 * @n_dims: the dimensions of the store, builtin and custom: @codes and
 *   @labels are set for the dimensions below @n_dims
 * @codes: per single-valued dimension, dense value codes: 0 = no value,
 *   k ≥ 1 = the k-th entry of @labels; %NULL for %SC_DIM_TAGS
 * @tag_start: (array length=n+1): row i's tags are
 *   @tag_codes[tag_start[i] … tag_start[i+1])
 * @tag_codes: dense tag codes (≥ 1)
 * @n_tag_codes: the length of @tag_codes
 * @frt: first reply time in seconds (calendar or business hours by
 *   variant), %SC_FACT_NONE without a reply
 * @res: resolution time likewise, only for resolved rows
 * @aht: handle time (talk + hold + wrap-up) of handled rows
 * @wait: queue wait of answered rows
 * @flags: #ScFactFlags
 * @csat: the CSAT rating or %SC_FACT_NO_SCORE
 * @csat_scale: the top of its scale
 * @nps: the 0–10 answer or %SC_FACT_NO_SCORE
 * @ces: the effort rating or %SC_FACT_NO_SCORE
 * @labels: per dimension, the value texts by dense code − 1
 * @n_customers: rows of the customer columns
 * @customer_start: local day a customer started
 * @customer_churn: local day a customer churned, %SC_FACT_OPEN if not
 * @customer_revenue: lifetime revenue so far
 * @customer_purchases: purchases so far
 * @customer_segment: dense %SC_DIM_CUSTOMER_SEGMENT code
 * @customer_region: dense %SC_DIM_REGION code
 * @n_agent_days: rows of the agent-time columns
 * @agent_day: the day (day number of the date)
 * @agent_code: dense %SC_DIM_AGENT code
 * @agent_team: dense %SC_DIM_TEAM code
 * @agent_available: available seconds
 * @agent_active: active seconds
 * @settings: the variants the derived columns were computed under
 * @tz: the organisation's zone over the data's range
 * @data_version: the store's data version when loaded
 * @mapping: (nullable): the cache file the columns point into, when read
 *   from one (see sc_facts_file_read()); the columns are then read-only
 *
 * The cache. Read-only after sc_facts_load(), and reference counted so that
 * a computation on a worker thread keeps the cache it started with while
 * an import makes the engine load a new one.
 */
typedef struct
{
  guint      n;
  gint64    *created;
  gint32    *day;
  gint32    *resolved_day;
  guint      n_dims;
  gint32    *codes[SC_DIM_MAX];
  guint32   *tag_start;
  gint32    *tag_codes;
  guint      n_tag_codes;
  gint32    *frt;
  gint32    *res;
  gint32    *aht;
  gint32    *wait;
  guint16   *flags;
  guint8    *csat;
  guint8    *csat_scale;
  guint8    *nps;
  guint8    *ces;

  GPtrArray *labels[SC_DIM_MAX];

  guint      n_customers;
  gint32    *customer_start;
  gint32    *customer_churn;
  double    *customer_revenue;
  gint32    *customer_purchases;
  gint32    *customer_segment;
  gint32    *customer_region;

  guint      n_agent_days;
  gint32    *agent_day;
  gint32    *agent_code;
  gint32    *agent_team;
  gint64    *agent_available;
  gint64    *agent_active;

  ScMetricSettings *settings;
  ScTzMap          *tz;
  gint64            data_version;
  GMappedFile      *mapping;

  /*< private >*/
  gatomicrefcount   ref_count;
} ScFacts;

ScFacts    *sc_facts_load          (ScStore                *store,
                                    const ScMetricSettings *settings,
                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
ScFacts    *sc_facts_new           (void) G_GNUC_WARN_UNUSED_RESULT;
ScFacts    *sc_facts_ref           (ScFacts                *facts);
void        sc_facts_unref         (ScFacts                *facts);
gboolean    sc_facts_is_current    (const ScFacts          *facts,
                                    ScStore                *store,
                                    const ScMetricSettings *settings);
guint       sc_facts_lower_bound   (const ScFacts          *facts,
                                    gint64                  utc);
guint       sc_facts_get_n_codes   (const ScFacts          *facts,
                                    ScDimension             dim);
const char *sc_facts_get_label     (const ScFacts          *facts,
                                    ScDimension             dim,
                                    gint32                  code);
gint32      sc_facts_lookup_code   (const ScFacts          *facts,
                                    ScDimension             dim,
                                    const char             *label);
gsize       sc_facts_get_size      (const ScFacts          *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScFacts, sc_facts_unref)

G_END_DECLS
