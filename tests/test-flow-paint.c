/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-flow-paint"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow-test-util.h"
#include "lode-flow-layout-private.h"
#include "lode-flow-paint.h"

/* Set LODE_FLOW_PNG_DIR to keep the rendered images for a look. */
static void
maybe_save (cairo_surface_t *surface,
            const char      *name)
{
  const char *dir = g_getenv ("LODE_FLOW_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

typedef struct
{
  double r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 v;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + iy * stride + ix * 4);
  return (Pixel) { ((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0 };
}

static double
luminance (Pixel p)
{
  return 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
}

/* Pixels in the rectangle clearly darker than the background (text on a light canvas). */
static int
dark_pixels (cairo_surface_t    *surface,
             const LodeFlowRect *r,
             double              scale)
{
  int count = 0;

  for (double y = r->y * scale; y < (r->y + r->height) * scale - 0.5; y += 1)
    for (double x = r->x * scale; x < (r->x + r->width) * scale - 0.5; x += 1)
      if (luminance (pixel_at (surface, x, y)) < 0.55)
        count++;
  return count;
}

static cairo_surface_t *
render (const LodeFlowLayout *layout,
        const LodePalette    *palette,
        double                scale)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                (int) ceil (lode_flow_layout_get_width (layout) * scale),
                                (int) ceil (lode_flow_layout_get_height (layout) * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  lode_flow_paint (cr, layout, palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static int
find_flow (const LodeFlowLayout *layout,
           int                   column,
           guint                 from,
           guint                 to)
{
  int src = lode_flow_layout_node_index (layout, column, from);
  int tgt = lode_flow_layout_node_index (layout, column + 1, to);

  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

      if (r->kind == LODE_FLOW_RIBBON_FLOW && r->source == src && r->target == tgt)
        return (int) q;
    }
  return -1;
}

static void
ribbon_point (const LodeFlowRibbon *r,
              double                t,
              double                f,
              double               *x,
              double               *y)
{
  double yt, yb;

  lode_flow_cubic_eval (&r->segments[0].top, t, x, &yt);
  lode_flow_cubic_eval (&r->segments[0].bottom, t, NULL, &yb);
  *y = yt + (yb - yt) * f;
}

static void
check_ribbon_colour (const LodeFlowLayout *layout,
                     const LodePalette    *palette,
                     cairo_surface_t      *surface,
                     double                scale)
{
  int q = find_flow (layout, LODE_STAGE_MINE, SYN_US, SYN_US);
  const LodeFlowRibbon *r;
  LodeRgba c = lode_palette_region (palette, SYN_US), bg = palette->background;
  double x, y, a = 0.55;
  Pixel px;

  g_assert_cmpint (q, >=, 0);
  r = lode_flow_layout_get_ribbon (layout, q);
  g_assert_cmpfloat (r->china_content, ==, 0.0);
  g_assert_cmpfloat (r->width, >=, 4.0);
  ribbon_point (r, 0.9, 0.5, &x, &y);
  px = pixel_at (surface, x * scale, y * scale);
  /* The ribbon's region colour at its alpha over the background. */
  g_assert_cmpfloat (fabs (px.r - (bg.r * (1 - a) + c.r * a)), <, 0.03);
  g_assert_cmpfloat (fabs (px.g - (bg.g * (1 - a) + c.g * a)), <, 0.03);
  g_assert_cmpfloat (fabs (px.b - (bg.b * (1 - a) + c.b * a)), <, 0.03);
}

static void
check_text (const LodeFlowLayout *layout,
            cairo_surface_t      *surface,
            double                scale)
{
  guint labels = 0;

  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (!node->visible || node->label.level == LODE_FLOW_LABEL_HIDDEN)
        continue;
      g_assert_cmpint (dark_pixels (surface, &node->label.rect, scale), >, 15 * scale * scale);
      labels++;
    }
  g_assert_cmpuint (labels, >=, 8);

  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    g_assert_cmpint (dark_pixels (surface, &lode_flow_layout_get_header (layout, c)->title_rect,
                                  scale), >, 20 * scale * scale);

  g_assert_cmpuint (lode_flow_layout_get_n_legend_items (layout), >=, 5);
  for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
    {
      const LodeFlowLegendItem *item = lode_flow_layout_get_legend_item (layout, k);

      g_assert_cmpint (dark_pixels (surface, &item->text_rect, scale), >, 5 * scale * scale);
    }
}

static void
test_synthetic (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  LodePalette palette;
  cairo_surface_t *surface;

  lode_palette_init_light (&palette, lode_projection_get_dataset (p));
  surface = render (layout, &palette, 1.0);
  maybe_save (surface, "flow-synthetic-1280x800.png");
  check_ribbon_colour (layout, &palette, surface, 1.0);
  check_text (layout, surface, 1.0);

  /* A legend swatch shows its region's colour. */
  for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
    {
      const LodeFlowLegendItem *item = lode_flow_layout_get_legend_item (layout, k);
      LodeRgba c;
      Pixel px;

      if (item->kind != LODE_FLOW_LEGEND_REGION)
        continue;
      c = lode_palette_region (&palette, item->region);
      px = pixel_at (surface, item->swatch.x + item->swatch.width / 2,
                     item->swatch.y + item->swatch.height / 2);
      g_assert_cmpfloat (fabs (px.r - c.r) + fabs (px.g - c.g) + fabs (px.b - c.b), <, 0.05);
    }
  cairo_surface_destroy (surface);
}

/* China content: the lower band of a ribbon with China content is hatched (two tones), the
 * upper band of a China-free part is flat. */
static void
test_china_content (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  LodeFlowOptions options;
  g_autoptr(LodeFlowLayout) plain = NULL;
  LodePalette palette;
  cairo_surface_t *hatched, *flat;
  int q = find_flow (layout, LODE_STAGE_MINE, SYN_CN, SYN_CN);
  const LodeFlowRibbon *r;
  double lo = 1, hi = 0, lo_flat = 1, hi_flat = 0;

  lode_flow_options_init (&options);
  options.show_china_content = FALSE;
  plain = lode_flow_layout_new (p, 2030, 1280, 800, &options);
  lode_palette_init_light (&palette, lode_projection_get_dataset (p));
  hatched = render (layout, &palette, 1.0);
  flat = render (plain, &palette, 1.0);

  g_assert_cmpint (q, >=, 0);
  r = lode_flow_layout_get_ribbon (layout, q);
  g_assert_cmpfloat (r->china_content, ==, 1.0);
  for (int i = 0; i < 24; i++)
    {
      double x, y, l;

      ribbon_point (r, 0.35 + i * 0.004, 0.5, &x, &y);
      l = luminance (pixel_at (hatched, x, y));
      lo = MIN (lo, l);
      hi = MAX (hi, l);
      l = luminance (pixel_at (flat, x, y));
      lo_flat = MIN (lo_flat, l);
      hi_flat = MAX (hi_flat, l);
    }
  g_assert_cmpfloat (hi - lo, >, 0.08);
  g_assert_cmpfloat (hi_flat - lo_flat, <, 0.02);

  /* The legend explains the hatching. */
  {
    gboolean found = FALSE;

    for (guint k = 0; k < lode_flow_layout_get_n_legend_items (layout); k++)
      found |= lode_flow_layout_get_legend_item (layout, k)->kind
               == LODE_FLOW_LEGEND_CHINA_CONTENT;
    g_assert_true (found);
  }
  cairo_surface_destroy (hatched);
  cairo_surface_destroy (flat);
}

static void
test_scale (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  g_autoptr(LodeFlowLayout) big = NULL;
  LodeFlowOptions options;
  LodePalette palette;
  cairo_surface_t *surface;

  lode_palette_init_light (&palette, lode_projection_get_dataset (p));

  /* HiDPI / 3× export: the same layout on a 3× surface. */
  surface = render (layout, &palette, 3.0);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 3840);
  check_ribbon_colour (layout, &palette, surface, 3.0);
  check_text (layout, surface, 3.0);
  cairo_surface_destroy (surface);

  /* Presentation: 3× fonts on a 3× canvas lay out like 1× and still paint text. */
  lode_flow_options_init (&options);
  options.font_scale = 3.0;
  big = lode_flow_layout_new (p, 2030, 3840, 2400, &options);
  surface = render (big, &palette, 1.0);
  maybe_save (surface, "flow-synthetic-3x.png");
  check_text (big, surface, 1.0);
  check_ribbon_colour (big, &palette, surface, 1.0);
  cairo_surface_destroy (surface);
}

static void
test_dark (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 800, 500, NULL);
  LodePalette palette;
  cairo_surface_t *surface;
  Pixel px;

  lode_palette_init_dark (&palette, lode_projection_get_dataset (p));
  surface = render (layout, &palette, 1.0);
  maybe_save (surface, "flow-synthetic-dark-800x500.png");
  px = pixel_at (surface, 2, 2);
  g_assert_cmpfloat (fabs (px.r - palette.background.r), <, 0.01);
  cairo_surface_destroy (surface);
}

static void
test_baseline (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  static const int sizes[][2] = { { 800, 500 }, { 1280, 800 }, { 1920, 1080 } };
  LodePalette palette;

  lode_palette_init_light (&palette, lode_projection_get_dataset (p));
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int year = 2024; year <= p->horizon; year += 8)
      {
        g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, year, sizes[s][0],
                                                                 sizes[s][1], NULL);
        cairo_surface_t *surface = render (layout, &palette, 1.0);
        g_autofree char *name = g_strdup_printf ("flow-baseline-%d-%dx%d.png", year,
                                                 sizes[s][0], sizes[s][1]);

        maybe_save (surface, name);
        check_text (layout, surface, 1.0);
        cairo_surface_destroy (surface);
      }

}

/* Hover is drawn over the painted layout: the hovered ribbon and its nodes stand out,
 * everything else is dimmed towards the background. */
static void
test_highlight (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2030, 1280, 800, NULL);
  g_autoptr(LodeFlowHighlight) hover = NULL;
  g_autoptr(LodeFlowHighlight) none = NULL;
  int us_mine = lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_US);
  int au_mine = lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_AU);
  int connected = find_flow (layout, LODE_STAGE_MINE, SYN_US, SYN_US);
  int unconnected = find_flow (layout, LODE_STAGE_MINE, SYN_AU, SYN_AU);
  const LodeFlowNode *au = lode_flow_layout_get_node (layout, au_mine);
  LodePalette palette;
  cairo_surface_t *plain, *over, *empty;
  cairo_t *cr;
  double x, y, bg;
  Pixel a, b;

  lode_palette_init_light (&palette, lode_projection_get_dataset (p));
  bg = luminance ((Pixel) { palette.background.r, palette.background.g, palette.background.b });
  plain = render (layout, &palette, 1.0);
  over = render (layout, &palette, 1.0);
  empty = render (layout, &palette, 1.0);
  hover = lode_flow_highlight_new (layout, -1, connected, -1);
  none = lode_flow_highlight_new (layout, -1, -1, -1);
  cr = cairo_create (over);
  lode_flow_paint_highlight (cr, layout, hover, &palette);
  cairo_destroy (cr);
  cr = cairo_create (empty);
  lode_flow_paint_highlight (cr, layout, none, &palette);
  cairo_destroy (cr);
  cairo_surface_flush (over);
  cairo_surface_flush (empty);
  maybe_save (over, "flow-synthetic-hover-us-ribbon.png");

  /* The connected ribbon keeps (or deepens) its colour: no lighter than before. */
  g_assert_cmpint (connected, >=, 0);
  ribbon_point (lode_flow_layout_get_ribbon (layout, connected), 0.1, 0.5, &x, &y);
  a = pixel_at (plain, x, y);
  b = pixel_at (over, x, y);
  g_assert_cmpfloat (luminance (b), <=, luminance (a) + 0.01);
  /* An unconnected ribbon and node fade towards the background. */
  g_assert_cmpint (unconnected, >=, 0);
  ribbon_point (lode_flow_layout_get_ribbon (layout, unconnected), 0.9, 0.5, &x, &y);
  a = pixel_at (plain, x, y);
  b = pixel_at (over, x, y);
  g_assert_cmpfloat (fabs (luminance (b) - bg), <, 0.5 * fabs (luminance (a) - bg));
  a = pixel_at (plain, au->rect.x + au->rect.width / 2, au->rect.y + au->rect.height / 2);
  b = pixel_at (over, au->rect.x + au->rect.width / 2, au->rect.y + au->rect.height / 2);
  g_assert_cmpfloat (fabs (luminance (b) - bg), <, 0.5 * fabs (luminance (a) - bg));
  /* Its source node is drawn at full strength. */
  {
    const LodeFlowNode *us = lode_flow_layout_get_node (layout, us_mine);

    a = pixel_at (plain, us->rect.x + us->rect.width / 2, us->rect.y + us->rect.height / 2);
    b = pixel_at (over, us->rect.x + us->rect.width / 2, us->rect.y + us->rect.height / 2);
    g_assert_cmpfloat (fabs (a.r - b.r) + fabs (a.g - b.g) + fabs (a.b - b.b), <, 0.02);
  }
  /* Nothing hovered: nothing drawn over the layout. */
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (plain),
                           cairo_image_surface_get_data (empty),
                           cairo_image_surface_get_stride (plain) * 800), ==, 0);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (over);
  cairo_surface_destroy (empty);
}

/* Two images alike but for rounding: cairo may composite a translucent fill that a strip's
 * edge cuts through a few levels differently (a handful of pixels, never visibly). */
static void
assert_nearly_same (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  const unsigned char *pa = cairo_image_surface_get_data (a);
  const unsigned char *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  int width = cairo_image_surface_get_width (a);
  guint differ = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < 4 * width; x++)
      {
        int d = abs ((int) pa[y * stride + x] - (int) pb[y * stride + x]);

        g_assert_cmpint (d, <=, 8);
        differ += d > 0;
      }
  g_assert_cmpuint (differ, <=, (guint) (width * height) / 10000);
}

/* A large image is painted in strips on two threads: the pixels are those of one paint, also
 * under the translation, scale and clip that exports use. */
static void
test_strips (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  LodePalette palette;

  lode_palette_init_light (&palette, lode_projection_get_dataset (p));
  for (int transformed = 0; transformed <= 1; transformed++)
    {
      double w = transformed ? 800 : 1500, h = transformed ? 460 : 900;
      int width = transformed ? 1700 : 1520, height = transformed ? 1000 : 910;
      g_autoptr(LodeFlowLayout) layout = lode_flow_layout_new (p, 2031.5, w, h, NULL);
      cairo_surface_t *split = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

      for (int one_piece = 0; one_piece <= 1; one_piece++)
        {
          cairo_t *cr = cairo_create (one_piece ? whole : split);

          if (transformed)
            {
              cairo_translate (cr, 37.5, 21.25);
              cairo_scale (cr, 2, 2);
              cairo_rectangle (cr, 0, 0, w - 10.5, h - 3.25);
              cairo_clip (cr);
            }
          if (one_piece)
            lode_flow_paint_in_one_piece (cr, layout, &palette);
          else
            lode_flow_paint (cr, layout, &palette);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
        }
      cairo_surface_flush (split);
      cairo_surface_flush (whole);
      assert_nearly_same (split, whole);
      cairo_surface_destroy (split);
      cairo_surface_destroy (whole);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/flow-paint/synthetic", test_synthetic);
  g_test_add_func ("/lode/flow-paint/china-content", test_china_content);
  g_test_add_func ("/lode/flow-paint/scale", test_scale);
  g_test_add_func ("/lode/flow-paint/dark", test_dark);
  g_test_add_func ("/lode/flow-paint/baseline", test_baseline);
  g_test_add_func ("/lode/flow-paint/highlight", test_highlight);
  g_test_add_func ("/lode/flow-paint/strips", test_strips);

  return g_test_run ();
}
