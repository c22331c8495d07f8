/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeFlowDiffLayout — what changed: the flow diagram of the scenario on its own layout, each
 * flow coloured by what it gained (blue) or lost (orange) in China-free tonnes against the
 * baseline (lode-flow-diff.h), grey where nothing changed; under it a key and the largest
 * changes. The diagram itself is the flow layout (lode-flow-layout.h) without its legend and
 * China hatching; lode_flow_diff_paint() draws it with the difference's colours.
 * Drawing library: Cairo/Pango only, no GTK. A public, read-only struct like every layout.
 */
#pragma once

#include <glib.h>

#include "lode-flow-diff.h"
#include "lode-flow-layout.h"

G_BEGIN_DECLS

#define LODE_FLOW_DIFF_MAX_CHANGES 6

typedef struct
{
  double       font_scale;   /* 1.0 on screen */
  LodeMaterial material;
} LodeFlowDiffOptions;

typedef enum
{
  LODE_FLOW_DIFF_TEXT_NORMAL,
  LODE_FLOW_DIFF_TEXT_TITLE,   /* bold, foreground */
  LODE_FLOW_DIFF_TEXT_MUTED,
} LodeFlowDiffTextStyle;

typedef struct
{
  char                  *text;
  double                 x, y;     /* top-left, or top-right with align 1 */
  double                 size;
  double                 align;
  double                 max_width;   /* > 0: cut with an ellipsis beyond it */
  LodeFlowDiffTextStyle  style;
  gboolean               has_swatch;
  LodeFlowRect           swatch;
  double                 swatch_delta;   /* its colour: the change it stands for */
} LodeFlowDiffText;

typedef struct
{
  /*< public, read-only >*/
  double               width, height;
  int                  year;
  LodeFlowDiffOptions  options;
  LodeFlowLayout      *flow;          /* the scenario's diagram, drawn at flow_area */
  LodeFlowRect         flow_area;
  LodeFlowDiff        *diff;          /* NULL without a baseline */
  guint                n_ribbons;
  double              *ribbon_delta;  /* per ribbon of `flow`: the change, t; 0 for others */
  double               max_abs_delta; /* the key's ends */
  LodeFlowRect         key;           /* the colour key: loss ... no change ... gain */
  GArray              *texts;         /* LodeFlowDiffText: title, key labels, changes */
  char                *description;
} LodeFlowDiffLayout;

void                lode_flow_diff_options_init (LodeFlowDiffOptions      *options);
/* `baseline` may be NULL (the diagram with a note that there is nothing to compare). */
LodeFlowDiffLayout *lode_flow_diff_layout_new   (const LodeProjection     *scenario,
                                                 const LodeProjection     *baseline,
                                                 int                       year,
                                                 double                    width,
                                                 double                    height,
                                                 const LodeFlowDiffOptions *options)
                                                 G_GNUC_WARN_UNUSED_RESULT;
void                lode_flow_diff_layout_free  (LodeFlowDiffLayout       *layout);
/* The colour strength of a change, 0..1 (√ of its share of the largest change). */
double              lode_flow_diff_layout_strength (const LodeFlowDiffLayout *layout,
                                                    double                    delta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeFlowDiffLayout, lode_flow_diff_layout_free)

G_END_DECLS
