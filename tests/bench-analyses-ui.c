/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-analyses-ui — does the window stay responsive while the analyses run (issue 13: no
 * frame over 16 ms)? A 1280×800 window drags the fund size a step every frame for a second,
 * then lets go and waits for the analyses to finish, three times: with no analysis, with the
 * tornado chart shown, and with the bands on. Prints, for the frames while analyses were
 * under way, what each frame cost (from the frame clock starting it to the frame painted: wall
 * clock, and processor time of the main thread, which the other threads' work does not
 * count), its phases, the intervals between frames (never under the 16.7 ms refresh period:
 * the frame clock waits for it) and the longest the main thread was busy at once (one
 * main-loop iteration), next to the same without analyses. Needs a display (run it under
 * xvfb-run); without one it says so. Never fails on a time.
 */
#define G_LOG_DOMAIN "bench-analyses-ui"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <adwaita.h>

#include "lode-analyses.h"
#include "lode-application.h"
#include "lode-window-private.h"

#define DRAG_FRAMES 60
#define SETTLE_US   (20 * G_USEC_PER_SEC)

typedef struct
{
  LodeWindow *win;
  GArray     *intervals;   /* ms between frames while work is under way */
  GArray     *work;        /* ms each of those frames kept the main thread busy */
  gint64      last_frame;
  gint64      paint_start; /* when the frame clock began the frame now being made */
  double      cpu_start;   /* the main thread's processor time then, ms */
  GArray     *cpu;         /* ms of processor time each frame took on the main thread */
  gint64      phase_end[3]; /* when its update, layout and paint phases ended */
  double      phase_ms[3];  /* their total over the frames measured */
  int         frame;
  gboolean    dragging;
} Run;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
busy (Run *r)
{
  LodeAnalyses *analyses = lode_analyses_from_document (lode_window_get_document (r->win));

  return r->dragging || (analyses != NULL && lode_analyses_get_busy (analyses));
}

/* Each frame of the drag moves the fund size, as a slider does. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Run *r = user_data;
  gint64 now = g_get_monotonic_time ();
  LodeDocument *doc = lode_window_get_document (r->win);

  if (r->last_frame > 0 && busy (r))
    {
      double ms = (now - r->last_frame) / 1000.0;

      g_array_append_val (r->intervals, ms);
    }
  r->last_frame = now;
  if (r->dragging)
    {
      lode_scenario_set_lever (lode_document_get_scenario (doc), LODE_LEVER_FUND_SIZE_BUSD,
                               5 + 0.5 * r->frame, NULL);
      if (++r->frame >= DRAG_FRAMES)
        {
          r->dragging = FALSE;
          lode_document_end_step (doc);
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
sort_ms (GArray *ms)
{
  qsort (ms->data, ms->len, sizeof (double), compare_doubles);
}

static guint
count_over (GArray *ms,
            double  limit)
{
  guint over = 0;

  for (guint i = 0; i < ms->len; i++)
    over += g_array_index (ms, double, i) > limit ? 1 : 0;
  return over;
}

/* A frame's cost is the time from the frame clock starting it to the frame painted: the lever
 * step, the projection, layout and the repaint. The interval between frames cannot be shorter
 * than the display's refresh period (16.7 ms: the frame clock waits for it), so an interval
 * shows a slow frame only when it skips a refresh. */
static void
print_stats (const char *name,
             Run        *r,
             double      longest_iteration)
{
  double *work = (double *) r->work->data, *gap = (double *) r->intervals->data;
  guint n = r->work->len, n_gaps = r->intervals->len;

  if (n == 0 || n_gaps == 0)
    {
      printf ("  %-28s no frames\n", name);
      return;
    }
  sort_ms (r->work);
  sort_ms (r->intervals);
  printf ("  %-28s %4u frames: cost median %5.1f ms, p95 %5.1f ms, max %5.1f ms, %u over 16 ms\n"
          "  %-28s intervals median %5.1f ms, p95 %5.1f ms, %u of %u skipped a refresh (> 25 ms); "
          "longest main-loop iteration %.1f ms\n",
          name, n, work[n / 2], work[n * 95 / 100], work[n - 1], count_over (r->work, 16.0),
          "", gap[n_gaps / 2], gap[n_gaps * 95 / 100], count_over (r->intervals, 25.0), n_gaps,
          longest_iteration);
  sort_ms (r->cpu);
  printf ("  %-28s processor time on the main thread: median %5.1f ms, p95 %5.1f ms, "
          "max %5.1f ms\n", "", g_array_index (r->cpu, double, n / 2),
          g_array_index (r->cpu, double, n * 95 / 100), g_array_index (r->cpu, double, n - 1));
  printf ("  %-28s mean per frame: update %.1f ms (levers, model), layout %.1f ms, "
          "paint %.1f ms\n", "", r->phase_ms[0] / n, r->phase_ms[1] / n, r->phase_ms[2] / n);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Run           *r)
{
  r->paint_start = g_get_monotonic_time ();
  r->cpu_start = thread_cpu_ms ();
}

static void
phase_end_cb (GdkFrameClock *clock,
              Run           *r)
{
  const char *name = g_signal_name (g_signal_get_invocation_hint (clock)->signal_id);
  int phase = g_str_equal (name, "update") ? 0 : g_str_equal (name, "layout") ? 1 : 2;

  r->phase_end[phase] = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *r)
{
  if (r->paint_start > 0 && busy (r))
    {
      double ms = (g_get_monotonic_time () - r->paint_start) / 1000.0;

      g_array_append_val (r->work, ms);
      ms = thread_cpu_ms () - r->cpu_start;
      g_array_append_val (r->cpu, ms);
      if (r->phase_end[0] >= r->paint_start && r->phase_end[2] >= r->phase_end[1])
        {
          r->phase_ms[0] += (r->phase_end[0] - r->paint_start) / 1000.0;
          r->phase_ms[1] += (r->phase_end[1] - r->phase_end[0]) / 1000.0;
          r->phase_ms[2] += (r->phase_end[2] - r->phase_end[1]) / 1000.0;
        }
    }
  r->paint_start = 0;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(int *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets `n` frames pass: the window finishes its levers panel on its second frame, and a view
 * shown for the first time lays itself out in its first. What is measured is a drag in a
 * window that shows its view already, not the change of view. */
static void
settle (GtkWidget *win,
        int        n)
{
  int frames = 0;
  guint tick = gtk_widget_add_tick_callback (win, count_frame_cb, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (win, tick);
}

static void
measure_drag (LodeWindow *win,
              const char *name)
{
  Run r = {
    .win = win,
    .intervals = g_array_new (FALSE, FALSE, sizeof (double)),
    .work = g_array_new (FALSE, FALSE, sizeof (double)),
    .cpu = g_array_new (FALSE, FALSE, sizeof (double)),
    .dragging = TRUE,
  };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (win), tick_cb, &r, NULL);
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &r);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &r);
  gulong phases[3] = {
    g_signal_connect (clock, "update", G_CALLBACK (phase_end_cb), &r),
    g_signal_connect (clock, "layout", G_CALLBACK (phase_end_cb), &r),
    g_signal_connect (clock, "paint", G_CALLBACK (phase_end_cb), &r),
  };
  gint64 end;
  double longest = 0;

  lode_document_begin_step (lode_window_get_document (win));
  end = g_get_monotonic_time () + SETTLE_US;
  while (busy (&r) && g_get_monotonic_time () < end)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      if (busy (&r))
        longest = MAX (longest, (g_get_monotonic_time () - t0) / 1000.0);
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (win), tick);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  for (int i = 0; i < 3; i++)
    g_signal_handler_disconnect (clock, phases[i]);
  print_stats (name, &r, longest);
  g_array_unref (r.intervals);
  g_array_unref (r.work);
  g_array_unref (r.cpu);
}

static void
measure (LodeWindow *win,
         const char *name)
{
  settle (GTK_WIDGET (win), 10);
  measure_drag (win, name);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  LodeApplication *app;
  LodeWindow *win;
  LodeAnalyses *analyses;

  if (!gtk_init_check ())
    {
      printf ("bench-analyses-ui: no display; run it under xvfb-run\n");
      return 0;
    }
  adw_init ();
  app = lode_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      printf ("bench-analyses-ui: %s\n", error->message);
      return 0;
    }
  win = lode_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 800);
  gtk_window_present (GTK_WINDOW (win));
  for (int i = 0; i < 30; i++)
    g_main_context_iteration (NULL, FALSE);
  analyses = lode_analyses_from_document (lode_window_get_document (win));

  printf ("bench-analyses-ui: a 1280x800 window, the fund dragged for %d frames, then the "
          "analyses finish; %u processors\n", DRAG_FRAMES, g_get_num_processors ());
  lode_analyses_set_marginal_enabled (analyses, FALSE);
  measure (win, "no analysis (reference)");
  lode_analyses_set_marginal_enabled (analyses, TRUE);
  measure (win, "marginal values");
  g_action_group_activate_action (G_ACTION_GROUP (win), "chart",
                                  g_variant_new_string ("tornado"));
  measure (win, "marginal values + tornado");
  g_action_group_activate_action (G_ACTION_GROUP (win), "chart",
                                  g_variant_new_string ("china-free"));
  g_action_group_activate_action (G_ACTION_GROUP (win), "bands", NULL);
  measure (win, "marginal values + bands");

  gtk_window_destroy (GTK_WINDOW (win));
  for (int i = 0; i < 30; i++)
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (app);
  return 0;
}
