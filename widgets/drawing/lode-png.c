/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-png.c — Cairo's PNG pixels, written with an encoder tuned for drawn pages. */

#define G_LOG_DOMAIN "lode-png"

#include "config.h"

#include <png.h>
#include <string.h>

#include "lode-png.h"

/* zlib's level: 3 is the last level without lazy matching. On drawn pages it is about twice
 * as fast as 4 and the files are 5–15 % larger; both beat libpng's default (6, with adaptive
 * filters) by far in time. */
#define COMPRESSION_LEVEL 3

/* Bytes of deflated data per IDAT chunk. */
#define IDAT_SIZE (64 * 1024)

static void
write_cb (png_structp png,
          png_bytep   data,
          size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, (guint) length);
}

static void
flush_cb (png_structp png)
{
}

G_GNUC_NORETURN static void
error_cb (png_structp     png,
          png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
}

static gboolean
is_opaque (const guint8 *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((px[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* One row of native-endian xRGB words as R, G, B bytes. */
static void
row_to_rgb (const guint32 *px,
            int            width,
            guint8        *row)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = px[x];

      row[0] = (guint8) (p >> 16);
      row[1] = (guint8) (p >> 8);
      row[2] = (guint8) p;
      row += 3;
    }
}

/* One row of premultiplied ARGB words as straight R, G, B, A bytes, rounded as Cairo's own
 * PNG writer rounds them, so the files hold the same pixels. */
static void
row_to_rgba (const guint32 *px,
             int            width,
             guint8        *row)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = px[x];
      guint32 alpha = p >> 24;

      if (alpha == 0)
        memset (row, 0, 4);
      else if (alpha == 0xff)
        {
          row[0] = (guint8) (p >> 16);
          row[1] = (guint8) (p >> 8);
          row[2] = (guint8) p;
          row[3] = 0xff;
        }
      else
        {
          row[0] = (guint8) ((((p >> 16) & 0xff) * 255 + alpha / 2) / alpha);
          row[1] = (guint8) ((((p >> 8) & 0xff) * 255 + alpha / 2) / alpha);
          row[2] = (guint8) (((p & 0xff) * 255 + alpha / 2) / alpha);
          row[3] = (guint8) alpha;
        }
      row += 4;
    }
}

static void
encode (png_structp    png,
        png_infop      info,
        const guint8  *data,
        int            width,
        int            height,
        int            stride,
        gboolean       alpha,
        guint8        *row)
{
  png_color_16 white = { 0, 0xff, 0xff, 0xff, 0xff };

  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_bKGD (png, info, &white);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, COMPRESSION_LEVEL);
  png_set_compression_buffer_size (png, IDAT_SIZE);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);

      if (alpha)
        row_to_rgba (px, width, row);
      else
        row_to_rgb (px, width, row);
      png_write_row (png, row);
    }
  png_write_end (png, info);
}

/* libpng reports errors by longjmp() to here: nothing in this frame changes after setjmp(). */
static gboolean
run_encoder (png_structp    png,
             png_infop      info,
             const guint8  *data,
             int            width,
             int            height,
             int            stride,
             gboolean       alpha,
             guint8        *row)
{
  if (setjmp (png_jmpbuf (png)) != 0)
    return FALSE;
  encode (png, info, data, width, height, stride, alpha, row);
  return TRUE;
}

cairo_status_t
lode_png_write (cairo_surface_t *surface,
                GByteArray      *out)
{
  g_autofree guint8 *row = NULL;
  cairo_format_t format;
  const guint8 *data;
  png_structp png;
  png_infop info;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  int width, height, stride;
  gboolean alpha;

  g_return_val_if_fail (surface != NULL, CAIRO_STATUS_NULL_POINTER);
  g_return_val_if_fail (out != NULL, CAIRO_STATUS_NULL_POINTER);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return cairo_surface_status (surface);
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    return CAIRO_STATUS_SURFACE_TYPE_MISMATCH;
  format = cairo_image_surface_get_format (surface);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return CAIRO_STATUS_INVALID_FORMAT;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (width <= 0 || height <= 0)
    return CAIRO_STATUS_INVALID_SIZE;

  alpha = format == CAIRO_FORMAT_ARGB32 && !is_opaque (data, width, height, stride);
  row = g_malloc ((gsize) width * 4);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, error_cb, warning_cb);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  png_set_write_fn (png, out, write_cb, flush_cb);

  if (!run_encoder (png, info, data, width, height, stride, alpha, row))
    status = CAIRO_STATUS_WRITE_ERROR;
  png_destroy_write_struct (&png, &info);

  return status;
}
