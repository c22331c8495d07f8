/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the files of the flow layout share: the layout's own struct, the year being drawn,
 * the scratch geometry of one construction, and the steps that lode_flow_layout_new() runs
 * in order (each in its own file):
 *
 *   lode-flow-year.c      interpolate the projection's numbers at a (fractional) year
 *   lode-flow-order.c     order the regions in each column, with few crossings
 *   lode-flow-values.c    node and ribbon values for the year
 *   lode-flow-scale.c     pixels per tonne and node heights
 *   lode-flow-headers.c   stage headers and the bottleneck badge
 *   lode-flow-legend.c    the legend rows
 *   lode-flow-geometry.c  ribbon edges as cubic Béziers, stubs and the recycling loop
 *   lode-flow-labels.c    node labels placed without collisions
 *   lode-flow-captions.c  captions under the loop and the by-product stubs
 *
 * and what is asked of a finished layout: lode-flow-highlight.c (emphasis),
 * lode-flow-hit.c (hit testing), lode-flow-describe.c (words for tooltips and screen
 * readers), lode-flow-names.c (names and number formats they share).
 *
 * Private to widgets/drawing/flow/: nothing outside includes it.
 */
#pragma once

#include <cairo.h>

#include "lode-flow-layout.h"
#include "lode-palette.h"

G_BEGIN_DECLS

#define N_COLS        LODE_FLOW_N_COLUMNS
#define MAXR          LODE_MAX_REGIONS
#define MAX_NODES     (N_COLS * MAXR)
#define LOOP_SEGMENTS 9
#define MAX_LEGEND    (MAXR + 8)
#define MAX_CAPTIONS  4

/* Sizes of the captions' text and of the message shown when nothing is drawn, px at chrome
 * scale 1. */
#define LODE_FLOW_CAPTION_SIZE  10.5
#define LODE_FLOW_MESSAGE_SIZE  13.0

/* The thinnest ribbon and the shortest node drawn, px: smaller values are widened to them. */
#define MIN_RIBBON_PX 1.0
#define MIN_NODE_PX   2.0

/* The year being drawn, interpolated between two whole years while playing. All *_ox values
 * are t oxide equivalent of the drawn material (lode_flow_ox_unit()). */
typedef struct
{
  double flow[LODE_N_STAGES][MAXR][MAXR];
  double loss[LODE_N_STAGES][MAXR];
  double stock_out[LODE_N_STAGES][MAXR];   /* unsold output + input put to stock */
  double stock_in[LODE_N_STAGES][MAXR];    /* stock drawn down into the plant */
  double other_in[LODE_N_STAGES][MAXR];    /* input_ox not explained by the drawn inflows */
  double production[LODE_N_STAGES][MAXR];  /* stage units */
  double output_ox[LODE_N_STAGES][MAXR];
  double china_content[LODE_N_STAGES][MAXR];
  double recycled[MAXR];
  double byproduct[MAXR];                  /* t REO */
  double supplied_magnet[MAXR];
  double shortfall_magnet[MAXR];
  double end_use[LODE_N_END_USES];
  double china_free_us;
} FlowYear;

struct _LodeFlowLayout
{
  LodeFlowOptions  options;
  LodeProjection  *projection;    /* owned ref, may be NULL */
  double           width;
  double           height;
  double           year;
  int              shown_year;
  int              bottleneck;
  guint            n_regions;
  double           scale;
  double           node_width;
  double           font_scale;
  gboolean         compact;       /* a short canvas: tighter margins, badge beside the unit */
  double           chrome_scale;  /* font scale of headers, legend, captions and labels: below
                                   * font_scale when the canvas is too short for them */
  gboolean         legend_one_line; /* a short canvas: one legend row, fewer entries */
  gboolean         tight;         /* a short canvas: one-line labels, names first */

  FlowYear         data;

  guint            order[N_COLS][MAXR];
  guint            order_len[N_COLS];
  int              rank[N_COLS][MAXR];       /* position in the column, -1 never present */
  gboolean         ever_recycled[MAXR];
  gboolean         ever_byproduct;

  LodeFlowNode     nodes[MAX_NODES];
  LodeFlowRect     diagram;       /* the columns' band, full width: what hover dims */

  guint            n_ribbons;
  LodeFlowRibbon  *ribbons;
  guint            n_segments;
  LodeFlowSegment *segments;

  LodeFlowHeader   headers[N_COLS];
  guint            n_legend;
  LodeFlowLegendItem legend[MAX_LEGEND];
  guint            n_captions;
  LodeFlowCaption  captions[MAX_CAPTIONS];
};

/* The kinds of stub a node may have, in the order they leave or enter it. */
enum { STUB_LOSS, STUB_STOCK, STUB_DRAW, STUB_BYPRODUCT, STUB_OTHER, N_STUBS };

/* Geometry that only the construction needs. */
typedef struct
{
  double  margin;
  double  pad;
  double  gap;
  double  diag_top;
  double  bottom_limit;     /* above the legend */
  double  bottom_fixed;     /* loop corners, captions: the part that does not scale */
  double  area_bottom;      /* bottom of the column area */
  double  x[N_COLS];
  double  spacing;
  double  label_left;       /* reserve for column 0 labels */
  double  label_right;      /* reserve for end-use labels */
  double  lanes_width;
  double  r_small;
  double  r_corner;
  double  lane_gap;
  double  loop_caption_h;
  double  foot_h;
  double *y0;               /* per ribbon: top at the source end */
  double *y1;               /* per ribbon: top at the target end */
  int     flow_index[LODE_N_STAGES][MAXR][MAXR];
  int     stub_index[N_STUBS][N_COLS][MAXR];   /* loss, stock, draw, by-product, other feed */
  int     loop_index[MAXR];
} Build;

typedef struct
{
  double name_h;
  double detail_h;
  double name_size;
  double detail_size;
} LabelFonts;

static inline int
node_index (const LodeFlowLayout *self,
            int                   column,
            guint                 region)
{
  return column * (int) self->n_regions + (int) region;
}

static inline double
lerp (double a,
      double b,
      double t)
{
  return a + (b - a) * t;
}

/* lode-flow-strips.c: paints a large image target in strips on two cores, calling `func`
 * once per strip with a cairo_t clipped to it; FALSE (nothing painted) when the target is not
 * an image, is small, or there is one core. `cost` (or NULL: even) estimates what painting
 * each of `n_cost` equal bands of the height costs, from top to bottom: the strips are cut so
 * that each costs about as much. */
typedef void (*LodeFlowStripFunc) (cairo_t      *cr,
                                   gconstpointer data);

gboolean    lode_flow_paint_strips   (cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      const double         *cost,
                                      guint                 n_cost,
                                      LodeFlowStripFunc     func,
                                      gconstpointer         data);

/* lode-flow-paint.c: lode_flow_paint() on the calling thread only, for the tests that check
 * that painting in strips changes no pixel. */
void        lode_flow_paint_in_one_piece (cairo_t              *cr,
                                          const LodeFlowLayout *layout,
                                          const LodePalette    *palette);

/* lode-flow-layout.c */
double      lode_flow_clamp_font_scale (double              font_scale);

/* lode-flow-names.c */
void        lode_flow_format_tonnes  (char                 *buf,
                                      gsize                 size,
                                      double                tonnes,
                                      const char           *unit);
void        lode_flow_format_percent (char                 *buf,
                                      gsize                 size,
                                      double                fraction);
const char *lode_flow_column_title   (int                   column);
/* The column's unit in the drawn material (end use: its magnet stage's). */
const char *lode_flow_column_unit    (const LodeFlowLayout *self,
                                      int                   column);
const char *lode_flow_column_phrase  (int                   column);
const char *lode_flow_region_name    (const LodeFlowLayout *self,
                                      guint                 region);
/* The unit of the widths: the drawn material's oxide equivalent. */
const char *lode_flow_ox_unit        (const LodeFlowLayout *self);

/* lode-flow-year.c */
void        lode_flow_fill_year      (LodeFlowLayout       *self);

/* lode-flow-order.c */
void        lode_flow_compute_order  (LodeFlowLayout       *self);

/* lode-flow-values.c */
void        lode_flow_compute_nodes  (LodeFlowLayout       *self);
void        lode_flow_compute_ribbons (LodeFlowLayout      *self,
                                       Build               *b);

/* lode-flow-scale.c */
double      lode_flow_ribbon_px      (const LodeFlowLayout *self,
                                      const LodeFlowRibbon *r,
                                      double                k);
void        lode_flow_node_heights   (const LodeFlowLayout *self,
                                      double                k,
                                      double               *heights);
double      lode_flow_recycling_px   (const LodeFlowLayout *self,
                                      const Build          *b,
                                      double                k);
int         lode_flow_n_loops        (const Build          *b);
double      lode_flow_compute_scale  (LodeFlowLayout       *self,
                                      Build                *b);

/* lode-flow-headers.c */
void        lode_flow_layout_headers (LodeFlowLayout       *self,
                                      Build                *b,
                                      double               *out_height);
void        lode_flow_position_headers (LodeFlowLayout     *self,
                                        Build              *b);

/* lode-flow-legend.c */
double      lode_flow_layout_legend  (LodeFlowLayout       *self,
                                      Build                *b);

/* lode-flow-geometry.c */
void        lode_flow_build_geometry (LodeFlowLayout       *self,
                                      Build                *b);

/* lode-flow-labels.c */
void        lode_flow_label_fonts    (const LodeFlowLayout *self,
                                      LabelFonts           *f);
double      lode_flow_label_reserve  (const LodeFlowLayout *self,
                                      const LabelFonts     *f,
                                      int                   c);
void        lode_flow_place_labels   (LodeFlowLayout       *self,
                                      Build                *b,
                                      const LabelFonts     *f);

/* lode-flow-captions.c */
LodeFlowCaption *lode_flow_add_caption (LodeFlowLayout     *self,
                                        const char         *text,
                                        double              size,
                                        gboolean            muted);
void        lode_flow_fit_caption    (LodeFlowCaption      *cap,
                                      double                cx,
                                      double                lo,
                                      double                hi);
void        lode_flow_layout_captions (LodeFlowLayout      *self,
                                       Build               *b);

G_END_DECLS
