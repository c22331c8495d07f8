/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-scenario-io.c — scenario files: exact round trips, presets, atomic saves and hostile
 * input (tests/hostile/).
 */
#define G_LOG_DOMAIN "test-scenario-io"

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-scenario-io.h"

static LodeDataset *dataset;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

static GBytes *
read_hostile (const char *name)
{
  g_autofree char *path = hostile_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
schema_path (void)
{
  const char *source_dir = g_getenv ("LODESTONE_SOURCE_DIR");

  if (source_dir != NULL)
    return g_build_filename (source_dir, "data", "lodestone-scenario.rng", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lodestone-scenario.rng", NULL);
}

/* Validates a file with xmllint, a client we did not write. */
static void
assert_xmllint_valid (const char *path)
{
  g_autofree char *rng = schema_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--relaxng", rng, path, NULL };
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static LodeScenario *
load_bytes_expect_ok (GBytes     *bytes,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  LodeScenario *scenario = lode_scenario_load_from_bytes (dataset, bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

/* A scenario where every field holds an awkward value. */
static LodeScenario *
make_awkward_scenario (void)
{
  LodeScenario *scenario = lode_scenario_new (dataset);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 2, 29, 23, 59, 59.123456);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2025, 12, 31, 0, 0, 1);
  double shares[5];
  LodeProject project = { 0, };

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) i);
      double value;

      if (i >= LODE_LEVER_ALLOC_FIRST && i < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
        continue;
      /* Thirds, 0.1 + 0.2 and values next to the bounds: none is a short decimal. */
      switch (i % 4)
        {
        case 0:
          value = info->min + (info->max - info->min) / 3.0;
          break;
        case 1:
          value = info->min + (0.1 + 0.2) * (info->max - info->min);
          break;
        case 2:
          value = nextafter (info->max, info->min);
          break;
        default:
          value = info->min + (info->max - info->min) / 7.0;
          break;
        }
      if (info->is_switch)
        value = i % 2;
      else if (lode_lever_is_whole ((LodeLever) i))
        value = floor (value);   /* a year or a count of years takes whole numbers */
      g_assert_true (lode_scenario_set_lever (scenario, (LodeLever) i, value, NULL));
    }

  shares[0] = 100.0 / 3.0;
  shares[1] = 0.1 + 0.2;
  shares[2] = 100.0 / 7.0;
  shares[3] = 1e-7;
  shares[4] = 100.0 - shares[0] - shares[1] - shares[2] - shares[3];
  g_assert_true (lode_scenario_set_allocation (scenario, shares, NULL));

  for (guint r = 0; r < dataset->n_regions; r++)
    {
      lode_scenario_set_ally (scenario, r, r % 2 == 0);
      lode_scenario_set_shock_target (scenario, r, r % 3 == 0);
    }
  g_assert_cmpuint (dataset->n_projects, >=, 3);
  lode_scenario_set_project_enabled (scenario, 0, FALSE);
  lode_scenario_set_project_enabled (scenario, dataset->n_projects - 1, FALSE);

  project.id = (char *) "user.plant-1";
  project.name = (char *) "Plant <A> & \"B\" 'C' — ünïcödé 🧲\r\nsecond line\ttab";
  project.note = (char *) "  leading and trailing spaces  \n\n]]> <![CDATA[ & &amp; ";
  project.stage = LODE_STAGE_MAGNET;
  project.region = dataset->us;
  project.capacity.value = 1.0 / 3.0 * 10000;
  project.online_year = 2031;
  project.capex_musd.value = 0.1 + 0.2;
  g_assert_true (lode_scenario_add_user_project (scenario, &project, NULL));
  project.id = (char *) "user-2";
  project.name = (char *) "Second";
  project.note = NULL;
  project.stage = LODE_STAGE_MINE;
  project.region = 0;
  project.capacity.value = 1e-300;
  project.online_year = 2060;
  project.capex_musd.value = 0;
  g_assert_true (lode_scenario_add_user_project (scenario, &project, NULL));

  lode_scenario_set_title (scenario, "A <title> with & and \"quotes\" and\r\na CR");
  lode_scenario_set_author (scenario, "Ana O’Neill");
  lode_scenario_set_notes (scenario, "\n  Notes with\ttabs,\nnew lines,\r\nCR LF, -- dashes --, "
                                     "<!-- not a comment -->, <!DOCTYPE nope> & ]]>\n\n");
  lode_scenario_set_created (scenario, created);
  lode_scenario_set_modified (scenario, modified);
  g_assert_true (lode_scenario_set_horizon (scenario, 2055, NULL));
  lode_scenario_set_selected_year (scenario, 2037);
  lode_scenario_set_chart (scenario, "cost-per-tonne");
  lode_scenario_set_material (scenario, "heavy");

  return scenario;
}

static gboolean
times_equal (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static void
assert_same_fields (LodeScenario *a,
                    LodeScenario *b)
{
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      double va = lode_scenario_get_lever (a, (LodeLever) i);
      double vb = lode_scenario_get_lever (b, (LodeLever) i);

      /* Bit-identical, not merely close. */
      g_assert_cmpmem (&va, sizeof va, &vb, sizeof vb);
    }
  for (guint r = 0; r < dataset->n_regions; r++)
    {
      g_assert_cmpint (lode_scenario_get_ally (a, r), ==, lode_scenario_get_ally (b, r));
      g_assert_cmpint (lode_scenario_get_shock_target (a, r), ==,
                       lode_scenario_get_shock_target (b, r));
    }
  for (guint p = 0; p < dataset->n_projects; p++)
    g_assert_cmpint (lode_scenario_get_project_enabled (a, p), ==,
                     lode_scenario_get_project_enabled (b, p));

  g_assert_cmpuint (lode_scenario_get_n_user_projects (a), ==,
                    lode_scenario_get_n_user_projects (b));
  for (guint i = 0; i < lode_scenario_get_n_user_projects (a); i++)
    {
      const LodeProject *pa = lode_scenario_get_user_project (a, i);
      const LodeProject *pb = lode_scenario_get_user_project (b, i);

      g_assert_cmpstr (pa->id, ==, pb->id);
      g_assert_cmpstr (pa->name, ==, pb->name);
      g_assert_cmpstr (pa->note, ==, pb->note);
      g_assert_cmpint (pa->stage, ==, pb->stage);
      g_assert_cmpuint (pa->region, ==, pb->region);
      g_assert_cmpmem (&pa->capacity.value, sizeof (double), &pb->capacity.value, sizeof (double));
      g_assert_cmpint (pa->online_year, ==, pb->online_year);
      g_assert_cmpmem (&pa->capex_musd.value, sizeof (double),
                       &pb->capex_musd.value, sizeof (double));
    }

  g_assert_cmpstr (lode_scenario_get_title (a), ==, lode_scenario_get_title (b));
  g_assert_cmpstr (lode_scenario_get_author (a), ==, lode_scenario_get_author (b));
  g_assert_cmpstr (lode_scenario_get_notes (a), ==, lode_scenario_get_notes (b));
  g_assert_true (times_equal (lode_scenario_get_created (a), lode_scenario_get_created (b)));
  g_assert_true (times_equal (lode_scenario_get_modified (a), lode_scenario_get_modified (b)));
  g_assert_cmpint (lode_scenario_get_horizon (a), ==, lode_scenario_get_horizon (b));
  g_assert_cmpint (lode_scenario_get_selected_year (a), ==, lode_scenario_get_selected_year (b));
  g_assert_cmpstr (lode_scenario_get_chart (a), ==, lode_scenario_get_chart (b));
  g_assert_cmpstr (lode_scenario_get_material (a), ==, lode_scenario_get_material (b));

  g_assert_true (lode_scenario_equal (a, b));
}

/* ------------------------------------------------------------------------------------------ */
/* Round trips                                                                                 */

static void
test_round_trip_bytes (void)
{
  g_autoptr(LodeScenario) original = make_awkward_scenario ();
  g_autoptr(LodeScenario) loaded = NULL;
  g_autoptr(GBytes) bytes = lode_scenario_to_bytes (original);
  g_autoptr(GBytes) again = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_test_message ("%s", text);

  /* Readable: a comment on top, one lever per line, no locale in the numbers. */
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--"));
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      g_autofree char *needle = g_strdup_printf ("\n    <lever id=\"%s\" value=\"",
                                                 lode_lever_info ((LodeLever) i)->id);
      g_assert_nonnull (strstr (text, needle));
    }
  g_assert_nonnull (strstr (text, "value=\"0.30000000000000004\""));
  {
    const char *start = strstr (text, "<levers>");
    const char *end = strstr (text, "</levers>");

    g_assert_true (start != NULL && end != NULL && start < end);
    g_assert_null (memchr (start, ',', end - start));   /* never a locale decimal comma */
  }

  loaded = load_bytes_expect_ok (bytes, "awkward.lodestone");
  assert_same_fields (original, loaded);

  /* Writing is deterministic and canonical: the reloaded scenario writes the same bytes. */
  again = lode_scenario_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  /* The diagram's material is view state; NdPr, the default, is left out, so a file that
   * shows NdPr reads as older versions wrote it. */
  g_assert_nonnull (strstr (text, " chart=\"cost-per-tonne\" material=\"heavy\"/>"));
  lode_scenario_set_material (loaded, "ndpr");
  g_clear_pointer (&again, g_bytes_unref);
  again = lode_scenario_to_bytes (loaded);
  g_assert_null (g_strstr_len (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                               "material="));
}

static void
test_round_trip_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeScenario) original = make_awkward_scenario ();
  g_autoptr(LodeScenario) fresh = lode_scenario_new (dataset);
  g_autoptr(LodeScenario) loaded = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();

  g_assert_no_error (error);

  g_assert_true (lode_scenario_save_to_file (original, file, NULL, &error));
  g_assert_no_error (error);
  /* Saving stamps the modified time (whole seconds) and keeps an existing created time. */
  g_assert_cmpint (g_date_time_get_year (lode_scenario_get_created (original)), ==, 2024);
  g_assert_cmpint (g_date_time_difference (lode_scenario_get_modified (original), before), >,
                   -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_get_microsecond (lode_scenario_get_modified (original)), ==, 0);

  loaded = lode_scenario_load_from_file (dataset, file, NULL, &error);
  g_assert_no_error (error);
  assert_same_fields (original, loaded);
  assert_xmllint_valid (path);

  /* A new scenario gets a created time on its first save. */
  g_assert_null (lode_scenario_get_created (fresh));
  g_assert_true (lode_scenario_save_to_file (fresh, file, NULL, &error));
  g_assert_nonnull (lode_scenario_get_created (fresh));
  g_clear_object (&loaded);
  loaded = lode_scenario_load_from_file (dataset, file, NULL, &error);
  g_assert_no_error (error);
  assert_same_fields (fresh, loaded);
  assert_xmllint_valid (path);

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-io-XXXXXX", &error);
  g_autofree char *real = g_build_filename (dir, "real.lodestone", NULL);
  g_autofree char *link = g_build_filename (dir, "link.lodestone", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autoptr(LodeScenario) loaded = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.lodestone", link), ==, 0);

  lode_scenario_set_title (scenario, "Through a link");
  g_assert_true (lode_scenario_save_to_file (scenario, link_file, NULL, &error));
  g_assert_no_error (error);

  /* The link is still a link, the file it points to has the new contents and its mode. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  loaded = lode_scenario_load_from_file (dataset, link_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lode_scenario_get_title (loaded), ==, "Through a link");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  remove_tree (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Presets                                                                                     */

static void
test_presets (void)
{
  const char * const *ids = lode_scenario_preset_ids ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 7);
  g_assert_true (g_strv_contains (ids, "baseline"));
  g_assert_true (g_strv_contains (ids, "mine-to-magnet"));
  g_assert_true (g_strv_contains (ids, "allied-partnership"));
  g_assert_true (g_strv_contains (ids, "allied-fund"));
  g_assert_true (g_strv_contains (ids, "export-ban"));
  g_assert_true (g_strv_contains (ids, "controls-april-2025"));
  g_assert_true (g_strv_contains (ids, "controls-october-2025"));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(LodeScenario) preset = NULL;
      g_autoptr(LodeScenario) loaded = NULL;
      g_autoptr(LodeScenario) validated = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) resource = NULL;
      g_autofree char *path = NULL;
      double shares[5];
      gint64 start, elapsed;

      start = g_get_monotonic_time ();
      preset = lode_scenario_load_preset (dataset, ids[i], &error);
      elapsed = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      g_test_message ("preset %s loaded in %" G_GINT64_FORMAT " µs", ids[i],
                      elapsed);

      g_assert_cmpuint (strlen (lode_scenario_get_title (preset)), >, 3);
      g_assert_cmpuint (strlen (lode_scenario_get_notes (preset)), >, 100);
      lode_scenario_get_allocation (preset, shares);
      g_assert_true (fabs (shares[0] + shares[1] + shares[2] + shares[3] + shares[4] - 100) < 1e-9);

      bytes = lode_scenario_to_bytes (preset);
      loaded = load_bytes_expect_ok (bytes, ids[i]);
      assert_same_fields (preset, loaded);

      /* Presets load without the schema at start-up; here the file as built in goes through
       * the path that validates it. */
      path = g_strdup_printf ("/io/github/lodestone/Lodestone/data/scenarios/%s.lodestone",
                              ids[i]);
      resource = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      validated = lode_scenario_load_from_bytes (dataset, resource, ids[i], &error);
      g_assert_no_error (error);
      assert_same_fields (preset, validated);
    }

  g_assert_null (lode_scenario_load_preset (dataset, "no-such-preset", &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-preset"));
  g_clear_error (&error);
}

static void
test_preset_contents (void)
{
  g_autoptr(LodeScenario) baseline = lode_scenario_load_preset (dataset, "baseline", NULL);
  g_autoptr(LodeScenario) m2m = lode_scenario_load_preset (dataset, "mine-to-magnet", NULL);
  g_autoptr(LodeScenario) allied = lode_scenario_load_preset (dataset, "allied-partnership", NULL);
  g_autoptr(LodeScenario) ban = lode_scenario_load_preset (dataset, "export-ban", NULL);
  const char *allies[] = { "AU", "JP", "MY", "EU" };

  g_assert_nonnull (baseline);
  g_assert_nonnull (m2m);
  g_assert_nonnull (allied);
  g_assert_nonnull (ban);

  /* Baseline: the slip lever, the 2025 DoD price floor, no fund, no shock. */
  g_assert_cmpstr (lode_scenario_get_title (baseline), ==, "Baseline");
  g_assert_cmpfloat (lode_scenario_get_lever (baseline, LODE_LEVER_FUND_SIZE_BUSD), ==, 0);
  g_assert_cmpfloat (lode_scenario_get_lever (baseline, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG),
                     ==, 110);
  g_assert_cmpfloat (lode_scenario_get_lever (baseline,
                                              LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR), ==, 2025);
  g_assert_cmpfloat (lode_scenario_get_lever (baseline, LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS),
                     ==, 1.5);
  g_assert_cmpfloat (lode_scenario_get_lever (baseline, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT),
                     ==, 0);
  for (guint p = 0; p < dataset->n_projects; p++)
    g_assert_true (lode_scenario_get_project_enabled (baseline, p));

  /* Mine to Magnet: a fund across every stage, with permitting reform. */
  g_assert_cmpfloat (lode_scenario_get_lever (m2m, LODE_LEVER_FUND_SIZE_BUSD), >=, 10);
  g_assert_cmpfloat (lode_scenario_get_lever (m2m, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS), >, 0);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    g_assert_cmpfloat (lode_scenario_get_lever (m2m, LODE_LEVER_ALLOC_FIRST + i), >, 0);

  /* Allied Partnership: co-investment and friend-shoring with AU, JP, MY, EU. */
  g_assert_cmpfloat (lode_scenario_get_lever (allied, LODE_LEVER_PARTNERS_COINVEST_PCT), >, 0);
  g_assert_cmpfloat (lode_scenario_get_lever (allied, LODE_LEVER_PARTNERS_FRIENDSHORING), >,
                     lode_lever_info (LODE_LEVER_PARTNERS_FRIENDSHORING)->default_value);
  for (guint i = 0; i < G_N_ELEMENTS (allies); i++)
    {
      int r = lode_dataset_region_index (dataset, allies[i]);

      g_assert_cmpint (r, >=, 0);
      g_assert_true (lode_scenario_get_ally (allied, r));
    }
  g_assert_false (lode_scenario_get_ally (allied, dataset->china));

  /* Export Ban: the baseline plus a restriction from 2027 hitting the US and allies. */
  g_assert_cmpfloat (lode_scenario_get_lever (ban, LODE_LEVER_SHOCK_EXPORT_WITHHELD_PCT), >=, 50);
  g_assert_cmpfloat (lode_scenario_get_lever (ban, LODE_LEVER_SHOCK_START_YEAR), ==, 2027);
  g_assert_cmpfloat (lode_scenario_get_lever (ban, LODE_LEVER_SHOCK_DURATION_YEARS), >, 0);
  g_assert_true (lode_scenario_get_shock_target (ban, dataset->us));
  g_assert_true (lode_scenario_get_shock_target (ban, lode_dataset_region_index (dataset, "JP")));
  g_assert_false (lode_scenario_get_shock_target (ban, dataset->china));
  g_assert_cmpfloat (lode_scenario_get_lever (ban, LODE_LEVER_FUND_SIZE_BUSD), ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Atomic saves                                                                                */

/* A full disk mid-save, simulated with RLIMIT_FSIZE (which binds root as well): the write
 * fails part-way and the old file must be byte-identical, with no temporary file left. */
static void
test_atomic_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autofree char *old_contents = NULL;
  g_autofree char *now_contents = NULL;
  g_autoptr(GString) long_notes = g_string_new (NULL);
  gsize old_len = 0, now_len = 0;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_no_error (error);
  lode_scenario_set_title (scenario, "The old version");
  g_assert_true (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &old_contents, &old_len, NULL));

  /* Notes as long as they may be, in 4-byte characters: an 80 KB file, past the 64 KiB limit
   * set below. */
  lode_scenario_set_title (scenario, "The new version");
  for (guint i = 0; i < LODE_SCENARIO_MAX_NOTES_CHARS; i++)
    g_string_append (long_notes, "🧲");
  lode_scenario_set_notes (scenario, long_notes->str);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 64 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  ok = lode_scenario_save_to_file (scenario, file, NULL, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));

  g_assert_true (g_file_get_contents (path, &now_contents, &now_len, NULL));
  g_assert_cmpmem (now_contents, now_len, old_contents, old_len);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* With the limit lifted the same save succeeds. */
  g_clear_error (&error);
  g_assert_true (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

#define NOBODY 65534

static void
readonly_save_and_check (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  g_autofree char *old_contents = NULL;
  g_autofree char *now_contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autoptr(GError) error = NULL;
  gsize old_len = 0, now_len = 0;

  g_assert_true (g_file_get_contents (path, &old_contents, &old_len, NULL));
  /* The folder really is read-only for us, the file itself still writable. */
  g_assert_false (g_file_set_contents (probe, "x", -1, NULL));
  g_assert_cmpint (g_access (path, W_OK), ==, 0);

  lode_scenario_set_title (scenario, "Must not land");
  g_assert_false (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO);
  g_test_message ("%s", error->message);

  g_assert_true (g_file_get_contents (path, &now_contents, &now_len, NULL));
  g_assert_cmpmem (now_contents, now_len, old_contents, old_len);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_atomic_readonly_subprocess (void)
{
  const char *dir = g_getenv ("LODE_TEST_READONLY_DIR");

  g_assert_nonnull (dir);
  if (geteuid () == 0)
    {
      /* Drop root, whose CAP_DAC_OVERRIDE would ignore the folder's mode. */
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
      g_assert_cmpint (geteuid (), ==, NOBODY);
    }
  readonly_save_and_check (dir);
}

/* Saving into a folder made read-only must fail and leave the old file byte-identical. GLib's
 * own fallback would rewrite the old file in place here; the saver must not. */
static void
atomic_readonly_parent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("lode-io-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (top, "ro", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autofree char *old_contents = NULL;
  g_autofree char *now_contents = NULL;
  gsize old_len = 0, now_len = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  lode_scenario_set_title (scenario, "Old and precious");
  g_assert_true (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &old_contents, &old_len, NULL));

  if (geteuid () == 0)
    {
      /* Root ignores the mode: prove it as an unprivileged user in a subprocess. */
      g_assert_cmpint (g_chmod (top, 0711), ==, 0);
      g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_setenv ("LODE_TEST_READONLY_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_unsetenv ("LODE_TEST_READONLY_DIR");
    }
  else
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      readonly_save_and_check (dir);
    }

  g_assert_true (g_file_get_contents (path, &now_contents, &now_len, NULL));
  g_assert_cmpmem (now_contents, now_len, old_contents, old_len);

  remove_tree (top);
}

static void
test_atomic_readonly (void)
{
  if (g_test_subprocess ())
    test_atomic_readonly_subprocess ();
  else
    atomic_readonly_parent ();
}

static void
test_save_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "no", "such", "folder", "x.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);

  g_assert_false (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  g_assert_null (lode_scenario_load_from_file (dataset, file, NULL, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));

  remove_tree (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Hostile input                                                                               */

static void
assert_load_fails (GBytes     *bytes,
                   const char *name,
                   int         code,
                   long        line,
                   const char * const *needles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  gint64 start = g_get_monotonic_time ();

  scenario = lode_scenario_load_from_bytes (dataset, bytes, name, &error);
  g_test_message ("%s → %s (%" G_GINT64_FORMAT " µs)", name,
                  error != NULL ? error->message : "(loaded)", g_get_monotonic_time () - start);
  g_assert_null (scenario);
  g_assert_error (error, LODE_SCENARIO_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* Every message names the file, and the line when there is one. */
  g_assert_true (g_str_has_prefix (error->message, name));
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s:%ld: ", name, line);

      g_assert_true (g_str_has_prefix (error->message, where));
    }
  for (guint i = 0; needles != NULL && needles[i] != NULL; i++)
    g_assert_nonnull (strstr (error->message, needles[i]));
}

static void
assert_hostile_fails (const char *file,
                      int         code,
                      long        line,
                      const char * const *needles)
{
  g_autoptr(GBytes) bytes = read_hostile (file);

  assert_load_fails (bytes, file, code, line, needles);
}

typedef struct
{
  const char *file;
  int         code;
  long        line;
  const char *needles[5];   /* NULL-terminated */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "doctype-system.lodestone", LODE_SCENARIO_ERROR_FORBIDDEN, 2, { "DOCTYPE", "entities" } },
  { "xxe-parameter.lodestone", LODE_SCENARIO_ERROR_FORBIDDEN, 2, { "DOCTYPE" } },
  { "billion-laughs.lodestone", LODE_SCENARIO_ERROR_FORBIDDEN, 2, { "DOCTYPE" } },
  { "undeclared-entity.lodestone", LODE_SCENARIO_ERROR_FORBIDDEN, 4, { "entities" } },
  { "truncated.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 0, { "well-formed" } },
  { "binary-garbage.bin", LODE_SCENARIO_ERROR_MALFORMED, 1, { "UTF-8" } },
  { "invalid-utf8.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 4, { "UTF-8" } },
  { "wrong-root.lodestone", LODE_SCENARIO_ERROR_NOT_A_SCENARIO, 2, { "<html>", "<scenario>" } },
  { "wrong-namespace.lodestone", LODE_SCENARIO_ERROR_NOT_A_SCENARIO, 2,
    { "http://example.com/plans", LODE_SCENARIO_NAMESPACE } },
  { "no-namespace.lodestone", LODE_SCENARIO_ERROR_NOT_A_SCENARIO, 2, { "no namespace" } },
  { "newer-format.lodestone", LODE_SCENARIO_ERROR_NEWER_VERSION, 2,
    { "was written by a newer Lodestone (format 3); this version reads format 2" } },
  { "newer-namespace.lodestone", LODE_SCENARIO_ERROR_NEWER_VERSION, 2, { "newer Lodestone" } },
  { "newer-element.lodestone", LODE_SCENARIO_ERROR_INVALID, 10, { "<forecast>", "newer" } },
  { "missing-version.lodestone", LODE_SCENARIO_ERROR_INVALID, 2, { "format-version" } },
  { "duplicate-lever.lodestone", LODE_SCENARIO_ERROR_VALUE, 10,
    { "fund.size_busd", "twice", "line 8" } },
  { "lever-nan.lodestone", LODE_SCENARIO_ERROR_VALUE, 8, { "fund.size_busd", "NaN", "0–500" } },
  { "lever-inf.lodestone", LODE_SCENARIO_ERROR_VALUE, 8, { "policy.tariff_pct", "INF", "0–200" } },
  { "lever-1e999.lodestone", LODE_SCENARIO_ERROR_VALUE, 8, { "policy.tariff_pct", "1e999" } },
  { "lever-hex.lodestone", LODE_SCENARIO_ERROR_VALUE, 8, { "fund.years", "0x10", "1–15" } },
  { "lever-out-of-range.lodestone", LODE_SCENARIO_ERROR_VALUE, 8,
    { "fund.size_busd", "600", "0–500 ($ bn)" } },
  /* A year lever the model would round: refused, not silently moved to 2027. */
  { "lever-fraction.lodestone", LODE_SCENARIO_ERROR_VALUE, 8,
    { "lever fund.start_year", "takes a whole year", "2026.5" } },
  /* Once "element <lever> does not match the scenario format: Element lever failed to
   * validate attributes", with no attribute, value or limit. */
  { "lever-number-too-long.lodestone", LODE_SCENARIO_ERROR_VALUE, 8,
    { "element <lever>: value=\"1.000", "300 characters", "at most 256", "0–500 ($ bn)" } },
  { "lever-id-too-long.lodestone", LODE_SCENARIO_ERROR_VALUE, 8,
    { "element <lever>: id=\"fund.xxx", "80 characters", "at most 64" } },
  { "lever-unknown.lodestone", LODE_SCENARIO_ERROR_INVALID, 9,
    { "policy.carbon_price_usd_t", "newer" } },
  { "allocation-sum.lodestone", LODE_SCENARIO_ERROR_VALUE, 12, { "105", "100", "fund.alloc" } },
  { "region-unknown.lodestone", LODE_SCENARIO_ERROR_VALUE, 11, { "ATLANTIS", "region" } },
  { "project-unknown.lodestone", LODE_SCENARIO_ERROR_VALUE, 11, { "no-such-project" } },
  { "bad-time.lodestone", LODE_SCENARIO_ERROR_VALUE, 5, { "<created>", "2025-02-30T25:00:00Z" } },
  { "user-project-bad.lodestone", LODE_SCENARIO_ERROR_VALUE, 11, { "mine-x", "capacity" } },
  { "view-year.lodestone", LODE_SCENARIO_ERROR_VALUE, 10, { "1999", "2024–2060" } },
};

static void
test_hostile_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      const HostileCase *c = &hostile_cases[i];

      assert_hostile_fails (c->file, c->code, c->line, c->needles);
    }
}

/* An entity pointing at a local secret: the secret must never be read into any value or
 * message. */
static void
test_hostile_xxe_local (void)
{
  static const char secret[] = "LODESTONE-SECRET-9f2c71";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-xxe-XXXXXX", &error);
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autoptr(GBytes) template = read_hostile ("xxe-local.lodestone");
  g_autofree char *text = g_strndup (g_bytes_get_data (template, NULL),
                                     g_bytes_get_size (template));
  g_auto(GStrv) parts = g_strsplit (text, "@SECRET@", -1);
  g_autofree char *hostile = g_strjoinv (secret_path, parts);
  g_autoptr(GBytes) bytes = g_bytes_new (hostile, strlen (hostile));
  g_autoptr(LodeScenario) scenario = NULL;
  const char *needles[] = { "DOCTYPE", NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));
  g_assert_cmpuint (g_strv_length (parts), ==, 2);

  assert_load_fails (bytes, "xxe-local.lodestone", LODE_SCENARIO_ERROR_FORBIDDEN, 2, needles);

  scenario = lode_scenario_load_from_bytes (dataset, bytes, "xxe-local.lodestone", &error);
  g_assert_null (scenario);
  g_assert_null (strstr (error->message, secret));

  remove_tree (dir);
}

/* An entity pointing at a local HTTP port: nothing may connect. We listen there ourselves and
 * check that no connection arrived. */
static void
test_hostile_xxe_network (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  const char *files[] = { "xxe-http.lodestone", "xxe-parameter.lodestone" };
  const char *needles[] = { "DOCTYPE", NULL };

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (listener, any_port, TRUE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  g_assert_no_error (error);
  g_socket_set_blocking (listener, FALSE);
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) template = read_hostile (files[i]);
      g_autofree char *text = g_strndup (g_bytes_get_data (template, NULL),
                                         g_bytes_get_size (template));
      g_autofree char *port = g_strdup_printf ("127.0.0.1:%u/",
                                               g_inet_socket_address_get_port (
                                                 G_INET_SOCKET_ADDRESS (bound)));
      g_auto(GStrv) parts = g_strsplit (text, "127.0.0.1:9/", -1);
      g_autofree char *hostile = g_strjoinv (port, parts);
      g_autoptr(GBytes) bytes = g_bytes_new (hostile, strlen (hostile));
      g_autoptr(GSocket) accepted = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      assert_load_fails (bytes, files[i], LODE_SCENARIO_ERROR_FORBIDDEN, 2, needles);

      accepted = g_socket_accept (listener, NULL, &error);
      g_assert_null (accepted);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
      g_clear_error (&error);
    }
}

static void
test_hostile_deep_nesting (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<scenario xmlns=\""
                                LODE_SCENARIO_NAMESPACE "\" format-version=\"1\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) shallow = NULL;
  const char *needles[] = { "nested", "32", NULL };

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "<a>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "</a>");
  g_string_append (text, "\n</scenario>\n");
  bytes = g_string_free_to_bytes (text);
  assert_load_fails (bytes, "deep.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 3, needles);

  /* 40 levels, each element on its own line, inside a comment-and-CDATA-laden document: the
   * line of the 33rd level is reported. */
  text = g_string_new ("<?xml version=\"1.0\"?>\n<!-- <a><a><a> -->\n<scenario xmlns=\""
                       LODE_SCENARIO_NAMESPACE "\" format-version=\"1\">\n");
  for (guint i = 1; i < 40; i++)
    g_string_append_printf (text, "<a x=\"&gt;\" y='/>'><![CDATA[<b><b>]]>\n");
  shallow = g_string_free_to_bytes (text);
  assert_load_fails (shallow, "forty.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 3 + 32, needles);
}

static void
test_hostile_oversized (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-big-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) preset = g_resources_lookup_data (
    "/io/github/lodestone/Lodestone/data/scenarios/baseline.lodestone", 0, NULL);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) exact = NULL;
  g_autoptr(LodeScenario) loaded = NULL;
  gsize preset_len = g_bytes_get_size (preset);
  gsize size = LODE_SCENARIO_MAX_BYTES + 1;
  char *data = g_malloc (size);
  const char *needles[] = { "16 MiB", NULL };

  g_assert_no_error (error);
  /* A valid scenario followed by whitespace: well-formed, just too big. */
  memcpy (data, g_bytes_get_data (preset, NULL), preset_len);
  memset (data + preset_len, ' ', size - preset_len);
  big = g_bytes_new_take (data, size);
  assert_load_fails (big, "big.lodestone", LODE_SCENARIO_ERROR_TOO_LARGE, 0, needles);

  /* The same from a file (read in bounded chunks, never whole). */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (big, NULL), size, NULL));
  g_assert_null (lode_scenario_load_from_file (dataset, file, NULL, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  /* Exactly at the limit is fine: the same scenario padded with 64 KiB comments. */
  data = g_malloc (LODE_SCENARIO_MAX_BYTES);
  memcpy (data, g_bytes_get_data (preset, NULL), preset_len);
  for (gsize at = preset_len; at < LODE_SCENARIO_MAX_BYTES;)
    {
      gsize chunk = MIN (64 * 1024, LODE_SCENARIO_MAX_BYTES - at);

      if (chunk >= 8)
        {
          memcpy (data + at, "<!--", 4);
          memset (data + at + 4, 'x', chunk - 8);
          memcpy (data + at + chunk - 4, "-->\n", 4);
        }
      else
        memset (data + at, '\n', chunk);
      at += chunk;
    }
  exact = g_bytes_new_take (data, LODE_SCENARIO_MAX_BYTES);
  loaded = load_bytes_expect_ok (exact, "exact.lodestone");
  g_assert_cmpstr (lode_scenario_get_title (loaded), ==, "Baseline");

  remove_tree (dir);
}

static void
test_hostile_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) spaces = g_bytes_new_static ("   \n", 4);
  const char *needles[] = { "empty", NULL };
  const char *wf[] = { "well-formed", NULL };

  assert_load_fails (empty, "empty.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 0, needles);
  assert_load_fails (spaces, "spaces.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 0, wf);

  /* "<!" that is neither a comment, CDATA nor a declaration is simply not XML. */
  {
    static const char text[] =
      "<?xml version=\"1.0\"?>\n<scenario xmlns=\"" LODE_SCENARIO_NAMESPACE "\" "
      "format-version=\"1\">\n<metadata><title><![CDATX[x]]></title></metadata>\n</scenario>\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);

    assert_load_fails (bytes, "bang.lodestone", LODE_SCENARIO_ERROR_MALFORMED, 3, wf);
  }
}

/* A long but plain decimal is a number like any other: 64 characters were refused, with a
 * vague message, at 40; the limit is now LODE_SCENARIO_MAX_NUMBER_CHARS. */
static void
test_hostile_long_number (void)
{
  g_autoptr(GBytes) bytes = read_hostile ("lever-long-number.lodestone");
  g_autoptr(LodeScenario) scenario = load_bytes_expect_ok (bytes, "lever-long-number.lodestone");

  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 1.0);
}

static void
test_bom_and_crlf (void)
{
  const char *files[] = { "bom.lodestone", "crlf.lodestone" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = read_hostile (files[i]);
      g_autoptr(LodeScenario) scenario = load_bytes_expect_ok (bytes, files[i]);

      g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Hostile");
      g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 12.5);
      /* Levers the file leaves out keep their defaults. */
      g_assert_true (lode_scenario_lever_is_default (scenario, LODE_LEVER_POLICY_TARIFF_PCT));
    }

  /* CRLF line ends do not shift line numbers in messages. */
  {
    g_autoptr(GBytes) bytes = read_hostile ("lever-out-of-range.lodestone");
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autofree char *crlf = g_strjoinv ("\r\n", lines);
    g_autoptr(GBytes) crlf_bytes = g_bytes_new (crlf, strlen (crlf));
    const char *needles[] = { "600", NULL };

    assert_load_fails (crlf_bytes, "crlf-range.lodestone", LODE_SCENARIO_ERROR_VALUE, 8, needles);
  }
}

static void
test_migrate_format0 (void)
{
  g_autoptr(GBytes) bytes = read_hostile ("format-0.lodestone");
  g_autoptr(LodeScenario) scenario = load_bytes_expect_ok (bytes, "format-0.lodestone");
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Draft plan");
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_MARKET_DEMAND_GROWTH_PCT), ==,
                     9);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_POLICY_PERMITTING_CUT_YEARS),
                     ==, 2);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 10);

  g_assert_cmpint (lode_scenario_get_migrated_from (scenario), ==, 0);

  /* Saved again, it is a file of the current format. */
  saved = lode_scenario_to_bytes (scenario);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_nonnull (strstr (text, "format-version=\"" G_STRINGIFY (LODE_SCENARIO_FORMAT_VERSION) "\""));
  g_assert_nonnull (strstr (text, "market.demand_growth_pct"));
  g_assert_null (strstr (text, "\"market.demand_growth\""));
}

/* Format 1 → 2: what the file set is kept, what is new takes its default, and the regions
 * split from Other take Other's role; the note says so, and a save writes format 2. */
static void
test_migrate_format1 (void)
{
  g_autoptr(GBytes) bytes = read_hostile ("format-1.lodestone");
  g_autoptr(LodeScenario) scenario = load_bytes_expect_ok (bytes, "format-1.lodestone");
  g_autoptr(LodeScenario) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *note = NULL;
  const char *split[] = { "KH", "LA", "BR", "CA" };
  int other = lode_dataset_region_index (dataset, "OTHER");

  g_assert_cmpint (lode_scenario_get_migrated_from (scenario), ==, 1);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 15);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_PARTNERS_COINVEST_PCT), ==,
                     50);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_EQUITY_MINE), ==, 0);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_PARTNERS_FUND_AU_BUSD), ==, 0);
  g_assert_true (lode_scenario_get_ally (scenario, lode_dataset_region_index (dataset, "AU")));
  g_assert_true (lode_scenario_get_shock_target (scenario, other));
  for (guint i = 0; i < G_N_ELEMENTS (split); i++)
    {
      int r = lode_dataset_region_index (dataset, split[i]);

      g_assert_cmpint (r, >=, 0);
      g_assert_true (lode_scenario_get_shock_target (scenario, r));
      g_assert_false (lode_scenario_get_ally (scenario, r));
    }

  note = lode_scenario_describe_migration (1);
  g_assert_nonnull (strstr (note, "format 1"));
  g_assert_nonnull (strstr (note, "Canada"));

  saved = lode_scenario_to_bytes (scenario);
  again = load_bytes_expect_ok (saved, "saved");
  g_assert_cmpint (lode_scenario_get_migrated_from (again), ==, -1);
  g_assert_true (lode_scenario_get_shock_target (again, lode_dataset_region_index (dataset,
                                                                                   "CA")));
}

/* Comments and processing instructions are allowed anywhere; whitespace text is fine. */
static void
test_comments_allowed (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- written by hand -->\n"
    "<scenario xmlns=\"" LODE_SCENARIO_NAMESPACE "\" format-version=\"1\">\n"
    "  <!-- metadata first -->\n"
    "  <metadata><title>Hand <![CDATA[<made>]]></title></metadata>\n"
    "  <dataset id=\"reference-2024\" version=\"1.0\"/>\n"
    "  <levers>\n"
    "    <lever id=\"fund.size_busd\" value=\"7\"/> <!-- seven -->\n"
    "    <?ignored instruction?>\n"
    "  </levers>\n"
    "</scenario>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(LodeScenario) scenario = load_bytes_expect_ok (bytes, "hand.lodestone");

  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Hand <made>");
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 7);
}

/* The richest seed of the fuzz corpus loads, with every optional part. */
static void
test_fuzz_seed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz-corpus", "scenario",
                                                 "user-projects.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = lode_scenario_load_from_file (dataset, file, NULL, &error);
  const LodeProject *project;
  int project_index = lode_dataset_project_index (dataset, "mp-10x-magnet");

  g_assert_no_error (error);
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Seed & <all parts>");
  g_assert_cmpstr (lode_scenario_get_notes (scenario), ==, "Line one\nline two\r");
  g_assert_cmpint (g_date_time_get_microsecond (lode_scenario_get_created (scenario)), ==,
                   123456);
  g_assert_cmpint (g_date_time_get_hour (lode_scenario_get_modified (scenario)), ==, 6);
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2050);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_ALLOC_MAGNET), ==, 20);
  g_assert_false (lode_scenario_get_ally (scenario, lode_dataset_region_index (dataset, "AU")));
  g_assert_cmpint (project_index, >=, 0);
  g_assert_false (lode_scenario_get_project_enabled (scenario, project_index));
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario), ==, 1);
  project = lode_scenario_get_user_project (scenario, 0);
  g_assert_cmpstr (project->id, ==, "seed-1");
  g_assert_cmpint (project->stage, ==, LODE_STAGE_METAL);
  g_assert_cmpuint (project->region, ==, lode_dataset_region_index (dataset, "JP"));
  g_assert_cmpfloat (project->capex_musd.value, ==, 0.1 + 0.2);
  g_assert_cmpstr (project->note, ==, "A note");
  g_assert_cmpint (lode_scenario_get_selected_year (scenario), ==, 2035);
}

/* The complete example in docs/scenario-format.md loads, and says what it shows. */
static void
test_documented_example (void)
{
  const char *source_dir = g_getenv ("LODESTONE_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  const char *start, *end;

  path = source_dir != NULL ?
         g_build_filename (source_dir, "docs", "scenario-format.md", NULL) :
         g_test_build_filename (G_TEST_DIST, "..", "docs", "scenario-format.md", NULL);
  g_assert_true (g_file_get_contents (path, &markdown, NULL, &error));
  g_assert_no_error (error);

  start = strstr (markdown, "```xml\n");
  g_assert_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  bytes = g_bytes_new (start, end - start);

  scenario = load_bytes_expect_ok (bytes, "scenario-format.md");
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Magnets first");
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 40);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_ALLOC_MAGNET), ==, 45);
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2045);
  g_assert_false (lode_scenario_get_project_enabled (scenario,
                    lode_dataset_project_index (dataset, "vulcan-magnet")));
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario), ==, 1);
  g_assert_cmpint (lode_scenario_get_selected_year (scenario), ==, 2032);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/lode/scenario-io/round-trip-bytes", test_round_trip_bytes);
  g_test_add_func ("/lode/scenario-io/round-trip-file", test_round_trip_file);
  g_test_add_func ("/lode/scenario-io/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/lode/scenario-io/presets", test_presets);
  g_test_add_func ("/lode/scenario-io/preset-contents", test_preset_contents);
  g_test_add_func ("/lode/scenario-io/atomic-disk-full", test_atomic_disk_full);
  g_test_add_func ("/lode/scenario-io/atomic-readonly", test_atomic_readonly);
  g_test_add_func ("/lode/scenario-io/save-missing-folder", test_save_missing_folder);
  g_test_add_func ("/lode/scenario-io/hostile/table", test_hostile_table);
  g_test_add_func ("/lode/scenario-io/hostile/xxe-local", test_hostile_xxe_local);
  g_test_add_func ("/lode/scenario-io/hostile/xxe-network", test_hostile_xxe_network);
  g_test_add_func ("/lode/scenario-io/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/lode/scenario-io/hostile/oversized", test_hostile_oversized);
  g_test_add_func ("/lode/scenario-io/hostile/empty", test_hostile_empty);
  g_test_add_func ("/lode/scenario-io/hostile/long-number", test_hostile_long_number);
  g_test_add_func ("/lode/scenario-io/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/lode/scenario-io/migrate-format-0", test_migrate_format0);
  g_test_add_func ("/lode/scenario-io/migrate-format-1", test_migrate_format1);
  g_test_add_func ("/lode/scenario-io/comments-allowed", test_comments_allowed);
  g_test_add_func ("/lode/scenario-io/fuzz-seed", test_fuzz_seed);
  g_test_add_func ("/lode/scenario-io/documented-example", test_documented_example);

  result = g_test_run ();

  lode_dataset_unref (dataset);
  return result;
}
