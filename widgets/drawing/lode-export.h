/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Export — one page painter for every picture Lodestone hands out: the flow diagram at a year,
 * any chart, or a slide (title, diagram, one chart and the headline cards on one page), always
 * with a footer naming the scenario, the year, the program and the data sources. The export
 * dialog, the clipboard, the headless command line and the tests all call
 * lode_export_paint_page(), and it only calls the same layout and paint functions the window
 * draws with, so what a presenter exports is what they saw.
 *
 * Cairo only (no GTK): the command line uses it without a display. Exports always use the
 * light, colour-blind-safe palette and type sized for a projector.
 *
 * Sizes are in the page's own unit: pixels for PNG (multiplied by the scale), CSS pixels (the
 * viewBox) for SVG, points for PDF. The presets are 16:9 1920 × 1080 and 4:3 1600 × 1200 for
 * every format; A4 landscape is 842 × 595 for SVG and PDF and 1754 × 1240 px (150 dpi) for PNG,
 * so a 2× PNG is a 300 dpi print.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lode-chart-layout.h"
#include "lode-flow-layout.h"
#include "lode-projection.h"
#include "lode-sources.h"

G_BEGIN_DECLS

#define LODE_EXPORT_ERROR (lode_export_error_quark ())

typedef enum
{
  LODE_EXPORT_ERROR_INVALID,  /* bad view, size, scale, year or file name: a usage error */
  LODE_EXPORT_ERROR_RENDER,   /* Cairo could not draw the page (too large, out of memory) */
  LODE_EXPORT_ERROR_IO,       /* the file could not be written */
} LodeExportError;

typedef enum
{
  LODE_EXPORT_VIEW_FLOW,
  LODE_EXPORT_VIEW_CHART,
  LODE_EXPORT_VIEW_SLIDE,
  LODE_EXPORT_VIEW_FLOW_DIFF,   /* the diagram against the baseline (lode-flow-diff-layout.h) */
} LodeExportView;

typedef enum
{
  LODE_EXPORT_FORMAT_PNG,
  LODE_EXPORT_FORMAT_SVG,
  LODE_EXPORT_FORMAT_PDF,
  LODE_EXPORT_N_FORMATS
} LodeExportFormat;

typedef enum
{
  LODE_EXPORT_SIZE_WIDESCREEN,    /* 16:9, 1920 × 1080 */
  LODE_EXPORT_SIZE_STANDARD,      /* 4:3, 1600 × 1200 */
  LODE_EXPORT_SIZE_A4_LANDSCAPE,  /* 842 × 595 pt; 1754 × 1240 px for PNG */
  LODE_EXPORT_SIZE_CUSTOM,
  LODE_EXPORT_N_SIZES
} LodeExportSize;

#define LODE_EXPORT_MIN_SIDE    64       /* any picture, a copy of a small view included */
/* The smallest page a user may ask for (--size, the export dialog's custom size): below it
 * the type of a page would be too small to read. */
#define LODE_EXPORT_MIN_PAGE_WIDTH  640
#define LODE_EXPORT_MIN_PAGE_HEIGHT 360
#define LODE_EXPORT_MAX_SIDE    8192     /* page side, before the PNG scale */
#define LODE_EXPORT_MAX_PIXELS  16384    /* PNG side after the scale */
#define LODE_EXPORT_MAX_SCALE   3

typedef struct
{
  LodeExportView        view;
  LodeChartKind         chart;          /* the chart view's chart, and the slide's */
  const LodeProjection *projection;     /* borrowed */
  const LodeProjection *baseline;       /* borrowed, may be NULL */
  const char           *title;          /* scenario title, borrowed */
  int                   year;           /* within the projection's years */
  double                target_share;   /* 0..1, the charts' and cards' target */
  gboolean              transparent;    /* leave the background clear (PNG) */
  /* 0: a page, type scaled from its size and a heading over the diagram. > 0: a copy of the
   * view as on screen (the clipboard): this type scale, no heading. */
  double                screen_font_scale;
  /* The price floor drawn on the price chart (the projection does not store it). */
  LodePriceFloor        price_floor;
  /* Analyses (borrowed, may be NULL): the tornado's and the marginal chart's data, and the
   * bands drawn on the time charts. Their assumptions go into the footer. */
  const LodeSensitivity *sensitivity;
  const LodeMarginal    *marginal;
  const LodeBands       *bands;
  const char           *author;         /* the scenario's author, borrowed, may be NULL */
  /* A PDF gets pages listing every source after the picture. */
  gboolean              sources_page;
  /* Where the footer says the sources it does not name are listed: the file's properties
   * (default), the last page (set by lode_export_to_bytes() for a PDF with sources_page) or
   * Lodestone's Sources view (a copy to the clipboard). */
  LodeSourcesListed     sources_listed;
  /* What the diagram draws; the charts of one chain (self-sufficiency, capacity, price) show
   * its chain. */
  LodeFlowMaterial      material;
} LodeExportRequest;

GQuark      lode_export_error_quark      (void);

/* Flow view at the projection's base year + 11 (clamped), NdPr, China-free chart, target 0.5. */
void        lode_export_request_init     (LodeExportRequest    *req,
                                          const LodeProjection *projection,
                                          const LodeProjection *baseline,
                                          const char           *title);

/* Takes the title (borrowed: keep the scenario alive), the chart, the selected year (when
 * within the projection), the diagram's material (when known) and the price floor from a
 * scenario. */
void        lode_export_request_apply_scenario (LodeExportRequest *req,
                                                LodeScenario      *scenario);

/* "flow", "flow-diff", "slide", "chart:NAME" (NAME from lode_chart_kind_id()). */
gboolean    lode_export_parse_view       (const char           *text,
                                          LodeExportView       *out_view,
                                          LodeChartKind        *out_chart,
                                          GError              **error);
char       *lode_export_view_to_id       (LodeExportView        view,
                                          LodeChartKind         chart) G_GNUC_WARN_UNUSED_RESULT;

const char *lode_export_format_extension (LodeExportFormat      format);   /* "png" */
const char *lode_export_format_mime_type (LodeExportFormat      format);
/* From the file name's extension, case-insensitive. */
gboolean    lode_export_format_from_path (const char           *path,
                                          LodeExportFormat     *out_format);

/* A preset's page size for a format; CUSTOM gives the 16:9 size. */
void        lode_export_size_get         (LodeExportSize        size,
                                          LodeExportFormat      format,
                                          int                  *out_width,
                                          int                  *out_height);
/* "1920x1080" (also "×"), or a preset name: "16:9", "4:3", "a4". A size below
 * LODE_EXPORT_MIN_PAGE_WIDTH × LODE_EXPORT_MIN_PAGE_HEIGHT is refused (see
 * lode_export_check_page_size()). */
gboolean    lode_export_parse_size       (const char           *text,
                                          LodeExportFormat      format,
                                          int                  *out_width,
                                          int                  *out_height,
                                          GError              **error);
/* Checks the page size and, for PNG, the scale and the resulting pixel size. */
gboolean    lode_export_check_size       (LodeExportFormat      format,
                                          int                   width,
                                          int                   height,
                                          int                   scale,
                                          GError              **error);

/* A page size a user asked for: at least LODE_EXPORT_MIN_PAGE_WIDTH ×
 * LODE_EXPORT_MIN_PAGE_HEIGHT, so its type can be read, and what check_size allows. */
gboolean    lode_export_check_page_size  (LodeExportFormat      format,
                                          int                   width,
                                          int                   height,
                                          GError              **error);

/* Type scale for a page: 1.4 at 1920 × 1080, proportional to the page otherwise. */
double      lode_export_font_scale       (double                width,
                                          double                height);
/* "Title · 2035 · Lodestone 0.1", the footer's first part in one line (PDF title). */
char       *lode_export_dup_caption      (const LodeExportRequest *req) G_GNUC_WARN_UNUSED_RESULT;
/* The footer's data sources in `max_width` px of `size_px` text: as many named (at most four)
 * as fit, so that the count of the rest and where they are listed are never cut; cut only
 * where even one name is too wide. */
char       *lode_export_dup_footer_sources (const LodeExportRequest *req,
                                            double                   max_width,
                                            double                   size_px)
                                            G_GNUC_WARN_UNUSED_RESULT;
/* What the analyses shown on the page assume (runs, seed, ranges), as the footer says it
 * above the caption; NULL when the page shows none. */
char       *lode_export_dup_assumptions  (const LodeExportRequest *req) G_GNUC_WARN_UNUSED_RESULT;
/* What the page shows, in words: "The rare-earth supply chain from mine to magnet in 2035",
 * "NdPr Price, 2024–2040" (an export's subject, and the heading over a diagram). */
char       *lode_export_dup_view_heading (const LodeExportRequest *req) G_GNUC_WARN_UNUSED_RESULT;
/* A file name for the export of a view and year: "Mine to Magnet – flow 2035.png",
 * "Baseline – price.svg" (a chart covers every year). No folder separators. */
char       *lode_export_dup_file_name    (const LodeExportRequest *req,
                                          LodeExportFormat      format) G_GNUC_WARN_UNUSED_RESULT;

/* Paints the whole page (background, view, footer) in a width × height user space. */
void        lode_export_paint_page       (cairo_t              *cr,
                                          const LodeExportRequest *req,
                                          double                width,
                                          double                height);

/* The page as the export dialog previews it: scaled to fit a width × height area, a sheet with
 * a soft shadow, over a checkerboard when its background is transparent. */
void        lode_export_paint_preview    (cairo_t              *cr,
                                          const LodeExportRequest *req,
                                          int                   page_width,
                                          int                   page_height,
                                          double                width,
                                          double                height);

/* The encoded file, with its metadata (lode-export-private.h): PNG text chunks, SVG <title>,
 * <desc> and <metadata>, the PDF's document information, and for a PDF with sources_page the
 * sources pages. `scale` (1..3) multiplies the pixel size of a PNG; SVG and PDF ignore it. */
GBytes     *lode_export_to_bytes         (const LodeExportRequest *req,
                                          LodeExportFormat      format,
                                          int                   width,
                                          int                   height,
                                          int                   scale,
                                          GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* Renders, then writes through the one output path (lode-output-file.h): regular files only,
 * a failure leaves no half-written file and any previous file intact. */
gboolean    lode_export_to_file          (const LodeExportRequest *req,
                                          LodeExportFormat      format,
                                          int                   width,
                                          int                   height,
                                          int                   scale,
                                          const char           *path,
                                          GError              **error);

G_END_DECLS
