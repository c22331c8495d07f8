/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Stage headers (title and unit above each column) and the bottleneck badge with the band
 * that marks the stage limiting US magnet output.
 */
#define G_LOG_DOMAIN "lode-flow-headers"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-flow-layout-private.h"
#include "lode-text.h"

/* Text sizes, px at chrome scale 1. */
#define TITLE_SIZE        13.5
#define UNIT_SIZE         11.0
#define BADGE_SIZE        10.0
/* Space around and between the lines of a header, px at chrome scale 1. */
#define LINE_GAP          2.0
#define BADGE_V_PAD       2.0
/* Inside the badge, px at font scale 1: padding at both ends, the gap between the warning
 * mark and the word, and the mark's size as a fraction of the badge's text size. */
#define BADGE_H_PAD       5.0
#define BADGE_MARK_GAP    3.0
#define BADGE_MARK_SIZE   0.95
/* Beside a header's unit or title on a compact canvas, px at chrome scale 1: the gap to its
 * anchor, and the clearance it keeps from every other header's text. */
#define BADGE_GAP         4.0
#define BADGE_CLEARANCE   6.0
/* The tinted band behind the bottleneck column: its padding beside the node (at most
 * BAND_PAD_FRACTION of the column spacing) and above and below the column, px. */
#define BAND_PAD          16.0
#define BAND_PAD_FRACTION 0.25
#define BAND_V_PAD        4.0

/* A badge holding only the warning mark. */
static double
mark_only_width (const LodeFlowLayout *self,
                 const LodeFlowHeader *h)
{
  return 2 * BADGE_H_PAD * self->font_scale + BADGE_MARK_SIZE * h->badge_size;
}

/* The mark and the word inside the badge, once the badge is in place. */
static void
badge_contents (const LodeFlowLayout *self,
                LodeFlowHeader       *h)
{
  const LodeFlowRect *b = &h->badge_rect;
  double fs = self->font_scale, mark = h->badge_size * BADGE_MARK_SIZE;

  h->badge_icon = (LodeFlowRect) {
    b->x + BADGE_H_PAD * fs, b->y + (b->height - mark) / 2 + 0.5 * fs, mark, mark
  };
  h->badge_text_rect.x = b->x + BADGE_H_PAD * fs + mark + BADGE_MARK_GAP * fs;
  h->badge_text_rect.y = b->y + BADGE_V_PAD * fs;
  if (h->badge[0] == '\0' || b->width <= 0)
    h->badge_text_rect.width = 0;
  if (b->width <= 0)
    h->badge_icon.width = 0;
}

void
lode_flow_layout_headers (LodeFlowLayout *self,
                          Build          *b,
                          double         *out_height)
{
  double fs = self->chrome_scale;
  double title_size = TITLE_SIZE * fs, unit_size = UNIT_SIZE * fs, badge_size = BADGE_SIZE * fs;
  double th, uh, bh;

  lode_text_measure ("Ag", title_size, LODE_TEXT_BOLD, NULL, &th);
  lode_text_measure ("Ag", unit_size, LODE_TEXT_NORMAL, NULL, &uh);
  lode_text_measure ("Ag", badge_size, LODE_TEXT_BOLD, NULL, &bh);
  for (int c = 0; c < N_COLS; c++)
    {
      LodeFlowHeader *h = &self->headers[c];

      h->title_size = title_size;
      h->unit_size = unit_size;
      h->badge_size = badge_size;
      h->title_rect.height = th;
      h->unit_rect.height = uh;
      h->badge_rect.height = bh + 2 * BADGE_V_PAD * fs;
      lode_text_measure (h->title, title_size, LODE_TEXT_BOLD, &h->title_rect.width, NULL);
      lode_text_measure (h->unit, unit_size, LODE_TEXT_NORMAL, &h->unit_rect.width, NULL);
      h->bottleneck = c == self->bottleneck;
      if (h->bottleneck)
        {
          g_strlcpy (h->badge, _("Bottleneck"), sizeof h->badge);
          lode_text_measure (h->badge, badge_size, LODE_TEXT_BOLD, &h->badge_text_rect.width,
                             &h->badge_text_rect.height);
          h->badge_rect.width = h->badge_text_rect.width
                                + (2 * BADGE_H_PAD + BADGE_MARK_GAP) * self->font_scale
                                + BADGE_MARK_SIZE * badge_size;
        }
    }
  /* The badge line is always reserved, so the diagram does not move when it appears. */
  *out_height = th + uh + 2 * LINE_GAP * fs
                + (self->compact ? 0.0 : bh + 2 * BADGE_V_PAD * fs);
  (void) b;
}

static gboolean
rect_hits (const LodeFlowRect *a,
           const LodeFlowRect *b)
{
  return a->width > 0 && b->width > 0
         && a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static LodeFlowRect
grown (const LodeFlowRect *r,
       double              by)
{
  return (LodeFlowRect) { r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by };
}

/* TRUE if the badge stays on the canvas, clear of its own column's title and unit and at
 * least BADGE_CLEARANCE away from every other column's, so it never reads as theirs. */
static gboolean
badge_clear (const LodeFlowLayout *self,
             const Build          *b,
             const LodeFlowRect   *badge)
{
  double clearance = BADGE_CLEARANCE * self->chrome_scale;

  if (badge->x < b->margin / 2 || badge->x + badge->width > self->width - b->margin / 2)
    return FALSE;
  for (int c = 0; c < N_COLS; c++)
    {
      const LodeFlowHeader *o = &self->headers[c];
      double by = c == self->bottleneck ? 0.0 : clearance;
      LodeFlowRect title = grown (&o->title_rect, by), unit = grown (&o->unit_rect, by);

      if (rect_hits (badge, &title) || rect_hits (badge, &unit))
        return FALSE;
    }
  return TRUE;
}

/* A short canvas has no line for the badge: try it beside the unit, then beside the title,
 * then as a bare warning mark beside either (the tooltip and the description name it). */
static void
fit_badge (LodeFlowLayout *self,
           const Build    *b)
{
  LodeFlowHeader *h = &self->headers[self->bottleneck];
  double gap = BADGE_GAP * self->chrome_scale;
  double mark_w = mark_only_width (self, h);

  for (int mark = 0; mark < 2; mark++)
    {
      double w = mark ? mark_w : h->badge_rect.width;
      const LodeFlowRect *anchors[2] = { &h->unit_rect, &h->title_rect };

      for (int a = 0; a < 2; a++)
        {
          const LodeFlowRect *r = anchors[a];
          LodeFlowRect cand[2] = {
            { r->x + r->width + gap, r->y + (r->height - h->badge_rect.height) / 2,
              w, h->badge_rect.height },
            { r->x - gap - w, r->y + (r->height - h->badge_rect.height) / 2,
              w, h->badge_rect.height },
          };

          for (int side = 0; side < 2; side++)
            if (badge_clear (self, b, &cand[side]))
              {
                h->badge_rect = cand[side];
                if (mark)
                  h->badge[0] = '\0';
                return;
              }
        }
    }
  /* Nowhere: the tinted band alone marks the column. */
  h->badge_rect.width = 0;
}

void
lode_flow_position_headers (LodeFlowLayout *self,
                            Build          *b)
{
  double fs = self->chrome_scale;
  double lo = b->margin, hi = self->width - b->margin;

  for (int c = 0; c < N_COLS; c++)
    {
      LodeFlowHeader *h = &self->headers[c];
      double cx = b->x[c] + self->node_width / 2;
      LodeFlowRect *rects[3] = { &h->title_rect, &h->unit_rect, &h->badge_rect };
      double y = b->margin;

      for (int k = 0; k < 3; k++)
        {
          LodeFlowRect *r = rects[k];

          r->x = CLAMP (cx - r->width / 2, lo, MAX (lo, hi - r->width));
          r->y = y;
          y += r->height + LINE_GAP * fs;
        }
      if (self->compact && h->bottleneck)
        {
          /* No room for a line of its own: the badge sits beside the unit. */
          h->badge_rect.x = MIN (h->unit_rect.x + h->unit_rect.width + BADGE_GAP * fs,
                                 hi - h->badge_rect.width);
          h->badge_rect.y = h->unit_rect.y + (h->unit_rect.height - h->badge_rect.height) / 2;
        }
      if (h->bottleneck)
        {
          double pad_b = MIN (b->spacing * BAND_PAD_FRACTION, BAND_PAD * fs);

          h->band = (LodeFlowRect) {
            b->x[c] - pad_b, b->margin - BAND_V_PAD * fs,
            self->node_width + 2 * pad_b, b->area_bottom - b->margin + 2 * BAND_V_PAD * fs,
          };
          /* The band must not hide labels of the column to the left. */
          h->band.x = MAX (h->band.x, b->margin / 2);
        }
      else
        {
          h->badge_rect.width = 0;
        }
    }
  if (self->compact && self->bottleneck >= 0)
    fit_badge (self, b);
  if (self->bottleneck >= 0)
    badge_contents (self, &self->headers[self->bottleneck]);
}
