/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeBands — how sure we are: a Monte Carlo over the estimated (basis E) numbers of the
 * dataset. Each run draws every estimate from a triangular distribution over its low..high
 * with its value as the mode (lode-analysis.h gives the ranges; a region's 2024 output of a
 * stage is drawn with its capacity there, as LodeInput.link says), runs the scenario to its
 * horizon and records every per-year figure; the 10th, 50th and 90th percentiles of each
 * figure in each year make the bands. Run i draws from its own generator, seeded by the seed
 * and i, so the same seed gives the same bands whatever the number of threads.
 * Immutable, ref-counted. Model library: GLib/GIO only.
 */
#pragma once

#include "lode-analysis.h"

G_BEGIN_DECLS

#define LODE_BANDS_DEFAULT_RUNS 1000
#define LODE_BANDS_DEFAULT_SEED 2024
#define LODE_BANDS_MAX_RUNS     100000

/* Beyond the figures of lode_year_figures(): public spend plus price-floor cost, cumulative
 * (the public cost chart's line). */
#define LODE_BANDS_KEY_PUBLIC_COST_CUM "public_cost_cumulative_busd"

typedef struct _LodeBands LodeBands;

struct _LodeBands
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  guint         n_runs;
  guint         n_failed;       /* runs the model refused (left out of the percentiles) */
  guint64       seed;
  guint         n_parameters;   /* the estimates drawn */
  guint         n_default_ranges;
  LodeMaterial  material;       /* of the per-material figures */
  int           first_year;
  int           n_years;
  guint         n_keys;
  const char  **keys;           /* static strings */
  double       *p10;            /* [key * n_years + year - first_year] */
  double       *p50;
  double       *p90;
};

LodeBands  *lode_bands_run              (LodeAnalysisModel    *model,
                                         guint                 n_runs,
                                         guint64               seed,
                                         LodeMaterial          material,
                                         GCancellable         *cancellable,
                                         GError              **error) G_GNUC_WARN_UNUSED_RESULT;
LodeBands  *lode_bands_ref              (LodeBands            *self);
void        lode_bands_unref            (LodeBands            *self);

/* The percentiles of `key` per year (n_years values each), or FALSE for an unknown key. */
gboolean    lode_bands_lookup           (const LodeBands      *self,
                                         const char           *key,
                                         const double        **out_p10,
                                         const double        **out_p50,
                                         const double        **out_p90);
/* The --csv of `projection` (lode_figures_write_csv()) with KEY.p10, KEY.p50 and KEY.p90
 * columns after it for every per-year figure. */
void        lode_bands_write_csv        (const LodeBands      *self,
                                         const LodeProjection *projection,
                                         GString              *out);
/* What the export footer says: runs, seed, what was drawn and how. Translated. */
char       *lode_bands_dup_assumptions  (const LodeBands      *self) G_GNUC_WARN_UNUSED_RESULT;

/* The value of a figure of lode_year_figures() or LODE_BANDS_KEY_PUBLIC_COST_CUM. */
double      lode_bands_figure_value     (const char           *key,
                                         const LodeYear       *year,
                                         LodeMaterial          material);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeBands, lode_bands_unref)

G_END_DECLS
