/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeScenario — one plan: every lever value, ally flags, export-shock targets, switches for
 * the announced projects, user-defined projects, metadata (title, author, times, notes) and the
 * view state worth sharing (selected year, chart). Emits "changed" after every modification.
 * It references the dataset it builds on. Model library: GLib/GObject only.
 */
#pragma once

#include <glib-object.h>

#include "lode-dataset.h"
#include "lode-levers.h"

G_BEGIN_DECLS

#define LODE_TYPE_SCENARIO (lode_scenario_get_type ())

G_DECLARE_FINAL_TYPE (LodeScenario, lode_scenario, LODE, SCENARIO, GObject)

#define LODE_SCENARIO_MAX_USER_PROJECTS   32
#define LODE_SCENARIO_MIN_HORIZON         (LODE_BASE_YEAR + 1)
#define LODE_SCENARIO_MAX_USER_CAPACITY   1e7   /* stage units per year */
#define LODE_SCENARIO_MAX_USER_CAPEX_MUSD 1e6   /* million USD */
/* Text lengths, in characters, as data/lodestone-scenario.rng limits them. The setters cut
 * longer text, so whatever a scenario holds saves to a valid file; editors should not let
 * anyone type more. */
#define LODE_SCENARIO_MAX_TITLE_CHARS     200
#define LODE_SCENARIO_MAX_AUTHOR_CHARS    200
#define LODE_SCENARIO_MAX_NOTES_CHARS     20000
#define LODE_SCENARIO_MAX_PROJECT_NAME_CHARS 200
#define LODE_SCENARIO_MAX_PROJECT_NOTE_CHARS 4000

/* Signal "changed" (void handler (LodeScenario *scenario, gboolean inputs_changed,
 * gpointer user_data)): emitted once after every modification that changed something.
 * `inputs_changed` is TRUE when something the projection depends on changed (a lever, an ally
 * flag, a shock target, a project switch, a user project, the horizon) and FALSE when only
 * metadata (title, author, notes, times) or view state (selected year, chart) changed.
 * Setters that store the value already held emit nothing.
 *
 * Properties (all read-write, notify on change): "title", "author", "notes" (strings),
 * "created", "modified" (GDateTime, UTC), "horizon", "selected-year" (int), "chart" (string;
 * default "china-free"). */

/* Starts from the lever defaults, the dataset's ally flags, every announced project switched
 * on, the US as the only export-shock target, horizon 2040, title "Untitled Scenario". */
LodeScenario      *lode_scenario_new                 (LodeDataset        *dataset)
                                                     G_GNUC_WARN_UNUSED_RESULT;
LodeScenario      *lode_scenario_dup                 (LodeScenario       *self)
                                                     G_GNUC_WARN_UNUSED_RESULT;
/* Copies every field of `other` into `self` (same dataset) and emits "changed" once. */
void               lode_scenario_assign              (LodeScenario       *self,
                                                      LodeScenario       *other);
/* Compares levers, flags, projects, user projects, metadata and view state exactly. */
gboolean           lode_scenario_equal               (LodeScenario       *a,
                                                      LodeScenario       *b);
/* Like equal, but ignores metadata and view state: would the projection differ? */
gboolean           lode_scenario_same_inputs         (LodeScenario       *a,
                                                      LodeScenario       *b);

LodeDataset       *lode_scenario_get_dataset         (LodeScenario       *self);

double             lode_scenario_get_lever           (LodeScenario       *self,
                                                      LodeLever           lever);
/* The price floor its three levers set. */
void               lode_scenario_get_price_floor     (LodeScenario       *self,
                                                      LodePriceFloor     *out_floor);
/* Validates; for an allocation lever the other unlocked shares are rescaled (see
 * lode-allocation.h) so the sum stays 100. */
gboolean           lode_scenario_set_lever           (LodeScenario       *self,
                                                      LodeLever           lever,
                                                      double              value,
                                                      GError            **error);
/* Sets all five allocation shares at once; they must sum to 100 (±1e-6). */
gboolean           lode_scenario_set_allocation      (LodeScenario       *self,
                                                      const double        shares[5],
                                                      GError            **error);
void               lode_scenario_get_allocation      (LodeScenario       *self,
                                                      double              out_shares[5]);
gboolean           lode_scenario_lever_is_default    (LodeScenario       *self,
                                                      LodeLever           lever);

gboolean           lode_scenario_get_ally            (LodeScenario       *self,
                                                      guint               region);
void               lode_scenario_set_ally            (LodeScenario       *self,
                                                      guint               region,
                                                      gboolean            allied);
gboolean           lode_scenario_get_shock_target    (LodeScenario       *self,
                                                      guint               region);
void               lode_scenario_set_shock_target    (LodeScenario       *self,
                                                      guint               region,
                                                      gboolean            targeted);

/* Announced projects, by dataset index. */
gboolean           lode_scenario_get_project_enabled (LodeScenario       *self,
                                                      guint               project);
void               lode_scenario_set_project_enabled (LodeScenario       *self,
                                                      guint               project,
                                                      gboolean            enabled);

/* User-defined projects (copied in; id, name and note are duplicated; capacity and capex are
 * stored with no source and basis LODE_BASIS_ESTIMATE; an empty note is stored as NULL;
 * characters XML cannot hold are dropped from name and note). The id must be unique
 * and not clash with a dataset project; fields are validated (capacity > 0, year 2024..2060,
 * capex >= 0, region and stage known). */
guint              lode_scenario_get_n_user_projects (LodeScenario       *self);
const LodeProject *lode_scenario_get_user_project    (LodeScenario       *self,
                                                      guint               index);
/* The checks add_user_project makes (including the id clashes), without adding. Errors are in
 * LODE_SCENARIO_ERROR (lode-scenario-io.h), code LODE_SCENARIO_ERROR_VALUE. */
gboolean           lode_scenario_validate_user_project (LodeScenario     *self,
                                                        const LodeProject *project,
                                                        GError          **error);
gboolean           lode_scenario_add_user_project    (LodeScenario       *self,
                                                      const LodeProject  *project,
                                                      GError            **error);
void               lode_scenario_remove_user_project (LodeScenario       *self,
                                                      guint               index);

int                lode_scenario_get_horizon         (LodeScenario       *self);
gboolean           lode_scenario_set_horizon         (LodeScenario       *self,
                                                      int                 horizon,
                                                      GError            **error);

/* Metadata; strings are never NULL (empty instead). Times are UTC, may be NULL when unset. */
const char        *lode_scenario_get_title           (LodeScenario       *self);
void               lode_scenario_set_title           (LodeScenario       *self,
                                                      const char         *title);
const char        *lode_scenario_get_author          (LodeScenario       *self);
void               lode_scenario_set_author          (LodeScenario       *self,
                                                      const char         *author);
const char        *lode_scenario_get_notes           (LodeScenario       *self);
void               lode_scenario_set_notes           (LodeScenario       *self,
                                                      const char         *notes);
GDateTime         *lode_scenario_get_created         (LodeScenario       *self);
void               lode_scenario_set_created         (LodeScenario       *self,
                                                      GDateTime          *created);
GDateTime         *lode_scenario_get_modified        (LodeScenario       *self);
void               lode_scenario_set_modified        (LodeScenario       *self,
                                                      GDateTime          *modified);

/* View state worth sharing. */
int                lode_scenario_get_selected_year   (LodeScenario       *self);
void               lode_scenario_set_selected_year   (LodeScenario       *self,
                                                      int                 year);
const char        *lode_scenario_get_chart           (LodeScenario       *self);  /* chart id */
void               lode_scenario_set_chart           (LodeScenario       *self,
                                                      const char         *chart_id);

/* The format version of the file this scenario was read from when that was older than the
 * current one (it was migrated on load), or -1. Not saved: saving writes the current format. */
int                lode_scenario_get_migrated_from   (LodeScenario       *self);
void               lode_scenario_set_migrated_from   (LodeScenario       *self,
                                                      int                 version);

G_END_DECLS
