/* test-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-error.h"
#include "sc-parse.h"

static gint64
ts (const char  *text,
    ScDateOrder  order,
    GTimeZone   *zone)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 0;

  if (!sc_parse_timestamp (text, strlen (text), order, zone, &t, &error))
    g_error ("“%s” did not parse: %s", text, error->message);
  return t;
}

static void
assert_ts_fails (const char *text,
                 const char *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 0;

  g_assert_false (sc_parse_timestamp (text, strlen (text), SC_DATE_ORDER_UNKNOWN, NULL, &t, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", text, error->message, message_part);
}

static void
test_timestamp_iso (void)
{
  /* 2025-03-04T09:15:22+01:00 is 08:15:22 UTC. */
  g_assert_cmpint (ts ("2025-03-04T09:15:22+01:00", 0, NULL), ==, 1741076122);
  g_assert_cmpint (ts ("2025-03-04T08:15:22Z", 0, NULL), ==, 1741076122);
  g_assert_cmpint (ts ("2025-03-04 08:15:22", 0, NULL), ==, 1741076122);
  g_assert_cmpint (ts ("2025-03-04T03:15:22-05:00", 0, NULL), ==, 1741076122);
  g_assert_cmpint (ts ("2025-03-04T13:45:22+0530", 0, NULL), ==, 1741076122);
  g_assert_cmpint (ts ("2025-03-04T08:15:22.123Z", 0, NULL), ==, 1741076122);
  g_assert_cmpint (ts ("2025-03-04 08:15", 0, NULL), ==, 1741076100);
  g_assert_cmpint (ts ("2025-03-04", 0, NULL), ==, 1741046400);
  g_assert_cmpint (ts ("  2025/03/04  ", 0, NULL), ==, 1741046400);
  g_assert_cmpint (ts ("2024-02-29T00:00:00+00:00", 0, NULL), ==, 1709164800);
}

static void
test_timestamp_formats (void)
{
  gint64 expected = 1709303400; /* 2024-03-01 14:30:00 UTC */

  g_assert_cmpint (ts ("3/1/2024 14:30", SC_DATE_ORDER_MDY, NULL), ==, expected);
  g_assert_cmpint (ts ("3/1/2024 2:30 PM", SC_DATE_ORDER_MDY, NULL), ==, expected);
  g_assert_cmpint (ts ("3/1/2024 2:30:00 pm", SC_DATE_ORDER_MDY, NULL), ==, expected);
  g_assert_cmpint (ts ("1/3/2024 14:30", SC_DATE_ORDER_DMY, NULL), ==, expected);
  g_assert_cmpint (ts ("01-03-2024 14:30", SC_DATE_ORDER_DMY, NULL), ==, expected);
  g_assert_cmpint (ts ("01.03.2024 14:30", SC_DATE_ORDER_DMY, NULL), ==, expected);
  g_assert_cmpint (ts ("01/Mar/24 2:30 PM", 0, NULL), ==, expected);
  g_assert_cmpint (ts ("Fri, 01 Mar 2024 14:30:00", 0, NULL), ==, expected);
  g_assert_cmpint (ts ("Fri, 01 Mar 2024 15:30:00 +0100", 0, NULL), ==, expected);
  g_assert_cmpint (ts ("Mar 1, 2024 2:30 PM", 0, NULL), ==, expected);
  g_assert_cmpint (ts ("1 March 2024 14:30", 0, NULL), ==, expected);
  /* Without an order, a day above 12 settles it. */
  g_assert_cmpint (ts ("13/1/2024", SC_DATE_ORDER_UNKNOWN, NULL), ==,
                   ts ("2024-01-13", 0, NULL));
  g_assert_cmpint (ts ("Thu, 27 Oct 2016 14:51:34", 0, NULL), ==, 1477579894);
  g_assert_cmpint (ts ("11/1/2019 8:51:12", SC_DATE_ORDER_MDY, NULL), ==, 1572598272);
}

static void
test_timestamp_excel (void)
{
  /* 45352.6041666667 is 2024-03-01 14:30. */
  g_assert_cmpint (ts ("45352.6041666667", 0, NULL), ==, 1709303400);
  g_assert_cmpint (ts ("45352", 0, NULL), ==, 1709251200);
}

static void
test_timestamp_zone (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");

  if (berlin == NULL || ny == NULL)
    {
      g_test_skip ("time zone data is not installed");
      return;
    }
  /* Winter (+01:00) and summer (+02:00) time. */
  g_assert_cmpint (ts ("2024-01-15 12:00", 0, berlin), ==, ts ("2024-01-15T11:00:00Z", 0, NULL));
  g_assert_cmpint (ts ("2024-07-15 12:00", 0, berlin), ==, ts ("2024-07-15T10:00:00Z", 0, NULL));
  /* The day of the switch: 01:30 is before it, 03:30 after. */
  g_assert_cmpint (ts ("2024-03-31 01:30", 0, berlin), ==, ts ("2024-03-31T00:30:00Z", 0, NULL));
  g_assert_cmpint (ts ("2024-03-31 03:30", 0, berlin), ==, ts ("2024-03-31T01:30:00Z", 0, NULL));
  g_assert_cmpint (ts ("3/10/2024 1:30 AM", SC_DATE_ORDER_MDY, ny), ==,
                   ts ("2024-03-10T06:30:00Z", 0, NULL));
  g_assert_cmpint (ts ("3/10/2024 3:30 AM", SC_DATE_ORDER_MDY, ny), ==,
                   ts ("2024-03-10T07:30:00Z", 0, NULL));
  /* An explicit offset wins over the zone. */
  g_assert_cmpint (ts ("2024-07-15T12:00:00+00:00", 0, berlin), ==,
                   ts ("2024-07-15T12:00:00Z", 0, NULL));
}

static void
test_timestamp_invalid (void)
{
  assert_ts_fails ("2025-13-04T09:15:22+01:00", "month 13");
  assert_ts_fails ("2026-02-30T10:00:00+00:00", "no day 30");
  assert_ts_fails ("2025-03-04T25:61:00+01:00", "does not exist");
  assert_ts_fails ("2025-03-04T09:15:22+25:00", "offset");
  assert_ts_fails ("0000-00-00T00:00:00+00:00", NULL);
  assert_ts_fails ("not a date", "not a date");
  assert_ts_fails ("N/A", NULL);
  assert_ts_fails ("#VALUE!", NULL);
  assert_ts_fails ("", NULL);
  assert_ts_fails ("2/30/2024", "no day 30");
  assert_ts_fails ("13:00 PM 1/1/2024", NULL);
  assert_ts_fails ("1/1/2024 13:00 PM", "out of range");
  assert_ts_fails ("12", NULL);
}

static void
test_timestamp_has_zone (void)
{
  g_assert_true (sc_parse_timestamp_has_zone ("2024-01-01T10:00:00+01:00", 25));
  g_assert_true (sc_parse_timestamp_has_zone ("2024-01-01T10:00:00Z", 20));
  g_assert_false (sc_parse_timestamp_has_zone ("2024-01-01 10:00:00", 19));
  g_assert_false (sc_parse_timestamp_has_zone ("2024-01-01", 10));
}

static void
test_date_order (void)
{
  const char *dmy[] = { "01/02/2024", "05/06/2024", "25/06/2024", "02/07/2024" };
  const char *mdy[] = { "01/02/2024 10:00", "06/25/2024 9:00 AM" };
  const char *unsure[] = { "01/02/2024", "03/04/2024" };
  ScDateOrderVotes votes = { 0 };
  gboolean ambiguous = TRUE;
  ScDateOrder order = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dmy); i++)
    sc_date_order_votes_add (&votes, dmy[i], strlen (dmy[i]));
  g_assert_cmpint (sc_date_order_votes_decide (&votes, &ambiguous), ==, SC_DATE_ORDER_DMY);
  g_assert_false (ambiguous);

  memset (&votes, 0, sizeof votes);
  for (guint i = 0; i < G_N_ELEMENTS (mdy); i++)
    sc_date_order_votes_add (&votes, mdy[i], strlen (mdy[i]));
  g_assert_cmpint (sc_date_order_votes_decide (&votes, &ambiguous), ==, SC_DATE_ORDER_MDY);
  g_assert_false (ambiguous);

  memset (&votes, 0, sizeof votes);
  for (guint i = 0; i < G_N_ELEMENTS (unsure); i++)
    sc_date_order_votes_add (&votes, unsure[i], strlen (unsure[i]));
  sc_date_order_votes_decide (&votes, &ambiguous);
  g_assert_true (ambiguous);

  memset (&votes, 0, sizeof votes);
  sc_date_order_votes_add (&votes, "2024-01-02", 10);
  g_assert_cmpint (sc_date_order_votes_decide (&votes, &ambiguous), ==, SC_DATE_ORDER_YMD);
  g_assert_false (ambiguous);

  g_assert_true (sc_date_order_from_string ("dmy", &order));
  g_assert_cmpint (order, ==, SC_DATE_ORDER_DMY);
  g_assert_false (sc_date_order_from_string ("yyyy", &order));
}

static gint64
dur (const char     *text,
     ScDurationUnit  unit)
{
  g_autoptr(GError) error = NULL;
  gint64 s = 0;

  if (!sc_parse_duration (text, strlen (text), unit, &s, &error))
    g_error ("“%s” did not parse: %s", text, error->message);
  return s;
}

static void
test_duration (void)
{
  g_autoptr(GError) error = NULL;
  gint64 s;

  g_assert_cmpint (dur ("90", SC_UNIT_SECONDS), ==, 90);
  g_assert_cmpint (dur ("90", SC_UNIT_MINUTES), ==, 5400);
  g_assert_cmpint (dur ("1.5", SC_UNIT_HOURS), ==, 5400);
  g_assert_cmpint (dur ("2", SC_UNIT_DAYS), ==, 172800);
  g_assert_cmpint (dur ("1500", SC_UNIT_MILLISECONDS), ==, 2);
  g_assert_cmpint (dur ("-15", SC_UNIT_MINUTES), ==, -900);
  g_assert_cmpint (dur ("01:02:03", SC_UNIT_MINUTES), ==, 3723);
  g_assert_cmpint (dur ("00:02:23", SC_UNIT_SECONDS), ==, 143);
  g_assert_cmpint (dur ("1:05", SC_UNIT_SECONDS), ==, 3900);
  g_assert_cmpint (dur ("-1:30", SC_UNIT_SECONDS), ==, -5400);
  g_assert_cmpint (dur ("1h 5m", SC_UNIT_SECONDS), ==, 3900);
  g_assert_cmpint (dur ("2d 3h", SC_UNIT_SECONDS), ==, 183600);
  g_assert_cmpint (dur ("5 min 30 s", SC_UNIT_SECONDS), ==, 330);
  g_assert_cmpint (dur ("-45m", SC_UNIT_SECONDS), ==, -2700);
  g_assert_false (sc_parse_duration ("soon", 4, SC_UNIT_SECONDS, &s, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (sc_parse_duration ("1:75", 4, SC_UNIT_SECONDS, &s, NULL));
  g_assert_false (sc_parse_duration ("", 0, SC_UNIT_SECONDS, &s, NULL));
  /* Found by fuzzing: huge unit durations must not overflow. */
  g_assert_false (sc_parse_duration ("333333333333d 5s", 16, SC_UNIT_SECONDS, &s, NULL));
}

static void
test_duration_unit_from_header (void)
{
  g_assert_cmpint (sc_duration_unit_from_header ("First reply time (min)", SC_UNIT_SECONDS), ==, SC_UNIT_MINUTES);
  g_assert_cmpint (sc_duration_unit_from_header ("Resolution time in minutes", SC_UNIT_SECONDS), ==, SC_UNIT_MINUTES);
  g_assert_cmpint (sc_duration_unit_from_header ("First response time (in hrs)", SC_UNIT_SECONDS), ==, SC_UNIT_HOURS);
  g_assert_cmpint (sc_duration_unit_from_header ("Handle time (s)", SC_UNIT_MINUTES), ==, SC_UNIT_SECONDS);
  g_assert_cmpint (sc_duration_unit_from_header ("Speed of answer in seconds", SC_UNIT_MINUTES), ==, SC_UNIT_SECONDS);
  g_assert_cmpint (sc_duration_unit_from_header ("AgentInteractionDuration ms", SC_UNIT_SECONDS), ==, SC_UNIT_MILLISECONDS);
  g_assert_cmpint (sc_duration_unit_from_header ("AvgTalkDuration", SC_UNIT_HOURS), ==, SC_UNIT_HOURS);
}

static void
test_boolean (void)
{
  const char *yes[] = { "true", "TRUE", "Yes", "y", "Y", "1", " t ", "on", "On", "T" };
  const char *no[] = { "false", "No", "n", "N", "0", "F", "off", "OFF", "FALSE", "\tno" };
  /* Near misses, an embedded NUL and a word longer than any flag. */
  const char *neither[] = { "tru", "yess", "of", "nope", "2", "o", "ye", "falsey", "offer", "x" };
  gboolean v;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      g_assert_true (sc_parse_boolean (yes[i], strlen (yes[i]), &v, NULL));
      g_assert_true (v);
    }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      g_assert_true (sc_parse_boolean (no[i], strlen (no[i]), &v, NULL));
      g_assert_false (v);
    }
  for (guint i = 0; i < G_N_ELEMENTS (neither); i++)
    g_assert_false (sc_parse_boolean (neither[i], strlen (neither[i]), &v, NULL));
  g_assert_false (sc_parse_boolean ("maybe", 5, &v, NULL));
  g_assert_false (sc_parse_boolean ("", 0, &v, NULL));
  g_assert_false (sc_parse_boolean ("\0", 1, &v, NULL));
  g_assert_false (sc_parse_boolean ("y\0", 2, &v, NULL));
}

static void
assert_score (const char    *text,
              int            min,
              int            max,
              ScScoreResult  result,
              gint64         score)
{
  g_autoptr(GError) error = NULL;
  ScScoreResult r = -1;
  gint64 s = -1;

  if (!sc_parse_score (text, strlen (text), min, max, &r, &s, &error))
    g_error ("“%s” did not parse: %s", text, error->message);
  g_assert_cmpint (r, ==, result);
  if (result == SC_SCORE_VALUE)
    g_assert_cmpint (s, ==, score);
}

static void
assert_score_fails (const char *text,
                    int         min,
                    int         max)
{
  g_autoptr(GError) error = NULL;
  ScScoreResult r;
  gint64 s;

  g_assert_false (sc_parse_score (text, strlen (text), min, max, &r, &s, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_PARSE);
}

static void
test_score (void)
{
  assert_score ("3", 1, 5, SC_SCORE_VALUE, 3);
  assert_score ("3.0", 1, 5, SC_SCORE_VALUE, 3);
  assert_score ("7", 1, 7, SC_SCORE_VALUE, 7);
  assert_score ("0", 0, 10, SC_SCORE_VALUE, 0);
  assert_score ("10", 0, 10, SC_SCORE_VALUE, 10);
  assert_score ("Good", 1, 5, SC_SCORE_VALUE, 5);
  assert_score ("bad", 1, 5, SC_SCORE_VALUE, 1);
  assert_score ("Good with comment", 1, 5, SC_SCORE_VALUE, 5);
  assert_score ("Satisfied", 1, 5, SC_SCORE_VALUE, 4);
  assert_score ("Very dissatisfied", 1, 5, SC_SCORE_VALUE, 1);
  assert_score ("neutral", 1, 5, SC_SCORE_VALUE, 3);
  assert_score ("offered", 1, 5, SC_SCORE_NO_RATING, 0);
  assert_score ("Unoffered", 1, 5, SC_SCORE_NOT_OFFERED, 0);
  assert_score_fails ("0", 1, 5);
  assert_score_fails ("6", 1, 5);
  assert_score_fails ("55", 1, 5);
  assert_score_fails ("-1", 0, 10);
  assert_score_fails ("11", 0, 10);
  assert_score_fails ("8", 1, 7);
  assert_score_fails ("3.5", 1, 5);
  assert_score_fails ("meh", 1, 5);
}

static void
test_integer_and_number (void)
{
  gint64 i;
  double d;

  g_assert_true (sc_parse_integer ("42", 2, &i, NULL));
  g_assert_cmpint (i, ==, 42);
  g_assert_true (sc_parse_integer ("-7", 2, &i, NULL));
  g_assert_cmpint (i, ==, -7);
  g_assert_true (sc_parse_integer ("3.00", 4, &i, NULL));
  g_assert_cmpint (i, ==, 3);
  g_assert_false (sc_parse_integer ("3.5", 3, &i, NULL));
  g_assert_false (sc_parse_integer ("12x", 3, &i, NULL));
  g_assert_false (sc_parse_integer ("99999999999999999999", 20, &i, NULL));
  g_assert_true (sc_parse_number ("1234.5", 6, &d, NULL));
  g_assert_cmpfloat (d, ==, 1234.5);
  g_assert_false (sc_parse_number ("1,234.5", 7, &d, NULL));
  g_assert_false (sc_parse_number ("nan", 3, &d, NULL));
}

/* Random bytes never crash a parser. */
static void
test_random_values (void)
{
  static const char alphabet[] = "0123456789/-:.,TZ+ APMamjanMarThu\xC3";

  for (guint round = 0; round < 5000; round++)
    {
      char buf[40];
      guint len = g_test_rand_int_range (0, sizeof buf);
      gint64 v;
      gboolean b;
      ScScoreResult r;

      for (guint i = 0; i < len; i++)
        buf[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      if (sc_parse_timestamp (buf, len, SC_DATE_ORDER_UNKNOWN, NULL, &v, NULL))
        g_assert_cmpint (v, >=, sc_parse_days_from_civil (1900, 1, 1) * 86400 - 15 * 3600);
      sc_parse_duration (buf, len, SC_UNIT_MINUTES, &v, NULL);
      sc_parse_boolean (buf, len, &b, NULL);
      if (sc_parse_score (buf, len, 1, 5, &r, &v, NULL) && r == SC_SCORE_VALUE)
        g_assert_true (v >= 1 && v <= 5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/import/parse/timestamp-iso", test_timestamp_iso);
  g_test_add_func ("/scorecard/import/parse/timestamp-formats", test_timestamp_formats);
  g_test_add_func ("/scorecard/import/parse/timestamp-excel", test_timestamp_excel);
  g_test_add_func ("/scorecard/import/parse/timestamp-zone", test_timestamp_zone);
  g_test_add_func ("/scorecard/import/parse/timestamp-invalid", test_timestamp_invalid);
  g_test_add_func ("/scorecard/import/parse/timestamp-has-zone", test_timestamp_has_zone);
  g_test_add_func ("/scorecard/import/parse/date-order", test_date_order);
  g_test_add_func ("/scorecard/import/parse/duration", test_duration);
  g_test_add_func ("/scorecard/import/parse/duration-unit", test_duration_unit_from_header);
  g_test_add_func ("/scorecard/import/parse/boolean", test_boolean);
  g_test_add_func ("/scorecard/import/parse/score", test_score);
  g_test_add_func ("/scorecard/import/parse/integer-and-number", test_integer_and_number);
  g_test_add_func ("/scorecard/import/parse/random-values", test_random_values);

  return g_test_run ();
}
