/* hk-secret.h
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HkSecret:
 *
 * A byte string held in sodium_malloc() memory (guard pages, mlock, excluded
 * from core dumps) and wiped when freed. Passphrases and recovery keys travel
 * through the API only as HkSecret. The data is always NUL-terminated so it
 * can be used as a C string; the terminator is not counted in the length.
 */
typedef struct _HkSecret HkSecret;

#define HK_TYPE_SECRET (hk_secret_get_type ())

GType        hk_secret_get_type         (void) G_GNUC_CONST;
HkSecret    *hk_secret_new              (gsize          len);
HkSecret    *hk_secret_new_from_data    (const void    *data,
                                         gsize          len);
HkSecret    *hk_secret_new_from_string  (const char    *str);
HkSecret    *hk_secret_copy             (const HkSecret *self);
void         hk_secret_free             (HkSecret      *self);
const char  *hk_secret_get_data         (const HkSecret *self);
guint8      *hk_secret_get_mutable_data (HkSecret      *self);
gsize        hk_secret_get_length       (const HkSecret *self);
void         hk_secret_set_length       (HkSecret      *self,
                                         gsize          len);
gboolean     hk_secret_equal            (const HkSecret *a,
                                         const HkSecret *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HkSecret, hk_secret_free)

G_END_DECLS
