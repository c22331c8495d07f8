/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fund allocation across mine / separation / metal / magnet / recycling always sums to
 * 100 %. Moving one share rescales the unlocked others proportionally (evenly when they are all
 * zero); locked shares never move. Pure arithmetic, shared by the levers panel, the scenario
 * and the command line. Model library: GLib only.
 */
#pragma once

#include <glib.h>

#include "lode-levers.h"

G_BEGIN_DECLS

/* Sets shares[index] to as close to `value` as the locks allow and rescales the other unlocked
 * shares so that the sum stays 100 (±1e-9). `locked` may be NULL (nothing locked); the moved
 * share itself is treated as unlocked. Returns the value actually given to shares[index]. */
double   lode_allocation_move      (double          shares[LODE_N_ALLOC],
                                    const gboolean  locked[LODE_N_ALLOC],
                                    guint           index,
                                    double          value);
double   lode_allocation_sum       (const double    shares[LODE_N_ALLOC]);
/* TRUE if every share is within [0, 100] and the sum is 100 within `tolerance`. */
gboolean lode_allocation_is_valid  (const double    shares[LODE_N_ALLOC],
                                    double          tolerance);

/* A share as people read it: "35%", or "12.5%" when it is not whole. */
char    *lode_allocation_format_share (double         share) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
