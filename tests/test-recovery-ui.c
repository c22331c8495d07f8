/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-recovery-ui.c — work is not lost when Lodestone dies (issue #16): a real process makes
 * edits, its autosave writes them aside, and it is killed with SIGKILL; the next start offers
 * to restore exactly those edits, saying when they were kept. It had two documents: one with
 * edits to a file, one a new scenario never saved; Restore brings the first back as unsaved
 * changes to the same file, Discard throws the second away. Both answers are clicks on the
 * dialog's own buttons.
 */
#define G_LOG_DOMAIN "test-recovery-ui"

#include "config.h"

#include <signal.h>
#include <string.h>

#include <adwaita.h>

#include "dialog-test-util.h"
#include "lode-application.h"
#include "lode-autosave.h"
#include "lode-scenario-io.h"
#include "lode-window-private.h"
#include "tmp-tree.h"

static LodeApplication *app;
static char *tmpdir;
static char *state_dir;   /* $XDG_STATE_HOME/lodestone */

#define KILLED_TITLE "Plan Before the Crash"
#define NEW_TITLE    "New Plan Never Saved"

typedef struct
{
  GFile *plan;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "plan.lodestone", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = NULL;

  scenario = lode_scenario_load_preset (lode_application_get_dataset (app), "baseline",
                                        &error);
  g_assert_no_error (error);
  lode_scenario_set_title (scenario, "Plan on Disk");
  fx->plan = g_file_new_for_path (path);
  g_assert_true (lode_scenario_save_to_file (scenario, fx->plan, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  while (windows != NULL)
    {
      LodeWindow *win = g_object_ref (windows->data);

      win->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (win));
      lode_test_drain ();
      g_assert_finalize_object (win);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  /* Closed cleanly: nothing is left to restore. */
  {
    g_autoptr(GPtrArray) left = lode_autosave_find_orphans (state_dir);
    g_autofree char *names = g_file_test (state_dir, G_FILE_TEST_IS_DIR) ?
                             lode_tmp_tree_list (state_dir) : g_strdup ("");

    g_assert_cmpuint (left->len, ==, 0);
    g_assert_cmpstr (names, ==, "");
  }
  g_file_delete (fx->plan, NULL, NULL);
  g_object_unref (fx->plan);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("the autosave was never written");
  return G_SOURCE_REMOVE;
}

/* Waits, on the main loop, for `win`'s autosave to have written. */
static void
wait_for_autosave (LodeWindow *win)
{
  guint guard = g_timeout_add_seconds (60, give_up_cb, NULL);

  while (lode_autosave_get_saved (lode_window_get_autosave (win)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

/* The process that dies: a window edits the plan; a second document, a new scenario never
 * saved, has its own autosave (as a second window would, without the cost of drawing one);
 * both are written, the second later, then the process is killed. */
static void
edit_and_die (Fixture *fx)
{
  LodeWindow *win = lode_window_new (app);
  g_autoptr(LodeDocument) unsaved = lode_document_new (lode_application_get_dataset (app));
  g_autofree char *dir = lode_autosave_default_dir ();
  g_autoptr(LodeAutosave) autosave = NULL;
  g_autoptr(GError) error = NULL;
  LodeScenario *scenario;

  gtk_window_present (GTK_WINDOW (win));
  lode_window_open_file (win, fx->plan);
  scenario = lode_document_get_scenario (lode_window_get_document (win));
  lode_autosave_set_delay (lode_window_get_autosave (win), 20);
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 33.0, NULL));
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT, 75.0, NULL));
  lode_scenario_set_title (scenario, KILLED_TITLE);
  wait_for_autosave (win);

  g_assert_true (lode_document_new_from_preset (unsaved, "baseline", &error));
  autosave = lode_autosave_new (unsaved, dir);
  lode_scenario_set_title (lode_document_get_scenario (unsaved), NEW_TITLE);
  g_assert_true (lode_autosave_save_now (autosave, &error));
  g_assert_no_error (error);

  raise (SIGKILL);
}

/* The question `win` asks, checked: about `title`, kept at the time `recovery` says. */
static void
check_question (LodeWindow   *win,
                LodeRecovery *recovery,
                const char   *title)
{
  AdwMessageDialog *dialog = lode_window_get_dialog (win);
  g_autoptr(GDateTime) local = g_date_time_to_local (recovery->saved);
  g_autofree char *when = g_date_time_format (local, "%x %X");

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), title));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), when));
}

static void
click (LodeWindow *win,
       const char *label)
{
  lode_test_click (lode_window_get_dialog (win), label);
  g_assert_null (lode_window_get_dialog (win));
}

/* The restored document holds exactly the edits, as unsaved changes to the same file. */
static void
check_restored (Fixture    *fx,
                LodeWindow *win)
{
  g_autoptr(LodeScenario) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  LodeDocument *doc = lode_window_get_document (win);
  LodeScenario *restored = lode_document_get_scenario (doc);

  on_disk = lode_scenario_load_from_file (lode_application_get_dataset (app), fx->plan, NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_true (lode_document_get_modified (doc));
  g_assert_true (g_file_equal (lode_document_get_file (doc), fx->plan));
  g_assert_cmpstr (lode_scenario_get_title (restored), ==, KILLED_TITLE);
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      double want = lode_scenario_get_lever (on_disk, (LodeLever) i);

      if (i == LODE_LEVER_FUND_SIZE_BUSD)
        want = 33.0;
      else if (i == LODE_LEVER_POLICY_TARIFF_PCT)
        want = 75.0;
      g_assert_cmpfloat (lode_scenario_get_lever (restored, (LodeLever) i), ==, want);
    }
}

static void
test_killed (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) orphans = NULL;
  GList *windows;
  LodeWindow *newest_win, *plan_win;

  if (g_test_subprocess ())
    {
      edit_and_die (fx);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* Killed, not exited. */
  g_test_trap_assert_failed ();

  /* The next start offers both, the newest in its first window. */
  orphans = lode_autosave_find_orphans (state_dir);
  g_assert_cmpuint (orphans->len, ==, 2);
  g_application_activate (G_APPLICATION (app));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  newest_win = windows->data;
  plan_win = windows->next->data;
  if (strstr (adw_message_dialog_get_body (lode_window_get_dialog (plan_win)), NEW_TITLE))
    {
      newest_win = windows->next->data;
      plan_win = windows->data;
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (plan_win));
  check_question (newest_win, g_ptr_array_index (orphans, 0), NEW_TITLE);
  check_question (plan_win, g_ptr_array_index (orphans, 1), KILLED_TITLE);

  /* Discard: the new scenario's changes are gone for good. */
  click (newest_win, "_Discard");
  g_assert_false (lode_document_get_modified (lode_window_get_document (newest_win)));
  g_assert_cmpstr (lode_document_get_title (lode_window_get_document (newest_win)), !=,
                   NEW_TITLE);

  /* Restore: exactly the edits to the plan. */
  click (plan_win, "_Restore");
  check_restored (fx, plan_win);

  /* The dead process's copies are gone; this one keeps the restored changes in its own. */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = lode_autosave_find_orphans (state_dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_nonnull (lode_autosave_get_saved (lode_window_get_autosave (plan_win)));
  g_assert_true (g_file_test (lode_autosave_get_path (lode_window_get_autosave (plan_win)),
                              G_FILE_TEST_IS_REGULAR));

  /* Saved, they are no longer kept aside. */
  g_action_group_activate_action (G_ACTION_GROUP (plan_win), "save", NULL);
  g_assert_false (lode_document_get_modified (lode_window_get_document (plan_win)));
  g_assert_null (lode_autosave_get_saved (lode_window_get_autosave (plan_win)));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;
  int status;

  /* The same folders for the process that dies and the one that starts after it. */
  tmpdir = g_strdup (g_getenv ("LODE_TEST_RECOVERY_DIR"));
  if (tmpdir == NULL)
    {
      tmpdir = lode_tmp_tree_new ("lode-recovery-ui-XXXXXX");
      g_setenv ("LODE_TEST_RECOVERY_DIR", tmpdir, TRUE);
    }
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  state_home = g_build_filename (tmpdir, "state-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  state_dir = g_build_filename (state_home, "lodestone", NULL);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = lode_test_application_new ();

#define ADD(path, func) \
  g_test_add ("/lode/recovery-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("killed", test_killed);
#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  if (!g_test_subprocess ())
    lode_tmp_tree_remove (tmpdir);
  g_free (tmpdir);
  g_free (state_dir);
  return status;
}
