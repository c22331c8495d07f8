/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export.c — where a headless PNG export spends its time inside the process: loading the
 * dataset, the two projections, painting the page, and encoding it, with Cairo's PNG writer
 * and with the export's own (lode-png.c). Medians of N_RUNS; prints its figures and never
 * fails on a time. The whole process is timed against gnuplot by build-aux/compare-export.sh. */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <stdio.h>

#include "lode-export.h"
#include "lode-png.h"
#include "lode-scenario-io.h"

#include "bench-util.h"

#define N_RUNS 15

typedef struct
{
  const char     *name;
  LodeExportView  view;
  LodeChartKind   chart;
  int             width;
  int             height;
} Page;

static const Page pages[] = {
  { "chart:china-free 1600x900", LODE_EXPORT_VIEW_CHART, LODE_CHART_CHINA_FREE, 1600, 900 },
  { "flow 1920x1080", LODE_EXPORT_VIEW_FLOW, 0, 1920, 1080 },
  { "slide 1920x1080", LODE_EXPORT_VIEW_SLIDE, LODE_CHART_CHINA_FREE, 1920, 1080 },
};




/* Counts the bytes Cairo's writer hands out. */
static cairo_status_t
count_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
bench_page (const Page              *page,
            const LodeExportRequest *base_req)
{
  LodeExportRequest req = *base_req;
  double paint[N_RUNS], ours[N_RUNS], cairos[N_RUNS];
  gsize ours_size = 0, cairo_size = 0;

  req.view = page->view;
  req.chart = page->chart;
  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GByteArray) a = g_byte_array_new ();
      cairo_surface_t *surface;
      cairo_t *cr;
      gint64 start = g_get_monotonic_time ();

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, page->width, page->height);
      cr = cairo_create (surface);
      lode_export_paint_page (cr, &req, page->width, page->height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      paint[i] = ms_since (start);

      start = g_get_monotonic_time ();
      lode_png_write (surface, a);
      ours[i] = ms_since (start);

      cairo_size = 0;
      start = g_get_monotonic_time ();
      cairo_surface_write_to_png_stream (surface, count_cb, &cairo_size);
      cairos[i] = ms_since (start);

      ours_size = a->len;
      cairo_surface_destroy (surface);
    }
  printf ("%s: paint %.2f ms; PNG %.2f ms, %" G_GSIZE_FORMAT " bytes (Cairo's writer %.2f ms, "
          "%" G_GSIZE_FORMAT " bytes)\n",
          page->name, median (paint, N_RUNS), median (ours, N_RUNS), ours_size,
          median (cairos, N_RUNS), cairo_size);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeProjection) projection = NULL;
  g_autoptr(LodeProjection) baseline = NULL;
  LodeExportRequest req;
  double load[N_RUNS], run[N_RUNS];

  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&dataset, lode_dataset_unref);
      g_clear_object (&scenario);
      dataset = lode_dataset_load_default (&error);
      if (dataset != NULL)
        scenario = lode_scenario_load_preset (dataset, "baseline", &error);
      if (scenario == NULL)
        {
          fprintf (stderr, "bench-export: %s\n", error->message);
          return 1;
        }
      load[i] = ms_since (start);

      start = g_get_monotonic_time ();
      g_clear_pointer (&projection, lode_projection_unref);
      g_clear_pointer (&baseline, lode_projection_unref);
      projection = lode_projection_run (dataset, scenario, &error);
      baseline = projection != NULL ? lode_projection_run (dataset, scenario, &error) : NULL;
      if (baseline == NULL)
        {
          fprintf (stderr, "bench-export: %s\n", error->message);
          return 1;
        }
      run[i] = ms_since (start);
    }
  printf ("dataset and Baseline preset: load %.2f ms; two projections %.2f ms\n",
          median (load, N_RUNS), median (run, N_RUNS));

  lode_export_request_init (&req, projection, baseline, NULL);
  lode_export_request_apply_scenario (&req, scenario);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    bench_page (&pages[p], &req);
  return 0;
}
