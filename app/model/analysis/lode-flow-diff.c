/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-flow-diff.c — China-free tonnes of every flow, scenario minus baseline. */

#define G_LOG_DOMAIN "lode-flow-diff"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "lode-flow-diff.h"

static double
china_free_t (const LodeProjection *p,
              const LodeYear       *y,
              LodeMaterial          material,
              LodeStage             stage,
              guint                 from,
              guint                 to)
{
  double flow = y->chain[material].flow_ox[stage][from][to];

  if (!(flow > 0))
    return 0;
  return flow * (1.0 - CLAMP (lode_projection_flow_china_content (p, y, material, stage, from,
                                                                   to), 0.0, 1.0));
}

static int
compare_changes (const void *a,
                 const void *b)
{
  const LodeFlowChange *x = a;
  const LodeFlowChange *y = b;
  double dx = fabs (x->delta_t), dy = fabs (y->delta_t);

  if (dx != dy)
    return dx > dy ? -1 : 1;
  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return x->to < y->to ? -1 : (x->to > y->to);
}

LodeFlowDiff *
lode_flow_diff_new (const LodeProjection *scenario,
                    const LodeProjection *baseline,
                    int                   year,
                    LodeMaterial          material)
{
  const LodeYear *ys, *yb;
  LodeFlowDiff *self;
  GArray *changes;
  double largest = 0;

  g_return_val_if_fail (scenario != NULL && baseline != NULL, NULL);
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, NULL);

  ys = lode_projection_get_year (scenario, year);
  yb = lode_projection_get_year (baseline, year);
  if (ys == NULL || yb == NULL || scenario->n_regions != baseline->n_regions)
    return NULL;

  self = g_new0 (LodeFlowDiff, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->year = year;
  self->material = material;
  self->n_regions = MIN (scenario->n_regions, LODE_MAX_REGIONS);
  self->us_china_free_delta_t = ys->us_china_free_magnet_t - yb->us_china_free_magnet_t;

  changes = g_array_new (FALSE, FALSE, sizeof (LodeFlowChange));
  for (guint s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < self->n_regions; i++)
      for (guint j = 0; j < self->n_regions; j++)
        {
          LodeFlowChange c = { s, i, j };

          c.scenario_t = china_free_t (scenario, ys, material, s, i, j);
          c.baseline_t = china_free_t (baseline, yb, material, s, i, j);
          c.delta_t = c.scenario_t - c.baseline_t;
          largest = MAX (largest, MAX (c.scenario_t, c.baseline_t));
          self->delta_t[s][i][j] = c.delta_t;
          g_array_append_val (changes, c);
        }

  self->neutral_t = LODE_FLOW_DIFF_NEUTRAL_SHARE * largest;
  for (guint k = changes->len; k-- > 0;)
    {
      LodeFlowChange *c = &g_array_index (changes, LodeFlowChange, k);

      if (fabs (c->delta_t) <= self->neutral_t)
        {
          self->delta_t[c->stage][c->from][c->to] = 0;
          g_array_remove_index_fast (changes, k);
          continue;
        }
      self->max_abs_delta_t = MAX (self->max_abs_delta_t, fabs (c->delta_t));
    }
  qsort (changes->data, changes->len, sizeof (LodeFlowChange), compare_changes);
  self->n_changes = changes->len;
  self->changes = (LodeFlowChange *) g_array_free (changes, FALSE);
  return self;
}

LodeFlowDiff *
lode_flow_diff_ref (LodeFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_flow_diff_unref (LodeFlowDiff *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->changes);
  g_free (self);
}

double
lode_flow_diff_get (const LodeFlowDiff *self,
                    LodeStage           stage,
                    guint               from,
                    guint               to)
{
  g_return_val_if_fail (self != NULL, 0);

  if ((guint) stage >= LODE_N_STAGES || from >= self->n_regions || to >= self->n_regions)
    return 0;
  return self->delta_t[stage][from][to];
}

gboolean
lode_flow_diff_is_neutral (const LodeFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->n_changes == 0;
}
