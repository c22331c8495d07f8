/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-quit-ui.c — quitting with unsaved changes, answered by clicking the dialog's own
 * buttons, as a person does (issue #16 item 1). The window is held by the application only,
 * as in the program: Discard used to finalise it while the dialog still pointed at it, and
 * the dialog's dispose then touched freed memory ("instance with invalid (NULL) class
 * pointer", g_signal_handlers_disconnect_matched criticals). Runs under ASan in CI.
 */
#define G_LOG_DOMAIN "test-quit-ui"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dialog-test-util.h"
#include "lode-application.h"
#include "lode-window-private.h"
#include "lode-scenario-io.h"
#include "tmp-tree.h"

static LodeApplication *app;
static char *tmpdir;

typedef struct
{
  LodeWindow *win;     /* weak: the application holds the window */
  GFile      *file;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario =
    lode_scenario_load_preset (lode_application_get_dataset (app), "baseline", &error);
  g_autofree char *path = g_build_filename (tmpdir, "plan.lodestone", NULL);

  g_assert_no_error (error);
  fx->file = g_file_new_for_path (path);
  lode_scenario_set_title (scenario, "Quit Plan");
  g_assert_true (lode_scenario_save_to_file (scenario, fx->file, NULL, &error));
  g_assert_no_error (error);

  fx->win = lode_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (fx->win), (gpointer *) &fx->win);
  gtk_window_present (GTK_WINDOW (fx->win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fx->win));
  lode_window_open_file (fx->win, fx->file);
  g_assert_null (lode_window_get_dialog (fx->win));

  /* An unsaved change. */
  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (
                                            lode_window_get_document (fx->win)),
                                          LODE_LEVER_FUND_SIZE_BUSD, 77.0, NULL));
  g_assert_true (lode_document_get_modified (lode_window_get_document (fx->win)));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  if (fx->win != NULL)
    {
      LodeWindow *win = g_object_ref (fx->win);

      win->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (win));
      lode_test_drain ();
      g_assert_finalize_object (win);
    }
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_file_delete (fx->file, NULL, NULL);
  g_object_unref (fx->file);
}

/* Quits (Ctrl+Q) and clicks `label` in the question that comes up. */
static void
quit_and_click (Fixture    *fx,
                const char *label)
{
  AdwMessageDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = lode_window_get_dialog (fx->win);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  /* The test holds no reference on the dialog or the window. */
  lode_test_click (dialog, label);
}

static double
saved_fund_size (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) saved =
    lode_scenario_load_from_file (lode_application_get_dataset (app), fx->file, NULL, &error);

  g_assert_no_error (error);
  return lode_scenario_get_lever (saved, LODE_LEVER_FUND_SIZE_BUSD);
}

static void
test_discard (Fixture       *fx,
              gconstpointer  data)
{
  quit_and_click (fx, "_Discard");
  /* The window is gone, freed, and the file is as it was. */
  g_assert_null (fx->win);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpfloat (saved_fund_size (fx), !=, 77.0);
}

/* Each window costs seconds under the sanitizers: Cancel and Save share one. */
static void
test_cancel_then_save (Fixture       *fx,
                       gconstpointer  data)
{
  quit_and_click (fx, "_Cancel");
  /* Nothing happens: the window stays, with its change, and the question is gone. */
  g_assert_nonnull (fx->win);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx->win)));
  g_assert_null (lode_window_get_dialog (fx->win));
  g_assert_true (lode_document_get_modified (lode_window_get_document (fx->win)));
  g_assert_cmpfloat (saved_fund_size (fx), !=, 77.0);

  /* Asked again, Save writes the change and closes the window. */
  quit_and_click (fx, "_Save");
  g_assert_null (fx->win);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpfloat (saved_fund_size (fx), ==, 77.0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  tmpdir = lode_tmp_tree_new ("lode-quit-ui-XXXXXX");
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = lode_test_application_new ();

#define ADD(path, func) \
  g_test_add ("/lode/quit-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("discard", test_discard);
  ADD ("cancel-then-save", test_cancel_then_save);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  lode_tmp_tree_remove (tmpdir);
  g_free (tmpdir);
  return status;
}
