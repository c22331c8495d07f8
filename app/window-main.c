/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window-main.c — lodestone-window, the program `lodestone` starts when a window is wanted:
 * GTK, libadwaita and the application live here, so the headless command line never loads
 * them. Run directly it behaves as `lodestone` does. */

#define G_LOG_DOMAIN "window-main"

#include "config.h"

#include "lode-application.h"
#include "lode-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LodeApplication) app = NULL;
  g_auto(GStrv) gui_argv = NULL;
  int exit_code = 0;

  lode_cli_init_locale ();
  if (lode_cli_run (argc, argv, &exit_code, &gui_argv) == LODE_CLI_DONE)
    return exit_code;

  lode_application_skip_gtk_theme ();
  app = lode_application_new ();
  return g_application_run (G_APPLICATION (app), (int) g_strv_length (gui_argv), gui_argv);
}
