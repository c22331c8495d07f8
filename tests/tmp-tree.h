/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tmp-tree.h — temporary folders for the tests that write files: make one, list it, remove it
 * with everything in it (links are removed, not followed).
 */
#pragma once

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

static inline char *
lode_tmp_tree_new (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
lode_tmp_tree_remove (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        lode_tmp_tree_remove (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline int
lode_tmp_tree_compare_names (gconstpointer a,
                             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in `path`, sorted, joined by spaces ("" for an empty folder). */
static inline char *
lode_tmp_tree_list (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, lode_tmp_tree_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
