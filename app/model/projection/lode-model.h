/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model.h — what the steps of the yearly model share: the scenario's inputs copied into
 * a plain struct (read once, outside the yearly loop), the Model that holds every constant
 * and the state carried from year to year, the Year work area of one year, and the steps.
 * Private to the projection. Model library: GLib/libm only.
 *
 * A year runs these steps in order (lode-model-year.c):
 *   levers in force (setup) -> capacity -> recycling and demand -> market clearing per
 *   material (market) -> Dy + Tb for the magnet makers (chain) -> routing of every chain with
 *   provenance (chain, trade, provenance) -> magnets to their users and the joint figures
 *   (magnets) -> stage figures, money, jobs, environment (outputs) -> the fund's tranche
 *   (capacity).
 */
#pragma once

#include <math.h>
#include <string.h>

#include "lode-levers.h"
#include "lode-projection.h"

G_BEGIN_DECLS

#define N_STAGES     LODE_N_STAGES
#define N_MATERIALS  LODE_N_MATERIALS
#define N_KINDS      LODE_N_FUND_KINDS
#define KIND_RECYCLING LODE_FUND_RECYCLING
#define MAX_R        LODE_MAX_REGIONS
#define MAX_UNITS    (LODE_MAX_PROJECTS + LODE_SCENARIO_MAX_USER_PROJECTS)

#define NDPR  LODE_MATERIAL_NDPR
#define HEAVY LODE_MATERIAL_HEAVY
#define SM    LODE_MATERIAL_SM

#define MINE       LODE_STAGE_MINE
#define SEPARATION LODE_STAGE_SEPARATION
#define METAL      LODE_STAGE_METAL
#define MAGNET     LODE_STAGE_MAGNET

typedef struct _LodeProjectionInputs
{
  int          horizon;
  double       lever[LODE_N_LEVERS];
  gboolean     ally[LODE_MAX_REGIONS];
  gboolean     shock_target[LODE_MAX_REGIONS];
  gboolean     project_enabled[LODE_MAX_PROJECTS];
  guint        n_user_projects;
  LodeProject  user_projects[LODE_SCENARIO_MAX_USER_PROJECTS];  /* strings borrowed, unused */
} LodeProjectionInputs;

/* A block of capacity that comes online at a known time: an announced or user project. */
typedef struct
{
  LodeMaterial material;
  LodeStage    stage;
  guint        region;
  double       capacity;    /* nameplate, stage units per year */
  int          start;       /* whole start year ... */
  double       phi;         /* ... and the fraction of a year later it really starts */
  gboolean     needs_floor;
} Unit;

/* A base-year trade relationship: `share` of exporter i's surplus went to region j. */
typedef struct
{
  guint  i;
  guint  j;
  double share;
} Link;

/* Lead time of new capacity, split into whole years and the fraction of a year after. */
typedef struct
{
  int    whole;
  double phi;
} Lead;

/* A region's cash cost band for a material, in the terms the market's supply curve uses
 * (lode-model-market.c): computed once in the setup. */
typedef struct
{
  double lo;          /* cost x (1 - band) */
  double width;       /* 2 x cost x band */
  double hi;          /* lo + width */
  double u_floor;     /* output share below it: the utilisation floor, 0 in China */
  double mid_slope;   /* (1 - u_floor) / width */
} CostBand;

/* One material's constants and the state it carries from year to year. */
typedef struct
{
  /* Conversions (see lode-projection.h for the units). */
  double share[MAX_R];          /* t oxide equivalent per mine unit */
  double inv_share[MAX_R];
  double recovery;
  double o2m;
  double conv_metal;            /* t metal per t oxide processed */
  double nm;                    /* net t metal per magnet-stage unit */
  double ox_per_magnet;         /* t oxide equivalent in a magnet-stage unit */
  double magnet_per_ox;         /* magnet-stage units per t oxide equivalent of metal */
  double need_ox_per_magnet;    /* t separated oxide a magnet-stage unit needs */
  double secondary_in;          /* China's secondary separation feed in 2024, t oxide input;
                                 * it grows with China's magnet output (swarf, scrap) */

  /* Market. */
  double price0;
  double eps_short;
  double eps_long;
  double adjust_rate;           /* share of the long-run response reached in a year */
  double incentive;
  double p_min;
  double p_max;
  double x_min;                 /* p_min / price0 ... */
  double x_max;                 /* ... p_max / price0 ... */
  double power_min;             /* ... and their powers eps_short */
  double power_max;
  double cost[MAX_R];           /* cash cost band midpoints */
  CostBand band[MAX_R];
  double premium_cap;           /* outside/inside price ratio at which China's magnets win */

  /* Capacity and capex. */
  double base_cap[N_STAGES][MAX_R];
  double u_obs[N_STAGES][MAX_R];
  double u_tgt[N_STAGES][MAX_R];
  double capex_west[N_STAGES];
  double capex_asia[N_STAGES];
  double nonchina_cap0[N_STAGES];
  double mine_limit[MAX_R];     /* reserves / mine life, mine stage units per year */

  /* Demand. */
  double demand0[MAX_R];
  double trend[MAX_R];          /* this year's trend demand (NdPr, Sm) */
  double project_cap[N_STAGES][MAX_R];   /* announced and user projects at full size */

  /* Base-year routing: of what `to` imported at a stage, the share from `from` (< 0: not
   * given) and the relationships the base year leaves. */
  double import_share[N_STAGES][MAX_R][MAX_R];
  guint  n_links[N_STAGES];
  Link   links[N_STAGES][MAX_R * MAX_R];

  /* State. */
  double long_out;              /* long-run demand factor outside China */
  double long_cn;               /* ... inside China */
  double price_prev;
  double price_cn_prev;
  double price_pre_shock;
  double china_cap[N_STAGES];   /* China's quota capacity at mine and separation */
  double ref_magnet_share[MAX_R];     /* of China's exports to a region, the share that
                                       * went as magnets in the last unrestricted year */
  double restock_ox;            /* the targets' inventories a shortage emptied, to rebuild */
  double working_months;        /* buyers' own stocks, months of use */
  double stock_draw0;           /* magnets China's makers drew from stock in 2024 */
  double stock_build0;          /* oxide separators and metal makers put to stock in 2024 */
  double stock_ox;              /* US strategic stockpile */
  double stock_content;         /* its China content */
  gboolean started_in[LODE_MAX_YEARS];               /* any capacity started that year */
  double funded[LODE_MAX_YEARS][N_STAGES][MAX_R];    /* capacity the fund started */
  double induced[LODE_MAX_YEARS][N_STAGES][MAX_R];   /* capacity high prices started */
  guint16 started_regions[LODE_MAX_YEARS][N_STAGES]; /* bit r: funded + induced > 0 there,
                                                      * noted once the year is over */
  double supplied_hist[LODE_MAX_YEARS][MAX_R];       /* magnet-stage use, for recycling */
} MatModel;

/* The fund's money of one year and kind: a cohort of projects it finances together
 * (lode-model-fund.c). */
typedef struct
{
  double capex;          /* USD absorbed, public and private */
  double public_usd;     /* the fund's part */
  double loan_service;   /* yearly debt service due once the projects produce */
  int    loan_years_paid;
  double stake;          /* the fund's share of the projects' equity */
} Cohort;

typedef struct
{
  const LodeDataset          *ds;
  const LodeProjectionInputs *in;
  guint   n;
  guint   cn;
  guint   us;
  int     base_year;
  int     n_years;

  MatModel mat[N_MATERIALS];

  /* Stage economics. */
  double   u_ss[N_STAGES];
  double   ramp[N_STAGES][4];
  double   u_floor;              /* output share of a priced-out plant outside China */
  double   cost_band;

  /* Scenario. */
  gboolean aligned[MAX_R];       /* the US and its allies */
  gboolean ally[MAX_R];
  gboolean target[MAX_R];        /* export-restriction targets */
  guint    n_allies;
  guint    allies[MAX_R];        /* the regions of ally[], in order, ... */
  guint    n_others;
  guint    others[MAX_R];        /* ... and those not US-aligned (China among them) */
  double   friendshoring;
  double   friendshoring_ramp;
  double   growth[3];            /* NdFeB demand %/yr for 2024-30, 2030-40, 2040-60 */
  double   quota_growth[3];      /* China's quotas, same periods */
  double   backcast_growth;
  double   recycling_target;
  double   recycling_2024;
  double   service_life;
  double   floor;
  int      floor_start;
  int      floor_end;            /* exclusive */
  double   floor_coverage;       /* t NdPr oxide per year */
  double   floor_support;        /* 0..1: how far the floor's level and coverage carry
                                  * projects that need it */
  double   tariff;
  double   tariff_substitution;
  double   withheld;
  int      shock_start;
  int      shock_end;            /* exclusive */
  gboolean covers[N_MATERIALS];
  gboolean covers_magnets;
  double   licence_delay;        /* share of a year */
  gboolean extraterritorial;
  double   shock_recovery;       /* half-life, years */
  double   stockpile_months;
  int      stockpile_start;
  double   stockpile_fill;
  double   stockpile_carry;
  double   stockpile_trigger;

  /* The fund. */
  int      fund_start;
  int      fund_end;             /* exclusive */
  double   fund_annual_busd;
  double   alloc[N_KINDS];
  double   material_share[N_MATERIALS];
  double   leverage;
  double   coinvest;
  double   absorption_usd[N_KINDS];   /* money a kind absorbs in a year at base capex */
  double   ally_absorption;
  double   marginal_capex;
  double   capex_mult_us;
  double   intensity_us;
  Lead     lead_us[N_KINDS];
  Lead     lead_ally[N_KINDS];
  double   project_advance;      /* years reform takes off planned US projects (max) */
  double   permit_cut;
  double   induced_rate;
  int      funded_last;          /* last year index with a tranche, or -1 */

  /* The fund as an investor (lode-model-fund.c). */
  double   equity_share[N_KINDS];
  double   loan_share[N_KINDS];
  double   guarantee;            /* share of the projects' hurdle margin guaranteed */
  double   loan_rate;
  int      loan_years;
  double   discount;
  double   hurdle_crf;           /* yearly margin per dollar of capex at the incentive price */
  double   exit_multiple;
  double   floor_upside;
  double   facilitation;
  double   offtake_t;
  int      offtake_start;
  int      offtake_end;          /* exclusive */
  double   ebitda_floor_usd;
  double   partner_fund_usd[MAX_R];   /* allied governments' money a year, by region */
  Cohort   cohort[LODE_MAX_YEARS][N_KINDS];
  double   funded_recycling[LODE_MAX_YEARS];   /* US recycling capacity started, t magnet/yr */

  /* Magnet grades and defence. */
  double   heavy_grade_share;
  double   heavy_intensity0;     /* world-average Dy+Tb metal per t NdFeB, 2024 */
  double   gbd_factor;
  double   heavy_thrift;         /* yearly fall of Dy + Tb per magnet, fraction */
  double   gbd_share0;
  double   gbd_extra;
  double   heavy_free;
  double   defence_ndfeb0;
  double   defence_smco0;
  double   defence_growth;
  gboolean defence_first;

  guint    n_units;
  Unit     units[MAX_UNITS];
} Model;

/* What one year works on, on the stack of lode_model_year(). */
typedef struct
{
  int      ti;
  int      t;
  double   fs;                              /* friend-shoring in force */
  double   segregation;                     /* 0 (mixed, 2024) .. 1 (certified chains) */
  gboolean tariff_on;
  gboolean floor_on;
  double   withheld[N_MATERIALS];           /* effective share withheld from targets */
  double   withheld_magnets[N_MATERIALS];   /* of magnets, by the material they carry
                                             * (NdFeB: also its Dy/Tb grades' share of a
                                             * Dy + Tb restriction) */
  double   heavy_free;                      /* in force this year */
  double   gbd_share;
  double   plate[N_MATERIALS][N_STAGES][MAX_R];   /* nameplate */
  double   flex[N_MATERIALS][N_STAGES][MAX_R];    /* output at full use (ramps applied) */
  double   newcap[N_MATERIALS][N_STAGES][MAX_R];  /* part of flex from new capacity */
  double   plan[N_MATERIALS][N_STAGES][MAX_R];
  double   recycling_us;                    /* fund-built US recycling, t magnet per year */
  double   recycled_content[MAX_R];         /* China content of recycled magnets */
  double   secondary_in[N_MATERIALS];       /* China's secondary separation feed this year */
  /* Under a restriction, what China would have sent each target without it (t oxide eq),
   * drawn down as it sends; < 0 for regions it does not restrict. */
  double   china_allowance[N_MATERIALS][MAX_R];
  double   magnet_heavy_need[MAX_R];        /* t Dy+Tb metal NdFeB makers need */
  double   heavy_intensity;                 /* t Dy+Tb metal per t NdFeB this year */
  double   heavy_grade_share;
  double   market_unmet[N_MATERIALS];       /* targets' need no price could meet, oxide */
  double   covered[N_MATERIALS];            /* US separation output the floor covers */
  double   stock_bought[N_MATERIALS];       /* US stockpile purchases this year, oxide */
  double   stock_released[N_MATERIALS];
  double   working_released[N_MATERIALS];       /* the targets' own stocks drawn, oxide */
  double   stock_bought_content[N_MATERIALS];  /* China content of the purchases */
  double   restock[N_MATERIALS];               /* inventories rebuilt after a shortage */
  double   restocked[N_MATERIALS][MAX_R];      /* ... by each target, magnet-stage units */
  double   us_tariff_factor[N_MATERIALS];      /* US demand under the tariff, relative */
  double   inventory_left;                     /* lode_model_inventory_left () */
} Year;

/* lode-model-setup.c */
void    lode_model_setup           (Model                      *m,
                                    const LodeDataset          *ds,
                                    const LodeProjectionInputs *in,
                                    int                         n_years);
void    lode_model_list_regions    (Model                      *m);
void    lode_model_year_levers     (const Model                *m,
                                    Year                       *w);
gboolean lode_model_check_dataset  (const LodeDataset          *ds,
                                    GError                    **error);
gboolean lode_model_check_inputs   (const LodeDataset          *ds,
                                    const LodeProjectionInputs *in,
                                    GError                    **error);

/* lode-model-capacity.c */
void    lode_model_capacity        (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y);
void    lode_model_fund_tranche    (Model                      *m,
                                    const Year                 *w,
                                    LodeYear                   *y);
void    lode_model_induce          (Model                      *m,
                                    const Year                 *w,
                                    LodeYear                   *y);

/* lode-model-demand.c */
void    lode_model_recycling       (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y);
void    lode_model_demand_trend    (Model                      *m,
                                    const Year                 *w,
                                    LodeYear                   *y);
double  lode_model_price_response  (const MatModel             *mm,
                                    double                      price);
double  lode_model_demand_factor   (const MatModel             *mm,
                                    double                      price,
                                    double                      long_factor);
void    lode_model_heavy_intensity (const Model                *m,
                                    Year                       *w);

/* lode-model-market.c */
void    lode_model_clear_markets   (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y,
                                    const LodeYear             *prev);

/* lode-model-trade.c: the trade of one stage's output against what the next stage wants. */
typedef struct
{
  /* Arrays of MAX_R, of which the first n count. */
  const double *out;          /* output, t oxide eq */
  const double *want;         /* what each region's next stage wants */
  const double *want_new;     /* the part of want from new capacity (served last) */
  double       *china_allowance; /* what China would send each importer without the
                                 * restriction (< 0: not restricted), or NULL; China sends
                                 * at most (1 - withheld) of what is left of it */
  double        withheld;       /* the restriction's share at this stage */
  const double *content;      /* China content of each exporter's output, or NULL */
  gboolean      base_year;
  gboolean      any_origin;     /* new capacity in US-aligned regions may take China-touched
                                 * feed too (Dy + Tb additions to NdFeB) */
} LodeTradeRequest;

void    lode_model_trade           (Model                      *m,
                                    const Year                 *w,
                                    LodeMaterial                material,
                                    LodeStage                   stage,
                                    const LodeTradeRequest     *req,
                                    double                      flow[MAX_R][MAX_R],
                                    double                      unsold[MAX_R],
                                    double                      unmet[MAX_R]);

/* lode-model-provenance.c */
typedef struct
{
  double own;
  double to_us;
  double to_allies;
  double to_others;
} LodeContentSplit;

void    lode_model_split_content   (const Model                *m,
                                    double                      fs,
                                    double                      segregation,
                                    guint                       i,
                                    const double                flow[MAX_R],
                                    double                      unsold,
                                    double                      output,
                                    double                      content,
                                    LodeContentSplit           *out);
void    lode_model_split_stage     (const Model                *m,
                                    const Year                 *w,
                                    LodeChain                  *c,
                                    LodeStage                   stage);
double  lode_model_mix_content     (const Model                *m,
                                    guint                       r,
                                    const LodeChain            *c,
                                    LodeStage                   upstream,
                                    double                      extra,
                                    double                      extra_content);
double  lode_model_buyer_content   (const Model                *m,
                                    const LodeChain            *c,
                                    LodeStage                   stage,
                                    guint                       from,
                                    guint                       to);

/* lode-model-chain.c */
void    lode_model_plan            (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y,
                                    LodeMaterial                material);
gboolean lode_model_replan_shortfalls (Model                *m,
                                       Year                 *w,
                                       LodeYear             *y,
                                       LodeMaterial          material);
void    lode_model_route_upstream  (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y,
                                    LodeMaterial                material);
void    lode_model_heavy_to_makers (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y);

/* lode-model-magnets.c */
double  lode_model_stock_draw      (const Model                *m,
                                    const Year                 *w,
                                    LodeMaterial                material);
double  lode_model_stock_build     (const Model                *m,
                                    const Year                 *w,
                                    LodeMaterial                material);
double  lode_model_inventory_left  (int                         ti);
void    lode_model_remember_stock_build (Model                 *m,
                                         const LodeYear        *y);
void    lode_model_magnets         (Model                      *m,
                                    Year                       *w,
                                    LodeYear                   *y);

/* lode-model-fund.c */
void    lode_model_setup_instruments (Model                    *m);
void    lode_model_record_cohort   (Model                      *m,
                                    int                         ti,
                                    int                         kind,
                                    double                      capex);
void    lode_model_partner_funds   (Model                      *m,
                                    const Year                 *w,
                                    LodeYear                   *y);
void    lode_model_fund_accounts   (Model                      *m,
                                    const Year                 *w,
                                    LodeYear                   *y,
                                    const LodeYear             *prev);
void    lode_model_fund_summary    (const Model                *m,
                                    LodeProjection             *p);

/* lode-model-outputs.c */
void    lode_model_stage_figures   (const Model                *m,
                                    const Year                 *w,
                                    LodeYear                   *y);
void    lode_model_money           (Model                      *m,
                                    const Year                 *w,
                                    LodeYear                   *y,
                                    const LodeYear             *prev);
void    lode_model_society         (const Model                *m,
                                    const Year                 *w,
                                    LodeYear                   *y);

/* lode-model-year.c */
void    lode_model_year            (Model                      *m,
                                    int                         ti,
                                    LodeYear                   *y,
                                    const LodeYear             *prev);

static inline double
lode_clamp (double x,
            double lo,
            double hi)
{
  return x < lo ? lo : (x > hi ? hi : x);
}

static inline double
lode_safe_div (double a,
               double b)
{
  return b > 0 ? a / b : 0;
}

/* Zeroes `size` bytes at `base` but for n_holes holes of hole_size bytes, the first at
 * first_hole and each `stride` after the one before: arrays each step writes whole before
 * anything reads them, too big to zero for nothing. */
static inline void
lode_model_clear_but (void  *base,
                      gsize  size,
                      gsize  first_hole,
                      gsize  hole_size,
                      gsize  stride,
                      int    n_holes)
{
  char *bytes = base;
  gsize at = 0;

  for (int k = 0; k < n_holes; k++)
    {
      gsize hole = first_hole + k * stride;

      memset (bytes + at, 0, hole - at);
      at = hole + hole_size;
    }
  memset (bytes + at, 0, size - at);
}

/* Zeroes a flow matrix: the first n rows, which the trade writes, and the rows past them, in
 * two blocks. One block of 2 KiB is what gcc inlines as `rep stos` and glibc fills with
 * `rep stosb` (its threshold), both several times slower than the vector stores glibc uses
 * for the two smaller blocks. */
static inline void
lode_model_clear_flows (double flow[MAX_R][MAX_R],
                        guint  n)
{
  memset (flow, 0, sizeof (double) * MAX_R * n);
  memset (flow[n], 0, sizeof (double) * MAX_R * (MAX_R - n));
}

/* lode_model_buyer_content () of everything buyer `to` got from sellers other than itself:
 * one row of the chain's contents, by seller. */
static inline const double *
lode_model_bought_content (const Model     *m,
                           const LodeChain *c,
                           LodeStage        stage,
                           guint            to)
{
  if (to == m->us)
    return c->china_content_to_us[stage];
  if (m->aligned[to])
    return c->china_content_to_allies[stage];
  return c->china_content_to_others[stage];
}

/* lode_model_mix_content () folded into the loops that sum a region's inputs anyway: start
 * with the extra input, add each flow that reached the region (in the sellers' order) with
 * the content the region bought it at, then read the content off. */
typedef struct
{
  double mass;
  double china;
} LodeMix;

static inline void
lode_mix_init (LodeMix *x,
               double   extra,
               double   extra_content)
{
  x->mass = extra;
  x->china = extra * extra_content;
}

static inline void
lode_mix_add (LodeMix *x,
              double   f,
              double   content)
{
  if (f <= 0)
    return;
  x->mass += f;
  x->china += f * content;
}

static inline double
lode_mix_content (const Model   *m,
                  guint          r,
                  const LodeMix *x)
{
  if (r == m->cn)
    return 1;
  return x->mass > 0 ? lode_clamp (x->china / x->mass, 0, 1) : 0;
}

/* The content buyer r paid for the flow from seller i, given `bought`, r's row of the
 * chain's contents (lode_model_bought_content ()). */
static inline double
lode_mix_seller_content (const LodeChain *c,
                         LodeStage        upstream,
                         const double    *bought,
                         guint            i,
                         guint            r)
{
  return i == r ? c->china_content_own[upstream][r] : bought[i];
}

/* Output factor of one year of age k (0 = first year) on the stage's ramp profile. */
static inline double
lode_ramp_factor (const Model *m,
                  LodeStage    stage,
                  int          k,
                  double       steady)
{
  if (k < 0)
    return 0;
  if (k < 4)
    return MIN (m->ramp[stage][k], steady);
  return steady;
}

/* Nameplate fraction online and output factor in year t of capacity starting at
 * start + phi; a fractional start interpolates between the two whole years around it. */
static inline void
lode_unit_online (const Model *m,
                  LodeStage    stage,
                  int          start,
                  double       phi,
                  int          t,
                  double       steady,
                  double      *out_plate,
                  double      *out_output)
{
  int k = t - start;

  if (k < 0)
    {
      *out_plate = 0;
      *out_output = 0;
      return;
    }
  *out_plate = (1 - phi) + (k >= 1 ? phi : 0);
  *out_output = (1 - phi) * lode_ramp_factor (m, stage, k, steady) +
                phi * lode_ramp_factor (m, stage, k - 1, steady);
}

G_END_DECLS
