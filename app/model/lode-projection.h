/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeProjection — the yearly result of running the model on a dataset and a scenario:
 * capacity, production, trade flows with their China content, demand, shortfall, price,
 * spending, jobs and environmental figures for every year from the base year to the horizon.
 * Immutable, ref-counted boxed type; all arrays are plain and read directly.
 * Model library: GLib/libm only.
 *
 * Units: capacity[] and production[] are in each stage's own unit (lode_stage_unit()).
 * Every *_ox array is in t NdPr-oxide equivalent, the common unit that makes the stages
 * comparable and lets the flow diagram balance:
 *   mine        output_ox = t REO x the region's ore NdPr share (in-ground NdPr, before recovery)
 *   separation  output_ox = t NdPr oxide
 *   metal       output_ox = t NdPr metal / oxide_to_metal
 *   magnet      output_ox = t magnet x ndpr_metal_per_magnet / oxide_to_metal
 * Every stage and region balances every year: input_ox = output_ox + loss_ox + stock_change_ox
 * and output_ox = sum_j flow_ox + unsold_ox (the mine's input_ox is its output_ox).
 *
 * The model, in brief (constants marked E are estimates, defined in lode-projection-core.c):
 * - Capacity: base 2024 capacity (raised to the 2024 production where the data show more),
 *   plus announced projects switched on (online at the announced year +
 *   market.schedule_slip_years; a fractional start splits the year between the two whole-year
 *   starts), plus user projects (no slip), plus capacity the fund buys. Funded capacity starts
 *   at the funding year + the stage's permit years (minus policy.permitting_cut_years for US
 *   sites, not below 0) + build years; recycling plants use the metal stage's times. Output
 *   follows the stage's ramp profile (years 1..4), then its steady utilisation. No
 *   retirements. China's capacity grows towards what it had to serve the year before, scaled
 *   by world demand growth since; mining and separation grow by at most
 *   china_quota_growth_pct a year (the quotas), metal and magnet plants are not capped.
 * - Utilisation outside China: existing plants move from their observed 2024 utilisation
 *   (production / capacity) to max(observed, steady) over three years (E). Mines and
 *   separation plants scale by min(1, max(0.4, price / ex_china_cost_usd_kg)) (E).
 * - Planned output, backwards from magnet demand (each stage's need is what the next stage
 *   plans): China is the swing producer; it serves its own next stage's need or the residual
 *   others leave, whichever is larger, within capacity x max(steady, observed 2024)
 *   utilisation. Plants outside China share what is left: each region keeps first claim on
 *   its own next stage's need, exports are cut pro rata. While a price floor is active, US
 *   mines and separators also produce what the floor price (instead of the market price)
 *   keeps running, on top. China's secondary feed (secondary_ndpr_oxide_t: scrap, unreported
 *   ore, stocks) enters its separation every year. Recycled alloy enters the metal stage of
 *   the consuming region outside the primary capacity (not in its utilisation).
 * - Trade, per stage: each region feeds its own next stage first. Then, after the base year,
 *   base-year trade relationships persist (offtake contracts): each non-China exporter first
 *   offers the regions that bought its surplus in the base year the same shares of its
 *   surplus, up to what they need (floor-only needs excepted; an importer offered more than it
 *   needs scales all its offers alike). This keeps 2025 continuous with the calibrated 2024:
 *   without it, China's metal plants (not quota-capped) outbid Vietnam's and Japan's for the
 *   non-China oxide as soon as China's quota-capped separation (+5 %/yr) falls behind demand
 *   (+7.5 %/yr), and Japan's magnet output fell by a third in the first modelled year.
 *   Remaining needs are met in three tiers: needs of plants serving their own region, then
 *   export-oriented needs, then what only the price floor keeps running. In each tier: (A) the
 *   US and its allies draw partners.friendshoring x their need from allied exporters, the US
 *   first, then the allies pro rata to what they ask; (B) everyone draws from every
 *   exporter in proportion to its surplus (two rounds), China weighted by (1 - friendshoring)
 *   for US-aligned importers and, for US magnets from LODE_TARIFF_START_YEAR, further by
 *   1 / (1 + 2 x tariff) (E: elasticity 2); (C) China supplies what remains, keeping back
 *   shock.export_withheld_pct from the shock targets while the shock lasts (targets do not
 *   draw from China in (B) then); (D) leftover non-China surplus is drawn once more. Unmet
 *   need is a shortfall; output no one takes is unsold_ox (a stock).
 * - Provenance: mined output carries China content 1 in China, 0 elsewhere; every later stage
 *   mixes its inputs by mass, and anything processed in China carries content 1. Within a
 *   region and stage, China-free and China-touched material are kept apart as certified
 *   supply chains are, and the region's China-free output is assigned to its flows in order:
 *   (1) friend-shoring: if the region is the US or an ally, partners.friendshoring x its
 *   China-free output goes to US-aligned buyers before China-touched output does: the US
 *   first (the US's own plants when the region is the US), then the other allies pro rata;
 *   (2) what is left serves the region's own next stage first; (3) the rest is spread by mass
 *   over the other flows and the unsold output. With friend-shoring 0 this is the plain
 *   own-use-first rule. Flows to one kind of buyer share one content (china_content_own,
 *   _to_us, _to_allies, _to_others; china_content_export is their mean;
 *   lode_projection_flow_china_content() gives any flow's); China mass is conserved exactly.
 *   Raising friend-shoring never lowers the China-free share of US magnets in the Baseline or
 *   with a fund (tests); in a shock it can ease a US shortfall with China-touched magnets,
 *   which lowers the share while adding supply. End-of-life magnets carry the China content
 *   of the magnets the region used when they were sold (1 for magnets sold before 2024).
 * - Demand: 2024 regional demand grows at market.demand_growth_pct %/yr to 2030; the later
 *   periods keep the dataset's central path scaled by (lever / central 2024-30 rate).
 *   Recycling returns a rate ramping linearly from 1 % (E) in 2024 to
 *   market.recycling_rate_2035_pct in 2035 (constant after) of the magnets a region used
 *   magnet_service_life_years earlier (before 2024: its 2024 demand back-cast at the central
 *   2024-30 rate); the fund's US recycling plants collect on top, up to what is retired.
 * - Price: NdPr oxide price = 2024 price x clamp (1 + price_elasticity x the change since 2024
 *   in the world balance (need - potential separated supply) / need, 0.25, 4) (E: clamp; the
 *   elasticity, 10 % per % in the reference data, is sourced and reasoned there) x
 *   (1 + (shock_price_multiplier - 1) x withheld share) during a shock. The price floor
 *   covers US separation output; its cost is (floor - price) x that output when the price is
 *   below the floor. Magnet price = NdPr oxide per kg magnet x price + metal and magnet opex.
 *   Tariff revenue = tariff x value of China's magnets used in the US.
 * - Money: the fund is spent evenly over its years, split by the allocation; partners.
 *   coinvest_pct of the four stage shares goes to allied regions in proportion to their 2024
 *   capacity at that stage (evenly when none has any; to the US when there are no allies);
 *   recycling money stays in the US. Private money = leverage x public money, and both buy
 *   capacity at capex per t/yr (West for the US and western_costs allies, Asia otherwise) x
 *   overrun x environmental multiplier (US only) x learning factor = (non-China capacity of
 *   the stage now / in 2024) ^ log2 (1 - learning rate). Announced projects' own capex is not
 *   public spend.
 * - Environment and jobs: policy.env_standard e multiplies US capex by 1 + 0.2 (e - 1) and US
 *   CO2e, residue and tailings intensities by 1 - 0.5 (e - 1) (E). Jobs = capacity x jobs per
 *   kt/yr. US self-sufficiency at a stage = US production / what US magnet demand needs at
 *   that stage (the mine in t NdPr oxide in the ground). The bottleneck is the US stage with
 *   the least capacity in t magnet/yr equivalent (ties to the stage nearer the magnet), or -1
 *   when every stage could serve US demand.
 */
#pragma once

#include <glib-object.h>

#include "lode-dataset.h"
#include "lode-scenario.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECTION  (lode_projection_get_type ())
#define LODE_PROJECTION_ERROR (lode_projection_error_quark ())

typedef enum
{
  LODE_PROJECTION_ERROR_INVALID_SCENARIO,
  LODE_PROJECTION_ERROR_INVALID_DATASET,
} LodeProjectionError;

/* The tariff lever applies from this year (Section 301 schedule, reference S301). */
#define LODE_TARIFF_START_YEAR 2026

typedef struct
{
  int    year;

  /* Per stage and region. */
  double capacity[LODE_N_STAGES][LODE_MAX_REGIONS];       /* stage units per year */
  double production[LODE_N_STAGES][LODE_MAX_REGIONS];     /* stage units */
  double utilisation[LODE_N_STAGES][LODE_MAX_REGIONS];    /* production / capacity, 0..1 */
  double input_ox[LODE_N_STAGES][LODE_MAX_REGIONS];       /* what reached the plant
                                                             (stage > mine) */
  double output_ox[LODE_N_STAGES][LODE_MAX_REGIONS];      /* production in oxide equivalent */
  double loss_ox[LODE_N_STAGES][LODE_MAX_REGIONS];        /* process losses */
  double stock_change_ox[LODE_N_STAGES][LODE_MAX_REGIONS];/* input not processed
                                                             (> 0 builds stock) */
  double china_content[LODE_N_STAGES][LODE_MAX_REGIONS];  /* fraction of output that passed
                                                             through China at this or any
                                                             earlier stage, 0..1 */
  /* flow_ox[s][i][j]: output of stage s in region i that feeds stage s + 1 in region j; for
   * s == LODE_STAGE_MAGNET, magnets made in i and used in region j (the end-use column).
   * Mass balance: output_ox[s][i] == sum_j flow_ox[s][i][j] + unsold_ox[s][i]. */
  double flow_ox[LODE_N_STAGES][LODE_MAX_REGIONS][LODE_MAX_REGIONS];
  double unsold_ox[LODE_N_STAGES][LODE_MAX_REGIONS];      /* output nobody could take (stock) */

  double byproduct_reo_t[LODE_MAX_REGIONS];   /* Ce, La and other REO leaving at separation */
  double recycled_ox[LODE_MAX_REGIONS];       /* end-of-life magnets returned to the metal stage */

  /* Demand and use, t magnet. */
  double demand_magnet_t[LODE_MAX_REGIONS];
  double supplied_magnet_t[LODE_MAX_REGIONS];
  double shortfall_magnet_t[LODE_MAX_REGIONS];
  double end_use_t[LODE_N_END_USES];          /* world magnet use by application */

  /* Headline figures. */
  double world_production[LODE_N_STAGES];     /* stage units */
  double china_share[LODE_N_STAGES];          /* of world production, 0..1 */
  double us_self_sufficiency[LODE_N_STAGES];  /* US production / US need at that stage, 0..1+ */
  double china_free_share_us_magnets;         /* of magnets used in the US, 0..1 */
  int    bottleneck_stage;                    /* LodeStage limiting US magnet output, or -1 */
  double ndpr_price_usd_kg;

  /* Money, billion USD (annual and cumulative from the base year). */
  double public_spend_busd;
  double private_spend_busd;
  double price_floor_cost_busd;
  double tariff_revenue_busd;
  double public_spend_cum_busd;
  double private_spend_cum_busd;
  double price_floor_cost_cum_busd;

  /* Society and environment, for the non-China chain and the world. */
  double jobs_us;                             /* direct jobs in the US chain */
  double jobs_non_china;                      /* direct jobs outside China */
  double co2e_kt;                             /* world, kt CO2e */
  double residue_t;                           /* world radioactive residue, t */
  double tailings_kt;                         /* world tailings, kt */

  /* Added figures (appended to keep the layout above stable). */
  double us_demand_magnet_t;                  /* = demand_magnet_t[us] */
  double us_supplied_magnet_t;
  double us_shortfall_magnet_t;
  double us_china_free_magnet_t;              /* US supply x China-free share, t magnet */
  double world_demand_magnet_t;
  double world_supplied_magnet_t;
  double world_shortfall_magnet_t;
  double world_capacity[LODE_N_STAGES];       /* stage units per year */
  double us_capacity_magnet_eq[LODE_N_STAGES];/* US capacity in t magnet/yr equivalent */
  double recycled_magnet_t[LODE_MAX_REGIONS]; /* end-of-life magnets recycled, t magnet */
  double us_recycling_rate;                   /* recycled / retired in the US, 0..1 */
  double magnet_price_usd_kg;                 /* NdPr content x price + conversion costs */
  double tariff_revenue_cum_busd;
  double jobs_china;                          /* direct jobs in China */
  /* China content of the output a region keeps for its own next stage (own) and of what it
   * exports or leaves unsold (export): China-free material is kept at home first. */
  double china_content_own[LODE_N_STAGES][LODE_MAX_REGIONS];
  double china_content_export[LODE_N_STAGES][LODE_MAX_REGIONS];
  /* China content of the flows by kind of buyer (the provenance rule, see above, gives every
   * flow of one kind the same content): to the US (from a region other than the US), to the
   * other US-aligned regions (the allies), and to everyone else together with the unsold
   * output. china_content_export is the mass-weighted mean of the three.
   * lode_projection_flow_china_content() picks the right one for a flow. */
  double china_content_to_us[LODE_N_STAGES][LODE_MAX_REGIONS];
  double china_content_to_allies[LODE_N_STAGES][LODE_MAX_REGIONS];
  double china_content_to_others[LODE_N_STAGES][LODE_MAX_REGIONS];
  gboolean us_aligned[LODE_MAX_REGIONS];      /* the US and the regions allied with it */
} LodeYear;

typedef struct _LodeProjection LodeProjection;

struct _LodeProjection
{
  /*< private >*/
  gatomicrefcount ref_count;
  LodeDataset    *dataset;

  /*< public, read-only >*/
  int             base_year;
  int             horizon;
  int             n_years;        /* horizon - base_year + 1 */
  guint           n_regions;
  /* Only years[0 .. n_years - 1] exist: the allocation ends there, so never copy or declare a
   * LodeProjection by value; use lode_projection_new_empty() for a synthetic one. */
  LodeYear        years[LODE_MAX_YEARS];
};

GType           lode_projection_get_type     (void) G_GNUC_CONST;
GQuark          lode_projection_error_quark  (void);

/* Runs the model. Deterministic and locale-independent; allocates only the result. */
LodeProjection *lode_projection_run          (LodeDataset           *dataset,
                                              LodeScenario          *scenario,
                                              GError               **error)
                                              G_GNUC_WARN_UNUSED_RESULT;
/* A zeroed projection (years numbered, ref count 1) for tests and synthetic cases. */
LodeProjection *lode_projection_new_empty    (LodeDataset           *dataset,
                                              int                    horizon)
                                              G_GNUC_WARN_UNUSED_RESULT;
LodeProjection *lode_projection_ref          (LodeProjection        *self);
void            lode_projection_unref        (LodeProjection        *self);

LodeDataset    *lode_projection_get_dataset  (const LodeProjection  *self);
/* NULL if the year is outside base_year..horizon. */
const LodeYear *lode_projection_get_year     (const LodeProjection  *self,
                                              int                    year);
/* First year whose China-free share of US magnet supply reaches `target` (0..1), or 0. */
int             lode_projection_first_year_reaching (const LodeProjection *self,
                                                     double                target);
/* The last year of the projection. */
const LodeYear *lode_projection_get_last_year (const LodeProjection *self);
/* China content (0..1) of flow_ox[stage][from][to] in `year` (own use, to the US, to an ally
 * or to anyone else; see LodeYear). */
double          lode_projection_flow_china_content (const LodeProjection *self,
                                                    const LodeYear       *year,
                                                    LodeStage             stage,
                                                    guint                 from,
                                                    guint                 to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeProjection, lode_projection_unref)

G_END_DECLS
