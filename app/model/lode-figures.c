/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-figures.c — the named figures of a projection, for `--summary`, `--csv`, the analyses
 * and the tests. Keys are stable; numbers are written in the C locale.
 */
#define G_LOG_DOMAIN "lode-figures"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-figures.h"
#include "lode-format.h"

#define STAGE_GETTERS(field, name)                                                      \
  static double name##_mine (const LodeYear *y, LodeMaterial m)                         \
  { return y->chain[m].field[LODE_STAGE_MINE]; }                                        \
  static double name##_separation (const LodeYear *y, LodeMaterial m)                   \
  { return y->chain[m].field[LODE_STAGE_SEPARATION]; }                                  \
  static double name##_metal (const LodeYear *y, LodeMaterial m)                        \
  { return y->chain[m].field[LODE_STAGE_METAL]; }                                       \
  static double name##_magnet (const LodeYear *y, LodeMaterial m)                       \
  { return y->chain[m].field[LODE_STAGE_MAGNET]; }

#define SCALAR_GETTER(field) \
  static double get_##field (const LodeYear *y, LodeMaterial m) { return y->field; }

#define PRICE_GETTERS(mat, name)                                                        \
  static double name##_price (const LodeYear *y, LodeMaterial m)                        \
  { return y->chain[mat].price_usd_kg; }                                                \
  static double name##_price_china (const LodeYear *y, LodeMaterial m)                  \
  { return y->chain[mat].price_china_usd_kg; }

#define KIND_GETTER(kind, name) \
  static double unabsorbed_##name (const LodeYear *y, LodeMaterial m) \
  { return y->fund_unabsorbed_kind_busd[kind]; }

STAGE_GETTERS (china_share, china_share)
STAGE_GETTERS (us_self_sufficiency, us_self_sufficiency)
STAGE_GETTERS (world_production, world_production)
STAGE_GETTERS (world_capacity, world_capacity)

PRICE_GETTERS (LODE_MATERIAL_NDPR, ndpr)
PRICE_GETTERS (LODE_MATERIAL_HEAVY, heavy)
PRICE_GETTERS (LODE_MATERIAL_SM, sm)

KIND_GETTER (LODE_STAGE_MINE, mine)
KIND_GETTER (LODE_STAGE_SEPARATION, separation)
KIND_GETTER (LODE_STAGE_METAL, metal)
KIND_GETTER (LODE_STAGE_MAGNET, magnet)
KIND_GETTER (LODE_FUND_RECYCLING, recycling)

SCALAR_GETTER (china_free_share_us_demand)
SCALAR_GETTER (china_free_share_us_demand_ndpr)
SCALAR_GETTER (china_free_share_us_demand_heavy)
SCALAR_GETTER (china_free_share_us_demand_smco)
SCALAR_GETTER (china_free_share_us_magnets)
SCALAR_GETTER (us_defence_need_met_share)
SCALAR_GETTER (us_demand_magnet_t)
SCALAR_GETTER (us_supplied_magnet_t)
SCALAR_GETTER (us_shortfall_magnet_t)
SCALAR_GETTER (us_china_free_magnet_t)
SCALAR_GETTER (world_demand_magnet_t)
SCALAR_GETTER (world_shortfall_magnet_t)
SCALAR_GETTER (magnet_price_usd_kg)
SCALAR_GETTER (jobs_us)
SCALAR_GETTER (jobs_non_china)
SCALAR_GETTER (public_spend_busd)
SCALAR_GETTER (private_spend_busd)
SCALAR_GETTER (fund_unabsorbed_busd)
SCALAR_GETTER (price_floor_cost_busd)
SCALAR_GETTER (stockpile_cost_busd)
SCALAR_GETTER (tariff_revenue_busd)
SCALAR_GETTER (us_recycling_rate)
SCALAR_GETTER (co2e_kt)
SCALAR_GETTER (residue_t)
SCALAR_GETTER (tailings_kt)

static double
get_recycled_t (const LodeYear *y,
                LodeMaterial    m)
{
  double sum = 0;

  for (guint r = 0; r < LODE_MAX_REGIONS; r++)
    sum += y->chain[LODE_MATERIAL_NDPR].recycled_t[r];
  return sum;
}

static double
get_demand_destroyed_t (const LodeYear *y,
                        LodeMaterial    m)
{
  return y->chain[LODE_MATERIAL_NDPR].demand_destroyed_t;
}

static double
get_us_stockpile_t (const LodeYear *y,
                    LodeMaterial    m)
{
  return y->chain[m].us_stockpile_ox;
}

static double get_fund_net_busd (const LodeYear *y, LodeMaterial m)
{ return y->fund_net_busd; }
static double get_fund_out_busd (const LodeYear *y, LodeMaterial m)
{
  double sum = 0;

  for (int o = 0; o < LODE_N_FUND_OUT; o++)
    sum += y->fund_out_busd[o];
  return sum;
}
static double get_fund_in_busd (const LodeYear *y, LodeMaterial m)
{
  double sum = 0;

  for (int i = 0; i < LODE_N_FUND_IN; i++)
    sum += y->fund_in_busd[i];
  return sum;
}
static double get_fund_written_off_busd (const LodeYear *y, LodeMaterial m)
{ return y->fund_written_off_busd; }

static double fund_out_grants (const LodeYear *y, LodeMaterial m)
{ return y->fund_out_busd[LODE_FUND_OUT_GRANTS]; }
static double fund_out_equity (const LodeYear *y, LodeMaterial m)
{ return y->fund_out_busd[LODE_FUND_OUT_EQUITY]; }
static double fund_out_loans (const LodeYear *y, LodeMaterial m)
{ return y->fund_out_busd[LODE_FUND_OUT_LOANS]; }
static double fund_out_floor (const LodeYear *y, LodeMaterial m)
{ return y->fund_out_busd[LODE_FUND_OUT_FLOOR]; }
static double fund_out_offtake (const LodeYear *y, LodeMaterial m)
{ return y->fund_out_busd[LODE_FUND_OUT_OFFTAKE]; }
static double fund_out_guarantees (const LodeYear *y, LodeMaterial m)
{ return y->fund_out_busd[LODE_FUND_OUT_GUARANTEES]; }
static double fund_in_dividends (const LodeYear *y, LodeMaterial m)
{ return y->fund_in_busd[LODE_FUND_IN_DIVIDENDS]; }
static double fund_in_loan_service (const LodeYear *y, LodeMaterial m)
{ return y->fund_in_busd[LODE_FUND_IN_LOAN_SERVICE]; }
static double fund_in_floor_upside (const LodeYear *y, LodeMaterial m)
{ return y->fund_in_busd[LODE_FUND_IN_FLOOR_UPSIDE]; }
static double fund_in_offtake_resale (const LodeYear *y, LodeMaterial m)
{ return y->fund_in_busd[LODE_FUND_IN_OFFTAKE_RESALE]; }
static double fund_in_exit_value (const LodeYear *y, LodeMaterial m)
{ return y->fund_in_busd[LODE_FUND_IN_EXIT_VALUE]; }

#define PER_MATERIAL TRUE

static const LodeYearFigure year_figures[] = {
  { "china_share.mine", china_share_mine, PER_MATERIAL },
  { "china_share.separation", china_share_separation, PER_MATERIAL },
  { "china_share.metal", china_share_metal, PER_MATERIAL },
  { "china_share.magnet", china_share_magnet, PER_MATERIAL },
  { "us_self_sufficiency.mine", us_self_sufficiency_mine, PER_MATERIAL },
  { "us_self_sufficiency.separation", us_self_sufficiency_separation, PER_MATERIAL },
  { "us_self_sufficiency.metal", us_self_sufficiency_metal, PER_MATERIAL },
  { "us_self_sufficiency.magnet", us_self_sufficiency_magnet, PER_MATERIAL },
  { "world_production.mine", world_production_mine, PER_MATERIAL },
  { "world_production.separation", world_production_separation, PER_MATERIAL },
  { "world_production.metal", world_production_metal, PER_MATERIAL },
  { "world_production.magnet", world_production_magnet, PER_MATERIAL },
  { "world_capacity.mine", world_capacity_mine, PER_MATERIAL },
  { "world_capacity.separation", world_capacity_separation, PER_MATERIAL },
  { "world_capacity.metal", world_capacity_metal, PER_MATERIAL },
  { "world_capacity.magnet", world_capacity_magnet, PER_MATERIAL },
  { "us_stockpile_t", get_us_stockpile_t, PER_MATERIAL },
  { "china_free_share_us_demand", get_china_free_share_us_demand, FALSE },
  { "china_free_share_us_demand.ndpr", get_china_free_share_us_demand_ndpr, FALSE },
  { "china_free_share_us_demand.heavy", get_china_free_share_us_demand_heavy, FALSE },
  { "china_free_share_us_demand.smco", get_china_free_share_us_demand_smco, FALSE },
  { "china_free_share_us_magnets", get_china_free_share_us_magnets, FALSE },
  { "us_defence_need_met_share", get_us_defence_need_met_share, FALSE },
  { "us_magnet_demand_t", get_us_demand_magnet_t, FALSE },
  { "us_magnet_supplied_t", get_us_supplied_magnet_t, FALSE },
  { "us_shortfall_t", get_us_shortfall_magnet_t, FALSE },
  { "us_china_free_magnets_t", get_us_china_free_magnet_t, FALSE },
  { "world_magnet_demand_t", get_world_demand_magnet_t, FALSE },
  { "world_shortfall_t", get_world_shortfall_magnet_t, FALSE },
  { "world_demand_destroyed_t", get_demand_destroyed_t, FALSE },
  { "ndpr_price_usd_kg", ndpr_price, FALSE },
  { "ndpr_price_china_usd_kg", ndpr_price_china, FALSE },
  { "heavy_price_usd_kg", heavy_price, FALSE },
  { "heavy_price_china_usd_kg", heavy_price_china, FALSE },
  { "sm_price_usd_kg", sm_price, FALSE },
  { "sm_price_china_usd_kg", sm_price_china, FALSE },
  { "magnet_price_usd_kg", get_magnet_price_usd_kg, FALSE },
  { "jobs", get_jobs_us, FALSE },
  { "jobs_non_china", get_jobs_non_china, FALSE },
  { "public_spend_busd", get_public_spend_busd, FALSE },
  { "private_spend_busd", get_private_spend_busd, FALSE },
  { "fund_unabsorbed_busd", get_fund_unabsorbed_busd, FALSE },
  { "fund_unabsorbed_busd.mine", unabsorbed_mine, FALSE },
  { "fund_unabsorbed_busd.separation", unabsorbed_separation, FALSE },
  { "fund_unabsorbed_busd.metal", unabsorbed_metal, FALSE },
  { "fund_unabsorbed_busd.magnet", unabsorbed_magnet, FALSE },
  { "fund_unabsorbed_busd.recycling", unabsorbed_recycling, FALSE },
  { "fund_out_busd", get_fund_out_busd, FALSE },
  { "fund_in_busd", get_fund_in_busd, FALSE },
  { "fund_out_busd.grants", fund_out_grants, FALSE },
  { "fund_out_busd.equity", fund_out_equity, FALSE },
  { "fund_out_busd.loans", fund_out_loans, FALSE },
  { "fund_out_busd.floor", fund_out_floor, FALSE },
  { "fund_out_busd.offtake", fund_out_offtake, FALSE },
  { "fund_out_busd.guarantees", fund_out_guarantees, FALSE },
  { "fund_in_busd.dividends", fund_in_dividends, FALSE },
  { "fund_in_busd.loan_service", fund_in_loan_service, FALSE },
  { "fund_in_busd.floor_upside", fund_in_floor_upside, FALSE },
  { "fund_in_busd.offtake_resale", fund_in_offtake_resale, FALSE },
  { "fund_in_busd.exit_value", fund_in_exit_value, FALSE },
  { "fund_net_busd", get_fund_net_busd, FALSE },
  { "fund_written_off_busd", get_fund_written_off_busd, FALSE },
  { "price_floor_cost_busd", get_price_floor_cost_busd, FALSE },
  { "stockpile_cost_busd", get_stockpile_cost_busd, FALSE },
  { "tariff_revenue_busd", get_tariff_revenue_busd, FALSE },
  { "recycled_t", get_recycled_t, FALSE },
  { "us_recycling_rate", get_us_recycling_rate, FALSE },
  { "co2e_kt", get_co2e_kt, FALSE },
  { "residue_t", get_residue_t, FALSE },
  { "tailings_kt", get_tailings_kt, FALSE },
};

const LodeYearFigure *
lode_year_figures (guint *out_n)
{
  if (out_n != NULL)
    *out_n = G_N_ELEMENTS (year_figures);
  return year_figures;
}

const LodeYearFigure *
lode_year_figure_find (const char *key)
{
  for (guint f = 0; f < G_N_ELEMENTS (year_figures); f++)
    if (g_strcmp0 (year_figures[f].key, key) == 0)
      return &year_figures[f];
  return NULL;
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

const char *
lode_figures_bottleneck_id (const LodeYear *year,
                            LodeMaterial    material)
{
  int s = year->chain[material].bottleneck_stage;

  return s >= 0 ? lode_stage_id ((LodeStage) s) : "none";
}

static void
write_whole_run (const LodeProjection *projection,
                 GString              *out)
{
  const LodeYear *first = &projection->years[0];
  const LodeYear *last = &projection->years[projection->n_years - 1];
  int reached = lode_projection_first_year_reaching (projection, 0.5);
  double gained, public_cost;

  if (reached > 0)
    g_string_append_printf (out, "first_year_china_free_share_50pct: %d\n", reached);
  else
    g_string_append (out, "first_year_china_free_share_50pct: never\n");
  append_line (out, "public_spend_cumulative_busd", last->public_spend_cum_busd);
  append_line (out, "private_spend_cumulative_busd", last->private_spend_cum_busd);
  append_line (out, "fund_unabsorbed_busd", last->fund_unabsorbed_cum_busd);
  append_line (out, "price_floor_cost_cumulative_busd", last->price_floor_cost_cum_busd);
  append_line (out, "stockpile_cost_cumulative_busd", last->stockpile_cost_cum_busd);
  append_line (out, "tariff_revenue_cumulative_busd", last->tariff_revenue_cum_busd);

  /* The fund as an investor (docs/fund.md). */
  append_line (out, "fund_discount_rate", projection->fund.discount_rate);
  append_line (out, "fund_npv_busd", projection->fund.npv_busd);
  if (isnan (projection->fund.irr))
    g_string_append (out, "fund_irr: n/a\n");
  else
    append_line (out, "fund_irr", projection->fund.irr);
  append_line (out, "net_fiscal_cost_busd", projection->fund.net_fiscal_cost_busd);
  append_line (out, "fund_exposure_busd", lode_projection_fund_exposure_busd (projection));
  append_line (out, "cost_per_china_free_t_usd", projection->fund.cost_per_china_free_t_usd);

  /* Public money (fund, floor, stockpile) per t/yr of China-free magnet supply gained in the
   * US between the base year and the horizon; meaningless without money or without a gain. */
  gained = last->us_china_free_magnet_t - first->us_china_free_magnet_t;
  public_cost = (last->public_spend_cum_busd + last->price_floor_cost_cum_busd +
                 last->stockpile_cost_cum_busd) * 1e9;
  if (gained > 1 && public_cost > 0)
    append_line (out, "cost_per_tpa_china_free_capacity_usd", public_cost / gained);
  else
    g_string_append (out, "cost_per_tpa_china_free_capacity_usd: n/a\n");
}

void
lode_figures_write_summary (const LodeProjection *projection,
                            LodeMaterial          material,
                            GString              *out)
{
  int years[4];
  guint n_years, n_figures;
  const LodeYearFigure *figures = lode_year_figures (&n_figures);

  g_return_if_fail (projection != NULL);
  g_return_if_fail ((guint) material < LODE_N_MATERIALS);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "material: %s\n", lode_material_id (material));
  n_years = summary_years (projection, years);
  for (guint f = 0; f < n_figures; f++)
    for (guint i = 0; i < n_years; i++)
      {
        const LodeYear *y = lode_projection_get_year (projection, years[i]);

        g_string_append_printf (out, "%s.%d: ", figures[f].key, years[i]);
        lode_figures_append_number (out, figures[f].get (y, material));
        g_string_append_c (out, '\n');
      }
  for (guint i = 0; i < n_years; i++)
    g_string_append_printf (out, "us_bottleneck_stage.%d: %s\n", years[i],
                            lode_figures_bottleneck_id (lode_projection_get_year (projection,
                                                                                  years[i]),
                                                        material));
  write_whole_run (projection, out);
}

void
lode_figures_write_csv (const LodeProjection *projection,
                        LodeMaterial          material,
                        GString              *out)
{
  guint n_figures;
  const LodeYearFigure *figures = lode_year_figures (&n_figures);

  g_return_if_fail (projection != NULL);
  g_return_if_fail ((guint) material < LODE_N_MATERIALS);
  g_return_if_fail (out != NULL);

  g_string_append (out, "year");
  for (guint f = 0; f < n_figures; f++)
    g_string_append_printf (out, ",%s", figures[f].key);
  g_string_append (out, ",us_bottleneck_stage\n");

  for (int i = 0; i < projection->n_years; i++)
    {
      const LodeYear *y = &projection->years[i];

      g_string_append_printf (out, "%d", y->year);
      for (guint f = 0; f < n_figures; f++)
        {
          g_string_append_c (out, ',');
          lode_figures_append_number (out, figures[f].get (y, material));
        }
      g_string_append_printf (out, ",%s\n", lode_figures_bottleneck_id (y, material));
    }
}
