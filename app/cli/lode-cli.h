/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The headless command line: everything `lodestone` can do without a window — --version,
 * --list, --summary, --csv, --export, --explain and --save-as, with --set, --horizon, --view,
 * --year, --size, --scale, --transparent, --sources-page, --title, --author and --notes. It
 * never initialises GTK, so it runs with DISPLAY and WAYLAND_DISPLAY unset. main() calls lode_cli_run() first and starts the application only
 * when it answers LODE_CLI_START_GUI.
 *
 * Errors print one line, "lodestone: …", on stderr. Exit status: 0 success, 1 a file could not
 * be read or written (or the model failed), 2 a usage error (unknown option or view, bad size,
 * year, scale or --set).
 */
#pragma once

#include <glib.h>

#include "lode-scenario.h"

G_BEGIN_DECLS

#define LODE_CLI_ERROR (lode_cli_error_quark ())

typedef enum
{
  LODE_CLI_ERROR_USAGE,   /* options that do not go together, or a bad value */
} LodeCliError;

typedef enum
{
  LODE_CLI_EXIT_OK      = 0,
  LODE_CLI_EXIT_FAILURE = 1,   /* I/O, bad scenario file, model error */
  LODE_CLI_EXIT_USAGE   = 2,   /* bad option or value */
} LodeCliExit;

typedef enum
{
  LODE_CLI_DONE,        /* handled: exit with *out_exit_code */
  LODE_CLI_START_GUI,   /* run the application with *out_gui_argv */
} LodeCliResult;

/* Parses `argv` (not modified). On LODE_CLI_START_GUI, *out_gui_argv holds the program name
 * followed by the file arguments, for g_application_run(); free it with g_strfreev(). */
LodeCliResult lode_cli_run (int    argc,
                            char **argv,
                            int   *out_exit_code,
                            char ***out_gui_argv);

/* The command line parsed and checked as lode_cli_run() does, without running it: nothing is
 * read, written or printed, and --help is an unknown option (it would print and exit). For
 * the tests and the fuzzer. Errors are in G_OPTION_ERROR, LODE_CLI_ERROR or the export's
 * LODE_EXPORT_ERROR (a bad view or size). */
typedef struct _LodeCliOptions LodeCliOptions;

GQuark          lode_cli_error_quark          (void);
LodeCliOptions *lode_cli_parse                (int                    argc,
                                               char                 **argv,
                                               GError               **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE for --summary, --csv, --export, --explain or --save-as: no window. */
gboolean        lode_cli_options_get_headless (const LodeCliOptions  *options);
/* --horizon and every --set, applied to `scenario`; then --year checked against it; then
 * --title, --author and --notes (after --set without them, the title and notes say what
 * changed). */
gboolean        lode_cli_options_apply        (const LodeCliOptions  *options,
                                               LodeScenario          *scenario,
                                               GError               **error);
void            lode_cli_options_free         (LodeCliOptions        *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeCliOptions, lode_cli_options_free)

G_END_DECLS
