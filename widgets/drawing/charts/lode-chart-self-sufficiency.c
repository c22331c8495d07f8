/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-self-sufficiency.c — US production of the chosen material as a share of US need,
 * one line per stage. */

#define G_LOG_DOMAIN "lode-chart-self-sufficiency"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

static char *
dup_title (const LodeChartOptions *options)
{
  switch (options->material)
    {
    case LODE_MATERIAL_HEAVY:
      return g_strdup (_("US self-sufficiency in Dy + Tb by stage"));
    case LODE_MATERIAL_SM:
      return g_strdup (_("US self-sufficiency in samarium by stage"));
    case LODE_MATERIAL_NDPR:
    case LODE_N_MATERIALS:
    default:
      return g_strdup (_("US self-sufficiency in NdPr by stage"));
    }
}

static void
build (LodeChartData *data)
{
  LodeChartLayout *layout = data->layout;
  LodeMaterial material = layout->options.material;

  lode_chart_data_set_axis (data, 0, g_strdup (_("US production as a share of US need, %")),
                            LODE_CHART_FORMAT_PERCENT);
  data->lo[0] = 0;
  data->hi[0] = 100;

  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      LodeChartSeries *line = lode_chart_data_add_series (data, lode_stage_name ((LodeStage) s),
                                                          LODE_CHART_SERIES_LINE,
                                                          LODE_CHART_COLOUR_SERIES, s);

      for (int i = 0; i < layout->n_years; i++)
        {
          const LodeYear *y = lode_chart_data_year (data->projection, layout->first_year + i);

          line->value[i] = y != NULL ? 100.0 * y->chain[material].us_self_sufficiency[s] : NAN;
          lode_chart_data_extend (data, 0, line->value[i]);
        }
    }
  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      g_autofree char *key = g_strdup_printf ("us_self_sufficiency.%s",
                                              lode_stage_id ((LodeStage) s));

      lode_chart_data_add_band (data, key, 0, 100, lode_stage_name ((LodeStage) s),
                                (LodeChartColour) { LODE_CHART_COLOUR_SERIES, s }, FALSE);
    }
}

const LodeChartKindInfo lode_chart_self_sufficiency_kind = {
  .id = "self-sufficiency",
  .name = N_("Self-Sufficiency"),
  .flags = LODE_CHART_FULL_NEED,
  .dup_title = dup_title,
  .build = build,
  .describe = NULL,
};
