/* sc-version.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-version.h"

/**
 * sc_version_string:
 *
 * Returns: (transfer none): the version of Scorecard this library belongs to
 */
const char *
sc_version_string (void)
{
  return PACKAGE_VERSION;
}
