/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-economics.c — the economic principles the projection must keep, each named in its
 * test: markets clear, prices stay within the cost curve, money meets real limits,
 * investment never lowers China-free supply, the headline is over demand, the base year is
 * data, levers respond continuously and by their real mechanism, and shocks leave traces. */
#define G_LOG_DOMAIN "test-economics"

#include "config.h"

#include "model-test-util.h"

static LodeDataset *dataset;

static LodeProjection *
run_with (LodeScenario *sc)
{
  return run (dataset, sc);
}

static LodeProjection *
run_levers (const LodeLever *levers,
            const double    *values,
            guint            n)
{
  g_autoptr(LodeScenario) sc = new_scenario (dataset);

  for (guint i = 0; i < n; i++)
    set_lever (sc, levers[i], values[i]);
  return run_with (sc);
}

/* A fund of `size` $ bn a year put wholly into one kind (a stage or recycling). */
static LodeProjection *
run_fund_in (int    kind,
             double size)
{
  g_autoptr(LodeScenario) sc = new_scenario (dataset);
  double shares[LODE_N_ALLOC] = { 0 };
  g_autoptr(GError) error = NULL;

  shares[kind] = 100;
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, size);
  g_assert_true (lode_scenario_set_allocation (sc, shares, &error));
  g_assert_no_error (error);
  return run_with (sc);
}

static const LodeYear *
year_of (const LodeProjection *p,
         int                   year)
{
  const LodeYear *y = lode_projection_get_year (p, year);

  g_assert_nonnull (y);
  return y;
}

/* Market clears: without a restriction, what the world and the US want at the year's price
 * is what they get; a shortage shows as a higher price and demand given up, not as unmet
 * tonnes. (Within 1 %: the market clears on an estimate of the feed each separator can reach,
 * and routing ore can fall a little short of it.) */
static void
test_market_clears (void)
{
  const double growth[] = { 0, 2.5, 7.5, 15 };

  for (guint g = 0; g < G_N_ELEMENTS (growth); g++)
    {
      const LodeLever lever = LODE_LEVER_MARKET_DEMAND_GROWTH_PCT;
      g_autoptr(LodeProjection) p = run_levers (&lever, &growth[g], 1);

      for (int k = 0; k < p->n_years; k++)
        for (int m = 0; m < LODE_N_MATERIALS; m++)
          {
            const LodeChain *c = &p->years[k].chain[m];
            double us_demand = c->demand_t[dataset->us];

            if (c->world_shortfall_t > 0.01 * c->world_demand_t ||
                c->shortfall_t[dataset->us] > 0.01 * us_demand)
              g_error ("growth %.1f %%: %s in %d leaves %.0f t of %.0f unmet (US %.0f of %.0f)",
                       growth[g], lode_material_id ((LodeMaterial) m), p->years[k].year,
                       c->world_shortfall_t, c->world_demand_t, c->shortfall_t[dataset->us],
                       us_demand);
          }
    }
}

/* Prices stay within the cost curve: no demand path or fund drives NdPr below what the
 * cheapest producer's cost band allows, or above the choke price. */
static void
test_prices_within_cost_curve (void)
{
  const double growth[] = { 0, 2.5, 15 };
  const LodeMaterialData *nd = &dataset->material[LODE_MATERIAL_NDPR];
  double cheapest = G_MAXDOUBLE;
  double band = dataset->param[LODE_PARAM_COST_BAND].value;
  double choke = nd->price_2024.value * nd->choke_multiple.value;

  for (guint r = 0; r < dataset->n_regions; r++)
    if (dataset->regions[r].material[LODE_MATERIAL_NDPR].cash_cost.source != NULL)
      cheapest = MIN (cheapest,
                      dataset->regions[r].material[LODE_MATERIAL_NDPR].cash_cost.value);
  g_assert_cmpfloat (cheapest, <, G_MAXDOUBLE);

  for (guint g = 0; g <= G_N_ELEMENTS (growth); g++)
    {
      g_autoptr(LodeProjection) p = NULL;

      if (g < G_N_ELEMENTS (growth))
        {
          const LodeLever lever = LODE_LEVER_MARKET_DEMAND_GROWTH_PCT;

          p = run_levers (&lever, &growth[g], 1);
        }
      else
        p = run_fund_in (LODE_STAGE_MINE, 500);   /* the largest mine fund */

      for (int k = 1; k < p->n_years; k++)
        {
          const LodeChain *c = &p->years[k].chain[LODE_MATERIAL_NDPR];

          if (c->price_usd_kg < cheapest * (1 - band) || c->price_usd_kg > choke)
            g_error ("case %u: NdPr at %.1f $/kg in %d, outside %.1f–%.1f", g, c->price_usd_kg,
                     p->years[k].year, cheapest * (1 - band), choke);
        }
    }
}

/* Absorption bounded: a fund far larger than the pipeline can absorb builds what the stage
 * can build and reports the rest as unabsorbed, instead of fantasy capacity; mines stay
 * within the region's reserves. */
static void
test_absorption_bounded (void)
{
  const LodeChain *base_metal;
  g_autoptr(LodeProjection) base = run_fund_in (LODE_STAGE_METAL, 0);
  g_autoptr(LodeProjection) metal = run_fund_in (LODE_STAGE_METAL, 500);
  g_autoptr(LodeProjection) mines = run_fund_in (LODE_STAGE_MINE, 100);
  const LodeRegion *us = &dataset->regions[dataset->us];
  double world_metal_2024 = 0, us_mine_limit;

  base_metal = &year_of (base, 2024)->chain[LODE_MATERIAL_NDPR];
  for (guint r = 0; r < dataset->n_regions; r++)
    world_metal_2024 += base_metal->production[LODE_STAGE_METAL][r];

  /* $500 bn a year into metal: US metal capacity in 2035 stays below the whole world's 2024
   * output, and most of the money is reported unabsorbed. */
  g_assert_cmpfloat (year_of (metal, 2035)->chain[LODE_MATERIAL_NDPR]
                       .capacity[LODE_STAGE_METAL][dataset->us], <, world_metal_2024);
  g_assert_cmpfloat (year_of (metal, 2035)->fund_unabsorbed_cum_busd, >,
                     0.5 * year_of (metal, 2035)->public_spend_cum_busd);
  g_assert_cmpfloat (year_of (metal, 2030)->fund_unabsorbed_kind_busd[LODE_STAGE_METAL], >, 0);
  g_assert_cmpfloat (year_of (base, 2035)->fund_unabsorbed_cum_busd, ==, 0);

  /* $100 bn a year into mines: US mine capacity never passes what its reserves can feed
   * over a mine's life. */
  us_mine_limit = us->reserves_t.value / dataset->param[LODE_PARAM_MINE_LIFE_YEARS].value;
  for (int k = 0; k < mines->n_years; k++)
    g_assert_cmpfloat (mines->years[k].chain[LODE_MATERIAL_NDPR]
                         .capacity[LODE_STAGE_MINE][dataset->us], <=,
                       MAX (us_mine_limit, us->material[LODE_MATERIAL_NDPR]
                                             .capacity[LODE_STAGE_MINE].value) * (1 + 1e-9));
}

/* Monotone in investment: more money in any one stage, all else equal, never lowers the
 * China-free magnet tonnes reaching US use (beyond 0.1 %: more supply lowers the price, which
 * trims what high prices would have induced elsewhere, a real but second-order effect). */
static void
test_monotone_in_investment (void)
{
  const double sizes[] = { 0, 5, 10, 25, 50, 100 };
  const int years[] = { 2030, 2035, 2040 };

  for (int kind = 0; kind < LODE_N_ALLOC; kind++)
    {
      double last[G_N_ELEMENTS (years)] = { 0 };

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(LodeProjection) p = run_fund_in (kind, sizes[s]);

          for (guint i = 0; i < G_N_ELEMENTS (years); i++)
            {
              double t = year_of (p, years[i])->us_china_free_magnet_t;

              if (s > 0 && t < last[i])
                g_test_message ("kind %d $%.0f bn %d: %.2f t < %.2f t (%.2g)", kind, sizes[s],
                                years[i], t, last[i], (last[i] - t) / last[i]);
              if (s > 0 && t < last[i] - 1e-3 * MAX (1.0, last[i]))
                g_error ("kind %d: $%.0f bn gives %.1f t China-free in %d, $%.0f bn gave %.1f t",
                         kind, sizes[s], t, years[i], sizes[s - 1], last[i]);
              last[i] = t;
            }
        }
    }
}

/* Headline over demand: the share is China-free tonnes over US demand before the price
 * response, so faster demand growth or a ban cannot raise it by starving the US. */
static void
test_headline_over_demand (void)
{
  const LodeLever lever = LODE_LEVER_MARKET_DEMAND_GROWTH_PCT;
  const double slow = 5, fast = 12;
  g_autoptr(LodeProjection) p_slow = run_levers (&lever, &slow, 1);
  g_autoptr(LodeProjection) p_fast = run_levers (&lever, &fast, 1);
  g_autoptr(LodeScenario) ban = load_preset (dataset, "export-ban");
  g_autoptr(LodeProjection) p_ban = run_with (ban);

  for (int k = 0; k < p_ban->n_years; k++)
    {
      const LodeYear *y = &p_ban->years[k];

      g_assert_cmpfloat_with_epsilon (y->china_free_share_us_demand,
                                      y->us_china_free_magnet_t / y->us_demand_magnet_t, 1e-12);
      /* What the US receives is never more than it wanted. */
      g_assert_cmpfloat (y->us_supplied_magnet_t, <=, y->us_demand_magnet_t * (1 + 1e-9));
      g_assert_cmpfloat (y->china_free_share_us_demand, <=,
                         y->china_free_share_us_magnets + 1e-12);
    }
  for (int year = 2026; year <= 2040; year++)
    g_assert_cmpfloat (share_in (p_fast, year), <=, share_in (p_slow, year) + 1e-9);
}

/* Base year is data: no lever, at either end of its range, moves a 2024 figure. */
static void
test_base_year_fixed (void)
{
  g_autoptr(LodeScenario) sc = new_scenario (dataset);
  g_autoptr(LodeProjection) base = NULL;

  /* Only 2024 is compared: a one-year horizon keeps this fast under the sanitizers. */
  g_assert_true (lode_scenario_set_horizon (sc, LODE_SCENARIO_MIN_HORIZON, NULL));
  base = run_with (sc);
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    for (int end = 0; end < 2; end++)
      {
        const LodeLeverInfo *info = lode_lever_info ((LodeLever) i);
        g_autoptr(LodeScenario) moved = new_scenario (dataset);
        g_autoptr(LodeProjection) p = NULL;

        if (i >= LODE_LEVER_ALLOC_FIRST && i < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
          continue;   /* the split: test_monotone_in_investment moves it */
        g_assert_true (lode_scenario_set_horizon (moved, LODE_SCENARIO_MIN_HORIZON, NULL));
        set_lever (moved, (LodeLever) i, end ? info->max : info->min);
        p = run_with (moved);
        if (memcmp (&p->years[0], &base->years[0], sizeof (LodeYear)) != 0)
          g_error ("lever %s at %g changes the base year", info->id, end ? info->max : info->min);
      }
}

/* The headline of the Mine to Magnet preset in 2035 with one lever set. */
static double
headline_at (LodeLever lever,
             double    value)
{
  g_autoptr(LodeScenario) sc = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeProjection) p = NULL;

  g_assert_true (lode_scenario_set_horizon (sc, 2035, NULL));
  /* A lever counted in whole years (the loan term, the offtake's duration) takes whole
   * numbers: probe it where the model used to round a fraction to. */
  set_lever (sc, lever, lode_lever_is_whole (lever) ? round (value) : value);
  p = run_with (sc);
  return share_in (p, 2035);
}

/* Continuous levers: no cliff anywhere in a lever's range. A step that moves the headline
 * much is halved until the step is tiny; a continuous response then moves little, a cliff
 * still jumps (years and switches step by nature and are left out). */
static void
test_levers_continuous (void)
{
  const int steps = 12;
  const double jump = 0.02;

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) i);
      double last = NAN;

      if (info->is_year || info->is_switch ||
          (i >= LODE_LEVER_ALLOC_FIRST && i < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC) ||
          i == LODE_LEVER_SHOCK_DURATION_YEARS || i == LODE_LEVER_FUND_YEARS ||
          i == LODE_LEVER_POLICY_PRICE_FLOOR_YEARS)
        continue;
      for (int k = 0; k <= steps; k++)
        {
          double b = info->min + (info->max - info->min) * k / steps;
          double share = headline_at ((LodeLever) i, b);
          double a = b - (info->max - info->min) / steps, fa = last, fb = share;

          for (int halving = 0; k > 0 && fabs (fb - fa) > jump && halving < 24; halving++)
            {
              double mid = (a + b) / 2, fm = headline_at ((LodeLever) i, mid);

              /* Keep the half that holds the larger move. */
              if (fabs (fm - fa) >= fabs (fb - fm))
                b = mid, fb = fm;
              else
                a = mid, fa = fm;
            }
          if (k > 0 && fabs (fb - fa) > jump)
            g_error ("lever %s jumps from %.3f to %.3f between %g and %g", info->id, fa, fb,
                     a, b);
          last = share;
        }
    }
}

/* Shocks leave traces: a three-year restriction of the US, Japan and Europe (the Export Ban
 * preset) raises the price they pay and destroys demand while it lasts, and after it ends
 * the capacity it induced outside China is still there and the US gets more China-free
 * magnets than had it never happened. */
static void
test_shocks_leave_traces (void)
{
  g_autoptr(LodeScenario) calm = load_preset (dataset, "export-ban");
  g_autoptr(LodeScenario) hit = load_preset (dataset, "export-ban");
  g_autoptr(LodeProjection) base = NULL;
  g_autoptr(LodeProjection) shock = NULL;
  int start = (int) lode_scenario_get_lever (hit, LODE_LEVER_SHOCK_START_YEAR);
  int end = start + (int) lode_scenario_get_lever (hit, LODE_LEVER_SHOCK_DURATION_YEARS);
  double destroyed = 0, nonchina_base = 0, nonchina_shock = 0;

  set_lever (calm, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 0);
  base = run_with (calm);
  shock = run_with (hit);
  for (int year = start; year < end; year++)
    {
      const LodeChain *c = &year_of (shock, year)->chain[LODE_MATERIAL_NDPR];

      g_assert_cmpfloat (c->price_usd_kg, >,
                         1.5 * year_of (base, year)->chain[LODE_MATERIAL_NDPR].price_usd_kg);
      g_assert_cmpfloat (c->price_china_usd_kg, <=, c->price_usd_kg);
      destroyed += c->demand_destroyed_t;
    }
  g_assert_cmpfloat (destroyed, >, 0);

  for (guint r = 0; r < dataset->n_regions; r++)
    if (r != dataset->china)
      {
        nonchina_base += year_of (base, end + 3)->chain[LODE_MATERIAL_NDPR]
                           .capacity[LODE_STAGE_SEPARATION][r];
        nonchina_shock += year_of (shock, end + 3)->chain[LODE_MATERIAL_NDPR]
                            .capacity[LODE_STAGE_SEPARATION][r];
      }
  g_assert_cmpfloat (nonchina_shock, >, nonchina_base);
  for (int year = end; year <= end + 3; year++)
    g_assert_cmpfloat (year_of (shock, year)->us_china_free_magnet_t, >,
                       year_of (base, year)->us_china_free_magnet_t);
}

/* The price floor works through investment and use: projects that need it proceed, the
 * covered producer runs when the market price is below the floor, and it costs money only
 * then. The covered separators' own mine feeds them: once Mountain Pass idled to 45 % while
 * its floored separators bought Myanmar's ore, and the floor raised China's mining share. */
static void
test_price_floor_mechanism (void)
{
  const LodeLever lever = LODE_LEVER_POLICY_PRICE_FLOOR_YEARS;
  const double off = 0;
  g_autoptr(LodeProjection) without = run_levers (&lever, &off, 1);
  g_autoptr(LodeScenario) sc = new_scenario (dataset);
  g_autoptr(LodeProjection) with = run_with (sc);
  int us = dataset->us;

  g_assert_cmpfloat (year_of (with, 2030)->chain[LODE_MATERIAL_NDPR]
                       .production[LODE_STAGE_MAGNET][us], >,
                     year_of (without, 2030)->chain[LODE_MATERIAL_NDPR]
                       .production[LODE_STAGE_MAGNET][us]);
  g_assert_cmpfloat (year_of (with, 2030)->us_china_free_magnet_t, >,
                     year_of (without, 2030)->us_china_free_magnet_t);
  g_assert_cmpfloat (year_of (with, 2030)->chain[LODE_MATERIAL_NDPR]
                       .production[LODE_STAGE_MINE][us], >,
                     1.2 * year_of (without, 2030)->chain[LODE_MATERIAL_NDPR]
                             .production[LODE_STAGE_MINE][us]);
  g_assert_cmpfloat (year_of (with, 2030)->chain[LODE_MATERIAL_NDPR].china_share[LODE_STAGE_MINE],
                     <, year_of (without, 2030)->chain[LODE_MATERIAL_NDPR]
                          .china_share[LODE_STAGE_MINE]);
  g_assert_cmpfloat (year_of (with, 2030)->price_floor_cost_cum_busd, >, 0);
  g_assert_cmpfloat (year_of (without, 2030)->price_floor_cost_cum_busd, ==, 0);
  for (int k = 0; k < with->n_years; k++)
    {
      const LodeChain *c = &with->years[k].chain[LODE_MATERIAL_NDPR];

      if (c->price_usd_kg >= lode_scenario_get_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG))
        g_assert_cmpfloat (c->price_floor_cost_busd, ==, 0);
    }
}

/* The tariff acts through price: it raises revenue, leaves the US no shorter of magnets
 * than without it (it is not rationing), and moves purchases towards China-free supply; the
 * dearer magnets lower US use a little, which may trim China-free purchases by under 1 %. */
static void
test_tariff_through_price (void)
{
  const LodeLever lever = LODE_LEVER_POLICY_TARIFF_PCT;
  const double zero = 0, high = 100;
  g_autoptr(LodeProjection) without = run_levers (&lever, &zero, 1);
  g_autoptr(LodeProjection) with = run_levers (&lever, &high, 1);

  g_assert_cmpfloat (year_of (with, 2030)->tariff_revenue_busd, >, 0);
  g_assert_cmpfloat (year_of (without, 2030)->tariff_revenue_busd, ==, 0);
  for (int year = 2026; year <= 2040; year++)
    {
      const LodeYear *a = year_of (with, year), *b = year_of (without, year);

      g_assert_cmpfloat (a->us_shortfall_magnet_t, <=, b->us_shortfall_magnet_t + 1e-6 +
                         0.01 * b->us_demand_magnet_t);
      g_assert_cmpfloat (a->us_china_free_magnet_t, >=, 0.99 * b->us_china_free_magnet_t);
      if (year == 2032)
        g_assert_cmpfloat (a->china_free_share_us_magnets, >, b->china_free_share_us_magnets);
    }
}

/* Permitting reform moves announced projects not yet built, so it acts with no fund; and
 * no cut brings new output before the physical minimum lead time. */
static void
test_permitting_reform (void)
{
  const LodeLever levers[] = { LODE_LEVER_FUND_SIZE_BUSD, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS };
  const double none[] = { 0, 0 }, cut[] = { 0, 3 };
  g_autoptr(LodeProjection) slow = run_levers (levers, none, 2);
  g_autoptr(LodeProjection) fast = run_levers (levers, cut, 2);
  gboolean earlier = FALSE;

  for (int year = 2026; year <= 2035; year++)
    {
      double a = year_of (fast, year)->us_china_free_magnet_t;
      double b = year_of (slow, year)->us_china_free_magnet_t;

      g_assert_cmpfloat (a, >=, b * (1 - 1e-3));   /* less a price effect, as above */
      earlier |= a > b + 1;
    }
  g_assert_true (earlier);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = load_dataset ();
  g_test_add_func ("/lode/economics/market-clears", test_market_clears);
  g_test_add_func ("/lode/economics/prices-within-cost-curve", test_prices_within_cost_curve);
  g_test_add_func ("/lode/economics/absorption-bounded", test_absorption_bounded);
  g_test_add_func ("/lode/economics/monotone-in-investment", test_monotone_in_investment);
  g_test_add_func ("/lode/economics/headline-over-demand", test_headline_over_demand);
  g_test_add_func ("/lode/economics/base-year-fixed", test_base_year_fixed);
  g_test_add_func ("/lode/economics/levers-continuous", test_levers_continuous);
  g_test_add_func ("/lode/economics/shocks-leave-traces", test_shocks_leave_traces);
  g_test_add_func ("/lode/economics/price-floor-mechanism", test_price_floor_mechanism);
  g_test_add_func ("/lode/economics/tariff-through-price", test_tariff_through_price);
  g_test_add_func ("/lode/economics/permitting-reform", test_permitting_reform);
  status = g_test_run ();
  lode_dataset_unref (dataset);
  return status;
}
