/* sc-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type ())
G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

ScApplication *sc_application_new          (void) G_GNUC_WARN_UNUSED_RESULT;
GSettings     *sc_application_get_settings (ScApplication *self);
char          *sc_application_dup_demo_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
