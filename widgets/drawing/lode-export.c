/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-export.c — pages (a view, its footer) painted with Cairo and written as PNG, SVG, PDF. */

#define G_LOG_DOMAIN "lode-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "lode-cards-paint.h"
#include "lode-chart-layout.h"
#include "lode-chart-paint.h"
#include "lode-export.h"
#include "lode-flow-layout.h"
#include "lode-flow-paint.h"
#include "lode-palette.h"
#include "lode-text.h"
#include "lode-headlines.h"
#include "lode-output-file.h"

/* Type sizes at font scale 1, in page units. */
#define FOOTER_PX     13.0
#define TITLE_PX      30.0
#define SUBTITLE_PX   16.0
#define MARGIN_PX     24.0
#define HEADING_PX    16.0

/* A single view fills the page, so its type can be larger than on the composed slide. */
#define SINGLE_VIEW_BOOST 1.3

/* How many sources the footer names before it counts the rest. */
#define FOOTER_SOURCES 4

G_DEFINE_QUARK (lode-export-error-quark, lode_export_error)

/* Helpers */

static const char * const format_extensions[LODE_EXPORT_N_FORMATS] = { "png", "svg", "pdf" };

static int
clamp_year (const LodeProjection *projection,
            int                   year)
{
  return CLAMP (year, projection->base_year, projection->horizon);
}

/* The scenario's title, or what an untitled one is called, cut to what a page can show before
 * any of it is shaped: Pango would lay out all of a 10 MiB title before ellipsising it. */
static char *
dup_request_title (const LodeExportRequest *req)
{
  return lode_dup_shown_text (req->title != NULL && req->title[0] != '\0' ?
                              req->title : _("Untitled Scenario"),
                              -1, LODE_SCENARIO_MAX_TITLE_CHARS);
}

/* The heading over an exported diagram, also the slide's subtitle. */
static char *
dup_view_heading (int year)
{
  /* Translators: the heading of an exported flow diagram and the subtitle of an exported
   * slide; %d is a year. */
  return g_strdup_printf (_("The rare-earth supply chain from mine to magnet in %d"), year);
}

/* How a source is cited by the dataset. */
typedef struct
{
  guint seen;          /* numbers seen in the source or derived from it (basis S or D) */
  guint total;         /* all numbers citing it */
  guint non_project;   /* numbers other than a project's capacity and capex */
} SourceTally;

typedef struct
{
  const char *name;    /* short name shown in the footer */
  guint       seen;
  guint       total;
} SourceCount;

static void
tally_one (GHashTable      *tallies,
           const char      *id,
           const LodeCited *cited,
           gboolean         project)
{
  SourceTally *tally = g_hash_table_lookup (tallies, id);

  if (tally == NULL)
    {
      tally = g_new0 (SourceTally, 1);
      g_hash_table_insert (tallies, (gpointer) g_intern_string (id), tally);
    }
  tally->total++;
  if (cited->basis == LODE_BASIS_SEEN || cited->basis == LODE_BASIS_DERIVED)
    tally->seen++;
  if (!project)
    tally->non_project++;
}

/* A number may cite several sources ("ARU MOLY LODE"): each is credited on its own, so a
 * company's filing counts as a company filing wherever it is cited. */
static void
tally_cited (GHashTable      *tallies,
             const LodeCited *cited,
             gboolean         project)
{
  g_auto(GStrv) ids = NULL;

  if (cited->source == NULL || cited->source[0] == '\0')
    return;
  ids = g_strsplit (cited->source, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (ids[i][0] != '\0')
      tally_one (tallies, ids[i], cited, project);
}

static void
count_cited (GHashTable      *tallies,
             const LodeCited *cited)
{
  tally_cited (tallies, cited, FALSE);
}

static void
count_economics (GHashTable               *tallies,
                 const LodeStageEconomics *e)
{
  const LodeCited *fields[] = {
    &e->capex_west, &e->capex_asia, &e->overrun, &e->learning_rate, &e->opex_usd_kg,
    &e->permit_years, &e->build_years, &e->ramp[0], &e->ramp[1], &e->ramp[2], &e->ramp[3],
    &e->utilisation, &e->jobs_per_kt, &e->co2e_t_per_t, &e->residue_t_per_t,
    &e->tailings_t_per_t,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    count_cited (tallies, fields[i]);
}

/* Tallies how the dataset's numbers cite each source ID. */
static GHashTable *
tally_dataset_sources (const LodeDataset *ds)
{
  GHashTable *tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const LodeCited *globals[] = {
    &ds->separation_recovery, &ds->oxide_to_metal, &ds->metal_process_yield,
    &ds->ndpr_metal_per_magnet, &ds->magnet_yield, &ds->swarf_recycled_share,
    &ds->world_magnet_demand_t, &ds->magnet_service_life_years, &ds->recycling_capex_per_t,
    &ds->ndpr_price_2024_usd_kg, &ds->price_elasticity, &ds->shock_price_multiplier,
    &ds->china_quota_growth_pct, &ds->ex_china_cost_usd_kg, &ds->secondary_ndpr_oxide_t,
  };

  for (guint r = 0; r < ds->n_regions; r++)
    {
      const LodeRegion *region = &ds->regions[r];

      for (guint s = 0; s < LODE_N_STAGES; s++)
        {
          count_cited (tallies, &region->capacity[s]);
          count_cited (tallies, &region->production[s]);
        }
      count_cited (tallies, &region->ore_ndpr_share);
      count_cited (tallies, &region->magnet_demand_t);
    }
  for (guint i = 0; i < G_N_ELEMENTS (globals); i++)
    count_cited (tallies, globals[i]);
  for (guint u = 0; u < LODE_N_END_USES; u++)
    count_cited (tallies, &ds->end_use_share[u]);
  for (guint i = 0; i < 3; i++)
    {
      count_cited (tallies, &ds->growth_low_pct[i]);
      count_cited (tallies, &ds->growth_central_pct[i]);
      count_cited (tallies, &ds->growth_high_pct[i]);
    }
  for (guint s = 0; s < LODE_N_STAGES; s++)
    count_economics (tallies, &ds->stage[s]);
  for (guint p = 0; p < ds->n_projects; p++)
    {
      tally_cited (tallies, &ds->projects[p].capacity, TRUE);
      tally_cited (tallies, &ds->projects[p].capex_musd, TRUE);
    }
  return tallies;
}

/* Sources of seen (or derived) numbers first, then by how much they are cited, then by name:
 * estimates rank after what was read in a source. */
static int
compare_source_counts (gconstpointer a,
                       gconstpointer b)
{
  const SourceCount *x = a;
  const SourceCount *y = b;

  if (x->seen != y->seen)
    return x->seen > y->seen ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return strcmp (x->name, y->name);
}

static void
add_source_count (GArray     *names,
                  const char *name,
                  guint       seen,
                  guint       total)
{
  for (guint j = 0; j < names->len; j++)
    {
      SourceCount *known = &g_array_index (names, SourceCount, j);

      if (g_str_equal (known->name, name))
        {
          known->seen += seen;
          known->total += total;
          return;
        }
    }
  g_array_append_val (names, ((SourceCount) { name, seen, total }));
}

static void
append_rect_clip (cairo_t *cr,
                  double   x,
                  double   y,
                  double   w,
                  double   h)
{
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
}

/* Saves the state and moves the origin to a view's area, clipped to it; the caller paints in
 * area coordinates and restores. */
static void
begin_area (cairo_t *cr,
            double   x,
            double   y,
            double   w,
            double   h)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  append_rect_clip (cr, 0, 0, w, h);
}

static void
paint_flow (cairo_t                 *cr,
            const LodeExportRequest *req,
            const LodePalette       *palette,
            double                   font_scale,
            double                   x,
            double                   y,
            double                   w,
            double                   h)
{
  LodeFlowOptions options;
  LodeFlowLayout *layout;

  if (w < 1 || h < 1)
    return;

  lode_flow_options_init (&options);
  options.font_scale = font_scale;

  layout = lode_flow_layout_new (req->projection, req->year, w, h, &options);
  begin_area (cr, x, y, w, h);
  lode_flow_paint (cr, layout, palette);
  cairo_restore (cr);
  lode_flow_layout_free (layout);
}

static void
paint_chart (cairo_t                 *cr,
             const LodeExportRequest *req,
             const LodePalette       *palette,
             double                   font_scale,
             double                   x,
             double                   y,
             double                   w,
             double                   h)
{
  LodeChartOptions options;
  LodeChartLayout *layout;

  if (w < 1 || h < 1)
    return;

  lode_chart_options_init (&options);
  options.font_scale = font_scale;
  options.target_share = req->target_share;
  options.selected_year = req->year;
  options.price_floor_usd_kg = req->price_floor_usd_kg;
  options.price_floor_start_year = req->price_floor_start_year;
  options.price_floor_years = req->price_floor_years;

  layout = lode_chart_layout_new (req->chart, req->projection, req->baseline, w, h, &options);
  begin_area (cr, x, y, w, h);
  lode_chart_paint (cr, layout, palette);
  cairo_restore (cr);
  lode_chart_layout_free (layout);
}

static void
paint_cards (cairo_t                 *cr,
             const LodeExportRequest *req,
             const LodePalette       *palette,
             double                   font_scale,
             double                   x,
             double                   y,
             double                   w,
             double                   h)
{
  LodeHeadlines headlines;

  if (w < 1 || h < 1)
    return;

  lode_headlines_compute (req->projection, req->baseline, req->target_share, &headlines);
  cairo_save (cr);
  append_rect_clip (cr, x, y, w, h);
  lode_cards_paint (cr, &headlines, x, y, w, h, font_scale, palette);
  cairo_restore (cr);
}

/* Draws one line of text ending with an ellipsis if it is wider than `max_width`; returns the
 * width drawn. */
static double
draw_line (cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         max_width,
           double         size,
           LodeTextFlags  flags,
           double         align,
           LodeRgba       colour)
{
  g_autoptr(PangoLayout) layout = lode_text_layout (cr, text, size, flags);
  PangoRectangle logical;

  if (max_width <= 0)
    return 0;
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  lode_cairo_set_rgba (cr, colour);
  cairo_move_to (cr, x - align * logical.width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return (double) logical.width / PANGO_SCALE;
}

/* The footer along the bottom of the page: a rule, then "Title · 2035", the data sources and
 * "Lodestone X.Y" at the right. Returns the height it takes above the bottom margin. */
static double
paint_footer (cairo_t                 *cr,
              const LodeExportRequest *req,
              const LodePalette       *palette,
              double                   font_scale,
              double                   width,
              double                   height,
              double                   margin)
{
  double size = FOOTER_PX * font_scale;
  double text_h, gap, top, x, right_w, left_w, year_w;
  g_autofree char *year = g_strdup_printf ("  ·  %d  ·  ", req->year);
  g_autofree char *program = g_strdup_printf ("Lodestone %s", PACKAGE_VERSION_SHORT);
  g_autofree char *sources =
    lode_export_dup_sources_text (lode_projection_get_dataset (req->projection), FALSE);
  g_autofree char *title = dup_request_title (req);
  double inner = width - 2 * margin;

  lode_text_measure ("Ag", size, LODE_TEXT_NORMAL, NULL, &text_h);
  gap = 0.6 * size;
  top = height - margin - text_h;

  /* The rule that separates the view from its caption. */
  cairo_save (cr);
  lode_cairo_set_rgba (cr, palette->grid);
  cairo_set_line_width (cr, MAX (1.0, 0.08 * size));
  cairo_move_to (cr, margin, top - gap);
  cairo_line_to (cr, width - margin, top - gap);
  cairo_stroke (cr);
  cairo_restore (cr);

  right_w = draw_line (cr, program, width - margin, top, inner / 4, size, LODE_TEXT_NORMAL,
                       1.0, palette->muted);
  x = margin;
  left_w = draw_line (cr, title, x, top, inner * 0.4, size, LODE_TEXT_BOLD, 0.0,
                      palette->foreground);
  x += left_w;
  year_w = draw_line (cr, year, x, top, inner / 4, size, LODE_TEXT_NORMAL, 0.0,
                      palette->foreground);
  x += year_w;
  draw_line (cr, sources, x, top, width - margin - right_w - 2 * size - x, size,
             LODE_TEXT_NORMAL, 0.0, palette->muted);

  return text_h + 2 * gap;
}

/* The diagram on its own page, under a heading (a chart draws its own title). */
static void
paint_flow_view (cairo_t                 *cr,
                 const LodeExportRequest *req,
                 const LodePalette       *palette,
                 double                   fs,
                 double                   x,
                 double                   y,
                 double                   w,
                 double                   h)
{
  g_autofree char *heading = dup_view_heading (req->year);
  double heading_h;

  lode_text_measure (heading, HEADING_PX * fs, LODE_TEXT_BOLD, NULL, &heading_h);
  draw_line (cr, heading, x, y, w, HEADING_PX * fs, LODE_TEXT_BOLD, 0.0, palette->foreground);
  paint_flow (cr, req, palette, fs, x, y + heading_h, w, h - heading_h);
}

static void
paint_slide (cairo_t                 *cr,
             const LodeExportRequest *req,
             const LodePalette       *palette,
             double                   fs,
             double                   x,
             double                   y,
             double                   w,
             double                   h)
{
  g_autofree char *title = dup_request_title (req);
  g_autofree char *subtitle = dup_view_heading (req->year);
  double title_h, subtitle_h, gap = 16 * fs, top, body_h, cards_h, main_h, flow_w, flow_h;

  lode_text_measure (title, TITLE_PX * fs, LODE_TEXT_BOLD, NULL, &title_h);
  lode_text_measure (subtitle, SUBTITLE_PX * fs, LODE_TEXT_NORMAL, NULL, &subtitle_h);
  draw_line (cr, title, x, y, w, TITLE_PX * fs, LODE_TEXT_BOLD, 0.0, palette->foreground);
  draw_line (cr, subtitle, x, y + title_h, w, SUBTITLE_PX * fs, LODE_TEXT_NORMAL, 0.0,
             palette->muted);

  top = y + title_h + subtitle_h + gap;
  body_h = y + h - top;
  cards_h = CLAMP (0.2 * body_h, 80 * fs, 105 * fs);
  cards_h = MIN (cards_h, 0.4 * body_h);
  main_h = body_h - cards_h - gap;

  if (w / body_h >= 1.9)
    {
      /* Wide pages (16:9): the diagram and the chart side by side. */
      flow_w = floor (0.58 * (w - gap));
      paint_flow (cr, req, palette, fs, x, top, flow_w, main_h);
      paint_chart (cr, req, palette, fs, x + flow_w + gap, top, w - flow_w - gap, main_h);
    }
  else
    {
      /* Squarer pages (4:3, A4): the diagram needs the full width; the chart goes below. */
      flow_h = floor (0.68 * (main_h - gap));
      paint_flow (cr, req, palette, fs, x, top, w, flow_h);
      paint_chart (cr, req, palette, fs, x, top + flow_h + gap, w, main_h - flow_h - gap);
    }
  paint_cards (cr, req, palette, fs, x, y + h - cards_h, w, cards_h);
}

static cairo_status_t
append_to_byte_array_cb (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_RENDER,
               _("Could not draw the page: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Public API */

void
lode_export_request_init (LodeExportRequest    *req,
                          const LodeProjection *projection,
                          const LodeProjection *baseline,
                          const char           *title)
{
  g_return_if_fail (req != NULL);
  g_return_if_fail (projection != NULL);

  *req = (LodeExportRequest) {
    .view = LODE_EXPORT_VIEW_FLOW,
    .chart = LODE_CHART_CHINA_FREE,
    .projection = projection,
    .baseline = baseline,
    .title = title,
    .year = clamp_year (projection, projection->base_year + 11),
    .target_share = 0.5,
    .transparent = FALSE,
  };
}

void
lode_export_request_apply_scenario (LodeExportRequest *req,
                                    LodeScenario      *scenario)
{
  LodeChartKind chart;
  int year;

  g_return_if_fail (req != NULL && req->projection != NULL);
  g_return_if_fail (LODE_IS_SCENARIO (scenario));

  req->title = lode_scenario_get_title (scenario);
  if (lode_chart_kind_from_id (lode_scenario_get_chart (scenario), &chart))
    req->chart = chart;
  year = lode_scenario_get_selected_year (scenario);
  if (year >= req->projection->base_year && year <= req->projection->horizon)
    req->year = year;
  req->price_floor_usd_kg =
    lode_scenario_get_lever (scenario, LODE_LEVER_POLICY_PRICE_FLOOR_USD_KG);
  req->price_floor_start_year =
    (int) lode_scenario_get_lever (scenario, LODE_LEVER_POLICY_PRICE_FLOOR_START_YEAR);
  req->price_floor_years =
    (int) lode_scenario_get_lever (scenario, LODE_LEVER_POLICY_PRICE_FLOOR_YEARS);
}

gboolean
lode_export_parse_view (const char      *text,
                        LodeExportView  *out_view,
                        LodeChartKind   *out_chart,
                        GError         **error)
{
  LodeExportView view;
  LodeChartKind chart = LODE_CHART_CHINA_FREE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_str_equal (text, "flow"))
    view = LODE_EXPORT_VIEW_FLOW;
  else if (g_str_equal (text, "slide"))
    view = LODE_EXPORT_VIEW_SLIDE;
  else if (g_str_has_prefix (text, "chart:")
           && lode_chart_kind_from_id (text + strlen ("chart:"), &chart))
    view = LODE_EXPORT_VIEW_CHART;
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (int k = 0; k < LODE_N_CHARTS; k++)
        g_string_append_printf (names, "%schart:%s", k > 0 ? ", " : "",
                                lode_chart_kind_id (k));
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   _("Unknown view “%s”: use flow, slide or one of %s"), text, names->str);
      return FALSE;
    }

  if (out_view != NULL)
    *out_view = view;
  if (out_chart != NULL)
    *out_chart = chart;
  return TRUE;
}

char *
lode_export_view_to_id (LodeExportView view,
                        LodeChartKind  chart)
{
  switch (view)
    {
    case LODE_EXPORT_VIEW_SLIDE:
      return g_strdup ("slide");
    case LODE_EXPORT_VIEW_CHART:
      return g_strdup_printf ("chart:%s", lode_chart_kind_id (chart));
    case LODE_EXPORT_VIEW_FLOW:
    default:
      return g_strdup ("flow");
    }
}

const char *
lode_export_format_extension (LodeExportFormat format)
{
  g_return_val_if_fail (format < LODE_EXPORT_N_FORMATS, "png");
  return format_extensions[format];
}

const char *
lode_export_format_mime_type (LodeExportFormat format)
{
  static const char * const types[LODE_EXPORT_N_FORMATS] = {
    "image/png", "image/svg+xml", "application/pdf",
  };

  g_return_val_if_fail (format < LODE_EXPORT_N_FORMATS, "image/png");
  return types[format];
}

gboolean
lode_export_format_from_path (const char       *path,
                              LodeExportFormat *out_format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  for (guint f = 0; f < LODE_EXPORT_N_FORMATS; f++)
    if (g_ascii_strcasecmp (dot + 1, format_extensions[f]) == 0)
      {
        if (out_format != NULL)
          *out_format = f;
        return TRUE;
      }
  return FALSE;
}

void
lode_export_size_get (LodeExportSize    size,
                      LodeExportFormat  format,
                      int              *out_width,
                      int              *out_height)
{
  int w, h;

  switch (size)
    {
    case LODE_EXPORT_SIZE_STANDARD:
      w = 1600, h = 1200;
      break;
    case LODE_EXPORT_SIZE_A4_LANDSCAPE:
      if (format == LODE_EXPORT_FORMAT_PNG)
        w = 1754, h = 1240;    /* 150 dpi; 2× is a 300 dpi print */
      else
        w = 842, h = 595;      /* points */
      break;
    case LODE_EXPORT_SIZE_WIDESCREEN:
    case LODE_EXPORT_SIZE_CUSTOM:
    case LODE_EXPORT_N_SIZES:
    default:
      w = 1920, h = 1080;
      break;
    }
  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
}

gboolean
lode_export_parse_size (const char        *text,
                        LodeExportFormat   format,
                        int               *out_width,
                        int               *out_height,
                        GError           **error)
{
  static const struct { const char *name; LodeExportSize size; } presets[] = {
    { "16:9", LODE_EXPORT_SIZE_WIDESCREEN },
    { "4:3", LODE_EXPORT_SIZE_STANDARD },
    { "a4", LODE_EXPORT_SIZE_A4_LANDSCAPE },
  };
  g_auto(GStrv) parts = NULL;
  guint64 w = 0, h = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (text, presets[i].name) == 0)
      {
        int pw, ph;

        lode_export_size_get (presets[i].size, format, &pw, &ph);
        if (out_width != NULL)
          *out_width = pw;
        if (out_height != NULL)
          *out_height = ph;
        return TRUE;
      }

  if (strstr (text, "×") != NULL)
    parts = g_strsplit (text, "×", 2);
  else
    parts = g_strsplit_set (text, "xX", 2);
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT, &h, NULL))
    {
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   _("Bad size “%s”: use WIDTHxHEIGHT such as 1920x1080, or 16:9, 4:3 or a4"),
                   text);
      return FALSE;
    }
  if (!lode_export_check_size (format, (int) w, (int) h, 1, error))
    return FALSE;

  if (out_width != NULL)
    *out_width = (int) w;
  if (out_height != NULL)
    *out_height = (int) h;
  return TRUE;
}

gboolean
lode_export_check_size (LodeExportFormat   format,
                        int                width,
                        int                height,
                        int                scale,
                        GError           **error)
{
  if (width < LODE_EXPORT_MIN_SIDE || height < LODE_EXPORT_MIN_SIDE
      || width > LODE_EXPORT_MAX_SIDE || height > LODE_EXPORT_MAX_SIDE)
    {
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   _("Bad size %d × %d: width and height must be between %d and %d"),
                   width, height, LODE_EXPORT_MIN_SIDE, LODE_EXPORT_MAX_SIDE);
      return FALSE;
    }
  if (scale < 1 || scale > LODE_EXPORT_MAX_SCALE)
    {
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   _("Bad scale %d: use 1, 2 or 3"), scale);
      return FALSE;
    }
  if (format == LODE_EXPORT_FORMAT_PNG
      && (width * scale > LODE_EXPORT_MAX_PIXELS || height * scale > LODE_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   _("Image too large: %d × %d at %d× is over %d pixels wide or high"),
                   width, height, scale, LODE_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  return TRUE;
}

double
lode_export_font_scale (double width,
                        double height)
{
  double area = sqrt ((width * height) / (1920.0 * 1080.0));
  double narrow = 1.2 * MIN (width / 1920.0, height / 1080.0);

  return 1.4 * MIN (area, narrow);
}

char *
lode_export_dup_sources_text (const LodeDataset *dataset,
                              gboolean           all)
{
  g_autoptr(GHashTable) tallies = NULL;
  g_autoptr(GArray) names = NULL;
  g_autoptr(GString) text = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint shown, n_filings = 0;

  g_return_val_if_fail (dataset != NULL, NULL);

  tallies = tally_dataset_sources (dataset);
  names = g_array_new (FALSE, FALSE, sizeof (SourceCount));

  /* In the short form, the announcements behind the project pipeline count together as
   * company filings, named last. Several IDs may share a short name: their counts add up.
   * IDs the dataset does not describe show as themselves. */
  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LodeSource *source = lode_dataset_find_source (dataset, key);
      const SourceTally *tally = value;
      const char *name = source != NULL && source->short_name != NULL
                         && source->short_name[0] != '\0' ? source->short_name : key;

      if (!all && tally->non_project < tally->total)
        n_filings++;
      else
        add_source_count (names, name, tally->seen, tally->total);
    }
  g_array_sort (names, compare_source_counts);

  text = g_string_new (_("Data:"));
  shown = all ? names->len : MIN (names->len, FOOTER_SOURCES - (n_filings > 0 ? 1 : 0));
  for (guint j = 0; j < shown; j++)
    g_string_append_printf (text, "%s %s", j > 0 ? ";" : "",
                            g_array_index (names, SourceCount, j).name);
  if (n_filings > 0)
    /* Translators: in an export's footer, "Data: USGS MCS 2025; …; company filings". */
    g_string_append_printf (text, "%s %s", shown > 0 ? ";" : "", _("company filings"));
  if (shown < names->len)
    {
      guint rest = names->len - shown;

      g_string_append (text, "; ");
      /* Translators: ends the list of data sources in an export's footer. */
      g_string_append_printf (text, ngettext ("%u more source", "%u more sources", rest), rest);
    }
  if (names->len == 0 && n_filings == 0)
    g_string_append_printf (text, " %s", dataset->id != NULL ? dataset->id : "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
lode_export_dup_caption (const LodeExportRequest *req)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (req != NULL, NULL);

  title = dup_request_title (req);
  return g_strdup_printf ("%s · %d · Lodestone %s", title, req->year, PACKAGE_VERSION_SHORT);
}

void
lode_export_paint_page (cairo_t                 *cr,
                        const LodeExportRequest *req,
                        double                   width,
                        double                   height)
{
  LodePalette palette;
  LodeExportRequest page;
  double fs, view_fs, margin, footer_h, x, y, w, h;
  gboolean screen;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (req != NULL && req->projection != NULL);

  page = *req;
  page.year = clamp_year (req->projection, req->year);

  lode_palette_init_light (&palette, lode_projection_get_dataset (req->projection));
  if (req->transparent)
    palette.background.a = 0.0;

  screen = req->screen_font_scale > 0;
  fs = screen ? req->screen_font_scale : lode_export_font_scale (width, height);
  view_fs = screen ? fs : fs * SINGLE_VIEW_BOOST;
  margin = round (MARGIN_PX * fs);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (!req->transparent)
    {
      lode_cairo_set_rgba (cr, palette.background);
      cairo_paint (cr);
    }

  footer_h = paint_footer (cr, &page, &palette, fs, width, height, margin);
  x = margin;
  y = margin;
  w = width - 2 * margin;
  h = height - 2 * margin - footer_h;

  switch (page.view)
    {
    case LODE_EXPORT_VIEW_CHART:
      paint_chart (cr, &page, &palette, view_fs, x, y, w, h);
      break;
    case LODE_EXPORT_VIEW_SLIDE:
      paint_slide (cr, &page, &palette, fs, x, y, w, h);
      break;
    case LODE_EXPORT_VIEW_FLOW:
    default:
      if (screen)
        paint_flow (cr, &page, &palette, view_fs, x, y, w, h);
      else
        paint_flow_view (cr, &page, &palette, view_fs, x, y, w, h);
      break;
    }
  cairo_restore (cr);
}

GBytes *
lode_export_to_bytes (const LodeExportRequest  *req,
                      LodeExportFormat          format,
                      int                       width,
                      int                       height,
                      int                       scale,
                      GError                  **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  LodeExportRequest page;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (req != NULL && req->projection != NULL, NULL);
  g_return_val_if_fail (format < LODE_EXPORT_N_FORMATS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lode_export_check_size (format, width, height, scale, error))
    return NULL;

  page = *req;
  bytes = g_byte_array_new ();

  switch (format)
    {
    case LODE_EXPORT_FORMAT_SVG:
      page.transparent = FALSE;
      surface = cairo_svg_surface_create_for_stream (append_to_byte_array_cb, bytes,
                                                     width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case LODE_EXPORT_FORMAT_PDF:
      {
        g_autofree char *caption = lode_export_dup_caption (&page);
        g_autofree char *sources =
          lode_export_dup_sources_text (lode_projection_get_dataset (page.projection), TRUE);
        g_autofree char *creator = g_strdup_printf ("Lodestone %s", PACKAGE_VERSION_SHORT);

        page.transparent = FALSE;
        surface = cairo_pdf_surface_create_for_stream (append_to_byte_array_cb, bytes,
                                                       width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, caption);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, sources);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
      }
      break;
    case LODE_EXPORT_FORMAT_PNG:
    case LODE_EXPORT_N_FORMATS:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      break;
    }

  cr = cairo_create (surface);
  if (format == LODE_EXPORT_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  lode_export_paint_page (cr, &page, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == LODE_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_byte_array_cb, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
lode_export_to_file (const LodeExportRequest  *req,
                     LodeExportFormat          format,
                     int                       width,
                     int                       height,
                     int                       scale,
                     const char               *path,
                     GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = lode_export_to_bytes (req, format, width, height, scale, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!lode_output_file_write (path, data, length, &local_error))
    {
      g_set_error_literal (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_IO, local_error->message);
      return FALSE;
    }
  return TRUE;
}
