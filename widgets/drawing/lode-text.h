/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Text for the paint functions and for layouts that must know how big a label is: Pango
 * through pangocairo, with a fixed font description so screen, export and tests measure alike.
 * Sizes are in device-independent pixels of the target surface. Drawing library: no GTK.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "lode-palette.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_TEXT_NORMAL = 0,
  LODE_TEXT_BOLD   = 1 << 0,
} LodeTextFlags;

#define LODE_TEXT_FAMILY "Cantarell, DejaVu Sans, Sans"

/* Starts what the first label needs: Pango's font map, which loads the font configuration on
 * a thread of its own. A program that will draw text calls it early so that loading overlaps
 * its other work (the command line: before it reads the dataset). */
void         lode_text_prepare      (void);
/* A layout for `text` at `size_px` for the given context (NULL: a private measuring context,
 * for pure layout code). Hinting is off so sizes do not depend on the target's scale. */
PangoLayout *lode_text_layout       (cairo_t       *cr,
                                     const char    *text,
                                     double         size_px,
                                     LodeTextFlags  flags) G_GNUC_WARN_UNUSED_RESULT;
/* Logical size of `text` in pixels. */
void         lode_text_measure      (const char    *text,
                                     double         size_px,
                                     LodeTextFlags  flags,
                                     double        *out_width,
                                     double        *out_height);
/* Draws `text` with its top-left corner at (x, y). `align`: 0 left, 0.5 centre, 1 right of x. */
void         lode_text_draw         (cairo_t       *cr,
                                     const char    *text,
                                     double         x,
                                     double         y,
                                     double         size_px,
                                     LodeTextFlags  flags,
                                     double         align,
                                     LodeRgba       colour);
/* The same on one line no wider than `max_width`, cut with an ellipsis where it is wider;
 * returns the width drawn (0 when there is no room). Not cached: for captions and footers. */
double       lode_text_draw_line    (cairo_t       *cr,
                                     const char    *text,
                                     double         x,
                                     double         y,
                                     double         max_width,
                                     double         size_px,
                                     LodeTextFlags  flags,
                                     double         align,
                                     LodeRgba       colour);

G_END_DECLS
