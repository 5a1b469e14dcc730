/* sc-imports-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORTS_PAGE (sc_imports_page_get_type ())
G_DECLARE_FINAL_TYPE (ScImportsPage, sc_imports_page, SC, IMPORTS_PAGE, GtkWidget)

ScImportsPage *sc_imports_page_new       (void) G_GNUC_WARN_UNUSED_RESULT;
void           sc_imports_page_set_store (ScImportsPage *self,
                                          ScStore       *store);
guint          sc_imports_page_get_n_imports (ScImportsPage *self);

char          *sc_import_counts_describe (const ScImportCounts *counts) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
