/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-autosave.c — LodeAutosave: unsaved changes are written aside a little after the last
 * change, removed once saved, undone or closed, and what a dead process left is found again
 * (issue #16, autosave and recovery). The kill itself is in test-recovery-ui.c.
 */
#define G_LOG_DOMAIN "test-autosave"

#include "config.h"

#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-autosave.h"
#include "lode-scenario-io.h"
#include "tmp-tree.h"

static LodeDataset *dataset;

typedef struct
{
  char         *dir;
  LodeDocument *document;
  LodeAutosave *autosave;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = lode_tmp_tree_new ("lode-autosave-XXXXXX");
  f->document = lode_document_new (dataset);
  g_assert_true (lode_document_new_from_preset (f->document, "baseline", &error));
  g_assert_no_error (error);
  /* A folder that does not exist yet: the first autosave makes it. */
  {
    g_autofree char *state = g_build_filename (f->dir, "state", "lodestone", NULL);

    f->autosave = lode_autosave_new (f->document, state);
  }
  lode_autosave_set_delay (f->autosave, 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->autosave);
  g_clear_object (&f->document);
  lode_tmp_tree_remove (f->dir);
  g_free (f->dir);
}

static gboolean
give_up_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the autosave has written (or not, for `want` FALSE) — events, not
 * time, decide; the 10 s guard only keeps a broken build from hanging. */
static void
wait_for_saved (Fixture  *f,
                gboolean  want)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add_seconds (10, give_up_cb, &timed_out);

  while (!timed_out && (lode_autosave_get_saved (f->autosave) != NULL) != want)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (guard);
}

static void
test_writes_after_change (Fixture       *f,
                          gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (f->document);
  g_autoptr(GFile) file = g_file_new_for_path (lode_autosave_get_path (f->autosave));
  g_autoptr(LodeScenario) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  GStatBuf st;

  /* Nothing to keep while nothing changed. */
  g_assert_null (lode_autosave_get_saved (f->autosave));
  g_assert_false (g_file_test (lode_autosave_get_path (f->autosave), G_FILE_TEST_EXISTS));

  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 42.0, NULL));
  lode_scenario_set_notes (scenario, "kept aside");
  wait_for_saved (f, TRUE);

  kept = lode_scenario_load_from_file (dataset, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_scenario_get_lever (kept, LODE_LEVER_FUND_SIZE_BUSD), ==, 42.0);
  g_assert_cmpstr (lode_scenario_get_notes (kept), ==, "kept aside");
  /* Private: the state folder is the user's own. */
  g_assert_cmpint (g_stat (lode_autosave_get_path (f->autosave), &st), ==, 0);
  {
    g_autofree char *state = g_path_get_dirname (lode_autosave_get_path (f->autosave));

    g_assert_cmpint (g_stat (state, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  /* Undo back to the saved state: nothing to keep any more. */
  lode_document_undo (f->document);
  lode_document_undo (f->document);
  g_assert_false (lode_document_get_modified (f->document));
  g_assert_null (lode_autosave_get_saved (f->autosave));
  g_assert_false (g_file_test (lode_autosave_get_path (f->autosave), G_FILE_TEST_EXISTS));
  info = g_strdup (lode_autosave_get_path (f->autosave));
  strcpy (info + strlen (info) - strlen ("lodestone"), "ini");
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
}

static void
test_removed_when_saved_or_closed (Fixture       *f,
                                   gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (f->document);
  g_autofree char *plan = g_build_filename (f->dir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (lode_autosave_get_path (f->autosave));

  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 42.0, NULL));
  wait_for_saved (f, TRUE);
  g_assert_true (lode_document_save (f->document, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 43.0, NULL));
  g_assert_true (lode_autosave_save_now (f->autosave, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* A clean close (the changes were answered for) leaves nothing. */
  g_clear_object (&f->autosave);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Writes the files a process `pid` would leave. */
static void
plant_orphan (const char *dir,
              gint64      pid,
              const char *boot_id,
              const char *saved,
              const char *file_uri)
{
  g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (dataset, "export-ban", NULL);
  g_autoptr(GBytes) bytes = lode_scenario_to_bytes (scenario);
  g_autofree char *stem = g_strdup_printf ("autosave-%" G_GINT64_FORMAT "-0", pid);
  g_autofree char *scenario_name = g_strconcat (stem, ".lodestone", NULL);
  g_autofree char *scenario_path = g_build_filename (dir, scenario_name, NULL);
  g_autofree char *info_name = g_strconcat (stem, ".ini", NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *info = g_strdup_printf ("[autosave]\npid=%" G_GINT64_FORMAT "\nboot-id=%s\n"
                                           "saved=%s\nscenario=%s\n%s%s\n",
                                           pid, boot_id, saved, scenario_name,
                                           file_uri != NULL ? "file=" : "",
                                           file_uri != NULL ? file_uri : "");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (scenario_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
}

static gint64
dead_pid (void)
{
  pid_t child = fork ();
  int status;

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  return child;
}

static char *
boot_id (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (g_steal_pointer (&text));
}

static void
test_find_orphans (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "orphans", NULL);
  g_autofree char *boot = boot_id ();
  g_autofree char *stray = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(LodeScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dead = dead_pid ();
  LodeRecovery *newest, *older;

  /* A dead process, a live one (our parent), and a live pid from an earlier boot. */
  plant_orphan (dir, dead, boot, "2025-03-01T10:00:00Z", "file:///tmp/plan.lodestone");
  plant_orphan (dir, getppid (), boot, "2025-03-02T10:00:00Z", NULL);
  plant_orphan (dir, 1, "00000000-0000-0000-0000-000000000000", "2025-03-03T10:00:00Z", NULL);
  /* A scenario whose process died before it wrote the key file. */
  stray = g_strdup_printf ("%s/autosave-%" G_GINT64_FORMAT "-7.lodestone", dir, dead);
  g_assert_true (g_file_set_contents (stray, "<partial", -1, NULL));

  orphans = lode_autosave_find_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 2);
  newest = g_ptr_array_index (orphans, 0);
  older = g_ptr_array_index (orphans, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (newest->saved), ==, 3);
  g_assert_null (newest->file);
  g_assert_cmpint (g_date_time_get_day_of_month (older->saved), ==, 1);
  g_assert_nonnull (older->file);
  {
    g_autofree char *path = g_file_get_path (older->file);

    g_assert_cmpstr (path, ==, "/tmp/plan.lodestone");
  }
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));

  loaded = lode_recovery_load (older, dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_scenario_get_lever (loaded, LODE_LEVER_SHOCK_START_YEAR), ==, 2027);

  lode_recovery_remove (older);
  g_assert_false (g_file_test (older->scenario_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (older->info_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = lode_autosave_find_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 1);

  /* A folder that does not exist has no orphans. */
  {
    g_autoptr(GPtrArray) none = lode_autosave_find_orphans ("/nonexistent/lodestone");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_document_recover (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *plan = g_build_filename (f->dir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (plan);
  g_autoptr(LodeScenario) on_disk = lode_scenario_load_preset (dataset, "baseline", NULL);
  g_autoptr(LodeScenario) recovered = lode_scenario_dup (on_disk);
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_scenario_save_to_file (on_disk, file, NULL, &error));
  g_assert_true (lode_scenario_set_lever (recovered, LODE_LEVER_POLICY_TARIFF_PCT, 80.0, NULL));

  lode_document_recover (f->document, recovered, file);
  g_assert_true (lode_document_get_modified (f->document));
  g_assert_true (g_file_equal (lode_document_get_file (f->document), file));
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (f->document),
                                              LODE_LEVER_POLICY_TARIFF_PCT), ==, 80.0);
  g_assert_false (lode_document_can_undo (f->document));
  /* Recovered changes are kept aside again by this process. */
  wait_for_saved (f, TRUE);

  /* Saved, they are no longer modified. */
  g_assert_true (lode_document_save (f->document, NULL, &error));
  g_assert_false (lode_document_get_modified (f->document));
  g_assert_null (lode_autosave_get_saved (f->autosave));

  /* Without a file the scenario stays modified until it is saved somewhere. */
  lode_document_recover (f->document, recovered, NULL);
  g_assert_true (lode_document_get_modified (f->document));
  g_assert_null (lode_document_get_file (f->document));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/lode/autosave/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("writes-after-change", test_writes_after_change);
  ADD ("removed-when-saved-or-closed", test_removed_when_saved_or_closed);
  ADD ("find-orphans", test_find_orphans);
  ADD ("document-recover", test_document_recover);
#undef ADD

  status = g_test_run ();
  lode_dataset_unref (dataset);
  return status;
}
