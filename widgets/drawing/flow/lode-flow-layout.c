/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-flow-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lode-flow-layout.h"
#include "lode-format.h"
#include "lode-text.h"

#define N_COLS        LODE_FLOW_N_COLUMNS
#define MAXR          LODE_MAX_REGIONS
#define MAX_NODES     (N_COLS * MAXR)
#define LOOP_SEGMENTS 9
#define MAX_LEGEND    (MAXR + 8)
#define MAX_CAPTIONS  4
#define KAPPA         0.5522847498307936  /* cubic approximation of a quarter circle */

/* The year being drawn, interpolated between two whole years while playing. All *_ox values
 * are t NdPr-oxide equivalent. */
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
  int     stub_index[5][N_COLS][MAXR];   /* loss, stock, draw, by-product, other feed */
  int     loop_index[MAXR];
} Build;

enum { STUB_LOSS, STUB_STOCK, STUB_DRAW, STUB_BYPRODUCT, STUB_OTHER };

static const double min_ribbon_px = 1.0;
static const double min_node_px = 2.0;

/* ---------------------------------------------------------------------------------------- */
/* Small helpers                                                                            */

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

void
lode_flow_cubic_eval (const LodeFlowCubic *c,
                      double               t,
                      double              *out_x,
                      double              *out_y)
{
  double u = 1.0 - t;
  double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;

  if (out_x != NULL)
    *out_x = b0 * c->x0 + b1 * c->x1 + b2 * c->x2 + b3 * c->x3;
  if (out_y != NULL)
    *out_y = b0 * c->y0 + b1 * c->y1 + b2 * c->y2 + b3 * c->y3;
}

static LodeFlowCubic
cubic_line (double x0,
            double y0,
            double x3,
            double y3)
{
  return (LodeFlowCubic) {
    x0, y0, lerp (x0, x3, 1.0 / 3), lerp (y0, y3, 1.0 / 3),
    lerp (x0, x3, 2.0 / 3), lerp (y0, y3, 2.0 / 3), x3, y3,
  };
}

/* A horizontal S-curve: leaves (x0, y0) and arrives at (x3, y3) horizontally. */
static LodeFlowCubic
cubic_s (double x0,
         double y0,
         double x3,
         double y3)
{
  double xm = (x0 + x3) / 2;

  return (LodeFlowCubic) { x0, y0, xm, y0, xm, y3, x3, y3 };
}

/* Quarter (or shorter) arc around (cx, cy) from angle a0 to a1 (a1 > a0: clockwise on screen). */
static LodeFlowCubic
cubic_arc (double cx,
           double cy,
           double r,
           double a0,
           double a1)
{
  double k = 4.0 / 3.0 * tan ((a1 - a0) / 4.0);
  double x0 = cx + r * cos (a0), y0 = cy + r * sin (a0);
  double x3 = cx + r * cos (a1), y3 = cy + r * sin (a1);

  return (LodeFlowCubic) {
    x0, y0,
    x0 - k * r * sin (a0), y0 + k * r * cos (a0),
    x3 + k * r * sin (a1), y3 - k * r * cos (a1),
    x3, y3,
  };
}

/* Numbers through the one formatter (lode-format.h), as the cards and charts show them. */
static void
format_tonnes (char       *buf,
               gsize       size,
               double      tonnes,
               const char *unit)
{
  g_autofree char *text = lode_format_mass (tonnes, unit);

  g_strlcpy (buf, text, size);
}

static void
format_percent (char   *buf,
                gsize   size,
                double  fraction)
{
  g_autofree char *text = lode_format_share (fraction);

  g_strlcpy (buf, text, size);
}

static const char *
column_title (int column)
{
  if (column == LODE_FLOW_COLUMN_END_USE)
    return C_("flow column", "End use");
  return lode_stage_name ((LodeStage) column);
}

static const char *
column_unit (int column)
{
  if (column == LODE_FLOW_COLUMN_END_USE)
    return lode_stage_unit (LODE_STAGE_MAGNET);
  return lode_stage_unit ((LodeStage) column);
}

static const char *
column_phrase (int column)
{
  static const char *phrases[N_COLS] = {
    N_("mining"), N_("separation"), N_("metal making"), N_("magnet making"), N_("end use"),
  };

  return _(phrases[CLAMP (column, 0, N_COLS - 1)]);
}

static const char *
region_name (const LodeFlowLayout *self,
             guint                 region)
{
  LodeDataset *dataset = self->projection != NULL
                         ? lode_projection_get_dataset (self->projection) : NULL;

  if (dataset == NULL || region >= dataset->n_regions)
    return "?";
  return lode_region_name (&dataset->regions[region]);
}

static const char *ox_unit (void)
{
  return _("t NdPr oxide eq.");
}

/* ---------------------------------------------------------------------------------------- */
/* Data                                                                                     */

static void
fill_year (LodeFlowLayout *self)
{
  const LodeProjection *p = self->projection;
  FlowYear *d = &self->data;
  const LodeYear *a, *b;
  const LodeChain *ca, *cb;
  double y = CLAMP (self->year, p->base_year, p->horizon);
  int i0 = (int) floor (y) - p->base_year;
  double t;
  guint n = self->n_regions;

  i0 = CLAMP (i0, 0, p->n_years - 1);
  t = y - (p->base_year + i0);
  a = &p->years[i0];
  b = &p->years[MIN (i0 + 1, p->n_years - 1)];
  if (t <= 0.0)
    b = a;
  ca = &a->chain[self->options.material];
  cb = &b->chain[self->options.material];

  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < n; i++)
      {
        double unsold = lerp (ca->unsold_ox[s][i], cb->unsold_ox[s][i], t);
        double stock = lerp (ca->stock_change_ox[s][i], cb->stock_change_ox[s][i], t);

        for (guint j = 0; j < n; j++)
          d->flow[s][i][j] = MAX (0.0, lerp (ca->flow_ox[s][i][j], cb->flow_ox[s][i][j], t));
        d->loss[s][i] = MAX (0.0, lerp (ca->loss_ox[s][i], cb->loss_ox[s][i], t));
        d->stock_out[s][i] = MAX (0.0, unsold) + MAX (0.0, stock);
        d->stock_in[s][i] = MAX (0.0, -stock) + MAX (0.0, -unsold);
        d->production[s][i] = MAX (0.0, lerp (ca->production[s][i], cb->production[s][i], t));
        d->output_ox[s][i] = MAX (0.0, lerp (ca->output_ox[s][i], cb->output_ox[s][i], t));
        d->china_content[s][i] = CLAMP (lerp (ca->china_content[s][i],
                                              cb->china_content[s][i], t), 0.0, 1.0);
      }
  for (guint i = 0; i < n; i++)
    {
      d->recycled[i] = MAX (0.0, lerp (ca->recycled_ox[i], cb->recycled_ox[i], t));
      d->byproduct[i] = MAX (0.0, lerp (ca->byproduct_reo_t[i], cb->byproduct_reo_t[i], t));
      d->supplied_magnet[i] = MAX (0.0, lerp (ca->supplied_t[i],
                                              cb->supplied_t[i], t));
      d->shortfall_magnet[i] = MAX (0.0, lerp (ca->shortfall_t[i],
                                               cb->shortfall_t[i], t));
    }
  /* The model may feed a plant from outside the drawn flows (China's secondary separation
   * feed: scrap, swarf, unreported ore, stocks). Whatever input_ox holds beyond the inflows
   * and the recycling loop is drawn as its own incoming stub, so every node still balances. */
  for (int s = 1; s < LODE_N_STAGES; s++)
    for (guint j = 0; j < n; j++)
      {
        double input = lerp (ca->input_ox[s][j], cb->input_ox[s][j], t);
        double in = s == LODE_STAGE_METAL ? d->recycled[j] : 0.0;
        double other;

        for (guint i = 0; i < n; i++)
          in += d->flow[s - 1][i][j];
        other = input - in;
        d->other_in[s][j] = other > 1e-9 * MAX (1.0, input) ? other : 0.0;
      }
  for (int u = 0; u < LODE_N_END_USES; u++)
    d->end_use[u] = MAX (0.0, lerp (a->end_use_t[u], b->end_use_t[u], t));
  d->china_free_us = CLAMP (lerp (a->china_free_share_us_demand,
                                  b->china_free_share_us_demand, t), 0.0, 1.0);

  self->shown_year = (int) floor (y + 0.5);
  self->shown_year = CLAMP (self->shown_year, p->base_year, p->horizon);
  self->bottleneck =
    p->years[self->shown_year - p->base_year].chain[self->options.material].bottleneck_stage;
  if (self->options.bottleneck_stage != LODE_FLOW_BOTTLENECK_MODEL)
    self->bottleneck = self->options.bottleneck_stage;
  if (self->bottleneck < 0 || self->bottleneck >= LODE_N_STAGES)
    self->bottleneck = -1;
}

/* ---------------------------------------------------------------------------------------- */
/* Order: computed from totals over every year of the projection, so it is the same for every
 * year (nothing jumps while the year plays), then improved by barycentric sweeps.             */

typedef struct
{
  double flow[LODE_N_STAGES][MAXR][MAXR];
  double total[N_COLS][MAXR];
} Aggregate;

static void
column_positions (const LodeFlowLayout *self,
                  const Aggregate      *agg,
                  int                   c,
                  double               *pos)
{
  double sum = 0.0, acc = 0.0, gap;

  for (guint k = 0; k < self->order_len[c]; k++)
    sum += agg->total[c][self->order[c][k]];
  gap = sum * 0.03 + 1e-9;
  for (guint k = 0; k < self->order_len[c]; k++)
    {
      guint r = self->order[c][k];

      pos[r] = acc + agg->total[c][r] / 2;
      acc += agg->total[c][r] + gap;
    }
}

static void
sort_column (LodeFlowLayout *self,
             int             c,
             const double   *key)
{
  guint *o = self->order[c];

  /* Insertion sort: stable, and the columns are tiny. */
  for (guint k = 1; k < self->order_len[c]; k++)
    {
      guint r = o[k];
      guint m = k;

      while (m > 0 && key[o[m - 1]] > key[r] + 1e-12)
        {
          o[m] = o[m - 1];
          m--;
        }
      o[m] = r;
    }
  for (guint k = 0; k < self->order_len[c]; k++)
    self->rank[c][o[k]] = (int) k;
}

static double
count_crossings (const LodeFlowLayout *self,
                 const Aggregate      *agg)
{
  double total = 0.0;
  guint n = self->n_regions;

  for (int c = 0; c < LODE_N_STAGES; c++)
    {
      int li[MAXR * MAXR], lj[MAXR * MAXR];
      double lw[MAXR * MAXR];
      guint nl = 0;

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < n; j++)
          if (agg->flow[c][i][j] > 0 && self->rank[c][i] >= 0 && self->rank[c + 1][j] >= 0)
            {
              li[nl] = self->rank[c][i];
              lj[nl] = self->rank[c + 1][j];
              lw[nl] = agg->flow[c][i][j];
              nl++;
            }
      for (guint a = 0; a < nl; a++)
        for (guint b = a + 1; b < nl; b++)
          if ((li[a] - li[b]) * (lj[a] - lj[b]) < 0)
            total += lw[a] * lw[b];
    }
  return total;
}

static void
compute_order (LodeFlowLayout *self)
{
  const LodeProjection *p = self->projection;
  g_autofree Aggregate *agg = g_new0 (Aggregate, 1);
  guint n = self->n_regions;
  double grand[MAXR] = { 0 };
  guint initial[MAXR];
  guint best_order[N_COLS][MAXR];
  double best;

  for (int y = 0; y < p->n_years; y++)
    {
      const LodeChain *ly = &p->years[y].chain[self->options.material];

      for (int s = 0; s < LODE_N_STAGES; s++)
        for (guint i = 0; i < n; i++)
          {
            for (guint j = 0; j < n; j++)
              agg->flow[s][i][j] += MAX (0.0, ly->flow_ox[s][i][j]);
            agg->total[s][i] += MAX (0.0, ly->loss_ox[s][i]) + fabs (ly->unsold_ox[s][i])
                                + fabs (ly->stock_change_ox[s][i]);
          }
      for (guint i = 0; i < n; i++)
        {
          if (ly->recycled_ox[i] > 0)
            {
              self->ever_recycled[i] = TRUE;
              agg->total[LODE_STAGE_METAL][i] += ly->recycled_ox[i];
              agg->total[LODE_FLOW_COLUMN_END_USE][i] += ly->recycled_ox[i];
            }
          if (ly->byproduct_reo_t[i] > 0)
            self->ever_byproduct = TRUE;
        }
    }
  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < n; j++)
        {
          agg->total[s][i] += agg->flow[s][i][j];
          agg->total[s + 1][j] += agg->flow[s][i][j];
        }

  /* Initial order: regions by their size over the whole chain, largest on top. */
  for (guint i = 0; i < n; i++)
    {
      for (int c = 0; c < N_COLS; c++)
        grand[i] += agg->total[c][i];
      initial[i] = i;
    }
  for (guint k = 1; k < n; k++)
    {
      guint r = initial[k], m = k;

      while (m > 0 && grand[initial[m - 1]] < grand[r])
        {
          initial[m] = initial[m - 1];
          m--;
        }
      initial[m] = r;
    }
  for (int c = 0; c < N_COLS; c++)
    {
      self->order_len[c] = 0;
      for (guint i = 0; i < MAXR; i++)
        self->rank[c][i] = -1;
      for (guint k = 0; k < n; k++)
        if (agg->total[c][initial[k]] > 0)
          {
            self->rank[c][initial[k]] = (int) self->order_len[c];
            self->order[c][self->order_len[c]++] = initial[k];
          }
    }

  memcpy (best_order, self->order, sizeof best_order);
  best = count_crossings (self, agg);

  for (int sweep = 0; sweep < 4 && best > 0; sweep++)
    {
      double pos[MAXR], key[MAXR], crossings;

      /* Forward: each column by the barycentre of its sources. */
      for (int c = 1; c < N_COLS; c++)
        {
          double mine[MAXR];

          column_positions (self, agg, c - 1, pos);
          column_positions (self, agg, c, mine);
          for (guint k = 0; k < self->order_len[c]; k++)
            {
              guint j = self->order[c][k];
              double w = 0.0, s = 0.0;

              for (guint i = 0; i < n; i++)
                if (self->rank[c - 1][i] >= 0 && agg->flow[c - 1][i][j] > 0)
                  {
                    w += agg->flow[c - 1][i][j];
                    s += agg->flow[c - 1][i][j] * pos[i];
                  }
              key[j] = w > 0 ? s / w : mine[j];
            }
          sort_column (self, c, key);
        }
      /* Backward: each column by the barycentre of its targets. */
      for (int c = LODE_N_STAGES - 1; c >= 0; c--)
        {
          double mine[MAXR];

          column_positions (self, agg, c + 1, pos);
          column_positions (self, agg, c, mine);
          for (guint k = 0; k < self->order_len[c]; k++)
            {
              guint i = self->order[c][k];
              double w = 0.0, s = 0.0;

              for (guint j = 0; j < n; j++)
                if (self->rank[c + 1][j] >= 0 && agg->flow[c][i][j] > 0)
                  {
                    w += agg->flow[c][i][j];
                    s += agg->flow[c][i][j] * pos[j];
                  }
              key[i] = w > 0 ? s / w : mine[i];
            }
          sort_column (self, c, key);
        }
      crossings = count_crossings (self, agg);
      if (crossings < best - 1e-9)
        {
          best = crossings;
          memcpy (best_order, self->order, sizeof best_order);
        }
    }

  memcpy (self->order, best_order, sizeof best_order);
  for (int c = 0; c < N_COLS; c++)
    for (guint k = 0; k < self->order_len[c]; k++)
      self->rank[c][self->order[c][k]] = (int) k;
}

/* ---------------------------------------------------------------------------------------- */
/* Nodes and ribbons (values only)                                                          */

static void
compute_nodes (LodeFlowLayout *self)
{
  const FlowYear *d = &self->data;
  guint n = self->n_regions;
  double col_max = 0.0, threshold;
  double stage_total[N_COLS] = { 0 };
  double ox_total[N_COLS] = { 0 };

  for (int c = 0; c < N_COLS; c++)
    for (guint r = 0; r < n; r++)
      {
        LodeFlowNode *node = &self->nodes[node_index (self, c, r)];
        double in = 0.0, out = 0.0;

        node->column = c;
        node->region = r;
        if (c > 0)
          {
            for (guint i = 0; i < n; i++)
              in += d->flow[c - 1][i][r];
          }
        if (c < LODE_N_STAGES)
          {
            for (guint j = 0; j < n; j++)
              out += d->flow[c][r][j];
            out += d->loss[c][r] + d->stock_out[c][r];
            in += d->stock_in[c][r] + d->other_in[c][r];
            node->china_content = d->china_content[c][r];
          }
        else
          {
            /* What arrives at end use goes into use; the recycling loop leaves from the stock
             * of magnets in use, so it is not subtracted from this year's inflow. */
            out = in;
          }
        if (c == LODE_STAGE_METAL)
          in += d->recycled[r];
        node->in_value = in;
        node->out_value = out;
        node->value = MAX (in, out);
        if (c == LODE_FLOW_COLUMN_END_USE)
          node->value = MAX (node->value, d->recycled[r]);
        col_max = MAX (col_max, node->value);
      }

  /* Hide zero nodes, and specks of numerical noise far below the biggest node. */
  threshold = MAX (1e-9, col_max * 1e-7);
  for (int c = 0; c < N_COLS; c++)
    for (guint r = 0; r < n; r++)
      {
        LodeFlowNode *node = &self->nodes[node_index (self, c, r)];

        node->visible = node->value > threshold && self->rank[c][r] >= 0;
        if (!node->visible)
          continue;
        if (c < LODE_N_STAGES)
          node->stage_value = d->production[c][r];
        else
          node->stage_value = d->supplied_magnet[r];
        stage_total[c] += node->stage_value;
        ox_total[c] += node->value;
      }

  /* End-use china content: the magnets' China content, by their origin, weighted. */
  for (guint j = 0; j < n; j++)
    {
      LodeFlowNode *node = &self->nodes[node_index (self, LODE_FLOW_COLUMN_END_USE, j)];
      double w = 0.0, s = 0.0;

      for (guint i = 0; i < n; i++)
        {
          w += d->flow[LODE_STAGE_MAGNET][i][j];
          s += d->flow[LODE_STAGE_MAGNET][i][j] * d->china_content[LODE_STAGE_MAGNET][i];
        }
      node->china_content = w > 0 ? s / w : 0.0;
    }

  /* Shares in the column's own unit; a column without stage-unit figures (synthetic input)
   * falls back to oxide equivalent, and its header says so. */
  for (int c = 0; c < N_COLS; c++)
    {
      gboolean fallback = stage_total[c] <= 0.0 && ox_total[c] > 0.0;

      for (guint r = 0; r < n; r++)
        {
          LodeFlowNode *node = &self->nodes[node_index (self, c, r)];

          if (!node->visible)
            continue;
          if (fallback)
            node->stage_value = node->value;
          node->share = fallback ? node->value / ox_total[c]
                                 : (stage_total[c] > 0 ? node->stage_value / stage_total[c] : 0);
        }
      g_strlcpy (self->headers[c].unit, fallback ? ox_unit () : column_unit (c),
                 sizeof self->headers[c].unit);
      g_strlcpy (self->headers[c].title, column_title (c), sizeof self->headers[c].title);
    }
}

static int
add_ribbon (LodeFlowLayout     *self,
            LodeFlowRibbonKind  kind,
            int                 source,
            int                 target,
            double              value,
            double              china_content)
{
  LodeFlowRibbon *r = &self->ribbons[self->n_ribbons];

  *r = (LodeFlowRibbon) {
    .kind = kind,
    .source = source,
    .target = target,
    .value = value,
    .china_content = CLAMP (china_content, 0.0, 1.0),
  };
  return (int) self->n_ribbons++;
}

static void
compute_ribbons (LodeFlowLayout *self,
                 Build          *b)
{
  const FlowYear *d = &self->data;
  guint n = self->n_regions;
  double threshold = 0.0;

  for (guint k = 0; k < MAX_NODES; k++)
    threshold = MAX (threshold, self->nodes[k].value);
  threshold = MAX (1e-9, threshold * 1e-7);

  memset (b->flow_index, -1, sizeof b->flow_index);
  memset (b->stub_index, -1, sizeof b->stub_index);
  memset (b->loop_index, -1, sizeof b->loop_index);

  /* Flows in column order, so emphasis can propagate in one pass each way. */
  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint k = 0; k < self->order_len[s]; k++)
      {
        guint i = self->order[s][k];
        int src = node_index (self, s, i);

        if (!self->nodes[src].visible)
          continue;
        for (guint m = 0; m < self->order_len[s + 1]; m++)
          {
            guint j = self->order[s + 1][m];
            int tgt = node_index (self, s + 1, j);

            if (d->flow[s][i][j] > threshold && self->nodes[tgt].visible)
              b->flow_index[s][i][j] = add_ribbon (self, LODE_FLOW_RIBBON_FLOW, src, tgt,
                                                   d->flow[s][i][j],
                                                   d->china_content[s][i]);
          }
      }

  for (int s = 0; s < LODE_N_STAGES; s++)
    for (guint i = 0; i < n; i++)
      {
        int idx = node_index (self, s, i);

        if (!self->nodes[idx].visible)
          continue;
        if (d->loss[s][i] > threshold)
          b->stub_index[STUB_LOSS][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_LOSS, idx, -1, d->loss[s][i],
                        d->china_content[s][i]);
        if (d->stock_out[s][i] > threshold)
          b->stub_index[STUB_STOCK][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_STOCK, idx, -1, d->stock_out[s][i],
                        d->china_content[s][i]);
        if (d->stock_in[s][i] > threshold)
          b->stub_index[STUB_DRAW][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_STOCK_DRAW, -1, idx, d->stock_in[s][i],
                        d->china_content[s][i]);
        if (d->other_in[s][i] > threshold)
          b->stub_index[STUB_OTHER][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_OTHER_FEED, -1, idx, d->other_in[s][i],
                        d->china_content[s][i]);
        if (s == LODE_STAGE_SEPARATION && d->byproduct[i] > 0)
          b->stub_index[STUB_BYPRODUCT][s][i] =
            add_ribbon (self, LODE_FLOW_RIBBON_BYPRODUCT, idx, -1, d->byproduct[i], 0.0);
      }

  /* The recycling loop: end use in region r back to metal making in region r. Its China
   * content is unknown to the model (end-of-life scrap), so it is drawn plain. */
  for (guint r = 0; r < n; r++)
    {
      int from = node_index (self, LODE_FLOW_COLUMN_END_USE, r);
      int to = node_index (self, LODE_STAGE_METAL, r);

      if (d->recycled[r] > threshold && self->nodes[from].visible && self->nodes[to].visible)
        b->loop_index[r] = add_ribbon (self, LODE_FLOW_RIBBON_RECYCLING, from, to,
                                       d->recycled[r], 0.0);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Sizes                                                                                    */

static double
byproduct_width (const LodeFlowLayout *self)
{
  /* By-product is t REO of other rare earths, a different substance from the NdPr-oxide
   * equivalent the widths measure: drawing it to scale would break the mass balance and, at
   * several times the NdPr tonnage, dwarf the chain. It is a fixed thin stub with its
   * tonnage written in the caption. */
  return 3.0 * MIN (self->font_scale, 2.0);
}

static double
ribbon_px (const LodeFlowLayout *self,
           const LodeFlowRibbon *r,
           double                k)
{
  if (r->kind == LODE_FLOW_RIBBON_BYPRODUCT)
    return byproduct_width (self);
  return MAX (r->value * k, min_ribbon_px);
}

static void
node_heights (const LodeFlowLayout *self,
              double                k,
              double               *heights)
{
  double in_px[MAX_NODES] = { 0 }, out_px[MAX_NODES] = { 0 };

  for (guint q = 0; q < self->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = &self->ribbons[q];
      double w = ribbon_px (self, r, k);

      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        {
          out_px[r->source] = MAX (out_px[r->source], w);  /* leaves from the stock in use */
          in_px[r->target] += w;
          continue;
        }
      if (r->source >= 0)
        out_px[r->source] += w;
      if (r->target >= 0)
        in_px[r->target] += w;
    }
  for (guint q = 0; q < MAX_NODES; q++)
    {
      const LodeFlowNode *node = &self->nodes[q];

      heights[q] = node->visible ? MAX (MAX (node->value * k, min_node_px),
                                        MAX (in_px[q], out_px[q]))
                                 : 0.0;
    }
}

static double
recycling_px (const LodeFlowLayout *self,
              const Build          *b,
              double                k)
{
  double sum = 0.0;

  for (guint r = 0; r < self->n_regions; r++)
    if (b->loop_index[r] >= 0)
      sum += ribbon_px (self, &self->ribbons[b->loop_index[r]], k) + b->lane_gap;
  return sum;
}

static int
n_loops (const Build *b)
{
  int count = 0;

  for (guint r = 0; r < MAXR; r++)
    count += b->loop_index[r] >= 0;
  return count;
}

static double
compute_scale (LodeFlowLayout *self,
               Build          *b)
{
  double heights[MAX_NODES];
  double total[N_COLS] = { 0 };
  int visible[N_COLS] = { 0 };
  double avail = b->bottom_limit - b->bottom_fixed - b->diag_top;
  double rec_total = 0.0, k = G_MAXDOUBLE;
  int max_visible = 0;
  gboolean any = FALSE;

  for (int c = 0; c < N_COLS; c++)
    for (guint r = 0; r < self->n_regions; r++)
      {
        const LodeFlowNode *node = &self->nodes[node_index (self, c, r)];

        if (node->visible)
          {
            total[c] += node->value;
            visible[c]++;
          }
      }
  for (int c = 0; c < N_COLS; c++)
    max_visible = MAX (max_visible, visible[c]);
  for (guint r = 0; r < self->n_regions; r++)
    if (b->loop_index[r] >= 0)
      rec_total += self->ribbons[b->loop_index[r]].value;

  avail = MAX (avail, 10.0);
  b->gap = CLAMP (avail * 0.04, 4.0, 22.0 * MAX (1.0, self->font_scale * 0.75));
  if (max_visible > 1 && (max_visible - 1) * b->gap > avail * 0.35)
    b->gap = avail * 0.35 / (max_visible - 1);

  for (int c = 0; c < N_COLS; c++)
    if (total[c] > 0)
      {
        any = TRUE;
        k = MIN (k, (avail - MAX (visible[c] - 1, 0) * b->gap) / (total[c] + rec_total));
      }
  if (!any)
    return 0.0;
  k = MAX (k, 0.0);

  /* Minimum widths inflate the columns; shrink the scale until the tallest one fits. */
  for (int iter = 0; iter < 4; iter++)
    {
      double k_new = k;
      double rec_infl = recycling_px (self, b, k) - rec_total * k
                        - n_loops (b) * b->lane_gap;

      node_heights (self, k, heights);
      for (int c = 0; c < N_COLS; c++)
        {
          double px = 0.0, infl;

          if (total[c] <= 0)
            continue;
          for (guint r = 0; r < self->n_regions; r++)
            px += heights[node_index (self, c, r)];
          infl = px - total[c] * k;
          k_new = MIN (k_new, (avail - MAX (visible[c] - 1, 0) * b->gap - infl
                               - rec_infl - n_loops (b) * b->lane_gap)
                              / (total[c] + rec_total));
        }
      k_new = MAX (k_new, 0.0);
      if (fabs (k_new - k) <= 1e-12 * MAX (1.0, k))
        break;
      k = k_new;
    }
  return k;
}

/* ---------------------------------------------------------------------------------------- */
/* Labels                                                                                   */

typedef struct
{
  double name_h;
  double detail_h;
  double name_size;
  double detail_size;
} LabelFonts;

static void
label_fonts (const LodeFlowLayout *self,
             LabelFonts           *f)
{
  f->name_size = 11.5 * self->chrome_scale;
  f->detail_size = 10.5 * self->chrome_scale;
  lode_text_measure ("Ag", f->name_size, LODE_TEXT_BOLD, NULL, &f->name_h);
  lode_text_measure ("Ag", f->detail_size, LODE_TEXT_NORMAL, NULL, &f->detail_h);
}

static void
label_strings (const LodeFlowLayout *self,
               const LodeFlowNode   *node,
               LodeFlowLabelLevel    level,
               char                 *name,
               char                 *detail)
{
  char amount[64], share[32];
  const char *unit = self->headers[node->column].unit;

  format_percent (share, sizeof share, node->share);
  name[0] = detail[0] = '\0';
  switch (level)
    {
    case LODE_FLOW_LABEL_FULL:
      format_tonnes (amount, sizeof amount, node->stage_value, unit);
      g_strlcpy (name, region_name (self, node->region), LODE_FLOW_LABEL_MAX);
      /* Translators: a node label's second line, "270 kt REO · 69 %" */
      g_snprintf (detail, LODE_FLOW_LABEL_MAX, _("%s · %s"), amount, share);
      break;
    case LODE_FLOW_LABEL_SHORT:
      format_tonnes (amount, sizeof amount, node->stage_value, "t");
      g_strlcpy (name, region_name (self, node->region), LODE_FLOW_LABEL_MAX);
      g_snprintf (detail, LODE_FLOW_LABEL_MAX, _("%s · %s"), amount, share);
      break;
    case LODE_FLOW_LABEL_COMPACT:
      /* Translators: a one-line node label, "China 69 %" */
      g_snprintf (name, LODE_FLOW_LABEL_MAX, _("%s %s"), region_name (self, node->region),
                  share);
      break;
    case LODE_FLOW_LABEL_HIDDEN:
    default:
      break;
    }
}

static double
label_width (const LabelFonts *f,
             const char       *name,
             const char       *detail)
{
  double wn = 0.0, wd = 0.0;

  lode_text_measure (name, f->name_size, LODE_TEXT_BOLD, &wn, NULL);
  if (detail[0] != '\0')
    lode_text_measure (detail, f->detail_size, LODE_TEXT_NORMAL, &wd, NULL);
  return MAX (wn, wd);
}

static double
label_height (const LabelFonts   *f,
              LodeFlowLabelLevel  level)
{
  switch (level)
    {
    case LODE_FLOW_LABEL_FULL:
    case LODE_FLOW_LABEL_SHORT:
      return f->name_h + f->detail_h;
    case LODE_FLOW_LABEL_COMPACT:
      return f->name_h;
    case LODE_FLOW_LABEL_HIDDEN:
    default:
      return 0.0;
    }
}

/* A stable width for a column's labels: the widest region name that ever appears there and a
 * detail line of the widest digits, so the columns do not shift while the year plays. */
static double
label_reserve (const LodeFlowLayout *self,
               const LabelFonts     *f,
               int                   c)
{
  char detail[LODE_FLOW_LABEL_MAX];
  double w = 0.0, wd = 0.0;

  for (guint k = 0; k < self->order_len[c]; k++)
    {
      double wn;

      lode_text_measure (region_name (self, self->order[c][k]), f->name_size, LODE_TEXT_BOLD,
                         &wn, NULL);
      w = MAX (w, wn);
    }
  if (self->order_len[c] == 0)
    return 0.0;
  g_snprintf (detail, sizeof detail, "888 k%s · 88 %%", self->headers[c].unit);
  lode_text_measure (detail, f->detail_size, LODE_TEXT_NORMAL, &wd, NULL);
  return MAX (w, wd);
}

/* One step down: full or short -> compact -> hidden. */
static void
downgrade_label (const LodeFlowLayout *self,
                 const LabelFonts     *f,
                 LodeFlowNode         *node,
                 double               *width,
                 double                max_w)
{
  LodeFlowLabel *label = &node->label;

  if (label->level == LODE_FLOW_LABEL_COMPACT)
    {
      label->level = LODE_FLOW_LABEL_HIDDEN;
      return;
    }
  label->level = LODE_FLOW_LABEL_COMPACT;
  label_strings (self, node, label->level, label->name, label->detail);
  *width = label_width (f, label->name, label->detail);
  if (*width > max_w)
    label->level = LODE_FLOW_LABEL_HIDDEN;
}

static void
place_labels (LodeFlowLayout *self,
              Build          *b,
              const LabelFonts *f)
{
  double lgap = 3.0 * self->chrome_scale;
  /* On a short canvas a label is one line; the tooltip and the description carry the rest. */
  int top_level = self->tight ? LODE_FLOW_LABEL_COMPACT : LODE_FLOW_LABEL_FULL;

  for (int c = 0; c < N_COLS; c++)
    {
      LodeFlowNode *nodes[MAXR];
      double widths[MAXR];
      guint nn = 0;
      double max_w, top = b->diag_top, bottom = b->area_bottom, need;

      if (c == 0)
        max_w = b->label_left;
      else if (c == LODE_FLOW_COLUMN_END_USE)
        max_w = self->width - b->margin - (b->x[c] + self->node_width + b->lanes_width + b->pad);
      else
        max_w = b->spacing - self->node_width - 2 * b->pad;

      for (guint k = 0; k < self->order_len[c]; k++)
        {
          LodeFlowNode *node = &self->nodes[node_index (self, c, self->order[c][k])];
          LodeFlowLabel *label = &node->label;

          if (!node->visible)
            continue;
          label->name_size = f->name_size;
          label->detail_size = f->detail_size;
          label->name_height = f->name_h;
          label->level = LODE_FLOW_LABEL_HIDDEN;
          label->name[0] = label->detail[0] = '\0';
          /* The middle columns' labels lie over ribbons: only the nodes that matter get one
           * (a fair share of the column, or tall enough to hold a line of text). */
          if (c > 0 && c < LODE_FLOW_COLUMN_END_USE && node->share < 0.03
              && node->rect.height < f->name_h)
            {
              widths[nn] = 0.0;
              nodes[nn++] = node;
              continue;
            }
          for (int level = top_level; level > LODE_FLOW_LABEL_HIDDEN; level--)
            {
              double w;

              label_strings (self, node, level, label->name, label->detail);
              w = label_width (f, label->name, label->detail);
              if (w <= max_w)
                {
                  label->level = level;
                  widths[nn] = w;
                  break;
                }
            }
          if (label->level == LODE_FLOW_LABEL_HIDDEN)
            widths[nn] = 0.0;
          nodes[nn++] = node;
        }

      /* Rounds: fit the column's height, place, and if a small node's label had to move far
       * from it, shorten or drop that label and place again. */
      for (guint round = 0; round < 2 * MAXR; round++)
        {
          int victim;

        /* Not enough height: shorten, then drop, the labels of the smallest nodes. */
        for (;;)
          {
            int shown = 0;

            victim = -1;

            need = 0.0;
            for (guint k = 0; k < nn; k++)
              if (nodes[k]->label.level != LODE_FLOW_LABEL_HIDDEN)
                {
                  need += label_height (f, nodes[k]->label.level);
                  shown++;
                }
            need += MAX (shown - 1, 0) * lgap;
            if (need <= bottom - top)
              break;
            for (guint k = 0; k < nn; k++)
              if (nodes[k]->label.level != LODE_FLOW_LABEL_HIDDEN
                  && (victim < 0 || nodes[k]->value < nodes[victim]->value))
                victim = (int) k;
            if (victim < 0)
              break;
            downgrade_label (self, f, nodes[victim], &widths[victim], max_w);
          }

        /* Place: centred on the node, then pushed apart (down, then up from the bottom). */
        {
          double y_prev = -G_MAXDOUBLE;
          LodeFlowNode *shown[MAXR];
          guint ns = 0;

          for (guint k = 0; k < nn; k++)
            {
              LodeFlowLabel *label = &nodes[k]->label;
              const LodeFlowRect *rect = &nodes[k]->rect;
              double h = label_height (f, label->level), x;

              if (label->level == LODE_FLOW_LABEL_HIDDEN)
                {
                  label->name[0] = label->detail[0] = '\0';
                  continue;
                }
              if (c == 0)
                {
                  x = rect->x - b->pad - widths[k];
                  label->align = 1.0;
                }
              else if (c == LODE_FLOW_COLUMN_END_USE)
                {
                  x = b->x[c] + self->node_width + b->lanes_width + b->pad;
                  label->align = 0.0;
                }
              else
                {
                  x = rect->x + rect->width + b->pad;
                  label->align = 0.0;
                  label->pill = TRUE;
                }
              label->rect = (LodeFlowRect) { x, rect->y + rect->height / 2 - h / 2, widths[k], h };
              label->rect.y = MAX (label->rect.y, top);
              label->rect.y = MAX (label->rect.y, y_prev + lgap);
              y_prev = label->rect.y + h;
              shown[ns++] = nodes[k];
            }
          for (int k = (int) ns - 1; k >= 0; k--)
            {
              LodeFlowRect *r = &shown[k]->label.rect;
              double limit = k == (int) ns - 1 ? bottom : shown[k + 1]->label.rect.y - lgap;

              if (r->y + r->height > limit)
                r->y = limit - r->height;
            }
          for (guint k = 0; k < ns; k++)
            {
              LodeFlowLabel *label = &shown[k]->label;
              const LodeFlowRect *rect = &shown[k]->rect;
              double cy = rect->y + rect->height / 2;
              double ly = label->rect.y + label->rect.height / 2;

              label->has_leader = fabs (cy - ly) > 2.0 * self->font_scale
                                  && (cy < label->rect.y || cy > label->rect.y + label->rect.height
                                      || c == LODE_FLOW_COLUMN_END_USE);
              if (!label->has_leader)
                continue;
              if (c == 0)
                {
                  label->leader_x0 = rect->x - 1;
                  label->leader_x1 = label->rect.x + label->rect.width + 2;
                }
              else
                {
                  label->leader_x0 = rect->x + rect->width + 1;
                  label->leader_x1 = label->rect.x - 2;
                }
              label->leader_y0 = cy;
              label->leader_y1 = ly;
            }
        }
          victim = -1;
          for (guint k = 0; k < nn; k++)
            {
              const LodeFlowLabel *label = &nodes[k]->label;
              double cy = nodes[k]->rect.y + nodes[k]->rect.height / 2;

              if (label->level == LODE_FLOW_LABEL_HIDDEN || nodes[k]->share >= 0.05)
                continue;
              if (fabs (label->rect.y + label->rect.height / 2 - cy)
                  > 2.0 * label->rect.height
                  && (victim < 0 || nodes[k]->value < nodes[victim]->value))
                victim = (int) k;
            }
          if (victim < 0)
            break;
          downgrade_label (self, f, nodes[victim], &widths[victim], max_w);
        }
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Headers, legend, captions                                                                */

static void
layout_headers (LodeFlowLayout *self,
                Build          *b,
                double         *out_height)
{
  double fs = self->chrome_scale;
  double title_size = 13.5 * fs, unit_size = 11.0 * fs, badge_size = 10.0 * fs;
  double th, uh, bh;

  lode_text_measure ("Ag", title_size, LODE_TEXT_BOLD, NULL, &th);
  lode_text_measure ("Ag", unit_size, LODE_TEXT_NORMAL, NULL, &uh);
  lode_text_measure ("Ag", badge_size, LODE_TEXT_BOLD, NULL, &bh);
  for (int c = 0; c < N_COLS; c++)
    {
      LodeFlowHeader *h = &self->headers[c];

      h->title_size = title_size;
      h->unit_size = unit_size;
      h->badge_size = badge_size;
      h->title_rect.height = th;
      h->unit_rect.height = uh;
      h->badge_rect.height = bh + 4 * fs;
      lode_text_measure (h->title, title_size, LODE_TEXT_BOLD, &h->title_rect.width, NULL);
      lode_text_measure (h->unit, unit_size, LODE_TEXT_NORMAL, &h->unit_rect.width, NULL);
      h->bottleneck = c == self->bottleneck;
      if (h->bottleneck)
        {
          g_strlcpy (h->badge, _("Bottleneck"), sizeof h->badge);
          lode_text_measure (h->badge, badge_size, LODE_TEXT_BOLD, &h->badge_rect.width, NULL);
          /* The painter's padding (in the options' font scale) and warning triangle. */
          h->badge_rect.width += 13 * self->font_scale + 0.95 * badge_size;
        }
    }
  /* The badge line is always reserved, so the diagram does not move when it appears. */
  *out_height = th + uh + 4 * fs + (self->compact ? 0.0 : bh + 4 * fs);
  (void) b;
}

static gboolean
rect_hits (const LodeFlowRect *a,
           const LodeFlowRect *b)
{
  return a->width > 0 && b->width > 0
         && a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* TRUE if the badge stays on the canvas and clear of every column's title and unit. */
static gboolean
badge_clear (const LodeFlowLayout *self,
             const Build          *b,
             const LodeFlowRect   *badge)
{
  if (badge->x < b->margin / 2 || badge->x + badge->width > self->width - b->margin / 2)
    return FALSE;
  for (int c = 0; c < N_COLS; c++)
    {
      const LodeFlowHeader *o = &self->headers[c];

      if (rect_hits (badge, &o->title_rect) || rect_hits (badge, &o->unit_rect))
        return FALSE;
    }
  return TRUE;
}

/* A short canvas has no line for the badge: try it beside the unit, then beside the title,
 * then as a bare warning mark beside either (the tooltip and the description name it). */
static void
fit_badge (LodeFlowLayout *self,
           const Build    *b)
{
  LodeFlowHeader *h = &self->headers[self->bottleneck];
  double gap = 4 * self->chrome_scale;
  double mark_w = 10 * self->font_scale + 0.95 * h->badge_size;

  for (int mark = 0; mark < 2; mark++)
    {
      double w = mark ? mark_w : h->badge_rect.width;
      const LodeFlowRect *anchors[2] = { &h->unit_rect, &h->title_rect };

      for (int a = 0; a < 2; a++)
        {
          const LodeFlowRect *r = anchors[a];
          LodeFlowRect cand[2] = {
            { r->x + r->width + gap, r->y + (r->height - h->badge_rect.height) / 2,
              w, h->badge_rect.height },
            { r->x - gap - w, r->y + (r->height - h->badge_rect.height) / 2,
              w, h->badge_rect.height },
          };

          for (int side = 0; side < 2; side++)
            if (badge_clear (self, b, &cand[side]))
              {
                h->badge_rect = cand[side];
                if (mark)
                  h->badge[0] = '\0';
                return;
              }
        }
    }
  /* Nowhere: the tinted band alone marks the column. */
  h->badge_rect.width = 0;
}

static void
position_headers (LodeFlowLayout *self,
                  Build          *b)
{
  double fs = self->chrome_scale;
  double lo = b->margin, hi = self->width - b->margin;

  for (int c = 0; c < N_COLS; c++)
    {
      LodeFlowHeader *h = &self->headers[c];
      double cx = b->x[c] + self->node_width / 2;
      LodeFlowRect *rects[3] = { &h->title_rect, &h->unit_rect, &h->badge_rect };
      double y = b->margin;

      for (int k = 0; k < 3; k++)
        {
          LodeFlowRect *r = rects[k];

          r->x = CLAMP (cx - r->width / 2, lo, MAX (lo, hi - r->width));
          r->y = y;
          y += r->height + 2 * fs;
        }
      if (self->compact && h->bottleneck)
        {
          /* No room for a line of its own: the badge sits beside the unit. */
          h->badge_rect.x = MIN (h->unit_rect.x + h->unit_rect.width + 4 * fs,
                                 hi - h->badge_rect.width);
          h->badge_rect.y = h->unit_rect.y + (h->unit_rect.height - h->badge_rect.height) / 2;
        }
      if (h->bottleneck)
        {
          double pad_b = MIN (b->spacing * 0.25, 16 * fs);

          h->band = (LodeFlowRect) {
            b->x[c] - pad_b, b->margin - 4 * fs,
            self->node_width + 2 * pad_b, b->area_bottom - b->margin + 8 * fs,
          };
          /* The band must not hide labels of the column to the left. */
          h->band.x = MAX (h->band.x, b->margin / 2);
        }
      else
        {
          h->badge_rect.width = 0;
        }
    }
  if (self->compact && self->bottleneck >= 0)
    fit_badge (self, b);
}

static void
add_legend (LodeFlowLayout     *self,
            LodeFlowLegendKind  kind,
            guint               region,
            const char         *text,
            gboolean            bold)
{
  LodeFlowLegendItem *item;

  if (self->n_legend >= MAX_LEGEND)
    return;
  item = &self->legend[self->n_legend++];
  *item = (LodeFlowLegendItem) { .kind = kind, .region = region, .bold = bold };
  g_strlcpy (item->text, text, sizeof item->text);
}

/* Lays the legend out in rows from the bottom margin up; returns its height. */
static double
layout_legend (LodeFlowLayout *self,
               Build          *b)
{
  double fs = self->chrome_scale;
  double size = 11.0 * fs, sw = 11.0 * fs, sgap = 6.0 * fs, igap = 18.0 * fs;
  double row_h, x, y, left = b->margin, right = self->width - b->margin;
  char buf[LODE_FLOW_LABEL_MAX];
  gboolean any_loop = FALSE;

  self->n_legend = 0;
  if (!self->options.show_legend || self->projection == NULL)
    return 0.0;

  g_snprintf (buf, sizeof buf, "%d", self->shown_year);
  add_legend (self, LODE_FLOW_LEGEND_NOTE, 0, buf, TRUE);
  for (guint r = 0; r < self->n_regions; r++)
    {
      gboolean present = FALSE;

      for (int c = 0; c < N_COLS; c++)
        present |= self->rank[c][r] >= 0;
      if (present)
        add_legend (self, LODE_FLOW_LEGEND_REGION, r, region_name (self, r), FALSE);
    }
  if (self->options.show_china_content)
    add_legend (self, LODE_FLOW_LEGEND_CHINA_CONTENT, 0,
                _("Hatched or greyed: passed through China"), FALSE);
  for (guint r = 0; r < self->n_regions; r++)
    any_loop |= self->ever_recycled[r];
  if (any_loop)
    add_legend (self, LODE_FLOW_LEGEND_RECYCLING, 0, _("Recycling"), FALSE);
  add_legend (self, LODE_FLOW_LEGEND_LOSS, 0, _("Losses, stocks, other feed"), FALSE);
  if (self->ever_byproduct)
    add_legend (self, LODE_FLOW_LEGEND_BYPRODUCT, 0, _("By-product, not to scale"), FALSE);
  if (!self->compact)
    add_legend (self, LODE_FLOW_LEGEND_NOTE, 0, _("Widths: t NdPr-oxide equivalent"), FALSE);

  lode_text_measure ("Ag", size, LODE_TEXT_NORMAL, NULL, &row_h);
  if (self->legend_one_line)
    {
      /* One row: the entries in order of importance (year, China content — the key to the
       * hatching, the diagram's point —, regions, ...), skipping those that no longer fit;
       * the tooltips carry the rest. */
      guint kept = 0;

      for (guint k = 2; k < self->n_legend; k++)
        if (self->legend[k].kind == LODE_FLOW_LEGEND_CHINA_CONTENT)
          {
            LodeFlowLegendItem china = self->legend[k];

            memmove (&self->legend[2], &self->legend[1], (k - 1) * sizeof china);
            self->legend[1] = china;
            break;
          }
      x = left;
      for (guint k = 0; k < self->n_legend; k++)
        {
          LodeFlowLegendItem *item = &self->legend[k];
          double tw, w;

          item->size = size;
          lode_text_measure (item->text, size,
                             item->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL, &tw, NULL);
          w = (item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : sw + sgap) + tw;
          if (x + w > right)
            continue;
          item->swatch = (LodeFlowRect) { x, (row_h - sw) / 2,
                                          item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : sw, sw };
          item->text_rect = (LodeFlowRect) { x + (item->swatch.width > 0 ? sw + sgap : 0), 0,
                                             tw, row_h };
          x += w + igap;
          self->legend[kept++] = *item;
        }
      self->n_legend = kept;
      y = 0.0;
      goto place;
    }

  x = left;
  y = 0.0;
  for (guint k = 0; k < self->n_legend; k++)
    {
      LodeFlowLegendItem *item = &self->legend[k];
      double tw, w;

      item->size = size;
      lode_text_measure (item->text, size, item->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL,
                         &tw, NULL);
      tw = MIN (tw, right - left - sw - sgap);
      w = (item->kind == LODE_FLOW_LEGEND_NOTE ? 0 : sw + sgap) + tw;
      if (x > left && x + w > right)
        {
          x = left;
          y += row_h * 1.35;
        }
      if (item->kind == LODE_FLOW_LEGEND_NOTE)
        item->swatch = (LodeFlowRect) { x, y + (row_h - sw) / 2, 0, sw };
      else
        item->swatch = (LodeFlowRect) { x, y + (row_h - sw) / 2, sw, sw };
      item->text_rect = (LodeFlowRect) { x + (item->swatch.width > 0 ? sw + sgap : 0), y, tw,
                                         row_h };
      x += w + igap;
    }

  /* Rows are laid from y = 0; move them to the bottom margin. */
place:
  {
    double height = y + row_h;
    double top = self->height - b->margin - height;

    for (guint k = 0; k < self->n_legend; k++)
      {
        self->legend[k].swatch.y += top;
        self->legend[k].text_rect.y += top;
      }
    return height;
  }
}

static LodeFlowCaption *
add_caption (LodeFlowLayout *self,
             const char     *text,
             double          size,
             gboolean        muted)
{
  LodeFlowCaption *cap;

  if (self->n_captions >= MAX_CAPTIONS)
    return NULL;
  cap = &self->captions[self->n_captions++];
  *cap = (LodeFlowCaption) { .size = size, .muted = muted };
  g_strlcpy (cap->text, text, sizeof cap->text);
  lode_text_measure (cap->text, size, LODE_TEXT_NORMAL, &cap->rect.width, &cap->rect.height);
  return cap;
}

/* Fits a caption horizontally into [lo, hi] around centre cx, shrinking the text if needed. */
static void
fit_caption (LodeFlowCaption *cap,
             double           cx,
             double           lo,
             double           hi)
{
  if (cap->rect.width > hi - lo && hi > lo && cap->rect.width > 0)
    {
      double f = MAX ((hi - lo) / cap->rect.width, 0.7);

      cap->size *= f;
      lode_text_measure (cap->text, cap->size, LODE_TEXT_NORMAL,
                         &cap->rect.width, &cap->rect.height);
    }
  cap->rect.x = CLAMP (cx - cap->rect.width / 2, lo, MAX (lo, hi - cap->rect.width));
}

/* ---------------------------------------------------------------------------------------- */
/* Geometry                                                                                 */

static LodeFlowSegment *
take_segments (LodeFlowLayout *self,
               LodeFlowRibbon *r,
               guint           count)
{
  LodeFlowSegment *s = &self->segments[self->n_segments];

  self->n_segments += count;
  r->segments = s;
  r->n_segments = count;
  return s;
}

static void
stack_ribbons (LodeFlowLayout *self,
               Build          *b)
{
  guint n = self->n_regions;

  /* Source ends: each node's right edge, flows by target order, then its stubs. */
  for (int c = 0; c < N_COLS; c++)
    for (guint k = 0; k < self->order_len[c]; k++)
      {
        guint i = self->order[c][k];
        const LodeFlowNode *node = &self->nodes[node_index (self, c, i)];
        double y = node->rect.y;

        if (!node->visible)
          continue;
        if (c < LODE_N_STAGES)
          {
            for (guint m = 0; m < self->order_len[c + 1]; m++)
              {
                int q = b->flow_index[c][i][self->order[c + 1][m]];

                if (q >= 0)
                  {
                    b->y0[q] = y;
                    y += self->ribbons[q].width;
                  }
              }
            for (int stub = STUB_LOSS; stub <= STUB_BYPRODUCT; stub++)
              {
                int q = b->stub_index[stub][c][i];

                if (q >= 0 && stub != STUB_DRAW)
                  {
                    b->y0[q] = y;
                    y += self->ribbons[q].width;
                  }
              }
          }
        else if (b->loop_index[i] >= 0)
          {
            int q = b->loop_index[i];

            b->y0[q] = node->rect.y + node->rect.height - self->ribbons[q].width;
          }
      }

  /* Target ends: each node's left edge, flows by source order, then stock and recycling. */
  for (int c = 1; c < N_COLS; c++)
    for (guint m = 0; m < self->order_len[c]; m++)
      {
        guint j = self->order[c][m];
        const LodeFlowNode *node = &self->nodes[node_index (self, c, j)];
        double y = node->rect.y;

        if (!node->visible)
          continue;
        for (guint k = 0; k < self->order_len[c - 1]; k++)
          {
            int q = b->flow_index[c - 1][self->order[c - 1][k]][j];

            if (q >= 0)
              {
                b->y1[q] = y;
                y += self->ribbons[q].width;
              }
          }
        for (int k = 0; k < 2 && c < LODE_N_STAGES; k++)
          {
            int q = b->stub_index[k == 0 ? STUB_OTHER : STUB_DRAW][c][j];

            if (q < 0)
              continue;
            b->y1[q] = y;
            y += self->ribbons[q].width;
          }
        if (c == LODE_STAGE_METAL && b->loop_index[j] >= 0)
          {
            int q = b->loop_index[j];

            b->y1[q] = y;
            y += self->ribbons[q].width;
          }
      }
  (void) n;
}

static void
build_stub (LodeFlowLayout *self,
            Build          *b,
            LodeFlowRibbon *r,
            int             q)
{
  LodeFlowSegment *s = take_segments (self, r, 1);
  double w = r->width;
  gboolean incoming = r->kind == LODE_FLOW_RIBBON_STOCK_DRAW
                      || r->kind == LODE_FLOW_RIBBON_OTHER_FEED;
  const LodeFlowNode *node = &self->nodes[incoming ? r->target : r->source];
  double len = MIN (b->spacing * (r->kind == LODE_FLOW_RIBBON_BYPRODUCT ? 0.32 : 0.24),
                    70.0 * self->font_scale);
  double drop = len * (r->kind == LODE_FLOW_RIBBON_BYPRODUCT ? 0.8 : 0.55);

  if (!incoming)
    {
      double x0 = node->rect.x + node->rect.width, y0 = b->y0[q];

      s->top = cubic_s (x0, y0, x0 + len, y0 + drop);
      s->bottom = cubic_s (x0, y0 + w, x0 + len, y0 + drop + w);
    }
  else
    {
      double x1 = node->rect.x, y1 = b->y1[q];

      s->top = cubic_s (x1 - len, y1 + drop, x1, y1);
      s->bottom = cubic_s (x1 - len, y1 + drop + w, x1, y1 + w);
    }
}

static void
build_loops (LodeFlowLayout *self,
             Build          *b)
{
  double off = 0.0;
  double chan_top = b->area_bottom + b->r_small + 2.0;
  double cx_r = b->x[LODE_FLOW_COLUMN_END_USE] + self->node_width + b->r_small;
  double cx_l = b->x[LODE_STAGE_METAL] - b->r_small;

  /* The loop from the lowest end-use node takes the innermost lane, so loops do not cross
   * each other on the right. */
  for (int k = (int) self->order_len[LODE_FLOW_COLUMN_END_USE] - 1; k >= 0; k--)
    {
      guint r = self->order[LODE_FLOW_COLUMN_END_USE][k];
      int q = b->loop_index[r];
      LodeFlowRibbon *rib;
      LodeFlowSegment *s;
      double w, h, yc, ym, xr, xl, ych, r1, r2, r4;
      double x_end, x_metal;

      if (q < 0)
        continue;
      rib = &self->ribbons[q];
      w = rib->width;
      h = w / 2;
      x_end = self->nodes[rib->source].rect.x + self->node_width;
      x_metal = self->nodes[rib->target].rect.x;
      yc = b->y0[q] + h;
      ym = b->y1[q] + h;
      r1 = h + b->r_small;
      r4 = h + b->r_small;
      r2 = b->r_corner + off + h;
      xr = cx_r + r2;
      xl = cx_l - r2;
      ych = chan_top + r2;
      s = take_segments (self, rib, LOOP_SEGMENTS);

#define SEG_LINE(idx, xa, ya, xb, yb, nx, ny)                                   \
      s[idx].top = cubic_line ((xa) + (nx) * h, (ya) + (ny) * h,              \
                               (xb) + (nx) * h, (yb) + (ny) * h);             \
      s[idx].bottom = cubic_line ((xa) - (nx) * h, (ya) - (ny) * h,           \
                                  (xb) - (nx) * h, (yb) - (ny) * h)
#define SEG_ARC(idx, cx, cy, rad, a0, a1)                                      \
      s[idx].top = cubic_arc ((cx), (cy), (rad) + h, (a0), (a1));             \
      s[idx].bottom = cubic_arc ((cx), (cy), MAX ((rad) - h, 0.0), (a0), (a1))

      /* Left-of-travel normals on screen (y down): right (0,-1), down (1,0), left (0,1),
       * up (-1,0). Every corner turns clockwise, so "top" is the outer edge. */
      SEG_LINE (0, x_end, yc, xr - r1, yc, 0, -1);
      SEG_ARC (1, xr - r1, yc + r1, r1, -G_PI / 2, 0);
      SEG_LINE (2, xr, yc + r1, xr, chan_top, 1, 0);
      SEG_ARC (3, cx_r, chan_top, r2, 0, G_PI / 2);
      SEG_LINE (4, cx_r, ych, cx_l, ych, 0, 1);
      SEG_ARC (5, cx_l, chan_top, r2, G_PI / 2, G_PI);
      SEG_LINE (6, xl, chan_top, xl, ym + r4, -1, 0);
      SEG_ARC (7, xl + r4, ym + r4, r4, G_PI, 3 * G_PI / 2);
      SEG_LINE (8, xl + r4, ym, x_metal, ym, 0, -1);

#undef SEG_LINE
#undef SEG_ARC

      off += w + b->lane_gap;
    }
}

static void
build_geometry (LodeFlowLayout *self,
                Build          *b)
{
  stack_ribbons (self, b);
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      switch (r->kind)
        {
        case LODE_FLOW_RIBBON_FLOW:
          {
            LodeFlowSegment *s = take_segments (self, r, 1);
            double x0 = self->nodes[r->source].rect.x + self->node_width;
            double x1 = self->nodes[r->target].rect.x;

            s->top = cubic_s (x0, b->y0[q], x1, b->y1[q]);
            s->bottom = cubic_s (x0, b->y0[q] + r->width, x1, b->y1[q] + r->width);
          }
          break;
        case LODE_FLOW_RIBBON_LOSS:
        case LODE_FLOW_RIBBON_STOCK:
        case LODE_FLOW_RIBBON_STOCK_DRAW:
        case LODE_FLOW_RIBBON_BYPRODUCT:
        case LODE_FLOW_RIBBON_OTHER_FEED:
          build_stub (self, b, r, (int) q);
          break;
        case LODE_FLOW_RIBBON_RECYCLING:
        default:
          break;
        }
    }
  build_loops (self, b);
}

/* ---------------------------------------------------------------------------------------- */
/* Construction                                                                             */

void
lode_flow_options_init (LodeFlowOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (LodeFlowOptions) {
    .font_scale = 1.0,
    .show_legend = TRUE,
    .show_china_content = TRUE,
    .hover_node = -1,
    .hover_ribbon = -1,
    .selected_node = -1,
    .material = LODE_MATERIAL_NDPR,
    .bottleneck_stage = LODE_FLOW_BOTTLENECK_MODEL,
  };
}

static void
layout_captions (LodeFlowLayout *self,
                 Build          *b)
{
  double fs = self->chrome_scale;
  double size = 10.5 * fs;
  double rec_total = 0.0, byp_total = 0.0;
  char amount[64], text[LODE_FLOW_LABEL_MAX * 2];
  gboolean any_visible = FALSE;

  for (guint q = 0; q < MAX_NODES; q++)
    any_visible |= self->nodes[q].visible;
  if (!any_visible)
    {
      LodeFlowCaption *cap;

      g_snprintf (text, sizeof text, _("No material flows through the chain in %d"),
                  self->shown_year);
      cap = add_caption (self, text, 13.0 * fs, TRUE);
      fit_caption (cap, self->width / 2, b->margin, self->width - b->margin);
      cap->rect.y = (b->diag_top + b->area_bottom) / 2 - cap->rect.height / 2;
      return;
    }

  for (guint q = 0; q < self->n_ribbons; q++)
    {
      if (self->ribbons[q].kind == LODE_FLOW_RIBBON_RECYCLING)
        rec_total += self->ribbons[q].value;
      else if (self->ribbons[q].kind == LODE_FLOW_RIBBON_BYPRODUCT)
        byp_total += self->ribbons[q].value;
    }

  if (rec_total > 0)
    {
      LodeFlowCaption *cap;
      double lanes = recycling_px (self, b, self->scale);
      double cx_l = b->x[LODE_STAGE_METAL] - b->r_small;
      double cx_r = b->x[LODE_FLOW_COLUMN_END_USE] + self->node_width + b->r_small;

      format_tonnes (amount, sizeof amount, rec_total, "t");
      /* Translators: under the recycling loop; %s is "1.2 kt" */
      g_snprintf (text, sizeof text, _("Recycled back to metal making: %s"), amount);
      cap = add_caption (self, text, size, TRUE);
      fit_caption (cap, (cx_l + cx_r) / 2, cx_l - b->r_corner - lanes,
                   cx_r + b->r_corner + lanes);
      cap->rect.y = b->area_bottom + b->r_small + 2.0 + b->r_corner + lanes + 2.0 * fs;
    }
  if (byp_total > 0)
    {
      LodeFlowCaption *cap;
      double cx = b->x[LODE_STAGE_SEPARATION] + self->node_width / 2;
      double hi = b->x[LODE_STAGE_METAL] - b->r_small - b->r_corner
                  - (rec_total > 0 ? recycling_px (self, b, self->scale) : 0) - b->pad;

      format_tonnes (amount, sizeof amount, byp_total, lode_stage_unit (LODE_STAGE_MINE));
      /* Translators: caption of the thin by-product stubs at separation; %s is "210 kt REO" */
      g_snprintf (text, sizeof text, _("By-product (Ce, La …)\n%s, not to scale"), amount);
      cap = add_caption (self, text, size, TRUE);
      fit_caption (cap, cx, b->margin, MAX (hi, b->margin + 10));
      cap->rect.y = b->area_bottom + b->pad;
    }
}

/* Margins and paddings that follow the furniture's font scale. */
static void
set_chrome (LodeFlowLayout *self,
            Build          *b)
{
  double cs = self->chrome_scale;

  b->margin = self->compact ? MAX (10.0 * cs, MIN (self->width, self->height) * 0.03)
                            : MAX (18.0 * cs, MIN (self->width, self->height) * 0.05);
  b->pad = 6.0 * cs;
  b->r_small = 6.0 * cs;
  b->r_corner = 10.0 * cs;
}

static void
vertical_bands (LodeFlowLayout *self,
                Build          *b,
                double         *header_h,
                double         *legend_h)
{
  double cap_h, cs = self->chrome_scale;
  gboolean any_loop = FALSE;

  layout_headers (self, b, header_h);
  *legend_h = layout_legend (self, b);
  b->diag_top = b->margin + *header_h + b->pad;
  b->bottom_limit = self->height - b->margin - (*legend_h > 0 ? *legend_h + 2.0 * b->pad : 0.0);
  lode_text_measure ("Ag", 10.5 * cs, LODE_TEXT_NORMAL, NULL, &cap_h);
  for (guint r = 0; r < self->n_regions; r++)
    any_loop |= self->ever_recycled[r];
  b->loop_caption_h = any_loop ? b->r_small + 2.0 + b->r_corner + 2.0 * cs + cap_h : 0.0;
  b->foot_h = self->ever_byproduct ? b->pad + 2 * cap_h : 0.0;
  b->bottom_fixed = MAX (b->loop_caption_h, b->foot_h) + (any_loop ? 0.0 : b->pad);
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
  double header_h, legend_h, fs;
  guint n, bound;

  if (options != NULL)
    self->options = *options;
  else
    lode_flow_options_init (&self->options);
  self->font_scale = fs = CLAMP (self->options.font_scale, 0.25, 8.0);
  self->width = MAX (width, 1.0);
  self->height = MAX (height, 1.0);
  self->year = year;
  self->bottleneck = -1;
  self->shown_year = (int) floor (year + 0.5);
  self->node_width = CLAMP (self->width * 0.009, 8.0, 18.0 * MAX (1.0, fs));

  self->compact = self->height < 450.0 * fs;
  self->chrome_scale = fs;
  b.lane_gap = 0.0;  /* the loops run side by side, one multi-coloured cable */
  set_chrome (self, &b);

  if (projection == NULL || projection->n_years <= 0)
    {
      LodeFlowCaption *cap = add_caption (self, _("No projection"), 13.0 * fs, TRUE);

      fit_caption (cap, self->width / 2, 0, self->width);
      cap->rect.y = self->height / 2 - cap->rect.height / 2;
      return g_steal_pointer (&self);
    }

  self->projection = lode_projection_ref ((LodeProjection *) projection);
  self->n_regions = n = MIN (projection->n_regions, (guint) MAXR);
  bound = LODE_N_STAGES * n * n + 5 * LODE_N_STAGES * n + n + 1;
  self->ribbons = g_new0 (LodeFlowRibbon, bound);
  self->segments = g_new0 (LodeFlowSegment, bound + LOOP_SEGMENTS * n);
  b.y0 = g_new0 (double, bound);
  b.y1 = g_new0 (double, bound);

  fill_year (self);
  compute_order (self);
  compute_nodes (self);
  compute_ribbons (self, &b);

  /* Vertical bands: headers, the column area, loops and captions, the legend. On a short
   * canvas the furniture gives way before the diagram does: first the legend goes down to one
   * row, then headers, legend, captions and labels shrink (to no less than the normal size
   * of 1.0, or 0.85 of it for a very short canvas), until the column area has about half of
   * the height. */
  for (int attempt = 0; ; attempt++)
    {
      double cs_floor = MIN (fs, self->height < 260.0 ? 0.85 : 1.0);
      double avail;

      vertical_bands (self, &b, &header_h, &legend_h);
      avail = b.bottom_limit - b.bottom_fixed - b.diag_top;
      if (avail >= 0.54 * self->height || attempt >= 12)
        break;
      self->tight = TRUE;
      if (!self->legend_one_line)
        {
          self->legend_one_line = TRUE;
          continue;
        }
      if (self->chrome_scale <= cs_floor + 1e-9)
        break;
      self->chrome_scale = MAX (cs_floor, self->chrome_scale * 0.92);
      set_chrome (self, &b);
    }
  self->scale = compute_scale (self, &b);

  /* Ribbon widths at this scale. */
  for (guint q = 0; q < self->n_ribbons; q++)
    self->ribbons[q].width = ribbon_px (self, &self->ribbons[q], self->scale);

  /* Horizontal: label reserves at both sides, the recycling lanes right of end use. */
  label_fonts (self, &fonts);
  b.label_left = MIN (label_reserve (self, &fonts, 0), self->width * 0.2);
  b.label_right = MIN (label_reserve (self, &fonts, LODE_FLOW_COLUMN_END_USE),
                       self->width * 0.22);
  b.lanes_width = n_loops (&b) > 0 ? b.r_small + b.r_corner + recycling_px (self, &b,
                                                                           self->scale)
                                   : 0.0;
  {
    double x0 = b.margin + b.label_left + b.pad;
    double x4 = self->width - b.margin - b.label_right - b.pad - b.lanes_width
                - self->node_width;

    if (x4 < x0)
      x4 = x0;
    b.spacing = (x4 - x0) / (N_COLS - 1);
    for (int c = 0; c < N_COLS; c++)
      b.x[c] = x0 + c * b.spacing;
  }

  /* Vertical positions: each column centred in the column area. */
  {
    double heights[MAX_NODES];
    double area_top = b.diag_top;
    double area_bottom = b.bottom_limit - b.bottom_fixed - recycling_px (self, &b, self->scale);

    area_bottom = MAX (area_bottom, area_top + 1.0);
    b.area_bottom = area_bottom;
    node_heights (self, self->scale, heights);
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
        px += MAX (nv - 1, 0) * b.gap;
        y = area_top + MAX ((area_bottom - area_top - px) / 2, 0.0);
        for (guint k = 0; k < self->order_len[c]; k++)
          {
            int q = node_index (self, c, self->order[c][k]);
            LodeFlowNode *node = &self->nodes[q];

            if (!node->visible)
              continue;
            node->rect = (LodeFlowRect) { b.x[c], y, self->node_width, heights[q] };
            y += heights[q] + b.gap;
          }
      }
  }

  build_geometry (self, &b);
  place_labels (self, &b, &fonts);
  position_headers (self, &b);
  layout_captions (self, &b);
  lode_flow_layout_set_highlight (self, self->options.hover_node, self->options.hover_ribbon,
                                  self->options.selected_node);

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

/* ---------------------------------------------------------------------------------------- */
/* Emphasis                                                                                 */

void
lode_flow_layout_set_highlight (LodeFlowLayout *self,
                                int             hover_node,
                                int             hover_ribbon,
                                int             selected_node)
{
  guint n_nodes;
  gboolean up[MAX_NODES] = { 0 }, down[MAX_NODES] = { 0 };
  int focus;

  g_return_if_fail (self != NULL);

  n_nodes = N_COLS * self->n_regions;
  if (hover_node >= (int) n_nodes || (hover_node >= 0 && !self->nodes[hover_node].visible))
    hover_node = -1;
  if (selected_node >= (int) n_nodes
      || (selected_node >= 0 && !self->nodes[selected_node].visible))
    selected_node = -1;
  if (hover_ribbon >= (int) self->n_ribbons)
    hover_ribbon = -1;
  self->options.hover_node = hover_node;
  self->options.hover_ribbon = hover_ribbon;
  self->options.selected_node = selected_node;

  for (guint q = 0; q < n_nodes; q++)
    {
      self->nodes[q].emphasis = LODE_FLOW_EMPHASIS_NORMAL;
      self->nodes[q].selected = (int) q == selected_node;
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    self->ribbons[q].emphasis = LODE_FLOW_EMPHASIS_NORMAL;

  if (hover_ribbon >= 0)
    {
      const LodeFlowRibbon *r = &self->ribbons[hover_ribbon];

      for (guint q = 0; q < n_nodes; q++)
        self->nodes[q].emphasis = LODE_FLOW_EMPHASIS_DIM;
      for (guint q = 0; q < self->n_ribbons; q++)
        self->ribbons[q].emphasis = LODE_FLOW_EMPHASIS_DIM;
      self->ribbons[hover_ribbon].emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
      if (r->source >= 0)
        self->nodes[r->source].emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
      if (r->target >= 0)
        self->nodes[r->target].emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
      return;
    }

  focus = hover_node >= 0 ? hover_node : selected_node;
  if (focus < 0)
    return;

  /* Everything upstream of the node and everything downstream of it, along the flows. */
  up[focus] = down[focus] = TRUE;
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_FLOW && down[r->source])
        {
          down[r->target] = TRUE;
          r->emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
        }
    }
  for (int q = (int) self->n_ribbons - 1; q >= 0; q--)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_FLOW && up[r->target])
        {
          up[r->source] = TRUE;
          r->emphasis = LODE_FLOW_EMPHASIS_HIGHLIGHT;
        }
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind != LODE_FLOW_RIBBON_FLOW)
        r->emphasis = (r->source == focus || r->target == focus)
                      ? LODE_FLOW_EMPHASIS_HIGHLIGHT : LODE_FLOW_EMPHASIS_DIM;
      else if (r->emphasis != LODE_FLOW_EMPHASIS_HIGHLIGHT)
        r->emphasis = LODE_FLOW_EMPHASIS_DIM;
    }
  for (guint q = 0; q < n_nodes; q++)
    self->nodes[q].emphasis = (up[q] || down[q]) ? LODE_FLOW_EMPHASIS_HIGHLIGHT
                                                 : LODE_FLOW_EMPHASIS_DIM;
}

/* ---------------------------------------------------------------------------------------- */
/* Hit testing                                                                              */

int
lode_flow_layout_node_at (const LodeFlowLayout *self,
                          double                x,
                          double                y)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;
  double slack = 4.0;

  g_return_val_if_fail (self != NULL, -1);

  for (guint q = 0; q < N_COLS * self->n_regions; q++)
    {
      const LodeFlowNode *node = &self->nodes[q];
      const LodeFlowRect *r = &node->rect;
      double dx, dy;

      if (!node->visible)
        continue;
      dx = MAX (MAX (r->x - x, x - (r->x + r->width)), 0.0);
      dy = MAX (MAX (r->y - y, y - (r->y + r->height)), 0.0);
      if (dx <= slack && dy <= 1.0 && dx + dy < best_d)
        {
          best = (int) q;
          best_d = dx + dy;
        }
    }
  return best;
}

/* x-monotone edges that share their x control points: solve x(t) = x, compare y. */
static gboolean
segment_contains (const LodeFlowSegment *s,
                  double                 x,
                  double                 y)
{
  double lo = 0.0, hi = 1.0, t, yt, yb;

  if (x < MIN (s->top.x0, s->top.x3) || x > MAX (s->top.x0, s->top.x3))
    return FALSE;
  for (int iter = 0; iter < 30; iter++)
    {
      double xm;

      t = (lo + hi) / 2;
      lode_flow_cubic_eval (&s->top, t, &xm, NULL);
      if ((xm < x) == (s->top.x3 >= s->top.x0))
        lo = t;
      else
        hi = t;
    }
  t = (lo + hi) / 2;
  lode_flow_cubic_eval (&s->top, t, NULL, &yt);
  lode_flow_cubic_eval (&s->bottom, t, NULL, &yb);
  return y >= MIN (yt, yb) - 0.5 && y <= MAX (yt, yb) + 0.5;
}

static gboolean
loop_contains (const LodeFlowRibbon *r,
               double                x,
               double                y)
{
  double px = 0, py = 0;
  double limit = r->width / 2 + 1.5;

  for (guint k = 0; k < r->n_segments; k++)
    {
      const LodeFlowSegment *s = &r->segments[k];

      for (int i = 0; i <= 8; i++)
        {
          double xt, yt, xb, yb, cx, cy;

          lode_flow_cubic_eval (&s->top, i / 8.0, &xt, &yt);
          lode_flow_cubic_eval (&s->bottom, i / 8.0, &xb, &yb);
          cx = (xt + xb) / 2;
          cy = (yt + yb) / 2;
          if (k + i > 0)
            {
              double vx = cx - px, vy = cy - py, len2 = vx * vx + vy * vy;
              double u = len2 > 0 ? ((x - px) * vx + (y - py) * vy) / len2 : 0;
              double qx, qy;

              u = CLAMP (u, 0.0, 1.0);
              qx = px + u * vx - x;
              qy = py + u * vy - y;
              if (qx * qx + qy * qy <= limit * limit)
                return TRUE;
            }
          px = cx;
          py = cy;
        }
    }
  return FALSE;
}

int
lode_flow_layout_ribbon_at (const LodeFlowLayout *self,
                            double                x,
                            double                y)
{
  g_return_val_if_fail (self != NULL, -1);

  /* Last drawn is on top: loops and stubs are painted after the flows. */
  for (int q = (int) self->n_ribbons - 1; q >= 0; q--)
    {
      const LodeFlowRibbon *r = &self->ribbons[q];

      if (r->n_segments == 0)
        continue;
      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        {
          if (loop_contains (r, x, y))
            return q;
        }
      else if (segment_contains (&r->segments[0], x, y))
        {
          return q;
        }
    }
  return -1;
}

/* ---------------------------------------------------------------------------------------- */
/* Words                                                                                    */

static const LodeFlowNode *
china_node (const LodeFlowLayout *self,
            int                   column)
{
  LodeDataset *dataset = lode_projection_get_dataset (self->projection);
  const LodeFlowNode *node;

  if (dataset == NULL || dataset->china >= self->n_regions)
    return NULL;
  node = &self->nodes[node_index (self, column, dataset->china)];
  return node->visible ? node : NULL;
}

char *
lode_flow_layout_describe (const LodeFlowLayout *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  LodeDataset *dataset;
  char shares[LODE_N_STAGES][32];
  char amount[64];
  double rec = 0.0;
  int largest = -1;
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->projection == NULL)
    return g_strdup (_("Flow diagram of the rare-earth chain: no projection."));
  dataset = lode_projection_get_dataset (self->projection);

  for (guint q = 0; q < N_COLS * self->n_regions; q++)
    any |= self->nodes[q].visible;
  if (!any)
    return g_strdup_printf (_("In %d no material flows through the chain."), self->shown_year);

  for (int c = 0; c < LODE_N_STAGES; c++)
    {
      const LodeFlowNode *node = china_node (self, c);

      format_percent (shares[c], sizeof shares[c], node != NULL ? node->share : 0.0);
    }
  g_string_append_printf (s, _("In %d, China holds %s of mining, %s of separation, %s of metal "
                               "making and %s of magnet making."),
                          self->shown_year, shares[0], shares[1], shares[2], shares[3]);

  if (dataset != NULL && dataset->us < self->n_regions
      && self->nodes[node_index (self, LODE_FLOW_COLUMN_END_USE, dataset->us)].visible)
    {
      char share[32];

      format_percent (share, sizeof share, self->data.china_free_us);
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("%s of the magnets used in the United States are free of "
                                   "Chinese content."), share);
    }
  if (self->bottleneck >= 0)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("The bottleneck for US magnet output is %s."),
                              column_phrase (self->bottleneck));
    }
  for (guint q = 0; q < self->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = &self->ribbons[q];

      if (r->kind == LODE_FLOW_RIBBON_RECYCLING)
        rec += r->value;
      if (r->kind == LODE_FLOW_RIBBON_FLOW
          && (largest < 0 || r->value > self->ribbons[largest].value)
          && self->nodes[r->source].region != self->nodes[r->target].region)
        largest = (int) q;
    }
  if (largest >= 0)
    {
      const LodeFlowRibbon *r = &self->ribbons[largest];

      format_tonnes (amount, sizeof amount, r->value, ox_unit ());
      g_string_append_c (s, ' ');
      /* Translators: "The largest trade flow, 12 kt NdPr oxide eq., runs from China to Japan
       * between separation and metal making." */
      g_string_append_printf (s, _("The largest trade flow, %s, runs from %s to %s between %s "
                                   "and %s."),
                              amount,
                              region_name (self, self->nodes[r->source].region),
                              region_name (self, self->nodes[r->target].region),
                              column_phrase (self->nodes[r->source].column),
                              column_phrase (self->nodes[r->target].column));
    }
  if (rec > 0)
    {
      format_tonnes (amount, sizeof amount, rec, ox_unit ());
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("Recycling returns %s to metal making."), amount);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
lode_flow_layout_describe_node (const LodeFlowLayout *self,
                                int                   index)
{
  g_autoptr(GString) s = NULL;
  const LodeFlowNode *node;
  const FlowYear *d;
  char amount[64], share[32], ox[64];
  int c;

  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || index >= (int) (N_COLS * self->n_regions) || !self->nodes[index].visible)
    return NULL;
  node = &self->nodes[index];
  d = &self->data;
  c = node->column;
  s = g_string_new (NULL);

  format_tonnes (amount, sizeof amount, node->stage_value, self->headers[c].unit);
  format_percent (share, sizeof share, node->share);
  format_tonnes (ox, sizeof ox, node->value, ox_unit ());
  /* Translators: tooltip title, "China · Separation" */
  g_string_append_printf (s, _("%s · %s"), region_name (self, node->region), column_title (c));
  g_string_append_c (s, '\n');
  /* Translators: "229 kt NdPr oxide, 91 % of the column" */
  g_string_append_printf (s, _("%s, %s of the column (%s)"), amount, share, ox);

  /* Where it comes from: the largest sources. */
  if (c > 0 && node->in_value > 0)
    {
      guint shown = 0;

      g_string_append_c (s, '\n');
      g_string_append (s, _("From:"));
      for (guint k = 0; k < self->order_len[c - 1] && shown < 4; k++)
        {
          guint i = self->order[c - 1][k];
          double v = d->flow[c - 1][i][node->region];

          if (v <= 0 || v < node->in_value * 0.01)
            continue;
          format_percent (share, sizeof share, v / node->in_value);
          g_string_append_printf (s, " %s%s %s", shown > 0 ? "· " : "", region_name (self, i),
                                  share);
          shown++;
        }
      if (c == LODE_STAGE_METAL && d->recycled[node->region] > 0)
        {
          format_percent (share, sizeof share, d->recycled[node->region] / node->in_value);
          g_string_append_printf (s, " · %s %s", _("recycling"), share);
        }
    }
  if (c < LODE_N_STAGES && d->other_in[c][node->region] > 0)
    {
      format_tonnes (amount, sizeof amount, d->other_in[c][node->region], "t");
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Other feed (scrap, unreported ore, stocks): %s"), amount);
    }
  if (c < LODE_N_STAGES && d->loss[c][node->region] > 0)
    {
      format_tonnes (amount, sizeof amount, d->loss[c][node->region], "t");
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Losses: %s"), amount);
    }
  if (c == LODE_STAGE_SEPARATION && d->byproduct[node->region] > 0)
    {
      format_tonnes (amount, sizeof amount, d->byproduct[node->region],
                     lode_stage_unit (LODE_STAGE_MINE));
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("By-product (Ce, La …): %s"), amount);
    }
  format_percent (share, sizeof share, node->china_content);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("China content: %s"), share);

  if (c == LODE_FLOW_COLUMN_END_USE)
    {
      double total = 0.0;
      guint shown = 0;

      for (int u = 0; u < LODE_N_END_USES; u++)
        total += d->end_use[u];
      if (total > 0)
        {
          g_string_append_c (s, '\n');
          g_string_append (s, _("Applications (world split):"));
          for (int u = 0; u < LODE_N_END_USES; u++)
            {
              if (d->end_use[u] <= 0)
                continue;
              format_percent (share, sizeof share, d->end_use[u] / total);
              g_string_append_printf (s, "%s%s %s", shown++ % 3 == 0 ? "\n  " : " · ",
                                      lode_end_use_name ((LodeEndUse) u), share);
            }
        }
      if (d->shortfall_magnet[node->region] > 0)
        {
          format_tonnes (amount, sizeof amount, d->shortfall_magnet[node->region],
                         lode_stage_unit (LODE_STAGE_MAGNET));
          g_string_append_c (s, '\n');
          g_string_append_printf (s, _("Shortfall: %s"), amount);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
lode_flow_layout_describe_ribbon (const LodeFlowLayout *self,
                                  int                   index)
{
  const LodeFlowRibbon *r;
  const LodeFlowNode *src, *tgt;
  char amount[64], share[32], cc[32];

  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || index >= (int) self->n_ribbons)
    return NULL;
  r = &self->ribbons[index];
  src = r->source >= 0 ? &self->nodes[r->source] : NULL;
  tgt = r->target >= 0 ? &self->nodes[r->target] : NULL;
  format_tonnes (amount, sizeof amount, r->value,
                 r->kind == LODE_FLOW_RIBBON_BYPRODUCT ? lode_stage_unit (LODE_STAGE_MINE)
                                                       : ox_unit ());
  format_percent (cc, sizeof cc, r->china_content);

  switch (r->kind)
    {
    case LODE_FLOW_RIBBON_FLOW:
      format_percent (share, sizeof share, src->out_value > 0 ? r->value / src->out_value : 0);
      /* Translators: ribbon tooltip: "China → Japan\nSeparation → Metal\n12 kt NdPr oxide
       * eq., 21 % of China's output\nChina content: 100 %" */
      return g_strdup_printf (_("%s → %s\n%s → %s\n%s, %s of the source's output\n"
                                "China content: %s"),
                              region_name (self, src->region), region_name (self, tgt->region),
                              column_title (src->column), column_title (tgt->column),
                              amount, share, cc);
    case LODE_FLOW_RIBBON_RECYCLING:
      return g_strdup_printf (_("Recycling in %s\nEnd use → %s\n%s"),
                              region_name (self, src->region),
                              column_title (LODE_STAGE_METAL), amount);
    case LODE_FLOW_RIBBON_LOSS:
      return g_strdup_printf (_("Process losses, %s in %s\n%s"), column_phrase (src->column),
                              region_name (self, src->region), amount);
    case LODE_FLOW_RIBBON_STOCK:
      return g_strdup_printf (_("Put to stock, unsold or unprocessed, %s in %s\n%s"),
                              column_phrase (src->column), region_name (self, src->region),
                              amount);
    case LODE_FLOW_RIBBON_STOCK_DRAW:
      return g_strdup_printf (_("Drawn from stock, %s in %s\n%s"), column_phrase (tgt->column),
                              region_name (self, tgt->region), amount);
    case LODE_FLOW_RIBBON_OTHER_FEED:
      return g_strdup_printf (_("Other feed, %s in %s: scrap, swarf, unreported ore and stocks "
                                "outside the drawn flows\n%s"),
                              column_phrase (tgt->column), region_name (self, tgt->region),
                              amount);
    case LODE_FLOW_RIBBON_BYPRODUCT:
      return g_strdup_printf (_("By-product of separation in %s: %s of cerium, lanthanum and "
                                "other rare earths leave the magnet chain\n(drawn at a fixed "
                                "width, not to scale)"),
                              region_name (self, src->region), amount);
    default:
      return NULL;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Accessors                                                                                */

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
