/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-optimise.c — goal seek on the fund and a pattern search on its split. */

#define G_LOG_DOMAIN "lode-optimise"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-format.h"
#include "lode-optimise.h"

/* The search: the first step moves a quarter of the free share, the last 0.5 %. */
#define FIRST_STEP_SHARE 0.25
#define LAST_STEP        0.5
/* Bisection stops when the fund is known within this share of itself (or $1 m). */
#define FUND_PRECISION   0.005
#define FUND_FLOOR_BUSD  0.001
/* The answer's rounding: fund up to three significant digits (at most 1 % more, well inside
 * the 5 % check; $3.62 bn, $0.214 bn), at least $1 m; shares to 0.1 %. */
#define FUND_DIGITS      3
#define SHARE_ROUNDING   0.1
/* The check on the answer: a fund this much smaller must miss the target. */
#define SMALLER_FACTOR   0.95
/* Values closer than this are equal (the tie-break decides). */
#define EPS              1e-9
/* Each pass may have to move the fund again; this many at most. */
#define MAX_PASSES       12
#define MAX_CANDIDATES   (1 + LODE_N_FUND_KINDS * LODE_N_FUND_KINDS)

/* A fund and split, and what they give. */
typedef struct
{
  double fund;
  double shares[LODE_N_FUND_KINDS];
  double value;      /* the share in the year */
  double tiebreak;   /* the mean share up to the year: sooner is better */
} Candidate;

typedef struct
{
  LodeAnalysisModel         *model;
  const LodeOptimiseRequest *request;
  GCancellable              *cancellable;
  double                     start_shares[LODE_N_FUND_KINDS];
  guint                      n_runs;
  /* The batch being evaluated. */
  Candidate                 *batch;
  guint                      n_batch;
} Search;

static void
evaluate_job (LodeAnalysisRunner *runner,
              guint               job,
              gpointer            user_data)
{
  Search *s = user_data;
  Candidate *c = &s->batch[job];
  g_autoptr(LodeProjection) projection = NULL;
  double sum = 0;
  int n = 0;

  lode_analysis_runner_set_fund (runner, c->fund, c->shares);
  projection = lode_analysis_runner_run (runner, s->request->year, NULL);
  c->value = -1;
  c->tiebreak = -1;
  if (projection == NULL)
    return;
  for (int y = projection->base_year; y <= s->request->year; y++, n++)
    sum += lode_projection_get_year (projection, y)->china_free_share_us_demand;
  c->value = lode_projection_get_year (projection, s->request->year)->china_free_share_us_demand;
  c->tiebreak = n > 0 ? sum / n : 0;
}

static gboolean
evaluate (Search     *s,
          Candidate  *batch,
          guint       n,
          GError    **error)
{
  s->batch = batch;
  s->n_batch = n;
  s->n_runs += n;
  return lode_analysis_model_parallel (s->model, n, evaluate_job, s, s->cancellable, error);
}

static gboolean
better (const Candidate *a,
        const Candidate *b)
{
  if (a->value > b->value + EPS)
    return TRUE;
  return fabs (a->value - b->value) <= EPS && a->tiebreak > b->tiebreak + EPS;
}

static double
free_total (const Search *s)
{
  double total = 100.0;

  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    if (s->request->locked[k])
      total -= s->start_shares[k];
  return MAX (total, 0.0);
}

/* The best of the start and the pure splits (all free share in one use). */
static gboolean
search_start (Search     *s,
              Candidate  *current,
              GError    **error)
{
  Candidate batch[MAX_CANDIDATES];
  guint n = 0;

  batch[n++] = *current;
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      Candidate c = *current;

      if (s->request->locked[k])
        continue;
      for (guint j = 0; j < LODE_N_FUND_KINDS; j++)
        if (!s->request->locked[j])
          c.shares[j] = 0;
      c.shares[k] = free_total (s);
      batch[n++] = c;
    }
  if (!evaluate (s, batch, n, error))
    return FALSE;
  *current = batch[0];
  for (guint i = 1; i < n; i++)
    if (better (&batch[i], current))
      *current = batch[i];
  return TRUE;
}

/* Every move of `step` share (or what there is) from one unlocked use to another. */
static guint
moves (const Search    *s,
       const Candidate *current,
       double           step,
       Candidate       *out)
{
  guint n = 0;

  for (guint from = 0; from < LODE_N_FUND_KINDS; from++)
    for (guint to = 0; to < LODE_N_FUND_KINDS; to++)
      {
        double d = MIN (step, current->shares[from]);
        Candidate c = *current;

        if (from == to || s->request->locked[from] || s->request->locked[to] || d <= 0)
          continue;
        c.shares[from] -= d;
        c.shares[to] += d;
        out[n++] = c;
      }
  return n;
}

/* The best split of `current->fund`, starting from `current`'s. */
static gboolean
search_split (Search     *s,
              Candidate  *current,
              GError    **error)
{
  double step = free_total (s) * FIRST_STEP_SHARE;
  guint n_free = 0;

  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    n_free += s->request->locked[k] ? 0 : 1;
  if (current->fund <= 0 || n_free < 2)
    {
      if (!evaluate (s, current, 1, error))
        return FALSE;
      return TRUE;
    }
  if (!search_start (s, current, error))
    return FALSE;

  while (step >= LAST_STEP)
    {
      Candidate batch[MAX_CANDIDATES];
      guint n = moves (s, current, step, batch);
      gboolean moved = FALSE;

      if (!evaluate (s, batch, n, error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (better (&batch[i], current))
          {
            *current = batch[i];
            moved = TRUE;
          }
      if (!moved)
        step /= 2;
    }
  return TRUE;
}

/* The rounding step of a fund: its third significant digit, at least FUND_FLOOR_BUSD. */
static double
fund_step (double fund)
{
  if (!(fund > FUND_FLOOR_BUSD))
    return FUND_FLOOR_BUSD;
  return MAX (pow (10, floor (log10 (fund)) + 1 - FUND_DIGITS), FUND_FLOOR_BUSD);
}

/* Fund up to its step, the unlocked shares to SHARE_ROUNDING keeping their total. */
static void
round_candidate (const Search *s,
                 Candidate    *c)
{
  double total = free_total (s), rounded = 0, step = fund_step (c->fund);
  int last = -1;

  c->fund = ceil (c->fund / step - 1e-6) * step;
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      if (s->request->locked[k])
        continue;
      c->shares[k] = round (c->shares[k] / SHARE_ROUNDING) * SHARE_ROUNDING;
      rounded += c->shares[k];
      if (last < 0 || c->shares[k] > c->shares[last])
        last = (int) k;
    }
  if (last >= 0)
    c->shares[last] = MAX (c->shares[last] + total - rounded, 0.0);
}

/* The smallest fund in (lo, hi] reaching the target; `best` holds hi's split on entry (it
 * reaches) and the answer on return. */
static gboolean
bisect_fund (Search     *s,
             double      lo,
             Candidate  *best,
             GError    **error)
{
  while (best->fund - lo > MAX (FUND_PRECISION * best->fund, FUND_FLOOR_BUSD))
    {
      Candidate mid = *best;

      mid.fund = (lo + best->fund) / 2;
      if (!search_split (s, &mid, error))
        return FALSE;
      if (mid.value >= s->request->target)
        *best = mid;
      else
        lo = mid.fund;
    }
  return TRUE;
}

/* Rounds the answer and checks it: it reaches (else the fund grows a step at a time), and
 * 95 % of it does not (else the search goes on below it). */
static gboolean
settle (Search              *s,
        Candidate           *best,
        LodeOptimiseResult  *result,
        GError             **error)
{
  double max_fund = lode_lever_info (LODE_LEVER_FUND_SIZE_BUSD)->max;

  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      Candidate smaller;

      round_candidate (s, best);
      best->fund = MIN (best->fund, max_fund);
      if (!evaluate (s, best, 1, error))
        return FALSE;
      while (best->value < s->request->target && best->fund + fund_step (best->fund) <= max_fund)
        {
          best->fund += fund_step (best->fund);
          if (!evaluate (s, best, 1, error))
            return FALSE;
        }
      smaller = *best;
      smaller.fund = best->fund * SMALLER_FACTOR;
      if (!evaluate (s, &smaller, 1, error))
        return FALSE;
      result->smaller_value = smaller.value;
      if (smaller.value < s->request->target || smaller.fund <= FUND_FLOOR_BUSD)
        return TRUE;
      if (pass + 1 == MAX_PASSES)
        break;
      /* The smaller fund reaches too: look below it. */
      *best = smaller;
      if (!bisect_fund (s, 0, best, error))
        return FALSE;
    }
  /* Translators: the optimiser's answer when less money does as well (the share does not
   * grow steadily with the fund) */
  /* xgettext:no-c-format */
  result->note = g_strdup (_("A fund 5% smaller reaches the target too: here the share does "
                             "not grow steadily with the fund."));
  return TRUE;
}

static gboolean
smallest_fund (Search              *s,
               Candidate           *best,
               LodeOptimiseResult  *result,
               GError             **error)
{
  double max_fund = lode_lever_info (LODE_LEVER_FUND_SIZE_BUSD)->max;
  g_autofree char *target = lode_format_share (s->request->target);
  Candidate none = *best;

  none.fund = 0;
  if (!evaluate (s, &none, 1, error))
    return FALSE;
  if (none.value >= s->request->target)
    {
      *best = none;
      result->smaller_value = none.value;
      result->note = g_strdup_printf (_("The scenario reaches %s by %d without a fund."), target,
                                      s->request->year);
      return TRUE;
    }

  best->fund = max_fund;
  if (!search_split (s, best, error))
    return FALSE;
  if (best->value < s->request->target)
    {
      g_autofree char *fund = lode_format_busd (max_fund, 0);
      g_autofree char *reached = lode_format_share (best->value);

      result->smaller_value = NAN;
      /* Translators: why the optimiser found no fund: "No fund up to $500 bn reaches 90% by
       * 2028: the best split of the largest fund reaches 61%. Money cannot build faster than
       * lead times and construction capacity allow." */
      result->note = g_strdup_printf (_("No fund up to %s reaches %s by %d: the best split of "
                                        "the largest fund reaches %s. Money cannot build "
                                        "faster than lead times and construction capacity "
                                        "allow."), fund, target, s->request->year, reached);
      return TRUE;
    }
  return bisect_fund (s, 0, best, error) && settle (s, best, result, error);
}

static gboolean
check_request (LodeAnalysisModel          *model,
               const LodeOptimiseRequest  *request,
               GError                    **error)
{
  int horizon = lode_analysis_model_get_horizon (model);
  guint n_locked = 0;

  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    n_locked += request->locked[k] ? 1 : 0;
  if (!(request->target >= 0 && request->target <= 1))
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad target share %g: choose a share from 0 to 1"), request->target);
      return FALSE;
    }
  if (request->year <= LODE_BASE_YEAR || request->year > horizon)
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad year %d: choose a year from %d to the horizon, %d"), request->year,
                   LODE_BASE_YEAR + 1, horizon);
      return FALSE;
    }
  if (request->goal == LODE_OPTIMISE_BEST_SPLIT && n_locked >= LODE_N_FUND_KINDS - 1)
    {
      g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                           _("Unlock at least two shares for the split to change"));
      return FALSE;
    }
  return TRUE;
}

void
lode_optimise_request_init (LodeOptimiseRequest *request)
{
  g_return_if_fail (request != NULL);

  *request = (LodeOptimiseRequest) {
    .goal = LODE_OPTIMISE_SMALLEST_FUND,
    .target = 0.5,
    .year = LODE_ANALYSIS_DEFAULT_YEAR,
    .fund_busd = -1,
  };
}

static gboolean
parse_share (const char *text,
             double     *out)
{
  g_autofree char *copy = g_strdup (text);
  gsize len = strlen (copy);
  gboolean percent = len > 0 && copy[len - 1] == '%';

  if (percent)
    copy[len - 1] = '\0';
  if (!lode_parse_plain_double (copy, out))
    return FALSE;
  if (percent)
    *out /= 100.0;
  return *out >= 0 && *out <= 1;
}

/* One "key=value" of a request into `request`; a refusal names the range the value may take. */
static gboolean
parse_part (LodeOptimiseRequest  *request,
            const char           *part,
            GError              **error)
{
  g_auto(GStrv) kv = g_strsplit (part, "=", 2);
  const LodeLeverInfo *fund = lode_lever_info (LODE_LEVER_FUND_SIZE_BUSD);
  const char *key = kv[0] != NULL && kv[1] != NULL ? kv[0] : "";
  double value = 0;

  if (g_str_equal (key, "share") || g_str_equal (key, "target"))
    {
      if (parse_share (kv[1], &request->target))
        return TRUE;
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad optimiser request “%s”: the share is a fraction from 0 to 1 "
                     "(0.5) or a percentage (50%%)"), part);
      return FALSE;
    }
  if (g_str_equal (key, "year"))
    {
      if (lode_parse_plain_double (kv[1], &value) && value == floor (value)
          && value > LODE_BASE_YEAR && value <= LODE_MAX_HORIZON)
        {
          request->year = (int) value;
          return TRUE;
        }
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad optimiser request “%s”: the year is a whole year from %d to %d"),
                   part, LODE_BASE_YEAR + 1, LODE_MAX_HORIZON);
      return FALSE;
    }
  if (g_str_equal (key, "fund"))
    {
      if (lode_parse_plain_double (kv[1], &value) && value >= fund->min && value <= fund->max)
        {
          request->fund_busd = value;
          request->goal = LODE_OPTIMISE_BEST_SPLIT;
          return TRUE;
        }
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad optimiser request “%s”: the fund is from %g to %g billion "
                     "dollars"), part, fund->min, fund->max);
      return FALSE;
    }
  g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
               _("Bad optimiser request “%s”: use share=0.5,year=2030 and, for the "
                 "best split of a fund, fund=BILLIONS"), part);
  return FALSE;
}

gboolean
lode_optimise_request_parse (LodeOptimiseRequest  *request,
                             const char           *text,
                             GError              **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!parse_part (request, g_strstrip (parts[i]), error))
      return FALSE;
  return TRUE;
}

LodeOptimiseResult *
lode_optimise_run (LodeAnalysisModel          *model,
                   const LodeOptimiseRequest  *request,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  g_autoptr(LodeOptimiseResult) result = NULL;
  Search s = { model, request, cancellable };
  Candidate start, best;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_request (model, request, error))
    return NULL;

  result = g_new0 (LodeOptimiseResult, 1);
  g_atomic_ref_count_init (&result->ref_count);
  result->request = *request;
  result->smaller_value = NAN;

  lode_analysis_model_get_fund (model, &start.fund, start.shares);
  memcpy (s.start_shares, start.shares, sizeof s.start_shares);
  if (!evaluate (&s, &start, 1, error))
    return NULL;
  result->start_value = start.value;
  best = start;

  if (request->goal == LODE_OPTIMISE_BEST_SPLIT)
    {
      if (request->fund_busd >= 0)
        best.fund = request->fund_busd;
      if (!search_split (&s, &best, error))
        return NULL;
      round_candidate (&s, &best);
      best.fund = request->fund_busd >= 0 ? request->fund_busd : start.fund;
      if (!evaluate (&s, &best, 1, error))
        return NULL;
    }
  else if (!smallest_fund (&s, &best, result, error))
    return NULL;

  if (best.value < 0)
    {
      g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_MODEL,
                           _("The model could not run the scenario"));
      return NULL;
    }
  result->fund_busd = best.fund;
  memcpy (result->shares, best.shares, sizeof result->shares);
  result->value = best.value;
  result->reached = best.value >= request->target;
  result->n_runs = s.n_runs;
  return g_steal_pointer (&result);
}

typedef struct
{
  LodeAnalysisModel   *model;
  LodeOptimiseRequest  request;
} AsyncRun;

static void
async_run_free (gpointer data)
{
  AsyncRun *run = data;

  lode_analysis_model_unref (run->model);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AsyncRun *run = task_data;
  GError *error = NULL;
  LodeOptimiseResult *result = lode_optimise_run (run->model, &run->request, cancellable,
                                                  &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) lode_optimise_result_unref);
}

void
lode_optimise_run_async (LodeAnalysisModel         *model,
                         const LodeOptimiseRequest *request,
                         GCancellable              *cancellable,
                         GAsyncReadyCallback        callback,
                         gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncRun *run;

  g_return_if_fail (model != NULL);
  g_return_if_fail (request != NULL);

  run = g_new0 (AsyncRun, 1);
  run->model = lode_analysis_model_ref (model);
  run->request = *request;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lode_optimise_run_async);
  g_task_set_task_data (task, run, async_run_free);
  g_task_run_in_thread (task, run_thread);
}

LodeOptimiseResult *
lode_optimise_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

LodeOptimiseResult *
lode_optimise_result_ref (LodeOptimiseResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_optimise_result_unref (LodeOptimiseResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->note);
  g_free (self);
}

gboolean
lode_optimise_result_apply (const LodeOptimiseResult  *self,
                            LodeScenario              *scenario,
                            GError                   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LODE_IS_SCENARIO (scenario), FALSE);

  return lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, self->fund_busd, error)
         && lode_scenario_set_allocation (scenario, self->shares, error);
}

/* "key: value" in the C locale, as --summary writes its figures. */
static void
append_figure (GString    *out,
               const char *key,
               double      value)
{
  g_autofree char *text = lode_format_c_number (value, 6);

  g_string_append_printf (out, "%s: %s\n", key, text);
}

void
lode_optimise_write_summary (const LodeOptimiseResult *self,
                             GString                  *out)
{
  g_autofree char *fund = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "optimise_goal: %s\n",
                          self->request.goal == LODE_OPTIMISE_SMALLEST_FUND ? "smallest_fund"
                                                                            : "best_split");
  append_figure (out, "optimise_target", self->request.target);
  g_string_append_printf (out, "optimise_year: %d\n", self->request.year);
  append_figure (out, "optimise_fund_busd", self->fund_busd);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      g_autofree char *key = g_strdup_printf ("optimise_alloc.%s", lode_fund_kind_id (k));

      append_figure (out, key, self->shares[k]);
    }
  append_figure (out, "optimise_share", self->value);
  append_figure (out, "optimise_start_share", self->start_value);
  append_figure (out, "optimise_smaller_fund_share", self->smaller_value);
  g_string_append_printf (out, "optimise_reached: %s\n", self->reached ? "yes" : "no");
  g_string_append_printf (out, "optimise_runs: %u\n", self->n_runs);
  fund = lode_format_c_number (self->fund_busd, 6);
  g_string_append_printf (out, "optimise_set: --set fund.size_busd=%s --set fund.alloc=",
                          fund);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      g_autofree char *share = lode_format_c_number (self->shares[k], 6);

      g_string_append_printf (out, "%s%s", k > 0 ? "," : "", share);
    }
  g_string_append_c (out, '\n');
  if (self->note != NULL)
    g_string_append_printf (out, "optimise_note: %s\n", self->note);
}

char *
lode_optimise_dup_assumptions (const LodeOptimiseResult *self)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  target = lode_format_share (self->request.target);
  if (self->request.goal == LODE_OPTIMISE_BEST_SPLIT)
    /* Translators: how the optimiser's answer was found: "Best split for the China-free share
     * of US magnet demand in 2030; 412 runs" */
    return g_strdup_printf (_("Best split for the China-free share of US magnet demand in %d; "
                              "%u runs"), self->request.year, self->n_runs);
  /* Translators: "Smallest fund reaching 50% China-free by 2030, its split searched at each
   * size; 1,234 runs" */
  return g_strdup_printf (_("Smallest fund reaching %s China-free by %d, its split searched at "
                            "each size; %u runs"), target, self->request.year, self->n_runs);
}
