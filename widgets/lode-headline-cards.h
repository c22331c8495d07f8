/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeHeadlineCards — a row of libadwaita cards above the charts: the China-free share of US
 * magnet supply in 2030 and 2035, the year the target is reached, the total public cost, US
 * jobs, the US magnets unmet in 2030 and the US defence need met China-free in 2028, each
 * with its difference from the baseline (green
 * better, red worse, amber "supply short" for a share that rose only because supply fell).
 * Labels only; each card is an accessible group whose label reads the card aloud and has a
 * tooltip that says what it measures.
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
/* The card widgets and their labels, in LodeHeadline order, for tests. */
GtkWidget *lode_headline_cards_get_card      (LodeHeadlineCards   *self,
                                              LodeHeadline         which);
GtkLabel  *lode_headline_cards_get_value_label (LodeHeadlineCards *self,
                                                LodeHeadline       which);
GtkLabel  *lode_headline_cards_get_delta_label (LodeHeadlineCards *self,
                                                LodeHeadline       which);

G_END_DECLS
