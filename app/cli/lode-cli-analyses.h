/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The command line's analyses (issue 13): --sensitivity writes the tornado as CSV (--output
 * picks the figure, --year the year); --bands N adds P10/P50/P90 columns to --csv and bands to
 * exported time charts (--seed picks the seed); --optimise finds a fund and split, prints it
 * and applies it to the scenario, so --save-as, --summary, --csv and --export show it;
 * --summary ends with the marginal values; an exported tornado or marginal chart gets its
 * analysis. Private to app/cli: lode-cli.c parses the options and calls these in order.
 * Model and drawing only, never GTK.
 */
#pragma once

#include "lode-bands.h"
#include "lode-cli.h"
#include "lode-export.h"
#include "lode-marginal.h"
#include "lode-sensitivity.h"

G_BEGIN_DECLS

#define LODE_CLI_NO_NUMBER G_MININT

typedef struct
{
  char *sensitivity_path;   /* --sensitivity OUT.csv */
  char *output_key;         /* --output KEY */
  int   bands;              /* --bands N: runs; LODE_CLI_NO_NUMBER without */
  int   seed;               /* --seed N; LODE_CLI_NO_NUMBER: the default */
  char *optimise;           /* --optimise SPEC */
} LodeCliAnalysisOptions;

typedef struct
{
  LodeSensitivity *sensitivity;
  LodeMarginal    *marginal;
  LodeBands       *bands;
  char            *no_marginal;   /* why the summary has no marginal values, or NULL */
} LodeCliAnalysisResults;

void        lode_cli_analysis_options_init  (LodeCliAnalysisOptions       *o);
void        lode_cli_analysis_options_clear (LodeCliAnalysisOptions       *o);
void        lode_cli_analysis_results_clear (LodeCliAnalysisResults       *r);
/* Whether any analysis option was given. */
gboolean    lode_cli_analyses_wanted        (const LodeCliAnalysisOptions *o);
/* Usage checks, before anything is read. */
gboolean    lode_cli_analyses_check         (const LodeCliAnalysisOptions *o,
                                             gboolean                      has_csv,
                                             gboolean                      has_export,
                                             GError                      **error);
/* --optimise: the answer applied to `scenario`, and its lines appended to `out`. */
LodeCliExit lode_cli_analyses_optimise      (const LodeCliAnalysisOptions *o,
                                             LodeDataset                  *dataset,
                                             LodeScenario                 *scenario,
                                             GString                      *out,
                                             GError                      **error);
/* What the outputs need: the tornado (--sensitivity, or an exported chart:tornado) for
 * `year` (LODE_CLI_NO_NUMBER: 2030 within the horizon), the bands, and the marginal values
 * (an exported chart:marginal needs them; --summary shows them when there are any: at the
 * top of the fund's range `out->no_marginal` says why not). */
LodeCliExit lode_cli_analyses_compute       (const LodeCliAnalysisOptions *o,
                                             LodeDataset                  *dataset,
                                             LodeScenario                 *scenario,
                                             int                           year,
                                             LodeMaterial                  material,
                                             gboolean                      want_tornado,
                                             gboolean                      need_marginal,
                                             gboolean                      want_marginal,
                                             LodeCliAnalysisResults       *out,
                                             GError                      **error);
/* All of it in order: --optimise (its lines in `out`), what the outputs need (the marginal
 * values with `summary`; the tornado or marginal values an exported `chart` shows, or
 * LODE_N_CHARTS), and --sensitivity's CSV. */
LodeCliExit lode_cli_analyses_run           (const LodeCliAnalysisOptions *o,
                                             LodeDataset                  *dataset,
                                             LodeScenario                 *scenario,
                                             int                           year,
                                             LodeMaterial                  material,
                                             gboolean                      summary,
                                             LodeChartKind                 chart,
                                             GString                      *out,
                                             LodeCliAnalysisResults       *results,
                                             GError                      **error);
/* Writes --sensitivity's CSV. */
LodeCliExit lode_cli_analyses_write_sensitivity (const LodeCliAnalysisOptions *o,
                                                 const LodeCliAnalysisResults *r,
                                                 GError                      **error);
/* The --csv text: the figures, with the bands' columns when there are bands. */
void        lode_cli_analyses_write_csv     (const LodeCliAnalysisResults *r,
                                             const LodeProjection         *projection,
                                             LodeMaterial                  material,
                                             GString                      *out);
/* The marginal values' summary lines, at 2035 (or the horizon). */
void        lode_cli_analyses_append_summary (const LodeCliAnalysisResults *r,
                                              GString                      *out);
/* Hands the results to an export. */
void        lode_cli_analyses_fill_request  (const LodeCliAnalysisResults *r,
                                             LodeExportRequest            *req);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LodeCliAnalysisOptions, lode_cli_analysis_options_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LodeCliAnalysisResults, lode_cli_analysis_results_clear)

G_END_DECLS
