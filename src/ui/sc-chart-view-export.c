/* sc-chart-view-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copying a chart view as an image and saving it as PNG, SVG or PDF.
 *
 * Painters belong to the main thread, where the user may be hovering
 * them. So the file's contents are drawn there, in memory, by the same
 * export code the report uses (sc_chart_export_to_bytes()), and GIO
 * writes them out without blocking the window.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sc-chart-export.h"
#include "sc-chart-view-private.h"
#include "sc-error.h"
#include "sc-trend-painter.h"

/* The resolution of PNG files and of copied images. */
#define IMAGE_SCALE 2.0

/* Drawing for files {{{ */

static void
get_export_size (ScChartView *self,
                 double      *width,
                 double      *height)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  *width = w > 0 && h > 0 ? w : SC_CHART_VIEW_NATURAL_WIDTH;
  *height = w > 0 && h > 0 ? h : SC_CHART_VIEW_NATURAL_HEIGHT;
}

typedef struct
{
  int    highlight;
  double preview;
} Marks;

/* Takes the hover crosshair and a target being dragged off the painter,
 * so that files and copies show the chart as it is. */
static void
suspend_marks (ScChartView *self,
               Marks       *marks)
{
  ScTrendPainter *trend;

  if (!SC_IS_TREND_PAINTER (self->painter))
    return;

  trend = SC_TREND_PAINTER (self->painter);
  marks->highlight = sc_trend_painter_get_highlight (trend);
  marks->preview = sc_trend_painter_get_target_preview (trend);
  sc_trend_painter_set_highlight (trend, -1);
  sc_trend_painter_set_target_preview (trend, NAN);
}

static void
restore_marks (ScChartView *self,
               const Marks *marks)
{
  ScTrendPainter *trend;

  if (!SC_IS_TREND_PAINTER (self->painter))
    return;

  trend = SC_TREND_PAINTER (self->painter);
  sc_trend_painter_set_highlight (trend, marks->highlight);
  sc_trend_painter_set_target_preview (trend, marks->preview);
}

static void
contents_replaced_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_task_return_boolean (task, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (object));

      g_task_return_new_error (task, SC_ERROR, SC_ERROR_FAILED,
                               _("Could not save the chart to “%s”: %s"), name, error->message);
    }
}

/* }}} */

/* Save As {{{ */

static const struct
{
  const char        *name;
  const char        *mime_type;
  const char        *extension;
  ScChartFileFormat  format;
} file_types[] = {
  { N_("PNG Image"), "image/png", ".png", SC_CHART_FILE_PNG },
  { N_("SVG Image"), "image/svg+xml", ".svg", SC_CHART_FILE_SVG },
  { N_("PDF Document"), "application/pdf", ".pdf", SC_CHART_FILE_PDF },
};

static void
report_error (ScChartView  *self,
              const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Save the Chart"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ScChartView *self = SC_CHART_VIEW (object);
  g_autoptr(GError) error = NULL;

  if (!sc_chart_view_export_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report_error (self, error);
}

/* The chosen file, given the extension of the chosen type if its name
 * has none the export understands. */
static GFile *
dup_chosen_file (GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  ScChartFileFormat format;
  g_autofree char *with_extension = NULL;

  if (path == NULL || sc_chart_file_format_from_path (path, &format))
    return g_steal_pointer (&file);

  for (guint i = 0; i < G_N_ELEMENTS (file_types); i++)
    if (filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), _(file_types[i].name)) == 0)
      with_extension = g_strconcat (path, file_types[i].extension, NULL);

  return g_file_new_for_path (with_extension != NULL ? with_extension : path);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  ScChartView     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = dup_chosen_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    sc_chart_view_export_async (self, file, NULL, saved_cb, NULL);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
dup_file_name (ScChartView *self)
{
  g_autofree char *name = _sc_chart_view_dup_name (self);

  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (name, ".png", NULL);
}

/**
 * _sc_chart_view_save_as:
 * @self: a #ScChartView
 *
 * Asks for a file and saves the chart there as PNG (at twice the size on
 * screen), SVG or PDF, by the file's extension.
 */
void
_sc_chart_view_save_as (ScChartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autofree char *file_name = dup_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (file_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(file_types[i].name));
      gtk_file_filter_add_mime_type (filter, file_types[i].mime_type);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* }}} */

/* Copy {{{ */

/**
 * _sc_chart_view_copy:
 * @self: a #ScChartView
 *
 * Puts the chart on the clipboard as an image at twice its size on screen.
 */
void
_sc_chart_view_copy (ScChartView *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->painter == NULL)
    return;

  texture = sc_chart_view_render_texture (self, IMAGE_SCALE);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
}

/* }}} */

/* Public API {{{ */

/**
 * sc_chart_view_render_texture:
 * @self: a #ScChartView
 * @scale: pixels per logical pixel, e.g. 2 for a sharp copy
 *
 * Draws the chart at its size on screen (or its natural size when it is
 * not shown) times @scale, on its background, without hover marks.
 *
 * Returns: (transfer full) (nullable): the image, or %NULL without a painter
 */
GdkTexture *
sc_chart_view_render_texture (ScChartView *self,
                              double       scale)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  double width, height;
  Marks marks;

  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (self->painter == NULL)
    return NULL;

  get_export_size (self, &width, &height);
  suspend_marks (self, &marks);
  surface = sc_chart_render_image (self->painter, width, height, scale,
                                   sc_chart_view_get_style (self), NULL);
  restore_marks (self, &marks);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_height (surface) *
                                      cairo_image_surface_get_stride (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                 cairo_image_surface_get_height (surface),
                                 GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

/**
 * sc_chart_view_export_async:
 * @self: a #ScChartView
 * @file: a local file whose name ends in .png, .svg or .pdf
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Saves the chart at its size on screen: PNG at twice that resolution,
 * SVG or PDF as vectors, all on the theme's background and without hover
 * marks. The chart is drawn now; the file is written asynchronously.
 */
void
sc_chart_view_export_async (ScChartView         *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ScChartFileFormat format;
  double width, height;
  Marks marks;

  g_return_if_fail (SC_IS_CHART_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_chart_view_export_async);

  path = g_file_get_path (file);
  if (path == NULL || !sc_chart_file_format_from_path (path, &format))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, SC_ERROR, SC_ERROR_INVALID,
                               _("Cannot save the chart as “%s”: choose a local file "
                                 "ending in .png, .svg or .pdf"), name);
      return;
    }
  if (self->painter == NULL)
    {
      g_task_return_new_error (task, SC_ERROR, SC_ERROR_INVALID,
                               _("Cannot save “%s”: the view shows no chart"), path);
      return;
    }

  get_export_size (self, &width, &height);
  suspend_marks (self, &marks);
  bytes = sc_chart_export_to_bytes (self->painter, format, width, height,
                                    sc_chart_view_get_style (self), &error);
  restore_marks (self, &marks);
  if (bytes == NULL)
    {
      g_prefix_error (&error, _("Cannot save “%s”: "), path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, contents_replaced_cb, g_steal_pointer (&task));
}

/**
 * sc_chart_view_export_finish:
 * @self: a #ScChartView
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
sc_chart_view_export_finish (ScChartView   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SC_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
