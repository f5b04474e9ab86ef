/* test-vault.c: vault lifecycle, key handling and tamper detection
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "hk-test-utils.h"
#include "hk-vault-private.h"

typedef struct
{
  char    *dir;
  char    *path;
  HkVault *vault;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->dir = hk_test_make_tmpdir ();
  f->vault = hk_test_create_vault (f->dir, NULL);
  f->path = g_strdup (hk_vault_get_path (f->vault));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->vault)
    g_assert_finalize_object (f->vault);
  hk_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->vault);
  f->vault = hk_vault_open (f->path, &error);
  g_assert_no_error (error);
}

static void
unlock (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();

  g_assert_true (hk_vault_unlock (f->vault, pass, NULL, &error));
  g_assert_no_error (error);
}

/* Runs one SQL statement straight on the file, as an attacker with the disk would. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_clear_object (&f->vault);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("tamper SQL failed: %s", msg);
  sqlite3_close (db);
}

static void
test_create_unlock_lock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) loaded = NULL;

  g_assert_false (hk_vault_is_locked (f->vault));
  g_assert_cmpstr (hk_vault_get_owner_name (f->vault), ==, "Test Worker");
  g_assert_cmpint (hk_vault_get_kdf_profile (f->vault), ==, HK_KDF_PROFILE_TEST_WEAK);
  g_assert_cmpint (strlen (hk_vault_get_id (f->vault)), ==, 32);

  kase = hk_test_add_case (f->vault, "Mary Example");
  g_assert_cmpstr (hk_record_get_string (kase, "status"), ==, "open");
  g_assert_cmpstr (hk_record_get_string (kase, "worker"), ==, "Test Worker");

  hk_vault_lock (f->vault);
  g_assert_true (hk_vault_is_locked (f->vault));
  g_assert_null (hk_vault_get_owner_name (f->vault));
  loaded = hk_vault_load (f->vault, hk_record_get_id (kase), &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_LOCKED);
  g_assert_null (loaded);
  g_clear_error (&error);

  reopen (f);
  g_assert_true (hk_vault_is_locked (f->vault));
  unlock (f);
  loaded = hk_vault_load (f->vault, hk_record_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (loaded, "opened_on"), ==, hk_record_get_string (kase, "opened_on"));
  g_assert_cmpint (hk_record_get_revision (loaded), ==, 1);
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) wrong = hk_test_other_passphrase ();
  g_autoptr(GPtrArray) log = NULL;
  gboolean saw_failed = FALSE;

  hk_vault_lock (f->vault);
  g_assert_false (hk_vault_unlock (f->vault, wrong, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (hk_vault_is_locked (f->vault));
  unlock (f);

  /* The failed attempt, sealed while locked, is in the chain after unlock. */
  log = hk_vault_read_activity (f->vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    if (((HkActivityEntry *) log->pdata[i])->kind == HK_ACTIVITY_UNLOCK_FAILED)
      saw_failed = TRUE;
  g_assert_true (saw_failed);
}

static void
test_second_instance (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) second = hk_vault_open (f->path, &error);

  g_assert_error (error, HK_ERROR, HK_ERROR_BUSY);
  g_assert_null (second);
}

static void
closed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (hk_vault_close_finish (HK_VAULT (source), result, NULL));
  *done = TRUE;
}

static void
test_close_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkVault) held = g_object_ref (f->vault);
  g_autoptr(HkVault) second = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  gboolean done = FALSE;

  unlock (f);
  /* Someone else (background work, say) still holds the object: closing
   * must free the file anyway, and wipe the keys. */
  hk_vault_close_async (f->vault, closed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (hk_vault_is_locked (held));

  second = hk_vault_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);

  /* A closed vault refuses work instead of touching a closed store. */
  g_assert_false (hk_vault_unlock (held, pass, NULL, &error));
  g_assert_nonnull (error);

  /* The worker may still hold the finished task for a moment. */
  g_clear_object (&f->vault);
}

static void
test_tampered_header (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();

  /* Flip a bit of the salt: the header is the wrap's associated data. */
  tamper (f, "UPDATE vault_meta SET header = substr(header, 1, 40) || " HK_TEST_OTHER_BYTE ("header", 41) " || "
             "substr(header, 42)");
  f->vault = hk_vault_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (hk_vault_unlock (f->vault, pass, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
}

static void
test_downgraded_header (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();

  /* Change the profile byte (offset 6) and ops limit: parse accepts the
   * values, the AEAD does not. */
  tamper (f, "UPDATE vault_meta SET header = substr(header, 1, 6) || x'00' || substr(header, 8)");
  f->vault = hk_vault_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (hk_vault_unlock (f->vault, pass, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&f->vault);

  /* Garbage magic: not a vault at all. */
  tamper (f, "UPDATE vault_meta SET header = x'00112233'");
  f->vault = hk_vault_open (f->path, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_NOT_A_VAULT);
}

static void
test_tampered_record (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) a = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) b = hk_test_add_case (f->vault, "Bob Example");
  g_autoptr(HkRecord) loaded = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(HkCheckReport) report = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE records SET payload = substr(payload, 1, 30) || "
                                          HK_TEST_OTHER_BYTE ("payload", 31) " || substr(payload, 32) "
                                          "WHERE id = '%s'",
                                          hk_record_get_id (a));

  tamper (f, sql);
  reopen (f);
  unlock (f);

  loaded = hk_vault_load (f->vault, hk_record_get_id (a), &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, hk_record_get_id (a)));
  g_assert_nonnull (strstr (error->message, "case"));
  g_clear_error (&error);

  loaded = hk_vault_load (f->vault, hk_record_get_id (b), &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);

  cases = hk_vault_list (f->vault, HK_RECORD_KIND_CASE, NULL, &failures, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpuint (failures->len, ==, 1);

  report = hk_vault_check (f->vault, &error);
  g_assert_no_error (error);
  g_assert_false (hk_check_report_is_ok (report));
  g_assert_true (report->sqlite_ok);
  g_assert_true (report->activity_ok);
  g_assert_cmpuint (report->record_failures->len, ==, 1);
  g_assert_nonnull (strstr (report->record_failures->pdata[0], hk_record_get_id (a)));
}

static void
test_moved_ciphertext (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) a = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) b = hk_test_add_case (f->vault, "Bob Example");
  g_autoptr(HkRecord) loaded = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE records SET payload = (SELECT payload FROM records WHERE id = '%s') "
                                          "WHERE id = '%s'", hk_record_get_id (a), hk_record_get_id (b));

  /* A's ciphertext copied into B's row: bound to A's id, so it fails. */
  tamper (f, sql);
  reopen (f);
  unlock (f);
  loaded = hk_vault_load (f->vault, hk_record_get_id (b), &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INTEGRITY);
  g_clear_error (&error);
  loaded = hk_vault_load (f->vault, hk_record_get_id (a), &error);
  g_assert_no_error (error);
}

static void
test_replayed_revision (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) kase = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) v2 = NULL;
  g_autoptr(HkRecord) loaded = NULL;
  g_autoptr(HkCheckReport) report = NULL;
  g_autofree char *replay = NULL;
  g_autofree char *rollback = NULL;
  const char *id = hk_record_get_id (kase);

  v2 = hk_vault_save (f->vault, HK_RECORD_KIND_CASE, id, NULL, 1,
                      hk_test_fields ("status", "open", "opened_on", hk_record_get_string (kase, "opened_on"),
                                      "summary", "Second version", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hk_record_get_revision (v2), ==, 2);

  /* Old ciphertext under the new revision number: AD mismatch. */
  replay = g_strdup_printf ("UPDATE records SET payload = (SELECT payload FROM revisions WHERE record_id = '%s' "
                            "AND revision = 1) WHERE id = '%s'", id, id);
  tamper (f, replay);
  reopen (f);
  unlock (f);
  loaded = hk_vault_load (f->vault, id, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INTEGRITY);
  g_clear_error (&error);

  /* Old ciphertext with its old revision number: opens, but check catches
   * the rollback from the activity chain. */
  rollback = g_strdup_printf ("UPDATE records SET revision = 1 WHERE id = '%s'", id);
  tamper (f, rollback);
  reopen (f);
  unlock (f);
  report = hk_vault_check (f->vault, &error);
  g_assert_no_error (error);
  g_assert_false (hk_check_report_is_ok (report));
  g_assert_nonnull (strstr (report->record_failures->pdata[0], "older revision"));
}

static void
test_change_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) old = hk_test_passphrase ();
  g_autoptr(HkSecret) new_pass = hk_test_other_passphrase ();
  g_autoptr(HkRecord) kase = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) loaded = NULL;

  g_assert_false (hk_vault_change_passphrase (f->vault, new_pass, new_pass, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  g_assert_true (hk_vault_change_passphrase (f->vault, old, new_pass, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_false (hk_vault_unlock (f->vault, old, NULL, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (hk_vault_unlock (f->vault, new_pass, NULL, &error));
  g_assert_no_error (error);
  loaded = hk_vault_load (f->vault, hk_record_get_id (kase), &error);
  g_assert_no_error (error);
}

static void
test_recovery (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) recovery = NULL;
  g_autoptr(HkSecret) new_pass = hk_test_other_passphrase ();
  g_autoptr(HkSecret) bad = NULL;
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, &recovery);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Alice Example");
  g_autoptr(HkRecord) loaded = NULL;
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  g_autofree char *typo = NULL;
  g_autofree char *lower = NULL;

  /* 11 groups of 5 characters. */
  g_assert_cmpint (hk_secret_get_length (recovery), ==, 65);
  g_assert_true (g_regex_match_simple ("^([A-Z2-7]{5}-){10}[A-Z2-7]{5}$", hk_secret_get_data (recovery), 0, 0));

  g_clear_object (&vault);
  vault = hk_vault_open (path, &error);
  g_assert_no_error (error);

  /* A typo is caught by the check characters before any key is tried. */
  typo = g_strdup (hk_secret_get_data (recovery));
  typo[0] = typo[0] == 'A' ? 'B' : 'A';
  bad = hk_secret_new_from_string (typo);
  g_assert_false (hk_vault_recover (vault, bad, new_pass, &error));
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&bad, hk_secret_free);

  /* Lower case, no dashes, spaces: still accepted. */
  lower = g_ascii_strdown (hk_secret_get_data (recovery), -1);
  g_strdelimit (lower, "-", ' ');
  bad = hk_secret_new_from_string (lower);
  g_assert_true (hk_vault_recover (vault, bad, new_pass, &error));
  g_assert_no_error (error);
  g_assert_false (hk_vault_is_locked (vault));
  loaded = hk_vault_load (vault, hk_record_get_id (kase), &error);
  g_assert_no_error (error);

  /* The new passphrase works, and the recovery key still does. */
  g_clear_object (&vault);
  vault = hk_vault_open (path, &error);
  g_assert_true (hk_vault_unlock (vault, new_pass, NULL, &error));
  g_assert_no_error (error);
  hk_vault_lock (vault);
  g_assert_true (hk_vault_recover (vault, recovery, new_pass, &error));
  g_assert_no_error (error);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_revisions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) kase = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) note = NULL;
  g_autoptr(HkRecord) edited = NULL;
  g_autoptr(HkRecord) conflict = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GVariant) fields = g_variant_ref_sink (hk_test_fields ("kind", "visit", "occurred_at", "2026-01-05T10:00:00+00:00",
                                               "text", "First text", NULL));
  g_autoptr(GVariant) fields2 = g_variant_ref_sink (hk_test_fields ("kind", "visit", "occurred_at", "2026-01-05T10:00:00+00:00",
                                                "text", "Corrected text", NULL));

  note = hk_vault_save (f->vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_id (kase), 0,
                        fields, &error);
  g_assert_no_error (error);
  /* Recorded long after it happened: a late entry. */
  g_assert_true (hk_record_get_boolean (note, "late_entry"));
  g_assert_nonnull (hk_record_get_string (note, "recorded_at"));

  edited = hk_vault_save (f->vault, HK_RECORD_KIND_NOTE, hk_record_get_id (note), NULL, 1,
                          fields2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hk_record_get_revision (edited), ==, 2);
  g_assert_cmpstr (hk_record_get_string (edited, "recorded_at"), ==, hk_record_get_string (note, "recorded_at"));
  g_assert_cmpint (hk_record_get_created_at (edited), ==, hk_record_get_created_at (note));
  g_assert_cmpstr (hk_record_get_modified_by (edited), ==, "Test Worker");

  /* Saving from a stale revision is refused. */
  conflict = hk_vault_save (f->vault, HK_RECORD_KIND_NOTE, hk_record_get_id (note), NULL, 1,
                            fields2, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_CONFLICT);
  g_clear_error (&error);

  history = hk_vault_list_revisions (f->vault, hk_record_get_id (note), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (hk_record_get_string (history->pdata[0], "text"), ==, "First text");
  g_assert_cmpint (hk_record_get_revision (history->pdata[0]), ==, 1);
}

static void
test_parents (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) kase = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) bad = NULL;
  g_autoptr(HkRecord) kase2 = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  /* A note must hang off a case, not a person. */
  bad = hk_vault_save (f->vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_parent_id (kase), 0,
                       hk_test_fields ("kind", "visit", "occurred_at", "2026-01-05T10:00:00+00:00",
                                       "text", "x", NULL), &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  kase2 = hk_vault_open_case (f->vault, "0123456789abcdef0123456789abcdef", NULL, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (hk_vault_load_case (f->vault, hk_record_get_id (kase), NULL, &person, &notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (person, "name"), ==, "Alice Example");
  g_assert_cmpuint (notes->len, ==, 0);
}

static void
test_list_cases (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) a = hk_test_add_case (f->vault, "Alice Example");
  g_autoptr(HkRecord) b = hk_test_add_case (f->vault, "Bob Example");
  g_autoptr(HkRecord) note = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  note = hk_vault_save (f->vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_id (a), 0,
                        hk_test_fields ("kind", "phone_call", "occurred_at", "2026-01-05T10:00:00+00:00",
                                        "text", "Called", NULL), &error);
  g_assert_no_error (error);
  cases = hk_vault_list_cases (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  for (guint i = 0; i < cases->len; i++)
    {
      HkCaseSummary *s = cases->pdata[i];
      gboolean is_a = g_str_equal (hk_case_summary_get_case_id (s), hk_record_get_id (a));

      g_assert_cmpstr (hk_case_summary_get_person_name (s), ==, is_a ? "Alice Example" : "Bob Example");
      g_assert_cmpuint (hk_case_summary_get_note_count (s), ==, is_a ? 1 : 0);
      g_assert_true (hk_case_summary_get_is_open (s));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

#define ADD(name, func) g_test_add ("/vault/" name, Fixture, NULL, setup, func, teardown)
  ADD ("create-unlock-lock", test_create_unlock_lock);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("second-instance", test_second_instance);
  ADD ("close-async", test_close_async);
  ADD ("tampered-header", test_tampered_header);
  ADD ("downgraded-header", test_downgraded_header);
  ADD ("tampered-record", test_tampered_record);
  ADD ("moved-ciphertext", test_moved_ciphertext);
  ADD ("replayed-revision", test_replayed_revision);
  ADD ("change-passphrase", test_change_passphrase);
  ADD ("revisions", test_revisions);
  ADD ("parents", test_parents);
  ADD ("list-cases", test_list_cases);
#undef ADD
  g_test_add_func ("/vault/recovery", test_recovery);
  return g_test_run ();
}
