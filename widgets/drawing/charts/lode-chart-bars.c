/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-bars.c — category charts (the tornado, the marginal values): rows of
 * horizontal bars on a value axis, each row named at its left and each bar's end labelled. */

#define G_LOG_DOMAIN "lode-chart-bars"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-chart-layout-private.h"

/* A row is at least this many text lines high, and at most this many. */
#define MIN_ROW_LINES 1.25
#define MAX_ROW_LINES 5.0
/* A bar is at most this many text lines thick. */
#define MAX_BAR_LINES 2.2
/* A bar fills this share of its row. */
#define BAR_SHARE     0.62
/* Row names take this share of the width at most. */
#define LABEL_SHARE   0.36
/* Value ticks: one per this many widest tick labels of plot width. */
#define TICK_ROOM     2.2
#define ELLIPSIS      "…"

/* `text` cut with an ellipsis to fit `max_width`. */
static char *
fit_text (const char    *text,
          double         size,
          LodeTextFlags  flags,
          double         max_width)
{
  glong n = g_utf8_strlen (text, -1);
  glong lo = 0, hi = n;

  if (lode_chart_text_width (text, size, flags) <= max_width)
    return g_strdup (text);
  /* The longest prefix that fits with the ellipsis. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (text, 0, mid);
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);

      if (lode_chart_text_width (candidate, size, flags) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }
  {
    g_autofree char *prefix = g_utf8_substring (text, 0, lo);

    return g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);
  }
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x < y) - (x > y);
}

static const LodeChartRow *
row_at (const LodeChartBuilder *b,
        guint                   i)
{
  return &g_array_index (b->data.rows, LodeChartRow, i);
}

/* How far a row's bars reach from where they start. */
static double
row_reach (const LodeChartRow *row)
{
  double reach = 0;

  for (guint k = 0; k < row->n_parts; k++)
    reach = MAX (reach, fabs (row->to[k] - row->from[k]));
  return reach;
}

/* When only `shown` of the rows fit and they are not ranked (the marginal chart's come in
 * the stages' order: a narrow one must not drop the bottleneck for the stages before it), the
 * `shown` rows that reach furthest move to the front, in the order they were given; of rows
 * that reach equally far, the first given are kept. */
static void
keep_largest_rows (LodeChartBuilder *b,
                   guint             shown)
{
  GArray *rows = b->data.rows;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GArray) dropped = NULL;
  g_autofree double *reach = NULL;
  int ties = (int) shown;
  double cut;

  if (b->data.rows_ranked || shown >= rows->len)
    return;
  reach = g_new (double, rows->len);
  for (guint i = 0; i < rows->len; i++)
    reach[i] = row_reach (row_at (b, i));
  /* The reach of the shown-th largest row: rows reaching further are kept. */
  {
    g_autofree double *sorted = g_memdup2 (reach, rows->len * sizeof (double));

    g_qsort_with_data (sorted, rows->len, sizeof (double), compare_descending, NULL);
    cut = sorted[shown - 1];
  }
  kept = g_array_sized_new (FALSE, FALSE, sizeof (LodeChartRow), rows->len);
  dropped = g_array_sized_new (FALSE, FALSE, sizeof (LodeChartRow), rows->len);
  /* Every row that reaches further than the cut, and as many of those that reach as far as
   * the room left takes. */
  for (guint i = 0; i < rows->len; i++)
    if (reach[i] > cut)
      ties--;
  for (guint i = 0; i < rows->len; i++)
    {
      gboolean keep = reach[i] > cut || (reach[i] == cut && ties-- > 0);

      g_array_append_val (keep ? kept : dropped, g_array_index (rows, LodeChartRow, i));
    }
  /* Same rows (and strings), new order: kept first, the rest after. Copied over the array's
   * own memory, so that its clear function frees nothing. */
  memcpy (rows->data, kept->data, kept->len * sizeof (LodeChartRow));
  memcpy (rows->data + kept->len * sizeof (LodeChartRow), dropped->data,
          dropped->len * sizeof (LodeChartRow));
}

/* The widest of the rows' names and of their bars' end texts; whether a bar ends left of
 * where it starts (its text then goes left). */
static void
measure_rows (const LodeChartBuilder *b,
              guint                   n,
              double                 *out_label_w,
              double                 *out_text_w,
              gboolean               *out_left)
{
  *out_label_w = *out_text_w = 0;
  *out_left = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const LodeChartRow *row = row_at (b, i);

      *out_label_w = MAX (*out_label_w, lode_chart_text_width (row->label, b->m.small_px,
                                                               row->bold ? LODE_TEXT_BOLD
                                                                         : LODE_TEXT_NORMAL));
      for (guint k = 0; k < row->n_parts; k++)
        {
          if (row->text[k] != NULL)
            *out_text_w = MAX (*out_text_w, lode_chart_text_width (row->text[k], b->m.small_px,
                                                                   LODE_TEXT_NORMAL));
          *out_left |= row->to[k] < row->from[k];
        }
    }
}

static double
x_for_value (const LodeChartLayout *layout,
             double                 value)
{
  const LodeChartTicks *ticks = &layout->axes[0].ticks;
  double span = ticks->max - ticks->min;

  if (!(span > 0))
    return layout->plot.x;
  return layout->plot.x + layout->plot.width * (value - ticks->min) / span;
}

static double
widest_tick_label (const LodeChartTicks *ticks,
                   double                size)
{
  double widest = 0;

  for (int k = 0; k < ticks->n_ticks; k++)
    {
      g_autofree char *text = lode_chart_ticks_label (ticks, k);

      widest = MAX (widest, lode_chart_text_width (text, size, LODE_TEXT_NORMAL));
    }
  return widest;
}

/* Round ticks over the values, as many as the width holds. */
static void
compute_value_ticks (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  LodeChartTicks *ticks = &layout->axes[0].ticks;
  double lo = b->data.lo[0], hi = b->data.hi[0];
  int max_ticks = 9;

  if (b->data.has_base)
    {
      lo = MIN (lo, b->data.base);
      hi = MAX (hi, b->data.base);
    }
  for (int attempt = 0; attempt < 4; attempt++)
    {
      double room;

      lode_chart_ticks_compute (lo, hi, max_ticks, ticks);
      room = widest_tick_label (ticks, b->m.small_px) * TICK_ROOM;
      if (room * (ticks->n_ticks - 1) <= layout->plot.width || max_ticks <= 2)
        break;
      max_ticks = MAX (2, (int) floor (layout->plot.width / MAX (room, 1)) + 1);
    }
  layout->axes[0].visible = TRUE;
}

/* The rows' bars and texts. */
static void
place_row (LodeChartBuilder   *b,
           const LodeChartRow *row,
           int                 index,
           double              cy,
           double              bar_h,
           double              label_x,
           double              label_w)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  LodeTextFlags flags = row->bold ? LODE_TEXT_BOLD : LODE_TEXT_NORMAL;
  guint order[2] = { 0, 1 };
  double end_seen[2] = { NAN, NAN };

  lode_chart_label_add (layout->labels, fit_text (row->label, m->small_px, flags, label_w),
                        label_x, cy - m->line_h / 2, m->small_px, flags, 1.0,
                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND));

  /* The longer part first, so a shorter one on the same side shows over it. */
  if (row->n_parts == 2 && fabs (row->to[1] - row->from[1]) > fabs (row->to[0] - row->from[0]))
    order[0] = 1, order[1] = 0;

  for (guint j = 0; j < row->n_parts; j++)
    {
      guint k = order[j];
      double x0 = x_for_value (layout, row->from[k]);
      double x1 = x_for_value (layout, row->to[k]);
      gboolean right = row->to[k] >= row->from[k];
      LodeChartBar bar = {
        { MIN (x0, x1), cy - bar_h / 2, fabs (x1 - x0), bar_h },
        row->from[k], row->to[k], index, row->colour[k],
      };

      if (!isfinite (x0) || !isfinite (x1))
        continue;
      g_array_append_val (layout->bars, bar);
      if (row->text[k] == NULL)
        continue;
      /* A second text on the same side as the first would sit under it: only the outer. */
      if (isfinite (end_seen[right]))
        continue;
      end_seen[right] = x1;
      lode_chart_label_add (layout->labels, g_strdup (row->text[k]),
                            right ? x1 + m->gap * 0.5 : x1 - m->gap * 0.5, cy - m->line_h / 2,
                            m->small_px, LODE_TEXT_NORMAL, right ? 0 : 1.0,
                            LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
    }
}

/* How far the bars' end texts reach beyond the plot on its left and its right, px
 * (negative when they stay inside). */
static void
text_reach (const LodeChartBuilder *b,
            guint                   n,
            double                 *out_left,
            double                 *out_right)
{
  const LodeChartLayout *layout = b->data.layout;
  double plot_right = layout->plot.x + layout->plot.width;

  *out_left = *out_right = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const LodeChartRow *row = row_at (b, i);

      for (guint k = 0; k < row->n_parts; k++)
        {
          double x1 = x_for_value (layout, row->to[k]);
          double w;

          if (row->text[k] == NULL || !isfinite (x1))
            continue;
          w = b->m.gap * 0.5
              + lode_chart_text_width (row->text[k], b->m.small_px, LODE_TEXT_NORMAL);
          if (row->to[k] < row->from[k])
            *out_left = MAX (*out_left, layout->plot.x - (x1 - w));
          else
            *out_right = MAX (*out_right, x1 + w - plot_right);
        }
    }
}

/* The plot first leaves room on both sides for the widest end text; bars seldom end at its
 * edges, so it takes back what their texts do not use, keeping the wider plot only if the
 * texts then still fit. */
static void
tighten_plot (LodeChartBuilder *b,
              guint             shown,
              double            left_room,
              double            right_room)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  LodeChartRect plot = layout->plot;
  LodeChartTicks ticks = layout->axes[0].ticks;
  double reach_left, reach_right, need_left, need_right;

  text_reach (b, shown, &reach_left, &reach_right);
  need_left = MIN (MAX (reach_left, 0) + m->gap, left_room);
  need_right = MIN (MAX (reach_right, 0) + m->gap, right_room);
  if (need_left >= left_room && need_right >= right_room)
    return;
  layout->plot.x -= left_room - need_left;
  layout->plot.width += left_room - need_left + right_room - need_right;
  compute_value_ticks (b);
  text_reach (b, shown, &reach_left, &reach_right);
  if (reach_left + m->gap > need_left + 0.5 || reach_right + m->gap > need_right + 0.5)
    {
      layout->plot = plot;
      layout->axes[0].ticks = ticks;
    }
}

static void
place_value_ticks (LodeChartBuilder *b,
                   double            y)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartTicks *ticks = &layout->axes[0].ticks;

  for (int k = 0; k < ticks->n_ticks && layout->n_x_ticks < LODE_CHART_MAX_TICKS; k++)
    {
      double x = x_for_value (layout, ticks->ticks[k]);

      layout->x_tick_x[layout->n_x_ticks++] = x;
      lode_chart_label_add (layout->labels, lode_chart_ticks_label (ticks, k), x, y,
                            b->m.small_px, LODE_TEXT_NORMAL, 0.5,
                            LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
    }
}

/* The axis title in at most two lines of `room`: whole when it fits, else broken at a space
 * where both lines fit, after a comma if one allows it (between the quantity and its unit),
 * the lines as even as can be; failing that, at the last space the first line fits before,
 * the second cut with an ellipsis. Japanese titles have no spaces: one line, cut. Returns the
 * number of lines; `second` is NULL for one. */
static guint
split_axis_title (const char  *title,
                  double       size,
                  double       room,
                  char       **first,
                  char       **second)
{
  const char *best = NULL, *last_fitting = NULL;
  gboolean best_after_comma = FALSE;
  double best_width = G_MAXDOUBLE;

  *second = NULL;
  if (lode_chart_text_width (title, size, LODE_TEXT_NORMAL) <= room)
    {
      *first = g_strdup (title);
      return 1;
    }
  for (const char *p = strchr (title, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      g_autofree char *head = g_strndup (title, p - title);
      double head_w = lode_chart_text_width (head, size, LODE_TEXT_NORMAL);
      double tail_w = lode_chart_text_width (p + 1, size, LODE_TEXT_NORMAL);
      gboolean after_comma = p > title && p[-1] == ',';

      if (head_w > room)
        break;
      last_fitting = p;
      if (tail_w > room || (best_after_comma && !after_comma))
        continue;
      if ((after_comma && !best_after_comma) || MAX (head_w, tail_w) < best_width)
        {
          best = p;
          best_after_comma = after_comma;
          best_width = MAX (head_w, tail_w);
        }
    }
  if (best == NULL)
    best = last_fitting;
  if (best == NULL)
    {
      *first = fit_text (title, size, LODE_TEXT_NORMAL, room);
      return 1;
    }
  *first = g_strndup (title, best - title);
  *second = fit_text (best + 1, size, LODE_TEXT_NORMAL, room);
  return 2;
}

/* A line of the axis title centred under the plot, moved in from an edge of a narrow chart. */
static void
place_axis_title_line (LodeChartBuilder *b,
                       char             *line,
                       double            y)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double width = lode_chart_text_width (line, m->small_px, LODE_TEXT_NORMAL);
  double left = layout->plot.x + (layout->plot.width - width) / 2;

  left = CLAMP (left, m->pad, MAX (m->pad, layout->width - m->pad - width));
  lode_chart_label_add (layout->labels, line, left, y, m->small_px, LODE_TEXT_NORMAL, 0,
                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
}

/* The axis title's lines, split once before the plot leaves room for them; the labels take
 * the strings. */
static void
place_axis_title (LodeChartBuilder *b,
                  char             *first,
                  char             *second)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double y = layout->plot.y + layout->plot.height + m->gap * 0.75 + m->line_h;

  place_axis_title_line (b, first, y);
  if (second != NULL)
    place_axis_title_line (b, second, y + m->line_h);
}

void
lode_chart_place_rows (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  guint n = b->data.rows != NULL ? b->data.rows->len : 0;
  g_autofree char *note = NULL;
  double top, bottom, label_w, text_w, room, row_h, bar_h;
  gboolean left, note_below;
  guint shown, total, title_lines, below;
  char *title_first, *title_second;

  layout->horizontal = TRUE;
  layout->n_years = 0;
  layout->bars = g_array_new (FALSE, FALSE, sizeof (LodeChartBar));

  /* Heading; under the plot, the tick labels and the axis title, and under the title the
   * note of rows left out when a narrow chart has no room for both on one line. */
  top = lode_chart_place_heading (b) + m->line_h * 1.2;
  total = MAX (n, b->data.n_candidates);
  note = g_strdup_printf (_("Largest %u of %u"), total, total);
  title_lines = split_axis_title (layout->axes[0].title, m->small_px,
                                  MAX (layout->width - 2 * m->pad, 1), &title_first,
                                  &title_second);
  note_below = title_lines > 1 ||
               m->pad + lode_chart_text_width (note, m->small_px, LODE_TEXT_NORMAL) + m->gap
               + lode_chart_text_width (layout->axes[0].title, m->small_px, LODE_TEXT_NORMAL)
               > layout->width - m->pad;
  below = title_lines + (note_below ? 1 : 0);
  bottom = layout->height - m->pad - (below + 1) * m->line_h - 1.25 * m->gap;
  layout->plot.y = top;
  layout->plot.height = MAX (bottom - top, 10);

  shown = MIN (n, (guint) MAX (1, floor (layout->plot.height / (m->line_h * MIN_ROW_LINES))));
  layout->n_rows = (int) shown;
  keep_largest_rows (b, shown);
  measure_rows (b, shown, &label_w, &text_w, &left);
  label_w = MIN (label_w, layout->width * LABEL_SHARE);
  room = text_w + m->gap;
  layout->plot.x = m->pad + label_w + m->gap + (left ? room : m->gap);
  layout->plot.width = MAX (layout->width - m->pad - room - layout->plot.x, 10);

  layout->row_names = g_new0 (char *, shown + 1);
  for (guint i = 0; i < shown; i++)
    layout->row_names[i] = g_strdup (row_at (b, i)->label);
  compute_value_ticks (b);
  tighten_plot (b, shown, left ? room : m->gap, room);
  /* Few rows on a tall page: taller rows, bars no thicker than a few lines, the block in the
   * middle of the height. */
  row_h = shown > 0 ? MIN (layout->plot.height / shown, m->line_h * MAX_ROW_LINES) : 0;
  bar_h = MIN (MAX (row_h * BAR_SHARE, 2.0), m->line_h * MAX_BAR_LINES);
  layout->plot.y += (layout->plot.height - row_h * shown) / 2;
  for (guint i = 0; i < shown; i++)
    place_row (b, row_at (b, i), (int) i, layout->plot.y + (i + 0.5) * row_h, bar_h,
               m->pad + label_w, label_w);
  /* The plot ends under the last row. */
  layout->plot.height = MAX (row_h * shown, m->line_h);

  place_value_ticks (b, layout->plot.y + layout->plot.height + m->gap * 0.5);
  place_axis_title (b, title_first, title_second);
  if (shown < total)
    /* Translators: under a tornado chart that shows only its largest bars: "Largest 12 of
     * 375" */
    lode_chart_label_add (layout->labels, g_strdup_printf (_("Largest %u of %u"), shown, total),
                          m->pad, layout->plot.y + layout->plot.height + m->gap * 0.75
                                  + (note_below ? below : 1) * m->line_h,
                          m->small_px, LODE_TEXT_NORMAL, 0,
                          LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));

  if (b->data.has_base)
    {
      g_autofree char *value = lode_chart_format_value (layout->axes[0].format, b->data.base);

      layout->has_base = TRUE;
      layout->base_x = x_for_value (layout, b->data.base);
      /* Translators: the tornado's base line, "Base 24%": the output as the scenario is */
      lode_chart_label_add (layout->labels, g_strdup_printf (_("Base %s"), value),
                            layout->base_x, layout->plot.y - m->line_h * 1.1, m->small_px,
                            LODE_TEXT_BOLD, 0.5, LODE_CHART_COLOUR (LODE_CHART_COLOUR_FOREGROUND));
    }
}
