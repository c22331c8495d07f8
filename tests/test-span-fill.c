/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode_span_fill() against cairo_fill(): every pixel the same, on random paths (bands like
 * the flow diagram's ribbons, polygons that cross themselves, curves in several subpaths,
 * both fill rules, translucent and opaque colours, repeating patterns, clips, strips of a
 * larger image, moved and scaled user spaces) and on the flow diagrams of three presets.
 */
#define G_LOG_DOMAIN "test-span-fill"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lode-flow-layout-private.h"
#include "lode-flow-paint.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"
#include "lode-span-fill.h"

#define WIDTH  320
#define HEIGHT 200

/* Pixels that differ between two images of the same size, and by how much at most. */
static gsize
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int             *max_channel)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da, *db;
  gsize n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  *max_channel = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pa = da + y * stride + x * 4, *pb = db + y * stride + x * 4;

        if (memcmp (pa, pb, 4) == 0)
          continue;
        if (n++ < 5)
          g_test_message ("pixel %d, %d: %02x%02x%02x%02x against %02x%02x%02x%02x", x, y,
                          pa[3], pa[2], pa[1], pa[0], pb[3], pb[2], pb[1], pb[0]);
        for (int c = 0; c < 4; c++)
          *max_channel = MAX (*max_channel, abs (pa[c] - pb[c]));
      }
  return n;
}

static double
range (GRand  *rand,
       double  lo,
       double  hi)
{
  return g_rand_double_range (rand, lo, hi);
}

/* A path of one of six kinds, as the random scenes draw them. */
static void
random_path (cairo_t *cr,
             GRand   *rand,
             int      kind)
{
  cairo_new_path (cr);
  switch (kind)
    {
    case 0:   /* a ribbon: two cubics joined by lines, like the flow diagram's */
    case 4:   /* a thin one, on quarter pixels */
      {
        double x0 = kind == 0 ? range (rand, 0, WIDTH / 2)
                              : floor (range (rand, 0, WIDTH / 2)) + g_rand_int_range (rand, 0, 4) / 4.0;
        double y0 = kind == 0 ? range (rand, -50, HEIGHT + 50) : floor (range (rand, 0, HEIGHT));
        double x3 = kind == 0 ? range (rand, x0, WIDTH) : x0 + range (rand, 1, WIDTH / 2);
        double y3 = kind == 0 ? range (rand, -50, HEIGHT + 50) : y0 + range (rand, -40, 40);
        double w = kind == 0 ? range (rand, 0.1, 60) : range (rand, 0.01, 3);
        double xm = (x0 + x3) / 2;

        cairo_move_to (cr, x0, y0);
        cairo_curve_to (cr, xm, y0, xm, y3, x3, y3);
        cairo_line_to (cr, x3, y3 + w);
        cairo_curve_to (cr, xm, y3 + w, xm, y0 + w, x0, y0 + w);
        cairo_close_path (cr);
      }
      break;
    case 1:   /* a polygon, crossing itself */
      for (int i = 0, n = g_rand_int_range (rand, 3, 12); i < n; i++)
        {
          double x = range (rand, 0, WIDTH), y = range (rand, -20, HEIGHT + 20);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (g_rand_boolean (rand))
        cairo_close_path (cr);
      break;
    case 2:   /* curves in several subpaths */
      for (int j = 0, m = g_rand_int_range (rand, 1, 5); j < m; j++)
        {
          cairo_move_to (cr, range (rand, 0, WIDTH), range (rand, 0, HEIGHT));
          for (int i = 0, n = g_rand_int_range (rand, 1, 5); i < n; i++)
            cairo_curve_to (cr, range (rand, 0, WIDTH), range (rand, 0, HEIGHT),
                            range (rand, 0, WIDTH), range (rand, 0, HEIGHT),
                            range (rand, 0, WIDTH), range (rand, 0, HEIGHT));
          cairo_close_path (cr);
        }
      break;
    case 5:   /* a ring's two thin sides, as a recycling loop's, in one path */
      {
        double x0 = range (rand, 10, WIDTH / 2), x1 = x0 + range (rand, 2, 60);
        double y0 = range (rand, -30, HEIGHT / 2), y1 = y0 + range (rand, 20, HEIGHT);
        double w = range (rand, 0.2, 6), slant = range (rand, -8, 8);

        cairo_move_to (cr, x0, y0);
        cairo_curve_to (cr, x0 + slant, y0 + 10, x0 - slant, y1 - 10, x0, y1);
        cairo_line_to (cr, x1 + w, y1);
        cairo_curve_to (cr, x1 + w + slant, y1 - 10, x1 + w - slant, y0 + 10, x1 + w, y0);
        cairo_line_to (cr, x1, y0);
        cairo_line_to (cr, x1, y1 - w);
        cairo_line_to (cr, x0 + w, y1 - w);
        cairo_line_to (cr, x0 + w, y0);
        cairo_close_path (cr);
      }
      break;
    case 3:   /* a rectangle: Cairo fills it as boxes, the filler hands it back */
    default:
      cairo_rectangle (cr, range (rand, 0, WIDTH), range (rand, 0, HEIGHT),
                       range (rand, 0, WIDTH / 2), range (rand, 0, HEIGHT / 2));
      break;
    }
}

/* A repeating tile with a diagonal stroke over an optional ground, like the hatching. */
static cairo_pattern_t *
random_pattern (GRand *rand)
{
  int px = g_rand_int_range (rand, 3, 10);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                      px * g_rand_int_range (rand, 1, 5), px);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, range (rand, 0, 1), range (rand, 0, 1), range (rand, 0, 1),
                         range (rand, 0, 1));
  if (g_rand_boolean (rand))
    cairo_paint (cr);
  cairo_set_source_rgba (cr, range (rand, 0, 1), range (rand, 0, 1), range (rand, 0, 1),
                         range (rand, 0, 1));
  cairo_set_line_width (cr, 1.1);
  for (int k = -1; k <= 4; k++)
    {
      cairo_move_to (cr, k * px, px);
      cairo_line_to (cr, k * px + px, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      cairo_matrix_t m;

      cairo_matrix_init_translate (&m, g_rand_int_range (rand, -5, 5),
                                   g_rand_int_range (rand, -5, 5));
      cairo_pattern_set_matrix (pattern, &m);
    }
  return pattern;
}

/* The same background on both surfaces: light, translucent, or noise (premultiplied). */
static void
paint_background (cairo_surface_t *surface,
                  int              kind,
                  guint32          seed)
{
  cairo_t *cr = cairo_create (surface);

  if (kind == 0)
    cairo_set_source_rgb (cr, 0.9, 0.95, 1.0);
  else
    cairo_set_source_rgba (cr, 0.2, 0.5, 0.1, 0.5);
  if (kind < 2)
    cairo_paint (cr);
  cairo_destroy (cr);
  if (kind == 2)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint32 *data;

      cairo_surface_flush (surface);
      data = (guint32 *) cairo_image_surface_get_data (surface);
      for (int i = 0; i < WIDTH * HEIGHT; i++)
        {
          guint32 a = (guint32) g_rand_int_range (rand, 0, 256), v = a << 24;

          for (int c = 0; c < 3; c++)
            v |= (guint32) g_rand_int_range (rand, 0, (gint32) a + 1) << (8 * c);
          data[i] = v;
        }
      cairo_surface_mark_dirty (surface);
    }
}

typedef struct
{
  gboolean strip;      /* draw on a surface over rows r0 … r1 of the image */
  int      r0, r1;
  double   dx, dy, scale;
  int      clip;       /* 0 none, 1 whole pixels, 2 half pixels (Cairo's), 3 none */
  double   cx, cy, cw, ch;
  int      n_fills;
  guint32  seed;
} Scene;

/* Draws the scene's fills on `image`, with Cairo or with the filler; returns how many the
 * filler did itself. */
static int
draw_scene (cairo_surface_t *image,
            const Scene     *scene,
            gboolean         filler)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (scene->seed);
  cairo_surface_t *target = image;
  LodeSpanFill *fill;
  cairo_t *cr;
  int own = 0;

  if (scene->strip)
    {
      cairo_surface_flush (image);
      target = cairo_image_surface_create_for_data (
        cairo_image_surface_get_data (image) + scene->r0 * cairo_image_surface_get_stride (image),
        CAIRO_FORMAT_ARGB32, WIDTH, scene->r1 - scene->r0, cairo_image_surface_get_stride (image));
    }
  cr = cairo_create (target);
  cairo_translate (cr, 0, scene->strip ? -scene->r0 : 0);
  cairo_translate (cr, scene->dx, scene->dy);
  cairo_scale (cr, scene->scale, scene->scale);
  if (scene->clip == 1 || scene->clip == 2)
    {
      cairo_rectangle (cr, scene->cx + (scene->clip == 2 ? 0.5 : 0), scene->cy, scene->cw,
                       scene->ch);
      cairo_clip (cr);
    }
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  fill = filler ? lode_span_fill_new (cr) : NULL;
  for (int f = 0; f < scene->n_fills; f++)
    {
      cairo_pattern_t *pattern = NULL;

      random_path (cr, rand, g_rand_int_range (rand, 0, 6));
      cairo_set_fill_rule (cr, g_rand_boolean (rand) ? CAIRO_FILL_RULE_WINDING
                                                      : CAIRO_FILL_RULE_EVEN_ODD);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          pattern = random_pattern (rand);
          cairo_set_source (cr, pattern);
        }
      else
        cairo_set_source_rgba (cr, range (rand, 0, 1), range (rand, 0, 1), range (rand, 0, 1),
                               g_rand_int_range (rand, 0, 5) == 0 ? 1.0 : range (rand, 0, 1));
      if (filler && lode_span_fill_try (fill, cr))
        own++;
      else
        cairo_fill (cr);
      g_clear_pointer (&pattern, cairo_pattern_destroy);
    }
  lode_span_fill_free (fill);
  cairo_destroy (cr);
  if (scene->strip)
    {
      cairo_surface_flush (target);
      cairo_surface_destroy (target);
      cairo_surface_mark_dirty (image);
    }
  return own;
}

static void
test_random_paths (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  int own = 0, total = 0;

  for (int i = 0; i < 1500; i++)
    {
      cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      int background = g_rand_int_range (rand, 0, 3), transform = g_rand_int_range (rand, 0, 4);
      guint32 noise = g_rand_int (rand);
      Scene scene = { 0 };
      gsize differing;
      int max_channel;

      scene.strip = g_rand_int_range (rand, 0, 3) == 0;
      scene.r0 = g_rand_int_range (rand, 0, HEIGHT / 2);
      scene.r1 = g_rand_int_range (rand, HEIGHT / 2 + 1, HEIGHT + 1);
      scene.dx = transform == 1 ? g_rand_int_range (rand, -20, 20) : 0;
      scene.dy = transform == 1 ? g_rand_int_range (rand, -20, 20) : 0;
      scene.scale = transform == 2 ? 2.0 : transform == 3 ? 1.37 : 1.0;
      scene.clip = g_rand_int_range (rand, 0, 4);
      scene.cx = g_rand_int_range (rand, 0, WIDTH / 2);
      scene.cy = g_rand_int_range (rand, 0, HEIGHT / 2);
      scene.cw = g_rand_int_range (rand, 1, WIDTH);
      scene.ch = g_rand_int_range (rand, 1, HEIGHT);
      scene.n_fills = g_rand_int_range (rand, 1, 6);
      scene.seed = g_rand_int (rand);

      paint_background (a, background, noise);
      paint_background (b, background, noise);
      draw_scene (a, &scene, FALSE);
      own += draw_scene (b, &scene, TRUE);
      total += scene.n_fills;
      differing = count_differences (a, b, &max_channel);
      if (differing > 0)
        g_test_message ("scene %d: %" G_GSIZE_FORMAT " pixels differ, by up to %d", i,
                        differing, max_channel);
      g_assert_cmpuint (differing, ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  /* Most fills are the filler's own (the rest are boxes, scaled patterns or paths leaving
   * the clip's columns, which it hands to Cairo). */
  g_test_message ("the filler drew %d of %d fills", own, total);
  g_assert_cmpint (own, >, total / 4);
}

static LodeProjection *
preset_projection (LodeDataset *dataset,
                   const char  *preset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (dataset, preset, &error);
  LodeProjection *projection;

  g_assert_no_error (error);
  projection = lode_projection_run (dataset, scenario, &error);
  g_assert_no_error (error);
  return projection;
}

/* The flow diagram painted on an image (its ribbons, stubs and loops by the filler) against
 * the same diagram painted inside a group, where the filler steps aside and Cairo fills
 * everything. Both in one piece: painting in strips on two threads gives a few pixels of its
 * own where strips meet, with or without the filler (test-flow-paint's /strips). */
static void
test_flow_diagrams (void)
{
  static const char * const presets[] = { "baseline", "mine-to-magnet", "export-ban" };
  static const double years[] = { 2026, 2030.5, 2035, 2040 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = lode_dataset_load_default (&error);
  LodePalette palette;

  g_assert_no_error (error);
  lode_palette_init_light (&palette, dataset);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr(LodeProjection) projection = preset_projection (dataset, presets[i]);

      for (guint j = 0; j < G_N_ELEMENTS (years); j++)
        {
          g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (projection, years[j],
                                                                   1920, 1080, NULL);
          cairo_surface_t *painted = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
          cairo_surface_t *cairos = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
          cairo_t *cr = cairo_create (painted);
          LodeSpanFill *fill = lode_span_fill_new (cr);
          int max_channel;

          /* The filler takes this target. */
          g_assert_nonnull (fill);
          lode_span_fill_free (fill);
          lode_flow_paint_in_one_piece (cr, layout, &palette);
          cairo_destroy (cr);

          cr = cairo_create (cairos);
          cairo_push_group_with_content (cr, CAIRO_CONTENT_COLOR_ALPHA);
          lode_flow_paint_in_one_piece (cr, layout, &palette);
          cairo_pop_group_to_source (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_paint (cr);
          cairo_destroy (cr);

          g_test_message ("%s at %g", presets[i], years[j]);
          g_assert_cmpuint (count_differences (painted, cairos, &max_channel), ==, 0);
          cairo_surface_destroy (painted);
          cairo_surface_destroy (cairos);
        }
    }
}

/* What it cannot fill exactly, it hands back untouched. */
static void
test_hands_back (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, 64, 64);
  cairo_t *cr = cairo_create (image);
  cairo_t *cr8 = cairo_create (a8);
  LodeSpanFill *fill;
  cairo_pattern_t *gradient;

  g_assert_null (lode_span_fill_new (cr8));
  fill = lode_span_fill_new (cr);
  g_assert_nonnull (fill);

  /* The default antialiasing is Cairo's finer scan converter, not the fast one. */
  cairo_move_to (cr, 1.5, 1);
  cairo_line_to (cr, 30, 40.3);
  cairo_line_to (cr, 5, 50);
  g_assert_false (lode_span_fill_try (fill, cr));
  g_assert_true (cairo_has_current_point (cr));

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  g_assert_true (lode_span_fill_try (fill, cr));
  g_assert_false (cairo_has_current_point (cr));

  /* Boxes, gradients, a turned user space. */
  cairo_rectangle (cr, 1.5, 2.5, 10, 10);
  g_assert_false (lode_span_fill_try (fill, cr));
  cairo_new_path (cr);
  gradient = cairo_pattern_create_linear (0, 0, 64, 0);
  cairo_set_source (cr, gradient);
  cairo_move_to (cr, 1.5, 1);
  cairo_line_to (cr, 30, 40.3);
  cairo_line_to (cr, 5, 50);
  g_assert_false (lode_span_fill_try (fill, cr));
  cairo_new_path (cr);
  cairo_pattern_destroy (gradient);
  cairo_set_source_rgba (cr, 0.2, 0.4, 0.6, 0.5);
  cairo_rotate (cr, 0.1);
  cairo_move_to (cr, 1.5, 1);
  cairo_line_to (cr, 30, 40.3);
  cairo_line_to (cr, 5, 50);
  g_assert_false (lode_span_fill_try (fill, cr));
  cairo_new_path (cr);

  /* lode_span_fill() then fills with Cairo: the path is used up either way. */
  cairo_rectangle (cr, 1.5, 2.5, 10, 10);
  lode_span_fill (fill, cr);
  g_assert_false (cairo_has_current_point (cr));
  lode_span_fill (NULL, cr);

  lode_span_fill_free (fill);
  lode_span_fill_free (NULL);
  cairo_destroy (cr8);
  cairo_destroy (cr);
  cairo_surface_destroy (a8);
  cairo_surface_destroy (image);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lode/span-fill/random-paths", test_random_paths);
  g_test_add_func ("/lode/span-fill/flow-diagrams", test_flow_diagrams);
  g_test_add_func ("/lode/span-fill/hands-back", test_hands_back);
  return g_test_run ();
}
