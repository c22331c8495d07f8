/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-widget-style"

#include "config.h"

#include <adwaita.h>

#include "lode-widget-style.h"

static void
lookup (GtkStyleContext *context,
        const char      *name,
        LodeRgba        *inout)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    *inout = (LodeRgba) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

void
lode_widget_style_read_palette (GtkWidget         *widget,
                                const LodeDataset *dataset,
                                LodePalette       *out_palette)
{
  GtkStyleContext *context;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (out_palette != NULL);

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    lode_palette_init_dark (out_palette, dataset);
  else
    lode_palette_init_light (out_palette, dataset);

  /* gtk_style_context_lookup_color is deprecated after 4.8 but is the 4.8 way to read
   * named theme colours; our MAX_ALLOWED pin keeps it warning-free. */
  context = gtk_widget_get_style_context (widget);
  lookup (context, "view_bg_color", &out_palette->background);
  lookup (context, "view_fg_color", &out_palette->foreground);
  lookup (context, "accent_color", &out_palette->accent);
  lookup (context, "card_bg_color", &out_palette->card);
  lookup (context, "warning_color", &out_palette->warning);
  lookup (context, "error_color", &out_palette->target);
  out_palette->muted = lode_rgba_with_alpha (out_palette->foreground, 0.65);
  out_palette->grid = lode_rgba_with_alpha (out_palette->foreground, 0.12);
}

void
lode_widget_style_read_view_palette (GtkWidget            *widget,
                                     const LodeProjection *projection,
                                     LodePalette          *out_palette)
{
  const LodeDataset *dataset = NULL;

  if (projection != NULL)
    dataset = lode_projection_get_dataset (projection);
  lode_widget_style_read_palette (widget, dataset, out_palette);
}
