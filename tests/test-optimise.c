/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-optimise.c — the fund analyses: marginal values against finite differences run by
 * hand, and the optimiser's answers checked by running them. */

#define G_LOG_DOMAIN "test-optimise"

#include "config.h"

#include <string.h>

#include "analysis-test-util.h"
#include "lode-allocation.h"
#include "lode-marginal.h"
#include "lode-optimise.h"

/* The scenario with `extra` $ bn more in use `kind`, run by hand. */
static LodeProjection *
run_with_extra (LodeDataset  *ds,
                LodeScenario *base,
                guint         kind,
                double        extra)
{
  g_autoptr(LodeScenario) sc = lode_scenario_dup (base);
  g_autoptr(GError) error = NULL;
  double shares[LODE_N_FUND_KINDS];
  double fund = lode_scenario_get_lever (sc, LODE_LEVER_FUND_SIZE_BUSD);
  double money[LODE_N_FUND_KINDS], total = fund + extra;

  lode_scenario_get_allocation (sc, shares);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    money[k] = fund * shares[k] / 100 + (k == kind ? extra : 0);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    shares[k] = 100 * money[k] / total;
  /* The sum must be 100 within the scenario's tolerance. */
  shares[kind] = 0;
  shares[kind] = 100 - lode_allocation_sum (shares);
  g_assert_true (lode_scenario_set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, total, &error));
  g_assert_true (lode_scenario_set_allocation (sc, shares, &error));
  g_assert_no_error (error);
  return run (ds, sc);
}

static void
check_marginal (const char *preset)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, preset);
  g_autoptr(LodeAnalysisModel) model = NULL;
  g_autoptr(LodeMarginal) m = NULL;
  g_autoptr(LodeProjection) base = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  lode_scenario_set_horizon (sc, LODE_DEFAULT_HORIZON, NULL);
  model = lode_analysis_model_new (ds, sc);
  m = lode_marginal_run (model, 0.5, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (m);
  base = run (ds, sc);
  g_assert_cmpfloat (m->step_busd, ==, 1.0);
  g_assert_cmpint (m->base_reached, ==, lode_projection_first_year_reaching (base, 0.5));

  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      g_autoptr(LodeProjection) more = run_with_extra (ds, sc, k, 1.0);
      int reached = lode_projection_first_year_reaching (more, 0.5);

      for (int y = LODE_BASE_YEAR; y <= LODE_DEFAULT_HORIZON; y++)
        {
          double t = lode_projection_get_year (base, y)->us_china_free_magnet_t;
          double fd = lode_projection_get_year (more, y)->us_china_free_magnet_t - t;
          double value = lode_marginal_t_per_busd (m, k, y);

          /* Within the model's rounding of the tonnes themselves (a few grams). */
          if (fabs (value - fd) > 1e-6 * MAX (1.0, fabs (fd)) + 1e-8 * fabs (t))
            g_error ("%s: %s in %d: marginal %.9g t per $ bn, finite difference %.9g", preset,
                     lode_fund_kind_id (k), y, value, fd);
          any |= fabs (value) > LODE_MARGINAL_MIN_T;
        }
      g_assert_cmpint (m->use_reached[k], ==, reached);
    }
  /* Money does something somewhere. */
  g_assert_true (any);
  g_assert_true (isnan (lode_marginal_t_per_busd (m, 0, 2070)));
}

static void
test_marginal_baseline (void)
{
  check_marginal ("baseline");
}

static void
test_marginal_with_fund (void)
{
  check_marginal ("allied-partnership");
}

/* The bottleneck is the use with the most tonnes per dollar; the summary says it. */
static void
test_marginal_best (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  g_autoptr(LodeMarginal) m = lode_marginal_run (model, 0.5, NULL, NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *line = NULL;
  int best = lode_marginal_best (m, 2035);

  g_assert_cmpint (best, >=, 0);
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    g_assert_cmpfloat (lode_marginal_t_per_busd (m, k, 2035), <=,
                       lode_marginal_t_per_busd (m, best, 2035));
  /* Before money builds anything, nothing binds. */
  g_assert_cmpint (lode_marginal_best (m, LODE_BASE_YEAR), ==, -1);

  lode_marginal_write_summary (m, 2035, summary);
  line = g_strdup_printf ("marginal_bottleneck: %s\n", lode_fund_kind_id (best));
  g_assert_nonnull (strstr (summary->str, line));
  g_assert_nonnull (strstr (summary->str, "marginal_t_per_busd.separation: "));
  g_assert_nonnull (strstr (summary->str, "marginal_years_gained.recycling: "));
}

static LodeOptimiseResult *
optimise (LodeAnalysisModel *model,
          const char        *spec,
          const gboolean     locked[LODE_N_FUND_KINDS])
{
  g_autoptr(GError) error = NULL;
  LodeOptimiseRequest request;
  LodeOptimiseResult *result;

  lode_optimise_request_init (&request);
  g_assert_true (lode_optimise_request_parse (&request, spec, &error));
  g_assert_no_error (error);
  if (locked != NULL)
    memcpy (request.locked, locked, sizeof request.locked);
  result = lode_optimise_run (model, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The share a scenario reaches with a fund and split. */
static double
share_with (LodeDataset              *ds,
            LodeScenario             *base,
            const LodeOptimiseResult *result,
            double                    fund_factor)
{
  g_autoptr(LodeScenario) sc = lode_scenario_dup (base);
  g_autoptr(LodeProjection) p = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_optimise_result_apply (result, sc, &error));
  g_assert_no_error (error);
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, result->fund_busd * fund_factor);
  p = run (ds, sc);
  return share_in (p, result->request.year);
}

/* The answer reaches the target when applied; 5 % less money does not. */
static void
test_smallest_fund (gconstpointer data)
{
  const char *preset = data;
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, preset);
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, preset);
  g_autoptr(LodeOptimiseResult) r = optimise (model, "share=0.5,year=2030", NULL);
  g_autoptr(GString) summary = g_string_new (NULL);

  g_assert_true (r->reached);
  g_assert_null (r->note);
  g_assert_cmpfloat (r->fund_busd, >, 0);
  g_assert_cmpfloat_with_epsilon (lode_allocation_sum (r->shares), 100, 1e-9);
  g_assert_cmpfloat (share_with (ds, sc, r, 1.0), >=, 0.5);
  g_assert_cmpfloat (share_with (ds, sc, r, 0.95), <, 0.5);
  g_assert_cmpfloat (r->smaller_value, <, 0.5);
  /* The fund is rounded to three significant digits (at most 1 % more than needed). */
  {
    char text[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (text, sizeof text, "%.3g", r->fund_busd);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (text, NULL), r->fund_busd, 1e-9);
  }

  lode_optimise_write_summary (r, summary);
  g_assert_nonnull (strstr (summary->str, "optimise_reached: yes\n"));
  g_assert_nonnull (strstr (summary->str, "optimise_set: --set fund.size_busd="));
}

/* Locked shares keep their value. */
static void
test_locks (void)
{
  static const gboolean locked[LODE_N_FUND_KINDS] = { FALSE, FALSE, FALSE, TRUE, TRUE };
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "baseline");
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  g_autoptr(LodeOptimiseResult) r = optimise (model, "share=40%,year=2032", locked);
  double shares[LODE_N_FUND_KINDS];

  lode_scenario_get_allocation (sc, shares);
  g_assert_cmpfloat (r->shares[LODE_STAGE_MAGNET], ==, shares[LODE_STAGE_MAGNET]);
  g_assert_cmpfloat (r->shares[LODE_FUND_RECYCLING], ==, shares[LODE_FUND_RECYCLING]);
  g_assert_cmpfloat_with_epsilon (r->request.target, 0.4, 1e-12);
  if (r->reached)
    g_assert_cmpfloat (share_with (ds, sc, r, 1.0), >=, 0.4);
}

/* No fund can outrun lead times: the answer says so. */
static void
test_unreachable (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  g_autoptr(LodeOptimiseResult) r = optimise (model, "share=0.97,year=2026", NULL);

  g_assert_false (r->reached);
  g_assert_nonnull (r->note);
  g_assert_nonnull (strstr (r->note, "No fund up to"));
  g_assert_cmpfloat (r->value, <, 0.97);
}

/* The best split of a fund does at least as well as the scenario's split. */
static void
test_best_split (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "allied-partnership");
  g_autoptr(LodeAnalysisModel) model = NULL;
  g_autoptr(LodeOptimiseResult) r = NULL;
  g_autoptr(LodeProjection) p = NULL;

  lode_scenario_set_horizon (sc, LODE_DEFAULT_HORIZON, NULL);
  model = lode_analysis_model_new (ds, sc);
  r = optimise (model, "fund=20,year=2032", NULL);
  g_assert_cmpint (r->request.goal, ==, LODE_OPTIMISE_BEST_SPLIT);
  g_assert_cmpfloat (r->fund_busd, ==, 20);
  set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, 20);
  p = run (ds, sc);
  g_assert_cmpfloat (r->value, >=, share_in (p, 2032) - 1e-9);
  g_assert_cmpfloat_with_epsilon (share_with (ds, sc, r, 1.0), r->value, 1e-12);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  LodeOptimiseRequest request;

  lode_optimise_request_init (&request);
  g_assert_true (lode_optimise_request_parse (&request, "share=0.6, year=2035", &error));
  g_assert_cmpfloat (request.target, ==, 0.6);
  g_assert_cmpint (request.year, ==, 2035);
  g_assert_cmpint (request.goal, ==, LODE_OPTIMISE_SMALLEST_FUND);
  g_assert_true (lode_optimise_request_parse (&request, "target=75%", &error));
  g_assert_cmpfloat (request.target, ==, 0.75);

  /* Each refusal says what the value may be. */
  for (guint i = 0; i < 5; i++)
    {
      static const char * const bad[][2] = {
        { "share=2", "from 0 to 1" }, { "year=1990", "from 2025 to 2060" },
        { "fund=-1", "from 0 to 500 billion" }, { "speed=3", "share=0.5,year=2030" },
        { "share", "share=0.5,year=2030" },
      };

      g_assert_false (lode_optimise_request_parse (&request, bad[i][0], &error));
      g_assert_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i][0]));
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_clear_error (&error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/optimise/marginal-baseline", test_marginal_baseline);
  g_test_add_func ("/lode/optimise/marginal-with-fund", test_marginal_with_fund);
  g_test_add_func ("/lode/optimise/marginal-best", test_marginal_best);
  /* Mine to Magnet reaches 50 % with a fund much smaller than its own: the rounding must
   * follow the fund's size. */
  g_test_add_data_func ("/lode/optimise/smallest-fund/baseline", "baseline", test_smallest_fund);
  g_test_add_data_func ("/lode/optimise/smallest-fund/mine-to-magnet", "mine-to-magnet",
                        test_smallest_fund);
  g_test_add_func ("/lode/optimise/locks", test_locks);
  g_test_add_func ("/lode/optimise/unreachable", test_unreachable);
  g_test_add_func ("/lode/optimise/best-split", test_best_split);
  g_test_add_func ("/lode/optimise/parse", test_parse);

  return g_test_run ();
}
