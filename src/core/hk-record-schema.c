/* hk-record-schema.c: the field tables and validation rules of each record kind
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-error.h"
#include "hearken/hk-sac.h"
#include "hk-record-private.h"

#define DEFAULT_TEXT_MAX      500
#define DEFAULT_LONG_TEXT_MAX 200000
#define MAX_LIST_ITEMS        100
/* Clocks on laptops drift; a note "a minute from now" is not a future event. */
#define FUTURE_TOLERANCE_USEC (G_USEC_PER_SEC * 60 * 5)

static const HkEnumValue case_status_values[] = {
  { "open",   N_("Open") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const HkEnumValue note_kind_values[] = {
  { "conversation", N_("Conversation") },
  { "visit",        N_("Visit") },
  { "phone_call",   N_("Phone call") },
  { "meeting",      N_("Meeting") },
  { "other",        N_("Other") },
  { NULL, NULL }
};

static const HkEnumValue principle_values[] = {
  { "empowerment",     N_("Empowerment") },
  { "prevention",      N_("Prevention") },
  { "proportionality", N_("Proportionality") },
  { "protection",      N_("Protection") },
  { "partnership",     N_("Partnership") },
  { "accountability",  N_("Accountability") },
  { NULL, NULL }
};

static const HkFieldSpec meta_fields[] = {
  { "owner_name", N_("Your name"), HK_FIELD_TEXT, 0, 200, NULL },
  { NULL }
};

static const HkFieldSpec person_fields[] = {
  { "name",                        N_("Name"),                       HK_FIELD_TEXT,       HK_FIELD_REQUIRED,   200, NULL },
  { "preferred_name",              N_("Preferred name"),             HK_FIELD_TEXT,       0,                   200, NULL },
  { "date_of_birth",               N_("Date of birth"),              HK_FIELD_DATE,       HK_FIELD_NOT_FUTURE, 0,   NULL },
  { "nhs_number",                  N_("NHS number"),                 HK_FIELD_NHS_NUMBER, 0,                   0,   NULL },
  { "local_ref",                   N_("Local system reference"),     HK_FIELD_TEXT,       0,                   100, NULL },
  { "address",                     N_("Address"),                    HK_FIELD_LONG_TEXT,  0,                   1000, NULL },
  { "contact",                     N_("Contact details"),            HK_FIELD_LONG_TEXT,  0,                   1000, NULL },
  { "communication_needs",         N_("Communication needs"),        HK_FIELD_LONG_TEXT,  0,                   4000, NULL },
  { "representative_name",         N_("Representative"),             HK_FIELD_TEXT,       0,                   200, NULL },
  { "representative_relationship", N_("Representative’s relationship"), HK_FIELD_TEXT,   0,                   200, NULL },
  { NULL }
};

static const HkFieldSpec case_fields[] = {
  { "status",    N_("Status"),           HK_FIELD_ENUM,      HK_FIELD_REQUIRED,                       0,    case_status_values },
  { "opened_on", N_("Opened on"),        HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0,    NULL },
  { "closed_on", N_("Closed on"),        HK_FIELD_DATE,      HK_FIELD_NOT_FUTURE,                     0,    NULL },
  { "summary",   N_("Summary"),          HK_FIELD_LONG_TEXT, 0,                                       8000, NULL },
  { "worker",    N_("Allocated worker"), HK_FIELD_TEXT,      0,                                       200,  NULL },
  { "capacity_doubts", N_("Decisions where capacity is in doubt"), HK_FIELD_TEXT_LIST, 0,                  500,  NULL },
  { "no_conversation_reason", N_("Why there was no closing outcome conversation"), HK_FIELD_LONG_TEXT, 0, 4000, NULL },
  { "override_reason", N_("Reason for closing with outstanding prompts"), HK_FIELD_LONG_TEXT, 0,         4000, NULL },
  { NULL }
};

static const HkFieldSpec note_fields[] = {
  { "kind",        N_("Kind of note"),     HK_FIELD_ENUM,      HK_FIELD_REQUIRED,                       0,   note_kind_values },
  { "occurred_at", N_("When it happened"), HK_FIELD_DATETIME,  HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0,   NULL },
  { "recorded_at", N_("When recorded"),    HK_FIELD_DATETIME,  HK_FIELD_AUTOMATIC,                      0,   NULL },
  { "late_entry",  N_("Late entry"),       HK_FIELD_BOOL,      HK_FIELD_AUTOMATIC,                      0,   NULL },
  { "present",     N_("Who was present"),  HK_FIELD_TEXT_LIST, 0,                                       200, NULL },
  { "text",        N_("Note"),             HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED,                       0,   NULL },
  { "principles",  N_("Safeguarding principles"), HK_FIELD_ENUM_LIST, 0,                             0,   principle_values },
  { NULL }
};


static const HkEnumValue yes_no_unknown_values[] = {
  { "yes",       N_("Yes") },
  { "no",        N_("No") },
  { "not_known", N_("Not known") },
  { NULL, NULL }
};

static const HkEnumValue yes_no_values[] = {
  { "yes", N_("Yes") },
  { "no",  N_("No") },
  { NULL, NULL }
};

static const HkEnumValue concern_decision_values[] = {
  { "s42_enquiry",   N_("Section 42 enquiry") },
  { "other_enquiry", N_("Other safeguarding enquiry") },
  { "no_enquiry",    N_("No enquiry") },
  { NULL, NULL }
};

static const HkEnumValue concern_response_values[] = {
  { "advice",            N_("Advice and guidance") },
  { "signposting",       N_("Signposted to another agency") },
  { "assessment",        N_("Care Act assessment") },
  { "case_management",   N_("Passed to case management") },
  { "review",            N_("Care and support review") },
  { "other_service",     N_("Passed to another service") },
  { "another_authority", N_("Passed to another local authority") },
  { "no_action",         N_("No further action") },
  { NULL, NULL }
};

static const HkEnumValue enquiry_type_values[] = {
  { "s42",   N_("Section 42 enquiry") },
  { "other", N_("Other safeguarding enquiry") },
  { NULL, NULL }
};

static const HkEnumValue phase_values[] = {
  { "at_concern",     N_("At the concern") },
  { "during_enquiry", N_("During the enquiry") },
  { "at_closure",     N_("At closure") },
  { "after_closure",  N_("Feedback after closure") },
  { NULL, NULL }
};

static const HkEnumValue participant_values[] = {
  { "adult",          N_("The adult") },
  { "representative", N_("A representative") },
  { "advocate",       N_("A Care Act advocate") },
  { "imca",           N_("An IMCA") },
  { NULL, NULL }
};

/* The two axes of the wellbeing and safety grid, lowest to highest. */
static const HkEnumValue wellbeing_values[] = {
  { "very_low",  N_("Very low") },
  { "low",       N_("Low") },
  { "mixed",     N_("Mixed") },
  { "good",      N_("Good") },
  { "very_good", N_("Very good") },
  { NULL, NULL }
};

static const HkEnumValue safety_values[] = {
  { "very_unsafe", N_("Very unsafe") },
  { "unsafe",      N_("Unsafe") },
  { "mixed",       N_("Mixed") },
  { "safe",        N_("Safe") },
  { "very_safe",   N_("Very safe") },
  { NULL, NULL }
};

static const HkEnumValue feedback_values[] = {
  { "yes",       N_("Yes") },
  { "partly",    N_("Partly") },
  { "no",        N_("No") },
  { "not_asked", N_("Not asked") },
  { NULL, NULL }
};

static const HkEnumValue able_values[] = {
  { "able",   N_("Able") },
  { "unable", N_("Unable") },
  { NULL, NULL }
};

static const HkEnumValue capacity_outcome_values[] = {
  { "has_capacity",   N_("Has capacity for this decision") },
  { "lacks_capacity", N_("Lacks capacity for this decision") },
  { NULL, NULL }
};

static const HkEnumValue attorney_values[] = {
  { "none",          N_("None") },
  { "lpa_health",    N_("Lasting power of attorney (health and welfare)") },
  { "lpa_property",  N_("Lasting power of attorney (property and financial affairs)") },
  { "deputy",        N_("Court-appointed deputy") },
  { NULL, NULL }
};

static const HkEnumValue advocacy_basis_values[] = {
  { "care_act_s67",          N_("Care Act section 67 (assessment and planning)") },
  { "care_act_s68",          N_("Care Act section 68 (safeguarding enquiry or review)") },
  { "imca_s37_39",           N_("IMCA duty (MCA sections 37 to 39)") },
  { "imca_accommodation",    N_("IMCA: accommodation review") },
  { "imca_adult_protection", N_("IMCA: adult protection") },
  { "non_statutory",         N_("Non-statutory advocacy") },
  { NULL, NULL }
};

static const HkEnumValue appropriate_person_values[] = {
  { "none",               N_("No appropriate person") },
  { "yes_consents",       N_("Yes: the person consents to them") },
  { "yes_best_interests", N_("Yes: it is in the person’s best interests") },
  { "not_assessed",       N_("Not yet considered") },
  { NULL, NULL }
};

static const HkEnumValue advocacy_status_values[] = {
  { "considered", N_("Considered") },
  { "referred",   N_("Referred") },
  { "allocated",  N_("Allocated") },
  { "ended",      N_("Ended") },
  { "declined",   N_("Declined") },
  { NULL, NULL }
};

#define F(key, label, type, flags, max, values) { key, label, type, flags, max, values }

static const HkFieldSpec concern_fields[] = {
  F ("received_on",      N_("Date received"),               HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("raised_by_role",   N_("Raised by (role)"),            HK_FIELD_TEXT,      HK_FIELD_REQUIRED, 200, NULL),
  F ("raised_by_agency", N_("Raised by (agency)"),          HK_FIELD_TEXT,      HK_FIELD_NO_FLAGS, 200, NULL),
  F ("reported",         N_("What was reported"),           HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  F ("criterion_needs",  N_("Has needs for care and support"), HK_FIELD_ENUM,  HK_FIELD_REQUIRED, 0, yes_no_unknown_values),
  F ("criterion_needs_reason", N_("Reason: needs for care and support"), HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 2000, NULL),
  F ("criterion_abuse",  N_("Experiencing or at risk of abuse or neglect"), HK_FIELD_ENUM, HK_FIELD_REQUIRED, 0, yes_no_unknown_values),
  F ("criterion_abuse_reason", N_("Reason: abuse or neglect"), HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 2000, NULL),
  F ("criterion_protect", N_("Unable to protect themselves because of those needs"), HK_FIELD_ENUM, HK_FIELD_REQUIRED, 0, yes_no_unknown_values),
  F ("criterion_protect_reason", N_("Reason: unable to protect themselves"), HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 2000, NULL),
  F ("decision",         N_("Decision"),                    HK_FIELD_ENUM,      HK_FIELD_NO_FLAGS, 0, concern_decision_values),
  F ("decision_on",      N_("Decision date"),               HK_FIELD_DATE,      HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("response",         N_("Response instead of an enquiry"), HK_FIELD_ENUM,   HK_FIELD_NO_FLAGS, 0, concern_response_values),
  F ("response_detail",  N_("Response details"),            HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  { NULL }
};

static const HkFieldSpec enquiry_fields[] = {
  F ("enquiry_type", N_("Type of enquiry"),   HK_FIELD_ENUM,  HK_FIELD_REQUIRED, 0, enquiry_type_values),
  F ("started_on",   N_("Start date"),        HK_FIELD_DATE,  HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("concluded_on", N_("Conclusion date"),   HK_FIELD_DATE,  HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("lead_agency",  N_("Lead agency"),       HK_FIELD_TEXT,  HK_FIELD_REQUIRED, 200, NULL),
  F ("caused_to",    N_("Enquiry caused to (agency)"), HK_FIELD_TEXT, HK_FIELD_NO_FLAGS, 200, NULL),
  F ("large_scale",  N_("Large-scale enquiry"), HK_FIELD_BOOL, HK_FIELD_NO_FLAGS, 0, NULL),
  { NULL }
};

/* The SAC value tables are filled in at first use (see sac_field_values). */
static HkFieldSpec risk_fields[] = {
  F ("risk_type",  N_("Type of risk"),             HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, NULL),
  F ("location",   N_("Location of risk"),         HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, NULL),
  F ("source",     N_("Source of risk"),           HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, NULL),
  F ("assessment", N_("Risk assessment outcome"),  HK_FIELD_ENUM,      HK_FIELD_NO_FLAGS, 0, NULL),
  F ("outcome",    N_("Risk outcome"),             HK_FIELD_ENUM,      HK_FIELD_NO_FLAGS, 0, NULL),
  F ("details",    N_("Details"),                  HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 8000, NULL),
  { NULL }
};

static HkFieldSpec conversation_fields[] = {
  F ("held_on",      N_("Date of the conversation"), HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("phase",        N_("Stage"),                    HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, phase_values),
  F ("participants", N_("Who took part"),            HK_FIELD_ENUM_LIST, HK_FIELD_REQUIRED, 0, participant_values),
  F ("asked",        N_("Asked about desired outcomes"), HK_FIELD_ENUM,  HK_FIELD_REQUIRED, 0, NULL),
  F ("summary",      N_("What was said, in their words"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 20000, NULL),
  F ("wellbeing",    N_("Wellbeing"),                HK_FIELD_ENUM,      HK_FIELD_NO_FLAGS, 0, wellbeing_values),
  F ("safety",       N_("Safety"),                   HK_FIELD_ENUM,      HK_FIELD_NO_FLAGS, 0, safety_values),
  F ("feels_safer",  N_("Do they feel safer?"),      HK_FIELD_ENUM,      HK_FIELD_NO_FLAGS, 0, feedback_values),
  F ("feels_safer_words", N_("Feeling safer, in their words"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("listened_to",  N_("Did they feel listened to?"), HK_FIELD_ENUM,    HK_FIELD_NO_FLAGS, 0, feedback_values),
  F ("listened_to_words", N_("Being listened to, in their words"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("kept_informed", N_("Were they kept informed and involved?"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, feedback_values),
  F ("kept_informed_words", N_("Being informed and involved, in their words"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("principles",   N_("Safeguarding principles"),  HK_FIELD_ENUM_LIST, HK_FIELD_NO_FLAGS, 0, principle_values),
  { NULL }
};

static HkFieldSpec outcome_fields[] = {
  F ("words",          N_("Desired outcome, in the person’s own words"), HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("expressed_on",   N_("Date expressed"),      HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("conversation_id", N_("Conversation"),       HK_FIELD_RECORD_ID, HK_FIELD_NO_FLAGS, 0, NULL),
  F ("achieved",       N_("How far it was achieved"), HK_FIELD_ENUM,  HK_FIELD_NO_FLAGS, 0, NULL),
  F ("person_view",    N_("The person’s own view"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("rated_on",       N_("Date rated"),          HK_FIELD_DATE,      HK_FIELD_NOT_FUTURE, 0, NULL),
  { NULL }
};

static const HkFieldSpec capacity_fields[] = {
  F ("decision",              N_("The decision"),                     HK_FIELD_TEXT,      HK_FIELD_REQUIRED, 500, NULL),
  F ("assessed_on",           N_("Date of assessment"),               HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("relevant_information",  N_("Relevant information given"),       HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  F ("practicable_steps",     N_("Practicable steps taken to support the person to decide"), HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  F ("impairment",            N_("Impairment of, or disturbance in the functioning of, the mind or brain"), HK_FIELD_ENUM, HK_FIELD_REQUIRED, 0, yes_no_values),
  F ("impairment_detail",     N_("The impairment or disturbance"),    HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("understand",            N_("Understand the relevant information"), HK_FIELD_ENUM,  HK_FIELD_REQUIRED, 0, able_values),
  F ("understand_evidence",   N_("Evidence: understanding"),          HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("retain",                N_("Retain that information"),          HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, able_values),
  F ("retain_evidence",       N_("Evidence: retaining"),              HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("use_weigh",             N_("Use or weigh that information"),    HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, able_values),
  F ("use_weigh_evidence",    N_("Evidence: using or weighing"),      HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("communicate",           N_("Communicate the decision"),         HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, able_values),
  F ("communicate_evidence",  N_("Evidence: communicating"),          HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("causal_link",           N_("Inability is because of the impairment or disturbance"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, yes_no_values),
  F ("causal_link_evidence",  N_("Evidence: causal link"),            HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("outcome",               N_("Outcome"),                          HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, capacity_outcome_values),
  F ("assessor",              N_("Assessor"),                         HK_FIELD_TEXT,      HK_FIELD_REQUIRED, 200, NULL),
  F ("review_on",             N_("Review date"),                      HK_FIELD_DATE,      HK_FIELD_NO_FLAGS, 0, NULL),
  F ("relates_to_enquiry",    N_("Decision relates to the safeguarding enquiry"), HK_FIELD_BOOL, HK_FIELD_NO_FLAGS, 0, NULL),
  F ("protective_measures",   N_("Decision is about agreeing to protective measures"), HK_FIELD_BOOL, HK_FIELD_NO_FLAGS, 0, NULL),
  { NULL }
};

static const HkFieldSpec best_interests_fields[] = {
  F ("decision",          N_("The decision"),                   HK_FIELD_TEXT,      HK_FIELD_REQUIRED, 500, NULL),
  F ("decided_on",        N_("Date decided"),                   HK_FIELD_DATE,      HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("assessment_id",     N_("Capacity assessment"),            HK_FIELD_RECORD_ID, HK_FIELD_NO_FLAGS, 0, NULL),
  F ("decision_maker",    N_("Decision maker"),                 HK_FIELD_TEXT,      HK_FIELD_REQUIRED, 200, NULL),
  F ("attorney_deputy",   N_("Attorney or deputy"),             HK_FIELD_ENUM,      HK_FIELD_REQUIRED, 0, attorney_values),
  F ("attorney_deputy_name", N_("Attorney or deputy’s name"),   HK_FIELD_TEXT,      HK_FIELD_NO_FLAGS, 200, NULL),
  F ("consulted",         N_("Who was consulted"),              HK_FIELD_TEXT_LIST, HK_FIELD_NO_FLAGS, 200, NULL),
  F ("consulted_views",   N_("Their views"),                    HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 8000, NULL),
  F ("wishes_feelings",   N_("The person’s wishes, feelings, beliefs and values"), HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  F ("regain_capacity",   N_("May the person regain capacity?"), HK_FIELD_ENUM,     HK_FIELD_REQUIRED, 0, yes_no_unknown_values),
  F ("regain_detail",     N_("When, and can the decision wait?"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("options",           N_("Options weighed"),                HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  F ("less_restrictive",  N_("Less restrictive options"),       HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  F ("outcome_decision",  N_("The best-interests decision"),    HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("reasons",           N_("Reasons"),                        HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 8000, NULL),
  { NULL }
};

static const HkFieldSpec advocacy_fields[] = {
  F ("basis",                    N_("Basis of the referral"),       HK_FIELD_ENUM, HK_FIELD_REQUIRED, 0, advocacy_basis_values),
  F ("difficulty_understanding", N_("Substantial difficulty understanding relevant information"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, yes_no_unknown_values),
  F ("difficulty_retaining",     N_("Substantial difficulty retaining that information"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, yes_no_unknown_values),
  F ("difficulty_using",         N_("Substantial difficulty using or weighing that information"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, yes_no_unknown_values),
  F ("difficulty_communicating", N_("Substantial difficulty communicating views, wishes or feelings"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, yes_no_unknown_values),
  F ("appropriate_person",       N_("Is there an appropriate person?"), HK_FIELD_ENUM, HK_FIELD_NO_FLAGS, 0, appropriate_person_values),
  F ("appropriate_person_name",  N_("Appropriate person"),          HK_FIELD_TEXT, HK_FIELD_NO_FLAGS, 200, NULL),
  F ("particular_benefit",       N_("Why an IMCA would be of particular benefit"), HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  F ("organisation",             N_("Advocacy organisation"),       HK_FIELD_TEXT, HK_FIELD_NO_FLAGS, 200, NULL),
  F ("advocate",                 N_("Advocate"),                    HK_FIELD_TEXT, HK_FIELD_NO_FLAGS, 200, NULL),
  F ("status",                   N_("Status"),                      HK_FIELD_ENUM, HK_FIELD_REQUIRED, 0, advocacy_status_values),
  F ("considered_on",            N_("Date considered"),             HK_FIELD_DATE, HK_FIELD_REQUIRED | HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("referred_on",              N_("Date referred"),               HK_FIELD_DATE, HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("allocated_on",             N_("Date allocated"),              HK_FIELD_DATE, HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("ended_on",                 N_("Date ended"),                  HK_FIELD_DATE, HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("declined_reason",          N_("Why it was declined"),         HK_FIELD_LONG_TEXT, HK_FIELD_NO_FLAGS, 4000, NULL),
  { NULL }
};

static const HkFieldSpec action_fields[] = {
  F ("description", N_("Action"),                    HK_FIELD_LONG_TEXT, HK_FIELD_REQUIRED, 4000, NULL),
  F ("owner",       N_("Who will do it"),            HK_FIELD_TEXT,      HK_FIELD_NO_FLAGS, 200, NULL),
  F ("due_on",      N_("Due date"),                  HK_FIELD_DATE,      HK_FIELD_NO_FLAGS, 0, NULL),
  F ("done_on",     N_("Date done"),                 HK_FIELD_DATE,      HK_FIELD_NOT_FUTURE, 0, NULL),
  F ("principles",  N_("Safeguarding principles"),   HK_FIELD_ENUM_LIST, HK_FIELD_NO_FLAGS, 0, principle_values),
  { NULL }
};

#undef F

static const HkFieldSpec no_fields[] = {
  { NULL }
};

static const struct {
  const char *name;
  const char *label;
} kind_names[] = {
  [HK_RECORD_KIND_META]   = { "meta",   N_("Vault profile") },
  [HK_RECORD_KIND_PERSON] = { "person", N_("Person") },
  [HK_RECORD_KIND_CASE]   = { "case",   N_("Case") },
  [HK_RECORD_KIND_NOTE]   = { "note",   N_("Note") },
  [HK_RECORD_KIND_DRAFT]  = { "draft",  N_("Draft") },
  [HK_RECORD_KIND_CONCERN]        = { "concern",        N_("Concern") },
  [HK_RECORD_KIND_ENQUIRY]        = { "enquiry",        N_("Enquiry") },
  [HK_RECORD_KIND_RISK]           = { "risk",           N_("Risk") },
  [HK_RECORD_KIND_CONVERSATION]   = { "conversation",   N_("Outcome conversation") },
  [HK_RECORD_KIND_OUTCOME]        = { "outcome",        N_("Desired outcome") },
  [HK_RECORD_KIND_CAPACITY]       = { "capacity",       N_("Capacity assessment") },
  [HK_RECORD_KIND_BEST_INTERESTS] = { "best_interests", N_("Best-interests decision") },
  [HK_RECORD_KIND_ADVOCACY]       = { "advocacy",       N_("Advocacy referral") },
  [HK_RECORD_KIND_ACTION]         = { "action",         N_("Action") },
};

int
hk_record_kind_get_parent_kind (HkRecordKind kind)
{
  switch (kind)
    {
    case HK_RECORD_KIND_CASE:
      return HK_RECORD_KIND_PERSON;
    case HK_RECORD_KIND_RISK:
      return HK_RECORD_KIND_ENQUIRY;
    case HK_RECORD_KIND_NOTE:
    case HK_RECORD_KIND_CONCERN:
    case HK_RECORD_KIND_ENQUIRY:
    case HK_RECORD_KIND_CONVERSATION:
    case HK_RECORD_KIND_OUTCOME:
    case HK_RECORD_KIND_CAPACITY:
    case HK_RECORD_KIND_BEST_INTERESTS:
    case HK_RECORD_KIND_ADVOCACY:
    case HK_RECORD_KIND_ACTION:
      return HK_RECORD_KIND_CASE;
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_DRAFT:
    default:
      return -1;
    }
}

/* Tables that take their values from hk-sac.c, filled once. */
static void
sac_field_values (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      risk_fields[0].values = hk_sac_get_values (HK_SAC_RISK_TYPE);
      risk_fields[1].values = hk_sac_get_values (HK_SAC_RISK_LOCATION);
      risk_fields[2].values = hk_sac_get_values (HK_SAC_RISK_SOURCE);
      risk_fields[3].values = hk_sac_get_values (HK_SAC_RISK_ASSESSMENT);
      risk_fields[4].values = hk_sac_get_values (HK_SAC_RISK_OUTCOME);
      conversation_fields[3].values = hk_sac_get_values (HK_SAC_MSP_ASKED);
      outcome_fields[3].values = hk_sac_get_values (HK_SAC_MSP_ACHIEVED);
      g_once_init_leave (&done, 1);
    }
}

const char *
hk_record_kind_to_string (HkRecordKind kind)
{
  if ((guint) kind > HK_RECORD_KIND_LAST)
    return "unknown";
  return kind_names[kind].name;
}

gboolean
hk_record_kind_from_string (const char   *str,
                            HkRecordKind *out_kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i <= HK_RECORD_KIND_LAST; i++)
    if (g_str_equal (str, kind_names[i].name))
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hk_record_kind_get_label (HkRecordKind kind)
{
  if ((guint) kind > HK_RECORD_KIND_LAST)
    return _("Unknown record");
  return _(kind_names[kind].label);
}

const HkFieldSpec *
hk_record_kind_get_fields (HkRecordKind kind)
{
  sac_field_values ();
  switch (kind)
    {
    case HK_RECORD_KIND_META:           return meta_fields;
    case HK_RECORD_KIND_PERSON:         return person_fields;
    case HK_RECORD_KIND_CASE:           return case_fields;
    case HK_RECORD_KIND_NOTE:           return note_fields;
    case HK_RECORD_KIND_CONCERN:        return concern_fields;
    case HK_RECORD_KIND_ENQUIRY:        return enquiry_fields;
    case HK_RECORD_KIND_RISK:           return risk_fields;
    case HK_RECORD_KIND_CONVERSATION:   return conversation_fields;
    case HK_RECORD_KIND_OUTCOME:        return outcome_fields;
    case HK_RECORD_KIND_CAPACITY:       return capacity_fields;
    case HK_RECORD_KIND_BEST_INTERESTS: return best_interests_fields;
    case HK_RECORD_KIND_ADVOCACY:       return advocacy_fields;
    case HK_RECORD_KIND_ACTION:         return action_fields;
    case HK_RECORD_KIND_DRAFT:
    default:                    return no_fields;
    }
}

const HkFieldSpec *
hk_record_kind_find_field (HkRecordKind  kind,
                           const char   *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (const HkFieldSpec *spec = hk_record_kind_get_fields (kind); spec->key; spec++)
    if (g_str_equal (spec->key, key))
      return spec;
  return NULL;
}

const char *
hk_field_spec_get_value_label (const HkFieldSpec *spec,
                               const char        *code)
{
  g_return_val_if_fail (spec != NULL, NULL);

  if (spec->values == NULL || code == NULL)
    return NULL;
  for (const HkEnumValue *v = spec->values; v->code; v++)
    if (g_str_equal (v->code, code))
      return _(v->label);
  return NULL;
}

/* ---- NHS numbers ---- */

char *
hk_nhs_number_normalize (const char *text)
{
  char digits[11];
  guint n = 0;
  int sum = 0, check;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isdigit (*p) || n == 10)
        return NULL;
      digits[n++] = *p;
    }
  if (n != 10)
    return NULL;
  digits[10] = '\0';

  /* Modulus 11: weights 10..2 over the first nine digits. */
  for (guint i = 0; i < 9; i++)
    sum += (digits[i] - '0') * (int) (10 - i);
  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  if (check == 10 || check != digits[9] - '0')
    return NULL;
  return g_strdup (digits);
}

gboolean
hk_nhs_number_is_valid (const char *text)
{
  g_autofree char *norm = hk_nhs_number_normalize (text);
  return norm != NULL;
}

/* ---- Dates ---- */

gboolean
_hk_date_parse (const char *text,
                GDate      *out)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (y < 1800 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

GDateTime *
_hk_datetime_parse (const char *text)
{
  g_autoptr(GTimeZone) local = NULL;

  if (text == NULL || strlen (text) < 16 || strlen (text) > 40)
    return NULL;
  local = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (text, local);
}

static gboolean
today_before (const GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return g_date_compare (&today, date) < 0;
}

/* ---- Validation ---- */

static gboolean
fail (const HkFieldSpec  *spec,
      const char        **out_field,
      GError            **error,
      const char         *rule)
{
  if (out_field)
    *out_field = spec ? spec->key : NULL;
  /* Translators: "<field label>: <rule>", e.g. "NHS number: the check digit is wrong." */
  g_set_error (error, HK_ERROR, HK_ERROR_INVALID, _("%s: %s"),
               spec ? _(spec->label) : _("Record"), rule);
  return FALSE;
}

static gboolean
check_text (const HkFieldSpec  *spec,
            const char         *text,
            gboolean            multiline,
            const char        **out_field,
            GError            **error)
{
  guint max = spec->max_length ? spec->max_length
                               : (multiline ? DEFAULT_LONG_TEXT_MAX : DEFAULT_TEXT_MAX);

  if (!g_utf8_validate (text, -1, NULL))
    return fail (spec, out_field, error, _("contains text that is not valid UTF-8."));
  if (g_utf8_strlen (text, -1) > (glong) max)
    {
      g_autofree char *rule = g_strdup_printf (_("is too long (at most %u characters)."), max);
      return fail (spec, out_field, error, rule);
    }
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c < 0x20 && c != '\t' && !(multiline && (c == '\n' || c == '\r')))
        return fail (spec, out_field, error,
                     multiline ? _("contains control characters.")
                               : _("must be a single line."));
    }
  return TRUE;
}

static gboolean
check_value (const HkFieldSpec  *spec,
             GVariant           *value,
             const char        **out_field,
             GError            **error)
{
  const char *text = NULL;

  switch (spec->type)
    {
    case HK_FIELD_BOOL:
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        return fail (spec, out_field, error, _("must be yes or no."));
      return TRUE;

    case HK_FIELD_TEXT_LIST:
      {
        GVariantIter iter;
        const char *item;
        guint n = 0;

        if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
          return fail (spec, out_field, error, _("must be a list of names."));
        g_variant_iter_init (&iter, value);
        while (g_variant_iter_next (&iter, "&s", &item))
          {
            if (++n > MAX_LIST_ITEMS)
              return fail (spec, out_field, error, _("has too many entries."));
            if (!check_text (spec, item, FALSE, out_field, error))
              return FALSE;
          }
        return TRUE;
      }

    case HK_FIELD_ENUM_LIST:
      {
        GVariantIter iter;
        const char *item;
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

        if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
          return fail (spec, out_field, error, _("must be a list of choices."));
        g_variant_iter_init (&iter, value);
        while (g_variant_iter_next (&iter, "&s", &item))
          {
            if (hk_field_spec_get_value_label (spec, item) == NULL)
              return fail (spec, out_field, error, _("contains a choice that is not allowed."));
            if (!g_hash_table_add (seen, (gpointer) item))
              return fail (spec, out_field, error, _("lists the same choice twice."));
          }
        return TRUE;
      }

    default:
      break;
    }

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return fail (spec, out_field, error, _("must be text."));
  text = g_variant_get_string (value, NULL);
  if (*text == '\0')
    return TRUE; /* empty means absent; the required check handles it */

  switch (spec->type)
    {
    case HK_FIELD_TEXT:
      return check_text (spec, text, FALSE, out_field, error);

    case HK_FIELD_LONG_TEXT:
      return check_text (spec, text, TRUE, out_field, error);

    case HK_FIELD_ENUM:
      if (hk_field_spec_get_value_label (spec, text) == NULL)
        return fail (spec, out_field, error, _("is not one of the allowed choices."));
      return TRUE;

    case HK_FIELD_NHS_NUMBER:
      {
        g_autofree char *digits = NULL;
        guint n = 0;

        for (const char *p = text; *p; p++)
          if (g_ascii_isdigit (*p))
            n++;
        if (n != 10)
          return fail (spec, out_field, error, _("must have 10 digits."));
        digits = hk_nhs_number_normalize (text);
        if (digits == NULL)
          return fail (spec, out_field, error,
                       _("is not a valid NHS number (the check digit does not match). Check each digit."));
        return TRUE;
      }

    case HK_FIELD_DATE:
      {
        GDate date;

        if (!_hk_date_parse (text, &date))
          return fail (spec, out_field, error, _("must be a real date."));
        if ((spec->flags & HK_FIELD_NOT_FUTURE) && today_before (&date))
          return fail (spec, out_field, error, _("cannot be in the future."));
        return TRUE;
      }

    case HK_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = _hk_datetime_parse (text);

        if (dt == NULL)
          return fail (spec, out_field, error, _("must be a real date and time."));
        if ((spec->flags & HK_FIELD_NOT_FUTURE) &&
            g_date_time_to_unix (dt) * G_USEC_PER_SEC > g_get_real_time () + FUTURE_TOLERANCE_USEC)
          return fail (spec, out_field, error, _("cannot be in the future."));
        return TRUE;
      }

    case HK_FIELD_RECORD_ID:
      {
        gboolean ok = strlen (text) == 32;

        for (const char *p = text; ok && *p; p++)
          ok = g_ascii_isxdigit (*p) && !g_ascii_isupper (*p);
        if (!ok)
          return fail (spec, out_field, error, _("must be the id of a record."));
        return TRUE;
      }

    case HK_FIELD_BOOL:
    case HK_FIELD_TEXT_LIST:
    case HK_FIELD_ENUM_LIST:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_present (GVariant   *fields,
            const char *key)
{
  g_autoptr(GVariant) v = g_variant_lookup_value (fields, key, NULL);

  if (v == NULL)
    return FALSE;
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return *g_variant_get_string (v, NULL) != '\0';
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
    return g_variant_n_children (v) > 0;
  return TRUE;
}

/* The value of a string field, NULL when absent or empty. */
static const char *
get_str (GVariant   *fields,
         const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (fields, key, "&s", &value) || *value == '\0')
    return NULL;
  return value;
}

static gboolean
get_bool (GVariant   *fields,
          const char *key)
{
  gboolean value = FALSE;

  g_variant_lookup (fields, key, "b", &value);
  return value;
}

static gboolean
rule (HkRecordKind   kind,
      const char    *key,
      const char   **out_field,
      GError       **error,
      const char    *message)
{
  return fail (hk_record_kind_find_field (kind, key), out_field, error, message);
}

/* ISO dates compare correctly as strings. */
static gboolean
date_before (const char *a,
             const char *b)
{
  return a && b && strcmp (a, b) < 0;
}

static gboolean
check_concern (GVariant *f, const char **out_field, GError **error)
{
  const HkRecordKind k = HK_RECORD_KIND_CONCERN;
  const char *decision = get_str (f, "decision");
  const char *response = get_str (f, "response");

  if (g_strcmp0 (decision, "s42_enquiry") == 0)
    {
      static const char *criteria[] = { "criterion_needs", "criterion_abuse", "criterion_protect" };
      for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
        if (g_strcmp0 (get_str (f, criteria[i]), "yes") != 0)
          return rule (k, criteria[i], out_field, error,
                       _("must be “Yes” for a Section 42 enquiry: all three criteria in section 42(1) must be met."));
    }
  if (g_strcmp0 (decision, "no_enquiry") == 0 && response == NULL)
    return rule (k, "response", out_field, error, _("is needed when there is no enquiry: say what was done instead."));
  if (response != NULL && g_strcmp0 (decision, "no_enquiry") != 0)
    return rule (k, "response", out_field, error, _("is only recorded when the decision is “No enquiry”."));
  if (decision != NULL && get_str (f, "decision_on") == NULL)
    return rule (k, "decision_on", out_field, error, _("is needed once a decision is recorded."));
  if (date_before (get_str (f, "decision_on"), get_str (f, "received_on")))
    return rule (k, "decision_on", out_field, error, _("cannot be before the concern was received."));
  return TRUE;
}

static gboolean
check_enquiry (GVariant *f, const char **out_field, GError **error)
{
  if (date_before (get_str (f, "concluded_on"), get_str (f, "started_on")))
    return rule (HK_RECORD_KIND_ENQUIRY, "concluded_on", out_field, error,
                 _("cannot be before the enquiry started."));
  return TRUE;
}

static gboolean
check_risk (GVariant *f, const char **out_field, GError **error)
{
  const char *assessment = get_str (f, "assessment");

  if (get_str (f, "outcome") != NULL && !hk_sac_risk_identified (assessment))
    return rule (HK_RECORD_KIND_RISK, "outcome", out_field, error,
                 _("can only be recorded after a “Risk identified” assessment outcome."));
  return TRUE;
}

static gboolean
check_conversation (GVariant *f, const char **out_field, GError **error)
{
  const HkRecordKind k = HK_RECORD_KIND_CONVERSATION;
  const char *phase = get_str (f, "phase");
  gboolean closing = g_strcmp0 (phase, "at_closure") == 0 || g_strcmp0 (phase, "after_closure") == 0;
  static const char *feedback[] = { "feels_safer", "listened_to", "kept_informed" };

  for (guint i = 0; !closing && i < G_N_ELEMENTS (feedback); i++)
    if (get_str (f, feedback[i]) != NULL)
      return rule (k, feedback[i], out_field, error,
                   _("is closure feedback: record it in a conversation at or after closure."));
  return TRUE;
}

static gboolean
check_outcome (GVariant *f, const char **out_field, GError **error)
{
  const HkRecordKind k = HK_RECORD_KIND_OUTCOME;
  gboolean rated = get_str (f, "achieved") != NULL;

  if (rated && get_str (f, "person_view") == NULL)
    return rule (k, "person_view", out_field, error,
                 _("is needed with the rating: record how far the person feels it was achieved, in their words."));
  if (rated && get_str (f, "rated_on") == NULL)
    return rule (k, "rated_on", out_field, error, _("is needed with the rating."));
  if (!rated && get_str (f, "rated_on") != NULL)
    return rule (k, "achieved", out_field, error, _("is needed when a rating date is given."));
  if (date_before (get_str (f, "rated_on"), get_str (f, "expressed_on")))
    return rule (k, "rated_on", out_field, error, _("cannot be before the outcome was expressed."));
  return TRUE;
}

static gboolean
check_capacity (GVariant *f, const char **out_field, GError **error)
{
  const HkRecordKind k = HK_RECORD_KIND_CAPACITY;
  static const char *elements[] = { "understand", "retain", "use_weigh", "communicate" };
  gboolean impairment = g_strcmp0 (get_str (f, "impairment"), "yes") == 0;
  gboolean any_unable = FALSE;
  const char *outcome = get_str (f, "outcome");

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    any_unable |= g_strcmp0 (get_str (f, elements[i]), "unable") == 0;

  if (impairment && get_str (f, "impairment_detail") == NULL)
    return rule (k, "impairment_detail", out_field, error, _("is needed: describe the impairment or disturbance."));
  if (impairment && any_unable && get_str (f, "causal_link") == NULL)
    return rule (k, "causal_link", out_field, error,
                 _("is needed: say whether the inability is because of the impairment or disturbance."));
  if (get_str (f, "causal_link") != NULL && get_str (f, "causal_link_evidence") == NULL)
    return rule (k, "causal_link_evidence", out_field, error, _("is needed with the causal link."));
  if (g_strcmp0 (outcome, "lacks_capacity") == 0)
    {
      /* s2(1) and s3(1): unable to decide, because of an impairment. */
      if (!impairment)
        return rule (k, "outcome", out_field, error,
                     _("cannot be “lacks capacity” without an impairment or disturbance of the mind or brain (MCA section 2)."));
      if (!any_unable)
        return rule (k, "outcome", out_field, error,
                     _("cannot be “lacks capacity” when the person can understand, retain, use or weigh, and communicate (MCA section 3)."));
      if (g_strcmp0 (get_str (f, "causal_link"), "yes") != 0)
        return rule (k, "outcome", out_field, error,
                     _("cannot be “lacks capacity” unless the inability is because of the impairment or disturbance."));
    }
  else if (g_strcmp0 (outcome, "has_capacity") == 0 && impairment && any_unable &&
           g_strcmp0 (get_str (f, "causal_link"), "yes") == 0)
    return rule (k, "outcome", out_field, error,
                 _("does not match the answers: an impairment causes an inability to decide, so the person lacks capacity for this decision."));
  if (date_before (get_str (f, "review_on"), get_str (f, "assessed_on")))
    return rule (k, "review_on", out_field, error, _("cannot be before the assessment."));
  return TRUE;
}

static gboolean
check_best_interests (GVariant *f, const char **out_field, GError **error)
{
  const char *attorney = get_str (f, "attorney_deputy");

  if (attorney != NULL && g_strcmp0 (attorney, "none") != 0 && get_str (f, "attorney_deputy_name") == NULL)
    return rule (HK_RECORD_KIND_BEST_INTERESTS, "attorney_deputy_name", out_field, error,
                 _("is needed when there is an attorney or deputy."));
  return TRUE;
}

static gboolean
check_advocacy (GVariant *f, const char **out_field, GError **error)
{
  const HkRecordKind k = HK_RECORD_KIND_ADVOCACY;
  const char *basis = get_str (f, "basis");
  const char *status = get_str (f, "status");
  static const char *difficulties[] = { "difficulty_understanding", "difficulty_retaining",
                                        "difficulty_using", "difficulty_communicating" };
  gboolean any_difficulty = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (difficulties); i++)
    any_difficulty |= g_strcmp0 (get_str (f, difficulties[i]), "yes") == 0;

  if ((g_strcmp0 (basis, "care_act_s67") == 0 || g_strcmp0 (basis, "care_act_s68") == 0) &&
      g_strcmp0 (status, "considered") != 0 && g_strcmp0 (status, "declined") != 0 && !any_difficulty)
    return rule (k, "difficulty_understanding", out_field, error,
                 _("or one of the other three areas must be “Yes”: the Care Act duty needs a substantial difficulty."));
  if (g_strcmp0 (basis, "imca_adult_protection") == 0 && get_str (f, "particular_benefit") == NULL)
    return rule (k, "particular_benefit", out_field, error,
                 _("is needed for an IMCA in adult protection."));
  if (g_strcmp0 (get_str (f, "appropriate_person"), "yes_consents") == 0 ||
      g_strcmp0 (get_str (f, "appropriate_person"), "yes_best_interests") == 0)
    if (get_str (f, "appropriate_person_name") == NULL)
      return rule (k, "appropriate_person_name", out_field, error, _("is needed when there is an appropriate person."));

  if (g_strcmp0 (status, "referred") == 0 || g_strcmp0 (status, "allocated") == 0 ||
      g_strcmp0 (status, "ended") == 0)
    if (get_str (f, "referred_on") == NULL)
      return rule (k, "referred_on", out_field, error, _("is needed once the referral is made."));
  if (g_strcmp0 (status, "allocated") == 0 || g_strcmp0 (status, "ended") == 0)
    {
      if (get_str (f, "allocated_on") == NULL)
        return rule (k, "allocated_on", out_field, error, _("is needed once an advocate is allocated."));
      if (get_str (f, "organisation") == NULL)
        return rule (k, "organisation", out_field, error, _("is needed once an advocate is allocated."));
    }
  if (g_strcmp0 (status, "ended") == 0 && get_str (f, "ended_on") == NULL)
    return rule (k, "ended_on", out_field, error, _("is needed once the advocacy has ended."));
  if (g_strcmp0 (status, "declined") == 0 && get_str (f, "declined_reason") == NULL)
    return rule (k, "declined_reason", out_field, error, _("is needed when advocacy is declined."));
  if (date_before (get_str (f, "referred_on"), get_str (f, "considered_on")))
    return rule (k, "referred_on", out_field, error, _("cannot be before advocacy was considered."));
  if (date_before (get_str (f, "allocated_on"), get_str (f, "referred_on")))
    return rule (k, "allocated_on", out_field, error, _("cannot be before the referral."));
  if (date_before (get_str (f, "ended_on"), get_str (f, "allocated_on")))
    return rule (k, "ended_on", out_field, error, _("cannot be before the advocate was allocated."));
  return TRUE;
}

static gboolean
check_action (GVariant *f, const char **out_field, GError **error)
{
  (void) get_bool;
  return TRUE;
}

static gboolean
check_cross_fields (HkRecordKind   kind,
                    GVariant      *fields,
                    const char   **out_field,
                    GError       **error)
{
  if (kind == HK_RECORD_KIND_CASE)
    {
      const char *status = NULL, *opened = NULL, *closed = NULL;
      const HkFieldSpec *closed_spec = hk_record_kind_find_field (kind, "closed_on");

      g_variant_lookup (fields, "status", "&s", &status);
      g_variant_lookup (fields, "opened_on", "&s", &opened);
      g_variant_lookup (fields, "closed_on", "&s", &closed);
      if (closed && *closed == '\0')
        closed = NULL;

      if (g_strcmp0 (status, "closed") == 0 && closed == NULL)
        return fail (closed_spec, out_field, error, _("is needed when the case is closed."));
      if (g_strcmp0 (status, "open") == 0 && closed != NULL)
        return fail (closed_spec, out_field, error, _("must be empty while the case is open."));
      /* ISO dates compare correctly as strings. */
      if (closed && opened && strcmp (closed, opened) < 0)
        return fail (closed_spec, out_field, error, _("cannot be before the case was opened."));
    }

  switch (kind)
    {
    case HK_RECORD_KIND_CONCERN:        return check_concern (fields, out_field, error);
    case HK_RECORD_KIND_ENQUIRY:        return check_enquiry (fields, out_field, error);
    case HK_RECORD_KIND_RISK:           return check_risk (fields, out_field, error);
    case HK_RECORD_KIND_CONVERSATION:   return check_conversation (fields, out_field, error);
    case HK_RECORD_KIND_OUTCOME:        return check_outcome (fields, out_field, error);
    case HK_RECORD_KIND_CAPACITY:       return check_capacity (fields, out_field, error);
    case HK_RECORD_KIND_BEST_INTERESTS: return check_best_interests (fields, out_field, error);
    case HK_RECORD_KIND_ADVOCACY:       return check_advocacy (fields, out_field, error);
    case HK_RECORD_KIND_ACTION:         return check_action (fields, out_field, error);
    case HK_RECORD_KIND_META:
    case HK_RECORD_KIND_PERSON:
    case HK_RECORD_KIND_CASE:
    case HK_RECORD_KIND_NOTE:
    case HK_RECORD_KIND_DRAFT:
    default:
      return TRUE;
    }
}

gboolean
hk_record_validate (HkRecordKind   kind,
                    GVariant      *fields,
                    const char   **out_field,
                    GError       **error)
{
  const HkFieldSpec *specs = hk_record_kind_get_fields (kind);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (out_field)
    *out_field = NULL;
  if ((guint) kind > HK_RECORD_KIND_LAST)
    return fail (NULL, out_field, error, _("unknown kind of record."));
  if (!g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT))
    return fail (NULL, out_field, error, _("fields must be a dictionary."));

  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) owned = value;
      const HkFieldSpec *spec = hk_record_kind_find_field (kind, key);

      if (spec == NULL)
        {
          if (out_field)
            *out_field = NULL;
          g_set_error (error, HK_ERROR, HK_ERROR_INVALID,
                       /* Translators: "foo is not a field of a person" */
                       _("“%s” is not a field of a %s."), key,
                       hk_record_kind_to_string (kind));
          return FALSE;
        }
      if (spec->flags & HK_FIELD_AUTOMATIC)
        continue;
      if (!check_value (spec, owned, out_field, error))
        return FALSE;
    }

  for (const HkFieldSpec *spec = specs; spec->key; spec++)
    if ((spec->flags & HK_FIELD_REQUIRED) && !is_present (fields, spec->key))
      return fail (spec, out_field, error, _("is required."));

  return check_cross_fields (kind, fields, out_field, error);
}
