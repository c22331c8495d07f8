/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeSourcesWindow — every source of the dataset, with what it feeds: its title, publisher,
 * year and link, how many numbers cite it and how many of them were seen in it, and (when a
 * row is expanded) each of those numbers in words. A search entry filters the list; a caller
 * may open it on the sources of one thing (a lever's default, a headline figure, a node of
 * the diagram), with a line saying so and a button back to all of them.
 * The count in its subtitle is lode_sources_count(), the one count of sources.
 */
#pragma once

#include <adwaita.h>

#include "lode-dataset.h"

G_BEGIN_DECLS

#define LODE_TYPE_SOURCES_WINDOW (lode_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (LodeSourcesWindow, lode_sources_window, LODE, SOURCES_WINDOW, AdwWindow)

/* Like gtk_window_new(), the window belongs to GTK's list of toplevels. */
LodeSourcesWindow *lode_sources_window_new          (GtkWindow         *parent,
                                                     LodeDataset       *dataset)
                                                     G_GNUC_WARN_UNUSED_RESULT;
/* Every source. */
void               lode_sources_window_show_all     (LodeSourcesWindow *self);
/* The sources of one thing: `heading` says what ("Sources of the Fund size default"); the
 * list keeps the sources that `source_ids` names (space-separated ids, as a LodeCited
 * gives them) or that feed a number whose name matches one of `patterns` (glob patterns over
 * lode_dataset_list_numbers() names, e.g. "region.CN.*"). Either may be NULL; with both
 * NULL every source is shown under the heading. */
void               lode_sources_window_show_some    (LodeSourcesWindow *self,
                                                     const char        *heading,
                                                     const char        *source_ids,
                                                     const char * const *patterns);
/* How many sources the list shows now (after the filter and the search), and in all. */
guint              lode_sources_window_get_n_shown  (LodeSourcesWindow *self);
guint              lode_sources_window_get_n_sources (LodeSourcesWindow *self);
/* The line over the list, or NULL when every source is shown. */
const char        *lode_sources_window_get_heading  (LodeSourcesWindow *self);
/* The search entry, for tests. */
GtkEditable       *lode_sources_window_get_search   (LodeSourcesWindow *self);

G_END_DECLS
