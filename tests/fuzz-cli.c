/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-cli.c — libFuzzer target for the command-line parser. The input is split at NUL bytes
 * into arguments after "lodestone"; lode_cli_parse() parses and checks them as the program
 * would, and a headless command line is then applied (--horizon, --set, --year) to the
 * Baseline preset. Nothing is read, written or printed. Whatever the arguments, the parser
 * must accept them or say why in one of its error domains, in valid UTF-8 and without
 * repeating the input (a message at most a little longer than the arguments), never crash or
 * leak.
 *
 * Build: CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined
 *        -Db_lundef=false; run: _build-fuzz/tests/fuzz-cli tests/fuzz-corpus/cli
 */
#define G_LOG_DOMAIN "fuzz-cli"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lode-cli.h"
#include "lode-export.h"
#include "lode-levers.h"
#include "lode-scenario-io.h"

#define MAX_ARGS 32

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static LodeScenario *
get_baseline (void)
{
  static LodeDataset *dataset;
  static LodeScenario *baseline;

  if (baseline == NULL)
    {
      g_autoptr(GError) error = NULL;

      dataset = lode_dataset_load_default (&error);
      if (dataset != NULL)
        baseline = lode_scenario_load_preset (dataset, "baseline", &error);
      if (baseline == NULL)
        g_error ("cannot load the Baseline preset: %s", error->message);
    }
  return baseline;
}

static void
check_error (const GError *error,
             size_t        input_size)
{
  if (error == NULL)
    abort ();
  /* GOption's own messages quote the option as given (and it reports text that is not in the
   * locale's encoding as a conversion error); ours must be UTF-8 and short. */
  if (error->domain == G_OPTION_ERROR || error->domain == G_CONVERT_ERROR)
    return;
  if (error->domain != LODE_CLI_ERROR && error->domain != LODE_EXPORT_ERROR &&
      error->domain != LODE_LEVER_ERROR && error->domain != LODE_SCENARIO_ERROR)
    abort ();
  if (!g_utf8_validate (error->message, -1, NULL) ||
      strlen (error->message) > input_size + 2048)
    {
      g_printerr ("bad message (%zu bytes of input): %.200s\n", input_size, error->message);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LodeCliOptions) options = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  const char *p = (const char *) data;
  const char *end = p + size;

  g_ptr_array_add (args, g_strdup ("lodestone"));
  while (p < end && args->len < MAX_ARGS)
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul != NULL ? nul : end;

      g_ptr_array_add (args, g_strndup (p, stop - p));
      p = stop + 1;
    }
  g_ptr_array_add (args, NULL);

  options = lode_cli_parse ((int) args->len - 1, (char **) args->pdata, &error);
  if (options == NULL)
    {
      check_error (error, size);
      return 0;
    }
  if (!lode_cli_options_get_headless (options))
    return 0;

  scenario = lode_scenario_dup (get_baseline ());
  if (!lode_cli_options_apply (options, scenario, &error))
    check_error (error, size);
  return 0;
}
