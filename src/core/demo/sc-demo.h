/* sc-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_DEMO_DEFAULT_SEED 20261
#define SC_DEMO_SOURCE "demo"
#define SC_DEMO_TIMEZONE "Europe/Berlin"

typedef struct
{
  guint32 seed;
  /* The last month of data, as a year and month; 0 for the last complete
   * month before today (in the demo's time zone). */
  int     end_year;
  int     end_month;
  /* The number of months of history. */
  int     months;
  /* Also write the year targets a manager would have set (on by
   * default). */
  gboolean targets;
} ScDemoOptions;

void     sc_demo_options_init (ScDemoOptions  *options);
gboolean sc_demo_generate     (ScStore              *store,
                               const ScDemoOptions  *options,
                               GCancellable         *cancellable,
                               ScImportCounts       *counts,
                               GError              **error);

G_END_DECLS
