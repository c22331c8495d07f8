/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-dataset-sections.c — the dataset's sections, read into a LodeDataset and checked:
 * sources, regions, materials, demand, economics, parameters, base-year trade and projects.
 * Every value is finite and in range, shares add up, ids are unique and every cited source
 * exists; errors name the file, the line and the element.
 */
#define G_LOG_DOMAIN "lode-dataset-sections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lode-dataset-private.h"

#define SHARE_TOLERANCE   1e-6
#define DEMAND_TOLERANCE  0.01   /* regional magnet demand vs the world figure, relative */
#define MAX_QUANTITY      1e8    /* t or t/yr */
#define MAX_PRICE         1e6    /* USD per kg */

static const char *growth_paths[3] = { "low", "central", "high" };
static const char *growth_periods[3] = { "2024-2030", "2030-2040", "2040-2060" };

/* Sources */

static gboolean
parse_sources (const LodeDatasetLoader  *loader,
               xmlNode                  *sources,
               GError                  **error)
{
  LodeDataset *ds = loader->ds;

  LODE_FOR_EACH_ELEMENT (node, sources)
    {
      g_autofree char *id = NULL;
      LodeSource *source;

      if (!lode_xml_is_element (node, "source"))
        continue;

      if (ds->n_sources >= LODE_MAX_SOURCES)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("too many sources (at most %d)"), LODE_MAX_SOURCES);
          return FALSE;
        }

      id = lode_dataset_require_prop (loader, node, "id", error);
      if (id == NULL)
        return FALSE;
      if (strchr (id, ' ') != NULL || lode_dataset_find_source (ds, id) != NULL)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("duplicate or invalid source id “%s”"), id);
          return FALSE;
        }

      source = &ds->sources[ds->n_sources++];
      source->id = g_intern_string (id);
      if ((source->short_name = lode_dataset_require_prop (loader, node, "short", error)) == NULL ||
          (source->title = lode_dataset_require_prop (loader, node, "title", error)) == NULL ||
          (source->publisher = lode_dataset_require_prop (loader, node, "publisher", error)) == NULL)
        return FALSE;
      source->url = lode_dataset_dup_prop (node, "url");

      source->year = 0;
      if (xmlHasProp (node, (const xmlChar *) "year") &&
          !lode_dataset_read_int_prop (loader, node, "year", 1900, 2200, &source->year, error))
        return FALSE;
    }

  if (ds->n_sources == 0)
    {
      lode_dataset_node_error (loader, sources, LODE_DATASET_ERROR_INVALID, error,
                               _("no sources"));
      return FALSE;
    }
  return TRUE;
}

/* Regions */

static gboolean
parse_colour (const char *text,
              guint32    *out)
{
  guint64 value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text + 1, 16, 0, 0xffffff, &value, NULL))
    return FALSE;

  *out = (guint32) value;
  return TRUE;
}

/* The material an element speaks of: its "material" attribute, NdPr when it has none. */
static gboolean
read_material_attr (const LodeDatasetLoader  *loader,
                    const xmlNode            *node,
                    int                      *out,
                    GError                  **error)
{
  *out = LODE_MATERIAL_NDPR;
  if (xmlHasProp (node, BAD_CAST "material") == NULL)
    return TRUE;
  return lode_dataset_read_enum_prop (loader, node, "material", lode_dataset_material_from_id,
                                      _("material"), out, error);
}

/* One per-material value of a region (capacity, production, ore-share, ...), checked for a
 * second occurrence. `seen` is indexed [material][stage] (stage 0 for stage-less values). */
static gboolean
read_region_value (const LodeDatasetLoader  *loader,
                   xmlNode                  *node,
                   gboolean                  staged,
                   double                    max,
                   gboolean                  seen[LODE_N_MATERIALS][LODE_N_STAGES],
                   LodeCited                *(*slot) (LodeRegionMaterial *m, int stage),
                   LodeRegion               *region,
                   GError                  **error)
{
  int material, stage = 0;

  if (!read_material_attr (loader, node, &material, error))
    return FALSE;
  if (staged && !lode_dataset_read_enum_prop (loader, node, "stage", lode_dataset_stage_from_id,
                                              _("stage"), &stage, error))
    return FALSE;
  if (seen[material][stage])
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("given twice for %s"), lode_material_id (material));
      return FALSE;
    }
  seen[material][stage] = TRUE;
  return lode_dataset_read_cited (loader, node, 0.0, max,
                                  slot (&region->material[material], stage), error);
}

static LodeCited *slot_capacity (LodeRegionMaterial *m, int s) { return &m->capacity[s]; }
static LodeCited *slot_production (LodeRegionMaterial *m, int s) { return &m->production[s]; }
static LodeCited *slot_ore_share (LodeRegionMaterial *m, int s) { return &m->ore_share; }
static LodeCited *slot_cash_cost (LodeRegionMaterial *m, int s) { return &m->cash_cost; }
static LodeCited *slot_demand (LodeRegionMaterial *m, int s) { return &m->demand_t; }

typedef struct
{
  const char  *element;
  gboolean     staged;
  double       max;
  LodeCited *(*slot) (LodeRegionMaterial *m, int stage);
  /* Which materials must give it: a bit per material. */
  guint        required;
} RegionValueKind;

#define ALL_MATERIALS ((1u << LODE_N_MATERIALS) - 1)

static const RegionValueKind region_values[] = {
  { "capacity", TRUE, MAX_QUANTITY, slot_capacity, 1u << LODE_MATERIAL_NDPR },
  { "production", TRUE, MAX_QUANTITY, slot_production, 1u << LODE_MATERIAL_NDPR },
  { "ore-share", FALSE, 1.0, slot_ore_share, 1u << LODE_MATERIAL_NDPR },
  { "cash-cost", FALSE, MAX_PRICE, slot_cash_cost, ALL_MATERIALS },
  { "demand", FALSE, MAX_QUANTITY, slot_demand,
    (1u << LODE_MATERIAL_NDPR) | (1u << LODE_MATERIAL_SM) },
};

static gboolean
check_region_values (const LodeDatasetLoader  *loader,
                     xmlNode                  *node,
                     LodeRegion               *region,
                     GError                  **error)
{
  for (guint m = 0; m < LODE_N_MATERIALS; m++)
    for (guint s = 0; s < LODE_N_STAGES; s++)
      {
        const LodeRegionMaterial *rm = &region->material[m];

        if (rm->production[s].value > rm->capacity[s].value * (1.0 + 1e-9))
          {
            g_autofree char *production = lode_dataset_ascii_number (rm->production[s].value);
            g_autofree char *capacity = lode_dataset_ascii_number (rm->capacity[s].value);

            lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                     _("region “%s”: %s %s production %s exceeds capacity %s"),
                                     region->id, lode_material_id (m),
                                     lode_stage_id ((LodeStage) s), production, capacity);
            return FALSE;
          }
      }
  if (region->material[LODE_MATERIAL_HEAVY].demand_t.value != 0)
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("region “%s”: Dy + Tb demand follows NdFeB magnets and is "
                                 "not given"), region->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_region_values (const LodeDatasetLoader  *loader,
                     xmlNode                  *node,
                     LodeRegion               *region,
                     GError                  **error)
{
  for (guint k = 0; k < G_N_ELEMENTS (region_values); k++)
    {
      const RegionValueKind *kind = &region_values[k];
      gboolean seen[LODE_N_MATERIALS][LODE_N_STAGES] = { { FALSE, }, };
      guint n_stages = kind->staged ? LODE_N_STAGES : 1;

      LODE_FOR_EACH_ELEMENT (child, node)
        if (lode_xml_is_element (child, kind->element) &&
            !read_region_value (loader, child, kind->staged, kind->max, seen, kind->slot,
                                region, error))
          return FALSE;

      for (guint m = 0; m < LODE_N_MATERIALS; m++)
        for (guint s = 0; s < n_stages; s++)
          if ((kind->required & (1u << m)) && !seen[m][s])
            {
              lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                       _("region “%s”: no <%s> for %s%s%s"), region->id,
                                       kind->element, lode_material_id (m),
                                       kind->staged ? " " : "",
                                       kind->staged ? lode_stage_id ((LodeStage) s) : "");
              return FALSE;
            }
    }
  return check_region_values (loader, node, region, error);
}

static gboolean
parse_region (const LodeDatasetLoader  *loader,
              xmlNode                  *node,
              LodeRegion               *region,
              GError                  **error)
{
  g_autofree char *colour = NULL;

  if ((region->id = lode_dataset_require_prop (loader, node, "id", error)) == NULL ||
      (region->name = lode_dataset_require_prop (loader, node, "name", error)) == NULL)
    return FALSE;

  colour = lode_dataset_require_prop (loader, node, "colour", error);
  if (colour == NULL)
    return FALSE;
  if (!parse_colour (colour, &region->rgb))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("colour must be #RRGGBB: “%s”"), colour);
      return FALSE;
    }

  return lode_dataset_read_bool_prop (loader, node, "allied-default",
                                      &region->allied_default, error) &&
         lode_dataset_read_bool_prop (loader, node, "western-costs",
                                      &region->western_costs, error) &&
         parse_region_values (loader, node, region, error) &&
         lode_dataset_read_cited_child (loader, node, "reserves", 0.0, 1e10,
                                        &region->reserves_t, error);
}

static gboolean
parse_regions (const LodeDatasetLoader  *loader,
               xmlNode                  *regions,
               GError                  **error)
{
  LodeDataset *ds = loader->ds;
  int china, us;

  LODE_FOR_EACH_ELEMENT (node, regions)
    {
      LodeRegion *region;

      if (!lode_xml_is_element (node, "region"))
        continue;

      if (ds->n_regions >= LODE_MAX_REGIONS)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("too many regions (at most %d)"), LODE_MAX_REGIONS);
          return FALSE;
        }

      /* Count first: a partly filled region is still freed on error. */
      region = &ds->regions[ds->n_regions++];
      if (!parse_region (loader, node, region, error))
        return FALSE;

      for (guint i = 0; i + 1 < ds->n_regions; i++)
        {
          if (strcmp (ds->regions[i].id, region->id) == 0)
            {
              lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                       _("duplicate region id “%s”"), region->id);
              return FALSE;
            }
        }
    }

  china = lode_dataset_region_index (ds, "CN");
  us = lode_dataset_region_index (ds, "US");
  if (china < 0 || us < 0)
    {
      lode_dataset_node_error (loader, regions, LODE_DATASET_ERROR_INVALID, error,
                               _("the regions must include “CN” (China) and “US” (United "
                                 "States)"));
      return FALSE;
    }
  ds->china = (guint) china;
  ds->us = (guint) us;
  return TRUE;
}

/* Materials */

#define MATERIAL_FIELD(element, field, min, max, optional) \
  { element, G_STRUCT_OFFSET (LodeMaterialData, field), min, max, optional }

const LodeDatasetField lode_dataset_material_fields[] = {
  MATERIAL_FIELD ("recovery", recovery, 0.01, 1.0, FALSE),
  MATERIAL_FIELD ("oxide-to-metal", oxide_to_metal, 0.01, 1.0, FALSE),
  MATERIAL_FIELD ("metal-yield", metal_yield, 0.01, 1.0, FALSE),
  MATERIAL_FIELD ("metal-per-magnet", metal_per_magnet, 0.001, 1.0, FALSE),
  MATERIAL_FIELD ("magnet-yield", magnet_yield, 0.01, 1.0, FALSE),
  MATERIAL_FIELD ("swarf-recycled", swarf_recycled, 0.0, 1.0, FALSE),
  MATERIAL_FIELD ("secondary-oxide", secondary_oxide_t, 0.0, 1e7, FALSE),
  MATERIAL_FIELD ("price-2024", price_2024, 0.01, MAX_PRICE, FALSE),
  MATERIAL_FIELD ("elasticity-short", elasticity_short, -5.0, 0.0, FALSE),
  MATERIAL_FIELD ("elasticity-long", elasticity_long, -5.0, 0.0, FALSE),
  MATERIAL_FIELD ("adjust-years", adjust_years, 0.5, 50.0, FALSE),
  MATERIAL_FIELD ("incentive-price", incentive_price, 0.01, MAX_PRICE, FALSE),
  MATERIAL_FIELD ("choke-multiple", choke_multiple, 1.0, 1000.0, FALSE),
  MATERIAL_FIELD ("demand-growth", demand_growth_pct, -20.0, 50.0, TRUE),
};
const guint lode_dataset_n_material_fields = G_N_ELEMENTS (lode_dataset_material_fields);

static gboolean
parse_material_capex (const LodeDatasetLoader  *loader,
                      xmlNode                  *node,
                      LodeMaterialData         *data,
                      GError                  **error)
{
  LODE_FOR_EACH_ELEMENT (child, node)
    {
      gboolean west = lode_xml_is_element (child, "capex-west");
      int stage;

      if (!west && !lode_xml_is_element (child, "capex-asia"))
        continue;
      if (!lode_dataset_read_enum_prop (loader, child, "stage", lode_dataset_stage_from_id,
                                        _("stage"), &stage, error) ||
          !lode_dataset_read_cited (loader, child, 0.0, 1e9,
                                    west ? &data->capex_west[stage] : &data->capex_asia[stage],
                                    error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_materials (const LodeDatasetLoader  *loader,
                 xmlNode                  *materials,
                 GError                  **error)
{
  gboolean seen[LODE_N_MATERIALS] = { FALSE, };

  LODE_FOR_EACH_ELEMENT (node, materials)
    {
      LodeMaterialData *data;
      int material;

      if (!lode_xml_is_element (node, "material"))
        continue;
      if (!lode_dataset_read_enum_prop (loader, node, "id", lode_dataset_material_from_id,
                                        _("material"), &material, error))
        return FALSE;
      if (seen[material])
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("material “%s” given twice"), lode_material_id (material));
          return FALSE;
        }
      seen[material] = TRUE;
      data = &loader->ds->material[material];
      for (guint f = 0; f < lode_dataset_n_material_fields; f++)
        {
          const LodeDatasetField *field = &lode_dataset_material_fields[f];
          LodeCited *out = G_STRUCT_MEMBER_P (data, field->offset);

          if (field->optional && lode_dataset_find_child (node, field->element) == NULL)
            continue;
          if (!lode_dataset_read_cited_child (loader, node, field->element, field->min,
                                              field->max, out, error))
            return FALSE;
        }
      if (!parse_material_capex (loader, node, data, error))
        return FALSE;
    }

  for (guint m = 0; m < LODE_N_MATERIALS; m++)
    if (!seen[m])
      {
        lode_dataset_node_error (loader, materials, LODE_DATASET_ERROR_INVALID, error,
                                 _("no <material> “%s”"), lode_material_id ((LodeMaterial) m));
        return FALSE;
      }
  return TRUE;
}

/* Demand */

static int
growth_period_index (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (growth_periods); i++)
    if (g_strcmp0 (text, growth_periods[i]) == 0)
      return (int) i;
  return -1;
}

static gboolean
parse_growth (const LodeDatasetLoader  *loader,
              xmlNode                  *node,
              gboolean                  seen[3][3],
              GError                  **error)
{
  LodeDataset *ds = loader->ds;
  g_autofree char *path = lode_dataset_require_prop (loader, node, "path", error);
  g_autofree char *period = NULL;
  LodeCited *rows[3] = { ds->growth_low_pct, ds->growth_central_pct, ds->growth_high_pct };
  int k, p;

  if (path == NULL || (period = lode_dataset_require_prop (loader, node, "period", error)) == NULL)
    return FALSE;

  for (k = 0; k < 3; k++)
    if (strcmp (path, growth_paths[k]) == 0)
      break;
  if (k == 3)
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("unknown growth path “%s”"), path);
      return FALSE;
    }

  p = growth_period_index (period);
  if (p < 0)
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("unknown growth period “%s”"), period);
      return FALSE;
    }
  if (seen[k][p])
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("growth “%s” %s given twice"), path, period);
      return FALSE;
    }
  seen[k][p] = TRUE;
  return lode_dataset_read_cited (loader, node, -20.0, 50.0, &rows[k][p], error);
}

/* An end-use row: <end-use id=...> (share) or <heavy-intensity end-use=...>. */
static gboolean
parse_end_use_value (const LodeDatasetLoader  *loader,
                     xmlNode                  *node,
                     const char               *attribute,
                     double                    max,
                     gboolean                  seen[LODE_N_END_USES],
                     LodeCited                 values[LODE_N_END_USES],
                     GError                  **error)
{
  g_autofree char *id = lode_dataset_require_prop (loader, node, attribute, error);
  LodeEndUse use;

  if (id == NULL)
    return FALSE;
  if (!lode_end_use_from_id (id, &use))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("unknown end use “%s”"), id);
      return FALSE;
    }
  if (seen[use])
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("end use “%s” given twice"), id);
      return FALSE;
    }
  seen[use] = TRUE;
  return lode_dataset_read_cited (loader, node, 0.0, max, &values[use], error);
}

static gboolean
check_demand (const LodeDatasetLoader  *loader,
              xmlNode                  *demand,
              gboolean                  seen_use[LODE_N_END_USES],
              gboolean                  seen_heavy[LODE_N_END_USES],
              gboolean                  seen_growth[3][3],
              GError                  **error)
{
  const LodeDataset *ds = loader->ds;
  double share_sum = 0.0, regional_sum = 0.0;

  for (guint u = 0; u < LODE_N_END_USES; u++)
    {
      if (!seen_use[u] || !seen_heavy[u])
        {
          lode_dataset_node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                                   _("no share or Dy + Tb intensity for end use “%s”"),
                                   lode_end_use_id ((LodeEndUse) u));
          return FALSE;
        }
      share_sum += ds->end_use_share[u].value;
    }
  if (fabs (share_sum - 1.0) > SHARE_TOLERANCE)
    {
      g_autofree char *sum = lode_dataset_ascii_number (share_sum);

      lode_dataset_node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                               _("end-use shares sum to %s, not 1"), sum);
      return FALSE;
    }

  for (guint path = 0; path < 3; path++)
    for (guint p = 0; p < 3; p++)
      if (!seen_growth[path][p])
        {
          lode_dataset_node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                                   _("no growth rate for path “%s”, %s"), growth_paths[path],
                                   growth_periods[p]);
          return FALSE;
        }

  for (guint r = 0; r < ds->n_regions; r++)
    regional_sum += ds->regions[r].material[LODE_MATERIAL_NDPR].demand_t.value;
  if (fabs (regional_sum - ds->world_magnet_demand_t.value) >
      DEMAND_TOLERANCE * ds->world_magnet_demand_t.value)
    {
      g_autofree char *regional = lode_dataset_ascii_number (regional_sum);
      g_autofree char *world = lode_dataset_ascii_number (ds->world_magnet_demand_t.value);

      lode_dataset_node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                               _("regional magnet demand sums to %s t, not the world's %s t"),
                               regional, world);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_demand (const LodeDatasetLoader  *loader,
              xmlNode                  *demand,
              GError                  **error)
{
  LodeDataset *ds = loader->ds;
  gboolean seen_use[LODE_N_END_USES] = { FALSE, };
  gboolean seen_heavy[LODE_N_END_USES] = { FALSE, };
  gboolean seen_growth[3][3] = { { FALSE, }, };

  if (!lode_dataset_read_cited_child (loader, demand, "world-magnet-demand", 1.0, MAX_QUANTITY,
                                      &ds->world_magnet_demand_t, error) ||
      !lode_dataset_read_cited_child (loader, demand, "magnet-service-life", 1.0, 100.0,
                                      &ds->magnet_service_life_years, error))
    return FALSE;

  LODE_FOR_EACH_ELEMENT (node, demand)
    {
      gboolean ok = TRUE;

      if (lode_xml_is_element (node, "end-use"))
        ok = parse_end_use_value (loader, node, "id", 1.0, seen_use, ds->end_use_share, error);
      else if (lode_xml_is_element (node, "heavy-intensity"))
        ok = parse_end_use_value (loader, node, "end-use", 0.2, seen_heavy,
                                  ds->heavy_intensity, error);
      else if (lode_xml_is_element (node, "growth"))
        ok = parse_growth (loader, node, seen_growth, error);
      if (!ok)
        return FALSE;
    }
  return check_demand (loader, demand, seen_use, seen_heavy, seen_growth, error);
}

/* Economics */

static gboolean
parse_ramp (const LodeDatasetLoader  *loader,
            xmlNode                  *node,
            LodeStageEconomics       *econ,
            GError                  **error)
{
  gboolean seen_ramp[4] = { FALSE, };

  LODE_FOR_EACH_ELEMENT (ramp, node)
    {
      int year;

      if (!lode_xml_is_element (ramp, "ramp"))
        continue;
      if (!lode_dataset_read_int_prop (loader, ramp, "year", 1, 4, &year, error))
        return FALSE;
      if (seen_ramp[year - 1])
        {
          lode_dataset_node_error (loader, ramp, LODE_DATASET_ERROR_INVALID, error,
                                   _("ramp year %d given twice"), year);
          return FALSE;
        }
      seen_ramp[year - 1] = TRUE;
      if (!lode_dataset_read_cited (loader, ramp, 0.0, 1.0, &econ->ramp[year - 1], error))
        return FALSE;
    }

  for (guint y = 0; y < 4; y++)
    {
      if (!seen_ramp[y])
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("no ramp fraction for year %u"), y + 1);
          return FALSE;
        }
      if (y > 0 && econ->ramp[y].value + 1e-12 < econ->ramp[y - 1].value)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("ramp fractions must not fall from one year to the next"));
          return FALSE;
        }
    }
  return TRUE;
}

#define STAGE_FIELD(element, field, min, max) \
  { element, G_STRUCT_OFFSET (LodeStageEconomics, field), min, max, FALSE }

const LodeDatasetField lode_dataset_stage_fields[] = {
  STAGE_FIELD ("capex-west", capex_west, 0.0, 1e8),
  STAGE_FIELD ("capex-asia", capex_asia, 0.0, 1e8),
  STAGE_FIELD ("overrun", overrun, 1.0, 10.0),
  STAGE_FIELD ("learning-rate", learning_rate, 0.0, 0.5),
  STAGE_FIELD ("opex", opex_usd_kg, 0.0, 1e4),
  STAGE_FIELD ("permit-years", permit_years, 0.0, 30.0),
  STAGE_FIELD ("build-years", build_years, 0.0, 30.0),
  STAGE_FIELD ("min-lead-years", min_lead_years, 0.0, 30.0),
  STAGE_FIELD ("absorption", absorption, 1.0, MAX_QUANTITY),
  STAGE_FIELD ("utilisation", utilisation, 0.01, 1.0),
  STAGE_FIELD ("jobs-per-kt", jobs_per_kt, 0.0, 1e5),
  STAGE_FIELD ("co2e", co2e_t_per_t, 0.0, 1e4),
  STAGE_FIELD ("residue", residue_t_per_t, 0.0, 1e4),
  STAGE_FIELD ("tailings", tailings_t_per_t, 0.0, 1e6),
};
const guint lode_dataset_n_stage_fields = G_N_ELEMENTS (lode_dataset_stage_fields);

static gboolean
parse_stage_economics (const LodeDatasetLoader  *loader,
                       xmlNode                  *node,
                       LodeStageEconomics       *econ,
                       GError                  **error)
{
  for (guint f = 0; f < lode_dataset_n_stage_fields; f++)
    {
      const LodeDatasetField *field = &lode_dataset_stage_fields[f];

      if (!lode_dataset_read_cited_child (loader, node, field->element, field->min, field->max,
                                          G_STRUCT_MEMBER_P (econ, field->offset), error))
        return FALSE;
    }
  if (econ->min_lead_years.value > econ->permit_years.value + econ->build_years.value)
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("the minimum lead time exceeds permitting plus construction"));
      return FALSE;
    }
  return parse_ramp (loader, node, econ, error);
}

static gboolean
parse_economics (const LodeDatasetLoader  *loader,
                 xmlNode                  *economics,
                 GError                  **error)
{
  LodeDataset *ds = loader->ds;
  gboolean seen[LODE_N_STAGES] = { FALSE, };

  LODE_FOR_EACH_ELEMENT (node, economics)
    {
      int stage;

      if (!lode_xml_is_element (node, "stage"))
        continue;
      if (!lode_dataset_read_enum_prop (loader, node, "id", lode_dataset_stage_from_id,
                                        _("stage"), &stage, error))
        return FALSE;
      if (seen[stage])
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("stage “%s” given twice"), lode_stage_id (stage));
          return FALSE;
        }
      seen[stage] = TRUE;
      if (!parse_stage_economics (loader, node, &ds->stage[stage], error))
        return FALSE;
    }

  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      if (!seen[s])
        {
          lode_dataset_node_error (loader, economics, LODE_DATASET_ERROR_INVALID, error,
                                   _("no economics for stage “%s”"),
                                   lode_stage_id ((LodeStage) s));
          return FALSE;
        }
    }

  return lode_dataset_read_cited_child (loader, economics, "recycling-capex", 0.0, 1e8,
                                        &ds->recycling_capex_per_t, error);
}

/* Parameters */

typedef struct
{
  const char *id;
  double      min;
  double      max;
} ParamInfo;

static const ParamInfo param_info[LODE_N_PARAMS] = {
  [LODE_PARAM_UTILISATION_FLOOR] = { "utilisation-floor", 0.0, 1.0 },
  [LODE_PARAM_COST_BAND] = { "cost-band", 0.01, 0.9 },
  [LODE_PARAM_MINE_LIFE_YEARS] = { "mine-life", 1.0, 200.0 },
  [LODE_PARAM_ALLY_ABSORPTION] = { "ally-absorption", 0.0, 10.0 },
  [LODE_PARAM_RECYCLING_ABSORPTION] = { "recycling-absorption", 1.0, MAX_QUANTITY },
  [LODE_PARAM_MARGINAL_CAPEX] = { "marginal-capex", 0.0, 10.0 },
  [LODE_PARAM_INDUCED_RATE] = { "induced-rate", 0.0, 1.0 },
  [LODE_PARAM_FRIENDSHORING_RAMP] = { "friendshoring-ramp", 0.0, 20.0 },
  [LODE_PARAM_TARIFF_SUBSTITUTION] = { "tariff-substitution", 0.0, 20.0 },
  [LODE_PARAM_SHOCK_RECOVERY_YEARS] = { "shock-recovery", 0.0, 20.0 },
  [LODE_PARAM_STOCKPILE_CARRY_PCT] = { "stockpile-carry", 0.0, 100.0 },
  [LODE_PARAM_STOCKPILE_TRIGGER] = { "stockpile-trigger", 1.0, 100.0 },
  [LODE_PARAM_STOCKPILE_FILL_YEARS] = { "stockpile-fill", 0.5, 30.0 },
  [LODE_PARAM_RECYCLING_2024] = { "recycling-2024", 0.0, 1.0 },
  [LODE_PARAM_HEAVY_GRADE_SHARE] = { "heavy-grade-share", 0.0, 1.0 },
  [LODE_PARAM_GBD_FACTOR] = { "gbd-factor", 0.0, 1.0 },
  [LODE_PARAM_GBD_SHARE_2024] = { "gbd-share-2024", 0.0, 1.0 },
  [LODE_PARAM_HEAVY_THRIFT_PCT] = { "heavy-thrift", 0.0, 20.0 },
  [LODE_PARAM_US_DEFENCE_NDFEB_T] = { "us-defence-ndfeb", 0.0, MAX_QUANTITY },
  [LODE_PARAM_US_DEFENCE_SMCO_T] = { "us-defence-smco", 0.0, MAX_QUANTITY },
  [LODE_PARAM_DEFENCE_GROWTH_PCT] = { "defence-growth", -20.0, 50.0 },
  [LODE_PARAM_PROJECT_HURDLE_PCT] = { "project-hurdle", 0.0, 50.0 },
  [LODE_PARAM_EXIT_MULTIPLE] = { "exit-multiple", 0.0, 30.0 },
  [LODE_PARAM_FLOOR_UPSIDE_SHARE] = { "floor-upside-share", 0.0, 1.0 },
  [LODE_PARAM_OFFTAKE_FACILITATION] = { "offtake-facilitation", 0.0, 1.0 },
  [LODE_PARAM_WORKING_STOCK_MONTHS] = { "working-stock-months", 0.0, 24.0 },
};

const char *
lode_param_id (LodeParam param)
{
  g_return_val_if_fail ((guint) param < LODE_N_PARAMS, NULL);

  return param_info[param].id;
}

gboolean
lode_param_from_id (const char *id,
                    LodeParam  *out_param)
{
  if (id == NULL)
    return FALSE;
  for (guint p = 0; p < LODE_N_PARAMS; p++)
    if (strcmp (param_info[p].id, id) == 0)
      {
        if (out_param != NULL)
          *out_param = (LodeParam) p;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_parameters (const LodeDatasetLoader  *loader,
                  xmlNode                  *parameters,
                  GError                  **error)
{
  gboolean seen[LODE_N_PARAMS] = { FALSE, };

  LODE_FOR_EACH_ELEMENT (node, parameters)
    {
      g_autofree char *id = NULL;
      LodeParam param;

      if (!lode_xml_is_element (node, "param"))
        continue;
      if ((id = lode_dataset_require_prop (loader, node, "id", error)) == NULL)
        return FALSE;
      if (!lode_param_from_id (id, &param))
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("unknown parameter “%s”"), id);
          return FALSE;
        }
      if (seen[param])
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("parameter “%s” given twice"), id);
          return FALSE;
        }
      seen[param] = TRUE;
      if (!lode_dataset_read_cited (loader, node, param_info[param].min, param_info[param].max,
                                    &loader->ds->param[param], error))
        return FALSE;
    }

  for (guint p = 0; p < LODE_N_PARAMS; p++)
    if (!seen[p])
      {
        lode_dataset_node_error (loader, parameters, LODE_DATASET_ERROR_INVALID, error,
                                 _("no parameter “%s”"), param_info[p].id);
        return FALSE;
      }
  return TRUE;
}

/* Base-year trade */

static gboolean
check_trade_shares (const LodeDatasetLoader  *loader,
                    xmlNode                  *trade,
                    GError                  **error)
{
  const LodeDataset *ds = loader->ds;

  for (guint a = 0; a < ds->n_base_trade; a++)
    {
      const LodeBaseTrade *t = &ds->base_trade[a];
      double sum = 0;

      for (guint b = 0; b < ds->n_base_trade; b++)
        {
          const LodeBaseTrade *u = &ds->base_trade[b];

          if (u->material != t->material || u->stage != t->stage || u->to != t->to)
            continue;
          if (b > a && u->from == t->from)
            {
              lode_dataset_node_error (loader, trade, LODE_DATASET_ERROR_INVALID, error,
                                       _("trade from “%s” to “%s” given twice"),
                                       ds->regions[t->from].id, ds->regions[t->to].id);
              return FALSE;
            }
          sum += u->share.value;
        }
      if (sum > 1.0 + SHARE_TOLERANCE)
        {
          g_autofree char *shown = lode_dataset_ascii_number (sum);

          lode_dataset_node_error (loader, trade, LODE_DATASET_ERROR_INVALID, error,
                                   _("the import shares of “%s” (%s, %s) sum to %s, more "
                                     "than 1"), ds->regions[t->to].id,
                                   lode_material_id (t->material), lode_stage_id (t->stage),
                                   shown);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_trade (const LodeDatasetLoader  *loader,
             xmlNode                  *trade,
             GError                  **error)
{
  LodeDataset *ds = loader->ds;

  LODE_FOR_EACH_ELEMENT (node, trade)
    {
      LodeBaseTrade *t;
      int material, stage;

      if (!lode_xml_is_element (node, "base-trade"))
        continue;
      if (ds->n_base_trade >= LODE_MAX_BASE_TRADE)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("too many trade rows (at most %d)"), LODE_MAX_BASE_TRADE);
          return FALSE;
        }
      t = &ds->base_trade[ds->n_base_trade++];
      if (!read_material_attr (loader, node, &material, error) ||
          !lode_dataset_read_enum_prop (loader, node, "stage", lode_dataset_stage_from_id,
                                        _("stage"), &stage, error) ||
          !lode_dataset_region_from_id (loader, node, "to", &t->to, error) ||
          !lode_dataset_region_from_id (loader, node, "from", &t->from, error) ||
          !lode_dataset_read_cited (loader, node, 0.0, 1.0, &t->share, error))
        return FALSE;
      t->material = material;
      t->stage = stage;
      if (t->to == t->from)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("a region does not import from itself"));
          return FALSE;
        }
    }
  return check_trade_shares (loader, trade, error);
}

/* Projects */

static gboolean
parse_project_status (const LodeDatasetLoader  *loader,
                      xmlNode                  *node,
                      LodeProject              *project,
                      GError                  **error)
{
  g_autofree char *status = lode_dataset_dup_prop (node, "status");

  project->status = LODE_PROJECT_PLANNED;
  if (status == NULL || strcmp (status, "planned") == 0)
    ;
  else if (strcmp (status, "construction") == 0)
    project->status = LODE_PROJECT_CONSTRUCTION;
  else
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("status must be planned or construction: “%s”"), status);
      return FALSE;
    }

  project->needs_floor = FALSE;
  return xmlHasProp (node, BAD_CAST "needs-floor") == NULL ||
         lode_dataset_read_bool_prop (loader, node, "needs-floor", &project->needs_floor, error);
}

static gboolean
parse_project (const LodeDatasetLoader  *loader,
               xmlNode                  *node,
               LodeProject              *project,
               GError                  **error)
{
  int material, stage;

  if ((project->id = lode_dataset_require_prop (loader, node, "id", error)) == NULL ||
      (project->name = lode_dataset_require_prop (loader, node, "name", error)) == NULL)
    return FALSE;
  project->note = lode_dataset_dup_prop (node, "note");

  if (lode_dataset_project_index (loader->ds, project->id) !=
      (int) (project - loader->ds->projects))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("duplicate project id “%s”"), project->id);
      return FALSE;
    }

  if (!read_material_attr (loader, node, &material, error) ||
      !lode_dataset_read_enum_prop (loader, node, "stage", lode_dataset_stage_from_id,
                                    _("stage"), &stage, error) ||
      !lode_dataset_region_from_id (loader, node, "region", &project->region, error) ||
      !parse_project_status (loader, node, project, error))
    return FALSE;
  project->material = material;
  project->stage = stage;

  return lode_dataset_read_int_prop (loader, node, "online-year", loader->ds->base_year - 30,
                                     2100, &project->online_year, error) &&
         lode_dataset_read_cited_child (loader, node, "capacity", 1e-6, 1e7,
                                        &project->capacity, error) &&
         lode_dataset_read_cited_child (loader, node, "capex", 0.0, 1e6,
                                        &project->capex_musd, error);
}

static gboolean
parse_projects (const LodeDatasetLoader  *loader,
                xmlNode                  *projects,
                GError                  **error)
{
  LodeDataset *ds = loader->ds;

  LODE_FOR_EACH_ELEMENT (node, projects)
    {
      if (!lode_xml_is_element (node, "project"))
        continue;

      if (ds->n_projects >= LODE_MAX_PROJECTS)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("too many projects (at most %d)"), LODE_MAX_PROJECTS);
          return FALSE;
        }
      if (!parse_project (loader, node, &ds->projects[ds->n_projects++], error))
        return FALSE;
    }
  return TRUE;
}

/* The document */

gboolean
lode_dataset_parse_document (const LodeDatasetLoader  *loader,
                             xmlNode                  *root,
                             GError                  **error)
{
  /* In file order. Sources come first: every cited number is checked against them; regions
   * before everything that names a region. */
  static const struct
  {
    const char *name;
    gboolean  (*parse) (const LodeDatasetLoader *loader, xmlNode *section, GError **error);
  } sections[] = {
    { "sources", parse_sources },
    { "regions", parse_regions },
    { "materials", parse_materials },
    { "demand", parse_demand },
    { "economics", parse_economics },
    { "parameters", parse_parameters },
    { "trade", parse_trade },
    { "projects", parse_projects },
  };
  LodeDataset *ds = loader->ds;
  xmlNode *section;

  if (!lode_xml_is_element (root, "lodestone-dataset"))
    {
      lode_dataset_node_error (loader, root, LODE_DATASET_ERROR_PARSE, error,
                               _("not a Lodestone dataset"));
      return FALSE;
    }

  if ((ds->id = lode_dataset_require_prop (loader, root, "id", error)) == NULL ||
      (ds->version = lode_dataset_require_prop (loader, root, "version", error)) == NULL ||
      !lode_dataset_read_int_prop (loader, root, "base-year", 1990, 2100, &ds->base_year, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if ((section = lode_dataset_require_child (loader, root, sections[i].name, error)) == NULL ||
        !sections[i].parse (loader, section, error))
      return FALSE;

  return TRUE;
}
