/* test-crypto.c: header format, sealing and recovery keys
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-test-utils.h"
#include "hk-crypto-private.h"

static HkKeys *
make_keys (void)
{
  guint8 dek[HK_KEY_BYTES];
  HkKeys *keys;

  randombytes_buf (dek, sizeof dek);
  keys = _hk_keys_new (dek);
  sodium_memzero (dek, sizeof dek);
  return keys;
}

static void
test_header_round_trip (void)
{
  HkHeader h = { 0 }, parsed;
  guint8 bytes[HK_HEADER_BYTES];
  g_autoptr(GError) error = NULL;

  h.format = HK_HEADER_FORMAT;
  h.profile = HK_KDF_PROFILE_MODERATE;
  h.flags = HK_VAULT_FLAG_DEMO;
  _hk_kdf_params (h.profile, &h.opslimit, &h.memlimit);
  randombytes_buf (h.salt, sizeof h.salt);
  randombytes_buf (h.vault_id, sizeof h.vault_id);
  _hk_header_serialise (&h, bytes);

  g_assert_true (_hk_header_parse (bytes, sizeof bytes, &parsed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parsed.opslimit, ==, crypto_pwhash_OPSLIMIT_MODERATE);
  g_assert_cmpuint (parsed.memlimit, ==, crypto_pwhash_MEMLIMIT_MODERATE);
  g_assert_cmpint (parsed.flags, ==, HK_VAULT_FLAG_DEMO);
  g_assert_cmpmem (parsed.salt, sizeof parsed.salt, h.salt, sizeof h.salt);

  /* A newer format is "too new", not "tampered". */
  bytes[4] = 9;
  g_assert_false (_hk_header_parse (bytes, sizeof bytes, &parsed, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_TOO_NEW);
  g_clear_error (&error);
  bytes[4] = HK_HEADER_FORMAT;

  /* Absurd memory costs are refused before Argon2id would try them. */
  h.memlimit = G_GUINT64_CONSTANT (1) << 40;
  _hk_header_serialise (&h, bytes);
  g_assert_false (_hk_header_parse (bytes, sizeof bytes, &parsed, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_TAMPERED);
  g_clear_error (&error);

  /* Truncated, and wrong magic. */
  g_assert_false (_hk_header_parse (bytes, 20, &parsed, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_TAMPERED);
  g_clear_error (&error);
  g_assert_false (_hk_header_parse ((const guint8 *) "SQLite format 3", 15, &parsed, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_NOT_A_VAULT);
}

static void
test_wrap_unwrap (void)
{
  HkHeader h = { 0 };
  guint8 header[HK_HEADER_BYTES], other[HK_HEADER_BYTES];
  guint8 dek[HK_KEY_BYTES], wrap[HK_WRAP_BYTES];
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkSecret) wrong = hk_test_other_passphrase ();
  g_autoptr(HkSecret) kek = NULL;
  g_autoptr(HkSecret) kek2 = NULL;
  g_autoptr(HkSecret) out = NULL;
  g_autoptr(GError) error = NULL;

  h.format = HK_HEADER_FORMAT;
  h.profile = HK_KDF_PROFILE_TEST_WEAK;
  _hk_kdf_params (h.profile, &h.opslimit, &h.memlimit);
  randombytes_buf (h.salt, sizeof h.salt);
  _hk_header_serialise (&h, header);
  randombytes_buf (dek, sizeof dek);

  kek = _hk_kek_from_passphrase (pass, &h, &error);
  g_assert_no_error (error);
  _hk_wrap (kek, dek, header, wrap);
  out = _hk_unwrap (kek, wrap, sizeof wrap, header);
  g_assert_nonnull (out);
  g_assert_cmpmem (hk_secret_get_data (out), HK_KEY_BYTES, dek, sizeof dek);
  g_clear_pointer (&out, hk_secret_free);

  kek2 = _hk_kek_from_passphrase (wrong, &h, &error);
  g_assert_null (_hk_unwrap (kek2, wrap, sizeof wrap, header));

  /* Any header change breaks the wrap: the header is the associated data. */
  memcpy (other, header, sizeof other);
  other[HK_HEADER_BYTES - 1] ^= 1;
  g_assert_null (_hk_unwrap (kek, wrap, sizeof wrap, other));

  /* Swapping in the memory cost needed by an out-of-memory machine: */
  h.memlimit = G_GUINT64_CONSTANT (1) << 42;
  g_assert_null (_hk_kek_from_passphrase (pass, &h, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_NO_MEMORY);
}

static void
test_record_seal_binding (void)
{
  HkKeys *keys = make_keys ();
  guint8 vault[HK_VAULT_ID_BYTES], vault2[HK_VAULT_ID_BYTES];
  guint8 id[HK_RECORD_ID_BYTES], id2[HK_RECORD_ID_BYTES];
  const char *msg = "Spoke with Mrs Example at home about the bruising.";
  g_autofree guint8 *blob = NULL;
  g_autofree guint8 *plain = NULL;
  gsize blob_len, len = 0;
  guint rejected = 0;

  randombytes_buf (vault, sizeof vault);
  randombytes_buf (vault2, sizeof vault2);
  randombytes_buf (id, sizeof id);
  randombytes_buf (id2, sizeof id2);

  blob = _hk_seal_record (keys, vault, HK_RECORD_KIND_NOTE, id, 3, (const guint8 *) msg, strlen (msg), &blob_len);
  g_assert_cmpuint (blob_len, ==, strlen (msg) + HK_SEAL_OVERHEAD);
  plain = _hk_open_record (keys, vault, HK_RECORD_KIND_NOTE, id, 3, blob, blob_len, &len);
  g_assert_cmpmem (plain, len, msg, strlen (msg));

  /* Each bound field: vault, kind, id, revision. */
  g_assert_null (_hk_open_record (keys, vault2, HK_RECORD_KIND_NOTE, id, 3, blob, blob_len, &len));
  g_assert_null (_hk_open_record (keys, vault, HK_RECORD_KIND_CASE, id, 3, blob, blob_len, &len));
  g_assert_null (_hk_open_record (keys, vault, HK_RECORD_KIND_NOTE, id2, 3, blob, blob_len, &len));
  g_assert_null (_hk_open_record (keys, vault, HK_RECORD_KIND_NOTE, id, 2, blob, blob_len, &len));

  /* Every single-bit flip anywhere in the blob is rejected. */
  for (gsize i = 0; i < blob_len * 8; i++)
    {
      g_autofree guint8 *p = NULL;

      blob[i / 8] ^= 1 << (i % 8);
      p = _hk_open_record (keys, vault, HK_RECORD_KIND_NOTE, id, 3, blob, blob_len, &len);
      rejected += p == NULL;
      blob[i / 8] ^= 1 << (i % 8);
    }
  g_assert_cmpuint (rejected, ==, blob_len * 8);
  g_test_message ("%u/%" G_GSIZE_FORMAT " single-bit flips rejected", rejected, blob_len * 8);

  /* Truncation. */
  g_assert_null (_hk_open_record (keys, vault, HK_RECORD_KIND_NOTE, id, 3, blob, blob_len - 1, &len));
  g_assert_null (_hk_open_record (keys, vault, HK_RECORD_KIND_NOTE, id, 3, blob, 3, &len));
  _hk_keys_free (keys);
}

static void
test_recovery_key_text (void)
{
  guint8 key[HK_KEY_BYTES], out[HK_KEY_BYTES];
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(HkSecret) text = NULL;

      /* Deterministic keys, so the test never depends on luck. */
      for (guint i = 0; i < sizeof key; i++)
        key[i] = (guint8) (round * 37 + i * 11 + (i * round) % 7);
      text = _hk_recovery_key_format (key);
      g_assert_cmpuint (hk_secret_get_length (text), ==, 65);
      g_assert_true (_hk_recovery_key_parse (text, out, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (out, sizeof out, key, sizeof key);

      /* Each one-character substitution is caught (2-byte check). */
      for (guint i = 0; i < 65; i += 7)
        {
          g_autoptr(HkSecret) typo = hk_secret_copy (text);
          char *c = (char *) hk_secret_get_mutable_data (typo) + i;

          if (*c == '-')
            continue;
          *c = *c == 'Q' ? 'R' : 'Q';
          g_assert_false (_hk_recovery_key_parse (typo, out, &error));
          g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
          g_clear_error (&error);
        }
    }
}

static void
test_ids (void)
{
  g_autofree char *id = _hk_id_new ();
  guint8 raw[HK_RECORD_ID_BYTES];

  g_assert_cmpint (strlen (id), ==, 32);
  g_assert_true (_hk_id_to_raw (id, raw));
  g_assert_false (_hk_id_to_raw ("0123", raw));
  g_assert_false (_hk_id_to_raw ("0123456789ABCDEF0123456789abcdef", raw));
  g_assert_false (_hk_id_to_raw ("0123456789abcdef0123456789abcdeg", raw));
  g_assert_false (_hk_id_to_raw ("' OR 1=1 --'''''''''''''''''''''", raw));
}

static void
test_secret (void)
{
  g_autoptr(HkSecret) a = hk_secret_new_from_string ("abc");
  g_autoptr(HkSecret) b = hk_secret_copy (a);
  g_autoptr(HkSecret) c = hk_secret_new (10);

  g_assert_true (hk_secret_equal (a, b));
  g_assert_cmpstr (hk_secret_get_data (b), ==, "abc");
  memcpy (hk_secret_get_mutable_data (c), "hello\n", 6);
  hk_secret_set_length (c, 5);
  g_assert_cmpstr (hk_secret_get_data (c), ==, "hello");
  g_assert_false (hk_secret_equal (a, c));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/crypto/header", test_header_round_trip);
  g_test_add_func ("/crypto/wrap", test_wrap_unwrap);
  g_test_add_func ("/crypto/record-binding", test_record_seal_binding);
  g_test_add_func ("/crypto/recovery-key", test_recovery_key_text);
  g_test_add_func ("/crypto/ids", test_ids);
  g_test_add_func ("/crypto/secret", test_secret);
  return g_test_run ();
}
