/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeFundAdvisor — under the allocation editor: where the next dollar goes (what $1 bn more
 * in each use would add to China-free US magnets, a small marginal-value chart naming the
 * bottleneck) and the optimiser: the smallest fund and split that reach a China-free target
 * by a year, or the best split of this fund, found in the background with the locked shares
 * held, shown as a proposal the planner applies (one undo step) or compares (as the
 * baseline of the charts).
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-document.h"
#include "lode-marginal.h"
#include "lode-optimise.h"

G_BEGIN_DECLS

#define LODE_TYPE_FUND_ADVISOR (lode_fund_advisor_get_type ())

G_DECLARE_FINAL_TYPE (LodeFundAdvisor, lode_fund_advisor, LODE, FUND_ADVISOR, GtkWidget)

GtkWidget          *lode_fund_advisor_new          (void) G_GNUC_WARN_UNUSED_RESULT;

void                lode_fund_advisor_set_document (LodeFundAdvisor *self,
                                                    LodeDocument    *document);
/* The marginal values to show (referenced; NULL while they are being made), in `year`. */
void                lode_fund_advisor_set_marginal (LodeFundAdvisor *self,
                                                    LodeMarginal    *marginal,
                                                    int              year);
/* Whether the optimiser must hold share `index` (the allocation editor's locks). */
void                lode_fund_advisor_set_locked   (LodeFundAdvisor *self,
                                                    guint            index,
                                                    gboolean         locked);

/* The optimiser, as its popover's Find button runs it: the goal, target (0..1) and year. */
void                lode_fund_advisor_find         (LodeFundAdvisor *self,
                                                    LodeOptimiseGoal goal,
                                                    double           target,
                                                    int              year);
/* Whether the optimiser is running. */
gboolean            lode_fund_advisor_get_busy     (LodeFundAdvisor *self);
/* The last proposal, or NULL (none yet, or the scenario changed since). */
LodeOptimiseResult *lode_fund_advisor_get_proposal (LodeFundAdvisor *self);
/* Gives the scenario the proposal's fund and split, as one undo step. */
gboolean            lode_fund_advisor_apply        (LodeFundAdvisor *self);
/* Pins the scenario with the proposal as the charts' baseline. */
gboolean            lode_fund_advisor_compare      (LodeFundAdvisor *self);

G_END_DECLS
