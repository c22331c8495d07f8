/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-window.c — the main window: layout, live projection, settings, presentation mode. */

#define G_LOG_DOMAIN "lode-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lode-chart-view.h"
#include "lode-export.h"
#include "lode-flow-view.h"
#include "lode-headline-cards.h"
#include "lode-levers-panel.h"
#include "lode-scenario-io.h"
#include "lode-scenario-panel.h"
#include "lode-start-page.h"
#include "lode-tooltip.h"
#include "lode-window-private.h"
#include "lode-year-control.h"
#include "lode-headlines.h"

#define PRESENTATION_FONT_SCALE 1.5

/* Below this window width the levers panel folds: it slides over the content when shown. */
#define FOLD_BELOW_WIDTH   1000
/* From this width of the content the headline cards stand in a column beside the chart;
 * below it they are a row above it. */
#define CARDS_BESIDE_FROM  760
/* The levers panel's width (its width-request in lode-window.ui). */
#define PANEL_WIDTH        380
/* On first run the diagram gets this share of the height below the header bar (about
 * HEADER_BAR_HEIGHT px); the chart gets a third of it or more. */
#define DIAGRAM_SHARE      0.47
#define HEADER_BAR_HEIGHT  47

G_DEFINE_FINAL_TYPE (LodeWindow, lode_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DOCUMENT,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static int
round_year (double year)
{
  return (int) floor (year + 0.5);
}

static void
update_title (LodeWindow *self)
{
  const char *title = lode_document_get_title (self->document);
  g_autofree char *name = lode_document_dup_display_name (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = lode_document_get_file (self->document);

  if (lode_document_get_modified (self->document))
    /* Translators: the window title of a scenario with unsaved changes */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);

  if (lode_window_get_start_page_visible (self))
    {
      /* No plan yet: the program's name. */
      adw_window_title_set_title (self->window_title, _("Lodestone"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Lodestone"));
      return;
    }
  adw_window_title_set_title (self->window_title, shown);
  if (self->origin_modified)
    {
      /* Translators: the subtitle under the scenario's title when its levers have moved
       * away from the preset it is named after: "Unsaved — modified from the preset" */
      g_autofree char *subtitle = g_strdup_printf (_("%s — modified from the preset"), name);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, name);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (file);
      lode_tooltip_set_text (GTK_WIDGET (self->window_title), path);
    }
  else
    lode_tooltip_set_text (GTK_WIDGET (self->window_title), NULL);

  /* Translators: the window title: scenario title — program name */
  window_title = g_strdup_printf (_("%s — Lodestone"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Pushes the current projection to every view: the one piece of work a lever change causes,
 * run at most once per frame. */
static void
push_projection (LodeWindow *self)
{
  LodeProjection *projection = lode_document_get_projection (self->document);
  LodeProjection *baseline = lode_document_get_baseline (self->document);
  LodeScenario *scenario = lode_document_get_scenario (self->document);
  LodeHeadlines headlines;
  LodePriceFloor price_floor;

  if (projection == NULL)
    return;

  if (projection->base_year != self->range_first || projection->horizon != self->range_last)
    {
      self->range_first = projection->base_year;
      self->range_last = projection->horizon;
      lode_year_control_set_range (LODE_YEAR_CONTROL (self->year_control),
                                   self->range_first, self->range_last);
    }

  lode_flow_view_set_projection (LODE_FLOW_VIEW (self->flow_view), projection);
  lode_scenario_get_price_floor (scenario, &price_floor);
  lode_chart_view_set_price_floor (LODE_CHART_VIEW (self->chart_view), &price_floor);
  lode_chart_view_set_projections (LODE_CHART_VIEW (self->chart_view), projection, baseline);
  lode_headlines_compute (projection, baseline,
                          lode_document_get_target_share (self->document), &headlines);
  lode_headline_cards_set_headlines (LODE_HEADLINE_CARDS (self->cards), &headlines);
  lode_window_analyses_update (self);
  lode_window_refresh_views (self);
}

static gboolean
update_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LodeWindow *self = LODE_WINDOW (widget);

  self->tick_id = 0;
  push_projection (self);
  return G_SOURCE_REMOVE;
}

static void
sync_year_from_document (LodeWindow *self)
{
  int year = lode_document_get_selected_year (self->document);
  double shown = 0;

  lode_chart_view_set_selected_year (LODE_CHART_VIEW (self->chart_view), year);

  if (self->syncing_year)
    return;
  g_object_get (self->year_control, "year", &shown, NULL);
  if (round_year (shown) != year)
    {
      self->syncing_year = TRUE;
      g_object_set (self->year_control, "year", (double) year, NULL);
      self->syncing_year = FALSE;
    }
}

static void
sync_chart_from_document (LodeWindow *self)
{
  LodeScenario *scenario = lode_document_get_scenario (self->document);
  LodeChartKind kind;

  if (lode_chart_kind_from_id (lode_scenario_get_chart (scenario), &kind))
    lode_window_set_chart (self, kind);
}

static void
sync_material_from_document (LodeWindow *self)
{
  LodeScenario *scenario = lode_document_get_scenario (self->document);
  LodeFlowMaterial material = LODE_FLOW_MATERIAL_NDPR;

  /* A material this version does not know shows NdPr. */
  lode_flow_material_from_id (lode_scenario_get_material (scenario), &material);
  lode_window_set_material (self, material);
}

static void
apply_present_view (LodeWindow *self)
{
  gboolean on = self->presentation;
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  /* The slide gives the diagram most of the screen; the cards and one chart share the rest. */
  if (on && self->present_view == LODE_PRESENT_SLIDE && height > 0)
    gtk_paned_set_position (self->paned, (int) (height * 0.64));

  gtk_widget_set_visible (self->diagram_area, !on || self->present_view != LODE_PRESENT_CHARTS);
  gtk_widget_set_visible (self->charts_area, !on || self->present_view != LODE_PRESENT_DIAGRAM);
  gtk_widget_set_visible (self->chart_bar, !on);
  lode_window_update_chart_controls (self);
}

/* Adaptive layout */

/* The levers panel folds below FOLD_BELOW_WIDTH; unfolding brings it back as the user left
 * it. The cards stand beside the chart when the content is wide enough. */
static void
apply_layout (LodeWindow *self,
              gboolean    fold,
              gboolean    beside)
{
  GtkWidget *chart;

  if (fold != self->folded)
    {
      self->folded = fold;
      adw_flap_set_fold_policy (self->flap, fold ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                 : ADW_FLAP_FOLD_POLICY_NEVER);
      /* The flap's minimum width changes with it (the panel no longer adds to it). */
      gtk_widget_queue_resize (GTK_WIDGET (self->flap));
      if (fold)
        adw_flap_set_reveal_flap (self->flap, FALSE);
      else if (self->settings != NULL && !self->presentation)
        adw_flap_set_reveal_flap (self->flap,
                                  g_settings_get_boolean (self->settings, "panel-visible"));
    }
  if (beside != self->cards_beside)
    {
      self->cards_beside = beside;
      lode_headline_cards_set_orientation (LODE_HEADLINE_CARDS (self->cards),
                                           beside ? GTK_ORIENTATION_VERTICAL
                                                  : GTK_ORIENTATION_HORIZONTAL);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->chart_row),
                                      beside ? GTK_ORIENTATION_HORIZONTAL
                                             : GTK_ORIENTATION_VERTICAL);
      /* In a column the cards follow the chart; in a row they head it. */
      chart = gtk_widget_get_first_child (self->chart_row);
      if (chart == self->cards)
        chart = gtk_widget_get_next_sibling (chart);
      gtk_box_reorder_child_after (GTK_BOX (self->chart_row), self->cards,
                                   beside ? chart : NULL);
    }
}

static void
layout_for_width (LodeWindow *self,
                  int         width,
                  gboolean   *out_fold,
                  gboolean   *out_beside)
{
  gboolean fold = width < FOLD_BELOW_WIDTH;
  gboolean panel_beside = !fold && adw_flap_get_reveal_flap (self->flap) && !self->presentation;
  int content = width - (panel_beside ? PANEL_WIDTH : 0);

  *out_fold = fold;
  *out_beside = content >= CARDS_BESIDE_FROM;
}

static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LodeWindow *self = LODE_WINDOW (widget);
  gboolean fold, beside;
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  self->layout_tick_id = 0;
  layout_for_width (self, gtk_widget_get_width (widget), &fold, &beside);
  apply_layout (self, fold, beside);

  /* First run: the split follows the height the window really got, which the screen may
   * have made smaller than the default. */
  if (self->pane_pending && height > 0)
    {
      self->pane_pending = FALSE;
      gtk_paned_set_position (self->paned, (int) (height * DIAGRAM_SHARE));
    }
  return G_SOURCE_REMOVE;
}

/* The preset the scenario is named after, and whether its inputs have moved from it: the
 * preset's notes describe its intent, the window says when the levers no longer match. */
static void
update_origin (LodeWindow *self)
{
  LodeScenario *scenario = lode_document_get_scenario (self->document);
  const LodePreset *preset = lode_preset_find_by_title (lode_document_get_title (self->document));
  gboolean modified;

  if (preset != self->origin_preset)
    {
      self->origin_preset = preset;
      g_clear_object (&self->origin);
      if (preset != NULL)
        self->origin = lode_scenario_load_preset (lode_document_get_dataset (self->document),
                                                  preset->id, NULL);
    }
  modified = self->origin != NULL && !lode_scenario_same_inputs (scenario, self->origin);
  lode_scenario_panel_set_origin (LODE_SCENARIO_PANEL (self->scenario_panel),
                                  self->origin != NULL ? preset : NULL, modified);
  if (modified != self->origin_modified)
    {
      self->origin_modified = modified;
      update_title (self);
    }
}

/* Callbacks */

static void
document_changed_cb (LodeWindow *self)
{
  update_origin (self);
  lode_window_schedule_update (self);
}

/* A scenario was chosen (new, opened, or undone to): the plan is what the window shows. */
static void
show_plan (LodeWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "plan") == 0)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "start-page-seen", TRUE);
  lode_window_update_actions (self);
  update_title (self);
}

static void
document_replaced_cb (LodeWindow *self)
{
  show_plan (self);
  sync_chart_from_document (self);
  sync_material_from_document (self);
  sync_year_from_document (self);
  update_origin (self);
  update_title (self);
  lode_window_schedule_update (self);
}

static void
document_title_cb (LodeWindow *self)
{
  update_origin (self);
  update_title (self);
}

static void
scenario_popover_closed_cb (LodeWindow *self)
{
  lode_scenario_panel_commit (LODE_SCENARIO_PANEL (self->scenario_panel));
}

static void
document_history_cb (LodeWindow *self)
{
  lode_window_update_actions (self);
}

static void
document_year_cb (LodeWindow *self)
{
  sync_year_from_document (self);
}

static void
document_target_cb (LodeWindow *self)
{
  lode_chart_view_set_target_share (LODE_CHART_VIEW (self->chart_view),
                                    lode_document_get_target_share (self->document));
  lode_window_schedule_update (self);
}

static void
year_control_year_cb (LodeWindow *self)
{
  double year = 0;

  /* The template's binding syncs the year before there is a document. */
  if (self->syncing_year || self->document == NULL)
    return;
  g_object_get (self->year_control, "year", &year, NULL);
  self->syncing_year = TRUE;
  lode_document_set_selected_year (self->document, round_year (year));
  self->syncing_year = FALSE;
}

static void
chart_year_activated_cb (GtkWidget  *chart_view,
                         int         year,
                         LodeWindow *self)
{
  lode_document_set_selected_year (self->document, year);
}

static void
node_activated_cb (GtkWidget  *flow_view,
                   int         stage,
                   guint       region,
                   LodeWindow *self)
{
  /* A click on a stage of the diagram shows that stage's capacity by region. */
  if (stage < 0 || stage >= LODE_N_STAGES)
    return;
  gtk_drop_down_set_selected (self->stage_dropdown, (guint) stage);
  lode_window_set_chart (self, LODE_CHART_CAPACITY);
}

static void
stage_selected_cb (LodeWindow *self)
{
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);

  if (stage < LODE_N_STAGES)
    lode_chart_view_set_capacity_stage (LODE_CHART_VIEW (self->chart_view), (LodeStage) stage);
}

static void
flap_reveal_cb (LodeWindow *self)
{
  lode_window_sync_panel_action (self);
  /* Showing or hiding the panel beside the content changes the content's width. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
card_activated_cb (GtkWidget  *cards,
                   int         which,
                   LodeWindow *self)
{
  lode_window_explain_headline (self, (LodeHeadline) which);
}

static gboolean
percent_to_share (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, g_value_get_double (from) / 100.0);
  return TRUE;
}

static gboolean
share_to_percent (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, round (g_value_get_double (from) * 1000.0) / 10.0);
  return TRUE;
}

static void
area_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 LodeWindow      *self)
{
  self->last_area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
}

static void
track_area (LodeWindow *self,
            GtkWidget  *area)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (area_pressed_cb), self);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (click));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LodeWindow            *self)
{
  if (!self->presentation)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      lode_window_step_year (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      lode_window_step_year (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      lode_window_step_present_view (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      lode_window_step_present_view (self, 1);
      return TRUE;
    case GDK_KEY_Escape:
      lode_window_set_presentation (self, FALSE);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LodeWindow    *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files != NULL)
        file = files->data;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  lode_window_open_file (self, file);
  return TRUE;
}

/* GtkWidget */

static void
lode_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  LodeWindow *self = LODE_WINDOW (widget);
  gboolean fold, beside;

  GTK_WIDGET_CLASS (lode_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* The fold and the cards' place change the layout: not during this allocation, but before
   * the next frame's. */
  layout_for_width (self, width, &fold, &beside);
  if ((fold != self->folded || beside != self->cards_beside || self->pane_pending)
      && self->layout_tick_id == 0)
    self->layout_tick_id = gtk_widget_add_tick_callback (widget, layout_tick_cb, NULL, NULL);
}

/* GtkWindow */

static gboolean
lode_window_close_request (GtkWindow *window)
{
  LodeWindow *self = LODE_WINDOW (window);

  if (lode_document_get_modified (self->document) && !self->close_confirmed)
    {
      lode_window_confirm_then (self, LODE_PENDING_CLOSE, NULL, NULL);
      return TRUE;
    }

  if (self->settings != NULL)
    {
      if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
        {
          int width = 0, height = 0;

          gtk_window_get_default_size (window, &width, &height);
          if (width > 0 && height > 0)
            {
              g_settings_set_int (self->settings, "window-width", MAX (width, 360));
              g_settings_set_int (self->settings, "window-height", MAX (height, 294));
            }
        }
      if (gtk_paned_get_position (self->paned) > 0 && !self->presentation)
        g_settings_set_int (self->settings, "pane-position", gtk_paned_get_position (self->paned));
    }

  return GTK_WINDOW_CLASS (lode_window_parent_class)->close_request (window);
}

/* GObject */

static void
application_cb (LodeWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GMenu *menu = app != NULL ? gtk_application_get_menu_by_id (app, "primary_menu") : NULL;
  GMenu *recent = app != NULL ? gtk_application_get_menu_by_id (app, "recent_section") : NULL;

  /* menus.ui is loaded by GtkApplication from the resource base path. */
  if (menu != NULL)
    gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  /* The start page lists the same recent files as Open Recent. */
  if (recent != NULL)
    lode_start_page_set_recent (LODE_START_PAGE (self->start_page), G_MENU_MODEL (recent));
}

/* The installed schema, or — when running from the build tree without one — the schema
 * compiled beside the build, so `_build/app/lodestone` starts without extra set-up. */
static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (schema == NULL)
    {
      build = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, installed, FALSE,
                                                           NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed; run `meson install` or `make run`",
             APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

/* Window size, pane, panel and the target share as they were left. */
static void
restore_window_state (LodeWindow *self)
{
  int pane;
  int width = g_settings_get_int (self->settings, "window-width");
  gboolean fold, beside;

  gtk_window_set_default_size (GTK_WINDOW (self), width,
                               g_settings_get_int (self->settings, "window-height"));
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "panel-visible"));
  /* The first frame already has the layout of the window's width. */
  layout_for_width (self, width, &fold, &beside);
  apply_layout (self, fold, beside);
  pane = g_settings_get_int (self->settings, "pane-position");
  if (pane <= 0)
    {
      /* First run: the diagram gets about half of the height below the header bar, so its
       * ribbons, not only its labels, have room, and the chart beside the cards a third of
       * it or more. Guessed from the default size now, set from the real one at the first
       * allocation. */
      pane = (int) ((g_settings_get_int (self->settings, "window-height") - HEADER_BAR_HEIGHT)
                    * DIAGRAM_SHARE);
      self->pane_pending = TRUE;
    }
  if (pane > 0)
    gtk_paned_set_position (self->paned, pane);
  g_settings_bind (self->settings, "target-share", self->document, "target-share",
                   G_SETTINGS_BIND_DEFAULT);
}

/* The document drives the views. */
static void
connect_document (LodeWindow *self)
{
  static const struct { const char *signal; GCallback callback; } handlers[] = {
    { "changed", G_CALLBACK (document_changed_cb) },
    { "scenario-replaced", G_CALLBACK (document_replaced_cb) },
    { "notify::title", G_CALLBACK (document_title_cb) },
    { "notify::modified", G_CALLBACK (document_title_cb) },
    { "notify::display-name", G_CALLBACK (document_title_cb) },
    { "notify::can-undo", G_CALLBACK (document_history_cb) },
    { "notify::can-redo", G_CALLBACK (document_history_cb) },
    { "notify::baseline-pinned", G_CALLBACK (document_history_cb) },
    { "notify::selected-year", G_CALLBACK (document_year_cb) },
    { "notify::target-share", G_CALLBACK (document_target_cb) },
  };

  lode_levers_panel_set_document (LODE_LEVERS_PANEL (self->levers_panel), self->document);
  lode_scenario_panel_set_document (LODE_SCENARIO_PANEL (self->scenario_panel), self->document);
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_object (self->document, handlers[i].signal, handlers[i].callback, self,
                             G_CONNECT_SWAPPED);
  g_object_bind_property_full (self->document, "target-share",
                               self->target_adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               share_to_percent, percent_to_share, NULL, NULL);
}

static void
lode_window_constructed (GObject *object)
{
  LodeWindow *self = LODE_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *last_chart = NULL;
  LodeChartKind kind = LODE_CHART_CHINA_FREE;

  G_OBJECT_CLASS (lode_window_parent_class)->constructed (object);

  g_assert (self->dataset != NULL);
  self->document = lode_document_new (self->dataset);
  if (!lode_document_new_from_preset (self->document, "baseline", &error))
    g_warning ("Cannot start from the Baseline preset: %s", error->message);
  lode_window_init_autosave (self);

  lode_window_init_actions (self);
  lode_window_init_views (self);

  self->settings = settings_new ();
  restore_window_state (self);
  connect_document (self);
  lode_window_init_analyses (self);

  /* The chart shown last, unless the scenario says otherwise. */
  last_chart = g_settings_get_string (self->settings, "last-chart");
  if (lode_chart_kind_from_id (last_chart, &kind))
    lode_scenario_set_chart (lode_document_get_scenario (self->document),
                             lode_chart_kind_id (kind));

  /* First frame: the views get their data now, later changes once per frame. */
  push_projection (self);
  lode_chart_view_set_target_share (LODE_CHART_VIEW (self->chart_view),
                                    lode_document_get_target_share (self->document));
  stage_selected_cb (self);
  sync_chart_from_document (self);
  sync_material_from_document (self);
  sync_year_from_document (self);
  update_origin (self);
  update_title (self);
  lode_window_update_actions (self);
  lode_window_sync_panel_action (self);
}

static void
lode_window_dispose (GObject *object)
{
  LodeWindow *self = LODE_WINDOW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->layout_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick_id);
      self->layout_tick_id = 0;
    }
  lode_window_close_dialogs (self);
  lode_window_analyses_free (self);
  lode_window_close_views (self);
  lode_window_close_explanation (self);
  lode_window_clear_autosave (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->origin);
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->pending_preset, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (lode_window_parent_class)->dispose (object);
}

static void
lode_window_finalize (GObject *object)
{
  LodeWindow *self = LODE_WINDOW (object);

  g_clear_pointer (&self->dataset, lode_dataset_unref);

  G_OBJECT_CLASS (lode_window_parent_class)->finalize (object);
}

static void
lode_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LodeWindow *self = LODE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LodeWindow *self = LODE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_boxed (value);
      break;
    case PROP_PRESENTATION:
      lode_window_set_presentation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_window_class_init (LodeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (LODE_TYPE_CHART_VIEW);
  g_type_ensure (LODE_TYPE_FLOW_VIEW);
  g_type_ensure (LODE_TYPE_HEADLINE_CARDS);
  g_type_ensure (LODE_TYPE_LEVERS_PANEL);
  g_type_ensure (LODE_TYPE_SCENARIO_PANEL);
  g_type_ensure (LODE_TYPE_START_PAGE);
  g_type_ensure (LODE_TYPE_YEAR_CONTROL);

  object_class->constructed = lode_window_constructed;
  object_class->dispose = lode_window_dispose;
  object_class->finalize = lode_window_finalize;
  object_class->get_property = lode_window_get_property;
  object_class->set_property = lode_window_set_property;
  window_class->close_request = lode_window_close_request;
  widget_class->size_allocate = lode_window_size_allocate;

  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, lode_dataset_get_type (),
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, LODE_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodestone/Lodestone/ui/lode-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, title_button);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, scenario_panel);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, levers_panel);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, diagram_area);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, flow_view);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, year_control);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, material_switcher);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, charts_area);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, cards);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_switcher_scroller);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_controls);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_row);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, stage_box);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, target_box);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, target_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_view);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, scenario_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_year_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_reveal_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_control_year_cb);
}

static void
lode_window_init (LodeWindow *self)
{
  GtkEventController *keys;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->range_first = -1;
  self->range_last = -1;
  self->present_view = LODE_PRESENT_DIAGRAM;
  /* A window shows the plan; the application asks for the start page on first run. */
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  /* As the template lays it out: the panel beside the content, the cards beside the chart. */
  self->folded = FALSE;
  self->cards_beside = TRUE;
  lode_window_fill_chart_controls (self);
  self->last_area = self->diagram_area;

  g_signal_connect (self, "notify::application", G_CALLBACK (application_cb), NULL);

  track_area (self, self->diagram_area);
  track_area (self, self->charts_area);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Shared with lode-window-actions.c */

void
lode_window_schedule_update (LodeWindow *self)
{
  /* Coalesced to the frame clock: however many changes arrive, one update per frame. */
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_tick_cb, NULL, NULL);
}

void
lode_window_step_year (LodeWindow *self,
                       int         delta)
{
  int year = lode_document_get_selected_year (self->document) + delta;

  if (self->range_first > 0)
    year = CLAMP (year, self->range_first, self->range_last);
  lode_document_set_selected_year (self->document, year);
}

void
lode_window_step_present_view (LodeWindow *self,
                               int         delta)
{
  self->present_view = (self->present_view + LODE_N_PRESENT_VIEWS + delta) % LODE_N_PRESENT_VIEWS;
  apply_present_view (self);
}

void
lode_window_toast (LodeWindow *self,
                   const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Public API */

LodeWindow *
lode_window_new (LodeApplication *application)
{
  g_return_val_if_fail (LODE_IS_APPLICATION (application), NULL);

  return g_object_new (LODE_TYPE_WINDOW,
                       "application", application,
                       "dataset", lode_application_get_dataset (application),
                       NULL);
}

void
lode_window_prepare_first_frame (LodeWindow *self)
{
  int width = 0, height = 0, minimum, natural;

  g_return_if_fail (LODE_IS_WINDOW (self));

  /* Styles, text and sizes of every widget, worked out before the window is mapped: until
   * the first frame is drawn a mapped window shows black on an uncomposited display, so the
   * less is left for that frame the better. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, MAX (width, minimum),
                      &minimum, &natural, NULL, NULL);
}

void
lode_window_show_start_page (LodeWindow *self)
{
  g_return_if_fail (LODE_IS_WINDOW (self));

  if (self->presentation)
    lode_window_set_presentation (self, FALSE);
  lode_start_page_set_dataset (LODE_START_PAGE (self->start_page), self->dataset);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  lode_window_update_actions (self);
  update_title (self);
}

gboolean
lode_window_get_start_page_visible (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "start") == 0;
}

gboolean
lode_window_is_first_run (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), FALSE);

  return self->settings != NULL && !g_settings_get_boolean (self->settings, "start-page-seen");
}

LodeDocument *
lode_window_get_document (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);
  return self->document;
}

const char *
lode_window_get_last_error (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);
  return self->last_error;
}

AdwMessageDialog *
lode_window_get_dialog (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);
  return self->dialog;
}

gboolean
lode_window_get_presentation (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), FALSE);
  return self->presentation;
}

void
lode_window_set_presentation (LodeWindow *self,
                              gboolean    presentation)
{
  double scale;

  g_return_if_fail (LODE_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presentation == (guint) presentation)
    return;

  if (presentation)
    {
      self->panel_before_presenting = adw_flap_get_reveal_flap (self->flap);
      self->pane_before_presenting = gtk_paned_get_position (self->paned);
    }
  self->presentation = presentation;

  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !presentation);
  adw_flap_set_swipe_to_open (self->flap, !presentation);
  if (presentation)
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      self->present_view = LODE_PRESENT_DIAGRAM;
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      adw_flap_set_reveal_flap (self->flap, self->panel_before_presenting);
      gtk_paned_set_position (self->paned, self->pane_before_presenting);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  apply_present_view (self);

  scale = presentation ? PRESENTATION_FONT_SCALE : 1.0;
  lode_flow_view_set_font_scale (LODE_FLOW_VIEW (self->flow_view), scale);
  lode_chart_view_set_font_scale (LODE_CHART_VIEW (self->chart_view), scale);

  lode_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);

  if (presentation)
    lode_window_toast (self, _("← → year · Page Up/Down view · Esc leaves"));
}

char *
lode_window_dup_current_view (LodeWindow *self)
{
  gboolean chart;

  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);

  if (self->presentation)
    {
      if (self->present_view == LODE_PRESENT_SLIDE)
        return lode_export_view_to_id (LODE_EXPORT_VIEW_SLIDE, 0);
      chart = self->present_view == LODE_PRESENT_CHARTS;
    }
  else
    chart = self->last_area == self->charts_area;

  if (!chart)
    return lode_export_view_to_id (lode_window_analyses_showing_diff (self)
                                   ? LODE_EXPORT_VIEW_FLOW_DIFF : LODE_EXPORT_VIEW_FLOW, 0);
  return lode_export_view_to_id (LODE_EXPORT_VIEW_CHART,
                                 lode_chart_view_get_kind (LODE_CHART_VIEW (self->chart_view)));
}
