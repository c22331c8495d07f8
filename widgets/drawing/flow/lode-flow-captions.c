/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Free-standing captions: the recycling total under the loop, the by-product note under
 * separation, and the message of a year in which nothing flows.
 */
#define G_LOG_DOMAIN "lode-flow-captions"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-flow-layout-private.h"
#include "lode-text.h"

LodeFlowCaption *
lode_flow_add_caption (LodeFlowLayout *self,
                       const char     *text,
                       double          size,
                       gboolean        muted)
{
  LodeFlowCaption *cap;

  if (self->n_captions >= MAX_CAPTIONS)
    return NULL;
  cap = &self->captions[self->n_captions++];
  *cap = (LodeFlowCaption) { .size = size, .muted = muted };
  g_strlcpy (cap->text, text, sizeof cap->text);
  lode_text_measure (cap->text, size, LODE_TEXT_NORMAL, &cap->rect.width, &cap->rect.height);
  return cap;
}

/* Fits a caption horizontally into [lo, hi] around centre cx, shrinking the text if needed. */
void
lode_flow_fit_caption (LodeFlowCaption *cap,
                       double           cx,
                       double           lo,
                       double           hi)
{
  if (cap->rect.width > hi - lo && hi > lo && cap->rect.width > 0)
    {
      double f = MAX ((hi - lo) / cap->rect.width, 0.7);

      cap->size *= f;
      lode_text_measure (cap->text, cap->size, LODE_TEXT_NORMAL,
                         &cap->rect.width, &cap->rect.height);
    }
  cap->rect.x = CLAMP (cx - cap->rect.width / 2, lo, MAX (lo, hi - cap->rect.width));
}

void
lode_flow_layout_captions (LodeFlowLayout *self,
                           Build          *b)
{
  double fs = self->chrome_scale;
  double size = LODE_FLOW_CAPTION_SIZE * fs;
  double rec_total = 0.0, byp_total = 0.0;
  char amount[64], text[LODE_FLOW_LABEL_MAX * 2];
  gboolean any_visible = FALSE;

  for (guint q = 0; q < MAX_NODES; q++)
    any_visible |= self->nodes[q].visible;
  if (!any_visible)
    {
      LodeFlowCaption *cap;

      g_snprintf (text, sizeof text, _("No material flows through the chain in %d"),
                  self->shown_year);
      cap = lode_flow_add_caption (self, text, LODE_FLOW_MESSAGE_SIZE * fs, TRUE);
      lode_flow_fit_caption (cap, self->width / 2, b->margin, self->width - b->margin);
      cap->rect.y = (b->diag_top + b->area_bottom) / 2 - cap->rect.height / 2;
      return;
    }

  for (guint q = 0; q < self->n_ribbons; q++)
    {
      if (self->ribbons[q].kind == LODE_FLOW_RIBBON_RECYCLING)
        rec_total += self->ribbons[q].value;
      else if (self->ribbons[q].kind == LODE_FLOW_RIBBON_BYPRODUCT)
        byp_total += self->ribbons[q].value;
    }

  if (rec_total > 0)
    {
      LodeFlowCaption *cap;
      double lanes = lode_flow_recycling_px (self, b, self->scale);
      double cx_l = b->x[LODE_STAGE_METAL] - b->r_small;
      double cx_r = b->x[LODE_FLOW_COLUMN_END_USE] + self->node_width + b->r_small;

      lode_flow_format_tonnes (amount, sizeof amount, rec_total, "t");
      /* Translators: under the recycling loop; %s is "1.2 kt" */
      g_snprintf (text, sizeof text, _("Recycled back to metal making: %s"), amount);
      cap = lode_flow_add_caption (self, text, size, TRUE);
      lode_flow_fit_caption (cap, (cx_l + cx_r) / 2, cx_l - b->r_corner - lanes,
                             cx_r + b->r_corner + lanes);
      cap->rect.y = b->area_bottom + b->r_small + 2.0 + b->r_corner + lanes + 2.0 * fs;
    }
  if (byp_total > 0)
    {
      LodeFlowCaption *cap;
      double cx = b->x[LODE_STAGE_SEPARATION] + self->node_width / 2;
      double hi = b->x[LODE_STAGE_METAL] - b->r_small - b->r_corner
                  - (rec_total > 0 ? lode_flow_recycling_px (self, b, self->scale) : 0) - b->pad;

      lode_flow_format_tonnes (amount, sizeof amount, byp_total, lode_stage_unit (LODE_STAGE_MINE));
      /* Translators: caption of the thin by-product stubs at separation; %s is "210 kt REO" */
      g_snprintf (text, sizeof text, _("By-product (Ce, La …)\n%s, not to scale"), amount);
      cap = lode_flow_add_caption (self, text, size, TRUE);
      lode_flow_fit_caption (cap, cx, b->margin, MAX (hi, b->margin + 10));
      cap->rect.y = b->area_bottom + b->pad;
    }
}
