/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-views.c — what is behind the views: the data table of a chart and of the diagram
 * (sortable, copied as CSV and TSV) and the Sources view, reached from the chart bar, a lever,
 * a headline card and a node of the diagram. */

#define G_LOG_DOMAIN "test-views"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "lode-chart-view.h"
#include "lode-data-table.h"
#include "lode-explain-popover.h"
#include "lode-format.h"
#include "lode-headline-cards.h"
#include "lode-levers-panel.h"
#include "lode-lever-row.h"
#include "lode-sources.h"
#include "lode-sources-window.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

/* Whether a label under `widget` shows `text`: what is on screen, not only in the model. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* Activates the shortcut of `widget` (its own or its class's) that `accel` triggers, as the
 * key press would. */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accel) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* The text on `clipboard`, set in this process. */
static char *
dup_clipboard_text (GdkClipboard *clipboard)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value,
                                                 &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

static LodeWindow *
open_window (void)
{
  LodeWindow *win = g_object_ref (lode_window_new (app));

  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  return win;
}

static guint
count_ghosts (GtkWidget *chart_view)
{
  const LodeChartLayout *layout = lode_chart_view_get_layout (LODE_CHART_VIEW (chart_view));
  guint n = 0;

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->series->len; i++)
    n += ((LodeChartSeries *) g_ptr_array_index (layout->series, i))->style ==
         LODE_CHART_SERIES_GHOST;
  return n;
}

/* The China-free chart's figures: a row per year, the scenario and the baseline, sortable,
 * copied as CSV and TSV in the C locale, from the buttons or Ctrl+C. The Baseline itself has
 * no baseline line to repeat it. */
static void
test_chart_table (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  LodeDataTable *table;
  LodeProjection *projection;
  g_autofree char *csv = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) scenario = NULL;
  GdkClipboard *clipboard;

  lode_window_set_chart (win, LODE_CHART_CHINA_FREE);
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  g_assert_cmpuint (count_ghosts (win->chart_view), ==, 0);
  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (doc),
                                          LODE_LEVER_FUND_SIZE_BUSD, 12, NULL));
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  g_assert_cmpuint (count_ghosts (win->chart_view), ==, 1);
  projection = lode_document_get_projection (doc);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.data-table", "s", "chart");
  g_assert_nonnull (win->data_table);
  table = LODE_DATA_TABLE (win->data_table);
  g_object_ref (table);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (table));

  g_assert_cmpuint (lode_data_table_get_n_rows (table), ==, (guint) projection->n_years);
  /* Year, the baseline, all magnets and their three parts (NdPr, Dy + Tb, SmCo). */
  g_assert_cmpuint (lode_data_table_get_n_columns (table), ==, 6);
  first = lode_data_table_dup_cell (table, 0, 0);
  g_assert_cmpstr (first, ==, "2024");

  csv = lode_data_table_dup_text (table, ',');
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, (guint) projection->n_years + 2);
  g_assert_true (g_str_has_prefix (lines[0], "year,"));
  g_assert_nonnull (strstr (lines[0], "All magnets"));
  g_assert_nonnull (strstr (lines[0], "Baseline"));
  g_assert_true (g_str_has_prefix (lines[1], "2024,"));
  g_assert_null (strchr (lines[1], '%'));   /* numbers, not formatted text */
  tsv = lode_data_table_dup_text (table, '\t');
  g_assert_true (g_str_has_prefix (tsv, "year\t"));

  /* Sorting by the scenario's share of all magnets, highest first, puts the highest on top. */
  columns = gtk_column_view_get_columns (lode_data_table_get_view (table));
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "All magnets") == 0)
        scenario = g_object_ref (column);
    }
  g_assert_nonnull (scenario);
  gtk_column_view_sort_by_column (lode_data_table_get_view (table), scenario,
                                  GTK_SORT_DESCENDING);
  last = lode_data_table_dup_cell (table, 0, 0);
  g_assert_cmpstr (last, !=, "2024");
  {
    double best = 0;
    int best_year = 0;

    for (int i = 0; i < projection->n_years; i++)
      if (projection->years[i].china_free_share_us_demand > best)
        {
          best = projection->years[i].china_free_share_us_demand;
          best_year = projection->years[i].year;
        }
    g_assert_cmpint (atoi (last), ==, best_year);
  }

  /* Copy puts the CSV on the clipboard. */
  lode_data_table_copy (table, ',');
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (table));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    G_TYPE_STRING));
  /* Ctrl+C does the same from the keyboard, in the order shown. */
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (press_shortcut (GTK_WIDGET (table), "<Control>c"));
  {
    g_autofree char *copied = dup_clipboard_text (clipboard);
    g_autofree char *sorted = lode_data_table_dup_text (table, ',');

    g_assert_cmpstr (copied, ==, sorted);
    g_assert_true (g_str_has_prefix (strchr (copied, '\n') + 1, last));
  }

  /* The diagram's table: each stage's production and shares. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.data-table", "s", "flow");
  g_assert_true (win->data_table == GTK_WIDGET (table));
  g_assert_cmpuint (lode_data_table_get_n_columns (table), ==, 1 + 3 * LODE_N_STAGES);
  {
    g_autofree char *share = lode_data_table_dup_cell (table, 0, 2);   /* Mining: China */
    g_autofree char *expected = lode_format_share (projection->years[0].chain[LODE_MATERIAL_NDPR]
                                                   .china_share[LODE_STAGE_MINE]);

    g_assert_cmpstr (share, ==, expected);
    g_assert_cmpstr (share, !=, "0%");
    /* The cells on screen show it too (a cell bound before its column was filled did not). */
    gtk_test_widget_wait_for_draw (GTK_WIDGET (table));
    g_assert_true (shows_text (GTK_WIDGET (lode_data_table_get_view (table)), expected));
  }

  ui_test_finish_window (win);
  g_assert_finalize_object (table);
}

/* The Sources view: every source once; opened on a lever, a card and a node. */
static void
test_sources (void)
{
  LodeWindow *win = open_window ();
  LodeDataset *dataset = lode_document_get_dataset (lode_window_get_document (win));
  guint count = lode_sources_count (dataset);
  LodeSourcesWindow *sources;
  LodeLeverRow *row;
  guint shown;

  /* From the chart bar: everything, with the one count. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.sources", "s", "");
  g_assert_nonnull (win->sources_window);
  sources = g_object_ref (LODE_SOURCES_WINDOW (win->sources_window));
  g_assert_cmpuint (lode_sources_window_get_n_sources (sources), ==, count);
  g_assert_cmpuint (lode_sources_window_get_n_shown (sources), ==, count);
  g_assert_null (lode_sources_window_get_heading (sources));

  /* The search filters by source and by what it feeds. */
  gtk_editable_set_text (lode_sources_window_get_search (sources), "Mineral Commodity");
  g_signal_emit_by_name (lode_sources_window_get_search (sources), "search-changed");
  g_assert_cmpuint (lode_sources_window_get_n_shown (sources), ==, 1);
  gtk_editable_set_text (lode_sources_window_get_search (sources), "");
  g_signal_emit_by_name (lode_sources_window_get_search (sources), "search-changed");

  /* From a lever's source button: the source of its default. */
  row = lode_levers_panel_get_lever_row (LODE_LEVERS_PANEL (win->levers_panel),
                                         LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  g_signal_emit_by_name (lode_lever_row_get_sources_button (row), "clicked");
  g_assert_cmpuint (lode_sources_window_get_n_shown (sources), ==, 1);
  g_assert_nonnull (strstr (lode_sources_window_get_heading (sources), "NdPr price floor"));

  /* A lever whose default is an assumption says so, and shows every source. */
  row = lode_levers_panel_get_lever_row (LODE_LEVERS_PANEL (win->levers_panel),
                                         LODE_LEVER_FUND_YEARS);
  g_signal_emit_by_name (lode_lever_row_get_sources_button (row), "clicked");
  g_assert_nonnull (strstr (lode_sources_window_get_heading (sources), "assumption"));
  g_assert_cmpuint (lode_sources_window_get_n_shown (sources), ==, count);

  /* From a headline card: the sources of what the figure is made of. */
  g_signal_emit_by_name (lode_headline_cards_get_card (LODE_HEADLINE_CARDS (win->cards),
                                                       LODE_HEADLINE_JOBS), "clicked");
  shown = lode_sources_window_get_n_shown (sources);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, count);
  g_assert_nonnull (strstr (lode_sources_window_get_heading (sources), "jobs"));

  /* From a node of the diagram: separation in China. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.sources", "s", "node:1:CN");
  shown = lode_sources_window_get_n_shown (sources);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, count);
  g_assert_nonnull (strstr (lode_sources_window_get_heading (sources), "China"));

  lode_sources_window_show_all (sources);
  g_assert_cmpuint (lode_sources_window_get_n_shown (sources), ==, count);

  ui_test_finish_window (win);
  g_assert_finalize_object (sources);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* An activated headline card shows how its figure is made beside it, the same breakdown as
 * `lodestone --explain`, with the figure's sources a click further. */
static void
test_explain (void)
{
  LodeWindow *win = open_window ();
  LodeProjection *projection = lode_document_get_projection (lode_window_get_document (win));
  g_autoptr(LodeExplanation) expected = lode_explain (projection, "china_free_share_us_demand",
                                                      2030, NULL);
  g_autofree char *expected_text = lode_explanation_to_text (expected);
  LodeHeadlineCards *cards = LODE_HEADLINE_CARDS (win->cards);
  GtkWidget *popover;

  g_signal_emit_by_name (lode_headline_cards_get_card (cards, LODE_HEADLINE_CHINA_FREE_2030),
                         "clicked");
  popover = win->explain_popovers[LODE_HEADLINE_CHINA_FREE_2030];
  g_assert_nonnull (popover);
  gtk_test_widget_wait_for_draw (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_true (gtk_widget_get_parent (popover) ==
                 lode_headline_cards_get_card (cards, LODE_HEADLINE_CHINA_FREE_2030));
  g_assert_cmpstr (lode_explain_popover_get_text (LODE_EXPLAIN_POPOVER (popover)), ==,
                   expected_text);
  g_assert_null (win->sources_window);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The fund's cards explain the NPV; the defence card its need met, in its year. */
  g_signal_emit_by_name (lode_headline_cards_get_card (cards, LODE_HEADLINE_NET_COST), "clicked");
  popover = win->explain_popovers[LODE_HEADLINE_NET_COST];
  g_assert_nonnull (strstr (lode_explain_popover_get_text (LODE_EXPLAIN_POPOVER (popover)),
                            "net present value"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit_by_name (lode_headline_cards_get_card (cards, LODE_HEADLINE_DEFENCE), "clicked");
  popover = win->explain_popovers[LODE_HEADLINE_DEFENCE];
  g_assert_nonnull (strstr (lode_explain_popover_get_text (LODE_EXPLAIN_POPOVER (popover)),
                            "defence"));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* A card without a breakdown (jobs) goes straight to its sources. */
  g_signal_emit_by_name (lode_headline_cards_get_card (cards, LODE_HEADLINE_JOBS), "clicked");
  g_assert_null (win->explain_popovers[LODE_HEADLINE_JOBS]);
  g_assert_nonnull (win->sources_window);
  g_assert_nonnull (strstr (lode_sources_window_get_heading (
                              LODE_SOURCES_WINDOW (win->sources_window)), "jobs"));

  /* GTK 4.8's tooltips keep a timer on the surface a popover showed on the pointer: let it
   * run out while the surfaces exist, before the window goes. */
  wait_ms (1500);
  ui_test_finish_window (win);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  app = ui_test_app_new ();

  g_test_add_func ("/lode/views/chart-table", test_chart_table);
  g_test_add_func ("/lode/views/sources", test_sources);
  g_test_add_func ("/lode/views/explain", test_explain);

  return ui_test_run_with_app (app);
}
