/* hk-record-private.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hearken/hk-record.h"

G_BEGIN_DECLS

/* The serialised, encrypted form of a revision: (created_at, modified_at,
 * modified_by, fields). */
#define HK_PAYLOAD_TYPE G_VARIANT_TYPE ("(xxsa{sv})")

/* Takes ownership of @plaintext (g_malloc'd, @len bytes): it is wiped and freed
 * when the record and every view into it are gone. Returns NULL if the bytes
 * are not a well-formed payload. */
HkRecord *_hk_record_new_from_plaintext (const char   *id,
                                         HkRecordKind  kind,
                                         const char   *parent_id,
                                         gint64        revision,
                                         guint8       *plaintext,
                                         gsize         len);

/* Serialises a payload into a g_malloc'd buffer the caller must wipe. */
guint8   *_hk_payload_serialise         (gint64        created_at,
                                         gint64        modified_at,
                                         const char   *modified_by,
                                         GVariant     *fields,
                                         gsize        *out_len);

/* A deep copy of @value whose buffer is wiped when the copy is released. */
GVariant *_hk_variant_copy_wiped        (GVariant     *value);

/* Wipes and frees a plaintext buffer. */
void      _hk_wipe_free                 (gpointer      data,
                                         gsize         len);

gboolean  _hk_date_parse                (const char   *text,
                                         GDate        *out);
GDateTime *_hk_datetime_parse           (const char   *text);

G_END_DECLS
