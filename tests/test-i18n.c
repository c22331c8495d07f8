/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c — under LANGUAGE=de the program speaks German: code strings, templates, menus. */

#define G_LOG_DOMAIN "test-i18n"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lode-application.h"
#include "lode-format.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_catalogue (void)
{
  /* Strings from C code, through the lodestone domain. */
  g_assert_cmpstr (_("_Open…"), ==, "Ö_ffnen …");
  g_assert_cmpstr (_("Save Changes?"), ==, "Änderungen speichern?");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Untitled Scenario"), ==, "Unbenanntes Szenario");

  /* Numbers: German writes a space before %, wherever a percentage is shown. */
  {
    g_autofree char *percent = lode_format_percent (69, 0);
    g_autofree char *share = lode_format_share (0.69);

    g_assert_cmpstr (percent, ==, "69 %");
    g_assert_cmpstr (share, ==, "69 %");
  }
}

static void
test_window (void)
{
  LodeWindow *win = lode_window_new (app);
  GMenuModel *menu;
  g_autofree char *label = NULL;
  g_autoptr(GMenuModel) section = NULL;

  g_object_ref (win);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));

  /* A label from the window's template. */
  g_assert_true (find_label (GTK_WIDGET (win), "_Ziel"));
  g_assert_false (find_label (GTK_WIDGET (win), "_Target"));
  /* A string the window sets from code. */
  g_assert_cmpstr (adw_window_title_get_subtitle (win->window_title), ==, "Nicht gespeichert");

  /* The primary menu from menus.ui. */
  menu = gtk_menu_button_get_menu_model (win->menu_button);
  g_assert_nonnull (menu);
  section = g_menu_model_get_item_link (menu, 0, "section");
  g_assert_nonnull (section);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, "label", "s", &label));
  g_assert_cmpstr (label, ==, "_Neues Szenario");

  ui_test_finish_window (win);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init_in_language (&argc, &argv, "de");
  app = ui_test_app_new ();

  g_test_add_func ("/lode/i18n/catalogue", test_catalogue);
  g_test_add_func ("/lode/i18n/window", test_window);

  return ui_test_run_with_app (app);
}
