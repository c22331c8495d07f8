/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-projection.c — how long the model takes: one projection of all three materials
 * 2024–2050 on the reference dataset (budget 100 µs) and 1,000 projections with varied levers
 * (budget 100 ms). Prints its figures; never fails on a time (DESIGN.md §6).
 *
 *   bench-projection [ROUNDS [SINGLE [BATCH]]]   fewer rounds or runs, e.g. under callgrind;
 *   the batch figure is still given per 1,000 projections. */
#define G_LOG_DOMAIN "bench-projection"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lode-projection.h"
#include "lode-scenario-io.h"

#define N_SINGLE 2000
#define N_BATCH  1000
#define N_ROUNDS 5

/* Processor time of this process, µs: what the model costs even when other work shares the
 * machine (the wall-clock figures are the budgeted ones). */
static double
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
set (LodeScenario *sc,
     LodeLever     lever,
     double        value)
{
  g_autoptr(GError) error = NULL;

  if (!lode_scenario_set_lever (sc, lever, value, &error))
    fprintf (stderr, "bench-projection: %s\n", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) sc = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  LodeScenario *varied[N_BATCH];
  g_autoptr(LodeScenario) controls = NULL;
  double best_single = G_MAXDOUBLE, best_batch = G_MAXDOUBLE, best_controls = G_MAXDOUBLE;
  double cpu_single = G_MAXDOUBLE, cpu_batch = G_MAXDOUBLE;
  double checksum = 0;
  int rounds = argc > 1 ? CLAMP (atoi (argv[1]), 1, 100) : N_ROUNDS;
  int n_single = argc > 2 ? CLAMP (atoi (argv[2]), 1, 100000) : N_SINGLE;
  int n_batch = argc > 3 ? CLAMP (atoi (argv[3]), 1, N_BATCH) : N_BATCH;

  if (ds == NULL)
    {
      fprintf (stderr, "bench-projection: %s\n", error->message);
      return 0;
    }
  sc = lode_scenario_new (ds);
  lode_scenario_set_horizon (sc, 2050, NULL);
  /* Restricted years take other paths: split markets, magnets rationed twice routed. */
  controls = lode_scenario_load_preset (ds, "controls-april-2025", &error);
  if (controls == NULL)
    {
      fprintf (stderr, "bench-projection: %s\n", error->message);
      return 0;
    }
  lode_scenario_set_horizon (controls, 2050, NULL);

  /* Scenarios with varied levers, made before the clock starts. */
  for (guint i = 0; i < N_BATCH; i++)
    {
      varied[i] = lode_scenario_new (ds);
      lode_scenario_set_horizon (varied[i], 2050, NULL);
      set (varied[i], LODE_LEVER_FUND_SIZE_BUSD, g_rand_double_range (rand, 0, 100));
      set (varied[i], LODE_LEVER_FUND_PRIVATE_LEVERAGE, g_rand_double_range (rand, 0, 3));
      set (varied[i], LODE_LEVER_POLICY_PERMITTING_CUT_YEARS, g_rand_int_range (rand, 0, 4));
      set (varied[i], LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, g_rand_double_range (rand, 0, 200));
      set (varied[i], LODE_LEVER_PARTNERS_FRIENDSHORING, g_rand_double_range (rand, 0, 1));
      set (varied[i], LODE_LEVER_PARTNERS_COINVEST_PCT, g_rand_double_range (rand, 0, 50));
      set (varied[i], LODE_LEVER_MARKET_DEMAND_GROWTH_PCT, g_rand_double_range (rand, 3, 12));
      set (varied[i], LODE_LEVER_MARKET_RECYCLING_RATE_2035_PCT,
           g_rand_double_range (rand, 0, 40));
      set (varied[i], LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS, g_rand_double_range (rand, 0, 4));
      set (varied[i], LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, g_rand_double_range (rand, 0, 100));
    }

  /* Best of a few rounds: the machine may be busy with other work. */
  for (int round = 0; round < rounds; round++)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1;
      double c0 = cpu_us ();

      for (int i = 0; i < n_single; i++)
        {
          LodeProjection *p = lode_projection_run (ds, sc, NULL);

          checksum += p->years[p->n_years - 1].china_free_share_us_magnets;
          lode_projection_unref (p);
        }
      t1 = g_get_monotonic_time ();
      best_single = MIN (best_single, (double) (t1 - t0) / n_single);
      cpu_single = MIN (cpu_single, (cpu_us () - c0) / n_single);

      t0 = g_get_monotonic_time ();
      c0 = cpu_us ();
      for (int i = 0; i < n_batch; i++)
        {
          LodeProjection *p = lode_projection_run (ds, varied[i], NULL);

          checksum += p->years[p->n_years - 1].chain[LODE_MATERIAL_NDPR].price_usd_kg;
          lode_projection_unref (p);
        }
      t1 = g_get_monotonic_time ();
      best_batch = MIN (best_batch, (double) (t1 - t0) / n_batch);
      cpu_batch = MIN (cpu_batch, (cpu_us () - c0) / n_batch);

      t0 = g_get_monotonic_time ();
      for (int i = 0; i < n_single; i++)
        {
          LodeProjection *p = lode_projection_run (ds, controls, NULL);

          checksum += p->years[1].us_shortfall_magnet_t;
          lode_projection_unref (p);
        }
      best_controls = MIN (best_controls, (double) (g_get_monotonic_time () - t0) / n_single);
    }

  printf ("one projection 2024-2050: %.1f us wall, %.1f us cpu (budget 100 us)\n",
          best_single, cpu_single);
  printf ("1000 projections, varied levers: %.1f ms wall, %.1f ms cpu (budget 100 ms)\n",
          best_batch, cpu_batch);
  printf ("one projection of the Controls of April 2025, 2024-2050: %.1f us wall "
          "(budget 100 us)\n", best_controls);
  printf ("checksum: %.6g\n", checksum);

  for (guint i = 0; i < N_BATCH; i++)
    g_object_unref (varied[i]);
  return 0;
}
