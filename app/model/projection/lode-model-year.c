/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-year.c — one year of the model, as a sequence of named steps (lode-model.h
 * lists them). Nothing is allocated, no locale is consulted, and every loop runs in a fixed
 * order, so two runs are bit-identical.
 */
#define G_LOG_DOMAIN "lode-model-year"

#include "config.h"

#include <string.h>

#include "lode-model.h"

/* In a year without a restriction, how China's exports reach each region (as magnets or as
 * material) is what the next restriction splits its allowance by. */
static void
remember_china_exports (Model          *m,
                        const Year     *w,
                        const LodeYear *y)
{
  for (int mat = 0; mat < N_MATERIALS; mat++)
    {
      MatModel *mm = &m->mat[mat];
      const LodeChain *c = &y->chain[mat];

      if (w->withheld[mat] > 0 || w->withheld_magnets[mat] > 0)
        continue;
      for (guint j = 0; j < m->n; j++)
        {
          double as_material = 0, as_magnets = c->flow_ox[MAGNET][m->cn][j];

          for (int s = SEPARATION; s < MAGNET; s++)
            as_material += c->flow_ox[s][m->cn][j];
          mm->ref_magnet_share[j] = j == m->cn ? 0 :
            lode_safe_div (as_magnets, as_magnets + as_material);
        }
    }
}

/* China's secondary feed is mostly the swarf and scrap of its own magnet plants: it follows
 * their output (last year's, against the base year's). */
static void
secondary_feed (const Model    *m,
                Year           *w,
                const LodeYear *prev)
{
  double base = m->mat[NDPR].base_cap[MAGNET][m->cn] * m->mat[NDPR].u_obs[MAGNET][m->cn];
  double ratio = prev != NULL && base > 0 ?
                 prev->chain[NDPR].production[MAGNET][m->cn] / base : 1;

  for (int mat = 0; mat < N_MATERIALS; mat++)
    w->secondary_in[mat] = m->mat[mat].secondary_in * ratio;
}

static void
route_chains (Model    *m,
              Year     *w,
              LodeYear *y)
{
  /* NdPr first: its magnet makers' plans set the Dy + Tb they need. */
  static const LodeMaterial order[] = { NDPR, SM, HEAVY };

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      lode_model_plan (m, w, y, order[k]);
      lode_model_route_upstream (m, w, y, order[k]);
      /* Twice at most: China's larger plans barely move the feed others get. */
      for (int pass = 0; pass < 2 && lode_model_replan_shortfalls (m, w, y, order[k]); pass++)
        lode_model_route_upstream (m, w, y, order[k]);
    }
  lode_model_heavy_to_makers (m, w, y);
}

/* Zeroes a year but for its flow matrices, half of it: every chain's flow_ox[stage] is
 * written whole (all MAX_R x MAX_R) by lode_model_trade() or, for Dy + Tb in magnets, by
 * lode_model_magnets() before anything reads it. */
static void
clear_year (LodeYear *y)
{
  lode_model_clear_but (y, sizeof *y,
                        G_STRUCT_OFFSET (LodeYear, chain) + G_STRUCT_OFFSET (LodeChain, flow_ox),
                        sizeof y->chain[0].flow_ox, sizeof (LodeChain), N_MATERIALS);
}

/* Zeroes the year's work area but for plate, flex, newcap and plan (four fifths of it):
 * lode_model_capacity () sets the first three for every material, stage and region before
 * anything reads them, and the plans are set before they are read (lode_model_plan (), and
 * the market's clearing for separation); rows past the n regions are never read. */
static void
clear_work (Year *w)
{
  gsize first = G_STRUCT_OFFSET (Year, plate);
  gsize end = G_STRUCT_OFFSET (Year, plan) + sizeof w->plan;

  G_STATIC_ASSERT (G_STRUCT_OFFSET (Year, flex) == G_STRUCT_OFFSET (Year, plate) +
                                                   sizeof (((Year *) NULL)->plate));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (Year, newcap) == G_STRUCT_OFFSET (Year, flex) +
                                                     sizeof (((Year *) NULL)->flex));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (Year, plan) == G_STRUCT_OFFSET (Year, newcap) +
                                                   sizeof (((Year *) NULL)->newcap));
  lode_model_clear_but (w, sizeof *w, first, end - first, 0, 1);
}

void
lode_model_year (Model          *m,
                 int             ti,
                 LodeYear       *y,
                 const LodeYear *prev)
{
  Year w;

  clear_work (&w);
  w.ti = ti;
  w.t = m->base_year + ti;
  w.inventory_left = lode_model_inventory_left (ti);
  clear_year (y);
  y->year = w.t;
  for (guint r = 0; r < m->n; r++)
    y->us_aligned[r] = m->aligned[r];

  lode_model_year_levers (m, &w);
  secondary_feed (m, &w, prev);
  lode_model_heavy_intensity (m, &w);
  lode_model_capacity (m, &w, y);
  lode_model_recycling (m, &w, y);
  lode_model_demand_trend (m, &w, y);
  lode_model_clear_markets (m, &w, y, prev);
  route_chains (m, &w, y);
  lode_model_magnets (m, &w, y);
  lode_model_stage_figures (m, &w, y);
  lode_model_money (m, &w, y, prev);
  lode_model_induce (m, &w, y);
  lode_model_society (m, &w, y);
  remember_china_exports (m, &w, y);
  if (ti == 0)
    lode_model_remember_stock_build (m, y);
}
