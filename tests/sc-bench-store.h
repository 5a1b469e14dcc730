/* sc-bench-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

void sc_bench_fill_store (const char *path,
                          guint       n);

G_END_DECLS
