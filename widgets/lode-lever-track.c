/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-lever-track.c — piecewise linear slider tracks for the wide-range levers. */

#define G_LOG_DOMAIN "lode-lever-track"

#include "config.h"

#include "lode-lever-track.h"

#define KNOT(k) (1u << (k))

/* Knots at round values, a few of them written under the slider (the rest are ticks, and a
 * row of labels would widen the panel); the realistic range (what the presets and the sources use) takes
 * half of the track or more. */
static const struct
{
  LodeLever      lever;
  LodeLeverTrack track;
} tracks[] = {
  /* $0–50 bn on 60 % of the track; the $500 bn end for exploring. */
  { LODE_LEVER_FUND_SIZE_BUSD,
    { 7, { 0, 5, 10, 25, 50, 100, 500 }, { 0, 0.15, 0.27, 0.45, 0.6, 0.75, 1 },
      KNOT (0) | KNOT (2) | KNOT (4) | KNOT (6) } },
  /* 0–2 private dollars per public dollar on 70 %. */
  { LODE_LEVER_FUND_PRIVATE_LEVERAGE,
    { 5, { 0, 0.5, 1, 2, 5 }, { 0, 0.25, 0.45, 0.7, 1 },
      KNOT (0) | KNOT (2) | KNOT (3) | KNOT (4) } },
  /* Up to 25 kt a year, several MP Materials, on 70 %; 10,000 written rather than 25,000,
   * which stands too close to 100,000 to be read apart in the panel. */
  { LODE_LEVER_POLICY_PRICE_FLOOR_COVERAGE_T,
    { 6, { 0, 5000, 10000, 25000, 50000, 100000 }, { 0, 0.3, 0.47, 0.7, 0.85, 1 },
      KNOT (0) | KNOT (2) | KNOT (5) } },
  /* 0–100 % tariffs on 80 %. */
  { LODE_LEVER_POLICY_TARIFF_PCT,
    { 5, { 0, 25, 50, 100, 200 }, { 0, 0.3, 0.55, 0.8, 1 },
      KNOT (0) | KNOT (1) | KNOT (2) | KNOT (3) | KNOT (4) } },
};

const LodeLeverTrack *
lode_lever_track_get (LodeLever lever)
{
  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    if (tracks[i].lever == lever)
      return &tracks[i].track;
  return NULL;
}

/* Interpolates `x` from the knots `from` onto `to`, clamped to the ends. */
static double
interpolate (const double *from,
             const double *to,
             guint         n,
             double        x)
{
  if (x <= from[0])
    return to[0];
  for (guint k = 1; k < n; k++)
    if (x <= from[k])
      return to[k - 1] + (x - from[k - 1]) * (to[k] - to[k - 1]) / (from[k] - from[k - 1]);
  return to[n - 1];
}

double
lode_lever_track_to_position (const LodeLeverTrack *track,
                              double                value)
{
  g_return_val_if_fail (track != NULL && track->n_knots >= 2, 0);

  return interpolate (track->value, track->position, track->n_knots, value);
}

double
lode_lever_track_to_value (const LodeLeverTrack *track,
                           double                position)
{
  g_return_val_if_fail (track != NULL && track->n_knots >= 2, 0);

  return interpolate (track->position, track->value, track->n_knots, position);
}
