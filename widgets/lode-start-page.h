/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeStartPage — what the window shows on first run and from Main Menu → Start Page: the
 * preset scenarios as cards (title, one-line story and the headline figure each reaches: the
 * China-free share of US magnet supply in 2035), Open… and the recent scenarios. Every choice
 * activates one of the window's actions (win.new with the preset id, win.open,
 * win.open-recent with the file's URI), so unsaved changes are asked about as anywhere else.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-dataset.h"

G_BEGIN_DECLS

#define LODE_TYPE_START_PAGE (lode_start_page_get_type ())

G_DECLARE_FINAL_TYPE (LodeStartPage, lode_start_page, LODE, START_PAGE, GtkWidget)

GtkWidget *lode_start_page_new              (void) G_GNUC_WARN_UNUSED_RESULT;
/* Runs each preset to show what it reaches (a few projections, well under a millisecond
 * each). */
void       lode_start_page_set_dataset      (LodeStartPage *self,
                                             LodeDataset   *dataset);
/* The recent files as the application's Open Recent menu lists them (items with the
 * win.open-recent action and a URI target); followed as it changes. */
void       lode_start_page_set_recent       (LodeStartPage *self,
                                             GMenuModel    *recent);
/* For tests: the preset cards (buttons, in preset order) and the recent rows. */
GtkWidget *lode_start_page_get_preset_card  (LodeStartPage *self,
                                             guint          index);
guint      lode_start_page_get_n_recent     (LodeStartPage *self);

G_END_DECLS
