/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-model-types.c — stage, end-use and basis ids round-trip; names and units exist.
 */
#define G_LOG_DOMAIN "test-model-types"

#include "config.h"

#include <string.h>

#include "lode-model-types.h"

static void
test_stage_round_trip (void)
{
  static const char *expected[] = { "mine", "separation", "metal", "magnet" };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == LODE_N_STAGES);

  for (guint i = 0; i < LODE_N_STAGES; i++)
    {
      LodeStage stage = LODE_N_STAGES;
      const char *id = lode_stage_id ((LodeStage) i);

      g_assert_cmpstr (id, ==, expected[i]);
      g_assert_true (lode_stage_from_id (id, &stage));
      g_assert_cmpint (stage, ==, i);

      g_assert_nonnull (lode_stage_name ((LodeStage) i));
      g_assert_cmpuint (strlen (lode_stage_name ((LodeStage) i)), >, 0);
      g_assert_nonnull (lode_stage_unit ((LodeStage) i));
      g_assert_true (g_str_has_prefix (lode_stage_unit ((LodeStage) i), "t "));
    }

  g_assert_cmpstr (lode_stage_unit (LODE_STAGE_MINE), ==, "t REO");
  g_assert_cmpstr (lode_stage_unit (LODE_STAGE_SEPARATION), ==, "t NdPr oxide");
}

static void
test_stage_unknown (void)
{
  LodeStage stage = LODE_STAGE_METAL;

  g_assert_false (lode_stage_from_id ("smelting", &stage));
  g_assert_false (lode_stage_from_id ("", &stage));
  g_assert_false (lode_stage_from_id ("Mine", &stage));
  g_assert_false (lode_stage_from_id ("mine ", &stage));
  g_assert_false (lode_stage_from_id (NULL, &stage));
  g_assert_cmpint (stage, ==, LODE_STAGE_METAL);
  g_assert_true (lode_stage_from_id ("magnet", NULL));
}

static void
test_end_use_round_trip (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < LODE_N_END_USES; i++)
    {
      LodeEndUse use = LODE_N_END_USES;
      const char *id = lode_end_use_id ((LodeEndUse) i);

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (lode_end_use_from_id (id, &use));
      g_assert_cmpint (use, ==, i);
      g_assert_nonnull (lode_end_use_name ((LodeEndUse) i));
      g_assert_cmpstr (lode_end_use_name ((LodeEndUse) i), !=, id);
    }

  g_assert_cmpstr (lode_end_use_id (LODE_END_USE_EV_TRACTION), ==, "ev_traction");
  g_assert_false (lode_end_use_from_id ("robots", NULL));
  g_assert_false (lode_end_use_from_id (NULL, NULL));
}

static void
test_basis_round_trip (void)
{
  static const char *codes[] = { "S", "D", "E" };

  for (guint i = 0; i <= LODE_BASIS_ESTIMATE; i++)
    {
      LodeBasis basis = 99;
      char code[2] = { lode_basis_code ((LodeBasis) i), '\0' };

      g_assert_cmpstr (code, ==, codes[i]);
      g_assert_true (lode_basis_from_code (code, &basis));
      g_assert_cmpint (basis, ==, i);
      g_assert_nonnull (lode_basis_name ((LodeBasis) i));
      g_assert_cmpuint (strlen (lode_basis_name ((LodeBasis) i)), >, 1);
    }

  g_assert_false (lode_basis_from_code ("s", NULL));
  g_assert_false (lode_basis_from_code ("SD", NULL));
  g_assert_false (lode_basis_from_code ("", NULL));
  g_assert_false (lode_basis_from_code ("X", NULL));
  g_assert_false (lode_basis_from_code (NULL, NULL));
  g_assert_cmpstr (lode_basis_name (LODE_BASIS_SEEN), !=, lode_basis_name (LODE_BASIS_ESTIMATE));
}

/* Each material names its own units: the views label every stage and the widths with them. */
static void
test_material_units (void)
{
  static const char *ids[] = { "ndpr", "heavy", "sm" };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == LODE_N_MATERIALS);

  for (guint m = 0; m < LODE_N_MATERIALS; m++)
    {
      LodeMaterial material = LODE_N_MATERIALS;

      g_assert_cmpstr (lode_material_id ((LodeMaterial) m), ==, ids[m]);
      g_assert_true (lode_material_from_id (ids[m], &material));
      g_assert_cmpint (material, ==, m);
      g_assert_true (g_str_has_prefix (lode_material_oxide_unit ((LodeMaterial) m), "t "));
      g_assert_true (g_str_has_suffix (lode_material_oxide_unit ((LodeMaterial) m), " eq."));
      /* No material's oxide unit is another's. */
      for (guint k = 0; k < m; k++)
        g_assert_cmpstr (lode_material_oxide_unit ((LodeMaterial) m), !=,
                         lode_material_oxide_unit ((LodeMaterial) k));
    }
  g_assert_false (lode_material_from_id ("joint", NULL));
  g_assert_cmpstr (lode_material_oxide_unit (LODE_MATERIAL_NDPR), ==, "t NdPr oxide eq.");
  g_assert_cmpstr (lode_material_oxide_unit (LODE_MATERIAL_HEAVY), ==, "t Dy+Tb oxide eq.");
  g_assert_cmpstr (lode_material_stage_unit (LODE_MATERIAL_SM, LODE_STAGE_MAGNET), ==,
                   "t SmCo magnet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/model-types/stage-round-trip", test_stage_round_trip);
  g_test_add_func ("/lode/model-types/stage-unknown", test_stage_unknown);
  g_test_add_func ("/lode/model-types/end-use-round-trip", test_end_use_round_trip);
  g_test_add_func ("/lode/model-types/basis-round-trip", test_basis_round_trip);
  g_test_add_func ("/lode/model-types/material-units", test_material_units);

  return g_test_run ();
}
