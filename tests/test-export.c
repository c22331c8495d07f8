/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export"
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lode-export.h"
#include "lode-dataset.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"
#include "lode-text.h"
#include "lode-scenario.h"
#include "lode-sources.h"

/* Small pages keep the test quick (it also runs under AddressSanitizer); the 16:9 preset is
 * rendered once at full size. */
#define TINY_W 320
#define TINY_H 180

/* The model inputs and outputs, computed once: the model is not what this test checks, and
 * the suite also runs under AddressSanitizer, where every projection costs. */
typedef struct
{
  LodeDataset       *dataset;
  LodeScenario      *scenario;
  LodeProjection    *projection;
  LodeProjection    *baseline;
} Shared;

static Shared shared;

typedef struct
{
  LodeDataset       *dataset;
  LodeScenario      *scenario;
  LodeExportRequest  req;
  char              *dir;
} Fixture;

static void
shared_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeScenario) base = NULL;

  shared.dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);
  shared.scenario = lode_scenario_load_preset (shared.dataset, "mine-to-magnet", &error);
  g_assert_no_error (error);
  lode_scenario_set_title (shared.scenario, "Export Test Plan");
  shared.projection = lode_projection_run (shared.dataset, shared.scenario, &error);
  g_assert_no_error (error);
  base = lode_scenario_load_preset (shared.dataset, "baseline", &error);
  g_assert_no_error (error);
  shared.baseline = lode_projection_run (shared.dataset, base, &error);
  g_assert_no_error (error);
}

static void
shared_tear_down (void)
{
  g_clear_pointer (&shared.baseline, lode_projection_unref);
  g_clear_pointer (&shared.projection, lode_projection_unref);
  g_clear_object (&shared.scenario);
  g_clear_pointer (&shared.dataset, lode_dataset_unref);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = shared.dataset;
  f->scenario = shared.scenario;
  lode_export_request_init (&f->req, shared.projection, shared.baseline, NULL);
  lode_export_request_apply_scenario (&f->req, f->scenario);
  f->req.year = 2035;

  f->dir = g_dir_make_tmp ("lode-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} ReadState;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *out,
         unsigned int   length)
{
  ReadState *state = closure;

  if (state->offset + length > state->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, state->data + state->offset, length);
  state->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  ReadState state = { 0 };
  cairo_surface_t *surface;

  state.data = g_bytes_get_data (bytes, &state.length);
  surface = cairo_image_surface_create_from_png_stream (read_cb, &state);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static cairo_surface_t *
paint_direct (const LodeExportRequest *req,
              int                      width,
              int                      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  lode_export_paint_page (cr, req, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + 4 * x);
}

/* Pixels in a band that are clearly darker than the white page (text, strokes). */
static guint
count_dark (cairo_surface_t *surface,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 p = pixel_at (surface, x, y);
        guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if ((p >> 24) == 0xff && r + g + b < 3 * 128)
          n++;
      }
  return n;
}

static guint
count_not_white (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (pixel_at (surface, x, y) != 0xffffffff)
        n++;
  return n;
}

static GBytes *
render (const LodeExportRequest *req,
        LodeExportFormat         format,
        int                      width,
        int                      height,
        int                      scale)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = lode_export_to_bytes (req, format, width, height, scale, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
  return bytes;
}

/* Tests */

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  LodeExportView view;
  LodeChartKind chart;
  LodeExportFormat format;
  int w, h;

  g_assert_true (lode_export_parse_view ("flow", &view, &chart, &error));
  g_assert_cmpint (view, ==, LODE_EXPORT_VIEW_FLOW);
  g_assert_true (lode_export_parse_view ("slide", &view, &chart, &error));
  g_assert_cmpint (view, ==, LODE_EXPORT_VIEW_SLIDE);
  for (int k = 0; k < LODE_N_CHARTS; k++)
    {
      g_autofree char *id = g_strdup_printf ("chart:%s", lode_chart_kind_id (k));
      g_autofree char *back = NULL;

      g_assert_true (lode_export_parse_view (id, &view, &chart, &error));
      g_assert_no_error (error);
      g_assert_cmpint (view, ==, LODE_EXPORT_VIEW_CHART);
      g_assert_cmpint (chart, ==, k);
      back = lode_export_view_to_id (view, chart);
      g_assert_cmpstr (back, ==, id);
    }
  g_assert_false (lode_export_parse_view ("chart:nonsense", &view, &chart, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "chart:price"));
  g_clear_error (&error);
  g_assert_false (lode_export_parse_view ("pie", NULL, NULL, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lode_export_format_from_path ("/tmp/a.PNG", &format));
  g_assert_cmpint (format, ==, LODE_EXPORT_FORMAT_PNG);
  g_assert_true (lode_export_format_from_path ("b.svg", &format));
  g_assert_cmpint (format, ==, LODE_EXPORT_FORMAT_SVG);
  g_assert_true (lode_export_format_from_path ("dir.png/c.pdf", &format));
  g_assert_cmpint (format, ==, LODE_EXPORT_FORMAT_PDF);
  g_assert_false (lode_export_format_from_path ("dir.png/noext", &format));
  g_assert_false (lode_export_format_from_path ("x.jpeg", &format));

  g_assert_true (lode_export_parse_size ("1280x720", LODE_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_assert_cmpint (w, ==, 1280);
  g_assert_cmpint (h, ==, 720);
  g_assert_true (lode_export_parse_size ("800×600", LODE_EXPORT_FORMAT_SVG, &w, &h, &error));
  g_assert_cmpint (w, ==, 800);
  g_assert_cmpint (h, ==, 600);
  g_assert_true (lode_export_parse_size ("a4", LODE_EXPORT_FORMAT_PDF, &w, &h, &error));
  g_assert_cmpint (w, ==, 842);
  g_assert_cmpint (h, ==, 595);
  g_assert_true (lode_export_parse_size ("A4", LODE_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_assert_cmpint (w, ==, 1754);
  g_assert_cmpint (h, ==, 1240);
  /* A page too small to read is refused, with the smallest one allowed. */
  g_assert_false (lode_export_parse_size ("100x100", LODE_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "640 × 360"));
  g_clear_error (&error);
  g_assert_true (lode_export_parse_size ("640x360", LODE_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_assert_true (lode_export_parse_size ("4:3", LODE_EXPORT_FORMAT_PNG, &w, &h, &error));
  g_assert_cmpint (w, ==, 1600);
  g_assert_cmpint (h, ==, 1200);
  g_assert_no_error (error);

  {
    const char *bad[] = { "1920", "x1080", "1920x", "0x100", "-5x100", "1e3x100", "12x12",
                          "99999x100", "1920x1080x3", "wide", "" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_false (lode_export_parse_size (bad[i], LODE_EXPORT_FORMAT_PNG, &w, &h,
                                                &error));
        g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
        g_clear_error (&error);
      }
  }

  g_assert_true (lode_export_check_size (LODE_EXPORT_FORMAT_PNG, 1920, 1080, 3, &error));
  g_assert_false (lode_export_check_size (LODE_EXPORT_FORMAT_PNG, 1920, 1080, 4, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lode_export_check_size (LODE_EXPORT_FORMAT_PNG, 8000, 1000, 3, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  /* Vector formats ignore the pixel limit. */
  g_assert_true (lode_export_check_size (LODE_EXPORT_FORMAT_PDF, 8000, 1000, 3, &error));
}

static void
test_font_scale (void)
{
  g_assert_cmpfloat_with_epsilon (lode_export_font_scale (1920, 1080), 1.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (lode_export_font_scale (3840, 2160), 2.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (lode_export_font_scale (960, 540), 0.7, 1e-9);
  /* Narrow pages do not get type too wide for them. */
  g_assert_cmpfloat (lode_export_font_scale (800, 4000), <, 1.4 * 1.2 * 800 / 1920 + 1e-9);
}

static void
test_footer_text (Fixture       *f,
                  gconstpointer  data)
{
  /* The footer's credit line names four sources; the PDF's subject names them all. */
  g_autofree char *sources = lode_sources_dup_credit (f->dataset, 4);
  g_autofree char *all = lode_sources_dup_credit (f->dataset, 0);
  g_autofree char *caption = lode_export_dup_caption (&f->req);
  g_autofree char *version = g_strdup_printf ("Lodestone %s", PACKAGE_VERSION_SHORT);

  g_test_message ("footer: %s — %s", caption, sources);
  g_assert_true (g_str_has_prefix (sources, "Data: "));
  g_assert_cmpuint (strlen (sources), >, strlen ("Data: ") + 2);
  g_assert_true (g_str_has_prefix (all, "Data: "));
  g_assert_cmpuint (strlen (all), >=, strlen (sources) - strlen ("; 99 more sources"));
  /* The most-cited source leads both lists. */
  {
    g_auto(GStrv) a = g_strsplit (sources + strlen ("Data: "), "; ", -1);
    g_auto(GStrv) b = g_strsplit (all + strlen ("Data: "), "; ", -1);

    g_assert_cmpstr (a[0], ==, b[0]);
  }
  g_assert_nonnull (strstr (caption, "Export Test Plan"));
  g_assert_nonnull (strstr (caption, "2035"));
  g_assert_nonnull (strstr (caption, version));
}

static void
test_png_size (Fixture       *f,
               gconstpointer  data)
{
  for (int scale = 1; scale <= 3; scale++)
    {
      g_autoptr(GBytes) bytes = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, scale);
      cairo_surface_t *surface = decode_png (bytes);

      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, TINY_W * scale);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, TINY_H * scale);
      cairo_surface_destroy (surface);
    }

  /* The 16:9 preset at its real size, through the preset table. */
  {
    int w, h;
    g_autoptr(GBytes) bytes = NULL;
    cairo_surface_t *surface;

    lode_export_size_get (LODE_EXPORT_SIZE_WIDESCREEN, LODE_EXPORT_FORMAT_PNG, &w, &h);
    f->req.view = LODE_EXPORT_VIEW_CHART;
    bytes = render (&f->req, LODE_EXPORT_FORMAT_PNG, w, h, 1);
    surface = decode_png (bytes);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
    cairo_surface_destroy (surface);
  }
}

/* Same function, same result: the PNG holds exactly the pixels of a direct paint. */
static void
test_png_matches_paint (Fixture       *f,
                        gconstpointer  data)
{
  const LodeExportView views[] = { LODE_EXPORT_VIEW_FLOW, LODE_EXPORT_VIEW_CHART,
                                   LODE_EXPORT_VIEW_SLIDE };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GBytes) bytes = NULL;
      cairo_surface_t *png, *direct;
      int stride;

      f->req.view = views[v];
      f->req.chart = LODE_CHART_PRICE;
      bytes = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
      png = decode_png (bytes);
      direct = paint_direct (&f->req, TINY_W, TINY_H);
      cairo_surface_flush (png);

      /* Cairo writes an opaque page as an RGB PNG, which reads back as RGB24 with its unused
       * byte set to 0xff: compare all four bytes either way. */
      g_assert_true (cairo_image_surface_get_format (png) == CAIRO_FORMAT_ARGB32
                     || cairo_image_surface_get_format (png) == CAIRO_FORMAT_RGB24);
      stride = cairo_image_surface_get_stride (direct);
      g_assert_cmpint (cairo_image_surface_get_stride (png), ==, stride);
      for (int y = 0; y < TINY_H; y++)
        for (int x = 0; x < TINY_W; x++)
          {
            guint32 a = pixel_at (png, x, y);
            guint32 b = pixel_at (direct, x, y);

            if (cairo_image_surface_get_format (png) == CAIRO_FORMAT_RGB24)
              a |= 0xff000000;
            if (a != b)
              g_error ("pixel %d,%d of the PNG is %08x, the direct paint %08x", x, y, a, b);
          }
      /* And it is a picture, not a blank page. */
      g_assert_cmpuint (count_not_white (direct), >, TINY_W * TINY_H / 50);
      cairo_surface_destroy (png);
      cairo_surface_destroy (direct);
    }
}

static void
test_transparent (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) opaque_bytes = NULL;
  g_autoptr(GBytes) clear_bytes = NULL;
  cairo_surface_t *opaque, *clear;

  f->req.view = LODE_EXPORT_VIEW_SLIDE;
  opaque_bytes = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
  f->req.transparent = TRUE;
  clear_bytes = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
  opaque = decode_png (opaque_bytes);
  clear = decode_png (clear_bytes);

  /* The margins are background: white, or fully clear. */
  g_assert_cmphex (pixel_at (opaque, 1, 1), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (opaque, TINY_W - 2, 1), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (clear, 1, 1) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (clear, TINY_W - 2, 1) >> 24, ==, 0);
  g_assert_cmphex (pixel_at (clear, 1, TINY_H - 2) >> 24, ==, 0);
  /* ... while the content is still drawn. */
  {
    guint drawn = 0;

    for (int y = 0; y < TINY_H; y++)
      for (int x = 0; x < TINY_W; x++)
        if ((pixel_at (clear, x, y) >> 24) != 0)
          drawn++;
    g_assert_cmpuint (drawn, >, TINY_W * TINY_H / 50);
  }
  cairo_surface_destroy (opaque);
  cairo_surface_destroy (clear);
}

/* Each view draws something, and something different. */
static void
test_views_differ (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  f->req.view = LODE_EXPORT_VIEW_FLOW;
  g_ptr_array_add (pages, render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1));
  f->req.view = LODE_EXPORT_VIEW_SLIDE;
  g_ptr_array_add (pages, render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1));
  f->req.view = LODE_EXPORT_VIEW_CHART;
  f->req.chart = LODE_CHART_CHINA_FREE;
  g_ptr_array_add (pages, render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1));
  f->req.chart = LODE_CHART_PRICE;
  g_ptr_array_add (pages, render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1));
  for (guint i = 0; i < pages->len; i++)
    for (guint j = i + 1; j < pages->len; j++)
      g_assert_false (g_bytes_equal (pages->pdata[i], pages->pdata[j]));

  /* Another year changes the flow diagram. */
  {
    g_autoptr(GBytes) a = NULL;
    g_autoptr(GBytes) b = NULL;

    f->req.view = LODE_EXPORT_VIEW_FLOW;
    f->req.year = 2024;
    a = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
    f->req.year = 2040;
    b = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
    g_assert_false (g_bytes_equal (a, b));
  }
}

/* The material picks the diagram's chain and the chain's charts: every material's page
 * differs, the scenario's view material is taken, an unknown one draws NdPr. */
static void
test_materials (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(LodeScenario) scenario = lode_scenario_dup (f->scenario);
  g_autoptr(GBytes) ndpr = NULL;
  g_autoptr(GBytes) unknown = NULL;
  LodeExportRequest req;

  g_assert_cmpint (f->req.material, ==, LODE_FLOW_MATERIAL_NDPR);
  for (int m = 0; m < LODE_FLOW_N_MATERIALS; m++)
    {
      f->req.material = (LodeFlowMaterial) m;
      f->req.view = LODE_EXPORT_VIEW_FLOW;
      g_ptr_array_add (pages, render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1));
      if (m == LODE_FLOW_MATERIAL_JOINT)
        continue;
      f->req.view = LODE_EXPORT_VIEW_CHART;
      f->req.chart = LODE_CHART_PRICE;
      g_ptr_array_add (pages, render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1));
    }
  for (guint i = 0; i < pages->len; i++)
    for (guint j = i + 1; j < pages->len; j++)
      g_assert_false (g_bytes_equal (pages->pdata[i], pages->pdata[j]));

  lode_scenario_set_material (scenario, "heavy");
  lode_export_request_init (&req, shared.projection, shared.baseline, NULL);
  lode_export_request_apply_scenario (&req, scenario);
  g_assert_cmpint (req.material, ==, LODE_FLOW_MATERIAL_HEAVY);
  lode_scenario_set_material (scenario, "no-such-material");
  lode_export_request_apply_scenario (&req, scenario);
  g_assert_cmpint (req.material, ==, LODE_FLOW_MATERIAL_HEAVY);

  /* Byte for byte: the files carry their creation time, so hold it still. */
  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);
  f->req.view = LODE_EXPORT_VIEW_FLOW;
  f->req.material = LODE_FLOW_MATERIAL_NDPR;
  ndpr = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
  f->req.material = (LodeFlowMaterial) 77;
  unknown = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_true (g_bytes_equal (ndpr, unknown));
}

/* The footer band has text in it, left (title) and right (program). */
static void
test_footer_pixels (Fixture       *f,
                    gconstpointer  data)
{
  cairo_surface_t *page;
  double fs = lode_export_font_scale (960, 540);
  /* The bottom margin plus one line of footer text. */
  int band = (int) (24 * fs + 13 * fs * 1.6);

  f->req.view = LODE_EXPORT_VIEW_FLOW;
  page = paint_direct (&f->req, 960, 540);
  g_assert_cmpuint (count_dark (page, 0, 540 - band, 300, 540), >, 100);
  g_assert_cmpuint (count_dark (page, 960 - 150, 540 - band, 960, 540), >, 10);
  cairo_surface_destroy (page);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  const int sizes[][2] = { { 800, 450 }, { 842, 595 } };

  f->req.view = LODE_EXPORT_VIEW_CHART;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) bytes = render (&f->req, LODE_EXPORT_FORMAT_SVG, sizes[i][0],
                                        sizes[i][1], 2);
      g_autofree char *expected = g_strdup_printf ("0 0 %d %d", sizes[i][0], sizes[i][1]);
      gsize length;
      const char *data_ = g_bytes_get_data (bytes, &length);
      xmlDoc *doc = xmlReadMemory (data_, (int) length, "export.svg", NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      xmlNode *root;
      xmlChar *view_box;

      g_assert_nonnull (doc);
      root = xmlDocGetRootElement (doc);
      g_assert_nonnull (root);
      g_assert_cmpstr ((const char *) root->name, ==, "svg");
      view_box = xmlGetProp (root, (const xmlChar *) "viewBox");
      g_assert_nonnull (view_box);
      g_assert_cmpstr ((const char *) view_box, ==, expected);
      xmlFree (view_box);
      xmlFreeDoc (doc);
    }
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("%s: %s", argv[0], err);
  g_assert_no_error (error);
  return out;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "slide.pdf", NULL);
  g_autofree char *creator = g_strdup_printf ("/Creator (Lodestone %s)", PACKAGE_VERSION_SHORT);
  g_autofree char *version = g_strdup_printf ("Lodestone %s", PACKAGE_VERSION_SHORT);
  g_autofree char *text = NULL;
  g_autofree char *first_source = NULL;
  g_autofree char *sources = lode_sources_dup_credit (f->dataset, 4);
  gsize length;
  const char *pdf;

  f->req.view = LODE_EXPORT_VIEW_SLIDE;
  g_assert_true (lode_export_to_file (&f->req, LODE_EXPORT_FORMAT_PDF, 842, 595, 1, path,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  pdf = contents;
  g_assert_cmpmem (pdf, 5, "%PDF-", 5);
  g_assert_nonnull (memmem (pdf, length, creator, strlen (creator)));

  /* The footer is real text in the page: extract it with poppler, a reader we did not write. */
  {
    const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

    text = run_tool (argv);
  }
  g_test_message ("pdftotext: %s", text);
  g_assert_nonnull (strstr (text, "Export Test Plan"));
  g_assert_nonnull (strstr (text, "2035"));
  g_assert_nonnull (strstr (text, version));
  g_assert_nonnull (strstr (text, "Data:"));
  first_source = g_strdup (sources + strlen ("Data: "));
  *strchrnul (first_source, ';') = '\0';
  g_assert_nonnull (strstr (text, first_source));
}

/* The footer's credit is never cut: where four sources do not fit it names fewer and still
 * says how many more there are and where they are listed (a sentence cut short on a slide is
 * what a presenter would have to explain). */
static void
test_footer_not_cut (Fixture       *f,
                     gconstpointer  data)
{
  const double size = 16;
  g_autofree char *four = lode_sources_dup_credit_listed (f->dataset, 4, f->req.sources_listed);
  g_autofree char *two = lode_sources_dup_credit_listed (f->dataset, 2, f->req.sources_listed);
  double four_w, two_w;

  lode_text_measure (four, size, LODE_TEXT_NORMAL, &four_w, NULL);
  lode_text_measure (two, size, LODE_TEXT_NORMAL, &two_w, NULL);
  g_assert_cmpfloat (two_w, <, four_w);

  /* Room for all four: all four. */
  {
    g_autofree char *wide = lode_export_dup_footer_sources (&f->req, four_w + 1, size);

    g_assert_cmpstr (wide, ==, four);
  }
  /* Less room: fewer names, and the line fits whole. */
  for (double room = two_w; room < four_w; room += (four_w - two_w) / 5)
    {
      g_autofree char *fitted = lode_export_dup_footer_sources (&f->req, room, size);
      double w;

      lode_text_measure (fitted, size, LODE_TEXT_NORMAL, &w, NULL);
      g_test_message ("%.0f px: %s", room, fitted);
      g_assert_cmpfloat (w, <=, room);
      g_assert_true (g_str_has_prefix (fitted, "Data: "));
      g_assert_true (g_str_has_suffix (fitted, " more sources") ||
                     strstr (fitted, " more sources, listed ") != NULL);
    }
  /* No room even for one name: one, for the painter to cut. */
  {
    g_autofree char *one = lode_sources_dup_credit_listed (f->dataset, 1, f->req.sources_listed);
    g_autofree char *narrow = lode_export_dup_footer_sources (&f->req, 10, size);

    g_assert_cmpstr (narrow, ==, one);
  }
}

/* The text chunks of a PNG before its image data: "keyword\tvalue" lines. */
static char *
png_text_chunks (GBytes *bytes)
{
  gsize length, at = 8;
  const guint8 *d = g_bytes_get_data (bytes, &length);
  GString *out = g_string_new (NULL);

  while (at + 12 <= length)
    {
      guint32 n = ((guint32) d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3];
      const char *type = (const char *) d + at + 4;
      const char *body = (const char *) d + at + 8;

      g_assert_cmpuint (at + 12 + n, <=, length);
      if (memcmp (type, "IDAT", 4) == 0)
        break;
      if (memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0)
        {
          gsize key_len = strnlen (body, n);
          const char *value = body + key_len + 1;

          g_autofree char *utf8 = NULL;

          /* iTXt: compression flag and method, empty language tag and translated keyword,
           * then UTF-8; tEXt: Latin-1. */
          if (memcmp (type, "iTXt", 4) == 0)
            utf8 = g_strndup (value + 4, body + n - value - 4);
          else
            utf8 = g_convert (value, body + n - value, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
          g_assert_nonnull (utf8);
          g_string_append_printf (out, "%.*s\t%s\n", (int) key_len, body, utf8);
        }
      at += 12 + n;
    }
  return g_string_free (out, FALSE);
}

/* Every export says what it is, who made it and from which sources, in its metadata. */
static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *all = lode_sources_dup_credit (f->dataset, 0);
  g_autofree char *source_line = g_strdup_printf ("Source\t%s\n", all);
  g_autofree char *software = g_strdup_printf ("Software\tLodestone %s\n",
                                               PACKAGE_VERSION_SHORT);
  g_auto(GStrv) names = g_strsplit (all + strlen ("Data: "), "; ", -1);

  /* The full list is the one count of sources. */
  g_assert_cmpuint (g_strv_length (names), ==, lode_sources_count (f->dataset));
  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);   /* 2026-01-01 00:00 UTC */
  f->req.view = LODE_EXPORT_VIEW_CHART;

  /* PNG: tEXt chunks (iTXt where Latin-1 cannot hold the text). */
  {
    g_autoptr(GBytes) bytes = render (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1);
    g_autofree char *chunks = png_text_chunks (bytes);
    cairo_surface_t *surface = decode_png (bytes);

    g_test_message ("PNG text chunks:\n%s", chunks);
    g_assert_nonnull (strstr (chunks, "Title\tExport Test Plan · 2035 · Lodestone"));
    g_assert_nonnull (strstr (chunks, source_line));
    g_assert_nonnull (strstr (chunks, software));
    g_assert_nonnull (strstr (chunks, "Creation Time\tThu, 01 Jan 2026 00:00:00 GMT\n"));
    g_assert_nonnull (strstr (chunks, "Description\t"));
    cairo_surface_destroy (surface);   /* and it still decodes */
  }

  /* SVG: <title>, <desc> and Dublin Core metadata, and still a valid document. */
  {
    g_autoptr(GBytes) bytes = render (&f->req, LODE_EXPORT_FORMAT_SVG, 800, 450, 1);
    gsize length;
    const char *svg = g_bytes_get_data (bytes, &length);
    xmlDoc *doc = xmlReadMemory (svg, (int) length, "export.svg", NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNode *root, *node;
    guint found = 0;

    g_assert_nonnull (doc);
    root = xmlDocGetRootElement (doc);
    for (node = root->children; node != NULL; node = node->next)
      {
        g_autofree char *text = NULL;
        xmlChar *content;

        if (node->type != XML_ELEMENT_NODE)
          continue;
        content = xmlNodeGetContent (node);
        text = g_strdup ((const char *) content);
        xmlFree (content);
        if (g_str_equal ((const char *) node->name, "title"))
          {
            found |= 1;
            g_assert_true (g_str_has_prefix (text, "Export Test Plan"));
          }
        else if (g_str_equal ((const char *) node->name, "desc"))
          {
            found |= 2;
            g_assert_nonnull (strstr (text, all));
          }
        else if (g_str_equal ((const char *) node->name, "metadata"))
          {
            found |= 4;
            g_assert_nonnull (strstr (text, "2026-01-01T00:00:00Z"));
          }
      }
    g_assert_cmpuint (found, ==, 7);
    xmlFreeDoc (doc);
  }

  /* PDF: the document information, and pages listing every source when asked. */
  {
    g_autofree char *path = g_build_filename (f->dir, "chart.pdf", NULL);
    g_autofree char *info = NULL;
    g_autofree char *text = NULL;
    g_autofree char *heading = g_strdup_printf ("Data sources (%u)",
                                                lode_sources_count (f->dataset));
    g_autoptr(GError) error = NULL;
    const char *info_argv[] = { "pdfinfo", path, NULL };
    const char *text_argv[] = { "pdftotext", "-raw", path, "-", NULL };

    f->req.sources_page = TRUE;
    g_assert_true (lode_export_to_file (&f->req, LODE_EXPORT_FORMAT_PDF, 842, 595, 1, path,
                                        &error));
    g_assert_no_error (error);
    info = run_tool (info_argv);
    text = run_tool (text_argv);
    g_test_message ("pdfinfo: %s", info);
    g_assert_nonnull (strstr (info, "Title:"));
    g_assert_nonnull (strstr (info, "Export Test Plan"));
    g_assert_nonnull (strstr (info, "Subject:         Data: "));
    g_assert_nonnull (strstr (info, "Keywords:"));
    g_assert_nonnull (strstr (info, "CreationDate:"));
    g_assert_null (strstr (info, "Pages:           1\n"));
    g_assert_nonnull (strstr (text, heading));
    g_assert_nonnull (strstr (text, "listed on the pages that follow"));
  }
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* Export file names follow the scenario, the view and the year. */
static void
test_file_name (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *flow = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *slide = NULL;
  g_autofree char *odd = NULL;
  LodeExportRequest req = f->req;

  req.view = LODE_EXPORT_VIEW_FLOW;
  flow = lode_export_dup_file_name (&req, LODE_EXPORT_FORMAT_PNG);
  g_assert_cmpstr (flow, ==, "Export Test Plan – flow 2035.png");
  req.view = LODE_EXPORT_VIEW_CHART;
  req.chart = LODE_CHART_PRICE;
  chart = lode_export_dup_file_name (&req, LODE_EXPORT_FORMAT_SVG);
  g_assert_cmpstr (chart, ==, "Export Test Plan – price.svg");
  req.view = LODE_EXPORT_VIEW_SLIDE;
  req.year = 2031;
  slide = lode_export_dup_file_name (&req, LODE_EXPORT_FORMAT_PDF);
  g_assert_cmpstr (slide, ==, "Export Test Plan – slide 2031.pdf");
  req.title = "../a/b";
  odd = lode_export_dup_file_name (&req, LODE_EXPORT_FORMAT_PDF);
  g_assert_null (strchr (odd, G_DIR_SEPARATOR));
  g_assert_false (odd[0] == '.');
}

static void
test_to_file (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "flow.png", NULL);
  g_autofree char *blocked = g_build_filename (f->dir, "taken.png", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize length;
  guint n_files = 0;

  f->req.view = LODE_EXPORT_VIEW_CHART;
  g_assert_true (lode_export_to_file (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 2, png,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  /* Into a folder that does not exist: an I/O error naming the file, and no file. */
  g_assert_false (lode_export_to_file (&f->req, LODE_EXPORT_FORMAT_SVG, TINY_W, TINY_H, 1,
                                       missing, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.png"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Over a folder: the rename fails and the temporary file is removed. */
  g_assert_cmpint (g_mkdir (blocked, 0755), ==, 0);
  g_assert_false (lode_export_to_file (&f->req, LODE_EXPORT_FORMAT_PNG, TINY_W, TINY_H, 1,
                                       blocked, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_test (blocked, G_FILE_TEST_IS_DIR));
  g_rmdir (blocked);

  /* A bad size is refused before anything is written. */
  g_assert_false (lode_export_to_file (&f->req, LODE_EXPORT_FORMAT_PNG, 10, 10, 1,
                                       blocked, &error));
  g_assert_error (error, LODE_EXPORT_ERROR, LODE_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("left in the folder: %s", name);
      g_assert_cmpstr (name, ==, "flow.png");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);
}

/* A 10 MiB title made an export take 23 s and 1.3 GB (#16 item 4): the page now shows its
 * start, ellipsised, and no more of it is shaped. */
static void
test_long_title (Fixture       *f,
                 gconstpointer  data)
{
  gsize n = 10 * 1024 * 1024;
  g_autofree char *title = g_malloc (n + 1);
  g_autofree char *caption = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  memset (title, 'T', n);
  title[n] = '\0';
  f->req.title = title;

  caption = lode_export_dup_caption (&f->req);
  g_assert_true (g_str_has_prefix (caption, "TTTTTTTT"));
  g_assert_nonnull (strstr (caption, "…"));
  g_assert_cmpint (g_utf8_strlen (caption, -1), <, LODE_SCENARIO_MAX_TITLE_CHARS + 40);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TINY_W, TINY_H);
  cr = cairo_create (surface);
  f->req.view = LODE_EXPORT_VIEW_SLIDE;
  lode_export_paint_page (cr, &f->req, TINY_W, TINY_H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  f->req.title = NULL;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/export/parse", test_parse);
  g_test_add_func ("/lode/export/font-scale", test_font_scale);
  g_test_add ("/lode/export/footer-text", Fixture, NULL, fixture_set_up, test_footer_text,
              fixture_tear_down);
  g_test_add ("/lode/export/png-size", Fixture, NULL, fixture_set_up, test_png_size,
              fixture_tear_down);
  g_test_add ("/lode/export/png-matches-paint", Fixture, NULL, fixture_set_up,
              test_png_matches_paint, fixture_tear_down);
  g_test_add ("/lode/export/transparent", Fixture, NULL, fixture_set_up, test_transparent,
              fixture_tear_down);
  g_test_add ("/lode/export/views-differ", Fixture, NULL, fixture_set_up, test_views_differ,
              fixture_tear_down);
  g_test_add ("/lode/export/materials", Fixture, NULL, fixture_set_up, test_materials,
              fixture_tear_down);
  g_test_add ("/lode/export/footer-pixels", Fixture, NULL, fixture_set_up, test_footer_pixels,
              fixture_tear_down);
  g_test_add ("/lode/export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/lode/export/long-title", Fixture, NULL, fixture_set_up, test_long_title,
              fixture_tear_down);
  g_test_add ("/lode/export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/lode/export/footer-not-cut", Fixture, NULL, fixture_set_up, test_footer_not_cut,
              fixture_tear_down);
  g_test_add ("/lode/export/to-file", Fixture, NULL, fixture_set_up, test_to_file,
              fixture_tear_down);
  g_test_add ("/lode/export/metadata", Fixture, NULL, fixture_set_up, test_metadata,
              fixture_tear_down);
  g_test_add ("/lode/export/file-name", Fixture, NULL, fixture_set_up, test_file_name,
              fixture_tear_down);

  shared_set_up ();
  status = g_test_run ();
  shared_tear_down ();
  return status;
}
