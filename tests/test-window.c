/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the main window: title, actions, accelerators, menu, and a render check. */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lode-application.h"
#include "lode-chart-view.h"
#include "lode-export-dialog.h"
#include "lode-flow-view.h"
#include "lode-presets.h"
#include "lode-window-private.h"
#include "ui-test-util.h"
#include "lode-scenario-io.h"

static LodeApplication *app;
/* One window serves every test: creating and first drawing a window is by far the most
 * expensive step under the sanitizers. Each test leaves it as it found it (undo history and
 * view state aside, which the tests that look at them check relative to their own steps),
 * and the last test closes it and checks that it is freed. */
static LodeWindow *shared_win;

static LodeWindow *
open_window (void)
{
  if (shared_win == NULL)
    {
      shared_win = lode_window_new (app);
      g_object_ref (shared_win);
      gtk_window_present (GTK_WINDOW (shared_win));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (shared_win));
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shared_win)));
  return shared_win;
}

static void
test_close (void)
{
  LodeWindow *win = open_window ();

  shared_win = NULL;
  ui_test_finish_window (win);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_title (void)
{
  g_autoptr(GError) error = NULL;
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  g_autoptr(LodeScenario) preset =
    lode_scenario_load_preset (lode_application_get_dataset (app), "baseline", &error);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  /* A new window starts from the Baseline preset, unsaved and unmodified. */
  g_assert_cmpstr (lode_document_get_title (doc), ==, lode_scenario_get_title (preset));
  g_assert_false (lode_document_get_modified (doc));
  g_assert_null (lode_document_get_file (doc));
  g_assert_cmpstr (adw_window_title_get_title (win->window_title), ==,
                   lode_scenario_get_title (preset));
  g_assert_cmpstr (adw_window_title_get_subtitle (win->window_title), ==, "Unsaved");
  expected = g_strdup_printf ("%s — Lodestone", lode_scenario_get_title (preset));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, expected);
}

static void
test_actions (void)
{
  LodeWindow *win = open_window ();
  GActionGroup *group = G_ACTION_GROUP (win);
  const char *enabled[] = {
    "new", "open", "open-recent", "save", "save-as", "export", "copy-image", "presentation",
    "pin-baseline", "show-panel", "chart", "material", "show-help-overlay",
  };
  const struct { const char *action; const char *accel; } accels[] = {
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.export", "<Control>e" },
    { "win.copy-image", "<Shift><Control>c" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Shift><Control>z" },
    { "win.presentation", "F5" },
    { "win.show-panel", "F9" },
    { "app.quit", "<Control>q" },
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enabled); i++)
    {
      g_test_message ("action win.%s", enabled[i]);
      g_assert_true (g_action_group_has_action (group, enabled[i]));
      g_assert_true (g_action_group_get_action_enabled (group, enabled[i]));
    }
  /* Nothing to undo yet. */
  g_assert_true (g_action_group_has_action (group, "undo"));
  g_assert_false (g_action_group_get_action_enabled (group, "undo"));
  g_assert_false (g_action_group_get_action_enabled (group, "redo"));

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) list = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  accels[i].action);
      g_test_message ("accel %s", accels[i].action);
      g_assert_nonnull (list);
      g_assert_true (g_strv_contains ((const char * const *) list, accels[i].accel));
    }

  /* A lever change makes Undo available; undo makes Redo available. */
  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (
                                            lode_window_get_document (win)),
                                          LODE_LEVER_FUND_SIZE_BUSD, 20.0, NULL));
  g_assert_true (g_action_group_get_action_enabled (group, "undo"));
  g_action_group_activate_action (group, "undo", NULL);
  g_assert_false (g_action_group_get_action_enabled (group, "undo"));
  g_assert_true (g_action_group_get_action_enabled (group, "redo"));
}

static void
test_menu (void)
{
  LodeWindow *win = open_window ();
  GMenuModel *menu = gtk_menu_button_get_menu_model (win->menu_button);
  GString *actions = g_string_new (NULL);

  g_assert_nonnull (menu);
  g_assert_true (gtk_menu_button_get_primary (win->menu_button));

  /* Walk the sections and submenus, collecting every action name. */
  {
    GPtrArray *todo = g_ptr_array_new ();

    g_ptr_array_add (todo, menu);
    while (todo->len > 0)
      {
        GMenuModel *model = g_ptr_array_steal_index (todo, todo->len - 1);

        for (int i = 0; i < g_menu_model_get_n_items (model); i++)
          {
            g_autofree char *action = NULL;
            GMenuModel *link;

            if (g_menu_model_get_item_attribute (model, i, "action", "s", &action))
              g_string_append_printf (actions, "%s;", action);
            if ((link = g_menu_model_get_item_link (model, i, "section")) != NULL)
              {
                g_ptr_array_add (todo, link);
                g_object_unref (link);
              }
            if ((link = g_menu_model_get_item_link (model, i, "submenu")) != NULL)
              {
                g_ptr_array_add (todo, link);
                g_object_unref (link);
              }
          }
      }
    g_ptr_array_unref (todo);
  }

  /* New Scenario lists every preset of the table, in its order. */
  {
    GMenuModel *presets = G_MENU_MODEL (gtk_application_get_menu_by_id (
      GTK_APPLICATION (app), "new_section"));

    g_assert_nonnull (presets);
    g_assert_cmpint (g_menu_model_get_n_items (presets), ==, lode_presets_get_n ());
    for (guint i = 0; i < lode_presets_get_n (); i++)
      {
        g_autofree char *target = NULL;
        g_autofree char *label = NULL;

        g_assert_true (g_menu_model_get_item_attribute (presets, i, "target", "s", &target));
        g_assert_true (g_menu_model_get_item_attribute (presets, i, "label", "s", &label));
        g_assert_cmpstr (target, ==, lode_presets_get (i)->id);
        g_assert_cmpstr (label, ==, lode_preset_get_menu_label (lode_presets_get (i)));
      }
  }

  for (const char * const *a = (const char * const[]) { "win.new;", "win.open;", "win.save;",
         "win.save-as;", "win.export;", "win.copy-image;", "win.presentation;",
         "win.pin-baseline;", "win.show-help-overlay;", "app.about;", NULL }; *a; a++)
    {
      g_test_message ("menu has %s", *a);
      g_assert_nonnull (strstr (actions->str, *a));
    }
  g_string_free (actions, TRUE);
}

static void
test_chart_switcher (void)
{
  LodeWindow *win = open_window ();
  LodeScenario *scenario = lode_document_get_scenario (lode_window_get_document (win));

  g_action_group_change_action_state (G_ACTION_GROUP (win), "chart",
                                      g_variant_new_string ("capacity"));
  g_assert_cmpint (lode_chart_view_get_kind (LODE_CHART_VIEW (win->chart_view)), ==,
                   LODE_CHART_CAPACITY);
  g_assert_true (gtk_widget_get_visible (win->stage_box));
  g_assert_cmpstr (lode_scenario_get_chart (scenario), ==, "capacity");
  /* Choosing a chart is view state: not an undo step, not a modification. */
  g_assert_false (lode_document_get_modified (lode_window_get_document (win)));
  g_assert_false (lode_document_can_undo (lode_window_get_document (win)));

  gtk_drop_down_set_selected (win->stage_dropdown, LODE_STAGE_MAGNET);
  g_assert_cmpint (lode_chart_view_get_capacity_stage (LODE_CHART_VIEW (win->chart_view)), ==,
                   LODE_STAGE_MAGNET);

  g_action_group_change_action_state (G_ACTION_GROUP (win), "chart",
                                      g_variant_new_string ("price"));
  g_assert_cmpint (lode_chart_view_get_kind (LODE_CHART_VIEW (win->chart_view)), ==,
                   LODE_CHART_PRICE);
  g_assert_false (gtk_widget_get_visible (win->stage_box));
  {
    g_autofree char *view = lode_window_dup_current_view (win);
    g_assert_cmpstr (view, ==, "flow");
  }
}

/* A click on a toggle: the signal a pointer click ends in (gtk_widget_activate() waits for
 * the pressed look to time out before it clicks). */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* The toggle of the material switch that shows `label`. */
static GtkWidget *
material_toggle (LodeWindow *win,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (win->material_switcher); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_button_get_label (GTK_BUTTON (child)), label))
      return child;
  g_assert_not_reached ();
  return NULL;
}

/* The material switch, used as a planner uses it: a click on its toggle. The diagram's nodes
 * take that chain's values and units, the chain's charts follow, the scenario's view keeps
 * the choice, and nothing becomes an undo step. */
static void
test_material_switch (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  LodeScenario *scenario = lode_document_get_scenario (doc);
  LodeProjection *projection = lode_document_get_projection (doc);
  LodeFlowView *flow = LODE_FLOW_VIEW (win->flow_view);
  GtkWidget *ndpr = material_toggle (win, "NdPr");
  GtkWidget *heavy = material_toggle (win, "Dy + Tb");
  const LodeFlowLayout *layout;
  const LodeYear *year;
  guint n_toggles = 0, checked = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (win->material_switcher); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_nonnull (gtk_widget_get_tooltip_text (child));
      n_toggles++;
    }
  g_assert_cmpuint (n_toggles, ==, LODE_FLOW_N_MATERIALS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ndpr)));
  g_assert_cmpint (lode_flow_view_get_material (flow), ==, LODE_FLOW_MATERIAL_NDPR);

  click (heavy);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (heavy)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ndpr)));
  g_assert_cmpint (lode_flow_view_get_material (flow), ==, LODE_FLOW_MATERIAL_HEAVY);
  g_assert_cmpint (lode_chart_view_get_material (LODE_CHART_VIEW (win->chart_view)), ==,
                   LODE_MATERIAL_HEAVY);
  g_assert_cmpstr (lode_scenario_get_material (scenario), ==, "heavy");
  g_assert_false (lode_document_get_modified (doc));
  g_assert_false (lode_document_can_undo (doc));

  /* The diagram on screen draws the Dy + Tb chain. */
  layout = lode_flow_view_get_layout (flow);
  g_assert_nonnull (layout);
  year = lode_projection_get_year (projection, lode_flow_layout_get_shown_year (layout));
  g_assert_cmpstr (lode_flow_layout_get_header (layout, LODE_STAGE_MAGNET)->unit, ==,
                   "t Dy+Tb in magnets");
  for (guint q = 0; q < lode_flow_layout_get_n_nodes (layout); q++)
    {
      const LodeFlowNode *node = lode_flow_layout_get_node (layout, q);

      if (!node->visible || node->column >= LODE_N_STAGES)
        continue;
      g_assert_cmpfloat_with_epsilon (node->stage_value,
                                      year->chain[LODE_MATERIAL_HEAVY]
                                        .production[node->column][node->region],
                                      1e-9 * MAX (1.0, node->stage_value));
      checked++;
    }
  g_assert_cmpuint (checked, >=, LODE_N_STAGES);

  /* The joint view draws NdPr's chain; the charts show NdPr. */
  click (material_toggle (win, "Joint"));
  g_assert_cmpint (lode_flow_view_get_material (flow), ==, LODE_FLOW_MATERIAL_JOINT);
  g_assert_cmpint (lode_chart_view_get_material (LODE_CHART_VIEW (win->chart_view)), ==,
                   LODE_MATERIAL_NDPR);
  g_assert_cmpstr (lode_scenario_get_material (scenario), ==, "joint");

  /* Back to NdPr, as the other tests expect the window. */
  click (ndpr);
  g_assert_cmpint (lode_flow_view_get_material (flow), ==, LODE_FLOW_MATERIAL_NDPR);
  g_assert_cmpstr (lode_scenario_get_material (scenario), ==, "ndpr");
  g_assert_false (lode_document_get_modified (doc));
}

static void
test_presentation (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  int year;

  g_assert_true (adw_flap_get_reveal_flap (win->flap));
  g_action_group_activate_action (G_ACTION_GROUP (win), "presentation", NULL);
  g_assert_true (lode_window_get_presentation (win));
  g_assert_false (adw_flap_get_reveal_flap (win->flap));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (win->header_bar)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (win), "presentation"));
  g_assert_cmpfloat (lode_chart_view_get_font_scale (LODE_CHART_VIEW (win->chart_view)), ==, 1.5);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "show-panel"));

  /* Diagram first, then charts, then the slide. */
  {
    g_autofree char *v1 = lode_window_dup_current_view (win);
    g_autofree char *v2 = NULL;
    g_autofree char *v3 = NULL;
    g_autofree char *v4 = NULL;

    g_assert_cmpstr (v1, ==, "flow");
    g_assert_true (gtk_widget_get_visible (win->diagram_area));
    g_assert_false (gtk_widget_get_visible (win->charts_area));
    lode_window_step_present_view (win, 1);
    v2 = lode_window_dup_current_view (win);
    g_assert_true (g_str_has_prefix (v2, "chart:"));
    g_assert_false (gtk_widget_get_visible (win->diagram_area));
    lode_window_step_present_view (win, 1);
    v3 = lode_window_dup_current_view (win);
    g_assert_cmpstr (v3, ==, "slide");
    g_assert_true (gtk_widget_get_visible (win->diagram_area));
    g_assert_true (gtk_widget_get_visible (win->charts_area));
    lode_window_step_present_view (win, 1);
    v4 = lode_window_dup_current_view (win);
    g_assert_cmpstr (v4, ==, "flow");
  }

  /* Arrow keys step the year, within the projection's range. */
  lode_document_set_selected_year (doc, 2030);
  lode_window_step_year (win, 1);
  g_assert_cmpint (lode_document_get_selected_year (doc), ==, 2031);
  lode_window_step_year (win, -3);
  g_assert_cmpint (lode_document_get_selected_year (doc), ==, 2028);
  lode_window_step_year (win, -100);
  year = lode_document_get_selected_year (doc);
  g_assert_cmpint (year, ==, lode_document_get_projection (doc)->base_year);

  lode_window_set_presentation (win, FALSE);
  g_assert_false (lode_window_get_presentation (win));
  g_assert_true (adw_flap_get_reveal_flap (win->flap));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (win->header_bar)));
  g_assert_true (gtk_widget_get_visible (win->chart_bar));
  g_assert_cmpfloat (lode_chart_view_get_font_scale (LODE_CHART_VIEW (win->chart_view)), ==, 1.0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (win), "presentation"));
}

/* Renders a widget into a texture the way GTK draws it on screen. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_object_unref (paintable);
  return texture;
}

static guint32
pixel_at (const guchar *data,
          int           stride,
          int           x,
          int           y)
{
  const guchar *p = data + y * stride + x * 4;

  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static void
test_render (void)
{
  LodeWindow *win = open_window ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  graphene_rect_t header, flow, chart;
  int width, height, stride;
  guint32 background;
  guint differing = 0, total = 0;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  texture = render_widget (GTK_WIDGET (win));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = width * 4;
  data = g_malloc ((gsize) stride * (gsize) height);
  gdk_texture_download (texture, data, (gsize) stride);
  if (g_getenv ("LODE_TEST_SAVE_PNG") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("LODE_TEST_SAVE_PNG"));

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (win->header_bar), GTK_WIDGET (win),
                                            &header));
  g_assert_true (gtk_widget_compute_bounds (win->flow_view, GTK_WIDGET (win), &flow));
  g_assert_true (gtk_widget_compute_bounds (win->chart_view, GTK_WIDGET (win), &chart));
  g_assert_cmpfloat (header.size.height, >, 20);
  g_assert_cmpfloat (flow.size.width, >, 200);
  g_assert_cmpfloat (flow.size.height, >, 100);
  g_assert_cmpfloat (chart.size.height, >, 50);
  /* The diagram is above the charts. */
  g_assert_cmpfloat (flow.origin.y + flow.size.height, <=, chart.origin.y);
  g_assert_cmpfloat (header.origin.y + header.size.height, <=, flow.origin.y);

  /* The header bar is drawn in a different colour from the content below it. */
  {
    int hx = (int) (header.origin.x + header.size.width / 2) + 60;
    int hy = (int) (header.origin.y + 4);
    int cx = (int) (flow.origin.x + 2);
    int cy = (int) (flow.origin.y + 2);

    g_assert_cmpint (hx, <, width);
    g_assert_cmpint (cy, <, height);
    background = pixel_at (data, stride, cx, cy);
    g_assert_cmpuint (pixel_at (data, stride, hx, hy), !=, background);
  }

  /* The diagram paints: many pixels differ from its background, in many colours. */
  for (int y = (int) flow.origin.y; y < (int) (flow.origin.y + flow.size.height); y += 2)
    for (int x = (int) flow.origin.x; x < (int) (flow.origin.x + flow.size.width); x += 2)
      {
        guint32 p = pixel_at (data, stride, x, y);

        total++;
        if (p != background)
          {
            differing++;
            g_hash_table_add (colours, GUINT_TO_POINTER (p));
          }
      }
  g_test_message ("flow: %u of %u pixels painted, %u colours", differing, total,
                  g_hash_table_size (colours));
  g_assert_cmpuint (differing, >, total / 20);
  g_assert_cmpuint (g_hash_table_size (colours), >, 10);
}

static void
test_about (void)
{
  LodeWindow *win = open_window ();
  GList *before = gtk_window_list_toplevels ();
  GList *after;
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  after = gtk_window_list_toplevels ();
  for (GList *l = after; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data) && g_list_find (before, l->data) == NULL)
      about = l->data;
  g_list_free (before);
  g_list_free (after);

  g_assert_nonnull (about);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Lodestone");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (win));
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_shortcuts (void)
{
  LodeWindow *win = open_window ();
  GtkShortcutsWindow *overlay;

  /* Built the first time it is shown, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win)));
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win));
  g_assert_nonnull (overlay);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (win));
  gtk_window_close (GTK_WINDOW (overlay));

  /* The second time shows the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win))
                 == overlay);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
}

static void
test_copy_and_export (void)
{
  LodeWindow *win = open_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (win));
  GdkContentFormats *formats;
  GList *before;
  GList *after;
  LodeExportDialog *dialog = NULL;

  /* Ctrl+Shift+C puts the diagram on the clipboard as an image. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "copy-image", NULL);
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_clipboard_is_local (clipboard));

  /* Ctrl+E opens the export dialog for the same view. */
  before = gtk_window_list_toplevels ();
  g_action_group_activate_action (G_ACTION_GROUP (win), "export", NULL);
  after = gtk_window_list_toplevels ();
  for (GList *l = after; l != NULL; l = l->next)
    if (LODE_IS_EXPORT_DIALOG (l->data) && g_list_find (before, l->data) == NULL)
      dialog = l->data;
  g_list_free (before);
  g_list_free (after);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (win));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  app = ui_test_app_new ();

  g_test_add_func ("/lode/window/title", test_title);
  g_test_add_func ("/lode/window/actions", test_actions);
  g_test_add_func ("/lode/window/menu", test_menu);
  g_test_add_func ("/lode/window/chart-switcher", test_chart_switcher);
  g_test_add_func ("/lode/window/material-switch", test_material_switch);
  g_test_add_func ("/lode/window/presentation", test_presentation);
  g_test_add_func ("/lode/window/render", test_render);
  g_test_add_func ("/lode/window/about", test_about);
  g_test_add_func ("/lode/window/shortcuts", test_shortcuts);
  g_test_add_func ("/lode/window/copy-and-export", test_copy_and_export);
  g_test_add_func ("/lode/window/close", test_close);

  return ui_test_run_with_app (app);
}
