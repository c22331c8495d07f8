/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-flow-diff-paint.c — the difference view on a cairo_t. */

#define G_LOG_DOMAIN "lode-flow-diff-paint"

#include "config.h"

#include <math.h>

#include "lode-flow-diff-paint.h"
#include "lode-flow-paint.h"
#include "lode-text.h"

/* The palette's series colours for a gain and a loss (Okabe–Ito blue and vermillion). */
#define GAIN_SERIES 1
#define LOSS_SERIES 4
/* The weakest change still shows this much of its colour over the grey. */
#define MIN_MIX 0.3
#define KEY_STEPS 48

static LodeRgba
neutral (const LodePalette *palette)
{
  return lode_rgba_mix (palette->muted, palette->background, 0.45);
}

LodeRgba
lode_flow_diff_colour (const LodeFlowDiffLayout *layout,
                       const LodePalette        *palette,
                       double                    delta)
{
  double strength;
  LodeRgba towards;

  g_return_val_if_fail (layout != NULL && palette != NULL, ((LodeRgba) { 0, 0, 0, 1 }));

  strength = lode_flow_diff_layout_strength (layout, delta);
  if (strength <= 0)
    return neutral (palette);
  towards = lode_palette_series (palette, delta > 0 ? GAIN_SERIES : LOSS_SERIES);
  return lode_rgba_mix (neutral (palette), towards, MIN_MIX + (1 - MIN_MIX) * strength);
}

static void
paint_key (cairo_t                  *cr,
           const LodeFlowDiffLayout *layout,
           const LodePalette        *palette)
{
  const LodeFlowRect *k = &layout->key;
  double step = k->width / KEY_STEPS;

  if (k->width <= 0)
    return;
  /* From the largest loss through no change (grey) to the largest gain. */
  for (int i = 0; i < KEY_STEPS; i++)
    {
      double t = (i + 0.5) / KEY_STEPS * 2 - 1;   /* -1 .. 1 */
      LodeRgba towards = lode_palette_series (palette, t > 0 ? GAIN_SERIES : LOSS_SERIES);

      lode_cairo_set_rgba (cr, lode_rgba_mix (neutral (palette), towards, fabs (t)));
      cairo_rectangle (cr, k->x + i * step, k->y, step + 0.5, k->height);
      cairo_fill (cr);
    }
}

static void
paint_texts (cairo_t                  *cr,
             const LodeFlowDiffLayout *layout,
             const LodePalette        *palette)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const LodeFlowDiffText *t = &g_array_index (layout->texts, LodeFlowDiffText, i);
      LodeRgba colour = t->style == LODE_FLOW_DIFF_TEXT_MUTED ? palette->muted
                                                              : palette->foreground;

      if (t->has_swatch)
        {
          lode_cairo_set_rgba (cr, lode_flow_diff_colour (layout, palette, t->swatch_delta));
          lode_cairo_rounded_rect (cr, t->swatch.x, t->swatch.y, t->swatch.width,
                                   t->swatch.height, 2 * layout->options.font_scale);
          cairo_fill (cr);
        }
      if (t->max_width > 0)
        lode_text_draw_line (cr, t->text, t->x, t->y, t->max_width, t->size,
                             t->style == LODE_FLOW_DIFF_TEXT_TITLE ? LODE_TEXT_BOLD
                                                                    : LODE_TEXT_NORMAL,
                             t->align, colour);
      else
        lode_text_draw (cr, t->text, t->x, t->y, t->size,
                        t->style == LODE_FLOW_DIFF_TEXT_TITLE ? LODE_TEXT_BOLD
                                                               : LODE_TEXT_NORMAL,
                        t->align, colour);
    }
}

void
lode_flow_diff_paint (cairo_t                  *cr,
                      const LodeFlowDiffLayout *layout,
                      const LodePalette        *palette)
{
  g_autofree LodeRgba *colours = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  cairo_save (cr);
  if (palette->background.a > 0)
    {
      lode_cairo_set_rgba (cr, palette->background);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }
  colours = g_new (LodeRgba, MAX (layout->n_ribbons, 1));
  for (guint q = 0; q < layout->n_ribbons; q++)
    colours[q] = lode_flow_diff_colour (layout, palette, layout->ribbon_delta[q]);

  cairo_save (cr);
  cairo_translate (cr, layout->flow_area.x, layout->flow_area.y);
  cairo_rectangle (cr, 0, 0, layout->flow_area.width, layout->flow_area.height);
  cairo_clip (cr);
  lode_flow_paint_with_colours (cr, layout->flow, palette, colours);
  cairo_restore (cr);

  /* A rule between the diagram and what it means. */
  lode_cairo_set_rgba (cr, palette->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, floor (layout->flow_area.y + layout->flow_area.height) + 0.5);
  cairo_line_to (cr, layout->width, floor (layout->flow_area.y + layout->flow_area.height) + 0.5);
  cairo_stroke (cr);

  paint_key (cr, layout, palette);
  paint_texts (cr, layout, palette);
  cairo_restore (cr);
}
