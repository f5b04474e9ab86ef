/* test-ui-widgets.c: the casebook on its own, driven through its actions
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-case-editor.h"
#include "hk-case-list-view.h"
#include "hk-case-page.h"
#include "hk-casebook.h"
#include "hk-close-case-dialog.h"
#include "hk-form-format.h"
#include "hk-history-window.h"
#include "hk-note-editor.h"
#include "hk-note-row.h"
#include "hk-person-editor.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"

typedef struct {
  char       *dir;
  HkVault    *vault;
  GtkWindow  *window;
  HkCasebook *casebook;
  char       *last_toast;
} Fixture;

/* Helpers */

static void
on_toast_cb (Fixture    *f,
             const char *title)
{
  g_free (f->last_toast);
  f->last_toast = g_strdup (title);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hk_test_make_tmpdir ();
  f->vault = hk_test_create_vault (f->dir, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "Hearken");
  gtk_window_set_default_size (f->window, 1100, 760);
  f->casebook = HK_CASEBOOK (hk_casebook_new ());
  g_signal_connect_swapped (f->casebook, "toast", G_CALLBACK (on_toast_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->casebook));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  HkVault *vault = f->vault;

  if (f->window)
    gtk_window_destroy (f->window);
  f->window = NULL;

  /* Queued vault work holds references; the files go once it is done. */
  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  g_clear_object (&f->vault);
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);

  hk_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->last_toast, g_free);
}

static HkCaseListView *
list_view (Fixture *f)
{
  return HK_CASE_LIST_VIEW (hk_test_ui_get_by_id (GTK_WIDGET (f->casebook), "list_view"));
}

static HkCasePage *
case_page (Fixture *f)
{
  return HK_CASE_PAGE (hk_test_ui_get_by_id (GTK_WIDGET (f->casebook), "case_page"));
}

static HkRecord *
add_person (HkVault    *vault,
            const char *name)
{
  g_autoptr(GVariant) fields = g_variant_ref_sink (hk_test_fields ("name", name, NULL));
  g_autoptr(GError) error = NULL;
  HkRecord *person;

  person = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0, fields, &error);
  g_assert_no_error (error);
  return person;
}

static HkRecord *
add_case (HkVault    *vault,
          const char *name,
          const char *opened_on,
          const char *closed_on)
{
  g_autoptr(HkRecord) person = add_person (vault, name);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;
  HkRecord *kase;

  if (closed_on)
    fields = g_variant_ref_sink (hk_test_fields ("status", "closed", "opened_on", opened_on, "closed_on", closed_on, NULL));
  else
    fields = g_variant_ref_sink (hk_test_fields ("status", "open", "opened_on", opened_on, NULL));
  kase = hk_vault_save (vault, HK_RECORD_KIND_CASE, NULL, hk_record_get_id (person), 0, fields, &error);
  g_assert_no_error (error);
  return kase;
}

static HkRecord *
add_note (HkVault    *vault,
          HkRecord   *kase,
          const char *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -2);
  g_autofree char *when = g_date_time_format (earlier, "%Y-%m-%dT%H:%M:%S%:z");
  g_autoptr(GVariant) fields = g_variant_ref_sink (hk_test_fields ("kind", "visit", "occurred_at", when, "text", text, NULL));
  g_autoptr(GError) error = NULL;
  HkRecord *note;

  note = hk_vault_save (vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_id (kase), 0, fields, &error);
  g_assert_no_error (error);
  return note;
}

static void
set_vault_and_wait (Fixture *f)
{
  hk_casebook_set_vault (f->casebook, f->vault);
  HK_TEST_UI_WAIT_UNTIL (!hk_case_list_view_get_busy (list_view (f)));
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (hk_case_list_view_get_shown (list_view (f)));
}

static const char *
shown_name (Fixture *f,
            guint    position)
{
  g_autoptr(HkCaseSummary) summary = g_list_model_get_item (hk_case_list_view_get_shown (list_view (f)), position);

  g_assert_nonnull (summary);
  /* The list holds a reference: the string outlives this function. */
  return hk_case_summary_get_person_name (summary);
}

static const char *
current_case_id (Fixture *f)
{
  HkRecord *kase = hk_case_page_get_case (case_page (f));

  return kase ? hk_record_get_id (kase) : NULL;
}

static void
show_case_and_wait (Fixture  *f,
                    HkRecord *kase)
{
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.show-case",
                       g_variant_new_string (hk_record_get_id (kase)));
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (f), hk_record_get_id (kase)) == 0);
}

static GtkWindow *
wait_for_editor (GType type)
{
  GtkWindow *editor;

  HK_TEST_UI_WAIT_UNTIL ((editor = hk_test_ui_find_toplevel (type)) != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (editor)));
  return editor;
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%d/%m/%Y");
}

static gboolean
visible_label_contains (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (visible_label_contains (child, text))
      return TRUE;

  return FALSE;
}

/* Every piece of text a widget tree holds: labels, entries, text views. */
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
  if (ADW_IS_PREFERENCES_ROW (root) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), needle))
    return TRUE;
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), needle))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_contains (child, needle))
      return TRUE;

  return FALSE;
}

static gboolean
any_window_contains (const char *needle)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (tree_contains (window, needle))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
list_cases (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = hk_vault_list_cases (vault, &error);

  g_assert_no_error (error);
  return cases;
}

static GPtrArray *
load_notes (HkVault    *vault,
            const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(HkRecord) person = NULL;
  GPtrArray *notes = NULL;

  hk_vault_load_case (vault, case_id, &kase, &person, &notes, &error);
  g_assert_no_error (error);
  return notes;
}

static guint
n_drafts (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = hk_vault_list_drafts (vault, &error);

  g_assert_no_error (error);
  return keys->len;
}

/* Tests */

static void
test_list_fills_and_filters (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HkRecord) ada = add_case (f->vault, "Ada Lovelace", "2025-01-10", NULL);
  g_autoptr(HkRecord) bea = add_case (f->vault, "Bea Zebedee", "2026-03-01", NULL);
  g_autoptr(HkRecord) cy = add_case (f->vault, "Cy Closedcase", "2024-05-01", "2024-09-01");

  set_vault_and_wait (f);
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_cases (list_view (f))), ==, 3);

  /* Open cases by default, the most recently opened first. */
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_cmpstr (shown_name (f, 0), ==, "Bea Zebedee");
  g_assert_cmpstr (shown_name (f, 1), ==, "Ada Lovelace");

  /* The rows show the name and the opening date, day first. */
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_label (GTK_WIDGET (list_view (f)), "Opened 1 Mar 2026") != NULL);
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (list_view (f)), "Bea Zebedee"));

  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter", g_variant_new_string ("closed"));
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (shown_name (f, 0), ==, "Cy Closedcase");

  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter", g_variant_new_string ("all"));
  g_assert_cmpuint (n_shown (f), ==, 3);
  /* Open first, then closed. */
  g_assert_cmpstr (shown_name (f, 0), ==, "Bea Zebedee");
  g_assert_cmpstr (shown_name (f, 2), ==, "Cy Closedcase");

  /* Showing a case fills the page; the name is in the window, never its title. */
  show_case_and_wait (f, cy);
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (case_page (f)), "Cy Closedcase"));
  g_assert_cmpstr (gtk_window_get_title (f->window), ==, "Hearken");
  g_assert_true (visible_label_contains (GTK_WIDGET (case_page (f)), "closed 1 Sep 2024"));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkStack *stack;

  set_vault_and_wait (f);
  stack = GTK_STACK (hk_test_ui_get_by_id (GTK_WIDGET (list_view (f)), "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HkRecord) ada = add_case (f->vault, "Ada Lovelace", "2025-01-10", NULL);
  g_autoptr(HkRecord) bea = add_case (f->vault, "Bea Zebedee", "2026-03-01", NULL);
  g_autoptr(HkRecord) note = add_note (f->vault, ada, "Talked about the pomegranate tree in the garden.");
  GtkEditable *entry;
  GtkStack *stack;

  set_vault_and_wait (f);
  entry = hk_case_list_view_get_search_entry (list_view (f));
  stack = GTK_STACK (hk_test_ui_get_by_id (GTK_WIDGET (list_view (f)), "stack"));

  /* A name */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.search", NULL);
  hk_test_ui_set_text (GTK_WIDGET (entry), "zebed");
  HK_TEST_UI_WAIT_UNTIL (n_shown (f) == 1 && !hk_case_list_view_get_busy (list_view (f)));
  g_assert_cmpstr (shown_name (f, 0), ==, "Bea Zebedee");

  /* Words in a note */
  hk_test_ui_set_text (GTK_WIDGET (entry), "pomegranate");
  HK_TEST_UI_WAIT_UNTIL (n_shown (f) == 1 && g_strcmp0 (shown_name (f, 0), "Ada Lovelace") == 0);

  /* Nothing */
  hk_test_ui_set_text (GTK_WIDGET (entry), "xylophonist");
  HK_TEST_UI_WAIT_UNTIL (n_shown (f) == 0 && !hk_case_list_view_get_busy (list_view (f)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  /* Cleared: everything open again */
  hk_test_ui_set_text (GTK_WIDGET (entry), "");
  HK_TEST_UI_WAIT_UNTIL (n_shown (f) == 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
test_create_person_case_note (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(HkRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *three_days_ago = date_from_today (-3);
  g_autofree char *today = hk_today_iso ();
  g_autofree const char **present = NULL;
  GtkWindow *editor;
  HkFormFields *form;
  HkRecord *note;
  HkHistoryWindow *history;
  GtkWidget *row;

  set_vault_and_wait (f);

  /* New person, with a case opened straight away */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-person", NULL);
  editor = wait_for_editor (HK_TYPE_PERSON_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Hearken");
  form = hk_person_editor_get_form (HK_PERSON_EDITOR (editor));
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "name"), "Nia Newperson");
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "date_of_birth"), "2/3/1950");
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "nhs_number"), "943 476 5919");
  set_text_view (hk_form_fields_get_widget (form, "address"), "1 Example Road\nTestville");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (hk_person_editor_get_open_case_check (HK_PERSON_EDITOR (editor)))));
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_PERSON_EDITOR) == NULL);

  cases = list_cases (f->vault);
  g_assert_cmpuint (cases->len, ==, 1);
  case_id = g_strdup (hk_case_summary_get_case_id (g_ptr_array_index (cases, 0)));
  person = g_object_ref (hk_case_summary_get_person (g_ptr_array_index (cases, 0)));
  g_assert_cmpstr (hk_record_get_string (person, "name"), ==, "Nia Newperson");
  g_assert_cmpstr (hk_record_get_string (person, "date_of_birth"), ==, "1950-03-02");
  g_assert_cmpstr (hk_record_get_string (person, "nhs_number"), ==, "9434765919");
  g_assert_cmpstr (hk_record_get_string (person, "address"), ==, "1 Example Road\nTestville");
  g_assert_cmpstr (f->last_toast, ==, "Person added and case opened");

  /* The new case is shown, with the NHS number grouped 3-3-4. */
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (f), case_id) == 0);
  g_assert_true (visible_label_contains (GTK_WIDGET (case_page (f)), "943 476 5919"));
  HK_TEST_UI_WAIT_UNTIL (n_shown (f) == 1);

  /* A note, through the real entries */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-note", NULL);
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  form = hk_note_editor_get_form (HK_NOTE_EDITOR (editor));
  adw_combo_row_set_selected (ADW_COMBO_ROW (hk_form_fields_get_widget (form, "kind")), 1); /* visit */
  set_text_view (hk_form_fields_get_widget (form, "present"), "Nia Newperson\n\n  Dr Example  \n");
  set_text_view (hk_form_fields_get_widget (form, "text"), "Home visit. Kitchen tidy, heating on.");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR) == NULL);

  notes = load_notes (f->vault, case_id);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (hk_record_get_string (note, "kind"), ==, "visit");
  g_assert_cmpstr (hk_record_get_string (note, "text"), ==, "Home visit. Kitchen tidy, heating on.");
  present = hk_record_get_strv (note, "present");
  g_assert_cmpuint (g_strv_length ((char **) present), ==, 2);
  g_assert_cmpstr (present[1], ==, "Dr Example");
  g_assert_false (hk_record_get_boolean (note, "late_entry"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_page_get_notes (case_page (f))), ==, 1);
  g_assert_cmpstr (f->last_toast, ==, "Note saved");
  /* Saving discarded the draft. */
  HK_TEST_UI_WAIT_UNTIL (n_drafts (f->vault) == 0);

  /* A note about something three days ago is a late entry, and says so. */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-note", NULL);
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  form = hk_note_editor_get_form (HK_NOTE_EDITOR (editor));
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "occurred_at"), three_days_ago);
  hk_test_ui_set_text (hk_form_fields_get_time_widget (form, "occurred_at"), "09:15");
  set_text_view (hk_form_fields_get_widget (form, "text"), "Phone call from the neighbour, written up late.");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (g_list_model_get_n_items (hk_case_page_get_notes (case_page (f))) == 2);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = load_notes (f->vault, case_id);
  g_assert_cmpuint (notes->len, ==, 2);
  for (guint i = 0; i < notes->len; i++)
    {
      HkRecord *n = g_ptr_array_index (notes, i);

      g_assert_cmpint (hk_record_get_boolean (n, "late_entry"), ==,
                       strstr (hk_record_get_string (n, "text"), "late") != NULL);
    }
  HK_TEST_UI_WAIT_UNTIL (visible_label_contains (GTK_WIDGET (case_page (f)), "Late entry"));

  /* Editing a note keeps the earlier revision, shown read-only in the history. */
  note = hk_case_page_find_note (case_page (f), hk_record_get_id (g_ptr_array_index (notes, 0)));
  g_assert_nonnull (note);
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.edit-note",
                       g_variant_new_string (hk_record_get_id (note)));
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  form = hk_note_editor_get_form (HK_NOTE_EDITOR (editor));
  set_text_view (hk_form_fields_get_widget (form, "text"), "Corrected text of the note.");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR) == NULL);
  note = hk_case_page_find_note (case_page (f), hk_record_get_id (g_ptr_array_index (notes, 0)));
  g_assert_cmpint (hk_record_get_revision (note), ==, 2);
  g_assert_cmpstr (hk_record_get_string (note, "text"), ==, "Corrected text of the note.");
  HK_TEST_UI_WAIT_UNTIL (visible_label_contains (GTK_WIDGET (case_page (f)), "Edited · 2 versions"));

  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.show-history",
                       g_variant_new_string (hk_record_get_id (note)));
  HK_TEST_UI_WAIT_UNTIL ((history = HK_HISTORY_WINDOW (hk_test_ui_find_toplevel (HK_TYPE_HISTORY_WINDOW))) != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_history_window_get_loaded (history));
  g_assert_cmpuint (g_list_model_get_n_items (hk_history_window_get_revisions (history)), ==, 2);
  g_assert_nonnull (hk_test_ui_find_label (GTK_WIDGET (history), "Revision 1"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "Hearken");
  gtk_window_destroy (GTK_WINDOW (history));

  /* A second case for the same person */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-case",
                       g_variant_new_string (hk_record_get_id (person)));
  editor = wait_for_editor (HK_TYPE_CASE_EDITOR);
  form = hk_case_editor_get_form (HK_CASE_EDITOR (editor));
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "worker"), "Wren Worker");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_CASE_EDITOR) == NULL);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = list_cases (f->vault);
  g_assert_cmpuint (cases->len, ==, 2);
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (f), case_id) != 0 && current_case_id (f) != NULL);
  g_assert_cmpstr (hk_record_get_string (hk_case_page_get_case (case_page (f)), "worker"), ==, "Wren Worker");
  g_assert_cmpstr (hk_record_get_string (hk_case_page_get_case (case_page (f)), "opened_on"), ==, today);

  /* Closing it asks for the date, today by default, and (there being no
   * closing outcome conversation) why there was none. */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.close-case", NULL);
  editor = wait_for_editor (HK_TYPE_CLOSE_CASE_DIALOG);
  set_text_view (hk_form_fields_get_widget (hk_close_case_dialog_get_form (HK_CLOSE_CASE_DIALOG (editor)),
                                            "no_conversation_reason"),
                 "Opened in error.");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG) == NULL);
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (hk_record_get_string (hk_case_page_get_case (case_page (f)), "status"), "closed") == 0);
  g_assert_cmpstr (hk_record_get_string (hk_case_page_get_case (case_page (f)), "closed_on"), ==, today);
  /* Only the first case is still open. */
  HK_TEST_UI_WAIT_UNTIL (!hk_case_list_view_get_busy (list_view (f)) && n_shown (f) == 1);

  /* Editing the person from the case page */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.edit-person", NULL);
  editor = wait_for_editor (HK_TYPE_PERSON_EDITOR);
  form = hk_person_editor_get_form (HK_PERSON_EDITOR (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hk_form_fields_get_widget (form, "date_of_birth"))), ==, "02/03/1950");
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "preferred_name"), "Nia");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_PERSON_EDITOR) == NULL);
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (hk_person_get_display_name (hk_case_page_get_person (case_page (f))), "Nia") == 0);
  g_assert_cmpint (hk_record_get_revision (hk_case_page_get_person (case_page (f))), ==, 2);

  /* Back on the first case, the timeline has both notes, newest first. */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.show-case", g_variant_new_string (case_id));
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (f), case_id) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_page_get_notes (case_page (f))), ==, 2);
  row = hk_test_ui_find_by_type (GTK_WIDGET (case_page (f)), HK_TYPE_NOTE_ROW);
  g_assert_nonnull (row);
  g_assert_false (hk_record_get_boolean (hk_note_row_get_note (HK_NOTE_ROW (row)), "late_entry"));
}

static void
test_validation_names_the_field (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Vic Validation", "2026-01-10", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *tomorrow = date_from_today (1);
  GtkWindow *editor;
  HkFormFields *form;
  GtkWidget *nhs, *when, *text;

  set_vault_and_wait (f);
  show_case_and_wait (f, kase);

  /* An NHS number whose check digit is wrong */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-person", NULL);
  editor = wait_for_editor (HK_TYPE_PERSON_EDITOR);
  form = hk_person_editor_get_form (HK_PERSON_EDITOR (editor));
  nhs = hk_form_fields_get_widget (form, "nhs_number");
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "name"), "Val Idation");
  hk_test_ui_set_text (nhs, "943 476 5918");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  hk_test_ui_flush ();
  g_assert_nonnull (hk_test_ui_find_toplevel (HK_TYPE_PERSON_EDITOR));
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "NHS number"));
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "check digit"));
  g_assert_true (gtk_widget_has_css_class (nhs, "error"));
  g_assert_true (gtk_widget_is_focus (nhs) || gtk_widget_get_focus_child (nhs) != NULL);

  /* Typing clears the message; an impossible date is named next. */
  hk_test_ui_set_text (nhs, "943 476 5919");
  g_assert_false (visible_label_contains (GTK_WIDGET (editor), "check digit"));
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "date_of_birth"), "31/02/1990");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "Date of birth"));

  /* A date of birth in the future */
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "date_of_birth"), tomorrow);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "Date of birth: cannot be in the future"));

  people = hk_vault_list (f->vault, HK_RECORD_KIND_PERSON, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);  /* only Vic: nothing was saved */
  gtk_window_destroy (editor);

  /* A note dated tomorrow, and a note without text */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-note", NULL);
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  form = hk_note_editor_get_form (HK_NOTE_EDITOR (editor));
  when = hk_form_fields_get_widget (form, "occurred_at");
  text = hk_form_fields_get_widget (form, "text");
  hk_test_ui_set_text (when, tomorrow);
  set_text_view (text, "This has not happened yet.");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "When it happened: cannot be in the future"));
  g_assert_true (gtk_widget_has_css_class (when, "error"));

  hk_test_ui_set_text (when, "yesterday");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "When it happened: enter a date"));

  hk_test_ui_set_text (when, "01/01/2026");
  hk_test_ui_set_text (hk_form_fields_get_time_widget (form, "occurred_at"), "25:00");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "When it happened: enter a time"));

  hk_test_ui_set_text (hk_form_fields_get_time_widget (form, "occurred_at"), "10:00");
  set_text_view (text, "   ");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "Note: is required"));
  gtk_window_destroy (editor);

  notes = load_notes (f->vault, hk_record_get_id (kase));
  g_assert_cmpuint (notes->len, ==, 0);

  /* Closing before the case was opened */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.close-case", NULL);
  editor = wait_for_editor (HK_TYPE_CLOSE_CASE_DIALOG);
  form = hk_close_case_dialog_get_form (HK_CLOSE_CASE_DIALOG (editor));
  hk_test_ui_set_text (hk_form_fields_get_widget (form, "closed_on"), "01/01/2026");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "Closed on: cannot be before the case was opened"));
  gtk_window_destroy (editor);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hk_casebook_flush_drafts_finish (HK_CASEBOOK (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static char *
draft_text (HkVault    *vault,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) payload = hk_vault_load_draft (vault, key, &error);
  g_autoptr(GVariant) form = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  if (payload == NULL)
    return NULL;
  form = g_variant_lookup_value (payload, "form", G_VARIANT_TYPE_VARDICT);
  g_assert_nonnull (form);
  g_variant_lookup (form, "text", "s", &text);
  return text;
}

static gboolean
draft_text_is (HkVault    *vault,
               const char *key,
               const char *expected)
{
  g_autofree char *text = draft_text (vault, key);

  return g_strcmp0 (text, expected) == 0;
}

static void
test_flush_drafts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Fay Flush", "2026-01-10", NULL);
  g_autofree char *key = g_strdup_printf ("note-new:%s", hk_record_get_id (kase));
  GtkWindow *editor;
  gboolean done = FALSE;

  set_vault_and_wait (f);
  show_case_and_wait (f, kase);

  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-note", NULL);
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  set_text_view (hk_form_fields_get_widget (hk_note_editor_get_form (HK_NOTE_EDITOR (editor)), "text"),
                 "Typed just before the lock.");

  /* What the window does before a lock */
  hk_casebook_flush_drafts_async (f->casebook, NULL, flushed_cb, &done);
  HK_TEST_UI_WAIT_UNTIL (done);
  g_assert_true (draft_text_is (f->vault, key, "Typed just before the lock."));

  /* More typing, then the whole window goes: the editor keeps it as it closes. */
  set_text_view (hk_form_fields_get_widget (hk_note_editor_get_form (HK_NOTE_EDITOR (editor)), "text"),
                 "Typed just before the window went.");
  gtk_window_destroy (f->window);
  f->window = NULL;
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR));
  HK_TEST_UI_WAIT_UNTIL (draft_text_is (f->vault, key, "Typed just before the window went."));
}

static void
test_lock_clears_everything (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const markers[] = {
    "Qxmarkerperson", "Zymarkernote", "Wvmarkersummary", "Tumarkertyped", "Rsmarkersearch", NULL
  };
  g_autoptr(HkRecord) kase = add_case (f->vault, "Qxmarkerperson Example", "2026-01-10", NULL);
  g_autoptr(HkRecord) note = add_note (f->vault, kase, "Zymarkernote text of a visit.");
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(HkRecord) updated = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;

  fields = g_variant_ref_sink (hk_test_fields ("status", "open", "opened_on", "2026-01-10", "summary", "Wvmarkersummary", NULL));
  updated = hk_vault_save (f->vault, HK_RECORD_KIND_CASE, hk_record_get_id (kase),
                           hk_record_get_parent_id (kase), 1, fields, &error);
  g_assert_no_error (error);

  set_vault_and_wait (f);
  show_case_and_wait (f, kase);
  HK_TEST_UI_WAIT_UNTIL (any_window_contains ("Zymarkernote"));
  g_assert_true (any_window_contains ("Wvmarkersummary"));

  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-note", NULL);
  editor = wait_for_editor (HK_TYPE_NOTE_EDITOR);
  set_text_view (hk_form_fields_get_widget (hk_note_editor_get_form (HK_NOTE_EDITOR (editor)), "text"),
                 "Tumarkertyped into the editor");
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.show-history",
                       g_variant_new_string (hk_record_get_id (note)));
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_HISTORY_WINDOW) != NULL &&
                         hk_history_window_get_loaded (HK_HISTORY_WINDOW (hk_test_ui_find_toplevel (HK_TYPE_HISTORY_WINDOW))));
  hk_test_ui_set_text (GTK_WIDGET (hk_case_list_view_get_search_entry (list_view (f))), "Rsmarkersearch");
  g_assert_true (any_window_contains ("Tumarkertyped"));
  g_assert_true (any_window_contains ("Rsmarkersearch"));

  hk_casebook_set_vault (f->casebook, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_cases (list_view (f))), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_page_get_notes (case_page (f))), ==, 0);
  g_assert_null (hk_case_page_get_case (case_page (f)));
  g_assert_null (hk_case_page_get_person (case_page (f)));
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_NOTE_EDITOR));
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_HISTORY_WINDOW));
  for (guint i = 0; markers[i]; i++)
    if (any_window_contains (markers[i]))
      g_error ("“%s” is still shown after the vault was taken away", markers[i]);

  /* And it stays that way while the main loop runs on. */
  hk_test_ui_flush ();
  for (guint i = 0; markers[i]; i++)
    g_assert_false (any_window_contains (markers[i]));
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add ("/ui/casebook/list-fills-and-filters", Fixture, NULL,
              fixture_setup, test_list_fills_and_filters, fixture_teardown);
  g_test_add ("/ui/casebook/empty-state", Fixture, NULL,
              fixture_setup, test_empty_state, fixture_teardown);
  g_test_add ("/ui/casebook/search-filters", Fixture, NULL,
              fixture_setup, test_search_filters, fixture_teardown);
  g_test_add ("/ui/casebook/create-person-case-note", Fixture, NULL,
              fixture_setup, test_create_person_case_note, fixture_teardown);
  g_test_add ("/ui/casebook/validation-names-the-field", Fixture, NULL,
              fixture_setup, test_validation_names_the_field, fixture_teardown);
  g_test_add ("/ui/casebook/flush-drafts", Fixture, NULL,
              fixture_setup, test_flush_drafts, fixture_teardown);
  g_test_add ("/ui/casebook/lock-clears-everything", Fixture, NULL,
              fixture_setup, test_lock_clears_everything, fixture_teardown);

  return g_test_run ();
}
