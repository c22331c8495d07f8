/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Ribbon geometry: ribbons stacked at each node's edges, each drawn as cubic Bézier edges: an
 * S-curve between columns, a short curved stub, and the recycling loop's lines and arcs.
 */
#define G_LOG_DOMAIN "lode-flow-geometry"

#include "config.h"

#include <math.h>

#include "lode-flow-layout-private.h"

void
lode_flow_cubic_eval (const LodeFlowCubic *c,
                      double               t,
                      double              *out_x,
                      double              *out_y)
{
  double u = 1.0 - t;
  double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;

  if (out_x != NULL)
    *out_x = b0 * c->x0 + b1 * c->x1 + b2 * c->x2 + b3 * c->x3;
  if (out_y != NULL)
    *out_y = b0 * c->y0 + b1 * c->y1 + b2 * c->y2 + b3 * c->y3;
}

static LodeFlowCubic
cubic_line (double x0,
            double y0,
            double x3,
            double y3)
{
  return (LodeFlowCubic) {
    x0, y0, lerp (x0, x3, 1.0 / 3), lerp (y0, y3, 1.0 / 3),
    lerp (x0, x3, 2.0 / 3), lerp (y0, y3, 2.0 / 3), x3, y3,
  };
}

/* A horizontal S-curve: leaves (x0, y0) and arrives at (x3, y3) horizontally. */
static LodeFlowCubic
cubic_s (double x0,
         double y0,
         double x3,
         double y3)
{
  double xm = (x0 + x3) / 2;

  return (LodeFlowCubic) { x0, y0, xm, y0, xm, y3, x3, y3 };
}

/* Quarter (or shorter) arc around (cx, cy) from angle a0 to a1 (a1 > a0: clockwise on screen). */
static LodeFlowCubic
cubic_arc (double cx,
           double cy,
           double r,
           double a0,
           double a1)
{
  double k = 4.0 / 3.0 * tan ((a1 - a0) / 4.0);
  double x0 = cx + r * cos (a0), y0 = cy + r * sin (a0);
  double x3 = cx + r * cos (a1), y3 = cy + r * sin (a1);

  return (LodeFlowCubic) {
    x0, y0,
    x0 - k * r * sin (a0), y0 + k * r * cos (a0),
    x3 + k * r * sin (a1), y3 - k * r * cos (a1),
    x3, y3,
  };
}

static LodeFlowSegment *
take_segments (LodeFlowLayout *self,
               LodeFlowRibbon *r,
               guint           count)
{
  LodeFlowSegment *s = &self->segments[self->n_segments];

  self->n_segments += count;
  r->segments = s;
  r->n_segments = count;
  return s;
}

static void
stack_ribbons (LodeFlowLayout *self,
               Build          *b)
{
  guint n = self->n_regions;

  /* Source ends: each node's right edge, flows by target order, then its stubs. */
  for (int c = 0; c < N_COLS; c++)
    for (guint k = 0; k < self->order_len[c]; k++)
      {
        guint i = self->order[c][k];
        const LodeFlowNode *node = &self->nodes[node_index (self, c, i)];
        double y = node->rect.y;

        if (!node->visible)
          continue;
        if (c < LODE_N_STAGES)
          {
            for (guint m = 0; m < self->order_len[c + 1]; m++)
              {
                int q = b->flow_index[c][i][self->order[c + 1][m]];

                if (q >= 0)
                  {
                    b->y0[q] = y;
                    y += self->ribbons[q].width;
                  }
              }
            for (int stub = STUB_LOSS; stub <= STUB_BYPRODUCT; stub++)
              {
                int q = b->stub_index[stub][c][i];

                if (q >= 0 && stub != STUB_DRAW)
                  {
                    b->y0[q] = y;
                    y += self->ribbons[q].width;
                  }
              }
          }
        else if (b->loop_index[i] >= 0)
          {
            int q = b->loop_index[i];

            b->y0[q] = node->rect.y + node->rect.height - self->ribbons[q].width;
          }
      }

  /* Target ends: each node's left edge, flows by source order, then stock and recycling. */
  for (int c = 1; c < N_COLS; c++)
    for (guint m = 0; m < self->order_len[c]; m++)
      {
        guint j = self->order[c][m];
        const LodeFlowNode *node = &self->nodes[node_index (self, c, j)];
        double y = node->rect.y;

        if (!node->visible)
          continue;
        for (guint k = 0; k < self->order_len[c - 1]; k++)
          {
            int q = b->flow_index[c - 1][self->order[c - 1][k]][j];

            if (q >= 0)
              {
                b->y1[q] = y;
                y += self->ribbons[q].width;
              }
          }
        for (int k = 0; k < 2 && c < LODE_N_STAGES; k++)
          {
            int q = b->stub_index[k == 0 ? STUB_OTHER : STUB_DRAW][c][j];

            if (q < 0)
              continue;
            b->y1[q] = y;
            y += self->ribbons[q].width;
          }
        if (c == LODE_STAGE_METAL && b->loop_index[j] >= 0)
          {
            int q = b->loop_index[j];

            b->y1[q] = y;
            y += self->ribbons[q].width;
          }
      }
  (void) n;
}

static void
build_stub (LodeFlowLayout *self,
            Build          *b,
            LodeFlowRibbon *r,
            int             q)
{
  LodeFlowSegment *s = take_segments (self, r, 1);
  double w = r->width;
  gboolean incoming = r->kind == LODE_FLOW_RIBBON_STOCK_DRAW
                      || r->kind == LODE_FLOW_RIBBON_OTHER_FEED;
  const LodeFlowNode *node = &self->nodes[incoming ? r->target : r->source];
  double len = MIN (b->spacing * (r->kind == LODE_FLOW_RIBBON_BYPRODUCT ? 0.32 : 0.24),
                    70.0 * self->font_scale);
  double drop = len * (r->kind == LODE_FLOW_RIBBON_BYPRODUCT ? 0.8 : 0.55);

  if (!incoming)
    {
      double x0 = node->rect.x + node->rect.width, y0 = b->y0[q];

      s->top = cubic_s (x0, y0, x0 + len, y0 + drop);
      s->bottom = cubic_s (x0, y0 + w, x0 + len, y0 + drop + w);
    }
  else
    {
      double x1 = node->rect.x, y1 = b->y1[q];

      s->top = cubic_s (x1 - len, y1 + drop, x1, y1);
      s->bottom = cubic_s (x1 - len, y1 + drop + w, x1, y1 + w);
    }
}

static void
build_loops (LodeFlowLayout *self,
             Build          *b)
{
  double off = 0.0;
  double chan_top = b->area_bottom + b->r_small + 2.0;
  double cx_r = b->x[LODE_FLOW_COLUMN_END_USE] + self->node_width + b->r_small;
  double cx_l = b->x[LODE_STAGE_METAL] - b->r_small;

  /* The loop from the lowest end-use node takes the innermost lane, so loops do not cross
   * each other on the right. */
  for (int k = (int) self->order_len[LODE_FLOW_COLUMN_END_USE] - 1; k >= 0; k--)
    {
      guint r = self->order[LODE_FLOW_COLUMN_END_USE][k];
      int q = b->loop_index[r];
      LodeFlowRibbon *rib;
      LodeFlowSegment *s;
      double w, h, yc, ym, xr, xl, ych, r1, r2, r4;
      double x_end, x_metal;

      if (q < 0)
        continue;
      rib = &self->ribbons[q];
      w = rib->width;
      h = w / 2;
      x_end = self->nodes[rib->source].rect.x + self->node_width;
      x_metal = self->nodes[rib->target].rect.x;
      yc = b->y0[q] + h;
      ym = b->y1[q] + h;
      r1 = h + b->r_small;
      r4 = h + b->r_small;
      r2 = b->r_corner + off + h;
      xr = cx_r + r2;
      xl = cx_l - r2;
      ych = chan_top + r2;
      s = take_segments (self, rib, LOOP_SEGMENTS);

#define SEG_LINE(idx, xa, ya, xb, yb, nx, ny)                                   \
      s[idx].top = cubic_line ((xa) + (nx) * h, (ya) + (ny) * h,              \
                               (xb) + (nx) * h, (yb) + (ny) * h);             \
      s[idx].bottom = cubic_line ((xa) - (nx) * h, (ya) - (ny) * h,           \
                                  (xb) - (nx) * h, (yb) - (ny) * h)
#define SEG_ARC(idx, cx, cy, rad, a0, a1)                                      \
      s[idx].top = cubic_arc ((cx), (cy), (rad) + h, (a0), (a1));             \
      s[idx].bottom = cubic_arc ((cx), (cy), MAX ((rad) - h, 0.0), (a0), (a1))

      /* Left-of-travel normals on screen (y down): right (0,-1), down (1,0), left (0,1),
       * up (-1,0). Every corner turns clockwise, so "top" is the outer edge. */
      SEG_LINE (0, x_end, yc, xr - r1, yc, 0, -1);
      SEG_ARC (1, xr - r1, yc + r1, r1, -G_PI / 2, 0);
      SEG_LINE (2, xr, yc + r1, xr, chan_top, 1, 0);
      SEG_ARC (3, cx_r, chan_top, r2, 0, G_PI / 2);
      SEG_LINE (4, cx_r, ych, cx_l, ych, 0, 1);
      SEG_ARC (5, cx_l, chan_top, r2, G_PI / 2, G_PI);
      SEG_LINE (6, xl, chan_top, xl, ym + r4, -1, 0);
      SEG_ARC (7, xl + r4, ym + r4, r4, G_PI, 3 * G_PI / 2);
      SEG_LINE (8, xl + r4, ym, x_metal, ym, 0, -1);

#undef SEG_LINE
#undef SEG_ARC

      off += w + b->lane_gap;
    }
}

void
lode_flow_build_geometry (LodeFlowLayout *self,
                          Build          *b)
{
  stack_ribbons (self, b);
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      switch (r->kind)
        {
        case LODE_FLOW_RIBBON_FLOW:
          {
            LodeFlowSegment *s = take_segments (self, r, 1);
            double x0 = self->nodes[r->source].rect.x + self->node_width;
            double x1 = self->nodes[r->target].rect.x;

            s->top = cubic_s (x0, b->y0[q], x1, b->y1[q]);
            s->bottom = cubic_s (x0, b->y0[q] + r->width, x1, b->y1[q] + r->width);
          }
          break;
        case LODE_FLOW_RIBBON_LOSS:
        case LODE_FLOW_RIBBON_STOCK:
        case LODE_FLOW_RIBBON_STOCK_DRAW:
        case LODE_FLOW_RIBBON_BYPRODUCT:
        case LODE_FLOW_RIBBON_OTHER_FEED:
          build_stub (self, b, r, (int) q);
          break;
        case LODE_FLOW_RIBBON_RECYCLING:
        default:
          break;
        }
    }
  build_loops (self, b);
}
