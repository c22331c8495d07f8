/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Benchmark: layout + paint of the Baseline flow diagram at 1920×1080 on an image surface
 * (budget ≤ 4 ms, DESIGN.md §6). Prints its figures; never fails on a time.
 */
#define G_LOG_DOMAIN "bench-flow"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "flow-test-util.h"
#include "lode-flow-paint.h"

#define RUNS 200   /* or the first argument: fewer under valgrind --tool=callgrind */

/* CPU time of this thread, or of the whole process (the paint's worker thread included): on
 * a busy machine wall-clock figures mostly measure the others. */
static double
cpu_seconds (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  LodePalette palette;
  double layout_s = 0.0, paint_s = 0.0, cpu_layout_s = 0.0, cpu_paint_s = 0.0;
  double all_paint_s = 0.0;
  int span = p->horizon - p->base_year + 1;
  int runs = argc > 1 ? MAX (atoi (argv[1]), 1) : RUNS;

  lode_palette_init_light (&palette, lode_projection_get_dataset (p));

  /* Warm up fonts and caches. */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1920, 1080, NULL);
      cairo_t *cr = cairo_create (surface);

      lode_flow_paint (cr, layout, &palette);
      cairo_destroy (cr);
    }

  for (int i = 0; i < runs; i++)
    {
      /* Vary the year (and fractions, as while playing) so nothing is trivially cached. */
      double year = p->base_year + (i % span) + (i % 4) * 0.25;
      double c0 = cpu_seconds (CLOCK_THREAD_CPUTIME_ID), c1, c2, a1, a2;
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      LodeFlowLayout *layout = lode_flow_layout_new (p, year, 1920, 1080, NULL);
      cairo_t *cr;

      t1 = g_get_monotonic_time ();
      c1 = cpu_seconds (CLOCK_THREAD_CPUTIME_ID);
      a1 = cpu_seconds (CLOCK_PROCESS_CPUTIME_ID);
      cr = cairo_create (surface);
      lode_flow_paint (cr, layout, &palette);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();
      c2 = cpu_seconds (CLOCK_THREAD_CPUTIME_ID);
      a2 = cpu_seconds (CLOCK_PROCESS_CPUTIME_ID);
      cpu_layout_s += c1 - c0;
      cpu_paint_s += c2 - c1;
      all_paint_s += a2 - a1;
      lode_flow_layout_free (layout);
      layout_s += (t1 - t0) / 1e6;
      paint_s += (t2 - t1) / 1e6;
    }

  printf ("flow diagram 1920x1080, Baseline, %d runs: layout %.3f ms + paint %.3f ms = "
          "%.3f ms mean wall clock (budget 4 ms)\n", runs, layout_s * 1000 / runs,
          paint_s * 1000 / runs, (layout_s + paint_s) * 1000 / runs);
  printf ("flow diagram 1920x1080, Baseline, %d runs: CPU time layout %.3f ms + paint %.3f ms "
          "= %.3f ms mean\n", runs, cpu_layout_s * 1000 / runs, cpu_paint_s * 1000 / runs,
          (cpu_layout_s + cpu_paint_s) * 1000 / runs);
  printf ("flow diagram 1920x1080, Baseline, %d runs: paint CPU time %.3f ms on the calling "
          "thread, %.3f ms on both\n", runs, cpu_paint_s * 1000 / runs, all_paint_s * 1000 / runs);
  cairo_surface_destroy (surface);
  return 0;
}
