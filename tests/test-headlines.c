/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-headlines"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-fixtures.h"
#include "lode-headlines.h"

static void
test_values (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  LodeHeadlines h;

  lode_headlines_compute (p, NULL, 0.5, &h);
  /* 0.05 + 0.05 · 6 in 2030, + 0.05 · 11 in 2035. */
  g_assert_cmpfloat_with_epsilon (h.china_free_2030, 0.35, 1e-12);
  g_assert_cmpfloat_with_epsilon (h.china_free_2035, 0.60, 1e-12);
  /* 0.05 + 0.05 · 9 = 0.50 first in 2033. */
  g_assert_cmpint (h.target_year, ==, 2033);
  /* 5 × 2 bn of public spend + 10 × 0.5 bn of price-floor cost. */
  g_assert_cmpfloat_with_epsilon (h.public_cost_busd, 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h.jobs, 1000.0 + 250.0 * 16, 1e-9);
  g_assert_false (h.has_baseline);
  g_assert_cmpint (h.horizon, ==, 2040);
  g_assert_cmpfloat (h.target_share, ==, 0.5);

  /* A different target moves the year. */
  lode_headlines_compute (p, NULL, 0.25, &h);
  g_assert_cmpint (h.target_year, ==, 2028);
}

static void
test_never_reached (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.01);
  LodeHeadlines h;
  LodeHeadlineText text;

  /* 0.05 + 0.01 · 16 = 0.21 at most. */
  lode_headlines_compute (p, NULL, 0.5, &h);
  g_assert_cmpint (h.target_year, ==, 0);

  lode_headlines_format (&h, LODE_HEADLINE_TARGET_YEAR, &text);
  g_assert_cmpstr (text.value, ==, "Not by 2040");
  g_assert_null (text.delta);
  lode_headline_text_clear (&text);

  /* A horizon before 2035 has no 2035 figure: shown as a dash, never a made-up number. */
  {
    g_autoptr(LodeProjection) short_run = fixture_projection (ds, 2032, 0.05);

    lode_headlines_compute (short_run, NULL, 0.5, &h);
    g_assert_true (isnan (h.china_free_2035));
    lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2035, &text);
    g_assert_cmpstr (text.value, ==, "\342\200\224");
    lode_headline_text_clear (&text);
  }
  /* Nor a defence figure for 2028 in a projection that ends in 2026. */
  {
    g_autoptr(LodeProjection) shorter = fixture_projection (ds, 2026, 0.05);

    lode_headlines_compute (shorter, shorter, 0.5, &h);
    g_assert_true (isnan (h.defence_met));
    lode_headlines_format (&h, LODE_HEADLINE_DEFENCE, &text);
    g_assert_cmpstr (text.value, ==, "\342\200\224");
    g_assert_null (text.delta);
    lode_headline_text_clear (&text);
  }
}

static void
test_baseline (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.03);
  LodeHeadlines h;
  LodeHeadlineText text;

  /* The baseline has no public spend. */
  for (int i = 0; i < base->n_years; i++)
    {
      base->years[i].public_spend_busd = 0;
      base->years[i].public_spend_cum_busd = 0;
      base->years[i].jobs_us = 1000.0;
    }

  lode_headlines_compute (p, base, 0.5, &h);
  g_assert_true (h.has_baseline);
  g_assert_cmpfloat_with_epsilon (h.base_china_free_2030, 0.23, 1e-12);
  /* 0.05 + 0.03 · 15 = 0.50 first in 2039. */
  g_assert_cmpint (h.base_target_year, ==, 2039);
  g_assert_cmpfloat_with_epsilon (h.base_public_cost_busd, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h.base_jobs, 1000.0, 1e-9);

  /* The cards' text, in the C locale the tests run in. */
  lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2030, &text);
  g_assert_cmpstr (text.title, ==, "China-free share in 2030");
  g_assert_cmpstr (text.value, ==, "35%");
  g_assert_cmpstr (text.delta, ==, "+12 pts vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);
  g_assert_null (text.value);

  lode_headlines_format (&h, LODE_HEADLINE_TARGET_YEAR, &text);
  g_assert_cmpstr (text.value, ==, "2033");
  g_assert_cmpstr (text.delta, ==, "6 years sooner than baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);

  /* The fund's net cost at present value, and per China-free tonne: the baseline's fund
   * costs 2.5 bn and buys no China-free magnets. */
  p->fund.npv_busd = -12.5;
  p->fund.china_free_cum_t = 500000;
  p->fund.cost_per_china_free_t_usd = 25049;
  base->fund.npv_busd = -2.5;
  lode_headlines_compute (p, base, 0.5, &h);
  lode_headlines_format (&h, LODE_HEADLINE_NET_COST, &text);
  g_assert_cmpstr (text.title, ==, "Net cost (NPV)");
  g_assert_cmpstr (text.value, ==, "$12.5 bn");
  g_assert_cmpstr (text.delta, ==, "+$10.0 bn vs baseline");
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_COST_PER_TONNE, &text);
  g_assert_cmpstr (text.value, ==, "$25,000/t");
  g_assert_cmpstr (text.delta, ==, "Baseline has none");
  lode_headline_text_clear (&text);
  /* Without China-free magnets there is no cost per tonne: a dash, not a division by zero. */
  lode_headlines_compute (base, p, 0.5, &h);
  lode_headlines_format (&h, LODE_HEADLINE_COST_PER_TONNE, &text);
  g_assert_cmpstr (text.value, ==, "\342\200\224");
  g_assert_cmpstr (text.delta, ==, "No China-free magnets");
  lode_headline_text_clear (&text);
  lode_headlines_compute (p, base, 0.5, &h);

  lode_headlines_format (&h, LODE_HEADLINE_JOBS, &text);
  g_assert_cmpstr (text.title, ==, "US chain jobs in 2040");
  g_assert_cmpstr (text.value, ==, "5,000");   /* grouped, as people read it */
  g_assert_cmpstr (text.delta, ==, "+4,000 vs baseline");
  lode_headline_text_clear (&text);

  /* The defence need met China-free in 2028: 0.02 + 0.025 · 4 against 0.02 + 0.015 · 4. */
  g_assert_cmpfloat_with_epsilon (h.defence_met, 0.12, 1e-12);
  g_assert_cmpfloat_with_epsilon (h.base_defence_met, 0.08, 1e-12);
  lode_headlines_format (&h, LODE_HEADLINE_DEFENCE, &text);
  g_assert_cmpstr (text.title, ==, "China-free defence in 2028");
  g_assert_cmpstr (text.value, ==, "12%");
  g_assert_cmpstr (text.delta, ==, "+4 pts vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);

  /* The other way round: the scenario is behind its baseline. */
  lode_headlines_compute (base, p, 0.5, &h);
  lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2035, &text);
  g_assert_cmpstr (text.delta, ==, "\342\210\222" "22 pts vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_TARGET_YEAR, &text);
  g_assert_cmpstr (text.delta, ==, "6 years later than baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_DEFENCE, &text);
  g_assert_cmpstr (text.delta, ==, "\342\210\222" "4 pts vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);

  /* Only the scenario reaches the target. */
  lode_headlines_compute (p, base, 0.7, &h);
  g_assert_cmpint (h.target_year, ==, 2037);
  g_assert_cmpint (h.base_target_year, ==, 0);
  lode_headlines_format (&h, LODE_HEADLINE_TARGET_YEAR, &text);
  g_assert_cmpstr (text.delta, ==, "Baseline: not by 2040");
  lode_headline_text_clear (&text);

  /* The same projection as its own baseline: no differences. */
  lode_headlines_compute (p, p, 0.5, &h);
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      lode_headlines_format (&h, (LodeHeadline) i, &text);
      g_assert_nonnull (text.delta);
      g_assert_true (g_str_has_prefix (text.delta, "Same"));
      g_assert_cmpint (text.trend, ==, LODE_HEADLINE_NEUTRAL);
      lode_headline_text_clear (&text);
    }
}

/* The unmet card shows the year the largest share of US demand went unmet (a shock's, not
 * 2030's when the shock is over by then), and the baseline in that same year; the baseline's
 * worst year when the scenario meets all demand, and 2030 when neither goes short. */
static void
test_unmet_worst_year (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.03);
  LodeHeadlines h;
  LodeHeadlineText text;

  for (int i = 0; i < p->n_years; i++)
    {
      p->years[i].us_demand_magnet_t = base->years[i].us_demand_magnet_t = 10000.0 + 1000.0 * i;
      p->years[i].us_shortfall_magnet_t = base->years[i].us_shortfall_magnet_t = 0;
    }
  /* 2026: 2.4 kt of 12 kt (20 %); 2030: 2.8 kt of 16 kt (17.5 %), more tonnes but a smaller
   * share; a shortfall of half a percent or less never counts. */
  p->years[2].us_shortfall_magnet_t = 2400.0;
  p->years[6].us_shortfall_magnet_t = 2800.0;
  base->years[2].us_shortfall_magnet_t = 400.0;
  base->years[9].us_shortfall_magnet_t = 19000.0 * 0.005;

  lode_headlines_compute (p, base, 0.5, &h);
  g_assert_cmpint (h.unmet_year, ==, 2026);
  lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
  g_assert_cmpstr (text.title, ==, "US magnets unmet in 2026");
  g_assert_cmpstr (text.value, ==, "2.4 kt (20%)");
  g_assert_cmpstr (text.delta, ==, "+2.0 kt vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);

  /* A scenario that meets all demand is shown against the baseline's worst year. */
  lode_headlines_compute (base, p, 0.5, &h);
  g_assert_cmpint (h.unmet_year, ==, 2026);
  for (int i = 0; i < p->n_years; i++)
    base->years[i].us_shortfall_magnet_t = 0;
  lode_headlines_compute (base, p, 0.5, &h);
  g_assert_cmpint (h.unmet_year, ==, 2026);
  lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
  g_assert_cmpstr (text.value, ==, "0 t (0%)");
  g_assert_cmpstr (text.delta, ==, "\342\210\222" "2.4 kt vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);

  /* Neither goes short: 2030, as before. */
  lode_headlines_compute (base, base, 0.5, &h);
  g_assert_cmpint (h.unmet_year, ==, 2030);

  /* Half a percent of demand or less is no shortfall to show: 2030 again. */
  base->years[3].us_shortfall_magnet_t = 0.005 * base->years[3].us_demand_magnet_t;
  lode_headlines_compute (base, NULL, 0.5, &h);
  g_assert_cmpint (h.unmet_year, ==, 2030);
  base->years[3].us_shortfall_magnet_t *= 1.01;
  lode_headlines_compute (base, NULL, 0.5, &h);
  g_assert_cmpint (h.unmet_year, ==, 2027);
}

/* An export shock: the share rises because fewer magnets reach the US. The unmet card says
 * so (red when higher), and the share and target cards do not call it good news. */
static void
test_supply_short (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.03);
  LodeHeadlines h;
  LodeHeadlineText text;

  for (int i = 0; i < p->n_years; i++)
    {
      p->years[i].us_demand_magnet_t = 13000.0;
      p->years[i].us_shortfall_magnet_t = 3100.0 + 500.0;
      base->years[i].us_demand_magnet_t = 13000.0;
      base->years[i].us_shortfall_magnet_t = 500.0;
    }

  lode_headlines_compute (p, base, 0.5, &h);
  g_assert_cmpfloat_with_epsilon (h.us_unmet_2030_t, 3600.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h.us_demand_2030_t, 13000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h.base_us_unmet_2030_t, 500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h.us_unmet_target_t, 3600.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (h.base_us_unmet_target_t, 500.0, 1e-9);

  /* The same share every year: the card shows the first. */
  g_assert_cmpint (h.unmet_year, ==, 2025);
  lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
  g_assert_cmpstr (text.title, ==, "US magnets unmet in 2025");
  g_assert_cmpstr (text.value, ==, "3.6 kt (28%)");
  g_assert_cmpstr (text.delta, ==, "+3.1 kt vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);

  /* The share is up 12 points, but only because supply is short. */
  lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2030, &text);
  g_assert_cmpstr (text.delta, ==, "+12 pts vs baseline (supply short)");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_SUPPLY_SHORT);
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2035, &text);
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_SUPPLY_SHORT);
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_TARGET_YEAR, &text);
  g_assert_cmpstr (text.delta, ==, "6 years sooner than baseline (supply short)");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_SUPPLY_SHORT);
  lode_headline_text_clear (&text);

  /* Fewer magnets unmet than the baseline: better, in tonnes below a kilotonne. */
  lode_headlines_compute (base, p, 0.5, &h);
  lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
  g_assert_cmpstr (text.value, ==, "500 t (4%)");
  g_assert_cmpstr (text.delta, ==, "\342\210\222" "3.1 kt vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);
  /* A share that falls is plainly worse, whatever the shortfall. */
  lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2030, &text);
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);

  /* A share that rises with no more magnets unmet is good news again; a shortfall a tonne
   * above the baseline is noise, not "supply short". */
  for (int i = 0; i < p->n_years; i++)
    p->years[i].us_shortfall_magnet_t = 500.0 + 1.0;
  lode_headlines_compute (p, base, 0.5, &h);
  lode_headlines_format (&h, LODE_HEADLINE_CHINA_FREE_2030, &text);
  g_assert_cmpstr (text.delta, ==, "+12 pts vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_TARGET_YEAR, &text);
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_BETTER);
  lode_headline_text_clear (&text);
  lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
  g_assert_cmpstr (text.delta, ==, "+1.0 t vs baseline");
  g_assert_cmpint (text.trend, ==, LODE_HEADLINE_WORSE);
  lode_headline_text_clear (&text);

  /* Without a baseline: no difference; a horizon before 2030: a dash. */
  lode_headlines_compute (p, NULL, 0.5, &h);
  g_assert_true (isnan (h.base_us_unmet_2030_t));
  lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
  g_assert_null (text.delta);
  lode_headline_text_clear (&text);
  {
    g_autoptr(LodeProjection) short_run = fixture_projection (ds, 2028, 0.05);

    lode_headlines_compute (short_run, NULL, 0.5, &h);
    g_assert_true (isnan (h.us_unmet_2030_t));
    lode_headlines_format (&h, LODE_HEADLINE_US_UNMET, &text);
    g_assert_cmpstr (text.value, ==, "\342\200\224");
    lode_headline_text_clear (&text);
  }

  /* Every card says what it measures; the coloured ones say how. */
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      g_autofree char *tooltip = lode_headline_dup_tooltip ((LodeHeadline) i);

      g_assert_nonnull (tooltip);
      g_assert_cmpuint (strlen (tooltip), >, 20);
    }
  {
    g_autofree char *tooltip = lode_headline_dup_tooltip (LODE_HEADLINE_CHINA_FREE_2030);

    g_assert_nonnull (strstr (tooltip, "supply short"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/headlines/values", test_values);
  g_test_add_func ("/lode/headlines/never-reached", test_never_reached);
  g_test_add_func ("/lode/headlines/baseline", test_baseline);
  g_test_add_func ("/lode/headlines/unmet-worst-year", test_unmet_worst_year);
  g_test_add_func ("/lode/headlines/supply-short", test_supply_short);

  return g_test_run ();
}
