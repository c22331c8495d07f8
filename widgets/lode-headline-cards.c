/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-headline-cards"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-headline-cards.h"
#include "lode-tooltip.h"

typedef struct
{
  GtkWidget *box;       /* a button showing the figure's sources when activated */
  GtkWidget *grid;      /* title, value and difference */
  GtkLabel  *title;
  GtkLabel  *value;
  GtkLabel  *delta;
} Card;

struct _LodeHeadlineCards
{
  GtkWidget       parent_instance;

  /* Borrowed: children of this widget */
  Card            cards[LODE_N_HEADLINES];

  GtkOrientation  orientation;
};

static void lode_headline_cards_orientable_init (GtkOrientableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LodeHeadlineCards, lode_headline_cards, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ORIENTABLE,
                                                      lode_headline_cards_orientable_init))

enum {
  PROP_0,
  PROP_ORIENTATION,
  N_PROPS
};

enum {
  SHOW_SOURCES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The width of the cards as a column beside the chart, px. */
#define COLUMN_WIDTH 270

static GtkLabel *
make_label (const char *css_class,
            const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* At most two lines, then an ellipsis (the tooltip and the accessible label have it all):
   * a card's height stays bounded however narrow it gets. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  /* The card's own label reads everything; the parts need not be read again. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return GTK_LABEL (label);
}

/* A row of cards: title over value over difference. A column (beside the chart): title and
 * value on one line, the difference under them, in a smaller type. */
static void
place_card (LodeHeadlineCards *self,
            Card              *card)
{
  GtkGrid *grid = GTK_GRID (card->grid);
  GtkWidget *parts[] = { GTK_WIDGET (card->title), GTK_WIDGET (card->value),
                         GTK_WIDGET (card->delta) };
  gboolean column = self->orientation == GTK_ORIENTATION_VERTICAL;

  /* Held while they move, so taking them out does not destroy them. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_object_ref_sink (parts[i]);
      if (gtk_widget_get_parent (parts[i]) != NULL)
        gtk_grid_remove (grid, parts[i]);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (card->value), column ? "title-2" : "heading");
  gtk_widget_add_css_class (GTK_WIDGET (card->value), column ? "heading" : "title-2");
  gtk_label_set_xalign (card->value, column ? 1.0 : 0.0);
  /* A value is never cut: beside the title it keeps its width. In a column, title and
   * difference take one line each, so the column's height does not depend on its width. */
  gtk_label_set_ellipsize (card->value, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (card->value, !column);
  gtk_label_set_wrap (card->title, !column);
  gtk_label_set_wrap (card->delta, !column);
  gtk_widget_set_hexpand (GTK_WIDGET (card->value), !column);
  if (column)
    {
      gtk_grid_attach (grid, GTK_WIDGET (card->title), 0, 0, 1, 1);
      gtk_grid_attach (grid, GTK_WIDGET (card->value), 1, 0, 1, 1);
      gtk_grid_attach (grid, GTK_WIDGET (card->delta), 0, 1, 2, 1);
    }
  else
    {
      gtk_grid_attach (grid, GTK_WIDGET (card->title), 0, 0, 1, 1);
      gtk_grid_attach (grid, GTK_WIDGET (card->value), 0, 1, 1, 1);
      gtk_grid_attach (grid, GTK_WIDGET (card->delta), 0, 2, 1, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_object_unref (parts[i]);
}

static void
card_clicked_cb (GtkButton         *button,
                 LodeHeadlineCards *self)
{
  gpointer which = g_object_get_data (G_OBJECT (button), "headline");

  g_signal_emit (self, signals[SHOW_SOURCES], 0, GPOINTER_TO_INT (which));
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
lode_headline_cards_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LodeHeadlineCards *self = LODE_HEADLINE_CARDS (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_headline_cards_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LodeHeadlineCards *self = LODE_HEADLINE_CARDS (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      lode_headline_cards_set_orientation (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_headline_cards_orientable_init (GtkOrientableIface *iface)
{
}

static void
lode_headline_cards_class_init (LodeHeadlineCardsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_headline_cards_dispose;
  object_class->get_property = lode_headline_cards_get_property;
  object_class->set_property = lode_headline_cards_set_property;

  g_object_class_override_property (object_class, PROP_ORIENTATION, "orientation");

  /* "show-sources" (LodeHeadline which): a card was activated; it asks for the sources of
   * its figure. */
  signals[SHOW_SOURCES] =
    g_signal_new ("show-sources", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);

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

  self->orientation = GTK_ORIENTATION_HORIZONTAL;
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      Card *card = &self->cards[i];
      g_autofree char *tooltip = lode_headline_dup_tooltip ((LodeHeadline) i);

      card->grid = g_object_new (GTK_TYPE_GRID,
                                 "row-spacing", 2,
                                 "column-spacing", 6,
                                 NULL);
      card->box = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (card->box), card->grid);
      gtk_widget_add_css_class (card->box, "card");
      gtk_widget_add_css_class (card->box, "headline");
      gtk_widget_set_hexpand (card->box, TRUE);
      gtk_widget_set_parent (card->box, GTK_WIDGET (self));
      lode_tooltip_set_text (card->box, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (card->box),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Shows the sources of this figure"), -1);
      g_object_set_data (G_OBJECT (card->box), "headline", GINT_TO_POINTER (i));
      g_signal_connect (card->box, "clicked", G_CALLBACK (card_clicked_cb), self);

      card->title = make_label ("caption-heading", "dim-label");
      card->value = make_label (NULL, NULL);
      card->delta = make_label ("caption", NULL);
      place_card (self, card);
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

void
lode_headline_cards_set_orientation (LodeHeadlineCards *self,
                                     GtkOrientation     orientation)
{
  GtkLayoutManager *layout;

  g_return_if_fail (LODE_IS_HEADLINE_CARDS (self));

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), orientation);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout),
                              orientation == GTK_ORIENTATION_VERTICAL ? 2 : 12);
  /* A column keeps one width, so its cards measure their height at it; a row shares the
   * width out evenly. */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout),
                                  orientation == GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_size_request (GTK_WIDGET (self),
                               orientation == GTK_ORIENTATION_VERTICAL ? COLUMN_WIDTH : -1, -1);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    place_card (self, &self->cards[i]);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "column");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "column");
  g_object_notify (G_OBJECT (self), "orientation");
}

GtkLabel *
lode_headline_cards_get_delta_label (LodeHeadlineCards *self,
                                     LodeHeadline       which)
{
  g_return_val_if_fail (LODE_IS_HEADLINE_CARDS (self), NULL);
  g_return_val_if_fail ((guint) which < LODE_N_HEADLINES, NULL);
  return self->cards[which].delta;
}
