/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dump-projection.c — prints every number of a projection at full precision, one per line
 * (hexadecimal floating point, exact), so that tests/check-same-results.sh can tell whether a
 * change to the model's code left its results bit for bit the same. Not a test: a tool.
 *
 *   dump-projection FILE.lodestone HORIZON [LEVER=VALUE ...]
 *
 * Each line is "year word value": the LodeYear read as 8-byte words, with its padding cleared,
 * then the fund's accounts and the stress run's exposure under year 0. */
#define G_LOG_DOMAIN "dump-projection"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lode-projection.h"
#include "lode-scenario-io.h"

G_STATIC_ASSERT (sizeof (LodeYear) % sizeof (double) == 0);
G_STATIC_ASSERT (sizeof (LodeFundAccounts) % sizeof (double) == 0);

static void
dump_words (int         year,
            const void *data,
            gsize       size)
{
  const guint8 *bytes = data;

  for (gsize k = 0; k < size / sizeof (double); k++)
    {
      double v;

      memcpy (&v, bytes + k * sizeof (double), sizeof v);
      printf ("%d %zu %a\n", year, k, v);
    }
}

/* The year with the padding after its two ints cleared (malloc leaves it undefined). */
static void
dump_year (const LodeYear *y)
{
  g_autofree LodeYear *copy = g_new0 (LodeYear, 1);

  copy->year = y->year;
  for (int mat = 0; mat < LODE_N_MATERIALS; mat++)
    {
      gsize from = G_STRUCT_OFFSET (LodeChain, bottleneck_stage);
      gsize to = from + sizeof (int);

      memcpy (&copy->chain[mat], &y->chain[mat], to);
      memcpy ((guint8 *) &copy->chain[mat] + G_STRUCT_OFFSET (LodeChain, price_usd_kg),
              (const guint8 *) &y->chain[mat] + G_STRUCT_OFFSET (LodeChain, price_usd_kg),
              sizeof (LodeChain) - G_STRUCT_OFFSET (LodeChain, price_usd_kg));
    }
  memcpy ((guint8 *) copy + G_STRUCT_OFFSET (LodeYear, us_aligned),
          (const guint8 *) y + G_STRUCT_OFFSET (LodeYear, us_aligned),
          sizeof (LodeYear) - G_STRUCT_OFFSET (LodeYear, us_aligned));
  dump_words (y->year, copy, sizeof *copy);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = NULL;
  g_autoptr(LodeScenario) sc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LodeProjection) p = NULL;
  double exposure;

  if (argc < 3)
    {
      fprintf (stderr, "usage: dump-projection FILE.lodestone HORIZON [LEVER=VALUE ...]\n");
      return 2;
    }
  ds = lode_dataset_load_default (&error);
  if (ds != NULL)
    {
      file = g_file_new_for_commandline_arg (argv[1]);
      sc = lode_scenario_load_from_file (ds, file, NULL, &error);
    }
  if (sc != NULL)
    lode_scenario_set_horizon (sc, atoi (argv[2]), &error);
  for (int a = 3; a < argc && error == NULL; a++)
    {
      LodeLever lever;
      double value;

      if (lode_lever_parse_assignment (argv[a], &lever, &value, &error))
        lode_scenario_set_lever (sc, lever, value, &error);
    }
  if (error == NULL)
    p = lode_projection_run (ds, sc, &error);
  if (p == NULL)
    {
      fprintf (stderr, "dump-projection: %s\n", error->message);
      return 1;
    }

  for (int i = 0; i < p->n_years; i++)
    dump_year (&p->years[i]);
  dump_words (0, &p->fund, sizeof p->fund);
  exposure = lode_projection_fund_exposure_busd (p);
  dump_words (0, &exposure, sizeof exposure);
  return 0;
}
