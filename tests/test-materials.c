/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-materials.c — the heavy rare earths and samarium under the 2025 export controls: the
 * April controls lift the Dy + Tb price outside China and leave China's behind, cut the
 * joint China-free share and the defence need met; money for heavy separation and
 * grain-boundary diffusion raise the joint figure; the switches choose what a restriction
 * covers; every chain still balances. */
#define G_LOG_DOMAIN "test-materials"

#include "config.h"

#include "model-test-util.h"

static LodeDataset *dataset;

static const LodeChain *
heavy_in (const LodeProjection *p,
          int                   year)
{
  return &lode_projection_get_year (p, year)->chain[LODE_MATERIAL_HEAVY];
}

/* reference heavy-rare-earths §1d, §4: in 2025 European Dy and Tb quotes rose three- to
 * fourfold while Chinese prices stayed flat or fell; magnet exports fell 74 % in May. */
static void
test_april_2025 (void)
{
  g_autoptr(LodeScenario) base = load_preset (dataset, "baseline");
  g_autoptr(LodeScenario) april = load_preset (dataset, "controls-april-2025");
  g_autoptr(LodeProjection) p_base = run (dataset, base);
  g_autoptr(LodeProjection) p_april = run (dataset, april);

  check_balance (p_april);
  for (int year = 2025; year <= 2026; year++)
    {
      const LodeYear *b = lode_projection_get_year (p_base, year);
      const LodeYear *a = lode_projection_get_year (p_april, year);

      g_test_message ("%d: Dy+Tb outside %.0f (baseline %.0f), China %.0f; joint %.3f (%.3f); "
                      "defence %.3f (%.3f)", year, heavy_in (p_april, year)->price_usd_kg,
                      heavy_in (p_base, year)->price_usd_kg,
                      heavy_in (p_april, year)->price_china_usd_kg,
                      a->china_free_share_us_demand, b->china_free_share_us_demand,
                      a->us_defence_need_met_share, b->us_defence_need_met_share);
      g_assert_cmpfloat (heavy_in (p_april, year)->price_usd_kg, >,
                         1.4 * heavy_in (p_base, year)->price_usd_kg);
      g_assert_cmpfloat (heavy_in (p_april, year)->price_china_usd_kg, <=,
                         heavy_in (p_base, year)->price_china_usd_kg);
      g_assert_cmpfloat (a->china_free_share_us_demand, <, b->china_free_share_us_demand);
      g_assert_cmpfloat (a->us_defence_need_met_share, <, b->us_defence_need_met_share);
      /* NdPr itself is not controlled: its price does not move with the restriction. */
      g_assert_cmpfloat (fabs (a->chain[LODE_MATERIAL_NDPR].price_usd_kg -
                               b->chain[LODE_MATERIAL_NDPR].price_usd_kg), <,
                         0.05 * b->chain[LODE_MATERIAL_NDPR].price_usd_kg);
    }
}

/* The April controls spare NdPr but cover NdFeB magnets that carry Dy + Tb: China licenses
 * only part of the Dy/Tb-grade magnets it would send the US, the US goes shorter of
 * magnets, and NdPr, traded freely, keeps its price (within 1 %: the Dy + Tb market
 * still moves what magnets cost). Once the magnets went on as if
 * uncontrolled whenever NdPr itself was not covered. */
static void
test_heavy_grade_magnets_rationed (void)
{
  g_autoptr(LodeScenario) april = load_preset (dataset, "controls-april-2025");
  g_autoptr(LodeScenario) spared = load_preset (dataset, "controls-april-2025");
  g_autoptr(LodeProjection) p_april = NULL;
  g_autoptr(LodeProjection) p_spared = NULL;
  const guint cn = dataset->china, us = dataset->us;

  set_lever (spared, LODE_LEVER_SHOCK_MAGNETS, 0);
  p_april = run (dataset, april);
  p_spared = run (dataset, spared);
  check_balance (p_april);
  for (int year = 2025; year <= 2026; year++)
    {
      const LodeYear *a = lode_projection_get_year (p_april, year);
      const LodeYear *s = lode_projection_get_year (p_spared, year);
      const LodeChain *a_nd = &a->chain[LODE_MATERIAL_NDPR], *s_nd = &s->chain[LODE_MATERIAL_NDPR];
      double cut = heavy_in (p_april, year)->withheld_share * a->us_heavy_grade_share;

      g_test_message ("%d: China's NdFeB to the US %.0f t ox (spared %.0f), cut %.3f; "
                      "US short %.0f t (%.0f)", year, a_nd->flow_ox[LODE_STAGE_MAGNET][cn][us],
                      s_nd->flow_ox[LODE_STAGE_MAGNET][cn][us], cut, a_nd->shortfall_t[us],
                      s_nd->shortfall_t[us]);
      g_assert_cmpfloat (cut, >, 0.05);
      g_assert_cmpfloat (a_nd->flow_ox[LODE_STAGE_MAGNET][cn][us], <=,
                         (1 - 0.9 * cut) * s_nd->flow_ox[LODE_STAGE_MAGNET][cn][us]);
      /* The magnets withheld are the Dy/Tb grades: the Dy + Tb China sends the US falls by
       * the restriction's whole share, not by its share of the magnets, so each tonne of
       * them carries less than China's own. */
      {
        const LodeChain *hv = heavy_in (p_april, year);
        double w_h = hv->withheld_share;
        double to_us = hv->flow_ox[LODE_STAGE_MAGNET][cn][us] /
                       a_nd->flow_ox[LODE_STAGE_MAGNET][cn][us];
        double at_home = hv->flow_ox[LODE_STAGE_MAGNET][cn][cn] /
                         a_nd->flow_ox[LODE_STAGE_MAGNET][cn][cn];

        g_assert_cmpfloat (fabs (to_us / at_home - (1 - w_h) / (1 - cut)), <, 1e-9);
      }
      g_assert_cmpfloat (a_nd->shortfall_t[us], >, s_nd->shortfall_t[us] + 100);
      g_assert_cmpfloat (a_nd->withheld_share, ==, 0);
      g_assert_cmpfloat (fabs (a_nd->price_usd_kg - s_nd->price_usd_kg), <=,
                         0.01 * s_nd->price_usd_kg);
    }

  /* A US stockpile does not buy the licensed magnets away from US users. */
  {
    g_autoptr(LodeProjection) p_stock = NULL;

    set_lever (april, LODE_LEVER_POLICY_STOCKPILE_MONTHS, 6);
    set_lever (april, LODE_LEVER_POLICY_STOCKPILE_START_YEAR, 2025);
    p_stock = run (dataset, april);
    for (int year = 2025; year <= 2026; year++)
      g_assert_cmpfloat (lode_projection_get_year (p_stock, year)->us_shortfall_magnet_t, <=,
                         lode_projection_get_year (p_april, year)->us_shortfall_magnet_t + 1);
  }
}

/* The deepest controls, everything withheld and a year's licensing on the rest, stay
 * physical: every chain balances and no region uses a negative tonnage. Once a region that
 * received less than the stocks it was rebuilding used a negative amount of samarium. */
static void
test_deep_controls_stay_physical (void)
{
  g_autoptr(LodeScenario) deep = load_preset (dataset, "controls-april-2025");
  g_autoptr(LodeProjection) p = NULL;

  set_lever (deep, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 100);
  set_lever (deep, LODE_LEVER_SHOCK_LICENCE_DELAY_MONTHS, 12);
  p = run (dataset, deep);
  check_balance (p);
}

/* A preset opens on the chain its notes tell of: the controls spare NdPr, so they open on
 * Dy + Tb, where their price chart shows the outside price leaving China's in the selected
 * year; the other presets open on NdPr. */
static void
test_controls_open_on_heavy (void)
{
  const char * const *ids = lode_scenario_preset_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(LodeScenario) preset = load_preset (dataset, ids[i]);
      gboolean controls = g_str_has_prefix (ids[i], "controls-");

      g_assert_cmpstr (lode_scenario_get_material (preset), ==, controls ? "heavy" : "ndpr");
      if (controls)
        {
          g_autoptr(LodeProjection) p = run (dataset, preset);
          const LodeChain *heavy = heavy_in (p, lode_scenario_get_selected_year (preset));

          g_assert_cmpfloat (heavy->price_usd_kg, >, 1.2 * heavy->price_china_usd_kg);
        }
    }
}

/* The October rule reaches China-touched output made elsewhere: with it the outside Dy + Tb
 * price is no lower, and the restriction covers only what its switches say. */
static void
test_october_2025_and_switches (void)
{
  g_autoptr(LodeScenario) with_rule = load_preset (dataset, "controls-october-2025");
  g_autoptr(LodeScenario) without = load_preset (dataset, "controls-october-2025");
  g_autoptr(LodeScenario) no_heavy = load_preset (dataset, "controls-october-2025");
  g_autoptr(LodeProjection) p_with = NULL;
  g_autoptr(LodeProjection) p_without = NULL;
  g_autoptr(LodeProjection) p_no_heavy = NULL;

  set_lever (without, LODE_LEVER_SHOCK_EXTRATERRITORIAL, 0);
  set_lever (no_heavy, LODE_LEVER_SHOCK_HEAVY, 0);
  set_lever (no_heavy, LODE_LEVER_SHOCK_MAGNETS, 0);
  p_with = run (dataset, with_rule);
  p_without = run (dataset, without);
  p_no_heavy = run (dataset, no_heavy);
  check_balance (p_with);
  for (int year = 2026; year <= 2028; year++)
    {
      g_assert_cmpfloat (heavy_in (p_with, year)->price_usd_kg, >=,
                         heavy_in (p_without, year)->price_usd_kg * (1 - 1e-9));
      g_assert_cmpfloat (heavy_in (p_with, year)->withheld_share, >, 0);
      g_assert_cmpfloat (heavy_in (p_no_heavy, year)->withheld_share, ==, 0);
      g_assert_cmpfloat (lode_projection_get_year (p_with, year)->chain[LODE_MATERIAL_NDPR]
                           .withheld_share, ==, 0);
    }
}

/* The parts do not contradict the whole: where every magnet US users demand is jointly
 * China-free (Mine to Magnet from 2031), its NdPr and its Dy + Tb are China-free too. The
 * Dy + Tb part once read 96 % there, against Dy + Tb demand before thrift, while the joint
 * figure counted magnets. */
static void
test_parts_agree_with_joint (void)
{
  g_autoptr(LodeScenario) plan = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeProjection) p = run (dataset, plan);
  guint whole_years = 0;

  for (int year = 2026; year <= 2040; year++)
    {
      const LodeYear *y = lode_projection_get_year (p, year);

      if (y->china_free_share_us_demand < 1 - 1e-9)
        continue;
      whole_years++;
      g_test_message ("%d: joint %.4f, NdPr %.4f, Dy + Tb %.4f", year,
                      y->china_free_share_us_demand, y->china_free_share_us_demand_ndpr,
                      y->china_free_share_us_demand_heavy);
      g_assert_cmpfloat (y->china_free_share_us_demand_ndpr, >=, 1 - 1e-6);
      g_assert_cmpfloat (y->china_free_share_us_demand_heavy, >=, 1 - 1e-6);
    }
  g_assert_cmpuint (whole_years, >=, 5);
}

/* Money for Dy + Tb and diffusion raise the joint China-free share: without China-free
 * Dy + Tb, half of the NdFeB magnets cannot count however China-free their NdPr. */
static void
test_heavy_money_and_diffusion (void)
{
  g_autoptr(LodeScenario) plain = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeScenario) heavy = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeScenario) diffused = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeProjection) p_plain = NULL;
  g_autoptr(LodeProjection) p_heavy = NULL;
  g_autoptr(LodeProjection) p_diffused = NULL;

  set_lever (plain, LODE_LEVER_FUND_HEAVY_SHARE_PCT, 0);
  set_lever (heavy, LODE_LEVER_FUND_HEAVY_SHARE_PCT, 25);
  set_lever (diffused, LODE_LEVER_FUND_HEAVY_SHARE_PCT, 0);
  set_lever (diffused, LODE_LEVER_MATERIALS_GBD_EXTRA_PCT, 60);
  p_plain = run (dataset, plain);
  p_heavy = run (dataset, heavy);
  p_diffused = run (dataset, diffused);
  check_balance (p_heavy);
  g_test_message ("joint 2030: plain %.3f, Dy+Tb money %.3f, diffusion %.3f",
                  share_in (p_plain, 2030), share_in (p_heavy, 2030),
                  share_in (p_diffused, 2030));
  g_assert_cmpfloat (share_in (p_heavy, 2030), >, share_in (p_plain, 2030));
  g_assert_cmpfloat (share_in (p_diffused, 2030), >, share_in (p_plain, 2030));
  g_assert_cmpfloat (lode_projection_get_year (p_heavy, 2030)->china_free_share_us_demand_heavy,
                     >,
                     lode_projection_get_year (p_plain, 2030)->china_free_share_us_demand_heavy);
}

/* Defence first: China-free magnets serve defence before anyone else. */
static void
test_defence_first (void)
{
  g_autoptr(LodeScenario) shared = load_preset (dataset, "allied-partnership");
  g_autoptr(LodeScenario) first = load_preset (dataset, "allied-partnership");
  g_autoptr(LodeProjection) p_shared = NULL;
  g_autoptr(LodeProjection) p_first = NULL;

  set_lever (first, LODE_LEVER_POLICY_DEFENCE_FIRST, 1);
  p_shared = run (dataset, shared);
  p_first = run (dataset, first);
  for (int year = 2026; year <= 2035; year++)
    {
      const LodeYear *a = lode_projection_get_year (p_first, year);
      const LodeYear *b = lode_projection_get_year (p_shared, year);

      g_assert_cmpfloat (a->us_defence_need_met_share, >=, b->us_defence_need_met_share);
      g_assert_cmpfloat (a->us_defence_met_t, <=, a->us_china_free_magnet_t + 1e-9);
      /* The switch reorders who gets the magnets; it makes no more of them. */
      g_assert_cmpfloat_with_epsilon (a->us_china_free_magnet_t, b->us_china_free_magnet_t,
                                      1e-6 * MAX (1.0, b->us_china_free_magnet_t));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = load_dataset ();
  g_test_add_func ("/lode/materials/april-2025", test_april_2025);
  g_test_add_func ("/lode/materials/heavy-grade-magnets-rationed",
                   test_heavy_grade_magnets_rationed);
  g_test_add_func ("/lode/materials/deep-controls-stay-physical",
                   test_deep_controls_stay_physical);
  g_test_add_func ("/lode/materials/october-2025-and-switches", test_october_2025_and_switches);
  g_test_add_func ("/lode/materials/controls-open-on-heavy", test_controls_open_on_heavy);
  g_test_add_func ("/lode/materials/parts-agree-with-joint", test_parts_agree_with_joint);
  g_test_add_func ("/lode/materials/heavy-money-and-diffusion", test_heavy_money_and_diffusion);
  g_test_add_func ("/lode/materials/defence-first", test_defence_first);
  status = g_test_run ();
  lode_dataset_unref (dataset);
  return status;
}
