/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeExportPreview — a page of an export, shown scaled to fit as a sheet (the export dialog's
 * preview). It paints with the export's own painter (lode_export_paint_preview()), so it shows
 * what the file will hold. It keeps the page's projections and analyses alive while it
 * shows them.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-export.h"

G_BEGIN_DECLS

#define LODE_TYPE_EXPORT_PREVIEW (lode_export_preview_get_type ())

G_DECLARE_FINAL_TYPE (LodeExportPreview, lode_export_preview, LODE, EXPORT_PREVIEW, GtkWidget)

GtkWidget *lode_export_preview_new      (void) G_GNUC_WARN_UNUSED_RESULT;
/* Shows the page `req` describes, page_width × page_height in its own units; NULL shows
 * nothing. The projections are referenced and the title copied. */
void       lode_export_preview_set_page (LodeExportPreview       *self,
                                         const LodeExportRequest *req,
                                         int                      page_width,
                                         int                      page_height);
/* The page shown, or NULL, for tests. */
const LodeExportRequest *lode_export_preview_get_page (LodeExportPreview *self);

G_END_DECLS
