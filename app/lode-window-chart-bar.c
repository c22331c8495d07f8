/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-window-chart-bar.c — the bars over the diagram and the chart: a toggle per material view
 * and per chart (with every chart in a menu too, for a strip wider than its room), the stage
 * list, and the row of the chart's own control.
 */

#define G_LOG_DOMAIN "lode-window-chart-bar"

#include "config.h"

#include "lode-chart-view.h"
#include "lode-tooltip.h"
#include "lode-window-private.h"

/* What the template cannot say: the stages of the stage list, one toggle per chart kind and
 * one per material view, from the model's and the drawing library's tables. */
void
lode_window_fill_chart_controls (LodeWindow *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GMenu) charts = g_menu_new ();

  for (guint s = 0; s < LODE_N_STAGES; s++)
    gtk_string_list_append (stages, lode_stage_name ((LodeStage) s));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  gtk_drop_down_set_selected (self->stage_dropdown, LODE_STAGE_SEPARATION);

  /* One toggle per chart, radio-like through the stateful win.chart action; the same as a
   * menu, which reaches the charts a narrow window's strip scrolls out of sight. */
  for (int kind = 0; kind < LODE_N_CHARTS; kind++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (lode_chart_kind_title (kind));
      g_autoptr(GMenuItem) item = g_menu_item_new (lode_chart_kind_title (kind), NULL);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.chart");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lode_chart_kind_id (kind));
      gtk_box_append (GTK_BOX (self->chart_switcher), button);
      g_menu_item_set_action_and_target_value (item, "win.chart",
                                               g_variant_new_string (lode_chart_kind_id (kind)));
      g_menu_append_item (charts, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->chart_menu_button),
                                  G_MENU_MODEL (charts));

  /* One toggle per material view, radio-like through the stateful win.material action. */
  for (int view = 0; view < LODE_FLOW_N_MATERIALS; view++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (lode_flow_material_name (view));

      lode_tooltip_set_text (button, lode_flow_material_description (view));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.material");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        lode_flow_material_id (view));
      gtk_box_append (GTK_BOX (self->material_switcher), button);
    }
}

void
lode_window_update_chart_controls (LodeWindow *self)
{
  /* The row over the chart shows only when the chart has a control, and never on stage. */
  gtk_widget_set_visible (self->chart_controls,
                          !self->presentation
                          && (gtk_widget_get_visible (self->stage_box)
                              || gtk_widget_get_visible (self->target_box)));
}

/* Scrolls the chart strip, when the window is too narrow for all of it, so that the toggle of
 * `kind` (chosen from the menu, by a shortcut or a file) is in sight. */
void
lode_window_reveal_chart_toggle (LodeWindow    *self,
                                 LodeChartKind  kind)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->chart_switcher_scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  GtkWidget *toggle = gtk_widget_get_first_child (self->chart_switcher);
  graphene_rect_t bounds;
  double left, page;

  for (int k = 0; toggle != NULL && k < (int) kind; k++)
    toggle = gtk_widget_get_next_sibling (toggle);
  if (toggle == NULL || !gtk_widget_compute_bounds (toggle, self->chart_switcher, &bounds))
    return;

  left = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.x < left)
    gtk_adjustment_set_value (adjustment, bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > left + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.x + bounds.size.width - page);
}
