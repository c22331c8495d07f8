/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-layout.c — a chart's frame: the kind's series, the plot, axes and years, as a
 * sequence of named steps (lode_chart_layout_new). */

#define G_LOG_DOMAIN "lode-chart-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-layout-private.h"
#include "lode-format.h"

/* Font scales outside this range are taken as 1 or clamped. */
#define MIN_FONT_SCALE 0.1
#define MAX_FONT_SCALE 8.0

/* Line-end labels may take this share of the width at most. */
#define DIRECT_LABELS_MAX_SHARE 0.2

/* Value ticks: one per this many text lines of plot height, within [MIN_TICKS, MAX_TICKS]. */
#define TICK_SPACING_LINES 2.2
#define MIN_TICKS          2
#define MAX_TICKS          9

/* Room above the highest value, as a factor: left axis, right axis. */
#define PEAK_HEADROOM       1.04
#define RIGHT_PEAK_HEADROOM 1.02

/* A bar fills this share of its year's column. */
#define BAR_SHARE 0.62

/* The plot is never narrower or shorter than this, px. */
#define MIN_PLOT_PX 10

/* The widest year label, and the year steps the x axis may label. */
#define YEAR_SAMPLE "0000"
static const int year_steps[] = { 1, 2, 5, 10, 20, 50 };

/* Options and colours */

void
lode_chart_options_init (LodeChartOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (LodeChartOptions) {
    .font_scale = 1.0,
    .target_share = 0.5,
    .capacity_stage = LODE_STAGE_SEPARATION,
    .selected_year = 0,
    .show_legend = TRUE,
    .price_floor = { 0.0, 0, 0 },
    .show_title = TRUE,
    .material = LODE_MATERIAL_NDPR,
  };
}

LodeRgba
lode_chart_colour_resolve (LodeChartColour    colour,
                           const LodePalette *palette)
{
  switch (colour.role)
    {
    case LODE_CHART_COLOUR_FOREGROUND:
      return palette->foreground;
    case LODE_CHART_COLOUR_MUTED:
      return palette->muted;
    case LODE_CHART_COLOUR_ACCENT:
      return palette->accent;
    case LODE_CHART_COLOUR_GHOST:
      return palette->ghost;
    case LODE_CHART_COLOUR_TARGET:
      return palette->target;
    case LODE_CHART_COLOUR_WARNING:
      return palette->warning;
    case LODE_CHART_COLOUR_REGION:
      return lode_palette_region (palette, (guint) MAX (colour.index, 0));
    case LODE_CHART_COLOUR_SERIES:
      return lode_palette_series (palette, (guint) MAX (colour.index, 0));
    case LODE_CHART_COLOUR_FUND:
      return lode_palette_fund_share ((guint) MAX (colour.index, 0));
    case LODE_CHART_COLOUR_ON_ACCENT:
      return palette->dark ? (LodeRgba) { 0.0, 0.0, 0.0, 0.87 }
                           : (LodeRgba) { 1.0, 1.0, 1.0, 1.0 };
    default:
      return palette->foreground;
    }
}

/* Formatting */

char *
lode_chart_format_value (LodeChartFormat format,
                         double          value)
{
  /* One decimal for small numbers, where it carries information. */
  int small_one = fabs (value) < 10 && value != 0 ? 1 : 0;

  switch (format)
    {
    case LODE_CHART_FORMAT_PERCENT:
      return lode_format_percent (value, small_one);
    case LODE_CHART_FORMAT_TONNES:
      return lode_format_quantity (value, small_one, "t");
    case LODE_CHART_FORMAT_KILOTONNES:
      return lode_format_quantity (value, fabs (value) < 100 && value != 0 ? 1 : 0, "kt");
    case LODE_CHART_FORMAT_BUSD:
      return lode_format_busd (value, value == 0 || fabs (value) >= 100 ? 0
                                      : fabs (value) >= 1 ? 1 : 2);
    case LODE_CHART_FORMAT_USD_KG:
      return lode_format_usd_kg (value, 0);
    case LODE_CHART_FORMAT_NUMBER:
      return lode_format_number (value, fabs (value) < 100 ? 2 : 0);
    default:
      return lode_format_number (value, 1);
    }
}

/* What the parts of the layout share */

void
lode_chart_metrics_init (LodeChartMetrics *m,
                         double            font_scale)
{
  m->fs = font_scale;
  m->small_px = LODE_CHART_SMALL_PX * font_scale;
  m->title_px = LODE_CHART_TITLE_PX * font_scale;
  m->pad = LODE_CHART_PAD_PX * font_scale;
  m->gap = LODE_CHART_GAP_PX * font_scale;
  lode_text_measure ("0", m->small_px, LODE_TEXT_NORMAL, NULL, &m->line_h);
  lode_text_measure ("0", m->title_px, LODE_TEXT_BOLD, NULL, &m->title_h);
}

LodeChartSeries *
lode_chart_series_at (const LodeChartLayout *layout,
                      guint                  i)
{
  return g_ptr_array_index (layout->series, i);
}

double
lode_chart_text_width (const char    *text,
                       double         size,
                       LodeTextFlags  flags)
{
  double width;

  lode_text_measure (text, size, flags, &width, NULL);
  return width;
}

static void
label_clear (gpointer data)
{
  LodeChartLabel *label = data;

  g_free (label->text);
}

GArray *
lode_chart_labels_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (LodeChartLabel));

  g_array_set_clear_func (labels, label_clear);
  return labels;
}

LodeChartLabel *
lode_chart_label_add (GArray          *array,
                      char            *text,
                      double           x,
                      double           y,
                      double           size,
                      LodeTextFlags    flags,
                      double           align,
                      LodeChartColour  colour)
{
  LodeChartLabel label = {
    .text = text,
    .x = x,
    .y = y,
    .size = size,
    .flags = flags,
    .align = align,
    .colour = colour,
  };

  g_array_append_val (array, label);
  return &g_array_index (array, LodeChartLabel, array->len - 1);
}

LodeChartLabel *
lode_chart_label_add_keyed (GArray          *array,
                            char            *text,
                            double           x,
                            double           y,
                            double           size,
                            LodeChartColour  colour,
                            double           swatch_x,
                            double           swatch_y,
                            double           swatch_width,
                            LodeChartColour  swatch,
                            gboolean         block)
{
  LodeChartLabel *label = lode_chart_label_add (array, text, x, y, size, LODE_TEXT_NORMAL, 0,
                                                colour);

  label->has_swatch = TRUE;
  label->swatch_x = swatch_x;
  label->swatch_y = swatch_y;
  label->swatch_width = swatch_width;
  label->swatch_colour = swatch;
  label->swatch_block = block;
  return label;
}

LodeChartRect
lode_chart_label_rect (const LodeChartLabel *label)
{
  double w = 0, h = 0;

  lode_text_measure (label->text, label->size, label->flags, &w, &h);
  return (LodeChartRect) { label->x - label->align * w, label->y, w, h };
}

/* Geometry */

double
lode_chart_layout_x_for_year (const LodeChartLayout *layout,
                              int                    year)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (layout->n_years <= 0)
    return layout->plot.x;
  year = CLAMP (year, layout->first_year, layout->last_year);
  return layout->x0 + (year - layout->first_year) * layout->dx;
}

double
lode_chart_layout_y_for_value (const LodeChartLayout *layout,
                               int                    axis,
                               double                 value)
{
  const LodeChartTicks *ticks;
  double span;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (axis == 0 || axis == 1, 0);

  ticks = &layout->axes[axis].ticks;
  span = ticks->max - ticks->min;
  if (!(span > 0))
    return layout->plot.y + layout->plot.height;
  return layout->plot.y + layout->plot.height * (1.0 - (value - ticks->min) / span);
}

int
lode_chart_layout_year_at (const LodeChartLayout *layout,
                           double                 x)
{
  double column;
  long index;

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->empty || layout->n_years <= 0 || !isfinite (x))
    return 0;
  if (x < layout->plot.x - 1 || x > layout->plot.x + layout->plot.width + 1)
    return 0;
  if (layout->n_years == 1 || layout->dx <= 0)
    return layout->first_year;

  column = (x - layout->x0) / layout->dx;
  index = lround (column);
  index = CLAMP (index, 0, layout->n_years - 1);
  return layout->first_year + (int) index;
}

/* Description */

static char *
describe (const LodeChartLayout *layout)
{
  const LodeChartKindInfo *info = lode_chart_kind_info (layout->kind);
  GString *out = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (layout->empty)
    {
      g_string_append (out, _("No projection to show."));
      return g_string_free (out, FALSE);
    }

  title = info->dup_title (&layout->options);
  if (layout->horizontal)
    {
      g_string_append_printf (out, "%s.", title);
      if (info->describe != NULL)
        info->describe (layout, out);
      return g_string_free (out, FALSE);
    }
  /* Translators: the start of a chart description: "<title> (<axis>), 2024 to 2040." */
  g_string_append_printf (out, _("%s (%s), %d to %d."), title, layout->axes[0].title,
                          layout->first_year, layout->last_year);
  if (info->describe != NULL)
    info->describe (layout, out);
  else
    lode_chart_describe_lines (layout, out);

  if (layout->has_target)
    {
      g_autofree char *pct = lode_chart_format_value (LODE_CHART_FORMAT_PERCENT,
                                                      100 * layout->options.target_share);

      if (layout->has_reached)
        /* Translators: "The 50% target is reached in 2031." */
        g_string_append_printf (out, _(" The %s target is reached in %d."), pct,
                                layout->reached_year);
      else
        /* Translators: "The 50% target is not reached by 2040." */
        g_string_append_printf (out, _(" The %s target is not reached by %d."), pct,
                                layout->last_year);
    }
  return g_string_free (out, FALSE);
}

/* The steps of a layout */

static void
series_free (gpointer data)
{
  LodeChartSeries *series = data;

  g_free (series->label);
  g_free (series->value);
  g_free (series->value_base);
  g_free (series->x);
  g_free (series->y);
  g_free (series->y_base);
  g_free (series);
}

/* An empty layout of the size, with the options made safe. */
static LodeChartLayout *
layout_alloc (LodeChartKind           kind,
              double                  width,
              double                  height,
              const LodeChartOptions *options)
{
  LodeChartLayout *layout = g_new0 (LodeChartLayout, 1);
  LodeChartOptions *o = &layout->options;

  layout->kind = kind;
  if (options != NULL)
    *o = *options;
  else
    lode_chart_options_init (o);
  if (!(o->font_scale > MIN_FONT_SCALE) || !isfinite (o->font_scale))
    o->font_scale = 1.0;
  o->font_scale = MIN (o->font_scale, MAX_FONT_SCALE);
  if (!isfinite (o->target_share))
    o->target_share = 0.5;
  o->target_share = CLAMP (o->target_share, 0.0, 1.0);
  if ((guint) o->capacity_stage >= LODE_N_STAGES)
    o->capacity_stage = LODE_STAGE_SEPARATION;
  if ((guint) o->material >= LODE_N_MATERIALS)
    o->material = LODE_MATERIAL_NDPR;
  layout->width = isfinite (width) ? MAX (width, 1) : 1;
  layout->height = isfinite (height) ? MAX (height, 1) : 1;
  layout->series = g_ptr_array_new_with_free_func (series_free);
  layout->labels = lode_chart_labels_new ();
  layout->font_px = LODE_CHART_BODY_PX * o->font_scale;
  layout->line_width = LODE_CHART_LINE_PX * o->font_scale;
  return layout;
}

static void
builder_init (LodeChartBuilder     *b,
              LodeChartLayout      *layout,
              const LodeProjection *projection,
              const LodeProjection *baseline)
{
  *b = (LodeChartBuilder) {
    .data = {
      .layout = layout,
      .projection = projection,
      /* A baseline the scenario is (the Baseline itself) would only repeat its lines. */
      .baseline = baseline != NULL && baseline->n_years > 0 &&
                  !lode_projection_same_inputs (projection, baseline) ? baseline : NULL,
      .n_axes = 1,
    },
    .info = lode_chart_kind_info (layout->kind),
  };
  lode_chart_metrics_init (&b->m, layout->options.font_scale);
}

/* Only a message, in the middle. */
static void
set_empty (LodeChartBuilder *b,
           const char       *message)
{
  LodeChartLayout *layout = b->data.layout;
  double w = lode_chart_text_width (message, layout->font_px, LODE_TEXT_NORMAL);

  layout->empty = TRUE;
  layout->n_years = 0;
  lode_chart_label_add (layout->labels, g_strdup (message), MAX ((layout->width - w) / 2, 0),
                        MAX ((layout->height - b->m.line_h) / 2, 0), layout->font_px,
                        LODE_TEXT_NORMAL, 0, LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
}

/* The kind's series and axes, and the marks its flags ask for. */
static void
build_contents (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodePriceFloor *floor = &layout->options.price_floor;

  layout->first_year = b->data.projection->base_year;
  layout->last_year = b->data.projection->base_year
                      + MIN (b->data.projection->n_years, LODE_MAX_YEARS) - 1;
  layout->n_years = layout->last_year - layout->first_year + 1;

  b->info->build (&b->data);

  layout->has_target = (b->info->flags & LODE_CHART_TARGET) != 0;
  if (b->info->flags & LODE_CHART_PRICE_FLOOR)
    for (int year = layout->first_year; year <= layout->last_year; year++)
      if (lode_price_floor_applies (floor, year))
        {
          layout->has_floor = TRUE;
          lode_chart_data_extend (&b->data, 0, floor->usd_kg);
        }
}

/* Labels at the lines' right ends when they fit: a fifth of the width at most, and height for
 * one line each, judged on a conservative guess of the plot. Returns the width they need. */
static double
choose_direct_labels (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double width = (b->info->flags & LODE_CHART_YEAR_COLUMNS) ? 0
                 : lode_chart_direct_labels_width (b);

  b->direct_labels = width > 0 && width <= layout->width * DIRECT_LABELS_MAX_SHARE;
  if (b->direct_labels)
    {
      double guess = layout->height - 2 * m->pad - m->title_h - 5 * m->line_h - 3 * m->gap;
      guint n_direct = 0;

      for (guint i = 0; i < layout->series->len; i++)
        n_direct += lode_chart_wants_direct_label (lode_chart_series_at (layout, i)) ? 1 : 0;
      if (n_direct * m->line_h * LODE_CHART_LABEL_SPACING > guess + m->line_h * 0.6)
        b->direct_labels = FALSE;
    }
  return width;
}

/* Axis titles above the axes, reading horizontally; then the plot's top and bottom. */
static void
place_plot_vertically (LodeChartBuilder *b,
                       double            top)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double bottom;

  lode_chart_label_add (layout->labels, g_strdup (layout->axes[0].title), m->pad, top,
                        m->small_px, LODE_TEXT_NORMAL, 0,
                        LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
  if (b->data.n_axes > 1)
    lode_chart_label_add (layout->labels, g_strdup (layout->axes[1].title),
                          layout->width - m->pad, top, m->small_px, LODE_TEXT_NORMAL, 1.0,
                          LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
  top += m->line_h + m->gap * 0.5 + m->line_h / 2;
  bottom = m->pad + m->line_h + m->gap * 0.75;
  layout->plot.y = top;
  layout->plot.height = MAX (layout->height - top - bottom, MIN_PLOT_PX);
}

/* 0–100 % in fifths or quarters, never 0–120 % for a 100.4 % blip; above that, round ticks
 * up to the highest value (an exporting stage's self-sufficiency runs far above 100 %): the
 * axis never cuts a line off. */
static void
percent_ticks (LodeChartTicks *ticks,
               double          hi,
               int             max_ticks)
{
  lode_chart_ticks_compute (0, MAX (hi, 100.0), max_ticks, ticks);
  if (hi <= 100.0 + 1e-9)
    {
      int steps = max_ticks >= 6 ? 5 : max_ticks >= 5 ? 4 : max_ticks >= 3 ? 2 : 1;

      ticks->n_ticks = steps + 1;
      ticks->step = 100.0 / steps;
      for (int k = 0; k <= steps; k++)
        ticks->ticks[k] = k * ticks->step;
      ticks->min = 0;
      ticks->max = 100;
      ticks->decimals = 0;
    }
}

static void
compute_axes (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartData *data = &b->data;
  int max_ticks = (int) floor (layout->plot.height / (b->m.line_h * TICK_SPACING_LINES)) + 1;
  LodeChartAxis *left = &layout->axes[0];

  max_ticks = CLAMP (max_ticks, MIN_TICKS, MAX_TICKS);
  left->visible = TRUE;

  if (left->format == LODE_CHART_FORMAT_PERCENT)
    percent_ticks (&left->ticks, data->hi[0], max_ticks);
  else
    lode_chart_ticks_compute (MIN (data->lo[0], 0.0),
                              data->hi[0] > 0 ? data->hi[0] * PEAK_HEADROOM : 1.0, max_ticks,
                              &left->ticks);

  if (data->n_axes > 1)
    {
      double hi = data->hi[1] > 0 ? data->hi[1] * RIGHT_PEAK_HEADROOM : 1.0;

      /* Keep it simple: a right axis aligned to the left one only over a non-negative one. */
      if (left->ticks.min < 0)
        lode_chart_ticks_compute (0, hi, max_ticks, &layout->axes[1].ticks);
      else
        lode_chart_ticks_aligned (hi, left->ticks.n_ticks - 1, &layout->axes[1].ticks);
    }
}

static double
widest_tick_label (const LodeChartAxis *axis,
                   double               size)
{
  double widest = 0;

  for (int k = 0; k < axis->ticks.n_ticks; k++)
    {
      g_autofree char *text = lode_chart_ticks_label (&axis->ticks, k);

      widest = MAX (widest, lode_chart_text_width (text, size, LODE_TEXT_NORMAL));
    }
  return widest;
}

/* Tick labels on the left; a right axis or the line-end labels on the right. */
static void
place_plot_horizontally (LodeChartBuilder *b,
                         double            direct_width)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double year_w = lode_chart_text_width (YEAR_SAMPLE, m->small_px, LODE_TEXT_NORMAL);
  double left = m->pad + widest_tick_label (&layout->axes[0], m->small_px) + m->gap;
  double right = m->pad;

  if (b->data.n_axes > 1)
    right += widest_tick_label (&layout->axes[1], m->small_px) + m->gap;
  if (b->direct_labels)
    right = MAX (right, direct_width + m->pad * 0.5);
  right = MAX (right, m->pad + year_w / 2);
  layout->plot.x = left;
  layout->plot.width = MAX (layout->width - left - right, MIN_PLOT_PX);
}

/* Years: points edge to edge, or bar columns inset by half a column. */
static void
place_years (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;

  if (b->info->flags & LODE_CHART_YEAR_COLUMNS)
    {
      double column = layout->plot.width / layout->n_years;

      layout->x0 = layout->plot.x + column / 2;
      layout->dx = layout->n_years > 1 ? column : 0;
      layout->bar_width = MAX (column * BAR_SHARE, 1.0);
    }
  else if (layout->n_years > 1)
    {
      layout->x0 = layout->plot.x;
      layout->dx = layout->plot.width / (layout->n_years - 1);
    }
  else
    {
      layout->x0 = layout->plot.x + layout->plot.width / 2;
      layout->dx = 0;
    }
}

static void
place_series (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = lode_chart_series_at (layout, s);

      for (int i = 0; i < layout->n_years; i++)
        {
          series->x[i] = layout->x0 + i * layout->dx;
          series->y[i] = isfinite (series->value[i])
                         ? lode_chart_layout_y_for_value (layout, series->axis, series->value[i])
                         : NAN;
          if (series->y_base != NULL)
            series->y_base[i] = lode_chart_layout_y_for_value (layout, series->axis,
                                                               series->value_base[i]);
        }
    }
}

/* Each axis's ticks at their heights, labelled outside the plot. */
static void
place_value_ticks (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;

  for (int a = 0; a < b->data.n_axes; a++)
    {
      LodeChartAxis *axis = &layout->axes[a];
      double x = a == 0 ? layout->plot.x - m->gap : layout->plot.x + layout->plot.width + m->gap;

      axis->visible = TRUE;
      for (int k = 0; k < axis->ticks.n_ticks; k++)
        {
          double y = lode_chart_layout_y_for_value (layout, a, axis->ticks.ticks[k]);

          axis->tick_y[k] = y;
          lode_chart_label_add (layout->labels, lode_chart_ticks_label (&axis->ticks, k), x,
                                y - m->line_h / 2, m->small_px, LODE_TEXT_NORMAL,
                                a == 0 ? 1.0 : 0, LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
        }
    }
}

/* Year ticks: every 1, 2, 5, 10 or 20 years, whichever leaves room between labels; none
 * under the selected year's pill. */
static void
place_year_ticks (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;
  const LodeChartMetrics *m = &b->m;
  double year_w = lode_chart_text_width (YEAR_SAMPLE, m->small_px, LODE_TEXT_NORMAL);
  double room = year_w + m->gap * 2.5;
  int step = 1;

  for (guint k = 0; k < G_N_ELEMENTS (year_steps); k++)
    {
      step = year_steps[k];
      if (layout->dx * step >= room || layout->dx <= 0)
        break;
    }
  for (int year = layout->first_year; year <= layout->last_year; year++)
    {
      double x;

      if (year % step != 0 && !(layout->n_years == 1))
        continue;
      if (layout->n_x_ticks >= LODE_CHART_MAX_TICKS)
        break;
      x = lode_chart_layout_x_for_year (layout, year);
      layout->x_tick_x[layout->n_x_ticks++] = x;
      if (layout->has_selected && fabs (x - layout->selected_x) < layout->selected_pill.width / 2
                                                                 + year_w / 2 + m->gap * 0.5)
        continue;
      lode_chart_label_add (layout->labels, g_strdup_printf ("%d", year), x,
                            layout->plot.y + layout->plot.height + m->gap * 0.75, m->small_px,
                            LODE_TEXT_NORMAL, 0.5, LODE_CHART_COLOUR (LODE_CHART_COLOUR_MUTED));
    }
}

/* The description, and the builder's leftovers gone: the layout keeps no pointer to the
 * analyses it was built from. */
static LodeChartLayout *
layout_finish (LodeChartBuilder *b)
{
  LodeChartLayout *layout = b->data.layout;

  layout->description = describe (layout);
  g_clear_pointer (&b->data.rows, g_array_unref);
  g_clear_pointer (&b->data.empty, g_free);
  layout->options.sensitivity = NULL;
  layout->options.marginal = NULL;
  layout->options.bands = NULL;
  return layout;
}

LodeChartLayout *
lode_chart_layout_new (LodeChartKind           kind,
                       const LodeProjection   *projection,
                       const LodeProjection   *baseline,
                       double                  width,
                       double                  height,
                       const LodeChartOptions *options)
{
  LodeChartLayout *layout;
  LodeChartBuilder builder;
  double direct_width;

  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, NULL);

  layout = layout_alloc (kind, width, height, options);
  builder_init (&builder, layout, projection, baseline);
  /* A category chart draws its analysis, with or without a projection. */
  if (builder.info->flags & LODE_CHART_CATEGORIES)
    {
      builder.info->build (&builder.data);
      if (builder.data.empty != NULL)
        set_empty (&builder, builder.data.empty);
      else
        lode_chart_place_rows (&builder);
      return layout_finish (&builder);
    }
  if (projection == NULL || projection->n_years <= 0)
    {
      set_empty (&builder, _("No projection yet"));
      return layout_finish (&builder);
    }

  build_contents (&builder);
  if (builder.data.empty != NULL)
    {
      set_empty (&builder, builder.data.empty);
      return layout_finish (&builder);
    }
  direct_width = choose_direct_labels (&builder);
  place_plot_vertically (&builder, lode_chart_place_heading (&builder));
  compute_axes (&builder);
  place_plot_horizontally (&builder, direct_width);
  place_years (&builder);
  place_series (&builder);
  place_value_ticks (&builder);
  lode_chart_place_selected_year (&builder);
  place_year_ticks (&builder);
  if (builder.info->flags & LODE_CHART_FULL_NEED)
    lode_chart_place_full_need (&builder);
  if (layout->has_target)
    lode_chart_place_target (&builder);
  if (layout->has_floor)
    lode_chart_place_floor (&builder);
  if (builder.direct_labels)
    lode_chart_place_direct_labels (&builder);

  return layout_finish (&builder);
}

void
lode_chart_layout_free (LodeChartLayout *layout)
{
  if (layout == NULL)
    return;
  for (int a = 0; a < 2; a++)
    g_free (layout->axes[a].title);
  g_clear_pointer (&layout->series, g_ptr_array_unref);
  g_clear_pointer (&layout->labels, g_array_unref);
  g_clear_pointer (&layout->bars, g_array_unref);
  g_clear_pointer (&layout->row_names, g_strfreev);
  g_free (layout->description);
  g_free (layout);
}

char *
lode_chart_layout_describe (const LodeChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return g_strdup (layout->description);
}
