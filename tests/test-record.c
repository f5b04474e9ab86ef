/* test-record.c: the field schema and every validation rule
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hk-test-utils.h"

typedef struct
{
  HkRecordKind  kind;
  const char   *fields;      /* GVariant text of an a{sv} */
  const char   *bad_field;   /* NULL when valid */
  const char   *message_part;
} Case;

static const Case cases[] = {
  /* people */
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann Example'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "@a{sv} {}", "name", "required" },
  { HK_RECORD_KIND_PERSON, "{'name': <''>}", "name", "required" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann\\nExample'>}", "name", "single line" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'943 476 5919'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'9434765919'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'9434765918'>}", "nhs_number", "check digit" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'nhs_number': <'94347659'>}", "nhs_number", "10 digits" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'1931-07-19'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'1931-02-30'>}", "date_of_birth", "real date" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'19/07/1931'>}", "date_of_birth", "real date" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'date_of_birth': <'2999-01-01'>}", "date_of_birth", "future" },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'address': <'1 Mill Lane\\nLowford'>}", NULL, NULL },
  { HK_RECORD_KIND_PERSON, "{'name': <'Ann'>, 'shoe_size': <'6'>}", NULL, "not a field" },
  { HK_RECORD_KIND_PERSON, "{'name': <42>}", "name", "text" },
  /* cases */
  { HK_RECORD_KIND_CASE, "{'status': <'open'>, 'opened_on': <'2026-01-02'>}", NULL, NULL },
  { HK_RECORD_KIND_CASE, "{'status': <'pending'>, 'opened_on': <'2026-01-02'>}", "status", "allowed" },
  { HK_RECORD_KIND_CASE, "{'status': <'closed'>, 'opened_on': <'2026-01-02'>}", "closed_on", "needed" },
  { HK_RECORD_KIND_CASE, "{'status': <'closed'>, 'opened_on': <'2026-01-02'>, 'closed_on': <'2026-01-01'>}", "closed_on", "before" },
  { HK_RECORD_KIND_CASE, "{'status': <'closed'>, 'opened_on': <'2026-01-02'>, 'closed_on': <'2026-01-02'>}", NULL, NULL },
  { HK_RECORD_KIND_CASE, "{'status': <'open'>, 'opened_on': <'2026-01-02'>, 'closed_on': <'2026-03-02'>}", "closed_on", "empty" },
  { HK_RECORD_KIND_CASE, "{'status': <'open'>}", "opened_on", "required" },
  /* notes */
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00+00:00'>, 'text': <'x'>}", NULL, NULL },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'present': <['Ann', 'Bob']>}", NULL, NULL },
  { HK_RECORD_KIND_NOTE, "{'kind': <'telepathy'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>}", "kind", "allowed" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'yesterday'>, 'text': <'x'>}", "occurred_at", "date and time" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2999-01-02T10:00:00Z'>, 'text': <'x'>}", "occurred_at", "future" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>}", "text", "required" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'present': <'Ann'>}", "present", "list" },
  /* concerns: the s42(1) criteria and the decision */
#define CRIT "'received_on': <'2026-01-05'>, 'raised_by_role': <'District nurse'>, 'reported': <'Bruising'>, " \
             "'criterion_needs_reason': <'r'>, 'criterion_abuse_reason': <'r'>, 'criterion_protect_reason': <'r'>, "
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'yes'>, 'criterion_abuse': <'yes'>, 'criterion_protect': <'yes'>, 'decision': <'s42_enquiry'>, 'decision_on': <'2026-01-06'>}", NULL, NULL },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'yes'>, 'criterion_abuse': <'not_known'>, 'criterion_protect': <'yes'>, 'decision': <'s42_enquiry'>, 'decision_on': <'2026-01-06'>}", "criterion_abuse", "Section 42" },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'yes'>, 'criterion_abuse': <'no'>, 'criterion_protect': <'yes'>, 'decision': <'other_enquiry'>, 'decision_on': <'2026-01-06'>}", NULL, NULL },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'no'>, 'criterion_abuse': <'no'>, 'criterion_protect': <'no'>, 'decision': <'no_enquiry'>, 'decision_on': <'2026-01-06'>}", "response", "what was done instead" },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'no'>, 'criterion_abuse': <'no'>, 'criterion_protect': <'no'>, 'decision': <'no_enquiry'>, 'decision_on': <'2026-01-06'>, 'response': <'signposting'>}", NULL, NULL },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'yes'>, 'criterion_abuse': <'yes'>, 'criterion_protect': <'yes'>, 'decision': <'s42_enquiry'>, 'decision_on': <'2026-01-06'>, 'response': <'advice'>}", "response", "only recorded" },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'yes'>, 'criterion_abuse': <'yes'>, 'criterion_protect': <'yes'>, 'decision': <'s42_enquiry'>}", "decision_on", "needed" },
  { HK_RECORD_KIND_CONCERN, "{" CRIT "'criterion_needs': <'yes'>, 'criterion_abuse': <'yes'>, 'criterion_protect': <'yes'>, 'decision': <'s42_enquiry'>, 'decision_on': <'2026-01-01'>}", "decision_on", "before" },
  { HK_RECORD_KIND_CONCERN, "{'received_on': <'2026-01-05'>, 'raised_by_role': <'GP'>, 'reported': <'x'>, 'criterion_needs': <'yes'>, 'criterion_abuse': <'yes'>, 'criterion_protect': <'yes'>}", "criterion_needs_reason", "required" },
  /* enquiries */
  { HK_RECORD_KIND_ENQUIRY, "{'enquiry_type': <'s42'>, 'started_on': <'2026-01-06'>, 'lead_agency': <'Council'>, 'large_scale': <false>}", NULL, NULL },
  { HK_RECORD_KIND_ENQUIRY, "{'enquiry_type': <'s42'>, 'started_on': <'2026-01-06'>, 'concluded_on': <'2026-01-02'>, 'lead_agency': <'Council'>}", "concluded_on", "before" },
  { HK_RECORD_KIND_ENQUIRY, "{'enquiry_type': <'s43'>, 'started_on': <'2026-01-06'>, 'lead_agency': <'Council'>}", "enquiry_type", "allowed" },
  /* risks: the outcome only after "risk identified" */
  { HK_RECORD_KIND_RISK, "{'risk_type': <'financial'>, 'location': <'own_home'>, 'source': <'known'>, 'assessment': <'identified_action'>, 'outcome': <'reduced'>}", NULL, NULL },
  { HK_RECORD_KIND_RISK, "{'risk_type': <'financial'>, 'location': <'own_home'>, 'source': <'known'>, 'assessment': <'identified_no_action'>, 'outcome': <'remained'>}", NULL, NULL },
  { HK_RECORD_KIND_RISK, "{'risk_type': <'financial'>, 'location': <'own_home'>, 'source': <'known'>, 'assessment': <'inconclusive_action'>, 'outcome': <'reduced'>}", "outcome", "Risk identified" },
  { HK_RECORD_KIND_RISK, "{'risk_type': <'financial'>, 'location': <'own_home'>, 'source': <'known'>, 'outcome': <'removed'>}", "outcome", "Risk identified" },
  { HK_RECORD_KIND_RISK, "{'risk_type': <'fraud'>, 'location': <'own_home'>, 'source': <'known'>}", "risk_type", "allowed" },
  { HK_RECORD_KIND_RISK, "{'risk_type': <'modern_slavery'>, 'location': <'hospital_acute'>, 'source': <'service_provider'>, 'assessment': <'ceased_at_request'>}", NULL, NULL },
  /* outcome conversations */
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'at_concern'>, 'participants': <['adult', 'advocate']>, 'asked': <'asked_expressed'>, 'wellbeing': <'low'>, 'safety': <'unsafe'>}", NULL, NULL },
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'at_concern'>, 'participants': <['adult', 'adult']>, 'asked': <'asked_expressed'>}", "participants", "twice" },
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'at_concern'>, 'participants': <['neighbour']>, 'asked': <'asked_expressed'>}", "participants", "not allowed" },
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'at_concern'>, 'participants': <@as []>, 'asked': <'not_asked'>}", "participants", "required" },
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'at_concern'>, 'participants': <['adult']>, 'asked': <'maybe'>}", "asked", "allowed" },
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'during_enquiry'>, 'participants': <['adult']>, 'asked': <'dont_know'>, 'feels_safer': <'yes'>}", "feels_safer", "closure" },
  { HK_RECORD_KIND_CONVERSATION, "{'held_on': <'2026-01-06'>, 'phase': <'at_closure'>, 'participants': <['imca']>, 'asked': <'not_recorded'>, 'feels_safer': <'partly'>, 'listened_to': <'yes'>, 'kept_informed': <'no'>}", NULL, NULL },
  /* desired outcomes */
  { HK_RECORD_KIND_OUTCOME, "{'words': <'I want him to stop coming round'>, 'expressed_on': <'2026-01-06'>}", NULL, NULL },
  { HK_RECORD_KIND_OUTCOME, "{'words': <'x'>, 'expressed_on': <'2026-01-06'>, 'achieved': <'partially'>, 'rated_on': <'2026-03-01'>}", "person_view", "their words" },
  { HK_RECORD_KIND_OUTCOME, "{'words': <'x'>, 'expressed_on': <'2026-01-06'>, 'achieved': <'fully'>, 'person_view': <'He has stopped'>, 'rated_on': <'2026-03-01'>}", NULL, NULL },
  { HK_RECORD_KIND_OUTCOME, "{'words': <'x'>, 'expressed_on': <'2026-01-06'>, 'achieved': <'fully'>, 'person_view': <'v'>, 'rated_on': <'2026-01-01'>}", "rated_on", "before" },
  { HK_RECORD_KIND_OUTCOME, "{'words': <'x'>, 'expressed_on': <'2026-01-06'>, 'conversation_id': <'not-an-id'>}", "conversation_id", "id" },
  /* capacity: decision-specific, s2 and s3 */
#define CAP "'decision': <'Whether to move into a care home'>, 'assessed_on': <'2026-01-06'>, 'relevant_information': <'r'>, " \
            "'practicable_steps': <'p'>, 'understand_evidence': <'e'>, 'retain_evidence': <'e'>, 'use_weigh_evidence': <'e'>, " \
            "'communicate_evidence': <'e'>, 'assessor': <'A Worker'>, "
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'no'>, 'understand': <'able'>, 'retain': <'able'>, 'use_weigh': <'able'>, 'communicate': <'able'>, 'outcome': <'has_capacity'>}", NULL, NULL },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'no'>, 'understand': <'unable'>, 'retain': <'able'>, 'use_weigh': <'able'>, 'communicate': <'able'>, 'outcome': <'lacks_capacity'>}", "outcome", "section 2" },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'yes'>, 'impairment_detail': <'Dementia'>, 'understand': <'able'>, 'retain': <'able'>, 'use_weigh': <'able'>, 'communicate': <'able'>, 'outcome': <'lacks_capacity'>}", "outcome", "section 3" },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'yes'>, 'impairment_detail': <'Dementia'>, 'understand': <'able'>, 'retain': <'unable'>, 'use_weigh': <'unable'>, 'communicate': <'able'>, 'outcome': <'lacks_capacity'>}", "causal_link", "because of" },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'yes'>, 'impairment_detail': <'Dementia'>, 'understand': <'able'>, 'retain': <'unable'>, 'use_weigh': <'unable'>, 'communicate': <'able'>, 'causal_link': <'yes'>, 'causal_link_evidence': <'e'>, 'outcome': <'lacks_capacity'>, 'review_on': <'2026-07-06'>, 'protective_measures': <true>}", NULL, NULL },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'yes'>, 'impairment_detail': <'Dementia'>, 'understand': <'able'>, 'retain': <'unable'>, 'use_weigh': <'unable'>, 'communicate': <'able'>, 'causal_link': <'yes'>, 'causal_link_evidence': <'e'>, 'outcome': <'has_capacity'>}", "outcome", "does not match" },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'yes'>, 'understand': <'able'>, 'retain': <'able'>, 'use_weigh': <'able'>, 'communicate': <'able'>, 'outcome': <'has_capacity'>}", "impairment_detail", "describe" },
  { HK_RECORD_KIND_CAPACITY, "{" CAP "'impairment': <'no'>, 'understand': <'able'>, 'retain': <'able'>, 'use_weigh': <'able'>, 'communicate': <'able'>, 'outcome': <'has_capacity'>, 'review_on': <'2025-01-01'>}", "review_on", "before" },
  /* best interests */
#define BI "'decision': <'Move to a care home'>, 'decided_on': <'2026-01-08'>, 'decision_maker': <'A Worker'>, 'wishes_feelings': <'w'>, " \
           "'regain_capacity': <'no'>, 'options': <'o'>, 'less_restrictive': <'l'>, 'outcome_decision': <'d'>, 'reasons': <'r'>, "
  { HK_RECORD_KIND_BEST_INTERESTS, "{" BI "'attorney_deputy': <'none'>, 'consulted': <['Daughter', 'GP']>}", NULL, NULL },
  { HK_RECORD_KIND_BEST_INTERESTS, "{" BI "'attorney_deputy': <'lpa_health'>}", "attorney_deputy_name", "attorney" },
  { HK_RECORD_KIND_BEST_INTERESTS, "{" BI "'attorney_deputy': <'deputy'>, 'attorney_deputy_name': <'B Deputy'>}", NULL, NULL },
  /* advocacy: bases, substantial difficulty, appropriate person, status history */
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'care_act_s68'>, 'status': <'considered'>, 'considered_on': <'2026-01-06'>}", NULL, NULL },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'care_act_s68'>, 'status': <'referred'>, 'considered_on': <'2026-01-06'>, 'referred_on': <'2026-01-07'>, 'difficulty_understanding': <'no'>}", "difficulty_understanding", "substantial difficulty" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'care_act_s68'>, 'status': <'referred'>, 'considered_on': <'2026-01-06'>, 'referred_on': <'2026-01-07'>, 'difficulty_retaining': <'yes'>, 'appropriate_person': <'none'>}", NULL, NULL },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'care_act_s68'>, 'status': <'referred'>, 'considered_on': <'2026-01-06'>, 'difficulty_retaining': <'yes'>}", "referred_on", "referral is made" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'care_act_s67'>, 'status': <'allocated'>, 'considered_on': <'2026-01-06'>, 'referred_on': <'2026-01-07'>, 'allocated_on': <'2026-01-09'>, 'difficulty_communicating': <'yes'>}", "organisation", "allocated" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'care_act_s67'>, 'status': <'allocated'>, 'considered_on': <'2026-01-06'>, 'referred_on': <'2026-01-07'>, 'allocated_on': <'2026-01-05'>, 'organisation': <'Advocacy Org'>, 'difficulty_communicating': <'yes'>}", "allocated_on", "before" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'non_statutory'>, 'status': <'declined'>, 'considered_on': <'2026-01-06'>}", "declined_reason", "declined" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'imca_adult_protection'>, 'status': <'considered'>, 'considered_on': <'2026-01-06'>}", "particular_benefit", "IMCA" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'non_statutory'>, 'status': <'considered'>, 'considered_on': <'2026-01-06'>, 'appropriate_person': <'yes_consents'>}", "appropriate_person_name", "appropriate person" },
  { HK_RECORD_KIND_ADVOCACY, "{'basis': <'imca_s37_39'>, 'status': <'ended'>, 'considered_on': <'2026-01-06'>, 'referred_on': <'2026-01-06'>, 'allocated_on': <'2026-01-07'>, 'organisation': <'O'>}", "ended_on", "ended" },
  /* actions and principles */
  { HK_RECORD_KIND_ACTION, "{'description': <'Contact the bank'>, 'principles': <['protection', 'partnership']>}", NULL, NULL },
  { HK_RECORD_KIND_ACTION, "{'description': <'Contact the bank'>, 'principles': <['kindness']>}", "principles", "not allowed" },
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'principles': <['empowerment']>}", NULL, NULL },
  /* automatic fields are ignored on input */
  { HK_RECORD_KIND_NOTE, "{'kind': <'visit'>, 'occurred_at': <'2026-01-02T10:00:00Z'>, 'text': <'x'>, 'late_entry': <'nonsense'>}", NULL, NULL },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) fields = g_variant_parse (G_VARIANT_TYPE_VARDICT, c->fields, NULL, NULL, &error);
      const char *field = NULL;
      gboolean ok;

      g_assert_no_error (error);
      ok = hk_record_validate (c->kind, fields, &field, &error);
      g_test_message ("case %u: %s → %s", i, c->fields, error ? error->message : "ok");
      if (c->bad_field == NULL && c->message_part == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, HK_ERROR, HK_ERROR_INVALID);
          g_assert_cmpstr (field, ==, c->bad_field);
          g_assert_nonnull (strstr (error->message, c->message_part));
          if (c->bad_field)
            {
              /* The message names the field by its label. */
              const HkFieldSpec *spec = hk_record_kind_find_field (c->kind, c->bad_field);
              g_assert_true (g_str_has_prefix (error->message, spec->label));
            }
        }
    }
}

static void
test_sac (void)
{
  guint n = 0;

  for (const HkEnumValue *v = hk_sac_get_values (HK_SAC_RISK_TYPE); v->code; v++)
    n++;
  g_assert_cmpuint (n, ==, 11);
  n = 0;
  for (const HkEnumValue *v = hk_sac_get_values (HK_SAC_RISK_LOCATION); v->code; v++)
    n++;
  g_assert_cmpuint (n, ==, 9);
  n = 0;
  for (const HkEnumValue *v = hk_sac_get_values (HK_SAC_RISK_ASSESSMENT); v->code; v++)
    n++;
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpstr (hk_sac_get_published_label (HK_SAC_RISK_TYPE, "financial"), ==, "Financial or Material Abuse");
  g_assert_cmpstr (hk_sac_get_published_label (HK_SAC_MSP_ASKED, "asked_not_expressed"), ==,
                   "Yes they were asked but no outcomes were expressed");
  g_assert_cmpstr (hk_sac_map_local (HK_SAC_RISK_TYPE, "Financial and Material"), ==, "financial");
  g_assert_cmpstr (hk_sac_map_local (HK_SAC_RISK_TYPE, "  self-neglect "), ==, "self_neglect");
  g_assert_cmpstr (hk_sac_map_local (HK_SAC_RISK_LOCATION, "In the community (excluding community services)"), ==, "community");
  g_assert_cmpstr (hk_sac_map_local (HK_SAC_RISK_SOURCE, "service_provider"), ==, "service_provider");
  g_assert_null (hk_sac_map_local (HK_SAC_RISK_TYPE, "Burglary"));
  g_assert_true (hk_sac_risk_identified ("identified_no_action"));
  g_assert_false (hk_sac_risk_identified ("none_action"));
  g_assert_false (hk_sac_risk_identified (NULL));
}

static void
test_lengths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (201, 'a');
  g_autoptr(GVariant) fields = g_variant_ref_sink (hk_test_fields ("name", long_name, NULL));
  const char *field = NULL;

  g_assert_false (hk_record_validate (HK_RECORD_KIND_PERSON, fields, &field, &error));
  g_assert_cmpstr (field, ==, "name");
  g_assert_nonnull (strstr (error->message, "200"));
}

static void
test_nhs (void)
{
  g_autofree char *norm = hk_nhs_number_normalize ("943-476-5919");

  g_assert_cmpstr (norm, ==, "9434765919");
  g_assert_true (hk_nhs_number_is_valid ("401 023 2137"));
  g_assert_false (hk_nhs_number_is_valid ("401 023 2138"));
  g_assert_false (hk_nhs_number_is_valid ("94347659190"));
  g_assert_false (hk_nhs_number_is_valid ("94347a5919"));
  g_assert_false (hk_nhs_number_is_valid (""));
  g_assert_false (hk_nhs_number_is_valid (NULL));
}

static void
test_kinds (void)
{
  HkRecordKind kind;

  g_assert_cmpint (hk_record_kind_get_parent_kind (HK_RECORD_KIND_RISK), ==, HK_RECORD_KIND_ENQUIRY);
  g_assert_cmpint (hk_record_kind_get_parent_kind (HK_RECORD_KIND_OUTCOME), ==, HK_RECORD_KIND_CASE);
  g_assert_cmpint (hk_record_kind_get_parent_kind (HK_RECORD_KIND_PERSON), ==, -1);
  for (guint k = 0; k <= HK_RECORD_KIND_LAST; k++)
    {
      g_assert_true (hk_record_kind_from_string (hk_record_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (hk_record_kind_get_label (k));
    }
  g_assert_false (hk_record_kind_from_string ("potato", &kind));
  g_assert_cmpstr (hk_field_spec_get_value_label (hk_record_kind_find_field (HK_RECORD_KIND_NOTE, "kind"),
                                                  "phone_call"), ==, "Phone call");
  g_assert_null (hk_record_kind_find_field (HK_RECORD_KIND_NOTE, "nope"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (hk_init ());

  g_test_add_func ("/record/validation-table", test_table);
  g_test_add_func ("/record/lengths", test_lengths);
  g_test_add_func ("/record/sac", test_sac);
  g_test_add_func ("/record/nhs", test_nhs);
  g_test_add_func ("/record/kinds", test_kinds);
  return g_test_run ();
}
