/* test-ui-drafts.c: a note being written survives a lock and a destroyed window
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-case-page.h"
#include "hk-casebook.h"
#include "hk-note-editor.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

/* Helpers */

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

static HkNoteEditor *
wait_for_note_editor (void)
{
  GtkWindow *editor;

  HK_TEST_UI_WAIT_UNTIL ((editor = hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR)) != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (editor)));
  return HK_NOTE_EDITOR (editor);
}

static GtkTextBuffer *
note_buffer (HkNoteEditor *editor)
{
  GtkWidget *view = hk_form_fields_get_widget (hk_note_editor_get_form (editor), "text");

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static char *
note_text (HkNoteEditor *editor)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (note_buffer (editor), &start, &end);
  return gtk_text_buffer_get_text (note_buffer (editor), &start, &end, FALSE);
}

/* Types into the editor the way a key press does: at the cursor. */
static void
type_text (HkNoteEditor *editor,
           const char   *text)
{
  gtk_text_buffer_insert_at_cursor (note_buffer (editor), text, -1);
}

static guint
n_drafts (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = hk_vault_list_drafts (vault, &error);

  g_assert_no_error (error);
  return keys->len;
}

static guint
n_notes (HkVault    *vault,
         const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  hk_vault_load_case (vault, case_id, &kase, &person, &notes, &error);
  g_assert_no_error (error);
  return notes->len;
}

static gboolean
draft_banner_shown (HkNoteEditor *editor)
{
  GtkRevealer *revealer = GTK_REVEALER (hk_test_ui_get_by_id (GTK_WIDGET (editor), "draft_revealer"));
  GtkLabel *label = GTK_LABEL (hk_test_ui_get_by_id (GTK_WIDGET (editor), "draft_label"));

  return gtk_revealer_get_reveal_child (revealer) &&
         g_str_has_prefix (gtk_label_get_text (label), "Restored unsaved changes from ");
}

/* An unlocked window on a new vault, showing a case made for the test. */
static HkWindow *
window_with_case (const char  *dir,
                  char       **out_case_id)
{
  HkWindow *window = hk_test_ui_new_unlocked_window (dir, NULL);
  HkCasebook *casebook = _hk_window_get_casebook (window);
  g_autoptr(HkRecord) kase = hk_test_add_case (hk_window_get_vault (window), "Dara Draftson");

  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.show-case",
                       g_variant_new_string (hk_record_get_id (kase)));
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (casebook), hk_record_get_id (kase)) == 0);
  *out_case_id = g_strdup (hk_record_get_id (kase));
  return window;
}

static void
save_and_check (HkWindow     *window,
                HkNoteEditor *editor,
                const char   *case_id)
{
  HkVault *vault = hk_window_get_vault (window);

  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR) == NULL);
  g_assert_cmpuint (n_notes (vault, case_id), ==, 1);
  /* Saving the note discards its draft. */
  HK_TEST_UI_WAIT_UNTIL (n_drafts (vault) == 0);
}

static void
destroy_window (HkWindow *window)
{
  HkVault *vault = hk_window_get_vault (window);

  /* The vault file stays locked until every reference has gone. */
  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  gtk_window_destroy (GTK_WINDOW (window));
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);
}

/* Tests */

static void
test_restored_after_lock (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autofree char *case_id = NULL;
  g_autofree char *text = NULL;
  HkWindow *window = window_with_case (dir, &case_id);
  HkCasebook *casebook = _hk_window_get_casebook (window);
  HkNoteEditor *editor;

  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.new-note", NULL);
  editor = wait_for_note_editor ();
  type_text (editor, "Half-written note about the Tuesday visit");

  /* Locking saves the draft, then closes the editor with everything else. */
  hk_test_ui_lock (window);
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR));

  /* After unlocking, the casebook reopens the note where it was left. */
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  editor = wait_for_note_editor ();
  g_assert_cmpstr (hk_note_editor_get_case_id (editor), ==, case_id);
  text = note_text (editor);
  g_assert_cmpstr (text, ==, "Half-written note about the Tuesday visit");
  g_assert_true (draft_banner_shown (editor));
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (casebook), case_id) == 0);
  g_assert_cmpuint (n_notes (hk_window_get_vault (window), case_id), ==, 0);

  /* Finishing it saves the note and removes the draft. */
  type_text (editor, ", finished later.");
  save_and_check (window, editor, case_id);

  destroy_window (window);
  hk_test_rm_rf (dir);
}

static void
test_restored_after_window_destroyed (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autofree char *case_id = NULL;
  g_autofree char *text = NULL;
  HkWindow *window = window_with_case (dir, &case_id);
  HkCasebook *casebook = _hk_window_get_casebook (window);
  HkVault *vault = hk_window_get_vault (window);
  HkNoteEditor *editor;

  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.new-note", NULL);
  editor = wait_for_note_editor ();
  type_text (editor, "Written before the crash");

  /* The autosave comes after a pause in typing; then the window goes. */
  HK_TEST_UI_WAIT_UNTIL (n_drafts (vault) == 1);
  destroy_window (window);
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR));

  /* A new window on the same vault: unlocking brings the note back. */
  window = hk_test_ui_new_window (dir, NULL);
  casebook = _hk_window_get_casebook (window);
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  editor = wait_for_note_editor ();
  text = note_text (editor);
  g_assert_cmpstr (text, ==, "Written before the crash");
  g_assert_true (draft_banner_shown (editor));

  /* Closed again without saving, it stays a draft; opening the editor for
   * the same case restores it once more. */
  g_clear_pointer (&text, g_free);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.cancel", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR) == NULL);
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (casebook), case_id) == 0);
  g_assert_cmpuint (n_drafts (hk_window_get_vault (window)), ==, 1);
  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.new-note", NULL);
  editor = wait_for_note_editor ();
  text = note_text (editor);
  g_assert_cmpstr (text, ==, "Written before the crash");

  save_and_check (window, editor, case_id);

  destroy_window (window);
  hk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add_func ("/ui/drafts/restored-after-lock", test_restored_after_lock);
  g_test_add_func ("/ui/drafts/restored-after-window-destroyed", test_restored_after_window_destroyed);

  return g_test_run ();
}
