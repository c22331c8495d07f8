/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-setup.c — the dataset and the scenario's levers turned into the Model's
 * constants once per run (conversions, costs, lead times, the project units), the levers in
 * force in a given year, and the checks on dataset and inputs the model relies on.
 */
#define G_LOG_DOMAIN "lode-model-setup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-model.h"

/* Estimates (basis E) that are choices of the model rather than data; docs/model.md. */
#define PRICE_MIN_OF_COST       0.3   /* the lowest price searched, as a share of the lowest
                                       * cash cost */
#define ENV_CAPEX_SLOPE         0.2   /* US capex x (1 + 0.2 (standard - 1)) */
#define ENV_INTENSITY_SLOPE     0.5   /* US intensities x (1 - 0.5 (standard - 1)) */
#define EARLIEST_ADVANCED_START 2     /* reform cannot bring a project closer than this many
                                       * years after the base year */
#define MATERIAL_LEVERS_FROM    2025  /* grade levers ramp from this year ... */
#define MATERIAL_LEVERS_FULL    2035  /* ... to this one */

static void
setup_conversions (Model         *m,
                   LodeMaterial   material)
{
  const LodeDataset *ds = m->ds;
  const LodeMaterialData *d = &ds->material[material];
  MatModel *mm = &m->mat[material];
  double yield = d->magnet_yield.value;
  double mpm = d->metal_per_magnet.value;

  for (guint r = 0; r < m->n; r++)
    {
      /* NdPr mines are counted in t REO; Dy + Tb and Sm mines in the oxide they contain. */
      mm->share[r] = material == NDPR ?
                     MAX (0.0, ds->regions[r].material[NDPR].ore_share.value) : 1.0;
      mm->inv_share[r] = mm->share[r] > 0 ? 1 / mm->share[r] : 0;
    }
  mm->recovery = d->recovery.value;
  mm->o2m = d->oxide_to_metal.value;
  mm->conv_metal = mm->o2m * d->metal_yield.value;
  /* Per magnet-stage unit: mpm / yield of metal goes into blocks; of the scrap (1/yield - 1)
   * the recycled share comes back in the plant. */
  mm->nm = mpm / yield - lode_clamp (d->swarf_recycled.value, 0, 1) * mpm * (1 / yield - 1);
  mm->ox_per_magnet = mpm / mm->o2m;
  mm->magnet_per_ox = mm->o2m / mm->nm;
  mm->need_ox_per_magnet = mm->nm / mm->conv_metal;
  mm->secondary_in = MAX (0.0, d->secondary_oxide_t.value) / mm->recovery;
}

static void
setup_market (Model        *m,
              LodeMaterial  material)
{
  const LodeDataset *ds = m->ds;
  const LodeMaterialData *d = &ds->material[material];
  MatModel *mm = &m->mat[material];
  double lowest = G_MAXDOUBLE;

  mm->price0 = d->price_2024.value;
  mm->eps_short = MIN (0.0, d->elasticity_short.value);
  mm->eps_long = MIN (mm->eps_short, d->elasticity_long.value);
  mm->adjust_rate = 1 - exp (-1 / MAX (0.5, d->adjust_years.value));
  mm->incentive = d->incentive_price.value;
  for (guint r = 0; r < m->n; r++)
    {
      CostBand *b = &mm->band[r];

      mm->cost[r] = MAX (1e-3, ds->regions[r].material[material].cash_cost.value);
      b->lo = mm->cost[r] * (1 - m->cost_band);
      lowest = MIN (lowest, b->lo);
      b->width = 2 * mm->cost[r] * m->cost_band;
      b->hi = b->lo + b->width;
      b->u_floor = r == m->cn ? 0 : m->u_floor;
      b->mid_slope = (1 - b->u_floor) / b->width;
    }
  mm->p_min = MIN (mm->price0, lowest) * PRICE_MIN_OF_COST;
  mm->p_max = mm->price0 * MAX (1.0, d->choke_multiple.value);
  /* The market's solver tries the bounds every year (lode-model-market.c). */
  mm->x_min = mm->p_min / mm->price0;
  mm->x_max = mm->p_max / mm->price0;
  mm->power_min = pow (mm->x_min, mm->eps_short);
  mm->power_max = pow (mm->x_max, mm->eps_short);
  mm->long_out = mm->long_cn = 1;
  mm->price_prev = mm->price_cn_prev = mm->price_pre_shock = mm->price0;
}

static void
setup_capacity (Model        *m,
                LodeMaterial  material)
{
  const LodeDataset *ds = m->ds;
  const LodeMaterialData *d = &ds->material[material];
  MatModel *mm = &m->mat[material];
  double life = MAX (1.0, ds->param[LODE_PARAM_MINE_LIFE_YEARS].value);

  for (int s = 0; s < N_STAGES; s++)
    {
      const LodeStageEconomics *e = &ds->stage[s];

      mm->capex_west[s] = material == NDPR ? e->capex_west.value : d->capex_west[s].value;
      mm->capex_asia[s] = material == NDPR ? e->capex_asia.value : d->capex_asia[s].value;
      for (guint r = 0; r < m->n; r++)
        {
          const LodeRegionMaterial *rm = &ds->regions[r].material[material];
          double cap = MAX (0.0, rm->capacity[s].value);
          double prod = MAX (0.0, rm->production[s].value);

          /* Production never exceeds capacity: where the data say so, capacity is raised. */
          cap = MAX (cap, prod);
          mm->base_cap[s][r] = cap;
          mm->u_obs[s][r] = cap > 0 ? prod / cap : 0;
          mm->u_tgt[s][r] = MAX (mm->u_obs[s][r], m->u_ss[s]);
          if (r != m->cn)
            mm->nonchina_cap0[s] += cap;
        }
      /* China mines and separates to its quota, which its 2024 output met (reference §1:
       * mining output is the quota figure); its plants have room beyond it. */
      if (s <= SEPARATION)
        mm->china_cap[s] = mm->base_cap[s][m->cn] * mm->u_obs[s][m->cn];
    }
  for (guint r = 0; r < m->n; r++)
    {
      /* Reserves bound the mines a region can hold; known capacity always stays. */
      double ore = material == NDPR ? 1.0 :
                   MAX (0.0, ds->regions[r].material[material].ore_share.value);

      mm->mine_limit[r] = ds->regions[r].reserves_t.value * ore / life;
    }
  for (guint r = 0; r < m->n; r++)
    mm->demand0[r] = MAX (0.0, ds->regions[r].material[material].demand_t.value);
}

static void
setup_base_trade (Model        *m,
                  LodeMaterial  material)
{
  const LodeDataset *ds = m->ds;
  MatModel *mm = &m->mat[material];

  for (int s = 0; s < N_STAGES; s++)
    for (guint j = 0; j < MAX_R; j++)
      for (guint i = 0; i < MAX_R; i++)
        mm->import_share[s][j][i] = -1;
  for (guint k = 0; k < ds->n_base_trade; k++)
    {
      const LodeBaseTrade *bt = &ds->base_trade[k];

      if (bt->material == material)
        mm->import_share[bt->stage][bt->to][bt->from] = bt->share.value;
    }
}

static Lead
make_lead (double years)
{
  Lead lead;

  years = MAX (0.0, years);
  lead.whole = (int) floor (years);
  lead.phi = years - floor (years);
  return lead;
}

static void
setup_leads (Model  *m,
             double  cut)
{
  const LodeDataset *ds = m->ds;

  for (int k = 0; k < N_KINDS; k++)
    {
      /* Recycling plants follow the metal stage's lead time and ramp. */
      const LodeStageEconomics *e = &ds->stage[k == KIND_RECYCLING ? METAL : k];
      double permit = MAX (0.0, e->permit_years.value);
      double build = MAX (0.0, e->build_years.value);
      double floor_lead = MAX (0.0, e->min_lead_years.value);

      m->lead_us[k] = make_lead (MAX (floor_lead, MAX (0.0, permit - cut) + build));
      m->lead_ally[k] = make_lead (MAX (floor_lead, permit + build));
    }
  m->permit_cut = cut;
}

/* Years reform takes off a planned US project at a stage: the cut, but never past the
 * stage's physical minimum. */
static double
project_advance (const Model *m,
                 LodeStage    stage)
{
  const LodeStageEconomics *e = &m->ds->stage[stage];
  double room = MAX (0.0, e->permit_years.value + e->build_years.value - e->min_lead_years.value);

  return MIN (m->permit_cut, room);
}

static void
add_unit (Model             *m,
          const LodeProject *pr,
          double             online)
{
  Unit *u;

  if (m->n_units >= MAX_UNITS)
    return;
  u = &m->units[m->n_units++];
  u->material = pr->material;
  u->stage = pr->stage;
  u->region = pr->region;
  u->capacity = MAX (0.0, pr->capacity.value);
  u->start = (int) floor (online);
  u->phi = online - floor (online);
  u->needs_floor = pr->needs_floor;
  m->mat[u->material].project_cap[u->stage][u->region] += u->capacity;
}

static void
setup_units (Model  *m,
             double  slip)
{
  const LodeDataset *ds = m->ds;
  const LodeProjectionInputs *in = m->in;

  for (guint p = 0; p < ds->n_projects; p++)
    {
      const LodeProject *pr = &ds->projects[p];
      double online = pr->online_year + slip;

      if (!in->project_enabled[p])
        continue;
      if (pr->region == m->us && pr->status == LODE_PROJECT_PLANNED)
        online = MAX (online - project_advance (m, pr->stage),
                      MIN (online, (double) (m->base_year + EARLIEST_ADVANCED_START)));
      add_unit (m, pr, online);
    }
  for (guint p = 0; p < in->n_user_projects; p++)
    add_unit (m, &in->user_projects[p], in->user_projects[p].online_year);
}

static void
setup_scenario (Model *m)
{
  const double *lv = m->in->lever;
  const LodeDataset *ds = m->ds;
  double g = lv[LODE_LEVER_MARKET_DEMAND_GROWTH_PCT];
  double q = lv[LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT];
  double central0 = ds->growth_central_pct[0].value;

  for (guint r = 0; r < m->n; r++)
    {
      m->ally[r] = r != m->cn && r != m->us && m->in->ally[r];
      m->aligned[r] = r == m->us || m->ally[r];
      m->target[r] = r != m->cn && m->in->shock_target[r];
    }
  lode_model_list_regions (m);
  m->friendshoring = lode_clamp (lv[LODE_LEVER_PARTNERS_FRIENDSHORING], 0, 1);
  m->friendshoring_ramp = ds->param[LODE_PARAM_FRIENDSHORING_RAMP].value;

  /* Demand and China's quotas: the levers are the 2024-30 rates; later periods keep the
   * central path's taper. */
  for (int k = 0; k < 3; k++)
    {
      double c = ds->growth_central_pct[k].value;

      m->growth[k] = central0 > 0 ? c * g / central0 : c + (g - central0);
      m->quota_growth[k] = central0 > 0 ? c * q / central0 : q;
    }
  m->growth[0] = g;
  m->quota_growth[0] = q;
  m->backcast_growth = central0;
  m->recycling_target = lode_clamp (lv[LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT] / 100, 0, 1);
  m->recycling_2024 = lode_clamp (ds->param[LODE_PARAM_RECYCLING_2024].value, 0, 1);
  m->service_life = MAX (1.0, ds->magnet_service_life_years.value);

  m->floor = MAX (0.0, lv[LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG]);
  m->floor_start = (int) lround (lv[LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR]);
  m->floor_end = m->floor_start + (int) lround (lv[LODE_LEVER_POLICY_PRICE_FLOOR_YEARS]);
  m->floor_coverage = MAX (0.0, lv[LODE_LEVER_POLICY_PRICE_FLOOR_COVERAGE_T]);
  /* Projects that need the floor proceed in proportion to how much of the agreed support
   * (the defaults: the DoD–MP floor on MP's volume) the scenario gives. */
  m->floor_support =
    lode_clamp (m->floor / lode_lever_info (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG)->default_value,
                0, 1) *
    lode_clamp (m->floor_coverage /
                lode_lever_info (LODE_LEVER_POLICY_PRICE_FLOOR_COVERAGE_T)->default_value, 0, 1);
  m->tariff = MAX (0.0, lv[LODE_LEVER_POLICY_TARIFF_PCT] / 100);
  m->tariff_substitution = ds->param[LODE_PARAM_TARIFF_SUBSTITUTION].value;

  m->withheld = lode_clamp (lv[LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT] / 100, 0, 1);
  m->shock_start = (int) lround (lv[LODE_LEVER_SHOCK_START_YEAR]);
  m->shock_end = m->shock_start + (int) lround (lv[LODE_LEVER_SHOCK_DURATION_YEARS]);
  m->covers[NDPR] = lv[LODE_LEVER_SHOCK_NDPR] > 0.5;
  m->covers[HEAVY] = lv[LODE_LEVER_SHOCK_HEAVY] > 0.5;
  m->covers[SM] = lv[LODE_LEVER_SHOCK_SM] > 0.5;
  m->covers_magnets = lv[LODE_LEVER_SHOCK_MAGNETS] > 0.5;
  m->licence_delay = lode_clamp (lv[LODE_LEVER_SHOCK_LICENCE_DELAY_MONTHS] / 12, 0, 1);
  m->extraterritorial = lv[LODE_LEVER_SHOCK_EXTRATERRITORIAL] > 0.5;
  m->shock_recovery = ds->param[LODE_PARAM_SHOCK_RECOVERY_YEARS].value;

  m->stockpile_months = MAX (0.0, lv[LODE_LEVER_POLICY_STOCKPILE_MONTHS]);
  m->stockpile_start = (int) lround (lv[LODE_LEVER_POLICY_STOCKPILE_START_YEAR]);
  m->stockpile_fill = MAX (0.5, ds->param[LODE_PARAM_STOCKPILE_FILL_YEARS].value);
  m->stockpile_carry = MAX (0.0, ds->param[LODE_PARAM_STOCKPILE_CARRY_PCT].value / 100);
  m->stockpile_trigger = MAX (1.0, ds->param[LODE_PARAM_STOCKPILE_TRIGGER].value);

  m->heavy_grade_share = lode_clamp (ds->param[LODE_PARAM_HEAVY_GRADE_SHARE].value, 0, 1);
  for (int u = 0; u < LODE_N_END_USES; u++)
    m->heavy_intensity0 += MAX (0.0, ds->end_use_share[u].value) *
                           MAX (0.0, ds->heavy_intensity[u].value);
  m->gbd_factor = lode_clamp (ds->param[LODE_PARAM_GBD_FACTOR].value, 0, 1);
  m->heavy_thrift = lode_clamp (ds->param[LODE_PARAM_HEAVY_THRIFT_PCT].value / 100, 0, 1);
  m->gbd_share0 = lode_clamp (ds->param[LODE_PARAM_GBD_SHARE_2024].value, 0, 1);
  m->gbd_extra = lode_clamp (lv[LODE_LEVER_MATERIALS_GBD_EXTRA_PCT] / 100, 0, 1);
  m->heavy_free = lode_clamp (lv[LODE_LEVER_MATERIALS_HEAVY_FREE_PCT] / 100, 0, 1);
  m->defence_ndfeb0 = MAX (0.0, ds->param[LODE_PARAM_US_DEFENCE_NDFEB_T].value);
  m->defence_smco0 = MAX (0.0, ds->param[LODE_PARAM_US_DEFENCE_SMCO_T].value);
  m->defence_growth = ds->param[LODE_PARAM_DEFENCE_GROWTH_PCT].value;
  m->defence_first = lv[LODE_LEVER_POLICY_DEFENCE_FIRST] > 0.5;
}

static void
setup_working_stocks (Model *m)
{
  double months = MAX (0.0, m->ds->param[LODE_PARAM_WORKING_STOCK_MONTHS].value);

  for (int mat = 0; mat < N_MATERIALS; mat++)
    m->mat[mat].working_months = months;
}

static void
setup_fund (Model *m)
{
  const double *lv = m->in->lever;
  const LodeDataset *ds = m->ds;
  double env = lv[LODE_LEVER_POLICY_ENV_STANDARD];
  int years = (int) lround (lv[LODE_LEVER_FUND_YEARS]);

  m->fund_start = (int) lround (lv[LODE_LEVER_FUND_START_YEAR]);
  m->fund_end = m->fund_start + MAX (0, years);
  m->fund_annual_busd = years > 0 ? MAX (0.0, lv[LODE_LEVER_FUND_SIZE_BUSD]) / years : 0;
  for (int k = 0; k < N_KINDS; k++)
    m->alloc[k] = MAX (0.0, lv[LODE_LEVER_ALLOC_FIRST + k] / 100);
  m->material_share[HEAVY] = lode_clamp (lv[LODE_LEVER_FUND_HEAVY_SHARE_PCT] / 100, 0, 1);
  m->material_share[SM] = lode_clamp (lv[LODE_LEVER_FUND_SM_SHARE_PCT] / 100, 0, 1);
  m->material_share[NDPR] = MAX (0.0, 1 - m->material_share[HEAVY] - m->material_share[SM]);
  m->leverage = MAX (0.0, lv[LODE_LEVER_FUND_PRIVATE_LEVERAGE]);
  m->coinvest = m->n_allies > 0 ? lode_clamp (lv[LODE_LEVER_PARTNERS_COINVEST_PCT] / 100, 0, 1)
                                : 0;
  for (int k = 0; k < N_STAGES; k++)
    m->absorption_usd[k] = MAX (1.0, ds->stage[k].absorption.value) *
                           MAX (1.0, ds->stage[k].capex_west.value);
  m->absorption_usd[KIND_RECYCLING] =
    MAX (1.0, ds->param[LODE_PARAM_RECYCLING_ABSORPTION].value) *
    MAX (1.0, ds->recycling_capex_per_t.value);
  m->ally_absorption = MAX (0.0, ds->param[LODE_PARAM_ALLY_ABSORPTION].value);
  m->marginal_capex = MAX (0.0, ds->param[LODE_PARAM_MARGINAL_CAPEX].value);
  m->capex_mult_us = 1 + ENV_CAPEX_SLOPE * (env - 1);
  m->intensity_us = MAX (0.0, 1 - ENV_INTENSITY_SLOPE * (env - 1));
  m->induced_rate = MAX (0.0, ds->param[LODE_PARAM_INDUCED_RATE].value);
  m->funded_last = -1;
}

/* The allies (ally[]) and the regions not US-aligned, each in order, from ally[] and
 * aligned[]: the buyers lode_model_split_content() sums by kind. */
void
lode_model_list_regions (Model *m)
{
  m->n_allies = m->n_others = 0;
  for (guint r = 0; r < m->n; r++)
    {
      if (m->ally[r])
        m->allies[m->n_allies++] = r;
      else if (!m->aligned[r])
        m->others[m->n_others++] = r;
    }
}

void
lode_model_setup (Model                      *m,
                  const LodeDataset          *ds,
                  const LodeProjectionInputs *in,
                  int                         n_years)
{
  const double *lv = in->lever;

  m->ds = ds;
  m->in = in;
  m->n = ds->n_regions;
  m->cn = ds->china;
  m->us = ds->us;
  m->base_year = ds->base_year;
  m->n_years = n_years;
  m->u_floor = lode_clamp (ds->param[LODE_PARAM_UTILISATION_FLOOR].value, 0, 1);
  m->cost_band = lode_clamp (ds->param[LODE_PARAM_COST_BAND].value, 0.01, 0.9);

  for (int s = 0; s < N_STAGES; s++)
    {
      m->u_ss[s] = lode_clamp (ds->stage[s].utilisation.value, 0, 1);
      for (int k = 0; k < 4; k++)
        m->ramp[s][k] = lode_clamp (ds->stage[s].ramp[k].value, 0, 1);
    }
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      setup_conversions (m, (LodeMaterial) mat);
      setup_market (m, (LodeMaterial) mat);
      setup_capacity (m, (LodeMaterial) mat);
      setup_base_trade (m, (LodeMaterial) mat);
    }
  setup_scenario (m);
  setup_fund (m);
  lode_model_setup_instruments (m);
  setup_working_stocks (m);
  setup_leads (m, MAX (0.0, lv[LODE_LEVER_POLICY_PERMITTING_CUT_YEARS]));
  setup_units (m, MAX (0.0, lv[LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS]));
  /* Known mines (the base and announced projects) always fit within the reserves. */
  for (int mat = 0; mat < N_MATERIALS; mat++)
    for (guint r = 0; r < m->n; r++)
      {
        MatModel *mm = &m->mat[mat];

        mm->mine_limit[r] = MAX (mm->mine_limit[r],
                                 mm->base_cap[MINE][r] + mm->project_cap[MINE][r]);
      }
}

/* 0 before `from`, 1 from `full` on, linear between. */
static double
ramp_between (int t,
              int from,
              int full)
{
  if (full <= from)
    return t >= from ? 1 : 0;
  return lode_clamp ((double) (t - from + 1) / (full - from + 1), 0, 1);
}

/* Below this share of China's exports withheld, a fading restriction has ended: the halving
 * never reaches zero, and a restriction of a few hundredths of a percent kept the targets'
 * market apart for decades, its price drifting away from China's (Export Ban: samarium 16x
 * in 2040, a decade after the ban). */
#define SHOCK_OVER 0.01

/* Share of China's exports withheld this year: the lever during the restriction (with the
 * licensing delay on what is licensed), then halving every shock_recovery years until it is
 * under SHOCK_OVER. */
static double
withheld_in (const Model *m,
             int          t)
{
  double w;

  if (m->withheld <= 0 || t < m->shock_start || m->shock_end <= m->shock_start)
    return 0;
  if (t < m->shock_end)
    return 1 - (1 - m->withheld) * (1 - m->licence_delay);
  if (m->shock_recovery <= 0)
    return 0;
  w = 1 - (1 - m->withheld) * (1 - m->licence_delay);
  w *= pow (0.5, (t - m->shock_end + 1) / m->shock_recovery);
  return w >= SHOCK_OVER ? w : 0;
}

void
lode_model_year_levers (const Model *m,
                        Year        *w)
{
  const int t = w->t;
  double ramp = ramp_between (t, MATERIAL_LEVERS_FROM, MATERIAL_LEVERS_FULL);
  double shock;

  /* The base year is the dataset's: no lever acts in it. */
  if (w->ti == 0)
    {
      w->gbd_share = m->gbd_share0;
      w->heavy_grade_share = m->heavy_grade_share;
      return;
    }
  w->segregation = m->friendshoring_ramp > 0 ?
                   lode_clamp (w->ti / m->friendshoring_ramp, 0, 1) : 1;
  w->fs = m->friendshoring * w->segregation;
  w->tariff_on = m->tariff > 0 && t >= LODE_TARIFF_START_YEAR;
  w->floor_on = m->floor > 0 && t >= m->floor_start && t < m->floor_end;
  w->heavy_free = m->heavy_free * ramp;
  w->heavy_grade_share = m->heavy_grade_share * (1 - w->heavy_free);
  w->gbd_share = m->gbd_share0 + (1 - m->gbd_share0) * m->gbd_extra * ramp;
  shock = withheld_in (m, t);
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      w->withheld[mat] = m->covers[mat] ? shock : 0;
      w->withheld_magnets[mat] = m->covers[mat] && m->covers_magnets ? shock : 0;
    }
  /* NdFeB magnets fall under a Dy + Tb restriction as far as they are Dy/Tb grades, whether
   * or not NdPr itself is covered (the controls of 2025 spared NdPr, not its magnets). */
  w->withheld_magnets[NDPR] = MAX (w->withheld_magnets[NDPR],
                                   w->withheld_magnets[HEAVY] * w->heavy_grade_share);
}

gboolean
lode_model_check_dataset (const LodeDataset  *ds,
                          GError            **error)
{
  if (ds->n_regions < 1 || ds->n_regions > LODE_MAX_REGIONS)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                   _("The dataset has %u regions; between 1 and %d are supported"),
                   ds->n_regions, LODE_MAX_REGIONS);
      return FALSE;
    }
  if (ds->china >= ds->n_regions || ds->us >= ds->n_regions || ds->china == ds->us)
    {
      g_set_error_literal (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                           _("The dataset must name China and the United States as two of "
                             "its regions"));
      return FALSE;
    }
  if (ds->base_year != LODE_BASE_YEAR)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                   _("The dataset's base year is %d; the model starts in %d"),
                   ds->base_year, LODE_BASE_YEAR);
      return FALSE;
    }
  if (ds->n_projects > LODE_MAX_PROJECTS)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                   _("The dataset has %u projects; at most %d are supported"),
                   ds->n_projects, LODE_MAX_PROJECTS);
      return FALSE;
    }
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      const LodeMaterialData *d = &ds->material[mat];
      const LodeCited *unit[] = {
        &d->recovery, &d->oxide_to_metal, &d->metal_yield, &d->metal_per_magnet,
        &d->magnet_yield,
      };

      for (guint i = 0; i < G_N_ELEMENTS (unit); i++)
        if (!(unit[i]->value > 0 && unit[i]->value <= 1.0))
          {
            g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                         _("The dataset's conversion factors for %s must be between 0 and 1"),
                         lode_material_id ((LodeMaterial) mat));
            return FALSE;
          }
      if (!(d->price_2024.value > 0))
        {
          g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                       _("The dataset's 2024 price for %s must be positive"),
                       lode_material_id ((LodeMaterial) mat));
          return FALSE;
        }
    }
  for (guint p = 0; p < ds->n_projects; p++)
    if ((guint) ds->projects[p].stage >= LODE_N_STAGES ||
        (guint) ds->projects[p].material >= LODE_N_MATERIALS ||
        ds->projects[p].region >= ds->n_regions ||
        !isfinite (ds->projects[p].capacity.value))
      {
        g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET,
                     _("The dataset's project “%s” has an unknown material, stage or region"),
                     ds->projects[p].id != NULL ? ds->projects[p].id : "?");
        return FALSE;
      }
  return TRUE;
}

gboolean
lode_model_check_inputs (const LodeDataset          *ds,
                         const LodeProjectionInputs *in,
                         GError                    **error)
{
  if (in->horizon < ds->base_year || in->horizon > LODE_MAX_HORIZON)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                   _("The horizon %d is outside %d–%d"),
                   in->horizon, ds->base_year, LODE_MAX_HORIZON);
      return FALSE;
    }
  if (in->n_user_projects > LODE_SCENARIO_MAX_USER_PROJECTS)
    {
      g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                   _("The scenario has %u user projects; at most %d are supported"),
                   in->n_user_projects, LODE_SCENARIO_MAX_USER_PROJECTS);
      return FALSE;
    }
  for (guint p = 0; p < in->n_user_projects; p++)
    {
      const LodeProject *pr = &in->user_projects[p];

      if ((guint) pr->stage >= LODE_N_STAGES || (guint) pr->material >= LODE_N_MATERIALS ||
          pr->region >= ds->n_regions ||
          !isfinite (pr->capacity.value) || pr->capacity.value < 0 ||
          pr->online_year < ds->base_year || pr->online_year > LODE_MAX_HORIZON)
        {
          g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                       _("The user project “%s” has an invalid material, stage, region, "
                         "capacity or year"),
                       pr->id != NULL ? pr->id : "?");
          return FALSE;
        }
    }
  return TRUE;
}
