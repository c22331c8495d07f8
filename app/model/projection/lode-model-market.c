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
 * clears at its own lower price. Magnets withheld while their material is not (the Dy/Tb
 * grades of NdFeB under a Dy + Tb restriction) are rationed in the routing, not bid for
 * here: the material keeps one price (lode-model-magnets.c).
 */
#define G_LOG_DOMAIN "lode-model-market"

#include "config.h"

#include <string.h>

#include "lode-model.h"

#define SOLVER_STEPS    100
#define MAX_SURGE       0.3   /* output above the usual a high price can call forth (E) */
#define SOLVER_PRECISION 1e-11

typedef struct
{
  const Model    *m;
  const MatModel *mm;
  double cap[MAX_R];         /* oxide each region can make at its usual use */
  double surge[MAX_R];       /* how much more its nameplate allows, share of cap */
  double covered[MAX_R];     /* part of it the price floor covers */
  double floor;              /* the price covered output sees (0: none) */
  double dem_cn;             /* oxide demand at the 2024 price: China, ... */
  double dem_target;         /* ... the restriction's targets, ... */
  double dem_other;          /* ... everyone else */
  double fixed;              /* price-independent: stockpile purchases less recycled oxide */
  double trend[MAX_R];       /* each region's trend, magnet-stage units */
  double clean;              /* share of non-China supply the targets may take */
  double target_plants;      /* magnet plants in the targets, as separated oxide */
  double other_plants;       /* magnet plants outside China and the targets */
  double permitted_material; /* what China still sends the targets, as material ... */
  double permitted_magnets;  /* ... and as magnets */
  /* The outside market's extras while solving it. */
  double release;
  double leftover;
  /* The last (p / price0)^eps_short computed (price_power ()). */
  double last_x;
  double last_power;
} Market;

/* Share of its usual output a plant makes at price p: the floor below its cost band, all of
 * it at the band's top, and up to `surge` more (its nameplate: overtime, running harder)
 * as the price climbs to twice the band's top; *slope gets its derivative in p. */
static inline double
curve (const CostBand *b,
       double          surge,
       double          p,
       double         *slope)
{
  if (p <= b->lo)
    {
      *slope = 0;
      return b->u_floor;
    }
  if (p >= b->hi)
    {
      if (p >= 2 * b->hi || surge <= 0)
        {
          *slope = 0;
          return 1 + surge;
        }
      *slope = surge / b->hi;
      return 1 + surge * (p - b->hi) / b->hi;
    }
  *slope = b->mid_slope;
  return b->u_floor + (1 - b->u_floor) * (p - b->lo) / b->width;
}

static double
supply_region (Market       *mk,
               guint         r,
               double        p,
               double       *slope)
{
  const CostBand *b = &mk->mm->band[r];
  double free_part = mk->cap[r] - mk->covered[r], d;
  double s = free_part * curve (b, mk->surge[r], p, &d);

  *slope = free_part * d;
  if (mk->covered[r] > 0)
    {
      double pc = MAX (p, mk->floor);

      s += mk->covered[r] * curve (b, mk->surge[r], pc, &d);
      *slope += p >= mk->floor ? mk->covered[r] * d : 0;
    }
  return s;
}

static double
supply_nc (Market       *mk,
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

/* (p / p0)^eps without calling pow () again for the same value: the solver tries the price
 * bounds every year (MatModel.power_min, power_max), and the price it returns is the last
 * it tried, which record_demand () asks for again. */
static double
price_power (Market *mk,
             double  p)
{
  const MatModel *mm = mk->mm;
  double x = p / mm->price0;

  if (x == mm->x_min)
    return mm->power_min;
  if (x == mm->x_max)
    return mm->power_max;
  if (x != mk->last_x)
    {
      mk->last_x = x;
      mk->last_power = pow (x, mm->eps_short);
    }
  return mk->last_power;
}

/* Demand D (p) = base x (p / p0)^eps, and its derivative eps D / p. */
static double
demand_at (Market       *mk,
           double        base,
           double        p,
           double       *slope)
{
  double d = base * price_power (mk, p);

  *slope = mk->mm->eps_short * d / p;
  return d;
}

/* Excess supply of each market at price p (increasing in p), and its derivative. */
typedef double (*Excess) (Market       *mk, double p, double *slope);

static double
excess_world (Market       *mk,
              double        p,
              double       *slope)
{
  double ds_nc, ds_cn, dd;
  double e = supply_nc (mk, p, &ds_nc) + supply_region (mk, mk->m->cn, p, &ds_cn) -
             demand_at (mk, mk->dem_cn + mk->dem_target + mk->dem_other, p, &dd) - mk->fixed;

  *slope = ds_nc + ds_cn - dd;
  return e;
}

/* The targets' supply at price p: their own plants make magnets from non-China material and
 * the material China still sends them, within their capacity; plants outside China that the
 * restriction does not target can always buy Chinese material and sell their magnets on (all
 * of them, or under the extraterritorial rule only the permitted part of their
 * China-touched output); China's permitted magnets and the stockpile come on top. */
static double
excess_outside (Market       *mk,
                double        p,
                double       *slope)
{
  double ds, dd, own = supply_nc (mk, p, &ds) + mk->permitted_material;
  double e;

  if (own > mk->target_plants)
    {
      own = mk->target_plants;
      ds = 0;
    }
  e = own + mk->other_plants * mk->clean + mk->permitted_magnets + mk->release -
      demand_at (mk, mk->dem_target, p, &dd) - mk->fixed;
  *slope = ds - dd;
  return e;
}

/* Oxide-equivalent magnet-making capacity outside China: in the targets, and elsewhere. */
static void
nonchina_plants (const Model  *m,
                 const Year   *w,
                 LodeMaterial  mat,
                 Market       *mk)
{
  const MatModel *mm = &m->mat[mat];

  mk->target_plants = mk->other_plants = 0;
  for (guint r = 0; r < m->n; r++)
    {
      double cap;

      if (r == m->cn)
        continue;
      cap = (mat == HEAVY ? w->flex[NDPR][MAGNET][r] * w->heavy_intensity
                          : w->flex[mat][MAGNET][r]) * mm->need_ox_per_magnet;
      if (m->target[r])
        mk->target_plants += cap;
      else
        mk->other_plants += cap;
    }
}

static double
excess_china (Market       *mk,
              double        p,
              double       *slope)
{
  double ds, dd;
  double e = supply_region (mk, mk->m->cn, p, &ds) + mk->leftover - mk->permitted_material -
             mk->permitted_magnets - mk->other_plants * mk->clean -
             demand_at (mk, mk->dem_cn + mk->dem_other, p, &dd);

  *slope = ds - dd;
  return e;
}

static double
value_of (Excess        f,
          Market       *mk,
          double        p)
{
  double slope;

  return f (mk, p, &slope);
}

/* The price in [lo, hi] at which `f` is zero: Newton's method from `start`, kept inside a
 * shrinking bracket (bisection when a step would leave it); lo when even lo leaves excess
 * supply, hi when even hi leaves excess demand. When `excess` is not NULL it gets `f` at the
 * price returned (mostly already computed: the solver's last step). */
static double
solve (Excess        f,
       Market       *mk,
       double        lo,
       double        hi,
       double        start,
       double        scale,
       double       *excess)
{
  double p = lode_clamp (start, lo, hi);
  double e;
  gboolean known = FALSE;

  if ((e = value_of (f, mk, lo)) >= 0)
    {
      p = lo;
      known = TRUE;
    }
  else if ((e = value_of (f, mk, hi)) <= 0)
    {
      p = hi;
      known = TRUE;
    }
  for (int step = 0; !known && step < SOLVER_STEPS; step++)
    {
      double slope, fp = f (mk, p, &slope), next;

      if (fabs (fp) <= SOLVER_PRECISION * scale)
        {
          e = fp;
          known = TRUE;
          break;
        }
      if (fp > 0)
        hi = p;
      else
        lo = p;
      next = slope > 0 ? p - fp / slope : 0.5 * (lo + hi);
      if (!(next > lo && next < hi))
        next = 0.5 * (lo + hi);
      p = next;
      if (hi - lo <= SOLVER_PRECISION * hi)
        break;
    }
  if (excess != NULL)
    *excess = known ? e : value_of (f, mk, p);
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
                        MAX (0.0, china_feed) * mm->recovery + w->secondary_in[mat] * mm->recovery);
  for (guint r = 0; r < m->n; r++)
    mk->surge[r] = w->flex[mat][SEPARATION][r] > 0 ?
      lode_clamp (w->plate[mat][SEPARATION][r] / w->flex[mat][SEPARATION][r] - 1, 0, MAX_SURGE) :
      0;
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
  /* Not while the targets are cut off, in price or by licence: the purchases ride on US
   * magnet flows. */
  if (m->stockpile_months <= 0 || w->t < m->stockpile_start || w->withheld[mat] > 0 ||
      w->withheld_magnets[mat] > 0)
    return;
  w->stock_bought[mat] = MAX (0.0, MIN (target - mm->stock_ox, target / m->stockpile_fill));
}

/* The tariff raises what US buyers pay for China-touched NdFeB magnets by tariff x their
 * price on the China-touched share of last year's US supply; as a move of the NdPr price it
 * is that rise over the NdPr oxide a magnet needs. US demand answers it like a price rise. */
static double
us_tariff_factor (const Model    *m,
                  const Year     *w,
                  const LodeYear *prev,
                  LodeMaterial    mat)
{
  const MatModel *mm = &m->mat[mat];
  double touched, bump, p;

  if (!w->tariff_on || mat != NDPR || prev == NULL)
    return 1;
  p = prev->chain[mat].price_usd_kg;
  touched = 1 - prev->chain[mat].china_free_share_us_supply;
  bump = m->tariff * lode_clamp (touched, 0, 1) * prev->magnet_price_usd_kg /
         mm->need_ox_per_magnet;
  return p > 0 ? pow ((p + bump) / p, mm->eps_short) : 1;
}

static void
setup_market (Model          *m,
              Year           *w,
              LodeYear       *y,
              const LodeYear *prev,
              LodeMaterial    mat,
              Market         *mk)
{
  MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];

  memset (mk, 0, sizeof *mk);
  mk->last_x = NAN;   /* no power computed yet */
  mk->m = m;
  mk->mm = mm;
  feed_potential (m, w, mat, mk);
  w->us_tariff_factor[mat] = us_tariff_factor (m, w, prev, mat);
  if (mat == NDPR && w->floor_on)
    {
      mk->floor = m->floor;
      mk->covered[m->us] = MIN (m->floor_coverage, mk->cap[m->us]);
    }
  for (guint r = 0; r < m->n; r++)
    {
      double trend = trend_of (m, y, w, mat, r);
      double d = trend * (r == m->cn ? mm->long_cn : mm->long_out) * mm->need_ox_per_magnet *
                 (r == m->us ? w->us_tariff_factor[mat] : 1);

      c->demand_trend_t[r] = trend;
      mk->trend[r] = trend;
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
  /* Makers' stocks still cover part of the 2024 gap (lode_model_stock_draw()). */
  mk->fixed -= (mat == HEAVY ? lode_model_stock_draw (m, w, NDPR) * w->heavy_intensity
                             : lode_model_stock_draw (m, w, mat)) * mm->need_ox_per_magnet;
  /* ... while separators still put some oxide to stock (lode_model_stock_build()). */
  mk->fixed += lode_model_stock_build (m, w, mat);
  /* After a shortage, the inventories it emptied are rebuilt: half of what is left each
   * year (E), on top of demand. */
  w->restock[mat] = 0.5 * mm->restock_ox;
  mk->fixed += w->restock[mat];
  mk->clean = 1;
}

/* What China would send each target at the free-trade price (its share of world supply of
 * their need), kept as each target's allowance for the routing; returns the part the
 * restriction permits, with magnets and material (oxide and metal for the targets' plants)
 * withheld at their own shares, split as China's exports went in the last unrestricted year. */
static void
china_allowances (const Model  *m,
                  Year         *w,
                  LodeMaterial  mat,
                  Market       *mk,
                  double        p_free)
{
  const MatModel *mm = &m->mat[mat];
  double slope, s_cn = supply_region (mk, m->cn, p_free, &slope);
  double share = lode_safe_div (s_cn, s_cn + supply_nc (mk, p_free, &slope));
  double scale = lode_model_demand_factor (mm, p_free, mm->long_out) * mm->need_ox_per_magnet;
  double w_mag = w->withheld_magnets[mat];

  for (guint j = 0; j < m->n; j++)
    {
      double f_mag = mm->ref_magnet_share[j];

      w->china_allowance[mat][j] = -1;
      if (j == m->cn || !m->target[j])
        continue;
      w->china_allowance[mat][j] = share * mk->trend[j] * scale;
      mk->permitted_magnets += w->china_allowance[mat][j] * f_mag * (1 - w_mag);
      mk->permitted_material += w->china_allowance[mat][j] * (1 - f_mag) *
                                (1 - w->withheld[mat]);
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
  double p_out, e_out, slope;

  china_allowances (m, w, mat, mk, p_free);
  nonchina_plants (m, w, mat, mk);
  if (m->extraterritorial)
    mk->clean = 1 - MAX (w->withheld[mat], w->withheld_magnets[mat]) *
                    content_to_targets (m, prev);
  p_out = solve (excess_outside, mk, p_free, mm->p_max, mm->price_prev, scale, &e_out);

  /* The targets' buyers draw on their own stocks before paying more than the trigger (what
   * a shortage empties is rebuilt after it, see restock_ox); then the US stockpile caps the
   * spike at the trigger while it lasts. */
  w->working_released[mat] = 0;
  if (p_out > trigger && trigger >= p_free)
    {
      double held = MAX (0.0, mm->working_months / 12 * mk->dem_target - mm->restock_ox);

      w->working_released[mat] = MIN (held, MAX (0.0, -value_of (excess_outside, mk, trigger)));
      mk->release = w->working_released[mat];
      if (mk->release > 0)
        p_out = solve (excess_outside, mk, p_free, mm->p_max, trigger, scale, &e_out);
      else
        e_out = value_of (excess_outside, mk, p_out);
      mm->restock_ox += w->working_released[mat];
    }
  if (mm->stock_ox > 0 && p_out > trigger && trigger >= p_free)
    {
      double stock = MIN (mm->stock_ox,
                          MAX (0.0, -value_of (excess_outside, mk, trigger)));

      mk->release += stock;
      w->stock_released[mat] = stock;
      p_out = solve (excess_outside, mk, p_free, mm->p_max, trigger, scale, &e_out);
    }
  w->market_unmet[mat] = MAX (0.0, -e_out);
  mm->restock_ox += w->market_unmet[mat];

  /* Non-China output the targets cannot take (or may not, under the extraterritorial rule)
   * goes to China's side of the market. */
  mk->leftover = MAX (0.0, supply_nc (mk, p_out, &slope) + mk->permitted_material -
                           mk->target_plants);
  *out_china = solve (excess_china, mk, mm->p_min, p_free, mm->price_cn_prev, scale, NULL);
  return p_out;
}

/* lode_model_price_response () through price_power (). */
static double
price_response (Market *mk,
                double  price)
{
  if (price <= 0 || mk->mm->price0 <= 0)
    return 1;
  return price_power (mk, price);
}

static void
record_demand (Model        *m,
               Year         *w,
               LodeYear     *y,
               LodeMaterial  mat,
               Market       *mk,
               double        p_out,
               double        p_cn)
{
  MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];

  /* One power per distinct price (a free market has one). */
  double k_out = price_response (mk, p_out);
  double k_cn = p_cn == p_out ? k_out : price_response (mk, p_cn);
  double f_out = mm->long_out * k_out;
  double f_cn_region = mm->long_cn * k_cn;
  double f_other = mm->long_out * k_cn;

  for (guint r = 0; r < m->n; r++)
    {
      gboolean outside = r != m->cn && m->target[r] && w->withheld[mat] > 0;
      double f = r == m->cn ? f_cn_region : (outside ? f_out : f_other);

      c->demand_t[r] = c->demand_trend_t[r] * f * (r == m->us ? w->us_tariff_factor[mat] : 1);
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

  double level_out = pow (p_out / mm->price0, gap);
  double level_cn = p_cn == p_out ? level_out : pow (p_cn / mm->price0, gap);

  mm->long_out += (level_out - mm->long_out) * mm->adjust_rate;
  mm->long_cn += (level_cn - mm->long_cn) * mm->adjust_rate;
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
  double scale, p_free, e_free, p_out, p_cn;
  Market mk;

  setup_market (m, w, y, prev, mat, &mk);
  scale = mk.dem_cn + mk.dem_target + mk.dem_other;
  p_free = solve (excess_world, &mk, mm->p_min, mm->p_max, mm->price_prev, scale, &e_free);
  p_out = p_cn = p_free;
  w->stock_released[mat] = 0;
  w->working_released[mat] = 0;
  w->market_unmet[mat] = 0;
  if (mk.dem_target > 0)
    p_out = clear_restricted (m, w, mat, &mk, p_free, prev != NULL ? &prev->chain[mat] : NULL,
                              &p_cn);
  else
    {
      mm->price_pre_shock = p_free;
      w->market_unmet[mat] = MAX (0.0, -e_free);
    }

  mm->restock_ox = MAX (0.0, mm->restock_ox - w->restock[mat]);
  c->price_usd_kg = p_out;
  c->price_china_usd_kg = p_cn;
  c->withheld_share = w->withheld[mat];
  record_demand (m, w, y, mat, &mk, p_out, p_cn);
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
