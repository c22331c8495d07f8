/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Paints a LodeChartLayout on any cairo_t: the widget's snapshot, the export (PNG, SVG, PDF)
 * and the render tests all call this one function; the widget paints the hover card over it
 * with lode_chart_paint_hover(). No arithmetic beyond what the layout computed. Drawing
 * library: Cairo and Pango, no GTK.
 */
#pragma once

#include <cairo.h>

#include "lode-chart-hover.h"
#include "lode-chart-layout.h"
#include "lode-palette.h"

G_BEGIN_DECLS

void lode_chart_paint       (cairo_t               *cr,
                             const LodeChartLayout *layout,
                             const LodePalette     *palette);
void lode_chart_paint_hover (cairo_t               *cr,
                             const LodeChartLayout *layout,
                             const LodeChartHover  *hover,
                             const LodePalette     *palette);

G_END_DECLS
