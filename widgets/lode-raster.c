/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-raster.c — a widget's painting rasterised into an image and shown by a render node. */
#define G_LOG_DOMAIN "lode-raster"

#include "config.h"

#include "lode-raster.h"

/* Paints `width` × `height` (in the widget's units) with `paint` into an image at the widget's
 * scale factor and returns a node that draws it at (0, 0). The node's recording holds the
 * image; Cairo's X11 backend keeps the copy it uploads with it, so drawing the node again
 * uploads nothing. */
GskRenderNode *
lode_raster_paint_node (GtkWidget       *widget,
                        int              width,
                        int              height,
                        LodeRasterPaint  paint,
                        gpointer         user_data)
{
  int scale = MAX (1, gtk_widget_get_scale_factor (widget));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  cairo_surface_t *image;
  cairo_t *cr;

  g_return_val_if_fail (width > 0 && height > 0, NULL);

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  paint (cr, user_data);
  cairo_destroy (cr);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
scale_factor_cb (GtkWidget  *widget,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GskRenderNode **node = user_data;

  g_clear_pointer (node, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

void
lode_raster_forget_on_scale (GtkWidget      *widget,
                             GskRenderNode **node)
{
  g_signal_connect (widget, "notify::scale-factor", G_CALLBACK (scale_factor_cb), node);
}
