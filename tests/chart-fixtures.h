/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Hand-filled projections for the chart and headline tests: known values, so a test can
 * compute what a chart or a card must show without running the model.
 */
#pragma once

#include <math.h>

#include "lode-projection.h"

static const char * const fixture_region_ids[] = {
  "CN", "US", "AU", "MY", "JP", "EU", "VN", "MM", "OTHER",
};
static const char * const fixture_region_names[] = {
  "China", "United States", "Australia", "Malaysia", "Japan", "European Union", "Vietnam",
  "Myanmar", "Other",
};
static const guint32 fixture_region_rgb[] = {
  0xD55E00, 0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x999999, 0x666666,
};

#define FIXTURE_CN 0
#define FIXTURE_US 1

static LodeDataset *
fixture_dataset (void)
{
  LodeDataset *ds = lode_dataset_new_empty ();

  ds->base_year = 2024;
  ds->n_regions = G_N_ELEMENTS (fixture_region_ids);
  ds->china = FIXTURE_CN;
  ds->us = FIXTURE_US;
  for (guint i = 0; i < ds->n_regions; i++)
    {
      g_free (ds->regions[i].id);
      g_free (ds->regions[i].name);
      ds->regions[i].id = g_strdup (fixture_region_ids[i]);
      ds->regions[i].name = g_strdup (fixture_region_names[i]);
      ds->regions[i].rgb = fixture_region_rgb[i];
    }
  return ds;
}

/* China-free share: linear from 0.05 in 2024 by `slope` per year (capped at 0.95), so it is
 * 0.05 + 6·slope in 2030. Self-sufficiency by stage: 0.1·(stage + 1) + year offset / 40.
 * Capacity of region r at every stage: 1000·(r + 1) + 100·(year offset). Spend: 2 bn a year
 * from 2026 to 2030; price-floor cost 0.5 bn a year from 2025 to 2034; price 56 + offset. */
static LodeProjection *
fixture_projection (LodeDataset *ds,
                    int          horizon,
                    double       slope)
{
  LodeProjection *p = lode_projection_new_empty (ds, horizon);
  double cum = 0, floor_cum = 0, fund_cum = 0;

  p->n_regions = ds->n_regions;
  for (int i = 0; i < p->n_years; i++)
    {
      LodeYear *y = &p->years[i];

      y->china_free_share_us_demand = MIN (0.05 + slope * i, 0.95);
      for (int s = 0; s < LODE_N_STAGES; s++)
        {
          y->chain[LODE_MATERIAL_NDPR].us_self_sufficiency[s] = 0.1 * (s + 1) + i / 40.0;
          for (guint r = 0; r < ds->n_regions; r++)
            y->chain[LODE_MATERIAL_NDPR].capacity[s][r] = 1000.0 * (r + 1) + 100.0 * i;
        }
      y->public_spend_busd = y->year >= 2026 && y->year <= 2030 ? 2.0 : 0.0;
      y->price_floor_cost_busd = y->year >= 2025 && y->year <= 2034 ? 0.5 : 0.0;
      cum += y->public_spend_busd;
      floor_cum += y->price_floor_cost_busd;
      y->public_spend_cum_busd = cum;
      y->price_floor_cost_cum_busd = floor_cum;
      /* The fund: 1 bn of grants and 0.5 bn of equity a year 2026–2028; 0.25 bn of dividends
       * a year from 2030 and a 3 bn exit in the last year. */
      y->fund_out_busd[LODE_FUND_OUT_GRANTS] = y->year >= 2026 && y->year <= 2028 ? 1.0 : 0.0;
      y->fund_out_busd[LODE_FUND_OUT_EQUITY] = y->year >= 2026 && y->year <= 2028 ? 0.5 : 0.0;
      y->fund_in_busd[LODE_FUND_IN_DIVIDENDS] = y->year >= 2030 ? 0.25 : 0.0;
      y->fund_in_busd[LODE_FUND_IN_EXIT_VALUE] = i == p->n_years - 1 ? 3.0 : 0.0;
      y->fund_net_busd = y->fund_in_busd[LODE_FUND_IN_DIVIDENDS]
                         + y->fund_in_busd[LODE_FUND_IN_EXIT_VALUE]
                         - y->fund_out_busd[LODE_FUND_OUT_GRANTS]
                         - y->fund_out_busd[LODE_FUND_OUT_EQUITY];
      fund_cum += y->fund_net_busd;
      y->fund_net_cum_busd = fund_cum;
      y->chain[LODE_MATERIAL_NDPR].price_usd_kg = 56.0 + i;
      y->jobs_us = 1000.0 + 250.0 * i;
    }
  return p;
}

/* What the chart tests start from: the fixture dataset, a scenario that gains 5 points of
 * China-free share a year and a baseline that gains 2, to 2040. */
static void G_GNUC_UNUSED
fixture_charts_new (LodeDataset    **out_dataset,
                    LodeProjection **out_projection,
                    LodeProjection **out_baseline)
{
  *out_dataset = fixture_dataset ();
  *out_projection = fixture_projection (*out_dataset, 2040, 0.05);
  *out_baseline = fixture_projection (*out_dataset, 2040, 0.02);
}

static void G_GNUC_UNUSED
fixture_charts_free (LodeDataset    *dataset,
                     LodeProjection *projection,
                     LodeProjection *baseline)
{
  lode_projection_unref (projection);
  lode_projection_unref (baseline);
  lode_dataset_unref (dataset);
}
