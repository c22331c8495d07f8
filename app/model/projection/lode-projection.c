/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-projection.c — the projection result (boxed, ref-counted) and lode_projection_run(),
 * which reads the scenario once into plain inputs, checks them and runs the model year by
 * year (lode-model-year.c).
 */
#define G_LOG_DOMAIN "lode-projection"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-allocation.h"
#include "lode-model.h"

G_DEFINE_BOXED_TYPE (LodeProjection, lode_projection, lode_projection_ref, lode_projection_unref)

G_DEFINE_QUARK (lode-projection-error-quark, lode_projection_error)

/* Only years[0 .. n_years - 1] are allocated: a projection to 2040 is 17 years, not 37. The
 * years are left for the caller to fill (lode_projection_compute() zeroes each one first). */
static LodeProjection *
projection_alloc (LodeDataset *dataset,
                  int          horizon,
                  gboolean     zero)
{
  gsize size = G_STRUCT_OFFSET (LodeProjection, years) +
               (gsize) (horizon - LODE_BASE_YEAR + 1) * sizeof (LodeYear);
  LodeProjection *self = zero ? g_malloc0 (size) : g_malloc (size);

  memset (self, 0, G_STRUCT_OFFSET (LodeProjection, years));
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = lode_dataset_ref (dataset);
  self->base_year = LODE_BASE_YEAR;
  self->horizon = horizon;
  self->n_years = horizon - LODE_BASE_YEAR + 1;
  self->n_regions = dataset->n_regions;
  return self;
}

static void
inputs_from_scenario (LodeProjectionInputs *in,
                      LodeDataset          *dataset,
                      LodeScenario         *scenario)
{
  guint n_user;

  memset (in, 0, sizeof *in);
  in->horizon = lode_scenario_get_horizon (scenario);
  for (int l = 0; l < LODE_N_LEVERS; l++)
    in->lever[l] = lode_scenario_get_lever (scenario, (LodeLever) l);
  for (guint r = 0; r < dataset->n_regions && r < LODE_MAX_REGIONS; r++)
    {
      in->ally[r] = lode_scenario_get_ally (scenario, r);
      in->shock_target[r] = lode_scenario_get_shock_target (scenario, r);
    }
  for (guint p = 0; p < dataset->n_projects && p < LODE_MAX_PROJECTS; p++)
    in->project_enabled[p] = lode_scenario_get_project_enabled (scenario, p);
  n_user = lode_scenario_get_n_user_projects (scenario);
  in->n_user_projects = n_user;
  for (guint p = 0; p < n_user && p < LODE_SCENARIO_MAX_USER_PROJECTS; p++)
    in->user_projects[p] = *lode_scenario_get_user_project (scenario, p);
}

static gboolean
check_levers (const LodeProjectionInputs  *in,
              GError                     **error)
{
  double shares[LODE_N_ALLOC];

  for (int l = 0; l < LODE_N_LEVERS; l++)
    {
      g_autoptr(GError) local = NULL;

      if (!lode_lever_validate ((LodeLever) l, in->lever[l], &local))
        {
          g_set_error (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                       "%s", local->message);
          return FALSE;
        }
    }
  for (int k = 0; k < LODE_N_ALLOC; k++)
    shares[k] = in->lever[LODE_LEVER_ALLOC_FIRST + k];
  if (!lode_allocation_is_valid (shares, 1e-6))
    {
      g_set_error_literal (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                           _("The fund allocation must add up to 100 %"));
      return FALSE;
    }
  return TRUE;
}

/* Zeroes a material's state but for what is written before it is read: the base-year trade
 * links (record_links() writes them in the base year, and only the first n_links are read)
 * and the years past the horizon in the yearly records that end the struct (nothing indexes
 * them): together two thirds of it. */
static void
clear_material (MatModel *mm,
                int       n_years)
{
  char *after_links = (char *) mm->links + sizeof mm->links;

  /* The yearly records, last and in this order. */
  G_STATIC_ASSERT (G_STRUCT_OFFSET (MatModel, links) < G_STRUCT_OFFSET (MatModel, started_in));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (MatModel, started_in) < G_STRUCT_OFFSET (MatModel, funded));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (MatModel, funded) < G_STRUCT_OFFSET (MatModel, induced));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (MatModel, induced) <
                   G_STRUCT_OFFSET (MatModel, started_regions));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (MatModel, started_regions) <
                   G_STRUCT_OFFSET (MatModel, supplied_hist));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (MatModel, supplied_hist) +
                   sizeof (((MatModel *) NULL)->supplied_hist) == sizeof (MatModel));

  memset (mm, 0, G_STRUCT_OFFSET (MatModel, links));
  memset (after_links, 0, (gsize) ((char *) mm->started_in - after_links));
  memset (mm->started_in, 0, n_years * sizeof mm->started_in[0]);
  memset (mm->funded, 0, n_years * sizeof mm->funded[0]);
  memset (mm->induced, 0, n_years * sizeof mm->induced[0]);
  memset (mm->started_regions, 0, n_years * sizeof mm->started_regions[0]);
  memset (mm->supplied_hist, 0, n_years * sizeof mm->supplied_hist[0]);
}

static void
compute (LodeProjection             *self,
         const LodeDataset          *dataset,
         const LodeProjectionInputs *inputs)
{
  g_autofree Model *m = g_new (Model, 1);
  gsize after_mat = G_STRUCT_OFFSET (Model, mat) + sizeof m->mat;

  memset (m, 0, G_STRUCT_OFFSET (Model, mat));
  for (int mat = 0; mat < N_MATERIALS; mat++)
    clear_material (&m->mat[mat], self->n_years);
  memset ((char *) m + after_mat, 0, sizeof *m - after_mat);
  lode_model_setup (m, dataset, inputs, self->n_years);
  for (int ti = 0; ti < self->n_years; ti++)
    lode_model_year (m, ti, &self->years[ti], ti > 0 ? &self->years[ti - 1] : NULL);
  lode_model_fund_summary (m, self);
}

/**
 * lode_projection_run:
 * @dataset: the reference dataset
 * @scenario: a scenario built on @dataset (or on a dataset with the same regions and projects)
 * @error: return location for a #LodeProjectionError
 *
 * Runs the model from the base year to the scenario's horizon. Deterministic and independent
 * of the locale; allocates only the result.
 *
 * Returns: (transfer full): the projection, or %NULL with @error set
 */
LodeProjection *
lode_projection_run (LodeDataset   *dataset,
                     LodeScenario  *scenario,
                     GError       **error)
{
  LodeProjectionInputs inputs;
  LodeDataset *scenario_dataset;
  LodeProjection *self;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (LODE_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lode_model_check_dataset (dataset, error))
    return NULL;

  scenario_dataset = lode_scenario_get_dataset (scenario);
  if (scenario_dataset != dataset &&
      (scenario_dataset == NULL ||
       scenario_dataset->n_regions != dataset->n_regions ||
       scenario_dataset->n_projects != dataset->n_projects))
    {
      g_set_error_literal (error, LODE_PROJECTION_ERROR, LODE_PROJECTION_ERROR_INVALID_SCENARIO,
                           _("The scenario was made for a dataset with different regions or "
                             "projects"));
      return NULL;
    }

  inputs_from_scenario (&inputs, dataset, scenario);
  if (!lode_model_check_inputs (dataset, &inputs, error) ||
      !check_levers (&inputs, error))
    return NULL;

  self = projection_alloc (dataset, inputs.horizon, FALSE);
  compute (self, dataset, &inputs);
  self->inputs = g_memdup2 (&inputs, sizeof inputs);
  /* The user projects' strings belong to the scenario, and the model never reads them. */
  for (guint p = 0; p < self->inputs->n_user_projects; p++)
    {
      self->inputs->user_projects[p].id = NULL;
      self->inputs->user_projects[p].name = NULL;
      self->inputs->user_projects[p].note = NULL;
    }
  return self;
}

/**
 * lode_projection_new_empty:
 * @dataset: the dataset the projection refers to
 * @horizon: last year, LODE_BASE_YEAR..LODE_MAX_HORIZON
 *
 * Returns: (transfer full): a zeroed projection with its years numbered
 */
LodeProjection *
lode_projection_new_empty (LodeDataset *dataset,
                           int          horizon)
{
  LodeProjection *self;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (horizon >= LODE_BASE_YEAR && horizon <= LODE_MAX_HORIZON, NULL);

  self = projection_alloc (dataset, horizon, TRUE);
  for (int i = 0; i < self->n_years; i++)
    self->years[i].year = LODE_BASE_YEAR + i;
  return self;
}

LodeProjection *
lode_projection_ref (LodeProjection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_projection_unref (LodeProjection *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->dataset, lode_dataset_unref);
      g_free (self->inputs);
      g_free (self);
    }
}

LodeDataset *
lode_projection_get_dataset (const LodeProjection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

const LodeYear *
lode_projection_get_year (const LodeProjection *self,
                          int                   year)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (year < self->base_year || year > self->horizon)
    return NULL;
  return &self->years[year - self->base_year];
}

/* The stress run: China floods the market (its quotas grow as fast as the lever allows) and
 * world demand stalls, from the scenario's first projected year. */
double
lode_projection_fund_exposure_busd (const LodeProjection *self)
{
  g_autoptr(LodeProjection) stress = NULL;
  LodeProjectionInputs in;

  g_return_val_if_fail (self != NULL, 0);

  if (self->inputs == NULL)
    return self->fund.worst_year_busd;
  in = *self->inputs;
  in.lever[LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT] =
    lode_lever_info (LODE_LEVER_MARKET_CHINA_QUOTA_GROWTH_PCT)->max;
  in.lever[LODE_LEVER_MARKET_DEMAND_GROWTH_PCT] =
    lode_lever_info (LODE_LEVER_MARKET_DEMAND_GROWTH_PCT)->min;
  stress = projection_alloc (self->dataset, in.horizon, FALSE);
  compute (stress, self->dataset, &in);
  return MAX (self->fund.worst_year_busd, stress->fund.worst_year_busd);
}

/* Whether `a` and `b` were run with the same levers, regions, projects and horizon, so that
 * every figure of one is the other's (the model is deterministic). FALSE when either has no
 * record of its inputs (a synthetic projection) or has projects of the user's. */
gboolean
lode_projection_same_inputs (const LodeProjection *a,
                             const LodeProjection *b)
{
  const LodeProjectionInputs *x, *y;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->inputs == NULL || b->inputs == NULL || a->dataset != b->dataset)
    return FALSE;
  x = a->inputs;
  y = b->inputs;
  /* Bytes, not values: -0 and 0 count as different, which only ever keeps a baseline. */
  return x->horizon == y->horizon
         && memcmp (x->lever, y->lever, sizeof x->lever) == 0
         && memcmp (x->ally, y->ally, sizeof x->ally) == 0
         && memcmp (x->shock_target, y->shock_target, sizeof x->shock_target) == 0
         && memcmp (x->project_enabled, y->project_enabled, sizeof x->project_enabled) == 0
         && x->n_user_projects == 0 && y->n_user_projects == 0;
}

const LodeYear *
lode_projection_get_last_year (const LodeProjection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->years[self->n_years - 1];
}

int
lode_projection_first_year_reaching (const LodeProjection *self,
                                     double                target)
{
  g_return_val_if_fail (self != NULL, 0);

  for (int i = 0; i < self->n_years; i++)
    if (self->years[i].china_free_share_us_demand >= target)
      return self->years[i].year;
  return 0;
}

double
lode_projection_flow_china_content (const LodeProjection *self,
                                    const LodeYear       *year,
                                    LodeMaterial          material,
                                    LodeStage             stage,
                                    guint                 from,
                                    guint                 to)
{
  const LodeChain *c;
  guint us;

  g_return_val_if_fail (self != NULL && self->dataset != NULL && year != NULL, 0);
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, 0);
  g_return_val_if_fail ((guint) stage < LODE_N_STAGES, 0);
  g_return_val_if_fail (from < self->n_regions && to < self->n_regions, 0);

  us = self->dataset->us;
  c = &year->chain[material];
  if (to == from)
    return c->china_content_own[stage][from];
  if (to == us)
    return c->china_content_to_us[stage][from];
  if (year->us_aligned[to])
    return c->china_content_to_allies[stage][from];
  return c->china_content_to_others[stage][from];
}

/* A shortfall worth reporting, on a card or beside a diagram's node: over a tonne and half a
 * percent of demand (a demand that is not finite asks only the tonne). */
gboolean
lode_shortfall_counts (double shortfall_t,
                       double demand_t)
{
  return shortfall_t > MAX (1.0, isfinite (demand_t) ? 0.005 * demand_t : 0.0);
}
