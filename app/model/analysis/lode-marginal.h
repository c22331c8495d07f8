/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeMarginal — where the next dollar goes: for each of the fund's five uses (mine,
 * separation, metal, magnet, recycling), the scenario rerun with $1 bn more in the fund, all of
 * it in that use (the fund grows by $1 bn; the other uses keep their money; same start and
 * deployment years). What it adds to China-free magnets reaching US use, per year, is the
 * marginal value of that use; the years it brings the target forward are its years gained.
 * The use with the highest value in a year is the binding bottleneck.
 * Immutable, ref-counted. Model library: GLib/GIO only.
 */
#pragma once

#include "lode-analysis.h"

G_BEGIN_DECLS

/* The extra money each use gets, $ bn. */
#define LODE_MARGINAL_STEP_BUSD 1.0
/* Below this many tonnes per $1 bn a use is no bottleneck. */
#define LODE_MARGINAL_MIN_T     0.5

typedef struct _LodeMarginal LodeMarginal;

struct _LodeMarginal
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  double  step_busd;                          /* the extra money, LODE_MARGINAL_STEP_BUSD */
  double  fund_busd;                          /* the scenario's fund */
  double  target;                             /* the share the years gained count to, 0..1 */
  int     first_year;
  int     n_years;
  double *base_t;                             /* US China-free magnets, t, per year */
  double *use_t[LODE_N_FUND_KINDS];           /* the same with $1 bn more in that use */
  int     base_reached;                       /* first year at the target, 0 never */
  int     use_reached[LODE_N_FUND_KINDS];
};

LodeMarginal *lode_marginal_run              (LodeAnalysisModel  *model,
                                              double              target,
                                              GCancellable       *cancellable,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;
LodeMarginal *lode_marginal_ref              (LodeMarginal       *self);
void          lode_marginal_unref            (LodeMarginal       *self);

/* Extra China-free US magnet tonnes in `year` per $1 bn in use `kind` (NaN outside). */
double        lode_marginal_t_per_busd       (const LodeMarginal *self,
                                              guint               kind,
                                              int                 year);
/* Years the target comes sooner; when the scenario never reaches it but the use does, the
 * years before the horizon's end (at least that many). 0 when it does not help. */
int           lode_marginal_years_gained     (const LodeMarginal *self,
                                              guint               kind);
/* The use with the highest value in `year`, or -1 when none reaches LODE_MARGINAL_MIN_T. */
int           lode_marginal_best             (const LodeMarginal *self,
                                              int                 year);
/* The year a view of the values shows for a selected one: that year when the analysis covers
 * it (after the base year), else 2035 (money committed from 2026 has had time to build any
 * stage), else the last year. */
int           lode_marginal_shown_year       (const LodeMarginal *self,
                                              int                 selected_year);
/* `--summary` lines: "marginal_year: Y", "marginal_t_per_busd.USE: …" and
 * "marginal_years_gained.USE: …" for each use, "marginal_bottleneck: USE|none". */
void          lode_marginal_write_summary    (const LodeMarginal *self,
                                              int                 year,
                                              GString            *out);
/* What the export footer says, translated. */
char         *lode_marginal_dup_assumptions  (const LodeMarginal *self,
                                              int                 year) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeMarginal, lode_marginal_unref)

G_END_DECLS
