/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-chain.c — a material's chain from the mine to the magnet makers in one year.
 *
 * Plans: in the base year every region makes what the dataset says. After it, plants
 * outside China plan to run their capacity (separators as the market cleared, mines as the
 * price pays, metal and magnet plants at their utilisation, incumbents before new capacity,
 * never more than the world needs from them); China plans what is left of the world's need
 * at each stage, within its quota capacity.
 * Routing: stage by stage, production is what the plan asks for and the feed allows; the
 * output is traded (lode-model-trade.c) and its China content split among its buyers
 * (lode-model-provenance.c). Recycled alloy joins the metal stage outside the primary
 * capacity. For Dy + Tb, the metal goes to the NdFeB magnet makers in proportion to the
 * magnets they plan; lode-model-magnets.c takes over from there.
 */
#define G_LOG_DOMAIN "lode-model-chain"

#include "config.h"

#include "lode-model.h"

/* Scales non-China plans at a stage so they stay within `market`, cutting new capacity
 * before incumbents. */
static void
fit_to_market (const Model *m,
               Year        *w,
               LodeMaterial mat,
               LodeStage    s,
               double       market)
{
  double incumbent = 0, newer = 0;
  double k_inc = 1, k_new = 1;

  for (guint r = 0; r < m->n; r++)
    {
      double plan = w->plan[mat][s][r];
      double part_new = MIN (plan, w->newcap[mat][s][r]);

      if (r == m->cn)
        continue;
      newer += part_new;
      incumbent += plan - part_new;
    }
  market = MAX (0.0, market);
  if (incumbent > market)
    {
      k_inc = market / incumbent;
      k_new = 0;
    }
  else if (newer > market - incumbent)
    k_new = lode_safe_div (market - incumbent, newer);
  if (k_inc >= 1 && k_new >= 1)
    return;
  for (guint r = 0; r < m->n; r++)
    {
      double plan = w->plan[mat][s][r];
      double part_new = MIN (plan, w->newcap[mat][s][r]);

      if (r != m->cn)
        w->plan[mat][s][r] = (plan - part_new) * k_inc + part_new * k_new;
    }
}

static double
nonchina_sum (const Model *m,
              const Year  *w,
              LodeMaterial mat,
              LodeStage    s)
{
  double sum = 0;

  for (guint r = 0; r < m->n; r++)
    if (r != m->cn)
      sum += w->plan[mat][s][r];
  return sum;
}

/* Mines outside China produce as the price pays, within what separators will take: the
 * utilisation floor below the region's cost band, all of it above. */
static double
mine_factor (const Model    *m,
             const LodeYear *y,
             LodeMaterial    mat,
             guint           r)
{
  double cost = m->mat[mat].cost[r], p = y->chain[mat].price_usd_kg;
  double lo = cost * (1 - m->cost_band), hi = cost * (1 + m->cost_band);

  return m->u_floor + (1 - m->u_floor) * lode_clamp ((p - lo) / (hi - lo), 0, 1);
}

/* A mine outside China feeds its own separators what their plan needs: the market set that
 * plan on the region's cash cost from mine to oxide, and on the price floor where it covers
 * them, so the mine is not idled a second time on the same cost (a floored Mountain Pass
 * ran at 45 % while its separators bought Myanmar's ore). The ore it sells, it mines as the
 * price pays. Mine units (t REO). */
static double
mine_plan (const Model    *m,
           const Year     *w,
           const LodeYear *y,
           LodeMaterial    mat,
           guint           r)
{
  const MatModel *mm = &m->mat[mat];
  double ore = w->flex[mat][MINE][r] * mm->share[r];
  double own_full = MIN (ore, w->flex[mat][SEPARATION][r] / mm->recovery);
  double own = MIN (own_full, w->plan[mat][SEPARATION][r] / mm->recovery);

  if (ore <= 0)
    return 0;
  return w->flex[mat][MINE][r] *
         (own + (ore - own_full) * mine_factor (m, y, mat, r)) / ore;
}

static void
plan_base_year (const Model *m,
                Year        *w,
                LodeMaterial mat)
{
  for (int s = 0; s < N_STAGES; s++)
    for (guint r = 0; r < m->n; r++)
      w->plan[mat][s][r] = MAX (0.0, m->ds->regions[r].material[mat].production[s].value);
  if (mat == HEAVY)
    for (guint r = 0; r < m->n; r++)
      w->magnet_heavy_need[r] = w->plan[HEAVY][MAGNET][r];
}

/* Magnet-stage units the world's makers must supply this year (users' demand after prices,
 * plus the US stockpile's purchases and the targets' restocking, less what no price could
 * bring to the targets and what they drew from their own stocks). */
static double
world_magnet_need (const Model    *m,
                   const Year     *w,
                   const LodeYear *y,
                   LodeMaterial    mat)
{
  const MatModel *mm = &m->mat[mat];
  double need = 0;

  for (guint r = 0; r < m->n; r++)
    need += y->chain[mat].demand_t[r];
  need += (w->stock_bought[mat] + w->restock[mat] - w->market_unmet[mat] -
           w->working_released[mat]) / mm->need_ox_per_magnet;
  return MAX (0.0, need);
}

/* The Dy + Tb each NdFeB maker's planned magnets need: the intensity of the year, thrifted as
 * the buyers' Dy + Tb price asks. Makers serve buyers everywhere, so each uses the thrift of
 * the use it serves: the restriction's targets when it is one of them, everyone else
 * otherwise (the market's demand for Dy + Tb over the NdFeB use it goes in). */
static void
heavy_in_magnets (const Model    *m,
                  Year           *w,
                  const LodeYear *y)
{
  const LodeChain *hv = &y->chain[HEAVY];
  const LodeChain *nd = &y->chain[NDPR];
  double heavy[2] = { 0, 0 }, magnets[2] = { 0, 0 };

  for (guint r = 0; r < m->n; r++)
    {
      int outside = r != m->cn && m->target[r] && w->withheld[HEAVY] > 0;

      heavy[outside] += hv->demand_t[r];
      magnets[outside] += nd->demand_t[r] * w->heavy_intensity;
    }
  for (guint r = 0; r < m->n; r++)
    {
      int outside = r != m->cn && m->target[r] && w->withheld[HEAVY] > 0;
      double thrift = magnets[outside] > 0 ? heavy[outside] / magnets[outside] :
                      (magnets[0] > 0 ? heavy[0] / magnets[0] : 1);

      w->plan[HEAVY][MAGNET][r] = w->plan[NDPR][MAGNET][r] * w->heavy_intensity * thrift;
      w->magnet_heavy_need[r] = w->plan[HEAVY][MAGNET][r];
      w->flex[HEAVY][MAGNET][r] = w->flex[NDPR][MAGNET][r] * w->heavy_intensity;
      w->newcap[HEAVY][MAGNET][r] = w->newcap[NDPR][MAGNET][r] * w->heavy_intensity;
    }
}

/* What China makes at metal, separation and mining: the rest of what the world's magnet
 * makers need once the non-China plans are set. */
static void
china_residuals (Model        *m,
                 Year         *w,
                 LodeYear     *y,
                 LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  const guint cn = m->cn;
  double metal_need = 0, oxide_need, ore_need = 0, nc_ore = 0;
  double recycled_metal = 0, recycled_nc = 0;

  for (guint r = 0; r < m->n; r++)
    {
      recycled_metal += y->chain[mat].recycled_ox[r] * mm->conv_metal;
      if (r != cn)
        recycled_nc += y->chain[mat].recycled_ox[r] * mm->conv_metal;
      metal_need += w->plan[mat][MAGNET][r] * mm->nm;
    }

  /* Metal: non-China plants within the non-China magnet makers' need. */
  fit_to_market (m, w, mat, METAL,
                 (metal_need - w->plan[mat][MAGNET][cn] * mm->nm) - recycled_nc);
  w->plan[mat][METAL][cn] = MAX (0.0, metal_need - recycled_metal -
                                      nonchina_sum (m, w, mat, METAL));

  /* Separation: the market set the non-China plans; China separates the rest. */
  oxide_need = (metal_need - recycled_metal) / mm->conv_metal;
  w->plan[mat][SEPARATION][cn] = MAX (0.0, oxide_need - nonchina_sum (m, w, mat, SEPARATION)) +
                                 lode_model_stock_build (m, w, mat);

  /* Mines: non-China mines within the world's ore need; China's quota mines the rest. */
  for (guint r = 0; r < m->n; r++)
    ore_need += w->plan[mat][SEPARATION][r] / mm->recovery;
  ore_need = MAX (0.0, ore_need - w->secondary_in[mat]);
  for (guint r = 0; r < m->n; r++)
    if (r != cn)
      nc_ore += w->plan[mat][MINE][r] * mm->share[r];
  if (nc_ore > ore_need)
    for (guint r = 0; r < m->n; r++)
      if (r != cn)
        w->plan[mat][MINE][r] *= ore_need / nc_ore;
  w->plan[mat][MINE][cn] = MAX (0.0, ore_need - MIN (nc_ore, ore_need)) * mm->inv_share[cn];

  /* China's downstream plants grow with what they are asked to make. */
  for (int s = METAL; s < N_STAGES; s++)
    {
      double plate = MAX (w->plate[mat][s][cn], w->plan[mat][s][cn] / MAX (0.01, m->u_ss[s]));

      w->plate[mat][s][cn] = plate;
      y->chain[mat].capacity[s][cn] = plate;
    }
}

void
lode_model_plan (Model        *m,
                 Year         *w,
                 LodeYear     *y,
                 LodeMaterial  mat)
{
  const guint cn = m->cn;

  if (w->ti == 0)
    {
      plan_base_year (m, w, mat);
      return;
    }
  for (guint r = 0; r < m->n; r++)
    {
      if (r == cn)
        continue;
      w->plan[mat][MAGNET][r] = mat == HEAVY ? 0 : w->flex[mat][MAGNET][r];
      w->plan[mat][METAL][r] = w->flex[mat][METAL][r];
      w->plan[mat][MINE][r] = mine_plan (m, w, y, mat, r);
    }

  /* Magnets: non-China plants within the world's need, China the rest. The Dy + Tb in
   * magnets is what the NdFeB makers plan, at this year's intensity and Dy + Tb price. */
  if (mat == HEAVY)
    heavy_in_magnets (m, w, y);
  else
    {
      double need = world_magnet_need (m, w, y, mat);

      fit_to_market (m, w, mat, MAGNET, need);
      w->plan[mat][MAGNET][cn] = MAX (0.0, need - nonchina_sum (m, w, mat, MAGNET) -
                                           lode_model_stock_draw (m, w, mat));
    }
  china_residuals (m, w, y, mat);
}

/* Plants outside China plan on the feed they expect; new capacity in US-aligned regions
 * takes only China-free feed (lode-model-trade.c) and can fall short of its plan. What
 * they could not make, China makes: their plans drop to what they made, China's rise by
 * as much, and the caller routes the chain again. Returns FALSE when nothing fell short. */
gboolean
lode_model_replan_shortfalls (Model        *m,
                              Year         *w,
                              LodeYear     *y,
                              LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  const LodeChain *c = &y->chain[mat];
  double short_sep[MAX_R] = { 0 }, short_metal[MAX_R] = { 0 }, short_magnets[MAX_R] = { 0 };
  double total = 0, scale = 0;

  if (w->ti == 0)
    return FALSE;
  for (guint r = 0; r < m->n; r++)
    {
      double made_metal = c->production[METAL][r] - c->recycled_ox[r] * mm->conv_metal;

      scale += w->plan[mat][SEPARATION][r];
      if (r == m->cn)
        continue;
      short_sep[r] = MAX (0.0, w->plan[mat][SEPARATION][r] - c->production[SEPARATION][r]);
      short_metal[r] = MAX (0.0, w->plan[mat][METAL][r] - made_metal);
      if (mat != HEAVY)
        {
          double want = w->plan[mat][MAGNET][r] * mm->nm / mm->o2m, got = 0;

          for (guint i = 0; i < m->n; i++)
            got += c->flow_ox[METAL][i][r];
          short_magnets[r] = MAX (0.0, want - got) * mm->o2m / mm->nm;
        }
      total += short_sep[r] + short_metal[r] / mm->conv_metal +
               short_magnets[r] * mm->nm / mm->conv_metal;
    }
  if (total <= 1e-9 * MAX (1.0, scale))
    return FALSE;

  for (guint r = 0; r < m->n; r++)
    {
      if (r == m->cn)
        continue;
      w->plan[mat][SEPARATION][r] -= short_sep[r];
      w->plan[mat][METAL][r] -= short_metal[r];
      w->plan[mat][MAGNET][r] -= short_magnets[r];
      w->plan[mat][MAGNET][m->cn] += short_magnets[r];
    }
  china_residuals (m, w, y, mat);
  return TRUE;
}

/* The part of a stage's want that comes from new capacity, served after incumbents: what
 * the plan asks beyond the incumbents' output (fit_to_market() cuts new capacity first). */
static void
new_wants (const Year   *w,
           LodeMaterial  mat,
           LodeStage     s,
           const double *want,
           const Model  *m,
           double       *out)
{
  for (guint r = 0; r < m->n; r++)
    {
      double plan = w->plan[mat][s][r];
      double incumbent = MAX (0.0, w->flex[mat][s][r] - w->newcap[mat][s][r]);

      out[r] = plan > incumbent ? want[r] * (plan - incumbent) / plan : 0;
    }
}

static void
route_mine (Model        *m,
            Year         *w,
            LodeYear     *y,
            LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];
  double out[MAX_R], want[MAX_R], want_new[MAX_R], content[MAX_R], unmet[MAX_R];
  LodeTradeRequest req = {
    .out = out, .want = want, .want_new = want_new, .content = content, .base_year = w->ti == 0,
  };

  for (guint r = 0; r < m->n; r++)
    {
      double p = w->plan[mat][MINE][r];

      c->production[MINE][r] = p;
      c->output_ox[MINE][r] = p * mm->share[r];
      c->input_ox[MINE][r] = c->output_ox[MINE][r];
      c->china_content[MINE][r] = content[r] = r == m->cn ? 1 : 0;
      out[r] = c->output_ox[MINE][r];
      want[r] = w->plan[mat][SEPARATION][r] / mm->recovery;
      if (r == m->cn)
        want[r] = MAX (0.0, want[r] - w->secondary_in[mat]);
    }
  new_wants (w, mat, SEPARATION, want, m, want_new);
  lode_model_trade (m, w, mat, MINE, &req, c->flow_ox[MINE], c->unsold_ox[MINE], unmet);
  lode_model_split_stage (m, w, c, MINE);
}

static void
separate (Model        *m,
          Year         *w,
          LodeYear     *y,
          LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];

  for (guint r = 0; r < m->n; r++)
    {
      const double *bought = lode_model_bought_content (m, c, MINE, r);
      double in_ox = 0, in_reo = 0, processed, p;
      LodeMix mix;

      lode_mix_init (&mix, 0, 0);
      for (guint i = 0; i < m->n; i++)
        {
          double f = c->flow_ox[MINE][i][r];

          in_ox += f;
          in_reo += f * mm->inv_share[i];
          lode_mix_add (&mix, f, lode_mix_seller_content (c, MINE, bought, i, r));
        }
      if (r == m->cn)
        {
          /* Secondary feed (scrap, swarf, unreported ore, stocks): rich, China. */
          in_ox += w->secondary_in[mat];
          in_reo += w->secondary_in[mat];
          c->secondary_in_ox = w->secondary_in[mat];
        }
      processed = MIN (in_ox, w->plan[mat][SEPARATION][r] / mm->recovery);
      p = processed * mm->recovery;
      c->input_ox[SEPARATION][r] = in_ox;
      c->production[SEPARATION][r] = p;
      c->output_ox[SEPARATION][r] = p;
      c->loss_ox[SEPARATION][r] = processed - p;
      c->stock_change_ox[SEPARATION][r] = in_ox - processed;
      c->byproduct_reo_t[r] = mat == NDPR && in_ox > 0 ?
                              (in_reo - in_ox) * processed / in_ox : 0;
      c->china_content[SEPARATION][r] = lode_mix_content (m, r, &mix);
    }
}

static void
trade_stage (Model        *m,
             Year         *w,
             LodeYear     *y,
             LodeMaterial  mat,
             LodeStage     s,
             const double *want,
             gboolean      any_origin)
{
  LodeChain *c = &y->chain[mat];
  double out[MAX_R], want_new[MAX_R], unmet[MAX_R];
  LodeTradeRequest req = {
    .out = out, .want = want, .want_new = want_new, .content = c->china_content[s],
    .base_year = w->ti == 0, .any_origin = any_origin,
  };

  for (guint r = 0; r < m->n; r++)
    out[r] = c->output_ox[s][r];
  /* Magnets withheld alone leave the material free (lode-model-magnets.c,
   * allow_part_of_free_trade ()). */
  if (w->withheld[mat] > 0)
    {
      req.china_allowance = w->china_allowance[mat];
      req.withheld = w->withheld[mat];
    }
  new_wants (w, mat, (LodeStage) (s + 1), want, m, want_new);
  lode_model_trade (m, w, mat, s, &req, c->flow_ox[s], c->unsold_ox[s], unmet);
  lode_model_split_stage (m, w, c, s);
}

static void
make_metal (Model        *m,
            Year         *w,
            LodeYear     *y,
            LodeMaterial  mat,
            const double *want)
{
  const MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];

  for (guint r = 0; r < m->n; r++)
    {
      const double *bought = lode_model_bought_content (m, c, SEPARATION, r);
      double primary = 0, processed, rec = c->recycled_ox[r], p_primary;
      LodeMix mix;

      lode_mix_init (&mix, rec, w->recycled_content[r]);
      for (guint i = 0; i < m->n; i++)
        {
          double f = c->flow_ox[SEPARATION][i][r];

          primary += f;
          lode_mix_add (&mix, f, lode_mix_seller_content (c, SEPARATION, bought, i, r));
        }
      processed = MIN (primary, want[r]);
      p_primary = processed * mm->conv_metal;
      c->input_ox[METAL][r] = primary + rec;
      c->production[METAL][r] = p_primary + rec * mm->conv_metal;
      c->output_ox[METAL][r] = c->production[METAL][r] / mm->o2m;
      c->loss_ox[METAL][r] = processed + rec - c->output_ox[METAL][r];
      c->stock_change_ox[METAL][r] = primary - processed;
      c->utilisation[METAL][r] = lode_safe_div (p_primary, w->plate[mat][METAL][r]);
      c->china_content[METAL][r] = lode_mix_content (m, r, &mix);
    }
}

void
lode_model_route_upstream (Model        *m,
                           Year         *w,
                           LodeYear     *y,
                           LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  double want[MAX_R];

  route_mine (m, w, y, mat);
  separate (m, w, y, mat);
  for (guint r = 0; r < m->n; r++)
    want[r] = w->plan[mat][METAL][r] / mm->conv_metal;
  trade_stage (m, w, y, mat, SEPARATION, want, FALSE);
  make_metal (m, w, y, mat, want);
  if (mat == HEAVY)
    return;   /* Dy + Tb metal goes to the NdFeB makers: lode_model_heavy_to_makers() */
  for (guint r = 0; r < m->n; r++)
    want[r] = w->plan[mat][MAGNET][r] * mm->nm / mm->o2m;
  trade_stage (m, w, y, mat, METAL, want, FALSE);
}

/* Dy + Tb metal for the NdFeB makers: each wants what its planned magnets need. */
void
lode_model_heavy_to_makers (Model    *m,
                            Year     *w,
                            LodeYear *y)
{
  const MatModel *hv = &m->mat[HEAVY];
  double want[MAX_R];

  for (guint r = 0; r < m->n; r++)
    want[r] = w->magnet_heavy_need[r] * hv->nm / hv->o2m;
  /* A maker adds the Dy + Tb it can get: a magnet with Chinese Dy + Tb is not jointly
   * China-free, and the joint figures count it so. */
  trade_stage (m, w, y, HEAVY, METAL, want, TRUE);
}
