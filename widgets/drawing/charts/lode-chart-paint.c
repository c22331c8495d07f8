/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-chart-paint"

#include "config.h"

#include <math.h>

#include "lode-chart-paint.h"
#include "lode-text.h"

/* Strokes and marks at font scale 1, px. */
#define GHOST_LINE_PX      1.75   /* the baseline */
#define GUIDE_LINE_PX      1.5    /* the target and the price floor */
#define DROP_LINE_PX       1.25   /* from the reached marker down to the axis */
#define REFERENCE_LINE_PX  1.25   /* all US need met */
#define YEAR_TICK_PX       4.0
#define POINT_PX           3.0    /* a one-year line */
#define SWATCH_LINE_PX     3.0
#define SWATCH_INSET_PX    1.5
#define SWATCH_CORNER_PX   2.0
#define CARD_RADIUS_PX     8.0

/* Dashes, on and off, at font scale 1, px. */
#define GUIDE_DASH_ON   6.0
#define GUIDE_DASH_OFF  4.0
#define GHOST_DASH_ON   5.0
#define GHOST_DASH_OFF  4.0
#define PART_DASH_ON    7.0    /* a dashed scenario line: a part of another line */
#define PART_DASH_OFF   3.5
#define DROP_DASH_ON    2.0
#define DROP_DASH_OFF   3.0

/* Markers: radius and ring width at font scale 1, px. */
#define BASE_MARKER_PX     3.5
#define BASE_MARKER_RING   1.5
#define REACHED_MARKER_PX  5.0
#define REACHED_MARKER_RING 2.25
#define HOVER_DOT_PX       4.0
#define HOVER_DOT_RING     2.0

/* Stacked bands are this opaque over the background; uncertainty bands much less. */
#define BAND_OPACITY 0.88
#define UNCERTAINTY_OPACITY 0.2
#define MEDIAN_LINE_PX 1.5
#define MEDIAN_DASH_ON 3.0
#define MEDIAN_DASH_OFF 3.0
/* A category chart's bars have corners this round (× font scale). */
#define BAR_RADIUS_PX 2.0

/* Snaps a 1 px horizontal or vertical line to the pixel grid. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
paint_grid (cairo_t               *cr,
            const LodeChartLayout *layout,
            const LodePalette     *palette)
{
  const LodeChartAxis *axis = &layout->axes[0];
  const LodeChartRect *plot = &layout->plot;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (int k = 0; k < axis->ticks.n_ticks; k++)
    {
      double y = crisp (axis->tick_y[k]);
      gboolean zero = axis->ticks.ticks[k] == 0;

      lode_cairo_set_rgba (cr, zero ? lode_rgba_with_alpha (palette->muted, 0.55) : palette->grid);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
    }

  if (layout->has_reference)
    {
      double y = crisp (layout->reference_y);

      cairo_set_line_width (cr, MAX (1.0, round (REFERENCE_LINE_PX * layout->options.font_scale)));
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->muted, 0.7));
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1.0);
    }

  /* Short year ticks under the axis. */
  lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->muted, 0.55));
  for (int k = 0; k < layout->n_x_ticks; k++)
    {
      double x = crisp (layout->x_tick_x[k]);
      double y = plot->y + plot->height;

      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, y + YEAR_TICK_PX * layout->options.font_scale);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Adds a polyline through the finite points, breaking at gaps. */
static void
trace_line (cairo_t      *cr,
            const double *x,
            const double *y,
            int           n)
{
  gboolean pen_down = FALSE;

  for (int i = 0; i < n; i++)
    {
      if (!isfinite (y[i]))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x[i], y[i]);
      else
        cairo_move_to (cr, x[i], y[i]);
      pen_down = TRUE;
    }
}

/* An uncertainty band: the area between P10 and P90 over the years both are known. */
/* An uncertainty band's tint of `colour`: opaque on an opaque background. */
static void
set_band_colour (cairo_t           *cr,
                 const LodePalette *palette,
                 LodeRgba           colour)
{
  if (palette->background.a >= 1.0)
    lode_cairo_set_rgba (cr, lode_rgba_mix (palette->background, colour, UNCERTAINTY_OPACITY));
  else
    lode_cairo_set_rgba (cr, lode_rgba_with_alpha (colour, UNCERTAINTY_OPACITY));
}

static void
paint_band (cairo_t               *cr,
            const LodeChartSeries *series,
            int                    n,
            const LodePalette     *palette,
            LodeRgba               colour)
{
  int i = 0;

  while (i < n)
    {
      int start, end;

      while (i < n && !(isfinite (series->y[i]) && isfinite (series->y_base[i])))
        i++;
      start = i;
      while (i < n && isfinite (series->y[i]) && isfinite (series->y_base[i]))
        i++;
      end = i;
      if (end - start < 1)
        continue;
      cairo_move_to (cr, series->x[start], series->y[start]);
      for (int k = start + 1; k < end; k++)
        cairo_line_to (cr, series->x[k], series->y[k]);
      for (int k = end - 1; k >= start; k--)
        cairo_line_to (cr, series->x[k], series->y_base[k]);
      cairo_close_path (cr);
    }
  set_band_colour (cr, palette, colour);
  cairo_fill (cr);
}

static void
paint_series (cairo_t               *cr,
              const LodeChartLayout *layout,
              const LodePalette     *palette,
              const LodeChartSeries *series)
{
  double fs = layout->options.font_scale;
  LodeRgba colour = lode_chart_colour_resolve (series->colour, palette);
  int n = layout->n_years;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  switch (series->style)
    {
    case LODE_CHART_SERIES_AREA:
      cairo_move_to (cr, series->x[0], series->y_base[0]);
      for (int i = 0; i < n; i++)
        cairo_line_to (cr, series->x[i], isfinite (series->y[i]) ? series->y[i]
                                                                  : series->y_base[i]);
      for (int i = n - 1; i >= 0; i--)
        cairo_line_to (cr, series->x[i], series->y_base[i]);
      cairo_close_path (cr);
      /* A touch of the background softens the band; mixed in here, not blended per pixel,
       * so an opaque canvas gets pixman's fast solid fill. */
      if (palette->background.a >= 1.0)
        lode_cairo_set_rgba (cr, lode_rgba_mix (palette->background, colour, BAND_OPACITY));
      else
        lode_cairo_set_rgba (cr, lode_rgba_with_alpha (colour, BAND_OPACITY));
      cairo_fill (cr);
      /* A hairline in the background colour keeps neighbouring bands apart. */
      trace_line (cr, series->x, series->y, n);
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->background, 0.9));
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      break;

    case LODE_CHART_SERIES_BARS:
      lode_cairo_set_rgba (cr, colour);
      for (int i = 0; i < n; i++)
        {
          /* A bar may hang below its base (money paid out, in the fund chart). */
          double top = MIN (series->y[i], series->y_base[i]);
          double height = fabs (series->y_base[i] - series->y[i]);

          if (!isfinite (height) || height < 0.01)
            continue;
          cairo_rectangle (cr, series->x[i] - layout->bar_width / 2, top, layout->bar_width,
                           height);
        }
      cairo_fill (cr);
      break;

    case LODE_CHART_SERIES_BAND:
      paint_band (cr, series, n, palette, colour);
      break;

    case LODE_CHART_SERIES_MEDIAN:
      trace_line (cr, series->x, series->y, n);
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (colour, 0.9));
      cairo_set_line_width (cr, MEDIAN_LINE_PX * fs);
      {
        double dash[] = { MEDIAN_DASH_ON * fs, MEDIAN_DASH_OFF * fs };

        cairo_set_dash (cr, dash, 2, 0);
      }
      cairo_stroke (cr);
      break;

    case LODE_CHART_SERIES_GHOST:
      trace_line (cr, series->x, series->y, n);
      lode_cairo_set_rgba (cr, colour);
      cairo_set_line_width (cr, GHOST_LINE_PX * fs);
      if (series->dashed)
        {
          double dash[] = { GHOST_DASH_ON * fs, GHOST_DASH_OFF * fs };

          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      break;

    case LODE_CHART_SERIES_LINE:
    default:
      trace_line (cr, series->x, series->y, n);
      lode_cairo_set_rgba (cr, colour);
      cairo_set_line_width (cr, layout->line_width);
      if (series->dashed)
        {
          double dash[] = { PART_DASH_ON * fs, PART_DASH_OFF * fs };

          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      /* A single year has no line: show it as a point. */
      if (n == 1 && isfinite (series->y[0]))
        {
          cairo_arc (cr, series->x[0], series->y[0], POINT_PX * fs, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    }
  cairo_restore (cr);
}

static void
paint_marker (cairo_t  *cr,
              double    x,
              double    y,
              double    radius,
              double    width,
              LodeRgba  ring,
              LodeRgba  fill)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  lode_cairo_set_rgba (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, width);
  lode_cairo_set_rgba (cr, ring);
  cairo_stroke (cr);
}

static void
paint_guides (cairo_t               *cr,
              const LodeChartLayout *layout,
              const LodePalette     *palette)
{
  double fs = layout->options.font_scale;
  const LodeChartRect *plot = &layout->plot;
  double dash[] = { GUIDE_DASH_ON * fs, GUIDE_DASH_OFF * fs };

  cairo_save (cr);
  if (layout->has_target)
    {
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, GUIDE_LINE_PX * fs);
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->target, 0.85));
      cairo_move_to (cr, plot->x, layout->target_y);
      cairo_line_to (cr, plot->x + plot->width, layout->target_y);
      cairo_stroke (cr);
    }
  if (layout->has_floor)
    {
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, GUIDE_LINE_PX * fs);
      lode_cairo_set_rgba (cr, palette->warning);
      cairo_move_to (cr, layout->floor_x0, layout->floor_y);
      cairo_line_to (cr, layout->floor_x1, layout->floor_y);
      cairo_stroke (cr);
    }
  if (layout->has_reached)
    {
      double drop[] = { DROP_DASH_ON * fs, DROP_DASH_OFF * fs };

      cairo_set_dash (cr, drop, 2, 0);
      cairo_set_line_width (cr, DROP_LINE_PX * fs);
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->accent, 0.6));
      cairo_move_to (cr, layout->reached_x, layout->reached_y);
      cairo_line_to (cr, layout->reached_x, plot->y + plot->height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
paint_markers (cairo_t               *cr,
               const LodeChartLayout *layout,
               const LodePalette     *palette)
{
  double fs = layout->options.font_scale;

  cairo_save (cr);
  if (layout->has_base_reached)
    paint_marker (cr, layout->base_reached_x, layout->base_reached_y, BASE_MARKER_PX * fs,
                  BASE_MARKER_RING * fs, palette->ghost, palette->background);
  if (layout->has_reached)
    paint_marker (cr, layout->reached_x, layout->reached_y, REACHED_MARKER_PX * fs,
                  REACHED_MARKER_RING * fs, palette->accent, palette->background);
  cairo_restore (cr);
}

static void
paint_labels (cairo_t           *cr,
              const GArray      *labels,
              const LodePalette *palette,
              double             fs)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const LodeChartLabel *label = &g_array_index (labels, LodeChartLabel, i);

      if (label->has_swatch)
        {
          LodeRgba colour = lode_chart_colour_resolve (label->swatch_colour, palette);

          cairo_save (cr);
          if (label->swatch_light)
            set_band_colour (cr, palette, colour);
          else
            lode_cairo_set_rgba (cr, colour);
          if (label->swatch_block)
            {
              double side = MIN (label->swatch_width, label->size * 0.8);

              lode_cairo_rounded_rect (cr, label->swatch_x + (label->swatch_width - side) / 2,
                            label->swatch_y - side / 2, side, side, SWATCH_CORNER_PX * fs);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_line_width (cr, SWATCH_LINE_PX * fs);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              if (label->swatch_dashed)
                {
                  double dash[] = { MEDIAN_DASH_ON * fs, 2.0 * fs };

                  /* The median's dashes, thinner and square-ended as on the chart. */
                  cairo_set_line_width (cr, 2 * MEDIAN_LINE_PX * fs);
                  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
                  cairo_set_dash (cr, dash, 2, 0);
                }
              cairo_move_to (cr, label->swatch_x + SWATCH_INSET_PX * fs, label->swatch_y);
              cairo_line_to (cr, label->swatch_x + label->swatch_width - SWATCH_INSET_PX * fs,
                             label->swatch_y);
              cairo_stroke (cr);
            }
          cairo_restore (cr);
        }
      lode_text_draw (cr, label->text, label->x, label->y, label->size, label->flags,
                      label->align, lode_chart_colour_resolve (label->colour, palette));
    }
}

/* A category chart: value grid lines, the bars, the base line. */
static void
paint_rows (cairo_t               *cr,
            const LodeChartLayout *layout,
            const LodePalette     *palette)
{
  const LodeChartRect *plot = &layout->plot;
  const LodeChartTicks *ticks = &layout->axes[0].ticks;
  double fs = layout->options.font_scale;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (int k = 0; k < layout->n_x_ticks; k++)
    {
      double x = crisp (layout->x_tick_x[k]);
      gboolean zero = k < ticks->n_ticks && ticks->ticks[k] == 0;

      lode_cairo_set_rgba (cr, zero ? lode_rgba_with_alpha (palette->muted, 0.55) : palette->grid);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
      cairo_stroke (cr);
    }
  for (guint i = 0; layout->bars != NULL && i < layout->bars->len; i++)
    {
      const LodeChartBar *bar = &g_array_index (layout->bars, LodeChartBar, i);

      if (bar->rect.width < 0.01)
        continue;
      lode_cairo_set_rgba (cr, lode_chart_colour_resolve (bar->colour, palette));
      lode_cairo_rounded_rect (cr, bar->rect.x, bar->rect.y, bar->rect.width, bar->rect.height,
                               BAR_RADIUS_PX * fs);
      cairo_fill (cr);
    }
  if (layout->has_base)
    {
      cairo_set_line_width (cr, MAX (1.0, round (GUIDE_LINE_PX * fs)));
      lode_cairo_set_rgba (cr, palette->foreground);
      cairo_move_to (cr, round (layout->base_x), plot->y - 2 * fs);
      cairo_line_to (cr, round (layout->base_x), plot->y + plot->height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
lode_chart_paint_hover (cairo_t               *cr,
                        const LodeChartLayout *layout,
                        const LodeChartHover  *hover,
                        const LodePalette     *palette)
{
  double fs;
  const LodeChartRect *plot;
  const LodeChartRect *card;
  int i;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (hover != NULL);
  g_return_if_fail (palette != NULL);

  fs = layout->options.font_scale;
  plot = &layout->plot;
  card = &hover->card;
  i = hover->index;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->foreground, 0.45));
  cairo_move_to (cr, crisp (hover->x), plot->y);
  cairo_line_to (cr, crisp (hover->x), plot->y + plot->height);
  cairo_stroke (cr);

  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);

      if (series->style != LODE_CHART_SERIES_LINE && series->style != LODE_CHART_SERIES_GHOST)
        continue;
      if (!isfinite (series->y[i]))
        continue;
      paint_marker (cr, series->x[i], series->y[i], HOVER_DOT_PX * fs, HOVER_DOT_RING * fs,
                    palette->background, lode_chart_colour_resolve (series->colour, palette));
    }

  /* The card: a soft shadow, the card colour, a hairline border. */
  lode_cairo_rounded_rect (cr, card->x + 1, card->y + 2, card->width, card->height,
                           CARD_RADIUS_PX * fs);
  cairo_set_source_rgba (cr, 0, 0, 0, palette->dark ? 0.35 : 0.10);
  cairo_fill (cr);
  lode_cairo_rounded_rect (cr, card->x, card->y, card->width, card->height, CARD_RADIUS_PX * fs);
  lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->card, 0.97));
  cairo_fill_preserve (cr);
  lode_cairo_set_rgba (cr, palette->grid);
  cairo_stroke (cr);
  cairo_restore (cr);

  paint_labels (cr, hover->labels, palette, fs);
}

void
lode_chart_paint (cairo_t               *cr,
                  const LodeChartLayout *layout,
                  const LodePalette     *palette)
{
  const LodeChartRect *plot;
  double fs;
  double margin;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  plot = &layout->plot;
  fs = layout->options.font_scale;

  cairo_save (cr);
  if (palette->background.a > 0)
    {
      lode_cairo_set_rgba (cr, palette->background);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  if (layout->empty)
    {
      paint_labels (cr, layout->labels, palette, fs);
      cairo_restore (cr);
      return;
    }
  if (layout->horizontal)
    {
      paint_rows (cr, layout, palette);
      paint_labels (cr, layout->labels, palette, fs);
      cairo_restore (cr);
      return;
    }

  paint_grid (cr, layout, palette);

  /* Series stay in the plot (the axes hold every value), with room for a stroke. */
  margin = layout->line_width;
  cairo_save (cr);
  cairo_rectangle (cr, plot->x - margin, plot->y - margin, plot->width + 2 * margin,
                   plot->height + 2 * margin);
  cairo_clip (cr);
  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);

      if (series->style == LODE_CHART_SERIES_AREA || series->style == LODE_CHART_SERIES_BARS
          || series->style == LODE_CHART_SERIES_BAND)
        paint_series (cr, layout, palette, series);
    }
  paint_guides (cr, layout, palette);
  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);

      if (series->style == LODE_CHART_SERIES_GHOST || series->style == LODE_CHART_SERIES_LINE
          || series->style == LODE_CHART_SERIES_MEDIAN)
        paint_series (cr, layout, palette, series);
    }
  paint_markers (cr, layout, palette);
  cairo_restore (cr);

  if (layout->has_selected)
    {
      const LodeChartRect *pill = &layout->selected_pill;

      cairo_save (cr);
      /* Two device pixels wide on the pixel grid: crisp at any scale. */
      cairo_set_line_width (cr, 2.0);
      lode_cairo_set_rgba (cr, lode_rgba_with_alpha (palette->accent, 0.8));
      cairo_move_to (cr, round (layout->selected_x), plot->y);
      cairo_line_to (cr, round (layout->selected_x), plot->y + plot->height);
      cairo_stroke (cr);
      lode_cairo_rounded_rect (cr, pill->x, pill->y, pill->width, pill->height, pill->height / 2);
      lode_cairo_set_rgba (cr, palette->accent);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  paint_labels (cr, layout->labels, palette, fs);
  cairo_restore (cr);
}
