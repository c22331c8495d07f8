/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c — lode-text.c sets a text its font covers in that font's family by name, not in
 * the family list: the same face, the same pixels, fewer of Pango's font sets. */

#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include <string.h>

#include "lode-text.h"

#define WIDTH  420
#define HEIGHT 40

static const char *const texts[] = {
  "China-Free Supply",
  "2024 2030 2040 – 50 % · $12.5 bn",
  "“Über” plan ≤ 2030 → €",
  "Wg",
};
static const double sizes[] = { 11.0, 13.0, 15.166015625, 18.19921875, 22.75 };

/* A layout for `text` in the family list itself, as lode-text.c made it before it resolved the
 * list: unhinted, the size absolute. */
static PangoLayout *
list_layout (cairo_t       *cr,
             const char    *text,
             double         size_px,
             LodeTextFlags  flags)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_from_string (LODE_TEXT_FAMILY);

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & LODE_TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static cairo_surface_t *
white_surface (cairo_t **out_cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  *out_cr = cairo_create (surface);
  cairo_set_source_rgb (*out_cr, 1, 1, 1);
  cairo_paint (*out_cr);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * HEIGHT) == 0;
}

/* Every text, size and weight: drawn by lode_text_draw() and by a layout in the family list,
 * pixel for pixel alike, and measured alike. */
static void
test_text_draws_as_the_list (void)
{
  static const LodeRgba ink = { 0.1, 0.2, 0.3, 1.0 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (LodeTextFlags flags = LODE_TEXT_NORMAL; flags <= LODE_TEXT_BOLD; flags++)
        {
          cairo_t *cr_ours, *cr_list;
          cairo_surface_t *ours = white_surface (&cr_ours);
          cairo_surface_t *list = white_surface (&cr_list);
          g_autoptr(PangoLayout) layout = list_layout (cr_list, texts[t], sizes[s], flags);
          PangoRectangle logical;
          double width, height;

          lode_text_draw (cr_ours, texts[t], 4, 4, sizes[s], flags, 0, ink);
          lode_cairo_set_rgba (cr_list, ink);
          cairo_move_to (cr_list, 4, 4);
          pango_cairo_show_layout (cr_list, layout);
          g_assert_true (same_pixels (ours, list));

          lode_text_measure (texts[t], sizes[s], flags, &width, &height);
          pango_layout_get_extents (layout, NULL, &logical);
          g_assert_cmpfloat (width, ==, (double) logical.width / PANGO_SCALE);
          g_assert_cmpfloat (height, ==, (double) logical.height / PANGO_SCALE);

          cairo_destroy (cr_ours);
          cairo_destroy (cr_list);
          cairo_surface_destroy (ours);
          cairo_surface_destroy (list);
        }
}

/* The first font Pango picks for the list at `flags`. */
static PangoFont *
first_font (PangoContext  *context,
            LodeTextFlags  flags)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LODE_TEXT_FAMILY);

  pango_font_description_set_absolute_size (font, 13 * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & LODE_TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL);
  return pango_context_load_font (context, font);
}

/* A covered text is set in the family of Pango's first font for the list; a text with a
 * character that font lacks keeps the list, so Pango's fallback fonts still find it. */
static void
test_text_family (void)
{
  static const gunichar rare[] = { 0x65E5 /* 日 */, 0xE000, 0x10FFFD };

  for (LodeTextFlags flags = LODE_TEXT_NORMAL; flags <= LODE_TEXT_BOLD; flags++)
    {
      g_autoptr(PangoLayout) latin = lode_text_layout (NULL, texts[2], 13, flags);
      g_autoptr(PangoFont) font = first_font (pango_layout_get_context (latin), flags);
      g_autoptr(PangoFontDescription) described = pango_font_describe (font);
      g_autoptr(PangoFontDescription) list = pango_font_description_from_string (LODE_TEXT_FAMILY);
      const PangoFontDescription *set = pango_layout_get_font_description (latin);
      gboolean found = FALSE;

      g_assert_cmpstr (pango_font_description_get_family (set), ==,
                       pango_font_description_get_family (described));

      for (guint i = 0; i < G_N_ELEMENTS (rare) && !found; i++)
        if (!pango_font_has_char (font, rare[i]))
          {
            char utf8[8] = { 0 };
            g_autofree char *text = NULL;
            g_autoptr(PangoLayout) other = NULL;

            g_unichar_to_utf8 (rare[i], utf8);
            text = g_strconcat ("Plan ", utf8, NULL);
            other = lode_text_layout (NULL, text, 13, flags);
            g_assert_cmpstr (pango_font_description_get_family (
                               pango_layout_get_font_description (other)), ==,
                             pango_font_description_get_family (list));
            found = TRUE;
          }
      g_assert_true (found);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/draws-as-the-list", test_text_draws_as_the_list);
  g_test_add_func ("/text/family", test_text_family);
  return g_test_run ();
}
