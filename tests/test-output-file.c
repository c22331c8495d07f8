/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-output-file.c — the one output path (lode-output-file.c) for everything Lodestone
 * writes, one test per failure of issue #16 items 5 to 8: devices, FIFOs and folders refused;
 * read-only files refused, not replaced; modes kept; links written through and loops refused;
 * a full disk and a kill at every step leave the old file and nothing beside it.
 */
#define G_LOG_DOMAIN "test-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lode-output-file.h"
#include "tmp-tree.h"

#define NOBODY 65534
#define OLD_TEXT "the old, private contents\n"

static const char *step_names[LODE_OUTPUT_N_STEPS] = {
  "created", "partial", "written", "synced", "named", "placed", "done",
};

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

static void
write_file (const char *path,
            const char *text,
            mode_t      mode)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
assert_contents (const char *path,
                 const char *text,
                 mode_t      mode)
{
  g_autofree char *contents = NULL;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, mode);
}

/* What a new file gets: 0644 minus the umask. */
static mode_t
new_file_mode (void)
{
  mode_t mask = umask (022);

  umask (mask);
  return 0644 & ~mask;
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  gboolean ok = lode_output_file_write (path, text, strlen (text), error);

  if (!ok)
    g_test_message ("%s", (*error)->message);
  return ok;
}

/* ------------------------------------------------------------------------------------------ */
/* Item 5: what may be written, and with which mode                                            */

static void
test_not_regular (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *to_null = g_build_filename (dir, "null.csv", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* A device: once replaced by a regular file with exit 0. */
  g_assert_false (write_text ("/dev/null", "x", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, "/dev/null: "));
  g_assert_nonnull (strstr (error->message, "device"));
  g_clear_error (&error);
  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* The same through a link. */
  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  g_assert_false (write_text (to_null, "x", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  g_assert_true (g_file_test (to_null, G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (write_text (fifo, "x", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (write_text (folder, "x", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  /* Nothing new beside them. */
  {
    g_autofree char *names = lode_tmp_tree_list (dir);

    g_assert_cmpstr (names, ==, "folder null.csv pipe");
  }
  lode_tmp_tree_remove (dir);
}

static void
test_modes (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *private = g_build_filename (dir, "private.lodestone", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.csv", NULL);
  g_autofree char *readonly = g_build_filename (dir, "readonly.png", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.svg", NULL);
  g_autofree char *fresh_private = g_build_filename (dir, "new-private.svg", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  /* A 0600 file once came back 0644. */
  write_file (private, OLD_TEXT, 0600);
  g_assert_true (write_text (private, "new", &error));
  assert_contents (private, "new", 0600);

  /* Modes the umask would not give are kept too. */
  write_file (shared, OLD_TEXT, 0664);
  old_umask = umask (022);
  g_assert_true (write_text (shared, "new", &error));
  assert_contents (shared, "new", 0664);

  /* A 0444 file was silently overwritten as 0644: now it is refused and left alone. */
  write_file (readonly, OLD_TEXT, 0444);
  g_assert_false (write_text (readonly, "new", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  assert_contents (readonly, OLD_TEXT, 0444);

  /* New files: 0644 minus the umask. */
  g_assert_true (write_text (fresh, "new", &error));
  assert_contents (fresh, "new", 0644);
  umask (077);
  g_assert_true (write_text (fresh_private, "new", &error));
  assert_contents (fresh_private, "new", 0600);
  umask (old_umask);

  {
    g_autofree char *names = lode_tmp_tree_list (dir);

    g_assert_cmpstr (names, ==,
                     "new-private.svg new.svg private.lodestone readonly.png shared.csv");
  }
  lode_tmp_tree_remove (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Items 5 and 7: links                                                                        */

static void
test_links (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *real = g_build_filename (sub, "real.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.png", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.csv", NULL);
  g_autofree char *made = g_build_filename (sub, "made.csv", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "a.lodestone", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "b.lodestone", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file (real, OLD_TEXT, 0640);
  g_assert_cmpint (symlink ("sub/real.png", link), ==, 0);
  g_assert_cmpint (symlink ("link.png", chain), ==, 0);

  /* A link once became a plain file: now the file it points to is written, with its mode. */
  g_assert_true (write_text (chain, "through two links", &error));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (real, "through two links", 0640);

  /* A link to a file that does not exist yet creates it. */
  g_assert_cmpint (symlink ("sub/made.csv", dangling), ==, 0);
  g_assert_true (write_text (dangling, "made", &error));
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_contents (made, "made", new_file_mode ());

  /* A loop once created a 0777 file: now it is refused and nothing is created. */
  g_assert_cmpint (symlink ("b.lodestone", loop_a), ==, 0);
  g_assert_cmpint (symlink ("a.lodestone", loop_b), ==, 0);
  g_assert_false (write_text (loop_a, "x", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_LINK_LOOP);
  g_assert_nonnull (strstr (error->message, "loops"));
  g_clear_error (&error);
  g_assert_true (g_file_test (loop_a, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (loop_b, G_FILE_TEST_IS_SYMLINK));

  {
    g_autofree char *names = lode_tmp_tree_list (dir);
    g_autofree char *sub_names = lode_tmp_tree_list (sub);

    g_assert_cmpstr (names, ==, "a.lodestone b.lodestone chain.png dangling.csv link.png sub");
    g_assert_cmpstr (sub_names, ==, "made.csv real.png");
  }
  lode_tmp_tree_remove (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Item 6: a full disk                                                                         */

static gboolean
write_with_size_limit (const char  *path,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *data = g_strnfill (length, 'd');
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 16 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  ok = lode_output_file_write (path, data, length, error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);
  return ok;
}

static void
test_disk_full (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *fresh = g_build_filename (dir, "new.lodestone", NULL);
  g_autofree char *old = g_build_filename (dir, "old.lodestone", NULL);
  g_autoptr(GError) error = NULL;

  /* A new file once stayed behind truncated, and then failed to load. */
  g_assert_false (write_with_size_limit (fresh, 64 * 1024, &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, fresh));
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  write_file (old, OLD_TEXT, 0600);
  g_assert_false (write_with_size_limit (old, 64 * 1024, &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_contents (old, OLD_TEXT, 0600);

  {
    g_autofree char *names = lode_tmp_tree_list (dir);

    g_assert_cmpstr (names, ==, "old.lodestone");
  }
  lode_tmp_tree_remove (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Items 6 and 8: a kill at each step                                                          */

static void
kill_at_step_cb (LodeOutputStep step,
                 gpointer       user_data)
{
  if (step == GPOINTER_TO_UINT (user_data))
    raise (SIGKILL);
}

/* In the subprocess: writes LODE_TEST_KILL_PATH with the hook set to kill at the step. */
static void
kill_subprocess (void)
{
  const char *path = g_getenv ("LODE_TEST_KILL_PATH");
  guint step = (guint) g_ascii_strtoull (g_getenv ("LODE_TEST_KILL_STEP"), NULL, 10);
  g_autofree char *data = g_strnfill (200 * 1024, 'n');

  lode_output_file_set_test_hook (kill_at_step_cb, GUINT_TO_POINTER (step),
                                  g_getenv ("LODE_TEST_KILL_NAMED") != NULL);
  lode_output_file_write (path, data, strlen (data), NULL);
  /* Only the DONE step may be reached by a write that was not killed. */
  g_assert_not_reached ();
}

static void
run_killed (const char     *path,
            LodeOutputStep  step,
            gboolean        named)
{
  g_autofree char *step_text = g_strdup_printf ("%u", step);

  g_setenv ("LODE_TEST_KILL_PATH", path, TRUE);
  g_setenv ("LODE_TEST_KILL_STEP", step_text, TRUE);
  if (named)
    g_setenv ("LODE_TEST_KILL_NAMED", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_unsetenv ("LODE_TEST_KILL_PATH");
  g_unsetenv ("LODE_TEST_KILL_STEP");
  g_unsetenv ("LODE_TEST_KILL_NAMED");
}

static gboolean
is_new_contents (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return length == 200 * 1024 && contents[0] == 'n' && contents[length - 1] == 'n';
}

/* Beside the target after a kill: nothing, or (`copy_left`) one temporary copy with the
 * target's mode `mode`; a complete one when `complete`. */
static void
check_beside (const char *dir,
              const char *base,
              gboolean    target_there,
              gboolean    copy_left,
              gboolean    complete,
              mode_t      mode)
{
  g_autofree char *names = lode_tmp_tree_list (dir);
  g_auto(GStrv) entries = g_strsplit (names, " ", -1);
  g_autofree char *temp_prefix = g_strdup_printf (".%s.lode-", base);
  g_autofree char *copy = NULL;
  struct stat st;

  g_assert_cmpuint (g_strv_length (entries), ==, (guint) target_there + (guint) copy_left);
  if (target_there)
    g_assert_cmpstr (entries[copy_left ? 1 : 0], ==, base);
  if (!copy_left)
    return;
  g_assert_true (g_str_has_prefix (entries[0], temp_prefix));
  copy = g_build_filename (dir, entries[0], NULL);
  g_assert_cmpint (lstat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, mode);
  if (complete)
    g_assert_true (is_new_contents (copy));
}

static void
check_after_kill (const char     *dir,
                  const char     *path,
                  gboolean        existed,
                  gboolean        named,
                  LodeOutputStep  step)
{
  g_autofree char *names = lode_tmp_tree_list (dir);
  g_autofree char *base = g_path_get_basename (path);
  gboolean placed = step >= LODE_OUTPUT_STEP_PLACED;
  mode_t mode = existed ? 0600 : new_file_mode ();
  struct stat st;

  g_test_message ("killed at “%s” (%s file%s): %s", step_names[step],
                  existed ? "existing" : "new", named ? ", no O_TMPFILE" : "", names);

  /* The target is not there yet, or the old file, or the whole new one, always with the old
   * mode: never a 0-byte, partial or 0644 file. */
  if (!existed && !placed)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  else
    {
      g_assert_cmpint (lstat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, mode);
      if (placed)
        g_assert_true (is_new_contents (path));
      else
        assert_contents (path, OLD_TEXT, 0600);
    }

  /* Beside it: nothing, except a copy with the target's mode once it has a name and until the
   * rename: complete with O_TMPFILE, maybe partial without. */
  check_beside (dir, base, existed || placed,
                !placed && (named || step == LODE_OUTPUT_STEP_NAMED),
                !named, mode);
}

static void
test_kill_at_each_step (gconstpointer data)
{
  gboolean named = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      kill_subprocess ();
      return;
    }

  for (guint existed = 0; existed < 2; existed++)
    for (LodeOutputStep step = 0; step < LODE_OUTPUT_N_STEPS; step++)
      {
        g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
        g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
        g_autoptr(GError) error = NULL;

        /* With O_TMPFILE a new file has no NAMED step: it appears complete, by one link. */
        if (!existed && step == LODE_OUTPUT_STEP_NAMED && !named)
          {
            lode_tmp_tree_remove (dir);
            continue;
          }
        if (existed)
          write_file (path, OLD_TEXT, 0600);
        run_killed (path, step, named);
        check_after_kill (dir, path, existed, named, step);

        /* The next write succeeds and leaves nothing else behind. */
        g_assert_true (write_text (path, "next", &error));
        {
          g_autofree char *names = lode_tmp_tree_list (dir);

          g_assert_cmpstr (names, ==, "plan.lodestone");
        }
        lode_tmp_tree_remove (dir);
      }
}

/* Everything above, as on a file system without O_TMPFILE (NFS, some FUSE file systems). */
static void
test_named_temporary (void)
{
  lode_output_file_set_test_hook (NULL, NULL, TRUE);
  test_modes ();
  test_links ();
  test_disk_full ();
  lode_output_file_set_test_hook (NULL, NULL, FALSE);
}

/* Only a dead process's temporary files are swept. */
static void
test_sweep (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autofree char *dead = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *other = g_build_filename (dir, ".other.lodestone.lode-1-00000000", NULL);
  g_autoptr(GError) error = NULL;
  pid_t child;
  int status;

  /* A pid that is certainly not running any more: a child that has exited. */
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  dead = g_strdup_printf ("%s/.plan.lodestone.lode-%d-0badf00d", dir, (int) child);
  alive = g_strdup_printf ("%s/.plan.lodestone.lode-%d-0badf00d", dir, (int) getppid ());
  /* Names like ours but not made by us: a person's backup, a kept copy. */
  backup = g_strdup_printf ("%s/.plan.lodestone.lode-%d-backup", dir, (int) child);
  kept = g_strdup_printf ("%s/.plan.lodestone.lode-%d-0badf00d.keep", dir, (int) child);
  write_file (dead, "stale", 0600);
  write_file (alive, "someone else's write in progress", 0600);
  write_file (other, "not ours", 0600);
  write_file (backup, "a person's notes", 0600);
  write_file (kept, "a person's copy", 0600);

  g_assert_true (write_text (path, "new", &error));
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  lode_tmp_tree_remove (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Links that name something other than a file                                                 */

/* /dev/stdout of a run whose output is appended to a log is a link to the log, through
 * /proc/self/fd/1: putting a file in place there replaced the log. Refused, log intact. */
static void
test_stream_links (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *log = g_build_filename (dir, "run.log", NULL);
  g_autofree char *link = g_build_filename (dir, "figures.csv", NULL);
  g_autofree char *fd_path = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (log, OLD_TEXT, 0644);
  fd = open (log, O_WRONLY | O_APPEND);
  g_assert_cmpint (fd, >=, 0);
  fd_path = g_strdup_printf ("/proc/self/fd/%d", fd);

  g_assert_false (write_text (fd_path, "a,b\n", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_assert_nonnull (strstr (error->message, "standard output"));
  g_clear_error (&error);
  g_assert_false (lode_output_file_check (fd_path, NULL, &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  /* The same through a link of our own, as /dev/stdout is. */
  g_assert_cmpint (symlink (fd_path, link), ==, 0);
  g_assert_false (write_text (link, "a,b\n", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  close (fd);
  assert_contents (log, OLD_TEXT, 0644);
  lode_tmp_tree_remove (dir);
}

/* A link another user left in a shared sticky folder (/tmp) is not followed, as the kernel's
 * fs.protected_symlinks would not: it could point at any file of ours. */
static void
test_protected_links (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *victim = g_build_filename (dir, "config", NULL);
  g_autofree char *link = g_build_filename (shared, "report.csv", NULL);
  g_autoptr(GError) error = NULL;
  const guint me = geteuid (), them = me == NOBODY ? NOBODY - 1 : NOBODY;

  /* The rule: only a sticky folder everyone may write to restricts, and there only the links
   * of others than the folder's owner and the one who follows. */
  g_assert_true (lode_output_file_link_is_followed (them, them, 0777, me));
  g_assert_true (lode_output_file_link_is_followed (them, them, 01775, me));
  g_assert_true (lode_output_file_link_is_followed (me, them, 01777, me));
  g_assert_true (lode_output_file_link_is_followed (them, them, 01777, me));
  g_assert_false (lode_output_file_link_is_followed (them, 0, 01777, me == 0 ? 1 : me));
  g_assert_false (lode_output_file_link_is_followed (them, me, 01777, me == them ? 0 : 7));

  /* Our own link in a sticky shared folder is followed. */
  write_file (victim, OLD_TEXT, 0600);
  g_assert_cmpint (g_mkdir (shared, 0755), ==, 0);
  g_assert_cmpint (g_chmod (shared, 01777), ==, 0);
  g_assert_cmpint (symlink (victim, link), ==, 0);
  g_assert_true (write_text (link, "ours", &error));
  assert_contents (victim, "ours", 0600);

  /* Root can hand the link to someone else and make the folder theirs: then it is refused. */
  if (me == 0)
    {
      g_assert_cmpint (lchown (link, them, them), ==, 0);
      g_assert_false (write_text (link, "theirs", &error));
      g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "another user"));
      g_clear_error (&error);
      assert_contents (victim, "ours", 0600);
    }
  g_assert_cmpint (g_chmod (shared, 0755), ==, 0);
  lode_tmp_tree_remove (dir);
}

/* Checking writes nothing and finds what writing would; the identity sees through links. */
static void
test_check_and_identity (void)
{
  g_autofree char *dir = lode_tmp_tree_new ("lode-out-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autofree char *link = g_build_filename (dir, "link.lodestone", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.csv", NULL);
  g_autofree char *fresh_again = g_build_filename (dir, "sub", "..", "new.csv", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere", "x.csv", NULL);
  g_autoptr(GError) error = NULL;

  write_file (path, OLD_TEXT, 0644);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("plan.lodestone", link), ==, 0);

  g_assert_true (lode_output_file_check (path, NULL, &error));
  g_assert_true (lode_output_file_check (fresh, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_false (lode_output_file_check (missing, NULL, &error));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  g_assert_false (lode_output_file_check (dir, NULL, &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  assert_contents (path, OLD_TEXT, 0644);

  {
    g_autofree char *a = lode_output_file_dup_identity (path);
    g_autofree char *b = lode_output_file_dup_identity (link);
    g_autofree char *c = lode_output_file_dup_identity (fresh);
    g_autofree char *d = lode_output_file_dup_identity (fresh_again);

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (c, ==, d);
    g_assert_cmpstr (a, !=, c);
  }
  lode_tmp_tree_remove (dir);
}

/* ------------------------------------------------------------------------------------------ */
/* Item 9: a read-only folder                                                                  */

static void
readonly_folder_check (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.lodestone", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (write_text (path, "new", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_READ_ONLY);
  /* Once "Error removing old file". */
  g_assert_null (strstr (error->message, "removing"));
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "is read-only for you"));
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  g_clear_error (&error);
  assert_contents (path, OLD_TEXT, 0644);

  g_assert_false (write_text (fresh, "new", &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_READ_ONLY);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_readonly_folder (void)
{
  g_autofree char *top = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (NOBODY), ==, 0);
          g_assert_cmpint (setuid (NOBODY), ==, 0);
        }
      readonly_folder_check (g_getenv ("LODE_TEST_READONLY_DIR"));
      return;
    }

  top = lode_tmp_tree_new ("lode-out-XXXXXX");
  dir = g_build_filename (top, "ro", NULL);
  path = g_build_filename (dir, "plan.lodestone", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_file (path, OLD_TEXT, 0644);
  if (geteuid () == 0)
    {
      /* Root ignores modes: prove it as an unprivileged user, who may write the file but not
       * the folder. */
      g_assert_cmpint (g_chmod (top, 0711), ==, 0);
      g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
    }
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_setenv ("LODE_TEST_READONLY_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("LODE_TEST_READONLY_DIR");

  {
    g_autofree char *names = lode_tmp_tree_list (dir);

    g_assert_cmpstr (names, ==, "plan.lodestone");
  }
  lode_tmp_tree_remove (top);
}

static void
test_not_local (void)
{
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.com/plan.lodestone");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (lode_output_file_write_bytes (remote, bytes, &error));
  g_assert_error (error, LODE_OUTPUT_ERROR, LODE_OUTPUT_ERROR_NOT_LOCAL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/output-file/not-regular", test_not_regular);
  g_test_add_func ("/lode/output-file/modes", test_modes);
  g_test_add_func ("/lode/output-file/links", test_links);
  g_test_add_func ("/lode/output-file/disk-full", test_disk_full);
  g_test_add_data_func ("/lode/output-file/kill-at-each-step", GINT_TO_POINTER (FALSE),
                        test_kill_at_each_step);
  g_test_add_data_func ("/lode/output-file/kill-at-each-step-named", GINT_TO_POINTER (TRUE),
                        test_kill_at_each_step);
  g_test_add_func ("/lode/output-file/named-temporary", test_named_temporary);
  g_test_add_func ("/lode/output-file/sweep", test_sweep);
  g_test_add_func ("/lode/output-file/stream-links", test_stream_links);
  g_test_add_func ("/lode/output-file/protected-links", test_protected_links);
  g_test_add_func ("/lode/output-file/check-and-identity", test_check_and_identity);
  g_test_add_func ("/lode/output-file/readonly-folder", test_readonly_folder);
  g_test_add_func ("/lode/output-file/not-local", test_not_local);

  return g_test_run ();
}
