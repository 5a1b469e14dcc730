/* sc-target-value.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unit-aware reading and writing of target and baseline values as a user
 * types them: "4h", "90 s", "1h 30m", "0:04:30" for durations, "85%" or
 * "85" for percentages, "+20" or "-5" for NPS, "4.2" for effort scores.
 * Values are kept in the metric's base unit: seconds, percent 0–100, NPS
 * points, the score, the count or the amount.
 *
 * Every refusal says what was typed and why, in a message fit for a
 * tooltip or a toast: an error of %SC_ERROR_PARSE when the text cannot be
 * read, %SC_ERROR_INVALID when it is out of range (NPS −100…100,
 * percentages 0…100, durations more than zero, CES within its scale,
 * counts and amounts not negative).
 */

#pragma once

#include <glib.h>

#include "sc-metric-settings.h"

G_BEGIN_DECLS

gboolean  sc_target_value_parse   (ScMetricId              metric,
                                   const ScMetricSettings *settings,
                                   const char             *text,
                                   double                 *value,
                                   GError                **error);
gboolean  sc_target_value_check   (ScMetricId              metric,
                                   const ScMetricSettings *settings,
                                   double                  value,
                                   GError                **error);
char     *sc_target_value_format  (ScMetricId              metric,
                                   double                  value) G_GNUC_WARN_UNUSED_RESULT;
double    sc_target_value_round   (ScMetricId              metric,
                                   double                  value);

gboolean  sc_duration_parse       (const char             *text,
                                   double                 *seconds,
                                   GError                **error);
char     *sc_duration_format      (double                  seconds) G_GNUC_WARN_UNUSED_RESULT;

gboolean  sc_target_band_parse    (const char             *text,
                                   double                 *band,
                                   GError                **error);
char     *sc_target_band_format   (double                  band) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
