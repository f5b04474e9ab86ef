/* test-ui-import.c: importing a file from the window, through the dialog
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-import-dialog.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

static GFile *
example_file (void)
{
  return g_file_new_build_filename (g_getenv ("HEARKEN_SOURCE_ROOT"),
                                    "fuzz/corpus/fuzz-import/valid-realistic.json", NULL);
}

static HkImportDialog *
open_dialog (HkWindow *window,
             GFile    *file)
{
  HkImportDialog *dialog;

  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_IMPORT_DIALOG));
  _hk_window_import_file (window, file);
  dialog = HK_IMPORT_DIALOG (hk_test_ui_find_toplevel (HK_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  return dialog;
}

static gboolean
dialog_settled (gpointer user_data)
{
  const char *state = hk_import_dialog_get_state (user_data);

  return g_str_equal (state, "ready") || g_str_equal (state, "error");
}

/* The Import button follows its action. */
static gboolean
import_enabled (HkImportDialog *dialog)
{
  return gtk_widget_get_sensitive (hk_test_ui_get_by_id (GTK_WIDGET (dialog), "import_button"));
}

static guint
count_cases (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = hk_vault_list_cases (vault, &error);

  g_assert_no_error (error);
  return cases->len;
}

static void
test_import (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(GFile) file = example_file ();
  HkWindow *window = hk_test_ui_new_unlocked_window (dir, NULL);
  HkVault *vault = hk_window_get_vault (window);
  HkImportDialog *dialog;
  GtkWidget *label;

  g_assert_cmpuint (count_cases (vault), ==, 0);

  /* Checked first: the dialog lists what the file adds, nothing is written. */
  dialog = open_dialog (window, file);
  g_assert_cmpstr (hk_import_dialog_get_state (dialog), ==, "checking");
  g_assert_false (import_enabled (dialog));
  hk_test_ui_wait (dialog_settled, dialog, "the file to be checked");
  g_assert_cmpstr (hk_import_dialog_get_state (dialog), ==, "ready");
  g_assert_true (import_enabled (dialog));
  /* Keyboard: Enter imports from here. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == hk_test_ui_get_by_id (GTK_WIDGET (dialog), "import_button"));
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (dialog), "holds 24 records"));
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (dialog), "Best-interests decision"));
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (dialog), "similar_group")));
  g_assert_cmpuint (count_cases (vault), ==, 0);

  /* Import: the records go in, the dialog goes, the window says so. */
  hk_test_ui_activate (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_IMPORT_DIALOG) == NULL);
  g_assert_cmpuint (count_cases (vault), ==, 3);
  label = hk_test_ui_find_label (GTK_WIDGET (window), "Imported 24 records, 3 new cases");
  g_assert_nonnull (label);

  /* The same file again: refused with the JSON path, and nothing to press. */
  dialog = open_dialog (window, file);
  hk_test_ui_wait (dialog_settled, dialog, "the file to be checked");
  g_assert_cmpstr (hk_import_dialog_get_state (dialog), ==, "error");
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (dialog),
                                           "$.people[0].fields.nhs_number: a person with this NHS number is already in the vault"));
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (dialog), "Nothing was added"));
  g_assert_false (import_enabled (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  hk_test_ui_flush ();
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (count_cases (vault), ==, 3);

  /* Without NHS numbers the same people only look alike: they may be
   * imported, but the dialog asks for a check first. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *stripped = NULL;
    g_autofree char *path = g_build_filename (dir, "no-numbers.json", NULL);
    g_autoptr(GRegex) nhs = g_regex_new ("\"nhs_number\": \"[0-9 ]*\",", 0, 0, NULL);
    g_autoptr(GFile) others = g_file_new_for_path (path);
    GtkWidget *group;

    g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
    stripped = g_regex_replace_literal (nhs, contents, -1, 0, "", 0, NULL);
    g_assert_true (g_file_set_contents (path, stripped, -1, NULL));
    dialog = open_dialog (window, others);
    hk_test_ui_wait (dialog_settled, dialog, "the file to be checked");
    g_assert_cmpstr (hk_import_dialog_get_state (dialog), ==, "ready");
    group = hk_test_ui_get_by_id (GTK_WIDGET (dialog), "similar_group");
    g_assert_true (gtk_widget_get_visible (group));
    g_assert_nonnull (hk_test_ui_find_label (group, "$.people[0]"));
    gtk_window_close (GTK_WINDOW (dialog));
    hk_test_ui_flush ();
    g_assert_cmpuint (count_cases (vault), ==, 3);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

static void
test_bad_file_and_lock (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) file = example_file ();
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  HkWindow *window = hk_test_ui_new_unlocked_window (dir, NULL);
  HkVault *vault = hk_window_get_vault (window);
  HkImportDialog *dialog;

  g_assert_true (g_file_set_contents (bad_path,
                                      "{\"format\": \"hearken-import\", \"version\": 1, \"people\": ["
                                      "{\"fields\": {\"name\": \"Second\"}, \"cases\": [{\"fields\": "
                                      "{\"status\": \"closed\", \"opened_on\": \"2025-01-01\"}}]}]}", -1, NULL));
  dialog = open_dialog (window, bad);
  hk_test_ui_wait (dialog_settled, dialog, "the file to be checked");
  g_assert_cmpstr (hk_import_dialog_get_state (dialog), ==, "error");
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (dialog), "$.people[0].cases[0].fields.closed_on"));
  gtk_window_close (GTK_WINDOW (dialog));
  hk_test_ui_flush ();

  /* Locking closes a dialog that is ready, and nothing goes in. */
  dialog = open_dialog (window, file);
  hk_test_ui_wait (dialog_settled, dialog, "the file to be checked");
  g_assert_cmpstr (hk_import_dialog_get_state (dialog), ==, "ready");
  hk_test_ui_lock (window);
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_IMPORT_DIALOG));
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  g_assert_cmpuint (count_cases (vault), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  hk_test_ui_flush ();
  hk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add_func ("/ui/import/import", test_import);
  g_test_add_func ("/ui/import/bad-file-and-lock", test_bad_file_and_lock);
  return g_test_run ();
}
