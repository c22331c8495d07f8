/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-analysis.c — what the analyses share: outputs, the inputs and their ranges, the frozen
 * model with one runner per thread, and the jobs spread over the threads.
 */
#define G_LOG_DOMAIN "lode-analysis"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "lode-analysis.h"
#include "lode-scenario.h"

#define MAX_THREADS 8
/* The niceness of background threads. */
#define BACKGROUND_NICE 10

G_DEFINE_QUARK (lode-analysis-error-quark, lode_analysis_error)

struct _LodeAnalysisModel
{
  gatomicrefcount               ref_count;
  const LodeAnalysisModelFuncs *funcs;
  gpointer                      data;
  GDestroyNotify                data_free;
  LodeDataset                  *dataset;
  LodeScenario                 *scenario;    /* frozen copy; NULL for a stand-in */
  GPtrArray                    *inputs;      /* LodeInput * */
  int                           horizon;
  guint                         n_threads;   /* 0: the processors */
  gboolean                      background;
  /* Runners not in use, kept for the next jobs: making one copies the dataset. */
  GMutex                        lock;
  GPtrArray                    *idle;        /* LodeAnalysisRunner * */
};

struct _LodeAnalysisRunner
{
  LodeAnalysisModel *model;
  gpointer           impl;
  gboolean           dirty;
};

/* Outputs */

/* Names of the figures an analysis is usually asked about. */
static const struct
{
  const char *key;
  const char *name;
} output_names[] = {
  { "china_free_share_us_demand", N_("China-free share of US magnet demand") },
  { "china_free_share_us_magnets", N_("China-free share of US magnet supply") },
  { "us_china_free_magnets_t", N_("China-free magnets reaching US use") },
  { "us_defence_need_met_share", N_("US defence need met China-free") },
  { "ndpr_price_usd_kg", N_("NdPr oxide price") },
  { "magnet_price_usd_kg", N_("NdFeB magnet price") },
  { "public_spend_busd", N_("Public spend") },
  { "us_shortfall_t", N_("US magnet shortfall") },
  { "jobs", N_("US jobs in the chain") },
};

gboolean
lode_output_init (LodeOutput    *output,
                  const char    *key,
                  LodeMaterial   material,
                  int            year,
                  GError       **error)
{
  const LodeYearFigure *figure;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, FALSE);

  figure = lode_year_figure_find (key != NULL ? key : LODE_ANALYSIS_DEFAULT_KEY);
  if (figure == NULL)
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Unknown output “%s”: use a column name of --csv such as %s"), key,
                   LODE_ANALYSIS_DEFAULT_KEY);
      return FALSE;
    }
  if (year < LODE_BASE_YEAR || year > LODE_MAX_HORIZON)
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad year %d: choose a year from %d to %d"), year, LODE_BASE_YEAR,
                   LODE_MAX_HORIZON);
      return FALSE;
    }
  *output = (LodeOutput) { figure, material, year };
  return TRUE;
}

double
lode_output_value (const LodeOutput     *output,
                   const LodeProjection *projection)
{
  const LodeYear *year;

  g_return_val_if_fail (output != NULL && output->figure != NULL, NAN);

  if (projection == NULL)
    return NAN;
  year = lode_projection_get_year (projection, output->year);
  return year != NULL ? output->figure->get (year, output->material) : NAN;
}

char *
lode_output_dup_label (const LodeOutput *output)
{
  const char *name = NULL;

  g_return_val_if_fail (output != NULL && output->figure != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (output_names); i++)
    if (g_str_equal (output_names[i].key, output->figure->key))
      name = _(output_names[i].name);
  if (name == NULL)
    name = output->figure->key;
  /* Translators: an analysis's output and its year, "China-free share of US magnet demand,
   * 2030" */
  return g_strdup_printf (_("%s, %d"), name, output->year);
}

gboolean
lode_output_is_share (const LodeOutput *output)
{
  const char *key;

  g_return_val_if_fail (output != NULL && output->figure != NULL, FALSE);

  key = output->figure->key;
  return strstr (key, "share") != NULL || strstr (key, "self_sufficiency") != NULL
         || strstr (key, "_rate") != NULL;
}

/* Ranges */

static gboolean
is_fraction_name (const char *name)
{
  static const char * const suffixes[] = {
    ".recovery", ".metal-yield", ".magnet-yield", ".swarf-recycled", ".ore-share",
    ".utilisation", ".learning-rate", ".utilisation-floor", ".induced-rate",
    ".recycling-2024", ".heavy-grade-share", ".gbd-factor", ".gbd-share-2024", ".cost-band",
  };

  if (g_str_has_prefix (name, "demand.end-use.") || g_str_has_prefix (name, "trade.")
      || strstr (name, ".ramp.") != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return TRUE;
  return FALSE;
}

LodeRangeSource
lode_analysis_param_range (const char      *name,
                           const LodeCited *cited,
                           double          *out_low,
                           double          *out_high)
{
  double low, high, spread;

  g_return_val_if_fail (name != NULL && cited != NULL, LODE_RANGE_DEFAULT);
  g_return_val_if_fail (out_low != NULL && out_high != NULL, LODE_RANGE_DEFAULT);

  lode_cited_range (cited, &low, &high);
  if (cited->has_range)
    {
      *out_low = low;
      *out_high = high;
      return LODE_RANGE_DATASET;
    }

  /* The default rule keeps a number what it can be, and its range centred on it: where a
   * bound cuts one side, the other side is cut as much (a 96 % yield varies by ±4 points),
   * so the draws keep the value as their mean and the tornado stays symmetric. */
  if (cited->value >= 0)
    low = MAX (low, 0.0);
  else
    high = MIN (high, 0.0);
  if (is_fraction_name (name) && cited->value <= 1.0)
    high = MIN (high, 1.0);
  if (g_str_has_suffix (name, ".overrun") && cited->value >= 1.0)
    low = MAX (low, 1.0);
  spread = MAX (MIN (cited->value - low, high - cited->value), 0.0);
  *out_low = cited->value - spread;
  *out_high = cited->value + spread;
  return LODE_RANGE_DEFAULT;
}

/* Labels for dataset names */

static const struct
{
  const char *id;
  const char *label;
} field_labels[] = {
  { "cash-cost", N_("cash cost") },
  { "ore-share", N_("share of ore") },
  { "demand", N_("demand, 2024") },
  { "recovery", N_("separation recovery") },
  { "metal-yield", N_("metal yield") },
  { "magnet-yield", N_("magnet yield") },
  { "swarf-recycled", N_("swarf recycled") },
  { "elasticity-short", N_("short-run price elasticity") },
  { "elasticity-long", N_("long-run price elasticity") },
  { "adjust-years", N_("years to adjust demand") },
  { "incentive-price", N_("incentive price") },
  { "choke-multiple", N_("choke price") },
  { "demand-growth", N_("demand growth") },
  { "capex-west", N_("capex (West)") },
  { "capex-asia", N_("capex (Asia)") },
  { "overrun", N_("first-of-kind overrun") },
  { "learning-rate", N_("learning rate") },
  { "opex", N_("operating cost") },
  { "permit-years", N_("permitting years") },
  { "build-years", N_("construction years") },
  { "min-lead-years", N_("shortest lead time") },
  { "absorption", N_("construction capacity") },
  { "utilisation", N_("utilisation") },
  { "jobs-per-kt", N_("jobs per kt") },
  { "co2e", N_("CO₂e intensity") },
  { "residue", N_("residue intensity") },
  { "tailings", N_("tailings intensity") },
  { "capacity", N_("capacity") },
  { "capex", N_("capex") },
  { "reserves", N_("reserves") },
};

static const char *
field_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].id, id))
      return _(field_labels[i].label);
  return id;
}

static const char *
region_label (const LodeDataset *dataset,
              const char        *id)
{
  int r = dataset != NULL ? lode_dataset_region_index (dataset, id) : -1;

  return r >= 0 ? lode_region_name (&dataset->regions[r]) : id;
}

static const char *
material_label (const char *id)
{
  LodeMaterial material;

  return lode_material_from_id (id, &material) ? lode_material_name (material) : id;
}

static const char *
stage_label (const char *id)
{
  LodeStage stage;

  return lode_stage_from_id (id, &stage) ? lode_stage_name (stage) : id;
}

static const char *
end_use_label (const char *id)
{
  LodeEndUse use;

  return lode_end_use_from_id (id, &use) ? lode_end_use_name (use) : id;
}

/* "region.CN.ndpr.capacity.separation" and the like. */
static char *
region_number_label (const LodeDataset *dataset,
                     char             **p,
                     guint              n)
{
  const char *region = region_label (dataset, p[1]);

  if (n == 3)
    return g_strdup_printf ("%s %s", region, field_label (p[2]));
  if (n == 4)
    return g_strdup_printf ("%s %s %s", region, material_label (p[2]), field_label (p[3]));
  if (n == 5 && g_str_equal (p[3], "capacity"))
    /* Translators: "China NdPr capacity: Separation": region, material, stage */
    return g_strdup_printf (_("%s %s capacity: %s"), region, material_label (p[2]),
                            stage_label (p[4]));
  if (n == 5 && g_str_equal (p[3], "production"))
    /* Translators: "China NdPr output 2024: Mining": region, material, stage */
    return g_strdup_printf (_("%s %s output 2024: %s"), region, material_label (p[2]),
                            stage_label (p[4]));
  return NULL;
}

static char *
project_label (const LodeDataset *dataset,
               const char        *id,
               const char        *field)
{
  int p = dataset != NULL ? lode_dataset_project_index (dataset, id) : -1;
  const char *name = p >= 0 && dataset->projects[p].name != NULL ? dataset->projects[p].name : id;

  return g_strdup_printf ("%s %s", name, field_label (field));
}

static char *
param_label (const char *name)
{
  char *label = g_strdelimit (g_strdup (name), "-", ' ');

  label[0] = g_ascii_toupper (label[0]);
  return label;
}

/* A readable label for a dataset name, or NULL when it has no known shape. */
static char *
number_label (const LodeDataset *dataset,
              const char        *name)
{
  g_auto(GStrv) p = g_strsplit (name, ".", 6);
  guint n = g_strv_length (p);

  if (n >= 3 && g_str_equal (p[0], "region"))
    return region_number_label (dataset, p, n);
  if (n == 3 && g_str_equal (p[0], "material"))
    return g_strdup_printf ("%s %s", material_label (p[1]), field_label (p[2]));
  if (n == 4 && g_str_equal (p[0], "material"))
    /* Translators: "Sm capex (West): Magnets": material, what, stage */
    return g_strdup_printf (_("%s %s: %s"), material_label (p[1]), field_label (p[2]),
                            stage_label (p[3]));
  if (n == 3 && g_str_equal (p[0], "stage"))
    /* Translators: "Magnets: utilisation": stage, what */
    return g_strdup_printf (_("%s: %s"), stage_label (p[1]), field_label (p[2]));
  if (n == 4 && g_str_equal (p[0], "stage") && g_str_equal (p[2], "ramp"))
    /* Translators: "Separation: ramp-up, year 2" */
    return g_strdup_printf (_("%s: ramp-up, year %s"), stage_label (p[1]), p[3]);
  if (n == 3 && g_str_equal (p[0], "demand") && g_str_equal (p[1], "end-use"))
    /* Translators: "EV traction share of magnet demand" */
    return g_strdup_printf (_("%s share of magnet demand"), end_use_label (p[2]));
  if (n == 3 && g_str_equal (p[0], "demand") && g_str_equal (p[1], "heavy-intensity"))
    /* Translators: "Dy + Tb per magnet, wind" */
    return g_strdup_printf (_("Dy + Tb per magnet, %s"), end_use_label (p[2]));
  if (n == 4 && g_str_equal (p[0], "demand") && g_str_equal (p[1], "growth"))
    /* Translators: "Demand growth, central scenario, period 1" */
    return g_strdup_printf (_("Demand growth, %s scenario, period %d"), p[2],
                            atoi (p[3]) + 1);
  if (n == 2 && g_str_equal (p[0], "demand"))
    return param_label (p[1]);
  if (n == 5 && g_str_equal (p[0], "trade"))
    /* Translators: "NdPr trade, Malaysia to Japan: Separation" */
    return g_strdup_printf (_("%s trade, %s to %s: %s"), material_label (p[1]),
                            region_label (dataset, p[3]), region_label (dataset, p[4]),
                            stage_label (p[2]));
  if (n == 3 && g_str_equal (p[0], "project"))
    return project_label (dataset, p[1], p[2]);
  if (n == 2 && (g_str_equal (p[0], "param") || g_str_equal (p[0], "economics")))
    return param_label (p[1]);
  return NULL;
}

char *
lode_analysis_dup_input_label (const LodeDataset *dataset,
                               const LodeInput   *input)
{
  char *label;

  g_return_val_if_fail (input != NULL, NULL);

  if (input->kind == LODE_INPUT_LEVER)
    return g_strdup (lode_lever_label ((LodeLever) input->index));
  label = number_label (dataset, input->id);
  return label != NULL ? label : g_strdup (input->id);
}

/* The model's own runner: a copy of the dataset and of the scenario */

typedef struct
{
  LodeAnalysisModel *model;      /* borrowed */
  LodeDataset       *dataset;    /* a copy, whose numbers the parameters change */
  GPtrArray         *numbers;    /* LodeDatasetEntry *, pointing into `dataset` */
  LodeScenario      *scenario;   /* a copy, whose levers the levers change */
  gboolean           levers_changed;
  gboolean           params_changed;
} ModelRunner;

static gpointer
model_runner_new (gpointer data)
{
  LodeAnalysisModel *model = data;
  ModelRunner *r = g_new0 (ModelRunner, 1);

  r->model = model;
  r->dataset = lode_dataset_copy (model->dataset);
  r->numbers = lode_dataset_list_numbers (r->dataset);
  r->scenario = lode_scenario_dup (model->scenario);
  return r;
}

static void
model_runner_free (gpointer data)
{
  ModelRunner *r = data;

  g_clear_pointer (&r->numbers, g_ptr_array_unref);
  g_clear_pointer (&r->dataset, lode_dataset_unref);
  g_clear_object (&r->scenario);
  g_free (r);
}

static void
model_runner_set (gpointer         data,
                  const LodeInput *input,
                  double           value)
{
  ModelRunner *r = data;

  if (input->kind == LODE_INPUT_LEVER)
    {
      g_autoptr(GError) error = NULL;

      if (!lode_scenario_set_lever (r->scenario, (LodeLever) input->index, value, &error))
        g_warning ("Cannot set %s to %g: %s", input->id, value, error->message);
      r->levers_changed = TRUE;
    }
  else
    {
      const LodeDatasetEntry *entry = g_ptr_array_index (r->numbers, input->index);

      entry->cited->value = value;
      r->params_changed = TRUE;
    }
}

static void
model_runner_set_fund (gpointer      data,
                       double        fund_busd,
                       const double  shares[LODE_N_FUND_KINDS])
{
  ModelRunner *r = data;
  g_autoptr(GError) error = NULL;
  const LodeLeverInfo *info = lode_lever_info (LODE_LEVER_FUND_SIZE_BUSD);

  if (!lode_scenario_set_lever (r->scenario, LODE_LEVER_FUND_SIZE_BUSD,
                                CLAMP (fund_busd, info->min, info->max), &error)
      || !lode_scenario_set_allocation (r->scenario, shares, &error))
    g_warning ("Cannot set the fund: %s", error->message);
  r->levers_changed = TRUE;
}

static void
model_runner_reset (gpointer data)
{
  ModelRunner *r = data;

  if (r->levers_changed)
    lode_scenario_assign (r->scenario, r->model->scenario);
  if (r->params_changed)
    for (guint i = 0; i < r->model->inputs->len; i++)
      {
        const LodeInput *input = g_ptr_array_index (r->model->inputs, i);

        if (input->kind == LODE_INPUT_PARAMETER)
          ((LodeDatasetEntry *) g_ptr_array_index (r->numbers, input->index))->cited->value =
            input->value;
      }
  r->levers_changed = r->params_changed = FALSE;
}

static LodeProjection *
model_runner_run (gpointer   data,
                  int        horizon,
                  GError   **error)
{
  ModelRunner *r = data;

  if (lode_scenario_get_horizon (r->scenario) != horizon
      && !lode_scenario_set_horizon (r->scenario, horizon, error))
    return NULL;
  return lode_projection_run (r->dataset, r->scenario, error);
}

static const LodeAnalysisModelFuncs model_funcs = {
  .runner_new = model_runner_new,
  .runner_free = model_runner_free,
  .set = model_runner_set,
  .set_fund = model_runner_set_fund,
  .reset = model_runner_reset,
  .run = model_runner_run,
};

/* The model */

static void
runner_free (gpointer data)
{
  LodeAnalysisRunner *runner = data;

  if (runner->model->funcs->runner_free != NULL)
    runner->model->funcs->runner_free (runner->impl);
  g_free (runner);
}


static void
input_free (gpointer data)
{
  LodeInput *input = data;

  g_free (input->id);
  g_free (input);
}

static LodeInput *
input_new (const char      *id,
           LodeInputKind    kind,
           guint            index,
           double           value,
           double           low,
           double           high,
           LodeRangeSource  range)
{
  LodeInput *input = g_new0 (LodeInput, 1);

  *input = (LodeInput) { g_strdup (id), kind, index, value, low, high, range, -1 };
  return input;
}

/* A region's 2024 output of a stage is drawn with its capacity there. */
static void
link_inputs (GPtrArray *inputs)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < inputs->len; i++)
    {
      LodeInput *input = g_ptr_array_index (inputs, i);

      g_hash_table_insert (by_id, input->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < inputs->len; i++)
    {
      LodeInput *input = g_ptr_array_index (inputs, i);
      g_autofree char *capacity = NULL;
      char *at;
      guint other;

      if (input->kind != LODE_INPUT_PARAMETER || !g_str_has_prefix (input->id, "region.")
          || (at = strstr (input->id, ".production.")) == NULL)
        continue;
      capacity = g_strdup_printf ("%.*s.capacity.%s", (int) (at - input->id), input->id,
                                  at + strlen (".production."));
      other = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, capacity));
      if (other > 0)
        input->link = (int) other - 1;
    }
}

static GPtrArray *
list_inputs (LodeDataset  *dataset,
             LodeScenario *scenario)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (input_free);
  g_autoptr(GPtrArray) numbers = lode_dataset_list_numbers (dataset);

  for (int l = 0; l < LODE_N_LEVERS; l++)
    {
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) l);

      g_ptr_array_add (inputs, input_new (info->id, LODE_INPUT_LEVER, (guint) l,
                                          lode_scenario_get_lever (scenario, (LodeLever) l),
                                          info->min, info->max, LODE_RANGE_LEVER));
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      const LodeDatasetEntry *entry = g_ptr_array_index (numbers, i);
      LodeRangeSource range;
      double low, high;

      if (entry->cited->basis != LODE_BASIS_ESTIMATE || !isfinite (entry->cited->value))
        continue;
      range = lode_analysis_param_range (entry->name, entry->cited, &low, &high);
      if (!(high > low))
        continue;
      g_ptr_array_add (inputs, input_new (entry->name, LODE_INPUT_PARAMETER, i,
                                          entry->cited->value, low, high, range));
    }
  link_inputs (inputs);
  return inputs;
}

LodeAnalysisModel *
lode_analysis_model_new (LodeDataset  *dataset,
                         LodeScenario *scenario)
{
  LodeAnalysisModel *self;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (LODE_IS_SCENARIO (scenario), NULL);

  self = g_new0 (LodeAnalysisModel, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->funcs = &model_funcs;
  self->data = self;
  self->dataset = lode_dataset_ref (dataset);
  self->scenario = lode_scenario_dup (scenario);
  self->inputs = list_inputs (dataset, self->scenario);
  self->horizon = lode_scenario_get_horizon (self->scenario);
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (runner_free);
  return self;
}

LodeAnalysisModel *
lode_analysis_model_new_custom (const LodeAnalysisModelFuncs *funcs,
                                gpointer                      model_data,
                                GDestroyNotify                data_free,
                                LodeDataset                  *dataset,
                                GPtrArray                    *inputs,
                                int                           horizon)
{
  LodeAnalysisModel *self;

  g_return_val_if_fail (funcs != NULL && funcs->runner_new != NULL && funcs->run != NULL, NULL);
  g_return_val_if_fail (dataset != NULL && inputs != NULL, NULL);
  g_return_val_if_fail (horizon > LODE_BASE_YEAR && horizon <= LODE_MAX_HORIZON, NULL);

  self = g_new0 (LodeAnalysisModel, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->funcs = funcs;
  self->data = model_data;
  self->data_free = data_free;
  self->dataset = lode_dataset_ref (dataset);
  self->inputs = inputs;
  g_ptr_array_set_free_func (inputs, input_free);
  self->horizon = horizon;
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (runner_free);
  return self;
}

LodeAnalysisModel *
lode_analysis_model_ref (LodeAnalysisModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_analysis_model_unref (LodeAnalysisModel *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  /* The runners first: a stand-in's runners may point into its data. */
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  if (self->data_free != NULL)
    self->data_free (self->data);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->dataset, lode_dataset_unref);
  g_free (self);
}

LodeDataset *
lode_analysis_model_get_dataset (LodeAnalysisModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

LodeScenario *
lode_analysis_model_get_scenario (LodeAnalysisModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scenario;
}

int
lode_analysis_model_get_horizon (LodeAnalysisModel *self)
{
  g_return_val_if_fail (self != NULL, LODE_DEFAULT_HORIZON);
  return self->horizon;
}

GPtrArray *
lode_analysis_model_get_inputs (LodeAnalysisModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->inputs;
}

guint
lode_analysis_model_count_inputs (LodeAnalysisModel *self,
                                  LodeInputKind      kind)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->inputs->len; i++)
    n += ((const LodeInput *) g_ptr_array_index (self->inputs, i))->kind == kind ? 1 : 0;
  return n;
}

void
lode_analysis_model_scale_ranges (LodeAnalysisModel *self,
                                  double             factor)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (factor >= 0);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      LodeInput *input = g_ptr_array_index (self->inputs, i);

      if (input->kind != LODE_INPUT_PARAMETER)
        continue;
      input->low = input->value - factor * (input->value - input->low);
      input->high = input->value + factor * (input->high - input->value);
    }
}

const char *
lode_fund_kind_id (guint kind)
{
  g_return_val_if_fail (kind < LODE_N_FUND_KINDS, NULL);

  return kind < LODE_N_STAGES ? lode_stage_id ((LodeStage) kind) : "recycling";
}

const char *
lode_fund_kind_name (guint kind)
{
  g_return_val_if_fail (kind < LODE_N_FUND_KINDS, NULL);

  return kind < LODE_N_STAGES ? lode_stage_name ((LodeStage) kind)
                              : C_("fund allocation share", "Recycling");
}

void
lode_analysis_model_set_background (LodeAnalysisModel *self,
                                    gboolean           background)
{
  g_return_if_fail (self != NULL);
  self->background = !!background;
}

void
lode_analysis_model_set_n_threads (LodeAnalysisModel *self,
                                   guint              n_threads)
{
  g_return_if_fail (self != NULL);
  self->n_threads = MIN (n_threads, MAX_THREADS);
}

guint
lode_analysis_model_get_n_threads (LodeAnalysisModel *self)
{
  g_return_val_if_fail (self != NULL, 1);

  if (self->n_threads > 0)
    return self->n_threads;
  return (guint) CLAMP (g_get_num_processors (), 1, MAX_THREADS);
}

void
lode_analysis_model_get_fund (LodeAnalysisModel *self,
                              double            *out_fund_busd,
                              double            *out_shares)
{
  g_return_if_fail (self != NULL);

  if (self->scenario == NULL)
    {
      *out_fund_busd = 0;
      for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
        out_shares[k] = lode_lever_info (LODE_LEVER_ALLOC_FIRST + k)->default_value;
      return;
    }
  *out_fund_busd = lode_scenario_get_lever (self->scenario, LODE_LEVER_FUND_SIZE_BUSD);
  lode_scenario_get_allocation (self->scenario, out_shares);
}

/* Jobs on threads */

typedef struct
{
  LodeAnalysisModel   *model;
  guint                n_jobs;
  gint                 next;        /* atomic: the next job to start */
  LodeAnalysisJobFunc  job;
  gpointer             user_data;
  GCancellable        *cancellable;
} Parallel;

/* An idle runner of the model, or a new one. */
static LodeAnalysisRunner *
take_runner (LodeAnalysisModel *model)
{
  LodeAnalysisRunner *runner = NULL;

  g_mutex_lock (&model->lock);
  if (model->idle->len > 0)
    runner = g_ptr_array_steal_index_fast (model->idle, model->idle->len - 1);
  g_mutex_unlock (&model->lock);
  if (runner != NULL)
    return runner;
  runner = g_new0 (LodeAnalysisRunner, 1);
  runner->model = model;
  runner->impl = model->funcs->runner_new (model->data);
  return runner;
}

static void
give_back_runner (LodeAnalysisModel  *model,
                  LodeAnalysisRunner *runner)
{
  g_mutex_lock (&model->lock);
  g_ptr_array_add (model->idle, runner);
  g_mutex_unlock (&model->lock);
}

static gpointer
run_jobs (gpointer data)
{
  Parallel *p = data;
  LodeAnalysisRunner *runner = take_runner (p->model);

  for (;;)
    {
      guint job = (guint) g_atomic_int_add (&p->next, 1);

      if (job >= p->n_jobs || g_cancellable_is_cancelled (p->cancellable))
        break;
      if (runner->dirty && p->model->funcs->reset != NULL)
        p->model->funcs->reset (runner->impl);
      runner->dirty = FALSE;
      p->job (runner, job, p->user_data);
    }
  give_back_runner (p->model, runner);
  return NULL;
}

/* A background thread gives way to the window's. */
static gpointer
run_background_jobs (gpointer data)
{
#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), BACKGROUND_NICE);
#endif
  return run_jobs (data);
}

gboolean
lode_analysis_model_parallel (LodeAnalysisModel    *self,
                              guint                 n_jobs,
                              LodeAnalysisJobFunc   job,
                              gpointer              user_data,
                              GCancellable         *cancellable,
                              GError              **error)
{
  Parallel p = { self, n_jobs, 0, job, user_data, cancellable };
  guint n_threads;
  GThread *threads[MAX_THREADS];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (job != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  n_threads = MIN (lode_analysis_model_get_n_threads (self), MAX (n_jobs, 1));
  /* In the background every job thread is a new one (a thread cannot take its priority
   * back): the calling thread waits. */
  for (guint t = self->background ? 0 : 1; t < n_threads; t++)
    threads[t] = g_thread_new ("lode-analysis",
                               self->background ? run_background_jobs : run_jobs, &p);
  if (!self->background)
    run_jobs (&p);
  for (guint t = self->background ? 0 : 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

void
lode_analysis_runner_set (LodeAnalysisRunner *runner,
                          const LodeInput    *input,
                          double              value)
{
  g_return_if_fail (runner != NULL && input != NULL);

  runner->model->funcs->set (runner->impl, input, value);
  runner->dirty = TRUE;
}

void
lode_analysis_runner_set_fund (LodeAnalysisRunner *runner,
                               double              fund_busd,
                               const double        shares[LODE_N_FUND_KINDS])
{
  g_return_if_fail (runner != NULL);
  g_return_if_fail (runner->model->funcs->set_fund != NULL);

  runner->model->funcs->set_fund (runner->impl, fund_busd, shares);
  runner->dirty = TRUE;
}

LodeProjection *
lode_analysis_runner_run (LodeAnalysisRunner  *runner,
                          int                  horizon,
                          GError             **error)
{
  g_return_val_if_fail (runner != NULL, NULL);

  horizon = CLAMP (horizon, LODE_SCENARIO_MIN_HORIZON, runner->model->horizon);
  return runner->model->funcs->run (runner->impl, horizon, error);
}
