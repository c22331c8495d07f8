/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analyses-ui.c — the analyses in the window: the tornado and marginal charts fill in
 * from the background, the bands toggle, the difference view (neutral for a scenario against
 * itself), the bottleneck the marginal values name, and the fund advisor's proposal applied
 * as one undo step or compared; the export dialog's tornado and bands; the difference view
 * and the advisor on their own. */

#define G_LOG_DOMAIN "test-analyses-ui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lode-allocation-editor.h"
#include "lode-analyses.h"
#include "lode-chart-view.h"
#include "lode-export-dialog.h"
#include "lode-export-preview.h"
#include "lode-flow-diff-paint.h"
#include "lode-flow-diff-view.h"
#include "lode-flow-view.h"
#include "lode-fund-advisor.h"
#include "lode-levers-panel.h"
#include "lode-widget-style.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;

/* Runs the main loop until `done` says so (or a minute passes). */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (data));
}

static gboolean
analyses_idle (gpointer data)
{
  return !lode_analyses_get_busy (data);
}

static gboolean
advisor_idle (gpointer data)
{
  return !lode_fund_advisor_get_busy (data);
}

static LodeWindow *
open_window (void)
{
  LodeWindow *win = lode_window_new (app);

  g_object_ref (win);
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 780);
  gtk_window_present (GTK_WINDOW (win));
  /* The charts get most of the height: a tornado needs rows. */
  gtk_paned_set_position (win->paned, 260);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  return win;
}

static LodeFundAdvisor *
advisor_of (LodeWindow *win)
{
  return lode_allocation_editor_get_advisor (
    lode_levers_panel_get_allocation_editor (LODE_LEVERS_PANEL (win->levers_panel)));
}

static void
save_render (GtkWidget  *widget,
             const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;

  ui_test_wait_frames (widget, 2);
  texture = ui_test_render (widget);
  if (g_getenv ("LODE_TEST_SAVE_PNG") != NULL)
    gdk_texture_save_to_png (texture, name);
}

/* The charts show the analyses once they are made; the marginal values name the diagram's
 * bottleneck and fill the advisor. */
static void
test_charts (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  LodeAnalyses *analyses = lode_analyses_from_document (doc);
  LodeChartView *chart = LODE_CHART_VIEW (win->chart_view);
  const LodeChartLayout *layout;
  LodeMarginal *marginal;
  int best;

  g_assert_nonnull (analyses);
  g_assert_false (lode_analyses_get_sensitivity_enabled (analyses));
  g_action_group_activate_action (G_ACTION_GROUP (win), "chart",
                                  g_variant_new_string ("tornado"));
  g_assert_cmpint (lode_chart_view_get_kind (chart), ==, LODE_CHART_TORNADO);
  g_assert_true (lode_analyses_get_sensitivity_enabled (analyses));
  wait_until (analyses_idle, analyses);
  ui_test_wait_frames (GTK_WIDGET (win), 1);
  save_render (GTK_WIDGET (win), "test-analyses-ui-tornado.png");
  layout = lode_chart_view_get_layout (chart);
  g_assert_nonnull (layout);
  g_assert_false (layout->empty);
  g_assert_true (layout->horizontal);
  g_assert_cmpint (layout->n_rows, >, 3);

  /* The marginal values: on the chart, the diagram and the advisor alike. */
  marginal = lode_analyses_get_marginal (analyses);
  g_assert_nonnull (marginal);
  lode_document_set_selected_year (doc, 2035);
  best = lode_marginal_best (marginal, 2035);
  g_action_group_activate_action (G_ACTION_GROUP (win), "chart",
                                  g_variant_new_string ("marginal"));
  wait_until (analyses_idle, analyses);
  layout = lode_chart_view_get_layout (chart);
  g_assert_cmpint (layout->n_rows, ==, LODE_N_FUND_KINDS);
  {
    const LodeFlowLayout *flow = lode_flow_view_get_layout (LODE_FLOW_VIEW (win->flow_view));
    gboolean marked = FALSE;

    for (int c = 0; c < LODE_FLOW_N_COLUMNS; c++)
      if (lode_flow_layout_get_header (flow, c)->bottleneck)
        {
          g_assert_cmpint (c, ==, best);
          marked = TRUE;
        }
    g_assert_cmpint (marked, ==, best >= 0 && best < LODE_N_STAGES);
  }
  save_render (GTK_WIDGET (win), "test-analyses-ui-marginal.png");

  g_action_group_activate_action (G_ACTION_GROUP (win), "chart",
                                  g_variant_new_string ("china-free"));
  g_assert_false (lode_analyses_get_sensitivity_enabled (analyses));
  ui_test_finish_window (win);
}

static gboolean
has_band (gpointer data)
{
  const LodeChartLayout *layout = lode_chart_view_get_layout (data);

  for (guint i = 0; layout != NULL && i < layout->series->len; i++)
    if (((LodeChartSeries *) g_ptr_array_index (layout->series, i))->style
        == LODE_CHART_SERIES_BAND)
      return TRUE;
  return FALSE;
}

/* The bands come when asked for, go when a lever moves, and come back. */
static void
test_bands (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  LodeAnalyses *analyses = lode_analyses_from_document (doc);

  lode_analyses_set_bands_runs (analyses, 100);
  g_assert_false (has_band (win->chart_view));
  g_action_group_activate_action (G_ACTION_GROUP (win), "bands", NULL);
  g_assert_true (lode_analyses_get_bands_enabled (analyses));
  wait_until (has_band, win->chart_view);
  save_render (GTK_WIDGET (win), "test-analyses-ui-bands.png");

  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (doc),
                                          LODE_LEVER_FUND_SIZE_BUSD, 12, NULL));
  g_assert_null (lode_analyses_get_bands (analyses));
  g_assert_false (has_band (win->chart_view));
  wait_until (has_band, win->chart_view);

  g_action_group_activate_action (G_ACTION_GROUP (win), "bands", NULL);
  g_assert_false (has_band (win->chart_view));
  ui_test_finish_window (win);
}

/* The difference view takes the diagram's place: neutral for the Baseline against itself,
 * changed once the plan changes; Export and Copy then take it. */
static void
test_flow_diff (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  GtkWidget *diff = gtk_widget_get_next_sibling (win->flow_view);
  const LodeFlowDiffLayout *layout;
  g_autofree char *view = NULL;

  g_assert_true (LODE_IS_FLOW_DIFF_VIEW (diff));
  g_assert_false (gtk_widget_get_visible (diff));
  g_action_group_activate_action (G_ACTION_GROUP (win), "flow-diff", NULL);
  g_assert_true (gtk_widget_get_visible (diff));
  g_assert_false (gtk_widget_get_visible (win->flow_view));
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  layout = lode_flow_diff_view_get_layout (LODE_FLOW_DIFF_VIEW (diff));
  g_assert_nonnull (layout);
  g_assert_true (lode_flow_diff_is_neutral (layout->diff));
  view = lode_window_dup_current_view (win);
  g_assert_cmpstr (view, ==, "flow-diff");

  g_assert_true (lode_scenario_set_lever (lode_document_get_scenario (doc),
                                          LODE_LEVER_FUND_SIZE_BUSD, 40, NULL));
  lode_document_set_selected_year (doc, 2036);
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  layout = lode_flow_diff_view_get_layout (LODE_FLOW_DIFF_VIEW (diff));
  g_assert_cmpint (layout->year, ==, 2036);
  g_assert_false (lode_flow_diff_is_neutral (layout->diff));
  save_render (GTK_WIDGET (win), "test-analyses-ui-flow-diff.png");

  g_action_group_activate_action (G_ACTION_GROUP (win), "flow-diff", NULL);
  g_assert_true (gtk_widget_get_visible (win->flow_view));
  ui_test_finish_window (win);
}

/* The advisor's proposal reaches its target; applied, it is one undo step; compared, it is
 * the charts' baseline; locks hold. */
static void
test_advisor (void)
{
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  LodeScenario *scenario = lode_document_get_scenario (doc);
  LodeFundAdvisor *advisor = advisor_of (win);
  LodeAllocationEditor *editor =
    lode_levers_panel_get_allocation_editor (LODE_LEVERS_PANEL (win->levers_panel));
  g_autoptr(LodeOptimiseResult) proposal = NULL;
  double shares[LODE_N_ALLOC], magnet;

  lode_scenario_get_allocation (scenario, shares);
  magnet = shares[LODE_STAGE_MAGNET];
  lode_allocation_editor_set_locked (editor, LODE_STAGE_MAGNET, TRUE);
  lode_fund_advisor_find (advisor, LODE_OPTIMISE_SMALLEST_FUND, 0.45, 2031);
  g_assert_true (lode_fund_advisor_get_busy (advisor));
  wait_until (advisor_idle, advisor);
  g_assert_nonnull (lode_fund_advisor_get_proposal (advisor));
  proposal = lode_optimise_result_ref (lode_fund_advisor_get_proposal (advisor));
  g_assert_true (proposal->reached);
  g_assert_cmpfloat (proposal->shares[LODE_STAGE_MAGNET], ==, magnet);

  g_assert_true (lode_fund_advisor_compare (advisor));
  g_assert_true (lode_document_get_baseline_pinned (doc));
  /* Comparing keeps the proposal: the plan itself did not change. */
  g_assert_nonnull (lode_fund_advisor_get_proposal (advisor));
  lode_document_pin_baseline (doc, NULL);

  g_assert_false (lode_document_can_undo (doc));
  g_assert_true (lode_fund_advisor_apply (advisor));
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==,
                     proposal->fund_busd);
  g_assert_true (lode_document_can_undo (doc));
  g_assert_null (lode_fund_advisor_get_proposal (advisor));
  lode_document_undo (doc);
  scenario = lode_document_get_scenario (doc);
  g_assert_cmpfloat (lode_scenario_get_lever (scenario, LODE_LEVER_FUND_SIZE_BUSD), ==, 0);
  g_assert_false (lode_document_can_undo (doc));

  /* A change while it searches stops it. */
  lode_fund_advisor_find (advisor, LODE_OPTIMISE_SMALLEST_FUND, 0.5, 2030);
  g_assert_true (lode_scenario_set_lever (scenario, LODE_LEVER_POLICY_TARIFF_PCT, 50, NULL));
  g_assert_false (lode_fund_advisor_get_busy (advisor));
  g_assert_null (lode_fund_advisor_get_proposal (advisor));
  lode_allocation_editor_set_locked (editor, LODE_STAGE_MAGNET, FALSE);
  ui_test_finish_window (win);
}

static gboolean
preview_has_tornado (gpointer data)
{
  const LodeExportRequest *page = lode_export_preview_get_page (data);

  return page != NULL && page->sensitivity != NULL;
}

static gpointer
dialog_child (LodeExportDialog *dialog,
              const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   LODE_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

/* The export dialog shows and writes the analyses: the tornado even when the window shows
 * another chart (asked for while it is chosen, given back after), the bands while they are on,
 * and its preview keeps what it shows when the analyses make new ones. */
static void
test_export_dialog (void)
{
  g_autoptr(GError) error = NULL;
  LodeWindow *win = open_window ();
  LodeDocument *doc = lode_window_get_document (win);
  LodeAnalyses *analyses = lode_analyses_from_document (doc);
  LodeExportDialog *dialog;
  LodeExportPreview *preview;
  const LodeExportRequest *page;
  g_autofree char *dir = g_dir_make_tmp ("lode-analyses-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tornado.png", NULL);
  g_autoptr(GdkTexture) png = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (lode_chart_view_get_kind (LODE_CHART_VIEW (win->chart_view)), !=,
                   LODE_CHART_TORNADO);
  lode_analyses_set_bands_runs (analyses, 100);
  g_action_group_activate_action (G_ACTION_GROUP (win), "bands", NULL);

  dialog = lode_export_dialog_new (GTK_WINDOW (win), doc, "chart:tornado");
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  preview = dialog_child (dialog, "preview");
  g_assert_true (lode_analyses_get_sensitivity_enabled (analyses));
  wait_until (preview_has_tornado, preview);
  wait_until (analyses_idle, analyses);
  page = lode_export_preview_get_page (preview);
  g_assert_cmpint (page->view, ==, LODE_EXPORT_VIEW_CHART);
  g_assert_cmpint (page->chart, ==, LODE_CHART_TORNADO);
  g_assert_true (page->sensitivity == lode_analyses_get_sensitivity (analyses));
  g_assert_nonnull (page->bands);

  /* A new year makes a new tornado; the preview holds the old one until then. */
  lode_document_set_selected_year (doc, 2033);
  g_assert_null (lode_analyses_get_sensitivity (analyses));
  ui_test_wait_frames (GTK_WIDGET (dialog), 1);
  wait_until (analyses_idle, analyses);
  g_assert_true (lode_export_preview_get_page (preview)->sensitivity
                 == lode_analyses_get_sensitivity (analyses));

  /* Another view gives the tornado back; so does closing on it, as a written file does. */
  adw_combo_row_set_selected (dialog_child (dialog, "view_row"), 1 + LODE_CHART_CHINA_FREE);
  g_assert_false (lode_analyses_get_sensitivity_enabled (analyses));
  g_assert_nonnull (lode_export_preview_get_page (preview)->bands);
  adw_combo_row_set_selected (dialog_child (dialog, "view_row"), 1 + LODE_CHART_TORNADO);
  g_assert_true (lode_analyses_get_sensitivity_enabled (analyses));
  wait_until (analyses_idle, analyses);
  g_assert_true (lode_export_dialog_export_to_path (dialog, path, &error));
  g_assert_no_error (error);
  png = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (png), >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  ui_test_finish_window (dialog);
  g_assert_false (lode_analyses_get_sensitivity_enabled (analyses));

  g_unlink (path);
  g_rmdir (dir);
  ui_test_finish_window (win);
}

typedef struct
{
  const LodeFlowDiffLayout *layout;
  LodePalette               palette;
} DiffPaint;

static void
paint_diff (cairo_t  *cr,
            gpointer  data)
{
  DiffPaint *diff = data;

  lode_flow_diff_paint (cr, diff->layout, &diff->palette);
}

/* On their own: the difference view and the advisor lay out and finish; the difference view
 * shows its painting pixel for pixel (rasterised, lode-raster.h). */
static void
test_widgets_alone (void)
{
  g_autoptr(GError) error = NULL;
  LodeDataset *dataset = lode_application_get_dataset (app);
  g_autoptr(LodeDocument) doc = lode_document_new (dataset);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *diff = lode_flow_diff_view_new ();
  GtkWidget *advisor = lode_fund_advisor_new ();
  GValue year = G_VALUE_INIT;

  g_assert_true (lode_document_new_from_preset (doc, "mine-to-magnet", &error));
  g_value_init (&year, G_TYPE_INT);
  g_value_set_int (&year, 2035);
  ui_test_check_property (diff, "year", &year);
  gtk_box_append (GTK_BOX (box), diff);
  gtk_box_append (GTK_BOX (box), advisor);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  lode_flow_diff_view_set_projections (LODE_FLOW_DIFF_VIEW (diff),
                                       lode_document_get_projection (doc),
                                       lode_document_get_baseline (doc));
  lode_flow_diff_view_set_year (LODE_FLOW_DIFF_VIEW (diff), 2035);
  lode_fund_advisor_set_document (LODE_FUND_ADVISOR (advisor), doc);
  {
    g_autoptr(LodeAnalysisModel) model = lode_analysis_model_new (dataset,
                                                                  lode_document_get_scenario (doc));
    g_autoptr(LodeMarginal) marginal = lode_marginal_run (model, 0.5, NULL, NULL);

    lode_fund_advisor_set_marginal (LODE_FUND_ADVISOR (advisor), marginal, 2034);
  }
  g_object_ref (window);
  g_object_ref (diff);
  g_object_ref (advisor);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_frames (window, 2);
  save_render (window, "test-analyses-ui-alone.png");
  g_assert_nonnull (lode_flow_diff_view_get_layout (LODE_FLOW_DIFF_VIEW (diff)));
  g_assert_false (lode_flow_diff_is_neutral (
    lode_flow_diff_view_get_layout (LODE_FLOW_DIFF_VIEW (diff))->diff));
  {
    DiffPaint painting = { lode_flow_diff_view_get_layout (LODE_FLOW_DIFF_VIEW (diff)) };

    lode_widget_style_read_view_palette (diff, lode_document_get_projection (doc),
                                         &painting.palette);
    g_assert_cmpuint (ui_test_count_differences_from_paint (diff, paint_diff, &painting), ==, 0);
  }
  ui_test_finish_window (window);
  g_assert_finalize_object (diff);
  g_assert_finalize_object (advisor);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  app = ui_test_app_new ();

  g_test_add_func ("/lode/analyses-ui/charts", test_charts);
  g_test_add_func ("/lode/analyses-ui/bands", test_bands);
  g_test_add_func ("/lode/analyses-ui/flow-diff", test_flow_diff);
  g_test_add_func ("/lode/analyses-ui/advisor", test_advisor);
  g_test_add_func ("/lode/analyses-ui/export-dialog", test_export_dialog);
  g_test_add_func ("/lode/analyses-ui/widgets-alone", test_widgets_alone);

  return ui_test_run_with_app (app);
}
