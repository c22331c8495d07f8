/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeChartHover — what a chart shows for the year under the pointer: a crosshair on the
 * year's column, a dot on each line and a card with every series' value that year. An overlay
 * on a finished LodeChartLayout: moving the pointer computes a new hover, never a new layout.
 * lode_chart_paint_hover() draws it over lode_chart_paint(). Drawing library: no GTK.
 */
#pragma once

#include "lode-chart-layout.h"

G_BEGIN_DECLS

typedef struct
{
  /*< public, read-only >*/
  int            year;
  int            index;     /* the year's index in the series */
  double         x;         /* the year's column */
  LodeChartRect  card;
  GArray        *labels;    /* LodeChartLabel: the year (and total), each series and value */
} LodeChartHover;

/* The hover for the pointer at `x`, or NULL when x is outside the plot or the chart empty. */
LodeChartHover *lode_chart_hover_new  (const LodeChartLayout *layout,
                                       double                 x) G_GNUC_WARN_UNUSED_RESULT;
void            lode_chart_hover_free (LodeChartHover        *hover);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeChartHover, lode_chart_hover_free)

G_END_DECLS
