/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-provenance.c — China content through the chain. The split of a region's output among
 * its buyers and the mixing of a plant's inputs are checked on cases small enough to work by
 * hand (five regions: Australia and Japan allied, China, the US, and Other); the whole
 * model is checked on the reference dataset, where China mass must survive every stage. */
#define G_LOG_DOMAIN "test-provenance"

#include "config.h"

#include "lode-model.h"
#include "model-test-util.h"

enum { AU, CN, US, JP, XX, N_REGIONS };

static Model *
small_model (void)
{
  Model *m = g_new0 (Model, 1);

  m->n = N_REGIONS;
  m->cn = CN;
  m->us = US;
  m->aligned[AU] = m->aligned[US] = m->aligned[JP] = TRUE;
  m->ally[AU] = m->ally[JP] = TRUE;
  lode_model_list_regions (m);
  return m;
}

/* China mass on the flows and the unsold output (which carries the "others" content). */
static double
china_mass (const double            flow[MAX_R],
            double                  unsold,
            guint                   from,
            const LodeContentSplit *s)
{
  double mass = unsold * s->to_others;

  mass += flow[from] * s->own;
  if (from != US)
    mass += flow[US] * s->to_us;
  for (guint j = 0; j < N_REGIONS; j++)
    if (j != from && j != US)
      mass += flow[j] * (j == AU || j == JP ? s->to_allies : s->to_others);
  return mass;
}

/* Before certified chains exist (2024) every buyer gets the same mix. */
static void
test_unsegregated_mixes (void)
{
  g_autofree Model *m = small_model ();
  double flow[MAX_R] = { [AU] = 5, [US] = 10, [JP] = 10, [XX] = 20 };
  LodeContentSplit s;

  lode_model_split_content (m, 1.0, 0.0, AU, flow, 5, 50, 0.4, &s);
  g_assert_cmpfloat_with_epsilon (s.own, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_us, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_allies, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_others, 0.4, 1e-12);
}

/* An ally friend-shoring fully: its China-free half goes to the US, then to Japan; Other
 * gets what China touched. */
static void
test_friendshoring_serves_us_first (void)
{
  g_autofree Model *m = small_model ();
  double flow[MAX_R] = { [US] = 10, [JP] = 10, [XX] = 20 };
  LodeContentSplit s;

  lode_model_split_content (m, 1.0, 1.0, AU, flow, 0, 40, 0.5, &s);
  g_assert_cmpfloat_with_epsilon (s.to_us, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_allies, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_others, 1.0, 1e-12);

  /* Only 15 t China-free: the US is served whole, Japan gets the other 5 of its 10. */
  lode_model_split_content (m, 1.0, 1.0, AU, flow, 0, 40, 1 - 15.0 / 40, &s);
  g_assert_cmpfloat_with_epsilon (s.to_us, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_allies, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_others, 1.0, 1e-12);
}

/* Without friend-shoring, China-free output serves the region's own next stage first and is
 * spread by mass over the rest. */
static void
test_own_plants_first (void)
{
  g_autofree Model *m = small_model ();
  double flow[MAX_R] = { [AU] = 10, [US] = 10, [XX] = 20 };
  LodeContentSplit s;

  /* 20 t China-free of 40: own 10 clean, the other 10 spread over 30 t. */
  lode_model_split_content (m, 0.0, 1.0, AU, flow, 0, 40, 0.5, &s);
  g_assert_cmpfloat_with_epsilon (s.own, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_us, 2.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_others, 2.0 / 3, 1e-12);

  /* A region outside the alliance never friend-shores, whatever the lever says. */
  flow[AU] = 0;
  flow[XX] = 10;
  lode_model_split_content (m, 1.0, 1.0, XX, flow, 10, 30, 0.5, &s);
  g_assert_cmpfloat_with_epsilon (s.own, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_us, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.to_others, 0.75, 1e-12);
}

/* China's own output and mine output are all one kind: every buyer gets that content. */
static void
test_pure_output_is_uniform (void)
{
  g_autofree Model *m = small_model ();
  double flow[MAX_R] = { [CN] = 30, [US] = 10, [JP] = 10 };
  LodeContentSplit s;

  lode_model_split_content (m, 1.0, 1.0, CN, flow, 0, 50, 1.0, &s);
  g_assert_cmpfloat (s.own, ==, 1.0);
  g_assert_cmpfloat (s.to_us, ==, 1.0);
  lode_model_split_content (m, 1.0, 1.0, AU, flow, 0, 50, 0.0, &s);
  g_assert_cmpfloat (s.to_allies, ==, 0.0);
  g_assert_cmpfloat (s.to_others, ==, 0.0);
}

/* Whatever the flows, levers and content, the split holds the output's China mass and every
 * content stays within 0..1. */
static void
test_split_conserves_china_mass (void)
{
  g_autofree Model *m = small_model ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  for (int k = 0; k < 5000; k++)
    {
      double flow[MAX_R] = { 0 };
      double unsold = g_rand_boolean (rand) ? g_rand_double_range (rand, 0, 20) : 0;
      double output = unsold;
      guint from = (guint) g_rand_int_range (rand, 0, N_REGIONS);
      double content = g_rand_double (rand);
      double fs = g_rand_double (rand), seg = g_rand_double (rand);
      LodeContentSplit s;

      for (guint j = 0; j < N_REGIONS; j++)
        if (g_rand_boolean (rand))
          output += flow[j] = g_rand_double_range (rand, 0, 100);
      lode_model_split_content (m, fs, seg, from, flow, unsold, output, content, &s);
      g_assert_cmpfloat (MIN (MIN (s.own, s.to_us), MIN (s.to_allies, s.to_others)), >=, 0);
      g_assert_cmpfloat (MAX (MAX (s.own, s.to_us), MAX (s.to_allies, s.to_others)), <=, 1);
      g_assert_cmpfloat_with_epsilon (china_mass (flow, unsold, from, &s), output * content,
                                      1e-9 * MAX (1.0, output));
    }
}

/* A US metal plant fed 10 t through China and 30 t from an allied separator, plus 10 t of its
 * own China-free recycled alloy, is one-fifth China; China's plants are wholly China. */
static void
test_mix_by_mass (void)
{
  g_autofree Model *m = small_model ();
  g_autofree LodeChain *c = g_new0 (LodeChain, 1);
  const LodeStage sep = LODE_STAGE_SEPARATION;

  c->flow_ox[sep][CN][US] = 10;
  c->china_content_to_us[sep][CN] = 1;
  c->flow_ox[sep][AU][US] = 30;
  c->china_content_to_us[sep][AU] = 0;
  c->china_content_to_allies[sep][AU] = 1;   /* not what the US buys */
  g_assert_cmpfloat_with_epsilon (lode_model_mix_content (m, US, c, sep, 0, 0), 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (lode_model_mix_content (m, US, c, sep, 10, 0), 0.2, 1e-12);
  g_assert_cmpfloat (lode_model_mix_content (m, CN, c, sep, 0, 0), ==, 1);
  g_assert_cmpfloat (lode_model_mix_content (m, JP, c, sep, 0, 0), ==, 0);
}

/* A US magnet plant whose oxide went through China is China-touched, whoever mined it: the
 * reference base year's US magnets are mostly China content, as the trade data say. */
static void
test_reference_through_china (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = new_scenario (ds);
  g_autoptr(LodeProjection) p = run (ds, sc);
  const LodeYear *y = lode_projection_get_year (p, ds->base_year);
  const LodeChain *c = &y->chain[LODE_MATERIAL_NDPR];

  /* Mines: China content is where the mine is. */
  g_assert_cmpfloat (c->china_content[LODE_STAGE_MINE][ds->china], ==, 1);
  g_assert_cmpfloat (c->china_content[LODE_STAGE_MINE][ds->us], ==, 0);
  /* US mine output goes to China for separation in 2024; China's oxide is China. */
  g_assert_cmpfloat (c->flow_ox[LODE_STAGE_MINE][ds->us][ds->china], >, 0);
  g_assert_cmpfloat (c->china_content[LODE_STAGE_SEPARATION][ds->china], ==, 1);
  check_balance (p);
}

/* Friend-shoring in full moves China-free metal and magnets to US buyers: the US China-free
 * share of its demand rises and no chain loses China mass. */
static void
test_reference_friendshoring (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) off = new_scenario (ds);
  g_autoptr(LodeScenario) on = new_scenario (ds);
  g_autoptr(LodeProjection) p_off = NULL;
  g_autoptr(LodeProjection) p_on = NULL;

  set_lever (off, LODE_LEVER_PARTNERS_FRIENDSHORING, 0);
  set_lever (on, LODE_LEVER_PARTNERS_FRIENDSHORING, 1);
  p_off = run (ds, off);
  p_on = run (ds, on);
  check_balance (p_on);
  g_assert_cmpfloat (share_in (p_on, 2035), >, share_in (p_off, 2035));
  /* The base year is data: no lever moves it. */
  g_assert_cmpfloat_with_epsilon (share_in (p_on, ds->base_year),
                                  share_in (p_off, ds->base_year), 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lode/provenance/unsegregated-mixes", test_unsegregated_mixes);
  g_test_add_func ("/lode/provenance/friendshoring-serves-us-first",
                   test_friendshoring_serves_us_first);
  g_test_add_func ("/lode/provenance/own-plants-first", test_own_plants_first);
  g_test_add_func ("/lode/provenance/pure-output-is-uniform", test_pure_output_is_uniform);
  g_test_add_func ("/lode/provenance/split-conserves-china-mass",
                   test_split_conserves_china_mass);
  g_test_add_func ("/lode/provenance/mix-by-mass", test_mix_by_mass);
  g_test_add_func ("/lode/provenance/reference-through-china", test_reference_through_china);
  g_test_add_func ("/lode/provenance/reference-friendshoring", test_reference_friendshoring);
  return g_test_run ();
}
