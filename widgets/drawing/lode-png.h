/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * PNG encoding of an exported page. The pixels are exactly those cairo_surface_write_to_png()
 * writes — 8-bit RGB when every pixel is opaque, otherwise 8-bit RGBA un-premultiplied the way
 * Cairo does it, with the same white bKGD chunk — but the encoder is tuned for drawn pages
 * (flat colours, long runs): no per-row filter and zlib level 3 instead of libpng's adaptive
 * filters at level 6, and large pages deflated in strips on every processor. On Lodestone's
 * charts and diagrams that is about five times less work, done in half the time again on two
 * cores, and the files are about as large (smaller for diagrams, a tenth larger for a chart).
 *
 * Cairo and zlib only (no GTK, no model), like the rest of the drawing library.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A cleared ARGB32 image surface for a page of `width` × `height` pixels that is about to be
 * painted and encoded. Pages of 2 MiB and more get their memory in transparent huge pages where
 * the kernel offers them: painting a fresh 1600 × 900 page then takes 3 page faults instead of
 * 1,406, which on a virtual machine is most of the cost of an export. Otherwise, or when that
 * fails, it is cairo_image_surface_create(). Free it with cairo_surface_destroy(). */
cairo_surface_t *lode_png_surface_new (int width,
                                       int height) G_GNUC_WARN_UNUSED_RESULT;

/* Appends `surface` (an image surface, ARGB32 or RGB24) as a PNG file to `out`. Returns
 * CAIRO_STATUS_SUCCESS, or the status that says why not (not an image surface, another
 * format, a surface in error, out of memory). */
cairo_status_t   lode_png_write       (cairo_surface_t *surface,
                                       GByteArray      *out);

G_END_DECLS
