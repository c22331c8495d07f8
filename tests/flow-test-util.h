/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Projections for the flow diagram tests: a small synthetic chain that balances exactly, the
 * degenerate cases, and the real Baseline. Header-only, shared by test-flow-*.c and bench-flow.c.
 */
#pragma once

#include <glib.h>

#include "lode-projection.h"
#include "lode-scenario-io.h"

enum { SYN_CN, SYN_US, SYN_AU, SYN_JP, SYN_N };

/* Shares of each region's output sent to each region's next stage (rows sum to 1). */
static const double syn_shares[LODE_N_STAGES][SYN_N][SYN_N] = {
  /* mine -> separation */
  { { 1, 0, 0, 0 }, { 0.7, 0.3, 0, 0 }, { 0.2, 0, 0.8, 0 }, { 0, 0, 0, 0 } },
  /* separation -> metal */
  { { 0.9, 0, 0, 0.1 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 }, { 0, 0, 0, 0 } },
  /* metal -> magnet */
  { { 0.95, 0, 0, 0.05 }, { 0, 1, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 1 } },
  /* magnet -> end use */
  { { 0.6, 0.15, 0.05, 0.2 }, { 0, 1, 0, 0 }, { 0, 0, 0, 0 }, { 0.2, 0.3, 0, 0.5 } },
};

static LodeDataset *
syn_dataset (guint n_regions)
{
  static const char *ids[SYN_N] = { "CN", "US", "AU", "JP" };
  static const char *names[SYN_N] = { "China", "United States", "Australia", "Japan" };
  static const guint32 rgb[SYN_N] = { 0xd55e00, 0x0072b2, 0x009e73, 0xcc79a7 };
  LodeDataset *ds = lode_dataset_new_empty ();

  ds->n_regions = n_regions;
  for (guint r = 0; r < n_regions; r++)
    {
      ds->regions[r].id = g_strdup (ids[r]);
      ds->regions[r].name = g_strdup (names[r]);
      ds->regions[r].rgb = rgb[r];
    }
  ds->china = 0;
  ds->us = n_regions > 1 ? 1 : 0;
  return ds;
}

/* A balanced chain: input = output + loss at every node, output = sum of flows. */
static G_GNUC_UNUSED LodeProjection *
syn_projection (guint    n_regions,
                gboolean all_zero)
{
  g_autoptr(LodeDataset) ds = syn_dataset (n_regions);
  LodeProjection *p = lode_projection_new_empty (ds, 2030);
  static const double loss_rate[LODE_N_STAGES] = { 0.0, 0.08, 0.05, 0.2 };
  static const double to_stage_unit[LODE_N_STAGES] = { 5.0, 1.0, 0.85 * 0.96, 1.0 / 0.34 };

  for (int y = 0; y < p->n_years; y++)
    {
      LodeYear *year = &p->years[y];
      LodeChain *ly = &year->chain[LODE_MATERIAL_NDPR];
      double input[LODE_N_STAGES][SYN_N] = { { 0 } };
      double mine[SYN_N] = { 60000 * (1 + 0.03 * y), 7000 * (1 + 0.1 * y),
                             3000 * (1 + 0.05 * y), 0 };

      if (all_zero)
        continue;
      ly->recycled_ox[SYN_US] = n_regions > 1 ? 100.0 * y : 0.0;
      ly->recycled_ox[SYN_CN] = 400.0 + 150.0 * y;
      for (int s = 0; s < LODE_N_STAGES; s++)
        for (guint j = 0; j < n_regions; j++)
          {
            double in = s == 0 ? mine[j] : input[s][j];
            double out;

            if (s == LODE_STAGE_METAL)
              in += ly->recycled_ox[j];
            ly->input_ox[s][j] = in;
            ly->loss_ox[s][j] = in * loss_rate[s];
            out = ly->output_ox[s][j] = in - ly->loss_ox[s][j];
            ly->production[s][j] = out * to_stage_unit[s];
            ly->capacity[s][j] = out * to_stage_unit[s] * 1.2;
            if (s == 0)
              ly->china_content[s][j] = j == SYN_CN ? 1.0 : 0.0;
            else if (j == SYN_CN)
              ly->china_content[s][j] = 1.0;
            else
              {
                double w = 0, c = 0;

                for (guint i = 0; i < n_regions; i++)
                  {
                    w += ly->flow_ox[s - 1][i][j];
                    c += ly->flow_ox[s - 1][i][j] * ly->china_content[s - 1][i];
                  }
                ly->china_content[s][j] = w > 0 ? c / w : 0;
              }
            {
              double sent = 0.0;

              for (guint k = 0; k < n_regions; k++)
                {
                  double share = n_regions == 1 ? 1.0 : syn_shares[s][j][k];

                  ly->flow_ox[s][j][k] = out * share;
                  sent += out * share;
                  if (s + 1 < LODE_N_STAGES)
                    input[s + 1][k] += out * share;
                }
              ly->unsold_ox[s][j] = out - sent;
            }
            if (s == LODE_STAGE_SEPARATION)
              ly->byproduct_reo_t[j] = in * 3.5;
          }
      for (guint j = 0; j < n_regions; j++)
        {
          double used = 0.0;

          for (guint i = 0; i < n_regions; i++)
            used += ly->flow_ox[LODE_STAGE_MAGNET][i][j];
          ly->supplied_t[j] = used / 0.34;
          ly->demand_t[j] = used / 0.34 * 1.05;
          ly->shortfall_t[j] = used / 0.34 * 0.05;
        }
      for (int u = 0; u < LODE_N_END_USES; u++)
        year->end_use_t[u] = 1000.0 * (u + 1);
      year->china_free_share_us_demand = 0.1 + 0.02 * y;
      ly->bottleneck_stage = LODE_STAGE_SEPARATION;
    }
  return p;
}

/* The real Baseline from the default dataset and the "baseline" preset. */
static G_GNUC_UNUSED LodeProjection *
baseline_projection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) scenario = NULL;
  LodeProjection *p;

  g_assert_no_error (error);
  scenario = lode_scenario_load_preset (ds, "baseline", &error);
  g_assert_no_error (error);
  p = lode_projection_run (ds, scenario, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}
