/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-fixtures.h"
#include "lode-chart-hover.h"
#include "lode-chart-kind-private.h"
#include "lode-chart-layout.h"
#include "lode-presets.h"
#include "lode-scenario-io.h"

typedef struct
{
  LodeDataset    *dataset;
  LodeProjection *projection;
  LodeProjection *baseline;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_charts_new (&f->dataset, &f->projection, &f->baseline);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fixture_charts_free (f->dataset, f->projection, f->baseline);
}

/* The last series of a style: of the lines, the scenario's main one (painted on top, the one
 * the target marks; the China-free chart's parts and the price inside China come before it). */
static const LodeChartSeries *
find_series (const LodeChartLayout *layout,
             LodeChartSeriesStyle   style)
{
  for (guint i = layout->series->len; i > 0; i--)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, i - 1);

      if (series->style == style)
        return series;
    }
  return NULL;
}

static void
test_kind_ids (void)
{
  for (int k = 0; k < LODE_N_CHARTS; k++)
    {
      LodeChartKind kind = LODE_N_CHARTS;

      g_assert_true (lode_chart_kind_from_id (lode_chart_kind_id (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (lode_chart_kind_title (k));
    }
  g_assert_cmpstr (lode_chart_kind_id (LODE_CHART_CHINA_FREE), ==, "china-free");
  g_assert_cmpstr (lode_chart_kind_id (LODE_CHART_PRICE), ==, "price");
  {
    LodeChartKind kind = LODE_CHART_PRICE;

    g_assert_false (lode_chart_kind_from_id ("pie", &kind));
    g_assert_false (lode_chart_kind_from_id (NULL, &kind));
    g_assert_cmpint (kind, ==, LODE_CHART_PRICE);
  }
}

/* Points land where the axes say: x by year across the plot, y by value up the plot. */
static void
test_normalisation (Fixture       *f,
                    gconstpointer  data)
{
  LodeChartOptions options;
  g_autoptr(LodeChartLayout) layout = NULL;
  const LodeChartSeries *line;
  const LodeChartRect *plot;

  lode_chart_options_init (&options);
  layout = lode_chart_layout_new (LODE_CHART_CHINA_FREE, f->projection, NULL, 800, 300,
                                  &options);
  plot = &layout->plot;
  g_assert_false (layout->empty);
  g_assert_cmpint (layout->first_year, ==, 2024);
  g_assert_cmpint (layout->last_year, ==, 2040);
  g_assert_cmpint (layout->n_years, ==, 17);

  /* A percent axis runs 0–100 %. */
  g_assert_cmpfloat (layout->axes[0].ticks.min, ==, 0);
  g_assert_cmpfloat (layout->axes[0].ticks.max, ==, 100);
  g_assert_cmpint (layout->axes[0].format, ==, LODE_CHART_FORMAT_PERCENT);

  /* The plot is inside the chart, with margins. */
  g_assert_cmpfloat (plot->x, >, 10);
  g_assert_cmpfloat (plot->y, >, 10);
  g_assert_cmpfloat (plot->x + plot->width, <, 800 - 10);
  g_assert_cmpfloat (plot->y + plot->height, <, 300 - 10);
  g_assert_cmpfloat (plot->width, >, 500);

  line = find_series (layout, LODE_CHART_SERIES_LINE);
  g_assert (line != NULL);
  /* 2030: 0.05 + 6 · 0.05 = 35 %; six sixteenths across, 35 % up. */
  g_assert_cmpfloat_with_epsilon (line->value[6], 35.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->x[6], plot->x + plot->width * 6.0 / 16.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->y[6], plot->y + plot->height * 0.65, 1e-9);
  /* The ends touch the plot's edges. */
  g_assert_cmpfloat_with_epsilon (line->x[0], plot->x, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->x[16], plot->x + plot->width, 1e-9);
  g_assert_cmpfloat_with_epsilon (lode_chart_layout_y_for_value (layout, 0, 0),
                                  plot->y + plot->height, 1e-9);
  g_assert_cmpfloat_with_epsilon (lode_chart_layout_y_for_value (layout, 0, 100), plot->y, 1e-9);

  /* The target (50 %) is reached in 2033 and marked on the line. */
  g_assert_true (layout->has_target);
  g_assert_cmpfloat_with_epsilon (layout->target_y, plot->y + plot->height * 0.5, 1e-9);
  g_assert_true (layout->has_reached);
  g_assert_cmpint (layout->reached_year, ==, 2033);
  g_assert_cmpfloat_with_epsilon (layout->reached_x, line->x[9], 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->reached_y, line->y[9], 1e-9);
}

static void
test_baseline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LodeChartLayout) with = NULL;
  g_autoptr(LodeChartLayout) without = NULL;
  g_autofree char *described = NULL;
  const LodeChartSeries *ghost;

  with = lode_chart_layout_new (LODE_CHART_CHINA_FREE, f->projection, f->baseline, 800, 300,
                                NULL);
  without = lode_chart_layout_new (LODE_CHART_CHINA_FREE, f->projection, NULL, 800, 300, NULL);

  /* The joint share and its three parts, and the baseline's joint share. */
  g_assert_cmpuint (with->series->len, ==, 5);
  g_assert_cmpuint (without->series->len, ==, 4);
  g_assert_null (find_series (without, LODE_CHART_SERIES_GHOST));
  ghost = find_series (with, LODE_CHART_SERIES_GHOST);
  g_assert (ghost != NULL);
  /* The ghost is drawn first (behind) and carries the baseline's values. */
  g_assert_true (g_ptr_array_index (with->series, 0) == ghost);
  g_assert_cmpfloat_with_epsilon (ghost->value[6], 17.0, 1e-9);   /* 0.05 + 6 · 0.02 */
  g_assert_false (with->has_base_reached);   /* 0.05 + 16 · 0.02 = 0.37 < 0.5 */

  described = lode_chart_layout_describe (with);
  g_assert_nonnull (strstr (described, "China-free share of US magnet demand"));
  g_assert_nonnull (strstr (described, "Baseline"));
  g_assert_nonnull (strstr (described, "reached in 2033"));

  /* The capacity chart shows the baseline's total as a ghost line too. */
  {
    g_autoptr(LodeChartLayout) capacity = lode_chart_layout_new (LODE_CHART_CAPACITY,
                                                                 f->projection, f->baseline,
                                                                 800, 300, NULL);

    g_assert_nonnull (find_series (capacity, LODE_CHART_SERIES_GHOST));
  }
}

static void
test_year_at (Fixture       *f,
              gconstpointer  data)
{
  for (int kind = 0; kind < LODE_N_CHARTS; kind++)
    {
      g_autoptr(LodeChartLayout) layout = NULL;
      /* Columns of bars reach half a step beyond the first and the last year. */
      gboolean columns = (lode_chart_kind_info (kind)->flags & LODE_CHART_YEAR_COLUMNS) != 0;

      if (!lode_chart_kind_has_years (kind))
        continue;
      layout = lode_chart_layout_new (kind, f->projection, f->baseline, 800, 300, NULL);
      for (int year = 2024; year <= 2040; year++)
        {
          double x = lode_chart_layout_x_for_year (layout, year);

          g_assert_cmpint (lode_chart_layout_year_at (layout, x), ==, year);
          g_assert_cmpint (lode_chart_layout_year_at (layout, x + layout->dx * 0.45), ==,
                           year == 2040 && !columns ? 0 : year);
          g_assert_cmpint (lode_chart_layout_year_at (layout, x - layout->dx * 0.45), ==,
                           year == 2024 && !columns ? 0 : year);
        }
      g_assert_cmpint (lode_chart_layout_year_at (layout, 2), ==, 0);
      g_assert_cmpint (lode_chart_layout_year_at (layout, 799), ==, 0);
      g_assert_cmpint (lode_chart_layout_year_at (layout, NAN), ==, 0);
    }
}

static void
test_stacked (Fixture       *f,
              gconstpointer  data)
{
  LodeChartOptions options;
  g_autoptr(LodeChartLayout) layout = NULL;
  const LodeChartSeries *previous = NULL;
  guint n_areas = 0;

  lode_chart_options_init (&options);
  options.capacity_stage = LODE_STAGE_METAL;
  layout = lode_chart_layout_new (LODE_CHART_CAPACITY, f->projection, NULL, 800, 300,
                                  &options);

  /* Regions 1000·(r + 1) + 100·i, nine regions: 45 000 t in 2024 (and more later), so the
   * axis counts thousands of tonnes. */
  g_assert_cmpint (layout->axes[0].format, ==, LODE_CHART_FORMAT_KILOTONNES);

  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *band = g_ptr_array_index (layout->series, s);

      if (band->style != LODE_CHART_SERIES_AREA)
        continue;
      n_areas++;
      for (int i = 0; i < layout->n_years; i++)
        {
          /* Each band starts where the one below ends, and never hangs below it. */
          double below = previous != NULL ? previous->value[i] : 0.0;

          g_assert_cmpfloat_with_epsilon (band->value_base[i], below, 1e-9);
          g_assert_cmpfloat (band->value[i], >=, band->value_base[i]);
          g_assert_cmpfloat (band->y[i], <=, band->y_base[i]);
          if (previous != NULL)
            g_assert_cmpfloat_with_epsilon (band->y_base[i], previous->y[i], 1e-9);
        }
      previous = band;
    }
  g_assert_cmpuint (n_areas, ==, 9);

  /* The United States at the bottom, China on top. */
  {
    const LodeChartSeries *bottom = g_ptr_array_index (layout->series, 0);

    g_assert_cmpint (bottom->colour.role, ==, LODE_CHART_COLOUR_REGION);
    g_assert_cmpint (bottom->colour.index, ==, FIXTURE_US);
    g_assert_cmpfloat_with_epsilon (bottom->value[0], 2.0, 1e-9);   /* 2000 t */
    g_assert (previous != NULL);
    g_assert_cmpint (previous->colour.index, ==, FIXTURE_CN);
    /* The top of the stack is the total: 45 000 + 9 · 100 · 16 t in 2040. */
    g_assert_cmpfloat_with_epsilon (previous->value[16], 45.0 + 14.4, 1e-9);
    g_assert_cmpfloat (layout->axes[0].ticks.max, >=, 59.4);
  }

  /* A region with no capacity gets no band. */
  for (int i = 0; i < f->projection->n_years; i++)
    f->projection->years[i].chain[LODE_MATERIAL_NDPR].capacity[LODE_STAGE_METAL][4] = 0;
  {
    g_autoptr(LodeChartLayout) fewer = lode_chart_layout_new (LODE_CHART_CAPACITY,
                                                              f->projection, NULL, 800, 300,
                                                              &options);

    g_assert_cmpuint (fewer->series->len, ==, 8);
  }
}

static void
test_spend_axes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = lode_chart_layout_new (LODE_CHART_SPEND, f->projection,
                                                             f->baseline, 800, 300, NULL);
  const LodeChartSeries *line = find_series (layout, LODE_CHART_SERIES_LINE);
  const LodeChartSeries *spend = g_ptr_array_index (layout->series, 0);
  const LodeChartSeries *floor_cost = g_ptr_array_index (layout->series, 1);

  /* Two axes whose grid lines meet: the same number of ticks, the right one from zero. */
  g_assert_true (layout->axes[1].visible);
  g_assert_cmpint (layout->axes[0].ticks.n_ticks, ==, layout->axes[1].ticks.n_ticks);
  for (int k = 0; k < layout->axes[0].ticks.n_ticks; k++)
    g_assert_cmpfloat_with_epsilon (layout->axes[0].tick_y[k], layout->axes[1].tick_y[k], 1e-9);
  g_assert_nonnull (strstr (layout->axes[0].title, "Annual"));
  g_assert_nonnull (strstr (layout->axes[1].title, "Cumulative"));

  /* Bars stack: price-floor cost on public spend, 2.5 bn in 2027. */
  g_assert_cmpint (spend->style, ==, LODE_CHART_SERIES_BARS);
  g_assert_cmpfloat_with_epsilon (floor_cost->value_base[3], 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (floor_cost->value[3], 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (floor_cost->y_base[3], spend->y[3], 1e-9);
  g_assert_cmpfloat (layout->bar_width, >, 5);
  g_assert_cmpfloat (layout->bar_width, <, layout->dx);

  /* The cumulative line reads on the right axis: 10 + 5 bn by 2040. */
  g_assert (line != NULL);
  g_assert_cmpint (line->axis, ==, 1);
  g_assert_cmpfloat_with_epsilon (line->value[16], 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->y[16], lode_chart_layout_y_for_value (layout, 1, 15.0),
                                  1e-9);
  /* Bars stand in columns inside the plot. */
  g_assert_cmpfloat (spend->x[0] - layout->bar_width / 2, >=, layout->plot.x);
  g_assert_cmpfloat (spend->x[16] + layout->bar_width / 2, <=,
                     layout->plot.x + layout->plot.width + 1e-9);
}

static const LodeChartSeries *
find_labelled (const LodeChartLayout *layout,
               const char            *label)
{
  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, i);

      if (g_strcmp0 (series->label, label) == 0)
        return series;
    }
  g_error ("no series “%s”", label);
}

/* The fund chart: money out hangs below the zero line and money back stands above it, each
 * instrument in one colour named once in the legend; the net position shares the axis. */
static void
test_fund_flows (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = lode_chart_layout_new (LODE_CHART_FUND, f->projection,
                                                             f->baseline, 800, 400, NULL);
  const LodeChartSeries *grants = find_labelled (layout, "Grants");
  const LodeChartSeries *equity = find_labelled (layout, "Equity");
  const LodeChartSeries *back = find_labelled (layout, "Equity: dividends and exit");
  const LodeChartSeries *net = find_series (layout, LODE_CHART_SERIES_LINE);
  double zero = lode_chart_layout_y_for_value (layout, 0, 0.0);
  int n_legend = 0;

  /* 2027 (index 3): grants 0 to -1, equity -1 to -1.5, below the zero line. */
  g_assert_cmpfloat_with_epsilon (grants->value[3], -1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (equity->value_base[3], -1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (equity->value[3], -1.5, 1e-12);
  g_assert_cmpfloat (grants->y[3], >, zero + 1);
  g_assert_cmpfloat (equity->y[3], >, grants->y[3] + 1);
  /* 2040: 0.25 dividends and the 3 bn exit above it. */
  g_assert_cmpfloat_with_epsilon (back->value[16], 3.25, 1e-12);
  g_assert_cmpfloat (back->y[16], <, zero - 1);
  g_assert_true (back->colour.index == equity->colour.index);
  g_assert_false (back->in_legend);
  g_assert_true (equity->in_legend);

  /* The net position on the same axis: -4.5 by 2028, then 12 years of 0.25 and 3 back. */
  g_assert_nonnull (net);
  g_assert_cmpint (net->axis, ==, 0);
  g_assert_cmpfloat_with_epsilon (net->value[16], -4.5 + 11 * 0.25 + 3.0, 1e-9);
  g_assert_cmpfloat (layout->axes[0].ticks.min, <=, -4.5);
  g_assert_cmpfloat (layout->axes[0].ticks.max, >=, 3.25);
  for (guint i = 0; i < layout->series->len; i++)
    n_legend += ((const LodeChartSeries *) g_ptr_array_index (layout->series, i))->in_legend;
  g_assert_cmpint (n_legend, ==, 5 + 2);   /* the instruments, the net line, the baseline */
}

static void
test_percent_axis (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LodeChartLayout) normal = NULL;
  g_autoptr(LodeChartLayout) over = NULL;

  normal = lode_chart_layout_new (LODE_CHART_SELF_SUFFICIENCY, f->projection, NULL, 800, 300,
                                  NULL);
  g_assert_cmpuint (normal->series->len, ==, LODE_N_STAGES);
  /* Magnet stage: 0.4 + 16/40 = 80 % in 2040, on a 0–100 % axis. */
  g_assert_cmpfloat (normal->axes[0].ticks.max, ==, 100);
  g_assert_cmpfloat_with_epsilon (((LodeChartSeries *) g_ptr_array_index (normal->series, 3))
                                  ->value[16], 80.0, 1e-9);

  /* An exporting stage (150 %) widens the axis. */
  f->projection->years[10].chain[LODE_MATERIAL_NDPR].us_self_sufficiency[LODE_STAGE_MINE] = 1.5;
  over = lode_chart_layout_new (LODE_CHART_SELF_SUFFICIENCY, f->projection, NULL, 800, 300,
                                NULL);
  g_assert_cmpfloat (over->axes[0].ticks.max, >=, 150);
  g_assert_cmpfloat (over->axes[0].ticks.max, <=, 200);

  /* Far above 200 % (Mine to Magnet's metal stage reaches 244 %): the axis still holds it,
   * with a round last tick. */
  {
    g_autoptr(LodeChartLayout) far = NULL;
    const LodeChartSeries *mine;

    f->projection->years[12].chain[LODE_MATERIAL_NDPR].us_self_sufficiency[LODE_STAGE_MINE] = 2.44;
    far = lode_chart_layout_new (LODE_CHART_SELF_SUFFICIENCY, f->projection, NULL, 800, 300,
                                 NULL);
    mine = g_ptr_array_index (far->series, LODE_STAGE_MINE);
    g_assert_cmpfloat (far->axes[0].ticks.max, >=, 244);
    g_assert_cmpfloat (far->axes[0].ticks.max, <=, 300);
    g_assert_cmpfloat (fmod (far->axes[0].ticks.max, far->axes[0].ticks.step), ==, 0);
    g_assert_cmpfloat (mine->y[12], >=, far->plot.y);
  }
}

/* Every point of every chart of every preset lies inside the plot: no axis cuts data off.
 * (The self-sufficiency axis stopped at 200 % while Mine to Magnet reached 244 %.) */
static void
assert_inside (const LodeChartLayout *layout,
               double                 y,
               const char            *what,
               const char            *preset,
               int                    year)
{
  const double slack = 1e-6;

  if (!isfinite (y))
    return;
  if (y < layout->plot.y - slack || y > layout->plot.y + layout->plot.height + slack)
    g_error ("%s: %s of %s in %d is at y = %.1f, outside the plot %.1f–%.1f",
             lode_chart_kind_id (layout->kind), what, preset, year, y, layout->plot.y,
             layout->plot.y + layout->plot.height);
}

static void
check_points_inside (const LodeChartLayout *layout,
                     const char            *preset)
{
  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);

      for (int i = 0; i < layout->n_years; i++)
        {
          if (isfinite (series->y[i]))
            {
              g_assert_cmpfloat (series->x[i], >=, layout->plot.x - 1e-6);
              g_assert_cmpfloat (series->x[i], <=, layout->plot.x + layout->plot.width + 1e-6);
            }
          assert_inside (layout, series->y[i], series->label, preset, layout->first_year + i);
          if (series->y_base != NULL)
            assert_inside (layout, series->y_base[i], series->label, preset,
                           layout->first_year + i);
        }
    }
  if (layout->has_floor)
    assert_inside (layout, layout->floor_y, "the price floor", preset, 0);
  if (layout->has_target)
    assert_inside (layout, layout->target_y, "the target", preset, 0);
}

static void
test_presets_inside (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) base_scenario = NULL;
  g_autoptr(LodeProjection) baseline = NULL;
  const char * const *ids = lode_preset_ids ();
  const int sizes[][2] = { { 860, 260 }, { 420, 200 } };
  guint n_checked = 0;

  g_assert_no_error (error);
  base_scenario = lode_scenario_load_preset (dataset, "baseline", &error);
  g_assert_no_error (error);
  baseline = lode_projection_run (dataset, base_scenario, &error);
  g_assert_no_error (error);

  for (guint p = 0; ids[p] != NULL; p++)
    for (int horizon = LODE_DEFAULT_HORIZON; horizon <= LODE_MAX_HORIZON; horizon += 20)
      {
        g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (dataset, ids[p], &error);
        g_autoptr(LodeProjection) projection = NULL;

        g_assert_no_error (error);
        g_assert_true (lode_scenario_set_horizon (scenario, horizon, &error));
        projection = lode_projection_run (dataset, scenario, &error);
        g_assert_no_error (error);

        for (int k = 0; k < LODE_N_CHARTS; k++)
          for (int stage = 0; stage < LODE_N_STAGES; stage++)
            for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
              {
                g_autoptr(LodeChartLayout) layout = NULL;
                LodeChartOptions options;

                /* Only the capacity chart has a stage to choose. */
                if (stage > 0 && k != LODE_CHART_CAPACITY)
                  continue;
                lode_chart_options_init (&options);
                options.capacity_stage = (LodeStage) stage;
                lode_scenario_get_price_floor (scenario, &options.price_floor);
                layout = lode_chart_layout_new ((LodeChartKind) k, projection, baseline,
                                                sizes[z][0], sizes[z][1], &options);
                check_points_inside (layout, ids[p]);
                n_checked++;
              }
      }
  g_test_message ("%u layouts checked", n_checked);
  g_assert_cmpuint (n_checked, >=, 4 * 2 * (LODE_N_CHARTS + 3) * 2);
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  LodeChartOptions options;
  g_autoptr(LodeChartLayout) layout = NULL;
  g_autoptr(LodeChartLayout) price = NULL;

  lode_chart_options_init (&options);
  g_assert_cmpfloat (options.target_share, ==, 0.5);
  g_assert_cmpint (options.capacity_stage, ==, LODE_STAGE_SEPARATION);

  options.target_share = 0.9;   /* never reached: 0.95 is only reached in 2042 */
  options.selected_year = 2031;
  layout = lode_chart_layout_new (LODE_CHART_CHINA_FREE, f->projection, NULL, 800, 300,
                                  &options);
  g_assert_false (layout->has_reached);
  g_assert_true (layout->has_selected);
  g_assert_cmpfloat_with_epsilon (layout->selected_x, lode_chart_layout_x_for_year (layout, 2031),
                                  1e-9);
  {
    g_autofree char *described = lode_chart_layout_describe (layout);

    g_assert_nonnull (strstr (described, "not reached by 2040"));
  }
  g_clear_pointer (&layout, lode_chart_layout_free);

  /* The price floor is drawn over the years it applies. */
  options.price_floor = (LodePriceFloor) { 110, 2025, 10 };
  price = lode_chart_layout_new (LODE_CHART_PRICE, f->projection, NULL, 800, 300, &options);
  g_assert_true (price->has_floor);
  g_assert_cmpfloat_with_epsilon (price->floor_y, lode_chart_layout_y_for_value (price, 0, 110),
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (price->floor_x0, lode_chart_layout_x_for_year (price, 2025),
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (price->floor_x1, lode_chart_layout_x_for_year (price, 2034),
                                  1e-9);
  g_assert_cmpfloat (price->axes[0].ticks.max, >=, 110);

  /* A floor of no years is no floor, as in the projection. */
  options.price_floor.years = 0;
  lode_chart_layout_free (price);
  price = lode_chart_layout_new (LODE_CHART_PRICE, f->projection, NULL, 800, 300, &options);
  g_assert_false (price->has_floor);
}

/* The hover card is an overlay on a finished layout: one row per series at the year under the
 * pointer, inside the chart, and nothing outside the plot. */
static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = lode_chart_layout_new (LODE_CHART_CHINA_FREE,
                                                             f->projection, f->baseline, 800,
                                                             300, NULL);
  g_autoptr(LodeChartLayout) capacity = lode_chart_layout_new (LODE_CHART_CAPACITY,
                                                               f->projection, NULL, 800, 300,
                                                               NULL);
  double x2030 = lode_chart_layout_x_for_year (layout, 2030);
  g_autoptr(LodeChartHover) hover = lode_chart_hover_new (layout, x2030 + 3);
  g_autoptr(LodeChartHover) right = lode_chart_hover_new (layout, layout->plot.x
                                                                  + layout->plot.width);
  g_autoptr(LodeChartHover) stacked = NULL;
  g_autofree char *before = lode_chart_layout_describe (layout);
  g_autofree char *after = NULL;

  g_assert_nonnull (hover);
  g_assert_cmpint (hover->year, ==, 2030);
  g_assert_cmpint (hover->index, ==, 2030 - layout->first_year);
  g_assert_cmpfloat_with_epsilon (hover->x, x2030, 1e-9);
  g_assert_cmpfloat (hover->card.x, >=, 0);
  g_assert_cmpfloat (hover->card.x + hover->card.width, <=, 800);
  g_assert_cmpfloat (hover->card.x, >, x2030);
  /* Title, then label and value for the joint share, its three parts and the baseline. */
  g_assert_cmpuint (hover->labels->len, ==, 1 + 5 * 2);
  g_assert_cmpstr (g_array_index (hover->labels, LodeChartLabel, 0).text, ==, "2030");
  g_assert_cmpstr (g_array_index (hover->labels, LodeChartLabel, 1).text, ==, "All magnets");
  g_assert_cmpstr (g_array_index (hover->labels, LodeChartLabel, 2).text, ==, "35%");
  g_assert_cmpstr (g_array_index (hover->labels, LodeChartLabel, 9).text, ==, "Baseline");

  /* At the last year the card turns to the left of the crosshair. */
  g_assert_nonnull (right);
  g_assert_cmpint (right->year, ==, 2040);
  g_assert_cmpfloat (right->card.x + right->card.width, <, right->x);

  /* Outside the plot there is none, and the layout itself never changes. */
  g_assert_null (lode_chart_hover_new (layout, layout->plot.x - 20));
  g_assert_null (lode_chart_hover_new (layout, -1));
  after = lode_chart_layout_describe (layout);
  g_assert_cmpstr (before, ==, after);

  /* Over a stack the title tells the total. */
  stacked = lode_chart_hover_new (capacity, lode_chart_layout_x_for_year (capacity, 2030));
  g_assert_nonnull (stacked);
  g_assert_true (g_str_has_prefix (g_array_index (stacked->labels, LodeChartLabel, 0).text,
                                   "2030 · total "));
}

/* Every label stays inside the chart and no two year labels touch, small or large. */
static void
test_fits (Fixture       *f,
           gconstpointer  data)
{
  struct { double w, h, scale; } sizes[] = { { 800, 300, 1.0 }, { 1920, 1080, 1.5 },
                                               { 480, 220, 1.0 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int kind = 0; kind < LODE_N_CHARTS; kind++)
      {
        LodeChartOptions options;
        g_autoptr(LodeChartLayout) layout = NULL;
        g_autoptr(GArray) row = g_array_new (FALSE, FALSE, sizeof (double));

        if (!lode_chart_kind_has_years (kind))
          continue;
        lode_chart_options_init (&options);
        options.font_scale = sizes[s].scale;
        options.selected_year = 2030;
        layout = lode_chart_layout_new (kind, f->projection, f->baseline, sizes[s].w,
                                        sizes[s].h, &options);
        g_assert_cmpfloat (layout->font_px, ==, 13.0 * sizes[s].scale);
        for (guint i = 0; i < layout->labels->len; i++)
          {
            const LodeChartLabel *label = &g_array_index (layout->labels, LodeChartLabel, i);
            double w, h, left;

            lode_text_measure (label->text, label->size, label->flags, &w, &h);
            left = label->x - label->align * w;
            g_assert_cmpfloat (left, >=, -0.5);
            g_assert_cmpfloat (left + w, <=, sizes[s].w + 0.5);
            g_assert_cmpfloat (label->y, >=, -0.5);
            g_assert_cmpfloat (label->y + h, <=, sizes[s].h + 0.5);

            /* Year labels below the plot (and the selected year's) never touch. */
            if (label->y > layout->plot.y + layout->plot.height && label->align == 0.5)
              {
                double span[2] = { left, left + w };

                g_array_append_vals (row, span, 2);
              }
          }
        for (guint a = 0; a < row->len; a += 2)
          for (guint b = a + 2; b < row->len; b += 2)
            {
              double *ra = &g_array_index (row, double, a);
              double *rb = &g_array_index (row, double, b);

              g_assert_true (ra[1] < rb[0] || rb[1] < ra[0]);
            }
        g_assert_cmpuint (row->len, >=, 2 * 3);
      }
}

static void
test_empty (void)
{
  g_autoptr(LodeChartLayout) layout = lode_chart_layout_new (LODE_CHART_PRICE, NULL, NULL, 400,
                                                             200, NULL);
  g_autofree char *described = lode_chart_layout_describe (layout);

  g_assert_true (layout->empty);
  g_assert_cmpint (lode_chart_layout_year_at (layout, 200), ==, 0);
  g_assert_cmpuint (layout->labels->len, ==, 1);
  g_assert_nonnull (described);
  g_assert_cmpstr (described, !=, "");
}

/* One year only (base year = horizon) still lays out. */
static void
test_single_year (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2024, 0.05);

  for (int kind = 0; kind < LODE_N_CHARTS; kind++)
    {
      g_autoptr(LodeChartLayout) layout = NULL;

      if (!lode_chart_kind_has_years (kind))
        continue;
      layout = lode_chart_layout_new (kind, p, NULL, 800, 300, NULL);
      g_assert_false (layout->empty);
      g_assert_cmpint (layout->n_years, ==, 1);
      g_assert_cmpint (lode_chart_layout_year_at (layout, lode_chart_layout_x_for_year (layout,
                                                                                        2024)),
                       ==, 2024);
    }
}

/* The box a label's text covers. */
static LodeChartRect
label_box (const LodeChartLabel *label)
{
  double w = 0, h = 0;

  lode_text_measure (label->text, label->size, label->flags, &w, &h);
  return (LodeChartRect) { label->x - label->align * w, label->y, w, h };
}

static gboolean
boxes_intersect (const LodeChartRect *a,
                 const LodeChartRect *c)
{
  return a->x < c->x + c->width && c->x < a->x + a->width
         && a->y < c->y + c->height && c->y < a->y + a->height;
}

/* A short chart whose line reaches the target early (as in the window at 1280×800, or the
 * Export Ban preset): "Reached in" covers neither "Target 50%" nor a line-end label. */
static void
test_reached_label (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  const double slopes[] = { 0.25, 0.15, 0.1, 0.06, 0.03 };
  const double sizes[][2] = { { 900, 170 }, { 900, 150 }, { 600, 170 }, { 1200, 300 } };

  for (guint s = 0; s < G_N_ELEMENTS (slopes); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, slopes[s]);
        g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.02);
        g_autoptr(LodeChartLayout) layout = NULL;
        LodeChartOptions options;
        const LodeChartLabel *target = NULL, *reached = NULL;

        lode_chart_options_init (&options);
        layout = lode_chart_layout_new (LODE_CHART_CHINA_FREE, p, base, sizes[z][0],
                                        sizes[z][1], &options);
        g_assert_true (layout->has_reached);
        for (guint i = 0; i < layout->labels->len; i++)
          {
            const LodeChartLabel *label = &g_array_index (layout->labels, LodeChartLabel, i);

            if (g_str_has_prefix (label->text, "Target "))
              target = label;
            else if (g_str_has_prefix (label->text, "Reached in "))
              reached = label;
          }
        g_assert_nonnull (target);
        g_assert_nonnull (reached);
        {
          LodeChartRect t = label_box (target), r = label_box (reached);

          g_test_message ("slope %g, %gx%g: target %g,%g %gx%g; reached %g,%g %gx%g",
                          slopes[s], sizes[z][0], sizes[z][1], t.x, t.y, t.width, t.height,
                          r.x, r.y, r.width, r.height);
          g_assert_false (boxes_intersect (&t, &r));
          /* Inside the plot, clear of the labels at the lines' ends and of every other. */
          g_assert_cmpfloat (r.x, >=, layout->plot.x);
          g_assert_cmpfloat (r.x + r.width, <=, layout->plot.x + layout->plot.width + 1e-9);
          for (guint i = 0; i < layout->labels->len; i++)
            {
              const LodeChartLabel *other = &g_array_index (layout->labels, LodeChartLabel, i);
              LodeChartRect o = label_box (other);

              if (other != reached)
                g_assert_false (boxes_intersect (&o, &r));
            }
        }
      }
}

/* Every finite point of every series lies on the plot: a spike stretches the axis. Only the
 * self-sufficiency chart stops its axis (at 200 %) and clips what runs beyond it. */
static void
assert_points_inside (const LodeChartLayout *layout)
{
  const LodeChartRect *plot = &layout->plot;
  const double e = 1e-6;

  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);
      const LodeChartAxis *axis = &layout->axes[series->axis];

      for (int i = 0; i < layout->n_years; i++)
        {
          if (!isfinite (series->value[i]))
            continue;
          if (series->value[i] > axis->ticks.max + e)
            {
              g_assert_cmpint (layout->kind, ==, LODE_CHART_SELF_SUFFICIENCY);
              g_assert_cmpfloat (axis->ticks.max, >=, 200);
              continue;
            }
          g_assert_cmpfloat (series->x[i], >=, plot->x - e);
          g_assert_cmpfloat (series->x[i], <=, plot->x + plot->width + e);
          g_assert_cmpfloat (series->y[i], >=, plot->y - e);
          g_assert_cmpfloat (series->y[i], <=, plot->y + plot->height + e);
        }
    }
}

static const LodeChartSeries *
series_labelled (const LodeChartLayout *layout,
                 const char            *label)
{
  for (guint s = 0; s < layout->series->len; s++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, s);

      if (g_str_equal (series->label, label))
        return series;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
has_series (const LodeChartLayout *layout,
            const char            *label)
{
  for (guint s = 0; s < layout->series->len; s++)
    if (g_str_equal (((const LodeChartSeries *) g_ptr_array_index (layout->series, s))->label,
                     label))
      return TRUE;
  return FALSE;
}

/* Where no restriction splits the market (the Baseline), the prices inside and outside
 * China are one: the price chart draws one line and names it for both, rather than a legend
 * entry for a line hidden under the other; where they part (Controls of April 2025), two. */
static void
test_one_price (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) base_scenario = lode_scenario_load_preset (dataset, "baseline", NULL);
  g_autoptr(LodeScenario) controls = lode_scenario_load_preset (dataset, "controls-april-2025",
                                                                NULL);
  g_autoptr(LodeProjection) baseline = lode_projection_run (dataset, base_scenario, &error);
  g_autoptr(LodeProjection) parted = lode_projection_run (dataset, controls, &error);

  g_assert_no_error (error);
  for (int m = 0; m < LODE_N_MATERIALS; m++)
    {
      LodeChartOptions options;
      g_autoptr(LodeChartLayout) one = NULL;
      g_autoptr(LodeChartLayout) two = NULL;
      const LodeChartSeries *both;

      lode_chart_options_init (&options);
      options.material = (LodeMaterial) m;
      one = lode_chart_layout_new (LODE_CHART_PRICE, baseline, NULL, 800, 300, &options);
      both = series_labelled (one, "Outside and inside China");
      g_assert_false (has_series (one, "Inside China"));
      g_assert_false (has_series (one, "Outside China"));
      for (int i = 0; i < one->n_years; i++)
        {
          const LodeYear *y = lode_projection_get_year (baseline, one->first_year + i);

          g_assert_cmpfloat (both->value[i], ==, y->chain[m].price_usd_kg);
          g_assert_cmpfloat (both->value[i], ==, y->chain[m].price_china_usd_kg);
        }
      if (m == LODE_MATERIAL_NDPR)
        continue;   /* the April controls spare NdPr */
      two = lode_chart_layout_new (LODE_CHART_PRICE, parted, baseline, 800, 300, &options);
      g_assert_true (has_series (two, "Inside China"));
      g_assert_true (has_series (two, "Outside China"));
      g_assert_false (has_series (two, "Outside and inside China"));
    }
}

/* The charts of one chain follow the material: their values, titles and units are the chosen
 * material's; the price chart draws its prices outside and inside China, and the NdPr floor
 * only for NdPr. */
static void
test_materials (Fixture       *f,
                gconstpointer  data)
{
  static const LodeChartKind kinds[] = { LODE_CHART_SELF_SUFFICIENCY, LODE_CHART_CAPACITY,
                                         LODE_CHART_PRICE };
  static const char *named[LODE_N_MATERIALS] = { "NdPr", "Dy + Tb", "amarium" };
  struct { double w, h; } sizes[] = { { 800, 300 }, { 1920, 1080 }, { 480, 220 } };

  for (int m = 0; m < LODE_N_MATERIALS; m++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          LodeChartOptions options;
          g_autoptr(LodeChartLayout) layout = NULL;
          g_autofree char *described = NULL;

          lode_chart_options_init (&options);
          options.material = (LodeMaterial) m;
          options.price_floor = (LodePriceFloor) { 110, 2025, 10 };
          layout = lode_chart_layout_new (kinds[k], f->projection, f->baseline, sizes[s].w,
                                          sizes[s].h, &options);
          described = lode_chart_layout_describe (layout);
          g_assert_false (layout->empty);
          assert_points_inside (layout);
          if (m != LODE_MATERIAL_NDPR || kinds[k] != LODE_CHART_CAPACITY)
            g_assert_nonnull (strstr (described, named[m]));

          if (kinds[k] == LODE_CHART_PRICE)
            {
              const LodeChartSeries *outside = series_labelled (layout, "Outside China");
              const LodeChartSeries *inside = series_labelled (layout, "Inside China");
              const LodeChartSeries *base = series_labelled (layout, "Baseline, outside China");
              const LodeYear *y2025 = lode_projection_get_year (f->projection, 2025);

              g_assert_cmpint (outside->style, ==, LODE_CHART_SERIES_LINE);
              g_assert_cmpint (base->style, ==, LODE_CHART_SERIES_GHOST);
              g_assert_cmpfloat (outside->value[1], ==, y2025->chain[m].price_usd_kg);
              g_assert_cmpfloat (inside->value[1], ==, y2025->chain[m].price_china_usd_kg);
              /* Outside China is drawn last, over the price inside. */
              g_assert_true (g_ptr_array_index (layout->series, layout->series->len - 1)
                             == outside);
              g_assert_cmpint (layout->has_floor, ==, m == LODE_MATERIAL_NDPR);
              if (m == LODE_MATERIAL_HEAVY)
                g_assert_cmpfloat (layout->axes[0].ticks.max, >=, 3500);
            }
          else if (kinds[k] == LODE_CHART_CAPACITY)
            {
              const LodeChartSeries *top = NULL;
              double total = 0;

              for (guint i = 0; i < layout->series->len; i++)
                {
                  const LodeChartSeries *band = g_ptr_array_index (layout->series, i);

                  if (band->style == LODE_CHART_SERIES_AREA)
                    top = band;
                }
              for (guint r = 0; r < f->dataset->n_regions; r++)
                total += lode_projection_get_year (f->projection, 2030)
                           ->chain[m].capacity[LODE_STAGE_SEPARATION][r];
              if (total > 0 && top != NULL)
                {
                  double thousands = layout->axes[0].format == LODE_CHART_FORMAT_KILOTONNES
                                     ? 1000 : 1;

                  g_assert_cmpfloat_with_epsilon (top->value[6] * thousands, total,
                                                  1e-9 * total);
                  g_assert_nonnull (strstr (layout->axes[0].title,
                                            lode_material_stage_unit (m, LODE_STAGE_SEPARATION)));
                }
              else
                g_assert_true (total <= 0 && top == NULL);
            }
          else
            {
              const LodeChartSeries *line = g_ptr_array_index (layout->series, LODE_STAGE_MINE);

              g_assert_cmpfloat_with_epsilon (line->value[6],
                                              100.0 * lode_projection_get_year (f->projection,
                                                                                2030)
                                                ->chain[m].us_self_sufficiency[LODE_STAGE_MINE],
                                              1e-9);
            }
        }
}

/* The China-free chart: the joint share on top (the line the target marks), its NdPr, Dy + Tb
 * and SmCo parts dashed beneath, the baseline's joint share behind. */
static void
test_china_free_parts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = lode_chart_layout_new (LODE_CHART_CHINA_FREE,
                                                             f->projection, f->baseline, 800,
                                                             300, NULL);
  const LodeChartSeries *joint = series_labelled (layout, "All magnets");
  const LodeChartSeries *ndpr = series_labelled (layout, "NdPr in NdFeB");
  const LodeChartSeries *heavy = series_labelled (layout, "Dy + Tb in NdFeB");
  const LodeChartSeries *smco = series_labelled (layout, "SmCo magnets");
  const LodeYear *y2030 = lode_projection_get_year (f->projection, 2030);

  assert_points_inside (layout);
  g_assert_true (g_ptr_array_index (layout->series, layout->series->len - 1) == joint);
  g_assert_false (joint->dashed);
  g_assert_true (ndpr->dashed && heavy->dashed && smco->dashed);
  g_assert_cmpfloat_with_epsilon (joint->value[6], 100 * y2030->china_free_share_us_demand,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (ndpr->value[6], 100 * y2030->china_free_share_us_demand_ndpr,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (heavy->value[6],
                                  100 * y2030->china_free_share_us_demand_heavy, 1e-9);
  g_assert_cmpfloat_with_epsilon (smco->value[6], 100 * y2030->china_free_share_us_demand_smco,
                                  1e-9);
  /* The target marks the joint share: 50 % in 2033 (0.05 + 9 · 0.05), not the NdPr part. */
  g_assert_cmpint (layout->reached_year, ==, 2033);
  g_assert_cmpfloat_with_epsilon (layout->reached_y, joint->y[9], 1e-9);
}

/* Export controls on Dy + Tb from the real model: the price outside China spikes far above the
 * price inside, and every point of every chart of every material stays on its plot. */
static void
test_export_controls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) ds = lode_dataset_load_default (&error);
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeScenario) base_scenario = NULL;
  g_autoptr(LodeProjection) p = NULL;
  g_autoptr(LodeProjection) base = NULL;
  static const struct { LodeLever lever; double value; } controls[] = {
    { LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT, 60 }, { LODE_LEVER_SHOCK_START_YEAR, 2025 },
    { LODE_LEVER_SHOCK_DURATION_YEARS, 3 }, { LODE_LEVER_SHOCK_NDPR, 0 },
    { LODE_LEVER_SHOCK_HEAVY, 1 }, { LODE_LEVER_SHOCK_SM, 1 }, { LODE_LEVER_SHOCK_MAGNETS, 1 },
  };

  g_assert_no_error (error);
  scenario = lode_scenario_load_preset (ds, "baseline", &error);
  g_assert_no_error (error);
  base_scenario = lode_scenario_dup (scenario);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      lode_scenario_set_lever (scenario, controls[i].lever, controls[i].value, &error);
      g_assert_no_error (error);
    }
  for (guint r = 0; r < ds->n_regions; r++)
    lode_scenario_set_shock_target (scenario, r, r != ds->china);
  p = lode_projection_run (ds, scenario, &error);
  g_assert_no_error (error);
  base = lode_projection_run (ds, base_scenario, &error);
  g_assert_no_error (error);

  for (int m = 0; m < LODE_N_MATERIALS; m++)
    for (int kind = 0; kind < LODE_N_CHARTS; kind++)
      {
        LodeChartOptions options;
        g_autoptr(LodeChartLayout) layout = NULL;

        /* The tornado and marginal charts draw analyses, not a projection's years. */
        if (lode_chart_kind_info (kind)->flags & LODE_CHART_CATEGORIES)
          continue;
        lode_chart_options_init (&options);
        options.material = (LodeMaterial) m;
        layout = lode_chart_layout_new (kind, p, base, 1000, 360, &options);
        g_assert_false (layout->empty);
        assert_points_inside (layout);
        if (kind == LODE_CHART_PRICE && m == LODE_MATERIAL_HEAVY)
          {
            const LodeChartSeries *outside = series_labelled (layout, "Outside China");
            const LodeChartSeries *inside = series_labelled (layout, "Inside China");

            g_assert_cmpfloat (outside->value[2026 - 2024], >, 3 * inside->value[2026 - 2024]);
          }
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/lode/chart-layout/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/lode/chart-layout/kind-ids", test_kind_ids);
  ADD ("normalisation", test_normalisation);
  ADD ("baseline", test_baseline);
  ADD ("year-at", test_year_at);
  ADD ("stacked", test_stacked);
  ADD ("spend-axes", test_spend_axes);
  ADD ("fund-flows", test_fund_flows);
  ADD ("percent-axis", test_percent_axis);
  ADD ("options", test_options);
  ADD ("hover", test_hover);
  ADD ("fits", test_fits);
  g_test_add_func ("/lode/chart-layout/one-price", test_one_price);
  ADD ("materials", test_materials);
  ADD ("china-free-parts", test_china_free_parts);
  g_test_add_func ("/lode/chart-layout/export-controls", test_export_controls);
  g_test_add_func ("/lode/chart-layout/empty", test_empty);
  g_test_add_func ("/lode/chart-layout/single-year", test_single_year);
  g_test_add_func ("/lode/chart-layout/reached-label", test_reached_label);
  g_test_add_func ("/lode/chart-layout/presets-inside", test_presets_inside);

#undef ADD
  return g_test_run ();
}
