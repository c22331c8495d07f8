/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-provenance.c — China content through the chain on a three-region dataset small enough
 * to compute by hand: a mine in A (Australia, allied), separation in China, metal and magnets
 * in the US. Every conversion factor is 1, so tonnes are the same at every stage. */
#define G_LOG_DOMAIN "test-provenance"

#include "config.h"

#include <math.h>

#include "lode-projection.h"

enum { A, CN, US, N_REGIONS };

static LodeDataset *
small_dataset (void)
{
  LodeDataset *ds = lode_dataset_new_empty ();
  const char *ids[] = { "AU", "CN", "US" };

  ds->id = g_strdup ("three-regions");
  ds->version = g_strdup ("1");
  ds->base_year = LODE_BASE_YEAR;
  ds->n_regions = N_REGIONS;
  ds->china = CN;
  ds->us = US;
  for (guint r = 0; r < N_REGIONS; r++)
    {
      ds->regions[r].id = g_strdup (ids[r]);
      ds->regions[r].name = g_strdup (ids[r]);
      ds->regions[r].western_costs = r != CN;
      ds->regions[r].ore_ndpr_share.value = 1;
    }
  ds->regions[A].allied_default = TRUE;

  ds->separation_recovery.value = 1;
  ds->oxide_to_metal.value = 1;
  ds->metal_process_yield.value = 1;
  ds->ndpr_metal_per_magnet.value = 1;
  ds->magnet_yield.value = 1;
  ds->swarf_recycled_share.value = 0;
  ds->magnet_service_life_years.value = 10;
  ds->ndpr_price_2024_usd_kg.value = 50;
  ds->shock_price_multiplier.value = 1;
  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      ds->stage[s].utilisation.value = 1;
      for (int k = 0; k < 4; k++)
        ds->stage[s].ramp[k].value = 1;
    }
  return ds;
}

/* Sets a stage's 2024 capacity and production in one region. */
static void
plant (LodeDataset *ds,
       guint        region,
       LodeStage    stage,
       double       capacity,
       double       production)
{
  ds->regions[region].capacity[stage].value = capacity;
  ds->regions[region].production[stage].value = production;
}

static LodeProjection *
run (LodeDataset *ds)
{
  g_autoptr(LodeScenario) sc = lode_scenario_new (ds);
  g_autoptr(GError) error = NULL;
  LodeProjection *p;

  /* Neutral levers: no floor, no tariff, no recycling, no growth, no slip. */
  lode_scenario_set_horizon (sc, 2026, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_POLICY_TARIFF_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_PARTNERS_FRIENDSHORING, 0.5, &error);
  g_assert_no_error (error);

  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

/* Mine in A, separation only in China, metal and magnets in the US: every US magnet passed
 * through China, so none is China-free. */
static void
test_through_china (void)
{
  g_autoptr(LodeDataset) ds = small_dataset ();
  g_autoptr(LodeProjection) p = NULL;
  const LodeYear *y;

  plant (ds, A, LODE_STAGE_MINE, 100, 100);
  plant (ds, CN, LODE_STAGE_SEPARATION, 1000, 100);
  plant (ds, US, LODE_STAGE_METAL, 100, 100);
  plant (ds, US, LODE_STAGE_MAGNET, 100, 100);
  ds->regions[US].magnet_demand_t.value = 100;
  p = run (ds);
  y = lode_projection_get_year (p, 2024);

  assert_near (y->flow_ox[LODE_STAGE_MINE][A][CN], 100);
  assert_near (y->flow_ox[LODE_STAGE_SEPARATION][CN][US], 100);
  assert_near (y->flow_ox[LODE_STAGE_MAGNET][US][US], 100);
  assert_near (y->china_content[LODE_STAGE_MINE][A], 0);
  assert_near (y->china_content[LODE_STAGE_SEPARATION][CN], 1);
  assert_near (y->china_content[LODE_STAGE_METAL][US], 1);
  assert_near (y->china_content[LODE_STAGE_MAGNET][US], 1);
  assert_near (y->china_free_share_us_magnets, 0);
  assert_near (y->china_share[LODE_STAGE_MINE], 0);
  assert_near (y->china_share[LODE_STAGE_SEPARATION], 1);
  assert_near (y->china_share[LODE_STAGE_MAGNET], 0);
  assert_near (y->supplied_magnet_t[US], 100);
  assert_near (y->shortfall_magnet_t[US], 0);
  /* The US mines and separates nothing: both have the smallest magnet-equivalent capacity
   * (0); a tie goes to the stage nearer the magnet, separation. */
  g_assert_cmpint (y->bottleneck_stage, ==, LODE_STAGE_SEPARATION);
}

/* A also separates 40 t. The US metal plant (100 t) first draws friendshoring x its need
 * = 0.5 x 100 = 50 from allied exporters; A has only 40, so it takes 40 (China-free), then
 * 60 from China. US metal and magnets are 60 % China; the China-free share is 0.4. */
static void
test_mixed (void)
{
  g_autoptr(LodeDataset) ds = small_dataset ();
  g_autoptr(LodeProjection) p = NULL;
  const LodeYear *y;

  plant (ds, A, LODE_STAGE_MINE, 100, 100);
  plant (ds, A, LODE_STAGE_SEPARATION, 40, 40);
  plant (ds, CN, LODE_STAGE_SEPARATION, 1000, 100);
  plant (ds, US, LODE_STAGE_METAL, 100, 100);
  plant (ds, US, LODE_STAGE_MAGNET, 100, 100);
  ds->regions[US].magnet_demand_t.value = 100;
  p = run (ds);
  y = lode_projection_get_year (p, 2024);

  /* A's ore feeds its own separation first, the rest goes to China. */
  assert_near (y->flow_ox[LODE_STAGE_MINE][A][A], 40);
  assert_near (y->flow_ox[LODE_STAGE_MINE][A][CN], 60);
  assert_near (y->production[LODE_STAGE_SEPARATION][CN], 60);
  assert_near (y->flow_ox[LODE_STAGE_SEPARATION][A][US], 40);
  assert_near (y->flow_ox[LODE_STAGE_SEPARATION][CN][US], 60);
  assert_near (y->china_content[LODE_STAGE_SEPARATION][A], 0);
  assert_near (y->china_content[LODE_STAGE_METAL][US], 0.6);
  assert_near (y->china_content[LODE_STAGE_MAGNET][US], 0.6);
  assert_near (y->china_free_share_us_magnets, 0.4);
  assert_near (y->us_china_free_magnet_t, 40);
  assert_near (y->china_share[LODE_STAGE_SEPARATION], 0.6);
}

/* As above, but the US uses 50 t and A 50 t. Within the US magnet plant, China-free and
 * China-touched material are kept apart: the US keeps the 40 t China-free first, plus 10 t
 * of the rest (content 10/50 = 0.2); A gets the other 50 t, all China-touched. */
static void
test_kept_apart (void)
{
  g_autoptr(LodeDataset) ds = small_dataset ();
  g_autoptr(LodeProjection) p = NULL;
  const LodeYear *y;

  plant (ds, A, LODE_STAGE_MINE, 100, 100);
  plant (ds, A, LODE_STAGE_SEPARATION, 40, 40);
  plant (ds, CN, LODE_STAGE_SEPARATION, 1000, 100);
  plant (ds, US, LODE_STAGE_METAL, 100, 100);
  plant (ds, US, LODE_STAGE_MAGNET, 100, 100);
  ds->regions[US].magnet_demand_t.value = 50;
  ds->regions[A].magnet_demand_t.value = 50;
  p = run (ds);
  y = lode_projection_get_year (p, 2024);

  assert_near (y->flow_ox[LODE_STAGE_MAGNET][US][US], 50);
  assert_near (y->flow_ox[LODE_STAGE_MAGNET][US][A], 50);
  assert_near (y->china_content[LODE_STAGE_MAGNET][US], 0.6);
  assert_near (y->china_content_own[LODE_STAGE_MAGNET][US], 0.2);
  assert_near (y->china_content_export[LODE_STAGE_MAGNET][US], 1.0);
  assert_near (y->china_free_share_us_magnets, 0.8);
  /* China mass is conserved: 0.2 x 50 + 1.0 x 50 = 0.6 x 100. */
  assert_near (0.2 * y->flow_ox[LODE_STAGE_MAGNET][US][US] +
               1.0 * y->flow_ox[LODE_STAGE_MAGNET][US][A],
               0.6 * y->output_ox[LODE_STAGE_MAGNET][US]);
}

/* Friend-shoring in provenance. A (allied) separates 40 t China-free and buys 60 t of oxide
 * from China; its metal and magnet plants make 100 t, 60 % China. A uses 50 t and sells 50 t
 * to the US. A share `friendshoring` of A's 40 t China-free goes to the US first; the rest
 * serves A's own use first. With 0 the US gets only China-touched magnets (own use first);
 * with 0.5 it gets 20 t China-free (share 0.4); with 1 all 40 t (0.8). China mass
 * (60 t) is conserved in every case. */
static LodeProjection *
run_ally_exports (double friendshoring)
{
  g_autoptr(LodeDataset) ds = small_dataset ();
  g_autoptr(LodeScenario) sc = NULL;
  g_autoptr(GError) error = NULL;
  LodeProjection *p;

  plant (ds, A, LODE_STAGE_MINE, 100, 100);
  plant (ds, A, LODE_STAGE_SEPARATION, 40, 40);
  plant (ds, CN, LODE_STAGE_SEPARATION, 1000, 100);
  plant (ds, A, LODE_STAGE_METAL, 100, 100);
  plant (ds, A, LODE_STAGE_MAGNET, 100, 100);
  ds->regions[US].magnet_demand_t.value = 50;
  ds->regions[A].magnet_demand_t.value = 50;

  sc = lode_scenario_new (ds);
  lode_scenario_set_horizon (sc, 2026, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_POLICY_TARIFF_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_PARTNERS_FRIENDSHORING, friendshoring, &error);
  g_assert_no_error (error);
  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
test_friendshoring (void)
{
  const double levels[] = { 0, 0.5, 1 };
  const double us_content[] = { 1.0, 0.6, 0.2 };
  const double own_content[] = { 0.2, 0.6, 1.0 };

  for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
    {
      g_autoptr(LodeProjection) p = run_ally_exports (levels[k]);

      for (int year = 2024; year <= 2026; year++)
        {
          const LodeYear *y = lode_projection_get_year (p, year);
          double fc[N_REGIONS];

          for (guint j = 0; j < N_REGIONS; j++)
            fc[j] = lode_projection_flow_china_content (p, y, LODE_STAGE_MAGNET, A, j);
          assert_near (y->china_content_to_us[LODE_STAGE_MAGNET][A], us_content[k]);

          assert_near (y->flow_ox[LODE_STAGE_MAGNET][A][A], 50);
          assert_near (y->flow_ox[LODE_STAGE_MAGNET][A][US], 50);
          assert_near (y->china_content[LODE_STAGE_MAGNET][A], 0.6);
          assert_near (fc[US], us_content[k]);
          assert_near (fc[A], own_content[k]);
          assert_near (y->china_content_own[LODE_STAGE_MAGNET][A], own_content[k]);
          assert_near (y->china_content_export[LODE_STAGE_MAGNET][A], us_content[k]);
          assert_near (y->china_free_share_us_magnets, 1 - us_content[k]);
          /* China mass: 50 x own + 50 x US = 0.6 x 100. */
          assert_near (50 * fc[A] + 50 * fc[US], 60);
        }
    }
}

/* The mixed case with an export shock in 2025 that withholds half of what China would supply
 * to the US. */
static void
test_export_shock_withholds (void)
{
  g_autoptr(LodeDataset) ds = small_dataset ();
  g_autoptr(LodeScenario) sc = NULL;
  g_autoptr(LodeProjection) p = NULL;
  g_autoptr(GError) error = NULL;
  const LodeYear *y;

  plant (ds, A, LODE_STAGE_MINE, 100, 100);
  plant (ds, A, LODE_STAGE_SEPARATION, 40, 40);
  plant (ds, CN, LODE_STAGE_SEPARATION, 1000, 100);
  plant (ds, US, LODE_STAGE_METAL, 100, 100);
  plant (ds, US, LODE_STAGE_MAGNET, 100, 100);
  ds->regions[US].magnet_demand_t.value = 100;

  sc = lode_scenario_new (ds);
  lode_scenario_set_horizon (sc, 2026, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 0, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 50, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_SHOCK_START_YEAR, 2025, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_SHOCK_DURATION_YEARS, 1, &error);
  g_assert_no_error (error);
  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);

  /* 2025: China withholds half of the 60 t of oxide the US would have drawn from it. The US
   * metal plant gets 40 t from A and 30 t from China: 70 t of metal, 30/70 of it Chinese. */
  y = lode_projection_get_year (p, 2025);
  assert_near (y->flow_ox[LODE_STAGE_SEPARATION][CN][US], 30);
  assert_near (y->production[LODE_STAGE_MAGNET][US], 70);
  assert_near (y->shortfall_magnet_t[US], 30);
  assert_near (y->china_free_share_us_magnets, 40.0 / 70.0);
  assert_near (y->unsold_ox[LODE_STAGE_SEPARATION][CN], 30);
  /* 2026: the shock is over. */
  y = lode_projection_get_year (p, 2026);
  assert_near (y->shortfall_magnet_t[US], 0);
  assert_near (y->china_free_share_us_magnets, 0.4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/provenance/through-china", test_through_china);
  g_test_add_func ("/lode/provenance/mixed", test_mixed);
  g_test_add_func ("/lode/provenance/kept-apart", test_kept_apart);
  g_test_add_func ("/lode/provenance/export-shock", test_export_shock_withholds);
  g_test_add_func ("/lode/provenance/friendshoring", test_friendshoring);

  return g_test_run ();
}
