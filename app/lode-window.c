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
#include "lode-window-private.h"
#include "lode-year-control.h"
#include "lode-headlines.h"

#define PRESENTATION_FONT_SCALE 1.5

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

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, name);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (file);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), path);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), NULL);

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
  gtk_widget_set_visible (self->chart_controls, !on);
}

/* Callbacks */

static void
document_changed_cb (LodeWindow *self)
{
  lode_window_schedule_update (self);
}

static void
document_replaced_cb (LodeWindow *self)
{
  sync_chart_from_document (self);
  sync_year_from_document (self);
  update_title (self);
  lode_window_schedule_update (self);
}

static void
document_title_cb (LodeWindow *self)
{
  update_title (self);
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

/* What the template cannot say: the stages of the stage list and one toggle per chart kind,
 * both from the model's tables. */
static void
fill_chart_controls (LodeWindow *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  for (guint s = 0; s < LODE_N_STAGES; s++)
    gtk_string_list_append (stages, lode_stage_name ((LodeStage) s));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  gtk_drop_down_set_selected (self->stage_dropdown, LODE_STAGE_SEPARATION);

  /* One toggle per chart, radio-like through the stateful win.chart action. */
  for (int kind = 0; kind < LODE_N_CHARTS; kind++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (lode_chart_kind_title (kind));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.chart");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lode_chart_kind_id (kind));
      gtk_box_append (GTK_BOX (self->chart_switcher), button);
    }
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

  /* menus.ui is loaded by GtkApplication from the resource base path. */
  if (menu != NULL)
    gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
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

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "panel-visible"));
  pane = g_settings_get_int (self->settings, "pane-position");
  if (pane <= 0)
    {
      /* First run: the diagram gets a little more than half of the height below the header
       * bar (about 47 px), so its ribbons, not only its labels, have room. */
      pane = (int) ((g_settings_get_int (self->settings, "window-height") - 47) * 0.57);
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
  sync_year_from_document (self);
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
  lode_window_close_dialogs (self);
  lode_window_analyses_free (self);
  lode_window_clear_autosave (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
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
  g_type_ensure (LODE_TYPE_YEAR_CONTROL);

  object_class->constructed = lode_window_constructed;
  object_class->dispose = lode_window_dispose;
  object_class->finalize = lode_window_finalize;
  object_class->get_property = lode_window_get_property;
  object_class->set_property = lode_window_set_property;
  window_class->close_request = lode_window_close_request;

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
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, levers_panel);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, diagram_area);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, flow_view);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, year_control);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, charts_area);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, cards);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_bar);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_controls);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, stage_box);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, target_box);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, target_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LodeWindow, chart_view);
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
  fill_chart_controls (self);
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
