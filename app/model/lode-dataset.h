/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeDataset — the reference numbers the projection starts from (data/reference-2024.xml):
 * the materials (NdPr, Dy + Tb, Sm) with their conversions, prices and demand response;
 * regions with their 2024 capacity and production per material and stage, costs, reserves
 * and demand; the base year's trade; stage economics; the model's other parameters; and the
 * announced project pipeline. Every number is a LodeCited carrying its source ID, its basis
 * code and, where known, its plausible range. Immutable once loaded; ref-counted boxed type.
 * Model library: GLib/GIO/libxml2/libm only.
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "lode-model-types.h"

G_BEGIN_DECLS

#define LODE_DATASET_ERROR (lode_dataset_error_quark ())
#define LODE_TYPE_DATASET  (lode_dataset_get_type ())

typedef enum
{
  LODE_DATASET_ERROR_IO,
  LODE_DATASET_ERROR_PARSE,     /* not well-formed XML, or fails the RELAX NG schema */
  LODE_DATASET_ERROR_INVALID,   /* well-formed but a value is out of range or missing */
} LodeDatasetError;

/* Resource path of the default dataset, compiled into the model library. */
#define LODE_DATASET_DEFAULT_RESOURCE "/io/github/lodestone/Lodestone/data/reference-2024.xml"

/* What one region has of one material in the base year. Capacity and production are in the
 * material's stage units (lode_material_stage_unit()). */
typedef struct
{
  LodeCited  capacity[LODE_N_STAGES];    /* 2024, stage units per year */
  LodeCited  production[LODE_N_STAGES];  /* 2024, stage units */
  LodeCited  ore_share;       /* the material's fraction of the region's mined REO; for
                               * Dy + Tb and Sm, what a newly funded mine would carry */
  LodeCited  cash_cost;       /* integrated mine-to-oxide cash cost, USD per kg oxide: the
                               * midpoint of the region's cost band */
  LodeCited  demand_t;        /* 2024 use in the magnet stage's unit (NdFeB magnets for NdPr,
                               * SmCo magnets for Sm; none for Dy + Tb, which follows NdFeB) */
} LodeRegionMaterial;

typedef struct
{
  char      *id;              /* "CN", "US", "AU", ... */
  char      *name;            /* English name as in the file; show through lode_region_name() */
  guint32    rgb;             /* colour-blind-safe colour, 0xRRGGBB */
  gboolean   allied_default;  /* allied with the US by default */
  gboolean   western_costs;   /* TRUE: West capex/lead times; FALSE: Asia reference */
  LodeRegionMaterial material[LODE_N_MATERIALS];
  LodeCited  reserves_t;      /* rare-earth reserves, t REO (0 where none are known) */
} LodeRegion;

/* Per material: conversions down the chain, the 2024 price and how demand answers price. */
typedef struct
{
  LodeCited recovery;          /* oxide separated per t of the material in concentrate */
  LodeCited oxide_to_metal;    /* t metal per t oxide, stoichiometric */
  LodeCited metal_yield;       /* reduction yield */
  LodeCited metal_per_magnet;  /* t metal per t of the magnet stage's unit */
  LodeCited magnet_yield;      /* block -> finished magnet */
  LodeCited swarf_recycled;    /* share of magnet scrap returned in-plant */
  LodeCited secondary_oxide_t; /* oxide China separates from secondary feed (scrap, stocks) */
  LodeCited price_2024;        /* USD per kg oxide */
  LodeCited elasticity_short;  /* demand response to price within the year (< 0) */
  LodeCited elasticity_long;   /* after substitution and thrifting (< 0) */
  LodeCited adjust_years;      /* how fast the long-run response builds */
  LodeCited incentive_price;   /* price at which private greenfield capacity is built */
  LodeCited choke_multiple;    /* highest price as a multiple of 2024, where demand stops */
  LodeCited demand_growth_pct; /* SmCo demand growth, %/yr (Sm only) */
  LodeCited capex_west[LODE_N_STAGES];   /* USD per stage unit per year, for Dy + Tb and Sm;
                                          * NdPr uses the stage economics */
  LodeCited capex_asia[LODE_N_STAGES];
} LodeMaterialData;

typedef struct
{
  LodeCited capex_west;       /* 2024 USD per (stage unit per year) */
  LodeCited capex_asia;
  LodeCited overrun;          /* first-of-kind multiplier on capex */
  LodeCited learning_rate;    /* capex cut per doubling of non-China capacity, fraction */
  LodeCited opex_usd_kg;      /* per kg of stage unit */
  LodeCited permit_years;     /* the part permitting reform shortens */
  LodeCited build_years;
  LodeCited min_lead_years;   /* the physical minimum of permit + build */
  LodeCited absorption;       /* capacity the US can start in a year (construction capacity) */
  LodeCited ramp[4];          /* fraction of nameplate in years 1..4 after start-up */
  LodeCited utilisation;      /* steady-state */
  LodeCited jobs_per_kt;      /* direct jobs per kt/yr of stage unit */
  LodeCited co2e_t_per_t;     /* t CO2e per t of stage unit */
  LodeCited residue_t_per_t;  /* t radioactive residue per t of stage unit */
  LodeCited tailings_t_per_t; /* t tailings per t of stage unit */
} LodeStageEconomics;

/* The model's other parameters, read from <parameters> by id (lode_param_id()). */
typedef enum
{
  LODE_PARAM_UTILISATION_FLOOR,       /* output share a plant keeps when priced out */
  LODE_PARAM_COST_BAND,               /* half-width of a region's cost band, fraction */
  LODE_PARAM_MINE_LIFE_YEARS,         /* reserves / mine life bounds a region's mines */
  LODE_PARAM_ALLY_ABSORPTION,         /* an ally's construction capacity vs the US's */
  LODE_PARAM_RECYCLING_ABSORPTION,    /* t/yr of recycling capacity startable per year */
  LODE_PARAM_MARGINAL_CAPEX,          /* capex rise at a full year's construction capacity */
  LODE_PARAM_INDUCED_RATE,            /* private capacity started per year, as a share of
                                       * demand, per unit of (price / incentive - 1) */
  LODE_PARAM_FRIENDSHORING_RAMP,      /* years for buyers to move to allied suppliers */
  LODE_PARAM_TARIFF_SUBSTITUTION,     /* purchase shift per unit of tariff */
  LODE_PARAM_SHOCK_RECOVERY_YEARS,    /* half-life of a restriction after it ends */
  LODE_PARAM_STOCKPILE_CARRY_PCT,     /* yearly cost of holding a stockpile, % of value */
  LODE_PARAM_STOCKPILE_TRIGGER,       /* outside price / pre-shock price that releases stock */
  LODE_PARAM_STOCKPILE_FILL_YEARS,    /* years to fill a stockpile */
  LODE_PARAM_RECYCLING_2024,          /* share of retired magnets recycled today */
  LODE_PARAM_HEAVY_GRADE_SHARE,       /* share of NdFeB made in Dy/Tb-bearing grades, 2024 */
  LODE_PARAM_GBD_FACTOR,              /* Dy/Tb left per magnet with grain-boundary diffusion */
  LODE_PARAM_GBD_SHARE_2024,          /* share of heavy grades made with diffusion today */
  LODE_PARAM_HEAVY_THRIFT_PCT,        /* yearly fall of Dy + Tb per magnet without levers */
  LODE_PARAM_US_DEFENCE_NDFEB_T,      /* US defence NdFeB need, t magnet, 2024 */
  LODE_PARAM_US_DEFENCE_SMCO_T,       /* US defence SmCo need, t magnet, 2024 */
  LODE_PARAM_DEFENCE_GROWTH_PCT,      /* growth of the defence need, %/yr */
  LODE_PARAM_PROJECT_HURDLE_PCT,      /* real return a project needs on its capex, %/yr */
  LODE_PARAM_EXIT_MULTIPLE,           /* equity value / yearly margin at the horizon */
  LODE_PARAM_FLOOR_UPSIDE_SHARE,      /* share of the price above the floor the state gets */
  LODE_PARAM_OFFTAKE_FACILITATION,    /* share of the offtake plant's margin paid on top */
  LODE_PARAM_WORKING_STOCK_MONTHS,    /* months of use buyers hold in their own stocks */
  LODE_N_PARAMS
} LodeParam;

/* A base-year trade share: of what `to` imported at a stage's output (the material's), the
 * share that came from `from`. Importers without rows take what the trade rules give. */
typedef struct
{
  LodeMaterial material;
  LodeStage    stage;
  guint        to;
  guint        from;
  LodeCited    share;
} LodeBaseTrade;

#define LODE_MAX_BASE_TRADE 64

typedef enum
{
  LODE_PROJECT_PLANNED,       /* not yet under construction: permitting reform moves it */
  LODE_PROJECT_CONSTRUCTION,  /* being built: its year stands */
} LodeProjectStatus;

typedef struct
{
  char             *id;              /* stable, e.g. "mp-10x-magnet" */
  char             *name;            /* "MP Materials 10X (magnets)" */
  LodeMaterial      material;
  LodeStage         stage;
  guint             region;          /* index into the dataset's regions */
  LodeCited         capacity;        /* stage units per year at nameplate */
  int               online_year;     /* announced first production */
  LodeCited         capex_musd;      /* announced capex, million USD (0 if unknown) */
  LodeProjectStatus status;
  gboolean          needs_floor;     /* proceeds only under a price floor (see the model) */
  char             *note;            /* free text, may be NULL */
} LodeProject;

/* One entry of data/reference-2024.xml <sources> (the reference file's §9). */
#define LODE_MAX_SOURCES 128

typedef struct
{
  const char *id;             /* interned, "U25"; the same pointer as LodeCited.source */
  char       *short_name;     /* for export footers, "USGS MCS 2025" */
  char       *title;          /* "Mineral Commodity Summaries 2025 – Rare Earths" */
  char       *publisher;      /* "USGS" */
  int         year;           /* 2025 */
  char       *url;            /* may be NULL */
} LodeSource;

typedef struct _LodeDataset LodeDataset;

struct _LodeDataset
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  char               *id;            /* "reference-2024" */
  char               *version;       /* "2.0" */
  int                 base_year;     /* 2024 */

  guint               n_regions;
  LodeRegion          regions[LODE_MAX_REGIONS];
  guint               china;         /* index of "CN" */
  guint               us;            /* index of "US" */

  LodeMaterialData    material[LODE_N_MATERIALS];

  /* NdFeB demand (reference §2) */
  LodeCited           world_magnet_demand_t;   /* 250 000 */
  LodeCited           end_use_share[LODE_N_END_USES];
  LodeCited           heavy_intensity[LODE_N_END_USES];  /* t Dy+Tb metal per t magnet in the
                                                          * heavy grades an end use draws */
  LodeCited           growth_low_pct[3];       /* %/yr for 2024-30, 2030-40, 2040-60 */
  LodeCited           growth_central_pct[3];
  LodeCited           growth_high_pct[3];
  LodeCited           magnet_service_life_years;

  /* Economics (reference §4-§6, §8) */
  LodeStageEconomics  stage[LODE_N_STAGES];
  LodeCited           recycling_capex_per_t;   /* per t/yr of magnet recycled */
  LodeCited           param[LODE_N_PARAMS];

  guint               n_base_trade;
  LodeBaseTrade       base_trade[LODE_MAX_BASE_TRADE];

  guint               n_projects;
  LodeProject         projects[LODE_MAX_PROJECTS];

  /* Sources cited by the numbers above (reference §9). */
  guint               n_sources;
  LodeSource          sources[LODE_MAX_SOURCES];
};

GType        lode_dataset_get_type       (void) G_GNUC_CONST;
GQuark       lode_dataset_error_quark    (void);

LodeDataset *lode_dataset_load_default   (GError        **error) G_GNUC_WARN_UNUSED_RESULT;
LodeDataset *lode_dataset_new_from_bytes (GBytes         *bytes,
                                          const char     *name_for_errors,
                                          GError        **error) G_GNUC_WARN_UNUSED_RESULT;
LodeDataset *lode_dataset_new_from_file  (GFile          *file,
                                          GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* A zeroed dataset (ref count 1) for tests and synthetic cases: fill the public fields.
 * lode_dataset_unref() frees every char * field with g_free: set them with g_strdup() or leave
 * them NULL. LodeCited.source and LodeSource.id must be interned strings (g_intern_string). */
LodeDataset *lode_dataset_new_empty      (void) G_GNUC_WARN_UNUSED_RESULT;
/* A deep copy, for analyses that vary its numbers. */
LodeDataset *lode_dataset_copy           (const LodeDataset *self) G_GNUC_WARN_UNUSED_RESULT;
LodeDataset *lode_dataset_ref            (LodeDataset    *self);
void         lode_dataset_unref          (LodeDataset    *self);

int          lode_dataset_region_index   (const LodeDataset *self,
                                          const char        *region_id);  /* -1 if unknown */
int          lode_dataset_project_index  (const LodeDataset *self,
                                          const char        *project_id); /* -1 if unknown */
const char  *lode_region_name            (const LodeRegion  *region);     /* translated */
/* The source with that id, or NULL. A LodeCited.source may name several sources separated by
 * single spaces ("U25 IEA24"): given such a list, this returns the first one's source. */
const LodeSource *lode_dataset_find_source (const LodeDataset *self,
                                            const char        *id);

/* The <parameters> ids ("china-quota-growth") and their allowed ranges. */
const char  *lode_param_id               (LodeParam          param);
gboolean     lode_param_from_id          (const char        *id,
                                          LodeParam         *out_param);

/* Every cited number of the dataset with a stable name ("param.china-quota-growth",
 * "region.CN.ndpr.cash-cost", "stage.mine.capex-west", ...), in file order, for the
 * sensitivity and uncertainty analyses. The pointers point into `self`. */
typedef struct
{
  char      *name;
  LodeCited *cited;
} LodeDatasetEntry;

GPtrArray   *lode_dataset_list_numbers   (LodeDataset       *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeDataset, lode_dataset_unref)

G_END_DECLS
