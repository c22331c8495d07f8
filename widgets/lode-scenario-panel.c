/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-scenario-panel.c — the scenario's title, author and notes, and what it builds on. */

#define G_LOG_DOMAIN "lode-scenario-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-scenario-panel.h"

struct _LodeScenarioPanel
{
  GtkWidget     parent_instance;

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwEntryRow  *author_row;
  GtkTextView  *notes_view;
  GtkLabel     *origin_label;
  GtkLabel     *details_label;

  /* Owned */
  LodeDocument *document;
};

G_DEFINE_FINAL_TYPE (LodeScenarioPanel, lode_scenario_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static char *
dup_notes (LodeScenarioPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  /* Translators: a date in the scenario panel, as strftime writes it ("%x" is the locale's
   * own way) */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%x"));
}

/* The dataset and the dates, in one dim line. */
static void
update_details (LodeScenarioPanel *self)
{
  LodeScenario *scenario = lode_document_get_scenario (self->document);
  LodeDataset *dataset = lode_document_get_dataset (self->document);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *created = format_date (lode_scenario_get_created (scenario));
  g_autofree char *modified = format_date (lode_scenario_get_modified (scenario));

  /* Translators: the dataset a scenario builds on: its id and version */
  g_string_append_printf (text, _("Dataset: %s, version %s"),
                          dataset->id != NULL ? dataset->id : "?",
                          dataset->version != NULL ? dataset->version : "?");
  if (created != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: when the scenario was first saved, "created 04/12/2026" */
      g_string_append_printf (text, _("created %s"), created);
    }
  if (modified != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: when the scenario was last saved, "saved 04/12/2026" */
      g_string_append_printf (text, _("saved %s"), modified);
    }
  gtk_label_set_text (self->details_label, text->str);
}

/* The fields show the scenario as it is (after a load, a new scenario, an undo). */
static void
update_fields (LodeScenarioPanel *self)
{
  LodeScenario *scenario;

  if (self->document == NULL)
    return;
  scenario = lode_document_get_scenario (self->document);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), lode_scenario_get_title (scenario));
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), lode_scenario_get_author (scenario));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            lode_scenario_get_notes (scenario), -1);
  update_details (self);
}

/* Callbacks */

static void
commit_cb (LodeScenarioPanel *self)
{
  lode_scenario_panel_commit (self);
}

static void
notes_focus_leave_cb (LodeScenarioPanel *self)
{
  lode_scenario_panel_commit (self);
}

static void
document_replaced_cb (LodeScenarioPanel *self)
{
  update_fields (self);
}

static void
document_saved_cb (LodeScenarioPanel *self)
{
  update_details (self);
}

/* GObject */

static void
lode_scenario_panel_dispose (GObject *object)
{
  LodeScenarioPanel *self = LODE_SCENARIO_PANEL (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_SCENARIO_PANEL);
  /* The template's top box is not a bound child: unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (lode_scenario_panel_parent_class)->dispose (object);
}

static void
lode_scenario_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LodeScenarioPanel *self = LODE_SCENARIO_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_scenario_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LodeScenarioPanel *self = LODE_SCENARIO_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      lode_scenario_panel_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_scenario_panel_class_init (LodeScenarioPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_scenario_panel_dispose;
  object_class->get_property = lode_scenario_panel_get_property;
  object_class->set_property = lode_scenario_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, LODE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodestone/Lodestone/ui/"
                                               "lode-scenario-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeScenarioPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, LodeScenarioPanel, author_row);
  gtk_widget_class_bind_template_child (widget_class, LodeScenarioPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LodeScenarioPanel, origin_label);
  gtk_widget_class_bind_template_child (widget_class, LodeScenarioPanel, details_label);
  gtk_widget_class_bind_template_callback (widget_class, commit_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lode_scenario_panel_init (LodeScenarioPanel *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenario"), -1);
}

/* Public API */

GtkWidget *
lode_scenario_panel_new (void)
{
  return g_object_new (LODE_TYPE_SCENARIO_PANEL, NULL);
}

void
lode_scenario_panel_set_document (LodeScenarioPanel *self,
                                  LodeDocument      *document)
{
  g_return_if_fail (LODE_IS_SCENARIO_PANEL (self));
  g_return_if_fail (document == NULL || LODE_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "scenario-replaced", G_CALLBACK (document_replaced_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (document_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (document_saved_cb),
                               self, G_CONNECT_SWAPPED);
      update_fields (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

LodeDocument *
lode_scenario_panel_get_document (LodeScenarioPanel *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO_PANEL (self), NULL);

  return self->document;
}

void
lode_scenario_panel_set_origin (LodeScenarioPanel *self,
                                const LodePreset  *preset,
                                gboolean           modified)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LODE_IS_SCENARIO_PANEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->origin_label), preset != NULL);
  if (preset == NULL)
    return;
  if (modified)
    /* Translators: %s is a preset, "Mine to Magnet" */
    text = g_strdup_printf (_("Modified from the “%s” preset: its notes describe what the "
                              "preset explores, not the levers as they are now."),
                            lode_preset_get_title (preset));
  else
    /* Translators: %s is a preset, "Mine to Magnet" */
    text = g_strdup_printf (_("The “%s” preset, as it ships."), lode_preset_get_title (preset));
  gtk_label_set_text (self->origin_label, text);
}

void
lode_scenario_panel_commit (LodeScenarioPanel *self)
{
  LodeScenario *scenario;
  g_autofree char *notes = NULL;
  const char *title, *author;

  g_return_if_fail (LODE_IS_SCENARIO_PANEL (self));

  if (self->document == NULL)
    return;
  scenario = lode_document_get_scenario (self->document);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  author = gtk_editable_get_text (GTK_EDITABLE (self->author_row));
  notes = dup_notes (self);
  if (g_strcmp0 (title, lode_scenario_get_title (scenario)) == 0
      && g_strcmp0 (author, lode_scenario_get_author (scenario)) == 0
      && g_strcmp0 (notes, lode_scenario_get_notes (scenario)) == 0)
    return;

  /* Every field edited since the last commit is one step to undo. */
  lode_document_begin_step (self->document);
  lode_scenario_set_title (scenario, title);
  lode_scenario_set_author (scenario, author);
  lode_scenario_set_notes (scenario, notes);
  lode_document_end_step (self->document);
}

GtkEditable *
lode_scenario_panel_get_title_entry (LodeScenarioPanel *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO_PANEL (self), NULL);
  return GTK_EDITABLE (self->title_row);
}

GtkEditable *
lode_scenario_panel_get_author_entry (LodeScenarioPanel *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO_PANEL (self), NULL);
  return GTK_EDITABLE (self->author_row);
}

GtkTextView *
lode_scenario_panel_get_notes_view (LodeScenarioPanel *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO_PANEL (self), NULL);
  return self->notes_view;
}

GtkLabel *
lode_scenario_panel_get_origin_label (LodeScenarioPanel *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO_PANEL (self), NULL);
  return self->origin_label;
}

GtkLabel *
lode_scenario_panel_get_details_label (LodeScenarioPanel *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO_PANEL (self), NULL);
  return self->details_label;
}
