/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeApplication — the single-instance AdwApplication: it loads the reference dataset once,
 * owns the app-wide actions (quit, about), the style sheet and the Open Recent menu, and
 * opens files given on the command line or handed over by a second `lodestone FILE`.
 * App library: GTK and libadwaita.
 */
#pragma once

#include <adwaita.h>

#include "lode-dataset.h"

G_BEGIN_DECLS

#define LODE_TYPE_APPLICATION (lode_application_get_type ())

/* The MIME type of a .lodestone scenario file, as data/ registers it. */
#define LODE_SCENARIO_MIME_TYPE "application/x-lodestone+xml"

G_DECLARE_FINAL_TYPE (LodeApplication, lode_application, LODE, APPLICATION, AdwApplication)

LodeApplication *lode_application_new         (void) G_GNUC_WARN_UNUSED_RESULT;

/* The reference dataset every document of this application builds on (loaded at startup). */
LodeDataset     *lode_application_get_dataset (LodeApplication *self);

/* GTK parses its own theme when its settings are made, and libadwaita replaces it with an
 * empty one straight after. Call lode_application_skip_gtk_theme() in main() while the
 * process has one thread (it sets an environment variable), before GTK starts; the
 * application's start-up calls lode_application_init_libadwaita() after gtk_init(), in place
 * of adw_init(). Both do nothing about the theme when GTK_THEME is set. */
void              lode_application_skip_gtk_theme  (void);
void              lode_application_init_libadwaita (void);

G_END_DECLS
