/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the analysis tests share: a toy model with known answers (every year's China-free
 * share is c0 + Σ a_i x_i of its inputs x_i) and the reference model on a preset.
 * Header-only.
 */
#pragma once

#include "lode-analysis.h"
#include "model-test-util.h"

#define TOY_MAX_INPUTS 8
#define TOY_HORIZON    2035

typedef struct
{
  LodeDataset *dataset;
  double       c0;
  double       a[TOY_MAX_INPUTS];
  double       value[TOY_MAX_INPUTS];
  guint        n;
} ToyModel;

typedef struct
{
  const ToyModel *toy;
  double          x[TOY_MAX_INPUTS];
} ToyRunner;

static gpointer
toy_runner_new (gpointer data)
{
  ToyRunner *r = g_new0 (ToyRunner, 1);

  r->toy = data;
  memcpy (r->x, r->toy->value, sizeof r->x);
  return r;
}

static void
toy_set (gpointer         runner,
         const LodeInput *input,
         double           value)
{
  ((ToyRunner *) runner)->x[input->index] = value;
}

static void
toy_reset (gpointer runner)
{
  ToyRunner *r = runner;

  memcpy (r->x, r->toy->value, sizeof r->x);
}

static LodeProjection *
toy_run (gpointer   runner,
         int        horizon,
         GError   **error)
{
  ToyRunner *r = runner;
  LodeProjection *p = lode_projection_new_empty (r->toy->dataset, horizon);
  double f = r->toy->c0;

  for (guint i = 0; i < r->toy->n; i++)
    f += r->toy->a[i] * r->x[i];
  for (int y = 0; y < p->n_years; y++)
    {
      p->years[y].china_free_share_us_demand = f;
      p->years[y].us_china_free_magnet_t = 1000 * f;
    }
  return p;
}

static void
toy_free (gpointer data)
{
  ToyModel *toy = data;

  lode_dataset_unref (toy->dataset);
  g_free (toy);
}

static const LodeAnalysisModelFuncs toy_funcs = {
  .runner_new = toy_runner_new,
  .runner_free = g_free,
  .set = toy_set,
  .reset = toy_reset,
  .run = toy_run,
};

/* A toy with inputs (value, low, high, coefficient) given four at a time. */
static G_GNUC_UNUSED LodeAnalysisModel *
toy_model_new (double        c0,
               guint         n,
               const double  spec[][4])
{
  ToyModel *toy = g_new0 (ToyModel, 1);
  GPtrArray *inputs = g_ptr_array_new ();

  g_assert_cmpuint (n, <=, TOY_MAX_INPUTS);
  toy->dataset = lode_dataset_new_empty ();
  toy->c0 = c0;
  toy->n = n;
  for (guint i = 0; i < n; i++)
    {
      LodeInput *input = g_new0 (LodeInput, 1);

      *input = (LodeInput) {
        .id = g_strdup_printf ("param.x%u", i),
        .kind = LODE_INPUT_PARAMETER,
        .index = i,
        .value = spec[i][0],
        .low = spec[i][1],
        .high = spec[i][2],
        .range = LODE_RANGE_DATASET,
        .link = -1,
      };
      toy->value[i] = spec[i][0];
      toy->a[i] = spec[i][3];
      g_ptr_array_add (inputs, input);
    }
  return lode_analysis_model_new_custom (&toy_funcs, toy, toy_free, toy->dataset, inputs,
                                         TOY_HORIZON);
}

/* The reference model on a preset, horizon 2040. */
static G_GNUC_UNUSED LodeAnalysisModel *
reference_model_new (LodeDataset *ds,
                     const char  *preset)
{
  g_autoptr(LodeScenario) sc = load_preset (ds, preset);

  lode_scenario_set_horizon (sc, LODE_DEFAULT_HORIZON, NULL);
  return lode_analysis_model_new (ds, sc);
}
