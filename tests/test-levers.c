/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-levers.c — the lever table, validation and strict parsing.
 */
#define G_LOG_DOMAIN "test-levers"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lode-levers.h"

/* The contract from issue 3 and DESIGN.md §4: id, range, default, source of the default. */
static const struct
{
  const char *id;
  double      min;
  double      max;
  double      default_value;
  const char *source;
  gboolean    is_year;
} expected[] = {
  { "fund.size_busd", 0, 500, 0, NULL, FALSE },
  { "fund.start_year", 2025, 2040, 2026, NULL, TRUE },
  { "fund.years", 1, 15, 5, NULL, FALSE },
  { "fund.alloc.mine", 0, 100, 15, NULL, FALSE },
  { "fund.alloc.separation", 0, 100, 35, NULL, FALSE },
  { "fund.alloc.metal", 0, 100, 15, NULL, FALSE },
  { "fund.alloc.magnet", 0, 100, 30, NULL, FALSE },
  { "fund.alloc.recycling", 0, 100, 5, NULL, FALSE },
  { "fund.private_leverage", 0, 5, 1.0, "VUL", FALSE },
  { "fund.heavy_share_pct", 0, 50, 0, NULL, FALSE },
  { "fund.sm_share_pct", 0, 20, 0, NULL, FALSE },
  { "fund.equity_pct.mine", 0, 100, 0, NULL, FALSE },
  { "fund.equity_pct.separation", 0, 100, 0, NULL, FALSE },
  { "fund.equity_pct.metal", 0, 100, 0, NULL, FALSE },
  { "fund.equity_pct.magnet", 0, 100, 0, NULL, FALSE },
  { "fund.equity_pct.recycling", 0, 100, 0, NULL, FALSE },
  { "fund.loan_pct.mine", 0, 100, 0, NULL, FALSE },
  { "fund.loan_pct.separation", 0, 100, 0, NULL, FALSE },
  { "fund.loan_pct.metal", 0, 100, 0, NULL, FALSE },
  { "fund.loan_pct.magnet", 0, 100, 0, NULL, FALSE },
  { "fund.loan_pct.recycling", 0, 100, 0, NULL, FALSE },
  { "fund.guarantee_pct", 0, 100, 0, NULL, FALSE },
  { "fund.loan_rate_pct", 0, 15, 3.0, "MP-DoD", FALSE },
  { "fund.loan_years", 3, 30, 12, "MP-DoD", FALSE },
  { "fund.discount_rate_pct", 0, 12, 2.0, "OMB-A94", FALSE },
  { "policy.permitting_cut_years", 0, 8, 0, NULL, FALSE },
  { "policy.env_standard", 0.5, 1.5, 1.0, NULL, FALSE },
  { "policy.price_floor_usd_kg", 0, 300, 110, "MP-DoD", FALSE },
  { "policy.price_floor_start_year", 2024, 2060, 2025, "MP-DoD", TRUE },
  { "policy.price_floor_years", 0, 30, 10, "MP-DoD", FALSE },
  { "policy.price_floor_coverage_t", 0, 100000, 6000, "MP-DoD", FALSE },
  { "policy.tariff_pct", 0, 200, 25, "S301", FALSE },
  { "policy.stockpile_months", 0, 24, 0, "CRS", FALSE },
  { "policy.stockpile_start_year", 2025, 2060, 2026, NULL, TRUE },
  { "policy.defence_first", 0, 1, 0, NULL, FALSE },
  { "policy.offtake_t", 0, 50000, 10000, "MP-DoD", FALSE },
  { "policy.offtake_start_year", 2025, 2060, 2028, "MP-DoD", TRUE },
  { "policy.offtake_years", 0, 30, 10, "MP-DoD", FALSE },
  { "policy.ebitda_floor_musd", 0, 1000, 140, "MP-DoD", FALSE },
  { "partners.friendshoring", 0, 1, 0.5, NULL, FALSE },
  { "partners.coinvest_pct", 0, 100, 0, NULL, FALSE },
  { "partners.fund_au_busd", 0, 50, 0, NULL, FALSE },
  { "partners.fund_jp_busd", 0, 50, 0, NULL, FALSE },
  { "partners.fund_eu_busd", 0, 50, 0, NULL, FALSE },
  { "market.demand_growth_pct", 0, 15, 7.5, NULL, FALSE },
  { "market.recycling_rate_2035_pct", 0, 60, 5, NULL, FALSE },
  { "market.schedule_slip_years", 0, 6, 1.5, NULL, FALSE },
  { "market.china_quota_growth_pct", -5, 25, 9.9, "QUOTA", FALSE },
  { "materials.gbd_extra_pct", 0, 100, 0, "TR", FALSE },
  { "materials.heavy_free_pct", 0, 100, 0, "HT", FALSE },
  { "shock.export_withheld_pct", 0, 100, 0, NULL, FALSE },
  { "shock.start_year", 2025, 2060, 2027, NULL, TRUE },
  { "shock.duration_years", 0, 20, 2, NULL, FALSE },
  { "shock.ndpr", 0, 1, 1, NULL, FALSE },
  { "shock.heavy", 0, 1, 1, "MOFCOM", FALSE },
  { "shock.sm", 0, 1, 1, "MOFCOM", FALSE },
  { "shock.magnets", 0, 1, 1, "MOFCOM", FALSE },
  { "shock.licence_delay_months", 0, 12, 0, "MOFCOM", FALSE },
  { "shock.extraterritorial", 0, 1, 0, "MOFCOM", FALSE },
};

static void
test_table (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  double alloc_sum = 0.0;

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, LODE_N_LEVERS);

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) i);
      LodeLever back;

      g_assert_nonnull (info);
      g_test_message ("lever %u: %s", i, info->id);

      /* Stable ids, in the documented order, unique, and found again by id. */
      g_assert_cmpstr (info->id, ==, expected[i].id);
      g_assert_false (g_hash_table_contains (ids, info->id));
      g_hash_table_add (ids, (gpointer) info->id);
      g_assert_true (lode_lever_from_id (info->id, &back));
      g_assert_cmpint (back, ==, i);

      /* Range and default as specified; the default validates. */
      g_assert_cmpfloat (info->min, ==, expected[i].min);
      g_assert_cmpfloat (info->max, ==, expected[i].max);
      g_assert_cmpfloat (info->default_value, ==, expected[i].default_value);
      g_assert_cmpstr (info->source, ==, expected[i].source);
      g_assert_cmpint (info->is_year, ==, expected[i].is_year);
      g_assert_cmpfloat (info->min, <, info->max);
      g_assert_true (info->default_value >= info->min && info->default_value <= info->max);
      g_assert_true (lode_lever_validate ((LodeLever) i, info->default_value, NULL));

      /* Usable by a slider. */
      g_assert_cmpfloat (info->step, >, 0.0);
      g_assert_cmpfloat (info->page, >=, info->step);
      g_assert_cmpfloat (info->step, <=, info->max - info->min);
      g_assert_cmpuint (info->digits, <=, 3);
      g_assert_cmpint (info->group, <, LODE_N_LEVER_GROUPS);

      /* Texts for people. */
      g_assert_nonnull (info->label);
      g_assert_cmpuint (strlen (info->label), >, 0);
      g_assert_nonnull (info->unit);
      g_assert_nonnull (info->description);
      g_assert_cmpuint (strlen (info->description), >, 20);
      g_assert_cmpstr (lode_lever_label ((LodeLever) i), ==, info->label);
      g_assert_nonnull (lode_lever_unit ((LodeLever) i));
      g_assert_cmpstr (lode_lever_description ((LodeLever) i), ==, info->description);

      if (i >= LODE_LEVER_ALLOC_FIRST && i < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
        {
          g_assert_cmpint (info->group, ==, LODE_LEVER_GROUP_FUND);
          alloc_sum += info->default_value;
        }
    }

  g_assert_cmpfloat (alloc_sum, ==, 100.0);
  g_assert_true (strstr (lode_lever_description (LODE_LEVER_MARKET_DEMAND_GROWTH_PCT),
                         "taper") != NULL);

  for (guint g = 0; g < LODE_N_LEVER_GROUPS; g++)
    g_assert_cmpuint (strlen (lode_lever_group_name ((LodeLeverGroup) g)), >, 0);

  g_assert_false (lode_lever_from_id ("fund.size", NULL));
  g_assert_false (lode_lever_from_id ("FUND.SIZE_BUSD", NULL));
  g_assert_false (lode_lever_from_id ("", NULL));
  g_assert_false (lode_lever_from_id (NULL, NULL));
}

static void
assert_message_names_lever (const GError *error,
                            LodeLever     lever)
{
  const LodeLeverInfo *info = lode_lever_info (lever);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, info->id));
  g_assert_nonnull (strstr (error->message, lode_lever_label (lever)));
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  const double not_finite[] = { NAN, -NAN, INFINITY, -INFINITY };

  g_assert_false (lode_lever_validate (LODE_LEVER_FUND_SIZE_BUSD, 600, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
  assert_message_names_lever (error, LODE_LEVER_FUND_SIZE_BUSD);
  g_assert_nonnull (strstr (error->message, "600"));
  g_assert_nonnull (strstr (error->message, "0–500"));
  g_assert_nonnull (strstr (error->message, "$ bn"));
  g_clear_error (&error);

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) i);
      g_autofree char *range = g_strdup_printf ("%g–%g", info->min, info->max);

      /* The bounds are inside, the next doubles outside. */
      g_assert_true (lode_lever_validate ((LodeLever) i, info->min, NULL));
      g_assert_true (lode_lever_validate ((LodeLever) i, info->max, NULL));

      g_assert_false (lode_lever_validate ((LodeLever) i, nextafter (info->min, -INFINITY),
                                           &error));
      g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
      assert_message_names_lever (error, (LodeLever) i);
      g_assert_nonnull (strstr (error->message, range));
      g_clear_error (&error);

      g_assert_false (lode_lever_validate ((LodeLever) i, nextafter (info->max, INFINITY),
                                           &error));
      g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
      g_assert_nonnull (strstr (error->message, range));
      g_clear_error (&error);

      for (guint k = 0; k < G_N_ELEMENTS (not_finite); k++)
        {
          g_assert_false (lode_lever_validate ((LodeLever) i, not_finite[k], &error));
          g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
          assert_message_names_lever (error, (LodeLever) i);
          g_assert_nonnull (strstr (error->message, range));
          g_clear_error (&error);
        }
    }
}

/* The levers the model counts in whole years, or on and off, take whole numbers only: the
 * model would round 2026.5 to 2027 without a word. Levers with a finer step, and percentages
 * or prices shown without decimals, still take fractions. */
static void
test_whole_numbers (void)
{
  static const struct
  {
    const char *id;
    const char *text;
    const char *says;   /* what the message says the lever takes */
  } refused[] = {
    { "fund.start_year", "2026.5", "a whole year" },
    { "policy.price_floor_start_year", "2030.25", "a whole year" },
    { "policy.stockpile_start_year", "2026.0001", "a whole year" },
    { "policy.offtake_start_year", "2028.9", "a whole year" },
    { "shock.start_year", "2027.5", "a whole year" },
    { "fund.years", "5.5", "a whole number of years" },
    { "fund.loan_years", "12.5", "a whole number of years" },
    { "policy.price_floor_years", "0.5", "a whole number of years" },
    { "policy.offtake_years", "9.99", "a whole number of years" },
    { "shock.duration_years", "1.5", "a whole number of years" },
    { "shock.ndpr", "0.5", "switch" },
    { "policy.defence_first", "0.25", "switch" },
  };
  static const struct
  {
    const char *id;
    const char *text;
  } accepted[] = {
    { "fund.start_year", "2027" }, { "fund.start_year", "2027.0" },
    { "fund.start_year", "2.027e3" }, { "fund.years", "6" }, { "shock.duration_years", "0" },
    { "market.schedule_slip_years", "1.5" }, { "policy.permitting_cut_years", "2.5" },
    { "policy.tariff_pct", "12.5" }, { "policy.price_floor_usd_kg", "110.5" },
    { "fund.equity_pct.mine", "33.3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      LodeLever lever;
      double value = 42;

      g_assert_true (lode_lever_from_id (refused[i].id, &lever));
      g_assert_false (lode_lever_parse (lever, refused[i].text, &value, &error));
      g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
      assert_message_names_lever (error, lever);
      g_assert_nonnull (strstr (error->message, refused[i].text));
      g_assert_nonnull (strstr (error->message, refused[i].says));
      g_assert_cmpfloat (value, ==, 42);
      g_clear_error (&error);

      g_assert_false (lode_lever_validate (lever, g_ascii_strtod (refused[i].text, NULL),
                                           &error));
      g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      LodeLever lever;
      double value = 0;

      g_assert_true (lode_lever_from_id (accepted[i].id, &lever));
      g_assert_true (lode_lever_parse (lever, accepted[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, g_ascii_strtod (accepted[i].text, NULL));
    }

  /* Which levers: the switches, the calendar years and the durations in whole years. */
  {
    static const char * const whole[] = {
      "fund.start_year", "fund.years", "fund.loan_years", "policy.price_floor_start_year",
      "policy.price_floor_years", "policy.stockpile_start_year", "policy.defence_first",
      "policy.offtake_start_year", "policy.offtake_years", "shock.start_year",
      "shock.duration_years", "shock.ndpr", "shock.heavy", "shock.sm", "shock.magnets",
      "shock.extraterritorial", NULL,
    };

    for (guint i = 0; i < LODE_N_LEVERS; i++)
      {
        const char *id = lode_lever_info ((LodeLever) i)->id;

        g_test_message ("%s", id);
        g_assert_cmpint (lode_lever_is_whole ((LodeLever) i), ==, g_strv_contains (whole, id));
      }
  }

  /* The message as a person reads it. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lode_lever_parse_assignment ("fund.start_year=2026.5", NULL, NULL, &error));
    g_assert_cmpstr (error->message, ==,
                     "fund.start_year (First year of deployment) takes a whole year, "
                     "not 2026.5");
    g_clear_error (&error);
    g_assert_false (lode_lever_parse_assignment ("fund.years=5.5", NULL, NULL, &error));
    g_assert_cmpstr (error->message, ==,
                     "fund.years (Deployment years) takes a whole number of years, not 5.5");
  }
}

static void
test_parse (void)
{
  const struct
  {
    const char *text;
    double      value;
  } good[] = {
    { "25", 25 }, { "0", 0 }, { "-0", 0 }, { "+3", 3 }, { "0.5", 0.5 }, { ".5", 0.5 },
    { "5.", 5 }, { "1e2", 100 }, { "2.5E-1", 0.25 }, { "1.0000000000000001e-05", 1e-05 },
    { "499.99999999999994", 499.99999999999994 }, { "0.30000000000000004", 0.1 + 0.2 },
  };
  const char *bad[] = {
    "0x10", "0X1p3", "0x1.8p1", "1e999", "-1e999", "inf", "INF", "-inf", "Infinity",
    "nan", "NaN", "-nan", "", " 5", "5 ", "\t5", "12abc", "1,5", "1.2.3", "e5", "--5",
    "1e", "1e+", ".", "+", "-", "١٢", "5\n", "1_000", "½",
  };
  g_autoptr(GError) error = NULL;
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      value = -1;
      g_assert_true (lode_lever_parse (LODE_LEVER_FUND_SIZE_BUSD, good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, good[i].value);
      g_assert_false (signbit (value));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      value = 42;
      g_test_message ("parsing “%s”", bad[i]);
      g_assert_false (lode_lever_parse (LODE_LEVER_FUND_SIZE_BUSD, bad[i], &value, &error));
      g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
      assert_message_names_lever (error, LODE_LEVER_FUND_SIZE_BUSD);
      g_assert_nonnull (strstr (error->message, "0–500"));
      g_assert_cmpfloat (value, ==, 42);   /* untouched on failure */
      g_clear_error (&error);
    }

  g_assert_false (lode_lever_parse (LODE_LEVER_FUND_SIZE_BUSD, NULL, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);

  /* Well-formed but out of range. */
  g_assert_false (lode_lever_parse (LODE_LEVER_POLICY_TARIFF_PCT, "250", &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
  assert_message_names_lever (error, LODE_LEVER_POLICY_TARIFF_PCT);
  g_assert_nonnull (strstr (error->message, "0–200"));
  g_clear_error (&error);

  /* A long number in an error message is cut, never copied whole. */
  {
    g_autofree char *huge = g_strnfill (5000, '9');

    g_assert_false (lode_lever_parse (LODE_LEVER_FUND_SIZE_BUSD, huge, &value, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (strlen (error->message), <, 400);
    g_clear_error (&error);
  }

  /* The plain-double helper behind it. */
  g_assert_true (lode_parse_plain_double ("1e-400", &value));   /* underflow is harmless */
  g_assert_cmpfloat (value, ==, 0.0);
  g_assert_false (lode_parse_plain_double ("1e400", &value));
  g_assert_false (lode_parse_plain_double ("0x1", &value));
  g_assert_false (lode_parse_plain_double (NULL, &value));
}

static void
test_parse_locale (void)
{
  double value = 0;

  /* Numbers never go through the locale: "1.5" stays 1.5 and "1,5" stays wrong even where
   * the comma is the decimal separator (if such a locale is installed). */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    g_test_message ("no comma locale installed; checking in the C locale only");

  g_assert_true (lode_lever_parse (LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS, "1.5", &value, NULL));
  g_assert_cmpfloat (value, ==, 1.5);
  g_assert_false (lode_lever_parse (LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS, "1,5", &value, NULL));

  setlocale (LC_NUMERIC, "C");
}

static void
test_assignment (void)
{
  g_autoptr(GError) error = NULL;
  LodeLever lever = LODE_N_LEVERS;
  double value = -1;

  g_assert_true (lode_lever_parse_assignment ("fund.size_busd=25", &lever, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lever, ==, LODE_LEVER_FUND_SIZE_BUSD);
  g_assert_cmpfloat (value, ==, 25);

  g_assert_true (lode_lever_parse_assignment ("partners.friendshoring=0.75", &lever, &value,
                                              &error));
  g_assert_cmpint (lever, ==, LODE_LEVER_PARTNERS_FRIENDSHORING);
  g_assert_cmpfloat (value, ==, 0.75);

  /* Unknown ids, named in the message. */
  g_assert_false (lode_lever_parse_assignment ("fund.nope=1", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "fund.nope"));
  g_assert_nonnull (strstr (error->message, "fund.size_busd"));   /* lists the known ones */
  g_clear_error (&error);

  g_assert_false (lode_lever_parse_assignment ("fund.size_busd =25", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_false (lode_lever_parse_assignment ("=5", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN);
  g_clear_error (&error);

  /* No '=' at all. */
  g_assert_false (lode_lever_parse_assignment ("fund.size_busd", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
  g_assert_nonnull (strstr (error->message, "ID=VALUE"));
  g_clear_error (&error);

  /* Bad values. */
  g_assert_false (lode_lever_parse_assignment ("fund.size_busd=", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_false (lode_lever_parse_assignment ("fund.size_busd=0x10", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_false (lode_lever_parse_assignment ("fund.size_busd=25=3", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_false (lode_lever_parse_assignment ("policy.tariff_pct=250", &lever, &value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "policy.tariff_pct"));
  g_clear_error (&error);

  /* Nothing written on failure. */
  g_assert_cmpint (lever, ==, LODE_LEVER_PARTNERS_FRIENDSHORING);
  g_assert_cmpfloat (value, ==, 0.75);
}

/* The price floor of the three levers: from its first year for its duration, and 0 for
 * either the price or the duration means none (the projection and the price chart agree). */
static void
test_price_floor (void)
{
  double values[LODE_N_LEVERS];
  LodePriceFloor floor;

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    values[i] = lode_lever_info ((LodeLever) i)->default_value;
  lode_price_floor_from_levers (values, &floor);
  g_assert_cmpfloat (floor.usd_kg, ==, 110);
  g_assert_cmpint (floor.start_year, ==, 2025);
  g_assert_cmpint (floor.years, ==, 10);
  g_assert_false (lode_price_floor_applies (&floor, 2024));
  g_assert_true (lode_price_floor_applies (&floor, 2025));
  g_assert_true (lode_price_floor_applies (&floor, 2034));
  g_assert_false (lode_price_floor_applies (&floor, 2035));

  values[LODE_LEVER_POLICY_PRICE_FLOOR_YEARS] = 0;
  lode_price_floor_from_levers (values, &floor);
  for (int year = 2024; year <= 2060; year++)
    g_assert_false (lode_price_floor_applies (&floor, year));

  values[LODE_LEVER_POLICY_PRICE_FLOOR_YEARS] = 30;
  values[LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG] = 0;
  lode_price_floor_from_levers (values, &floor);
  g_assert_false (lode_price_floor_applies (&floor, 2030));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/levers/table", test_table);
  g_test_add_func ("/lode/levers/validate", test_validate);
  g_test_add_func ("/lode/levers/whole-numbers", test_whole_numbers);
  g_test_add_func ("/lode/levers/parse", test_parse);
  g_test_add_func ("/lode/levers/parse-locale", test_parse_locale);
  g_test_add_func ("/lode/levers/assignment", test_assignment);
  g_test_add_func ("/lode/levers/price-floor", test_price_floor);

  return g_test_run ();
}
