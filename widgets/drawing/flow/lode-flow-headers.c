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

void
lode_flow_layout_headers (LodeFlowLayout *self,
                          Build          *b,
                          double         *out_height)
{
  double fs = self->chrome_scale;
  double title_size = 13.5 * fs, unit_size = 11.0 * fs, badge_size = 10.0 * fs;
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
      h->badge_rect.height = bh + 4 * fs;
      lode_text_measure (h->title, title_size, LODE_TEXT_BOLD, &h->title_rect.width, NULL);
      lode_text_measure (h->unit, unit_size, LODE_TEXT_NORMAL, &h->unit_rect.width, NULL);
      h->bottleneck = c == self->bottleneck;
      if (h->bottleneck)
        {
          g_strlcpy (h->badge, _("Bottleneck"), sizeof h->badge);
          lode_text_measure (h->badge, badge_size, LODE_TEXT_BOLD, &h->badge_rect.width, NULL);
          /* The painter's padding (in the options' font scale) and warning triangle. */
          h->badge_rect.width += 13 * self->font_scale + 0.95 * badge_size;
        }
    }
  /* The badge line is always reserved, so the diagram does not move when it appears. */
  *out_height = th + uh + 4 * fs + (self->compact ? 0.0 : bh + 4 * fs);
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

/* TRUE if the badge stays on the canvas and clear of every column's title and unit. */
static gboolean
badge_clear (const LodeFlowLayout *self,
             const Build          *b,
             const LodeFlowRect   *badge)
{
  if (badge->x < b->margin / 2 || badge->x + badge->width > self->width - b->margin / 2)
    return FALSE;
  for (int c = 0; c < N_COLS; c++)
    {
      const LodeFlowHeader *o = &self->headers[c];

      if (rect_hits (badge, &o->title_rect) || rect_hits (badge, &o->unit_rect))
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
  double gap = 4 * self->chrome_scale;
  double mark_w = 10 * self->font_scale + 0.95 * h->badge_size;

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
          y += r->height + 2 * fs;
        }
      if (self->compact && h->bottleneck)
        {
          /* No room for a line of its own: the badge sits beside the unit. */
          h->badge_rect.x = MIN (h->unit_rect.x + h->unit_rect.width + 4 * fs,
                                 hi - h->badge_rect.width);
          h->badge_rect.y = h->unit_rect.y + (h->unit_rect.height - h->badge_rect.height) / 2;
        }
      if (h->bottleneck)
        {
          double pad_b = MIN (b->spacing * 0.25, 16 * fs);

          h->band = (LodeFlowRect) {
            b->x[c] - pad_b, b->margin - 4 * fs,
            self->node_width + 2 * pad_b, b->area_bottom - b->margin + 8 * fs,
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
}
