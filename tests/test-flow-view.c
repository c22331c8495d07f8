/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-flow-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "flow-test-util.h"
#include "lode-flow-paint.h"
#include "lode-flow-view.h"
#include "lode-palette.h"
#include "lode-widget-style.h"
#include "lode-year-control.h"
#include "ui-test-util.h"

static GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GskRenderer *renderer;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_object_unref (paintable);
  return texture;
}

static guint8 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  guint8 *data = g_malloc (width * height * 4);

  gdk_texture_download (texture, data, width * 4);
  return data;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  int   count;
  int   stage;
  guint region;
} Activated;

static void
node_activated_cb (LodeFlowView *view,
                   int           stage,
                   guint         region,
                   Activated    *a)
{
  a->count++;
  a->stage = stage;
  a->region = region;
}

typedef struct
{
  const LodeFlowLayout *layout;
  LodePalette           palette;
} FlowPaint;

static void
paint_flow (cairo_t  *cr,
            gpointer  data)
{
  FlowPaint *flow = data;

  lode_flow_paint (cr, flow->layout, &flow->palette);
}

static void
test_view (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lode_flow_view_new ();
  const LodeFlowLayout *layout;
  const LodeFlowNode *node;
  GdkTexture *before, *after;
  g_autofree guint8 *a = NULL;
  g_autofree guint8 *b = NULL;
  LodeRgba cn = lode_rgba_from_rgb (0xd55e00);
  Activated activated = { 0 };
  int width, height, changed = 0, cn_mine, column;
  guint region;
  guint8 *px;

  g_object_ref_sink (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 560);
  gtk_window_set_child (GTK_WINDOW (window), view);
  lode_flow_view_set_projection (LODE_FLOW_VIEW (view), p);
  g_assert_true (lode_flow_view_get_projection (LODE_FLOW_VIEW (view)) == p);
  lode_flow_view_set_year (LODE_FLOW_VIEW (view), 2024);
  g_assert_cmpfloat (lode_flow_view_get_year (LODE_FLOW_VIEW (view)), ==, 2024);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* The projection is shown: the layout fills the widget and the China mine node is drawn in
   * China's colour where the layout put it. */
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (view));
  g_assert_nonnull (layout);
  g_assert_cmpfloat (lode_flow_layout_get_width (layout), ==, width);
  cn_mine = lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_CN);
  node = lode_flow_layout_get_node (layout, cn_mine);
  before = render_widget (view);
  a = download (before);
  px = a + 4 * ((int) (node->rect.y + node->rect.height / 2) * width
                + (int) (node->rect.x + node->rect.width / 2));
  g_assert_cmpint (abs (px[2] - (int) (cn.r * 255)), <=, 3);
  g_assert_cmpint (abs (px[1] - (int) (cn.g * 255)), <=, 3);
  g_assert_cmpint (abs (px[0] - (int) (cn.b * 255)), <=, 3);

  /* Accessible: an image, described in words that follow the year. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_nonnull (lode_flow_view_get_description (LODE_FLOW_VIEW (view)));
  g_assert_nonnull (strstr (lode_flow_view_get_description (LODE_FLOW_VIEW (view)), "2024"));

  /* A new year repaints. */
  lode_flow_view_set_year (LODE_FLOW_VIEW (view), 2030);
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpint (lode_flow_layout_get_shown_year (lode_flow_view_get_layout (LODE_FLOW_VIEW
                                                                                (view))),
                   ==, 2030);
  after = render_widget (view);
  b = download (after);
  g_assert_cmpint (gdk_texture_get_width (after), ==, width);
  for (int i = 0; i < width * height * 4; i += 4)
    changed += memcmp (a + i, b + i, 4) != 0;
  g_test_message ("%d pixels changed", changed);
  g_assert_cmpint (changed, >, 1000);
  g_assert_nonnull (strstr (lode_flow_view_get_description (LODE_FLOW_VIEW (view)), "2030"));

  /* It shows the diagram rasterised into an image of its own (lode-raster.h): the very pixels
   * of lode_flow_paint () on an image of its size. */
  {
    FlowPaint flow = { lode_flow_view_get_layout (LODE_FLOW_VIEW (view)) };

    lode_widget_style_read_palette (view, lode_projection_get_dataset (p), &flow.palette);
    g_assert_cmpuint (ui_test_count_differences_from_paint (view, paint_flow, &flow), ==, 0);
  }

  /* Keyboard: the arrows move the selection (the key bindings run these actions), Enter
   * activates it. */
  g_signal_connect (view, "node-activated", G_CALLBACK (node_activated_cb), &activated);
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_cmpint (lode_flow_view_get_selected_node (LODE_FLOW_VIEW (view)), ==, -1);
  g_assert_true (gtk_widget_activate_action (view, "flow.move", "(ii)", 0, 1));
  g_assert_cmpint (lode_flow_view_get_selected_node (LODE_FLOW_VIEW (view)), ==, cn_mine);
  g_assert_true (gtk_widget_activate_action (view, "flow.move", "(ii)", 0, 1));
  g_assert_cmpint (lode_flow_view_get_selected_node (LODE_FLOW_VIEW (view)), !=, cn_mine);
  g_assert_true (gtk_widget_activate_action (view, "flow.move", "(ii)", 0, -1));
  g_assert_true (gtk_widget_activate_action (view, "flow.move", "(ii)", 1, 0));
  layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (view));
  node = lode_flow_layout_get_node (layout, lode_flow_view_get_selected_node (LODE_FLOW_VIEW
                                                                              (view)));
  g_assert_cmpint (node->column, ==, LODE_STAGE_SEPARATION);
  g_assert_cmpint (activated.count, ==, 0);
  g_assert_true (gtk_widget_activate_action (view, "flow.activate", NULL));
  g_assert_cmpint (activated.count, ==, 1);
  g_assert_cmpint (activated.stage, ==, LODE_STAGE_SEPARATION);
  g_assert_cmpuint (activated.region, ==, node->region);
  /* The selection survives a change of year (which replaces the layout). */
  column = node->column;
  region = node->region;
  lode_flow_view_set_year (LODE_FLOW_VIEW (view), 2031);
  layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (view));
  g_assert_cmpint (lode_flow_view_get_selected_node (LODE_FLOW_VIEW (view)), ==,
                   lode_flow_layout_node_index (layout, column, region));
  g_assert_true (gtk_widget_activate_action (view, "flow.clear", NULL));
  g_assert_cmpint (lode_flow_view_get_selected_node (LODE_FLOW_VIEW (view)), ==, -1);

  /* Presentation mode. */
  lode_flow_view_set_font_scale (LODE_FLOW_VIEW (view), 1.5);
  g_assert_cmpfloat (lode_flow_layout_get_options (lode_flow_view_get_layout
                                                   (LODE_FLOW_VIEW (view)))->font_scale, ==,
                     1.5);

  g_object_unref (before);
  g_object_unref (after);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      GtkEventController *c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (c))
        found = c;
      g_object_unref (c);
    }
  g_object_unref (controllers);
  g_assert_nonnull (found);
  return found;
}

static double
pixel_luminance (const guint8 *data,
                 int           width,
                 double        x,
                 double        y)
{
  const guint8 *px = data + 4 * ((int) y * width + (int) x);

  return (0.2126 * px[2] + 0.7152 * px[1] + 0.0722 * px[0]) / 255.0;
}

/* Hover is drawn over the layout the view already has: the pointer over a ribbon highlights
 * it and its two nodes and dims the rest, the layout is not rebuilt, and leaving restores
 * the picture exactly. */
static void
test_hover (void)
{
  g_autoptr(LodeProjection) p = syn_projection (SYN_N, FALSE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lode_flow_view_new ();
  GtkEventController *motion;
  const LodeFlowLayout *layout;
  const LodeFlowRibbon *ribbon = NULL;
  const LodeFlowNode *unconnected;
  GdkTexture *before, *hovered, *after;
  g_autofree guint8 *a = NULL;
  g_autofree guint8 *b = NULL;
  g_autofree guint8 *c = NULL;
  double rx, ry, yt, yb, ux, uy, bg;
  int width, height;

  g_object_ref_sink (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 620);
  gtk_window_set_child (GTK_WINDOW (window), view);
  lode_flow_view_set_projection (LODE_FLOW_VIEW (view), p);
  lode_flow_view_set_year (LODE_FLOW_VIEW (view), 2030);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (view));

  /* The US mine's ribbon to US separation, at its middle; Australia's mine is unconnected. */
  for (guint q = 0; q < lode_flow_layout_get_n_ribbons (layout); q++)
    {
      const LodeFlowRibbon *r = lode_flow_layout_get_ribbon (layout, q);

      if (r->kind == LODE_FLOW_RIBBON_FLOW
          && r->source == lode_flow_layout_node_index (layout, LODE_STAGE_MINE, SYN_US)
          && r->target == lode_flow_layout_node_index (layout, LODE_STAGE_SEPARATION, SYN_US))
        ribbon = r;
    }
  g_assert_nonnull (ribbon);
  lode_flow_cubic_eval (&ribbon->segments[0].top, 0.1, &rx, &yt);
  lode_flow_cubic_eval (&ribbon->segments[0].bottom, 0.1, NULL, &yb);
  ry = (yt + yb) / 2;
  g_assert_true (lode_flow_layout_get_ribbon (layout, lode_flow_layout_ribbon_at (layout, rx, ry))
                 == ribbon);
  unconnected = lode_flow_layout_get_node (layout, lode_flow_layout_node_index (layout,
                                                                                LODE_STAGE_MINE,
                                                                                SYN_AU));
  ux = unconnected->rect.x + unconnected->rect.width / 2;
  uy = unconnected->rect.y + unconnected->rect.height / 2;

  before = render_widget (view);
  a = download (before);
  bg = pixel_luminance (a, width, 2, 2);

  motion = motion_controller (view);
  g_signal_emit_by_name (motion, "motion", rx, ry);
  g_assert_true (lode_flow_view_get_layout (LODE_FLOW_VIEW (view)) == layout);
  gtk_test_widget_wait_for_draw (window);
  hovered = render_widget (view);
  b = download (hovered);
  /* The hovered ribbon holds its colour (no paler), the unconnected node fades. */
  g_assert_cmpfloat (pixel_luminance (b, width, rx, ry), <=,
                     pixel_luminance (a, width, rx, ry) + 0.01);
  g_assert_cmpfloat (fabs (pixel_luminance (b, width, ux, uy) - bg), <,
                     0.5 * fabs (pixel_luminance (a, width, ux, uy) - bg));

  g_signal_emit_by_name (motion, "leave");
  g_assert_true (lode_flow_view_get_layout (LODE_FLOW_VIEW (view)) == layout);
  gtk_test_widget_wait_for_draw (window);
  after = render_widget (view);
  c = download (after);
  g_assert_cmpint (memcmp (a, c, width * height * 4), ==, 0);

  g_object_unref (before);
  g_object_unref (hovered);
  g_object_unref (after);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_baseline_view (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lode_flow_view_new ();

  g_object_ref_sink (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  lode_flow_view_set_projection (LODE_FLOW_VIEW (view), p);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_assert_nonnull (strstr (lode_flow_view_get_description (LODE_FLOW_VIEW (view)),
                            "In 2024, China holds"));

  if (g_getenv ("LODE_FLOW_PNG_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LODE_FLOW_PNG_DIR"),
                                                "flow-view-1280x800.png", NULL);
      GdkTexture *texture = render_widget (view);

      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_object_unref (texture);
    }
  /* Dropping the projection leaves an empty, working view. */
  lode_flow_view_set_projection (LODE_FLOW_VIEW (view), NULL);
  g_assert_nonnull (lode_flow_view_get_layout (LODE_FLOW_VIEW (view)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 int        *count)
{
  (*count)++;
}

typedef struct
{
  gboolean fractional;
  int      notifications;
} PlayLog;

static void
year_seen_cb (GObject    *object,
              GParamSpec *pspec,
              PlayLog    *log)
{
  double year = lode_year_control_get_year (LODE_YEAR_CONTROL (object));

  log->notifications++;
  if (year != floor (year))
    log->fractional = TRUE;
}

static void
play_until_stopped (LodeYearControl *control)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (lode_year_control_get_playing (control) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
test_year_control (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *control = lode_year_control_new ();
  GtkWidget *view = lode_flow_view_new ();
  LodeYearControl *yc = LODE_YEAR_CONTROL (control);
  GtkSettings *settings = gtk_settings_get_default ();
  PlayLog log = { 0 };
  int notified = 0, play_notified = 0;
  gulong handler;

  g_object_ref_sink (control);
  g_object_ref_sink (view);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), control);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_object_bind_property (control, "year", view, "year", G_BINDING_SYNC_CREATE);

  lode_year_control_set_range (yc, 2024, 2030);
  g_assert_cmpint (lode_year_control_get_first (yc), ==, 2024);
  g_assert_cmpint (lode_year_control_get_last (yc), ==, 2030);
  g_signal_connect (control, "notify::year", G_CALLBACK (count_notify_cb), &notified);
  g_signal_connect (control, "notify::playing", G_CALLBACK (count_notify_cb), &play_notified);

  lode_year_control_set_year (yc, 2027);
  g_assert_cmpint (notified, ==, 1);
  lode_year_control_set_year (yc, 2027);
  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpfloat (lode_flow_view_get_year (LODE_FLOW_VIEW (view)), ==, 2027);
  lode_year_control_set_year (yc, 2099);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2030);
  lode_year_control_step (yc, -1);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2029);
  lode_year_control_step (yc, 1);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2030);
  lode_year_control_step (yc, 1);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2030);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* Play from the last year starts again at the first; it plays smoothly (fractional years)
   * and stops at the last year. */
  lode_year_control_set_range (yc, 2024, 2026);
  handler = g_signal_connect (control, "notify::year", G_CALLBACK (year_seen_cb), &log);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_object_set (control, "playing", TRUE, NULL);
  g_assert_true (lode_year_control_get_playing (yc));
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2024);
  g_assert_cmpint (play_notified, ==, 1);
  play_until_stopped (yc);
  g_assert_cmpint (play_notified, ==, 2);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2026);
  g_assert_cmpfloat (lode_flow_view_get_year (LODE_FLOW_VIEW (view)), ==, 2026);
  g_assert_true (log.fractional);

  /* Reduced motion: whole years only. */
  log = (PlayLog) { 0 };
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  lode_year_control_set_range (yc, 2024, 2026);
  lode_year_control_set_year (yc, 2025);
  log = (PlayLog) { 0 };
  lode_year_control_set_playing (yc, TRUE);
  play_until_stopped (yc);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==, 2026);
  g_assert_false (log.fractional);
  g_assert_cmpint (log.notifications, ==, 1);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);

  /* Pausing mid-way lands on a whole year. */
  lode_year_control_set_range (yc, 2024, 2040);
  lode_year_control_set_year (yc, 2024);
  lode_year_control_set_playing (yc, TRUE);
  {
    gboolean done = FALSE;

    g_timeout_add (400, timeout_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  lode_year_control_set_playing (yc, FALSE);
  g_assert_cmpfloat (lode_year_control_get_year (yc), ==,
                     floor (lode_year_control_get_year (yc)));
  g_signal_handler_disconnect (control, handler);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (control);
  g_assert_finalize_object (view);
}

/* The material switch of the widget: the nodes take the chosen chain's values, the headers its
 * units, the description its words; the property keeps libadwaita's contract. */
static void
test_material (void)
{
  g_autoptr(LodeProjection) p = baseline_projection ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = lode_flow_view_new ();
  const LodeYear *y = lode_projection_get_year (p, 2030);
  g_autoptr(GdkTexture) ndpr_pixels = NULL;
  g_autoptr(GdkTexture) heavy_pixels = NULL;
  g_autofree guint8 *a = NULL;
  g_autofree guint8 *b = NULL;
  GValue other = G_VALUE_INIT;
  const LodeFlowLayout *layout;
  int differ = 0;

  g_value_init (&other, G_TYPE_INT);
  g_value_set_int (&other, LODE_FLOW_MATERIAL_SM);
  ui_test_check_property (view, "material", &other);
  g_value_unset (&other);

  g_object_ref_sink (view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 520);
  gtk_window_set_child (GTK_WINDOW (window), view);
  lode_flow_view_set_projection (LODE_FLOW_VIEW (view), p);
  lode_flow_view_set_year (LODE_FLOW_VIEW (view), 2030);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  ndpr_pixels = render_widget (view);

  g_object_set (view, "material", LODE_FLOW_MATERIAL_HEAVY, NULL);
  g_assert_cmpint (lode_flow_view_get_material (LODE_FLOW_VIEW (view)), ==,
                   LODE_FLOW_MATERIAL_HEAVY);
  layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (view));
  g_assert_cmpstr (lode_flow_layout_get_header (layout, LODE_STAGE_SEPARATION)->unit, ==,
                   "t Dy+Tb oxide");
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (node->visible && node->column < LODE_N_STAGES)
        g_assert_cmpfloat_with_epsilon (node->stage_value,
                                        y->chain[LODE_MATERIAL_HEAVY]
                                          .production[node->column][node->region],
                                        1e-9 * MAX (1.0, node->stage_value));
    }
  g_assert_nonnull (strstr (lode_flow_view_get_description (LODE_FLOW_VIEW (view)),
                            "dysprosium and terbium"));
  gtk_test_widget_wait_for_draw (view);
  heavy_pixels = render_widget (view);
  a = download (ndpr_pixels);
  b = download (heavy_pixels);
  for (int i = 0; i < 1100 * 520 * 4 && gdk_texture_get_width (heavy_pixels) == 1100; i += 4)
    differ += a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2];
  g_assert_cmpint (differ, >, 1100 * 520 / 20);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/lode/flow-view/view", test_view);
  g_test_add_func ("/lode/flow-view/hover", test_hover);
  g_test_add_func ("/lode/flow-view/baseline", test_baseline_view);
  g_test_add_func ("/lode/flow-view/year-control", test_year_control);
  g_test_add_func ("/lode/flow-view/material", test_material);

  return g_test_run ();
}
