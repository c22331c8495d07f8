/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeFlowView — the flow (Sankey) diagram widget: draws a projection at a (possibly
 * fractional) year with lode_flow_paint(). The layout is recomputed when the projection, the
 * year, the size or the font scale change, never while drawing, and painted once; hover and
 * selection are drawn over that painting (lode_flow_paint_highlight()), never by rebuilding
 * it. Hover highlights what is connected and shows a tooltip; a click or the keyboard (arrows,
 * Enter) selects a node and emits "node-activated". Accessible as an image described in words.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-flow-layout.h"
#include "lode-projection.h"

G_BEGIN_DECLS

#define LODE_TYPE_FLOW_VIEW (lode_flow_view_get_type ())

G_DECLARE_FINAL_TYPE (LodeFlowView, lode_flow_view, LODE, FLOW_VIEW, GtkWidget)

GtkWidget            *lode_flow_view_new             (void) G_GNUC_WARN_UNUSED_RESULT;

/* Property "projection" (LodeProjection, may be NULL); the view takes a reference. */
void                  lode_flow_view_set_projection  (LodeFlowView   *self,
                                                      LodeProjection *projection);
LodeProjection       *lode_flow_view_get_projection  (LodeFlowView   *self);
/* Property "year" (double; fractional while the year control plays). */
void                  lode_flow_view_set_year        (LodeFlowView   *self,
                                                      double          year);
double                lode_flow_view_get_year        (LodeFlowView   *self);
/* Property "font-scale": 1.0 normally, larger in presentation mode. */
void                  lode_flow_view_set_font_scale  (LodeFlowView   *self,
                                                      double          scale);
double                lode_flow_view_get_font_scale  (LodeFlowView   *self);
/* Property "material" (int, a LodeFlowMaterial): the chain drawn, or the joint magnet view. */
void                  lode_flow_view_set_material    (LodeFlowView     *self,
                                                      LodeFlowMaterial  material);
LodeFlowMaterial      lode_flow_view_get_material    (LodeFlowView     *self);

/* The stage marked as the bottleneck: LODE_FLOW_BOTTLENECK_MODEL (the default) for the
 * model's, -1 for none, or a stage (the marginal values' binding one). */
void                  lode_flow_view_set_bottleneck_stage (LodeFlowView *self,
                                                           int           stage);

/* The selected node (an index of lode_flow_layout_get_node()), or -1. */
int                   lode_flow_view_get_selected_node (LodeFlowView *self);
/* Selects the node of `stage` (a LodeStage, or LODE_FLOW_COLUMN_END_USE) in `region`;
 * stage -1 clears the selection. Does not emit "node-activated". */
void                  lode_flow_view_select_node     (LodeFlowView   *self,
                                                      int             stage,
                                                      guint           region);
/* The current layout (NULL before the first allocation), e.g. for tests. */
const LodeFlowLayout *lode_flow_view_get_layout      (LodeFlowView   *self);
/* The accessible description last set: a summary of the year in words. */
const char           *lode_flow_view_get_description (LodeFlowView   *self);

/* Signal "node-activated" (void handler (LodeFlowView *view, int stage, guint region,
 * gpointer user_data)): a node was clicked, or Enter was pressed on the selected node. */

G_END_DECLS
