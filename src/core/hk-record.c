/* hk-record.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>

#include "hk-record-private.h"

struct _HkRecord
{
  GObject       parent_instance;

  char         *id;
  char         *parent_id;
  HkRecordKind  kind;
  gint64        revision;
  GVariant     *payload;   /* (xxsa{sv}) over a buffer wiped on release */
  GVariant     *fields;    /* a{sv} child of payload */
  gint64        created_at;
  gint64        modified_at;
  const char   *modified_by; /* borrowed from payload */
};

G_DEFINE_FINAL_TYPE (HkRecord, hk_record, G_TYPE_OBJECT)

typedef struct
{
  guint8 *data;
  gsize   len;
} WipeBuffer;

void
_hk_wipe_free (gpointer data,
               gsize    len)
{
  if (data == NULL)
    return;
  sodium_memzero (data, len);
  g_free (data);
}

static void
wipe_buffer_free (gpointer user_data)
{
  WipeBuffer *buf = user_data;

  _hk_wipe_free (buf->data, buf->len);
  g_free (buf);
}

GVariant *
_hk_variant_copy_wiped (GVariant *value)
{
  gsize len = g_variant_get_size (value);
  WipeBuffer *buf = g_new (WipeBuffer, 1);
  g_autoptr(GBytes) bytes = NULL;

  buf->len = len;
  buf->data = g_malloc (MAX (len, 1));
  g_variant_store (value, buf->data);
  bytes = g_bytes_new_with_free_func (buf->data, len, wipe_buffer_free, buf);
  return g_variant_ref_sink (g_variant_new_from_bytes (g_variant_get_type (value), bytes, TRUE));
}

static void
hk_record_finalize (GObject *object)
{
  HkRecord *self = HK_RECORD (object);

  g_clear_pointer (&self->fields, g_variant_unref);
  g_clear_pointer (&self->payload, g_variant_unref);
  g_free (self->id);
  g_free (self->parent_id);

  G_OBJECT_CLASS (hk_record_parent_class)->finalize (object);
}

static void
hk_record_class_init (HkRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hk_record_finalize;
}

static void
hk_record_init (HkRecord *self)
{
}

HkRecord *
_hk_record_new_from_plaintext (const char   *id,
                               HkRecordKind  kind,
                               const char   *parent_id,
                               gint64        revision,
                               guint8       *plaintext,
                               gsize         len)
{
  g_autoptr(HkRecord) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) modified_by = NULL;
  WipeBuffer *buf = g_new (WipeBuffer, 1);

  buf->data = plaintext;
  buf->len = len;
  bytes = g_bytes_new_with_free_func (plaintext, len, wipe_buffer_free, buf);

  self = g_object_new (HK_TYPE_RECORD, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->parent_id = g_strdup (parent_id);
  self->revision = revision;
  self->payload = g_variant_ref_sink (g_variant_new_from_bytes (HK_PAYLOAD_TYPE, bytes, FALSE));

  /* Authenticated bytes from our own writer, but a damaged or foreign writer
   * must still not crash us: GVariant substitutes defaults for malformed data,
   * and we refuse anything that is not in normal form. */
  if (!g_variant_is_normal_form (self->payload))
    return NULL;

  g_variant_get_child (self->payload, 0, "x", &self->created_at);
  g_variant_get_child (self->payload, 1, "x", &self->modified_at);
  modified_by = g_variant_get_child_value (self->payload, 2);
  self->modified_by = g_variant_get_string (modified_by, NULL);
  self->fields = g_variant_get_child_value (self->payload, 3);

  return g_steal_pointer (&self);
}

guint8 *
_hk_payload_serialise (gint64      created_at,
                       gint64      modified_at,
                       const char *modified_by,
                       GVariant   *fields,
                       gsize      *out_len)
{
  g_autoptr(GVariant) payload = NULL;
  gsize len;
  guint8 *buf;

  payload = g_variant_ref_sink (g_variant_new ("(xxs@a{sv})", created_at, modified_at,
                                               modified_by ? modified_by : "", fields));
  len = g_variant_get_size (payload);
  buf = g_malloc (MAX (len, 1));
  g_variant_store (payload, buf);
  *out_len = len;
  /* The GVariant's own copy of the text is plain heap memory: it was built
   * from caller data that lives there anyway and is released right here. */
  return buf;
}

const char *
hk_record_get_id (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), NULL);
  return self->id;
}

HkRecordKind
hk_record_get_kind (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), 0);
  return self->kind;
}

const char *
hk_record_get_parent_id (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), NULL);
  return self->parent_id;
}

gint64
hk_record_get_revision (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), 0);
  return self->revision;
}

gint64
hk_record_get_created_at (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), 0);
  return self->created_at;
}

gint64
hk_record_get_modified_at (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), 0);
  return self->modified_at;
}

const char *
hk_record_get_modified_by (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), NULL);
  return self->modified_by;
}

GVariant *
hk_record_get_fields (HkRecord *self)
{
  g_return_val_if_fail (HK_IS_RECORD (self), NULL);
  return self->fields;
}

static GVariant *
lookup (HkRecord           *self,
        const char         *key,
        const GVariantType *type)
{
  return g_variant_lookup_value (self->fields, key, type);
}

const char *
hk_record_get_string (HkRecord   *self,
                      const char *key)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (HK_IS_RECORD (self), NULL);
  v = lookup (self, key, G_VARIANT_TYPE_STRING);
  /* The string lives in the record's buffer, which outlives this child. */
  return v ? g_variant_get_string (v, NULL) : NULL;
}

gboolean
hk_record_get_boolean (HkRecord   *self,
                       const char *key)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (HK_IS_RECORD (self), FALSE);
  v = lookup (self, key, G_VARIANT_TYPE_BOOLEAN);
  return v ? g_variant_get_boolean (v) : FALSE;
}

gint64
hk_record_get_int (HkRecord   *self,
                   const char *key)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (HK_IS_RECORD (self), 0);
  v = lookup (self, key, G_VARIANT_TYPE_INT64);
  return v ? g_variant_get_int64 (v) : 0;
}

const char **
hk_record_get_strv (HkRecord   *self,
                    const char *key)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (HK_IS_RECORD (self), NULL);
  v = lookup (self, key, G_VARIANT_TYPE_STRING_ARRAY);
  return v ? g_variant_get_strv (v, NULL) : NULL;
}

gboolean
hk_record_has_field (HkRecord   *self,
                     const char *key)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (HK_IS_RECORD (self), FALSE);
  v = g_variant_lookup_value (self->fields, key, NULL);
  return v != NULL;
}

const char *
hk_person_get_display_name (HkRecord *person)
{
  const char *preferred;

  g_return_val_if_fail (HK_IS_RECORD (person), NULL);
  preferred = hk_record_get_string (person, "preferred_name");
  if (preferred != NULL && *preferred != '\0')
    return preferred;
  return hk_record_get_string (person, "name");
}
