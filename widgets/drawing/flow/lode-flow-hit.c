/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Hit testing: the node or ribbon under a point, for hover, clicks and tooltips.
 */
#define G_LOG_DOMAIN "lode-flow-hit"

#include "config.h"

#include <math.h>

#include "lode-flow-layout-private.h"

int
lode_flow_layout_node_at (const LodeFlowLayout *self,
                          double                x,
                          double                y)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;
  double slack = 4.0;

  g_return_val_if_fail (self != NULL, -1);

  for (guint q = 0; q < N_COLS * self->n_regions; q++)
    {
      const LodeFlowNode *node = &self->nodes[q];
      const LodeFlowRect *r = &node->rect;
      double dx, dy;

      if (!node->visible)
        continue;
      dx = MAX (MAX (r->x - x, x - (r->x + r->width)), 0.0);
      dy = MAX (MAX (r->y - y, y - (r->y + r->height)), 0.0);
      if (dx <= slack && dy <= 1.0 && dx + dy < best_d)
        {
          best = (int) q;
          best_d = dx + dy;
        }
    }
  return best;
}

/* x-monotone edges that share their x control points: solve x(t) = x, compare y. */
static gboolean
segment_contains (const LodeFlowSegment *s,
                  double                 x,
                  double                 y)
{
  double lo = 0.0, hi = 1.0, t, yt, yb;

  if (x < MIN (s->top.x0, s->top.x3) || x > MAX (s->top.x0, s->top.x3))
    return FALSE;
  for (int iter = 0; iter < 30; iter++)
    {
      double xm;

      t = (lo + hi) / 2;
      lode_flow_cubic_eval (&s->top, t, &xm, NULL);
      if ((xm < x) == (s->top.x3 >= s->top.x0))
        lo = t;
      else
        hi = t;
    }
  t = (lo + hi) / 2;
  lode_flow_cubic_eval (&s->top, t, NULL, &yt);
  lode_flow_cubic_eval (&s->bottom, t, NULL, &yb);
  return y >= MIN (yt, yb) - 0.5 && y <= MAX (yt, yb) + 0.5;
}

static gboolean
loop_contains (const LodeFlowRibbon *r,
               double                x,
               double                y)
{
  double px = 0, py = 0;
  double limit = r->width / 2 + 1.5;

  for (guint k = 0; k < r->n_segments; k++)
    {
      const LodeFlowSegment *s = &r->segments[k];

      for (int i = 0; i <= 8; i++)
        {
          double xt, yt, xb, yb, cx, cy;

          lode_flow_cubic_eval (&s->top, i / 8.0, &xt, &yt);
          lode_flow_cubic_eval (&s->bottom, i / 8.0, &xb, &yb);
          cx = (xt + xb) / 2;
          cy = (yt + yb) / 2;
          if (k + i > 0)
            {
              double vx = cx - px, vy = cy - py, len2 = vx * vx + vy * vy;
              double u = len2 > 0 ? ((x - px) * vx + (y - py) * vy) / len2 : 0;
              double qx, qy;

              u = CLAMP (u, 0.0, 1.0);
              qx = px + u * vx - x;
              qy = py + u * vy - y;
              if (qx * qx + qy * qy <= limit * limit)
                return TRUE;
            }
          px = cx;
          py = cy;
        }
    }
  return FALSE;
}

int
lode_flow_layout_ribbon_at (const LodeFlowLayout *self,
                            double                x,
                            double                y)
{
  g_return_val_if_fail (self != NULL, -1);

  /* Last drawn is on top: loops and stubs are painted after the flows. */
  for (int q = (int) self->n_ribbons - 1; q >= 0; q--)
    {
      const LodeFlowRibbon *r = &self->ribbons[q];

      if (r->n_segments == 0)
        continue;
      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        {
          if (loop_contains (r, x, y))
            return q;
        }
      else if (segment_contains (&r->segments[0], x, y))
        {
          return q;
        }
    }
  return -1;
}
