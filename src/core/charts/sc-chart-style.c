/* sc-chart-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-chart-style.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (ScChartStyle, sc_chart_style, sc_chart_style_copy, sc_chart_style_free)

/* Okabe–Ito hues (safe for the common colour-vision deficiencies), nudged
 * towards the libadwaita palette. The accent (blue) is series 0, so the
 * palette starts with the hue that contrasts most with it.
 */
static const char * const light_palette[SC_CHART_PALETTE_SIZE] = {
  "#e66100", "#009e73", "#cc79a7", "#56b4e9",
  "#d55e00", "#9141ac", "#b58a00", "#5e5c64",
};

static const char * const dark_palette[SC_CHART_PALETTE_SIZE] = {
  "#ffa348", "#33d17a", "#f08fc0", "#99c1f1",
  "#ff7b63", "#c061cb", "#f8e45c", "#c0bfbc",
};

static void
set_rgba (ScChartRgba *rgba,
          double       red,
          double       green,
          double       blue,
          double       alpha)
{
  rgba->red = red;
  rgba->green = green;
  rgba->blue = blue;
  rgba->alpha = alpha;
}

static void
fill_light (ScChartStyle *self)
{
  set_rgba (&self->fg, 0, 0, 0, 0.8);
  set_rgba (&self->dim_fg, 0, 0, 0, 0.55);
  set_rgba (&self->grid, 0, 0, 0, 0.1);
  sc_chart_rgba_parse (&self->bg, "#ffffff");
  sc_chart_rgba_parse (&self->accent, "#3584e4");
  sc_chart_rgba_parse (&self->success, "#26a269");
  sc_chart_rgba_parse (&self->warning, "#cd9309");
  sc_chart_rgba_parse (&self->error, "#c01c28");

  for (guint i = 0; i < SC_CHART_PALETTE_SIZE; i++)
    sc_chart_rgba_parse (&self->palette[i], light_palette[i]);
}

static void
fill_dark (ScChartStyle *self)
{
  set_rgba (&self->fg, 1, 1, 1, 1);
  set_rgba (&self->dim_fg, 1, 1, 1, 0.55);
  set_rgba (&self->grid, 1, 1, 1, 0.1);
  sc_chart_rgba_parse (&self->bg, "#1e1e1e");
  sc_chart_rgba_parse (&self->accent, "#78aeed");
  sc_chart_rgba_parse (&self->success, "#8ff0a4");
  sc_chart_rgba_parse (&self->warning, "#f8e45c");
  sc_chart_rgba_parse (&self->error, "#ff7b63");

  for (guint i = 0; i < SC_CHART_PALETTE_SIZE; i++)
    sc_chart_rgba_parse (&self->palette[i], dark_palette[i]);
}

/**
 * sc_chart_style_new:
 * @dark: %TRUE for the dark variant
 *
 * Creates a style with the libadwaita default colours (light or dark),
 * the Cantarell font at 9 points and a scale of 1.
 *
 * Returns: (transfer full): a new #ScChartStyle
 */
ScChartStyle *
sc_chart_style_new (gboolean dark)
{
  ScChartStyle *self = g_new0 (ScChartStyle, 1);

  self->dark = !!dark;
  if (dark)
    fill_dark (self);
  else
    fill_light (self);

  self->font = pango_font_description_from_string ("Cantarell 9");
  self->scale = 1.0;

  return self;
}

/**
 * sc_chart_style_copy:
 * @self: a #ScChartStyle
 *
 * Returns: (transfer full): a deep copy of @self
 */
ScChartStyle *
sc_chart_style_copy (const ScChartStyle *self)
{
  ScChartStyle *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->font = self->font ? pango_font_description_copy (self->font) : NULL;

  return copy;
}

/**
 * sc_chart_style_free:
 * @self: (nullable): a #ScChartStyle
 *
 * Frees @self and its font description.
 */
void
sc_chart_style_free (ScChartStyle *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self);
}

/**
 * sc_chart_style_get_series_color:
 * @self: a #ScChartStyle
 * @index: the series index, from 0
 *
 * Series 0 takes the accent colour; the others cycle through the palette.
 *
 * Returns: (transfer none): the colour of series @index
 */
const ScChartRgba *
sc_chart_style_get_series_color (const ScChartStyle *self,
                                 guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index == 0)
    return &self->accent;

  return &self->palette[(index - 1) % SC_CHART_PALETTE_SIZE];
}

/**
 * sc_chart_style_set_font:
 * @self: a #ScChartStyle
 * @font: the label font
 *
 * Replaces the label font with a copy of @font.
 */
void
sc_chart_style_set_font (ScChartStyle               *self,
                         const PangoFontDescription *font)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (font != NULL);

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
}

/**
 * sc_chart_rgba_parse:
 * @rgba: (out caller-allocates): the colour to fill
 * @hex: a colour as `#rrggbb` or `#rrggbbaa`
 *
 * Parses a hexadecimal colour. A malformed string is a programming error:
 * it is reported with g_critical() and gives opaque magenta.
 */
void
sc_chart_rgba_parse (ScChartRgba *rgba,
                     const char  *hex)
{
  guint64 v;
  gsize len;
  char *end = NULL;

  g_return_if_fail (rgba != NULL);
  g_return_if_fail (hex != NULL);

  len = strlen (hex);
  v = (len == 7 || len == 9) && hex[0] == '#' ? g_ascii_strtoull (hex + 1, &end, 16) : 0;
  if (end == NULL || *end != '\0')
    {
      g_critical ("Invalid colour \"%s\": expected #rrggbb or #rrggbbaa", hex);
      set_rgba (rgba, 1, 0, 1, 1);
      return;
    }

  if (len == 7)
    v = (v << 8) | 0xff;

  set_rgba (rgba,
            ((v >> 24) & 0xff) / 255.0,
            ((v >> 16) & 0xff) / 255.0,
            ((v >> 8) & 0xff) / 255.0,
            (v & 0xff) / 255.0);
}
