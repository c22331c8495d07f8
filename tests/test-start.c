/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-start.c — a start that orients and a scenario that tells its story: the first run
 * opens on the presets; a preset card starts a plan; the title, author and notes are edited
 * in the scenario panel, saved, and read back by another window; a preset whose levers moved
 * says so. */

#define G_LOG_DOMAIN "test-start"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lode-flow-view.h"
#include "lode-headline-cards.h"
#include "lode-scenario-io.h"
#include "lode-scenario-panel.h"
#include "lode-start-page.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

/* The label text of a widget's first label child that is not empty. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The first run starts on the presets, each card with its story and figure; a card starts
 * the plan, and later starts go straight to it. */
static void
test_first_run (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LodeWindow *win;
  LodeStartPage *start;
  GtkWidget *card;

  g_settings_reset (settings, "start-page-seen");
  g_application_activate (G_APPLICATION (app));
  win = LODE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (win);
  g_object_ref (win);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));

  g_assert_true (lode_window_get_start_page_visible (win));
  g_assert_cmpstr (adw_window_title_get_title (win->window_title), ==, "Lodestone");
  /* Nothing to export or present before a plan is chosen. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "export"));
  start = LODE_START_PAGE (win->start_page);
  for (guint i = 0; i < lode_presets_get_n (); i++)
    {
      const LodePreset *preset = lode_presets_get (i);

      card = lode_start_page_get_preset_card (start, i);
      g_assert_true (has_label (card, lode_preset_get_title (preset)));
      g_assert_true (has_label (card, lode_preset_get_story (preset)));
      g_assert_false (has_label (card, "—"));   /* a figure, not a dash */
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (card)), ==, "win.new");
    }

  /* Mine to Magnet's card starts that plan. */
  card = lode_start_page_get_preset_card (start, 1);
  g_signal_emit_by_name (card, "clicked");
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  g_assert_false (lode_window_get_start_page_visible (win));
  g_assert_cmpstr (lode_document_get_title (lode_window_get_document (win)), ==,
                   lode_preset_get_title (lode_presets_get (1)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "export"));
  g_assert_true (g_settings_get_boolean (settings, "start-page-seen"));

  /* The menu brings it back any time. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "start-page", NULL);
  g_assert_true (lode_window_get_start_page_visible (win));
  ui_test_finish_window (win);

  /* Not the first run any more: a new start opens on the plan. */
  g_application_activate (G_APPLICATION (app));
  win = g_object_ref (LODE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  g_assert_false (lode_window_get_start_page_visible (win));
  ui_test_finish_window (win);
}

/* Title, author and notes: edited in the panel as one undo step, shown in the header, saved,
 * and read back by another window. */
static void
test_metadata_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-start-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  LodeWindow *win = g_object_ref (lode_window_new (app));
  LodeScenarioPanel *panel;
  LodeDocument *doc = lode_window_get_document (win);
  GtkTextBuffer *notes;
  GtkTextIter start, end;
  g_autofree char *shown_notes = NULL;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  panel = LODE_SCENARIO_PANEL (win->scenario_panel);

  /* The header's title opens the panel. */
  g_assert_true (gtk_menu_button_get_popover (win->title_button) != NULL);
  gtk_editable_set_text (lode_scenario_panel_get_title_entry (panel), "Big Push");
  gtk_editable_set_text (lode_scenario_panel_get_author_entry (panel), "A. Planner");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (lode_scenario_panel_get_notes_view (panel)),
                            "A hundred billion, five years.", -1);
  lode_scenario_panel_commit (panel);
  g_assert_cmpstr (lode_document_get_title (doc), ==, "Big Push");
  g_assert_true (g_str_has_suffix (adw_window_title_get_title (win->window_title), "Big Push"));
  g_assert_true (lode_document_get_modified (doc));
  /* One step: one undo takes all three back, one redo brings them again. */
  lode_document_undo (doc);
  g_assert_cmpstr (lode_scenario_get_author (lode_document_get_scenario (doc)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (lode_scenario_panel_get_title_entry (panel)), !=,
                   "Big Push");
  lode_document_redo (doc);
  g_assert_cmpstr (lode_scenario_get_author (lode_document_get_scenario (doc)), ==,
                   "A. Planner");

  g_assert_true (lode_document_save (doc, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<title>Big Push</title>"));
  g_assert_nonnull (strstr (contents, "<author>A. Planner</author>"));
  g_assert_nonnull (strstr (contents, "<notes>A hundred billion, five years.</notes>"));
  /* Saved: the panel gives the dataset and the dates. */
  g_assert_nonnull (strstr (gtk_label_get_text (lode_scenario_panel_get_details_label (panel)),
                            "reference-2024"));
  ui_test_finish_window (win);

  /* Another window reads the story back. */
  win = g_object_ref (lode_window_new (app));
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (lode_window_load_now (win, file));
  panel = LODE_SCENARIO_PANEL (win->scenario_panel);
  g_assert_cmpstr (gtk_editable_get_text (lode_scenario_panel_get_title_entry (panel)), ==,
                   "Big Push");
  g_assert_cmpstr (gtk_editable_get_text (lode_scenario_panel_get_author_entry (panel)), ==,
                   "A. Planner");
  notes = gtk_text_view_get_buffer (lode_scenario_panel_get_notes_view (panel));
  gtk_text_buffer_get_bounds (notes, &start, &end);
  shown_notes = gtk_text_buffer_get_text (notes, &start, &end, FALSE);
  g_assert_cmpstr (shown_notes, ==, "A hundred billion, five years.");
  g_assert_true (g_str_has_suffix (adw_window_title_get_title (win->window_title), "Big Push"));
  ui_test_finish_window (win);

  g_unlink (path);
  g_rmdir (dir);
}

/* A preset keeps notes that describe its intent; once its levers move, the window says the
 * plan is modified from the preset, and undoing the move takes that back. */
static void
test_modified_from_preset (void)
{
  g_autoptr(GError) error = NULL;
  LodeWindow *win = g_object_ref (lode_window_new (app));
  LodeDocument *doc = lode_window_get_document (win);
  GtkLabel *origin;

  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (lode_document_new_from_preset (doc, "mine-to-magnet", &error));
  g_assert_no_error (error);
  origin = lode_scenario_panel_get_origin_label (LODE_SCENARIO_PANEL (win->scenario_panel));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (origin)));
  g_assert_null (strstr (gtk_label_get_text (origin), "Modified"));
  g_assert_null (strstr (adw_window_title_get_subtitle (win->window_title), "preset"));

  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (doc),
                                          LODE_LEVER_FUND_SIZE_BUSD, 100, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_label_get_text (origin), "Modified from the"));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (win->window_title),
                            "modified from the preset"));

  lode_document_undo (doc);
  g_assert_null (strstr (adw_window_title_get_subtitle (win->window_title), "preset"));

  /* A scenario of its own title is nobody's preset. */
  lode_scenario_set_title (lode_document_get_scenario (doc), "My Own Plan");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (origin)));
  ui_test_finish_window (win);
}

/* What the first frame of a window showed. */
typedef struct
{
  LodeWindow *window;
  gboolean    painted;
  char       *title;       /* the header's title then */
  char       *value;       /* the first headline card's value then */
  gboolean    has_layout;  /* the diagram had its layout */
} FirstFrame;

static void
first_paint_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  if (first->painted)
    return;
  first->painted = TRUE;
  first->title = g_strdup (adw_window_title_get_title (first->window->window_title));
  first->value = g_strdup (gtk_label_get_text (
    lode_headline_cards_get_value_label (LODE_HEADLINE_CARDS (first->window->cards),
                                         LODE_HEADLINE_CHINA_FREE_2030)));
  first->has_layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (first->window->flow_view))
                      != NULL;
}

static void
window_realize_cb (GtkWidget  *widget,
                   FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (first_paint_cb), first);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 FirstFrame     *first)
{
  first->window = LODE_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), first);
}

/* `lodestone FILE`: the very first frame shows the file's plan, with its figures and the
 * diagram, not the Baseline it used to show before the file was read. */
static void
test_first_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-start-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "first.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LodeScenario) scenario = NULL;
  FirstFrame first = { 0 };
  gulong added;
  LodeWindow *win;

  g_assert_no_error (error);
  scenario = lode_scenario_load_preset (lode_application_get_dataset (app), "mine-to-magnet",
                                        &error);
  g_assert_no_error (error);
  lode_scenario_set_title (scenario, "First Frame Plan");
  g_assert_true (lode_scenario_save_to_file (scenario, file, NULL, &error));
  g_assert_no_error (error);

  added = g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &first);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_signal_handler_disconnect (app, added);
  win = g_object_ref (first.window);
  while (!first.painted)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (first.title, ==, "First Frame Plan");
  g_assert_cmpstr (first.value, !=, "\342\200\224");   /* a figure, not the dash */
  g_assert_true (first.has_layout);
  g_free (first.title);
  g_free (first.value);
  ui_test_finish_window (win);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  app = ui_test_app_new ();

  g_test_add_func ("/lode/start/first-run", test_first_run);
  g_test_add_func ("/lode/start/metadata-round-trip", test_metadata_round_trip);
  g_test_add_func ("/lode/start/modified-from-preset", test_modified_from_preset);
  g_test_add_func ("/lode/start/first-frame", test_first_frame);

  return ui_test_run_with_app (app);
}
