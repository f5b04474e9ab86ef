/* hk-test-utils.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hk-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

char *
hk_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hearken-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
hk_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      hk_test_rm_rf (child);
    }
  g_rmdir (path);
}

HkSecret *
hk_test_passphrase (void)
{
  return hk_secret_new_from_string ("correct horse battery staple 42");
}

HkSecret *
hk_test_other_passphrase (void)
{
  return hk_secret_new_from_string ("a different passphrase entirely 7");
}

HkVault *
hk_test_create_vault (const char *dir,
                      HkSecret  **out_recovery)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autofree char *path = g_build_filename (dir, "vault.hearken", NULL);
  HkVault *vault;

  vault = hk_vault_create (path, pass, HK_KDF_PROFILE_TEST_WEAK, HK_VAULT_FLAG_NONE,
                           "Test Worker", out_recovery, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

GVariant *
hk_test_fields (const char *first_key,
                ...)
{
  GVariantBuilder b;
  va_list ap;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  va_start (ap, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (ap, const char *))
    {
      const char *value = va_arg (ap, const char *);
      g_variant_builder_add (&b, "{sv}", key, g_variant_new_string (value));
    }
  va_end (ap);
  return g_variant_builder_end (&b);
}

HkRecord *
hk_test_add_case (HkVault    *vault,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = g_variant_ref_sink (hk_test_fields ("name", name, NULL));
  g_autoptr(HkRecord) person = NULL;
  HkRecord *kase;

  person = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0, fields, &error);
  g_assert_no_error (error);
  kase = hk_vault_open_case (vault, hk_record_get_id (person), NULL, &error);
  g_assert_no_error (error);
  return kase;
}

GBytes *
hk_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

gboolean
hk_test_file_contains (const char *path,
                       const char *needle)
{
  g_autoptr(GBytes) bytes = hk_test_read_file (path);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}
