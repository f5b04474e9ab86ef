/* hk-store.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearken/hk-error.h"
#include "hearken/hk-platform.h"
#include "hk-store-private.h"

struct _HkStore
{
  sqlite3    *db;
  GHashTable *stmts; /* const char *sql (static strings) → sqlite3_stmt* */
};

/* Plaintext columns are limited to what the store needs to find rows: random
 * ids, the record kind, the parent link and revision/sequence counters.
 * Everything else is inside `payload`, sealed with XChaCha20-Poly1305. */
static const char *migrations[HK_SCHEMA_VERSION] = {
  /* 1: the first format */
  "CREATE TABLE vault_meta ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  header BLOB NOT NULL);"
  "CREATE TABLE keyslots ("
  "  slot TEXT PRIMARY KEY,"
  "  blob BLOB NOT NULL);"
  "CREATE TABLE records ("
  "  id TEXT PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  parent_id TEXT REFERENCES records (id),"
  "  revision INTEGER NOT NULL CHECK (revision > 0),"
  "  payload BLOB NOT NULL);"
  "CREATE INDEX records_kind ON records (kind, parent_id);"
  "CREATE INDEX records_parent ON records (parent_id);"
  "CREATE TABLE revisions ("
  "  record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  payload BLOB NOT NULL,"
  "  PRIMARY KEY (record_id, revision));"
  "CREATE TABLE activity ("
  "  seq INTEGER PRIMARY KEY,"
  "  payload BLOB NOT NULL,"
  "  mac BLOB NOT NULL);",

  /* 2: events sealed to the vault's public key while it is locked (failed
   * unlocks, backups), and the activity log made append-only in the schema. */
  "CREATE TABLE pending_events ("
  "  id INTEGER PRIMARY KEY,"
  "  sealed BLOB NOT NULL);"
  "CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity"
  "  BEGIN SELECT RAISE (ABORT, 'the activity log is append-only'); END;"
  "CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity"
  "  BEGIN SELECT RAISE (ABORT, 'the activity log is append-only'); END;",

  /* 3: the activity chain's head (newest entry), sealed, so that cutting
   * entries off the end of the log is detected. */
  "CREATE TABLE activity_head ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  sealed BLOB NOT NULL);",
};

void
_hk_store_set_error (HkStore  *store,
                     int       rc,
                     GError  **error)
{
  int primary = rc & 0xff;
  const char *detail = store && store->db ? sqlite3_errmsg (store->db) : sqlite3_errstr (rc);

  /* The SQLite text goes to the debug log only: it never contains record
   * content (all of that is bound as ciphertext). */
  g_debug ("SQLite error %d: %s", rc, detail);

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, HK_ERROR, HK_ERROR_NO_SPACE,
                   _("The disk is full. Nothing was saved; free some space and try again."));
      break;
    case SQLITE_IOERR:
      /* A full disk can surface as an I/O error (growing the -shm file,
       * for one): the OS error says which it really was. */
      if (store && store->db && sqlite3_system_errno (store->db) == ENOSPC)
        g_set_error (error, HK_ERROR, HK_ERROR_NO_SPACE,
                     _("The disk is full. Nothing was saved; free some space and try again."));
      else if (rc == SQLITE_IOERR_NOMEM)
        g_set_error (error, HK_ERROR, HK_ERROR_NO_MEMORY, _("Not enough memory."));
      else
        g_set_error (error, HK_ERROR, HK_ERROR_IO,
                     _("The disk reported an error (%s). Nothing was saved; check the disk and try again."),
                     detail);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, HK_ERROR, HK_ERROR_CORRUPT,
                   _("The vault file is damaged. Restore it from a backup."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_A_VAULT,
                   _("This file is not a Hearken vault."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HK_ERROR, HK_ERROR_BUSY,
                   _("This vault is open in another Hearken window or program. Close it there first."));
      break;
    case SQLITE_NOMEM:
      g_set_error (error, HK_ERROR, HK_ERROR_NO_MEMORY, _("Not enough memory."));
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, HK_ERROR, HK_ERROR_IO,
                   _("The vault file could not be opened. Check that the folder exists and that you may write to it."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, HK_ERROR, HK_ERROR_IO,
                   _("The vault file is read-only. Hearken needs to write to it."));
      break;
    default:
      g_set_error (error, HK_ERROR, HK_ERROR_FAILED,
                   _("The vault could not be read or written (%s)."), detail);
      break;
    }
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

HkStore *
_hk_store_open (const char  *path,
                gboolean     create,
                gboolean     immutable,
                GError     **error)
{
  g_autofree char *uri = NULL;
  HkStore *store = g_new0 (HkStore, 1);
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  store->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);

  if (immutable)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      uri = g_strdup_printf ("file:%s?immutable=1", escaped);
      flags |= SQLITE_OPEN_READONLY;
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      uri = g_strdup_printf ("file:%s", escaped);
      flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    }

  rc = sqlite3_open_v2 (uri, &store->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _hk_store_set_error (store, rc, error);
      _hk_store_close (store);
      return NULL;
    }

  /* Before SQLite writes anything, so the WAL and SHM files it creates
   * inherit the same private mode. */
  if (create && !hk_platform_make_private (path, error))
    {
      _hk_store_close (store);
      return NULL;
    }

  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (store->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_busy_timeout (store->db, 5000);

  if (!_hk_store_exec (store,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA secure_delete = ON;"
                       "PRAGMA temp_store = MEMORY;"
                       "PRAGMA trusted_schema = OFF;"
                       "PRAGMA cell_size_check = ON;"
                       "PRAGMA cache_size = -32768;"
                       "PRAGMA mmap_size = 0;",
                       error))
    goto fail;

  if (!immutable &&
      !_hk_store_exec (store, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error))
    goto fail;

  return store;

fail:
  _hk_store_close (store);
  return NULL;
}

void
_hk_store_close (HkStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->stmts, g_hash_table_unref);
  if (store->db)
    sqlite3_close_v2 (store->db);
  g_free (store);
}

sqlite3 *
_hk_store_get_db (HkStore *store)
{
  return store->db;
}

sqlite3_stmt *
_hk_store_prepare (HkStore     *store,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->stmts, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _hk_store_set_error (store, rc, error);
      return NULL;
    }
  /* Callers pass string literals, so the key outlives the table. */
  g_hash_table_insert (store->stmts, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_hk_store_exec (HkStore     *store,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _hk_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hk_store_step_done (HkStore       *store,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _hk_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hk_store_begin (HkStore  *store,
                 GError  **error)
{
  /* IMMEDIATE takes the write lock up front, so a busy vault fails here and
   * not half-way through a change. */
  return _hk_store_exec (store, "BEGIN IMMEDIATE", error);
}

gboolean
_hk_store_commit (HkStore  *store,
                  GError  **error)
{
  if (_hk_store_exec (store, "COMMIT", error))
    return TRUE;
  _hk_store_rollback (store);
  return FALSE;
}

void
_hk_store_rollback (HkStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

int
_hk_store_get_user_version (HkStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (store->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

gboolean
_hk_store_migrate (HkStore  *store,
                   int       target,
                   GError  **error)
{
  int version = _hk_store_get_user_version (store);

  g_return_val_if_fail (target <= HK_SCHEMA_VERSION, FALSE);

  if (version < 0)
    {
      _hk_store_set_error (store, sqlite3_errcode (store->db), error);
      return FALSE;
    }
  if (version > HK_SCHEMA_VERSION)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_TOO_NEW,
                   _("This vault was made by a newer version of Hearken. Update Hearken to open it."));
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *set_version = NULL;

      if (!_hk_store_begin (store, error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     version + 1, HK_APPLICATION_ID);
      if (!_hk_store_exec (store, migrations[version], error) ||
          !_hk_store_exec (store, set_version, error) ||
          !_hk_store_commit (store, error))
        {
          _hk_store_rollback (store);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_hk_store_check (HkStore  *store,
                 gboolean  full,
                 char    **out_message,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _hk_store_set_error (store, rc, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      _hk_store_set_error (store, rc, error);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (g_strcmp0 (first, "ok") != 0)
    {
      if (out_message)
        *out_message = g_steal_pointer (&first);
      g_set_error (error, HK_ERROR, HK_ERROR_CORRUPT,
                   _("The vault file is damaged. Restore it from a backup."));
      return FALSE;
    }
  return TRUE;
}
