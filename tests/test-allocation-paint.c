/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-allocation-paint.c — the fund allocation bar's layout (segments, labels that fit) and
 * its paint in the palette's colours, on an image surface. */

#define G_LOG_DOMAIN "test-allocation-paint"

#include "config.h"

#include <math.h>

#include "lode-allocation-layout.h"

#define W 400
#define H 24
#define FONT_PX 13.0

static LodeRgba
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface)
                                          + y * cairo_image_surface_get_stride (surface));
  guint32 p = row[x];

  return (LodeRgba) { ((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0,
                      (p & 0xff) / 255.0, ((p >> 24) & 0xff) / 255.0 };
}

static gboolean
near (LodeRgba a,
      LodeRgba b)
{
  return fabs (a.r - b.r) < 0.02 && fabs (a.g - b.g) < 0.02 && fabs (a.b - b.b) < 0.02;
}

static void
test_layout (void)
{
  const double shares[LODE_N_ALLOC] = { 15, 35, 0, 45, 5 };
  g_autoptr(LodeAllocationLayout) layout = lode_allocation_layout_new (shares, W, H, FONT_PX);
  double total = 0;

  /* Four segments: the empty metal share has none. */
  g_assert_cmpuint (layout->n_segments, ==, 4);
  g_assert_cmpuint (layout->segments[0].share, ==, 0);
  g_assert_cmpuint (layout->segments[1].share, ==, 1);
  g_assert_cmpuint (layout->segments[2].share, ==, 3);
  g_assert_cmpuint (layout->segments[3].share, ==, 4);
  for (guint i = 0; i < layout->n_segments; i++)
    {
      const LodeAllocationSegment *s = &layout->segments[i];

      total += s->width;
      if (i > 0)
        g_assert_cmpfloat (s->x, >, layout->segments[i - 1].x + layout->segments[i - 1].width);
    }
  /* The segments and three gaps fill the bar; each is as wide as its share. */
  g_assert_cmpfloat (fabs (total + 3 * 2.0 - W), <, 1e-9);
  g_assert_cmpfloat (fabs (layout->segments[1].width / total - 0.35), <, 1e-9);
  /* Percentages where they fit, centred: not in the 5 % sliver. */
  g_assert_cmpstr (layout->segments[1].label, ==, "35%");
  g_assert_cmpstr (layout->segments[2].label, ==, "45%");
  g_assert_null (layout->segments[3].label);
  g_assert_cmpfloat (layout->segments[1].label_x, >, layout->segments[1].x);
  /* Dark text on the light orange, light text on the dark blue. */
  g_assert_true (layout->segments[0].dark_label);
  g_assert_false (layout->segments[2].dark_label);
}

static void
test_empty (void)
{
  const double none[LODE_N_ALLOC] = { 0 };
  g_autoptr(LodeAllocationLayout) layout = lode_allocation_layout_new (none, W, H, FONT_PX);

  g_assert_cmpuint (layout->n_segments, ==, 0);
}

static void
test_paint (void)
{
  const double shares[LODE_N_ALLOC] = { 50, 0, 0, 50, 0 };
  g_autoptr(LodeAllocationLayout) layout = lode_allocation_layout_new (shares, W, H, FONT_PX);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  LodePalette palette;
  cairo_t *cr = cairo_create (surface);
  int dark = 0;

  lode_palette_init_light (&palette, NULL);
  lode_allocation_paint (cr, layout, &palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Each half in its share's colour, away from its label. */
  g_assert_true (near (pixel (surface, 10, H / 2), lode_palette_fund_share (0)));
  g_assert_true (near (pixel (surface, W - 10, H / 2), lode_palette_fund_share (3)));
  /* The label of the light mine share is dark text. */
  for (int x = (int) layout->segments[0].label_x; x < W / 2; x++)
    dark += pixel (surface, x, H / 2).r < 0.3 ? 1 : 0;
  g_assert_cmpint (dark, >, 3);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/allocation-paint/layout", test_layout);
  g_test_add_func ("/lode/allocation-paint/empty", test_empty);
  g_test_add_func ("/lode/allocation-paint/paint", test_paint);

  return g_test_run ();
}
