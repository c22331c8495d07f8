/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-scenario-migrate.c — scenario files of older formats, brought to the current one. */

#define G_LOG_DOMAIN "lode-scenario-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lode-scenario-io.h"
#include "lode-scenario-migrate.h"
#include "lode-xml-private.h"

/* Format 0 was the draft format of Lodestone 0.0.x: the same elements without a namespace,
 * and two levers under older ids. Migration renames them (see docs/scenario-format.md). */
static const struct
{
  const char *old_id;
  const char *new_id;
} format0_renames[] = {
  { "market.demand_growth", "market.demand_growth_pct" },
  { "policy.permitting_cut", "policy.permitting_cut_years" },
};

/* Format 1 knew nine regions; format 2's dataset names four more that were part of "Other".
 * A file of format 1 gives each of them Other's role (ally, restriction target), so the plan
 * means what it meant (docs/scenario-format.md). */
static const char * const format1_split_from_other[] = { "KH", "LA", "BR", "CA" };

static void
set_namespace_recursive (xmlNode *node,
                         xmlNs   *ns)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (node->ns == NULL)
        xmlSetNs (node, ns);
      set_namespace_recursive (node->children, ns);
    }
}

/* Format 0 → 1: put every element in the namespace and rename the levers that changed id. */
static void
migrate_format0_to_1 (xmlNode *root)
{
  xmlNs *ns = root->ns;

  if (ns == NULL)
    ns = xmlNewNs (root, BAD_CAST LODE_SCENARIO_NAMESPACE, NULL);
  set_namespace_recursive (root, ns);

  for (xmlNode *section = root->children; section != NULL; section = section->next)
    {
      if (section->type != XML_ELEMENT_NODE || !xmlStrEqual (section->name, BAD_CAST "levers"))
        continue;
      for (xmlNode *lever = section->children; lever != NULL; lever = lever->next)
        {
          g_autoptr(LodeXmlChar) id = NULL;

          if (lever->type != XML_ELEMENT_NODE)
            continue;
          id = xmlGetProp (lever, BAD_CAST "id");
          for (guint i = 0; id != NULL && i < G_N_ELEMENTS (format0_renames); i++)
            {
              if (xmlStrEqual (id, BAD_CAST format0_renames[i].old_id))
                xmlSetProp (lever, BAD_CAST "id", BAD_CAST format0_renames[i].new_id);
            }
        }
    }
}

static xmlNode *
find_region (xmlNode    *regions,
             const char *id)
{
  for (xmlNode *region = regions->children; region != NULL; region = region->next)
    {
      g_autoptr(LodeXmlChar) region_id = NULL;

      if (region->type != XML_ELEMENT_NODE)
        continue;
      region_id = xmlGetProp (region, BAD_CAST "id");
      if (region_id != NULL && xmlStrEqual (region_id, BAD_CAST id))
        return region;
    }
  return NULL;
}

/* Format 1 → 2: the regions split from Other take its role. A file that does not list Other
 * leaves them at the dataset's defaults, as it left Other. */
static void
migrate_format1_to_2 (xmlNode *root)
{
  for (xmlNode *section = root->children; section != NULL; section = section->next)
    {
      xmlNode *other;

      if (section->type != XML_ELEMENT_NODE || !xmlStrEqual (section->name, BAD_CAST "regions"))
        continue;
      other = find_region (section, "OTHER");
      if (other == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (format1_split_from_other); i++)
        {
          const char *id = format1_split_from_other[i];
          xmlNode *region;

          if (find_region (section, id) != NULL)
            continue;
          /* Before Other, where a file of format 2 lists them. */
          region = xmlCopyNode (other, 2);
          xmlSetProp (region, BAD_CAST "id", BAD_CAST id);
          xmlAddPrevSibling (other, region);
        }
    }
}

void
lode_scenario_migrate (xmlNode *root,
                       int      version)
{
  if (version < 1)
    migrate_format0_to_1 (root);
  if (version < 2)
    migrate_format1_to_2 (root);
  xmlSetProp (root, BAD_CAST "format-version", BAD_CAST G_STRINGIFY (LODE_SCENARIO_FORMAT_VERSION));
}

char *
lode_scenario_describe_migration (int from_version)
{
  /* Translators: a note shown after opening a plan saved by an older Lodestone */
  return g_strdup_printf (_("This plan was saved by an older Lodestone (file format %d) and "
                            "was updated to format %d. What it set keeps its meaning; what "
                            "this version adds starts at its default: the fund gives grants "
                            "only (no equity, loans or guarantees), there are no partner funds "
                            "and no money for heavy rare earths or samarium; Canada, Brazil, "
                            "Cambodia and Laos, once counted in Other, take Other’s role. "
                            "Saving writes format %d."),
                          from_version, LODE_SCENARIO_FORMAT_VERSION,
                          LODE_SCENARIO_FORMAT_VERSION);
}
