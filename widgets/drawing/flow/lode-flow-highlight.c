/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Emphasis for hover and selection: what is connected to a node or a ribbon is highlighted,
 * the rest dimmed. No geometry changes.
 */
#define G_LOG_DOMAIN "lode-flow-highlight"

#include "config.h"

#include "lode-flow-layout-private.h"

void
lode_flow_layout_set_highlight (LodeFlowLayout *self,
                                int             hover_node,
                                int             hover_ribbon,
                                int             selected_node)
{
  guint n_nodes;
  gboolean up[MAX_NODES] = { 0 }, down[MAX_NODES] = { 0 };
  int focus;

  g_return_if_fail (self != NULL);

  n_nodes = N_COLS * self->n_regions;
  if (hover_node >= (int) n_nodes || (hover_node >= 0 && !self->nodes[hover_node].visible))
    hover_node = -1;
  if (selected_node >= (int) n_nodes
      || (selected_node >= 0 && !self->nodes[selected_node].visible))
    selected_node = -1;
  if (hover_ribbon >= (int) self->n_ribbons)
    hover_ribbon = -1;
  self->options.hover_node = hover_node;
  self->options.hover_ribbon = hover_ribbon;
  self->options.selected_node = selected_node;

  for (guint q = 0; q < n_nodes; q++)
    {
      self->nodes[q].emphasis = LODE_FLOW_EMPHASIS_NORMAL;
      self->nodes[q].selected = (int) q == selected_node;
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    self->ribbons[q].emphasis = LODE_FLOW_EMPHASIS_NORMAL;

  if (hover_ribbon >= 0)
    {
      const LodeFlowRibbon *r = &self->ribbons[hover_ribbon];

      for (guint q = 0; q < n_nodes; q++)
        self->nodes[q].emphasis = LODE_FLOW_EMPHASIS_DIM;
      for (guint q = 0; q < self->n_ribbons; q++)
        self->ribbons[q].emphasis = LODE_FLOW_EMPHASIS_DIM;
      self->ribbons[hover_ribbon].emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
      if (r->source >= 0)
        self->nodes[r->source].emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
      if (r->target >= 0)
        self->nodes[r->target].emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
      return;
    }

  focus = hover_node >= 0 ? hover_node : selected_node;
  if (focus < 0)
    return;

  /* Everything upstream of the node and everything downstream of it, along the flows. */
  up[focus] = down[focus] = TRUE;
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_FLOW && down[r->source])
        {
          down[r->target] = TRUE;
          r->emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
        }
    }
  for (int q = (int) self->n_ribbons - 1; q >= 0; q--)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_FLOW && up[r->target])
        {
          up[r->source] = TRUE;
          r->emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
        }
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind != LODE_FLOW_RIBBON_FLOW)
        r->emphasis = (r->source == focus || r->target == focus)
                      ? LODE_FLOW_EMPHASIS_HIGHLIGHT : LODE_FLOW_EMPHASIS_DIM;
      else if (r->emphasis != LODE_FLOW_EMPHASIS_HIGHLIGHT)
        r->emphasis = LODE_FLOW_EMPHASIS_DIM;
    }
  for (guint q = 0; q < n_nodes; q++)
    self->nodes[q].emphasis = (up[q] || down[q]) ? LODE_FLOW_EMPHASIS_HIGHLIGHT
                                                 : LODE_FLOW_EMPHASIS_DIM;
}
