/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The headline cards drawn with Cairo, for exports (the slide): the same text as
 * LodeHeadlineCards, in a row of rounded cards filling a rectangle. Drawing library, no GTK.
 */
#pragma once

#include <cairo.h>

#include "lode-headlines.h"
#include "lode-palette.h"

G_BEGIN_DECLS

void lode_cards_paint (cairo_t             *cr,
                       const LodeHeadlines *headlines,
                       double               x,
                       double               y,
                       double               width,
                       double               height,
                       double               font_scale,
                       const LodePalette   *palette);

G_END_DECLS
