/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-live — the issue 6 budget: a lever moves, and within one frame at 120 Hz (8 ms) the
 * projection is rerun, the flow diagram laid out and painted, and a chart (and the headline
 * figures) laid out and painted, at 1920×1080 into image surfaces. Prints the mean and the
 * spread of each step; never fails on a time.
 */
#define G_LOG_DOMAIN "bench-live"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "lode-chart-paint.h"
#include "lode-flow-paint.h"
#include "lode-headlines.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"

#define WIDTH  1920
#define HEIGHT 1080
#define WARMUP 20
#define ROUNDS 300

enum { STEP_MODEL, STEP_FLOW_LAYOUT, STEP_FLOW_PAINT, STEP_CHART_LAYOUT, STEP_CHART_PAINT,
       STEP_TOTAL, N_STEPS };

static const char * const step_names[N_STEPS] = {
  "projection", "flow layout", "flow paint", "chart layout", "chart paint", "total",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeScenario) base_scenario = NULL;
  g_autoptr(LodeProjection) baseline = NULL;
  cairo_surface_t *flow_surface;
  cairo_surface_t *chart_surface;
  LodePalette palette;
  LodeFlowOptions flow_options;
  LodeChartOptions chart_options;
  double *times[N_STEPS];

  setlocale (LC_ALL, "");

  dataset = lode_dataset_load_default (&error);
  if (dataset == NULL)
    g_error ("Cannot load the default dataset: %s", error->message);
  scenario = lode_scenario_load_preset (dataset, "mine-to-magnet", &error);
  if (scenario == NULL)
    g_error ("Cannot load the mine-to-magnet preset: %s", error->message);
  base_scenario = lode_scenario_load_preset (dataset, "baseline", &error);
  if (base_scenario == NULL)
    g_error ("Cannot load the baseline preset: %s", error->message);
  baseline = lode_projection_run (dataset, base_scenario, &error);
  if (baseline == NULL)
    g_error ("Cannot run the baseline: %s", error->message);

  lode_palette_init_light (&palette, dataset);
  lode_flow_options_init (&flow_options);
  lode_chart_options_init (&chart_options);
  chart_options.font_scale = 1.5;
  chart_options.selected_year = 2030;
  flow_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  chart_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  for (int s = 0; s < N_STEPS; s++)
    times[s] = g_new0 (double, ROUNDS);

  for (int round = -WARMUP; round < ROUNDS; round++)
    {
      /* The planner drags the fund size: a new value every frame. */
      double fund = 5.0 + (round + WARMUP) % 50;
      /* The time charts: the analysis charts draw an analysis, not the projection. */
      LodeChartKind kind = (LodeChartKind) ((round + WARMUP) % (LODE_CHART_PRICE + 1));
      g_autoptr(LodeProjection) projection = NULL;
      g_autoptr(LodeFlowLayout) flow = NULL;
      g_autoptr(LodeChartLayout) chart = NULL;
      g_autoptr(LodeChartHover) hover = NULL;
      LodeHeadlines headlines;
      gint64 t[N_STEPS + 1];
      cairo_t *cr;

      if (!lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, fund, &error))
        g_error ("Cannot set the fund size: %s", error->message);

      t[0] = g_get_monotonic_time ();
      projection = lode_projection_run (dataset, scenario, &error);
      if (projection == NULL)
        g_error ("Cannot run the projection: %s", error->message);
      lode_headlines_compute (projection, baseline, 0.5, &headlines);
      t[1] = g_get_monotonic_time ();

      flow = lode_flow_layout_new (projection, 2030, WIDTH, HEIGHT, &flow_options);
      t[2] = g_get_monotonic_time ();
      cr = cairo_create (flow_surface);
      lode_flow_paint (cr, flow, &palette);
      cairo_destroy (cr);
      cairo_surface_flush (flow_surface);
      t[3] = g_get_monotonic_time ();

      chart = lode_chart_layout_new (kind, projection, baseline, WIDTH, HEIGHT, &chart_options);
      hover = lode_chart_hover_new (chart, WIDTH * 0.6);
      t[4] = g_get_monotonic_time ();
      cr = cairo_create (chart_surface);
      lode_chart_paint (cr, chart, &palette);
      lode_chart_paint_hover (cr, chart, hover, &palette);
      cairo_destroy (cr);
      cairo_surface_flush (chart_surface);
      t[5] = g_get_monotonic_time ();

      if (round < 0)
        continue;
      for (int s = 0; s < STEP_TOTAL; s++)
        times[s][round] = (t[s + 1] - t[s]) / 1000.0;
      times[STEP_TOTAL][round] = (t[5] - t[0]) / 1000.0;
    }

  printf ("bench-live: lever change -> projection + flow layout/paint + chart layout/paint, "
          "%dx%d image surfaces, %d rounds (the five time charts in turn)\n", WIDTH, HEIGHT,
          ROUNDS);
  for (int s = 0; s < N_STEPS; s++)
    {
      double sum = 0;

      for (int r = 0; r < ROUNDS; r++)
        sum += times[s][r];
      qsort (times[s], ROUNDS, sizeof (double), compare_doubles);
      printf ("  %-13s mean %7.3f ms  median %7.3f ms  p95 %7.3f ms\n", step_names[s],
              sum / ROUNDS, times[s][ROUNDS / 2], times[s][ROUNDS * 95 / 100]);
    }
  {
    double sum = 0;

    for (int r = 0; r < ROUNDS; r++)
      sum += times[STEP_TOTAL][r];
    printf ("live update: mean %.3f ms per lever change (budget 8 ms, one frame at 120 Hz)\n",
            sum / ROUNDS);
  }

  for (int s = 0; s < N_STEPS; s++)
    g_free (times[s]);
  cairo_surface_destroy (flow_surface);
  cairo_surface_destroy (chart_surface);
  return EXIT_SUCCESS;
}
