/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-outputs.c — the figures a year ends with: per material and stage the world's
 * production and capacity, China's share, US self-sufficiency and the US bottleneck; the
 * money (fund, price floor, stockpile, tariff revenue, cumulated); jobs and the environment.
 *
 * US self-sufficiency at a stage = US production / what US magnet demand (the trend) needs at
 * that stage. The bottleneck is the US stage with the least capacity in magnet-stage units
 * per year (ties to the stage nearer the magnet), or -1 when every stage could serve US
 * demand. The price floor pays (floor - price) on the covered US output while the price is
 * below it; the stockpile costs its purchases and its carrying cost; the tariff yields its
 * rate on the value of the China-touched magnets US users receive.
 * Environment and jobs follow the NdPr chain: policy.env_standard e multiplies US
 * intensities by 1 - 0.5 (e - 1) (E); jobs = capacity x jobs per kt/yr.
 */
#define G_LOG_DOMAIN "lode-model-outputs"

#include "config.h"

#include "lode-model.h"

static void
material_stage_figures (const Model  *m,
                        const Year   *w,
                        LodeYear     *y,
                        LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];
  const guint us = m->us;
  double need_mag = c->demand_trend_t[us];
  double need_metal = need_mag * mm->nm;
  double need_sep = need_metal / mm->conv_metal;
  double need_mine = need_sep / mm->recovery;
  double per_mine = mm->share[us] * mm->recovery * mm->conv_metal / mm->nm;
  double best = G_MAXDOUBLE;

  for (int s = 0; s < N_STAGES; s++)
    {
      double world = 0, plates = 0;

      for (guint r = 0; r < m->n; r++)
        {
          world += c->production[s][r];
          plates += c->capacity[s][r];
          if (s != METAL)
            c->utilisation[s][r] = lode_safe_div (c->production[s][r], c->capacity[s][r]);
        }
      c->world_production[s] = world;
      c->world_capacity[s] = plates;
      c->china_share[s] = lode_safe_div (c->production[s][m->cn], world);
    }

  c->us_self_sufficiency[MINE] = lode_safe_div (c->output_ox[MINE][us], need_mine);
  c->us_self_sufficiency[SEPARATION] = lode_safe_div (c->production[SEPARATION][us], need_sep);
  c->us_self_sufficiency[METAL] = lode_safe_div (c->production[METAL][us], need_metal);
  c->us_self_sufficiency[MAGNET] = lode_safe_div (c->production[MAGNET][us], need_mag);

  c->us_capacity_eq[MINE] = c->capacity[MINE][us] * per_mine;
  c->us_capacity_eq[SEPARATION] = c->capacity[SEPARATION][us] * mm->conv_metal / mm->nm;
  c->us_capacity_eq[METAL] = c->capacity[METAL][us] / mm->nm;
  c->us_capacity_eq[MAGNET] = mat == HEAVY ? c->capacity[MAGNET][us] * w->heavy_intensity
                                           : c->capacity[MAGNET][us];
  /* Smallest magnet-equivalent capacity; ties go to the stage nearer the magnet. */
  c->bottleneck_stage = -1;
  for (int s = MAGNET; s >= MINE; s--)
    if (c->us_capacity_eq[s] < best)
      {
        best = c->us_capacity_eq[s];
        c->bottleneck_stage = s;
      }
  if (need_mag <= 0 || best >= need_mag)
    c->bottleneck_stage = -1;
}

void
lode_model_stage_figures (const Model *m,
                          const Year  *w,
                          LodeYear    *y)
{
  for (int mat = 0; mat < N_MATERIALS; mat++)
    material_stage_figures (m, w, y, (LodeMaterial) mat);
}

/* The US stockpile: what it bought and released, its China content and what it cost. */
static double
stockpile (Model      *m,
           const Year *w,
           LodeYear   *y)
{
  double cost = 0;

  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      MatModel *mm = &m->mat[mat];
      LodeChain *c = &y->chain[mat];
      double bought = w->stock_bought[mat], released = w->stock_released[mat];
      double content = w->stock_bought_content[mat];
      double kept = MAX (0.0, mm->stock_ox - released);

      mm->stock_content = kept + bought > 0 ?
                          (kept * mm->stock_content + bought * content) / (kept + bought) : 0;
      mm->stock_ox = kept + bought;
      c->us_stockpile_ox = mm->stock_ox;
      c->us_stockpile_bought_ox = bought;
      c->us_stockpile_released_ox = released;
      cost += (bought + m->stockpile_carry * mm->stock_ox) * 1000 * c->price_usd_kg / 1e9;
    }
  return cost;
}

static double
floor_cost (const Model *m,
            const Year  *w,
            LodeYear    *y)
{
  LodeChain *c = &y->chain[NDPR];
  double covered, cost;

  if (!w->floor_on)
    return 0;
  covered = MIN (w->covered[NDPR], c->production[SEPARATION][m->us]);
  c->us_capacity_supported[SEPARATION] = covered;
  cost = MAX (0.0, m->floor - c->price_usd_kg) * covered * 1000 / 1e9;
  c->price_floor_cost_busd = cost;
  return cost;
}

static double
tariff_revenue (const Model *m,
                const Year  *w,
                LodeYear    *y)
{
  const LodeChain *c = &y->chain[NDPR];
  double touched = 0;

  if (!w->tariff_on)
    return 0;
  for (guint i = 0; i < m->n; i++)
    if (i != m->us)
      touched += c->flow_ox[MAGNET][i][m->us] * c->china_content_to_us[MAGNET][i];
  return touched / m->mat[NDPR].ox_per_magnet * 1000 * y->magnet_price_usd_kg * m->tariff / 1e9;
}

void
lode_model_money (Model          *m,
                  const Year     *w,
                  LodeYear       *y,
                  const LodeYear *prev)
{
  y->price_floor_cost_busd = floor_cost (m, w, y);
  y->stockpile_cost_busd = stockpile (m, w, y);
  y->tariff_revenue_busd = tariff_revenue (m, w, y);
  lode_model_fund_tranche (m, w, y);
  lode_model_partner_funds (m, w, y);
  lode_model_fund_accounts (m, w, y, prev);

  y->public_spend_cum_busd = y->public_spend_busd;
  y->private_spend_cum_busd = y->private_spend_busd;
  y->fund_unabsorbed_cum_busd = y->fund_unabsorbed_busd;
  y->price_floor_cost_cum_busd = y->price_floor_cost_busd;
  y->stockpile_cost_cum_busd = y->stockpile_cost_busd;
  y->tariff_revenue_cum_busd = y->tariff_revenue_busd;
  if (prev != NULL)
    {
      y->public_spend_cum_busd += prev->public_spend_cum_busd;
      y->private_spend_cum_busd += prev->private_spend_cum_busd;
      y->fund_unabsorbed_cum_busd += prev->fund_unabsorbed_cum_busd;
      y->price_floor_cost_cum_busd += prev->price_floor_cost_cum_busd;
      y->stockpile_cost_cum_busd += prev->stockpile_cost_cum_busd;
      y->tariff_revenue_cum_busd += prev->tariff_revenue_cum_busd;
    }
}

void
lode_model_society (const Model *m,
                    const Year  *w,
                    LodeYear    *y)
{
  const LodeDataset *ds = m->ds;
  const LodeChain *c = &y->chain[NDPR];
  double jobs_world = 0, jobs_cn = 0, jobs_us = 0, co2e = 0, residue = 0, tailings = 0;

  for (int s = 0; s < N_STAGES; s++)
    {
      const LodeStageEconomics *e = &ds->stage[s];
      double plate_sum = 0, prod_sum = 0, prod_us = c->production[s][m->us];

      for (guint r = 0; r < m->n; r++)
        {
          plate_sum += c->capacity[s][r];
          prod_sum += c->production[s][r];
        }
      /* US production at its own intensity from the year the standard can act (the base
       * year is data), everyone else at the stage's. */
      if (w->ti > 0)
        prod_sum += prod_us * (m->intensity_us - 1);
      jobs_world += plate_sum * e->jobs_per_kt.value;
      jobs_cn += c->capacity[s][m->cn] * e->jobs_per_kt.value;
      jobs_us += c->capacity[s][m->us] * e->jobs_per_kt.value;
      co2e += prod_sum * e->co2e_t_per_t.value;
      residue += prod_sum * e->residue_t_per_t.value;
      tailings += prod_sum * e->tailings_t_per_t.value;
    }
  y->jobs_china = jobs_cn / 1000;
  y->jobs_non_china = (jobs_world - jobs_cn) / 1000;
  y->jobs_us = jobs_us / 1000;
  y->co2e_kt = co2e / 1000;
  y->residue_t = residue;
  y->tailings_kt = tailings / 1000;
}
