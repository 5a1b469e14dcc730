/* sc-store-facts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk reads for the metrics engine's columnar cache: every interaction,
 * customer and agent day, row by row, with the columns the metrics need and
 * nothing else. The SQL lives in sc-store-facts.c, as all SQL lives in
 * the store.
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScFactRow:
 *
 * One interaction as the metrics engine reads it. Integer fields are
 * %SC_MISSING when NULL in the store. @dims hold dimension_values ids
 * (%SC_MISSING when absent); @tags is the space-separated list of tag value
 * ids and @customer_id the customer's external id, both borrowed until the
 * callback returns and %NULL when absent.
 */
typedef struct
{
  gint64      id;
  gint64      kind;
  gint64      created_at;
  gint64      first_reply_at;
  gint64      resolved_at;
  gint64      dims[SC_DIM_TAGS];
  const char *tags;
  const char *customer_id;
  gint64      resolved;
  gint64      reopens;
  gint64      agent_touches;
  gint64      first_reply_s;
  gint64      first_reply_bh_s;
  gint64      resolution_s;
  gint64      resolution_bh_s;
  gint64      handle_s;
  gint64      talk_s;
  gint64      hold_s;
  gint64      wrap_s;
  gint64      wait_s;
  gint64      sla_target_s;
  gint64      sla_breached;
  gint64      abandoned;
  gint64      escalated;
  gint64      self_service;
  gint64      survey_offered;
  gint64      csat;
  gint64      csat_scale;
  gint64      nps;
  gint64      ces;
  gint64      ces_scale;
} ScFactRow;

/**
 * ScFactCustomer:
 *
 * One customer for churn and lifetime value; dimension ids as in
 * #ScFactRow.
 */
typedef struct
{
  gint64 started_at;
  gint64 churned_at;
  gint64 segment_id;
  gint64 region_id;
  double revenue;
  gint64 purchases;
} ScFactCustomer;

/**
 * ScFactAgentDay:
 *
 * One agent's available and active time on one day (Unix seconds of the
 * day's start, UTC).
 */
typedef struct
{
  gint64 agent_id;
  gint64 team_id;
  gint64 day;
  gint64 available_s;
  gint64 active_s;
} ScFactAgentDay;

/**
 * ScFactDimensionValue:
 *
 * A dimension value known to the store: its id (the code interaction
 * columns hold), its dimension and its text.
 */
typedef struct
{
  gint64       id;
  ScDimension  dim;
  char        *value;
} ScFactDimensionValue;

void sc_fact_dimension_value_free (ScFactDimensionValue *value);

/* Each callback returns FALSE to stop the scan early (not an error). */
typedef gboolean (*ScFactRowFunc)       (const ScFactRow      *row,
                                         gpointer              user_data);
typedef gboolean (*ScFactCustomerFunc)  (const ScFactCustomer *customer,
                                         gpointer              user_data);
typedef gboolean (*ScFactAgentDayFunc)  (const ScFactAgentDay *agent_day,
                                         gpointer              user_data);
typedef gboolean (*ScFactFieldFunc)     (gint64                interaction_id,
                                         ScDimension           dim,
                                         gint64                value_id,
                                         gpointer              user_data);

gint64     sc_store_get_data_version      (ScStore            *self);
gint64     sc_store_count_interactions    (ScStore            *self,
                                           GError            **error);
gboolean   sc_store_scan_interactions     (ScStore            *self,
                                           gboolean            with_customers,
                                           ScFactRowFunc       func,
                                           gpointer            user_data,
                                           GError            **error);
gboolean   sc_store_scan_customers        (ScStore            *self,
                                           ScFactCustomerFunc  func,
                                           gpointer            user_data,
                                           GError            **error);
gboolean   sc_store_scan_agent_time       (ScStore            *self,
                                           ScFactAgentDayFunc  func,
                                           gpointer            user_data,
                                           GError            **error);
gboolean   sc_store_scan_interaction_fields (ScStore          *self,
                                           ScFactFieldFunc     func,
                                           gpointer            user_data,
                                           GError            **error);
GPtrArray *sc_store_list_all_dimension_values (ScStore        *self,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
