/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-dataset.c — loads and checks the reference dataset (data/reference-2024.xml).
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

#include "lode-dataset.h"
#include "lode-levers.h"
#include "lode-xml-reader.h"

#define DATASET_SCHEMA_RESOURCE "/io/github/lodestone/Lodestone/data/reference-2024.rng"
#define DATASET_MAX_BYTES       (4 * 1024 * 1024)
#define SHARE_TOLERANCE         1e-6
#define DEMAND_TOLERANCE        0.01  /* regional magnet demand vs the world figure, relative */

G_DEFINE_BOXED_TYPE (LodeDataset, lode_dataset, lode_dataset_ref, lode_dataset_unref)
G_DEFINE_QUARK (lode-dataset-error-quark, lode_dataset_error)

static const char *growth_paths[3] = { "low", "central", "high" };
static const char *growth_periods[3] = { "2024-2030", "2030-2040", "2040-2060" };

typedef struct
{
  const char  *file;   /* name for errors */
  LodeDataset *ds;
} Loader;

/* Errors */

static void node_error (const Loader     *loader,
                        const xmlNode    *node,
                        LodeDatasetError  code,
                        GError          **error,
                        const char       *format,
                        ...) G_GNUC_PRINTF (5, 6);

static void
node_error (const Loader     *loader,
            const xmlNode    *node,
            LodeDatasetError  code,
            GError          **error,
            const char       *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LODE_DATASET_ERROR, code,
               /* Translators: file name, line number, XML element name, what is wrong */
               _("%s, line %ld, element <%s>: %s"),
               loader->file, node != NULL ? xmlGetLineNo (node) : 0L,
               node != NULL ? (const char *) node->name : "?", what);
}

/* Tree walking */

static xmlNode *
next_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = next_element ((parent)->children); child != NULL; \
       child = next_element (child->next))

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  FOR_EACH_ELEMENT (child, parent)
    if (lode_xml_is_element (child, name))
      return child;
  return NULL;
}

static xmlNode *
require_child (const Loader  *loader,
               xmlNode       *parent,
               const char    *name,
               GError       **error)
{
  xmlNode *child = find_child (parent, name);

  if (child == NULL)
    node_error (loader, parent, LODE_DATASET_ERROR_INVALID, error,
                _("missing element <%s>"), name);
  return child;
}

/* A newly allocated copy of an attribute, or NULL. */
static char *
dup_prop (const xmlNode *node,
          const char    *name)
{
  g_autoptr(LodeXmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

static char *
require_prop (const Loader   *loader,
              const xmlNode  *node,
              const char     *name,
              GError        **error)
{
  char *value = dup_prop (node, name);

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("missing attribute “%s”"), name);
      return NULL;
    }
  return value;
}

/* A number for a message, in the notation of the file (a dot as decimal point, whatever the
 * locale). */
static char *
ascii_number (double      value,
              const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/* Numbers in the dataset follow the scenario files' syntax (lode_parse_plain_double):
 * C locale, no hex, inf or nan; surrounding spaces are allowed. */
static gboolean
parse_double (const char *text,
              double     *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  return lode_parse_plain_double (copy, out);
}

static gboolean
read_double_prop (const Loader   *loader,
                  const xmlNode  *node,
                  const char     *name,
                  double          min,
                  double          max,
                  double         *out,
                  GError        **error)
{
  g_autofree char *text = require_prop (loader, node, name, error);
  double value = 0.0;

  if (text == NULL)
    return FALSE;

  if (!parse_double (text, &value))
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("“%s” is not a finite number: “%s”"), name, text);
      return FALSE;
    }
  if (value < min || value > max)
    {
      g_autofree char *shown = ascii_number (value, "%g");
      g_autofree char *shown_min = ascii_number (min, "%g");
      g_autofree char *shown_max = ascii_number (max, "%g");

      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  /* Translators: attribute name, its value, the allowed minimum and maximum */
                  _("%s %s is out of range [%s, %s]"), name, shown, shown_min, shown_max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
read_int_prop (const Loader   *loader,
               const xmlNode  *node,
               const char     *name,
               int             min,
               int             max,
               int            *out,
               GError        **error)
{
  g_autofree char *text = require_prop (loader, node, name, error);
  gint64 value = 0;

  if (text == NULL)
    return FALSE;

  g_strstrip (text);
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("“%s” must be a whole number from %d to %d: “%s”"),
                  name, min, max, text);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

static gboolean
read_bool_prop (const Loader   *loader,
                const xmlNode  *node,
                const char     *name,
                gboolean       *out,
                GError        **error)
{
  g_autofree char *text = require_prop (loader, node, name, error);

  if (text == NULL)
    return FALSE;

  if (strcmp (text, "true") == 0)
    *out = TRUE;
  else if (strcmp (text, "false") == 0)
    *out = FALSE;
  else
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("“%s” must be true or false: “%s”"), name, text);
      return FALSE;
    }
  return TRUE;
}

/* Reads value, source and basis of a cited number; every source ID must be declared. */
static gboolean
read_cited (const Loader   *loader,
            const xmlNode  *node,
            double          min,
            double          max,
            LodeCited      *out,
            GError        **error)
{
  g_autofree char *source = NULL;
  g_autofree char *basis = NULL;
  g_auto(GStrv) ids = NULL;
  LodeBasis code;
  double value;

  if (!read_double_prop (loader, node, "value", min, max, &value, error))
    return FALSE;

  source = require_prop (loader, node, "source", error);
  if (source == NULL)
    return FALSE;
  g_strstrip (source);

  ids = g_strsplit (source, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0' || lode_dataset_find_source (loader->ds, ids[i]) == NULL)
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("unknown source “%s”"), ids[i]);
          return FALSE;
        }
    }

  basis = require_prop (loader, node, "basis", error);
  if (basis == NULL)
    return FALSE;
  if (!lode_basis_from_code (basis, &code))
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("basis must be S, D or E: “%s”"), basis);
      return FALSE;
    }

  out->value = value;
  out->source = g_intern_string (source);
  out->basis = code;
  return TRUE;
}

static gboolean
read_cited_child (const Loader  *loader,
                  xmlNode       *parent,
                  const char    *name,
                  double         min,
                  double         max,
                  LodeCited     *out,
                  GError       **error)
{
  xmlNode *child = require_child (loader, parent, name, error);

  return child != NULL && read_cited (loader, child, min, max, out, error);
}

static gboolean
read_stage_prop (const Loader   *loader,
                 const xmlNode  *node,
                 const char     *name,
                 LodeStage      *out,
                 GError        **error)
{
  g_autofree char *text = require_prop (loader, node, name, error);

  if (text == NULL)
    return FALSE;
  if (!lode_stage_from_id (text, out))
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("unknown stage “%s”"), text);
      return FALSE;
    }
  return TRUE;
}

/* Sections */

static gboolean
parse_sources (const Loader  *loader,
               xmlNode       *sources,
               GError       **error)
{
  LodeDataset *ds = loader->ds;

  FOR_EACH_ELEMENT (node, sources)
    {
      g_autofree char *id = NULL;
      LodeSource *source;

      if (!lode_xml_is_element (node, "source"))
        continue;

      if (ds->n_sources >= LODE_MAX_SOURCES)
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("too many sources (at most %d)"), LODE_MAX_SOURCES);
          return FALSE;
        }

      id = require_prop (loader, node, "id", error);
      if (id == NULL)
        return FALSE;
      if (strchr (id, ' ') != NULL || lode_dataset_find_source (ds, id) != NULL)
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("duplicate or invalid source id “%s”"), id);
          return FALSE;
        }

      source = &ds->sources[ds->n_sources++];
      source->id = g_intern_string (id);
      if ((source->short_name = require_prop (loader, node, "short", error)) == NULL ||
          (source->title = require_prop (loader, node, "title", error)) == NULL ||
          (source->publisher = require_prop (loader, node, "publisher", error)) == NULL)
        return FALSE;
      source->url = dup_prop (node, "url");

      source->year = 0;
      if (xmlHasProp (node, (const xmlChar *) "year") &&
          !read_int_prop (loader, node, "year", 1900, 2200, &source->year, error))
        return FALSE;
    }

  if (ds->n_sources == 0)
    {
      node_error (loader, sources, LODE_DATASET_ERROR_INVALID, error, _("no sources"));
      return FALSE;
    }
  return TRUE;
}

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

static gboolean
parse_stage_values (const Loader  *loader,
                    xmlNode       *region_node,
                    const char    *name,
                    LodeCited      values[LODE_N_STAGES],
                    GError       **error)
{
  gboolean seen[LODE_N_STAGES] = { FALSE, };

  FOR_EACH_ELEMENT (node, region_node)
    {
      LodeStage stage;

      if (!lode_xml_is_element (node, name))
        continue;
      if (!read_stage_prop (loader, node, "stage", &stage, error))
        return FALSE;
      if (seen[stage])
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("stage “%s” given twice"), lode_stage_id (stage));
          return FALSE;
        }
      seen[stage] = TRUE;
      if (!read_cited (loader, node, 0.0, 1e8, &values[stage], error))
        return FALSE;
    }

  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      if (!seen[s])
        {
          node_error (loader, region_node, LODE_DATASET_ERROR_INVALID, error,
                      _("no <%s> for stage “%s”"), name, lode_stage_id ((LodeStage) s));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_region (const Loader  *loader,
              xmlNode       *node,
              LodeRegion    *region,
              GError       **error)
{
  g_autofree char *colour = NULL;

  if ((region->id = require_prop (loader, node, "id", error)) == NULL ||
      (region->name = require_prop (loader, node, "name", error)) == NULL)
    return FALSE;

  colour = require_prop (loader, node, "colour", error);
  if (colour == NULL)
    return FALSE;
  if (!parse_colour (colour, &region->rgb))
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("colour must be #RRGGBB: “%s”"), colour);
      return FALSE;
    }

  if (!read_bool_prop (loader, node, "allied-default", &region->allied_default, error) ||
      !read_bool_prop (loader, node, "western-costs", &region->western_costs, error))
    return FALSE;

  if (!parse_stage_values (loader, node, "capacity", region->capacity, error) ||
      !parse_stage_values (loader, node, "production", region->production, error))
    return FALSE;

  for (guint s = 0; s < LODE_N_STAGES; s++)
    {
      if (region->production[s].value > region->capacity[s].value * (1.0 + 1e-9))
        {
          g_autofree char *production = ascii_number (region->production[s].value, "%g");
          g_autofree char *capacity = ascii_number (region->capacity[s].value, "%g");

          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("region “%s”: %s production %s exceeds capacity %s"),
                      region->id, lode_stage_id ((LodeStage) s), production, capacity);
          return FALSE;
        }
    }

  return read_cited_child (loader, node, "ore-ndpr-share", 0.0, 1.0,
                           &region->ore_ndpr_share, error) &&
         read_cited_child (loader, node, "magnet-demand", 0.0, 1e8,
                           &region->magnet_demand_t, error);
}

static gboolean
parse_regions (const Loader  *loader,
               xmlNode       *regions,
               GError       **error)
{
  LodeDataset *ds = loader->ds;
  int china, us;

  FOR_EACH_ELEMENT (node, regions)
    {
      LodeRegion *region;

      if (!lode_xml_is_element (node, "region"))
        continue;

      if (ds->n_regions >= LODE_MAX_REGIONS)
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
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
              node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                          _("duplicate region id “%s”"), region->id);
              return FALSE;
            }
        }
    }

  china = lode_dataset_region_index (ds, "CN");
  us = lode_dataset_region_index (ds, "US");
  if (china < 0 || us < 0)
    {
      node_error (loader, regions, LODE_DATASET_ERROR_INVALID, error,
                  _("the regions must include “CN” (China) and “US” (United States)"));
      return FALSE;
    }
  ds->china = (guint) china;
  ds->us = (guint) us;
  return TRUE;
}

static gboolean
parse_conversion (const Loader  *loader,
                  xmlNode       *conv,
                  GError       **error)
{
  LodeDataset *ds = loader->ds;

  return read_cited_child (loader, conv, "separation-recovery", 0.01, 1.0,
                           &ds->separation_recovery, error) &&
         read_cited_child (loader, conv, "oxide-to-metal", 0.01, 1.0,
                           &ds->oxide_to_metal, error) &&
         read_cited_child (loader, conv, "metal-process-yield", 0.01, 1.0,
                           &ds->metal_process_yield, error) &&
         read_cited_child (loader, conv, "ndpr-metal-per-magnet", 0.01, 1.0,
                           &ds->ndpr_metal_per_magnet, error) &&
         read_cited_child (loader, conv, "magnet-yield", 0.01, 1.0,
                           &ds->magnet_yield, error) &&
         read_cited_child (loader, conv, "swarf-recycled-share", 0.0, 1.0,
                           &ds->swarf_recycled_share, error) &&
         read_cited_child (loader, conv, "secondary-ndpr-oxide", 0.0, 1e7,
                           &ds->secondary_ndpr_oxide_t, error);
}

static int
growth_period_index (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (growth_periods); i++)
    if (g_strcmp0 (text, growth_periods[i]) == 0)
      return (int) i;
  return -1;
}

static gboolean
parse_demand (const Loader  *loader,
              xmlNode       *demand,
              GError       **error)
{
  LodeDataset *ds = loader->ds;
  gboolean seen_use[LODE_N_END_USES] = { FALSE, };
  gboolean seen_growth[3][3] = { { FALSE, }, };
  double share_sum = 0.0;
  double regional_sum = 0.0;

  if (!read_cited_child (loader, demand, "world-magnet-demand", 1.0, 1e8,
                         &ds->world_magnet_demand_t, error) ||
      !read_cited_child (loader, demand, "magnet-service-life", 1.0, 100.0,
                         &ds->magnet_service_life_years, error))
    return FALSE;

  FOR_EACH_ELEMENT (node, demand)
    {
      if (lode_xml_is_element (node, "end-use"))
        {
          g_autofree char *id = require_prop (loader, node, "id", error);
          LodeEndUse use;

          if (id == NULL)
            return FALSE;
          if (!lode_end_use_from_id (id, &use))
            {
              node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                          _("unknown end use “%s”"), id);
              return FALSE;
            }
          if (seen_use[use])
            {
              node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                          _("end use “%s” given twice"), id);
              return FALSE;
            }
          seen_use[use] = TRUE;
          if (!read_cited (loader, node, 0.0, 1.0, &ds->end_use_share[use], error))
            return FALSE;
          share_sum += ds->end_use_share[use].value;
        }
      else if (lode_xml_is_element (node, "growth"))
        {
          g_autofree char *path = require_prop (loader, node, "path", error);
          g_autofree char *period = NULL;
          LodeCited *rows[3] = {
            ds->growth_low_pct, ds->growth_central_pct, ds->growth_high_pct,
          };
          int k, p;

          if (path == NULL || (period = require_prop (loader, node, "period", error)) == NULL)
            return FALSE;

          for (k = 0; k < 3; k++)
            if (strcmp (path, growth_paths[k]) == 0)
              break;
          if (k == 3)
            {
              node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                          _("unknown growth path “%s”"), path);
              return FALSE;
            }

          p = growth_period_index (period);
          if (p < 0)
            {
              node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                          _("unknown growth period “%s”"), period);
              return FALSE;
            }
          if (seen_growth[k][p])
            {
              node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                          _("growth “%s” %s given twice"), path, period);
              return FALSE;
            }
          seen_growth[k][p] = TRUE;
          if (!read_cited (loader, node, -20.0, 50.0, &rows[k][p], error))
            return FALSE;
        }
    }

  for (guint u = 0; u < LODE_N_END_USES; u++)
    {
      if (!seen_use[u])
        {
          node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                      _("no share for end use “%s”"), lode_end_use_id ((LodeEndUse) u));
          return FALSE;
        }
    }
  if (fabs (share_sum - 1.0) > SHARE_TOLERANCE)
    {
      g_autofree char *sum = ascii_number (share_sum, "%.9g");

      node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                  _("end-use shares sum to %s, not 1"), sum);
      return FALSE;
    }

  for (guint path = 0; path < 3; path++)
    for (guint p = 0; p < 3; p++)
      if (!seen_growth[path][p])
        {
          node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                      _("no growth rate for path “%s”, %s"), growth_paths[path],
                      growth_periods[p]);
          return FALSE;
        }

  for (guint r = 0; r < ds->n_regions; r++)
    regional_sum += ds->regions[r].magnet_demand_t.value;
  if (fabs (regional_sum - ds->world_magnet_demand_t.value) >
      DEMAND_TOLERANCE * ds->world_magnet_demand_t.value)
    {
      g_autofree char *regional = ascii_number (regional_sum, "%g");
      g_autofree char *world = ascii_number (ds->world_magnet_demand_t.value, "%g");

      node_error (loader, demand, LODE_DATASET_ERROR_INVALID, error,
                  _("regional magnet demand sums to %s t, not the world's %s t"),
                  regional, world);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_stage_economics (const Loader        *loader,
                       xmlNode             *node,
                       LodeStageEconomics  *econ,
                       GError             **error)
{
  gboolean seen_ramp[4] = { FALSE, };

  if (!read_cited_child (loader, node, "capex-west", 0.0, 1e8, &econ->capex_west, error) ||
      !read_cited_child (loader, node, "capex-asia", 0.0, 1e8, &econ->capex_asia, error) ||
      !read_cited_child (loader, node, "overrun", 1.0, 10.0, &econ->overrun, error) ||
      !read_cited_child (loader, node, "learning-rate", 0.0, 0.5, &econ->learning_rate, error) ||
      !read_cited_child (loader, node, "opex", 0.0, 1e4, &econ->opex_usd_kg, error) ||
      !read_cited_child (loader, node, "permit-years", 0.0, 30.0, &econ->permit_years, error) ||
      !read_cited_child (loader, node, "build-years", 0.0, 30.0, &econ->build_years, error) ||
      !read_cited_child (loader, node, "utilisation", 0.01, 1.0, &econ->utilisation, error) ||
      !read_cited_child (loader, node, "jobs-per-kt", 0.0, 1e5, &econ->jobs_per_kt, error) ||
      !read_cited_child (loader, node, "co2e", 0.0, 1e4, &econ->co2e_t_per_t, error) ||
      !read_cited_child (loader, node, "residue", 0.0, 1e4, &econ->residue_t_per_t, error) ||
      !read_cited_child (loader, node, "tailings", 0.0, 1e6, &econ->tailings_t_per_t, error))
    return FALSE;

  FOR_EACH_ELEMENT (ramp, node)
    {
      int year;

      if (!lode_xml_is_element (ramp, "ramp"))
        continue;
      if (!read_int_prop (loader, ramp, "year", 1, 4, &year, error))
        return FALSE;
      if (seen_ramp[year - 1])
        {
          node_error (loader, ramp, LODE_DATASET_ERROR_INVALID, error,
                      _("ramp year %d given twice"), year);
          return FALSE;
        }
      seen_ramp[year - 1] = TRUE;
      if (!read_cited (loader, ramp, 0.0, 1.0, &econ->ramp[year - 1], error))
        return FALSE;
    }

  for (guint y = 0; y < 4; y++)
    {
      if (!seen_ramp[y])
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("no ramp fraction for year %u"), y + 1);
          return FALSE;
        }
      if (y > 0 && econ->ramp[y].value + 1e-12 < econ->ramp[y - 1].value)
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("ramp fractions must not fall from one year to the next"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_economics (const Loader  *loader,
                 xmlNode       *economics,
                 GError       **error)
{
  LodeDataset *ds = loader->ds;
  gboolean seen[LODE_N_STAGES] = { FALSE, };

  FOR_EACH_ELEMENT (node, economics)
    {
      LodeStage stage;

      if (!lode_xml_is_element (node, "stage"))
        continue;
      if (!read_stage_prop (loader, node, "id", &stage, error))
        return FALSE;
      if (seen[stage])
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
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
          node_error (loader, economics, LODE_DATASET_ERROR_INVALID, error,
                      _("no economics for stage “%s”"), lode_stage_id ((LodeStage) s));
          return FALSE;
        }
    }

  return read_cited_child (loader, economics, "recycling-capex", 0.0, 1e8,
                           &ds->recycling_capex_per_t, error) &&
         read_cited_child (loader, economics, "ndpr-price", 0.01, 1e5,
                           &ds->ndpr_price_2024_usd_kg, error) &&
         read_cited_child (loader, economics, "price-elasticity", 0.0, 100.0,
                           &ds->price_elasticity, error) &&
         read_cited_child (loader, economics, "shock-price-multiplier", 1.0, 100.0,
                           &ds->shock_price_multiplier, error) &&
         read_cited_child (loader, economics, "china-quota-growth", -50.0, 100.0,
                           &ds->china_quota_growth_pct, error) &&
         read_cited_child (loader, economics, "ex-china-cost", 0.0, 1e5,
                           &ds->ex_china_cost_usd_kg, error);
}

static gboolean
parse_project (const Loader  *loader,
               xmlNode       *node,
               LodeProject   *project,
               GError       **error)
{
  g_autofree char *region = NULL;
  int index;

  if ((project->id = require_prop (loader, node, "id", error)) == NULL ||
      (project->name = require_prop (loader, node, "name", error)) == NULL)
    return FALSE;
  project->note = dup_prop (node, "note");

  if (lode_dataset_project_index (loader->ds, project->id) !=
      (int) (project - loader->ds->projects))
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("duplicate project id “%s”"), project->id);
      return FALSE;
    }

  if (!read_stage_prop (loader, node, "stage", &project->stage, error))
    return FALSE;

  region = require_prop (loader, node, "region", error);
  if (region == NULL)
    return FALSE;
  index = lode_dataset_region_index (loader->ds, region);
  if (index < 0)
    {
      node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                  _("project “%s”: unknown region “%s”"), project->id, region);
      return FALSE;
    }
  project->region = (guint) index;

  return read_int_prop (loader, node, "online-year", loader->ds->base_year - 30, 2100,
                        &project->online_year, error) &&
         read_cited_child (loader, node, "capacity", 1e-6, 1e7, &project->capacity, error) &&
         read_cited_child (loader, node, "capex", 0.0, 1e6, &project->capex_musd, error);
}

static gboolean
parse_projects (const Loader  *loader,
                xmlNode       *projects,
                GError       **error)
{
  LodeDataset *ds = loader->ds;

  FOR_EACH_ELEMENT (node, projects)
    {
      if (!lode_xml_is_element (node, "project"))
        continue;

      if (ds->n_projects >= LODE_MAX_PROJECTS)
        {
          node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                      _("too many projects (at most %d)"), LODE_MAX_PROJECTS);
          return FALSE;
        }
      if (!parse_project (loader, node, &ds->projects[ds->n_projects++], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_root (const Loader  *loader,
            xmlNode       *root,
            GError       **error)
{
  /* In file order. Sources come first: every cited number is checked against them. */
  static const struct
  {
    const char *name;
    gboolean  (*parse) (const Loader *loader, xmlNode *section, GError **error);
  } sections[] = {
    { "sources", parse_sources },
    { "regions", parse_regions },
    { "conversion", parse_conversion },
    { "demand", parse_demand },
    { "economics", parse_economics },
    { "projects", parse_projects },
  };
  LodeDataset *ds = loader->ds;
  xmlNode *section;

  if (!lode_xml_is_element (root, "lodestone-dataset"))
    {
      node_error (loader, root, LODE_DATASET_ERROR_PARSE, error,
                  _("not a Lodestone dataset"));
      return FALSE;
    }

  if ((ds->id = require_prop (loader, root, "id", error)) == NULL ||
      (ds->version = require_prop (loader, root, "version", error)) == NULL ||
      !read_int_prop (loader, root, "base-year", 1990, 2100, &ds->base_year, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if ((section = require_child (loader, root, sections[i].name, error)) == NULL ||
        !sections[i].parse (loader, section, error))
      return FALSE;

  return TRUE;
}

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
  Loader loader;

  doc = lode_xml_parse (&dataset_limits, bytes, &problem);
  if (doc == NULL || (validate && !lode_xml_validate (&dataset_limits, doc, &problem)))
    {
      set_problem_error (error, file, &problem);
      return NULL;
    }

  ds = lode_dataset_new_empty ();
  loader.file = file;
  loader.ds = ds;
  if (!parse_root (&loader, xmlDocGetRootElement (doc), error))
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

      if (sid != NULL && strncmp (sid, id, length) == 0 && sid[length] == '\0')
        return &self->sources[i];
    }
  return NULL;
}
