/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bands.c — Monte Carlo bands: the sampler's known quantiles, reproducibility, the
 * deterministic run inside the bands, no spread without ranges, the CSV columns. */

#define G_LOG_DOMAIN "test-bands"

#include "config.h"

#include <string.h>

#include "analysis-test-util.h"
#include "lode-bands.h"

static LodeBands *
run_bands (LodeAnalysisModel *model,
           guint              n_runs,
           guint64            seed)
{
  g_autoptr(GError) error = NULL;
  LodeBands *bands = lode_bands_run (model, n_runs, seed, LODE_MATERIAL_NDPR, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bands);
  return bands;
}

static void
headline (const LodeBands  *bands,
          const double    **p10,
          const double    **p50,
          const double    **p90)
{
  g_assert_true (lode_bands_lookup (bands, "china_free_share_us_demand", p10, p50, p90));
}

/* One input, triangular over 0..2 with its mode at 1: P10 = √0.2, P50 = 1, P90 = 2 - √0.2. */
static void
test_toy_quantiles (void)
{
  static const double spec[][4] = { { 1, 0, 2, 1 } };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0, 1, spec);
  g_autoptr(LodeBands) bands = run_bands (model, 20000, 7);
  const double *p10, *p50, *p90;

  headline (bands, &p10, &p50, &p90);
  g_assert_cmpint (bands->n_years, ==, TOY_HORIZON - LODE_BASE_YEAR + 1);
  for (int y = 0; y < bands->n_years; y++)
    {
      g_assert_cmpfloat_with_epsilon (p10[y], sqrt (0.2), 0.02);
      g_assert_cmpfloat_with_epsilon (p50[y], 1.0, 0.02);
      g_assert_cmpfloat_with_epsilon (p90[y], 2 - sqrt (0.2), 0.02);
    }
  g_assert_cmpuint (bands->n_failed, ==, 0);
  g_assert_cmpuint (bands->n_parameters, ==, 1);
}

static void
assert_same_bands (const LodeBands *a,
                   const LodeBands *b)
{
  gsize cells = (gsize) a->n_keys * a->n_years;

  g_assert_cmpuint (a->n_keys, ==, b->n_keys);
  g_assert_cmpint (a->n_years, ==, b->n_years);
  g_assert_cmpmem (a->p10, cells * sizeof (double), b->p10, cells * sizeof (double));
  g_assert_cmpmem (a->p50, cells * sizeof (double), b->p50, cells * sizeof (double));
  g_assert_cmpmem (a->p90, cells * sizeof (double), b->p90, cells * sizeof (double));
}

/* The same seed gives the same bands on one thread or several; another seed does not. */
static void
test_same_seed (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "allied-partnership");
  g_autoptr(LodeBands) a = NULL;
  g_autoptr(LodeBands) b = NULL;
  g_autoptr(LodeBands) c = NULL;
  const double *a50, *c50;

  lode_analysis_model_set_n_threads (model, 1);
  a = run_bands (model, 60, 42);
  lode_analysis_model_set_n_threads (model, 3);
  b = run_bands (model, 60, 42);
  c = run_bands (model, 60, 43);
  assert_same_bands (a, b);
  headline (a, NULL, &a50, NULL);
  headline (c, NULL, &c50, NULL);
  g_assert_true (memcmp (a50, c50, a->n_years * sizeof (double)) != 0);
}

/* The deterministic run of a preset, to the analyses' horizon. */
static LodeProjection *
deterministic (LodeDataset *ds,
               const char  *preset)
{
  g_autoptr(LodeScenario) sc = load_preset (ds, preset);

  lode_scenario_set_horizon (sc, LODE_DEFAULT_HORIZON, NULL);
  return run (ds, sc);
}

/* Without ranges every run is the deterministic one. */
static void
test_zero_ranges (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "mine-to-magnet");
  g_autoptr(LodeProjection) p = deterministic (ds, "mine-to-magnet");
  g_autoptr(LodeBands) bands = NULL;

  lode_analysis_model_scale_ranges (model, 0);
  bands = run_bands (model, 25, 1);
  for (guint k = 0; k < bands->n_keys; k++)
    for (int y = 0; y < bands->n_years; y++)
      {
        double det = lode_bands_figure_value (bands->keys[k], &p->years[y], LODE_MATERIAL_NDPR);
        gsize at = (gsize) k * bands->n_years + y;

        g_assert_cmpfloat (bands->p10[at], ==, det);
        g_assert_cmpfloat (bands->p50[at], ==, det);
        g_assert_cmpfloat (bands->p90[at], ==, det);
      }
}

/* The Baseline's deterministic share lies within P10..P90 every year. */
static void
test_contains_deterministic (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  g_autoptr(LodeProjection) p = deterministic (ds, "baseline");
  g_autoptr(LodeBands) bands = run_bands (model, LODE_BANDS_DEFAULT_RUNS,
                                          LODE_BANDS_DEFAULT_SEED);
  const double *p10, *p50, *p90;
  double widest = 0;

  headline (bands, &p10, &p50, &p90);
  g_assert_cmpuint (bands->n_failed, ==, 0);
  for (int y = 0; y < bands->n_years; y++)
    {
      double det = p->years[y].china_free_share_us_demand;

      g_assert_cmpfloat (p10[y], <=, p50[y]);
      g_assert_cmpfloat (p50[y], <=, p90[y]);
      if (det < p10[y] || det > p90[y])
        g_error ("%d: the deterministic share %.4f is outside P10–P90 %.4f–%.4f",
                 LODE_BASE_YEAR + y, det, p10[y], p90[y]);
      widest = MAX (widest, p90[y] - p10[y]);
    }
  /* Estimates are uncertain: the bands have width. */
  g_assert_cmpfloat (widest, >, 0.02);
}

static void
test_csv (void)
{
  static const double spec[][4] = { { 1, 0, 2, 1 } };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0, 1, spec);
  g_autoptr(LodeBands) bands = run_bands (model, 10, 3);
  g_autoptr(LodeProjection) p = lode_projection_new_empty (lode_analysis_model_get_dataset (model),
                                                           TOY_HORIZON);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) plain_rows = NULL;
  g_autofree char *assumptions = lode_bands_dup_assumptions (bands);
  guint n_figures;

  lode_year_figures (&n_figures);
  lode_bands_write_csv (bands, p, csv);
  lode_figures_write_csv (p, LODE_MATERIAL_NDPR, plain);
  rows = g_strsplit (csv->str, "\n", -1);
  header = g_strsplit (rows[0], ",", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, (guint) p->n_years + 2);
  /* year, the figures, the bottleneck, then three per figure. */
  g_assert_cmpuint (g_strv_length (header), ==, 2 + n_figures + 3 * n_figures);
  plain_rows = g_strsplit (plain->str, "\n", -1);
  /* The plain CSV's rows, each extended. */
  for (guint r = 0; plain_rows[r] != NULL && plain_rows[r][0] != '\0'; r++)
    {
      g_assert_true (g_str_has_prefix (rows[r], plain_rows[r]));
      g_assert_cmpuint (strlen (rows[r]), >, strlen (plain_rows[r]));
    }
  g_assert_nonnull (strstr (rows[0], ",china_free_share_us_demand.p10,"
                                     "china_free_share_us_demand.p50,"
                                     "china_free_share_us_demand.p90"));
  g_assert_nonnull (strstr (assumptions, "10 Monte Carlo runs, seed 3, over 1 estimate ("));
}

static void
test_bad_runs (void)
{
  static const double spec[][4] = { { 1, 0, 2, 1 } };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0, 1, spec);
  g_autoptr(GError) error = NULL;

  g_assert_null (lode_bands_run (model, 0, 1, LODE_MATERIAL_NDPR, NULL, &error));
  g_assert_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/bands/toy-quantiles", test_toy_quantiles);
  g_test_add_func ("/lode/bands/same-seed", test_same_seed);
  g_test_add_func ("/lode/bands/zero-ranges", test_zero_ranges);
  g_test_add_func ("/lode/bands/contains-deterministic", test_contains_deterministic);
  g_test_add_func ("/lode/bands/csv", test_csv);
  g_test_add_func ("/lode/bands/bad-runs", test_bad_runs);

  return g_test_run ();
}
