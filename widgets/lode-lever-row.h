/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeLeverRow — one lever of the levers panel: its label, a slider (on a piecewise track for
 * wide-range levers, so the realistic range gets most of it), a spin button for exact entry
 * of any value with the unit beside it, a reset-to-default button that shows only when the value
 * differs from the default, a button to where its default comes from (the Sources view), an
 * optional lock toggle (the fund allocation uses it) and a tooltip
 * saying what the lever does and where its default comes from.
 *
 * The row never touches a scenario. It shows a value (lode_lever_row_set_value(), which emits
 * nothing) and reports what the user does through signals, so the owner decides how a change
 * reaches the scenario and how it becomes an undo step:
 *   "edited" (double value)  the user asked for this value (slider, spin button, reset);
 *   "drag-begin"             a pointer press on the slider or the spin buttons started
 *                            changing the value: everything until "drag-end" is one gesture;
 *   "drag-end"               that gesture ended (pointer released, row unmapped or disposed).
 * "drag-begin" is only emitted once the value actually changes, so a click that changes nothing
 * makes no step.
 */
#pragma once

#include <adwaita.h>

#include "lode-levers.h"

G_BEGIN_DECLS

/* The action a row's sources button activates, with "lever:ID" (a string). */
#define LODE_LEVER_ROW_SOURCES_ACTION "win.sources"

#define LODE_TYPE_LEVER_ROW (lode_lever_row_get_type ())

G_DECLARE_FINAL_TYPE (LodeLeverRow, lode_lever_row, LODE, LEVER_ROW, AdwPreferencesRow)

GtkWidget     *lode_lever_row_new               (LodeLever     lever) G_GNUC_WARN_UNUSED_RESULT;

LodeLever      lode_lever_row_get_lever         (LodeLeverRow *self);
double         lode_lever_row_get_value         (LodeLeverRow *self);
/* Shows `value` (clamped to the lever's range) without emitting "edited". */
void           lode_lever_row_set_value         (LodeLeverRow *self,
                                                 double        value);

/* Replaces the visible title (the lever label by default); accessible labels keep the lever
 * label. */
void           lode_lever_row_set_title         (LodeLeverRow *self,
                                                 const char   *title);
/* A second, dimmed line under the title ("$ 3.5 bn"); NULL or "" hides it. */
void           lode_lever_row_set_subtitle      (LodeLeverRow *self,
                                                 const char   *subtitle);
/* The lock toggle (hidden unless lockable). A locked row's slider and spin are insensitive. */
void           lode_lever_row_set_lockable      (LodeLeverRow *self,
                                                 gboolean      lockable);
gboolean       lode_lever_row_get_locked        (LodeLeverRow *self);
void           lode_lever_row_set_locked        (LodeLeverRow *self,
                                                 gboolean      locked);
/* Draws a small colour swatch before the title (the allocation uses the stage colour). */
void           lode_lever_row_set_swatch        (LodeLeverRow *self,
                                                 const GdkRGBA *rgba);

/* The pointer gesture, as the row's own event controllers drive it; public so the tests can
 * simulate a drag: begin_drag, any number of value changes, end_drag. */
void           lode_lever_row_begin_drag        (LodeLeverRow *self);
void           lode_lever_row_end_drag          (LodeLeverRow *self);
gboolean       lode_lever_row_get_dragging      (LodeLeverRow *self);

/* Moves the slider to where `value` sits on its track, as a drag there would: the row then
 * edits the value (rounded to the lever's step). For tests and keyboard-free callers. */
void           lode_lever_row_slide_to          (LodeLeverRow *self,
                                                 double        value);
/* TRUE when the slider runs on a piecewise track (lode-lever-track.h) rather than the
 * lever's linear range. */
gboolean       lode_lever_row_get_piecewise     (LodeLeverRow *self);

/* The value's adjustment, which the spin button shows; a linear slider shares it, a
 * piecewise one has its own track adjustment. */
GtkAdjustment *lode_lever_row_get_adjustment    (LodeLeverRow *self);
GtkWidget     *lode_lever_row_get_scale         (LodeLeverRow *self);
GtkWidget     *lode_lever_row_get_spin_button   (LodeLeverRow *self);
GtkWidget     *lode_lever_row_get_reset_button  (LodeLeverRow *self);
GtkWidget     *lode_lever_row_get_lock_button   (LodeLeverRow *self);
/* Beside every lever: where its default comes from. It activates
 * LODE_LEVER_ROW_SOURCES_ACTION with "lever:ID" (the window's Sources view). */
GtkWidget     *lode_lever_row_get_sources_button (LodeLeverRow *self);

/* "Default: 110 $/kg — source MP-DoD (MP Materials 8-K, Jul 2025)" plus the description;
 * shared with the allocation editor's tooltip. */
char          *lode_lever_dup_tooltip           (LodeLever     lever) G_GNUC_WARN_UNUSED_RESULT;
/* Formats a lever value for people: the locale's decimal mark and digit grouping, the lever's
 * digits, years without grouping; with the unit when `with_unit`. */
char          *lode_lever_format_value          (LodeLever     lever,
                                                 double        value,
                                                 gboolean      with_unit) G_GNUC_WARN_UNUSED_RESULT;
/* A short title for a reference ID ("MP-DoD" → "MP Materials 8-K, Jul 2025"), or NULL. */
const char    *lode_source_short_title          (const char   *source_id);

G_END_DECLS
