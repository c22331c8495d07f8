/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The headless command line: everything `lodestone` can do without a window — --version,
 * --summary, --csv, --export and --save-as, with --set, --horizon, --view, --year, --size,
 * --scale and --transparent. It never initialises GTK, so it runs with DISPLAY and
 * WAYLAND_DISPLAY unset. main() calls lode_cli_run() first and starts the application only
 * when it answers LODE_CLI_START_GUI.
 *
 * Errors print one line, "lodestone: …", on stderr. Exit status: 0 success, 1 a file could not
 * be read or written (or the model failed), 2 a usage error (unknown option or view, bad size,
 * year, scale or --set).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

/* setlocale() and the gettext domain, before any option text is shown. LODESTONE_LOCALEDIR,
 * when set, names the catalogues of an uninstalled build (the tests use it). */
void          lode_cli_init_locale (void);

/* Parses `argv` (not modified). On LODE_CLI_START_GUI, *out_gui_argv holds the program name
 * followed by the file arguments, for g_application_run(); free it with g_strfreev(). */
LodeCliResult lode_cli_run (int    argc,
                            char **argv,
                            int   *out_exit_code,
                            char ***out_gui_argv);

G_END_DECLS
