/* hk-prompts.c: the practice-prompt rules table
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule looks at one case and its records and may add prompts. Rules are
 * pure functions of their input (today's date is passed in), so each is
 * tested with a table of cases that must and must not trigger it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-prompts.h"
#include "hearken/hk-sac.h"

typedef struct
{
  HkRecord               *kase;
  GPtrArray              *by_kind[HK_RECORD_KIND_LAST + 1];
  const char             *today;
  gboolean                closing;
  const HkPromptSettings *settings;
  GPtrArray              *out;
} Ctx;

typedef void (*RuleFunc) (Ctx *ctx, const char *code, HkPromptSeverity severity);

static void
add (Ctx              *ctx,
     const char       *code,
     HkPromptSeverity  severity,
     const char       *record_id,
     char             *text)
{
  HkPrompt *p = g_new0 (HkPrompt, 1);

  p->code = code;
  p->severity = severity;
  p->text = text;
  p->record_id = g_strdup (record_id);
  g_ptr_array_add (ctx->out, p);
}

static GPtrArray *
of_kind (Ctx          *ctx,
         HkRecordKind  kind)
{
  return ctx->by_kind[kind];
}

static const char *
str (HkRecord   *r,
     const char *key)
{
  const char *v = hk_record_get_string (r, key);
  return v && *v ? v : NULL;
}

static gboolean
is (HkRecord   *r,
    const char *key,
    const char *value)
{
  return g_strcmp0 (str (r, key), value) == 0;
}

/* Closed, being closed, or with a concluded enquiry: time for closing work. */
static gboolean
at_closure (Ctx *ctx)
{
  GPtrArray *enquiries = of_kind (ctx, HK_RECORD_KIND_ENQUIRY);

  if (ctx->closing || is (ctx->kase, "status", "closed"))
    return TRUE;
  for (guint i = 0; i < enquiries->len; i++)
    if (str (enquiries->pdata[i], "concluded_on"))
      return TRUE;
  return FALSE;
}

static gboolean
has_open_s42_enquiry (Ctx *ctx)
{
  GPtrArray *enquiries = of_kind (ctx, HK_RECORD_KIND_ENQUIRY);

  for (guint i = 0; i < enquiries->len; i++)
    if (is (enquiries->pdata[i], "enquiry_type", "s42") && !str (enquiries->pdata[i], "concluded_on"))
      return TRUE;
  return FALSE;
}

/* ---- Rules ---- */

static void
rule_not_asked_at_concern (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *conversations = of_kind (ctx, HK_RECORD_KIND_CONVERSATION);

  if (of_kind (ctx, HK_RECORD_KIND_CONCERN)->len == 0)
    return;
  for (guint i = 0; i < conversations->len; i++)
    if (is (conversations->pdata[i], "phase", "at_concern") &&
        (is (conversations->pdata[i], "asked", "asked_expressed") ||
         is (conversations->pdata[i], "asked", "asked_not_expressed")))
      return;
  add (ctx, code, severity, NULL,
       g_strdup (_("Outcomes were not asked about at the concern stage. Ask the person what they want to happen, and record it in their own words.")));
}

static void
rule_outcomes_not_recorded (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *conversations = of_kind (ctx, HK_RECORD_KIND_CONVERSATION);

  if (of_kind (ctx, HK_RECORD_KIND_OUTCOME)->len > 0)
    return;
  for (guint i = 0; i < conversations->len; i++)
    if (is (conversations->pdata[i], "asked", "asked_expressed"))
      {
        add (ctx, code, severity, hk_record_get_id (conversations->pdata[i]),
             g_strdup (_("The person expressed desired outcomes, but none is recorded. Add each one in their own words.")));
        return;
      }
}

static void
rule_capacity_doubted (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  g_autofree const char **doubts = hk_record_get_strv (ctx->kase, "capacity_doubts");
  GPtrArray *assessments = of_kind (ctx, HK_RECORD_KIND_CAPACITY);

  for (guint d = 0; doubts && doubts[d]; d++)
    {
      g_autofree char *want = g_utf8_casefold (doubts[d], -1);
      gboolean found = FALSE;

      for (guint i = 0; !found && i < assessments->len; i++)
        {
          g_autofree char *have = g_utf8_casefold (str (assessments->pdata[i], "decision") ?: "", -1);
          found = g_str_equal (g_strstrip (have), g_strstrip (want));
        }
      if (!found)
        /* Translators: %s is the decision, e.g. "Whether to move into a care home" */
        add (ctx, code, severity, NULL,
             g_strdup_printf (_("Capacity is in doubt for the decision “%s”, but there is no capacity assessment for it. Capacity is assessed decision by decision."),
                              doubts[d]));
    }
}

static gboolean
any_difficulty (HkRecord *advocacy)
{
  static const char *keys[] = { "difficulty_understanding", "difficulty_retaining",
                                "difficulty_using", "difficulty_communicating" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (is (advocacy, keys[i], "yes"))
      return TRUE;
  return FALSE;
}

static gboolean
referral_made (HkRecord *advocacy)
{
  return is (advocacy, "status", "referred") || is (advocacy, "status", "allocated") ||
         is (advocacy, "status", "ended");
}

static void
rule_s68_duty (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *advocacy = of_kind (ctx, HK_RECORD_KIND_ADVOCACY);
  gboolean duty = FALSE, met = FALSE;

  if (!has_open_s42_enquiry (ctx))
    return;
  for (guint i = 0; i < advocacy->len; i++)
    {
      HkRecord *a = advocacy->pdata[i];

      if (any_difficulty (a) && is (a, "appropriate_person", "none"))
        duty = TRUE;
      if ((is (a, "basis", "care_act_s68") || is (a, "basis", "care_act_s67")) && referral_made (a))
        met = TRUE;
    }
  if (duty && !met)
    add (ctx, code, severity, NULL,
         g_strdup (_("The person has substantial difficulty being involved and there is no appropriate person, during a Section 42 enquiry: the Care Act section 68 duty applies. Refer them to an independent advocate.")));
}

static void
rule_advocacy_not_considered (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  if (has_open_s42_enquiry (ctx) && of_kind (ctx, HK_RECORD_KIND_ADVOCACY)->len == 0)
    add (ctx, code, severity, NULL,
         g_strdup (_("Consider whether the person would have substantial difficulty being involved in the enquiry, and so needs an independent advocate.")));
}

static void
rule_imca_protective_measures (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *assessments = of_kind (ctx, HK_RECORD_KIND_CAPACITY);
  GPtrArray *advocacy = of_kind (ctx, HK_RECORD_KIND_ADVOCACY);

  for (guint i = 0; i < assessments->len; i++)
    {
      HkRecord *c = assessments->pdata[i];
      gboolean considered = FALSE;

      if (!is (c, "outcome", "lacks_capacity") || !hk_record_get_boolean (c, "protective_measures"))
        continue;
      for (guint j = 0; j < advocacy->len; j++)
        considered |= is (advocacy->pdata[j], "basis", "imca_adult_protection");
      if (!considered)
        {
          add (ctx, code, severity, hk_record_get_id (c),
               g_strdup (_("The person lacks capacity to agree to protective measures: consider instructing an IMCA (adult protection) and record whether it would be of particular benefit.")));
          return;
        }
    }
}

static void
rule_risk_without_outcome (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *risks = of_kind (ctx, HK_RECORD_KIND_RISK);

  for (guint i = 0; i < risks->len; i++)
    if (hk_sac_risk_identified (str (risks->pdata[i], "assessment")) && !str (risks->pdata[i], "outcome"))
      add (ctx, code, severity, hk_record_get_id (risks->pdata[i]),
           g_strdup (_("A risk was identified but its risk outcome is not recorded: say whether the risk remained, was reduced or was removed.")));
}

static void
rule_close_without_conversation (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *conversations = of_kind (ctx, HK_RECORD_KIND_CONVERSATION);

  if (!at_closure (ctx) || str (ctx->kase, "no_conversation_reason"))
    return;
  for (guint i = 0; i < conversations->len; i++)
    if (is (conversations->pdata[i], "phase", "at_closure") || is (conversations->pdata[i], "phase", "after_closure"))
      return;
  add (ctx, code, severity, NULL,
       g_strdup (_("There is no closing outcome conversation. Ask the person how far their outcomes were achieved, whether they feel safer and listened to, or record why that was not possible.")));
}

static void
rule_outcomes_not_rated (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *outcomes = of_kind (ctx, HK_RECORD_KIND_OUTCOME);

  if (!at_closure (ctx))
    return;
  for (guint i = 0; i < outcomes->len; i++)
    if (!str (outcomes->pdata[i], "achieved"))
      add (ctx, code, severity, hk_record_get_id (outcomes->pdata[i]),
           g_strdup (_("A desired outcome has not been rated: record whether it was fully, partially or not achieved, with the person’s own view.")));
}

static void
rule_capacity_review_overdue (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *assessments = of_kind (ctx, HK_RECORD_KIND_CAPACITY);

  for (guint i = 0; i < assessments->len; i++)
    {
      HkRecord *c = assessments->pdata[i];
      const char *review = str (c, "review_on");
      g_autofree char *decision = g_utf8_casefold (str (c, "decision") ?: "", -1);
      gboolean superseded = FALSE;

      if (review == NULL || strcmp (review, ctx->today) >= 0)
        continue;
      /* A later assessment of the same decision is the review. */
      for (guint j = 0; !superseded && j < assessments->len; j++)
        {
          HkRecord *other = assessments->pdata[j];
          g_autofree char *d2 = g_utf8_casefold (str (other, "decision") ?: "", -1);

          superseded = other != c && g_str_equal (d2, decision) &&
                       g_strcmp0 (str (other, "assessed_on"), str (c, "assessed_on")) > 0;
        }
      if (!superseded)
        add (ctx, code, severity, hk_record_get_id (c),
             g_strdup (_("A capacity assessment is past its review date: review it or record a new assessment for the decision.")));
    }
}

static void
rule_advocacy_not_allocated (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *advocacy = of_kind (ctx, HK_RECORD_KIND_ADVOCACY);
  guint days = ctx->settings && ctx->settings->advocacy_allocation_days
               ? ctx->settings->advocacy_allocation_days : 14;
  GDate today, referred;

  g_date_clear (&today, 1);
  g_date_set_parse (&today, ctx->today);
  for (guint i = 0; i < advocacy->len; i++)
    {
      HkRecord *a = advocacy->pdata[i];
      const char *on = str (a, "referred_on");
      int y, m, d;

      if (!is (a, "status", "referred") || on == NULL || sscanf (on, "%d-%d-%d", &y, &m, &d) != 3 ||
          !g_date_valid_dmy (d, m, y) || !g_date_valid (&today))
        continue;
      g_date_clear (&referred, 1);
      g_date_set_dmy (&referred, d, m, y);
      if (g_date_days_between (&referred, &today) > (gint) days)
        add (ctx, code, severity, hk_record_get_id (a),
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "An advocacy referral has not been allocated an advocate after more than %u day. Chase the advocacy service.",
                                           "An advocacy referral has not been allocated an advocate after more than %u days. Chase the advocacy service.",
                                           days), days));
    }
}

static void
rule_concern_undecided (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *concerns = of_kind (ctx, HK_RECORD_KIND_CONCERN);

  for (guint i = 0; i < concerns->len; i++)
    if (!str (concerns->pdata[i], "decision"))
      add (ctx, code, severity, hk_record_get_id (concerns->pdata[i]),
           g_strdup (_("The concern has no decision yet: Section 42 enquiry, other enquiry, or no enquiry with the response given instead.")));
}

static void
rule_wellbeing_not_recorded (Ctx *ctx, const char *code, HkPromptSeverity severity)
{
  GPtrArray *conversations = of_kind (ctx, HK_RECORD_KIND_CONVERSATION);
  gboolean start = FALSE, end = FALSE;

  if (conversations->len == 0)
    return;
  for (guint i = 0; i < conversations->len; i++)
    {
      HkRecord *c = conversations->pdata[i];
      gboolean graded = str (c, "wellbeing") && str (c, "safety");

      start |= graded && is (c, "phase", "at_concern");
      end |= graded && (is (c, "phase", "at_closure") || is (c, "phase", "after_closure"));
    }
  if (!start)
    add (ctx, code, severity, NULL,
         g_strdup (_("Wellbeing and safety were not placed on the grid at the start. Ask the person how they rate both.")));
  else if (at_closure (ctx) && !end)
    add (ctx, code, severity, NULL,
         g_strdup (_("Wellbeing and safety were not placed on the grid at closure, so the change cannot be shown.")));
}

static const struct {
  const char       *code;
  HkPromptSeverity  severity;
  RuleFunc          func;
} rules[] = {
  { "advocacy-s68-duty",              HK_PROMPT_BLOCKING, rule_s68_duty },
  { "risk-without-outcome",           HK_PROMPT_BLOCKING, rule_risk_without_outcome },
  { "closing-without-conversation",   HK_PROMPT_BLOCKING, rule_close_without_conversation },
  { "outcomes-not-rated",             HK_PROMPT_BLOCKING, rule_outcomes_not_rated },
  { "msp-not-asked-at-concern",       HK_PROMPT_WARNING,  rule_not_asked_at_concern },
  { "msp-outcomes-not-recorded",      HK_PROMPT_WARNING,  rule_outcomes_not_recorded },
  { "capacity-doubted-no-assessment", HK_PROMPT_WARNING,  rule_capacity_doubted },
  { "imca-protective-measures",       HK_PROMPT_WARNING,  rule_imca_protective_measures },
  { "capacity-review-overdue",        HK_PROMPT_WARNING,  rule_capacity_review_overdue },
  { "advocacy-not-allocated",         HK_PROMPT_WARNING,  rule_advocacy_not_allocated },
  { "advocacy-not-considered",        HK_PROMPT_INFO,     rule_advocacy_not_considered },
  { "concern-undecided",              HK_PROMPT_INFO,     rule_concern_undecided },
  { "wellbeing-not-recorded",         HK_PROMPT_INFO,     rule_wellbeing_not_recorded },
};

const char * const *
hk_prompts_get_codes (void)
{
  static const char *codes[G_N_ELEMENTS (rules) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    codes[i] = rules[i].code;
  return codes;
}

void
hk_prompt_free (HkPrompt *prompt)
{
  if (prompt == NULL)
    return;
  g_free (prompt->text);
  g_free (prompt->record_id);
  g_free (prompt);
}

const char *
hk_prompt_severity_to_string (HkPromptSeverity severity)
{
  switch (severity)
    {
    case HK_PROMPT_BLOCKING: return "blocking";
    case HK_PROMPT_WARNING:  return "warning";
    case HK_PROMPT_INFO:
    default:                 return "info";
    }
}

const char *
hk_prompt_severity_get_label (HkPromptSeverity severity)
{
  switch (severity)
    {
    case HK_PROMPT_BLOCKING: return _("Must be resolved before closing");
    case HK_PROMPT_WARNING:  return _("Needs attention");
    case HK_PROMPT_INFO:
    default:                 return _("To consider");
    }
}

static int
by_severity (gconstpointer a,
             gconstpointer b)
{
  const HkPrompt *pa = *(HkPrompt **) a, *pb = *(HkPrompt **) b;
  return (int) pb->severity - (int) pa->severity;
}

GPtrArray *
hk_prompts_evaluate (HkRecord               *kase,
                     GPtrArray              *records,
                     const char             *today,
                     gboolean                closing,
                     const HkPromptSettings *settings)
{
  Ctx ctx = { 0 };

  g_return_val_if_fail (HK_IS_RECORD (kase), NULL);
  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  ctx.kase = kase;
  ctx.today = today;
  ctx.closing = closing;
  ctx.settings = settings;
  ctx.out = g_ptr_array_new_with_free_func ((GDestroyNotify) hk_prompt_free);
  for (guint k = 0; k <= HK_RECORD_KIND_LAST; k++)
    ctx.by_kind[k] = g_ptr_array_new ();
  for (guint i = 0; i < records->len; i++)
    {
      HkRecordKind kind = hk_record_get_kind (records->pdata[i]);
      if ((guint) kind <= HK_RECORD_KIND_LAST)
        g_ptr_array_add (ctx.by_kind[kind], records->pdata[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    rules[i].func (&ctx, rules[i].code, rules[i].severity);

  for (guint k = 0; k <= HK_RECORD_KIND_LAST; k++)
    g_ptr_array_unref (ctx.by_kind[k]);
  /* Stable: rules keep their table order within a severity. */
  g_ptr_array_sort (ctx.out, by_severity);
  return ctx.out;
}
