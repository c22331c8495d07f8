/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-output-file.h — the one way Lodestone writes a file: scenarios (Save, --save-as,
 * autosave), PNG, SVG and PDF exports and CSV.
 *
 * The target must be a regular file or not exist yet: a device, FIFO, socket or folder is
 * refused, and so is a read-only file (it is not silently replaced). A symbolic link is
 * written through to the file it points to, whatever writes it; links that loop are refused,
 * and so are the links the kernel's fs.protected_symlinks would not follow (another user's,
 * in a sticky folder everyone may write to) and the links of /proc/PID/fd (/dev/stdout):
 * they name an open stream, and replacing the file behind it would lose what it holds.
 * The new contents go to a temporary file in the target's folder that has the target's mode
 * from the start (a new file gets 0644 minus the umask) and, where the system allows it, no
 * name at all until it is complete (O_TMPFILE); it is written, fsynced, put in place with one
 * rename (a new file: one link, never a replace), and the folder is fsynced. On any failure
 * nothing is left at the target or beside it, and the previous file is unchanged.
 *
 * A kill can only leave something beside the target between naming the finished temporary
 * file and renaming it (two system calls): a complete copy with the target's mode, which the
 * next write to that target removes. On a file system without O_TMPFILE the temporary file
 * has its name from the start, so a kill during the write leaves a partial one (with the
 * target's mode, removed the same way).
 * Model library: GLib/GIO only.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LODE_OUTPUT_ERROR (lode_output_error_quark ())

typedef enum
{
  LODE_OUTPUT_ERROR_NOT_REGULAR,  /* the target is a device, FIFO, socket or folder */
  LODE_OUTPUT_ERROR_READ_ONLY,    /* the target file, or its folder, may not be written */
  LODE_OUTPUT_ERROR_LINK_LOOP,    /* symbolic links that loop, or too many of them */
  LODE_OUTPUT_ERROR_NO_SPACE,     /* the disk is full, or the file size limit is reached */
  LODE_OUTPUT_ERROR_NOT_LOCAL,    /* a GFile without a local path */
  LODE_OUTPUT_ERROR_FAILED,       /* anything else (the system's reason is in the message) */
} LodeOutputError;

/* The steps of a write, in order, for the test hook. */
typedef enum
{
  LODE_OUTPUT_STEP_CREATED,   /* the temporary file exists, empty, with its final mode */
  LODE_OUTPUT_STEP_PARTIAL,   /* the first part of the data is written */
  LODE_OUTPUT_STEP_WRITTEN,   /* all the data is written */
  LODE_OUTPUT_STEP_SYNCED,    /* and on disk */
  LODE_OUTPUT_STEP_NAMED,     /* the temporary file has a name beside the target */
  LODE_OUTPUT_STEP_PLACED,    /* the target is the new file */
  LODE_OUTPUT_STEP_DONE,      /* the folder is on disk too */
  LODE_OUTPUT_N_STEPS
} LodeOutputStep;

typedef void (*LodeOutputHook) (LodeOutputStep step,
                                gpointer       user_data);

GQuark      lode_output_error_quark         (void);

/* Writes `length` bytes to `path` (see above). Errors are in LODE_OUTPUT_ERROR; their message
 * is the file name, a colon and what is wrong ("plan.lodestone: the file is read-only; …"). */
gboolean    lode_output_file_write          (const char      *path,
                                             const void      *data,
                                             gsize            length,
                                             GError         **error);
gboolean    lode_output_file_write_bytes    (GFile           *file,
                                             GBytes          *bytes,
                                             GError         **error);

/* Whether `path` could be written now, without writing it: the checks of
 * lode_output_file_write() up to its first write (the target, its links and its folder).
 * A program that makes several files checks them all before it makes any. On success,
 * `out_identity` (may be NULL) gets what lode_output_file_dup_identity() would give. */
gboolean    lode_output_file_check          (const char      *path,
                                             char           **out_identity,
                                             GError         **error);
/* What `path` names after its links: "device:inode" for a file that exists, the absolute
 * path for one that does not yet; two paths name the same file when these are equal. NULL
 * when the path cannot be resolved (a loop, say). For a file that is read, not written. */
char       *lode_output_file_dup_identity   (const char      *path) G_GNUC_WARN_UNUSED_RESULT;

/* Whether a symbolic link owned by `link_uid`, in a folder owned by `folder_uid` with mode
 * `folder_mode`, is followed for a process of effective user `euid`: as the kernel's
 * fs.protected_symlinks, a link someone else left in a sticky folder everyone may write to
 * is not. Exposed for tests. */
gboolean    lode_output_file_link_is_followed (guint           link_uid,
                                               guint           folder_uid,
                                               guint           folder_mode,
                                               guint           euid);

/* Tests only: calls `hook` after each step of every write in this process (NULL: none), so a
 * test can kill the process at a chosen step rather than at a chosen moment; with `named`,
 * writes as on a file system without O_TMPFILE. */
void        lode_output_file_set_test_hook  (LodeOutputHook   hook,
                                             gpointer         user_data,
                                             gboolean         named);

G_END_DECLS
