/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-china-free.c — the China-free share of US magnet supply against the target. */

#define G_LOG_DOMAIN "lode-chart-china-free"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

static char *
dup_title (const LodeChartOptions *options)
{
  return g_strdup (_("China-free share of US magnet supply"));
}

static double
china_free_percent (const LodeYear *year)
{
  return 100.0 * year->china_free_share_us_demand;
}

static void
build (LodeChartData *data)
{
  lode_chart_data_set_axis (data, 0, g_strdup (_("Share of US magnet supply, %")),
                            LODE_CHART_FORMAT_PERCENT);
  lode_chart_data_add_lines (data, china_free_percent, FALSE);
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
