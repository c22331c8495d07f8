/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeFlowDiff — what changed: the trade flows of one material in one year, scenario against
 * baseline, in China-free tonnes (a flow's tonnes times the share of it that never passed
 * through China, t oxide equivalent as the flow diagram draws them). Gains are positive. The
 * largest changes come sorted for a legend. A scenario against itself differs nowhere.
 * Immutable, ref-counted. Model library: GLib only.
 */
#pragma once

#include "lode-projection.h"

G_BEGIN_DECLS

/* Changes smaller than this share of the largest flow of either side are no change. */
#define LODE_FLOW_DIFF_NEUTRAL_SHARE 1e-6

typedef struct
{
  LodeStage stage;       /* the flow leaves this stage (the magnet stage: to end use) */
  guint     from;        /* region indices */
  guint     to;
  double    scenario_t;  /* China-free t oxide eq. */
  double    baseline_t;
  double    delta_t;     /* scenario_t - baseline_t */
} LodeFlowChange;

typedef struct _LodeFlowDiff LodeFlowDiff;

struct _LodeFlowDiff
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public, read-only >*/
  int              year;
  LodeMaterial     material;
  guint            n_regions;
  double           delta_t[LODE_N_STAGES][LODE_MAX_REGIONS][LODE_MAX_REGIONS];
  double           max_abs_delta_t;
  double           neutral_t;         /* |delta| at or below this is no change */
  double           us_china_free_delta_t;   /* US China-free magnets, t magnet (joint) */
  guint            n_changes;
  LodeFlowChange  *changes;           /* every flow that changed, largest |delta| first */
};

/* NULL if either projection lacks the year or their regions differ. */
LodeFlowDiff *lode_flow_diff_new        (const LodeProjection *scenario,
                                         const LodeProjection *baseline,
                                         int                   year,
                                         LodeMaterial          material) G_GNUC_WARN_UNUSED_RESULT;
LodeFlowDiff *lode_flow_diff_ref        (LodeFlowDiff         *self);
void          lode_flow_diff_unref      (LodeFlowDiff         *self);

/* The change of one flow, 0 for no change (within neutral_t). */
double        lode_flow_diff_get        (const LodeFlowDiff   *self,
                                         LodeStage             stage,
                                         guint                 from,
                                         guint                 to);
gboolean      lode_flow_diff_is_neutral (const LodeFlowDiff   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeFlowDiff, lode_flow_diff_unref)

G_END_DECLS
