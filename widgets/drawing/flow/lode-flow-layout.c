/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode_flow_layout_new(): runs the construction steps in order (see
 * lode-flow-layout-private.h), sets the vertical bands and the columns' positions, and the
 * read accessors of a finished layout.
 */
#define G_LOG_DOMAIN "lode-flow-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lode-flow-layout-private.h"
#include "lode-text.h"

/* Font scales outside this range are clamped. */
#define FONT_SCALE_MIN            0.25
#define FONT_SCALE_MAX            8.0
/* Node width: a fraction of the canvas width, within limits (px at font scale 1). */
#define NODE_WIDTH_FRACTION       0.009
#define NODE_WIDTH_MIN            8.0
#define NODE_WIDTH_MAX            18.0
/* Below this height (px at font scale 1) the canvas is compact: tighter margins, the
 * bottleneck badge beside the unit instead of on a line of its own. */
#define COMPACT_HEIGHT            450.0
/* Margins: at least MARGIN px (chrome scale 1) or a fraction of the shorter side. */
#define MARGIN                    18.0
#define MARGIN_FRACTION           0.05
#define COMPACT_MARGIN            10.0
#define COMPACT_MARGIN_FRACTION   0.03
#define PAD                       6.0
/* The recycling loop's inner corner radius and its outer corners, px at chrome scale 1. */
#define LOOP_RADIUS_SMALL         6.0
#define LOOP_RADIUS_CORNER        10.0
/* The furniture shrinks until the column area has this fraction of the height, by steps of
 * CHROME_SHRINK, to no less than 1.0 (VERY_SHORT_CHROME below VERY_SHORT_HEIGHT px). */
#define MIN_AREA_FRACTION         0.54
#define MAX_CHROME_ATTEMPTS       12
#define CHROME_SHRINK             0.92
#define VERY_SHORT_HEIGHT         260.0
#define VERY_SHORT_CHROME         0.85
/* The label reserves beside the first and the last column, at most these fractions of the
 * width. */
#define MAX_LABEL_LEFT_FRACTION   0.2
#define MAX_LABEL_RIGHT_FRACTION  0.22

double
lode_flow_clamp_font_scale (double font_scale)
{
  return CLAMP (font_scale, FONT_SCALE_MIN, FONT_SCALE_MAX);
}

void
lode_flow_options_init (LodeFlowOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (LodeFlowOptions) {
    .font_scale = 1.0,
    .show_legend = TRUE,
    .show_china_content = TRUE,
    .material = LODE_MATERIAL_NDPR,
    .joint_magnets = FALSE,
    .bottleneck_stage = LODE_FLOW_BOTTLENECK_MODEL,
  };
}

/* Margins and paddings that follow the furniture's font scale. */
static void
set_chrome (LodeFlowLayout *self,
            Build          *b)
{
  double cs = self->chrome_scale;

  b->margin = self->compact ? MAX (COMPACT_MARGIN * cs, MIN (self->width, self->height)
                                                         * COMPACT_MARGIN_FRACTION)
                            : MAX (MARGIN * cs, MIN (self->width, self->height)
                                                * MARGIN_FRACTION);
  b->pad = PAD * cs;
  b->r_small = LOOP_RADIUS_SMALL * cs;
  b->r_corner = LOOP_RADIUS_CORNER * cs;
}

static void
vertical_bands (LodeFlowLayout *self,
                Build          *b)
{
  double header_h, legend_h, cap_h, cs = self->chrome_scale;
  gboolean any_loop = FALSE;

  lode_flow_layout_headers (self, b, &header_h);
  legend_h = lode_flow_layout_legend (self, b);
  b->diag_top = b->margin + header_h + b->pad;
  b->bottom_limit = self->height - b->margin - (legend_h > 0 ? legend_h + 2.0 * b->pad : 0.0);
  lode_text_measure ("Ag", LODE_FLOW_CAPTION_SIZE * cs, LODE_TEXT_NORMAL, NULL, &cap_h);
  for (guint r = 0; r < self->n_regions; r++)
    any_loop |= self->ever_recycled[r];
  b->loop_caption_h = any_loop ? b->r_small + 2.0 + b->r_corner + 2.0 * cs + cap_h : 0.0;
  b->foot_h = self->ever_byproduct ? b->pad + 2 * cap_h : 0.0;
  b->bottom_fixed = MAX (b->loop_caption_h, b->foot_h) + (any_loop ? 0.0 : b->pad);
}

/* Vertical bands: headers, the column area, loops and captions, the legend. On a short
 * canvas the furniture gives way before the diagram does: first the legend goes down to one
 * row, then headers, legend, captions and labels shrink (to no less than the normal size of
 * 1.0, or VERY_SHORT_CHROME of it for a very short canvas), until the column area has about
 * half of the height. */
static void
fit_vertical_bands (LodeFlowLayout *self,
                    Build          *b)
{
  double cs_floor = MIN (self->font_scale, self->height < VERY_SHORT_HEIGHT ? VERY_SHORT_CHROME
                                                                            : 1.0);

  for (int attempt = 0; ; attempt++)
    {
      double avail;

      vertical_bands (self, b);
      avail = b->bottom_limit - b->bottom_fixed - b->diag_top;
      if (avail >= MIN_AREA_FRACTION * self->height || attempt >= MAX_CHROME_ATTEMPTS)
        return;
      self->tight = TRUE;
      if (!self->legend_one_line)
        {
          self->legend_one_line = TRUE;
          continue;
        }
      if (self->chrome_scale <= cs_floor + 1e-9)
        return;
      self->chrome_scale = MAX (cs_floor, self->chrome_scale * CHROME_SHRINK);
      set_chrome (self, b);
    }
}

/* Horizontal: label reserves at both sides, the recycling lanes right of end use, the
 * columns evenly spaced in between. */
static void
place_columns (LodeFlowLayout   *self,
               Build            *b,
               const LabelFonts *fonts)
{
  double x0, x4;

  b->label_left = MIN (lode_flow_label_reserve (self, fonts, 0),
                       self->width * MAX_LABEL_LEFT_FRACTION);
  b->label_right = MIN (lode_flow_label_reserve (self, fonts, LODE_FLOW_COLUMN_END_USE),
                        self->width * MAX_LABEL_RIGHT_FRACTION);
  b->lanes_width = lode_flow_n_loops (b) > 0
                   ? b->r_small + b->r_corner + lode_flow_recycling_px (self, b, self->scale)
                   : 0.0;
  x0 = b->margin + b->label_left + b->pad;
  x4 = self->width - b->margin - b->label_right - b->pad - b->lanes_width - self->node_width;
  if (x4 < x0)
    x4 = x0;
  b->spacing = (x4 - x0) / (N_COLS - 1);
  for (int c = 0; c < N_COLS; c++)
    b->x[c] = x0 + c * b->spacing;
}

/* Vertical: each column's nodes stacked with gaps, centred in the column area. */
static void
place_nodes (LodeFlowLayout *self,
             Build          *b)
{
  double heights[MAX_NODES];
  double area_top = b->diag_top;
  double area_bottom = b->bottom_limit - b->bottom_fixed
                       - lode_flow_recycling_px (self, b, self->scale);

  area_bottom = MAX (area_bottom, area_top + 1.0);
  b->area_bottom = area_bottom;
  self->diagram = (LodeFlowRect) {
    0.0, area_top - b->pad, self->width, b->bottom_limit + b->pad - (area_top - b->pad)
  };
  lode_flow_node_heights (self, self->scale, heights);
  for (int c = 0; c < N_COLS; c++)
    {
      double px = 0.0, y;
      int nv = 0;

      for (guint k = 0; k < self->order_len[c]; k++)
        {
          int q = node_index (self, c, self->order[c][k]);

          if (self->nodes[q].visible)
            {
              px += heights[q];
              nv++;
            }
        }
      px += MAX (nv - 1, 0) * b->gap;
      y = area_top + MAX ((area_bottom - area_top - px) / 2, 0.0);
      for (guint k = 0; k < self->order_len[c]; k++)
        {
          int q = node_index (self, c, self->order[c][k]);
          LodeFlowNode *node = &self->nodes[q];

          if (!node->visible)
            continue;
          node->rect = (LodeFlowRect) { b->x[c], y, self->node_width, heights[q] };
          y += heights[q] + b->gap;
        }
    }
}

static void
init_canvas (LodeFlowLayout        *self,
             Build                 *b,
             double                 year,
             double                 width,
             double                 height,
             const LodeFlowOptions *options)
{
  double fs;

  if (options != NULL)
    self->options = *options;
  else
    lode_flow_options_init (&self->options);
  /* A material out of range draws NdPr; only NdPr's chain has a joint view. */
  lode_flow_options_set_view_material (&self->options,
                                       lode_flow_options_get_view_material (&self->options));
  self->font_scale = fs = lode_flow_clamp_font_scale (self->options.font_scale);
  self->width = MAX (width, 1.0);
  self->height = MAX (height, 1.0);
  self->year = year;
  self->bottleneck = -1;
  self->shown_year = (int) floor (year + 0.5);
  self->node_width = CLAMP (self->width * NODE_WIDTH_FRACTION, NODE_WIDTH_MIN,
                            NODE_WIDTH_MAX * MAX (1.0, fs));
  self->compact = self->height < COMPACT_HEIGHT * fs;
  self->chrome_scale = fs;
  b->lane_gap = 0.0;  /* the loops run side by side, one multi-coloured cable */
  set_chrome (self, b);
}

/* Room for every ribbon the projection can need: flows between every pair of regions at
 * each stage, each node's stubs, one loop per region; and their segments. */
static void
allocate_ribbons (LodeFlowLayout *self,
                  Build          *b)
{
  guint n = self->n_regions;
  guint bound = LODE_N_STAGES * n * n + N_STUBS * LODE_N_STAGES * n + n + 1;

  self->ribbons = g_new0 (LodeFlowRibbon, bound);
  self->segments = g_new0 (LodeFlowSegment, bound + LOOP_SEGMENTS * n);
  b->y0 = g_new0 (double, bound);
  b->y1 = g_new0 (double, bound);
}

LodeFlowLayout *
lode_flow_layout_new (const LodeProjection  *projection,
                      double                 year,
                      double                 width,
                      double                 height,
                      const LodeFlowOptions *options)
{
  g_autoptr(LodeFlowLayout) self = g_new0 (LodeFlowLayout, 1);
  Build b = { 0 };
  LabelFonts fonts;

  init_canvas (self, &b, year, width, height, options);
  if (projection == NULL || projection->n_years <= 0)
    {
      LodeFlowCaption *cap = lode_flow_add_caption (self, _("No projection"),
                                                    LODE_FLOW_MESSAGE_SIZE * self->font_scale,
                                                    TRUE);

      lode_flow_fit_caption (cap, self->width / 2, 0, self->width);
      cap->rect.y = self->height / 2 - cap->rect.height / 2;
      return g_steal_pointer (&self);
    }

  self->projection = lode_projection_ref ((LodeProjection *) projection);
  self->n_regions = MIN (projection->n_regions, (guint) MAXR);
  allocate_ribbons (self, &b);

  lode_flow_fill_year (self);
  lode_flow_compute_order (self);
  lode_flow_compute_nodes (self);
  lode_flow_compute_ribbons (self, &b);
  fit_vertical_bands (self, &b);
  self->scale = lode_flow_compute_scale (self, &b);
  for (guint q = 0; q < self->n_ribbons; q++)
    self->ribbons[q].width = lode_flow_ribbon_px (self, &self->ribbons[q], self->scale);
  lode_flow_label_fonts (self, &fonts);
  place_columns (self, &b, &fonts);
  place_nodes (self, &b);
  lode_flow_build_geometry (self, &b);
  lode_flow_place_labels (self, &b, &fonts);
  lode_flow_position_headers (self, &b);
  lode_flow_layout_captions (self, &b);

  g_free (b.y0);
  g_free (b.y1);
  return g_steal_pointer (&self);
}

void
lode_flow_layout_free (LodeFlowLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->projection, lode_projection_unref);
  g_free (layout->ribbons);
  g_free (layout->segments);
  g_free (layout);
}

double
lode_flow_layout_get_width (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
lode_flow_layout_get_height (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

double
lode_flow_layout_get_year (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->year;
}

int
lode_flow_layout_get_shown_year (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->shown_year;
}

const LodeFlowOptions *
lode_flow_layout_get_options (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}

double
lode_flow_layout_get_font_scale (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 1.0);
  return self->font_scale;
}

const LodeDataset *
lode_flow_layout_get_dataset (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->projection != NULL ? lode_projection_get_dataset (self->projection) : NULL;
}

double
lode_flow_layout_get_scale (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->scale;
}

void
lode_flow_layout_get_diagram_area (const LodeFlowLayout *self,
                                   LodeFlowRect         *out_area)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out_area != NULL);
  *out_area = self->diagram;
}

guint
lode_flow_layout_get_n_regions (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_regions;
}

guint
lode_flow_layout_get_n_nodes (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return N_COLS * self->n_regions;
}

const LodeFlowNode *
lode_flow_layout_get_node (const LodeFlowLayout *self,
                           guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < N_COLS * self->n_regions, NULL);
  return &self->nodes[index];
}

int
lode_flow_layout_node_index (const LodeFlowLayout *self,
                             int                   column,
                             guint                 region)
{
  g_return_val_if_fail (self != NULL, -1);
  if (column < 0 || column >= N_COLS || region >= self->n_regions)
    return -1;
  return node_index (self, column, region);
}

guint
lode_flow_layout_get_order (const LodeFlowLayout *self,
                            int                   column,
                            guint                *out_regions)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column >= 0 && column < N_COLS, 0);
  if (out_regions != NULL)
    memcpy (out_regions, self->order[column], self->order_len[column] * sizeof (guint));
  return self->order_len[column];
}

guint
lode_flow_layout_get_n_ribbons (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_ribbons;
}

const LodeFlowRibbon *
lode_flow_layout_get_ribbon (const LodeFlowLayout *self,
                             guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_ribbons, NULL);
  return &self->ribbons[index];
}

const LodeFlowHeader *
lode_flow_layout_get_header (const LodeFlowLayout *self,
                             int                   column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column >= 0 && column < N_COLS, NULL);
  return &self->headers[column];
}

guint
lode_flow_layout_get_n_legend_items (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_legend;
}

const LodeFlowLegendItem *
lode_flow_layout_get_legend_item (const LodeFlowLayout *self,
                                  guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_legend, NULL);
  return &self->legend[index];
}

guint
lode_flow_layout_get_n_captions (const LodeFlowLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_captions;
}

const LodeFlowCaption *
lode_flow_layout_get_caption (const LodeFlowLayout *self,
                              guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_captions, NULL);
  return &self->captions[index];
}
