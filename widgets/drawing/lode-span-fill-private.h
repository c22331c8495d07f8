/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What lode-span-fill.c's scan converter hands to its blender (lode-span-blend.c): the spans
 * of a pixel row's four grid rows and the source to blend, and the blender's one entry.
 * Private to the drawing library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Grid steps per pixel, each way (Cairo's fast scan converter samples 4 × 4 per pixel). */
#define LODE_SPAN_GRID    4
#define LODE_SPAN_SAMPLES (LODE_SPAN_GRID * LODE_SPAN_GRID)

/* Grid columns [a, b) of one grid row, covered. */
typedef struct
{
  int a, b;
} LodeSpan;

/* What is blended: a solid colour, or a repeating image. */
typedef struct
{
  const guint32 *data;     /* NULL: a solid colour, set with lode_span_source_set_solid() */
  int            width, height, stride;   /* stride in pixels */
  int            dx, dy;                  /* pattern pixel = device pixel + (dx, dy) */
  /* A solid colour at n covered samples turns a pixel d into lit[n] + d × keep[n] / 255,
   * each product rounded with `half`. */
  guint32        lit[LODE_SPAN_SAMPLES + 1];
  guint8         keep[LODE_SPAN_SAMPLES + 1];
  guint32        half;
} LodeSpanSource;

/* A solid colour, premultiplied ARGB as pixman holds it. */
void lode_span_source_set_solid (LodeSpanSource *src,
                                 guint32         pixel);

/* Blends pixel row y of the image at `data` (ARGB32, `stride` bytes a row): the spans of its
 * grid rows are spans[first[g]] … spans[first[g + 1] − 1] for g = 0 … 3. `events` is scratch
 * for 8 per span. */
void lode_span_blend_row (guint8               *data,
                          int                   stride,
                          const LodeSpanSource *src,
                          int                   y,
                          const LodeSpan       *spans,
                          const guint          *first,
                          guint32              *events);

G_END_DECLS
