/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeDataset — the reference numbers the projection starts from (data/reference-2024.xml):
 * regions, 2024 capacity and production per stage, conversion factors, demand, economics,
 * environment and the announced project pipeline. Every number is a LodeCited carrying its
 * source ID and basis code. Immutable once loaded; ref-counted boxed type.
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

typedef struct
{
  char      *id;              /* "CN", "US", "AU", "MY", "JP", "EU", "VN", "MM", "OTHER" */
  char      *name;            /* English name as in the file; show through lode_region_name() */
  guint32    rgb;             /* colour-blind-safe colour, 0xRRGGBB */
  gboolean   allied_default;  /* allied with the US by default */
  gboolean   western_costs;   /* TRUE: West capex/lead times; FALSE: Asia reference */
  LodeCited  capacity[LODE_N_STAGES];    /* 2024, stage units per year */
  LodeCited  production[LODE_N_STAGES];  /* 2024, stage units */
  LodeCited  ore_ndpr_share;             /* NdPr fraction of mined REO */
  LodeCited  magnet_demand_t;            /* 2024 magnet demand, t magnet (incl. embedded) */
} LodeRegion;

typedef struct
{
  LodeCited capex_west;       /* 2024 USD per (stage unit per year) */
  LodeCited capex_asia;
  LodeCited overrun;          /* first-of-kind multiplier on capex */
  LodeCited learning_rate;    /* capex cut per doubling of non-China capacity, fraction */
  LodeCited opex_usd_kg;      /* per kg of stage unit */
  LodeCited permit_years;     /* the part permitting reform shortens */
  LodeCited build_years;
  LodeCited ramp[4];          /* fraction of nameplate in years 1..4 after start-up */
  LodeCited utilisation;      /* steady-state */
  LodeCited jobs_per_kt;      /* direct jobs per kt/yr of stage unit */
  LodeCited co2e_t_per_t;     /* t CO2e per t of stage unit */
  LodeCited residue_t_per_t;  /* t radioactive residue per t of stage unit */
  LodeCited tailings_t_per_t; /* t tailings per t of stage unit */
} LodeStageEconomics;

typedef struct
{
  char      *id;              /* stable, e.g. "mp-10x-magnet" */
  char      *name;            /* "MP Materials 10X (magnets)" */
  LodeStage  stage;
  guint      region;          /* index into the dataset's regions */
  LodeCited  capacity;        /* stage units per year at nameplate */
  int        online_year;     /* announced first production */
  LodeCited  capex_musd;      /* announced capex, million USD (0 if unknown) */
  char      *note;            /* free text, may be NULL */
} LodeProject;

/* One entry of data/reference-2024.xml <sources> (the reference file's §9). */
#define LODE_MAX_SOURCES 64

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
  char               *version;       /* "1.0" */
  int                 base_year;     /* 2024 */

  guint               n_regions;
  LodeRegion          regions[LODE_MAX_REGIONS];
  guint               china;         /* index of "CN" */
  guint               us;            /* index of "US" */

  /* Conversion factors (reference §3) */
  LodeCited           separation_recovery;     /* 0.92 */
  LodeCited           oxide_to_metal;          /* 0.85 stoichiometric */
  LodeCited           metal_process_yield;     /* 0.96 */
  LodeCited           ndpr_metal_per_magnet;   /* 0.29 kg per kg */
  LodeCited           magnet_yield;            /* 0.80 block -> finished */
  LodeCited           swarf_recycled_share;    /* share of magnet scrap returned in-plant */

  /* Demand (reference §2) */
  LodeCited           world_magnet_demand_t;   /* 250 000 */
  LodeCited           end_use_share[LODE_N_END_USES];
  LodeCited           growth_low_pct[3];       /* %/yr for 2024-30, 2030-40, 2040-60 */
  LodeCited           growth_central_pct[3];
  LodeCited           growth_high_pct[3];
  LodeCited           magnet_service_life_years;

  /* Economics (reference §4-§6, §8) */
  LodeStageEconomics  stage[LODE_N_STAGES];
  LodeCited           recycling_capex_per_t;   /* per t/yr of magnet recycled */
  LodeCited           ndpr_price_2024_usd_kg;
  LodeCited           price_elasticity;        /* price response to supply-demand gap */
  LodeCited           shock_price_multiplier;  /* price multiple at a full export ban */
  LodeCited           china_quota_growth_pct;  /* cap on China's yearly capacity growth */
  LodeCited           ex_china_cost_usd_kg;    /* Western NdPr oxide cash cost */

  guint               n_projects;
  LodeProject         projects[LODE_MAX_PROJECTS];

  /* Sources cited by the numbers above (reference §9). */
  guint               n_sources;
  LodeSource          sources[LODE_MAX_SOURCES];

  /* 2024 NdPr oxide separated (in China) from secondary feed — recycled magnet swarf and scrap,
   * unreported ore and stocks — beyond what the year's mined NdPr yields at the separation
   * recovery. Closes the 2024 chain; see the note in the data file. */
  LodeCited           secondary_ndpr_oxide_t;
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeDataset, lode_dataset_unref)

G_END_DECLS
