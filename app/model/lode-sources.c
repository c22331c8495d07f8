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

GArray *
lode_sources_rank (const LodeDataset *dataset,
                   gboolean           group_filings,
                   guint             *out_n_filings)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (LodeSourceCount));
  GHashTableIter iter;
  gpointer key, value;
  guint n_filings = 0;

  g_return_val_if_fail (dataset != NULL, counts);

  lode_dataset_foreach_cited (dataset, tally_cb, tallies);

  /* IDs the dataset does not describe show as themselves. */
  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LodeSource *source = lode_dataset_find_source (dataset, key);
      const Tally *tally = value;
      const char *name = source != NULL && source->short_name != NULL
                         && source->short_name[0] != '\0' ? source->short_name : key;

      if (group_filings && tally->non_project < tally->total)
        n_filings++;
      else
        add_count (counts, name, tally->seen, tally->total);
    }
  g_array_sort (counts, compare_counts);

  if (out_n_filings != NULL)
    *out_n_filings = n_filings;
  return counts;
}

char *
lode_sources_dup_credit (const LodeDataset *dataset,
                         guint              max_named)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GString) text = NULL;
  gboolean all = max_named == 0;
  guint shown, n_filings = 0;

  g_return_val_if_fail (dataset != NULL, NULL);

  /* In the short form, the announcements behind the project pipeline count together as
   * company filings, named last. */
  counts = lode_sources_rank (dataset, !all, &n_filings);
  text = g_string_new (_("Data:"));
  shown = all ? counts->len : MIN (counts->len, max_named - (n_filings > 0 ? 1 : 0));
  for (guint j = 0; j < shown; j++)
    g_string_append_printf (text, "%s %s", j > 0 ? ";" : "",
                            g_array_index (counts, LodeSourceCount, j).name);
  if (n_filings > 0)
    /* Translators: in an export's footer, "Data: USGS MCS 2025; …; company filings". */
    g_string_append_printf (text, "%s %s", shown > 0 ? ";" : "", _("company filings"));
  if (shown < counts->len)
    {
      guint rest = counts->len - shown;

      g_string_append (text, "; ");
      /* Translators: ends the list of data sources in an export's footer. */
      g_string_append_printf (text, ngettext ("%u more source", "%u more sources", rest), rest);
    }
  if (counts->len == 0 && n_filings == 0)
    g_string_append_printf (text, " %s", dataset->id != NULL ? dataset->id : "");
  return g_string_free (g_steal_pointer (&text), FALSE);
}
