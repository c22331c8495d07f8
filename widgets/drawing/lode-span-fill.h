/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cairo_fill() for the flow diagram's translucent ribbons on image surfaces, pixel for pixel
 * as Cairo 1.16 fills them under CAIRO_ANTIALIAS_FAST, at a fraction of the cost.
 *
 * Cairo fills a translucent path one pixel row at a time, handing pixman a composite call or
 * three per row (about 25,000 per diagram at 1920×1080, each a few hundred instructions
 * before a pixel is touched). This filler flattens the path as Cairo does, samples it on the
 * same 4×4 grid as Cairo's fast scan converter (vertices snapped to a quarter pixel, each
 * edge stepped exactly, a sample covered where the winding rule says so), and blends runs of
 * equal coverage four pixels at a time with pixman's rounding: source IN coverage OVER
 * destination, every product rounded as pixman rounds it. The pixels are Cairo's:
 * test-span-fill compares them with cairo_fill() on random paths of every kind and on the
 * flow diagrams of three presets.
 *
 * It fills what it can do exactly: an ARGB32 image target, the OVER operator, fast
 * antialiasing, a solid colour or a repeating image pattern at an integer offset, no clip or
 * one whole-pixel rectangle, the path within the clip's columns, and Cairo 1.16 (whose
 * rasteriser it follows). Anything else it hands to cairo_fill(), so a caller may use it for
 * every fill. Drawing library: Cairo only.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _LodeSpanFill LodeSpanFill;

/* A filler for `cr`'s target as it is clipped now; NULL when the target is not one it fills
 * (a vector surface, another format, a clip that is not one whole-pixel rectangle, another
 * Cairo). The clip must not change while the filler is in use. */
LodeSpanFill *lode_span_fill_new  (cairo_t      *cr) G_GNUC_WARN_UNUSED_RESULT;
void          lode_span_fill_free (LodeSpanFill *self);

/* Fills the current path like cairo_fill() and clears it. `self` may be NULL: then it is
 * cairo_fill(). */
void          lode_span_fill      (LodeSpanFill *self,
                                   cairo_t      *cr);
/* The same, but returns FALSE and leaves the path as it was when this filler cannot do the
 * fill exactly (the caller then fills it with Cairo). For the tests. */
gboolean      lode_span_fill_try  (LodeSpanFill *self,
                                   cairo_t      *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeSpanFill, lode_span_fill_free)

G_END_DECLS
