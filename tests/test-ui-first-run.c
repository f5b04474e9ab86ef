/* test-ui-first-run.c: first run, vault creation, recovery key, lock, unlock, demo
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "hk-casebook.h"
#include "hk-passphrase-dialog.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

#define OWNER       "Alex Morgan"
#define PASSPHRASE  "correct horse battery staple 42"
#define NEW_PASSPHRASE "lantern orchard pebble violin 73"

static const char *
page_name (HkWindow *window)
{
  return _hk_window_get_page_name (window);
}

static void
fill_new_passphrase (GtkWidget  *root,
                     const char *passphrase,
                     const char *confirmation)
{
  GtkWidget *box = hk_test_ui_get_by_id (root, "passphrase_box");

  hk_test_ui_set_text (hk_test_ui_get_by_id (box, "passphrase_entry"), passphrase);
  hk_test_ui_set_text (hk_test_ui_get_by_id (box, "confirm_entry"), confirmation);
}

static void
test_create_lock_unlock (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "vault.hearken", NULL);
  g_autofree char *key = NULL;
  g_autoptr(GRegex) key_format = NULL;
  HkWindow *window;
  GtkWidget *page, *button, *entry, *label;
  HkVault *vault;

  window = hk_test_ui_new_window (dir, NULL);
  hk_test_ui_wait_for_page (window, "first-run");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Hearken");

  /* First run → create page */
  hk_test_ui_activate (GTK_WIDGET (window), "win.new-vault", NULL);
  g_assert_cmpstr (page_name (window), ==, "create");
  page = _hk_window_get_page (window, "create");
  button = hk_test_ui_get_by_id (page, "create_button");

  hk_test_ui_set_text (hk_test_ui_get_by_id (page, "owner_entry"), OWNER);

  /* A weak passphrase and a mismatch both keep Create disabled. */
  fill_new_passphrase (page, "short", "short");
  g_assert_false (gtk_widget_get_sensitive (button));
  fill_new_passphrase (page, PASSPHRASE, PASSPHRASE "x");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (page, "mismatch_label")));

  fill_new_passphrase (page, PASSPHRASE, PASSPHRASE);
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (page, "mismatch_label")));
  g_assert_true (gtk_widget_get_sensitive (button));

  hk_test_ui_activate (page, "create-page.create", NULL);
  /* The passphrase left the entries as soon as it was used. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hk_test_ui_get_by_id (page, "passphrase_entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hk_test_ui_get_by_id (page, "confirm_entry"))), ==, "");

  /* Recovery key, shown once in groups */
  hk_test_ui_wait_for_page (window, "recovery-key");
  page = _hk_window_get_page (window, "recovery-key");
  label = hk_test_ui_get_by_id (page, "key_label");
  key = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  key_format = g_regex_new ("^[A-Z2-7]{4,6}(-[A-Z2-7]{1,6})+$", 0, 0, NULL);
  g_assert_true (g_regex_match (key_format, key, 0, NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Hearken");

  vault = hk_window_get_vault (window);
  g_assert_nonnull (vault);
  g_assert_false (hk_vault_is_locked (vault));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (hk_vault_get_path (vault), ==, path);
  g_assert_cmpstr (hk_vault_get_owner_name (vault), ==, OWNER);
  g_assert_cmpint (hk_vault_get_kdf_profile (vault), ==, HK_KDF_PROFILE_TEST_WEAK);

  /* Continue only once the user says the key is stored. */
  button = hk_test_ui_find_label (page, "Continue");
  g_assert_nonnull (button);
  button = gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_get_sensitive (button));
  hk_test_ui_activate (page, "recovery-page.continue", NULL);
  g_assert_cmpstr (page_name (window), ==, "recovery-key");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (hk_test_ui_get_by_id (page, "stored_check")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (button));
  hk_test_ui_activate (page, "recovery-page.continue", NULL);

  hk_test_ui_wait_for_page (window, "casebook");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "");
  g_assert_true (hk_casebook_get_vault (_hk_window_get_casebook (window)) == vault);
  g_assert_false (hk_vault_is_locked (vault));

  /* Lock: keys gone, casebook empty, unlock page with an empty entry. */
  hk_test_ui_activate (GTK_WIDGET (window), "win.lock", NULL);
  hk_test_ui_wait_for_page (window, "unlock");
  g_assert_true (hk_vault_is_locked (vault));
  g_assert_null (hk_casebook_get_vault (_hk_window_get_casebook (window)));
  page = _hk_window_get_page (window, "unlock");
  entry = hk_test_ui_get_by_id (page, "passphrase_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* A wrong passphrase says so, under the entry, and changes nothing. */
  label = hk_test_ui_get_by_id (page, "error_label");
  hk_test_ui_set_text (entry, "not the passphrase at all");
  hk_test_ui_activate (page, "unlock-page.unlock", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  HK_TEST_UI_WAIT_UNTIL (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "That passphrase did not open the vault. Check Caps Lock and try again.");
  g_assert_true (hk_vault_is_locked (vault));
  g_assert_cmpstr (page_name (window), ==, "unlock");

  /* The right one opens it again. */
  hk_test_ui_unlock (window, PASSPHRASE);
  g_assert_false (hk_vault_is_locked (vault));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_true (hk_casebook_get_vault (_hk_window_get_casebook (window)) == vault);

  /* The key that was shown really recovers the vault. */
  hk_test_ui_lock (window);
  {
    GtkWindow *dialog;

    hk_test_ui_activate (page, "unlock-page.recover", NULL);
    dialog = hk_test_ui_find_toplevel (HK_TYPE_PASSPHRASE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Hearken");
    hk_test_ui_set_text (hk_test_ui_get_by_id (GTK_WIDGET (dialog), "current_entry"), key);
    fill_new_passphrase (GTK_WIDGET (dialog), NEW_PASSPHRASE, NEW_PASSPHRASE);
    hk_test_ui_activate (GTK_WIDGET (dialog), "passphrase-dialog.apply", NULL);
    hk_test_ui_wait_for_page (window, "casebook");
    g_assert_false (hk_vault_is_locked (vault));
    HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_PASSPHRASE_DIALOG) == NULL);
  }

  /* …and the new passphrase is the one that works now. */
  hk_test_ui_lock (window);
  hk_test_ui_set_text (entry, PASSPHRASE);
  hk_test_ui_activate (page, "unlock-page.unlock", NULL);
  HK_TEST_UI_WAIT_UNTIL (gtk_widget_get_visible (label));
  g_assert_true (hk_vault_is_locked (vault));
  hk_test_ui_unlock (window, NEW_PASSPHRASE);

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

static void
test_existing_vault_opens_locked (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  HkWindow *window;
  GtkWidget *page;

  hk_vault_close (vault);
  g_clear_object (&vault);

  window = hk_test_ui_new_window (dir, NULL);
  hk_test_ui_wait_for_page (window, "unlock");
  g_assert_true (hk_vault_is_locked (hk_window_get_vault (window)));

  /* A vault made outside the demo shows no DEMO marker. */
  page = _hk_window_get_page (window, "unlock");
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (page, "demo_label")));
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (page, "network_warning")));

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

/* Entries cut off the end of the activity log are told at unlock. */
static void
test_cut_log_told (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autofree char *path = g_strdup (hk_vault_get_path (vault));
  HkWindow *window;
  sqlite3 *db = NULL;

  hk_vault_close (vault);
  g_clear_object (&vault);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER activity_no_delete;"
                                     "DELETE FROM activity WHERE seq = (SELECT max(seq) FROM activity)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  window = hk_test_ui_new_window (dir, NULL);
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  g_assert_true (hk_vault_get_log_cut (hk_window_get_vault (window), NULL, NULL));
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (window), "Entries are missing from the end"));

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

static void
test_busy_vault (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  HkWindow *window;
  GtkWidget *page;

  /* @vault still holds the lock: the window must say so, not hang or fail. */
  window = hk_test_ui_new_window (dir, NULL);
  hk_test_ui_wait_for_page (window, "problem");
  page = _hk_window_get_page (window, "problem");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                   "This vault is open in another Hearken window or program");

  /* Once the other user lets go, Try Again opens it. */
  hk_vault_close (vault);
  hk_test_ui_activate (GTK_WIDGET (window), "win.retry", NULL);
  hk_test_ui_wait_for_page (window, "unlock");

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

static void
test_demo (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *real_path = g_build_filename (dir, "vault.hearken", NULL);
  g_autofree char *demo_path = g_build_filename (dir, "demo.hearken", NULL);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  HkWindow *window;
  HkVault *vault;
  GtkWidget *page;

  window = hk_test_ui_new_window (dir, NULL);
  hk_test_ui_wait_for_page (window, "first-run");
  hk_test_ui_activate (GTK_WIDGET (window), "win.try-demo", NULL);
  hk_test_ui_wait_for_page (window, "casebook");

  vault = hk_window_get_vault (window);
  g_assert_nonnull (vault);
  g_assert_cmpstr (hk_vault_get_path (vault), ==, demo_path);
  g_assert_true (hk_vault_get_flags (vault) & HK_VAULT_FLAG_DEMO);
  g_assert_false (hk_vault_is_locked (vault));
  g_assert_false (g_file_test (real_path, G_FILE_TEST_EXISTS));

  cases = hk_vault_list_cases (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 40);

  {
    gboolean is_demo = FALSE;

    g_object_get (_hk_window_get_casebook (window), "is-demo", &is_demo, NULL);
    g_assert_true (is_demo);
  }

  /* Locked, the demo says it is a demo and gives its published passphrase. */
  hk_test_ui_lock (window);
  page = _hk_window_get_page (window, "unlock");
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (page, "demo_label")));
  hk_test_ui_unlock (window, "demo");

  /* Leaving the demo goes back to the (still missing) real vault. */
  hk_test_ui_activate (GTK_WIDGET (window), "win.leave-demo", NULL);
  hk_test_ui_wait_for_page (window, "first-run");

  /* Trying the demo again reopens the same demo vault. */
  hk_test_ui_activate (GTK_WIDGET (window), "win.try-demo", NULL);
  hk_test_ui_wait_for_page (window, "casebook");
  g_assert_cmpstr (hk_vault_get_path (hk_window_get_vault (window)), ==, demo_path);

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

static void
test_close_locks (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = NULL;
  HkWindow *window;

  window = hk_test_ui_new_unlocked_window (dir, NULL);
  vault = g_object_ref (hk_window_get_vault (window));
  g_assert_false (hk_vault_is_locked (vault));
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_nullify_pointer), &window);

  /* Closing an unlocked window saves drafts and wipes the keys first, then
   * the window goes by itself. */
  hk_test_ui_activate (GTK_WIDGET (window), "window.close", NULL);
  HK_TEST_UI_WAIT_UNTIL (window == NULL);
  g_assert_true (hk_vault_is_locked (vault));

  hk_vault_close (vault);
  g_clear_object (&vault);
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add_func ("/ui/first-run/create-lock-unlock", test_create_lock_unlock);
  g_test_add_func ("/ui/first-run/existing-vault", test_existing_vault_opens_locked);
  g_test_add_func ("/ui/first-run/busy-vault", test_busy_vault);
  g_test_add_func ("/ui/first-run/cut-log-told", test_cut_log_told);
  g_test_add_func ("/ui/first-run/demo", test_demo);
  g_test_add_func ("/ui/first-run/close-locks", test_close_locks);

  return g_test_run ();
}
