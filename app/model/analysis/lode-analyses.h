/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeAnalyses — keeps a document's analyses up to date in the background, for the window:
 * the marginal values (for the allocation editor and the bottleneck), the tornado (for the
 * selected year, while its chart shows) and the uncertainty bands (while the planner wants
 * them). Each runs on worker threads from a frozen copy of the scenario, one after the other,
 * so the window's own thread only receives finished results. A change of the scenario
 * cancels the work under way and clears what it made stale; the work starts again once the
 * changes pause (a slider drag is not recomputed at every step).
 * Model library: GLib/GIO only.
 */
#pragma once

#include <gio/gio.h>

#include "lode-bands.h"
#include "lode-document.h"
#include "lode-marginal.h"
#include "lode-sensitivity.h"

G_BEGIN_DECLS

#define LODE_TYPE_ANALYSES (lode_analyses_get_type ())

G_DECLARE_FINAL_TYPE (LodeAnalyses, lode_analyses, LODE, ANALYSES, GObject)

/* How long the scenario must stay still before work starts again, ms. */
#define LODE_ANALYSES_DEFAULT_DELAY_MS 150

/* Properties: "document" (construct-only), "marginal-enabled" (default TRUE),
 * "sensitivity-enabled", "bands-enabled" (default FALSE), "bands-runs" (default 1000),
 * "delay" (ms), "busy" (read-only: work is under way or waiting to start).
 * Signal "updated": a result arrived or was cleared. */

LodeAnalyses    *lode_analyses_new                     (LodeDocument *document)
                                                        G_GNUC_WARN_UNUSED_RESULT;
/* The analyses the window made for `document`, or NULL. */
LodeAnalyses    *lode_analyses_from_document           (LodeDocument *document);

LodeDocument    *lode_analyses_get_document            (LodeAnalyses *self);
gboolean         lode_analyses_get_marginal_enabled    (LodeAnalyses *self);
void             lode_analyses_set_marginal_enabled    (LodeAnalyses *self,
                                                        gboolean      enabled);
gboolean         lode_analyses_get_sensitivity_enabled (LodeAnalyses *self);
void             lode_analyses_set_sensitivity_enabled (LodeAnalyses *self,
                                                        gboolean      enabled);
gboolean         lode_analyses_get_bands_enabled       (LodeAnalyses *self);
void             lode_analyses_set_bands_enabled       (LodeAnalyses *self,
                                                        gboolean      enabled);
guint            lode_analyses_get_bands_runs          (LodeAnalyses *self);
void             lode_analyses_set_bands_runs          (LodeAnalyses *self,
                                                        guint         n_runs);
guint            lode_analyses_get_delay               (LodeAnalyses *self);
void             lode_analyses_set_delay               (LodeAnalyses *self,
                                                        guint         delay_ms);
gboolean         lode_analyses_get_busy                (LodeAnalyses *self);

/* The current results, or NULL while they are being made (or not wanted). */
LodeMarginal    *lode_analyses_get_marginal            (LodeAnalyses *self);
LodeSensitivity *lode_analyses_get_sensitivity         (LodeAnalyses *self);
LodeBands       *lode_analyses_get_bands               (LodeAnalyses *self);

/* A frozen copy of the document's scenario to run an analysis on (the optimiser). */
LodeAnalysisModel *lode_analyses_dup_model             (LodeAnalyses *self)
                                                        G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
