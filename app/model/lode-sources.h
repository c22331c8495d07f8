/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which sources the dataset cites, and how much. Every number of the dataset is a LodeCited
 * naming one or more source ids; lode_dataset_foreach_cited() visits each of them once (the
 * one list of the dataset's cited numbers), lode_sources_rank() counts them per source and
 * ranks the sources, and lode_sources_dup_credit() writes the credit line every export
 * carries ("Data: USGS MCS 2025; IEA GCMO 2024; …"). Model library: GLib only.
 */
#pragma once

#include <glib.h>

#include "lode-dataset.h"

G_BEGIN_DECLS

/* `what` names the number's place ("separation_recovery", a region or project id, a stage id);
 * `project` is TRUE for a project's capacity and capex (company announcements). */
typedef void (*LodeCitedFunc) (const LodeCited *cited,
                               const char      *what,
                               gboolean         project,
                               gpointer         user_data);

typedef struct
{
  const char *name;     /* the source's short name, or its id when the dataset lacks it */
  guint       seen;     /* numbers seen in it or derived from it (basis S or D) */
  guint       total;    /* all numbers citing it */
} LodeSourceCount;

/* Calls `func` on every cited number of the dataset; returns how many there are. */
guint   lode_dataset_foreach_cited (const LodeDataset *dataset,
                                    LodeCitedFunc      func,
                                    gpointer           user_data);
/* The sources the numbers cite (LodeSourceCount), most trusted first: those behind seen or
 * derived numbers, then the most cited, then by name. A number citing several ids credits
 * each. Ids sharing a short name count together. With `group_filings`, sources cited by a
 * project's numbers are left out of the array and counted in `out_n_filings` instead (the
 * company filings behind the project pipeline). */
GArray *lode_sources_rank          (const LodeDataset *dataset,
                                    gboolean           group_filings,
                                    guint             *out_n_filings) G_GNUC_WARN_UNUSED_RESULT;
/* Where a credit line that does not name every source says the rest are listed. */
typedef enum
{
  LODE_SOURCES_LISTED_NOWHERE,   /* "…; 45 more sources" */
  LODE_SOURCES_LISTED_IN_FILE,   /* "…, listed in the file's properties" (PNG, SVG metadata) */
  LODE_SOURCES_LISTED_ON_PAGE,   /* "…, listed on the pages that follow" (a PDF) */
  LODE_SOURCES_LISTED_IN_APP,    /* "…, listed in Lodestone's Sources view" (a copy) */
} LodeSourcesListed;

/* How many sources the dataset cites: the one count every view and export gives (ids
 * sharing a short name count once). */
guint   lode_sources_count         (const LodeDataset *dataset);
/* "Data: A; B; C; 12 company filings; 45 more sources": the `max_named` most trusted sources,
 * the company filings counted as one entry, the rest counted; the numbers add up to
 * lode_sources_count(). `max_named` 0 names every source, each on its own (filings too).
 * Translated. */
char   *lode_sources_dup_credit    (const LodeDataset *dataset,
                                    guint              max_named) G_GNUC_WARN_UNUSED_RESULT;
/* The same, saying where the sources it does not name are listed. */
char   *lode_sources_dup_credit_listed (const LodeDataset *dataset,
                                        guint              max_named,
                                        LodeSourcesListed  listed) G_GNUC_WARN_UNUSED_RESULT;

/* One source as the Sources view and an export's sources page show it. */
typedef struct
{
  char             *name;      /* short name, as the credit line gives it */
  const LodeSource *source;    /* the dataset's entry (title, publisher, year, url), or NULL */
  guint             seen;      /* numbers seen in it or derived from it */
  guint             total;     /* all numbers citing it */
  gboolean          filing;    /* a company filing behind the project pipeline */
  GPtrArray        *feeds;     /* char *: the names of the numbers citing it (dataset order) */
} LodeSourceEntry;

/* Every source once, ranked as lode_sources_rank() ranks them; its length is
 * lode_sources_count(). Free with g_ptr_array_unref(). */
GPtrArray *lode_sources_list            (const LodeDataset *dataset) G_GNUC_WARN_UNUSED_RESULT;
/* A number's name (from lode_dataset_list_numbers()) for people: "region.CN.ndpr.capacity.mine"
 * → "China · NdPr · capacity · Mining". Translated. */
char      *lode_sources_describe_number (const LodeDataset *dataset,
                                         const char        *what) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
