/* sc-chart-view-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of a chart view: the numbers behind each point as tooltip
 * text and as rows of the "Show as Table" view, and the chart's name.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-bar-painter.h"
#include "sc-chart-axis.h"
#include "sc-chart-view-private.h"
#include "sc-histogram-painter.h"
#include "sc-sparkline-painter.h"
#include "sc-trend-painter.h"

/* A row of the table: one point of one series, as text. */
#define SC_TYPE_CHART_TABLE_ROW (sc_chart_table_row_get_type ())

G_DECLARE_FINAL_TYPE (ScChartTableRow, sc_chart_table_row, SC, CHART_TABLE_ROW, GObject)

struct _ScChartTableRow
{
  GObject  parent_instance;

  char    *cells[SC_CHART_N_CELLS];
};

G_DEFINE_FINAL_TYPE (ScChartTableRow, sc_chart_table_row, G_TYPE_OBJECT)

static void
sc_chart_table_row_finalize (GObject *object)
{
  ScChartTableRow *self = (ScChartTableRow *) object;

  for (guint i = 0; i < SC_CHART_N_CELLS; i++)
    g_free (self->cells[i]);

  G_OBJECT_CLASS (sc_chart_table_row_parent_class)->finalize (object);
}

static void
sc_chart_table_row_class_init (ScChartTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_chart_table_row_finalize;
}

static void
sc_chart_table_row_init (ScChartTableRow *self)
{
}

/* Series and points {{{ */

/* The one series of a painter that draws a single series, or NULL. */
static ScChartSeries *
single_series (ScChartView *self)
{
  if (SC_IS_BAR_PAINTER (self->painter))
    return sc_bar_painter_get_series (SC_BAR_PAINTER (self->painter));
  if (SC_IS_HISTOGRAM_PAINTER (self->painter))
    return sc_histogram_painter_get_bins (SC_HISTOGRAM_PAINTER (self->painter));
  if (SC_IS_SPARKLINE_PAINTER (self->painter))
    return sc_sparkline_painter_get_series (SC_SPARKLINE_PAINTER (self->painter));

  return NULL;
}

/**
 * _sc_chart_view_collect_series:
 * @self: a #ScChartView
 *
 * The series of the painters the view knows how to read: a trend's series
 * and its comparison, a bar chart's segments, a histogram's bins, a
 * sparkline's points. Other painters draw and describe themselves but have
 * no table.
 *
 * Returns: (transfer container) (element-type ScChartSeries): the series
 */
GPtrArray *
_sc_chart_view_collect_series (ScChartView *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_series_unref);

  if (SC_IS_TREND_PAINTER (self->painter))
    {
      ScTrendPainter *trend = SC_TREND_PAINTER (self->painter);
      ScChartSeries *comparison = sc_trend_painter_get_comparison (trend);

      for (guint i = 0; i < sc_trend_painter_get_n_series (trend); i++)
        g_ptr_array_add (out, sc_chart_series_ref (sc_trend_painter_get_series (trend, i)));
      if (comparison != NULL)
        g_ptr_array_add (out, sc_chart_series_ref (comparison));
    }
  else
    {
      ScChartSeries *one = single_series (self);

      if (one != NULL)
        g_ptr_array_add (out, sc_chart_series_ref (one));
    }

  return out;
}

/* The series an item of the geometry was drawn from, or NULL. */
static ScChartSeries *
series_of_item (ScChartView       *self,
                const ScChartItem *item)
{
  if (SC_IS_TREND_PAINTER (self->painter))
    {
      ScTrendPainter *trend = SC_TREND_PAINTER (self->painter);

      if (item->series == -1)
        return sc_trend_painter_get_comparison (trend);
      if (item->series >= 0 && (guint) item->series < sc_trend_painter_get_n_series (trend))
        return sc_trend_painter_get_series (trend, item->series);
    }
  else if (item->series == 0)
    {
      return single_series (self);
    }

  return NULL;
}

static char *
format_optional (const ScChartSeries *series,
                 double               value)
{
  if (!isfinite (value))
    return NULL;

  return sc_chart_format_value (sc_chart_series_get_unit (series), value,
                                sc_chart_series_get_currency (series));
}

static char *
format_period (ScChartView        *self,
               const ScChartPoint *point)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (point->label != NULL && !SC_IS_TREND_PAINTER (self->painter))
    return g_strdup (point->label);
  if (point->end <= point->start)
    return g_strdup (point->label);

  tz = SC_IS_TREND_PAINTER (self->painter)
         ? g_time_zone_ref (sc_trend_painter_get_time_zone (SC_TREND_PAINTER (self->painter)))
         : g_time_zone_new_local ();

  return sc_chart_format_period (point->start, point->end, tz);
}

/**
 * _sc_chart_view_format_cells:
 * @self: a #ScChartView
 * @series: the series @point belongs to
 * @point: a point
 * @cells: (out caller-allocates) (array fixed-size=SC_CHART_N_CELLS): the
 *   texts, %NULL where there is nothing to say
 *
 * Writes out a point as the tooltip and the table show it.
 */
void
_sc_chart_view_format_cells (ScChartView         *self,
                             const ScChartSeries *series,
                             const ScChartPoint  *point,
                             char               **cells)
{
  g_autofree char *low = format_optional (series, point->ci_low);
  g_autofree char *high = format_optional (series, point->ci_high);

  cells[SC_CHART_CELL_SERIES] = g_strdup (sc_chart_series_get_name (series));
  cells[SC_CHART_CELL_PERIOD] = format_period (self, point);
  cells[SC_CHART_CELL_VALUE] = sc_chart_format_value (sc_chart_series_get_unit (series),
                                                      point->value,
                                                      sc_chart_series_get_currency (series));
  cells[SC_CHART_CELL_N] = sc_chart_format_number (point->n, 0);
  /* Translators: a 95% interval, from its low to its high end */
  cells[SC_CHART_CELL_INTERVAL] = low != NULL && high != NULL && isfinite (point->value)
                                    ? g_strdup_printf (_("%s – %s"), low, high)
                                    : NULL;
  cells[SC_CHART_CELL_TARGET] = format_optional (series, point->target);
  cells[SC_CHART_CELL_BASELINE] = format_optional (series, point->baseline);
  cells[SC_CHART_CELL_NOTE] = point->insufficient ? g_strdup (_("Below the minimum sample")) : NULL;
}

static void
free_cells (char **cells)
{
  for (guint i = 0; i < SC_CHART_N_CELLS; i++)
    g_clear_pointer (&cells[i], g_free);
}

/**
 * _sc_chart_view_dup_name:
 * @self: a #ScChartView
 *
 * Returns: (transfer full): the title, or the first series' name
 */
char *
_sc_chart_view_dup_name (ScChartView *self)
{
  g_autoptr(GPtrArray) series = NULL;

  if (self->title != NULL)
    return g_strdup (self->title);

  series = _sc_chart_view_collect_series (self);
  if (series->len > 0)
    return g_strdup (sc_chart_series_get_name (g_ptr_array_index (series, 0)));

  return g_strdup (_("Chart"));
}

/* }}} */

/* Tooltips {{{ */

static void
append_line (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL)
    return;

  /* Translators: a name and a value in a chart tooltip, e.g. "Target: 85%" */
  line = g_markup_printf_escaped (_("%s: %s"), name, value);
  g_string_append_printf (out, "\n%s", line);
}

static char *
dup_target_tooltip (ScChartView       *self,
                    const ScChartItem *item)
{
  ScChartSeries *series = series_of_item (self, item);
  g_autofree char *value = series != NULL ? format_optional (series, item->value) : NULL;
  g_autofree char *text = NULL;

  if (value == NULL)
    return NULL;

  text = g_markup_printf_escaped ("<b>%s</b>", _("Target"));
  if (self->target_editable)
    return g_strdup_printf ("%s %s\n<i>%s</i>", text, value, _("Drag to change"));

  return g_strdup_printf ("%s %s", text, value);
}

/* Items whose data the view cannot read: a folded "Other" bar, or a
 * painter without a series. The value, written as the value axis would. */
static char *
dup_value_tooltip (ScChartView       *self,
                   const ScChartItem *item)
{
  const ScValueAxis *axis = sc_chart_geometry_get_value_axis (self->geometry);
  g_autofree char *value = NULL;

  if (!isfinite (item->value))
    return NULL;

  value = axis != NULL ? sc_chart_format_value (axis->unit, item->value, axis->currency)
                       : sc_chart_format_number (item->value, 2);
  if (item->kind == SC_CHART_ITEM_BAR && item->index < 0)
    return g_markup_printf_escaped ("<b>%s</b>\n%s", _("Other"), value);

  return g_markup_escape_text (value, -1);
}

/**
 * _sc_chart_view_dup_tooltip:
 * @self: a #ScChartView
 * @item: an item of the view's geometry
 *
 * Returns: (transfer full) (nullable): Pango markup naming the period and
 *   giving the value, the sample size, the interval and the target
 */
char *
_sc_chart_view_dup_tooltip (ScChartView       *self,
                            const ScChartItem *item)
{
  ScChartSeries *series = series_of_item (self, item);
  char *cells[SC_CHART_N_CELLS] = { NULL };
  const ScChartPoint *point;
  GString *out;

  if (item->kind == SC_CHART_ITEM_TARGET)
    return dup_target_tooltip (self, item);
  if (item->kind == SC_CHART_ITEM_ANNOTATION)
    return NULL;
  if (series == NULL || item->index < 0 ||
      (guint) item->index >= sc_chart_series_get_n_points (series))
    return dup_value_tooltip (self, item);

  point = sc_chart_series_get_point (series, item->index);
  _sc_chart_view_format_cells (self, series, point, cells);
  out = g_string_new (NULL);
  {
    /* Segment names are data ("Billing & Invoices"): escape them. */
    g_autofree char *period = g_markup_printf_escaped ("<b>%s</b>",
                                                       cells[SC_CHART_CELL_PERIOD] ?: "");

    g_string_append (out, period);
  }
  append_line (out, cells[SC_CHART_CELL_SERIES], cells[SC_CHART_CELL_VALUE]);
  append_line (out, _("Sample size"), cells[SC_CHART_CELL_N]);
  append_line (out, _("95% interval"), cells[SC_CHART_CELL_INTERVAL]);
  append_line (out, _("Target"), cells[SC_CHART_CELL_TARGET]);
  append_line (out, _("Baseline"), cells[SC_CHART_CELL_BASELINE]);
  if (cells[SC_CHART_CELL_NOTE] != NULL)
    {
      g_autofree char *note = g_markup_printf_escaped ("\n<i>%s</i>", cells[SC_CHART_CELL_NOTE]);

      g_string_append (out, note);
    }
  free_cells (cells);

  return g_string_free (out, FALSE);
}

/* }}} */

/* Table {{{ */

static const struct
{
  const char *title;
  gboolean    numeric;
  gboolean    always;
} columns[SC_CHART_N_CELLS] = {
  [SC_CHART_CELL_SERIES] = { N_("Series"), FALSE, FALSE },
  [SC_CHART_CELL_PERIOD] = { N_("Period"), FALSE, TRUE },
  [SC_CHART_CELL_VALUE] = { N_("Value"), TRUE, TRUE },
  [SC_CHART_CELL_N] = { N_("Sample Size"), TRUE, TRUE },
  [SC_CHART_CELL_INTERVAL] = { N_("95% Interval"), TRUE, FALSE },
  [SC_CHART_CELL_TARGET] = { N_("Target"), TRUE, FALSE },
  [SC_CHART_CELL_BASELINE] = { N_("Baseline"), TRUE, FALSE },
  [SC_CHART_CELL_NOTE] = { N_("Note"), FALSE, FALSE },
};

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ScChartCell cell = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[cell].numeric ? 1 : 0);
  if (columns[cell].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ScChartCell cell = GPOINTER_TO_UINT (user_data);
  ScChartTableRow *row = gtk_list_item_get_item (list_item);
  const char *text = row->cells[cell];

  /* A dash says "no number"; a missing note needs no mark. */
  if (text == NULL)
    text = cell == SC_CHART_CELL_NOTE ? "" : "—";
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static GListStore *
get_store (ScChartView *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->table);

  return G_LIST_STORE (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));
}

/**
 * _sc_chart_view_setup_table:
 * @self: a #ScChartView
 *
 * Gives the table its model and a column per cell.
 */
void
_sc_chart_view_setup_table (ScChartView *self)
{
  GListStore *store = g_list_store_new (SC_TYPE_CHART_TABLE_ROW);
  GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (store));

  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < SC_CHART_N_CELLS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, i == SC_CHART_CELL_PERIOD);
      gtk_column_view_append_column (self->table, column);
    }
}

/* What the rows are: periods of a trend, segments, or histogram bins. */
static void
retitle_first_column (ScChartView *self)
{
  g_autoptr(GtkColumnViewColumn) column =
    g_list_model_get_item (gtk_column_view_get_columns (self->table), SC_CHART_CELL_PERIOD);
  const char *title = _(columns[SC_CHART_CELL_PERIOD].title);

  if (SC_IS_BAR_PAINTER (self->painter))
    title = C_("chart table column", "Segment");
  else if (SC_IS_HISTOGRAM_PAINTER (self->painter))
    title = C_("chart table column", "Range");

  gtk_column_view_column_set_title (column, title);
}

/**
 * _sc_chart_view_fill_table:
 * @self: a #ScChartView
 *
 * Writes the painter's points into the table, one row per point and
 * series, and hides the columns that would be empty.
 */
void
_sc_chart_view_fill_table (ScChartView *self)
{
  g_autoptr(GPtrArray) series = _sc_chart_view_collect_series (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = _sc_chart_view_dup_name (self);
  g_autofree char *label = NULL;
  GListModel *model = gtk_column_view_get_columns (self->table);
  GListStore *store = get_store (self);
  gboolean used[SC_CHART_N_CELLS] = { FALSE };

  for (guint s = 0; s < series->len; s++)
    for (guint i = 0; i < sc_chart_series_get_n_points (g_ptr_array_index (series, s)); i++)
      {
        ScChartSeries *one = g_ptr_array_index (series, s);
        ScChartTableRow *row = g_object_new (SC_TYPE_CHART_TABLE_ROW, NULL);

        _sc_chart_view_format_cells (self, one, sc_chart_series_get_point (one, i), row->cells);
        for (guint c = 0; c < SC_CHART_N_CELLS; c++)
          used[c] |= row->cells[c] != NULL;
        g_ptr_array_add (rows, row);
      }
  used[SC_CHART_CELL_SERIES] = series->len > 1;
  retitle_first_column (self);

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
  for (guint c = 0; c < SC_CHART_N_CELLS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (model, c);

      gtk_column_view_column_set_visible (column, columns[c].always || used[c]);
    }

  /* Translators: the accessible name of a chart's table, e.g. "CSAT as a table" */
  label = g_strdup_printf (_("%s as a table"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  self->table_stale = FALSE;
}

/**
 * _sc_chart_view_get_table_cell:
 * @self: a #ScChartView
 * @row: a row of the table
 * @cell: a column
 *
 * Returns: (nullable): the text of a cell, %NULL where the table shows a
 *   dash
 */
const char *
_sc_chart_view_get_table_cell (ScChartView *self,
                               guint        row,
                               ScChartCell  cell)
{
  g_autoptr(ScChartTableRow) item = g_list_model_get_item (G_LIST_MODEL (get_store (self)), row);

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (cell < SC_CHART_N_CELLS, NULL);

  return item->cells[cell];
}

/* }}} */
