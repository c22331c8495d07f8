/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode_flow_diff_paint() — draws a LodeFlowDiffLayout on any cairo_t (the window's difference
 * view, exports, tests): the diagram with each flow in the colour of its change, then the key
 * and the largest changes. Gains are the palette's blue, losses its vermillion (Okabe–Ito,
 * colour-blind safe). Drawing library: Cairo and Pango only, no GTK.
 */
#pragma once

#include <cairo.h>

#include "lode-flow-diff-layout.h"
#include "lode-palette.h"

G_BEGIN_DECLS

/* The colour a change is drawn in: grey for none, then towards blue (gain) or vermillion
 * (loss) with its strength. */
LodeRgba lode_flow_diff_colour (const LodeFlowDiffLayout *layout,
                                const LodePalette        *palette,
                                double                    delta);
void     lode_flow_diff_paint  (cairo_t                  *cr,
                                const LodeFlowDiffLayout *layout,
                                const LodePalette        *palette);

G_END_DECLS
