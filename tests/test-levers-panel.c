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
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->window);
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

      /* The slider and the spin button share one adjustment with the lever's range. */
      adjustment = lode_lever_row_get_adjustment (row);
      g_assert_true (gtk_range_get_adjustment (GTK_RANGE (lode_lever_row_get_scale (row)))
                     == adjustment);
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

static void
test_tooltip_text (void)
{
  g_autofree char *floor = lode_lever_dup_tooltip (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  g_autofree char *year = lode_lever_format_value (LODE_LEVER_FUND_START_YEAR, 2026, TRUE);
  g_autofree char *size = lode_lever_format_value (LODE_LEVER_FUND_SIZE_BUSD, 1234.5, TRUE);
  const LodeLeverInfo *info = lode_lever_info (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  g_autofree char *expected = NULL;

  g_assert_cmpstr (year, ==, "2026");            /* years never grouped, no unit */
  g_assert_cmpstr (size, ==, "1234.5 $ bn");     /* C.UTF-8 has no grouping */

  g_autofree char *value = lode_lever_format_value (LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG,
                                                    info->default_value, TRUE);

  g_assert_true (g_str_has_suffix (value, " $/kg"));
  expected = g_strdup_printf ("Default: %s — source ", value);
  g_assert_nonnull (strstr (floor, expected));
  if (info->source != NULL && lode_source_short_title (info->source) != NULL)
    g_assert_nonnull (strstr (floor, lode_source_short_title (info->source)));
  g_assert_cmpstr (lode_source_short_title ("MP-DoD"), ==, "MP Materials 8-K, Jul 2025");
  g_assert_null (lode_source_short_title ("NO-SUCH-SOURCE"));
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
  gtk_range_set_value (GTK_RANGE (lode_lever_row_get_scale (row)), target + 10);
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

static void
test_drag_is_one_step (Fixture       *f,
                       gconstpointer  data)
{
  LodeLever lever = LODE_LEVER_FUND_SIZE_BUSD;
  LodeLeverRow *row = lode_levers_panel_get_lever_row (f->panel, lever);
  GtkRange *scale = GTK_RANGE (lode_lever_row_get_scale (row));
  double before, last = 0.0;

  /* A first, separate step, so the drag's undo has somewhere exact to return to. */
  gtk_range_set_value (scale, 12.5);
  before = lode_scenario_get_lever (scenario_of (f), lever);
  g_assert_cmpfloat (before, ==, 12.5);

  lode_lever_row_begin_drag (row);
  for (guint i = 1; i <= 100; i++)
    {
      last = 12.5 + i * 1.5;
      gtk_range_set_value (scale, last);
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
check_allocation (LodeAllocationEditor *editor,
                  LodeScenario         *scenario,
                  const double          before[LODE_N_ALLOC])
{
  double shares[LODE_N_ALLOC];
  double sum = 0.0;

  lode_allocation_editor_get_shares (editor, shares);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_assert_cmpfloat (shares[i], >=, 0.0);
      g_assert_cmpfloat (shares[i], <=, 100.0);
      sum += shares[i];
      if (lode_allocation_editor_get_locked (editor, i))
        g_assert_cmpfloat (shares[i], ==, before[i]);
      /* The rows show what the scenario holds. */
      g_assert_cmpfloat (lode_lever_row_get_value (lode_allocation_editor_get_row (editor, i)),
                         ==, shares[i]);
      g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_ALLOC_FIRST + i), ==,
                         shares[i]);
    }
  g_assert_cmpfloat_with_epsilon (sum, 100.0, 1e-9);
}

static void
test_allocation (Fixture       *f,
                 gconstpointer  data)
{
  LodeAllocationEditor *editor = lode_levers_panel_get_allocation_editor (f->panel);
  const double extremes[] = { 0.0, 100.0, -5.0, 150.0, 1e-12, 99.999999999, 50.0, 33.3 };
  double before[LODE_N_ALLOC];
  g_autofree char *summary = NULL;

  g_assert_nonnull (editor);
  g_assert_true (lode_allocation_editor_get_document (editor) == f->document);

  /* A plain move: the unlocked others rescale proportionally. */
  lode_allocation_editor_get_shares (editor, before);
  lode_allocation_editor_move (editor, 0, before[0] + 10.0);
  check_allocation (editor, scenario_of (f), before);
  {
    double after[LODE_N_ALLOC];

    lode_allocation_editor_get_shares (editor, after);
    g_assert_cmpfloat_with_epsilon (after[0], before[0] + 10.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (after[1] / after[3], before[1] / before[3], 1e-9);
  }

  /* Random sequences of locks and moves, including the extremes. */
  for (guint run = 0; run < 400; run++)
    {
      guint index = g_test_rand_int_range (0, LODE_N_ALLOC);
      double value;

      if (g_test_rand_int_range (0, 4) == 0)
        lode_allocation_editor_set_locked (editor, g_test_rand_int_range (0, LODE_N_ALLOC),
                                           g_test_rand_bit ());

      if (g_test_rand_int_range (0, 3) == 0)
        value = extremes[g_test_rand_int_range (0, G_N_ELEMENTS (extremes))];
      else
        value = g_test_rand_double_range (-10.0, 110.0);

      lode_allocation_editor_get_shares (editor, before);
      lode_allocation_editor_move (editor, index, value);
      check_allocation (editor, scenario_of (f), before);
    }

  /* Everything locked but one: that one cannot move. */
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    lode_allocation_editor_set_locked (editor, i, i != 2);
  lode_allocation_editor_get_shares (editor, before);
  lode_allocation_editor_move (editor, 2, 100.0);
  check_allocation (editor, scenario_of (f), before);
  {
    double after[LODE_N_ALLOC];

    lode_allocation_editor_get_shares (editor, after);
    g_assert_cmpfloat (after[2], ==, before[2]);
  }

  /* A locked share refuses to move, and its slider is insensitive. */
  g_assert_false (gtk_widget_get_sensitive (
                    lode_lever_row_get_scale (lode_allocation_editor_get_row (editor, 0))));
  lode_allocation_editor_move (editor, 0, 0.0);
  check_allocation (editor, scenario_of (f), before);

  /* A slider drag through a row is one step and rescales from where it began. */
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    lode_allocation_editor_set_locked (editor, i, i == 4);
  lode_allocation_editor_get_shares (editor, before);
  {
    LodeLeverRow *row = lode_allocation_editor_get_row (editor, 1);
    GtkRange *scale = GTK_RANGE (lode_lever_row_get_scale (row));
    double after[LODE_N_ALLOC];

    lode_lever_row_begin_drag (row);
    for (guint i = 0; i <= 100; i++)
      {
        double start[LODE_N_ALLOC];

        memcpy (start, before, sizeof start);
        gtk_range_set_value (scale, i);
        check_allocation (editor, scenario_of (f), start);
      }
    gtk_range_set_value (scale, before[1]);   /* back where it started */
    lode_lever_row_end_drag (row);

    lode_allocation_editor_get_shares (editor, after);
    for (guint i = 0; i < LODE_N_ALLOC; i++)
      g_assert_cmpfloat_with_epsilon (after[i], before[i], 1e-9);

    /* Drag once more, then one undo restores the exact shares from before that drag. */
    memcpy (before, after, sizeof before);
    lode_lever_row_begin_drag (row);
    gtk_range_set_value (scale, 0.0);
    gtk_range_set_value (scale, 60.0);
    lode_lever_row_end_drag (row);
    lode_document_undo (f->document);
    lode_allocation_editor_get_shares (editor, after);
    for (guint i = 0; i < LODE_N_ALLOC; i++)
      g_assert_cmpfloat (after[i], ==, before[i]);
  }

  summary = lode_allocation_editor_dup_summary (editor);
  g_assert_nonnull (strstr (summary, lode_stage_name (LODE_STAGE_MINE)));
  g_assert_nonnull (strstr (summary, "Recycling"));
  g_assert_nonnull (strstr (summary, "bn"));
}

static void
test_allocation_money (Fixture       *f,
                       gconstpointer  data)
{
  LodeAllocationEditor *editor = lode_levers_panel_get_allocation_editor (f->panel);
  LodeLeverRow *size = lode_levers_panel_get_lever_row (f->panel, LODE_LEVER_FUND_SIZE_BUSD);
  double shares[LODE_N_ALLOC];
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lode_lever_row_get_spin_button (size)), 20.0);
  lode_allocation_editor_get_shares (editor, shares);
  summary = lode_allocation_editor_dup_summary (editor);
  /* Money per stage follows the fund size: 20 bn × the magnet share. */
  expected = g_strdup_printf ("$%.1f bn", 20.0 * shares[LODE_STAGE_MAGNET] / 100.0);
  g_assert_nonnull (strstr (summary, expected));
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
  gtk_range_set_value (GTK_RANGE (lode_lever_row_get_scale (row)), 40.0);
  lode_levers_panel_set_document (f->panel, other);
  g_assert_false (lode_lever_row_get_dragging (row));
  g_assert_cmpfloat (lode_lever_row_get_value (row), ==, 60.0);

  /* The old document no longer follows the panel. */
  gtk_range_set_value (GTK_RANGE (lode_lever_row_get_scale (row)), 30.0);
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

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  shared_dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (shared_dataset);

  g_test_add_func ("/lode/levers-panel/tooltip-text", test_tooltip_text);
#define ADD(path, func) \
  g_test_add ("/lode/levers-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rows", test_rows);
  ADD ("spin-sets-lever", test_spin_sets_lever);
  ADD ("drag-is-one-step", test_drag_is_one_step);
  ADD ("follows-document", test_follows_document);
  ADD ("allocation", test_allocation);
  ADD ("allocation-money", test_allocation_money);
  ADD ("switches", test_switches);
  ADD ("project-dialog", test_project_dialog);
  ADD ("document-swap", test_document_swap);
#undef ADD

  status = g_test_run ();
  lode_dataset_unref (shared_dataset);
  return status;
}
