/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-fund.c — the fund as an investor: each year's cash flows by instrument, paid out
 * below the zero line and received above it, and the cumulative net position as a line
 * (docs/fund.md). One axis, so the line and the bars share their zero. */

#define G_LOG_DOMAIN "lode-chart-fund"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

/* An instrument: what it pays out and what it brings back, as indices into the year's
 * fund_out_busd and fund_in_busd (-1: none). */
typedef struct
{
  const char *name;        /* N_() */
  const char *in_label;    /* N_(): the hover card's row for what comes back */
  int         out[2];
  int         in[2];
} Instrument;

static const Instrument instruments[] = {
  { N_("Grants"), NULL,
    { LODE_FUND_OUT_GRANTS, -1 }, { -1, -1 } },
  { N_("Equity"), N_("Equity: dividends and exit"),
    { LODE_FUND_OUT_EQUITY, -1 }, { LODE_FUND_IN_DIVIDENDS, LODE_FUND_IN_EXIT_VALUE } },
  { N_("Loans"), N_("Loans: interest and repayment"),
    { LODE_FUND_OUT_LOANS, -1 }, { LODE_FUND_IN_LOAN_SERVICE, -1 } },
  { N_("Price floor and guarantees"), N_("Price floor: upside share"),
    { LODE_FUND_OUT_FLOOR, LODE_FUND_OUT_GUARANTEES }, { LODE_FUND_IN_FLOOR_UPSIDE, -1 } },
  { N_("Offtake"), N_("Offtake: resale"),
    { LODE_FUND_OUT_OFFTAKE, -1 }, { LODE_FUND_IN_OFFTAKE_RESALE, -1 } },
};

static char *
dup_title (const LodeChartOptions *options)
{
  return g_strdup (_("The fund’s cash flows and net position"));
}

static double
sum_of (const double *values,
        const int     index[2])
{
  double sum = 0;

  for (int k = 0; k < 2; k++)
    if (index[k] >= 0)
      sum += MAX (values[index[k]], 0.0);
  return sum;
}

static double
net_position (const LodeYear *y)
{
  return y != NULL ? y->fund_net_cum_busd : NAN;
}

static void
build (LodeChartData *data)
{
  LodeChartLayout *layout = data->layout;
  LodeChartSeries *out[G_N_ELEMENTS (instruments)];
  LodeChartSeries *in[G_N_ELEMENTS (instruments)] = { NULL, };
  LodeChartSeries *net;

  lode_chart_data_set_axis (data, 0, g_strdup (_("$ bn; paid out below zero, received above")),
                            LODE_CHART_FORMAT_BUSD);
  data->lo[0] = data->hi[0] = 0;

  for (guint k = 0; k < G_N_ELEMENTS (instruments); k++)
    {
      out[k] = lode_chart_data_add_series (data, _(instruments[k].name), LODE_CHART_SERIES_BARS,
                                           LODE_CHART_COLOUR_SERIES, (int) k);
      if (instruments[k].in_label == NULL)
        continue;
      /* Same colour as what went out: the legend names the instrument once. */
      in[k] = lode_chart_data_add_series (data, _(instruments[k].in_label),
                                          LODE_CHART_SERIES_BARS, LODE_CHART_COLOUR_SERIES,
                                          (int) k);
    }
  lode_chart_data_add_lines (data, net_position, TRUE);
  net = g_ptr_array_index (layout->series, layout->series->len - 1);
  g_free (net->label);
  net->label = g_strdup (_("Cumulative net position"));
  net->colour = (LodeChartColour) { LODE_CHART_COLOUR_FOREGROUND, 0 };

  for (int i = 0; i < layout->n_years; i++)
    {
      const LodeYear *y = lode_chart_data_year (data->projection, layout->first_year + i);
      double paid = 0, received = 0;

      for (guint k = 0; k < G_N_ELEMENTS (instruments); k++)
        {
          double o = y != NULL ? sum_of (y->fund_out_busd, instruments[k].out) : 0;

          out[k]->value_base[i] = -paid;
          paid += o;
          out[k]->value[i] = -paid;
          if (in[k] != NULL)
            {
              double r = y != NULL ? sum_of (y->fund_in_busd, instruments[k].in) : 0;

              in[k]->value_base[i] = received;
              received += r;
              in[k]->value[i] = received;
            }
        }
      lode_chart_data_extend (data, 0, -paid);
      lode_chart_data_extend (data, 0, received);
    }
}

/* " Cumulative net position: … Most paid out in one year: $5.5 bn in 2030." */
static void
describe (const LodeChartLayout *layout,
          GString               *out)
{
  g_autofree char *value = NULL;
  double most = 0;
  int peak = -1;

  for (guint k = 0; k < layout->series->len; k++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, k);

      if (series->style == LODE_CHART_SERIES_LINE || series->style == LODE_CHART_SERIES_GHOST)
        {
          g_string_append_printf (out, " %s: ", series->label);
          lode_chart_describe_key_years (out, layout, series);
          g_string_append (out, ".");
        }
      /* What is paid out stacks down from zero: its lowest bar is the year's total. */
      for (int i = 0; series->style == LODE_CHART_SERIES_BARS && i < layout->n_years; i++)
        if (-series->value[i] > most)
          most = -series->value[i], peak = i;
    }
  if (peak < 0)
    return;
  value = lode_chart_format_value (LODE_CHART_FORMAT_BUSD, most);
  /* Translators: "Most paid out in one year: $5.5 bn in 2030." */
  g_string_append_printf (out, _(" Most paid out in one year: %s in %d."), value,
                          layout->first_year + peak);
}

const LodeChartKindInfo lode_chart_fund_kind = {
  .id = "fund",
  .name = N_("Fund"),
  .flags = LODE_CHART_YEAR_COLUMNS,
  .dup_title = dup_title,
  .build = build,
  .describe = describe,
};
