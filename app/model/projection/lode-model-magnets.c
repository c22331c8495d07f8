/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-magnets.c — making the magnets and selling them to their users, with the joint
 * provenance that decides whether a magnet is China-free.
 *
 * NdFeB: a maker makes the magnets its NdPr metal allows, but its Dy/Tb grades only as far
 * as its Dy + Tb metal reaches (a share of the output, the heavy-grade share, carries the
 * year's Dy + Tb intensity). SmCo: the Sm metal allows. Magnets are then traded to their
 * users (lode-model-trade.c; the US stockpile buys and releases here). The Dy + Tb a maker's
 * magnets carry travels with them.
 *
 * A maker's magnets are jointly China-free as far as its certified China-free material can
 * pair up: with China-free shares f_ndpr of its NdPr and f_heavy of its Dy + Tb and a
 * heavy-grade share q, at most min(f_ndpr, 1 - q (1 - f_heavy)) of them; that joint share is
 * split among its buyers like any China-free output (lode-model-provenance.c). Defence needs
 * are met from the China-free magnets reaching the US: first, with "defence first", or in
 * proportion otherwise.
 */
#define G_LOG_DOMAIN "lode-model-magnets"

#include "config.h"

#include <string.h>

#include "lode-model.h"

/* NdFeB made per region; returns through `grades` the Dy/Tb grades each made. */
static void
make_ndfeb (Model    *m,
            Year     *w,
            LodeYear *y,
            double    grades[MAX_R])
{
  const MatModel *nd = &m->mat[NDPR];
  const MatModel *hv = &m->mat[HEAVY];
  LodeChain *c = &y->chain[NDPR];
  LodeChain *h = &y->chain[HEAVY];
  double q = w->heavy_grade_share;

  for (guint r = 0; r < m->n; r++)
    {
      const double *bought = lode_model_bought_content (m, c, METAL, r);
      const double *bought_heavy = lode_model_bought_content (m, h, METAL, r);
      double in_ox = 0, heavy_ox = 0, want = w->plan[NDPR][MAGNET][r] * nd->nm / nd->o2m;
      double by_ndpr, k_grade, made, used;
      LodeMix mix, mix_heavy;

      lode_mix_init (&mix, 0, 0);
      lode_mix_init (&mix_heavy, 0, 0);
      for (guint i = 0; i < m->n; i++)
        {
          double f = c->flow_ox[METAL][i][r], f_heavy = h->flow_ox[METAL][i][r];

          in_ox += f;
          heavy_ox += f_heavy;
          lode_mix_add (&mix, f, lode_mix_seller_content (c, METAL, bought, i, r));
          lode_mix_add (&mix_heavy, f_heavy,
                        lode_mix_seller_content (h, METAL, bought_heavy, i, r));
        }
      by_ndpr = MIN (in_ox, want) * nd->magnet_per_ox;
      /* Dy + Tb per t of a Dy/Tb grade for this maker. */
      k_grade = q > 0 && w->plan[NDPR][MAGNET][r] > 0 ?
                w->magnet_heavy_need[r] / w->plan[NDPR][MAGNET][r] / q : 0;
      grades[r] = q * by_ndpr;
      if (k_grade > 0 && r != m->cn)
        grades[r] = MIN (grades[r], heavy_ox * hv->magnet_per_ox / k_grade);
      made = (1 - q) * by_ndpr + grades[r];
      used = made / nd->magnet_per_ox;

      c->input_ox[MAGNET][r] = in_ox;
      c->production[MAGNET][r] = made;
      c->output_ox[MAGNET][r] = made * nd->ox_per_magnet;
      c->loss_ox[MAGNET][r] = used - c->output_ox[MAGNET][r];
      c->stock_change_ox[MAGNET][r] = in_ox - used;
      c->china_content[MAGNET][r] = lode_mix_content (m, r, &mix);

      /* The Dy + Tb those grades carry. */
      {
        double in_magnets = grades[r] * k_grade;
        double processed = in_magnets / hv->magnet_per_ox;

        if (k_grade <= 0)   /* a maker with no plan (the base year's data): its own intensity */
          in_magnets = MIN (heavy_ox * hv->magnet_per_ox, w->magnet_heavy_need[r]),
          processed = in_magnets / hv->magnet_per_ox;
        h->input_ox[MAGNET][r] = heavy_ox;
        h->production[MAGNET][r] = in_magnets;
        h->output_ox[MAGNET][r] = in_magnets * hv->ox_per_magnet;
        h->loss_ox[MAGNET][r] = processed - h->output_ox[MAGNET][r];
        h->stock_change_ox[MAGNET][r] = heavy_ox - processed;
        h->china_content[MAGNET][r] = lode_mix_content (m, r, &mix_heavy);
      }
    }
}

static void
make_smco (Model    *m,
           Year     *w,
           LodeYear *y)
{
  const MatModel *sm = &m->mat[SM];
  LodeChain *c = &y->chain[SM];

  for (guint r = 0; r < m->n; r++)
    {
      const double *bought = lode_model_bought_content (m, c, METAL, r);
      double in_ox = 0, want = w->plan[SM][MAGNET][r] * sm->nm / sm->o2m, used, made;
      LodeMix mix;

      lode_mix_init (&mix, 0, 0);
      for (guint i = 0; i < m->n; i++)
        {
          double f = c->flow_ox[METAL][i][r];

          in_ox += f;
          lode_mix_add (&mix, f, lode_mix_seller_content (c, METAL, bought, i, r));
        }
      used = MIN (in_ox, want);
      made = used * sm->magnet_per_ox;
      c->input_ox[MAGNET][r] = in_ox;
      c->production[MAGNET][r] = made;
      c->output_ox[MAGNET][r] = made * sm->ox_per_magnet;
      c->loss_ox[MAGNET][r] = used - c->output_ox[MAGNET][r];
      c->stock_change_ox[MAGNET][r] = in_ox - used;
      c->china_content[MAGNET][r] = lode_mix_content (m, r, &mix);
    }
}

/* In the base year the world used more magnets than it made (250 kt against 233 kt): the
 * rest came from the stocks of China's makers. The stocks keep covering a part of the gap,
 * halving each year (lode_model_stock_draw()). */
static void
stock_draw_into (const Model  *m,
                 LodeYear     *y,
                 LodeMaterial  mat,
                 double        draw)
{
  LodeChain *c = &y->chain[mat];
  double ox = draw * m->mat[mat].ox_per_magnet;

  c->output_ox[MAGNET][m->cn] += ox;
  c->stock_change_ox[MAGNET][m->cn] -= ox;
}

#define INVENTORY_HALF_LIFE 1.0   /* years (E) */

/* Magnets China's makers draw from stock this year: the base year's draw, then halving. */
double
lode_model_stock_draw (const Model  *m,
                       const Year   *w,
                       LodeMaterial  material)
{
  if (w->ti == 0)
    return m->mat[material].stock_draw0;
  return m->mat[material].stock_draw0 * w->inventory_left;
}

/* The base year's market was in surplus: separators and metal makers put oxide and metal
 * to stock that nobody bought (the unsold output of 2024) while magnet makers drew on
 * theirs. Both belong to one inventory cycle, so the stock building fades at the same pace
 * as the draw; China's separators carry it (it is unsold output there). */
double
lode_model_stock_build (const Model  *m,
                        const Year   *w,
                        LodeMaterial  material)
{
  if (w->ti == 0)
    return 0;   /* the base year's unsold output is data */
  return m->mat[material].stock_build0 * w->inventory_left;
}

/* The share of the base year's inventory cycle (draw and build) left in year index ti. */
double
lode_model_inventory_left (int ti)
{
  return pow (0.5, ti / INVENTORY_HALF_LIFE);
}

void
lode_model_remember_stock_build (Model          *m,
                                 const LodeYear *y)
{
  for (int mat = NDPR; mat < N_MATERIALS; mat++)
    {
      const LodeChain *c = &y->chain[mat];
      double build = 0;

      for (guint r = 0; r < m->n; r++)
        build += c->unsold_ox[SEPARATION][r] + c->unsold_ox[METAL][r];
      m->mat[mat].stock_build0 = build;
    }
}

static void
stock_draws (Model    *m,
             Year     *w,
             LodeYear *y)
{
  if (w->ti == 0)
    for (int mat = NDPR; mat < N_MATERIALS; mat++)
      {
        const LodeChain *c = &y->chain[mat];
        double used = 0, made = 0;

        if (mat == HEAVY)
          continue;
        for (guint r = 0; r < m->n; r++)
          {
            used += c->demand_t[r];
            made += c->production[MAGNET][r];
          }
        m->mat[mat].stock_draw0 = MAX (0.0, used - made);
      }
  stock_draw_into (m, y, NDPR, lode_model_stock_draw (m, w, NDPR));
  stock_draw_into (m, y, SM, lode_model_stock_draw (m, w, SM));
  /* The Dy + Tb in the NdFeB magnets drawn from stock. */
  stock_draw_into (m, y, HEAVY, lode_model_stock_draw (m, w, NDPR) *
                                (w->ti == 0 ? m->heavy_intensity0 : w->heavy_intensity));
}

/* The inventories a shortage emptied are rebuilt by the targets, in proportion to their
 * use; what each rebuilds rides on its flows and is not use. */
static void
restock_wants (const Model  *m,
               Year         *w,
               LodeYear     *y,
               LodeMaterial  mat,
               double        want[MAX_R])
{
  const MatModel *mm = &m->mat[mat];
  const LodeChain *c = &y->chain[mat];
  double total = 0;

  for (guint j = 0; j < m->n; j++)
    {
      w->restocked[mat][j] = 0;
      if (m->target[j])
        total += c->demand_t[j];
    }
  if (w->restock[mat] <= 0 || total <= 0)
    return;
  for (guint j = 0; j < m->n; j++)
    if (m->target[j])
      {
        w->restocked[mat][j] = w->restock[mat] / mm->need_ox_per_magnet * c->demand_t[j] / total;
        want[j] += w->restocked[mat][j] * mm->ox_per_magnet;
      }
}

/* Magnets withheld while their material is not: NdFeB's Dy/Tb grades under a Dy + Tb
 * restriction that spares NdPr. */
static inline gboolean
magnets_rationed (const Year   *w,
                  LodeMaterial  mat)
{
  return w->withheld[mat] <= 0 && w->withheld_magnets[mat] > 0;
}

/* Magnets withheld while their material is not (NdFeB magnets through their Dy + Tb): the
 * material trades freely at one price, and China licenses only part of the magnets it
 * would have sent each target this year, which the same routing without the restriction
 * tells. The targets' own plants already run full: what plants elsewhere can spare is
 * diverted to them, the rest goes unmet (a licence rations, it does not bid), and China's
 * magnets that may not go stay unsold. */
static void
allow_part_of_free_trade (Model            *m,
                          Year             *w,
                          LodeChain        *c,
                          LodeMaterial      mat,
                          LodeTradeRequest *req,
                          double            unmet[MAX_R])
{
  LodeTradeRequest free_trade = *req;

  lode_model_trade (m, w, mat, MAGNET, &free_trade, c->flow_ox[MAGNET], c->unsold_ox[MAGNET],
                    unmet);
  for (guint j = 0; j < m->n; j++)
    w->china_allowance[mat][j] = j != m->cn && m->target[j] ? c->flow_ox[MAGNET][m->cn][j] : -1;
  req->china_allowance = w->china_allowance[mat];
  req->withheld = w->withheld_magnets[mat];
}

/* Magnets to their users. The US stockpile's purchases ride on the US flows. */
static void
sell_magnets (Model        *m,
              Year         *w,
              LodeYear     *y,
              LodeMaterial  mat)
{
  const MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];
  double out[MAX_R] = { 0 }, want[MAX_R] = { 0 }, unmet[MAX_R];
  LodeTradeRequest req = {
    .out = out, .want = want, .content = c->china_content[MAGNET], .base_year = w->ti == 0,
  };

  for (guint r = 0; r < m->n; r++)
    {
      out[r] = c->output_ox[MAGNET][r];
      want[r] = c->demand_t[r] * mm->ox_per_magnet;
    }
  want[m->us] += w->stock_bought[mat] / mm->need_ox_per_magnet * mm->ox_per_magnet;
  restock_wants (m, w, y, mat, want);
  if (w->withheld[mat] > 0)
    {
      req.china_allowance = w->china_allowance[mat];
      req.withheld = w->withheld_magnets[mat];
    }
  else if (magnets_rationed (w, mat))
    allow_part_of_free_trade (m, w, c, mat, &req, unmet);
  lode_model_trade (m, w, mat, MAGNET, &req, c->flow_ox[MAGNET], c->unsold_ox[MAGNET], unmet);
  lode_model_split_stage (m, w, c, MAGNET);
}

/* Of the Dy + Tb China's magnets to a target would carry, the part they still carry when
 * only its Dy/Tb grades are rationed (allow_part_of_free_trade()): the withheld magnets are
 * all Dy/Tb grades, so the targets lose the restriction's share w of the Dy + Tb but only
 * w x (grade share) of the magnets. 1 otherwise. */
static double
rationed_heavy_factor (const Model *m,
                       const Year  *w,
                       guint        from,
                       guint        to)
{
  if (from != m->cn || to == m->cn || !m->target[to] || !magnets_rationed (w, NDPR))
    return 1;
  return (1 - w->withheld_magnets[HEAVY]) / MAX (1e-9, 1 - w->withheld_magnets[NDPR]);
}

/* The Dy + Tb in the magnets follows them: each maker's magnets carry its intensity. */
static void
heavy_follows_magnets (const Model *m,
                       const Year  *w,
                       LodeYear    *y)
{
  const LodeChain *c = &y->chain[NDPR];
  LodeChain *h = &y->chain[HEAVY];

  /* The whole block, as lode_model_trade() does: lode_model_year() leaves flows to them. */
  lode_model_clear_flows (h->flow_ox[MAGNET], m->n);
  for (guint i = 0; i < m->n; i++)
    {
      double per_ox = lode_safe_div (h->output_ox[MAGNET][i], c->output_ox[MAGNET][i]);
      double sold = 0;

      for (guint j = 0; j < m->n; j++)
        {
          h->flow_ox[MAGNET][i][j] = c->flow_ox[MAGNET][i][j] * per_ox *
                                     rationed_heavy_factor (m, w, i, j);
          sold += h->flow_ox[MAGNET][i][j];
        }
      h->unsold_ox[MAGNET][i] = MAX (0.0, h->output_ox[MAGNET][i] - sold);
    }
  lode_model_split_stage (m, w, h, MAGNET);
}

/* What each region used and its China content; returns the US's China-free use. */
static double
record_use (Model        *m,
            Year         *w,
            LodeYear     *y,
            LodeMaterial  mat)
{
  MatModel *mm = &m->mat[mat];
  LodeChain *c = &y->chain[mat];
  double us_free = 0, targets_demand = 0;

  for (guint j = 0; j < m->n; j++)
    if (m->target[j] && j != m->cn)
      targets_demand += c->demand_t[j];
  for (guint j = 0; j < m->n; j++)
    {
      const double *from_others = lode_model_bought_content (m, c, MAGNET, j);
      double mass = 0, china = 0, supplied, received;

      for (guint i = 0; i < m->n; i++)
        {
          double f = c->flow_ox[MAGNET][i][j];

          if (f <= 0)
            continue;
          mass += f;
          china += f * (i == j ? c->china_content_own[MAGNET][j] : from_others[i]);
        }
      /* Use comes first: a buyer short of magnets rebuilds no stock. */
      received = mass / mm->ox_per_magnet;
      if (mat != HEAVY)
        w->restocked[mat][j] = MIN (w->restocked[mat][j],
                                    MAX (0.0, received - c->demand_t[j]));
      supplied = received - (mat == HEAVY ? 0 : w->restocked[mat][j]);
      /* What the targets drew from their own stocks (China-touched, like most stocks). */
      if (w->working_released[mat] > 0 && targets_demand > 0 && m->target[j] && j != m->cn)
        {
          double drawn = w->working_released[mat] / mm->need_ox_per_magnet *
                         c->demand_t[j] / targets_demand;

          supplied += drawn;
          mass += drawn * mm->ox_per_magnet;
          china += drawn * mm->ox_per_magnet;
        }
      if (j == m->us)
        {
          /* The stockpile buys China-touched magnets first; what it releases carries the
           * content it was bought with. Dy + Tb is bought as material, not in the magnets. */
          double bought = mat == HEAVY ? 0 : w->stock_bought[mat] / mm->need_ox_per_magnet;
          double released = w->stock_released[mat] / mm->need_ox_per_magnet;
          double free_in = mass > 0 ? supplied * (1 - china / mass) : 0;
          double touched_bought = MIN (bought, supplied - free_in);

          w->stock_bought_content[mat] = bought > 0 ? touched_bought / bought : 1;
          free_in -= bought - touched_bought;
          supplied = MAX (0.0, supplied - bought) + released;
          us_free = MAX (0.0, free_in) + released * (1 - mm->stock_content);
          china = supplied > 0 ? (supplied - us_free) / supplied * mass : china;
        }
      c->supplied_t[j] = supplied;
      c->shortfall_t[j] = c->demand_t[j] - supplied > 1e-9 * c->demand_t[j] ?
                          c->demand_t[j] - supplied : 0;
      c->world_supplied_t += supplied;
      c->world_shortfall_t += c->shortfall_t[j];
      mm->supplied_hist[w->ti][j] = supplied;
    }
  return us_free;
}

/* NdFeB magnets reaching the US jointly China-free (NdPr and, in Dy/Tb grades, Dy + Tb),
 * by maker, into `from` (t magnet); returns their sum. */
static double
joint_free_to_us (const Model    *m,
                  const Year     *w,
                  const LodeYear *y,
                  const double    grades[MAX_R],
                  double          from[MAX_R])
{
  const LodeChain *c = &y->chain[NDPR];
  const LodeChain *h = &y->chain[HEAVY];
  double free_t = 0;

  for (guint i = 0; i < m->n; i++)
    {
      double made = c->production[MAGNET][i];
      double f = c->flow_ox[MAGNET][i][m->us];
      double q, f_ndpr, f_heavy, joint;
      LodeContentSplit split;

      from[i] = 0;
      if (made <= 0 || f <= 0)
        continue;
      q = grades[i] / made;
      f_ndpr = 1 - c->china_content[MAGNET][i];
      f_heavy = 1 - h->china_content[MAGNET][i];
      joint = MIN (f_ndpr, 1 - q * (1 - f_heavy));
      lode_model_split_content (m, w->fs, w->segregation, i, c->flow_ox[MAGNET][i],
                                c->unsold_ox[MAGNET][i],
                                c->output_ox[MAGNET][i], 1 - lode_clamp (joint, 0, 1), &split);
      from[i] = f * (1 - (i == m->us ? split.own : split.to_us)) / m->mat[NDPR].ox_per_magnet;
      free_t += from[i];
    }
  return free_t;
}

/* China-free SmCo magnets reaching the US by maker, scaled to the recorded total (which
 * also counts stockpile releases). */
static void
smco_free_by_maker (const Model *m,
                    LodeYear    *y,
                    double       total)
{
  const LodeChain *c = &y->chain[SM];
  double sum = 0;

  for (guint i = 0; i < m->n; i++)
    {
      double content = i == m->us ? c->china_content_own[MAGNET][i] :
                       c->china_content_to_us[MAGNET][i];

      y->us_china_free_smco_from_t[i] = c->flow_ox[MAGNET][i][m->us] * (1 - content) /
                                        m->mat[SM].ox_per_magnet;
      sum += y->us_china_free_smco_from_t[i];
    }
  for (guint i = 0; i < m->n; i++)
    y->us_china_free_smco_from_t[i] *= sum > 0 ? total / sum : 0;
}

static void
defence (const Model *m,
         const Year  *w,
         LodeYear    *y,
         double       ndfeb_free,
         double       smco_free)
{
  double growth = pow (1 + m->defence_growth / 100, w->ti);
  double need_nd = m->defence_ndfeb0 * growth, need_sm = m->defence_smco0 * growth;
  double trend_nd = y->chain[NDPR].demand_trend_t[m->us];
  double trend_sm = y->chain[SM].demand_trend_t[m->us];
  double met;

  if (m->defence_first && w->ti > 0)   /* the base year is data */
    met = MIN (need_nd, ndfeb_free) + MIN (need_sm, smco_free);
  else
    met = need_nd * MIN (1.0, lode_safe_div (ndfeb_free, trend_nd)) +
          need_sm * MIN (1.0, lode_safe_div (smco_free, trend_sm));
  y->us_defence_need_t = need_nd + need_sm;
  y->us_defence_met_t = met;
  y->us_defence_need_met_share = lode_safe_div (met, need_nd + need_sm);
}

/* Dy + Tb per NdFeB magnet (magnet-stage units), in the magnets the US received or, when it
 * received none, in the world's. */
static double
heavy_per_magnet (const Model    *m,
                  const LodeYear *y)
{
  const LodeChain *nd = &y->chain[NDPR], *hv = &y->chain[HEAVY];

  if (nd->supplied_t[m->us] > 0)
    return hv->supplied_t[m->us] / nd->supplied_t[m->us];
  return lode_safe_div (hv->world_supplied_t, nd->world_supplied_t);
}

static void
us_figures (const Model *m,
            const Year  *w,
            LodeYear    *y,
            double       ndpr_free,
            double       heavy_free,
            double       smco_free,
            double       joint_free)
{
  const guint us = m->us;
  LodeChain *nd = &y->chain[NDPR], *hv = &y->chain[HEAVY], *sm = &y->chain[SM];
  /* The need China-free magnets are measured against: the trend, or more when low prices
   * raised demand above it. */
  double need_nd = MAX (nd->demand_trend_t[us], nd->demand_t[us]);
  double need_sm = MAX (sm->demand_trend_t[us], sm->demand_t[us]);
  double trend = need_nd + need_sm;

  nd->us_china_free_t = ndpr_free;
  hv->us_china_free_t = heavy_free;
  sm->us_china_free_t = smco_free;
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      LodeChain *c = &y->chain[mat];

      c->china_free_share_us_demand =
        lode_safe_div (c->us_china_free_t, MAX (c->demand_trend_t[us], c->demand_t[us]));
      c->china_free_share_us_supply = lode_safe_div (c->us_china_free_t, c->supplied_t[us]);
    }
  /* Dy + Tb against the Dy + Tb the demanded magnets hold at this year's grades and content,
   * as the joint figure counts magnets: thrift (less Dy + Tb per magnet when it is dear) is a
   * design, not demand given up, and once made the Dy + Tb part read 96 % while every magnet
   * the US demanded was jointly China-free. */
  hv->china_free_share_us_demand =
    lode_safe_div (heavy_free, need_nd * heavy_per_magnet (m, y));
  y->us_demand_magnet_t = trend;
  y->us_supplied_magnet_t = nd->supplied_t[us] + sm->supplied_t[us];
  y->us_shortfall_magnet_t = nd->shortfall_t[us] + sm->shortfall_t[us];
  y->us_china_free_magnet_t = joint_free + smco_free;
  y->china_free_share_us_demand = lode_safe_div (y->us_china_free_magnet_t, trend);
  y->china_free_share_us_magnets = lode_safe_div (y->us_china_free_magnet_t,
                                                  y->us_supplied_magnet_t);
  y->china_free_share_us_demand_ndpr = nd->china_free_share_us_demand;
  y->china_free_share_us_demand_heavy = hv->china_free_share_us_demand;
  y->china_free_share_us_demand_smco = sm->china_free_share_us_demand;
  y->us_heavy_grade_share = w->heavy_grade_share;
  defence (m, w, y, joint_free, smco_free);
}

static void
world_figures (const Model *m,
               const Year  *w,
               LodeYear    *y)
{
  const LodeDataset *ds = m->ds;
  const LodeChain *nd = &y->chain[NDPR];
  const MatModel *n = &m->mat[NDPR], *h = &m->mat[HEAVY];
  double shares = 0;

  y->world_demand_magnet_t = nd->world_demand_t;
  y->world_supplied_magnet_t = nd->world_supplied_t;
  y->world_shortfall_magnet_t = nd->world_shortfall_t;
  for (int u = 0; u < LODE_N_END_USES; u++)
    shares += MAX (0.0, ds->end_use_share[u].value);
  for (int u = 0; u < LODE_N_END_USES; u++)
    y->end_use_t[u] = nd->world_supplied_t *
                      lode_safe_div (MAX (0.0, ds->end_use_share[u].value), shares);
  y->magnet_price_usd_kg =
    n->need_ox_per_magnet * nd->price_usd_kg +
    w->heavy_intensity * h->need_ox_per_magnet * y->chain[HEAVY].price_usd_kg +
    n->nm * MAX (0.0, ds->stage[METAL].opex_usd_kg.value) +
    MAX (0.0, ds->stage[MAGNET].opex_usd_kg.value);
}

void
lode_model_magnets (Model    *m,
                    Year     *w,
                    LodeYear *y)
{
  double grades[MAX_R];
  double ndpr_free, heavy_free, smco_free, joint_free;

  make_ndfeb (m, w, y, grades);
  make_smco (m, w, y);
  stock_draws (m, w, y);
  sell_magnets (m, w, y, NDPR);
  sell_magnets (m, w, y, SM);
  heavy_follows_magnets (m, w, y);

  ndpr_free = record_use (m, w, y, NDPR);
  heavy_free = record_use (m, w, y, HEAVY);
  smco_free = record_use (m, w, y, SM);
  joint_free = joint_free_to_us (m, w, y, grades, y->us_china_free_ndfeb_from_t);
  if (joint_free > ndpr_free)
    for (guint i = 0; i < m->n; i++)
      y->us_china_free_ndfeb_from_t[i] *= ndpr_free / joint_free;
  joint_free = MIN (ndpr_free, joint_free);
  smco_free_by_maker (m, y, smco_free);
  us_figures (m, w, y, ndpr_free, heavy_free, smco_free, joint_free);
  world_figures (m, w, y);
}
