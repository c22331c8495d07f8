/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-view"

#include "config.h"

#include <adwaita.h>

#include "chart-fixtures.h"
#include "lode-chart-view.h"
#include "lode-headline-cards.h"

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
  f->dataset = fixture_dataset ();
  f->projection = fixture_projection (f->dataset, 2040, 0.05);
  f->baseline = fixture_projection (f->dataset, 2040, 0.02);

  f->window = gtk_window_new ();
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
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->view);
  lode_projection_unref (f->projection);
  lode_projection_unref (f->baseline);
  lode_dataset_unref (f->dataset);
}

/* The widget as pixels: its snapshot rendered by a private Cairo renderer. */
static GBytes *
render_widget (GtkWidget *widget,
               int       *out_width,
               int       *out_height)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *node;
  guchar *data;

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  gsk_renderer_unrealize (renderer);

  data = g_malloc (width * height * 4);
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
  g_assert_cmpuint (layout->series->len, ==, 2);

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

  /* Without projections the chart says so rather than drawing stale data. */
  lode_chart_view_set_projections (f->view, NULL, NULL);
  g_assert_true (lode_chart_view_get_layout (f->view)->empty);
  g_assert_null (lode_chart_view_get_projection (f->view));
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));
}

static void
test_headline_cards (void)
{
  g_autoptr(LodeDataset) ds = fixture_dataset ();
  g_autoptr(LodeProjection) p = fixture_projection (ds, 2040, 0.05);
  g_autoptr(LodeProjection) base = fixture_projection (ds, 2040, 0.03);
  GtkWidget *window = gtk_window_new ();
  LodeHeadlineCards *cards = LODE_HEADLINE_CARDS (lode_headline_cards_new ());
  LodeHeadlines headlines;
  GtkLabel *delta;

  g_object_ref (cards);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cards));
  gtk_window_present (GTK_WINDOW (window));

  /* Before any projection: dashes. */
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_CHINA_FREE_2030)), ==, "\342\200\224");

  lode_headlines_compute (p, base, 0.5, &headlines);
  lode_headline_cards_set_headlines (cards, &headlines);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (cards));

  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_CHINA_FREE_2030)), ==, "35%");
  g_assert_cmpstr (gtk_label_get_text (lode_headline_cards_get_value_label (cards,
                                       LODE_HEADLINE_TARGET_YEAR)), ==, "2033");
  delta = lode_headline_cards_get_delta_label (cards, LODE_HEADLINE_CHINA_FREE_2030);
  g_assert_cmpstr (gtk_label_get_text (delta), ==, "+12 pts vs baseline");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (delta), "success"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (delta)));
  for (guint i = 0; i < LODE_N_HEADLINES; i++)
    {
      GtkWidget *card = lode_headline_cards_get_card (cards, (LodeHeadline) i);

      g_assert_true (gtk_widget_has_css_class (card, "card"));
      g_assert_cmpint (gtk_widget_get_width (card), >, 0);
    }

  /* Without a baseline the differences go away. */
  lode_headlines_compute (p, NULL, 0.5, &headlines);
  lode_headline_cards_set_headlines (cards, &headlines);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (delta)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (cards);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/lode/chart-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("renders", test_renders);
  ADD ("click", test_click);
  ADD ("properties", test_properties);
  ADD ("accessible", test_accessible);
  g_test_add_func ("/lode/chart-view/headline-cards", test_headline_cards);

#undef ADD
  return g_test_run ();
}
