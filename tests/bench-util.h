/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the benchmarks that print medians share: a clock in milliseconds and the median of a
 * set of runs. Header-only.
 */
#pragma once

#include <stdlib.h>

#include <glib.h>

static G_GNUC_UNUSED double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static G_GNUC_UNUSED int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts `values` in place. */
static G_GNUC_UNUSED double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
