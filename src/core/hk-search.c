/* hk-search.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-error.h"
#include "hk-search-private.h"

struct _HkSearchIndex
{
  sqlite3      *db;
  sqlite3_stmt *del;
  sqlite3_stmt *ins;
  sqlite3_stmt *query;
  GHashTable   *owners;    /* interned owner ids: char* → itself */
  GPtrArray    *by_rowid;  /* rowid → interned owner, NULL if not indexed */
};

static gboolean
index_error (HkSearchIndex  *index,
             GError        **error)
{
  g_set_error (error, HK_ERROR, HK_ERROR_FAILED, _("Search failed (%s)."),
               index->db ? sqlite3_errmsg (index->db) : "no index");
  return FALSE;
}

HkSearchIndex *
_hk_search_index_new (GError **error)
{
  HkSearchIndex *index = g_new0 (HkSearchIndex, 1);

  index->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_rowid = g_ptr_array_new ();

  /* Contentless: the table holds tokens only, so no copy of the text stays
   * in SQLite's memory, and building it is several times faster. */
  if (sqlite3_open_v2 (":memory:", &index->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK ||
      sqlite3_exec (index->db,
                    "PRAGMA temp_store = MEMORY;"
                    "CREATE VIRTUAL TABLE idx USING fts5 ("
                    "  body, content = '', detail = 'none',"
                    "  tokenize = 'unicode61 remove_diacritics 2')",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (index->db, "INSERT INTO idx (idx, rowid, body) VALUES ('delete', ?, ?)", -1,
                          &index->del, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (index->db, "INSERT INTO idx (rowid, body) VALUES (?, ?)", -1,
                          &index->ins, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (index->db, "SELECT rowid FROM idx WHERE idx MATCH ?", -1,
                          &index->query, NULL) != SQLITE_OK)
    {
      index_error (index, error);
      _hk_search_index_free (index);
      return NULL;
    }
  return index;
}

void
_hk_search_index_free (HkSearchIndex *index)
{
  if (index == NULL)
    return;
  sqlite3_finalize (index->del);
  sqlite3_finalize (index->ins);
  sqlite3_finalize (index->query);
  sqlite3_close_v2 (index->db);
  g_ptr_array_unref (index->by_rowid);
  g_hash_table_unref (index->owners);
  g_free (index);
}

gboolean
_hk_search_index_begin (HkSearchIndex *index)
{
  return sqlite3_exec (index->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

gboolean
_hk_search_index_commit (HkSearchIndex *index)
{
  return sqlite3_exec (index->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
}

gboolean
_hk_search_index_contains (HkSearchIndex *index,
                           gint64         rowid)
{
  return rowid >= 0 && (guint64) rowid < index->by_rowid->len &&
         g_ptr_array_index (index->by_rowid, rowid) != NULL;
}

static const char *
intern_owner (HkSearchIndex *index,
              const char    *owner)
{
  char *interned = g_hash_table_lookup (index->owners, owner);

  if (interned == NULL)
    {
      interned = g_strdup (owner);
      g_hash_table_add (index->owners, interned);
    }
  return interned;
}

static gboolean
run (HkSearchIndex  *index,
     sqlite3_stmt   *stmt,
     gint64          rowid,
     const char     *text,
     GError        **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || index_error (index, error);
}

gboolean
_hk_search_index_put (HkSearchIndex  *index,
                      gint64          rowid,
                      const char     *owner,
                      const char     *old_text,
                      const char     *text,
                      GError        **error)
{
  g_return_val_if_fail (rowid > 0, FALSE);

  if (_hk_search_index_contains (index, rowid))
    {
      if (!run (index, index->del, rowid, old_text ? old_text : "", error))
        return FALSE;
      g_ptr_array_index (index->by_rowid, rowid) = NULL;
    }
  if (!run (index, index->ins, rowid, text ? text : "", error))
    return FALSE;
  if ((guint64) rowid >= index->by_rowid->len)
    g_ptr_array_set_size (index->by_rowid, MAX ((guint) rowid + 1, index->by_rowid->len * 2));
  g_ptr_array_index (index->by_rowid, rowid) = (gpointer) intern_owner (index, owner);
  return TRUE;
}

GHashTable *
_hk_search_index_lookup (HkSearchIndex  *index,
                         const char     *word,
                         GError        **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) fts = g_string_new ("\"");
  int rc;

  /* One quoted phrase with a prefix star: the user's punctuation can never
   * become FTS5 query syntax. */
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (fts, '"');
      g_string_append_c (fts, *p);
    }
  g_string_append (fts, "\"*");

  sqlite3_reset (index->query);
  sqlite3_bind_text (index->query, 1, fts->str, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (index->query)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (index->query, 0);

      if (_hk_search_index_contains (index, rowid))
        g_hash_table_add (owners, g_ptr_array_index (index->by_rowid, rowid));
    }
  sqlite3_reset (index->query);
  sqlite3_clear_bindings (index->query);
  if (rc != SQLITE_DONE)
    {
      index_error (index, error);
      return NULL;
    }
  return g_steal_pointer (&owners);
}
