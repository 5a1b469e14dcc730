/* sc-test-xlsx.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing .xlsx workbooks for the tests and benchmarks.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void sc_test_xlsx_from_csv            (const char *csv_path,
                                       const char *xlsx_path,
                                       const char *title);
void sc_test_xlsx_from_csv_with_notes (const char *csv_path,
                                       const char *xlsx_path,
                                       const char *title,
                                       const char *notes);

G_END_DECLS
