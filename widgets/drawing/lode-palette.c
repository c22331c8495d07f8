/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-palette"

#include "config.h"

#include "lode-palette.h"

/* Okabe–Ito colours, colour-blind safe; a lighter variant of the series for dark backgrounds. */
static const guint32 series_light[] = { 0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7, 0xD55E00 };
static const guint32 series_dark[] = { 0xF0B43C, 0x56B4E9, 0x2EC4A0, 0xE09CC4, 0xF08040 };

/* The chain's stages are not regions, so the allocation reuses no region's meaning. */
static const guint32 fund_share_rgb[] = {
  0xE69F00,  /* mine: orange */
  0x56B4E9,  /* separation: sky blue */
  0xCC79A7,  /* metal: reddish purple */
  0x0072B2,  /* magnet: blue */
  0x009E73,  /* recycling: bluish green */
};

static void
fill_regions (LodePalette       *palette,
              const LodeDataset *dataset)
{
  palette->n_regions = dataset != NULL ? dataset->n_regions : 0;
  for (guint i = 0; i < palette->n_regions; i++)
    palette->regions[i] = lode_rgba_from_rgb (dataset->regions[i].rgb);
}

void
lode_palette_init_light (LodePalette       *palette,
                         const LodeDataset *dataset)
{
  g_return_if_fail (palette != NULL);

  *palette = (LodePalette) {
    .dark = FALSE,
    .background = { 1.0, 1.0, 1.0, 1.0 },
    .foreground = { 0.12, 0.12, 0.14, 1.0 },
    .muted = { 0.38, 0.38, 0.42, 1.0 },
    .grid = { 0.0, 0.0, 0.0, 0.12 },
    .accent = { 0.11, 0.44, 0.85, 1.0 },
    .ghost = { 0.45, 0.45, 0.50, 0.55 },
    .target = { 0.75, 0.11, 0.16, 1.0 },
    .warning = { 0.80, 0.30, 0.0, 1.0 },
    .china_mark = { 0.0, 0.0, 0.0, 0.30 },
    .card = { 0.97, 0.97, 0.98, 1.0 },
  };
  fill_regions (palette, dataset);
}

void
lode_palette_init_dark (LodePalette       *palette,
                        const LodeDataset *dataset)
{
  g_return_if_fail (palette != NULL);

  *palette = (LodePalette) {
    .dark = TRUE,
    .background = { 0.14, 0.14, 0.15, 1.0 },
    .foreground = { 0.96, 0.96, 0.97, 1.0 },
    .muted = { 0.70, 0.70, 0.74, 1.0 },
    .grid = { 1.0, 1.0, 1.0, 0.14 },
    .accent = { 0.47, 0.68, 0.98, 1.0 },
    .ghost = { 0.70, 0.70, 0.74, 0.55 },
    .target = { 0.96, 0.38, 0.41, 1.0 },
    .warning = { 1.0, 0.60, 0.25, 1.0 },
    .china_mark = { 0.0, 0.0, 0.0, 0.40 },
    .card = { 0.20, 0.20, 0.22, 1.0 },
  };
  fill_regions (palette, dataset);
}

LodeRgba
lode_palette_region (const LodePalette *palette,
                     guint              region)
{
  if (region >= palette->n_regions)
    return palette->muted;
  return palette->regions[region];
}

LodeRgba
lode_palette_series (const LodePalette *palette,
                     guint              index)
{
  guint i = index % G_N_ELEMENTS (series_light);

  return lode_rgba_from_rgb (palette->dark ? series_dark[i] : series_light[i]);
}

LodeRgba
lode_palette_fund_share (guint share)
{
  return lode_rgba_from_rgb (fund_share_rgb[share % G_N_ELEMENTS (fund_share_rgb)]);
}

LodeRgba
lode_rgba_from_rgb (guint32 rgb)
{
  return (LodeRgba) {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
    1.0,
  };
}

LodeRgba
lode_rgba_mix (LodeRgba a,
               LodeRgba b,
               double   t)
{
  return (LodeRgba) {
    a.r + (b.r - a.r) * t,
    a.g + (b.g - a.g) * t,
    a.b + (b.b - a.b) * t,
    a.a + (b.a - a.a) * t,
  };
}

LodeRgba
lode_rgba_with_alpha (LodeRgba c,
                      double   alpha)
{
  c.a = alpha;
  return c;
}

void
lode_cairo_set_rgba (cairo_t  *cr,
                     LodeRgba  c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

void
lode_cairo_rounded_rect (cairo_t *cr,
                         double   x,
                         double   y,
                         double   w,
                         double   h,
                         double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
