/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a chart kind's descriptor is, and what its functions may use: the data being built
 * (the layout's series and axes, the value ranges), and helpers to add series and describe
 * lines. Private to charts/: the layout calls the descriptors, nothing else does.
 */
#pragma once

#include "lode-chart-layout.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_CHART_FLAGS_NONE    = 0,
  LODE_CHART_YEAR_COLUMNS  = 1 << 0,  /* each year is a column of bars: no line-end labels */
  LODE_CHART_TARGET        = 1 << 1,  /* the China-free target line and the year it is reached */
  LODE_CHART_FULL_NEED     = 1 << 2,  /* a line at 100 %: all US need met */
  LODE_CHART_PRICE_FLOOR   = 1 << 3,  /* the price floor over the years it applies */
  LODE_CHART_STACK_TOTAL   = 1 << 4,  /* the hover card's title tells the stack's total */
  LODE_CHART_CATEGORIES    = 1 << 5,  /* rows of horizontal bars (lode_chart_data_add_row),
                                       * no years */
} LodeChartFlags;

/* A row of a category chart: its name, and one or two bars on the value axis from `from`
 * to `to`, each with a text beyond its `to` end. */
typedef struct
{
  char            *label;
  gboolean         bold;
  guint            n_parts;
  double           from[2];
  double           to[2];
  LodeChartColour  colour[2];
  char            *text[2];
} LodeChartRow;

/* What a kind's build function fills: the layout's series (values only; the layout places
 * them) and axis titles and formats, and the range of values each axis must show. */
typedef struct
{
  LodeChartLayout      *layout;       /* kind, options and years are set */
  const LodeProjection *projection;   /* has years */
  const LodeProjection *baseline;     /* NULL without one */
  double                lo[2], hi[2]; /* value range per axis */
  int                   n_axes;       /* 1, or 2 with a right axis */
  GArray               *rows;         /* LodeChartRow, category charts */
  guint                 n_candidates; /* the rows there were to show, when more than `rows` */
  gboolean              rows_ranked;  /* the rows come most important first (the tornado's
                                       * swings); else the rows that reach furthest are kept
                                       * when not all fit */
  gboolean              has_base;     /* category charts: a line at `base` */
  double                base;
  char                 *empty;        /* set: nothing to draw but this message */
} LodeChartData;

typedef struct
{
  const char      *id;          /* stable: files and the command line */
  const char      *name;        /* N_(): the switcher's short name */
  LodeChartFlags   flags;
  /* The heading above the plot, translated. */
  char          *(*dup_title) (const LodeChartOptions *options);
  void           (*build)     (LodeChartData          *data);
  /* What the description says after "<title> (<axis>), 2024 to 2040."; NULL: each line's
   * values at key years (lode_chart_describe_lines). */
  void           (*describe)  (const LodeChartLayout  *layout,
                               GString                *out);
} LodeChartKindInfo;

const LodeChartKindInfo *lode_chart_kind_info (LodeChartKind kind);

/* A number a chart reads from a year of a projection. */
typedef double (*LodeChartYearValue) (const LodeYear *year);

/* For build functions. */
LodeChartSeries *lode_chart_data_add_series (LodeChartData         *data,
                                             const char            *label,
                                             LodeChartSeriesStyle   style,
                                             LodeChartColourRole    role,
                                             int                    index);
/* Takes `title`. */
void             lode_chart_data_set_axis   (LodeChartData         *data,
                                             int                    axis,
                                             char                  *title,
                                             LodeChartFormat        format);
/* Widens an axis's range to hold `value` (NaN and infinities are ignored). */
void             lode_chart_data_extend     (LodeChartData         *data,
                                             int                    axis,
                                             double                 value);
/* The scenario's line over the baseline's (when there is one), valued by `value_of` in each
 * year; with `extend`, axis 0 grows to hold both. */
void             lode_chart_data_add_lines  (LodeChartData         *data,
                                             LodeChartYearValue     value_of,
                                             gboolean               extend);
/* The uncertainty band of `key` (a figure of the bands, lode-bands.h) around a line on
 * `axis`, times `scale`, with its median: two series in `colour`; with `extend` the axis
 * grows to hold it. Nothing without bands. `name` labels the band in the hover card; only
 * the first band and median of a chart enter the legend. */
void             lode_chart_data_add_band   (LodeChartData         *data,
                                             const char            *key,
                                             int                    axis,
                                             double                 scale,
                                             const char            *name,
                                             LodeChartColour        colour,
                                             gboolean               extend);
/* A row of a category chart with one part; `text` is taken. */
LodeChartRow    *lode_chart_data_add_row    (LodeChartData         *data,
                                             const char            *label,
                                             double                 from,
                                             double                 to,
                                             LodeChartColour        colour,
                                             char                  *text);
/* A second part for a row; `text` is taken. */
void             lode_chart_row_add_part    (LodeChartRow          *row,
                                             double                 from,
                                             double                 to,
                                             LodeChartColour        colour,
                                             char                  *text);
/* The axis format of a figure: percent for shares, tonnes, $ bn, $/kg or a number. */
LodeChartFormat  lode_chart_format_for_key  (const char            *key,
                                             double                *out_scale);

/* The projection's year, or NULL (also for a NULL projection). */
const LodeYear  *lode_chart_data_year       (const LodeProjection  *projection,
                                             int                    year);

/* For describe functions: "48% in 2024, 52% in 2030, 61% in 2040" (the first, 2030 and the
 * last year), and every line's key years, the scenario's lines before the baseline. */
void             lode_chart_describe_key_years (GString               *out,
                                                const LodeChartLayout *layout,
                                                const LodeChartSeries *series);
void             lode_chart_describe_lines     (const LodeChartLayout *layout,
                                                GString               *out);

G_END_DECLS
