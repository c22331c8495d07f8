/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-allocation.c — moving one fund share keeps the sum at 100 and the locks in place.
 */
#define G_LOG_DOMAIN "test-allocation"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-allocation.h"

#define SUM_TOLERANCE 1e-9

static void
assert_valid (const double shares[LODE_N_ALLOC])
{
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_assert_true (isfinite (shares[i]));
      g_assert_cmpfloat (shares[i], >=, 0.0);
      g_assert_cmpfloat (shares[i], <=, 100.0);
    }
  g_assert_cmpfloat_with_epsilon (lode_allocation_sum (shares), 100.0, SUM_TOLERANCE);
  g_assert_true (lode_allocation_is_valid (shares, SUM_TOLERANCE));
}

static void
test_proportional (void)
{
  double shares[LODE_N_ALLOC] = { 15, 35, 15, 30, 5 };
  double got;

  /* Mine 15 → 32: the other 85 become 68, each scaled by 68/85 = 0.8. */
  got = lode_allocation_move (shares, NULL, 0, 32);
  g_assert_cmpfloat (got, ==, 32);
  g_assert_cmpfloat (shares[0], ==, 32);
  g_assert_cmpfloat_with_epsilon (shares[1], 28, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares[2], 12, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares[3], 24, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares[4], 4, 1e-12);
  assert_valid (shares);

  /* To 100: every other share goes to exactly zero. */
  got = lode_allocation_move (shares, NULL, 3, 100);
  g_assert_cmpfloat (got, ==, 100);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    g_assert_cmpfloat (shares[i], ==, i == 3 ? 100 : 0);
  assert_valid (shares);

  /* Back down from 100 with all others at zero: spread evenly. */
  got = lode_allocation_move (shares, NULL, 3, 20);
  g_assert_cmpfloat (got, ==, 20);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    g_assert_cmpfloat_with_epsilon (shares[i], 20, 1e-12);
  assert_valid (shares);
}

static void
test_clamping (void)
{
  double shares[LODE_N_ALLOC] = { 15, 35, 15, 30, 5 };

  g_assert_cmpfloat (lode_allocation_move (shares, NULL, 1, 150), ==, 100);
  assert_valid (shares);
  g_assert_cmpfloat (lode_allocation_move (shares, NULL, 1, -20), ==, 0);
  assert_valid (shares);
  g_assert_cmpfloat (lode_allocation_move (shares, NULL, 1, NAN), ==, 0);
  assert_valid (shares);
  g_assert_cmpfloat (lode_allocation_move (shares, NULL, 1, INFINITY), ==, 100);
  assert_valid (shares);
  g_assert_cmpfloat (lode_allocation_move (shares, NULL, 1, -INFINITY), ==, 0);
  assert_valid (shares);
}

static void
test_locks (void)
{
  double shares[LODE_N_ALLOC] = { 15, 35, 15, 30, 5 };
  const gboolean locked[LODE_N_ALLOC] = { FALSE, TRUE, FALSE, TRUE, FALSE };
  double got;

  /* Separation (35) and magnet (30) are locked: mine can reach at most 35. */
  got = lode_allocation_move (shares, locked, 0, 90);
  g_assert_cmpfloat (got, ==, 35);
  g_assert_cmpfloat (shares[1], ==, 35);
  g_assert_cmpfloat (shares[3], ==, 30);
  g_assert_cmpfloat (shares[2], ==, 0);
  g_assert_cmpfloat (shares[4], ==, 0);
  assert_valid (shares);

  /* Down to 5: metal and recycling are both zero, so they share the 30 evenly. */
  got = lode_allocation_move (shares, locked, 0, 5);
  g_assert_cmpfloat (got, ==, 5);
  g_assert_cmpfloat_with_epsilon (shares[2], 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares[4], 15, 1e-12);
  g_assert_cmpfloat (shares[1], ==, 35);
  g_assert_cmpfloat (shares[3], ==, 30);
  assert_valid (shares);

  /* The moved share's own lock is ignored: it is the one being moved. */
  got = lode_allocation_move (shares, locked, 1, 40);
  g_assert_cmpfloat (got, ==, 40);
  g_assert_cmpfloat (shares[3], ==, 30);
  assert_valid (shares);
}

static void
test_all_others_locked (void)
{
  double shares[LODE_N_ALLOC] = { 15, 35, 15, 30, 5 };
  double before[LODE_N_ALLOC];
  const gboolean locked[LODE_N_ALLOC] = { TRUE, TRUE, FALSE, TRUE, TRUE };

  memcpy (before, shares, sizeof before);
  g_assert_cmpfloat (lode_allocation_move (shares, locked, 2, 60), ==, 15);
  g_assert_cmpmem (shares, sizeof shares, before, sizeof before);
  g_assert_cmpfloat (lode_allocation_move (shares, locked, 2, 0), ==, 15);
  g_assert_cmpmem (shares, sizeof shares, before, sizeof before);
}

static void
test_is_valid (void)
{
  const double good[LODE_N_ALLOC] = { 15, 35, 15, 30, 5 };
  const double short_sum[LODE_N_ALLOC] = { 15, 35, 15, 30, 4 };
  const double negative[LODE_N_ALLOC] = { -5, 55, 15, 30, 5 };
  const double over[LODE_N_ALLOC] = { 101, 0, 0, 0, -1 };
  const double nan_share[LODE_N_ALLOC] = { NAN, 35, 15, 30, 5 };

  g_assert_true (lode_allocation_is_valid (good, 0));
  g_assert_false (lode_allocation_is_valid (short_sum, 1e-6));
  g_assert_true (lode_allocation_is_valid (short_sum, 1.0));
  g_assert_false (lode_allocation_is_valid (negative, 1e-6));
  g_assert_false (lode_allocation_is_valid (over, 1e-6));
  g_assert_false (lode_allocation_is_valid (nan_share, 1e-6));
  g_assert_cmpfloat (lode_allocation_sum (good), ==, 100);
}

/* Thousands of random moves with random locks: the sum stays 100 within 1e-9, every share
 * stays in [0, 100], the moved share gets exactly what the locks allow, unlocked others keep
 * their proportions, and locked shares are bit-identical. */
static void
test_random_walk (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  double shares[LODE_N_ALLOC] = { 15, 35, 15, 30, 5 };
  guint n_clamped = 0, n_stuck = 0;

  for (guint step = 0; step < 50000; step++)
    {
      gboolean locked[LODE_N_ALLOC];
      double before[LODE_N_ALLOC];
      double locked_sum = 0.0, free_sum = 0.0, expected, value, got;
      guint index = g_rand_int_range (rand, 0, LODE_N_ALLOC);
      guint n_free = 0;

      for (guint i = 0; i < LODE_N_ALLOC; i++)
        locked[i] = g_rand_double (rand) < 0.3;

      /* Mostly ordinary values, sometimes the extremes and values outside the range. */
      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
          value = 0;
          break;
        case 1:
          value = 100;
          break;
        case 2:
          value = g_rand_double_range (rand, -50, 150);
          break;
        default:
          value = g_rand_double_range (rand, 0, 100);
          break;
        }

      memcpy (before, shares, sizeof before);
      for (guint i = 0; i < LODE_N_ALLOC; i++)
        {
          if (i == index)
            continue;
          if (locked[i])
            locked_sum += shares[i];
          else
            free_sum += shares[i], n_free++;
        }

      got = lode_allocation_move (shares, locked, index, value);

      assert_valid (shares);
      g_assert_cmpfloat (got, ==, shares[index]);
      for (guint i = 0; i < LODE_N_ALLOC; i++)
        {
          if (i != index && locked[i])
            g_assert_cmpmem (&shares[i], sizeof (double), &before[i], sizeof (double));
        }

      if (n_free == 0)
        {
          g_assert_cmpmem (shares, sizeof shares, before, sizeof before);
          n_stuck++;
          continue;
        }

      expected = CLAMP (value, 0.0, MAX (0.0, 100.0 - locked_sum));
      if (expected != value)
        n_clamped++;
      g_assert_cmpfloat_with_epsilon (got, expected, 1e-9);

      /* Proportions of the unlocked others are kept (or evened out from all-zero). */
      for (guint i = 0; i < LODE_N_ALLOC; i++)
        {
          double want;

          if (i == index || locked[i])
            continue;
          if (free_sum > 0.0)
            want = before[i] * (MAX (0.0, 100.0 - locked_sum - got) / free_sum);
          else
            want = MAX (0.0, 100.0 - locked_sum - got) / n_free;
          g_assert_cmpfloat_with_epsilon (shares[i], want, 1e-9);
        }
    }

  /* The walk really visited the edge cases. */
  g_test_message ("clamped %u, all others locked %u", n_clamped, n_stuck);
  g_assert_cmpuint (n_clamped, >, 1000);
  g_assert_cmpuint (n_stuck, >, 100);
}

static void
test_format_share (void)
{
  const struct { double share; const char *text; } cases[] = {
    { 35, "35%" }, { 12.5, "12.5%" }, { 35.04, "35%" }, { 0, "0%" }, { 33.3333, "33.3%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lode_allocation_format_share (cases[i].share);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/allocation/proportional", test_proportional);
  g_test_add_func ("/lode/allocation/clamping", test_clamping);
  g_test_add_func ("/lode/allocation/locks", test_locks);
  g_test_add_func ("/lode/allocation/all-others-locked", test_all_others_locked);
  g_test_add_func ("/lode/allocation/is-valid", test_is_valid);
  g_test_add_func ("/lode/allocation/random-walk", test_random_walk);
  g_test_add_func ("/lode/allocation/format-share", test_format_share);

  return g_test_run ();
}
