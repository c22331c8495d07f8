/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-analyses — issue 13's budgets, on the Baseline: the tornado over every lever and
 * estimate (≤ 150 ms), 1,000 Monte Carlo runs for the bands (≤ 150 ms wall on both cores),
 * the optimiser (≤ 2 s) and the marginal values, each on all threads and on one, best of a
 * few rounds (the machine may be busy with other work). Prints its figures; never fails on a
 * time (DESIGN.md §6).
 */
#define G_LOG_DOMAIN "bench-analyses"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "lode-bands.h"
#include "lode-marginal.h"
#include "lode-optimise.h"
#include "lode-scenario-io.h"
#include "lode-sensitivity.h"

#define ROUNDS 3

typedef enum { TORNADO_2030, TORNADO_2040, BANDS, OPTIMISE, BEST_SPLIT, MARGINAL, N_TASKS } Task;

static const char * const task_names[N_TASKS] = {
  "tornado, output in 2030", "tornado, output in 2040", "bands, 1000 runs",
  "optimiser, 50% by 2030", "best split of $20 bn", "marginal values",
};
static const double budgets_ms[N_TASKS] = { 150, 150, 150, 2000, 2000, 0 };

/* Processor time of the whole process (every thread), ms. */
#define CPU_MS() (clock () * 1000.0 / CLOCKS_PER_SEC)

/* Runs the task once; returns how many model runs it took. */
static guint
run_task (LodeAnalysisModel *model,
          Task               task)
{
  g_autoptr(GError) error = NULL;
  LodeOptimiseRequest request;
  LodeOutput output;
  guint runs = 0;

  switch (task)
    {
    case TORNADO_2030:
    case TORNADO_2040:
      {
        g_autoptr(LodeSensitivity) s = NULL;

        lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, task == TORNADO_2030 ? 2030 : 2040,
                          NULL);
        s = lode_sensitivity_run (model, &output, NULL, &error);
        runs = s != NULL ? s->n_runs : 0;
      }
      break;
    case BANDS:
      {
        g_autoptr(LodeBands) b = lode_bands_run (model, 1000, LODE_BANDS_DEFAULT_SEED,
                                                 LODE_MATERIAL_NDPR, NULL, &error);

        runs = b != NULL ? b->n_runs : 0;
      }
      break;
    case OPTIMISE:
    case BEST_SPLIT:
      {
        g_autoptr(LodeOptimiseResult) r = NULL;

        lode_optimise_request_init (&request);
        if (task == BEST_SPLIT)
          lode_optimise_request_parse (&request, "fund=20", NULL);
        r = lode_optimise_run (model, &request, NULL, &error);
        runs = r != NULL ? r->n_runs : 0;
      }
      break;
    case MARGINAL:
    case N_TASKS:
    default:
      {
        g_autoptr(LodeMarginal) m = lode_marginal_run (model, 0.5, NULL, &error);

        runs = m != NULL ? LODE_N_FUND_KINDS + 1 : 0;
      }
      break;
    }
  if (error != NULL)
    fprintf (stderr, "bench-analyses: %s: %s\n", task_names[task], error->message);
  return runs;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) sc = NULL;
  g_autoptr(LodeAnalysisModel) model = NULL;
  guint processors;

  if (ds == NULL || (sc = lode_scenario_load_preset (ds, "baseline", &error)) == NULL)
    {
      fprintf (stderr, "bench-analyses: %s\n", error->message);
      return 0;
    }
  model = lode_analysis_model_new (ds, sc);
  processors = lode_analysis_model_get_n_threads (model);
  printf ("bench-analyses: Baseline to %d, %u levers and %u estimates; %u threads; "
          "best of %d rounds\n", lode_analysis_model_get_horizon (model),
          lode_analysis_model_count_inputs (model, LODE_INPUT_LEVER),
          lode_analysis_model_count_inputs (model, LODE_INPUT_PARAMETER), processors, ROUNDS);

  for (int task = 0; task < N_TASKS; task++)
    {
      double wall[2] = { G_MAXDOUBLE, G_MAXDOUBLE }, cpu[2] = { G_MAXDOUBLE, G_MAXDOUBLE };
      guint runs = 0;

      for (int threads = 0; threads < 2; threads++)
        {
          lode_analysis_model_set_n_threads (model, threads == 0 ? 0 : 1);
          for (int round = 0; round < ROUNDS; round++)
            {
              gint64 t0 = g_get_monotonic_time ();
              double c0 = CPU_MS ();

              runs = run_task (model, task);
              wall[threads] = MIN (wall[threads], (g_get_monotonic_time () - t0) / 1000.0);
              cpu[threads] = MIN (cpu[threads], CPU_MS () - c0);
            }
        }
      printf ("  %-26s %5u runs  %7.1f ms wall on %u threads (cpu %.1f ms), %7.1f ms on one "
              "(cpu %.1f ms)", task_names[task], runs, wall[0], processors, cpu[0], wall[1],
              cpu[1]);
      if (budgets_ms[task] > 0)
        printf ("  budget %.0f ms", budgets_ms[task]);
      printf ("\n");
    }
  lode_analysis_model_set_n_threads (model, 0);
  return 0;
}
