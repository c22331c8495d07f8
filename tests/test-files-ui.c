/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-files-ui.c — files in a real window: open, broken files, save, modified marker,
 * unsaved-changes questions, new from a preset, recent files. */

#define G_LOG_DOMAIN "test-files-ui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "lode-application.h"
#include "lode-window-private.h"
#include "ui-test-util.h"
#include "lode-scenario-io.h"

static LodeApplication *app;
static char *tmpdir;

typedef struct
{
  LodeWindow   *win;
  LodeDocument *doc;
  GFile        *plan;    /* a valid scenario titled "Test Plan" */
  GFile        *other;   /* a valid scenario titled "Other Plan" */
  GFile        *broken;  /* not a scenario */
} Fixture;

static GFile *
write_scenario (const char *preset,
                const char *title,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario =
    lode_scenario_load_preset (lode_application_get_dataset (app), preset, &error);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  GFile *file = g_file_new_for_path (path);

  g_assert_no_error (error);
  lode_scenario_set_title (scenario, title);
  g_assert_true (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (tmpdir, "broken.lodestone", NULL);

  fx->plan = write_scenario ("mine-to-magnet", "Test Plan", "plan.lodestone");
  fx->other = write_scenario ("export-ban", "Other Plan", "other.lodestone");
  g_assert_true (g_file_set_contents (broken,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<scenario xmlns=\"" LODE_SCENARIO_NAMESPACE "\">\n"
                                      "  <metadata>\n"
                                      "  </levers>\n"
                                      "</scenario>\n",
                                      -1, &error));
  g_assert_no_error (error);
  fx->broken = g_file_new_for_path (broken);

  fx->win = g_object_ref (lode_window_new (app));
  fx->doc = lode_window_get_document (fx->win);
  gtk_window_present (GTK_WINDOW (fx->win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fx->win));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  /* Throw away changes so closing asks nothing. */
  fx->win->close_confirmed = TRUE;
  ui_test_finish_window (fx->win);
  g_object_unref (fx->plan);
  g_object_unref (fx->other);
  g_object_unref (fx->broken);
}

static const char *
shown_title (Fixture *fx)
{
  return adw_window_title_get_title (fx->win->window_title);
}

static void
respond (Fixture    *fx,
         const char *response)
{
  AdwMessageDialog *dialog = lode_window_get_dialog (fx->win);

  g_assert_nonnull (dialog);
  /* What a click on the response button does. */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (lode_window_get_dialog (fx->win));
}

static void
test_open (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *uri = g_file_get_uri (fx->plan);

  lode_window_open_file (fx->win, fx->plan);
  g_assert_null (lode_window_get_dialog (fx->win));
  g_assert_null (lode_window_get_last_error (fx->win));
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, "Test Plan");
  g_assert_cmpstr (shown_title (fx), ==, "Test Plan");
  g_assert_cmpstr (adw_window_title_get_subtitle (fx->win->window_title), ==, "plan.lodestone");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fx->win)), ==, "Test Plan — Lodestone");
  g_assert_true (g_file_equal (lode_document_get_file (fx->doc), fx->plan));
  g_assert_false (lode_document_get_modified (fx->doc));
  /* It is on the recent list, which feeds Open Recent. */
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* Open Recent goes through the same path. */
  {
    g_autofree char *other_uri = g_file_get_uri (fx->other);
    g_action_group_activate_action (G_ACTION_GROUP (fx->win), "open-recent",
                                    g_variant_new_string (other_uri));
    g_assert_cmpstr (shown_title (fx), ==, "Other Plan");
  }
}

static void
test_open_broken (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(LodeScenario) before = NULL;
  AdwMessageDialog *dialog;

  lode_window_open_file (fx->win, fx->plan);
  before = lode_scenario_dup (lode_document_get_scenario (fx->doc));

  lode_window_open_file (fx->win, fx->broken);
  /* The error is shown, with the file and line it is about... */
  dialog = lode_window_get_dialog (fx->win);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (lode_window_get_last_error (fx->win));
  g_test_message ("error: %s", lode_window_get_last_error (fx->win));
  g_assert_nonnull (strstr (lode_window_get_last_error (fx->win), "broken.lodestone"));
  /* The mismatched tag is on line 4. */
  g_assert_nonnull (strstr (lode_window_get_last_error (fx->win), ":4:"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, lode_window_get_last_error (fx->win));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.lodestone"));

  /* ...and the scenario is untouched. */
  g_assert_true (lode_scenario_equal (lode_document_get_scenario (fx->doc), before));
  g_assert_true (g_file_equal (lode_document_get_file (fx->doc), fx->plan));
  g_assert_cmpstr (shown_title (fx), ==, "Test Plan");
  g_assert_false (lode_document_get_modified (fx->doc));

  respond (fx, "close");

  /* A file that does not exist says so too. */
  {
    g_autofree char *path = g_build_filename (tmpdir, "missing.lodestone", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (path);

    lode_window_open_file (fx->win, missing);
    g_assert_nonnull (lode_window_get_dialog (fx->win));
    g_assert_nonnull (strstr (lode_window_get_last_error (fx->win), "missing.lodestone"));
    respond (fx, "close");
    g_assert_true (lode_scenario_equal (lode_document_get_scenario (fx->doc), before));
  }
}

/* A file of an older format opens, updated in memory, and the note tells what changed. */
static void
test_open_older_format (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile", "format-1.lodestone",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  lode_window_open_file (fx->win, file);
  g_assert_null (lode_window_get_dialog (fx->win));
  g_assert_cmpstr (shown_title (fx), ==, "Allied Partnership");
  g_assert_cmpint (lode_scenario_get_migrated_from (lode_document_get_scenario (fx->doc)), ==, 1);
  g_assert_false (lode_document_get_modified (fx->doc));

  /* The toast's Details button. */
  g_action_group_activate_action (G_ACTION_GROUP (fx->win), "migration-note",
                                  g_variant_new_int32 (1));
  dialog = lode_window_get_dialog (fx->win);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "format 1"));
  respond (fx, "close");
}

static void
test_modified_and_save (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) reloaded = NULL;
  LodeScenario *scenario;

  lode_window_open_file (fx->win, fx->plan);
  scenario = lode_document_get_scenario (fx->doc);

  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT, 75.0, NULL));
  g_assert_true (lode_document_get_modified (fx->doc));
  g_assert_cmpstr (shown_title (fx), ==, "• Test Plan");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fx->win)), ==, "• Test Plan — Lodestone");

  /* Undo takes the marker away again. */
  g_action_group_activate_action (G_ACTION_GROUP (fx->win), "undo", NULL);
  g_assert_cmpstr (shown_title (fx), ==, "Test Plan");
  g_action_group_activate_action (G_ACTION_GROUP (fx->win), "redo", NULL);
  g_assert_cmpstr (shown_title (fx), ==, "• Test Plan");

  /* Save (Ctrl+S) writes to the file it came from. */
  g_action_group_activate_action (G_ACTION_GROUP (fx->win), "save", NULL);
  g_assert_null (lode_window_get_last_error (fx->win));
  g_assert_false (lode_document_get_modified (fx->doc));
  g_assert_cmpstr (shown_title (fx), ==, "Test Plan");

  reloaded = lode_scenario_load_from_file (lode_application_get_dataset (app), fx->plan, NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_scenario_get_lever (reloaded, LODE_LEVER_POLICY_TARIFF_PCT), ==, 75.0);
  g_assert_cmpstr (lode_scenario_get_title (reloaded), ==, "Test Plan");
}

static void
test_unsaved_changes (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) reloaded = NULL;
  LodeScenario *scenario;

  lode_window_open_file (fx->win, fx->plan);
  scenario = lode_document_get_scenario (fx->doc);
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 33.0, NULL));

  /* Opening another file asks first; Cancel keeps everything. */
  lode_window_open_file (fx->win, fx->other);
  g_assert_nonnull (lode_window_get_dialog (fx->win));
  g_assert_cmpstr (adw_message_dialog_get_heading (lode_window_get_dialog (fx->win)), ==,
                   "Save Changes?");
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, "Test Plan");
  respond (fx, "cancel");
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, "Test Plan");
  g_assert_true (lode_document_get_modified (fx->doc));

  /* Discard opens the other file and drops the change. */
  lode_window_open_file (fx->win, fx->other);
  respond (fx, "discard");
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, "Other Plan");
  g_assert_false (lode_document_get_modified (fx->doc));
  reloaded = lode_scenario_load_from_file (lode_application_get_dataset (app), fx->plan, NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_scenario_get_lever (reloaded, LODE_LEVER_FUND_SIZE_BUSD), !=, 33.0);
  g_clear_object (&reloaded);

  /* Save writes the change first, then goes on to the new scenario. */
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 44.0, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (fx->win), "new",
                                  g_variant_new_string ("allied-partnership"));
  g_assert_nonnull (lode_window_get_dialog (fx->win));
  respond (fx, "save");
  g_assert_null (lode_document_get_file (fx->doc));
  g_assert_false (lode_document_get_modified (fx->doc));
  reloaded = lode_scenario_load_from_file (lode_application_get_dataset (app), fx->other, NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_scenario_get_lever (reloaded, LODE_LEVER_FUND_SIZE_BUSD), ==, 44.0);

  /* Closing with unsaved changes asks too; Cancel keeps the window. */
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 55.0, NULL));
  gtk_window_close (GTK_WINDOW (fx->win));
  g_assert_nonnull (lode_window_get_dialog (fx->win));
  respond (fx, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx->win)));
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), fx->win));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (fx->win));
  respond (fx, "discard");
  g_assert_null (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), fx->win));
}

static void
test_new_from_preset (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) preset =
    lode_scenario_load_preset (lode_application_get_dataset (app), "export-ban", &error);

  g_assert_no_error (error);
  lode_window_open_file (fx->win, fx->plan);
  g_action_group_activate_action (G_ACTION_GROUP (fx->win), "new",
                                  g_variant_new_string ("export-ban"));
  g_assert_null (lode_window_get_dialog (fx->win));
  g_assert_null (lode_document_get_file (fx->doc));
  g_assert_cmpstr (shown_title (fx), ==, lode_scenario_get_title (preset));
  g_assert_cmpstr (adw_window_title_get_subtitle (fx->win->window_title), ==, "Unsaved");
  g_assert_true (lode_scenario_same_inputs (lode_document_get_scenario (fx->doc), preset));
  g_assert_false (lode_document_get_modified (fx->doc));
}

static void
test_drop (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx->win));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (gtk_drop_target_get_actions (target) & GDK_ACTION_COPY);

  /* A file dropped on the window opens there. */
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, fx->other);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
  g_assert_cmpstr (shown_title (fx), ==, "Other Plan");
  g_assert_true (g_file_equal (lode_document_get_file (fx->doc), fx->other));
  g_value_unset (&value);

  /* So does the first of a list of files from a file manager. */
  {
    GSList *list = g_slist_append (NULL, fx->plan);
    GdkFileList *files = gdk_file_list_new_from_list (list);

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, files);
    g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
    g_assert_true (accepted);
    g_assert_cmpstr (shown_title (fx), ==, "Test Plan");
    g_slist_free (list);
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* Keep the recent-files list of this test away from the user's. */
  tmpdir = g_dir_make_tmp ("lode-files-ui-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ui_test_init (&argc, &argv);
  /* GTK 4.8's recent manager leaks a GDateTime each time it trims the list by age
   * (gtk_recent_manager_clamp_to_age, fixed in 4.10); no age limit, no trimming, no leak
   * for the sanitizer run to report. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);

  app = ui_test_app_new ();

#define ADD(path, func) \
  g_test_add ("/lode/files-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("open", test_open);
  ADD ("open-broken", test_open_broken);
  ADD ("open-older-format", test_open_older_format);
  ADD ("modified-and-save", test_modified_and_save);
  ADD ("unsaved-changes", test_unsaved_changes);
  ADD ("new-from-preset", test_new_from_preset);
  ADD ("drop", test_drop);
#undef ADD

  status = ui_test_run_with_app (app);
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
