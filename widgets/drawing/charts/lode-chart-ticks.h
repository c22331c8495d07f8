/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Round axis ticks for the charts: steps of 1, 2 or 5 × 10^k that cover a data range, with
 * the number of decimals a tick label needs, and locale-formatted tick labels.
 * Pure arithmetic; draw library, no GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LODE_CHART_MAX_TICKS 64

typedef struct
{
  double min;                          /* first tick, <= the data minimum */
  double max;                          /* last tick, >= the data maximum */
  double step;                         /* 1, 2 or 5 × 10^k */
  int    n_ticks;                      /* min, min + step, ..., max */
  int    decimals;                     /* digits after the point a label needs */
  double ticks[LODE_CHART_MAX_TICKS];
} LodeChartTicks;

/* The largest 1/2/5 × 10^k step not below `raw` (raw > 0). */
double lode_chart_nice_step     (double                raw);
/* Round ticks covering [lo, hi] (either order) with at most `max_ticks` ticks (2..64).
 * A zero or tiny range is widened around its value; non-finite input gives 0..1. */
void   lode_chart_ticks_compute (double                lo,
                                 double                hi,
                                 int                   max_ticks,
                                 LodeChartTicks       *out);
/* Like compute, but with exactly `n_intervals` steps starting at 0 (for a secondary axis
 * whose grid lines must meet the primary axis's): covers [0, hi], hi >= 0. */
void   lode_chart_ticks_aligned (double                hi,
                                 int                   n_intervals,
                                 LodeChartTicks       *out);
/* A tick label: the locale's decimal point and grouping, `ticks->decimals` digits. */
char  *lode_chart_ticks_label   (const LodeChartTicks *ticks,
                                 int                   index) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
