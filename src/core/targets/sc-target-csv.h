/* sc-target-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets as CSV, so a plan made in a spreadsheet can be loaded and the
 * targets taken back out. The columns, named in a header row in any
 * order: `metric` (a metric id such as `frt_median`), `segment`
 * (`channel=Email;team=Billing`, empty for all), `period` (`2026-03`,
 * `2026-Q4`, `2026`, `from 2026-03-15`), `value` (in the metric's unit as
 * a user types it: `4h`, `85%`, `+20`), and optionally `at_risk_band`
 * (`5%`) and `note`.
 *
 * On export every cell that a spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return, such as the NPS target
 * `+20`) is written with a leading apostrophe, which the import removes
 * again.
 */

#pragma once

#include "sc-metric-settings.h"
#include "sc-store-targets.h"

G_BEGIN_DECLS

char      *sc_target_csv_write      (GPtrArray              *targets) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sc_target_csv_write_file (GPtrArray              *targets,
                                     const char             *path,
                                     GError                **error);
GPtrArray *sc_target_csv_read       (const char             *data,
                                     gsize                   len,
                                     const char             *file_name,
                                     ScStore                *store,
                                     const ScMetricSettings *settings,
                                     GError                **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *sc_target_csv_read_file  (const char             *path,
                                     ScStore                *store,
                                     const ScMetricSettings *settings,
                                     GError                **error) G_GNUC_WARN_UNUSED_RESULT;
char      *sc_csv_escape_cell       (const char             *text) G_GNUC_WARN_UNUSED_RESULT;
char      *sc_csv_unescape_cell     (const char             *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
