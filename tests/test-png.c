/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-png.c — the export's PNG encoder writes exactly the pixels Cairo's own writer does. */
#define G_LOG_DOMAIN "test-png"

#include "config.h"

#include <math.h>
#include <png.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "lode-png.h"

#define W 300
#define H 200

typedef struct
{
  png_uint_32  format;   /* PNG_FORMAT_RGB or PNG_FORMAT_RGBA: what the file holds */
  png_uint_32  width;
  png_uint_32  height;
  guint8      *pixels;   /* straight (not premultiplied) RGBA, as stored in the file */
} Decoded;

static void
decoded_clear (Decoded *d)
{
  g_free (d->pixels);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decoded, decoded_clear)

/* Decodes with libpng's simplified reader: 8-bit files come back exactly as stored. */
static void
decode (const guint8 *png,
        gsize         length,
        Decoded      *out)
{
  png_image image = { 0 };

  image.version = PNG_IMAGE_VERSION;
  g_assert_true (png_image_begin_read_from_memory (&image, png, length));
  out->format = image.format;
  out->width = image.width;
  out->height = image.height;
  image.format = PNG_FORMAT_RGBA;
  out->pixels = g_malloc (PNG_IMAGE_SIZE (image));
  g_assert_true (png_image_finish_read (&image, NULL, out->pixels, 0, NULL));
}

/* What a page holds: flat fills, antialiased strokes and curves, and a gradient through every
 * level of alpha when `alpha` is set (over a transparent page). */
static void
paint_scaled (cairo_surface_t *surface,
              gboolean         alpha,
              double           scale_x,
              double           scale_y)
{
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *ramp;

  cairo_scale (cr, scale_x, scale_y);

  if (!alpha)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  for (int i = 0; i < 12; i++)
    {
      cairo_set_source_rgba (cr, fmod (i * 0.37, 1.0), fmod (i * 0.61, 1.0),
                             fmod (i * 0.23, 1.0), alpha ? 0.15 + i * 0.07 : 1.0);
      cairo_set_line_width (cr, 0.5 + i * 0.4);
      cairo_move_to (cr, 3 + i * 23.3, 5);
      cairo_curve_to (cr, 40 + i * 11.1, 90, 200 - i * 7.7, 20, W - 4 - i * 9.9, H - 6);
      cairo_stroke (cr);
      cairo_arc (cr, 30 + i * 21.5, 150, 4 + i, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  ramp = cairo_pattern_create_linear (0, 0, W, 0);
  cairo_pattern_add_color_stop_rgba (ramp, 0, 0.9, 0.2, 0.1, alpha ? 0.0 : 1.0);
  cairo_pattern_add_color_stop_rgba (ramp, 1, 0.1, 0.3, 0.8, 1.0);
  cairo_set_source (cr, ramp);
  cairo_rectangle (cr, 0, H - 30, W, 30);
  cairo_fill (cr);
  cairo_pattern_destroy (ramp);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
paint_into (cairo_surface_t *surface,
            gboolean         alpha)
{
  paint_scaled (surface, alpha, 1, 1);
}

static cairo_surface_t *
paint_page (cairo_format_t format,
            gboolean       alpha)
{
  cairo_surface_t *surface = cairo_image_surface_create (format, W, H);

  paint_into (surface, alpha);
  return surface;
}

/* Encodes `surface` both ways (Cairo's through a file) and checks the files hold the same
 * pixels in the same form. */
static void
assert_same_pixels (cairo_surface_t *surface,
                    png_uint_32      expected_format)
{
  g_autoptr(GByteArray) ours = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-png-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *cairos = NULL;
  g_auto(Decoded) a = { 0 };
  g_auto(Decoded) b = { 0 };
  guint width = (guint) cairo_image_surface_get_width (surface);
  guint height = (guint) cairo_image_surface_get_height (surface);
  gsize length = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "cairo.png", NULL);
  g_assert_cmpint (lode_png_write (surface, ours), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (g_file_get_contents (path, &cairos, &length, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  decode (ours->data, ours->len, &a);
  decode ((const guint8 *) cairos, length, &b);

  g_assert_cmpuint (b.format, ==, expected_format);
  g_assert_cmpuint (a.format, ==, b.format);
  g_assert_cmpuint (a.width, ==, width);
  g_assert_cmpuint (a.height, ==, height);
  g_assert_cmpuint (b.width, ==, width);
  g_assert_cmpuint (b.height, ==, height);
  g_assert_cmpmem (a.pixels, width * height * 4, b.pixels, width * height * 4);
}

static void
test_opaque (void)
{
  cairo_surface_t *surface = paint_page (CAIRO_FORMAT_ARGB32, FALSE);

  assert_same_pixels (surface, PNG_FORMAT_RGB);
  cairo_surface_destroy (surface);
}

static void
test_transparent (void)
{
  cairo_surface_t *surface = paint_page (CAIRO_FORMAT_ARGB32, TRUE);

  assert_same_pixels (surface, PNG_FORMAT_RGBA);
  cairo_surface_destroy (surface);
}

static void
test_rgb24 (void)
{
  cairo_surface_t *surface = paint_page (CAIRO_FORMAT_RGB24, FALSE);

  assert_same_pixels (surface, PNG_FORMAT_RGB);
  cairo_surface_destroy (surface);
}

/* Pages large enough to be deflated in strips on several threads, strip boundaries falling
 * anywhere in the painting: still the same pixels as Cairo's writer. */
static void
test_strips (void)
{
  static const int sizes[][2] = { { 1600, 900 }, { 1001, 333 }, { 4000, 40 }, { 3, 2000 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int alpha = 0; alpha <= 1; alpha++)
      {
        cairo_surface_t *page = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0],
                                                            sizes[i][1]);

        /* Drawn over the whole page, so that every strip holds some of it. */
        paint_scaled (page, alpha, sizes[i][0] / (double) W, sizes[i][1] / (double) H);
        assert_same_pixels (page, alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB);
        cairo_surface_destroy (page);
      }
}

/* A page's surface, on mapped memory (over 2 MiB) or not: cleared, laid out as Cairo lays out
 * its own, and painted exactly like one. */
static void
test_surface (void)
{
  static const int sizes[][2] = { { 1000, 600 }, { 1001, 700 }, { W, H } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int width = sizes[i][0], height = sizes[i][1];
      cairo_surface_t *page = lode_png_surface_new (width, height);
      cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
      gsize size = (gsize) stride * height;
      const guint8 *data;

      g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (page), ==, CAIRO_FORMAT_ARGB32);
      g_assert_cmpint (cairo_image_surface_get_width (page), ==, width);
      g_assert_cmpint (cairo_image_surface_get_height (page), ==, height);
      g_assert_cmpint (cairo_image_surface_get_stride (page), ==, stride);
      data = cairo_image_surface_get_data (page);
      for (gsize b = 0; b < size; b++)
        if (data[b] != 0)
          g_error ("byte %" G_GSIZE_FORMAT " of a new %d × %d page is not clear", b, width,
                   height);

      paint_into (page, TRUE);
      paint_into (plain, TRUE);
      g_assert_cmpmem (cairo_image_surface_get_data (page), size,
                       cairo_image_surface_get_data (plain), size);
      cairo_surface_destroy (plain);
      cairo_surface_destroy (page);
    }
}

/* Only image surfaces in the two formats an export uses; nothing is written otherwise. */
static void
test_refused (void)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, W, H);
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, W, H);
  guint before = out->len;

  g_assert_cmpint (lode_png_write (pdf, out), !=, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (lode_png_write (a8, out), ==, CAIRO_STATUS_INVALID_FORMAT);
  g_assert_cmpuint (out->len, ==, before);
  cairo_surface_destroy (a8);
  cairo_surface_destroy (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/png/opaque", test_opaque);
  g_test_add_func ("/lode/png/transparent", test_transparent);
  g_test_add_func ("/lode/png/rgb24", test_rgb24);
  g_test_add_func ("/lode/png/strips", test_strips);
  g_test_add_func ("/lode/png/surface", test_surface);
  g_test_add_func ("/lode/png/refused", test_refused);

  return g_test_run ();
}
