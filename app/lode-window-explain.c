/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-window-explain.c — an activated headline card shows how its figure is made, in a
 * popover beside it, with the figure's sources a click further (win.sources). */

#define G_LOG_DOMAIN "lode-window"

#include "config.h"

#include "lode-explain-popover.h"
#include "lode-headline-cards.h"
#include "lode-window-private.h"

/* What `which` explains, and for which year; FALSE when the card has no breakdown (its
 * sources are all there is to show). */
static gboolean
explanation_for (const LodeProjection *projection,
                 const LodeHeadlines  *headlines,
                 LodeHeadline          which,
                 const char          **out_key,
                 int                  *out_year)
{
  switch (which)
    {
    case LODE_HEADLINE_CHINA_FREE_2030:
    case LODE_HEADLINE_CHINA_FREE_2035:
      *out_key = "china_free_share_us_demand";
      *out_year = which == LODE_HEADLINE_CHINA_FREE_2030 ? 2030 : 2035;
      return *out_year <= projection->horizon;
    case LODE_HEADLINE_TARGET_YEAR:
      /* The share in the year it reaches the target, or in the last year when it does not. */
      *out_key = "china_free_share_us_demand";
      *out_year = headlines->target_year != 0 ? headlines->target_year : projection->horizon;
      return TRUE;
    case LODE_HEADLINE_NET_COST:
    case LODE_HEADLINE_COST_PER_TONNE:
      *out_key = "fund_npv_busd";
      *out_year = projection->horizon;
      return TRUE;
    case LODE_HEADLINE_DEFENCE:
      *out_key = "us_defence_need_met_share";
      *out_year = LODE_HEADLINE_DEFENCE_YEAR;
      return *out_year <= projection->horizon;
    case LODE_HEADLINE_JOBS:
    case LODE_HEADLINE_US_UNMET:
    case LODE_N_HEADLINES:
    default:
      return FALSE;
    }
}

static LodeExplainPopover *
popover_at (LodeWindow   *self,
            LodeHeadline  which)
{
  if (self->explain_popovers[which] == NULL)
    {
      GtkWidget *card = lode_headline_cards_get_card (LODE_HEADLINE_CARDS (self->cards), which);

      self->explain_popovers[which] = g_object_ref_sink (lode_explain_popover_new ());
      gtk_widget_set_parent (self->explain_popovers[which], card);
    }
  return LODE_EXPLAIN_POPOVER (self->explain_popovers[which]);
}

void
lode_window_explain_headline (LodeWindow   *self,
                              LodeHeadline  which)
{
  const LodeProjection *projection = lode_document_get_projection (self->document);
  g_autoptr(LodeExplanation) explanation = NULL;
  g_autofree char *sources = g_strdup_printf ("win.sources('headline:%d')", which);
  LodeExplainPopover *popover;
  LodeHeadlines headlines;
  const char *key = NULL;
  int year = 0;

  if (projection == NULL)
    return;
  lode_headlines_compute (projection, NULL, lode_document_get_target_share (self->document),
                          &headlines);
  if (explanation_for (projection, &headlines, which, &key, &year))
    explanation = lode_explain (projection, key, year, NULL);
  if (explanation == NULL)
    {
      gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.sources",
                                          g_variant_new_take_string (
                                            g_strdup_printf ("headline:%d", which)));
      return;
    }

  popover = popover_at (self, which);
  lode_explain_popover_set_explanation (popover, explanation);
  lode_explain_popover_set_sources_action (popover, sources);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
lode_window_close_explanation (LodeWindow *self)
{
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      if (self->explain_popovers[i] == NULL)
        continue;
      if (gtk_widget_get_parent (self->explain_popovers[i]) != NULL)
        gtk_widget_unparent (self->explain_popovers[i]);
      g_clear_object (&self->explain_popovers[i]);
    }
}
