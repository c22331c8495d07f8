/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Values of the year's nodes and ribbons, before any pixel: what enters and leaves each node,
 * its share of the column in the column's own unit, and one ribbon per flow, stub and loop.
 */
#define G_LOG_DOMAIN "lode-flow-values"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-flow-layout-private.h"

void
lode_flow_compute_nodes (LodeFlowLayout *self)
{
  const FlowYear *d = &self->data;
  guint n = self->n_regions;
  double col_max = 0.0, threshold;
  double stage_total[N_COLS] = { 0 };
  double ox_total[N_COLS] = { 0 };

  for (int c = 0; c < N_COLS; c++)
    for (guint r = 0; r < n; r++)
      {
        LodeFlowNode *node = &self->nodes[node_index (self, c, r)];
        double in = 0.0, out = 0.0;

        node->column = c;
        node->region = r;
        if (c > 0)
          {
            for (guint i = 0; i < n; i++)
              in += d->flow[c - 1][i][r];
          }
        if (c < LODE_N_STAGES)
          {
            for (guint j = 0; j < n; j++)
              out += d->flow[c][r][j];
            out += d->loss[c][r] + d->stock_out[c][r];
            in += d->stock_in[c][r] + d->other_in[c][r];
            node->china_content = d->china_content[c][r];
          }
        else
          {
            /* What arrives at end use goes into use; the recycling loop leaves from the stock
             * of magnets in use, so it is not subtracted from this year's inflow. */
            out = in;
          }
        if (c == LODE_STAGE_METAL)
          in += d->recycled[r];
        node->in_value = in;
        node->out_value = out;
        node->value = MAX (in, out);
        if (c == LODE_FLOW_COLUMN_END_USE)
          node->value = MAX (node->value, d->recycled[r]);
        col_max = MAX (col_max, node->value);
      }

  /* Hide zero nodes, and specks of numerical noise far below the biggest node. */
  threshold = MAX (1e-9, col_max * 1e-7);
  for (int c = 0; c < N_COLS; c++)
    for (guint r = 0; r < n; r++)
      {
        LodeFlowNode *node = &self->nodes[node_index (self, c, r)];

        node->visible = node->value > threshold && self->rank[c][r] >= 0;
        if (!node->visible)
          continue;
        if (c < LODE_N_STAGES)
          node->stage_value = d->production[c][r];
        else
          node->stage_value = d->supplied_magnet[r];
        stage_total[c] += node->stage_value;
        ox_total[c] += node->value;
      }

  /* End-use china content: the magnets' China content, by their origin, weighted. */
  for (guint j = 0; j < n; j++)
    {
      LodeFlowNode *node = &self->nodes[node_index (self, LODE_FLOW_COLUMN_END_USE, j)];
      double w = 0.0, s = 0.0;

      for (guint i = 0; i < n; i++)
        {
          w += d->flow[LODE_STAGE_MAGNET][i][j];
          s += d->flow[LODE_STAGE_MAGNET][i][j] * d->china_content[LODE_STAGE_MAGNET][i];
        }
      node->china_content = w > 0 ? s / w : 0.0;
    }

  /* Shares in the column's own unit; a column without stage-unit figures (synthetic input)
   * falls back to oxide equivalent, and its header says so. */
  for (int c = 0; c < N_COLS; c++)
    {
      gboolean fallback = stage_total[c] <= 0.0 && ox_total[c] > 0.0;

      for (guint r = 0; r < n; r++)
        {
          LodeFlowNode *node = &self->nodes[node_index (self, c, r)];

          if (!node->visible)
            continue;
          if (fallback)
            node->stage_value = node->value;
          node->share = fallback ? node->value / ox_total[c]
                                 : (stage_total[c] > 0 ? node->stage_value / stage_total[c] : 0);
        }
      g_strlcpy (self->headers[c].unit, fallback ? lode_flow_ox_unit () : lode_flow_column_unit (c),
                 sizeof self->headers[c].unit);
      g_strlcpy (self->headers[c].title, lode_flow_column_title (c), sizeof self->headers[c].title);
    }
}

static int
add_ribbon (LodeFlowLayout     *self,
            LodeFlowRibbonKind  kind,
            int                 source,
            int                 target,
            double              value,
            double              china_content)
{
  LodeFlowRibbon *r = &self->ribbons[self->n_ribbons];

  *r = (LodeFlowRibbon) {
    .kind = kind,
    .source = source,
    .target = target,
    .value = value,
    .china_content = CLAMP (china_content, 0.0, 1.0),
  };
  return (int) self->n_ribbons++;
}

void
lode_flow_compute_ribbons (LodeFlowLayout *self,
                           Build          *b)
{
  const FlowYear *d = &self->data;
  guint n = self->n_regions;
  double threshold = 0.0;

  for (guint k = 0; k < MAX_NODES; k++)
    threshold = MAX (threshold, self->nodes[k].value);
  threshold = MAX (1e-9, threshold * 1e-7);

  memset (b->flow_index, -1, sizeof b->flow_index);
  memset (b->stub_index, -1, sizeof b->stub_index);
  memset (b->loop_index, -1, sizeof b->loop_index);

  /* Flows in column order, so emphasis can propagate in one pass each way. */
  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint k = 0; k < self->order_len[s]; k++)
      {
        guint i = self->order[s][k];
        int src = node_index (self, s, i);

        if (!self->nodes[src].visible)
          continue;
        for (guint m = 0; m < self->order_len[s + 1]; m++)
          {
            guint j = self->order[s + 1][m];
            int tgt = node_index (self, s + 1, j);

            if (d->flow[s][i][j] > threshold && self->nodes[tgt].visible)
              b->flow_index[s][i][j] = add_ribbon (self, LODE_FLOW_RIBBON_FLOW, src, tgt,
                                                   d->flow[s][i][j],
                                                   d->china_content[s][i]);
          }
      }

  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < n; i++)
      {
        int idx = node_index (self, s, i);

        if (!self->nodes[idx].visible)
          continue;
        if (d->loss[s][i] > threshold)
          b->stub_index[STUB_LOSS][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_LOSS, idx, -1, d->loss[s][i],
                        d->china_content[s][i]);
        if (d->stock_out[s][i] > threshold)
          b->stub_index[STUB_STOCK][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_STOCK, idx, -1, d->stock_out[s][i],
                        d->china_content[s][i]);
        if (d->stock_in[s][i] > threshold)
          b->stub_index[STUB_DRAW][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_STOCK_DRAW, -1, idx, d->stock_in[s][i],
                        d->china_content[s][i]);
        if (d->other_in[s][i] > threshold)
          b->stub_index[STUB_OTHER][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_OTHER_FEED, -1, idx, d->other_in[s][i],
                        d->china_content[s][i]);
        if (s == LODE_STAGE_SEPARATION && d->byproduct[i] > 0)
          b->stub_index[STUB_BYPRODUCT][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_BYPRODUCT, idx, -1, d->byproduct[i], 0.0);
      }

  /* The recycling loop: end use in region r back to metal making in region r. Its China
   * content is unknown to the model (end-of-life scrap), so it is drawn plain. */
  for (guint r = 0; r < n; r++)
    {
      int from = node_index (self, LODE_FLOW_COLUMN_END_USE, r);
      int to = node_index (self, LODE_STAGE_METAL, r);

      if (d->recycled[r] > threshold && self->nodes[from].visible && self->nodes[to].visible)
        b->loop_index[r] = add_ribbon (self, LODE_FLOW_RIBBON_RECYCLING, from, to,
                                       d->recycled[r], 0.0);
    }
}
