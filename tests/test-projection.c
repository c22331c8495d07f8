/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-projection.c — the projection model on the reference dataset: calibration, mass
 * balance, responses to the levers, bad input, determinism and locale independence. */
#define G_LOG_DOMAIN "test-projection"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lode-figures.h"
#include "lode-projection.h"

#define HORIZON 2050

static LodeDataset *
load_dataset (void)
{
  g_autoptr(GError) error = NULL;
  LodeDataset *ds = lode_dataset_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static LodeScenario *
new_scenario (LodeDataset *ds)
{
  g_autoptr(GError) error = NULL;
  LodeScenario *sc = lode_scenario_new (ds);

  lode_scenario_set_horizon (sc, HORIZON, &error);
  g_assert_no_error (error);
  return sc;
}

static void
set_lever (LodeScenario *sc,
           LodeLever     lever,
           double        value)
{
  g_autoptr(GError) error = NULL;

  lode_scenario_set_lever (sc, lever, value, &error);
  g_assert_no_error (error);
}

static LodeProjection *
run (LodeDataset  *ds,
     LodeScenario *sc)
{
  g_autoptr(GError) error = NULL;
  LodeProjection *p = lode_projection_run (ds, sc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
test_calibration (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  const LodeYear *y = lode_projection_get_year (p, 2024);

  g_assert_nonnull (y);
  g_test_message ("2024 China shares: mine %.4f separation %.4f metal %.4f magnet %.4f; "
                  "world mine %.0f t REO, magnets %.0f t",
                  y->china_share[LODE_STAGE_MINE], y->china_share[LODE_STAGE_SEPARATION],
                  y->china_share[LODE_STAGE_METAL], y->china_share[LODE_STAGE_MAGNET],
                  y->world_production[LODE_STAGE_MINE], y->world_production[LODE_STAGE_MAGNET]);

  /* Reference §8a: China 69 % / ~91 % / ~92 % / ~92 %, each within 2 points. */
  g_assert_cmpfloat_with_epsilon (y->china_share[LODE_STAGE_MINE], 0.69, 0.02);
  g_assert_cmpfloat_with_epsilon (y->china_share[LODE_STAGE_SEPARATION], 0.91, 0.02);
  g_assert_cmpfloat_with_epsilon (y->china_share[LODE_STAGE_METAL], 0.92, 0.02);
  g_assert_cmpfloat_with_epsilon (y->china_share[LODE_STAGE_MAGNET], 0.92, 0.02);
  /* World mining 390 kt REO (USGS, rounded to 10 kt: within 2 %); magnets 220–300 kt. */
  g_assert_cmpfloat_with_epsilon (y->world_production[LODE_STAGE_MINE], 390000, 7800);
  g_assert_cmpfloat (y->world_production[LODE_STAGE_MAGNET], >=, 220000);
  g_assert_cmpfloat (y->world_production[LODE_STAGE_MAGNET], <=, 300000);
  /* The 2024 price is the dataset's. */
  g_assert_cmpfloat_with_epsilon (y->ndpr_price_usd_kg, ds->ndpr_price_2024_usd_kg.value, 1e-9);
}

static gboolean
close_rel (double a,
           double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static void
check_balance (const LodeDataset    *ds,
               const LodeProjection *p)
{
  double ox_per_magnet = ds->ndpr_metal_per_magnet.value / ds->oxide_to_metal.value;

  for (int k = 0; k < p->n_years; k++)
    {
      const LodeYear *y = &p->years[k];

      for (int s = 0; s < LODE_N_STAGES; s++)
        for (guint i = 0; i < p->n_regions; i++)
          {
            double flows = 0, inflow = 0;

            for (guint j = 0; j < p->n_regions; j++)
              {
                g_assert_cmpfloat (y->flow_ox[s][i][j], >=, 0);
                flows += y->flow_ox[s][i][j];
                if (s > 0)
                  inflow += y->flow_ox[s - 1][j][i];
              }
            g_assert_cmpfloat (y->loss_ox[s][i], >=, -1e-9);
            g_assert_cmpfloat (y->stock_change_ox[s][i], >=, -1e-9);
            g_assert_cmpfloat (y->unsold_ox[s][i], >=, 0);
            if (!close_rel (y->input_ox[s][i],
                            y->output_ox[s][i] + y->loss_ox[s][i] + y->stock_change_ox[s][i]) ||
                !close_rel (y->output_ox[s][i], flows + y->unsold_ox[s][i]))
              g_error ("unbalanced: year %d stage %d region %u: in %.12g out %.12g loss %.12g "
                       "stock %.12g flows %.12g unsold %.12g", y->year, s, i, y->input_ox[s][i],
                       y->output_ox[s][i], y->loss_ox[s][i], y->stock_change_ox[s][i], flows,
                       y->unsold_ox[s][i]);
            /* What reaches a stage is what the stage before sent it (plus recycled alloy at
             * the metal stage and China's secondary feed at separation). */
            if (s == LODE_STAGE_METAL)
              inflow += y->recycled_ox[i];
            if (s == LODE_STAGE_SEPARATION && i == ds->china)
              inflow += ds->secondary_ndpr_oxide_t.value / ds->separation_recovery.value;
            if (s > 0)
              g_assert_true (close_rel (y->input_ox[s][i], inflow));
          }

      /* China mass is conserved through the provenance split: the China content of the flows
       * never holds more China than the output has, the unsold output holds the rest, and own
       * use and exports together hold exactly the output's China mass. */
      for (int s = 0; s < LODE_N_STAGES; s++)
        for (guint i = 0; i < p->n_regions; i++)
          {
            double out = y->output_ox[s][i], own = y->flow_ox[s][i][i];
            double china = out * y->china_content[s][i], on_flows = 0;

            for (guint j = 0; j < p->n_regions; j++)
              {
                double c = lode_projection_flow_china_content (p, y, (LodeStage) s, i, j);

                g_assert_cmpfloat (c, >=, 0);
                g_assert_cmpfloat (c, <=, 1);
                on_flows += y->flow_ox[s][i][j] * c;
              }
            g_assert_cmpfloat (on_flows, <=, china + 1e-9 * MAX (1.0, out));
            g_assert_cmpfloat (china - on_flows, <=, y->unsold_ox[s][i] + 1e-9 * MAX (1.0, out));
            if (!close_rel (own * y->china_content_own[s][i] +
                            (out - own) * y->china_content_export[s][i], china) &&
                fabs (china) > 1e-9)
              g_error ("China mass not conserved: year %d stage %d region %u", y->year, s, i);
          }

      /* Magnets used = magnets sent; demand = supplied + shortfall. */
      for (guint j = 0; j < p->n_regions; j++)
        {
          double used = 0;

          for (guint i = 0; i < p->n_regions; i++)
            used += y->flow_ox[LODE_STAGE_MAGNET][i][j];
          g_assert_true (close_rel (used, y->supplied_magnet_t[j] * ox_per_magnet));
          g_assert_cmpfloat (fabs (y->demand_magnet_t[j] - y->supplied_magnet_t[j] -
                                   y->shortfall_magnet_t[j]),
                             <=, 1e-9 * MAX (1.0, y->demand_magnet_t[j]));
        }
    }
}

static void
test_mass_balance (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);

  {
    g_autoptr(LodeProjection) p = run (ds, sc);
    check_balance (ds, p);
  }

  /* A busy scenario: big fund with co-investment, recycling, a shock, a high floor. */
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 80);
  set_lever (sc, LODE_LEVER_PARTNERS_COINVEST_PCT, 30);
  set_lever (sc, LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT, 40);
  set_lever (sc, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 70);
  set_lever (sc, LODE_LEVER_SHOCK_START_YEAR, 2030);
  set_lever (sc, LODE_LEVER_SHOCK_DURATION_YEARS, 4);
  set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 150);
  set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, 12);
  {
    g_autoptr(LodeProjection) p = run (ds, sc);
    check_balance (ds, p);
  }
}

/* A bigger fund never lowers the China-free magnet supply of the US, in tonnes, in any year;
 * and in a year the US is fully supplied in both runs, never lowers its China-free share. (When
 * the bigger fund also eases a US shortfall with China-touched material, the share can dip
 * while the China-free tonnes do not: the denominator grew.) */
static void
test_fund_monotone (void)
{
  const double sizes[] = { 0, 1, 2, 5, 10, 20, 50, 100, 250, 500 };
  const double allocations[][LODE_N_ALLOC] = {
    { 15, 35, 15, 30, 5 },    /* the default */
    { 15, 35, 15, 35, 0 },
    { 10, 20, 10, 20, 40 },
  };
  g_autoptr(LodeDataset) ds = load_dataset ();

  for (guint a = 0; a < G_N_ELEMENTS (allocations); a++)
    {
      g_autoptr(LodeScenario) sc = new_scenario (ds);
      g_autoptr(LodeProjection) prev = NULL;
      g_autoptr(GError) error = NULL;

      lode_scenario_set_allocation (sc, allocations[a], &error);
      g_assert_no_error (error);

      for (guint f = 0; f < G_N_ELEMENTS (sizes); f++)
        {
          LodeProjection *p;

          set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, sizes[f]);
          p = run (ds, sc);
          if (prev != NULL)
            for (int k = 0; k < p->n_years; k++)
              {
                const LodeYear *a0 = &prev->years[k], *a1 = &p->years[k];

                if (a1->us_china_free_magnet_t < a0->us_china_free_magnet_t * (1 - 1e-9))
                  g_error ("fund %g -> %g lowers China-free US supply in %d: %g -> %g t",
                           sizes[f - 1], sizes[f], a1->year, a0->us_china_free_magnet_t,
                           a1->us_china_free_magnet_t);
                if (a0->us_shortfall_magnet_t == 0 && a1->us_shortfall_magnet_t == 0)
                  g_assert_cmpfloat (a1->china_free_share_us_magnets, >=,
                                     a0->china_free_share_us_magnets - 1e-12);
              }
          g_clear_pointer (&prev, lode_projection_unref);
          prev = p;
        }
      /* The sweep did something: the largest fund reaches a China-free share above 0.9. */
      g_assert_cmpfloat (lode_projection_get_last_year (prev)->china_free_share_us_magnets, >,
                         0.9);
    }
}

/* Friend-shoring (DESIGN §3.4): raising partners.friendshoring never lowers the China-free
 * share of US magnet supply in any year, in the Baseline and with a fund, at central and high
 * demand growth. (The provenance rule is monotone for given flows; under an export shock, or
 * when the US is badly short, the re-routed trade can ease a US shortfall with China-touched
 * magnets, which lowers the share while the US gets more magnets: not asserted here.) */
static void
test_friendshoring_monotone (void)
{
  const double funds[] = { 0, 20 };
  const double growth[] = { 7.5, 12 };
  g_autoptr(LodeDataset) ds = load_dataset ();

  for (guint f = 0; f < G_N_ELEMENTS (funds); f++)
    for (guint k = 0; k < G_N_ELEMENTS (growth); k++)
      {
        g_autoptr(LodeScenario) sc = new_scenario (ds);
        g_autoptr(LodeProjection) prev = NULL;
        g_autoptr(LodeProjection) first = NULL;

        set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, funds[f]);
        set_lever (sc, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, growth[k]);
        for (int step = 0; step <= 20; step++)
          {
            LodeProjection *p;

            set_lever (sc, LODE_LEVER_PARTNERS_FRIENDSHORING, step / 20.0);
            p = run (ds, sc);
            if (prev != NULL)
              for (int y = 0; y < p->n_years; y++)
                if (p->years[y].china_free_share_us_magnets <
                    prev->years[y].china_free_share_us_magnets - 1e-9)
                  g_error ("fund %g, growth %g %%: friendshoring %g -> %g lowers the "
                           "China-free share in %d: %.9f -> %.9f", funds[f], growth[k],
                           (step - 1) / 20.0, step / 20.0, p->years[y].year,
                           prev->years[y].china_free_share_us_magnets,
                           p->years[y].china_free_share_us_magnets);
            if (step == 0)
              first = lode_projection_ref (p);
            g_clear_pointer (&prev, lode_projection_unref);
            prev = p;
          }
        /* The lever does something: at 1, allied China-free magnets reach the US in 2024. */
        g_assert_cmpfloat (lode_projection_get_year (prev, 2024)->china_free_share_us_magnets,
                           >, lode_projection_get_year (first, 2024)->china_free_share_us_magnets
                              + 0.02);
      }
}

/* The first modelled year continues the calibrated base year: with no event in 2025, the
 * China-free share of US magnets, every region's magnet output and the US magnet supply move
 * by no more than demand growth (7.5 %) and a few points of utilisation. */
static void
test_first_year_continuity (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  const LodeYear *y0 = lode_projection_get_year (p, 2024);
  const LodeYear *y1 = lode_projection_get_year (p, 2025);

  g_test_message ("China-free share of US magnets 2024 %.4f, 2025 %.4f",
                  y0->china_free_share_us_magnets, y1->china_free_share_us_magnets);
  g_assert_cmpfloat (fabs (y1->china_free_share_us_magnets - y0->china_free_share_us_magnets),
                     <=, 0.03);
  for (guint r = 0; r < p->n_regions; r++)
    {
      double a = y0->production[LODE_STAGE_MAGNET][r];
      double b = y1->production[LODE_STAGE_MAGNET][r];

      if (a > 0 && (b < 0.95 * a || b > 1.25 * a))
        g_error ("%s magnet output jumps from %g t (2024) to %g t (2025)",
                 ds->regions[r].id, a, b);
    }
  g_assert_cmpfloat (y1->us_supplied_magnet_t, >=, 0.95 * y0->us_supplied_magnet_t);
}

/* First year US capacity at `stage` exceeds that of a run without the fund. */
static int
first_year_above (const LodeProjection *with,
                  const LodeProjection *without,
                  LodeStage             stage,
                  guint                 region)
{
  for (int k = 0; k < with->n_years; k++)
    if (with->years[k].capacity[stage][region] >
        without->years[k].capacity[stage][region] + 1e-6)
      return with->years[k].year;
  return 0;
}

static void
test_permitting_cut (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) base = NULL, slow = NULL, fast = NULL;
  guint us = ds->us;

  base = run (ds, sc);
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 20);
  slow = run (ds, sc);
  set_lever (sc, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS, 3);
  fast = run (ds, sc);

  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      int y_slow = first_year_above (slow, base, s, us);
      int y_fast = first_year_above (fast, base, s, us);

      g_test_message ("stage %d: fund capacity online from %d, with a 3-year cut from %d",
                      s, y_slow, y_fast);
      g_assert_cmpint (y_fast, >, 0);
      g_assert_cmpint (y_slow, >, 0);
      /* Every stage's permit part is at least a year, so the cut brings it forward. */
      g_assert_cmpint (y_fast, <, y_slow);
      for (int k = 0; k < fast->n_years; k++)
        g_assert_cmpfloat (fast->years[k].capacity[s][us], >=,
                           slow->years[k].capacity[s][us] - 1e-6);
    }
}

static void
test_export_shock (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) base = NULL, shock = NULL;

  base = run (ds, sc);
  set_lever (sc, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 80);
  set_lever (sc, LODE_LEVER_SHOCK_START_YEAR, 2027);
  set_lever (sc, LODE_LEVER_SHOCK_DURATION_YEARS, 3);
  shock = run (ds, sc);

  for (int year = 2027; year < 2030; year++)
    {
      const LodeYear *b = lode_projection_get_year (base, year);
      const LodeYear *s = lode_projection_get_year (shock, year);

      g_assert_cmpfloat (s->ndpr_price_usd_kg, >, b->ndpr_price_usd_kg * 1.5);
      g_assert_cmpfloat (s->us_shortfall_magnet_t, >, b->us_shortfall_magnet_t + 1000);
    }
  /* Before the shock nothing differs. */
  g_assert_cmpmem (lode_projection_get_year (base, 2026), sizeof (LodeYear),
                   lode_projection_get_year (shock, 2026), sizeof (LodeYear));
}

/* A price floor never lowers the utilisation of any plant outside China, in the default
 * scenario (price above Western cost) and in a glut (a very large fund drives the price down);
 * in the glut it holds US producers up. */
static void
test_price_floor (void)
{
  const double floors[] = { 30, 60, 110, 200, 300 };
  const double funds[] = { 0, 300 };
  g_autoptr(LodeDataset) ds = load_dataset ();
  gboolean raised = FALSE;

  for (guint g = 0; g < G_N_ELEMENTS (funds); g++)
    {
      g_autoptr(LodeScenario) sc = new_scenario (ds);
      g_autoptr(LodeProjection) none = NULL;

      set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, funds[g]);
      set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR, 2030);
      set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_YEARS, 20);
      set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 0);
      none = run (ds, sc);
      for (guint f = 0; f < G_N_ELEMENTS (floors); f++)
        {
          g_autoptr(LodeProjection) p = NULL;

          set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, floors[f]);
          p = run (ds, sc);
          for (int k = 0; k < p->n_years; k++)
            {
              const LodeYear *y = &p->years[k];

              for (int s = 0; s < LODE_N_STAGES; s++)
                for (guint r = 0; r < p->n_regions; r++)
                  {
                    double u0 = none->years[k].utilisation[s][r];
                    double u1 = y->utilisation[s][r];

                    if (r == ds->china)
                      continue;
                    if (u1 < u0 - 1e-12)
                      g_error ("floor %g (fund %g) lowers utilisation of region %u stage %d in "
                               "%d: %g -> %g", floors[f], funds[g], r, s, y->year, u0, u1);
                    raised = raised || (r == ds->us && u1 > u0 + 1e-6);
                  }
              /* It costs money only while active and only when the price is below it. */
              if (y->year < 2030 || y->year >= 2050 || y->ndpr_price_usd_kg >= floors[f])
                g_assert_cmpfloat (y->price_floor_cost_busd, ==, 0);
              else
                g_assert_cmpfloat_with_epsilon (
                  y->price_floor_cost_busd,
                  (floors[f] - y->ndpr_price_usd_kg) *
                  y->production[LODE_STAGE_SEPARATION][ds->us] * 1e-6, 1e-12);
            }
        }
    }
  g_assert_true (raised);
}

static void
test_project_switch (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) on = run (ds, sc);

  g_assert_cmpuint (ds->n_projects, >=, 15);
  for (guint pi = 0; pi < ds->n_projects; pi++)
    {
      const LodeProject *pr = &ds->projects[pi];
      g_autoptr(LodeProjection) off = NULL;
      gboolean lower = FALSE;

      lode_scenario_set_project_enabled (sc, pi, FALSE);
      off = run (ds, sc);
      lode_scenario_set_project_enabled (sc, pi, TRUE);

      for (int k = 0; k < off->n_years; k++)
        {
          double c_on = on->years[k].capacity[pr->stage][pr->region];
          double c_off = off->years[k].capacity[pr->stage][pr->region];

          g_assert_cmpfloat (c_off, <=, c_on + 1e-6);
          lower = lower || c_off < c_on - 1e-6;
        }
      /* The project is within the horizon, so switching it off shows. */
      g_assert_true (lower);
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
  g_assert_cmpint (lode_scenario_get_horizon (sc), ==, HORIZON);

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

  /* The good scenario still runs. */
  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->horizon, ==, HORIZON);
  g_assert_cmpint (p->n_years, ==, HORIZON - LODE_BASE_YEAR + 1);
  g_assert_null (lode_projection_get_year (p, HORIZON + 1));
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
  struct lconv *lc;

  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 12.5);
  a = run (ds, sc);
  lode_figures_write_summary (a, text_c);

  for (guint i = 0; i < G_N_ELEMENTS (locales) && used == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      used = locales[i];
  lc = localeconv ();
  g_test_message ("numeric locale: %s (decimal point “%s”)", used ? used : "C only",
                  lc->decimal_point);

  b = run (ds, sc);
  lode_figures_write_summary (b, text_l);
  setlocale (LC_NUMERIC, "C");

  /* The same bits and the same text whatever the locale; numbers use a dot. */
  g_assert_cmpmem (a->years, a->n_years * sizeof (LodeYear),
                   b->years, b->n_years * sizeof (LodeYear));
  g_assert_cmpstr (text_c->str, ==, text_l->str);
  g_assert_nonnull (strstr (text_c->str, "china_share.mine.2024: 0."));
  {
    g_autoptr(GString) n = g_string_new (NULL);

    /* With or without a comma locale, formatting never uses one. */
    if (used != NULL)
      setlocale (LC_NUMERIC, used);
    lode_figures_append_number (n, 1234.5);
    lode_figures_append_number (n, -0.0);
    setlocale (LC_NUMERIC, "C");
    g_assert_cmpstr (n->str, ==, "1234.50");
  }
}

static void
test_empty_and_first_year (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeProjection) p = lode_projection_new_empty (ds, 2030);
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) big = NULL;
  int year;

  g_assert_cmpint (p->n_years, ==, 7);
  g_assert_true (lode_projection_get_dataset (p) == ds);
  for (int k = 0; k < p->n_years; k++)
    g_assert_cmpint (p->years[k].year, ==, 2024 + k);
  g_assert_cmpint (lode_projection_first_year_reaching (p, 0.5), ==, 0);
  p->years[4].china_free_share_us_magnets = 0.6;
  p->years[5].china_free_share_us_magnets = 0.4;
  p->years[6].china_free_share_us_magnets = 0.7;
  g_assert_cmpint (lode_projection_first_year_reaching (p, 0.5), ==, 2028);
  g_assert_cmpint (lode_projection_first_year_reaching (p, 0.65), ==, 2030);
  g_assert_true (lode_projection_get_last_year (p) == &p->years[6]);

  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 50);
  big = run (ds, sc);
  year = lode_projection_first_year_reaching (big, 0.5);
  g_assert_cmpint (year, >, 2024);
  g_assert_cmpfloat (lode_projection_get_year (big, year)->china_free_share_us_magnets, >=, 0.5);
  g_assert_cmpfloat (lode_projection_get_year (big, year - 1)->china_free_share_us_magnets, <,
                     0.5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/projection/calibration", test_calibration);
  g_test_add_func ("/lode/projection/mass-balance", test_mass_balance);
  g_test_add_func ("/lode/projection/fund-monotone", test_fund_monotone);
  g_test_add_func ("/lode/projection/friendshoring-monotone", test_friendshoring_monotone);
  g_test_add_func ("/lode/projection/first-year-continuity", test_first_year_continuity);
  g_test_add_func ("/lode/projection/permitting-cut", test_permitting_cut);
  g_test_add_func ("/lode/projection/export-shock", test_export_shock);
  g_test_add_func ("/lode/projection/price-floor", test_price_floor);
  g_test_add_func ("/lode/projection/project-switch", test_project_switch);
  g_test_add_func ("/lode/projection/bad-input", test_bad_input);
  g_test_add_func ("/lode/projection/determinism", test_determinism);
  g_test_add_func ("/lode/projection/locale", test_locale);
  g_test_add_func ("/lode/projection/empty-and-first-year", test_empty_and_first_year);

  return g_test_run ();
}
