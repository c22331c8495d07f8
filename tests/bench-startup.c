/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup.c — the remaining DESIGN.md §6 budgets: loading and validating the reference
 * dataset and a scenario file (budget 5 ms per scenario), and start to first frame of the
 * main window (budget 400 ms with the Cairo renderer, 500 ms with either).
 *
 * The first frame is timed in fresh processes, N_STARTS of them per renderer: this program
 * runs itself with --child, and the child reports, from the moment before the parent started
 * it, when main() ran (program loading), then GTK, libadwaita, the application's start-up
 * (dataset, style), the window's construction and its first frame (style, layout, paint,
 * render). Prints the medians; never fails on a time. The first frame needs a display;
 * without one it says so and prints the rest.
 *
 * The GL renderer's starts share a shader cache of their own (MESA_SHADER_CACHE_DIR, a
 * temporary folder): the first start fills it and is printed alone as the cold start, a user's
 * very first; the N_STARTS after it are the warm starts, as a user's every later start. With
 * the cache in the user's home instead, the figure depended on what had run before. */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "lode-application.h"
#include "lode-window.h"
#include "lode-scenario-io.h"

#include "bench-util.h"
#include "tmp-tree.h"

#define N_LOADS  200
#define N_STARTS 11

typedef enum
{
  PHASE_LOAD,      /* exec and dynamic loading, to main() */
  PHASE_GTK,       /* gtk_init() */
  PHASE_ADW,       /* adw_init() */
  PHASE_STARTUP,   /* the application's start-up: dataset, style sheet, menus */
  PHASE_WINDOW,    /* lode_window_new() */
  PHASE_FRAME,     /* presented to the end of the first frame */
  N_PHASES
} Phase;

static const char * const phase_names[N_PHASES] = {
  "program loading", "GTK", "libadwaita", "application start-up", "window construction",
  "first frame",
};


static void
bench_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();
  double best = G_MAXDOUBLE;

  ds = lode_dataset_load_default (&error);
  if (ds == NULL)
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return;
    }
  printf ("dataset: load + validate the reference dataset: %.2f ms\n", ms_since (start));

  bytes = g_resources_lookup_data ("/io/github/lodestone/Lodestone/data/scenarios/"
                                   "mine-to-magnet.lodestone", 0, &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return;
    }
  for (int i = 0; i < N_LOADS; i++)
    {
      g_autoptr(LodeScenario) sc = NULL;

      start = g_get_monotonic_time ();
      sc = lode_scenario_load_from_bytes (ds, bytes, "mine-to-magnet.lodestone", &error);
      best = MIN (best, ms_since (start));
      if (sc == NULL)
        {
          fprintf (stderr, "bench-startup: %s\n", error->message);
          return;
        }
    }
  printf ("scenario: load + validate a scenario file (best of %d): %.3f ms (budget 5 ms)\n",
          N_LOADS, best);
}

/* The child --------------------------------------------------------------------------------- */

static void
first_frame_cb (GdkFrameClock *clock,
                gboolean      *done)
{
  *done = TRUE;
}

/* CPU time (user and system) this process has used, ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3
         + usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

/* Prints "phases: T0 … T5 CPU RENDERER": the time each phase ended, ms after `spawned`, and
 * the CPU time used up to the first frame. */
static int
run_child (gint64 spawned)
{
  g_autoptr(LodeApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  double ends[N_PHASES];
  LodeWindow *win;
  GdkFrameClock *clock;
  gboolean done = FALSE;

  ends[PHASE_LOAD] = ms_since (spawned);
  /* As lodestone-window starts (window-main.c and the application's start-up). */
  lode_application_skip_gtk_theme ();
  if (!gtk_init_check ())
    return 2;
  ends[PHASE_GTK] = ms_since (spawned);
  lode_application_init_libadwaita ();
  ends[PHASE_ADW] = ms_since (spawned);

  app = lode_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return 1;
    }
  ends[PHASE_STARTUP] = ms_since (spawned);

  win = lode_window_new (app);
  ends[PHASE_WINDOW] = ms_since (spawned);
  gtk_window_present (GTK_WINDOW (win));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  ends[PHASE_FRAME] = ms_since (spawned);

  printf ("phases:");
  for (int p = 0; p < N_PHASES; p++)
    printf (" %.2f", ends[p]);
  printf (" %.2f %s\n", cpu_ms (), G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (win))));
  gtk_window_destroy (GTK_WINDOW (win));
  return 0;
}

/* The parent -------------------------------------------------------------------------------- */



/* Runs `self` --child once in `env`: the end of each phase into `ends`, the CPU time into
 * `cpu`, the renderer's type name into `name` (64 bytes). Returns 0, 2 when there is no
 * display, 1 when the child failed. */
static int
start_child (const char  *self,
             char       **env,
             double      *ends,
             double      *cpu,
             char        *name)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[4] = { self, "--child", NULL, NULL };

  stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  argv[2] = stamp;
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, &error))
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return 1;
    }
  if (g_spawn_check_wait_status (status, NULL) == FALSE && WIFEXITED (status)
      && WEXITSTATUS (status) == 2)
    return 2;
  if (sscanf (out, "phases: %lf %lf %lf %lf %lf %lf %lf %63s", &ends[0], &ends[1], &ends[2],
              &ends[3], &ends[4], &ends[5], cpu, name) != N_PHASES + 2)
    {
      fprintf (stderr, "bench-startup: the child failed: %s%s\n", out, err);
      return 1;
    }
  return 0;
}

/* Starts `self` --child N_STARTS times with GSK_RENDERER=`renderer` and prints the medians of
 * each phase; the GL renderer's starts follow one cold start (see the top of this file).
 * Returns FALSE when there is no display. */
static gboolean
bench_first_frame (const char *self,
                   const char *renderer,
                   double      budget)
{
  g_auto(GStrv) env = g_get_environ ();
  double phases[N_PHASES][N_STARTS], totals[N_STARTS], cpu[N_STARTS];
  g_autofree char *cache = NULL;
  char name[64] = "";
  int result = 0;

  env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  /* The test environment turns GL off; the GL renderer needs it on. */
  if (g_str_equal (renderer, "gl"))
    {
      double ends[N_PHASES], cold_cpu;

      env = g_environ_unsetenv (env, "GDK_DEBUG");
      cache = lode_tmp_tree_new ("bench-startup-shaders-XXXXXX");
      env = g_environ_setenv (env, "MESA_SHADER_CACHE_DIR", cache, TRUE);
      env = g_environ_unsetenv (env, "MESA_SHADER_CACHE_DISABLE");
      env = g_environ_unsetenv (env, "MESA_GLSL_CACHE_DISABLE");
      result = start_child (self, env, ends, &cold_cpu, name);
      if (result == 0)
        printf ("first frame, GSK_RENDERER=gl, cold start (empty shader cache): %.1f ms; "
                "CPU time %.1f ms\n", ends[PHASE_FRAME], cold_cpu);
    }

  for (int i = 0; i < N_STARTS && result == 0; i++)
    {
      double ends[N_PHASES];

      result = start_child (self, env, ends, &cpu[i], name);
      for (int p = 0; p < N_PHASES && result == 0; p++)
        phases[p][i] = ends[p] - (p > 0 ? ends[p - 1] : 0);
      totals[i] = ends[PHASE_FRAME];
    }
  if (cache != NULL)
    lode_tmp_tree_remove (cache);
  if (result == 2)
    return FALSE;
  if (result != 0)
    return TRUE;

  printf ("first frame, GSK_RENDERER=%s (%s)%s: process start to the window's first frame, "
          "median of %d starts: %.1f ms (budget %.0f ms); CPU time %.1f ms\n",
          renderer, name, cache != NULL ? ", warm shader cache" : "", N_STARTS,
          median (totals, N_STARTS), budget, median (cpu, N_STARTS));
  for (int p = 0; p < N_PHASES; p++)
    printf ("  %-22s %7.1f ms\n", phase_names[p], median (phases[p], N_STARTS));
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (g_ascii_strtoll (argv[2], NULL, 10));

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);
  if (bench_first_frame (self, "cairo", 400))
    bench_first_frame (self, "gl", 500);
  else
    printf ("first frame: no display, not measured (run under xvfb-run)\n");
  bench_files ();
  return 0;
}
