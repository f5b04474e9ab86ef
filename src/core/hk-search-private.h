/* hk-search-private.h: the in-memory full-text index
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from decrypted records after unlock into a contentless FTS5 table in
 * an SQLite ":memory:" database, so search never writes plaintext to disk and
 * keeps no second copy of the text: only the token index. Freed on lock.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HkSearchIndex HkSearchIndex;

HkSearchIndex *_hk_search_index_new      (GError        **error);
void           _hk_search_index_free     (HkSearchIndex  *index);
/* TRUE if the record with @rowid (its SQLite rowid) is indexed. */
gboolean       _hk_search_index_contains (HkSearchIndex  *index,
                                          gint64          rowid);
/* Indexes @text for @rowid; @owner is the person id for people and the case
 * id for everything belonging to a case. If @rowid is already indexed,
 * @old_text must be exactly the text it was indexed with (a contentless
 * table needs it to remove the old tokens). */
gboolean       _hk_search_index_put      (HkSearchIndex  *index,
                                          gint64          rowid,
                                          const char     *owner,
                                          const char     *old_text,
                                          const char     *text,
                                          GError        **error);
gboolean       _hk_search_index_begin    (HkSearchIndex  *index);
gboolean       _hk_search_index_commit   (HkSearchIndex  *index);
/* Owners whose text has a token starting with @word (a set of borrowed char*,
 * valid until the index is freed). */
GHashTable    *_hk_search_index_lookup   (HkSearchIndex  *index,
                                          const char     *word,
                                          GError        **error);

G_END_DECLS
