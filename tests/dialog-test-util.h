/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dialog-test-util.h — for the UI tests that answer the window's questions as a person does:
 * an application like the program's, and a click on a message dialog's own button.
 */
#pragma once

#include <adwaita.h>

#include "lode-application.h"

static inline void
lode_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Registered, one of many (the tests run beside each other), with no recent-files trimming:
 * GTK 4.8's recent manager leaks a GDateTime each time it trims the list by age. */
static inline LodeApplication *
lode_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  LodeApplication *app;

  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);
  app = lode_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

static inline GtkWidget *
lode_test_find_button (GtkWidget  *widget,
                       const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lode_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a click on the response button `label` ("_Discard") does; the caller holds no reference
 * on the dialog, as in the program. */
static inline void
lode_test_click (AdwMessageDialog *dialog,
                 const char       *label)
{
  GtkWidget *button;

  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  button = lode_test_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  lode_test_drain ();
}
