/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — lodestone: the headless command line, and the window program when a window is
 * wanted. This program links the model and drawing libraries only (no GTK, no libadwaita), so
 * --export, --csv, --summary and --save-as pay for what they use; it replaces itself with
 * lodestone-window (window-main.c) for everything else. */

#define G_LOG_DOMAIN "main"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "lode-cli.h"

#define WINDOW_PROGRAM "lodestone-window"

/* Beside this program in a build tree; in libexecdir once installed. */
static char *
find_window_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, WINDOW_PROGRAM, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LIBEXECDIR, WINDOW_PROGRAM, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *window_program = NULL;
  char *no_arguments[] = { (char *) "lodestone", NULL };
  int exit_code = 0;
  int saved_errno;

  lode_cli_init_locale ();

  /* Everything that needs no window runs here. */
  if (lode_cli_run (argc, argv, &exit_code, NULL) == LODE_CLI_DONE)
    return exit_code;

  /* The window program parses the same arguments again and opens the files they name. */
  window_program = find_window_program ();
  execv (window_program, argc > 0 ? argv : no_arguments);
  saved_errno = errno;
  g_printerr ("lodestone: ");
  /* Translators: %s is a program's path, then the system's reason */
  g_printerr (_("Cannot start the window program %s: %s"), window_program,
              g_strerror (saved_errno));
  g_printerr ("\n");
  return LODE_CLI_EXIT_FAILURE;
}
