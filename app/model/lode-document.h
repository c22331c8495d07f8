/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeDocument — the open scenario as the window sees it: the dataset, the scenario, the file
 * it came from, the modified flag, undo/redo, and the projections (current and baseline).
 *
 * Projections are computed lazily: after a change the document emits "changed" and marks the
 * projection stale; lode_document_get_projection() reruns the model when asked. The window
 * asks once per frame (tick callback), so dragging a slider never queues work.
 *
 * Undo is by snapshot: every step stores a copy of the scenario before the change, so undo
 * restores the exact previous inputs and hence the exact previous projection. A slider drag is
 * one step: lode_document_begin_step() ... any number of changes ... lode_document_end_step().
 * A change made outside begin/end is its own step. Changes of view state (selected year,
 * chart) are not undo steps and do not mark the document modified.
 * Model library: GLib/GIO and the rest of the model only (no GTK), so it is unit-tested
 * without a display.
 */
#pragma once

#include <gio/gio.h>

#include "lode-dataset.h"
#include "lode-projection.h"
#include "lode-scenario.h"

G_BEGIN_DECLS

#define LODE_TYPE_DOCUMENT (lode_document_get_type ())

G_DECLARE_FINAL_TYPE (LodeDocument, lode_document, LODE, DOCUMENT, GObject)

/* Properties: "dataset" (construct-only), "scenario" (read-only, replaced on load/new),
 * "file" (GFile, may be NULL), "modified", "can-undo", "can-redo", "title" (the scenario's
 * title, or "Untitled Scenario"), "display-name" (file's display name or "Unsaved"),
 * "selected-year", "target-share" (0..1, default 0.5).
 * Signals: "changed" (emitted after any change of inputs; the projection is stale),
 *          "scenario-replaced" (after new/open/undo replaced the whole scenario). */

LodeDocument   *lode_document_new                  (LodeDataset    *dataset)
                                                    G_GNUC_WARN_UNUSED_RESULT;

LodeDataset    *lode_document_get_dataset          (LodeDocument   *self);
LodeScenario   *lode_document_get_scenario         (LodeDocument   *self);
GFile          *lode_document_get_file             (LodeDocument   *self);
gboolean        lode_document_get_modified         (LodeDocument   *self);
const char     *lode_document_get_title            (LodeDocument   *self);
char           *lode_document_dup_display_name     (LodeDocument   *self) G_GNUC_WARN_UNUSED_RESULT;

/* Current projection, recomputed if stale. Never NULL for a valid scenario. */
LodeProjection *lode_document_get_projection       (LodeDocument   *self);
/* How often the model has run for this document (the scenario and the baseline): what tests
 * and benchmarks count to see how much work a burst of changes causes. */
guint           lode_document_get_n_runs           (LodeDocument   *self);
/* The baseline for comparison: the Baseline preset unless the user pinned another. */
LodeProjection *lode_document_get_baseline         (LodeDocument   *self);
/* Pins the current scenario as the baseline (a copy); NULL restores the Baseline preset. */
void            lode_document_pin_baseline         (LodeDocument   *self,
                                                    LodeScenario   *scenario);
gboolean        lode_document_get_baseline_pinned  (LodeDocument   *self);

int             lode_document_get_selected_year    (LodeDocument   *self);
void            lode_document_set_selected_year    (LodeDocument   *self,
                                                    int             year);
double          lode_document_get_target_share     (LodeDocument   *self);
void            lode_document_set_target_share     (LodeDocument   *self,
                                                    double          target);

/* Undo steps. Changes to the scenario go through the scenario's own setters. */
void            lode_document_begin_step           (LodeDocument   *self);
void            lode_document_end_step             (LodeDocument   *self);
gboolean        lode_document_can_undo             (LodeDocument   *self);
gboolean        lode_document_can_redo             (LodeDocument   *self);
void            lode_document_undo                 (LodeDocument   *self);
void            lode_document_redo                 (LodeDocument   *self);

/* Files. New starts from the Baseline preset (or another preset id). A failed load leaves
 * the document untouched and returns FALSE with the loader's error. */
gboolean        lode_document_new_from_preset      (LodeDocument   *self,
                                                    const char     *preset_id,
                                                    GError        **error);
gboolean        lode_document_load                 (LodeDocument   *self,
                                                    GFile          *file,
                                                    GError        **error);
/* Restores `scenario` as unsaved changes to `file` (NULL: a scenario never saved), as an
 * autosave kept them after a crash: a fresh history, modified until saved. */
void            lode_document_recover              (LodeDocument   *self,
                                                    LodeScenario   *scenario,
                                                    GFile          *file);
gboolean        lode_document_save                 (LodeDocument   *self,
                                                    GFile          *file,    /* NULL: current */
                                                    GError        **error);

G_END_DECLS
