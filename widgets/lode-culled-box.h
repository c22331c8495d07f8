/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeCulledBox — a vertical box for the content of a scrolled window that draws only the
 * children in sight. GTK's Cairo renderer draws every node of a window in every frame, those
 * scrolled out of sight too (clipped, but each path built and each clip computed), so a long
 * panel costs every frame of the window, whatever changes. The children stay mapped, laid out,
 * focusable and accessible; only their drawing is left out while they are out of sight.
 * Children are added with <child> in a template, or gtk_widget_set_parent().
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LODE_TYPE_CULLED_BOX (lode_culled_box_get_type ())

G_DECLARE_FINAL_TYPE (LodeCulledBox, lode_culled_box, LODE, CULLED_BOX, GtkWidget)

GtkWidget *lode_culled_box_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
