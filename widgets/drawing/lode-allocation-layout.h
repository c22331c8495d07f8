/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fund allocation bar: one segment per share of the fund (mine, separation, metal, magnet,
 * recycling) in the shares' colours, apart by a small gap, on a rounded track, each with its
 * percentage inside when it fits. LodeAllocationLayout is the pure geometry — segments and
 * their measured labels — computed when the shares or the size change;
 * lode_allocation_paint() draws it in the palette's colours without measuring anything.
 * Like every layout of the drawing library, a public, read-only struct. Drawing library:
 * Cairo and Pango, no GTK.
 */
#pragma once

#include <cairo.h>

#include "lode-levers.h"
#include "lode-palette.h"

G_BEGIN_DECLS

typedef struct
{
  guint     share;          /* index: LODE_LEVER_ALLOC_FIRST + share is its lever */
  double    x, width;
  char     *label;          /* "35%", or NULL when it does not fit the segment */
  double    label_x, label_y;
  gboolean  dark_label;     /* dark text on a light colour */
} LodeAllocationSegment;

typedef struct
{
  /*< public, read-only >*/
  double                 width, height;
  double                 radius;        /* of the track's corners */
  double                 font_px;
  guint                  n_segments;    /* the shares above zero, in order */
  LodeAllocationSegment  segments[LODE_N_ALLOC];
} LodeAllocationLayout;

/* `shares` in percent; `font_px` is the size of the percentages. */
LodeAllocationLayout *lode_allocation_layout_new  (const double                shares[LODE_N_ALLOC],
                                                   double                      width,
                                                   double                      height,
                                                   double                      font_px)
                                                   G_GNUC_WARN_UNUSED_RESULT;
void                  lode_allocation_layout_free (LodeAllocationLayout       *layout);

void                  lode_allocation_paint       (cairo_t                    *cr,
                                                   const LodeAllocationLayout *layout,
                                                   const LodePalette          *palette);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeAllocationLayout, lode_allocation_layout_free)

G_END_DECLS
