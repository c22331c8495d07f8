/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-analyses.c — a document's analyses, one at a time on worker threads, cancelled by
 * change and restarted when the changes pause. */

#define G_LOG_DOMAIN "lode-analyses"

#include "config.h"

#include "lode-analyses.h"

#define DATA_KEY "lode-analyses"

typedef enum
{
  KIND_MARGINAL,
  KIND_SENSITIVITY,
  KIND_BANDS,
  N_KINDS
} Kind;

struct _LodeAnalyses
{
  GObject            parent_instance;

  /* Owned */
  LodeDocument      *document;
  LodeAnalysisModel *model;          /* frozen copy for the current inputs, made on demand */
  GCancellable      *cancellable;    /* of the work under way */
  gpointer           results[N_KINDS];

  gboolean           enabled[N_KINDS];
  guint              bands_runs;
  guint              delay_ms;
  guint              timeout_id;     /* the pause before work starts again */
  int                running;        /* Kind under way, or -1 */
  int                sensitivity_year;
  gboolean           busy;
};

G_DEFINE_FINAL_TYPE (LodeAnalyses, lode_analyses, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MARGINAL_ENABLED,
  PROP_SENSITIVITY_ENABLED,
  PROP_BANDS_ENABLED,
  PROP_BANDS_RUNS,
  PROP_DELAY,
  PROP_BUSY,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const int enabled_props[N_KINDS] = {
  [KIND_MARGINAL] = PROP_MARGINAL_ENABLED,
  [KIND_SENSITIVITY] = PROP_SENSITIVITY_ENABLED,
  [KIND_BANDS] = PROP_BANDS_ENABLED,
};

static void start_next (LodeAnalyses *self);
static gboolean wanted (LodeAnalyses *self,
                        Kind          kind);

/* Results */

static void
result_free (Kind     kind,
             gpointer result)
{
  switch (kind)
    {
    case KIND_MARGINAL:
      lode_marginal_unref (result);
      break;
    case KIND_SENSITIVITY:
      lode_sensitivity_unref (result);
      break;
    case KIND_BANDS:
    case N_KINDS:
    default:
      lode_bands_unref (result);
      break;
    }
}

static gboolean
clear_result (LodeAnalyses *self,
              Kind          kind)
{
  if (self->results[kind] == NULL)
    return FALSE;
  result_free (kind, g_steal_pointer (&self->results[kind]));
  return TRUE;
}

static void
set_busy (LodeAnalyses *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The tornado's year: the selected year, after the base year and within the horizon. */
static int
wanted_sensitivity_year (LodeAnalyses *self)
{
  LodeScenario *scenario = lode_document_get_scenario (self->document);
  int year = lode_document_get_selected_year (self->document);

  return CLAMP (year, LODE_BASE_YEAR + 1, lode_scenario_get_horizon (scenario));
}

/* The frozen copy of the document's scenario the work runs on, in the background. */
static void
ensure_model (LodeAnalyses *self)
{
  if (self->model != NULL)
    return;
  self->model = lode_analysis_model_new (lode_document_get_dataset (self->document),
                                         lode_document_get_scenario (self->document));
  lode_analysis_model_set_background (self->model, TRUE);
}

/* The work */

typedef struct
{
  Kind               kind;
  LodeAnalysisModel *model;
  int                year;
  double             target;
  guint              n_runs;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_clear_pointer (&work->model, lode_analysis_model_unref);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify result_unref;
  LodeOutput output;

  switch (work->kind)
    {
    case KIND_MARGINAL:
      result = lode_marginal_run (work->model, work->target, cancellable, &error);
      result_unref = (GDestroyNotify) lode_marginal_unref;
      break;
    case KIND_SENSITIVITY:
      if (lode_output_init (&output, NULL, LODE_MATERIAL_NDPR, work->year, &error))
        result = lode_sensitivity_run (work->model, &output, cancellable, &error);
      result_unref = (GDestroyNotify) lode_sensitivity_unref;
      break;
    case KIND_BANDS:
    case N_KINDS:
    default:
      result = lode_bands_run (work->model, work->n_runs, LODE_BANDS_DEFAULT_SEED,
                               LODE_MATERIAL_NDPR, cancellable, &error);
      result_unref = (GDestroyNotify) lode_bands_unref;
      break;
    }
  if (result == NULL)
    g_task_return_error (task, error);
  else
    /* Freed by the task if nobody takes it (the window closed while it ran). */
    g_task_return_pointer (task, result, result_unref);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  LodeAnalyses *self = LODE_ANALYSES (source);
  Work *work = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  gpointer result = g_task_propagate_pointer (G_TASK (res), &error);

  if (self->running == (int) work->kind)
    self->running = -1;

  if (result != NULL)
    {
      /* A result for inputs that changed meanwhile was cancelled; this one is current. */
      if (g_task_get_cancellable (G_TASK (res)) == self->cancellable
          && !g_cancellable_is_cancelled (self->cancellable) && self->document != NULL)
        {
          clear_result (self, work->kind);
          self->results[work->kind] = result;
          if (work->kind == KIND_SENSITIVITY)
            self->sensitivity_year = work->year;
          g_signal_emit (self, signals[UPDATED], 0);
        }
      else
        result_free (work->kind, result);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Analysis failed: %s", error->message);

  if (self->document != NULL)
    start_next (self);
}

static gboolean
wanted (LodeAnalyses *self,
        Kind          kind)
{
  return self->enabled[kind] && self->results[kind] == NULL;
}

static void
start_next (LodeAnalyses *self)
{
  g_autoptr(GTask) task = NULL;
  Work *work;
  int kind = -1;

  if (self->running >= 0 || self->timeout_id != 0 || self->document == NULL)
    return;
  for (int k = 0; k < N_KINDS && kind < 0; k++)
    if (wanted (self, k))
      kind = k;
  if (kind < 0)
    {
      set_busy (self, FALSE);
      return;
    }

  ensure_model (self);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  work = g_new0 (Work, 1);
  work->kind = kind;
  work->model = lode_analysis_model_ref (self->model);
  work->year = wanted_sensitivity_year (self);
  work->target = lode_document_get_target_share (self->document);
  work->n_runs = self->bands_runs;

  self->running = kind;
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, work_done_cb, NULL);
  g_task_set_source_tag (task, start_next);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, work_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  LodeAnalyses *self = user_data;

  self->timeout_id = 0;
  start_next (self);
  return G_SOURCE_REMOVE;
}

/* After the pause, starts what is wanted. */
static void
schedule (LodeAnalyses *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document == NULL)
    return;
  for (int k = 0; k < N_KINDS; k++)
    if (wanted (self, k))
      {
        set_busy (self, TRUE);
        if (self->delay_ms == 0)
          self->timeout_id = g_idle_add (timeout_cb, self);
        else
          self->timeout_id = g_timeout_add (self->delay_ms, timeout_cb, self);
        return;
      }
  set_busy (self, self->running >= 0);
}

/* Clears the results of the kinds in `mask` (stopping the one under way if it is one of
 * them) and schedules the work again. */
static void
invalidate (LodeAnalyses *self,
            guint         mask)
{
  gboolean cleared = FALSE;

  if (self->running >= 0 && (mask & (1u << self->running)) && self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  for (int k = 0; k < N_KINDS; k++)
    if (mask & (1u << k))
      cleared |= clear_result (self, k);
  schedule (self);
  if (cleared)
    g_signal_emit (self, signals[UPDATED], 0);
}

#define ALL_KINDS ((1u << N_KINDS) - 1)

/* Callbacks */

static void
inputs_changed_cb (LodeAnalyses *self)
{
  g_clear_pointer (&self->model, lode_analysis_model_unref);
  invalidate (self, ALL_KINDS);
}

static void
year_changed_cb (LodeAnalyses *self)
{
  if (self->results[KIND_SENSITIVITY] != NULL
      && self->sensitivity_year == wanted_sensitivity_year (self))
    return;
  invalidate (self, 1u << KIND_SENSITIVITY);
}

static void
target_changed_cb (LodeAnalyses *self)
{
  invalidate (self, 1u << KIND_MARGINAL);
}

/* GObject */

static void
set_document (LodeAnalyses *self,
              LodeDocument *document)
{
  static const struct { const char *signal; GCallback callback; } handlers[] = {
    { "changed", G_CALLBACK (inputs_changed_cb) },
    { "scenario-replaced", G_CALLBACK (inputs_changed_cb) },
    { "notify::selected-year", G_CALLBACK (year_changed_cb) },
    { "notify::target-share", G_CALLBACK (target_changed_cb) },
  };

  g_return_if_fail (LODE_IS_DOCUMENT (document));

  self->document = g_object_ref (document);
  g_object_set_data (G_OBJECT (document), DATA_KEY, self);
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_object (document, handlers[i].signal, handlers[i].callback, self,
                             G_CONNECT_SWAPPED);
}

static void
lode_analyses_constructed (GObject *object)
{
  LodeAnalyses *self = LODE_ANALYSES (object);

  G_OBJECT_CLASS (lode_analyses_parent_class)->constructed (object);
  schedule (self);
}

static void
lode_analyses_dispose (GObject *object)
{
  LodeAnalyses *self = LODE_ANALYSES (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    {
      if (g_object_get_data (G_OBJECT (self->document), DATA_KEY) == self)
        g_object_set_data (G_OBJECT (self->document), DATA_KEY, NULL);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->document);
    }
  for (int k = 0; k < N_KINDS; k++)
    clear_result (self, k);
  g_clear_pointer (&self->model, lode_analysis_model_unref);

  G_OBJECT_CLASS (lode_analyses_parent_class)->dispose (object);
}

static void
lode_analyses_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LodeAnalyses *self = LODE_ANALYSES (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MARGINAL_ENABLED:
      g_value_set_boolean (value, self->enabled[KIND_MARGINAL]);
      break;
    case PROP_SENSITIVITY_ENABLED:
      g_value_set_boolean (value, self->enabled[KIND_SENSITIVITY]);
      break;
    case PROP_BANDS_ENABLED:
      g_value_set_boolean (value, self->enabled[KIND_BANDS]);
      break;
    case PROP_BANDS_RUNS:
      g_value_set_uint (value, self->bands_runs);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_analyses_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LodeAnalyses *self = LODE_ANALYSES (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_MARGINAL_ENABLED:
      lode_analyses_set_marginal_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_SENSITIVITY_ENABLED:
      lode_analyses_set_sensitivity_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_BANDS_ENABLED:
      lode_analyses_set_bands_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_BANDS_RUNS:
      lode_analyses_set_bands_runs (self, g_value_get_uint (value));
      break;
    case PROP_DELAY:
      lode_analyses_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lode_analyses_class_init (LodeAnalysesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = lode_analyses_constructed;
  object_class->dispose = lode_analyses_dispose;
  object_class->get_property = lode_analyses_get_property;
  object_class->set_property = lode_analyses_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, LODE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARGINAL_ENABLED] =
    g_param_spec_boolean ("marginal-enabled", NULL, NULL, TRUE, flags);
  properties[PROP_SENSITIVITY_ENABLED] =
    g_param_spec_boolean ("sensitivity-enabled", NULL, NULL, FALSE, flags);
  properties[PROP_BANDS_ENABLED] =
    g_param_spec_boolean ("bands-enabled", NULL, NULL, FALSE, flags);
  properties[PROP_BANDS_RUNS] =
    g_param_spec_uint ("bands-runs", NULL, NULL, 1, LODE_BANDS_MAX_RUNS,
                       LODE_BANDS_DEFAULT_RUNS, flags);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 10000, LODE_ANALYSES_DEFAULT_DELAY_MS, flags);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LodeAnalyses::updated:
   *
   * A result arrived, or results were cleared because the inputs changed.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lode_analyses_init (LodeAnalyses *self)
{
  self->running = -1;
  self->enabled[KIND_MARGINAL] = TRUE;
  self->bands_runs = LODE_BANDS_DEFAULT_RUNS;
  self->delay_ms = LODE_ANALYSES_DEFAULT_DELAY_MS;
}

/* Public API */

LodeAnalyses *
lode_analyses_new (LodeDocument *document)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (document), NULL);

  return g_object_new (LODE_TYPE_ANALYSES, "document", document, NULL);
}

LodeAnalyses *
lode_analyses_from_document (LodeDocument *document)
{
  g_return_val_if_fail (LODE_IS_DOCUMENT (document), NULL);

  return g_object_get_data (G_OBJECT (document), DATA_KEY);
}

LodeDocument *
lode_analyses_get_document (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), NULL);
  return self->document;
}

static void
set_enabled (LodeAnalyses *self,
             Kind          kind,
             gboolean      enabled)
{
  enabled = !!enabled;
  if (self->enabled[kind] == enabled)
    return;
  self->enabled[kind] = enabled;
  invalidate (self, 1u << kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[enabled_props[kind]]);
}

gboolean
lode_analyses_get_marginal_enabled (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), FALSE);
  return self->enabled[KIND_MARGINAL];
}

void
lode_analyses_set_marginal_enabled (LodeAnalyses *self,
                                    gboolean      enabled)
{
  g_return_if_fail (LODE_IS_ANALYSES (self));
  set_enabled (self, KIND_MARGINAL, enabled);
}

gboolean
lode_analyses_get_sensitivity_enabled (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), FALSE);
  return self->enabled[KIND_SENSITIVITY];
}

void
lode_analyses_set_sensitivity_enabled (LodeAnalyses *self,
                                       gboolean      enabled)
{
  g_return_if_fail (LODE_IS_ANALYSES (self));
  set_enabled (self, KIND_SENSITIVITY, enabled);
}

gboolean
lode_analyses_get_bands_enabled (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), FALSE);
  return self->enabled[KIND_BANDS];
}

void
lode_analyses_set_bands_enabled (LodeAnalyses *self,
                                 gboolean      enabled)
{
  g_return_if_fail (LODE_IS_ANALYSES (self));
  set_enabled (self, KIND_BANDS, enabled);
}

guint
lode_analyses_get_bands_runs (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), 0);
  return self->bands_runs;
}

void
lode_analyses_set_bands_runs (LodeAnalyses *self,
                              guint         n_runs)
{
  g_return_if_fail (LODE_IS_ANALYSES (self));
  g_return_if_fail (n_runs >= 1 && n_runs <= LODE_BANDS_MAX_RUNS);

  if (self->bands_runs == n_runs)
    return;
  self->bands_runs = n_runs;
  invalidate (self, 1u << KIND_BANDS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANDS_RUNS]);
}

guint
lode_analyses_get_delay (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), 0);
  return self->delay_ms;
}

void
lode_analyses_set_delay (LodeAnalyses *self,
                         guint         delay_ms)
{
  g_return_if_fail (LODE_IS_ANALYSES (self));

  if (self->delay_ms == delay_ms)
    return;
  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
lode_analyses_get_busy (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), FALSE);
  return self->busy;
}

LodeMarginal *
lode_analyses_get_marginal (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), NULL);
  return self->results[KIND_MARGINAL];
}

LodeSensitivity *
lode_analyses_get_sensitivity (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), NULL);
  return self->results[KIND_SENSITIVITY];
}

LodeBands *
lode_analyses_get_bands (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), NULL);
  return self->results[KIND_BANDS];
}

LodeAnalysisModel *
lode_analyses_dup_model (LodeAnalyses *self)
{
  g_return_val_if_fail (LODE_IS_ANALYSES (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  ensure_model (self);
  return lode_analysis_model_ref (self->model);
}
