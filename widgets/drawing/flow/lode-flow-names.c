/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Names and numbers in the flow diagram's words: column titles, units and phrases, region
 * names, tonnes and shares as labels and tooltips print them.
 */
#define G_LOG_DOMAIN "lode-flow-names"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-flow-layout-private.h"
#include "lode-format.h"

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
lode_flow_column_unit (int column)
{
  if (column == LODE_FLOW_COLUMN_END_USE)
    return lode_stage_unit (LODE_STAGE_MAGNET);
  return lode_stage_unit ((LodeStage) column);
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
lode_flow_ox_unit (void)
{
  return _("t NdPr oxide eq.");
}
