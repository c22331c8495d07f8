/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-projection.c — the projection model on the reference dataset: the base year reproduces
 * the data for every material whatever the levers, every chain balances, bad input is
 * refused, runs are deterministic and independent of the locale. The economic principles are
 * in test-economics.c, the materials' stories in test-materials.c. */
#define G_LOG_DOMAIN "test-projection"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lode-figures.h"
#include "model-test-util.h"

/* Reference §8a: China 69 % / ~91 % / ~92 % / ~92 % of mining, separation, metal and magnets
 * in 2024, world mining 390 kt REO, ~233 kt of magnets made. */
static void
test_calibration_ndpr (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  const LodeYear *y = lode_projection_get_year (p, 2024);
  const LodeChain *c = &y->chain[LODE_MATERIAL_NDPR];

  g_test_message ("2024 NdPr China shares: mine %.4f separation %.4f metal %.4f magnet %.4f; "
                  "US China-free %.4f", c->china_share[LODE_STAGE_MINE],
                  c->china_share[LODE_STAGE_SEPARATION], c->china_share[LODE_STAGE_METAL],
                  c->china_share[LODE_STAGE_MAGNET], y->china_free_share_us_demand);
  g_assert_cmpfloat_with_epsilon (c->china_share[LODE_STAGE_MINE], 0.69, 0.02);
  g_assert_cmpfloat_with_epsilon (c->china_share[LODE_STAGE_SEPARATION], 0.91, 0.02);
  g_assert_cmpfloat_with_epsilon (c->china_share[LODE_STAGE_METAL], 0.92, 0.02);
  g_assert_cmpfloat_with_epsilon (c->china_share[LODE_STAGE_MAGNET], 0.92, 0.02);
  g_assert_cmpfloat_with_epsilon (c->world_production[LODE_STAGE_MINE], 390000, 1000);
  g_assert_cmpfloat_with_epsilon (c->world_production[LODE_STAGE_MAGNET], 233000, 2000);
  g_assert_cmpfloat_with_epsilon (c->price_usd_kg, 56, 1e-9);

  /* The base year's US magnets: 88 % Chinese (US-IMP) and Japanese and Vietnamese magnets made
   * largely from Chinese oxide and metal, so only a few per cent are China-free — far below
   * the 27.5 % the first model showed. */
  g_assert_cmpfloat (y->china_free_share_us_demand, >, 0.0);
  g_assert_cmpfloat (y->china_free_share_us_demand, <, 0.08);
  g_assert_cmpfloat_with_epsilon (y->us_demand_magnet_t,
                                  ds->regions[ds->us].material[LODE_MATERIAL_NDPR].demand_t.value +
                                  ds->regions[ds->us].material[LODE_MATERIAL_SM].demand_t.value,
                                  1e-6);
}

/* heavy-rare-earths §1: world Dy + Tb 3,100–3,600 t, China ~99.9 % of separation and >95 % of
 * metal, Myanmar 40–50 % of mining; Dy 260 and Tb 810 $/kg in 2024. */
static void
test_calibration_heavy (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  const LodeChain *c = &lode_projection_get_year (p, 2024)->chain[LODE_MATERIAL_HEAVY];
  int mm = lode_dataset_region_index (ds, "MM");

  g_assert_cmpint (mm, >=, 0);
  g_assert_cmpfloat (c->world_production[LODE_STAGE_SEPARATION], >=, 3100);
  g_assert_cmpfloat (c->world_production[LODE_STAGE_SEPARATION], <=, 3600);
  g_assert_cmpfloat (c->china_share[LODE_STAGE_SEPARATION], >=, 0.99);
  /* ">95 %" is an estimate; the dataset's plants give 95.0 % and recycled alloy made
   * elsewhere takes a few tonnes off it. */
  g_assert_cmpfloat (c->china_share[LODE_STAGE_METAL], >=, 0.945);
  g_assert_cmpfloat (c->production[LODE_STAGE_MINE][mm] / c->world_production[LODE_STAGE_MINE],
                     >=, 0.40);
  g_assert_cmpfloat (c->production[LODE_STAGE_MINE][mm] / c->world_production[LODE_STAGE_MINE],
                     <=, 0.50);
  g_assert_cmpfloat (c->price_usd_kg, >=, 260);
  g_assert_cmpfloat (c->price_usd_kg, <=, 810);
  /* No Dy + Tb was separated outside China in 2024: none of it reaches the US China-free. */
  g_assert_cmpfloat (lode_projection_get_year (p, 2024)->china_free_share_us_demand_heavy, <,
                     0.01);
}

/* heavy-rare-earths §3: world SmCo 2,700–3,500 t with China 80–90 %; China separates 85–95 %
 * of the samarium. */
static void
test_calibration_sm (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  const LodeChain *c = &lode_projection_get_year (p, 2024)->chain[LODE_MATERIAL_SM];

  g_assert_cmpfloat (c->world_production[LODE_STAGE_MAGNET], >=, 2700);
  g_assert_cmpfloat (c->world_production[LODE_STAGE_MAGNET], <=, 3500);
  g_assert_cmpfloat (c->china_share[LODE_STAGE_MAGNET], >=, 0.80);
  g_assert_cmpfloat (c->china_share[LODE_STAGE_MAGNET], <=, 0.90);
  g_assert_cmpfloat (c->china_share[LODE_STAGE_SEPARATION], >=, 0.85);
  g_assert_cmpfloat (c->china_share[LODE_STAGE_SEPARATION], <=, 0.95);
}

/* Principle: the base year is the dataset's. Levers act from their start years, so however
 * they are set, 2024 is the same to the bit. */
static void
test_base_year_fixed (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeScenario) pushed = new_scenario (ds);
  g_autoptr(LodeProjection) a = NULL, b = NULL;

  set_lever (pushed, LODE_LEVER_FUND_SIZE_BUSD, 200);
  set_lever (pushed, LODE_LEVER_PARTNERS_FRIENDSHORING, 1);
  set_lever (pushed, LODE_LEVER_POLICY_TARIFF_PCT, 200);
  set_lever (pushed, LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR, 2024);
  set_lever (pushed, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 300);
  set_lever (pushed, LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT, -5);
  set_lever (pushed, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 15);
  set_lever (pushed, LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS, 0);
  set_lever (pushed, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS, 8);
  set_lever (pushed, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 100);
  set_lever (pushed, LODE_LEVER_SHOCK_START_YEAR, 2025);
  set_lever (pushed, LODE_LEVER_MATERIALS_HEAVY_FREE_PCT, 100);
  set_lever (pushed, LODE_LEVER_POLICY_STOCKPILE_MONTHS, 24);
  a = run (ds, sc);
  b = run (ds, pushed);

  g_assert_cmpmem (&a->years[0], sizeof (LodeYear), &b->years[0], sizeof (LodeYear));
  /* ... and the levers do act after it. */
  g_assert_true (memcmp (&a->years[1], &b->years[1], sizeof (LodeYear)) != 0);
}

static void
test_mass_balance (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);

  {
    g_autoptr(LodeProjection) p = run (ds, sc);

    check_balance (p);
  }

  /* A busy scenario: a big fund with co-investment and Dy + Tb and Sm shares, recycling, a
   * restriction with the extraterritorial rule, a stockpile, a high floor, fast demand. */
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 80);
  set_lever (sc, LODE_LEVER_FUND_HEAVY_SHARE_PCT, 20);
  set_lever (sc, LODE_LEVER_FUND_SM_SHARE_PCT, 10);
  set_lever (sc, LODE_LEVER_PARTNERS_COINVEST_PCT, 30);
  set_lever (sc, LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT, 40);
  set_lever (sc, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 70);
  set_lever (sc, LODE_LEVER_SHOCK_START_YEAR, 2030);
  set_lever (sc, LODE_LEVER_SHOCK_DURATION_YEARS, 4);
  set_lever (sc, LODE_LEVER_SHOCK_EXTRATERRITORIAL, 1);
  set_lever (sc, LODE_LEVER_SHOCK_LICENCE_DELAY_MONTHS, 3);
  set_lever (sc, LODE_LEVER_POLICY_STOCKPILE_MONTHS, 6);
  set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 150);
  set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 12);
  set_lever (sc, LODE_LEVER_MATERIALS_GBD_EXTRA_PCT, 50);
  {
    g_autoptr(LodeProjection) p = run (ds, sc);

    check_balance (p);
  }
}

static void
test_bad_input (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeDataset) other = lode_dataset_new_empty ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(GError) error = NULL;
  LodeProjection *p;

  /* The scenario refuses a horizon beyond the model's; the model never sees one. */
  g_assert_false (lode_scenario_set_horizon (sc, LODE_MAX_HORIZON + 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (lode_scenario_get_horizon (sc), ==, TEST_HORIZON);

  /* A scenario made for another dataset (different regions) is rejected. */
  other->base_year = LODE_BASE_YEAR;
  other->n_regions = 2;
  other->regions[0].id = g_strdup ("CN");
  other->regions[1].id = g_strdup ("US");
  other->us = 1;
  {
    g_autoptr(LodeScenario) foreign = lode_scenario_new (other);

    p = lode_projection_run (ds, foreign, &error);
    g_assert_null (p);
    g_assert_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO);
    g_clear_error (&error);

    /* A dataset the model cannot use (conversion factors missing) is rejected too. */
    p = lode_projection_run (other, foreign, &error);
    g_assert_null (p);
    g_assert_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_DATASET);
    g_clear_error (&error);
  }

  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->horizon, ==, TEST_HORIZON);
  g_assert_cmpint (p->n_years, ==, TEST_HORIZON - LODE_BASE_YEAR + 1);
  g_assert_null (lode_projection_get_year (p, TEST_HORIZON + 1));
  g_assert_null (lode_projection_get_year (p, LODE_BASE_YEAR - 1));
  lode_projection_unref (p);
}

static void
test_determinism (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeScenario) other = new_scenario (ds);
  g_autoptr(LodeProjection) a = NULL, b = NULL, c = NULL;

  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 30);
  set_lever (sc, LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS, 2.3);
  set_lever (other, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 100);
  a = run (ds, sc);
  c = run (ds, other);   /* a different run in between leaves nothing behind */
  b = run (ds, sc);

  g_assert_cmpint (a->n_years, ==, b->n_years);
  g_assert_cmpmem (a->years, a->n_years * sizeof (LodeYear),
                   b->years, b->n_years * sizeof (LodeYear));
  g_assert_true (memcmp (a->years, c->years, a->n_years * sizeof (LodeYear)) != 0);

  /* The boxed type copies by reference. */
  {
    LodeProjection *copy = g_boxed_copy (LODE_TYPE_PROJECTION, a);

    g_assert_true (copy == a);
    g_boxed_free (LODE_TYPE_PROJECTION, copy);
  }
}

static void
test_locale (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) a = NULL, b = NULL;
  g_autoptr(GString) text_c = g_string_new (NULL);
  g_autoptr(GString) text_l = g_string_new (NULL);
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
  const char *used = NULL;

  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 12.5);
  a = run (ds, sc);
  lode_figures_write_summary (a, LODE_MATERIAL_NDPR, text_c);

  for (guint i = 0; i < G_N_ELEMENTS (locales) && used == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      used = locales[i];
  g_test_message ("numeric locale: %s", used ? used : "C only");

  b = run (ds, sc);
  lode_figures_write_summary (b, LODE_MATERIAL_NDPR, text_l);
  setlocale (LC_NUMERIC, "C");

  /* The same bits and the same text whatever the locale; numbers use a dot. */
  g_assert_cmpmem (a->years, a->n_years * sizeof (LodeYear),
                   b->years, b->n_years * sizeof (LodeYear));
  g_assert_cmpstr (text_c->str, ==, text_l->str);
  g_assert_nonnull (strstr (text_c->str, "china_share.mine.2024: 0."));
}

static void
test_empty_and_first_year (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeProjection) p = lode_projection_new_empty (ds, 2030);

  g_assert_cmpint (p->n_years, ==, 7);
  g_assert_true (lode_projection_get_dataset (p) == ds);
  for (int k = 0; k < p->n_years; k++)
    g_assert_cmpint (p->years[k].year, ==, 2024 + k);
  g_assert_cmpint (lode_projection_first_year_reaching (p, 0.5), ==, 0);
  p->years[4].china_free_share_us_demand = 0.6;
  p->years[5].china_free_share_us_demand = 0.4;
  p->years[6].china_free_share_us_demand = 0.7;
  /* The target year reads the share of demand, never the share of what arrived. */
  p->years[3].china_free_share_us_magnets = 0.9;
  g_assert_cmpint (lode_projection_first_year_reaching (p, 0.5), ==, 2028);
  g_assert_cmpint (lode_projection_first_year_reaching (p, 0.65), ==, 2030);
  g_assert_true (lode_projection_get_last_year (p) == &p->years[6]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/projection/calibration-ndpr", test_calibration_ndpr);
  g_test_add_func ("/lode/projection/calibration-heavy", test_calibration_heavy);
  g_test_add_func ("/lode/projection/calibration-sm", test_calibration_sm);
  g_test_add_func ("/lode/projection/base-year-fixed", test_base_year_fixed);
  g_test_add_func ("/lode/projection/mass-balance", test_mass_balance);
  g_test_add_func ("/lode/projection/bad-input", test_bad_input);
  g_test_add_func ("/lode/projection/determinism", test_determinism);
  g_test_add_func ("/lode/projection/locale", test_locale);
  g_test_add_func ("/lode/projection/empty-and-first-year", test_empty_and_first_year);

  return g_test_run ();
}
