/* test-platform.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The platform layer on Linux. Cross-process locking runs this same binary
 * as a helper ("--hold-lock PATH" or "--try-lock PATH"), talking over pipes.
 */
#include "hk-test-utils.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#ifdef __linux__
# include <sys/prctl.h>
#endif

#define BUSY_MESSAGE "This vault is open in another Hearken window or program. Close it there first."

static char *self_path;

/* Helper modes ----------------------------------------------------------- */

/* Takes the lock, says "locked" and holds it until stdin closes or it is
 * killed. */
static int
helper_hold_lock (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkFileLock) lock = NULL;
  char buf[16];

  lock = hk_platform_lock_file (path, &error);
  if (lock == NULL)
    {
      g_print ("error %d\n", error->code);
      return 1;
    }

  g_print ("locked\n");
  fflush (stdout);

  while (read (STDIN_FILENO, buf, sizeof buf) > 0)
    ;

  return 0;
}

/* Tries the lock once and reports "locked" or "busy". */
static int
helper_try_lock (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkFileLock) lock = NULL;

  lock = hk_platform_lock_file (path, &error);
  if (lock != NULL)
    g_print ("locked\n");
  else if (g_error_matches (error, HK_ERROR, HK_ERROR_BUSY))
    g_print ("busy\n");
  else
    g_print ("error %d\n", error->code);

  return 0;
}

/* A child running a helper mode, with its stdin and stdout as pipes. */
typedef struct {
  GPid pid;
  int  in_fd;
  int  out_fd;
} Helper;

static void
helper_start (Helper     *helper,
              const char *mode,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, mode, path, NULL };

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &helper->pid,
                            &helper->in_fd, &helper->out_fd, NULL, &error);
  g_assert_no_error (error);
}

/* Blocks until the helper has written a line (or exited). */
static char *
helper_read_line (Helper *helper)
{
  GString *line = g_string_new (NULL);
  char c;

  for (;;)
    {
      ssize_t n = read (helper->out_fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      g_string_append_c (line, c);
    }

  return g_string_free (line, FALSE);
}

/* Waits for the helper to exit and returns its wait status. */
static int
helper_reap (Helper *helper)
{
  int status = 0;

  close (helper->in_fd);
  close (helper->out_fd);
  g_assert_cmpint (waitpid (helper->pid, &status, 0), ==, helper->pid);
  g_spawn_close_pid (helper->pid);

  return status;
}

/* Tests ------------------------------------------------------------------ */

static void
test_core_dumps (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit;

      g_assert_true (hk_platform_disable_core_dumps ());

      g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
      g_assert_cmpuint (limit.rlim_cur, ==, 0);
      g_assert_cmpuint (limit.rlim_max, ==, 0);
#ifdef __linux__
      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
#endif
      /* Idempotent. */
      g_assert_true (hk_platform_disable_core_dumps ());
      return;
    }

  /* In a child: a non-dumpable test runner would hide later failures. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_lock_same_process (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "vault.lock", NULL);
  g_autoptr(GError) error = NULL;
  HkFileLock *lock;
  HkFileLock *second;
  GStatBuf st;

  lock = hk_platform_lock_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);

  /* A second window in the same process is refused too. */
  second = hk_platform_lock_file (path, &error);
  g_assert_null (second);
  g_assert_error (error, HK_ERROR, HK_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, BUSY_MESSAGE);
  g_clear_error (&error);

  hk_platform_unlock_file (lock);

  /* Released: the lock can be taken again, and the file stays. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  lock = hk_platform_lock_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  hk_platform_unlock_file (lock);

  hk_platform_unlock_file (NULL);

  hk_test_rm_rf (dir);
}

static void
test_lock_other_process_killed (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "vault.lock", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  HkFileLock *lock;
  Helper helper;
  int status;

  helper_start (&helper, "--hold-lock", path);
  line = helper_read_line (&helper);
  g_assert_cmpstr (line, ==, "locked");

  lock = hk_platform_lock_file (path, &error);
  g_assert_null (lock);
  g_assert_error (error, HK_ERROR, HK_ERROR_BUSY);
  g_clear_error (&error);

  /* A crashed holder must not leave the vault locked for ever. */
  g_assert_cmpint (kill (helper.pid, SIGKILL), ==, 0);
  status = helper_reap (&helper);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  lock = hk_platform_lock_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  hk_platform_unlock_file (lock);

  hk_test_rm_rf (dir);
}

static void
test_lock_other_process_released (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "vault.lock", NULL);
  g_autoptr(GError) error = NULL;
  HkFileLock *lock;
  Helper helper;
  int status;

  lock = hk_platform_lock_file (path, &error);
  g_assert_no_error (error);

  /* Held here: another process is refused. */
  {
    g_autofree char *line = NULL;

    helper_start (&helper, "--try-lock", path);
    line = helper_read_line (&helper);
    g_assert_cmpstr (line, ==, "busy");
    status = helper_reap (&helper);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  hk_platform_unlock_file (lock);

  /* Released here: another process gets it. */
  {
    g_autofree char *line = NULL;

    helper_start (&helper, "--try-lock", path);
    line = helper_read_line (&helper);
    g_assert_cmpstr (line, ==, "locked");
    status = helper_reap (&helper);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  /* A holder that exits cleanly releases it too. */
  {
    g_autofree char *line = NULL;

    helper_start (&helper, "--hold-lock", path);
    line = helper_read_line (&helper);
    g_assert_cmpstr (line, ==, "locked");
    status = helper_reap (&helper);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  lock = hk_platform_lock_file (path, &error);
  g_assert_no_error (error);
  hk_platform_unlock_file (lock);

  hk_test_rm_rf (dir);
}

static void
test_lock_errors (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "vault.lock", NULL);
  g_autofree char *target = g_build_filename (dir, "target", NULL);
  g_autofree char *link = g_build_filename (dir, "link.lock", NULL);
  g_autoptr(GError) error = NULL;
  HkFileLock *lock;

  lock = hk_platform_lock_file (missing, &error);
  g_assert_null (lock);
  g_assert_error (error, HK_ERROR, HK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  /* A directory where the lock file should be. */
  lock = hk_platform_lock_file (dir, &error);
  g_assert_null (lock);
  g_assert_error (error, HK_ERROR, HK_ERROR_IO);
  g_clear_error (&error);

  /* The lock file is never followed through a planted symlink. */
  g_assert_true (g_file_set_contents (target, "", 0, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);
  lock = hk_platform_lock_file (link, &error);
  g_assert_null (lock);
  g_assert_error (error, HK_ERROR, HK_ERROR_IO);
  g_clear_error (&error);

  hk_test_rm_rf (dir);
}

static void
test_network_fs (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *not_yet = g_build_filename (dir, "a", "b", "vault.hearken", NULL);
  g_autofree char *cwd = g_get_current_dir ();

  /* The test machine's temporary directory and root are local. */
  g_assert_false (hk_platform_is_network_fs (dir));
  g_assert_false (hk_platform_is_network_fs ("/"));
  /* Paths that do not exist yet are judged by their nearest ancestor. */
  g_assert_false (hk_platform_is_network_fs (not_yet));
  g_assert_false (hk_platform_is_network_fs ("relative/not/there"));
  g_assert_false (hk_platform_is_network_fs (cwd));
#ifdef __linux__
  /* Pseudo filesystems are not network filesystems either. */
  g_assert_false (hk_platform_is_network_fs ("/proc/self"));
#endif

  hk_test_rm_rf (dir);
}

static void
test_make_private (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "vaults", NULL);
  g_autofree char *file = g_build_filename (sub, "vault.hearken", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (g_chmod (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_cmpint (g_chmod (file, 0644), ==, 0);

  g_assert_true (hk_platform_make_private (sub, &error));
  g_assert_no_error (error);
  g_assert_true (hk_platform_make_private (file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);

  /* Already private: still fine. */
  g_assert_true (hk_platform_make_private (file, &error));
  g_assert_no_error (error);

  g_assert_false (hk_platform_make_private (missing, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_IO);

  hk_test_rm_rf (dir);
}

static void
test_peak_rss (void)
{
  const gsize size = 64 * 1024 * 1024;
  guint64 before;
  guint64 after;
  volatile guint8 *block;

  before = hk_platform_get_peak_rss ();
  g_assert_cmpuint (before, >, 1024 * 1024);

  /* Touch every page so it is resident. */
  block = g_malloc (size);
  for (gsize i = 0; i < size; i += 4096)
    block[i] = (guint8) i;

  after = hk_platform_get_peak_rss ();
  g_assert_cmpuint (after, >=, before + size / 2);

  g_free ((gpointer) block);

  /* A peak does not go down. */
  g_assert_cmpuint (hk_platform_get_peak_rss (), >=, after);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_strcmp0 (argv[1], "--hold-lock") == 0)
    return helper_hold_lock (argv[2]);
  if (argc == 3 && g_strcmp0 (argv[1], "--try-lock") == 0)
    return helper_try_lock (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/platform/core-dumps", test_core_dumps);
  g_test_add_func ("/platform/lock/same-process", test_lock_same_process);
  g_test_add_func ("/platform/lock/other-process-killed", test_lock_other_process_killed);
  g_test_add_func ("/platform/lock/other-process-released", test_lock_other_process_released);
  g_test_add_func ("/platform/lock/errors", test_lock_errors);
  g_test_add_func ("/platform/network-fs", test_network_fs);
  g_test_add_func ("/platform/make-private", test_make_private);
  g_test_add_func ("/platform/peak-rss", test_peak_rss);

  return g_test_run ();
}
