/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-marks.c — what a chart marks over its plot: the selected year, the line where all
 * US need is met, the target with the year it is reached, and the price floor. */

#define G_LOG_DOMAIN "lode-chart-marks"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-layout-private.h"

/* A mark's label sits this far (× font scale) right of the plot's edge and above its line. */
#define MARK_INSET_PX 4.0
#define MARK_RAISE_PX 2.0

/* "Reached in 2031" keeps this far (× font scale) from its marker. */
#define REACHED_GAP_PX 6.0

/* The selected year's pill is this much (× font scale) wider than its text. */
#define PILL_PADDING_PX 10.0

typedef struct
{
  double x, y;
} Spot;

/* Adds a label above a horizontal line at `line_y`, from the plot's left edge (or its right
 * edge with `align` 1). */
static void
label_over_line (LodeChartBuilder *b,
                 char             *text,
                 double            x,
                 double            line_y,
                 LodeTextFlags     flags,
                 double            align,
                 LodeChartColourRole role)
{
  const LodeChartMetrics *m = &b->m;

  lode_chart_label_add (b->data.layout->labels, text, x,
                        line_y - m->line_h - MARK_RAISE_PX * m->fs, m->small_px, flags, align,
                        LODE_CHART_COLOUR (role));
}

/* Selected year: a line and the year in an accent pill under the axis. */
void
lode_chart_place_selected_year (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  int year = layout->options.selected_year;
  char *text;
  double w, ly;

  if (year < layout->first_year || year > layout->last_year)
    return;

  text = g_strdup_printf ("%d", year);
  w = lode_chart_text_width (text, m->small_px, LODE_TEXT_BOLD) + PILL_PADDING_PX * m->fs;
  ly = layout->plot.y + layout->plot.height + m->gap * 0.75;
  layout->has_selected = TRUE;
  layout->selected_x = lode_chart_layout_x_for_year (layout, year);
  layout->selected_pill = (LodeChartRect) { layout->selected_x - w / 2, ly - 2 * m->fs, w,
                                            m->line_h + 4 * m->fs };
  lode_chart_label_add (layout->labels, text, layout->selected_x, ly, m->small_px,
                        LODE_TEXT_BOLD, 0.5, LODE_CHART_COLOUR (LODE_CHART_COLOUR_ON_ACCENT));
}

/* The 100 % line of self-sufficiency. */
void
lode_chart_place_full_need (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;

  layout->has_reference = TRUE;
  layout->reference_y = lode_chart_layout_y_for_value (layout, 0, 100.0);
  label_over_line (b, g_strdup (_("All US need met")), layout->plot.x + MARK_INSET_PX * b->m.fs,
                   layout->reference_y, LODE_TEXT_NORMAL, 0, LODE_CHART_COLOUR_MUTED);
}

static gboolean
rects_intersect (const LodeChartRect *a,
                 const LodeChartRect *c)
{
  return a->x < c->x + c->width && c->x < a->x + a->width
         && a->y < c->y + c->height && c->y < a->y + a->height;
}

/* Inside the plot and clear, with a little air, of every label so far. */
static gboolean
spot_is_clear (const LodeChartBuilder *b,
               const LodeChartRect    *r)
{
  const LodeChartLayout *layout = b->data.layout;
  const LodeChartRect *plot = &layout->plot;
  double fs = b->m.fs;

  if (!(r->x >= plot->x + 2 * fs && r->x + r->width <= plot->x + plot->width
        && r->y >= plot->y - b->m.line_h * 0.3 && r->y + r->height <= plot->y + plot->height))
    return FALSE;
  for (guint i = 0; i < layout->labels->len; i++)
    {
      LodeChartRect other = lode_chart_label_rect (&g_array_index (layout->labels,
                                                                   LodeChartLabel, i));

      other.x -= 2 * fs;
      other.y -= 2 * fs;
      other.width += 4 * fs;
      other.height += 4 * fs;
      if (rects_intersect (r, &other))
        return FALSE;
    }
  return TRUE;
}

/* "Reached in 2031" beside the point where the line crosses the target: the first place
 * (above left, above right, below right, below left, then above the target label) that stays
 * inside the plot and covers neither the target label nor another label; the line-end labels
 * sit outside the plot, so staying inside keeps clear of them. Takes `text`. */
static void
place_reached_label (LodeChartBuilder    *b,
                     char                *text,
                     const LodeChartRect *target_rect)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double rx = layout->reached_x, ry = layout->reached_y;
  double gap = REACHED_GAP_PX * m->fs;
  double right_of_target = target_rect->x + target_rect->width + 3 * gap;
  double w = 0, h = 0;
  double above, below, over_target;
  LodeChartRect best;
  gboolean placed = FALSE;

  lode_text_measure (text, m->small_px, LODE_TEXT_BOLD, &w, &h);
  above = ry - m->line_h - gap;
  below = ry + gap;
  over_target = target_rect->y - MAX (h, m->line_h) - 2 * m->fs;
  {
    /* Left edges of the text. */
    const Spot candidates[] = {
      { rx - gap - w, above },
      { rx + gap, above },
      { rx + gap, below },
      { rx - gap - w, below },
      { rx + gap, over_target },
      { rx - gap - w, over_target },
      /* On the target label's row, to its right, and below that. */
      { MAX (rx + gap, right_of_target), target_rect->y },
      { right_of_target, target_rect->y + target_rect->height + 2 * m->fs },
    };

    for (guint c = 0; c < G_N_ELEMENTS (candidates) && !placed; c++)
      {
        LodeChartRect r = { candidates[c].x, candidates[c].y, w, h };

        if (spot_is_clear (b, &r))
          {
            best = r;
            placed = TRUE;
          }
      }
  }
  if (!placed)
    {
      /* Nowhere is free (a tiny chart): right of the target label, inside the plot. */
      best = (LodeChartRect) { right_of_target, target_rect->y, w, h };
      best.x = MIN (best.x, layout->plot.x + layout->plot.width - w);
    }
  lode_chart_label_add (layout->labels, text, best.x, best.y, m->small_px, LODE_TEXT_BOLD, 0,
                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_ACCENT));
}

/* The first year at or above the target, as lode_projection_first_year_reaching() counts. */
static int
first_index_reaching (const LodeChartLayout *layout,
                      const LodeChartSeries *series)
{
  double target = 100 * layout->options.target_share;

  for (int i = 0; series != NULL && i < layout->n_years; i++)
    if (series->value[i] >= target - 1e-9)
      return i;
  return -1;
}

/* "Baseline 2033" under the point where the baseline reaches the target. */
static void
place_baseline_reached (LodeChartBuilder      *b,
                        const LodeChartSeries *ghost)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  int i = first_index_reaching (layout, ghost);
  char *text;
  double w, lx, align = 0.0;

  if (i < 0)
    return;
  /* Translators: marks the year the baseline reaches the target */
  text = g_strdup_printf (_("Baseline %d"), layout->first_year + i);
  w = lode_chart_text_width (text, m->small_px, LODE_TEXT_NORMAL);
  lx = ghost->x[i] + REACHED_GAP_PX * m->fs;
  layout->has_base_reached = TRUE;
  layout->base_reached_x = ghost->x[i];
  layout->base_reached_y = ghost->y[i];
  if (lx + w > layout->plot.x + layout->plot.width)
    {
      lx = ghost->x[i] - REACHED_GAP_PX * m->fs;
      align = 1.0;
    }
  lode_chart_label_add (layout->labels, text, lx, ghost->y[i] + MARK_INSET_PX * m->fs,
                        m->small_px, LODE_TEXT_NORMAL, align,
                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
}

void
lode_chart_place_target (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  LodeChartSeries *line = NULL;
  LodeChartSeries *ghost = NULL;
  g_autofree char *pct = lode_chart_format_value (LODE_CHART_FORMAT_PERCENT,
                                                  100 * layout->options.target_share);
  LodeChartRect target_rect;
  int reached;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = lode_chart_series_at (layout, s);

      if (series->style == LODE_CHART_SERIES_LINE)
        line = series;
      else if (series->style == LODE_CHART_SERIES_GHOST)
        ghost = series;
    }

  layout->target_y = lode_chart_layout_y_for_value (layout, 0, 100 * layout->options.target_share);
  reached = first_index_reaching (layout, line);
  if (reached >= 0)
    {
      layout->has_reached = TRUE;
      layout->reached_year = layout->first_year + reached;
      layout->reached_x = line->x[reached];
      layout->reached_y = line->y[reached];
    }
  place_baseline_reached (b, ghost);

  /* "Target 50%" sits on the left above its line; the reached year beside its marker. */
  label_over_line (b, g_strdup_printf (_("Target %s"), pct),
                   layout->plot.x + MARK_INSET_PX * m->fs, layout->target_y, LODE_TEXT_BOLD, 0,
                   LODE_CHART_COLOUR_TARGET);
  target_rect = lode_chart_label_rect (&g_array_index (layout->labels, LodeChartLabel,
                                                       layout->labels->len - 1));
  if (layout->has_reached)
    /* Translators: marks the year a target is reached on a chart */
    place_reached_label (b, g_strdup_printf (_("Reached in %d"), layout->reached_year),
                         &target_rect);
  else
    /* Translators: %d is the last year of the projection */
    label_over_line (b, g_strdup_printf (_("Not reached by %d"), layout->last_year),
                     layout->plot.x + layout->plot.width - MARK_INSET_PX * m->fs,
                     layout->target_y, LODE_TEXT_NORMAL, 1.0, LODE_CHART_COLOUR_MUTED);
}

void
lode_chart_place_floor (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodePriceFloor *floor = &layout->options.price_floor;
  int first = 0, last = 0;
  g_autofree char *value = NULL;

  for (int year = layout->first_year; year <= layout->last_year; year++)
    if (lode_price_floor_applies (floor, year))
      {
        if (first == 0)
          first = year;
        last = year;
      }
  if (first == 0)
    {
      layout->has_floor = FALSE;
      return;
    }
  layout->floor_y = lode_chart_layout_y_for_value (layout, 0, floor->usd_kg);
  layout->floor_x0 = lode_chart_layout_x_for_year (layout, first);
  layout->floor_x1 = lode_chart_layout_x_for_year (layout, last);
  if (layout->floor_x1 - layout->floor_x0 < layout->dx)
    layout->floor_x1 = MIN (layout->floor_x0 + layout->dx, layout->plot.x + layout->plot.width);

  value = lode_chart_format_value (LODE_CHART_FORMAT_USD_KG, floor->usd_kg);
  /* Translators: label of the price-floor line; %s is a price such as "$110/kg" */
  label_over_line (b, g_strdup_printf (_("Floor %s"), value),
                   layout->floor_x0 + MARK_INSET_PX * b->m.fs, layout->floor_y, LODE_TEXT_BOLD,
                   0, LODE_CHART_COLOUR_WARNING);
}
