/* hk-store-private.h: the SQLite layer under HkVault
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* 'HKV1': lets us refuse foreign SQLite files before reading anything else. */
#define HK_APPLICATION_ID 0x484b5631
#define HK_SCHEMA_VERSION 3

typedef struct _HkStore HkStore;

/* Opens (or creates) the file with Hearken's pragmas: WAL, synchronous=FULL,
 * foreign keys, secure_delete, trusted_schema off, defensive, busy timeout.
 * @immutable opens read-only with no locking, for checking backups. */
HkStore      *_hk_store_open        (const char   *path,
                                     gboolean      create,
                                     gboolean      immutable,
                                     GError      **error);
void          _hk_store_close       (HkStore      *store);
sqlite3      *_hk_store_get_db      (HkStore      *store);

/* A cached prepared statement, reset and with bindings cleared. */
sqlite3_stmt *_hk_store_prepare     (HkStore      *store,
                                     const char   *sql,
                                     GError      **error);
gboolean      _hk_store_exec        (HkStore      *store,
                                     const char   *sql,
                                     GError      **error);
/* Maps a SQLite result code to an HK_ERROR with a message for the user. */
void          _hk_store_set_error   (HkStore      *store,
                                     int           rc,
                                     GError      **error);
gboolean      _hk_store_step_done   (HkStore      *store,
                                     sqlite3_stmt *stmt,
                                     GError      **error);

gboolean      _hk_store_begin       (HkStore      *store,
                                     GError      **error);
gboolean      _hk_store_commit      (HkStore      *store,
                                     GError      **error);
void          _hk_store_rollback    (HkStore      *store);

int           _hk_store_get_user_version (HkStore *store);
/* Runs every migration from the file's version up to @target, each in one
 * transaction that also sets user_version. */
gboolean      _hk_store_migrate     (HkStore      *store,
                                     int           target,
                                     GError      **error);
/* Fails with HK_ERROR_CORRUPT if PRAGMA quick_check (or integrity_check when
 * @full) reports a problem; @out_message gets the first line. */
gboolean      _hk_store_check       (HkStore      *store,
                                     gboolean      full,
                                     char        **out_message,
                                     GError      **error);

G_END_DECLS
