/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeAutosave — keeps unsaved changes safe from a crash, a kill or a dead battery.
 *
 * An autosave watches one LodeDocument. A few seconds after the last change to a modified
 * document it writes the scenario, through the one output path (lode-output-file.h), to the
 * user's state folder ($XDG_STATE_HOME/lodestone, or wherever the caller says), with a small
 * key file that says which process wrote it, when, and which file the scenario belongs to.
 * When the document is saved, or its changes are undone or thrown away, and when the autosave
 * is disposed (a clean close), the files are removed. What is left in the folder therefore
 * belongs to a process that died with unsaved changes: lode_autosave_find_orphans() lists
 * them so that the next start can offer to restore them.
 * Model library: GLib/GIO only (timeouts on the thread-default main context).
 */
#pragma once

#include <gio/gio.h>

#include "lode-document.h"

G_BEGIN_DECLS

#define LODE_AUTOSAVE_DELAY_MS 3000   /* after the last change */

#define LODE_TYPE_AUTOSAVE (lode_autosave_get_type ())

G_DECLARE_FINAL_TYPE (LodeAutosave, lode_autosave, LODE, AUTOSAVE, GObject)

/* What a process that died left behind. */
typedef struct
{
  char      *scenario_path;   /* the autosaved scenario */
  char      *info_path;       /* its key file */
  GFile     *file;            /* the file the scenario belongs to, or NULL if never saved */
  GDateTime *saved;           /* when it was autosaved (UTC) */
} LodeRecovery;

/* $XDG_STATE_HOME/lodestone (g_get_user_state_dir ()). */
char           *lode_autosave_default_dir   (void) G_GNUC_WARN_UNUSED_RESULT;

LodeAutosave   *lode_autosave_new           (LodeDocument  *document,
                                             const char    *dir) G_GNUC_WARN_UNUSED_RESULT;
/* Milliseconds after the last change (default LODE_AUTOSAVE_DELAY_MS). */
void            lode_autosave_set_delay     (LodeAutosave  *self,
                                             guint          delay_ms);
/* Writes now if the document is modified (and removes the files if it is not). */
gboolean        lode_autosave_save_now      (LodeAutosave  *self,
                                             GError       **error);
/* The scenario file this autosave writes (whether or not it exists now). */
const char     *lode_autosave_get_path      (LodeAutosave  *self);
/* When it last wrote, or NULL if its files are not there. */
GDateTime      *lode_autosave_get_saved     (LodeAutosave  *self);

/* The autosaves in `dir` left by processes that are no longer running, newest first. */
GPtrArray      *lode_autosave_find_orphans  (const char    *dir) G_GNUC_WARN_UNUSED_RESULT;
LodeScenario   *lode_recovery_load          (LodeRecovery  *recovery,
                                             LodeDataset   *dataset,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Removes the recovery's files: after it was restored (and saved again) or discarded. */
void            lode_recovery_remove        (LodeRecovery  *recovery);
void            lode_recovery_free          (LodeRecovery  *recovery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeRecovery, lode_recovery_free)

G_END_DECLS
