/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scenario-panel.c — LodeScenarioPanel on its own: it shows the scenario's title, author
 * and notes and the dataset it builds on; an edit reaches the scenario on Enter, on the apply
 * button, when the notes lose the focus, or on commit, as one undo step (and no step when
 * nothing changed); the fields follow undo and a new scenario; the dates appear once saved;
 * the origin line says whether a preset's levers moved; and its one property, "document". */

#define G_LOG_DOMAIN "test-scenario-panel"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lode-presets.h"
#include "lode-scenario-panel.h"
#include "ui-test-util.h"

static LodeDataset *shared_dataset;

typedef struct
{
  LodeDocument      *document;
  LodeScenarioPanel *panel;
  GtkWidget         *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->document = lode_document_new (shared_dataset);
  g_assert_true (lode_document_new_from_preset (f->document, "mine-to-magnet", &error));
  g_assert_no_error (error);
  f->panel = g_object_ref (LODE_SCENARIO_PANEL (lode_scenario_panel_new ()));
  lode_scenario_panel_set_document (f->panel, f->document);
  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->panel));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_finish_window (f->window);
  g_assert_finalize_object (f->panel);
  g_assert_finalize_object (f->document);
}

static char *
dup_shown_notes (LodeScenarioPanel *panel)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (lode_scenario_panel_get_notes_view (panel));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_notes (LodeScenarioPanel *panel,
           const char        *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (lode_scenario_panel_get_notes_view (panel)),
                            text, -1);
}

/* The fields show the scenario, with the dataset's id and version. */
static void
test_shows (Fixture       *f,
            gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (f->document);
  const char *details = gtk_label_get_text (lode_scenario_panel_get_details_label (f->panel));
  g_autofree char *notes = dup_shown_notes (f->panel);

  g_assert_cmpstr (gtk_editable_get_text (lode_scenario_panel_get_title_entry (f->panel)), ==,
                   lode_scenario_get_title (scenario));
  g_assert_cmpstr (gtk_editable_get_text (lode_scenario_panel_get_title_entry (f->panel)), ==,
                   lode_preset_get_title (lode_preset_find ("mine-to-magnet")));
  g_assert_cmpstr (notes, ==, lode_scenario_get_notes (scenario));
  g_assert_cmpuint (strlen (notes), >, 20);   /* the preset's story */
  g_assert_nonnull (strstr (details, shared_dataset->id));
  g_assert_nonnull (strstr (details, shared_dataset->version));
  /* Never saved: no dates yet. */
  g_assert_null (strstr (details, "saved"));

  /* A new scenario replaces what the fields show. */
  g_assert_true (lode_document_new_from_preset (f->document, "baseline", NULL));
  g_assert_cmpstr (gtk_editable_get_text (lode_scenario_panel_get_title_entry (f->panel)), ==,
                   lode_scenario_get_title (lode_document_get_scenario (f->document)));
}

/* Enter in the title, the author's apply button, and the notes losing the focus each write
 * what was typed; each is one step to undo, and the fields follow the undo. */
static void
test_commits (Fixture       *f,
              gconstpointer  data)
{
  LodeScenario *scenario = lode_document_get_scenario (f->document);
  GtkEditable *title = lode_scenario_panel_get_title_entry (f->panel);
  GtkEditable *author = lode_scenario_panel_get_author_entry (f->panel);
  g_autofree char *preset_title = g_strdup (lode_scenario_get_title (scenario));
  g_autofree char *shown = NULL;

  g_assert_false (lode_document_can_undo (f->document));
  /* Committing what the scenario already says is no step. */
  lode_scenario_panel_commit (f->panel);
  g_assert_false (lode_document_can_undo (f->document));
  g_assert_false (lode_document_get_modified (f->document));

  /* Typing alone changes nothing; Enter writes it. */
  gtk_editable_set_text (title, "Magnets First");
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, preset_title);
  g_signal_emit_by_name (title, "entry-activated");
  g_assert_cmpstr (lode_scenario_get_title (scenario), ==, "Magnets First");
  g_assert_true (lode_document_get_modified (f->document));

  gtk_editable_set_text (author, "B. Analyst");
  g_signal_emit_by_name (author, "apply");
  g_assert_cmpstr (lode_scenario_get_author (scenario), ==, "B. Analyst");

  /* The notes are written when they lose the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (lode_scenario_panel_get_notes_view (f->panel)));
  set_notes (f->panel, "Magnet plants before mines.");
  g_assert_cmpstr (lode_scenario_get_notes (scenario), !=, "Magnet plants before mines.");
  gtk_widget_grab_focus (GTK_WIDGET (title));
  g_assert_cmpstr (lode_scenario_get_notes (scenario), ==, "Magnet plants before mines.");

  /* Three edits, three steps: one undo takes back the notes only, the fields with it. */
  lode_document_undo (f->document);
  scenario = lode_document_get_scenario (f->document);
  g_assert_cmpstr (lode_scenario_get_author (scenario), ==, "B. Analyst");
  shown = dup_shown_notes (f->panel);
  g_assert_cmpstr (shown, ==, lode_scenario_get_notes (scenario));
  g_assert_cmpstr (shown, !=, "Magnet plants before mines.");
  lode_document_undo (f->document);
  lode_document_undo (f->document);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, preset_title);
  g_assert_cmpstr (gtk_editable_get_text (author), ==, "");
  g_assert_false (lode_document_can_undo (f->document));
}

/* Once saved, the panel gives when the scenario was created and saved; the file keeps it. */
static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lode-panel-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.lodestone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  const char *details;

  g_assert_no_error (error);
  gtk_editable_set_text (lode_scenario_panel_get_author_entry (f->panel), "C. Saver");
  set_notes (f->panel, "Saved with <care> & \"quotes\".");
  g_assert_true (lode_document_save (f->document, file, &error));
  g_assert_no_error (error);
  /* What was typed but not yet committed is not in the file: the window commits first. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_null (strstr (contents, "C. Saver"));
  g_clear_pointer (&contents, g_free);

  lode_scenario_panel_commit (f->panel);
  g_assert_true (lode_document_save (f->document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<author>C. Saver</author>"));
  g_assert_nonnull (strstr (contents, "Saved with &lt;care&gt; &amp; \"quotes\"."));
  details = gtk_label_get_text (lode_scenario_panel_get_details_label (f->panel));
  g_assert_nonnull (strstr (details, "created"));
  g_assert_nonnull (strstr (details, "saved"));
  g_assert_nonnull (strstr (details, shared_dataset->version));

  g_unlink (path);
  g_rmdir (dir);
}

/* The origin line: the preset as it ships, modified from it, or none. */
static void
test_origin (Fixture       *f,
             gconstpointer  data)
{
  GtkLabel *origin = lode_scenario_panel_get_origin_label (f->panel);
  const LodePreset *preset = lode_preset_find ("allied-partnership");

  lode_scenario_panel_set_origin (f->panel, preset, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (origin)));
  g_assert_nonnull (strstr (gtk_label_get_text (origin), lode_preset_get_title (preset)));
  g_assert_nonnull (strstr (gtk_label_get_text (origin), "as it ships"));

  lode_scenario_panel_set_origin (f->panel, preset, TRUE);
  g_assert_nonnull (strstr (gtk_label_get_text (origin), "Modified from"));
  g_assert_nonnull (strstr (gtk_label_get_text (origin), lode_preset_get_title (preset)));

  lode_scenario_panel_set_origin (f->panel, NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (origin)));
}

/* "document" follows the contract; without one, a commit writes nowhere. */
static void
test_property (void)
{
  GtkWidget *panel = g_object_ref_sink (lode_scenario_panel_new ());
  g_autoptr(LodeDocument) document = lode_document_new (shared_dataset);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, LODE_TYPE_DOCUMENT);
  g_value_set_object (&value, document);
  ui_test_check_property (panel, "document", &value);
  g_assert_null (lode_scenario_panel_get_document (LODE_SCENARIO_PANEL (panel)));
  gtk_editable_set_text (lode_scenario_panel_get_title_entry (LODE_SCENARIO_PANEL (panel)),
                         "Nowhere");
  lode_scenario_panel_commit (LODE_SCENARIO_PANEL (panel));
  g_assert_cmpstr (lode_scenario_get_title (lode_document_get_scenario (document)), !=,
                   "Nowhere");
  g_assert_false (lode_document_can_undo (document));
  g_assert_finalize_object (panel);
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

  g_test_add ("/lode/scenario-panel/shows", Fixture, NULL, fixture_set_up, test_shows,
              fixture_tear_down);
  g_test_add ("/lode/scenario-panel/commits", Fixture, NULL, fixture_set_up, test_commits,
              fixture_tear_down);
  g_test_add ("/lode/scenario-panel/saved", Fixture, NULL, fixture_set_up, test_saved,
              fixture_tear_down);
  g_test_add ("/lode/scenario-panel/origin", Fixture, NULL, fixture_set_up, test_origin,
              fixture_tear_down);
  g_test_add_func ("/lode/scenario-panel/property", test_property);

  status = g_test_run ();
  lode_dataset_unref (shared_dataset);
  return status;
}
