/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-chart-kinds.c — the table of chart descriptors, and what their functions share. */

#define G_LOG_DOMAIN "lode-chart-kinds"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-chart-kind-private.h"

#define LODE_CHART_KIND_DECLARE(NAME, descriptor) extern const LodeChartKindInfo descriptor;
LODE_CHART_KIND_TABLE (LODE_CHART_KIND_DECLARE)
#undef LODE_CHART_KIND_DECLARE

static const LodeChartKindInfo * const kinds[LODE_N_CHARTS] = {
#define LODE_CHART_KIND_ENTRY(NAME, descriptor) [LODE_CHART_##NAME] = &descriptor,
  LODE_CHART_KIND_TABLE (LODE_CHART_KIND_ENTRY)
#undef LODE_CHART_KIND_ENTRY
};

/* The table */

const LodeChartKindInfo *
lode_chart_kind_info (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, kinds[0]);
  return kinds[kind];
}

const char *
lode_chart_kind_id (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, NULL);
  return kinds[kind]->id;
}

gboolean
lode_chart_kind_from_id (const char    *id,
                         LodeChartKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < LODE_N_CHARTS; i++)
    if (g_str_equal (id, kinds[i]->id))
      {
        *out_kind = (LodeChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lode_chart_kind_title (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, NULL);
  return _(kinds[kind]->name);
}

gboolean
lode_chart_kind_has_years (LodeChartKind kind)
{
  g_return_val_if_fail ((guint) kind < LODE_N_CHARTS, TRUE);
  return (kinds[kind]->flags & LODE_CHART_CATEGORIES) == 0;
}

/* Building */

LodeChartSeries *
lode_chart_data_add_series (LodeChartData        *data,
                            const char           *label,
                            LodeChartSeriesStyle  style,
                            LodeChartColourRole   role,
                            int                   index)
{
  LodeChartLayout *layout = data->layout;
  LodeChartSeries *series = g_new0 (LodeChartSeries, 1);
  int n = layout->n_years;

  series->label = g_strdup (label);
  series->style = style;
  series->colour = (LodeChartColour) { role, index };
  series->in_legend = TRUE;
  series->value = g_new0 (double, n);
  series->x = g_new0 (double, n);
  series->y = g_new0 (double, n);
  if (style == LODE_CHART_SERIES_AREA || style == LODE_CHART_SERIES_BARS
      || style == LODE_CHART_SERIES_BAND)
    {
      series->value_base = g_new0 (double, n);
      series->y_base = g_new0 (double, n);
    }
  g_ptr_array_add (layout->series, series);
  return series;
}

void
lode_chart_data_set_axis (LodeChartData   *data,
                          int              axis,
                          char            *title,
                          LodeChartFormat  format)
{
  LodeChartAxis *shown = &data->layout->axes[axis];

  g_free (shown->title);
  shown->title = title;
  shown->format = format;
}

void
lode_chart_data_extend (LodeChartData *data,
                        int            axis,
                        double         value)
{
  if (!isfinite (value))
    return;
  data->lo[axis] = MIN (data->lo[axis], value);
  data->hi[axis] = MAX (data->hi[axis], value);
}

void
lode_chart_data_add_lines (LodeChartData      *data,
                           LodeChartYearValue  value_of,
                           gboolean            extend)
{
  LodeChartLayout *layout = data->layout;
  LodeChartSeries *ghost = NULL;
  LodeChartSeries *line;

  if (data->baseline != NULL)
    ghost = lode_chart_data_add_series (data, _("Baseline"), LODE_CHART_SERIES_GHOST,
                                        LODE_CHART_COLOUR_GHOST, 0);
  line = lode_chart_data_add_series (data, _("Scenario"), LODE_CHART_SERIES_LINE,
                                     LODE_CHART_COLOUR_ACCENT, 0);

  for (int i = 0; i < layout->n_years; i++)
    {
      int year = layout->first_year + i;
      const LodeYear *y = lode_chart_data_year (data->projection, year);
      const LodeYear *base = lode_chart_data_year (data->baseline, year);

      line->value[i] = y != NULL ? value_of (y) : NAN;
      if (ghost != NULL)
        ghost->value[i] = base != NULL ? value_of (base) : NAN;
      if (extend)
        {
          lode_chart_data_extend (data, 0, line->value[i]);
          if (ghost != NULL)
            lode_chart_data_extend (data, 0, ghost->value[i]);
        }
    }
}

void
lode_chart_data_add_band (LodeChartData   *data,
                          const char      *key,
                          int              axis,
                          double           scale,
                          const char      *name,
                          LodeChartColour  colour,
                          gboolean         extend)
{
  LodeChartLayout *layout = data->layout;
  const LodeBands *bands = layout->options.bands;
  const double *p10, *p50, *p90;
  LodeChartSeries *band, *median;
  gboolean first = TRUE;
  g_autofree char *band_label = NULL;
  g_autofree char *median_label = NULL;

  if (bands == NULL || !lode_bands_lookup (bands, key, &p10, &p50, &p90))
    return;
  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, i);

      if (series->style == LODE_CHART_SERIES_BAND)
        first = FALSE;
    }

  /* Translators: an uncertainty band in a chart's hover card, "Mine P10–P90" */
  band_label = name != NULL ? g_strdup_printf (_("%s P10–P90"), name) : g_strdup (_("P10–P90"));
  /* Translators: the median of an uncertainty band in a chart's hover card, "Mine median" */
  median_label = name != NULL ? g_strdup_printf (_("%s median"), name) : g_strdup (_("Median"));
  band = lode_chart_data_add_series (data, band_label, LODE_CHART_SERIES_BAND, colour.role,
                                     colour.index);
  median = lode_chart_data_add_series (data, median_label, LODE_CHART_SERIES_MEDIAN,
                                       colour.role, colour.index);
  band->no_legend = median->no_legend = !first;
  band->axis = median->axis = axis;
  median->dashed = TRUE;
  for (int i = 0; i < layout->n_years; i++)
    {
      int k = layout->first_year + i - bands->first_year;
      gboolean known = k >= 0 && k < bands->n_years;

      band->value_base[i] = known ? scale * p10[k] : NAN;
      band->value[i] = known ? scale * p90[k] : NAN;
      median->value[i] = known ? scale * p50[k] : NAN;
      if (extend)
        {
          lode_chart_data_extend (data, axis, band->value[i]);
          lode_chart_data_extend (data, axis, band->value_base[i]);
        }
    }
}

static void
row_clear (gpointer data)
{
  LodeChartRow *row = data;

  g_free (row->label);
  g_free (row->text[0]);
  g_free (row->text[1]);
}

LodeChartRow *
lode_chart_data_add_row (LodeChartData   *data,
                         const char      *label,
                         double           from,
                         double           to,
                         LodeChartColour  colour,
                         char            *text)
{
  LodeChartRow row = { g_strdup (label) };

  if (data->rows == NULL)
    {
      data->rows = g_array_new (FALSE, TRUE, sizeof (LodeChartRow));
      g_array_set_clear_func (data->rows, row_clear);
    }
  g_array_append_val (data->rows, row);
  lode_chart_row_add_part (&g_array_index (data->rows, LodeChartRow, data->rows->len - 1), from,
                           to, colour, text);
  return &g_array_index (data->rows, LodeChartRow, data->rows->len - 1);
}

void
lode_chart_row_add_part (LodeChartRow    *row,
                         double           from,
                         double           to,
                         LodeChartColour  colour,
                         char            *text)
{
  g_return_if_fail (row->n_parts < G_N_ELEMENTS (row->from));

  row->from[row->n_parts] = from;
  row->to[row->n_parts] = to;
  row->colour[row->n_parts] = colour;
  row->text[row->n_parts] = text;
  row->n_parts++;
}

LodeChartFormat
lode_chart_format_for_key (const char *key,
                           double     *out_scale)
{
  *out_scale = 1.0;
  if (strstr (key, "share") != NULL || strstr (key, "self_sufficiency") != NULL
      || strstr (key, "_rate") != NULL)
    {
      *out_scale = 100.0;
      return LODE_CHART_FORMAT_PERCENT;
    }
  if (g_str_has_suffix (key, "_usd_kg"))
    return LODE_CHART_FORMAT_USD_KG;
  if (strstr (key, "_busd") != NULL)
    return LODE_CHART_FORMAT_BUSD;
  if (g_str_has_suffix (key, "_kt"))
    return LODE_CHART_FORMAT_KILOTONNES;
  if (g_str_has_suffix (key, "_t") || g_str_has_prefix (key, "world_production.")
      || g_str_has_prefix (key, "world_capacity."))
    return LODE_CHART_FORMAT_TONNES;
  return LODE_CHART_FORMAT_NUMBER;
}

const LodeYear *
lode_chart_data_year (const LodeProjection *projection,
                      int                   year)
{
  if (projection == NULL)
    return NULL;
  return lode_projection_get_year (projection, year);
}

/* Describing */

void
lode_chart_describe_key_years (GString               *out,
                               const LodeChartLayout *layout,
                               const LodeChartSeries *series)
{
  int years[3] = { layout->first_year, 2030, layout->last_year };
  gboolean first = TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (years); k++)
    {
      int year = years[k];
      int i = year - layout->first_year;
      g_autofree char *value = NULL;

      if (i < 0 || i >= layout->n_years || (k > 0 && year == years[k - 1]))
        continue;
      if (k == 1 && (year == layout->first_year || year == layout->last_year))
        continue;
      value = lode_chart_format_value (layout->axes[series->axis].format,
                                       series->value[i] - (series->value_base != NULL
                                                           ? series->value_base[i] : 0));
      if (!first)
        g_string_append (out, ", ");
      /* Translators: "48% in 2030" */
      g_string_append_printf (out, _("%s in %d"), value, year);
      first = FALSE;
    }
}

void
lode_chart_describe_lines (const LodeChartLayout *layout,
                           GString               *out)
{
  guint n = layout->series->len;

  /* The scenario's lines first, the baseline after. */
  for (guint k = 0; k < 2 * n; k++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, k % n);

      if ((k >= n) != (series->style == LODE_CHART_SERIES_GHOST))
        continue;
      g_string_append_printf (out, " %s: ", series->label);
      lode_chart_describe_key_years (out, layout, series);
      g_string_append (out, ".");
    }
}
