/* test-ui-window.c: the whole window: unlock, add a person, a case and a note,
 * lock, unlock, and the note is still there
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-case-list-view.h"
#include "hk-case-page.h"
#include "hk-casebook.h"
#include "hk-note-editor.h"
#include "hk-person-editor.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

#define PERSON_NAME "Orla Windowtest"
#define NOTE_TEXT   "Met Orla at the library; she wants the Tuesday visits to continue."

static gboolean
tree_contains (GtkWidget  *root,
               const char *needle)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), needle))
    return TRUE;
  if (GTK_IS_EDITABLE (root) && strstr (gtk_editable_get_text (GTK_EDITABLE (root)), needle))
    return TRUE;
  if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (strstr (text, needle))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_contains (child, needle))
      return TRUE;

  return FALSE;
}

static GtkWindow *
wait_for_editor (GType type)
{
  GtkWindow *editor;

  HK_TEST_UI_WAIT_UNTIL ((editor = hk_test_ui_find_toplevel (type)) != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (editor)));
  return editor;
}

static HkCasePage *
case_page (HkCasebook *casebook)
{
  return HK_CASE_PAGE (hk_test_ui_get_by_id (GTK_WIDGET (casebook), "case_page"));
}

static const char *
current_case_id (HkCasebook *casebook)
{
  HkRecord *kase = hk_case_page_get_case (case_page (casebook));

  return kase ? hk_record_get_id (kase) : NULL;
}

static void
test_note_survives_lock (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  HkCaseListView *list;
  HkCasebook *casebook;
  HkWindow *window;
  HkVault *vault;
  GtkWindow *editor;
  HkFormFields *form;

  window = hk_test_ui_new_unlocked_window (dir, NULL);
  casebook = _hk_window_get_casebook (window);
  vault = hk_window_get_vault (window);
  list = HK_CASE_LIST_VIEW (hk_test_ui_get_by_id (GTK_WIDGET (casebook), "list_view"));
  g_assert_true (hk_casebook_get_vault (casebook) == vault);

  /* A person, with a case opened at once */
  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.new-person", NULL);
  editor = wait_for_editor (HK_TYPE_PERSON_EDITOR);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (window));
  form = hk_person_editor_get_form (HK_PERSON_EDITOR (editor));
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "name"), PERSON_NAME);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_PERSON_EDITOR) == NULL);
  HK_TEST_UI_WAIT_UNTIL (current_case_id (casebook) != NULL);
  case_id = g_strdup (current_case_id (casebook));
  HK_TEST_UI_WAIT_UNTIL (g_list_model_get_n_items (hk_case_list_view_get_shown (list)) == 1);

  /* A note */
  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.new-note", NULL);
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  form = hk_note_editor_get_form (HK_NOTE_EDITOR (editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (hk_form_fields_get_widget (form, "text"))),
                            NOTE_TEXT, -1);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR) == NULL);
  HK_TEST_UI_WAIT_UNTIL (g_list_model_get_n_items (hk_case_page_get_notes (case_page (casebook))) == 1);
  g_assert_true (tree_contains (GTK_WIDGET (window), NOTE_TEXT));
  /* Names stay inside the window. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Hearken");

  /* Lock: nothing decrypted stays behind. */
  hk_test_ui_lock (window);
  g_assert_null (hk_casebook_get_vault (casebook));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_cases (list)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_page_get_notes (case_page (casebook))), ==, 0);
  g_assert_false (tree_contains (GTK_WIDGET (window), NOTE_TEXT));
  g_assert_false (tree_contains (GTK_WIDGET (window), PERSON_NAME));

  /* Unlock: the case and its note come back from the vault. */
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  HK_TEST_UI_WAIT_UNTIL (!hk_case_list_view_get_busy (list) &&
                         g_list_model_get_n_items (hk_case_list_view_get_shown (list)) == 1);
  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.show-case", g_variant_new_string (case_id));
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (casebook), case_id) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_page_get_notes (case_page (casebook))), ==, 1);
  HK_TEST_UI_WAIT_UNTIL (tree_contains (GTK_WIDGET (case_page (casebook)), NOTE_TEXT));

  hk_vault_load_case (vault, case_id, &kase, &person, &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (person, "name"), ==, PERSON_NAME);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (hk_record_get_string (g_ptr_array_index (notes, 0), "text"), ==, NOTE_TEXT);

  cases = hk_vault_list_cases (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpuint (hk_case_summary_get_note_count (g_ptr_array_index (cases, 0)), ==, 1);

  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&kase);
  g_clear_object (&person);
  g_clear_pointer (&notes, g_ptr_array_unref);
  g_clear_pointer (&cases, g_ptr_array_unref);
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);
  hk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add_func ("/ui/window/note-survives-lock", test_note_survives_lock);

  return g_test_run ();
}
