/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Emphasis for hover and selection: what is connected to a node or a ribbon is highlighted,
 * the rest dimmed. Computed from a finished layout, which it never changes, and drawn by
 * lode_flow_paint_highlight() over the layout's painting.
 */
#define G_LOG_DOMAIN "lode-flow-highlight"

#include "config.h"

#include "lode-flow-layout-private.h"

struct _LodeFlowHighlight
{
  guint             n_nodes;
  guint             n_ribbons;
  int               hover_node;
  int               hover_ribbon;
  int               selected_node;
  gboolean          empty;
  LodeFlowEmphasis  nodes[MAX_NODES];
  LodeFlowEmphasis *ribbons;
};

static void
fill (LodeFlowHighlight *self,
      LodeFlowEmphasis   emphasis)
{
  for (guint q = 0; q < self->n_nodes; q++)
    self->nodes[q] = emphasis;
  for (guint q = 0; q < self->n_ribbons; q++)
    self->ribbons[q] = emphasis;
}

/* A hovered ribbon: only it and its ends. */
static void
highlight_ribbon (LodeFlowHighlight    *self,
                  const LodeFlowLayout *layout,
                  int                   ribbon)
{
  const LodeFlowRibbon *r = &layout->ribbons[ribbon];

  fill (self, LODE_FLOW_EMPHASIS_DIM);
  self->ribbons[ribbon] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
  if (r->source >= 0)
    self->nodes[r->source] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
  if (r->target >= 0)
    self->nodes[r->target] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
}

/* A node: everything upstream of it and everything downstream of it, along the flows (the
 * layout adds flows in column order, so one pass each way reaches every column), and its own
 * stubs and loops. */
static void
highlight_node (LodeFlowHighlight    *self,
                const LodeFlowLayout *layout,
                int                   focus)
{
  gboolean up[MAX_NODES] = { 0 }, down[MAX_NODES] = { 0 };

  fill (self, LODE_FLOW_EMPHASIS_DIM);
  up[focus] = down[focus] = TRUE;
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = &layout->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_FLOW && down[r->source])
        {
          down[r->target] = TRUE;
          self->ribbons[q] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
        }
    }
  for (int q = (int) self->n_ribbons - 1; q >= 0; q--)
    {
      const LodeFlowRibbon *r = &layout->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_FLOW && up[r->target])
        {
          up[r->source] = TRUE;
          self->ribbons[q] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
        }
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = &layout->ribbons[q];

      if (r->kind != LODE_FLOW_RIBBON_FLOW && (r->source == focus || r->target == focus))
        self->ribbons[q] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
    }
  for (guint q = 0; q < self->n_nodes; q++)
    if (up[q] || down[q])
      self->nodes[q] = LODE_FLOW_EMPHASIS_HIGHLIGHT;
}

static gboolean
visible_node (const LodeFlowLayout *layout,
              int                   node)
{
  return node >= 0 && node < (int) (N_COLS * layout->n_regions) && layout->nodes[node].visible;
}

LodeFlowHighlight *
lode_flow_highlight_new (const LodeFlowLayout *layout,
                         int                   hover_node,
                         int                   hover_ribbon,
                         int                   selected_node)
{
  LodeFlowHighlight *self;
  int focus;

  g_return_val_if_fail (layout != NULL, NULL);

  self = g_new0 (LodeFlowHighlight, 1);
  self->n_nodes = N_COLS * layout->n_regions;
  self->n_ribbons = layout->n_ribbons;
  self->ribbons = g_new0 (LodeFlowEmphasis, MAX (self->n_ribbons, 1));
  self->hover_node = visible_node (layout, hover_node) ? hover_node : -1;
  self->selected_node = visible_node (layout, selected_node) ? selected_node : -1;
  self->hover_ribbon = hover_ribbon >= 0 && hover_ribbon < (int) layout->n_ribbons
                       ? hover_ribbon : -1;
  fill (self, LODE_FLOW_EMPHASIS_NORMAL);

  focus = self->hover_node >= 0 ? self->hover_node : self->selected_node;
  if (self->hover_ribbon >= 0)
    highlight_ribbon (self, layout, self->hover_ribbon);
  else if (focus >= 0)
    highlight_node (self, layout, focus);
  self->empty = self->hover_ribbon < 0 && focus < 0;
  return self;
}

void
lode_flow_highlight_free (LodeFlowHighlight *self)
{
  if (self == NULL)
    return;
  g_free (self->ribbons);
  g_free (self);
}

gboolean
lode_flow_highlight_is_empty (const LodeFlowHighlight *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->empty;
}

int
lode_flow_highlight_get_hover_node (const LodeFlowHighlight *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->hover_node;
}

int
lode_flow_highlight_get_hover_ribbon (const LodeFlowHighlight *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->hover_ribbon;
}

int
lode_flow_highlight_get_selected_node (const LodeFlowHighlight *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->selected_node;
}

LodeFlowEmphasis
lode_flow_highlight_get_node (const LodeFlowHighlight *self,
                              guint                    node)
{
  g_return_val_if_fail (self != NULL, LODE_FLOW_EMPHASIS_NORMAL);
  g_return_val_if_fail (node < self->n_nodes, LODE_FLOW_EMPHASIS_NORMAL);
  return self->nodes[node];
}

LodeFlowEmphasis
lode_flow_highlight_get_ribbon (const LodeFlowHighlight *self,
                                guint                    ribbon)
{
  g_return_val_if_fail (self != NULL, LODE_FLOW_EMPHASIS_NORMAL);
  g_return_val_if_fail (ribbon < self->n_ribbons, LODE_FLOW_EMPHASIS_NORMAL);
  return self->ribbons[ribbon];
}
