/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-scenario.c — LodeScenario: defaults, setters, the "changed" signal, copies, user
 * projects. Uses a small synthetic dataset so the expectations do not depend on the data file.
 */
#define G_LOG_DOMAIN "test-scenario"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lode-allocation.h"
#include "lode-scenario.h"
#include "lode-scenario-io.h"

static LodeDataset *
make_dataset (void)
{
  LodeDataset *dataset = lode_dataset_new_empty ();
  static const struct
  {
    const char *id;
    gboolean    allied;
  } regions[] = { { "CN", FALSE }, { "US", FALSE }, { "AU", TRUE }, { "JP", TRUE } };

  dataset->id = g_strdup ("test-dataset");
  dataset->version = g_strdup ("7");
  dataset->base_year = LODE_BASE_YEAR;
  dataset->n_regions = G_N_ELEMENTS (regions);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      dataset->regions[i].id = g_strdup (regions[i].id);
      dataset->regions[i].name = g_strdup (regions[i].id);
      dataset->regions[i].allied_default = regions[i].allied;
    }
  dataset->china = 0;
  dataset->us = 1;

  dataset->n_projects = 2;
  dataset->projects[0].id = g_strdup ("announced-one");
  dataset->projects[0].name = g_strdup ("Announced one");
  dataset->projects[0].stage = LODE_STAGE_MAGNET;
  dataset->projects[0].region = 1;
  dataset->projects[0].capacity.value = 1000;
  dataset->projects[0].online_year = 2027;
  dataset->projects[1].id = g_strdup ("announced-two");
  dataset->projects[1].name = g_strdup ("Announced two");
  dataset->projects[1].stage = LODE_STAGE_SEPARATION;
  dataset->projects[1].region = 2;
  dataset->projects[1].capacity.value = 2000;
  dataset->projects[1].online_year = 2028;

  return dataset;
}

typedef struct
{
  guint    count;
  gboolean last_inputs_changed;
} ChangedLog;

static void
changed_cb (LodeScenario *scenario,
            gboolean      inputs_changed,
            ChangedLog   *log)
{
  log->count++;
  log->last_inputs_changed = inputs_changed;
}

static void
test_defaults (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  double shares[LODE_N_ALLOC];

  g_assert_true (lode_scenario_get_dataset (scenario) == dataset);
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      g_assert_cmpfloat (lode_scenario_get_lever (scenario, (LodeLever) i), ==,
                         lode_lever_info ((LodeLever) i)->default_value);
      g_assert_true (lode_scenario_lever_is_default (scenario, (LodeLever) i));
    }
  lode_scenario_get_allocation (scenario, shares);
  g_assert_cmpfloat (shares[0], ==, 15);
  g_assert_cmpfloat (shares[1], ==, 35);
  g_assert_cmpfloat (shares[2], ==, 15);
  g_assert_cmpfloat (shares[3], ==, 30);
  g_assert_cmpfloat (shares[4], ==, 5);

  for (guint r = 0; r < dataset->n_regions; r++)
    {
      g_assert_cmpint (lode_scenario_get_ally (scenario, r), ==,
                       dataset->regions[r].allied_default);
      g_assert_cmpint (lode_scenario_get_shock_target (scenario, r), ==, r == dataset->us);
    }
  for (guint p = 0; p < dataset->n_projects; p++)
    g_assert_true (lode_scenario_get_project_enabled (scenario, p));

  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario), ==, 0);
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2040);
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Untitled Scenario");
  g_assert_cmpstr (lode_scenario_get_author (scenario), ==, "");
  g_assert_cmpstr (lode_scenario_get_notes (scenario), ==, "");
  g_assert_null (lode_scenario_get_created (scenario));
  g_assert_null (lode_scenario_get_modified (scenario));
  g_assert_cmpint (lode_scenario_get_selected_year (scenario), ==, 2024);
  g_assert_cmpstr (lode_scenario_get_chart (scenario), ==, "china-free");
}

static void
test_set_get (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *title = NULL;
  int year = 0;

  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 42.5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 42.5);
  g_assert_false (lode_scenario_lever_is_default (scenario, LODE_LEVER_FUND_SIZE_BUSD));

  /* Rejected values leave the lever alone. */
  g_assert_false (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, 600, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "fund.size_busd"));
  g_clear_error (&error);
  g_assert_false (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, NAN, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 42.5);

  lode_scenario_set_ally (scenario, 2, FALSE);
  g_assert_false (lode_scenario_get_ally (scenario, 2));
  lode_scenario_set_shock_target (scenario, 3, TRUE);
  g_assert_true (lode_scenario_get_shock_target (scenario, 3));
  lode_scenario_set_project_enabled (scenario, 1, FALSE);
  g_assert_false (lode_scenario_get_project_enabled (scenario, 1));
  g_assert_true (lode_scenario_get_project_enabled (scenario, 0));

  g_assert_true (lode_scenario_set_horizon (scenario, 2055, &error));
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2055);
  g_assert_false (lode_scenario_set_horizon (scenario, 2061, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "2061"));
  g_clear_error (&error);
  g_assert_false (lode_scenario_set_horizon (scenario, 2024, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2055);

  lode_scenario_set_title (scenario, "Plan B");
  lode_scenario_set_author (scenario, "A. Planner");
  lode_scenario_set_notes (scenario, "line one\nline two");
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Plan B");
  g_assert_cmpstr (lode_scenario_get_author (scenario), ==, "A. Planner");
  g_assert_cmpstr (lode_scenario_get_notes (scenario), ==, "line one\nline two");
  lode_scenario_set_author (scenario, NULL);
  g_assert_cmpstr (lode_scenario_get_author (scenario), ==, "");

  /* Text that could not be written to XML is cleaned on the way in. */
  lode_scenario_set_title (scenario, "bell\a and \x01 nul-free");
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "bell and  nul-free");

  /* Times are kept in UTC. */
  local = g_date_time_new_from_iso8601 ("2025-03-04T10:00:00+02:00", NULL);
  lode_scenario_set_created (scenario, local);
  g_assert_true (g_date_time_equal (lode_scenario_get_created (scenario), local));
  g_assert_cmpint (g_date_time_get_utc_offset (lode_scenario_get_created (scenario)), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (lode_scenario_get_created (scenario)), ==, 8);
  lode_scenario_set_modified (scenario, local);
  g_assert_true (g_date_time_equal (lode_scenario_get_modified (scenario), local));
  lode_scenario_set_created (scenario, NULL);
  g_assert_null (lode_scenario_get_created (scenario));

  lode_scenario_set_selected_year (scenario, 2031);
  g_assert_cmpint (lode_scenario_get_selected_year (scenario), ==, 2031);
  lode_scenario_set_selected_year (scenario, 1990);
  g_assert_cmpint (lode_scenario_get_selected_year (scenario), ==, LODE_BASE_YEAR);
  lode_scenario_set_chart (scenario, "cost");
  g_assert_cmpstr (lode_scenario_get_chart (scenario), ==, "cost");
  lode_scenario_set_chart (scenario, NULL);
  g_assert_cmpstr (lode_scenario_get_chart (scenario), ==, "china-free");
  g_assert_cmpstr (lode_scenario_get_material (scenario), ==, "ndpr");
  lode_scenario_set_material (scenario, "sm");
  g_assert_cmpstr (lode_scenario_get_material (scenario), ==, "sm");
  lode_scenario_set_material (scenario, "");
  g_assert_cmpstr (lode_scenario_get_material (scenario), ==, "ndpr");

  /* Properties. */
  g_object_set (scenario, "title", "Via property", "selected-year", 2033, "horizon", 2045, NULL);
  g_object_get (scenario, "title", &title, "selected-year", &year, NULL);
  g_assert_cmpstr (title, ==, "Via property");
  g_assert_cmpint (year, ==, 2033);
  g_assert_cmpint (lode_scenario_get_horizon (scenario), ==, 2045);
}

static void
test_changed_signal (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 1, 2, 3, 4, 5);
  ChangedLog log = { 0, FALSE };
  LodeProject project = { 0, };

  g_signal_connect (scenario, "changed", G_CALLBACK (changed_cb), &log);

#define EXPECT(n, inputs) G_STMT_START { \
    g_assert_cmpuint (log.count, ==, (n)); \
    g_assert_cmpint (log.last_inputs_changed, ==, (inputs)); \
  } G_STMT_END

  /* Inputs. */
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT, 50, NULL));
  EXPECT (1, TRUE);
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT, 50, NULL));
  EXPECT (1, TRUE);   /* same value: nothing */
  g_assert_false (lode_scenario_set_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT, -1, NULL));
  EXPECT (1, TRUE);   /* rejected: nothing */

  /* Metadata and view. */
  lode_scenario_set_title (scenario, "New title");
  EXPECT (2, FALSE);
  lode_scenario_set_title (scenario, "New title");
  EXPECT (2, FALSE);
  lode_scenario_set_selected_year (scenario, 2030);
  EXPECT (3, FALSE);
  lode_scenario_set_chart (scenario, "shares");
  EXPECT (4, FALSE);
  lode_scenario_set_modified (scenario, when);
  EXPECT (5, FALSE);
  lode_scenario_set_modified (scenario, when);
  EXPECT (5, FALSE);
  lode_scenario_set_notes (scenario, "n");
  EXPECT (6, FALSE);

  /* More inputs. */
  lode_scenario_set_ally (scenario, 0, TRUE);
  EXPECT (7, TRUE);
  lode_scenario_set_ally (scenario, 0, TRUE);
  EXPECT (7, TRUE);
  lode_scenario_set_title (scenario, "again");
  EXPECT (8, FALSE);
  lode_scenario_set_shock_target (scenario, 2, TRUE);
  EXPECT (9, TRUE);
  lode_scenario_set_title (scenario, "and again");
  lode_scenario_set_project_enabled (scenario, 0, FALSE);
  EXPECT (11, TRUE);
  lode_scenario_set_title (scenario, "once more");
  g_assert_true (lode_scenario_set_horizon (scenario, 2050, NULL));
  EXPECT (13, TRUE);

  project.id = (char *) "mine";
  project.name = (char *) "My plant";
  project.stage = LODE_STAGE_METAL;
  project.region = 1;
  project.capacity.value = 500;
  project.online_year = 2029;
  lode_scenario_set_title (scenario, "user project next");
  g_assert_true (lode_scenario_add_user_project (scenario, &project, NULL));
  EXPECT (15, TRUE);
  lode_scenario_set_title (scenario, "remove next");
  lode_scenario_remove_user_project (scenario, 0);
  EXPECT (17, TRUE);

  /* An allocation move is one change. */
  lode_scenario_set_title (scenario, "allocation next");
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_ALLOC_MAGNET, 50, NULL));
  EXPECT (19, TRUE);
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_ALLOC_MAGNET, 50, NULL));
  EXPECT (19, TRUE);   /* the same share again: nothing, not even rounding in the others */

#undef EXPECT
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  guint title = 0, year = 0, horizon = 0;

  g_signal_connect (scenario, "notify::title", G_CALLBACK (notify_count_cb), &title);
  g_signal_connect (scenario, "notify::selected-year", G_CALLBACK (notify_count_cb), &year);
  g_signal_connect (scenario, "notify::horizon", G_CALLBACK (notify_count_cb), &horizon);

  lode_scenario_set_title (scenario, "x");
  lode_scenario_set_title (scenario, "x");
  lode_scenario_set_selected_year (scenario, 2040);
  lode_scenario_set_selected_year (scenario, 2040);
  g_assert_true (lode_scenario_set_horizon (scenario, 2050, NULL));
  g_assert_true (lode_scenario_set_horizon (scenario, 2050, NULL));
  g_assert_cmpuint (title, ==, 1);
  g_assert_cmpuint (year, ==, 1);
  g_assert_cmpuint (horizon, ==, 1);
}

static void
test_allocation (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autoptr(GError) error = NULL;
  double shares[LODE_N_ALLOC];
  const double good[LODE_N_ALLOC] = { 10, 20, 30, 25, 15 };
  const double bad_sum[LODE_N_ALLOC] = { 10, 20, 30, 25, 14 };
  const double bad_value[LODE_N_ALLOC] = { -10, 40, 30, 25, 15 };

  /* Moving one share rescales the others proportionally; the sum stays 100. */
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_ALLOC_MINE, 32, &error));
  g_assert_no_error (error);
  lode_scenario_get_allocation (scenario, shares);
  g_assert_cmpfloat (shares[0], ==, 32);
  g_assert_cmpfloat_with_epsilon (shares[1], 28, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[2], 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[3], 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[4], 4, 1e-9);
  g_assert_true (lode_allocation_is_valid (shares, 1e-9));
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_ALLOC_SEPARATION), ==,
                     shares[1]);

  for (guint k = 0; k < 200; k++)
    {
      LodeLever lever = LODE_LEVER_ALLOC_FIRST + (k % LODE_N_ALLOC);

      g_assert_true (lode_scenario_set_lever (scenario, lever, fmod (k * 37.3, 100.0), NULL));
      lode_scenario_get_allocation (scenario, shares);
      g_assert_true (lode_allocation_is_valid (shares, 1e-9));
      g_assert_cmpfloat (lode_scenario_get_lever (scenario, lever), ==, fmod (k * 37.3, 100.0));
    }

  g_assert_true (lode_scenario_set_allocation (scenario, good, &error));
  g_assert_no_error (error);
  lode_scenario_get_allocation (scenario, shares);
  g_assert_cmpmem (shares, sizeof shares, good, sizeof good);

  g_assert_false (lode_scenario_set_allocation (scenario, bad_sum, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);
  g_assert_false (lode_scenario_set_allocation (scenario, bad_value, &error));
  g_assert_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "fund.alloc.mine"));
  g_clear_error (&error);

  lode_scenario_get_allocation (scenario, shares);
  g_assert_cmpmem (shares, sizeof shares, good, sizeof good);
}

static void
test_dup_equal_assign (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) a = lode_scenario_new (dataset);
  g_autoptr(LodeScenario) b = NULL;
  g_autoptr(LodeScenario) c = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 6, 7, 8, 9, 10.5);
  LodeProject project = { 0, };
  ChangedLog log = { 0, FALSE };

  project.id = (char *) "user-1";
  project.name = (char *) "Plant";
  project.note = (char *) "a note";
  project.stage = LODE_STAGE_MINE;
  project.region = 2;
  project.capacity.value = 1234.5;
  project.online_year = 2030;
  project.capex_musd.value = 99;

  g_assert_true (lode_scenario_set_lever (a, LODE_LEVER_FUND_SIZE_BUSD, 1.0 / 3.0, NULL));
  lode_scenario_set_ally (a, 3, FALSE);
  lode_scenario_set_project_enabled (a, 0, FALSE);
  g_assert_true (lode_scenario_add_user_project (a, &project, NULL));
  lode_scenario_set_title (a, "A");
  lode_scenario_set_created (a, when);
  lode_scenario_set_selected_year (a, 2035);

  b = lode_scenario_dup (a);
  g_assert_true (b != a);
  g_assert_true (lode_scenario_equal (a, b));
  g_assert_true (lode_scenario_same_inputs (a, b));
  g_assert_cmpuint (lode_scenario_get_n_user_projects (b), ==, 1);
  /* A deep copy: the strings are the copy's own. */
  g_assert_true (lode_scenario_get_user_project (b, 0)->name !=
                 lode_scenario_get_user_project (a, 0)->name);
  g_assert_cmpstr (lode_scenario_get_user_project (b, 0)->note, ==, "a note");

  /* Metadata differs: not equal, same inputs. */
  lode_scenario_set_title (b, "B");
  g_assert_false (lode_scenario_equal (a, b));
  g_assert_true (lode_scenario_same_inputs (a, b));
  lode_scenario_set_title (b, "A");
  lode_scenario_set_chart (b, "other");
  g_assert_false (lode_scenario_equal (a, b));
  g_assert_true (lode_scenario_same_inputs (a, b));
  lode_scenario_set_chart (b, "china-free");
  g_assert_true (lode_scenario_equal (a, b));
  lode_scenario_set_material (b, "joint");
  g_assert_false (lode_scenario_equal (a, b));
  g_assert_true (lode_scenario_same_inputs (a, b));
  lode_scenario_set_material (b, "ndpr");
  g_assert_true (lode_scenario_equal (a, b));

  /* Each kind of input makes a difference. */
  lode_scenario_set_shock_target (b, 2, TRUE);
  g_assert_false (lode_scenario_same_inputs (a, b));
  lode_scenario_set_shock_target (b, 2, FALSE);
  lode_scenario_set_project_enabled (b, 0, TRUE);
  g_assert_false (lode_scenario_same_inputs (a, b));
  lode_scenario_set_project_enabled (b, 0, FALSE);
  lode_scenario_remove_user_project (b, 0);
  g_assert_false (lode_scenario_same_inputs (a, b));
  g_assert_true (lode_scenario_add_user_project (b, &project, NULL));
  g_assert_true (lode_scenario_equal (a, b));
  g_assert_true (lode_scenario_set_lever (b, LODE_LEVER_FUND_SIZE_BUSD,
                                          nextafter (1.0 / 3.0, 1.0), NULL));
  g_assert_false (lode_scenario_same_inputs (a, b));

  /* Assign copies everything back and says once that inputs changed. */
  g_signal_connect (b, "changed", G_CALLBACK (changed_cb), &log);
  lode_scenario_set_title (b, "changed title");
  log.count = 0;
  lode_scenario_assign (b, a);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.last_inputs_changed);
  g_assert_true (lode_scenario_equal (a, b));

  /* Only metadata differs: inputs_changed is FALSE. */
  c = lode_scenario_dup (a);
  lode_scenario_set_notes (c, "other notes");
  lode_scenario_assign (b, c);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_false (log.last_inputs_changed);
  g_assert_cmpstr (lode_scenario_get_notes (b), ==, "other notes");
}

static LodeProject
valid_project (void)
{
  LodeProject project = { 0, };

  project.id = (char *) "new-plant_2.b";
  project.name = (char *) "New plant";
  project.stage = LODE_STAGE_SEPARATION;
  project.region = 1;
  project.capacity.value = 2500;
  project.online_year = 2030;
  project.capex_musd.value = 400;
  return project;
}

static void
expect_rejected (LodeScenario      *scenario,
                 const LodeProject *project,
                 const char        *needle)
{
  g_autoptr(GError) error = NULL;
  guint before = lode_scenario_get_n_user_projects (scenario);

  g_assert_false (lode_scenario_add_user_project (scenario, project, &error));
  g_assert_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario), ==, before);
}

static void
test_user_projects (void)
{
  g_autoptr(LodeDataset) dataset = make_dataset ();
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  g_autoptr(GError) error = NULL;
  LodeProject project = valid_project ();
  const LodeProject *stored;

  g_assert_true (lode_scenario_validate_user_project (scenario, &project, &error));
  g_assert_true (lode_scenario_add_user_project (scenario, &project, &error));
  g_assert_no_error (error);
  stored = lode_scenario_get_user_project (scenario, 0);
  g_assert_cmpstr (stored->id, ==, "new-plant_2.b");
  g_assert_true (stored->id != project.id);   /* copied in */
  g_assert_cmpstr (stored->name, ==, "New plant");
  g_assert_null (stored->note);
  g_assert_cmpint (stored->stage, ==, LODE_STAGE_SEPARATION);
  g_assert_cmpuint (stored->region, ==, 1);
  g_assert_cmpfloat (stored->capacity.value, ==, 2500);
  g_assert_cmpint (stored->online_year, ==, 2030);
  g_assert_cmpfloat (stored->capex_musd.value, ==, 400);

  /* Duplicates and clashes with the dataset. */
  expect_rejected (scenario, &project, "new-plant_2.b");
  project = valid_project ();
  project.id = (char *) "announced-two";
  expect_rejected (scenario, &project, "announced-two");

  /* Each field. */
  project = valid_project ();
  project.id = (char *) "has space";
  expect_rejected (scenario, &project, "has space");
  project.id = (char *) "";
  expect_rejected (scenario, &project, "id");
  project.id = NULL;
  expect_rejected (scenario, &project, "id");
  project = valid_project ();
  project.id = (char *) "p2";
  project.name = (char *) "";
  expect_rejected (scenario, &project, "name");
  project.name = NULL;
  expect_rejected (scenario, &project, "name");
  project = valid_project ();
  project.id = (char *) "p2";
  project.capacity.value = 0;
  expect_rejected (scenario, &project, "capacity");
  project.capacity.value = -5;
  expect_rejected (scenario, &project, "capacity");
  project.capacity.value = NAN;
  expect_rejected (scenario, &project, "capacity");
  project.capacity.value = INFINITY;
  expect_rejected (scenario, &project, "capacity");
  project = valid_project ();
  project.id = (char *) "p2";
  project.online_year = 2023;
  expect_rejected (scenario, &project, "2024–2060");
  project.online_year = 2061;
  expect_rejected (scenario, &project, "2061");
  project = valid_project ();
  project.id = (char *) "p2";
  project.capex_musd.value = -1;
  expect_rejected (scenario, &project, "capex");
  project.capex_musd.value = NAN;
  expect_rejected (scenario, &project, "capex");
  project = valid_project ();
  project.id = (char *) "p2";
  project.region = dataset->n_regions;
  expect_rejected (scenario, &project, "region");
  project = valid_project ();
  project.id = (char *) "p2";
  project.stage = LODE_N_STAGES;
  expect_rejected (scenario, &project, "stage");

  /* An empty note is no note; control characters are dropped. */
  project = valid_project ();
  project.id = (char *) "p2";
  project.note = (char *) "";
  g_assert_true (lode_scenario_add_user_project (scenario, &project, NULL));
  g_assert_null (lode_scenario_get_user_project (scenario, 1)->note);
  project.id = (char *) "p3";
  project.note = (char *) "tab\there\x02";
  g_assert_true (lode_scenario_add_user_project (scenario, &project, NULL));
  g_assert_cmpstr (lode_scenario_get_user_project (scenario, 2)->note, ==, "tab\there");

  /* Removing keeps the order of the rest. */
  lode_scenario_remove_user_project (scenario, 1);
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario), ==, 2);
  g_assert_cmpstr (lode_scenario_get_user_project (scenario, 0)->id, ==, "new-plant_2.b");
  g_assert_cmpstr (lode_scenario_get_user_project (scenario, 1)->id, ==, "p3");

  /* At most LODE_SCENARIO_MAX_USER_PROJECTS. */
  for (guint i = lode_scenario_get_n_user_projects (scenario);
       i < LODE_SCENARIO_MAX_USER_PROJECTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("bulk-%u", i);

      project = valid_project ();
      project.id = id;
      g_assert_true (lode_scenario_add_user_project (scenario, &project, NULL));
    }
  project = valid_project ();
  project.id = (char *) "one-too-many";
  expect_rejected (scenario, &project, "32");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/scenario/defaults", test_defaults);
  g_test_add_func ("/lode/scenario/set-get", test_set_get);
  g_test_add_func ("/lode/scenario/changed-signal", test_changed_signal);
  g_test_add_func ("/lode/scenario/notify", test_notify);
  g_test_add_func ("/lode/scenario/allocation", test_allocation);
  g_test_add_func ("/lode/scenario/dup-equal-assign", test_dup_equal_assign);
  g_test_add_func ("/lode/scenario/user-projects", test_user_projects);

  return g_test_run ();
}
