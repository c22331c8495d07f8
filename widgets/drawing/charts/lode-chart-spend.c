/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-spend.c — public spend and price-floor cost per year as stacked bars, and their
 * running total on a right axis. */

#define G_LOG_DOMAIN "lode-chart-spend"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

static char *
dup_title (const LodeChartOptions *options)
{
  return g_strdup (_("Public spend and price-floor cost"));
}

static double
cumulative_cost (const LodeYear *y)
{
  return y != NULL ? y->public_spend_cum_busd + y->price_floor_cost_cum_busd : NAN;
}

static void
build (LodeChartData *data)
{
  LodeChartLayout *layout = data->layout;
  LodeChartSeries *spend, *floor_cost, *cumulative, *ghost = NULL;

  lode_chart_data_set_axis (data, 0, g_strdup (_("Annual, $ bn")), LODE_CHART_FORMAT_BUSD);
  lode_chart_data_set_axis (data, 1, g_strdup (_("Cumulative, $ bn")), LODE_CHART_FORMAT_BUSD);
  layout->axes[1].visible = TRUE;
  data->n_axes = 2;
  data->lo[0] = data->lo[1] = 0;
  data->hi[0] = data->hi[1] = 0;

  spend = lode_chart_data_add_series (data, _("Public spend"), LODE_CHART_SERIES_BARS,
                                      LODE_CHART_COLOUR_ACCENT, 0);
  floor_cost = lode_chart_data_add_series (data, _("Price-floor cost"), LODE_CHART_SERIES_BARS,
                                           LODE_CHART_COLOUR_SERIES, 0);
  if (data->baseline != NULL)
    {
      ghost = lode_chart_data_add_series (data, _("Baseline, cumulative"),
                                          LODE_CHART_SERIES_GHOST, LODE_CHART_COLOUR_GHOST, 0);
      ghost->axis = 1;
      ghost->dashed = TRUE;
    }
  cumulative = lode_chart_data_add_series (data, _("Cumulative (right axis)"),
                                           LODE_CHART_SERIES_LINE, LODE_CHART_COLOUR_FOREGROUND,
                                           0);
  cumulative->axis = 1;
  lode_chart_data_add_band (data, LODE_BANDS_KEY_PUBLIC_COST_CUM, 1, 1, _("Cumulative"),
                            (LodeChartColour) { LODE_CHART_COLOUR_FOREGROUND, 0 }, TRUE);

  for (int i = 0; i < layout->n_years; i++)
    {
      int year = layout->first_year + i;
      const LodeYear *y = lode_chart_data_year (data->projection, year);
      double public_spend = y != NULL ? MAX (y->public_spend_busd, 0.0) : 0.0;
      double floor_spend = y != NULL ? MAX (y->price_floor_cost_busd, 0.0) : 0.0;

      spend->value_base[i] = 0;
      spend->value[i] = public_spend;
      floor_cost->value_base[i] = public_spend;
      floor_cost->value[i] = public_spend + floor_spend;
      cumulative->value[i] = cumulative_cost (y);
      lode_chart_data_extend (data, 0, floor_cost->value[i]);
      lode_chart_data_extend (data, 1, cumulative->value[i]);
      if (ghost != NULL)
        {
          ghost->value[i] = cumulative_cost (lode_chart_data_year (data->baseline, year));
          lode_chart_data_extend (data, 1, ghost->value[i]);
        }
    }
}

/* " Cumulative cost: … Highest annual cost: $5.5 bn in 2030. Baseline, cumulative: …" */
static void
describe (const LodeChartLayout *layout,
          GString               *out)
{
  const LodeChartSeries *cumulative = NULL;
  const LodeChartSeries *ghost = NULL;
  const LodeChartSeries *annual = NULL;
  int peak = 0;

  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, i);

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
      lode_chart_describe_key_years (out, layout, cumulative);
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
      lode_chart_describe_key_years (out, layout, ghost);
      g_string_append (out, ".");
    }
}

const LodeChartKindInfo lode_chart_spend_kind = {
  .id = "spend",
  .name = N_("Public Cost"),
  .flags = LODE_CHART_YEAR_COLUMNS,
  .dup_title = dup_title,
  .build = build,
  .describe = describe,
};
