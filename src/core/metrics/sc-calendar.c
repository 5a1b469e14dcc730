/* sc-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-calendar.h"

#define SECONDS_PER_DAY 86400
/* No zone changes its offset twice within six hours. */
#define PROBE_STEP (6 * 3600)

struct _ScTzMap
{
  GTimeZone *zone;
  GArray    *starts;    /* gint64: first UTC instant of each offset */
  GArray    *offsets;   /* gint32: seconds east of UTC */
};

/* Howard Hinnant's days_from_civil / civil_from_days. */

/**
 * sc_calendar_day_from_ymd:
 * @year: the year
 * @month: 1…12
 * @day: 1…31
 *
 * Returns: the day number (days since 1970-01-01) of the date
 */
gint32
sc_calendar_day_from_ymd (int year,
                          int month,
                          int day)
{
  int era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/**
 * sc_calendar_ymd_from_day:
 * @day_number: days since 1970-01-01
 * @year: (out): the year
 * @month: (out): 1…12
 * @day: (out): 1…31
 *
 * The inverse of sc_calendar_day_from_ymd().
 */
void
sc_calendar_ymd_from_day (gint32  day_number,
                          int    *year,
                          int    *month,
                          int    *day)
{
  gint64 z = (gint64) day_number + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp + (mp < 10 ? 3 : -9));

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

/**
 * sc_calendar_weekday:
 * @day_number: days since 1970-01-01
 *
 * Returns: the weekday, 0 = Monday … 6 = Sunday
 */
int
sc_calendar_weekday (gint32 day_number)
{
  /* 1970-01-01 was a Thursday. */
  return (int) ((((gint64) day_number % 7) + 7 + 3) % 7);
}

/**
 * sc_calendar_parse_date:
 * @text: a date as `YYYY-MM-DD`
 * @day_number: (out): its day number
 *
 * Returns: %TRUE when @text is a valid date in that form
 */
gboolean
sc_calendar_parse_date (const char *text,
                        gint32     *day_number)
{
  int y, m, d, used = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != (int) strlen (text)
      || used != 10)
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *day_number = sc_calendar_day_from_ymd (y, m, d);
  return TRUE;
}

/**
 * sc_calendar_format_date:
 * @day_number: days since 1970-01-01
 *
 * Returns: (transfer full): the date as `YYYY-MM-DD`
 */
char *
sc_calendar_format_date (gint32 day_number)
{
  int y, m, d;

  sc_calendar_ymd_from_day (day_number, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static const char *grain_names[] = { "none", "day", "week", "month", "quarter", "year" };

/**
 * sc_grain_from_string:
 * @text: `day`, `week`, `month`, `quarter`, `year` or `none`
 * @grain: (out): the grain
 *
 * Returns: %TRUE when @text names a grain
 */
gboolean
sc_grain_from_string (const char *text,
                      ScGrain    *grain)
{
  for (guint i = 0; i < G_N_ELEMENTS (grain_names); i++)
    if (g_strcmp0 (text, grain_names[i]) == 0)
      {
        *grain = (ScGrain) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * sc_grain_to_string:
 * @grain: a grain
 *
 * Returns: its name, as sc_grain_from_string() reads it
 */
const char *
sc_grain_to_string (ScGrain grain)
{
  g_return_val_if_fail (grain < G_N_ELEMENTS (grain_names), NULL);

  return grain_names[grain];
}

/**
 * sc_grain_bucket_start:
 * @grain: a grain other than %SC_GRAIN_NONE
 * @day_number: a day
 *
 * Returns: the first day of the bucket holding @day_number
 */
gint32
sc_grain_bucket_start (ScGrain grain,
                       gint32  day_number)
{
  int y, m, d;

  if (grain == SC_GRAIN_DAY || grain == SC_GRAIN_NONE)
    return day_number;
  if (grain == SC_GRAIN_WEEK)
    return day_number - sc_calendar_weekday (day_number);
  sc_calendar_ymd_from_day (day_number, &y, &m, &d);
  if (grain == SC_GRAIN_MONTH)
    return sc_calendar_day_from_ymd (y, m, 1);
  if (grain == SC_GRAIN_QUARTER)
    return sc_calendar_day_from_ymd (y, (m - 1) / 3 * 3 + 1, 1);
  return sc_calendar_day_from_ymd (y, 1, 1);
}

/**
 * sc_grain_next_bucket:
 * @grain: a grain other than %SC_GRAIN_NONE
 * @bucket_start: the first day of a bucket
 *
 * Returns: the first day of the following bucket
 */
gint32
sc_grain_next_bucket (ScGrain grain,
                      gint32  bucket_start)
{
  int y, m, d, months;

  if (grain == SC_GRAIN_DAY || grain == SC_GRAIN_NONE)
    return bucket_start + 1;
  if (grain == SC_GRAIN_WEEK)
    return bucket_start + 7;
  sc_calendar_ymd_from_day (bucket_start, &y, &m, &d);
  months = grain == SC_GRAIN_MONTH ? 1 : grain == SC_GRAIN_QUARTER ? 3 : 12;
  m += months;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  return sc_calendar_day_from_ymd (y, m, 1);
}

/**
 * sc_grain_format_bucket:
 * @grain: a grain
 * @bucket_start: the first day of a bucket
 *
 * Labels a bucket: `2026-02-10`, `2026-W07` (ISO week), `2026-02`,
 * `2026-Q1` or `2026`.
 *
 * Returns: (transfer full): the label
 */
char *
sc_grain_format_bucket (ScGrain grain,
                        gint32  bucket_start)
{
  int y, m, d;

  if (grain == SC_GRAIN_WEEK)
    {
      /* The ISO year is the year of the week's Thursday. */
      gint32 thursday = bucket_start + 3;

      sc_calendar_ymd_from_day (thursday, &y, &m, &d);
      return g_strdup_printf ("%04d-W%02d", y,
                              (thursday - sc_calendar_day_from_ymd (y, 1, 1)) / 7 + 1);
    }
  sc_calendar_ymd_from_day (bucket_start, &y, &m, &d);
  switch (grain)
    {
    case SC_GRAIN_MONTH:
      return g_strdup_printf ("%04d-%02d", y, m);
    case SC_GRAIN_QUARTER:
      return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
    case SC_GRAIN_YEAR:
      return g_strdup_printf ("%04d", y);
    case SC_GRAIN_NONE:
    case SC_GRAIN_DAY:
    case SC_GRAIN_WEEK:
    default:
      return sc_calendar_format_date (bucket_start);
    }
}

/* ---- Time zone map ----------------------------------------------------- */

static gint32
zone_offset (GTimeZone *zone,
             gint64     utc)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);

  return g_time_zone_get_offset (zone, interval);
}

static void
add_transition (ScTzMap *map,
                gint64   start,
                gint32   offset)
{
  g_array_append_val (map->starts, start);
  g_array_append_val (map->offsets, offset);
}

/**
 * sc_tz_map_new:
 * @zone: the time zone
 * @from_utc: the first instant the map must cover
 * @to_utc: the last instant the map must cover
 *
 * Tabulates @zone's offsets over the range by probing every six hours and
 * bisecting each change down to the second. Outside the range the map
 * keeps the first and last offsets it found.
 *
 * Returns: (transfer full): the map
 */
ScTzMap *
sc_tz_map_new (GTimeZone *zone,
               gint64     from_utc,
               gint64     to_utc)
{
  ScTzMap *map = g_new0 (ScTzMap, 1);
  gint64 t = from_utc - 2 * SECONDS_PER_DAY;
  gint64 end = MAX (to_utc, from_utc) + 2 * SECONDS_PER_DAY;
  gint32 offset = zone_offset (zone, t);

  map->zone = g_time_zone_ref (zone);
  map->starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  map->offsets = g_array_new (FALSE, FALSE, sizeof (gint32));
  add_transition (map, G_MININT64, offset);
  for (; t < end; t += PROBE_STEP)
    {
      gint32 next = zone_offset (zone, t + PROBE_STEP);
      gint64 lo = t, hi = t + PROBE_STEP;

      if (next == offset)
        continue;
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (zone_offset (zone, mid) == offset)
            lo = mid;
          else
            hi = mid;
        }
      add_transition (map, hi, next);
      offset = next;
    }
  return map;
}

void
sc_tz_map_free (ScTzMap *map)
{
  if (map == NULL)
    return;
  g_time_zone_unref (map->zone);
  g_array_unref (map->starts);
  g_array_unref (map->offsets);
  g_free (map);
}

/**
 * sc_tz_map_offset:
 * @map: a map
 * @utc: an instant
 *
 * Returns: the zone's offset from UTC at @utc, in seconds
 */
gint32
sc_tz_map_offset (const ScTzMap *map,
                  gint64         utc)
{
  const gint64 *starts = (const gint64 *) map->starts->data;
  guint lo = 0, hi = map->starts->len;

  /* The last start ≤ utc; starts[0] is G_MININT64. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (starts[mid] <= utc)
        lo = mid;
      else
        hi = mid;
    }
  return g_array_index (map->offsets, gint32, lo);
}

/**
 * sc_tz_map_local_day:
 * @map: a map
 * @utc: an instant
 *
 * Returns: the day number of @utc's wall-clock date in the zone
 */
gint32
sc_tz_map_local_day (const ScTzMap *map,
                     gint64         utc)
{
  gint64 local = utc + sc_tz_map_offset (map, utc);

  return (gint32) (local >= 0 ? local / SECONDS_PER_DAY
                              : -((-local + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY));
}

/**
 * sc_tz_map_day_start:
 * @map: a map
 * @day_number: a local day
 *
 * The first instant of a local day: its midnight, or the first existing
 * time after it when a DST change skips midnight.
 *
 * Returns: Unix seconds
 */
gint64
sc_tz_map_day_start (const ScTzMap *map,
                     gint32         day_number)
{
  g_autoptr(GDateTime) midnight = NULL;
  int y, m, d;

  sc_calendar_ymd_from_day (day_number, &y, &m, &d);
  midnight = g_date_time_new (map->zone, y, m, d, 0, 0, 0);
  if (midnight == NULL)
    return (gint64) day_number * SECONDS_PER_DAY;
  return g_date_time_to_unix (midnight);
}
