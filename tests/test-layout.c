/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-layout.c — the window's layout adapts: at the common screen sizes the chart gets a
 * third of the height and the headline cards fit beside it; below 1000 px the levers panel
 * folds over the content; the diagram/charts split is remembered. */

#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <adwaita.h>

#include "flow-rects.h"
#include "lode-application.h"
#include "lode-flow-layout.h"
#include "lode-flow-view.h"
#include "lode-presets.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

/* lode-window.c puts the cards beside the chart from this width of the content. */
#define CARDS_BESIDE_FROM_PX 760

static LodeWindow *
open_at (int width,
         int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LodeWindow *win;

  g_assert_true (g_settings_set_int (settings, "window-width", width));
  g_assert_true (g_settings_set_int (settings, "window-height", height));
  win = g_object_ref (lode_window_new (app));
  gtk_window_present (GTK_WINDOW (win));
  ui_test_wait_frames (GTK_WIDGET (win), 3);
  return win;
}

/* Every child of `widget` got at least the height it asked for: nothing is squeezed out. */
static void
assert_fits (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (widget), >=, minimum);
}

/* In the diagram the window shows now, no label, header, unit or bottleneck badge overlaps
 * another, and no label lies over the node of another column (the "⚠ Bottleneck" badge ran
 * into the next column's unit and Mining labels sat beside the next region's node). Returns
 * how many labels it saw. */
static guint
assert_diagram_clear (LodeWindow *win,
                      const char *what)
{
  const LodeFlowLayout *layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (win->flow_view));
  g_autoptr(GPtrArray) rects = g_ptr_array_new ();
  guint n_labels = 0;

  g_assert_nonnull (layout);
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (!node->visible || node->label.level == LODE_FLOW_LABEL_HIDDEN)
        continue;
      g_ptr_array_add (rects, (gpointer) &node->label.rect);
      n_labels++;
      for (guint o = 0; o < lode_flow_layout_get_n_nodes (layout); o++)
        {
          const LodeFlowNode *other = lode_flow_layout_get_node (layout, o);

          if (other->visible && other->column != node->column
              && rects_overlap (&node->label.rect, &other->rect))
            g_error ("%s: the label “%s” lies over a node of another column", what,
                     node->label.name);
        }
    }
  for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
    {
      const LodeFlowHeader *hd = lode_flow_layout_get_header (layout, c);

      g_ptr_array_add (rects, (gpointer) &hd->title_rect);
      g_ptr_array_add (rects, (gpointer) &hd->unit_rect);
      if (hd->bottleneck && hd->badge_rect.width > 0)
        g_ptr_array_add (rects, (gpointer) &hd->badge_rect);
    }
  for (guint a = 0; a < rects->len; a++)
    for (guint b = a + 1; b < rects->len; b++)
      if (rects_overlap (rects->pdata[a], rects->pdata[b]))
        {
          const LodeFlowRect *ra = rects->pdata[a], *rb = rects->pdata[b];

          g_error ("%s: %.1f,%.1f %.1f×%.1f overlaps %.1f,%.1f %.1f×%.1f", what, ra->x, ra->y,
                   ra->width, ra->height, rb->x, rb->y, rb->width, rb->height);
        }
  return n_labels;
}

/* At 1280 × 800 (the default), 1366 × 768 and 1920 × 1080 the chart has a third of the
 * height below the header bar or more (it had about 70 px at 1280 × 800), the cards stand
 * beside it and fit, the window is not taller than asked, and in every preset the
 * diagram's labels and badges stand clear of each other. */
static void
test_sizes (void)
{
  const int sizes[][2] = { { 1280, 800 }, { 1366, 768 }, { 1920, 1080 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      LodeWindow *win;
      int below_header, chart;

      g_settings_reset (settings, "pane-position");
      win = open_at (sizes[i][0], sizes[i][1]);
      below_header = gtk_widget_get_height (GTK_WIDGET (win->flap));
      chart = gtk_widget_get_height (win->chart_view);
      g_test_message ("%d × %d: chart %d px of %d below the header bar, diagram %d px",
                      sizes[i][0], sizes[i][1], chart, below_header,
                      gtk_widget_get_height (win->flow_view));

      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (win)), <=, sizes[i][1]);
      g_assert_cmpint (3 * chart, >=, below_header);
      g_assert_cmpint (gtk_widget_get_height (win->flow_view), >=, below_header / 3);
      g_assert_false (adw_flap_get_folded (win->flap));
      g_assert_true (adw_flap_get_reveal_flap (win->flap));
      g_assert_true (win->cards_beside);
      g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (win->cards)), ==,
                       GTK_ORIENTATION_VERTICAL);
      assert_fits (win->cards);
      assert_fits (win->chart_row);

      for (guint p = 0; p < lode_presets_get_n (); p++)
        {
          const LodePreset *preset = lode_presets_get (p);
          g_autofree char *what = g_strdup_printf ("%d × %d, %s", sizes[i][0], sizes[i][1],
                                                   preset->id);

          g_assert_true (lode_document_new_from_preset (lode_window_get_document (win),
                                                        preset->id, NULL));
          ui_test_wait_frames (GTK_WIDGET (win), 2);
          g_assert_cmpuint (assert_diagram_clear (win, what), >=, 10);
        }
      ui_test_finish_window (win);
    }
}

/* Below about 1000 px the levers panel folds: it slides over the content when shown, and
 * comes back beside it as the user left it when the window widens again. */
static void
test_fold (void)
{
  LodeWindow *win = open_at (1280, 800);
  g_autoptr(GVariant) state = NULL;

  g_assert_false (adw_flap_get_folded (win->flap));
  gtk_window_set_default_size (GTK_WINDOW (win), 900, 700);
  ui_test_wait_frames (GTK_WIDGET (win), 4);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (win)), <, 1000);
  g_assert_true (adw_flap_get_folded (win->flap));
  g_assert_false (adw_flap_get_reveal_flap (win->flap));
  /* The content has the whole width: the cards still fit beside the chart. */
  g_assert_true (win->cards_beside);
  state = g_action_group_get_action_state (G_ACTION_GROUP (win), "show-panel");
  g_assert_false (g_variant_get_boolean (state));

  /* F9 shows it over the content. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel", NULL);
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  g_assert_true (adw_flap_get_reveal_flap (win->flap));
  g_assert_true (adw_flap_get_folded (win->flap));
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel", NULL);

  /* Narrower still: the cards go above the chart, in a row. */
  gtk_window_set_default_size (GTK_WINDOW (win), 640, 700);
  ui_test_wait_frames (GTK_WIDGET (win), 4);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (win)), <, CARDS_BESIDE_FROM_PX);
  g_assert_false (win->cards_beside);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (win->cards)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  g_assert_true (gtk_widget_get_first_child (win->chart_row) == win->cards);

  /* Wide again: the panel is back beside the content, as the settings say. */
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 800);
  ui_test_wait_frames (GTK_WIDGET (win), 4);
  g_assert_false (adw_flap_get_folded (win->flap));
  g_assert_true (adw_flap_get_reveal_flap (win->flap));
  g_assert_true (win->cards_beside);
  g_assert_true (gtk_widget_get_last_child (win->chart_row) == win->cards);
  ui_test_finish_window (win);
}

/* The chart's toggle in sight, between the strip's ends. */
static gboolean
toggle_in_sight (LodeWindow *win,
                 GtkWidget  *toggle)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (toggle, win->chart_switcher_scroller, &bounds));
  return bounds.origin.x >= -0.5
         && bounds.origin.x + bounds.size.width
            <= gtk_widget_get_width (win->chart_switcher_scroller) + 0.5;
}

/* At 1280 × 800 the strip of charts is wider than its room: every chart is in the menu beside
 * it, and the one chosen (from the menu, say) scrolls into sight. */
static void
test_chart_strip (void)
{
  LodeWindow *win = open_at (1280, 800);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (win->chart_menu_button));
  GtkWidget *last = gtk_widget_get_last_child (win->chart_switcher);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;

  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, LODE_N_CHARTS);
  g_assert_true (g_menu_model_get_item_attribute (menu, LODE_N_CHARTS - 1, "action", "s",
                                                  &action));
  g_assert_cmpstr (action, ==, "win.chart");
  target = g_menu_model_get_item_attribute_value (menu, LODE_N_CHARTS - 1, "target",
                                                  G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==,
                   lode_chart_kind_id (LODE_N_CHARTS - 1));

  g_assert_cmpint (gtk_widget_get_width (win->chart_switcher), >,
                   gtk_widget_get_width (win->chart_switcher_scroller));
  g_assert_false (toggle_in_sight (win, last));
  g_action_group_activate_action (G_ACTION_GROUP (win), "chart", target);
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (last)));
  g_assert_true (toggle_in_sight (win, last));

  /* And back to the first. */
  g_action_group_change_action_state (G_ACTION_GROUP (win), "chart",
                                      g_variant_new_string (lode_chart_kind_id (0)));
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  g_assert_true (toggle_in_sight (win, gtk_widget_get_first_child (win->chart_switcher)));
  ui_test_finish_window (win);
}

/* The split between the diagram and the charts is remembered in the settings. */
static void
test_pane_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LodeWindow *win = open_at (1280, 800);

  gtk_paned_set_position (win->paned, 300);
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  gtk_window_close (GTK_WINDOW (win));
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), ==, 300);
  ui_test_finish_window (win);

  win = open_at (1280, 800);
  g_assert_cmpint (gtk_paned_get_position (win->paned), ==, 300);
  ui_test_finish_window (win);
  g_settings_reset (settings, "pane-position");
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  app = ui_test_app_new ();

  g_test_add_func ("/lode/layout/sizes", test_sizes);
  g_test_add_func ("/lode/layout/fold", test_fold);
  g_test_add_func ("/lode/layout/pane-remembered", test_pane_remembered);
  g_test_add_func ("/lode/layout/chart-strip", test_chart_strip);

  return ui_test_run_with_app (app);
}
