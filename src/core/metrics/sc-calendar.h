/* sc-calendar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar arithmetic for the metrics engine: local days in the
 * organisation's time zone (DST-correct, via a table of the zone's
 * transitions over the data's range), and the buckets of each time grain
 * (day, ISO week, month, quarter, year).
 *
 * A "day number" is the count of days since 1970-01-01 in the proleptic
 * Gregorian calendar; a "local day" is the day number of an instant's
 * wall-clock date in the organisation's zone.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScGrain:
 * @SC_GRAIN_NONE: one bucket for the whole range
 * @SC_GRAIN_DAY: local days
 * @SC_GRAIN_WEEK: ISO weeks (Monday to Sunday)
 * @SC_GRAIN_MONTH: calendar months
 * @SC_GRAIN_QUARTER: calendar quarters
 * @SC_GRAIN_YEAR: calendar years
 *
 * The time grain of a trend.
 */
typedef enum
{
  SC_GRAIN_NONE,
  SC_GRAIN_DAY,
  SC_GRAIN_WEEK,
  SC_GRAIN_MONTH,
  SC_GRAIN_QUARTER,
  SC_GRAIN_YEAR,
} ScGrain;

gint32      sc_calendar_day_from_ymd     (int          year,
                                          int          month,
                                          int          day);
void        sc_calendar_ymd_from_day     (gint32       day_number,
                                          int         *year,
                                          int         *month,
                                          int         *day);
int         sc_calendar_weekday          (gint32       day_number);
gboolean    sc_calendar_parse_date       (const char  *text,
                                          gint32      *day_number);
char       *sc_calendar_format_date      (gint32       day_number) G_GNUC_WARN_UNUSED_RESULT;

gboolean    sc_grain_from_string         (const char  *text,
                                          ScGrain     *grain);
const char *sc_grain_to_string           (ScGrain      grain);
gint32      sc_grain_bucket_start        (ScGrain      grain,
                                          gint32       day_number);
gint32      sc_grain_next_bucket         (ScGrain      grain,
                                          gint32       bucket_start);
char       *sc_grain_format_bucket       (ScGrain      grain,
                                          gint32       bucket_start) G_GNUC_WARN_UNUSED_RESULT;

/**
 * ScTzMap:
 *
 * The UTC offsets of one time zone over a range of instants, as a sorted
 * list of transitions; lookups are a binary search over a few entries.
 */
typedef struct _ScTzMap ScTzMap;

ScTzMap    *sc_tz_map_new                (GTimeZone   *zone,
                                          gint64       from_utc,
                                          gint64       to_utc) G_GNUC_WARN_UNUSED_RESULT;
void        sc_tz_map_free               (ScTzMap     *map);
gint32      sc_tz_map_offset             (const ScTzMap *map,
                                          gint64       utc);
gint32      sc_tz_map_local_day          (const ScTzMap *map,
                                          gint64       utc);
gint64      sc_tz_map_day_start          (const ScTzMap *map,
                                          gint32       day_number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTzMap, sc_tz_map_free)

G_END_DECLS
