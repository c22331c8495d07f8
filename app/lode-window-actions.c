/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-window-actions.c — the window's actions: files, undo, export, presentation, charts. */

#define G_LOG_DOMAIN "lode-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-chart-view.h"
#include "lode-export-dialog.h"
#include "lode-flow-view.h"
#include "lode-scenario-io.h"
#include "lode-window-private.h"

static void show_open_dialog (LodeWindow *self);
static void show_save_dialog (LodeWindow *self);

/* Helpers */

static void
set_action_enabled (LodeWindow *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_action_state (LodeWindow *self,
                  const char *name,
                  GVariant   *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);
  g_autoptr(GVariant) sunk = g_variant_ref_sink (state);

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), sunk);
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) LODE_SCENARIO_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "lodestone %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Lodestone";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static char *
dup_file_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

static void
clear_dialog (LodeWindow *self)
{
  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
}

/* Closes the file chooser on screen, if any, without running its response. */
static void
clear_chooser (LodeWindow *self)
{
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
}

static void
dialog_destroyed_cb (GtkWidget  *dialog,
                     LodeWindow *self)
{
  if ((GtkWidget *) self->dialog == dialog)
    self->dialog = NULL;
}

void
lode_window_present_dialog (LodeWindow       *self,
                            AdwMessageDialog *dialog,
                            GCallback         response_cb)
{
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", response_cb, self);
  g_signal_connect (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialog closes itself after any response. */
static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LodeWindow       *self)
{
  if (self->dialog == dialog)
    self->dialog = NULL;
  g_signal_handlers_disconnect_by_data (dialog, self);
}

static void
clear_pending (LodeWindow *self)
{
  self->pending = LODE_PENDING_NONE;
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->pending_preset, g_free);
}

static void
new_now (LodeWindow *self,
         const char *preset_id)
{
  g_autoptr(GError) error = NULL;

  if (!lode_document_new_from_preset (self->document, preset_id, &error))
    lode_window_show_error (self, _("Could Not Create a New Scenario"), error);
}

static void
run_pending (LodeWindow *self)
{
  LodePending pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  g_autofree char *preset = g_steal_pointer (&self->pending_preset);

  self->pending = LODE_PENDING_NONE;

  switch (pending)
    {
    case LODE_PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case LODE_PENDING_OPEN_FILE:
      lode_window_load_now (self, file);
      break;
    case LODE_PENDING_OPEN_DIALOG:
      show_open_dialog (self);
      break;
    case LODE_PENDING_NEW:
      new_now (self, preset);
      break;
    case LODE_PENDING_NONE:
    default:
      break;
    }
}

/* Saves to `file` (NULL: the current one); shows the error on failure. */
static gboolean
save_to (LodeWindow *self,
         GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (!lode_document_save (self->document, file, &error))
    {
      lode_window_show_error (self, _("Could Not Save the Scenario"), error);
      return FALSE;
    }
  g_clear_pointer (&self->last_error, g_free);
  add_recent (lode_document_get_file (self->document));
  return TRUE;
}

/* Save, then whatever was waiting for it. */
static void
save_then_continue (LodeWindow *self)
{
  if (lode_document_get_file (self->document) == NULL)
    {
      show_save_dialog (self);
      return;
    }
  if (save_to (self, NULL))
    run_pending (self);
  else
    clear_pending (self);
}

/* File choosers */

static void
drop_chooser (LodeWindow      *self,
              GtkNativeDialog *chooser)
{
  if (self->chooser == chooser)
    {
      g_signal_handlers_disconnect_by_data (chooser, self);
      g_clear_object (&self->chooser);
    }
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  LodeWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  drop_chooser (self, chooser);
  if (file != NULL)
    lode_window_load_now (self, file);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) scenarios = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();

  gtk_file_filter_set_name (scenarios, _("Lodestone Scenarios"));
  gtk_file_filter_add_pattern (scenarios, "*.lodestone");
  gtk_file_filter_add_mime_type (scenarios, LODE_SCENARIO_MIME_TYPE);
  gtk_file_chooser_add_filter (chooser, scenarios);

  gtk_file_filter_set_name (xml, _("XML Files"));
  gtk_file_filter_add_pattern (xml, "*.xml");
  gtk_file_filter_add_pattern (xml, "*.lodestone");
  gtk_file_chooser_add_filter (chooser, xml);

  gtk_file_chooser_set_filter (chooser, scenarios);
}

static void
set_chooser (LodeWindow           *self,
             GtkFileChooserNative *chooser)
{
  clear_chooser (self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
}

static void
set_folder_of_current_file (LodeWindow     *self,
                            GtkFileChooser *chooser)
{
  GFile *file = lode_document_get_file (self->document);
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  if (parent != NULL)
    gtk_file_chooser_set_current_folder (chooser, parent, NULL);
}

static void
show_open_dialog (LodeWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  set_chooser (self, chooser);
  add_filters (GTK_FILE_CHOOSER (chooser));
  set_folder_of_current_file (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

/* A name typed without an extension gets ours, so the file opens with Lodestone. Takes
 * `file` and returns it or the renamed one. */
static GFile *
with_scenario_suffix (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) parent = NULL;

  if (name == NULL || g_str_has_suffix (name, ".lodestone") || g_str_has_suffix (name, ".xml"))
    return file;

  with_suffix = g_strconcat (name, ".lodestone", NULL);
  parent = g_file_get_parent (file);
  if (parent == NULL)
    return file;
  g_object_unref (file);
  return g_file_get_child (parent, with_suffix);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  LodeWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  drop_chooser (self, chooser);

  if (file == NULL)
    {
      clear_pending (self);
      return;
    }

  file = with_scenario_suffix (g_steal_pointer (&file));
  if (save_to (self, file))
    run_pending (self);
  else
    clear_pending (self);
}

static void
show_save_dialog (LodeWindow *self)
{
  GtkFileChooserNative *chooser;
  GFile *file = lode_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  set_chooser (self, chooser);
  add_filters (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      g_autofree char *name = g_strdup (lode_document_get_title (self->document));
      g_autofree char *file_name = NULL;

      g_strdelimit (name, "/\\:", '-');
      file_name = g_strconcat (name, ".lodestone", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

/* Unsaved changes */

static gboolean
run_response_cb (gpointer user_data)
{
  LodeWindow *self = user_data;
  g_autofree char *response = g_steal_pointer (&self->pending_response);

  self->response_id = 0;
  if (g_strcmp0 (response, "discard") == 0)
    run_pending (self);
  else if (g_strcmp0 (response, "save") == 0)
    save_then_continue (self);
  else
    clear_pending (self);
  return G_SOURCE_REMOVE;
}

/* The answer runs from an idle, not here: AdwMessageDialog emits "response" from inside its
 * own button handler, holding a reference, after it has closed itself. Discard on quit
 * closes this window; were that done here, the window would be finalised while the dialog,
 * still alive and destroyed-with-parent, kept it as its transient parent, and the dialog's
 * own dispose would then disconnect from freed memory ("instance with invalid (NULL) class
 * pointer"). From an idle, the dialog is gone before the window closes. */
static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LodeWindow       *self)
{
  self->dialog = NULL;
  g_signal_handlers_disconnect_by_data (dialog, self);

  g_free (self->pending_response);
  self->pending_response = g_strdup (response);
  if (self->response_id == 0)
    self->response_id = g_idle_add (run_response_cb, self);
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  lode_window_new_from_preset (user_data, g_variant_get_string (parameter, NULL));
}

static void
start_page_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  lode_window_show_start_page (user_data);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  lode_window_confirm_then (user_data, LODE_PENDING_OPEN_DIALOG, NULL, NULL);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  lode_window_open_file (user_data, file);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LodeWindow *self = user_data;

  if (lode_document_get_file (self->document) == NULL)
    show_save_dialog (self);
  else
    save_to (self, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  show_save_dialog (user_data);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LodeWindow *self = user_data;

  lode_document_undo (self->document);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LodeWindow *self = user_data;

  lode_document_redo (self->document);
}

/* The export dialog closed on success: a toast names the file and opens its folder. */
static void
exported_cb (LodeExportDialog *dialog,
             GFile            *file,
             LodeWindow       *self)
{
  g_autofree char *name = dup_file_name (file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  /* Translators: a notification after a successful export; %s is the file's name. */
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.show-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LodeWindow *self = user_data;
  g_autofree char *view = lode_window_dup_current_view (self);
  LodeExportDialog *dialog = lode_export_dialog_present (GTK_WINDOW (self), self->document, view);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
}

static void
show_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  /* The file manager, or whatever handles folders here. */
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (parameter, NULL),
                GDK_CURRENT_TIME);
}

static void
copy_image_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LodeWindow *self = user_data;
  g_autofree char *view = lode_window_dup_current_view (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *shown = NULL;
  LodeExportView export_view = LODE_EXPORT_VIEW_FLOW;
  int width = 0;
  int height = 0;

  /* The diagram and the charts are copied at the size they have on screen; a slide is a
   * 16:9 page. */
  lode_export_parse_view (view, &export_view, NULL, NULL);
  if (export_view == LODE_EXPORT_VIEW_FLOW)
    shown = self->flow_view;
  else if (export_view == LODE_EXPORT_VIEW_CHART)
    shown = self->chart_view;
  if (shown != NULL && gtk_widget_get_width (shown) > 0)
    {
      width = gtk_widget_get_width (shown);
      height = gtk_widget_get_height (shown);
    }

  if (!lode_export_copy_to_clipboard (GTK_WIDGET (self), self->document, view, width, height,
                                      &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. "the image would be too large". */
      message = g_strdup_printf (_("Could not copy the image: %s"), error->message);
      lode_window_toast (self, message);
    }
  else if (export_view == LODE_EXPORT_VIEW_FLOW)
    lode_window_toast (self, _("Diagram copied to the clipboard"));
  else if (export_view == LODE_EXPORT_VIEW_SLIDE)
    lode_window_toast (self, _("Slide copied to the clipboard"));
  else
    lode_window_toast (self, _("Chart copied to the clipboard"));
}

static void
presentation_change_state (GSimpleAction *action,
                           GVariant      *state,
                           gpointer       user_data)
{
  lode_window_set_presentation (user_data, g_variant_get_boolean (state));
}

static void
pin_baseline_change_state (GSimpleAction *action,
                           GVariant      *state,
                           gpointer       user_data)
{
  LodeWindow *self = user_data;

  if (g_variant_get_boolean (state))
    {
      lode_document_pin_baseline (self->document, lode_document_get_scenario (self->document));
      lode_window_toast (self, _("This scenario is now the baseline the charts compare with"));
    }
  else
    {
      lode_document_pin_baseline (self->document, NULL);
      lode_window_toast (self, _("The Baseline preset is the comparison again"));
    }
  g_simple_action_set_state (action, state);
}

static void
show_panel_change_state (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  LodeWindow *self = user_data;
  gboolean visible = g_variant_get_boolean (state);

  adw_flap_set_reveal_flap (self->flap, visible);
  if (self->settings != NULL && !self->presentation && !adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "panel-visible", visible);
  g_simple_action_set_state (action, state);
}

static void
chart_change_state (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  LodeWindow *self = user_data;
  const char *id = g_variant_get_string (state, NULL);
  LodeChartKind kind;

  if (!lode_chart_kind_from_id (id, &kind))
    return;

  g_simple_action_set_state (action, state);
  lode_chart_view_set_kind (LODE_CHART_VIEW (self->chart_view), kind);
  /* Each chart shows the one control it has: the stage for capacity, the target for the
   * China-free share. */
  gtk_widget_set_visible (self->stage_box, kind == LODE_CHART_CAPACITY);
  gtk_widget_set_visible (self->target_box, kind == LODE_CHART_CHINA_FREE);
  lode_window_update_chart_controls (self);
  lode_window_reveal_chart_toggle (self, kind);
  /* View state: not an undo step, does not mark the scenario modified. */
  if (self->document != NULL)
    lode_scenario_set_chart (lode_document_get_scenario (self->document), id);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-chart", id);
}

/* The material switch: the diagram's view and the chain of the chain's charts. */
static void
material_change_state (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  LodeWindow *self = user_data;
  const char *id = g_variant_get_string (state, NULL);
  LodeFlowMaterial material;

  if (!lode_flow_material_from_id (id, &material))
    return;

  g_simple_action_set_state (action, state);
  lode_flow_view_set_material (LODE_FLOW_VIEW (self->flow_view), material);
  lode_chart_view_set_material (LODE_CHART_VIEW (self->chart_view),
                                lode_flow_material_chain (material));
  /* View state: not an undo step, does not mark the scenario modified. */
  if (self->document != NULL)
    lode_scenario_set_material (lode_document_get_scenario (self->document), id);
}

/* The toast's "Details": what migrating a file of an older format changed. */
static void
migration_note_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LodeWindow *self = user_data;
  g_autofree char *note = lode_scenario_describe_migration (g_variant_get_int32 (parameter));
  AdwMessageDialog *dialog;

  clear_dialog (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Plan Updated From an Older Format"),
                                                       note));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  lode_window_present_dialog (self, dialog, G_CALLBACK (error_response_cb));
}

/* The shortcuts window, built the first time it is asked for (GtkApplication would build it
 * with every window, before the first frame). */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/lodestone/Lodestone/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* It keeps a reference, makes the overlay modal and transient for the window. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry win_actions[] = {
  { .name = "new", .activate = new_action, .parameter_type = "s" },
  { .name = "start-page", .activate = start_page_action },
  { .name = "open", .activate = open_action },
  { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
  { .name = "save", .activate = save_action },
  { .name = "save-as", .activate = save_as_action },
  { .name = "undo", .activate = undo_action },
  { .name = "redo", .activate = redo_action },
  { .name = "export", .activate = export_action },
  { .name = "show-folder", .activate = show_folder_action, .parameter_type = "s" },
  { .name = "copy-image", .activate = copy_image_action },
  { .name = "migration-note", .activate = migration_note_action, .parameter_type = "i" },
  { .name = "presentation", .state = "false", .change_state = presentation_change_state },
  { .name = "pin-baseline", .state = "false", .change_state = pin_baseline_change_state },
  { .name = "show-panel", .state = "true", .change_state = show_panel_change_state },
  { .name = "chart", .parameter_type = "s", .state = "'china-free'",
    .change_state = chart_change_state },
  { .name = "material", .parameter_type = "s", .state = "'ndpr'",
    .change_state = material_change_state },
  { .name = "show-help-overlay", .activate = show_help_overlay_action },
};

/* Shared with lode-window.c */

void
lode_window_init_actions (LodeWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}

void
lode_window_close_dialogs (LodeWindow *self)
{
  clear_chooser (self);
  clear_dialog (self);
  g_clear_handle_id (&self->response_id, g_source_remove);
  g_clear_pointer (&self->pending_response, g_free);
}

void
lode_window_update_actions (LodeWindow *self)
{
  gboolean plan;

  if (self->document == NULL)
    return;

  plan = !lode_window_get_start_page_visible (self);
  set_action_enabled (self, "undo", plan && lode_document_can_undo (self->document));
  set_action_enabled (self, "redo", plan && lode_document_can_redo (self->document));
  set_action_enabled (self, "show-panel", plan && !self->presentation);
  /* On the start page there is no plan to export, present or copy yet. */
  set_action_enabled (self, "export", plan);
  set_action_enabled (self, "copy-image", plan);
  set_action_enabled (self, "presentation", plan);
  set_action_enabled (self, "save", plan);
  set_action_enabled (self, "save-as", plan);
  set_action_state (self, "presentation", g_variant_new_boolean (self->presentation));
  set_action_state (self, "pin-baseline",
                    g_variant_new_boolean (lode_document_get_baseline_pinned (self->document)));
}

void
lode_window_sync_panel_action (LodeWindow *self)
{
  gboolean revealed = adw_flap_get_reveal_flap (self->flap);

  set_action_state (self, "show-panel", g_variant_new_boolean (revealed));
}

void
lode_window_set_chart (LodeWindow    *self,
                       LodeChartKind  kind)
{
  g_return_if_fail (kind < LODE_N_CHARTS);

  g_action_group_change_action_state (G_ACTION_GROUP (self), "chart",
                                      g_variant_new_string (lode_chart_kind_id (kind)));
}

void
lode_window_set_material (LodeWindow       *self,
                          LodeFlowMaterial  material)
{
  g_return_if_fail ((guint) material < LODE_FLOW_N_MATERIALS);

  g_action_group_change_action_state (G_ACTION_GROUP (self), "material",
                                      g_variant_new_string (lode_flow_material_id (material)));
}

void
lode_window_show_error (LodeWindow   *self,
                        const char   *heading,
                        const GError *error)
{
  AdwMessageDialog *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);

  clear_dialog (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  lode_window_present_dialog (self, dialog, G_CALLBACK (error_response_cb));
}

/* A file of an older format was updated in memory: say so, with the details a click away. */
static void
offer_migration_note (LodeWindow *self)
{
  int from = lode_scenario_get_migrated_from (lode_document_get_scenario (self->document));
  AdwToast *toast;

  if (from < 0)
    return;
  toast = adw_toast_new (_("Updated from an older Lodestone’s file format"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.migration-note");
  adw_toast_set_action_target_value (toast, g_variant_new_int32 (from));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
lode_window_load_now (LodeWindow *self,
                      GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (!lode_document_load (self->document, file, &error))
    {
      g_autofree char *name = dup_file_name (file);
      /* Translators: the heading of the error shown when a file does not open */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      lode_window_show_error (self, heading, error);
      return FALSE;
    }

  g_clear_pointer (&self->last_error, g_free);
  add_recent (file);
  offer_migration_note (self);
  return TRUE;
}

void
lode_window_confirm_then (LodeWindow *self,
                          LodePending pending,
                          GFile      *file,
                          const char *preset_id)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* A new question replaces an answer to the last one that has not run yet. */
  g_clear_handle_id (&self->response_id, g_source_remove);
  g_clear_pointer (&self->pending_response, g_free);
  clear_pending (self);
  self->pending = pending;
  g_set_object (&self->pending_file, file);
  self->pending_preset = g_strdup (preset_id);

  if (!lode_document_get_modified (self->document))
    {
      run_pending (self);
      return;
    }

  clear_dialog (self);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved will be "
                            "lost."),
                          lode_document_get_title (self->document));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  lode_window_present_dialog (self, dialog, G_CALLBACK (confirm_response_cb));
}

/* Public API */

void
lode_window_open_file (LodeWindow *self,
                       GFile      *file)
{
  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  lode_window_confirm_then (self, LODE_PENDING_OPEN_FILE, file, NULL);
}

void
lode_window_new_from_preset (LodeWindow *self,
                             const char *preset_id)
{
  g_return_if_fail (LODE_IS_WINDOW (self));

  lode_window_confirm_then (self, LODE_PENDING_NEW, NULL, preset_id ? preset_id : "baseline");
}
