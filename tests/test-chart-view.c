/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-view.c — LodeChartView: it renders its layout, a click or a key selects a year,
 * its properties keep libadwaita's contract, hover is an overlay, it is accessible. */
#define G_LOG_DOMAIN "test-chart-view"

#include "config.h"

#include <adwaita.h>

#include "chart-fixtures.h"
#include "lode-chart-paint.h"
#include "lode-chart-view.h"
#include "lode-widget-style.h"
#include "ui-test-util.h"

typedef struct
{
  LodeDataset    *dataset;
  LodeProjection *projection;
  LodeProjection *baseline;
  GtkWidget      *window;
  LodeChartView  *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_charts_new (&f->dataset, &f->projection, &f->baseline);

  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 300);
  f->view = LODE_CHART_VIEW (lode_chart_view_new ());
  g_object_ref (f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  lode_chart_view_set_projections (f->view, f->projection, f->baseline);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_finish_window (f->window);
  g_assert_finalize_object (f->view);
  fixture_charts_free (f->dataset, f->projection, f->baseline);
}

/* The widget as pixels, as its window renders it. */
static GBytes *
render_widget (GtkWidget *widget,
               int       *out_width,
               int       *out_height)
{
  g_autoptr(GdkTexture) texture = ui_test_render (widget);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *data = g_malloc (width * height * 4);

  gdk_texture_download (texture, data, width * 4);
  *out_width = width;
  *out_height = height;
  return g_bytes_new_take (data, width * height * 4);
}

static guint
count_differences (GBytes *a,
                   GBytes *b)
{
  gsize na, nb;
  const guchar *pa = g_bytes_get_data (a, &na);
  const guchar *pb = g_bytes_get_data (b, &nb);
  guint n = 0;

  g_assert_cmpuint (na, ==, nb);
  for (gsize i = 0; i < na; i += 4)
    if (memcmp (pa + i, pb + i, 4) != 0)
      n++;
  return n;
}

static void
test_renders (Fixture       *f,
              gconstpointer  data)
{
  const LodeChartLayout *layout = lode_chart_view_get_layout (f->view);
  g_autoptr(GBytes) china_free = NULL;
  g_autoptr(GBytes) capacity = NULL;
  int width, height;
  guint accent = 0;

  g_assert_nonnull (layout);
  g_assert_cmpfloat (layout->width, ==, gtk_widget_get_width (GTK_WIDGET (f->view)));
  g_assert_cmpint (layout->kind, ==, LODE_CHART_CHINA_FREE);
  /* The joint share, its three parts and the baseline's joint share. */
  g_assert_cmpuint (layout->series->len, ==, 5);

  china_free = render_widget (GTK_WIDGET (f->view), &width, &height);
  g_assert_cmpint (width, >=, 400);
  /* The scenario line's blue is on screen (B, G, R, A bytes; a blue well above red). */
  {
    const guchar *p = g_bytes_get_data (china_free, NULL);

    for (int i = 0; i < width * height; i++)
      if (p[4 * i] > 150 && p[4 * i + 2] < 90 && p[4 * i + 3] == 255)
        accent++;
    g_assert_cmpuint (accent, >, 100);
  }

  /* Changing the kind changes the layout and the pixels. */
  lode_chart_view_set_kind (f->view, LODE_CHART_CAPACITY);
  g_assert_cmpint (lode_chart_view_get_kind (f->view), ==, LODE_CHART_CAPACITY);
  layout = lode_chart_view_get_layout (f->view);
  g_assert_cmpint (layout->kind, ==, LODE_CHART_CAPACITY);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->view));
  capacity = render_widget (GTK_WIDGET (f->view), &width, &height);
  g_assert_cmpuint (count_differences (china_free, capacity), >, (guint) (width * height / 10));

  /* The same through the property. */
  g_object_set (f->view, "kind", LODE_CHART_PRICE, NULL);
  g_assert_cmpint (lode_chart_view_get_layout (f->view)->kind, ==, LODE_CHART_PRICE);
}

static void
year_activated_cb (LodeChartView *view,
                   int            year,
                   int           *out_year)
{
  *out_year = year;
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  const LodeChartLayout *layout = lode_chart_view_get_layout (f->view);
  GtkGesture *click = find_click_gesture (GTK_WIDGET (f->view));
  int activated = 0;
  double x = lode_chart_layout_x_for_year (layout, 2031);

  g_assert_nonnull (click);
  g_signal_connect (f->view, "year-activated", G_CALLBACK (year_activated_cb), &activated);

  /* A click (the gesture's "released") on 2031's column, a little off centre. */
  g_signal_emit_by_name (click, "released", 1, x + layout->dx * 0.3, layout->plot.y + 20);
  g_assert_cmpint (activated, ==, 2031);
  g_assert_cmpint (lode_chart_view_get_selected_year (f->view), ==, 2031);
  layout = lode_chart_view_get_layout (f->view);
  g_assert_true (layout->has_selected);
  g_assert_cmpfloat_with_epsilon (layout->selected_x, x, 1e-9);

  /* Outside the plot: nothing. */
  activated = 0;
  g_signal_emit_by_name (click, "released", 1, 1.0, 1.0);
  g_assert_cmpint (activated, ==, 0);
  g_assert_cmpint (lode_chart_view_get_selected_year (f->view), ==, 2031);

  /* The public activate does the same as a click. */
  lode_chart_view_activate_year (f->view, 2035);
  g_assert_cmpint (activated, ==, 2035);
  g_assert_cmpint (lode_chart_view_get_selected_year (f->view), ==, 2035);

  /* Setting the year from outside selects without activating. */
  activated = 0;
  g_object_set (f->view, "selected-year", 2026, NULL);
  g_assert_cmpint (activated, ==, 0);
  /* (Any change replaces the layout: fetch it again.) */
  layout = lode_chart_view_get_layout (f->view);
  g_assert_cmpfloat_with_epsilon (layout->selected_x, lode_chart_layout_x_for_year (layout, 2026),
                                  1e-9);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           int        *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  int notified = 0;
  double share = 0;
  int stage = -1;

  g_signal_connect (f->view, "notify::target-share", G_CALLBACK (notify_cb), &notified);
  g_object_set (f->view, "target-share", 0.3, NULL);
  g_object_set (f->view, "target-share", 0.3, NULL);   /* unchanged: no second notify */
  g_assert_cmpint (notified, ==, 1);
  g_object_get (f->view, "target-share", &share, NULL);
  g_assert_cmpfloat (share, ==, 0.3);
  /* 0.05 + 0.05 · 5 = 0.30 first in 2029. */
  g_assert_cmpint (lode_chart_view_get_layout (f->view)->reached_year, ==, 2029);

  g_object_set (f->view, "kind", LODE_CHART_CAPACITY, "capacity-stage", LODE_STAGE_MAGNET,
                NULL);
  g_object_get (f->view, "capacity-stage", &stage, NULL);
  g_assert_cmpint (stage, ==, LODE_STAGE_MAGNET);
  g_assert_cmpint (lode_chart_view_get_layout (f->view)->options.capacity_stage, ==,
                   LODE_STAGE_MAGNET);

  g_object_set (f->view, "font-scale", 1.5, NULL);
  g_assert_cmpfloat (lode_chart_view_get_layout (f->view)->font_px, ==, 13.0 * 1.5);

  lode_chart_view_set_price_floor (f->view, &(LodePriceFloor) { 110, 2025, 10 });
  lode_chart_view_set_kind (f->view, LODE_CHART_PRICE);
  g_assert_true (lode_chart_view_get_layout (f->view)->has_floor);

  /* The material switch: the price chart shows the Dy + Tb prices, the NdPr floor goes. */
  g_object_set (f->view, "material", LODE_MATERIAL_HEAVY, NULL);
  {
    const LodeChartLayout *layout = lode_chart_view_get_layout (f->view);
    const LodeChartSeries *outside = g_ptr_array_index (layout->series,
                                                        layout->series->len - 1);

    g_assert_cmpint (layout->options.material, ==, LODE_MATERIAL_HEAVY);
    g_assert_false (layout->has_floor);
    g_assert_cmpfloat (outside->value[1], ==, 3500.0);   /* 2025 */
  }
  lode_chart_view_set_material (f->view, LODE_MATERIAL_NDPR);
  g_assert_true (lode_chart_view_get_layout (f->view)->has_floor);

  /* Without projections the chart says so rather than drawing stale data. */
  lode_chart_view_set_projections (f->view, NULL, NULL);
  g_assert_true (lode_chart_view_get_layout (f->view)->empty);
  g_assert_null (lode_chart_view_get_projection (f->view));
}

/* libadwaita's contract for every property, on a fresh view. */
static void
test_property_contract (void)
{
  GtkWidget *view = g_object_ref_sink (lode_chart_view_new ());
  g_auto(GValue) kind = G_VALUE_INIT;
  g_auto(GValue) year = G_VALUE_INIT;
  g_auto(GValue) share = G_VALUE_INIT;
  g_auto(GValue) stage = G_VALUE_INIT;
  g_auto(GValue) material = G_VALUE_INIT;
  g_auto(GValue) scale = G_VALUE_INIT;

  g_value_init (&kind, G_TYPE_INT);
  g_value_set_int (&kind, LODE_CHART_PRICE);
  ui_test_check_property (view, "kind", &kind);
  g_value_init (&year, G_TYPE_INT);
  g_value_set_int (&year, 2031);
  ui_test_check_property (view, "selected-year", &year);
  g_value_init (&share, G_TYPE_DOUBLE);
  g_value_set_double (&share, 0.8);
  ui_test_check_property (view, "target-share", &share);
  g_value_init (&stage, G_TYPE_INT);
  g_value_set_int (&stage, LODE_STAGE_MAGNET);
  ui_test_check_property (view, "capacity-stage", &stage);
  g_value_init (&material, G_TYPE_INT);
  g_value_set_int (&material, LODE_MATERIAL_HEAVY);
  ui_test_check_property (view, "material", &material);
  g_value_init (&scale, G_TYPE_DOUBLE);
  g_value_set_double (&scale, 1.5);
  ui_test_check_property (view, "font-scale", &scale);
  g_assert_finalize_object (view);
}

static GtkEventController *
find_motion (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

/* The pointer over the plot shows a hover card over the same layout: moving it never
 * rebuilds the layout, and the card is on screen. */
static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  const LodeChartLayout *layout = lode_chart_view_get_layout (f->view);
  GtkEventController *motion = find_motion (GTK_WIDGET (f->view));
  const LodeChartHover *hover;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) hovered = NULL;
  int width, height;

  g_assert_nonnull (motion);
  g_assert_null (lode_chart_view_get_hover (f->view));
  plain = render_widget (GTK_WIDGET (f->view), &width, &height);

  g_signal_emit_by_name (motion, "motion", lode_chart_layout_x_for_year (layout, 2030),
                         layout->plot.y + 10);
  hover = lode_chart_view_get_hover (f->view);
  g_assert_nonnull (hover);
  g_assert_cmpint (hover->year, ==, 2030);
  g_assert_true (lode_chart_view_get_layout (f->view) == layout);

  /* Within the column, and to the next year: the same layout, a new card. */
  g_signal_emit_by_name (motion, "motion", lode_chart_layout_x_for_year (layout, 2030) + 1,
                         layout->plot.y + 10);
  g_assert_true (lode_chart_view_get_hover (f->view) == hover);
  g_signal_emit_by_name (motion, "motion", lode_chart_layout_x_for_year (layout, 2031),
                         layout->plot.y + 10);
  g_assert_cmpint (lode_chart_view_get_hover (f->view)->year, ==, 2031);
  g_assert_true (lode_chart_view_get_layout (f->view) == layout);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->view));
  hovered = render_widget (GTK_WIDGET (f->view), &width, &height);
  g_assert_cmpuint (count_differences (plain, hovered), >, 200);

  g_signal_emit_by_name (motion, "leave");
  g_assert_null (lode_chart_view_get_hover (f->view));
  g_assert_true (lode_chart_view_get_layout (f->view) == layout);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->view));
  g_clear_pointer (&hovered, g_bytes_unref);
  hovered = render_widget (GTK_WIDGET (f->view), &width, &height);
  g_assert_cmpuint (count_differences (plain, hovered), ==, 0);
}

typedef struct
{
  const LodeChartLayout *layout;
  LodePalette            palette;
} ChartPaint;

static void
paint_chart (cairo_t  *cr,
             gpointer  data)
{
  ChartPaint *chart = data;

  lode_chart_paint (cr, chart->layout, &chart->palette);
}

/* The view shows the chart rasterised into an image of its own: the very pixels of
 * lode_chart_paint () on an image of its size. */
static void
test_rasterised (Fixture       *f,
                 gconstpointer  data)
{
  ChartPaint chart = { lode_chart_view_get_layout (f->view) };

  lode_widget_style_read_view_palette (GTK_WIDGET (f->view), f->projection, &chart.palette);
  g_assert_cmpuint (ui_test_count_differences_from_paint (GTK_WIDGET (f->view), paint_chart,
                                                          &chart), ==, 0);
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/lode/chart-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("renders", test_renders);
  ADD ("click", test_click);
  ADD ("properties", test_properties);
  ADD ("accessible", test_accessible);
  ADD ("hover", test_hover);
  ADD ("rasterised", test_rasterised);
  g_test_add_func ("/lode/chart-view/property-contract", test_property_contract);

#undef ADD
  return g_test_run ();
}
