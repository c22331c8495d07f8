/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the parts of the chart layout share (lode-chart-layout.c: the frame, axes and years;
 * lode-chart-labels.c: legend and line-end labels; lode-chart-marks.c: target, floor,
 * reference and selected year; lode-chart-hover.c: the hover card): the type sizes, the
 * builder and the label helpers. Private to charts/.
 */
#pragma once

#include "lode-chart-kind-private.h"

G_BEGIN_DECLS

/* Sizes at font_scale 1, px. */
#define LODE_CHART_BODY_PX     13.0   /* body text */
#define LODE_CHART_SMALL_PX    12.0   /* labels, ticks, legend */
#define LODE_CHART_TITLE_PX    15.0   /* the chart's heading */
#define LODE_CHART_LINE_PX     2.25   /* the scenario's stroke */
#define LODE_CHART_PAD_PX      14.0   /* around the chart */
#define LODE_CHART_GAP_PX      8.0    /* between neighbours */
#define LODE_CHART_SWATCH_PX   14.0   /* a legend or line-end label's colour stroke */

/* Line-end labels stand at least this many text lines apart. */
#define LODE_CHART_LABEL_SPACING 1.05

/* Text sizes and spacing for one font scale. */
typedef struct
{
  double fs;           /* font scale */
  double small_px;
  double title_px;
  double pad;
  double gap;
  double line_h;       /* height of a small text line */
  double title_h;      /* height of the heading */
} LodeChartMetrics;

typedef struct
{
  LodeChartData            data;   /* what the kind's build function sees */
  const LodeChartKindInfo *info;
  LodeChartMetrics         m;
  gboolean                 direct_labels;
} LodeChartBuilder;

#define LODE_CHART_COLOUR(role) ((LodeChartColour) { (role), 0 })

void             lode_chart_metrics_init  (LodeChartMetrics      *m,
                                           double                 font_scale);
LodeChartSeries *lode_chart_series_at     (const LodeChartLayout *layout,
                                           guint                  i);
double           lode_chart_text_width    (const char            *text,
                                           double                 size,
                                           LodeTextFlags          flags);
/* Appends a label to `array` (LodeChartLabel); takes `text`. */
LodeChartLabel  *lode_chart_label_add     (GArray                *array,
                                           char                  *text,
                                           double                 x,
                                           double                 y,
                                           double                 size,
                                           LodeTextFlags          flags,
                                           double                 align,
                                           LodeChartColour        colour);
/* The same in the small size, with a swatch of `swatch` at (swatch_x, swatch_y). */
LodeChartLabel  *lode_chart_label_add_keyed (GArray              *array,
                                             char                *text,
                                             double               x,
                                             double               y,
                                             double               size,
                                             LodeChartColour      colour,
                                             double               swatch_x,
                                             double               swatch_y,
                                             double               swatch_width,
                                             LodeChartColour      swatch,
                                             gboolean             block);
GArray          *lode_chart_labels_new    (void);
/* The box a label's text covers. */
LodeChartRect    lode_chart_label_rect    (const LodeChartLabel  *label);

/* lode-chart-labels.c: the legend and the labels at the lines' right ends. */
gboolean lode_chart_wants_direct_label    (const LodeChartSeries *series);
/* The room line-end labels need at the right, 0 when no series wants one. */
double   lode_chart_direct_labels_width   (const LodeChartBuilder *b);
/* Puts the title and the legend at the top; returns where the axis titles go. */
double   lode_chart_place_heading         (LodeChartBuilder      *b);
void     lode_chart_place_direct_labels   (LodeChartBuilder      *b);

/* lode-chart-bars.c: a category chart's rows, value axis and base line. */
void     lode_chart_place_rows            (LodeChartBuilder      *b);

/* lode-chart-marks.c: lines and labels drawn over the plot. */
void     lode_chart_place_selected_year   (LodeChartBuilder      *b);
void     lode_chart_place_full_need       (LodeChartBuilder      *b);
void     lode_chart_place_target          (LodeChartBuilder      *b);
void     lode_chart_place_floor           (LodeChartBuilder      *b);

G_END_DECLS
