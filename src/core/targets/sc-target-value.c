/* sc-target-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-target-value.h"

#define MINUS_SIGN "\xe2\x88\x92"   /* U+2212, as typography writes −5 */

static const struct
{
  const char *name;
  double      seconds;
} time_units[] = {
  { "d", 86400 }, { "day", 86400 }, { "days", 86400 },
  { "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
  { "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
  { "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
};

/* ---- Reading numbers --------------------------------------------------------- */

/* Reads a decimal number at *p: an optional sign (+, -, −), digits and at
 * most one decimal separator (a point, or a comma as many locales write
 * it). No exponents, no infinities. Advances *p past it. */
static gboolean
read_number (const char **p,
             double      *value,
             gboolean    *signed_out)
{
  GString *buffer = g_string_new (NULL);
  const char *s = *p;
  gboolean digits = FALSE, separator = FALSE;

  *signed_out = FALSE;
  if (*s == '+' || *s == '-')
    {
      g_string_append_c (buffer, *s++);
      *signed_out = TRUE;
    }
  else if (g_str_has_prefix (s, MINUS_SIGN))
    {
      g_string_append_c (buffer, '-');
      s += strlen (MINUS_SIGN);
      *signed_out = TRUE;
    }
  for (; g_ascii_isdigit (*s) || ((*s == '.' || *s == ',') && !separator); s++)
    {
      separator |= !g_ascii_isdigit (*s);
      digits |= g_ascii_isdigit (*s);
      g_string_append_c (buffer, g_ascii_isdigit (*s) ? *s : '.');
    }
  if (digits)
    {
      *value = g_ascii_strtod (buffer->str, NULL);
      *p = s;
    }
  g_string_free (buffer, TRUE);
  return digits;
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* A whole text that is one number, optionally followed by @suffix. */
static gboolean
parse_plain (const char *text,
             const char *suffix,
             double     *value,
             gboolean   *had_suffix)
{
  const char *p = skip_spaces (text);
  gboolean has_sign;

  *had_suffix = FALSE;
  if (!read_number (&p, value, &has_sign))
    return FALSE;
  p = skip_spaces (p);
  if (suffix != NULL && g_str_has_prefix (p, suffix))
    {
      *had_suffix = TRUE;
      p = skip_spaces (p + strlen (suffix));
    }
  return *p == '\0';
}

/* ---- Durations --------------------------------------------------------------- */

static double
lookup_time_unit (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (time_units); i++)
    if (g_ascii_strcasecmp (name, time_units[i].name) == 0)
      return time_units[i].seconds;
  return 0;
}

static gboolean
parse_clock (const char  *text,
             double      *seconds,
             GError     **error)
{
  unsigned h, m, s = 0;
  int used = 0;
  gsize len = strlen (text);

  if (((sscanf (text, "%u:%2u:%2u%n", &h, &m, &s, &used) == 3 && (gsize) used == len)
       || (sscanf (text, "%u:%2u%n", &h, &m, &used) == 2 && (gsize) used == len && (s = 0, TRUE)))
      && m < 60 && s < 60)
    {
      *seconds = h * 3600.0 + m * 60.0 + s;
      return TRUE;
    }
  g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
               _("“%s” is not a duration; write hours and minutes as 1:30 or 1:30:00"), text);
  return FALSE;
}

static gboolean
read_duration_part (const char **p,
                    const char  *text,
                    double      *total,
                    guint       *seen,
                    GError     **error)
{
  g_autofree char *unit = NULL;
  const char *start;
  double number, per;
  gboolean has_sign;
  guint bit;

  if (!read_number (p, &number, &has_sign) || has_sign)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” is not a duration; write e.g. 4h, 90 s or 1h 30m"), text);
      return FALSE;
    }
  start = *p = skip_spaces (*p);
  while (g_ascii_isalpha (**p))
    (*p)++;
  unit = g_strndup (start, *p - start);
  if (unit[0] == '\0' && number == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A duration must be more than zero, not “%s”"), text);
      return FALSE;
    }
  if (unit[0] == '\0')
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” needs a unit of time: write e.g. %gh, %gmin or %gs"), text, number, number, number);
      return FALSE;
    }
  if ((per = lookup_time_unit (unit)) == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” in “%s” is not a unit of time; use d, h, min (or m) or s"), unit, text);
      return FALSE;
    }
  bit = per >= 86400 ? 1 : per >= 3600 ? 2 : per >= 60 ? 4 : 8;
  if (*seen & bit)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” gives the %s twice"), text, unit);
      return FALSE;
    }
  *seen |= bit;
  *total += number * per;
  *p = skip_spaces (*p);
  return TRUE;
}

/**
 * sc_duration_parse:
 * @text: `4h`, `90 s`, `1h 30m`, `2 days`, `4.5 min`, `1:30` (h:mm) or
 *   `0:04:30` (h:mm:ss)
 * @seconds: (out): the duration in seconds
 * @error: return location for an error
 *
 * Reads a duration. A number without a unit is refused rather than
 * guessed, and so is a duration that is not more than zero.
 *
 * Returns: %TRUE when @text is a positive duration
 */
gboolean
sc_duration_parse (const char  *text,
                   double      *seconds,
                   GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *p;
  double total = 0;
  guint seen = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '-' || g_str_has_prefix (trimmed, MINUS_SIGN))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A duration must be more than zero, not “%s”"), text);
      return FALSE;
    }
  if (strchr (trimmed, ':') != NULL)
    {
      if (!parse_clock (trimmed, &total, error))
        return FALSE;
    }
  else
    for (p = trimmed; *p != '\0';)
      if (!read_duration_part (&p, trimmed, &total, &seen, error))
        return FALSE;
  if (!(total > 0))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("A duration must be more than zero, not “%s”"), text);
      return FALSE;
    }
  *seconds = total;
  return TRUE;
}

static char *
trim_number (double value,
             const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");
  return g_strdup (buffer);
}

/**
 * sc_duration_format:
 * @seconds: a duration
 *
 * Returns: (transfer full): the duration as sc_duration_parse() reads it
 *   back: `4h`, `1h 30m`, `1m 30s`, `45s`, `2d 4h`
 */
char *
sc_duration_format (double seconds)
{
  static const struct { const char *unit; double size; } parts[] = {
    { "d", 86400 }, { "h", 3600 }, { "m", 60 },
  };
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  double rest = fabs (seconds);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      double n = floor (rest / parts[i].size + 1e-9);

      if (n >= 1)
        {
          g_ptr_array_add (words, g_strdup_printf ("%.0f%s", n, parts[i].unit));
          rest = MAX (rest - n * parts[i].size, 0);
        }
    }
  if (rest >= 0.05 || words->len == 0)
    {
      g_autofree char *number = trim_number (rest, "%.1f");

      g_ptr_array_add (words, g_strdup_printf ("%ss", number));
    }
  g_ptr_array_add (words, NULL);
  joined = g_strjoinv (" ", (char **) words->pdata);
  return seconds < 0 ? g_strdup_printf ("-%s", joined) : g_steal_pointer (&joined);
}

/* ---- Values of a metric -------------------------------------------------------- */

static guint
ces_scale (const ScMetricSettings *settings)
{
  return settings != NULL && settings->ces_scale >= 2 ? settings->ces_scale : 7;
}

/**
 * sc_target_value_check:
 * @metric: the metric
 * @settings: (nullable): the variants in force (for the CES scale); %NULL
 *   for the defaults
 * @value: a value in the metric's base unit
 * @error: return location for an error
 *
 * Checks that @value can be a target or baseline of @metric: an NPS from
 * −100 to 100, a percentage from 0 to 100, a duration more than zero, an
 * effort score within the CES scale, a count or an amount not negative.
 *
 * Returns: %TRUE when it can
 */
gboolean
sc_target_value_check (ScMetricId              metric,
                       const ScMetricSettings *settings,
                       double                  value,
                       GError                **error)
{
  const ScMetric *entry;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (metric < SC_METRIC_N, FALSE);

  entry = sc_metric_get (metric);
  shown = sc_target_value_format (metric, value);
  if (!isfinite (value))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s needs a value"), _(entry->name));
  else if (entry->unit == SC_UNIT_NPS && (value < -100 || value > 100))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("An NPS goes from −100 to 100; %s is outside"), shown);
  else if (entry->unit == SC_UNIT_PERCENT && (value < 0 || value > 100))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("%s is a percentage from 0 to 100; %s is outside"), _(entry->name), shown);
  else if (entry->unit == SC_UNIT_DURATION && value <= 0)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("%s is a duration and must be more than zero, not %s"), _(entry->name), shown);
  else if (entry->unit == SC_UNIT_SCORE && (value < 1 || value > ces_scale (settings)))
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("%s goes from 1 to %u (the CES scale); %s is outside"),
                 _(entry->name), ces_scale (settings), shown);
  else if ((entry->unit == SC_UNIT_COUNT || entry->unit == SC_UNIT_MONEY) && value < 0)
    g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                 _("%s cannot be negative; %s is not a target for it"), _(entry->name), shown);
  else
    return TRUE;
  return FALSE;
}

static gboolean
parse_number_for (const ScMetric  *entry,
                  const char      *text,
                  double          *value,
                  GError         **error)
{
  gboolean percent_sign = FALSE;

  if (parse_plain (text, "%", value, &percent_sign)
      && (!percent_sign || entry->unit == SC_UNIT_PERCENT))
    return TRUE;
  if (percent_sign && entry->unit == SC_UNIT_NPS)
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("“%s”: an NPS is in points from −100 to 100, not a percentage; write e.g. +20"), text);
  else if (percent_sign)
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("“%s”: %s is not a percentage; write a plain number"), text, _(entry->name));
  else if (entry->unit == SC_UNIT_PERCENT)
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("“%s” is not a percentage; write e.g. 85%% or 85"), text);
  else if (entry->unit == SC_UNIT_NPS)
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("“%s” is not an NPS; write a number from −100 to 100, e.g. +20 or -5"), text);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                 _("“%s” is not a number; write e.g. 4.2"), text);
  return FALSE;
}

/**
 * sc_target_value_parse:
 * @metric: the metric the value is for
 * @settings: (nullable): the variants in force (for the CES scale)
 * @text: what the user typed
 * @value: (out): the value in the metric's base unit
 * @error: return location for an error
 *
 * Reads a value for @metric in its unit and checks it with
 * sc_target_value_check(). Durations need a unit (`4h`, `90 s`,
 * `1h 30m`, `1:30`); percentages may carry `%`; an NPS may carry a sign;
 * a decimal comma is read like a point.
 *
 * Returns: %TRUE when @text is a valid value
 */
gboolean
sc_target_value_parse (ScMetricId              metric,
                       const ScMetricSettings *settings,
                       const char             *text,
                       double                 *value,
                       GError                **error)
{
  const ScMetric *entry;
  g_autofree char *trimmed = NULL;
  double parsed;

  g_return_val_if_fail (metric < SC_METRIC_N, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  entry = sc_metric_get (metric);
  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE, _("Enter a value for %s"), _(entry->name));
      return FALSE;
    }
  if (entry->unit == SC_UNIT_DURATION)
    {
      if (!sc_duration_parse (trimmed, &parsed, error))
        return FALSE;
    }
  else if (!parse_number_for (entry, trimmed, &parsed, error))
    return FALSE;
  if (!sc_target_value_check (metric, settings, parsed, error))
    return FALSE;
  *value = parsed;
  return TRUE;
}

/**
 * sc_target_value_format:
 * @metric: the metric
 * @value: a value in its base unit
 *
 * Returns: (transfer full): @value as the user would type it, which
 *   sc_target_value_parse() reads back: `4h`, `1h 30m`, `85%`, `+20`,
 *   `4.2`, `1200`
 */
char *
sc_target_value_format (ScMetricId metric,
                        double     value)
{
  const ScMetric *entry;
  g_autofree char *number = NULL;

  g_return_val_if_fail (metric < SC_METRIC_N, NULL);

  entry = sc_metric_get (metric);
  if (isnan (value))
    return g_strdup ("");
  switch (entry->unit)
    {
    case SC_UNIT_DURATION:
      return sc_duration_format (value);
    case SC_UNIT_PERCENT:
      number = trim_number (value, "%.2f");
      return g_strdup_printf ("%s%%", number);
    case SC_UNIT_NPS:
      number = trim_number (value, "%.1f");
      return value > 0 && !g_str_equal (number, "0") ? g_strdup_printf ("+%s", number)
                                                     : g_steal_pointer (&number);
    case SC_UNIT_SCORE:
    case SC_UNIT_COUNT:
    case SC_UNIT_MONEY:
    default:
      return trim_number (value, "%.2f");
    }
}

/**
 * sc_target_value_round:
 * @metric: the metric
 * @value: a computed value (a step of a glide path, a dragged line)
 *
 * Returns: @value rounded to what its unit is written with: whole minutes
 *   (whole seconds under ten minutes), hundredths of a percent or score,
 *   tenths of an NPS point
 */
double
sc_target_value_round (ScMetricId metric,
                       double     value)
{
  g_return_val_if_fail (metric < SC_METRIC_N, value);

  switch (sc_metric_get (metric)->unit)
    {
    case SC_UNIT_DURATION:
      /* Whole minutes from ten minutes up, as plans are written. */
      return fabs (value) >= 600 ? round (value / 60) * 60 : round (value);
    case SC_UNIT_NPS:
      return round (value * 10) / 10;
    case SC_UNIT_PERCENT:
    case SC_UNIT_SCORE:
    case SC_UNIT_COUNT:
    case SC_UNIT_MONEY:
    default:
      return round (value * 100) / 100;
    }
}

/* ---- At-risk band --------------------------------------------------------------- */

/**
 * sc_target_band_parse:
 * @text: `5%`, `5 %` or a fraction such as `0.05`
 * @band: (out): the band as a fraction
 * @error: return location for an error
 *
 * Returns: %TRUE when @text is a band from 0 % to under 100 %
 */
gboolean
sc_target_band_parse (const char  *text,
                      double      *band,
                      GError     **error)
{
  gboolean percent_sign;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (band != NULL, FALSE);

  if (!parse_plain (text, "%", &value, &percent_sign))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” is not an at-risk band; write a percentage such as 5%%"), text);
      return FALSE;
    }
  if (!percent_sign && value >= 1)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("“%s”: write the at-risk band as a percentage such as 5%% (or a fraction "
                     "such as 0.05)"), text);
      return FALSE;
    }
  if (percent_sign)
    value /= 100;
  if (value < 0 || value >= 1)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("The at-risk band goes from 0%% to under 100%%, not “%s”"), text);
      return FALSE;
    }
  *band = value;
  return TRUE;
}

/**
 * sc_target_band_format:
 * @band: a band as a fraction
 *
 * Returns: (transfer full): the band as a percentage, `5%`
 */
char *
sc_target_band_format (double band)
{
  g_autofree char *number = trim_number (band * 100, "%.2f");

  return g_strdup_printf ("%s%%", number);
}
