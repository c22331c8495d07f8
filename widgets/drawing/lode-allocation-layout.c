/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-allocation-layout.c — the fund allocation bar's layout and paint. */

#define G_LOG_DOMAIN "lode-allocation-layout"

#include "config.h"

#include <math.h>

#include "lode-allocation.h"
#include "lode-allocation-layout.h"
#include "lode-text.h"

#define SEGMENT_GAP    2.0    /* px between two segments */
#define TRACK_RADIUS   6.0    /* px */
#define LABEL_MARGIN   6.0    /* px a percentage needs beside its text to be shown */
#define TRACK_ALPHA    0.1    /* the empty track: the text colour, faintly */

/* Text on a segment: dark on a light colour (relative luminance above this), light on a dark
 * one. */
#define LIGHT_COLOUR_FROM 0.45
static const LodeRgba dark_text = { 0.0, 0.0, 0.0, 0.85 };
static const LodeRgba light_text = { 1.0, 1.0, 1.0, 0.95 };

/* A share is shown when it is more than this. */
#define VISIBLE_SHARE 1e-9

static double
luminance (LodeRgba c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/* The percentage centred in its segment, if it fits. */
static void
place_label (LodeAllocationSegment *segment,
             double                 share,
             double                 height,
             double                 font_px)
{
  g_autofree char *text = lode_allocation_format_share (share);
  double text_w = 0, text_h = 0;

  lode_text_measure (text, font_px, LODE_TEXT_NORMAL, &text_w, &text_h);
  if (text_w + LABEL_MARGIN > segment->width || text_h > height)
    return;
  segment->label = g_steal_pointer (&text);
  segment->label_x = round (segment->x + (segment->width - text_w) / 2.0);
  segment->label_y = round ((height - text_h) / 2.0);
  segment->dark_label = luminance (lode_palette_fund_share (segment->share)) > LIGHT_COLOUR_FROM;
}

LodeAllocationLayout *
lode_allocation_layout_new (const double shares[LODE_N_ALLOC],
                            double       width,
                            double       height,
                            double       font_px)
{
  LodeAllocationLayout *layout = g_new0 (LodeAllocationLayout, 1);
  double sum = 0.0, x = 0.0, available;
  guint n_visible = 0;

  g_return_val_if_fail (shares != NULL, layout);

  layout->width = MAX (width, 0);
  layout->height = MAX (height, 0);
  layout->radius = TRACK_RADIUS;
  layout->font_px = font_px;

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      sum += MAX (shares[i], 0.0);
      if (shares[i] > VISIBLE_SHARE)
        n_visible++;
    }
  if (sum <= 0.0 || n_visible == 0)
    return layout;

  available = layout->width - SEGMENT_GAP * (n_visible - 1);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      double share = MAX (shares[i], 0.0);
      LodeAllocationSegment *segment;

      if (share <= VISIBLE_SHARE)
        continue;
      segment = &layout->segments[layout->n_segments++];
      segment->share = i;
      segment->x = x;
      segment->width = available * share / sum;
      place_label (segment, share, layout->height, font_px);
      x += segment->width + SEGMENT_GAP;
    }
  return layout;
}

void
lode_allocation_layout_free (LodeAllocationLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->n_segments; i++)
    g_free (layout->segments[i].label);
  g_free (layout);
}

void
lode_allocation_paint (cairo_t                    *cr,
                       const LodeAllocationLayout *layout,
                       const LodePalette          *palette)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  cairo_save (cr);
  /* The track, so an empty split still shows where the bar is. */
  lode_cairo_rounded_rect (cr, 0, 0, layout->width, layout->height, layout->radius);
  lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->foreground, TRACK_ALPHA));
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  for (guint i = 0; i < layout->n_segments; i++)
    {
      const LodeAllocationSegment *segment = &layout->segments[i];

      cairo_rectangle (cr, segment->x, 0, segment->width, layout->height);
      lode_cairo_set_rgba (cr, lode_palette_fund_share (segment->share));
      cairo_fill (cr);
      if (segment->label != NULL)
        lode_text_draw (cr, segment->label, segment->label_x, segment->label_y, layout->font_px,
                        LODE_TEXT_NORMAL, 0, segment->dark_label ? dark_text : light_text);
    }
  cairo_restore (cr);
}
