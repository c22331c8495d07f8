/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Words for the diagram: a summary of the year for screen readers, and tooltips for a node
 * or a ribbon.
 */
#define G_LOG_DOMAIN "lode-flow-describe"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-flow-layout-private.h"

static const LodeFlowNode *
china_node (const LodeFlowLayout *self,
            int                   column)
{
  LodeDataset *dataset = lode_projection_get_dataset (self->projection);
  const LodeFlowNode *node;

  if (dataset == NULL || dataset->china >= self->n_regions)
    return NULL;
  node = &self->nodes[node_index (self, column, dataset->china)];
  return node->visible ? node : NULL;
}

char *
lode_flow_layout_describe (const LodeFlowLayout *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  LodeDataset *dataset;
  char shares[LODE_N_STAGES][32];
  char amount[64];
  double rec = 0.0;
  int largest = -1;
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->projection == NULL)
    return g_strdup (_("Flow diagram of the rare-earth chain: no projection."));
  dataset = lode_projection_get_dataset (self->projection);

  for (guint q = 0; q < N_COLS * self->n_regions; q++)
    any |= self->nodes[q].visible;
  if (!any)
    return g_strdup_printf (_("In %d no material flows through the chain."), self->shown_year);

  for (int c = 0; c < LODE_N_STAGES; c++)
    {
      const LodeFlowNode *node = china_node (self, c);

      lode_flow_format_percent (shares[c], sizeof shares[c], node != NULL ? node->share : 0.0);
    }
  g_string_append_printf (s, _("In %d, China holds %s of mining, %s of separation, %s of metal "
                               "making and %s of magnet making."),
                          self->shown_year, shares[0], shares[1], shares[2], shares[3]);

  if (dataset != NULL && dataset->us < self->n_regions
      && self->nodes[node_index (self, LODE_FLOW_COLUMN_END_USE, dataset->us)].visible)
    {
      char share[32];

      lode_flow_format_percent (share, sizeof share, self->data.china_free_us);
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("%s of the magnets used in the United States are free of "
                                   "Chinese content."), share);
    }
  if (self->bottleneck >= 0)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("The bottleneck for US magnet output is %s."),
                              lode_flow_column_phrase (self->bottleneck));
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        rec += r->value;
      if (r->kind == LODE_FLOW_RIBBON_FLOW
          && (largest < 0 || r->value > self->ribbons[largest].value)
          && self->nodes[r->source].region != self->nodes[r->target].region)
        largest = (int) q;
    }
  if (largest >= 0)
    {
      const LodeFlowRibbon *r = &self->ribbons[largest];

      lode_flow_format_tonnes (amount, sizeof amount, r->value, lode_flow_ox_unit ());
      g_string_append_c (s, ' ');
      /* Translators: "The largest trade flow, 12 kt NdPr oxide eq., runs from China to Japan
       * between separation and metal making." */
      g_string_append_printf (s, _("The largest trade flow, %s, runs from %s to %s between %s "
                                   "and %s."),
                              amount,
                              lode_flow_region_name (self, self->nodes[r->source].region),
                              lode_flow_region_name (self, self->nodes[r->target].region),
                              lode_flow_column_phrase (self->nodes[r->source].column),
                              lode_flow_column_phrase (self->nodes[r->target].column));
    }
  if (rec > 0)
    {
      lode_flow_format_tonnes (amount, sizeof amount, rec, lode_flow_ox_unit ());
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("Recycling returns %s to metal making."), amount);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
lode_flow_layout_describe_node (const LodeFlowLayout *self,
                                int                   index)
{
  g_autoptr(GString) s = NULL;
  const LodeFlowNode *node;
  const FlowYear *d;
  char amount[64], share[32], ox[64];
  int c;

  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || index >= (int) (N_COLS * self->n_regions) || !self->nodes[index].visible)
    return NULL;
  node = &self->nodes[index];
  d = &self->data;
  c = node->column;
  s = g_string_new (NULL);

  lode_flow_format_tonnes (amount, sizeof amount, node->stage_value, self->headers[c].unit);
  lode_flow_format_percent (share, sizeof share, node->share);
  lode_flow_format_tonnes (ox, sizeof ox, node->value, lode_flow_ox_unit ());
  /* Translators: tooltip title, "China · Separation" */
  g_string_append_printf (s, _("%s · %s"), lode_flow_region_name (self, node->region),
                          lode_flow_column_title (c));
  g_string_append_c (s, '\n');
  /* Translators: "229 kt NdPr oxide, 91 % of the column" */
  g_string_append_printf (s, _("%s, %s of the column (%s)"), amount, share, ox);

  /* Where it comes from: the largest sources. */
  if (c > 0 && node->in_value > 0)
    {
      guint shown = 0;

      g_string_append_c (s, '\n');
      g_string_append (s, _("From:"));
      for (guint k = 0; k < self->order_len[c - 1] && shown < 4; k++)
        {
          guint i = self->order[c - 1][k];
          double v = d->flow[c - 1][i][node->region];

          if (v <= 0 || v < node->in_value * 0.01)
            continue;
          lode_flow_format_percent (share, sizeof share, v / node->in_value);
          g_string_append_printf (s, " %s%s %s", shown > 0 ? "· " : "",
                                  lode_flow_region_name (self, i), share);
          shown++;
        }
      if (c == LODE_STAGE_METAL && d->recycled[node->region] > 0)
        {
          lode_flow_format_percent (share, sizeof share,
                                    d->recycled[node->region] / node->in_value);
          g_string_append_printf (s, " · %s %s", _("recycling"), share);
        }
    }
  if (c < LODE_N_STAGES && d->other_in[c][node->region] > 0)
    {
      lode_flow_format_tonnes (amount, sizeof amount, d->other_in[c][node->region], "t");
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Other feed (scrap, unreported ore, stocks): %s"), amount);
    }
  if (c < LODE_N_STAGES && d->loss[c][node->region] > 0)
    {
      lode_flow_format_tonnes (amount, sizeof amount, d->loss[c][node->region], "t");
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Losses: %s"), amount);
    }
  if (c == LODE_STAGE_SEPARATION && d->byproduct[node->region] > 0)
    {
      lode_flow_format_tonnes (amount, sizeof amount, d->byproduct[node->region],
                               lode_stage_unit (LODE_STAGE_MINE));
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("By-product (Ce, La …): %s"), amount);
    }
  lode_flow_format_percent (share, sizeof share, node->china_content);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("China content: %s"), share);

  if (c == LODE_FLOW_COLUMN_END_USE)
    {
      double total = 0.0;
      guint shown = 0;

      for (int u = 0; u < LODE_N_END_USES; u++)
        total += d->end_use[u];
      if (total > 0)
        {
          g_string_append_c (s, '\n');
          g_string_append (s, _("Applications (world split):"));
          for (int u = 0; u < LODE_N_END_USES; u++)
            {
              if (d->end_use[u] <= 0)
                continue;
              lode_flow_format_percent (share, sizeof share, d->end_use[u] / total);
              g_string_append_printf (s, "%s%s %s", shown++ % 3 == 0 ? "\n  " : " · ",
                                      lode_end_use_name ((LodeEndUse) u), share);
            }
        }
      if (d->shortfall_magnet[node->region] > 0)
        {
          lode_flow_format_tonnes (amount, sizeof amount, d->shortfall_magnet[node->region],
                                   lode_stage_unit (LODE_STAGE_MAGNET));
          g_string_append_c (s, '\n');
          g_string_append_printf (s, _("Shortfall: %s"), amount);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
lode_flow_layout_describe_ribbon (const LodeFlowLayout *self,
                                  int                   index)
{
  const LodeFlowRibbon *r;
  const LodeFlowNode *src, *tgt;
  const char *from, *to;
  char amount[64], share[32], cc[32];

  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || index >= (int) self->n_ribbons)
    return NULL;
  r = &self->ribbons[index];
  src = r->source >= 0 ? &self->nodes[r->source] : NULL;
  tgt = r->target >= 0 ? &self->nodes[r->target] : NULL;
  lode_flow_format_tonnes (amount, sizeof amount, r->value,
                           r->kind == LODE_FLOW_RIBBON_BYPRODUCT
                           ? lode_stage_unit (LODE_STAGE_MINE) : lode_flow_ox_unit ());
  lode_flow_format_percent (cc, sizeof cc, r->china_content);
  from = src != NULL ? lode_flow_region_name (self, src->region) : NULL;
  to = tgt != NULL ? lode_flow_region_name (self, tgt->region) : NULL;

  switch (r->kind)
    {
    case LODE_FLOW_RIBBON_FLOW:
      lode_flow_format_percent (share, sizeof share,
                                src->out_value > 0 ? r->value / src->out_value : 0);
      /* Translators: ribbon tooltip: "China → Japan\nSeparation → Metal\n12 kt NdPr oxide
       * eq., 21 % of China's output\nChina content: 100 %" */
      return g_strdup_printf (_("%s → %s\n%s → %s\n%s, %s of the source's output\n"
                                "China content: %s"),
                              from, to, lode_flow_column_title (src->column),
                              lode_flow_column_title (tgt->column),
                              amount, share, cc);
    case LODE_FLOW_RIBBON_RECYCLING:
      return g_strdup_printf (_("Recycling in %s\nEnd use → %s\n%s"),
                              from,
                              lode_flow_column_title (LODE_STAGE_METAL), amount);
    case LODE_FLOW_RIBBON_LOSS:
      return g_strdup_printf (_("Process losses, %s in %s\n%s"),
                              lode_flow_column_phrase (src->column), from, amount);
    case LODE_FLOW_RIBBON_STOCK:
      return g_strdup_printf (_("Put to stock, unsold or unprocessed, %s in %s\n%s"),
                              lode_flow_column_phrase (src->column), from, amount);
    case LODE_FLOW_RIBBON_STOCK_DRAW:
      return g_strdup_printf (_("Drawn from stock, %s in %s\n%s"),
                              lode_flow_column_phrase (tgt->column), to, amount);
    case LODE_FLOW_RIBBON_OTHER_FEED:
      return g_strdup_printf (_("Other feed, %s in %s: scrap, swarf, unreported ore and stocks "
                                "outside the drawn flows\n%s"),
                              lode_flow_column_phrase (tgt->column), to, amount);
    case LODE_FLOW_RIBBON_BYPRODUCT:
      return g_strdup_printf (_("By-product of separation in %s: %s of cerium, lanthanum and "
                                "other rare earths leave the magnet chain\n(drawn at a fixed "
                                "width, not to scale)"),
                              from, amount);
    default:
      return NULL;
    }
}
