/* test-activity.c: the hash-chained activity log
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "hk-test-utils.h"

static GPtrArray *
read_log (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *log = hk_vault_read_activity (vault, &error);

  g_assert_no_error (error);
  return log;
}

static guint
count_kind (GPtrArray      *log,
            HkActivityKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    n += ((HkActivityEntry *) log->pdata[i])->kind == kind;
  return n;
}

static void
sql (const char *path,
     const char *statement,
     gboolean    must_succeed)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, statement, NULL, NULL, NULL);
  if (must_succeed)
    g_assert_cmpint (rc, ==, SQLITE_OK);
  else
    g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_close (db);
}

static HkVault *
reopen_unlocked (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkSecret) pass = hk_test_passphrase ();
  HkVault *vault = hk_vault_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (hk_vault_unlock (vault, pass, NULL, &error));
  g_assert_no_error (error);
  return vault;
}

static void
test_events (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (dir, "b.hearken", NULL);
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  HkActivityEntry *last;

  g_assert_true (hk_vault_load_case (vault, hk_record_get_id (kase), NULL, NULL, NULL, &error));
  g_assert_true (hk_vault_backup (vault, backup, &error));
  g_assert_no_error (error);
  hk_vault_lock (vault);
  g_clear_object (&vault);
  vault = reopen_unlocked (path);

  log = read_log (vault);
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_VAULT_CREATED), ==, 1);
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_RECORD_CREATED), ==, 3); /* meta, person, case */
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_CASE_VIEWED), ==, 1);
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_EXPORT), ==, 1);
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_LOCK), ==, 1);
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_UNLOCK), ==, 1);
  last = log->pdata[log->len - 1];
  g_assert_cmpint (last->kind, ==, HK_ACTIVITY_UNLOCK);
  g_assert_cmpint (last->seq, ==, log->len);
  for (guint i = 0; i < log->len; i++)
    {
      HkActivityEntry *e = log->pdata[i];
      g_assert_cmpint (e->seq, ==, i + 1);
      g_assert_cmpint (e->time, >, 0);
      g_assert_cmpstr (hk_activity_kind_to_string (e->kind), !=, "unknown");
    }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_tamper (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HkCheckReport) report = NULL;
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));

  g_clear_object (&vault);

  /* The schema refuses edits and deletions outright. */
  sql (path, "UPDATE activity SET payload = x'00' WHERE seq = 2", FALSE);
  sql (path, "DELETE FROM activity WHERE seq = 2", FALSE);

  /* Someone with write access drops the guard and deletes an entry. */
  sql (path, "DROP TRIGGER activity_no_delete; DELETE FROM activity WHERE seq = 2", TRUE);
  vault = reopen_unlocked (path);
  log = hk_vault_read_activity (vault, &error);
  g_assert_null (log);
  g_assert_error (error, HK_ERROR, HK_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "entry 2"));
  g_clear_error (&error);
  report = hk_vault_check (vault, &error);
  g_assert_no_error (error);
  g_assert_false (report->activity_ok);
  g_assert_false (hk_check_report_is_ok (report));
  g_clear_object (&vault);
  g_clear_pointer (&report, hk_check_report_free);
  hk_test_rm_rf (dir);
  g_free (g_steal_pointer (&dir));

  /* A rewritten entry (a valid ciphertext moved from elsewhere) breaks the MAC. */
  dir = hk_test_make_tmpdir ();
  vault = hk_test_create_vault (dir, NULL);
  g_clear_object (&kase);
  kase = hk_test_add_case (vault, "Ann Example");
  g_free (path);
  path = g_strdup (hk_vault_get_path (vault));
  g_clear_object (&vault);
  sql (path, "DROP TRIGGER activity_no_update;"
             "UPDATE activity SET payload = (SELECT payload FROM activity WHERE seq = 3) WHERE seq = 2", TRUE);
  vault = reopen_unlocked (path);
  log = hk_vault_read_activity (vault, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "entry 2"));
  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static HkActivityEntry *
find_kind (GPtrArray      *log,
           HkActivityKind  kind)
{
  for (guint i = 0; i < log->len; i++)
    if (((HkActivityEntry *) log->pdata[i])->kind == kind)
      return log->pdata[i];
  return NULL;
}

static void
assert_check_says (HkVault    *vault,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkCheckReport) report = hk_vault_check (vault, &error);

  g_assert_no_error (error);
  g_assert_false (report->activity_ok);
  g_assert_false (hk_check_report_is_ok (report));
  g_assert_nonnull (report->activity_message);
  if (strstr (report->activity_message, text) == NULL)
    g_error ("Expected “%s” in: %s", text, report->activity_message);
}

/* Cutting entries off the end leaves a chain that verifies; the sealed head
 * says where it should end. */
static void
test_cut_tail (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  g_autoptr(HkCheckReport) report = hk_vault_check (vault, &error);
  HkActivityEntry *cut;
  gint64 last;

  g_assert_true (hk_vault_get_flags (vault) & HK_VAULT_FLAG_CHAIN_HEAD);
  g_assert_true (hk_check_report_is_ok (report));
  g_assert_false (hk_vault_get_log_cut (vault, NULL, NULL));
  log = read_log (vault);
  last = ((HkActivityEntry *) log->pdata[log->len - 1])->seq;
  g_clear_pointer (&log, g_ptr_array_unref);
  hk_vault_lock (vault);   /* entry last + 1 */
  g_clear_object (&vault);

  /* Someone hides what was done last: the lock and the entry before it. */
  sql (path, "DROP TRIGGER activity_no_delete;"
             "DELETE FROM activity WHERE seq >= (SELECT max(seq) - 1 FROM activity)", TRUE);

  /* The unlock finds the gap and says so in the log itself… */
  vault = reopen_unlocked (path);
  log = read_log (vault);
  cut = find_kind (log, HK_ACTIVITY_LOG_CUT);
  if (cut == NULL)
    g_error ("The unlock did not log the cut");
  g_assert_cmpint (cut->seq, ==, last);
  {
    g_autofree char *detail = g_strdup_printf ("%lld-%lld", (long long) last, (long long) last + 1);
    g_assert_cmpstr (cut->detail, ==, detail);
  }
  g_assert_cmpstr (hk_activity_kind_to_string (cut->kind), ==, "log-cut");

  /* …and check keeps reporting it, even after more is logged. */
  assert_check_says (vault, "cut short");
  {
    gint64 from = 0, to = 0;

    g_assert_true (hk_vault_get_log_cut (vault, &from, &to));
    g_assert_cmpint (from, ==, last);
    g_assert_cmpint (to, ==, last + 1);
  }
  hk_vault_lock (vault);
  g_clear_object (&vault);
  vault = reopen_unlocked (path);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = read_log (vault);
  g_assert_cmpuint (count_kind (log, HK_ACTIVITY_LOG_CUT), ==, 1);
  assert_check_says (vault, "cut short");

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_head_removed_or_replayed (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  g_autofree char *backup = g_build_filename (dir, "older.hearken", NULL);
  g_autoptr(GError) error = NULL;

  /* An older head, saved from an earlier copy of the file. */
  g_assert_true (hk_vault_backup (vault, backup, &error));
  g_assert_no_error (error);
  kase = hk_test_add_case (vault, "Ann Example");
  g_clear_object (&vault);
  {
    g_autofree char *statement =
      g_strdup_printf ("ATTACH DATABASE '%s' AS old;"
                       "UPDATE activity_head SET sealed = (SELECT sealed FROM old.activity_head);", backup);
    sql (path, statement, TRUE);
  }
  vault = reopen_unlocked (path);
  log = read_log (vault);
  g_assert_nonnull (find_kind (log, HK_ACTIVITY_LOG_CUT));
  assert_check_says (vault, "cut short");
  g_clear_object (&vault);

  /* A head deleted outright is as bad as a wrong one. */
  hk_test_rm_rf (dir);
  g_free (dir);
  dir = hk_test_make_tmpdir ();
  vault = hk_test_create_vault (dir, NULL);
  g_free (path);
  path = g_strdup (hk_vault_get_path (vault));
  g_clear_object (&vault);
  sql (path, "DELETE FROM activity_head", TRUE);
  vault = reopen_unlocked (path);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = read_log (vault);
  g_assert_nonnull (find_kind (log, HK_ACTIVITY_LOG_CUT));
  assert_check_says (vault, "cut short");

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/activity/events", test_events);
  g_test_add_func ("/activity/tamper", test_tamper);
  g_test_add_func ("/activity/cut-tail", test_cut_tail);
  g_test_add_func ("/activity/head-removed-or-replayed", test_head_removed_or_replayed);
  return g_test_run ();
}
