/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-market.c — each material's market clears once a year at the separated-oxide
 * level, where the chain is scarce (metal and magnet making are conversion).
 *
 * Supply: every region outside China can make as much oxide as its separation capacity and
 * the feed it can reach allow (its own mines, base-year partners, a share of uncontracted
 * ore); it runs that capacity more as the price covers more of its cash cost: nothing above
 * the utilisation floor below the lower edge of its cost band, all of it above the upper
 * edge. Output a price floor covers sees the floor instead of the price. China's
 * separators run within its quota capacity along its own cost band.
 * Demand: the trend, scaled by (price / 2024 price)^short-run elasticity and by the long-run
 * factor, which moves each year a step towards (price / 2024 price)^(long - short) as
 * substitution and thrifting take hold. Recycled magnets and stockpile purchases shift it.
 *
 * Free trade gives one price. Under an export restriction the targets' market clears apart:
 * China sends them only the permitted part of what it would have sent (by magnets and by
 * material, per the restriction), every other producer sells to them first (they pay more),
 * the US stockpile is released when the price outside China passes the trigger, and what no
 * price up to the choke price can bring is unmet. China's market, with the non-targets,
 * clears at its own lower price.
 */
#define G_LOG_DOMAIN "lode-model-market"

#include "config.h"

#include <string.h>

#include "lode-model.h"

#define SOLVER_STEPS    100
#define SOLVER_PRECISION 1e-11

typedef struct
{
  const Model    *m;
  const MatModel *mm;
  double cap[MAX_R];         /* oxide each region can make at full use */
  double covered[MAX_R];     /* part of it the price floor covers */
  double floor;              /* the price covered output sees (0: none) */
  double dem_cn;             /* oxide demand at the 2024 price: China, ... */
  double dem_target;         /* ... the restriction's targets, ... */
  double dem_other;          /* ... everyone else */
  double fixed;              /* price-independent: stockpile purchases less recycled oxide */
  double clean;              /* share of non-China supply the targets may take */
  /* The outside market's extras while solving it. */
  double permitted;
  double release;
  double leftover;
} Market;

/* Share of capacity a plant runs at price p: the floor below its cost band, all above it;
 * *slope gets its derivative in p. */
static inline double
curve (double  cost,
       double  band,
       double  u_floor,
       double  p,
       double *slope)
{
  double lo = cost * (1 - band), width = 2 * cost * band;

  if (p <= lo || p >= lo + width)
    {
      *slope = 0;
      return p <= lo ? u_floor : 1;
    }
  *slope = (1 - u_floor) / width;
  return u_floor + (1 - u_floor) * (p - lo) / width;
}

static double
supply_region (const Market *mk,
               guint         r,
               double        p,
               double       *slope)
{
  const Model *m = mk->m;
  double cost = mk->mm->cost[r];
  double u_floor = r == m->cn ? 0 : m->u_floor;
  double free_part = mk->cap[r] - mk->covered[r], d;
  double s = free_part * curve (cost, m->cost_band, u_floor, p, &d);

  *slope = free_part * d;
  if (mk->covered[r] > 0)
    {
      double pc = MAX (p, mk->floor);

      s += mk->covered[r] * curve (cost, m->cost_band, u_floor, pc, &d);
      *slope += p >= mk->floor ? mk->covered[r] * d : 0;
    }
  return s;
}

static double
supply_nc (const Market *mk,
           double        p,
           double       *slope)
{
  double s = 0, d;

  *slope = 0;
  for (guint r = 0; r < mk->m->n; r++)
    if (r != mk->m->cn && mk->cap[r] > 0)
      {
        s += supply_region (mk, r, p, &d);
        *slope += d;
      }
  return s;
}

/* Demand D (p) = base x (p / p0)^eps, and its derivative eps D / p. */
static double
demand_at (const Market *mk,
           double        base,
           double        p,
           double       *slope)
{
  double d = base * pow (p / mk->mm->price0, mk->mm->eps_short);

  *slope = mk->mm->eps_short * d / p;
  return d;
}

/* Excess supply of each market at price p (increasing in p), and its derivative. */
typedef double (*Excess) (const Market *mk, double p, double *slope);

static double
excess_world (const Market *mk,
              double        p,
              double       *slope)
{
  double ds_nc, ds_cn, dd;
  double e = supply_nc (mk, p, &ds_nc) + supply_region (mk, mk->m->cn, p, &ds_cn) -
             demand_at (mk, mk->dem_cn + mk->dem_target + mk->dem_other, p, &dd) - mk->fixed;

  *slope = ds_nc + ds_cn - dd;
  return e;
}

static double
excess_outside (const Market *mk,
                double        p,
                double       *slope)
{
  double ds, dd;
  double e = supply_nc (mk, p, &ds) * mk->clean + mk->permitted + mk->release -
             demand_at (mk, mk->dem_target, p, &dd) - mk->fixed;

  *slope = ds * mk->clean - dd;
  return e;
}

static double
excess_china (const Market *mk,
              double        p,
              double       *slope)
{
  double ds, dd;
  double e = supply_region (mk, mk->m->cn, p, &ds) + mk->leftover - mk->permitted -
             demand_at (mk, mk->dem_cn + mk->dem_other, p, &dd);

  *slope = ds - dd;
  return e;
}

static double
value_of (Excess        f,
          const Market *mk,
          double        p)
{
  double slope;

  return f (mk, p, &slope);
}

/* The price in [lo, hi] at which `f` is zero: Newton's method from `start`, kept inside a
 * shrinking bracket (bisection when a step would leave it); lo when even lo leaves excess
 * supply, hi when even hi leaves excess demand. */
static double
solve (Excess        f,
       const Market *mk,
       double        lo,
       double        hi,
       double        start,
       double        scale)
{
  double p = lode_clamp (start, lo, hi);

  if (value_of (f, mk, lo) >= 0)
    return lo;
  if (value_of (f, mk, hi) <= 0)
    return hi;
  for (int step = 0; step < SOLVER_STEPS; step++)
    {
      double slope, fp = f (mk, p, &slope), next;

      if (fabs (fp) <= SOLVER_PRECISION * scale)
        return p;
      if (fp > 0)
        hi = p;
      else
        lo = p;
      next = slope > 0 ? p - fp / slope : 0.5 * (lo + hi);
      if (!(next > lo && next < hi))
        next = 0.5 * (lo + hi);
      if (hi - lo <= SOLVER_PRECISION * hi)
        return next;
      p = next;
    }
  return p;
}

/* Oxide each non-China region can separate at full use, given the feed it can reach: its
 * own mines, its base-year suppliers' offers, then a share of the ore no one else holds in
 * proportion to what it still lacks; and China's, from its quota mines, the ore no one else
 * takes and its secondary feed. */
static void
feed_potential (Model        *m,
                const Year   *w,
                LodeMaterial  mat,
                Market       *mk)
{
  const MatModel *mm = &m->mat[mat];
  double sup[MAX_R], lack[MAX_R], feed[MAX_R];
  double spare = 0, lacking = 0, k, china_feed;

  for (guint r = 0; r < m->n; r++)
    {
      double ore = r == m->cn ? 0 : w->flex[mat][MINE][r] * mm->share[r];
      double want = r == m->cn ? 0 : w->flex[mat][SEPARATION][r] / mm->recovery;

      feed[r] = MIN (ore, want);
      sup[r] = ore - feed[r];
      lack[r] = want - feed[r];
    }
  for (guint l = 0; l < mm->n_links[MINE]; l++)
    {
      const Link *link = &mm->links[MINE][l];
      double g = MIN (link->share * sup[link->i], lack[link->j]);

      if (link->j == m->cn || g <= 0)
        continue;
      feed[link->j] += g;
      lack[link->j] -= g;
      sup[link->i] -= g;
    }
  for (guint r = 0; r < m->n; r++)
    {
      spare += MAX (0.0, sup[r]);
      lacking += MAX (0.0, lack[r]);
    }
  k = lacking > 0 ? MIN (1.0, spare / lacking) : 0;
  china_feed = w->flex[mat][MINE][m->cn] * mm->share[m->cn] + spare - k * lacking;
  for (guint r = 0; r < m->n; r++)
    if (r != m->cn)
      mk->cap[r] = MIN (w->flex[mat][SEPARATION][r],
                        (feed[r] + k * MAX (0.0, lack[r])) * mm->recovery);
  mk->cap[m->cn] = MIN (w->flex[mat][SEPARATION][m->cn],
                        MAX (0.0, china_feed) * mm->recovery + mm->secondary_in * mm->recovery);
}

/* The trend each region brings to the market, in magnet-stage units. */
static double
trend_of (const Model    *m,
          const LodeYear *y,
          const Year     *w,
          LodeMaterial    mat,
          guint           r)
{
  if (mat == HEAVY)
    return y->chain[NDPR].demand_t[r] * w->heavy_intensity;
  return m->mat[mat].trend[r];
}

static void
stockpile_purchase (Model      *m,
                    Year       *w,
                    LodeYear   *y,
                    LodeMaterial mat)
{
  MatModel *mm = &m->mat[mat];
  double target = m->stockpile_months / 12 * trend_of (m, y, w, mat, m->us) *
                  mm->need_ox_per_magnet;

  w->stock_bought[mat] = 0;
  if (m->stockpile_months <= 0 || w->t < m->stockpile_start || w->withheld[mat] > 0)
    return;
  w->stock_bought[mat] = MAX (0.0, MIN (target - mm->stock_ox, target / m->stockpile_fill));
}

static void
setup_market (Model        *m,
              Year         *w,
              LodeYear     *y,
              LodeMaterial  mat,
              Market       *mk)
{
  MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];

  memset (mk, 0, sizeof *mk);
  mk->m = m;
  mk->mm = mm;
  feed_potential (m, w, mat, mk);
  if (mat == NDPR && w->floor_on)
    {
      mk->floor = m->floor;
      mk->covered[m->us] = MIN (m->floor_coverage, mk->cap[m->us]);
    }
  for (guint r = 0; r < m->n; r++)
    {
      double trend = trend_of (m, y, w, mat, r);
      double d = trend * (r == m->cn ? mm->long_cn : mm->long_out) * mm->need_ox_per_magnet;

      c->demand_trend_t[r] = trend;
      if (r == m->cn)
        mk->dem_cn += d;
      else if (m->target[r] && w->withheld[mat] > 0)
        mk->dem_target += d;
      else
        mk->dem_other += d;
      mk->fixed -= c->recycled_ox[r];
    }
  stockpile_purchase (m, w, y, mat);
  mk->fixed += w->stock_bought[mat];
  mk->clean = 1;
}

double
lode_model_china_reference (const Model  *m,
                            LodeMaterial  material,
                            LodeStage     stage,
                            guint         j)
{
  const MatModel *mm = &m->mat[material];

  return mm->ref_flow[stage][j] *
         lode_safe_div (m->mat[material == HEAVY ? NDPR : material].trend[j], mm->ref_demand[j]);
}

/* China's supply to the targets without the restriction, and what the restriction permits:
 * by stage, with the magnets' share withheld as the restriction covers magnets. */
static void
china_to_targets (const Model  *m,
                  Year         *w,
                  LodeMaterial  mat,
                  double       *out_free,
                  double       *out_permitted)
{
  *out_free = *out_permitted = 0;
  for (guint j = 0; j < m->n; j++)
    {
      if (!m->target[j])
        continue;
      for (int s = MINE; s < N_STAGES; s++)
        {
          double x = lode_model_china_reference (m, mat, (LodeStage) s, j);
          double withheld = s == MAGNET ? w->withheld_magnets[mat] : w->withheld[mat];

          if (s == MAGNET && mat == NDPR)
            withheld = MAX (withheld, w->withheld_magnets[HEAVY] * w->heavy_grade_share);
          *out_free += x;
          *out_permitted += x * (1 - withheld);
          w->china_cap[mat][s][j] = x * (1 - withheld);
        }
    }
}

/* Mean China content of what other producers sent the targets last year. */
static double
content_to_targets (const Model    *m,
                    const LodeChain *prev)
{
  double mass = 0, china = 0;

  if (prev == NULL)
    return 0;
  for (int s = SEPARATION; s < N_STAGES; s++)
    for (guint i = 0; i < m->n; i++)
      for (guint j = 0; j < m->n; j++)
        {
          double f = prev->flow_ox[s][i][j];

          if (i == m->cn || i == j || !m->target[j] || f <= 0)
            continue;
          mass += f;
          china += f * lode_model_buyer_content (m, prev, (LodeStage) s, i, j);
        }
  return mass > 0 ? china / mass : 0;
}

/* The targets' market and China's, apart; returns the outside price, sets *out_china. */
static double
clear_restricted (Model          *m,
                  Year           *w,
                  LodeMaterial    mat,
                  Market         *mk,
                  double          p_free,
                  const LodeChain *prev,
                  double         *out_china)
{
  MatModel *mm = &m->mat[mat];
  double scale = mk->dem_cn + mk->dem_target + mk->dem_other;
  double trigger = m->stockpile_trigger * mm->price_pre_shock;
  double to_targets, p_out, slope;

  china_to_targets (m, w, mat, &to_targets, &mk->permitted);
  if (m->extraterritorial)
    mk->clean = 1 - w->withheld[mat] * content_to_targets (m, prev);
  p_out = solve (excess_outside, mk, p_free, mm->p_max, mm->price_prev, scale);

  /* The stockpile caps the spike at the trigger while it lasts. */
  if (mm->stock_ox > 0 && p_out > trigger && trigger >= p_free)
    {
      mk->release = MIN (mm->stock_ox, MAX (0.0, -value_of (excess_outside, mk, trigger)));
      p_out = solve (excess_outside, mk, p_free, mm->p_max, trigger, scale);
    }
  w->stock_released[mat] = mk->release;
  w->market_unmet[mat] = MAX (0.0, -value_of (excess_outside, mk, p_out));

  /* Non-China output the targets cannot take (or may not, under the extraterritorial rule)
   * goes to China's side of the market. */
  mk->leftover = MAX (0.0, value_of (excess_outside, mk, p_out)) +
                 supply_nc (mk, p_out, &slope) * (1 - mk->clean);
  *out_china = solve (excess_china, mk, mm->p_min, p_free, mm->price_cn_prev, scale);
  return p_out;
}

static void
record_demand (Model        *m,
               Year         *w,
               LodeYear     *y,
               LodeMaterial  mat,
               double        p_out,
               double        p_cn)
{
  MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];

  double f_out = lode_model_demand_factor (mm, p_out, mm->long_out);
  double f_cn_region = lode_model_demand_factor (mm, p_cn, mm->long_cn);
  double f_other = lode_model_demand_factor (mm, p_cn, mm->long_out);

  for (guint r = 0; r < m->n; r++)
    {
      gboolean outside = r != m->cn && m->target[r] && w->withheld[mat] > 0;
      double f = r == m->cn ? f_cn_region : (outside ? f_out : f_other);

      c->demand_t[r] = c->demand_trend_t[r] * f;
      c->world_demand_trend_t += mat == NDPR || mat == SM ? 0 : c->demand_trend_t[r];
      c->world_demand_t += c->demand_t[r];
      c->demand_destroyed_t += MAX (0.0, c->demand_trend_t[r] - c->demand_t[r]);
    }
}

/* The long-run response moves a step towards the level this year's price asks for. */
static void
adjust_long_run (MatModel *mm,
                 double    p_out,
                 double    p_cn)
{
  double gap = mm->eps_long - mm->eps_short;

  mm->long_out += (pow (p_out / mm->price0, gap) - mm->long_out) * mm->adjust_rate;
  mm->long_cn += (pow (p_cn / mm->price0, gap) - mm->long_cn) * mm->adjust_rate;
}

static void
clear_material (Model          *m,
                Year           *w,
                LodeYear       *y,
                const LodeYear *prev,
                LodeMaterial    mat)
{
  MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];
  double scale, p_free, p_out, p_cn;
  Market mk;

  setup_market (m, w, y, mat, &mk);
  scale = mk.dem_cn + mk.dem_target + mk.dem_other;
  p_free = solve (excess_world, &mk, mm->p_min, mm->p_max, mm->price_prev, scale);
  p_out = p_cn = p_free;
  w->stock_released[mat] = 0;
  w->market_unmet[mat] = 0;
  if (mk.dem_target > 0)
    p_out = clear_restricted (m, w, mat, &mk, p_free, prev != NULL ? &prev->chain[mat] : NULL,
                              &p_cn);
  else
    {
      mm->price_pre_shock = p_free;
      w->market_unmet[mat] = MAX (0.0, -value_of (excess_world, &mk, p_free));
    }

  c->price_usd_kg = p_out;
  c->price_china_usd_kg = p_cn;
  c->withheld_share = w->withheld[mat];
  record_demand (m, w, y, mat, p_out, p_cn);
  adjust_long_run (mm, p_out, p_cn);
  mm->price_prev = p_out;
  mm->price_cn_prev = p_cn;

  /* Producers outside China sell at the outside price; China's plan is the residual. */
  for (guint r = 0; r < m->n; r++)
    {
      double slope;

      w->plan[mat][SEPARATION][r] = r == m->cn ? 0 : supply_region (&mk, r, p_out, &slope);
    }
  w->covered[mat] = mk.covered[m->us];
}

void
lode_model_clear_markets (Model          *m,
                          Year           *w,
                          LodeYear       *y,
                          const LodeYear *prev)
{
  if (w->ti == 0)
    {
      for (int mat = 0; mat < N_MATERIALS; mat++)
        {
          MatModel *mm = &m->mat[mat];
          LodeChain *c = &y->chain[mat];

          c->price_usd_kg = c->price_china_usd_kg = mm->price0;
          for (guint r = 0; r < m->n; r++)
            {
              if (mat == HEAVY)
                c->demand_trend_t[r] = y->chain[NDPR].demand_t[r] * w->heavy_intensity;
              c->demand_t[r] = c->demand_trend_t[r];
              c->world_demand_t += c->demand_t[r];
              if (mat == HEAVY)
                c->world_demand_trend_t += c->demand_trend_t[r];
            }
        }
      return;
    }
  /* In order: NdFeB demand after its price sets the Dy + Tb the magnets need. */
  for (int mat = 0; mat < N_MATERIALS; mat++)
    clear_material (m, w, y, prev, (LodeMaterial) mat);
}
