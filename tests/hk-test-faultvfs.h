/* hk-test-faultvfs.h: disk-full and I/O-error injection under SQLite
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replaces "pwrite64" and "write" in SQLite's unix VFS with xSetSystemCall(),
 * the hook sqlite3.h documents for simulating faults. Only SQLite's own file
 * writes go through it (every vault, WAL and backup file; not GLib's I/O).
 * Process-wide: use from one thread at a time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HK_TEST_FAULT_PERSISTENT,  /* the n-th write and every later one fail (a full disk stays full) */
  HK_TEST_FAULT_ONCE,        /* only the n-th write fails (a transient error) */
} HkTestFaultMode;

/* Counts SQLite writes from now; the @n-th (from 0) fails with @err
 * (ENOSPC, EIO, …) and sets errno as the kernel would. */
void     hk_test_fault_arm        (guint            n,
                                   int              err,
                                   HkTestFaultMode  mode);
/* Counts writes and calls @func after each one, failing none. */
void     hk_test_fault_watch      (void           (*func) (guint count, gpointer user_data),
                                   gpointer         user_data);
/* Puts the real system calls back. Safe to call when not armed. */
void     hk_test_fault_disarm     (void);
/* Writes seen since the last arm or watch. */
guint    hk_test_fault_get_count  (void);
/* TRUE if a write was made to fail since the last arm. */
gboolean hk_test_fault_fired      (void);

G_END_DECLS
