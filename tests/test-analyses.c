/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analyses.c — the flow difference and LodeAnalyses, which keeps a document's analyses
 * up to date in the background. */

#define G_LOG_DOMAIN "test-analyses"

#include "config.h"

#include <string.h>

#include "analysis-test-util.h"
#include "lode-analyses.h"
#include "lode-flow-diff.h"

/* A scenario against itself: no change anywhere. */
static void
test_flow_diff_neutral (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "mine-to-magnet");
  g_autoptr(LodeProjection) a = run (ds, sc);
  g_autoptr(LodeProjection) b = run (ds, sc);

  for (int m = 0; m < LODE_N_MATERIALS; m++)
    {
      g_autoptr(LodeFlowDiff) diff = lode_flow_diff_new (a, b, 2035, (LodeMaterial) m);

      g_assert_nonnull (diff);
      g_assert_true (lode_flow_diff_is_neutral (diff));
      g_assert_cmpuint (diff->n_changes, ==, 0);
      g_assert_cmpfloat (diff->max_abs_delta_t, ==, 0);
      g_assert_cmpfloat (diff->us_china_free_delta_t, ==, 0);
      for (guint s = 0; s < LODE_N_STAGES; s++)
        for (guint i = 0; i < diff->n_regions; i++)
          for (guint j = 0; j < diff->n_regions; j++)
            g_assert_cmpfloat (lode_flow_diff_get (diff, s, i, j), ==, 0);
    }
}

/* A plan against the Baseline: changes sorted, each the difference of China-free tonnes. */
static void
test_flow_diff_changes (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "mine-to-magnet");
  g_autoptr(LodeScenario) base_sc = load_preset (ds, "baseline");
  g_autoptr(LodeProjection) a = run (ds, sc);
  g_autoptr(LodeProjection) b = run (ds, base_sc);
  g_autoptr(LodeFlowDiff) diff = lode_flow_diff_new (a, b, 2035, LODE_MATERIAL_NDPR);
  const LodeYear *ya = lode_projection_get_year (a, 2035);
  gboolean us_gain = FALSE;

  g_assert_false (lode_flow_diff_is_neutral (diff));
  g_assert_cmpfloat (diff->max_abs_delta_t, ==, fabs (diff->changes[0].delta_t));
  for (guint c = 0; c < diff->n_changes; c++)
    {
      const LodeFlowChange *change = &diff->changes[c];
      double content = lode_projection_flow_china_content (a, ya, LODE_MATERIAL_NDPR,
                                                           change->stage, change->from,
                                                           change->to);

      if (c > 0)
        g_assert_cmpfloat (fabs (diff->changes[c - 1].delta_t), >=, fabs (change->delta_t));
      g_assert_cmpfloat_with_epsilon (change->delta_t, change->scenario_t - change->baseline_t,
                                      1e-9);
      g_assert_cmpfloat_with_epsilon (change->scenario_t,
                                      ya->chain[0].flow_ox[change->stage][change->from]
                                                            [change->to] * (1 - content),
                                      1e-6);
      g_assert_cmpfloat (lode_flow_diff_get (diff, change->stage, change->from, change->to), ==,
                         change->delta_t);
      if (change->to == ds->us && change->stage == LODE_STAGE_MAGNET && change->delta_t > 0)
        us_gain = TRUE;
    }
  /* The plan brings China-free magnets to the US. */
  g_assert_true (us_gain);
  g_assert_cmpfloat (diff->us_china_free_delta_t, >, 0);
  g_assert_null (lode_flow_diff_new (a, b, 2070, LODE_MATERIAL_NDPR));
}

typedef struct
{
  LodeDataset  *dataset;
  LodeDocument *document;
  LodeAnalyses *analyses;
  guint         n_updated;
} Fixture;

static void
updated_cb (LodeAnalyses *analyses,
            Fixture      *fx)
{
  fx->n_updated++;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dataset = load_dataset ();
  fx->document = lode_document_new (fx->dataset);
  g_assert_true (lode_document_new_from_preset (fx->document, "baseline", &error));
  fx->analyses = lode_analyses_new (fx->document);
  lode_analyses_set_delay (fx->analyses, 0);
  lode_analyses_set_bands_runs (fx->analyses, 40);
  g_signal_connect (fx->analyses, "updated", G_CALLBACK (updated_cb), fx);
}

/* Drops the last reference we hold and waits for the worker threads to drop theirs: a task
 * lets go of its source object on its thread after the result has been delivered. */
static void
finish_analyses (LodeAnalyses *analyses)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (analyses), (gpointer *) &analyses);
  g_object_unref (analyses);
  while (analyses != NULL && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_null (analyses);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  if (fx->analyses != NULL)
    finish_analyses (g_steal_pointer (&fx->analyses));
  g_assert_finalize_object (g_steal_pointer (&fx->document));
  g_clear_pointer (&fx->dataset, lode_dataset_unref);
}

static void
wait_idle (Fixture *fx)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (lode_analyses_get_busy (fx->analyses) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (lode_analyses_get_busy (fx->analyses));
}

/* The marginal values come by default; the others when asked for, for the selected year. */
static void
test_analyses_results (Fixture       *fx,
                       gconstpointer  data)
{
  LodeSensitivity *s;

  g_assert_true (lode_analyses_from_document (fx->document) == fx->analyses);
  g_assert_true (lode_analyses_get_busy (fx->analyses));
  wait_idle (fx);
  g_assert_nonnull (lode_analyses_get_marginal (fx->analyses));
  g_assert_null (lode_analyses_get_sensitivity (fx->analyses));
  g_assert_null (lode_analyses_get_bands (fx->analyses));

  lode_document_set_selected_year (fx->document, 2033);
  lode_analyses_set_sensitivity_enabled (fx->analyses, TRUE);
  lode_analyses_set_bands_enabled (fx->analyses, TRUE);
  wait_idle (fx);
  s = lode_analyses_get_sensitivity (fx->analyses);
  g_assert_nonnull (s);
  g_assert_cmpint (s->output.year, ==, 2033);
  g_assert_nonnull (lode_analyses_get_bands (fx->analyses));
  g_assert_cmpuint (lode_analyses_get_bands (fx->analyses)->n_runs, ==, 40);
  g_assert_cmpuint (fx->n_updated, >=, 3);

  /* Another year: a new tornado; the rest stays. */
  lode_document_set_selected_year (fx->document, 2036);
  g_assert_null (lode_analyses_get_sensitivity (fx->analyses));
  g_assert_nonnull (lode_analyses_get_bands (fx->analyses));
  wait_idle (fx);
  g_assert_cmpint (lode_analyses_get_sensitivity (fx->analyses)->output.year, ==, 2036);

  lode_analyses_set_bands_enabled (fx->analyses, FALSE);
  g_assert_null (lode_analyses_get_bands (fx->analyses));
}

/* A change clears every result and, after a burst of changes, the results are the last
 * scenario's. */
static void
test_analyses_change (Fixture       *fx,
                      gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (fx->document);
  g_autoptr(LodeProjection) p = NULL;
  LodeMarginal *m;

  lode_analyses_set_bands_enabled (fx->analyses, TRUE);
  wait_idle (fx);
  g_assert_nonnull (lode_analyses_get_bands (fx->analyses));

  for (int fund = 1; fund <= 12; fund++)
    {
      g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, fund, NULL));
      g_assert_null (lode_analyses_get_marginal (fx->analyses));
      g_assert_null (lode_analyses_get_bands (fx->analyses));
      g_main_context_iteration (NULL, FALSE);
    }
  wait_idle (fx);
  m = lode_analyses_get_marginal (fx->analyses);
  g_assert_nonnull (m);
  g_assert_cmpfloat (m->fund_busd, ==, 12);
  p = lode_projection_run (fx->dataset, scenario, NULL);
  for (int y = 0; y < m->n_years; y++)
    g_assert_cmpfloat (m->base_t[y], ==, p->years[y].us_china_free_magnet_t);
  g_assert_nonnull (lode_analyses_get_bands (fx->analyses));
}

/* Dropping the analyses while they work cancels them cleanly. */
static void
test_analyses_dispose_busy (Fixture       *fx,
                            gconstpointer  data)
{
  LodeAnalyses *analyses = g_steal_pointer (&fx->analyses);

  lode_analyses_set_bands_runs (analyses, 400);
  lode_analyses_set_bands_enabled (analyses, TRUE);
  for (int i = 0; i < 3; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (lode_analyses_get_busy (analyses));
  g_object_run_dispose (G_OBJECT (analyses));
  g_assert_null (lode_analyses_from_document (fx->document));
  /* The cancelled work returns, and with it the last reference. */
  finish_analyses (analyses);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/analyses/flow-diff-neutral", test_flow_diff_neutral);
  g_test_add_func ("/lode/analyses/flow-diff-changes", test_flow_diff_changes);
  g_test_add ("/lode/analyses/results", Fixture, NULL, fixture_setup, test_analyses_results,
              fixture_teardown);
  g_test_add ("/lode/analyses/change", Fixture, NULL, fixture_setup, test_analyses_change,
              fixture_teardown);
  g_test_add ("/lode/analyses/dispose-busy", Fixture, NULL, fixture_setup,
              test_analyses_dispose_busy, fixture_teardown);

  return g_test_run ();
}
