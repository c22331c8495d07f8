/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-dataset.c — libFuzzer target for the reference dataset loader. Feeds arbitrary bytes
 * to lode_dataset_new_from_bytes(), which validates them like a dataset from a file. Whatever
 * the input, the loader must return a dataset or an error in LODE_DATASET_ERROR whose message
 * names the input and is valid UTF-8, never crash, hang or leak. A dataset that loads must
 * carry a projection of its own baseline.
 *
 * Build: CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined
 *        -Db_lundef=false; run: _build-fuzz/tests/fuzz-dataset tests/fuzz-corpus/dataset
 */
#define G_LOG_DOMAIN "fuzz-dataset"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lode-dataset.h"
#include "lode-projection.h"
#include "lode-scenario.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeProjection) projection = NULL;

  dataset = lode_dataset_new_from_bytes (bytes, "fuzz.xml", &error);
  if (dataset == NULL)
    {
      if (error == NULL || error->domain != LODE_DATASET_ERROR ||
          !g_str_has_prefix (error->message, "fuzz.xml") ||
          !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }

  /* What loads is a dataset the model can run on. */
  scenario = lode_scenario_new (dataset);
  projection = lode_projection_run (dataset, scenario, &error);
  if (projection == NULL)
    {
      g_printerr ("a dataset that loads does not project: %s\n", error->message);
      abort ();
    }
  return 0;
}
