/* hk-demo.c: deterministic synthetic casework for demos, tests and benchmarks
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name, number and event here is invented. NHS numbers come from the
 * 999 range, which is never issued to patients.
 *
 * Each case follows one of a few scenarios (the case summary says which), and
 * its Making Safeguarding Personal records follow from it: the concern and
 * its s42 decision, an enquiry with plausible SAC risks, outcome
 * conversations in the person's own words, capacity assessments and
 * best-interests decisions where capacity is in doubt, advocacy and actions.
 * Those records draw on a second generator, so the people, cases and notes
 * of a seed are the same as before they existed.
 */
#include "config.h"

#include <string.h>

#include "hearken/hk-demo.h"
#include "hearken/hk-sac.h"
#include "hk-vault-private.h"

#define CASES_PER_BATCH 25

static const char *first_names[] = {
  "Margaret", "Arthur", "Doreen", "Kwame", "Priya", "Stanley", "Aisha", "Brian", "Eileen", "Tomasz",
  "Winifred", "Desmond", "Farida", "Gareth", "Hyacinth", "Ivor", "Joan", "Kofi", "Lorna", "Mohammed",
  "Nora", "Owen", "Parveen", "Reginald", "Sinead", "Terence", "Una", "Vernon", "Wai Ling", "Yusuf",
};

static const char *surnames[] = {
  "Ashworth", "Bannerjee", "Clegg", "Dlamini", "Evans", "Fairclough", "Gallagher", "Hussain", "Iqbal",
  "Jenkins", "Kowalski", "Lomax", "McAllister", "Nwosu", "O'Leary", "Pemberton", "Quayle", "Rahman",
  "Sutcliffe", "Thackeray", "Umeh", "Varga", "Whitworth", "Yardley", "Zielinski",
};

static const char *streets[] = {
  "Acacia Avenue", "Mill Lane", "Chapel Street", "Station Road", "Victoria Terrace", "Coronation Close",
  "Beech Grove", "Canal Side", "Wellington Road", "Orchard Way",
};

static const char *towns[] = {
  "Eastbridge", "Holmfirth Vale", "Kingsmere", "Lowford", "Netherby", "Oakbury",
};

static const char *communication[] = {
  "", "", "", "Hard of hearing: face her and speak clearly; hearing aid in left ear.",
  "Prefers Urdu; arrange an interpreter.", "Uses Makaton with familiar people.",
  "Short sentences and one question at a time; memory difficulties.", "Reads large print.",
  "Prefers written summaries after each visit.",
};

static const char *relationships[] = {
  "Daughter", "Son", "Niece", "Friend", "Neighbour", "Partner", "Brother",
};

static const char *summaries[] = {
  "Concern raised by the home care agency about unexplained bruising.",
  "Neighbour reported that the person has not been seen for several days and post is piling up.",
  "GP practice concerned about withdrawals from the person's bank account by a family member.",
  "Care home reported a medication error and a fall that was not escalated.",
  "Person disclosed to the district nurse that a lodger is taking money and shouting at them.",
  "Self-neglect: hoarding and no heating over the winter; person declines support.",
  "Day centre staff noticed weight loss and missed attendance.",
  "Anonymous report of a door-to-door trader returning repeatedly.",
};

/* Before and after the person's name. */
static const char *note_openers[][2] = {
  { "Spoke with ", " at home." },
  { "Telephoned ", " as agreed last week." },
  { "Met ", " at the day centre with a member of staff present." },
  { "Visited ", " with the district nurse." },
  { "Attended the multi-agency meeting about ", "." },
  { "Spoke with the representative of ", " about the concerns." },
};

static const char *note_middles[] = {
  "Explained why I was there and that the conversation was about what they want to happen.",
  "They said they want to stay in their own home and feel safe there.",
  "They told me they do not want the police involved at this stage.",
  "Asked what a good outcome would look like; they said \"I just want him to stop coming round\".",
  "Talked through the options, including changing the locks and a call alarm.",
  "They were tired today, so I kept the visit short and agreed to come back on Thursday.",
  "Home was warm and tidy; fridge had food in it; medication dosette up to date.",
  "They asked for help with managing their money and agreed to a referral to the money advice service.",
  "Discussed whether they would like an advocate; they will think about it and let me know.",
  "Their daughter was present for part of the conversation at their request.",
  "Checked their understanding of the plan; they could explain it back in their own words.",
  "No new injuries seen. They said things have been calmer this week.",
};

static const char *note_closers[] = {
  "Agreed next steps and left my contact details.",
  "Will update the team manager in supervision.",
  "Next visit booked for next week.",
  "Will write to them with a summary, as they asked.",
  "Actions: contact the bank's vulnerable customer team; chase the GP letter.",
};

static const char *note_kinds[] = { "conversation", "conversation", "visit", "visit", "phone_call", "meeting", "other" };

static const char *principles[] = {
  "empowerment", "prevention", "proportionality", "protection", "partnership", "accountability",
};

typedef struct
{
  const char *risk_type;
  const char *location;  /* NULL: a care home, nursing or residential */
  const char *source;
} DemoRisk;

/* One per entry of summaries[], in the same order. */
static const struct
{
  const char *raised_by_role;
  const char *raised_by_agency;
  DemoRisk    risks[3];
  const char *desired[3];         /* in the person's own words */
  const char *capacity_decision;
  guint       capacity_percent;   /* how often capacity is in doubt */
  const char *caused_to;
} scenarios[] = {
  { "Home care worker", "Home care agency",
    { { "physical", "own_home", "service_provider" }, { "neglect", "own_home", "service_provider" } },
    { "I want the carers who hurt me to stop coming.", "I want to feel safe when they help me wash.",
      "I want to stay in my own home." },
    "Whether to accept a change of home care agency", 15, "The home care agency" },
  { "Neighbour", NULL,
    { { "self_neglect", "own_home", "known" }, { "neglect", "own_home", "known" } },
    { "I want to be left alone to live my way.", "I'd like some help with the shopping, nothing more.",
      "I want to keep my cat." },
    "Whether to accept support with personal care at home", 30, NULL },
  { "Practice nurse", "GP practice",
    { { "financial", "own_home", "known" }, { "psychological", "own_home", "known" } },
    { "I want my money to be safe.", "I don't want my son in trouble with the police.",
      "I want to keep seeing my grandchildren." },
    "Whether to let a family member manage their bank account", 30, "Police" },
  { "Deputy manager", "Care home",
    { { "neglect", NULL, "service_provider" }, { "organisational", NULL, "service_provider" },
      { "physical", NULL, "service_provider" } },
    { "I want my tablets on time.", "I want to feel safe in my room at night.",
      "I want my daughter to be told when something happens." },
    "Whether to move to a different care home", 40, "The care home's provider" },
  { "District nurse", "Community nursing team",
    { { "financial", "own_home", "known" }, { "psychological", "own_home", "known" },
      { "physical", "own_home", "known" } },
    { "I want him to move out.", "I want to stop being shouted at in my own home.",
      "I want my pension to last the month." },
    "Whether the lodger should stay", 10, "Police" },
  { "Housing officer", "Housing association",
    { { "self_neglect", "own_home", "known" } },
    { "I want to keep my things.", "I want the heating fixed before winter.", "I don't want to go into a home." },
    "Whether to accept a deep clean of the home", 30, NULL },
  { "Day centre worker", "Day centre",
    { { "neglect", "own_home", "known" }, { "neglect", "community_service", "service_provider" } },
    { "I want to go back to the day centre.", "I want proper meals.", "I want my wife to get some help too." },
    "Whether to accept a referral to a dietitian", 20, NULL },
  { "Anonymous caller", NULL,
    { { "financial", "own_home", "unknown" }, { "psychological", "own_home", "unknown" } },
    { "I want him to stop knocking.", "I want my money back.", "I want to feel safe answering the door." },
    "Whether to pay for the building work agreed at the door", 15, "Trading Standards" },
};

static const struct
{
  const char *description;
  const char *principles[2];
} actions[] = {
  { "Agree a safety plan with them and review it weekly.", { "empowerment", "protection" } },
  { "Share the concern with the police safeguarding team.", { "partnership", "protection" } },
  { "Ask the GP to review their medication.", { "prevention", "partnership" } },
  { "Arrange a multi-agency meeting.", { "partnership", "accountability" } },
  { "Fit a key safe and a call alarm.", { "prevention", NULL } },
  { "Contact the bank's vulnerable customer team.", { "protection", "partnership" } },
  { "Refer to the money advice service, as they asked.", { "empowerment", "prevention" } },
  { "Notify the Care Quality Commission.", { "accountability", NULL } },
  { "Ask the fire service for a home safety visit.", { "prevention", "partnership" } },
  { "Write to them with a summary of the plan, in large print.", { "empowerment", "accountability" } },
  { "Review the care plan with the provider; keep it to what is needed.", { "proportionality", "accountability" } },
};

static const char *responses[][2] = {
  { "advice",        "Advice given to the person and the referrer about staying safe." },
  { "signposting",   "Signposted to the local carers' centre." },
  { "assessment",    "Care Act assessment of needs arranged." },
  { "review",        "Care and support plan reviewed with the provider." },
  { "other_service", "Passed to the mental health team, who know them." },
  { "no_action",     "No further action: the person is safe and supported." },
};

static const char *feels_safer_words[] = {
  "\"I sleep better now.\"", "\"Yes, now I know who to ring.\"", "\"A bit. It's still early days.\"",
  "\"Not really, but I know you tried.\"",
};
static const char *listened_words[] = {
  "\"You listened, and you came back when you said you would.\"", "\"Mostly. The meetings were a lot.\"",
};
static const char *informed_words[] = {
  "\"I always knew what was happening.\"", "\"I didn't always know what the police were doing.\"",
};
static const char *person_views[] = {
  "\"That's sorted now, thank you.\"", "\"Better than it was.\"", "\"Some of it. I'd still like more help.\"",
  "\"No, that didn't happen, but I understand why.\"",
};

static const char *
pick (GRand       *rand,
      const char **list,
      guint        n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}
#define PICK(r, list) pick ((r), (list), G_N_ELEMENTS (list))

static char *
synthetic_nhs_number (GRand *rand)
{
  for (;;)
    {
      char digits[11];
      int sum = 0, check;

      digits[0] = digits[1] = digits[2] = '9';
      for (guint i = 3; i < 9; i++)
        digits[i] = '0' + g_rand_int_range (rand, 0, 10);
      for (guint i = 0; i < 9; i++)
        sum += (digits[i] - '0') * (int) (10 - i);
      check = 11 - (sum % 11);
      if (check == 11)
        check = 0;
      if (check == 10)
        continue;
      digits[9] = '0' + check;
      digits[10] = '\0';
      return g_strdup_printf ("%.3s %.3s %.4s", digits, digits + 3, digits + 6);
    }
}

static GVariant *
person_fields (GRand *rand)
{
  GVariantDict d;
  const char *first = PICK (rand, first_names);
  const char *surname = PICK (rand, surnames);
  g_autofree char *name = g_strdup_printf ("%s %s", first, surname);
  g_autofree char *dob = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1928, 2003),
                                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  g_autofree char *nhs = synthetic_nhs_number (rand);
  g_autofree char *address = g_strdup_printf ("%d %s\n%s", g_rand_int_range (rand, 1, 180),
                                              PICK (rand, streets), PICK (rand, towns));
  g_autofree char *ref = g_strdup_printf ("DEMO-%06d", g_rand_int_range (rand, 0, 1000000));
  const char *comm = PICK (rand, communication);

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "name", "s", name);
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_variant_dict_insert (&d, "preferred_name", "s", first);
  g_variant_dict_insert (&d, "date_of_birth", "s", dob);
  g_variant_dict_insert (&d, "nhs_number", "s", nhs);
  g_variant_dict_insert (&d, "local_ref", "s", ref);
  g_variant_dict_insert (&d, "address", "s", address);
  g_variant_dict_insert (&d, "contact", "s", "Landline 01632 960000 (fictional)");
  if (*comm)
    g_variant_dict_insert (&d, "communication_needs", "s", comm);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *rep = g_strdup_printf ("%s %s", PICK (rand, first_names), surname);
      g_variant_dict_insert (&d, "representative_name", "s", rep);
      g_variant_dict_insert (&d, "representative_relationship", "s", PICK (rand, relationships));
    }
  return g_variant_dict_end (&d);
}

static char *
note_text (GRand      *rand,
           const char *name)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 5);

  guint opener = g_rand_int_range (rand, 0, G_N_ELEMENTS (note_openers));

  g_string_append_printf (text, "%s%s%s", note_openers[opener][0], name, note_openers[opener][1]);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, " %s", PICK (rand, note_middles));
  g_string_append_printf (text, "\n\n%s", PICK (rand, note_closers));
  return g_string_free (text, FALSE);
}

static char *
format_local (GDateTime *dt)
{
  return g_date_time_format (dt, "%FT%T%:z");
}

/* ---- Casework ---- */

/* A weighted choice: @weights sum to 100. */
static guint
pick_weighted (GRand       *rand,
               const guint *weights,
               guint        n)
{
  guint r = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static gboolean
chance (GRand *rand,
        guint  percent)
{
  return (guint) g_rand_int_range (rand, 0, 100) < percent;
}

/* What a case will hold, decided before the case record is written because
 * the case itself records some of it. */
typedef struct
{
  guint        scenario;
  gboolean     closed;
  gboolean     has_concern;
  const char  *decision;            /* s42_enquiry, other_enquiry, no_enquiry or NULL */
  gboolean     capacity;            /* an assessment for the scenario's decision */
  gboolean     doubt_unassessed;    /* capacity doubted, not yet assessed */
  gboolean     closing_conversation;
} DemoPlan;

typedef struct
{
  HkVault     *vault;
  GRand       *rand;
  GDateTime   *opened;
  int          end;          /* the last day records may fall on: closing day or today */
  const char  *case_id;
  HkRecord    *person;
  DemoPlan    *plan;
  GError     **error;
} DemoCase;

static char *
day (DemoCase *c,
     int       offset)
{
  g_autoptr(GDateTime) dt = g_date_time_add_days (c->opened, CLAMP (offset, 0, c->end));

  return g_date_time_format (dt, "%F");
}

static int
clamp_day (DemoCase *c,
           int       offset)
{
  return CLAMP (offset, 0, c->end);
}

static HkRecord *
save (DemoCase     *c,
      HkRecordKind  kind,
      const char   *parent_id,
      GVariantDict *d)
{
  return hk_vault_save (c->vault, kind, NULL, parent_id ? parent_id : c->case_id, 0,
                        g_variant_dict_end (d), c->error);
}

static void
insert_principles (GRand        *rand,
                   GVariantDict *d,
                   const char   *first,
                   const char   *second)
{
  const char *list[3] = { first, second, NULL };

  if (first == NULL)
    {
      list[0] = PICK (rand, principles);
      list[1] = NULL;
      if (chance (rand, 40))
        {
          list[1] = PICK (rand, principles);
          if (g_str_equal (list[0], list[1]))
            list[1] = NULL;
        }
    }
  g_variant_dict_insert (d, "principles", "^as", list);
}

static void
plan_case (GRand    *rand,
           DemoPlan *plan,
           guint     scenario,
           gboolean  closed)
{
  static const guint decision_weights[] = { 42, 21, 27, 10 };
  static const char *decisions[] = { "s42_enquiry", "other_enquiry", "no_enquiry", NULL };

  memset (plan, 0, sizeof *plan);
  plan->scenario = scenario;
  plan->closed = closed;
  plan->has_concern = chance (rand, 95);
  if (plan->has_concern)
    {
      plan->decision = decisions[pick_weighted (rand, decision_weights, G_N_ELEMENTS (decisions))];
      /* A closed case had its concern decided. */
      if (plan->decision == NULL && closed)
        plan->decision = "no_enquiry";
    }
  plan->capacity = chance (rand, scenarios[scenario].capacity_percent);
  plan->doubt_unassessed = !plan->capacity && chance (rand, 4);
  plan->closing_conversation = closed && plan->has_concern && chance (rand, 85);
}

static HkRecord *
add_concern (DemoCase *c,
             int       decided)
{
  DemoPlan *plan = c->plan;
  g_autofree char *received = day (c, 0);
  g_autofree char *decided_on = day (c, decided);
  GVariantDict d;

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "received_on", "s", received);
  g_variant_dict_insert (&d, "raised_by_role", "s", scenarios[plan->scenario].raised_by_role);
  if (scenarios[plan->scenario].raised_by_agency)
    g_variant_dict_insert (&d, "raised_by_agency", "s", scenarios[plan->scenario].raised_by_agency);
  g_variant_dict_insert (&d, "reported", "s", summaries[plan->scenario]);
  g_variant_dict_insert (&d, "criterion_needs", "s", "yes");
  g_variant_dict_insert (&d, "criterion_needs_reason", "s", "Receives care and support; known to the team.");
  if (g_strcmp0 (plan->decision, "no_enquiry") == 0)
    {
      const char **response = (const char **) responses[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (responses))];

      g_variant_dict_insert (&d, "criterion_abuse", "s", chance (c->rand, 60) ? "no" : "not_known");
      g_variant_dict_insert (&d, "criterion_abuse_reason", "s",
                             "No indication of abuse or neglect in what was gathered.");
      g_variant_dict_insert (&d, "criterion_protect", "s", "not_known");
      g_variant_dict_insert (&d, "criterion_protect_reason", "s", "Not assessed: the first two are not met.");
      g_variant_dict_insert (&d, "response", "s", response[0]);
      g_variant_dict_insert (&d, "response_detail", "s", response[1]);
    }
  else
    {
      gboolean s42 = plan->decision == NULL || g_str_equal (plan->decision, "s42_enquiry");

      g_variant_dict_insert (&d, "criterion_abuse", "s", "yes");
      g_variant_dict_insert (&d, "criterion_abuse_reason", "s", "What was reported, if true, is abuse or neglect.");
      g_variant_dict_insert (&d, "criterion_protect", "s", s42 ? "yes" : "no");
      g_variant_dict_insert (&d, "criterion_protect_reason", "s",
                             s42 ? "Cannot protect themselves because of their care and support needs."
                                 : "Able to protect themselves with some support; wants help to do so.");
    }
  if (plan->decision != NULL)
    {
      g_variant_dict_insert (&d, "decision", "s", plan->decision);
      g_variant_dict_insert (&d, "decision_on", "s", decided_on);
    }
  return save (c, HK_RECORD_KIND_CONCERN, NULL, &d);
}

static const char *
risk_assessment (DemoCase *c,
                 gboolean  concluded)
{
  static const guint weights[] = { 65, 5, 10, 5, 5, 5, 5 };
  static const char *codes[] = {
    "identified_action", "identified_no_action", "inconclusive_action", "inconclusive_no_action",
    "none_action", "none_no_action", "ceased_at_request",
  };

  if (concluded)
    return codes[pick_weighted (c->rand, weights, G_N_ELEMENTS (codes))];
  /* Still being looked into: often assessed, never yet with an outcome. */
  return chance (c->rand, 50) ? "identified_action" : NULL;
}

static gboolean
add_enquiry (DemoCase *c,
             int       started,
             int      *out_concluded)
{
  DemoPlan *plan = c->plan;
  gboolean s42 = g_str_equal (plan->decision, "s42_enquiry");
  const char *care_home = chance (c->rand, 50) ? "care_home_nursing" : "care_home_residential";
  g_autoptr(HkRecord) enquiry = NULL;
  g_autofree char *started_on = day (c, started);
  int concluded = -1;
  GVariantDict d;

  if (plan->closed)
    {
      int before_closing = g_rand_int_range (c->rand, 0, 8);

      concluded = MAX (started, c->end - before_closing);
    }
  else if (c->end - started > 120 && chance (c->rand, 50))
    concluded = started + g_rand_int_range (c->rand, 60, c->end - started + 1);

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "enquiry_type", "s", s42 ? "s42" : "other");
  g_variant_dict_insert (&d, "started_on", "s", started_on);
  if (concluded >= 0)
    {
      g_autofree char *concluded_on = day (c, concluded);
      g_variant_dict_insert (&d, "concluded_on", "s", concluded_on);
    }
  g_variant_dict_insert (&d, "lead_agency", "s", "Adult Social Care");
  if (scenarios[plan->scenario].caused_to && chance (c->rand, 40))
    g_variant_dict_insert (&d, "caused_to", "s", scenarios[plan->scenario].caused_to);
  if (plan->scenario == 3)
    g_variant_dict_insert (&d, "large_scale", "b", chance (c->rand, 15));
  enquiry = save (c, HK_RECORD_KIND_ENQUIRY, NULL, &d);
  if (enquiry == NULL)
    return FALSE;

  /* One to three risks, the scenario's first always. */
  for (guint i = 0; i < G_N_ELEMENTS (scenarios[plan->scenario].risks); i++)
    {
      const DemoRisk *risk = &scenarios[plan->scenario].risks[i];
      g_autoptr(HkRecord) saved = NULL;
      const char *assessment;

      if (risk->risk_type == NULL || (i > 0 && !chance (c->rand, 45)))
        continue;
      assessment = risk_assessment (c, concluded >= 0);
      g_variant_dict_init (&d, NULL);
      g_variant_dict_insert (&d, "risk_type", "s", risk->risk_type);
      g_variant_dict_insert (&d, "location", "s", risk->location ? risk->location : care_home);
      g_variant_dict_insert (&d, "source", "s", risk->source);
      if (assessment != NULL)
        g_variant_dict_insert (&d, "assessment", "s", assessment);
      if (concluded >= 0 && hk_sac_risk_identified (assessment))
        {
          static const guint weights[] = { 60, 25, 15 };
          static const char *outcomes[] = { "reduced", "removed", "remained" };

          g_variant_dict_insert (&d, "outcome", "s", outcomes[pick_weighted (c->rand, weights, 3)]);
        }
      saved = save (c, HK_RECORD_KIND_RISK, hk_record_get_id (enquiry), &d);
      if (saved == NULL)
        return FALSE;
    }
  *out_concluded = concluded;
  return TRUE;
}

static gboolean
add_capacity (DemoCase *c,
              gboolean  enquiry,
              gboolean *out_lacks,
              gboolean *out_protective)
{
  const char *decision = scenarios[c->plan->scenario].capacity_decision;
  gboolean lacks = chance (c->rand, 60);
  gboolean impairment = lacks || chance (c->rand, 50);
  int assessed = clamp_day (c, g_rand_int_range (c->rand, 3, 31));
  g_autofree char *assessed_on = day (c, assessed);
  g_autoptr(GDateTime) review = g_date_time_add_days (c->opened, assessed + g_rand_int_range (c->rand, 90, 181));
  g_autofree char *review_on = g_date_time_format (review, "%F");
  static const char *elements[] = { "understand", "retain", "use_weigh", "communicate" };
  static const char *evidence_able[] = {
    "Explained it back in their own words.", "Recalled our conversation from last week.",
    "Talked through the pros and cons and weighed them.", "Told me clearly what they wanted.",
  };
  static const char *evidence_unable[] = {
    "Could not say what the decision was about, even with pictures.",
    "Did not recall the information ten minutes later, with prompts.",
    "Could repeat the facts but not weigh the risks against what they want.",
    "Could not communicate a decision by any means tried.",
  };
  guint unable_mask = 0;
  g_autoptr(HkRecord) assessment = NULL;
  g_autoptr(HkRecord) best_interests = NULL;
  gboolean protective = lacks && enquiry && chance (c->rand, 35);
  GVariantDict d;

  if (lacks)
    {
      /* use_weigh is the usual one; others sometimes too. */
      unable_mask = 1 << 2;
      for (guint i = 0; i < 4; i++)
        if (chance (c->rand, 25))
          unable_mask |= 1 << i;
    }

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "decision", "s", decision);
  g_variant_dict_insert (&d, "assessed_on", "s", assessed_on);
  g_variant_dict_insert (&d, "relevant_information", "s",
                         "The options, what each would mean day to day, and the risks of each.");
  g_variant_dict_insert (&d, "practicable_steps", "s",
                         "Visited in the morning when they are most alert, with their glasses and hearing aid; "
                         "used plain words and pictures; came back a second time.");
  g_variant_dict_insert (&d, "impairment", "s", impairment ? "yes" : "no");
  if (impairment)
    g_variant_dict_insert (&d, "impairment_detail", "s",
                           PICK (c->rand, ((const char *[]) { "Alzheimer's disease (diagnosed by the memory clinic).",
                                                              "Vascular dementia.", "Learning disability.",
                                                              "Acquired brain injury after a stroke." })));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *key = g_strconcat (elements[i], "_evidence", NULL);
      gboolean unable = (unable_mask & (1 << i)) != 0;

      g_variant_dict_insert (&d, elements[i], "s", unable ? "unable" : "able");
      g_variant_dict_insert (&d, key, "s", unable ? evidence_unable[i] : evidence_able[i]);
    }
  if (lacks)
    {
      g_variant_dict_insert (&d, "causal_link", "s", "yes");
      g_variant_dict_insert (&d, "causal_link_evidence", "s",
                             "The difficulty comes from the impairment: it was not there before the diagnosis.");
    }
  g_variant_dict_insert (&d, "outcome", "s", lacks ? "lacks_capacity" : "has_capacity");
  g_variant_dict_insert (&d, "assessor", "s", hk_vault_get_owner_name (c->vault));
  if (lacks)
    g_variant_dict_insert (&d, "review_on", "s", review_on);
  g_variant_dict_insert (&d, "relates_to_enquiry", "b", enquiry);
  g_variant_dict_insert (&d, "protective_measures", "b", protective);
  assessment = save (c, HK_RECORD_KIND_CAPACITY, NULL, &d);
  if (assessment == NULL)
    return FALSE;
  *out_lacks = lacks;
  *out_protective = protective;

  if (!lacks || !chance (c->rand, 85))
    return TRUE;

  {
    g_autofree char *decided_on = day (c, assessed + g_rand_int_range (c->rand, 2, 15));
    const char *representative = hk_record_get_string (c->person, "representative_name");
    const char *consulted[] = { representative ? representative : "Their GP", "Care coordinator", NULL };
    static const guint weights[] = { 70, 15, 10, 5 };
    static const char *attorneys[] = { "none", "lpa_property", "lpa_health", "deputy" };
    const char *attorney = attorneys[pick_weighted (c->rand, weights, 4)];

    g_variant_dict_init (&d, NULL);
    g_variant_dict_insert (&d, "decision", "s", decision);
    g_variant_dict_insert (&d, "decided_on", "s", decided_on);
    g_variant_dict_insert (&d, "assessment_id", "s", hk_record_get_id (assessment));
    g_variant_dict_insert (&d, "decision_maker", "s", hk_vault_get_owner_name (c->vault));
    g_variant_dict_insert (&d, "attorney_deputy", "s", attorney);
    if (!g_str_equal (attorney, "none"))
      g_variant_dict_insert (&d, "attorney_deputy_name", "s", representative ? representative : "Appointed deputy");
    g_variant_dict_insert (&d, "consulted", "^as", consulted);
    g_variant_dict_insert (&d, "consulted_views", "s", "Both want them safe and feel they would want to stay close to home.");
    g_variant_dict_insert (&d, "wishes_feelings", "s",
                           "Has always valued their independence and their routines; family matters a great deal to them.");
    g_variant_dict_insert (&d, "regain_capacity", "s", chance (c->rand, 80) ? "no" : "not_known");
    g_variant_dict_insert (&d, "options", "s", "Carry on as now; more support at home; a move.");
    g_variant_dict_insert (&d, "less_restrictive", "s", "More support at home, reviewed in six weeks.");
    g_variant_dict_insert (&d, "outcome_decision", "s", "More support at home, reviewed in six weeks.");
    g_variant_dict_insert (&d, "reasons", "s",
                           "The least restrictive option that meets the risk, and closest to what they have said they want.");
    best_interests = save (c, HK_RECORD_KIND_BEST_INTERESTS, NULL, &d);
    return best_interests != NULL;
  }
}

/* Returns the advocacy status, or NULL if none was considered. */
static gboolean
add_advocacy (DemoCase    *c,
              int          started,
              int          concluded,
              gboolean     protective,
              const char **out_status)
{
  static const guint weights[] = { 45, 20, 25, 10 };
  static const char *statuses[] = { "allocated", "referred", "ended", "declined" };
  const char *representative = hk_record_get_string (c->person, "representative_name");
  gboolean appropriate = representative != NULL && !protective && chance (c->rand, 60);
  g_autofree char *considered_on = day (c, started);
  g_autoptr(HkRecord) saved = NULL;
  const char *status;
  int referred = clamp_day (c, started + g_rand_int_range (c->rand, 0, 3));
  int allocated = clamp_day (c, referred + g_rand_int_range (c->rand, 3, 21));
  int ended = clamp_day (c, concluded >= 0 ? concluded : c->end);
  GVariantDict d;

  status = statuses[pick_weighted (c->rand, weights, 4)];
  if (appropriate)
    status = "considered";
  else if (g_str_equal (status, "ended") && concluded < 0)
    status = "allocated";
  /* Not yet allocated only makes sense while the case is open. */
  if (c->plan->closed && g_str_equal (status, "referred"))
    status = "ended";

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "basis", "s", protective ? "imca_adult_protection" : "care_act_s68");
  g_variant_dict_insert (&d, "difficulty_understanding", "s", chance (c->rand, 60) ? "yes" : "no");
  g_variant_dict_insert (&d, "difficulty_retaining", "s", chance (c->rand, 40) ? "yes" : "no");
  g_variant_dict_insert (&d, "difficulty_using", "s", "yes");
  g_variant_dict_insert (&d, "difficulty_communicating", "s", chance (c->rand, 20) ? "yes" : "not_known");
  if (protective)
    g_variant_dict_insert (&d, "particular_benefit", "s",
                           "No family or friends to consult, and the protective measures restrict where they can go.");
  g_variant_dict_insert (&d, "appropriate_person", "s", appropriate ? "yes_consents" : "none");
  if (appropriate)
    g_variant_dict_insert (&d, "appropriate_person_name", "s", representative);
  g_variant_dict_insert (&d, "status", "s", status);
  g_variant_dict_insert (&d, "considered_on", "s", considered_on);
  if (g_str_equal (status, "referred") || g_str_equal (status, "allocated") || g_str_equal (status, "ended"))
    {
      g_autofree char *referred_on = day (c, referred);

      g_variant_dict_insert (&d, "referred_on", "s", referred_on);
    }
  if (g_str_equal (status, "allocated") || g_str_equal (status, "ended"))
    {
      g_autofree char *allocated_on = day (c, allocated);

      g_variant_dict_insert (&d, "allocated_on", "s", allocated_on);
      g_variant_dict_insert (&d, "organisation", "s", "Eastbridge Advocacy Hub");
      g_variant_dict_insert (&d, "advocate", "s", PICK (c->rand, ((const char *[]) { "Sam Okafor", "Beth Lomax", "Ravi Mistry" })));
    }
  if (g_str_equal (status, "ended"))
    {
      g_autofree char *ended_on = day (c, MAX (ended, allocated));

      g_variant_dict_insert (&d, "ended_on", "s", ended_on);
    }
  if (g_str_equal (status, "declined"))
    g_variant_dict_insert (&d, "declined_reason", "s", "Said they would rather their own family spoke up for them.");
  saved = save (c, HK_RECORD_KIND_ADVOCACY, NULL, &d);
  *out_status = status;
  return saved != NULL;
}

static HkRecord *
add_conversation (DemoCase    *c,
                  const char  *phase,
                  int          held,
                  const char  *asked,
                  gboolean     advocate,
                  const char  *summary)
{
  static const char *low_wellbeing[] = { "very_low", "low", "mixed" };
  static const char *low_safety[] = { "very_unsafe", "unsafe", "mixed" };
  static const char *high_wellbeing[] = { "mixed", "good", "good", "very_good" };
  static const char *high_safety[] = { "mixed", "safe", "safe", "very_safe" };
  gboolean closing = g_str_equal (phase, "at_closure");
  g_autofree char *held_on = day (c, held);
  const char *participants[4] = { "adult", NULL };
  guint n = 1;
  GVariantDict d;

  if (hk_record_get_string (c->person, "representative_name") && chance (c->rand, 50))
    participants[n++] = "representative";
  if (advocate)
    participants[n++] = "advocate";

  g_variant_dict_init (&d, NULL);
  g_variant_dict_insert (&d, "held_on", "s", held_on);
  g_variant_dict_insert (&d, "phase", "s", phase);
  g_variant_dict_insert (&d, "participants", "^as", participants);
  g_variant_dict_insert (&d, "asked", "s", asked);
  if (summary)
    g_variant_dict_insert (&d, "summary", "s", summary);
  if (g_str_equal (phase, "at_concern") && chance (c->rand, 85))
    {
      g_variant_dict_insert (&d, "wellbeing", "s", PICK (c->rand, low_wellbeing));
      g_variant_dict_insert (&d, "safety", "s", PICK (c->rand, low_safety));
    }
  if (closing)
    {
      static const guint weights[] = { 70, 20, 10 };
      static const char *answers[] = { "yes", "partly", "no" };
      guint safer = pick_weighted (c->rand, weights, 3);

      g_variant_dict_insert (&d, "wellbeing", "s", PICK (c->rand, high_wellbeing));
      g_variant_dict_insert (&d, "safety", "s", PICK (c->rand, high_safety));
      g_variant_dict_insert (&d, "feels_safer", "s", answers[safer]);
      g_variant_dict_insert (&d, "feels_safer_words", "s", feels_safer_words[safer == 0 ? (guint) g_rand_int_range (c->rand, 0, 2) : safer + 1]);
      g_variant_dict_insert (&d, "listened_to", "s", chance (c->rand, 80) ? "yes" : "partly");
      g_variant_dict_insert (&d, "listened_to_words", "s", PICK (c->rand, listened_words));
      g_variant_dict_insert (&d, "kept_informed", "s", chance (c->rand, 70) ? "yes" : "partly");
      g_variant_dict_insert (&d, "kept_informed_words", "s", PICK (c->rand, informed_words));
    }
  if (chance (c->rand, 40))
    insert_principles (c->rand, &d, "empowerment", NULL);
  return save (c, HK_RECORD_KIND_CONVERSATION, NULL, &d);
}

static gboolean
add_casework (DemoCase *c)
{
  DemoPlan *plan = c->plan;
  static const guint asked_weights[] = { 80, 8, 5, 2, 5 };
  static const char *asked_codes[] = {
    "asked_expressed", "asked_not_expressed", "not_asked", "dont_know", "not_recorded",
  };
  g_autoptr(HkRecord) concern = NULL;
  g_autoptr(HkRecord) first = NULL;
  g_autoptr(HkRecord) closing = NULL;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *asked = asked_codes[pick_weighted (c->rand, asked_weights, G_N_ELEMENTS (asked_codes))];
  const char *advocacy = NULL;
  gboolean enquiry = plan->decision != NULL && !g_str_equal (plan->decision, "no_enquiry");
  gboolean lacks = FALSE, protective = FALSE;
  int decided = clamp_day (c, g_rand_int_range (c->rand, 0, 4));
  int concluded = -1;
  guint n_actions;

  if (plan->has_concern && (concern = add_concern (c, decided)) == NULL)
    return FALSE;
  if (enquiry && !add_enquiry (c, decided, &concluded))
    return FALSE;
  if (plan->capacity && !add_capacity (c, enquiry, &lacks, &protective))
    return FALSE;
  if (enquiry && (protective || (g_str_equal (plan->decision, "s42_enquiry") && chance (c->rand, 40))) &&
      !add_advocacy (c, decided, concluded, protective, &advocacy))
    return FALSE;

  /* What the person wants, asked at the concern and in their words. */
  if (plan->has_concern && chance (c->rand, 90))
    {
      g_autoptr(GString) said = g_string_new (NULL);
      guint n_outcomes = g_str_equal (asked, "asked_expressed") ? g_rand_int_range (c->rand, 1, 4) : 0;
      int held = clamp_day (c, decided);
      g_autofree char *expressed_on = day (c, held);

      for (guint i = 0; i < n_outcomes; i++)
        g_string_append_printf (said, "%s\"%s\"", i ? " " : "", scenarios[plan->scenario].desired[i]);
      first = add_conversation (c, "at_concern", held, asked, FALSE, n_outcomes ? said->str : NULL);
      if (first == NULL)
        return FALSE;
      for (guint i = 0; i < n_outcomes; i++)
        {
          GVariantDict d;
          HkRecord *outcome;

          g_variant_dict_init (&d, NULL);
          g_variant_dict_insert (&d, "words", "s", scenarios[plan->scenario].desired[i]);
          g_variant_dict_insert (&d, "expressed_on", "s", expressed_on);
          g_variant_dict_insert (&d, "conversation_id", "s", hk_record_get_id (first));
          /* A closed case has its outcomes rated, at the closing conversation
           * or a last call. Rated from the start, to keep populating fast. */
          if (plan->closed)
            {
              static const guint weights[] = { 50, 35, 15 };
              static const char *ratings[] = { "fully", "partially", "not" };
              guint rating = pick_weighted (c->rand, weights, 3);
              g_autofree char *rated_on = day (c, c->end);

              g_variant_dict_insert (&d, "achieved", "s", ratings[rating]);
              g_variant_dict_insert (&d, "person_view", "s",
                                     person_views[rating == 0 ? (guint) g_rand_int_range (c->rand, 0, 2) : rating + 1]);
              g_variant_dict_insert (&d, "rated_on", "s", rated_on);
            }
          outcome = save (c, HK_RECORD_KIND_OUTCOME, NULL, &d);
          if (outcome == NULL)
            return FALSE;
          g_ptr_array_add (outcomes, outcome);
        }
    }
  else if (plan->has_concern)
    asked = "not_asked";

  if (enquiry && chance (c->rand, 50))
    {
      int mid = (decided + (concluded >= 0 ? concluded : c->end)) / 2;
      g_autoptr(HkRecord) during = add_conversation (c, "during_enquiry", mid, "asked_expressed",
                                                     g_strcmp0 (advocacy, "allocated") == 0 ||
                                                     g_strcmp0 (advocacy, "ended") == 0,
                                                     "Went through the plan so far; they said it was what they wanted.");

      if (during == NULL)
        return FALSE;
      /* Outcomes change as the enquiry goes on; the earlier wording stays in the history. */
      for (guint i = 0; i < outcomes->len; i++)
        if (chance (c->rand, 15))
          {
            HkRecord *old = outcomes->pdata[i];
            g_autofree char *words = g_strconcat (hk_record_get_string (old, "words"),
                                                  " And I want to choose who visits.", NULL);
            GVariantDict d;
            HkRecord *revised;

            g_variant_dict_init (&d, hk_record_get_fields (old));
            g_variant_dict_insert (&d, "words", "s", words);
            revised = hk_vault_save (c->vault, HK_RECORD_KIND_OUTCOME, hk_record_get_id (old), NULL,
                                     hk_record_get_revision (old), g_variant_dict_end (&d), c->error);
            if (revised == NULL)
              return FALSE;
            g_ptr_array_index (outcomes, i) = revised;
            g_object_unref (old);
          }
    }

  if (plan->closing_conversation)
    {
      closing = add_conversation (c, "at_closure", c->end,
                                  g_str_equal (asked, "asked_expressed") ? "asked_expressed" : asked,
                                  g_strcmp0 (advocacy, "ended") == 0,
                                  "Talked about how things are now and what difference the enquiry made.");
      if (closing == NULL)
        return FALSE;
    }

  /* Actions, tagged with the principles they serve. */
  n_actions = plan->has_concern ? g_rand_int_range (c->rand, 1, 4) : (chance (c->rand, 50) ? 1 : 0);
  for (guint i = 0; i < n_actions; i++)
    {
      guint which = g_rand_int_range (c->rand, 0, G_N_ELEMENTS (actions));
      int due = g_rand_int_range (c->rand, 3, 41);
      g_autoptr(GDateTime) due_dt = g_date_time_add_days (c->opened, due);
      g_autofree char *due_on = g_date_time_format (due_dt, "%F");
      g_autoptr(HkRecord) action = NULL;
      GVariantDict d;

      g_variant_dict_init (&d, NULL);
      g_variant_dict_insert (&d, "description", "s", actions[which].description);
      g_variant_dict_insert (&d, "owner", "s", chance (c->rand, 70) ? hk_vault_get_owner_name (c->vault) : "Team manager");
      g_variant_dict_insert (&d, "due_on", "s", due_on);
      if (due <= c->end && (plan->closed || chance (c->rand, 60)))
        {
          g_autofree char *done_on = day (c, due - g_rand_int_range (c->rand, 0, 3));

          g_variant_dict_insert (&d, "done_on", "s", done_on);
        }
      insert_principles (c->rand, &d, actions[which].principles[0], actions[which].principles[1]);
      action = save (c, HK_RECORD_KIND_ACTION, NULL, &d);
      if (action == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
hk_demo_populate (HkVault   *vault,
                  guint      n_cases,
                  guint      notes_per_case,
                  guint32    seed,
                  void     (*progress) (guint done, guint total, gpointer user_data),
                  gpointer   user_data,
                  GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* Casework draws on its own generator, so the rest stays as it was. */
  g_autoptr(GRand) work = g_rand_new_with_seed (seed ^ 0x5eedca5eu);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (HK_IS_VAULT (vault), FALSE);

  for (guint done = 0; done < n_cases;)
    {
      guint batch_end = MIN (n_cases, done + CASES_PER_BATCH);

      if (!hk_vault_begin_batch (vault, error))
        return FALSE;
      for (; done < batch_end; done++)
        {
          g_autoptr(HkRecord) person = NULL;
          g_autoptr(HkRecord) kase = NULL;
          g_autoptr(GDateTime) opened = NULL;
          g_autofree char *opened_on = NULL;
          g_autofree char *closed_on = NULL;
          gboolean closed = g_rand_int_range (rand, 0, 10) < 4;
          int age_days = g_rand_int_range (rand, 14, 700);
          int span_days = closed ? g_rand_int_range (rand, 7, MAX (8, age_days)) : age_days;
          guint scenario;
          DemoPlan plan;
          DemoCase casework;
          GVariantDict d;

          person = hk_vault_save (vault, HK_RECORD_KIND_PERSON, NULL, NULL, 0, person_fields (rand), error);
          if (person == NULL)
            goto fail;

          opened = g_date_time_add_days (now, -age_days);
          opened_on = g_date_time_format (opened, "%F");
          g_variant_dict_init (&d, NULL);
          g_variant_dict_insert (&d, "status", "s", closed ? "closed" : "open");
          g_variant_dict_insert (&d, "opened_on", "s", opened_on);
          if (closed)
            {
              g_autoptr(GDateTime) closed_dt = g_date_time_add_days (opened, span_days);
              closed_on = g_date_time_format (closed_dt, "%F");
              g_variant_dict_insert (&d, "closed_on", "s", closed_on);
            }
          scenario = g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries));
          g_variant_dict_insert (&d, "summary", "s", summaries[scenario]);
          g_variant_dict_insert (&d, "worker", "s", hk_vault_get_owner_name (vault));
          plan_case (work, &plan, scenario, closed);
          if (plan.capacity || plan.doubt_unassessed)
            {
              const char *doubts[] = { scenarios[scenario].capacity_decision, NULL };

              g_variant_dict_insert (&d, "capacity_doubts", "^as", doubts);
            }
          if (closed && !plan.closing_conversation)
            g_variant_dict_insert (&d, "no_conversation_reason", "s",
                                   "They did not want a closing visit and said they were happy for the case to close.");
          kase = hk_vault_save (vault, HK_RECORD_KIND_CASE, NULL, hk_record_get_id (person), 0,
                                g_variant_dict_end (&d), error);
          if (kase == NULL)
            goto fail;

          for (guint n = 0; n < notes_per_case; n++)
            {
              g_autoptr(HkRecord) note = NULL;
              g_autoptr(GDateTime) occurred = NULL;
              g_autoptr(GDateTime) recorded = NULL;
              g_autofree char *occurred_s = NULL;
              g_autofree char *recorded_s = NULL;
              g_autofree char *text = NULL;
              gint64 offset_min = (gint64) span_days * 24 * 60 * (n + 1) / (notes_per_case + 1);
              /* Most notes are written up the same day; about one in eight late. */
              int delay_min = g_rand_int_range (rand, 0, 8) == 0 ? g_rand_int_range (rand, 1500, 6000)
                                                                  : g_rand_int_range (rand, 20, 300);

              occurred = g_date_time_add_minutes (opened, offset_min + g_rand_int_range (rand, 540, 960));
              if (g_date_time_compare (occurred, now) > 0)
                occurred = (g_date_time_unref (occurred), g_date_time_add_hours (now, -1));
              recorded = g_date_time_add_minutes (occurred, delay_min);
              if (g_date_time_compare (recorded, now) > 0)
                recorded = (g_date_time_unref (recorded), g_date_time_ref (now));
              occurred_s = format_local (occurred);
              recorded_s = format_local (recorded);
              text = note_text (rand, hk_person_get_display_name (person));

              g_variant_dict_init (&d, NULL);
              g_variant_dict_insert (&d, "kind", "s", PICK (rand, note_kinds));
              g_variant_dict_insert (&d, "occurred_at", "s", occurred_s);
              g_variant_dict_insert (&d, "recorded_at", "s", recorded_s);
              g_variant_dict_insert (&d, "text", "s", text);
              if (g_rand_int_range (rand, 0, 3) == 0)
                {
                  const char *present[] = { hk_person_get_display_name (person), NULL };
                  g_variant_dict_insert (&d, "present", "^as", present);
                }
              if (chance (work, 25))
                insert_principles (work, &d, NULL, NULL);
              note = _hk_vault_save_import (vault, HK_RECORD_KIND_NOTE, hk_record_get_id (kase),
                                            g_variant_dict_end (&d), error);
              if (note == NULL)
                goto fail;
            }

          casework = (DemoCase) {
            .vault = vault, .rand = work, .opened = opened, .end = span_days,
            .case_id = hk_record_get_id (kase), .person = person, .plan = &plan, .error = error,
          };
          if (!add_casework (&casework))
            goto fail;
        }
      if (!hk_vault_commit_batch (vault, error))
        return FALSE;
      if (progress)
        progress (done, n_cases, user_data);
    }
  return TRUE;

fail:
  hk_vault_rollback_batch (vault);
  return FALSE;
}
