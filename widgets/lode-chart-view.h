/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeChartView — one chart of a projection (against an optional baseline), drawn by
 * lode_chart_paint() from a LodeChartLayout that is recomputed when the data, the size or an
 * option changes, never while painting. Hovering shows a crosshair with every series' value;
 * clicking a year, or Left/Right/Home/End with the keyboard, selects it and emits
 * "year-activated". Accessible as an image whose description summarises the data. The
 * analysis charts (tornado, marginal values) show the analyses given them, and have no years.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-chart-hover.h"
#include "lode-chart-layout.h"
#include "lode-projection.h"

G_BEGIN_DECLS

#define LODE_TYPE_CHART_VIEW (lode_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LodeChartView, lode_chart_view, LODE, CHART_VIEW, GtkWidget)

GtkWidget             *lode_chart_view_new               (void) G_GNUC_WARN_UNUSED_RESULT;

/* Both are referenced; `baseline` may be NULL. */
void                   lode_chart_view_set_projections   (LodeChartView  *self,
                                                          LodeProjection *projection,
                                                          LodeProjection *baseline);
LodeProjection        *lode_chart_view_get_projection    (LodeChartView  *self);
LodeProjection        *lode_chart_view_get_baseline      (LodeChartView  *self);

LodeChartKind          lode_chart_view_get_kind          (LodeChartView  *self);
void                   lode_chart_view_set_kind          (LodeChartView  *self,
                                                          LodeChartKind   kind);
int                    lode_chart_view_get_selected_year (LodeChartView  *self);
void                   lode_chart_view_set_selected_year (LodeChartView  *self,
                                                          int             year);
double                 lode_chart_view_get_target_share  (LodeChartView  *self);
void                   lode_chart_view_set_target_share  (LodeChartView  *self,
                                                          double          share);
LodeStage              lode_chart_view_get_capacity_stage (LodeChartView *self);
void                   lode_chart_view_set_capacity_stage (LodeChartView *self,
                                                           LodeStage      stage);
/* Property "material" (int, a LodeMaterial): the chain the self-sufficiency, capacity and
 * price charts show. */
LodeMaterial           lode_chart_view_get_material      (LodeChartView  *self);
void                   lode_chart_view_set_material      (LodeChartView  *self,
                                                          LodeMaterial    material);
double                 lode_chart_view_get_font_scale    (LodeChartView  *self);
void                   lode_chart_view_set_font_scale    (LodeChartView  *self,
                                                          double          scale);
/* The projection does not store the price floor; the window passes the scenario's so the
 * price chart can draw it. */
void                   lode_chart_view_set_price_floor   (LodeChartView        *self,
                                                          const LodePriceFloor *floor);

/* The analyses the analysis charts show and the bands the time charts draw; each may be
 * NULL (referenced). */
void                   lode_chart_view_set_analyses      (LodeChartView        *self,
                                                          LodeSensitivity      *sensitivity,
                                                          LodeMarginal         *marginal,
                                                          LodeBands            *bands);
/* Whether the chart draws its title (default TRUE): a compact chart has its own heading. */
void                   lode_chart_view_set_show_title    (LodeChartView        *self,
                                                          gboolean              show_title);

/* Selects `year` and emits "year-activated", as a click on that year does. */
void                   lode_chart_view_activate_year     (LodeChartView  *self,
                                                          int             year);
/* The current layout (NULL before the first size allocation), for tests. Any change to the
 * view replaces it: do not keep the pointer. */
const LodeChartLayout *lode_chart_view_get_layout        (LodeChartView  *self);
/* The hover card over it for the pointer, or NULL, for tests. */
const LodeChartHover  *lode_chart_view_get_hover         (LodeChartView  *self);

G_END_DECLS
