/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeLeversPanel — the window's side panel: every lever of the model in groups (Sovereign
 * Wealth Fund, Fund Allocation, Policy, Partners, Market, Shock, Projects) on a scrollable page
 * that draws only the groups in sight (LodeCulledBox). Each change goes straight into the
 * document's scenario as one undo step (a slider drag is one step); the panel never runs the
 * model. When the scenario changes from elsewhere (undo, redo, open, new) the rows follow
 * without making new steps.
 */
#pragma once

#include <adwaita.h>

#include "lode-allocation-editor.h"
#include "lode-document.h"
#include "lode-lever-row.h"

G_BEGIN_DECLS

#define LODE_TYPE_LEVERS_PANEL (lode_levers_panel_get_type ())

G_DECLARE_FINAL_TYPE (LodeLeversPanel, lode_levers_panel, LODE, LEVERS_PANEL, GtkWidget)

GtkWidget            *lode_levers_panel_new                      (void) G_GNUC_WARN_UNUSED_RESULT;

/* The panel edits the document's scenario; it follows "scenario-replaced" (new/open/undo)
 * and rebuilds or refreshes its rows. */
void                  lode_levers_panel_set_document             (LodeLeversPanel *self,
                                                                  LodeDocument    *document);
LodeDocument         *lode_levers_panel_get_document             (LodeLeversPanel *self);

/* The first frame shows the top of the panel; the groups below the fold and the region and
 * project rows are added on the frame after it. Asking for a row or a switch adds them now. */

/* The row of a lever (the allocation shares' rows live in the allocation editor). */
LodeLeverRow         *lode_levers_panel_get_lever_row            (LodeLeversPanel *self,
                                                                  LodeLever        lever);
LodeAllocationEditor *lode_levers_panel_get_allocation_editor    (LodeLeversPanel *self);
/* NULL for regions without a switch (the US and China for allies, China for shock targets)
 * and before a document is set. */
GtkSwitch            *lode_levers_panel_get_ally_switch          (LodeLeversPanel *self,
                                                                  guint            region);
GtkSwitch            *lode_levers_panel_get_shock_target_switch  (LodeLeversPanel *self,
                                                                  guint            region);
/* The switch of an announced project (dataset index). */
GtkSwitch            *lode_levers_panel_get_project_switch       (LodeLeversPanel *self,
                                                                  guint            project);
/* The remove button of user project `index`, NULL if there is none. */
GtkWidget            *lode_levers_panel_get_user_project_remove  (LodeLeversPanel *self,
                                                                  guint            index);
/* Opens the Add Project dialog, transient for the panel's window, and returns it. */
GtkWindow            *lode_levers_panel_add_project              (LodeLeversPanel *self);

G_END_DECLS
