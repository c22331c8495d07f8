/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Names and numbers in the flow diagram's words: the material views, column titles, units and
 * phrases (in the drawn material's units), region names, tonnes and shares as labels and
 * tooltips print them.
 */
#define G_LOG_DOMAIN "lode-flow-names"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-flow-layout-private.h"
#include "lode-format.h"

G_STATIC_ASSERT ((int) LODE_FLOW_MATERIAL_NDPR == (int) LODE_MATERIAL_NDPR);
G_STATIC_ASSERT ((int) LODE_FLOW_MATERIAL_HEAVY == (int) LODE_MATERIAL_HEAVY);
G_STATIC_ASSERT ((int) LODE_FLOW_MATERIAL_SM == (int) LODE_MATERIAL_SM);
G_STATIC_ASSERT ((int) LODE_FLOW_MATERIAL_JOINT == (int) LODE_N_MATERIALS);

/* The joint view's id; the others are the materials' own (lode_material_id()). */
#define JOINT_ID "joint"

static const char * const descriptions[LODE_FLOW_N_MATERIALS] = {
  [LODE_FLOW_MATERIAL_NDPR] =
    N_("The neodymium and praseodymium chain, the bulk of every NdFeB magnet"),
  [LODE_FLOW_MATERIAL_HEAVY] =
    N_("The dysprosium and terbium chain, added to high-temperature NdFeB grades"),
  [LODE_FLOW_MATERIAL_SM] =
    N_("The samarium chain, for samarium-cobalt (SmCo) magnets"),
  [LODE_FLOW_MATERIAL_JOINT] =
    N_("NdFeB magnets, China-free only when their NdPr and their Dy + Tb both are"),
};

const char *
lode_flow_material_id (LodeFlowMaterial view)
{
  g_return_val_if_fail ((guint) view < LODE_FLOW_N_MATERIALS, NULL);
  return view == LODE_FLOW_MATERIAL_JOINT ? JOINT_ID : lode_material_id ((LodeMaterial) view);
}

gboolean
lode_flow_material_from_id (const char       *id,
                            LodeFlowMaterial *out_view)
{
  LodeMaterial material;

  if (g_strcmp0 (id, JOINT_ID) == 0)
    material = (LodeMaterial) LODE_FLOW_MATERIAL_JOINT;
  else if (!lode_material_from_id (id, &material))
    return FALSE;
  if (out_view != NULL)
    *out_view = (LodeFlowMaterial) material;
  return TRUE;
}

const char *
lode_flow_material_name (LodeFlowMaterial view)
{
  g_return_val_if_fail ((guint) view < LODE_FLOW_N_MATERIALS, NULL);
  if (view == LODE_FLOW_MATERIAL_JOINT)
    /* Translators: the material switch's joint magnet view */
    return C_("material", "Joint");
  return lode_material_name ((LodeMaterial) view);
}

const char *
lode_flow_material_description (LodeFlowMaterial view)
{
  g_return_val_if_fail ((guint) view < LODE_FLOW_N_MATERIALS, NULL);
  return _(descriptions[view]);
}

LodeMaterial
lode_flow_material_chain (LodeFlowMaterial view)
{
  g_return_val_if_fail ((guint) view < LODE_FLOW_N_MATERIALS, LODE_MATERIAL_NDPR);
  return view == LODE_FLOW_MATERIAL_JOINT ? LODE_MATERIAL_NDPR : (LodeMaterial) view;
}

void
lode_flow_options_set_view_material (LodeFlowOptions  *options,
                                     LodeFlowMaterial  view)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail ((guint) view < LODE_FLOW_N_MATERIALS);

  options->material = lode_flow_material_chain (view);
  options->joint_magnets = view == LODE_FLOW_MATERIAL_JOINT;
}

LodeFlowMaterial
lode_flow_options_get_view_material (const LodeFlowOptions *options)
{
  g_return_val_if_fail (options != NULL, LODE_FLOW_MATERIAL_NDPR);

  if ((guint) options->material >= LODE_N_MATERIALS)
    return LODE_FLOW_MATERIAL_NDPR;
  if (options->joint_magnets && options->material == LODE_MATERIAL_NDPR)
    return LODE_FLOW_MATERIAL_JOINT;
  return (LodeFlowMaterial) options->material;
}

/* Numbers through the one formatter (lode-format.h), as the cards and charts show them. */
void
lode_flow_format_tonnes (char       *buf,
                         gsize       size,
                         double      tonnes,
                         const char *unit)
{
  g_autofree char *text = lode_format_mass (tonnes, unit);

  g_strlcpy (buf, text, size);
}

void
lode_flow_format_percent (char   *buf,
                          gsize   size,
                          double  fraction)
{
  g_autofree char *text = lode_format_share (fraction);

  g_strlcpy (buf, text, size);
}

const char *
lode_flow_column_title (int column)
{
  if (column == LODE_FLOW_COLUMN_END_USE)
    return C_("flow column", "End use");
  return lode_stage_name ((LodeStage) column);
}

const char *
lode_flow_column_unit (const LodeFlowLayout *self,
                       int                   column)
{
  if (column == LODE_FLOW_COLUMN_END_USE)
    column = LODE_STAGE_MAGNET;
  return lode_material_stage_unit (self->options.material, (LodeStage) column);
}

const char *
lode_flow_column_phrase (int column)
{
  static const char *phrases[N_COLS] = {
    N_("mining"), N_("separation"), N_("metal making"), N_("magnet making"), N_("end use"),
  };

  return _(phrases[CLAMP (column, 0, N_COLS - 1)]);
}

const char *
lode_flow_region_name (const LodeFlowLayout *self,
                       guint                 region)
{
  LodeDataset *dataset = self->projection != NULL
                         ? lode_projection_get_dataset (self->projection) : NULL;

  if (dataset == NULL || region >= dataset->n_regions)
    return "?";
  return lode_region_name (&dataset->regions[region]);
}

const char *
lode_flow_ox_unit (const LodeFlowLayout *self)
{
  return lode_material_oxide_unit (self->options.material);
}
