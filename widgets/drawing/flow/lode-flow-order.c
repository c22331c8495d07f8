/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The order of the regions in each column: from totals over the whole projection (so it is
 * the same in every year), then barycentric sweeps that keep the order with fewest crossings.
 */
#define G_LOG_DOMAIN "lode-flow-order"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-flow-layout-private.h"

/* Forward and backward barycentric sweeps tried; the order with fewest crossings is kept. */
#define ORDER_SWEEPS 4
/* The gap between regions when a column's positions are estimated, of the column's total. */
#define ORDER_GAP_FRACTION 0.03

/* Order: computed from totals over every year of the projection, so it is the same for every
 * year (nothing jumps while the year plays), then improved by barycentric sweeps.             */

typedef struct
{
  double flow[LODE_N_STAGES][MAXR][MAXR];
  double total[N_COLS][MAXR];
} Aggregate;

static void
column_positions (const LodeFlowLayout *self,
                  const Aggregate      *agg,
                  int                   c,
                  double               *pos)
{
  double sum = 0.0, acc = 0.0, gap;

  for (guint k = 0; k < self->order_len[c]; k++)
    sum += agg->total[c][self->order[c][k]];
  gap = sum * ORDER_GAP_FRACTION + 1e-9;
  for (guint k = 0; k < self->order_len[c]; k++)
    {
      guint r = self->order[c][k];

      pos[r] = acc + agg->total[c][r] / 2;
      acc += agg->total[c][r] + gap;
    }
}

static void
sort_column (LodeFlowLayout *self,
             int             c,
             const double   *key)
{
  guint *o = self->order[c];

  /* Insertion sort: stable, and the columns are tiny. */
  for (guint k = 1; k < self->order_len[c]; k++)
    {
      guint r = o[k];
      guint m = k;

      while (m > 0 && key[o[m - 1]] > key[r] + 1e-12)
        {
          o[m] = o[m - 1];
          m--;
        }
      o[m] = r;
    }
  for (guint k = 0; k < self->order_len[c]; k++)
    self->rank[c][o[k]] = (int) k;
}

static double
count_crossings (const LodeFlowLayout *self,
                 const Aggregate      *agg)
{
  double total = 0.0;
  guint n = self->n_regions;

  for (int c = 0; c < LODE_N_STAGES; c++)
    {
      int li[MAXR * MAXR], lj[MAXR * MAXR];
      double lw[MAXR * MAXR];
      guint nl = 0;

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < n; j++)
          if (agg->flow[c][i][j] > 0 && self->rank[c][i] >= 0 && self->rank[c + 1][j] >= 0)
            {
              li[nl] = self->rank[c][i];
              lj[nl] = self->rank[c + 1][j];
              lw[nl] = agg->flow[c][i][j];
              nl++;
            }
      for (guint a = 0; a < nl; a++)
        for (guint b = a + 1; b < nl; b++)
          if ((li[a] - li[b]) * (lj[a] - lj[b]) < 0)
            total += lw[a] * lw[b];
    }
  return total;
}

/* Totals over every year: flows between regions, and each node's size. */
static void
aggregate_years (LodeFlowLayout *self,
                 Aggregate      *agg)
{
  const LodeProjection *p = self->projection;
  guint n = self->n_regions;

  for (int y = 0; y < p->n_years; y++)
    {
      const LodeChain *ly = &p->years[y].chain[self->options.material];

      for (int s = 0; s < LODE_N_STAGES; s++)
        for (guint i = 0; i < n; i++)
          {
            for (guint j = 0; j < n; j++)
              agg->flow[s][i][j] += MAX (0.0, ly->flow_ox[s][i][j]);
            agg->total[s][i] += MAX (0.0, ly->loss_ox[s][i]) + fabs (ly->unsold_ox[s][i])
                                + fabs (ly->stock_change_ox[s][i]);
          }
      for (guint i = 0; i < n; i++)
        {
          if (ly->recycled_ox[i] > 0)
            {
              self->ever_recycled[i] = TRUE;
              agg->total[LODE_STAGE_METAL][i] += ly->recycled_ox[i];
              agg->total[LODE_FLOW_COLUMN_END_USE][i] += ly->recycled_ox[i];
            }
          if (ly->byproduct_reo_t[i] > 0)
            self->ever_byproduct = TRUE;
        }
    }
  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < n; j++)
        {
          agg->total[s][i] += agg->flow[s][i][j];
          agg->total[s + 1][j] += agg->flow[s][i][j];
        }
}

/* Initial order: regions by their size over the whole chain, largest on top; a column holds
 * the regions that ever appear in it. */
static void
initial_order (LodeFlowLayout  *self,
               const Aggregate *agg)
{
  guint n = self->n_regions;
  double grand[MAXR] = { 0 };
  guint initial[MAXR];

  for (guint i = 0; i < n; i++)
    {
      for (int c = 0; c < N_COLS; c++)
        grand[i] += agg->total[c][i];
      initial[i] = i;
    }
  for (guint k = 1; k < n; k++)
    {
      guint r = initial[k], m = k;

      while (m > 0 && grand[initial[m - 1]] < grand[r])
        {
          initial[m] = initial[m - 1];
          m--;
        }
      initial[m] = r;
    }
  for (int c = 0; c < N_COLS; c++)
    {
      self->order_len[c] = 0;
      for (guint i = 0; i < MAXR; i++)
        self->rank[c][i] = -1;
      for (guint k = 0; k < n; k++)
        if (agg->total[c][initial[k]] > 0)
          {
            self->rank[c][initial[k]] = (int) self->order_len[c];
            self->order[c][self->order_len[c]++] = initial[k];
          }
    }
}

/* Sorts column c by the barycentre of its flows to or from the neighbouring column
 * (c - 1: its sources, c + 1: its targets); a region with no such flow keeps its place. */
static void
sweep_column (LodeFlowLayout  *self,
              const Aggregate *agg,
              int              c,
              int              neighbour)
{
  double pos[MAXR], mine[MAXR], key[MAXR];
  guint n = self->n_regions;

  column_positions (self, agg, neighbour, pos);
  column_positions (self, agg, c, mine);
  for (guint k = 0; k < self->order_len[c]; k++)
    {
      guint r = self->order[c][k];
      double w = 0.0, s = 0.0;

      for (guint i = 0; i < n; i++)
        {
          double f = neighbour < c ? agg->flow[neighbour][i][r] : agg->flow[c][r][i];

          if (self->rank[neighbour][i] >= 0 && f > 0)
            {
              w += f;
              s += f * pos[i];
            }
        }
      key[r] = w > 0 ? s / w : mine[r];
    }
  sort_column (self, c, key);
}

void
lode_flow_compute_order (LodeFlowLayout *self)
{
  g_autofree Aggregate *agg = g_new0 (Aggregate, 1);
  guint best_order[N_COLS][MAXR];
  double best;

  aggregate_years (self, agg);
  initial_order (self, agg);
  memcpy (best_order, self->order, sizeof best_order);
  best = count_crossings (self, agg);

  for (int sweep = 0; sweep < ORDER_SWEEPS && best > 0; sweep++)
    {
      double crossings;

      for (int c = 1; c < N_COLS; c++)
        sweep_column (self, agg, c, c - 1);
      for (int c = LODE_N_STAGES - 1; c >= 0; c--)
        sweep_column (self, agg, c, c + 1);
      crossings = count_crossings (self, agg);
      if (crossings < best - 1e-9)
        {
          best = crossings;
          memcpy (best_order, self->order, sizeof best_order);
        }
    }

  memcpy (self->order, best_order, sizeof best_order);
  for (int c = 0; c < N_COLS; c++)
    for (guint k = 0; k < self->order_len[c]; k++)
      self->rank[c][self->order[c][k]] = (int) k;
}
