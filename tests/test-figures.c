/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figures.c — the named figures: `--summary` has every required key with the projection's
 * values, `--csv` has a header and one row per year, numbers are C-locale. */
#define G_LOG_DOMAIN "test-figures"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-figures.h"

static LodeProjection *
run_with (double fund,
          int    horizon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) sc = NULL;
  LodeProjection *p;

  g_assert_no_error (error);
  sc = lode_scenario_new (ds);
  lode_scenario_set_horizon (sc, horizon, &error);
  g_assert_no_error (error);
  lode_scenario_set_lever (sc, LODE_LEVER_FUND_SIZE_BUSD, fund, &error);
  g_assert_no_error (error);
  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);
  return p;
}

/* "key: value" lines into a table. */
static GHashTable *
parse_summary (const char *text)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon;

      if (lines[i][0] == '\0')
        continue;
      colon = strstr (lines[i], ": ");
      g_assert_nonnull (colon);
      g_assert_false (g_hash_table_contains (table, lines[i]));   /* keys are unique */
      *colon = '\0';
      g_hash_table_insert (table, g_strdup (lines[i]), g_strdup (colon + 2));
    }
  return table;
}

static double
number (GHashTable *table,
        const char *key)
{
  const char *text = g_hash_table_lookup (table, key);
  char *end = NULL;
  double value;

  if (text == NULL)
    g_error ("summary lacks “%s”", key);
  value = g_ascii_strtod (text, &end);
  g_assert_true (end != text && *end == '\0');
  return value;
}

static void
assert_matches (double printed,
                double exact)
{
  /* "%.6g": six significant digits. */
  g_assert_cmpfloat (fabs (printed - exact), <=, 1e-5 * fabs (exact) + 1e-12);
}

static void
test_summary (void)
{
  g_autoptr(LodeProjection) p = run_with (40, 2040);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) table = NULL;
  const char *stages[] = { "mine", "separation", "metal", "magnet" };
  const int years[] = { 2024, 2030, 2035, 2040 };
  const char *text;
  int first;

  lode_figures_write_summary (p, LODE_MATERIAL_NDPR, out);
  table = parse_summary (out->str);

  for (guint k = 0; k < G_N_ELEMENTS (years); k++)
    {
      const LodeYear *y = lode_projection_get_year (p, years[k]);
      g_autofree char *key = NULL;

      for (int s = 0; s < LODE_N_STAGES; s++)
        {
          g_autofree char *a = g_strdup_printf ("china_share.%s.%d", stages[s], years[k]);
          g_autofree char *b = g_strdup_printf ("us_self_sufficiency.%s.%d", stages[s],
                                                years[k]);
          g_autofree char *c = g_strdup_printf ("world_production.%s.%d", stages[s], years[k]);

          assert_matches (number (table, a), y->chain[LODE_MATERIAL_NDPR].china_share[s]);
          assert_matches (number (table, b),
                          y->chain[LODE_MATERIAL_NDPR].us_self_sufficiency[s]);
          assert_matches (number (table, c), y->chain[LODE_MATERIAL_NDPR].world_production[s]);
        }
      key = g_strdup_printf ("china_free_share_us_demand.%d", years[k]);
      assert_matches (number (table, key), y->china_free_share_us_demand);
      g_free (key);
      key = g_strdup_printf ("china_free_share_us_magnets.%d", years[k]);
      assert_matches (number (table, key), y->china_free_share_us_magnets);
      g_free (key);
      key = g_strdup_printf ("us_shortfall_t.%d", years[k]);
      assert_matches (number (table, key), y->us_shortfall_magnet_t);
      g_free (key);
      key = g_strdup_printf ("ndpr_price_usd_kg.%d", years[k]);
      assert_matches (number (table, key), y->chain[LODE_MATERIAL_NDPR].price_usd_kg);
      g_free (key);
      key = g_strdup_printf ("ndpr_price_china_usd_kg.%d", years[k]);
      assert_matches (number (table, key), y->chain[LODE_MATERIAL_NDPR].price_china_usd_kg);
      g_free (key);
      key = g_strdup_printf ("jobs.%d", years[k]);
      assert_matches (number (table, key), y->jobs_us);
      g_free (key);
      key = g_strdup_printf ("public_spend_busd.%d", years[k]);
      assert_matches (number (table, key), y->public_spend_busd);
      g_free (key);
      key = g_strdup_printf ("price_floor_cost_busd.%d", years[k]);
      assert_matches (number (table, key), y->price_floor_cost_busd);
      g_free (key);
      key = g_strdup_printf ("co2e_kt.%d", years[k]);
      assert_matches (number (table, key), y->co2e_kt);
    }
  /* Only the four years: nothing for 2025 or 2041. */
  g_assert_false (g_hash_table_contains (table, "china_share.mine.2025"));
  g_assert_false (g_hash_table_contains (table, "china_share.mine.2041"));

  assert_matches (number (table, "public_spend_cumulative_busd"),
                  lode_projection_get_last_year (p)->public_spend_cum_busd);
  /* Every dollar of the fund is either absorbed or reported as unabsorbed. */
  assert_matches (number (table, "public_spend_cumulative_busd") +
                  number (table, "fund_unabsorbed_busd"), 40);
  assert_matches (number (table, "private_spend_cumulative_busd"),
                  lode_projection_get_last_year (p)->private_spend_cum_busd);
  assert_matches (number (table, "price_floor_cost_cumulative_busd"),
                  lode_projection_get_last_year (p)->price_floor_cost_cum_busd);
  g_assert_cmpfloat (number (table, "cost_per_tpa_china_free_capacity_usd"), >, 0);

  first = lode_projection_first_year_reaching (p, 0.5);
  text = g_hash_table_lookup (table, "first_year_china_free_share_50pct");
  g_assert_nonnull (text);
  if (first > 0)
    g_assert_cmpint (atoi (text), ==, first);
  else
    g_assert_cmpstr (text, ==, "never");

  /* Shares are fractions. */
  g_assert_cmpfloat (number (table, "china_share.mine.2024"), <, 1);
  g_assert_cmpfloat (number (table, "china_share.mine.2024"), >, 0.5);
}

static void
test_summary_short_horizon (void)
{
  g_autoptr(LodeProjection) p = run_with (0, 2030);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) table = NULL;

  lode_figures_write_summary (p, LODE_MATERIAL_NDPR, out);
  table = parse_summary (out->str);
  /* 2030 is both a reporting year and the horizon: once. 2035 is past the horizon. */
  g_assert_true (g_hash_table_contains (table, "china_share.mine.2030"));
  g_assert_false (g_hash_table_contains (table, "china_share.mine.2035"));
  /* No fund, but the default price floor is public money too: cost per t/yr of China-free
   * US magnet supply gained since 2024. */
  g_assert_cmpfloat (number (table, "public_spend_cumulative_busd"), ==, 0);
  {
    const LodeYear *first = &p->years[0], *last = lode_projection_get_last_year (p);
    double gained = last->us_china_free_magnet_t - first->us_china_free_magnet_t;

    g_assert_cmpfloat (gained, >, 0);
    assert_matches (number (table, "cost_per_tpa_china_free_capacity_usd"),
                    last->price_floor_cost_cum_busd * 1e9 / gained);
  }
}

static void
test_summary_not_meaningful (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) sc = lode_scenario_new (ds);
  g_autoptr(LodeProjection) p = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) table = NULL;

  /* No fund and no floor: no public money, so no cost per t/yr. */
  lode_scenario_set_lever (sc, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG, 0, &error);
  g_assert_no_error (error);
  p = lode_projection_run (ds, sc, &error);
  g_assert_no_error (error);
  lode_figures_write_summary (p, LODE_MATERIAL_NDPR, out);
  table = parse_summary (out->str);
  g_assert_cmpstr (g_hash_table_lookup (table, "cost_per_tpa_china_free_capacity_usd"), ==,
                   "n/a");
  g_assert_cmpfloat (number (table, "price_floor_cost_cumulative_busd"), ==, 0);
}

static void
test_csv (void)
{
  g_autoptr(LodeProjection) p = run_with (10, 2045);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint n_figures;
  const LodeYearFigure *figures = lode_year_figures (&n_figures);
  int price_col = -1;

  lode_figures_write_csv (p, LODE_MATERIAL_NDPR, out);
  lines = g_strsplit (out->str, "\n", -1);
  /* Header, one row per year, then the empty string after the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + (guint) p->n_years + 1);
  g_assert_cmpstr (lines[p->n_years + 1], ==, "");

  header = g_strsplit (lines[0], ",", -1);
  /* The figures, then the US bottleneck stage as text. */
  g_assert_cmpuint (g_strv_length (header), ==, n_figures + 2);
  g_assert_cmpstr (header[n_figures + 1], ==, "us_bottleneck_stage");
  g_assert_cmpstr (header[0], ==, "year");
  for (guint f = 0; f < n_figures; f++)
    {
      g_assert_cmpstr (header[f + 1], ==, figures[f].key);
      if (g_str_equal (figures[f].key, "ndpr_price_usd_kg"))
        price_col = (int) f + 1;
    }
  g_assert_cmpint (price_col, >, 0);
  g_assert_true (g_strv_contains ((const char * const *) header, "china_share.separation"));
  g_assert_true (g_strv_contains ((const char * const *) header, "us_shortfall_t"));
  g_assert_true (g_strv_contains ((const char * const *) header, "jobs"));

  for (int k = 0; k < p->n_years; k++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[k + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, n_figures + 2);
      g_assert_cmpint (atoi (cells[0]), ==, 2024 + k);
      assert_matches (g_ascii_strtod (cells[price_col], NULL),
                      p->years[k].chain[LODE_MATERIAL_NDPR].price_usd_kg);
      g_assert_cmpstr (cells[n_figures + 1], ==,
                       lode_figures_bottleneck_id (&p->years[k], LODE_MATERIAL_NDPR));
    }
}

static void
test_numbers (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  lode_figures_append_number (out, 0.6924999);
  g_string_append_c (out, ' ');
  lode_figures_append_number (out, -0.0);
  g_string_append_c (out, ' ');
  lode_figures_append_number (out, 250000);
  g_string_append_c (out, ' ');
  lode_figures_append_number (out, 1234567);
  g_assert_cmpstr (out->str, ==, "0.6925 0 250000 1.23457e+06");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/figures/summary", test_summary);
  g_test_add_func ("/lode/figures/summary-short-horizon", test_summary_short_horizon);
  g_test_add_func ("/lode/figures/summary-not-meaningful", test_summary_not_meaningful);
  g_test_add_func ("/lode/figures/csv", test_csv);
  g_test_add_func ("/lode/figures/numbers", test_numbers);

  return g_test_run ();
}
