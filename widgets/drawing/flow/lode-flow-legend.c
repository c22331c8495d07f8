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

/* Sizes and gaps, px at chrome scale 1; rows are LEGEND_ROW_SPACING text heights apart. */
#define LEGEND_TEXT_SIZE    11.0
#define LEGEND_SWATCH       11.0
#define LEGEND_SWATCH_GAP   6.0
#define LEGEND_ITEM_GAP     18.0
#define LEGEND_ROW_SPACING  1.35

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

/* The entries, in order: the year, the regions present in any year, the keys. */
static void
add_entries (LodeFlowLayout *self)
{
  char buf[LODE_FLOW_LABEL_MAX];
  gboolean any_loop = FALSE;

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
}

typedef struct
{
  double size;        /* text, px */
  double swatch;      /* side of a swatch */
  double swatch_gap;  /* between a swatch and its text */
  double item_gap;    /* between two entries */
  double row_h;
  double left, right;
} LegendMetrics;

/* The swatch and the gap after it; nothing for a note. */
static double
swatch_part (const LegendMetrics      *m,
             const LodeFlowLegendItem *item)
{
  return item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : m->swatch + m->swatch_gap;
}

static double
text_width (const LegendMetrics *m,
            LodeFlowLegendItem  *item)
{
  double tw;

  item->size = m->size;
  lode_text_measure (item->text, m->size, item->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL,
                     &tw, NULL);
  return tw;
}

static void
set_entry_rects (const LegendMetrics *m,
                 LodeFlowLegendItem  *item,
                 double               x,
                 double               y,
                 double               text_w)
{
  item->swatch = (LodeFlowRect) { x, y + (m->row_h - m->swatch) / 2,
                                  item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : m->swatch,
                                  m->swatch };
  item->text_rect = (LodeFlowRect) { x + swatch_part (m, item), y, text_w, m->row_h };
}

/* One row: the entries in order of importance (year, China content — the key to the hatching,
 * the diagram's point —, regions, ...), skipping those that no longer fit; the tooltips carry
 * the rest. Returns the y of the last row, 0. */
static double
one_row (LodeFlowLayout      *self,
         const LegendMetrics *m)
{
  guint kept = 0;
  double x = m->left;

  for (guint k = 2; k < self->n_legend; k++)
    if (self->legend[k].kind == LODE_FLOW_LEGEND_CHINA_CONTENT)
      {
        LodeFlowLegendItem china = self->legend[k];

        memmove (&self->legend[2], &self->legend[1], (k - 1) * sizeof china);
        self->legend[1] = china;
        break;
      }
  for (guint k = 0; k < self->n_legend; k++)
    {
      LodeFlowLegendItem *item = &self->legend[k];
      double tw = text_width (m, item), w = swatch_part (m, item) + tw;

      if (x + w > m->right)
        continue;
      set_entry_rects (m, item, x, 0.0, tw);
      x += w + m->item_gap;
      self->legend[kept++] = *item;
    }
  self->n_legend = kept;
  return 0.0;
}

/* As many rows as needed, each entry where the last ended. Returns the y of the last row. */
static double
wrapped_rows (LodeFlowLayout      *self,
              const LegendMetrics *m)
{
  double x = m->left, y = 0.0;

  for (guint k = 0; k < self->n_legend; k++)
    {
      LodeFlowLegendItem *item = &self->legend[k];
      double tw = MIN (text_width (m, item), m->right - m->left - m->swatch - m->swatch_gap);
      double w = swatch_part (m, item) + tw;

      if (x > m->left && x + w > m->right)
        {
          x = m->left;
          y += m->row_h * LEGEND_ROW_SPACING;
        }
      set_entry_rects (m, item, x, y, tw);
      x += w + m->item_gap;
    }
  return y;
}

/* Lays the legend out in rows from the bottom margin up; returns its height. */
double
lode_flow_layout_legend (LodeFlowLayout *self,
                         Build          *b)
{
  double fs = self->chrome_scale;
  LegendMetrics m = {
    .size = LEGEND_TEXT_SIZE * fs,
    .swatch = LEGEND_SWATCH * fs,
    .swatch_gap = LEGEND_SWATCH_GAP * fs,
    .item_gap = LEGEND_ITEM_GAP * fs,
    .left = b->margin,
    .right = self->width - b->margin,
  };
  double y, height, top;

  self->n_legend = 0;
  if (!self->options.show_legend || self->projection == NULL)
    return 0.0;
  add_entries (self);
  lode_text_measure ("Ag", m.size, LODE_TEXT_NORMAL, NULL, &m.row_h);
  y = self->legend_one_line ? one_row (self, &m) : wrapped_rows (self, &m);

  /* Rows are laid from y = 0; move them to the bottom margin. */
  height = y + m.row_h;
  top = self->height - b->margin - height;
  for (guint k = 0; k < self->n_legend; k++)
    {
      self->legend[k].swatch.y += top;
      self->legend[k].text_rect.y += top;
    }
  return height;
}
