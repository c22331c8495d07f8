/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-export-meta.c — what an exported file says about itself, and a PDF's sources page. */

#define G_LOG_DOMAIN "lode-export-meta"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "lode-export-private.h"
#include "lode-palette.h"
#include "lode-sources.h"
#include "lode-text.h"

/* The sources page: margins and type in page units at font scale 1, columns of entries, and
 * how many characters of "what it feeds" an entry's second line starts with. */
#define SOURCES_MARGIN_PX   36.0
#define SOURCES_HEADING_PX  22.0
#define SOURCES_TEXT_PX     11.0
#define SOURCES_LINE        1.3
#define SOURCES_ENTRY_GAP   0.45
#define SOURCES_COLUMN_GAP  24.0
#define SOURCES_MIN_COLUMN  400.0
#define SOURCES_MAX_COLUMNS 3
#define SOURCES_MAX_FEEDS   6

/* PNG: the 8-byte signature, then the header chunk (4 length + 4 type + 13 data + 4 CRC). */
#define PNG_SIGNATURE_LEN 8
#define PNG_AFTER_IHDR    (PNG_SIGNATURE_LEN + 25)

/* Metadata */

static GDateTime *
creation_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  /* Reproducible output when asked for (https://reproducible-builds.org/specs/). */
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

void
lode_export_meta_init (LodeExportMeta          *meta,
                       const LodeExportRequest *req)
{
  const LodeDataset *dataset;

  g_return_if_fail (meta != NULL);
  g_return_if_fail (req != NULL && req->projection != NULL);

  dataset = lode_projection_get_dataset (req->projection);
  *meta = (LodeExportMeta) {
    .title = lode_export_dup_caption (req),
    .author = req->author != NULL && req->author[0] != '\0' ? g_strdup (req->author) : NULL,
    .subject = lode_export_dup_view_heading (req),
    .sources = lode_sources_dup_credit (dataset, 0),
    .software = g_strdup_printf ("Lodestone %s", PACKAGE_VERSION_SHORT),
    .created = creation_time (),
  };
}

void
lode_export_meta_clear (LodeExportMeta *meta)
{
  g_return_if_fail (meta != NULL);

  g_free (meta->title);
  g_free (meta->author);
  g_free (meta->subject);
  g_free (meta->sources);
  g_free (meta->software);
  g_clear_pointer (&meta->created, g_date_time_unref);
}

/* PNG text chunks */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&ready, 1);
    }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 b[4] = { value >> 24, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF };

  g_byte_array_append (out, b, 4);
}

/* The text in Latin-1, or NULL when it has characters Latin-1 lacks. */
static GByteArray *
to_latin1 (const char *text)
{
  GByteArray *bytes = g_byte_array_new ();

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint8 b = (guint8) c;

      if (c > 0xFF || c == 0)
        {
          g_byte_array_unref (bytes);
          return NULL;
        }
      g_byte_array_append (bytes, &b, 1);
    }
  return bytes;
}

/* One tEXt chunk, or an iTXt chunk for text beyond Latin-1 (PNG 1.2, §4.2.3). */
static void
append_text_chunk (GByteArray *out,
                   const char *keyword,
                   const char *text)
{
  g_autoptr(GByteArray) chunk = g_byte_array_new ();
  g_autoptr(GByteArray) latin1 = to_latin1 (text);
  const guint8 zero = 0;
  guint32 crc;

  g_byte_array_append (chunk, (const guint8 *) (latin1 != NULL ? "tEXt" : "iTXt"), 4);
  g_byte_array_append (chunk, (const guint8 *) keyword, strlen (keyword));
  g_byte_array_append (chunk, &zero, 1);
  if (latin1 != NULL)
    g_byte_array_append (chunk, latin1->data, latin1->len);
  else
    {
      /* Not compressed, no language tag, no translated keyword, then UTF-8. */
      const guint8 header[4] = { 0, 0, 0, 0 };

      g_byte_array_append (chunk, header, 4);
      g_byte_array_append (chunk, (const guint8 *) text, strlen (text));
    }

  append_be32 (out, chunk->len - 4);
  g_byte_array_append (out, chunk->data, chunk->len);
  crc = crc32_update (0xFFFFFFFFu, chunk->data, chunk->len) ^ 0xFFFFFFFFu;
  append_be32 (out, crc);
}

/* RFC 1123, as the PNG specification recommends for "Creation Time": English names, always. */
static char *
format_rfc1123 (GDateTime *time)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                         "Aug", "Sep", "Oct", "Nov", "Dec" };

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d GMT",
                          days[g_date_time_get_day_of_week (time) - 1],
                          g_date_time_get_day_of_month (time),
                          months[g_date_time_get_month (time) - 1],
                          g_date_time_get_year (time), g_date_time_get_hour (time),
                          g_date_time_get_minute (time), g_date_time_get_second (time));
}

gboolean
lode_export_png_add_meta (GByteArray           *png,
                          const LodeExportMeta *meta)
{
  static const guint8 signature[PNG_SIGNATURE_LEN] = { 137, 'P', 'N', 'G', 13, 10, 26, 10 };
  g_autoptr(GByteArray) chunks = g_byte_array_new ();
  g_autofree char *created = format_rfc1123 (meta->created);

  g_return_val_if_fail (png != NULL && meta != NULL, FALSE);

  if (png->len < PNG_AFTER_IHDR || memcmp (png->data, signature, PNG_SIGNATURE_LEN) != 0
      || memcmp (png->data + PNG_SIGNATURE_LEN + 4, "IHDR", 4) != 0)
    return FALSE;

  append_text_chunk (chunks, "Title", meta->title);
  if (meta->author != NULL)
    append_text_chunk (chunks, "Author", meta->author);
  append_text_chunk (chunks, "Description", meta->subject);
  append_text_chunk (chunks, "Source", meta->sources);
  append_text_chunk (chunks, "Software", meta->software);
  append_text_chunk (chunks, "Creation Time", created);
  g_byte_array_prepend (chunks, png->data, PNG_AFTER_IHDR);
  g_byte_array_append (chunks, png->data + PNG_AFTER_IHDR, png->len - PNG_AFTER_IHDR);
  g_byte_array_set_size (png, 0);
  g_byte_array_append (png, chunks->data, chunks->len);
  return TRUE;
}

/* SVG metadata */

static void
append_element (GString    *out,
                const char *indent,
                const char *name,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, name, escaped, name);
}

gboolean
lode_export_svg_add_meta (GByteArray           *svg,
                          const LodeExportMeta *meta)
{
  g_autoptr(GString) block = g_string_new ("\n");
  g_autofree char *date = g_date_time_format (meta->created, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *desc = g_strdup_printf ("%s. %s", meta->subject, meta->sources);
  const char *start, *end;
  gsize at;

  g_return_val_if_fail (svg != NULL && meta != NULL, FALSE);

  start = g_strstr_len ((const char *) svg->data, svg->len, "<svg");
  end = start != NULL ? memchr (start, '>', svg->len - (start - (const char *) svg->data))
                      : NULL;
  if (end == NULL)
    return FALSE;
  at = (gsize) (end - (const char *) svg->data) + 1;

  append_element (block, "", "title", meta->title);
  append_element (block, "", "desc", desc);
  g_string_append (block, "<metadata>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-"
                          "syntax-ns#\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                          "<rdf:Description rdf:about=\"\">\n");
  append_element (block, "  ", "dc:title", meta->title);
  if (meta->author != NULL)
    append_element (block, "  ", "dc:creator", meta->author);
  append_element (block, "  ", "dc:description", meta->subject);
  append_element (block, "  ", "dc:source", meta->sources);
  append_element (block, "  ", "dc:date", date);
  append_element (block, "  ", "dc:publisher", meta->software);
  g_string_append (block, "</rdf:Description>\n</rdf:RDF>\n</metadata>");

  g_byte_array_set_size (svg, svg->len + block->len);
  memmove (svg->data + at + block->len, svg->data + at, svg->len - block->len - at);
  memcpy (svg->data + at, block->str, block->len);
  return TRUE;
}

/* PDF metadata */

void
lode_export_pdf_set_meta (cairo_surface_t      *pdf,
                          const LodeExportMeta *meta)
{
  g_autofree char *date = g_date_time_format (meta->created, "%Y-%m-%dT%H:%M:%SZ");

  g_return_if_fail (pdf != NULL && meta != NULL);

  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, meta->title);
  if (meta->author != NULL)
    cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_AUTHOR, meta->author);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_SUBJECT, meta->sources);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_KEYWORDS,
                                  /* Translators: the keywords of an exported PDF */
                                  _("rare earths; supply chain; magnets; Lodestone"));
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, meta->software);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* The sources page */

/* "Mineral Commodity Summaries 2025 – Rare Earths. USGS, 2025. https://…" */
static char *
dup_entry_title (const LodeSourceEntry *entry)
{
  const LodeSource *s = entry->source;
  GString *text = g_string_new (entry->name);

  if (s != NULL && s->title != NULL && s->title[0] != '\0')
    g_string_append_printf (text, " — %s", s->title);
  if (s != NULL && s->publisher != NULL && s->publisher[0] != '\0')
    g_string_append_printf (text, ". %s", s->publisher);
  if (s != NULL && s->year > 0)
    g_string_append_printf (text, ", %d", s->year);
  if (s != NULL && s->url != NULL && s->url[0] != '\0')
    g_string_append_printf (text, ". %s", s->url);
  return g_string_free (text, FALSE);
}

/* "12 numbers, 8 seen in it: China · NdPr · capacity · Mining; …" */
static char *
dup_entry_feeds (const LodeDataset     *dataset,
                 const LodeSourceEntry *entry)
{
  GString *text = g_string_new (NULL);

  /* Translators: how many numbers of the dataset cite a source, and how many of them were
   * seen in it; then a list of those numbers follows */
  g_string_append_printf (text, ngettext ("%u number, %u seen in it:", "%u numbers, %u seen in it:",
                                          entry->total), entry->total, entry->seen);
  for (guint i = 0; i < MIN (entry->feeds->len, SOURCES_MAX_FEEDS); i++)
    {
      g_autofree char *what = lode_sources_describe_number (dataset,
                                                            g_ptr_array_index (entry->feeds, i));

      g_string_append_printf (text, "%s %s", i > 0 ? ";" : "", what);
    }
  if (entry->feeds->len > SOURCES_MAX_FEEDS)
    g_string_append (text, "; …");
  return g_string_free (text, FALSE);
}

void
lode_export_paint_sources_pages (cairo_t                 *cr,
                                 const LodeExportRequest *req,
                                 double                   width,
                                 double                   height)
{
  const LodeDataset *dataset = lode_projection_get_dataset (req->projection);
  g_autoptr(GPtrArray) entries = lode_sources_list (dataset);
  double fs = lode_export_font_scale (width, height);
  double margin = SOURCES_MARGIN_PX * fs, size = SOURCES_TEXT_PX * fs;
  double line = size * SOURCES_LINE, entry_h = 2 * line + size * SOURCES_ENTRY_GAP;
  double heading_h, gap = SOURCES_COLUMN_GAP * fs, top, column_w;
  int n_columns, per_column;
  g_autofree char *heading = NULL;
  LodePalette palette;
  guint i = 0;

  lode_palette_init_light (&palette, dataset);
  /* Translators: the heading of an exported PDF's last page; %u is how many sources */
  heading = g_strdup_printf (ngettext ("Data sources (%u)", "Data sources (%u)", entries->len),
                             entries->len);
  lode_text_measure (heading, SOURCES_HEADING_PX * fs, LODE_TEXT_BOLD, NULL, &heading_h);
  top = margin + heading_h + line;
  n_columns = CLAMP ((int) ((width - 2 * margin + gap) / (SOURCES_MIN_COLUMN * fs + gap)), 1,
                     SOURCES_MAX_COLUMNS);
  column_w = (width - 2 * margin - (n_columns - 1) * gap) / n_columns;
  per_column = MAX (1, (int) ((height - top - margin) / entry_h));

  while (i < entries->len)
    {
      lode_cairo_set_rgba (cr, palette.background);
      cairo_paint (cr);
      lode_text_draw_line (cr, heading, margin, margin, width - 2 * margin,
                           SOURCES_HEADING_PX * fs, LODE_TEXT_BOLD, 0.0, palette.foreground);
      for (int c = 0; c < n_columns && i < entries->len; c++)
        for (int r = 0; r < per_column && i < entries->len; r++, i++)
          {
            const LodeSourceEntry *entry = g_ptr_array_index (entries, i);
            g_autofree char *title = dup_entry_title (entry);
            g_autofree char *feeds = dup_entry_feeds (dataset, entry);
            double x = margin + c * (column_w + gap), y = top + r * entry_h;

            lode_text_draw_line (cr, title, x, y, column_w, size, LODE_TEXT_BOLD, 0.0,
                                 palette.foreground);
            lode_text_draw_line (cr, feeds, x, y + line, column_w, size, LODE_TEXT_NORMAL, 0.0,
                                 palette.muted);
          }
      cairo_show_page (cr);
    }
}
