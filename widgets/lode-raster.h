/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A widget's Cairo painting rasterised once into an image of its own, at the widget's scale,
 * and shown by a render node. GTK 4.8 records what is drawn into a node from
 * gtk_snapshot_append_cairo() and replays every operation whenever the node is drawn, onto the
 * window's surface (on X11 through the X server); an image is painted by Cairo's image
 * backend and the drawing library's own fills (lode-span-fill.c), and once drawn it is
 * composited, which is all a frame that only damages it again costs.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*LodeRasterPaint) (cairo_t *cr,
                                 gpointer user_data);

GskRenderNode *lode_raster_paint_node (GtkWidget       *widget,
                                       int              width,
                                       int              height,
                                       LodeRasterPaint  paint,
                                       gpointer         user_data);

/* Drops `*node` (the widget's kept raster, or NULL) and redraws when the widget's scale
 * factor changes: the image was rasterised at the old scale. `node` lives in the widget. */
void           lode_raster_forget_on_scale (GtkWidget      *widget,
                                            GskRenderNode **node);

G_END_DECLS
