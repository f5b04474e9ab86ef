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

  if (sqlite3_open_v2 (":memory:", &index->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK ||
      sqlite3_exec (index->db,
                    "PRAGMA temp_store = MEMORY;"
                    "CREATE VIRTUAL TABLE idx USING fts5 ("
                    "  owner UNINDEXED, body,"
                    "  tokenize = 'unicode61 remove_diacritics 2',"
                    "  prefix = '2 3')",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (index->db, "DELETE FROM idx WHERE rowid = ?", -1, &index->del, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (index->db, "INSERT INTO idx (rowid, owner, body) VALUES (?, ?, ?)", -1,
                          &index->ins, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (index->db, "SELECT DISTINCT owner FROM idx WHERE idx MATCH ?", -1,
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
_hk_search_index_put (HkSearchIndex  *index,
                      gint64          rowid,
                      const char     *owner,
                      const char     *text,
                      GError        **error)
{
  sqlite3_reset (index->del);
  sqlite3_bind_int64 (index->del, 1, rowid);
  if (sqlite3_step (index->del) != SQLITE_DONE)
    return index_error (index, error);
  sqlite3_reset (index->del);

  if (text == NULL || *text == '\0')
    return TRUE;

  sqlite3_reset (index->ins);
  sqlite3_bind_int64 (index->ins, 1, rowid);
  sqlite3_bind_text (index->ins, 2, owner, -1, SQLITE_STATIC);
  sqlite3_bind_text (index->ins, 3, text, -1, SQLITE_STATIC);
  if (sqlite3_step (index->ins) != SQLITE_DONE)
    return index_error (index, error);
  sqlite3_reset (index->ins);
  sqlite3_clear_bindings (index->ins);
  return TRUE;
}

GHashTable *
_hk_search_index_lookup (HkSearchIndex  *index,
                         const char     *word,
                         GError        **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
      char *owner = g_strdup ((const char *) sqlite3_column_text (index->query, 0));
      g_hash_table_add (owners, owner);
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
