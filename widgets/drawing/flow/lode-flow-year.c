/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The year being drawn: the projection's flows, losses, stocks and shares interpolated
 * between the two whole years around a fractional year while the year plays; in the joint
 * magnet view, the magnets' China content counting their Dy + Tb.
 */
#define G_LOG_DOMAIN "lode-flow-year"

#include "config.h"

#include <math.h>

#include "lode-flow-layout-private.h"

/* The joint magnet view: a maker's NdFeB magnets are China-free as far as its China-free NdPr
 * and, in the Dy/Tb grades (share q of its magnets), its China-free Dy + Tb pair up, as the
 * model counts them: at most min (1 - c_ndpr, 1 - q c_heavy). q is the year's Dy/Tb grade
 * share; a maker short of Dy + Tb makes fewer Dy/Tb grades than that, so the diagram shows its
 * China content at most slightly above the model's, never below. */
static void
count_heavy_in_magnets (FlowYear       *d,
                        const LodeYear *ya,
                        const LodeYear *yb,
                        double          t,
                        guint           n)
{
  const LodeChain *ha = &ya->chain[LODE_MATERIAL_HEAVY];
  const LodeChain *hb = &yb->chain[LODE_MATERIAL_HEAVY];
  double q = CLAMP (lerp (ya->us_heavy_grade_share, yb->us_heavy_grade_share, t), 0.0, 1.0);

  for (guint i = 0; i < n; i++)
    {
      double heavy = CLAMP (lerp (ha->china_content[LODE_STAGE_MAGNET][i],
                                  hb->china_content[LODE_STAGE_MAGNET][i], t), 0.0, 1.0);

      d->china_content[LODE_STAGE_MAGNET][i] = MAX (d->china_content[LODE_STAGE_MAGNET][i],
                                                    q * heavy);
    }
}

/* The US figure the description reads: the joint headline for NdFeB magnets, the material's
 * own for Dy + Tb and SmCo. */
static double
china_free_us (const LodeFlowLayout *self,
               const LodeYear       *y)
{
  if (self->options.material == LODE_MATERIAL_NDPR)
    return y->china_free_share_us_demand;
  return y->chain[self->options.material].china_free_share_us_demand;
}

void
lode_flow_fill_year (LodeFlowLayout *self)
{
  const LodeProjection *p = self->projection;
  FlowYear *d = &self->data;
  const LodeYear *ya, *yb;
  const LodeChain *a, *b;
  double y = CLAMP (self->year, p->base_year, p->horizon);
  int i0 = (int) floor (y) - p->base_year;
  double t;
  guint n = self->n_regions;

  i0 = CLAMP (i0, 0, p->n_years - 1);
  t = y - (p->base_year + i0);
  ya = &p->years[i0];
  yb = t > 0.0 ? &p->years[MIN (i0 + 1, p->n_years - 1)] : ya;
  a = &ya->chain[self->options.material];
  b = &yb->chain[self->options.material];

  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < n; i++)
      {
        double unsold = lerp (a->unsold_ox[s][i], b->unsold_ox[s][i], t);
        double stock = lerp (a->stock_change_ox[s][i], b->stock_change_ox[s][i], t);

        for (guint j = 0; j < n; j++)
          d->flow[s][i][j] = MAX (0.0, lerp (a->flow_ox[s][i][j], b->flow_ox[s][i][j], t));
        d->loss[s][i] = MAX (0.0, lerp (a->loss_ox[s][i], b->loss_ox[s][i], t));
        d->stock_out[s][i] = MAX (0.0, unsold) + MAX (0.0, stock);
        d->stock_in[s][i] = MAX (0.0, -stock) + MAX (0.0, -unsold);
        d->production[s][i] = MAX (0.0, lerp (a->production[s][i], b->production[s][i], t));
        d->output_ox[s][i] = MAX (0.0, lerp (a->output_ox[s][i], b->output_ox[s][i], t));
        d->china_content[s][i] = CLAMP (lerp (a->china_content[s][i],
                                              b->china_content[s][i], t), 0.0, 1.0);
      }
  for (guint i = 0; i < n; i++)
    {
      d->recycled[i] = MAX (0.0, lerp (a->recycled_ox[i], b->recycled_ox[i], t));
      d->byproduct[i] = MAX (0.0, lerp (a->byproduct_reo_t[i], b->byproduct_reo_t[i], t));
      d->supplied_magnet[i] = MAX (0.0, lerp (a->supplied_t[i], b->supplied_t[i], t));
      d->shortfall_magnet[i] = MAX (0.0, lerp (a->shortfall_t[i], b->shortfall_t[i], t));
    }
  /* The model may feed a plant from outside the drawn flows (China's secondary separation
   * feed: scrap, swarf, unreported ore, stocks). Whatever input_ox holds beyond the inflows
   * and the recycling loop is drawn as its own incoming stub, so every node still balances. */
  for (int s = 1; s < LODE_N_STAGES; s++)
    for (guint j = 0; j < n; j++)
      {
        double input = lerp (a->input_ox[s][j], b->input_ox[s][j], t);
        double in = s == LODE_STAGE_METAL ? d->recycled[j] : 0.0;
        double other;

        for (guint i = 0; i < n; i++)
          in += d->flow[s - 1][i][j];
        other = input - in;
        d->other_in[s][j] = other > 1e-9 * MAX (1.0, input) ? other : 0.0;
      }
  if (self->options.joint_magnets)
    count_heavy_in_magnets (d, ya, yb, t, n);
  /* The world's NdFeB use by application: NdFeB magnets only. */
  for (int u = 0; u < LODE_N_END_USES; u++)
    d->end_use[u] = self->options.material != LODE_MATERIAL_NDPR ? 0.0
                    : MAX (0.0, lerp (ya->end_use_t[u], yb->end_use_t[u], t));
  d->china_free_us = CLAMP (lerp (china_free_us (self, ya), china_free_us (self, yb), t),
                            0.0, 1.0);

  self->shown_year = (int) floor (y + 0.5);
  self->shown_year = CLAMP (self->shown_year, p->base_year, p->horizon);
  self->bottleneck =
    p->years[self->shown_year - p->base_year].chain[self->options.material].bottleneck_stage;
  if (self->options.bottleneck_stage != LODE_FLOW_BOTTLENECK_MODEL)
    self->bottleneck = self->options.bottleneck_stage;
  if (self->bottleneck < 0 || self->bottleneck >= LODE_N_STAGES)
    self->bottleneck = -1;
}
