/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-cli.c — the headless command line: --summary, --csv, --export, --save-as. */

#define G_LOG_DOMAIN "lode-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lode-allocation.h"
#include "lode-chart-layout.h"
#include "lode-cli-analyses.h"
#include "lode-cli.h"
#include "lode-export.h"
#include "lode-dataset.h"
#include "lode-figures.h"
#include "lode-levers.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"
#include "lode-scenario.h"

#define NO_NUMBER G_MININT

typedef struct
{
  gboolean   version;
  gboolean   summary;
  char      *export_path;
  char      *csv_path;
  char      *save_as_path;
  char      *view;
  char      *material;
  int        year;
  char      *size;
  int        scale;
  gboolean   transparent;
  int        horizon;
  char     **sets;
  char     **files;
  LodeCliAnalysisOptions analyses;
} CliOptions;

static void
cli_options_clear (CliOptions *o)
{
  g_free (o->export_path);
  g_free (o->csv_path);
  g_free (o->save_as_path);
  g_free (o->view);
  g_free (o->material);
  g_free (o->size);
  g_strfreev (o->sets);
  g_strfreev (o->files);
  lode_cli_analysis_options_clear (&o->analyses);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

/* One clear line on stderr, "lodestone: …", and the exit status to return. */
G_GNUC_PRINTF (2, 3)
static int
fail (int         status,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("lodestone: %s\n", message);
  return status;
}

static char *
describe_charts (void)
{
  GString *text = g_string_new (NULL);

  for (int k = 0; k < LODE_N_CHARTS; k++)
    {
      g_autofree char *id = lode_export_view_to_id (LODE_EXPORT_VIEW_CHART, k);

      g_string_append_printf (text, "  %-24s %s\n", id, lode_chart_kind_title (k));
    }
  return g_string_free (text, FALSE);
}

static GOptionContext *
build_context (CliOptions *o)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version,
      N_("Print the version and exit"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &o->summary,
      N_("Print the projection's figures as “key: value” lines"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &o->csv_path,
      N_("Write one row per year and one column per figure to a CSV file"), N_("OUT.csv") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o->export_path,
      N_("Export a picture; the extension picks PNG, SVG or PDF"), N_("OUT.png|svg|pdf") },
    { "save-as", 0, 0, G_OPTION_ARG_FILENAME, &o->save_as_path,
      N_("Write the scenario, with any --set applied, to a file"), N_("OUT.lodestone") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
      N_("Set a lever (ally.REGION=0|1 and project.ID=0|1 switch allies and projects); "
         "repeatable"), N_("ID=VALUE") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &o->horizon,
      N_("Last year of the projection (default 2040, up to 2060)"), N_("YEAR") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &o->view,
      N_("What to export: flow (default), slide or chart:NAME"), N_("VIEW") },
    { "material", 0, 0, G_OPTION_ARG_STRING, &o->material,
      N_("The material whose chain --summary, --csv and --export show: ndpr (default), heavy "
         "(dysprosium and terbium) or sm (samarium)"), N_("MATERIAL") },
    { "year", 0, 0, G_OPTION_ARG_INT, &o->year,
      N_("Year shown by the flow diagram and marked on charts"), N_("YEAR") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o->size,
      N_("Page size: WIDTHxHEIGHT, 16:9 (default, 1920x1080), 4:3 or a4"), N_("SIZE") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &o->scale,
      N_("Pixel density of a PNG: 1, 2 or 3 (SVG and PDF ignore it)"), N_("N") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &o->transparent,
      N_("Leave a PNG's background transparent"), NULL },
    { "sensitivity", 0, 0, G_OPTION_ARG_FILENAME, &o->analyses.sensitivity_path,
      N_("Write what matters most (every lever and estimate swung over its range) to a CSV "
         "file"), N_("OUT.csv") },
    { "output", 0, 0, G_OPTION_ARG_STRING, &o->analyses.output_key,
      N_("The figure --sensitivity measures, a --csv column (default "
         "china_free_share_us_demand, in --year or 2030)"), N_("KEY") },
    { "bands", 0, 0, G_OPTION_ARG_INT, &o->analyses.bands,
      N_("Monte Carlo over the estimates: KEY.p10, KEY.p50 and KEY.p90 columns in --csv, "
         "bands on exported time charts"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &o->analyses.seed,
      N_("The seed of --bands (default 2024)"), N_("N") },
    { "optimise", 0, 0, G_OPTION_ARG_STRING, &o->analyses.optimise,
      N_("The smallest fund and split reaching a China-free share by a year "
         "(share=0.5,year=2030), or the best split of a fund (fund=20,year=2030); prints it "
         "and applies it"), N_("SPEC") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, NULL },
    { NULL }
  };
  g_autofree char *charts = describe_charts ();
  g_autofree char *description = NULL;
  GOptionContext *context;

  context = g_option_context_new (_("[FILE.lodestone] — plan the rare-earth supply chain"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Without --summary, --csv, --export or --save-as, Lodestone opens FILE (or the Baseline\n"
      "scenario) in its window. With them it works without a window or a display; the\n"
      "scenario is FILE, or the Baseline preset when no file is given."));
  description = g_strdup_printf (
    _("Charts for --view chart:NAME:\n%s\n"
      "Exit status: 0 success, 1 a file could not be read or written, 2 a usage error.\n\n"
      "Examples:\n"
      "  lodestone --summary --set fund.size_busd=50 --horizon 2050\n"
      "  lodestone plan.lodestone --export slide.png --view slide --year 2035 --scale 2\n"
      "  lodestone --export price.pdf --view chart:price --size a4\n"
      "  lodestone plan.lodestone --csv figures.csv\n"
      "  lodestone --save-as push.lodestone --set fund.size_busd=100\n"
      "  lodestone --sensitivity tornado.csv --year 2035\n"
      "  lodestone --csv bands.csv --bands 1000\n"
      "  lodestone --optimise share=0.5,year=2030 --save-as plan.lodestone\n"),
    charts);
  g_option_context_set_description (context, description);
  return context;
}

static gboolean
parse_flag (const char *text,
            gboolean   *out)
{
  if (g_str_equal (text, "1") || g_ascii_strcasecmp (text, "true") == 0
      || g_ascii_strcasecmp (text, "on") == 0)
    *out = TRUE;
  else if (g_str_equal (text, "0") || g_ascii_strcasecmp (text, "false") == 0
           || g_ascii_strcasecmp (text, "off") == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* --set fund.allocation=MINE,SEPARATION,METAL,MAGNET,RECYCLING: the whole split at once, as
 * the optimiser prints it (one share at a time would rescale the others). */
static gboolean
apply_allocation (LodeScenario  *scenario,
                  const char    *text,
                  GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  double shares[LODE_N_ALLOC];

  if (g_strv_length (parts) != LODE_N_ALLOC)
    {
      g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                   _("fund.allocation takes %d shares in percent, separated by commas"),
                   LODE_N_ALLOC);
      return FALSE;
    }
  for (guint k = 0; k < LODE_N_ALLOC; k++)
    if (!lode_parse_plain_double (parts[k], &shares[k]))
      {
        g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                     _("“%s” is not a number"), parts[k]);
        return FALSE;
      }
  return lode_scenario_set_allocation (scenario, shares, error);
}

/* --set ID=VALUE: a lever, or ally.REGION=0|1, or project.ID=0|1. */
static gboolean
apply_set (LodeScenario  *scenario,
           const char    *text,
           GError       **error)
{
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);
  const char *eq = strchr (text, '=');
  LodeLever lever;
  double value;

  if (eq != NULL && (g_str_has_prefix (text, "ally.") || g_str_has_prefix (text, "project.")))
    {
      gboolean ally = g_str_has_prefix (text, "ally.");
      const char *id_start = text + (ally ? strlen ("ally.") : strlen ("project."));
      g_autofree char *id = g_strndup (id_start, eq - id_start);
      gboolean flag;
      int index = ally ? lode_dataset_region_index (dataset, id)
                       : lode_dataset_project_index (dataset, id);

      if (index < 0)
        {
          g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN,
                       ally ? _("No region has the id “%s”")
                            : _("No project has the id “%s”"), id);
          return FALSE;
        }
      if (!parse_flag (eq + 1, &flag))
        {
          g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                       _("“%s” is not 0 or 1"), eq + 1);
          return FALSE;
        }
      if (ally)
        lode_scenario_set_ally (scenario, (guint) index, flag);
      else
        lode_scenario_set_project_enabled (scenario, (guint) index, flag);
      return TRUE;
    }

  if (g_str_has_prefix (text, "fund.allocation="))
    return apply_allocation (scenario, text + strlen ("fund.allocation="), error);
  if (!lode_lever_parse_assignment (text, &lever, &value, error))
    return FALSE;
  return lode_scenario_set_lever (scenario, lever, value, error);
}

static LodeScenario *
load_scenario (LodeDataset  *dataset,
               const char   *path,
               GError      **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return lode_scenario_load_preset (dataset, "baseline", error);
  file = g_file_new_for_commandline_arg (path);
  return lode_scenario_load_from_file (dataset, file, NULL, error);
}

/* --export: the view of `projection` on a page, with the Baseline preset behind the charts. */
static int
export_picture (const CliOptions              *o,
                LodeDataset                   *dataset,
                LodeScenario                  *scenario,
                const LodeProjection          *projection,
                const LodeCliAnalysisResults  *results,
                LodeExportFormat               format,
                LodeExportView                 view,
                LodeChartKind                  chart,
                int                            width,
                int                            height)
{
  g_autoptr(LodeScenario) base_scenario = NULL;
  g_autoptr(LodeProjection) baseline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  LodeExportRequest req;

  /* The charts draw the Baseline preset behind the scenario, as the window does. */
  base_scenario = lode_scenario_load_preset (dataset, "baseline", &error);
  if (base_scenario == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  if (!lode_scenario_set_horizon (base_scenario, lode_scenario_get_horizon (scenario), &error))
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  baseline = lode_projection_run (dataset, base_scenario, &error);
  if (baseline == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);

  lode_export_request_init (&req, projection, baseline, NULL);
  lode_export_request_apply_scenario (&req, scenario);
  /* The footer must not pass a changed plan off as the saved one. */
  if (o->sets != NULL && o->sets[0] != NULL)
    {
      /* Translators: the scenario title in an export's footer after --set changed it. */
      title = g_strdup_printf (_("%s (modified)"), req.title);
      req.title = title;
    }
  req.view = view;
  if (view == LODE_EXPORT_VIEW_CHART)
    req.chart = chart;
  if (o->year != NO_NUMBER)
    req.year = o->year;
  req.transparent = o->transparent && format == LODE_EXPORT_FORMAT_PNG;
  lode_cli_analyses_fill_request (results, &req);

  if (!lode_export_to_file (&req, format, width, height, o->scale, o->export_path, &error))
    return fail (g_error_matches (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID)
                 ? LODE_CLI_EXIT_USAGE : LODE_CLI_EXIT_FAILURE, "%s", error->message);
  return LODE_CLI_EXIT_OK;
}

/* What stdout gets: the optimiser's answer, then --summary's figures and marginal values. */
static int
print_summary (const CliOptions             *o,
               const LodeProjection         *projection,
               LodeMaterial                  material,
               const LodeCliAnalysisResults *results,
               GString                      *text)
{
  if (o->summary)
    {
      lode_figures_write_summary (projection, material, text);
      lode_cli_analyses_append_summary (results, text);
    }
  if (text->len > 0
      && (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0))
    return fail (LODE_CLI_EXIT_FAILURE, _("Cannot write the summary to standard output"));
  return LODE_CLI_EXIT_OK;
}

static int
run_headless (CliOptions *o)
{
  g_autoptr(LodeDataset) dataset = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) optimised = g_string_new (NULL);
  g_auto(LodeCliAnalysisResults) results = { NULL };
  LodeCliExit status;
  gboolean shows_chart;
  LodeExportFormat format = LODE_EXPORT_FORMAT_PNG;
  LodeExportView view = LODE_EXPORT_VIEW_FLOW;
  LodeChartKind chart = LODE_CHART_CHINA_FREE;
  int width = 1920, height = 1080;
  const char *file = NULL;
  LodeMaterial material = LODE_MATERIAL_NDPR;

  /* Check every usage error before reading or writing anything. */
  if (o->files != NULL && o->files[0] != NULL)
    {
      if (o->files[1] != NULL)
        return fail (LODE_CLI_EXIT_USAGE,
                     _("Give at most one scenario file (got “%s” and “%s”)"),
                     o->files[0], o->files[1]);
      file = o->files[0];
    }
  if (o->material != NULL && !lode_material_from_id (o->material, &material))
    return fail (LODE_CLI_EXIT_USAGE,
                 _("Unknown material “%s”: choose ndpr, heavy (dysprosium and terbium) or sm "
                   "(samarium)"), o->material);
  if (o->export_path == NULL
      && (o->view != NULL || o->size != NULL || o->scale != NO_NUMBER || o->transparent
          || (o->year != NO_NUMBER && o->analyses.sensitivity_path == NULL)))
    return fail (LODE_CLI_EXIT_USAGE,
                 _("--view, --size, --scale and --transparent need --export, and --year "
                   "needs --export or --sensitivity"));
  if (!lode_cli_analyses_check (&o->analyses, o->csv_path != NULL, o->export_path != NULL,
                                &error))
    return fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
  if (o->export_path != NULL)
    {
      if (!lode_export_format_from_path (o->export_path, &format))
        return fail (LODE_CLI_EXIT_USAGE,
                     _("Cannot tell the format of “%s”: name it .png, .svg or .pdf"),
                     o->export_path);
      if (o->view != NULL && !lode_export_parse_view (o->view, &view, &chart, &error))
        return fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
      if (o->size != NULL && !lode_export_parse_size (o->size, format, &width, &height, &error))
        return fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
      if (o->scale == NO_NUMBER)
        o->scale = 1;
      if (!lode_export_check_size (format, width, height, o->scale, &error))
        return fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
    }

  dataset = lode_dataset_load_default (&error);
  if (dataset == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  scenario = load_scenario (dataset, file, &error);
  if (scenario == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);

  if (o->horizon != NO_NUMBER && !lode_scenario_set_horizon (scenario, o->horizon, &error))
    return fail (LODE_CLI_EXIT_USAGE, "--horizon %d: %s", o->horizon, error->message);
  for (guint i = 0; o->sets != NULL && o->sets[i] != NULL; i++)
    if (!apply_set (scenario, o->sets[i], &error))
      return fail (LODE_CLI_EXIT_USAGE, "--set %s: %s", o->sets[i], error->message);
  if (o->year != NO_NUMBER
      && (o->year < LODE_BASE_YEAR || o->year > lode_scenario_get_horizon (scenario)))
    return fail (LODE_CLI_EXIT_USAGE, _("Bad year %d: choose a year from %d to %d"),
                 o->year, LODE_BASE_YEAR, lode_scenario_get_horizon (scenario));

  shows_chart = o->export_path != NULL
                && (view == LODE_EXPORT_VIEW_CHART || view == LODE_EXPORT_VIEW_SLIDE);
  status = lode_cli_analyses_run (&o->analyses, dataset, scenario, o->year, material, o->summary,
                                  shows_chart ? chart : LODE_N_CHARTS, optimised, &results,
                                  &error);
  if (status != LODE_CLI_EXIT_OK)
    return fail (status, "%s", error->message);

  if (o->summary || o->csv_path != NULL || o->export_path != NULL)
    {
      projection = lode_projection_run (dataset, scenario, &error);
      if (projection == NULL)
        return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
    }

  if (o->save_as_path != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (o->save_as_path);

      if (!lode_scenario_save_to_file (scenario, out, NULL, &error))
        return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
    }

  if (o->csv_path != NULL)
    {
      g_autoptr(GString) csv = g_string_new (NULL);

      lode_cli_analyses_write_csv (&results, projection, material, csv);
      if (!lode_export_write_file (o->csv_path, csv->str, csv->len, &error))
        return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
    }

  if (o->export_path != NULL)
    {
      int exported = export_picture (o, dataset, scenario, projection, &results, format, view,
                                     chart, width, height);

      if (exported != LODE_CLI_EXIT_OK)
        return exported;
    }

  return print_summary (o, projection, material, &results, optimised);
}

LodeCliResult
lode_cli_run (int    argc,
              char **argv,
              int   *out_exit_code,
              char ***out_gui_argv)
{
  g_auto(CliOptions) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean headless;

  g_return_val_if_fail (out_exit_code != NULL, LODE_CLI_DONE);

  *out_exit_code = LODE_CLI_EXIT_OK;
  if (out_gui_argv != NULL)
    *out_gui_argv = NULL;

  o.year = o.horizon = o.scale = NO_NUMBER;
  lode_cli_analysis_options_init (&o.analyses);
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (argc == 0)
    {
      g_strfreev (args);
      args = g_new0 (char *, 2);
      args[0] = g_strdup ("lodestone");
    }

  context = build_context (&o);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *out_exit_code = fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
      return LODE_CLI_DONE;
    }

  if (o.version)
    {
      g_print ("lodestone %s\n", PACKAGE_VERSION);
      return LODE_CLI_DONE;
    }

  headless = o.summary || o.csv_path != NULL || o.export_path != NULL
             || o.save_as_path != NULL || o.analyses.sensitivity_path != NULL
             || o.analyses.optimise != NULL;
  if (!headless)
    {
      GPtrArray *gui;

      if (o.sets != NULL || o.horizon != NO_NUMBER || o.view != NULL || o.year != NO_NUMBER
          || o.size != NULL || o.scale != NO_NUMBER || o.transparent || o.material != NULL
          || lode_cli_analyses_wanted (&o.analyses))
        {
          *out_exit_code = fail (LODE_CLI_EXIT_USAGE,
                                 _("--set, --horizon, --material, --view, --year, --size, "
                                   "--scale, --transparent, --output, --bands and --seed need "
                                   "--summary, --csv, --export, --save-as, --sensitivity or "
                                   "--optimise"));
          return LODE_CLI_DONE;
        }

      gui = g_ptr_array_new ();
      g_ptr_array_add (gui, g_strdup (args[0]));
      for (guint i = 0; o.files != NULL && o.files[i] != NULL; i++)
        g_ptr_array_add (gui, g_strdup (o.files[i]));
      g_ptr_array_add (gui, NULL);
      if (out_gui_argv != NULL)
        *out_gui_argv = (char **) g_ptr_array_free (gui, FALSE);
      else
        g_strfreev ((char **) g_ptr_array_free (gui, FALSE));
      return LODE_CLI_START_GUI;
    }

  *out_exit_code = run_headless (&o);
  return LODE_CLI_DONE;
}
