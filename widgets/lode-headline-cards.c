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

/* Between the cards, px; the space between a card's edge and its text is style.css's. */
#define CARD_SPACING  8
/* Narrower cards than this (px) take the "narrow" style (style.css): less space beside the
 * text and smaller type, so seven cards beside the levers panel at 1280 × 800 take no more
 * height than six did. Narrower than TIGHT_CARD (eight cards there, about 100 px each) they
 * also take the "tight" style, a step smaller again, so that a figure such as "$25,800/t"
 * stays on one line. */
#define NARROW_CARD   150
#define TIGHT_CARD    115

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

/* One row of equal cards, CARD_SPACING apart (a box layout, homogeneous). */
static int
card_width (int width)
{
  return (width - CARD_SPACING * (LODE_N_HEADLINES - 1)) / LODE_N_HEADLINES;
}

static void
lode_headline_cards_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  int child_for = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0
                  ? MAX (card_width (for_size), 0) : -1;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, nat = 0;

      gtk_widget_measure (child, orientation, child_for, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *minimum * LODE_N_HEADLINES + CARD_SPACING * (LODE_N_HEADLINES - 1);
      *natural = *natural * LODE_N_HEADLINES + CARD_SPACING * (LODE_N_HEADLINES - 1);
    }
}

static GtkSizeRequestMode
lode_headline_cards_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;   /* the cards' labels wrap */
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    on)
{
  if (on && !gtk_widget_has_css_class (widget, css_class))
    gtk_widget_add_css_class (widget, css_class);
  else if (!on && gtk_widget_has_css_class (widget, css_class))
    gtk_widget_remove_css_class (widget, css_class);
}

/* The type follows the width the row is given, as AdwClamp's size classes do: a change
 * re-measures the row once. */
static void
lode_headline_cards_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  int card = card_width (width), x = 0, extra = width - card * LODE_N_HEADLINES
                                               - CARD_SPACING * (LODE_N_HEADLINES - 1);

  set_css_class (widget, "narrow", card < NARROW_CARD);
  set_css_class (widget, "tight", card < TIGHT_CARD);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int w = card + (extra-- > 0 ? 1 : 0);

      gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, w, height }, -1);
      x += w + CARD_SPACING;
    }
}

static void
lode_headline_cards_class_init (LodeHeadlineCardsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_headline_cards_dispose;
  widget_class->get_request_mode = lode_headline_cards_get_request_mode;
  widget_class->measure = lode_headline_cards_measure;
  widget_class->size_allocate = lode_headline_cards_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "headlinecards");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lode_headline_cards_init (LodeHeadlineCards *self)
{
  /* Narrow and tight until the first allocation says otherwise: a row measured wider than it
   * will be would push the panes apart for good. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  gtk_widget_add_css_class (GTK_WIDGET (self), "tight");
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
            N_("China-free defence in 2028"),
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
