/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fund.c — the fund as an investor: every dollar out and in is accounted for, grants
 * are pure cost, equity in projects that never earn is lost, loans to projects that earn are
 * repaid, a price collapse raises what the floor and the guarantees cost, and the defaults
 * reproduce the Department of Defense agreement with MP Materials. */
#define G_LOG_DOMAIN "test-fund"

#include "config.h"

#include "model-test-util.h"

static LodeDataset *dataset;

/* A fund of `size` $ bn over five years from 2026, all in one kind, with no floor, no
 * offtake and no partners unless the caller sets them. */
static LodeScenario *
fund_scenario (int    kind,
               double size)
{
  LodeScenario *sc = new_scenario (dataset);
  double shares[LODE_N_ALLOC] = { 0 };

  shares[kind] = 100;
  g_assert_true (lode_scenario_set_allocation (sc, shares, NULL));
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, size);
  set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_YEARS, 0);
  set_lever (sc, LODE_LEVER_POLICY_OFFTAKE_YEARS, 0);
  set_lever (sc, LODE_LEVER_PARTNERS_FUND_AU_BUSD, 0);
  return sc;
}

static double
sum_in (const LodeYear *y)
{
  double sum = 0;

  for (int i = 0; i < LODE_N_FUND_IN; i++)
    sum += y->fund_in_busd[i];
  return sum;
}

static double
sum_out (const LodeYear *y)
{
  double sum = 0;

  for (int o = 0; o < LODE_N_FUND_OUT; o++)
    sum += y->fund_out_busd[o];
  return sum;
}

/* Cash flows balance: what the fund puts into projects is what the stages absorbed, the net
 * is in less out, the cumulative net adds up, and the NPV is the discounted net. */
static void
test_cash_flows_balance (void)
{
  g_autoptr(LodeScenario) sc = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeProjection) p = NULL;
  double cum = 0, npv = 0;

  for (int k = 0; k < LODE_N_ALLOC; k++)
    {
      set_lever (sc, LODE_LEVER_EQUITY_FIRST + k, 30);
      set_lever (sc, LODE_LEVER_LOAN_FIRST + k, 20);
    }
  p = run (dataset, sc);
  for (int k = 0; k < p->n_years; k++)
    {
      const LodeYear *y = &p->years[k];
      double invested = y->fund_out_busd[LODE_FUND_OUT_GRANTS] +
                        y->fund_out_busd[LODE_FUND_OUT_EQUITY] +
                        y->fund_out_busd[LODE_FUND_OUT_LOANS];

      g_assert_cmpfloat_with_epsilon (invested, y->public_spend_busd, 1e-9);
      if (y->public_spend_busd > 0)
        {
          g_assert_cmpfloat_with_epsilon (y->fund_out_busd[LODE_FUND_OUT_EQUITY],
                                          0.3 * y->public_spend_busd, 1e-9);
          g_assert_cmpfloat_with_epsilon (y->fund_out_busd[LODE_FUND_OUT_LOANS],
                                          0.2 * y->public_spend_busd, 1e-9);
        }
      g_assert_cmpfloat_with_epsilon (y->fund_out_busd[LODE_FUND_OUT_FLOOR],
                                      y->price_floor_cost_busd, 1e-12);
      g_assert_cmpfloat_with_epsilon (y->fund_net_busd, sum_in (y) - sum_out (y), 1e-12);
      cum += y->fund_net_busd;
      g_assert_cmpfloat_with_epsilon (y->fund_net_cum_busd, cum, 1e-9);
      npv += y->fund_net_busd / pow (1 + p->fund.discount_rate, k);
      for (int i = 0; i < LODE_N_FUND_IN; i++)
        g_assert_cmpfloat (y->fund_in_busd[i], >=, 0);
    }
  g_assert_cmpfloat_with_epsilon (p->fund.npv_busd, npv, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->fund.net_fiscal_cost_busd, -cum, 1e-9);
  g_assert_cmpfloat (p->years[p->n_years - 1].fund_in_busd[LODE_FUND_IN_EXIT_VALUE], >, 0);
}

/* A grants-only fund's NPV is minus its discounted grants, and it costs this much per
 * China-free tonne. */
static void
test_grants_only (void)
{
  g_autoptr(LodeScenario) sc = fund_scenario (LODE_STAGE_SEPARATION, 10);
  g_autoptr(LodeProjection) p = run (dataset, sc);
  double grants = 0;

  for (int k = 0; k < p->n_years; k++)
    {
      const LodeYear *y = &p->years[k];

      g_assert_cmpfloat (sum_in (y), ==, 0);
      grants += y->fund_out_busd[LODE_FUND_OUT_GRANTS] / pow (1 + p->fund.discount_rate, k);
    }
  g_assert_cmpfloat (grants, >, 5);
  g_assert_cmpfloat_with_epsilon (p->fund.npv_busd, -grants, 1e-9);
  g_assert_true (isnan (p->fund.irr));
  g_assert_cmpfloat_with_epsilon (p->fund.cost_per_china_free_t_usd,
                                  grants * 1e9 / p->fund.china_free_cum_t, 1e-6);
}

/* Equity in projects that never earn is lost: US mines when China floods the market earn
 * less than their cash cost, so the stake pays nothing and is worth nothing at the end. */
static void
test_equity_lost_when_never_earning (void)
{
  g_autoptr(LodeScenario) sc = fund_scenario (LODE_STAGE_MINE, 5);
  g_autoptr(LodeProjection) p = NULL;
  double put = 0, back = 0;

  set_lever (sc, LODE_LEVER_FUND_EQUITY_MINE, 100);
  set_lever (sc, LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT, 25);
  set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 0);
  p = run (dataset, sc);
  for (int k = 0; k < p->n_years; k++)
    {
      put += p->years[k].fund_out_busd[LODE_FUND_OUT_EQUITY];
      back += p->years[k].fund_in_busd[LODE_FUND_IN_DIVIDENDS] +
              p->years[k].fund_in_busd[LODE_FUND_IN_EXIT_VALUE];
    }
  g_test_message ("equity put %.2f, back %.4f $ bn", put, back);
  g_assert_cmpfloat (put, >, 1);
  g_assert_cmpfloat (back, <, 0.01 * put);
}

/* Loans to projects that earn are repaid in full, with interest: US mines while fast
 * demand growth keeps prices high. */
static void
test_loans_repaid (void)
{
  g_autoptr(LodeScenario) sc = fund_scenario (LODE_STAGE_MINE, 2);
  g_autoptr(LodeProjection) p = NULL;
  double lent = 0, repaid = 0, written_off = 0, rate, years;

  set_lever (sc, LODE_LEVER_FUND_LOAN_MINE, 100);
  set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 15);
  lode_scenario_set_horizon (sc, 2060, NULL);
  p = run (dataset, sc);
  rate = lode_scenario_get_lever (sc, LODE_LEVER_FUND_LOAN_RATE_PCT) / 100;
  years = lode_scenario_get_lever (sc, LODE_LEVER_FUND_LOAN_YEARS);
  for (int k = 0; k < p->n_years; k++)
    {
      lent += p->years[k].fund_out_busd[LODE_FUND_OUT_LOANS];
      repaid += p->years[k].fund_in_busd[LODE_FUND_IN_LOAN_SERVICE];
      written_off += p->years[k].fund_written_off_busd;
    }
  g_test_message ("lent %.3f, repaid %.3f, written off %.3f $ bn", lent, repaid, written_off);
  g_assert_cmpfloat (lent, >, 1);
  g_assert_cmpfloat (written_off, <, 1e-9);
  /* Annuity: years × rate / (1 − (1 + rate)^−years) per dollar lent. */
  g_assert_cmpfloat_with_epsilon (repaid, lent * years * rate / (1 - pow (1 + rate, -years)),
                                  1e-6 * lent);
}

/* A price collapse raises what the floor and the guarantees cost, and the exposure figure
 * covers the worst year of both runs. */
static void
test_price_collapse (void)
{
  g_autoptr(LodeScenario) calm = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeScenario) flood = load_preset (dataset, "mine-to-magnet");
  g_autoptr(LodeProjection) p_calm = NULL;
  g_autoptr(LodeProjection) p_flood = NULL;
  double floor_calm = 0, floor_flood = 0, exposure;

  set_lever (calm, LODE_LEVER_FUND_GUARANTEE_PCT, 50);
  set_lever (flood, LODE_LEVER_FUND_GUARANTEE_PCT, 50);
  set_lever (flood, LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT, 25);
  set_lever (flood, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 0);
  p_calm = run (dataset, calm);
  p_flood = run (dataset, flood);
  for (int k = 0; k < p_calm->n_years; k++)
    {
      floor_calm += p_calm->years[k].fund_out_busd[LODE_FUND_OUT_FLOOR] +
                    p_calm->years[k].fund_out_busd[LODE_FUND_OUT_GUARANTEES];
      floor_flood += p_flood->years[k].fund_out_busd[LODE_FUND_OUT_FLOOR] +
                     p_flood->years[k].fund_out_busd[LODE_FUND_OUT_GUARANTEES];
    }
  g_assert_cmpfloat (floor_flood, >, floor_calm);
  exposure = lode_projection_fund_exposure_busd (p_calm);
  g_assert_cmpfloat (exposure, >=, p_calm->fund.worst_year_busd);
  g_assert_cmpfloat (exposure, >=, p_flood->fund.worst_year_busd - 1e-9);
}

/* The defaults reproduce the DoD–MP terms: a $110/kg floor for 10 years from 2025, the
 * offtake of 10,000 t of magnets for 10 years from 2028 with a $140 M margin floor (the fee
 * and the floor together pay the plant $140 M a year), a 12-year loan; and $400 M of equity
 * with a $150 M loan into projects worth 4.1 times the public money is a 15 % stake. */
static void
test_dod_mp_terms (void)
{
  g_autoptr(LodeScenario) sc = new_scenario (dataset);
  g_autoptr(LodeProjection) p = NULL;
  g_autoptr(LodeScenario) mp = fund_scenario (LODE_STAGE_MAGNET, 0.55);
  g_autoptr(LodeProjection) p_mp = NULL;
  double stake;

  g_assert_cmpfloat (lode_scenario_get_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG), ==, 110);
  g_assert_cmpfloat (lode_scenario_get_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_YEARS), ==, 10);
  g_assert_cmpfloat (lode_scenario_get_lever (sc, LODE_LEVER_POLICY_OFFTAKE_T), ==, 10000);
  g_assert_cmpfloat (lode_scenario_get_lever (sc, LODE_LEVER_POLICY_OFFTAKE_YEARS), ==, 10);
  g_assert_cmpfloat (lode_scenario_get_lever (sc, LODE_LEVER_FUND_LOAN_YEARS), ==, 12);
  p = run (dataset, sc);
  for (int year = 2024; year <= 2040; year++)
    {
      const LodeYear *y = lode_projection_get_year (p, year);
      double plant = y->fund_out_busd[LODE_FUND_OUT_OFFTAKE] +
                     y->fund_out_busd[LODE_FUND_OUT_GUARANTEES] -
                     y->fund_in_busd[LODE_FUND_IN_OFFTAKE_RESALE];

      if (year >= 2028 && year < 2038)
        g_assert_cmpfloat_with_epsilon (plant, 0.140, 1e-9);
      else
        g_assert_cmpfloat (plant, ==, 0);
      if (year < 2025 || year >= 2035)
        g_assert_cmpfloat (y->fund_out_busd[LODE_FUND_OUT_FLOOR], ==, 0);
    }

  /* $0.55 bn in one year: 73 % equity ($400 M), 27 % loan ($150 M). */
  set_lever (mp, LODE_LEVER_FUND_YEARS, 1);
  set_lever (mp, LODE_LEVER_FUND_EQUITY_MAGNET, 400.0 / 5.5);
  set_lever (mp, LODE_LEVER_FUND_LOAN_MAGNET, 150.0 / 5.5);
  set_lever (mp, LODE_LEVER_FUND_PRIVATE_LEVERAGE, 4.1);
  p_mp = run (dataset, mp);
  {
    const LodeYear *y = lode_projection_get_year (p_mp, 2026);

    g_assert_cmpfloat_with_epsilon (y->fund_out_busd[LODE_FUND_OUT_EQUITY], 0.400, 1e-9);
    g_assert_cmpfloat_with_epsilon (y->fund_out_busd[LODE_FUND_OUT_LOANS], 0.150, 1e-9);
    stake = y->fund_stake[LODE_STAGE_MAGNET];
    g_test_message ("stake %.4f", stake);
    g_assert_cmpfloat (fabs (stake - 0.15), <, 0.005);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = load_dataset ();
  g_test_add_func ("/lode/fund/cash-flows-balance", test_cash_flows_balance);
  g_test_add_func ("/lode/fund/grants-only", test_grants_only);
  g_test_add_func ("/lode/fund/equity-lost-when-never-earning",
                   test_equity_lost_when_never_earning);
  g_test_add_func ("/lode/fund/loans-repaid", test_loans_repaid);
  g_test_add_func ("/lode/fund/price-collapse", test_price_collapse);
  g_test_add_func ("/lode/fund/dod-mp-terms", test_dod_mp_terms);
  status = g_test_run ();
  lode_dataset_unref (dataset);
  return status;
}
