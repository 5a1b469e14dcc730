/* fuzz-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the value parsers: the input is one value, given
 * to every parser (timestamps in each date order and in a zone with
 * daylight-saving time, time of day, durations, booleans, integers,
 * numbers, scores, date-order votes). Results must stay in range.
 * Build and run with tests/fuzz/run-fuzz.sh.
 */

#include "config.h"

#include <stdint.h>

#include "sc-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GTimeZone *zone = NULL;
  const char *text = (const char *) data;
  ScDateOrderVotes votes = { 0 };
  ScScoreResult result;
  gboolean flag;
  gint64 v;
  double d;

  if (zone == NULL)
    zone = g_time_zone_new_identifier ("America/New_York");
  for (ScDateOrder order = SC_DATE_ORDER_UNKNOWN; order <= SC_DATE_ORDER_DMY; order++)
    {
      sc_parse_timestamp (text, size, order, NULL, &v, NULL);
      sc_parse_timestamp (text, size, order, zone, &v, NULL);
    }
  sc_parse_timestamp_has_zone (text, size);
  if (sc_parse_time_of_day (text, size, &v, NULL))
    g_assert (v >= 0 && v < 86400);
  for (ScDurationUnit unit = SC_UNIT_SECONDS; unit <= SC_UNIT_DAYS; unit++)
    sc_parse_duration (text, size, unit, &v, NULL);
  sc_parse_boolean (text, size, &flag, NULL);
  sc_parse_integer (text, size, &v, NULL);
  sc_parse_number (text, size, &d, NULL);
  if (sc_parse_score (text, size, 1, 5, &result, &v, NULL) && result == SC_SCORE_VALUE)
    g_assert (v >= 1 && v <= 5);
  if (sc_parse_score (text, size, 0, 10, &result, &v, NULL) && result == SC_SCORE_VALUE)
    g_assert (v >= 0 && v <= 10);
  sc_date_order_votes_add (&votes, text, size);
  sc_date_order_votes_decide (&votes, NULL);
  return 0;
}
