/* hk-sac.c
 *
 * Copyright 2026 The Hearken Developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels are verbatim from the SAC publication code (NHS Digital,
 * ASC-Safeguarding-Adults, publication_outputs/data_tables_export_outputs.py);
 * see ../shared/reference/domain.md §1.3.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearken/hk-sac.h"

static const HkEnumValue risk_types[] = {
  { "physical",           N_("Physical Abuse") },
  { "sexual",             N_("Sexual Abuse") },
  { "psychological",      N_("Psychological Abuse") },
  { "financial",          N_("Financial or Material Abuse") },
  { "discriminatory",     N_("Discriminatory Abuse") },
  { "organisational",     N_("Organisational Abuse") },
  { "neglect",            N_("Neglect and Acts of Omission") },
  { "domestic",           N_("Domestic Abuse") },
  { "sexual_exploitation",N_("Sexual Exploitation") },
  { "modern_slavery",     N_("Modern Slavery") },
  { "self_neglect",       N_("Self-Neglect") },
  { NULL, NULL }
};

static const HkEnumValue risk_locations[] = {
  { "own_home",            N_("Own Home") },
  { "community",           N_("In the Community") },
  { "community_service",   N_("Community Service") },
  { "care_home_nursing",   N_("Care Home - Nursing") },
  { "care_home_residential", N_("Care Home - Residential") },
  { "hospital_acute",      N_("Hospital - Acute") },
  { "hospital_mental_health", N_("Hospital - Mental Health") },
  { "hospital_community",  N_("Hospital - Community") },
  { "other",               N_("Other") },
  { NULL, NULL }
};

static const HkEnumValue risk_sources[] = {
  { "service_provider", N_("Service Provider") },
  { "known",            N_("Other - Known to individual") },
  { "unknown",          N_("Other - Unknown to individual") },
  { NULL, NULL }
};

static const HkEnumValue risk_assessments[] = {
  { "identified_action",      N_("Risk identified and action taken") },
  { "identified_no_action",   N_("Risk identified and no action taken") },
  { "inconclusive_action",    N_("Risk Assessment inconclusive and action taken") },
  { "inconclusive_no_action", N_("Risk Assessment inconclusive and no action taken") },
  { "none_action",            N_("No risk identified and action taken") },
  { "none_no_action",         N_("No risk identified and no action taken") },
  { "ceased_at_request",      N_("Enquiry ceased at individual's request and no action taken") },
  { NULL, NULL }
};

static const HkEnumValue risk_outcomes[] = {
  { "remained", N_("Risk remained") },
  { "reduced",  N_("Risk reduced") },
  { "removed",  N_("Risk removed") },
  { NULL, NULL }
};

static const HkEnumValue msp_asked[] = {
  { "asked_expressed",     N_("Yes they were asked and outcomes were expressed") },
  { "asked_not_expressed", N_("Yes they were asked but no outcomes were expressed") },
  { "not_asked",           N_("No") },
  { "dont_know",           N_("Don't Know") },
  { "not_recorded",        N_("Not Recorded") },
  { NULL, NULL }
};

static const HkEnumValue msp_achieved[] = {
  { "fully",     N_("Fully Achieved") },
  { "partially", N_("Partially Achieved") },
  { "not",       N_("Not Achieved") },
  { NULL, NULL }
};

static const HkEnumValue capacity[] = {
  { "lacked",       N_("Yes, they lacked capacity") },
  { "not_lacked",   N_("No, they did not lack capacity") },
  { "dont_know",    N_("Don't know") },
  { "not_recorded", N_("Not recorded") },
  { NULL, NULL }
};

static const HkEnumValue *tables[HK_SAC_N_TABLES] = {
  [HK_SAC_RISK_TYPE]       = risk_types,
  [HK_SAC_RISK_LOCATION]   = risk_locations,
  [HK_SAC_RISK_SOURCE]     = risk_sources,
  [HK_SAC_RISK_ASSESSMENT] = risk_assessments,
  [HK_SAC_RISK_OUTCOME]    = risk_outcomes,
  [HK_SAC_MSP_ASKED]       = msp_asked,
  [HK_SAC_MSP_ACHIEVED]    = msp_achieved,
  [HK_SAC_CAPACITY]        = capacity,
};

/* Local wording seen in council systems (domain.md §1.3) → codes. Compared
 * case-insensitively after the published labels. */
static const struct {
  HkSacTable  table;
  const char *text;
  const char *code;
} local_wording[] = {
  { HK_SAC_RISK_TYPE, "Physical", "physical" },
  { HK_SAC_RISK_TYPE, "Sexual", "sexual" },
  { HK_SAC_RISK_TYPE, "Psychological", "psychological" },
  { HK_SAC_RISK_TYPE, "Emotional abuse", "psychological" },
  { HK_SAC_RISK_TYPE, "Financial and Material", "financial" },
  { HK_SAC_RISK_TYPE, "Financial", "financial" },
  { HK_SAC_RISK_TYPE, "Discriminatory", "discriminatory" },
  { HK_SAC_RISK_TYPE, "Organisational", "organisational" },
  { HK_SAC_RISK_TYPE, "Institutional", "organisational" },
  { HK_SAC_RISK_TYPE, "Neglect and Omission", "neglect" },
  { HK_SAC_RISK_TYPE, "Neglect", "neglect" },
  { HK_SAC_RISK_TYPE, "Domestic Violence", "domestic" },
  { HK_SAC_RISK_TYPE, "Domestic", "domestic" },
  { HK_SAC_RISK_TYPE, "Self Neglect", "self_neglect" },
  { HK_SAC_RISK_LOCATION, "In the community (excluding community services)", "community" },
  { HK_SAC_RISK_LOCATION, "Own home", "own_home" },
  { HK_SAC_RISK_LOCATION, "Nursing home", "care_home_nursing" },
  { HK_SAC_RISK_LOCATION, "Residential home", "care_home_residential" },
  { HK_SAC_RISK_SOURCE, "Known to individual", "known" },
  { HK_SAC_RISK_SOURCE, "Unknown to individual", "unknown" },
  { HK_SAC_RISK_SOURCE, "Social Care Support or Service Provider", "service_provider" },
};

const HkEnumValue *
hk_sac_get_values (HkSacTable table)
{
  g_return_val_if_fail ((guint) table < HK_SAC_N_TABLES, NULL);
  return tables[table];
}

const char *
hk_sac_get_published_label (HkSacTable  table,
                            const char *code)
{
  g_return_val_if_fail ((guint) table < HK_SAC_N_TABLES, NULL);

  if (code == NULL)
    return NULL;
  for (const HkEnumValue *v = tables[table]; v->code; v++)
    if (g_str_equal (v->code, code))
      return v->label;
  return NULL;
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  g_autofree char *sa = g_strstrip (g_strdup (fa));
  g_autofree char *sb = g_strstrip (g_strdup (fb));

  return g_str_equal (sa, sb);
}

const char *
hk_sac_map_local (HkSacTable  table,
                  const char *text)
{
  g_return_val_if_fail ((guint) table < HK_SAC_N_TABLES, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  for (const HkEnumValue *v = tables[table]; v->code; v++)
    if (g_str_equal (v->code, text) || same_words (v->label, text))
      return v->code;
  for (guint i = 0; i < G_N_ELEMENTS (local_wording); i++)
    if (local_wording[i].table == table && same_words (local_wording[i].text, text))
      return local_wording[i].code;
  return NULL;
}

gboolean
hk_sac_risk_identified (const char *assessment_code)
{
  return g_strcmp0 (assessment_code, "identified_action") == 0 ||
         g_strcmp0 (assessment_code, "identified_no_action") == 0;
}
