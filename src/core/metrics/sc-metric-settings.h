/* sc-metric-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The metric variants: where the industry disagrees on a definition, the
 * choice is a named setting kept in the store's settings table, and every
 * result records the variant that produced it (sc_metric_settings_describe()).
 *
 * Keys and values (all optional; the default is first):
 *
 * | key                          | values                                          |
 * |------------------------------|-------------------------------------------------|
 * | `timezone`                   | an IANA zone such as `Europe/Berlin`; `UTC`     |
 * | `metrics.hours`              | `calendar`, `business`                          |
 * | `metrics.business-schedule`  | `mon-fri 09:00-17:00` (`;`-separated entries)   |
 * | `metrics.holidays`           | `2025-12-25 2026-01-01` (local dates)           |
 * | `metrics.durations`          | `exported`, `timestamps`                        |
 * | `metrics.fcr`                | `one-touch`, `no-repeat`                        |
 * | `metrics.fcr-repeat-days`    | days for `no-repeat` (7)                        |
 * | `metrics.csat`               | `top-two-box`, `mean`                           |
 * | `metrics.ces-direction`      | `higher`, `lower` (which is better)             |
 * | `metrics.ces-scale`          | 7, 5 (for rows that carry no scale)             |
 * | `metrics.sla-basis`          | `first-reply`, `resolution`                     |
 * | `metrics.sla-targets`        | `data`, `table`                                 |
 * | `metrics.sla-table`          | `urgent=1h high=4h normal=8h low=24h`           |
 * | `metrics.short-abandon`      | seconds below which an abandon is not counted (0) |
 * | `metrics.resolved-statuses`  | statuses that count as resolved, e.g. `solved closed`; empty: the resolved flag |
 *
 * `exported` durations take the export's own duration columns when
 * present and fall back to the timestamps; `timestamps` always recompute.
 */

#pragma once

#include <glib.h>

#include "sc-metric.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_SETTING_TIMEZONE          "timezone"
#define SC_SETTING_HOURS             "metrics.hours"
#define SC_SETTING_SCHEDULE          "metrics.business-schedule"
#define SC_SETTING_HOLIDAYS          "metrics.holidays"
#define SC_SETTING_DURATIONS         "metrics.durations"
#define SC_SETTING_FCR               "metrics.fcr"
#define SC_SETTING_FCR_REPEAT_DAYS   "metrics.fcr-repeat-days"
#define SC_SETTING_CSAT              "metrics.csat"
#define SC_SETTING_CES_DIRECTION     "metrics.ces-direction"
#define SC_SETTING_CES_SCALE         "metrics.ces-scale"
#define SC_SETTING_SLA_BASIS         "metrics.sla-basis"
#define SC_SETTING_SLA_TARGETS       "metrics.sla-targets"
#define SC_SETTING_SLA_TABLE         "metrics.sla-table"
#define SC_SETTING_SHORT_ABANDON     "metrics.short-abandon"
#define SC_SETTING_RESOLVED_STATUSES "metrics.resolved-statuses"

typedef enum { SC_HOURS_CALENDAR, SC_HOURS_BUSINESS } ScHoursMode;
typedef enum { SC_DURATIONS_EXPORTED, SC_DURATIONS_TIMESTAMPS } ScDurationSource;
typedef enum { SC_FCR_ONE_TOUCH, SC_FCR_NO_REPEAT } ScFcrRule;
typedef enum { SC_CSAT_TOP_TWO_BOX, SC_CSAT_MEAN } ScCsatRule;
typedef enum { SC_SLA_FIRST_REPLY, SC_SLA_RESOLUTION } ScSlaBasis;
typedef enum { SC_SLA_TARGETS_DATA, SC_SLA_TARGETS_TABLE } ScSlaTargets;

/**
 * ScMetricSettings:
 * @timezone: the organisation's time zone identifier
 * @hours: calendar or business hours for every duration
 * @open_minute: per weekday (0 = Monday) the minute of the day business
 *   opens, -1 when closed all day
 * @close_minute: per weekday the minute business closes (exclusive)
 * @holidays: (element-type gint32): sorted local days (days since
 *   1970-01-01) on which business is closed
 * @durations: exported duration columns or timestamps
 * @fcr: the first-contact-resolution rule
 * @fcr_repeat_days: the window of the no-repeat rule
 * @csat: what the `csat` metric measures
 * @ces_direction: which way CES improves
 * @ces_scale: the CES scale for rows that carry none
 * @sla_basis: first reply or resolution
 * @sla_targets: targets from the data or from @sla_table
 * @sla_table: (element-type utf8 gint64): priority name → target seconds
 * @short_abandon_s: abandons that waited less are not counted
 * @resolved_statuses: (array zero-terminated=1) (nullable): statuses that
 *   count as resolved, or %NULL to use each row's resolved flag
 *
 * The variants in force. Make one with sc_metric_settings_new() (all
 * defaults) or sc_metric_settings_load() (from a store).
 */
typedef struct
{
  char              *timezone;
  ScHoursMode        hours;
  gint16             open_minute[7];
  gint16             close_minute[7];
  GArray            *holidays;
  ScDurationSource   durations;
  ScFcrRule          fcr;
  guint              fcr_repeat_days;
  ScCsatRule         csat;
  ScMetricDirection  ces_direction;
  guint              ces_scale;
  ScSlaBasis         sla_basis;
  ScSlaTargets       sla_targets;
  GHashTable        *sla_table;
  guint              short_abandon_s;
  char             **resolved_statuses;
} ScMetricSettings;

ScMetricSettings *sc_metric_settings_new        (void) G_GNUC_WARN_UNUSED_RESULT;
ScMetricSettings *sc_metric_settings_load       (ScStore                *store,
                                                 GError                **error) G_GNUC_WARN_UNUSED_RESULT;
ScMetricSettings *sc_metric_settings_copy       (const ScMetricSettings *settings) G_GNUC_WARN_UNUSED_RESULT;
void              sc_metric_settings_free       (ScMetricSettings       *settings);
gboolean          sc_metric_settings_set        (ScMetricSettings       *settings,
                                                 const char             *key,
                                                 const char             *value,
                                                 GError                **error);
char             *sc_metric_settings_describe   (const ScMetricSettings *settings) G_GNUC_WARN_UNUSED_RESULT;
gboolean          sc_metric_settings_equal      (const ScMetricSettings *a,
                                                 const ScMetricSettings *b);
ScMetricDirection sc_metric_settings_get_direction (const ScMetricSettings *settings,
                                                 const ScMetric         *metric);
gint64            sc_metric_settings_business_seconds (const ScMetricSettings *settings,
                                                 gint64                  local_start,
                                                 gint64                  local_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScMetricSettings, sc_metric_settings_free)

G_END_DECLS
