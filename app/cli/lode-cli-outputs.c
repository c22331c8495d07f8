/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-cli-outputs.c — the files one headless run writes, checked before any work (see the
 * header).
 */
#define G_LOG_DOMAIN "lode-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include <glib/gi18n.h>

#include "lode-cli.h"
#include "lode-cli-outputs.h"
#include "lode-output-file.h"

/* The extensions that name each kind of file, a kind's usual one first. A picture's own
 * extension picks its format and is checked with it (lode_export_format_from_path()). */
static const struct
{
  const char        *extension;
  LodeCliOutputKind  kind;
} known_extensions[] = {
  { ".lodestone", LODE_CLI_OUTPUT_SCENARIO },
  { ".csv", LODE_CLI_OUTPUT_TABLE },
  { ".png", LODE_CLI_OUTPUT_PICTURE },
  { ".svg", LODE_CLI_OUTPUT_PICTURE },
  { ".pdf", LODE_CLI_OUTPUT_PICTURE },
};

/* The extension of `path` when it names a file of another kind than `kind`, or NULL. */
static const char *
foreign_extension (const char        *path,
                   LodeCliOutputKind  kind)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (known_extensions); i++)
    if (known_extensions[i].kind != kind && g_str_has_suffix (lower, known_extensions[i].extension))
      return known_extensions[i].extension;
  return NULL;
}

/* The usual extension of a kind. */
static const char *
kind_extension (LodeCliOutputKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_extensions); i++)
    if (known_extensions[i].kind == kind)
      return known_extensions[i].extension;
  g_return_val_if_reached (NULL);
}

gboolean
lode_cli_outputs_check_names (const LodeCliOutput *outputs,
                              guint                n_outputs,
                              GError             **error)
{
  const char *to_stdout = NULL;

  for (guint i = 0; i < n_outputs; i++)
    {
      const LodeCliOutput *out = &outputs[i];
      g_autofree char *shown = NULL;
      const char *foreign;

      if (out->path == NULL)
        continue;
      if (g_str_equal (out->path, LODE_CLI_STDOUT))
        {
          if (out->kind != LODE_CLI_OUTPUT_TABLE)
            {
              g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                           _("%s needs a file name (only a table can go to standard output, "
                             "“-”)"), out->option);
              return FALSE;
            }
          if (to_stdout != NULL)
            {
              g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                           _("%s and %s would both print on standard output: give one of "
                             "them a file"), to_stdout, out->option);
              return FALSE;
            }
          to_stdout = out->option;
          continue;
        }
      if (out->path[0] == '\0')
        {
          g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                       _("%s needs a file name"), out->option);
          return FALSE;
        }
      shown = g_filename_display_name (out->path);
      if (g_str_has_prefix (out->path, "--"))
        {
          /* Translators: e.g. "--csv --summary: …"; the last one is "./--summary" */
          g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                       _("%s %s: that is an option, not a file name (to write a file of that "
                         "name, give it as ./%s)"), out->option, shown, shown);
          return FALSE;
        }
      foreign = foreign_extension (out->path, out->kind);
      if (foreign != NULL && out->kind != LODE_CLI_OUTPUT_PICTURE)
        {
          /* Translators: e.g. "--csv “plan.lodestone”: … not .lodestone; name it .csv" */
          g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                       _("%s “%s”: the name says another kind of file (%s); name it %s"),
                       out->option, shown, foreign, kind_extension (out->kind));
          return FALSE;
        }
    }
  return TRUE;
}

/* The local path of an output named by a URI (--save-as file:///…, as GFile takes it), or
 * the name as given. */
static char *
dup_local_path (const char *arg)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (g_uri_peek_scheme (arg) == NULL)
    return g_strdup (arg);
  file = g_file_new_for_commandline_arg (arg);
  path = g_file_get_path (file);
  return path != NULL ? path : g_strdup (arg);
}

gboolean
lode_cli_outputs_check_files (const LodeCliOutput *outputs,
                              guint                n_outputs,
                              const char          *input,
                              GError             **error)
{
  g_autofree char *input_id = input != NULL ? lode_output_file_dup_identity (input) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_outputs; i++)
    {
      const LodeCliOutput *out = &outputs[i];
      g_autofree char *path = NULL;
      char *id;

      g_ptr_array_add (ids, NULL);
      if (out->path == NULL || g_str_equal (out->path, LODE_CLI_STDOUT))
        continue;
      path = dup_local_path (out->path);
      if (!lode_output_file_check (path, &id, error))
        return FALSE;
      ids->pdata[i] = id;
      if (input_id != NULL && g_str_equal (id, input_id) && out->kind != LODE_CLI_OUTPUT_SCENARIO)
        {
          g_autofree char *shown = g_filename_display_name (out->path);

          g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                       _("%s “%s” is the scenario being read: writing there would replace it "
                         "(--save-as saves the scenario)"), out->option, shown);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (ids->pdata[j] != NULL && g_str_equal (id, ids->pdata[j]))
          {
            g_autofree char *shown = g_filename_display_name (out->path);

            g_set_error (error, LODE_CLI_ERROR, LODE_CLI_ERROR_USAGE,
                         _("%s and %s would both write “%s”: give each its own file"),
                         outputs[j].option, out->option, shown);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
lode_cli_output_write (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  if (!g_str_equal (path, LODE_CLI_STDOUT))
    return lode_output_file_write (path, data, length, error);
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}
