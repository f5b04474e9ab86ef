/* hk-search-private.h: the in-memory full-text index
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from decrypted records after unlock into an SQLite ":memory:"
 * database with FTS5, so search never writes plaintext to disk. Freed on lock.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HkSearchIndex HkSearchIndex;

HkSearchIndex *_hk_search_index_new    (GError        **error);
void           _hk_search_index_free   (HkSearchIndex  *index);
/* Replaces the text of the entry with @rowid (the record's SQLite rowid);
 * @owner is the person id for people and the case id for cases and notes. */
gboolean       _hk_search_index_put    (HkSearchIndex  *index,
                                        gint64          rowid,
                                        const char     *owner,
                                        const char     *text,
                                        GError        **error);
gboolean       _hk_search_index_begin  (HkSearchIndex  *index);
gboolean       _hk_search_index_commit (HkSearchIndex  *index);
/* Owners whose text has a token starting with @word (a set of char*). */
GHashTable    *_hk_search_index_lookup (HkSearchIndex  *index,
                                        const char     *word,
                                        GError        **error);

G_END_DECLS
