/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-cards-paint"

#include "config.h"

#include <math.h>

#include "lode-cards-paint.h"
#include "lode-text.h"

/* Text shrinks to fit its card, to this share of its size at the least. */
#define MIN_TEXT_SHARE 0.45

/* A difference too long for one line ("3 years sooner than baseline (supply short)") breaks
 * before its last parenthesis; returns the second line (or NULL) and cuts `delta` there. */
static char *
split_delta (char          *delta,
             double         size,
             double         max_width)
{
  char *paren;
  double w;

  if (delta == NULL)
    return NULL;
  lode_text_measure (delta, size, LODE_TEXT_NORMAL, &w, NULL);
  paren = g_strrstr (delta, " (");
  if (w <= max_width || paren == NULL || paren == delta)
    return NULL;
  *paren = '\0';
  return g_strdup (paren + 1);
}

/* The size at which every text of a row fits `max_width`: one size per row, so the cards
 * read alike. */
static double
row_size (LodeHeadlineText *texts,
          int               field,
          double            size,
          double            max_width,
          LodeTextFlags     flags)
{
  double fitted = size;

  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      const char *text = field == 0 ? texts[i].title : field == 1 ? texts[i].value
                                                                  : texts[i].delta;
      double w;

      if (text == NULL)
        continue;
      lode_text_measure (text, size, flags, &w, NULL);
      if (w > max_width && w > 0)
        fitted = MIN (fitted, size * max_width / w);
    }
  return MAX (fitted, size * MIN_TEXT_SHARE);
}

/* The type, spacing and text of the row of cards, measured once before anything is drawn. */
typedef struct
{
  LodeHeadlineText texts[LODE_N_HEADLINES];
  char            *second[LODE_N_HEADLINES];  /* a difference's second line, or NULL */
  double           gap, card_w, pad;
  double           title_px, value_px, delta_px;
  double           title_h, value_h, delta_h;
  double           top;                         /* of the title line */
  double           fs;
} Cards;

/* Sizes and spacing at font scale 1, px. */
#define CARD_GAP_PX      12.0
#define CARD_PAD_PX      14.0
#define CARD_PAD_SHARE   0.1    /* of the card's width at most */
#define CARD_RADIUS_PX   12.0
#define TITLE_PX         12.0
#define VALUE_PX         22.0
#define DELTA_PX         11.5
#define LINE_GAP_PX      2.0    /* between title, value and difference */

static void
measure_cards (Cards               *c,
               const LodeHeadlines *headlines,
               double               y,
               double               height)
{
  double text_w = c->card_w - 2 * c->pad;
  gboolean two_lines = FALSE;
  double block_h;

  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    lode_headlines_format (headlines, (LodeHeadline) i, &c->texts[i]);
  c->title_px = row_size (c->texts, 0, TITLE_PX * c->fs, text_w, LODE_TEXT_BOLD);
  c->value_px = row_size (c->texts, 1, VALUE_PX * c->fs, text_w, LODE_TEXT_BOLD);
  c->delta_px = DELTA_PX * c->fs;
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      c->second[i] = split_delta (c->texts[i].delta, c->delta_px, text_w);
      two_lines |= c->second[i] != NULL;
    }
  c->delta_px = row_size (c->texts, 2, c->delta_px, text_w, LODE_TEXT_NORMAL);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    if (c->second[i] != NULL)
      {
        double w;

        lode_text_measure (c->second[i], c->delta_px, LODE_TEXT_NORMAL, &w, NULL);
        if (w > text_w && w > 0)
          c->delta_px = MAX (c->delta_px * text_w / w, DELTA_PX * c->fs * MIN_TEXT_SHARE);
      }
  lode_text_measure ("0", c->title_px, LODE_TEXT_BOLD, NULL, &c->title_h);
  lode_text_measure ("0", c->value_px, LODE_TEXT_BOLD, NULL, &c->value_h);
  lode_text_measure ("0", c->delta_px, LODE_TEXT_NORMAL, NULL, &c->delta_h);
  /* The three lines sit in the middle of the card. */
  block_h = c->title_h + c->value_h + c->delta_h * (two_lines ? 2 : 1) + 4 * c->fs;
  c->top = y + MAX ((height - block_h) / 2, MIN (c->pad, height * CARD_PAD_SHARE));
}

static void
paint_card (cairo_t           *cr,
            const Cards       *c,
            guint              i,
            double             cx,
            double             y,
            double             height,
            const LodePalette *palette)
{
  const LodeHeadlineText *text = &c->texts[i];
  /* Green and red that hold on light and dark cards alike. */
  LodeRgba better = palette->dark ? (LodeRgba) { 0.56, 0.86, 0.55, 1 }
                                  : (LodeRgba) { 0.11, 0.53, 0.25, 1 };
  double ty = c->top;

  lode_cairo_rounded_rect (cr, cx, y, c->card_w, height, CARD_RADIUS_PX * c->fs);
  lode_cairo_set_rgba (cr, palette->card);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.0);
  lode_cairo_set_rgba (cr, palette->grid);
  cairo_stroke (cr);

  lode_text_draw (cr, text->title, cx + c->pad, ty, c->title_px, LODE_TEXT_BOLD, 0,
                  palette->muted);
  ty += c->title_h + LINE_GAP_PX * c->fs;
  lode_text_draw (cr, text->value, cx + c->pad, ty, c->value_px, LODE_TEXT_BOLD, 0,
                  palette->foreground);
  ty += c->value_h + LINE_GAP_PX * c->fs;
  if (text->delta != NULL)
    {
      LodeRgba colour = text->trend == LODE_HEADLINE_BETTER ? better
                        : text->trend == LODE_HEADLINE_WORSE ? palette->target
                        : text->trend == LODE_HEADLINE_SUPPLY_SHORT ? palette->warning
                        : palette->muted;

      lode_text_draw (cr, text->delta, cx + c->pad, ty, c->delta_px, LODE_TEXT_NORMAL, 0,
                      colour);
      if (c->second[i] != NULL)
        lode_text_draw (cr, c->second[i], cx + c->pad, ty + c->delta_h, c->delta_px,
                        LODE_TEXT_NORMAL, 0, colour);
    }
}

void
lode_cards_paint (cairo_t             *cr,
                  const LodeHeadlines *headlines,
                  double               x,
                  double               y,
                  double               width,
                  double               height,
                  double               font_scale,
                  const LodePalette   *palette)
{
  Cards c = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (headlines != NULL);
  g_return_if_fail (palette != NULL);

  c.fs = font_scale > 0 ? font_scale : 1.0;
  c.gap = CARD_GAP_PX * c.fs;
  c.card_w = (width - c.gap * (LODE_N_HEADLINES - 1)) / LODE_N_HEADLINES;
  if (c.card_w <= 0 || height <= 0)
    return;
  c.pad = MIN (CARD_PAD_PX * c.fs, c.card_w * CARD_PAD_SHARE);
  measure_cards (&c, headlines, y, height);

  cairo_save (cr);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      paint_card (cr, &c, i, x + i * (c.card_w + c.gap), y, height, palette);
      g_free (c.second[i]);
      lode_headline_text_clear (&c.texts[i]);
    }
  cairo_restore (cr);
}
