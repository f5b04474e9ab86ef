/* hk-platform.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only place with operating-system specific calls. Every function has a
 * fallback that compiles on Linux, Windows and macOS.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns off core dumps and ptrace attach for this process (RLIMIT_CORE,
 * PR_SET_DUMPABLE). Returns FALSE if the platform could not do it. */
gboolean hk_platform_disable_core_dumps (void);

typedef struct _HkFileLock HkFileLock;

/* Takes an exclusive advisory lock on @path (created 0600 if missing), without
 * waiting. Fails with HK_ERROR_BUSY if another process holds it. */
HkFileLock *hk_platform_lock_file   (const char  *path,
                                     GError     **error);
void        hk_platform_unlock_file (HkFileLock  *lock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkFileLock, hk_platform_unlock_file)

/* TRUE if @path lies on a network filesystem (NFS, SMB/CIFS, SSHFS, …), where
 * SQLite's WAL mode is unsafe. FALSE if unknown. */
gboolean hk_platform_is_network_fs (const char *path);

/* Makes @path private to the user (0700 for directories, 0600 for files). */
gboolean hk_platform_make_private  (const char  *path,
                                    GError     **error);

/* Flushes a file (or, with @directory, a folder's entries, so a rename is
 * durable) to the disk. HK_ERROR_NO_SPACE or HK_ERROR_IO on failure. */
gboolean hk_platform_sync_path     (const char  *path,
                                    gboolean     directory,
                                    GError     **error);

/* Peak resident set size of this process in bytes, 0 if unknown. */
guint64  hk_platform_get_peak_rss  (void);

G_END_DECLS
