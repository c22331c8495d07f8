/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodePalette — the colours every paint function draws with: theme colours (background, text,
 * grid, accent ...) and one colour per region from the dataset's colour-blind-safe palette.
 * Widgets fill it from the theme in css_changed (lode-widget-style.h); exports always use
 * lode_palette_init_light(). Drawing library: Cairo only, no GTK.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "lode-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} LodeRgba;

typedef struct
{
  gboolean  dark;
  LodeRgba  background;   /* canvas; alpha 0 for a transparent export */
  LodeRgba  foreground;   /* primary text */
  LodeRgba  muted;        /* secondary text, axis labels */
  LodeRgba  grid;         /* grid lines, separators */
  LodeRgba  accent;       /* selection, the selected year */
  LodeRgba  ghost;        /* baseline series drawn behind the scenario */
  LodeRgba  target;       /* target lines */
  LodeRgba  warning;      /* the bottleneck stage, shortfalls */
  LodeRgba  china_mark;   /* hatching that marks China content */
  LodeRgba  card;         /* card and tooltip background */
  guint     n_regions;
  LodeRgba  regions[LODE_MAX_REGIONS];
} LodePalette;

void     lode_palette_init_light   (LodePalette       *palette,
                                    const LodeDataset *dataset);
void     lode_palette_init_dark    (LodePalette       *palette,
                                    const LodeDataset *dataset);
/* Region colour, or the muted colour for an index out of range. */
LodeRgba lode_palette_region       (const LodePalette *palette,
                                    guint              region);
/* A categorical colour for what is not a region (the stages' lines, the price-floor bars):
 * Okabe–Ito hues, colour-blind safe, lighter on a dark background; `index` wraps. */
LodeRgba lode_palette_series       (const LodePalette *palette,
                                    guint              index);
/* The fund allocation's colours, one per share (mine, separation, metal, magnet,
 * recycling): Okabe–Ito hues on any background. `share` wraps. */
LodeRgba lode_palette_fund_share   (guint              share);
LodeRgba lode_rgba_from_rgb        (guint32            rgb);
LodeRgba lode_rgba_mix             (LodeRgba           a,
                                    LodeRgba           b,
                                    double             t);     /* (1-t)·a + t·b */
LodeRgba lode_rgba_with_alpha      (LodeRgba           c,
                                    double             alpha);
void     lode_cairo_set_rgba       (cairo_t           *cr,
                                    LodeRgba           c);
/* Adds a closed rectangle with corners of radius `r` (clamped to half the shorter side). */
void     lode_cairo_rounded_rect   (cairo_t           *cr,
                                    double             x,
                                    double             y,
                                    double             w,
                                    double             h,
                                    double             r);

G_END_DECLS
