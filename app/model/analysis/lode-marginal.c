/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-marginal.c — $1 bn more in each of the fund's uses: what it adds, where it binds. */

#define G_LOG_DOMAIN "lode-marginal"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-format.h"
#include "lode-marginal.h"

typedef struct
{
  LodeMarginal *result;
  double        fund;
  double        shares[LODE_N_FUND_KINDS];
  gboolean      failed;
} Marginal;

/* The split of fund + step with the whole step in `kind` and the others' money unchanged. */
static void
split_with_step (const double  shares[LODE_N_FUND_KINDS],
                 double        fund,
                 double        step,
                 guint         kind,
                 double        out[LODE_N_FUND_KINDS])
{
  double rest = 0;

  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    if (k != kind)
      {
        out[k] = shares[k] * fund / (fund + step);
        rest += out[k];
      }
  out[kind] = 100.0 - rest;
}

static void
marginal_job (LodeAnalysisRunner *runner,
              guint               job,
              gpointer            user_data)
{
  Marginal *m = user_data;
  LodeMarginal *r = m->result;
  g_autoptr(LodeProjection) projection = NULL;
  double *out = job == 0 ? r->base_t : r->use_t[job - 1];

  if (job > 0)
    {
      double shares[LODE_N_FUND_KINDS];

      split_with_step (m->shares, m->fund, r->step_busd, job - 1, shares);
      lode_analysis_runner_set_fund (runner, m->fund + r->step_busd, shares);
    }
  projection = lode_analysis_runner_run (runner, r->first_year + r->n_years - 1, NULL);
  if (projection == NULL)
    {
      m->failed = TRUE;
      return;
    }
  for (int y = 0; y < r->n_years; y++)
    out[y] = lode_projection_get_year (projection, r->first_year + y)->us_china_free_magnet_t;
  if (job == 0)
    r->base_reached = lode_projection_first_year_reaching (projection, r->target);
  else
    r->use_reached[job - 1] = lode_projection_first_year_reaching (projection, r->target);
}

LodeMarginal *
lode_marginal_run (LodeAnalysisModel  *model,
                   double              target,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(LodeMarginal) self = NULL;
  const LodeLeverInfo *fund_info = lode_lever_info (LODE_LEVER_FUND_SIZE_BUSD);
  Marginal m = { 0 };

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(target >= 0 && target <= 1))
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad target %g: choose a share from 0 to 1"), target);
      return NULL;
    }

  self = g_new0 (LodeMarginal, 1);
  g_atomic_ref_count_init (&self->ref_count);
  lode_analysis_model_get_fund (model, &m.fund, m.shares);
  self->fund_busd = m.fund;
  /* At the top of the fund's range the step can only be what is left of it. */
  self->step_busd = MIN (LODE_MARGINAL_STEP_BUSD, fund_info->max - m.fund);
  self->target = target;
  self->first_year = LODE_BASE_YEAR;
  self->n_years = lode_analysis_model_get_horizon (model) - LODE_BASE_YEAR + 1;
  self->base_t = g_new0 (double, self->n_years);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    self->use_t[k] = g_new0 (double, self->n_years);
  m.result = self;

  if (!(self->step_busd > 0))
    {
      g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                           _("The fund is at its largest size: no dollar is left to add"));
      return NULL;
    }
  if (!lode_analysis_model_parallel (model, LODE_N_FUND_KINDS + 1, marginal_job, &m,
                                     cancellable, error))
    return NULL;
  if (m.failed)
    {
      g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_MODEL,
                           _("The model could not run the scenario"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

LodeMarginal *
lode_marginal_ref (LodeMarginal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_marginal_unref (LodeMarginal *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->base_t);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    g_free (self->use_t[k]);
  g_free (self);
}

double
lode_marginal_t_per_busd (const LodeMarginal *self,
                          guint               kind,
                          int                 year)
{
  double delta;
  int i;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (kind < LODE_N_FUND_KINDS, NAN);

  i = year - self->first_year;
  if (i < 0 || i >= self->n_years || !(self->step_busd > 0))
    return NAN;
  delta = self->use_t[kind][i] - self->base_t[i];
  /* What the model's rounding leaves is no change. */
  if (fabs (delta) <= 1e-9 * MAX (1.0, fabs (self->base_t[i])))
    delta = 0;
  return delta / self->step_busd;
}

int
lode_marginal_years_gained (const LodeMarginal *self,
                            guint               kind)
{
  int base;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind < LODE_N_FUND_KINDS, 0);

  if (self->use_reached[kind] == 0)
    return 0;
  base = self->base_reached != 0 ? self->base_reached : self->first_year + self->n_years;
  return MAX (base - self->use_reached[kind], 0);
}

int
lode_marginal_best (const LodeMarginal *self,
                    int                 year)
{
  int best = -1;
  double best_t = LODE_MARGINAL_MIN_T;

  g_return_val_if_fail (self != NULL, -1);

  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      double t = lode_marginal_t_per_busd (self, k, year);

      if (t >= best_t)
        {
          best = (int) k;
          best_t = t;
        }
    }
  return best;
}

int
lode_marginal_shown_year (const LodeMarginal *self,
                          int                 selected_year)
{
  int last;

  g_return_val_if_fail (self != NULL, LODE_BASE_YEAR);

  last = self->first_year + self->n_years - 1;
  if (selected_year > self->first_year && selected_year <= last)
    return selected_year;
  return MIN (2035, last);
}

void
lode_marginal_write_summary (const LodeMarginal *self,
                             int                 year,
                             GString            *out)
{
  int best;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "marginal_year: %d\n", year);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      g_string_append_printf (out, "marginal_t_per_busd.%s: ", lode_fund_kind_id (k));
      lode_figures_append_number (out, lode_marginal_t_per_busd (self, k, year));
      g_string_append_c (out, '\n');
    }
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    g_string_append_printf (out, "marginal_years_gained.%s: %d\n", lode_fund_kind_id (k),
                            lode_marginal_years_gained (self, k));
  best = lode_marginal_best (self, year);
  g_string_append_printf (out, "marginal_bottleneck: %s\n",
                          best >= 0 ? lode_fund_kind_id ((guint) best) : "none");
}

char *
lode_marginal_dup_assumptions (const LodeMarginal *self,
                               int                 year)
{
  g_autofree char *fund = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  target = lode_format_share (self->target);
  if (self->fund_busd > 0)
    {
      g_autofree char *busd = lode_format_busd (self->fund_busd, 1);

      /* Translators: what the marginal values add to: "on top of a $10.0 bn fund" */
      fund = g_strdup_printf (_("on top of a %s fund"), busd);
    }
  else
    /* Translators: what the marginal values add to when the plan has no fund */
    fund = g_strdup (_("where the plan has no fund"));
  /* Translators: the assumptions of the marginal-value chart in an export's footer: "Marginal
   * value: $1 bn more in one use on top of a $10.0 bn fund, same deployment years; China-free
   * US magnets in 2035; years gained on the 50% target" */
  return g_strdup_printf (_("Marginal value: $%g bn more in one use %s, same deployment years; "
                            "China-free US magnets in %d; years gained on the %s target"),
                          self->step_busd, fund, year, target);
}
