/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The one place widgets read theme colours: called from a widget's css_changed, it fills a
 * LodePalette from the current style (light or dark) so the paint functions draw in the
 * theme's colours. Region colours come from the dataset.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-palette.h"
#include "lode-projection.h"

G_BEGIN_DECLS

void lode_widget_style_read_palette      (GtkWidget            *widget,
                                          const LodeDataset    *dataset,
                                          LodePalette          *out_palette);
/* The same for a view of `projection` (NULL: no region colours): its dataset's regions. */
void lode_widget_style_read_view_palette (GtkWidget            *widget,
                                          const LodeProjection *projection,
                                          LodePalette          *out_palette);

G_END_DECLS
