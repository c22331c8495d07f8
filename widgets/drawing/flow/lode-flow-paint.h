/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode_flow_paint() — draws a LodeFlowLayout on any cairo_t: the widget's snapshot, PNG/SVG/PDF
 * export and the render tests all call it, so what a presenter exports is what they saw.
 * Colours come from the palette (region colours from the dataset); China content is hatched.
 * lode_flow_paint_highlight() draws hover and selection over what lode_flow_paint() drew (it
 * dims the diagram and draws what is highlighted again), so the widget repaints only that
 * overlay while the pointer moves. Drawing library: Cairo and Pango only, no GTK.
 */
#pragma once

#include <cairo.h>

#include "lode-flow-layout.h"
#include "lode-palette.h"

G_BEGIN_DECLS

void lode_flow_paint           (cairo_t                 *cr,
                                const LodeFlowLayout    *layout,
                                const LodePalette       *palette);
/* The same with the caller's colours for the ribbons (the difference view): one per ribbon
 * (lode_flow_layout_get_n_ribbons()), used by the flows and the recycling loop instead of
 * their region's colour. */
void lode_flow_paint_with_colours (cairo_t              *cr,
                                   const LodeFlowLayout *layout,
                                   const LodePalette    *palette,
                                   const LodeRgba       *ribbon_colours);

void lode_flow_paint_highlight (cairo_t                 *cr,
                                const LodeFlowLayout    *layout,
                                const LodeFlowHighlight *highlight,
                                const LodePalette       *palette);

G_END_DECLS
