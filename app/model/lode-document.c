/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-document.c — the open scenario: file, modified flag, undo/redo, projections. */

#define G_LOG_DOMAIN "lode-document"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-document.h"
#include "lode-presets.h"
#include "lode-scenario-io.h"

/* Undo keeps this many steps; older ones are dropped. */
#define MAX_UNDO_STEPS 200

struct _LodeDocument
{
  GObject         parent_instance;

  /* Owned */
  LodeDataset    *dataset;
  LodeScenario   *scenario;      /* one object for the document's life; contents are assigned */
  LodeScenario   *snapshot;      /* the scenario as of the last change we saw */
  LodeScenario   *saved;         /* the scenario as last loaded, created or saved */
  GFile          *file;
  GPtrArray      *undo_stack;    /* LodeScenario *, oldest first */
  GPtrArray      *redo_stack;    /* LodeScenario *, most recently undone last */
  LodeProjection *projection;    /* last good projection, may be stale */
  LodeScenario   *pinned;        /* pinned baseline scenario, or NULL for the preset */
  LodeProjection *baseline;      /* cached baseline projection, or NULL */

  double          target_share;
  guint           n_runs;        /* projections run, the scenario's and the baseline's */
  guint           step_depth;    /* begin_step nesting */
  guint           step_pushed : 1; /* the open step already pushed its undo entry */
  guint           applying : 1;  /* we are assigning the scenario ourselves */
  guint           stale : 1;
  guint           modified : 1;
  guint           can_undo : 1;
  guint           can_redo : 1;
};

G_DEFINE_FINAL_TYPE (LodeDocument, lode_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SCENARIO,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_TITLE,
  PROP_DISPLAY_NAME,
  PROP_SELECTED_YEAR,
  PROP_TARGET_SHARE,
  PROP_BASELINE_PINNED,
  N_PROPS
};

enum {
  CHANGED,
  SCENARIO_REPLACED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
same_metadata (LodeScenario *a,
               LodeScenario *b)
{
  return g_strcmp0 (lode_scenario_get_title (a), lode_scenario_get_title (b)) == 0 &&
         g_strcmp0 (lode_scenario_get_author (a), lode_scenario_get_author (b)) == 0 &&
         g_strcmp0 (lode_scenario_get_notes (a), lode_scenario_get_notes (b)) == 0;
}

/* Does the document differ from what is on disk (or what New produced)? Times and view state
 * do not count. */
static gboolean
compute_modified (LodeDocument *self)
{
  if (self->saved == NULL)
    return TRUE;
  return !lode_scenario_same_inputs (self->scenario, self->saved) ||
         !same_metadata (self->scenario, self->saved);
}

static void
update_flags (LodeDocument *self)
{
  gboolean modified = compute_modified (self);
  gboolean can_undo = self->undo_stack->len > 0;
  gboolean can_redo = self->redo_stack->len > 0;

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

static void
push_undo (LodeDocument *self,
           LodeScenario *state)
{
  g_ptr_array_add (self->undo_stack, lode_scenario_dup (state));
  if (self->undo_stack->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
}

/* Syncs the snapshot after a change we made ourselves or saw, and notifies what differs
 * from the previous snapshot. */
static void
sync_snapshot (LodeDocument *self)
{
  gboolean title_changed = g_strcmp0 (lode_scenario_get_title (self->scenario),
                                      lode_scenario_get_title (self->snapshot)) != 0;
  gboolean year_changed =
    lode_scenario_get_selected_year (self->scenario) !=
    lode_scenario_get_selected_year (self->snapshot);

  lode_scenario_assign (self->snapshot, self->scenario);

  if (title_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (year_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_YEAR]);
}

static void
inputs_changed (LodeDocument *self)
{
  self->stale = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Replaces the scenario's whole contents (load, new, undo, redo) without recording a step. */
static void
apply_scenario (LodeDocument *self,
                LodeScenario *state)
{
  self->applying = TRUE;
  lode_scenario_assign (self->scenario, state);
  self->applying = FALSE;
  sync_snapshot (self);
}

static void
set_file (LodeDocument *self,
          GFile        *file)
{
  gboolean same = self->file == file
                  || (self->file != NULL && file != NULL && g_file_equal (self->file, file));

  g_set_object (&self->file, file);
  if (same)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/* After load or new: a fresh history, nothing modified. */
static void
reset_history (LodeDocument *self)
{
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->step_pushed = self->step_depth > 0;  /* an open step must not record the replacement */
  g_clear_object (&self->saved);
  self->saved = lode_scenario_dup (self->scenario);
  update_flags (self);
}

/* Callbacks */

/* Connected swapped, so it works whatever arguments the scenario's "changed" signal carries. */
static void
scenario_changed_cb (LodeDocument *self)
{
  gboolean inputs;
  gboolean metadata;

  if (self->applying)
    return;

  inputs = !lode_scenario_same_inputs (self->scenario, self->snapshot);
  metadata = !same_metadata (self->scenario, self->snapshot);

  if (inputs || metadata)
    {
      if (self->step_depth == 0)
        push_undo (self, self->snapshot);
      else if (!self->step_pushed)
        {
          push_undo (self, self->snapshot);
          self->step_pushed = TRUE;
        }
    }

  sync_snapshot (self);
  update_flags (self);

  if (inputs)
    inputs_changed (self);
}

/* GObject */

static void
lode_document_constructed (GObject *object)
{
  LodeDocument *self = LODE_DOCUMENT (object);

  G_OBJECT_CLASS (lode_document_parent_class)->constructed (object);

  g_assert (self->dataset != NULL);
  self->scenario = lode_scenario_new (self->dataset);
  self->snapshot = lode_scenario_dup (self->scenario);
  self->saved = lode_scenario_dup (self->scenario);
  g_signal_connect_swapped (self->scenario, "changed", G_CALLBACK (scenario_changed_cb), self);
}

static void
lode_document_dispose (GObject *object)
{
  LodeDocument *self = LODE_DOCUMENT (object);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_clear_object (&self->scenario);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->saved);
  g_clear_object (&self->pinned);
  g_clear_object (&self->file);
  g_clear_pointer (&self->projection, lode_projection_unref);
  g_clear_pointer (&self->baseline, lode_projection_unref);
  if (self->undo_stack != NULL)
    g_ptr_array_set_size (self->undo_stack, 0);
  if (self->redo_stack != NULL)
    g_ptr_array_set_size (self->redo_stack, 0);

  G_OBJECT_CLASS (lode_document_parent_class)->dispose (object);
}

static void
lode_document_finalize (GObject *object)
{
  LodeDocument *self = LODE_DOCUMENT (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->dataset, lode_dataset_unref);

  G_OBJECT_CLASS (lode_document_parent_class)->finalize (object);
}

static void
lode_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LodeDocument *self = LODE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, lode_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, lode_document_can_redo (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, lode_document_get_title (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, lode_document_dup_display_name (self));
      break;
    case PROP_SELECTED_YEAR:
      g_value_set_int (value, lode_document_get_selected_year (self));
      break;
    case PROP_TARGET_SHARE:
      g_value_set_double (value, self->target_share);
      break;
    case PROP_BASELINE_PINNED:
      g_value_set_boolean (value, self->pinned != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LodeDocument *self = LODE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_boxed (value);
      break;
    case PROP_SELECTED_YEAR:
      lode_document_set_selected_year (self, g_value_get_int (value));
      break;
    case PROP_TARGET_SHARE:
      lode_document_set_target_share (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_document_class_init (LodeDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lode_document_constructed;
  object_class->dispose = lode_document_dispose;
  object_class->finalize = lode_document_finalize;
  object_class->get_property = lode_document_get_property;
  object_class->set_property = lode_document_set_property;

  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, lode_dataset_get_type (),
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, LODE_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_YEAR] =
    g_param_spec_int ("selected-year", NULL, NULL, 0, LODE_MAX_HORIZON, LODE_BASE_YEAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_SHARE] =
    g_param_spec_double ("target-share", NULL, NULL, 0.0, 1.0, 0.5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASELINE_PINNED] =
    g_param_spec_boolean ("baseline-pinned", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SCENARIO_REPLACED] =
    g_signal_new ("scenario-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lode_document_init (LodeDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->target_share = 0.5;
  self->stale = TRUE;
}

/* Public API */

LodeDocument *
lode_document_new (LodeDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  return g_object_new (LODE_TYPE_DOCUMENT, "dataset", dataset, NULL);
}

LodeDataset *
lode_document_get_dataset (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);
  return self->dataset;
}

LodeScenario *
lode_document_get_scenario (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);
  return self->scenario;
}

GFile *
lode_document_get_file (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
lode_document_get_modified (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

const char *
lode_document_get_title (LodeDocument *self)
{
  const char *title;

  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);

  title = lode_scenario_get_title (self->scenario);
  if (title == NULL || *title == '\0')
    return _("Untitled Scenario");
  return title;
}

char *
lode_document_dup_display_name (LodeDocument *self)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    /* Translators: the subtitle of a scenario that has no file yet */
    return g_strdup (_("Unsaved"));

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (self->file);
}

LodeProjection *
lode_document_get_projection (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);

  if (self->stale || self->projection == NULL)
    {
      g_autoptr(GError) error = NULL;
      LodeProjection *projection = lode_projection_run (self->dataset, self->scenario, &error);

      self->n_runs++;
      self->stale = FALSE;
      if (projection != NULL)
        {
          g_clear_pointer (&self->projection, lode_projection_unref);
          self->projection = projection;
        }
      else
        g_warning ("Projection failed, keeping the previous one: %s",
                   error != NULL ? error->message : "unknown error");
    }

  return self->projection;
}

LodeProjection *
lode_document_get_baseline (LodeDocument *self)
{
  int horizon;

  g_return_val_if_fail (LODE_IS_DOCUMENT (self), NULL);

  /* The Baseline preset runs to the scenario's horizon (as on the command line), so a file
   * with a later horizon is compared over all its years. */
  horizon = lode_scenario_get_horizon (self->scenario);
  if (self->baseline != NULL && self->pinned == NULL && self->baseline->horizon != horizon)
    g_clear_pointer (&self->baseline, lode_projection_unref);

  if (self->baseline == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodeScenario) preset = NULL;
      LodeScenario *scenario = self->pinned;

      if (scenario == NULL)
        {
          preset = lode_scenario_load_preset (self->dataset, "baseline", &error);
          if (preset == NULL || !lode_scenario_set_horizon (preset, horizon, &error))
            {
              g_warning ("Cannot load the Baseline preset: %s", error->message);
              return NULL;
            }
          scenario = preset;
        }

      self->n_runs++;
      self->baseline = lode_projection_run (self->dataset, scenario, &error);
      if (self->baseline == NULL)
        g_warning ("Baseline projection failed: %s", error->message);
    }

  return self->baseline;
}

void
lode_document_pin_baseline (LodeDocument *self,
                            LodeScenario *scenario)
{
  gboolean was_pinned;

  g_return_if_fail (LODE_IS_DOCUMENT (self));
  g_return_if_fail (scenario == NULL || LODE_IS_SCENARIO (scenario));

  was_pinned = self->pinned != NULL;
  g_clear_object (&self->pinned);
  if (scenario != NULL)
    self->pinned = lode_scenario_dup (scenario);
  g_clear_pointer (&self->baseline, lode_projection_unref);

  if (was_pinned != (self->pinned != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE_PINNED]);
  /* The projection is still valid, but everything compared with the baseline is not. */
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
lode_document_get_baseline_pinned (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  return self->pinned != NULL;
}

int
lode_document_get_selected_year (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), 0);
  return lode_scenario_get_selected_year (self->scenario);
}

void
lode_document_set_selected_year (LodeDocument *self,
                                 int           year)
{
  g_return_if_fail (LODE_IS_DOCUMENT (self));

  if (lode_scenario_get_selected_year (self->scenario) == year)
    return;
  /* View state: the scenario emits "changed", which notifies "selected-year" without
   * recording an undo step. */
  lode_scenario_set_selected_year (self->scenario, year);
}

double
lode_document_get_target_share (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), 0.5);
  return self->target_share;
}

void
lode_document_set_target_share (LodeDocument *self,
                                double        target)
{
  g_return_if_fail (LODE_IS_DOCUMENT (self));

  target = CLAMP (target, 0.0, 1.0);
  if (self->target_share == target)
    return;
  self->target_share = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_SHARE]);
}

void
lode_document_begin_step (LodeDocument *self)
{
  g_return_if_fail (LODE_IS_DOCUMENT (self));

  if (self->step_depth++ == 0)
    self->step_pushed = FALSE;
}

void
lode_document_end_step (LodeDocument *self)
{
  g_return_if_fail (LODE_IS_DOCUMENT (self));
  g_return_if_fail (self->step_depth > 0);

  if (--self->step_depth == 0)
    self->step_pushed = FALSE;
}

gboolean
lode_document_can_undo (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
lode_document_can_redo (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0;
}

/* Moves one state from `from` to the scenario, saving the current state on `to`. The view
 * state (selected year, chart) stays what the planner is looking at. */
static void
step_history (LodeDocument *self,
              GPtrArray    *from,
              GPtrArray    *to)
{
  g_autoptr(LodeScenario) target = NULL;

  if (from->len == 0)
    return;

  target = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, lode_scenario_dup (self->scenario));
  lode_scenario_set_selected_year (target, lode_scenario_get_selected_year (self->scenario));
  lode_scenario_set_chart (target, lode_scenario_get_chart (self->scenario));

  apply_scenario (self, target);
  update_flags (self);
  inputs_changed (self);
  g_signal_emit (self, signals[SCENARIO_REPLACED], 0);
}

void
lode_document_undo (LodeDocument *self)
{
  g_return_if_fail (LODE_IS_DOCUMENT (self));
  step_history (self, self->undo_stack, self->redo_stack);
}

void
lode_document_redo (LodeDocument *self)
{
  g_return_if_fail (LODE_IS_DOCUMENT (self));
  step_history (self, self->redo_stack, self->undo_stack);
}

/* Makes `scenario` the document's contents with a fresh history. */
static void
replace_all (LodeDocument *self,
             LodeScenario *scenario,
             GFile        *file)
{
  apply_scenario (self, scenario);
  set_file (self, file);
  reset_history (self);
  inputs_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  g_signal_emit (self, signals[SCENARIO_REPLACED], 0);
}

gboolean
lode_document_new_from_preset (LodeDocument  *self,
                               const char    *preset_id,
                               GError       **error)
{
  g_autoptr(LodeScenario) scenario = NULL;
  const LodePreset *preset;

  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  preset_id = preset_id != NULL ? preset_id : "baseline";
  scenario = lode_scenario_load_preset (self->dataset, preset_id, error);
  if (scenario == NULL)
    return FALSE;

  /* A new scenario carries the preset's title in the planner's language. */
  preset = lode_preset_find (preset_id);
  if (preset != NULL && g_strcmp0 (lode_scenario_get_title (scenario), preset->title) == 0)
    lode_scenario_set_title (scenario, lode_preset_get_title (preset));

  replace_all (self, scenario, NULL);
  return TRUE;
}

gboolean
lode_document_load (LodeDocument  *self,
                    GFile         *file,
                    GError       **error)
{
  g_autoptr(LodeScenario) scenario = NULL;

  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scenario = lode_scenario_load_from_file (self->dataset, file, NULL, error);
  if (scenario == NULL)
    return FALSE;

  replace_all (self, scenario, file);
  return TRUE;
}

void
lode_document_recover (LodeDocument *self,
                       LodeScenario *scenario,
                       GFile        *file)
{
  g_autoptr(LodeScenario) on_disk = NULL;

  g_return_if_fail (LODE_IS_DOCUMENT (self));
  g_return_if_fail (LODE_IS_SCENARIO (scenario));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  /* "Modified" compares with what is on disk now, if it still loads. */
  if (file != NULL)
    on_disk = lode_scenario_load_from_file (self->dataset, file, NULL, NULL);
  replace_all (self, scenario, file);
  g_clear_object (&self->saved);
  self->saved = g_steal_pointer (&on_disk);
  update_flags (self);
}

gboolean
lode_document_save (LodeDocument  *self,
                    GFile         *file,
                    GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (LODE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The scenario has no file yet; choose where to save it"));
      return FALSE;
    }

  /* Saving stamps the modified (and created) time: metadata, not an undo step. */
  self->applying = TRUE;
  ok = lode_scenario_save_to_file (self->scenario, file, NULL, error);
  self->applying = FALSE;
  sync_snapshot (self);
  if (!ok)
    return FALSE;

  g_clear_object (&self->saved);
  self->saved = lode_scenario_dup (self->scenario);
  set_file (self, file);
  update_flags (self);
  return TRUE;
}

guint
lode_document_get_n_runs (LodeDocument *self)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (self), 0);

  return self->n_runs;
}
