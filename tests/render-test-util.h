/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the render tests share: a pixel of an image surface and how far two colours are.
 * Header-only.
 */
#pragma once

#include <math.h>

#include "lode-palette.h"

/* The colour at (x, y), un-premultiplied; transparent black where nothing was drawn. */
static G_GNUC_UNUSED LodeRgba
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data;
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;
  double a;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  argb = *(guint32 *) (data + y * stride + 4 * x);
  a = ((argb >> 24) & 0xff) / 255.0;
  if (a == 0)
    return (LodeRgba) { 0, 0, 0, 0 };
  /* Un-premultiply. */
  return (LodeRgba) { ((argb >> 16) & 0xff) / 255.0 / a, ((argb >> 8) & 0xff) / 255.0 / a,
                      (argb & 0xff) / 255.0 / a, a };
}

/* Summed over r, g and b. */
static G_GNUC_UNUSED double
distance (LodeRgba a,
          LodeRgba b)
{
  return fabs (a.r - b.r) + fabs (a.g - b.g) + fabs (a.b - b.b);
}
