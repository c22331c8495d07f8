/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeWindow — the main window: header bar, levers panel (AdwFlap), flow diagram over the
 * charts, file handling (open, save, recent, drag and drop, unsaved-changes questions),
 * undo/redo, presentation mode, export and copy. One window shows one LodeDocument.
 * App library: GTK and libadwaita.
 */
#pragma once

#include <adwaita.h>

#include "lode-application.h"
#include "lode-autosave.h"
#include "lode-document.h"

G_BEGIN_DECLS

#define LODE_TYPE_WINDOW (lode_window_get_type ())

G_DECLARE_FINAL_TYPE (LodeWindow, lode_window, LODE, WINDOW, AdwApplicationWindow)

LodeWindow   *lode_window_new               (LodeApplication *application)
                                             G_GNUC_WARN_UNUSED_RESULT;

LodeDocument *lode_window_get_document      (LodeWindow      *self);

/* Opens `file` in this window. With unsaved changes it asks first (Save / Discard /
 * Cancel); a file that fails to load shows its error and leaves the scenario untouched. */
void          lode_window_open_file         (LodeWindow      *self,
                                             GFile           *file);
/* Starts a new scenario from a preset ("baseline", ...), asking first if needed. */
void          lode_window_new_from_preset   (LodeWindow      *self,
                                             const char      *preset_id);
/* The message of the last error shown to the user, or NULL. */
const char   *lode_window_get_last_error    (LodeWindow      *self);
/* The message dialog the window is showing (unsaved changes or an error), or NULL. */
AdwMessageDialog *lode_window_get_dialog    (LodeWindow      *self);

/* Asks whether to restore what a crashed Lodestone left unsaved (Restore / Discard, with the
 * time it was kept). Takes `recovery`. */
void          lode_window_offer_recovery    (LodeWindow      *self,
                                             LodeRecovery    *recovery);
/* The autosave that keeps this window's unsaved changes (for tests). */
LodeAutosave *lode_window_get_autosave      (LodeWindow      *self);

/* Presentation mode: full screen, panel hidden, larger type. */
void          lode_window_set_presentation  (LodeWindow      *self,
                                             gboolean         presentation);
gboolean      lode_window_get_presentation  (LodeWindow      *self);
/* Works out styles, text and sizes before the window is first presented, so its first frame
 * (the real content) comes sooner after the window is mapped. */
void          lode_window_prepare_first_frame (LodeWindow    *self);
/* The start page (presets as cards, Open…, recent scenarios) in place of the plan, until a
 * scenario is chosen; the application shows it on first run, the menu's Start Page any
 * time. */
void          lode_window_show_start_page   (LodeWindow      *self);
gboolean      lode_window_get_start_page_visible (LodeWindow *self);
/* TRUE until a start page has been left once (the settings' start-page-seen). */
gboolean      lode_window_is_first_run      (LodeWindow      *self);
/* What Export and Copy Image take: "flow", "flow-diff", "chart:<id>" or "slide". */
char         *lode_window_dup_current_view  (LodeWindow      *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
