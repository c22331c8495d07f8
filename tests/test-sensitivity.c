/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sensitivity.c — the tornado: known answers on a toy model, then the reference model,
 * and what all analyses share (outputs, inputs, ranges, threads). */

#define G_LOG_DOMAIN "test-sensitivity"

#include "config.h"

#include <string.h>

#include "analysis-test-util.h"
#include "lode-sensitivity.h"

static LodeSensitivity *
run_tornado (LodeAnalysisModel *model,
             const char        *key,
             int                year)
{
  g_autoptr(GError) error = NULL;
  LodeSensitivity *s;
  LodeOutput output;

  g_assert_true (lode_output_init (&output, key, LODE_MATERIAL_NDPR, year, &error));
  s = lode_sensitivity_run (model, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

/* f = 1 + 3 x0 - 2 x1 + 0.5 x2 + 0 x3: swings 6, 8, 5 and 0, symmetric about the base. */
static void
test_toy_order_and_symmetry (void)
{
  static const double spec[][4] = {
    { 1, 0, 2, 3 },
    { 1, -1, 3, -2 },
    { 5, 0, 10, 0.5 },
    { 0.5, 0, 1, 0 },
  };
  static const char * const order[] = { "param.x1", "param.x0", "param.x2", "param.x3" };
  static const double swings[] = { 8, 6, 5, 0 };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (1, G_N_ELEMENTS (spec), spec);
  g_autoptr(LodeSensitivity) s = run_tornado (model, NULL, 2030);

  g_assert_cmpfloat_with_epsilon (s->base, 1 + 3 - 2 + 2.5, 1e-12);
  g_assert_cmpuint (s->n_items, ==, 4);
  g_assert_cmpuint (s->n_parameters, ==, 4);
  g_assert_cmpuint (s->n_levers, ==, 0);
  g_assert_cmpuint (s->n_runs, ==, 9);
  for (guint i = 0; i < s->n_items; i++)
    {
      const LodeSensitivityItem *item = &s->items[i];

      g_assert_cmpstr (item->id, ==, order[i]);
      g_assert_cmpfloat_with_epsilon (item->swing, swings[i], 1e-12);
      /* A linear output swings as far below the base as above it. */
      g_assert_cmpfloat_with_epsilon (item->output_low - s->base, s->base - item->output_high,
                                      1e-12);
    }
  /* x1's coefficient is negative: its high end lowers the output. */
  g_assert_cmpfloat (s->items[0].output_high, <, s->items[0].output_low);
}

/* Whatever the number of threads, the same answer. */
static void
test_toy_threads (void)
{
  static const double spec[][4] = {
    { 1, 0, 2, 3 }, { 2, 1, 3, 1 }, { 3, 0, 6, -1 }, { 4, 3, 5, 2 }, { 0, -1, 1, 0.25 },
  };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0, G_N_ELEMENTS (spec), spec);
  g_autoptr(LodeSensitivity) one = NULL;
  g_autoptr(LodeSensitivity) four = NULL;

  lode_analysis_model_set_n_threads (model, 1);
  g_assert_cmpuint (lode_analysis_model_get_n_threads (model), ==, 1);
  one = run_tornado (model, NULL, 2030);
  lode_analysis_model_set_n_threads (model, 4);
  four = run_tornado (model, NULL, 2030);
  g_assert_cmpuint (one->n_items, ==, four->n_items);
  for (guint i = 0; i < one->n_items; i++)
    {
      g_assert_cmpstr (one->items[i].id, ==, four->items[i].id);
      g_assert_cmpfloat (one->items[i].output_low, ==, four->items[i].output_low);
      g_assert_cmpfloat (one->items[i].output_high, ==, four->items[i].output_high);
    }
}

static void
test_cancelled (void)
{
  static const double spec[][4] = { { 1, 0, 2, 3 } };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0, 1, spec);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LodeOutput output;

  g_assert_true (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, 2030, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_null (lode_sensitivity_run (model, &output, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_outputs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  LodeOutput output;

  g_assert_true (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, 2030, &error));
  g_assert_cmpstr (output.figure->key, ==, "china_free_share_us_demand");
  g_assert_true (lode_output_is_share (&output));
  label = lode_output_dup_label (&output);
  g_assert_cmpstr (label, ==, "China-free share of US magnet demand, 2030");

  g_assert_true (lode_output_init (&output, "ndpr_price_usd_kg", LODE_MATERIAL_NDPR, 2035,
                                   &error));
  g_assert_false (lode_output_is_share (&output));

  g_assert_false (lode_output_init (&output, "no_such_figure", LODE_MATERIAL_NDPR, 2030,
                                    &error));
  g_assert_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, 2061, &error));
  g_assert_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID);
}

/* The default range of an estimate: ±30 %, within what the number can be, centred. */
static void
test_param_ranges (void)
{
  LodeCited yield = { .value = 0.96, .basis = LODE_BASIS_ESTIMATE };
  LodeCited capex = { .value = 25000, .basis = LODE_BASIS_ESTIMATE };
  LodeCited elasticity = { .value = -0.15, .basis = LODE_BASIS_ESTIMATE };
  LodeCited overrun = { .value = 1.2, .basis = LODE_BASIS_ESTIMATE };
  LodeCited filed = { .value = 0.2, .basis = LODE_BASIS_ESTIMATE, .low = 0.1, .high = 0.35,
                      .has_range = TRUE };
  double low, high;

  g_assert_cmpint (lode_analysis_param_range ("material.ndpr.metal-yield", &yield, &low, &high),
                   ==, LODE_RANGE_DEFAULT);
  g_assert_cmpfloat_with_epsilon (low, 0.92, 1e-12);
  g_assert_cmpfloat_with_epsilon (high, 1.0, 1e-12);

  lode_analysis_param_range ("stage.metal.capex-west", &capex, &low, &high);
  g_assert_cmpfloat_with_epsilon (low, 17500, 1e-9);
  g_assert_cmpfloat_with_epsilon (high, 32500, 1e-9);

  lode_analysis_param_range ("material.ndpr.elasticity-short", &elasticity, &low, &high);
  g_assert_cmpfloat_with_epsilon (low, -0.195, 1e-12);
  g_assert_cmpfloat_with_epsilon (high, -0.105, 1e-12);

  lode_analysis_param_range ("stage.magnet.overrun", &overrun, &low, &high);
  g_assert_cmpfloat_with_epsilon (low, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (high, 1.4, 1e-12);

  /* A range in the file is the file's. */
  g_assert_cmpint (lode_analysis_param_range ("param.cost-band", &filed, &low, &high), ==,
                   LODE_RANGE_DATASET);
  g_assert_cmpfloat (low, ==, 0.1);
  g_assert_cmpfloat (high, ==, 0.35);
}

/* Every lever, then the estimates with a range; readable labels. */
static void
test_reference_inputs (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  GPtrArray *inputs = lode_analysis_model_get_inputs (model);
  guint n_linked = 0;

  g_assert_cmpuint (lode_analysis_model_count_inputs (model, LODE_INPUT_LEVER), ==,
                    LODE_N_LEVERS);
  g_assert_cmpuint (lode_analysis_model_count_inputs (model, LODE_INPUT_PARAMETER), >, 100);
  for (guint i = 0; i < inputs->len; i++)
    {
      const LodeInput *input = g_ptr_array_index (inputs, i);
      g_autofree char *label = lode_analysis_dup_input_label (ds, input);

      g_assert_cmpfloat (input->low, <, input->high);
      g_assert_cmpfloat (input->low, <=, input->value);
      g_assert_cmpfloat (input->value, <=, input->high);
      g_assert_cmpint (input->kind == LODE_INPUT_LEVER, ==, i < LODE_N_LEVERS);
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      if (input->link >= 0)
        {
          const LodeInput *partner = g_ptr_array_index (inputs, input->link);

          g_assert_nonnull (strstr (input->id, ".production."));
          g_assert_nonnull (strstr (partner->id, ".capacity."));
          n_linked++;
        }
      if (g_str_equal (input->id, "region.CN.ndpr.cash-cost"))
        g_assert_cmpstr (label, ==, "China NdPr cash cost");
    }
  g_assert_cmpuint (n_linked, >, 0);
}

/* The reference model: the fund lifts the share, the swing is the distance of the ends, the
 * order is by swing, and the CSV has a row per item. */
static void
test_reference_tornado (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  g_autoptr(LodeSensitivity) s = run_tornado (model, NULL, 2030);
  g_autoptr(LodeScenario) sc = load_preset (ds, "baseline");
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(GStrv) rows = NULL;
  gboolean found_fund = FALSE;

  g_assert_cmpfloat (s->base, ==, share_in (p, 2030));
  g_assert_cmpuint (s->n_items, ==, lode_analysis_model_get_inputs (model)->len);
  for (guint i = 0; i < s->n_items; i++)
    {
      const LodeSensitivityItem *item = &s->items[i];

      g_assert_true (isfinite (item->swing));
      g_assert_cmpfloat_with_epsilon (item->swing, fabs (item->output_high - item->output_low),
                                      1e-15);
      if (i > 0)
        g_assert_cmpfloat (s->items[i - 1].swing, >=, item->swing);
      if (g_str_equal (item->id, "fund.size_busd"))
        {
          found_fund = TRUE;
          g_assert_cmpfloat (item->output_low, ==, s->base);   /* the Baseline has no fund */
          g_assert_cmpfloat (item->output_high, >, s->base + 0.1);
        }
    }
  g_assert_true (found_fund);
  /* Something must matter. */
  g_assert_cmpfloat (s->items[0].swing, >, 0.05);

  lode_sensitivity_write_csv (s, csv);
  rows = g_strsplit (csv->str, "\n", -1);
  g_assert_cmpstr (rows[0], ==, "name,kind,low_value,high_value,output_low,output_high,swing");
  g_assert_cmpuint (g_strv_length (rows), ==, s->n_items + 2);   /* header, rows, "" */
  g_assert_true (g_str_has_prefix (rows[1], s->items[0].id));
}

/* A year past the horizon is refused; the output of another figure and year works. */
static void
test_reference_other_output (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "mine-to-magnet");
  g_autoptr(LodeSensitivity) s = run_tornado (model, "ndpr_price_usd_kg", 2035);
  g_autoptr(GError) error = NULL;
  g_autofree char *assumptions = lode_sensitivity_dup_assumptions (s);
  LodeOutput output;

  g_assert_cmpfloat (s->base, >, 0);
  g_assert_nonnull (strstr (assumptions, "NdPr oxide price, 2035"));
  g_assert_true (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, 2050, &error));
  g_assert_null (lode_sensitivity_run (model, &output, NULL, &error));
  g_assert_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/sensitivity/toy-order-symmetry", test_toy_order_and_symmetry);
  g_test_add_func ("/lode/sensitivity/toy-threads", test_toy_threads);
  g_test_add_func ("/lode/sensitivity/cancelled", test_cancelled);
  g_test_add_func ("/lode/sensitivity/outputs", test_outputs);
  g_test_add_func ("/lode/sensitivity/param-ranges", test_param_ranges);
  g_test_add_func ("/lode/sensitivity/reference-inputs", test_reference_inputs);
  g_test_add_func ("/lode/sensitivity/reference-tornado", test_reference_tornado);
  g_test_add_func ("/lode/sensitivity/reference-other-output", test_reference_other_output);

  return g_test_run ();
}
