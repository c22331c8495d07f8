/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-marginal.c — where the next dollar goes: what $1 bn more in each use of the fund
 * adds to China-free magnets reaching US use in a year, the bottleneck marked
 * (lode-marginal.h). */

#define G_LOG_DOMAIN "lode-chart-marginal"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"
#include "lode-format.h"

static int
shown_year (const LodeMarginal      *m,
            const LodeChartOptions  *options)
{
  return lode_marginal_shown_year (m, options->selected_year);
}

static char *
dup_title (const LodeChartOptions *options)
{
  if (options->marginal == NULL)
    return g_strdup (_("Where the next dollar goes"));
  /* Translators: the marginal-value chart's title; %d is a year */
  return g_strdup_printf (_("Where the next dollar goes: China-free US magnets from $1 bn "
                            "more, %d"), shown_year (options->marginal, options));
}

static char *
row_text (double   t,
          int      years_gained,
          int      year_reached,
          int      base_reached,
          gboolean best)
{
  g_autofree char *amount = lode_format_quantity (t, fabs (t) < 10 && t != 0 ? 1 : 0, "t");
  /* Translators: the marginal-value chart's best use, "1,200 t · the bottleneck" */
  g_autofree char *tonnes = best ? g_strdup_printf (_("%s · the bottleneck"), amount)
                                 : g_strdup (amount);

  if (years_gained <= 0)
    return g_steal_pointer (&tonnes);
  if (base_reached == 0)
    /* Translators: a marginal-value bar's text when the target is only reached with the
     * extra money: "1,200 t · target by 2037" */
    return g_strdup_printf (_("%s · target by %d"), tonnes, year_reached);
  /* Translators: a marginal-value bar's text, "1,200 t · target 2 years sooner" */
  return g_strdup_printf (ngettext ("%s · target %d year sooner", "%s · target %d years sooner",
                                    years_gained), tonnes, years_gained);
}

static void
build (LodeChartData *data)
{
  const LodeMarginal *m = data->layout->options.marginal;
  int year, best;

  if (m == NULL)
    {
      data->empty = g_strdup (_("Working out where the next dollar goes…"));
      return;
    }
  year = shown_year (m, &data->layout->options);
  best = lode_marginal_best (m, year);
  lode_chart_data_set_axis (data, 0, g_strdup_printf (_("China-free magnets reaching US use, "
                                                         "t per $1 bn, %d"), year),
                            LODE_CHART_FORMAT_TONNES);
  data->lo[0] = data->hi[0] = 0;
  for (guint k = 0; k < LODE_N_FUND_KINDS; k++)
    {
      double t = lode_marginal_t_per_busd (m, k, year);
      LodeChartRow *row = lode_chart_data_add_row (data, lode_fund_kind_name (k), 0,
                                                   isfinite (t) ? t : 0,
                                                   (LodeChartColour) { LODE_CHART_COLOUR_FUND,
                                                                       (int) k },
                                                   row_text (t, lode_marginal_years_gained (m, k),
                                                             m->use_reached[k],
                                                             m->base_reached,
                                                             (int) k == best));

      row->bold = (int) k == best;
      lode_chart_data_extend (data, 0, t);
    }
}

/* " Mine 0 t, Separation 12 t, …. The bottleneck is recycling." */
static void
describe (const LodeChartLayout *layout,
          GString               *out)
{
  int best = -1;
  double best_t = LODE_MARGINAL_MIN_T;

  for (guint i = 0; layout->bars != NULL && i < layout->bars->len; i++)
    {
      const LodeChartBar *bar = &g_array_index (layout->bars, LodeChartBar, i);
      g_autofree char *t = lode_chart_format_value (LODE_CHART_FORMAT_TONNES, bar->value1);

      g_string_append_printf (out, "%s%s %s", i == 0 ? " " : ", ", layout->row_names[bar->row],
                              t);
      if (bar->value1 >= best_t)
        {
          best = bar->row;
          best_t = bar->value1;
        }
    }
  g_string_append (out, ".");
  if (best >= 0)
    /* Translators: the end of the marginal chart's description; %s is a use of the fund */
    g_string_append_printf (out, _(" The bottleneck is %s."), layout->row_names[best]);
  else
    g_string_append_printf (out, " %s", _("No use of the fund adds China-free magnets yet."));
}

const LodeChartKindInfo lode_chart_marginal_kind = {
  .id = "marginal",
  .name = N_("Next Dollar"),
  .flags = LODE_CHART_CATEGORIES,
  .dup_title = dup_title,
  .build = build,
  .describe = describe,
};
