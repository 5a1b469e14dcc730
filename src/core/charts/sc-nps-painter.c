/* sc-nps-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NPS as 100% stacked bars: detractors, passives, promoters, with the
 * score beside each bar.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-canvas-private.h"
#include "sc-nps-painter.h"

#define PAD 4.0

typedef struct
{
  char    *label;
  guint64  counts[3];
} NpsRow;

struct _ScNpsPainter
{
  GObject  parent_instance;
  GArray  *rows;
};

typedef struct
{
  ScChartCanvas canvas;
  double        top;
  double        row_height;
  double        label_width;
  double        score_width;
  double        bar_x;
  double        bar_width;
} NpsLayout;

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScNpsPainter, sc_nps_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

static void
clear_row (gpointer data)
{
  g_free (((NpsRow *) data)->label);
}

/**
 * sc_nps_score:
 * @detractors: answers 0–6
 * @passives: answers 7–8
 * @promoters: answers 9–10
 *
 * Returns: % promoters − % detractors (−100…100), or NAN without answers
 */
double
sc_nps_score (guint64 detractors,
              guint64 passives,
              guint64 promoters)
{
  double total = (double) detractors + passives + promoters;

  if (total <= 0)
    return NAN;

  return 100.0 * ((double) promoters - (double) detractors) / total;
}

static guint64
row_total (const NpsRow *row)
{
  return row->counts[0] + row->counts[1] + row->counts[2];
}

static const ScChartRgba *
part_color (const ScChartStyle *style,
            guint               part)
{
  return part == SC_NPS_DETRACTORS ? &style->error
         : part == SC_NPS_PASSIVES ? &style->dim_fg : &style->success;
}

static double
part_alpha (const ScChartStyle *style,
            guint               part)
{
  return part == SC_NPS_PASSIVES ? 0.45 : (style->dark ? 0.85 : 1);
}

static const char *
part_name (guint part)
{
  static const char *names[] = { N_("Detractors (0–6)"), N_("Passives (7–8)"), N_("Promoters (9–10)") };

  return _(names[part]);
}

static gboolean
layout_rows (ScNpsPainter *self,
             NpsLayout    *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double fh = canvas->line_height;

  layout->top = PAD + fh + 8;
  layout->row_height = MIN ((canvas->height - layout->top - PAD) / self->rows->len, fh * 2.6);
  if (layout->row_height < fh + 2)
    return FALSE;

  layout->label_width = 0;
  for (guint i = 0; i < self->rows->len; i++)
    layout->label_width = MAX (layout->label_width,
                               _sc_chart_canvas_measure_cb (g_array_index (self->rows, NpsRow, i).label, canvas));
  layout->label_width = MIN (layout->label_width, canvas->width * 0.3);

  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_BOLD);
  layout->score_width = _sc_chart_canvas_measure_cb ("\u2212100", canvas) + 10;
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);

  layout->bar_x = PAD + (layout->label_width > 0 ? layout->label_width + 10 : 0);
  layout->bar_width = canvas->width - layout->bar_x - layout->score_width - PAD;

  return layout->bar_width >= 30;
}

static void
draw_legend (NpsLayout *layout)
{
  ScChartCanvas *canvas = &layout->canvas;
  double x = layout->bar_x;

  for (guint part = 0; part < 3; part++)
    {
      double w;

      _sc_chart_canvas_measure (canvas, part_name (part), &w, NULL);
      if (x + 14 + w > canvas->width - PAD)
        break;
      _sc_chart_canvas_rect (canvas, x, PAD + canvas->line_height / 2 - 5, 10, 10);
      _sc_chart_canvas_set_color (canvas, part_color (canvas->style, part), part_alpha (canvas->style, part));
      cairo_fill (canvas->cr);
      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_LEGEND, part_name (part), x + 14, PAD, 0, 0, 0,
                             &canvas->style->fg, TRUE);
      x += 14 + w + 16;
    }
}

static void
draw_part (NpsLayout *layout,
           guint      row_index,
           guint      part,
           double     x,
           double     w,
           double     cy,
           double     h,
           double     share)
{
  ScChartCanvas *canvas = &layout->canvas;
  const ScChartStyle *style = canvas->style;
  g_autofree char *num = sc_chart_format_number (share * 100, 0);
  g_autofree char *text = g_strdup_printf (_("%s%%"), num);
  ScChartItem *item;
  double tw;

  _sc_chart_canvas_rect (canvas, x, cy - h / 2, w, h);
  _sc_chart_canvas_set_color (canvas, part_color (style, part), part_alpha (style, part));
  cairo_fill (canvas->cr);

  item = sc_chart_geometry_add_item (canvas->geometry, SC_CHART_ITEM_BAR, part, row_index);
  item->value = share * 100;
  item->x = x + w / 2;
  item->y = cy;
  item->area = (ScChartRect) { x, cy - layout->row_height / 2, MAX (w, 1), layout->row_height };

  /* The share is written inside its part only where it fits. */
  _sc_chart_canvas_measure (canvas, text, &tw, NULL);
  if (tw + 8 <= w && h >= canvas->line_height)
    _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, text, x + w / 2, cy, 0.5, 0.5, 0,
                           part == SC_NPS_PASSIVES || style->dark ? &style->fg
                                                                  : &(ScChartRgba) { 1, 1, 1, 1 },
                           TRUE);
}

static void
draw_row (ScNpsPainter *self,
          NpsLayout    *layout,
          guint         index)
{
  ScChartCanvas *canvas = &layout->canvas;
  const NpsRow *row = &g_array_index (self->rows, NpsRow, index);
  double cy = layout->top + layout->row_height * (index + 0.5);
  double h = MIN (layout->row_height * 0.7, 32);
  guint64 total = row_total (row);
  double x = layout->bar_x;
  g_autofree char *score = sc_chart_format_value (SC_CHART_UNIT_NPS, sc_nps_score (row->counts[0],
                                                  row->counts[1], row->counts[2]), NULL);

  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_CATEGORY, row->label, PAD, cy, 0, 0.5,
                         layout->label_width, &canvas->style->fg, TRUE);

  if (total == 0)
    {
      _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_SMALL);
      _sc_chart_canvas_text (canvas, SC_CHART_LABEL_MESSAGE, _("No answers"), layout->bar_x, cy, 0, 0.5,
                             layout->bar_width, &canvas->style->dim_fg, TRUE);
      _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
      return;
    }

  for (guint part = 0; part < 3; part++)
    {
      double share = (double) row->counts[part] / total;
      double w = layout->bar_width * share;

      if (row->counts[part] > 0)
        draw_part (layout, index, part, x, w, cy, h, share);
      x += w;
    }

  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_BOLD);
  _sc_chart_canvas_text (canvas, SC_CHART_LABEL_VALUE, score, canvas->width - PAD, cy, 1, 0.5, 0,
                         &canvas->style->fg, TRUE);
  _sc_chart_canvas_set_font (canvas, SC_CHART_FONT_NORMAL);
}

static ScChartGeometry *
sc_nps_painter_draw_impl (ScChartPainter     *painter,
                          cairo_t            *cr,
                          double              width,
                          double              height,
                          const ScChartStyle *style)
{
  ScNpsPainter *self = SC_NPS_PAINTER (painter);
  NpsLayout layout = { 0 };
  gboolean any = FALSE;

  _sc_chart_canvas_begin (&layout.canvas, cr, width, height, style);
  for (guint i = 0; i < self->rows->len; i++)
    any |= row_total (&g_array_index (self->rows, NpsRow, i)) > 0;

  if (!any || !layout_rows (self, &layout))
    _sc_chart_canvas_no_data (&layout.canvas, NULL);
  else
    {
      draw_legend (&layout);
      for (guint i = 0; i < self->rows->len; i++)
        draw_row (self, &layout, i);
    }

  return _sc_chart_canvas_end (&layout.canvas);
}

static char *
sc_nps_painter_dup_summary_impl (ScChartPainter *painter)
{
  ScNpsPainter *self = SC_NPS_PAINTER (painter);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const NpsRow *row = &g_array_index (self->rows, NpsRow, i);
      guint64 total = row_total (row);
      g_autofree char *score = NULL;
      g_autofree char *n = sc_chart_format_number (total, 0);

      if (total == 0)
        {
          g_string_append_printf (out, _("%s%s: no answers."), i > 0 ? " " : "", row->label);
          continue;
        }

      score = sc_chart_format_value (SC_CHART_UNIT_NPS,
                                     sc_nps_score (row->counts[0], row->counts[1], row->counts[2]), NULL);
      /* Translators: segment, NPS, % promoters, % passives, % detractors, answers */
      g_string_append_printf (out, _("%s%s: NPS %s, %.0f%% promoters, %.0f%% passives, %.0f%% detractors (n = %s)."),
                              i > 0 ? " " : "", row->label, score,
                              100.0 * row->counts[2] / total, 100.0 * row->counts[1] / total,
                              100.0 * row->counts[0] / total, n);
    }

  if (out->len == 0)
    g_string_append (out, _("No data."));

  return g_string_free (out, FALSE);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_nps_painter_draw_impl;
  iface->dup_summary = sc_nps_painter_dup_summary_impl;
}

static void
sc_nps_painter_finalize (GObject *object)
{
  ScNpsPainter *self = (ScNpsPainter *) object;

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (sc_nps_painter_parent_class)->finalize (object);
}

static void
sc_nps_painter_class_init (ScNpsPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_nps_painter_finalize;
}

static void
sc_nps_painter_init (ScNpsPainter *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (NpsRow));
  g_array_set_clear_func (self->rows, clear_row);
}

/**
 * sc_nps_painter_new:
 *
 * Creates a painter of NPS distributions: one 100% stacked bar per row
 * (detractors, passives, promoters) with its score.
 *
 * Returns: (transfer full): a new #ScNpsPainter
 */
ScNpsPainter *
sc_nps_painter_new (void)
{
  return g_object_new (SC_TYPE_NPS_PAINTER, NULL);
}

/**
 * sc_nps_painter_get_n_rows:
 * @self: a #ScNpsPainter
 *
 * Returns: the number of rows
 */
guint
sc_nps_painter_get_n_rows (ScNpsPainter *self)
{
  g_return_val_if_fail (SC_IS_NPS_PAINTER (self), 0);

  return self->rows->len;
}

/**
 * sc_nps_painter_add_row:
 * @self: a #ScNpsPainter
 * @label: the row's name (a period or a segment), may be ""
 * @detractors: answers 0–6
 * @passives: answers 7–8
 * @promoters: answers 9–10
 *
 * Appends a row.
 */
void
sc_nps_painter_add_row (ScNpsPainter *self,
                        const char   *label,
                        guint64       detractors,
                        guint64       passives,
                        guint64       promoters)
{
  NpsRow row;

  g_return_if_fail (SC_IS_NPS_PAINTER (self));
  g_return_if_fail (label != NULL);

  row.label = g_strdup (label);
  row.counts[SC_NPS_DETRACTORS] = detractors;
  row.counts[SC_NPS_PASSIVES] = passives;
  row.counts[SC_NPS_PROMOTERS] = promoters;
  g_array_append_val (self->rows, row);
}

/**
 * sc_nps_painter_clear:
 * @self: a #ScNpsPainter
 *
 * Removes every row.
 */
void
sc_nps_painter_clear (ScNpsPainter *self)
{
  g_return_if_fail (SC_IS_NPS_PAINTER (self));

  g_array_set_size (self->rows, 0);
}

/**
 * sc_nps_painter_draw:
 * @self: a #ScNpsPainter
 * @cr: the cairo context
 * @width: allocation width
 * @height: allocation height
 * @style: colours and fonts
 *
 * Draws the stacked bars; see sc_chart_painter_draw(). Items have the
 * #ScNpsPart as series, the row as index and the part's share (in %) as
 * value.
 *
 * Returns: (transfer full): the geometry laid out
 */
ScChartGeometry *
sc_nps_painter_draw (ScNpsPainter       *self,
                     cairo_t            *cr,
                     double              width,
                     double              height,
                     const ScChartStyle *style)
{
  g_return_val_if_fail (SC_IS_NPS_PAINTER (self), NULL);

  return sc_chart_painter_draw (SC_CHART_PAINTER (self), cr, width, height, style);
}
