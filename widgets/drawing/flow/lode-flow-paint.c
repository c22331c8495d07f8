/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-flow-paint"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-flow-layout-private.h"
#include "lode-flow-paint.h"
#include "lode-span-fill.h"
#include "lode-text.h"

typedef struct
{
  cairo_t                 *cr;
  const LodePalette       *palette;
  double                   fs;         /* font scale: line widths and hatch spacing follow it */
  const LodeFlowHighlight *highlight;  /* NULL: the layout itself, everything at normal
                                        * emphasis; else only what it highlights, drawn over */
  LodeFlowRect             visible;    /* the clip's extents in user space */
  const LodeRgba          *ribbon_colours;  /* per ribbon, or NULL: the regions' */
  LodeSpanFill            *fill;       /* the ribbons' fills on images, or NULL: Cairo's */
} Paint;

/* On an image, what lies entirely outside the clip (another strip's rows, see
 * lode-flow-strips.c) is not drawn at all: cairo would discard it, but only after building,
 * flattening and measuring it. The margin (px at font scale 1) covers antialiasing, strokes
 * and label backings. */
#define CULL_MARGIN 8.0

static Paint
paint_init (cairo_t                 *cr,
            const LodeFlowLayout    *layout,
            const LodePalette       *palette,
            const LodeFlowHighlight *highlight)
{
  Paint p = { cr, palette, lode_flow_layout_get_font_scale (layout), highlight, { 0 }, NULL,
              NULL };
  double x0, y0, x1, y1;

  /* Vector files keep every element, as they always did. */
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    {
      p.visible = (LodeFlowRect) { -G_MAXDOUBLE / 4, -G_MAXDOUBLE / 4, G_MAXDOUBLE / 2,
                                   G_MAXDOUBLE / 2 };
      return p;
    }
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  p.visible = (LodeFlowRect) { x0, y0, x1 - x0, y1 - y0 };
  return p;
}

static gboolean
in_view (const Paint *p,
         double       x0,
         double       y0,
         double       x1,
         double       y1)
{
  double m = CULL_MARGIN * p->fs;

  return x1 + m >= p->visible.x && x0 - m <= p->visible.x + p->visible.width
         && y1 + m >= p->visible.y && y0 - m <= p->visible.y + p->visible.height;
}

static gboolean
rect_in_view (const Paint        *p,
              const LodeFlowRect *r)
{
  return in_view (p, r->x, r->y, r->x + r->width, r->y + r->height);
}

/* A box around the ribbon: a cubic lies within the hull of its control points. */
static void
ribbon_hull (const LodeFlowRibbon *r,
             double               *x0,
             double               *y0,
             double               *x1,
             double               *y1)
{
  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint k = 0; k < r->n_segments; k++)
    {
      const LodeFlowCubic *edges[2] = { &r->segments[k].top, &r->segments[k].bottom };

      for (int e = 0; e < 2; e++)
        {
          const double *pts = &edges[e]->x0;

          for (int i = 0; i < 8; i += 2)
            {
              *x0 = MIN (*x0, pts[i]);
              *x1 = MAX (*x1, pts[i]);
              *y0 = MIN (*y0, pts[i + 1]);
              *y1 = MAX (*y1, pts[i + 1]);
            }
        }
    }
}

static gboolean
ribbon_in_view (const Paint          *p,
                const LodeFlowRibbon *r)
{
  double x0, y0, x1, y1;

  ribbon_hull (r, &x0, &y0, &x1, &y1);
  return r->n_segments > 0 && in_view (p, x0, y0, x1, y1);
}

/* How much of the background veils the diagram under a highlight. */
#define HIGHLIGHT_VEIL 0.75

static LodeFlowEmphasis
ribbon_emphasis (const Paint *p,
                 guint        ribbon)
{
  return p->highlight != NULL ? lode_flow_highlight_get_ribbon (p->highlight, ribbon)
                              : LODE_FLOW_EMPHASIS_NORMAL;
}

static LodeFlowEmphasis
node_emphasis (const Paint *p,
               guint        node)
{
  return p->highlight != NULL ? lode_flow_highlight_get_node (p->highlight, node)
                              : LODE_FLOW_EMPHASIS_NORMAL;
}

/* The layout draws everything at normal emphasis; a highlight only what it emphasises. */
static gboolean
skip (const Paint      *p,
      LodeFlowEmphasis  emphasis)
{
  return p->highlight != NULL && emphasis != LODE_FLOW_EMPHASIS_HIGHLIGHT;
}

static double
ribbon_alpha (const Paint      *p,
              LodeFlowEmphasis  emphasis)
{
  switch (emphasis)
    {
    case LODE_FLOW_EMPHASIS_HIGHLIGHT:
      return 0.82;
    case LODE_FLOW_EMPHASIS_DIM:
      return 0.12;
    case LODE_FLOW_EMPHASIS_NORMAL:
    default:
      return p->palette->dark ? 0.62 : 0.55;
    }
}

static double
text_alpha (LodeFlowEmphasis emphasis)
{
  return emphasis == LODE_FLOW_EMPHASIS_DIM ? 0.4 : 1.0;
}

static LodeFlowCubic
edge_at (const LodeFlowSegment *s,
         double                 f)
{
  const LodeFlowCubic *a = &s->top, *b = &s->bottom;

  /* Control points are linear in the offset (also for the loop's concentric arcs). */
  return (LodeFlowCubic) {
    a->x0 + (b->x0 - a->x0) * f, a->y0 + (b->y0 - a->y0) * f,
    a->x1 + (b->x1 - a->x1) * f, a->y1 + (b->y1 - a->y1) * f,
    a->x2 + (b->x2 - a->x2) * f, a->y2 + (b->y2 - a->y2) * f,
    a->x3 + (b->x3 - a->x3) * f, a->y3 + (b->y3 - a->y3) * f,
  };
}

/* The band of a ribbon between fractions f0 and f1 of its width (0 top edge, 1 bottom). */
static void
ribbon_path (cairo_t              *cr,
             const LodeFlowRibbon *r,
             double                f0,
             double                f1)
{
  LodeFlowCubic e;

  if (r->n_segments == 0)
    return;
  e = edge_at (&r->segments[0], f0);
  cairo_move_to (cr, e.x0, e.y0);
  for (guint k = 0; k < r->n_segments; k++)
    {
      e = edge_at (&r->segments[k], f0);
      cairo_curve_to (cr, e.x1, e.y1, e.x2, e.y2, e.x3, e.y3);
    }
  e = edge_at (&r->segments[r->n_segments - 1], f1);
  cairo_line_to (cr, e.x3, e.y3);
  for (int k = (int) r->n_segments - 1; k >= 0; k--)
    {
      e = edge_at (&r->segments[k], f1);
      cairo_curve_to (cr, e.x2, e.y2, e.x1, e.y1, e.x0, e.y0);
    }
  cairo_close_path (cr);
}

static LodeRgba
ribbon_colour (const Paint          *p,
               const LodeFlowLayout *layout,
               const LodeFlowRibbon *r)
{
  int node = r->source >= 0 ? r->source : r->target;

  if (p->ribbon_colours != NULL)
    return p->ribbon_colours[r - lode_flow_layout_get_ribbon (layout, 0)];
  return lode_palette_region (p->palette, lode_flow_layout_get_node (layout, node)->region);
}

/* Ribbons narrower than this show China content greyed instead of hatched: hatching is not
 * visible on a hairline, and a single fill keeps painting cheap. */
#define HATCH_MIN_WIDTH 4.0

/* A repeating tile with one diagonal stroke, made at the target's device resolution so the
 * hatching stays crisp at HiDPI and in 3x exports. With `under`, the tile is that colour with
 * the hatching over it: a ribbon that passed through China entirely is then filled once
 * instead of twice (OVER is associative, so the pixels are the same, and its anti-aliased
 * edges no longer blend the two layers separately). */
/* Pixman fills with a repeating source one tile-wide run at a time: a few-pixel tile costs a
 * call every few pixels across a wide ribbon. The same tile repeated into one about
 * HATCH_TILE_WIDTH pixels wide gives the same pixels (an exact copy, whole tiles) in one run
 * per row, as wide as any ribbon. Images only: vector files keep their small tile. */
#define HATCH_TILE_WIDTH  2048
#define HATCH_TILE_HEIGHT 16

static cairo_surface_t *
repeat_tile (cairo_surface_t *tile,
             int              px)
{
  int nx = MAX ((HATCH_TILE_WIDTH + px - 1) / px, 1);
  int ny = MAX ((HATCH_TILE_HEIGHT + px - 1) / px, 1);
  cairo_surface_t *big;
  cairo_pattern_t *pattern;
  cairo_t *cr;

  big = cairo_surface_create_similar_image (tile, CAIRO_FORMAT_ARGB32, nx * px, ny * px);
  cr = cairo_create (big);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_set_source (cr, pattern);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (tile);
  return big;
}

/* What makes a hatch tile: every field a double, so keys compare with memcmp(). */
typedef struct
{
  double   step;      /* user-space period */
  double   device;    /* device pixels per user unit */
  double   alpha_factor;
  double   line;      /* stroke width, device pixels */
  LodeRgba mark;
  LodeRgba under;
  double   has_under;
} HatchKey;

/* The tiles painted into images are kept from one paint to the next: the hatching does not
 * change between frames or years, and making it (a tile, then the wide copy) cost about
 * 1 M instructions per paint. Each thread keeps its own (cairo patterns are not for sharing
 * across threads; the strips' worker paints at the same time). Everything that makes a tile
 * is its key, so a new palette (dark mode, theme), scale factor or font scale gets new tiles;
 * the cache is bounded and emptied when full. */
#define HATCH_CACHE_MAX 16

typedef struct
{
  guint            n;
  HatchKey         keys[HATCH_CACHE_MAX];
  cairo_pattern_t *patterns[HATCH_CACHE_MAX];
} HatchCache;

static void
hatch_cache_clear (HatchCache *cache)
{
  for (guint k = 0; k < cache->n; k++)
    cairo_pattern_destroy (cache->patterns[k]);
  cache->n = 0;
}

static void
hatch_cache_free (gpointer data)
{
  hatch_cache_clear (data);
  g_free (data);
}

static HatchCache *
hatch_cache (void)
{
  static GPrivate key = G_PRIVATE_INIT (hatch_cache_free);
  HatchCache *cache = g_private_get (&key);

  if (cache == NULL)
    {
      cache = g_new0 (HatchCache, 1);
      g_private_set (&key, cache);
    }
  return cache;
}

static cairo_pattern_t *
make_hatch (cairo_surface_t *target,
            const HatchKey  *key,
            int              px)
{
  cairo_surface_t *tile;
  cairo_t *tc;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  tile = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32, px, px);
  tc = cairo_create (tile);
  if (key->has_under != 0)
    {
      lode_cairo_set_rgba (tc, key->under);
      cairo_paint (tc);
    }
  lode_cairo_set_rgba (tc, key->mark);
  cairo_set_line_width (tc, key->line);
  /* Three strokes so the diagonal joins up across tile edges. */
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (tc, k * px, px);
      cairo_line_to (tc, k * px + px, 0);
    }
  cairo_stroke (tc);
  cairo_destroy (tc);
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE)
    tile = repeat_tile (tile, px);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, px / key->step, px / key->step);
  cairo_pattern_set_matrix (pattern, &matrix);
  return pattern;
}

/* A new reference to the hatching for this paint, from the cache for images. */
static cairo_pattern_t *
hatch_pattern (const Paint    *p,
               double          alpha_factor,
               const LodeRgba *under)
{
  cairo_surface_t *target = cairo_get_target (p->cr);
  double dx = 1.0, dy = 0.0;
  HatchKey key;
  HatchCache *cache;
  cairo_pattern_t *pattern;
  int px;

  memset (&key, 0, sizeof key);
  key.step = 6.0 * MAX (p->fs, 0.6);
  cairo_user_to_device_distance (p->cr, &dx, &dy);
  key.device = MAX (hypot (dx, dy), 0.25);
  key.alpha_factor = alpha_factor;
  key.line = 1.1 * MAX (p->fs, 0.6) * key.device;
  key.mark = p->palette->china_mark;
  key.mark.a *= 0.65 * alpha_factor;
  if (under != NULL)
    {
      key.under = *under;
      key.has_under = 1;
    }
  px = MAX ((int) ceil (key.step * key.device), 4);

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return make_hatch (target, &key, px);

  cache = hatch_cache ();
  for (guint k = 0; k < cache->n; k++)
    if (memcmp (&cache->keys[k], &key, sizeof key) == 0)
      return cairo_pattern_reference (cache->patterns[k]);
  if (cache->n == HATCH_CACHE_MAX)
    hatch_cache_clear (cache);
  pattern = make_hatch (target, &key, px);
  cache->keys[cache->n] = key;
  cache->patterns[cache->n++] = cairo_pattern_reference (pattern);
  return pattern;
}

/* Combined colour + hatching tiles, made once per paint for each colour in use. */
#define MAX_SOLID_HATCHES 24

typedef struct
{
  LodeRgba         colour;
  int              dim;
  cairo_pattern_t *pattern;
} SolidHatch;

static cairo_pattern_t *
solid_hatch (const Paint *p,
             SolidHatch  *cache,
             guint       *n_cache,
             LodeRgba     colour,
             int          dim)
{
  for (guint k = 0; k < *n_cache; k++)
    if (cache[k].dim == dim && memcmp (&cache[k].colour, &colour, sizeof colour) == 0)
      return cache[k].pattern;
  if (*n_cache == MAX_SOLID_HATCHES)
    return NULL;
  cache[*n_cache] = (SolidHatch) { colour, dim, hatch_pattern (p, dim ? 0.3 : 1.0, &colour) };
  return cache[(*n_cache)++].pattern;
}

static void
paint_flows (const Paint          *p,
             const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;
  guint n = lode_flow_layout_get_n_ribbons (layout);
  gboolean china = lode_flow_layout_get_options (layout)->show_china_content;
  cairo_pattern_t *hatch[2] = { NULL, NULL };
  SolidHatch solid[MAX_SOLID_HATCHES];
  guint n_solid = 0;
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  /* Vector exports keep the colour as a vector fill under the hatching. */
  gboolean combine = target != CAIRO_SURFACE_TYPE_PDF && target != CAIRO_SURFACE_TYPE_PS
                     && target != CAIRO_SURFACE_TYPE_SVG;
  LodeRgba grey = lode_rgba_mix (p->palette->muted, p->palette->background, 0.35);

  /* Cairo's fast antialiasing (4x4 coverage samples) instead of its default, much finer scan
   * converter: the ribbons' long, gently curved edges look the same at 1x and above, and scan
   * conversion is a large share of their cost. Vector targets ignore it. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint q = 0; q < n; q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);
      LodeFlowEmphasis emphasis = ribbon_emphasis (p, q);
      gboolean hatched;
      int dim;
      LodeRgba c;

      if (r->kind != LODE_FLOW_RIBBON_FLOW || skip (p, emphasis) || !ribbon_in_view (p, r))
        continue;
      c = ribbon_colour (p, layout, r);
      if (china && r->width < HATCH_MIN_WIDTH)
        c = lode_rgba_mix (c, grey, 0.55 * r->china_content);
      c = lode_rgba_with_alpha (c, ribbon_alpha (p, emphasis));
      hatched = china && r->width >= HATCH_MIN_WIDTH && r->china_content > 0.005;
      dim = emphasis == LODE_FLOW_EMPHASIS_DIM;
      ribbon_path (cr, r, 0.0, 1.0);

      /* All of it passed through China: one fill with the colour and the hatching together. */
      if (combine && hatched && r->china_content >= 0.999)
        {
          cairo_pattern_t *pattern = solid_hatch (p, solid, &n_solid, c, dim);

          if (pattern != NULL)
            {
              cairo_set_source (cr, pattern);
              lode_span_fill (p->fill, cr);
              continue;
            }
        }
      lode_cairo_set_rgba (cr, c);
      lode_span_fill (p->fill, cr);

      /* The part that passed through China is the ribbon's lower band, hatched. */
      if (hatched)
        {
          if (hatch[dim] == NULL)
            hatch[dim] = hatch_pattern (p, dim ? 0.3 : 1.0, NULL);
          cairo_set_source (cr, hatch[dim]);
          ribbon_path (cr, r, 1.0 - r->china_content, 1.0);
          lode_span_fill (p->fill, cr);
        }
    }
  cairo_restore (cr);
  g_clear_pointer (&hatch[0], cairo_pattern_destroy);
  g_clear_pointer (&hatch[1], cairo_pattern_destroy);
  for (guint k = 0; k < n_solid; k++)
    cairo_pattern_destroy (solid[k].pattern);
}

/* Stubs (losses, stock draws and builds, other feed, by-product): a flat, light tint with a
 * thin solid edge along the top and bottom, so they read as leaving or entering the chain
 * rather than as a region's ribbon. Stubs drawn alike share one fill and one stroke. */
#define STUB_ALPHA 0.16        /* fill, of the colour */
#define STUB_EDGE_ALPHA 0.45   /* edges, of the colour */

static double
stub_alpha (LodeFlowEmphasis emphasis)
{
  return emphasis == LODE_FLOW_EMPHASIS_DIM ? 0.45 * STUB_ALPHA
         : emphasis == LODE_FLOW_EMPHASIS_HIGHLIGHT ? 2.0 * STUB_ALPHA : STUB_ALPHA;
}

#define STUB_EDGE_MIN_WIDTH 6.0

static gboolean
is_stub (const LodeFlowRibbon *r)
{
  return r->kind != LODE_FLOW_RIBBON_FLOW && r->kind != LODE_FLOW_RIBBON_RECYCLING
         && r->n_segments > 0;
}

static void
paint_stubs (const Paint          *p,
             const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;
  guint n = lode_flow_layout_get_n_ribbons (layout);

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);   /* as for the ribbons */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_width (cr, 1.0 * MAX (p->fs, 0.75));
  /* Groups: by-product (foreground) or muted, times the three emphases. */
  for (int byproduct = 0; byproduct <= 1; byproduct++)
    for (int e = LODE_FLOW_EMPHASIS_NORMAL; e <= LODE_FLOW_EMPHASIS_DIM; e++)
      {
        LodeRgba c = byproduct ? p->palette->foreground : p->palette->muted;
        double a = stub_alpha (e);
        gboolean any = FALSE, edged = FALSE;

        for (guint q = 0; q < n; q++)
          {
            const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

            if (!is_stub (r) || (int) ribbon_emphasis (p, q) != e || skip (p, e)
                || (r->kind == LODE_FLOW_RIBBON_BYPRODUCT) != byproduct
                || !ribbon_in_view (p, r))
              continue;
            ribbon_path (cr, r, 0.0, 1.0);
            any = TRUE;
          }
        if (!any)
          continue;
        lode_cairo_set_rgba (cr, lode_rgba_with_alpha (c, a * c.a));
        lode_span_fill (p->fill, cr);

        for (guint q = 0; q < n; q++)
          {
            const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);
            const LodeFlowCubic *t, *b;

            if (!is_stub (r) || (int) ribbon_emphasis (p, q) != e || skip (p, e)
                || (r->kind == LODE_FLOW_RIBBON_BYPRODUCT) != byproduct
                || r->width < STUB_EDGE_MIN_WIDTH || !ribbon_in_view (p, r))
              continue;
            t = &r->segments[0].top;
            b = &r->segments[0].bottom;
            cairo_move_to (cr, t->x0, t->y0);
            cairo_curve_to (cr, t->x1, t->y1, t->x2, t->y2, t->x3, t->y3);
            cairo_move_to (cr, b->x0, b->y0);
            cairo_curve_to (cr, b->x1, b->y1, b->x2, b->y2, b->x3, b->y3);
            edged = TRUE;
          }
        if (edged)
          {
            double ea = MIN (1.0, STUB_EDGE_ALPHA * a / STUB_ALPHA);

            lode_cairo_set_rgba (cr, lode_rgba_with_alpha (c, ea * c.a));
            cairo_stroke (cr);
          }
      }
  cairo_restore (cr);
}

static void
paint_loops (const Paint          *p,
             const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;
  guint n = lode_flow_layout_get_n_ribbons (layout);

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);   /* as for the ribbons */
  for (guint q = 0; q < n; q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);
      LodeFlowEmphasis emphasis = ribbon_emphasis (p, q);
      const LodeFlowSegment *mid;
      double y, xa, xb, size;
      LodeRgba fg;

      if (r->kind != LODE_FLOW_RIBBON_RECYCLING || r->n_segments < 5 || skip (p, emphasis)
          || !ribbon_in_view (p, r))
        continue;
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (ribbon_colour (p, layout, r),
                                                     MIN (ribbon_alpha (p, emphasis) + 0.15,
                                                          0.95)));
      ribbon_path (cr, r, 0.0, 1.0);
      lode_span_fill (p->fill, cr);

      /* Chevrons along the bottom run show the direction: back towards metal making. */
      mid = &r->segments[4];
      y = (mid->top.y0 + mid->bottom.y0) / 2;
      xa = MAX (mid->top.x0, mid->top.x3);
      xb = MIN (mid->top.x0, mid->top.x3);
      size = CLAMP (r->width * 0.35, 1.5 * p->fs, 5.0 * p->fs);
      fg = p->palette->background;
      fg.a = emphasis == LODE_FLOW_EMPHASIS_DIM ? 0.3 : 0.9;
      lode_cairo_set_rgba (cr, fg);
      cairo_set_line_width (cr, MAX (1.0, MIN (r->width * 0.18, 1.6 * p->fs)));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (double x = xb + (xa - xb) * 0.25; x < xa - size; x += (xa - xb) * 0.25)
        {
          if (r->width < 3.0)
            break;
          cairo_move_to (cr, x + size, y - size);
          cairo_line_to (cr, x, y);
          cairo_line_to (cr, x + size, y + size);
        }
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
  cairo_restore (cr);
}

static void
paint_nodes (const Paint          *p,
             const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;
  guint n = lode_flow_layout_get_n_nodes (layout);

  for (guint q = 0; q < n; q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
      const LodeFlowRect *r = &node->rect;
      LodeFlowEmphasis emphasis = node_emphasis (p, q);
      LodeRgba c;

      /* The selection ring reaches 2.5 px (at font scale 1) beyond the node: in the margin. */
      if (!node->visible || skip (p, emphasis) || !rect_in_view (p, r))
        continue;
      c = lode_palette_region (p->palette, node->region);
      c.a = emphasis == LODE_FLOW_EMPHASIS_DIM ? 0.3 : 1.0;
      lode_cairo_set_rgba (cr, c);
      lode_cairo_rounded_rect (cr, r->x, r->y, r->width, r->height, 2.0);
      cairo_fill (cr);
      if (p->highlight != NULL && lode_flow_highlight_get_selected_node (p->highlight) == (int) q)
        {
          double o = 2.5 * p->fs;

          lode_cairo_set_rgba (cr, p->palette->accent);
          cairo_set_line_width (cr, 2.0 * p->fs);
          lode_cairo_rounded_rect (cr, r->x - o, r->y - o, r->width + 2 * o, r->height + 2 * o,
                                   3.0 * p->fs);
          cairo_stroke (cr);
        }
    }
}

static void
paint_labels (const Paint          *p,
              const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;
  guint n = lode_flow_layout_get_n_nodes (layout);

  for (guint q = 0; q < n; q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);
      const LodeFlowLabel *l = &node->label;
      LodeFlowEmphasis emphasis = node_emphasis (p, q);
      double alpha = text_alpha (emphasis);
      double x;

      if (!node->visible || l->level == LODE_FLOW_LABEL_HIDDEN || skip (p, emphasis))
        continue;
      if (!rect_in_view (p, &l->rect)
          && (!l->has_leader || !in_view (p, MIN (l->leader_x0, l->leader_x1),
                                          MIN (l->leader_y0, l->leader_y1),
                                          MAX (l->leader_x0, l->leader_x1),
                                          MAX (l->leader_y0, l->leader_y1))))
        continue;
      if (l->pill)
        {
          LodeRgba bg = p->palette->background;

          bg.a = MIN (bg.a, 0.8);
          lode_cairo_set_rgba (cr, bg);
          lode_cairo_rounded_rect (cr, l->backing.x, l->backing.y, l->backing.width,
                                   l->backing.height, 4 * p->fs);
          cairo_fill (cr);
        }
      if (l->has_leader)
        {
          lode_cairo_set_rgba (cr, lode_rgba_with_alpha (p->palette->muted, 0.55 * alpha));
          cairo_set_line_width (cr, 1.0 * MAX (p->fs, 0.75));
          cairo_move_to (cr, l->leader_x0, l->leader_y0);
          cairo_line_to (cr, l->leader_x1, l->leader_y1);
          cairo_stroke (cr);
        }
      x = l->rect.x + l->align * l->rect.width;
      lode_text_draw (cr, l->name, x, l->rect.y, l->name_size, LODE_TEXT_BOLD, l->align,
                      lode_rgba_with_alpha (p->palette->foreground,
                                            p->palette->foreground.a * alpha));
      if (l->detail[0] != '\0')
        lode_text_draw (cr, l->detail, x, l->rect.y + l->name_height, l->detail_size,
                        LODE_TEXT_NORMAL, l->align,
                        lode_rgba_with_alpha (p->palette->muted, p->palette->muted.a * alpha));
      if (l->shortfall[0] != '\0')
        lode_text_draw (cr, l->shortfall, x, l->rect.y + l->name_height + l->detail_height,
                        l->detail_size, LODE_TEXT_BOLD, l->align,
                        lode_rgba_with_alpha (p->palette->warning,
                                              p->palette->warning.a * alpha));
    }
}

static void
warning_triangle (cairo_t  *cr,
                  double    x,
                  double    y,
                  double    size,
                  LodeRgba  colour,
                  LodeRgba  mark)
{
  cairo_move_to (cr, x + size / 2, y);
  cairo_line_to (cr, x + size, y + size * 0.9);
  cairo_line_to (cr, x, y + size * 0.9);
  cairo_close_path (cr);
  lode_cairo_set_rgba (cr, colour);
  cairo_fill (cr);
  lode_cairo_set_rgba (cr, mark);
  cairo_set_line_width (cr, size * 0.12);
  cairo_move_to (cr, x + size / 2, y + size * 0.3);
  cairo_line_to (cr, x + size / 2, y + size * 0.58);
  cairo_stroke (cr);
  cairo_arc (cr, x + size / 2, y + size * 0.73, size * 0.06, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
paint_bands (const Paint          *p,
             const LodeFlowLayout *layout)
{
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowHeader *h = lode_flow_layout_get_header (layout, c);

      if (!h->bottleneck || !rect_in_view (p, &h->band))
        continue;
      lode_cairo_set_rgba (p->cr, lode_rgba_with_alpha (p->palette->warning,
                                                        p->palette->dark ? 0.12 : 0.08));
      lode_cairo_rounded_rect (p->cr, h->band.x, h->band.y, h->band.width, h->band.height,
                               8 * p->fs);
      cairo_fill (p->cr);
    }
}

static void
paint_headers (const Paint          *p,
               const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;

  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowHeader *h = lode_flow_layout_get_header (layout, c);

      if (h->title[0] == '\0'
          || (!rect_in_view (p, &h->title_rect) && !rect_in_view (p, &h->unit_rect)
              && !(h->bottleneck && rect_in_view (p, &h->badge_rect))))
        continue;
      lode_text_draw (cr, h->title, h->title_rect.x, h->title_rect.y, h->title_size,
                      LODE_TEXT_BOLD, 0.0, p->palette->foreground);
      lode_text_draw (cr, h->unit, h->unit_rect.x, h->unit_rect.y, h->unit_size,
                      LODE_TEXT_NORMAL, 0.0, p->palette->muted);
      if (h->bottleneck && h->badge_rect.width > 0)
        {
          const LodeFlowRect *b = &h->badge_rect;

          lode_cairo_set_rgba (cr, lode_rgba_with_alpha (p->palette->warning, 0.16));
          lode_cairo_rounded_rect (cr, b->x, b->y, b->width, b->height, b->height / 2);
          cairo_fill (cr);
          warning_triangle (cr, h->badge_icon.x, h->badge_icon.y, h->badge_icon.width,
                            p->palette->warning, p->palette->background);
          lode_text_draw (cr, h->badge, h->badge_text_rect.x, h->badge_text_rect.y,
                          h->badge_size, LODE_TEXT_BOLD, 0.0, p->palette->warning);
        }
    }
}

static void
paint_captions (const Paint          *p,
                const LodeFlowLayout *layout)
{
  for (guint k = 0; k < lode_flow_layout_get_n_captions (layout); k++)
    {
      const LodeFlowCaption *cap = lode_flow_layout_get_caption (layout, k);

      if (!rect_in_view (p, &cap->rect))
        continue;
      lode_text_draw (p->cr, cap->text, cap->rect.x, cap->rect.y, cap->size, LODE_TEXT_NORMAL,
                      0.0, cap->muted ? p->palette->muted : p->palette->foreground);
    }
}

static void
paint_legend (const Paint          *p,
              const LodeFlowLayout *layout)
{
  cairo_t *cr = p->cr;

  for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
    {
      const LodeFlowLegendItem *item = lode_flow_layout_get_legend_item (layout, k);
      const LodeFlowRect *s = &item->swatch;

      if (!rect_in_view (p, &item->text_rect) && !rect_in_view (p, s))
        continue;
      switch (item->kind)
        {
        case LODE_FLOW_LEGEND_REGION:
          lode_cairo_set_rgba (cr, lode_palette_region (p->palette, item->region));
          lode_cairo_rounded_rect (cr, s->x, s->y, s->width, s->height, 2.5 * p->fs);
          cairo_fill (cr);
          break;
        case LODE_FLOW_LEGEND_CHINA_CONTENT:
          cairo_save (cr);
          {
            cairo_pattern_t *pattern = hatch_pattern (p, 1.6, NULL);

            lode_cairo_set_rgba (cr, lode_rgba_with_alpha (p->palette->muted, 0.25));
            lode_cairo_rounded_rect (cr, s->x, s->y, s->width, s->height, 2.5 * p->fs);
            cairo_fill_preserve (cr);
            cairo_set_source (cr, pattern);
            cairo_fill (cr);
            cairo_pattern_destroy (pattern);
          }
          cairo_restore (cr);
          break;
        case LODE_FLOW_LEGEND_RECYCLING:
          {
            double cx = s->x + s->width / 2, cy = s->y + s->height / 2, rad = s->width * 0.36;

            lode_cairo_set_rgba (cr, p->palette->muted);
            cairo_set_line_width (cr, 2.0 * p->fs);
            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, rad, -G_PI * 0.35, G_PI * 1.35);
            cairo_stroke (cr);
            cairo_move_to (cr, cx + rad * cos (-G_PI * 0.35) - 2.5 * p->fs,
                           cy + rad * sin (-G_PI * 0.35) - 2.0 * p->fs);
            cairo_line_to (cr, cx + rad * cos (-G_PI * 0.35) + 1.0 * p->fs,
                           cy + rad * sin (-G_PI * 0.35) + 0.5 * p->fs);
            cairo_line_to (cr, cx + rad * cos (-G_PI * 0.35) - 3.0 * p->fs,
                           cy + rad * sin (-G_PI * 0.35) + 2.5 * p->fs);
            cairo_stroke (cr);
          }
          break;
        case LODE_FLOW_LEGEND_LOSS:
        case LODE_FLOW_LEGEND_BYPRODUCT:
          {
            LodeRgba c = item->kind == LODE_FLOW_LEGEND_LOSS ? p->palette->muted
                                                             : p->palette->foreground;
            double h = item->kind == LODE_FLOW_LEGEND_LOSS ? s->height * 0.6 : 3.0 * p->fs;
            double y = s->y + (s->height - h) / 2;
            double a = STUB_ALPHA;

            /* As drawn: a flat light tint, with the stub's solid edges when it is wide. */
            lode_cairo_set_rgba (cr, lode_rgba_with_alpha (c, a * c.a));
            cairo_rectangle (cr, s->x, y, s->width, h);
            cairo_fill (cr);
            if (item->kind == LODE_FLOW_LEGEND_LOSS)
              {
                double lw = 1.0 * MAX (p->fs, 0.75);

                lode_cairo_set_rgba (cr, lode_rgba_with_alpha (c, STUB_EDGE_ALPHA * c.a));
                cairo_rectangle (cr, s->x, y, s->width, lw);
                cairo_rectangle (cr, s->x, y + h - lw, s->width, lw);
                cairo_fill (cr);
              }
          }
          break;
        case LODE_FLOW_LEGEND_NOTE:
        default:
          break;
        }
      lode_text_draw (cr, item->text, item->text_rect.x, item->text_rect.y, item->size,
                      item->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL, 0.0,
                      item->bold ? p->palette->foreground : p->palette->muted);
    }
}

typedef struct
{
  const LodeFlowLayout *layout;
  const LodePalette    *palette;
  const LodeRgba       *ribbon_colours;
} PaintJob;

static void
paint_layout (cairo_t       *cr,
              gconstpointer  data)
{
  const PaintJob *job = data;
  const LodeFlowLayout *layout = job->layout;
  const LodePalette *palette = job->palette;
  Paint p = paint_init (cr, layout, palette, NULL);

  p.ribbon_colours = job->ribbon_colours;
  p.fill = lode_span_fill_new (cr);
  cairo_save (cr);
  if (palette->background.a > 0)
    {
      lode_cairo_set_rgba (cr, palette->background);
      cairo_rectangle (cr, 0, 0, lode_flow_layout_get_width (layout),
                       lode_flow_layout_get_height (layout));
      cairo_fill (cr);
    }
  paint_bands (&p, layout);
  paint_flows (&p, layout);
  paint_stubs (&p, layout);
  paint_loops (&p, layout);
  paint_nodes (&p, layout);
  paint_labels (&p, layout);
  paint_headers (&p, layout);
  paint_captions (&p, layout);
  paint_legend (&p, layout);
  cairo_restore (cr);
  lode_span_fill_free (p.fill);
}

/* What painting each band of the height costs, for cutting the strips, in rows of a ribbon:
 * measured with callgrind, a row of a ribbon costs about 2,800 instructions (cairo fills row
 * by row, a pixman call or three each) and as much again for every COST_ROW_PIXELS pixels it
 * covers, a line of text about 150,000 and a row of the image (the background, headers) a few
 * hundred. The ribbons crowd the lower middle of the diagram: at 1920×1080 (Baseline, 2026)
 * four strips of equal height cost 4.5, 9.2, 41.8 and 19.7 M instructions, two cut by this
 * estimate 38.9 and 35.3 M. */
#define COST_BANDS      64
#define COST_ROW_PIXELS 1500.0
#define COST_TEXT_ROWS  50.0
#define COST_IMAGE_ROW  0.25

static void
add_cost (double *cost,
          double  height,
          double  y0,
          double  y1,
          double  per_row)
{
  double band = height / COST_BANDS;

  for (int i = CLAMP ((int) (y0 / band), 0, COST_BANDS - 1); i < COST_BANDS; i++)
    {
      double a = MAX (y0, i * band), b = MIN (y1, (i + 1) * band);

      if (a >= y1)
        break;
      if (b > a)
        cost[i] += (b - a) * per_row;
    }
}

static void
add_text_cost (double             *cost,
               double              height,
               const LodeFlowRect *r,
               int                 lines)
{
  double y = r->y + r->height / 2;

  add_cost (cost, height, y - 0.5, y + 0.5, COST_TEXT_ROWS * lines);
}

static void
strip_cost (const LodeFlowLayout *layout,
            double               *cost)
{
  double height = lode_flow_layout_get_height (layout);

  for (int i = 0; i < COST_BANDS; i++)
    cost[i] = COST_IMAGE_ROW * height / COST_BANDS;
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);
      double x0, y0, x1, y1;

      ribbon_hull (r, &x0, &y0, &x1, &y1);
      if (y1 > y0)
        add_cost (cost, height, y0, y1,
                  1.0 + (x1 - x0) * r->width / (y1 - y0) / COST_ROW_PIXELS);
    }
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (node->visible && node->label.level != LODE_FLOW_LABEL_HIDDEN)
        add_text_cost (cost, height, &node->label.rect, 1 + (node->label.detail[0] != '\0') +
                                                        (node->label.shortfall[0] != '\0'));
    }
  for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
    add_text_cost (cost, height, &lode_flow_layout_get_legend_item (layout, k)->text_rect, 1);
  for (guint k = 0; k < lode_flow_layout_get_n_captions (layout); k++)
    add_text_cost (cost, height, &lode_flow_layout_get_caption (layout, k)->rect, 1);
}

void
lode_flow_paint (cairo_t              *cr,
                 const LodeFlowLayout *layout,
                 const LodePalette    *palette)
{
  lode_flow_paint_with_colours (cr, layout, palette, NULL);
}

void
lode_flow_paint_with_colours (cairo_t              *cr,
                              const LodeFlowLayout *layout,
                              const LodePalette    *palette,
                              const LodeRgba       *ribbon_colours)
{
  PaintJob job = { layout, palette, ribbon_colours };
  double cost[COST_BANDS];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  /* A large image (exports, benchmarks) is painted on both cores. */
  strip_cost (layout, cost);
  if (!lode_flow_paint_strips (cr, lode_flow_layout_get_width (layout),
                               lode_flow_layout_get_height (layout), cost, COST_BANDS,
                               paint_layout, &job))
    paint_layout (cr, &job);
}

void
lode_flow_paint_in_one_piece (cairo_t              *cr,
                              const LodeFlowLayout *layout,
                              const LodePalette    *palette)
{
  PaintJob job = { layout, palette, NULL };

  paint_layout (cr, &job);
}

void
lode_flow_paint_highlight (cairo_t                 *cr,
                           const LodeFlowLayout    *layout,
                           const LodeFlowHighlight *highlight,
                           const LodePalette       *palette)
{
  Paint p;
  LodeFlowRect area;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (highlight != NULL);
  g_return_if_fail (palette != NULL);

  if (lode_flow_highlight_is_empty (highlight))
    return;
  p = paint_init (cr, layout, palette, highlight);
  p.fill = lode_span_fill_new (cr);
  cairo_save (cr);
  /* Dim everything in the diagram, then draw what is highlighted over the veil. */
  lode_flow_layout_get_diagram_area (layout, &area);
  lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->background,
                                                 palette->background.a * HIGHLIGHT_VEIL));
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_fill (cr);
  paint_flows (&p, layout);
  paint_stubs (&p, layout);
  paint_loops (&p, layout);
  paint_nodes (&p, layout);
  paint_labels (&p, layout);
  cairo_restore (cr);
  lode_span_fill_free (p.fill);
}
