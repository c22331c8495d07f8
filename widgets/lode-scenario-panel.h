/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeScenarioPanel — the scenario's story: its title, author and notes, editable, and what
 * it builds on (the preset it started from and whether its levers have moved since, the
 * dataset and its version, when it was created and last saved). The window shows it in a
 * popover from its title. Edits reach the scenario when a row's apply button or Enter is
 * pressed, when the notes lose the focus, or on lode_scenario_panel_commit() (the popover
 * closing): all pending edits as one undo step. They are saved with the scenario.
 */
#pragma once

#include <adwaita.h>

#include "lode-document.h"
#include "lode-presets.h"

G_BEGIN_DECLS

#define LODE_TYPE_SCENARIO_PANEL (lode_scenario_panel_get_type ())

G_DECLARE_FINAL_TYPE (LodeScenarioPanel, lode_scenario_panel, LODE, SCENARIO_PANEL, GtkWidget)

GtkWidget *lode_scenario_panel_new          (void) G_GNUC_WARN_UNUSED_RESULT;
/* Property "document" (LodeDocument, may be NULL). */
void       lode_scenario_panel_set_document (LodeScenarioPanel *self,
                                             LodeDocument      *document);
LodeDocument *lode_scenario_panel_get_document (LodeScenarioPanel *self);
/* The preset the scenario started from (NULL: none), and whether its levers, allies or
 * projects differ from it now. */
void       lode_scenario_panel_set_origin   (LodeScenarioPanel *self,
                                             const LodePreset  *preset,
                                             gboolean           modified);
/* Writes pending edits of title, author and notes to the scenario, as one undo step. */
void       lode_scenario_panel_commit       (LodeScenarioPanel *self);
/* The parts, for tests. */
GtkEditable *lode_scenario_panel_get_title_entry  (LodeScenarioPanel *self);
GtkEditable *lode_scenario_panel_get_author_entry (LodeScenarioPanel *self);
GtkTextView *lode_scenario_panel_get_notes_view   (LodeScenarioPanel *self);
GtkLabel    *lode_scenario_panel_get_origin_label (LodeScenarioPanel *self);
GtkLabel    *lode_scenario_panel_get_details_label (LodeScenarioPanel *self);

G_END_DECLS
