/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-cli-outputs.h — the files one headless run writes (--save-as, --csv, --sensitivity,
 * --export), checked together before any work: a run that cannot write all of them writes
 * none, and no output replaces the scenario being read or another output. CLI library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LODE_CLI_OUTPUT_SCENARIO,   /* --save-as */
  LODE_CLI_OUTPUT_TABLE,      /* --csv, --sensitivity */
  LODE_CLI_OUTPUT_PICTURE,    /* --export */
} LodeCliOutputKind;

typedef struct
{
  const char        *option;   /* "--csv" */
  const char        *path;     /* as given; NULL when the option is not used */
  LodeCliOutputKind  kind;
} LodeCliOutput;

/* "-": a table printed on standard output rather than written to a file. */
#define LODE_CLI_STDOUT "-"

/* The names themselves, as usage errors (LODE_CLI_ERROR_USAGE): none empty, none that is an
 * option the shell handed over as a name (--csv --summary), none with the extension of
 * another kind of file (--csv plan.lodestone); "-" only for a table, and for one only. */
gboolean lode_cli_outputs_check_names (const LodeCliOutput *outputs,
                                       guint                n_outputs,
                                       GError             **error);
/* The files: no output is the scenario `input` (NULL: a preset) unless it is --save-as, no
 * two outputs are one file (usage errors), and each could be written now
 * (LODE_OUTPUT_ERROR, as lode_output_file_check()). */
gboolean lode_cli_outputs_check_files (const LodeCliOutput *outputs,
                                       guint                n_outputs,
                                       const char          *input,
                                       GError             **error);

/* Writes a table to its file (lode_output_file_write()) or, for "-", to standard output. */
gboolean lode_cli_output_write        (const char          *path,
                                       const char          *data,
                                       gsize                length,
                                       GError             **error);

G_END_DECLS
