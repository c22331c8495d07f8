/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeYearControl — the year slider beside the flow diagram: previous / play-pause / next and a
 * scale with the year. Property "year" (double): whole years when the user sets it, fractional
 * while playing (about one second per year, smoothly); property "playing" (gboolean). Play stops
 * at the last year. With animations disabled (gtk-enable-animations FALSE, "reduce animations")
 * it steps whole years once a second without interpolation.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LODE_TYPE_YEAR_CONTROL (lode_year_control_get_type ())

G_DECLARE_FINAL_TYPE (LodeYearControl, lode_year_control, LODE, YEAR_CONTROL, GtkBox)

GtkWidget *lode_year_control_new         (void) G_GNUC_WARN_UNUSED_RESULT;
void       lode_year_control_set_range   (LodeYearControl *self,
                                          int              first,
                                          int              last);
int        lode_year_control_get_first   (LodeYearControl *self);
int        lode_year_control_get_last    (LodeYearControl *self);
void       lode_year_control_set_year    (LodeYearControl *self,
                                          double           year);
double     lode_year_control_get_year    (LodeYearControl *self);
void       lode_year_control_set_playing (LodeYearControl *self,
                                          gboolean         playing);
gboolean   lode_year_control_get_playing (LodeYearControl *self);
/* Steps to the previous or next whole year (stops playing). */
void       lode_year_control_step        (LodeYearControl *self,
                                          int              direction);

G_END_DECLS
