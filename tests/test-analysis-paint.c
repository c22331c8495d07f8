/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analysis-paint.c — the analyses' views: the tornado and marginal charts, the bands on
 * time charts, the flow difference view and their export pages, laid out and painted into
 * image surfaces. */

#define G_LOG_DOMAIN "test-analysis-paint"

#include "config.h"

#include <string.h>

#include "analysis-test-util.h"
#include "lode-bands.h"
#include "lode-chart-hover.h"
#include "lode-chart-layout-private.h"   /* text widths, for the tornado's room */
#include "lode-chart-paint.h"
#include "lode-export.h"
#include "lode-flow-diff-paint.h"
#include "lode-marginal.h"
#include "lode-sensitivity.h"
#include "render-test-util.h"

#define W 1200
#define H 600

static void
assert_colour (LodeRgba got,
               LodeRgba want,
               double   tolerance)
{
  if (distance (got, want) > tolerance)
    g_error ("colour %.3f %.3f %.3f, expected %.3f %.3f %.3f", got.r, got.g, got.b, want.r,
             want.g, want.b);
}

static cairo_surface_t *
paint_chart (const LodeChartLayout *layout,
             const LodePalette     *palette,
             const char            *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) layout->width,
                                                         (int) layout->height);
  cairo_t *cr = cairo_create (surface);

  lode_chart_paint (cr, layout, palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (g_getenv ("LODE_TEST_SAVE_PNG") != NULL)
    cairo_surface_write_to_png (surface, name);
  return surface;
}

/* A tornado of the toy f = 1 + 3 x0 - 2 x1 + 0.5 x2 + 0 x3. */
static LodeSensitivity *
toy_tornado (void)
{
  static const double spec[][4] = {
    { 1, 0, 2, 3 }, { 1, -1, 3, -2 }, { 0.5, 0, 1, 0.5 }, { 0.5, 0, 1, 0 },
  };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0.2, G_N_ELEMENTS (spec), spec);
  LodeOutput output;

  g_assert_true (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, 2030, NULL));
  return lode_sensitivity_run (model, &output, NULL, NULL);
}

/* Rows in swing order, two bars each side of the base, the zero swing left out, the colours
 * of the input's ends where the bars are. */
static void
test_tornado (void)
{
  g_autoptr(LodeSensitivity) s = toy_tornado ();
  g_autoptr(LodeDataset) ds = lode_dataset_new_empty ();
  g_autoptr(LodeProjection) p = lode_projection_new_empty (ds, 2040);
  g_autoptr(LodeChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  LodeChartOptions options;
  LodePalette palette;

  lode_palette_init_light (&palette, NULL);
  lode_chart_options_init (&options);
  options.sensitivity = s;
  layout = lode_chart_layout_new (LODE_CHART_TORNADO, p, NULL, W, H, &options);
  g_assert_false (layout->empty);
  g_assert_true (layout->horizontal);
  g_assert_cmpint (layout->n_years, ==, 0);
  g_assert_cmpint (layout->n_rows, ==, 3);
  g_assert_cmpstr (layout->row_names[0], ==, "X1");
  g_assert_cmpstr (layout->row_names[1], ==, "X0");
  g_assert_cmpstr (layout->row_names[2], ==, "X2");
  g_assert_null (layout->row_names[3]);
  g_assert_null (layout->options.sensitivity);
  g_assert_cmpuint (layout->bars->len, ==, 6);
  g_assert_true (layout->has_base);
  g_assert_cmpint (lode_chart_layout_year_at (layout, W / 2.0), ==, 0);

  for (guint i = 0; i < layout->bars->len; i++)
    {
      const LodeChartBar *bar = &g_array_index (layout->bars, LodeChartBar, i);

      /* Every bar starts at the base, in percent of the share. */
      g_assert_cmpfloat_with_epsilon (bar->value0, 100 * s->base, 1e-9);
      g_assert_true (fabs (bar->rect.x - layout->base_x) < 0.5
                     || fabs (bar->rect.x + bar->rect.width - layout->base_x) < 0.5);
      g_assert_cmpfloat (bar->rect.x, >=, layout->plot.x - 0.5);
      g_assert_cmpfloat (bar->rect.x + bar->rect.width, <=,
                         layout->plot.x + layout->plot.width + 0.5);
    }

  surface = paint_chart (layout, &palette, "test-analysis-tornado.png");
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const LodeChartBar *bar = &g_array_index (layout->bars, LodeChartBar, i);

      assert_colour (pixel (surface, (int) (bar->rect.x + bar->rect.width / 2),
                            (int) (bar->rect.y + bar->rect.height / 2)),
                     lode_chart_colour_resolve (bar->colour, &palette), 0.06);
    }
  cairo_surface_destroy (surface);

  description = lode_chart_layout_describe (layout);
  g_assert_nonnull (strstr (description, "X1, "));
}

/* The Baseline's tornado at 1920 × 1080: the bars' end texts stay clear of the row names and
 * inside the page, and the plot takes the width they leave (no empty column between the names
 * and the leftmost text or axis). */
static void
test_tornado_room (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeAnalysisModel) model = reference_model_new (ds, "baseline");
  g_autoptr(LodeSensitivity) s = NULL;
  g_autoptr(LodeProjection) p = lode_projection_new_empty (ds, 2040);
  g_autoptr(LodeChartLayout) layout = NULL;
  LodeChartOptions options;
  LodeOutput output;
  double names_right = 0, leftmost = G_MAXDOUBLE, rightmost = 0;
  guint n_left = 0;

  g_assert_true (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, 2030, NULL));
  s = lode_sensitivity_run (model, &output, NULL, NULL);
  lode_chart_options_init (&options);
  options.sensitivity = s;
  layout = lode_chart_layout_new (LODE_CHART_TORNADO, p, NULL, 1920, 1080, &options);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LodeChartLabel *label = &g_array_index (layout->labels, LodeChartLabel, i);
      double w = lode_chart_text_width (label->text, label->size, label->flags);

      if (label->align != 1.0)
        continue;
      if (label->colour.role == LODE_CHART_COLOUR_FOREGROUND)
        names_right = MAX (names_right, label->x);
      else
        {
          leftmost = MIN (leftmost, label->x - w);
          n_left++;
        }
    }
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LodeChartLabel *label = &g_array_index (layout->labels, LodeChartLabel, i);

      if (label->align == 0 && label->colour.role == LODE_CHART_COLOUR_MUTED
          && label->y < layout->plot.y + layout->plot.height)
        rightmost = MAX (rightmost,
                         label->x + lode_chart_text_width (label->text, label->size,
                                                           label->flags));
    }
  g_assert_cmpuint (n_left, >, 3);
  g_assert_cmpfloat (leftmost, >, names_right);
  g_assert_cmpfloat (rightmost, <=, layout->width);
  g_assert_cmpfloat (MIN (leftmost, layout->plot.x) - names_right, <, 40);
}

/* Without its analysis, a tornado says it is being made. */
static void
test_analysis_charts_empty (void)
{
  g_autoptr(LodeDataset) ds = lode_dataset_new_empty ();
  g_autoptr(LodeProjection) p = lode_projection_new_empty (ds, 2040);

  for (int kind = 0; kind < LODE_N_CHARTS; kind++)
    {
      g_autoptr(LodeChartLayout) layout = NULL;

      if (lode_chart_kind_has_years (kind))
        continue;
      layout = lode_chart_layout_new (kind, p, NULL, W, H, NULL);
      g_assert_true (layout->empty);
      g_assert_cmpuint (layout->labels->len, ==, 1);
      g_assert_nonnull (strstr (g_array_index (layout->labels, LodeChartLabel, 0).text,
                                "Working out"));
    }
}

/* Five uses, the best one bold and named the bottleneck. */
static void
test_marginal (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "allied-partnership");
  g_autoptr(LodeProjection) p = NULL;
  g_autoptr(LodeAnalysisModel) model = NULL;
  g_autoptr(LodeMarginal) m = NULL;
  g_autoptr(LodeChartLayout) layout = NULL;
  cairo_surface_t *surface;
  LodeChartOptions options;
  LodePalette palette;
  int best;
  gboolean found_bold = FALSE;

  lode_scenario_set_horizon (sc, LODE_DEFAULT_HORIZON, NULL);
  model = lode_analysis_model_new (ds, sc);
  m = lode_marginal_run (model, 0.5, NULL, NULL);
  p = run (ds, sc);
  lode_palette_init_light (&palette, ds);
  lode_chart_options_init (&options);
  options.marginal = m;
  options.selected_year = 2034;
  best = lode_marginal_best (m, 2034);
  g_assert_cmpint (best, >=, 0);

  layout = lode_chart_layout_new (LODE_CHART_MARGINAL, p, NULL, W, H, &options);
  g_assert_cmpint (layout->n_rows, ==, LODE_N_FUND_KINDS);
  g_assert_false (layout->has_base);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LodeChartLabel *label = &g_array_index (layout->labels, LodeChartLabel, i);

      if (label->flags & LODE_TEXT_BOLD && label->align == 1.0)
        {
          g_assert_cmpstr (label->text, ==, lode_fund_kind_name (best));
          found_bold = TRUE;
        }
    }
  g_assert_true (found_bold);

  surface = paint_chart (layout, &palette, "test-analysis-marginal.png");
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const LodeChartBar *bar = &g_array_index (layout->bars, LodeChartBar, i);

      g_assert_cmpfloat_with_epsilon (bar->value1, lode_marginal_t_per_busd (m, bar->row, 2034),
                                      1e-9);
      if (bar->rect.width > 4)
        assert_colour (pixel (surface, (int) (bar->rect.x + bar->rect.width / 2),
                              (int) (bar->rect.y + bar->rect.height / 2)),
                       lode_palette_fund_share ((guint) bar->row), 0.06);
    }
  cairo_surface_destroy (surface);

  /* A chart too short for every use (the fund advisor's, in the levers panel) keeps the
   * best ones, the bottleneck among them, and says so under the axis on a line of its own. */
  {
    g_autoptr(LodeChartLayout) small = NULL;
    gboolean best_kept = FALSE, noted = FALSE;
    double title_y = 0, note_y = 0;

    for (int height = H; height > 100 && (small == NULL || small->n_rows > 2); height -= 10)
      {
        g_clear_pointer (&small, lode_chart_layout_free);
        small = lode_chart_layout_new (LODE_CHART_MARGINAL, p, NULL, 340, height, &options);
      }
    g_assert_cmpint (small->n_rows, <, LODE_N_FUND_KINDS);
    for (int r = 0; r < small->n_rows; r++)
      best_kept |= g_str_equal (small->row_names[r], lode_fund_kind_name (best));
    g_assert_true (best_kept);
    for (guint i = 0; i < small->labels->len; i++)
      {
        const LodeChartLabel *label = &g_array_index (small->labels, LodeChartLabel, i);

        if (g_str_has_prefix (label->text, "Largest "))
          {
            noted = TRUE;
            note_y = label->y;
          }
        /* The axis title, too wide for 340 px: in two lines, each whole and inside the
         * chart, broken after the comma between the quantity and its unit. */
        if (g_str_has_prefix (label->text, "China-free magnets reaching"))
          {
            const LodeChartLabel *next = &g_array_index (small->labels, LodeChartLabel, i + 1);
            g_autofree char *joined = g_strconcat (label->text, " ", next->text, NULL);

            g_assert_cmpuint (i + 1, <, small->labels->len);
            g_assert_cmpstr (joined, ==, small->axes[0].title);
            g_assert_true (g_str_has_suffix (label->text, ","));
            g_assert_cmpfloat (next->y, >, label->y);
            for (const LodeChartLabel *line = label; line <= next; line++)
              {
                double width = lode_chart_text_width (line->text, line->size, line->flags);

                g_assert_cmpfloat (line->x, >=, 0);
                g_assert_cmpfloat (line->x + width, <=, 340);
              }
            title_y = next->y;
          }
      }
    g_assert_true (noted);
    g_assert_cmpfloat (title_y, >, 0);
    g_assert_cmpfloat (note_y, >, title_y);
  }
}

/* Bands around the China-free line: P10 under P90, one legend entry, the range in the hover
 * card; none without bands. */
static void
test_bands_on_time_charts (void)
{
  static const double spec[][4] = { { 0.3, 0.1, 0.5, 1 } };
  g_autoptr(LodeAnalysisModel) model = toy_model_new (0, 1, spec);
  g_autoptr(LodeBands) bands = lode_bands_run (model, 200, 5, LODE_MATERIAL_NDPR, NULL, NULL);
  g_autoptr(LodeProjection) p = lode_projection_new_empty (lode_analysis_model_get_dataset (model),
                                                           2035);
  LodeChartOptions options;
  LodePalette palette;

  lode_palette_init_light (&palette, NULL);
  for (int y = 0; y < p->n_years; y++)
    p->years[y].china_free_share_us_demand = 0.3;
  lode_chart_options_init (&options);
  for (int with = 0; with <= 1; with++)
    {
      g_autoptr(LodeChartLayout) layout = NULL;
      g_autoptr(LodeChartHover) hover = NULL;
      const LodeChartSeries *band = NULL, *median = NULL;
      const LodeChartLabel *band_key = NULL, *median_key = NULL;
      gboolean legend = FALSE, in_card = FALSE;

      options.bands = with ? bands : NULL;
      layout = lode_chart_layout_new (LODE_CHART_CHINA_FREE, p, NULL, W, H, &options);
      for (guint i = 0; i < layout->series->len; i++)
        {
          const LodeChartSeries *series = g_ptr_array_index (layout->series, i);

          if (series->style == LODE_CHART_SERIES_BAND)
            band = series;
          if (series->style == LODE_CHART_SERIES_MEDIAN)
            median = series;
        }
      for (guint i = 0; i < layout->labels->len; i++)
        {
          const LodeChartLabel *label = &g_array_index (layout->labels, LodeChartLabel, i);

          if (g_str_has_prefix (label->text, "P10–P90 of 200 runs"))
            {
              legend = TRUE;
              band_key = label;
            }
          if (g_str_equal (label->text, "Median"))
            median_key = label;
        }
      g_assert_cmpint (band != NULL, ==, with);
      g_assert_cmpint (median != NULL, ==, with);
      g_assert_cmpint (legend, ==, with);
      if (!with)
        continue;
      for (int y = 0; y < layout->n_years; y++)
        {
          g_assert_cmpfloat (band->value_base[y], <=, median->value[y]);
          g_assert_cmpfloat (median->value[y], <=, band->value[y]);
          g_assert_cmpfloat (band->y_base[y], >=, band->y[y]);   /* P10 lower on screen */
        }
      /* The keys look like what they name: the band's tint, the median's dashes. */
      g_assert_nonnull (band_key);
      g_assert_nonnull (median_key);
      g_assert_true (band_key->swatch_block && band_key->swatch_light);
      g_assert_true (!median_key->swatch_block && median_key->swatch_dashed);
      g_assert_false (band_key->swatch_dashed || median_key->swatch_light);
      {
        LodeRgba colour = lode_chart_colour_resolve (band->colour, &palette);
        cairo_surface_t *surface = paint_chart (layout, &palette, "test-analysis-bands.png");
        LodeRgba key = pixel (surface, (int) (band_key->swatch_x + band_key->swatch_width / 2),
                              (int) band_key->swatch_y);

        g_assert_cmpfloat (distance (key, lode_rgba_mix (palette.background, colour, 0.2)), <,
                           0.1);
        g_assert_cmpfloat (distance (key, colour), >, 0.5);
        cairo_surface_destroy (surface);
      }
      hover = lode_chart_hover_new (layout, lode_chart_layout_x_for_year (layout, 2030));
      for (guint i = 0; i < hover->labels->len; i++)
        in_card |= strstr (g_array_index (hover->labels, LodeChartLabel, i).text, " – ") != NULL;
      g_assert_true (in_card);
    }
}

static LodeFlowDiffLayout *
diff_layout (LodeDataset *ds,
             const char  *preset,
             const char  *base_preset)
{
  g_autoptr(LodeScenario) sc = load_preset (ds, preset);
  g_autoptr(LodeScenario) base = load_preset (ds, base_preset);
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(LodeProjection) b = run (ds, base);

  return lode_flow_diff_layout_new (p, b, 2035, W, H, NULL);
}

static cairo_surface_t *
paint_diff (const LodeFlowDiffLayout *layout,
            const LodePalette        *palette,
            const char               *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  lode_flow_diff_paint (cr, layout, palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (g_getenv ("LODE_TEST_SAVE_PNG") != NULL)
    cairo_surface_write_to_png (surface, name);
  return surface;
}

/* The widest flow ribbon's middle, in the diagram's own coordinates. */
static void
widest_flow (const LodeFlowDiffLayout *layout,
             guint                    *out_index,
             double                   *out_x,
             double                   *out_y)
{
  double widest = 0;

  for (guint q = 0; q < layout->n_ribbons; q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout->flow, q);

      if (r->kind == LODE_FLOW_RIBBON_FLOW && r->width > widest && r->n_segments > 0)
        {
          widest = r->width;
          *out_index = q;
          lode_flow_cubic_eval (&r->segments[0].top, 0.5, out_x, out_y);
          *out_y += r->width / 2;
        }
    }
  g_assert_cmpfloat (widest, >, 6);
}

/* A scenario against itself: every ribbon grey, the note says nothing changed. */
static void
test_flow_diff_neutral (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeFlowDiffLayout) layout = diff_layout (ds, "mine-to-magnet", "mine-to-magnet");
  cairo_surface_t *surface;
  LodePalette palette;
  gboolean note = FALSE;
  guint q = 0;
  double x = 0, y = 0;

  lode_palette_init_light (&palette, ds);
  g_assert_true (lode_flow_diff_is_neutral (layout->diff));
  for (guint i = 0; i < layout->n_ribbons; i++)
    g_assert_cmpfloat (layout->ribbon_delta[i], ==, 0);
  for (guint i = 0; i < layout->texts->len; i++)
    note |= g_str_has_prefix (g_array_index (layout->texts, LodeFlowDiffText, i).text,
                              "No change");
  g_assert_true (note);

  surface = paint_diff (layout, &palette, "test-analysis-flow-diff-neutral.png");
  widest_flow (layout, &q, &x, &y);
  {
    LodeRgba got = pixel (surface, (int) (x + layout->flow_area.x),
                          (int) (y + layout->flow_area.y));

    /* Grey: no channel stands out. */
    g_assert_cmpfloat (fabs (got.r - got.b), <, 0.04);
    g_assert_cmpfloat (fabs (got.g - got.b), <, 0.04);
  }
  cairo_surface_destroy (surface);
}

/* A plan against the Baseline: the flows that gained are blue, the key spans the largest. */
static void
test_flow_diff_changes (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeFlowDiffLayout) layout = diff_layout (ds, "mine-to-magnet", "baseline");
  cairo_surface_t *surface;
  LodePalette palette;
  double largest = 0;
  guint gainer = 0;

  lode_palette_init_light (&palette, ds);
  g_assert_false (lode_flow_diff_is_neutral (layout->diff));
  g_assert_cmpfloat (layout->max_abs_delta, >, 0);
  g_assert_cmpfloat (layout->key.width, >, 0);
  for (guint q = 0; q < layout->n_ribbons; q++)
    if (layout->ribbon_delta[q] > largest
        && lode_flow_layout_get_ribbon (layout->flow, q)->width > 6)
      {
        largest = layout->ribbon_delta[q];
        gainer = q;
      }
  g_assert_cmpfloat (largest, >, 0);
  g_assert_nonnull (strstr (layout->description, "China-free magnets reaching US use +"));

  surface = paint_diff (layout, &palette, "test-analysis-flow-diff.png");
  {
    const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout->flow, gainer);
    double x, y;
    LodeRgba got;

    lode_flow_cubic_eval (&r->segments[0].top, 0.5, &x, &y);
    got = pixel (surface, (int) x, (int) (y + r->width / 2));
    /* Blue dominates a gain. */
    g_assert_cmpfloat (got.b, >, got.r + 0.1);
  }
  cairo_surface_destroy (surface);
}

/* The export names the view and carries the analyses' assumptions in its footer. */
static void
test_export (void)
{
  g_autoptr(LodeDataset) ds = load_dataset ();
  g_autoptr(LodeScenario) sc = load_preset (ds, "baseline");
  g_autoptr(LodeProjection) p = run (ds, sc);
  g_autoptr(LodeSensitivity) s = toy_tornado ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *tornado = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *id = NULL;
  LodeExportRequest req;
  LodeExportView view;
  LodeChartKind chart;

  g_assert_true (lode_export_parse_view ("flow-diff", &view, &chart, &error));
  g_assert_cmpint (view, ==, LODE_EXPORT_VIEW_FLOW_DIFF);
  id = lode_export_view_to_id (view, chart);
  g_assert_cmpstr (id, ==, "flow-diff");
  g_assert_true (lode_export_parse_view ("chart:tornado", &view, &chart, &error));
  g_assert_cmpint (chart, ==, LODE_CHART_TORNADO);

  lode_export_request_init (&req, p, p, "Test");
  none = lode_export_dup_assumptions (&req);
  g_assert_null (none);
  req.view = LODE_EXPORT_VIEW_CHART;
  req.chart = LODE_CHART_TORNADO;
  req.sensitivity = s;
  tornado = lode_export_dup_assumptions (&req);
  g_assert_nonnull (strstr (tornado, "4 estimates over"));
  png = lode_export_to_bytes (&req, LODE_EXPORT_FORMAT_PNG, 960, 540, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);

  req.view = LODE_EXPORT_VIEW_FLOW_DIFF;
  diff = lode_export_dup_assumptions (&req);
  g_assert_nonnull (strstr (diff, "China-free tonnes"));
  g_clear_pointer (&png, g_bytes_unref);
  png = lode_export_to_bytes (&req, LODE_EXPORT_FORMAT_SVG, 960, 540, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (png, NULL), g_bytes_get_size (png), "<svg"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/analysis-paint/tornado", test_tornado);
  g_test_add_func ("/lode/analysis-paint/tornado-room", test_tornado_room);
  g_test_add_func ("/lode/analysis-paint/empty", test_analysis_charts_empty);
  g_test_add_func ("/lode/analysis-paint/marginal", test_marginal);
  g_test_add_func ("/lode/analysis-paint/bands", test_bands_on_time_charts);
  g_test_add_func ("/lode/analysis-paint/flow-diff-neutral", test_flow_diff_neutral);
  g_test_add_func ("/lode/analysis-paint/flow-diff-changes", test_flow_diff_changes);
  g_test_add_func ("/lode/analysis-paint/export", test_export);

  return g_test_run ();
}
