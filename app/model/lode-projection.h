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
 * comparable and lets the flow diagram balance.
 */
#pragma once

#include <glib-object.h>

#include "lode-dataset.h"
#include "lode-scenario.h"

G_BEGIN_DECLS

#define LODE_PROJECTION_ERROR (lode_projection_error_quark ())

typedef enum
{
  LODE_PROJECTION_ERROR_INVALID_SCENARIO,
} LodeProjectionError;

typedef struct
{
  int    year;

  /* Per stage and region. */
  double capacity[LODE_N_STAGES][LODE_MAX_REGIONS];       /* stage units per year */
  double production[LODE_N_STAGES][LODE_MAX_REGIONS];     /* stage units */
  double utilisation[LODE_N_STAGES][LODE_MAX_REGIONS];    /* production / capacity, 0..1 */
  double input_ox[LODE_N_STAGES][LODE_MAX_REGIONS];       /* what reached the plant (stage > mine) */
  double output_ox[LODE_N_STAGES][LODE_MAX_REGIONS];      /* production in oxide equivalent */
  double loss_ox[LODE_N_STAGES][LODE_MAX_REGIONS];        /* process losses */
  double stock_change_ox[LODE_N_STAGES][LODE_MAX_REGIONS];/* input not processed (>0 builds stock) */
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
  LodeYear        years[LODE_MAX_YEARS];
};

GType           lode_projection_get_type     (void) G_GNUC_CONST;
GQuark          lode_projection_error_quark  (void);

/* Runs the model. Deterministic and locale-independent; allocates only the result. */
LodeProjection *lode_projection_run          (LodeDataset           *dataset,
                                              LodeScenario          *scenario,
                                              GError               **error) G_GNUC_WARN_UNUSED_RESULT;
LodeProjection *lode_projection_ref          (LodeProjection        *self);
void            lode_projection_unref        (LodeProjection        *self);

LodeDataset    *lode_projection_get_dataset  (const LodeProjection  *self);
/* NULL if the year is outside base_year..horizon. */
const LodeYear *lode_projection_get_year     (const LodeProjection  *self,
                                              int                    year);
/* First year whose China-free share of US magnet supply reaches `target` (0..1), or 0. */
int             lode_projection_first_year_reaching (const LodeProjection *self,
                                                     double                target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeProjection, lode_projection_unref)

G_END_DECLS
