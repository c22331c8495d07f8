/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-allocation.c — moving one fund share while the five shares keep summing to 100.
 */
#define G_LOG_DOMAIN "lode-allocation"

#include "config.h"

#include <math.h>

#include "lode-allocation.h"
#include "lode-format.h"

#define TOTAL 100.0

static double
clamp_share (double value,
             double max)
{
  if (!isfinite (value) || value < 0.0)
    return value > 0.0 ? max : 0.0;   /* +Inf → max; NaN, -Inf, negatives → 0 */
  if (value > max)
    return max;
  return value;
}

double
lode_allocation_move (double          shares[LODE_N_ALLOC],
                      const gboolean  locked[LODE_N_ALLOC],
                      guint           index,
                      double          value)
{
  double locked_sum = 0.0;
  double free_sum = 0.0;
  double remaining;
  double sum;
  guint n_free = 0;
  guint largest = G_MAXUINT;

  g_return_val_if_fail (shares != NULL, 0.0);
  g_return_val_if_fail (index < LODE_N_ALLOC, 0.0);

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      if (i == index)
        continue;
      if (locked != NULL && locked[i])
        {
          locked_sum += shares[i];
        }
      else
        {
          /* A corrupt (negative or non-finite) free share counts as zero. */
          if (!isfinite (shares[i]) || shares[i] < 0.0)
            shares[i] = 0.0;
          free_sum += shares[i];
          n_free++;
        }
    }

  /* Every other share locked: the moved one is whatever the locks leave, and cannot change. */
  if (n_free == 0)
    return shares[index];

  value = clamp_share (value, MAX (0.0, TOTAL - locked_sum));
  remaining = MAX (0.0, TOTAL - locked_sum - value);
  shares[index] = value;

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      if (i == index || (locked != NULL && locked[i]))
        continue;
      if (free_sum > 0.0)
        shares[i] = shares[i] * (remaining / free_sum);
      else
        shares[i] = remaining / n_free;
      if (largest == G_MAXUINT || shares[i] > shares[largest])
        largest = i;
    }

  /* Put the rounding residue on the largest free share, so the sum is 100 to the last bits
   * without ever pushing a small share below zero. */
  sum = lode_allocation_sum (shares);
  if (sum != TOTAL)
    shares[largest] = MAX (0.0, shares[largest] + (TOTAL - sum));

  return shares[index];
}

double
lode_allocation_sum (const double shares[LODE_N_ALLOC])
{
  double sum = 0.0;

  g_return_val_if_fail (shares != NULL, 0.0);

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    sum += shares[i];
  return sum;
}

gboolean
lode_allocation_is_valid (const double shares[LODE_N_ALLOC],
                          double       tolerance)
{
  g_return_val_if_fail (shares != NULL, FALSE);

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      if (!isfinite (shares[i]) || shares[i] < 0.0 || shares[i] > TOTAL)
        return FALSE;
    }
  return fabs (lode_allocation_sum (shares) - TOTAL) <= tolerance;
}

char *
lode_allocation_format_share (double share)
{
  /* Within a twentieth of a whole percent reads as whole. */
  return lode_format_percent (share, fabs (share - round (share)) < 0.05 ? 0 : 1);
}
