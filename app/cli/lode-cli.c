/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-cli.c — the headless command line: --summary, --csv, --export, --save-as, --list, and
 * the analyses (--sensitivity, --bands, --optimise: lode-cli-analyses.c). */

#define G_LOG_DOMAIN "lode-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lode-chart-layout.h"
#include "lode-cli-analyses.h"
#include "lode-cli.h"
#include "lode-cli-list.h"
#include "lode-cli-outputs.h"
#include "lode-export.h"
#include "lode-dataset.h"
#include "lode-explain.h"
#include "lode-figures.h"
#include "lode-format.h"
#include "lode-heap.h"
#include "lode-levers.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"
#include "lode-scenario.h"
#include "lode-text.h"

#define NO_NUMBER G_MININT

/* --set fund.alloc=A,B,C,D,E sets the five shares of the fund at once. */
#define ALLOC_ALL_ID "fund.alloc"

/* --help wraps the lever ids to this width. */
#define HELP_WIDTH 79

typedef struct
{
  gboolean   version;
  gboolean   summary;
  char      *export_path;
  char      *csv_path;
  char      *save_as_path;
  char      *view;
  char      *material;
  char      *explain;
  int        year;
  char      *size;
  int        scale;
  gboolean   transparent;
  gboolean   sources_page;
  int        horizon;
  char      *list;
  char      *title;
  char      *author;
  char      *notes;
  char     **sets;
  char     **files;
  LodeCliAnalysisOptions analyses;
} CliOptions;

/* The command line, parsed and checked. */
struct _LodeCliOptions
{
  CliOptions        o;
  char             *program;     /* argv[0] */
  gboolean          headless;
  const char       *file;        /* the scenario file, or NULL for the Baseline preset */
  LodeExportFormat  format;
  LodeExportView    view;
  LodeChartKind     chart;
  LodeMaterial      material;      /* the chain of --summary, --csv and --export's charts */
  LodeFlowMaterial  view_material; /* --material as given: a chain or the joint view */
  int               width;
  int               height;
};

G_DEFINE_QUARK (lode-cli-error-quark, lode_cli_error)

void
lode_cli_options_free (LodeCliOptions *options)
{
  CliOptions *o;

  if (options == NULL)
    return;
  o = &options->o;
  g_free (o->export_path);
  g_free (o->csv_path);
  g_free (o->save_as_path);
  g_free (o->view);
  g_free (o->material);
  g_free (o->explain);
  g_free (o->size);
  g_free (o->list);
  g_free (o->title);
  g_free (o->author);
  g_free (o->notes);
  g_strfreev (o->sets);
  g_strfreev (o->files);
  lode_cli_analysis_options_clear (&o->analyses);
  g_free (options->program);
  g_free (options);
}

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

static char *
describe_materials (void)
{
  GString *text = g_string_new (NULL);

  for (int m = 0; m < LODE_FLOW_N_MATERIALS; m++)
    g_string_append_printf (text, "  %-24s %s\n", lode_flow_material_id (m),
                            lode_flow_material_description (m));
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
      N_("Write one row per year and one column per figure to a CSV file, or with - print "
         "it"), N_("OUT.csv") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o->export_path,
      N_("Export a picture; the extension picks PNG, SVG or PDF"), N_("OUT.png|svg|pdf") },
    { "save-as", 0, 0, G_OPTION_ARG_FILENAME, &o->save_as_path,
      N_("Write the scenario, with any --set applied, to a file"), N_("OUT.lodestone") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
      N_("Set a lever (ally.REGION=0|1 and project.ID=0|1 switch allies and projects; "
         "fund.alloc=A,B,C,D,E sets the five fund shares exactly); repeatable"),
      N_("ID=VALUE") },
    { "list", 0, 0, G_OPTION_ARG_STRING, &o->list,
      N_("List the lever, project, region, chart or material ids with their names, units, "
         "ranges, defaults and sources"), N_("levers|projects|regions|charts|materials") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o->title,
      N_("The scenario's title, for --save-as and in an export's footer"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &o->author,
      N_("The scenario's author, for --save-as"), N_("NAME") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &o->notes,
      N_("The scenario's notes (what it explores), for --save-as"), N_("TEXT") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &o->horizon,
      N_("Last year of the projection (default 2040, up to 2060)"), N_("YEAR") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &o->view,
      N_("What to export: flow (default), flow-diff (against the Baseline), slide or "
         "chart:NAME"), N_("VIEW") },
    { "material", 0, 0, G_OPTION_ARG_STRING, &o->material,
      N_("The material whose chain --summary, --csv and --export show: ndpr (default), heavy "
         "or sm; joint for the diagram of --export (see below)"), N_("MATERIAL") },
    { "explain", 0, 0, G_OPTION_ARG_STRING, &o->explain,
      N_("Print how a figure of --year (default 2030) is made, term by term: "
         "china_free_share_us_demand, us_china_free_magnets_t, us_defence_need_met_share, "
         "ndpr_price_usd_kg, heavy_price_usd_kg, sm_price_usd_kg, fund_unabsorbed_busd or "
         "fund_npv_busd"),
      N_("KEY") },
    { "year", 0, 0, G_OPTION_ARG_INT, &o->year,
      N_("Year shown by the flow diagram and marked on charts, or explained"), N_("YEAR") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o->size,
      N_("Page size: WIDTHxHEIGHT, 16:9 (default, 1920x1080), 4:3 or a4"), N_("SIZE") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &o->scale,
      N_("Pixel density of a PNG: 1, 2 or 3 (SVG and PDF ignore it)"), N_("N") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &o->transparent,
      N_("Leave a PNG's background transparent"), NULL },
    { "sources-page", 0, 0, G_OPTION_ARG_NONE, &o->sources_page,
      N_("Add pages listing every data source, with what it feeds, to a PDF"), NULL },
    { "sensitivity", 0, 0, G_OPTION_ARG_FILENAME, &o->analyses.sensitivity_path,
      N_("Write what matters most (every lever and estimate swung over its range) to a CSV "
         "file, or with - print it"), N_("OUT.csv") },
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
  g_autofree char *lever_ids = lode_cli_dup_lever_ids (2, HELP_WIDTH);
  g_autofree char *materials = describe_materials ();
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
      "Materials for --material (the diagram draws the material's chain, and the\n"
      "self-sufficiency, capacity and price charts show it; joint shows NdPr's):\n%s\n"
      "Lever ids for --set ID=VALUE (--list levers gives their units, ranges, defaults and "
      "sources; --list projects and --list regions the ids for project.ID and ally.ID):\n%s\n"
      "Exit status: 0 success, 1 a file could not be read or written, 2 a usage error.\n\n"
      "Examples:\n"
      "  lodestone --summary --set fund.size_busd=50 --horizon 2050\n"
      "  lodestone plan.lodestone --export slide.png --view slide --year 2035 --scale 2\n"
      "  lodestone --export price.pdf --view chart:price --size a4\n"
      "  lodestone plan.lodestone --csv figures.csv\n"
      "  lodestone --save-as push.lodestone --set fund.size_busd=100 --title \"Big push\"\n"
      "  lodestone --summary --set fund.size_busd=25 --set fund.alloc=50,20,10,15,5\n"
      "  lodestone --export heavy.png --material heavy --year 2026\n"
      "  lodestone --list levers\n"
      "  lodestone --sensitivity tornado.csv --year 2035\n"
      "  lodestone --csv bands.csv --bands 1000\n"
      "  lodestone --optimise share=0.5,year=2030 --save-as plan.lodestone\n"),
    charts, materials, lever_ids);
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

/* --set fund.alloc=A,B,C,D,E: the five shares exactly, in stage order then recycling. */
static gboolean
apply_allocation (LodeScenario  *scenario,
                  const char    *values,
                  GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (values, ",", -1);
  double shares[LODE_N_ALLOC];

  if (g_strv_length (parts) != LODE_N_ALLOC)
    {
      g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                   _("give five shares separated by commas, for mining, separation, metal "
                     "making, magnet plants and recycling, adding up to 100 (e.g. "
                     "fund.alloc=15,35,15,30,5)"));
      return FALSE;
    }
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_strstrip (parts[i]);
      if (!lode_lever_parse (LODE_LEVER_ALLOC_FIRST + i, parts[i], &shares[i], error))
        return FALSE;
    }
  return lode_scenario_set_allocation (scenario, shares, error);
}

/* --set ID=VALUE: a lever, or ally.REGION=0|1, or project.ID=0|1, or fund.alloc=A,B,C,D,E.
 * *out_rescaled is set when a single share moved the others. */
static gboolean
apply_set (LodeScenario  *scenario,
           const char    *text,
           gboolean      *out_rescaled,
           GError       **error)
{
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);
  const char *eq = strchr (text, '=');
  LodeLever lever;
  double value;

  if (eq != NULL && (gsize) (eq - text) == strlen (ALLOC_ALL_ID)
      && strncmp (text, ALLOC_ALL_ID, eq - text) == 0)
    return apply_allocation (scenario, eq + 1, error);

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
          g_autofree char *shown = lode_dup_shown_text (id, -1, 64);

          g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_UNKNOWN,
                       ally ? _("No region has the id “%s”")
                            : _("No project has the id “%s”"), shown);
          return FALSE;
        }
      if (!parse_flag (eq + 1, &flag))
        {
          g_autofree char *shown_id = lode_dup_shown_text (text, eq - text, 80);
          g_autofree char *shown = lode_dup_shown_text (eq + 1, -1, 40);

          g_set_error (error, LODE_LEVER_ERROR, LODE_LEVER_ERROR_NOT_A_NUMBER,
                       /* Translators: "ally.AU" or "project.ID", then the value given */
                       _("%s: “%s” is not 0 or 1"), shown_id, shown);
          return FALSE;
        }
      if (ally)
        lode_scenario_set_ally (scenario, (guint) index, flag);
      else
        lode_scenario_set_project_enabled (scenario, (guint) index, flag);
      return TRUE;
    }

  if (!lode_lever_parse_assignment (text, &lever, &value, error))
    return FALSE;
  if (lever >= LODE_LEVER_ALLOC_FIRST && lever < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
    *out_rescaled = TRUE;
  return lode_scenario_set_lever (scenario, lever, value, error);
}

/* One line on stderr after single shares were set: what the five now are, and how to set
 * them exactly. Not an error: the command goes on. */
static void
note_rescaled (LodeScenario *scenario)
{
  g_autoptr(GString) shares = g_string_new (NULL);
  double values[LODE_N_ALLOC];

  lode_scenario_get_allocation (scenario, values);
  for (guint i = 0; i < LODE_N_ALLOC; i++)
    {
      g_autofree char *number = lode_format_c_number (values[i], 6);

      g_string_append_printf (shares, "%s%s", i > 0 ? ", " : "", number);
    }
  g_printerr (_("lodestone: note: each --set fund.alloc.ID=VALUE rescales the other shares so "
                "the five add up to 100; they are now %s. To set all five exactly, use --set "
                "fund.alloc=MINE,SEPARATION,METAL,MAGNET,RECYCLING.\n"), shares->str);
}

/* --title, --author and --notes. After --set without --title, the title says the preset or
 * file was changed, and the notes (unless given) say how, so neither passes the changed plan
 * off as the one it came from. */
static void
apply_metadata (const CliOptions *o,
                LodeScenario     *scenario)
{
  gboolean changed = o->sets != NULL && o->sets[0] != NULL;

  if (o->title != NULL)
    lode_scenario_set_title (scenario, o->title);
  else if (changed)
    {
      /* Translators: the scenario title in an export's footer after --set changed it. */
      g_autofree char *title = g_strdup_printf (_("%s (modified)"),
                                                lode_scenario_get_title (scenario));

      lode_scenario_set_title (scenario, title);
    }
  if (o->author != NULL)
    lode_scenario_set_author (scenario, o->author);
  if (o->notes != NULL)
    lode_scenario_set_notes (scenario, o->notes);
  else if (changed)
    {
      g_autofree char *sets = g_strjoinv (", ", o->sets);
      const char *notes = lode_scenario_get_notes (scenario);
      /* Translators: appended to a scenario's notes by --save-as; %s lists the --set
       * assignments, "fund.size_busd=100, policy.tariff_pct=50". */
      g_autofree char *line = g_strdup_printf (_("Changed on the command line: %s."), sets);
      g_autofree char *all = notes[0] != '\0' ? g_strdup_printf ("%s\n\n%s", notes, line)
                                              : g_strdup (line);

      lode_scenario_set_notes (scenario, all);
    }
}

/* The scenario: FILE, or a copy of the Baseline preset (`preset`, read once: an export draws
 * it behind its charts too). */
static LodeScenario *
load_scenario (LodeDataset   *dataset,
               const char    *path,
               LodeScenario **out_preset,
               GError       **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      *out_preset = lode_scenario_load_preset (dataset, "baseline", error);
      return *out_preset != NULL ? lode_scenario_dup (*out_preset) : NULL;
    }
  file = g_file_new_for_commandline_arg (path);
  return lode_scenario_load_from_file (dataset, file, NULL, error);
}

/* --export: the view of `projection` on a page, with the Baseline preset behind the charts
 * (`preset`, when it was read already, else NULL). */
static int
export_picture (const LodeCliOptions         *options,
                LodeDataset                  *dataset,
                LodeScenario                 *scenario,
                LodeScenario                 *preset,
                const LodeProjection         *projection,
                const LodeCliAnalysisResults *results)
{
  const CliOptions *o = &options->o;
  LodeExportFormat format = options->format;
  g_autoptr(LodeScenario) base_scenario = NULL;
  g_autoptr(LodeProjection) baseline = NULL;
  g_autoptr(GError) error = NULL;
  LodeExportRequest req;

  /* The charts draw the Baseline preset behind the scenario, as the window does. */
  base_scenario = preset != NULL ? lode_scenario_dup (preset)
                                 : lode_scenario_load_preset (dataset, "baseline", &error);
  if (base_scenario == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  if (!lode_scenario_set_horizon (base_scenario, lode_scenario_get_horizon (scenario), &error))
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  baseline = lode_projection_run (dataset, base_scenario, &error);
  if (baseline == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);

  lode_export_request_init (&req, projection, baseline, NULL);
  /* The title says so when --set changed the plan (apply_metadata). */
  lode_export_request_apply_scenario (&req, scenario);
  req.view = options->view;
  if (options->view == LODE_EXPORT_VIEW_CHART)
    req.chart = options->chart;
  /* Without --material, the scenario's view. */
  if (o->material != NULL)
    req.material = options->view_material;
  if (o->year != NO_NUMBER)
    req.year = o->year;
  req.transparent = o->transparent && format == LODE_EXPORT_FORMAT_PNG;
  req.sources_page = o->sources_page;
  lode_cli_analyses_fill_request (results, &req);

  if (!lode_export_to_file (&req, format, options->width, options->height, o->scale,
                            o->export_path, &error))
    return fail (g_error_matches (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID)
                 ? LODE_CLI_EXIT_USAGE : LODE_CLI_EXIT_FAILURE, "%s", error->message);
  return LODE_CLI_EXIT_OK;
}

G_GNUC_PRINTF (2, 3)
static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE, format,
                                                args));
  va_end (args);
  return FALSE;
}

/* The files the run writes, in the order it writes them: --save-as last, so that a run that
 * fails on the way leaves the scenario it saves as it was. */
static guint
list_outputs (const CliOptions *o,
              LodeCliOutput     out[4])
{
  out[0] = (LodeCliOutput) { "--sensitivity", o->analyses.sensitivity_path,
                             LODE_CLI_OUTPUT_TABLE };
  out[1] = (LodeCliOutput) { "--csv", o->csv_path, LODE_CLI_OUTPUT_TABLE };
  out[2] = (LodeCliOutput) { "--export", o->export_path, LODE_CLI_OUTPUT_PICTURE };
  out[3] = (LodeCliOutput) { "--save-as", o->save_as_path, LODE_CLI_OUTPUT_SCENARIO };
  return 4;
}

/* Every usage error of a headless run, before anything is read or written. */
static gboolean
check_headless (LodeCliOptions  *options,
                GError         **error)
{
  CliOptions *o = &options->o;
  LodeCliOutput outputs[4];

  if (o->files != NULL && o->files[0] != NULL)
    {
      if (o->files[1] != NULL)
        {
          g_autofree char *first = g_filename_display_name (o->files[0]);
          g_autofree char *second = g_filename_display_name (o->files[1]);

          return usage_error (error,
                              _("Give at most one scenario file (got “%s” and “%s”)"),
                              first, second);
        }
      options->file = o->files[0];
    }
  if (o->material != NULL && !lode_flow_material_from_id (o->material, &options->view_material))
    return usage_error (error,
                        _("Unknown material “%s”: choose ndpr, heavy (dysprosium and terbium), "
                          "sm (samarium) or, for --export, joint"), o->material);
  options->material = lode_flow_material_chain (options->view_material);
  if (options->view_material == LODE_FLOW_MATERIAL_JOINT && (o->summary || o->csv_path != NULL))
    return usage_error (error,
                        _("--material joint is a view of the diagram for --export; --summary "
                          "and --csv always give the joint figures "
                          "(china_free_share_us_demand)"));
  if (o->explain != NULL && !g_strv_contains (lode_explain_keys (), o->explain))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) lode_explain_keys ());

      return usage_error (error, _("--explain %s: the figures that can be explained are %s"),
                          o->explain, known);
    }
  if (o->export_path == NULL && o->explain == NULL && o->analyses.sensitivity_path == NULL
      && o->year != NO_NUMBER)
    return usage_error (error, _("--year needs --export, --explain or --sensitivity"));
  if (o->export_path == NULL
      && (o->view != NULL || o->size != NULL || o->scale != NO_NUMBER || o->transparent
          || o->sources_page))
    return usage_error (error, _("--view, --size, --scale, --transparent and --sources-page "
                                 "need --export"));
  if (!lode_cli_outputs_check_names (outputs, list_outputs (o, outputs), error))
    return FALSE;
  if ((g_strcmp0 (o->csv_path, LODE_CLI_STDOUT) == 0 ||
       g_strcmp0 (o->analyses.sensitivity_path, LODE_CLI_STDOUT) == 0) &&
      (o->summary || o->explain != NULL || o->analyses.optimise != NULL))
    return usage_error (error, _("A table printed on standard output (“-”) cannot share it with "
                                 "--summary, --explain or --optimise: write the table to a "
                                 "file"));
  if (o->save_as_path == NULL && (o->author != NULL || o->notes != NULL))
    return usage_error (error, _("--author and --notes need --save-as"));
  if (o->save_as_path == NULL && o->export_path == NULL && o->title != NULL)
    return usage_error (error, _("--title needs --save-as or --export"));
  {
    g_autoptr(GError) analyses_error = NULL;

    /* The analyses' own checks (--output, --bands, --seed, --optimise), as usage errors. */
    if (!lode_cli_analyses_check (&o->analyses, o->csv_path != NULL, o->export_path != NULL,
                                  &analyses_error))
      return usage_error (error, "%s", analyses_error->message);
  }
  if (o->export_path == NULL)
    return TRUE;

  if (!lode_export_format_from_path (o->export_path, &options->format))
    {
      g_autofree char *shown = g_filename_display_name (o->export_path);

      return usage_error (error,
                          _("Cannot tell the format of “%s”: name it .png, .svg or .pdf"),
                          shown);
    }
  if (o->sources_page && options->format != LODE_EXPORT_FORMAT_PDF)
    return usage_error (error, _("--sources-page needs a PDF; a PNG or SVG lists its sources in "
                                 "the file's properties"));
  if (o->scale == NO_NUMBER)
    o->scale = 1;
  return (o->view == NULL ||
          lode_export_parse_view (o->view, &options->view, &options->chart, error)) &&
         (o->size == NULL ||
          lode_export_parse_size (o->size, options->format, &options->width, &options->height,
                                  error)) &&
         lode_export_check_size (options->format, options->width, options->height, o->scale,
                                 error);
}

static LodeCliOptions *
parse (int        argc,
       char     **argv,
       gboolean   with_help,
       GError   **error)
{
  g_autoptr(LodeCliOptions) options = g_new0 (LodeCliOptions, 1);
  CliOptions *o = &options->o;
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = g_new0 (char *, MAX (argc, 1) + 1);

  o->year = o->horizon = o->scale = NO_NUMBER;
  options->format = LODE_EXPORT_FORMAT_PNG;
  options->view = LODE_EXPORT_VIEW_FLOW;
  options->chart = LODE_CHART_CHINA_FREE;
  options->material = LODE_MATERIAL_NDPR;
  options->view_material = LODE_FLOW_MATERIAL_NDPR;
  options->width = 1920;
  options->height = 1080;
  lode_cli_analysis_options_init (&o->analyses);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (argc == 0)
    args[0] = g_strdup ("lodestone");

  context = build_context (o);
  /* --help prints and exits: only the real command line may do that. */
  g_option_context_set_help_enabled (context, with_help);
  if (!g_option_context_parse_strv (context, &args, error))
    return NULL;
  options->program = g_strdup (args[0]);
  if (o->version || o->list != NULL)
    return g_steal_pointer (&options);

  options->headless = o->summary || o->csv_path != NULL || o->export_path != NULL
                      || o->save_as_path != NULL || o->explain != NULL
                      || o->analyses.sensitivity_path != NULL || o->analyses.optimise != NULL;
  if (!options->headless &&
      (o->sets != NULL || o->horizon != NO_NUMBER || o->view != NULL || o->year != NO_NUMBER
       || o->size != NULL || o->scale != NO_NUMBER || o->transparent || o->material != NULL
       || o->sources_page || o->title != NULL || o->author != NULL || o->notes != NULL
       || lode_cli_analyses_wanted (&o->analyses)))
    {
      usage_error (error, _("--set, --horizon, --material, --view, --year, --size, --scale, "
                            "--transparent, --sources-page, --title, --author, --notes, "
                            "--output, --bands and --seed need --summary, --csv, --export, "
                            "--explain, --save-as, --sensitivity or --optimise"));
      return NULL;
    }
  if (options->headless && !check_headless (options, error))
    return NULL;

  return g_steal_pointer (&options);
}

LodeCliOptions *
lode_cli_parse (int      argc,
                char   **argv,
                GError **error)
{
  g_return_val_if_fail (argc >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (argc, argv, FALSE, error);
}

gboolean
lode_cli_options_get_headless (const LodeCliOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->headless;
}

/* lode_cli_options_apply(); *out_rescaled tells whether a single fund share moved the others. */
static gboolean
apply_options (const LodeCliOptions  *options,
               LodeScenario          *scenario,
               gboolean              *out_rescaled,
               GError               **error)
{
  const CliOptions *o = &options->o;

  *out_rescaled = FALSE;
  if (o->horizon != NO_NUMBER && !lode_scenario_set_horizon (scenario, o->horizon, error))
    {
      g_prefix_error (error, "--horizon %d: ", o->horizon);
      return FALSE;
    }
  for (guint i = 0; o->sets != NULL && o->sets[i] != NULL; i++)
    if (!apply_set (scenario, o->sets[i], out_rescaled, error))
      {
        /* The message names the id and the value (cut short): the argument is not repeated. */
        g_prefix_error (error, "--set: ");
        return FALSE;
      }
  if (o->year != NO_NUMBER && o->year > lode_scenario_get_horizon (scenario)
      && o->year <= LODE_MAX_HORIZON)
    return usage_error (error,
                        _("Bad year %d: the projection ends in %d; add --horizon %d to project "
                          "that far (up to %d)"),
                        o->year, lode_scenario_get_horizon (scenario), o->year,
                        LODE_MAX_HORIZON);
  if (o->year != NO_NUMBER
      && (o->year < LODE_BASE_YEAR || o->year > lode_scenario_get_horizon (scenario)))
    return usage_error (error, _("Bad year %d: choose a year from %d to %d"),
                        o->year, LODE_BASE_YEAR, lode_scenario_get_horizon (scenario));
  apply_metadata (o, scenario);
  return TRUE;
}

gboolean
lode_cli_options_apply (const LodeCliOptions  *options,
                        LodeScenario          *scenario,
                        GError               **error)
{
  gboolean rescaled;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (LODE_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return apply_options (options, scenario, &rescaled, error);
}

/* The chart an export shows (its own, or the scenario's on a slide), for the analyses it
 * needs; LODE_N_CHARTS for none. */
static LodeChartKind
exported_chart (const LodeCliOptions *options,
                LodeScenario         *scenario)
{
  LodeChartKind chart;

  if (options->o.export_path == NULL)
    return LODE_N_CHARTS;
  if (options->view == LODE_EXPORT_VIEW_CHART)
    return options->chart;
  if (options->view == LODE_EXPORT_VIEW_SLIDE
      && lode_chart_kind_from_id (lode_scenario_get_chart (scenario), &chart))
    return chart;
  return LODE_N_CHARTS;
}

/* What stdout gets: the optimiser's answer (already in `text`), then --summary's figures and
 * marginal values, then --explain's terms. */
static int
print_results (const LodeCliOptions         *options,
               const LodeProjection         *projection,
               const LodeCliAnalysisResults *results,
               GString                      *text)
{
  const CliOptions *o = &options->o;
  g_autoptr(GError) error = NULL;

  if (o->summary)
    {
      lode_figures_write_summary (projection, options->material, text);
      lode_cli_analyses_append_summary (results, text);
    }
  if (text->len > 0
      && (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0))
    return fail (LODE_CLI_EXIT_FAILURE, _("Cannot write the summary to standard output"));

  if (o->explain != NULL)
    {
      int year = o->year != NO_NUMBER ? o->year : MIN (2030, projection->horizon);
      g_autoptr(LodeExplanation) e = lode_explain (projection, o->explain, year, &error);
      g_autofree char *explained = NULL;

      if (e == NULL)
        return fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
      explained = lode_explanation_to_text (e);
      if (fputs (explained, stdout) < 0 || fflush (stdout) != 0)
        return fail (LODE_CLI_EXIT_FAILURE, _("Cannot write to standard output"));
    }
  return LODE_CLI_EXIT_OK;
}

/* --list WHAT: the table, then exit. */
static int
run_list (const CliOptions *o)
{
  g_autoptr(LodeDataset) dataset = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  LodeCliList list;

  if (!lode_cli_list_from_id (o->list, &list))
    return fail (LODE_CLI_EXIT_USAGE, _("Unknown list “%s”: choose %s"), o->list,
                 lode_cli_list_choices ());
  dataset = lode_dataset_load_default (&error);
  if (dataset == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  lode_cli_list_write (list, dataset, text);
  if (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0)
    return fail (LODE_CLI_EXIT_FAILURE, _("Cannot write the list to standard output"));
  return LODE_CLI_EXIT_OK;
}

static int
run_headless (LodeCliOptions *options)
{
  CliOptions *o = &options->o;
  g_autoptr(LodeDataset) dataset = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  g_autoptr(LodeScenario) preset = NULL;
  g_autoptr(LodeProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(LodeCliAnalysisResults) results = { NULL };
  LodeCliOutput outputs[4];
  LodeCliExit status;
  gboolean rescaled;

  /* Every file this run writes could be written, before the work (a thousand runs of --bands
   * took seconds before a missing folder was told). */
  if (!lode_cli_outputs_check_files (outputs, list_outputs (o, outputs), options->file, &error))
    return fail (error->domain == LODE_CLI_ERROR ? LODE_CLI_EXIT_USAGE : LODE_CLI_EXIT_FAILURE,
                 "%s", error->message);

  /* A short run's few MiB on huge pages; fonts load on a thread of Pango's while the dataset
   * loads here. */
  lode_heap_prefer_huge_pages ();
  if (o->export_path != NULL)
    lode_text_prepare ();

  dataset = lode_dataset_load_default (&error);
  if (dataset == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  scenario = load_scenario (dataset, options->file, &preset, &error);
  if (scenario == NULL)
    return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
  if (!apply_options (options, scenario, &rescaled, &error))
    return fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
  if (rescaled)
    note_rescaled (scenario);

  /* --optimise changes the scenario first; then what the outputs need. */
  status = lode_cli_analyses_run (&o->analyses, dataset, scenario, o->year, options->material,
                                  o->summary, exported_chart (options, scenario), text,
                                  &results, &error);
  if (status != LODE_CLI_EXIT_OK)
    return fail (status, "%s", error->message);

  if (o->summary || o->csv_path != NULL || o->export_path != NULL || o->explain != NULL)
    {
      projection = lode_projection_run (dataset, scenario, &error);
      if (projection == NULL)
        return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
    }

  if (o->csv_path != NULL)
    {
      g_autoptr(GString) csv = g_string_new (NULL);

      lode_cli_analyses_write_csv (&results, projection, options->material, csv);
      if (!lode_cli_output_write (o->csv_path, csv->str, csv->len, &error))
        return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
    }

  if (o->export_path != NULL)
    {
      int exported = export_picture (options, dataset, scenario, preset, projection,
                                     &results);

      if (exported != LODE_CLI_EXIT_OK)
        return exported;
    }

  /* Last: a run that failed on the way leaves the scenario file as it was. */
  if (o->save_as_path != NULL)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (o->save_as_path);

      if (!lode_scenario_save_to_file (scenario, out, NULL, &error))
        return fail (LODE_CLI_EXIT_FAILURE, "%s", error->message);
    }

  return print_results (options, projection, &results, text);
}

void
lode_cli_init_locale (void)
{
  const char *localedir = g_getenv ("LODESTONE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* What a successful command-line run printed must have reached standard output: --help and
 * --version print and exit without looking (GOption exits from inside the parse), so the
 * last flush is checked on the way out. The window's runs are not the command line's. */
static gboolean stdout_checked_at_exit;

static void
check_stdout_at_exit (void)
{
  if (stdout_checked_at_exit && (fflush (stdout) != 0 || ferror (stdout)))
    _exit (fail (LODE_CLI_EXIT_FAILURE, _("Cannot write to standard output")));
}

LodeCliResult
lode_cli_run (int    argc,
              char **argv,
              int   *out_exit_code,
              char ***out_gui_argv)
{
  static gboolean registered;
  g_autoptr(LodeCliOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *gui;

  g_return_val_if_fail (out_exit_code != NULL, LODE_CLI_DONE);

  *out_exit_code = LODE_CLI_EXIT_OK;
  if (out_gui_argv != NULL)
    *out_gui_argv = NULL;
  stdout_checked_at_exit = TRUE;
  if (!registered)
    registered = atexit (check_stdout_at_exit) == 0;

  options = parse (argc, argv, TRUE, &error);
  if (options == NULL && error->domain == G_OPTION_ERROR)
    {
      /* Translators: after a command-line error, e.g. "Unknown option --bogus" */
      *out_exit_code = fail (LODE_CLI_EXIT_USAGE, _("%s (see “lodestone --help”)"),
                             error->message);
      return LODE_CLI_DONE;
    }
  if (options == NULL)
    {
      *out_exit_code = fail (LODE_CLI_EXIT_USAGE, "%s", error->message);
      return LODE_CLI_DONE;
    }

  if (options->o.version)
    {
      g_print ("lodestone %s\n", PACKAGE_VERSION);
      return LODE_CLI_DONE;
    }

  if (options->o.list != NULL)
    {
      *out_exit_code = run_list (&options->o);
      return LODE_CLI_DONE;
    }

  if (options->headless)
    {
      *out_exit_code = run_headless (options);
      /* A failed run has said why; a second message would only hide the first. */
      stdout_checked_at_exit = *out_exit_code == LODE_CLI_EXIT_OK;
      return LODE_CLI_DONE;
    }

  stdout_checked_at_exit = FALSE;
  gui = g_ptr_array_new ();
  g_ptr_array_add (gui, g_strdup (options->program));
  for (guint i = 0; options->o.files != NULL && options->o.files[i] != NULL; i++)
    g_ptr_array_add (gui, g_strdup (options->o.files[i]));
  g_ptr_array_add (gui, NULL);
  if (out_gui_argv != NULL)
    *out_gui_argv = (char **) g_ptr_array_free (gui, FALSE);
  else
    g_strfreev ((char **) g_ptr_array_free (gui, FALSE));
  return LODE_CLI_START_GUI;
}
