/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-cli-analyses.c — --sensitivity, --bands, --optimise, and the analyses behind
 * --summary and exported analysis charts. */

#define G_LOG_DOMAIN "lode-cli-analyses"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-cli-analyses.h"
#include "lode-cli-outputs.h"
#include "lode-optimise.h"

void
lode_cli_analysis_options_init (LodeCliAnalysisOptions *o)
{
  *o = (LodeCliAnalysisOptions) {
    .bands = LODE_CLI_NO_NUMBER,
    .seed = LODE_CLI_NO_NUMBER,
  };
}

void
lode_cli_analysis_options_clear (LodeCliAnalysisOptions *o)
{
  g_clear_pointer (&o->sensitivity_path, g_free);
  g_clear_pointer (&o->output_key, g_free);
  g_clear_pointer (&o->optimise, g_free);
}

void
lode_cli_analysis_results_clear (LodeCliAnalysisResults *r)
{
  g_clear_pointer (&r->sensitivity, lode_sensitivity_unref);
  g_clear_pointer (&r->marginal, lode_marginal_unref);
  g_clear_pointer (&r->bands, lode_bands_unref);
  g_clear_pointer (&r->no_marginal, g_free);
}

gboolean
lode_cli_analyses_wanted (const LodeCliAnalysisOptions *o)
{
  return o->sensitivity_path != NULL || o->output_key != NULL || o->optimise != NULL
         || o->bands != LODE_CLI_NO_NUMBER || o->seed != LODE_CLI_NO_NUMBER;
}

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID, message);
  return FALSE;
}

gboolean
lode_cli_analyses_check (const LodeCliAnalysisOptions  *o,
                         gboolean                       has_csv,
                         gboolean                       has_export,
                         GError                       **error)
{
  LodeOptimiseRequest request;
  LodeOutput output;

  if (o->output_key != NULL && o->sensitivity_path == NULL)
    return usage_error (error, _("--output needs --sensitivity"));
  if (o->output_key != NULL
      && !lode_output_init (&output, o->output_key, LODE_MATERIAL_NDPR,
                            LODE_ANALYSIS_DEFAULT_YEAR, error))
    return FALSE;
  if (o->bands != LODE_CLI_NO_NUMBER && !has_csv && !has_export)
    return usage_error (error, _("--bands needs --csv or --export"));
  if (o->bands != LODE_CLI_NO_NUMBER && (o->bands < 1 || o->bands > LODE_BANDS_MAX_RUNS))
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad number of runs %d: choose 1 to %d"), o->bands, LODE_BANDS_MAX_RUNS);
      return FALSE;
    }
  if (o->seed != LODE_CLI_NO_NUMBER && o->bands == LODE_CLI_NO_NUMBER)
    return usage_error (error, _("--seed needs --bands"));
  if (o->seed != LODE_CLI_NO_NUMBER && o->seed < 0)
    return usage_error (error, _("--seed takes a number from 0"));
  lode_optimise_request_init (&request);
  if (o->optimise != NULL && !lode_optimise_request_parse (&request, o->optimise, error))
    return FALSE;
  return TRUE;
}

/* The scenario's allocation locks: none on the command line. */
LodeCliExit
lode_cli_analyses_optimise (const LodeCliAnalysisOptions  *o,
                            LodeDataset                   *dataset,
                            LodeScenario                  *scenario,
                            GString                       *out,
                            GError                       **error)
{
  g_autoptr(LodeAnalysisModel) model = NULL;
  g_autoptr(LodeOptimiseResult) result = NULL;
  g_autofree char *title = NULL;
  LodeOptimiseRequest request;

  if (o->optimise == NULL)
    return LODE_CLI_EXIT_OK;
  lode_optimise_request_init (&request);
  if (!lode_optimise_request_parse (&request, o->optimise, error))
    return LODE_CLI_EXIT_USAGE;
  model = lode_analysis_model_new (dataset, scenario);
  result = lode_optimise_run (model, &request, NULL, error);
  if (result == NULL)
    return g_error_matches (*error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID)
           ? LODE_CLI_EXIT_USAGE : LODE_CLI_EXIT_FAILURE;
  lode_optimise_write_summary (result, out);
  if (!lode_optimise_result_apply (result, scenario, error))
    return LODE_CLI_EXIT_FAILURE;
  /* What is saved or exported says it is the optimiser's answer. */
  title = g_strdup_printf ("%s — %s", lode_scenario_get_title (scenario), _("optimised"));
  lode_scenario_set_title (scenario, title);
  return LODE_CLI_EXIT_OK;
}

LodeCliExit
lode_cli_analyses_compute (const LodeCliAnalysisOptions  *o,
                           LodeDataset                   *dataset,
                           LodeScenario                  *scenario,
                           int                            year,
                           LodeMaterial                   material,
                           gboolean                       want_tornado,
                           gboolean                       need_marginal,
                           gboolean                       want_marginal,
                           LodeCliAnalysisResults        *out,
                           GError                       **error)
{
  g_autoptr(LodeAnalysisModel) model = NULL;
  int horizon = lode_scenario_get_horizon (scenario);

  want_marginal = want_marginal || need_marginal;
  if (!want_tornado && !want_marginal && o->bands == LODE_CLI_NO_NUMBER)
    return LODE_CLI_EXIT_OK;
  model = lode_analysis_model_new (dataset, scenario);

  if (want_tornado)
    {
      LodeOutput output;

      if (year == LODE_CLI_NO_NUMBER)
        year = MIN (LODE_ANALYSIS_DEFAULT_YEAR, horizon);
      if (!lode_output_init (&output, o->output_key, material, year, error))
        return LODE_CLI_EXIT_USAGE;
      out->sensitivity = lode_sensitivity_run (model, &output, NULL, error);
      if (out->sensitivity == NULL)
        return LODE_CLI_EXIT_FAILURE;
    }
  if (o->bands != LODE_CLI_NO_NUMBER)
    {
      guint64 seed = o->seed != LODE_CLI_NO_NUMBER ? (guint64) o->seed : LODE_BANDS_DEFAULT_SEED;

      out->bands = lode_bands_run (model, (guint) o->bands, seed, material, NULL, error);
      if (out->bands == NULL)
        return LODE_CLI_EXIT_FAILURE;
    }
  if (want_marginal)
    {
      g_autoptr(GError) local_error = NULL;

      out->marginal = lode_marginal_run (model, 0.5, NULL, &local_error);
      /* A fund at the top of its range has no next dollar: a summary says so. */
      if (out->marginal == NULL && !need_marginal
          && g_error_matches (local_error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID))
        out->no_marginal = g_strdup (local_error->message);
      else if (out->marginal == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return LODE_CLI_EXIT_FAILURE;
        }
    }
  return LODE_CLI_EXIT_OK;
}

LodeCliExit
lode_cli_analyses_write_sensitivity (const LodeCliAnalysisOptions  *o,
                                     const LodeCliAnalysisResults  *r,
                                     GError                       **error)
{
  g_autoptr(GString) csv = NULL;

  if (o->sensitivity_path == NULL || r->sensitivity == NULL)
    return LODE_CLI_EXIT_OK;
  csv = g_string_new (NULL);
  lode_sensitivity_write_csv (r->sensitivity, csv);
  if (!lode_cli_output_write (o->sensitivity_path, csv->str, csv->len, error))
    return LODE_CLI_EXIT_FAILURE;
  return LODE_CLI_EXIT_OK;
}

LodeCliExit
lode_cli_analyses_run (const LodeCliAnalysisOptions  *o,
                       LodeDataset                   *dataset,
                       LodeScenario                  *scenario,
                       int                            year,
                       LodeMaterial                   material,
                       gboolean                       summary,
                       LodeChartKind                  chart,
                       GString                       *out,
                       LodeCliAnalysisResults        *results,
                       GError                       **error)
{
  LodeCliExit status = lode_cli_analyses_optimise (o, dataset, scenario, out, error);

  if (status == LODE_CLI_EXIT_OK)
    status = lode_cli_analyses_compute (o, dataset, scenario, year, material,
                                        o->sensitivity_path != NULL
                                        || chart == LODE_CHART_TORNADO,
                                        chart == LODE_CHART_MARGINAL, summary, results, error);
  if (status == LODE_CLI_EXIT_OK)
    status = lode_cli_analyses_write_sensitivity (o, results, error);
  return status;
}

void
lode_cli_analyses_write_csv (const LodeCliAnalysisResults *r,
                             const LodeProjection         *projection,
                             LodeMaterial                  material,
                             GString                      *out)
{
  if (r->bands != NULL)
    lode_bands_write_csv (r->bands, projection, out);
  else
    lode_figures_write_csv (projection, material, out);
}

void
lode_cli_analyses_append_summary (const LodeCliAnalysisResults *r,
                                  GString                      *out)
{
  if (r->marginal != NULL)
    lode_marginal_write_summary (r->marginal, lode_marginal_shown_year (r->marginal, 0), out);
  else if (r->no_marginal != NULL)
    g_string_append_printf (out, "marginal_bottleneck: none (%s)\n", r->no_marginal);
}

void
lode_cli_analyses_fill_request (const LodeCliAnalysisResults *r,
                                LodeExportRequest            *req)
{
  req->sensitivity = r->sensitivity;
  req->marginal = r->marginal;
  req->bands = r->bands;
}
