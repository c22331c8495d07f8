/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-hover.c — the card for the year under the pointer, over a finished layout. */

#define G_LOG_DOMAIN "lode-chart-hover"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-hover.h"
#include "lode-chart-layout-private.h"

/* Card sizes at font scale 1, px: inner padding, the swatch, the distance from the crosshair,
 * and from the plot's top. */
#define CARD_PAD_PX     8.0
#define CARD_SWATCH_PX  8.0
#define CARD_OFFSET_PX  12.0
#define CARD_TOP_PX     4.0
/* Rows are this many text lines apart; the title row has this much more below it. */
#define CARD_ROW        1.3
#define CARD_TITLE_GAP  0.3
/* The card stays this far inside the chart, px. */
#define CARD_MARGIN     2

#define NO_VALUE "\342\200\224"  /* em dash */

typedef struct
{
  const LodeChartSeries *series;
  char                  *value;
} Row;

static void
row_clear (gpointer data)
{
  g_free (((Row *) data)->value);
}

/* "22% – 38%" */
static char *
band_text (const LodeChartLayout *layout,
           const LodeChartSeries *series,
           int                    index)
{
  LodeChartFormat format = layout->axes[series->axis].format;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!isfinite (series->value_base[index]) || !isfinite (series->value[index]))
    return g_strdup (NO_VALUE);
  lo = lode_chart_format_value (format, series->value_base[index]);
  hi = lode_chart_format_value (format, series->value[index]);
  /* Translators: an uncertainty band's range in a chart's hover card, "22% – 38%" */
  return g_strdup_printf (_("%s – %s"), lo, hi);
}

/* Rows top to bottom: the reverse of paint order, so stacked bands read as they stack; the
 * baselines last. */
static GArray *
collect_rows (const LodeChartLayout *layout,
              int                    index)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint n = layout->series->len;

  g_array_set_clear_func (rows, row_clear);
  for (guint k = 0; k < 2 * n; k++)
    {
      gboolean ghosts = k >= n;
      const LodeChartSeries *series = lode_chart_series_at (layout, n - 1 - (k % n));
      double value = series->value[index];
      Row row = { series, NULL };

      if (ghosts != (series->style == LODE_CHART_SERIES_GHOST))
        continue;
      if (series->style == LODE_CHART_SERIES_BAND)
        {
          row.value = band_text (layout, series, index);
          g_array_append_val (rows, row);
          continue;
        }
      if (series->value_base != NULL)
        value -= series->value_base[index];
      row.value = isfinite (value)
                  ? lode_chart_format_value (layout->axes[series->axis].format, value)
                  : g_strdup (NO_VALUE);
      g_array_append_val (rows, row);
    }
  return rows;
}

/* "2030", or "2030 · total 120 kt" over a stack. */
static char *
dup_card_title (const LodeChartLayout *layout,
                int                    year,
                int                    index)
{
  double total = 0;
  g_autofree char *number = NULL;

  if (!(lode_chart_kind_info (layout->kind)->flags & LODE_CHART_STACK_TOTAL))
    return g_strdup_printf ("%d", year);

  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = lode_chart_series_at (layout, i);

      if (series->style == LODE_CHART_SERIES_AREA)
        total = series->value[index];
    }
  number = lode_chart_format_value (layout->axes[0].format, total);
  /* Translators: hover card title: a year and the stacked total */
  return g_strdup_printf (_("%d · total %s"), year, number);
}

LodeChartHover *
lode_chart_hover_new (const LodeChartLayout *layout,
                      double                 x)
{
  LodeChartHover *hover;
  LodeChartMetrics m;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *title = NULL;
  double label_w = 0, value_w = 0, pad, row_h, sw, width, height, cx, cy;
  int year;

  g_return_val_if_fail (layout != NULL, NULL);

  year = lode_chart_layout_year_at (layout, x);
  if (year == 0 || x < 0)
    return NULL;

  lode_chart_metrics_init (&m, layout->options.font_scale);
  pad = CARD_PAD_PX * m.fs;
  row_h = m.line_h * CARD_ROW;
  sw = CARD_SWATCH_PX * m.fs;

  hover = g_new0 (LodeChartHover, 1);
  hover->year = year;
  hover->index = year - layout->first_year;
  hover->x = lode_chart_layout_x_for_year (layout, year);
  hover->labels = lode_chart_labels_new ();

  rows = collect_rows (layout, hover->index);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      label_w = MAX (label_w, lode_chart_text_width (row->series->label, m.small_px,
                                                     LODE_TEXT_NORMAL));
      value_w = MAX (value_w, lode_chart_text_width (row->value, m.small_px, LODE_TEXT_BOLD));
    }

  /* The card: right of the crosshair, or left of it when it would leave the chart. */
  title = dup_card_title (layout, year, hover->index);
  width = MAX (lode_chart_text_width (title, m.small_px, LODE_TEXT_BOLD),
               sw + m.gap * 0.6 + label_w + m.gap * 2 + value_w) + 2 * pad;
  height = 2 * pad + m.line_h + rows->len * row_h + (rows->len > 0 ? m.line_h * CARD_TITLE_GAP
                                                                    : 0);
  cx = hover->x + CARD_OFFSET_PX * m.fs;
  if (cx + width > layout->width - CARD_MARGIN)
    cx = hover->x - CARD_OFFSET_PX * m.fs - width;
  cx = MAX (cx, CARD_MARGIN);
  cy = layout->plot.y + CARD_TOP_PX * m.fs;
  hover->card = (LodeChartRect) { cx, cy, width, height };

  lode_chart_label_add (hover->labels, g_steal_pointer (&title), cx + pad, cy + pad, m.small_px,
                        LODE_TEXT_BOLD, 0, LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND));
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double ry = cy + pad + m.line_h * CARD_ROW + i * row_h;

      lode_chart_label_add_keyed (hover->labels, g_strdup (row->series->label),
                                  cx + pad + sw + m.gap * 0.6, ry, m.small_px,
                                  LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED), cx + pad,
                                  ry + m.line_h / 2, sw, row->series->colour, TRUE);
      lode_chart_label_add (hover->labels, g_steal_pointer (&row->value), cx + width - pad, ry,
                            m.small_px, LODE_TEXT_BOLD, 1.0,
                            LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND));
    }
  return hover;
}

void
lode_chart_hover_free (LodeChartHover *hover)
{
  if (hover == NULL)
    return;
  g_clear_pointer (&hover->labels, g_array_unref);
  g_free (hover);
}
