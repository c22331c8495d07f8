/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-export-dialog.c — the Export window with its live preview, and Copy Image. */

#define G_LOG_DOMAIN "lode-export-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-analyses.h"
#include "lode-chart-layout.h"
#include "lode-export-dialog.h"
#include "lode-export-preview.h"

/* Rows of the "Show" list: the flow diagram, every chart, then the slide. */
#define VIEW_ROW_FLOW      0
#define VIEW_ROW_SLIDE     (LODE_N_CHARTS + 1)
#define VIEW_ROW_FLOW_DIFF (LODE_N_CHARTS + 2)

struct _LodeExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *export_button;
  LodeExportPreview    *preview;
  GtkLabel             *size_label;
  GtkLabel             *error_label;
  AdwComboRow          *view_row;
  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *scale_row;
  AdwActionRow         *transparent_row;
  GtkSwitch            *transparent_switch;
  AdwActionRow         *sources_page_row;
  GtkSwitch            *sources_page_switch;

  /* Owned */
  LodeDocument         *document;
  LodeAnalyses         *analyses;     /* the document's, when a window keeps them */
  GtkFileChooserNative *chooser;
  gboolean              made_tornado; /* the dialog asked the analyses for the tornado */
};

G_DEFINE_FINAL_TYPE (LodeExportDialog, lode_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* Fills a request from the document: its projections, title, year, target and price floor. */
static gboolean
request_from_document (LodeDocument       *document,
                       LodeExportView      view,
                       LodeChartKind       chart,
                       LodeExportRequest  *req)
{
  LodeProjection *projection = lode_document_get_projection (document);
  LodeAnalyses *analyses = lode_analyses_from_document (document);

  if (projection == NULL)
    return FALSE;

  lode_export_request_init (req, projection, lode_document_get_baseline (document),
                            lode_document_get_title (document));
  lode_export_request_apply_scenario (req, lode_document_get_scenario (document));
  req->title = lode_document_get_title (document);
  req->year = CLAMP (lode_document_get_selected_year (document),
                     projection->base_year, projection->horizon);
  req->target_share = lode_document_get_target_share (document);
  req->view = view;
  if (view == LODE_EXPORT_VIEW_CHART)
    req->chart = chart;
  /* The analyses the window keeps for the document: the tornado, the marginal values, the
   * bands (each NULL until made, or when not wanted). */
  if (analyses != NULL)
    {
      req->sensitivity = lode_analyses_get_sensitivity (analyses);
      req->marginal = lode_analyses_get_marginal (analyses);
      req->bands = lode_analyses_get_bands (analyses);
    }
  return TRUE;
}

static void
view_from_row (guint           row,
               LodeExportView *out_view,
               LodeChartKind  *out_chart)
{
  *out_chart = LODE_CHART_CHINA_FREE;
  if (row == VIEW_ROW_FLOW)
    *out_view = LODE_EXPORT_VIEW_FLOW;
  else if (row == VIEW_ROW_FLOW_DIFF)
    *out_view = LODE_EXPORT_VIEW_FLOW_DIFF;
  else if (row >= VIEW_ROW_SLIDE)
    *out_view = LODE_EXPORT_VIEW_SLIDE;
  else
    {
      *out_view = LODE_EXPORT_VIEW_CHART;
      *out_chart = (LodeChartKind) (row - 1);
    }
}

static guint
row_from_view (LodeExportView view,
               LodeChartKind  chart)
{
  switch (view)
    {
    case LODE_EXPORT_VIEW_SLIDE:
      return VIEW_ROW_SLIDE;
    case LODE_EXPORT_VIEW_FLOW_DIFF:
      return VIEW_ROW_FLOW_DIFF;
    case LODE_EXPORT_VIEW_CHART:
      return (guint) chart + 1;
    case LODE_EXPORT_VIEW_FLOW:
    default:
      return VIEW_ROW_FLOW;
    }
}

static gboolean
build_request (LodeExportDialog  *self,
               LodeExportRequest *req)
{
  LodeExportView view;
  LodeChartKind chart;

  view_from_row (adw_combo_row_get_selected (self->view_row), &view, &chart);
  if (!request_from_document (self->document, view, chart, req))
    return FALSE;
  req->transparent = lode_export_dialog_get_format (self) == LODE_EXPORT_FORMAT_PNG
                     && gtk_switch_get_active (self->transparent_switch);
  req->sources_page = lode_export_dialog_get_format (self) == LODE_EXPORT_FORMAT_PDF
                      && gtk_switch_get_active (self->sources_page_switch);
  /* The preview's footer says where the sources are, as the file's will. */
  if (req->sources_page)
    req->sources_listed = LODE_SOURCES_LISTED_ON_PAGE;
  return TRUE;
}

static void
show_error (LodeExportDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The file name follows the scenario, the view and, for the diagram and a slide, the year. */
static char *
suggested_name (LodeExportDialog *self)
{
  LodeExportRequest req;

  if (!build_request (self, &req))
    return g_strdup_printf ("%s.%s", _("Lodestone export"),
                            lode_export_format_extension (lode_export_dialog_get_format (self)));
  return lode_export_dup_file_name (&req, lode_export_dialog_get_format (self));
}

/* The page the settings describe, in the preview. */
static void
update_preview (LodeExportDialog *self)
{
  LodeExportRequest req;
  int width, height, scale;

  if (self->document == NULL || !build_request (self, &req))
    {
      lode_export_preview_set_page (self->preview, NULL, 0, 0);
      return;
    }
  lode_export_dialog_get_size (self, &width, &height, &scale);
  lode_export_preview_set_page (self->preview, &req, width, height);
}

/* The tornado is made while its chart shows in the window; the dialog asks for it while it
 * is chosen here, and gives it back. */
static void
want_tornado (LodeExportDialog *self,
              gboolean          want)
{
  if (self->analyses == NULL)
    return;
  if (want && !lode_analyses_get_sensitivity_enabled (self->analyses))
    {
      lode_analyses_set_sensitivity_enabled (self->analyses, TRUE);
      self->made_tornado = TRUE;
    }
  else if (!want && self->made_tornado)
    {
      lode_analyses_set_sensitivity_enabled (self->analyses, FALSE);
      self->made_tornado = FALSE;
    }
}

static void
update_rows (LodeExportDialog *self)
{
  LodeExportFormat format = lode_export_dialog_get_format (self);
  guint size = adw_combo_row_get_selected (self->size_row);
  gboolean custom = size == LODE_EXPORT_SIZE_CUSTOM;
  gboolean png = format == LODE_EXPORT_FORMAT_PNG;
  int width, height, scale;
  g_autofree char *text = NULL;
  LodeExportView view;
  LodeChartKind chart;

  view_from_row (adw_combo_row_get_selected (self->view_row), &view, &chart);
  want_tornado (self, view == LODE_EXPORT_VIEW_CHART && chart == LODE_CHART_TORNADO);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), png);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sources_page_row),
                            format == LODE_EXPORT_FORMAT_PDF);

  if (!custom)
    {
      /* Show the preset's size in the spin buttons: a starting point for Custom. */
      lode_export_size_get (size, format, &width, &height);
      gtk_spin_button_set_value (self->width_spin, width);
      gtk_spin_button_set_value (self->height_spin, height);
    }

  lode_export_dialog_get_size (self, &width, &height, &scale);
  if (png)
    /* Translators: the exported image's size in pixels. */
    text = g_strdup_printf (_("%d × %d pixels"), width * scale, height * scale);
  else if (format == LODE_EXPORT_FORMAT_PDF)
    /* Translators: the PDF page size in points (1/72 inch). */
    text = g_strdup_printf (_("%d × %d pt page"), width, height);
  else
    text = g_strdup_printf (_("%d × %d drawing"), width, height);
  gtk_label_set_text (self->size_label, text);

  show_error (self, NULL);
  update_preview (self);
}

/* Callbacks */

static void
settings_changed_cb (LodeExportDialog *self)
{
  update_rows (self);
}

static void
document_changed_cb (LodeExportDialog *self)
{
  update_preview (self);
}

static void
chooser_response_cb (LodeExportDialog     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LodeExportFormat format = lode_export_dialog_get_format (self);
  LodeExportFormat named;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error (self, _("Choose a file on this computer: exports are written locally"));
      goto out;
    }

  /* The format is the one chosen in the dialog; give the name its extension. */
  if (!lode_export_format_from_path (path, &named) || named != format)
    {
      char *with_ext = g_strdup_printf ("%s.%s", path, lode_export_format_extension (format));

      g_free (path);
      path = with_ext;
    }
  lode_export_dialog_export_to_path (self, path, &error);

out:
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
export_clicked_cb (LodeExportDialog *self)
{
  LodeExportFormat format = lode_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  g_autofree char *pattern = g_strdup_printf ("*.%s", lode_export_format_extension (format));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, format == LODE_EXPORT_FORMAT_PNG ? _("PNG images")
                                    : format == LODE_EXPORT_FORMAT_SVG ? _("SVG drawings")
                                                                       : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, lode_export_format_mime_type (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Virtual functions */

static void
lode_export_dialog_dispose (GObject *object)
{
  LodeExportDialog *self = LODE_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  want_tornado (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->analyses);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (lode_export_dialog_parent_class)->dispose (object);
}

static void
lode_export_dialog_class_init (LodeExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_export_dialog_dispose;

  /* "exported" (GFile *file): a file was written; the dialog closes after it. */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (LODE_TYPE_EXPORT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodestone/Lodestone/ui/"
                                               "lode-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, sources_page_row);
  gtk_widget_class_bind_template_child (widget_class, LodeExportDialog, sources_page_switch);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, settings_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lode_export_dialog_init (LodeExportDialog *self)
{
  g_autoptr(GtkStringList) views = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (views, _("Flow diagram"));
  for (int k = 0; k < LODE_N_CHARTS; k++)
    gtk_string_list_append (views, lode_chart_kind_title (k));
  /* Translators: an export that puts the title, the diagram, a chart and the headline cards
   * on one page. */
  gtk_string_list_append (views, _("Slide"));
  gtk_string_list_append (views, _("What changed (against the baseline)"));
  adw_combo_row_set_model (self->view_row, G_LIST_MODEL (views));
}

/* Public API */

LodeExportDialog *
lode_export_dialog_new (GtkWindow    *parent,
                        LodeDocument *document,
                        const char   *initial_view)
{
  LodeExportDialog *self;
  LodeExportView view = LODE_EXPORT_VIEW_FLOW;
  LodeChartKind chart = LODE_CHART_CHINA_FREE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LODE_IS_DOCUMENT (document), NULL);

  self = g_object_new (LODE_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);

  if (initial_view != NULL && !lode_export_parse_view (initial_view, &view, &chart, NULL))
    g_debug ("Unknown initial view “%s”; showing the flow diagram", initial_view);
  adw_combo_row_set_selected (self->view_row, row_from_view (view, chart));

  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "scenario-replaced", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::selected-year", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The tornado, marginal values and bands come from the background. */
  self->analyses = lode_analyses_from_document (document);
  if (self->analyses != NULL)
    {
      g_object_ref (self->analyses);
      g_signal_connect_object (self->analyses, "updated", G_CALLBACK (document_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update_rows (self);
  return self;
}

LodeExportDialog *
lode_export_dialog_present (GtkWindow    *parent,
                            LodeDocument *document,
                            const char   *initial_view)
{
  LodeExportDialog *self = lode_export_dialog_new (parent, document, initial_view);

  g_return_val_if_fail (self != NULL, NULL);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

LodeExportFormat
lode_export_dialog_get_format (LodeExportDialog *self)
{
  guint row;

  g_return_val_if_fail (LODE_IS_EXPORT_DIALOG (self), LODE_EXPORT_FORMAT_PNG);

  row = adw_combo_row_get_selected (self->format_row);
  return row < LODE_EXPORT_N_FORMATS ? (LodeExportFormat) row : LODE_EXPORT_FORMAT_PNG;
}

void
lode_export_dialog_get_size (LodeExportDialog *self,
                             int              *out_width,
                             int              *out_height,
                             int              *out_scale)
{
  LodeExportFormat format;
  guint size;
  int width, height, scale = 1;

  g_return_if_fail (LODE_IS_EXPORT_DIALOG (self));

  format = lode_export_dialog_get_format (self);
  size = adw_combo_row_get_selected (self->size_row);
  if (size == LODE_EXPORT_SIZE_CUSTOM)
    {
      width = gtk_spin_button_get_value_as_int (self->width_spin);
      height = gtk_spin_button_get_value_as_int (self->height_spin);
    }
  else
    lode_export_size_get (size, format, &width, &height);
  if (format == LODE_EXPORT_FORMAT_PNG)
    scale = (int) MIN (adw_combo_row_get_selected (self->scale_row), 2) + 1;

  if (out_width != NULL)
    *out_width = width;
  if (out_height != NULL)
    *out_height = height;
  if (out_scale != NULL)
    *out_scale = scale;
}

gboolean
lode_export_dialog_export_to_path (LodeExportDialog  *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  LodeExportRequest req;
  int width, height, scale;

  g_return_val_if_fail (LODE_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  show_error (self, NULL);
  if (!build_request (self, &req))
    {
      g_set_error (&local_error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_RENDER,
                   _("The scenario has no projection to export"));
    }
  else
    {
      lode_export_dialog_get_size (self, &width, &height, &scale);
      lode_export_to_file (&req, lode_export_dialog_get_format (self), width, height, scale,
                           path, &local_error);
    }

  if (local_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not export: %s"),
                                               local_error->message);

      show_error (self, text);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Done: whoever opened the dialog says so (lode-window-actions.c shows a toast that opens
   * the folder), and the dialog closes. */
  file = g_file_new_for_path (path);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

gboolean
lode_export_copy_to_clipboard (GtkWidget     *widget,
                               LodeDocument  *document,
                               const char    *view,
                               int            width,
                               int            height,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  LodeExportView export_view = LODE_EXPORT_VIEW_FLOW;
  LodeChartKind chart = LODE_CHART_CHINA_FREE;
  LodeExportRequest req;
  gboolean explicit_size;
  int scale;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (LODE_IS_DOCUMENT (document), FALSE);

  if (view != NULL && !lode_export_parse_view (view, &export_view, &chart, error))
    return FALSE;
  explicit_size = width > 0 && height > 0;
  if (!explicit_size)
    lode_export_size_get (LODE_EXPORT_SIZE_WIDESCREEN, LODE_EXPORT_FORMAT_PNG, &width, &height);
  if (!request_from_document (document, export_view, chart, &req))
    {
      g_set_error_literal (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_RENDER,
                           _("There is no projection to copy yet"));
      return FALSE;
    }

  /* A copy at the size of a view on screen looks as it does there: the screen's type size
   * (or larger), where a page scaled down from 1920 × 1080 would shrink it. */
  if (explicit_size)
    req.screen_font_scale = MAX (1.0, lode_export_font_scale (width, height));
  scale = CLAMP (gtk_widget_get_scale_factor (widget), 1, LODE_EXPORT_MAX_SCALE);
  bytes = lode_export_to_bytes (&req, LODE_EXPORT_FORMAT_PNG, width, height, scale, error);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, error);
  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  return TRUE;
}
