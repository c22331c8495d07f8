/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-png.c — Cairo's PNG pixels, written with an encoder tuned for drawn pages. */

#define G_LOG_DOMAIN "lode-png"

#include "config.h"

#include <png.h>
#include <string.h>
#include <sys/mman.h>

#include "lode-png.h"

/* zlib's level: 3 is the last level without lazy matching. On drawn pages it is about twice
 * as fast as 4 and the files are 5–15 % larger; both beat libpng's default (6, with adaptive
 * filters) by far in time. */
#define COMPRESSION_LEVEL 3

/* Bytes of deflated data per IDAT chunk. */
#define IDAT_SIZE (64 * 1024)

/* A transparent huge page on x86-64 and arm64 (4 KiB base pages). */
#define HUGE_PAGE ((gsize) 2 << 20)

typedef struct
{
  void  *base;
  gsize  length;
} Mapping;

static const cairo_user_data_key_t mapping_key;

static void
mapping_free (void *data)
{
  Mapping *mapping = data;

  munmap (mapping->base, mapping->length);
  g_free (mapping);
}

/* An image surface on memory mapped for it, 2 MiB-aligned and advised to use huge pages; NULL
 * when the system does not offer that. */
static cairo_surface_t *
huge_page_surface_new (int width,
                       int height)
{
#ifdef MADV_HUGEPAGE
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  cairo_surface_t *surface;
  Mapping *mapping;
  guint8 *base, *aligned;
  gsize size;

  if (stride <= 0 || height <= 0 || (gsize) stride * (gsize) height < HUGE_PAGE)
    return NULL;
  size = ((gsize) stride * (gsize) height + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  /* One huge page more than needed, to start on a 2 MiB boundary; pages never touched cost
   * nothing. Fresh anonymous memory reads as zero: the surface starts transparent. */
  base = mmap (NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
               -1, 0);
  if (base == MAP_FAILED)
    return NULL;
  aligned = (guint8 *) (((guintptr) base + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  if (madvise (aligned, size, MADV_HUGEPAGE) != 0)
    {
      munmap (base, size + HUGE_PAGE);
      return NULL;
    }

  mapping = g_new (Mapping, 1);
  mapping->base = base;
  mapping->length = size + HUGE_PAGE;
  surface = cairo_image_surface_create_for_data (aligned, CAIRO_FORMAT_ARGB32, width, height,
                                                 stride);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_surface_set_user_data (surface, &mapping_key, mapping, mapping_free)
         != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      mapping_free (mapping);
      return NULL;
    }
  return surface;
#else
  return NULL;
#endif
}

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

/* Whether every pixel's alpha is 0xff: the rows' words ANDed together, a loop the compiler
 * vectorises, checked once per row. */
static gboolean
is_opaque (const guint8 *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);
      guint32 all = 0xffffffff;

      for (int x = 0; x < width; x++)
        all &= px[x];
      if ((all >> 24) != 0xff)
        return FALSE;
    }
  return TRUE;
}

/* The page being written: its pixels, and one row of the file's. */
typedef struct
{
  const guint8 *data;
  int           width;
  int           height;
  int           stride;
  gboolean      alpha;    /* RGBA, else RGB */
  guint8       *row;
} Image;

/* Row `y` of native-endian premultiplied ARGB words as the file's bytes: R, G, B, or straight
 * R, G, B, A rounded as Cairo's own PNG writer rounds them, so the files hold the same pixels. */
static void
convert_row (const Image *image,
             int          y)
{
  const guint32 *px = (const guint32 *) (image->data + (gsize) y * image->stride);
  guint8 *out = image->row;

  if (!image->alpha)
    {
      for (int x = 0; x < image->width; x++, out += 3)
        {
          out[0] = (guint8) (px[x] >> 16);
          out[1] = (guint8) (px[x] >> 8);
          out[2] = (guint8) px[x];
        }
      return;
    }

  for (int x = 0; x < image->width; x++, out += 4)
    {
      guint32 p = px[x];
      guint32 alpha = p >> 24;

      if (alpha == 0)
        memset (out, 0, 4);
      else if (alpha == 0xff)
        {
          out[0] = (guint8) (p >> 16);
          out[1] = (guint8) (p >> 8);
          out[2] = (guint8) p;
          out[3] = 0xff;
        }
      else
        {
          out[0] = (guint8) ((((p >> 16) & 0xff) * 255 + alpha / 2) / alpha);
          out[1] = (guint8) ((((p >> 8) & 0xff) * 255 + alpha / 2) / alpha);
          out[2] = (guint8) (((p & 0xff) * 255 + alpha / 2) / alpha);
          out[3] = (guint8) alpha;
        }
    }
}

static void
encode (png_structp  png,
        png_infop    info,
        const Image *image)
{
  png_color_16 white = { 0, 0xff, 0xff, 0xff, 0xff };

  png_set_IHDR (png, info, (png_uint_32) image->width, (png_uint_32) image->height, 8,
                image->alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_bKGD (png, info, &white);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, COMPRESSION_LEVEL);
  png_set_compression_buffer_size (png, IDAT_SIZE);
  png_write_info (png, info);

  for (int y = 0; y < image->height; y++)
    {
      convert_row (image, y);
      png_write_row (png, image->row);
    }
  png_write_end (png, info);
}

/* libpng reports errors by longjmp() to here: nothing in this frame changes after setjmp(). */
static gboolean
run_encoder (png_structp  png,
             png_infop    info,
             const Image *image)
{
  if (setjmp (png_jmpbuf (png)) != 0)
    return FALSE;
  encode (png, info, image);
  return TRUE;
}

cairo_surface_t *
lode_png_surface_new (int width,
                      int height)
{
  cairo_surface_t *surface = huge_page_surface_new (width, height);

  if (surface != NULL)
    return surface;
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}

cairo_status_t
lode_png_write (cairo_surface_t *surface,
                GByteArray      *out)
{
  g_autofree guint8 *row = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  cairo_format_t format;
  png_structp png;
  png_infop info;
  Image image;

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
  image.data = cairo_image_surface_get_data (surface);
  image.width = cairo_image_surface_get_width (surface);
  image.height = cairo_image_surface_get_height (surface);
  image.stride = cairo_image_surface_get_stride (surface);
  if (image.width <= 0 || image.height <= 0)
    return CAIRO_STATUS_INVALID_SIZE;

  image.alpha = format == CAIRO_FORMAT_ARGB32
                && !is_opaque (image.data, image.width, image.height, image.stride);
  image.row = row = g_malloc ((gsize) image.width * 4);

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

  if (!run_encoder (png, info, &image))
    status = CAIRO_STATUS_WRITE_ERROR;
  png_destroy_write_struct (&png, &info);

  return status;
}
