/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-scenario.c — one plan: levers, flags, project switches, user projects, metadata, view.
 */
#define G_LOG_DOMAIN "lode-scenario"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-allocation.h"
#include "lode-scenario.h"
#include "lode-scenario-io.h"

#define DEFAULT_CHART "china-free"
#define MAX_USER_PROJECT_ID   64
#define MAX_USER_PROJECT_NAME LODE_SCENARIO_MAX_PROJECT_NAME_CHARS
#define MAX_USER_PROJECT_NOTE LODE_SCENARIO_MAX_PROJECT_NOTE_CHARS

struct _LodeScenario
{
  GObject      parent_instance;

  /* Owned */
  LodeDataset *dataset;
  double       levers[LODE_N_LEVERS];
  gboolean     ally[LODE_MAX_REGIONS];
  gboolean     shock_target[LODE_MAX_REGIONS];
  gboolean     project_enabled[LODE_MAX_PROJECTS];
  LodeProject  user_projects[LODE_SCENARIO_MAX_USER_PROJECTS];
  guint        n_user_projects;
  int          horizon;

  char        *title;
  char        *author;
  char        *notes;
  GDateTime   *created;
  GDateTime   *modified;

  int          selected_year;
  char        *chart;
  int          migrated_from;
};

G_DEFINE_FINAL_TYPE (LodeScenario, lode_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_NOTES,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_HORIZON,
  PROP_SELECTED_YEAR,
  PROP_CHART,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (LodeScenario *self,
              gboolean      inputs_changed)
{
  g_signal_emit (self, signals[CHANGED], 0, inputs_changed);
}

/* Text as it can be stored in a scenario file and read back exactly: valid UTF-8 without the
 * characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and
 * U+FFFE/U+FFFF). */
static char *
sanitize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
project_clear (LodeProject *project)
{
  g_clear_pointer (&project->id, g_free);
  g_clear_pointer (&project->name, g_free);
  g_clear_pointer (&project->note, g_free);
}

static void
project_copy (LodeProject       *dest,
              const LodeProject *src)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->name = g_strdup (src->name);
  dest->note = g_strdup (src->note);
}

static gboolean
cited_equal (const LodeCited *a,
             const LodeCited *b)
{
  return a->value == b->value && a->basis == b->basis && g_strcmp0 (a->source, b->source) == 0;
}

static gboolean
project_equal (const LodeProject *a,
               const LodeProject *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         a->stage == b->stage &&
         a->region == b->region &&
         cited_equal (&a->capacity, &b->capacity) &&
         a->online_year == b->online_year &&
         cited_equal (&a->capex_musd, &b->capex_musd) &&
         g_strcmp0 (a->note != NULL ? a->note : "", b->note != NULL ? b->note : "") == 0;
}

static gboolean
date_time_equal0 (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static void
replace_date_time (GDateTime **slot,
                   GDateTime  *value)
{
  GDateTime *utc = value != NULL ? g_date_time_to_utc (value) : NULL;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = utc;
}

/* Copies the inputs and metadata of `src` into `dest` without any signal. */
static void
copy_fields (LodeScenario *dest,
             LodeScenario *src)
{
  memcpy (dest->levers, src->levers, sizeof dest->levers);
  memcpy (dest->ally, src->ally, sizeof dest->ally);
  memcpy (dest->shock_target, src->shock_target, sizeof dest->shock_target);
  memcpy (dest->project_enabled, src->project_enabled, sizeof dest->project_enabled);

  for (guint i = 0; i < dest->n_user_projects; i++)
    project_clear (&dest->user_projects[i]);
  for (guint i = 0; i < src->n_user_projects; i++)
    project_copy (&dest->user_projects[i], &src->user_projects[i]);
  dest->n_user_projects = src->n_user_projects;
  dest->horizon = src->horizon;

  g_free (dest->title);
  dest->title = g_strdup (src->title);
  g_free (dest->author);
  dest->author = g_strdup (src->author);
  g_free (dest->notes);
  dest->notes = g_strdup (src->notes);
  replace_date_time (&dest->created, src->created);
  replace_date_time (&dest->modified, src->modified);
  dest->selected_year = src->selected_year;
  g_free (dest->chart);
  dest->chart = g_strdup (src->chart);
  dest->migrated_from = src->migrated_from;
}

static gboolean
is_valid_project_id (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len == 0 || len > MAX_USER_PROJECT_ID)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }
  return TRUE;
}

static void
lode_scenario_finalize (GObject *object)
{
  LodeScenario *self = (LodeScenario *) object;

  for (guint i = 0; i < self->n_user_projects; i++)
    project_clear (&self->user_projects[i]);
  g_clear_pointer (&self->dataset, lode_dataset_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->chart, g_free);

  G_OBJECT_CLASS (lode_scenario_parent_class)->finalize (object);
}

static void
lode_scenario_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LodeScenario *self = LODE_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_HORIZON:
      g_value_set_int (value, self->horizon);
      break;
    case PROP_SELECTED_YEAR:
      g_value_set_int (value, self->selected_year);
      break;
    case PROP_CHART:
      g_value_set_string (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_scenario_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LodeScenario *self = LODE_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lode_scenario_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      lode_scenario_set_author (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      lode_scenario_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      lode_scenario_set_created (self, g_value_get_boxed (value));
      break;
    case PROP_MODIFIED:
      lode_scenario_set_modified (self, g_value_get_boxed (value));
      break;
    case PROP_HORIZON:
      {
        g_autoptr(GError) error = NULL;

        if (!lode_scenario_set_horizon (self, g_value_get_int (value), &error))
          g_critical ("%s", error->message);
      }
      break;
    case PROP_SELECTED_YEAR:
      lode_scenario_set_selected_year (self, g_value_get_int (value));
      break;
    case PROP_CHART:
      lode_scenario_set_chart (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_scenario_class_init (LodeScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lode_scenario_finalize;
  object_class->get_property = lode_scenario_get_property;
  object_class->set_property = lode_scenario_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HORIZON] =
    g_param_spec_int ("horizon", NULL, NULL,
                      LODE_SCENARIO_MIN_HORIZON, LODE_MAX_HORIZON, LODE_DEFAULT_HORIZON,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_YEAR] =
    g_param_spec_int ("selected-year", NULL, NULL,
                      LODE_BASE_YEAR, LODE_MAX_HORIZON, LODE_BASE_YEAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART] =
    g_param_spec_string ("chart", NULL, NULL, DEFAULT_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LodeScenario::changed:
   * @inputs_changed: TRUE when something the projection depends on changed
   *
   * See lode-scenario.h.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  g_cclosure_marshal_VOID__BOOLEAN,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
lode_scenario_init (LodeScenario *self)
{
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    self->levers[i] = lode_lever_info ((LodeLever) i)->default_value;
  self->horizon = LODE_DEFAULT_HORIZON;
  self->title = g_strdup (_("Untitled Scenario"));
  self->author = g_strdup ("");
  self->notes = g_strdup ("");
  self->selected_year = LODE_BASE_YEAR;
  self->chart = g_strdup (DEFAULT_CHART);
  self->migrated_from = -1;
}

LodeScenario *
lode_scenario_new (LodeDataset *dataset)
{
  LodeScenario *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (LODE_TYPE_SCENARIO, NULL);
  self->dataset = lode_dataset_ref (dataset);

  for (guint i = 0; i < dataset->n_regions && i < LODE_MAX_REGIONS; i++)
    self->ally[i] = dataset->regions[i].allied_default;
  if (dataset->n_regions > 0 && dataset->us < dataset->n_regions)
    self->shock_target[dataset->us] = TRUE;
  for (guint i = 0; i < dataset->n_projects && i < LODE_MAX_PROJECTS; i++)
    self->project_enabled[i] = TRUE;

  return self;
}

LodeScenario *
lode_scenario_dup (LodeScenario *self)
{
  LodeScenario *copy;

  g_return_val_if_fail (LODE_IS_SCENARIO (self), NULL);

  copy = lode_scenario_new (self->dataset);
  copy_fields (copy, self);
  return copy;
}

void
lode_scenario_assign (LodeScenario *self,
                      LodeScenario *other)
{
  gboolean inputs_changed;
  gboolean title_changed, author_changed, notes_changed, created_changed, modified_changed;
  gboolean horizon_changed, year_changed, chart_changed;

  g_return_if_fail (LODE_IS_SCENARIO (self));
  g_return_if_fail (LODE_IS_SCENARIO (other));
  g_return_if_fail (self->dataset == other->dataset);

  if (self == other)
    return;

  inputs_changed = !lode_scenario_same_inputs (self, other);
  title_changed = g_strcmp0 (self->title, other->title) != 0;
  author_changed = g_strcmp0 (self->author, other->author) != 0;
  notes_changed = g_strcmp0 (self->notes, other->notes) != 0;
  created_changed = !date_time_equal0 (self->created, other->created);
  modified_changed = !date_time_equal0 (self->modified, other->modified);
  horizon_changed = self->horizon != other->horizon;
  year_changed = self->selected_year != other->selected_year;
  chart_changed = g_strcmp0 (self->chart, other->chart) != 0;

  copy_fields (self, other);

  g_object_freeze_notify (G_OBJECT (self));
  if (title_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (author_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
  if (notes_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  if (created_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  if (modified_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (horizon_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HORIZON]);
  if (year_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_YEAR]);
  if (chart_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_thaw_notify (G_OBJECT (self));

  emit_changed (self, inputs_changed);
}

gboolean
lode_scenario_same_inputs (LodeScenario *a,
                           LodeScenario *b)
{
  guint n_regions;
  guint n_projects;

  g_return_val_if_fail (LODE_IS_SCENARIO (a), FALSE);
  g_return_val_if_fail (LODE_IS_SCENARIO (b), FALSE);

  if (a->dataset != b->dataset)
    return FALSE;

  n_regions = MIN (a->dataset->n_regions, LODE_MAX_REGIONS);
  n_projects = MIN (a->dataset->n_projects, LODE_MAX_PROJECTS);

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    if (a->levers[i] != b->levers[i])
      return FALSE;
  for (guint i = 0; i < n_regions; i++)
    if (a->ally[i] != b->ally[i] || a->shock_target[i] != b->shock_target[i])
      return FALSE;
  for (guint i = 0; i < n_projects; i++)
    if (a->project_enabled[i] != b->project_enabled[i])
      return FALSE;
  if (a->n_user_projects != b->n_user_projects)
    return FALSE;
  for (guint i = 0; i < a->n_user_projects; i++)
    if (!project_equal (&a->user_projects[i], &b->user_projects[i]))
      return FALSE;

  return a->horizon == b->horizon;
}

gboolean
lode_scenario_equal (LodeScenario *a,
                     LodeScenario *b)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (a), FALSE);
  g_return_val_if_fail (LODE_IS_SCENARIO (b), FALSE);

  return lode_scenario_same_inputs (a, b) &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         date_time_equal0 (a->created, b->created) &&
         date_time_equal0 (a->modified, b->modified) &&
         a->selected_year == b->selected_year &&
         g_strcmp0 (a->chart, b->chart) == 0;
}

LodeDataset *
lode_scenario_get_dataset (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), NULL);

  return self->dataset;
}

double
lode_scenario_get_lever (LodeScenario *self,
                         LodeLever     lever)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), 0.0);
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, 0.0);

  return self->levers[lever];
}

void
lode_scenario_get_price_floor (LodeScenario   *self,
                               LodePriceFloor *out_floor)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  lode_price_floor_from_levers (self->levers, out_floor);
}

gboolean
lode_scenario_set_lever (LodeScenario  *self,
                         LodeLever      lever,
                         double         value,
                         GError       **error)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lode_lever_validate (lever, value, error))
    return FALSE;

  if (lever >= LODE_LEVER_ALLOC_FIRST && lever < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
    {
      double shares[LODE_N_ALLOC];

      if (self->levers[lever] == value)
        return TRUE;
      memcpy (shares, &self->levers[LODE_LEVER_ALLOC_FIRST], sizeof shares);
      lode_allocation_move (shares, NULL, lever - LODE_LEVER_ALLOC_FIRST, value);
      if (memcmp (shares, &self->levers[LODE_LEVER_ALLOC_FIRST], sizeof shares) == 0)
        return TRUE;
      memcpy (&self->levers[LODE_LEVER_ALLOC_FIRST], shares, sizeof shares);
    }
  else
    {
      if (self->levers[lever] == value)
        return TRUE;
      self->levers[lever] = value;
    }

  emit_changed (self, TRUE);
  return TRUE;
}

gboolean
lode_scenario_set_allocation (LodeScenario  *self,
                              const double   shares[5],
                              GError       **error)
{
  double sum;

  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (shares != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      if (!lode_lever_validate (LODE_LEVER_ALLOC_FIRST + i, shares[i], error))
        return FALSE;
    }

  sum = lode_allocation_sum (shares);
  if (fabs (sum - 100.0) > 1e-6)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   /* Translators: %.12g is the sum of the five shares, e.g. 95 */
                   _("The fund allocation (fund.alloc.mine, .separation, .metal, .magnet, "
                     ".recycling) adds up to %.12g %%; it must add up to 100 %%"),
                   sum);
      return FALSE;
    }

  if (memcmp (shares, &self->levers[LODE_LEVER_ALLOC_FIRST], sizeof (double) * LODE_N_ALLOC) == 0)
    return TRUE;

  memcpy (&self->levers[LODE_LEVER_ALLOC_FIRST], shares, sizeof (double) * LODE_N_ALLOC);
  emit_changed (self, TRUE);
  return TRUE;
}

void
lode_scenario_get_allocation (LodeScenario *self,
                              double        out_shares[5])
{
  g_return_if_fail (LODE_IS_SCENARIO (self));
  g_return_if_fail (out_shares != NULL);

  memcpy (out_shares, &self->levers[LODE_LEVER_ALLOC_FIRST], sizeof (double) * LODE_N_ALLOC);
}

gboolean
lode_scenario_lever_is_default (LodeScenario *self,
                                LodeLever     lever)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail ((guint) lever < LODE_N_LEVERS, FALSE);

  return self->levers[lever] == lode_lever_info (lever)->default_value;
}

gboolean
lode_scenario_get_ally (LodeScenario *self,
                        guint         region)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (region < self->dataset->n_regions, FALSE);

  return self->ally[region];
}

void
lode_scenario_set_ally (LodeScenario *self,
                        guint         region,
                        gboolean      allied)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));
  g_return_if_fail (region < self->dataset->n_regions);

  allied = !!allied;
  if (self->ally[region] == allied)
    return;
  self->ally[region] = allied;
  emit_changed (self, TRUE);
}

gboolean
lode_scenario_get_shock_target (LodeScenario *self,
                                guint         region)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (region < self->dataset->n_regions, FALSE);

  return self->shock_target[region];
}

void
lode_scenario_set_shock_target (LodeScenario *self,
                                guint         region,
                                gboolean      targeted)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));
  g_return_if_fail (region < self->dataset->n_regions);

  targeted = !!targeted;
  if (self->shock_target[region] == targeted)
    return;
  self->shock_target[region] = targeted;
  emit_changed (self, TRUE);
}

gboolean
lode_scenario_get_project_enabled (LodeScenario *self,
                                   guint         project)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (project < self->dataset->n_projects, FALSE);

  return self->project_enabled[project];
}

void
lode_scenario_set_project_enabled (LodeScenario *self,
                                   guint         project,
                                   gboolean      enabled)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));
  g_return_if_fail (project < self->dataset->n_projects);

  enabled = !!enabled;
  if (self->project_enabled[project] == enabled)
    return;
  self->project_enabled[project] = enabled;
  emit_changed (self, TRUE);
}

guint
lode_scenario_get_n_user_projects (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), 0);

  return self->n_user_projects;
}

const LodeProject *
lode_scenario_get_user_project (LodeScenario *self,
                                guint         index)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->n_user_projects, NULL);

  return &self->user_projects[index];
}

gboolean
lode_scenario_validate_user_project (LodeScenario       *self,
                                     const LodeProject  *project,
                                     GError            **error)
{
  const char *id;

  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  id = project->id != NULL ? project->id : "";
  if (!is_valid_project_id (project->id))
    {
      g_autofree char *shown = g_utf8_make_valid (id, MIN (strlen (id), 80));

      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project id “%s” is not valid: use 1 to %d letters, digits, "
                     "“-”, “_” or “.”"),
                   shown, MAX_USER_PROJECT_ID);
      return FALSE;
    }
  if (lode_dataset_project_index (self->dataset, id) >= 0)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: the id is already used by an announced project "
                     "in the dataset"),
                   id);
      return FALSE;
    }
  for (guint i = 0; i < self->n_user_projects; i++)
    {
      if (g_strcmp0 (self->user_projects[i].id, id) == 0)
        {
          g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                       _("User project “%s”: the id is used twice"), id);
          return FALSE;
        }
    }
  if (project->name == NULL || project->name[0] == '\0' ||
      !g_utf8_validate (project->name, -1, NULL) ||
      g_utf8_strlen (project->name, -1) > MAX_USER_PROJECT_NAME)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: the name must be 1 to %d characters of valid text"),
                   id, MAX_USER_PROJECT_NAME);
      return FALSE;
    }
  if (project->note != NULL &&
      (!g_utf8_validate (project->note, -1, NULL) ||
       g_utf8_strlen (project->note, -1) > MAX_USER_PROJECT_NOTE))
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: the note must be at most %d characters of valid text"),
                   id, MAX_USER_PROJECT_NOTE);
      return FALSE;
    }
  if ((guint) project->stage >= LODE_N_STAGES)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: unknown stage"), id);
      return FALSE;
    }
  if (project->region >= self->dataset->n_regions)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: unknown region"), id);
      return FALSE;
    }
  if (!isfinite (project->capacity.value) || project->capacity.value <= 0.0 ||
      project->capacity.value > LODE_SCENARIO_MAX_USER_CAPACITY)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: capacity %.12g is outside the allowed range: "
                     "more than 0 and at most %g (%s per year)"),
                   id, project->capacity.value, (double) LODE_SCENARIO_MAX_USER_CAPACITY,
                   lode_stage_unit (project->stage));
      return FALSE;
    }
  if (project->online_year < LODE_BASE_YEAR || project->online_year > LODE_MAX_HORIZON)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: online year %d is outside the allowed range %d–%d"),
                   id, project->online_year, LODE_BASE_YEAR, LODE_MAX_HORIZON);
      return FALSE;
    }
  if (!isfinite (project->capex_musd.value) || project->capex_musd.value < 0.0 ||
      project->capex_musd.value > LODE_SCENARIO_MAX_USER_CAPEX_MUSD)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("User project “%s”: capex %.12g is outside the allowed range 0–%g "
                     "(million USD)"),
                   id, project->capex_musd.value, (double) LODE_SCENARIO_MAX_USER_CAPEX_MUSD);
      return FALSE;
    }

  return TRUE;
}

gboolean
lode_scenario_add_user_project (LodeScenario       *self,
                                const LodeProject  *project,
                                GError            **error)
{
  LodeProject *stored;

  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->n_user_projects >= LODE_SCENARIO_MAX_USER_PROJECTS)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("A scenario holds at most %d user projects"),
                   LODE_SCENARIO_MAX_USER_PROJECTS);
      return FALSE;
    }
  if (!lode_scenario_validate_user_project (self, project, error))
    return FALSE;

  stored = &self->user_projects[self->n_user_projects];
  *stored = *project;
  stored->id = g_strdup (project->id);
  stored->name = sanitize_text (project->name);
  /* An empty note is stored as NULL so "no note" has a single representation. */
  stored->note = project->note != NULL && project->note[0] != '\0' ?
                 sanitize_text (project->note) : NULL;
  /* The planner's own numbers: no cited source, an estimate by definition. */
  stored->capacity.source = NULL;
  stored->capacity.basis = LODE_BASIS_ESTIMATE;
  stored->capex_musd.source = NULL;
  stored->capex_musd.basis = LODE_BASIS_ESTIMATE;
  self->n_user_projects++;

  emit_changed (self, TRUE);
  return TRUE;
}

void
lode_scenario_remove_user_project (LodeScenario *self,
                                   guint         index)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));
  g_return_if_fail (index < self->n_user_projects);

  project_clear (&self->user_projects[index]);
  memmove (&self->user_projects[index], &self->user_projects[index + 1],
           sizeof (LodeProject) * (self->n_user_projects - index - 1));
  self->n_user_projects--;
  memset (&self->user_projects[self->n_user_projects], 0, sizeof (LodeProject));

  emit_changed (self, TRUE);
}

int
lode_scenario_get_horizon (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), LODE_DEFAULT_HORIZON);

  return self->horizon;
}

gboolean
lode_scenario_set_horizon (LodeScenario  *self,
                           int            horizon,
                           GError       **error)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (horizon < LODE_SCENARIO_MIN_HORIZON || horizon > LODE_MAX_HORIZON)
    {
      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_VALUE,
                   _("Horizon %d is outside the allowed range %d–%d"),
                   horizon, LODE_SCENARIO_MIN_HORIZON, LODE_MAX_HORIZON);
      return FALSE;
    }
  if (self->horizon == horizon)
    return TRUE;

  self->horizon = horizon;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HORIZON]);
  emit_changed (self, TRUE);
  return TRUE;
}

/* Cuts `text` after `max_chars` characters (0: no limit). */
static void
cut_text (char  *text,
          glong  max_chars)
{
  char *p = text;

  if (max_chars <= 0)
    return;
  for (glong i = 0; i < max_chars && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  *p = '\0';
}

static void
set_string (LodeScenario *self,
            char        **slot,
            const char   *value,
            glong         max_chars,
            guint         prop)
{
  g_autofree char *clean = sanitize_text (value);

  cut_text (clean, max_chars);

  if (g_strcmp0 (*slot, clean) == 0)
    return;

  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  emit_changed (self, FALSE);
}

const char *
lode_scenario_get_title (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), "");

  return self->title;
}

void
lode_scenario_set_title (LodeScenario *self,
                         const char   *title)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  set_string (self, &self->title, title, LODE_SCENARIO_MAX_TITLE_CHARS, PROP_TITLE);
}

const char *
lode_scenario_get_author (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), "");

  return self->author;
}

void
lode_scenario_set_author (LodeScenario *self,
                          const char   *author)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  set_string (self, &self->author, author, LODE_SCENARIO_MAX_AUTHOR_CHARS, PROP_AUTHOR);
}

const char *
lode_scenario_get_notes (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), "");

  return self->notes;
}

void
lode_scenario_set_notes (LodeScenario *self,
                         const char   *notes)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  set_string (self, &self->notes, notes, LODE_SCENARIO_MAX_NOTES_CHARS, PROP_NOTES);
}

GDateTime *
lode_scenario_get_created (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), NULL);

  return self->created;
}

void
lode_scenario_set_created (LodeScenario *self,
                           GDateTime    *created)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  if (date_time_equal0 (self->created, created))
    return;
  replace_date_time (&self->created, created);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  emit_changed (self, FALSE);
}

GDateTime *
lode_scenario_get_modified (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), NULL);

  return self->modified;
}

void
lode_scenario_set_modified (LodeScenario *self,
                            GDateTime    *modified)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  if (date_time_equal0 (self->modified, modified))
    return;
  replace_date_time (&self->modified, modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  emit_changed (self, FALSE);
}

int
lode_scenario_get_selected_year (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), LODE_BASE_YEAR);

  return self->selected_year;
}

void
lode_scenario_set_selected_year (LodeScenario *self,
                                 int           year)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  year = CLAMP (year, LODE_BASE_YEAR, LODE_MAX_HORIZON);
  if (self->selected_year == year)
    return;
  self->selected_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_YEAR]);
  emit_changed (self, FALSE);
}

const char *
lode_scenario_get_chart (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), DEFAULT_CHART);

  return self->chart;
}

void
lode_scenario_set_chart (LodeScenario *self,
                         const char   *chart_id)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  if (chart_id == NULL || chart_id[0] == '\0')
    chart_id = DEFAULT_CHART;
  set_string (self, &self->chart, chart_id, 0, PROP_CHART);
}

int
lode_scenario_get_migrated_from (LodeScenario *self)
{
  g_return_val_if_fail (LODE_IS_SCENARIO (self), -1);

  return self->migrated_from;
}

void
lode_scenario_set_migrated_from (LodeScenario *self,
                                 int           version)
{
  g_return_if_fail (LODE_IS_SCENARIO (self));

  self->migrated_from = version;
}
