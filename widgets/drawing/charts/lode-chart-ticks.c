/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-chart-ticks"

#include "config.h"

#include <math.h>

#include "lode-chart-ticks.h"
#include "lode-format.h"

/* Beyond this the arithmetic below would overflow; no chart of ours comes near it. */
#define MAX_MAGNITUDE 1e300

double
lode_chart_nice_step (double raw)
{
  double base;
  double fraction;

  if (!isfinite (raw) || raw <= 0)
    return 1.0;

  base = pow (10.0, floor (log10 (raw)));
  fraction = raw / base;
  if (fraction <= 1.0 + 1e-9)
    return base;
  if (fraction <= 2.0 + 1e-9)
    return 2.0 * base;
  if (fraction <= 5.0 + 1e-9)
    return 5.0 * base;
  return 10.0 * base;
}

/* The next step up the 1, 2, 5, 10 ladder. */
static double
next_step (double step)
{
  return lode_chart_nice_step (step * 1.01);
}

static int
decimals_for (double step)
{
  double exponent = floor (log10 (step) + 1e-9);

  return exponent >= 0 ? 0 : (int) MIN (-exponent, 12);
}

static double
clean (double value)
{
  return value == 0.0 ? 0.0 : value;   /* no negative zero */
}

void
lode_chart_ticks_compute (double          lo,
                          double          hi,
                          int             max_ticks,
                          LodeChartTicks *out)
{
  double span;
  double magnitude;
  double step;
  double i0, i1;

  g_return_if_fail (out != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0.0;
      hi = 1.0;
    }
  if (lo > hi)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  lo = CLAMP (lo, -MAX_MAGNITUDE, MAX_MAGNITUDE);
  hi = CLAMP (hi, -MAX_MAGNITUDE, MAX_MAGNITUDE);
  max_ticks = CLAMP (max_ticks, 2, LODE_CHART_MAX_TICKS);

  magnitude = MAX (fabs (lo), fabs (hi));
  span = hi - lo;
  if (span <= magnitude * 1e-9 || span <= 0)
    {
      /* A flat series: widen around its value so it sits mid-axis. */
      double half = magnitude > 0 ? magnitude * 0.1 : 0.5;

      if (magnitude == 0)
        {
          lo = 0.0;
          hi = 1.0;
        }
      else
        {
          double mid = lo / 2 + hi / 2;

          lo = mid - half;
          hi = mid + half;
        }
    }

  step = lode_chart_nice_step (hi / (max_ticks - 1) - lo / (max_ticks - 1));
  for (;;)
    {
      i0 = floor (lo / step + 1e-9);
      i1 = ceil (hi / step - 1e-9);
      if (i1 <= i0)
        i1 = i0 + 1;
      if (i1 - i0 + 1 <= max_ticks)
        break;
      step = next_step (step);
    }

  out->step = step;
  out->n_ticks = (int) (i1 - i0) + 1;
  for (int k = 0; k < out->n_ticks; k++)
    out->ticks[k] = clean ((i0 + k) * step);
  out->min = out->ticks[0];
  out->max = out->ticks[out->n_ticks - 1];
  out->decimals = decimals_for (step);
}

void
lode_chart_ticks_aligned (double          hi,
                          int             n_intervals,
                          LodeChartTicks *out)
{
  double step;

  g_return_if_fail (out != NULL);

  if (!isfinite (hi) || hi <= 0)
    hi = 1.0;
  hi = MIN (hi, MAX_MAGNITUDE);
  n_intervals = CLAMP (n_intervals, 1, LODE_CHART_MAX_TICKS - 1);

  step = lode_chart_nice_step (hi / n_intervals);
  while (step * n_intervals < hi * (1 - 1e-9))
    step = next_step (step);

  out->step = step;
  out->n_ticks = n_intervals + 1;
  for (int k = 0; k < out->n_ticks; k++)
    out->ticks[k] = k * step;
  out->min = 0.0;
  out->max = out->ticks[n_intervals];
  out->decimals = decimals_for (step);
}

char *
lode_chart_ticks_label (const LodeChartTicks *ticks,
                        int                   index)
{
  g_return_val_if_fail (ticks != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < ticks->n_ticks, NULL);

  return lode_format_number (ticks->ticks[index], ticks->decimals);
}
