/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-cli-parse.c — the command line parsed and checked without running it
 * (lode_cli_parse(), which the fuzzer fuzz-cli.c drives): what is headless, which usage
 * errors are found before anything is read or written, and --set applied to a scenario.
 */
#define G_LOG_DOMAIN "test-cli-parse"

#include "config.h"

#include <string.h>

#include "lode-cli.h"
#include "lode-export.h"
#include "lode-levers.h"
#include "lode-scenario-io.h"

static LodeCliOptions *
parse (GError **error,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  g_ptr_array_add (args, (char *) "lodestone");
  va_start (list, error);
  while ((arg = va_arg (list, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);
  return lode_cli_parse ((int) args->len - 1, (char **) args->pdata, error);
}

static void
test_headless_or_not (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeCliOptions) gui = parse (&error, "plan.lodestone", NULL);
  g_autoptr(LodeCliOptions) summary = parse (&error, "--summary", "--horizon", "2050", NULL);
  g_autoptr(LodeCliOptions) export = parse (&error, "--export", "/nonexistent/x.svg",
                                            "--view", "chart:price", "--size", "a4", NULL);
  g_autoptr(LodeCliOptions) joint = parse (&error, "--export", "/nonexistent/x.png",
                                           "--material", "joint", NULL);
  g_autoptr(LodeCliOptions) heavy = parse (&error, "--summary", "--material", "heavy", NULL);
  /* The analyses alone run without a window too. */
  g_autoptr(LodeCliOptions) tornado = parse (&error, "--sensitivity", "/nonexistent/t.csv",
                                             "--year", "2035", NULL);
  g_autoptr(LodeCliOptions) optimise = parse (&error, "--optimise", "share=0.5,year=2030",
                                              NULL);

  g_assert_no_error (error);
  g_assert_true (lode_cli_options_get_headless (tornado));
  g_assert_true (lode_cli_options_get_headless (optimise));
  g_assert_false (lode_cli_options_get_headless (gui));
  g_assert_true (lode_cli_options_get_headless (summary));
  /* Parsing writes nothing, even where the export would go. */
  g_assert_true (lode_cli_options_get_headless (export));
  g_assert_true (lode_cli_options_get_headless (joint));
  g_assert_true (lode_cli_options_get_headless (heavy));
  g_assert_false (g_file_test ("/nonexistent/x.svg", G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (void)
{
  static const struct
  {
    const char *args[6];
    GQuark      (*domain) (void);
    const char *needle;
  } cases[] = {
    { { "--set", "fund.size_busd=1", NULL }, lode_cli_error_quark, "need --summary" },
    { { "--summary", "--view", "flow", NULL }, lode_cli_error_quark, "need --export" },
    { { "--export", "x.gif", NULL }, lode_cli_error_quark, "format" },
    { { "--export", "x.png", "--view", "pie", NULL }, lode_export_error_quark, "pie" },
    { { "--export", "x.png", "--scale", "7", NULL }, lode_export_error_quark, "scale" },
    { { "--summary", "a.lodestone", "b.lodestone", NULL }, lode_cli_error_quark, "at most one" },
    { { "--summary", "--material", "lutetium", NULL }, lode_cli_error_quark, "lutetium" },
    /* The joint view is a diagram: the summary and CSV always carry the joint figures. */
    { { "--summary", "--material", "joint", NULL }, lode_cli_error_quark, "a view of" },
    { { "--csv", "x.csv", "--material", "joint", NULL }, lode_cli_error_quark, "a view of" },
    { { "--bands", "10", NULL }, lode_cli_error_quark, "need --summary" },
    { { "--summary", "--year", "2030", NULL }, lode_cli_error_quark, "--sensitivity" },
    { { "--summary", "--bands", "10", NULL }, lode_cli_error_quark, "--bands needs --csv" },
    { { "--csv", "x.csv", "--seed", "3", NULL }, lode_cli_error_quark, "--seed needs --bands" },
    { { "--sensitivity", "t.csv", "--output", "nope", NULL }, lode_cli_error_quark, "nope" },
    { { "--optimise", "share=0.5,year=nope", NULL }, lode_cli_error_quark, "year=nope" },
    /* --help would print and exit: only the program itself takes it. */
    { { "--help", NULL }, g_option_error_quark, "--help" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodeCliOptions) options = NULL;
      const char * const *a = cases[i].args;

      options = parse (&error, a[0], a[1], a[2], a[3], a[4], a[5]);
      g_test_message ("%s → %s", a[0], error != NULL ? error->message : "(accepted)");
      g_assert_null (options);
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, cases[i].domain ());
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

static void
test_apply (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (dataset, "baseline", &error);
  g_autoptr(LodeCliOptions) options = parse (&error, "--summary", "--horizon", "2050",
                                             "--set", "fund.size_busd=50",
                                             "--set", "ally.AU=off", NULL);
  g_autoptr(LodeCliOptions) bad = parse (&error, "--summary", "--set", "nope=1", NULL);
  g_autoptr(LodeCliOptions) late = parse (&error, "--export", "x.png", "--year", "2059", NULL);

  g_assert_no_error (error);
  g_assert_true (lode_cli_options_apply (options, scenario, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2050);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 50);
  g_assert_false (lode_scenario_get_ally (scenario, lode_dataset_region_index (dataset, "AU")));

  g_assert_false (lode_cli_options_apply (bad, scenario, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN);
  g_assert_true (g_str_has_prefix (error->message, "--set: "));
  g_clear_error (&error);

  /* --year is checked against the horizon the options leave. */
  g_assert_false (lode_cli_options_apply (late, scenario, &error));
  g_assert_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "2059"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/cli-parse/headless-or-not", test_headless_or_not);
  g_test_add_func ("/lode/cli-parse/usage-errors", test_usage_errors);
  g_test_add_func ("/lode/cli-parse/apply", test_apply);

  return g_test_run ();
}
