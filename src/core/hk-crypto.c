/* hk-crypto.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-error.h"
#include "hk-crypto-private.h"

#define HEADER_MAGIC "HKV1"
#define KDF_CONTEXT  "HKVAULT1"
#define RECOVERY_CONTEXT "HKRECOV1"
#define AEAD_NPUB    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define AEAD_ABYTES  crypto_aead_xchacha20poly1305_ietf_ABYTES

/* Bounds that keep a forged header from making us allocate absurd memory
 * before the AEAD check can reject it. */
#define MAX_OPSLIMIT 64
#define MAX_MEMLIMIT (G_GUINT64_CONSTANT (4) << 30)

static void
put_u16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put_u32 (guint8 *p, guint32 v)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
put_u64 (guint8 *p, guint64 v)
{
  for (guint i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v |= (guint64) p[i] << (8 * i);
  return v;
}

void
_hk_kdf_params (HkKdfProfile  profile,
                guint64      *opslimit,
                guint64      *memlimit)
{
  switch (profile)
    {
    case HK_KDF_PROFILE_SENSITIVE:
      *opslimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
      *memlimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
      break;
    case HK_KDF_PROFILE_TEST_WEAK:
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
      break;
    case HK_KDF_PROFILE_MODERATE:
    default:
      *opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
      *memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
      break;
    }
}

/* Layout (little endian): magic[4] format[2] profile[1] flags[1] alg[1]
 * reserved[3] opslimit[8] memlimit[8] salt[16] vault_id[16] event_pk[32]. */
void
_hk_header_serialise (const HkHeader *header,
                      guint8          out[HK_HEADER_BYTES])
{
  guint8 *p = out;

  memset (out, 0, HK_HEADER_BYTES);
  memcpy (p, HEADER_MAGIC, 4);                 p += 4;
  put_u16 (p, header->format);                 p += 2;
  *p++ = header->profile;
  *p++ = header->flags;
  *p++ = crypto_pwhash_ALG_ARGON2ID13;
  p += 3;
  put_u64 (p, header->opslimit);               p += 8;
  put_u64 (p, header->memlimit);               p += 8;
  memcpy (p, header->salt, HK_SALT_BYTES);     p += HK_SALT_BYTES;
  memcpy (p, header->vault_id, HK_VAULT_ID_BYTES); p += HK_VAULT_ID_BYTES;
  memcpy (p, header->event_pk, sizeof header->event_pk); p += sizeof header->event_pk;
  g_assert (p == out + HK_HEADER_BYTES);
}

gboolean
_hk_header_parse (const guint8  *data,
                  gsize          len,
                  HkHeader      *out,
                  GError       **error)
{
  const guint8 *p = data;
  guint16 format;

  if (data == NULL || len < 6 || memcmp (data, HEADER_MAGIC, 4) != 0)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_NOT_A_VAULT,
                   _("This file is not a Hearken vault."));
      return FALSE;
    }
  format = data[4] | (data[5] << 8);
  if (format > HK_HEADER_FORMAT)
    {
      g_set_error (error, HK_ERROR, HK_ERROR_TOO_NEW,
                   _("This vault was made by a newer version of Hearken. Update Hearken to open it."));
      return FALSE;
    }
  if (len != HK_HEADER_BYTES || format != HK_HEADER_FORMAT)
    goto tampered;

  memset (out, 0, sizeof *out);
  p += 4;
  out->format = format;                       p += 2;
  out->profile = *p++;
  out->flags = *p++;
  if (*p++ != crypto_pwhash_ALG_ARGON2ID13)
    goto tampered;
  if (p[0] || p[1] || p[2])
    goto tampered;
  p += 3;
  out->opslimit = get_u64 (p);                p += 8;
  out->memlimit = get_u64 (p);                p += 8;
  memcpy (out->salt, p, HK_SALT_BYTES);       p += HK_SALT_BYTES;
  memcpy (out->vault_id, p, HK_VAULT_ID_BYTES); p += HK_VAULT_ID_BYTES;
  memcpy (out->event_pk, p, sizeof out->event_pk);

  if (out->profile > HK_KDF_PROFILE_TEST_WEAK ||
      (out->flags & ~(HK_VAULT_FLAG_DEMO | HK_VAULT_FLAG_CHAIN_HEAD)) != 0 ||
      out->opslimit < crypto_pwhash_OPSLIMIT_MIN || out->opslimit > MAX_OPSLIMIT ||
      out->memlimit < crypto_pwhash_MEMLIMIT_MIN || out->memlimit > MAX_MEMLIMIT)
    goto tampered;
  return TRUE;

tampered:
  g_set_error (error, HK_ERROR, HK_ERROR_TAMPERED,
               _("The vault’s header is damaged or has been tampered with. Restore the vault from a backup."));
  return FALSE;
}

HkKeys *
_hk_keys_new (const guint8 dek[HK_KEY_BYTES])
{
  HkKeys *keys = sodium_malloc (sizeof (HkKeys));
  guint8 seed[crypto_box_SEEDBYTES];

  if (keys == NULL)
    g_error ("Out of secure memory");

  memcpy (keys->dek, dek, HK_KEY_BYTES);
  crypto_kdf_derive_from_key (keys->record_key, HK_KEY_BYTES, 1, KDF_CONTEXT, dek);
  crypto_kdf_derive_from_key (keys->audit_key, HK_KEY_BYTES, 2, KDF_CONTEXT, dek);
  crypto_kdf_derive_from_key (seed, sizeof seed, 3, KDF_CONTEXT, dek);
  crypto_box_seed_keypair (keys->event_pk, keys->event_sk, seed);
  sodium_memzero (seed, sizeof seed);

  /* Read-only from here on: a stray write through a bad pointer faults
   * instead of silently corrupting a key. */
  sodium_mprotect_readonly (keys);
  return keys;
}

void
_hk_keys_free (HkKeys *keys)
{
  if (keys != NULL)
    sodium_free (keys); /* makes it writable, zeroes it, unmaps it */
}

HkSecret *
_hk_kek_from_passphrase (const HkSecret  *passphrase,
                         const HkHeader  *header,
                         GError         **error)
{
  HkSecret *kek = hk_secret_new (HK_KEY_BYTES);

  if (crypto_pwhash (hk_secret_get_mutable_data (kek), HK_KEY_BYTES,
                     hk_secret_get_data (passphrase), hk_secret_get_length (passphrase),
                     header->salt, header->opslimit, (size_t) header->memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      hk_secret_free (kek);
      g_set_error (error, HK_ERROR, HK_ERROR_NO_MEMORY,
                   _("There is not enough free memory to unlock the vault. Close other programs and try again."));
      return NULL;
    }
  return kek;
}

HkSecret *
_hk_kek_from_recovery (const guint8 recovery[HK_KEY_BYTES])
{
  HkSecret *kek = hk_secret_new (HK_KEY_BYTES);

  /* The recovery key is 256 random bits: no stretching needed. */
  crypto_kdf_derive_from_key (hk_secret_get_mutable_data (kek), HK_KEY_BYTES, 1,
                              RECOVERY_CONTEXT, recovery);
  return kek;
}

void
_hk_wrap (const HkSecret *kek,
          const guint8    dek[HK_KEY_BYTES],
          const guint8   *header_bytes,
          guint8          out[HK_WRAP_BYTES])
{
  randombytes_buf (out, AEAD_NPUB);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + AEAD_NPUB, NULL, dek, HK_KEY_BYTES,
                                              header_bytes, HK_HEADER_BYTES, NULL, out,
                                              (const guint8 *) hk_secret_get_data (kek));
}

HkSecret *
_hk_unwrap (const HkSecret *kek,
            const guint8   *blob,
            gsize           blob_len,
            const guint8   *header_bytes)
{
  HkSecret *dek;

  if (blob_len != HK_WRAP_BYTES)
    return NULL;
  dek = hk_secret_new (HK_KEY_BYTES);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (hk_secret_get_mutable_data (dek), NULL, NULL,
                                                  blob + AEAD_NPUB, blob_len - AEAD_NPUB,
                                                  header_bytes, HK_HEADER_BYTES, blob,
                                                  (const guint8 *) hk_secret_get_data (kek)) != 0)
    {
      hk_secret_free (dek);
      return NULL;
    }
  return dek;
}

/* ---- Recovery key text ---- */

static const char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
#define RECOVERY_RAW_BYTES (HK_KEY_BYTES + 2)

static void
recovery_check (const guint8 key[HK_KEY_BYTES],
                guint8       check[2])
{
  guint8 h[crypto_generichash_BYTES_MIN];

  crypto_generichash (h, sizeof h, key, HK_KEY_BYTES,
                      (const guint8 *) "Hearken recovery check", 22);
  check[0] = h[0];
  check[1] = h[1];
}

HkSecret *
_hk_recovery_key_format (const guint8 recovery[HK_KEY_BYTES])
{
  guint8 raw[RECOVERY_RAW_BYTES];
  char chars[HK_RECOVERY_KEY_CHARS];
  /* 11 groups of 5 plus 10 dashes */
  HkSecret *text = hk_secret_new (HK_RECOVERY_KEY_CHARS + HK_RECOVERY_KEY_CHARS / 5 - 1);
  char *out = (char *) hk_secret_get_mutable_data (text);
  guint bits = 0, value = 0, n = 0, o = 0;

  memcpy (raw, recovery, HK_KEY_BYTES);
  recovery_check (recovery, raw + HK_KEY_BYTES);

  for (guint i = 0; i < RECOVERY_RAW_BYTES; i++)
    {
      value = (value << 8) | raw[i];
      bits += 8;
      while (bits >= 5)
        {
          chars[n++] = b32_alphabet[(value >> (bits - 5)) & 31];
          bits -= 5;
        }
    }
  if (bits > 0)
    chars[n++] = b32_alphabet[(value << (5 - bits)) & 31];
  g_assert (n == HK_RECOVERY_KEY_CHARS);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i % 5 == 0)
        out[o++] = '-';
      out[o++] = chars[i];
    }
  sodium_memzero (raw, sizeof raw);
  sodium_memzero (chars, sizeof chars);
  return text;
}

gboolean
_hk_recovery_key_parse (const HkSecret  *text,
                        guint8           out[HK_KEY_BYTES],
                        GError         **error)
{
  const char *s = hk_secret_get_data (text);
  gsize len = hk_secret_get_length (text);
  guint8 raw[RECOVERY_RAW_BYTES] = { 0 };
  guint8 check[2];
  guint n = 0, bits = 0, value = 0, r = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = g_ascii_toupper (s[i]);
      const char *pos;

      if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;
      /* Characters people confuse with the alphabet's own. */
      if (c == '0') c = 'O';
      else if (c == '1') c = 'I';
      else if (c == '8') c = 'B';
      pos = c ? strchr (b32_alphabet, c) : NULL;
      if (pos == NULL || ++n > HK_RECOVERY_KEY_CHARS)
        goto bad;
      value = (value << 5) | (guint) (pos - b32_alphabet);
      bits += 5;
      if (bits >= 8)
        {
          raw[r++] = (value >> (bits - 8)) & 0xff;
          bits -= 8;
        }
    }
  if (n != HK_RECOVERY_KEY_CHARS || r != RECOVERY_RAW_BYTES)
    goto bad;

  recovery_check (raw, check);
  if (sodium_memcmp (check, raw + HK_KEY_BYTES, 2) != 0)
    goto bad;
  memcpy (out, raw, HK_KEY_BYTES);
  sodium_memzero (raw, sizeof raw);
  value = 0;
  return TRUE;

bad:
  sodium_memzero (raw, sizeof raw);
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
               _("That is not a valid recovery key: check it for typing mistakes. It has 55 letters and digits in groups of five."));
  return FALSE;
}

/* ---- Sealing ---- */

#define RECORD_AD_BYTES (6 + HK_VAULT_ID_BYTES + 4 + HK_RECORD_ID_BYTES + 8)
#define ACTIVITY_AD_BYTES (6 + HK_VAULT_ID_BYTES + 8)

static void
record_ad (guint8        ad[RECORD_AD_BYTES],
           const guint8 *vault_id,
           guint32       kind,
           const guint8 *record_id,
           gint64        revision)
{
  memcpy (ad, "HKREC1", 6);
  memcpy (ad + 6, vault_id, HK_VAULT_ID_BYTES);
  put_u32 (ad + 6 + HK_VAULT_ID_BYTES, kind);
  memcpy (ad + 10 + HK_VAULT_ID_BYTES, record_id, HK_RECORD_ID_BYTES);
  put_u64 (ad + 10 + HK_VAULT_ID_BYTES + HK_RECORD_ID_BYTES, (guint64) revision);
}

static void
activity_ad (guint8        ad[ACTIVITY_AD_BYTES],
             const guint8 *vault_id,
             gint64        seq)
{
  memcpy (ad, "HKLOG1", 6);
  memcpy (ad + 6, vault_id, HK_VAULT_ID_BYTES);
  put_u64 (ad + 6 + HK_VAULT_ID_BYTES, (guint64) seq);
}

static guint8 *
seal (const guint8 *key,
      const guint8 *ad,
      gsize         ad_len,
      const guint8 *plaintext,
      gsize         len,
      gsize        *out_len)
{
  guint8 *blob = g_malloc (len + HK_SEAL_OVERHEAD);

  blob[0] = HK_SEAL_VERSION;
  randombytes_buf (blob + 1, AEAD_NPUB);
  crypto_aead_xchacha20poly1305_ietf_encrypt (blob + 1 + AEAD_NPUB, NULL, plaintext, len,
                                              ad, ad_len, NULL, blob + 1, key);
  *out_len = len + HK_SEAL_OVERHEAD;
  return blob;
}

static guint8 *
open_sealed (const guint8 *key,
             const guint8 *ad,
             gsize         ad_len,
             const guint8 *blob,
             gsize         blob_len,
             gsize        *out_len)
{
  guint8 *plaintext;
  gsize len;

  if (blob == NULL || blob_len < HK_SEAL_OVERHEAD || blob[0] != HK_SEAL_VERSION)
    return NULL;
  len = blob_len - HK_SEAL_OVERHEAD;
  plaintext = g_malloc (MAX (len, 1));
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plaintext, NULL, NULL,
                                                  blob + 1 + AEAD_NPUB, blob_len - 1 - AEAD_NPUB,
                                                  ad, ad_len, blob + 1, key) != 0)
    {
      g_free (plaintext);
      return NULL;
    }
  *out_len = len;
  return plaintext;
}

guint8 *
_hk_seal_record (const HkKeys *keys,
                 const guint8 *vault_id,
                 guint32       kind,
                 const guint8 *record_id,
                 gint64        revision,
                 const guint8 *plaintext,
                 gsize         len,
                 gsize        *out_len)
{
  guint8 ad[RECORD_AD_BYTES];

  record_ad (ad, vault_id, kind, record_id, revision);
  return seal (keys->record_key, ad, sizeof ad, plaintext, len, out_len);
}

guint8 *
_hk_open_record (const HkKeys *keys,
                 const guint8 *vault_id,
                 guint32       kind,
                 const guint8 *record_id,
                 gint64        revision,
                 const guint8 *blob,
                 gsize         blob_len,
                 gsize        *out_len)
{
  guint8 ad[RECORD_AD_BYTES];

  record_ad (ad, vault_id, kind, record_id, revision);
  return open_sealed (keys->record_key, ad, sizeof ad, blob, blob_len, out_len);
}

guint8 *
_hk_seal_activity (const HkKeys *keys,
                   const guint8 *vault_id,
                   gint64        seq,
                   const guint8 *plaintext,
                   gsize         len,
                   gsize        *out_len)
{
  guint8 ad[ACTIVITY_AD_BYTES];

  activity_ad (ad, vault_id, seq);
  return seal (keys->record_key, ad, sizeof ad, plaintext, len, out_len);
}

guint8 *
_hk_open_activity (const HkKeys *keys,
                   const guint8 *vault_id,
                   gint64        seq,
                   const guint8 *blob,
                   gsize         blob_len,
                   gsize        *out_len)
{
  guint8 ad[ACTIVITY_AD_BYTES];

  activity_ad (ad, vault_id, seq);
  return open_sealed (keys->record_key, ad, sizeof ad, blob, blob_len, out_len);
}

void
_hk_activity_mac (const HkKeys *keys,
                  const guint8  prev[HK_MAC_BYTES],
                  gint64        seq,
                  const guint8 *blob,
                  gsize         blob_len,
                  guint8        out[HK_MAC_BYTES])
{
  crypto_generichash_state st;
  guint8 seq_bytes[8];

  put_u64 (seq_bytes, (guint64) seq);
  crypto_generichash_init (&st, keys->audit_key, HK_KEY_BYTES, HK_MAC_BYTES);
  crypto_generichash_update (&st, prev, HK_MAC_BYTES);
  crypto_generichash_update (&st, seq_bytes, sizeof seq_bytes);
  crypto_generichash_update (&st, blob, blob_len);
  crypto_generichash_final (&st, out, HK_MAC_BYTES);
}

#define CHAIN_HEAD_AD_BYTES (7 + HK_VAULT_ID_BYTES)
#define CHAIN_HEAD_BYTES    (8 + HK_MAC_BYTES + 8 + 8)

static void
chain_head_ad (guint8        ad[CHAIN_HEAD_AD_BYTES],
               const guint8 *vault_id)
{
  memcpy (ad, "HKHEAD1", 7);
  memcpy (ad + 7, vault_id, HK_VAULT_ID_BYTES);
}

guint8 *
_hk_seal_chain_head (const HkKeys      *keys,
                     const guint8      *vault_id,
                     const HkChainHead *head,
                     gsize             *out_len)
{
  guint8 ad[CHAIN_HEAD_AD_BYTES];
  guint8 plain[CHAIN_HEAD_BYTES];
  guint8 *blob;

  put_u64 (plain, (guint64) head->seq);
  memcpy (plain + 8, head->mac, HK_MAC_BYTES);
  put_u64 (plain + 8 + HK_MAC_BYTES, (guint64) head->cut_from);
  put_u64 (plain + 16 + HK_MAC_BYTES, (guint64) head->cut_to);
  chain_head_ad (ad, vault_id);
  blob = seal (keys->record_key, ad, sizeof ad, plain, sizeof plain, out_len);
  sodium_memzero (plain, sizeof plain);
  return blob;
}

gboolean
_hk_open_chain_head (const HkKeys *keys,
                     const guint8 *vault_id,
                     const guint8 *blob,
                     gsize         blob_len,
                     HkChainHead  *out)
{
  guint8 ad[CHAIN_HEAD_AD_BYTES];
  g_autofree guint8 *plain = NULL;
  gsize len = 0;

  chain_head_ad (ad, vault_id);
  plain = open_sealed (keys->record_key, ad, sizeof ad, blob, blob_len, &len);
  if (plain == NULL || len != CHAIN_HEAD_BYTES)
    return FALSE;
  out->seq = (gint64) get_u64 (plain);
  memcpy (out->mac, plain + 8, HK_MAC_BYTES);
  out->cut_from = (gint64) get_u64 (plain + 8 + HK_MAC_BYTES);
  out->cut_to = (gint64) get_u64 (plain + 16 + HK_MAC_BYTES);
  return TRUE;
}

/* ---- Ids ---- */

char *
_hk_hex (const guint8 *data,
         gsize         len)
{
  char *hex = g_malloc (len * 2 + 1);

  sodium_bin2hex (hex, len * 2 + 1, data, len);
  return hex;
}

char *
_hk_id_new (void)
{
  guint8 raw[HK_RECORD_ID_BYTES];

  randombytes_buf (raw, sizeof raw);
  return _hk_hex (raw, sizeof raw);
}

gboolean
_hk_id_to_raw (const char *hex,
               guint8      out[HK_RECORD_ID_BYTES])
{
  gsize bin_len = 0;

  if (hex == NULL || strlen (hex) != HK_RECORD_ID_BYTES * 2)
    return FALSE;
  for (const char *p = hex; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return sodium_hex2bin (out, HK_RECORD_ID_BYTES, hex, HK_RECORD_ID_BYTES * 2,
                         NULL, &bin_len, NULL) == 0 && bin_len == HK_RECORD_ID_BYTES;
}
