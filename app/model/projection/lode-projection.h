/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeProjection — the yearly result of running the model on a dataset and a scenario: for
 * each material (NdPr, Dy + Tb, Sm) its chain of capacity, production, trade flows with their
 * China content, demand and prices; for the magnets the joint China-free figures; and the
 * money, jobs and environmental figures, for every year from the base year to the horizon.
 * Immutable, ref-counted boxed type; all arrays are plain and read directly.
 * Model library: GLib/libm only. docs/model.md explains the model for planners; the rules in
 * brief:
 *
 * - The base year is the dataset's: 2024 production, trade and prices, whatever the levers
 *   (levers act from their start years).
 * - Each year each material's market clears: supply from each region's cost band (plants
 *   run more as the price covers more of their cash cost; China's mines and separators within
 *   its quota, which grows by the quota-growth lever), demand that answers price at once
 *   (short-run elasticity) and slowly (substitution and thrifting). Shortages show as price
 *   and demand destroyed; tonnes go unmet only when an export restriction cuts trade.
 * - An export restriction withholds a share of China's exports of the covered materials (and
 *   magnets) from the targets: the targets' market clears at its own price (the price outside
 *   China, what US buyers pay), China's at another; a strategic stockpile, when there is one,
 *   caps the spike. Exports recover gradually after the restriction ends.
 * - Capacity: the base, announced projects (slip; permitting reform moves US projects not
 *   yet under construction; projects that need the price floor proceed with it), capacity the
 *   fund buys (bounded by each stage's yearly construction capacity at rising marginal capex,
 *   and for mines by reserves; money that cannot be absorbed is reported), private capacity
 *   induced by prices above the incentive price, and China's quota capacity.
 * - Trade: each plant feeds its own region first, then base-year partners, then by
 *   preference (friend-shoring) and price; new capacity takes only feed no incumbent holds.
 *   China supplies what remains, less what a restriction withholds.
 * - Provenance: every stage's output carries its China content (the share that passed
 *   through China at any stage), kept apart from China-free material as certified chains do.
 *   An NdFeB magnet is China-free only when its NdPr and, in Dy/Tb grades, its Dy + Tb are.
 *
 * Units: a chain's capacity[] and production[] are in the material's stage units
 * (lode_material_stage_unit()); every *_ox array is in t oxide equivalent of that material,
 * which makes its stages comparable and balances:
 *   input_ox = output_ox + loss_ox + stock_change_ox, output_ox = sum_j flow_ox + unsold_ox.
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

/* What the fund allocates money to: the four stages, then recycling. */
#define LODE_N_FUND_KINDS      (LODE_N_STAGES + 1)
#define LODE_FUND_RECYCLING    LODE_N_STAGES

/* What the fund pays out and gets back (docs/fund.md). */
typedef enum
{
  LODE_FUND_OUT_GRANTS,
  LODE_FUND_OUT_EQUITY,
  LODE_FUND_OUT_LOANS,
  LODE_FUND_OUT_FLOOR,        /* price-floor top-ups */
  LODE_FUND_OUT_OFFTAKE,      /* magnets bought at cost plus the facilitation fee */
  LODE_FUND_OUT_GUARANTEES,   /* margin floors and guarantees called */
  LODE_N_FUND_OUT
} LodeFundOut;

typedef enum
{
  LODE_FUND_IN_DIVIDENDS,
  LODE_FUND_IN_LOAN_SERVICE,  /* interest and principal */
  LODE_FUND_IN_FLOOR_UPSIDE,  /* the state's share of the price above the floor */
  LODE_FUND_IN_OFFTAKE_RESALE,
  LODE_FUND_IN_EXIT_VALUE,    /* the equity's value, in the last year */
  LODE_N_FUND_IN
} LodeFundIn;

/* The fund's accounts over the whole projection. */
typedef struct
{
  double discount_rate;              /* real, per year (the lever / 100) */
  double npv_busd;                   /* in - out, discounted to the base year */
  double irr;                        /* NaN when the cash flows never change sign */
  double net_fiscal_cost_busd;       /* out - in, undiscounted */
  double china_free_cum_t;           /* China-free magnets reaching US use, all years */
  double cost_per_china_free_t_usd;  /* -NPV / china_free_cum_t (0 when none) */
  double worst_year_busd;            /* largest yearly net outflow in this projection */
} LodeFundAccounts;

/* One material's chain in one year. */
typedef struct
{
  /* Per stage and region. */
  double capacity[LODE_N_STAGES][LODE_MAX_REGIONS];        /* stage units per year */
  double production[LODE_N_STAGES][LODE_MAX_REGIONS];      /* stage units */
  double utilisation[LODE_N_STAGES][LODE_MAX_REGIONS];     /* production / capacity, 0..1 */
  double input_ox[LODE_N_STAGES][LODE_MAX_REGIONS];        /* what reached the plant */
  double output_ox[LODE_N_STAGES][LODE_MAX_REGIONS];
  double loss_ox[LODE_N_STAGES][LODE_MAX_REGIONS];         /* process losses */
  double stock_change_ox[LODE_N_STAGES][LODE_MAX_REGIONS]; /* input not processed */
  double china_content[LODE_N_STAGES][LODE_MAX_REGIONS];   /* share of the output that
                                                            * passed through China, 0..1 */
  /* flow_ox[s][i][j]: output of stage s in region i feeding stage s + 1 in region j; for
   * the magnet stage, magnets made in i and used in j (the end-use column). */
  double flow_ox[LODE_N_STAGES][LODE_MAX_REGIONS][LODE_MAX_REGIONS];
  double unsold_ox[LODE_N_STAGES][LODE_MAX_REGIONS];       /* output nobody took (a stock) */
  /* China content of the flows by kind of buyer (lode_projection_flow_china_content()). */
  double china_content_own[LODE_N_STAGES][LODE_MAX_REGIONS];
  double china_content_to_us[LODE_N_STAGES][LODE_MAX_REGIONS];
  double china_content_to_allies[LODE_N_STAGES][LODE_MAX_REGIONS];
  double china_content_to_others[LODE_N_STAGES][LODE_MAX_REGIONS];

  double byproduct_reo_t[LODE_MAX_REGIONS];   /* other REO leaving at separation (NdPr) */
  double secondary_in_ox;                     /* China's secondary feed into separation */
  double recycled_ox[LODE_MAX_REGIONS];       /* end-of-life magnets returned to metal */
  double recycled_t[LODE_MAX_REGIONS];        /* the same in the magnet stage's unit */

  /* Use, in the magnet stage's unit. */
  double demand_trend_t[LODE_MAX_REGIONS];    /* before the price response */
  double demand_t[LODE_MAX_REGIONS];          /* after it */
  double supplied_t[LODE_MAX_REGIONS];
  double shortfall_t[LODE_MAX_REGIONS];       /* demand left unmet (cut trade only) */

  /* Stage figures. */
  double world_production[LODE_N_STAGES];
  double world_capacity[LODE_N_STAGES];
  double china_share[LODE_N_STAGES];          /* of world production, 0..1 */
  double us_self_sufficiency[LODE_N_STAGES];  /* US production / US need at that stage */
  double us_capacity_eq[LODE_N_STAGES];       /* US capacity in magnet-stage units per year */
  int    bottleneck_stage;                    /* US stage limiting supply, or -1 */

  /* Market. */
  double price_usd_kg;                        /* oxide, outside China (what US buyers pay) */
  double price_china_usd_kg;                  /* oxide, inside China */
  double withheld_share;                      /* of China's exports to the targets, 0..1 */
  double world_demand_trend_t;
  double world_demand_t;
  double world_supplied_t;
  double world_shortfall_t;
  double demand_destroyed_t;                  /* trend demand the price removed (world) */

  /* The US. */
  double us_china_free_t;                     /* China-free use, this material alone */
  double china_free_share_us_demand;          /* us_china_free_t / US trend demand */
  double china_free_share_us_supply;          /* us_china_free_t / US supply received */
  double us_stockpile_ox;                     /* stock held at the end of the year */
  double us_stockpile_bought_ox;
  double us_stockpile_released_ox;
  double price_floor_cost_busd;               /* this material's floor payments */
  double us_capacity_supported[LODE_N_STAGES];/* capacity a floor keeps running (stage units) */
} LodeChain;

typedef struct
{
  int       year;
  LodeChain chain[LODE_N_MATERIALS];
  gboolean  us_aligned[LODE_MAX_REGIONS];     /* the US and the regions allied with it */

  /* Magnets reaching US use, t magnet. NdFeB demand is the NdPr chain's; SmCo the Sm
   * chain's. The joint China-free share counts an NdFeB magnet China-free only when its
   * NdPr and (in Dy/Tb grades) its Dy + Tb are, and adds SmCo magnets. */
  double us_demand_magnet_t;                  /* NdFeB + SmCo, trend (before price) */
  double us_supplied_magnet_t;
  double us_shortfall_magnet_t;
  double us_china_free_magnet_t;              /* jointly China-free, NdFeB + SmCo */
  /* Of it, by the region that made the magnets: jointly China-free NdFeB, and China-free
   * SmCo (with what the US stockpile released spread over its makers). */
  double us_china_free_ndfeb_from_t[LODE_MAX_REGIONS];
  double us_china_free_smco_from_t[LODE_MAX_REGIONS];
  double china_free_share_us_demand;          /* joint: China-free / US trend demand */
  double china_free_share_us_magnets;         /* joint: China-free / US supply received */
  double china_free_share_us_demand_ndpr;     /* NdFeB by their NdPr alone */
  double china_free_share_us_demand_heavy;    /* Dy + Tb in US magnets */
  double china_free_share_us_demand_smco;     /* SmCo magnets */
  double us_heavy_grade_share;                /* of NdFeB, Dy/Tb-bearing grades */
  double us_defence_need_t;                   /* NdFeB + SmCo */
  double us_defence_met_t;                    /* by China-free magnets */
  double us_defence_need_met_share;
  double world_demand_magnet_t;               /* NdFeB, after price */
  double world_supplied_magnet_t;
  double world_shortfall_magnet_t;
  double end_use_t[LODE_N_END_USES];          /* world NdFeB use by application */
  double magnet_price_usd_kg;                 /* NdFeB outside China: NdPr, Dy + Tb, making */
  double us_recycling_rate;                   /* recycled / retired in the US, 0..1 */

  /* Money, billion USD (annual, and cumulative from the base year). */
  double public_spend_busd;                   /* fund money absorbed this year */
  double private_spend_busd;
  double fund_unabsorbed_busd;                /* fund money no stage could absorb */
  double fund_unabsorbed_kind_busd[LODE_N_FUND_KINDS];
  double price_floor_cost_busd;
  double stockpile_cost_busd;                 /* purchases and carrying cost */
  double tariff_revenue_busd;
  /* The fund as an investor, billion USD this year (docs/fund.md). */
  double fund_out_busd[LODE_N_FUND_OUT];
  double fund_in_busd[LODE_N_FUND_IN];
  double fund_net_busd;                       /* in - out */
  double fund_net_cum_busd;
  double fund_written_off_busd;               /* debt service projects could not pay */
  double fund_stake[LODE_N_FUND_KINDS];       /* the fund's share of the equity of the
                                               * projects it finances this year */
  double partner_spend_busd[LODE_MAX_REGIONS];/* allied governments' money absorbed */
  double public_spend_cum_busd;
  double private_spend_cum_busd;
  double fund_unabsorbed_cum_busd;
  double price_floor_cost_cum_busd;
  double stockpile_cost_cum_busd;
  double tariff_revenue_cum_busd;

  /* Society and environment (NdPr chain). */
  double jobs_us;                             /* direct jobs in the US chain */
  double jobs_non_china;
  double jobs_china;
  double co2e_kt;                             /* world, kt CO2e */
  double residue_t;                           /* world radioactive residue, t */
  double tailings_kt;                         /* world tailings, kt */
} LodeYear;

typedef struct _LodeProjection LodeProjection;

struct _LodeProjection
{
  /*< private >*/
  gatomicrefcount ref_count;
  LodeDataset    *dataset;
  struct _LodeProjectionInputs *inputs;   /* what it was run with (for the stress run) */

  /*< public, read-only >*/
  int             base_year;
  int             horizon;
  int             n_years;        /* horizon - base_year + 1 */
  guint           n_regions;
  LodeFundAccounts fund;
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
/* Whether both were run with the same inputs, so every figure is the same. */
gboolean        lode_projection_same_inputs  (const LodeProjection  *a,
                                              const LodeProjection  *b);
/* NULL if the year is outside base_year..horizon. */
const LodeYear *lode_projection_get_year     (const LodeProjection  *self,
                                              int                    year);
/* First year whose joint China-free share of US magnet demand reaches `target` (0..1), or 0. */
int             lode_projection_first_year_reaching (const LodeProjection *self,
                                                     double                target);
/* The fund's contingent exposure: its worst yearly net outflow in this projection and in a
 * stress run of the same scenario in which China floods the market and demand stalls
 * (docs/fund.md). Runs the model once more; billion USD. */
double          lode_projection_fund_exposure_busd (const LodeProjection *self);
/* The last year of the projection. */
const LodeYear *lode_projection_get_last_year (const LodeProjection *self);
/* China content (0..1) of chain->flow_ox[stage][from][to] (own use, to the US, to an ally
 * or to anyone else). */
double          lode_projection_flow_china_content (const LodeProjection *self,
                                                    const LodeYear       *year,
                                                    LodeMaterial          material,
                                                    LodeStage             stage,
                                                    guint                 from,
                                                    guint                 to);
/* Whether a shortfall is worth reporting: over a tonne and half a percent of demand. */
gboolean        lode_shortfall_counts        (double                 shortfall_t,
                                              double                 demand_t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeProjection, lode_projection_unref)

G_END_DECLS
