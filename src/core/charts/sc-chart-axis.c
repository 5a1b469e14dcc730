/* sc-chart-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sc-chart-axis.h"

#define MINUS_SIGN "\u2212"
#define SECONDS_PER_DAY 86400

/* Number formatting {{{ */

static const char *
get_thousands_separator (void)
{
  const struct lconv *lc = localeconv ();

  /* The C locale has no separator; it is English-like, so use a comma. */
  if (lc->thousands_sep == NULL || lc->thousands_sep[0] == '\0')
    return ",";

  return lc->thousands_sep;
}

static void
append_grouped (GString    *out,
                const char *digits,
                gsize       len)
{
  const char *sep = get_thousands_separator ();

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * sc_chart_format_number:
 * @value: a finite number
 * @decimals: digits after the decimal point, 0…12
 *
 * Writes @value with the locale's decimal point, thousands separators and a
 * true minus sign (U+2212). Magnitudes of 10¹⁵ and more are written in
 * scientific notation.
 *
 * Returns: (transfer full): the text
 */
char *
sc_chart_format_number (double value,
                        int    decimals)
{
  g_autofree char *plain = NULL;
  GString *out;
  const char *digits;
  const char *point;
  gsize int_len;

  if (!isfinite (value))
    return g_strdup ("—");

  decimals = CLAMP (decimals, 0, 12);
  if (fabs (value) >= 1e15)
    return g_strdup_printf ("%s%.3g", value < 0 ? MINUS_SIGN : "", fabs (value));

  plain = g_strdup_printf ("%.*f", decimals, fabs (value));
  out = g_string_new (NULL);

  /* Rounding may give "0" or "0.0" for a tiny negative value: no sign then. */
  if (value < 0 && strspn (plain, "0.,") != strlen (plain))
    g_string_append (out, MINUS_SIGN);

  digits = plain;
  int_len = strspn (digits, "0123456789");
  point = digits + int_len;
  append_grouped (out, digits, int_len);
  g_string_append (out, point);

  return g_string_free (out, FALSE);
}

static int
decimals_for (double magnitude)
{
  if (magnitude == 0 || !isfinite (magnitude))
    return 0;
  if (magnitude >= 100)
    return 0;
  if (magnitude >= 10)
    return 1;
  if (magnitude >= 0.01)
    return 2;

  return CLAMP ((int) ceil (-log10 (magnitude)) + 1, 2, 12);
}

static char *
format_duration (double seconds)
{
  double abs_s = fabs (seconds);
  const char *sign = seconds < 0 ? MINUS_SIGN : "";
  gint64 s = (gint64) round (abs_s);

  if (abs_s < 10)
    {
      g_autofree char *num = sc_chart_format_number (abs_s, abs_s < 1 && abs_s > 0 ? 2 : 1);
      /* Translators: a duration in seconds, e.g. "4.5 s" */
      return g_strdup_printf (_("%s%s s"), sign, num);
    }
  if (s < 60)
    return g_strdup_printf (_("%s%d s"), sign, (int) s);
  if (s < 600 && s % 60 != 0)
    /* Translators: minutes and seconds, e.g. "4 min 30 s" */
    return g_strdup_printf (_("%s%d min %d s"), sign, (int) (s / 60), (int) (s % 60));
  if (s < 3600)
    return g_strdup_printf (_("%s%d min"), sign, (int) ((s + 30) / 60));
  if (s < SECONDS_PER_DAY)
    {
      gint64 m = (s + 30) / 60;

      if (m % 60 == 0)
        /* Translators: whole hours, e.g. "3 h" */
        return g_strdup_printf (_("%s%d h"), sign, (int) (m / 60));
      /* Translators: hours and minutes, e.g. "3 h 20 min" */
      return g_strdup_printf (_("%s%d h %d min"), sign, (int) (m / 60), (int) (m % 60));
    }
  else
    {
      gint64 h = (s + 1800) / 3600;

      if (h % 24 == 0)
        /* Translators: whole days, e.g. "2 d" */
        return g_strdup_printf (_("%s%d d"), sign, (int) (h / 24));
      /* Translators: days and hours, e.g. "2 d 4 h" */
      return g_strdup_printf (_("%s%d d %d h"), sign, (int) (h / 24), (int) (h % 24));
    }
}

static const char *
get_currency (const char *currency)
{
  const struct lconv *lc;

  if (currency != NULL)
    return currency;

  lc = localeconv ();
  return lc->currency_symbol != NULL ? lc->currency_symbol : "";
}

/* "1.50" → "1.5", "2.0" → "2": axis labels read cleaner without
 * trailing zeros, and the ticks are evenly spaced anyway. */
static void
trim_zeros (char *num)
{
  const char *point = localeconv ()->decimal_point;
  char *dot;
  char *end;

  if (point == NULL || point[0] == '\0' || (dot = strstr (num, point)) == NULL)
    return;

  end = num + strlen (num);
  while (end > dot + strlen (point) && end[-1] == '0')
    *--end = '\0';
  if (end == dot + strlen (point))
    *dot = '\0';
}

/**
 * sc_chart_format_value:
 * @unit: the unit of @value
 * @value: the value, NAN for none
 * @currency: (nullable): the currency symbol of money values, %NULL for the
 *   locale's
 *
 * Writes a single value precisely, for value labels, tooltips and
 * summaries: "1,234", "85.3%", "90.0%", "+42", "3 h 20 min", "$1,250.00". A missing
 * value is written as an em dash.
 *
 * Returns: (transfer full): the text
 */
char *
sc_chart_format_value (ScChartUnit  unit,
                       double       value,
                       const char  *currency)
{
  g_autofree char *num = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  switch (unit)
    {
    case SC_CHART_UNIT_COUNT:
      return sc_chart_format_number (round (value), 0);

    case SC_CHART_UNIT_PERCENT:
      /* Always one decimal, so that values side by side line up and
       * "73.0%" does not look rounder than its neighbour "73.4%". */
      num = sc_chart_format_number (value, 1);
      /* Translators: a percentage, e.g. "85.3%" */
      return g_strdup_printf (_("%s%%"), num);

    case SC_CHART_UNIT_NPS:
      num = sc_chart_format_number (round (value), 0);
      return round (value) > 0 ? g_strdup_printf ("+%s", num) : g_steal_pointer (&num);

    case SC_CHART_UNIT_DURATION:
      return format_duration (value);

    case SC_CHART_UNIT_MONEY:
      num = sc_chart_format_number (fabs (value), fabs (value) >= 1000 ? 0 : 2);
      return g_strdup_printf ("%s%s%s", value < 0 ? MINUS_SIGN : "", get_currency (currency), num);

    case SC_CHART_UNIT_NUMBER:
    default:
      return sc_chart_format_number (value, decimals_for (fabs (value)));
    }
}

/* }}} */

/* Value axis {{{ */

static double
nice_step (double raw)
{
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5 * magnitude;

  return 10 * magnitude;
}

static void
choose_display_unit (ScValueAxis *axis,
                     double       magnitude)
{
  axis->divisor = 1;
  axis->suffix = "";

  switch (axis->unit)
    {
    case SC_CHART_UNIT_PERCENT:
      axis->suffix = "%";
      break;

    case SC_CHART_UNIT_DURATION:
      if (magnitude >= 2 * SECONDS_PER_DAY)
        axis->divisor = SECONDS_PER_DAY, axis->suffix = C_("day unit", "d");
      else if (magnitude >= 2 * 3600)
        axis->divisor = 3600, axis->suffix = C_("hour unit", "h");
      else if (magnitude >= 120)
        axis->divisor = 60, axis->suffix = C_("minute unit", "min");
      else
        axis->suffix = C_("second unit", "s");
      break;

    case SC_CHART_UNIT_COUNT:
    case SC_CHART_UNIT_NUMBER:
    case SC_CHART_UNIT_MONEY:
      if (magnitude >= 1e12)
        axis->divisor = 1e12, axis->suffix = C_("trillions", "T");
      else if (magnitude >= 1e9)
        axis->divisor = 1e9, axis->suffix = C_("billions", "B");
      else if (magnitude >= 1e6)
        axis->divisor = 1e6, axis->suffix = C_("millions", "M");
      break;

    case SC_CHART_UNIT_NPS:
    default:
      break;
    }
}

static void
widen_empty_range (ScChartUnit  unit,
                   double      *lo,
                   double      *hi)
{
  double pad;

  if (*hi > *lo)
    return;

  pad = fabs (*lo) * 0.1;
  if (pad == 0 || !isfinite (pad))
    pad = unit == SC_CHART_UNIT_PERCENT || unit == SC_CHART_UNIT_NPS ? 5 : 1;
  *lo -= pad;
  *hi += pad;
}

static void
clamp_to_unit_range (ScValueAxis *axis,
                     double       lo,
                     double       hi)
{
  double floor_v = axis->unit == SC_CHART_UNIT_NPS ? -100 : 0;

  if (axis->unit != SC_CHART_UNIT_PERCENT && axis->unit != SC_CHART_UNIT_NPS)
    return;

  if (lo >= floor_v && axis->min < floor_v)
    axis->min = floor_v;
  if (hi <= 100 && axis->max > 100)
    axis->max = 100;
}

static void
fill_ticks (ScValueAxis *axis)
{
  double first = ceil (axis->min / axis->step - 1e-9) * axis->step;

  axis->n_ticks = 0;
  for (double v = first;
       v <= axis->max + axis->step * 1e-9 && axis->n_ticks < SC_AXIS_MAX_TICKS;
       v = first + axis->n_ticks * axis->step)
    axis->ticks[axis->n_ticks++] = fabs (v) < axis->step * 1e-9 ? 0 : v;
}

/**
 * sc_value_axis_init:
 * @axis: (out caller-allocates): the axis to fill
 * @unit: the unit of the values
 * @currency: (nullable): currency symbol for money
 * @lo: the smallest value to show
 * @hi: the largest value to show
 * @max_ticks: the most ticks there is room for (at least 2)
 *
 * Lays out a value axis covering @lo…@hi with nice round ticks (to within
 * a billionth of a step: arithmetic noise such as 100.00000000001 % adds no
 * tick). Percentages
 * stay within 0…100 and NPS within −100…100 when the data does; counts get
 * whole-number ticks; durations pick seconds, minutes, hours or days.
 * Non-finite bounds give the axis 0…1.
 */
void
sc_value_axis_init (ScValueAxis *axis,
                    ScChartUnit  unit,
                    const char  *currency,
                    double       lo,
                    double       hi,
                    guint        max_ticks)
{
  double raw;

  g_return_if_fail (axis != NULL);

  memset (axis, 0, sizeof *axis);
  axis->unit = unit;
  axis->currency = currency;
  max_ticks = CLAMP (max_ticks, 2, SC_AXIS_MAX_TICKS - 1);

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  widen_empty_range (unit, &lo, &hi);

  choose_display_unit (axis, MAX (fabs (lo), fabs (hi)));
  raw = (hi - lo) / axis->divisor / (max_ticks - 1);
  axis->step = nice_step (raw) * axis->divisor;
  if (unit == SC_CHART_UNIT_COUNT && axis->step < 1)
    axis->step = 1;

  axis->min = floor (lo / axis->step + 1e-9) * axis->step;
  axis->max = ceil (hi / axis->step - 1e-9) * axis->step;
  if (axis->max <= axis->min)
    axis->max = axis->min + axis->step;
  clamp_to_unit_range (axis, lo, hi);
  fill_ticks (axis);

  axis->decimals = CLAMP ((int) -floor (log10 (axis->step / axis->divisor) + 1e-9), 0, 12);
}

/**
 * sc_value_axis_normalize:
 * @axis: a laid-out #ScValueAxis
 * @value: a value
 *
 * Returns: where @value sits between @axis->min (0) and @axis->max (1);
 *   may be outside 0…1 for values beyond the axis
 */
double
sc_value_axis_normalize (const ScValueAxis *axis,
                         double             value)
{
  g_return_val_if_fail (axis != NULL, 0);

  return (value - axis->min) / (axis->max - axis->min);
}

/**
 * sc_value_axis_format_tick:
 * @axis: a laid-out #ScValueAxis
 * @value: a tick value
 *
 * Writes a tick label with the axis' shared unit and decimals: "20 min",
 * "85%", "1.5M", "+40" (NPS), "$200".
 *
 * Returns: (transfer full): the label
 */
char *
sc_value_axis_format_tick (const ScValueAxis *axis,
                           double             value)
{
  g_autofree char *num = NULL;

  g_return_val_if_fail (axis != NULL, NULL);

  num = sc_chart_format_number (value / axis->divisor, axis->decimals);
  trim_zeros (num);

  switch (axis->unit)
    {
    case SC_CHART_UNIT_PERCENT:
      return g_strdup_printf (_("%s%%"), num);

    case SC_CHART_UNIT_NPS:
      return value > 0 ? g_strdup_printf ("+%s", num) : g_steal_pointer (&num);

    case SC_CHART_UNIT_DURATION:
      /* Translators: a number and a unit on an axis, e.g. "20 min" */
      return g_strdup_printf (_("%s %s"), num, axis->suffix);

    case SC_CHART_UNIT_MONEY:
      return g_strdup_printf ("%s%s%s", get_currency (axis->currency), num, axis->suffix);

    case SC_CHART_UNIT_COUNT:
    case SC_CHART_UNIT_NUMBER:
    default:
      return g_strdup_printf ("%s%s", num, axis->suffix);
    }
}

/**
 * sc_value_axis_snap:
 * @axis: a laid-out #ScValueAxis
 * @value: a value, e.g. where a dragged target line is
 *
 * Rounds @value to a sensible step: a tenth of the tick step (a whole
 * number for counts).
 *
 * Returns: the snapped value
 */
double
sc_value_axis_snap (const ScValueAxis *axis,
                    double             value)
{
  double step;

  g_return_val_if_fail (axis != NULL, value);

  step = axis->step / (axis->step / axis->divisor >= 2 ? 10 : 5);
  if (axis->unit == SC_CHART_UNIT_COUNT || axis->unit == SC_CHART_UNIT_NPS)
    step = MAX (step, 1);

  return round (value / step) * step;
}

/* }}} */

/* Time axis {{{ */

static GDateTime *
floor_to_step (GDateTime  *dt,
               ScTimeStep  step,
               guint       multiple)
{
  int y = g_date_time_get_year (dt);
  int m = g_date_time_get_month (dt);
  GTimeZone *tz = g_date_time_get_timezone (dt);
  g_autoptr(GDateTime) day = g_date_time_new (tz, y, m, g_date_time_get_day_of_month (dt), 0, 0, 0);

  switch (step)
    {
    case SC_TIME_STEP_DAY:
      return g_date_time_ref (day);

    case SC_TIME_STEP_WEEK:
      return g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));

    case SC_TIME_STEP_MONTH:
      return g_date_time_new (tz, y, ((m - 1) / multiple) * multiple + 1, 1, 0, 0, 0);

    case SC_TIME_STEP_QUARTER:
      return g_date_time_new (tz, y, ((m - 1) / (3 * multiple)) * 3 * multiple + 1, 1, 0, 0, 0);

    case SC_TIME_STEP_YEAR:
    default:
      return g_date_time_new (tz, (y / (int) multiple) * (int) multiple, 1, 1, 0, 0, 0);
    }
}

static GDateTime *
advance (GDateTime  *dt,
         ScTimeStep  step,
         guint       multiple)
{
  switch (step)
    {
    case SC_TIME_STEP_DAY:
      return g_date_time_add_days (dt, multiple);
    case SC_TIME_STEP_WEEK:
      return g_date_time_add_weeks (dt, multiple);
    case SC_TIME_STEP_MONTH:
      return g_date_time_add_months (dt, multiple);
    case SC_TIME_STEP_QUARTER:
      return g_date_time_add_months (dt, 3 * multiple);
    case SC_TIME_STEP_YEAR:
    default:
      return g_date_time_add_years (dt, multiple);
    }
}

static double
approx_step_seconds (ScTimeStep step,
                     guint      multiple)
{
  static const double unit[] = { 86400, 7 * 86400, 30.44 * 86400, 91.3 * 86400, 365.25 * 86400 };

  return unit[step] * multiple;
}

/**
 * sc_time_axis_init:
 * @axis: (out caller-allocates): the axis to fill
 * @tz: the calendar's time zone
 * @start: left end, Unix seconds
 * @end: right end, Unix seconds
 * @step: calendar unit of ticks
 * @multiple: ticks every @multiple units (weeks aligned to ISO week
 *   numbers, months to January, years to multiples of @multiple)
 *
 * Fills @axis with the calendar boundaries inside @start…@end, at most
 * %SC_AXIS_MAX_TICKS of them.
 */
void
sc_time_axis_init (ScTimeAxis *axis,
                   GTimeZone  *tz,
                   gint64      start,
                   gint64      end,
                   ScTimeStep  step,
                   guint       multiple)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDateTime *dt;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (tz != NULL);

  memset (axis, 0, sizeof *axis);
  axis->tz = tz;
  axis->start = start;
  axis->end = MAX (end, start + 1);
  axis->step = step;
  axis->multiple = MAX (multiple, 1);

  at = g_date_time_new_from_unix_utc (start);
  local = g_date_time_to_timezone (at, tz);
  dt = floor_to_step (local, step, axis->multiple);

  while (axis->n_ticks < SC_AXIS_MAX_TICKS)
    {
      gint64 t = g_date_time_to_unix (dt);
      GDateTime *next;

      if (t > axis->end)
        break;
      if (t >= start && (step != SC_TIME_STEP_WEEK || axis->multiple == 1 ||
                         g_date_time_get_week_of_year (dt) % axis->multiple == 1 % axis->multiple))
        axis->ticks[axis->n_ticks++] = t;

      next = advance (dt, step, axis->multiple == 1 || step != SC_TIME_STEP_WEEK ? axis->multiple : 1);
      g_date_time_unref (dt);
      dt = next;
    }

  g_date_time_unref (dt);
}

static const struct {
  ScTimeStep step;
  guint      multiple;
} candidates[] = {
  { SC_TIME_STEP_DAY, 1 }, { SC_TIME_STEP_DAY, 2 }, { SC_TIME_STEP_WEEK, 1 },
  { SC_TIME_STEP_WEEK, 2 }, { SC_TIME_STEP_MONTH, 1 },
  { SC_TIME_STEP_MONTH, 2 }, { SC_TIME_STEP_QUARTER, 1 }, { SC_TIME_STEP_MONTH, 6 },
  { SC_TIME_STEP_YEAR, 1 }, { SC_TIME_STEP_YEAR, 2 }, { SC_TIME_STEP_YEAR, 5 },
  { SC_TIME_STEP_YEAR, 10 }, { SC_TIME_STEP_YEAR, 25 }, { SC_TIME_STEP_YEAR, 50 },
  { SC_TIME_STEP_YEAR, 100 },
};

static double
widest_label (const ScTimeAxis *axis,
              ScMeasureFunc     measure,
              gpointer          user_data)
{
  double widest = 0;

  /* The first two labels cover both forms (with and without the year). */
  for (guint i = 0; i < MIN (axis->n_ticks, 2); i++)
    {
      g_autofree char *label = sc_time_axis_format_tick (axis, i);
      widest = MAX (widest, measure (label, user_data));
    }

  return widest;
}

/**
 * sc_time_axis_layout:
 * @axis: (out caller-allocates): the axis to fill
 * @tz: the calendar's time zone
 * @start: left end, Unix seconds
 * @end: right end, Unix seconds
 * @width: the length of the axis
 * @gap: the least space between two labels
 * @measure: (scope call): measures a label
 * @user_data: data for @measure
 *
 * Picks the finest calendar step (days, weeks, months, quarters, years)
 * whose labels fit side by side in @width, and fills @axis with it.
 *
 * Returns: %TRUE if the labels fit; %FALSE if even the coarsest step is
 *   too dense (the caller thins the labels)
 */
gboolean
sc_time_axis_layout (ScTimeAxis    *axis,
                     GTimeZone     *tz,
                     gint64         start,
                     gint64         end,
                     double         width,
                     double         gap,
                     ScMeasureFunc  measure,
                     gpointer       user_data)
{
  double span = MAX (end - start, 1);

  g_return_val_if_fail (axis != NULL, FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      double slot = width * approx_step_seconds (candidates[i].step, candidates[i].multiple) / span;

      /* Skip steps that are obviously too dense before formatting labels. */
      if (slot < gap * 2 && i + 1 < G_N_ELEMENTS (candidates))
        continue;

      sc_time_axis_init (axis, tz, start, end, candidates[i].step, candidates[i].multiple);
      if (widest_label (axis, measure, user_data) + gap <= slot)
        return TRUE;
    }

  return FALSE;
}

/**
 * sc_time_axis_normalize:
 * @axis: a laid-out #ScTimeAxis
 * @time: Unix seconds
 *
 * Returns: where @time sits between @axis->start (0) and @axis->end (1)
 */
double
sc_time_axis_normalize (const ScTimeAxis *axis,
                        gint64            time)
{
  g_return_val_if_fail (axis != NULL, 0);

  return (double) (time - axis->start) / (double) (axis->end - axis->start);
}

/**
 * sc_time_axis_tick_is_period:
 * @axis: a laid-out #ScTimeAxis
 *
 * Month, quarter and year labels name the period that starts at the tick,
 * so painters centre them on the period; day and week labels name the
 * tick's date and sit under it.
 *
 * Returns: %TRUE if labels should be centred on their period
 */
gboolean
sc_time_axis_tick_is_period (const ScTimeAxis *axis)
{
  g_return_val_if_fail (axis != NULL, FALSE);

  return axis->step >= SC_TIME_STEP_MONTH && axis->multiple == 1;
}

static char *
format_quarter (GDateTime *dt)
{
  /* Translators: a calendar quarter and its year, e.g. "Q3 2024" */
  return g_strdup_printf (_("Q%d %d"),
                          (g_date_time_get_month (dt) - 1) / 3 + 1,
                          g_date_time_get_year (dt));
}

/**
 * sc_time_axis_format_tick:
 * @axis: a laid-out #ScTimeAxis
 * @index: a tick index
 *
 * Formats a tick label in the current locale: "3 Mar" for days and weeks,
 * "Mar" for months ("Jan 2025" on the first tick and on January), "Q2 2024"
 * for quarters, "2024" for years.
 *
 * Returns: (transfer full): the label
 */
char *
sc_time_axis_format_tick (const ScTimeAxis *axis,
                          guint             index)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (axis != NULL, NULL);
  g_return_val_if_fail (index < axis->n_ticks, NULL);

  utc = g_date_time_new_from_unix_utc (axis->ticks[index]);
  dt = g_date_time_to_timezone (utc, axis->tz);

  switch (axis->step)
    {
    case SC_TIME_STEP_DAY:
    case SC_TIME_STEP_WEEK:
      /* Translators: a day on a chart axis, see g_date_time_format() */
      return g_date_time_format (dt, _("%-d %b"));

    case SC_TIME_STEP_MONTH:
      if (index == 0 || g_date_time_get_month (dt) == 1)
        /* Translators: a month and year on a chart axis, see g_date_time_format() */
        return g_date_time_format (dt, _("%b %Y"));
      /* Translators: a month on a chart axis, see g_date_time_format() */
      return g_date_time_format (dt, _("%b"));

    case SC_TIME_STEP_QUARTER:
      return format_quarter (dt);

    case SC_TIME_STEP_YEAR:
    default:
      return g_date_time_format (dt, "%Y");
    }
}

/**
 * sc_chart_format_period:
 * @start: bucket start, Unix seconds
 * @end: bucket end (exclusive), Unix seconds
 * @tz: the calendar's time zone
 *
 * Names a period for tooltips and summaries: "3 March 2024" for a day,
 * "Week 12, 2024" for an ISO week, "March 2024", "Q1 2024", "2024", or a
 * range of dates for anything else.
 *
 * Returns: (transfer full): the text
 */
char *
sc_chart_format_period (gint64     start,
                        gint64     end,
                        GTimeZone *tz)
{
  g_autoptr(GDateTime) s_utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) e_utc = g_date_time_new_from_unix_utc (MAX (end, start + 1) - 1);
  g_autoptr(GDateTime) s = g_date_time_to_timezone (s_utc, tz);
  g_autoptr(GDateTime) e = g_date_time_to_timezone (e_utc, tz);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  int sy = g_date_time_get_year (s), sm = g_date_time_get_month (s);
  int ey = g_date_time_get_year (e), em = g_date_time_get_month (e);
  gboolean starts_month = g_date_time_get_day_of_month (s) == 1 && g_date_time_get_hour (s) == 0;
  gboolean ends_month = g_date_time_get_day_of_month (e) == g_date_get_days_in_month (em, ey);
  double days = (end - start) / 86400.0;

  if (days <= 1.05 && g_date_time_get_day_of_year (s) == g_date_time_get_day_of_year (e))
    /* Translators: a single day, see g_date_time_format() */
    return g_date_time_format (s, _("%-d %B %Y"));
  if (days > 6.9 && days < 7.1 && g_date_time_get_day_of_week (s) == 1)
    /* Translators: an ISO week and its year, see g_date_time_format() */
    return g_date_time_format (s, _("Week %V, %G"));
  if (starts_month && ends_month && sy == ey && sm == em)
    /* Translators: a month and year, see g_date_time_format() */
    return g_date_time_format (s, _("%B %Y"));
  if (starts_month && ends_month && sy == ey && (sm - 1) % 3 == 0 && em == sm + 2)
    return format_quarter (s);
  if (starts_month && ends_month && sy == ey && sm == 1 && em == 12)
    return g_date_time_format (s, "%Y");

  a = g_date_time_format (s, _("%-d %b %Y"));
  b = g_date_time_format (e, _("%-d %b %Y"));
  /* Translators: a range of dates, e.g. "3 Mar 2024 – 9 Mar 2024" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* }}} */
