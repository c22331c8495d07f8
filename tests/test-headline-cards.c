/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-headline-cards.c — LodeHeadlineCards: dashes before a projection, each card's value,
 * difference and its colour, tooltips, and what a screen reader hears. The widget has no
 * properties: it shows the headlines it is given. */

#define G_LOG_DOMAIN "test-headline-cards"

#include "config.h"

#include <string.h>

#include "chart-fixtures.h"
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
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (card)), ==,
                       GTK_ACCESSIBLE_ROLE_GROUP);
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

/* TRUE when every line of the label after the first starts after a space: a figure such as
 * "$25,800/t" is never cut in two. */
static gboolean
breaks_between_words (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      g_test_message ("%s: a line from byte %d", text, line->start_index);
      if (line->start_index > 0 && text[line->start_index - 1] != ' ')
        return FALSE;
    }
  return TRUE;
}

/* Eight cards beside the levers panel at 1280 × 800 (a row about 865 px wide): the row takes
 * the narrow and tight type, every label stays inside its card, every figure on one line, and
 * the row is no taller than six cards were (130 px); on a wide row (the panel hidden) the full
 * type comes back. */
static void
test_fits_row (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.03);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window = g_object_ref (gtk_window_new ());
  LodeHeadlineCards *cards = g_object_ref (LODE_HEADLINE_CARDS (lode_headline_cards_new ()));
  LodeHeadlines headlines;

  /* The application's style sheet, which sets the narrow and tight type. */
  gtk_css_provider_load_from_resource (css, "/io/github/lodestone/Lodestone/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  lode_headlines_compute (p, base, 0.5, &headlines);
  /* The longest texts the cards show: a target not reached, a shortfall with its share. */
  headlines.target_year = 0;
  headlines.us_unmet_2030_t = 3100;
  headlines.us_demand_2030_t = 13000;
  headlines.cost_per_t_usd = 25800;
  lode_headline_cards_set_headlines (cards, &headlines);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cards));
  gtk_window_set_default_size (GTK_WINDOW (window), 865, 100);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_frames (GTK_WIDGET (cards), 3);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cards)), <=, 870);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cards), "narrow"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cards), "tight"));
  g_test_message ("row height %d", gtk_widget_get_height (GTK_WIDGET (cards)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (cards)), <=, 130);
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_COST_PER_TONNE)), ==, "$25,800/t");
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      GtkWidget *card = lode_headline_cards_get_card (cards, (LodeHeadline) i);
      GtkLabel *value = lode_headline_cards_get_value_label (cards, (LodeHeadline) i);
      graphene_rect_t box;

      g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (cards), &box));
      g_assert_cmpfloat (box.size.width, >, 100);
      g_assert_true (breaks_between_words (value));
      for (GtkWidget *label = gtk_widget_get_first_child (card); label != NULL;
           label = gtk_widget_get_next_sibling (label))
        {
          graphene_rect_t text;

          if (!gtk_widget_get_visible (label))
            continue;
          g_assert_true (gtk_widget_compute_bounds (label, card, &text));
          g_assert_cmpfloat (text.origin.y + text.size.height, <=, box.size.height + 0.5);
          g_assert_cmpfloat (text.origin.x + text.size.width, <=, box.size.width + 0.5);
        }
    }
  /* The defence card is there, last. */
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_DEFENCE)), ==, "12%");

  gtk_window_set_default_size (GTK_WINDOW (window), 1260, 100);
  ui_test_wait_frames (GTK_WIDGET (cards), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (cards)), >=, 1200);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cards), "narrow"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cards), "tight"));

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  ui_test_finish_window (window);
  g_assert_finalize_object (cards);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/lode/headline-cards/values", test_headline_cards);
  g_test_add_func ("/lode/headline-cards/texts", test_texts);
  g_test_add_func ("/lode/headline-cards/fits-row", test_fits_row);

  return g_test_run ();
}
