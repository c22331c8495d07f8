/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-cards-paint"

#include "config.h"

#include <math.h>

#include "lode-cards-paint.h"
#include "lode-text.h"

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
  return MAX (fitted, size * 0.45);
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
  LodeHeadlineText texts[LODE_N_HEADLINES];
  char *second[LODE_N_HEADLINES] = { NULL };
  gboolean two_lines = FALSE;
  double gap, card_w, pad, title_px, value_px, delta_px;
  double title_h, value_h, delta_h, block_h, top;
  LodeRgba better, worse;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (headlines != NULL);
  g_return_if_fail (palette != NULL);

  if (!(font_scale > 0))
    font_scale = 1.0;
  gap = 12 * font_scale;
  card_w = (width - gap * (LODE_N_HEADLINES - 1)) / LODE_N_HEADLINES;
  if (card_w <= 0 || height <= 0)
    return;
  pad = MIN (14 * font_scale, card_w * 0.1);
  title_px = 12 * font_scale;
  value_px = 22 * font_scale;
  delta_px = 11.5 * font_scale;
  /* Green and red that hold on light and dark cards alike. */
  better = palette->dark ? (LodeRgba) { 0.56, 0.86, 0.55, 1 } : (LodeRgba) { 0.11, 0.53, 0.25, 1 };
  worse = palette->target;

  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    lode_headlines_format (headlines, (LodeHeadline) i, &texts[i]);
  title_px = row_size (texts, 0, title_px, card_w - 2 * pad, LODE_TEXT_BOLD);
  value_px = row_size (texts, 1, value_px, card_w - 2 * pad, LODE_TEXT_BOLD);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      second[i] = split_delta (texts[i].delta, delta_px, card_w - 2 * pad);
      two_lines |= second[i] != NULL;
    }
  delta_px = row_size (texts, 2, delta_px, card_w - 2 * pad, LODE_TEXT_NORMAL);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    if (second[i] != NULL)
      {
        double w;

        lode_text_measure (second[i], delta_px, LODE_TEXT_NORMAL, &w, NULL);
        if (w > card_w - 2 * pad && w > 0)
          delta_px = MAX (delta_px * (card_w - 2 * pad) / w, 11.5 * font_scale * 0.45);
      }
  lode_text_measure ("0", title_px, LODE_TEXT_BOLD, NULL, &title_h);
  lode_text_measure ("0", value_px, LODE_TEXT_BOLD, NULL, &value_h);
  lode_text_measure ("0", delta_px, LODE_TEXT_NORMAL, NULL, &delta_h);
  /* The three lines sit in the middle of the card. */
  block_h = title_h + value_h + delta_h * (two_lines ? 2 : 1) + 4 * font_scale;
  top = y + MAX ((height - block_h) / 2, MIN (pad, height * 0.1));

  cairo_save (cr);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      double cx = x + i * (card_w + gap);
      double ty = top;

      lode_cairo_rounded_rect (cr, cx, y, card_w, height, 12 * font_scale);
      lode_cairo_set_rgba (cr, palette->card);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.0);
      lode_cairo_set_rgba (cr, palette->grid);
      cairo_stroke (cr);

      lode_text_draw (cr, texts[i].title, cx + pad, ty, title_px, LODE_TEXT_BOLD, 0,
                      palette->muted);
      ty += title_h + 2 * font_scale;
      lode_text_draw (cr, texts[i].value, cx + pad, ty, value_px, LODE_TEXT_BOLD, 0,
                      palette->foreground);
      ty += value_h + 2 * font_scale;
      if (texts[i].delta != NULL)
        {
          LodeRgba colour = texts[i].trend == LODE_HEADLINE_BETTER ? better
                            : texts[i].trend == LODE_HEADLINE_WORSE ? worse
                            : texts[i].trend == LODE_HEADLINE_SUPPLY_SHORT ? palette->warning
                            : palette->muted;

          lode_text_draw (cr, texts[i].delta, cx + pad, ty, delta_px, LODE_TEXT_NORMAL, 0,
                          colour);
          if (second[i] != NULL)
            lode_text_draw (cr, second[i], cx + pad, ty + delta_h, delta_px, LODE_TEXT_NORMAL,
                            0, colour);
        }
      g_free (second[i]);
      lode_headline_text_clear (&texts[i]);
    }
  cairo_restore (cr);
}
