/* hk-platform.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every operating-system specific call in Hearken lives here. Linux is the
 * tested platform; the macOS and Windows branches follow the same contract
 * and each function has a portable fallback.
 */

#if defined(__linux__) && !defined(_GNU_SOURCE)
/* F_OFD_SETLK and O_CLOEXEC need the GNU feature set. */
# define _GNU_SOURCE 1
#endif

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
# include <fcntl.h>
# include <unistd.h>
# include <sys/file.h>
# include <sys/resource.h>
# include <sys/stat.h>
# include <sys/time.h>
#endif

#ifdef __linux__
# include <sys/prctl.h>
# include <sys/statfs.h>
# include <sys/sysmacros.h>
#endif

#ifdef __APPLE__
# include <sys/mount.h>
# include <sys/param.h>
#endif

#ifdef G_OS_WIN32
# include <windows.h>
# include <psapi.h>
#endif

#include "hearken/hk-error.h"
#include "hearken/hk-platform.h"

/* Core dumps ----------------------------------------------------------- */

gboolean
hk_platform_disable_core_dumps (void)
{
#if defined(G_OS_UNIX)
  struct rlimit limit = { 0, 0 };
  gboolean ok = TRUE;

  if (setrlimit (RLIMIT_CORE, &limit) != 0)
    ok = FALSE;

# ifdef __linux__
  /* Also stops same-user ptrace and /proc/<pid>/mem readers. */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    ok = FALSE;
# endif

  return ok;
#elif defined(G_OS_WIN32)
  /* No crash dialog, and no Windows Error Reporting dump of our memory. */
  SetErrorMode (GetErrorMode () | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
  return TRUE;
#else
  return FALSE;
#endif
}

/* File locks ----------------------------------------------------------- */

struct _HkFileLock
{
#ifdef G_OS_WIN32
  HANDLE handle;
#else
  int fd;
#endif
};

static void
set_busy_error (GError **error)
{
  g_set_error_literal (error, HK_ERROR, HK_ERROR_BUSY,
                       _("This vault is open in another Hearken window or program. Close it there first."));
}

#ifdef G_OS_UNIX

/* Returns 0 on success, otherwise an errno value. */
static int
lock_fd_exclusive (int fd)
{
# ifdef F_OFD_SETLK
  struct flock fl;

  /* Open-file-description locks belong to this open() alone, so even a second
   * lock attempt from this same process is refused, unlike POSIX locks. */
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;

  if (fcntl (fd, F_OFD_SETLK, &fl) == 0)
    return 0;

  if (errno != EINVAL)
    return errno;
  /* EINVAL: a kernel older than 3.15; flock() has the same semantics. */
# endif

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    return 0;

  return errno;
}

#endif /* G_OS_UNIX */

HkFileLock *
hk_platform_lock_file (const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#if defined(G_OS_UNIX)
  {
    HkFileLock *lock;
    int flags = O_RDWR | O_CREAT | O_CLOEXEC;
    int fd;
    int err;

# ifdef O_NOFOLLOW
    flags |= O_NOFOLLOW;
# endif

    do
      fd = open (path, flags, 0600);
    while (fd < 0 && errno == EINTR);

    if (fd < 0)
      {
        err = errno;
        g_set_error (error, HK_ERROR, HK_ERROR_IO,
                     _("Could not open the vault’s lock file: %s."),
                     g_strerror (err));
        return NULL;
      }

    err = lock_fd_exclusive (fd);
    if (err != 0)
      {
        close (fd);

        if (err == EAGAIN || err == EACCES || err == EWOULDBLOCK)
          set_busy_error (error);
        else
          g_set_error (error, HK_ERROR, HK_ERROR_IO,
                       _("Could not lock the vault: %s."),
                       g_strerror (err));
        return NULL;
      }

    lock = g_new0 (HkFileLock, 1);
    lock->fd = fd;
    return lock;
  }
#elif defined(G_OS_WIN32)
  {
    g_autofree gunichar2 *wpath = NULL;
    HkFileLock *lock;
    OVERLAPPED overlapped = { 0 };
    HANDLE handle;
    DWORD err;

    wpath = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
    if (wpath == NULL)
      {
        g_set_error_literal (error, HK_ERROR, HK_ERROR_IO,
                             _("Could not open the vault’s lock file: the file name is not valid."));
        return NULL;
      }

    handle = CreateFileW ((const wchar_t *) wpath, GENERIC_READ | GENERIC_WRITE,
                          FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                          NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (handle == INVALID_HANDLE_VALUE)
      {
        g_autofree char *msg = g_win32_error_message (GetLastError ());
        g_set_error (error, HK_ERROR, HK_ERROR_IO,
                     _("Could not open the vault’s lock file: %s."), msg);
        return NULL;
      }

    if (!LockFileEx (handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
                     0, MAXDWORD, MAXDWORD, &overlapped))
      {
        err = GetLastError ();
        CloseHandle (handle);

        if (err == ERROR_LOCK_VIOLATION || err == ERROR_SHARING_VIOLATION)
          set_busy_error (error);
        else
          {
            g_autofree char *msg = g_win32_error_message (err);
            g_set_error (error, HK_ERROR, HK_ERROR_IO,
                         _("Could not lock the vault: %s."), msg);
          }
        return NULL;
      }

    lock = g_new0 (HkFileLock, 1);
    lock->handle = handle;
    return lock;
  }
#else
  {
    /* No locking primitive: hand out a lock that guards nothing rather than
     * refusing to open vaults at all. */
    HkFileLock *lock = g_new0 (HkFileLock, 1);
    lock->fd = -1;
    return lock;
  }
#endif
}

void
hk_platform_unlock_file (HkFileLock *lock)
{
  if (lock == NULL)
    return;

#if defined(G_OS_WIN32)
  {
    OVERLAPPED overlapped = { 0 };

    UnlockFileEx (lock->handle, 0, MAXDWORD, MAXDWORD, &overlapped);
    CloseHandle (lock->handle);
  }
#else
  /* Closing the only descriptor releases both OFD and flock() locks. The file
   * stays: deleting it would race with a process that has just opened it. */
  if (lock->fd >= 0)
    close (lock->fd);
#endif

  g_free (lock);
}

/* Network filesystems ---------------------------------------------------- */

/* @path, made absolute, or its nearest ancestor that exists (the vault may
 * not have been created yet). */
static char *
nearest_existing_path (const char *path)
{
  g_autofree char *current = g_canonicalize_filename (path, NULL);

  while (!g_file_test (current, G_FILE_TEST_EXISTS))
    {
      g_autofree char *parent = g_path_get_dirname (current);

      if (g_strcmp0 (parent, current) == 0)
        break;

      g_free (current);
      current = g_steal_pointer (&parent);
    }

  return g_steal_pointer (&current);
}

#ifdef __linux__

/* FUSE filesystems that reach a remote machine. Local FUSE filesystems
 * (ntfs-3g, exfat, encfs over local disk, …) are fine for SQLite. */
static gboolean
is_network_fuse_type (const char *fstype)
{
  static const char * const network_types[] = {
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gcsfuse",
    "fuse.glusterfs",
    "fuse.curlftpfs",
    "fuse.smbnetfs",
    "fuse.davfs2",
    "fuse.afpfs",
    "fuse.ceph-fuse",
    "fuse.cephfs",
    "fuse.mfs",
    "fuse.lizardfs",
    "fuse.juicefs",
    "fuse.gvfsd-fuse",
    "fuse.onedriver",
    "fuse.keybase-redirector",
    "fuse.kbfsfuse",
    "fuse.goofys",
    "fuse.seaweedfs",
    "fuse.dropbox",
    "fuse.google-drive-ocamlfuse",
    "fuse.nfs",
    "fuse.cifs",
    "sshfs",
    "davfs",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (network_types); i++)
    if (g_strcmp0 (fstype, network_types[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Looks @dev up in /proc/self/mountinfo and returns its filesystem type
 * ("fuse.sshfs", …), or NULL. */
static char *
mountinfo_fstype_for_dev (dev_t dev)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *wanted = NULL;

  if (!g_file_get_contents ("/proc/self/mountinfo", &contents, NULL, NULL))
    return NULL;

  wanted = g_strdup_printf ("%u:%u", major (dev), minor (dev));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *sep;

      /* "id parent major:minor root mountpoint opts [optional…] - fstype source superopts" */
      fields = g_strsplit (lines[i], " ", 4);
      if (g_strv_length (fields) < 4 || g_strcmp0 (fields[2], wanted) != 0)
        continue;

      sep = strstr (lines[i], " - ");
      if (sep == NULL)
        continue;

      {
        g_auto(GStrv) tail = g_strsplit (sep + 3, " ", 2);

        if (tail[0] != NULL && tail[0][0] != '\0')
          return g_strdup (tail[0]);
      }
    }

  return NULL;
}

#endif /* __linux__ */

gboolean
hk_platform_is_network_fs (const char *path)
{
  g_autofree char *existing = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  existing = nearest_existing_path (path);

#if defined(__linux__)
  {
    struct statfs sfs;

    if (statfs (existing, &sfs) != 0)
      return FALSE;

    switch ((unsigned long) (guint32) sfs.f_type)
      {
      case 0x6969UL:        /* NFS */
      case 0x517BUL:        /* SMB */
      case 0xFF534D42UL:    /* CIFS */
      case 0xFE534D42UL:    /* SMB2 */
      case 0x73757245UL:    /* CODA */
      case 0x5346414FUL:    /* AFS */
      case 0x6B414653UL:    /* kAFS */
      case 0x01021997UL:    /* 9P */
      case 0x00C36400UL:    /* CEPH */
      case 0x564CUL:        /* NCP */
      case 0x0BD00BD0UL:    /* Lustre */
      case 0x01161970UL:    /* GFS2 */
      case 0x7461636FUL:    /* OCFS2 */
        return TRUE;

      case 0x65735546UL:    /* FUSE: local or remote, mountinfo knows */
        {
          struct stat st;
          g_autofree char *fstype = NULL;

          if (stat (existing, &st) != 0)
            return FALSE;

          fstype = mountinfo_fstype_for_dev (st.st_dev);
          return fstype != NULL && is_network_fuse_type (fstype);
        }

      default:
        return FALSE;
      }
  }
#elif defined(__APPLE__)
  {
    static const char * const network_types[] = {
      "nfs", "smbfs", "afpfs", "webdav", "cifs", "ftp", "macfuse", "osxfuse",
    };
    struct statfs sfs;

    if (statfs (existing, &sfs) != 0)
      return FALSE;

    if ((sfs.f_flags & MNT_LOCAL) == 0)
      return TRUE;

    for (gsize i = 0; i < G_N_ELEMENTS (network_types); i++)
      if (g_ascii_strcasecmp (sfs.f_fstypename, network_types[i]) == 0)
        return TRUE;

    return FALSE;
  }
#elif defined(G_OS_WIN32)
  {
    g_autofree gunichar2 *wpath = NULL;
    wchar_t root[MAX_PATH + 1];

    /* \\server\share and \\?\UNC\server\share */
    if ((existing[0] == '\\' || existing[0] == '/') &&
        (existing[1] == '\\' || existing[1] == '/'))
      {
        if (!g_str_has_prefix (existing, "\\\\?\\") ||
            g_ascii_strncasecmp (existing, "\\\\?\\UNC\\", 8) == 0)
          return TRUE;
      }

    wpath = g_utf8_to_utf16 (existing, -1, NULL, NULL, NULL);
    if (wpath == NULL)
      return FALSE;

    if (!GetVolumePathNameW ((const wchar_t *) wpath, root, G_N_ELEMENTS (root)))
      return FALSE;

    return GetDriveTypeW (root) == DRIVE_REMOTE;
  }
#else
  return FALSE;
#endif
}

/* Permissions ------------------------------------------------------------ */

gboolean
hk_platform_make_private (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

#ifdef G_OS_UNIX
  {
    GStatBuf st;
    int mode;

    if (g_stat (path, &st) != 0)
      {
        int err = errno;
        g_set_error (error, HK_ERROR, HK_ERROR_IO,
                     _("Could not make the vault private: %s."),
                     g_strerror (err));
        return FALSE;
      }

    mode = S_ISDIR (st.st_mode) ? 0700 : 0600;

    if ((st.st_mode & 07777) == (mode_t) mode)
      return TRUE;

    if (g_chmod (path, mode) != 0)
      {
        int err = errno;
        g_set_error (error, HK_ERROR, HK_ERROR_IO,
                     _("Could not make the vault private: %s."),
                     g_strerror (err));
        return FALSE;
      }

    return TRUE;
  }
#else
  /* Windows: the per-user profile ACLs already keep other users out. */
  return TRUE;
#endif
}

/* Memory ---------------------------------------------------------------- */

guint64
hk_platform_get_peak_rss (void)
{
#if defined(G_OS_UNIX)
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0 || usage.ru_maxrss < 0)
    return 0;

# ifdef __APPLE__
  return (guint64) usage.ru_maxrss;             /* bytes */
# else
  return (guint64) usage.ru_maxrss * 1024;      /* KiB on Linux and the BSDs */
# endif
#elif defined(G_OS_WIN32)
  PROCESS_MEMORY_COUNTERS counters;

  if (!GetProcessMemoryInfo (GetCurrentProcess (), &counters, sizeof counters))
    return 0;

  return (guint64) counters.PeakWorkingSetSize;
#else
  return 0;
#endif
}

/* Durability -------------------------------------------------------------- */

gboolean
hk_platform_sync_path (const char  *path,
                       gboolean     directory,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

#ifdef G_OS_UNIX
  {
    int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC, 0);

    if (fd < 0 || fsync (fd) != 0)
      {
        int err = errno;

        if (fd >= 0)
          close (fd);
        g_set_error (error, HK_ERROR, err == ENOSPC ? HK_ERROR_NO_SPACE : HK_ERROR_IO,
                     _("Could not write %s to disk: %s."), path, g_strerror (err));
        return FALSE;
      }
    close (fd);
    return TRUE;
  }
#elif defined(G_OS_WIN32)
  {
    HANDLE h;
    BOOL ok;

    /* Windows has no directory fsync: a rename is durable once the file is flushed. */
    if (directory)
      return TRUE;
    h = CreateFileA (path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                     OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    ok = h != INVALID_HANDLE_VALUE && FlushFileBuffers (h);
    if (h != INVALID_HANDLE_VALUE)
      CloseHandle (h);
    if (!ok)
      g_set_error (error, HK_ERROR, HK_ERROR_IO, _("Could not write %s to disk."), path);
    return ok;
  }
#else
  return TRUE;
#endif
}
