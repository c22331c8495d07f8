/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-span-fill.c — Cairo's fast-antialiased fills, pixel for pixel, without its per-row
 * cost. What Cairo 1.16 does (cairo-path-fill.c, cairo-spline.c, cairo-polygon.c,
 * cairo-spans-compositor.c, cairo-tor22-scan-converter.c), and so what this file does:
 *
 * 1. The path (cairo_copy_path(): Cairo's own, in 24.8 fixed point once mapped back to the
 *    device) is flattened as Cairo flattens it: each cubic halved in fixed point until its
 *    control points lie within the tolerance of the chord.
 * 2. Each segment becomes an edge, horizontal ones dropped. When the path's box (its
 *    bounds, curves measured exactly, rounded out to pixels) does not lie within the clip,
 *    edges are cut to the rows of box ∩ clip.
 * 3. Pixels are blended only within the clip, the path's box and the box of the edges (each
 *    edge's ends, or where it was cut; rounded out to pixels).
 * 4. The edges' ends are snapped down to a grid of quarter pixels (the fixed-point value
 *    shifted right by 6). Each quarter-pixel row y is sampled: an edge from (x1, y1) to
 *    (x2, y2) crosses it at x1 + floor ((y − y1) · (x2 − x1) / (y2 − y1)) for y1 ≤ y < y2, and
 *    a quarter-pixel column x is covered where the winding number of the edges crossing at
 *    or left of x passes the fill rule.
 * 5. The covered columns of a pixel row's four grid rows are blended (lode-span-blend.c).
 *
 * Cairo takes other routes for paths it can fill as boxes (all edges horizontal or vertical)
 * and splits an edge that leaves the clip's columns; this filler leaves both to Cairo, and
 * transformations that rotate or shear. */

#define G_LOG_DOMAIN "lode-span-fill"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-span-fill.h"
#include "lode-span-fill-private.h"

/* Grid steps per pixel, each way, and the fixed-point bits below a grid step (24.8 → 1/4). */
#define GRID       LODE_SPAN_GRID
#define GRID_SHIFT 6

/* Device coordinates beyond this are left to Cairo (24.8 fixed point ends at ±8,388,607). */
#define COORD_MAX 1e6

/* An edge as Cairo's polygon holds it: 24.8 fixed point, top to bottom. */
typedef struct
{
  int x1, y1, x2, y2;
  int dir;      /* +1 drawn downwards, −1 upwards */
} Line;

/* An edge on the sampling grid, stepped from row to row. */
typedef struct
{
  int top;      /* first grid row it crosses, clipped */
  int bottom;   /* the row after its last, clipped */
  int dir;
  int x;        /* where it crosses the current row (grid columns, floored) */
  int rem;      /* the remainder of that, minus dy */
  int step;     /* floor (dx / dy) */
  int step_rem; /* dx − step · dy */
  int dy;
} Edge;

/* A rectangle of whole pixels, [x1, x2) × [y1, y2). */
typedef struct
{
  int x1, y1, x2, y2;
} Box;

struct _LodeSpanFill
{
  cairo_surface_t *target;
  guint8          *data;
  int              stride;
  double           device_sx, device_sy, device_ox, device_oy;
  /* The pixels a fill may touch: the target's, within the clip. */
  Box              clip;

  /* Scratch, kept from one fill to the next. */
  Line            *lines;
  Edge            *edges;
  Edge           **order;     /* the edges by their first grid row */
  Edge           **active;    /* the edges crossing the current grid row, by x */
  int             *counts;    /* per grid row of the clip, for ordering the edges */
  guint            max_lines;
  gboolean         slanted;   /* a line of the path is neither horizontal nor vertical */
  LodeSpan        *spans;     /* the current pixel row's, of its four grid rows */
  guint32         *events;

  /* The last solid colour asked for, as a source. */
  double           rgba[4];
  LodeSpanSource   solid;
};

static gboolean
cairo_is_1_16 (void)
{
  int v = cairo_version ();

  return v >= CAIRO_VERSION_ENCODE (1, 16, 0) && v < CAIRO_VERSION_ENCODE (1, 17, 0);
}

LodeSpanFill *
lode_span_fill_new (cairo_t *cr)
{
  cairo_surface_t *target;
  cairo_rectangle_list_t *clip;
  LodeSpanFill *self;
  int width, height;
  gboolean ok = TRUE;
  int cx0 = 0, cy0 = 0, cx1 = G_MAXINT, cy1 = G_MAXINT;

  g_return_val_if_fail (cr != NULL, NULL);

  target = cairo_get_target (cr);
  if (!cairo_is_1_16 () || cairo_status (cr) != CAIRO_STATUS_SUCCESS
      || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE
      || cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32
      || cairo_get_group_target (cr) != target)
    return NULL;

  self = g_new0 (LodeSpanFill, 1);
  cairo_surface_get_device_scale (target, &self->device_sx, &self->device_sy);
  cairo_surface_get_device_offset (target, &self->device_ox, &self->device_oy);

  /* The clip, in device pixels: none, or one rectangle on whole pixels. */
  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    ok = FALSE;
  else
    {
      const cairo_rectangle_t *r = &clip->rectangles[0];
      double xa = r->x, ya = r->y, xb = r->x + r->width, yb = r->y + r->height;

      cairo_user_to_device (cr, &xa, &ya);
      cairo_user_to_device (cr, &xb, &yb);
      if (xa != floor (xa) || ya != floor (ya) || xb != floor (xb) || yb != floor (yb)
          || fabs (xa) > COORD_MAX || fabs (ya) > COORD_MAX || fabs (xb) > COORD_MAX
          || fabs (yb) > COORD_MAX)
        ok = FALSE;
      else
        {
          cx0 = (int) MIN (xa, xb);
          cy0 = (int) MIN (ya, yb);
          cx1 = (int) MAX (xa, xb);
          cy1 = (int) MAX (ya, yb);
        }
    }
  cairo_rectangle_list_destroy (clip);

  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  self->clip.x1 = MAX (cx0, 0);
  self->clip.y1 = MAX (cy0, 0);
  self->clip.x2 = MIN (cx1, width);
  self->clip.y2 = MIN (cy1, height);
  if (!ok || self->clip.x1 >= self->clip.x2 || self->clip.y1 >= self->clip.y2)
    {
      g_free (self);
      return NULL;
    }

  /* Cairo may not hold pixels of its own any more, and must not think the surface clear:
   * it would then replace instead of blend on its next fill. */
  cairo_surface_flush (target);
  cairo_surface_mark_dirty (target);
  self->target = cairo_surface_reference (target);
  self->data = cairo_image_surface_get_data (target);
  self->counts = g_new (int, (self->clip.y2 - self->clip.y1) * GRID + 1);
  self->stride = cairo_image_surface_get_stride (target);
  self->rgba[3] = -1;
  return self;
}

void
lode_span_fill_free (LodeSpanFill *self)
{
  if (self == NULL)
    return;
  cairo_surface_mark_dirty (self->target);
  cairo_surface_destroy (self->target);
  g_free (self->lines);
  g_free (self->edges);
  g_free (self->order);
  g_free (self->active);
  g_free (self->counts);
  g_free (self->spans);
  g_free (self->events);
  g_free (self);
}

/* Cairo's colour for a solid source: 16-bit premultiplied channels (rounded), of which pixman
 * keeps the upper 8 bits. */
static guint32
solid_pixel (const double rgba[4])
{
  double a = CLAMP (rgba[3], 0.0, 1.0);
  guint32 pixel = (guint32) ((guint16) (a * 65535.0 + 0.5) >> 8) << 24;

  for (int c = 0; c < 3; c++)
    {
      double v = CLAMP (rgba[c], 0.0, 1.0) * a;

      pixel |= (guint32) ((guint16) (v * 65535.0 + 0.5) >> 8) << (16 - 8 * c);
    }
  return pixel;
}

/* The source as pixels: a solid colour, or a repeating ARGB32 image that lands on whole
 * device pixels unscaled. FALSE for any other. */
static gboolean
get_source (LodeSpanFill *self,
            cairo_t      *cr,
            LodeSpanSource *src)
{
  cairo_pattern_t *pattern = cairo_get_source (cr);
  cairo_surface_t *image;
  cairo_matrix_t ctm, m, device;
  double rgba[4];

  memset (src, 0, sizeof *src);
  switch (cairo_pattern_get_type (pattern))
    {
    case CAIRO_PATTERN_TYPE_SOLID:
      cairo_pattern_get_rgba (pattern, &rgba[0], &rgba[1], &rgba[2], &rgba[3]);
      if (memcmp (rgba, self->rgba, sizeof rgba) != 0)
        {
          memcpy (self->rgba, rgba, sizeof rgba);
          lode_span_source_set_solid (&self->solid, solid_pixel (rgba));
        }
      *src = self->solid;
      return TRUE;

    case CAIRO_PATTERN_TYPE_SURFACE:
      if (cairo_pattern_get_extend (pattern) != CAIRO_EXTEND_REPEAT
          || cairo_pattern_get_surface (pattern, &image) != CAIRO_STATUS_SUCCESS
          || cairo_surface_get_type (image) != CAIRO_SURFACE_TYPE_IMAGE
          || cairo_image_surface_get_format (image) != CAIRO_FORMAT_ARGB32
          || cairo_image_surface_get_width (image) <= 0
          || cairo_image_surface_get_height (image) <= 0)
        return FALSE;
      /* Device space to the pattern's, multiplied as Cairo does: the pattern's matrix after
       * the inverse of the user-space matrix and of the device transform. */
      cairo_pattern_get_matrix (pattern, &m);
      cairo_get_matrix (cr, &ctm);
      if (cairo_matrix_invert (&ctm) != CAIRO_STATUS_SUCCESS)
        return FALSE;
      cairo_matrix_multiply (&m, &ctm, &m);
      cairo_matrix_init (&device, 1.0 / self->device_sx, 0, 0, 1.0 / self->device_sy,
                         -self->device_ox / self->device_sx, -self->device_oy / self->device_sy);
      if (self->device_sx != 1 || self->device_sy != 1 || self->device_ox != 0
          || self->device_oy != 0)
        cairo_matrix_multiply (&m, &device, &m);
      /* Cairo samples such a pattern at whole offsets only when they are exact. */
      if (m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0 || fabs (m.x0) > COORD_MAX
          || fabs (m.y0) > COORD_MAX || m.x0 != floor (m.x0) || m.y0 != floor (m.y0))
        return FALSE;
      cairo_surface_flush (image);
      src->data = (const guint32 *) cairo_image_surface_get_data (image);
      src->width = cairo_image_surface_get_width (image);
      src->height = cairo_image_surface_get_height (image);
      src->stride = cairo_image_surface_get_stride (image) / 4;
      src->dx = (int) round (m.x0);
      src->dy = (int) round (m.y0);
      return src->data != NULL;

    case CAIRO_PATTERN_TYPE_LINEAR:
    case CAIRO_PATTERN_TYPE_RADIAL:
    case CAIRO_PATTERN_TYPE_MESH:
    case CAIRO_PATTERN_TYPE_RASTER_SOURCE:
    default:
      return FALSE;
    }
}

/* Floor of a / b and its remainder, for b > 0. */
static void
floor_divrem (gint64  a,
              int     b,
              int    *quo,
              int    *rem)
{
  gint64 q = a / b, r = a % b;

  if (r < 0)
    {
      q--;
      r += b;
    }
  *quo = (int) q;
  *rem = (int) r;
}

static int
fixed_floor (int f)
{
  return f >> 8;   /* an arithmetic shift, as Cairo's own */
}

static int
fixed_ceil (int f)
{
  return -(-f >> 8);
}

static gboolean
box_intersect (Box       *a,
               const Box *b)
{
  a->x1 = MAX (a->x1, b->x1);
  a->y1 = MAX (a->y1, b->y1);
  a->x2 = MIN (a->x2, b->x2);
  a->y2 = MIN (a->y2, b->y2);
  return a->x1 < a->x2 && a->y1 < a->y2;
}

/* Where the line crosses y, as Cairo computes it (the quotient truncated). */
static int
x_for_y (const Line *l,
         int         y)
{
  if (y == l->y1)
    return l->x1;
  if (y == l->y2)
    return l->x2;
  return l->x1 + (int) ((gint64) (y - l->y1) * (l->x2 - l->x1) / (l->y2 - l->y1));
}

/* The path's box as Cairo keeps it (curves bounded exactly), in device pixels rounded out.
 * FALSE when it is empty. */
static gboolean
path_box (LodeSpanFill         *self,
          cairo_t              *cr,
          const cairo_matrix_t *m,
          Box                  *box)
{
  double x1, y1, x2, y2;
  int fx1, fy1, fx2, fy2;

  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  fx1 = (int) floor ((m->xx * x1 + m->x0) * 256.0 + 0.5);
  fx2 = (int) floor ((m->xx * x2 + m->x0) * 256.0 + 0.5);
  fy1 = (int) floor ((m->yy * y1 + m->y0) * 256.0 + 0.5);
  fy2 = (int) floor ((m->yy * y2 + m->y0) * 256.0 + 0.5);
  box->x1 = fixed_floor (MIN (fx1, fx2));
  box->x2 = fixed_ceil (MAX (fx1, fx2));
  box->y1 = fixed_floor (MIN (fy1, fy2));
  box->y2 = fixed_ceil (MAX (fy1, fy2));
  return fx1 != fx2 && fy1 != fy2;
}

static void
add_line (LodeSpanFill *self,
          guint        *n,
          int           x1,
          int           y1,
          int           x2,
          int           y2)
{
  Line *l;

  if (x1 != x2 && y1 != y2)
    self->slanted = TRUE;
  /* Horizontal in fixed point: Cairo drops it before anything else. */
  if (y1 == y2)
    return;
  if (*n == self->max_lines)
    {
      self->max_lines = MAX (64, self->max_lines * 2);
      self->lines = g_renew (Line, self->lines, self->max_lines);
      self->edges = g_renew (Edge, self->edges, self->max_lines);
      self->order = g_renew (Edge *, self->order, self->max_lines);
      self->active = g_renew (Edge *, self->active, self->max_lines);
      /* A grid row has at most one span per two active edges; a span makes four events, and
       * merging them needs as many again. */
      self->spans = g_renew (LodeSpan, self->spans, 2 * self->max_lines + GRID);
      self->events = g_renew (guint32, self->events, 16 * self->max_lines + 8 * GRID);
    }
  l = &self->lines[(*n)++];
  if (y1 < y2)
    *l = (Line) { x1, y1, x2, y2, 1 };
  else
    *l = (Line) { x2, y2, x1, y1, -1 };
}

/* A point in 24.8 fixed point. */
typedef struct
{
  int x, y;
} Point;

/* Cairo's flattening of a cubic, step for step (cairo-spline.c): halve it (de Casteljau, in
 * fixed point, each midpoint rounded down) until its control points lie within the tolerance
 * of the chord, and emit each piece's start, skipping repeats, then the end. */
typedef struct
{
  LodeSpanFill *self;
  guint        *n_lines;
  Point         current;   /* the polygon's current point */
  Point         last;      /* the last point the spline emitted */
  double        tolerance_squared;
} Flattener;

static void
line_to (Flattener *f,
         Point      p)
{
  add_line (f->self, f->n_lines, f->current.x, f->current.y, p.x, p.y);
  f->current = p;
}

static Point
lerp_half (Point a,
           Point b)
{
  return (Point) { a.x + ((b.x - a.x) >> 1), a.y + ((b.y - a.y) >> 1) };
}

/* The squared distance of a control point (px, py from the start, in pixels) to the chord
 * (dx, dy, of squared length v), measured as Cairo measures it. */
static double
chord_error_squared (double px,
                     double py,
                     double dx,
                     double dy,
                     double v)
{
  double u = px * dx + py * dy;

  if (u <= 0)
    ;
  else if (u >= v)
    {
      px -= dx;
      py -= dy;
    }
  else
    {
      px -= u / v * dx;
      py -= u / v * dy;
    }
  return px * px + py * py;
}

static double
spline_error_squared (const Point k[4])
{
  double bdx = (k[1].x - k[0].x) / 256.0, bdy = (k[1].y - k[0].y) / 256.0;
  double cdx = (k[2].x - k[0].x) / 256.0, cdy = (k[2].y - k[0].y) / 256.0;
  double dx = (k[3].x - k[0].x) / 256.0, dy = (k[3].y - k[0].y) / 256.0;
  double berr, cerr;

  if (k[0].x != k[3].x || k[0].y != k[3].y)
    {
      berr = chord_error_squared (bdx, bdy, dx, dy, dx * dx + dy * dy);
      cerr = chord_error_squared (cdx, cdy, dx, dy, dx * dx + dy * dy);
    }
  else
    {
      berr = bdx * bdx + bdy * bdy;
      cerr = cdx * cdx + cdy * cdy;
    }
  return berr > cerr ? berr : cerr;
}

static void
decompose (Flattener *f,
           Point      k[4])
{
  Point ab, bc, cd, abbc, bccd, mid, second[4];

  if (spline_error_squared (k) < f->tolerance_squared)
    {
      if (k[0].x != f->last.x || k[0].y != f->last.y)
        {
          f->last = k[0];
          line_to (f, k[0]);
        }
      return;
    }
  ab = lerp_half (k[0], k[1]);
  bc = lerp_half (k[1], k[2]);
  cd = lerp_half (k[2], k[3]);
  abbc = lerp_half (ab, bc);
  bccd = lerp_half (bc, cd);
  mid = lerp_half (abbc, bccd);
  second[0] = mid;
  second[1] = bccd;
  second[2] = cd;
  second[3] = k[3];
  k[1] = ab;
  k[2] = abbc;
  k[3] = mid;
  decompose (f, k);
  decompose (f, second);
}

static void
curve_to (Flattener *f,
          Point      b,
          Point      c,
          Point      d)
{
  Point a = f->current, k[4] = { a, b, c, d };

  /* Cairo draws a line where both tangents vanish, or where it finds no tangent at one end. */
  if ((a.x == b.x && a.y == b.y && c.x == d.x && c.y == d.y)
      || ((a.x == b.x && a.y == b.y) && (a.x == c.x && a.y == c.y) && (a.x == d.x && a.y == d.y))
      || ((c.x == d.x && c.y == d.y) && (b.x == d.x && b.y == d.y)))
    {
      line_to (f, d);
      return;
    }
  f->last = a;
  decompose (f, k);
  line_to (f, d);
}

/* Device pixels in fixed point of a point in user space; FALSE when it is too far out. */
static gboolean
to_fixed (const cairo_matrix_t *m,
          const cairo_path_data_t *d,
          Point                *p)
{
  double x = m->xx * d->point.x + m->x0, y = m->yy * d->point.y + m->y0;

  if (!(fabs (x) < COORD_MAX && fabs (y) < COORD_MAX))
    return FALSE;
  p->x = (int) floor (x * 256.0 + 0.5);
  p->y = (int) floor (y * 256.0 + 0.5);
  return TRUE;
}

/* The polygon Cairo's fill makes of the path (cairo-path-fill.c): every segment of the
 * flattened path an edge, each subpath closed. FALSE when Cairo would take another route (see
 * the top of the file). */
static gboolean
build_lines (LodeSpanFill         *self,
             const cairo_path_t   *path,
             const cairo_matrix_t *m,
             double                tolerance,
             guint                *n_lines)
{
  Flattener f = { self, n_lines, { 0, 0 }, { 0, 0 }, tolerance * tolerance };
  Point first = { 0, 0 }, p[3];
  int xmin = self->clip.x1 * 256, xmax = self->clip.x2 * 256;

  *n_lines = 0;
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];
      int n_points = d->header.length - 1;

      for (int k = 0; k < n_points; k++)
        {
          if (!to_fixed (m, &d[k + 1], &p[k]))
            return FALSE;
          /* Cairo cuts an edge that leaves the clip's columns into pieces of its own; a
           * curve stays within its control points. */
          if (p[k].x < xmin || p[k].x > xmax)
            return FALSE;
        }
      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          line_to (&f, first);
          f.current = first = p[0];
          break;
        case CAIRO_PATH_LINE_TO:
          line_to (&f, p[0]);
          break;
        case CAIRO_PATH_CURVE_TO:
          curve_to (&f, p[0], p[1], p[2]);
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          line_to (&f, first);
          break;
        }
    }
  line_to (&f, first);
  return TRUE;
}

/* The box of the edges as Cairo's polygon grows it, each edge cut to the rows top … bottom
 * (fixed point): an end is taken where the edge is cut, and only when the edge's own end
 * lies outside the box so far. */
static void
grow_box (int        *box,
          const Line *l,
          int         top,
          int         bottom)
{
  box[1] = MIN (box[1], top);
  box[3] = MAX (box[3], bottom);
  if (l->x1 < box[0] || l->x1 > box[2])
    {
      int x = top != l->y1 ? x_for_y (l, top) : l->x1;

      box[0] = MIN (box[0], x);
      box[2] = MAX (box[2], x);
    }
  if (l->x2 < box[0] || l->x2 > box[2])
    {
      int x = bottom != l->y2 ? x_for_y (l, bottom) : l->x2;

      box[0] = MIN (box[0], x);
      box[2] = MAX (box[2], x);
    }
}

/* The pixels Cairo blends for these edges: within the clip and the path's box, where the
 * edges' own box lies. FALSE when that is none. */
static gboolean
blend_box (LodeSpanFill *self,
           guint         n_lines,
           const Box    *path,
           Box          *out)
{
  Box limits = self->clip;
  gboolean cut;
  int box[4] = { G_MAXINT32, G_MAXINT32, G_MININT32, G_MININT32 };

  /* Cairo cuts the edges to the rows of clip ∩ path box when the path's box leaves the
   * clip; else it keeps them whole. */
  cut = path->x1 < limits.x1 || path->y1 < limits.y1 || path->x2 > limits.x2
        || path->y2 > limits.y2;
  if (!box_intersect (&limits, path))
    return FALSE;
  for (guint k = 0; k < n_lines; k++)
    {
      const Line *l = &self->lines[k];

      if (!cut)
        grow_box (box, l, l->y1, l->y2);
      else if (l->y2 > limits.y1 * 256 && l->y1 < limits.y2 * 256)
        grow_box (box, l, MAX (l->y1, limits.y1 * 256), MIN (l->y2, limits.y2 * 256));
    }
  if (box[0] > box[2])
    return FALSE;
  *out = (Box) { fixed_floor (box[0]), fixed_floor (box[1]), fixed_ceil (box[2]),
                 fixed_ceil (box[3]) };
  return box_intersect (out, &limits);
}

/* The edges on the sampling grid, cut to the rows of `box`. */
static guint
build_edges (LodeSpanFill *self,
             guint         n_lines,
             const Box    *box)
{
  guint n = 0;

  for (guint k = 0; k < n_lines; k++)
    {
      const Line *l = &self->lines[k];
      int x1 = l->x1 >> GRID_SHIFT, y1 = l->y1 >> GRID_SHIFT;
      int x2 = l->x2 >> GRID_SHIFT, y2 = l->y2 >> GRID_SHIFT;
      int top = MAX (y1, box->y1 * GRID), bottom = MIN (y2, box->y2 * GRID);
      int dx = x2 - x1;
      Edge *e;

      if (y1 >= y2 || top >= bottom)
        continue;
      e = &self->edges[n++];
      e->top = top;
      e->bottom = bottom;
      e->dir = l->dir;
      e->dy = y2 - y1;
      if (dx == 0)
        {
          e->x = x1;
          e->rem = 0;
          e->step = e->step_rem = 0;
        }
      else
        {
          floor_divrem (dx, e->dy, &e->step, &e->step_rem);
          floor_divrem ((gint64) (top - y1) * dx, e->dy, &e->x, &e->rem);
          e->x += x1;
        }
      e->rem -= e->dy;   /* biased: the edge moves one column further when it reaches 0 */
    }
  return n;
}

/* The edges in order of their first grid row (a counting sort over the box's rows). */
static void
order_edges (LodeSpanFill *self,
             guint         n_edges,
             const Box    *box)
{
  int rows = (box->y2 - box->y1) * GRID, base = box->y1 * GRID, sum = 0;
  int *counts = self->counts;

  memset (counts, 0, sizeof (int) * (rows + 1));
  for (guint k = 0; k < n_edges; k++)
    counts[self->edges[k].top - base]++;
  for (int i = 0; i <= rows; i++)
    {
      int c = counts[i];

      counts[i] = sum;
      sum += c;
    }
  for (guint k = 0; k < n_edges; k++)
    self->order[counts[self->edges[k].top - base]++] = &self->edges[k];
}

/* Moves an edge down one grid row. */
static inline void
step (Edge *e)
{
  /* Branch-free: whether the remainder carries is as good as random. */
  int rem = e->rem + e->step_rem, carry = ~(rem >> 31);   /* all ones when rem >= 0 */

  e->x += e->step + (carry & 1);
  e->rem = rem - (carry & e->dy);
}

/* Grid columns [a, b) of a grid row, covered: the current pixel row's next span. Columns left
 * of the box still count for the pixels in it; columns right of it do not. */
static inline void
add_span (LodeSpanFill *self,
          const Box    *box,
          int           a,
          int           b,
          guint        *n_spans)
{
  a = MAX (a, box->x1 * GRID);
  b = MIN (b, box->x2 * GRID);
  if (a < b)
    self->spans[(*n_spans)++] = (LodeSpan) { a, b };
}

/* Samples grid row y: the active edges' crossings, in order, under the fill rule; then moves
 * every edge on to the next row, drops the ones that end and keeps the rest in order. */
static inline void
sample_row (LodeSpanFill *self,
            const Box    *box,
            guint        *n_active,
            int           y,
            unsigned      mask,
            guint        *n_spans)
{
  Edge **active = self->active;
  int winding = 0, start = 0;
  guint n = *n_active, kept = 0;

  /* Most rows of a band: two edges, in order. */
  if (n == 2)
    {
      Edge *e0 = active[0], *e1 = active[1];

      if (((e0->dir + e1->dir) & mask) == 0)
        add_span (self, box, e0->x, e1->x, n_spans);
      if (y + 1 < e0->bottom)
        {
          step (e0);
          active[kept++] = e0;
        }
      if (y + 1 < e1->bottom)
        {
          step (e1);
          if (kept == 1 && e0->x > e1->x)
            {
              active[0] = e1;
              active[1] = e0;
            }
          else
            active[kept] = e1;
          kept++;
        }
      *n_active = kept;
      return;
    }

  for (guint k = 0; k < n;)
    {
      int x = active[k]->x, before = winding;

      /* Crossings at the same column count together. */
      do
        winding += active[k++]->dir;
      while (k < n && active[k]->x == x);
      if ((before & mask) == 0 && (winding & mask) != 0)
        start = x;
      else if ((before & mask) != 0 && (winding & mask) == 0)
        add_span (self, box, start, x, n_spans);
    }

  for (guint k = 0; k < n; k++)
    {
      Edge *e = active[k];
      guint j;

      if (y + 1 >= e->bottom)
        continue;
      step (e);
      for (j = kept; j > 0 && active[j - 1]->x > e->x; j--)
        active[j] = active[j - 1];
      active[j] = e;
      kept++;
    }
  *n_active = kept;
}

/* Adds the edges that start on grid row y to the active ones, in order. */
static void
activate (LodeSpanFill *self,
          guint        *next,
          guint         n_edges,
          guint        *n_active,
          int           y)
{
  Edge **active = self->active;

  for (; *next < n_edges && self->order[*next]->top == y; (*next)++)
    {
      Edge *e = self->order[*next];
      guint j;

      for (j = *n_active; j > 0 && active[j - 1]->x > e->x; j--)
        active[j] = active[j - 1];
      active[j] = e;
      (*n_active)++;
    }
}

/* How many pixel rows from grid row y on are sampled exactly as the one above, which the same
 * edges crossed all through: when they are vertical, none ends in those rows and none starts
 * (Cairo fills such rows together too). */
static int
rows_alike (LodeSpanFill *self,
            guint         n_active,
            const Edge   *next,
            int           y,
            int           end)
{
  int rows = (MIN (end, next != NULL ? next->top : end) - y) / GRID;

  if (n_active == 0)
    return 0;
  for (guint k = 0; k < n_active && rows > 0; k++)
    {
      const Edge *e = self->active[k];

      if (e->step != 0 || e->step_rem != 0)
        return 0;
      rows = MIN (rows, (e->bottom - y) / GRID);
    }
  return MAX (rows, 0);
}

static void
scan (LodeSpanFill *self,
      guint         n_edges,
      const Box    *box,
      unsigned      mask,
      const LodeSpanSource *src)
{
  guint next = 0, n_active = 0;
  int y, end = 0;

  if (n_edges == 0)
    return;
  order_edges (self, n_edges, box);
  for (guint k = 0; k < n_edges; k++)
    end = MAX (end, self->edges[k].bottom);

  y = self->order[0]->top;
  while (y < end)
    {
      int row = y / GRID, row_end = (row + 1) * GRID;
      guint first[GRID + 1] = { 0 };
      /* The same edges crossed every grid row of this pixel row. */
      gboolean steady = y == row * GRID && row_end <= end;
      guint crossing = 0;

      for (int g = 0; g < GRID; g++)
        {
          int gy = row * GRID + g;

          first[g + 1] = first[g];
          if (gy < y || gy >= end)
            continue;
          if (next < n_edges && self->order[next]->top == gy)
            {
              activate (self, &next, n_edges, &n_active, gy);
              steady = steady && g == 0;
            }
          if (g == 0)
            crossing = n_active;
          sample_row (self, box, &n_active, gy, mask, &first[g + 1]);
          steady = steady && n_active == crossing;
        }
      y = MIN (row_end, end);
      if (first[GRID] > 0)
        {
          int alike = steady ? rows_alike (self, n_active,
                                           next < n_edges ? self->order[next] : NULL, y, end)
                             : 0;

          for (int k = 0; k <= alike; k++)
            lode_span_blend_row (self->data, self->stride, src, row + k, self->spans, first,
                                 self->events);
          if (alike > 0)
            {
              guint kept = 0;

              /* The edges that ended in the rows taken as alike, as sample_row() drops them. */
              y += alike * GRID;
              for (guint k = 0; k < n_active; k++)
                if (self->active[k]->bottom > y)
                  self->active[kept++] = self->active[k];
              n_active = kept;
            }
        }
      /* Nothing crosses the rows up to the next edge's first. */
      if (n_active == 0 && next < n_edges)
        y = MAX (y, self->order[next]->top);
      else if (n_active == 0)
        break;
    }
}

gboolean
lode_span_fill_try (LodeSpanFill *self,
                    cairo_t      *cr)
{
  cairo_path_t *path;
  cairo_matrix_t m;
  LodeSpanSource src;
  Box path_bounds, blend;
  guint n_lines = 0;
  gboolean ok;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (self == NULL || cairo_get_antialias (cr) != CAIRO_ANTIALIAS_FAST
      || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER || cairo_get_target (cr) != self->target
      || cairo_get_group_target (cr) != self->target)
    return FALSE;

  /* User space to device pixels: scaled and moved, never turned. */
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx == 0 || m.yy == 0 || !get_source (self, cr, &src))
    return FALSE;
  m.xx *= self->device_sx;
  m.x0 = m.x0 * self->device_sx + self->device_ox;
  m.yy *= self->device_sy;
  m.y0 = m.y0 * self->device_sy + self->device_oy;

  /* Cairo draws nothing for a path whose box is empty or outside the clip, on any route. */
  blend = self->clip;
  if (!path_box (self, cr, &m, &path_bounds) || !box_intersect (&blend, &path_bounds))
    {
      cairo_new_path (cr);
      return TRUE;
    }
  path = cairo_copy_path (cr);
  self->slanted = FALSE;
  ok = path->status == CAIRO_STATUS_SUCCESS
       && build_lines (self, path, &m, cairo_get_tolerance (cr), &n_lines)
       /* A path of horizontal and vertical lines only is filled as boxes, not sampled (and
        * one with curves is never one of those). */
       && self->slanted;
  cairo_path_destroy (path);
  if (!ok)
    return FALSE;
  cairo_new_path (cr);
  if (blend_box (self, n_lines, &path_bounds, &blend))
    scan (self, build_edges (self, n_lines, &blend), &blend,
          cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_WINDING ? ~0u : 1u, &src);
  return TRUE;
}

void
lode_span_fill (LodeSpanFill *self,
                cairo_t      *cr)
{
  if (!lode_span_fill_try (self, cr))
    cairo_fill (cr);
}
