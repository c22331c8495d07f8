/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tooltips that wrap. GTK 4.8's tooltip puts its text on one line however long it is, so a
 * lever's description ran off the screen. lode_tooltip_set_text() sets the widget's tooltip
 * text as gtk_widget_set_tooltip_text() does (gtk_widget_get_tooltip_text() reads it back)
 * and shows a text longer than a line in a label that wraps at a reading width. Setting it on
 * a widget in no window yet costs no round trip to the display (GTK 4.8's own setter asks
 * where the pointer is each time).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       lode_tooltip_set_text       (GtkWidget  *widget,
                                        const char *text);
/* For a "query-tooltip" handler: shows `text` in `tooltip`, wrapped when long. */
void       lode_tooltip_show           (GtkTooltip *tooltip,
                                        const char *text);
/* What shows `text` in the tooltip: NULL when it fits on a line (GTK's own label shows it),
 * else a label that wraps it. */
GtkWidget *lode_tooltip_new_label      (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
