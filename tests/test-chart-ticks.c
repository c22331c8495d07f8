/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-ticks"

#include "config.h"

#include <math.h>

#include "lode-chart-ticks.h"
#include "lode-format.h"

/* The step is 1, 2 or 5 times a power of ten. */
static void
assert_round_step (double step)
{
  double mantissa;

  g_assert_cmpfloat (step, >, 0);
  mantissa = step / pow (10.0, floor (log10 (step) + 1e-12));
  g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9
                 || fabs (mantissa - 5) < 1e-9);
}

static void
assert_ticks_cover (double lo,
                    double hi,
                    int    max_ticks)
{
  LodeChartTicks t;

  lode_chart_ticks_compute (lo, hi, max_ticks, &t);
  assert_round_step (t.step);
  g_assert_cmpint (t.n_ticks, >=, 2);
  g_assert_cmpint (t.n_ticks, <=, max_ticks);
  g_assert_cmpfloat (t.min, <=, MIN (lo, hi));
  g_assert_cmpfloat (t.max, >=, MAX (lo, hi));
  g_assert_cmpfloat (t.min, ==, t.ticks[0]);
  g_assert_cmpfloat (t.max, ==, t.ticks[t.n_ticks - 1]);
  for (int k = 0; k < t.n_ticks; k++)
    {
      /* Every tick is a whole multiple of the step. */
      double multiple = t.ticks[k] / t.step;

      g_assert_cmpfloat (fabs (multiple - round (multiple)), <, 1e-6);
      if (k > 0)
        g_assert_cmpfloat (fabs (t.ticks[k] - t.ticks[k - 1] - t.step), <=, t.step * 1e-9);
    }
  /* Not wastefully wide: less than one spare step beyond the data at each end. */
  g_assert_cmpfloat (t.min, >, MIN (lo, hi) - t.step - fabs (t.step) * 1e-9);
  g_assert_cmpfloat (t.max, <, MAX (lo, hi) + t.step + fabs (t.step) * 1e-9);
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat (lode_chart_nice_step (1.0), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (lode_chart_nice_step (0.3), 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (lode_chart_nice_step (3.0), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_chart_nice_step (7.0), 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_chart_nice_step (1.5), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_chart_nice_step (0.0012), 0.002, 1e-15);
  g_assert_cmpfloat_with_epsilon (lode_chart_nice_step (40000), 50000, 1e-6);
  g_assert_cmpfloat (lode_chart_nice_step (0), ==, 1.0);
  g_assert_cmpfloat (lode_chart_nice_step (-3), ==, 1.0);
  g_assert_cmpfloat (lode_chart_nice_step (NAN), ==, 1.0);
}

static void
test_round_numbers (void)
{
  LodeChartTicks t;

  lode_chart_ticks_compute (0, 100, 6, &t);
  g_assert_cmpint (t.n_ticks, ==, 6);
  g_assert_cmpfloat (t.step, ==, 20);
  g_assert_cmpfloat (t.ticks[3], ==, 60);
  g_assert_cmpint (t.decimals, ==, 0);

  lode_chart_ticks_compute (0, 7.3, 6, &t);
  g_assert_cmpfloat (t.step, ==, 2);
  g_assert_cmpfloat (t.max, ==, 8);

  lode_chart_ticks_compute (0.13, 0.87, 6, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.min, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.max, 1.0, 1e-12);
  g_assert_cmpint (t.decimals, ==, 1);

  assert_ticks_cover (0, 1, 6);
  assert_ticks_cover (3, 97, 6);
  assert_ticks_cover (0, 155080, 7);
  assert_ticks_cover (1.7, 1.73, 5);
  assert_ticks_cover (2024, 2040, 9);
  for (int max = 2; max <= 12; max++)
    assert_ticks_cover (0.0, 123.456, max);
}

static void
test_zero_range (void)
{
  LodeChartTicks t;

  lode_chart_ticks_compute (0, 0, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 1);
  assert_round_step (t.step);

  /* A flat series sits inside the axis, not on its edge. */
  lode_chart_ticks_compute (56, 56, 6, &t);
  g_assert_cmpfloat (t.min, <, 56);
  g_assert_cmpfloat (t.max, >, 56);
  assert_round_step (t.step);

  lode_chart_ticks_compute (-3, -3, 6, &t);
  g_assert_cmpfloat (t.min, <, -3);
  g_assert_cmpfloat (t.max, >, -3);
}

static void
test_tiny_range (void)
{
  LodeChartTicks t;

  lode_chart_ticks_compute (0, 1e-9, 6, &t);
  assert_ticks_cover (0, 1e-9, 6);
  g_assert_cmpfloat (t.step, <=, 1e-9);
  g_assert_cmpint (t.decimals, >=, 9);

  /* A tiny range far from zero is widened around its value: round and covering. */
  lode_chart_ticks_compute (1000.0, 1000.0 + 1e-9, 6, &t);
  assert_round_step (t.step);
  g_assert_cmpint (t.n_ticks, >=, 2);
  g_assert_cmpint (t.n_ticks, <=, 6);
  g_assert_cmpfloat (t.min, <, 1000.0);
  g_assert_cmpfloat (t.max, >, 1000.0 + 1e-9);
}

static void
test_negative (void)
{
  LodeChartTicks t;
  gboolean has_zero = FALSE;

  assert_ticks_cover (-37, 12, 6);
  assert_ticks_cover (-0.004, -0.001, 6);
  assert_ticks_cover (12, -37, 6);   /* either order */

  lode_chart_ticks_compute (-37, 12, 6, &t);
  for (int k = 0; k < t.n_ticks; k++)
    if (t.ticks[k] == 0)
      {
        has_zero = TRUE;
        g_assert_false (signbit (t.ticks[k]));   /* never "-0" */
      }
  g_assert_true (has_zero);
}

static void
test_huge (void)
{
  LodeChartTicks t;

  assert_ticks_cover (0, 3e12, 6);
  assert_ticks_cover (-1e300, 1e300, 6);
  lode_chart_ticks_compute (0, 3e12, 6, &t);
  g_assert_cmpfloat (t.step, ==, 1e12);

  /* Non-finite input gives a usable 0..1 axis. */
  lode_chart_ticks_compute (NAN, 5, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 1);
  lode_chart_ticks_compute (0, INFINITY, 6, &t);
  g_assert_cmpfloat (t.max, ==, 1);
}

static void
test_aligned (void)
{
  LodeChartTicks t;

  lode_chart_ticks_aligned (29.6, 6, &t);
  g_assert_cmpint (t.n_ticks, ==, 7);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, >=, 29.6);
  assert_round_step (t.step);
  g_assert_cmpfloat (t.step, ==, 5);

  lode_chart_ticks_aligned (0, 4, &t);
  g_assert_cmpint (t.n_ticks, ==, 5);
  g_assert_cmpfloat (t.max, >=, 1);
}

static void
test_labels (void)
{
  LodeChartTicks t;
  g_autofree char *label = NULL;
  g_autofree char *big = NULL;

  /* Tick labels go through the number formatter (test-format checks its rules). */
  lode_chart_ticks_compute (0, 1, 6, &t);
  label = lode_chart_ticks_label (&t, 1);
  g_assert_cmpstr (label, ==, "0.2");
  lode_chart_ticks_compute (0, 20000, 6, &t);
  big = lode_chart_ticks_label (&t, 1);
  g_assert_cmpstr (big, ==, "5,000");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/chart-ticks/nice-step", test_nice_step);
  g_test_add_func ("/lode/chart-ticks/round-numbers", test_round_numbers);
  g_test_add_func ("/lode/chart-ticks/zero-range", test_zero_range);
  g_test_add_func ("/lode/chart-ticks/tiny-range", test_tiny_range);
  g_test_add_func ("/lode/chart-ticks/negative", test_negative);
  g_test_add_func ("/lode/chart-ticks/huge", test_huge);
  g_test_add_func ("/lode/chart-ticks/aligned", test_aligned);
  g_test_add_func ("/lode/chart-ticks/labels", test_labels);

  return g_test_run ();
}
