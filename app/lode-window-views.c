/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-window-views.c — the windows that show what is behind the views: the data table of
 * the diagram or a chart (win.data-table) and the Sources view (win.sources), opened from the
 * chart bar, the year bar, a headline card, a lever's source button or a right click on a node
 * of the diagram.
 */

#define G_LOG_DOMAIN "lode-window-views"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-chart-view.h"
#include "lode-data-table.h"
#include "lode-flow-view.h"
#include "lode-headlines.h"
#include "lode-levers.h"
#include "lode-sources-window.h"
#include "lode-window-private.h"

/* Which numbers of the dataset a headline figure is made of (glob patterns over
 * lode_dataset_list_numbers() names). */
static const char * const china_free_numbers[] = {
  "region.*.capacity.*", "region.*.production.*", "trade.*", "demand.*", "project.*", NULL
};
static const char * const cost_numbers[] = {
  "stage.*.capex-*", "stage.*.overrun", "stage.*.learning-rate", "material.*.capex-*",
  "project.*.capex", "economics.*", NULL
};
static const char * const jobs_numbers[] = { "stage.*.jobs-per-kt", NULL };
static const char * const unmet_numbers[] = {
  "demand.*", "region.US.*", "trade.*.US", "param.us-defence-*", NULL
};

static void
forget_window_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  GtkWidget **slot = data;

  *slot = NULL;
}

/* Data table */

static void
fill_table (LodeWindow *self)
{
  LodeProjection *projection;
  LodeChartView *chart = LODE_CHART_VIEW (self->chart_view);
  LodeChartOptions options;

  if (self->data_table == NULL
      || (projection = lode_document_get_projection (self->document)) == NULL)
    return;
  if (self->table_shows_flow)
    {
      lode_data_table_show_flow (LODE_DATA_TABLE (self->data_table), projection);
      return;
    }
  /* The chart as it is shown: its stage, target and price floor. */
  lode_chart_options_init (&options);
  options.target_share = lode_chart_view_get_target_share (chart);
  options.capacity_stage = lode_chart_view_get_capacity_stage (chart);
  lode_scenario_get_price_floor (lode_document_get_scenario (self->document),
                                 &options.price_floor);
  lode_data_table_show_chart (LODE_DATA_TABLE (self->data_table),
                              lode_chart_view_get_kind (chart), projection,
                              lode_document_get_baseline (self->document), &options);
}

/* win.data-table ("flow", "chart", or "" for the view used last). */
static void
data_table_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LodeWindow *self = user_data;
  const char *which = g_variant_get_string (parameter, NULL);

  if (g_str_equal (which, "flow"))
    self->table_shows_flow = TRUE;
  else if (g_str_equal (which, "chart"))
    self->table_shows_flow = FALSE;
  else
    self->table_shows_flow = self->last_area != self->charts_area;

  if (self->data_table == NULL)
    {
      self->data_table = GTK_WIDGET (lode_data_table_new (GTK_WINDOW (self)));
      g_object_weak_ref (G_OBJECT (self->data_table), forget_window_cb, &self->data_table);
    }
  fill_table (self);
  gtk_window_present (GTK_WINDOW (self->data_table));
}

/* Sources */

static LodeSourcesWindow *
sources_window (LodeWindow *self)
{
  if (self->sources_window == NULL)
    {
      self->sources_window =
        GTK_WIDGET (lode_sources_window_new (GTK_WINDOW (self),
                                             lode_document_get_dataset (self->document)));
      g_object_weak_ref (G_OBJECT (self->sources_window), forget_window_cb,
                         &self->sources_window);
    }
  return LODE_SOURCES_WINDOW (self->sources_window);
}

/* "lever:ID": where the lever's default comes from. */
static void
show_lever_sources (LodeSourcesWindow *window,
                    const char        *id)
{
  LodeLever lever;
  g_autofree char *heading = NULL;
  const LodeLeverInfo *info;

  if (!lode_lever_from_id (id, &lever))
    {
      lode_sources_window_show_all (window);
      return;
    }
  info = lode_lever_info (lever);
  if (info->source == NULL)
    {
      /* Translators: %s is a lever, "Deployment years" */
      heading = g_strdup_printf (_("The default of “%s” is a planning assumption, not a number "
                                   "from a source. Every source of the dataset:"),
                                 lode_lever_label (lever));
      lode_sources_window_show_some (window, heading, NULL, NULL);
      return;
    }
  /* Translators: %s is a lever, "NdPr price floor" */
  heading = g_strdup_printf (_("Where the default of “%s” comes from"), lode_lever_label (lever));
  lode_sources_window_show_some (window, heading, info->source, NULL);
}

/* "headline:N": what a headline figure is made of. */
static void
show_headline_sources (LodeSourcesWindow *window,
                       int                which)
{
  const char * const *patterns;
  const char *heading;

  switch (which)
    {
    case LODE_HEADLINE_NET_COST:
    case LODE_HEADLINE_COST_PER_TONNE:
      heading = _("The public cost follows the capital costs of each stage and project");
      patterns = cost_numbers;
      break;
    case LODE_HEADLINE_JOBS:
      heading = _("Jobs follow each stage's direct jobs per thousand tonnes of capacity");
      patterns = jobs_numbers;
      break;
    case LODE_HEADLINE_US_UNMET:
      heading = _("US magnets unmet follow demand, US supply and trade");
      patterns = unmet_numbers;
      break;
    case LODE_HEADLINE_CHINA_FREE_2030:
    case LODE_HEADLINE_CHINA_FREE_2035:
    case LODE_HEADLINE_TARGET_YEAR:
    default:
      heading = _("The China-free share follows every region's capacity and production, "
                  "trade, demand and the announced projects");
      patterns = china_free_numbers;
      break;
    }
  lode_sources_window_show_some (window, heading, NULL, patterns);
}

/* "node:COLUMN:REGION": a node of the diagram, a stage (or the end uses) in a region. */
static void
show_node_sources (LodeWindow        *self,
                   LodeSourcesWindow *window,
                   const char        *spec)
{
  LodeDataset *dataset = lode_document_get_dataset (self->document);
  g_auto(GStrv) parts = g_strsplit (spec, ":", 2);
  g_autofree char *heading = NULL;
  g_autofree char *region_numbers = NULL;
  g_autofree char *stage_numbers = NULL;
  int column = parts[0] != NULL ? atoi (parts[0]) : -1;
  int region = parts[0] != NULL && parts[1] != NULL
               ? lode_dataset_region_index (dataset, parts[1]) : -1;
  const char *stage_name;

  if (region < 0 || column < 0 || column > LODE_N_STAGES)
    {
      lode_sources_window_show_all (window);
      return;
    }
  if (column == LODE_N_STAGES)
    {
      /* The end uses: demand. */
      const char * const patterns[] = { "demand.*", NULL };
      const char *name = lode_region_name (&dataset->regions[region]);

      region_numbers = g_strdup_printf ("region.%s.*.demand", parts[1]);
      /* Translators: %s is a region, "Japan" */
      heading = g_strdup_printf (_("Sources of magnet use in %s"), name);
      lode_sources_window_show_some (window, heading, NULL, patterns);
      return;
    }
  stage_name = lode_stage_id ((LodeStage) column);
  region_numbers = g_strdup_printf ("region.%s.*.%s", parts[1], stage_name);
  stage_numbers = g_strdup_printf ("stage.%s.*", stage_name);
  {
    const char * const patterns[] = { region_numbers, stage_numbers, NULL };

    /* Translators: a stage in a region, "Separation in China" */
    heading = g_strdup_printf (_("Sources of %s in %s"), lode_stage_name ((LodeStage) column),
                               lode_region_name (&dataset->regions[region]));
    lode_sources_window_show_some (window, heading, NULL, patterns);
  }
}

/* win.sources: "" every source; "lever:ID", "headline:N" or "node:COLUMN:REGION" the
 * sources of one thing. */
static void
sources_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LodeWindow *self = user_data;
  const char *what = g_variant_get_string (parameter, NULL);
  LodeSourcesWindow *window = sources_window (self);

  if (g_str_has_prefix (what, "lever:"))
    show_lever_sources (window, what + strlen ("lever:"));
  else if (g_str_has_prefix (what, "headline:"))
    show_headline_sources (window, atoi (what + strlen ("headline:")));
  else if (g_str_has_prefix (what, "node:"))
    show_node_sources (self, window, what + strlen ("node:"));
  else
    lode_sources_window_show_all (window);
  gtk_window_present (GTK_WINDOW (window));
}

/* A right click on a node of the diagram shows that node's sources. */
static void
flow_secondary_pressed_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           LodeWindow      *self)
{
  const LodeFlowLayout *layout = lode_flow_view_get_layout (LODE_FLOW_VIEW (self->flow_view));
  const LodeFlowNode *node;
  const LodeDataset *dataset;
  g_autofree char *target = NULL;
  int index;

  if (layout == NULL || (index = lode_flow_layout_node_at (layout, x, y)) < 0)
    return;
  node = lode_flow_layout_get_node (layout, (guint) index);
  dataset = lode_flow_layout_get_dataset (layout);
  if (node == NULL || dataset == NULL || node->region >= dataset->n_regions)
    return;
  target = g_strdup_printf ("node:%d:%s", node->column, dataset->regions[node->region].id);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sources", "s", target);
}

static const GActionEntry view_actions[] = {
  { .name = "data-table", .activate = data_table_action, .parameter_type = "s" },
  { .name = "sources", .activate = sources_action, .parameter_type = "s" },
};

/* Shared with lode-window.c */

void
lode_window_init_views (LodeWindow *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), view_actions,
                                   G_N_ELEMENTS (view_actions), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (flow_secondary_pressed_cb), self);
  gtk_widget_add_controller (self->flow_view, GTK_EVENT_CONTROLLER (secondary));
}

void
lode_window_refresh_views (LodeWindow *self)
{
  fill_table (self);
}

/* Closes one of the windows, and forgets it. */
static void
close_view (GtkWidget **slot)
{
  GtkWidget *window = *slot;

  if (window == NULL)
    return;
  g_object_weak_unref (G_OBJECT (window), forget_window_cb, slot);
  *slot = NULL;
  /* It must not point to this window after it is gone, whoever still holds it. */
  gtk_window_set_transient_for (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

void
lode_window_close_views (LodeWindow *self)
{
  close_view (&self->data_table);
  close_view (&self->sources_window);
}
