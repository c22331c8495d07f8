/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-explain.c — a headline figure explained adds up: its terms sum to the figure, the
 * arithmetic shown gives it, and bad keys or years are refused with the allowed ones. */
#define G_LOG_DOMAIN "test-explain"

#include "config.h"

#include <string.h>

#include "lode-explain.h"
#include "lode-format.h"
#include "model-test-util.h"

static double
sum_terms (const LodeExplanation *e)
{
  double sum = 0;

  for (guint i = 0; i < e->terms->len; i++)
    sum += ((const LodeExplainTerm *) g_ptr_array_index (e->terms, i))->value;
  return sum;
}

/* The China-free magnets by maker add up to the figure, largest first, in every year of a
 * busy scenario. */
static void
test_china_free_adds_up (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "allied-partnership");
  g_autoptr(LodeProjection) p = run (ds, sc);

  for (int year = p->base_year; year <= p->horizon; year++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodeExplanation) e = lode_explain (p, "us_china_free_magnets_t", year, &error);
      const LodeYear *y = lode_projection_get_year (p, year);
      double terms;

      g_assert_no_error (error);
      terms = sum_terms (e);
      /* Makers below half a tonne are left out. */
      g_assert_cmpfloat (fabs (terms - y->us_china_free_magnet_t), <=,
                         0.5 * 2 * p->n_regions + 1e-9 * y->us_china_free_magnet_t);
      for (guint i = 1; i < e->terms->len; i++)
        g_assert_cmpfloat (((LodeExplainTerm *) g_ptr_array_index (e->terms, i - 1))->value, >=,
                           ((LodeExplainTerm *) g_ptr_array_index (e->terms, i))->value);
    }
}

/* The share's text names its value and the tonnes it divides. */
static void
test_share_text (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "mine-to-magnet");
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(LodeExplanation) e = lode_explain (p, "china_free_share_us_demand", 2030, NULL);
  g_autofree char *text = lode_explanation_to_text (e);
  g_autofree char *share = lode_format_percent (100 * share_in (p, 2030), 1);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "2030"));
  g_assert_nonnull (strstr (text, share));
  g_assert_nonnull (strstr (text, "United States, NdFeB"));
  g_assert_nonnull (strstr (text, "via oxide separated in"));
}

/* The NPV's rows as printed add up to the figure as printed, tens of billions too: each row
 * keeps its cents of a billion (the Allied Partnership's grants of −13.49 were printed as
 * −13, and the rows missed the NPV by half a billion). */
static void
test_npv_rows_as_printed (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "allied-partnership");
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(LodeExplanation) e = lode_explain (p, "fund_npv_busd", 2030, NULL);
  double printed = 0, largest = 0;

  for (guint i = 0; i < e->terms->len; i++)
    {
      const LodeExplainTerm *t = g_ptr_array_index (e->terms, i);
      g_autofree char *value = lode_explain_term_dup_value (e, t);
      g_autoptr(GString) plain = g_string_new (value);

      g_test_message ("%s %s", t->label, value);
      g_string_replace (plain, LODE_MINUS_SIGN, "-", 0);
      g_string_replace (plain, ",", "", 0);
      printed += g_ascii_strtod (plain->str, NULL);
      largest = MAX (largest, fabs (t->value));
    }
  g_assert_cmpfloat (largest, >=, 10);
  g_assert_cmpfloat_with_epsilon (printed, p->fund.npv_busd, 0.005 * (e->terms->len + 1));
}

/* The fund's NPV is its discounted cash flows, kind by kind: the terms add up to it, money
 * out is negative, and the text puts the sign before the currency. */
static void
test_npv_adds_up (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "mine-to-magnet");
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(LodeExplanation) e = lode_explain (p, "fund_npv_busd", 2030, NULL);
  g_autofree char *text = lode_explanation_to_text (e);
  gboolean has_grants = FALSE;

  g_test_message ("%s", text);
  g_assert_cmpfloat (p->fund.npv_busd, <, 0);
  g_assert_cmpfloat_with_epsilon (sum_terms (e), p->fund.npv_busd, 1e-9);
  for (guint i = 0; i < e->terms->len; i++)
    {
      const LodeExplainTerm *t = g_ptr_array_index (e->terms, i);

      if (g_str_equal (t->label, "Grants"))
        {
          has_grants = TRUE;
          g_assert_cmpfloat (t->value, <, 0);
        }
    }
  g_assert_true (has_grants);
  g_assert_nonnull (strstr (text, LODE_MINUS_SIGN "$"));

  g_assert_nonnull (strstr (text, "Internal rate of return"));
}

/* The price's terms are the world's separated oxide. */
static void
test_price_terms (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);

  for (int m = 0; m < LODE_N_MATERIALS; m++)
    {
      g_autofree char *key = g_strdup_printf ("%s_price_usd_kg",
                                              lode_material_id ((LodeMaterial) m));
      g_autoptr(LodeExplanation) e = lode_explain (p, key, 2035, NULL);
      const LodeChain *c = &lode_projection_get_year (p, 2035)->chain[m];

      g_assert_nonnull (e);
      g_assert_cmpfloat (fabs (sum_terms (e) - c->world_production[LODE_STAGE_SEPARATION]), <=,
                         0.5 * p->n_regions + 1e-9 * c->world_production[LODE_STAGE_SEPARATION]);
    }
}

static void
test_refuses (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(GError) error = NULL;

  g_assert_null (lode_explain (p, "jobs_us", 2030, &error));
  g_assert_nonnull (strstr (error->message, "china_free_share_us_demand"));
  g_clear_error (&error);
  g_assert_null (lode_explain (p, "china_free_share_us_demand", 2061, &error));
  g_assert_nonnull (strstr (error->message, "2061"));
  g_assert_nonnull (strstr (error->message, "2024"));
  for (const char *const *k = lode_explain_keys (); *k != NULL; k++)
    {
      g_autoptr(LodeExplanation) e = lode_explain (p, *k, 2024, NULL);

      g_assert_nonnull (e);
      g_assert_nonnull (e->title);
      g_assert_nonnull (e->formula);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lode/explain/china-free-adds-up", test_china_free_adds_up);
  g_test_add_func ("/lode/explain/share-text", test_share_text);
  g_test_add_func ("/lode/explain/price-terms", test_price_terms);
  g_test_add_func ("/lode/explain/npv-adds-up", test_npv_adds_up);
  g_test_add_func ("/lode/explain/npv-rows-as-printed", test_npv_rows_as_printed);
  g_test_add_func ("/lode/explain/refuses", test_refuses);
  return g_test_run ();
}
