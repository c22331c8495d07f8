/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-capacity.c — capacity in a year and the capacity money and prices start.
 *
 * A year's capacity: the base (existing plants move from their 2024 utilisation to steady
 * use over three years), announced and user projects (projects that need the price floor in
 * proportion to the support it gives), capacity the fund started and capacity high prices
 * induced, each online after its lead time and ramping up; China's mines and separators are
 * its quota capacity, which grows by the quota-growth lever.
 *
 * The fund's tranche: a year's money, split by the allocation and by material, buys capacity
 * at capex x overrun x the environmental multiplier x learning. Each stage can absorb only so
 * much a year: the average capex rises with the load (marginal capex rises linearly), and
 * money beyond twice the construction capacity is not absorbed; mines are bounded by the
 * region's reserves. What cannot be absorbed is reported, never turned into capacity.
 */
#define G_LOG_DOMAIN "lode-model-capacity"

#include "config.h"

#include "lode-model.h"

#define UTILISATION_CONVERGENCE 3.0   /* years for existing plants to reach steady use (E) */
#define MAX_LOAD                2.0   /* most money a stage absorbs, in construction capacities */
#define INDUCED_MAX_EXCESS      1.0   /* price / incentive - 1 beyond which investment is
                                       * no faster: builders and permits limit it (E) */

static int
period_of (int t)
{
  return t - 1 < 2030 ? 0 : (t - 1 < 2040 ? 1 : 2);
}

static const Lead *
lead_for (const Model *m,
          guint        region,
          int          kind)
{
  return region == m->us ? &m->lead_us[kind] : &m->lead_ally[kind];
}

static void
base_capacity (Model        *m,
               Year         *w,
               LodeMaterial  mat)
{
  MatModel *mm = &m->mat[mat];
  double conv = MIN (1.0, w->ti / UTILISATION_CONVERGENCE);

  for (int s = 0; s < N_STAGES; s++)
    {
      if (w->ti > 0 && s <= SEPARATION)
        mm->china_cap[s] *= 1 + m->quota_growth[period_of (w->t)] / 100;
      for (guint r = 0; r < m->n; r++)
        {
          double base = mm->base_cap[s][r];

          if (w->ti == 0)
            {
              w->plate[mat][s][r] = base;
              w->flex[mat][s][r] = base * mm->u_obs[s][r];
            }
          else if (r == m->cn && s <= SEPARATION)
            {
              /* The quota binds: output up to it, plants built out as it passes them. */
              w->plate[mat][s][r] = MAX (base, mm->china_cap[s] / m->u_ss[s]);
              w->flex[mat][s][r] = mm->china_cap[s];
            }
          else if (r == m->cn)
            {
              w->plate[mat][s][r] = base;
              w->flex[mat][s][r] = base * MAX (m->u_ss[s], mm->u_obs[s][r]);
            }
          else
            {
              w->plate[mat][s][r] = base;
              w->flex[mat][s][r] = base * (mm->u_obs[s][r] * (1 - conv) +
                                           mm->u_tgt[s][r] * conv);
            }
          w->newcap[mat][s][r] = 0;
        }
    }
}

/* How far the price floor carries a project that needs it: the floor's level and coverage
 * (m->floor_support) when the floor is in force as the project starts, fading out over a
 * year on either side of the floor's term. */
static double
floor_carries (const Model *m,
               const Unit  *un)
{
  double start = un->start + un->phi;
  double before = (double) m->floor_start - start;       /* > 0: the floor comes later */
  double after = start - ((double) m->floor_end - 1);    /* > 0: it has ended */
  double in_force = lode_clamp (1 - MAX (before, after), 0, 1);

  if (m->floor_end <= m->floor_start)
    return 0;
  return m->floor_support * in_force;
}

static void
project_capacity (const Model *m,
                  Year        *w)
{
  for (guint u = 0; u < m->n_units; u++)
    {
      const Unit *un = &m->units[u];
      double scale = un->needs_floor ? floor_carries (m, un) : 1;
      double p, o;

      if (scale <= 0)
        continue;
      lode_unit_online (m, un->stage, un->start, un->phi, w->t, m->u_ss[un->stage], &p, &o);
      w->plate[un->material][un->stage][un->region] += un->capacity * p * scale;
      w->flex[un->material][un->stage][un->region] += un->capacity * o * scale;
    }
}

/* Capacity started in past years (by the fund or by prices) that is online now. */
static void
started_capacity (const Model *m,
                  Year        *w,
                  LodeMaterial mat)
{
  const MatModel *mm = &m->mat[mat];

  for (int fi = 0; fi < w->ti; fi++)
    for (int s = 0; s < N_STAGES && mm->started_in[fi]; s++)
      for (guint r = 0; r < m->n; r++)
        {
          double started = mm->funded[fi][s][r] + mm->induced[fi][s][r];
          const Lead *lead;
          double p, o;

          if (started <= 0)
            continue;
          lead = lead_for (m, r, s);
          lode_unit_online (m, (LodeStage) s, m->base_year + fi + lead->whole, lead->phi, w->t,
                            m->u_ss[s], &p, &o);
          w->plate[mat][s][r] += started * p;
          w->flex[mat][s][r] += started * o;
          w->newcap[mat][s][r] += started * o;
        }
}

static void
recycling_capacity (const Model *m,
                    Year        *w)
{
  w->recycling_us = 0;
  for (int fi = 0; fi <= m->funded_last && fi < w->ti; fi++)
    {
      const Lead *lead = &m->lead_us[KIND_RECYCLING];
      double p, o;

      if (m->funded_recycling[fi] <= 0)
        continue;
      lode_unit_online (m, METAL, m->base_year + fi + lead->whole, lead->phi, w->t,
                        m->u_ss[METAL], &p, &o);
      w->recycling_us += m->funded_recycling[fi] * o;
    }
}

void
lode_model_capacity (Model    *m,
                     Year     *w,
                     LodeYear *y)
{
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      base_capacity (m, w, (LodeMaterial) mat);
      if (w->ti > 0)
        started_capacity (m, w, (LodeMaterial) mat);
    }
  if (w->ti > 0)
    project_capacity (m, w);
  recycling_capacity (m, w);
  for (int mat = 0; mat < N_MATERIALS; mat++)
    for (int s = 0; s < N_STAGES; s++)
      for (guint r = 0; r < m->n; r++)
        y->chain[mat].capacity[s][r] = w->plate[mat][s][r];
}

/* The fund */

/* Learning: capex falls by the stage's learning rate with each doubling of non-China
 * capacity since 2024. */
static double
learning_factor (const Model    *m,
                 const LodeYear *y,
                 LodeMaterial    mat,
                 LodeStage       s)
{
  const MatModel *mm = &m->mat[mat];
  double now = 0, lr = m->ds->stage[s].learning_rate.value;

  for (guint r = 0; r < m->n; r++)
    if (r != m->cn)
      now += y->chain[mat].capacity[s][r];
  if (mm->nonchina_cap0[s] <= 0 || now <= mm->nonchina_cap0[s])
    return 1;
  return pow (now / mm->nonchina_cap0[s], log2 (lode_clamp (1 - lr, 0.01, 1)));
}

static double
unit_capex (const Model    *m,
            const LodeYear *y,
            LodeMaterial    mat,
            LodeStage       s,
            guint           r)
{
  const MatModel *mm = &m->mat[mat];
  gboolean west = m->ds->regions[r].western_costs;
  double capex = west ? mm->capex_west[s] : mm->capex_asia[s];

  capex *= MAX (1.0, m->ds->stage[s].overrun.value) * learning_factor (m, y, mat, s);
  if (r == m->us)
    capex *= m->capex_mult_us;
  return capex;
}

/* Mine capacity a region may still add: reserves / mine life less what it has and has
 * started. */
static double
mine_room (const Model    *m,
           const LodeYear *y,
           LodeMaterial    mat,
           guint           r,
           int             ti)
{
  const MatModel *mm = &m->mat[mat];
  double held = mm->base_cap[MINE][r] + mm->project_cap[MINE][r];

  for (int fi = 0; fi <= ti; fi++)
    held += mm->funded[fi][MINE][r] + mm->induced[fi][MINE][r];
  return MAX (0.0, mm->mine_limit[r] - held);
}

/* Money for one stage in one region, by material: the load on the region's construction
 * capacity sets the share absorbed and the capex premium; returns the money absorbed. */
static double
invest_stage (Model          *m,
              const LodeYear *y,
              int             ti,
              LodeStage       s,
              guint           r,
              double          absorb,
              const double    money[N_MATERIALS])
{
  double total = 0, spent, premium, done = 0;

  for (int mat = 0; mat < N_MATERIALS; mat++)
    total += money[mat];
  if (total <= 0 || absorb <= 0)
    return 0;
  spent = MIN (total, MAX_LOAD * absorb);
  premium = 1 + m->marginal_capex * spent / (2 * absorb);

  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      MatModel *mm = &m->mat[mat];
      double mat_money = money[mat] * spent / total;
      double capex = unit_capex (m, y, (LodeMaterial) mat, s, r) * premium;
      double cap = capex > 0 ? mat_money / capex : 0;

      if (s == MINE)
        {
          double room = mine_room (m, y, (LodeMaterial) mat, r, ti);

          if (cap > room)
            {
              mat_money *= lode_safe_div (room, cap);
              cap = room;
            }
        }
      mm->funded[ti][s][r] += cap;
      mm->started_in[ti] = TRUE;
      done += mat_money;
      /* An REO mine also carries Dy + Tb and Sm in its ore (co-products). */
      if (s == MINE && mat == NDPR)
        for (int co = HEAVY; co < N_MATERIALS; co++)
          {
            m->mat[co].funded[ti][MINE][r] +=
              cap * MAX (0.0, m->ds->regions[r].material[co].ore_share.value);
            m->mat[co].started_in[ti] = TRUE;
          }
    }
  return done;
}

/* The share of each material in a kind's money: Dy + Tb and Sm take their shares of the
 * upstream stages; magnet money builds NdFeB plants (and SmCo plants with the Sm share);
 * recycling is NdFeB. */
static void
material_money (const Model *m,
                int          kind,
                double       money,
                double       out[N_MATERIALS])
{
  out[NDPR] = money;
  out[HEAVY] = out[SM] = 0;
  if (kind == KIND_RECYCLING)
    return;
  if (kind != MAGNET)
    out[HEAVY] = money * m->material_share[HEAVY];
  out[SM] = money * m->material_share[SM];
  out[NDPR] = money - out[HEAVY] - out[SM];
}

static double
invest_allies (Model          *m,
               const LodeYear *y,
               int             ti,
               LodeStage       s,
               double          money)
{
  double weights = 0, done = 0;

  for (guint r = 0; r < m->n; r++)
    if (m->ally[r])
      weights += m->mat[NDPR].base_cap[s][r];
  for (guint r = 0; r < m->n; r++)
    {
      double share[N_MATERIALS];

      if (!m->ally[r])
        continue;
      material_money (m, s, money * (weights > 0 ? m->mat[NDPR].base_cap[s][r] / weights
                                                 : 1.0 / m->n_allies), share);
      done += invest_stage (m, y, ti, s, r, m->absorption_usd[s] * m->ally_absorption, share);
    }
  return done;
}

void
lode_model_fund_tranche (Model      *m,
                         const Year *w,
                         LodeYear   *y)
{
  double total, absorbed = 0;

  if (w->t < m->fund_start || w->t >= m->fund_end || m->fund_annual_busd <= 0)
    return;
  total = m->fund_annual_busd * (1 + m->leverage) * 1e9;   /* USD this year */
  m->funded_last = w->ti;
  for (int k = 0; k < N_KINDS; k++)
    {
      double money = total * m->alloc[k], done;

      if (money <= 0)
        continue;
      if (k == KIND_RECYCLING)
        {
          double capex = MAX (1.0, m->ds->recycling_capex_per_t.value) * m->capex_mult_us;
          double spent = MIN (money, MAX_LOAD * m->absorption_usd[k]);
          double premium = 1 + m->marginal_capex * spent / (2 * m->absorption_usd[k]);

          m->funded_recycling[w->ti] = spent / (capex * premium);
          done = spent;
        }
      else
        {
          double ally_money = money * m->coinvest, share[N_MATERIALS];

          material_money (m, k, money - ally_money, share);
          done = invest_stage (m, y, w->ti, (LodeStage) k, m->us, m->absorption_usd[k], share);
          if (ally_money > 0)
            done += invest_allies (m, y, w->ti, (LodeStage) k, ally_money);
        }
      y->fund_unabsorbed_kind_busd[k] = (money - done) / (1 + m->leverage) / 1e9;
      lode_model_record_cohort (m, w->ti, k, done);
      absorbed += done;
    }
  y->public_spend_busd = absorbed / (1 + m->leverage) / 1e9;
  y->private_spend_busd = y->public_spend_busd * m->leverage;
  y->fund_unabsorbed_busd = m->fund_annual_busd - y->public_spend_busd;
}

/* Allied governments' own funds build capacity in their own regions alongside the US fund,
 * over its deployment years (whatever its size) and with its stage split (recycling's share
 * goes to the stages); they pay for it, so the US fund's accounts do not carry it. */
void
lode_model_partner_funds (Model      *m,
                          const Year *w,
                          LodeYear   *y)
{
  double stages = 1 - m->alloc[KIND_RECYCLING];

  if (w->t < m->fund_start || w->t >= m->fund_end || stages <= 0)
    return;
  for (guint r = 0; r < m->n; r++)
    {
      double done = 0;

      if (m->partner_fund_usd[r] <= 0)
        continue;
      for (int s = 0; s < N_STAGES; s++)
        {
          double share[N_MATERIALS];

          material_money (m, s, m->partner_fund_usd[r] * m->alloc[s] / stages, share);
          done += invest_stage (m, y, w->ti, (LodeStage) s, r,
                                m->absorption_usd[s] * m->ally_absorption, share);
        }
      y->partner_spend_busd[r] = done / 1e9;
    }
}

/* Prices above the incentive price draw private capacity outside China, in proportion to
 * each region's capacity at the stage (mines: to its reserves), online after its lead. */
void
lode_model_induce (Model      *m,
                   const Year *w,
                   LodeYear   *y)
{
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      MatModel *mm = &m->mat[mat];
      const LodeChain *c = &y->chain[mat];
      double excess = c->price_usd_kg / mm->incentive - 1;
      double started, sep_weight = 0, mine_weight = 0;

      if (w->ti == 0 || excess <= 0 || m->induced_rate <= 0)
        continue;
      started = m->induced_rate * MIN (excess, INDUCED_MAX_EXCESS) *
                c->world_production[SEPARATION];
      mm->started_in[w->ti] = TRUE;
      for (guint r = 0; r < m->n; r++)
        if (r != m->cn)
          {
            sep_weight += c->capacity[SEPARATION][r];
            mine_weight += mm->mine_limit[r] * mm->share[r];
          }
      for (guint r = 0; r < m->n; r++)
        {
          if (r == m->cn)
            continue;
          if (sep_weight > 0)
            mm->induced[w->ti][SEPARATION][r] += started * c->capacity[SEPARATION][r] / sep_weight;
          if (mine_weight > 0 && mm->share[r] > 0)
            {
              double ore = started / mm->recovery * mm->mine_limit[r] * mm->share[r] /
                           mine_weight * mm->inv_share[r];

              mm->induced[w->ti][MINE][r] += MIN (ore, mine_room (m, y, (LodeMaterial) mat, r,
                                                                   w->ti));
            }
        }
    }
}
