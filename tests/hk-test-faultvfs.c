/* hk-test-faultvfs.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hk-test-faultvfs.h"

#include <errno.h>
#include <sqlite3.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*PwriteFunc) (int, const void *, size_t, gint64);  /* off64_t */
typedef ssize_t (*WriteFunc)  (int, const void *, size_t);

static struct
{
  gboolean         installed;
  PwriteFunc       real_pwrite64;
  WriteFunc        real_write;
  guint            count;
  guint            fail_at;
  int              err;
  HkTestFaultMode  mode;
  gboolean         failing;    /* FALSE in watch mode */
  gboolean         fired;
  void           (*watch) (guint, gpointer);
  gpointer         watch_data;
} fault;

/* TRUE if this call should fail. */
static gboolean
next_call_fails (void)
{
  guint n = fault.count++;

  if (!fault.failing)
    return FALSE;
  if (n == fault.fail_at || (fault.mode == HK_TEST_FAULT_PERSISTENT && n > fault.fail_at))
    {
      fault.fired = TRUE;
      return TRUE;
    }
  return FALSE;
}

static void
after_write (void)
{
  if (fault.watch)
    fault.watch (fault.count, fault.watch_data);
}

static ssize_t
fake_pwrite64 (int         fd,
               const void *buf,
               size_t      len,
               gint64      offset)
{
  ssize_t ret;

  if (next_call_fails ())
    {
      errno = fault.err;
      return -1;
    }
  ret = fault.real_pwrite64 (fd, buf, len, offset);
  after_write ();
  return ret;
}

static ssize_t
fake_write (int         fd,
            const void *buf,
            size_t      len)
{
  ssize_t ret;

  if (next_call_fails ())
    {
      errno = fault.err;
      return -1;
    }
  ret = fault.real_write (fd, buf, len);
  after_write ();
  return ret;
}

static void
install (void)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

  g_assert_nonnull (vfs);
  g_assert_nonnull (vfs->xSetSystemCall);
  if (fault.installed)
    return;
  fault.real_pwrite64 = (PwriteFunc) vfs->xGetSystemCall (vfs, "pwrite64");
  fault.real_write = (WriteFunc) vfs->xGetSystemCall (vfs, "write");
  /* Debian's SQLite writes with pwrite64; a build using plain pwrite would
   * slip past the hook, so make that loud rather than a silent pass. */
  g_assert_nonnull (fault.real_pwrite64);
  g_assert_nonnull (fault.real_write);
  g_assert_null (vfs->xGetSystemCall (vfs, "pwrite"));
  g_assert_cmpint (vfs->xSetSystemCall (vfs, "pwrite64", (sqlite3_syscall_ptr) fake_pwrite64), ==, SQLITE_OK);
  g_assert_cmpint (vfs->xSetSystemCall (vfs, "write", (sqlite3_syscall_ptr) fake_write), ==, SQLITE_OK);
  fault.installed = TRUE;
}

void
hk_test_fault_arm (guint            n,
                   int              err,
                   HkTestFaultMode  mode)
{
  install ();
  fault.count = 0;
  fault.fail_at = n;
  fault.err = err;
  fault.mode = mode;
  fault.fired = FALSE;
  fault.watch = NULL;
  fault.watch_data = NULL;
  fault.failing = TRUE;
}

void
hk_test_fault_watch (void   (*func) (guint count, gpointer user_data),
                     gpointer user_data)
{
  install ();
  fault.count = 0;
  fault.fired = FALSE;
  fault.failing = FALSE;
  fault.watch = func;
  fault.watch_data = user_data;
}

void
hk_test_fault_disarm (void)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

  fault.failing = FALSE;
  fault.watch = NULL;
  fault.watch_data = NULL;
  if (!fault.installed)
    return;
  /* NULL restores SQLite's default for that call. */
  vfs->xSetSystemCall (vfs, "pwrite64", NULL);
  vfs->xSetSystemCall (vfs, "write", NULL);
  fault.installed = FALSE;
  g_assert_true ((PwriteFunc) vfs->xGetSystemCall (vfs, "pwrite64") == fault.real_pwrite64);
  g_assert_true ((WriteFunc) vfs->xGetSystemCall (vfs, "write") == fault.real_write);
}

guint
hk_test_fault_get_count (void)
{
  return fault.count;
}

gboolean
hk_test_fault_fired (void)
{
  return fault.fired;
}
