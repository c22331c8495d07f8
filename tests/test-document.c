/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c — LodeDocument: undo/redo by snapshots, steps, modified flag, files. */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lode-document.h"
#include "lode-presets.h"
#include "lode-scenario-io.h"

typedef struct
{
  LodeDataset  *dataset;
  LodeDocument *doc;
  guint         n_changed;
  guint         n_replaced;
  char         *tmpdir;
} Fixture;

static void
changed_cb (LodeDocument *doc,
            Fixture      *fx)
{
  fx->n_changed++;
}

static void
replaced_cb (LodeDocument *doc,
             Fixture      *fx)
{
  fx->n_replaced++;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->dataset);
  fx->doc = lode_document_new (fx->dataset);
  g_assert_true (lode_document_new_from_preset (fx->doc, "baseline", &error));
  g_assert_no_error (error);
  g_signal_connect (fx->doc, "changed", G_CALLBACK (changed_cb), fx);
  g_signal_connect (fx->doc, "scenario-replaced", G_CALLBACK (replaced_cb), fx);
  fx->tmpdir = g_dir_make_tmp ("lode-document-XXXXXX", &error);
  g_assert_no_error (error);
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
      g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_assert_finalize_object (fx->doc);
  lode_dataset_unref (fx->dataset);
  remove_tree (fx->tmpdir);
  g_free (fx->tmpdir);
}

/* A copy of the yearly results, to compare byte for byte later. */
static GBytes *
projection_bytes (LodeDocument *doc)
{
  LodeProjection *p = lode_document_get_projection (doc);

  g_assert_nonnull (p);
  g_assert_cmpint (p->n_years, >, 0);
  return g_bytes_new (p->years, sizeof (LodeYear) * (gsize) p->n_years);
}

static void
assert_projection_is (LodeDocument *doc,
                      GBytes       *expected)
{
  g_autoptr(GBytes) now = projection_bytes (doc);

  g_assert_cmpuint (g_bytes_get_size (now), ==, g_bytes_get_size (expected));
  g_assert_true (memcmp (g_bytes_get_data (now, NULL), g_bytes_get_data (expected, NULL),
                         g_bytes_get_size (now)) == 0);
}

static void
set_lever (LodeDocument *doc,
           LodeLever     lever,
           double        value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (doc), lever, value, &error));
  g_assert_no_error (error);
}

static void
test_new (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *name = lode_document_dup_display_name (fx->doc);

  g_assert_false (lode_document_get_modified (fx->doc));
  g_assert_false (lode_document_can_undo (fx->doc));
  g_assert_false (lode_document_can_redo (fx->doc));
  g_assert_null (lode_document_get_file (fx->doc));
  g_assert_cmpstr (name, ==, "Unsaved");
  g_assert_cmpstr (lode_document_get_title (fx->doc), !=, "");
  g_assert_nonnull (lode_document_get_projection (fx->doc));
  g_assert_nonnull (lode_document_get_baseline (fx->doc));
  g_assert_false (lode_document_get_baseline_pinned (fx->doc));
  g_assert_cmpfloat (lode_document_get_target_share (fx->doc), ==, 0.5);
}

static void
test_undo_restores_projection (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GBytes) before = projection_bytes (fx->doc);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) after_again = NULL;

  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 25.0);
  g_assert_cmpuint (fx->n_changed, ==, 1);
  g_assert_true (lode_document_can_undo (fx->doc));
  g_assert_true (lode_document_get_modified (fx->doc));

  after = projection_bytes (fx->doc);
  g_assert_false (g_bytes_equal (before, after));

  lode_document_undo (fx->doc);
  g_assert_cmpuint (fx->n_changed, ==, 2);
  g_assert_cmpuint (fx->n_replaced, ==, 1);
  assert_projection_is (fx->doc, before);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (fx->doc),
                                              LODE_LEVER_FUND_SIZE_BUSD), ==, 0.0);
  g_assert_false (lode_document_can_undo (fx->doc));
  g_assert_true (lode_document_can_redo (fx->doc));
  g_assert_false (lode_document_get_modified (fx->doc));

  lode_document_redo (fx->doc);
  assert_projection_is (fx->doc, after);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (fx->doc),
                                              LODE_LEVER_FUND_SIZE_BUSD), ==, 25.0);
  g_assert_true (lode_document_can_undo (fx->doc));
  g_assert_false (lode_document_can_redo (fx->doc));
  g_assert_true (lode_document_get_modified (fx->doc));

  /* Undo and redo do not create steps of their own. */
  lode_document_undo (fx->doc);
  lode_document_redo (fx->doc);
  lode_document_undo (fx->doc);
  g_assert_false (lode_document_can_undo (fx->doc));
  assert_projection_is (fx->doc, before);

  /* A new change clears the redo stack. */
  set_lever (fx->doc, LODE_LEVER_POLICY_TARIFF_PCT, 60.0);
  g_assert_false (lode_document_can_redo (fx->doc));
  after_again = projection_bytes (fx->doc);
  g_assert_false (g_bytes_equal (before, after_again));
}

static void
test_grouped_step (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) before = projection_bytes (fx->doc);

  /* A slider drag: many changes, one step. */
  lode_document_begin_step (fx->doc);
  for (int i = 1; i <= 20; i++)
    set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, i * 2.5);
  lode_document_end_step (fx->doc);
  g_assert_cmpuint (fx->n_changed, ==, 20);

  /* Two separate changes: two steps. */
  set_lever (fx->doc, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS, 2.0);
  set_lever (fx->doc, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS, 3.0);

  lode_document_undo (fx->doc);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (fx->doc),
                                              LODE_LEVER_POLICY_PERMITTING_CUT_YEARS), ==, 2.0);
  lode_document_undo (fx->doc);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (fx->doc),
                                              LODE_LEVER_POLICY_PERMITTING_CUT_YEARS), ==, 0.0);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (fx->doc),
                                              LODE_LEVER_FUND_SIZE_BUSD), ==, 50.0);
  g_assert_true (lode_document_can_undo (fx->doc));

  /* The whole drag goes in one undo. */
  lode_document_undo (fx->doc);
  g_assert_false (lode_document_can_undo (fx->doc));
  assert_projection_is (fx->doc, before);

  /* An empty step records nothing. */
  lode_document_begin_step (fx->doc);
  lode_document_end_step (fx->doc);
  g_assert_false (lode_document_can_undo (fx->doc));
}

static void
test_view_state (Fixture       *fx,
                 gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (fx->doc);
  int year = lode_document_get_selected_year (fx->doc);
  int new_year = year == 2035 ? 2030 : 2035;

  lode_document_set_selected_year (fx->doc, new_year);
  g_assert_cmpint (lode_document_get_selected_year (fx->doc), ==, new_year);
  lode_scenario_set_chart (scenario, "price");
  lode_document_set_target_share (fx->doc, 0.75);

  g_assert_cmpfloat (lode_document_get_target_share (fx->doc), ==, 0.75);
  g_assert_false (lode_document_can_undo (fx->doc));
  g_assert_false (lode_document_get_modified (fx->doc));
  g_assert_cmpuint (fx->n_changed, ==, 0);

  /* Undo keeps the year the planner is looking at. */
  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 10.0);
  lode_document_set_selected_year (fx->doc, 2040);
  lode_document_undo (fx->doc);
  g_assert_cmpint (lode_document_get_selected_year (fx->doc), ==, 2040);
}

static void
test_title_is_a_step (Fixture       *fx,
                      gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (fx->doc);
  g_autofree char *old_title = g_strdup (lode_document_get_title (fx->doc));

  lode_scenario_set_title (scenario, "Plan B");
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, "Plan B");
  g_assert_true (lode_document_get_modified (fx->doc));
  g_assert_true (lode_document_can_undo (fx->doc));
  /* Metadata does not change the projection. */
  g_assert_cmpuint (fx->n_changed, ==, 0);

  lode_document_undo (fx->doc);
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, old_title);
  g_assert_false (lode_document_get_modified (fx->doc));

  lode_scenario_set_title (scenario, "");
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, "Untitled Scenario");
}

static void
test_save_and_load (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->tmpdir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeDocument) other = lode_document_new (fx->dataset);
  g_autofree char *name = NULL;
  g_autoptr(GBytes) saved_projection = NULL;

  /* No file yet: Save needs one. */
  g_assert_false (lode_document_save (fx->doc, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 40.0);
  lode_scenario_set_title (lode_document_get_scenario (fx->doc), "Forty billion");
  g_assert_true (lode_document_get_modified (fx->doc));

  g_assert_true (lode_document_save (fx->doc, file, &error));
  g_assert_no_error (error);
  g_assert_false (lode_document_get_modified (fx->doc));
  g_assert_true (g_file_equal (lode_document_get_file (fx->doc), file));
  name = lode_document_dup_display_name (fx->doc);
  g_assert_cmpstr (name, ==, "plan.lodestone");
  /* Saving is not an undo step, and undo history survives it. */
  g_assert_true (lode_document_can_undo (fx->doc));

  /* Saving again to the current file. */
  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 45.0);
  g_assert_true (lode_document_get_modified (fx->doc));
  g_assert_true (lode_document_save (fx->doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (lode_document_get_modified (fx->doc));
  saved_projection = projection_bytes (fx->doc);

  g_assert_true (lode_document_load (other, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lode_document_get_title (other), ==, "Forty billion");
  g_assert_false (lode_document_get_modified (other));
  g_assert_false (lode_document_can_undo (other));
  g_assert_true (lode_scenario_same_inputs (lode_document_get_scenario (other),
                                            lode_document_get_scenario (fx->doc)));
  assert_projection_is (other, saved_projection);
}

static void
test_failed_load (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->tmpdir, "broken.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/lodestone/none.lodestone");
  g_autoptr(LodeScenario) before = NULL;
  g_autoptr(GBytes) before_projection = NULL;
  LodeScenario *scenario = lode_document_get_scenario (fx->doc);

  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 12.5);
  before = lode_scenario_dup (scenario);
  before_projection = projection_bytes (fx->doc);
  fx->n_changed = 0;

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<scenario>\n<oops", -1,
                                      &error));
  g_assert_no_error (error);
  g_assert_false (lode_document_load (fx->doc, file, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == LODE_SCENARIO_ERROR);
  g_clear_error (&error);

  g_assert_false (lode_document_load (fx->doc, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (lode_document_new_from_preset (fx->doc, "no-such-preset", &error));
  g_assert_nonnull (error);

  /* Untouched: same scenario object and contents, same file, flags, history, projection. */
  g_assert_true (lode_document_get_scenario (fx->doc) == scenario);
  g_assert_true (lode_scenario_equal (scenario, before));
  g_assert_null (lode_document_get_file (fx->doc));
  g_assert_true (lode_document_get_modified (fx->doc));
  g_assert_true (lode_document_can_undo (fx->doc));
  g_assert_cmpuint (fx->n_changed, ==, 0);
  g_assert_cmpuint (fx->n_replaced, ==, 0);
  assert_projection_is (fx->doc, before_projection);
}

static void
test_new_from_preset (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) baseline = projection_bytes (fx->doc);
  g_autoptr(LodeScenario) preset =
    lode_scenario_load_preset (fx->dataset, "mine-to-magnet", &error);

  g_assert_no_error (error);
  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 5.0);

  g_assert_true (lode_document_new_from_preset (fx->doc, "mine-to-magnet", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->n_replaced, ==, 1);
  g_assert_false (lode_document_get_modified (fx->doc));
  g_assert_false (lode_document_can_undo (fx->doc));
  g_assert_cmpstr (lode_document_get_title (fx->doc), ==, lode_scenario_get_title (preset));
  g_assert_true (lode_scenario_same_inputs (lode_document_get_scenario (fx->doc), preset));

  /* The current baseline projection is the Baseline preset's. */
  {
    LodeProjection *b = lode_document_get_baseline (fx->doc);
    g_assert_nonnull (b);
    g_assert_true (memcmp (b->years, g_bytes_get_data (baseline, NULL),
                           g_bytes_get_size (baseline)) == 0);
  }
}

/* Every preset of the table loads, and a new document takes its title from the table (the
 * same title the file spells, since the tests run untranslated). */
static void
test_every_preset (Fixture       *fx,
                   gconstpointer  data)
{
  const char * const *ids = lode_preset_ids ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_cmpuint (lode_presets_get_n (), ==, 7);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, lode_presets_get_n ());
  g_assert_true (lode_scenario_preset_ids () == ids);
  g_assert_null (lode_preset_find ("no-such-preset"));
  g_assert_null (lode_preset_find (NULL));

  for (guint i = 0; i < lode_presets_get_n (); i++)
    {
      const LodePreset *preset = lode_presets_get (i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (ids[i], ==, preset->id);
      g_assert_true (lode_preset_find (preset->id) == preset);
      g_assert_true (lode_document_new_from_preset (fx->doc, preset->id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (lode_document_get_title (fx->doc), ==, lode_preset_get_title (preset));
      g_assert_cmpstr (lode_preset_get_title (preset), ==, preset->title);
      /* The menu label is the title with a mnemonic, and no two presets share one. */
      {
        const char *label = lode_preset_get_menu_label (preset);
        const char *mark = strchr (label, '_');
        g_autoptr(GString) plain = g_string_new (label);
        gunichar key;

        g_assert_nonnull (mark);
        g_string_erase (plain, mark - label, 1);
        g_assert_cmpstr (plain->str, ==, preset->title);
        key = g_unichar_tolower (g_utf8_get_char (mark + 1));
        g_assert_false (g_hash_table_contains (keys, GUINT_TO_POINTER (key)));
        g_hash_table_add (keys, GUINT_TO_POINTER (key));
      }
    }
}

static void
test_pin_baseline (Fixture       *fx,
                   gconstpointer  data)
{
  LodeProjection *preset_baseline = NULL;
  LodeProjection *pinned = NULL;
  LodeProjection *current = NULL;
  int n;

  preset_baseline = lode_projection_ref (lode_document_get_baseline (fx->doc));
  set_lever (fx->doc, LODE_LEVER_FUND_SIZE_BUSD, 30.0);
  current = lode_document_get_projection (fx->doc);
  n = current->n_years;

  lode_document_pin_baseline (fx->doc, lode_document_get_scenario (fx->doc));
  g_assert_true (lode_document_get_baseline_pinned (fx->doc));
  pinned = lode_document_get_baseline (fx->doc);
  g_assert_true (memcmp (pinned->years, current->years, sizeof (LodeYear) * (gsize) n) == 0);
  g_assert_false (memcmp (pinned->years, preset_baseline->years,
                          sizeof (LodeYear) * (gsize) n) == 0);
  /* Pinning is not an undo step. */
  lode_document_undo (fx->doc);
  g_assert_false (lode_document_can_undo (fx->doc));
  g_assert_true (lode_document_get_baseline_pinned (fx->doc));

  lode_document_pin_baseline (fx->doc, NULL);
  g_assert_false (lode_document_get_baseline_pinned (fx->doc));
  g_assert_true (memcmp (lode_document_get_baseline (fx->doc)->years, preset_baseline->years,
                         sizeof (LodeYear) * (gsize) n) == 0);
  lode_projection_unref (preset_baseline);
}

static void
test_baseline_follows_horizon (Fixture       *fx,
                               gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (fx->doc);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lode_document_get_baseline (fx->doc)->horizon, ==,
                   lode_scenario_get_horizon (scenario));

  /* A scenario that looks further ahead is compared with a baseline over all its years. */
  g_assert_true (lode_scenario_set_horizon (scenario, 2050, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lode_document_get_projection (fx->doc)->horizon, ==, 2050);
  g_assert_cmpint (lode_document_get_baseline (fx->doc)->horizon, ==, 2050);
  g_assert_nonnull (lode_projection_get_year (lode_document_get_baseline (fx->doc), 2050));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/lode/document/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("new", test_new);
  ADD ("undo-restores-projection", test_undo_restores_projection);
  ADD ("grouped-step", test_grouped_step);
  ADD ("view-state", test_view_state);
  ADD ("title-is-a-step", test_title_is_a_step);
  ADD ("save-and-load", test_save_and_load);
  ADD ("failed-load", test_failed_load);
  ADD ("new-from-preset", test_new_from_preset);
  ADD ("every-preset", test_every_preset);
  ADD ("pin-baseline", test_pin_baseline);
  ADD ("baseline-follows-horizon", test_baseline_follows_horizon);
#undef ADD

  return g_test_run ();
}
