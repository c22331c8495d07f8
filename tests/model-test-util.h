/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the model tests share: the reference dataset, scenarios with levers set, runs, and
 * the balance every chain must keep (mass and China mass, to 1e-9 relative). Header-only.
 */
#pragma once

#include <math.h>

#include "lode-projection.h"
#include "lode-scenario-io.h"

#define TEST_HORIZON 2050
#define BALANCE_TOLERANCE 1e-9

static G_GNUC_UNUSED LodeDataset *
load_dataset (void)
{
  g_autoptr(GError) error = NULL;
  LodeDataset *ds = lode_dataset_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static G_GNUC_UNUSED LodeScenario *
new_scenario (LodeDataset *ds)
{
  g_autoptr(GError) error = NULL;
  LodeScenario *sc = lode_scenario_new (ds);

  lode_scenario_set_horizon (sc, TEST_HORIZON, &error);
  g_assert_no_error (error);
  return sc;
}

static G_GNUC_UNUSED LodeScenario *
load_preset (LodeDataset *ds,
             const char  *id)
{
  g_autoptr(GError) error = NULL;
  LodeScenario *sc = lode_scenario_load_preset (ds, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sc);
  lode_scenario_set_horizon (sc, TEST_HORIZON, &error);
  g_assert_no_error (error);
  return sc;
}

static G_GNUC_UNUSED void
set_lever (LodeScenario *sc,
           LodeLever     lever,
           double        value)
{
  g_autoptr(GError) error = NULL;

  lode_scenario_set_lever (sc, lever, value, &error);
  g_assert_no_error (error);
}

static G_GNUC_UNUSED LodeProjection *
run (LodeDataset  *ds,
     LodeScenario *sc)
{
  g_autoptr(GError) error = NULL;
  LodeProjection *p = lode_projection_run (ds, sc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static G_GNUC_UNUSED gboolean
close_rel (double a,
           double b)
{
  return fabs (a - b) <= BALANCE_TOLERANCE * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* One chain in one year: every node balances (input = output + loss + stock change, output =
 * flows + unsold), what reaches a stage is what the stage before sent it (plus recycled alloy
 * at metal and China's secondary feed at separation), and the China content split among
 * the buyers holds exactly the output's China mass. */
static G_GNUC_UNUSED void
check_chain_balance (const LodeProjection *p,
                     const LodeYear       *y,
                     LodeMaterial          mat)
{
  const LodeChain *c = &y->chain[mat];
  const LodeDataset *ds = lode_projection_get_dataset (p);

  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < p->n_regions; i++)
      {
        double flows = 0, inflow = 0, china_on_flows = 0;
        double out = c->output_ox[s][i];

        for (guint j = 0; j < p->n_regions; j++)
          {
            double content = lode_projection_flow_china_content (p, y, mat, (LodeStage) s, i, j);

            g_assert_cmpfloat (c->flow_ox[s][i][j], >=, 0);
            g_assert_cmpfloat (content, >=, 0);
            g_assert_cmpfloat (content, <=, 1);
            flows += c->flow_ox[s][i][j];
            china_on_flows += c->flow_ox[s][i][j] * content;
            if (s > 0)
              inflow += c->flow_ox[s - 1][j][i];
          }
        g_assert_cmpfloat (c->loss_ox[s][i], >=, -BALANCE_TOLERANCE * MAX (1.0, out));
        g_assert_cmpfloat (c->unsold_ox[s][i], >=, 0);
        if (!close_rel (c->input_ox[s][i], out + c->loss_ox[s][i] + c->stock_change_ox[s][i]) ||
            !close_rel (out, flows + c->unsold_ox[s][i]))
          g_error ("%s unbalanced: year %d stage %d region %s: in %.12g out %.12g loss %.12g "
                   "stock %.12g flows %.12g unsold %.12g", lode_material_id (mat), y->year, s,
                   ds->regions[i].id, c->input_ox[s][i], out, c->loss_ox[s][i],
                   c->stock_change_ox[s][i], flows, c->unsold_ox[s][i]);
        if (s == LODE_STAGE_METAL)
          inflow += c->recycled_ox[i];
        if (s == LODE_STAGE_SEPARATION && i == ds->china)
          inflow += c->secondary_in_ox;
        if (s > 0 && !close_rel (c->input_ox[s][i], inflow))
          g_error ("%s: year %d stage %d region %s receives %.12g but its input is %.12g",
                   lode_material_id (mat), y->year, s, ds->regions[i].id, inflow,
                   c->input_ox[s][i]);
        /* China mass: the unsold output carries the "others" content. */
        china_on_flows += c->unsold_ox[s][i] * c->china_content_to_others[s][i];
        if (fabs (china_on_flows - out * c->china_content[s][i]) >
            BALANCE_TOLERANCE * MAX (1.0, out))
          g_error ("%s: China mass not conserved, year %d stage %d region %s: %.12g vs %.12g",
                   lode_material_id (mat), y->year, s, ds->regions[i].id, china_on_flows,
                   out * c->china_content[s][i]);
      }

  /* Demand = supplied + shortfall wherever demand is not met. */
  for (guint j = 0; j < p->n_regions; j++)
    {
      double gap = c->demand_t[j] - c->supplied_t[j];

      g_assert_cmpfloat (c->supplied_t[j], >=, -BALANCE_TOLERANCE * MAX (1.0, c->demand_t[j]));
      g_assert_cmpfloat (c->shortfall_t[j], >=, 0);
      if (gap > BALANCE_TOLERANCE * MAX (1.0, c->demand_t[j]))
        g_assert_true (close_rel (c->shortfall_t[j], gap));
    }
}

static G_GNUC_UNUSED void
check_balance (const LodeProjection *p)
{
  for (int k = 0; k < p->n_years; k++)
    for (int m = 0; m < LODE_N_MATERIALS; m++)
      check_chain_balance (p, &p->years[k], (LodeMaterial) m);
}

/* A named figure of a year. */
static G_GNUC_UNUSED double
share_in (const LodeProjection *p,
          int                   year)
{
  const LodeYear *y = lode_projection_get_year (p, year);

  g_assert_nonnull (y);
  return y->china_free_share_us_demand;
}
