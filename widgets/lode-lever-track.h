/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The track of a wide-range lever's slider: piecewise linear, so the realistic range gets most
 * of it. The fund runs to $500 bn, but $0–50 bn is where plans are made: on a linear track
 * the $25 bn of Mine to Magnet sat at the far left and the useful range had a few pixels.
 * Each track is a few knots (value, position 0..1) at round values, which the slider marks;
 * between knots value and position are proportional. The spin button beside the slider still
 * takes any value of the lever's range. Levers without a track (and every on/off lever) keep
 * a linear slider. Pure arithmetic, no GTK.
 */
#pragma once

#include <glib.h>

#include "lode-levers.h"

G_BEGIN_DECLS

#define LODE_LEVER_TRACK_MAX_KNOTS 8

typedef struct
{
  guint  n_knots;
  double value[LODE_LEVER_TRACK_MAX_KNOTS];      /* rising, from the lever's min to its max */
  double position[LODE_LEVER_TRACK_MAX_KNOTS];   /* rising, from 0 to 1 */
  guint  labelled;                               /* bit k: knot k has its value written */
} LodeLeverTrack;

/* The lever's track, or NULL for a linear one. */
const LodeLeverTrack *lode_lever_track_get         (LodeLever              lever);
/* Where `value` sits on the track (0..1), clamped to the ends. */
double                lode_lever_track_to_position (const LodeLeverTrack  *track,
                                                    double                 value);
/* The value at `position` (clamped to 0..1). */
double                lode_lever_track_to_value    (const LodeLeverTrack  *track,
                                                    double                 position);

G_END_DECLS
