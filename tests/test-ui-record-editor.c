/* test-ui-record-editor.c: the casework record editors, driven through their
 * real inputs and actions, checked against the vault
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-casebook.h"
#include "hk-form-format.h"
#include "hk-history-window.h"
#include "hk-record-editor.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-window-private.h"

typedef struct {
  char     *dir;
  HkVault  *vault;
  HkRecord *kase;
  HkRecord *saved;
  char     *toast;
} Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hk_test_make_tmpdir ();
  f->vault = hk_test_create_vault (f->dir, NULL);
  f->kase = hk_test_add_case (f->vault, "Rhiannon Recordson");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  HkVault *vault = f->vault;

  g_clear_object (&f->saved);
  g_clear_object (&f->kase);
  g_clear_pointer (&f->toast, g_free);

  /* Queued vault work holds references; the files go once it is done. */
  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  g_clear_object (&f->vault);
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);

  hk_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static const char *
case_id (Fixture *f)
{
  return hk_record_get_id (f->kase);
}

static void
on_saved_cb (HkFormEditor *editor,
             HkRecord     *record,
             HkRecord     *extra,
             Fixture      *f)
{
  g_set_object (&f->saved, record);
}

static void
on_toast_cb (HkFormEditor *editor,
             const char   *title,
             Fixture      *f)
{
  g_free (f->toast);
  f->toast = g_strdup (title);
}

static HkRecordEditor *
wait_ready (Fixture        *f,
            HkRecordEditor *editor)
{
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), f);
  g_signal_connect (editor, "toast", G_CALLBACK (on_toast_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (editor)));
  /* Nothing personal in the title the desktop shows. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Hearken");
  return editor;
}

static GPtrArray *
case_records (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = hk_vault_list_case_records (f->vault, case_id (f), &error);

  g_assert_no_error (error);
  return records;
}

static HkRecordEditor *
open_new (Fixture      *f,
          HkRecordKind  kind,
          const char   *parent_id)
{
  g_autoptr(GPtrArray) records = case_records (f);

  return wait_ready (f, hk_record_editor_new_create (f->vault, kind, parent_id ? parent_id : case_id (f),
                                                     records));
}

static HkRecordEditor *
open_edit (Fixture  *f,
           HkRecord *record)
{
  g_autoptr(GPtrArray) records = case_records (f);

  return wait_ready (f, hk_record_editor_new_edit (f->vault, record, records));
}

static GtkWidget *
input (HkRecordEditor *editor,
       const char     *key)
{
  GtkWidget *widget = hk_form_fields_get_widget (hk_record_editor_get_form (editor), key);

  if (widget == NULL)
    g_error ("No input for “%s”", key);
  return widget;
}

static gboolean
shown (HkRecordEditor *editor,
       const char     *key)
{
  HkFormFields *form = hk_record_editor_get_form (editor);
  GtkWidget *widget = input (editor, key);

  /* Both what the form says and what the widget tree shows. */
  g_assert_cmpint (hk_form_fields_get_field_visible (form, key), ==, gtk_widget_is_visible (widget));
  return gtk_widget_is_visible (widget);
}

static void
set_text (HkRecordEditor *editor,
          const char     *key,
          const char     *text)
{
  GtkWidget *widget = input (editor, key);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    hk_test_ui_set_text (widget, text);
}

static void
choose (HkRecordEditor *editor,
        const char     *key,
        const char     *code)
{
  HkFormFields *form = hk_record_editor_get_form (editor);
  AdwComboRow *row = ADW_COMBO_ROW (input (editor, key));
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));

  /* As a user picks from the list: by position. */
  for (guint i = 0; i < n; i++)
    {
      adw_combo_row_set_selected (row, i);
      if (g_strcmp0 (hk_form_fields_get_code (form, key), code) == 0)
        return;
    }
  g_error ("“%s” has no choice “%s”", key, code);
}

static void
tick (HkRecordEditor *editor,
      const char     *key,
      const char     *code)
{
  GtkWidget *check = hk_form_fields_get_choice_widget (hk_record_editor_get_form (editor), key, code);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static void
set_switch (HkRecordEditor *editor,
            const char     *key,
            gboolean        active)
{
  gtk_switch_set_active (GTK_SWITCH (input (editor, key)), active);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%d/%m/%Y");
}

static char *
iso_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Saves through the editor's action; returns the record as stored. */
static HkRecord *
save (Fixture        *f,
      HkRecordEditor *editor)
{
  g_autoptr(GError) error = NULL;
  HkRecord *stored;

  g_clear_object (&f->saved);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (f->saved != NULL);
  /* A saved editor closes itself. */
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);

  stored = hk_vault_load (f->vault, hk_record_get_id (f->saved), &error);
  g_assert_no_error (error);
  return stored;
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

static guint
n_records (Fixture      *f,
           HkRecordKind  kind)
{
  g_autoptr(GPtrArray) records = case_records (f);
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    if (hk_record_get_kind (g_ptr_array_index (records, i)) == kind)
      n++;
  return n;
}

static guint
n_drafts (HkVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = hk_vault_list_drafts (vault, &error);

  g_assert_no_error (error);
  return keys->len;
}

/* Save is refused: the message names the field, sits under its row, the
 * focus is on it and the vault holds nothing new. */
static void
assert_refused (Fixture        *f,
                HkRecordEditor *editor,
                HkRecordKind    kind,
                const char     *key,
                const char     *message)
{
  const HkFieldSpec *spec = hk_record_kind_find_field (kind, key);
  g_autofree char *named = g_strdup_printf ("%s: ", spec->label);
  guint before = n_records (f, kind);
  GtkWidget *focus;

  g_clear_object (&f->saved);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  hk_test_ui_flush ();

  g_assert_null (f->saved);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), named));
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), message));
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == input (editor, key) || gtk_widget_is_ancestor (focus, input (editor, key)));
  g_assert_cmpuint (n_records (f, kind), ==, before);
}

static HkRecord *
add_record (Fixture      *f,
            HkRecordKind  kind,
            const char   *parent_id,
            GVariant     *fields)
{
  g_autoptr(GError) error = NULL;
  /* Takes @fields (floating, as hk_test_fields() returns it). */
  g_autoptr(GVariant) owned = g_variant_ref_sink (fields);
  HkRecord *record;

  record = hk_vault_save (f->vault, kind, NULL, parent_id ? parent_id : case_id (f), 0, fields, &error);
  g_assert_no_error (error);
  return record;
}

static void
close_editor (HkRecordEditor *editor)
{
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.cancel", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);
}

/* Tests */

static void
test_concern (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HkRecord) concern = NULL;
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *yesterday_iso = iso_from_today (-1);
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_CONCERN, NULL);

  g_assert_cmpint (hk_record_editor_get_kind (editor), ==, HK_RECORD_KIND_CONCERN);
  g_assert_true (visible_label_contains (GTK_WIDGET (editor), "Section 42(1) Criteria"));

  set_text (editor, "received_on", yesterday);
  set_text (editor, "raised_by_role", "District nurse");
  set_text (editor, "raised_by_agency", "Community health trust");
  set_text (editor, "reported", "Unexplained bruising on both forearms; says a lodger takes her pension.");
  choose (editor, "criterion_needs", "yes");
  set_text (editor, "criterion_needs_reason", "Receives home care four times a day.");
  choose (editor, "criterion_abuse", "no");
  set_text (editor, "criterion_abuse_reason", "Not yet clear.");
  choose (editor, "criterion_protect", "yes");
  set_text (editor, "criterion_protect_reason", "Relies on the lodger for shopping.");

  /* The response instead of an enquiry shows only for "No enquiry"; the
   * decision date once there is a decision. */
  g_assert_false (shown (editor, "response"));
  g_assert_false (shown (editor, "decision_on"));
  choose (editor, "decision", "no_enquiry");
  g_assert_true (shown (editor, "response"));
  g_assert_true (shown (editor, "response_detail"));
  choose (editor, "response", "signposting");
  choose (editor, "decision", "s42_enquiry");
  g_assert_false (shown (editor, "response"));
  set_text (editor, "decision_on", yesterday);

  /* A Section 42 enquiry needs all three criteria: refused, naming the one. */
  assert_refused (f, editor, HK_RECORD_KIND_CONCERN, "criterion_abuse", "must be “Yes” for a Section 42 enquiry");

  choose (editor, "criterion_abuse", "yes");
  concern = save (f, editor);
  g_assert_cmpstr (f->toast, ==, "Concern saved");
  g_assert_cmpint (hk_record_get_kind (concern), ==, HK_RECORD_KIND_CONCERN);
  g_assert_cmpstr (hk_record_get_parent_id (concern), ==, case_id (f));
  g_assert_cmpstr (hk_record_get_string (concern, "received_on"), ==, yesterday_iso);
  g_assert_cmpstr (hk_record_get_string (concern, "raised_by_role"), ==, "District nurse");
  g_assert_cmpstr (hk_record_get_string (concern, "reported"), ==,
                   "Unexplained bruising on both forearms; says a lodger takes her pension.");
  g_assert_cmpstr (hk_record_get_string (concern, "criterion_abuse"), ==, "yes");
  g_assert_cmpstr (hk_record_get_string (concern, "criterion_protect_reason"), ==, "Relies on the lodger for shopping.");
  g_assert_cmpstr (hk_record_get_string (concern, "decision"), ==, "s42_enquiry");
  /* The response chosen while it applied was not kept once it did not. */
  g_assert_false (hk_record_has_field (concern, "response"));
}

static void
test_concern_no_enquiry (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HkRecord) concern = NULL;
  g_autofree char *today = date_from_today (0);
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_CONCERN, NULL);

  set_text (editor, "raised_by_role", "Neighbour");
  set_text (editor, "reported", "Worried about noise at night.");
  choose (editor, "criterion_needs", "not_known");
  set_text (editor, "criterion_needs_reason", "No services known.");
  choose (editor, "criterion_abuse", "no");
  set_text (editor, "criterion_abuse_reason", "Nothing described amounts to abuse.");
  choose (editor, "criterion_protect", "not_known");
  set_text (editor, "criterion_protect_reason", "Not known.");
  choose (editor, "decision", "no_enquiry");
  set_text (editor, "decision_on", today);

  /* No enquiry needs the response given instead. */
  assert_refused (f, editor, HK_RECORD_KIND_CONCERN, "response", "is needed when there is no enquiry");
  choose (editor, "response", "signposting");
  set_text (editor, "response_detail", "Given the number of the community mediation service.");
  concern = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (concern, "decision"), ==, "no_enquiry");
  g_assert_cmpstr (hk_record_get_string (concern, "response"), ==, "signposting");
}

static void
test_required_choice (Fixture       *f,
                      gconstpointer  data)
{
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_ENQUIRY, NULL);

  /* A required choice starts empty: nothing is recorded that was not picked. */
  g_assert_null (hk_form_fields_get_code (hk_record_editor_get_form (editor), "enquiry_type"));
  set_text (editor, "lead_agency", "Adult social care");
  assert_refused (f, editor, HK_RECORD_KIND_ENQUIRY, "enquiry_type", "is required");
  close_editor (editor);
}

static void
test_enquiry (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HkRecord) enquiry = NULL;
  g_autofree char *started = date_from_today (-10);
  g_autofree char *started_iso = iso_from_today (-10);
  g_autofree char *too_early = date_from_today (-12);
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_ENQUIRY, NULL);

  choose (editor, "enquiry_type", "s42");
  set_text (editor, "started_on", started);
  set_text (editor, "concluded_on", too_early);
  set_text (editor, "lead_agency", "Adult social care");
  set_text (editor, "caused_to", "Sunnyside care home");
  set_switch (editor, "large_scale", TRUE);

  assert_refused (f, editor, HK_RECORD_KIND_ENQUIRY, "concluded_on", "cannot be before the enquiry started");
  set_text (editor, "concluded_on", "");

  enquiry = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (enquiry, "enquiry_type"), ==, "s42");
  g_assert_cmpstr (hk_record_get_string (enquiry, "started_on"), ==, started_iso);
  g_assert_cmpstr (hk_record_get_string (enquiry, "caused_to"), ==, "Sunnyside care home");
  g_assert_true (hk_record_get_boolean (enquiry, "large_scale"));
  g_assert_false (hk_record_has_field (enquiry, "concluded_on"));
}

static void
test_risk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(HkRecord) enquiry = add_record (f, HK_RECORD_KIND_ENQUIRY, NULL,
                                            hk_test_fields ("enquiry_type", "s42", "started_on", "2026-01-05",
                                                            "lead_agency", "Adult social care", NULL));
  g_autoptr(HkRecord) risk = NULL;
  g_autoptr(HkRecord) edited = NULL;
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_RISK, hk_record_get_id (enquiry));

  g_assert_cmpstr (hk_record_editor_get_parent_id (editor), ==, hk_record_get_id (enquiry));
  choose (editor, "risk_type", "financial");
  choose (editor, "location", "own_home");
  choose (editor, "source", "known");
  set_text (editor, "details", "Pension collected by the lodger.");

  /* The risk outcome only after a "risk identified" assessment outcome. */
  g_assert_false (shown (editor, "outcome"));
  choose (editor, "assessment", "none_no_action");
  g_assert_false (shown (editor, "outcome"));
  choose (editor, "assessment", "identified_action");
  g_assert_true (shown (editor, "outcome"));
  choose (editor, "outcome", "reduced");

  risk = save (f, editor);
  g_assert_cmpstr (hk_record_get_parent_id (risk), ==, hk_record_get_id (enquiry));
  g_assert_cmpstr (hk_record_get_string (risk, "risk_type"), ==, "financial");
  g_assert_cmpstr (hk_record_get_string (risk, "location"), ==, "own_home");
  g_assert_cmpstr (hk_record_get_string (risk, "source"), ==, "known");
  g_assert_cmpstr (hk_record_get_string (risk, "assessment"), ==, "identified_action");
  g_assert_cmpstr (hk_record_get_string (risk, "outcome"), ==, "reduced");

  /* Editing it back to "inconclusive" hides the outcome and drops it. */
  editor = open_edit (f, risk);
  g_assert_true (shown (editor, "outcome"));
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (editor), "history_button")));
  choose (editor, "assessment", "inconclusive_action");
  g_assert_false (shown (editor, "outcome"));
  edited = save (f, editor);
  g_assert_cmpstr (f->toast, ==, "Risk updated");
  g_assert_cmpint (hk_record_get_revision (edited), ==, 2);
  g_assert_false (hk_record_has_field (edited, "outcome"));
}

static void
test_conversation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HkRecord) conversation = NULL;
  g_autofree const char **participants = NULL;
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_CONVERSATION, NULL);
  GtkWidget *cell;
  GtkWidget *closure;

  choose (editor, "phase", "at_concern");
  tick (editor, "participants", "adult");
  tick (editor, "participants", "advocate");
  choose (editor, "asked", "asked_expressed");
  set_text (editor, "summary", "“I want him out of my house and my money back.”");

  /* The grid: one press sets both answers; each cell has a name to hear. */
  cell = hk_test_ui_get_by_id (GTK_WIDGET (editor), "cell-low-unsafe");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Wellbeing: low, safety: unsafe");
  /* As Space on the focused cell does (the click lands after a brief press). */
  gtk_widget_activate (cell);
  HK_TEST_UI_WAIT_UNTIL (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (cell)));
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "wellbeing"), ==, "low");
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "safety"), ==, "unsafe");
  /* And the grid follows the two rows. */
  choose (editor, "safety", "mixed");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (cell)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hk_test_ui_get_by_id (GTK_WIDGET (editor),
                                                                                        "cell-low-mixed"))));

  /* Closure feedback only for the closing stages. */
  closure = hk_test_ui_get_by_id (GTK_WIDGET (editor), "closure");
  g_assert_false (gtk_widget_get_visible (closure));
  g_assert_false (shown (editor, "feels_safer"));
  choose (editor, "phase", "at_closure");
  g_assert_true (gtk_widget_get_visible (closure));
  g_assert_true (shown (editor, "feels_safer"));
  choose (editor, "feels_safer", "partly");
  set_text (editor, "feels_safer_words", "Safer now the locks are changed.");
  choose (editor, "listened_to", "yes");
  tick (editor, "principles", "empowerment");

  conversation = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (conversation, "phase"), ==, "at_closure");
  participants = hk_record_get_strv (conversation, "participants");
  g_assert_cmpuint (g_strv_length ((char **) participants), ==, 2);
  g_assert_cmpstr (participants[0], ==, "adult");
  g_assert_cmpstr (participants[1], ==, "advocate");
  g_assert_cmpstr (hk_record_get_string (conversation, "asked"), ==, "asked_expressed");
  g_assert_cmpstr (hk_record_get_string (conversation, "wellbeing"), ==, "low");
  g_assert_cmpstr (hk_record_get_string (conversation, "safety"), ==, "mixed");
  g_assert_cmpstr (hk_record_get_string (conversation, "feels_safer"), ==, "partly");
  g_assert_cmpstr (hk_record_get_string (conversation, "feels_safer_words"), ==, "Safer now the locks are changed.");
  g_assert_true (hk_record_has_field (conversation, "principles"));

  /* Who took part is required: the first box gets the focus. */
  editor = open_new (f, HK_RECORD_KIND_CONVERSATION, NULL);
  choose (editor, "phase", "during_enquiry");
  choose (editor, "asked", "not_asked");
  assert_refused (f, editor, HK_RECORD_KIND_CONVERSATION, "participants", "is required");
  close_editor (editor);
}

static void
test_outcome_and_history (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HkRecord) conversation = NULL;
  g_autoptr(HkRecord) outcome = NULL;
  g_autoptr(HkRecord) revised = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  HkRecordEditor *editor;
  GtkWidget *rating;
  HkHistoryWindow *history;

  {
    g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
    const char *who[] = { "adult", NULL };

    g_variant_builder_add (&b, "{sv}", "held_on", g_variant_new_string ("2026-01-06"));
    g_variant_builder_add (&b, "{sv}", "phase", g_variant_new_string ("at_concern"));
    g_variant_builder_add (&b, "{sv}", "participants", g_variant_new_strv (who, -1));
    g_variant_builder_add (&b, "{sv}", "asked", g_variant_new_string ("asked_expressed"));
    conversation = add_record (f, HK_RECORD_KIND_CONVERSATION, NULL, g_variant_builder_end (&b));
  }

  editor = open_new (f, HK_RECORD_KIND_OUTCOME, NULL);
  /* The person's words come first, and have the focus. */
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (editor), "words_box")));
  g_assert_true (gtk_widget_has_focus (input (editor, "words")));
  /* The conversation it came from is offered, and chosen by default. */
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "conversation_id"), ==,
                   hk_record_get_id (conversation));
  /* No rating until the worker rates it. */
  rating = hk_test_ui_get_by_id (GTK_WIDGET (editor), "rating_switch");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (rating)));
  g_assert_false (shown (editor, "achieved"));
  g_assert_false (shown (editor, "person_view"));

  set_text (editor, "words", "I want to feel safe in my own home.");
  outcome = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (outcome, "words"), ==, "I want to feel safe in my own home.");
  g_assert_cmpstr (hk_record_get_string (outcome, "conversation_id"), ==, hk_record_get_id (conversation));
  g_assert_false (hk_record_has_field (outcome, "achieved"));

  /* Revised and rated: a new revision, the earlier wording kept. */
  editor = open_edit (f, outcome);
  set_text (editor, "words", "I want to feel safe at home and keep seeing my grandson.");
  rating = hk_test_ui_get_by_id (GTK_WIDGET (editor), "rating_switch");
  gtk_switch_set_active (GTK_SWITCH (rating), TRUE);
  g_assert_true (shown (editor, "achieved"));
  g_assert_true (shown (editor, "person_view"));
  choose (editor, "achieved", "partially");
  /* Rated, without the person's own view: refused, naming the field. */
  assert_refused (f, editor, HK_RECORD_KIND_OUTCOME, "person_view", "in their words");
  set_text (editor, "person_view", "Safer, but I still worry when he phones.");
  revised = save (f, editor);
  g_assert_cmpint (hk_record_get_revision (revised), ==, 2);
  g_assert_cmpstr (hk_record_get_string (revised, "achieved"), ==, "partially");
  g_assert_nonnull (hk_record_get_string (revised, "rated_on"));
  g_assert_true (g_str_has_prefix (f->toast, "Desired outcome updated"));

  revisions = hk_vault_list_revisions (f->vault, hk_record_get_id (revised), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (hk_record_get_string (g_ptr_array_index (revisions, 0), "words"), ==,
                   "I want to feel safe in my own home.");

  /* View History shows both wordings, newest first. */
  editor = open_edit (f, revised);
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.show-history", NULL);
  HK_TEST_UI_WAIT_UNTIL ((history = HK_HISTORY_WINDOW (hk_test_ui_find_toplevel (HK_TYPE_HISTORY_WINDOW))) != NULL &&
                         hk_history_window_get_loaded (history));
  g_assert_cmpuint (g_list_model_get_n_items (hk_history_window_get_revisions (history)), ==, 2);
  g_assert_true (visible_label_contains (GTK_WIDGET (history), "I want to feel safe in my own home."));
  g_assert_true (visible_label_contains (GTK_WIDGET (history), "keep seeing my grandson"));
  g_assert_true (visible_label_contains (GTK_WIDGET (history), "Reworded"));
  g_assert_true (visible_label_contains (GTK_WIDGET (history), "Partially Achieved"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "Hearken");

  /* Closing the editor takes its history window with it. */
  close_editor (editor);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_HISTORY_WINDOW) == NULL);
}

static void
test_best_interests (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HkRecord) assessment = NULL;
  g_autoptr(HkRecord) decision = NULL;
  g_autofree const char **consulted = NULL;
  HkRecordEditor *editor;

  assessment = add_record (f, HK_RECORD_KIND_CAPACITY, NULL,
                           hk_test_fields ("decision", "Where to live", "assessed_on", "2026-01-10",
                                           "relevant_information", "The options and their costs.",
                                           "practicable_steps", "Visited twice, with pictures.",
                                           "impairment", "yes", "impairment_detail", "Dementia.",
                                           "understand", "unable", "understand_evidence", "Could not recall options.",
                                           "retain", "unable", "retain_evidence", "Forgot within minutes.",
                                           "use_weigh", "unable", "use_weigh_evidence", "Could not compare.",
                                           "communicate", "able", "communicate_evidence", "Speaks clearly.",
                                           "causal_link", "yes", "causal_link_evidence", "Memory loss from dementia.",
                                           "outcome", "lacks_capacity", "assessor", "Test Worker", NULL));

  editor = open_new (f, HK_RECORD_KIND_BEST_INTERESTS, NULL);
  /* The assessment that found a lack of capacity is offered and chosen. */
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "assessment_id"), ==,
                   hk_record_get_id (assessment));
  set_text (editor, "decision", "Where to live");
  set_text (editor, "decision_maker", "Test Worker");
  g_assert_false (shown (editor, "attorney_deputy_name"));
  choose (editor, "attorney_deputy", "lpa_health");
  g_assert_true (shown (editor, "attorney_deputy_name"));
  set_text (editor, "consulted", "Daughter\nGP\n");
  set_text (editor, "consulted_views", "Both favour a move near the daughter.");
  set_text (editor, "wishes_feelings", "Has always said she would never leave Cardiff.");
  choose (editor, "regain_capacity", "no");
  g_assert_false (shown (editor, "regain_detail"));
  set_text (editor, "options", "Stay with more care; extra care flat; care home.");
  set_text (editor, "less_restrictive", "Stay with more care.");
  set_text (editor, "outcome_decision", "Extra care flat in Cardiff.");
  set_text (editor, "reasons", "Keeps her in the city she loves, with care on site.");

  /* An attorney without a name: refused, naming the field. */
  assert_refused (f, editor, HK_RECORD_KIND_BEST_INTERESTS, "attorney_deputy_name", "is needed when there is an attorney");
  set_text (editor, "attorney_deputy_name", "Ffion Attorney");

  decision = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (decision, "assessment_id"), ==, hk_record_get_id (assessment));
  g_assert_cmpstr (hk_record_get_string (decision, "attorney_deputy"), ==, "lpa_health");
  g_assert_cmpstr (hk_record_get_string (decision, "attorney_deputy_name"), ==, "Ffion Attorney");
  consulted = hk_record_get_strv (decision, "consulted");
  g_assert_cmpuint (g_strv_length ((char **) consulted), ==, 2);
  g_assert_cmpstr (hk_record_get_string (decision, "regain_capacity"), ==, "no");
}

static void
test_advocacy (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HkRecord) referral = NULL;
  g_autoptr(HkRecord) imca = NULL;
  g_autofree char *considered = date_from_today (-20);
  g_autofree char *referred = date_from_today (-18);
  g_autofree char *allocated = date_from_today (-10);
  g_autofree char *allocated_iso = iso_from_today (-10);
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_ADVOCACY, NULL);

  /* Considered by default, dated today; later dates by status. */
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "status"), ==, "considered");
  g_assert_false (shown (editor, "referred_on"));
  g_assert_false (shown (editor, "allocated_on"));
  g_assert_false (shown (editor, "ended_on"));
  g_assert_false (shown (editor, "declined_reason"));

  choose (editor, "basis", "care_act_s68");
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (editor), "difficulty")));
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (editor), "imca")));
  choose (editor, "status", "allocated");
  g_assert_true (shown (editor, "referred_on"));
  g_assert_true (shown (editor, "allocated_on"));
  g_assert_false (shown (editor, "ended_on"));
  set_text (editor, "considered_on", considered);
  set_text (editor, "referred_on", referred);
  set_text (editor, "allocated_on", allocated);
  set_text (editor, "organisation", "Valley Advocacy");
  set_text (editor, "advocate", "Sam Advocate");
  choose (editor, "appropriate_person", "none");
  g_assert_false (shown (editor, "appropriate_person_name"));

  /* A Care Act advocate needs a substantial difficulty. */
  assert_refused (f, editor, HK_RECORD_KIND_ADVOCACY, "difficulty_understanding", "substantial difficulty");
  choose (editor, "difficulty_understanding", "yes");
  choose (editor, "difficulty_retaining", "no");
  choose (editor, "difficulty_using", "yes");
  choose (editor, "difficulty_communicating", "not_known");

  referral = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (referral, "basis"), ==, "care_act_s68");
  g_assert_cmpstr (hk_record_get_string (referral, "status"), ==, "allocated");
  g_assert_cmpstr (hk_record_get_string (referral, "allocated_on"), ==, allocated_iso);
  g_assert_cmpstr (hk_record_get_string (referral, "difficulty_using"), ==, "yes");
  g_assert_cmpstr (hk_record_get_string (referral, "difficulty_communicating"), ==, "not_known");
  g_assert_cmpstr (hk_record_get_string (referral, "organisation"), ==, "Valley Advocacy");

  /* An IMCA in adult protection: the "particular benefit" appears and is needed. */
  editor = open_new (f, HK_RECORD_KIND_ADVOCACY, NULL);
  g_assert_false (shown (editor, "particular_benefit"));
  choose (editor, "basis", "imca_adult_protection");
  g_assert_true (shown (editor, "particular_benefit"));
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (editor), "difficulty")));
  assert_refused (f, editor, HK_RECORD_KIND_ADVOCACY, "particular_benefit", "is needed for an IMCA in adult protection");
  set_text (editor, "particular_benefit", "Conflicting views on best interests between family members.");
  choose (editor, "status", "declined");
  g_assert_true (shown (editor, "declined_reason"));
  set_text (editor, "declined_reason", "She did not want to meet anyone new.");
  imca = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (imca, "status"), ==, "declined");
  g_assert_cmpstr (hk_record_get_string (imca, "declined_reason"), ==, "She did not want to meet anyone new.");
  g_assert_nonnull (hk_record_get_string (imca, "particular_benefit"));
}

static void
test_action (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HkRecord) action = NULL;
  g_autofree const char **principles = NULL;
  g_autofree char *due = date_from_today (7);
  g_autofree char *due_iso = iso_from_today (7);
  HkRecordEditor *editor = open_new (f, HK_RECORD_KIND_ACTION, NULL);

  set_text (editor, "description", "Arrange a locksmith and a bank visit.");
  set_text (editor, "owner", "Test Worker");
  set_text (editor, "due_on", due);
  tick (editor, "principles", "protection");
  tick (editor, "principles", "empowerment");
  /* Done "next week" is refused: it cannot be in the future. */
  set_text (editor, "done_on", due);
  assert_refused (f, editor, HK_RECORD_KIND_ACTION, "done_on", "cannot be in the future");
  set_text (editor, "done_on", "");

  action = save (f, editor);
  g_assert_cmpstr (hk_record_get_string (action, "description"), ==, "Arrange a locksmith and a bank visit.");
  g_assert_cmpstr (hk_record_get_string (action, "due_on"), ==, due_iso);
  principles = hk_record_get_strv (action, "principles");
  /* In the schema's order, whatever order they were ticked in. */
  g_assert_cmpuint (g_strv_length ((char **) principles), ==, 2);
  g_assert_cmpstr (principles[0], ==, "empowerment");
  g_assert_cmpstr (principles[1], ==, "protection");

  /* Editing shows the ticks again. */
  editor = open_edit (f, action);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    hk_form_fields_get_choice_widget (hk_record_editor_get_form (editor), "principles", "protection"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    hk_form_fields_get_choice_widget (hk_record_editor_get_form (editor), "principles", "prevention"))));
  close_editor (editor);
}

/* Drafts: what the casebook does on lock (flush every editor's draft, shut
 * it down, lock), then a new editor for the same record restores it. */

static gboolean
draft_banner_shown (HkRecordEditor *editor)
{
  GtkRevealer *revealer = GTK_REVEALER (hk_test_ui_get_by_id (GTK_WIDGET (editor), "draft_revealer"));
  GtkLabel *label = GTK_LABEL (hk_test_ui_get_by_id (GTK_WIDGET (editor), "draft_label"));

  return gtk_revealer_get_reveal_child (revealer) &&
         g_str_has_prefix (gtk_label_get_text (label), "Restored unsaved changes");
}

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hk_form_editor_flush_draft_finish (HK_FORM_EDITOR (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_draft_survives_lock (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  HkWindow *window = hk_test_ui_new_unlocked_window (dir, NULL);
  HkVault *vault = hk_window_get_vault (window);
  HkRecordEditor *editor;
  GtkWindow *found = NULL;
  gboolean flushed = FALSE;

  kase = hk_test_add_case (vault, "Dafydd Draftson");
  editor = hk_record_editor_new_create (vault, HK_RECORD_KIND_CONCERN, hk_record_get_id (kase), NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (editor)));
  key = hk_record_editor_draft_key (HK_RECORD_KIND_CONCERN, hk_record_get_id (kase), NULL);
  g_assert_cmpstr (hk_form_editor_get_identity (HK_FORM_EDITOR (editor)), ==, key);
  g_assert_true (g_str_has_prefix (key, "record-new:concern:"));

  set_text (editor, "raised_by_role", "Paramedic");
  choose (editor, "criterion_needs", "yes");
  set_text (editor, "criterion_needs_reason", "Half-written reason about the Tuesday visit");

  /* Locking: the draft is stored, then the editor wipes itself and goes. */
  hk_form_editor_flush_draft_async (HK_FORM_EDITOR (editor), NULL, flush_cb, &flushed);
  HK_TEST_UI_WAIT_UNTIL (flushed);
  hk_form_editor_shutdown (HK_FORM_EDITOR (editor));
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR));
  hk_test_ui_lock (window);
  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  g_assert_cmpuint (n_drafts (vault), ==, 1);

  /* After unlocking, the casebook opens the same form again and restores
   * it, with the usual message. (Opening a second one here as well would
   * race with it.) */
  HK_TEST_UI_WAIT_UNTIL ((found = hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR)) != NULL &&
                         hk_form_editor_get_ready (HK_FORM_EDITOR (found)));
  editor = HK_RECORD_EDITOR (found);
  g_assert_cmpstr (hk_form_editor_get_identity (HK_FORM_EDITOR (editor)), ==, key);
  g_assert_true (draft_banner_shown (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (editor, "raised_by_role"))), ==, "Paramedic");
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "criterion_needs"), ==, "yes");
  reason = view_text (input (editor, "criterion_needs_reason"));
  g_assert_cmpstr (reason, ==, "Half-written reason about the Tuesday visit");

  /* Finished and saved: the concern is in the vault and the draft gone. */
  set_text (editor, "reported", "Found on the floor, says the carer did not come.");
  choose (editor, "criterion_abuse", "not_known");
  set_text (editor, "criterion_abuse_reason", "To be established.");
  choose (editor, "criterion_protect", "not_known");
  set_text (editor, "criterion_protect_reason", "To be established.");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);
  HK_TEST_UI_WAIT_UNTIL (n_drafts (vault) == 0);
  records = hk_vault_list (vault, HK_RECORD_KIND_CONCERN, hk_record_get_id (kase), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (hk_record_get_string (g_ptr_array_index (records, 0), "raised_by_role"), ==, "Paramedic");

  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  gtk_window_destroy (GTK_WINDOW (window));
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);
  hk_test_rm_rf (dir);
}

static gboolean
shown_case_is (HkCasebook *casebook,
               HkRecord   *kase)
{
  g_autofree char *id = NULL;
  gboolean loading = TRUE;

  g_object_get (casebook, "current-case-id", &id, "loading", &loading, NULL);
  return !loading && g_strcmp0 (id, hk_record_get_id (kase)) == 0;
}

/* The same through the casebook, as a worker meets it: the window locks,
 * and after unlocking the casebook reopens the editor with the draft. */
static void
test_draft_survives_lock_in_casebook (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkSecret) passphrase = hk_test_passphrase ();
  g_autoptr(HkRecord) kase = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *benefit = NULL;
  HkWindow *window = hk_test_ui_new_unlocked_window (dir, NULL);
  HkCasebook *casebook = _hk_window_get_casebook (window);
  HkVault *vault = hk_window_get_vault (window);
  GtkWindow *found = NULL;
  HkRecordEditor *editor;

  kase = hk_test_add_case (vault, "Dafydd Draftson");
  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.show-case",
                       g_variant_new_string (hk_record_get_id (kase)));
  HK_TEST_UI_WAIT_UNTIL (shown_case_is (casebook, kase));
  hk_test_ui_activate (GTK_WIDGET (casebook), "casebook.new-record", g_variant_new ("(ss)", "advocacy", ""));
  HK_TEST_UI_WAIT_UNTIL ((found = hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR)) != NULL &&
                         hk_form_editor_get_ready (HK_FORM_EDITOR (found)));
  editor = HK_RECORD_EDITOR (found);
  g_assert_cmpstr (hk_record_editor_get_parent_id (editor), ==, hk_record_get_id (kase));
  choose (editor, "basis", "imca_adult_protection");
  set_text (editor, "particular_benefit", "Her sons disagree about where she should live.");

  hk_test_ui_lock (window);
  g_assert_null (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR));

  hk_test_ui_unlock (window, hk_secret_get_data (passphrase));
  g_assert_cmpuint (n_drafts (vault), ==, 1);
  HK_TEST_UI_WAIT_UNTIL ((found = hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR)) != NULL &&
                         hk_form_editor_get_ready (HK_FORM_EDITOR (found)));
  editor = HK_RECORD_EDITOR (found);
  g_assert_cmpint (hk_record_editor_get_kind (editor), ==, HK_RECORD_KIND_ADVOCACY);
  g_assert_true (draft_banner_shown (editor));
  g_assert_cmpstr (hk_form_fields_get_code (hk_record_editor_get_form (editor), "basis"), ==,
                   "imca_adult_protection");
  /* The conditional row comes back with what was typed in it. */
  g_assert_true (shown (editor, "particular_benefit"));
  benefit = view_text (input (editor, "particular_benefit"));
  g_assert_cmpstr (benefit, ==, "Her sons disagree about where she should live.");

  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);
  HK_TEST_UI_WAIT_UNTIL (n_drafts (vault) == 0);
  records = hk_vault_list (vault, HK_RECORD_KIND_ADVOCACY, hk_record_get_id (kase), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (hk_record_get_string (g_ptr_array_index (records, 0), "particular_benefit"), ==,
                   "Her sons disagree about where she should live.");

  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  gtk_window_destroy (GTK_WINDOW (window));
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);
  hk_test_rm_rf (dir);
}

static void
test_draft_of_edit_survives_destroy (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(HkRecord) action = add_record (f, HK_RECORD_KIND_ACTION, NULL,
                                           hk_test_fields ("description", "Phone the bank.", NULL));
  g_autofree char *text = NULL;
  g_autofree char *key = g_strdup_printf ("record:%s", hk_record_get_id (action));
  HkRecordEditor *editor = open_edit (f, action);

  g_assert_cmpstr (hk_form_editor_get_identity (HK_FORM_EDITOR (editor)), ==, key);
  set_text (editor, "description", "Phone the bank and the police.");
  /* The autosave comes after a pause in typing; then the window goes. */
  HK_TEST_UI_WAIT_UNTIL (n_drafts (f->vault) == 1);
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = open_edit (f, action);
  g_assert_true (draft_banner_shown (editor));
  text = view_text (input (editor, "description"));
  g_assert_cmpstr (text, ==, "Phone the bank and the police.");

  /* Discarding the draft goes back to the saved record. */
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.discard-draft", NULL);
  g_clear_pointer (&text, g_free);
  text = view_text (input (editor, "description"));
  g_assert_cmpstr (text, ==, "Phone the bank.");
  HK_TEST_UI_WAIT_UNTIL (n_drafts (f->vault) == 0);
  close_editor (editor);
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

#define ADD(path, func) g_test_add ("/ui/record-editor/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("concern", test_concern);
  ADD ("concern-no-enquiry", test_concern_no_enquiry);
  ADD ("required-choice", test_required_choice);
  ADD ("enquiry", test_enquiry);
  ADD ("risk", test_risk);
  ADD ("conversation", test_conversation);
  ADD ("outcome-and-history", test_outcome_and_history);
  ADD ("best-interests", test_best_interests);
  ADD ("advocacy", test_advocacy);
  ADD ("action", test_action);
  ADD ("draft-of-edit-survives-destroy", test_draft_of_edit_survives_destroy);
#undef ADD
  g_test_add_func ("/ui/record-editor/draft-survives-lock", test_draft_survives_lock);
  g_test_add_func ("/ui/record-editor/draft-survives-lock-in-casebook", test_draft_survives_lock_in_casebook);

  return g_test_run ();
}
