/* sc-dimension-choice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-dimension-choice.h"

static void
set_model (ScDimensionChoice *choice,
           GtkDropDown       *dropdown)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < choice->dims->len; i++)
    gtk_string_list_append (names, sc_dimension_choice_get_label (choice,
                                                                  g_array_index (choice->dims, ScDimension, i)));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
}

/**
 * sc_dimension_choice_init:
 * @choice: the choice to set up
 * @builtin: (array length=n_builtin): the builtin dimensions offered, in
 *   order; the array must outlive @choice
 * @n_builtin: their number
 * @dropdown: the dropdown showing them
 *
 * Offers the builtin dimensions until sc_dimension_choice_update() adds a
 * store's own.
 */
void
sc_dimension_choice_init (ScDimensionChoice *choice,
                          const ScDimension *builtin,
                          guint              n_builtin,
                          GtkDropDown       *dropdown)
{
  choice->builtin = builtin;
  choice->n_builtin = n_builtin;
  choice->dims = g_array_new (FALSE, FALSE, sizeof (ScDimension));
  g_array_append_vals (choice->dims, builtin, n_builtin);
  choice->infos = NULL;
  set_model (choice, dropdown);
}

void
sc_dimension_choice_clear (ScDimensionChoice *choice)
{
  g_clear_pointer (&choice->dims, g_array_unref);
  g_clear_pointer (&choice->infos, g_ptr_array_unref);
}

/**
 * sc_dimension_choice_update:
 * @choice: a choice
 * @store: (nullable): the store whose dimensions to offer besides the
 *   builtin ones
 * @dropdown: the dropdown showing them
 *
 * Re-reads the store's dimensions. When they changed, the dropdown gets
 * the new list with the same dimension selected; block the dropdown's
 * handlers around the call when the change must not count as the user's.
 *
 * Returns: whether the list changed
 */
gboolean
sc_dimension_choice_update (ScDimensionChoice *choice,
                            ScStore           *store,
                            GtkDropDown       *dropdown)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  ScDimension selected = sc_dimension_choice_get_selected (choice, dropdown);
  guint n_custom = 0;

  if (store != NULL && (infos = sc_store_list_dimensions (store, &error)) == NULL)
    g_warning ("Cannot list the dimensions of %s: %s", sc_store_get_path (store), error->message);
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    n_custom += ((ScDimensionInfo *) infos->pdata[i])->custom;
  if (choice->dims->len == choice->n_builtin + n_custom)
    {
      g_clear_pointer (&choice->infos, g_ptr_array_unref);
      choice->infos = g_steal_pointer (&infos);
      return FALSE;
    }

  g_clear_pointer (&choice->infos, g_ptr_array_unref);
  choice->infos = g_steal_pointer (&infos);
  g_array_set_size (choice->dims, 0);
  g_array_append_vals (choice->dims, choice->builtin, choice->n_builtin);
  for (guint i = 0; choice->infos != NULL && i < choice->infos->len; i++)
    {
      const ScDimensionInfo *info = choice->infos->pdata[i];

      if (info->custom)
        g_array_append_val (choice->dims, info->dim);
    }
  set_model (choice, dropdown);
  if (!sc_dimension_choice_select (choice, dropdown, selected))
    gtk_drop_down_set_selected (dropdown, 0);
  return TRUE;
}

guint
sc_dimension_choice_get_n (ScDimensionChoice *choice)
{
  return choice->dims->len;
}

ScDimension
sc_dimension_choice_get_nth (ScDimensionChoice *choice,
                             guint              index)
{
  g_return_val_if_fail (index < choice->dims->len, choice->builtin[0]);

  return g_array_index (choice->dims, ScDimension, index);
}

/**
 * sc_dimension_choice_get_selected:
 * @choice: a choice
 * @dropdown: its dropdown
 *
 * Returns: the dimension selected
 */
ScDimension
sc_dimension_choice_get_selected (ScDimensionChoice *choice,
                                  GtkDropDown       *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return g_array_index (choice->dims, ScDimension, MIN (i, choice->dims->len - 1));
}

/**
 * sc_dimension_choice_select:
 * @choice: a choice
 * @dropdown: its dropdown
 * @dim: a dimension
 *
 * Returns: %FALSE when @dim is not offered
 */
gboolean
sc_dimension_choice_select (ScDimensionChoice *choice,
                            GtkDropDown       *dropdown,
                            ScDimension        dim)
{
  for (guint i = 0; i < choice->dims->len; i++)
    if (g_array_index (choice->dims, ScDimension, i) == dim)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * sc_dimension_choice_get_label:
 * @choice: a choice
 * @dim: a dimension
 *
 * Returns: the label to show for @dim
 */
const char *
sc_dimension_choice_get_label (ScDimensionChoice *choice,
                               ScDimension        dim)
{
  return sc_dimension_list_get_label (choice->infos, dim);
}
