/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-output-file.c — writing a file so that nothing is lost (see the header).
 */
#define _GNU_SOURCE   /* O_TMPFILE, AT_EMPTY_PATH */
#define G_LOG_DOMAIN "lode-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lode-model-types.h"
#include "lode-output-file.h"

#define MAX_LINKS       40            /* as the kernel's own limit when it follows links */
#define CHUNK           (64 * 1024)
#define TEMP_INFIX      ".lode-"      /* temporary names: ".<name>.lode-<pid>-<random>" */
#define MAX_TEMP_BASE   180           /* bytes of the target's name kept in a temporary name */
#define NAME_ATTEMPTS   16

G_DEFINE_QUARK (lode-output-error-quark, lode_output_error)

static LodeOutputHook test_hook;
static gpointer test_hook_data;
static gboolean test_named;

typedef struct
{
  char        *display;     /* the path as given, for messages */
  char        *target;      /* the path after symbolic links */
  char        *dir;         /* the target's folder */
  char        *base;        /* the target's name in it */
  gboolean     exists;
  struct stat  st;          /* the target's, when it exists */
  int          dir_fd;
  int          fd;
  gboolean     unnamed;     /* fd is an O_TMPFILE file */
  gboolean     cannot_link; /* the system would not give it a name (no /proc) */
  char        *temp_name;   /* the temporary file's name in dir, while it has one */
} Output;

static void
step_done (LodeOutputStep step)
{
  if (test_hook != NULL)
    test_hook (step, test_hook_data);
}

static void
output_clear (Output *o)
{
  if (o->fd >= 0)
    close (o->fd);
  if (o->temp_name != NULL && o->dir_fd >= 0)
    unlinkat (o->dir_fd, o->temp_name, 0);
  if (o->dir_fd >= 0)
    close (o->dir_fd);
  g_free (o->temp_name);
  g_free (o->display);
  g_free (o->target);
  g_free (o->dir);
  g_free (o->base);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Output      *o,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LODE_OUTPUT_ERROR, code,
               /* Translators: a file name, then why it cannot be written */
               _("%s: %s"), o->display, why);
  return FALSE;
}

/* A failed system call while writing, by what its errno means to the person saving. */
static gboolean
fail_errno (Output     *o,
            GError    **error,
            int         saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EFBIG:
    case EDQUOT:
      return fail (o, error, LODE_OUTPUT_ERROR_NO_SPACE,
                   _("the disk is full or the file would be too large (%s); nothing was "
                     "changed"),
                   g_strerror (saved_errno));
    case EACCES:
    case EPERM:
    case EROFS:
      {
        g_autofree char *folder = g_filename_display_name (o->dir != NULL ? o->dir : ".");

        return fail (o, error, LODE_OUTPUT_ERROR_READ_ONLY,
                     _("the folder “%s” is read-only for you (%s); nothing was changed"),
                     folder, g_strerror (saved_errno));
      }
    default:
      return fail (o, error, LODE_OUTPUT_ERROR_FAILED, _("%s; nothing was changed"),
                   g_strerror (saved_errno));
    }
}

gboolean
lode_output_file_link_is_followed (guint link_uid,
                                   guint folder_uid,
                                   guint folder_mode,
                                   guint euid)
{
  /* As the kernel's fs.protected_symlinks: in a sticky folder everyone may write to, only the
   * links of the folder's owner or of the follower are followed. */
  if ((folder_mode & S_ISVTX) == 0 || (folder_mode & S_IWOTH) == 0)
    return TRUE;
  return link_uid == euid || link_uid == folder_uid;
}

/* The entries of /proc/PID/fd name a process's open files, not paths: /dev/stdout is one. A
 * file put in place by rename would replace what the stream was redirected to (a log opened
 * for appending, say) instead of writing to the stream. */
static gboolean
is_open_file_link (const char *link_path)
{
  g_autofree char *folder = g_path_get_dirname (link_path);
  g_autofree char *real = realpath (folder, NULL);

  return real != NULL && g_str_has_prefix (real, "/proc/") && g_str_has_suffix (real, "/fd");
}

/* A link the kernel itself would not follow for us (see above). */
static gboolean
is_protected_link (const char        *link_path,
                   const struct stat *link_st)
{
  g_autofree char *folder = g_path_get_dirname (link_path);
  struct stat folder_st;

  if (stat (folder, &folder_st) != 0)
    return FALSE;
  return !lode_output_file_link_is_followed (link_st->st_uid, folder_st.st_uid,
                                             folder_st.st_mode, geteuid ());
}

/* Follows symbolic links to the file they point to, which may not exist yet. */
static gboolean
resolve (Output      *o,
         const char  *path,
         GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      g_autoptr(GError) link_error = NULL;
      g_autofree char *link = NULL;
      struct stat st;

      if (lstat (current, &st) != 0)
        {
          int saved = errno;

          if (saved != ENOENT)
            return fail_errno (o, error, saved);
          o->exists = FALSE;
          break;
        }
      if (!S_ISLNK (st.st_mode))
        {
          o->exists = TRUE;
          o->st = st;
          break;
        }
      if (i == MAX_LINKS)
        return fail (o, error, LODE_OUTPUT_ERROR_LINK_LOOP,
                     _("it is a symbolic link that loops, or a chain of more than %d links; "
                       "nothing was changed"),
                     MAX_LINKS);
      if (is_open_file_link (current))
        return fail (o, error, LODE_OUTPUT_ERROR_NOT_REGULAR,
                     _("it names a stream of a running program, such as standard output, "
                       "not a file; Lodestone writes only files, so nothing was changed"));
      if (is_protected_link (current, &st))
        return fail (o, error, LODE_OUTPUT_ERROR_READ_ONLY,
                     _("it is a symbolic link another user left in a shared folder; "
                       "Lodestone does not follow it, so nothing was changed"));

      link = g_file_read_link (current, &link_error);
      if (link == NULL)
        return fail (o, error, LODE_OUTPUT_ERROR_FAILED, "%s", link_error->message);
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  o->dir = g_path_get_dirname (current);
  o->base = g_path_get_basename (current);
  o->target = g_steal_pointer (&current);
  return TRUE;
}

/* A file that is there must be a regular file we may write. */
static gboolean
check_target (Output  *o,
              GError **error)
{
  if (!o->exists)
    return TRUE;
  if (!S_ISREG (o->st.st_mode))
    return fail (o, error, LODE_OUTPUT_ERROR_NOT_REGULAR,
                 _("it is %s; Lodestone writes only regular files"),
                 lode_file_type_describe (o->st.st_mode));
  /* The mode as well as access(): root may write anything, but a file nobody may write is
   * read-only on purpose. */
  if ((o->st.st_mode & 0222) == 0 || access (o->target, W_OK) != 0)
    return fail (o, error, LODE_OUTPUT_ERROR_READ_ONLY,
                 _("the file is read-only; Lodestone does not replace read-only files"));
  return TRUE;
}

static gboolean
open_folder (Output  *o,
             GError **error)
{
  o->dir_fd = open (o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (o->dir_fd < 0)
    {
      int saved = errno;
      g_autofree char *folder = g_filename_display_name (o->dir);

      if (saved == ENOENT)
        return fail (o, error, LODE_OUTPUT_ERROR_FAILED, _("the folder “%s” does not exist"),
                     folder);
      return fail_errno (o, error, saved);
    }
  return TRUE;
}

/* ".<name>.lode-<pid>-<random>" */
static char *
new_temp_name (const char *base)
{
  return g_strdup_printf (".%.*s" TEMP_INFIX "%d-%08x", MAX_TEMP_BASE, base, (int) getpid (),
                          g_random_int ());
}

/* The temporary file, with the target's mode (and owner, when we may) from the start. */
static gboolean
create_temp (Output   *o,
             gboolean  unnamed,
             GError  **error)
{
  mode_t mode = o->exists ? (o->st.st_mode & 0777) : 0644;

  o->unnamed = FALSE;
  if (unnamed)
    {
      o->fd = openat (o->dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
      o->unnamed = o->fd >= 0;
    }
  for (guint i = 0; o->fd < 0 && i < NAME_ATTEMPTS; i++)
    {
      g_free (o->temp_name);
      o->temp_name = new_temp_name (o->base);
      o->fd = openat (o->dir_fd, o->temp_name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
      if (o->fd < 0 && errno != EEXIST)
        {
          int saved = errno;

          g_clear_pointer (&o->temp_name, g_free);
          return fail_errno (o, error, saved);
        }
    }
  if (o->fd < 0)
    return fail_errno (o, error, EEXIST);

  if (o->exists)
    {
      /* The umask may have taken bits away: the new file gets exactly the old one's mode. */
      if ((o->st.st_uid != geteuid () || o->st.st_gid != getegid ()) &&
          fchown (o->fd, o->st.st_uid, o->st.st_gid) != 0)
        g_debug ("%s keeps its mode but not its owner: %s", o->target, g_strerror (errno));
      if (fchmod (o->fd, mode) != 0)
        return fail_errno (o, error, errno);
    }
  step_done (LODE_OUTPUT_STEP_CREATED);
  return TRUE;
}

static gboolean
write_all (Output      *o,
           const void  *data,
           gsize        length,
           GError     **error)
{
  const guint8 *p = data;
  gsize left = length;
  /* The first write is half the data at most, so the PARTIAL step is partial. */
  gsize chunk = MIN (CHUNK, MAX (1, length / 2));
  gboolean first = TRUE;

  while (left > 0)
    {
      gssize n = write (o->fd, p, MIN (left, chunk));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return fail_errno (o, error, n < 0 ? errno : ENOSPC);
      p += n;
      left -= (gsize) n;
      chunk = CHUNK;
      if (first)
        step_done (LODE_OUTPUT_STEP_PARTIAL);
      first = FALSE;
    }
  step_done (LODE_OUTPUT_STEP_WRITTEN);

  if (fsync (o->fd) != 0 && errno != EINVAL)
    return fail_errno (o, error, errno);
  step_done (LODE_OUTPUT_STEP_SYNCED);
  return TRUE;
}

/* Gives the unnamed temporary file the name `name` in the folder. */
static int
link_unnamed (Output     *o,
              const char *name)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", o->fd);

  if (linkat (AT_FDCWD, proc, o->dir_fd, name, AT_SYMLINK_FOLLOW) == 0)
    return 0;
  if (errno == EEXIST)
    return -1;
  /* Without /proc: possible with CAP_DAC_READ_SEARCH. */
  if (linkat (o->fd, "", o->dir_fd, name, AT_EMPTY_PATH) == 0)
    return 0;
  o->cannot_link = errno != EEXIST;
  return -1;
}

static gboolean
name_unnamed (Output  *o,
              GError **error)
{
  for (guint i = 0; i < NAME_ATTEMPTS; i++)
    {
      g_autofree char *name = new_temp_name (o->base);

      if (link_unnamed (o, name) == 0)
        {
          o->temp_name = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        return fail_errno (o, error, errno);
    }
  return fail_errno (o, error, EEXIST);
}

/* Puts the finished file at the target: one link for a new file, one rename otherwise. */
static gboolean
place (Output  *o,
       GError **error)
{
  struct stat now;

  if (o->unnamed && !o->exists)
    {
      if (link_unnamed (o, o->base) == 0)
        {
          step_done (LODE_OUTPUT_STEP_PLACED);
          return TRUE;
        }
      if (errno != EEXIST)
        return fail_errno (o, error, errno);
      /* Someone created the target meanwhile: replace it as below, if it is a regular file. */
    }
  if (o->unnamed && !name_unnamed (o, error))
    return FALSE;
  step_done (LODE_OUTPUT_STEP_NAMED);

  /* What is at the target now, not a moment ago: never rename over a device, folder or link
   * that took its place. */
  if (fstatat (o->dir_fd, o->base, &now, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG (now.st_mode))
    return fail (o, error, LODE_OUTPUT_ERROR_NOT_REGULAR,
                 _("it is %s; Lodestone writes only regular files"),
                 lode_file_type_describe (now.st_mode));

  if (renameat (o->dir_fd, o->temp_name, o->dir_fd, o->base) != 0)
    return fail_errno (o, error, errno);
  g_clear_pointer (&o->temp_name, g_free);
  step_done (LODE_OUTPUT_STEP_PLACED);
  return TRUE;
}

/* The end of a temporary name: the eight hex digits new_temp_name() writes, and nothing
 * after them (anything else beside the target is someone else's). */
static gboolean
is_temp_suffix (const char *s)
{
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return s[8] == '\0';
}

/* Temporary files of this target left by a process that was killed between naming its file
 * and renaming it. */
static void
sweep_stale (Output *o)
{
  g_autofree char *prefix = g_strdup_printf (".%.*s" TEMP_INFIX, MAX_TEMP_BASE, o->base);
  g_autoptr(GDir) dir = g_dir_open (o->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *end = NULL;
      gint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = g_ascii_strtoll (name + strlen (prefix), &end, 10);
      if (end == NULL || *end != '-' || pid <= 0 || pid == getpid () || pid > G_MAXINT ||
          !is_temp_suffix (end + 1))
        continue;
      if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        unlinkat (o->dir_fd, name, 0);
    }
}

static gboolean
write_file (Output      *o,
            const void  *data,
            gsize        length,
            gboolean     unnamed,
            GError     **error)
{
  if (!create_temp (o, unnamed, error) ||
      !write_all (o, data, length, error) ||
      !place (o, error))
    return FALSE;

  /* The rename itself on disk. Nothing to undo if this fails: the file is in place. */
  if (fsync (o->dir_fd) != 0 && errno != EINVAL)
    g_debug ("fsync of %s: %s", o->dir, g_strerror (errno));
  step_done (LODE_OUTPUT_STEP_DONE);
  sweep_stale (o);
  return TRUE;
}

gboolean
lode_output_file_write (const char  *path,
                        const void  *data,
                        gsize        length,
                        GError     **error)
{
  Output o = { .dir_fd = -1, .fd = -1 };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  o.display = g_filename_display_name (path);
  ok = resolve (&o, path, error) && check_target (&o, error) && open_folder (&o, error);
  if (ok)
    {
      ok = write_file (&o, data != NULL ? data : "", length, !test_named, &local_error);
      /* A system without O_TMPFILE linking (no /proc): once more with a named file. */
      if (!ok && o.cannot_link)
        {
          close (o.fd);
          o.fd = -1;
          g_clear_error (&local_error);
          ok = write_file (&o, data != NULL ? data : "", length, FALSE, &local_error);
        }
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  output_clear (&o);
  return ok;
}

/* What a resolved output names: "device:inode" when it exists, its absolute path if not. */
static char *
dup_resolved_identity (const Output *o)
{
  g_autofree char *real_dir = NULL;

  if (o->exists)
    return g_strdup_printf ("%ju:%ju", (uintmax_t) o->st.st_dev, (uintmax_t) o->st.st_ino);
  real_dir = realpath (o->dir, NULL);
  return g_build_filename (real_dir != NULL ? real_dir : o->dir, o->base, NULL);
}

gboolean
lode_output_file_check (const char  *path,
                        char       **out_identity,
                        GError     **error)
{
  Output o = { .dir_fd = -1, .fd = -1 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  o.display = g_filename_display_name (path);
  ok = resolve (&o, path, error) && check_target (&o, error) && open_folder (&o, error);
  if (ok && faccessat (o.dir_fd, ".", W_OK, AT_EACCESS) != 0)
    ok = fail_errno (&o, error, errno);
  if (ok && out_identity != NULL)
    *out_identity = dup_resolved_identity (&o);
  output_clear (&o);
  return ok;
}

char *
lode_output_file_dup_identity (const char *path)
{
  Output o = { .dir_fd = -1, .fd = -1 };
  char *identity = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  o.display = g_strdup (path);
  if (resolve (&o, path, NULL))
    identity = dup_resolved_identity (&o);
  output_clear (&o);
  return identity;
}

gboolean
lode_output_file_write_bytes (GFile   *file,
                              GBytes  *bytes,
                              GError **error)
{
  g_autofree char *path = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_LOCAL,
                   _("%s: Lodestone writes only files on this computer"),
                   name);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  return lode_output_file_write (path, data, length, error);
}

void
lode_output_file_set_test_hook (LodeOutputHook hook,
                                gpointer       user_data,
                                gboolean       named)
{
  test_hook = hook;
  test_hook_data = user_data;
  test_named = named;
}
