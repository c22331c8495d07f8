/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-text"

#include "config.h"

#include "lode-text.h"

/* One measuring context per thread: pure layout code measures labels without a target. */
static cairo_t *
measuring_context (void)
{
  static GPrivate key = G_PRIVATE_INIT ((GDestroyNotify) cairo_destroy);
  cairo_t *cr = g_private_get (&key);

  if (cr == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

      cr = cairo_create (surface);
      cairo_surface_destroy (surface);
      g_private_set (&key, cr);
    }
  return cr;
}

PangoLayout *
lode_text_layout (cairo_t       *cr,
                  const char    *text,
                  double         size_px,
                  LodeTextFlags  flags)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  cairo_font_options_t *options;

  if (cr == NULL)
    cr = measuring_context ();

  layout = pango_cairo_create_layout (cr);

  /* Unhinted metrics: a label measures the same at 1x, 3x and in vector output. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  font = pango_font_description_from_string (LODE_TEXT_FAMILY);
  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & LODE_TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
lode_text_measure (const char    *text,
                   double         size_px,
                   LodeTextFlags  flags,
                   double        *out_width,
                   double        *out_height)
{
  g_autoptr(PangoLayout) layout = lode_text_layout (NULL, text, size_px, flags);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

void
lode_text_draw (cairo_t       *cr,
                const char    *text,
                double         x,
                double         y,
                double         size_px,
                LodeTextFlags  flags,
                double         align,
                LodeRgba       colour)
{
  g_autoptr(PangoLayout) layout = lode_text_layout (cr, text, size_px, flags);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_save (cr);
  lode_cairo_set_rgba (cr, colour);
  cairo_move_to (cr, x - align * logical.width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
