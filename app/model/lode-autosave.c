/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-autosave.c — unsaved changes written aside, and found again after a crash. */

#define G_LOG_DOMAIN "lode-autosave"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lode-autosave.h"
#include "lode-output-file.h"
#include "lode-scenario-io.h"

#define NAME_PREFIX  "autosave-"
#define GROUP        "autosave"
#define BOOT_ID_PATH "/proc/sys/kernel/random/boot_id"

struct _LodeAutosave
{
  GObject        parent_instance;

  /* Owned */
  LodeDocument  *document;
  LodeScenario  *scenario;       /* the document's scenario, watched for every change */
  char          *dir;
  char          *scenario_path;  /* dir/autosave-<pid>-<n>.lodestone */
  char          *info_path;      /* dir/autosave-<pid>-<n>.ini */
  GDateTime     *saved;
  guint          delay_ms;
  guint          timeout_id;
};

G_DEFINE_FINAL_TYPE (LodeAutosave, lode_autosave, G_TYPE_OBJECT)

/* Helpers */

/* The id of this boot, so that a pid from before a reboot is never taken for a live one. */
static char *
dup_boot_id (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (BOOT_ID_PATH, &text, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (g_steal_pointer (&text));
}

static gboolean
is_running (gint64      pid,
            const char *boot_id)
{
  g_autofree char *now = dup_boot_id ();

  if (boot_id != NULL && boot_id[0] != '\0' && now[0] != '\0' && strcmp (boot_id, now) != 0)
    return FALSE;
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno != ESRCH;
}

static void
remove_files (LodeAutosave *self)
{
  /* The key file first: without it the scenario is not offered for recovery. */
  g_unlink (self->info_path);
  g_unlink (self->scenario_path);
  g_clear_pointer (&self->saved, g_date_time_unref);
}

static gboolean
write_info (LodeAutosave  *self,
            GDateTime     *now,
            GError       **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *boot_id = dup_boot_id ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *name = g_path_get_basename (self->scenario_path);
  g_autofree char *data = NULL;
  GFile *file = lode_document_get_file (self->document);
  gsize length;

  g_key_file_set_int64 (info, GROUP, "pid", getpid ());
  g_key_file_set_string (info, GROUP, "boot-id", boot_id);
  g_key_file_set_string (info, GROUP, "saved", saved);
  g_key_file_set_string (info, GROUP, "scenario", name);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, GROUP, "file", uri);
    }
  data = g_key_file_to_data (info, &length, NULL);
  return lode_output_file_write (self->info_path, data, length, error);
}

static gboolean
write_files (LodeAutosave  *self,
             GError       **error)
{
  g_autoptr(GBytes) bytes = lode_scenario_to_bytes (self->scenario);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (self->dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  /* The scenario first, then the key file that makes it a recovery. */
  if (!lode_output_file_write (self->scenario_path, g_bytes_get_data (bytes, NULL),
                               g_bytes_get_size (bytes), error) ||
      !write_info (self, now, error))
    return FALSE;

  g_clear_pointer (&self->saved, g_date_time_unref);
  self->saved = g_date_time_ref (now);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  LodeAutosave *self = user_data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  if (!lode_autosave_save_now (self, &error))
    g_warning ("Unsaved changes could not be saved aside: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* After any change: a modified document is written a little later, an unmodified one has
 * nothing to keep. */
static void
changed_cb (LodeAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!lode_document_get_modified (self->document))
    {
      remove_files (self);
      return;
    }
  self->timeout_id = g_timeout_add (self->delay_ms, save_timeout_cb, self);
}

static void
watch_scenario (LodeAutosave *self)
{
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->scenario, lode_document_get_scenario (self->document));
  g_signal_connect_swapped (self->scenario, "changed", G_CALLBACK (changed_cb), self);
}

static void
scenario_replaced_cb (LodeAutosave *self)
{
  watch_scenario (self);
  changed_cb (self);
}

/* GObject */

static void
lode_autosave_dispose (GObject *object)
{
  LodeAutosave *self = LODE_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* Disposed means closed on purpose: saved, or the changes thrown away. */
  if (self->info_path != NULL)
    remove_files (self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->scenario);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (lode_autosave_parent_class)->dispose (object);
}

static void
lode_autosave_finalize (GObject *object)
{
  LodeAutosave *self = LODE_AUTOSAVE (object);

  g_free (self->dir);
  g_free (self->scenario_path);
  g_free (self->info_path);
  g_clear_pointer (&self->saved, g_date_time_unref);

  G_OBJECT_CLASS (lode_autosave_parent_class)->finalize (object);
}

static void
lode_autosave_class_init (LodeAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lode_autosave_dispose;
  object_class->finalize = lode_autosave_finalize;
}

static void
lode_autosave_init (LodeAutosave *self)
{
  self->delay_ms = LODE_AUTOSAVE_DELAY_MS;
}

/* Public API */

char *
lode_autosave_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "lodestone", NULL);
}

LodeAutosave *
lode_autosave_new (LodeDocument *document,
                   const char   *dir)
{
  static gint serial;
  LodeAutosave *self;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LODE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (LODE_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->dir = g_strdup (dir);
  stem = g_strdup_printf (NAME_PREFIX "%d-%d", (int) getpid (), g_atomic_int_add (&serial, 1));
  name = g_strconcat (stem, ".lodestone", NULL);
  self->scenario_path = g_build_filename (dir, name, NULL);
  g_free (name);
  name = g_strconcat (stem, ".ini", NULL);
  self->info_path = g_build_filename (dir, name, NULL);

  watch_scenario (self);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (document, "scenario-replaced", G_CALLBACK (scenario_replaced_cb),
                            self);
  return self;
}

void
lode_autosave_set_delay (LodeAutosave *self,
                         guint         delay_ms)
{
  g_return_if_fail (LODE_IS_AUTOSAVE (self));

  self->delay_ms = delay_ms;
}

gboolean
lode_autosave_save_now (LodeAutosave  *self,
                        GError       **error)
{
  g_return_val_if_fail (LODE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!lode_document_get_modified (self->document))
    {
      remove_files (self);
      return TRUE;
    }
  return write_files (self, error);
}

const char *
lode_autosave_get_path (LodeAutosave *self)
{
  g_return_val_if_fail (LODE_IS_AUTOSAVE (self), NULL);

  return self->scenario_path;
}

GDateTime *
lode_autosave_get_saved (LodeAutosave *self)
{
  g_return_val_if_fail (LODE_IS_AUTOSAVE (self), NULL);

  return self->saved;
}

/* Recovery */

void
lode_recovery_free (LodeRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->scenario_path);
  g_free (recovery->info_path);
  g_clear_object (&recovery->file);
  g_clear_pointer (&recovery->saved, g_date_time_unref);
  g_free (recovery);
}

void
lode_recovery_remove (LodeRecovery *recovery)
{
  g_return_if_fail (recovery != NULL);

  g_unlink (recovery->info_path);
  g_unlink (recovery->scenario_path);
}

LodeScenario *
lode_recovery_load (LodeRecovery  *recovery,
                    LodeDataset   *dataset,
                    GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (recovery != NULL, NULL);

  file = g_file_new_for_path (recovery->scenario_path);
  return lode_scenario_load_from_file (dataset, file, NULL, error);
}

/* The recovery a key file describes, if its process is gone and its scenario is there. */
static LodeRecovery *
read_orphan (const char *dir,
             const char *info_name)
{
  g_autoptr(LodeRecovery) recovery = g_new0 (LodeRecovery, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *boot_id = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *scenario = NULL;
  g_autofree char *uri = NULL;
  gint64 pid;

  recovery->info_path = g_build_filename (dir, info_name, NULL);
  if (!g_key_file_load_from_file (info, recovery->info_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  pid = g_key_file_get_int64 (info, GROUP, "pid", NULL);
  boot_id = g_key_file_get_string (info, GROUP, "boot-id", NULL);
  if (pid == getpid () || is_running (pid, boot_id))
    return NULL;

  saved = g_key_file_get_string (info, GROUP, "saved", NULL);
  scenario = g_key_file_get_string (info, GROUP, "scenario", NULL);
  uri = g_key_file_get_string (info, GROUP, "file", NULL);
  if (saved == NULL || scenario == NULL || strchr (scenario, G_DIR_SEPARATOR) != NULL)
    return NULL;
  recovery->saved = g_date_time_new_from_iso8601 (saved, NULL);
  recovery->scenario_path = g_build_filename (dir, scenario, NULL);
  if (recovery->saved == NULL ||
      !g_file_test (recovery->scenario_path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if (uri != NULL && uri[0] != '\0')
    recovery->file = g_file_new_for_uri (uri);
  return g_steal_pointer (&recovery);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const LodeRecovery *ra = *(const LodeRecovery * const *) a;
  const LodeRecovery *rb = *(const LodeRecovery * const *) b;

  return g_date_time_compare (rb->saved, ra->saved);
}

/* A scenario written by a process that died before its key file: nothing to offer. */
static void
remove_if_stray (const char *dir,
                 const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".lodestone"));
  g_autofree char *info_name = g_strconcat (stem, ".ini", NULL);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gint64 pid = g_ascii_strtoll (name + strlen (NAME_PREFIX), NULL, 10);

  if (!g_file_test (info_path, G_FILE_TEST_EXISTS) && pid != getpid () &&
      !is_running (pid, NULL))
    g_unlink (path);
}

GPtrArray *
lode_autosave_find_orphans (const char *dir)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) lode_recovery_free);
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, found);

  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      LodeRecovery *recovery;

      if (!g_str_has_prefix (name, NAME_PREFIX))
        continue;
      if (g_str_has_suffix (name, ".lodestone"))
        remove_if_stray (dir, name);
      else if (g_str_has_suffix (name, ".ini") && (recovery = read_orphan (dir, name)) != NULL)
        g_ptr_array_add (found, recovery);
    }
  g_ptr_array_sort (found, newest_first);
  return found;
}
