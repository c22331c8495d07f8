/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Painting a large image on both cores. The target's rows are cut into strips, each a cairo
 * image surface over the same pixels; the caller and one worker thread take strips in turn
 * until none is left, each painting everything clipped to its strip's rows. The cost is far
 * from even down the diagram (labels, thin ribbons and the legend crowd its lower part), so
 * the caller estimates it band by band and the strips are cut to cost about as much each
 * (with strips of equal height, one of four cost half the paint alone). Cairo is
 * thread-safe across surfaces and the text caches are per thread (lode-text.c); a strip is
 * the image under an integer translation, so the pixels are those of one paint.
 */
#define G_LOG_DOMAIN "lode-flow-strips"

#include "config.h"

#include <math.h>

#include "lode-flow-layout-private.h"

/* Below this many device pixels a second thread costs more than it saves. */
#define STRIPS_MIN_PIXELS 400000
/* Strips per paint, one per core: cut by cost they even out the two threads' shares, and what
 * every strip repeats (flattening the ribbons that cross the cut, laying out text) stays
 * small. If the worker starts late, the caller takes its strip too. */
#define N_STRIPS          2

typedef struct
{
  cairo_surface_t        *target;
  cairo_matrix_t          matrix;       /* the caller's, in the target's device rows */
  cairo_antialias_t       antialias;
  double                  tolerance;
  cairo_rectangle_list_t *clip;         /* NULL: the whole target */
  LodeFlowStripFunc       func;
  gconstpointer           data;
  int                     rows[N_STRIPS + 1];
  int                     next;         /* the next strip to take, atomically */
  int                     ref_count;    /* the caller's and the worker's */

  GMutex                  lock;
  GCond                   cond;
  int                     done;         /* strips painted */
} Strips;

static void
strips_unref (Strips *s)
{
  if (!g_atomic_int_dec_and_test (&s->ref_count))
    return;
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_free (s);
}

static void
paint_strip (Strips *s,
             int     k)
{
  int stride = cairo_image_surface_get_stride (s->target);
  cairo_surface_t *surface;
  cairo_matrix_t matrix = s->matrix;
  cairo_t *cr;

  if (s->rows[k + 1] <= s->rows[k])
    return;
  surface = cairo_image_surface_create_for_data (cairo_image_surface_get_data (s->target)
                                                 + (gsize) s->rows[k] * stride,
                                                 cairo_image_surface_get_format (s->target),
                                                 cairo_image_surface_get_width (s->target),
                                                 s->rows[k + 1] - s->rows[k], stride);
  cr = cairo_create (surface);
  matrix.y0 -= s->rows[k];
  cairo_set_matrix (cr, &matrix);
  if (s->clip != NULL)
    {
      for (int i = 0; i < s->clip->num_rectangles; i++)
        {
          const cairo_rectangle_t *r = &s->clip->rectangles[i];

          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      cairo_clip (cr);
    }
  cairo_set_antialias (cr, s->antialias);
  cairo_set_tolerance (cr, s->tolerance);
  s->func (cr, s->data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

/* Paints strips until none is left to take. The caller waits for the strips, not for the
 * worker: on a busy machine the worker may start late, find nothing left and only let go. */
static void
take_strips (Strips *s)
{
  int k;

  while ((k = g_atomic_int_add (&s->next, 1)) < N_STRIPS)
    {
      paint_strip (s, k);
      g_mutex_lock (&s->lock);
      if (++s->done == N_STRIPS)
        g_cond_signal (&s->cond);
      g_mutex_unlock (&s->lock);
    }
}

static void
worker_cb (gpointer data,
           gpointer user_data)
{
  Strips *s = data;

  take_strips (s);
  strips_unref (s);
}

/* One worker for the whole process, started on first use and kept, with its text caches. */
static GThreadPool *
worker (void)
{
  static gsize once = 0;
  static GThreadPool *pool = NULL;

  if (g_once_init_enter (&once))
    {
      if (g_get_num_processors () > 1)
        pool = g_thread_pool_new (worker_cb, NULL, 1, TRUE, NULL);
      g_once_init_leave (&once, 1);
    }
  return pool;
}

static gboolean
can_split (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double ox, oy, sx, sy;
  cairo_format_t format;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE
      || cairo_get_group_target (cr) != target
      || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  return ox == 0 && oy == 0 && sx == 1 && sy == 1;
}

/* Where the strips are cut, on the device rows first..last: at equal shares of the summed
 * cost, interpolated within a band. */
static void
cut_rows (int          *rows,
          int           first,
          int           last,
          const double *cost,
          guint         n_cost)
{
  double total = 0, sum = 0;
  guint band = 0;

  for (guint i = 0; cost != NULL && i < n_cost; i++)
    total += MAX (cost[i], 0.0);
  for (int k = 0; k <= N_STRIPS; k++)
    rows[k] = first + (last - first) * k / N_STRIPS;
  if (total <= 0)
    return;
  for (int k = 1; k < N_STRIPS; k++)
    {
      double goal = total * k / N_STRIPS, c, at;

      while (band < n_cost - 1 && sum + MAX (cost[band], 0.0) < goal)
        {
          sum += MAX (cost[band], 0.0);
          band++;
        }
      c = MAX (cost[band], 0.0);
      at = band + (c > 0 ? CLAMP ((goal - sum) / c, 0.0, 1.0) : 0.0);
      rows[k] = CLAMP (first + (int) round ((last - first) * at / n_cost), rows[k - 1], last);
    }
}

/* The device rows that the user-space box (0, 0, width, height) covers on the target. */
static void
device_rows (cairo_t *cr,
             double   width,
             double   height,
             int     *first,
             int     *last)
{
  double xs[4] = { 0, width, 0, width }, ys[4] = { 0, 0, height, height };
  double y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  int rows = cairo_image_surface_get_height (cairo_get_target (cr));

  for (int k = 0; k < 4; k++)
    {
      cairo_user_to_device (cr, &xs[k], &ys[k]);
      y0 = MIN (y0, ys[k]);
      y1 = MAX (y1, ys[k]);
    }
  *first = CLAMP ((int) y0, 0, rows);
  *last = CLAMP ((int) y1 + 1, 0, rows);
}

/* TRUE if the clip is the whole target: the strips then need none (any clip, even one that
 * covers everything, sends every fill down cairo's slower clipped paths). */
static gboolean
clip_is_whole (cairo_t                *cr,
               cairo_rectangle_list_t *clip)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double x0, y0, x1, y1;

  if (clip->num_rectangles != 1)
    return FALSE;
  x0 = clip->rectangles[0].x;
  y0 = clip->rectangles[0].y;
  x1 = x0 + clip->rectangles[0].width;
  y1 = y0 + clip->rectangles[0].height;
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  return MIN (x0, x1) <= 0 && MIN (y0, y1) <= 0
         && MAX (x0, x1) >= cairo_image_surface_get_width (target)
         && MAX (y0, y1) >= cairo_image_surface_get_height (target);
}

gboolean
lode_flow_paint_strips (cairo_t           *cr,
                        double             width,
                        double             height,
                        const double      *cost,
                        guint              n_cost,
                        LodeFlowStripFunc  func,
                        gconstpointer      data)
{
  cairo_surface_t *target;
  cairo_rectangle_list_t *clip;
  GThreadPool *pool;
  Strips *s;
  cairo_matrix_t matrix;
  int first, last;

  if (!can_split (cr) || (pool = worker ()) == NULL)
    return FALSE;
  target = cairo_get_target (cr);
  device_rows (cr, width, height, &first, &last);
  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.yy <= 0)
    cost = NULL;   /* the bands are not rows from the top down */
  if ((gint64) (last - first) * cairo_image_surface_get_width (target) < STRIPS_MIN_PIXELS)
    return FALSE;
  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }
  if (clip_is_whole (cr, clip))
    g_clear_pointer (&clip, cairo_rectangle_list_destroy);

  s = g_new0 (Strips, 1);
  *s = (Strips) {
    .target = target,
    .antialias = cairo_get_antialias (cr),
    .tolerance = cairo_get_tolerance (cr),
    .clip = clip,
    .func = func,
    .data = data,
    .ref_count = 2,
  };
  cairo_get_matrix (cr, &s->matrix);
  /* The first and last strips reach the target's edges, so nothing outside the box is lost. */
  cut_rows (s->rows, first, last, cost, n_cost);
  s->rows[0] = 0;
  s->rows[N_STRIPS] = cairo_image_surface_get_height (target);
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);

  cairo_surface_flush (target);
  g_thread_pool_push (pool, s, NULL);
  take_strips (s);
  g_mutex_lock (&s->lock);
  while (s->done < N_STRIPS)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);
  cairo_surface_mark_dirty (target);

  /* The worker no longer reads the clip, the target or the callback once every strip is
   * taken; it may still hold `s` itself. */
  g_clear_pointer (&clip, cairo_rectangle_list_destroy);
  strips_unref (s);
  return TRUE;
}
