/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-chart-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-layout.h"
#include "lode-headlines.h"

/* Text sizes at font_scale 1, px. */
#define BODY_PX   13.0
#define SMALL_PX  12.0
#define TITLE_PX  15.0

/* Self-sufficiency can run far above 100 % (an exporting stage); beyond this the axis stops
 * and the line is clipped; the hover card still tells the value. */
#define MAX_PERCENT_AXIS 200.0

static const char * const kind_ids[LODE_N_CHARTS] = {
  "china-free", "self-sufficiency", "capacity", "spend", "price",
};

static const char * const kind_titles[LODE_N_CHARTS] = {
  N_("China-Free Supply"),
  N_("Self-Sufficiency"),
  N_("Capacity"),
  N_("Public Cost"),
  N_("NdPr Price"),
};

/* Okabe–Ito colours, colour-blind safe; a lighter variant for dark backgrounds. */
static const guint32 series_light[] = { 0xE69F00, 0x0072B2, 0x009E73, 0xCC79A7, 0xD55E00 };
static const guint32 series_dark[] = { 0xF0B43C, 0x56B4E9, 0x2EC4A0, 0xE09CC4, 0xF08040 };

typedef struct
{
  LodeChartLayout      *layout;
  const LodeProjection *projection;
  const LodeProjection *baseline;
  double                fs;
  double                small_px, title_px;
  double                pad, gap;
  double                line_h;       /* height of a small text line */
  double                title_h;
  /* data ranges in axis units */
  double                lo[2], hi[2];
  int                   n_axes;
  gboolean              direct_labels;
} Builder;

/* Kinds and options */

const char *
lode_chart_kind_id (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, NULL);
  return kind_ids[kind];
}

gboolean
lode_chart_kind_from_id (const char    *id,
                         LodeChartKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < LODE_N_CHARTS; i++)
    if (g_str_equal (id, kind_ids[i]))
      {
        *out_kind = (LodeChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lode_chart_kind_title (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, NULL);
  return _(kind_titles[kind]);
}

void
lode_chart_options_init (LodeChartOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (LodeChartOptions) {
    .font_scale = 1.0,
    .target_share = 0.5,
    .capacity_stage = LODE_STAGE_SEPARATION,
    .selected_year = 0,
    .hover_x = -1.0,
    .show_legend = TRUE,
    .price_floor = { 0.0, 0, 0 },
    .show_title = TRUE,
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
      {
        guint i = (guint) MAX (colour.index, 0) % G_N_ELEMENTS (series_light);

        return lode_rgba_from_rgb (palette->dark ? series_dark[i] : series_light[i]);
      }
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
  g_autofree char *number = NULL;

  switch (format)
    {
    case LODE_CHART_FORMAT_PERCENT:
      number = lode_format_number (value, fabs (value) < 10 && value != 0 ? 1 : 0);
      /* Translators: a percentage; %s is the number */
      return g_strdup_printf (_("%s%%"), number);
    case LODE_CHART_FORMAT_TONNES:
      number = lode_format_number (value, fabs (value) < 10 && value != 0 ? 1 : 0);
      /* Translators: a mass in tonnes; %s is the number */
      return g_strdup_printf (_("%s t"), number);
    case LODE_CHART_FORMAT_KILOTONNES:
      number = lode_format_number (value, fabs (value) < 100 && value != 0 ? 1 : 0);
      /* Translators: a mass in thousands of tonnes; %s is the number */
      return g_strdup_printf (_("%s kt"), number);
    case LODE_CHART_FORMAT_BUSD:
      number = lode_format_number (value, value == 0 || fabs (value) >= 100 ? 0
                                          : fabs (value) >= 1 ? 1 : 2);
      /* Translators: billions of US dollars; %s is the number */
      return g_strdup_printf (_("$%s bn"), number);
    case LODE_CHART_FORMAT_USD_KG:
      number = lode_format_number (value, 0);
      /* Translators: a price in US dollars per kilogram; %s is the number */
      return g_strdup_printf (_("$%s/kg"), number);
    default:
      return lode_format_number (value, 1);
    }
}

/* Series */

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

static LodeChartSeries *
add_series (Builder              *b,
            const char           *label,
            LodeChartSeriesStyle  style,
            LodeChartColourRole   role,
            int                   index)
{
  LodeChartLayout *layout = b->layout;
  LodeChartSeries *series = g_new0 (LodeChartSeries, 1);
  int n = layout->n_years;

  series->label = g_strdup (label);
  series->style = style;
  series->colour = (LodeChartColour) { role, index };
  series->in_legend = TRUE;
  series->value = g_new0 (double, n);
  series->x = g_new0 (double, n);
  series->y = g_new0 (double, n);
  if (style == LODE_CHART_SERIES_AREA || style == LODE_CHART_SERIES_BARS)
    {
      series->value_base = g_new0 (double, n);
      series->y_base = g_new0 (double, n);
    }
  g_ptr_array_add (layout->series, series);
  return series;
}

static LodeChartSeries *
series_at (const LodeChartLayout *layout,
           guint                  i)
{
  return g_ptr_array_index (layout->series, i);
}

static void
extend_range (Builder *b,
              int      axis,
              double   value)
{
  if (!isfinite (value))
    return;
  b->lo[axis] = MIN (b->lo[axis], value);
  b->hi[axis] = MAX (b->hi[axis], value);
}

/* The value of a projection's year for the year at index i of the layout, or NAN. */
static const LodeYear *
year_of (const LodeProjection *projection,
         int                   year)
{
  if (projection == NULL)
    return NULL;
  return lode_projection_get_year (projection, year);
}

/* Labels */

static void
label_clear (gpointer data)
{
  LodeChartLabel *label = data;

  g_free (label->text);
}

static LodeChartLabel *
add_label_to (GArray          *array,
              char            *text,     /* owned */
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

static LodeChartLabel *
add_label (Builder         *b,
           char            *text,
           double           x,
           double           y,
           double           size,
           LodeTextFlags    flags,
           double           align,
           LodeChartColour  colour)
{
  return add_label_to (b->layout->labels, text, x, y, size, flags, align, colour);
}

static double
text_width (const char    *text,
            double         size,
            LodeTextFlags  flags)
{
  double width;

  lode_text_measure (text, size, flags, &width, NULL);
  return width;
}

#define COLOUR(role) ((LodeChartColour) { (role), 0 })

/* Chart contents: fill the series' values and the axes' titles and formats. */

static void
build_china_free (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  LodeChartSeries *ghost = NULL;
  LodeChartSeries *line;

  layout->axes[0].title = g_strdup (_("Share of US magnet supply, %"));
  layout->axes[0].format = LODE_CHART_FORMAT_PERCENT;

  if (b->baseline != NULL)
    ghost = add_series (b, _("Baseline"), LODE_CHART_SERIES_GHOST, LODE_CHART_COLOUR_GHOST, 0);
  line = add_series (b, _("Scenario"), LODE_CHART_SERIES_LINE, LODE_CHART_COLOUR_ACCENT, 0);

  for (int i = 0; i < layout->n_years; i++)
    {
      int year = layout->first_year + i;
      const LodeYear *y = year_of (b->projection, year);
      const LodeYear *base = year_of (b->baseline, year);

      line->value[i] = y != NULL ? 100.0 * y->china_free_share_us_magnets : NAN;
      if (ghost != NULL)
        ghost->value[i] = base != NULL ? 100.0 * base->china_free_share_us_magnets : NAN;
    }
  b->lo[0] = 0;
  b->hi[0] = 100;
  layout->has_target = TRUE;
}

static void
build_self_sufficiency (Builder *b)
{
  LodeChartLayout *layout = b->layout;

  layout->axes[0].title = g_strdup (_("US production as a share of US need, %"));
  layout->axes[0].format = LODE_CHART_FORMAT_PERCENT;
  b->lo[0] = 0;
  b->hi[0] = 100;

  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      LodeChartSeries *line = add_series (b, lode_stage_name ((LodeStage) s),
                                          LODE_CHART_SERIES_LINE, LODE_CHART_COLOUR_SERIES, s);

      for (int i = 0; i < layout->n_years; i++)
        {
          const LodeYear *y = year_of (b->projection, layout->first_year + i);

          line->value[i] = y != NULL ? 100.0 * y->us_self_sufficiency[s] : NAN;
          extend_range (b, 0, MIN (line->value[i], MAX_PERCENT_AXIS));
        }
    }
}

/* Stack order, bottom first: the United States, the others in dataset order, China on top. */
static guint
stack_order (const LodeDataset *dataset,
             guint              n_regions,
             guint             *order)
{
  guint n = 0;
  gboolean known = dataset != NULL && dataset->us < n_regions && dataset->china < n_regions
                   && dataset->us != dataset->china;

  if (known)
    order[n++] = dataset->us;
  for (guint r = 0; r < n_regions; r++)
    if (!known || (r != dataset->us && r != dataset->china))
      order[n++] = r;
  if (known)
    order[n++] = dataset->china;
  return n;
}

static void
build_capacity (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  LodeStage stage = layout->options.capacity_stage;
  const LodeDataset *dataset = lode_projection_get_dataset (b->projection);
  guint n_regions = MIN (b->projection->n_regions, LODE_MAX_REGIONS);
  guint order[LODE_MAX_REGIONS];
  guint n_order = stack_order (dataset, n_regions, order);
  double *running = g_new0 (double, layout->n_years);

  /* Translators: axis title; %s is a unit such as "t NdPr oxide" */
  layout->axes[0].title = g_strdup_printf (_("Capacity, %s per year"), lode_stage_unit (stage));
  layout->axes[0].format = LODE_CHART_FORMAT_TONNES;
  b->lo[0] = 0;
  b->hi[0] = 0;

  for (guint k = 0; k < n_order; k++)
    {
      guint r = order[k];
      gboolean any = FALSE;
      LodeChartSeries *band;
      const char *name;

      for (int i = 0; i < layout->n_years && !any; i++)
        {
          const LodeYear *y = year_of (b->projection, layout->first_year + i);

          any = y != NULL && y->capacity[stage][r] > 0;
        }
      if (!any)
        continue;

      name = dataset != NULL && r < dataset->n_regions ? lode_region_name (&dataset->regions[r])
                                                       : "?";
      band = add_series (b, name, LODE_CHART_SERIES_AREA, LODE_CHART_COLOUR_REGION, (int) r);
      for (int i = 0; i < layout->n_years; i++)
        {
          const LodeYear *y = year_of (b->projection, layout->first_year + i);
          double value = y != NULL ? MAX (y->capacity[stage][r], 0.0) : 0.0;

          band->value_base[i] = running[i];
          running[i] += value;
          band->value[i] = running[i];
          extend_range (b, 0, running[i]);
        }
    }
  g_free (running);

  if (b->baseline != NULL)
    {
      LodeChartSeries *ghost = add_series (b, _("Baseline total"), LODE_CHART_SERIES_GHOST,
                                           LODE_CHART_COLOUR_GHOST, 0);

      ghost->dashed = TRUE;
      for (int i = 0; i < layout->n_years; i++)
        {
          const LodeYear *y = year_of (b->baseline, layout->first_year + i);
          double total = 0;

          for (guint r = 0; y != NULL && r < MIN (b->baseline->n_regions, LODE_MAX_REGIONS); r++)
            total += MAX (y->capacity[stage][r], 0.0);
          ghost->value[i] = y != NULL ? total : NAN;
          extend_range (b, 0, ghost->value[i]);
        }
    }

  /* Big capacities read better in thousands of tonnes than as six-digit ticks. */
  if (b->hi[0] >= 10000)
    {
      for (guint s = 0; s < layout->series->len; s++)
        {
          LodeChartSeries *series = series_at (layout, s);

          for (int i = 0; i < layout->n_years; i++)
            {
              series->value[i] /= 1000;
              if (series->value_base != NULL)
                series->value_base[i] /= 1000;
            }
        }
      b->lo[0] /= 1000;
      b->hi[0] /= 1000;
      g_free (layout->axes[0].title);
      /* Translators: axis title; %s is a unit such as "t NdPr oxide" */
      layout->axes[0].title = g_strdup_printf (_("Capacity, thousand %s per year"),
                                               lode_stage_unit (stage));
      layout->axes[0].format = LODE_CHART_FORMAT_KILOTONNES;
    }
}

static void
build_spend (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  LodeChartSeries *spend, *floor_cost, *cumulative, *ghost = NULL;

  layout->axes[0].title = g_strdup (_("Annual, $ bn"));
  layout->axes[0].format = LODE_CHART_FORMAT_BUSD;
  layout->axes[1].title = g_strdup (_("Cumulative, $ bn"));
  layout->axes[1].format = LODE_CHART_FORMAT_BUSD;
  layout->axes[1].visible = TRUE;
  b->n_axes = 2;
  b->lo[0] = b->lo[1] = 0;
  b->hi[0] = b->hi[1] = 0;

  spend = add_series (b, _("Public spend"), LODE_CHART_SERIES_BARS, LODE_CHART_COLOUR_ACCENT, 0);
  floor_cost = add_series (b, _("Price-floor cost"), LODE_CHART_SERIES_BARS,
                           LODE_CHART_COLOUR_SERIES, 0);
  if (b->baseline != NULL)
    {
      ghost = add_series (b, _("Baseline, cumulative"), LODE_CHART_SERIES_GHOST,
                          LODE_CHART_COLOUR_GHOST, 0);
      ghost->axis = 1;
      ghost->dashed = TRUE;
    }
  cumulative = add_series (b, _("Cumulative (right axis)"), LODE_CHART_SERIES_LINE,
                           LODE_CHART_COLOUR_FOREGROUND, 0);
  cumulative->axis = 1;

  for (int i = 0; i < layout->n_years; i++)
    {
      int year = layout->first_year + i;
      const LodeYear *y = year_of (b->projection, year);
      const LodeYear *base = year_of (b->baseline, year);
      double public_spend = y != NULL ? MAX (y->public_spend_busd, 0.0) : 0.0;
      double floor_spend = y != NULL ? MAX (y->price_floor_cost_busd, 0.0) : 0.0;

      spend->value_base[i] = 0;
      spend->value[i] = public_spend;
      floor_cost->value_base[i] = public_spend;
      floor_cost->value[i] = public_spend + floor_spend;
      cumulative->value[i] = y != NULL ? y->public_spend_cum_busd + y->price_floor_cost_cum_busd
                                       : NAN;
      extend_range (b, 0, floor_cost->value[i]);
      extend_range (b, 1, cumulative->value[i]);
      if (ghost != NULL)
        {
          ghost->value[i] = base != NULL
                            ? base->public_spend_cum_busd + base->price_floor_cost_cum_busd
                            : NAN;
          extend_range (b, 1, ghost->value[i]);
        }
    }
}

static void
build_price (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  LodeChartSeries *ghost = NULL;
  LodeChartSeries *line;

  layout->axes[0].title = g_strdup (_("NdPr oxide, $ per kg"));
  layout->axes[0].format = LODE_CHART_FORMAT_USD_KG;
  b->lo[0] = 0;
  b->hi[0] = 0;

  if (b->baseline != NULL)
    ghost = add_series (b, _("Baseline"), LODE_CHART_SERIES_GHOST, LODE_CHART_COLOUR_GHOST, 0);
  line = add_series (b, _("Scenario"), LODE_CHART_SERIES_LINE, LODE_CHART_COLOUR_ACCENT, 0);

  for (int i = 0; i < layout->n_years; i++)
    {
      int year = layout->first_year + i;
      const LodeYear *y = year_of (b->projection, year);
      const LodeYear *base = year_of (b->baseline, year);

      line->value[i] = y != NULL ? y->ndpr_price_usd_kg : NAN;
      extend_range (b, 0, line->value[i]);
      if (ghost != NULL)
        {
          ghost->value[i] = base != NULL ? base->ndpr_price_usd_kg : NAN;
          extend_range (b, 0, ghost->value[i]);
        }
      if (lode_price_floor_applies (&layout->options.price_floor, year))
        {
          layout->has_floor = TRUE;
          extend_range (b, 0, layout->options.price_floor.usd_kg);
        }
    }
}

/* Geometry helpers */

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

typedef struct
{
  LodeChartSeries *series;
  double           want_y;    /* value-space, converted after the axes exist */
  double           y;
} DirectLabel;

static int
direct_label_compare (gconstpointer a,
                      gconstpointer b)
{
  const DirectLabel *da = a;
  const DirectLabel *db = b;

  return (da->y > db->y) - (da->y < db->y);
}

/* The series that get a label at their right end: lines and bands, not bars. */
static gboolean
wants_direct_label (const LodeChartSeries *series)
{
  return series->style != LODE_CHART_SERIES_BARS;
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

/* A line's direct label also tells its last value ("Scenario 24%"): the number a presenter
 * reads out, and the only sign of a value beyond a clipped axis. */
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

/* Legend and direct-label sizes */

static double
swatch_width (const Builder *b)
{
  return 14.0 * b->fs;
}

static double
direct_labels_width (const Builder *b)
{
  const LodeChartLayout *layout = b->layout;
  double widest = 0;

  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = series_at (layout, i);

      if (wants_direct_label (series))
        {
          g_autofree char *text = direct_label_text (layout, series);

          widest = MAX (widest, text_width (text, b->small_px, LODE_TEXT_NORMAL));
        }
    }
  return widest > 0 ? widest + swatch_width (b) + 2 * b->gap : 0;
}

typedef struct
{
  char            *text;      /* owned until handed to a label */
  LodeChartColour  colour;
  gboolean         block;
  gboolean         dashed;
} LegendItem;

/* Lays the legend out from (x, y) within [x, right], wrapping; returns the height used. */
static double
place_legend (Builder    *b,
              LegendItem *items,
              guint       n,
              double      x,
              double      y,
              double      right,
              gboolean    commit)
{
  double sw = swatch_width (b);
  double cx = x;
  double cy = y;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      double w = sw + b->gap * 0.6 + text_width (items[i].text, b->small_px, LODE_TEXT_NORMAL);

      if (cx > x && cx + w > right)
        {
          cx = x;
          cy += b->line_h * 1.25;
        }
      if (commit)
        {
          LodeChartLabel *label = add_label (b, g_strdup (items[i].text), cx + sw + b->gap * 0.6,
                                             cy, b->small_px, LODE_TEXT_NORMAL, 0,
                                             COLOUR (LODE_CHART_COLOUR_FOREGROUND));

          label->has_swatch = TRUE;
          label->swatch_x = cx;
          label->swatch_y = cy + b->line_h / 2;
          label->swatch_width = sw;
          label->swatch_colour = items[i].colour;
          label->swatch_block = items[i].block;
        }
      cx += w + b->gap * 1.6;
    }
  return cy - y + b->line_h;
}

static guint
collect_legend (Builder    *b,
                LegendItem *items,
                guint       max_items)
{
  LodeChartLayout *layout = b->layout;
  guint n = 0;

  for (guint i = 0; i < layout->series->len && n < max_items; i++)
    {
      LodeChartSeries *series = series_at (layout, i);

      series->in_legend = !(b->direct_labels && wants_direct_label (series));
      if (!series->in_legend)
        continue;
      items[n++] = (LegendItem) {
        g_strdup (series->label), series->colour,
        series->style == LODE_CHART_SERIES_AREA || series->style == LODE_CHART_SERIES_BARS,
        series->dashed,
      };
    }
  return n;
}

/* Axes */

static void
compute_axes (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  int max_ticks = (int) floor (layout->plot.height / (b->line_h * 2.2)) + 1;
  LodeChartAxis *left = &layout->axes[0];

  max_ticks = CLAMP (max_ticks, 2, 9);
  layout->axes[0].visible = TRUE;

  if (left->format == LODE_CHART_FORMAT_PERCENT)
    {
      double hi = CLAMP (b->hi[0], 100.0, MAX_PERCENT_AXIS);

      lode_chart_ticks_compute (0, hi, max_ticks, &left->ticks);
      /* 0–100 % in fifths or quarters, never 0–120 % for a 100.4 % blip. */
      if (b->hi[0] <= 100.0 + 1e-9)
        {
          int steps = max_ticks >= 6 ? 5 : max_ticks >= 5 ? 4 : max_ticks >= 3 ? 2 : 1;

          left->ticks.n_ticks = steps + 1;
          left->ticks.step = 100.0 / steps;
          for (int k = 0; k <= steps; k++)
            left->ticks.ticks[k] = k * left->ticks.step;
          left->ticks.min = 0;
          left->ticks.max = 100;
          left->ticks.decimals = 0;
        }
    }
  else
    {
      double hi = b->hi[0] > 0 ? b->hi[0] * 1.04 : 1.0;   /* headroom above the peak */

      lode_chart_ticks_compute (MIN (b->lo[0], 0.0), hi, max_ticks, &left->ticks);
    }

  if (b->n_axes > 1)
    {
      double hi = b->hi[1] > 0 ? b->hi[1] * 1.02 : 1.0;

      if (left->ticks.min < 0)
        {
          /* Keep it simple: a right axis only over a non-negative left axis. */
          lode_chart_ticks_compute (0, hi, max_ticks, &layout->axes[1].ticks);
        }
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

      widest = MAX (widest, text_width (text, size, LODE_TEXT_NORMAL));
    }
  return widest;
}

/* Hover card */

static void
build_hover (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  double x = layout->options.hover_x;
  int year = lode_chart_layout_year_at (layout, x);
  double pad = 8.0 * b->fs;
  double row_h = b->line_h * 1.3;
  double label_w = 0, value_w = 0;
  double sw = 8.0 * b->fs;
  guint n_rows = 0;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *title = NULL;
  double title_w, width, height, cx, cy;

  if (year == 0 || x < 0)
    return;

  layout->has_hover = TRUE;
  layout->hover_year = year;
  layout->hover_index = year - layout->first_year;
  layout->hover_x = lode_chart_layout_x_for_year (layout, year);

  /* Rows top to bottom: the reverse of paint order, so stacked bands read as they stack. */
  for (guint k = 0; k < 2 * layout->series->len; k++)
    {
      gboolean ghosts = k >= layout->series->len;
      guint i = layout->series->len - 1 - (k % layout->series->len);
      LodeChartSeries *series = series_at (layout, i);
      double value = series->value[layout->hover_index];
      char *text;

      if (ghosts != (series->style == LODE_CHART_SERIES_GHOST))
        continue;

      if (series->value_base != NULL)
        value -= series->value_base[layout->hover_index];
      text = isfinite (value) ? lode_chart_format_value (layout->axes[series->axis].format, value)
                              : g_strdup ("\342\200\224");
      label_w = MAX (label_w, text_width (series->label, b->small_px, LODE_TEXT_NORMAL));
      value_w = MAX (value_w, text_width (text, b->small_px, LODE_TEXT_BOLD));
      g_ptr_array_add (values, text);
      g_ptr_array_add (rows, series);
      n_rows++;
    }

  if (layout->kind == LODE_CHART_CAPACITY)
    {
      double total = 0;

      for (guint i = 0; i < layout->series->len; i++)
        {
          LodeChartSeries *series = series_at (layout, i);

          if (series->style == LODE_CHART_SERIES_AREA)
            total = series->value[layout->hover_index];
        }
      {
        g_autofree char *number = lode_chart_format_value (layout->axes[0].format, total);

        /* Translators: hover card title: a year and the stacked total */
        title = g_strdup_printf (_("%d · total %s"), year, number);
      }
    }
  else
    title = g_strdup_printf ("%d", year);

  title_w = text_width (title, b->small_px, LODE_TEXT_BOLD);
  width = MAX (title_w, sw + b->gap * 0.6 + label_w + b->gap * 2 + value_w) + 2 * pad;
  height = 2 * pad + b->line_h + n_rows * row_h + (n_rows > 0 ? b->line_h * 0.3 : 0);

  cx = layout->hover_x + 12 * b->fs;
  if (cx + width > layout->width - 2)
    cx = layout->hover_x - 12 * b->fs - width;
  cx = MAX (cx, 2);
  cy = layout->plot.y + 4 * b->fs;
  layout->card = (LodeChartRect) { cx, cy, width, height };

  add_label_to (layout->card_labels, g_steal_pointer (&title), cx + pad, cy + pad, b->small_px,
                LODE_TEXT_BOLD, 0, COLOUR (LODE_CHART_COLOUR_FOREGROUND));
  for (guint i = 0; i < n_rows; i++)
    {
      LodeChartSeries *series = g_ptr_array_index (rows, i);
      double ry = cy + pad + b->line_h * 1.3 + i * row_h;
      LodeChartLabel *label;

      label = add_label_to (layout->card_labels, g_strdup (series->label),
                            cx + pad + sw + b->gap * 0.6, ry, b->small_px, LODE_TEXT_NORMAL, 0,
                            COLOUR (LODE_CHART_COLOUR_MUTED));
      label->has_swatch = TRUE;
      label->swatch_x = cx + pad;
      label->swatch_y = ry + b->line_h / 2;
      label->swatch_width = sw;
      label->swatch_colour = series->colour;
      label->swatch_block = TRUE;
      add_label_to (layout->card_labels, g_strdup (g_ptr_array_index (values, i)),
                    cx + width - pad, ry, b->small_px, LODE_TEXT_BOLD, 1.0,
                    COLOUR (LODE_CHART_COLOUR_FOREGROUND));
    }
}

static char *
chart_title (const LodeChartLayout *layout)
{
  switch (layout->kind)
    {
    case LODE_CHART_CHINA_FREE:
      return g_strdup (_("China-free share of US magnet supply"));
    case LODE_CHART_SELF_SUFFICIENCY:
      return g_strdup (_("US self-sufficiency by stage"));
    case LODE_CHART_CAPACITY:
      /* Translators: chart title; %s is a stage such as "Separation" */
      return g_strdup_printf (_("%s capacity by region"),
                              lode_stage_name (layout->options.capacity_stage));
    case LODE_CHART_SPEND:
      return g_strdup (_("Public spend and price-floor cost"));
    case LODE_CHART_PRICE:
      return g_strdup (_("NdPr oxide price"));
    case LODE_N_CHARTS:
    default:
      return g_strdup ("");
    }
}

/* Description */

static void
append_key_years (GString               *out,
                  const LodeChartLayout *layout,
                  const LodeChartSeries *series)
{
  int years[3] = { layout->first_year, 2030, layout->last_year };
  gboolean first = TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (years); k++)
    {
      int year = years[k];
      int i = year - layout->first_year;
      g_autofree char *value = NULL;

      if (i < 0 || i >= layout->n_years || (k > 0 && year == years[k - 1]))
        continue;
      if (k == 1 && (year == layout->first_year || year == layout->last_year))
        continue;
      value = lode_chart_format_value (layout->axes[series->axis].format,
                                       series->value[i] - (series->value_base != NULL
                                                           ? series->value_base[i] : 0));
      if (!first)
        g_string_append (out, ", ");
      /* Translators: "48% in 2030" */
      g_string_append_printf (out, _("%s in %d"), value, year);
      first = FALSE;
    }
}

static char *
describe (const LodeChartLayout *layout)
{
  GString *out = g_string_new (NULL);

  if (layout->empty)
    {
      g_string_append (out, _("No projection to show."));
      return g_string_free (out, FALSE);
    }

  {
    g_autofree char *title = chart_title (layout);

    /* Translators: the start of a chart description: "<title> (<axis>), 2024 to 2040." */
    g_string_append_printf (out, _("%s (%s), %d to %d."), title, layout->axes[0].title,
                            layout->first_year, layout->last_year);
  }

  switch (layout->kind)
    {
    case LODE_CHART_CHINA_FREE:
    case LODE_CHART_PRICE:
    case LODE_CHART_SELF_SUFFICIENCY:
      /* The scenario's lines first, the baseline after. */
      for (guint k = 0; k < 2 * layout->series->len; k++)
        {
          const LodeChartSeries *series = series_at (layout, k % layout->series->len);

          if ((k >= layout->series->len) != (series->style == LODE_CHART_SERIES_GHOST))
            continue;
          g_string_append_printf (out, " %s: ", series->label);
          append_key_years (out, layout, series);
          g_string_append (out, ".");
        }
      break;
    case LODE_CHART_CAPACITY:
      {
        const LodeChartSeries *largest = NULL;
        double total = 0;
        int last = layout->n_years - 1;

        for (guint i = 0; i < layout->series->len; i++)
          {
            const LodeChartSeries *series = series_at (layout, i);

            if (series->style != LODE_CHART_SERIES_AREA)
              continue;
            total = series->value[last];
            if (largest == NULL || series->value[last] - series->value_base[last]
                                   > largest->value[last] - largest->value_base[last])
              largest = series;
          }
        {
          g_autofree char *number = lode_chart_format_value (layout->axes[0].format, total);

          /* Translators: %s is a capacity, %d a year */
          g_string_append_printf (out, _(" Total %s in %d."), number, layout->last_year);
        }
        if (largest != NULL && total > 0)
          {
            double share = (largest->value[last] - largest->value_base[last]) / total;
            g_autofree char *pct = lode_chart_format_value (LODE_CHART_FORMAT_PERCENT,
                                                            share * 100);

            /* Translators: "Largest: China, 70%." */
            g_string_append_printf (out, _(" Largest: %s, %s."), largest->label, pct);
          }
      }
      break;
    case LODE_CHART_SPEND:
      {
        const LodeChartSeries *cumulative = NULL;
        const LodeChartSeries *ghost = NULL;
        const LodeChartSeries *annual = NULL;
        int peak = 0;

        for (guint i = 0; i < layout->series->len; i++)
          {
            const LodeChartSeries *series = series_at (layout, i);

            if (series->style == LODE_CHART_SERIES_LINE)
              cumulative = series;
            else if (series->style == LODE_CHART_SERIES_GHOST)
              ghost = series;
            else
              annual = series;   /* the top of the stacked bars */
          }
        if (cumulative != NULL)
          {
            g_string_append_printf (out, " %s ", _("Cumulative cost:"));
            append_key_years (out, layout, cumulative);
            g_string_append (out, ".");
          }
        if (annual != NULL)
          {
            g_autofree char *value = NULL;

            for (int i = 1; i < layout->n_years; i++)
              if (annual->value[i] > annual->value[peak])
                peak = i;
            value = lode_chart_format_value (LODE_CHART_FORMAT_BUSD, annual->value[peak]);
            /* Translators: "Highest annual cost: $5.5 bn in 2030." */
            g_string_append_printf (out, _(" Highest annual cost: %s in %d."), value,
                                    layout->first_year + peak);
          }
        if (ghost != NULL)
          {
            g_string_append_printf (out, " %s ", _("Baseline, cumulative:"));
            append_key_years (out, layout, ghost);
            g_string_append (out, ".");
          }
      }
      break;
    case LODE_N_CHARTS:
    default:
      break;
    }

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

/* The whole layout */

static void
set_empty (Builder    *b,
           const char *message)
{
  LodeChartLayout *layout = b->layout;
  double w = text_width (message, b->layout->font_px, LODE_TEXT_NORMAL);

  layout->empty = TRUE;
  layout->n_years = 0;
  add_label (b, g_strdup (message), MAX ((layout->width - w) / 2, 0),
             MAX ((layout->height - b->line_h) / 2, 0), layout->font_px, LODE_TEXT_NORMAL, 0,
             COLOUR (LODE_CHART_COLOUR_MUTED));
}


static void
place_series (Builder *b)
{
  LodeChartLayout *layout = b->layout;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = series_at (layout, s);

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

static void
place_direct_labels (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (DirectLabel));
  g_autofree double *ys = NULL;
  double x = layout->plot.x + layout->plot.width + b->gap;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = series_at (layout, s);
      DirectLabel label = { series, 0, 0 };
      int last = layout->n_years - 1;

      if (!wants_direct_label (series))
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
  ys = g_new (double, MAX (wanted->len, 1));
  for (guint i = 0; i < wanted->len; i++)
    ys[i] = g_array_index (wanted, DirectLabel, i).y;

  {
    double lo = layout->plot.y - b->line_h * 0.3;
    double hi = layout->plot.y + layout->plot.height + b->line_h * 0.3;

    /* The size check before the legend was laid out makes this rare: squeeze them in. */
    if (!spread_labels (ys, wanted->len, b->line_h * 1.05, lo, hi) && wanted->len > 1)
      spread_labels (ys, wanted->len, (hi - lo) / (wanted->len - 1), lo, hi);
  }

  for (guint i = 0; i < wanted->len; i++)
    {
      DirectLabel *d = &g_array_index (wanted, DirectLabel, i);
      LodeChartLabel *label;

      label = add_label (b, direct_label_text (layout, d->series),
                         x + swatch_width (b) + b->gap * 0.5, ys[i] - b->line_h / 2,
                         b->small_px, LODE_TEXT_NORMAL, 0,
                         COLOUR (LODE_CHART_COLOUR_FOREGROUND));
      label->has_swatch = TRUE;
      label->swatch_x = x;
      label->swatch_y = ys[i];
      label->swatch_width = swatch_width (b);
      label->swatch_colour = d->series->colour;
      label->swatch_block = d->series->style == LODE_CHART_SERIES_AREA;
    }
}

typedef struct
{
  double x, y;
} Spot;

/* The box a label's text covers. */
static LodeChartRect
label_rect (const LodeChartLabel *label)
{
  double w = 0, h = 0;

  lode_text_measure (label->text, label->size, label->flags, &w, &h);
  return (LodeChartRect) { label->x - label->align * w, label->y, w, h };
}

static gboolean
rects_intersect (const LodeChartRect *a,
                 const LodeChartRect *c)
{
  return a->x < c->x + c->width && c->x < a->x + a->width
         && a->y < c->y + c->height && c->y < a->y + a->height;
}

/* "Reached in 2031" beside the point where the line crosses the target: the first place
 * (above left, above right, below right, below left, then above the target label) that stays
 * inside the plot and covers neither the target label nor another label; the line-end labels
 * sit outside the plot, so staying inside keeps clear of them. Takes `text`. */
static void
place_reached_label (Builder             *b,
                     char                *text,
                     const LodeChartRect *target_rect)
{
  LodeChartLayout *layout = b->layout;
  const LodeChartRect *plot = &layout->plot;
  double rx = layout->reached_x, ry = layout->reached_y;
  double w = 0, h = 0;
  double gap = 6 * b->fs;
  double above = ry - b->line_h - gap;
  double below = ry + gap;
  double over_target;
  Spot candidates[8];
  guint n = 0;
  gboolean placed = FALSE;
  LodeChartRect best;

  lode_text_measure (text, b->small_px, LODE_TEXT_BOLD, &w, &h);
  over_target = target_rect->y - MAX (h, b->line_h) - 2 * b->fs;
  /* Left edges of the text. */
  candidates[n++] = (Spot) { rx - gap - w, above };
  candidates[n++] = (Spot) { rx + gap, above };
  candidates[n++] = (Spot) { rx + gap, below };
  candidates[n++] = (Spot) { rx - gap - w, below };
  candidates[n++] = (Spot) { rx + gap, over_target };
  candidates[n++] = (Spot) { rx - gap - w, over_target };
  /* On the target label's row, to its right. */
  candidates[n++] = (Spot) { MAX (rx + gap, target_rect->x + target_rect->width + 3 * gap),
                             target_rect->y };
  candidates[n++] = (Spot) { target_rect->x + target_rect->width + 3 * gap,
                             target_rect->y + target_rect->height + 2 * b->fs };

  for (guint c = 0; c < n && !placed; c++)
    {
      LodeChartRect r = { candidates[c].x, candidates[c].y, w, h };
      gboolean clear = r.x >= plot->x + 2 * b->fs && r.x + r.width <= plot->x + plot->width
                       && r.y >= plot->y - b->line_h * 0.3
                       && r.y + r.height <= plot->y + plot->height;

      for (guint i = 0; clear && i < layout->labels->len; i++)
        {
          LodeChartRect other = label_rect (&g_array_index (layout->labels, LodeChartLabel, i));

          /* A little air between the two. */
          other.x -= 2 * b->fs;
          other.y -= 2 * b->fs;
          other.width += 4 * b->fs;
          other.height += 4 * b->fs;
          clear = !rects_intersect (&r, &other);
        }
      if (clear)
        {
          best = r;
          placed = TRUE;
        }
    }
  if (!placed)
    {
      /* Nowhere is free (a tiny chart): right of the target label, inside the plot. */
      best = (LodeChartRect) { target_rect->x + target_rect->width + 3 * gap, target_rect->y,
                               w, h };
      best.x = MIN (best.x, plot->x + plot->width - w);
    }
  add_label (b, text, best.x, best.y, b->small_px, LODE_TEXT_BOLD, 0,
             COLOUR (LODE_CHART_COLOUR_ACCENT));
}

static void
place_target (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  LodeChartSeries *line = NULL;
  LodeChartSeries *ghost = NULL;
  double target = layout->options.target_share;
  g_autofree char *pct = lode_chart_format_value (LODE_CHART_FORMAT_PERCENT, 100 * target);
  LodeChartLabel *target_label;
  LodeChartRect target_rect;
  int year;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = series_at (layout, s);

      if (series->style == LODE_CHART_SERIES_LINE)
        line = series;
      else if (series->style == LODE_CHART_SERIES_GHOST)
        ghost = series;
    }

  layout->target_y = lode_chart_layout_y_for_value (layout, 0, 100 * target);

  /* The first year at or above the target, as lode_projection_first_year_reaching() counts. */
  year = 0;
  for (int i = 0; line != NULL && i < layout->n_years && year == 0; i++)
    if (line->value[i] >= 100 * target - 1e-9)
      {
        year = layout->first_year + i;
        layout->has_reached = TRUE;
        layout->reached_year = year;
        layout->reached_x = line->x[i];
        layout->reached_y = line->y[i];
      }
  for (int i = 0; ghost != NULL && i < layout->n_years; i++)
    if (ghost->value[i] >= 100 * target - 1e-9)
      {
        /* Translators: marks the year the baseline reaches the target */
        char *text = g_strdup_printf (_("Baseline %d"), layout->first_year + i);
        double w = text_width (text, b->small_px, LODE_TEXT_NORMAL);
        double lx = ghost->x[i] + 6 * b->fs;
        double align = 0.0;

        layout->has_base_reached = TRUE;
        layout->base_reached_x = ghost->x[i];
        layout->base_reached_y = ghost->y[i];
        if (lx + w > layout->plot.x + layout->plot.width)
          {
            lx = ghost->x[i] - 6 * b->fs;
            align = 1.0;
          }
        add_label (b, text, lx, ghost->y[i] + 4 * b->fs, b->small_px, LODE_TEXT_NORMAL, align,
                   COLOUR (LODE_CHART_COLOUR_MUTED));
        break;
      }

  /* "Target 50%" sits on the left above its line; the reached year beside its marker. */
  target_label = add_label (b, g_strdup_printf (_("Target %s"), pct), layout->plot.x + 4 * b->fs,
                            layout->target_y - b->line_h - 2 * b->fs, b->small_px,
                            LODE_TEXT_BOLD, 0, COLOUR (LODE_CHART_COLOUR_TARGET));
  target_rect = label_rect (target_label);
  if (layout->has_reached)
    {
      /* Translators: marks the year a target is reached on a chart */
      char *text = g_strdup_printf (_("Reached in %d"), year);

      place_reached_label (b, text, &target_rect);
    }
  else
    {
      /* Translators: %d is the last year of the projection */
      char *text = g_strdup_printf (_("Not reached by %d"), layout->last_year);

      add_label (b, text, layout->plot.x + layout->plot.width - 4 * b->fs,
                 layout->target_y - b->line_h - 2 * b->fs, b->small_px, LODE_TEXT_NORMAL, 1.0,
                 COLOUR (LODE_CHART_COLOUR_MUTED));
    }
}

static void
place_floor (Builder *b)
{
  LodeChartLayout *layout = b->layout;
  const LodeChartOptions *options = &layout->options;
  int first = 0, last = 0;
  g_autofree char *value = NULL;

  for (int year = layout->first_year; year <= layout->last_year; year++)
    if (lode_price_floor_applies (&options->price_floor, year))
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
  layout->floor_y = lode_chart_layout_y_for_value (layout, 0, options->price_floor.usd_kg);
  layout->floor_x0 = lode_chart_layout_x_for_year (layout, first);
  layout->floor_x1 = lode_chart_layout_x_for_year (layout, last);
  if (layout->floor_x1 - layout->floor_x0 < layout->dx)
    layout->floor_x1 = MIN (layout->floor_x0 + layout->dx, layout->plot.x + layout->plot.width);

  value = lode_chart_format_value (LODE_CHART_FORMAT_USD_KG, options->price_floor.usd_kg);
  /* Translators: label of the price-floor line; %s is a price such as "$110/kg" */
  add_label (b, g_strdup_printf (_("Floor %s"), value), layout->floor_x0 + 4 * b->fs,
             layout->floor_y - b->line_h - 2 * b->fs, b->small_px, LODE_TEXT_BOLD, 0,
             COLOUR (LODE_CHART_COLOUR_WARNING));
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
  Builder builder = { 0 };
  Builder *b = &builder;
  LegendItem legend[LODE_MAX_REGIONS + 8];
  guint n_legend;
  g_autofree char *title = NULL;
  double top, bottom, left, right, x_label_w, legend_h, title_w, year_step;
  double right_axis_w = 0, direct_w = 0;
  int step_years;

  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, NULL);

  layout = g_new0 (LodeChartLayout, 1);
  layout->kind = kind;
  if (options != NULL)
    layout->options = *options;
  else
    lode_chart_options_init (&layout->options);
  if (!(layout->options.font_scale > 0.1) || !isfinite (layout->options.font_scale))
    layout->options.font_scale = 1.0;
  layout->options.font_scale = MIN (layout->options.font_scale, 8.0);
  if (!isfinite (layout->options.target_share))
    layout->options.target_share = 0.5;
  layout->options.target_share = CLAMP (layout->options.target_share, 0.0, 1.0);
  if ((guint) layout->options.capacity_stage >= LODE_N_STAGES)
    layout->options.capacity_stage = LODE_STAGE_SEPARATION;
  layout->width = isfinite (width) ? MAX (width, 1) : 1;
  layout->height = isfinite (height) ? MAX (height, 1) : 1;
  layout->series = g_ptr_array_new_with_free_func (series_free);
  layout->labels = g_array_new (FALSE, TRUE, sizeof (LodeChartLabel));
  g_array_set_clear_func (layout->labels, label_clear);
  layout->card_labels = g_array_new (FALSE, TRUE, sizeof (LodeChartLabel));
  g_array_set_clear_func (layout->card_labels, label_clear);

  b->layout = layout;
  b->projection = projection;
  b->baseline = baseline != NULL && baseline->n_years > 0 ? baseline : NULL;
  b->fs = layout->options.font_scale;
  b->small_px = SMALL_PX * b->fs;
  b->title_px = TITLE_PX * b->fs;
  layout->font_px = BODY_PX * b->fs;
  layout->line_width = 2.25 * b->fs;
  b->pad = 14.0 * b->fs;
  b->gap = 8.0 * b->fs;
  lode_text_measure ("0", b->small_px, LODE_TEXT_NORMAL, NULL, &b->line_h);
  lode_text_measure ("0", b->title_px, LODE_TEXT_BOLD, NULL, &b->title_h);
  b->n_axes = 1;
  b->lo[0] = b->lo[1] = 0;
  b->hi[0] = b->hi[1] = 0;

  if (projection == NULL || projection->n_years <= 0)
    {
      set_empty (b, _("No projection yet"));
      layout->description = describe (layout);
      return layout;
    }

  layout->first_year = projection->base_year;
  layout->last_year = projection->base_year + MIN (projection->n_years, LODE_MAX_YEARS) - 1;
  layout->n_years = layout->last_year - layout->first_year + 1;

  switch (kind)
    {
    case LODE_CHART_CHINA_FREE:
      build_china_free (b);
      break;
    case LODE_CHART_SELF_SUFFICIENCY:
      build_self_sufficiency (b);
      break;
    case LODE_CHART_CAPACITY:
      build_capacity (b);
      break;
    case LODE_CHART_SPEND:
      build_spend (b);
      break;
    case LODE_CHART_PRICE:
      build_price (b);
      break;
    case LODE_N_CHARTS:
    default:
      g_assert_not_reached ();
    }

  /* Direct labels need room on the right: a fifth of the width at most. */
  direct_w = kind == LODE_CHART_SPEND ? 0 : direct_labels_width (b);
  b->direct_labels = direct_w > 0 && direct_w <= layout->width * 0.2;
  if (b->direct_labels)
    {
      /* ...and height for one line each, judged on a conservative guess of the plot. */
      double guess = layout->height - 2 * b->pad - b->title_h - 5 * b->line_h - 3 * b->gap;
      guint n_direct = 0;

      for (guint i = 0; i < layout->series->len; i++)
        n_direct += wants_direct_label (series_at (layout, i)) ? 1 : 0;
      if (n_direct * b->line_h * 1.05 > guess + b->line_h * 0.6)
        b->direct_labels = FALSE;
    }

  /* Vertical: title and legend, axis titles, plot, year labels. */
  top = b->pad;
  title = chart_title (layout);
  title_w = layout->options.show_title ? text_width (title, b->title_px, LODE_TEXT_BOLD) : 0;
  n_legend = layout->options.show_legend ? collect_legend (b, legend, G_N_ELEMENTS (legend)) : 0;
  if (!layout->options.show_legend)
    for (guint i = 0; i < layout->series->len; i++)
      series_at (layout, i)->in_legend = FALSE;

  legend_h = 0;
  if (layout->options.show_title)
    {
      double legend_x = b->pad + title_w + b->gap * 3;

      add_label (b, g_steal_pointer (&title), b->pad, top, b->title_px, LODE_TEXT_BOLD, 0,
                 COLOUR (LODE_CHART_COLOUR_FOREGROUND));
      /* The legend shares the title's line when it fits there in one row. */
      if (n_legend > 0 && place_legend (b, legend, n_legend, legend_x, 0, layout->width - b->pad,
                                        FALSE) <= b->line_h + 0.5)
        place_legend (b, legend, n_legend, legend_x, top + (b->title_h - b->line_h) / 2,
                      layout->width - b->pad, TRUE);
      else if (n_legend > 0)
        legend_h = place_legend (b, legend, n_legend, b->pad, top + b->title_h + b->gap * 0.5,
                                 layout->width - b->pad, TRUE) + b->gap * 0.5;
      top += b->title_h + legend_h + b->gap;
    }
  else if (n_legend > 0)
    top += place_legend (b, legend, n_legend, b->pad, top, layout->width - b->pad, TRUE)
           + b->gap;
  for (guint i = 0; i < n_legend; i++)
    g_free (legend[i].text);

  /* Axis titles: above the axes, reading horizontally. */
  add_label (b, g_strdup (layout->axes[0].title), b->pad, top, b->small_px, LODE_TEXT_NORMAL, 0,
             COLOUR (LODE_CHART_COLOUR_MUTED));
  if (b->n_axes > 1)
    add_label (b, g_strdup (layout->axes[1].title), layout->width - b->pad, top, b->small_px,
               LODE_TEXT_NORMAL, 1.0, COLOUR (LODE_CHART_COLOUR_MUTED));
  top += b->line_h + b->gap * 0.5 + b->line_h / 2;
  bottom = b->pad + b->line_h + b->gap * 0.75;
  layout->plot.y = top;
  layout->plot.height = MAX (layout->height - top - bottom, 10);

  compute_axes (b);

  /* Horizontal: tick labels on the left, right axis or direct labels on the right. */
  x_label_w = text_width ("0000", b->small_px, LODE_TEXT_NORMAL);
  left = b->pad + widest_tick_label (&layout->axes[0], b->small_px) + b->gap;
  right = b->pad;
  if (b->n_axes > 1)
    {
      right_axis_w = widest_tick_label (&layout->axes[1], b->small_px);
      right += right_axis_w + b->gap;
    }
  if (b->direct_labels)
    right = MAX (right, direct_w + b->pad * 0.5);
  right = MAX (right, b->pad + x_label_w / 2);
  layout->plot.x = left;
  layout->plot.width = MAX (layout->width - left - right, 10);

  /* Years: points edge to edge, or bar columns inset by half a column. */
  if (kind == LODE_CHART_SPEND)
    {
      double column = layout->plot.width / layout->n_years;

      layout->x0 = layout->plot.x + column / 2;
      layout->dx = layout->n_years > 1 ? column : 0;
      layout->bar_width = MAX (column * 0.62, 1.0);
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

  place_series (b);

  /* Y ticks. */
  for (int a = 0; a < b->n_axes; a++)
    {
      LodeChartAxis *axis = &layout->axes[a];

      axis->visible = TRUE;
      for (int k = 0; k < axis->ticks.n_ticks; k++)
        {
          double y = lode_chart_layout_y_for_value (layout, a, axis->ticks.ticks[k]);

          axis->tick_y[k] = y;
          if (a == 0)
            add_label (b, lode_chart_ticks_label (&axis->ticks, k), layout->plot.x - b->gap, y
                       - b->line_h / 2, b->small_px, LODE_TEXT_NORMAL, 1.0,
                       COLOUR (LODE_CHART_COLOUR_MUTED));
          else
            add_label (b, lode_chart_ticks_label (&axis->ticks, k),
                       layout->plot.x + layout->plot.width + b->gap, y - b->line_h / 2,
                       b->small_px, LODE_TEXT_NORMAL, 0, COLOUR (LODE_CHART_COLOUR_MUTED));
        }
    }

  /* Selected year: a line and the year in an accent pill under the axis. */
  if (layout->options.selected_year >= layout->first_year
      && layout->options.selected_year <= layout->last_year)
    {
      char *text = g_strdup_printf ("%d", layout->options.selected_year);
      double w = text_width (text, b->small_px, LODE_TEXT_BOLD) + 10 * b->fs;
      double ly = layout->plot.y + layout->plot.height + b->gap * 0.75;

      layout->has_selected = TRUE;
      layout->selected_x = lode_chart_layout_x_for_year (layout, layout->options.selected_year);
      layout->selected_pill = (LodeChartRect) { layout->selected_x - w / 2, ly - 2 * b->fs, w,
                                                b->line_h + 4 * b->fs };
      add_label (b, text, layout->selected_x, ly, b->small_px, LODE_TEXT_BOLD, 0.5,
                 COLOUR (LODE_CHART_COLOUR_ON_ACCENT));
    }

  /* Year ticks: every 1, 2, 5, 10 or 20 years, whichever leaves room between labels. */
  year_step = x_label_w + b->gap * 2.5;
  step_years = 1;
  {
    static const int steps[] = { 1, 2, 5, 10, 20, 50 };

    for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
      {
        step_years = steps[k];
        if (layout->dx * steps[k] >= year_step || layout->dx <= 0)
          break;
      }
  }
  for (int year = layout->first_year; year <= layout->last_year; year++)
    {
      double x;

      if (year % step_years != 0 && !(layout->n_years == 1))
        continue;
      if (layout->n_x_ticks >= LODE_CHART_MAX_TICKS)
        break;
      x = lode_chart_layout_x_for_year (layout, year);
      layout->x_tick_x[layout->n_x_ticks++] = x;
      if (layout->has_selected && fabs (x - layout->selected_x) < layout->selected_pill.width / 2
                                                                 + x_label_w / 2 + b->gap * 0.5)
        continue;
      add_label (b, g_strdup_printf ("%d", year), x,
                 layout->plot.y + layout->plot.height + b->gap * 0.75, b->small_px,
                 LODE_TEXT_NORMAL, 0.5, COLOUR (LODE_CHART_COLOUR_MUTED));
    }

  if (kind == LODE_CHART_SELF_SUFFICIENCY)
    {
      layout->has_reference = TRUE;
      layout->reference_y = lode_chart_layout_y_for_value (layout, 0, 100.0);
      add_label (b, g_strdup (_("All US need met")), layout->plot.x + 4 * b->fs,
                 layout->reference_y - b->line_h - 2 * b->fs, b->small_px, LODE_TEXT_NORMAL, 0,
                 COLOUR (LODE_CHART_COLOUR_MUTED));
    }
  if (layout->has_target)
    place_target (b);
  if (layout->has_floor)
    place_floor (b);
  if (b->direct_labels)
    place_direct_labels (b);

  build_hover (b);
  layout->description = describe (layout);
  return layout;
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
  g_clear_pointer (&layout->card_labels, g_array_unref);
  g_free (layout->description);
  g_free (layout);
}

char *
lode_chart_layout_describe (const LodeChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return g_strdup (layout->description);
}
