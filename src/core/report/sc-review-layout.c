/* sc-review-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review's page layout: text through Pango with metrics unhinted (the
 * PDF is vector), a cursor that moves to a new page when a block does not
 * fit, and the page footer with "Page N of M" (M is known from a first,
 * measuring pass).
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sc-review-layout-private.h"

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.5
#define FOOTER_GAP 22.0

void
_sc_layout_init (ScLayout           *layout,
                 cairo_surface_t    *surface,
                 double              page_width,
                 double              page_height,
                 const ScChartStyle *style)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  layout->surface = surface;
  layout->cr = cairo_create (surface);
  layout->context = pango_cairo_create_context (layout->cr);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout->context, options);
  cairo_font_options_destroy (options);
  layout->style = style;
  layout->family = pango_font_description_get_family (style->font);
  layout->page_width = page_width;
  layout->page_height = page_height;
  layout->margin = 54;
  layout->x = layout->margin;
  layout->width = page_width - 2 * layout->margin;
  layout->y = layout->margin;
  layout->page = 1;
}

void
_sc_layout_clear (ScLayout *layout)
{
  g_clear_object (&layout->context);
  g_clear_pointer (&layout->cr, cairo_destroy);
  g_clear_pointer (&layout->footer, g_free);
}

double
_sc_layout_width (ScLayout *layout)
{
  return layout->width;
}

double
_sc_layout_bottom (ScLayout *layout)
{
  return layout->page_height - layout->margin;
}

char *
_sc_layout_color_hex (const ScChartRgba *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) round (color->red * 255),
                          (int) round (color->green * 255), (int) round (color->blue * 255));
}

/* Tabular figures, so columns of numbers line up. */
static void
set_tabular_figures (PangoLayout *text)
{
  PangoAttrList *attrs = pango_layout_get_attributes (text);
  g_autoptr(PangoAttrList) list = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

  pango_attr_list_insert (list, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (text, list);
}

PangoLayout *
_sc_layout_text (ScLayout       *layout,
                 const char     *markup,
                 double          size,
                 PangoWeight     weight,
                 double          width,
                 PangoAlignment  align)
{
  PangoLayout *text = pango_layout_new (layout->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, layout->family);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (text, font);
  pango_layout_set_markup (text, markup, -1);
  set_tabular_figures (text);
  if (width > 0)
    {
      pango_layout_set_width (text, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (text, align);
  return text;
}

double
_sc_layout_text_height (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
set_color (cairo_t           *cr,
           const ScChartRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
_sc_layout_draw_text (ScLayout          *layout,
                      PangoLayout       *text,
                      double             x,
                      double             y,
                      const ScChartRgba *color)
{
  set_color (layout->cr, color);
  cairo_move_to (layout->cr, x, y);
  pango_cairo_show_layout (layout->cr, text);
  layout->page_used = TRUE;
}

static void
draw_footer (ScLayout *layout)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *escaped = g_markup_escape_text (layout->footer ? layout->footer : "", -1);
  double y = layout->page_height - layout->margin + FOOTER_GAP;
  double width = layout->page_width - 2 * layout->margin;

  if (layout->page == 1)
    return;
  /* Translators: the page footer, "Page 3 of 12" */
  number = layout->n_pages > 0 ? g_strdup_printf (_("Page %d of %d"), layout->page, layout->n_pages)
                               : g_strdup_printf (_("Page %d"), layout->page);
  left = _sc_layout_text (layout, escaped, SC_LAYOUT_SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                          width * 0.75, PANGO_ALIGN_LEFT);
  right = _sc_layout_text (layout, number, SC_LAYOUT_SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                           width, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  set_color (layout->cr, &layout->style->grid);
  cairo_set_line_width (layout->cr, 0.5);
  cairo_move_to (layout->cr, layout->margin, y - 6);
  cairo_line_to (layout->cr, layout->margin + width, y - 6);
  cairo_stroke (layout->cr);
  _sc_layout_draw_text (layout, left, layout->margin, y, &layout->style->dim_fg);
  _sc_layout_draw_text (layout, right, layout->margin, y, &layout->style->dim_fg);
}

void
_sc_layout_finish_page (ScLayout *layout)
{
  draw_footer (layout);
  cairo_show_page (layout->cr);
}

void
_sc_layout_new_page (ScLayout *layout)
{
  _sc_layout_finish_page (layout);
  layout->page++;
  layout->y = layout->margin;
  layout->page_used = FALSE;
}

/* Narrows the flow to a column of the content area (@left and @width as
 * shares of the full content width); _sc_layout_full_width() undoes it. */
void
_sc_layout_column (ScLayout *layout,
                   double    left,
                   double    width)
{
  double full = layout->page_width - 2 * layout->margin;

  layout->x = layout->margin + left * full;
  layout->width = width * full;
}

void
_sc_layout_full_width (ScLayout *layout)
{
  _sc_layout_column (layout, 0, 1);
}

/* Moves to a new page unless @height fits below the cursor. Returns
 * whether it did. */
gboolean
_sc_layout_ensure (ScLayout *layout,
                   double    height)
{
  if (layout->y + height <= _sc_layout_bottom (layout) || !layout->page_used)
    return FALSE;
  _sc_layout_new_page (layout);
  return TRUE;
}

void
_sc_layout_space (ScLayout *layout,
                  double    height)
{
  if (layout->page_used)
    layout->y = MIN (layout->y + height, _sc_layout_bottom (layout));
}

void
_sc_layout_paragraph (ScLayout          *layout,
                      const char        *markup,
                      double             size,
                      const ScChartRgba *color)
{
  g_autoptr(PangoLayout) text = _sc_layout_text (layout, markup, size, PANGO_WEIGHT_NORMAL,
                                                 _sc_layout_width (layout), PANGO_ALIGN_LEFT);
  double height = _sc_layout_text_height (text);

  pango_layout_set_spacing (text, (int) (size * 0.25 * PANGO_SCALE));
  height = _sc_layout_text_height (text);
  _sc_layout_ensure (layout, height);
  _sc_layout_draw_text (layout, text, layout->x, layout->y, color ? color : &layout->style->fg);
  layout->y += height + size * 0.6;
}

void
_sc_layout_bullet (ScLayout   *layout,
                   const char *markup)
{
  double indent = 14;
  g_autoptr(PangoLayout) text = _sc_layout_text (layout, markup, SC_LAYOUT_BODY_SIZE + 0.5,
                                                 PANGO_WEIGHT_NORMAL,
                                                 _sc_layout_width (layout) - indent, PANGO_ALIGN_LEFT);
  double height;

  pango_layout_set_spacing (text, (int) (2.5 * PANGO_SCALE));
  height = _sc_layout_text_height (text);
  _sc_layout_ensure (layout, height);
  set_color (layout->cr, &layout->style->accent);
  cairo_arc (layout->cr, layout->x + 4, layout->y + 7, 2.2, 0, 2 * G_PI);
  cairo_fill (layout->cr);
  _sc_layout_draw_text (layout, text, layout->x + indent, layout->y, &layout->style->fg);
  layout->y += height + 7;
}

void
_sc_toc_add (GArray     *toc,
             const char *title,
             const char *dest,
             int         level)
{
  ScTocEntry entry = { g_strdup (title), g_strdup (dest), level, 0 };

  g_array_append_val (toc, entry);
}

static ScTocEntry *
find_toc_entry (ScLayout   *layout,
                const char *dest)
{
  for (guint i = 0; layout->toc != NULL && i < layout->toc->len; i++)
    {
      ScTocEntry *entry = &g_array_index (layout->toc, ScTocEntry, i);

      if (g_str_equal (entry->dest, dest))
        return entry;
    }
  return NULL;
}

/* A heading, kept on one page with @keep_with_next points of what follows;
 * it becomes a link target, an entry of the PDF outline and of the table
 * of contents. */
void
_sc_layout_heading (ScLayout   *layout,
                    const char *title,
                    const char *dest,
                    int         level,
                    double      keep_with_next)
{
  double size = level == 1 ? 17 : 12;
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autoptr(PangoLayout) text = _sc_layout_text (layout, escaped, size, PANGO_WEIGHT_BOLD,
                                                 _sc_layout_width (layout), PANGO_ALIGN_LEFT);
  double height = _sc_layout_text_height (text);
  ScTocEntry *entry;

  if (layout->page_used)
    layout->y += level == 1 ? 10 : 8;
  _sc_layout_ensure (layout, height + keep_with_next);
  if (dest != NULL)
    {
      g_autofree char *attrs = g_strdup_printf ("name='%s' x=%g y=%g", dest, layout->x, layout->y);
      g_autofree char *outline = g_strdup_printf ("dest='%s'", dest);

      cairo_tag_begin (layout->cr, CAIRO_TAG_DEST, attrs);
      cairo_tag_end (layout->cr, CAIRO_TAG_DEST);
      cairo_pdf_surface_add_outline (layout->surface, CAIRO_PDF_OUTLINE_ROOT, title, outline,
                                     CAIRO_PDF_OUTLINE_FLAG_OPEN);
      if ((entry = find_toc_entry (layout, dest)) != NULL)
        entry->page = layout->page;
    }
  _sc_layout_draw_text (layout, text, layout->x, layout->y, &layout->style->fg);
  layout->y += height + (level == 1 ? 4 : 3);
  if (level == 1)
    {
      set_color (layout->cr, &layout->style->accent);
      cairo_rectangle (layout->cr, layout->x, layout->y, 36, 2.5);
      cairo_fill (layout->cr);
      layout->y += 12;
    }
}

/* ---- Tables -------------------------------------------------------------- */

static double
measure_row (ScLayout            *layout,
             const ScTableColumn *columns,
             guint                n_columns,
             char               **cells,
             gboolean             header,
             GPtrArray           *layouts)
{
  double width = _sc_layout_width (layout);
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *text = _sc_layout_text (layout, cells[c] ? cells[c] : "",
                                           header ? SC_LAYOUT_SMALL_SIZE : SC_LAYOUT_SMALL_SIZE + 0.5,
                                           header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                           columns[c].width * width - 2 * CELL_PAD_X, columns[c].align);

      height = MAX (height, _sc_layout_text_height (text));
      g_ptr_array_add (layouts, text);
    }
  return height + 2 * CELL_PAD_Y;
}

static void
draw_row (ScLayout            *layout,
          const ScTableColumn *columns,
          guint                n_columns,
          GPtrArray           *layouts,
          double               height,
          gboolean             header,
          gboolean             shaded)
{
  double width = _sc_layout_width (layout);
  double x = layout->x;

  if (shaded)
    {
      cairo_save (layout->cr);
      cairo_set_source_rgba (layout->cr, layout->style->accent.red, layout->style->accent.green,
                             layout->style->accent.blue, 0.06);
      cairo_rectangle (layout->cr, layout->x, layout->y, width, height);
      cairo_fill (layout->cr);
      cairo_restore (layout->cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      _sc_layout_draw_text (layout, g_ptr_array_index (layouts, c), x + CELL_PAD_X,
                            layout->y + CELL_PAD_Y,
                            header ? &layout->style->dim_fg : &layout->style->fg);
      x += columns[c].width * width;
    }
  layout->y += height;
  set_color (layout->cr, header ? &layout->style->dim_fg : &layout->style->grid);
  cairo_set_line_width (layout->cr, header ? 0.8 : 0.4);
  cairo_move_to (layout->cr, layout->x, layout->y);
  cairo_line_to (layout->cr, layout->x + width, layout->y);
  cairo_stroke (layout->cr);
}

static void
draw_header (ScLayout            *layout,
             const ScTableColumn *columns,
             guint                n_columns)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char **titles = g_new0 (char *, n_columns + 1);
  double height;

  /* Tables without titles have no header row. */
  if (columns[0].title == NULL)
    return;
  for (guint c = 0; c < n_columns; c++)
    titles[c] = g_markup_escape_text (columns[c].title, -1);
  height = measure_row (layout, columns, n_columns, titles, TRUE, layouts);
  for (guint c = 0; c < n_columns; c++)
    g_free (titles[c]);
  draw_row (layout, columns, n_columns, layouts, height, TRUE, FALSE);
}

/* The height a table would take, without drawing it. */
double
_sc_layout_table_height (ScLayout            *layout,
                         const ScTableColumn *columns,
                         guint                n_columns,
                         GPtrArray           *rows)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 10;

  if (columns[0].title != NULL)
    {
      g_autofree char **titles = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        titles[c] = (char *) columns[c].title;
      height += measure_row (layout, columns, n_columns, titles, TRUE, layouts);
    }
  for (guint r = 0; r < rows->len; r++)
    height += measure_row (layout, columns, n_columns, g_ptr_array_index (rows, r), FALSE, layouts);
  return height;
}

/**
 * _sc_layout_table:
 * @rows: (element-type GStrv): per row, one markup string per column
 *
 * Draws a table; a row never splits, and the header repeats on every
 * page the table continues on.
 */
void
_sc_layout_table (ScLayout            *layout,
                  const ScTableColumn *columns,
                  guint                n_columns,
                  GPtrArray           *rows)
{
  _sc_layout_ensure (layout, 40);
  draw_header (layout, columns, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      double height = measure_row (layout, columns, n_columns, g_ptr_array_index (rows, r),
                                   FALSE, layouts);

      if (_sc_layout_ensure (layout, height))
        draw_header (layout, columns, n_columns);
      draw_row (layout, columns, n_columns, layouts, height, FALSE, r % 2 == 1);
    }
  layout->y += 10;
}

void
_sc_layout_chart (ScLayout       *layout,
                  ScChartPainter *painter,
                  double          height)
{
  g_autoptr(ScChartGeometry) geometry = NULL;

  _sc_layout_ensure (layout, height);
  cairo_save (layout->cr);
  cairo_translate (layout->cr, layout->x, layout->y);
  geometry = sc_chart_painter_draw (painter, layout->cr, _sc_layout_width (layout), height,
                                    layout->style);
  cairo_restore (layout->cr);
  layout->page_used = TRUE;
  layout->y += height + 8;
}

/* The height of one entry of the table of contents. */
static double
toc_entry_height (ScLayout         *layout,
                  const ScTocEntry *entry,
                  PangoLayout      *title)
{
  return _sc_layout_text_height (title) + 5;
}

static PangoLayout *
toc_title (ScLayout         *layout,
           const ScTocEntry *entry)
{
  double indent = entry->level == 1 ? 0 : 16;
  g_autofree char *escaped = g_markup_escape_text (entry->title, -1);

  return _sc_layout_text (layout, escaped, SC_LAYOUT_BODY_SIZE + 0.5,
                          entry->level == 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                          _sc_layout_width (layout) - indent - 40, PANGO_ALIGN_LEFT);
}

/* The height the table of contents takes. */
double
_sc_layout_toc_height (ScLayout *layout)
{
  double height = 0;

  for (guint i = 0; i < layout->toc->len; i++)
    {
      const ScTocEntry *entry = &g_array_index (layout->toc, ScTocEntry, i);
      g_autoptr(PangoLayout) title = toc_title (layout, entry);

      height += toc_entry_height (layout, entry, title);
    }
  return height;
}

/* The table of contents: entries with dotted leaders and page numbers,
 * each a link to its heading. */
void
_sc_layout_toc (ScLayout *layout)
{
  double width = _sc_layout_width (layout);

  for (guint i = 0; i < layout->toc->len; i++)
    {
      const ScTocEntry *entry = &g_array_index (layout->toc, ScTocEntry, i);
      double indent = entry->level == 1 ? 0 : 16;
      g_autofree char *number = entry->page > 0 ? g_strdup_printf ("%d", entry->page) : g_strdup ("");
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);
      g_autoptr(PangoLayout) title = toc_title (layout, entry);
      g_autoptr(PangoLayout) page = _sc_layout_text (layout, number, SC_LAYOUT_BODY_SIZE + 0.5,
                                                     PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_RIGHT);
      double height = toc_entry_height (layout, entry, title);
      PangoRectangle ink;

      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      _sc_layout_ensure (layout, height);
      cairo_tag_begin (layout->cr, CAIRO_TAG_LINK, link);
      _sc_layout_draw_text (layout, title, layout->x + indent, layout->y, &layout->style->fg);
      _sc_layout_draw_text (layout, page, layout->x, layout->y, &layout->style->fg);
      cairo_tag_end (layout->cr, CAIRO_TAG_LINK);
      pango_layout_get_pixel_extents (title, NULL, &ink);
      set_color (layout->cr, &layout->style->grid);
      cairo_set_line_width (layout->cr, 0.6);
      cairo_move_to (layout->cr, layout->x + indent + ink.width + 6, layout->y + height - 8);
      cairo_line_to (layout->cr, layout->x + width - 24, layout->y + height - 8);
      cairo_stroke (layout->cr);
      layout->y += height;
    }
}
