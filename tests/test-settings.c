/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settings.c — window size, maximised state, panel, chart and target through GSettings. */

#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include <adwaita.h>

#include "lode-application.h"
#include "lode-chart-view.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

static void
test_restore (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) state = NULL;
  LodeWindow *win;
  int width = 0, height = 0;

  g_assert_true (g_settings_set_int (settings, "window-width", 900));
  g_assert_true (g_settings_set_int (settings, "window-height", 640));
  g_assert_true (g_settings_set_boolean (settings, "window-maximized", FALSE));
  g_assert_true (g_settings_set_boolean (settings, "panel-visible", FALSE));
  g_assert_true (g_settings_set_string (settings, "last-chart", "price"));
  g_assert_true (g_settings_set_double (settings, "target-share", 0.7));

  win = g_object_ref (lode_window_new (app));
  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (win)));
  g_assert_false (adw_flap_get_reveal_flap (win->flap));
  state = g_action_group_get_action_state (G_ACTION_GROUP (win), "show-panel");
  g_assert_false (g_variant_get_boolean (state));
  g_assert_cmpint (lode_chart_view_get_kind (LODE_CHART_VIEW (win->chart_view)), ==,
                   LODE_CHART_PRICE);
  g_assert_cmpfloat_with_epsilon (lode_document_get_target_share (lode_window_get_document (win)),
                                  0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (win->target_adjustment), 70.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (
    lode_chart_view_get_target_share (LODE_CHART_VIEW (win->chart_view)), 0.7, 1e-12);
  /* Showing the chart from the settings is view state, not a modification. */
  g_assert_false (lode_document_get_modified (lode_window_get_document (win)));

  ui_test_finish_window (win);
}

static void
test_save (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LodeWindow *win;

  g_assert_true (g_settings_set_int (settings, "window-width", 1000));
  g_assert_true (g_settings_set_int (settings, "window-height", 700));
  g_assert_true (g_settings_set_boolean (settings, "panel-visible", TRUE));
  g_assert_true (g_settings_set_string (settings, "last-chart", "china-free"));

  win = g_object_ref (lode_window_new (app));
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  g_assert_true (adw_flap_get_reveal_flap (win->flap));

  /* The user hides the panel (F9), picks a chart, moves the target, resizes the window. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel", NULL);
  g_assert_false (adw_flap_get_reveal_flap (win->flap));
  g_assert_false (g_settings_get_boolean (settings, "panel-visible"));
  g_action_group_change_action_state (G_ACTION_GROUP (win), "chart",
                                      g_variant_new_string ("spend"));
  gtk_adjustment_set_value (win->target_adjustment, 80.0);
  gtk_window_set_default_size (GTK_WINDOW (win), 1100, 720);

  /* Closing (unmodified: no question) saves the size. */
  gtk_window_close (GTK_WINDOW (win));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  {
    g_autofree char *chart = g_settings_get_string (settings, "last-chart");
    g_assert_cmpstr (chart, ==, "spend");
  }
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "target-share"), 0.8, 1e-12);
  g_assert_finalize_object (win);

  /* F9 again in a new window brings the panel back, and remembers it. */
  win = g_object_ref (lode_window_new (app));
  g_assert_false (adw_flap_get_reveal_flap (win->flap));
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel", NULL);
  g_assert_true (adw_flap_get_reveal_flap (win->flap));
  g_assert_true (g_settings_get_boolean (settings, "panel-visible"));
  ui_test_finish_window (win);
}

static void
test_maximized (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LodeWindow *win;

  g_assert_true (g_settings_set_boolean (settings, "window-maximized", TRUE));
  win = g_object_ref (lode_window_new (app));
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (win)));

  /* The binding works both ways. */
  g_assert_true (g_settings_set_boolean (settings, "window-maximized", FALSE));
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (win)));
  g_object_set (win, "maximized", TRUE, NULL);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_object_set (win, "maximized", FALSE, NULL);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  ui_test_finish_window (win);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  app = ui_test_app_new ();

  g_test_add_func ("/lode/settings/restore", test_restore);
  g_test_add_func ("/lode/settings/save", test_save);
  g_test_add_func ("/lode/settings/maximized", test_maximized);

  return ui_test_run_with_app (app);
}
