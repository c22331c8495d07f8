/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-price.c — the NdPr oxide price, with the baseline's and the price floor. */

#define G_LOG_DOMAIN "lode-chart-price"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

static char *
dup_title (const LodeChartOptions *options)
{
  return g_strdup (_("NdPr oxide price"));
}

static double
price (const LodeYear *year)
{
  return year->chain[LODE_MATERIAL_NDPR].price_usd_kg;
}

static void
build (LodeChartData *data)
{
  lode_chart_data_set_axis (data, 0, g_strdup (_("NdPr oxide, $ per kg")),
                            LODE_CHART_FORMAT_USD_KG);
  data->lo[0] = 0;
  data->hi[0] = 0;
  lode_chart_data_add_lines (data, price, TRUE);
  lode_chart_data_add_band (data, "ndpr_price_usd_kg", 0, 1, NULL,
                            (LodeChartColour) { LODE_CHART_COLOUR_ACCENT, 0 }, TRUE);
}

const LodeChartKindInfo lode_chart_price_kind = {
  .id = "price",
  .name = N_("NdPr Price"),
  .flags = LODE_CHART_PRICE_FLOOR,
  .dup_title = dup_title,
  .build = build,
  .describe = NULL,
};
