/* sc-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Value parsers. The ISO 8601 timestamp and the plain integer take a fast
 * path without allocation; everything else goes through a small
 * tokenizer. Errors are rare, so they may allocate.
 */

#include "config.h"

#include "sc-parse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sc-error.h"

#define MAX_TOKENS 16

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char * const weekday_names[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *text;
  gsize       len;
  gint64      value;      /* numbers */
  char        punct;      /* punctuation; ' ' for a run of blanks before */
} Token;

/* ---- Helpers ----------------------------------------------------------- */

static inline gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
trim (const char **text,
      gsize       *len)
{
  const char *s = *text;
  gsize n = *len;

  while (n > 0 && is_blank_char (*s))
    {
      s++;
      n--;
    }
  while (n > 0 && is_blank_char (s[n - 1]))
    n--;
  *text = s;
  *len = n;
}

/**
 * sc_parse_is_blank:
 * @text: (array length=len): a value
 * @len: its length
 *
 * Returns: %TRUE when @text holds nothing but blanks
 */
gboolean
sc_parse_is_blank (const char *text,
                   gsize       len)
{
  trim (&text, &len);
  return len == 0;
}

static gboolean
fail (GError     **error,
      const char  *text,
      gsize        len,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      const char  *text,
      gsize        len,
      const char  *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SC_ERROR, SC_ERROR_PARSE, detail);
  return FALSE;
}

static inline int
digit (char c)
{
  return (c >= '0' && c <= '9') ? c - '0' : -1;
}

static inline int
two_digits (const char *p)
{
  int a = digit (p[0]), b = digit (p[1]);

  return (a < 0 || b < 0) ? -1 : a * 10 + b;
}

static gboolean
is_leap (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap (year) ? 29 : days[month - 1];
}

/**
 * sc_parse_days_from_civil:
 * @year: a year
 * @month: 1–12
 * @day: 1–31
 *
 * Returns: the days since 1970-01-01 of a proleptic Gregorian date
 */
gint64
sc_parse_days_from_civil (int year,
                          int month,
                          int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * sc_parse_civil_from_days:
 * @days: days since 1970-01-01
 * @year: (out): the year
 * @month: (out): the month, 1–12
 * @day: (out): the day, 1–31
 *
 * The proleptic Gregorian date @days after 1970-01-01.
 */
void
sc_parse_civil_from_days (gint64  days,
                          int    *year,
                          int    *month,
                          int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

static gboolean
is_utc_zone (GTimeZone *zone)
{
  const char *id;

  if (zone == NULL)
    return TRUE;
  id = g_time_zone_get_identifier (zone);
  return g_str_equal (id, "UTC") || g_str_equal (id, "Z") || g_str_equal (id, "+00:00");
}

/**
 * sc_parse_local_to_unix:
 * @zone: (nullable): the zone of the wall-clock time; %NULL for UTC
 * @year: the year
 * @month: the month, 1–12
 * @day: the day, 1–31
 * @seconds_of_day: seconds since midnight
 *
 * Converts a wall-clock time in @zone to Unix seconds. A time that falls
 * into a daylight-saving gap is moved forward; an ambiguous time takes
 * the first (daylight) instant, as GLib does.
 *
 * Returns: Unix seconds
 */
gint64
sc_parse_local_to_unix (GTimeZone *zone,
                        int        year,
                        int        month,
                        int        day,
                        gint64     seconds_of_day)
{
  gint64 local = sc_parse_days_from_civil (year, month, day) * 86400 + seconds_of_day;
  gint64 t = local;
  int interval;

  if (is_utc_zone (zone))
    return local;
  interval = g_time_zone_adjust_time (zone, G_TIME_TYPE_DAYLIGHT, &t);
  return local - g_time_zone_get_offset (zone, interval) + (t - local);
}

static gboolean
check_date (int          year,
            int          month,
            int          day,
            const char  *text,
            gsize        len,
            GError     **error)
{
  if (year < 1900 || year > 2999)
    return fail (error, text, len, _("the year %d is out of range"), year);
  if (month < 1 || month > 12)
    return fail (error, text, len, _("there is no month %d"), month);
  if (day < 1 || day > days_in_month (year, month))
    return fail (error, text, len, _("%04d-%02d has no day %d"), year, month, day);
  return TRUE;
}

static gboolean
check_time (int          hour,
            int          minute,
            int          second,
            const char  *text,
            gsize        len,
            GError     **error)
{
  if (hour > 23 || minute > 59 || second > 60)
    return fail (error, text, len, _("the time %02d:%02d:%02d does not exist"),
                 hour, minute, second);
  return TRUE;
}

/* ---- ISO 8601 fast path ------------------------------------------------ */

/* Parses ±HH[:MM|MM] or Z at p; returns the characters used, 0 when there
 * is no zone, -1 when it is invalid. */
static int
parse_offset (const char *p,
              gsize       len,
              int        *offset)
{
  int sign, hh, mm = 0;
  gsize used;

  if (len == 0)
    return 0;
  if (p[0] == 'Z' || p[0] == 'z')
    {
      *offset = 0;
      return 1;
    }
  if (p[0] != '+' && p[0] != '-')
    return 0;
  sign = p[0] == '-' ? -1 : 1;
  if (len < 3 || (hh = two_digits (p + 1)) < 0)
    return -1;
  used = 3;
  if (len >= 6 && p[3] == ':' && (mm = two_digits (p + 4)) >= 0)
    used = 6;
  else if (len >= 5 && (mm = two_digits (p + 3)) >= 0)
    used = 5;
  else
    mm = 0;
  if (hh > 14 || mm > 59)
    return -1;
  *offset = sign * (hh * 3600 + mm * 60);
  return used;
}

/* Returns 1 when parsed, 0 when the text is not ISO-shaped, -1 when it is
 * ISO-shaped but wrong (error set). */
static int
parse_iso (const char  *p,
           gsize        len,
           GTimeZone   *zone,
           gint64      *out,
           GError     **error)
{
  int year, month, day, hour = 0, minute = 0, second = 0, offset = 0;
  gboolean has_offset = FALSE;
  gsize i = 10;

  if (len < 10 || !(p[4] == '-' || p[4] == '/') || p[7] != p[4] ||
      two_digits (p) < 0 || two_digits (p + 2) < 0 ||
      (month = two_digits (p + 5)) < 0 || (day = two_digits (p + 8)) < 0)
    return 0;
  year = two_digits (p) * 100 + two_digits (p + 2);

  if (i < len)
    {
      if ((p[i] != 'T' && p[i] != ' ') || len < i + 6 || p[i + 3] != ':' ||
          (hour = two_digits (p + i + 1)) < 0 || (minute = two_digits (p + i + 4)) < 0)
        return 0;
      i += 6;
      if (i + 3 <= len && p[i] == ':' && (second = two_digits (p + i + 1)) >= 0)
        i += 3;
      else
        second = 0;
      if (i < len && (p[i] == '.' || p[i] == ','))
        for (i++; i < len && digit (p[i]) >= 0; i++)
          ;
      if (i < len)
        {
          int used = parse_offset (p + i, len - i, &offset);

          if (used < 0)
            {
              fail (error, p, len, _("the UTC offset “%.*s” is out of range"),
                    (int) (len - i), p + i);
              return -1;
            }
          if (used == 0 || i + used != len)
            return 0;
          has_offset = TRUE;
        }
    }

  if (!check_date (year, month, day, p, len, error) ||
      !check_time (hour, minute, second, p, len, error))
    return -1;
  second = MIN (second, 59);
  if (has_offset)
    *out = sc_parse_days_from_civil (year, month, day) * 86400 +
           hour * 3600 + minute * 60 + second - offset;
  else
    *out = sc_parse_local_to_unix (zone, year, month, day, hour * 3600 + minute * 60 + second);
  return 1;
}

/* ---- Tokenizer --------------------------------------------------------- */

static guint
tokenize (const char *p,
          gsize       len,
          Token      *tokens)
{
  guint n = 0;
  gsize i = 0;
  char before = 0;

  while (i < len && n < MAX_TOKENS)
    {
      Token *t = &tokens[n];
      gsize j = i;

      if (is_blank_char (p[i]))
        {
          before = ' ';
          i++;
          continue;
        }
      t->text = p + i;
      t->punct = before;
      before = 0;
      if (digit (p[i]) >= 0)
        {
          t->kind = TOKEN_NUMBER;
          t->value = 0;
          for (; j < len && digit (p[j]) >= 0 && j - i < 12; j++)
            t->value = t->value * 10 + digit (p[j]);
        }
      else if (g_ascii_isalpha (p[i]))
        {
          t->kind = TOKEN_WORD;
          for (; j < len && (g_ascii_isalpha (p[j]) || p[j] == '.'); j++)
            ;
        }
      else
        {
          t->kind = TOKEN_PUNCT;
          t->punct = p[i];
          j = i + 1;
        }
      t->len = j - i;
      i = j;
      n++;
    }
  return i < len ? 0 : n;
}

static int
month_from_word (const Token *t)
{
  if (t->kind != TOKEN_WORD || t->len < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    if (g_ascii_strncasecmp (t->text, month_names[m], 3) == 0)
      return m + 1;
  return 0;
}

static gboolean
is_weekday (const Token *t)
{
  if (t->kind != TOKEN_WORD || t->len < 3)
    return FALSE;
  for (guint d = 0; d < G_N_ELEMENTS (weekday_names); d++)
    if (g_ascii_strncasecmp (t->text, weekday_names[d], 3) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_punct (const Token *t,
          const char  *set)
{
  return t->kind == TOKEN_PUNCT && strchr (set, t->punct) != NULL;
}

static int
full_year (const Token *t)
{
  if (t->len == 4)
    return t->value;
  if (t->len == 2)
    return t->value < 70 ? 2000 + t->value : 1900 + t->value;
  return -1;
}

typedef struct
{
  int year, month, day;
  gint64 seconds;
  int offset;
  gboolean has_offset;
  gboolean has_date;
} Parts;

/* Reads D/M/Y, M/D/Y, Y/M/D, D-Mon-Y, D Mon Y and Mon D, Y at tokens[*k]. */
static gboolean
read_date (const Token *tk,
           guint        n,
           guint       *k,
           ScDateOrder  order,
           Parts       *parts)
{
  guint i = *k;

  if (i + 4 < n + 0 && tk[i].kind == TOKEN_NUMBER && is_punct (&tk[i + 1], "/-.") &&
      tk[i + 2].kind == TOKEN_NUMBER && is_punct (&tk[i + 3], "/-.") &&
      tk[i + 3].punct == tk[i + 1].punct && tk[i + 4].kind == TOKEN_NUMBER)
    {
      const Token *a = &tk[i], *b = &tk[i + 2], *c = &tk[i + 4];

      if (a->len == 4)
        {
          parts->year = a->value, parts->month = b->value, parts->day = c->value;
        }
      else if (order == SC_DATE_ORDER_DMY ||
               (order != SC_DATE_ORDER_MDY && a->value > 12 && b->value <= 12))
        {
          parts->day = a->value, parts->month = b->value, parts->year = full_year (c);
        }
      else
        {
          parts->month = a->value, parts->day = b->value, parts->year = full_year (c);
        }
      *k = i + 5;
      return TRUE;
    }
  if (i + 2 < n && tk[i].kind == TOKEN_NUMBER && month_from_word (&tk[i + 1 + is_punct (&tk[i + 1], "/-.")]))
    {
      guint m = i + 1 + is_punct (&tk[i + 1], "/-.");
      guint y = m + 1 + (m + 1 < n && is_punct (&tk[m + 1], "/-.,"));

      if (y >= n || tk[y].kind != TOKEN_NUMBER)
        return FALSE;
      parts->day = tk[i].value, parts->month = month_from_word (&tk[m]), parts->year = full_year (&tk[y]);
      *k = y + 1;
      return TRUE;
    }
  if (i + 2 < n && month_from_word (&tk[i]) && tk[i + 1].kind == TOKEN_NUMBER)
    {
      guint y = i + 2 + is_punct (&tk[i + 2], ",");

      if (y >= n || tk[y].kind != TOKEN_NUMBER)
        return FALSE;
      parts->month = month_from_word (&tk[i]), parts->day = tk[i + 1].value, parts->year = full_year (&tk[y]);
      *k = y + 1;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_word (const Token *t,
         const char  *word)
{
  return t->kind == TOKEN_WORD && t->len == strlen (word) &&
         g_ascii_strncasecmp (t->text, word, t->len) == 0;
}

/* Reads h:mm[:ss[.fff]] [AM|PM] at tokens[*k]. */
static gboolean
read_time (const Token *tk,
           guint        n,
           guint       *k,
           Parts       *parts,
           gboolean    *bad)
{
  guint i = *k;
  gint64 h, m, s = 0;

  if (!(i + 2 < n + 0 && tk[i].kind == TOKEN_NUMBER && tk[i].len <= 2 && is_punct (&tk[i + 1], ":") &&
        tk[i + 2].kind == TOKEN_NUMBER && tk[i + 2].len == 2))
    return FALSE;
  h = tk[i].value, m = tk[i + 2].value;
  i += 3;
  if (i + 1 < n && is_punct (&tk[i], ":") && tk[i + 1].kind == TOKEN_NUMBER && tk[i + 1].len == 2)
    {
      s = tk[i + 1].value;
      i += 2;
    }
  if (i + 1 < n && is_punct (&tk[i], ".,") && tk[i + 1].kind == TOKEN_NUMBER && tk[i].punct != ' ')
    i += 2;
  if (i < n && (is_word (&tk[i], "am") || is_word (&tk[i], "pm") ||
                is_word (&tk[i], "a.m.") || is_word (&tk[i], "p.m.")))
    {
      gboolean pm = g_ascii_tolower (tk[i].text[0]) == 'p';

      if (h < 1 || h > 12)
        *bad = TRUE;
      h = (h % 12) + (pm ? 12 : 0);
      i++;
    }
  if (h > 23 || m > 59 || s > 60)
    *bad = TRUE;
  parts->seconds = h * 3600 + m * 60 + MIN (s, 59);
  *k = i;
  return TRUE;
}

/* Reads Z, UTC, GMT, ±hh[:mm] at tokens[*k]. */
static gboolean
read_zone (const Token *tk,
           guint        n,
           guint       *k,
           Parts       *parts,
           gboolean    *bad)
{
  guint i = *k;

  if (i < n && (is_word (&tk[i], "utc") || is_word (&tk[i], "gmt") || is_word (&tk[i], "z")))
    {
      parts->has_offset = TRUE;
      parts->offset = 0;
      i++;
    }
  if (i + 1 < n && is_punct (&tk[i], "+-") && tk[i + 1].kind == TOKEN_NUMBER)
    {
      int sign = tk[i].punct == '-' ? -1 : 1;
      gint64 hh = tk[i + 1].value, mm = 0;

      if (tk[i + 1].len == 4)
        {
          mm = hh % 100;
          hh /= 100;
          i += 2;
        }
      else if (i + 3 < n && is_punct (&tk[i + 2], ":") && tk[i + 3].kind == TOKEN_NUMBER)
        {
          mm = tk[i + 3].value;
          i += 4;
        }
      else
        i += 2;
      if (hh > 14 || mm > 59)
        *bad = TRUE;
      parts->has_offset = TRUE;
      parts->offset = sign * (hh * 3600 + mm * 60);
    }
  *k = i;
  return TRUE;
}

static gboolean
parse_excel_serial (const char  *p,
                    gsize        len,
                    Parts       *parts)
{
  g_autofree char *copy = g_strndup (p, len);
  char *end = NULL;
  double serial = g_ascii_strtod (copy, &end);
  gint64 days, secs;

  /* Serials of 1927–2228 only, so that a stray number is not a date. */
  if (end == copy || *end != '\0' || !(serial >= 10000.0 && serial < 120000.0))
    return FALSE;
  /* Day 0 is 1899-12-30 (Excel's 1900 leap-year bug folded in). */
  days = (gint64) floor (serial);
  secs = (gint64) llround ((serial - days) * 86400.0);
  if (secs >= 86400)
    {
      days++;
      secs -= 86400;
    }
  sc_parse_civil_from_days (days + sc_parse_days_from_civil (1899, 12, 30),
                   &parts->year, &parts->month, &parts->day);
  parts->seconds = secs;
  parts->has_date = TRUE;
  return TRUE;
}

static gboolean
parse_generic (const char  *p,
               gsize        len,
               ScDateOrder  order,
               Parts       *parts,
               GError     **error)
{
  Token tk[MAX_TOKENS];
  guint n = tokenize (p, len, tk), k = 0;
  gboolean bad = FALSE;

  if (n == 0)
    return fail (error, p, len, _("“%.*s” is not a date"), (int) len, p);
  if (is_weekday (&tk[k]))
    {
      k++;
      if (k < n && is_punct (&tk[k], ","))
        k++;
    }
  if (!read_date (tk, n, &k, order, parts))
    return fail (error, p, len, _("“%.*s” is not a date"), (int) len, p);
  parts->has_date = TRUE;
  if (k < n && (is_word (&tk[k], "t") || is_punct (&tk[k], ",")))
    k++;
  if (k < n)
    read_time (tk, n, &k, parts, &bad);
  if (k < n)
    read_zone (tk, n, &k, parts, &bad);
  if (k != n)
    return fail (error, p, len, _("“%.*s” is not a date"), (int) len, p);
  if (bad)
    return fail (error, p, len, _("“%.*s” has a time or UTC offset out of range"), (int) len, p);
  return TRUE;
}

/**
 * sc_parse_timestamp:
 * @text: (array length=len): the value
 * @len: its length
 * @order: how to read numeric dates
 * @zone: (nullable): the zone of times written without an offset; %NULL
 *   for UTC
 * @out_unix: (out): Unix seconds
 * @error: return location for an error
 *
 * Reads ISO 8601 (with or without offset, `T` or space), `YYYY-MM-DD
 * HH:MM[:SS]`, `M/D/YYYY [h:mm[:ss] [AM/PM]]`, `D/M/YYYY`,
 * `DD-MM-YYYY HH:MM`, `05/Mar/24 2:30 PM`, `Thu, 27 Oct 2016 14:51:34`,
 * `Oct 27, 2016` and Excel serial day numbers. Dates without a time are
 * midnight in @zone.
 *
 * Returns: %TRUE when @text is a valid instant
 */
gboolean
sc_parse_timestamp (const char   *text,
                    gsize         len,
                    ScDateOrder   order,
                    GTimeZone    *zone,
                    gint64       *out_unix,
                    GError      **error)
{
  Parts parts = { 0 };
  int r;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (out_unix != NULL, FALSE);

  trim (&text, &len);
  r = parse_iso (text, len, zone, out_unix, error);
  if (r != 0)
    return r > 0;
  if (len == 0)
    return fail (error, text, len, _("the date is empty"));
  if (!parse_excel_serial (text, len, &parts) &&
      !parse_generic (text, len, order, &parts, error))
    return FALSE;
  if (!check_date (parts.year, parts.month, parts.day, text, len, error))
    return FALSE;
  if (parts.has_offset)
    *out_unix = sc_parse_days_from_civil (parts.year, parts.month, parts.day) * 86400 +
                parts.seconds - parts.offset;
  else
    *out_unix = sc_parse_local_to_unix (zone, parts.year, parts.month, parts.day, parts.seconds);
  return TRUE;
}

/**
 * sc_parse_timestamp_has_zone:
 * @text: (array length=len): a timestamp
 * @len: its length
 *
 * Returns: %TRUE when the timestamp carries its own UTC offset
 */
gboolean
sc_parse_timestamp_has_zone (const char *text,
                             gsize       len)
{
  Parts parts = { 0 };
  gint64 t;

  trim (&text, &len);
  if (parse_iso (text, len, NULL, &t, NULL) > 0)
    {
      for (gsize i = 11; i < len; i++)
        if (text[i] == 'Z' || text[i] == 'z' || text[i] == '+' || text[i] == '-')
          return TRUE;
      return FALSE;
    }
  return parse_generic (text, len, SC_DATE_ORDER_UNKNOWN, &parts, NULL) && parts.has_offset;
}

/**
 * sc_parse_time_of_day:
 * @text: (array length=len): a time such as `14:05`, `2:05:09 PM`
 * @len: its length
 * @out_seconds: (out): seconds since midnight
 * @error: return location for an error
 *
 * Returns: %TRUE when @text is a time of day
 */
gboolean
sc_parse_time_of_day (const char  *text,
                      gsize        len,
                      gint64      *out_seconds,
                      GError     **error)
{
  Token tk[MAX_TOKENS];
  Parts parts = { 0 };
  guint n, k = 0;
  gboolean bad = FALSE;

  g_return_val_if_fail (out_seconds != NULL, FALSE);

  trim (&text, &len);
  n = tokenize (text, len, tk);
  if (n == 0 || !read_time (tk, n, &k, &parts, &bad) || k != n)
    return fail (error, text, len, _("“%.*s” is not a time of day"), (int) len, text);
  if (bad)
    return fail (error, text, len, _("the time “%.*s” does not exist"), (int) len, text);
  *out_seconds = parts.seconds;
  return TRUE;
}

/* ---- Date order -------------------------------------------------------- */

/**
 * sc_date_order_votes_add:
 * @votes: the votes of a column
 * @text: (array length=len): one value of the column
 * @len: its length
 *
 * Counts what one value says about the column's date order.
 */
void
sc_date_order_votes_add (ScDateOrderVotes *votes,
                         const char       *text,
                         gsize             len)
{
  Token tk[MAX_TOKENS];
  guint n, k = 0;

  g_return_if_fail (votes != NULL);

  trim (&text, &len);
  if (len >= 10 && (text[4] == '-' || text[4] == '/') && digit (text[0]) >= 0)
    {
      votes->ymd++;
      return;
    }
  n = tokenize (text, len, tk);
  if (n > 0 && is_weekday (&tk[0]))
    k++;
  if (k + 4 < n + 0 && tk[k].kind == TOKEN_NUMBER && tk[k + 2].kind == TOKEN_NUMBER &&
      is_punct (&tk[k + 1], "/-.") && tk[k + 4].kind == TOKEN_NUMBER)
    {
      gint64 a = tk[k].value, b = tk[k + 2].value;

      if (tk[k].len == 4)
        votes->ymd++;
      else if (a > 12 && b <= 12)
        votes->dmy_only++;
      else if (b > 12 && a <= 12)
        votes->mdy_only++;
      else if (a <= 12 && b <= 12 && a != b)
        votes->ambiguous++;
    }
}

/**
 * sc_date_order_votes_decide:
 * @votes: the votes of a column
 * @ambiguous: (out) (optional): set when no value settles the order
 *
 * Returns: the date order the column's values point to; month first when
 *   nothing settles it (then *@ambiguous is %TRUE and a user should be
 *   asked)
 */
ScDateOrder
sc_date_order_votes_decide (const ScDateOrderVotes *votes,
                            gboolean               *ambiguous)
{
  gboolean unsure = FALSE;
  ScDateOrder order;

  g_return_val_if_fail (votes != NULL, SC_DATE_ORDER_UNKNOWN);

  if (votes->dmy_only > votes->mdy_only)
    order = SC_DATE_ORDER_DMY;
  else if (votes->mdy_only > 0)
    order = SC_DATE_ORDER_MDY;
  else if (votes->ambiguous > 0)
    {
      order = SC_DATE_ORDER_MDY;
      unsure = TRUE;
    }
  else
    order = SC_DATE_ORDER_YMD;
  if (ambiguous)
    *ambiguous = unsure;
  return order;
}

/**
 * sc_date_order_from_string:
 * @name: "dmy", "mdy" or "ymd"
 * @out_order: (out): the order
 *
 * Returns: %TRUE when @name is one of the orders
 */
gboolean
sc_date_order_from_string (const char  *name,
                           ScDateOrder *out_order)
{
  static const char * const names[] = { "ymd", "mdy", "dmy" };

  g_return_val_if_fail (name != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *out_order = SC_DATE_ORDER_YMD + i;
        return TRUE;
      }
  return FALSE;
}

/* ---- Durations --------------------------------------------------------- */

/**
 * sc_duration_unit_to_string:
 * @unit: a unit
 *
 * Returns: the unit as a preset writes it ("s", "ms", "min", "h", "d")
 */
const char *
sc_duration_unit_to_string (ScDurationUnit unit)
{
  static const char * const names[] = {
    [SC_UNIT_SECONDS] = "s", [SC_UNIT_MILLISECONDS] = "ms", [SC_UNIT_MINUTES] = "min",
    [SC_UNIT_HOURS] = "h", [SC_UNIT_DAYS] = "d",
  };

  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (names), "s");
  return names[unit];
}

/**
 * sc_duration_unit_from_string:
 * @name: a unit as written in a preset: "s", "ms", "min", "h", "d"
 * @out_unit: (out): the unit
 *
 * Returns: %TRUE when @name names a unit
 */
gboolean
sc_duration_unit_from_string (const char     *name,
                              ScDurationUnit *out_unit)
{
  static const struct { const char *name; ScDurationUnit unit; } units[] = {
    { "s", SC_UNIT_SECONDS }, { "sec", SC_UNIT_SECONDS }, { "seconds", SC_UNIT_SECONDS },
    { "ms", SC_UNIT_MILLISECONDS }, { "milliseconds", SC_UNIT_MILLISECONDS },
    { "min", SC_UNIT_MINUTES }, { "minutes", SC_UNIT_MINUTES }, { "m", SC_UNIT_MINUTES },
    { "h", SC_UNIT_HOURS }, { "hrs", SC_UNIT_HOURS }, { "hours", SC_UNIT_HOURS },
    { "d", SC_UNIT_DAYS }, { "days", SC_UNIT_DAYS },
  };

  g_return_val_if_fail (name != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (name, units[i].name) == 0)
      {
        *out_unit = units[i].unit;
        return TRUE;
      }
  return FALSE;
}

/**
 * sc_duration_unit_from_header:
 * @header: a column name such as "First reply time (min)"
 * @fallback: the unit when the header names none
 *
 * Finds the unit a column name states: "(min)", "in minutes", "(in hrs)",
 * "(s)", "seconds", "ms", "(days)".
 *
 * Returns: the unit
 */
ScDurationUnit
sc_duration_unit_from_header (const char     *header,
                              ScDurationUnit  fallback)
{
  static const struct { const char *word; ScDurationUnit unit; } words[] = {
    { "milliseconds", SC_UNIT_MILLISECONDS }, { "millis", SC_UNIT_MILLISECONDS },
    { "ms", SC_UNIT_MILLISECONDS },
    { "seconds", SC_UNIT_SECONDS }, { "second", SC_UNIT_SECONDS }, { "secs", SC_UNIT_SECONDS },
    { "sec", SC_UNIT_SECONDS }, { "s", SC_UNIT_SECONDS },
    { "minutes", SC_UNIT_MINUTES }, { "minute", SC_UNIT_MINUTES }, { "mins", SC_UNIT_MINUTES },
    { "min", SC_UNIT_MINUTES }, { "m", SC_UNIT_MINUTES },
    { "hours", SC_UNIT_HOURS }, { "hour", SC_UNIT_HOURS }, { "hrs", SC_UNIT_HOURS },
    { "hr", SC_UNIT_HOURS }, { "h", SC_UNIT_HOURS },
    { "days", SC_UNIT_DAYS }, { "day", SC_UNIT_DAYS }, { "d", SC_UNIT_DAYS },
  };
  g_autofree char *lower = NULL;
  g_auto(GStrv) words_in = NULL;

  g_return_val_if_fail (header != NULL, fallback);

  lower = g_ascii_strdown (header, -1);
  for (char *c = lower; *c; c++)
    if (!g_ascii_isalnum (*c))
      *c = ' ';
  words_in = g_strsplit (lower, " ", -1);
  /* The last unit word wins: "Time to resolution (in hrs)". */
  for (int i = (int) g_strv_length (words_in) - 1; i >= 0; i--)
    for (guint j = 0; j < G_N_ELEMENTS (words); j++)
      if (g_str_equal (words_in[i], words[j].word))
        return words[j].unit;
  return fallback;
}

static gint64
unit_seconds_x1000 (ScDurationUnit unit)
{
  switch (unit)
    {
    case SC_UNIT_MILLISECONDS:
      return 1;
    case SC_UNIT_MINUTES:
      return 60000;
    case SC_UNIT_HOURS:
      return 3600000;
    case SC_UNIT_DAYS:
      return 86400000;
    case SC_UNIT_SECONDS:
    default:
      return 1000;
    }
}

/* Reads [-]H:MM[:SS] as hours, minutes and seconds. */
static gboolean
parse_clock_duration (const char *p,
                      gsize       len,
                      gint64     *out)
{
  gint64 parts[3] = { 0 }, sign = 1;
  guint n = 0;
  gsize i = 0;

  if (len > 0 && p[0] == '-')
    {
      sign = -1;
      i++;
    }
  while (i < len && n < 3)
    {
      gsize start = i;

      for (; i < len && digit (p[i]) >= 0 && i - start < 10; i++)
        parts[n] = parts[n] * 10 + digit (p[i]);
      if (i == start || (n > 0 && i - start != 2))
        return FALSE;
      n++;
      if (i < len && p[i] != ':')
        {
          if (p[i] != '.' || n != 3)
            return FALSE;
          /* Fractions of a second are dropped. */
          for (i++; i < len && digit (p[i]) >= 0; i++)
            ;
          break;
        }
      if (i < len)
        i++;
    }
  if (i != len || n < 2 || parts[1] > 59 || parts[2] > 59)
    return FALSE;
  *out = sign * (n == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2]
                        : parts[0] * 3600 + parts[1] * 60);
  return TRUE;
}

/* Reads "1h 5m", "2d 3h", "5 min 30 s", "90s". */
static gboolean
parse_unit_duration (const char *p,
                     gsize       len,
                     gint64     *out)
{
  Token tk[MAX_TOKENS];
  guint n = tokenize (p, len, tk), k = 0;
  gint64 total = 0, sign = 1;

  if (n > 0 && is_punct (&tk[0], "-"))
    {
      sign = -1;
      k++;
    }
  if (k >= n)
    return FALSE;
  while (k < n)
    {
      ScDurationUnit unit;
      g_autofree char *word = NULL;

      if (k + 1 >= n || tk[k].kind != TOKEN_NUMBER || tk[k + 1].kind != TOKEN_WORD)
        return FALSE;
      word = g_strndup (tk[k + 1].text, tk[k + 1].len);
      unit = sc_duration_unit_from_header (word, (ScDurationUnit) -1);
      if (unit == (ScDurationUnit) -1)
        return FALSE;
      /* Keep far from overflow: a million years is not a duration. */
      if (tk[k].value > G_GINT64_CONSTANT (1000000000000) / 86400 ||
          total > G_GINT64_CONSTANT (1000000000000))
        return FALSE;
      total += tk[k].value * unit_seconds_x1000 (unit) / 1000;
      k += 2;
    }
  *out = sign * total;
  return TRUE;
}

/**
 * sc_parse_duration:
 * @text: (array length=len): the value
 * @len: its length
 * @unit: the unit of a plain number
 * @out_seconds: (out): the duration in whole seconds (rounded)
 * @error: return location for an error
 *
 * Reads a plain number in @unit (`12`, `1.5`, `-3`), a clock duration
 * (`HH:MM:SS`, `H:MM`) or a duration with units (`1h 5m`). Negative values
 * are returned as such; whether they are allowed is the caller's choice.
 *
 * Returns: %TRUE when @text is a duration
 */
gboolean
sc_parse_duration (const char      *text,
                   gsize            len,
                   ScDurationUnit   unit,
                   gint64          *out_seconds,
                   GError         **error)
{
  gint64 whole;
  double number;

  g_return_val_if_fail (out_seconds != NULL, FALSE);

  trim (&text, &len);
  if (sc_parse_integer (text, len, &whole, NULL))
    {
      gint64 f = unit_seconds_x1000 (unit);

      if (whole > G_MAXINT64 / 86400000 || whole < -G_MAXINT64 / 86400000)
        return fail (error, text, len, _("the duration “%.*s” is too large"), (int) len, text);
      *out_seconds = f >= 1000 ? whole * (f / 1000) : (whole + (whole >= 0 ? 500 : -500)) / 1000;
      return TRUE;
    }
  if (sc_parse_number (text, len, &number, NULL))
    {
      double s = number * unit_seconds_x1000 (unit) / 1000.0;

      if (fabs (s) > 1e15)
        return fail (error, text, len, _("the duration “%.*s” is too large"), (int) len, text);
      *out_seconds = (gint64) llround (s);
      return TRUE;
    }
  if (parse_clock_duration (text, len, out_seconds) || parse_unit_duration (text, len, out_seconds))
    return TRUE;
  return fail (error, text, len, _("“%.*s” is not a duration"), (int) len, text);
}

/* ---- Numbers, booleans, scores ----------------------------------------- */

/**
 * sc_parse_integer:
 * @text: (array length=len): the value
 * @len: its length
 * @out_value: (out): the number
 * @error: return location for an error
 *
 * Reads a whole number with an optional sign; `3.0` counts as 3.
 *
 * Returns: %TRUE when @text is a whole number
 */
gboolean
sc_parse_integer (const char  *text,
                  gsize        len,
                  gint64      *out_value,
                  GError     **error)
{
  gint64 v = 0;
  gboolean neg = FALSE;
  gsize i = 0, digits = 0;

  g_return_val_if_fail (out_value != NULL, FALSE);

  trim (&text, &len);
  if (i < len && (text[i] == '-' || text[i] == '+'))
    neg = text[i++] == '-';
  for (; i < len && digit (text[i]) >= 0; i++, digits++)
    {
      if (digits >= 18)
        return fail (error, text, len, _("the number “%.*s” is too large"), (int) len, text);
      v = v * 10 + digit (text[i]);
    }
  /* "3.0" and "3.00" are whole numbers. */
  if (digits > 0 && i < len && text[i] == '.')
    for (i++; i < len && text[i] == '0'; i++)
      ;
  if (digits == 0 || i != len)
    return fail (error, text, len, _("“%.*s” is not a whole number"), (int) len, text);
  *out_value = neg ? -v : v;
  return TRUE;
}

/**
 * sc_parse_number:
 * @text: (array length=len): the value
 * @len: its length
 * @out_value: (out): the number
 * @error: return location for an error
 *
 * Reads a decimal number with a point (`1234.5`, `-0.25`, `1e3`); a
 * thousands separator is not accepted.
 *
 * Returns: %TRUE when @text is a number
 */
gboolean
sc_parse_number (const char  *text,
                 gsize        len,
                 double      *out_value,
                 GError     **error)
{
  char buf[64];
  char *end = NULL;
  double v;

  g_return_val_if_fail (out_value != NULL, FALSE);

  trim (&text, &len);
  if (len == 0 || len >= sizeof buf)
    return fail (error, text, len, _("“%.*s” is not a number"), (int) len, text);
  memcpy (buf, text, len);
  buf[len] = '\0';
  for (gsize i = 0; i < len; i++)
    if (!(digit (buf[i]) >= 0 || strchr ("+-.eE", buf[i]) != NULL))
      return fail (error, text, len, _("“%.*s” is not a number"), (int) len, text);
  v = g_ascii_strtod (buf, &end);
  if (end != buf + len || !isfinite (v))
    return fail (error, text, len, _("“%.*s” is not a number"), (int) len, text);
  *out_value = v;
  return TRUE;
}

/**
 * sc_parse_boolean:
 * @text: (array length=len): the value
 * @len: its length
 * @out_value: (out): the flag
 * @error: return location for an error
 *
 * Reads true/false, yes/no, y/n, t/f, 1/0 and on/off in any case.
 *
 * Returns: %TRUE when @text is a flag
 */
gboolean
sc_parse_boolean (const char  *text,
                  gsize        len,
                  gboolean    *out_value,
                  GError     **error)
{
  char word[5];
  int flag = -1;

  g_return_val_if_fail (out_value != NULL, FALSE);

  trim (&text, &len);
  /* true, yes, y, t, 1, on; false, no, n, f, 0, off; in any case. A
   * switch on the length: files hold millions of these. */
  if (len >= 1 && len <= sizeof word)
    {
      for (gsize i = 0; i < len; i++)
        word[i] = sc_ascii_lower (text[i]);
      switch (len)
        {
        case 1:
          flag = memchr ("yt1", word[0], 3) != NULL ? 1 : memchr ("nf0", word[0], 3) != NULL ? 0 : -1;
          break;
        case 2:
          flag = memcmp (word, "on", 2) == 0 ? 1 : memcmp (word, "no", 2) == 0 ? 0 : -1;
          break;
        case 3:
          flag = memcmp (word, "yes", 3) == 0 ? 1 : memcmp (word, "off", 3) == 0 ? 0 : -1;
          break;
        case 4:
          flag = memcmp (word, "true", 4) == 0 ? 1 : -1;
          break;
        case 5:
          flag = memcmp (word, "false", 5) == 0 ? 0 : -1;
          break;
        default:
          break;
        }
    }
  if (flag < 0)
    return fail (error, text, len, _("“%.*s” is not yes or no"), (int) len, text);
  *out_value = flag == 1;
  return TRUE;
}

/* A rating word's place on the scale, 0 (worst) to 4 (best). */
static int
score_word_rank (const char *word)
{
  static const struct { const char *word; int rank; } words[] = {
    { "very dissatisfied", 0 }, { "very unsatisfied", 0 }, { "very bad", 0 },
    { "very poor", 0 }, { "terrible", 0 }, { "bad", 0 }, { "poor", 0 }, { "negative", 0 },
    { "dissatisfied", 1 }, { "unsatisfied", 1 },
    { "neutral", 2 }, { "neither", 2 }, { "okay", 2 }, { "ok", 2 }, { "average", 2 },
    { "satisfied", 3 },
    { "very satisfied", 4 }, { "very good", 4 }, { "excellent", 4 }, { "great", 4 },
    { "good", 4 }, { "positive", 4 }, { "amazing", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i].word))
      return words[i].rank;
  return -1;
}

static gboolean
parse_score_word (const char    *text,
                  gsize          len,
                  int            min,
                  int            max,
                  ScScoreResult *out_result,
                  gint64        *out_score)
{
  g_autofree char *word = g_ascii_strdown (text, len);
  int rank;

  /* Zendesk writes "Good with comment" / "Bad with comment". */
  if (g_str_has_suffix (word, " with comment"))
    word[strlen (word) - strlen (" with comment")] = '\0';
  if (g_str_equal (word, "offered") || g_str_equal (word, "not answered"))
    {
      *out_result = SC_SCORE_NO_RATING;
      return TRUE;
    }
  if (g_str_equal (word, "unoffered") || g_str_equal (word, "not offered"))
    {
      *out_result = SC_SCORE_NOT_OFFERED;
      return TRUE;
    }
  rank = score_word_rank (word);
  if (rank < 0)
    return FALSE;
  /* Binary ratings (good/bad) take the ends of the scale. */
  *out_score = min + (gint64) floor ((max - min) * rank / 4.0 + 0.5);
  *out_result = SC_SCORE_VALUE;
  return TRUE;
}

/**
 * sc_parse_score:
 * @text: (array length=len): the value
 * @len: its length
 * @min: the lowest valid score
 * @max: the highest valid score
 * @out_result: (out): whether a rating was read
 * @out_score: (out): the score, when *@out_result is %SC_SCORE_VALUE
 * @error: return location for an error
 *
 * Reads a survey score: a whole number in [@min, @max] (`3.0` is 3), a
 * rating word (good/bad, satisfied…, placed on the scale) or a survey
 * state (offered/unoffered), which is not a rating.
 *
 * Returns: %TRUE when @text is a score or a survey state; %FALSE (with
 *   the range in the message) when it is out of range or unreadable
 */
gboolean
sc_parse_score (const char     *text,
                gsize           len,
                int             min,
                int             max,
                ScScoreResult  *out_result,
                gint64         *out_score,
                GError        **error)
{
  gint64 v;

  g_return_val_if_fail (out_result != NULL && out_score != NULL, FALSE);
  g_return_val_if_fail (min < max, FALSE);

  trim (&text, &len);
  if (sc_parse_integer (text, len, &v, NULL))
    {
      if (v < min || v > max)
        return fail (error, text, len, _("the score %" G_GINT64_FORMAT " is outside %d–%d"),
                     v, min, max);
      *out_score = v;
      *out_result = SC_SCORE_VALUE;
      return TRUE;
    }
  if (len > 0 && len < 64 && parse_score_word (text, len, min, max, out_result, out_score))
    return TRUE;
  return fail (error, text, len, _("“%.*s” is not a score on %d–%d"), (int) len, text, min, max);
}
