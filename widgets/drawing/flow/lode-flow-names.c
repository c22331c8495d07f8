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

void
lode_flow_format_tonnes (char       *buf,
                         gsize       size,
                         double      tonnes,
                         const char *unit)
{
  double a = fabs (tonnes);

  if (a >= 9999.5)
    /* Translators: thousands of tonnes, "270 kt REO": %s is a unit starting with "t" */
    g_snprintf (buf, size, _("%.0f k%s"), tonnes / 1000.0, unit);
  else if (a >= 999.95)
    /* Translators: thousands of tonnes, "1.2 kt REO" */
    g_snprintf (buf, size, _("%.1f k%s"), tonnes / 1000.0, unit);
  else if (a >= 9.95 || a == 0.0)
    /* Translators: tonnes, "850 t REO" */
    g_snprintf (buf, size, _("%.0f %s"), tonnes, unit);
  else
    g_snprintf (buf, size, _("%.1f %s"), tonnes, unit);
}

void
lode_flow_format_percent (char   *buf,
                          gsize   size,
                          double  fraction)
{
  if (fraction > 0.0 && fraction < 0.005)
    /* Translators: a share below one percent */
    g_snprintf (buf, size, "%s", _("<1 %"));
  else
    /* Translators: a share, "69 %" */
    g_snprintf (buf, size, _("%.0f %%"), fraction * 100.0);
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
