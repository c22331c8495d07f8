/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-labels.c — the chart's heading and legend, and the labels at the lines' right
 * ends. */

#define G_LOG_DOMAIN "lode-chart-labels"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-layout-private.h"
#include "lode-format.h"

/* Legend spacing, in gaps: between a swatch and its text, between two items; rows apart, in
 * text lines. */
#define LEGEND_SWATCH_GAP 0.6
#define LEGEND_ITEM_GAP   1.6
#define LEGEND_ROW        1.25

/* The legend holds at most this many items beyond one per region. */
#define LEGEND_EXTRA_ITEMS 8

typedef struct
{
  char            *text;      /* owned until handed to a label */
  LodeChartColour  colour;
  gboolean         block;
  gboolean         dashed;
  gboolean         light;     /* an uncertainty band */
} LegendItem;

typedef struct
{
  LodeChartSeries *series;
  double           y;
} DirectLabel;

static double
swatch_width (const LodeChartMetrics *m)
{
  return LODE_CHART_SWATCH_PX * m->fs;
}

/* The series that get a label at their right end: lines and bands, not bars. */
gboolean
lode_chart_wants_direct_label (const LodeChartSeries *series)
{
  return series->style != LODE_CHART_SERIES_BARS && series->style != LODE_CHART_SERIES_BAND
         && series->style != LODE_CHART_SERIES_MEDIAN;
}

/* The legend's text: a band and its median say what they are for every line they follow. */
static char *
legend_text (const LodeChartLayout *layout,
             const LodeChartSeries *series)
{
  const LodeBands *bands = layout->options.bands;

  if (series->style == LODE_CHART_SERIES_BAND && bands != NULL)
    {
      g_autofree char *runs = lode_format_number (bands->n_runs, 0);

      /* Translators: the legend of uncertainty bands, "P10–P90 of 1,000 runs" */
      return g_strdup_printf (ngettext ("P10–P90 of %s run", "P10–P90 of %s runs",
                                        bands->n_runs), runs);
    }
  if (series->style == LODE_CHART_SERIES_MEDIAN)
    return g_strdup (_("Median"));
  return g_strdup (series->label);
}

static double
last_finite (const double *values,
             int           n)
{
  for (int i = n - 1; i >= 0; i--)
    if (isfinite (values[i]))
      return values[i];
  return NAN;
}

/* A line's label also tells its last value ("Scenario 24%"): the number a presenter reads
 * out, and the only sign of a value beyond a clipped axis. */
static char *
direct_label_text (const LodeChartLayout *layout,
                   const LodeChartSeries *series)
{
  double last = last_finite (series->value, layout->n_years);
  g_autofree char *value = NULL;

  if (series->style == LODE_CHART_SERIES_AREA || !isfinite (last))
    return g_strdup (series->label);
  value = lode_chart_format_value (layout->axes[series->axis].format, last);
  /* Translators: a line's label at its end: series name and last value, "Scenario 24%" */
  return g_strdup_printf (_("%s %s"), series->label, value);
}

double
lode_chart_direct_labels_width (const LodeChartBuilder *b)
{
  const LodeChartLayout *layout = b->data.layout;
  double widest = 0;

  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = lode_chart_series_at (layout, i);

      if (lode_chart_wants_direct_label (series))
        {
          g_autofree char *text = direct_label_text (layout, series);

          widest = MAX (widest, lode_chart_text_width (text, b->m.small_px, LODE_TEXT_NORMAL));
        }
    }
  return widest > 0 ? widest + swatch_width (&b->m) + 2 * b->m.gap : 0;
}

/* The legend */

/* Lays the legend out from (x, y) within [x, right], wrapping; returns the height used. Only
 * measures unless `commit`. */
static double
place_legend (LodeChartBuilder *b,
              LegendItem       *items,
              guint             n,
              double            x,
              double            y,
              double            right,
              gboolean          commit)
{
  const LodeChartMetrics *m = &b->m;
  double sw = swatch_width (m);
  double cx = x;
  double cy = y;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      double w = sw + m->gap * LEGEND_SWATCH_GAP
                 + lode_chart_text_width (items[i].text, m->small_px, LODE_TEXT_NORMAL);

      if (cx > x && cx + w > right)
        {
          cx = x;
          cy += m->line_h * LEGEND_ROW;
        }
      if (commit)
        {
          LodeChartLabel *label =
            lode_chart_label_add_keyed (b->data.layout->labels, g_strdup (items[i].text),
                                        cx + sw + m->gap * LEGEND_SWATCH_GAP, cy, m->small_px,
                                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND), cx,
                                        cy + m->line_h / 2, sw, items[i].colour,
                                        items[i].block);

          /* The key looks like what it names: a band's tint, a median's dashes. */
          label->swatch_dashed = items[i].dashed;
          label->swatch_light = items[i].light;
        }
      cx += w + m->gap * LEGEND_ITEM_GAP;
    }
  return cy - y + m->line_h;
}

static gboolean
legend_has (const LegendItem *items,
            guint             n,
            LegendItem        item)
{
  for (guint k = 0; k < n; k++)
    if (items[k].colour.role == item.colour.role && items[k].colour.index == item.colour.index
        && items[k].block == item.block && items[k].dashed == item.dashed
        && items[k].light == item.light)
      return TRUE;
  return FALSE;
}

/* The series that go into the legend: those without a line-end label, each look once (the
 * fund chart's money back wears the colour of the money out, named by the first). */
static guint
collect_legend (LodeChartBuilder *b,
                LegendItem       *items,
                guint             max_items)
{
  LodeChartLayout *layout = b->data.layout;
  guint n = 0;

  for (guint i = 0; i < layout->series->len && n < max_items; i++)
    {
      LodeChartSeries *series = lode_chart_series_at (layout, i);
      LegendItem item = {
        NULL, series->colour,
        series->style == LODE_CHART_SERIES_AREA || series->style == LODE_CHART_SERIES_BARS
        || series->style == LODE_CHART_SERIES_BAND,
        series->dashed,
        series->style == LODE_CHART_SERIES_BAND,
      };

      series->in_legend = !series->no_legend
                          && !(b->direct_labels && lode_chart_wants_direct_label (series))
                          && !legend_has (items, n, item);
      if (!series->in_legend)
        continue;
      item.text = legend_text (layout, series);
      items[n++] = item;
    }
  return n;
}

/* The title, with the legend on its line when that fits in one row, under it otherwise. */
static double
place_title_and_legend (LodeChartBuilder *b,
                        LegendItem       *legend,
                        guint             n_legend,
                        double            top)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  char *title = b->info->dup_title (&layout->options);
  double legend_x = m->pad + lode_chart_text_width (title, m->title_px, LODE_TEXT_BOLD)
                    + m->gap * 3;
  double right = layout->width - m->pad;
  double legend_h = 0;

  lode_chart_label_add (layout->labels, title, m->pad, top, m->title_px, LODE_TEXT_BOLD, 0,
                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND));
  if (n_legend > 0 && place_legend (b, legend, n_legend, legend_x, 0, right, FALSE)
                      <= m->line_h + 0.5)
    place_legend (b, legend, n_legend, legend_x, top + (m->title_h - m->line_h) / 2, right,
                  TRUE);
  else if (n_legend > 0)
    legend_h = place_legend (b, legend, n_legend, m->pad, top + m->title_h + m->gap * 0.5,
                             right, TRUE) + m->gap * 0.5;
  return top + (m->title_h + legend_h + m->gap);
}

double
lode_chart_place_heading (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  LegendItem legend[LODE_MAX_REGIONS + LEGEND_EXTRA_ITEMS];
  guint n_legend = 0;
  double top = m->pad;

  if (layout->options.show_legend)
    n_legend = collect_legend (b, legend, G_N_ELEMENTS (legend));
  else
    for (guint i = 0; i < layout->series->len; i++)
      lode_chart_series_at (layout, i)->in_legend = FALSE;

  if (layout->options.show_title)
    top = place_title_and_legend (b, legend, n_legend, top);
  else if (n_legend > 0)
    top += place_legend (b, legend, n_legend, m->pad, top, layout->width - m->pad, TRUE)
           + m->gap;
  for (guint i = 0; i < n_legend; i++)
    g_free (legend[i].text);
  return top;
}

/* Labels at the lines' right ends */

/* Places labels whose centres want to be at ys[] (sorted by the caller) at least `spacing`
 * apart inside [top, bottom]. FALSE if they cannot all fit. */
static gboolean
spread_labels (double *ys,
               guint   n,
               double  spacing,
               double  top,
               double  bottom)
{
  if (n == 0)
    return TRUE;
  if (spacing * (n - 1) > bottom - top)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      ys[i] = CLAMP (ys[i], top, bottom);
      if (i > 0 && ys[i] < ys[i - 1] + spacing)
        ys[i] = ys[i - 1] + spacing;
    }
  if (ys[n - 1] > bottom)
    {
      ys[n - 1] = bottom;
      for (guint i = n - 1; i > 0; i--)
        if (ys[i - 1] > ys[i] - spacing)
          ys[i - 1] = ys[i] - spacing;
    }
  return ys[0] >= top - 1e-6;
}

static int
direct_label_compare (gconstpointer a,
                      gconstpointer b)
{
  const DirectLabel *da = a;
  const DirectLabel *db = b;

  return (da->y > db->y) - (da->y < db->y);
}

/* Where each label would like to be: beside its line's last value, or its band's middle. */
static GArray *
wanted_direct_labels (const LodeChartLayout *layout)
{
  GArray *wanted = g_array_new (FALSE, FALSE, sizeof (DirectLabel));
  int last = layout->n_years - 1;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = lode_chart_series_at (layout, s);
      DirectLabel label = { series, 0 };

      if (!lode_chart_wants_direct_label (series))
        continue;
      if (series->style == LODE_CHART_SERIES_AREA)
        label.y = (series->y[last] + series->y_base[last]) / 2;
      else
        {
          double v = last_finite (series->value, layout->n_years);

          if (!isfinite (v))
            continue;
          label.y = lode_chart_layout_y_for_value (layout, series->axis, v);
        }
      label.y = CLAMP (label.y, layout->plot.y, layout->plot.y + layout->plot.height);
      g_array_append_val (wanted, label);
    }
  g_array_sort (wanted, direct_label_compare);
  return wanted;
}

void
lode_chart_place_direct_labels (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  g_autoptr(GArray) wanted = wanted_direct_labels (layout);
  g_autofree double *ys = g_new (double, MAX (wanted->len, 1));
  double x = layout->plot.x + layout->plot.width + m->gap;
  double lo = layout->plot.y - m->line_h * 0.3;
  double hi = layout->plot.y + layout->plot.height + m->line_h * 0.3;

  for (guint i = 0; i < wanted->len; i++)
    ys[i] = g_array_index (wanted, DirectLabel, i).y;

  /* The size check before the legend was laid out makes this rare: squeeze them in. */
  if (!spread_labels (ys, wanted->len, m->line_h * LODE_CHART_LABEL_SPACING, lo, hi)
      && wanted->len > 1)
    spread_labels (ys, wanted->len, (hi - lo) / (wanted->len - 1), lo, hi);

  for (guint i = 0; i < wanted->len; i++)
    {
      const LodeChartSeries *series = g_array_index (wanted, DirectLabel, i).series;

      lode_chart_label_add_keyed (layout->labels, direct_label_text (layout, series),
                                  x + swatch_width (m) + m->gap * 0.5, ys[i] - m->line_h / 2,
                                  m->small_px, LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND),
                                  x, ys[i], swatch_width (m), series->colour,
                                  series->style == LODE_CHART_SERIES_AREA);
    }
}
