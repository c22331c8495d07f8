/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-headline-cards.c — LodeHeadlineCards: dashes before a projection, each card's value,
 * difference and its colour, tooltips, what a screen reader hears, a card asking for its
 * sources, and the row or column it is laid out in (its one property, "orientation"). */

#define G_LOG_DOMAIN "test-headline-cards"

#include "config.h"

#include <string.h>

#include "chart-fixtures.h"
#include "lode-explain-popover.h"
#include "lode-headline-cards.h"
#include "ui-test-util.h"

static void
test_headline_cards (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.03);
  GtkWidget *window = g_object_ref (gtk_window_new ());
  LodeHeadlineCards *cards = LODE_HEADLINE_CARDS (lode_headline_cards_new ());
  LodeHeadlines headlines;
  GtkLabel *delta;

  g_object_ref (cards);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cards));
  gtk_window_present (GTK_WINDOW (window));

  /* Before any projection: dashes. */
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_CHINA_FREE_2030)), ==, "\342\200\224");

  lode_headlines_compute (p, base, 0.5, &headlines);
  lode_headline_cards_set_headlines (cards, &headlines);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (cards));

  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_CHINA_FREE_2030)), ==, "35%");
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_TARGET_YEAR)), ==, "2033");
  delta = lode_headline_cards_get_delta_label (cards, LODE_HEADLINE_CHINA_FREE_2030);
  g_assert_cmpstr (gtk_label_get_text (delta), ==, "+12 pts vs baseline");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (delta), "success"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (delta)));
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      GtkWidget *card = lode_headline_cards_get_card (cards, (LodeHeadline) i);

      g_assert_true (gtk_widget_has_css_class (card, "card"));
      g_assert_cmpint (gtk_widget_get_width (card), >, 0);
    }

  /* Without a baseline the differences go away. */
  lode_headlines_compute (p, NULL, 0.5, &headlines);
  lode_headline_cards_set_headlines (cards, &headlines);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (delta)));

  ui_test_finish_window (window);
  g_assert_finalize_object (cards);
}

/* The jobs card groups its digits as people read them; every card says what it measures and
 * reads aloud as one sentence. */
static void
test_texts (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  GtkWidget *window = g_object_ref (gtk_window_new ());
  LodeHeadlineCards *cards = g_object_ref (LODE_HEADLINE_CARDS (lode_headline_cards_new ()));
  LodeHeadlines headlines;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cards));
  lode_headlines_compute (p, NULL, 0.5, &headlines);
  headlines.jobs = 58472;
  lode_headline_cards_set_headlines (cards, &headlines);

  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_JOBS)), ==, "58,472");
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      GtkWidget *card = lode_headline_cards_get_card (cards, (LodeHeadline) i);
      g_autofree char *tooltip = lode_headline_dup_tooltip ((LodeHeadline) i);

      g_assert_cmpstr (gtk_widget_get_tooltip_text (card), ==, tooltip);
      /* A card is a button: activating it asks for its figure's sources. */
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (card)), ==,
                       GTK_ACCESSIBLE_ROLE_BUTTON);
    }
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cards)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);

  /* NULL: back to dashes. */
  lode_headline_cards_set_headlines (cards, NULL);
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_JOBS)), ==, "\342\200\224");

  ui_test_finish_window (window);
  g_assert_finalize_object (cards);
}

static void
show_sources_cb (LodeHeadlineCards *cards,
                 int                which,
                 int               *out_which)
{
  *out_which = which;
}

/* Each card asks for the sources of its figure; the cards stand in a row or a column. */
static void
test_sources_and_orientation (void)
{
  GtkWidget *window = g_object_ref (gtk_window_new ());
  LodeHeadlineCards *cards = g_object_ref (LODE_HEADLINE_CARDS (lode_headline_cards_new ()));
  g_auto(GValue) vertical = G_VALUE_INIT;
  int which = -1;
  int row_height, column_height;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cards));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (cards, "show-sources", G_CALLBACK (show_sources_cb), &which);
  g_signal_emit_by_name (lode_headline_cards_get_card (cards, LODE_HEADLINE_JOBS), "clicked");
  g_assert_cmpint (which, ==, LODE_HEADLINE_JOBS);

  /* A column is narrow and tall, title and value side by side. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (cards));
  row_height = gtk_widget_get_height (GTK_WIDGET (cards));
  lode_headline_cards_set_orientation (cards, GTK_ORIENTATION_VERTICAL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1, 1);
  ui_test_wait_frames (GTK_WIDGET (cards), 2);
  column_height = gtk_widget_get_height (GTK_WIDGET (cards));
  g_assert_cmpint (column_height, >, 2 * row_height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cards)), <, 400);
  ui_test_finish_window (window);
  g_assert_finalize_object (cards);

  cards = g_object_ref_sink (LODE_HEADLINE_CARDS (lode_headline_cards_new ()));
  g_value_init (&vertical, GTK_TYPE_ORIENTATION);
  g_value_set_enum (&vertical, GTK_ORIENTATION_VERTICAL);
  ui_test_check_property (cards, "orientation", &vertical);
  g_assert_finalize_object (cards);
}

/* The breakdown beside a card: the figure, the arithmetic and the terms it adds up from. The
 * fixture's fund pays 3 bn of grants and 1.5 bn of equity and gets 2.75 bn of dividends and a
 * 3 bn exit back, undiscounted. */
static void
test_explain_popover (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeExplanation) e = NULL;
  GtkWidget *window = g_object_ref (gtk_window_new ());
  GtkWidget *button = gtk_button_new_with_label ("Net cost");
  LodeExplainPopover *popover = g_object_ref (LODE_EXPLAIN_POPOVER (lode_explain_popover_new ()));
  const char *text;

  p->fund.discount_rate = 0;
  p->fund.npv_busd = 3.0 + 2.75 - 3.0 - 1.5;
  p->fund.irr = NAN;
  e = lode_explain (p, "fund_npv_busd", 2030, NULL);
  g_assert_nonnull (e);

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_widget_set_parent (GTK_WIDGET (popover), button);
  lode_explain_popover_set_explanation (popover, e);
  gtk_window_present (GTK_WINDOW (window));
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  text = lode_explain_popover_get_text (popover);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "$1.25 bn"));
  g_assert_nonnull (strstr (text, "Grants"));
  g_assert_nonnull (strstr (text, "Equity’s value at the end"));
  /* Four kinds of cash flow, the largest first: the exit and the grants, 3 bn each. */
  g_assert_cmpuint (e->terms->len, ==, 4);
  g_assert_cmpfloat (fabs (((LodeExplainTerm *) g_ptr_array_index (e->terms, 0))->value), ==,
                     3.0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (popover)), >, 100);

  /* A second figure replaces the first. */
  e->title[0] = 'X';
  lode_explain_popover_set_explanation (popover, e);
  g_assert_true (g_str_has_prefix (lode_explain_popover_get_text (popover), "X"));

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_unparent (GTK_WIDGET (popover));
  ui_test_finish_window (window);
  g_assert_finalize_object (popover);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/lode/headline-cards/values", test_headline_cards);
  g_test_add_func ("/lode/headline-cards/texts", test_texts);
  g_test_add_func ("/lode/headline-cards/sources-and-orientation",
                   test_sources_and_orientation);
  g_test_add_func ("/lode/headline-cards/explain-popover", test_explain_popover);

  return g_test_run ();
}
