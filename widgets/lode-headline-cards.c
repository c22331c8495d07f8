/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-headline-cards"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-headline-cards.h"

typedef struct
{
  GtkWidget *box;
  GtkLabel  *title;
  GtkLabel  *value;
  GtkLabel  *delta;
} Card;

struct _LodeHeadlineCards
{
  GtkWidget  parent_instance;

  /* Borrowed: children of this widget */
  Card       cards[LODE_N_HEADLINES];
};

G_DEFINE_FINAL_TYPE (LodeHeadlineCards, lode_headline_cards, GTK_TYPE_WIDGET)

static GtkLabel *
make_label (GtkWidget  *box,
            const char *css_class,
            const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  /* The card's own label reads everything; the parts need not be read again. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
set_card (Card                   *card,
          const LodeHeadlineText *text)
{
  g_autofree char *spoken = NULL;
  GtkWidget *delta = GTK_WIDGET (card->delta);

  gtk_label_set_text (card->title, text->title);
  gtk_label_set_text (card->value, text->value);
  gtk_label_set_text (card->delta, text->delta != NULL ? text->delta : "");
  gtk_widget_set_visible (delta, text->delta != NULL);

  gtk_widget_remove_css_class (delta, "success");
  gtk_widget_remove_css_class (delta, "error");
  gtk_widget_remove_css_class (delta, "warning");
  gtk_widget_remove_css_class (delta, "dim-label");
  gtk_widget_add_css_class (delta, text->trend == LODE_HEADLINE_BETTER ? "success"
                                   : text->trend == LODE_HEADLINE_WORSE ? "error"
                                   : text->trend == LODE_HEADLINE_SUPPLY_SHORT ? "warning"
                                   : "dim-label");

  if (text->delta != NULL)
    /* Translators: what a screen reader says for a card: "<title>: <value>, <difference>" */
    spoken = g_strdup_printf (_("%s: %s, %s"), text->title, text->value, text->delta);
  else
    /* Translators: what a screen reader says for a card: "<title>: <value>" */
    spoken = g_strdup_printf (_("%s: %s"), text->title, text->value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
lode_headline_cards_dispose (GObject *object)
{
  LodeHeadlineCards *self = LODE_HEADLINE_CARDS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->cards, 0, sizeof self->cards);

  G_OBJECT_CLASS (lode_headline_cards_parent_class)->dispose (object);
}

static void
lode_headline_cards_class_init (LodeHeadlineCardsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_headline_cards_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "headlinecards");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lode_headline_cards_init (LodeHeadlineCards *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Headline figures"),
                                  -1);

  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      Card *card = &self->cards[i];

      card->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (card->box, "card");
      gtk_widget_set_hexpand (card->box, TRUE);
      gtk_widget_set_margin_top (card->box, 0);
      gtk_widget_set_parent (card->box, GTK_WIDGET (self));

      card->title = make_label (card->box, "caption-heading", "dim-label");
      card->value = make_label (card->box, "title-2", NULL);
      card->delta = make_label (card->box, "caption", NULL);
      gtk_widget_set_margin_start (card->box, 0);
      for (GtkWidget *child = gtk_widget_get_first_child (card->box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          gtk_widget_set_margin_start (child, 14);
          gtk_widget_set_margin_end (child, 14);
        }
      gtk_widget_set_margin_top (GTK_WIDGET (card->title), 10);
      gtk_widget_set_margin_bottom (GTK_WIDGET (card->delta), 10);
      {
        g_autofree char *tooltip = lode_headline_dup_tooltip ((LodeHeadline) i);

        gtk_widget_set_tooltip_text (card->box, tooltip);
      }
    }
  lode_headline_cards_set_headlines (self, NULL);
}

GtkWidget *
lode_headline_cards_new (void)
{
  return g_object_new (LODE_TYPE_HEADLINE_CARDS, NULL);
}

void
lode_headline_cards_set_headlines (LodeHeadlineCards   *self,
                                   const LodeHeadlines *headlines)
{
  g_return_if_fail (LODE_IS_HEADLINE_CARDS (self));

  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      LodeHeadlineText text = { NULL, NULL, NULL, LODE_HEADLINE_NEUTRAL };

      if (headlines != NULL)
        lode_headlines_format (headlines, (LodeHeadline) i, &text);
      else
        {
          static const char * const titles[LODE_N_HEADLINES] = {
            N_("China-free share in 2030"),
            N_("China-free share in 2035"),
            N_("Target reached"),
            N_("Net cost (NPV)"),
            N_("Cost per China-free tonne"),
            N_("US chain jobs"),
            N_("US magnets unmet in 2030"),
          };

          text.title = g_strdup (_(titles[i]));
          text.value = g_strdup ("\342\200\224");
        }
      set_card (&self->cards[i], &text);
      lode_headline_text_clear (&text);
    }
}

GtkWidget *
lode_headline_cards_get_card (LodeHeadlineCards *self,
                              LodeHeadline       which)
{
  g_return_val_if_fail (LODE_IS_HEADLINE_CARDS (self), NULL);
  g_return_val_if_fail ((guint) which < LODE_N_HEADLINES, NULL);
  return self->cards[which].box;
}

GtkLabel *
lode_headline_cards_get_value_label (LodeHeadlineCards *self,
                                     LodeHeadline       which)
{
  g_return_val_if_fail (LODE_IS_HEADLINE_CARDS (self), NULL);
  g_return_val_if_fail ((guint) which < LODE_N_HEADLINES, NULL);
  return self->cards[which].value;
}

GtkLabel *
lode_headline_cards_get_delta_label (LodeHeadlineCards *self,
                                     LodeHeadline       which)
{
  g_return_val_if_fail (LODE_IS_HEADLINE_CARDS (self), NULL);
  g_return_val_if_fail ((guint) which < LODE_N_HEADLINES, NULL);
  return self->cards[which].delta;
}
