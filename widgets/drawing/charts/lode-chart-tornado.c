/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-tornado.c — what matters most: each input swung over its range, a bar from the
 * base to the output at each end, the largest swings on top (lode-sensitivity.h). */

#define G_LOG_DOMAIN "lode-chart-tornado"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"
#include "lode-format.h"

/* At most this many rows; fewer when the chart is short. */
#define MAX_ROWS 20

static char *
dup_title (const LodeChartOptions *options)
{
  g_autofree char *output = NULL;

  if (options->sensitivity == NULL)
    return g_strdup (_("What matters most"));
  output = lode_output_dup_label (&options->sensitivity->output);
  /* Translators: the tornado chart's title; %s is its output, "China-free share of US magnet
   * demand, 2030" */
  return g_strdup_printf (_("What matters most for the %s"), output);
}

/* A value of an input as its row's end shows it: a lever in its unit, a number plainly. */
static char *
format_input (const LodeSensitivityItem *item,
              double                     value)
{
  const LodeLeverInfo *info;
  g_autofree char *number = NULL;
  LodeLever lever;
  int decimals = fabs (value) >= 100 ? 0 : fabs (value) >= 10 ? 1 : fabs (value) >= 1 ? 2 : 3;

  if (item->kind != LODE_INPUT_LEVER || !lode_lever_from_id (item->id, &lever))
    return lode_format_number (value, value == 0 ? 0 : decimals);
  info = lode_lever_info (lever);
  if (info->is_switch)
    return g_strdup (value >= 0.5 ? C_("switch", "on") : C_("switch", "off"));
  if (info->is_year)
    return g_strdup_printf ("%d", (int) round (value));
  if (g_str_equal (info->unit, "$ bn"))
    return lode_format_busd (value, (int) info->digits);
  if (g_str_equal (info->unit, "%"))
    return lode_format_percent (value, (int) info->digits);
  number = lode_format_number (value, (int) info->digits);
  if (info->unit[0] == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, lode_lever_unit (lever));
}

static const char *
unit_of (LodeChartFormat format)
{
  switch (format)
    {
    case LODE_CHART_FORMAT_PERCENT:
      return "%";
    case LODE_CHART_FORMAT_TONNES:
      return "t";
    case LODE_CHART_FORMAT_KILOTONNES:
      return "kt";
    case LODE_CHART_FORMAT_BUSD:
      return _("$ bn");
    case LODE_CHART_FORMAT_USD_KG:
      return _("$ per kg");
    case LODE_CHART_FORMAT_NUMBER:
    default:
      return NULL;
    }
}

static void
build (LodeChartData *data)
{
  const LodeSensitivity *s = data->layout->options.sensitivity;
  g_autofree char *output = NULL;
  LodeChartFormat format;
  double scale;
  const char *unit;
  guint n = 0;

  if (s == NULL)
    {
      data->empty = g_strdup (_("Working out what matters most…"));
      return;
    }

  format = lode_chart_format_for_key (s->output.figure->key, &scale);
  unit = unit_of (format);
  output = lode_output_dup_label (&s->output);
  lode_chart_data_set_axis (data, 0, unit != NULL ? g_strdup_printf ("%s, %s", output, unit)
                                                  : g_strdup (output), format);
  data->has_base = TRUE;
  data->base = scale * s->base;
  data->lo[0] = data->hi[0] = data->base;

  lode_chart_data_add_series (data, _("Input at its low end"), LODE_CHART_SERIES_BARS,
                              LODE_CHART_COLOUR_SERIES, 0);
  lode_chart_data_add_series (data, _("Input at its high end"), LODE_CHART_SERIES_BARS,
                              LODE_CHART_COLOUR_SERIES, 1);

  data->n_candidates = s->n_items;
  data->rows_ranked = TRUE;
  for (guint i = 0; i < s->n_items && n < MAX_ROWS; i++)
    {
      const LodeSensitivityItem *item = &s->items[i];
      LodeChartRow *row;

      if (!(item->swing > 0))
        break;
      row = lode_chart_data_add_row (data, item->label, data->base, scale * item->output_low,
                                     (LodeChartColour) { LODE_CHART_COLOUR_SERIES, 0 },
                                     format_input (item, item->low));
      lode_chart_row_add_part (row, data->base, scale * item->output_high,
                               (LodeChartColour) { LODE_CHART_COLOUR_SERIES, 1 },
                               format_input (item, item->high));
      lode_chart_data_extend (data, 0, scale * item->output_low);
      lode_chart_data_extend (data, 0, scale * item->output_high);
      n++;
    }
  if (n == 0)
    data->empty = g_strdup (_("Nothing moves this output"));
}

/* " Base 24%. Largest swings: Fund size, 24% to 72%; …" */
static void
describe (const LodeChartLayout *layout,
          GString               *out)
{
  guint n = MIN ((guint) layout->n_rows, 5);

  g_string_append_printf (out, " %s", _("Largest swings:"));
  for (guint r = 0; r < n && layout->bars != NULL; r++)
    {
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const char *name = NULL;

      for (guint i = 0; i < layout->bars->len; i++)
        {
          const LodeChartBar *bar = &g_array_index (layout->bars, LodeChartBar, i);

          if (bar->row != (int) r)
            continue;
          lo = MIN (lo, MIN (bar->value0, bar->value1));
          hi = MAX (hi, MAX (bar->value0, bar->value1));
        }
      name = layout->row_names[r];
      from = lode_chart_format_value (layout->axes[0].format, lo);
      to = lode_chart_format_value (layout->axes[0].format, hi);
      /* Translators: one bar of the tornado in its description, "Fund size, 24% to 72%" */
      g_string_append_printf (out, _(" %s, %s to %s%s"), name != NULL ? name : "?", from, to,
                              r + 1 < n ? ";" : ".");
    }
}

const LodeChartKindInfo lode_chart_tornado_kind = {
  .id = "tornado",
  .name = N_("What Matters"),
  .flags = LODE_CHART_CATEGORIES,
  .dup_title = dup_title,
  .build = build,
  .describe = describe,
};
