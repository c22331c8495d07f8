/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The levers panel with real widgets: rows write the scenario, a drag is one undo step, undo
 * moves the rows without new steps, the allocation keeps its sum and its locks, switches and
 * the Add Project dialog work.
 */
#define G_LOG_DOMAIN "test-levers-panel"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "lode-document.h"
#include "lode-levers-panel.h"
#include "lode-project-dialog.h"
#include "ui-test-util.h"

typedef struct
{
  LodeDataset     *dataset;
  LodeDocument    *document;
  GtkWindow       *window;
  LodeLeversPanel *panel;
} Fixture;

/* The reference dataset is read-only here, so it is parsed once for all the tests (parsing
 * it is a large part of a fixture's cost under the sanitizers). */
static LodeDataset *shared_dataset;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dataset = lode_dataset_ref (shared_dataset);
  f->document = lode_document_new (f->dataset);
  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 380, 900);
  f->panel = g_object_ref (LODE_LEVERS_PANEL (lode_levers_panel_new ()));
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  lode_levers_panel_set_document (f->panel, f->document);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_finish_window (f->window);
  g_assert_finalize_object (f->panel);
  g_assert_finalize_object (f->document);
  lode_dataset_unref (f->dataset);
}

static LodeScenario *
scenario_of (Fixture *f)
{
  return lode_document_get_scenario (f->document);
}

/* ---------------------------------------------------------------------------------------- */

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  for (guint l = 0; l < LODE_N_LEVERS; l++)
    {
      LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, l);
      const LodeLeverInfo *info = lode_lever_info (l);
      GtkAdjustment *adjustment;
      const char *tooltip;

      g_assert_nonnull (row);
      g_assert_cmpint (lode_lever_row_get_lever (row), ==, l);
      g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (row), GTK_WIDGET (f->panel)));

      /* The spin button has the lever's range; a linear slider shares its adjustment, a
       * piecewise one runs on its own track. */
      adjustment = lode_lever_row_get_adjustment (row);
      g_assert_true ((gtk_range_get_adjustment (GTK_RANGE (lode_lever_row_get_scale (row)))
                      == adjustment) != lode_lever_row_get_piecewise (row));
      g_assert_true (gtk_spin_button_get_adjustment (
                       GTK_SPIN_BUTTON (lode_lever_row_get_spin_button (row))) == adjustment);
      g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, info->min);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, info->max);
      g_assert_cmpfloat (lode_lever_row_get_value (row), ==,
                         lode_scenario_get_lever (scenario_of (f), l));

      /* At the default, no reset button. */
      g_assert_false (gtk_widget_get_visible (lode_lever_row_get_reset_button (row)));

      tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, "Default: "));
      if (info->source != NULL)
        g_assert_nonnull (strstr (tooltip, info->source));
    }
}

/* libadwaita's contract for "document", on a fresh panel. */
/* Adds the titles of the AdwPreferencesGroups under `widget` that are visible to `titles`. */
static void
collect_visible_groups (GtkWidget *widget,
                        GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (titles,
                     (gpointer) adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_visible_groups (child, titles);
}

/* The first frame goes without the groups below the fold; the frames after it show them all,
 * with no getter asked for a row. */
static void
test_finishes_after_first_frame (Fixture       *f,
                                 gconstpointer  data)
{
  const char *groups[] = { "Sovereign Wealth Fund", "Fund Allocation", "Fund Instruments",
                           "Policy", "Partners", "Market", "Heavy Rare Earths and Samarium",
                           "Shock", "Projects", "Your Projects" };
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  ui_test_wait_frames (GTK_WIDGET (f->panel), 3);
  collect_visible_groups (GTK_WIDGET (f->panel), titles);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (titles, groups[i], g_str_equal, NULL));
}

static void
test_property_contract (void)
{
  GtkWidget *panel = g_object_ref_sink (lode_levers_panel_new ());
  g_autoptr(LodeDocument) document = lode_document_new (shared_dataset);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, LODE_TYPE_DOCUMENT);
  g_value_set_object (&value, document);
  ui_test_check_property (panel, "document", &value);
  g_assert_finalize_object (panel);
}

/* The template's order: in each group the levers in table order, then what the dataset adds
 * (the region switches after the partner levers and after the shock levers). */
static void
test_row_order (Fixture       *f,
                gconstpointer  data)
{
  LodeLever previous = 0;
  gboolean have_previous = FALSE;

  for (guint l = 0; l < LODE_N_LEVERS; l++)
    {
      LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, l);
      GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);
      LodeLeverRow *before = have_previous ? lode_levers_panel_get_lever_row (f->panel, previous)
                                           : NULL;

      if (l >= LODE_LEVER_ALLOC_FIRST && l < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
        continue;
      g_assert_true (group != NULL);
      /* Consecutive levers of one group are consecutive rows. */
      if (before != NULL
          && gtk_widget_get_ancestor (GTK_WIDGET (before), ADW_TYPE_PREFERENCES_GROUP) == group)
        g_assert_true (gtk_widget_get_next_sibling (GTK_WIDGET (before)) == GTK_WIDGET (row));
      previous = l;
      have_previous = TRUE;
    }

  /* The region switches come last in their groups. */
  {
    GtkSwitch *ally = NULL;
    GtkWidget *expander;
    GtkWidget *last = GTK_WIDGET (lode_levers_panel_get_lever_row (
                                    f->panel, LODE_LEVER_PARTNERS_FUND_EU_BUSD));

    for (guint r = 0; ally == NULL && r < f->dataset->n_regions; r++)
      ally = lode_levers_panel_get_ally_switch (f->panel, r);
    g_assert_nonnull (ally);
    expander = gtk_widget_get_ancestor (GTK_WIDGET (ally), ADW_TYPE_EXPANDER_ROW);
    g_assert_true (gtk_widget_get_next_sibling (last) == expander);
    g_assert_null (gtk_widget_get_next_sibling (expander));
  }
}

static void
test_spin_sets_lever (Fixture       *f,
                      gconstpointer  data)
{
  LodeLever lever = LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG;
  LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, lever);
  GtkWidget *spin = lode_lever_row_get_spin_button (row);
  GtkWidget *reset = lode_lever_row_get_reset_button (row);
  const LodeLeverInfo *info = lode_lever_info (lever);
  double target = info->default_value == 150.0 ? 140.0 : 150.0;

  g_assert_false (lode_document_can_undo (f->document));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), target);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, target);
  g_assert_true (gtk_widget_get_visible (reset));
  g_assert_true (lode_document_can_undo (f->document));
  g_assert_true (lode_document_get_modified (f->document));

  /* The slider writes the same lever. */
  lode_lever_row_slide_to (row, target + 10);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, target + 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, target + 10);

  /* Reset: back to the default, and the button goes away. */
  g_signal_emit_by_name (reset, "clicked");
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, info->default_value);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, info->default_value);
  g_assert_false (gtk_widget_get_visible (reset));

  /* Three separate edits are three steps. */
  lode_document_undo (f->document);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, target + 10);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, target + 10);
  g_assert_true (gtk_widget_get_visible (reset));
  lode_document_undo (f->document);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, target);
  lode_document_undo (f->document);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, info->default_value);
  g_assert_false (lode_document_can_undo (f->document));
  g_assert_false (gtk_widget_get_visible (reset));
}

/* What a lever holds once its slider is moved to `position`. */
static double
slide_and_read (Fixture   *f,
                LodeLever  lever,
                double     position)
{
  lode_lever_row_slide_to (lode_levers_panel_get_lever_row (f->panel, lever), position);
  return lode_scenario_get_lever (scenario_of (f), lever);
}

/* A year lever takes whole years: what the spin button or the slider gives is rounded there,
 * never refused in silence nor stored as 2029.4 (which the model would round itself). */
static void
test_whole_years (Fixture       *f,
                  gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (lode_lever_row_get_spin_button (
    lode_levers_panel_get_lever_row (f->panel, LODE_LEVER_FUND_START_YEAR)));

  gtk_spin_button_set_value (spin, 2029.4);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), LODE_LEVER_FUND_START_YEAR), ==,
                     2029);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2029);

  /* Typed, as a person would. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "2030.5");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), LODE_LEVER_FUND_START_YEAR), ==,
                     2031);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2031);

  g_assert_cmpfloat (slide_and_read (f, LODE_LEVER_FUND_START_YEAR, 2033.37), ==, 2033);
  /* A duration too; a lever with a finer step keeps its fraction. */
  g_assert_cmpfloat (slide_and_read (f, LODE_LEVER_FUND_YEARS, 6.6), ==, 7);
  g_assert_cmpfloat (slide_and_read (f, LODE_LEVER_FUND_SIZE_BUSD, 12.5), ==, 12.5);
}

static void
test_drag_is_one_step (Fixture       *f,
                       gconstpointer  data)
{
  LodeLever lever = LODE_LEVER_FUND_SIZE_BUSD;
  LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, lever);
  double before, last = 0.0;

  /* A first, separate step, so the drag's undo has somewhere exact to return to. */
  lode_lever_row_slide_to (row, 12.5);
  before = lode_scenario_get_lever (scenario_of (f), lever);
  g_assert_cmpfloat (before, ==, 12.5);

  lode_lever_row_begin_drag (row);
  for (guint i = 1; i <= 100; i++)
    {
      last = 12.5 + i * 1.5;
      lode_lever_row_slide_to (row, last);
      g_assert_true (lode_lever_row_get_dragging (row));
      g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, last);
    }
  lode_lever_row_end_drag (row);
  g_assert_false (lode_lever_row_get_dragging (row));

  /* One undo takes back the whole drag; the one before it takes back the first step. */
  lode_document_undo (f->document);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, before);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, before);
  g_assert_true (lode_document_can_undo (f->document));
  lode_document_undo (f->document);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==,
                     lode_lever_info (lever)->default_value);
  g_assert_false (lode_document_can_undo (f->document));

  /* Following undo made no step of its own: redo is still there, twice. */
  lode_document_redo (f->document);
  lode_document_redo (f->document);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, last);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, last);
  g_assert_false (lode_document_can_redo (f->document));

  /* A press that changes nothing makes no step. */
  lode_document_undo (f->document);
  g_assert_true (lode_document_can_redo (f->document));
  lode_lever_row_begin_drag (row);
  lode_lever_row_end_drag (row);
  g_assert_true (lode_document_can_redo (f->document));
}

static void
test_follows_document (Fixture       *f,
                       gconstpointer  data)
{
  LodeLever lever = LODE_LEVER_MARKET_SCHEDULE_SLIP_YEARS;
  LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, lever);
  g_autoptr(GError) error = NULL;
  double old = lode_scenario_get_lever (scenario_of (f), lever);
  double value = old + 1.0;

  /* A change from elsewhere shows in the row and makes exactly one step. */
  g_assert_true (lode_scenario_set_lever (scenario_of (f), lever, value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, value);
  g_assert_true (gtk_widget_get_visible (lode_lever_row_get_reset_button (row)));

  lode_document_undo (f->document);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, old);
  g_assert_false (lode_document_can_undo (f->document));
  g_assert_true (lode_document_can_redo (f->document));

  /* A new document state replaces everything (as File ▸ New does). */
  lode_document_redo (f->document);
  g_assert_true (lode_document_new_from_preset (f->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==,
                     lode_scenario_get_lever (scenario_of (f), lever));
  g_assert_false (lode_document_can_undo (f->document));
}

static void
test_switches (Fixture       *f,
               gconstpointer  data)
{
  LodeDataset *dataset = f->dataset;
  GtkSwitch *sw;
  gboolean was;
  guint ally = G_MAXUINT;

  g_assert_null (lode_levers_panel_get_ally_switch (f->panel, dataset->us));
  g_assert_null (lode_levers_panel_get_ally_switch (f->panel, dataset->china));
  g_assert_null (lode_levers_panel_get_shock_target_switch (f->panel, dataset->china));
  g_assert_nonnull (lode_levers_panel_get_shock_target_switch (f->panel, dataset->us));

  for (guint r = 0; r < dataset->n_regions; r++)
    if (r != dataset->us && r != dataset->china)
      {
        sw = lode_levers_panel_get_ally_switch (f->panel, r);
        g_assert_nonnull (sw);
        g_assert_cmpint (gtk_switch_get_active (sw), ==,
                         lode_scenario_get_ally (scenario_of (f), r));
        ally = r;
      }
  g_assert_cmpuint (ally, !=, G_MAXUINT);

  /* An ally switch. */
  sw = lode_levers_panel_get_ally_switch (f->panel, ally);
  was = gtk_switch_get_active (sw);
  gtk_switch_set_active (sw, !was);
  g_assert_cmpint (lode_scenario_get_ally (scenario_of (f), ally), ==, !was);

  /* A shock target. */
  sw = lode_levers_panel_get_shock_target_switch (f->panel, ally);
  was = gtk_switch_get_active (sw);
  gtk_switch_set_active (sw, !was);
  g_assert_cmpint (lode_scenario_get_shock_target (scenario_of (f), ally), ==, !was);

  /* A project switch, and undo moving it back. */
  g_assert_cmpuint (dataset->n_projects, >, 0);
  sw = lode_levers_panel_get_project_switch (f->panel, 0);
  g_assert_nonnull (sw);
  g_assert_true (gtk_switch_get_active (sw));
  g_assert_true (lode_scenario_get_project_enabled (scenario_of (f), 0));
  gtk_switch_set_active (sw, FALSE);
  g_assert_false (lode_scenario_get_project_enabled (scenario_of (f), 0));
  lode_document_undo (f->document);
  g_assert_true (lode_scenario_get_project_enabled (scenario_of (f), 0));
  g_assert_true (gtk_switch_get_active (sw));

  /* Three toggles, three steps. */
  lode_document_undo (f->document);
  lode_document_undo (f->document);
  g_assert_false (lode_document_can_undo (f->document));
  g_assert_cmpint (gtk_switch_get_active (lode_levers_panel_get_ally_switch (f->panel, ally)),
                   ==, lode_scenario_get_ally (scenario_of (f), ally));
}

static void
set_text (LodeProjectDialog *dialog,
          LodeProjectField   field,
          const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (lode_project_dialog_get_field (dialog, field)), text);
}

static void
test_project_dialog (Fixture       *f,
                     gconstpointer  data)
{
  LodeProjectDialog *dialog;
  GtkWidget *add;
  const LodeProject *project;
  g_autoptr(GError) error = NULL;

  dialog = LODE_PROJECT_DIALOG (lode_levers_panel_add_project (f->panel));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  add = lode_project_dialog_get_add_button (dialog);

  /* Empty name: invalid, Add insensitive, and Add refuses. */
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_NAME));
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_false (lode_project_dialog_add (dialog, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  set_text (dialog, LODE_PROJECT_FIELD_NAME, "   ");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_NAME));
  set_text (dialog, LODE_PROJECT_FIELD_NAME, f->dataset->projects[0].name);   /* taken */
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_NAME));
  set_text (dialog, LODE_PROJECT_FIELD_NAME, "Gulf Coast Magnets");
  g_assert_null (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_NAME));
  g_assert_true (gtk_widget_get_sensitive (add));

  /* The entries take no more than a scenario file may hold. */
  {
    GtkEntry *name = GTK_ENTRY (lode_project_dialog_get_field (dialog, LODE_PROJECT_FIELD_NAME));
    GtkEntry *note = GTK_ENTRY (lode_project_dialog_get_field (dialog, LODE_PROJECT_FIELD_NOTE));

    g_assert_cmpint (gtk_entry_get_max_length (name), >, 0);
    g_assert_cmpint (gtk_entry_get_max_length (name), <=, LODE_SCENARIO_MAX_PROJECT_NAME_CHARS);
    g_assert_cmpint (gtk_entry_get_max_length (note), >, 0);
    g_assert_cmpint (gtk_entry_get_max_length (note), <=, LODE_SCENARIO_MAX_PROJECT_NOTE_CHARS);
  }

  /* Capacity: not a number, zero, negative, then fine; the field is marked meanwhile. */
  set_text (dialog, LODE_PROJECT_FIELD_CAPACITY, "lots");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_CAPACITY));
  g_assert_true (gtk_widget_has_css_class (
                   lode_project_dialog_get_field (dialog, LODE_PROJECT_FIELD_CAPACITY), "error"));
  g_assert_false (gtk_widget_get_sensitive (add));
  set_text (dialog, LODE_PROJECT_FIELD_CAPACITY, "0");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_CAPACITY));
  set_text (dialog, LODE_PROJECT_FIELD_CAPACITY, "-5");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_CAPACITY));
  set_text (dialog, LODE_PROJECT_FIELD_CAPACITY, "2500");
  g_assert_null (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_CAPACITY));
  g_assert_false (gtk_widget_has_css_class (
                    lode_project_dialog_get_field (dialog, LODE_PROJECT_FIELD_CAPACITY), "error"));

  /* Online year: outside 2024..2060, or not whole. */
  set_text (dialog, LODE_PROJECT_FIELD_YEAR, "2070");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_YEAR));
  set_text (dialog, LODE_PROJECT_FIELD_YEAR, "2019");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_YEAR));
  g_assert_false (gtk_widget_get_sensitive (add));
  set_text (dialog, LODE_PROJECT_FIELD_YEAR, "2029");
  g_assert_null (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_YEAR));

  /* Capex: negative is refused. */
  set_text (dialog, LODE_PROJECT_FIELD_CAPEX, "-1");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_CAPEX));
  set_text (dialog, LODE_PROJECT_FIELD_CAPEX, "750");
  g_assert_null (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_CAPEX));

  adw_combo_row_set_selected (ADW_COMBO_ROW (lode_project_dialog_get_field (
                                dialog, LODE_PROJECT_FIELD_STAGE)), LODE_STAGE_SEPARATION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lode_project_dialog_get_field (
                                dialog, LODE_PROJECT_FIELD_REGION)), f->dataset->us);
  set_text (dialog, LODE_PROJECT_FIELD_NOTE, "Planning case");
  g_assert_true (lode_project_dialog_is_valid (dialog));
  g_assert_true (gtk_widget_get_sensitive (add));

  /* Add: one step, the project is in the scenario and in the panel, the dialog is gone. */
  g_assert_false (lode_document_can_undo (f->document));
  g_signal_emit_by_name (add, "clicked");
  g_assert_finalize_object (dialog);

  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario_of (f)), ==, 1);
  project = lode_scenario_get_user_project (scenario_of (f), 0);
  g_assert_cmpstr (project->name, ==, "Gulf Coast Magnets");
  g_assert_cmpint (project->stage, ==, LODE_STAGE_SEPARATION);
  g_assert_cmpuint (project->region, ==, f->dataset->us);
  g_assert_cmpfloat (project->capacity.value, ==, 2500.0);
  g_assert_cmpint (project->online_year, ==, 2029);
  g_assert_cmpfloat (project->capex_musd.value, ==, 750.0);
  g_assert_cmpstr (project->note, ==, "Planning case");
  g_assert_true (g_str_has_prefix (project->id, "user-"));
  g_assert_true (lode_document_can_undo (f->document));

  /* Listed with a remove button; removing is a step, undo brings it back. */
  g_assert_nonnull (lode_levers_panel_get_user_project_remove (f->panel, 0));
  g_signal_emit_by_name (lode_levers_panel_get_user_project_remove (f->panel, 0), "clicked");
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario_of (f)), ==, 0);
  g_assert_null (lode_levers_panel_get_user_project_remove (f->panel, 0));
  lode_document_undo (f->document);
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario_of (f)), ==, 1);
  g_assert_nonnull (lode_levers_panel_get_user_project_remove (f->panel, 0));

  /* The same name again is now taken. */
  dialog = g_object_ref (LODE_PROJECT_DIALOG (lode_levers_panel_add_project (f->panel)));
  set_text (dialog, LODE_PROJECT_FIELD_NAME, "gulf coast magnets");
  g_assert_nonnull (lode_project_dialog_get_error (dialog, LODE_PROJECT_FIELD_NAME));
  g_assert_false (gtk_widget_get_sensitive (lode_project_dialog_get_add_button (dialog)));

  /* Escape is bound to window.close: closing adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (lode_scenario_get_n_user_projects (scenario_of (f)), ==, 1);
}

static void
test_document_swap (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LodeDocument) other = lode_document_new (f->dataset);
  LodeLever lever = LODE_LEVER_POLICY_TARIFF_PCT;
  LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, lever);
  g_autoptr(GError) error = NULL;

  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (other), lever, 60.0,
                                          &error));
  g_assert_no_error (error);

  /* A drag open on the old document is closed there when the panel moves on. */
  lode_lever_row_begin_drag (row);
  lode_lever_row_slide_to (row, 40.0);
  lode_levers_panel_set_document (f->panel, other);
  g_assert_false (lode_lever_row_get_dragging (row));
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, 60.0);

  /* The old document no longer follows the panel. */
  lode_lever_row_slide_to (row, 30.0);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (other), lever), ==,
                     30.0);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario_of (f), lever), ==, 40.0);

  lode_levers_panel_set_document (f->panel, f->document);
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, 40.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ui_test_init (&argc, &argv);
  shared_dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (shared_dataset);

  g_test_add_func ("/lode/levers-panel/property-contract", test_property_contract);
#define ADD(path, func) \
  g_test_add ("/lode/levers-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("finishes-after-first-frame", test_finishes_after_first_frame);
  ADD ("rows", test_rows);
  ADD ("row-order", test_row_order);
  ADD ("spin-sets-lever", test_spin_sets_lever);
  ADD ("whole-years", test_whole_years);
  ADD ("drag-is-one-step", test_drag_is_one_step);
  ADD ("follows-document", test_follows_document);
  ADD ("switches", test_switches);
  ADD ("project-dialog", test_project_dialog);
  ADD ("document-swap", test_document_swap);
#undef ADD

  status = g_test_run ();
  lode_dataset_unref (shared_dataset);
  return status;
}
