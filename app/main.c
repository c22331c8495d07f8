/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the command line first; the application only when a window is wanted. */

#define G_LOG_DOMAIN "main"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "lode-application.h"
#include "lode-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LodeApplication) app = NULL;
  g_auto(GStrv) gui_argv = NULL;
  const char *localedir;
  int exit_code = 0;

  /* Translations, before any option text is shown; LODESTONE_LOCALEDIR lets an uninstalled
   * build (and the tests) use the catalogues in the build tree. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("LODESTONE_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Everything that needs no window runs here, without initialising GTK. */
  if (lode_cli_run (argc, argv, &exit_code, &gui_argv) == LODE_CLI_DONE)
    return exit_code;

  app = lode_application_new ();
  return g_application_run (G_APPLICATION (app), (int) g_strv_length (gui_argv), gui_argv);
}
