/* sc-metric-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-calendar.h"
#include "sc-metric-settings.h"

#define SECONDS_PER_DAY 86400

static const char *all_keys[] = {
  SC_SETTING_TIMEZONE, SC_SETTING_HOURS, SC_SETTING_SCHEDULE, SC_SETTING_HOLIDAYS,
  SC_SETTING_DURATIONS, SC_SETTING_FCR, SC_SETTING_FCR_REPEAT_DAYS, SC_SETTING_CSAT,
  SC_SETTING_CES_DIRECTION, SC_SETTING_CES_SCALE, SC_SETTING_SLA_BASIS,
  SC_SETTING_SLA_TARGETS, SC_SETTING_SLA_TABLE, SC_SETTING_SHORT_ABANDON,
  SC_SETTING_RESOLVED_STATUSES,
};

static const char *day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static gboolean
invalid (GError     **error,
         const char  *key,
         const char  *value,
         const char  *expected)
{
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
               _("Setting “%s”: “%s” is not valid; expected %s"), key, value, expected);
  return FALSE;
}

static void
set_default_schedule (ScMetricSettings *settings)
{
  for (int d = 0; d < 7; d++)
    {
      settings->open_minute[d] = d < 5 ? 9 * 60 : -1;
      settings->close_minute[d] = d < 5 ? 17 * 60 : -1;
    }
}

/**
 * sc_metric_settings_new:
 *
 * Returns: (transfer full): the default variants: UTC, calendar hours,
 *   exported durations, one-touch FCR, top-two-box CSAT, higher-is-better
 *   CES on 7, SLA on first reply with targets from the data, no short
 *   abandons, resolution by each row's flag
 */
ScMetricSettings *
sc_metric_settings_new (void)
{
  ScMetricSettings *settings = g_new0 (ScMetricSettings, 1);

  settings->timezone = g_strdup ("UTC");
  set_default_schedule (settings);
  settings->holidays = g_array_new (FALSE, FALSE, sizeof (gint32));
  settings->fcr_repeat_days = 7;
  settings->ces_direction = SC_DIRECTION_HIGHER_IS_BETTER;
  settings->ces_scale = 7;
  settings->sla_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return settings;
}

void
sc_metric_settings_free (ScMetricSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->timezone);
  g_array_unref (settings->holidays);
  g_hash_table_unref (settings->sla_table);
  g_strfreev (settings->resolved_statuses);
  g_free (settings);
}

/**
 * sc_metric_settings_copy:
 * @settings: variants
 *
 * Returns: (transfer full): a deep copy
 */
ScMetricSettings *
sc_metric_settings_copy (const ScMetricSettings *settings)
{
  ScMetricSettings *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_memdup2 (settings, sizeof *settings);
  copy->timezone = g_strdup (settings->timezone);
  copy->holidays = g_array_copy (settings->holidays);
  copy->resolved_statuses = g_strdupv (settings->resolved_statuses);
  copy->sla_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, settings->sla_table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->sla_table, g_strdup (key), value);
  return copy;
}

/* Parses "HH:MM" into minutes of the day (24:00 allowed as the end). */
static gboolean
parse_clock (const char *text,
             int         len,
             gint16     *minutes)
{
  int h, m, used = 0;
  char buffer[8];

  if (len <= 0 || len >= (int) sizeof buffer)
    return FALSE;
  memcpy (buffer, text, len);
  buffer[len] = '\0';
  if (sscanf (buffer, "%2d:%2d%n", &h, &m, &used) != 2 || used != len)
    return FALSE;
  if (h < 0 || m < 0 || m > 59 || h * 60 + m > 24 * 60)
    return FALSE;
  *minutes = (gint16) (h * 60 + m);
  return TRUE;
}

static int
day_index (const char *name,
           int         len)
{
  for (int d = 0; d < 7; d++)
    if (len == 3 && g_ascii_strncasecmp (name, day_names[d], 3) == 0)
      return d;
  return -1;
}

/* One schedule entry: "mon-fri 09:00-17:00", "sat 10:00-14:00" or
 * "sun closed". */
static gboolean
parse_schedule_entry (ScMetricSettings *settings,
                      const char       *entry)
{
  g_auto(GStrv) parts = g_strsplit (g_strstrip ((char *) entry), " ", 2);
  const char *days, *dash, *hours;
  int first, last;
  gint16 open = -1, close = -1;

  if (parts[0] == NULL || parts[1] == NULL)
    return FALSE;
  days = parts[0];
  hours = g_strstrip (parts[1]);
  dash = strchr (days, '-');
  first = day_index (days, dash ? (int) (dash - days) : (int) strlen (days));
  last = dash ? day_index (dash + 1, (int) strlen (dash + 1)) : first;
  if (first < 0 || last < 0)
    return FALSE;
  if (g_ascii_strcasecmp (hours, "closed") != 0)
    {
      dash = strchr (hours, '-');
      if (dash == NULL || !parse_clock (hours, (int) (dash - hours), &open)
          || !parse_clock (dash + 1, (int) strlen (dash + 1), &close) || close <= open)
        return FALSE;
    }
  for (int d = first;; d = (d + 1) % 7)
    {
      settings->open_minute[d] = open;
      settings->close_minute[d] = close;
      if (d == last)
        break;
    }
  return TRUE;
}

static gboolean
parse_schedule (ScMetricSettings  *settings,
                const char        *value,
                GError           **error)
{
  g_auto(GStrv) entries = g_strsplit_set (value, ";,", -1);

  for (int d = 0; d < 7; d++)
    settings->open_minute[d] = settings->close_minute[d] = -1;
  for (guint i = 0; entries[i] != NULL; i++)
    if (!parse_schedule_entry (settings, entries[i]))
      {
        set_default_schedule (settings);
        return invalid (error, SC_SETTING_SCHEDULE, entries[i],
                        _("entries like “mon-fri 09:00-17:00” or “sun closed”"));
      }
  return TRUE;
}

static int
compare_day (gconstpointer a,
             gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

static gboolean
parse_holidays (ScMetricSettings  *settings,
                const char        *value,
                GError           **error)
{
  g_auto(GStrv) words = g_strsplit_set (value, " ,;\t", -1);

  g_array_set_size (settings->holidays, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gint32 day;

      if (words[i][0] == '\0')
        continue;
      if (!sc_calendar_parse_date (words[i], &day))
        return invalid (error, SC_SETTING_HOLIDAYS, words[i], _("dates as YYYY-MM-DD"));
      g_array_append_val (settings->holidays, day);
    }
  g_array_sort (settings->holidays, compare_day);
  return TRUE;
}

/* Parses "3600", "60m", "8h" or "1d" into seconds. */
static gboolean
parse_seconds (const char *text,
               gint64     *seconds)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);
  gint64 factor = 1;

  if (end == text || value < 0)
    return FALSE;
  if (*end == 'm')
    factor = 60;
  else if (*end == 'h')
    factor = 3600;
  else if (*end == 'd')
    factor = SECONDS_PER_DAY;
  else if (*end == 's')
    factor = 1;
  else if (*end != '\0')
    return FALSE;
  if (*end != '\0' && end[1] != '\0')
    return FALSE;
  *seconds = value * factor;
  return TRUE;
}

static gboolean
parse_sla_table (ScMetricSettings  *settings,
                 const char        *value,
                 GError           **error)
{
  g_auto(GStrv) words = g_strsplit_set (value, " ,;\t", -1);

  g_hash_table_remove_all (settings->sla_table);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *eq = strchr (words[i], '=');
      gint64 seconds;

      if (words[i][0] == '\0')
        continue;
      if (eq == NULL || eq == words[i] || !parse_seconds (eq + 1, &seconds) || seconds == 0)
        return invalid (error, SC_SETTING_SLA_TABLE, words[i],
                        _("priority=target pairs like “urgent=1h high=4h”"));
      g_hash_table_insert (settings->sla_table, g_ascii_strdown (words[i], eq - words[i]),
                           GSIZE_TO_POINTER ((gsize) seconds));
    }
  return TRUE;
}

static gboolean
parse_uint (const char *key,
            const char *value,
            guint       max,
            guint      *out,
            GError    **error)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (value, 10, 0, max, &n, NULL))
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number from 0 to %u"), max);

      return invalid (error, key, value, expected);
    }
  *out = (guint) n;
  return TRUE;
}

static gboolean
parse_choice (const char  *key,
              const char  *value,
              const char  *a,
              const char  *b,
              int         *out,
              GError     **error)
{
  g_autofree char *expected = NULL;

  if (g_str_equal (value, a))
    *out = 0;
  else if (g_str_equal (value, b))
    *out = 1;
  else
    {
      expected = g_strdup_printf (_("“%s” or “%s”"), a, b);
      return invalid (error, key, value, expected);
    }
  return TRUE;
}

static gboolean
set_timezone (ScMetricSettings  *settings,
              const char        *value,
              GError           **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (value);

  if (zone == NULL)
    return invalid (error, SC_SETTING_TIMEZONE, value,
                    _("a time zone such as “Europe/Berlin” or “UTC”"));
  g_free (settings->timezone);
  settings->timezone = g_strdup (value);
  return TRUE;
}

static gboolean
set_statuses (ScMetricSettings *settings,
              const char       *value)
{
  g_auto(GStrv) words = g_strsplit_set (value, " ,;\t", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, g_steal_pointer (&words[i]));
  g_strfreev (settings->resolved_statuses);
  settings->resolved_statuses = NULL;
  if (kept->len > 0)
    {
      g_ptr_array_add (kept, NULL);
      settings->resolved_statuses = (char **) g_ptr_array_free (kept, FALSE);
    }
  else
    g_ptr_array_free (kept, TRUE);
  return TRUE;
}

static gboolean
set_enum (ScMetricSettings  *settings,
          const char        *key,
          const char        *value,
          GError           **error)
{
  int choice;

  if (g_str_equal (key, SC_SETTING_HOURS))
    return parse_choice (key, value, "calendar", "business", &choice, error)
           && ((settings->hours = choice), TRUE);
  if (g_str_equal (key, SC_SETTING_DURATIONS))
    return parse_choice (key, value, "exported", "timestamps", &choice, error)
           && ((settings->durations = choice), TRUE);
  if (g_str_equal (key, SC_SETTING_FCR))
    return parse_choice (key, value, "one-touch", "no-repeat", &choice, error)
           && ((settings->fcr = choice), TRUE);
  if (g_str_equal (key, SC_SETTING_CSAT))
    return parse_choice (key, value, "top-two-box", "mean", &choice, error)
           && ((settings->csat = choice), TRUE);
  if (g_str_equal (key, SC_SETTING_CES_DIRECTION))
    return parse_choice (key, value, "higher", "lower", &choice, error)
           && ((settings->ces_direction = choice ? SC_DIRECTION_LOWER_IS_BETTER
                                                 : SC_DIRECTION_HIGHER_IS_BETTER), TRUE);
  if (g_str_equal (key, SC_SETTING_SLA_BASIS))
    return parse_choice (key, value, "first-reply", "resolution", &choice, error)
           && ((settings->sla_basis = choice), TRUE);
  if (g_str_equal (key, SC_SETTING_SLA_TARGETS))
    return parse_choice (key, value, "data", "table", &choice, error)
           && ((settings->sla_targets = choice), TRUE);
  g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("Unknown metric setting “%s”"), key);
  return FALSE;
}

/**
 * sc_metric_settings_set:
 * @settings: variants
 * @key: one of the `SC_SETTING_*` keys
 * @value: its value as text
 * @error: return location for an error
 *
 * Sets one variant from its text form. On error @settings keeps its
 * previous value for @key.
 *
 * Returns: %TRUE when @key is known and @value valid
 */
gboolean
sc_metric_settings_set (ScMetricSettings  *settings,
                        const char        *key,
                        const char        *value,
                        GError           **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (g_str_equal (key, SC_SETTING_TIMEZONE))
    return set_timezone (settings, value, error);
  if (g_str_equal (key, SC_SETTING_SCHEDULE))
    return parse_schedule (settings, value, error);
  if (g_str_equal (key, SC_SETTING_HOLIDAYS))
    return parse_holidays (settings, value, error);
  if (g_str_equal (key, SC_SETTING_SLA_TABLE))
    return parse_sla_table (settings, value, error);
  if (g_str_equal (key, SC_SETTING_FCR_REPEAT_DAYS))
    return parse_uint (key, value, 365, &settings->fcr_repeat_days, error);
  if (g_str_equal (key, SC_SETTING_CES_SCALE))
    return parse_uint (key, value, 10, &settings->ces_scale, error);
  if (g_str_equal (key, SC_SETTING_SHORT_ABANDON))
    return parse_uint (key, value, 3600, &settings->short_abandon_s, error);
  if (g_str_equal (key, SC_SETTING_RESOLVED_STATUSES))
    return set_statuses (settings, value);
  return set_enum (settings, key, value, error);
}

/**
 * sc_metric_settings_load:
 * @store: a store
 * @error: return location for an error
 *
 * Reads every variant from @store's settings, defaults for those unset.
 *
 * Returns: (transfer full) (nullable): the variants, or %NULL when a stored
 *   value is invalid (the error names the key and the value)
 */
ScMetricSettings *
sc_metric_settings_load (ScStore  *store,
                         GError  **error)
{
  g_autoptr(ScMetricSettings) settings = sc_metric_settings_new ();

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_keys); i++)
    {
      g_autofree char *value = sc_store_dup_setting (store, all_keys[i]);

      if (value != NULL && !sc_metric_settings_set (settings, all_keys[i], value, error))
        return NULL;
    }
  return g_steal_pointer (&settings);
}

static void
describe_schedule (const ScMetricSettings *settings,
                   GString                *out)
{
  g_string_append (out, " schedule=");
  for (int d = 0; d < 7; d++)
    {
      if (settings->open_minute[d] < 0)
        continue;
      g_string_append_printf (out, "%s%s:%02d:%02d-%02d:%02d", out->str[out->len - 1] == '=' ? "" : ",",
                              day_names[d],
                              settings->open_minute[d] / 60, settings->open_minute[d] % 60,
                              settings->close_minute[d] / 60, settings->close_minute[d] % 60);
    }
  for (guint i = 0; i < settings->holidays->len; i++)
    {
      g_autofree char *date = sc_calendar_format_date (g_array_index (settings->holidays, gint32, i));

      g_string_append_printf (out, "%s%s", i == 0 ? " holidays=" : ",", date);
    }
}

static void
describe_sla_table (const ScMetricSettings *settings,
                    GString                *out)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (settings->sla_table),
                                       (GCompareFunc) g_strcmp0);

  g_string_append (out, " sla-table=");
  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (out, "%s%s=%" G_GSIZE_FORMAT "s", l == keys ? "" : ",",
                            (const char *) l->data,
                            GPOINTER_TO_SIZE (g_hash_table_lookup (settings->sla_table, l->data)));
}

/**
 * sc_metric_settings_describe:
 * @settings: variants
 *
 * The variants as one line of `key=value` words, for example
 * `tz=UTC hours=calendar durations=exported fcr=one-touch csat=top-two-box
 * ces=higher/7 sla=first-reply/data short-abandon=0s resolved=flag`.
 * Every result carries this text, so a figure can say how it was computed.
 *
 * Returns: (transfer full): the description
 */
char *
sc_metric_settings_describe (const ScMetricSettings *settings)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (settings != NULL, NULL);

  g_string_append_printf (out, "tz=%s hours=%s", settings->timezone,
                          settings->hours == SC_HOURS_BUSINESS ? "business" : "calendar");
  if (settings->hours == SC_HOURS_BUSINESS)
    describe_schedule (settings, out);
  g_string_append_printf (out, " durations=%s",
                          settings->durations == SC_DURATIONS_TIMESTAMPS ? "timestamps" : "exported");
  if (settings->fcr == SC_FCR_NO_REPEAT)
    g_string_append_printf (out, " fcr=no-repeat/%ud", settings->fcr_repeat_days);
  else
    g_string_append (out, " fcr=one-touch");
  g_string_append_printf (out, " csat=%s ces=%s/%u sla=%s/%s",
                          settings->csat == SC_CSAT_MEAN ? "mean" : "top-two-box",
                          settings->ces_direction == SC_DIRECTION_LOWER_IS_BETTER ? "lower" : "higher",
                          settings->ces_scale,
                          settings->sla_basis == SC_SLA_RESOLUTION ? "resolution" : "first-reply",
                          settings->sla_targets == SC_SLA_TARGETS_TABLE ? "table" : "data");
  if (settings->sla_targets == SC_SLA_TARGETS_TABLE)
    describe_sla_table (settings, out);
  g_string_append_printf (out, " short-abandon=%us", settings->short_abandon_s);
  if (settings->resolved_statuses != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", settings->resolved_statuses);

      g_string_append_printf (out, " resolved=%s", joined);
    }
  else
    g_string_append (out, " resolved=flag");
  return g_string_free (out, FALSE);
}

/**
 * sc_metric_settings_equal:
 * @a: variants
 * @b: variants
 *
 * Returns: %TRUE when @a and @b compute every metric the same way
 */
gboolean
sc_metric_settings_equal (const ScMetricSettings *a,
                          const ScMetricSettings *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  da = sc_metric_settings_describe (a);
  db = sc_metric_settings_describe (b);
  return g_str_equal (da, db);
}

/**
 * sc_metric_settings_get_direction:
 * @settings: variants
 * @metric: a metric
 *
 * Returns: which way @metric improves under these variants
 */
ScMetricDirection
sc_metric_settings_get_direction (const ScMetricSettings *settings,
                                  const ScMetric         *metric)
{
  g_return_val_if_fail (settings != NULL && metric != NULL, SC_DIRECTION_NEUTRAL);

  if (metric->id == SC_METRIC_CES)
    return settings->ces_direction;
  return metric->direction;
}

static gboolean
is_holiday (const ScMetricSettings *settings,
            gint32                  day)
{
  if (settings->holidays->len == 0)
    return FALSE;
  return bsearch (&day, settings->holidays->data, settings->holidays->len,
                  sizeof (gint32), compare_day) != NULL;
}

/**
 * sc_metric_settings_business_seconds:
 * @settings: variants with the weekly schedule and holidays
 * @local_start: the start, as local wall-clock seconds since 1970-01-01
 * @local_end: the end, likewise
 *
 * Counts the seconds between two wall-clock instants that fall within
 * opening hours, skipping closed days and holidays. Working on wall-clock
 * time keeps a 09:00–17:00 day at eight hours across DST changes.
 *
 * Returns: the business seconds, 0 when @local_end ≤ @local_start
 */
gint64
sc_metric_settings_business_seconds (const ScMetricSettings *settings,
                                     gint64                  local_start,
                                     gint64                  local_end)
{
  gint64 total = 0;
  gint64 first, last;

  g_return_val_if_fail (settings != NULL, 0);

  if (local_end <= local_start)
    return 0;
  first = local_start / SECONDS_PER_DAY - (local_start < 0);
  last = local_end / SECONDS_PER_DAY - (local_end < 0);
  for (gint64 day = first; day <= last; day++)
    {
      int wd = sc_calendar_weekday ((gint32) day);
      gint64 open, close;

      if (settings->open_minute[wd] < 0 || is_holiday (settings, (gint32) day))
        continue;
      open = day * SECONDS_PER_DAY + settings->open_minute[wd] * 60;
      close = day * SECONDS_PER_DAY + settings->close_minute[wd] * 60;
      open = MAX (open, local_start);
      close = MIN (close, local_end);
      if (close > open)
        total += close - open;
    }
  return total;
}
