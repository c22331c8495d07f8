/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeExportDialog — the Export window (Ctrl+E): what (the flow diagram, a chart or a slide),
 * the format (PNG, SVG, PDF), the size (16:9, 4:3, A4 landscape, custom), the PNG scale and a
 * transparent background, with a live preview drawn by the same page painter the file is
 * written with (lode-export.h). "Export…" asks for a file with GtkFileChooserNative.
 * Also the clipboard copy (Ctrl+Shift+C), which puts the same page on the clipboard as a PNG.
 */
#pragma once

#include <adwaita.h>

#include "lode-document.h"
#include "lode-export.h"

G_BEGIN_DECLS

#define LODE_TYPE_EXPORT_DIALOG (lode_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LodeExportDialog, lode_export_dialog, LODE, EXPORT_DIALOG, AdwWindow)

/* `initial_view`: "flow", "slide" or "chart:NAME" (NULL: flow). Like gtk_window_new(), the
 * new window belongs to GTK's list of toplevels: close it with gtk_window_destroy(). */
LodeExportDialog *lode_export_dialog_new            (GtkWindow        *parent,
                                                     LodeDocument     *document,
                                                     const char       *initial_view)
                                                     G_GNUC_WARN_UNUSED_RESULT;
/* Creates the dialog, modal and transient for `parent`, and shows it; returns it (owned by
 * GTK's list of toplevels), e.g. to connect to "exported". */
LodeExportDialog *lode_export_dialog_present        (GtkWindow        *parent,
                                                     LodeDocument     *document,
                                                     const char       *initial_view);

LodeExportFormat  lode_export_dialog_get_format     (LodeExportDialog *self);
/* The page size in the format's unit, and the PNG scale (1 for SVG and PDF). */
void              lode_export_dialog_get_size       (LodeExportDialog *self,
                                                     int              *out_width,
                                                     int              *out_height,
                                                     int              *out_scale);
/* Writes what the dialog shows to `path` (what the file chooser's answer does); on success
 * emits "exported" (GFile *file) and closes the dialog, on failure shows the error in the
 * dialog and returns it. The suggested file name follows the scenario, view and year
 * (lode_export_dup_file_name()); a PDF may carry sources pages (on by default). */
gboolean          lode_export_dialog_export_to_path (LodeExportDialog *self,
                                                     const char       *path,
                                                     GError          **error);

/* Puts `view` ("flow", "slide", "chart:NAME") of the document on the widget's clipboard as a
 * PNG texture of width × height pixels times the widget's scale factor. With a size (a view's
 * size on screen) it looks as on screen, with the export's footer; with 0 × 0 it is the
 * 1920 × 1080 page the export writes. Returns FALSE with an error when nothing was copied. */
gboolean          lode_export_copy_to_clipboard     (GtkWidget        *widget,
                                                     LodeDocument     *document,
                                                     const char       *view,
                                                     int               width,
                                                     int               height,
                                                     GError          **error);

G_END_DECLS
