/* sc-dimension-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dimensions a view offers in a dropdown: the builtin ones in the
 * view's order, then those the store keeps from imports ("Plan"), which
 * appear once an import added them.
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScDimensionChoice:
 *
 * Embed in the view's struct, set up with sc_dimension_choice_init().
 */
typedef struct
{
  /*< private >*/
  const ScDimension *builtin;
  guint              n_builtin;
  GArray            *dims;    /* ScDimension, in the dropdown's order */
  GPtrArray         *infos;   /* ScDimensionInfo of the store */
} ScDimensionChoice;

void         sc_dimension_choice_init   (ScDimensionChoice *choice,
                                         const ScDimension *builtin,
                                         guint              n_builtin,
                                         GtkDropDown       *dropdown);
void         sc_dimension_choice_clear  (ScDimensionChoice *choice);
gboolean     sc_dimension_choice_update (ScDimensionChoice *choice,
                                         ScStore           *store,
                                         GtkDropDown       *dropdown);
guint        sc_dimension_choice_get_n  (ScDimensionChoice *choice);
ScDimension  sc_dimension_choice_get_nth (ScDimensionChoice *choice,
                                         guint              index);
ScDimension  sc_dimension_choice_get_selected (ScDimensionChoice *choice,
                                         GtkDropDown       *dropdown);
gboolean     sc_dimension_choice_select (ScDimensionChoice *choice,
                                         GtkDropDown       *dropdown,
                                         ScDimension        dim);
const char  *sc_dimension_choice_get_label (ScDimensionChoice *choice,
                                         ScDimension        dim);

G_END_DECLS
