/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Pixels per tonne: ribbon widths, node heights and the scale at which the tallest column,
 * with its gaps, minimum widths and the recycling lanes, fits the column area.
 */
#define G_LOG_DOMAIN "lode-flow-scale"

#include "config.h"

#include <math.h>

#include "lode-flow-layout-private.h"

static double
byproduct_width (const LodeFlowLayout *self)
{
  /* By-product is t REO of other rare earths, a different substance from the NdPr-oxide
   * equivalent the widths measure: drawing it to scale would break the mass balance and, at
   * several times the NdPr tonnage, dwarf the chain. It is a fixed thin stub with its
   * tonnage written in the caption. */
  return 3.0 * MIN (self->font_scale, 2.0);
}

double
lode_flow_ribbon_px (const LodeFlowLayout *self,
                     const LodeFlowRibbon *r,
                     double                k)
{
  if (r->kind == LODE_FLOW_RIBBON_BYPRODUCT)
    return byproduct_width (self);
  return MAX (r->value * k, MIN_RIBBON_PX);
}

void
lode_flow_node_heights (const LodeFlowLayout *self,
                        double                k,
                        double               *heights)
{
  double in_px[MAX_NODES] = { 0 }, out_px[MAX_NODES] = { 0 };

  for (guint q = 0; q < self->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = &self->ribbons[q];
      double w = lode_flow_ribbon_px (self, r, k);

      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        {
          out_px[r->source] = MAX (out_px[r->source], w);  /* leaves from the stock in use */
          in_px[r->target] += w;
          continue;
        }
      if (r->source >= 0)
        out_px[r->source] += w;
      if (r->target >= 0)
        in_px[r->target] += w;
    }
  for (guint q = 0; q < MAX_NODES; q++)
    {
      const LodeFlowNode *node = &self->nodes[q];

      heights[q] = node->visible ? MAX (MAX (node->value * k, MIN_NODE_PX),
                                        MAX (in_px[q], out_px[q]))
                                 : 0.0;
    }
}

double
lode_flow_recycling_px (const LodeFlowLayout *self,
                        const Build          *b,
                        double                k)
{
  double sum = 0.0;

  for (guint r = 0; r < self->n_regions; r++)
    if (b->loop_index[r] >= 0)
      sum += lode_flow_ribbon_px (self, &self->ribbons[b->loop_index[r]], k) + b->lane_gap;
  return sum;
}

int
lode_flow_n_loops (const Build *b)
{
  int count = 0;

  for (guint r = 0; r < MAXR; r++)
    count += b->loop_index[r] >= 0;
  return count;
}

double
lode_flow_compute_scale (LodeFlowLayout *self,
                         Build          *b)
{
  double heights[MAX_NODES];
  double total[N_COLS] = { 0 };
  int visible[N_COLS] = { 0 };
  double avail = b->bottom_limit - b->bottom_fixed - b->diag_top;
  double rec_total = 0.0, k = G_MAXDOUBLE;
  int max_visible = 0;
  gboolean any = FALSE;

  for (int c = 0; c < N_COLS; c++)
    for (guint r = 0; r < self->n_regions; r++)
      {
        const LodeFlowNode *node = &self->nodes[node_index (self, c, r)];

        if (node->visible)
          {
            total[c] += node->value;
            visible[c]++;
          }
      }
  for (int c = 0; c < N_COLS; c++)
    max_visible = MAX (max_visible, visible[c]);
  for (guint r = 0; r < self->n_regions; r++)
    if (b->loop_index[r] >= 0)
      rec_total += self->ribbons[b->loop_index[r]].value;

  avail = MAX (avail, 10.0);
  b->gap = CLAMP (avail * 0.04, 4.0, 22.0 * MAX (1.0, self->font_scale * 0.75));
  if (max_visible > 1 && (max_visible - 1) * b->gap > avail * 0.35)
    b->gap = avail * 0.35 / (max_visible - 1);

  for (int c = 0; c < N_COLS; c++)
    if (total[c] > 0)
      {
        any = TRUE;
        k = MIN (k, (avail - MAX (visible[c] - 1, 0) * b->gap) / (total[c] + rec_total));
      }
  if (!any)
    return 0.0;
  k = MAX (k, 0.0);

  /* Minimum widths inflate the columns; shrink the scale until the tallest one fits. */
  for (int iter = 0; iter < 4; iter++)
    {
      double k_new = k;
      double rec_infl = lode_flow_recycling_px (self, b, k) - rec_total * k
                        - lode_flow_n_loops (b) * b->lane_gap;

      lode_flow_node_heights (self, k, heights);
      for (int c = 0; c < N_COLS; c++)
        {
          double px = 0.0, infl;

          if (total[c] <= 0)
            continue;
          for (guint r = 0; r < self->n_regions; r++)
            px += heights[node_index (self, c, r)];
          infl = px - total[c] * k;
          k_new = MIN (k_new, (avail - MAX (visible[c] - 1, 0) * b->gap - infl
                               - rec_infl - lode_flow_n_loops (b) * b->lane_gap)
                              / (total[c] + rec_total));
        }
      k_new = MAX (k_new, 0.0);
      if (fabs (k_new - k) <= 1e-12 * MAX (1.0, k))
        break;
      k = k_new;
    }
  return k;
}
