/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-theme.c — the window program starts libadwaita without GTK's own theme
 * (lode_application_skip_gtk_theme): GTK makes its settings with the empty theme, and
 * libadwaita, finding GTK_THEME unset again, still names that theme and styles the widgets
 * with its own style sheet. A process of its own: GTK starts once per process. */

#define G_LOG_DOMAIN "test-theme"

#include "config.h"

#include <adwaita.h>

#include "lode-application.h"
#include "ui-test-util.h"

static void
test_libadwaita_styles (void)
{
  g_autofree char *theme = NULL;
  GtkWidget *label = gtk_label_new ("accent");
  GdkRGBA color, accent;

  g_object_ref_sink (label);
  g_assert_null (g_getenv ("GTK_THEME"));
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, ==, "Adwaita-empty");

  /* .accent is libadwaita's: without its style sheet the label keeps the text colour. */
  gtk_widget_add_css_class (label, "accent");
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
  g_assert_true (gdk_rgba_parse (&accent, "#1c71d8"));
  g_assert_true (gdk_rgba_equal (&color, &accent));
  g_assert_finalize_object (label);
}

int
main (int    argc,
      char **argv)
{
  g_unsetenv ("GTK_THEME");
  lode_application_skip_gtk_theme ();
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");
  gtk_test_init (&argc, &argv, NULL);
  lode_application_init_libadwaita ();

  g_test_add_func ("/lode/theme/libadwaita-styles", test_libadwaita_styles);
  return g_test_run ();
}
