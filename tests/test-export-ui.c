/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-ui"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lode-document.h"
#include "lode-export-dialog.h"
#include "lode-export-preview.h"
#include "ui-test-util.h"

typedef struct
{
  LodeDataset      *dataset;
  LodeDocument     *document;
  LodeExportDialog *dialog;
  char             *dir;
} Fixture;

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->dialog),
                                                   LODE_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static void
open_dialog (Fixture    *f,
             const char *view)
{
  f->dialog = lode_export_dialog_new (NULL, f->document, view);
  g_object_ref (f->dialog);   /* GTK owns the window; this ref lets us check it is freed */
  gtk_window_present (GTK_WINDOW (f->dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->dialog));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);
  f->document = lode_document_new (f->dataset);
  g_assert_true (lode_document_new_from_preset (f->document, "baseline", &error));
  g_assert_no_error (error);
  lode_document_set_selected_year (f->document, 2030);

  open_dialog (f, data);

  f->dir = g_dir_make_tmp ("lode-export-ui-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);

  ui_test_finish_window (f->dialog);
  g_assert_finalize_object (f->document);
  lode_dataset_unref (f->dataset);
}

static void
test_initial_view (Fixture       *f,
                   gconstpointer  data)
{
  AdwComboRow *view_row = child (f, "view_row");
  GListModel *views = adw_combo_row_get_model (view_row);

  /* Flow, every chart, slide, the difference view. */
  g_assert_cmpuint (g_list_model_get_n_items (views), ==, LODE_N_CHARTS + 3);
  g_assert_cmpuint (adw_combo_row_get_selected (view_row), ==, 1 + LODE_CHART_PRICE);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (views), 1 + LODE_CHART_PRICE),
                   ==, lode_chart_kind_title (LODE_CHART_PRICE));
  g_assert_cmpint (lode_export_dialog_get_format (f->dialog), ==, LODE_EXPORT_FORMAT_PNG);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->dialog)));

  /* The template's preview shows that page of the document, and follows the settings. */
  {
    LodeExportPreview *preview = child (f, "preview");
    const LodeExportRequest *page = lode_export_preview_get_page (preview);
    g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (preview));
    int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
    g_autofree guint8 *pixels = g_malloc (width * height * 4);
    guint painted = 0;

    g_assert_nonnull (page);
    g_assert_cmpint (page->view, ==, LODE_EXPORT_VIEW_CHART);
    g_assert_cmpint (page->chart, ==, LODE_CHART_PRICE);
    g_assert_cmpint (page->year, ==, 2030);
    g_assert_true (page->projection == lode_document_get_projection (f->document));
    gdk_texture_download (texture, pixels, width * 4);
    for (int i = 0; i < width * height; i++)
      painted += pixels[4 * i + 3] != 0 ? 1 : 0;
    g_assert_cmpuint (painted, >, (guint) (width * height / 4));

    adw_combo_row_set_selected (view_row, 0);
    g_assert_cmpint (lode_export_preview_get_page (preview)->view, ==, LODE_EXPORT_VIEW_FLOW);
  }
}

static void
test_format_sensitivity (Fixture       *f,
                         gconstpointer  data)
{
  AdwComboRow *format_row = child (f, "format_row");
  AdwComboRow *size_row = child (f, "size_row");
  GtkWidget *scale_row = child (f, "scale_row");
  GtkWidget *transparent_row = child (f, "transparent_row");
  GtkWidget *width_row = child (f, "width_row");
  GtkLabel *size_label = child (f, "size_label");
  int w, h, scale;

  adw_combo_row_set_selected (format_row, LODE_EXPORT_FORMAT_PNG);
  g_assert_true (gtk_widget_get_sensitive (scale_row));
  g_assert_true (gtk_widget_get_sensitive (transparent_row));

  adw_combo_row_set_selected (format_row, LODE_EXPORT_FORMAT_SVG);
  g_assert_cmpint (lode_export_dialog_get_format (f->dialog), ==, LODE_EXPORT_FORMAT_SVG);
  g_assert_false (gtk_widget_get_sensitive (scale_row));
  g_assert_false (gtk_widget_get_sensitive (transparent_row));

  adw_combo_row_set_selected (format_row, LODE_EXPORT_FORMAT_PDF);
  g_assert_false (gtk_widget_get_sensitive (scale_row));
  g_assert_false (gtk_widget_get_sensitive (transparent_row));

  /* A4 is in points for PDF, in 150 dpi pixels for PNG. */
  adw_combo_row_set_selected (size_row, LODE_EXPORT_SIZE_A4_LANDSCAPE);
  lode_export_dialog_get_size (f->dialog, &w, &h, &scale);
  g_assert_cmpint (w, ==, 842);
  g_assert_cmpint (h, ==, 595);
  g_assert_cmpint (scale, ==, 1);
  g_assert_false (gtk_widget_get_sensitive (width_row));

  adw_combo_row_set_selected (format_row, LODE_EXPORT_FORMAT_PNG);
  adw_combo_row_set_selected (child (f, "scale_row"), 1);
  lode_export_dialog_get_size (f->dialog, &w, &h, &scale);
  g_assert_cmpint (w, ==, 1754);
  g_assert_cmpint (h, ==, 1240);
  g_assert_cmpint (scale, ==, 2);
  g_assert_true (gtk_widget_get_sensitive (scale_row));
  g_assert_nonnull (strstr (gtk_label_get_text (size_label), "3508"));

  adw_combo_row_set_selected (size_row, LODE_EXPORT_SIZE_CUSTOM);
  g_assert_true (gtk_widget_get_sensitive (width_row));
  gtk_spin_button_set_value (child (f, "width_spin"), 800);
  gtk_spin_button_set_value (child (f, "height_spin"), 500);
  lode_export_dialog_get_size (f->dialog, &w, &h, &scale);
  g_assert_cmpint (w, ==, 800);
  g_assert_cmpint (h, ==, 500);
}

static void
exported_cb (LodeExportDialog  *dialog,
             GFile             *file,
             GFile            **out_file)
{
  g_set_object (out_file, file);
}

/* Exports in `format`; the dialog says so with "exported" and closes, and the next export
 * opens a new one on the same view. */
static void
export_and_check (Fixture          *f,
                  LodeExportFormat  format,
                  const char       *magic)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("out.%s", lode_export_format_extension (format));
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GFile) expected = g_file_new_for_path (path);
  gsize length;

  adw_combo_row_set_selected (child (f, "format_row"), format);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->dialog));
  g_signal_connect (f->dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_assert_true (lode_export_dialog_export_to_path (f->dialog, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_nonnull (g_strstr_len (contents, 64, magic));

  /* Success closes the dialog and tells its owner which file was written. */
  g_assert_nonnull (exported);
  g_assert_true (g_file_equal (exported, expected));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
  ui_test_finish_window (f->dialog);
  open_dialog (f, "slide");
}

static void
test_export_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "out.png", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "out.png", NULL);
  cairo_surface_t *surface;

  /* A custom 2× PNG with a transparent background. */
  adw_combo_row_set_selected (child (f, "size_row"), LODE_EXPORT_SIZE_CUSTOM);
  gtk_spin_button_set_value (child (f, "width_spin"), 640);
  gtk_spin_button_set_value (child (f, "height_spin"), 400);
  adw_combo_row_set_selected (child (f, "scale_row"), 1);
  gtk_switch_set_active (child (f, "transparent_switch"), TRUE);
  export_and_check (f, LODE_EXPORT_FORMAT_PNG, "PNG");
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 800);
  cairo_surface_flush (surface);
  g_assert_cmpuint (cairo_image_surface_get_data (surface)[3], ==, 0);   /* clear corner */
  cairo_surface_destroy (surface);

  export_and_check (f, LODE_EXPORT_FORMAT_SVG, "<svg");
  export_and_check (f, LODE_EXPORT_FORMAT_PDF, "%PDF");

  /* A failure is shown in the dialog and returned. */
  g_assert_false (lode_export_dialog_export_to_path (f->dialog, bad, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_IO);
  g_assert_true (gtk_widget_get_visible (child (f, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (child (f, "error_label")), "out.png"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_clipboard (Fixture       *f,
                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->dialog));
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  g_assert_true (lode_export_copy_to_clipboard (GTK_WIDGET (f->dialog), f->document, "slide",
                                               800, 450, &error));
  g_assert_no_error (error);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    GDK_TYPE_TEXTURE));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  texture = g_value_get_object (&value);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 450);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/lode/export-ui/initial-view", Fixture, "chart:price", fixture_set_up,
              test_initial_view, fixture_tear_down);
  g_test_add ("/lode/export-ui/format-sensitivity", Fixture, "flow", fixture_set_up,
              test_format_sensitivity, fixture_tear_down);
  g_test_add ("/lode/export-ui/export-files", Fixture, "slide", fixture_set_up,
              test_export_files, fixture_tear_down);
  g_test_add ("/lode/export-ui/clipboard", Fixture, "flow", fixture_set_up, test_clipboard,
              fixture_tear_down);

  return g_test_run ();
}
