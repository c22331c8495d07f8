/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-levers-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lode-culled-box.h"
#include "lode-format.h"
#include "lode-levers-panel.h"
#include "lode-project-dialog.h"
#include "lode-tooltip.h"

struct _LodeLeversPanel
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkWidget            *scroller;
  GtkWidget            *page;          /* LodeCulledBox: the groups */
  AdwPreferencesGroup  *fund_group;
  AdwPreferencesGroup  *allocation_group;
  LodeAllocationEditor *allocation_editor;
  AdwPreferencesGroup  *policy_group;
  AdwPreferencesGroup  *partners_group;
  AdwExpanderRow       *allies_row;
  AdwPreferencesGroup  *market_group;
  AdwPreferencesGroup  *shock_group;
  AdwExpanderRow       *targets_row;
  AdwPreferencesGroup  *materials_group;
  AdwPreferencesGroup  *instruments_group;
  AdwPreferencesGroup  *projects_group;
  AdwPreferencesGroup  *user_projects_group;
  GtkWidget            *add_project_button;
  GtkWidget            *no_user_projects_row;
  /* The template's lever rows, found by their lever; NULL for the allocation shares */
  LodeLeverRow         *lever_rows[LODE_N_LEVERS];

  /* Borrowed: rows added to the groups for the dataset */
  GtkSwitch            *ally_switches[LODE_MAX_REGIONS];
  GtkSwitch            *target_switches[LODE_MAX_REGIONS];
  GtkWidget            *project_rows[LODE_MAX_PROJECTS];
  GtkSwitch            *project_switches[LODE_MAX_PROJECTS];
  GPtrArray            *user_project_rows;             /* AdwActionRow */
  GPtrArray            *user_project_ids;              /* char *, same order */
  GPtrArray            *user_project_buttons;          /* their remove buttons */

  /* Owned */
  LodeDocument         *document;
  LodeDataset          *dataset;    /* the one the region and project rows are for */

  guint                 finish_tick_id;  /* finishes the panel after the first frame */
  guint                 finish_ticks;
  guint                 deferred_groups; /* bits: lower groups hidden until then */
  guint                 syncing : 1;
  guint                 rows_built : 1;
  guint                 lower_rows_built : 1;
};

G_DEFINE_FINAL_TYPE (LodeLeversPanel, lode_levers_panel, GTK_TYPE_WIDGET)

/* The groups under the first two; see defer_lower_groups(). */
#define N_LOWER_GROUPS 8

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LodeScenario *
get_scenario (LodeLeversPanel *self)
{
  return self->document != NULL ? lode_document_get_scenario (self->document) : NULL;
}

static AdwPreferencesGroup *
group_for_lever (LodeLeversPanel *self,
                 LodeLeverGroup   group)
{
  switch (group)
    {
    case LODE_LEVER_GROUP_FUND:
      return self->fund_group;
    case LODE_LEVER_GROUP_POLICY:
      return self->policy_group;
    case LODE_LEVER_GROUP_PARTNERS:
      return self->partners_group;
    case LODE_LEVER_GROUP_MARKET:
      return self->market_group;
    case LODE_LEVER_GROUP_SHOCK:
      return self->shock_group;
    case LODE_LEVER_GROUP_MATERIALS:
      return self->materials_group;
    case LODE_LEVER_GROUP_INSTRUMENTS:
      return self->instruments_group;
    case LODE_N_LEVER_GROUPS:
    default:
      g_return_val_if_reached (self->policy_group);
    }
}

static gboolean
is_allocation_lever (LodeLever lever)
{
  return lever >= LODE_LEVER_ALLOC_FIRST && lever < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC;
}

/* "Australia, Japan, European Union" or "None": the regions that have a switch (never China,
 * not the US among the allies) and are on in the scenario, so the expanders' subtitles are
 * right before their rows are built. */
static char *
dup_region_list (LodeLeversPanel *self,
                 gboolean       (*get) (LodeScenario *, guint),
                 gboolean         with_us)
{
  LodeScenario *scenario = get_scenario (self);
  GString *out = g_string_new (NULL);

  for (guint r = 0; scenario != NULL && self->dataset != NULL && r < self->dataset->n_regions;
       r++)
    {
      if (r == self->dataset->china || (r == self->dataset->us && !with_us)
          || !get (scenario, r))
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      g_string_append (out, lode_region_name (&self->dataset->regions[r]));
    }

  if (out->len == 0)
    g_string_append (out, C_("no region", "None"));

  return g_string_free (out, FALSE);
}

static void
update_expander_subtitles (LodeLeversPanel *self)
{
  g_autofree char *allies = dup_region_list (self, lode_scenario_get_ally, FALSE);
  g_autofree char *targets = dup_region_list (self, lode_scenario_get_shock_target, TRUE);

  adw_expander_row_set_subtitle (self->allies_row, allies);
  adw_expander_row_set_subtitle (self->targets_row, targets);
}

/* ---------------------------------------------------------------------------------------- */
/* User projects */

static char *
dup_capacity_text (LodeStage stage,
                   double    capacity)
{
  g_autofree char *number = lode_format_number (capacity, 0);

  /* Translators: a plant's capacity, "10,000 t magnet/yr" */
  return g_strdup_printf (_("%s %s/yr"), number, lode_stage_unit (stage));
}

/* "Magnet · United States · 2027\n10,000 t magnet/yr", with " · source ID" when cited */
static char *
dup_project_subtitle (const LodeDataset *dataset,
                      const LodeProject *project)
{
  g_autofree char *capacity = dup_capacity_text (project->stage, project->capacity.value);
  const char *region = project->region < dataset->n_regions
                       ? lode_region_name (&dataset->regions[project->region]) : "";

  if (project->capacity.source != NULL)
    /* Translators: an announced project's details: stage · region · online year, then
     * capacity · source ID */
    return g_strdup_printf (_("%s · %s · %d\n%s · source %s"), lode_stage_name (project->stage),
                            region, project->online_year, capacity, project->capacity.source);

  /* Translators: a project's details: stage · region · online year, then capacity */
  return g_strdup_printf (_("%s · %s · %d\n%s"), lode_stage_name (project->stage), region,
                          project->online_year, capacity);
}

static void
remove_user_project_clicked_cb (LodeLeversPanel *self,
                                GtkButton       *button)
{
  LodeScenario *scenario = get_scenario (self);
  const char *id = g_object_get_data (G_OBJECT (button), "lode-project-id");

  if (scenario == NULL || id == NULL)
    return;

  for (guint i = 0; i < lode_scenario_get_n_user_projects (scenario); i++)
    {
      const LodeProject *project = lode_scenario_get_user_project (scenario, i);

      if (g_strcmp0 (project->id, id) == 0)
        {
          lode_scenario_remove_user_project (scenario, i);
          return;
        }
    }
}

static gboolean
user_projects_match (LodeLeversPanel *self,
                     LodeScenario    *scenario)
{
  guint n = scenario != NULL ? lode_scenario_get_n_user_projects (scenario) : 0;

  if (n != self->user_project_ids->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const LodeProject *project = lode_scenario_get_user_project (scenario, i);

      if (g_strcmp0 (project->id, g_ptr_array_index (self->user_project_ids, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
rebuild_user_projects (LodeLeversPanel *self)
{
  LodeScenario *scenario = get_scenario (self);
  guint n;

  if (user_projects_match (self, scenario))
    return;

  for (guint i = 0; i < self->user_project_rows->len; i++)
    adw_preferences_group_remove (self->user_projects_group,
                                  g_ptr_array_index (self->user_project_rows, i));
  g_ptr_array_set_size (self->user_project_rows, 0);
  g_ptr_array_set_size (self->user_project_ids, 0);
  g_ptr_array_set_size (self->user_project_buttons, 0);

  n = scenario != NULL ? lode_scenario_get_n_user_projects (scenario) : 0;
  for (guint i = 0; i < n; i++)
    {
      const LodeProject *project = lode_scenario_get_user_project (scenario, i);
      g_autofree char *subtitle = dup_project_subtitle (lode_scenario_get_dataset (scenario),
                                                        project);
      g_autofree char *remove_label = NULL;
      GtkWidget *row, *button;

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", project->name,
                          "subtitle", subtitle,
                          "use-markup", FALSE,
                          "activatable", FALSE,
                          NULL);
      if (project->note != NULL && project->note[0] != '\0')
        lode_tooltip_set_text (row, project->note);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      /* Translators: tooltip and accessible name of a user project's remove button */
      remove_label = g_strdup_printf (_("Remove “%s”"), project->name);
      lode_tooltip_set_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (button), "lode-project-id", g_strdup (project->id),
                              g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_user_project_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->user_projects_group, row);
      g_ptr_array_add (self->user_project_rows, row);
      g_ptr_array_add (self->user_project_ids, g_strdup (project->id));
      g_ptr_array_add (self->user_project_buttons, button);
    }

  gtk_widget_set_visible (self->no_user_projects_row, n == 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Following the document */

/* The region and project switches, where they are built; the caller sets `syncing`. */
static void
sync_switches (LodeLeversPanel *self,
               LodeScenario    *scenario)
{
  for (guint r = 0; self->dataset != NULL && r < self->dataset->n_regions; r++)
    {
      if (self->ally_switches[r] != NULL)
        gtk_switch_set_active (self->ally_switches[r], lode_scenario_get_ally (scenario, r));
      if (self->target_switches[r] != NULL)
        gtk_switch_set_active (self->target_switches[r],
                               lode_scenario_get_shock_target (scenario, r));
    }

  for (guint p = 0; self->dataset != NULL && p < self->dataset->n_projects; p++)
    if (self->project_switches[p] != NULL)
      gtk_switch_set_active (self->project_switches[p],
                             lode_scenario_get_project_enabled (scenario, p));
}

static void
sync_from_scenario (LodeLeversPanel *self)
{
  LodeScenario *scenario = get_scenario (self);

  if (scenario == NULL)
    return;

  self->syncing = TRUE;

  for (guint l = 0; l < LODE_N_LEVERS; l++)
    if (self->lever_rows[l] != NULL)
      lode_lever_row_set_value (self->lever_rows[l], lode_scenario_get_lever (scenario, l));

  sync_switches (self, scenario);
  update_expander_subtitles (self);
  rebuild_user_projects (self);

  self->syncing = FALSE;
}

static void
document_changed_cb (LodeLeversPanel *self)
{
  sync_from_scenario (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Edits */

static void
lever_row_edited_cb (LodeLeversPanel *self,
                     double           value,
                     LodeLeverRow    *row)
{
  LodeScenario *scenario = get_scenario (self);
  g_autoptr(GError) error = NULL;

  if (self->syncing || scenario == NULL)
    return;

  if (!lode_scenario_set_lever (scenario, lode_lever_row_get_lever (row), value, &error))
    {
      /* The row's range is the lever's, so this is a rounding edge; show the kept value. */
      g_debug ("%s", error->message);
      self->syncing = TRUE;
      lode_lever_row_set_value (row, lode_scenario_get_lever (scenario,
                                                              lode_lever_row_get_lever (row)));
      self->syncing = FALSE;
    }
}

static void
lever_row_drag_begin_cb (LodeLeversPanel *self,
                         LodeLeverRow    *row)
{
  if (self->document != NULL)
    lode_document_begin_step (self->document);
}

static void
lever_row_drag_end_cb (LodeLeversPanel *self,
                       LodeLeverRow    *row)
{
  if (self->document != NULL)
    lode_document_end_step (self->document);
}

/* A region switch (ally or shock target) was flipped: store it with `set` in the scenario. */
static void
region_switch_toggled (LodeLeversPanel *self,
                       GtkSwitch       *sw,
                       GtkSwitch      **switches,
                       void           (*set) (LodeScenario *, guint, gboolean))
{
  LodeScenario *scenario = get_scenario (self);

  if (self->syncing || scenario == NULL)
    return;

  for (guint r = 0; r < LODE_MAX_REGIONS; r++)
    if (switches[r] == sw)
      set (scenario, r, gtk_switch_get_active (sw));
  update_expander_subtitles (self);
}

static void
ally_switch_cb (LodeLeversPanel *self,
                GParamSpec      *pspec,
                GtkSwitch       *sw)
{
  region_switch_toggled (self, sw, self->ally_switches, lode_scenario_set_ally);
}

static void
target_switch_cb (LodeLeversPanel *self,
                  GParamSpec      *pspec,
                  GtkSwitch       *sw)
{
  region_switch_toggled (self, sw, self->target_switches, lode_scenario_set_shock_target);
}

static void
project_switch_cb (LodeLeversPanel *self,
                   GParamSpec      *pspec,
                   GtkSwitch       *sw)
{
  LodeScenario *scenario = get_scenario (self);

  if (self->syncing || scenario == NULL)
    return;

  for (guint p = 0; p < LODE_MAX_PROJECTS; p++)
    if (self->project_switches[p] == sw)
      {
        lode_scenario_set_project_enabled (scenario, p, gtk_switch_get_active (sw));
        return;
      }
}

static void
add_project_clicked_cb (LodeLeversPanel *self)
{
  lode_levers_panel_add_project (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Building the dataset-dependent rows */

static GtkSwitch *
add_switch_row (AdwExpanderRow *expander,
                const char     *title,
                const char     *accessible_label)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", title,
                                 "use-markup", FALSE,
                                 NULL);
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_expander_row_add_row (expander, row);

  return GTK_SWITCH (sw);
}

/* Removes each switch's row from its expander. */
static void
clear_switch_rows (AdwExpanderRow  *expander,
                   GtkSwitch      **switches)
{
  for (guint r = 0; r < LODE_MAX_REGIONS; r++)
    if (switches[r] != NULL)
      adw_expander_row_remove (expander, gtk_widget_get_ancestor (GTK_WIDGET (switches[r]),
                                                                  ADW_TYPE_ACTION_ROW));
  memset (switches, 0, LODE_MAX_REGIONS * sizeof switches[0]);
}

static void
clear_dataset_rows (LodeLeversPanel *self)
{
  clear_switch_rows (self->allies_row, self->ally_switches);
  clear_switch_rows (self->targets_row, self->target_switches);

  for (guint p = 0; p < LODE_MAX_PROJECTS; p++)
    if (self->project_rows[p] != NULL)
      adw_preferences_group_remove (self->projects_group, self->project_rows[p]);
  memset (self->project_rows, 0, sizeof self->project_rows);
  memset (self->project_switches, 0, sizeof self->project_switches);
  self->rows_built = FALSE;
}

static void
build_dataset_rows (LodeLeversPanel *self)
{
  LodeDataset *dataset = self->dataset;

  if (dataset == NULL)
    return;

  for (guint r = 0; r < dataset->n_regions; r++)
    {
      const char *name = lode_region_name (&dataset->regions[r]);
      g_autofree char *ally_label = NULL;
      g_autofree char *target_label = NULL;

      if (r == dataset->china)
        continue;

      if (r != dataset->us)
        {
          /* Translators: accessible name of a switch, "Australia allied with the US" */
          ally_label = g_strdup_printf (_("%s allied with the US"), name);
          self->ally_switches[r] = add_switch_row (self->allies_row, name, ally_label);
          g_signal_connect_object (self->ally_switches[r], "notify::active",
                                   G_CALLBACK (ally_switch_cb), self, G_CONNECT_SWAPPED);
        }

      /* Translators: accessible name of a switch, "Shock hits Japan" */
      target_label = g_strdup_printf (_("Shock hits %s"), name);
      self->target_switches[r] = add_switch_row (self->targets_row, name, target_label);
      g_signal_connect_object (self->target_switches[r], "notify::active",
                               G_CALLBACK (target_switch_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint p = 0; p < dataset->n_projects && p < LODE_MAX_PROJECTS; p++)
    {
      const LodeProject *project = &dataset->projects[p];
      g_autofree char *subtitle = dup_project_subtitle (dataset, project);
      g_autofree char *capex = lode_format_number (project->capex_musd.value, 0);
      g_autofree char *tooltip = NULL;
      GtkWidget *row, *sw;

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", project->name,
                          "subtitle", subtitle,
                          "use-markup", FALSE,
                          NULL);
      if (project->capex_musd.value > 0.0 && project->note != NULL && project->note[0] != '\0')
        /* Translators: tooltip of a project: its note and announced capex */
        tooltip = g_strdup_printf (_("%s\nAnnounced capex: $%s million"), project->note, capex);
      else if (project->capex_musd.value > 0.0)
        tooltip = g_strdup_printf (_("Announced capex: $%s million"), capex);
      else if (project->note != NULL && project->note[0] != '\0')
        tooltip = g_strdup (project->note);
      if (tooltip != NULL)
        lode_tooltip_set_text (row, tooltip);

      sw = gtk_switch_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, project->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (project_switch_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->projects_group, row);

      self->project_rows[p] = row;
      self->project_switches[p] = GTK_SWITCH (sw);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->projects_group), dataset->n_projects > 0);
}

/* The dataset's region and project rows, built now if they are not yet, in the scenario's
 * state. */
static void
ensure_dataset_rows (LodeLeversPanel *self)
{
  LodeScenario *scenario = get_scenario (self);

  if (self->rows_built || self->dataset == NULL)
    return;

  build_dataset_rows (self);
  self->rows_built = TRUE;
  if (scenario != NULL)
    {
      self->syncing = TRUE;
      sync_switches (self, scenario);
      self->syncing = FALSE;
    }
}

/* The groups below the fold of a new window. */
static void
get_lower_groups (LodeLeversPanel     *self,
                  AdwPreferencesGroup *groups[N_LOWER_GROUPS])
{
  groups[0] = self->instruments_group;
  groups[1] = self->policy_group;
  groups[2] = self->partners_group;
  groups[3] = self->market_group;
  groups[4] = self->shock_group;
  groups[5] = self->materials_group;
  groups[6] = self->projects_group;
  groups[7] = self->user_projects_group;
}

/* Hides the lower groups (their 41 lever rows cost more to lay out than the rest of the
 * window) until finish_panel() shows them again. */
static void
defer_lower_groups (LodeLeversPanel *self)
{
  AdwPreferencesGroup *groups[N_LOWER_GROUPS];

  get_lower_groups (self, groups);
  for (guint i = 0; i < N_LOWER_GROUPS; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (groups[i])))
      {
        self->deferred_groups |= 1u << i;
        gtk_widget_set_visible (GTK_WIDGET (groups[i]), FALSE);
      }
}

/* The lower groups' lever rows, in the lever table's order (the template declares the
 * rows of the groups a new window shows; these some 40 rows cost more to build than the rest
 * of the window and wait for the second frame). A group's expander row stays last. */
static void
build_lower_lever_rows (LodeLeversPanel *self)
{
  GtkWidget *allies = GTK_WIDGET (self->allies_row);
  GtkWidget *targets = GTK_WIDGET (self->targets_row);

  if (self->lower_rows_built)
    return;
  self->lower_rows_built = TRUE;

  /* The two expanders step out while the lever rows go in, and come back after them. */
  g_object_ref (allies);
  g_object_ref (targets);
  adw_preferences_group_remove (self->partners_group, allies);
  adw_preferences_group_remove (self->shock_group, targets);

  for (guint l = 0; l < LODE_N_LEVERS; l++)
    {
      LodeLeverRow *row;

      if (is_allocation_lever (l) || self->lever_rows[l] != NULL)
        continue;
      row = LODE_LEVER_ROW (lode_lever_row_new (l));
      g_signal_connect_object (row, "edited", G_CALLBACK (lever_row_edited_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "drag-begin", G_CALLBACK (lever_row_drag_begin_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "drag-end", G_CALLBACK (lever_row_drag_end_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (group_for_lever (self, lode_lever_info (l)->group),
                                 GTK_WIDGET (row));
      self->lever_rows[l] = row;
    }

  adw_preferences_group_add (self->partners_group, allies);
  adw_preferences_group_add (self->shock_group, targets);
  g_object_unref (allies);
  g_object_unref (targets);
  sync_from_scenario (self);
}

/* Everything the first frame went without: the lower groups and their lever rows, then the
 * dataset's rows. */
static void
finish_panel (LodeLeversPanel *self)
{
  AdwPreferencesGroup *groups[N_LOWER_GROUPS];

  build_lower_lever_rows (self);
  get_lower_groups (self, groups);
  for (guint i = 0; i < N_LOWER_GROUPS; i++)
    if (self->deferred_groups & (1u << i))
      gtk_widget_set_visible (GTK_WIDGET (groups[i]), TRUE);
  self->deferred_groups = 0;
  ensure_dataset_rows (self);
}

static gboolean
finish_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LodeLeversPanel *self = LODE_LEVERS_PANEL (widget);

  /* The first tick comes before the first frame is laid out; the second after it is shown. */
  if (++self->finish_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->finish_tick_id = 0;
  finish_panel (self);
  return G_SOURCE_REMOVE;
}

/* The first frame shows the panel's top: what is below the fold or collapsed (the lower
 * groups, some 60 region and project rows) comes on the frame after it, or as soon as
 * someone asks for one of its switches. */
static void
schedule_finish (LodeLeversPanel *self)
{
  if (self->finish_tick_id != 0
      || (self->deferred_groups == 0 && self->lower_rows_built
          && (self->rows_built || self->dataset == NULL)))
    return;

  self->finish_ticks = 0;
  self->finish_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), finish_tick_cb,
                                                       NULL, NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* The template's lever rows */

/* Finds the lever rows the template declares (the groups a new window shows; not the
 * allocation editor's) and checks each sits in its lever's group. */
static void
collect_lever_rows (LodeLeversPanel *self,
                    GtkWidget       *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LodeLever lever;

      if (LODE_IS_ALLOCATION_EDITOR (child))
        continue;
      if (!LODE_IS_LEVER_ROW (child))
        {
          collect_lever_rows (self, child);
          continue;
        }
      lever = lode_lever_row_get_lever (LODE_LEVER_ROW (child));
      if (gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_GROUP)
          != GTK_WIDGET (group_for_lever (self, lode_lever_info (lever)->group)))
        g_critical ("The lever %s is not in its group in the levers panel's template",
                    lode_lever_info (lever)->id);
      self->lever_rows[lever] = LODE_LEVER_ROW (child);
    }
}

/* ---------------------------------------------------------------------------------------- */

static void
end_all_drags (LodeLeversPanel *self)
{
  for (guint l = 0; l < LODE_N_LEVERS; l++)
    if (self->lever_rows[l] != NULL)
      lode_lever_row_end_drag (self->lever_rows[l]);
}

static void
lode_levers_panel_dispose (GObject *object)
{
  LodeLeversPanel *self = LODE_LEVERS_PANEL (object);

  end_all_drags (self);
  if (self->finish_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->finish_tick_id);
      self->finish_tick_id = 0;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->allocation_editor != NULL)
    lode_allocation_editor_set_document (self->allocation_editor, NULL);

  memset (self->lever_rows, 0, sizeof self->lever_rows);
  memset (self->ally_switches, 0, sizeof self->ally_switches);
  memset (self->target_switches, 0, sizeof self->target_switches);
  memset (self->project_rows, 0, sizeof self->project_rows);
  memset (self->project_switches, 0, sizeof self->project_switches);
  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_LEVERS_PANEL);
  g_clear_pointer (&self->user_project_rows, g_ptr_array_unref);
  g_clear_pointer (&self->user_project_ids, g_ptr_array_unref);
  g_clear_pointer (&self->user_project_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->dataset, lode_dataset_unref);

  G_OBJECT_CLASS (lode_levers_panel_parent_class)->dispose (object);
}

static void
lode_levers_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LodeLeversPanel *self = LODE_LEVERS_PANEL (object);

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
lode_levers_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LodeLeversPanel *self = LODE_LEVERS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      lode_levers_panel_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_levers_panel_class_init (LodeLeversPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_levers_panel_dispose;
  object_class->get_property = lode_levers_panel_get_property;
  object_class->set_property = lode_levers_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         LODE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LODE_TYPE_ALLOCATION_EDITOR);
  g_type_ensure (LODE_TYPE_CULLED_BOX);
  g_type_ensure (LODE_TYPE_LEVER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodestone/Lodestone/ui/"
                                               "lode-levers-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, page);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, fund_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, allocation_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, allocation_editor);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, policy_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, partners_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, market_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, shock_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, materials_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, instruments_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, projects_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, user_projects_group);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, add_project_button);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, no_user_projects_row);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, allies_row);
  gtk_widget_class_bind_template_child (widget_class, LodeLeversPanel, targets_row);
  gtk_widget_class_bind_template_callback (widget_class, add_project_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, lever_row_drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, lever_row_drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, lever_row_edited_cb);

  gtk_widget_class_set_css_name (widget_class, "leverspanel");
}

static void
lode_levers_panel_init (LodeLeversPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->user_project_rows = g_ptr_array_new ();
  self->user_project_ids = g_ptr_array_new_with_free_func (g_free);
  self->user_project_buttons = g_ptr_array_new ();

  collect_lever_rows (self, self->page);

  update_expander_subtitles (self);
  gtk_widget_set_sensitive (self->add_project_button, FALSE);
  defer_lower_groups (self);
  schedule_finish (self);
}

GtkWidget *
lode_levers_panel_new (void)
{
  return g_object_new (LODE_TYPE_LEVERS_PANEL, NULL);
}

void
lode_levers_panel_set_document (LodeLeversPanel *self,
                                LodeDocument    *document)
{
  LodeDataset *dataset;

  g_return_if_fail (LODE_IS_LEVERS_PANEL (self));
  g_return_if_fail (document == NULL || LODE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* A drag in progress is a step of the old document: close it there. */
  end_all_drags (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "scenario-replaced", G_CALLBACK (document_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  if (self->allocation_editor != NULL)
    lode_allocation_editor_set_document (self->allocation_editor, document);

  /* Region and project rows belong to a dataset; rebuild them only when it changes. */
  dataset = document != NULL ? lode_document_get_dataset (document) : NULL;
  if (dataset != self->dataset)
    {
      clear_dataset_rows (self);
      g_clear_pointer (&self->dataset, lode_dataset_unref);
      if (dataset != NULL)
        self->dataset = lode_dataset_ref (dataset);
      schedule_finish (self);
    }

  if (self->add_project_button != NULL)
    gtk_widget_set_sensitive (self->add_project_button, document != NULL);
  sync_from_scenario (self);
  rebuild_user_projects (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

LodeDocument *
lode_levers_panel_get_document (LodeLeversPanel *self)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  return self->document;
}

LodeLeverRow *
lode_levers_panel_get_lever_row (LodeLeversPanel *self,
                                 LodeLever        lever)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);
  g_return_val_if_fail (lever < LODE_N_LEVERS, NULL);

  finish_panel (self);
  if (is_allocation_lever (lever))
    return lode_allocation_editor_get_row (self->allocation_editor,
                                           lever - LODE_LEVER_ALLOC_FIRST);

  return self->lever_rows[lever];
}

LodeAllocationEditor *
lode_levers_panel_get_allocation_editor (LodeLeversPanel *self)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  return self->allocation_editor;
}

GtkSwitch *
lode_levers_panel_get_ally_switch (LodeLeversPanel *self,
                                   guint            region)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  finish_panel (self);

  return region < LODE_MAX_REGIONS ? self->ally_switches[region] : NULL;
}

GtkSwitch *
lode_levers_panel_get_shock_target_switch (LodeLeversPanel *self,
                                           guint            region)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  finish_panel (self);

  return region < LODE_MAX_REGIONS ? self->target_switches[region] : NULL;
}

GtkSwitch *
lode_levers_panel_get_project_switch (LodeLeversPanel *self,
                                      guint            project)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  finish_panel (self);

  return project < LODE_MAX_PROJECTS ? self->project_switches[project] : NULL;
}

GtkWidget *
lode_levers_panel_get_user_project_remove (LodeLeversPanel *self,
                                           guint            index)
{
  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  if (index >= self->user_project_buttons->len)
    return NULL;

  return g_ptr_array_index (self->user_project_buttons, index);
}

GtkWindow *
lode_levers_panel_add_project (LodeLeversPanel *self)
{
  GtkRoot *root;
  LodeProjectDialog *dialog;

  g_return_val_if_fail (LODE_IS_LEVERS_PANEL (self), NULL);

  if (self->document == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = lode_project_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->document);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
