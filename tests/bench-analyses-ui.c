/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-analyses-ui — does the window stay responsive while the analyses run (issue 13: no
 * frame over 16 ms)? A 1280×800 window drags the fund size a step every frame for a second,
 * then lets go and waits for the analyses to finish, three times: with no analysis, with the
 * tornado chart shown, and with the bands on. Prints, for the frames while analyses were
 * under way, the intervals between frames and the longest the main thread was busy at once
 * (one main-loop iteration), next to the same without analyses. Needs a display (run it
 * under xvfb-run); without one it says so. Never fails on a time.
 */
#define G_LOG_DOMAIN "bench-analyses-ui"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

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
  gint64      last_frame;
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
print_stats (const char *name,
             GArray     *intervals,
             double      longest_iteration)
{
  double *v = (double *) intervals->data;
  guint n = intervals->len, over = 0;

  if (n == 0)
    {
      printf ("  %-28s no frames\n", name);
      return;
    }
  qsort (v, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    over += v[i] > 16.0 ? 1 : 0;
  printf ("  %-28s %4u frames: median %5.1f ms, p95 %5.1f ms, max %5.1f ms, %u over 16 ms; "
          "longest main-loop iteration %.1f ms\n", name, n, v[n / 2], v[n * 95 / 100],
          v[n - 1], over, longest_iteration);
}

static void
measure (LodeWindow *win,
         const char *name)
{
  Run r = { win, g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, TRUE };
  guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (win), tick_cb, &r, NULL);
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
  print_stats (name, r.intervals, longest);
  g_array_unref (r.intervals);
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
