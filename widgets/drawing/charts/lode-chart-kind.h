/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The chart kinds, as a table: one line each, in the order the window's chart switcher, the
 * export dialog and `lodestone --help` list them. Each line names a kind (LODE_CHART_<NAME>)
 * and its descriptor, the one file that says what the chart shows
 * (charts/lode-chart-<name>.c: its id, name, flags, series, title and description). A new
 * chart is a new descriptor file and a line here. Drawing library: no GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LODE_CHART_KIND_TABLE(KIND)                           \
  KIND (CHINA_FREE,       lode_chart_china_free_kind)         \
  KIND (SELF_SUFFICIENCY, lode_chart_self_sufficiency_kind)   \
  KIND (CAPACITY,         lode_chart_capacity_kind)           \
  KIND (SPEND,            lode_chart_spend_kind)              \
  KIND (PRICE,            lode_chart_price_kind)              \
  KIND (FUND,             lode_chart_fund_kind)               \
  KIND (TORNADO,          lode_chart_tornado_kind)            \
  KIND (MARGINAL,         lode_chart_marginal_kind)

/* LODE_CHART_CHINA_FREE, LODE_CHART_SELF_SUFFICIENCY, LODE_CHART_CAPACITY, LODE_CHART_SPEND,
 * LODE_CHART_PRICE, LODE_CHART_FUND, LODE_CHART_TORNADO, LODE_CHART_MARGINAL in table order,
 * then LODE_N_CHARTS. The last two show analyses (LodeChartOptions carries them). */
typedef enum
{
#define LODE_CHART_KIND_ENUM(NAME, descriptor) LODE_CHART_##NAME,
  LODE_CHART_KIND_TABLE (LODE_CHART_KIND_ENUM)
#undef LODE_CHART_KIND_ENUM
  LODE_N_CHARTS
} LodeChartKind;

/* "china-free", "self-sufficiency", "capacity", "spend", "price", "fund", "tornado",
 * "marginal" (stable: the command line's --view chart:NAME and scenario files). */
const char *lode_chart_kind_id      (LodeChartKind  kind);
gboolean    lode_chart_kind_from_id (const char    *id,
                                     LodeChartKind *out_kind);
/* The short name of the switcher, translated. */
const char *lode_chart_kind_title   (LodeChartKind  kind);
/* FALSE for the analysis charts, whose rows are not years (tornado, marginal values): they
 * need their analysis (LodeChartOptions) and have no year to hover or select. */
gboolean    lode_chart_kind_has_years (LodeChartKind kind);

G_END_DECLS
