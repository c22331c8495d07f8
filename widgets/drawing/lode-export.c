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
#include "lode-flow-diff-layout.h"
#include "lode-flow-diff-paint.h"
#include "lode-flow-layout.h"
#include "lode-flow-paint.h"
#include "lode-format.h"
#include "lode-palette.h"
#include "lode-png.h"
#include "lode-text.h"
#include "lode-headlines.h"
#include "lode-export-private.h"
#include "lode-sources.h"
#include "lode-output-file.h"

/* Type sizes at font scale 1, in page units. */
#define FOOTER_PX     13.0
#define TITLE_PX      30.0
#define SUBTITLE_PX   16.0
#define MARGIN_PX     24.0
#define HEADING_PX    16.0

/* A single view fills the page, so its type can be larger than on the composed slide. */
#define SINGLE_VIEW_BOOST 1.3

/* The reference page for type: 1920 × 1080 gets REFERENCE_FONT_SCALE; narrow pages at most
 * NARROW_ALLOWANCE times their narrower side's share. */
#define REFERENCE_WIDTH       1920.0
#define REFERENCE_HEIGHT      1080.0
#define REFERENCE_FONT_SCALE  1.4
#define NARROW_ALLOWANCE      1.2

/* The footer: gaps and the rule's width as shares of its type size; the program's name and
 * the year take a quarter of the line at most, the title four tenths. */
#define FOOTER_GAP         0.6
#define FOOTER_RULE        0.08
#define FOOTER_SIDE_SHARE  0.25
#define FOOTER_TITLE_SHARE 0.4

/* The slide: a gap (× font scale), the cards' band (a fifth of the body, within a range, at
 * most four tenths), and how the diagram and the chart share the rest: side by side on wide
 * pages, the chart below on squarer ones. */
#define SLIDE_GAP_PX        16.0
#define SLIDE_CARDS_SHARE   0.2
#define SLIDE_CARDS_MIN_PX  80.0
#define SLIDE_CARDS_MAX_PX  105.0
#define SLIDE_CARDS_MAX     0.4
#define SLIDE_WIDE_FROM     1.9
#define SLIDE_FLOW_WIDTH    0.58
#define SLIDE_FLOW_HEIGHT   0.68

/* A chart's view id is this prefix and the chart's id: "chart:price". */
#define CHART_VIEW_PREFIX "chart:"

/* The preview: the page keeps this margin, px, casts a shadow this dark, and a transparent
 * page shows over a checkerboard of cells this size, px, in this grey. */
#define PREVIEW_MARGIN        6.0
#define PREVIEW_SHADOW_ALPHA  0.18
#define CHECKER_CELL          8
#define CHECKER_GREY          0.86
#define CHECKER_BLUE          0.88

/* How many sources the footer names at most before it counts the rest. */
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

/* The heading over an exported diagram, also the slide's subtitle: the chain it draws. */
static char *
dup_flow_heading (const LodeExportRequest *req)
{
  switch (req->material)
    {
    case LODE_FLOW_MATERIAL_HEAVY:
      /* Translators: the heading of an exported flow diagram of dysprosium and terbium and
       * the subtitle of an exported slide; %d is a year. */
      return g_strdup_printf (_("The dysprosium and terbium chain from mine to magnet in %d"),
                              req->year);
    case LODE_FLOW_MATERIAL_SM:
      /* Translators: as above, for samarium; %d is a year. */
      return g_strdup_printf (_("The samarium chain from mine to SmCo magnet in %d"),
                              req->year);
    case LODE_FLOW_MATERIAL_JOINT:
      /* Translators: as above, for the joint magnet view; %d is a year. */
      return g_strdup_printf (_("NdFeB magnets from mine to end use in %d, China content of "
                                "their NdPr and Dy + Tb together"), req->year);
    case LODE_FLOW_MATERIAL_NDPR:
    case LODE_FLOW_N_MATERIALS:
    default:
      /* Translators: the heading of an exported flow diagram and the subtitle of an exported
       * slide; %d is a year. */
      return g_strdup_printf (_("The rare-earth supply chain from mine to magnet in %d"),
                              req->year);
    }
}

/* The heading over an exported difference view. */
static char *
dup_flow_diff_heading (int year)
{
  /* Translators: the heading of an exported difference view; %d is a year */
  return g_strdup_printf (_("What changed in the supply chain in %d, against the baseline"),
                          year);
}

/* What every part of a page is painted with. */
typedef struct
{
  cairo_t                 *cr;
  const LodeExportRequest *req;
  const LodePalette       *palette;
} Page;

/* A part of the page, in page units. */
typedef struct
{
  double x, y, w, h;
} Area;

static void
append_rect_clip (cairo_t *cr,
                  Area     a)
{
  cairo_rectangle (cr, a.x, a.y, a.w, a.h);
  cairo_clip (cr);
}

/* Saves the state and moves the origin to a view's area, clipped to it; the caller paints in
 * area coordinates and restores. */
static void
begin_area (cairo_t *cr,
            Area     a)
{
  cairo_save (cr);
  cairo_translate (cr, a.x, a.y);
  append_rect_clip (cr, (Area) { 0, 0, a.w, a.h });
}

static void
paint_flow (const Page *page,
            double      font_scale,
            Area        a)
{
  LodeFlowOptions options;
  LodeFlowLayout *layout;

  if (a.w < 1 || a.h < 1)
    return;

  lode_flow_options_init (&options);
  options.font_scale = font_scale;
  lode_flow_options_set_view_material (&options, page->req->material);

  layout = lode_flow_layout_new (page->req->projection, page->req->year, a.w, a.h, &options);
  begin_area (page->cr, a);
  lode_flow_paint (page->cr, layout, page->palette);
  cairo_restore (page->cr);
  lode_flow_layout_free (layout);
}

static void
paint_chart (const Page *page,
             double      font_scale,
             Area        a)
{
  const LodeExportRequest *req = page->req;
  LodeChartOptions options;
  LodeChartLayout *layout;

  if (a.w < 1 || a.h < 1)
    return;

  lode_chart_options_init (&options);
  options.font_scale = font_scale;
  options.target_share = req->target_share;
  options.selected_year = req->year;
  options.price_floor = req->price_floor;
  options.material = lode_flow_material_chain (req->material);
  options.sensitivity = req->sensitivity;
  options.marginal = req->marginal;
  options.bands = req->bands;

  layout = lode_chart_layout_new (req->chart, req->projection, req->baseline, a.w, a.h,
                                  &options);
  begin_area (page->cr, a);
  lode_chart_paint (page->cr, layout, page->palette);
  cairo_restore (page->cr);
  lode_chart_layout_free (layout);
}

static void
paint_cards (const Page *page,
             double      font_scale,
             Area        a)
{
  const LodeExportRequest *req = page->req;
  LodeHeadlines headlines;

  if (a.w < 1 || a.h < 1)
    return;

  lode_headlines_compute (req->projection, req->baseline, req->target_share, &headlines);
  cairo_save (page->cr);
  append_rect_clip (page->cr, a);
  lode_cards_paint (page->cr, &headlines, a.x, a.y, a.w, a.h, font_scale, page->palette);
  cairo_restore (page->cr);
}

/* The difference view under a heading. */
static void
paint_flow_diff (const Page *page,
                 double      fs,
                 Area        a)
{
  g_autofree char *heading = dup_flow_diff_heading (page->req->year);
  LodeFlowDiffOptions options;
  LodeFlowDiffLayout *layout;
  double heading_h;

  lode_text_measure (heading, HEADING_PX * fs, LODE_TEXT_BOLD, NULL, &heading_h);
  lode_text_draw_line (page->cr, heading, a.x, a.y, a.w, HEADING_PX * fs, LODE_TEXT_BOLD, 0.0,
                       page->palette->foreground);
  a.y += heading_h;
  a.h -= heading_h;
  if (a.w < 1 || a.h < 1)
    return;
  lode_flow_diff_options_init (&options);
  options.font_scale = fs;
  layout = lode_flow_diff_layout_new (page->req->projection, page->req->baseline,
                                      page->req->year, a.w, a.h, &options);
  begin_area (page->cr, a);
  lode_flow_diff_paint (page->cr, layout, page->palette);
  cairo_restore (page->cr);
  lode_flow_diff_layout_free (layout);
}

/* "  ·  2035  ·  ", and the discount rate where the page shows money at present value (the
 * slide's cards, the fund chart): "  ·  2035  ·  NPV at 2% a year  ·  ". */
static char *
dup_footer_year (const LodeExportRequest *req)
{
  gboolean shows_npv = req->view == LODE_EXPORT_VIEW_SLIDE ||
                       (req->view == LODE_EXPORT_VIEW_CHART && req->chart == LODE_CHART_FUND);
  double percent = req->projection->fund.discount_rate * 100;
  g_autofree char *rate = NULL;

  if (!shows_npv)
    return g_strdup_printf ("  ·  %d  ·  ", req->year);
  rate = lode_format_percent (percent, fabs (percent - round (percent)) < 0.05 ? 0 : 1);
  /* Translators: the export footer: the year shown, then the fund's discount rate */
  return g_strdup_printf (_("  ·  %d  ·  NPV at %s a year  ·  "), req->year, rate);
}

char *
lode_export_dup_footer_sources (const LodeExportRequest *req,
                                double                   max_width,
                                double                   size)
{
  const LodeDataset *dataset = lode_projection_get_dataset (req->projection);

  for (guint named = FOOTER_SOURCES; named > 1; named--)
    {
      g_autofree char *credit = lode_sources_dup_credit_listed (dataset, named,
                                                                req->sources_listed);
      double w;

      lode_text_measure (credit, size, LODE_TEXT_NORMAL, &w, NULL);
      if (w <= max_width)
        return g_steal_pointer (&credit);
    }
  return lode_sources_dup_credit_listed (dataset, 1, req->sources_listed);
}

/* The footer along the bottom of the page: a rule, then "Title · 2035", the data sources and
 * "Lodestone X.Y" at the right; above them, what the analyses shown assume. Returns the
 * height it takes above the bottom margin. */
static double
paint_footer (const Page *page,
              double      font_scale,
              double      width,
              double      height,
              double      margin)
{
  cairo_t *cr = page->cr;
  const LodeExportRequest *req = page->req;
  const LodePalette *palette = page->palette;
  double size = FOOTER_PX * font_scale;
  double text_h, gap, top, x, right_w, left_w, year_w, sources_w;
  g_autofree char *year = dup_footer_year (req);
  g_autofree char *program = g_strdup_printf ("Lodestone %s", PACKAGE_VERSION_SHORT);
  g_autofree char *sources = NULL;   /* as many as fit in the room left (below) */
  g_autofree char *title = dup_request_title (req);
  g_autofree char *assumptions = lode_export_dup_assumptions (req);
  double inner = width - 2 * margin;
  double rule_y;

  lode_text_measure ("Ag", size, LODE_TEXT_NORMAL, NULL, &text_h);
  gap = FOOTER_GAP * size;
  top = height - margin - text_h;
  rule_y = assumptions != NULL ? top - 3 * gap - text_h : top - gap;

  /* The rule that separates the view from its caption. */
  cairo_save (cr);
  lode_cairo_set_rgba (cr, palette->grid);
  cairo_set_line_width (cr, MAX (1.0, FOOTER_RULE * size));
  cairo_move_to (cr, margin, rule_y);
  cairo_line_to (cr, width - margin, rule_y);
  cairo_stroke (cr);
  cairo_restore (cr);

  right_w = lode_text_draw_line (cr, program, width - margin, top, inner * FOOTER_SIDE_SHARE,
                                 size, LODE_TEXT_NORMAL, 1.0, palette->muted);
  x = margin;
  left_w = lode_text_draw_line (cr, title, x, top, inner * FOOTER_TITLE_SHARE, size,
                                LODE_TEXT_BOLD, 0.0, palette->foreground);
  x += left_w;
  year_w = lode_text_draw_line (cr, year, x, top, inner * FOOTER_SIDE_SHARE, size,
                                LODE_TEXT_NORMAL, 0.0, palette->foreground);
  x += year_w;
  sources_w = width - margin - right_w - 2 * size - x;
  sources = lode_export_dup_footer_sources (req, sources_w, size);
  lode_text_draw_line (cr, sources, x, top, sources_w, size, LODE_TEXT_NORMAL, 0.0,
                       palette->muted);

  if (assumptions != NULL)
    {
      lode_text_draw_line (cr, assumptions, margin, top - 2 * gap - text_h, inner, size,
                           LODE_TEXT_NORMAL, 0.0, palette->muted);
      return 2 * text_h + 4 * gap;
    }
  return text_h + 2 * gap;
}

/* The diagram on its own page, under a heading (a chart draws its own title). */
static void
paint_flow_view (const Page *page,
                 double      fs,
                 Area        a)
{
  g_autofree char *heading = dup_flow_heading (page->req);
  double heading_h;

  lode_text_measure (heading, HEADING_PX * fs, LODE_TEXT_BOLD, NULL, &heading_h);
  lode_text_draw_line (page->cr, heading, a.x, a.y, a.w, HEADING_PX * fs, LODE_TEXT_BOLD, 0.0,
                       page->palette->foreground);
  paint_flow (page, fs, (Area) { a.x, a.y + heading_h, a.w, a.h - heading_h });
}

static void
paint_slide (const Page *page,
             double      fs,
             Area        a)
{
  g_autofree char *title = dup_request_title (page->req);
  g_autofree char *subtitle = dup_flow_heading (page->req);
  double title_h, subtitle_h, gap = SLIDE_GAP_PX * fs, top, body_h, cards_h, main_h, flow_w;
  double flow_h;

  lode_text_measure (title, TITLE_PX * fs, LODE_TEXT_BOLD, NULL, &title_h);
  lode_text_measure (subtitle, SUBTITLE_PX * fs, LODE_TEXT_NORMAL, NULL, &subtitle_h);
  lode_text_draw_line (page->cr, title, a.x, a.y, a.w, TITLE_PX * fs, LODE_TEXT_BOLD, 0.0,
                       page->palette->foreground);
  lode_text_draw_line (page->cr, subtitle, a.x, a.y + title_h, a.w, SUBTITLE_PX * fs,
                       LODE_TEXT_NORMAL, 0.0, page->palette->muted);

  top = a.y + title_h + subtitle_h + gap;
  body_h = a.y + a.h - top;
  cards_h = CLAMP (SLIDE_CARDS_SHARE * body_h, SLIDE_CARDS_MIN_PX * fs, SLIDE_CARDS_MAX_PX * fs);
  cards_h = MIN (cards_h, SLIDE_CARDS_MAX * body_h);
  main_h = body_h - cards_h - gap;

  if (a.w / body_h >= SLIDE_WIDE_FROM)
    {
      /* Wide pages (16:9): the diagram and the chart side by side. */
      flow_w = floor (SLIDE_FLOW_WIDTH * (a.w - gap));
      paint_flow (page, fs, (Area) { a.x, top, flow_w, main_h });
      paint_chart (page, fs, (Area) { a.x + flow_w + gap, top, a.w - flow_w - gap, main_h });
    }
  else
    {
      /* Squarer pages (4:3, A4): the diagram needs the full width; the chart goes below. */
      flow_h = floor (SLIDE_FLOW_HEIGHT * (main_h - gap));
      paint_flow (page, fs, (Area) { a.x, top, a.w, flow_h });
      paint_chart (page, fs, (Area) { a.x, top + flow_h + gap, a.w, main_h - flow_h - gap });
    }
  paint_cards (page, fs, (Area) { a.x, a.y + a.h - cards_h, a.w, cards_h });
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
    .sources_listed = LODE_SOURCES_LISTED_IN_FILE,
    .material = LODE_FLOW_MATERIAL_NDPR,
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
  req->author = lode_scenario_get_author (scenario);
  if (lode_chart_kind_from_id (lode_scenario_get_chart (scenario), &chart))
    req->chart = chart;
  year = lode_scenario_get_selected_year (scenario);
  if (year >= req->projection->base_year && year <= req->projection->horizon)
    req->year = year;
  lode_scenario_get_price_floor (scenario, &req->price_floor);
  lode_flow_material_from_id (lode_scenario_get_material (scenario), &req->material);
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
  else if (g_str_equal (text, "flow-diff"))
    view = LODE_EXPORT_VIEW_FLOW_DIFF;
  else if (g_str_equal (text, "slide"))
    view = LODE_EXPORT_VIEW_SLIDE;
  else if (g_str_has_prefix (text, CHART_VIEW_PREFIX)
           && lode_chart_kind_from_id (text + strlen (CHART_VIEW_PREFIX), &chart))
    view = LODE_EXPORT_VIEW_CHART;
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (int k = 0; k < LODE_N_CHARTS; k++)
        {
          g_autofree char *id = lode_export_view_to_id (LODE_EXPORT_VIEW_CHART, k);

          g_string_append_printf (names, "%s%s", k > 0 ? ", " : "", id);
        }
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   _("Unknown view “%s”: use flow, flow-diff, slide or one of %s"), text,
                   names->str);
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
      return g_strconcat (CHART_VIEW_PREFIX, lode_chart_kind_id (chart), NULL);
    case LODE_EXPORT_VIEW_FLOW_DIFF:
      return g_strdup ("flow-diff");
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
  if (!lode_export_check_page_size (format, (int) MIN (w, G_MAXINT), (int) MIN (h, G_MAXINT),
                                    error))
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

gboolean
lode_export_check_page_size (LodeExportFormat   format,
                             int                width,
                             int                height,
                             GError           **error)
{
  if (width < LODE_EXPORT_MIN_PAGE_WIDTH || height < LODE_EXPORT_MIN_PAGE_HEIGHT)
    {
      g_set_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID,
                   /* Translators: the size asked for, then the smallest page allowed */
                   _("Size %d × %d is too small to read: give at least %d × %d, or a preset "
                     "(16:9, 4:3, a4)"),
                   width, height, LODE_EXPORT_MIN_PAGE_WIDTH, LODE_EXPORT_MIN_PAGE_HEIGHT);
      return FALSE;
    }
  return lode_export_check_size (format, width, height, 1, error);
}

double
lode_export_font_scale (double width,
                        double height)
{
  double area = sqrt ((width * height) / (REFERENCE_WIDTH * REFERENCE_HEIGHT));
  double narrow = NARROW_ALLOWANCE * MIN (width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT);

  return REFERENCE_FONT_SCALE * MIN (area, narrow);
}

char *
lode_export_dup_caption (const LodeExportRequest *req)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (req != NULL, NULL);

  title = dup_request_title (req);
  return g_strdup_printf ("%s · %d · Lodestone %s", title, req->year, PACKAGE_VERSION_SHORT);
}

char *
lode_export_dup_assumptions (const LodeExportRequest *req)
{
  g_return_val_if_fail (req != NULL, NULL);

  switch (req->view)
    {
    case LODE_EXPORT_VIEW_FLOW_DIFF:
      return g_strdup (_("Difference: each flow’s China-free tonnes (its tonnes times the share "
                         "that never passed through China), scenario minus baseline"));
    case LODE_EXPORT_VIEW_CHART:
    case LODE_EXPORT_VIEW_SLIDE:
      if (req->chart == LODE_CHART_TORNADO)
        return req->sensitivity != NULL ? lode_sensitivity_dup_assumptions (req->sensitivity)
                                        : NULL;
      if (req->chart == LODE_CHART_MARGINAL)
        return req->marginal != NULL
               ? lode_marginal_dup_assumptions (req->marginal,
                                                lode_marginal_shown_year (req->marginal,
                                                                          req->year))
               : NULL;
      return req->bands != NULL ? lode_bands_dup_assumptions (req->bands) : NULL;
    case LODE_EXPORT_VIEW_FLOW:
    default:
      return NULL;
    }
}

char *
lode_export_dup_view_heading (const LodeExportRequest *req)
{
  g_return_val_if_fail (req != NULL && req->projection != NULL, NULL);

  if (req->view == LODE_EXPORT_VIEW_CHART)
    /* Translators: what an exported chart shows: its name and its years, "NdPr Price,
     * 2024–2040" */
    return g_strdup_printf (_("%s, %d–%d"), lode_chart_kind_title (req->chart),
                            req->projection->base_year, req->projection->horizon);
  {
    LodeExportRequest clamped = *req;

    clamped.year = clamp_year (req->projection, req->year);
    if (req->view == LODE_EXPORT_VIEW_FLOW_DIFF)
      return dup_flow_diff_heading (clamped.year);
    return dup_flow_heading (&clamped);
  }
}

char *
lode_export_dup_file_name (const LodeExportRequest *req,
                           LodeExportFormat         format)
{
  g_autofree char *title = NULL;
  g_autofree char *view = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (req != NULL && req->projection != NULL, NULL);
  g_return_val_if_fail (format < LODE_EXPORT_N_FORMATS, NULL);

  title = dup_request_title (req);
  /* No folder separators or control characters in a file name, and no hidden file. */
  for (char *p = title; *p != '\0'; p++)
    if (*p == G_DIR_SEPARATOR || *p == '\\' || (guchar) *p < 0x20)
      *p = '-';
  g_strstrip (title);
  while (title[0] == '.')
    memmove (title, title + 1, strlen (title));
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("Lodestone export"));
    }

  switch (req->view)
    {
    case LODE_EXPORT_VIEW_CHART:
      /* A chart covers every year: its name alone. */
      view = g_strdup (lode_chart_kind_id (req->chart));
      break;
    case LODE_EXPORT_VIEW_SLIDE:
      view = g_strdup_printf ("slide %d", clamp_year (req->projection, req->year));
      break;
    case LODE_EXPORT_VIEW_FLOW_DIFF:
      view = g_strdup_printf ("flow-diff %d", clamp_year (req->projection, req->year));
      break;
    case LODE_EXPORT_VIEW_FLOW:
    default:
      view = g_strdup_printf ("flow %d", clamp_year (req->projection, req->year));
      break;
    }
  /* Translators: an export's file name: scenario title – view, "Mine to Magnet – flow 2035";
   * the extension follows */
  name = g_strdup_printf (_("%s – %s"), title, view);
  return g_strconcat (name, ".", format_extensions[format], NULL);
}

void
lode_export_paint_page (cairo_t                 *cr,
                        const LodeExportRequest *req,
                        double                   width,
                        double                   height)
{
  LodePalette palette;
  LodeExportRequest shown;
  Page page = { cr, &shown, &palette };
  Area view;
  double fs, view_fs, margin, footer_h;
  gboolean screen;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (req != NULL && req->projection != NULL);

  shown = *req;
  shown.year = clamp_year (req->projection, req->year);
  if ((guint) shown.material >= LODE_FLOW_N_MATERIALS)
    shown.material = LODE_FLOW_MATERIAL_NDPR;

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

  footer_h = paint_footer (&page, fs, width, height, margin);
  view = (Area) { margin, margin, width - 2 * margin, height - 2 * margin - footer_h };

  switch (shown.view)
    {
    case LODE_EXPORT_VIEW_CHART:
      paint_chart (&page, view_fs, view);
      break;
    case LODE_EXPORT_VIEW_SLIDE:
      paint_slide (&page, fs, view);
      break;
    case LODE_EXPORT_VIEW_FLOW_DIFF:
      paint_flow_diff (&page, view_fs, view);
      break;
    case LODE_EXPORT_VIEW_FLOW:
    default:
      if (screen)
        paint_flow (&page, view_fs, view);
      else
        paint_flow_view (&page, view_fs, view);
      break;
    }
  cairo_restore (cr);
}

/* A light checkerboard behind a transparent page, as image editors show it. */
static void
paint_checkerboard (cairo_t *cr,
                    double   width,
                    double   height)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, CHECKER_GREY, CHECKER_GREY, CHECKER_BLUE);
  for (int row = 0; row * CHECKER_CELL < height; row++)
    for (int col = row % 2; col * CHECKER_CELL < width; col += 2)
      cairo_rectangle (cr, col * CHECKER_CELL, row * CHECKER_CELL,
                       MIN (CHECKER_CELL, width - col * CHECKER_CELL),
                       MIN (CHECKER_CELL, height - row * CHECKER_CELL));
  cairo_fill (cr);
  cairo_restore (cr);
}

void
lode_export_paint_preview (cairo_t                 *cr,
                           const LodeExportRequest *req,
                           int                      page_width,
                           int                      page_height,
                           double                   width,
                           double                   height)
{
  double fit, draw_w, draw_h, x, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (req != NULL && req->projection != NULL);

  if (page_width <= 0 || page_height <= 0)
    return;
  fit = MIN ((width - 2 * PREVIEW_MARGIN) / page_width,
             (height - 2 * PREVIEW_MARGIN) / page_height);
  if (fit <= 0)
    return;
  draw_w = floor (page_width * fit);
  draw_h = floor (page_height * fit);
  x = floor ((width - draw_w) / 2);
  y = floor ((height - draw_h) / 2);

  /* A soft shadow so the page reads as a sheet. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, PREVIEW_SHADOW_ALPHA);
  cairo_rectangle (cr, x + 2, y + 3, draw_w, draw_h);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  if (req->transparent)
    paint_checkerboard (cr, draw_w, draw_h);
  cairo_rectangle (cr, 0, 0, draw_w, draw_h);
  cairo_clip (cr);
  cairo_scale (cr, draw_w / page_width, draw_h / page_height);
  lode_export_paint_page (cr, req, page_width, page_height);
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
  LodeExportMeta meta;
  gboolean screen_copy;
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
  screen_copy = req->screen_font_scale > 0;
  /* Where the footer sends a reader for the sources it does not name. */
  if (screen_copy)
    page.sources_listed = LODE_SOURCES_LISTED_IN_APP;
  else if (format == LODE_EXPORT_FORMAT_PDF && req->sources_page)
    page.sources_listed = LODE_SOURCES_LISTED_ON_PAGE;
  else
    page.sources_listed = LODE_SOURCES_LISTED_IN_FILE;
  lode_export_meta_init (&meta, &page);

  switch (format)
    {
    case LODE_EXPORT_FORMAT_SVG:
      page.transparent = FALSE;
      surface = cairo_svg_surface_create_for_stream (append_to_byte_array_cb, bytes,
                                                     width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case LODE_EXPORT_FORMAT_PDF:
      page.transparent = FALSE;
      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array_cb, bytes,
                                                     width, height);
      lode_export_pdf_set_meta (surface, &meta);
      break;
    case LODE_EXPORT_FORMAT_PNG:
    case LODE_EXPORT_N_FORMATS:
    default:
      surface = lode_png_surface_new (width * scale, height * scale);
      break;
    }

  cr = cairo_create (surface);
  if (format == LODE_EXPORT_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  lode_export_paint_page (cr, &page, width, height);
  if (format == LODE_EXPORT_FORMAT_PDF && page.sources_page)
    {
      cairo_show_page (cr);
      lode_export_paint_sources_pages (cr, &page, width, height);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == LODE_EXPORT_FORMAT_PNG)
    status = lode_png_write (surface, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && format == LODE_EXPORT_FORMAT_PNG && !screen_copy)
    lode_export_png_add_meta (bytes, &meta);
  else if (status == CAIRO_STATUS_SUCCESS && format == LODE_EXPORT_FORMAT_SVG)
    lode_export_svg_add_meta (bytes, &meta);
  lode_export_meta_clear (&meta);

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
