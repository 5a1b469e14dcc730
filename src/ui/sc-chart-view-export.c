/* sc-chart-view-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copying a chart view as an image and saving it as PNG, SVG or PDF.
 *
 * Painters belong to the main thread, where the user may be hovering
 * them. So the chart is drawn once on the main thread into a Cairo
 * recording surface, and a worker replays that recording through
 * sc_chart_export_to_file(): the file is written off the main thread by
 * the same export code the report uses.
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

/* A painter that replays what another painter drew {{{ */

#define SC_TYPE_RECORDED_PAINTER (sc_recorded_painter_get_type ())

G_DECLARE_FINAL_TYPE (ScRecordedPainter, sc_recorded_painter, SC, RECORDED_PAINTER, GObject)

struct _ScRecordedPainter
{
  GObject          parent_instance;

  cairo_surface_t *recording;
  char            *summary;
};

static void chart_painter_iface_init (ScChartPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScRecordedPainter, sc_recorded_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_CHART_PAINTER,
                                                      chart_painter_iface_init))

static ScChartGeometry *
sc_recorded_painter_draw (ScChartPainter     *painter,
                          cairo_t            *cr,
                          double              width,
                          double              height,
                          const ScChartStyle *style)
{
  ScRecordedPainter *self = SC_RECORDED_PAINTER (painter);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->recording, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  return sc_chart_geometry_new (width, height);
}

static char *
sc_recorded_painter_dup_summary (ScChartPainter *painter)
{
  return g_strdup (SC_RECORDED_PAINTER (painter)->summary);
}

static void
chart_painter_iface_init (ScChartPainterInterface *iface)
{
  iface->draw = sc_recorded_painter_draw;
  iface->dup_summary = sc_recorded_painter_dup_summary;
}

static void
sc_recorded_painter_finalize (GObject *object)
{
  ScRecordedPainter *self = (ScRecordedPainter *) object;

  g_clear_pointer (&self->recording, cairo_surface_destroy);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sc_recorded_painter_parent_class)->finalize (object);
}

static void
sc_recorded_painter_class_init (ScRecordedPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_recorded_painter_finalize;
}

static void
sc_recorded_painter_init (ScRecordedPainter *self)
{
}

/* }}} */

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

/* Draws the chart as a file shows it: without the hover crosshair or a
 * target being dragged. */
static ScChartGeometry *
draw_clean (ScChartView        *self,
            cairo_t            *cr,
            double              width,
            double              height,
            const ScChartStyle *style)
{
  ScTrendPainter *trend = SC_IS_TREND_PAINTER (self->painter) ? SC_TREND_PAINTER (self->painter)
                                                               : NULL;
  int highlight = trend != NULL ? sc_trend_painter_get_highlight (trend) : -1;
  double preview = trend != NULL ? sc_trend_painter_get_target_preview (trend) : NAN;
  ScChartGeometry *geometry;

  if (trend != NULL)
    {
      sc_trend_painter_set_highlight (trend, -1);
      sc_trend_painter_set_target_preview (trend, NAN);
    }

  geometry = sc_chart_painter_draw (self->painter, cr, width, height, style);

  if (trend != NULL)
    {
      sc_trend_painter_set_highlight (trend, highlight);
      sc_trend_painter_set_target_preview (trend, preview);
    }

  return geometry;
}

static ScChartPainter *
record (ScChartView *self,
        double       width,
        double       height,
        double       scale)
{
  ScRecordedPainter *recorded = g_object_new (SC_TYPE_RECORDED_PAINTER, NULL);
  g_autoptr(ScChartStyle) style = sc_chart_style_copy (sc_chart_view_get_style (self));
  g_autoptr(ScChartGeometry) geometry = NULL;
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_t *cr;

  /* Strokes snap to the grid of the file's pixels, not the screen's. */
  style->scale = scale;
  recorded->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recorded->recording);
  geometry = draw_clean (self, cr, width, height, style);
  cairo_destroy (cr);
  recorded->summary = sc_chart_painter_dup_summary (self->painter);

  return SC_CHART_PAINTER (recorded);
}

typedef struct
{
  ScChartPainter    *painter;
  ScChartStyle      *style;
  ScChartFileFormat  format;
  char              *path;
  double             width;
  double             height;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->painter);
  g_clear_pointer (&job->style, sc_chart_style_free);
  g_free (job->path);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (sc_chart_export_to_file (job->painter, job->format, job->path, job->width, job->height,
                               job->style, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(ScChartStyle) style = NULL;
  g_autoptr(ScChartGeometry) geometry = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (SC_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (self->painter == NULL)
    return NULL;

  get_export_size (self, &width, &height);
  style = sc_chart_style_copy (sc_chart_view_get_style (self));
  style->scale = scale;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        ceil (width * scale), ceil (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, style->bg.red, style->bg.green, style->bg.blue, style->bg.alpha);
  cairo_paint (cr);
  geometry = draw_clean (self, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

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
 * marks. The chart is drawn now; the file is written in a worker thread.
 */
void
sc_chart_view_export_async (ScChartView         *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (SC_IS_CHART_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_chart_view_export_async);

  job = g_new0 (ExportJob, 1);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  job->path = g_file_get_path (file);
  if (job->path == NULL || !sc_chart_file_format_from_path (job->path, &job->format))
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
                               _("Cannot save “%s”: the view shows no chart"), job->path);
      return;
    }

  get_export_size (self, &job->width, &job->height);
  job->style = sc_chart_style_copy (sc_chart_view_get_style (self));
  job->painter = record (self, job->width, job->height,
                         job->format == SC_CHART_FILE_PNG ? IMAGE_SCALE : 1);
  g_task_run_in_thread (task, export_in_thread);
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
