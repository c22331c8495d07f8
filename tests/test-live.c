/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-live.c — a lever moved in the panel reaches the charts, the cards and the diagram on
 * the next frame (and only then), a burst of changes runs the model once, and undo brings
 * back the exact previous projection. */

#define G_LOG_DOMAIN "test-live"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "lode-application.h"
#include "lode-chart-view.h"
#include "lode-flow-view.h"
#include "lode-headline-cards.h"
#include "lode-levers-panel.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

/* The flow view as it looks on screen, as PNG bytes. */
static GBytes *
render_bytes (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = ui_test_render (widget);

  return gdk_texture_save_to_png_bytes (texture);
}

/* Lets the frame clock tick: the window's update runs in the tick before the next paint. */
static void
wait_for_frame (LodeWindow *win)
{
  ui_test_wait_frames (GTK_WIDGET (win), 2);
}

static gboolean
same_years (const LodeProjection *a,
            const LodeProjection *b)
{
  return a->n_years == b->n_years &&
         memcmp (a->years, b->years, sizeof (LodeYear) * (gsize) a->n_years) == 0;
}

static void
test_lever_to_views (void)
{
  LodeWindow *win = g_object_ref (lode_window_new (app));
  LodeDocument *doc = lode_window_get_document (win);
  LodeChartView *chart;
  LodeHeadlineCards *cards;
  LodeLeverRow *row;
  GtkWidget *spin;
  LodeProjection *before;
  LodeProjection *after;
  g_autofree char *cost_before = NULL;
  g_autofree char *share_before = NULL;
  g_autoptr(GBytes) flow_before = NULL;
  g_autoptr(GBytes) flow_after = NULL;
  g_autoptr(GBytes) flow_undone = NULL;

  gtk_window_present (GTK_WINDOW (win));
  wait_for_frame (win);
  chart = LODE_CHART_VIEW (win->chart_view);
  cards = LODE_HEADLINE_CARDS (win->cards);

  before = lode_projection_ref (lode_chart_view_get_projection (chart));
  g_assert_nonnull (before);
  g_assert_true (before == lode_document_get_projection (doc));
  cost_before = g_strdup (gtk_label_get_label (lode_headline_cards_get_value_label (cards,
                                                LODE_HEADLINE_NET_COST)));
  share_before = g_strdup (gtk_label_get_label (lode_headline_cards_get_value_label (cards,
                                                LODE_HEADLINE_CHINA_FREE_2035)));
  flow_before = render_bytes (win->flow_view);

  /* The planner types a fund size into the lever's spin button. */
  row = lode_levers_panel_get_lever_row (LODE_LEVERS_PANEL (win->levers_panel),
                                         LODE_LEVER_FUND_SIZE_BUSD);
  g_assert_nonnull (row);
  spin = lode_lever_row_get_spin_button (row);
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 60.0);
  g_assert_cmpfloat (lode_scenario_get_lever (lode_document_get_scenario (doc),
                                              LODE_LEVER_FUND_SIZE_BUSD), ==, 60.0);
  g_assert_true (lode_document_get_modified (doc));

  /* Nothing is recomputed until the next frame: the views still show the old projection. */
  g_assert_true (lode_chart_view_get_projection (chart) == before);
  g_assert_cmpuint (win->tick_id, !=, 0);

  wait_for_frame (win);
  g_assert_cmpuint (win->tick_id, ==, 0);
  after = lode_chart_view_get_projection (chart);
  g_assert_true (after != before);
  g_assert_true (after == lode_document_get_projection (doc));
  g_assert_false (same_years (after, before));
  /* A $60 bn fund spends public money: the cost card changes, and so does the share. */
  g_assert_cmpstr (gtk_label_get_label (lode_headline_cards_get_value_label (cards,
                     LODE_HEADLINE_NET_COST)), !=, cost_before);
  g_test_message ("public cost: %s -> %s", cost_before,
                  gtk_label_get_label (lode_headline_cards_get_value_label (cards,
                                         LODE_HEADLINE_NET_COST)));
  g_test_message ("China-free 2035: %s -> %s", share_before,
                  gtk_label_get_label (lode_headline_cards_get_value_label (cards,
                                         LODE_HEADLINE_CHINA_FREE_2035)));
  /* The diagram is redrawn from the new projection at the selected year. */
  lode_document_set_selected_year (doc, 2036);
  wait_for_frame (win);
  flow_after = render_bytes (win->flow_view);
  g_assert_false (g_bytes_equal (flow_before, flow_after));

  /* Undo brings back the exact projection we started from. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "undo", NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==,
                     lode_scenario_get_lever (lode_document_get_scenario (doc),
                                              LODE_LEVER_FUND_SIZE_BUSD));
  wait_for_frame (win);
  g_assert_true (same_years (lode_chart_view_get_projection (chart), before));
  g_assert_cmpstr (gtk_label_get_label (lode_headline_cards_get_value_label (cards,
                     LODE_HEADLINE_NET_COST)), ==, cost_before);
  g_assert_false (lode_document_get_modified (doc));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "redo"));

  lode_projection_unref (before);
  ui_test_finish_window (win);
}

/* A burst of changes within one frame — twenty lever changes, each its own undo step, as fast
 * as typing or a script makes them — runs the model exactly once, on the next frame, and
 * nothing more on the frames after. */
static void
test_burst_one_projection (void)
{
  LodeWindow *win = g_object_ref (lode_window_new (app));
  LodeDocument *doc = lode_window_get_document (win);
  LodeScenario *scenario = lode_document_get_scenario (doc);
  LodeLeverRow *row;
  guint runs;

  gtk_window_present (GTK_WINDOW (win));
  wait_for_frame (win);
  runs = lode_document_get_n_runs (doc);

  for (int i = 1; i <= 20; i++)
    g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, i, NULL));
  /* Nothing ran yet: the changes wait for the frame. */
  g_assert_cmpuint (lode_document_get_n_runs (doc), ==, runs);
  g_assert_cmpuint (win->tick_id, !=, 0);

  wait_for_frame (win);
  g_assert_cmpuint (lode_document_get_n_runs (doc), ==, runs + 1);
  g_assert_true (lode_chart_view_get_projection (LODE_CHART_VIEW (win->chart_view))
                 == lode_document_get_projection (doc));
  wait_for_frame (win);
  g_assert_cmpuint (lode_document_get_n_runs (doc), ==, runs + 1);

  /* The same through the levers panel's spin button, twenty values. */
  row = lode_levers_panel_get_lever_row (LODE_LEVERS_PANEL (win->levers_panel),
                                         LODE_LEVER_POLICY_TARIFF_PCT);
  for (int i = 1; i <= 20; i++)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (lode_lever_row_get_spin_button (row)), i);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT), ==, 20);
  g_assert_cmpuint (lode_document_get_n_runs (doc), ==, runs + 1);
  wait_for_frame (win);
  g_assert_cmpuint (lode_document_get_n_runs (doc), ==, runs + 2);

  ui_test_finish_window (win);
}

static void
test_many_changes_one_update (void)
{
  LodeWindow *win = g_object_ref (lode_window_new (app));
  LodeDocument *doc = lode_window_get_document (win);
  LodeScenario *scenario = lode_document_get_scenario (doc);
  LodeChartView *chart;
  guint runs;

  gtk_window_present (GTK_WINDOW (win));
  wait_for_frame (win);
  chart = LODE_CHART_VIEW (win->chart_view);
  runs = lode_document_get_n_runs (doc);

  /* A drag: a hundred changes in one step before the frame clock ticks. */
  lode_document_begin_step (doc);
  for (int i = 1; i <= 100; i++)
    g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD, i * 0.5, NULL));
  lode_document_end_step (doc);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 50.0);

  wait_for_frame (win);
  g_assert_true (lode_chart_view_get_projection (chart) == lode_document_get_projection (doc));
  g_assert_cmpuint (lode_document_get_n_runs (doc), ==, runs + 1);
  /* One undo step for the whole drag. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "undo", NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "undo"));

  /* The year follows between the document, the year control, the diagram and the chart. */
  lode_document_set_selected_year (doc, 2033);
  {
    double year = 0;

    g_object_get (win->year_control, "year", &year, NULL);
    g_assert_cmpfloat (year, ==, 2033.0);
    g_object_get (win->flow_view, "year", &year, NULL);
    g_assert_cmpfloat (year, ==, 2033.0);
    g_assert_cmpint (lode_chart_view_get_selected_year (chart), ==, 2033);
    g_object_set (win->year_control, "year", 2038.0, NULL);
    g_assert_cmpint (lode_document_get_selected_year (doc), ==, 2038);
  }
  /* Clicking a year on the chart selects it everywhere. */
  g_signal_emit_by_name (chart, "year-activated", 2031);
  g_assert_cmpint (lode_document_get_selected_year (doc), ==, 2031);
  g_assert_false (lode_document_get_modified (doc));

  ui_test_finish_window (win);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  app = ui_test_app_new ();

  g_test_add_func ("/lode/live/lever-to-views", test_lever_to_views);
  g_test_add_func ("/lode/live/burst-one-projection", test_burst_one_projection);
  g_test_add_func ("/lode/live/many-changes-one-update", test_many_changes_one_update);

  return ui_test_run_with_app (app);
}
