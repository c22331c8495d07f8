/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-dataset.c — loads the reference dataset (data/reference-2024.xml); its sections are
 * read and checked in lode-dataset-sections.c.
 *
 * Loading is defensive: the bytes go through the model's one safe XML reader
 * (lode-xml-reader.c: regular files only, size, UTF-8, a bounded pre-scan that refuses DTDs
 * and entities, safe parsing, and validation against the RELAX NG schema compiled once per
 * process — skipped only for the built-in dataset, which the tests validate), and then every
 * value is checked (finite, in range, shares summing to 1, unique ids, known sources, regions and
 * stages). Errors name the file, the line and the element.
 */
#define G_LOG_DOMAIN "lode-dataset"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lode-dataset-private.h"
#include "lode-xml-reader.h"

#define DATASET_SCHEMA_RESOURCE "/io/github/lodestone/Lodestone/data/reference-2024.rng"
#define DATASET_MAX_BYTES       (4 * 1024 * 1024)

G_DEFINE_BOXED_TYPE (LodeDataset, lode_dataset, lode_dataset_ref, lode_dataset_unref)
G_DEFINE_QUARK (lode-dataset-error-quark, lode_dataset_error)

static void
dataset_free (LodeDataset *self)
{
  for (guint i = 0; i < self->n_regions; i++)
    {
      g_free (self->regions[i].id);
      g_free (self->regions[i].name);
    }
  for (guint i = 0; i < self->n_projects; i++)
    {
      g_free (self->projects[i].id);
      g_free (self->projects[i].name);
      g_free (self->projects[i].note);
    }
  for (guint i = 0; i < self->n_sources; i++)
    {
      g_free (self->sources[i].short_name);
      g_free (self->sources[i].title);
      g_free (self->sources[i].publisher);
      g_free (self->sources[i].url);
    }
  g_free (self->id);
  g_free (self->version);
  g_free (self);
}

/* Public API */

LodeDataset *
lode_dataset_new_empty (void)
{
  LodeDataset *self = g_new0 (LodeDataset, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

LodeDataset *
lode_dataset_ref (LodeDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_dataset_unref (LodeDataset *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    dataset_free (self);
}

static const LodeXmlLimits dataset_limits = {
  .max_bytes = DATASET_MAX_BYTES,
  .max_depth = 32,
  .max_elements = 20000,
  .max_attributes = 32,
  .max_namespaces = 8,
  .max_markup = 4096,
  .max_field_bytes = 256 * 1024,
  .schema_resource = DATASET_SCHEMA_RESOURCE,
};

static void
set_problem_error (GError               **error,
                   const char            *file,
                   const LodeXmlProblem  *problem)
{
  int code = problem->kind == LODE_XML_PROBLEM_IO ? LODE_DATASET_ERROR_IO
                                                  : LODE_DATASET_ERROR_PARSE;

  if (problem->kind == LODE_XML_PROBLEM_INVALID && problem->line <= 0)
    g_set_error (error, LODE_DATASET_ERROR, code,
                 /* Translators: file name, XML element name, libxml2 message */
                 _("%s, element <%s>: does not match the dataset schema: %s"),
                 file, problem->element != NULL ? problem->element : "?", problem->message);
  else if (problem->kind == LODE_XML_PROBLEM_INVALID)
    g_set_error (error, LODE_DATASET_ERROR, code,
                 /* Translators: file name, line number, XML element name, libxml2 message */
                 _("%s, line %ld, element <%s>: does not match the dataset schema: %s"),
                 file, problem->line, problem->element != NULL ? problem->element : "?",
                 problem->message);
  else if (problem->line > 0)
    g_set_error (error, LODE_DATASET_ERROR, code,
                 /* Translators: file name, line number, what is wrong */
                 _("%s, line %ld: %s"), file, problem->line, problem->message);
  else
    g_set_error (error, LODE_DATASET_ERROR, code,
                 /* Translators: file name, what is wrong */
                 _("%s: %s"), file, problem->message);
}

/* `validate`: FALSE only for the built-in dataset, which a test validates at build time. */
static LodeDataset *
load_bytes (GBytes      *bytes,
            const char  *file,
            gboolean     validate,
            GError     **error)
{
  g_auto(LodeXmlProblem) problem = { 0, };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(LodeDataset) ds = NULL;
  LodeDatasetLoader loader;

  doc = lode_xml_parse (&dataset_limits, bytes, &problem);
  if (doc == NULL || (validate && !lode_xml_validate (&dataset_limits, doc, &problem)))
    {
      set_problem_error (error, file, &problem);
      return NULL;
    }

  ds = lode_dataset_new_empty ();
  loader.file = file;
  loader.ds = ds;
  if (!lode_dataset_parse_document (&loader, xmlDocGetRootElement (doc), error))
    return NULL;

  return g_steal_pointer (&ds);
}

LodeDataset *
lode_dataset_new_from_bytes (GBytes      *bytes,
                             const char  *name_for_errors,
                             GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, name_for_errors != NULL ? name_for_errors : "dataset", TRUE, error);
}

LodeDataset *
lode_dataset_new_from_file (GFile   *file,
                            GError **error)
{
  g_auto(LodeXmlProblem) problem = { 0, };
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  bytes = lode_xml_read_file (file, DATASET_MAX_BYTES, NULL, &problem);
  if (bytes == NULL)
    {
      set_problem_error (error, name, &problem);
      return NULL;
    }

  return load_bytes (bytes, name, TRUE, error);
}

LodeDataset *
lode_dataset_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (LODE_DATASET_DEFAULT_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, LODE_DATASET_ERROR, LODE_DATASET_ERROR_IO,
                   _("The reference dataset is missing: %s"), local_error->message);
      return NULL;
    }

  /* Built in and validated against its schema by the test suite (test-dataset.c and the
   * 'reference-dataset' data test): no schema is compiled at start-up. */
  return load_bytes (bytes, "reference-2024.xml", FALSE, error);
}

int
lode_dataset_region_index (const LodeDataset *self,
                           const char        *region_id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (region_id == NULL)
    return -1;

  for (guint i = 0; i < self->n_regions && i < LODE_MAX_REGIONS; i++)
    if (g_strcmp0 (self->regions[i].id, region_id) == 0)
      return (int) i;
  return -1;
}

int
lode_dataset_project_index (const LodeDataset *self,
                            const char        *project_id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (project_id == NULL)
    return -1;

  for (guint i = 0; i < self->n_projects && i < LODE_MAX_PROJECTS; i++)
    if (g_strcmp0 (self->projects[i].id, project_id) == 0)
      return (int) i;
  return -1;
}

const char *
lode_region_name (const LodeRegion *region)
{
  const char *id;

  g_return_val_if_fail (region != NULL, NULL);

  id = region->id != NULL ? region->id : "";

  /* Names from data files are not in the catalogue: translate the known regions here. */
  if (strcmp (id, "CN") == 0)
    return _("China");
  if (strcmp (id, "US") == 0)
    return _("United States");
  if (strcmp (id, "AU") == 0)
    return _("Australia");
  if (strcmp (id, "MY") == 0)
    return _("Malaysia");
  if (strcmp (id, "JP") == 0)
    return _("Japan");
  if (strcmp (id, "EU") == 0)
    return _("European Union");
  if (strcmp (id, "VN") == 0)
    return _("Vietnam");
  if (strcmp (id, "MM") == 0)
    return _("Myanmar");
  if (strcmp (id, "KH") == 0)
    return _("Cambodia");
  if (strcmp (id, "LA") == 0)
    return _("Laos");
  if (strcmp (id, "BR") == 0)
    return _("Brazil");
  if (strcmp (id, "CA") == 0)
    return _("Canada");
  if (strcmp (id, "OTHER") == 0)
    /* Translators: the region that groups every country not shown on its own */
    return C_("region", "Other");

  return region->name != NULL ? region->name : id;
}

const LodeSource *
lode_dataset_find_source (const LodeDataset *self,
                          const char        *id)
{
  const char *space;
  gsize length;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;

  /* A cited number may name several sources ("U25 IEA24"): look up the first. */
  space = strchr (id, ' ');
  length = space != NULL ? (gsize) (space - id) : strlen (id);
  if (length == 0)
    return NULL;

  for (guint i = 0; i < self->n_sources && i < LODE_MAX_SOURCES; i++)
    {
      const char *sid = self->sources[i].id;

      /* The first byte first: most ids differ there (a dataset cites some 1,000 times). */
      if (sid != NULL && sid[0] == id[0] && strncmp (sid, id, length) == 0
          && sid[length] == '\0')
        return &self->sources[i];
    }
  return NULL;
}

static char *
dup_or_null (const char *s)
{
  return s != NULL ? g_strdup (s) : NULL;
}

LodeDataset *
lode_dataset_copy (const LodeDataset *self)
{
  LodeDataset *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  g_atomic_ref_count_init (&copy->ref_count);
  copy->id = dup_or_null (self->id);
  copy->version = dup_or_null (self->version);
  for (guint i = 0; i < self->n_regions; i++)
    {
      copy->regions[i].id = dup_or_null (self->regions[i].id);
      copy->regions[i].name = dup_or_null (self->regions[i].name);
    }
  for (guint i = 0; i < self->n_projects; i++)
    {
      copy->projects[i].id = dup_or_null (self->projects[i].id);
      copy->projects[i].name = dup_or_null (self->projects[i].name);
      copy->projects[i].note = dup_or_null (self->projects[i].note);
    }
  for (guint i = 0; i < self->n_sources; i++)
    {
      copy->sources[i].short_name = dup_or_null (self->sources[i].short_name);
      copy->sources[i].title = dup_or_null (self->sources[i].title);
      copy->sources[i].publisher = dup_or_null (self->sources[i].publisher);
      copy->sources[i].url = dup_or_null (self->sources[i].url);
    }
  return copy;
}

static void
entry_free (gpointer data)
{
  LodeDatasetEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static void
add_entry (GPtrArray  *entries,
           LodeCited  *cited,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
add_entry (GPtrArray  *entries,
           LodeCited  *cited,
           const char *format,
           ...)
{
  LodeDatasetEntry *entry;
  va_list args;

  if (cited->source == NULL)   /* not given in the file (an omitted zero) */
    return;
  entry = g_new (LodeDatasetEntry, 1);
  va_start (args, format);
  entry->name = g_strdup_vprintf (format, args);
  va_end (args);
  entry->cited = cited;
  g_ptr_array_add (entries, entry);
}

static void
list_region_numbers (GPtrArray  *entries,
                     LodeRegion *region)
{
  for (guint m = 0; m < LODE_N_MATERIALS; m++)
    {
      LodeRegionMaterial *rm = &region->material[m];
      const char *mid = lode_material_id ((LodeMaterial) m);

      for (guint s = 0; s < LODE_N_STAGES; s++)
        {
          add_entry (entries, &rm->capacity[s], "region.%s.%s.capacity.%s", region->id, mid,
                     lode_stage_id ((LodeStage) s));
          add_entry (entries, &rm->production[s], "region.%s.%s.production.%s", region->id,
                     mid, lode_stage_id ((LodeStage) s));
        }
      add_entry (entries, &rm->ore_share, "region.%s.%s.ore-share", region->id, mid);
      add_entry (entries, &rm->cash_cost, "region.%s.%s.cash-cost", region->id, mid);
      add_entry (entries, &rm->demand_t, "region.%s.%s.demand", region->id, mid);
    }
  add_entry (entries, &region->reserves_t, "region.%s.reserves", region->id);
}

static void
list_material_numbers (GPtrArray        *entries,
                       LodeMaterial      material,
                       LodeMaterialData *data)
{
  const char *mid = lode_material_id (material);

  for (guint f = 0; f < lode_dataset_n_material_fields; f++)
    add_entry (entries, G_STRUCT_MEMBER_P (data, lode_dataset_material_fields[f].offset),
               "material.%s.%s", mid, lode_dataset_material_fields[f].element);
  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      add_entry (entries, &data->capex_west[s], "material.%s.capex-west.%s", mid,
                 lode_stage_id ((LodeStage) s));
      add_entry (entries, &data->capex_asia[s], "material.%s.capex-asia.%s", mid,
                 lode_stage_id ((LodeStage) s));
    }
}

static void
list_stage_numbers (GPtrArray          *entries,
                    LodeStage           stage,
                    LodeStageEconomics *e)
{
  for (guint f = 0; f < lode_dataset_n_stage_fields; f++)
    add_entry (entries, G_STRUCT_MEMBER_P (e, lode_dataset_stage_fields[f].offset),
               "stage.%s.%s", lode_stage_id (stage), lode_dataset_stage_fields[f].element);
  for (guint k = 0; k < 4; k++)
    add_entry (entries, &e->ramp[k], "stage.%s.ramp.%u", lode_stage_id (stage), k + 1);
}

GPtrArray *
lode_dataset_list_numbers (LodeDataset *self)
{
  GPtrArray *entries;

  g_return_val_if_fail (self != NULL, NULL);

  entries = g_ptr_array_new_with_free_func (entry_free);
  for (guint r = 0; r < self->n_regions; r++)
    list_region_numbers (entries, &self->regions[r]);
  for (guint m = 0; m < LODE_N_MATERIALS; m++)
    list_material_numbers (entries, (LodeMaterial) m, &self->material[m]);
  add_entry (entries, &self->world_magnet_demand_t, "demand.world-magnet-demand");
  add_entry (entries, &self->magnet_service_life_years, "demand.magnet-service-life");
  for (guint u = 0; u < LODE_N_END_USES; u++)
    {
      add_entry (entries, &self->end_use_share[u], "demand.end-use.%s",
                 lode_end_use_id ((LodeEndUse) u));
      add_entry (entries, &self->heavy_intensity[u], "demand.heavy-intensity.%s",
                 lode_end_use_id ((LodeEndUse) u));
    }
  for (guint p = 0; p < 3; p++)
    {
      add_entry (entries, &self->growth_low_pct[p], "demand.growth.low.%u", p);
      add_entry (entries, &self->growth_central_pct[p], "demand.growth.central.%u", p);
      add_entry (entries, &self->growth_high_pct[p], "demand.growth.high.%u", p);
    }
  for (guint s = 0; s < LODE_N_STAGES; s++)
    list_stage_numbers (entries, (LodeStage) s, &self->stage[s]);
  add_entry (entries, &self->recycling_capex_per_t, "economics.recycling-capex");
  for (guint p = 0; p < LODE_N_PARAMS; p++)
    add_entry (entries, &self->param[p], "param.%s", lode_param_id ((LodeParam) p));
  for (guint t = 0; t < self->n_base_trade; t++)
    {
      LodeBaseTrade *bt = &self->base_trade[t];

      add_entry (entries, &bt->share, "trade.%s.%s.%s.%s", lode_material_id (bt->material),
                 lode_stage_id (bt->stage), self->regions[bt->from].id,
                 self->regions[bt->to].id);
    }
  for (guint p = 0; p < self->n_projects; p++)
    {
      add_entry (entries, &self->projects[p].capacity, "project.%s.capacity",
                 self->projects[p].id);
      add_entry (entries, &self->projects[p].capex_musd, "project.%s.capex",
                 self->projects[p].id);
    }
  return entries;
}
