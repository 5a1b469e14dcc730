/* sc-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_ERROR (sc_error_quark ())

/**
 * ScError:
 * @SC_ERROR_FAILED: a generic failure
 * @SC_ERROR_NOT_A_STORE: the file is not a SQLite database
 * @SC_ERROR_DAMAGED: the database failed its integrity check
 * @SC_ERROR_TOO_NEW: the store was written by a newer Scorecard
 * @SC_ERROR_READ_ONLY: the store or its folder cannot be written
 * @SC_ERROR_LOCKED: another running Scorecard has the store open
 * @SC_ERROR_PARSE: a value or a file could not be read
 * @SC_ERROR_INVALID: an argument or a value is out of range
 * @SC_ERROR_CANCELLED: the operation was cancelled
 *
 * Errors of the core library.
 */
typedef enum
{
  SC_ERROR_FAILED,
  SC_ERROR_NOT_A_STORE,
  SC_ERROR_DAMAGED,
  SC_ERROR_TOO_NEW,
  SC_ERROR_READ_ONLY,
  SC_ERROR_LOCKED,
  SC_ERROR_PARSE,
  SC_ERROR_INVALID,
  SC_ERROR_CANCELLED,
} ScError;

GQuark sc_error_quark (void);

G_END_DECLS
