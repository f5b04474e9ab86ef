/* test-prompts.c: the practice-prompt rules, table-driven
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-test-utils.h"
#include "hk-record-private.h"

#define MAX_RECORDS 6

typedef struct
{
  HkRecordKind  kind;
  const char   *fields;   /* GVariant text of an a{sv} */
} Rec;

typedef struct
{
  const char *name;
  const char *case_fields;
  Rec         records[MAX_RECORDS];
  gboolean    closing;
  const char *code;       /* the rule under test */
  gboolean    expected;   /* whether it must fire */
} Case;

#define OPEN_CASE "{'status': <'open'>, 'opened_on': <'2026-01-01'>}"
#define CLOSED_CASE "{'status': <'closed'>, 'opened_on': <'2026-01-01'>, 'closed_on': <'2026-03-01'>}"
#define CONCERN { HK_RECORD_KIND_CONCERN, "{'received_on': <'2026-01-01'>, 'decision': <'s42_enquiry'>}" }
#define S42_OPEN { HK_RECORD_KIND_ENQUIRY, "{'enquiry_type': <'s42'>, 'started_on': <'2026-01-02'>}" }
#define S42_DONE { HK_RECORD_KIND_ENQUIRY, "{'enquiry_type': <'s42'>, 'started_on': <'2026-01-02'>, 'concluded_on': <'2026-02-20'>}" }
#define CONV(phase, asked) { HK_RECORD_KIND_CONVERSATION, "{'phase': <'" phase "'>, 'asked': <'" asked "'>, 'held_on': <'2026-01-03'>}" }
#define CONV_GRID(phase) { HK_RECORD_KIND_CONVERSATION, "{'phase': <'" phase "'>, 'asked': <'asked_expressed'>, 'wellbeing': <'low'>, 'safety': <'unsafe'>}" }
#define OUTCOME(extra) { HK_RECORD_KIND_OUTCOME, "{'words': <'I want to feel safe at home'>" extra "}" }
#define ADVOCACY(extra) { HK_RECORD_KIND_ADVOCACY, "{" extra "}" }
#define CAPACITY(extra) { HK_RECORD_KIND_CAPACITY, "{" extra "}" }
#define RISK(extra) { HK_RECORD_KIND_RISK, "{'risk_type': <'financial'>" extra "}" }

static const Case cases[] = {
  /* Outcomes asked at the concern stage */
  { "concern, nobody asked", OPEN_CASE, { CONCERN }, FALSE, "msp-not-asked-at-concern", TRUE },
  { "concern, asked at concern", OPEN_CASE, { CONCERN, CONV ("at_concern", "asked_expressed") }, FALSE, "msp-not-asked-at-concern", FALSE },
  { "concern, asked but none expressed", OPEN_CASE, { CONCERN, CONV ("at_concern", "asked_not_expressed") }, FALSE, "msp-not-asked-at-concern", FALSE },
  { "concern, recorded as not asked", OPEN_CASE, { CONCERN, CONV ("at_concern", "not_asked") }, FALSE, "msp-not-asked-at-concern", TRUE },
  { "concern, asked only later", OPEN_CASE, { CONCERN, CONV ("during_enquiry", "asked_expressed") }, FALSE, "msp-not-asked-at-concern", TRUE },
  { "no concern yet", OPEN_CASE, { { 0 } }, FALSE, "msp-not-asked-at-concern", FALSE },
  /* Expressed outcomes recorded in the person's words */
  { "expressed, none recorded", OPEN_CASE, { CONV ("at_concern", "asked_expressed") }, FALSE, "msp-outcomes-not-recorded", TRUE },
  { "expressed and recorded", OPEN_CASE, { CONV ("at_concern", "asked_expressed"), OUTCOME ("") }, FALSE, "msp-outcomes-not-recorded", FALSE },
  { "none expressed", OPEN_CASE, { CONV ("at_concern", "asked_not_expressed") }, FALSE, "msp-outcomes-not-recorded", FALSE },
  /* Capacity doubted for a decision with no assessment */
  { "doubt, no assessment", "{'status': <'open'>, 'capacity_doubts': <['Moving into a care home']>}", { { 0 } }, FALSE, "capacity-doubted-no-assessment", TRUE },
  { "doubt, assessed (any case)", "{'status': <'open'>, 'capacity_doubts': <['Moving into a care home']>}",
    { CAPACITY ("'decision': <'moving into a CARE home'>, 'outcome': <'has_capacity'>") }, FALSE, "capacity-doubted-no-assessment", FALSE },
  { "doubt, other decision assessed", "{'status': <'open'>, 'capacity_doubts': <['Moving into a care home']>}",
    { CAPACITY ("'decision': <'Managing money'>") }, FALSE, "capacity-doubted-no-assessment", TRUE },
  /* s68: substantial difficulty, no appropriate person, during a Section 42 enquiry */
  { "s68 duty unmet", OPEN_CASE, { S42_OPEN, ADVOCACY ("'basis': <'care_act_s68'>, 'status': <'considered'>, 'difficulty_retaining': <'yes'>, 'appropriate_person': <'none'>") }, FALSE, "advocacy-s68-duty", TRUE },
  { "s68 duty met by referral", OPEN_CASE, { S42_OPEN, ADVOCACY ("'basis': <'care_act_s68'>, 'status': <'referred'>, 'difficulty_retaining': <'yes'>, 'appropriate_person': <'none'>") }, FALSE, "advocacy-s68-duty", FALSE },
  { "s68: appropriate person", OPEN_CASE, { S42_OPEN, ADVOCACY ("'basis': <'care_act_s68'>, 'status': <'considered'>, 'difficulty_retaining': <'yes'>, 'appropriate_person': <'yes_consents'>") }, FALSE, "advocacy-s68-duty", FALSE },
  { "s68: no difficulty", OPEN_CASE, { S42_OPEN, ADVOCACY ("'basis': <'care_act_s68'>, 'status': <'considered'>, 'difficulty_retaining': <'no'>, 'appropriate_person': <'none'>") }, FALSE, "advocacy-s68-duty", FALSE },
  { "s68: other enquiry", OPEN_CASE, { { HK_RECORD_KIND_ENQUIRY, "{'enquiry_type': <'other'>}" }, ADVOCACY ("'difficulty_retaining': <'yes'>, 'appropriate_person': <'none'>, 'status': <'considered'>") }, FALSE, "advocacy-s68-duty", FALSE },
  { "s68: enquiry concluded", OPEN_CASE, { S42_DONE, ADVOCACY ("'difficulty_retaining': <'yes'>, 'appropriate_person': <'none'>, 'status': <'considered'>") }, FALSE, "advocacy-s68-duty", FALSE },
  { "advocacy never considered", OPEN_CASE, { S42_OPEN }, FALSE, "advocacy-not-considered", TRUE },
  { "advocacy considered", OPEN_CASE, { S42_OPEN, ADVOCACY ("'status': <'considered'>") }, FALSE, "advocacy-not-considered", FALSE },
  /* IMCA where the person lacks capacity to agree to protective measures */
  { "lacks capacity for protection, no IMCA", OPEN_CASE, { CAPACITY ("'outcome': <'lacks_capacity'>, 'protective_measures': <true>") }, FALSE, "imca-protective-measures", TRUE },
  { "IMCA considered", OPEN_CASE, { CAPACITY ("'outcome': <'lacks_capacity'>, 'protective_measures': <true>"), ADVOCACY ("'basis': <'imca_adult_protection'>, 'status': <'considered'>") }, FALSE, "imca-protective-measures", FALSE },
  { "lacks capacity for something else", OPEN_CASE, { CAPACITY ("'outcome': <'lacks_capacity'>, 'protective_measures': <false>") }, FALSE, "imca-protective-measures", FALSE },
  { "has capacity for protection", OPEN_CASE, { CAPACITY ("'outcome': <'has_capacity'>, 'protective_measures': <true>") }, FALSE, "imca-protective-measures", FALSE },
  /* Risk identified without a risk outcome */
  { "risk identified, no outcome", OPEN_CASE, { RISK (", 'assessment': <'identified_action'>") }, FALSE, "risk-without-outcome", TRUE },
  { "risk identified, outcome", OPEN_CASE, { RISK (", 'assessment': <'identified_action'>, 'outcome': <'reduced'>") }, FALSE, "risk-without-outcome", FALSE },
  { "risk inconclusive", OPEN_CASE, { RISK (", 'assessment': <'inconclusive_action'>") }, FALSE, "risk-without-outcome", FALSE },
  /* Closing without a closing conversation or a reason */
  { "closing, no conversation", OPEN_CASE, { { 0 } }, TRUE, "closing-without-conversation", TRUE },
  { "closed, no conversation", CLOSED_CASE, { { 0 } }, FALSE, "closing-without-conversation", TRUE },
  { "closing, reason recorded", "{'status': <'open'>, 'no_conversation_reason': <'Person died'>}", { { 0 } }, TRUE, "closing-without-conversation", FALSE },
  { "closing, closing conversation", OPEN_CASE, { CONV ("at_closure", "asked_expressed") }, TRUE, "closing-without-conversation", FALSE },
  { "open, enquiry running", OPEN_CASE, { S42_OPEN }, FALSE, "closing-without-conversation", FALSE },
  { "enquiry concluded, no conversation", OPEN_CASE, { S42_DONE }, FALSE, "closing-without-conversation", TRUE },
  /* Outcomes rated at closure */
  { "closing, outcome unrated", OPEN_CASE, { OUTCOME ("") }, TRUE, "outcomes-not-rated", TRUE },
  { "closing, outcome rated", OPEN_CASE, { OUTCOME (", 'achieved': <'partially'>") }, TRUE, "outcomes-not-rated", FALSE },
  { "open, outcome unrated", OPEN_CASE, { OUTCOME ("") }, FALSE, "outcomes-not-rated", FALSE },
  /* Capacity review overdue (today is 2026-06-01) */
  { "review overdue", OPEN_CASE, { CAPACITY ("'decision': <'d'>, 'assessed_on': <'2026-01-01'>, 'review_on': <'2026-05-01'>") }, FALSE, "capacity-review-overdue", TRUE },
  { "review due later", OPEN_CASE, { CAPACITY ("'decision': <'d'>, 'assessed_on': <'2026-01-01'>, 'review_on': <'2026-07-01'>") }, FALSE, "capacity-review-overdue", FALSE },
  { "reviewed by a later assessment", OPEN_CASE, { CAPACITY ("'decision': <'d'>, 'assessed_on': <'2026-01-01'>, 'review_on': <'2026-05-01'>"),
                                                    CAPACITY ("'decision': <'D'>, 'assessed_on': <'2026-05-02'>") }, FALSE, "capacity-review-overdue", FALSE },
  /* Advocacy referral not allocated after 14 days */
  { "referral waiting 20 days", OPEN_CASE, { ADVOCACY ("'status': <'referred'>, 'referred_on': <'2026-05-12'>") }, FALSE, "advocacy-not-allocated", TRUE },
  { "referral waiting 10 days", OPEN_CASE, { ADVOCACY ("'status': <'referred'>, 'referred_on': <'2026-05-22'>") }, FALSE, "advocacy-not-allocated", FALSE },
  { "referral allocated", OPEN_CASE, { ADVOCACY ("'status': <'allocated'>, 'referred_on': <'2026-01-12'>") }, FALSE, "advocacy-not-allocated", FALSE },
  /* Concern without a decision */
  { "concern undecided", OPEN_CASE, { { HK_RECORD_KIND_CONCERN, "{'received_on': <'2026-01-01'>}" } }, FALSE, "concern-undecided", TRUE },
  { "concern decided", OPEN_CASE, { CONCERN }, FALSE, "concern-undecided", FALSE },
  /* Wellbeing and safety grid at the start and at closure */
  { "grid missing at start", OPEN_CASE, { CONV ("at_concern", "asked_expressed") }, FALSE, "wellbeing-not-recorded", TRUE },
  { "grid at start", OPEN_CASE, { CONV_GRID ("at_concern") }, FALSE, "wellbeing-not-recorded", FALSE },
  { "grid at start, closing without", OPEN_CASE, { CONV_GRID ("at_concern"), CONV ("at_closure", "asked_expressed") }, TRUE, "wellbeing-not-recorded", TRUE },
  { "grid at start and end", OPEN_CASE, { CONV_GRID ("at_concern"), CONV_GRID ("at_closure") }, TRUE, "wellbeing-not-recorded", FALSE },
};

static HkRecord *
make_record (HkRecordKind  kind,
             const char   *parent,
             const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) fields = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &error);
  g_autofree char *id = g_strdup_printf ("%032x", g_test_rand_int_range (1, G_MAXINT));
  guint8 *plain;
  gsize len;

  g_assert_no_error (error);
  plain = _hk_payload_serialise (1, 1, "Tester", fields, &len);
  return _hk_record_new_from_plaintext (id, kind, parent, 1, plain, len);
}

static gboolean
has_code (GPtrArray  *prompts,
          const char *code)
{
  for (guint i = 0; i < prompts->len; i++)
    if (g_str_equal (((HkPrompt *) prompts->pdata[i])->code, code))
      return TRUE;
  return FALSE;
}

static void
test_table (void)
{
  const char * const *codes = hk_prompts_get_codes ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(HkRecord) kase = make_record (HK_RECORD_KIND_CASE, NULL, c->case_fields);
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) prompts = NULL;
      gboolean known = FALSE;

      for (guint r = 0; r < MAX_RECORDS && c->records[r].fields; r++)
        g_ptr_array_add (records, make_record (c->records[r].kind, hk_record_get_id (kase), c->records[r].fields));
      prompts = hk_prompts_evaluate (kase, records, "2026-06-01", c->closing, NULL);
      g_test_message ("%s: expect %s %s", c->name, c->code, c->expected ? "to fire" : "not to fire");
      g_assert_cmpint (has_code (prompts, c->code), ==, c->expected);

      for (guint k = 0; codes[k]; k++)
        known |= g_str_equal (codes[k], c->code);
      g_assert_true (known);
      for (guint p = 0; p < prompts->len; p++)
        {
          HkPrompt *prompt = prompts->pdata[p];
          g_assert_nonnull (prompt->text);
          g_assert_cmpuint (strlen (prompt->text), >, 20);
          /* Most severe first. */
          if (p > 0)
            g_assert_cmpint (((HkPrompt *) prompts->pdata[p - 1])->severity, >=, prompt->severity);
        }
    }
}

static void
test_every_rule_fires (void)
{
  const char * const *codes = hk_prompts_get_codes ();

  /* Each rule in the table has at least one case that fires it and one that does not. */
  for (guint k = 0; codes[k]; k++)
    {
      gboolean fires = FALSE, quiet = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        if (g_str_equal (cases[i].code, codes[k]))
          {
            fires |= cases[i].expected;
            quiet |= !cases[i].expected;
          }
      g_test_message ("rule %s", codes[k]);
      g_assert_true (fires);
      g_assert_true (quiet);
    }
}

static void
test_close_case (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(HkRecord) risk = NULL;
  g_autoptr(HkRecord) enquiry = NULL;
  g_autoptr(HkRecord) closed = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = hk_record_get_id (kase);

  enquiry = hk_vault_save (vault, HK_RECORD_KIND_ENQUIRY, NULL, id, 0,
                           hk_test_fields ("enquiry_type", "s42", "started_on", "2026-01-02",
                                           "lead_agency", "Council", NULL), &error);
  g_assert_no_error (error);
  risk = hk_vault_save (vault, HK_RECORD_KIND_RISK, NULL, hk_record_get_id (enquiry), 0,
                        hk_test_fields ("risk_type", "financial", "location", "own_home", "source", "known",
                                        "assessment", "identified_action", NULL), &error);
  g_assert_no_error (error);

  records = hk_vault_list_case_records (vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);   /* the enquiry and its risk */

  prompts = hk_vault_case_prompts (vault, id, &error);
  g_assert_no_error (error);
  g_assert_true (has_code (prompts, "risk-without-outcome"));
  g_assert_true (has_code (prompts, "advocacy-not-considered"));

  /* Blocking prompts stop a plain close... */
  closed = hk_vault_close_case (vault, id, NULL, NULL, &error);
  g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "risk outcome"));
  g_assert_nonnull (strstr (error->message, "closing outcome conversation"));
  g_clear_error (&error);

  /* ...but a recorded reason lets it close, and the reason is kept. */
  closed = hk_vault_close_case (vault, id, NULL, "Person moved abroad; enquiry transferred", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (closed, "status"), ==, "closed");
  g_assert_cmpstr (hk_record_get_string (closed, "closed_on"), ==, hk_record_get_string (kase, "opened_on"));
  g_assert_cmpstr (hk_record_get_string (closed, "override_reason"), ==, "Person moved abroad; enquiry transferred");

  {
    g_autoptr(GHashTable) status = hk_vault_list_case_status (vault, &error);
    HkCaseStatus *st;

    g_assert_no_error (error);
    st = g_hash_table_lookup (status, id);
    g_assert_nonnull (st);
    g_assert_cmpint (st->stage, ==, HK_CASE_STAGE_CLOSED);
  }

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_case_status (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) a = hk_test_add_case (vault, "Ann Example");
  g_autoptr(HkRecord) b = hk_test_add_case (vault, "Bob Example");
  g_autoptr(HkRecord) enquiry = NULL;
  g_autoptr(HkRecord) risk = NULL;
  g_autoptr(GHashTable) status = NULL;
  g_autoptr(GError) error = NULL;
  HkCaseStatus *st;

  enquiry = hk_vault_save (vault, HK_RECORD_KIND_ENQUIRY, NULL, hk_record_get_id (a), 0,
                           hk_test_fields ("enquiry_type", "s42", "started_on", "2026-01-02",
                                           "lead_agency", "Council", NULL), &error);
  risk = hk_vault_save (vault, HK_RECORD_KIND_RISK, NULL, hk_record_get_id (enquiry), 0,
                        hk_test_fields ("risk_type", "neglect", "location", "own_home", "source", "known",
                                        "assessment", "identified_no_action", NULL), &error);
  g_assert_no_error (error);

  status = hk_vault_list_case_status (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (status), ==, 2);
  st = g_hash_table_lookup (status, hk_record_get_id (a));
  g_assert_cmpint (st->stage, ==, HK_CASE_STAGE_ENQUIRY);
  g_assert_cmpuint (st->blocking_count, ==, 1);   /* the risk without an outcome */
  g_assert_cmpuint (st->prompt_count, >=, 1);
  st = g_hash_table_lookup (status, hk_record_get_id (b));
  g_assert_cmpint (st->stage, ==, HK_CASE_STAGE_NONE);
  g_assert_cmpuint (st->blocking_count, ==, 0);

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

static void
test_outcome_history (void)
{
  g_autofree char *dir = hk_test_make_tmpdir ();
  g_autoptr(HkVault) vault = hk_test_create_vault (dir, NULL);
  g_autoptr(HkRecord) kase = hk_test_add_case (vault, "Ann Example");
  g_autoptr(HkRecord) outcome = NULL;
  g_autoptr(HkRecord) revised = NULL;
  g_autoptr(HkRecord) rated = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  today = g_date_time_format (now, "%F");
  outcome = hk_vault_save (vault, HK_RECORD_KIND_OUTCOME, NULL, hk_record_get_id (kase), 0,
                           hk_test_fields ("words", "I want my nephew to stop taking my pension",
                                           "expressed_on", today, NULL), &error);
  g_assert_no_error (error);
  revised = hk_vault_save (vault, HK_RECORD_KIND_OUTCOME, hk_record_get_id (outcome), NULL, 1,
                           hk_test_fields ("words", "I want to manage my own money again, with help from the bank",
                                           "expressed_on", today, NULL), &error);
  g_assert_no_error (error);
  rated = hk_vault_save (vault, HK_RECORD_KIND_OUTCOME, hk_record_get_id (outcome), NULL, 2,
                         hk_test_fields ("words", "I want to manage my own money again, with help from the bank",
                                         "expressed_on", today, "achieved", "partially",
                                         "person_view", "The bank helps, but I still worry", "rated_on", today,
                                         NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hk_record_get_string (rated, "achieved"), ==, "partially");

  /* Every earlier wording stays readable, in order. */
  history = hk_vault_list_revisions (vault, hk_record_get_id (outcome), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (hk_record_get_string (history->pdata[0], "words"), ==, "I want my nephew to stop taking my pension");
  g_assert_null (hk_record_get_string (history->pdata[1], "achieved"));

  g_clear_object (&vault);
  hk_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/prompts/table", test_table);
  g_test_add_func ("/prompts/every-rule", test_every_rule_fires);
  g_test_add_func ("/prompts/close-case", test_close_case);
  g_test_add_func ("/prompts/case-status", test_case_status);
  g_test_add_func ("/prompts/outcome-history", test_outcome_history);
  return g_test_run ();
}
