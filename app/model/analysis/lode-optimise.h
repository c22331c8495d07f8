/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The optimiser — what is best: the smallest fund, and its split across mine / separation /
 * metal / magnet / recycling, whose China-free share of US magnet demand reaches a target by
 * a year (goal seek); or the split of a given fund that brings that share highest. Everything
 * else stays as the scenario has it (deployment years, leverage, policies); locked shares
 * keep their value.
 *
 * The split is found by a pattern search on the shares (moves of share between two unlocked
 * uses, halving the step when no move helps; the uses' pure splits as starting points), the
 * smallest fund by bisection with a fresh split at each size. The answer is rounded (fund up
 * to $0.1 bn, shares to 0.1 %) and checked again: it reaches the target, and the same split
 * with a 5 % smaller fund does not (the result says so if it does).
 * Model library: GLib/GIO only.
 */
#pragma once

#include "lode-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_OPTIMISE_SMALLEST_FUND,   /* the smallest fund reaching the target by the year */
  LODE_OPTIMISE_BEST_SPLIT,      /* the best split of fund_busd for the share in the year */
} LodeOptimiseGoal;

typedef struct
{
  LodeOptimiseGoal goal;
  double           target;                       /* 0..1 */
  int              year;
  double           fund_busd;                    /* BEST_SPLIT; < 0: the scenario's */
  gboolean         locked[LODE_N_FUND_KINDS];    /* held at the scenario's shares */
} LodeOptimiseRequest;

typedef struct _LodeOptimiseResult LodeOptimiseResult;

struct _LodeOptimiseResult
{
  /*< private >*/
  gatomicrefcount     ref_count;

  /*< public, read-only >*/
  LodeOptimiseRequest request;
  gboolean            reached;                   /* value >= target */
  double              fund_busd;
  double              shares[LODE_N_FUND_KINDS]; /* percent, sum 100 */
  double              value;                     /* the share in the year with them */
  double              start_value;               /* the scenario's share as it was */
  double              smaller_value;             /* 95 % of the fund, same split (NaN for a
                                                  * best split) */
  guint               n_runs;
  char               *note;                      /* translated, or NULL */
};

/* Smallest fund for 50 % by 2030, nothing locked. */
void                lode_optimise_request_init  (LodeOptimiseRequest       *request);
/* "share=0.5,year=2030" (the smallest fund), with "fund=20" the best split of $20 bn; a share
 * may be written 0.5 or 50%. Fields not given keep their value. */
gboolean            lode_optimise_request_parse (LodeOptimiseRequest       *request,
                                                 const char                *text,
                                                 GError                   **error);

LodeOptimiseResult *lode_optimise_run           (LodeAnalysisModel         *model,
                                                 const LodeOptimiseRequest *request,
                                                 GCancellable              *cancellable,
                                                 GError                   **error)
                                                 G_GNUC_WARN_UNUSED_RESULT;
/* The same on a worker thread; the callback runs in the caller's main context. */
void                lode_optimise_run_async     (LodeAnalysisModel         *model,
                                                 const LodeOptimiseRequest *request,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
LodeOptimiseResult *lode_optimise_run_finish    (GAsyncResult              *result,
                                                 GError                   **error)
                                                 G_GNUC_WARN_UNUSED_RESULT;
LodeOptimiseResult *lode_optimise_result_ref    (LodeOptimiseResult        *self);
void                lode_optimise_result_unref  (LodeOptimiseResult        *self);

/* Gives `scenario` the result's fund and split (two changes: group them in one undo step). */
gboolean            lode_optimise_result_apply  (const LodeOptimiseResult  *self,
                                                 LodeScenario              *scenario,
                                                 GError                   **error);
/* The answer as `key: value` lines (optimise_fund_busd, optimise_alloc.USE, optimise_share,
 * optimise_reached, ...), with the --set arguments that reproduce it and the note. */
void                lode_optimise_write_summary (const LodeOptimiseResult  *self,
                                                 GString                   *out);
/* What an export or the window says about how it was found, translated. */
char               *lode_optimise_dup_assumptions (const LodeOptimiseResult *self)
                                                   G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeOptimiseResult, lode_optimise_result_unref)

G_END_DECLS
