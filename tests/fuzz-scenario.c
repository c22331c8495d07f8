/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-scenario.c — libFuzzer target for the scenario loader. Feeds arbitrary bytes to
 * lode_scenario_load_from_bytes() with the default dataset (loaded once). Whatever the input,
 * the loader must return a scenario or an error in LODE_SCENARIO_ERROR with a message that
 * names the input, never crash, hang, leak or read anything but the bytes given. A loaded
 * scenario must save and load again to an equal scenario.
 *
 * Build: CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined
 *        -Db_lundef=false; run: _build-fuzz/tests/fuzz-scenario tests/fuzz-corpus
 */
#define G_LOG_DOMAIN "fuzz-scenario"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lode-scenario-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static LodeDataset *
get_dataset (void)
{
  static LodeDataset *dataset = NULL;

  if (dataset == NULL)
    {
      g_autoptr(GError) error = NULL;

      dataset = lode_dataset_load_default (&error);
      if (dataset == NULL)
        g_error ("cannot load the default dataset: %s", error->message);
    }
  return dataset;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = NULL;

  scenario = lode_scenario_load_from_bytes (get_dataset (), bytes, "fuzz.lodestone", &error);
  if (scenario == NULL)
    {
      /* Every failure is a scenario error that names the file and is valid UTF-8. */
      if (error == NULL || error->domain != LODE_SCENARIO_ERROR ||
          !g_str_has_prefix (error->message, "fuzz.lodestone") ||
          !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }

  /* Whatever loads writes back to something that loads to the same scenario. */
  {
    g_autoptr(GBytes) saved = lode_scenario_to_bytes (scenario);
    g_autoptr(LodeScenario) again = NULL;
    g_autoptr(GError) again_error = NULL;

    again = lode_scenario_load_from_bytes (get_dataset (), saved, "saved.lodestone",
                                           &again_error);
    if (again == NULL || !lode_scenario_equal (scenario, again))
      {
        g_printerr ("round trip failed: %s\n",
                    again_error != NULL ? again_error->message : "scenarios differ");
        abort ();
      }
  }

  return 0;
}
