/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The analyses — what no peer offers: which inputs matter most (lode-sensitivity.h), how sure
 * the projection is (lode-bands.h), which fund and split reach a target (lode-optimise.h),
 * where the next dollar goes (lode-marginal.h) and what changed in the flows
 * (lode-flow-diff.h); LodeAnalyses (lode-analyses.h) runs them in the background for the
 * window.
 *
 * This header holds what they share. An analysis runs on a LodeAnalysisModel: a frozen copy
 * of a dataset and a scenario (later changes to the scenario do not reach it), the inputs it
 * may vary (every lever over its range; every estimated (basis E) number of the dataset over
 * its low..high) and, for the tests, a way to stand in a toy model with known answers. The
 * runs spread over the processors: each thread gets a runner, its own copy of the dataset and
 * the scenario, so the model (pure, allocating only its result) runs side by side.
 *
 * Ranges of dataset numbers (lode_analysis_param_range()): the file's low and high where it
 * gives them; otherwise ±30 % of the value for an estimate (lode_cited_range()), kept within
 * what the number can be — fractions (recoveries, yields, utilisation, ramp-up, ore shares,
 * learning rates, end-use and trade shares) stay within 0..1, an overrun never falls below 1
 * and no number changes sign — and centred on the value (a bound that cuts one side cuts the
 * other as much). Only estimates vary: seen and derived numbers hold.
 *
 * Model library: GLib/GIO only.
 */
#pragma once

#include <gio/gio.h>

#include "lode-figures.h"
#include "lode-projection.h"

G_BEGIN_DECLS

#define LODE_ANALYSIS_ERROR (lode_analysis_error_quark ())

typedef enum
{
  LODE_ANALYSIS_ERROR_INVALID,    /* a bad output, year, target or request */
  LODE_ANALYSIS_ERROR_MODEL,      /* the model refused the scenario */
} LodeAnalysisError;

/* The spread of the default range of an estimate without a range in the file. */
#define LODE_ANALYSIS_DEFAULT_SPREAD 0.3

typedef enum
{
  LODE_INPUT_LEVER,
  LODE_INPUT_PARAMETER,
} LodeInputKind;

typedef enum
{
  LODE_RANGE_LEVER,       /* a lever's min..max (a switch: 0..1) */
  LODE_RANGE_DATASET,     /* the dataset file's low..high */
  LODE_RANGE_DEFAULT,     /* the default rule for an estimate without one */
} LodeRangeSource;

/* One input an analysis may vary. */
typedef struct
{
  char           *id;       /* lever id ("fund.size_busd") or dataset name ("param.cost-band") */
  LodeInputKind   kind;
  guint           index;    /* LodeLever, or index into lode_dataset_list_numbers() */
  double          value;    /* the scenario's lever value, the dataset's number */
  double          low;
  double          high;
  LodeRangeSource range;
  /* The input drawn with this one in a Monte Carlo (a region's 2024 output of a stage moves
   * with its capacity there: the model raises capacity to output), by index in the model's
   * inputs; -1 for none. */
  int             link;
} LodeInput;

/* What an analysis measures: a per-year figure (lode-figures.h) of a material in a year. */
typedef struct
{
  const LodeYearFigure *figure;
  LodeMaterial          material;
  int                   year;
} LodeOutput;

/* The default output: the joint China-free share of US magnet demand in 2030. */
#define LODE_ANALYSIS_DEFAULT_KEY  "china_free_share_us_demand"
#define LODE_ANALYSIS_DEFAULT_YEAR 2030

GQuark        lode_analysis_error_quark     (void);

/* `key` NULL: the default output. Fails for an unknown key. */
gboolean      lode_output_init              (LodeOutput           *output,
                                             const char           *key,
                                             LodeMaterial          material,
                                             int                   year,
                                             GError              **error);
/* NaN when the projection does not reach the year. */
double        lode_output_value             (const LodeOutput     *output,
                                             const LodeProjection *projection);
/* "China-free share of US magnet demand, 2030", translated where the figure has a name. */
char         *lode_output_dup_label         (const LodeOutput     *output)
                                             G_GNUC_WARN_UNUSED_RESULT;
/* TRUE for figures that are fractions (shown as percentages). */
gboolean      lode_output_is_share          (const LodeOutput     *output);

/* The range of a dataset number (see above). `name` is its lode_dataset_list_numbers() name.
 * Returns its source. */
LodeRangeSource lode_analysis_param_range   (const char           *name,
                                             const LodeCited      *cited,
                                             double               *out_low,
                                             double               *out_high);
/* A readable name for an input: the lever's label, or one made from a dataset name
 * ("China NdPr cash cost" for "region.CN.ndpr.cash-cost"). Translated. */
char         *lode_analysis_dup_input_label (const LodeDataset    *dataset,
                                             const LodeInput      *input) G_GNUC_WARN_UNUSED_RESULT;

/* The model an analysis runs on. */
typedef struct _LodeAnalysisModel LodeAnalysisModel;

/* A stand-in model for tests: each thread gets a runner from runner_new; set() gives an
 * input a value in it, reset() restores every input, run() computes a projection up to
 * `horizon` (or NULL with an error). `set_fund` (may be NULL) gives the fund a size and a
 * split for the optimiser and the marginal values. */
typedef struct
{
  gpointer        (*runner_new)  (gpointer        model_data);
  void            (*runner_free) (gpointer        runner);
  void            (*set)         (gpointer        runner,
                                  const LodeInput *input,
                                  double          value);
  void            (*set_fund)    (gpointer        runner,
                                  double          fund_busd,
                                  const double    shares[LODE_N_FUND_KINDS]);
  void            (*reset)       (gpointer        runner);
  LodeProjection *(*run)         (gpointer        runner,
                                  int             horizon,
                                  GError        **error);
} LodeAnalysisModelFuncs;

/* A frozen copy of `scenario` on `dataset`, with every lever and every estimated dataset
 * number whose range is not empty as inputs (levers first, in lever order). */
LodeAnalysisModel *lode_analysis_model_new        (LodeDataset                  *dataset,
                                                   LodeScenario                 *scenario)
                                                   G_GNUC_WARN_UNUSED_RESULT;
/* A stand-in: `inputs` (LodeInput *, taken) and the projection's `horizon`. */
LodeAnalysisModel *lode_analysis_model_new_custom (const LodeAnalysisModelFuncs *funcs,
                                                   gpointer                      model_data,
                                                   GDestroyNotify                data_free,
                                                   LodeDataset                  *dataset,
                                                   GPtrArray                    *inputs,
                                                   int                           horizon)
                                                   G_GNUC_WARN_UNUSED_RESULT;
LodeAnalysisModel *lode_analysis_model_ref        (LodeAnalysisModel            *self);
void               lode_analysis_model_unref      (LodeAnalysisModel            *self);

LodeDataset       *lode_analysis_model_get_dataset  (LodeAnalysisModel          *self);
/* The frozen scenario (NULL for a stand-in). Do not change it. */
LodeScenario      *lode_analysis_model_get_scenario (LodeAnalysisModel          *self);
int                lode_analysis_model_get_horizon  (LodeAnalysisModel          *self);
/* LodeInput *, levers then parameters. */
GPtrArray         *lode_analysis_model_get_inputs   (LodeAnalysisModel          *self);
guint              lode_analysis_model_count_inputs (LodeAnalysisModel          *self,
                                                     LodeInputKind               kind);
/* Narrows every parameter's range towards its value by `factor` (0: no uncertainty left,
 * 1: as it was); levers keep theirs. */
void               lode_analysis_model_scale_ranges (LodeAnalysisModel          *self,
                                                     double                      factor);
/* Work in the background: the jobs run on threads of lower priority (niceness 10 on Linux),
 * so a window's own thread keeps its processor. The calling thread then only waits. */
void               lode_analysis_model_set_background (LodeAnalysisModel        *self,
                                                       gboolean                  background);
/* How many threads run side by side: the processors, at most 8; 0 restores that. */
void               lode_analysis_model_set_n_threads (LodeAnalysisModel         *self,
                                                      guint                      n_threads);
guint              lode_analysis_model_get_n_threads (LodeAnalysisModel         *self);
/* "mine", "separation", "metal", "magnet", "recycling": what the fund allocates to. */
const char        *lode_fund_kind_id                (guint                       kind);
/* Translated, "Separation", "Recycling". */
const char        *lode_fund_kind_name              (guint                       kind);
/* The fund size and split (LODE_N_FUND_KINDS shares, percent) of the frozen scenario. */
void               lode_analysis_model_get_fund     (LodeAnalysisModel          *self,
                                                     double                     *out_fund_busd,
                                                     double                     *out_shares);

/* What a job of lode_analysis_model_parallel() gets: its runner and number. */
typedef struct _LodeAnalysisRunner LodeAnalysisRunner;

typedef void (*LodeAnalysisJobFunc) (LodeAnalysisRunner *runner,
                                     guint               job,
                                     gpointer            user_data);

/* Runs jobs 0 .. n_jobs - 1 on the model's threads (the calling one among them), each
 * thread with its own runner (kept by the model for its next calls), which is reset before
 * every job. Returns FALSE, with the
 * cancellable's error, when cancelled (jobs not yet started are skipped). */
gboolean        lode_analysis_model_parallel   (LodeAnalysisModel   *self,
                                                guint                n_jobs,
                                                LodeAnalysisJobFunc  job,
                                                gpointer             user_data,
                                                GCancellable        *cancellable,
                                                GError             **error);

/* In a job: change the runner's copy, then run it up to `horizon` (clamped to what the model
 * allows, from the base year + 1 to the frozen scenario's horizon). */
void            lode_analysis_runner_set       (LodeAnalysisRunner  *runner,
                                                const LodeInput     *input,
                                                double               value);
void            lode_analysis_runner_set_fund  (LodeAnalysisRunner  *runner,
                                                double               fund_busd,
                                                const double         shares[LODE_N_FUND_KINDS]);
LodeProjection *lode_analysis_runner_run       (LodeAnalysisRunner  *runner,
                                                int                  horizon,
                                                GError             **error)
                                                G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeAnalysisModel, lode_analysis_model_unref)

G_END_DECLS
