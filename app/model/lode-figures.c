/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-figures.c — the named figures of a projection, for `--summary`, `--csv` and the tests.
 * Keys are stable; numbers are written in the C locale.
 */
#define G_LOG_DOMAIN "lode-figures"

#include "config.h"

#include <math.h>

#include "lode-figures.h"
#include "lode-format.h"

#define STAGE_GETTERS(field, name)                                               \
  static double name##_mine (const LodeYear *y) { return y->field[LODE_STAGE_MINE]; } \
  static double name##_separation (const LodeYear *y)                            \
  { return y->field[LODE_STAGE_SEPARATION]; }                                    \
  static double name##_metal (const LodeYear *y) { return y->field[LODE_STAGE_METAL]; } \
  static double name##_magnet (const LodeYear *y) { return y->field[LODE_STAGE_MAGNET]; }

#define SCALAR_GETTER(field) \
  static double get_##field (const LodeYear *y) { return y->field; }

STAGE_GETTERS (china_share, china_share)
STAGE_GETTERS (us_self_sufficiency, us_self_sufficiency)
STAGE_GETTERS (world_production, world_production)
STAGE_GETTERS (world_capacity, world_capacity)

SCALAR_GETTER (china_free_share_us_magnets)
SCALAR_GETTER (us_demand_magnet_t)
SCALAR_GETTER (us_supplied_magnet_t)
SCALAR_GETTER (us_shortfall_magnet_t)
SCALAR_GETTER (us_china_free_magnet_t)
SCALAR_GETTER (world_demand_magnet_t)
SCALAR_GETTER (world_shortfall_magnet_t)
SCALAR_GETTER (ndpr_price_usd_kg)
SCALAR_GETTER (magnet_price_usd_kg)
SCALAR_GETTER (jobs_us)
SCALAR_GETTER (jobs_non_china)
SCALAR_GETTER (public_spend_busd)
SCALAR_GETTER (private_spend_busd)
SCALAR_GETTER (price_floor_cost_busd)
SCALAR_GETTER (tariff_revenue_busd)
SCALAR_GETTER (us_recycling_rate)
SCALAR_GETTER (co2e_kt)
SCALAR_GETTER (residue_t)
SCALAR_GETTER (tailings_kt)

static double
get_recycled_t (const LodeYear *y)
{
  double sum = 0;

  for (guint r = 0; r < LODE_MAX_REGIONS; r++)
    sum += y->recycled_magnet_t[r];
  return sum;
}

static const LodeYearFigure year_figures[] = {
  { "china_share.mine", china_share_mine },
  { "china_share.separation", china_share_separation },
  { "china_share.metal", china_share_metal },
  { "china_share.magnet", china_share_magnet },
  { "us_self_sufficiency.mine", us_self_sufficiency_mine },
  { "us_self_sufficiency.separation", us_self_sufficiency_separation },
  { "us_self_sufficiency.metal", us_self_sufficiency_metal },
  { "us_self_sufficiency.magnet", us_self_sufficiency_magnet },
  { "world_production.mine", world_production_mine },
  { "world_production.separation", world_production_separation },
  { "world_production.metal", world_production_metal },
  { "world_production.magnet", world_production_magnet },
  { "world_capacity.mine", world_capacity_mine },
  { "world_capacity.separation", world_capacity_separation },
  { "world_capacity.metal", world_capacity_metal },
  { "world_capacity.magnet", world_capacity_magnet },
  { "china_free_share_us_magnets", get_china_free_share_us_magnets },
  { "us_magnet_demand_t", get_us_demand_magnet_t },
  { "us_magnet_supplied_t", get_us_supplied_magnet_t },
  { "us_shortfall_t", get_us_shortfall_magnet_t },
  { "us_china_free_magnets_t", get_us_china_free_magnet_t },
  { "world_magnet_demand_t", get_world_demand_magnet_t },
  { "world_shortfall_t", get_world_shortfall_magnet_t },
  { "ndpr_price_usd_kg", get_ndpr_price_usd_kg },
  { "magnet_price_usd_kg", get_magnet_price_usd_kg },
  { "jobs", get_jobs_us },
  { "jobs_non_china", get_jobs_non_china },
  { "public_spend_busd", get_public_spend_busd },
  { "private_spend_busd", get_private_spend_busd },
  { "price_floor_cost_busd", get_price_floor_cost_busd },
  { "tariff_revenue_busd", get_tariff_revenue_busd },
  { "recycled_t", get_recycled_t },
  { "us_recycling_rate", get_us_recycling_rate },
  { "co2e_kt", get_co2e_kt },
  { "residue_t", get_residue_t },
  { "tailings_kt", get_tailings_kt },
};

const LodeYearFigure *
lode_year_figures (guint *out_n)
{
  if (out_n != NULL)
    *out_n = G_N_ELEMENTS (year_figures);
  return year_figures;
}

void
lode_figures_append_number (GString *out,
                            double   value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (out != NULL);

  /* Six significant digits, C notation; 0 also for -0. */
  text = lode_format_c_number (value, 6);
  g_string_append (out, text);
}

/* The years the summary reports: 2024, 2030, 2035 and the horizon, in order, once each. */
static guint
summary_years (const LodeProjection *projection,
               int                   years[4])
{
  const int wanted[] = { LODE_BASE_YEAR, 2030, 2035, projection->horizon };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      int y = wanted[i];

      if (y < projection->base_year || y > projection->horizon)
        continue;
      if (n > 0 && years[n - 1] >= y)
        continue;
      years[n++] = y;
    }
  return n;
}

static void
append_line (GString    *out,
             const char *key,
             double      value)
{
  g_string_append_printf (out, "%s: ", key);
  lode_figures_append_number (out, value);
  g_string_append_c (out, '\n');
}

void
lode_figures_write_summary (const LodeProjection *projection,
                            GString              *out)
{
  const LodeYear *first, *last;
  int years[4];
  guint n_years, n_figures;
  const LodeYearFigure *figures = lode_year_figures (&n_figures);
  int reached;
  double gained, public_cost;

  g_return_if_fail (projection != NULL);
  g_return_if_fail (out != NULL);

  n_years = summary_years (projection, years);
  for (guint f = 0; f < n_figures; f++)
    for (guint i = 0; i < n_years; i++)
      {
        const LodeYear *y = lode_projection_get_year (projection, years[i]);

        g_string_append_printf (out, "%s.%d: ", figures[f].key, years[i]);
        lode_figures_append_number (out, figures[f].get (y));
        g_string_append_c (out, '\n');
      }
  for (guint i = 0; i < n_years; i++)
    {
      const LodeYear *y = lode_projection_get_year (projection, years[i]);

      g_string_append_printf (out, "us_bottleneck_stage.%d: %s\n", years[i],
                              y->bottleneck_stage >= 0 ?
                              lode_stage_id ((LodeStage) y->bottleneck_stage) : "none");
    }

  first = &projection->years[0];
  last = &projection->years[projection->n_years - 1];
  reached = lode_projection_first_year_reaching (projection, 0.5);
  if (reached > 0)
    g_string_append_printf (out, "first_year_china_free_share_50pct: %d\n", reached);
  else
    g_string_append (out, "first_year_china_free_share_50pct: never\n");
  append_line (out, "public_spend_cumulative_busd", last->public_spend_cum_busd);
  append_line (out, "private_spend_cumulative_busd", last->private_spend_cum_busd);
  append_line (out, "price_floor_cost_cumulative_busd", last->price_floor_cost_cum_busd);
  append_line (out, "tariff_revenue_cumulative_busd", last->tariff_revenue_cum_busd);

  /* Public money (fund and price floor) per t/yr of China-free magnet supply gained in the
   * US between the base year and the horizon; meaningless without money or without a gain. */
  gained = last->us_china_free_magnet_t - first->us_china_free_magnet_t;
  public_cost = (last->public_spend_cum_busd + last->price_floor_cost_cum_busd) * 1e9;
  if (gained > 1 && public_cost > 0)
    append_line (out, "cost_per_tpa_china_free_capacity_usd", public_cost / gained);
  else
    g_string_append (out, "cost_per_tpa_china_free_capacity_usd: n/a\n");
}

void
lode_figures_write_csv (const LodeProjection *projection,
                        GString              *out)
{
  guint n_figures;
  const LodeYearFigure *figures = lode_year_figures (&n_figures);

  g_return_if_fail (projection != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "year");
  for (guint f = 0; f < n_figures; f++)
    g_string_append_printf (out, ",%s", figures[f].key);
  g_string_append_c (out, '\n');

  for (int i = 0; i < projection->n_years; i++)
    {
      const LodeYear *y = &projection->years[i];

      g_string_append_printf (out, "%d", y->year);
      for (guint f = 0; f < n_figures; f++)
        {
          g_string_append_c (out, ',');
          lode_figures_append_number (out, figures[f].get (y));
        }
      g_string_append_c (out, '\n');
    }
}
