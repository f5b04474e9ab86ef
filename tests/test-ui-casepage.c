/* test-ui-casepage.c: the case page's casework sections, timeline, summary, prompts and list filters
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-case-list-view.h"
#include "hk-case-page.h"
#include "hk-case-row.h"
#include "hk-casebook.h"
#include "hk-msp-summary.h"
#include "hk-principles-view.h"
#include "hk-prompt-list.h"
#include "hk-record-editor.h"
#include "hk-test-ui-utils.h"
#include "hk-test-utils.h"
#include "hk-timeline-row.h"

typedef struct {
  char       *dir;
  HkVault    *vault;
  GtkWindow  *window;
  HkCasebook *casebook;
} Fixture;

/* Every record of the full case, by kind name. */
typedef struct {
  HkRecord *kase;
  HkRecord *concern;
  HkRecord *enquiry;
  HkRecord *risk;
  HkRecord *conversation;
  HkRecord *outcome;
  HkRecord *capacity;
  HkRecord *best_interests;
  HkRecord *advocacy;
  HkRecord *action;
  HkRecord *note;
} FullCase;

#define S(str) g_variant_new_string (str)
#define B(val) g_variant_new_boolean (val)

/* Helpers */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = hk_test_make_tmpdir ();
  f->vault = hk_test_create_vault (f->dir, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "Hearken");
  gtk_window_set_default_size (f->window, 1200, 800);
  f->casebook = HK_CASEBOOK (hk_casebook_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->casebook));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  HkVault *vault = f->vault;
  GtkWindow *editor;

  while ((editor = hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR)) != NULL)
    gtk_window_destroy (editor);
  if (f->window)
    gtk_window_destroy (f->window);
  f->window = NULL;

  /* Queued vault work holds references; the files go once it is done. */
  g_object_add_weak_pointer (G_OBJECT (vault), (gpointer *) &vault);
  g_clear_object (&f->vault);
  HK_TEST_UI_WAIT_UNTIL (vault == NULL);

  hk_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static void
full_case_clear (FullCase *c)
{
  g_clear_object (&c->kase);
  g_clear_object (&c->concern);
  g_clear_object (&c->enquiry);
  g_clear_object (&c->risk);
  g_clear_object (&c->conversation);
  g_clear_object (&c->outcome);
  g_clear_object (&c->capacity);
  g_clear_object (&c->best_interests);
  g_clear_object (&c->advocacy);
  g_clear_object (&c->action);
  g_clear_object (&c->note);
}

/* Saves a record from "key", GVariant* (floating) pairs, NULL-terminated. */
static HkRecord *
save_record (HkVault      *vault,
             HkRecordKind  kind,
             const char   *id,
             const char   *parent_id,
             gint64        base_revision,
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

  record = hk_vault_save (vault, kind, id, parent_id, base_revision, g_variant_dict_end (&dict), &error);
  g_assert_no_error (error);
  return record;
}

static GVariant *
strv (const char *first,
      ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *item = first; item; item = va_arg (args, const char *))
    g_ptr_array_add (items, (gpointer) item);
  va_end (args);
  return g_variant_new_strv ((const char * const *) items->pdata, items->len);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FullCase, full_case_clear)

static HkRecord *
add_case (HkVault    *vault,
          const char *name,
          const char *opened_on)
{
  g_autoptr(HkRecord) person = save_record (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0,
                                            "name", S (name), NULL);

  return save_record (vault, HK_RECORD_KIND_CASE, NULL, hk_record_get_id (person), 0,
                      "status", S ("open"), "opened_on", S (opened_on), NULL);
}

static HkRecord *
add_concern (HkVault  *vault,
             HkRecord *kase)
{
  return save_record (vault, HK_RECORD_KIND_CONCERN, NULL, hk_record_get_id (kase), 0,
                      "received_on", S ("2025-03-03"),
                      "raised_by_role", S ("District nurse"),
                      "raised_by_agency", S ("Community health trust"),
                      "reported", S ("Bruising on both arms and unpaid bills."),
                      "criterion_needs", S ("yes"), "criterion_needs_reason", S ("Dementia; daily care."),
                      "criterion_abuse", S ("yes"), "criterion_abuse_reason", S ("Money taken by a neighbour."),
                      "criterion_protect", S ("yes"), "criterion_protect_reason", S ("Cannot manage money alone."),
                      "decision", S ("s42_enquiry"), "decision_on", S ("2025-03-05"),
                      NULL);
}

static HkRecord *
add_enquiry (HkVault  *vault,
             HkRecord *kase)
{
  return save_record (vault, HK_RECORD_KIND_ENQUIRY, NULL, hk_record_get_id (kase), 0,
                      "enquiry_type", S ("s42"), "started_on", S ("2025-03-06"),
                      "lead_agency", S ("Oakbury Council"), NULL);
}

static HkRecord *
add_risk_without_outcome (HkVault  *vault,
                          HkRecord *enquiry)
{
  return save_record (vault, HK_RECORD_KIND_RISK, NULL, hk_record_get_id (enquiry), 0,
                      "risk_type", S ("financial"), "location", S ("own_home"), "source", S ("known"),
                      "assessment", S ("identified_action"), NULL);
}

/* A case with one record of every kind, dated in March 2025. Its only
 * prompt is the risk without a risk outcome (blocking). */
static void
add_full_case (HkVault  *vault,
               FullCase *c)
{
  c->kase = add_case (vault, "Casey Example", "2025-03-01");
  c->concern = add_concern (vault, c->kase);
  c->enquiry = add_enquiry (vault, c->kase);
  c->risk = add_risk_without_outcome (vault, c->enquiry);
  c->conversation = save_record (vault, HK_RECORD_KIND_CONVERSATION, NULL, hk_record_get_id (c->kase), 0,
                                 "held_on", S ("2025-03-04"), "phase", S ("at_concern"),
                                 "participants", strv ("adult", "representative", NULL),
                                 "asked", S ("asked_expressed"),
                                 "summary", S ("She wants to feel safe at home again."),
                                 "wellbeing", S ("low"), "safety", S ("unsafe"),
                                 "principles", strv ("empowerment", NULL),
                                 NULL);
  c->outcome = save_record (vault, HK_RECORD_KIND_OUTCOME, NULL, hk_record_get_id (c->kase), 0,
                            "words", S ("I want to stay in my own home"),
                            "expressed_on", S ("2025-03-04"),
                            "conversation_id", S (hk_record_get_id (c->conversation)),
                            NULL);
  c->capacity = save_record (vault, HK_RECORD_KIND_CAPACITY, NULL, hk_record_get_id (c->kase), 0,
                             "decision", S ("Managing her money"), "assessed_on", S ("2025-03-10"),
                             "relevant_information", S ("Her income, bills and what the neighbour did."),
                             "practicable_steps", S ("Met at home, in the morning, with her glasses."),
                             "impairment", S ("no"),
                             "understand", S ("able"), "understand_evidence", S ("Explained it back."),
                             "retain", S ("able"), "retain_evidence", S ("Remembered next day."),
                             "use_weigh", S ("able"), "use_weigh_evidence", S ("Weighed both options."),
                             "communicate", S ("able"), "communicate_evidence", S ("Told me clearly."),
                             "outcome", S ("has_capacity"), "assessor", S ("Sam Assessor"),
                             "review_on", S ("2099-01-01"),
                             NULL);
  c->best_interests = save_record (vault, HK_RECORD_KIND_BEST_INTERESTS, NULL, hk_record_get_id (c->kase), 0,
                                   "decision", S ("Where to live"), "decided_on", S ("2025-03-12"),
                                   "decision_maker", S ("Dr Rowan Ash"), "attorney_deputy", S ("none"),
                                   "wishes_feelings", S ("Loves her garden."), "regain_capacity", S ("no"),
                                   "options", S ("Home with support; care home."),
                                   "less_restrictive", S ("Home with support."),
                                   "outcome_decision", S ("Stay at home with daily visits."),
                                   "reasons", S ("Least restrictive and what she wants."),
                                   NULL);
  {
    /* Considered first, then allocated: the history is in the revisions. */
    g_autoptr(HkRecord) considered = save_record (vault, HK_RECORD_KIND_ADVOCACY, NULL, hk_record_get_id (c->kase), 0,
                                                  "basis", S ("care_act_s68"),
                                                  "difficulty_understanding", S ("yes"),
                                                  "appropriate_person", S ("none"),
                                                  "status", S ("considered"), "considered_on", S ("2025-03-06"),
                                                  NULL);

    c->advocacy = save_record (vault, HK_RECORD_KIND_ADVOCACY, hk_record_get_id (considered), NULL,
                               hk_record_get_revision (considered),
                               "basis", S ("care_act_s68"),
                               "difficulty_understanding", S ("yes"),
                               "appropriate_person", S ("none"),
                               "status", S ("allocated"), "considered_on", S ("2025-03-06"),
                               "referred_on", S ("2025-03-07"), "allocated_on", S ("2025-03-09"),
                               "organisation", S ("Advocacy Together"), "advocate", S ("Pat Advocate"),
                               NULL);
  }
  c->action = save_record (vault, HK_RECORD_KIND_ACTION, NULL, hk_record_get_id (c->kase), 0,
                           "description", S ("Go with her to the bank to change her card"),
                           "owner", S ("Sam"), "due_on", S ("2025-03-20"), "done_on", S ("2025-03-19"),
                           "principles", strv ("empowerment", "protection", NULL),
                           NULL);
  c->note = save_record (vault, HK_RECORD_KIND_NOTE, NULL, hk_record_get_id (c->kase), 0,
                         "kind", S ("visit"), "occurred_at", S ("2025-03-08T10:00:00+00:00"),
                         "text", S ("Visited; she showed me the new lock on the door."),
                         "principles", strv ("empowerment", "prevention", NULL),
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

static HkPromptList *
prompt_list (Fixture *f)
{
  return HK_PROMPT_LIST (hk_test_ui_get_by_id (GTK_WIDGET (case_page (f)), "prompt_list"));
}

static HkMspSummary *
msp_summary (Fixture *f)
{
  return HK_MSP_SUMMARY (hk_test_ui_get_by_id (GTK_WIDGET (case_page (f)), "msp_summary"));
}

static gboolean
is_loading (Fixture *f)
{
  gboolean loading = FALSE;

  g_object_get (f->casebook, "loading", &loading, NULL);
  return loading;
}

static void
set_vault_and_wait (Fixture *f)
{
  hk_casebook_set_vault (f->casebook, f->vault);
  HK_TEST_UI_WAIT_UNTIL (!hk_case_list_view_get_busy (list_view (f)));
}

static const char *
current_case_id (Fixture *f)
{
  HkRecord *kase = hk_case_page_get_case (case_page (f));

  return kase ? hk_record_get_id (kase) : NULL;
}

/* Shows @kase (again) and waits for its records, prompts and histories. */
static void
show_case_and_wait (Fixture  *f,
                    HkRecord *kase)
{
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.show-case",
                       g_variant_new_string (hk_record_get_id (kase)));
  HK_TEST_UI_WAIT_UNTIL (g_strcmp0 (current_case_id (f), hk_record_get_id (kase)) == 0 && !is_loading (f));
}

static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  return hk_test_ui_find_label (root, text) != NULL;
}

static const char *
row_title (GtkWidget *row)
{
  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
assert_opens (GtkWidget  *item,
              const char *action,
              HkRecord   *record)
{
  GVariant *target;

  g_assert_nonnull (item);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (item)), ==, action);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (item));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, hk_record_get_id (record));
}

/* The list row showing @case_id (rows are recycled: by their summary). */
static GtkWidget *
find_case_row (GtkWidget  *root,
               const char *case_id)
{
  if (HK_IS_CASE_ROW (root))
    {
      HkCaseSummary *summary = hk_case_row_get_summary (HK_CASE_ROW (root));

      return summary && g_str_equal (hk_case_summary_get_case_id (summary), case_id) ? root : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_case_row (child, case_id);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWindow *
wait_for_record_editor (void)
{
  GtkWindow *editor;

  HK_TEST_UI_WAIT_UNTIL ((editor = hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR)) != NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_form_editor_get_ready (HK_FORM_EDITOR (editor)));
  return editor;
}

/* Picks the item of an AdwComboRow whose label is @label, as a user would. */
static void
choose (GtkWidget  *combo,
        const char *label)
{
  GListModel *model;
  guint n;

  g_assert_true (ADW_IS_COMBO_ROW (combo));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), label) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }
  g_error ("No choice “%s”", label);
}

/* Tests */

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_auto(FullCase) c = { 0 };
  HkCasePage *page;
  HkPrinciplesView *principles;
  GtkWidget *item, *advocacy_group;

  add_full_case (f->vault, &c);
  set_vault_and_wait (f);
  show_case_and_wait (f, c.kase);
  page = case_page (f);

  g_assert_cmpstr (hk_case_page_get_view (page), ==, "sections");
  g_assert_cmpuint (hk_case_page_get_case_records (page)->len, ==, 10);

  /* Every record has its item, and each opens the record's editor. */
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.concern)), "casebook.edit-record", c.concern);
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.risk)), "casebook.edit-record", c.risk);
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.conversation)), "casebook.edit-record", c.conversation);
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.outcome)), "casebook.edit-record", c.outcome);
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.capacity)), "casebook.edit-record", c.capacity);
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.best_interests)), "casebook.edit-record", c.best_interests);
  assert_opens (hk_case_page_find_item (page, hk_record_get_id (c.action)), "casebook.edit-record", c.action);
  /* Enquiries and referrals are expander rows: their edit button opens them. */
  g_assert_true (ADW_IS_EXPANDER_ROW (hk_case_page_find_item (page, hk_record_get_id (c.enquiry))));
  g_assert_true (ADW_IS_EXPANDER_ROW (hk_case_page_find_item (page, hk_record_get_id (c.advocacy))));

  /* Concern and enquiry, with the risk's SAC labels */
  g_assert_cmpstr (row_title (hk_case_page_find_item (page, hk_record_get_id (c.concern))), ==,
                   "Concern received 3 Mar 2025");
  g_assert_cmpstr (row_title (hk_case_page_find_item (page, hk_record_get_id (c.enquiry))), ==,
                   "Section 42 enquiry");
  item = hk_case_page_find_item (page, hk_record_get_id (c.risk));
  g_assert_cmpstr (row_title (item), ==, "Risk: Financial or Material Abuse");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (item)), "Own Home"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (item)), "Risk outcome not recorded yet"));

  /* The person's own words, quoted, in large text */
  item = hk_case_page_find_item (page, hk_record_get_id (c.outcome));
  g_assert_true (label_contains (item, "“I want to stay in my own home”"));
  g_assert_true (gtk_widget_has_css_class (hk_test_ui_find_label (item, "“I want to stay in my own home”"), "title-4"));
  g_assert_true (label_contains (item, "Not rated yet"));
  item = hk_case_page_find_item (page, hk_record_get_id (c.conversation));
  g_assert_cmpstr (row_title (item), ==, "At the concern, 4 Mar 2025");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (item)), "With: The adult, A representative"));

  /* Capacity per decision; the best-interests decision */
  item = hk_case_page_find_item (page, hk_record_get_id (c.capacity));
  g_assert_cmpstr (row_title (item), ==, "Managing her money");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (item)), "Has capacity for this decision"));
  g_assert_cmpstr (row_title (hk_case_page_find_item (page, hk_record_get_id (c.best_interests))), ==,
                   "Best-interests decision: Where to live");

  /* Advocacy: the status history, from the dates and the earlier revision */
  advocacy_group = hk_test_ui_get_by_id (GTK_WIDGET (page), "advocacy_group");
  item = hk_case_page_find_item (page, hk_record_get_id (c.advocacy));
  g_assert_cmpstr (row_title (item), ==, "Care Act section 68 (safeguarding enquiry or review)");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item)), "Allocated"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item)), "Pat Advocate, Advocacy Together"));
  g_assert_true (label_contains (advocacy_group, "Considered"));
  g_assert_true (label_contains (advocacy_group, "Referred"));
  g_assert_true (label_contains (advocacy_group, "9 Mar 2025"));

  /* Actions */
  item = hk_case_page_find_item (page, hk_record_get_id (c.action));
  g_assert_cmpstr (row_title (item), ==, "Go with her to the bank to change her card");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (item)), "Done 19 Mar 2025"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (item)), "Principles: Empowerment, Protection"));

  /* Principles: the note, the action and the conversation under theirs */
  principles = HK_PRINCIPLES_VIEW (hk_test_ui_get_by_id (GTK_WIDGET (page), "principles_view"));
  g_assert_cmpuint (hk_principles_view_get_count (principles, "empowerment"), ==, 3);
  g_assert_cmpuint (hk_principles_view_get_count (principles, "prevention"), ==, 1);
  g_assert_cmpuint (hk_principles_view_get_count (principles, "protection"), ==, 1);
  g_assert_cmpuint (hk_principles_view_get_count (principles, "proportionality"), ==, 0);
  g_assert_cmpuint (hk_principles_view_get_count (principles, "partnership"), ==, 0);
  g_assert_cmpuint (hk_principles_view_get_count (principles, "accountability"), ==, 0);

  /* The window title never names anyone. */
  g_assert_cmpstr (gtk_window_get_title (f->window), ==, "Hearken");

  /* Locking drops every decrypted record from the page. */
  hk_casebook_set_vault (f->casebook, NULL);
  g_assert_null (hk_case_page_get_case_records (page));
  g_assert_null (hk_case_page_find_item (page, hk_record_get_id (c.outcome)));
  g_assert_null (gtk_list_box_get_row_at_index (hk_case_page_get_timeline (page), 0));
  g_assert_cmpuint (hk_prompt_list_get_n_prompts (prompt_list (f)), ==, 0);
  g_assert_false (label_contains (GTK_WIDGET (page), "I want to stay in my own home"));
  g_assert_false (label_contains (GTK_WIDGET (page), "Managing her money"));
  g_assert_cmpuint (hk_principles_view_get_count (principles, "empowerment"), ==, 0);
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_auto(FullCase) c = { 0 };
  static const struct {
    const char *title;
    const char *when;
  } expected[] = {
    { "Action done",                                  "2025-03-19" },  /* done: its due date is left out */
    { "Best-interests decision made",                 "2025-03-12" },
    { "Capacity assessed",                            "2025-03-10" },
    { "Advocate allocated",                           "2025-03-09" },
    { "Note of a visit",                              "2025-03-08T10:00:00+00:00" },
    { "Referred for advocacy",                        "2025-03-07" },
    { NULL,                                           "2025-03-06" },  /* enquiry, its risk, advocacy considered */
    { NULL,                                           "2025-03-06" },
    { NULL,                                           "2025-03-06" },
    { "Concern decided: Section 42 enquiry",          "2025-03-05" },
    { NULL,                                           "2025-03-04" },  /* conversation and desired outcome */
    { NULL,                                           "2025-03-04" },
    { "Concern received",                             "2025-03-03" },
  };
  g_autoptr(GHashTable) same_day = g_hash_table_new (g_str_hash, g_str_equal);
  GtkListBox *timeline;
  GtkWidget *stack;
  guint n = 0;

  add_full_case (f->vault, &c);
  set_vault_and_wait (f);
  show_case_and_wait (f, c.kase);

  /* Switched through the action, as the toggle buttons and Alt+2 do */
  hk_test_ui_activate (GTK_WIDGET (case_page (f)), "case-page.view", g_variant_new_string ("timeline"));
  stack = hk_test_ui_get_by_id (GTK_WIDGET (case_page (f)), "view_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "timeline");
  g_assert_cmpstr (hk_case_page_get_view (case_page (f)), ==, "timeline");

  timeline = hk_case_page_get_timeline (case_page (f));
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (timeline, n)) != NULL; n++)
    {
      HkTimelineRow *trow = HK_TIMELINE_ROW (row);

      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (hk_timeline_row_get_when (trow), ==, expected[n].when);
      if (expected[n].title)
        g_assert_cmpstr (hk_timeline_row_get_title (trow), ==, expected[n].title);
      else
        g_hash_table_add (same_day, (gpointer) hk_timeline_row_get_title (trow));
      /* Each row opens its record: notes through the note editor. */
      assert_opens (GTK_WIDGET (row),
                    hk_record_get_kind (hk_timeline_row_get_record (trow)) == HK_RECORD_KIND_NOTE
                      ? "casebook.edit-note" : "casebook.edit-record",
                    hk_timeline_row_get_record (trow));
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_true (g_hash_table_contains (same_day, "Section 42 enquiry started"));
  g_assert_true (g_hash_table_contains (same_day, "Risk: Financial or Material Abuse"));
  g_assert_true (g_hash_table_contains (same_day, "Advocacy considered"));
  g_assert_true (g_hash_table_contains (same_day, "Outcome conversation"));
  g_assert_true (g_hash_table_contains (same_day, "Desired outcome expressed"));

  /* A rating adds its own event, newest first. */
  {
    g_autoptr(HkRecord) rated = save_record (f->vault, HK_RECORD_KIND_OUTCOME, hk_record_get_id (c.outcome), NULL,
                                             hk_record_get_revision (c.outcome),
                                             "words", S ("I want to stay in my own home"),
                                             "expressed_on", S ("2025-03-04"),
                                             "achieved", S ("partially"),
                                             "person_view", S ("I am home, but I still worry."),
                                             "rated_on", S ("2025-04-01"),
                                             NULL);
  }
  show_case_and_wait (f, c.kase);
  g_assert_cmpstr (hk_timeline_row_get_title (HK_TIMELINE_ROW (gtk_list_box_get_row_at_index (timeline, 0))), ==,
                   "Desired outcome rated: Partially Achieved");

  /* And back */
  hk_test_ui_activate (GTK_WIDGET (case_page (f)), "case-page.view", g_variant_new_string ("sections"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "sections");
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_auto(FullCase) c = { 0 };
  g_autoptr(HkRecord) empty = NULL;
  HkMspSummary *summary;

  add_full_case (f->vault, &c);
  empty = add_case (f->vault, "Eden Empty", "2025-06-01");
  set_vault_and_wait (f);

  /* Nothing recorded yet: the card says so, and no capacity flag. */
  show_case_and_wait (f, empty);
  summary = msp_summary (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summary)));
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "asked"), ==, "Not yet: no outcome conversation recorded");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "expressed"), ==, "No desired outcomes recorded yet");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "achieved"), ==, "Nothing to rate yet");
  g_assert_nonnull (strstr (hk_msp_summary_get_answer (summary, "capacity"), "No assessments"));
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "advocacy"), ==, "No advocacy referral");

  show_case_and_wait (f, c.kase);
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "asked"), ==, "Yes they were asked and outcomes were expressed");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "expressed"), ==, "Yes: 1 desired outcome");
  g_assert_true (label_contains (GTK_WIDGET (summary), "“I want to stay in my own home”"));
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "achieved"), ==, "Not rated yet: outcomes are rated at closure");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "capacity"), ==,
                   "Managing her money: Has capacity for this decision (10 Mar 2025)");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "advocacy"), ==,
                   "Care Act section 68 (safeguarding enquiry or review): Allocated");

  /* A second outcome, both rated; a later assessment of the same decision
   * replaces the first, another decision gets its own line. */
  {
    g_autoptr(HkRecord) rated = save_record (f->vault, HK_RECORD_KIND_OUTCOME, hk_record_get_id (c.outcome), NULL,
                                             hk_record_get_revision (c.outcome),
                                             "words", S ("I want to stay in my own home"),
                                             "expressed_on", S ("2025-03-04"), "achieved", S ("fully"),
                                             "person_view", S ("I am still here."), "rated_on", S ("2025-05-01"),
                                             NULL);
    g_autoptr(HkRecord) second = save_record (f->vault, HK_RECORD_KIND_OUTCOME, NULL, hk_record_get_id (c.kase), 0,
                                              "words", S ("I want my money back"),
                                              "expressed_on", S ("2025-03-11"), "achieved", S ("not"),
                                              "person_view", S ("The bank said no."), "rated_on", S ("2025-05-01"),
                                              NULL);
    g_autoptr(HkRecord) later = save_record (f->vault, HK_RECORD_KIND_CAPACITY, NULL, hk_record_get_id (c.kase), 0,
                                             "decision", S ("managing her money "), "assessed_on", S ("2025-04-10"),
                                             "relevant_information", S ("Income and bills."),
                                             "practicable_steps", S ("A quiet room."),
                                             "impairment", S ("yes"), "impairment_detail", S ("Dementia."),
                                             "understand", S ("unable"), "understand_evidence", S ("Could not explain."),
                                             "retain", S ("unable"), "retain_evidence", S ("Forgot in minutes."),
                                             "use_weigh", S ("unable"), "use_weigh_evidence", S ("Could not weigh."),
                                             "communicate", S ("able"), "communicate_evidence", S ("Spoke clearly."),
                                             "causal_link", S ("yes"), "causal_link_evidence", S ("Because of dementia."),
                                             "outcome", S ("lacks_capacity"), "assessor", S ("Sam Assessor"),
                                             NULL);
    g_autoptr(HkRecord) other = save_record (f->vault, HK_RECORD_KIND_CAPACITY, NULL, hk_record_get_id (c.kase), 0,
                                             "decision", S ("Where to live"), "assessed_on", S ("2025-03-11"),
                                             "relevant_information", S ("Options."), "practicable_steps", S ("Visits."),
                                             "impairment", S ("no"),
                                             "understand", S ("able"), "understand_evidence", S ("Yes."),
                                             "retain", S ("able"), "retain_evidence", S ("Yes."),
                                             "use_weigh", S ("able"), "use_weigh_evidence", S ("Yes."),
                                             "communicate", S ("able"), "communicate_evidence", S ("Yes."),
                                             "outcome", S ("has_capacity"), "assessor", S ("Sam Assessor"),
                                             NULL);
  }
  show_case_and_wait (f, c.kase);
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "expressed"), ==, "Yes: 2 desired outcomes");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "achieved"), ==, "Fully Achieved: 1 · Not Achieved: 1");
  g_assert_cmpstr (hk_msp_summary_get_answer (summary, "capacity"), ==,
                   "managing her money: Lacks capacity for this decision (10 Apr 2025)\n"
                   "Where to live: Has capacity for this decision (11 Mar 2025)");
}

static void
test_prompts (Fixture       *f,
              gconstpointer  data)
{
  g_auto(FullCase) c = { 0 };
  g_autoptr(HkRecord) quiet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  HkPromptList *prompts;
  GtkWindow *editor;
  HkFormFields *form;

  add_full_case (f->vault, &c);
  quiet = add_case (f->vault, "Quinn Quiet", "2025-06-01");
  set_vault_and_wait (f);
  show_case_and_wait (f, c.kase);
  prompts = prompt_list (f);

  /* A risk identified without a risk outcome: a banner and a checklist row
   * that opens the risk. */
  g_assert_true (hk_prompt_list_get_banner_shown (prompts));
  g_assert_true (hk_prompt_list_has_code (prompts, "risk-without-outcome"));
  g_assert_cmpuint (hk_prompt_list_get_n_prompts (prompts), ==, 1);
  g_assert_cmpuint (hk_prompt_list_get_n_blocking (prompts), ==, 1);
  g_assert_true (label_contains (GTK_WIDGET (prompts), "1 practice prompt must be resolved before this case can close"));
  g_assert_true (label_contains (GTK_WIDGET (prompts), "Must be resolved before closing"));

  /* The prompt's Open button opens the risk in the real editor; the outcome
   * is chosen there and saved. */
  {
    GtkWidget *open = hk_test_ui_find_by_type (GTK_WIDGET (prompts), GTK_TYPE_BUTTON);

    assert_opens (open, "casebook.edit-record", c.risk);
    g_assert_true (gtk_widget_activate (open));
  }
  editor = wait_for_record_editor ();
  g_assert_cmpint (hk_record_editor_get_kind (HK_RECORD_EDITOR (editor)), ==, HK_RECORD_KIND_RISK);
  g_assert_cmpstr (hk_record_get_id (hk_record_editor_get_record (HK_RECORD_EDITOR (editor))), ==,
                   hk_record_get_id (c.risk));
  form = hk_record_editor_get_form (HK_RECORD_EDITOR (editor));
  choose (hk_form_fields_get_widget (form, "outcome"), "Risk reduced");
  hk_test_ui_activate (GTK_WIDGET (editor), "editor.save", NULL);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);

  /* The save reloads the page: the banner goes, and the vault has it. */
  HK_TEST_UI_WAIT_UNTIL (!is_loading (f) && !hk_prompt_list_has_code (prompts, "risk-without-outcome"));
  g_assert_false (hk_prompt_list_get_banner_shown (prompts));
  g_assert_cmpuint (hk_prompt_list_get_n_prompts (prompts), ==, 0);
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (prompts), "checklist")));
  risks = hk_vault_list (f->vault, HK_RECORD_KIND_RISK, hk_record_get_id (c.enquiry), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, ==, 1);
  g_assert_cmpstr (hk_record_get_string (g_ptr_array_index (risks, 0), "outcome"), ==, "reduced");
  g_assert_cmpint (hk_record_get_revision (g_ptr_array_index (risks, 0)), ==, 2);
  g_assert_true (label_contains (hk_case_page_find_item (case_page (f), hk_record_get_id (c.risk)), "Risk reduced"));

  /* Info-only prompts list without a banner: a concern with no decision. */
  {
    g_autoptr(HkRecord) concern = save_record (f->vault, HK_RECORD_KIND_CONCERN, NULL, hk_record_get_id (quiet), 0,
                                               "received_on", S ("2025-06-02"),
                                               "raised_by_role", S ("Neighbour"),
                                               "reported", S ("Not seen for days."),
                                               "criterion_needs", S ("not_known"), "criterion_needs_reason", S ("?"),
                                               "criterion_abuse", S ("not_known"), "criterion_abuse_reason", S ("?"),
                                               "criterion_protect", S ("not_known"), "criterion_protect_reason", S ("?"),
                                               NULL);
    g_autoptr(HkRecord) asked = save_record (f->vault, HK_RECORD_KIND_CONVERSATION, NULL, hk_record_get_id (quiet), 0,
                                             "held_on", S ("2025-06-02"), "phase", S ("at_concern"),
                                             "participants", strv ("adult", NULL),
                                             "asked", S ("asked_not_expressed"),
                                             "wellbeing", S ("mixed"), "safety", S ("safe"),
                                             NULL);
  }
  show_case_and_wait (f, quiet);
  g_assert_true (hk_prompt_list_has_code (prompts, "concern-undecided"));
  g_assert_false (hk_prompt_list_get_banner_shown (prompts));
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (GTK_WIDGET (prompts), "checklist")));
}

static void
test_record_actions (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(FullCase) c = { 0 };
  GtkWindow *editor;

  add_full_case (f->vault, &c);
  set_vault_and_wait (f);
  show_case_and_wait (f, c.kase);

  /* Each section's Add: a new record of the kind, under the case shown */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-record", g_variant_new ("(ss)", "capacity", ""));
  editor = wait_for_record_editor ();
  g_assert_cmpint (hk_record_editor_get_kind (HK_RECORD_EDITOR (editor)), ==, HK_RECORD_KIND_CAPACITY);
  g_assert_cmpstr (hk_record_editor_get_parent_id (HK_RECORD_EDITOR (editor)), ==, hk_record_get_id (c.kase));
  g_assert_null (hk_record_editor_get_record (HK_RECORD_EDITOR (editor)));
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Hearken");
  gtk_window_destroy (editor);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);

  /* A risk hangs off its enquiry ("Add Risk…" under the enquiry). */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.new-record",
                       g_variant_new ("(ss)", "risk", hk_record_get_id (c.enquiry)));
  editor = wait_for_record_editor ();
  g_assert_cmpint (hk_record_editor_get_kind (HK_RECORD_EDITOR (editor)), ==, HK_RECORD_KIND_RISK);
  g_assert_cmpstr (hk_record_editor_get_parent_id (HK_RECORD_EDITOR (editor)), ==, hk_record_get_id (c.enquiry));
  gtk_window_destroy (editor);
  HK_TEST_UI_WAIT_UNTIL (hk_test_ui_find_toplevel (HK_TYPE_RECORD_EDITOR) == NULL);

  /* Each item opens its record. */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.edit-record",
                       g_variant_new_string (hk_record_get_id (c.outcome)));
  editor = wait_for_record_editor ();
  g_assert_cmpint (hk_record_editor_get_kind (HK_RECORD_EDITOR (editor)), ==, HK_RECORD_KIND_OUTCOME);
  g_assert_cmpstr (hk_record_get_id (hk_record_editor_get_record (HK_RECORD_EDITOR (editor))), ==,
                   hk_record_get_id (c.outcome));

  /* Asking again brings back the same editor. */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.edit-record",
                       g_variant_new_string (hk_record_get_id (c.outcome)));
  hk_test_ui_flush ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint editors = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        editors += HK_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window));
      }
    g_assert_cmpuint (editors, ==, 1);
  }
  gtk_window_destroy (editor);
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HkRecord) concern_case = add_case (f->vault, "Connie Concern", "2025-01-10");
  g_autoptr(HkRecord) enquiry_case = add_case (f->vault, "Enid Enquiry", "2025-01-11");
  g_autoptr(HkRecord) quiet_case = add_case (f->vault, "Nadia None", "2025-01-12");
  g_autoptr(HkRecord) closed_case = NULL;
  g_autoptr(HkRecord) concern = NULL;
  g_autoptr(HkRecord) enquiry_concern = NULL;
  g_autoptr(HkRecord) enquiry = NULL;
  g_autoptr(HkRecord) risk = NULL;
  g_autoptr(HkRecord) asked = NULL;
  g_autoptr(GError) error = NULL;
  HkCaseListView *view;
  GtkWidget *row;

  concern = add_concern (f->vault, concern_case);
  enquiry_concern = add_concern (f->vault, enquiry_case);
  enquiry = add_enquiry (f->vault, enquiry_case);
  risk = add_risk_without_outcome (f->vault, enquiry);
  /* Outcomes asked about at the concern: only the risk is outstanding. */
  asked = save_record (f->vault, HK_RECORD_KIND_CONVERSATION, NULL, hk_record_get_id (concern_case), 0,
                       "held_on", S ("2025-03-04"), "phase", S ("at_concern"),
                       "participants", strv ("adult", NULL), "asked", S ("asked_not_expressed"),
                       "wellbeing", S ("mixed"), "safety", S ("safe"), NULL);
  g_clear_object (&asked);
  asked = save_record (f->vault, HK_RECORD_KIND_CONVERSATION, NULL, hk_record_get_id (enquiry_case), 0,
                       "held_on", S ("2025-03-04"), "phase", S ("at_concern"),
                       "participants", strv ("adult", NULL), "asked", S ("asked_not_expressed"),
                       "wellbeing", S ("mixed"), "safety", S ("safe"), NULL);
  {
    /* Closed with the reason there was no closing conversation: no prompt. */
    g_autoptr(HkRecord) person = save_record (f->vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0,
                                              "name", S ("Cleo Closed"), NULL);
    g_autoptr(HkRecord) kase = save_record (f->vault, HK_RECORD_KIND_CASE, NULL, hk_record_get_id (person), 0,
                                            "status", S ("open"), "opened_on", S ("2025-01-09"),
                                            "no_conversation_reason", S ("She moved away before we could meet."),
                                            NULL);

    closed_case = hk_vault_close_case (f->vault, hk_record_get_id (kase), "2025-02-01", NULL, &error);
    g_assert_no_error (error);
  }

  set_vault_and_wait (f);
  view = list_view (f);

  /* The stages and prompt counts arrive after the list. */
  g_assert_cmpint (hk_case_summary_get_stage (hk_case_list_view_lookup (view, hk_record_get_id (concern_case))), ==,
                   HK_CASE_STAGE_CONCERN);
  g_assert_cmpint (hk_case_summary_get_stage (hk_case_list_view_lookup (view, hk_record_get_id (enquiry_case))), ==,
                   HK_CASE_STAGE_ENQUIRY);
  g_assert_cmpint (hk_case_summary_get_stage (hk_case_list_view_lookup (view, hk_record_get_id (quiet_case))), ==,
                   HK_CASE_STAGE_NONE);
  g_assert_cmpint (hk_case_summary_get_stage (hk_case_list_view_lookup (view, hk_record_get_id (closed_case))), ==,
                   HK_CASE_STAGE_CLOSED);
  g_assert_cmpuint (hk_case_summary_get_prompt_count (hk_case_list_view_lookup (view, hk_record_get_id (enquiry_case))), ==, 1);
  g_assert_cmpuint (hk_case_summary_get_blocking_count (hk_case_list_view_lookup (view, hk_record_get_id (enquiry_case))), ==, 1);
  g_assert_cmpuint (hk_case_summary_get_prompt_count (hk_case_list_view_lookup (view, hk_record_get_id (concern_case))), ==, 0);

  /* Open cases by default: three. The rows show the stage and the badge. */
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 3);
  row = find_case_row (GTK_WIDGET (view), hk_record_get_id (enquiry_case));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (row, "stage_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hk_test_ui_get_by_id (row, "stage_label"))), ==, "Enquiry");
  g_assert_true (gtk_widget_get_visible (hk_test_ui_get_by_id (row, "prompt_badge")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hk_test_ui_get_by_id (row, "prompt_label"))), ==, "1");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hk_test_ui_get_by_id (row, "prompt_badge")), ==,
                   "1 outstanding practice prompt, 1 of them must be resolved before closing");
  row = find_case_row (GTK_WIDGET (view), hk_record_get_id (quiet_case));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (hk_test_ui_get_by_id (row, "prompt_badge")));

  /* By stage */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-stage", g_variant_new_string ("enquiry"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 1);
  g_assert_cmpstr (hk_case_summary_get_case_id (g_list_model_get_item (hk_case_list_view_get_shown (view), 0)), ==,
                   hk_record_get_id (enquiry_case));
  g_object_unref (g_list_model_get_item (hk_case_list_view_get_shown (view), 0));
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-stage", g_variant_new_string ("concern"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 1);
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-stage", g_variant_new_string ("none"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 1);

  /* Combined with the open/closed filter: closed cases are not open. */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-stage", g_variant_new_string ("closed"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 0);
  g_assert_true (label_contains (GTK_WIDGET (view), "No cases match these filters"));
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter", g_variant_new_string ("all"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 1);

  /* With outstanding prompts, every stage */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-stage", g_variant_new_string ("all"));
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 4);
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-prompts", NULL);  /* on */
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 1);
  g_assert_true (hk_case_list_view_get_prompts_filter (view));

  /* And with search */
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-prompts", NULL);  /* off */
  hk_test_ui_set_text (GTK_WIDGET (hk_case_list_view_get_search_entry (view)), "Connie");
  HK_TEST_UI_WAIT_UNTIL (g_list_model_get_n_items (hk_case_list_view_get_shown (view)) == 1 &&
                         !hk_case_list_view_get_busy (view));
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-prompts", NULL);  /* on */
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 0);
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-prompts", NULL);  /* off */
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 1);

  /* Saving the risk outcome clears the prompt in the list. */
  hk_test_ui_set_text (GTK_WIDGET (hk_case_list_view_get_search_entry (view)), "");
  HK_TEST_UI_WAIT_UNTIL (g_list_model_get_n_items (hk_case_list_view_get_shown (view)) == 4 &&
                         !hk_case_list_view_get_busy (view));
  {
    g_autoptr(HkRecord) done = save_record (f->vault, HK_RECORD_KIND_RISK, hk_record_get_id (risk), NULL,
                                            hk_record_get_revision (risk),
                                            "risk_type", S ("financial"), "location", S ("own_home"),
                                            "source", S ("known"), "assessment", S ("identified_action"),
                                            "outcome", S ("removed"), NULL);
  }
  hk_case_list_view_reload (view);
  HK_TEST_UI_WAIT_UNTIL (!hk_case_list_view_get_busy (view));
  hk_test_ui_activate (GTK_WIDGET (f->casebook), "casebook.filter-prompts", NULL);  /* on */
  g_assert_cmpuint (g_list_model_get_n_items (hk_case_list_view_get_shown (view)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  hk_test_ui_init (&argc, &argv);
  g_assert_true (hk_init ());

  g_test_add ("/ui/casepage/sections", Fixture, NULL, fixture_setup, test_sections, fixture_teardown);
  g_test_add ("/ui/casepage/timeline", Fixture, NULL, fixture_setup, test_timeline, fixture_teardown);
  g_test_add ("/ui/casepage/summary", Fixture, NULL, fixture_setup, test_summary, fixture_teardown);
  g_test_add ("/ui/casepage/prompts", Fixture, NULL, fixture_setup, test_prompts, fixture_teardown);
  g_test_add ("/ui/casepage/record-actions", Fixture, NULL, fixture_setup, test_record_actions, fixture_teardown);
  g_test_add ("/ui/casepage/list-filters", Fixture, NULL, fixture_setup, test_list_filters, fixture_teardown);

  return g_test_run ();
}
