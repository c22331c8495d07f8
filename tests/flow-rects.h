/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Whether two rectangles of a flow layout overlap by more than a rounding error: what the flow
 * layout test and the window's layout test check labels, headers and badges with.
 */
#pragma once

#include "lode-flow-layout.h"

static inline gboolean
rects_overlap (const LodeFlowRect *a,
               const LodeFlowRect *b)
{
  const double e = 0.01;

  return a->x < b->x + b->width - e && b->x < a->x + a->width - e
         && a->y < b->y + b->height - e && b->y < a->y + a->height - e;
}
