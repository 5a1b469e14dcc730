/* sc-parse.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Value parsers for imported fields. Every parser takes a view (text and
 * length, not NUL-terminated), trims blanks, and fails with an
 * %SC_ERROR_PARSE error whose message says what is wrong with the value.
 * An empty value is for the caller to handle (it is a missing value, not
 * an error): the parsers treat it as invalid.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_ascii_tolower() inlined: the import lowers every byte of the
 * vocabulary words and flags of every row, where the call showed. */
static inline char
sc_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

/**
 * ScDateOrder:
 * @SC_DATE_ORDER_UNKNOWN: not known; numeric dates are read month first
 * @SC_DATE_ORDER_YMD: year, month, day
 * @SC_DATE_ORDER_MDY: month, day, year (US)
 * @SC_DATE_ORDER_DMY: day, month, year
 *
 * How to read a numeric date such as 03/04/2024.
 */
typedef enum
{
  SC_DATE_ORDER_UNKNOWN,
  SC_DATE_ORDER_YMD,
  SC_DATE_ORDER_MDY,
  SC_DATE_ORDER_DMY,
} ScDateOrder;

/**
 * ScDateOrderVotes:
 *
 * Evidence about the date order of one column, gathered value by value.
 */
typedef struct
{
  guint64 ymd;
  guint64 mdy_only;
  guint64 dmy_only;
  guint64 ambiguous;
} ScDateOrderVotes;

/**
 * ScDurationUnit:
 *
 * The unit of a plain number in a duration column.
 */
typedef enum
{
  SC_UNIT_SECONDS,
  SC_UNIT_MILLISECONDS,
  SC_UNIT_MINUTES,
  SC_UNIT_HOURS,
  SC_UNIT_DAYS,
} ScDurationUnit;

/**
 * ScScoreResult:
 * @SC_SCORE_VALUE: a rating was read
 * @SC_SCORE_NO_RATING: a survey state without a rating ("offered")
 * @SC_SCORE_NOT_OFFERED: no survey was sent ("unoffered")
 *
 * What a score field held.
 */
typedef enum
{
  SC_SCORE_VALUE,
  SC_SCORE_NO_RATING,
  SC_SCORE_NOT_OFFERED,
} ScScoreResult;

gboolean       sc_parse_timestamp          (const char        *text,
                                            gsize              len,
                                            ScDateOrder        order,
                                            GTimeZone         *zone,
                                            gint64            *out_unix,
                                            GError           **error);
gboolean       sc_parse_timestamp_has_zone (const char        *text,
                                            gsize              len);
gboolean       sc_parse_time_of_day        (const char        *text,
                                            gsize              len,
                                            gint64            *out_seconds,
                                            GError           **error);
gint64         sc_parse_local_to_unix      (GTimeZone         *zone,
                                            int                year,
                                            int                month,
                                            int                day,
                                            gint64             seconds_of_day);
gint64         sc_parse_days_from_civil    (int                year,
                                            int                month,
                                            int                day);
void           sc_parse_civil_from_days    (gint64             days,
                                            int               *year,
                                            int               *month,
                                            int               *day);

void           sc_date_order_votes_add     (ScDateOrderVotes  *votes,
                                            const char        *text,
                                            gsize              len);
ScDateOrder    sc_date_order_votes_decide  (const ScDateOrderVotes *votes,
                                            gboolean          *ambiguous);
gboolean       sc_date_order_from_string   (const char        *name,
                                            ScDateOrder       *out_order);

ScDurationUnit sc_duration_unit_from_header (const char       *header,
                                            ScDurationUnit     fallback);
const char    *sc_duration_unit_to_string   (ScDurationUnit     unit);
gboolean       sc_duration_unit_from_string (const char       *name,
                                            ScDurationUnit    *out_unit);
gboolean       sc_parse_duration           (const char        *text,
                                            gsize              len,
                                            ScDurationUnit     unit,
                                            gint64            *out_seconds,
                                            GError           **error);

gboolean       sc_parse_boolean            (const char        *text,
                                            gsize              len,
                                            gboolean          *out_value,
                                            GError           **error);
gboolean       sc_parse_integer            (const char        *text,
                                            gsize              len,
                                            gint64            *out_value,
                                            GError           **error);
gboolean       sc_parse_number             (const char        *text,
                                            gsize              len,
                                            double            *out_value,
                                            GError           **error);
gboolean       sc_parse_score              (const char        *text,
                                            gsize              len,
                                            int                min,
                                            int                max,
                                            ScScoreResult     *out_result,
                                            gint64            *out_score,
                                            GError           **error);

gboolean       sc_parse_is_blank           (const char        *text,
                                            gsize              len);

G_END_DECLS
