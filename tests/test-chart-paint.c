/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-paint"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-fixtures.h"
#include "lode-cards-paint.h"
#include "lode-chart-paint.h"
#include "render-test-util.h"

#define W 800
#define H 300

typedef struct
{
  LodeDataset     *dataset;
  LodeProjection  *projection;
  LodeProjection  *baseline;
  LodePalette      palette;
  cairo_surface_t *surface;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_charts_new (&f->dataset, &f->projection, &f->baseline);
  lode_palette_init_light (&f->palette, f->dataset);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  fixture_charts_free (f->dataset, f->projection, f->baseline);
}

static LodeChartLayout *
render (Fixture                *f,
        LodeChartKind           kind,
        const LodeChartOptions *options)
{
  LodeChartLayout *layout = lode_chart_layout_new (kind, f->projection, f->baseline, W, H,
                                                   options);
  cairo_t *cr = cairo_create (f->surface);

  lode_chart_paint (cr, layout, &f->palette);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
  if (g_getenv ("LODE_TEST_SAVE_PNG") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("test-chart-paint-%s.png",
                                               lode_chart_kind_id (kind));

      cairo_surface_write_to_png (f->surface, name);
    }
  return layout;
}

/* Some pixel within `radius` of (x, y) has `colour` (within `tolerance`, summed over r, g, b). */
static gboolean
colour_near (cairo_surface_t *surface,
             double           x,
             double           y,
             int              radius,
             LodeRgba         colour,
             double           tolerance)
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int px = (int) floor (x) + dx;
        int py = (int) floor (y) + dy;

        if (px < 0 || py < 0 || px >= W || py >= H)
          continue;
        if (distance (pixel (surface, px, py), colour) <= tolerance)
          return TRUE;
      }
  return FALSE;
}

/* Pixels inside a rectangle much darker than the white background: text. */
static guint
dark_pixels (cairo_surface_t *surface,
             int              x0,
             int              y0,
             int              x1,
             int              y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, H); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, W); x++)
      {
        LodeRgba p = pixel (surface, x, y);

        if (p.a > 0.5 && p.r + p.g + p.b < 2.0)
          n++;
      }
  return n;
}

static const LodeChartSeries *
series_of (const LodeChartLayout *layout,
           LodeChartSeriesStyle   style,
           int                    nth)
{
  for (guint i = 0; i < layout->series->len; i++)
    {
      const LodeChartSeries *series = g_ptr_array_index (layout->series, i);

      if (series->style == style && nth-- == 0)
        return series;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_china_free (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = render (f, LODE_CHART_CHINA_FREE, NULL);
  const LodeChartSeries *line = series_of (layout, LODE_CHART_SERIES_LINE, 3);
  const LodeChartSeries *ghost = series_of (layout, LODE_CHART_SERIES_GHOST, 0);

  /* The scenario line is the accent colour at its 2028 point; the baseline the ghost colour
   * (blended over white) at its own. */
  g_assert_true (colour_near (f->surface, line->x[4], line->y[4], 1, f->palette.accent, 0.12));
  g_assert_true (colour_near (f->surface, ghost->x[4], ghost->y[4], 1,
                              lode_rgba_mix (f->palette.background,
                                             lode_rgba_with_alpha (f->palette.ghost, 1),
                                             f->palette.ghost.a),
                              0.2));
  g_assert_false (colour_near (f->surface, line->x[4], line->y[4] - 30, 2, f->palette.accent,
                               0.3));
  /* The target line crosses the plot in the target colour somewhere along its dashes. */
  {
    gboolean found = FALSE;

    for (double x = layout->plot.x + 40; x < layout->plot.x + 120 && !found; x += 2)
      found = colour_near (f->surface, x, layout->target_y, 0,
                           lode_rgba_mix (f->palette.background, f->palette.target, 0.85), 0.2);
    g_assert_true (found);
  }
  /* The year it is reached is marked with a ring in the accent colour. */
  g_assert_true (layout->has_reached);
  g_assert_true (colour_near (f->surface, layout->reached_x + 5, layout->reached_y, 1,
                              f->palette.accent, 0.15));
  /* The title is drawn: dark text top left. */
  g_assert_cmpuint (dark_pixels (f->surface, 0, 0, 300, (int) layout->plot.y - 20), >, 100);
  /* The background is the palette's. */
  g_assert_cmpfloat (distance (pixel (f->surface, W - 2, H - 2), f->palette.background), <,
                     0.01);
}

static void
test_self_sufficiency (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = render (f, LODE_CHART_SELF_SUFFICIENCY, NULL);

  /* Each stage's line in its own colour. */
  for (int s = 0; s < LODE_N_STAGES; s++)
    {
      const LodeChartSeries *line = series_of (layout, LODE_CHART_SERIES_LINE, s);
      LodeRgba colour = lode_chart_colour_resolve (line->colour, &f->palette);

      g_assert_true (colour_near (f->surface, line->x[12], line->y[12], 1, colour, 0.15));
    }
  /* Stage names are labelled beside the lines' ends. */
  g_assert_cmpuint (dark_pixels (f->surface, (int) (layout->plot.x + layout->plot.width) + 20,
                                 (int) layout->plot.y, W, H), >, 80);
}

static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = render (f, LODE_CHART_CAPACITY, NULL);
  const LodeChartSeries *us = series_of (layout, LODE_CHART_SERIES_AREA, 0);
  const LodeChartSeries *china = series_of (layout, LODE_CHART_SERIES_AREA, 8);
  LodeRgba us_colour = lode_rgba_mix (f->palette.background,
                                      lode_palette_region (&f->palette, FIXTURE_US), 0.88);
  LodeRgba china_colour = lode_rgba_mix (f->palette.background,
                                         lode_palette_region (&f->palette, FIXTURE_CN), 0.88);
  int i = 10;

  /* Inside each band, away from its edges, the region's colour. */
  g_assert_true (colour_near (f->surface, us->x[i], (us->y[i] + us->y_base[i]) / 2, 0,
                              us_colour, 0.06));
  g_assert_true (colour_near (f->surface, china->x[i], (china->y[i] + china->y_base[i]) / 2, 0,
                              china_colour, 0.06));
  /* Above the stack: background. */
  g_assert_false (colour_near (f->surface, china->x[i], china->y[i] - 6, 0, china_colour, 0.3));
}

static void
test_spend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = render (f, LODE_CHART_SPEND, NULL);
  const LodeChartSeries *spend = series_of (layout, LODE_CHART_SERIES_BARS, 0);
  const LodeChartSeries *floor_cost = series_of (layout, LODE_CHART_SERIES_BARS, 1);
  int i = 3;   /* 2027: 2 bn of spend under 0.5 bn of price-floor cost */

  g_assert_true (colour_near (f->surface, spend->x[i] - layout->bar_width / 4,
                              (spend->y[i] + spend->y_base[i]) / 2, 0, f->palette.accent, 0.06));
  g_assert_true (colour_near (f->surface, floor_cost->x[i] - layout->bar_width / 4,
                              (floor_cost->y[i] + floor_cost->y_base[i]) / 2, 0,
                              lode_chart_colour_resolve (floor_cost->colour, &f->palette), 0.06));
  /* No bar in 2024 (no spending): background above the axis. */
  g_assert_true (colour_near (f->surface, spend->x[0] - layout->bar_width / 4,
                              layout->plot.y + layout->plot.height - 10, 0,
                              f->palette.background, 0.02));
  /* Both axes have tick labels: text at the left and at the right of the plot. */
  g_assert_cmpuint (dark_pixels (f->surface, 0, (int) layout->plot.y - 8, (int) layout->plot.x,
                                 (int) (layout->plot.y + layout->plot.height)), >, 30);
  g_assert_cmpuint (dark_pixels (f->surface, (int) (layout->plot.x + layout->plot.width), (int)
                                 layout->plot.y - 8, W,
                                 (int) (layout->plot.y + layout->plot.height)), >, 30);
}

static void
test_price (Fixture       *f,
            gconstpointer  data)
{
  LodeChartOptions options;
  g_autoptr(LodeChartLayout) layout = NULL;
  const LodeChartSeries *line;
  gboolean found = FALSE;

  lode_chart_options_init (&options);
  options.price_floor = (LodePriceFloor) { 110, 2025, 10 };
  layout = render (f, LODE_CHART_PRICE, &options);
  line = series_of (layout, LODE_CHART_SERIES_LINE, 1);   /* outside China, over inside */

  g_assert_true (colour_near (f->surface, line->x[8], line->y[8], 1, f->palette.accent, 0.12));
  for (double x = layout->floor_x0 + 60; x < layout->floor_x0 + 140 && !found; x += 2)
    found = colour_near (f->surface, x, layout->floor_y, 0, f->palette.warning, 0.2);
  g_assert_true (found);

  /* Dy + Tb: the spike outside China in the accent, the flat price inside China in China's
   * colour, no floor. */
  g_clear_pointer (&layout, lode_chart_layout_free);
  options.material = LODE_MATERIAL_HEAVY;
  layout = render (f, LODE_CHART_PRICE, &options);
  g_assert_false (layout->has_floor);
  line = series_of (layout, LODE_CHART_SERIES_LINE, 1);
  g_assert_true (colour_near (f->surface, line->x[1], line->y[1], 1, f->palette.accent, 0.12));
  line = series_of (layout, LODE_CHART_SERIES_LINE, 0);
  g_assert_true (colour_near (f->surface, line->x[6], line->y[6], 1,
                              lode_palette_region (&f->palette, FIXTURE_CN), 0.12));
}

/* The China-free chart's parts are dashed in their own colours: along the NdPr part both its
 * colour and gaps show. */
static void
test_china_free_parts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LodeChartLayout) layout = render (f, LODE_CHART_CHINA_FREE, NULL);
  const LodeChartSeries *ndpr = series_of (layout, LODE_CHART_SERIES_LINE, 0);
  LodeRgba colour = lode_chart_colour_resolve (ndpr->colour, &f->palette);
  guint on = 0, off = 0;

  g_assert_true (ndpr->dashed);
  for (double t = 0; t <= 1; t += 0.01)
    {
      double x = ndpr->x[10] + t * (ndpr->x[14] - ndpr->x[10]);
      double y = ndpr->y[10] + t * (ndpr->y[14] - ndpr->y[10]);

      if (colour_near (f->surface, x, y, 0, colour, 0.15))
        on++;
      else
        off++;
    }
  g_assert_cmpuint (on, >, 20);
  g_assert_cmpuint (off, >, 10);
}

static void
test_hover_and_selection (Fixture       *f,
                          gconstpointer  data)
{
  LodeChartOptions options;
  g_autoptr(LodeChartLayout) layout = NULL;
  g_autoptr(LodeChartHover) hover = NULL;
  g_autoptr(GBytes) plain = NULL;
  cairo_t *cr;

  lode_chart_options_init (&options);
  options.selected_year = 2030;
  layout = render (f, LODE_CHART_CHINA_FREE, &options);
  plain = g_bytes_new (cairo_image_surface_get_data (f->surface),
                       cairo_image_surface_get_stride (f->surface) * H);

  /* The selected year: an accent line through the plot and its pill under the axis. */
  g_assert_true (layout->has_selected);
  g_assert_true (colour_near (f->surface, layout->selected_x,
                              layout->plot.y + layout->plot.height - 6, 1,
                              lode_rgba_mix (f->palette.background, f->palette.accent, 0.8),
                              0.06));
  g_assert_true (colour_near (f->surface, layout->selected_pill.x + 3,
                              layout->selected_pill.y + layout->selected_pill.height / 2, 0,
                              f->palette.accent, 0.05));

  /* The hover card, painted over the same layout: card colour with dark text, and the
   * pixels under the card differ from the plain paint. */
  hover = lode_chart_hover_new (layout, 200);
  g_assert_nonnull (hover);
  cr = cairo_create (f->surface);
  lode_chart_paint_hover (cr, layout, hover, &f->palette);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
  g_assert_true (colour_near (f->surface, hover->card.x + hover->card.width - 4,
                              hover->card.y + hover->card.height / 2, 0, f->palette.card,
                              0.05));
  g_assert_cmpuint (dark_pixels (f->surface, (int) hover->card.x, (int) hover->card.y,
                                 (int) (hover->card.x + hover->card.width),
                                 (int) (hover->card.y + hover->card.height)), >, 40);
  {
    int stride = cairo_image_surface_get_stride (f->surface);
    int row = (int) (hover->card.y + hover->card.height / 2);
    const guint8 *before = (const guint8 *) g_bytes_get_data (plain, NULL) + row * stride;
    const guint8 *after = cairo_image_surface_get_data (f->surface) + row * stride;

    g_assert_false (memcmp (before, after, stride) == 0);
  }
}

static void
test_dark_and_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LodeChartLayout) empty = lode_chart_layout_new (LODE_CHART_PRICE, NULL, NULL, W, H,
                                                            NULL);
  g_autoptr(LodeChartLayout) layout = NULL;
  cairo_t *cr;

  lode_palette_init_dark (&f->palette, f->dataset);
  layout = render (f, LODE_CHART_CHINA_FREE, NULL);
  g_assert_cmpfloat (distance (pixel (f->surface, W - 2, H - 2), f->palette.background), <,
                     0.01);
  {
    const LodeChartSeries *line = series_of (layout, LODE_CHART_SERIES_LINE, 3);

    g_assert_true (colour_near (f->surface, line->x[4], line->y[4], 1, f->palette.accent,
                                0.12));
  }

  lode_palette_init_light (&f->palette, f->dataset);
  cr = cairo_create (f->surface);
  lode_chart_paint (cr, empty, &f->palette);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
  /* Only the message, in the middle. */
  g_assert_cmpuint (dark_pixels (f->surface, 0, 0, W, H), >, 20);
  g_assert_cmpuint (dark_pixels (f->surface, 0, 0, W, H / 3), ==, 0);
}

static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  LodeHeadlines headlines;
  cairo_t *cr = cairo_create (f->surface);

  lode_headlines_compute (f->projection, f->baseline, 0.5, &headlines);
  lode_cards_paint (cr, &headlines, 10, 10, W - 20, 100, 1.0, &f->palette);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
  if (g_getenv ("LODE_TEST_SAVE_PNG") != NULL)
    cairo_surface_write_to_png (f->surface, "test-chart-paint-cards.png");

  /* Six cards of the card colour, each with text. */
  for (int i = 0; i < LODE_N_HEADLINES; i++)
    {
      double card_w = (W - 20 - (LODE_N_HEADLINES - 1) * 12) / (double) LODE_N_HEADLINES;
      int x0 = (int) (10 + i * (card_w + 12));

      g_assert_true (colour_near (f->surface, x0 + card_w - 6, 100, 0, f->palette.card, 0.02));
      g_assert_cmpuint (dark_pixels (f->surface, x0, 10, (int) (x0 + card_w), 110), >, 100);
    }
  /* Between two cards: the background (not painted here: transparent). */
  g_assert_cmpfloat (pixel (f->surface,
                            (int) (10 + (W - 20 - (LODE_N_HEADLINES - 1) * 12)
                                        / (double) LODE_N_HEADLINES + 6), 60).a, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/lode/chart-paint/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("china-free", test_china_free);
  ADD ("self-sufficiency", test_self_sufficiency);
  ADD ("china-free-parts", test_china_free_parts);
  ADD ("capacity", test_capacity);
  ADD ("spend", test_spend);
  ADD ("price", test_price);
  ADD ("hover-and-selection", test_hover_and_selection);
  ADD ("dark-and-empty", test_dark_and_empty);
  ADD ("cards", test_cards);

#undef ADD
  return g_test_run ();
}
