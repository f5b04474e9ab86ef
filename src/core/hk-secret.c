/* hk-secret.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>

#include "hearken/hk-secret.h"

struct _HkSecret
{
  gsize   len;
  gsize   capacity;
  guint8 *data;     /* sodium_malloc'd, capacity + 1 bytes, NUL-terminated */
};

G_DEFINE_BOXED_TYPE (HkSecret, hk_secret, hk_secret_copy, hk_secret_free)

HkSecret *
hk_secret_new (gsize len)
{
  HkSecret *self = g_new0 (HkSecret, 1);

  self->capacity = len;
  self->len = len;
  self->data = sodium_malloc (len + 1);
  if (self->data == NULL)
    g_error ("Out of secure memory");
  sodium_memzero (self->data, len + 1);
  return self;
}

HkSecret *
hk_secret_new_from_data (const void *data,
                         gsize       len)
{
  HkSecret *self = hk_secret_new (len);

  if (len > 0)
    memcpy (self->data, data, len);
  return self;
}

HkSecret *
hk_secret_new_from_string (const char *str)
{
  g_return_val_if_fail (str != NULL, NULL);
  return hk_secret_new_from_data (str, strlen (str));
}

HkSecret *
hk_secret_copy (const HkSecret *self)
{
  HkSecret *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = hk_secret_new (self->capacity);
  memcpy (copy->data, self->data, self->capacity);
  copy->len = self->len;
  return copy;
}

void
hk_secret_free (HkSecret *self)
{
  if (self == NULL)
    return;
  sodium_free (self->data); /* zeroes before releasing */
  g_free (self);
}

const char *
hk_secret_get_data (const HkSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char *) self->data;
}

guint8 *
hk_secret_get_mutable_data (HkSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data;
}

gsize
hk_secret_get_length (const HkSecret *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->len;
}

void
hk_secret_set_length (HkSecret *self,
                      gsize     len)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (len <= self->capacity);

  /* Wipe what is cut off, keep the terminator. */
  sodium_memzero (self->data + len, self->capacity + 1 - len);
  self->len = len;
}

gboolean
hk_secret_equal (const HkSecret *a,
                 const HkSecret *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  if (a->len != b->len)
    return FALSE;
  return sodium_memcmp (a->data, b->data, a->len) == 0;
}
