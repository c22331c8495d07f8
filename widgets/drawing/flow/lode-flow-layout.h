/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeFlowLayout — the pure geometry of the flow (Sankey) diagram of the rare-earth chain for
 * one year of a projection: stage columns (mine, separation, metal, magnet, end use), one node
 * per region in each column, ribbons between them, loss / stock / by-product stubs, the
 * recycling loop from end use back to metal making, labels placed without collisions, stage
 * headers, the bottleneck mark and the legend.
 *
 * Widths are in t NdPr-oxide equivalent (the projection's *_ox arrays), so columns compare and
 * every node balances; labels give each stage's own unit. The order of regions within a column
 * is computed from the whole projection (totals over all years, a few barycentric sweeps), so it
 * is identical for every year and nothing jumps while the year plays.
 *
 * Drawing library: GLib, the model, Cairo and Pango (label measuring) only — no GTK. The layout is
 * an opaque, immutable object; its parts are read through the accessors below as plain public
 * structs (the chart layout has the same shape). Hover and selection never change it: a
 * LodeFlowHighlight computed from it says what to emphasise, and lode_flow_paint_highlight()
 * draws that over the painted layout.
 */
#pragma once

#include <glib.h>

#include "lode-projection.h"

G_BEGIN_DECLS

/* Columns: the four LodeStage values, then the end-use column (consuming regions). */
#define LODE_FLOW_COLUMN_END_USE   LODE_N_STAGES
#define LODE_FLOW_N_COLUMNS        (LODE_N_STAGES + 1)
#define LODE_FLOW_LABEL_MAX        128

typedef struct _LodeFlowLayout LodeFlowLayout;

/* What the diagram draws (the window's material switch, the command line's --material): one
 * material's chain, widths in that material's oxide equivalent and labels in its units; or
 * the joint magnet view, the NdPr chain whose NdFeB magnets count as passing through China
 * when their NdPr or, in Dy/Tb grades, their Dy + Tb did (at the year's Dy/Tb grade share, so
 * a maker short of Dy + Tb shows at most its true China content, never less). The first three
 * are the LodeMaterial values. */
typedef enum
{
  LODE_FLOW_MATERIAL_NDPR,
  LODE_FLOW_MATERIAL_HEAVY,
  LODE_FLOW_MATERIAL_SM,
  LODE_FLOW_MATERIAL_JOINT,
  LODE_FLOW_N_MATERIALS
} LodeFlowMaterial;

typedef struct
{
  double   font_scale;         /* 1.0 on screen; larger for projector export / presentation */
  gboolean show_legend;        /* TRUE by default */
  gboolean show_china_content; /* TRUE by default */
  LodeMaterial material;       /* whose chain to draw (NdPr by default) */
  gboolean joint_magnets;      /* with NdPr: the joint magnet view (LODE_FLOW_MATERIAL_JOINT) */
  /* The stage marked as the bottleneck: LODE_FLOW_BOTTLENECK_MODEL (the default) for the
   * model's, -1 for none, or a stage the caller names (the marginal values' binding one). */
  int      bottleneck_stage;
} LodeFlowOptions;

#define LODE_FLOW_BOTTLENECK_MODEL (-2)

typedef enum
{
  LODE_FLOW_EMPHASIS_NORMAL,
  LODE_FLOW_EMPHASIS_HIGHLIGHT,  /* hovered or selected, or connected to it */
  LODE_FLOW_EMPHASIS_DIM,        /* something else is highlighted */
} LodeFlowEmphasis;

typedef enum
{
  LODE_FLOW_RIBBON_FLOW,        /* stage s, region i -> stage s + 1 (or end use), region j */
  LODE_FLOW_RIBBON_RECYCLING,   /* end use, region r -> metal, region r: the loop below */
  LODE_FLOW_RIBBON_LOSS,        /* process losses leaving a node (stub) */
  LODE_FLOW_RIBBON_STOCK,       /* unsold output or unprocessed input building stock (stub) */
  LODE_FLOW_RIBBON_STOCK_DRAW,  /* stock drawn down into a node (incoming stub) */
  LODE_FLOW_RIBBON_BYPRODUCT,   /* Ce, La ... leaving at separation; fixed width, t REO */
  LODE_FLOW_RIBBON_OTHER_FEED,  /* input from outside the drawn flows (China's secondary feed:
                                 * scrap, swarf, unreported ore, stocks), incoming stub */
} LodeFlowRibbonKind;

typedef enum
{
  LODE_FLOW_LABEL_HIDDEN,       /* dropped to the tooltip: no room */
  LODE_FLOW_LABEL_COMPACT,      /* one line: "China · 69 %" */
  LODE_FLOW_LABEL_SHORT,        /* two lines, value without unit: "270 kt · 69 %" */
  LODE_FLOW_LABEL_FULL,         /* two lines: "China" / "270 kt REO · 69 %" */
} LodeFlowLabelLevel;

typedef struct
{
  double x, y, width, height;
} LodeFlowRect;

/* A cubic Bézier from (x0, y0) to (x3, y3). */
typedef struct
{
  double x0, y0, x1, y1, x2, y2, x3, y3;
} LodeFlowCubic;

/* One piece of a ribbon: its two edges, both running in the direction of the flow. `top` is the
 * edge on the left of the direction of travel (the upper edge of a left-to-right ribbon). */
typedef struct
{
  LodeFlowCubic top;
  LodeFlowCubic bottom;
} LodeFlowSegment;

typedef struct
{
  LodeFlowLabelLevel level;
  char               name[LODE_FLOW_LABEL_MAX];    /* first line (the only one if compact) */
  char               detail[LODE_FLOW_LABEL_MAX];  /* second line, "" if compact */
  char               shortfall[LODE_FLOW_LABEL_MAX]; /* end use: "3.9 kt short", a third line
                                                      * in the warning colour, or "" */
  double             name_size;                    /* px */
  double             detail_size;                  /* px */
  double             name_height;                  /* px, the detail line starts below it */
  double             detail_height;                /* px, the shortfall line below that */
  double             align;                        /* 0: text starts at rect.x; 1: ends at right */
  gboolean           pill;                         /* drawn over ribbons: needs a backing */
  LodeFlowRect       backing;                      /* the pill behind it, if pill */
  LodeFlowRect       rect;                         /* both lines */
  gboolean           has_leader;                   /* moved away from its node: draw a leader */
  double             leader_x0, leader_y0, leader_x1, leader_y1;
} LodeFlowLabel;

typedef struct
{
  int              column;          /* LodeStage, or LODE_FLOW_COLUMN_END_USE */
  guint            region;
  gboolean         visible;         /* FALSE: zero this year, takes no space, not drawn */
  double           value;           /* t NdPr-oxide eq., max (in_value, out_value) */
  double           in_value;        /* ribbons in + recycling + other feed + stock drawn,
                                     * t NdPr-oxide eq. */
  double           out_value;       /* ribbons out + losses + stock built, t NdPr-oxide eq. */
  double           stage_value;     /* in the column's own unit (see header unit) */
  double           share;           /* of the column, in the column's unit, 0..1 */
  double           china_content;   /* of the node's output, 0..1 */
  LodeFlowRect     rect;
  LodeFlowLabel    label;
} LodeFlowNode;

typedef struct
{
  LodeFlowRibbonKind     kind;
  int                    source;        /* node index, -1 for an incoming stub */
  int                    target;        /* node index, -1 for an outgoing stub */
  double                 value;         /* t NdPr-oxide eq.; t REO for a by-product stub */
  double                 china_content; /* fraction of the ribbon that passed through China */
  double                 width;         /* px across the ribbon */
  guint                  n_segments;
  const LodeFlowSegment *segments;      /* owned by the layout */
} LodeFlowRibbon;

typedef struct
{
  char         title[LODE_FLOW_LABEL_MAX];  /* "Separation" */
  char         unit[LODE_FLOW_LABEL_MAX];   /* "t NdPr oxide": the unit of the node labels */
  double       title_size;
  double       unit_size;
  LodeFlowRect title_rect;
  LodeFlowRect unit_rect;
  gboolean     bottleneck;                  /* the stage limiting US magnet output */
  LodeFlowRect badge_rect;                  /* "⚠ Bottleneck" badge, if bottleneck; zero
                                             * width when there is no room for it */
  LodeFlowRect badge_icon;                  /* the warning mark inside it */
  LodeFlowRect badge_text_rect;             /* the word; zero width when only the mark fits */
  char         badge[LODE_FLOW_LABEL_MAX];  /* "" when only the mark fits */
  double       badge_size;
  LodeFlowRect band;                        /* tinted band behind the column, if bottleneck */
} LodeFlowHeader;

typedef enum
{
  LODE_FLOW_LEGEND_REGION,
  LODE_FLOW_LEGEND_CHINA_CONTENT,
  LODE_FLOW_LEGEND_RECYCLING,
  LODE_FLOW_LEGEND_LOSS,
  LODE_FLOW_LEGEND_BYPRODUCT,
  LODE_FLOW_LEGEND_NOTE,          /* text only; `bold` for the year */
} LodeFlowLegendKind;

typedef struct
{
  LodeFlowLegendKind kind;
  guint              region;
  gboolean           bold;
  char               text[LODE_FLOW_LABEL_MAX];
  double             size;
  LodeFlowRect       swatch;      /* zero width for a note */
  LodeFlowRect       text_rect;
} LodeFlowLegendItem;

/* Free-standing captions: the recycling and by-product notes, the empty-year message. */
typedef struct
{
  char         text[LODE_FLOW_LABEL_MAX * 2];
  double       size;
  gboolean     muted;
  LodeFlowRect rect;
} LodeFlowCaption;

void                   lode_flow_options_init        (LodeFlowOptions       *options);
/* Sets `material` and `joint_magnets` for a view, and reads them back as one. */
void                   lode_flow_options_set_view_material (LodeFlowOptions *options,
                                                            LodeFlowMaterial view);
LodeFlowMaterial       lode_flow_options_get_view_material (const LodeFlowOptions *options);

/* "ndpr", "heavy", "sm" (lode_material_id()) and "joint": stable, for scenario files and the
 * command line. */
const char            *lode_flow_material_id          (LodeFlowMaterial       view);
gboolean               lode_flow_material_from_id     (const char            *id,
                                                       LodeFlowMaterial      *out_view);
/* The switch's short label, translated: "NdPr", "Dy + Tb", "Samarium", "Joint". */
const char            *lode_flow_material_name        (LodeFlowMaterial       view);
/* What the view draws, one sentence for a tooltip or --help, translated. */
const char            *lode_flow_material_description (LodeFlowMaterial       view);
/* The chain a view draws (the joint view draws NdPr's). */
LodeMaterial           lode_flow_material_chain       (LodeFlowMaterial       view);

/* `year` may be fractional while playing: widths interpolate between the two whole years.
 * `projection` may be NULL (an empty canvas with a note). */
LodeFlowLayout        *lode_flow_layout_new          (const LodeProjection  *projection,
                                                      double                 year,
                                                      double                 width,
                                                      double                 height,
                                                      const LodeFlowOptions *options)
                                                      G_GNUC_WARN_UNUSED_RESULT;
void                   lode_flow_layout_free         (LodeFlowLayout        *layout);

/* Hit testing for the widget: a node or ribbon index, or -1. */
int                    lode_flow_layout_node_at      (const LodeFlowLayout  *layout,
                                                      double                 x,
                                                      double                 y);
int                    lode_flow_layout_ribbon_at    (const LodeFlowLayout  *layout,
                                                      double                 x,
                                                      double                 y);
/* A sentence summarising the year for accessibility and tooltips, translated. */
char                  *lode_flow_layout_describe     (const LodeFlowLayout  *layout)
                                                      G_GNUC_WARN_UNUSED_RESULT;
/* Tooltip text for a node (tonnes, share, China content, inflows, end-use split) or a ribbon
 * (from → to, tonnes, share of the source, China content); NULL for an invalid index. */
char                  *lode_flow_layout_describe_node   (const LodeFlowLayout *layout,
                                                         int                   node)
                                                         G_GNUC_WARN_UNUSED_RESULT;
char                  *lode_flow_layout_describe_ribbon (const LodeFlowLayout *layout,
                                                         int                   ribbon)
                                                         G_GNUC_WARN_UNUSED_RESULT;


/* Read access. Nodes are indexed column * n_regions + region for every column and region, so
 * an index means the same node in every year; invisible nodes are part of the array. */
double                 lode_flow_layout_get_width     (const LodeFlowLayout  *layout);
double                 lode_flow_layout_get_height    (const LodeFlowLayout  *layout);
double                 lode_flow_layout_get_year      (const LodeFlowLayout  *layout);
/* The whole year shown in text (the nearest year while playing). */
int                    lode_flow_layout_get_shown_year (const LodeFlowLayout *layout);
const LodeFlowOptions *lode_flow_layout_get_options   (const LodeFlowLayout  *layout);
/* The options' font scale, clamped to what the layout supports. */
double                 lode_flow_layout_get_font_scale (const LodeFlowLayout *layout);
const LodeDataset     *lode_flow_layout_get_dataset   (const LodeFlowLayout  *layout);
/* Pixels per t NdPr-oxide equivalent. */
double                 lode_flow_layout_get_scale     (const LodeFlowLayout  *layout);
/* The band of the canvas that holds the columns, ribbons, loop and captions (full width,
 * between the headers and the legend): what hover dims. */
void                   lode_flow_layout_get_diagram_area (const LodeFlowLayout *layout,
                                                          LodeFlowRect         *out_area);
guint                  lode_flow_layout_get_n_regions (const LodeFlowLayout  *layout);
guint                  lode_flow_layout_get_n_nodes   (const LodeFlowLayout  *layout);
const LodeFlowNode    *lode_flow_layout_get_node      (const LodeFlowLayout  *layout,
                                                       guint                  index);
int                    lode_flow_layout_node_index    (const LodeFlowLayout  *layout,
                                                       int                    column,
                                                       guint                  region);
/* Regions of `column` from top to bottom, all of them (visible or not); returns the count. */
guint                  lode_flow_layout_get_order     (const LodeFlowLayout  *layout,
                                                       int                    column,
                                                       guint                 *out_regions);
guint                  lode_flow_layout_get_n_ribbons (const LodeFlowLayout  *layout);
const LodeFlowRibbon  *lode_flow_layout_get_ribbon    (const LodeFlowLayout  *layout,
                                                       guint                  index);
const LodeFlowHeader  *lode_flow_layout_get_header    (const LodeFlowLayout  *layout,
                                                       int                    column);
guint                  lode_flow_layout_get_n_legend_items (const LodeFlowLayout *layout);
const LodeFlowLegendItem *lode_flow_layout_get_legend_item (const LodeFlowLayout *layout,
                                                            guint                 index);
guint                  lode_flow_layout_get_n_captions (const LodeFlowLayout *layout);
const LodeFlowCaption *lode_flow_layout_get_caption   (const LodeFlowLayout  *layout,
                                                       guint                  index);
/* The point of a cubic at parameter t, 0..1. */
void                   lode_flow_cubic_eval           (const LodeFlowCubic   *cubic,
                                                       double                 t,
                                                       double                *out_x,
                                                       double                *out_y);

/* What hover and selection emphasise in a layout: a hovered ribbon and its two nodes, or a
 * hovered (else the selected) node and everything upstream and downstream of it; the rest is
 * dimmed. Cheap enough for every pointer motion; the layout is left as it is. Indices that
 * are out of range or invisible count as -1. */
typedef struct _LodeFlowHighlight LodeFlowHighlight;

LodeFlowHighlight     *lode_flow_highlight_new        (const LodeFlowLayout    *layout,
                                                       int                      hover_node,
                                                       int                      hover_ribbon,
                                                       int                      selected_node)
                                                       G_GNUC_WARN_UNUSED_RESULT;
void                   lode_flow_highlight_free       (LodeFlowHighlight       *highlight);
/* TRUE when nothing is hovered or selected: there is nothing to draw over the layout. */
gboolean               lode_flow_highlight_is_empty   (const LodeFlowHighlight *highlight);
int                    lode_flow_highlight_get_hover_node    (const LodeFlowHighlight *highlight);
int                    lode_flow_highlight_get_hover_ribbon  (const LodeFlowHighlight *highlight);
int                    lode_flow_highlight_get_selected_node (const LodeFlowHighlight *highlight);
LodeFlowEmphasis       lode_flow_highlight_get_node   (const LodeFlowHighlight *highlight,
                                                       guint                    node);
LodeFlowEmphasis       lode_flow_highlight_get_ribbon (const LodeFlowHighlight *highlight,
                                                       guint                    ribbon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeFlowLayout, lode_flow_layout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeFlowHighlight, lode_flow_highlight_free)

G_END_DECLS
