/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-dataset.c — the reference dataset loads, every number is cited, the 2024 figures match
 * the calibration targets of issue 3, and broken or hostile datasets are refused with an error
 * that names the line or the element.
 */
#define G_LOG_DOMAIN "test-dataset"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-dataset.h"
#include "lode-levers.h"
#include "lode-sources.h"

/* Helpers */

static GBytes *
default_bytes (void)
{
  GBytes *bytes = g_resources_lookup_data (LODE_DATASET_DEFAULT_RESOURCE,
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (bytes);
  return bytes;
}

static char *
default_text (void)
{
  g_autoptr(GBytes) bytes = default_bytes ();
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* The default text with the first occurrence of @from replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);  /* the edit must really apply */
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static LodeDataset *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return lode_dataset_new_from_bytes (bytes, "hostile.xml", error);
}

static LodeDataset *dataset;

static const LodeDataset *
shared_dataset (void)
{
  if (dataset == NULL)
    {
      g_autoptr(GError) error = NULL;

      dataset = lode_dataset_load_default (&error);
      g_assert_no_error (error);
      g_assert_nonnull (dataset);
    }
  return dataset;
}

static double
world_of (const LodeDataset *ds,
          LodeMaterial       material,
          LodeStage          stage)
{
  double sum = 0.0;

  for (guint r = 0; r < ds->n_regions; r++)
    sum += ds->regions[r].material[material].production[stage].value;
  return sum;
}

static double
world (const LodeDataset *ds,
       LodeStage          stage)
{
  return world_of (ds, LODE_MATERIAL_NDPR, stage);
}

static double
china_share_of (const LodeDataset *ds,
                LodeMaterial       material,
                LodeStage          stage)
{
  return ds->regions[ds->china].material[material].production[stage].value /
         world_of (ds, material, stage);
}

static double
china_share (const LodeDataset *ds,
             LodeStage          stage)
{
  return china_share_of (ds, LODE_MATERIAL_NDPR, stage);
}

/* Tests */

static void
test_load_default (void)
{
  static const char *expected_ids[] = { "CN", "US", "AU", "MY", "JP", "EU", "VN", "MM",
                                          "KH", "LA", "BR", "CA", "OTHER" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  LodeDataset *copy;

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpstr (ds->id, ==, "reference-2024");
  g_assert_cmpstr (ds->version, ==, "2.0");
  g_assert_cmpint (ds->base_year, ==, LODE_BASE_YEAR);

  g_assert_cmpuint (ds->n_regions, ==, G_N_ELEMENTS (expected_ids));
  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      const LodeRegion *region = &ds->regions[i];

      g_assert_cmpstr (region->id, ==, expected_ids[i]);
      g_assert_cmpint (lode_dataset_region_index (ds, expected_ids[i]), ==, i);
      g_assert_nonnull (region->name);
      g_assert_nonnull (lode_region_name (region));
      g_assert_cmpuint (strlen (lode_region_name (region)), >, 1);

      /* Colours are distinct. */
      for (guint j = 0; j < i; j++)
        g_assert_cmpuint (region->rgb, !=, ds->regions[j].rgb);
    }
  g_assert_cmpstr (lode_region_name (&ds->regions[ds->china]), ==, "China");
  g_assert_cmpuint (ds->china, ==, 0);
  g_assert_cmpuint (ds->us, ==, 1);
  g_assert_cmpint (lode_dataset_region_index (ds, "XX"), ==, -1);
  g_assert_cmpint (lode_dataset_region_index (ds, NULL), ==, -1);

  /* China red-ish, the US blue-ish, Other a grey. */
  g_assert_cmpuint ((ds->regions[0].rgb >> 16) & 0xff, >, ds->regions[0].rgb & 0xff);
  g_assert_cmpuint (ds->regions[1].rgb & 0xff, >, (ds->regions[1].rgb >> 16) & 0xff);
  g_assert_cmpuint (ds->regions[12].rgb & 0xff, ==, (ds->regions[12].rgb >> 16) & 0xff);

  /* Allies by default (DESIGN §4): AU, JP, EU, MY and Canada; never the US itself. */
  for (guint i = 0; i < ds->n_regions; i++)
    {
      const char *id = ds->regions[i].id;
      gboolean ally = g_str_equal (id, "AU") || g_str_equal (id, "JP") ||
                      g_str_equal (id, "EU") || g_str_equal (id, "MY") ||
                      g_str_equal (id, "CA");

      g_assert_cmpint (ds->regions[i].allied_default, ==, ally);
    }
  g_assert_true (ds->regions[ds->us].western_costs);
  g_assert_false (ds->regions[ds->china].western_costs);

  /* Boxed type: copy is a ref. */
  copy = g_boxed_copy (LODE_TYPE_DATASET, ds);
  g_assert_true (copy == ds);
  g_boxed_free (LODE_TYPE_DATASET, copy);
}

static void
check_cited (const LodeCited *c,
             const char      *what,
             gboolean         project,
             gpointer         user_data)
{
  const LodeDataset *ds = shared_dataset ();
  GHashTable *seen = user_data;
  g_auto(GStrv) ids = NULL;

  if (c->source == NULL)
    g_error ("%s: a number has no source", what);
  g_assert_true (c->source == g_intern_string (c->source));
  g_assert_cmpint (c->basis, >=, LODE_BASIS_SEEN);
  g_assert_cmpint (c->basis, <=, LODE_BASIS_ESTIMATE);
  g_assert_true (isfinite (c->value));

  ids = g_strsplit (c->source, " ", -1);
  g_assert_nonnull (ids[0]);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const LodeSource *source = lode_dataset_find_source (ds, ids[i]);

      if (source == NULL)
        g_error ("%s: unknown source “%s”", what, ids[i]);
      g_hash_table_add (seen, (gpointer) source->id);
    }
}

static void
test_sources (void)
{
  const LodeDataset *ds = shared_dataset ();
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_assert_cmpuint (ds->n_sources, >=, 10);
  for (guint i = 0; i < ds->n_sources; i++)
    {
      const LodeSource *source = &ds->sources[i];

      g_assert_nonnull (source->id);
      g_assert_true (source->id == g_intern_string (source->id));
      g_assert_nonnull (source->short_name);
      /* "; " separates sources in the credit line every export carries. */
      g_assert_null (strstr (source->short_name, "; "));
      g_assert_nonnull (source->title);
      g_assert_nonnull (source->publisher);
      g_assert_true (source->year == 0 || (source->year >= 1990 && source->year <= 2030));
      g_assert_true (lode_dataset_find_source (ds, source->id) == source);
    }

  g_assert_cmpstr (lode_dataset_find_source (ds, "U25")->short_name, ==, "USGS MCS 2025");
  g_assert_cmpint (lode_dataset_find_source (ds, "U25")->year, ==, 2025);
  g_assert_true (lode_dataset_find_source (ds, "U25 IEA24") ==
                 lode_dataset_find_source (ds, "U25"));
  g_assert_null (lode_dataset_find_source (ds, "U2"));
  g_assert_null (lode_dataset_find_source (ds, "NOPE"));
  g_assert_null (lode_dataset_find_source (ds, ""));
  g_assert_null (lode_dataset_find_source (ds, NULL));

  /* Every number has a basis and sources that all exist. */
  n = lode_dataset_foreach_cited (ds, check_cited, cited);
  g_assert_cmpuint (n, >, 150);

  /* And every declared source is cited by something: a number or a lever's default. */
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const char *source = lode_lever_info ((LodeLever) i)->source;
      g_auto(GStrv) ids = source ? g_strsplit (source, " ", -1) : NULL;

      for (guint k = 0; ids && ids[k]; k++)
        {
          const LodeSource *found = lode_dataset_find_source (ds, ids[k]);

          if (found == NULL)
            g_error ("lever %s: unknown source “%s”", lode_lever_info ((LodeLever) i)->id,
                     ids[k]);
          g_hash_table_add (cited, (gpointer) found->id);
        }
    }
  for (guint i = 0; i < ds->n_sources; i++)
    if (!g_hash_table_contains (cited, ds->sources[i].id))
      g_error ("source %s is declared but never cited", ds->sources[i].id);
}

static void
test_calibration (void)
{
  const LodeDataset *ds = shared_dataset ();
  double mine = world (ds, LODE_STAGE_MINE);
  double separation = world (ds, LODE_STAGE_SEPARATION);
  double metal = world (ds, LODE_STAGE_METAL);
  double magnets = world (ds, LODE_STAGE_MAGNET);
  double mined_ndpr = 0.0;
  double fresh_metal_per_magnet;
  double non_china_oxide;

  g_test_message ("world 2024: mine %.0f t REO, separation %.0f t NdPr oxide, "
                  "metal %.0f t, magnets %.0f t", mine, separation, metal, magnets);
  g_test_message ("China shares: mine %.3f, separation %.3f, metal %.3f, magnets %.3f",
                  china_share (ds, LODE_STAGE_MINE), china_share (ds, LODE_STAGE_SEPARATION),
                  china_share (ds, LODE_STAGE_METAL), china_share (ds, LODE_STAGE_MAGNET));

  /* Issue 3 targets. */
  g_assert_cmpfloat_with_epsilon (mine, 390000.0, 0.01 * 390000.0);
  g_assert_cmpfloat_with_epsilon (ds->regions[ds->china].material[LODE_MATERIAL_NDPR].production[LODE_STAGE_MINE].value,
                                  270000.0, 1.0);
  g_assert_cmpfloat_with_epsilon (china_share (ds, LODE_STAGE_MINE), 0.69, 0.02);
  g_assert_cmpfloat_with_epsilon (china_share (ds, LODE_STAGE_SEPARATION), 0.91, 0.02);
  g_assert_cmpfloat_with_epsilon (china_share (ds, LODE_STAGE_METAL), 0.92, 0.02);
  g_assert_cmpfloat_with_epsilon (china_share (ds, LODE_STAGE_MAGNET), 0.92, 0.02);
  g_assert_cmpfloat (magnets, >=, 220000.0);
  g_assert_cmpfloat (magnets, <=, 300000.0);
  g_assert_cmpfloat_with_epsilon (ds->regions[ds->us].material[LODE_MATERIAL_NDPR].production[LODE_STAGE_MINE].value,
                                  45000.0, 1.0);

  /* The chain closes: mined NdPr × recovery + secondary feed = separated oxide. */
  for (guint r = 0; r < ds->n_regions; r++)
    mined_ndpr += ds->regions[r].material[LODE_MATERIAL_NDPR].production[LODE_STAGE_MINE].value *
                  ds->regions[r].material[LODE_MATERIAL_NDPR].ore_share.value;
  g_test_message ("mined NdPr %.0f t (%.1f %% of REO)", mined_ndpr, 100.0 * mined_ndpr / mine);
  g_assert_cmpfloat (mined_ndpr / mine, >=, 0.20);
  g_assert_cmpfloat (mined_ndpr / mine, <=, 0.25);
  g_assert_cmpfloat_with_epsilon (mined_ndpr * ds->material[LODE_MATERIAL_NDPR].recovery.value +
                                  ds->material[LODE_MATERIAL_NDPR].secondary_oxide_t.value,
                                  separation, 0.01 * separation);
  g_assert_cmpfloat (separation, >=, 85000.0);
  g_assert_cmpfloat (separation, <=, 100000.0);

  non_china_oxide = separation - ds->regions[ds->china].material[LODE_MATERIAL_NDPR].production[LODE_STAGE_SEPARATION].value;
  g_assert_cmpfloat_with_epsilon (non_china_oxide, 8000.0, 1500.0);

  /* Metal needs no more oxide than was separated; most of it goes to metal. */
  g_assert_cmpfloat (metal, <=,
                     separation * ds->material[LODE_MATERIAL_NDPR].oxide_to_metal.value * ds->material[LODE_MATERIAL_NDPR].metal_yield.value);
  g_assert_cmpfloat (metal, >=,
                     0.85 * separation * ds->material[LODE_MATERIAL_NDPR].oxide_to_metal.value * ds->material[LODE_MATERIAL_NDPR].metal_yield.value);

  /* Magnets from metal: fresh NdPr metal per finished kg with in-plant swarf recycling. */
  fresh_metal_per_magnet = ds->material[LODE_MATERIAL_NDPR].metal_per_magnet.value *
    (1.0 + (1.0 - ds->material[LODE_MATERIAL_NDPR].swarf_recycled.value) * (1.0 / ds->material[LODE_MATERIAL_NDPR].magnet_yield.value - 1.0));
  g_assert_cmpfloat_with_epsilon (metal / fresh_metal_per_magnet, magnets, 0.02 * magnets);

  /* Capacity covers production everywhere, with plausible utilisation worldwide. */
  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      double capacity = 0.0;

      for (guint r = 0; r < ds->n_regions; r++)
        {
          const LodeRegion *region = &ds->regions[r];

          for (guint m = 0; m < LODE_N_MATERIALS; m++)
            g_assert_cmpfloat (region->material[m].production[s].value, <=,
                               region->material[m].capacity[s].value);
          capacity += region->material[LODE_MATERIAL_NDPR].capacity[s].value;
        }
      g_assert_cmpfloat (world (ds, (LodeStage) s) / capacity, >=, 0.6);
      g_assert_cmpfloat (world (ds, (LodeStage) s) / capacity, <=, 0.95);
    }

  /* US mining is S from USGS, US magnets ~0 in 2024. */
  g_assert_cmpint (ds->regions[ds->us].material[LODE_MATERIAL_NDPR].production[LODE_STAGE_MINE].basis, ==, LODE_BASIS_SEEN);
  g_assert_cmpfloat (ds->regions[ds->us].material[LODE_MATERIAL_NDPR].production[LODE_STAGE_MAGNET].value, <, 500.0);
  g_assert_cmpfloat_with_epsilon (ds->regions[ds->us].material[LODE_MATERIAL_NDPR].ore_share.value, 0.157, 1e-9);
}

static void
test_demand (void)
{
  const LodeDataset *ds = shared_dataset ();
  double sum = 0.0;
  double regional = 0.0;

  for (guint u = 0; u < LODE_N_END_USES; u++)
    {
      g_assert_cmpfloat (ds->end_use_share[u].value, >, 0.0);
      sum += ds->end_use_share[u].value;
    }
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-6);

  for (guint r = 0; r < ds->n_regions; r++)
    regional += ds->regions[r].material[LODE_MATERIAL_NDPR].demand_t.value;
  g_assert_cmpfloat_with_epsilon (ds->world_magnet_demand_t.value, 250000.0, 1.0);
  g_assert_cmpfloat_with_epsilon (regional, ds->world_magnet_demand_t.value, 1.0);
  g_assert_cmpfloat_with_epsilon (ds->regions[ds->us].material[LODE_MATERIAL_NDPR].demand_t.value, 20000.0, 1.0);

  g_assert_cmpfloat_with_epsilon (ds->growth_central_pct[0].value, 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ds->growth_central_pct[1].value, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ds->growth_central_pct[2].value, 3.0, 1e-9);
  for (guint p = 0; p < 3; p++)
    {
      g_assert_cmpfloat (ds->growth_low_pct[p].value, <, ds->growth_central_pct[p].value);
      g_assert_cmpfloat (ds->growth_central_pct[p].value, <, ds->growth_high_pct[p].value);
    }
  g_assert_cmpfloat (ds->magnet_service_life_years.value, >=, 10.0);
  g_assert_cmpfloat (ds->magnet_service_life_years.value, <=, 20.0);
}

static void
test_economics (void)
{
  const LodeDataset *ds = shared_dataset ();
  static const double lead_time[LODE_N_STAGES] = { 10.0, 5.0, 2.5, 3.0 };

  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      const LodeStageEconomics *e = &ds->stage[s];

      g_assert_cmpfloat (e->capex_asia.value, <, e->capex_west.value);
      g_assert_cmpfloat (e->capex_asia.value, >=, 0.35 * e->capex_west.value);
      g_assert_cmpfloat_with_epsilon (e->permit_years.value + e->build_years.value,
                                      lead_time[s], 1e-9);
      g_assert_cmpfloat (e->overrun.value, >=, 1.0);
      for (guint y = 1; y < 4; y++)
        g_assert_cmpfloat (e->ramp[y].value, >=, e->ramp[y - 1].value);
      g_assert_cmpfloat (e->ramp[3].value, <=, 1.0);
      g_assert_cmpfloat (e->utilisation.value, >, 0.5);
    }

  g_assert_cmpfloat_with_epsilon (ds->stage[LODE_STAGE_MINE].capex_west.value, 30000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (ds->stage[LODE_STAGE_SEPARATION].capex_west.value, 150000.0,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (ds->stage[LODE_STAGE_MAGNET].capex_west.value, 120000.0, 1e-6);
  g_assert_cmpfloat (ds->stage[LODE_STAGE_SEPARATION].residue_t_per_t.value, >, 1.0);
  g_assert_cmpfloat (ds->stage[LODE_STAGE_MINE].tailings_t_per_t.value, >, 10.0);
  g_assert_cmpfloat_with_epsilon (ds->material[LODE_MATERIAL_NDPR].price_2024.value, 56.0, 1e-9);
  g_assert_cmpstr (ds->material[LODE_MATERIAL_NDPR].price_2024.source, ==, "U25");
  g_assert_cmpint (ds->material[LODE_MATERIAL_NDPR].price_2024.basis, ==, LODE_BASIS_SEEN);
  /* Demand answers price: short-run responses smaller than long-run ones, all negative. */
  for (guint m = 0; m < LODE_N_MATERIALS; m++)
    {
      const LodeMaterialData *d = &ds->material[m];

      g_assert_cmpfloat (d->elasticity_short.value, <, 0.0);
      g_assert_cmpfloat (d->elasticity_long.value, <=, d->elasticity_short.value);
      g_assert_cmpfloat (d->incentive_price.value, >, 0.0);
      g_assert_cmpfloat (d->choke_multiple.value, >, 1.0);
    }
  /* Cash costs: China's NdPr band sits below the 2024 price (its quota bound), greenfield
   * incentive prices above it (heavy-rare-earths §5). */
  g_assert_cmpfloat (ds->regions[ds->china].material[LODE_MATERIAL_NDPR].cash_cost.value, <,
                     ds->material[LODE_MATERIAL_NDPR].price_2024.value);
  g_assert_cmpfloat (ds->material[LODE_MATERIAL_NDPR].incentive_price.value, >,
                     ds->material[LODE_MATERIAL_NDPR].price_2024.value);
  /* Lead times have physical floors below permit + build. */
  for (guint st = 0; st < LODE_N_STAGES; st++)
    g_assert_cmpfloat (ds->stage[st].min_lead_years.value, <=,
                       ds->stage[st].permit_years.value + ds->stage[st].build_years.value);
}

static void
test_projects (void)
{
  static const char *expected[] = {
    "mp-independence-magnet", "mp-10x-magnet", "mp-10x-metal", "mp-stage2-separation",
    "evac-sumter-magnet", "usar-stillwater-magnet", "usar-stillwater-metal", "vulcan-magnet",
    "ef-white-mesa-1-separation", "ef-white-mesa-2-separation", "lynas-malaysia-upgrade",
    "lynas-kalgoorlie-mine", "lynas-texas-separation", "iluka-eneabba-separation",
    "arafura-nolans-mine", "arafura-nolans-separation", "neo-narva-magnet", "sgi-vietnam-magnet",
  };
  const LodeDataset *ds = shared_dataset ();
  double us_magnets = 0.0;

  g_assert_cmpuint (ds->n_projects, >=, 15);
  for (guint i = 0; i < ds->n_projects; i++)
    {
      const LodeProject *p = &ds->projects[i];

      g_assert_nonnull (p->id);
      g_assert_nonnull (p->name);
      g_assert_cmpint (lode_dataset_project_index (ds, p->id), ==, i);
      g_assert_cmpuint (p->stage, <, LODE_N_STAGES);
      g_assert_cmpuint (p->region, <, ds->n_regions);
      g_assert_cmpuint (p->region, !=, ds->china);
      g_assert_cmpfloat (p->capacity.value, >, 0.0);
      g_assert_cmpfloat (p->capex_musd.value, >=, 0.0);
      g_assert_cmpint (p->online_year, >=, 2024);
      g_assert_cmpint (p->online_year, <=, 2035);
      g_assert_nonnull (lode_dataset_find_source (ds, p->capacity.source));
      g_assert_nonnull (lode_dataset_find_source (ds, p->capex_musd.source));

      /* Ids name their stage, one entry per stage of an integrated project. */
      if (strstr (p->id, lode_stage_id (p->stage)) == NULL &&
          !g_str_equal (p->id, "lynas-malaysia-upgrade"))
        g_error ("project id %s does not name its stage %s", p->id, lode_stage_id (p->stage));

      if (p->region == ds->us && p->stage == LODE_STAGE_MAGNET)
        us_magnets += p->capacity.value;
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (lode_dataset_project_index (ds, expected[i]) < 0)
      g_error ("project %s is missing", expected[i]);

  {
    const LodeProject *x = &ds->projects[lode_dataset_project_index (ds, "mp-10x-magnet")];

    g_assert_cmpint (x->stage, ==, LODE_STAGE_MAGNET);
    g_assert_cmpuint (x->region, ==, ds->us);
    g_assert_cmpint (x->online_year, ==, 2028);
  }
  g_assert_cmpint (lode_dataset_project_index (ds, "no-such-project"), ==, -1);
  g_assert_cmpint (lode_dataset_project_index (ds, NULL), ==, -1);

  /* The announced US magnet pipeline exceeds 20 kt/yr (10X, Vulcan, USAR, e-VAC, MP). */
  g_assert_cmpfloat (us_magnets, >, 20000.0);
}

static void
test_from_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "reference-2024.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/lodestone/reference.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_new_from_file (file, &error);
  LodeDataset *none;

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpuint (ds->n_projects, ==, shared_dataset ()->n_projects);
  g_assert_cmpfloat (ds->regions[0].material[LODE_MATERIAL_NDPR].production[0].value, ==,
                     shared_dataset ()->regions[0].material[LODE_MATERIAL_NDPR].production[0].value);

  none = lode_dataset_new_from_file (missing, &error);
  g_assert_null (none);
  g_assert_error (error, LODE_DATASET_ERROR, LODE_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "reference.xml"));
}

static void
test_empty (void)
{
  g_autoptr(LodeDataset) ds = lode_dataset_new_empty ();
  LodeDataset *ref;

  g_assert_cmpuint (ds->n_regions, ==, 0);
  g_assert_cmpint (lode_dataset_region_index (ds, "CN"), ==, -1);
  g_assert_null (lode_dataset_find_source (ds, "U25"));

  ds->n_regions = 1;
  ds->regions[0].id = g_strdup ("ZZ");
  ds->regions[0].name = g_strdup ("Zedland");
  ds->n_projects = 1;
  ds->projects[0].id = g_strdup ("p");
  ds->n_sources = 1;
  ds->sources[0].id = g_intern_static_string ("X1");
  ds->sources[0].short_name = g_strdup ("X");
  g_assert_cmpint (lode_dataset_region_index (ds, "ZZ"), ==, 0);
  g_assert_cmpint (lode_dataset_project_index (ds, "p"), ==, 0);
  g_assert_cmpstr (lode_region_name (&ds->regions[0]), ==, "Zedland");
  g_assert_nonnull (lode_dataset_find_source (ds, "X1"));

  ref = lode_dataset_ref (ds);
  g_assert_true (ref == ds);
  lode_dataset_unref (ref);
}

typedef struct
{
  const char       *name;
  const char       *from;   /* NULL: replace the whole text by @to */
  const char       *to;
  LodeDatasetError  code;
  const char       *expect;  /* a piece of the message */
} HostileCase;

static void
test_hostile (void)
{
  static const HostileCase cases[] = {
    { "missing CN", "<region id=\"CN\"", "<region id=\"XC\"", LODE_DATASET_ERROR_INVALID,
      "“CN”" },
    { "bad number", "value=\"270000\"", "value=\"27O000\"", LODE_DATASET_ERROR_PARSE,
      "line " },
    { "not finite", "value=\"270000\"", "value=\"NaN\"", LODE_DATASET_ERROR_INVALID,
      "<production>" },
    { "infinite", "value=\"45000\"", "value=\"INF\"", LODE_DATASET_ERROR_INVALID,
      "<production>" },
    { "share sum", "<end-use id=\"wind\" value=\"0.10\"", "<end-use id=\"wind\" value=\"0.11\"",
      LODE_DATASET_ERROR_INVALID, "<demand>" },
    { "share out of range", "<end-use id=\"wind\" value=\"0.10\"",
      "<end-use id=\"wind\" value=\"-0.10\"", LODE_DATASET_ERROR_INVALID, "<end-use>" },
    { "unknown source", "source=\"MP-10K21\"", "source=\"NOPE\"", LODE_DATASET_ERROR_INVALID,
      "<ore-share>" },
    { "unknown material", "<material id=\"sm\">", "<material id=\"gold\">",
      LODE_DATASET_ERROR_PARSE, "<material>" },
    { "unknown parameter", "<param id=\"cost-band\"", "<param id=\"cost-bend\"",
      LODE_DATASET_ERROR_INVALID, "cost-bend" },
    { "range around value", "<param id=\"cost-band\" value=\"0.2\"",
      "<param id=\"cost-band\" value=\"0.5\"", LODE_DATASET_ERROR_INVALID, "<param>" },
    { "negative intensity", "<heavy-intensity end-use=\"wind\" value=\"0.025\"",
      "<heavy-intensity end-use=\"wind\" value=\"-0.025\"", LODE_DATASET_ERROR_INVALID,
      "<heavy-intensity>" },
    { "unknown basis", "basis=\"S\"", "basis=\"X\"", LODE_DATASET_ERROR_PARSE, "line " },
    { "unknown project region", "stage=\"magnet\" region=\"VN\"",
      "stage=\"magnet\" region=\"ZZ\"", LODE_DATASET_ERROR_INVALID, "<project>" },
    { "duplicate region", "<region id=\"MM\"", "<region id=\"VN\"", LODE_DATASET_ERROR_INVALID,
      "<region>" },
    { "production over capacity", "<production stage=\"mine\" value=\"13000\"",
      "<production stage=\"mine\" value=\"19000\"", LODE_DATASET_ERROR_INVALID, "<region>" },
    { "duplicate project", "id=\"sgi-vietnam-magnet\"", "id=\"neo-narva-magnet\"",
      LODE_DATASET_ERROR_INVALID, "<project>" },
    { "ramp falls", "<ramp year=\"4\" value=\"0.85\"", "<ramp year=\"4\" value=\"0.10\"",
      LODE_DATASET_ERROR_INVALID, "<stage>" },
    { "unknown element", "<magnet-service-life", "<magnet-lifetime", LODE_DATASET_ERROR_PARSE,
      "line " },
    { "wrong root", "<lodestone-dataset ", "<lodestone-scenario ", LODE_DATASET_ERROR_PARSE,
      "line " },
    { "internal entity", "<lodestone-dataset ",
      "<!DOCTYPE lodestone-dataset [<!ENTITY a \"aaaaaaaaaa\">]>\n<lodestone-dataset ",
      LODE_DATASET_ERROR_PARSE, "line " },
    { "external entity", "<lodestone-dataset ",
      "<!DOCTYPE lodestone-dataset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<lodestone-dataset ", LODE_DATASET_ERROR_PARSE, "line " },
    { "other root", NULL,
      "<?xml version=\"1.0\"?>\n"
      "<lodestone-scenario xmlns=\"https://lodestone.github.io/ns/dataset/1\"/>",
      LODE_DATASET_ERROR_PARSE, "<lodestone-scenario>" },
    { "no namespace", "xmlns=\"https://lodestone.github.io/ns/dataset/1\"", "",
      LODE_DATASET_ERROR_PARSE, "<lodestone-dataset>" },
    { "not XML", NULL, "this is not XML at all", LODE_DATASET_ERROR_PARSE, "line 1" },
    { "unclosed", NULL, "<?xml version=\"1.0\"?>\n<lodestone-dataset>\n<sources>",
      LODE_DATASET_ERROR_PARSE, "line " },
  };
  g_autofree char *text = default_text ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const HostileCase *c = &cases[i];
      g_autofree char *broken = c->from != NULL ? replace_once (text, c->from, c->to) :
                                                  g_strdup (c->to);
      g_autoptr(GError) error = NULL;
      g_autoptr(LodeDataset) ds = load_text (broken, &error);

      g_test_message ("%s: %s", c->name, error != NULL ? error->message : "(loaded)");
      if (ds != NULL)
        g_error ("case “%s” was accepted", c->name);
      g_assert_error (error, LODE_DATASET_ERROR, (int) c->code);
      g_assert_nonnull (strstr (error->message, "hostile.xml"));
      g_assert_nonnull (strstr (error->message, "line "));
      if (strstr (error->message, c->expect) == NULL)
        g_error ("case “%s”: “%s” not in “%s”", c->name, c->expect, error->message);
    }

  /* Empty and oversized input. */
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(LodeDataset) ds = lode_dataset_new_from_bytes (empty, "empty.xml", &error);

    g_assert_null (ds);
    g_assert_error (error, LODE_DATASET_ERROR, LODE_DATASET_ERROR_PARSE);
  }
  {
    gsize size = 5 * 1024 * 1024;
    char *big = g_malloc (size);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(LodeDataset) ds = NULL;

    memset (big, ' ', size);
    bytes = g_bytes_new_take (big, size);
    ds = lode_dataset_new_from_bytes (bytes, "big.xml", &error);
    g_assert_null (ds);
    g_assert_error (error, LODE_DATASET_ERROR, LODE_DATASET_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "too large"));
  }

  /* The unmodified text still loads: the edits above are what broke it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LodeDataset) ds = load_text (text, &error);

    g_assert_no_error (error);
    g_assert_nonnull (ds);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/dataset/load-default", test_load_default);
  g_test_add_func ("/lode/dataset/sources", test_sources);
  g_test_add_func ("/lode/dataset/calibration", test_calibration);
  g_test_add_func ("/lode/dataset/demand", test_demand);
  g_test_add_func ("/lode/dataset/economics", test_economics);
  g_test_add_func ("/lode/dataset/projects", test_projects);
  g_test_add_func ("/lode/dataset/from-file", test_from_file);
  g_test_add_func ("/lode/dataset/empty", test_empty);
  g_test_add_func ("/lode/dataset/hostile", test_hostile);

  {
    int status = g_test_run ();

    g_clear_pointer (&dataset, lode_dataset_unref);
    return status;
  }
}
