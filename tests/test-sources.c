/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sources.c — the dataset's cited numbers, counted and ranked per source, and the credit
 * line exports carry. */

#define G_LOG_DOMAIN "test-sources"

#include "config.h"

#include <string.h>

#include "lode-levers.h"
#include "lode-sources.h"

static LodeDataset *dataset;

typedef struct
{
  guint       n;
  guint       n_project;
  guint       n_ids;       /* ids cited, counting a number's every id */
  GHashTable *cited;       /* source id -> itself */
} Census;

static void
census_cb (const LodeCited *cited,
           const char      *what,
           gboolean         project,
           gpointer         user_data)
{
  Census *census = user_data;
  g_auto(GStrv) ids = g_strsplit (cited->source != NULL ? cited->source : "", " ", -1);

  g_assert_nonnull (what);
  census->n++;
  census->n_project += project ? 1 : 0;
  for (guint i = 0; ids[i] != NULL; i++)
    if (ids[i][0] != '\0')
      {
        census->n_ids++;
        g_hash_table_add (census->cited, (gpointer) g_intern_string (ids[i]));
      }
}

/* Sources that back a lever's default and no number. */
static guint
n_lever_only_sources (const Census *census)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const char *source = lode_lever_info ((LodeLever) i)->source;
      g_auto(GStrv) ids = source != NULL ? g_strsplit (source, " ", -1) : NULL;

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        if (!g_hash_table_contains (census->cited, ids[k]))
          g_hash_table_add (seen, (gpointer) g_intern_string (ids[k]));
    }
  return g_hash_table_size (seen);
}

/* Every number is visited once and projects' numbers are flagged. Nearly every source backs
 * a number (test-dataset checks that the rest back a lever's default). */
static void
test_foreach_cited (void)
{
  Census census = { 0 };
  guint n;

  census.cited = g_hash_table_new (g_str_hash, g_str_equal);
  n = lode_dataset_foreach_cited (dataset, census_cb, &census);
  g_assert_cmpuint (n, ==, census.n);
  g_assert_cmpuint (n, >, 150);
  g_assert_cmpuint (census.n_project, ==, 2 * dataset->n_projects);
  g_assert_cmpuint (g_hash_table_size (census.cited), <=, dataset->n_sources);
  g_assert_cmpuint (g_hash_table_size (census.cited), >=,
                    dataset->n_sources - n_lever_only_sources (&census));
  g_hash_table_unref (census.cited);
}

/* Counts add up to the citations, and the ranking puts what was seen first. */
static void
test_rank (void)
{
  Census census = { 0 };
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) grouped = NULL;
  guint n_filings = 99, total = 0;

  census.cited = g_hash_table_new (g_str_hash, g_str_equal);
  lode_dataset_foreach_cited (dataset, census_cb, &census);

  all = lode_sources_rank (dataset, FALSE, &n_filings);
  g_assert_cmpuint (n_filings, ==, 0);
  g_assert_cmpuint (all->len, >=, 10);
  g_assert_cmpuint (all->len, <=, g_hash_table_size (census.cited));
  for (guint i = 0; i < all->len; i++)
    {
      const LodeSourceCount *c = &g_array_index (all, LodeSourceCount, i);

      total += c->total;
      g_assert_cmpuint (c->seen, <=, c->total);
      if (i > 0)
        {
          const LodeSourceCount *prev = &g_array_index (all, LodeSourceCount, i - 1);

          g_assert_true (prev->seen > c->seen
                         || (prev->seen == c->seen && prev->total > c->total)
                         || (prev->seen == c->seen && prev->total == c->total
                             && strcmp (prev->name, c->name) < 0));
        }
    }
  g_assert_cmpuint (total, ==, census.n_ids);

  /* The announcements behind the projects leave the list and are counted as filings. */
  grouped = lode_sources_rank (dataset, TRUE, &n_filings);
  g_assert_cmpuint (n_filings, >, 0);
  g_assert_cmpuint (grouped->len, <, all->len);
  /* One count of sources: the list and the filings are every source once. */
  g_assert_cmpuint (grouped->len + n_filings, ==, all->len);
  g_assert_cmpuint (lode_sources_count (dataset), ==, all->len);
  g_hash_table_unref (census.cited);
}

/* The credit line on the reference dataset: four named, filings named last, the rest counted;
 * and the full list names everything. */
static void
test_credit (void)
{
  g_autofree char *credit = lode_sources_dup_credit (dataset, 4);
  g_autofree char *all = lode_sources_dup_credit (dataset, 0);
  g_autofree char *listed = lode_sources_dup_credit_listed (dataset, 4,
                                                            LODE_SOURCES_LISTED_IN_FILE);
  g_autofree char *filings = NULL;
  guint n_filings = 0;
  g_autoptr(GArray) ranked = lode_sources_rank (dataset, TRUE, &n_filings);
  g_autoptr(GArray) every = lode_sources_rank (dataset, FALSE, NULL);
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) all_parts = NULL;
  g_autofree char *rest = NULL;

  g_test_message ("%s", credit);
  g_assert_true (g_str_has_prefix (credit, "Data: "));
  parts = g_strsplit (credit + strlen ("Data: "), "; ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 5);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (parts[i], ==, g_array_index (ranked, LodeSourceCount, i).name);
  /* The named, the filings and the rest add up to the one count of sources. */
  filings = g_strdup_printf ("%u company filings", n_filings);
  g_assert_cmpstr (parts[3], ==, filings);
  rest = g_strdup_printf ("%u more sources", ranked->len - 3);
  g_assert_cmpstr (parts[4], ==, rest);
  g_assert_cmpuint (3 + n_filings + (ranked->len - 3), ==, lode_sources_count (dataset));

  /* Where the rest are listed, when the picture lists them. */
  g_assert_true (g_str_has_prefix (listed, credit));
  g_assert_true (g_str_has_suffix (listed, ", listed in the file's properties"));

  all_parts = g_strsplit (all + strlen ("Data: "), "; ", -1);
  g_assert_cmpuint (g_strv_length (all_parts), ==, every->len);
  g_assert_cmpstr (all_parts[0], ==, parts[0]);
}

/* A tiny dataset: ids that share a short name count together, an id the dataset does not
 * describe shows as itself, and one filing alone is named. */
static void
test_small_dataset (void)
{
  g_autoptr(LodeDataset) ds = lode_dataset_new_empty ();
  g_autoptr(GArray) counts = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(LodeDataset) none = lode_dataset_new_empty ();

  ds->n_sources = 2;
  ds->sources[0].id = g_intern_static_string ("A1");
  ds->sources[0].short_name = g_strdup ("Agency");
  ds->sources[1].id = g_intern_static_string ("A2");
  ds->sources[1].short_name = g_strdup ("Agency");
  ds->material[LODE_MATERIAL_NDPR].recovery = (LodeCited) { 0.92,
                                                           g_intern_static_string ("A1"),
                                                           LODE_BASIS_SEEN };
  ds->material[LODE_MATERIAL_NDPR].oxide_to_metal = (LodeCited) { 0.85,
                                                                 g_intern_static_string ("A2 ZZ"),
                                                                 LODE_BASIS_ESTIMATE };
  ds->n_projects = 1;
  ds->projects[0].id = g_strdup ("p");
  ds->projects[0].capacity = (LodeCited) { 1000, g_intern_static_string ("CO"),
                                           LODE_BASIS_SEEN };

  counts = lode_sources_rank (ds, FALSE, NULL);
  g_assert_cmpuint (counts->len, ==, 3);
  g_assert_cmpstr (g_array_index (counts, LodeSourceCount, 0).name, ==, "Agency");
  g_assert_cmpuint (g_array_index (counts, LodeSourceCount, 0).total, ==, 2);
  g_assert_cmpuint (g_array_index (counts, LodeSourceCount, 0).seen, ==, 1);
  g_assert_cmpstr (g_array_index (counts, LodeSourceCount, 1).name, ==, "CO");
  g_assert_cmpstr (g_array_index (counts, LodeSourceCount, 2).name, ==, "ZZ");

  credit = lode_sources_dup_credit (ds, 4);
  g_assert_cmpstr (credit, ==, "Data: Agency; ZZ; 1 company filing");

  /* Nothing cited: the dataset's id stands in. */
  none->id = g_strdup ("reference-0");
  empty = lode_sources_dup_credit (none, 4);
  g_assert_cmpstr (empty, ==, "Data: reference-0");
}

/* The Sources view's list: every source once, what each feeds, in words. */
static void
test_list (void)
{
  g_autoptr(GPtrArray) entries = lode_sources_list (dataset);
  g_autoptr(GArray) ranked = lode_sources_rank (dataset, FALSE, NULL);
  g_autofree char *region = NULL;
  g_autofree char *project = NULL;
  guint n_filings = 0;

  g_assert_cmpuint (entries->len, ==, lode_sources_count (dataset));
  for (guint i = 0; i < entries->len; i++)
    {
      const LodeSourceEntry *entry = g_ptr_array_index (entries, i);

      g_assert_cmpstr (entry->name, ==, g_array_index (ranked, LodeSourceCount, i).name);
      /* Each citation of the source is one number it feeds. */
      g_assert_cmpuint (entry->feeds->len, ==, entry->total);
      g_assert_cmpuint (entry->total, >, 0);
      n_filings += entry->filing ? 1 : 0;
    }
  g_assert_cmpuint (n_filings, >, 0);

  region = lode_sources_describe_number (dataset, "region.CN.ndpr.capacity.mine");
  g_assert_cmpstr (region, ==, "China · NdPr · capacity · Mining");
  project = lode_sources_describe_number (dataset, "project.mp-independence-magnet.capex");
  g_assert_true (g_str_has_prefix (project, "MP Materials Independence"));
  g_assert_true (g_str_has_suffix (project, " · capex"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = lode_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/lode/sources/foreach-cited", test_foreach_cited);
  g_test_add_func ("/lode/sources/rank", test_rank);
  g_test_add_func ("/lode/sources/credit", test_credit);
  g_test_add_func ("/lode/sources/small-dataset", test_small_dataset);
  g_test_add_func ("/lode/sources/list", test_list);

  status = g_test_run ();
  lode_dataset_unref (dataset);
  return status;
}
