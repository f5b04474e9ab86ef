/* test-ui-close-case.c: closing a case, with and without outstanding prompts
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-case-list-view.h"
#include "hk-case-page.h"
#include "hk-casebook.h"
#include "hk-close-case-dialog.h"
#include "hk-form-format.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"

typedef struct {
  char       *dir;
  HkVault    *vault;
  GtkWindow  *window;
  HkCasebook *casebook;
  char       *last_toast;
} Fixture;

#define S(str) g_variant_new_string (str)

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
  GtkWindow *dialog;

  while ((dialog = hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  if (f->window)
    gtk_window_destroy (f->window);
  f->window = NULL;

  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  g_clear_object (&f->vault);
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);

  hk_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->last_toast, g_free);
}

static HkRecord *
save_record (HkVault      *vault,
             HkRecordKind  kind,
             const char   *parent_id,
             const char   *first_key,
             ...)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GError) error = NULL;
  HkRecord *record;
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key; key = va_arg (args, const char *))
    g_variant_dict_insert_value (&dict, key, va_arg (args, GVariant *));
  va_end (args);

  record = hk_vault_save (vault, kind, NULL, parent_id, 0, g_variant_dict_end (&dict), &error);
  g_assert_no_error (error);
  return record;
}

static HkRecord *
add_case (HkVault    *vault,
          const char *name)
{
  g_autoptr(HkRecord) person = save_record (vault, HK_RECORD_KIND_PERSON, NULL, "name", S (name), NULL);

  return save_record (vault, HK_RECORD_KIND_CASE, hk_record_get_id (person),
                      "status", S ("open"), "opened_on", S ("2025-02-01"), NULL);
}

static HkRecord *
add_closing_conversation (HkVault  *vault,
                          HkRecord *kase)
{
  const char *participants[] = { "adult", NULL };

  return save_record (vault, HK_RECORD_KIND_CONVERSATION, hk_record_get_id (kase),
                      "held_on", S ("2025-04-01"), "phase", S ("at_closure"),
                      "participants", g_variant_new_strv (participants, -1),
                      "asked", S ("asked_not_expressed"),
                      "feels_safer", S ("yes"),
                      NULL);
}

/* A risk identified in a running enquiry, with no risk outcome: blocking. */
static void
add_risk_without_outcome (HkVault  *vault,
                          HkRecord *kase)
{
  g_autoptr(HkRecord) enquiry = save_record (vault, HK_RECORD_KIND_ENQUIRY, hk_record_get_id (kase),
                                             "enquiry_type", S ("other"), "started_on", S ("2025-02-10"),
                                             "lead_agency", S ("Oakbury Council"), NULL);
  g_autoptr(HkRecord) risk = save_record (vault, HK_RECORD_KIND_RISK, hk_record_get_id (enquiry),
                                          "risk_type", S ("neglect"), "location", S ("own_home"),
                                          "source", S ("known"), "assessment", S ("identified_no_action"),
                                          NULL);
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

static gboolean
is_loading (Fixture *f)
{
  gboolean loading = FALSE;

  g_object_get (f->casebook, "loading", &loading, NULL);
  return loading;
}

static void
show_case_and_wait (Fixture  *f,
                    HkRecord *kase)
{
  hk_casebook_set_vault (f->casebook, f->vault);
  HK_TEST_UI_WAIT_UNTIL (!hk_case_list_view_get_busy (list_view (f)));
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.show-case",
                       g_variant_new_string (hk_record_get_id (kase)));
  HK_TEST_UI_WAIT_UNTIL (hk_case_page_get_case (case_page (f)) != NULL &&
                         g_strcmp0 (hk_record_get_id (hk_case_page_get_case (case_page (f))), hk_record_get_id (kase)) == 0 &&
                         !is_loading (f));
}

static HkCloseCaseDialog *
open_close_dialog (Fixture *f)
{
  GtkWindow *dialog;

  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.close-case", NULL);
  HK_TEST_UI_WAIT_UNTIL ((dialog = hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG)) != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (dialog)));
  /* The desktop sees "Hearken", never a name. */
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Hearken");
  return HK_CLOSE_CASE_DIALOG (dialog);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static HkRecord *
reload (HkVault  *vault,
        HkRecord *record)
{
  g_autoptr(GError) error = NULL;
  HkRecord *fresh = hk_vault_load (vault, hk_record_get_id (record), &error);

  g_assert_no_error (error);
  return fresh;
}

static gboolean
visible_label_contains (GtkWidget  *root,
                        const char *text)
{
  GtkWidget *label = hk_test_ui_find_label (root, text);

  return label && gtk_widget_is_visible (label);
}

/* Tests */

static void
test_blocked_asks_for_reason (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Bo Blocked");
  g_autoptr(HkRecord) stored = NULL;
  g_autofree char *today = hk_today_iso ();
  g_autofree char *today_shown = hk_format_date_numeric (today);
  HkCloseCaseDialog *dialog;
  HkFormFields *form;

  add_risk_without_outcome (f->vault, kase);
  show_case_and_wait (f, kase);

  dialog = open_close_dialog (f);
  form = hk_close_case_dialog_get_form (dialog);
  /* Today by default; no reason asked for until the vault refuses. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hk_form_fields_get_widget (form, "closed_on"))), ==,
                   today_shown);
  g_assert_false (hk_close_case_dialog_get_asking_reason (dialog));
  g_assert_false (gtk_widget_is_visible (hk_form_fields_get_widget (form, "override_reason")));
  /* There is no closing conversation: the dialog offers to say why. */
  g_assert_true (gtk_widget_is_visible (hk_form_fields_get_widget (form, "no_conversation_reason")));

  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_close_case_dialog_get_asking_reason (dialog));

  /* Both blocking prompts are listed, the reason is asked for, and nothing
   * was closed. */
  g_assert_cmpuint (hk_close_case_dialog_get_n_blocking (dialog), ==, 2);
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "its risk outcome is not recorded"));
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "There is no closing outcome conversation"));
  g_assert_true (gtk_widget_is_visible (hk_form_fields_get_widget (form, "override_reason")));
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "Close Anyway"));
  stored = reload (f->vault, kase);
  g_assert_cmpstr (hk_record_get_string (stored, "status"), ==, "open");
  g_clear_object (&stored);

  /* Without a reason: refused, naming the field. */
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  hk_test_ui_flush ();
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "Reason for closing with outstanding prompts: is required"));
  g_assert_nonnull (hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG));
  stored = reload (f->vault, kase);
  g_assert_cmpstr (hk_record_get_string (stored, "status"), ==, "open");
  g_clear_object (&stored);

  /* With one, the case closes and the reason is recorded. */
  set_text_view (hk_form_fields_get_widget (form, "override_reason"),
                 "The enquiry was passed to the police; the risk outcome will be recorded by them.");
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG) == NULL);

  stored = reload (f->vault, kase);
  g_assert_cmpstr (hk_record_get_string (stored, "status"), ==, "closed");
  g_assert_cmpstr (hk_record_get_string (stored, "closed_on"), ==, today);
  g_assert_cmpstr (hk_record_get_string (stored, "override_reason"), ==,
                   "The enquiry was passed to the police; the risk outcome will be recorded by them.");
  g_assert_cmpstr (f->last_toast, ==, "Case closed");

  /* The page shows it closed. */
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (hk_record_get_string (hk_case_page_get_case (case_page (f)), "status"), "closed") == 0);
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (case_page (f)), "close_case_button")));
}

static void
test_closes_directly (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Della Direct");
  g_autoptr(HkRecord) conversation = add_closing_conversation (f->vault, kase);
  g_autoptr(HkRecord) stored = NULL;
  HkCloseCaseDialog *dialog;
  HkFormFields *form;

  show_case_and_wait (f, kase);
  dialog = open_close_dialog (f);
  form = hk_close_case_dialog_get_form (dialog);

  /* A closing conversation exists: no reason to give for its absence. */
  g_assert_false (gtk_widget_is_visible (hk_form_fields_get_widget (form, "no_conversation_reason")));

  hk_test_ui_set_text (hk_form_fields_get_widget (form, "closed_on"), "02/04/2025");
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG) == NULL);

  stored = reload (f->vault, kase);
  g_assert_cmpstr (hk_record_get_string (stored, "status"), ==, "closed");
  g_assert_cmpstr (hk_record_get_string (stored, "closed_on"), ==, "2025-04-02");
  g_assert_false (hk_record_has_field (stored, "override_reason"));
}

static void
test_no_conversation_reason (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Nell Noconversation");
  g_autoptr(HkRecord) stored = NULL;
  HkCloseCaseDialog *dialog;
  HkFormFields *form;

  show_case_and_wait (f, kase);
  dialog = open_close_dialog (f);
  form = hk_close_case_dialog_get_form (dialog);

  /* Saying why there was no closing conversation resolves that prompt:
   * the case closes without an override. */
  set_text_view (hk_form_fields_get_widget (form, "no_conversation_reason"),
                 "She moved to Scotland before we could meet again.");
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG) == NULL);

  stored = reload (f->vault, kase);
  g_assert_cmpstr (hk_record_get_string (stored, "status"), ==, "closed");
  g_assert_cmpstr (hk_record_get_string (stored, "no_conversation_reason"), ==,
                   "She moved to Scotland before we could meet again.");
  g_assert_false (hk_record_has_field (stored, "override_reason"));
}

static void
test_date_validation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Val Date");
  g_autoptr(HkRecord) conversation = add_closing_conversation (f->vault, kase);
  g_autoptr(HkRecord) stored = NULL;
  HkCloseCaseDialog *dialog;
  HkFormFields *form;
  GtkWidget *closed_on;

  show_case_and_wait (f, kase);
  dialog = open_close_dialog (f);
  form = hk_close_case_dialog_get_form (dialog);
  closed_on = hk_form_fields_get_widget (form, "closed_on");

  hk_test_ui_set_text (closed_on, "01/01/2025");
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "Closed on: cannot be before the case was opened"));
  g_assert_true (gtk_widget_has_css_class (closed_on, "error"));

  hk_test_ui_set_text (closed_on, "31/02/2025");
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "Closed on"));

  stored = reload (f->vault, kase);
  g_assert_cmpstr (hk_record_get_string (stored, "status"), ==, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (hk_casebook_flush_drafts_finish (HK_CASEBOOK (object), result, NULL));
  *done = TRUE;
}

static void
test_reason_survives_lock (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HkRecord) kase = add_case (f->vault, "Dru Draft");
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  HkCloseCaseDialog *dialog;
  HkFormFields *form;
  gboolean flushed = FALSE;

  add_risk_without_outcome (f->vault, kase);
  show_case_and_wait (f, kase);
  dialog = open_close_dialog (f);
  form = hk_close_case_dialog_get_form (dialog);
  hk_test_ui_activate (GTK_WIDGET (dialog), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_close_case_dialog_get_asking_reason (dialog));
  set_text_view (hk_form_fields_get_widget (form, "override_reason"), "Half-written reason");

  /* What the window does before a lock: the reason is kept, encrypted. */
  hk_casebook_flush_drafts_async (f->casebook, NULL, flushed_cb, &flushed);
  HK_TEST_UI_WAIT_UNTIL (flushed);
  hk_casebook_set_vault (f->casebook, NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_CLOSE_CASE_DIALOG) == NULL);

  key = g_strdup_printf ("case-close:%s", hk_record_get_id (kase));
  draft = hk_vault_load_draft (f->vault, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);

  /* Reopened, the reason and the prompts come back. */
  show_case_and_wait (f, kase);
  dialog = open_close_dialog (f);
  form = hk_close_case_dialog_get_form (dialog);
  g_assert_true (hk_close_case_dialog_get_asking_reason (dialog));
  g_assert_true (visible_label_contains (GTK_WIDGET (dialog), "Restored unsaved changes"));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hk_form_fields_get_widget (form, "override_reason")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Half-written reason");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add ("/ui/close-case/blocked-asks-for-reason", Fixture, NULL,
              fixture_setup, test_blocked_asks_for_reason, fixture_teardown);
  g_test_add ("/ui/close-case/closes-directly", Fixture, NULL,
              fixture_setup, test_closes_directly, fixture_teardown);
  g_test_add ("/ui/close-case/no-conversation-reason", Fixture, NULL,
              fixture_setup, test_no_conversation_reason, fixture_teardown);
  g_test_add ("/ui/close-case/date-validation", Fixture, NULL,
              fixture_setup, test_date_validation, fixture_teardown);
  g_test_add ("/ui/close-case/reason-survives-lock", Fixture, NULL,
              fixture_setup, test_reason_survives_lock, fixture_teardown);

  return g_test_run ();
}
