/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c — the one number formatter: people's numbers in English and German
 * conventions, negative numbers, rounding, missing values; and numbers for files. */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "lode-format.h"

#define NBSP   "\302\240"
#define NNBSP  "\342\200\257"

/* As an en_US and a de_DE user read numbers (explicit: the test machine has only C). */
static const LodeNumberLocale english = { ".", ",", 3, "%s%%" };
static const LodeNumberLocale german = { ",", ".", 3, "%s" NBSP "%%" };

typedef char *(*FormatWith) (const LodeNumberLocale *locale,
                             double                  value,
                             int                     decimals);

static void
assert_formats (FormatWith              format,
                const LodeNumberLocale *locale,
                double                  value,
                int                     decimals,
                const char             *expected)
{
  g_autofree char *text = format (locale, value, decimals);

  g_assert_cmpstr (text, ==, expected);
}

#define assert_number(l, v, d, e)  assert_formats (lode_format_number_with, (l), (v), (d), (e))
#define assert_percent(l, v, d, e) assert_formats (lode_format_percent_with, (l), (v), (d), (e))

static void
test_english (void)
{
  assert_number (&english, 58472, 0, "58,472");
  assert_number (&english, 1234567.891, 0, "1,234,568");
  assert_number (&english, 1234567.891, 2, "1,234,567.89");
  assert_number (&english, 999, 0, "999");
  assert_number (&english, 1000, 0, "1,000");
  assert_number (&english, 0.25, 2, "0.25");
  assert_percent (&english, 69, 0, "69%");
  assert_percent (&english, 12.5, 1, "12.5%");
}

static void
test_german (void)
{
  assert_number (&german, 58472, 0, "58.472");
  assert_number (&german, 1234567.891, 2, "1.234.567,89");
  assert_number (&german, 0.5, 1, "0,5");
  assert_percent (&german, 69, 0, "69" NBSP "%");
  assert_percent (&german, 12.5, 1, "12,5" NBSP "%");
  /* A narrow no-break space as separator (fr_FR) is as good as any. */
  {
    const LodeNumberLocale french = { ",", NNBSP, 3, "%s" NNBSP "%%" };

    assert_number (&french, 12345, 0, "12" NNBSP "345");
  }
}

static void
test_negative (void)
{
  assert_number (&english, -1234, 0, LODE_MINUS_SIGN "1,234");
  assert_number (&german, -0.5, 1, LODE_MINUS_SIGN "0,5");
  assert_percent (&english, -5, 0, LODE_MINUS_SIGN "5%");
  /* What rounds to zero is zero, never "−0". */
  assert_number (&english, -0.0001, 2, "0.00");
  assert_number (&english, -0.4, 0, "0");
}

static void
test_rounding (void)
{
  /* Exact ties round to even, as printf does; anything above a tie rounds up. */
  assert_number (&english, 0.125, 2, "0.12");
  assert_number (&english, 0.1251, 2, "0.13");
  assert_number (&english, 2.5, 0, "2");
  assert_number (&english, 3.5, 0, "4");
  assert_number (&english, 999.5, 0, "1,000");   /* the carry reaches a new group */
  assert_number (&english, 999999.5, 0, "1,000,000");
  assert_number (&english, 1.05, 1, "1.1");
  assert_number (&english, 42, -3, "42");       /* decimals are clamped */
  assert_number (&english, 1.0 / 3, 40, "0.333333333333");
}

static void
test_missing (void)
{
  assert_number (&english, NAN, 0, LODE_NO_VALUE);
  assert_number (&english, INFINITY, 0, LODE_NO_VALUE);
  assert_percent (&german, NAN, 0, LODE_NO_VALUE);
  {
    g_autofree char *share = lode_format_share (NAN);
    g_autofree char *mass = lode_format_mass (NAN, "t");
    g_autofree char *money = lode_format_busd (NAN, 1);

    g_assert_cmpstr (share, ==, LODE_NO_VALUE);
    g_assert_cmpstr (mass, ==, LODE_NO_VALUE);
    g_assert_cmpstr (money, ==, LODE_NO_VALUE);
  }
}

/* The locale in force: the tests run under C.UTF-8, which groups no digits; people then read
 * the English of the untranslated interface. */
static void
test_current (void)
{
  LodeNumberLocale current;
  g_autofree char *jobs = lode_format_number (58472, 0);
  g_autofree char *share = lode_format_share (0.69);
  g_autofree char *tiny = lode_format_share (0.001);
  g_autofree char *zero = lode_format_share (0);
  g_autofree char *pct = lode_format_percent (12.5, 1);

  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "C.UTF-8");
  lode_number_locale_get_current (&current);
  g_assert_cmpstr (current.decimal_point, ==, ".");
  g_assert_cmpstr (current.thousands_sep, ==, ",");
  g_assert_cmpuint (current.grouping, ==, 3);
  g_assert_cmpstr (jobs, ==, "58,472");
  g_assert_cmpstr (share, ==, "69%");
  g_assert_cmpstr (tiny, ==, "<1%");
  g_assert_cmpstr (zero, ==, "0%");
  g_assert_cmpstr (pct, ==, "12.5%");
}

static void
test_units (void)
{
  const struct { double tonnes; const char *unit; const char *expected; } masses[] = {
    { 0, "t", "0 t" },
    { 5.34, "t", "5.3 t" },
    { 850, "t", "850 t" },
    { 3600, "t", "3.6 kt" },
    { 12345, "t REO", "12 kt REO" },
    { 270000, "t NdPr oxide", "270 kt NdPr oxide" },
    { -3100, "t", LODE_MINUS_SIGN "3.1 kt" },
  };
  g_autofree char *money = lode_format_busd (3.5, 1);
  g_autofree char *big_money = lode_format_busd (1234, 0);
  g_autofree char *price = lode_format_usd_kg (110, 0);
  g_autofree char *quantity = lode_format_quantity (12.5, 1, "kt");

  for (guint i = 0; i < G_N_ELEMENTS (masses); i++)
    {
      g_autofree char *text = lode_format_mass (masses[i].tonnes, masses[i].unit);

      g_assert_cmpstr (text, ==, masses[i].expected);
    }
  g_assert_cmpstr (money, ==, "$3.5 bn");
  g_assert_cmpstr (big_money, ==, "$1,234 bn");
  g_assert_cmpstr (price, ==, "$110/kg");
  g_assert_cmpstr (quantity, ==, "12.5 kt");
}

/* Files and the command line: C notation, never grouped, whatever the locale. */
static void
test_c_numbers (void)
{
  const struct { double value; int significant; const char *expected; } cases[] = {
    { 0.92, 6, "0.92" },
    { 250000, 6, "250000" },
    { 1234567.891, 6, "1.23457e+06" },
    { 1234567.891, 12, "1234567.891" },
    { -0.0, 6, "0" },
    { -12.5, 6, "-12.5" },
    { NAN, 6, "NaN" },
    { INFINITY, 6, "Infinity" },
    { -INFINITY, 6, "-Infinity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lode_format_c_number (cases[i].value, cases[i].significant);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/lode/format/english", test_english);
  g_test_add_func ("/lode/format/german", test_german);
  g_test_add_func ("/lode/format/negative", test_negative);
  g_test_add_func ("/lode/format/rounding", test_rounding);
  g_test_add_func ("/lode/format/missing", test_missing);
  g_test_add_func ("/lode/format/current", test_current);
  g_test_add_func ("/lode/format/units", test_units);
  g_test_add_func ("/lode/format/c-numbers", test_c_numbers);

  return g_test_run ();
}
