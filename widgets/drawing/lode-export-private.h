/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What lode-export.c (the page painter and encoders) and lode-export-meta.c (what an exported
 * file says about itself, and the PDF's sources page) share. Private to the drawing library.
 */
#pragma once

#include "lode-export.h"

G_BEGIN_DECLS

/* What an export says about itself in its metadata; every string is owned. */
typedef struct
{
  char      *title;      /* "Mine to Magnet · 2035 · Lodestone 0.1" */
  char      *author;     /* the scenario's author, or NULL */
  char      *subject;    /* what the picture shows: "The flow diagram …" */
  char      *sources;    /* every source: "Data: USGS MCS 2025; …" */
  char      *software;   /* "Lodestone 0.1" */
  GDateTime *created;    /* now, or SOURCE_DATE_EPOCH for reproducible builds */
} LodeExportMeta;

void     lode_export_meta_init          (LodeExportMeta          *meta,
                                         const LodeExportRequest *req);
void     lode_export_meta_clear         (LodeExportMeta          *meta);

/* Adds Title, Author, Description, Source, Software and Creation Time text chunks to an
 * encoded PNG, after its header chunk (tEXt where Latin-1 holds the text, iTXt otherwise).
 * FALSE when `png` is not a PNG. */
gboolean lode_export_png_add_meta       (GByteArray              *png,
                                         const LodeExportMeta    *meta);
/* Adds <title>, <desc> and Dublin Core <metadata> after the opening <svg> tag. */
gboolean lode_export_svg_add_meta       (GByteArray              *svg,
                                         const LodeExportMeta    *meta);
/* Sets the PDF's title, author, subject (every source), keywords, creator and date. */
void     lode_export_pdf_set_meta       (cairo_surface_t         *pdf,
                                         const LodeExportMeta    *meta);
/* After the page: one or more pages listing every source with what it feeds, each ended
 * with cairo_show_page(). */
void     lode_export_paint_sources_pages (cairo_t                *cr,
                                          const LodeExportRequest *req,
                                          double                  width,
                                          double                  height);

G_END_DECLS
