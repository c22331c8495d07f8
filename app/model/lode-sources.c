/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-sources.c — the dataset's cited numbers, counted per source. */

#define G_LOG_DOMAIN "lode-sources"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-sources.h"

/* How one source id is cited by the dataset. */
typedef struct
{
  guint seen;
  guint total;
  guint non_project;   /* numbers other than a project's capacity and capex */
} Tally;

/* Visiting */

guint
lode_dataset_foreach_cited (const LodeDataset *ds,
                            LodeCitedFunc      func,
                            gpointer           user_data)
{
  g_autoptr(GPtrArray) numbers = NULL;

  g_return_val_if_fail (ds != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  /* The one list of the dataset's numbers; a project's are its capacity and capex. */
  numbers = lode_dataset_list_numbers ((LodeDataset *) ds);
  for (guint i = 0; i < numbers->len; i++)
    {
      const LodeDatasetEntry *entry = g_ptr_array_index (numbers, i);

      func (entry->cited, entry->name, g_str_has_prefix (entry->name, "project."), user_data);
    }
  return numbers->len;
}

/* Counting */

/* A number may cite several sources ("ARU MOLY LODE"): each is credited on its own, so a
 * company's filing counts as a company filing wherever it is cited. */
static void
tally_cb (const LodeCited *cited,
          const char      *what,
          gboolean         project,
          gpointer         user_data)
{
  GHashTable *tallies = user_data;
  g_auto(GStrv) ids = NULL;

  if (cited->source == NULL || cited->source[0] == '\0')
    return;
  ids = g_strsplit (cited->source, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      Tally *tally;

      if (ids[i][0] == '\0')
        continue;
      tally = g_hash_table_lookup (tallies, ids[i]);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          g_hash_table_insert (tallies, (gpointer) g_intern_string (ids[i]), tally);
        }
      tally->total++;
      if (cited->basis == LODE_BASIS_SEEN || cited->basis == LODE_BASIS_DERIVED)
        tally->seen++;
      if (!project)
        tally->non_project++;
    }
}

/* Sources of seen (or derived) numbers first, then by how much they are cited, then by name:
 * estimates rank after what was read in a source. */
static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const LodeSourceCount *x = a;
  const LodeSourceCount *y = b;

  if (x->seen != y->seen)
    return x->seen > y->seen ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return strcmp (x->name, y->name);
}

/* Several ids may share a short name: their counts add up. */
static void
add_count (GArray     *counts,
           const char *name,
           guint       seen,
           guint       total)
{
  for (guint j = 0; j < counts->len; j++)
    {
      LodeSourceCount *known = &g_array_index (counts, LodeSourceCount, j);

      if (g_str_equal (known->name, name))
        {
          known->seen += seen;
          known->total += total;
          return;
        }
    }
  g_array_append_val (counts, ((LodeSourceCount) { name, seen, total }));
}

/* The short name a source id is counted under. */
static const char *
name_of_id (const LodeDataset *dataset,
            const char        *id)
{
  const LodeSource *source = lode_dataset_find_source (dataset, id);

  return source != NULL && source->short_name != NULL && source->short_name[0] != '\0'
         ? source->short_name : id;
}

GArray *
lode_sources_rank (const LodeDataset *dataset,
                   gboolean           group_filings,
                   guint             *out_n_filings)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) filings = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (LodeSourceCount));
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (dataset != NULL, counts);

  lode_dataset_foreach_cited (dataset, tally_cb, tallies);

  /* IDs the dataset does not describe show as themselves. */
  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Tally *tally = value;
      const char *name = name_of_id (dataset, key);

      if (group_filings && tally->non_project < tally->total)
        g_hash_table_add (filings, (gpointer) name);
      else
        add_count (counts, name, tally->seen, tally->total);
    }
  g_array_sort (counts, compare_counts);

  /* Filings count by name, as the list does, and a name the list has is not counted again:
   * the list and the filings together are every source once. */
  for (guint j = 0; j < counts->len; j++)
    g_hash_table_remove (filings, g_array_index (counts, LodeSourceCount, j).name);
  if (out_n_filings != NULL)
    *out_n_filings = g_hash_table_size (filings);
  return counts;
}

guint
lode_sources_count (const LodeDataset *dataset)
{
  g_autoptr(GArray) counts = NULL;

  g_return_val_if_fail (dataset != NULL, 0);

  counts = lode_sources_rank (dataset, FALSE, NULL);
  return counts->len;
}

/* ", listed in …" after the count of the sources the line does not name. */
static const char *
listed_suffix (LodeSourcesListed listed)
{
  switch (listed)
    {
    case LODE_SOURCES_LISTED_IN_FILE:
      /* Translators: ends "Data: …; 45 more sources" in an exported PNG or SVG, whose
       * metadata (the file's properties) lists every source */
      return _(", listed in the file's properties");
    case LODE_SOURCES_LISTED_ON_PAGE:
      /* Translators: ends "Data: …; 45 more sources" in an exported PDF */
      return _(", listed on the pages that follow");
    case LODE_SOURCES_LISTED_IN_APP:
      /* Translators: ends "Data: …; 45 more sources" in a copied picture */
      return _(", listed in Lodestone's Sources view");
    case LODE_SOURCES_LISTED_NOWHERE:
    default:
      return "";
    }
}

char *
lode_sources_dup_credit_listed (const LodeDataset *dataset,
                                guint              max_named,
                                LodeSourcesListed  listed)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GString) text = NULL;
  gboolean all = max_named == 0;
  guint shown, n_filings = 0;

  g_return_val_if_fail (dataset != NULL, NULL);

  /* In the short form, the announcements behind the project pipeline count together as
   * company filings, named last; the named, the filings and the rest add up to
   * lode_sources_count(). */
  counts = lode_sources_rank (dataset, !all, &n_filings);
  text = g_string_new (_("Data:"));
  shown = all ? counts->len : MIN (counts->len, max_named - (n_filings > 0 ? 1 : 0));
  for (guint j = 0; j < shown; j++)
    g_string_append_printf (text, "%s %s", j > 0 ? ";" : "",
                            g_array_index (counts, LodeSourceCount, j).name);
  if (n_filings > 0)
    {
      g_string_append_printf (text, "%s ", shown > 0 ? ";" : "");
      /* Translators: in an export's footer, "Data: USGS MCS 2025; …; 12 company filings". */
      g_string_append_printf (text, ngettext ("%u company filing", "%u company filings",
                                              n_filings), n_filings);
    }
  if (shown < counts->len)
    {
      guint rest = counts->len - shown;

      g_string_append (text, "; ");
      /* Translators: ends the list of data sources in an export's footer. */
      g_string_append_printf (text, ngettext ("%u more source", "%u more sources", rest), rest);
      g_string_append (text, listed_suffix (listed));
    }
  if (counts->len == 0 && n_filings == 0)
    g_string_append_printf (text, " %s", dataset->id != NULL ? dataset->id : "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
lode_sources_dup_credit (const LodeDataset *dataset,
                         guint              max_named)
{
  return lode_sources_dup_credit_listed (dataset, max_named, LODE_SOURCES_LISTED_NOWHERE);
}

/* Listing */

static void
source_entry_free (gpointer data)
{
  LodeSourceEntry *entry = data;

  g_free (entry->name);
  g_ptr_array_unref (entry->feeds);
  g_free (entry);
}

typedef struct
{
  const LodeDataset *dataset;
  GHashTable        *by_name;   /* name → LodeSourceEntry */
} ListData;

static void
list_cb (const LodeCited *cited,
         const char      *what,
         gboolean         project,
         gpointer         user_data)
{
  ListData *data = user_data;
  g_auto(GStrv) ids = NULL;

  if (cited->source == NULL || cited->source[0] == '\0')
    return;
  ids = g_strsplit (cited->source, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      LodeSourceEntry *entry;

      if (ids[i][0] == '\0')
        continue;
      entry = g_hash_table_lookup (data->by_name, name_of_id (data->dataset, ids[i]));
      if (entry == NULL)
        continue;
      if (entry->source == NULL)
        entry->source = lode_dataset_find_source (data->dataset, ids[i]);
      entry->filing |= project;
      g_ptr_array_add (entry->feeds, g_strdup (what));
    }
}

GPtrArray *
lode_sources_list (const LodeDataset *dataset)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *entries = g_ptr_array_new_with_free_func (source_entry_free);
  ListData data = { dataset, by_name };

  g_return_val_if_fail (dataset != NULL, entries);

  counts = lode_sources_rank (dataset, FALSE, NULL);
  for (guint i = 0; i < counts->len; i++)
    {
      const LodeSourceCount *count = &g_array_index (counts, LodeSourceCount, i);
      LodeSourceEntry *entry = g_new0 (LodeSourceEntry, 1);

      entry->name = g_strdup (count->name);
      entry->seen = count->seen;
      entry->total = count->total;
      entry->feeds = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (entries, entry);
      g_hash_table_insert (by_name, entry->name, entry);
    }
  lode_dataset_foreach_cited (dataset, list_cb, &data);
  return entries;
}

/* One part of a number's name, for people: a region, material or stage by its name, other
 * words as they are with their hyphens as spaces. */
static char *
describe_part (const LodeDataset *dataset,
               const char        *part)
{
  LodeMaterial material;
  LodeStage stage;
  LodeEndUse use;
  int region = lode_dataset_region_index (dataset, part);

  if (region >= 0)
    return g_strdup (lode_region_name (&dataset->regions[region]));
  if (lode_material_from_id (part, &material))
    return g_strdup (lode_material_name (material));
  if (lode_stage_from_id (part, &stage))
    return g_strdup (lode_stage_name (stage));
  if (lode_end_use_from_id (part, &use))
    return g_strdup (lode_end_use_name (use));
  return g_strdelimit (g_strdup (part), "-_", ' ');
}

char *
lode_sources_describe_number (const LodeDataset *dataset,
                              const char        *what)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint first = 0;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  /* The kind of number ("region", "material", ...) says nothing the rest does not; a
   * project is named by its name. */
  parts = g_strsplit (what, ".", -1);
  if (parts[0] != NULL && parts[1] != NULL
      && (g_str_equal (parts[0], "region") || g_str_equal (parts[0], "material")
          || g_str_equal (parts[0], "stage") || g_str_equal (parts[0], "param")))
    first = 1;
  if (parts[0] != NULL && parts[1] != NULL && g_str_equal (parts[0], "project"))
    {
      int index = lode_dataset_project_index (dataset, parts[1]);

      g_string_append (text, index >= 0 ? dataset->projects[index].name : parts[1]);
      first = 2;
    }
  for (guint i = first; parts[i] != NULL; i++)
    {
      g_autofree char *shown = describe_part (dataset, parts[i]);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, shown);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
