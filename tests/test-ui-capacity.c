/* test-ui-capacity.c: the guided capacity assessment, walked step by step
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-capacity-guide.h"
#include "hk-form-format.h"
#include "hk-record-editor.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"

typedef struct {
  char           *dir;
  HkVault        *vault;
  HkRecord       *kase;
  HkRecord       *saved;
  HkRecordEditor *editor;
  HkCapacityGuide *guide;
} Fixture;

/* Helpers */

static void
on_saved_cb (HkFormEditor *editor,
             HkRecord     *record,
             HkRecord     *extra,
             Fixture      *f)
{
  g_set_object (&f->saved, record);
}

static void
open_editor (Fixture  *f,
             HkRecord *record)
{
  if (record)
    f->editor = hk_record_editor_new_edit (f->vault, record, NULL);
  else
    f->editor = hk_record_editor_new_create (f->vault, HK_RECORD_KIND_CAPACITY, hk_record_get_id (f->kase), NULL);
  g_signal_connect (f->editor, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (f->editor));
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (f->editor)) &&
                         gtk_widget_get_mapped (GTK_WIDGET (f->editor)));
  f->guide = HK_CAPACITY_GUIDE (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "guide"));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hk_test_make_tmpdir ();
  f->vault = hk_test_create_vault (f->dir, NULL);
  f->kase = hk_test_add_case (f->vault, "Carys Capacity");
  open_editor (f, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  HkVault *vault = f->vault;
  GtkWindow *editor;

  while ((editor = hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR)) != NULL)
    gtk_window_destroy (editor);
  g_clear_object (&f->saved);
  g_clear_object (&f->kase);

  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  g_clear_object (&f->vault);
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);

  hk_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static HkFormFields *
form (Fixture *f)
{
  return hk_record_editor_get_form (f->editor);
}

static GtkWidget *
input (Fixture    *f,
       const char *key)
{
  GtkWidget *widget = hk_form_fields_get_widget (form (f), key);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (Fixture    *f,
          const char *key,
          const char *text)
{
  GtkWidget *widget = input (f, key);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    hk_test_ui_set_text (widget, text);
}

static void
choose (Fixture    *f,
        const char *key,
        const char *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (input (f, key));
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));

  for (guint i = 0; i < n; i++)
    {
      adw_combo_row_set_selected (row, i);
      if (g_strcmp0 (hk_form_fields_get_code (form (f), key), code) == 0)
        return;
    }
  g_error ("“%s” has no choice “%s”", key, code);
}

static int
step (Fixture *f)
{
  return hk_capacity_guide_get_step (f->guide);
}

/* Whether @key's row is on the step shown now (and not hidden by a rule). */
static gboolean
on_screen (Fixture    *f,
           const char *key)
{
  return gtk_widget_get_mapped (input (f, key));
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (label_shown (child, text))
      return TRUE;
  return FALSE;
}

static const char *
label_text (Fixture    *f,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), id)));
}

static guint
n_assessments (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = hk_vault_list (f->vault, HK_RECORD_KIND_CAPACITY,
                                                hk_record_get_id (f->kase), NULL, &error);

  g_assert_no_error (error);
  return records->len;
}

static void
next (Fixture *f)
{
  int before = step (f);

  /* Alternately the window's shortcut action and the Next button's. */
  if (before % 2 == 0)
    hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.next-step", NULL);
  else
    hk_test_ui_activate (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "next_button"), "guide.next", NULL);
  g_assert_cmpint (step (f), ==, before + 1);
  HK_TEST_UI_WAIT_UNTIL (gtk_widget_get_mapped (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "step_stack")));
}

static void
assert_refused_at (Fixture    *f,
                   const char *key,
                   int         expected_step,
                   const char *message)
{
  const HkFieldSpec *spec = hk_record_kind_find_field (HK_RECORD_KIND_CAPACITY, key);
  g_autofree char *named = g_strdup_printf ("%s: ", spec->label);
  GtkWidget *focus;

  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.save", NULL);
  hk_test_ui_flush ();
  g_assert_null (f->saved);
  g_assert_cmpuint (n_assessments (f), ==, 0);
  /* The guide turns to the step with the field; the message names it. */
  g_assert_cmpint (step (f), ==, expected_step);
  g_assert_true (label_shown (GTK_WIDGET (f->editor), named));
  g_assert_true (label_shown (GTK_WIDGET (f->editor), message));
  focus = gtk_root_get_focus (GTK_ROOT (f->editor));
  g_assert_true (focus == input (f, key) || gtk_widget_is_ancestor (focus, input (f, key)));
}

static void
fill_decision_and_support (Fixture *f)
{
  set_text (f, "decision", "Whether to move into a care home");
  set_text (f, "relevant_information", "The two homes visited, the costs, and what staying at home would mean.");
  next (f);
  set_text (f, "practicable_steps", "Met twice in the morning, her best time, with photographs of both homes.");
  next (f);
}

/* Tests */

static void
test_walk_and_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HkRecord) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *review = NULL;
  AdwWindowTitle *title = ADW_WINDOW_TITLE (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "window_title"));

  /* The five principles are at hand, whatever the step. */
  g_assert_true (gtk_widget_is_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "principles_panel")));
  g_assert_true (label_shown (GTK_WIDGET (f->editor), "Assume capacity"));
  g_assert_true (label_shown (GTK_WIDGET (f->editor), "Support to decide"));
  g_assert_true (label_shown (GTK_WIDGET (f->editor), "Unwise decisions"));
  g_assert_true (label_shown (GTK_WIDGET (f->editor), "Best interests"));
  g_assert_true (label_shown (GTK_WIDGET (f->editor), "Less restrictive option"));

  /* Step 1: the decision, in the header as it is typed (never the window title). */
  g_assert_cmpint (step (f), ==, 0);
  g_assert_cmpstr (label_text (f, "step_counter"), ==, "Step 1 of 6");
  g_assert_true (on_screen (f, "decision"));
  g_assert_false (on_screen (f, "outcome"));
  g_assert_cmpstr (hk_form_fields_get_code (form (f), "outcome"), ==, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (f, "assessor"))), ==, "Test Worker");
  fill_decision_and_support (f);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Whether to move into a care home");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "Hearken");

  /* Back and forward again. */
  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.previous-step", NULL);
  g_assert_cmpint (step (f), ==, 1);
  g_assert_true (on_screen (f, "practicable_steps"));
  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.next-step", NULL);

  /* Step 3: the diagnostic test; its details only with an impairment. */
  g_assert_cmpint (step (f), ==, 2);
  g_assert_cmpstr (label_text (f, "step_title"), ==, "The Diagnostic Test");
  g_assert_false (hk_form_fields_get_field_visible (form (f), "impairment_detail"));
  choose (f, "impairment", "yes");
  g_assert_true (hk_form_fields_get_field_visible (form (f), "impairment_detail"));
  set_text (f, "impairment_detail", "Alzheimer’s disease, diagnosed 2024.");
  next (f);

  /* Step 4: the functional test, each part with its evidence. */
  g_assert_cmpint (step (f), ==, 3);
  choose (f, "understand", "able");
  set_text (f, "understand_evidence", "Explained back what each home offers.");
  choose (f, "retain", "unable");
  set_text (f, "retain_evidence", "Could not recall either home ten minutes later.");
  choose (f, "use_weigh", "unable");
  set_text (f, "use_weigh_evidence", "Could not weigh her falls against staying.");
  choose (f, "communicate", "able");
  set_text (f, "communicate_evidence", "Speaks clearly.");
  next (f);

  /* Step 5: the causal link, needed now there is an impairment and an inability. */
  g_assert_cmpint (step (f), ==, 4);
  g_assert_true (hk_form_fields_get_field_visible (form (f), "causal_link"));
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "causal_note")));
  choose (f, "causal_link", "yes");
  set_text (f, "causal_link_evidence", "The memory loss of her dementia is what stops her retaining it.");
  next (f);

  /* Step 6: the answers are explained; a contradicting outcome is refused inline. */
  g_assert_cmpint (step (f), ==, 5);
  g_assert_cmpstr (label_text (f, "step_counter"), ==, "Step 6 of 6");
  g_assert_cmpstr (hk_capacity_guide_get_answers_outcome (f->guide), ==, "lacks_capacity");
  g_assert_true (g_str_has_prefix (label_text (f, "answers_label"),
                                   "The answers mean the person lacks capacity for this decision"));
  g_assert_nonnull (strstr (label_text (f, "answers_label"), "retain it, or use or weigh it"));
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "finish_button")));
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "next_button")));

  choose (f, "outcome", "has_capacity");
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "mismatch_label")));
  g_assert_nonnull (strstr (label_text (f, "mismatch_label"), "does not match these answers"));
  assert_refused_at (f, "outcome", 5, "does not match the answers");

  choose (f, "outcome", "lacks_capacity");
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "mismatch_label")));
  review = g_strdup ("01/06/2027");
  set_text (f, "review_on", review);

  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (f->saved != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);

  assessment = hk_vault_load (f->vault, hk_record_get_id (f->saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hk_record_get_kind (assessment), ==, HK_RECORD_KIND_CAPACITY);
  g_assert_cmpstr (hk_record_get_parent_id (assessment), ==, hk_record_get_id (f->kase));
  g_assert_cmpstr (hk_record_get_string (assessment, "decision"), ==, "Whether to move into a care home");
  g_assert_nonnull (hk_record_get_string (assessment, "assessed_on"));
  g_assert_cmpstr (hk_record_get_string (assessment, "impairment"), ==, "yes");
  g_assert_cmpstr (hk_record_get_string (assessment, "retain"), ==, "unable");
  g_assert_cmpstr (hk_record_get_string (assessment, "use_weigh_evidence"), ==, "Could not weigh her falls against staying.");
  g_assert_cmpstr (hk_record_get_string (assessment, "causal_link"), ==, "yes");
  g_assert_cmpstr (hk_record_get_string (assessment, "outcome"), ==, "lacks_capacity");
  g_assert_cmpstr (hk_record_get_string (assessment, "assessor"), ==, "Test Worker");
  g_assert_cmpstr (hk_record_get_string (assessment, "review_on"), ==, "2027-06-01");
}

static void
test_no_impairment (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HkRecord) assessment = NULL;
  g_autoptr(GError) error = NULL;
  static const char *parts[] = { "understand", "retain", "use_weigh", "communicate" };

  fill_decision_and_support (f);
  choose (f, "impairment", "no");
  next (f);
  /* Unable to weigh it, but with no impairment: not a lack of capacity. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s_evidence", parts[i]);

      choose (f, parts[i], i == 2 ? "unable" : "able");
      set_text (f, key, "Seen at the visit.");
    }
  next (f);

  /* No causal link to record: the step says why. */
  g_assert_false (hk_form_fields_get_field_visible (form (f), "causal_link"));
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "causal_note")));
  g_assert_true (g_str_has_prefix (label_text (f, "causal_note"), "Not needed: there is no impairment"));
  next (f);

  g_assert_cmpstr (hk_capacity_guide_get_answers_outcome (f->guide), ==, "has_capacity");
  choose (f, "outcome", "lacks_capacity");
  assert_refused_at (f, "outcome", 5, "without an impairment or disturbance");

  choose (f, "outcome", "has_capacity");
  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (f->saved != NULL);
  assessment = hk_vault_load (f->vault, hk_record_get_id (f->saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (assessment, "outcome"), ==, "has_capacity");
  g_assert_false (hk_record_has_field (assessment, "causal_link"));
  g_assert_false (hk_record_has_field (assessment, "impairment_detail"));
}

static void
test_error_turns_to_its_step (Fixture       *f,
                              gconstpointer  data)
{
  /* Jump straight to the outcome (the step buttons' action) and save:
   * the first missing answer is on step 1, and the guide goes there. */
  set_text (f, "decision", "Whether to accept help with money");
  hk_test_ui_activate (GTK_WIDGET (f->guide), "guide.step", g_variant_new_int32 (5));
  g_assert_cmpint (step (f), ==, 5);
  assert_refused_at (f, "relevant_information", 0, "is required");

  set_text (f, "relevant_information", "Her income, her bills and who could help.");
  hk_test_ui_activate (GTK_WIDGET (f->guide), "guide.step", g_variant_new_int32 (5));
  assert_refused_at (f, "practicable_steps", 1, "is required");
}

static void
test_edit_keeps_history (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HkRecord) first = NULL;
  g_autoptr(HkRecord) second = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  static const char *parts[] = { "understand", "retain", "use_weigh", "communicate" };

  fill_decision_and_support (f);
  choose (f, "impairment", "no");
  next (f);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s_evidence", parts[i]);

      choose (f, parts[i], "able");
      set_text (f, key, "Clear at the visit.");
    }
  hk_test_ui_activate (GTK_WIDGET (f->guide), "guide.step", g_variant_new_int32 (5));
  choose (f, "outcome", "has_capacity");
  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (f->saved != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);
  first = g_object_ref (f->saved);
  g_clear_object (&f->saved);

  /* Opening it again starts at step 1, with every answer in place. */
  open_editor (f, first);
  g_assert_cmpint (step (f), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (f, "decision"))), ==, "Whether to move into a care home");
  g_assert_cmpstr (hk_form_fields_get_code (form (f), "outcome"), ==, "has_capacity");
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (f->editor), "history_button")));
  set_text (f, "review_on", "01/01/2027");
  hk_test_ui_activate (GTK_WIDGET (f->editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (f->saved != NULL);
  second = g_object_ref (f->saved);
  g_assert_cmpstr (hk_record_get_id (second), ==, hk_record_get_id (first));
  g_assert_cmpint (hk_record_get_revision (second), ==, 2);

  revisions = hk_vault_list_revisions (f->vault, hk_record_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_false (hk_record_has_field (g_ptr_array_index (revisions, 0), "review_on"));
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

#define ADD(path, func) g_test_add ("/ui/capacity/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("walk-and-save", test_walk_and_save);
  ADD ("no-impairment", test_no_impairment);
  ADD ("error-turns-to-its-step", test_error_turns_to_its_step);
  ADD ("edit-keeps-history", test_edit_keeps_history);
#undef ADD

  return g_test_run ();
}
