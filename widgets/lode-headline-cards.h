/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeHeadlineCards — a row of libadwaita cards above the charts: the China-free share of US
 * magnet supply in 2030 and 2035, the year the target is reached, the total public cost, US
 * jobs and the US magnets unmet in 2030, each with its difference from the baseline (green
 * better, red worse, amber "supply short" for a share that rose only because supply fell).
 * Each card is a button whose accessible label reads the card aloud, with a tooltip that says
 * what it measures; activating it asks for the figure's sources (signal "show-sources" (int
 * which), a LodeHeadline). GtkOrientable: a row above the chart, or a
 * compact column beside it.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-headlines.h"

G_BEGIN_DECLS

#define LODE_TYPE_HEADLINE_CARDS (lode_headline_cards_get_type ())

G_DECLARE_FINAL_TYPE (LodeHeadlineCards, lode_headline_cards, LODE, HEADLINE_CARDS, GtkWidget)

GtkWidget *lode_headline_cards_new           (void) G_GNUC_WARN_UNUSED_RESULT;
/* NULL shows dashes (no projection yet). The headlines are copied. */
void       lode_headline_cards_set_headlines (LodeHeadlineCards   *self,
                                              const LodeHeadlines *headlines);
/* The cards (buttons) and their labels, in LodeHeadline order, for tests. */
GtkWidget *lode_headline_cards_get_card      (LodeHeadlineCards   *self,
                                              LodeHeadline         which);
GtkLabel  *lode_headline_cards_get_value_label (LodeHeadlineCards *self,
                                                LodeHeadline       which);
GtkLabel  *lode_headline_cards_get_delta_label (LodeHeadlineCards *self,
                                                LodeHeadline       which);
/* GtkOrientable: a row of cards (horizontal, the default) or a compact column beside the
 * chart (vertical): title and value on one line, the difference under them. */
void       lode_headline_cards_set_orientation (LodeHeadlineCards *self,
                                                GtkOrientation     orientation);

G_END_DECLS
