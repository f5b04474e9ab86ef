/* test-backup.c: online backup and checked restore
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hk-test-utils.h"

static void
test_backup_restore (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) before = hk_test_add_case (vault, "Ann Example");
  g_autoptr(HkRecord) after = NULL;
  g_autoptr(HkRecord) loaded = NULL;
  g_autofree char *backup = g_build_filename (dir, "backup.hearken", NULL);
  g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkSecret) wrong = hk_test_other_passphrase ();
  GStatBuf st;

  g_assert_true (hk_vault_backup (vault, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Refuses to overwrite the vault itself. */
  g_assert_false (hk_vault_backup (vault, hk_vault_get_path (vault), &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_clear_error (&error);

  after = hk_test_add_case (vault, "Bob Example");

  /* Wrong passphrase for the backup: nothing changes. */
  g_assert_false (hk_vault_restore (vault, backup, wrong, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (hk_vault_is_locked (vault));
  loaded = hk_vault_load (vault, hk_record_get_id (after), &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);

  g_assert_true (hk_vault_restore (vault, backup, pass, &error));
  g_assert_no_error (error);
  g_assert_true (hk_vault_is_locked (vault));
  g_assert_true (hk_vault_unlock (vault, pass, NULL, &error));
  g_assert_no_error (error);

  loaded = hk_vault_load (vault, hk_record_get_id (before), &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = hk_vault_load (vault, hk_record_get_id (after), &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(HkCheckReport) report = hk_vault_check (vault, &error);
    g_autoptr(GPtrArray) log = hk_vault_read_activity (vault, &error);
    gboolean restored = FALSE;

    g_assert_true (hk_check_report_is_ok (report));
    for (guint i = 0; i < log->len; i++)
      restored |= ((HkActivityEntry *) log->pdata[i])->kind == HK_ACTIVITY_RESTORED;
    g_assert_true (restored);
  }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_tampered_backup (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(HkRecord) later = NULL;
  g_autofree char *backup = g_build_filename (dir, "backup.hearken", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.hearken", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_true (hk_vault_backup (vault, backup, &error));
  later = hk_test_add_case (vault, "Bob Example");

  sql = g_strdup_printf ("UPDATE records SET payload = substr(payload, 1, 40) || "
                         HK_TEST_OTHER_BYTE ("payload", 41) " || substr(payload, 42) "
                         "WHERE id = '%s'", hk_record_get_id (kase));
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The damaged backup is refused and the vault is untouched and unlocked. */
  g_assert_false (hk_vault_restore (vault, backup, pass, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, hk_record_get_id (kase)));
  g_clear_error (&error);
  g_assert_false (hk_vault_is_locked (vault));
  g_clear_object (&later);
  later = hk_vault_load (vault, hk_record_get_id (kase), &error);
  g_assert_no_error (error);

  /* Not a vault at all. */
  g_assert_true (g_file_set_contents (garbage, "hello, this is not SQLite", -1, NULL));
  g_assert_false (hk_vault_restore (vault, garbage, pass, &error));
  g_assert_true (g_error_matches (error, HK_ERROR, HK_ERROR_NOT_A_VAULT) ||
                 g_error_matches (error, HK_ERROR, HK_ERROR_CORRUPT));
  g_clear_error (&error);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_restore_as_new (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(HkRecord) loaded = NULL;
  g_autoptr(HkVault) restored = NULL;
  g_autofree char *backup = g_build_filename (dir, "backup.hearken", NULL);
  g_autofree char *dest = g_build_filename (dir, "new", "vault.hearken", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  g_autoptr(HkSecret) wrong = hk_test_other_passphrase ();

  g_assert_true (hk_vault_backup (vault, backup, &error));
  g_clear_object (&vault);

  /* Wrong passphrase: nothing is created. */
  restored = hk_vault_restore_as_new (backup, dest, wrong, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  restored = hk_vault_restore_as_new (backup, dest, pass, &error);
  g_assert_no_error (error);
  g_assert_true (hk_vault_is_locked (restored));
  g_assert_true (hk_vault_unlock (restored, pass, NULL, &error));
  loaded = hk_vault_load (restored, hk_record_get_id (kase), &error);
  g_assert_no_error (error);
  g_clear_object (&restored);

  /* Never over an existing file. */
  restored = hk_vault_restore_as_new (backup, dest, pass, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  hk_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/backup/restore", test_backup_restore);
  g_test_add_func ("/backup/tampered", test_tampered_backup);
  g_test_add_func ("/backup/restore-as-new", test_restore_as_new);
  return g_test_run ();
}
