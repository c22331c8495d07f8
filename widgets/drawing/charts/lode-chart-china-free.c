/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-china-free.c — the joint China-free share of US magnet demand against the target,
 * with its parts: NdFeB magnets by their NdPr, the Dy + Tb in them, and SmCo magnets. */

#define G_LOG_DOMAIN "lode-chart-china-free"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

/* The parts, dashed in the series colours under the joint line: each its own chain's
 * China-free share of what the US needs of it. An NdFeB magnet counts China-free only when its
 * NdPr and, in a Dy/Tb grade, its Dy + Tb are; grades without Dy + Tb need only their NdPr, so
 * the joint line can lie above the Dy + Tb part, and it adds SmCo magnets. */
typedef struct
{
  const char *label;
  int         colour;   /* LODE_CHART_COLOUR_SERIES index */
} Part;

static const Part parts[] = {
  /* Translators: a line of the China-free chart: NdFeB magnets counted by their NdPr only */
  { N_("NdPr in NdFeB"), 0 },
  /* Translators: a line of the China-free chart: the Dy + Tb in US NdFeB magnets */
  { N_("Dy + Tb in NdFeB"), 2 },
  /* Translators: a line of the China-free chart: samarium-cobalt magnets */
  { N_("SmCo magnets"), 3 },
};

static char *
dup_title (const LodeChartOptions *options)
{
  return g_strdup (_("China-free share of US magnet demand"));
}

static double
part_share (const LodeYear *year,
            guint           part)
{
  switch (part)
    {
    case 0:
      return year->china_free_share_us_demand_ndpr;
    case 1:
      return year->china_free_share_us_demand_heavy;
    default:
      return year->china_free_share_us_demand_smco;
    }
}

static double
china_free_percent (const LodeYear *year)
{
  return 100.0 * year->china_free_share_us_demand;
}

static void
add_parts (LodeChartData *data)
{
  LodeChartLayout *layout = data->layout;

  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    {
      LodeChartSeries *line = lode_chart_data_add_series (data, _(parts[k].label),
                                                          LODE_CHART_SERIES_LINE,
                                                          LODE_CHART_COLOUR_SERIES,
                                                          parts[k].colour);

      line->dashed = TRUE;
      for (int i = 0; i < layout->n_years; i++)
        {
          const LodeYear *y = lode_chart_data_year (data->projection, layout->first_year + i);

          line->value[i] = y != NULL ? 100.0 * part_share (y, k) : NAN;
        }
    }
}

static void
build (LodeChartData *data)
{
  LodeChartSeries *joint;

  lode_chart_data_set_axis (data, 0, g_strdup (_("Share of US magnet demand, %")),
                            LODE_CHART_FORMAT_PERCENT);
  /* The baseline behind, the parts, then the joint share on top: the line the target marks. */
  lode_chart_data_add_lines (data, china_free_percent, FALSE);
  joint = g_ptr_array_steal_index (data->layout->series, data->layout->series->len - 1);
  g_free (joint->label);
  /* Translators: the China-free chart's main line: all US magnets, NdFeB and SmCo, counted
   * China-free only when every part of them is */
  joint->label = g_strdup (_("All magnets"));
  add_parts (data);
  g_ptr_array_add (data->layout->series, joint);
  lode_chart_data_add_band (data, "china_free_share_us_demand", 0, 100, NULL,
                            (LodeChartColour) { LODE_CHART_COLOUR_ACCENT, 0 }, FALSE);
  data->lo[0] = 0;
  data->hi[0] = 100;
}

const LodeChartKindInfo lode_chart_china_free_kind = {
  .id = "china-free",
  .name = N_("China-Free Supply"),
  .flags = LODE_CHART_TARGET,
  .dup_title = dup_title,
  .build = build,
  .describe = NULL,
};
