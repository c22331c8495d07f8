/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-project-dialog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "lode-format.h"
#include "lode-project-dialog.h"

#define NAME_MAX_CHARS 80
#define NOTE_MAX_CHARS 500
/* Within what a scenario file may hold (data/lodestone-scenario.rng). The entries take a few
 * characters more, so that typing past the limit shows why it is refused. */
G_STATIC_ASSERT (NAME_MAX_CHARS + 20 <= LODE_SCENARIO_MAX_PROJECT_NAME_CHARS);
G_STATIC_ASSERT (NOTE_MAX_CHARS + 20 <= LODE_SCENARIO_MAX_PROJECT_NOTE_CHARS);
#define YEAR_FIRST LODE_BASE_YEAR
#define YEAR_LAST LODE_MAX_HORIZON
#define CAPACITY_MAX 1e7
#define CAPEX_MAX 1e6

struct _LodeProjectDialog
{
  AdwWindow     parent_instance;

  /* Template widgets (built in init) */
  GtkWidget    *add_button;
  GtkWidget    *rows[LODE_N_PROJECT_FIELDS];
  GtkWidget    *fields[LODE_N_PROJECT_FIELDS];
  GtkWidget    *capacity_unit;
  GtkWidget    *message;       /* what the scenario said when it refused the project */

  /* Owned */
  LodeDocument *document;
  char         *errors[LODE_N_PROJECT_FIELDS];
};

G_DEFINE_FINAL_TYPE (LodeProjectDialog, lode_project_dialog, ADW_TYPE_WINDOW)

static LodeScenario *
get_scenario (LodeProjectDialog *self)
{
  return self->document != NULL ? lode_document_get_scenario (self->document) : NULL;
}

static LodeStage
selected_stage (LodeProjectDialog *self)
{
  guint stage = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[LODE_PROJECT_FIELD_STAGE]));

  return stage < LODE_N_STAGES ? (LodeStage) stage : LODE_STAGE_MAGNET;
}

/* Parses a number as people type it (the locale's decimal mark); FALSE if it is not one. */
static gboolean
parse_number (const char *text,
              double     *out_value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double value;

  if (copy[0] == '\0')
    return FALSE;

  errno = 0;
  value = strtod (copy, &end);
  if (errno != 0 || end == copy || *end != '\0' || !isfinite (value))
    return FALSE;

  *out_value = value;
  return TRUE;
}

static gboolean
name_taken (LodeProjectDialog *self,
            const char        *name)
{
  LodeScenario *scenario = get_scenario (self);
  LodeDataset *dataset;
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (scenario == NULL)
    return FALSE;

  dataset = lode_scenario_get_dataset (scenario);
  for (guint p = 0; p < dataset->n_projects; p++)
    {
      g_autofree char *other = g_utf8_casefold (dataset->projects[p].name, -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }

  for (guint i = 0; i < lode_scenario_get_n_user_projects (scenario); i++)
    {
      const LodeProject *project = lode_scenario_get_user_project (scenario, i);
      g_autofree char *other = g_utf8_casefold (project->name, -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Returns the message for a field in error, or NULL. */
/* "At most 100,000" */
static char *
dup_at_most (double limit)
{
  g_autofree char *number = lode_format_number (limit, 0);

  /* Translators: a field's value is too large; %s is the largest allowed */
  return g_strdup_printf (_("At most %s"), number);
}

static char *
check_field (LodeProjectDialog *self,
             LodeProjectField   field)
{
  GtkWidget *widget = self->fields[field];
  const char *text;
  double value = 0.0;

  switch (field)
    {
    case LODE_PROJECT_FIELD_NAME:
      {
        const char *typed = gtk_editable_get_text (GTK_EDITABLE (widget));
        g_autofree char *name = g_strstrip (g_strdup (typed));

        if (name[0] == '\0')
          return g_strdup (_("Give the project a name"));
        if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
          return g_strdup_printf (ngettext ("Use at most %d character",
                                            "Use at most %d characters", NAME_MAX_CHARS),
                                  NAME_MAX_CHARS);
        if (name_taken (self, name))
          return g_strdup (_("A project with this name already exists"));
        return NULL;
      }

    case LODE_PROJECT_FIELD_CAPACITY:
      text = gtk_editable_get_text (GTK_EDITABLE (widget));
      if (!parse_number (text, &value))
        return g_strdup (_("Enter a number"));
      if (value <= 0.0)
        return g_strdup (_("Capacity must be more than zero"));
      if (value > CAPACITY_MAX)
        return dup_at_most (CAPACITY_MAX);
      return NULL;

    case LODE_PROJECT_FIELD_YEAR:
      text = gtk_editable_get_text (GTK_EDITABLE (widget));
      if (!parse_number (text, &value))
        return g_strdup (_("Enter a year"));
      if (value != floor (value))
        return g_strdup (_("Enter a whole year"));
      if (value < YEAR_FIRST || value > YEAR_LAST)
        /* Translators: the allowed online years, "Between 2024 and 2060" */
        return g_strdup_printf (_("Between %d and %d"), YEAR_FIRST, YEAR_LAST);
      return NULL;

    case LODE_PROJECT_FIELD_CAPEX:
      text = gtk_editable_get_text (GTK_EDITABLE (widget));
      if (!parse_number (text, &value))
        return g_strdup (_("Enter a number (0 if unknown)"));
      if (value < 0.0)
        return g_strdup (_("Capex cannot be negative"));
      if (value > CAPEX_MAX)
        return dup_at_most (CAPEX_MAX);
      return NULL;

    case LODE_PROJECT_FIELD_NOTE:
      text = gtk_editable_get_text (GTK_EDITABLE (widget));
      if (g_utf8_strlen (text, -1) > NOTE_MAX_CHARS)
        return g_strdup_printf (ngettext ("Use at most %d character",
                                          "Use at most %d characters", NOTE_MAX_CHARS),
                                NOTE_MAX_CHARS);
      return NULL;

    case LODE_PROJECT_FIELD_STAGE:
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (widget)) >= LODE_N_STAGES)
        return g_strdup (_("Choose a stage"));
      return NULL;

    case LODE_PROJECT_FIELD_REGION:
      {
        LodeScenario *scenario = get_scenario (self);
        guint region = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

        if (scenario == NULL || region >= lode_scenario_get_dataset (scenario)->n_regions)
          return g_strdup (_("Choose a region"));
        return NULL;
      }

    case LODE_N_PROJECT_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The message in the theme's error colour (the row's subtitle is markup). */
static char *
error_markup (GtkWidget  *widget,
              const char *message)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  GdkRGBA rgba;

  /* gtk_style_context_lookup_color is the GTK 4.8 way to read a named theme colour. */
  if (!gtk_style_context_lookup_color (context, "error_color", &rgba))
    return g_steal_pointer (&escaped);

  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">%s</span>",
                          (guint) (rgba.red * 255 + 0.5), (guint) (rgba.green * 255 + 0.5),
                          (guint) (rgba.blue * 255 + 0.5), escaped);
}

static const char *
field_hint (LodeProjectDialog *self,
            LodeProjectField   field)
{
  switch (field)
    {
    case LODE_PROJECT_FIELD_CAPACITY:
      return _("Nameplate output per year");
    case LODE_PROJECT_FIELD_YEAR:
      return _("First year of production");
    case LODE_PROJECT_FIELD_CAPEX:
      return _("Announced investment, 0 if unknown");
    case LODE_PROJECT_FIELD_NOTE:
      return _("Optional: where the figures come from");
    case LODE_PROJECT_FIELD_NAME:
    case LODE_PROJECT_FIELD_STAGE:
    case LODE_PROJECT_FIELD_REGION:
    case LODE_N_PROJECT_FIELDS:
    default:
      return NULL;
    }
}

static void
validate_field (LodeProjectDialog *self,
                LodeProjectField   field)
{
  g_autofree char *error = NULL;
  GtkWidget *row, *widget;

  g_return_if_fail (field < LODE_N_PROJECT_FIELDS);

  error = check_field (self, field);
  row = self->rows[field];
  widget = self->fields[field];

  g_free (self->errors[field]);
  self->errors[field] = g_steal_pointer (&error);

  if (self->errors[field] != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      if (ADW_IS_COMBO_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->errors[field]);
      else
        {
          g_autofree char *markup = error_markup (widget, self->errors[field]);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
        }
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->errors[field],
                                      -1);
    }
  else
    {
      const char *hint = field_hint (self, field);

      gtk_widget_remove_css_class (widget, "error");
      if (ADW_IS_COMBO_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
      else
        {
          g_autofree char *markup = g_markup_escape_text (hint != NULL ? hint : "", -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
        }
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      hint != NULL ? hint : "",
                                      -1);
    }

  gtk_widget_set_sensitive (self->add_button, lode_project_dialog_is_valid (self));
}

static void
field_changed_cb (LodeProjectDialog *self,
                  GtkWidget         *widget)
{
  for (guint f = 0; f < LODE_N_PROJECT_FIELDS; f++)
    if (self->fields[f] == widget)
      validate_field (self, f);

  gtk_widget_set_visible (self->message, FALSE);
}

static void
stage_changed_cb (LodeProjectDialog *self)
{
  g_autofree char *unit = NULL;

  /* Translators: unit of a plant's capacity, "t REO/yr" */
  unit = g_strdup_printf (_("%s/yr"), lode_stage_unit (selected_stage (self)));
  gtk_label_set_text (GTK_LABEL (self->capacity_unit), unit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fields[LODE_PROJECT_FIELD_CAPACITY]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unit, -1);
  validate_field (self, LODE_PROJECT_FIELD_STAGE);
}

static void
region_changed_cb (LodeProjectDialog *self)
{
  validate_field (self, LODE_PROJECT_FIELD_REGION);
}

static void
add_clicked_cb (LodeProjectDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!lode_project_dialog_add (self, &error))
    g_debug ("Project not added: %s", error->message);
}

static void
cancel_clicked_cb (LodeProjectDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* "user-eneabba-2" from "Eneabba 2", unique among the dataset's and the scenario's ids. */
static char *
make_project_id (LodeProjectDialog *self,
                 const char        *name)
{
  LodeScenario *scenario = get_scenario (self);
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);
  GString *base = g_string_new ("user-");
  gboolean dash = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && base->len > 5)
            g_string_append_c (base, '-');
          g_string_append_c (base, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;

      if (base->len >= 40)
        break;
    }
  if (base->len == 5)
    g_string_append (base, "project");

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base->str)
                                          : g_strdup_printf ("%s-%u", base->str, n);
      gboolean taken = lode_dataset_project_index (dataset, candidate) >= 0;

      for (guint i = 0; !taken && i < lode_scenario_get_n_user_projects (scenario); i++)
        taken = g_strcmp0 (lode_scenario_get_user_project (scenario, i)->id, candidate) == 0;

      if (!taken)
        {
          g_string_free (base, TRUE);
          return g_steal_pointer (&candidate);
        }
    }
}

static GtkWidget *
add_row (LodeProjectDialog   *self,
         AdwPreferencesGroup *group,
         LodeProjectField     field,
         const char          *title,
         GtkWidget           *input)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", escaped,
                                 "use-markup", TRUE,
                                 NULL);

  gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
  adw_preferences_group_add (group, row);

  self->rows[field] = row;
  self->fields[field] = input;
  g_signal_connect_object (input, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
new_spin (double min,
          double max,
          double step,
          double value,
          guint  digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);

  return spin;
}

static void
lode_project_dialog_dispose (GObject *object)
{
  LodeProjectDialog *self = LODE_PROJECT_DIALOG (object);

  g_clear_object (&self->document);
  for (guint f = 0; f < LODE_N_PROJECT_FIELDS; f++)
    g_clear_pointer (&self->errors[f], g_free);

  G_OBJECT_CLASS (lode_project_dialog_parent_class)->dispose (object);
}

static void
lode_project_dialog_class_init (LodeProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_project_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Cancel at the start, Add (the default) at the end. */
static GtkWidget *
build_header (LodeProjectDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  return header;
}

static GtkWidget *
new_text_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  return entry;
}

/* A combo row for a field, its own field widget. */
static void
add_combo_row (LodeProjectDialog   *self,
               AdwPreferencesGroup *group,
               LodeProjectField     field,
               const char          *title)
{
  self->rows[field] = g_object_new (ADW_TYPE_COMBO_ROW, "title", title, "use-markup", FALSE,
                                    NULL);
  self->fields[field] = self->rows[field];
  adw_preferences_group_add (group, self->rows[field]);
}

static void
add_unit (GtkWidget *row,
          GtkWidget *unit)
{
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
}

/* Name, stage, region, capacity with its unit, online year, capex and note. */
static void
build_fields (LodeProjectDialog   *self,
              AdwPreferencesGroup *group)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  GtkWidget *name = new_text_entry (_("e.g. Gulf Coast magnets"));
  GtkWidget *row;

  gtk_entry_set_max_length (GTK_ENTRY (name), NAME_MAX_CHARS + 20);
  add_row (self, group, LODE_PROJECT_FIELD_NAME, _("Name"), name);

  for (guint s = 0; s < LODE_N_STAGES; s++)
    gtk_string_list_append (stages, lode_stage_name (s));
  add_combo_row (self, group, LODE_PROJECT_FIELD_STAGE, _("Stage"));
  g_object_set (self->rows[LODE_PROJECT_FIELD_STAGE], "model", stages,
                "selected", (guint) LODE_STAGE_MAGNET, NULL);
  add_combo_row (self, group, LODE_PROJECT_FIELD_REGION, _("Region"));

  row = add_row (self, group, LODE_PROJECT_FIELD_CAPACITY, _("Capacity"),
                 new_spin (0, CAPACITY_MAX, 100, 1000, 0));
  self->capacity_unit = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, NULL);
  add_unit (row, self->capacity_unit);
  add_row (self, group, LODE_PROJECT_FIELD_YEAR, _("Online Year"),
           new_spin (1900, 2200, 1, LODE_BASE_YEAR + 4, 0));
  row = add_row (self, group, LODE_PROJECT_FIELD_CAPEX, _("Capex"),
                 new_spin (0, CAPEX_MAX, 10, 0, 0));
  add_unit (row, g_object_new (GTK_TYPE_LABEL, "label", _("$ million"), "xalign", 0.0f, NULL));
  {
    GtkWidget *note = new_text_entry (NULL);

    gtk_entry_set_max_length (GTK_ENTRY (note), NOTE_MAX_CHARS + 20);
    add_row (self, group, LODE_PROJECT_FIELD_NOTE, _("Note"), note);
  }
}

static void
lode_project_dialog_init (LodeProjectDialog *self)
{
  GtkWidget *box, *clamp, *content;
  AdwPreferencesGroup *group;

  gtk_window_set_title (GTK_WINDOW (self), _("Add Project"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), build_header (self));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), clamp);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (group,
                                         _("A plant of your own. It comes online like an "
                                           "announced project, with the scenario's slip."));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (group));
  build_fields (self, group);

  self->message = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, NULL);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (content), self->message);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);

  g_signal_connect_object (self->rows[LODE_PROJECT_FIELD_STAGE], "notify::selected",
                           G_CALLBACK (stage_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows[LODE_PROJECT_FIELD_REGION], "notify::selected",
                           G_CALLBACK (region_changed_cb), self, G_CONNECT_SWAPPED);
}

LodeProjectDialog *
lode_project_dialog_new (GtkWindow    *parent,
                         LodeDocument *document)
{
  LodeProjectDialog *self;
  GtkStringList *regions;
  LodeDataset *dataset;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LODE_IS_DOCUMENT (document), NULL);

  self = g_object_new (LODE_TYPE_PROJECT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);

  dataset = lode_document_get_dataset (document);
  regions = gtk_string_list_new (NULL);
  for (guint r = 0; r < dataset->n_regions; r++)
    gtk_string_list_append (regions, lode_region_name (&dataset->regions[r]));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[LODE_PROJECT_FIELD_REGION]),
                           G_LIST_MODEL (regions));
  g_object_unref (regions);
  if (dataset->us < dataset->n_regions)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[LODE_PROJECT_FIELD_REGION]),
                                dataset->us);

  stage_changed_cb (self);
  for (guint f = 0; f < LODE_N_PROJECT_FIELDS; f++)
    validate_field (self, f);

  /* The empty name is an error, but one not to shout about before anything was typed. */
  gtk_widget_remove_css_class (self->fields[LODE_PROJECT_FIELD_NAME], "error");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[LODE_PROJECT_FIELD_NAME]), "");

  gtk_widget_grab_focus (self->fields[LODE_PROJECT_FIELD_NAME]);

  return self;
}

GtkWidget *
lode_project_dialog_get_field (LodeProjectDialog *self,
                               LodeProjectField   field)
{
  g_return_val_if_fail (LODE_IS_PROJECT_DIALOG (self), NULL);
  g_return_val_if_fail (field < LODE_N_PROJECT_FIELDS, NULL);

  return self->fields[field];
}

const char *
lode_project_dialog_get_error (LodeProjectDialog *self,
                               LodeProjectField   field)
{
  g_return_val_if_fail (LODE_IS_PROJECT_DIALOG (self), NULL);
  g_return_val_if_fail (field < LODE_N_PROJECT_FIELDS, NULL);

  return self->errors[field];
}

gboolean
lode_project_dialog_is_valid (LodeProjectDialog *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT_DIALOG (self), FALSE);

  for (guint f = 0; f < LODE_N_PROJECT_FIELDS; f++)
    if (self->errors[f] != NULL || self->fields[f] == NULL)
      return FALSE;

  return TRUE;
}

GtkWidget *
lode_project_dialog_get_add_button (LodeProjectDialog *self)
{
  g_return_val_if_fail (LODE_IS_PROJECT_DIALOG (self), NULL);

  return self->add_button;
}

gboolean
lode_project_dialog_add (LodeProjectDialog  *self,
                         GError            **error)
{
  LodeScenario *scenario;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) local_error = NULL;
  LodeProject project = { 0 };
  double capacity = 0.0, year = 0.0, capex = 0.0;

  g_return_val_if_fail (LODE_IS_PROJECT_DIALOG (self), FALSE);

  for (guint f = 0; f < LODE_N_PROJECT_FIELDS; f++)
    validate_field (self, f);

  scenario = get_scenario (self);
  if (!lode_project_dialog_is_valid (self) || scenario == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Some fields need attention"));
      return FALSE;
    }

  /* The texts were checked; read them as typed rather than as last committed. */
  parse_number (gtk_editable_get_text (GTK_EDITABLE (self->fields[LODE_PROJECT_FIELD_CAPACITY])),
                &capacity);
  parse_number (gtk_editable_get_text (GTK_EDITABLE (self->fields[LODE_PROJECT_FIELD_YEAR])),
                &year);
  parse_number (gtk_editable_get_text (GTK_EDITABLE (self->fields[LODE_PROJECT_FIELD_CAPEX])),
                &capex);

  name = g_strstrip (g_strdup (gtk_editable_get_text (
           GTK_EDITABLE (self->fields[LODE_PROJECT_FIELD_NAME]))));
  note = g_strstrip (g_strdup (gtk_editable_get_text (
           GTK_EDITABLE (self->fields[LODE_PROJECT_FIELD_NOTE]))));
  id = make_project_id (self, name);

  project.id = id;
  project.name = name;
  project.stage = selected_stage (self);
  project.region =
    adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[LODE_PROJECT_FIELD_REGION]));
  project.capacity = (LodeCited) { capacity, NULL, LODE_BASIS_ESTIMATE };
  project.online_year = (int) year;
  project.capex_musd = (LodeCited) { capex, NULL, LODE_BASIS_ESTIMATE };
  project.note = note[0] != '\0' ? note : NULL;

  if (!lode_scenario_add_user_project (scenario, &project, &local_error))
    {
      gtk_label_set_text (GTK_LABEL (self->message), local_error->message);
      gtk_widget_set_visible (self->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
