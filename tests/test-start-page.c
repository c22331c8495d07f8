/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-start-page.c — LodeStartPage on its own: a card per preset with its title, story and
 * the China-free share it reaches in 2035 (the model's figure, not a dash), in rows of equal
 * cards; the recent files of a menu model, followed as it changes, without its placeholder;
 * and every choice reaching the window's actions (win.new with the preset id, win.open,
 * win.open-recent with the URI). */

#define G_LOG_DOMAIN "test-start-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lode-format.h"
#include "lode-presets.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"
#include "lode-start-page.h"
#include "ui-test-util.h"

/* What the "win" actions were asked to do. */
typedef struct
{
  char *last_action;
  char *last_target;
  guint n_activations;
} Activations;

static void
record_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  Activations *seen = user_data;

  g_free (seen->last_action);
  g_free (seen->last_target);
  seen->last_action = g_strdup (g_action_get_name (G_ACTION (action)));
  seen->last_target = parameter != NULL ? g_variant_dup_string (parameter, NULL) : NULL;
  seen->n_activations++;
}

/* A window with the three "win" actions the page uses, recording what they receive. */
static GtkWidget *
window_with_actions (GtkWidget   *page,
                     Activations *seen)
{
  const GActionEntry entries[] = {
    { .name = "new", .activate = record_cb, .parameter_type = "s" },
    { .name = "open", .activate = record_cb },
    { .name = "open-recent", .activate = record_cb, .parameter_type = "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *window = gtk_window_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), seen);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  return g_object_ref (window);
}

/* Whether a label under `widget` shows `text`. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_visible (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The first descendant of `widget` of `type`, or NULL. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first descendant of `widget` whose action is `action`, or NULL. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "52%": the share of US magnet supply free of China that `preset` reaches in 2035. */
static char *
dup_share_2035 (LodeDataset *dataset,
                const char  *preset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (dataset, preset, &error);
  g_autoptr(LodeProjection) projection = NULL;
  const LodeYear *year;

  g_assert_no_error (error);
  projection = lode_projection_run (dataset, scenario, &error);
  g_assert_no_error (error);
  year = lode_projection_get_year (projection, 2035);
  g_assert_nonnull (year);
  return lode_format_share (year->china_free_share_us_demand);
}

/* Every preset has a card with its title, story and own figure; a card starts its preset. */
static void
test_cards (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = lode_dataset_load_default (&error);
  LodeStartPage *page = g_object_ref (LODE_START_PAGE (lode_start_page_new ()));
  Activations seen = { 0 };
  GtkWidget *window = window_with_actions (GTK_WIDGET (page), &seen);
  g_autofree char *baseline = NULL;
  g_autofree char *mine_to_magnet = NULL;
  float first_y = 0;

  g_assert_no_error (error);
  lode_start_page_set_dataset (page, dataset);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  g_assert_cmpuint (lode_presets_get_n (), >=, 4);
  for (guint i = 0; i < lode_presets_get_n (); i++)
    {
      const LodePreset *preset = lode_presets_get (i);
      GtkWidget *card = lode_start_page_get_preset_card (page, i);
      g_autofree char *figure = dup_share_2035 (dataset, preset->id);

      g_assert_true (has_label (card, lode_preset_get_title (preset)));
      g_assert_true (has_label (card, lode_preset_get_story (preset)));
      g_assert_true (has_label (card, figure));
      g_assert_cmpint (gtk_widget_get_width (card), >=, 200);
      g_assert_cmpint (ABS (gtk_widget_get_width (card)
                            - gtk_widget_get_width (lode_start_page_get_preset_card (page, 0))),
                       <=, 1);   /* the spare pixel goes to some of them */
      /* The cards stand in rows of equal cards, four in the first on a wide window of the
       * default size (a long title wraps rather than widening every card). */
      if (i < 4)
        {
          graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), at;

          g_assert_true (gtk_widget_compute_point (card, GTK_WIDGET (page), &origin, &at));
          if (i == 0)
            first_y = at.y;
          g_assert_cmpfloat_with_epsilon (at.y, first_y, 0.5);
        }
    }
  /* The figures tell the presets apart. */
  baseline = dup_share_2035 (dataset, "baseline");
  mine_to_magnet = dup_share_2035 (dataset, "mine-to-magnet");
  g_assert_cmpstr (baseline, !=, mine_to_magnet);

  /* A card asks the window for its preset; Open… for the file chooser. */
  g_signal_emit_by_name (lode_start_page_get_preset_card (page, 1), "clicked");
  g_assert_cmpuint (seen.n_activations, ==, 1);
  g_assert_cmpstr (seen.last_action, ==, "new");
  g_assert_cmpstr (seen.last_target, ==, lode_presets_get (1)->id);
  g_assert_true (has_label (GTK_WIDGET (page), "Scenarios you open or save appear here."));

  /* Setting the dataset again rebuilds the cards, never doubles them. */
  lode_start_page_set_dataset (page, dataset);
  {
    GtkWidget *box = find_descendant (GTK_WIDGET (page), GTK_TYPE_FLOW_BOX);
    guint n = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      n++;
    g_assert_cmpuint (n, ==, lode_presets_get_n ());
  }

  ui_test_finish_window (window);
  g_assert_finalize_object (page);
  g_free (seen.last_action);
  g_free (seen.last_target);
}

static void
append_recent (GMenu      *menu,
               const char *label,
               const char *uri)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                           g_variant_new_string (uri));
  g_menu_append_item (menu, item);
}

/* The recent files: the menu's items with a file, their names as written, where they are,
 * and each opening its file; the list follows the menu. */
static void
test_recent (void)
{
  LodeStartPage *page = g_object_ref (LODE_START_PAGE (lode_start_page_new ()));
  Activations seen = { 0 };
  GtkWidget *window = window_with_actions (GTK_WIDGET (page), &seen);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/plans/big_push.lodestone");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *where = g_file_get_parse_name (file);
  GtkWidget *list, *row, *button;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (lode_start_page_get_n_recent (page), ==, 0);

  /* The application's menu starts with a placeholder that opens nothing. */
  g_menu_append (menu, "No Recent Scenarios", "win.open-recent-none");
  lode_start_page_set_recent (page, G_MENU_MODEL (menu));
  g_assert_cmpuint (lode_start_page_get_n_recent (page), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (page), "Scenarios you open or save appear here."));

  /* The menu doubles an underscore so it is no mnemonic; the row shows the name. */
  g_menu_remove_all (menu);
  append_recent (menu, "big__push.lodestone", uri);
  append_recent (menu, "other.lodestone", "file:///tmp/plans/other.lodestone");
  g_assert_cmpuint (lode_start_page_get_n_recent (page), ==, 2);
  g_assert_false (has_label (GTK_WIDGET (page), "Scenarios you open or save appear here."));
  gtk_test_widget_wait_for_draw (window);

  list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "big_push.lodestone");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, where);
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (seen.last_action, ==, "open-recent");
  g_assert_cmpstr (seen.last_target, ==, uri);

  /* The page follows the menu. */
  g_menu_remove (menu, 1);
  g_assert_cmpuint (lode_start_page_get_n_recent (page), ==, 1);
  lode_start_page_set_recent (page, NULL);
  g_assert_cmpuint (lode_start_page_get_n_recent (page), ==, 0);
  append_recent (menu, "late.lodestone", "file:///tmp/plans/late.lodestone");
  g_assert_cmpuint (lode_start_page_get_n_recent (page), ==, 0);   /* no longer followed */

  /* Open… asks the window for its file chooser. */
  button = find_actionable (GTK_WIDGET (page), "win.open");
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (seen.last_action, ==, "open");
  g_assert_cmpuint (seen.n_activations, ==, 2);

  ui_test_finish_window (window);
  g_assert_finalize_object (page);
  g_free (seen.last_action);
  g_free (seen.last_target);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/lode/start-page/cards", test_cards);
  g_test_add_func ("/lode/start-page/recent", test_recent);

  return g_test_run ();
}
