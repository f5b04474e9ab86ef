/* hk-crypto-private.h: the vault's key hierarchy and sealing primitives
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   passphrase ─Argon2id(header salt, ops, mem)─▶ KEK ─┐
 *   recovery key (32 random bytes) ─crypto_kdf────▶ KEK ─┤ XChaCha20-Poly1305 wrap,
 *                                                      │ AD = the serialised header
 *                                                      ▼
 *                                    DEK (32 random bytes, per vault)
 *                  crypto_kdf_derive_from_key (ctx "HKVAULT1"):
 *                    1 → record key   (XChaCha20-Poly1305 for every record revision)
 *                    2 → audit key    (keyed BLAKE2b chain over the activity log)
 *                    3 → event seed   (X25519 key pair; failed unlocks are sealed to its
 *                                      public key, which sits in the header, while locked)
 *                    4 → reserved for per-user identity keys and exchange files
 */
#pragma once

#include <glib.h>
#include <sodium.h>

#include "hearken/hk-secret.h"
#include "hearken/hk-vault.h"

G_BEGIN_DECLS

#define HK_KEY_BYTES        32
#define HK_SALT_BYTES       16
#define HK_VAULT_ID_BYTES   16
#define HK_RECORD_ID_BYTES  16
#define HK_MAC_BYTES        32
#define HK_HEADER_BYTES     92
#define HK_WRAP_BYTES       (crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + HK_KEY_BYTES + \
                             crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define HK_HEADER_FORMAT    1
#define HK_SEAL_VERSION     1
#define HK_SEAL_OVERHEAD    (1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + \
                             crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define HK_RECOVERY_KEY_CHARS 55   /* 34 bytes (key + 2-byte check) in base32 */

typedef struct
{
  guint16 format;
  guint8  profile;    /* HkKdfProfile */
  guint8  flags;      /* HkVaultFlags */
  guint64 opslimit;
  guint64 memlimit;
  guint8  salt[HK_SALT_BYTES];
  guint8  vault_id[HK_VAULT_ID_BYTES];
  guint8  event_pk[crypto_box_PUBLICKEYBYTES];
} HkHeader;

void      _hk_header_serialise (const HkHeader *header,
                                guint8          out[HK_HEADER_BYTES]);
gboolean  _hk_header_parse     (const guint8   *data,
                                gsize           len,
                                HkHeader       *out,
                                GError        **error);
void      _hk_kdf_params       (HkKdfProfile    profile,
                                guint64        *opslimit,
                                guint64        *memlimit);

/* Long-lived keys in one sodium_malloc block, read-only except while built. */
typedef struct
{
  guint8 dek[HK_KEY_BYTES];
  guint8 record_key[HK_KEY_BYTES];
  guint8 audit_key[HK_KEY_BYTES];
  guint8 event_sk[crypto_box_SECRETKEYBYTES];
  guint8 event_pk[crypto_box_PUBLICKEYBYTES];
} HkKeys;

HkKeys   *_hk_keys_new          (const guint8 dek[HK_KEY_BYTES]);
void      _hk_keys_free         (HkKeys *keys);

/* Argon2id over the passphrase with the header's parameters. The KEK is a
 * 32-byte HkSecret. HK_ERROR_NO_MEMORY if Argon2id cannot get its memory. */
HkSecret *_hk_kek_from_passphrase (const HkSecret *passphrase,
                                   const HkHeader *header,
                                   GError        **error);
HkSecret *_hk_kek_from_recovery   (const guint8    recovery[HK_KEY_BYTES]);

void      _hk_wrap              (const HkSecret *kek,
                                 const guint8    dek[HK_KEY_BYTES],
                                 const guint8   *header_bytes,
                                 guint8          out[HK_WRAP_BYTES]);
/* Returns the DEK in a new HkSecret, or NULL if the KEK or the header is wrong. */
HkSecret *_hk_unwrap            (const HkSecret *kek,
                                 const guint8   *blob,
                                 gsize           blob_len,
                                 const guint8   *header_bytes);

/* Recovery keys as text: base32, groups of five joined by '-'. */
HkSecret *_hk_recovery_key_format (const guint8   recovery[HK_KEY_BYTES]);
/* HK_ERROR_INVALID with a helpful message for a typo (the check bytes differ). */
gboolean  _hk_recovery_key_parse  (const HkSecret *text,
                                   guint8          out[HK_KEY_BYTES],
                                   GError        **error);

/* Record revisions: AD = "HKREC1" ‖ vault id ‖ kind ‖ record id ‖ revision. */
guint8   *_hk_seal_record       (const HkKeys  *keys,
                                 const guint8  *vault_id,
                                 guint32        kind,
                                 const guint8  *record_id,
                                 gint64         revision,
                                 const guint8  *plaintext,
                                 gsize          len,
                                 gsize         *out_len);
/* Returns a g_malloc'd plaintext (caller wipes) or NULL if it fails authentication. */
guint8   *_hk_open_record       (const HkKeys  *keys,
                                 const guint8  *vault_id,
                                 guint32        kind,
                                 const guint8  *record_id,
                                 gint64         revision,
                                 const guint8  *blob,
                                 gsize          blob_len,
                                 gsize         *out_len);

/* Activity entries: AD = "HKLOG1" ‖ vault id ‖ seq. */
guint8   *_hk_seal_activity     (const HkKeys  *keys,
                                 const guint8  *vault_id,
                                 gint64         seq,
                                 const guint8  *plaintext,
                                 gsize          len,
                                 gsize         *out_len);
guint8   *_hk_open_activity     (const HkKeys  *keys,
                                 const guint8  *vault_id,
                                 gint64         seq,
                                 const guint8  *blob,
                                 gsize          blob_len,
                                 gsize         *out_len);
void      _hk_activity_mac      (const HkKeys  *keys,
                                 const guint8   prev[HK_MAC_BYTES],
                                 gint64         seq,
                                 const guint8  *blob,
                                 gsize          blob_len,
                                 guint8         out[HK_MAC_BYTES]);

/* The chain head: the newest activity entry's sequence number and MAC, and
 * any gap an unlock found, so cutting entries off the end of the log (which
 * leaves a chain that verifies) is detected. AD = "HKHEAD1" ‖ vault id. */
typedef struct
{
  gint64 seq;
  guint8 mac[HK_MAC_BYTES];
  gint64 cut_from;   /* first missing entry found at an unlock; 0 if none */
  gint64 cut_to;     /* last missing entry; 0 if unknown */
} HkChainHead;

guint8   *_hk_seal_chain_head   (const HkKeys       *keys,
                                 const guint8       *vault_id,
                                 const HkChainHead  *head,
                                 gsize              *out_len);
gboolean  _hk_open_chain_head   (const HkKeys       *keys,
                                 const guint8       *vault_id,
                                 const guint8       *blob,
                                 gsize               blob_len,
                                 HkChainHead        *out);

/* Random ids: 16 bytes as 32 lowercase hex characters. */
char     *_hk_id_new            (void);
gboolean  _hk_id_to_raw         (const char    *hex,
                                 guint8         out[HK_RECORD_ID_BYTES]);
char     *_hk_hex               (const guint8  *data,
                                 gsize          len);

G_END_DECLS
