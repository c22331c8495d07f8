/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the UI tests share: their start (GTK under test, libadwaita, the application they
 * drive), the end of a window (destroyed, its events run, finalized), frames, renders of a
 * widget, and libadwaita's property contract.
 */
#pragma once

#include <adwaita.h>

#include "lode-application.h"

G_BEGIN_DECLS

/* gtk_test_init() and adw_init(). */
void             ui_test_init           (int          *argc,
                                         char       ***argv);
/* The same, in `language` ("de", "ja"): LANGUAGE, a UTF-8 locale and the build's catalogues
 * (LODESTONE_LOCALEDIR), set before GTK starts. */
void             ui_test_init_in_language (int          *argc,
                                           char       ***argv,
                                           const char   *language);
/* A registered application that opens files and is not unique, as the UI tests use it. */
LodeApplication *ui_test_app_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* g_test_run(), then drops `app`. */
int              ui_test_run_with_app   (LodeApplication  *app);

/* Destroys `window`, runs what that queued and checks it is finalized: the end of every test
 * that opens a window. Takes the caller's reference. */
void             ui_test_finish_window  (gpointer          window);
/* Lets the frame clock run `n` frames of `widget`'s toplevel. */
void             ui_test_wait_frames    (GtkWidget        *widget,
                                         guint             n);
/* What `widget` shows now, rendered as its window's renderer would. */
GdkTexture      *ui_test_render         (GtkWidget        *widget) G_GNUC_WARN_UNUSED_RESULT;
/* How many pixels of `widget`, rendered as above, differ from what `paint` draws on a
 * transparent image of the widget's size: 0 when the widget shows exactly that painting. */
guint            ui_test_count_differences_from_paint (GtkWidget *widget,
                                                       void     (*paint) (cairo_t  *cr,
                                                                          gpointer  data),
                                                       gpointer   data);

/* libadwaita's property contract for `name` of a fresh `object`: it starts at the pspec's
 * default and notifies explicitly; through g_object_set, setting the value it has notifies
 * nothing, setting `other` notifies exactly once and reads back, and setting the default
 * again notifies once more. */
void             ui_test_check_property (gpointer          object,
                                         const char       *name,
                                         const GValue     *other);
/* The same for a construct-only property: it reads back what construction gave it. */
void             ui_test_check_construct_property (gpointer      object,
                                                   const char   *name,
                                                   const GValue *expected);

G_END_DECLS
