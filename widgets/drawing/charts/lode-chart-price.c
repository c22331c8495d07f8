/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-price.c — the oxide price of the chosen material outside China (what US buyers
 * pay) and inside China, with the baseline's outside price and, for NdPr, the price floor. */

#define G_LOG_DOMAIN "lode-chart-price"

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
      return g_strdup (_("Dy + Tb oxide price, outside and inside China"));
    case LODE_MATERIAL_SM:
      return g_strdup (_("Samarium oxide price, outside and inside China"));
    case LODE_MATERIAL_NDPR:
    case LODE_N_MATERIALS:
    default:
      return g_strdup (_("NdPr oxide price, outside and inside China"));
    }
}

static char *
dup_axis_title (LodeMaterial material)
{
  switch (material)
    {
    case LODE_MATERIAL_HEAVY:
      return g_strdup (_("Dy + Tb oxide, $ per kg"));
    case LODE_MATERIAL_SM:
      return g_strdup (_("Samarium oxide, $ per kg"));
    case LODE_MATERIAL_NDPR:
    case LODE_N_MATERIALS:
    default:
      return g_strdup (_("NdPr oxide, $ per kg"));
    }
}

/* A line of one of the material's two prices. */
static LodeChartSeries *
add_price (LodeChartData        *data,
           const LodeProjection *projection,
           const char           *label,
           LodeChartSeriesStyle  style,
           LodeChartColour       colour,
           gboolean              inside)
{
  LodeChartLayout *layout = data->layout;
  LodeMaterial material = layout->options.material;
  LodeChartSeries *line = lode_chart_data_add_series (data, label, style, colour.role,
                                                      colour.index);

  for (int i = 0; i < layout->n_years; i++)
    {
      const LodeYear *y = lode_chart_data_year (projection, layout->first_year + i);
      const LodeChain *chain = y != NULL ? &y->chain[material] : NULL;

      line->value[i] = chain == NULL ? NAN : inside ? chain->price_china_usd_kg
                                                    : chain->price_usd_kg;
      lode_chart_data_extend (data, 0, line->value[i]);
    }
  return line;
}

/* Whether the prices inside and outside China are one in every year shown: no restriction
 * splits the market. Two lines would then be drawn one over the other, and the legend would
 * name a line no one can see. */
static gboolean
one_price (const LodeChartData *data)
{
  const LodeChartLayout *layout = data->layout;
  LodeMaterial material = layout->options.material;

  for (int i = 0; i < layout->n_years; i++)
    {
      const LodeYear *y = lode_chart_data_year (data->projection, layout->first_year + i);
      double outside, inside;

      if (y == NULL)
        continue;
      outside = y->chain[material].price_usd_kg;
      inside = y->chain[material].price_china_usd_kg;
      if (fabs (outside - inside) > 1e-9 * MAX (fabs (outside), 1.0))
        return FALSE;
    }
  return TRUE;
}

static void
build (LodeChartData *data)
{
  LodeChartLayout *layout = data->layout;
  const LodeDataset *dataset = lode_projection_get_dataset (data->projection);
  /* Inside China in China's colour, as China is drawn in the diagram. */
  LodeChartColour china = dataset != NULL && dataset->china < dataset->n_regions
                          ? (LodeChartColour) { LODE_CHART_COLOUR_REGION, (int) dataset->china }
                          : (LodeChartColour) { LODE_CHART_COLOUR_SERIES, 4 };

  lode_chart_data_set_axis (data, 0, dup_axis_title (layout->options.material),
                            LODE_CHART_FORMAT_USD_KG);
  data->lo[0] = 0;
  data->hi[0] = 0;
  /* The floor is a lever on NdPr only. */
  if (layout->options.material != LODE_MATERIAL_NDPR)
    layout->options.price_floor.years = 0;

  /* Paint order: the baseline behind, inside China, outside China on top (the price a US buyer
   * pays, the line the hover dot and the floor speak of). Without a restriction the two prices
   * are one line, named for both. */
  if (data->baseline != NULL)
    add_price (data, data->baseline, _("Baseline, outside China"), LODE_CHART_SERIES_GHOST,
               (LodeChartColour) { LODE_CHART_COLOUR_GHOST, 0 }, FALSE);
  if (one_price (data))
    add_price (data, data->projection, _("Outside and inside China"), LODE_CHART_SERIES_LINE,
               (LodeChartColour) { LODE_CHART_COLOUR_ACCENT, 0 }, FALSE);
  else
    {
      add_price (data, data->projection, _("Inside China"), LODE_CHART_SERIES_LINE, china,
                 TRUE);
      add_price (data, data->projection, _("Outside China"), LODE_CHART_SERIES_LINE,
                 (LodeChartColour) { LODE_CHART_COLOUR_ACCENT, 0 }, FALSE);
    }
  /* The bands are NdPr's price. */
  if (layout->options.material == LODE_MATERIAL_NDPR)
    lode_chart_data_add_band (data, "ndpr_price_usd_kg", 0, 1, NULL,
                              (LodeChartColour) { LODE_CHART_COLOUR_ACCENT, 0 }, TRUE);
}

const LodeChartKindInfo lode_chart_price_kind = {
  .id = "price",
  .name = N_("Price"),
  .flags = LODE_CHART_PRICE_FLOOR,
  .dup_title = dup_title,
  .build = build,
  .describe = NULL,
};
