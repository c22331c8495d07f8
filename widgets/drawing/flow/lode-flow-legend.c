/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The legend: the year, a swatch per region present, the keys to the hatching, the loop and
 * the stubs, laid out in rows from the bottom margin up (one row on a short canvas).
 */
#define G_LOG_DOMAIN "lode-flow-legend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lode-flow-layout-private.h"
#include "lode-text.h"

static void
add_legend (LodeFlowLayout     *self,
            LodeFlowLegendKind  kind,
            guint               region,
            const char         *text,
            gboolean            bold)
{
  LodeFlowLegendItem *item;

  if (self->n_legend >= MAX_LEGEND)
    return;
  item = &self->legend[self->n_legend++];
  *item = (LodeFlowLegendItem) { .kind = kind, .region = region, .bold = bold };
  g_strlcpy (item->text, text, sizeof item->text);
}

/* Lays the legend out in rows from the bottom margin up; returns its height. */
double
lode_flow_layout_legend (LodeFlowLayout *self,
               Build          *b)
{
  double fs = self->chrome_scale;
  double size = 11.0 * fs, sw = 11.0 * fs, sgap = 6.0 * fs, igap = 18.0 * fs;
  double row_h, x, y, left = b->margin, right = self->width - b->margin;
  char buf[LODE_FLOW_LABEL_MAX];
  gboolean any_loop = FALSE;

  self->n_legend = 0;
  if (!self->options.show_legend || self->projection == NULL)
    return 0.0;

  g_snprintf (buf, sizeof buf, "%d", self->shown_year);
  add_legend (self, LODE_FLOW_LEGEND_NOTE, 0, buf, TRUE);
  for (guint r = 0; r < self->n_regions; r++)
    {
      gboolean present = FALSE;

      for (int c = 0; c < N_COLS; c++)
        present |= self->rank[c][r] >= 0;
      if (present)
        add_legend (self, LODE_FLOW_LEGEND_REGION, r, lode_flow_region_name (self, r), FALSE);
    }
  if (self->options.show_china_content)
    add_legend (self, LODE_FLOW_LEGEND_CHINA_CONTENT, 0,
                _("Hatched or greyed: passed through China"), FALSE);
  for (guint r = 0; r < self->n_regions; r++)
    any_loop |= self->ever_recycled[r];
  if (any_loop)
    add_legend (self, LODE_FLOW_LEGEND_RECYCLING, 0, _("Recycling"), FALSE);
  add_legend (self, LODE_FLOW_LEGEND_LOSS, 0, _("Losses, stocks, other feed"), FALSE);
  if (self->ever_byproduct)
    add_legend (self, LODE_FLOW_LEGEND_BYPRODUCT, 0, _("By-product, not to scale"), FALSE);
  if (!self->compact)
    add_legend (self, LODE_FLOW_LEGEND_NOTE, 0, _("Widths: t NdPr-oxide equivalent"), FALSE);

  lode_text_measure ("Ag", size, LODE_TEXT_NORMAL, NULL, &row_h);
  if (self->legend_one_line)
    {
      /* One row: the entries in order of importance (year, China content — the key to the
       * hatching, the diagram's point —, regions, ...), skipping those that no longer fit;
       * the tooltips carry the rest. */
      guint kept = 0;

      for (guint k = 2; k < self->n_legend; k++)
        if (self->legend[k].kind == LODE_FLOW_LEGEND_CHINA_CONTENT)
          {
            LodeFlowLegendItem china = self->legend[k];

            memmove (&self->legend[2], &self->legend[1], (k - 1) * sizeof china);
            self->legend[1] = china;
            break;
          }
      x = left;
      for (guint k = 0; k < self->n_legend; k++)
        {
          LodeFlowLegendItem *item = &self->legend[k];
          double tw, w;

          item->size = size;
          lode_text_measure (item->text, size,
                             item->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL, &tw, NULL);
          w = (item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : sw + sgap) + tw;
          if (x + w > right)
            continue;
          item->swatch = (LodeFlowRect) { x, (row_h - sw) / 2,
                                          item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : sw, sw };
          item->text_rect = (LodeFlowRect) { x + (item->swatch.width > 0 ? sw + sgap : 0), 0,
                                             tw, row_h };
          x += w + igap;
          self->legend[kept++] = *item;
        }
      self->n_legend = kept;
      y = 0.0;
      goto place;
    }

  x = left;
  y = 0.0;
  for (guint k = 0; k < self->n_legend; k++)
    {
      LodeFlowLegendItem *item = &self->legend[k];
      double tw, w;

      item->size = size;
      lode_text_measure (item->text, size, item->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL,
                         &tw, NULL);
      tw = MIN (tw, right - left - sw - sgap);
      w = (item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : sw + sgap) + tw;
      if (x > left && x + w > right)
        {
          x = left;
          y += row_h * 1.35;
        }
      if (item->kind == LODE_FLOW_LEGEND_NOTE)
        item->swatch = (LodeFlowRect) { x, y + (row_h - sw) / 2, 0, sw };
      else
        item->swatch = (LodeFlowRect) { x, y + (row_h - sw) / 2, sw, sw };
      item->text_rect = (LodeFlowRect) { x + (item->swatch.width > 0 ? sw + sgap : 0), y, tw,
                                         row_h };
      x += w + igap;
    }

  /* Rows are laid from y = 0; move them to the bottom margin. */
place:
  {
    double height = y + row_h;
    double top = self->height - b->margin - height;

    for (guint k = 0; k < self->n_legend; k++)
      {
        self->legend[k].swatch.y += top;
        self->legend[k].text_rect.y += top;
      }
    return height;
  }
}
