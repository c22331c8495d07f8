/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-year-control.c — LodeYearControl: its properties, its buttons and steps, and playback
 * frame by frame on a test clock (smooth, reduced motion, pause, stop at the end). */

#define G_LOG_DOMAIN "test-year-control"

#include "config.h"

#include <math.h>

#include "lode-year-control-private.h"
#include "ui-test-util.h"

#define SECOND G_USEC_PER_SEC

typedef struct
{
  GtkWidget       *window;
  LodeYearControl *control;
  guint            years_notified;
  guint            playing_notified;
  gboolean         fractional;
} Fixture;

static void
year_cb (LodeYearControl *control,
         GParamSpec      *pspec,
         Fixture         *f)
{
  double year = lode_year_control_get_year (control);

  f->years_notified++;
  if (year != floor (year))
    f->fractional = TRUE;
}

static void
playing_cb (LodeYearControl *control,
            GParamSpec      *pspec,
            Fixture         *f)
{
  f->playing_notified++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = g_object_ref (gtk_window_new ());
  f->control = LODE_YEAR_CONTROL (lode_year_control_new ());
  g_object_ref_sink (f->control);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->control));
  g_signal_connect (f->control, "notify::year", G_CALLBACK (year_cb), f);
  g_signal_connect (f->control, "notify::playing", G_CALLBACK (playing_cb), f);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  ui_test_finish_window (f->window);
  g_assert_finalize_object (f->control);
}

static void
reset_counts (Fixture *f)
{
  f->years_notified = 0;
  f->playing_notified = 0;
  f->fractional = FALSE;
}

static void
test_properties (void)
{
  GtkWidget *control = g_object_ref_sink (lode_year_control_new ());
  g_auto(GValue) year = G_VALUE_INIT;
  g_auto(GValue) playing = G_VALUE_INIT;

  g_value_init (&year, G_TYPE_DOUBLE);
  g_value_set_double (&year, 2031);
  ui_test_check_property (control, "year", &year);
  /* Playing starts from a fresh control; a test clock keeps the frame clock out of it. */
  lode_year_control_use_test_clock (LODE_YEAR_CONTROL (control));
  g_value_init (&playing, G_TYPE_BOOLEAN);
  g_value_set_boolean (&playing, TRUE);
  ui_test_check_property (control, "playing", &playing);
  g_assert_finalize_object (control);
}

static void
test_range_and_steps (Fixture       *f,
                      gconstpointer  data)
{
  LodeYearControl *yc = f->control;

  lode_year_control_set_range (yc, 2024, 2030);
  g_assert_cmpint (lode_year_control_get_first (yc), ==, 2024);
  g_assert_cmpint (lode_year_control_get_last (yc), ==, 2030);
  reset_counts (f);

  lode_year_control_set_year (yc, 2027);
  g_assert_cmpuint (f->years_notified, ==, 1);
  lode_year_control_set_year (yc, 2027);
  g_assert_cmpuint (f->years_notified, ==, 1);
  /* Clamped to the range. */
  lode_year_control_set_year (yc, 2099);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2030);
  lode_year_control_step (yc, -1);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2029);
  lode_year_control_step (yc, 1);
  lode_year_control_step (yc, 1);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2030);
  g_assert_cmpuint (f->years_notified, ==, 4);
  /* A range that no longer holds the year moves it in. */
  lode_year_control_set_range (yc, 2024, 2026);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2026);
}

/* Smooth playback: each frame shows the year its time reaches, fractional in between, and
 * play stops on the last year. */
static void
test_play_smooth (Fixture       *f,
                  gconstpointer  data)
{
  LodeYearControl *yc = f->control;

  lode_year_control_use_test_clock (yc);
  lode_year_control_set_range (yc, 2024, 2026);
  lode_year_control_set_year (yc, 2026);
  reset_counts (f);

  /* Play from the last year starts again at the first. */
  g_object_set (yc, "playing", TRUE, NULL);
  g_assert_true (lode_year_control_get_playing (yc));
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2024);
  g_assert_cmpuint (f->playing_notified, ==, 1);
  g_assert_cmpuint (f->years_notified, ==, 1);

  lode_year_control_tick (yc, 100 * SECOND);          /* the first frame: time zero */
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2024);
  lode_year_control_tick (yc, 100 * SECOND + SECOND / 4);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2024.25);
  lode_year_control_tick (yc, 101 * SECOND + SECOND / 2);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2025.5);
  g_assert_true (f->fractional);
  g_assert_cmpuint (f->years_notified, ==, 3);
  g_assert_true (lode_year_control_get_playing (yc));

  /* Past the end: the last year, and play stops by itself. */
  lode_year_control_tick (yc, 103 * SECOND);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2026);
  g_assert_false (lode_year_control_get_playing (yc));
  g_assert_cmpuint (f->playing_notified, ==, 2);
  g_assert_cmpuint (f->years_notified, ==, 4);
  /* Frames after that change nothing. */
  lode_year_control_tick (yc, 104 * SECOND);
  g_assert_cmpuint (f->years_notified, ==, 4);
}

/* With animations off, playing steps whole years, once a second, and nothing in between. */
static void
test_play_reduced_motion (Fixture       *f,
                          gconstpointer  data)
{
  LodeYearControl *yc = f->control;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  lode_year_control_use_test_clock (yc);
  lode_year_control_set_range (yc, 2024, 2027);
  lode_year_control_set_year (yc, 2025);
  reset_counts (f);

  lode_year_control_set_playing (yc, TRUE);
  lode_year_control_tick (yc, 0);
  lode_year_control_tick (yc, SECOND / 2);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2025);
  g_assert_cmpuint (f->years_notified, ==, 0);
  lode_year_control_tick (yc, SECOND);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2026);
  lode_year_control_tick (yc, SECOND + SECOND / 2);
  g_assert_cmpuint (f->years_notified, ==, 1);
  lode_year_control_tick (yc, 2 * SECOND);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2027);
  g_assert_false (lode_year_control_get_playing (yc));
  g_assert_cmpuint (f->years_notified, ==, 2);
  g_assert_false (f->fractional);
}

/* Pausing lands on the nearest whole year, which is what the document keeps. */
static void
test_pause (Fixture       *f,
            gconstpointer  data)
{
  LodeYearControl *yc = f->control;

  lode_year_control_use_test_clock (yc);
  lode_year_control_set_range (yc, 2024, 2040);
  lode_year_control_set_year (yc, 2024);
  lode_year_control_set_playing (yc, TRUE);
  lode_year_control_tick (yc, 0);
  lode_year_control_tick (yc, 2 * SECOND + SECOND * 7 / 10);
  g_assert_cmpfloat (fabs (lode_year_control_get_year (yc) - 2026.7), <, 1e-9);
  lode_year_control_set_playing (yc, FALSE);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2027);

  /* A year set from outside while playing ends playing. */
  lode_year_control_set_playing (yc, TRUE);
  lode_year_control_set_year (yc, 2030);
  g_assert_false (lode_year_control_get_playing (yc));
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2030);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/lode/year-control/properties", test_properties);
#define ADD(path, func) \
  g_test_add ("/lode/year-control/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("range-and-steps", test_range_and_steps);
  ADD ("play-smooth", test_play_smooth);
  ADD ("play-reduced-motion", test_play_reduced_motion);
  ADD ("pause", test_pause);
#undef ADD

  return g_test_run ();
}
