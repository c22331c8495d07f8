/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeFlowDiffView — the flow diagram against the baseline (what changed): draws a
 * LodeFlowDiffLayout with lode_flow_diff_paint(), recomputed when the projections, the year,
 * the size or the type scale change, never while painting. Accessible as an image whose
 * description names the largest changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-flow-diff-layout.h"

G_BEGIN_DECLS

#define LODE_TYPE_FLOW_DIFF_VIEW (lode_flow_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (LodeFlowDiffView, lode_flow_diff_view, LODE, FLOW_DIFF_VIEW, GtkWidget)

GtkWidget                *lode_flow_diff_view_new             (void) G_GNUC_WARN_UNUSED_RESULT;
/* Both are referenced; `baseline` may be NULL. */
void                      lode_flow_diff_view_set_projections (LodeFlowDiffView *self,
                                                               LodeProjection   *projection,
                                                               LodeProjection   *baseline);
/* Property "year": the year compared. */
int                       lode_flow_diff_view_get_year        (LodeFlowDiffView *self);
void                      lode_flow_diff_view_set_year        (LodeFlowDiffView *self,
                                                               int               year);
void                      lode_flow_diff_view_set_font_scale  (LodeFlowDiffView *self,
                                                               double            scale);
/* The current layout (NULL before the first allocation or without a projection). */
const LodeFlowDiffLayout *lode_flow_diff_view_get_layout      (LodeFlowDiffView *self);

G_END_DECLS
