/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeChartLayout — the pure geometry of one chart: the series its kind's descriptor builds
 * (lode-chart-kind.h), their points in pixels, the axes with round ticks and locale-formatted
 * labels, the legend, line-end labels, the target and price-floor lines and the selected
 * year. Computed from projections and a size; lode_chart_paint() draws it without further
 * arithmetic, and tests check it without a display. The hover card is a separate overlay on
 * a finished layout (lode-chart-hover.h). Drawing library: Cairo/Pango only (text is
 * measured), no GTK.
 *
 * Like every view's layout in the drawing library, it is a public, read-only struct: the
 * paint function, the widget and the tests read its fields directly.
 */
#pragma once

#include <glib.h>

#include "lode-bands.h"
#include "lode-chart-kind.h"
#include "lode-chart-ticks.h"
#include "lode-marginal.h"
#include "lode-palette.h"
#include "lode-projection.h"
#include "lode-sensitivity.h"
#include "lode-text.h"

G_BEGIN_DECLS

typedef struct
{
  double    font_scale;          /* 1.0 on screen */
  double    target_share;        /* China-free target, 0..1, default 0.5 */
  LodeStage capacity_stage;      /* stage for the capacity chart, default separation */
  int       selected_year;       /* marked on the chart; 0 none */
  gboolean  show_legend;
  /* The projection does not store the price floor: set it to draw it on the price chart. */
  LodePriceFloor price_floor;
  gboolean  show_title;          /* the chart's title above the plot, default TRUE */
  /* The chain that the charts of one chain show (self-sufficiency, capacity, price): the
   * material the diagram draws, NdPr by default. */
  LodeMaterial material;
  /* Analyses, read while the layout is built (borrowed; the layout keeps no pointer to
   * them): the tornado's and the marginal chart's data, and the bands the time charts draw
   * around their lines (NULL: none). */
  const LodeSensitivity *sensitivity;
  const LodeMarginal    *marginal;
  const LodeBands       *bands;
} LodeChartOptions;

void lode_chart_options_init (LodeChartOptions *options);

/* Colours are roles resolved against a palette at paint time, so one layout paints in the
 * light, dark or export palette alike. */
typedef enum
{
  LODE_CHART_COLOUR_FOREGROUND,
  LODE_CHART_COLOUR_MUTED,
  LODE_CHART_COLOUR_ACCENT,
  LODE_CHART_COLOUR_GHOST,
  LODE_CHART_COLOUR_TARGET,
  LODE_CHART_COLOUR_WARNING,
  LODE_CHART_COLOUR_REGION,      /* index: region in the dataset */
  LODE_CHART_COLOUR_SERIES,      /* index: fixed colour-blind-safe categorical colour */
  LODE_CHART_COLOUR_ON_ACCENT,   /* text on an accent fill */
  LODE_CHART_COLOUR_FUND,        /* index: a use of the fund, as the allocation shows it */
} LodeChartColourRole;

typedef struct
{
  LodeChartColourRole role;
  int                 index;
} LodeChartColour;

LodeRgba lode_chart_colour_resolve (LodeChartColour    colour,
                                    const LodePalette *palette);

typedef enum
{
  LODE_CHART_SERIES_LINE,        /* the scenario: a line with its hover dot */
  LODE_CHART_SERIES_GHOST,       /* the baseline: a thin line drawn behind */
  LODE_CHART_SERIES_AREA,        /* a stacked band between y_base and y */
  LODE_CHART_SERIES_BARS,        /* stacked bars between y_base and y */
  LODE_CHART_SERIES_BAND,        /* an uncertainty band: P10 (y_base) to P90 (y), light */
  LODE_CHART_SERIES_MEDIAN,      /* the bands' median: a thin dashed line */
} LodeChartSeriesStyle;

typedef enum
{
  LODE_CHART_FORMAT_PERCENT,     /* values are percent (fractions × 100) */
  LODE_CHART_FORMAT_TONNES,
  LODE_CHART_FORMAT_KILOTONNES,  /* values are thousands of tonnes */
  LODE_CHART_FORMAT_BUSD,
  LODE_CHART_FORMAT_USD_KG,
  LODE_CHART_FORMAT_NUMBER,      /* a plain number */
} LodeChartFormat;

typedef struct
{
  char                 *label;      /* translated, legend and hover card */
  LodeChartSeriesStyle  style;
  LodeChartColour       colour;
  int                   axis;       /* 0 left, 1 right */
  gboolean              dashed;
  gboolean              in_legend;  /* FALSE when it carries a direct label instead */
  gboolean              no_legend;  /* never in the legend nor labelled at its end (a band
                                     * like one already there) */
  double               *value;      /* n_years values in axis units */
  double               *x;          /* n_years pixel positions */
  double               *y;
  double               *y_base;     /* lower edge of a band or bar; NULL for lines */
  double               *value_base; /* the same in axis units; NULL for lines */
} LodeChartSeries;

typedef struct
{
  char            *text;
  double           x, y;            /* anchor; y is the top of the text */
  double           size;            /* px */
  LodeTextFlags    flags;
  double           align;           /* 0 left, 0.5 centre, 1 right of x */
  LodeChartColour  colour;
  gboolean         has_swatch;      /* a short stroke of swatch_colour before the text */
  double           swatch_x, swatch_y, swatch_width;
  LodeChartColour  swatch_colour;
  gboolean         swatch_block;    /* a filled square (areas, bars) instead of a stroke */
  gboolean         swatch_dashed;   /* the stroke dashed, as a band's median */
  gboolean         swatch_light;    /* the square in an uncertainty band's tint */
} LodeChartLabel;

typedef struct
{
  gboolean        visible;
  char           *title;            /* with the unit */
  LodeChartFormat format;
  LodeChartTicks  ticks;
  double          tick_y[LODE_CHART_MAX_TICKS];
} LodeChartAxis;

typedef struct
{
  double x, y, width, height;
} LodeChartRect;

/* One bar of a category chart (tornado, marginal values): a rectangle from value0 to value1
 * on the horizontal value axis, in its category's row. */
typedef struct
{
  LodeChartRect   rect;
  double          value0;
  double          value1;
  int             row;
  LodeChartColour colour;
} LodeChartBar;

typedef struct _LodeChartLayout LodeChartLayout;

struct _LodeChartLayout
{
  /*< public, read-only >*/
  LodeChartKind     kind;
  LodeChartOptions  options;
  double            width, height;
  double            font_px;        /* body text */
  double            line_width;     /* the scenario's stroke */
  LodeChartRect     plot;
  gboolean          empty;          /* no data: only `labels` (a message) are drawn */

  int               first_year, last_year, n_years;
  double            x0, dx;         /* x of first_year and px per year */
  double            bar_width;      /* bars only */

  LodeChartAxis     axes[2];        /* left, right */
  int               n_x_ticks;
  double            x_tick_x[LODE_CHART_MAX_TICKS];

  GPtrArray        *series;         /* LodeChartSeries *, in paint order (bottom first) */
  GArray           *labels;         /* LodeChartLabel: titles, ticks, legend, direct labels */

  gboolean          has_target;
  double            target_y;
  gboolean          has_reached;    /* the scenario reaches the target: marked */
  int               reached_year;
  double            reached_x, reached_y;
  gboolean          has_base_reached;
  double            base_reached_x, base_reached_y;

  gboolean          has_reference;  /* self-sufficiency: the 100 % line, "all US need met" */
  double            reference_y;

  gboolean          has_floor;
  double            floor_y, floor_x0, floor_x1;

  gboolean          has_selected;
  double            selected_x;
  LodeChartRect     selected_pill;  /* the year under the axis, drawn on the accent */

  /* Category charts (the kind's LODE_CHART_CATEGORIES): rows of bars along a horizontal
   * value axis (axes[0], its ticks at x_tick_x), no years (n_years is 0). */
  gboolean          horizontal;
  int               n_rows;
  char            **row_names;      /* the rows shown, top first; NULL-terminated */
  GArray           *bars;           /* LodeChartBar */
  gboolean          has_base;       /* the tornado's base: a vertical line */
  double            base_x;

  /*< private >*/
  char             *description;
};

LodeChartLayout *lode_chart_layout_new          (LodeChartKind           kind,
                                                 const LodeProjection   *projection,
                                                 const LodeProjection   *baseline,
                                                 double                  width,
                                                 double                  height,
                                                 const LodeChartOptions *options)
                                                 G_GNUC_WARN_UNUSED_RESULT;
void             lode_chart_layout_free         (LodeChartLayout        *layout);
/* The year whose column holds x, or 0 outside the plot. */
int              lode_chart_layout_year_at      (const LodeChartLayout  *layout,
                                                 double                  x);
/* The x of a year's column (clamped to the plot). */
double           lode_chart_layout_x_for_year   (const LodeChartLayout  *layout,
                                                 int                     year);
/* The y of a value on axis 0 (left) or 1 (right). */
double           lode_chart_layout_y_for_value  (const LodeChartLayout  *layout,
                                                 int                     axis,
                                                 double                  value);
/* A summary for assistive technology: what the chart shows and its key values. */
char            *lode_chart_layout_describe     (const LodeChartLayout  *layout)
                                                 G_GNUC_WARN_UNUSED_RESULT;
/* Formats a value the way the hover card shows it ("48%", "$1.2 bn", "12,300 t"). */
char            *lode_chart_format_value        (LodeChartFormat         format,
                                                 double                  value)
                                                 G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeChartLayout, lode_chart_layout_free)

G_END_DECLS
