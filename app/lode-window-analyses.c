/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-window-analyses.c — the window's analyses (issue 13): LodeAnalyses keeps them current
 * for the document in the background; their results go to the charts (tornado, marginal
 * values, bands), to the diagram (the bottleneck it names) and to the fund advisor. Two
 * stateful actions toggle the bands on the time charts (win.bands) and the difference view
 * in place of the diagram (win.flow-diff). */

#define G_LOG_DOMAIN "lode-window-analyses"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-allocation-editor.h"
#include "lode-analyses.h"
#include "lode-chart-view.h"
#include "lode-flow-diff-view.h"
#include "lode-flow-view.h"
#include "lode-levers-panel.h"
#include "lode-tooltip.h"
#include "lode-window-private.h"

struct _LodeWindowAnalyses
{
  LodeAnalyses *analyses;
  GtkWidget    *diff_view;      /* in the diagram area, beside the flow view */
  GtkWidget    *bands_button;   /* over the charts */
  GtkWidget    *diff_button;    /* in the header bar */
};

static LodeFundAdvisor *
advisor_of (LodeWindow *self)
{
  LodeAllocationEditor *editor =
    lode_levers_panel_get_allocation_editor (LODE_LEVERS_PANEL (self->levers_panel));

  return editor != NULL ? lode_allocation_editor_get_advisor (editor) : NULL;
}

/* The marginal values' binding stage for the diagram; recycling has no column. */
static int
bottleneck_for (LodeMarginal *marginal,
                int           year)
{
  int best = lode_marginal_best (marginal, lode_marginal_shown_year (marginal, year));

  return best >= 0 && best < LODE_N_STAGES ? best : -1;
}

/* Every view that shows an analysis gets the current results. */
static void
push_results (LodeWindow *self)
{
  LodeWindowAnalyses *wa = self->analyses;
  LodeMarginal *marginal = lode_analyses_get_marginal (wa->analyses);
  int year = lode_document_get_selected_year (self->document);
  LodeFundAdvisor *advisor = advisor_of (self);

  lode_chart_view_set_analyses (LODE_CHART_VIEW (self->chart_view),
                                lode_analyses_get_sensitivity (wa->analyses), marginal,
                                lode_analyses_get_bands (wa->analyses));
  /* While new values are made, the diagram keeps the bottleneck it names. */
  if (marginal != NULL)
    lode_flow_view_set_bottleneck_stage (LODE_FLOW_VIEW (self->flow_view),
                                         bottleneck_for (marginal, year));
  if (advisor != NULL)
    lode_fund_advisor_set_marginal (advisor, marginal, year);
}

static void
updated_cb (LodeWindow *self)
{
  push_results (self);
}

/* The tornado is made while its chart shows; the bands button serves the time charts. */
static void
chart_kind_cb (LodeWindow *self)
{
  LodeChartKind kind = lode_chart_view_get_kind (LODE_CHART_VIEW (self->chart_view));

  lode_analyses_set_sensitivity_enabled (self->analyses->analyses, kind == LODE_CHART_TORNADO);
  gtk_widget_set_visible (self->analyses->bands_button, lode_chart_kind_has_years (kind));
}

static void
year_cb (LodeWindow *self)
{
  int year = lode_document_get_selected_year (self->document);

  lode_flow_diff_view_set_year (LODE_FLOW_DIFF_VIEW (self->analyses->diff_view),
                                CLAMP (year, LODE_BASE_YEAR, LODE_MAX_HORIZON));
  push_results (self);
}

static void
bands_change_state (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  LodeWindow *self = user_data;

  g_simple_action_set_state (action, state);
  lode_analyses_set_bands_enabled (self->analyses->analyses, g_variant_get_boolean (state));
}

static void
flow_diff_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  LodeWindow *self = user_data;
  gboolean on = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (self->flow_view, !on);
  gtk_widget_set_visible (self->analyses->diff_view, on);
  self->last_area = self->diagram_area;
  lode_window_analyses_update (self);
}

static const GActionEntry analysis_actions[] = {
  { .name = "bands", .state = "false", .change_state = bands_change_state },
  { .name = "flow-diff", .state = "false", .change_state = flow_diff_change_state },
};

static GtkWidget *
toggle_button (const char *label,
               const char *icon,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();

  if (icon != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  else
    gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  lode_tooltip_set_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

void
lode_window_init_analyses (LodeWindow *self)
{
  LodeWindowAnalyses *wa = g_new0 (LodeWindowAnalyses, 1);

  self->analyses = wa;
  wa->analyses = lode_analyses_new (self->document);
  g_action_map_add_action_entries (G_ACTION_MAP (self), analysis_actions,
                                   G_N_ELEMENTS (analysis_actions), self);

  /* The difference view takes the diagram's place when asked for. */
  wa->diff_view = lode_flow_diff_view_new ();
  gtk_widget_set_visible (wa->diff_view, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->diagram_area), wa->diff_view, self->flow_view);
  wa->diff_button = toggle_button (NULL, "view-dual-symbolic", "win.flow-diff",
                                   _("What Changed Against the Baseline"));
  adw_header_bar_pack_end (self->header_bar, wa->diff_button);

  /* Over the charts, beside the target: the uncertainty bands. */
  wa->bands_button = toggle_button (_("_Uncertainty"), NULL, "win.bands",
                                    _("P10–P90 bands and median from 1,000 Monte Carlo runs "
                                      "over the dataset’s estimates"));
  gtk_button_set_use_underline (GTK_BUTTON (wa->bands_button), TRUE);
  gtk_box_append (GTK_BOX (self->chart_controls), wa->bands_button);

  g_signal_connect_object (wa->analyses, "updated", G_CALLBACK (updated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "notify::kind", G_CALLBACK (chart_kind_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::selected-year", G_CALLBACK (year_cb), self,
                           G_CONNECT_SWAPPED);
  chart_kind_cb (self);
  year_cb (self);
}

void
lode_window_analyses_update (LodeWindow *self)
{
  LodeWindowAnalyses *wa = self->analyses;

  if (wa == NULL || !gtk_widget_get_visible (wa->diff_view))
    return;
  lode_flow_diff_view_set_projections (LODE_FLOW_DIFF_VIEW (wa->diff_view),
                                       lode_document_get_projection (self->document),
                                       lode_document_get_baseline (self->document));
}

gboolean
lode_window_analyses_showing_diff (LodeWindow *self)
{
  return self->analyses != NULL && gtk_widget_get_visible (self->analyses->diff_view);
}

void
lode_window_analyses_free (LodeWindow *self)
{
  LodeWindowAnalyses *wa = g_steal_pointer (&self->analyses);

  if (wa == NULL)
    return;
  g_object_run_dispose (G_OBJECT (wa->analyses));
  g_clear_object (&wa->analyses);
  g_free (wa);
}
