/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-sensitivity.c — the tornado: every input swung over its range, sorted by swing. */

#define G_LOG_DOMAIN "lode-sensitivity"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "lode-sensitivity.h"

typedef struct
{
  const LodeOutput *output;
  GPtrArray        *inputs;
  double           *values;   /* job 0: the base; 2i + 1, 2i + 2: input i at low, high */
} Tornado;

static void
tornado_job (LodeAnalysisRunner *runner,
             guint               job,
             gpointer            user_data)
{
  Tornado *t = user_data;
  g_autoptr(LodeProjection) projection = NULL;

  if (job > 0)
    {
      const LodeInput *input = g_ptr_array_index (t->inputs, (job - 1) / 2);

      lode_analysis_runner_set (runner, input, job % 2 == 1 ? input->low : input->high);
    }
  projection = lode_analysis_runner_run (runner, t->output->year, NULL);
  t->values[job] = lode_output_value (t->output, projection);
}

/* Largest swing first; failed runs last; then by id, so the order never depends on chance. */
static int
compare_items (const void *a,
               const void *b)
{
  const LodeSensitivityItem *x = a;
  const LodeSensitivityItem *y = b;
  gboolean x_ok = isfinite (x->swing);
  gboolean y_ok = isfinite (y->swing);

  if (x_ok != y_ok)
    return x_ok ? -1 : 1;
  if (x_ok && x->swing != y->swing)
    return x->swing > y->swing ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

static void
fill_items (LodeSensitivity *self,
            LodeDataset     *dataset,
            GPtrArray       *inputs,
            const double    *values)
{
  self->n_items = inputs->len;
  self->items = g_new0 (LodeSensitivityItem, inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const LodeInput *input = g_ptr_array_index (inputs, i);
      LodeSensitivityItem *item = &self->items[i];

      item->id = g_strdup (input->id);
      item->label = lode_analysis_dup_input_label (dataset, input);
      item->kind = input->kind;
      item->range = input->range;
      item->value = input->value;
      item->low = input->low;
      item->high = input->high;
      item->output_low = values[2 * i + 1];
      item->output_high = values[2 * i + 2];
      item->swing = fabs (item->output_high - item->output_low);
      if (input->kind == LODE_INPUT_LEVER)
        self->n_levers++;
      else
        self->n_parameters++;
      if (input->range == LODE_RANGE_DEFAULT)
        self->n_default_ranges++;
    }
  qsort (self->items, self->n_items, sizeof (LodeSensitivityItem), compare_items);
}

LodeSensitivity *
lode_sensitivity_run (LodeAnalysisModel  *model,
                      const LodeOutput   *output,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(LodeSensitivity) self = NULL;
  g_autofree double *values = NULL;
  GPtrArray *inputs;
  Tornado t;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (output != NULL && output->figure != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (output->year > lode_analysis_model_get_horizon (model))
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("The year %d is after the scenario's horizon, %d"), output->year,
                   lode_analysis_model_get_horizon (model));
      return NULL;
    }

  inputs = lode_analysis_model_get_inputs (model);
  values = g_new0 (double, 2 * inputs->len + 1);
  t = (Tornado) { output, inputs, values };
  if (!lode_analysis_model_parallel (model, 2 * inputs->len + 1, tornado_job, &t, cancellable,
                                     error))
    return NULL;
  if (!isfinite (values[0]))
    {
      g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_MODEL,
                           _("The model could not run the scenario"));
      return NULL;
    }

  self = g_new0 (LodeSensitivity, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->output = *output;
  self->base = values[0];
  self->n_runs = 2 * inputs->len + 1;
  fill_items (self, lode_analysis_model_get_dataset (model), inputs, values);
  return g_steal_pointer (&self);
}

LodeSensitivity *
lode_sensitivity_ref (LodeSensitivity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_sensitivity_unref (LodeSensitivity *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_items; i++)
    {
      g_free (self->items[i].id);
      g_free (self->items[i].label);
    }
  g_free (self->items);
  g_free (self);
}

void
lode_sensitivity_write_csv (const LodeSensitivity *self,
                            GString               *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "name,kind,low_value,high_value,output_low,output_high,swing\n");
  for (guint i = 0; i < self->n_items; i++)
    {
      const LodeSensitivityItem *item = &self->items[i];
      const double numbers[] = {
        item->low, item->high, item->output_low, item->output_high, item->swing,
      };

      g_string_append_printf (out, "%s,%s", item->id,
                              item->kind == LODE_INPUT_LEVER ? "lever" : "parameter");
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        {
          g_string_append_c (out, ',');
          lode_figures_append_number (out, numbers[k]);
        }
      g_string_append_c (out, '\n');
    }
}

char *
lode_sensitivity_dup_assumptions (const LodeSensitivity *self)
{
  g_autofree char *output = NULL;
  g_autofree char *levers = NULL;
  g_autofree char *params = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  output = lode_output_dup_label (&self->output);
  levers = g_strdup_printf (ngettext ("%u lever over its range", "%u levers over their ranges",
                                      self->n_levers), self->n_levers);
  params = g_strdup_printf (ngettext ("%u estimate over its low–high",
                                      "%u estimates over their low–high",
                                      self->n_parameters), self->n_parameters);
  /* Translators: the assumptions of a tornado chart in an export's footer: "Sensitivity of
   * <output>: <levers>, <estimates> (dataset ranges, else ±30 %); <runs> runs" */
  return g_strdup_printf (_("Sensitivity of %s: %s, %s (dataset ranges, else ±%d %%); %u runs"),
                          output, levers, params,
                          (int) round (100 * LODE_ANALYSIS_DEFAULT_SPREAD), self->n_runs);
}
