/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-demand.c — what the market is asked for before prices answer: NdFeB and SmCo
 * demand on their trend paths, the Dy + Tb a tonne of NdFeB carries (grades, grain-boundary
 * diffusion, heavy-free designs), magnets coming back from recycling, and the demand factor
 * with which prices scale the trend.
 *
 * NdFeB demand grows at the demand-growth lever to 2030; later periods keep the dataset's
 * central path scaled by (lever / central 2024-30 rate). SmCo demand grows at its own rate.
 * Recycling returns a rate ramping linearly from today's share in 2024 to the lever's share
 * in 2035 (constant after) of the magnets a region used a service life earlier (before 2024:
 * its 2024 use back-cast at the central 2024-30 rate); the fund's US recycling plants
 * collect on top, up to what is retired. Recycled magnets carry the Dy + Tb of the magnets
 * the region used; what is recycled outside China starts a new, China-free chain (the
 * material is recovered and refined outside China's reach, as DFARS counts recycled feed),
 * what China recycles carries content 1.
 */
#define G_LOG_DOMAIN "lode-model-demand"

#include "config.h"

#include "lode-model.h"

#define RECYCLING_TARGET_YEAR 2035

static int
period_of (int t)
{
  return t - 1 < 2030 ? 0 : (t - 1 < 2040 ? 1 : 2);
}

void
lode_model_demand_trend (Model          *m,
                         const Year     *w,
                         LodeYear       *y)
{
  MatModel *nd = &m->mat[NDPR];
  MatModel *sm = &m->mat[SM];
  double g_sm = m->ds->material[SM].demand_growth_pct.value;

  for (guint r = 0; r < m->n; r++)
    {
      if (w->ti == 0)
        {
          nd->trend[r] = nd->demand0[r];
          sm->trend[r] = sm->demand0[r];
        }
      else
        {
          nd->trend[r] *= 1 + m->growth[period_of (w->t)] / 100;
          sm->trend[r] *= 1 + g_sm / 100;
        }
      y->chain[NDPR].demand_trend_t[r] = nd->trend[r];
      y->chain[SM].demand_trend_t[r] = sm->trend[r];
      y->chain[NDPR].world_demand_trend_t += nd->trend[r];
      y->chain[SM].world_demand_trend_t += sm->trend[r];
    }
}

/* The short-run response of demand to `price`, relative to the 2024 price (1 at it). */
double
lode_model_price_response (const MatModel *mm,
                           double          price)
{
  if (price <= 0 || mm->price0 <= 0)
    return 1;
  return pow (price / mm->price0, mm->eps_short);
}

double
lode_model_demand_factor (const MatModel *mm,
                          double          price,
                          double          long_factor)
{
  return long_factor * lode_model_price_response (mm, price);
}

/* Dy + Tb per tonne of NdFeB this year: the 2024 mix of grades less the heavy-free designs,
 * with diffusion spreading over the Dy/Tb-bearing grades that still use bulk alloying, and
 * the makers' own yearly thrifting. */
void
lode_model_heavy_intensity (const Model *m,
                            Year        *w)
{
  double saved = 1 - m->gbd_factor;
  double gbd_ratio = (1 - saved * w->gbd_share) / MAX (1e-9, 1 - saved * m->gbd_share0);

  w->heavy_intensity = m->heavy_intensity0 * (1 - w->heavy_free) * gbd_ratio *
                       pow (1 - m->heavy_thrift, w->ti);
}

/* Magnets region r used in year `year` (back-cast before the base year). */
static double
supplied_in (const Model *m,
             guint        r,
             int          year,
             int          ti_now,
             double       backcast)
{
  int k = year - m->base_year;

  if (k < 0)
    return m->mat[NDPR].demand0[r] * backcast;
  if (k >= ti_now)
    return 0;
  return m->mat[NDPR].supplied_hist[k][r];
}

static double
recycling_rate (const Model *m,
                int          t)
{
  double base = m->recycling_2024;   /* the base year is data; the path leads to the target */

  if (t >= RECYCLING_TARGET_YEAR)
    return m->recycling_target;
  return base + (m->recycling_target - base) *
         (double) (t - m->base_year) / (RECYCLING_TARGET_YEAR - m->base_year);
}

void
lode_model_recycling (Model    *m,
                      Year     *w,
                      LodeYear *y)
{
  const MatModel *nd = &m->mat[NDPR];
  const MatModel *hv = &m->mat[HEAVY];
  LodeChain *cn = &y->chain[NDPR];
  LodeChain *ch = &y->chain[HEAVY];
  double rate = recycling_rate (m, w->t);
  double when = (double) w->t - m->service_life;
  int y0 = (int) floor (when);
  double frac = when - y0;
  double g = 1 + m->backcast_growth / 100;
  double back0 = y0 < m->base_year ? pow (g, (double) (y0 - m->base_year)) : 1;
  double back1 = y0 + 1 < m->base_year ? back0 * g : 1;

  for (guint r = 0; r < m->n; r++)
    {
      double s0 = supplied_in (m, r, y0, w->ti, back0) * (1 - frac);
      double s1 = frac > 0 ? supplied_in (m, r, y0 + 1, w->ti, back1) * frac : 0;
      double retired = s0 + s1;
      double recycled = rate * retired;

      if (r == m->us)
        {
          recycled = MIN (retired, recycled + w->recycling_us);
          y->us_recycling_rate = lode_safe_div (recycled, retired);
        }
      cn->recycled_t[r] = recycled;
      cn->recycled_ox[r] = recycled * nd->ox_per_magnet;
      /* The magnets carry the Dy + Tb they were made with. */
      ch->recycled_t[r] = recycled * m->heavy_intensity0;
      ch->recycled_ox[r] = ch->recycled_t[r] * hv->ox_per_magnet;
      w->recycled_content[r] = r == m->cn ? 1 : 0;
    }
}
