/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-capacity.c — one stage's capacity of the chosen material by region, stacked,
 * against the baseline's total. */

#define G_LOG_DOMAIN "lode-chart-capacity"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

/* From this many tonnes the axis counts thousands of tonnes: six-digit ticks read badly. */
#define KILOTONNE_AXIS_FROM 10000.0

static char *
dup_title (const LodeChartOptions *options)
{
  const char *stage = lode_stage_name (options->capacity_stage);

  if (options->material == LODE_MATERIAL_NDPR)
    /* Translators: chart title; %s is a stage such as "Separation" */
    return g_strdup_printf (_("%s capacity by region"), stage);
  /* Translators: chart title; the first %s is a stage such as "Separation", the second a
   * material such as "Dy + Tb" */
  return g_strdup_printf (_("%s capacity by region, %s"), stage,
                          lode_material_name (options->material));
}

static double
capacity_of (const LodeChartData *data,
             const LodeYear      *year,
             LodeStage            stage,
             guint                region)
{
  return year->chain[data->layout->options.material].capacity[stage][region];
}

/* The stage's unit for the chosen material, "t Dy+Tb oxide". */
static const char *
stage_unit (const LodeChartData *data,
            LodeStage            stage)
{
  return lode_material_stage_unit (data->layout->options.material, stage);
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

static gboolean
region_has_capacity (const LodeChartData *data,
                     LodeStage            stage,
                     guint                region)
{
  const LodeChartLayout *layout = data->layout;

  for (int i = 0; i < layout->n_years; i++)
    {
      const LodeYear *y = lode_chart_data_year (data->projection, layout->first_year + i);

      if (y != NULL && capacity_of (data, y, stage, region) > 0)
        return TRUE;
    }
  return FALSE;
}

/* One band per region with capacity, stacked in `running`. */
static void
add_region_bands (LodeChartData *data,
                  LodeStage      stage)
{
  LodeChartLayout *layout = data->layout;
  const LodeDataset *dataset = lode_projection_get_dataset (data->projection);
  guint n_regions = MIN (data->projection->n_regions, LODE_MAX_REGIONS);
  guint order[LODE_MAX_REGIONS];
  guint n_order = stack_order (dataset, n_regions, order);
  g_autofree double *running = g_new0 (double, layout->n_years);

  for (guint k = 0; k < n_order; k++)
    {
      guint r = order[k];
      LodeChartSeries *band;
      const char *name;

      if (!region_has_capacity (data, stage, r))
        continue;

      name = dataset != NULL && r < dataset->n_regions ? lode_region_name (&dataset->regions[r])
                                                       : "?";
      band = lode_chart_data_add_series (data, name, LODE_CHART_SERIES_AREA,
                                         LODE_CHART_COLOUR_REGION, (int) r);
      for (int i = 0; i < layout->n_years; i++)
        {
          const LodeYear *y = lode_chart_data_year (data->projection, layout->first_year + i);
          double value = y != NULL ? MAX (capacity_of (data, y, stage, r), 0.0) : 0.0;

          band->value_base[i] = running[i];
          running[i] += value;
          band->value[i] = running[i];
          lode_chart_data_extend (data, 0, running[i]);
        }
    }
}

static void
add_baseline_total (LodeChartData *data,
                    LodeStage      stage)
{
  LodeChartLayout *layout = data->layout;
  LodeChartSeries *ghost = lode_chart_data_add_series (data, _("Baseline total"),
                                                       LODE_CHART_SERIES_GHOST,
                                                       LODE_CHART_COLOUR_GHOST, 0);

  ghost->dashed = TRUE;
  for (int i = 0; i < layout->n_years; i++)
    {
      const LodeYear *y = lode_chart_data_year (data->baseline, layout->first_year + i);
      double total = 0;

      for (guint r = 0; y != NULL && r < MIN (data->baseline->n_regions, LODE_MAX_REGIONS); r++)
        total += MAX (capacity_of (data, y, stage, r), 0.0);
      ghost->value[i] = y != NULL ? total : NAN;
      lode_chart_data_extend (data, 0, ghost->value[i]);
    }
}

/* Big capacities read better in thousands of tonnes than as six-digit ticks. */
static void
count_in_kilotonnes (LodeChartData *data,
                     LodeStage      stage)
{
  LodeChartLayout *layout = data->layout;

  for (guint s = 0; s < layout->series->len; s++)
    {
      LodeChartSeries *series = g_ptr_array_index (layout->series, s);

      for (int i = 0; i < layout->n_years; i++)
        {
          series->value[i] /= 1000;
          if (series->value_base != NULL)
            series->value_base[i] /= 1000;
        }
    }
  data->lo[0] /= 1000;
  data->hi[0] /= 1000;
  lode_chart_data_set_axis (data, 0,
                            /* Translators: axis title; %s is a unit such as "t NdPr oxide" */
                            g_strdup_printf (_("Capacity, thousand %s per year"),
                                             stage_unit (data, stage)),
                            LODE_CHART_FORMAT_KILOTONNES);
}

static void
build (LodeChartData *data)
{
  LodeStage stage = data->layout->options.capacity_stage;

  lode_chart_data_set_axis (data, 0,
                            /* Translators: axis title; %s is a unit such as "t NdPr oxide" */
                            g_strdup_printf (_("Capacity, %s per year"),
                                             stage_unit (data, stage)),
                            LODE_CHART_FORMAT_TONNES);
  data->lo[0] = 0;
  data->hi[0] = 0;

  add_region_bands (data, stage);
  if (data->baseline != NULL)
    add_baseline_total (data, stage);
  {
    g_autofree char *key = g_strdup_printf ("world_capacity.%s", lode_stage_id (stage));

    lode_chart_data_add_band (data, key, 0, 1, _("Total"),
                              (LodeChartColour) { LODE_CHART_COLOUR_FOREGROUND, 0 }, TRUE);
  }
  if (data->hi[0] >= KILOTONNE_AXIS_FROM)
    count_in_kilotonnes (data, stage);
}

/* " Total 120 kt in 2040. Largest: China, 70%." */
static void
describe (const LodeChartLayout *layout,
          GString               *out)
{
  const LodeChartSeries *largest = NULL;
  g_autofree char *number = NULL;
  double total = 0;
  int last = layout->n_years - 1;

  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, i);

      if (series->style != LODE_CHART_SERIES_AREA)
        continue;
      total = series->value[last];
      if (largest == NULL || series->value[last] - series->value_base[last]
                             > largest->value[last] - largest->value_base[last])
        largest = series;
    }
  number = lode_chart_format_value (layout->axes[0].format, total);
  /* Translators: %s is a capacity, %d a year */
  g_string_append_printf (out, _(" Total %s in %d."), number, layout->last_year);
  if (largest != NULL && total > 0)
    {
      double share = (largest->value[last] - largest->value_base[last]) / total;
      g_autofree char *pct = lode_chart_format_value (LODE_CHART_FORMAT_PERCENT, share * 100);

      /* Translators: "Largest: China, 70%." */
      g_string_append_printf (out, _(" Largest: %s, %s."), largest->label, pct);
    }
}

const LodeChartKindInfo lode_chart_capacity_kind = {
  .id = "capacity",
  .name = N_("Capacity"),
  .flags = LODE_CHART_STACK_TOTAL,
  .dup_title = dup_title,
  .build = build,
  .describe = describe,
};
