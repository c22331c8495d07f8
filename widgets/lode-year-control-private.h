/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * For tests only: playback driven by a clock of the test's own instead of the frame clock, so
 * a test says exactly which frames happen and when, and asserts what each one shows.
 */
#pragma once

#include "lode-year-control.h"

G_BEGIN_DECLS

/* From now on playing takes its frames from lode_year_control_tick() only. */
void lode_year_control_use_test_clock (LodeYearControl *self);
/* A frame at `frame_time_us` (microseconds, as gdk_frame_clock_get_frame_time() counts);
 * the first frame after playing starts is time zero. Does nothing unless playing. */
void lode_year_control_tick           (LodeYearControl *self,
                                       gint64           frame_time_us);

G_END_DECLS
